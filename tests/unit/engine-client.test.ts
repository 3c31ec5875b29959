import { afterEach, describe, expect, it } from 'vitest';
import { createEngineClient } from '../../components/engine-client';

/** A stand-in Worker that never answers, so a test can make it "crash". */
class SilentWorker extends EventTarget {
  static made: SilentWorker[] = [];
  terminated = false;
  constructor() {
    super();
    SilentWorker.made.push(this);
  }
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

const realWorker = (globalThis as { Worker?: unknown }).Worker;
afterEach(() => {
  (globalThis as { Worker?: unknown }).Worker = realWorker;
  SilentWorker.made = [];
});

describe('engine client', () => {
  it('fails pending calls with a clear message when a worker dies, and starts fresh workers', async () => {
    (globalThis as { Worker?: unknown }).Worker = SilentWorker;
    const client = createEngineClient(2);
    expect(client.mode).toBe('worker');
    const call = client.runCell('quality', {}, { reference: { id: 'reference-id' } });
    const crash = new Event('error') as Event & { message?: string };
    crash.message = 'out of memory';
    SilentWorker.made[0]!.dispatchEvent(crash);
    await expect(call).rejects.toMatchObject({
      code: 'worker-crashed',
      message: expect.stringMatching(/^the analysis worker stopped \(out of memory\) — the file may be too large/),
    });
    expect(SilentWorker.made.slice(0, 2).every((w) => w.terminated)).toBe(true);
    expect(SilentWorker.made).toHaveLength(4);
    client.dispose();
  });

  it('rejects pending calls with code "aborted" on cancel', async () => {
    (globalThis as { Worker?: unknown }).Worker = SilentWorker;
    const client = createEngineClient(1);
    const call = client.runCell('quality', {}, { reference: { id: 'reference-id' } });
    client.cancel();
    await expect(call).rejects.toMatchObject({ code: 'aborted' });
    client.dispose();
  });
});
