import { parentPort } from 'node:worker_threads';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { toErrorInfo } from '../errors';
import { ingestSource } from '../data/ingest';
import { localFileSource, nodeSha256 } from '../data/read-file';
import { runColumnTask } from '../drift/compute-drift';
import { ownBuffer, type PoolRequest, type PoolResponse, type SharedTable } from './pool-protocol';

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
    // Kept here for the columns this worker tests; the main thread gets the IPC bytes moved, not copied.
    tables.set(request.key, parsed);
    const ipc = ownBuffer(tableToIPC(parsed, 'file'));
    return { response: { id: request.id, ok: true, value: { meta, ipc } }, transfer: [ipc] };
  }
  const { task, plan, reference, current } = request;
  const result = runColumnTask(task, table(reference), table(current), plan);
  return { response: { id: request.id, ok: true, value: result }, transfer: [] };
}

parentPort!.on('message', (request: PoolRequest) => {
  handle(request).then(
    ({ response, transfer }) => parentPort!.postMessage(response, transfer),
    (error: unknown) => parentPort!.postMessage({ id: request.id, ok: false, error: toErrorInfo(error) } satisfies PoolResponse),
  );
});
