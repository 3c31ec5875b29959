import type { DatasetMeta } from '../data/types';
import { AnalysisError, toErrorInfo } from '../errors';
import { canonicalJson, textHasher } from '../tracking/audit';
import { appendAudit, asJson } from '../store/audit';
import { findCellByResultKey, insertCell } from '../store/cells';
import type { DriftbookDb } from '../store/db';
import { getDatasetMeta } from '../store/datasets';
import { saveCell, saveRunOutcome } from '../store/workspaces';
import { asCellOfKind, type CellRecord, type CellRecordMap, type CellRecordOf } from './cell-record';
import { cellTitle } from './cell-title';
import { logCellRun } from './cell-tracking';
import { cellSpec, isKnownKind, unknownKindError, type CellConfigs, type CellKind, type CellResults } from './registry';
import { cellResultKey } from './result-key';
import { INPUT_SLOTS, type CellInputIds, type CellInputs, type DatasetsBySlot, type InputSlot } from './types';

/** Whatever computes a cell from stored datasets: the browser's worker pool (components/engine-client.ts), or the engine itself. */
export interface CellRunner {
  runCell<K extends CellKind>(
    kind: K,
    config: CellConfigs[K],
    inputs: CellInputIds,
    onProgress?: (done: number, total: number) => void,
  ): Promise<CellResults[K]>;
  /**
   * The cell's result key from the stored descriptions, computed where they are (the browser's
   * worker): hashing a 100,000-column description on the page would block it for seconds.
   * Without it, runCell computes the key itself (storedResultKey).
   */
  resultKey?(cell: Pick<CellRecord, 'kind' | 'config' | 'inputs'>): Promise<string>;
  /** Evaluates the workspace's alert rules on the cell's stored result (the browser's engine, issue 15); never fails the run. */
  evaluateAlerts?(workspaceId: string, target: { cellId: string }): Promise<unknown>;
}

export interface NewCellOf<K extends CellKind> {
  kind: K;
  reference?: DatasetMeta;
  current?: DatasetMeta;
  /** Segments of the inputs (arquero filter expressions). */
  segments?: Partial<Record<InputSlot, string>>;
  /** Default: the kind's defaultConfig for these datasets. */
  config?: CellConfigs[K];
  title?: string;
  /** Position in the notebook; the end when absent. */
  index?: number;
}

/** A new cell of any kind (a list of them: a preset, the demo). Build each with newCell so its kind and config are checked together. */
export type NewCell = NewCellOf<CellKind>;

export const newCell = <K extends CellKind>(cell: NewCellOf<K>): NewCell => cell;

/** Adds a cell to a workspace (not run yet: status idle). */
export async function createCell<K extends CellKind>(db: DriftbookDb, workspaceId: string, spec: NewCellOf<K>): Promise<CellRecordMap[K]> {
  const { kind, reference, current, segments = {} } = spec;
  const inputs: CellInputs = {};
  for (const [slot, meta] of [['reference', reference] as const, ['current', current] as const]) {
    if (meta) inputs[slot] = { id: meta.id, sha256: meta.sha256, ...(segments[slot] ? { segment: segments[slot] } : {}) };
  }
  // Its order is set where it is inserted.
  const cell: CellRecordOf<K> = {
    id: globalThis.crypto.randomUUID(),
    order: -1,
    workspaceId,
    kind,
    title: spec.title ?? cellTitle(kind, reference, current),
    config: spec.config ?? cellSpec(kind).defaultConfig({ reference, current }),
    inputs,
    status: 'idle',
    updatedAt: new Date().toISOString(),
  };
  return insertCell(db, asCellOfKind(cell), spec.index);
}

/** The stored descriptions of a cell's input datasets (their current types and roles). */
export async function cellInputMetas(db: DriftbookDb, cell: { inputs: CellInputs }): Promise<DatasetsBySlot> {
  const out: DatasetsBySlot = {};
  for (const slot of INPUT_SLOTS) {
    const ref = cell.inputs[slot];
    if (ref) out[slot] = await getDatasetMeta(db, ref.id);
  }
  return out;
}

const segmentsOf = (inputs: CellInputs): Partial<Record<InputSlot, string>> =>
  Object.fromEntries(INPUT_SLOTS.flatMap((slot) => (inputs[slot]?.segment ? [[slot, inputs[slot]!.segment!]] : [])));

/**
 * The key the cell's result would have if it were run now (compare with cell.resultKey for
 * staleness), from the dataset descriptions the page already holds; undefined when an input is
 * gone or the cell computes nothing.
 */
export async function currentResultKey(cell: CellRecordMap[CellKind], datasets: readonly DatasetMeta[]): Promise<string | undefined> {
  if (!isKnownKind(cell.kind) || !cellSpec(cell.kind).compute) return undefined;
  const inputs: DatasetsBySlot = {};
  for (const slot of INPUT_SLOTS) {
    const ref = cell.inputs[slot];
    if (!ref) continue;
    const meta = datasets.find((d) => d.id === ref.id);
    if (!meta) return undefined;
    inputs[slot] = meta;
  }
  return cellResultKey(cell.kind, cell.config, inputs, segmentsOf(cell.inputs));
}

/** The key the cell's result would have if run now, from the stored input descriptions (throws when one is gone). */
export async function storedResultKey(db: DriftbookDb, cell: Pick<CellRecord, 'kind' | 'config' | 'inputs'>): Promise<string> {
  return cellResultKey(cell.kind, cell.config, await cellInputMetas(db, cell), segmentsOf(cell.inputs));
}

const stamp = () => new Date().toISOString();

/** The audit trail's record of a run: kind, SHA-256 of the canonical config, each input's data SHA-256 and segment. */
async function cellRunDetails(cell: CellRecord, resultKey: string, reused: boolean): Promise<Record<string, unknown>> {
  const configHash = (await textHasher())(canonicalJson(asJson(cell.config)));
  const inputs = Object.fromEntries(
    INPUT_SLOTS.flatMap((slot) => (cell.inputs[slot] ? [[slot, { sha256: cell.inputs[slot]!.sha256, segment: cell.inputs[slot]!.segment ?? null }]] : [])),
  );
  return { workspace: cell.workspaceId, cell: cell.id, kind: cell.kind, title: cell.title, configHash, inputs, resultKey, reused };
}

/**
 * Runs a cell and saves its result, or its error (keeping the last good result). An unchanged cell
 * (same kind, config, input data and segments) is not recomputed, nor one whose twin elsewhere has
 * the result. A cancel (code "aborted") puts the cell back as it was.
 */
export async function runCell<K extends CellKind>(
  db: DriftbookDb,
  runner: CellRunner,
  record: CellRecordOf<K>,
  onProgress?: (done: number, total: number) => void,
  { force = false }: { force?: boolean } = {},
): Promise<CellRecordMap[K]> {
  const cell = asCellOfKind(record);
  // A stored kind this version does not know (a newer version's backup, a damaged file) fails with a message; it is never computed.
  if (!isKnownKind(cell.kind)) {
    const failed: CellRecordMap[K] = { ...cell, status: 'error', error: unknownKindError(cell.kind), updatedAt: stamp() };
    await saveCell(db, failed);
    return failed;
  }
  const spec = cellSpec<K>(cell.kind);
  let next: CellRecordMap[K];
  if (!spec.compute) {
    next = { ...cell, status: 'ok', error: undefined, updatedAt: stamp() };
    await saveCell(db, next);
    return next;
  }
  const started = performance.now();
  const startTime = Date.now();
  let ran: { key: string; reused: boolean } | undefined;
  try {
    const missing = spec.inputs.required.filter((slot) => !cell.inputs[slot]);
    if (missing.length) throw new AnalysisError('missing-input', `this cell needs a ${missing.join(' and a ')} dataset — choose it in the cell's inputs`);
    const key = await (runner.resultKey ? runner.resultKey(cell) : storedResultKey(db, cell));
    if (!force && cell.status === 'ok' && cell.result && cell.resultKey === key) return cell;
    const twin = force ? undefined : await findTwin<K>(db, key, cell.kind);
    let result = twin?.result;
    if (!result) {
      const running: CellRecordMap[K] = { ...cell, status: 'running', error: undefined };
      await saveCell(db, running);
      const ids: CellInputIds = {};
      for (const slot of INPUT_SLOTS) {
        const ref = cell.inputs[slot];
        if (ref) ids[slot] = { id: ref.id, ...(ref.segment ? { segment: ref.segment } : {}) };
      }
      result = await runner.runCell(cell.kind, cell.config, ids, onProgress);
    }
    next = {
      ...cell,
      status: 'ok',
      result,
      error: undefined,
      resultKey: key,
      durationMs: twin ? 0 : Math.round(performance.now() - started),
      updatedAt: stamp(),
    };
    ran = { key, reused: twin !== undefined };
  } catch (error) {
    const info = toErrorInfo(error);
    // Cancelled by the user: back to how it was (its last result, or not run), not a failure.
    next =
      info.code === 'aborted'
        ? { ...cell, status: cell.result ? 'ok' : 'idle', error: undefined, updatedAt: stamp() }
        : { ...cell, status: 'error', error: info, updatedAt: stamp() };
  }
  // Onto the cell as stored now: an input or setting changed while it ran is kept (the result then reads as stale).
  const saved = await saveRunOutcome(db, next);
  if (!saved) return next;
  next = saved;
  if (ran) await appendAudit(db, 'cell-run', await cellRunDetails(cell, ran.key, ran.reused));
  // A computed or failed run (not a cancel) is logged as a tracking run in the workspace's experiment; logging never throws.
  if (ran || next.status === 'error') await logCellRun(db, next, { startTime, reused: ran?.reused ?? false });
  if (ran) await runner.evaluateAlerts?.(next.workspaceId, { cellId: next.id }).catch(() => undefined);
  return next;
}

/** A twin of the same kind (equal keys imply equal kinds; the check keeps the types honest). */
async function findTwin<K extends CellKind>(db: DriftbookDb, key: string, kind: K): Promise<CellRecordMap[K] | undefined> {
  const twin = await findCellByResultKey(db, key);
  return twin && isOfKind(twin, kind) ? twin : undefined;
}

function isOfKind<K extends CellKind>(cell: CellRecordMap[CellKind], kind: K): cell is CellRecordMap[K] {
  return cell.kind === kind;
}
