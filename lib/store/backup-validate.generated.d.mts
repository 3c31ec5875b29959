// Types of the precompiled validators in backup-validate.generated.mjs (ajv standalone code).
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export declare const manifestV1: SchemaValidator;
export declare const cellsV1: SchemaValidator;
export declare const cardsV1: SchemaValidator;
export declare const batchesV1: SchemaValidator;
export declare const alertRulesV1: SchemaValidator;
export declare const dashboardV1: SchemaValidator;
