// The built app (out/) served by scripts/serve.mjs on a free port, for the browser benches.
/* global fetch -- Node 20's fetch */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** A port nothing listens on now (the OS picks it). */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts scripts/serve.mjs on out/ and waits until it answers: { base, pid, close() }. */
export async function serveOut() {
  const port = await freePort();
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), join(ROOT, 'out')], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const close = () => server.kill();
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      if (tries > 100) {
        close();
        throw new Error(`scripts/serve.mjs did not answer on ${base}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { base, pid: server.pid, close };
}
