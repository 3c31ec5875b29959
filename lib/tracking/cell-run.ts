/**
 * What a notebook cell's run logs as an MLflow run (pure: lib/notebook/cell-tracking.ts gathers the
 * facts and stores it). Params: the kind, the config flattened to MLflow-style key paths
 * (`config.method`, `config.thresholds.psi`; arrays as JSON), each input's dataset, SHA-256 and
 * segment. Inputs: the datasets (digest = SHA-256, source type 'driftbook', context = the slot).
 * Metrics: the result's scalars, one point each. Sizes are capped (MLflow's own limits where it has
 * them: a param value at most 6000 characters) and what was cut is named in a tag.
 */
import type { MetricPoint, RunInput, RunStatus } from './types';

/** MLflow's MAX_PARAM_VAL_LENGTH (mlflow/utils/validation.py). */
export const MAX_PARAM_LENGTH = 6000;
export const MAX_CONFIG_PARAMS = 100;
export const MAX_RUN_METRICS = 50;

/** The tag that ties a cell run's experiment (and its runs) to the workspace. */
export const WORKSPACE_TAG = 'driftbook.workspaceId';
export const CELL_TAG = 'driftbook.cellId';
export const KIND_TAG = 'driftbook.cellKind';

export interface CellRunInput {
  slot: string;
  datasetId: string;
  name: string;
  sha256: string;
  segment?: string;
}

export interface CellRunFacts {
  workspaceId: string;
  workspaceName: string;
  cellId: string;
  title: string;
  kind: string;
  config: unknown;
  inputs: CellRunInput[];
  ok: boolean;
  error?: { code: string; message: string };
  startTime: number;
  endTime: number;
  /** The result's scalars (already capped by the caller's choice, capped again here). */
  metrics: Record<string, number>;
  /** The result came from an identical cell (not recomputed). */
  reused?: boolean;
}

export interface CellRunSpec {
  name: string;
  status: RunStatus;
  startTime: number;
  endTime: number;
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: Record<string, MetricPoint[]>;
  inputs: RunInput[];
}

const paramText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));

/**
 * A nested config as MLflow-style params: objects become dotted key paths, arrays and scalars their
 * JSON (strings as they are); at most `maxParams` keys, values cut at MAX_PARAM_LENGTH. Returns the
 * keys it cut or dropped.
 */
export function flattenParams(value: unknown, prefix: string, maxParams = MAX_CONFIG_PARAMS): { params: Record<string, string>; cut: string[] } {
  const params: Record<string, string> = {};
  const cut: string[] = [];
  let count = 0;
  const visit = (v: unknown, key: string) => {
    if (v === undefined) return;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length === 0) return;
      for (const [k, child] of entries) visit(child, `${key}.${k}`);
      return;
    }
    if (count >= maxParams) {
      cut.push(key);
      return;
    }
    count++;
    const text = paramText(v);
    if (text.length > MAX_PARAM_LENGTH) {
      cut.push(key);
      params[key] = `${text.slice(0, MAX_PARAM_LENGTH - 40)}… (${text.length} characters, cut)`;
    } else params[key] = text;
  };
  visit(value, prefix);
  return { params, cut };
}

/**
 * The obvious scalars of a result object: finite numbers at most `depth` levels down (arrays are
 * skipped: no per-column or per-window dumps), as dotted paths, at most `max`.
 */
export function scalarFields(result: unknown, { depth = 2, max = MAX_RUN_METRICS }: { depth?: number; max?: number } = {}): Record<string, number> {
  const out: Record<string, number> = {};
  let count = 0;
  const visit = (v: unknown, path: string, level: number) => {
    if (count >= max) return;
    if (typeof v === 'number') {
      if (Number.isFinite(v) && path) {
        out[path] = v;
        count++;
      }
      return;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v) || level >= depth) return;
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) visit(child, path ? `${path}.${k}` : k, level + 1);
  };
  visit(result, '', 0);
  return out;
}

/** The run a cell's run logs. */
export function cellRunSpec(facts: CellRunFacts): CellRunSpec {
  const { params: config, cut } = flattenParams(facts.config, 'config');
  const params: Record<string, string> = { kind: facts.kind, ...config };
  for (const input of facts.inputs) {
    params[`input.${input.slot}.dataset`] = input.name;
    params[`input.${input.slot}.sha256`] = input.sha256;
    if (input.segment) params[`input.${input.slot}.segment`] = input.segment.slice(0, MAX_PARAM_LENGTH);
  }
  const metricEntries = Object.entries(facts.metrics).filter(([, v]) => typeof v === 'number');
  const metrics = Object.fromEntries(metricEntries.slice(0, MAX_RUN_METRICS).map(([k, value]) => [k, [{ value, timestamp: facts.endTime, step: 0 }]]));
  const tags: Record<string, string> = {
    'mlflow.runName': facts.title,
    'mlflow.source.type': 'NOTEBOOK',
    'mlflow.source.name': `driftbook:${facts.workspaceName}`,
    [WORKSPACE_TAG]: facts.workspaceId,
    [CELL_TAG]: facts.cellId,
    [KIND_TAG]: facts.kind,
  };
  if (facts.reused) tags['driftbook.reusedResult'] = 'true';
  if (facts.error) tags['driftbook.error'] = `${facts.error.code}: ${facts.error.message}`.slice(0, MAX_PARAM_LENGTH);
  if (cut.length) tags['driftbook.cutParams'] = cut.join(', ').slice(0, MAX_PARAM_LENGTH);
  if (metricEntries.length > MAX_RUN_METRICS) tags['driftbook.cutMetrics'] = String(metricEntries.length - MAX_RUN_METRICS);
  const inputs: RunInput[] = facts.inputs.map((input) => ({
    name: input.name,
    digest: input.sha256,
    sourceType: 'driftbook',
    source: input.name,
    schema: null,
    profile: null,
    tags: { 'mlflow.data.context': input.slot },
  }));
  return { name: facts.title, status: facts.ok ? 'FINISHED' : 'FAILED', startTime: facts.startTime, endTime: facts.endTime, params, tags, metrics, inputs };
}
