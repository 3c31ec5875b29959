/**
 * JSON Schema (draft-07) of a .driftbook file's alert rules (alerts.json) and dashboard
 * (dashboard.json), optional entries added with issue 15 and named by the manifest's `alertRules`
 * and `dashboard`. Shapes only: the rules' meaning (catalogue metric, labels of that family,
 * durations) is checked by lib/alerts when the rules are edited or imported as a rules file; a
 * rule naming a metric this version does not know never matches a sample.
 */
const text = { type: 'string' } as const;
const id = { type: 'string', pattern: '^[\\s\\S]{1,200}$' } as const;
const labels = { type: 'object', additionalProperties: text } as const;

/** Most rules and tiles a workspace file may hold. */
export const MAX_BACKUP_RULES = 10_000;
export const MAX_BACKUP_TILES = 10_000;

const rule = {
  type: 'object',
  required: ['id', 'name', 'metric', 'labels', 'comparator', 'threshold', 'for', 'severity', 'summary'],
  properties: {
    id,
    name: text,
    metric: text,
    labels,
    comparator: { enum: ['>', '>=', '<', '<='] },
    // A plain (finite) JSON number: a tagged NaN threshold is refused.
    threshold: { type: 'number' },
    for: {
      anyOf: [
        { type: 'string', pattern: '^[0-9a-z]{1,40}$' },
        { type: 'object', required: ['consecutive'], properties: { consecutive: { type: 'integer', minimum: 1, maximum: 1_000_000 } } },
      ],
    },
    severity: { enum: ['critical', 'warning', 'info'] },
    summary: text,
    enabled: { type: 'boolean' },
  },
} as const;

/** alerts.json: the workspace's rules record (lib/alerts/types.ts WorkspaceRulesRecord). */
export const alertRulesSchemaV1 = {
  $id: 'https://driftbook.local/backup/v1/alerts.json',
  type: 'object',
  required: ['workspaceId', 'rules', 'notify', 'updatedAt'],
  properties: { workspaceId: text, rules: { type: 'array', maxItems: MAX_BACKUP_RULES, items: rule }, notify: { type: 'boolean' }, updatedAt: text },
} as const;

/** dashboard.json: the workspace's dashboard (lib/alerts/types.ts DashboardRecord). */
export const dashboardSchemaV1 = {
  $id: 'https://driftbook.local/backup/v1/dashboard.json',
  type: 'object',
  required: ['workspaceId', 'tiles', 'updatedAt'],
  properties: {
    workspaceId: text,
    updatedAt: text,
    tiles: {
      type: 'array',
      maxItems: MAX_BACKUP_TILES,
      items: {
        anyOf: [
          {
            type: 'object',
            required: ['id', 'type', 'cellId', 'metric', 'labels'],
            properties: { id, type: { const: 'stat' }, cellId: text, metric: text, labels, title: text },
          },
          { type: 'object', required: ['id', 'type', 'cellId'], properties: { id, type: { const: 'chart' }, cellId: text, chart: text, title: text } },
        ],
      },
    },
  },
} as const;

/** The manifest's entries naming them (both optional: absent in older files and when there is nothing to keep). */
export const monitoringManifestEntries = {
  alertRules: { type: 'object', required: ['file', 'rules'], properties: { file: { const: 'alerts.json' }, rules: { type: 'integer', minimum: 0 } } },
  dashboard: { type: 'object', required: ['file', 'tiles'], properties: { file: { const: 'dashboard.json' }, tiles: { type: 'integer', minimum: 0 } } },
} as const;
