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
import { alertRulesSchemaV1, dashboardSchemaV1, monitoringManifestEntries } from './backup-schema-monitoring';

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
      properties: {
        id,
        name: text,
        createdAt: text,
        updatedAt: text,
        datasetIds: { type: 'array', items: id },
        // Added in 0.3 (batch history): absent in older files and without a pinned reference.
        pinnedReference: { type: 'object', required: ['id', 'sha256'], properties: { id, sha256: text } },
      },
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
    // Added in 0.2 (model cards): absent in older files and when the workspace has no card.
    modelCards: {
      type: 'object',
      required: ['file', 'cards', 'versions'],
      properties: { file: { const: 'cards.json' }, cards: count, versions: count },
    },
    // Added in 0.3 (batch history): absent in older files and when the workspace has no batch.
    batches: {
      type: 'object',
      required: ['file', 'count'],
      properties: { file: { const: 'batches.json' }, count },
    },
    // Added with alerts and the dashboard (issue 15): lib/store/backup-schema-monitoring.ts.
    ...monitoringManifestEntries,
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

// A model card (lib/cards/types.ts ModelCard): every field the editor reads has its type, so a
// hostile file cannot hand it a string where it maps over a list. Numbers may be tagged (NaN).
const num = {
  anyOf: [{ type: 'number' }, { type: 'object', required: ['$num'], properties: { $num: { enum: ['NaN', 'Infinity', '-Infinity', '-0'] } } }],
} as const;
const texts = { type: 'array', items: text } as const;
const object = <P extends Record<string, unknown>>(properties: P, required: (keyof P & string)[] = Object.keys(properties)) =>
  ({ type: 'object', required, properties }) as const;
const side = { enum: ['reference', 'current'] } as const;
// Shared parts are referenced, not repeated: the precompiled validator holds each once.
const ref = (name: 'source' | 'metric' | 'card') => ({ $ref: `#/definitions/${name}` }) as const;
const cardSource = object({
  cellId: text,
  cellTitle: text,
  kind: text,
  datasets: { type: 'array', items: object({ side, name: text, sha256: text }) },
  computedAt: text,
});
const cardMetric = object(
  {
    type: text,
    name: text,
    value: num,
    side,
    group: object({ column: text, value: text }),
    interval: object({ lower: num, upper: num, level: num, method: text, resamples: num, seed: num }),
    source: ref('source'),
  },
  ['type', 'value', 'side'],
);
const keyValues = { type: 'array', items: object({ key: text, value: text }) } as const;
const modelCard = object({
  schemaVersion: { const: 1 },
  modelDetails: object({
    name: text,
    overview: text,
    documentation: text,
    owners: { type: 'array', items: object({ name: text, contact: text }) },
    version: object({ name: text, date: text, diff: text }),
    licenses: { type: 'array', items: object({ identifier: text, customText: text }) },
    references: texts,
    citations: { type: 'array', items: object({ style: text, citation: text }) },
    path: text,
  }),
  modelParameters: object({
    architecture: text,
    data: {
      type: 'array',
      items: object({ name: text, link: text, description: text, side, rows: num, sha256: text, sensitive: texts, source: ref('source') }, [
        'name',
        'link',
        'description',
        'sensitive',
      ]),
    },
    inputFormat: text,
    inputFormatMap: keyValues,
    outputFormat: text,
    outputFormatMap: keyValues,
  }),
  quantitative: object(
    {
      metrics: { type: 'array', items: ref('metric') },
      drift: object(
        {
          driftedColumns: num,
          testedColumns: num,
          share: num,
          datasetDrift: { type: 'boolean' },
          threshold: num,
          columns: { type: 'array', items: object({ column: text, method: text, score: num, drifted: { type: 'boolean' } }) },
          source: ref('source'),
        },
        ['driftedColumns', 'testedColumns', 'share', 'datasetDrift', 'threshold', 'columns'],
      ),
      estimated: { type: 'array', items: ref('metric') },
      validation: { type: 'array', items: object({ suite: text, evaluated: num, successful: num, success: { type: 'boolean' } }) },
      notes: text,
    },
    ['metrics', 'estimated', 'validation', 'notes'],
  ),
  considerations: object({
    users: texts,
    useCases: texts,
    limitations: texts,
    tradeoffs: texts,
    ethicalConsiderations: { type: 'array', items: object({ name: text, mitigationStrategy: text }) },
  }),
  huggingFace: object({
    taskType: text,
    developedBy: text,
    modelType: text,
    language: text,
    tags: texts,
    gettingStarted: text,
    trainingData: text,
    trainingProcedure: text,
    testingData: text,
    factors: text,
    evaluationMetrics: text,
    results: text,
    environmentalImpact: object({ hardwareType: text, hoursUsed: text, cloudProvider: text, computeRegion: text, carbonEmitted: text }),
    contact: text,
  }),
  signOff: object({ reviewer: text, date: text, notes: text }),
});

/** Most cards a workspace file may hold, and most versions (a backup is not a place for unbounded lists). */
export const MAX_BACKUP_CARDS = 100;
export const MAX_BACKUP_CARD_VERSIONS = 20_000;

/**
 * cards.json (added in 0.2; named by the manifest's `modelCards`): the workspace's model cards
 * (lib/store/types.ts CardRecord) and all their versions (CardVersionRecord).
 */
export const cardsSchemaV1 = {
  $id: 'https://driftbook.local/backup/v1/cards.json',
  type: 'object',
  required: ['cards', 'versions'],
  definitions: { source: cardSource, metric: cardMetric, card: modelCard },
  properties: {
    cards: {
      type: 'array',
      maxItems: MAX_BACKUP_CARDS,
      items: object({ id, workspaceId: text, title: text, draft: ref('card'), updatedAt: text, latestVersion: count }),
    },
    versions: {
      type: 'array',
      maxItems: MAX_BACKUP_CARD_VERSIONS,
      items: object({
        id,
        cardId: id,
        workspaceId: text,
        version: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
        savedAt: text,
        card: ref('card'),
        reason: { enum: ['autosave', 'autofill', 'import', 'sign-off'] },
      }),
    },
  },
} as const;

/** Most batches a workspace file may hold. */
export const MAX_BACKUP_BATCHES = 100_000;

const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullableNum = { anyOf: [num, { type: 'null' }] } as const;
const batchSummary = object(
  {
    schemaVersion: { const: 1 },
    reference: object({ sha256: text, name: text, rows: count }),
    rows: count,
    driftShare: num,
    datasetDrifted: { type: 'boolean' },
    driftThreshold: num,
    driftedColumns: count,
    testedColumns: count,
    missingShare: nullableNum,
    columns: {
      type: 'array',
      items: object({ name: text, method: { anyOf: [text, { type: 'null' }] }, score: nullableNum, drifted: { type: 'boolean' } }),
    },
    warnings: texts,
    engineVersion: count,
    computedAt: text,
  },
  [
    'schemaVersion',
    'reference',
    'rows',
    'driftShare',
    'datasetDrifted',
    'driftThreshold',
    'driftedColumns',
    'testedColumns',
    'missingShare',
    'columns',
    'warnings',
  ],
);

/**
 * batches.json (added in 0.3; named by the manifest's `batches`): the workspace's batch history
 * (lib/store/types.ts BatchRecord), each batch's dataset among the file's datasets.
 */
export const batchesSchemaV1 = {
  $id: 'https://driftbook.local/backup/v1/batches.json',
  type: 'array',
  maxItems: MAX_BACKUP_BATCHES,
  items: object(
    {
      id,
      workspaceId: text,
      date: isoDate,
      addedAt: text,
      dataset: object({ id, sha256: text, name: text, rows: count }),
      source: {
        anyOf: [object({ kind: { const: 'upload' } }), object({ kind: { const: 'period' }, file: text, label: text })],
      },
      summary: batchSummary,
      error: object({ code: text, message: text }),
    },
    ['id', 'workspaceId', 'date', 'addedAt', 'dataset', 'source'],
  ),
} as const;

/** The schemas by backup version, compiled by scripts/make-backup-validator.mjs. */
export const BACKUP_SCHEMAS = {
  manifestV1: manifestSchemaV1,
  cellsV1: cellsSchemaV1,
  cardsV1: cardsSchemaV1,
  batchesV1: batchesSchemaV1,
  alertRulesV1: alertRulesSchemaV1,
  dashboardV1: dashboardSchemaV1,
} as const;
