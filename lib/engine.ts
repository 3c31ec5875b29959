import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { AnalysisError, toErrorInfo, type ErrorInfo } from './errors';
import { blobSource } from './data/blob-source';
import { ingestSource, type IngestOptions } from './data/ingest';
import { applySegment, hasSegment } from './data/frame';
import type { Dataset, DatasetMeta, ParsedDataset } from './data/types';
import type { ReadProgress } from './data/reader-types';
import { finishDrift, planDrift, runColumnTask, type ColumnTask, type DriftPlan } from './drift/compute-drift';
import type { ColumnProfile } from './profile/column-profile';
import { isDriftProfiled, profileColumnIfReadable, resealReceived } from './profile/drift-profile';
import { cachedProfiles, profileKey, putProfiles } from './store/profiles';
import type { ColumnDriftResult, DriftConfig, DriftResult } from './drift/types';
import { getDb } from './store/db';
import { loadDataset } from './store/load-dataset';
import { getDatasetMeta, listDatasets, saveDataset, updateDatasetRoles, updateDatasetTypes } from './store/datasets';
import { packMeta, type PackedMeta } from './data/packed-meta';
import { sha256Hex } from './data/sha256';
import type { ColumnRole, ColumnType } from './data/types';
import { currentResultKey, storedResultKey } from './notebook/run-cell';
import type { CellRecord } from './notebook/cell-record';
import { cellSpec, type CellConfigs, type CellKind, type CellResults } from './notebook/registry';
import type { CellInputIds } from './notebook/types';
import { autofillCard, type AutofillOptions } from './cards/autofill';
import type { CardAutofill } from './cards/types';
import { listCells } from './store/workspaces';
import { summarizeBatch, type BatchSummary } from './notebook/batch-summary';
import { splitWindows, windowDataset, type Period } from './stream/windows';
import { fileTreeFromFiles } from './tracking/file-tree';
import { readMlruns } from './tracking/mlruns';
import { readMlflowDb } from './tracking/mlflow-db';
import { importSnapshot, type ImportReport } from './store/tracking-import';
import { appendAudit } from './store/audit';
import { openRules, recordEvaluation } from './store/alerts';
import { listBatches } from './store/batches';
import { BATCHES_SOURCE_KEY, batchObservations, cellObservation, cellSourceKey, defaultRules, evaluateSequence, windowObservations } from './alerts';
import { metricsObservations } from './alerts/metrics-samples';
import type { ModelMeta } from './models/types';
import { addStoredModel, scoreStoredDataset, type ScoreStoredOptions } from './notebook/stored-models';
import { deleteModel as deleteStoredModel, listModels as listStoredModels, loadModel } from './store/models';
import { loadWebRuntime } from './models/web-runtime';
import { modelOpener } from './notebook/model-opener';
import type { ModelOpener } from './notebook/types';
import type { AlertEvent, Observation } from './alerts/types';
import { timed } from './engine/timing';
import { datasetProfileText, isProfileFileName, storeProfileFile, whyNoRows } from './store/stored-profiles';
import { profileDrift, profileInputs, runProfileCell } from './notebook/profile-cells';
import { heldDataset, holdDataset, peekHeld, type HeldParcel } from './engine/held';
import { INGEST_PROFILE_MAX_COLUMNS, profileForDrift } from './engine/ingest-profiles';

/** A call's outcome as plain data: typed errors keep their kind and code across the worker boundary. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/** A dataset to open: by id, or by id with a segment (an arquero filter expression). */
export type DatasetInput = string | { id: string; segment?: string };

/** A stored dataset as its rows after its segment's filter (the whole table without one; `meta.segment` names it). */
async function open(input: DatasetInput): Promise<Dataset> {
  const { id, segment } = typeof input === 'string' ? { id: input, segment: undefined } : input;
  // Only the (immutable) tables are held (lib/engine/held.ts): the description is read each time, as the
  // user may have changed a column's type or role since.
  const { table } = heldDataset(id, () => timed('load', id, () => loadDataset(getDb(), id)).then((d) => d.table));
  // A profile-only dataset (.dbprofile) has no rows: whyNoRows says so instead of "data not found".
  const [meta, loaded] = await Promise.all([getDatasetMeta(getDb(), id), table]).catch((error: unknown) => whyNoRows(getDb(), id, error));
  if (!hasSegment(segment)) return { meta, table: loaded };
  return applySegment({ meta, table: loaded }, segment);
}

/** At most one progress report per 100 ms: each one crosses the worker boundary and re-renders. */
function throttle<T>(report: (value: T) => void, ms = 100): (value: T) => void {
  let last = -Infinity;
  return (value) => {
    const now = Date.now();
    if (now - last < ms) return;
    last = now;
    report(value);
  };
}

/**
 * Drift of a range of columns. Profiles come from memory first (built when this worker parsed or was handed
 * the dataset: lib/engine/held.ts), for both sides; the reference's others from the IndexedDB cache in one
 * transaction each way (computed where missing, then kept in memory too), so a stored reference is not
 * scanned again for the next current batch. A segment's rows are not the stored dataset's: their profiles
 * are computed by the column task, never cached under the dataset's key.
 */
async function driftColumns(reference: Dataset, current: Dataset, tasks: ColumnTask[], plan: Pick<DriftPlan, 'config' | 'context'>) {
  const memory = (d: Dataset) => (d.meta.segment === undefined ? peekHeld(d.meta.id)?.profiles : undefined);
  const [referenceHeld, currentHeld] = [memory(reference), memory(current)];
  const key = (d: Dataset, task: ColumnTask) => profileKey(d.meta.sha256, task.name, task.type);
  const profiled = reference.meta.segment === undefined ? tasks.filter((task) => isDriftProfiled(task.type) && !referenceHeld?.has(key(reference, task))) : [];
  const profiles = profiled.length
    ? await timed('profile', `${reference.meta.name} × ${profiled.length}`, () =>
        cachedProfiles(getDb(), reference.meta, profiled, (task) => profileColumnIfReadable(reference.table, task.name, task.type)),
      )
    : [];
  profiled.forEach((task, i) => referenceHeld?.set(key(reference, task), profiles[i]));
  const byName = new Map(profiled.map((task, i) => [task.name, profiles[i]]));
  const referenceProfile = (task: ColumnTask) => (referenceHeld?.has(key(reference, task)) ? referenceHeld.get(key(reference, task)) : byName.get(task.name));
  return timed('test', `${tasks.length} columns`, () =>
    tasks.map((task) => runColumnTask(task, reference.table, current.table, plan, referenceProfile(task), currentHeld?.get(key(current, task)))),
  );
}

/** One column: driftColumns of a range of one. */
async function driftColumn(reference: Dataset, current: Dataset, task: ColumnTask, plan: Pick<DriftPlan, 'config' | 'context'>) {
  return (await driftColumns(reference, current, [task], plan))[0]!;
}

// Untested (datetime, text) columns' count-only profiles of batch references, kept in memory: the
// IndexedDB cache holds only tested columns' profiles, and a history should not re-count its reference.
const countProfiles = new Map<string, ColumnProfile | undefined>();

function countProfile(reference: Dataset, column: string, type: ColumnType): ColumnProfile | undefined {
  const key = profileKey(reference.meta.sha256, column, type);
  if (!countProfiles.has(key)) {
    if (countProfiles.size >= 10_000) countProfiles.clear();
    countProfiles.set(key, profileColumnIfReadable(reference.table, column, type));
  }
  return countProfiles.get(key);
}

/** What a user may choose when a file does not read as is. */
export type ReadChoices = Pick<IngestOptions, 'encoding' | 'skipMalformed' | 'missingTokens' | 'columnTypes' | 'numberFormat' | 'dateFormat'>;

/** A stored dataset as the page lists it: its description's revision, and the description itself when the page's copy is older. */
export interface DatasetListing {
  id: string;
  revision: string;
  packed?: PackedMeta;
}

/** What changes a description after it is stored: the column types and the roles with their sources. */
function revisionOf(meta: DatasetMeta): Promise<string> {
  const text = JSON.stringify([meta.schema.map((c) => c.type), meta.roles ?? {}, meta.roleSources ?? {}]);
  return sha256Hex(new TextEncoder().encode(text));
}

// Plans of pooled drift runs, by run id: every worker plans the same run itself (from ids and the
// config, with the descriptions as stored when the run starts), so only column ranges and their
// results cross threads, never the 100,000 tasks.
const plans = new Map<string, Promise<{ plan: DriftPlan; reference: Dataset; current: Dataset }>>();

function plannedRun(runId: string, referenceId: string, currentId: string, config: DriftConfig) {
  let planned = plans.get(runId);
  if (!planned) {
    planned = Promise.all([open(referenceId), open(currentId)]).then(([reference, current]) => ({
      plan: planDrift(reference, current, config),
      reference,
      current,
    }));
    planned.catch(() => plans.delete(runId));
    plans.set(runId, planned);
    if (plans.size > 2) plans.delete(plans.keys().next().value!);
  }
  return planned;
}

// Column results gathered by the one worker that finishes a pooled run, by run id.
const gathered = new Map<string, ColumnDriftResult[]>();

// Stored models opened for the kinds that run one (explain), with onnxruntime-web; sessions kept per SHA-256 across runs.
let models: ModelOpener | undefined;
const openStoredModel: ModelOpener = async (id, choice) => {
  models ??= modelOpener(await loadWebRuntime(), (modelId) => loadModel(getDb(), modelId));
  return models(id, choice);
};

/**
 * The analysis engine as a worker exposes it; the main-thread fallback calls the very same
 * object. Inputs are files and dataset ids, never parsed data: datasets are read from IndexedDB here.
 */
export const engine = {
  ingest(file: Blob, name: string, onProgress?: (progress: ReadProgress) => void, options: ReadChoices = {}): Promise<Outcome<ParsedDataset>> {
    return outcome(async () => {
      const { meta, table } = await ingestSource(blobSource(file, name), { ...options, onProgress: onProgress && throttle(onProgress) });
      // Stored and moved between threads as Arrow IPC bytes.
      return { meta, ipc: tableToIPC(table, 'file') };
    });
  },

  /**
   * Reads a file and stores it in IndexedDB from this thread, returning only its description:
   * the Arrow bytes (hundreds of MB for a large file) never reach the page's main thread.
   */
  store(file: Blob, name: string, onProgress?: (progress: ReadProgress) => void, options: ReadChoices = {}): Promise<Outcome<PackedMeta>> {
    return outcome(async () => {
      // A .dbprofile is validated and stored as a profile-only dataset (lib/store/stored-profiles.ts).
      if (isProfileFileName(name)) return packMeta(await storeProfileFile(getDb(), new Uint8Array(await file.arrayBuffer()), name));
      const parsed = await timed('parse', name, () => ingestSource(blobSource(file, name), { ...options, onProgress: onProgress && throttle(onProgress) }));
      const ipc = await timed('ipc', name, () => tableToIPC(parsed.table, 'file'));
      // The table as any worker reads it back from IndexedDB (views on the stored bytes), held here with its
      // drift profiles, built while the IndexedDB write goes on: a drift run then re-reads nothing.
      const { meta } = parsed;
      // A file wider than INGEST_PROFILE_MAX_COLUMNS is stored as it always was (its drift profiles columns over the pool).
      if (meta.schema.length > INGEST_PROFILE_MAX_COLUMNS) return packMeta(await timed('save', name, () => saveDataset(getDb(), { meta, ipc })));
      const table = tableFromIPC(ipc);
      const saving = saveDataset(getDb(), { meta, ipc });
      saving.catch(() => undefined);
      const profiles = await timed('profile', name, () => profileForDrift(meta, table));
      const saved = await timed('save', name, () => saving);
      holdDataset(saved.id, table, profiles, ipc);
      void putProfiles(getDb(), saved, profiles);
      return packMeta(saved);
    });
  },

  /**
   * The stored datasets in the order they were added, each with its revision; a description is
   * sent only when the caller's revision of it (`known`, id → revision) differs. The page lists
   * datasets through this, so a change to one does not re-read every description on its thread.
   */
  listDatasets(known: Record<string, string> = {}): Promise<Outcome<DatasetListing[]>> {
    return outcome(async () =>
      Promise.all(
        (await listDatasets(getDb())).map(async (meta) => {
          const revision = await revisionOf(meta);
          return known[meta.id] === revision ? { id: meta.id, revision } : { id: meta.id, revision, packed: packMeta(meta) };
        }),
      ),
    );
  },

  /** Saves roles the user set (lib/store/datasets.ts updateDatasetRoles) and returns the description. */
  updateRoles(id: string, changes: Record<string, ColumnRole>): Promise<Outcome<PackedMeta>> {
    return outcome(async () => packMeta(await updateDatasetRoles(getDb(), id, changes)));
  },

  /** Saves column types the user set and returns the description. */
  updateTypes(id: string, types: Record<string, ColumnType>): Promise<Outcome<PackedMeta>> {
    return outcome(async () => packMeta(await updateDatasetTypes(getDb(), id, types)));
  },

  /** A cell's result key from the stored descriptions (run-cell.ts storedResultKey). */
  resultKey(cell: Pick<CellRecord, 'kind' | 'config' | 'inputs'>): Promise<Outcome<string>> {
    return outcome(() => timed('key', cell.kind, () => storedResultKey(getDb(), cell)));
  },

  /** Each cell's key if it were run now (undefined when an input is gone or it computes nothing): staleness. */
  currentResultKeys(cells: Pick<CellRecord, 'kind' | 'config' | 'inputs'>[]): Promise<Outcome<(string | undefined)[]>> {
    return outcome(async () => {
      const ids = [...new Set(cells.flatMap((c) => [c.inputs.reference?.id, c.inputs.current?.id]).filter((id) => id !== undefined))];
      const metas = (await getDb().datasets.bulkGet(ids)).filter((m) => m !== undefined);
      const keys: (string | undefined)[] = [];
      for (const cell of cells) keys.push(await currentResultKey(cell as CellRecord, metas));
      return keys;
    });
  },

  /** Any notebook cell's analysis, by kind (lib/notebook/registry.ts), over stored datasets filtered by their segments. */
  runCell<K extends CellKind>(
    kind: K,
    config: CellConfigs[K],
    inputs: CellInputIds,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Outcome<CellResults[K]>> {
    return outcome(async () => {
      const spec = cellSpec(kind);
      if (!spec.compute) throw new AnalysisError('nothing-to-compute', `${spec.label} cells have nothing to compute`);
      // A profile-only input (.dbprofile): drift and quality from profiles; kinds that need rows refuse (lib/notebook/profile-cells.ts).
      const profiled = await profileInputs(getDb(), inputs);
      if (profiled) return runProfileCell(kind, config, profiled, { db: getDb(), openRows: open }, onProgress);
      const [reference, current] = await Promise.all([
        inputs.reference ? open(inputs.reference) : undefined,
        inputs.current ? open(inputs.current) : undefined,
      ]);
      return spec.compute({ reference, current }, config, {
        onProgress,
        driftColumn: reference && current ? (task, plan) => driftColumn(reference, current, task, plan) : undefined,
        openModel: openStoredModel,
      });
    });
  },

  /**
   * A model card's numbers from a workspace's cells (lib/cards/autofill.ts): the cells' results, with
   * bootstrap intervals over the stored datasets opened here (segments applied), so no rows reach the page.
   */
  autofillCard(
    workspaceId: string,
    options: Omit<AutofillOptions, 'onProgress'> = {},
    onProgress?: (done: number, total: number) => void,
  ): Promise<Outcome<CardAutofill>> {
    return outcome(async () => autofillCard(await listCells(getDb(), workspaceId), await listDatasets(getDb()), open, { ...options, onProgress }));
  },

  /**
   * A batch's summary against a workspace's pinned reference (lib/notebook/batch-summary.ts): drift
   * reads the reference's column profiles from the IndexedDB cache (profiled once, on the first
   * batch), so each new batch scans only itself.
   */
  summarizeBatch(referenceId: string, batchId: string): Promise<Outcome<BatchSummary>> {
    return outcome(async () => {
      const [reference, batch] = await Promise.all([open(referenceId), open(batchId)]);
      return summarizeBatch(reference, batch, {
        driftColumn: (task, plan) =>
          task.type === 'datetime' || task.type === 'text'
            ? Promise.resolve(runColumnTask(task, reference.table, batch.table, plan, countProfile(reference, task.name, task.type)))
            : driftColumn(reference, batch, task, plan),
      });
    });
  },

  /**
   * One stored file split by calendar period of a timestamp column (lib/stream/windows.ts), each
   * period with rows stored as its own dataset ("file · 2026-12-01"); empty periods are gaps, not batches.
   * Returns each stored period with its first day (the batch's date).
   */
  storePeriods(
    datasetId: string,
    split: { period: Period; timestampColumn: string; timeZone?: string },
  ): Promise<Outcome<{ label: string; date: string; packed: PackedMeta }[]>> {
    return outcome(async () => {
      const dataset = await open(datasetId);
      const { windows } = splitWindows(dataset, { by: 'period', ...split }, dataset.meta.name);
      const stored: { label: string; date: string; packed: PackedMeta }[] = [];
      for (const window of windows) {
        if (window.rows.length === 0) continue;
        const { table } = windowDataset(dataset, window);
        const ipc = tableToIPC(table, 'file');
        const { segment: _segment, ...meta } = dataset.meta;
        const saved = await saveDataset(getDb(), {
          meta: {
            ...meta,
            id: globalThis.crypto.randomUUID(),
            name: `${dataset.meta.name} · ${window.label}`,
            sha256: await sha256Hex(ipc),
            bytes: ipc.byteLength,
            rows: table.numRows,
            createdAt: new Date().toISOString(),
          },
          ipc,
        });
        stored.push({ label: window.label, date: (window.start ?? '').slice(0, 10), packed: packMeta(saved) });
      }
      return stored;
    });
  },

  /**
   * A pooled run's first step, on the worker that will finish it: plans it and keeps a place for its
   * column results; returns only the number of columns.
   */
  beginDrift(runId: string, referenceId: string, currentId: string, config: DriftConfig = {}): Promise<Outcome<number>> {
    return outcome(async () => {
      // A profile-only side: no column tasks to spread; finishDrift computes the run from the profiles.
      if (await profileInputs(getDb(), { reference: { id: referenceId }, current: { id: currentId } })) return 0;
      const { plan } = await timed('plan', runId, () => plannedRun(runId, referenceId, currentId, config));
      gathered.set(runId, new Array<ColumnDriftResult>(plan.tasks.length));
      return plan.tasks.length;
    });
  },

  /**
   * A pool's unit of work: the planned columns [start, end) of a run. On the worker that began the
   * run they are kept there (the reply is only their count); elsewhere they are returned, to be
   * passed on with gatherDrift.
   */
  driftBatch(
    runId: string,
    referenceId: string,
    currentId: string,
    config: DriftConfig,
    start: number,
    end: number,
  ): Promise<Outcome<ColumnDriftResult[] | number>> {
    return outcome(async () => {
      const { plan, reference, current } = await plannedRun(runId, referenceId, currentId, config);
      const columns = await driftColumns(reference, current, plan.tasks.slice(start, end), plan);
      const own = gathered.get(runId);
      if (!own) return columns;
      own.splice(start, columns.length, ...columns);
      return columns.length;
    });
  },

  /** Keeps column results computed on another worker, on the one that finishes the run. */
  gatherDrift(runId: string, start: number, columns: ColumnDriftResult[]): Promise<Outcome<void>> {
    return outcome(async () => {
      const own = gathered.get(runId);
      if (!own) throw new AnalysisError('drift-run-missing', `drift run ${runId}: not begun on this worker — run the cell again`);
      own.splice(start, columns.length, ...columns);
    });
  },

  /**
   * The pooled run's result from its gathered columns (finishDrift); forgets the run. A run with a profile
   * input is computed here whole: `onProgress` then counts the columns profiled from the other side's rows.
   */
  finishDrift(
    runId: string,
    referenceId: string,
    currentId: string,
    config: DriftConfig,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Outcome<DriftResult>> {
    return outcome(async () => {
      const profiled = await profileInputs(getDb(), { reference: { id: referenceId }, current: { id: currentId } });
      if (profiled) return profileDrift(profiled, config, { db: getDb(), openRows: open }, onProgress);
      const own = gathered.get(runId);
      gathered.delete(runId);
      if (!own) throw new AnalysisError('drift-run-missing', `drift run ${runId}: not begun on this worker — run the cell again`);
      const { plan, reference, current } = await plannedRun(runId, referenceId, currentId, config);
      return finishDrift(reference.meta, current.meta, plan, own);
    });
  },

  /**
   * An MLflow `mlruns` folder (its files with their paths under the picked folder) or `mlflow.db`
   * read here (lib/tracking/mlruns.ts, mlflow-db.ts) and stored as ordinary runs (lib/store/tracking-import.ts); only the
   * counts and warnings go back to the page. Cancel terminates the worker: the store's single
   * transaction is then never committed.
   */
  importTracking(
    source: { kind: 'mlruns'; name: string; files: { path: string; file: Blob }[] } | { kind: 'mlflow-db'; name: string; file: Blob },
    onProgress?: (done: number, total: number) => void,
  ): Promise<Outcome<{ report: ImportReport; warnings: string[] }>> {
    return outcome(async () => {
      const { snapshot, warnings } =
        source.kind === 'mlflow-db'
          ? await readMlflowDb(new Uint8Array(await source.file.arrayBuffer()), { onProgress })
          : await readMlruns(
              fileTreeFromFiles(
                source.files.map(({ path, file }) => ({
                  webkitRelativePath: path,
                  name: path.split('/').pop() ?? path,
                  arrayBuffer: () => file.arrayBuffer(),
                })),
              ),
              { onProgress },
            );
      const report = await importSnapshot(getDb(), snapshot, { kind: 'mlflow-import', source: source.name });
      const { experiments, runs, registeredModels } = report;
      await appendAudit(getDb(), 'import', { what: source.kind, file: source.name, experiments, runs, registeredModels, warnings: warnings.length });
      return { report, warnings };
    });
  },

  /**
   * Evaluates the workspace's alert rules (defaults on first use) after a cell computed, or after its
   * batch history changed: a cell's run folds into its sequence; a timeline's windows and the batch
   * history are evaluated afresh and replace their source's events. New events go to the audit trail
   * and back to the page (its notifications).
   */
  evaluateAlerts(workspaceId: string, target: { cellId: string } | { batches: true }): Promise<Outcome<AlertEvent[]>> {
    return outcome(async () => {
      const db = getDb();
      let observations: Observation[] = [];
      let replace: string[] = [];
      if ('batches' in target) {
        const pinned = (await db.workspaces.get(workspaceId))?.pinnedReference;
        const batches = (await listBatches(db, workspaceId)).flatMap(({ id, date, dataset, summary }) =>
          summary && (!pinned || summary.reference.sha256 === pinned.sha256) ? [{ id, date, name: dataset.name, summary }] : [],
        );
        [observations, replace] = [batchObservations(workspaceId, batches), [BATCHES_SOURCE_KEY]];
      } else {
        const cell = await db.cells.get(target.cellId);
        if (!cell || cell.workspaceId !== workspaceId || cell.status !== 'ok' || !cell.result) return [];
        const about = { id: cell.id, title: cell.title, kind: cell.kind };
        if (cell.kind === 'timeline' && cell.result.kind === 'timeline') {
          const windows = windowObservations(workspaceId, about, cell.result, cell.updatedAt, cell.config.settings);
          [observations, replace] = [windows, [cellSourceKey(cell.id)]];
        } else if (cell.kind === 'metrics' && cell.result.kind === 'metrics') {
          // A Metrics cell's series: one evaluation per timestamp, afresh on every run (as a timeline's windows).
          const points = metricsObservations(workspaceId, about, cell.result);
          [observations, replace] = [points, [points[0]?.source.key ?? `metrics:${cell.id}`]];
        } else observations = [cellObservation(workspaceId, about, cell.result, cell.updatedAt)];
      }
      const { rules } = await openRules(db, workspaceId, defaultRules);
      const events = await recordEvaluation(db, workspaceId, rules, { replace, evaluate: (active, state) => evaluateSequence(active, observations, state) });
      for (const { id, ruleId, ruleName, severity, state, metric, labels, value, comparator, threshold, at, source } of events) {
        const { key, cellId, window, batch } = source;
        const where = { source: key, cell: cellId ?? null, window: window?.label ?? null, batch: batch?.id ?? null };
        await appendAudit(db, `alert.${state}`, {
          workspace: workspaceId,
          event: id,
          rule: ruleId,
          name: ruleName,
          severity,
          metric,
          labels,
          value,
          comparator,
          threshold,
          at,
          ...where,
        });
      }
      return events;
    });
  },

  /** Stores a dropped .onnx file once onnxruntime-web has opened it (lib/notebook/stored-models.ts). */
  addModel(file: Blob, name: string): Promise<Outcome<ModelMeta>> {
    return outcome(async () => addStoredModel(getDb(), new Uint8Array(await file.arrayBuffer()), name));
  },

  /** The stored models, oldest first. */
  listModels(): Promise<Outcome<ModelMeta[]>> {
    return outcome(() => listStoredModels(getDb()));
  },

  deleteModel(id: string): Promise<Outcome<void>> {
    return outcome(() => deleteStoredModel(getDb(), id));
  },

  /**
   * Scores a stored dataset (segment applied) with a stored model, in batches with progress, and
   * stores the rows with the model's outputs as a new dataset; returns its description. Cancel: the
   * client's cancel() ends the worker.
   */
  scoreDataset(
    modelId: string,
    dataset: DatasetInput,
    options: Omit<ScoreStoredOptions, 'onProgress' | 'runtime'> = {},
    onProgress?: (done: number, total: number) => void,
  ): Promise<Outcome<PackedMeta>> {
    const report = onProgress && throttle<[number, number]>(([done, total]) => onProgress(done, total));
    return outcome(async () =>
      packMeta(await scoreStoredDataset(getDb(), modelId, await open(dataset), { ...options, onProgress: report && ((done, total) => report([done, total])) })),
    );
  },

  /**
   * A dataset this worker holds, for another worker of the pool (the page passes it on as transferables):
   * a copy of its Arrow IPC bytes and of its profiles. Null when it is not held here.
   */
  exportHeld(id: string): Promise<Outcome<HeldParcel | null>> {
    return outcome(() =>
      timed('export', id, async () => {
        const entry = peekHeld(id);
        if (!entry) return null;
        const ipc = entry.ipc ? entry.ipc.slice() : tableToIPC(await entry.table, 'file');
        const profiles = [...entry.profiles].map(([key, p]): HeldParcel['profiles'][number] => [
          key,
          p?.kind === 'numeric' ? { ...p, sorted: p.sorted.slice() } : p,
        ]);
        return { ipc, profiles };
      }),
    );
  },

  /** Holds a dataset handed over by another worker (exportHeld), so a drift run here reads neither IndexedDB nor its rows. */
  adoptHeld(id: string, parcel: HeldParcel): Promise<Outcome<void>> {
    for (const [, profile] of parcel.profiles) resealReceived(profile);
    return outcome(() => timed('adopt', id, () => holdDataset(id, tableFromIPC(parcel.ipc), new Map(parcel.profiles), parcel.ipc)));
  },

  /** A stored dataset's .dbprofile text, built here from its rows once and cached by SHA-256 (lib/store/stored-profiles.ts). */
  datasetProfile(id: string): Promise<Outcome<string>> {
    return outcome(() => datasetProfileText(getDb(), id, open));
  },

  /** Forgets a pooled run that stopped early (a failed batch). */
  dropDrift(runId: string): Promise<void> {
    gathered.delete(runId);
    return Promise.resolve();
  },
};

export type Engine = typeof engine;
