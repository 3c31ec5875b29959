import { parentPort } from 'node:worker_threads';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { toErrorInfo } from '../errors';
import { ingestSource } from '../data/ingest';
import { localFileSource, nodeSha256 } from '../data/read-file';
import { runColumnTask } from '../drift/compute-drift';
import type { PoolRequest, PoolResponse } from './pool-protocol';

// Tables shared by the main thread (SharedArrayBuffer IPC bytes), opened once per worker.
const tables = new Map<string, Table>();

function table(key: string, bytes: SharedArrayBuffer): Table {
  let t = tables.get(key);
  if (!t) {
    t = tableFromIPC(new Uint8Array(bytes));
    tables.set(key, t);
  }
  return t;
}

async function handle(request: PoolRequest): Promise<PoolResponse> {
  if (request.kind === 'ingest') {
    const { meta, table: parsed } = await ingestSource(await localFileSource(request.path), { ...request.options, createHasher: nodeSha256 });
    const ipc = tableToIPC(parsed, 'file');
    // Copied once into shared memory: every worker then reads the same bytes without a copy.
    const shared = new SharedArrayBuffer(ipc.byteLength);
    new Uint8Array(shared).set(ipc);
    return { id: request.id, ok: true, value: { meta, ipc: shared } };
  }
  const { task, plan, reference, current } = request;
  const result = runColumnTask(task, table(reference.key, reference.ipc), table(current.key, current.ipc), plan);
  return { id: request.id, ok: true, value: result };
}

parentPort!.on('message', (request: PoolRequest) => {
  handle(request).then(
    (response) => parentPort!.postMessage(response),
    (error: unknown) => parentPort!.postMessage({ id: request.id, ok: false, error: toErrorInfo(error) } satisfies PoolResponse),
  );
});
