import type { Table } from 'apache-arrow';
import { AnalysisError } from '../errors';
import type { Dataset, DatasetMeta } from '../data/types';
import { APP_VERSION } from '../version';
import { resolveColumnType } from '../profile/column-type';
import { computeColumnDrift } from './column-drift';
import { adjustPValues } from './correction';
import { computeDatasetDrift } from './dataset-drift';
import { planRoles } from './drift-roles';
import { runDriftPlan } from './scheduler';
import { getDriftMethod, validateKindMethods } from './methods/registry';
import type { MethodContext } from './methods/method';
import { profileColumn, type ColumnProfile } from '../profile/column-profile';
import type { ColumnRole, ColumnType, RoleInfo } from '../data/types';
import type { ColumnDriftResult, DatasetRef, DriftConfig, DriftResult } from './types';

export interface DriftOptions extends DriftConfig {
  /** Called after each column with (done, total). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export const DEFAULT_SEED = 42;

/** What planning reads of a table: each column's length and null count (an Arrow Table is one). */
export interface CountedColumns {
  getChild(name: string): { length: number; nullCount: number } | null;
}

function valueCount(table: CountedColumns, name: string): number {
  const vector = table.getChild(name)!;
  return vector.length - vector.nullCount;
}

/** How a result names a compared dataset: name, rows compared, file SHA-256, and the segment it was filtered by. */
function datasetRef(meta: DatasetMeta): DatasetRef {
  return { name: meta.name, rows: meta.rows, sha256: meta.sha256, ...(meta.segment ? { segment: meta.segment } : {}) };
}

function preview(names: readonly string[]): string {
  const shown = names.slice(0, 6).join(', ');
  return names.length > 6 ? `${shown}, … (${names.length} in all)` : shown;
}

/**
 * Replaces each p-value test's score by its adjusted p-value (raw one kept in `tests`) and re-decides drift;
 * `counts` narrows which columns take part (drift from profiles: exact p-values only).
 */
export function applyCorrection(columns: ColumnDriftResult[], correction: DriftConfig['correction'], counts = (_: ColumnDriftResult) => true): void {
  if (!correction || correction === 'none') return;
  const tests = columns.filter((c) => c.tested && c.scoreKind === 'p-value' && typeof c.score === 'number' && counts(c));
  const adjusted = adjustPValues(
    tests.map((c) => c.score as number),
    correction,
  );
  tests.forEach((column, i) => {
    const p = adjusted[i]!;
    column.tests![column.method!]!.adjustedPValue = p;
    column.score = p;
    column.drifted = getDriftMethod(column.method!).isDrifted(p, column.threshold!);
  });
}

/** One column to compare, as planned before any is computed (the unit of work of a worker pool). */
export interface ColumnTask {
  name: string;
  type: ColumnType;
  conflict: boolean;
  role?: ColumnRole;
}

/** Roles that keep a column out of drift testing altogether. */
const NOT_TESTED_ROLES = new Set<ColumnRole>(['id', 'timestamp', 'ignored']);

/** What a drift run decided before computing: the column tasks, settings and report-level facts. */
export interface DriftPlan {
  tasks: ColumnTask[];
  config: DriftConfig;
  context: MethodContext;
  onlyInReference: string[];
  onlyInCurrent: string[];
  /** The compared columns' roles and who decided each (only user-set roles are on the tasks). */
  roles: Record<string, RoleInfo>;
  warnings: string[];
}

type Described = { meta: DatasetMeta; table: CountedColumns };

/** Checks the settings and lines up the columns both datasets share. Throws on no common column. */
export function planDrift(reference: Described, current: Described, config: DriftConfig = {}): DriftPlan {
  validateKindMethods(config.numericMethod, config.categoricalMethod);
  const refTypes = new Map(reference.meta.schema.map((c) => [c.name, c.type]));
  const curTypes = new Map(current.meta.schema.map((c) => [c.name, c.type]));
  const shared = reference.meta.schema.map((c) => c.name).filter((n) => curTypes.has(n));
  for (const name of config.columns ?? []) {
    if (!shared.includes(name)) throw new AnalysisError('unknown-column', `column ${name}: not in both files — columns: ${preview(shared)}`);
  }
  const chosen = config.columns?.length ? new Set(config.columns) : undefined;
  const common = chosen ? shared.filter((n) => chosen.has(n)) : shared;
  const onlyInReference = reference.meta.schema.map((c) => c.name).filter((n) => !curTypes.has(n));
  const onlyInCurrent = current.meta.schema.map((c) => c.name).filter((n) => !refTypes.has(n));
  if (shared.length === 0) {
    throw new AnalysisError(
      'no-common-columns',
      `no columns in common: reference has ${preview(onlyInReference)}; current has ${preview(onlyInCurrent)} — both files need the same header names`,
    );
  }
  for (const name of Object.keys(config.columnMethods ?? {})) {
    if (!refTypes.has(name) || !curTypes.has(name)) {
      throw new AnalysisError('unknown-column', `column method for ${name}: no such column in both files — columns: ${preview(common)}`);
    }
  }
  const roles = planRoles(reference.meta, current.meta, { compared: common, shared }, config);
  const warnings: string[] = [];
  const tasks = common.map((name) => {
    const [refType, curType] = [refTypes.get(name)!, curTypes.get(name)!];
    const { type, conflict } = resolveColumnType(refType, curType, valueCount(reference.table, name), valueCount(current.table, name));
    if (conflict) warnings.push(`type conflict: column "${name}" is ${refType} in reference and ${curType} in current — compared as ${type}`);
    const role = roles.decided[name];
    return { name, type, conflict, ...(role ? { role } : {}) };
  });
  warnings.push(...roles.warnings);
  const context: MethodContext = { bins: config.bins ?? { kind: 'sturges' }, seed: config.seed ?? DEFAULT_SEED, permutations: config.permutations };
  return { tasks, config, context, onlyInReference, onlyInCurrent, roles: roles.shown, warnings };
}

/** Profiles and tests one planned column (what each worker of a pool runs); cached profiles of either side may be passed in. */
export function runColumnTask(
  task: ColumnTask,
  reference: Table,
  current: Table,
  plan: Pick<DriftPlan, 'config' | 'context'>,
  referenceProfile?: ColumnProfile,
  currentProfile?: ColumnProfile,
): ColumnDriftResult {
  if (!testsFromProfiles(task)) {
    const [ref, cur] = [valueCount(reference, task.name), valueCount(current, task.name)];
    const vector = (t: Table) => t.getChild(task.name)!;
    return {
      name: task.name,
      type: task.type,
      role: task.role,
      tested: false,
      reason: task.role,
      count: { reference: ref, current: cur },
      missing: { reference: vector(reference).nullCount, current: vector(current).nullCount },
    };
  }
  let profiles: [ColumnProfile, ColumnProfile];
  try {
    profiles = [referenceProfile ?? profileColumn(reference, task.name, task.type), currentProfile ?? profileColumn(current, task.name, task.type)];
  } catch (error) {
    // A column the user typed as numeric that holds text: not tested, with the value that failed.
    if (!(error instanceof AnalysisError)) throw error;
    const vector = (t: Table) => t.getChild(task.name)!;
    return {
      name: task.name,
      type: task.type,
      tested: false,
      reason: error.message,
      count: { reference: valueCount(reference, task.name), current: valueCount(current, task.name) },
      missing: { reference: vector(reference).nullCount, current: vector(current).nullCount },
      ...(task.role ? { role: task.role } : {}),
    };
  }
  return testProfiledTask(task, profiles[0], profiles[1], plan);
}

/** Whether a planned column is tested from its two profiles (user-set id/timestamp/ignored roles are counted, not tested). */
export function testsFromProfiles(task: ColumnTask): boolean {
  return !(task.role && NOT_TESTED_ROLES.has(task.role) && task.type !== 'datetime' && task.type !== 'text');
}

/** runColumnTask once both sides' profiles are at hand (a task `testsFromProfiles` says yes to): no table is read. */
export function testProfiledTask(
  task: ColumnTask,
  reference: ColumnProfile,
  current: ColumnProfile,
  plan: Pick<DriftPlan, 'config' | 'context'>,
): ColumnDriftResult {
  const result = computeColumnDrift(task.name, task.type, reference, current, plan.config, plan.context);
  if (task.conflict && !result.tested) result.reason = 'type conflict';
  return task.role ? { ...result, role: task.role } : result;
}

/** Report-level steps once every column is back: correction, dataset drift, the result object. */
export function finishDrift(reference: DatasetMeta, current: DatasetMeta, plan: DriftPlan, columns: ColumnDriftResult[]): DriftResult {
  applyCorrection(columns, plan.config.correction);
  const warnings = [...plan.warnings];
  if (plan.onlyInReference.length) warnings.push(`columns only in reference: ${preview(plan.onlyInReference)}`);
  if (plan.onlyInCurrent.length) warnings.push(`columns only in current: ${preview(plan.onlyInCurrent)}`);
  return {
    kind: 'drift',
    schemaVersion: 1,
    tool: { name: 'driftbook', version: APP_VERSION },
    reference: datasetRef(reference),
    current: datasetRef(current),
    columns,
    onlyInReference: plan.onlyInReference,
    onlyInCurrent: plan.onlyInCurrent,
    dataset: { ...computeDatasetDrift(columns, plan.config.driftShare, plan.config.shareOf), correction: plan.config.correction ?? 'none' },
    roles: plan.roles,
    config: { ...plan.config, bins: plan.context.bins, seed: plan.context.seed },
    warnings,
  };
}

/** Compares every column the two datasets share, one after another: the reference path, identical in worker, app fallback and CLI. */
export async function computeDrift(reference: Dataset, current: Dataset, options: DriftOptions = {}): Promise<DriftResult> {
  const { onProgress, signal, ...config } = options;
  const plan = planDrift(reference, current, config);
  const columns = await runDriftPlan(plan, async (task) => runColumnTask(task, reference.table, current.table, plan), { onProgress, signal });
  return finishDrift(reference.meta, current.meta, plan, columns);
}
