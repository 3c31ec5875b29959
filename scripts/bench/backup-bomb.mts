// Measures the backup importer against real zip bombs (a measurement, not a test): a ~1 MB .driftbook
// whose deflated entry inflates to 1 GiB of zeros, as manifest.json, as a dataset the manifest names,
// and as an extra entry it does not name. Run: npx tsx scripts/bench/backup-bomb.mts
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { constants, createDeflateRaw } from 'node:zlib';
import { unzipSync } from 'fflate';
import { exportWorkspace, importWorkspace } from '../../lib/store/backup';
import { newDb, workspaceFixture, writeZip, type Entry } from '../../tests/unit/store/backup-fixture';

const GIB = 1024 ** 3;

/** 1 GiB of zeros, raw-deflated in 1 MiB chunks (never 1 GiB in memory): about 1 MB. */
async function zeroBomb(): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < 1024; i++) if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A stored (method 0) entry whose data is already deflated, declared as method 8 with its true size. */
const bombEntry = (name: string, deflated: Uint8Array): Entry & { raw: true } => ({ name, data: deflated, method: 8, declaredSize: GIB, raw: true });

function zip(entries: (Entry & { raw?: true })[]): Uint8Array {
  // writeZip deflates method-8 data itself; a pre-deflated bomb is written as stored, then its method patched.
  const bytes = writeZip(entries.map((e) => (e.raw ? { ...e, method: 0 } : e)));
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 4 <= bytes.length; at++) {
    const sig = view.getUint32(at, true);
    const local = sig === 0x04034b50;
    if (!local && sig !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + (local ? 26 : 28), true);
    const name = new TextDecoder().decode(bytes.subarray(at + (local ? 30 : 46), at + (local ? 30 : 46) + nameLength));
    if (entries.some((e) => e.raw && e.name === name)) view.setUint16(at + (local ? 8 : 10), 8, true);
  }
  return bytes;
}

async function timed(label: string, bytes: Uint8Array): Promise<void> {
  const db = newDb('bomb');
  const started = performance.now();
  let outcome: string;
  try {
    const summary = await importWorkspace(db, bytes);
    outcome = `imported (${summary.cells} cells)`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message.slice(0, 110)}…`;
  }
  const ms = performance.now() - started;
  console.log(
    `${label.padEnd(34)} ${(bytes.length / 1e6).toFixed(2)} MB  ${ms.toFixed(1).padStart(7)} ms  heap ${(process.memoryUsage().arrayBuffers / 1e6).toFixed(0)} MB  ${outcome}`,
  );
  await db.delete();
}

const source = newDb('bomb-source');
const { ws } = await workspaceFixture(source);
const files = unzipSync(await exportWorkspace(source, ws.id));
const entries: Entry[] = Object.entries(files).map(([name, data]) => ({ name, data }));
const bomb = await zeroBomb();
console.log(`1 GiB of zeros deflates to ${(bomb.length / 1e6).toFixed(2)} MB`);
const dataset = entries.find((e) => e.name.startsWith('datasets/'))!.name;

await timed('valid backup', zip(entries));
await timed('manifest.json is the bomb', zip(entries.map((e) => (e.name === 'manifest.json' ? bombEntry(e.name, bomb) : e))));
await timed('a named dataset is the bomb', zip(entries.map((e) => (e.name === dataset ? bombEntry(e.name, bomb) : e))));
await timed('an extra unnamed entry is the bomb', zip([...entries, bombEntry('zeros.bin', bomb)]));
await source.delete();
