import { parentPort } from 'node:worker_threads';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { toErrorInfo } from '../errors';
import { ingestSource } from '../data/ingest';
import { localFileSource, nodeSha256 } from '../data/read-file';
import { runColumnTask, testProfiledTask, testsFromProfiles } from '../drift/compute-drift';
import { resealReceived } from '../profile/drift-profile';
import { profileEntry } from './pool-profiles';
import { ownBuffer, type ColumnCount, type IngestReply, type ProfileEntry, type PoolRequest, type PoolResponse, type SharedTable } from './pool-protocol';

// Tables this worker parsed, or opened from the main thread's shared IPC bytes: once per worker.
const tables = new Map<string, Table>();

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
    // Kept here for the columns this worker tests; sent to the main thread only if it asks (a 'table' request).
    tables.set(request.key, parsed);
    // Profiled here, in the thread that parsed it, while the main thread parses and profiles the other file
    // (sorted values in shared memory: the main thread and this worker then read the same bytes).
    const entries: ProfileEntry[] | undefined = request.profile ? meta.schema.flatMap((column) => profileEntry(parsed, column) ?? []) : undefined;
    const counts: ColumnCount[] = parsed.schema.fields.map(({ name }) => {
      const vector = parsed.getChild(name)!;
      return { name, length: vector.length, nullCount: vector.nullCount };
    });
    return { response: { id: request.id, ok: true, value: { meta, counts, ...(entries ? { profiles: entries } : {}) } satisfies IngestReply }, transfer: [] };
  }
  if (request.kind === 'table') {
    const ipc = ownBuffer(tableToIPC(table({ key: request.key }), 'file'));
    return { response: { id: request.id, ok: true, value: ipc }, transfer: [ipc] };
  }
  if (request.kind === 'profiled-columns') {
    const results = request.tasks.map((task, i) =>
      testProfiledTask(task, resealReceived(request.profiles[i]!.reference), resealReceived(request.profiles[i]!.current), request.plan),
    );
    return { response: { id: request.id, ok: true, value: results }, transfer: [] };
  }
  const { task, plan, reference, current } = request;
  const [referenceProfile, currentProfile] = [resealReceived(request.referenceProfile), resealReceived(request.currentProfile)];
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
