/**
 * JSON Schema (draft-07, checked with ajv) of a .driftbook file's manifest.json and cells.json, one
 * pair per backup format version. A new backup version adds a pair here and bumps BACKUP_VERSION.
 *
 * The schemas describe the raw JSON, before tagged-JSON decoding (lib/store/tagged-json.ts): a
 * field typed `number` must be a plain JSON number, never a tagged NaN/Infinity. Objects may carry
 * fields this version does not know (kept as they are); `config`, `result` and `error` are the cell
 * kind's business (lib/notebook validates them) and are not constrained beyond their presence.
 *
 * The browser's CSP forbids `eval`, which ajv's compiler uses: the validators are precompiled by
 * `npm run backup:schema` (scripts/make-backup-validator.mjs) into backup-validate.generated.mjs.
 */
export const BACKUP_FORMAT = 'driftbook-workspace';
export const BACKUP_VERSION = 1;

// Patterns, not minLength/maxLength: those need an ajv runtime import the generated module cannot have.
const id = { type: 'string', pattern: '^[\\s\\S]{1,200}$' } as const;
const text = { type: 'string' } as const;
const count = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;
const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const inputRef = { type: 'object', required: ['id', 'sha256'], properties: { id, sha256: text, segment: text } } as const;

const datasetMeta = {
  type: 'object',
  required: ['id', 'name', 'format', 'sha256', 'bytes', 'rows', 'schema', 'warnings', 'createdAt'],
  properties: {
    id,
    name: text,
    format: { enum: ['csv', 'tsv', 'parquet', 'arrow', 'jsonl'] },
    sha256,
    bytes: count,
    rows: count,
    schema: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'type'],
        properties: { name: text, type: { enum: ['numeric', 'categorical', 'boolean', 'datetime', 'text'] } },
      },
    },
    warnings: { type: 'array', items: text },
    roles: {
      type: 'object',
      additionalProperties: { enum: ['feature', 'target', 'prediction', 'score', 'timestamp', 'id', 'sensitive', 'ignored'] },
    },
    createdAt: text,
  },
} as const;

/** manifest.json, version 1. `arrowBytes` (added in 0.1) is optional: older files lack it. */
export const manifestSchemaV1 = {
  $id: 'https://driftbook.local/backup/v1/manifest.json',
  type: 'object',
  required: ['format', 'version', 'appVersion', 'exportedAt', 'workspace', 'datasets', 'cells'],
  properties: {
    format: { const: BACKUP_FORMAT },
    version: { const: 1 },
    appVersion: text,
    exportedAt: text,
    workspace: {
      type: 'object',
      required: ['id', 'name', 'createdAt', 'updatedAt'],
      properties: { id, name: text, createdAt: text, updatedAt: text, datasetIds: { type: 'array', items: id } },
    },
    datasets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['meta', 'arrowSha256', 'file'],
        properties: {
          meta: datasetMeta,
          arrowSha256: sha256,
          arrowBytes: count,
          // Entries are looked up by name, never written to disk; the pattern still keeps names plain.
          file: { type: 'string', pattern: '^datasets/[^/\\\\]{1,240}\\.arrow$' },
        },
      },
    },
    cells: count,
  },
} as const;

/** cells.json, version 1: the workspace's cell records (lib/store/types.ts CellRecord). */
export const cellsSchemaV1 = {
  $id: 'https://driftbook.local/backup/v1/cells.json',
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'workspaceId', 'order', 'kind', 'title', 'config', 'inputs', 'status', 'updatedAt'],
    properties: {
      id,
      workspaceId: text,
      order: { type: 'number' },
      // Any string: a kind this version does not know is imported as is and shown as a failed cell.
      kind: text,
      title: text,
      config: {},
      // By slot (reference, current, and any a later version adds): each a dataset reference.
      inputs: { type: 'object', additionalProperties: inputRef },
      collapsed: { type: 'boolean' },
      status: { enum: ['idle', 'ok', 'running', 'error'] },
      result: {},
      error: { type: 'object', required: ['kind', 'code', 'message'], properties: { kind: text, code: text, message: text } },
      resultKey: text,
      durationMs: { type: 'number' },
      updatedAt: text,
    },
  },
} as const;

/** The schemas by backup version, compiled by scripts/make-backup-validator.mjs. */
export const BACKUP_SCHEMAS = { manifestV1: manifestSchemaV1, cellsV1: cellsSchemaV1 } as const;
