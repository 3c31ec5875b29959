/**
 * `driftbook history`: a workspace file's batch history, for scheduled jobs. `add` appends a batch
 * (a file and its date) and computes its summary against the reference pinned in the file; `pin`
 * pins a reference (and recomputes every batch); `list` prints the history as JSON. The file is
 * read and checked as the app imports it (lib/store/backup-read.ts) and rewritten with the app's
 * own writer (packBackup) atomically: a temporary file in the same directory, then a rename, so a
 * refused or failed run leaves it as it was.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import '../data/arrow-linear';
import type { Dataset, DatasetMeta } from '../data/types';
import { StorageError } from '../errors';
import { summarizeBatch } from '../notebook/batch-summary';
import { packBackup, type BackupContents } from '../store/backup';
import { readBackup, shown, type CheckedBackup } from '../store/backup-read';
import { checkBatchDate, sortBatches, todayIso } from '../store/batches';
import type { BatchRecord, WorkspaceRecord } from '../store/types';
import { jsonText, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { load, readSettings } from './read-options';

export const HISTORY_OPTION_SPECS = {
  workspace: { type: 'string' },
  current: { type: 'string' },
  reference: { type: 'string' },
  date: { type: 'string' },
} as const;

const SUBCOMMANDS = ['add', 'pin', 'list'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** The workspace file, read and checked; an unreadable path is one line (exit 2). */
async function readWorkspaceFile(path: string): Promise<CheckedBackup> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const why = errno(error) === 'ENOENT' ? 'no such file' : errno(error) === 'EISDIR' ? 'it is a directory' : (errno(error) ?? (error as Error).message);
    throw new UsageError(`--workspace: cannot read ${path} (${why}) — export the workspace from the app (Export workspace) and give its .driftbook file`);
  }
  return readBackup(bytes);
}

/** Writes the new file next to the old one, then renames it over: readers see the old file or the new one, never half of one. */
async function replaceAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new StorageError('history-write-failed', `--workspace: cannot write ${path} (${errno(error) ?? (error as Error).message}) — it is unchanged`);
  }
}

const datasetOf = ({ meta, ipc }: { meta: DatasetMeta; ipc: Uint8Array }): Dataset => ({ meta, table: tableFromIPC(ipc) });

function pinnedDataset(backup: CheckedBackup): Dataset {
  const pin = backup.manifest.workspace.pinnedReference;
  if (!pin) {
    throw new UsageError(
      `workspace "${shown(backup.manifest.workspace.name)}" has no pinned reference — pin one with driftbook history pin --workspace W --reference ref.csv, or in the app's Batch history`,
    );
  }
  // readBackup checked that the pin names one of the file's datasets.
  return datasetOf(backup.datasets.find((d) => d.meta.id === pin.id)!);
}

/**
 * The file's entry for a dataset read now: the file's own when it holds the same content under the
 * same name, else the new one (under a fresh id when its id is taken).
 */
function placeDataset(backup: CheckedBackup, dataset: Dataset): { meta: DatasetMeta; ipc?: Uint8Array } {
  const same = backup.datasets.find((d) => d.meta.sha256 === dataset.meta.sha256 && d.meta.name === dataset.meta.name);
  if (same) return { meta: same.meta };
  const taken = backup.datasets.some((d) => d.meta.id === dataset.meta.id);
  const meta = taken ? { ...dataset.meta, id: globalThis.crypto.randomUUID() } : dataset.meta;
  return { meta, ipc: tableToIPC(dataset.table, 'file') };
}

function withDataset(workspace: WorkspaceRecord, id: string): WorkspaceRecord {
  const ids = workspace.datasetIds ?? [];
  return ids.includes(id) ? workspace : { ...workspace, datasetIds: [...ids, id] };
}

function contentsOf(backup: CheckedBackup, changes: Partial<BackupContents>): BackupContents {
  return {
    workspace: backup.manifest.workspace,
    cells: backup.cells,
    modelCards: backup.modelCards,
    batches: backup.batches,
    datasets: backup.datasets,
    ...changes,
  };
}

/** One batch as `history list` and `history add` print it. */
export function batchJson(batch: BatchRecord, pinnedSha256: string | undefined) {
  const { summary } = batch;
  return {
    id: batch.id,
    date: batch.date,
    addedAt: batch.addedAt,
    dataset: { name: batch.dataset.name, rows: batch.dataset.rows, sha256: batch.dataset.sha256 },
    source: batch.source,
    stale: summary !== undefined && summary.reference.sha256 !== pinnedSha256,
    ...(summary ? { summary } : {}),
    ...(batch.error ? { error: batch.error } : {}),
  };
}

async function addBatch(values: Values, now: Date): Promise<unknown> {
  const path = needWorkspace(values);
  if (!values.current) throw new UsageError('history add needs --current FILE (the batch to append)');
  const date = checkBatchDate(values.date ?? todayIso(now));
  const backup = await readWorkspaceFile(path);
  const reference = pinnedDataset(backup);
  const current = await load(values.current, readSettings(values));
  const summary = await summarizeBatch(reference, current, { now });
  const placed = placeDataset(backup, current);
  const workspace = { ...withDataset(backup.manifest.workspace, placed.meta.id), updatedAt: now.toISOString() };
  const batch: BatchRecord = {
    id: globalThis.crypto.randomUUID(),
    workspaceId: workspace.id,
    date,
    addedAt: now.toISOString(),
    dataset: { id: placed.meta.id, sha256: placed.meta.sha256, name: placed.meta.name, rows: placed.meta.rows },
    source: { kind: 'upload' },
    summary,
  };
  const datasets = placed.ipc ? [...backup.datasets, { meta: placed.meta, ipc: placed.ipc }] : backup.datasets;
  await replaceAtomically(path, await packBackup(contentsOf(backup, { workspace, datasets, batches: [...backup.batches, batch] }), now));
  return batchJson(batch, workspace.pinnedReference?.sha256);
}

async function pinReference(values: Values, now: Date): Promise<unknown> {
  const path = needWorkspace(values);
  if (!values.reference) throw new UsageError('history pin needs --reference FILE (the reference every batch is compared with)');
  const backup = await readWorkspaceFile(path);
  const read = await load(values.reference, readSettings(values));
  const placed = placeDataset(backup, read);
  const reference: Dataset = { meta: placed.meta, table: read.table };
  const batches: BatchRecord[] = [];
  // Every batch is recomputed against the new reference (its profiles are computed once per column by the drift kind).
  for (const batch of backup.batches) {
    const data = backup.datasets.find((d) => d.meta.id === batch.dataset.id)!;
    const { summary: _old, error: _error, ...rest } = batch;
    batches.push({ ...rest, summary: await summarizeBatch(reference, datasetOf(data), { now }) });
  }
  const workspace: WorkspaceRecord = {
    ...withDataset(backup.manifest.workspace, placed.meta.id),
    pinnedReference: { id: placed.meta.id, sha256: placed.meta.sha256 },
    updatedAt: now.toISOString(),
  };
  const datasets = placed.ipc ? [...backup.datasets, { meta: placed.meta, ipc: placed.ipc }] : backup.datasets;
  await replaceAtomically(path, await packBackup(contentsOf(backup, { workspace, datasets, batches }), now));
  return { pinnedReference: { name: placed.meta.name, rows: placed.meta.rows, sha256: placed.meta.sha256 }, recomputed: batches.length };
}

async function listHistory(values: Values): Promise<unknown> {
  const backup = await readWorkspaceFile(needWorkspace(values));
  const { workspace } = backup.manifest;
  const pin = workspace.pinnedReference;
  const reference = pin && backup.datasets.find((d) => d.meta.id === pin.id)?.meta;
  return {
    workspace: { id: workspace.id, name: workspace.name },
    pinnedReference: reference ? { name: reference.name, rows: reference.rows, sha256: reference.sha256 } : null,
    batches: sortBatches(backup.batches).map((b) => batchJson(b, pin?.sha256)),
  };
}

type Values = Partial<Record<keyof typeof HISTORY_OPTION_SPECS | 'out', string>> & Parameters<typeof readSettings>[0];

function needWorkspace(values: Values): string {
  if (!values.workspace) throw new UsageError('history needs --workspace FILE.driftbook (a workspace exported from the app)');
  return values.workspace;
}

/** Which options each subcommand takes (a flag of another one is a mistake worth saying). */
const ALLOWED: Record<Subcommand, readonly string[]> = { add: ['current', 'date'], pin: ['reference'], list: [] };

/** `driftbook history add|pin|list --workspace W.driftbook …`. */
export async function historyCommand(args: string[], out: (text: string) => void, now = new Date()): Promise<void> {
  const [sub, ...rest] = args;
  if (!SUBCOMMANDS.includes(sub as Subcommand)) {
    throw new UsageError(
      `history: ${sub === undefined ? 'a subcommand is missing' : `unknown subcommand ${sub}`} — use history add, history pin or history list`,
    );
  }
  const { values } = parseCommandArgs(rest, HISTORY_OPTION_SPECS);
  for (const name of ['current', 'reference', 'date'] as const) {
    if (values[name] !== undefined && !ALLOWED[sub as Subcommand].includes(name)) throw new UsageError(`history ${sub} does not take --${name}`);
  }
  const run = { add: () => addBatch(values, now), pin: () => pinReference(values, now), list: () => listHistory(values) }[sub as Subcommand];
  await writeOutput(jsonText(await run()), values.out, out);
}
