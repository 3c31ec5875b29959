import 'fake-indexeddb/auto';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineClient } from '../../components/engine-client';
import { engine } from '../../lib/engine';
import { ingestCsv } from '../../lib/data/ingest';
import { computeDrift } from '../../lib/drift/compute-drift';
import { buildProfile } from '../../lib/profile/mergeable/build';
import { writeProfile } from '../../lib/profile/mergeable/io';

// Which stand-in worker received each engine call.
const calls: { worker: number; method: string }[] = [];

/** A stand-in Worker running the real engine behind a MessageChannel (Comlink on both ends), recording its calls. */
class EngineWorker {
  static made = 0;
  private readonly port: MessagePort;
  constructor() {
    const worker = EngineWorker.made++;
    const { port1, port2 } = new MessageChannel();
    const recorded = Object.fromEntries(
      Object.entries(engine).map(([method, fn]) => [
        method,
        (...args: unknown[]) => {
          calls.push({ worker, method });
          return (fn as (...a: unknown[]) => unknown)(...args);
        },
      ]),
    );
    Comlink.expose(recorded, port2 as unknown as Comlink.Endpoint);
    this.port = port1;
  }
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }
  addEventListener(type: string, listener: EventListener): void {
    this.port.addEventListener(type, listener);
    this.port.start();
  }
  removeEventListener(type: string, listener: EventListener): void {
    this.port.removeEventListener(type, listener);
  }
  terminate(): void {
    this.port.close();
  }
}

const realWorker = (globalThis as { Worker?: unknown }).Worker;
afterEach(() => {
  (globalThis as { Worker?: unknown }).Worker = realWorker;
});

function csv(n: number, shift: number): string {
  const rows = ['x,c'];
  for (let i = 0; i < n; i++) rows.push(`${((i * 37) % 101) / 7 + shift},${'abc'[(i + shift) % 3]}`);
  return `${rows.join('\n')}\n`;
}

describe('engine client: the drop-to-verdict path over the pool', () => {
  it('reads two files on two workers at once, then runs their drift on the reference’s worker after a hand-over', async () => {
    (globalThis as { Worker?: unknown }).Worker = EngineWorker;
    const client = createEngineClient(2);
    const [refText, curText] = [csv(240, 0), csv(180, 2)];
    const [reference, current] = await Promise.all([client.store(new Blob([refText]), 'ref.csv'), client.store(new Blob([curText]), 'cur.csv')]);
    // The first file goes to worker 0; the second, set while the first is read, to worker 1.
    const [home, other] = [0, 1];
    expect(calls.filter((c) => c.method === 'store').sort((a, b) => a.worker - b.worker)).toEqual([
      { worker: home, method: 'store' },
      { worker: other, method: 'store' },
    ]);

    calls.length = 0;
    const config = { methods: ['ks', 'psi'] };
    const result = await client.runCell('drift', config, { reference: { id: reference.id }, current: { id: current.id } });
    const direct = await computeDrift(
      await ingestCsv(new TextEncoder().encode(refText), 'ref.csv'),
      await ingestCsv(new TextEncoder().encode(curText), 'cur.csv'),
      config,
    );
    expect({ ...result, reference: {}, current: {} }).toEqual({ ...direct, reference: {}, current: {} });
    const on = (method: string) => calls.filter((c) => c.method === method).map((c) => c.worker);
    expect(on('exportHeld')).toEqual([other]);
    expect(on('adoptHeld')).toEqual([home]);
    expect([...on('beginDrift'), ...on('driftBatch'), ...on('finishDrift')].every((w) => w === home)).toBe(true);
    client.dispose();
  });

  it('a drift with a .dbprofile reference reports, through the worker boundary, the columns it profiles from the current rows', async () => {
    (globalThis as { Worker?: unknown }).Worker = EngineWorker;
    const client = createEngineClient(2);
    const profileText = writeProfile(buildProfile(await ingestCsv(new TextEncoder().encode(csv(260, 0)), 'p-ref.csv')));
    const reference = await client.store(new Blob([profileText]), 'p-ref.dbprofile');
    const current = await client.store(new Blob([csv(190, 4)]), 'p-cur.csv');
    const progress: [number, number][] = [];
    const result = await client.runCell('drift', {}, { reference: { id: reference.id }, current: { id: current.id } }, (done, total) =>
      progress.push([done, total]),
    );
    expect(result.fromProfile).toEqual({ reference: true, current: false });
    expect(progress.filter(([, total]) => total > 0)).toEqual([
      [1, 2],
      [2, 2],
    ]);
    client.dispose();
  });
});
