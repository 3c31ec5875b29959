import { parentPort } from 'node:worker_threads';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { toErrorInfo } from '../errors';
import { ingestSource } from '../data/ingest';
import { localFileSource, nodeSha256 } from '../data/read-file';
import { runColumnTask, testProfiledTask, testsFromProfiles } from '../drift/compute-drift';
import { profiledColumns, profileEntry } from './pool-profiles';
import { ownBuffer, type ProfileEntry, type PoolRequest, type PoolResponse, type SharedTable } from './pool-protocol';

// Tables this worker parsed, or opened from the main thread's shared IPC bytes: once per worker.
const tables = new Map<string, Table>();

/** A typed array that is its whole (non-shared) buffer, so moving the buffer moves just it. */
function ownsBuffer(values: Float64Array): boolean {
  return values.byteOffset === 0 && values.byteLength === values.buffer.byteLength && values.buffer instanceof ArrayBuffer && values.byteLength > 0;
}

function table({ key, ipc }: SharedTable): Table {
  let t = tables.get(key);
  if (!t) {
    if (!ipc) throw new Error(`pool worker: table ${key} was neither parsed here nor sent`);
    t = tableFromIPC(new Uint8Array(ipc));
    tables.set(key, t);
  }
  return t;
}

async function handle(request: PoolRequest): Promise<{ response: PoolResponse; transfer: ArrayBuffer[] }> {
  if (request.kind === 'ingest') {
    const { meta, table: parsed } = await ingestSource(await localFileSource(request.path), { ...request.options, createHasher: nodeSha256 });
    // Kept here for the columns this worker tests; the main thread gets the IPC bytes moved, not copied.
    tables.set(request.key, parsed);
    // Profiled here, in the thread that parsed it, while the main thread parses and profiles the other file.
    const entries: ProfileEntry[] | undefined = request.profile
      ? profiledColumns(meta.schema).flatMap((column) => profileEntry(parsed, column) ?? [])
      : undefined;
    const ipc = ownBuffer(tableToIPC(parsed, 'file'));
    // The sorted values move to the main thread with the table (this worker gets back what it needs per column).
    const sorted = (entries ?? []).flatMap(({ profile }) =>
      profile.kind === 'numeric' && ownsBuffer(profile.sorted) ? [profile.sorted.buffer as ArrayBuffer] : [],
    );
    return { response: { id: request.id, ok: true, value: { meta, ipc, ...(entries ? { profiles: entries } : {}) } }, transfer: [ipc, ...sorted] };
  }
  if (request.kind === 'profiled-columns') {
    const results = request.tasks.map((task, i) => testProfiledTask(task, request.profiles[i]!.reference, request.profiles[i]!.current, request.plan));
    return { response: { id: request.id, ok: true, value: results }, transfer: [] };
  }
  const { task, plan, reference, current, referenceProfile, currentProfile } = request;
  const result =
    referenceProfile && currentProfile && testsFromProfiles(task)
      ? testProfiledTask(task, referenceProfile, currentProfile, plan)
      : runColumnTask(task, table(reference), table(current), plan, referenceProfile, currentProfile);
  return { response: { id: request.id, ok: true, value: result }, transfer: [] };
}

parentPort!.on('message', (request: PoolRequest) => {
  handle(request).then(
    ({ response, transfer }) => parentPort!.postMessage(response, transfer),
    (error: unknown) => parentPort!.postMessage({ id: request.id, ok: false, error: toErrorInfo(error) } satisfies PoolResponse),
  );
});
