import { readFileSync, writeFileSync } from 'node:fs';
import { constants, createDeflateRaw } from 'node:zlib';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './guard';
import { waitForTextQuietly } from './long-tasks';

/**
 * Zip bombs through the page's Import workspace input (issue 11): a ~1 MB .driftbook whose one
 * entry inflates to 1 GiB of zeros. Named entries that declare it are refused with one readable
 * message and nothing stored; an entry the manifest does not name is never inflated. In every case
 * the main thread stays free: no task over 200 ms (the import runs in a worker).
 */

const GIB = 1024 ** 3;
const MAX_TASK_MS = 200;

let zeros: Promise<Uint8Array> | undefined;

/** 1 GiB of zeros, raw-deflated 1 MiB at a time (never 1 GiB in memory): about 1 MB, made once per worker. */
function zeroBomb(): Promise<Uint8Array> {
  zeros ??= (async () => {
    const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
    const chunks: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise((resolve) => deflate.on('end', resolve));
    const block = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 1024; i++) if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
    deflate.end();
    await done;
    return new Uint8Array(Buffer.concat(chunks));
  })();
  return zeros;
}

interface RawEntry {
  name: string;
  /** The entry's bytes as stored in the zip (already deflated when method is 8). */
  body: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the zip declares. */
  size: number;
}

/** A zip written by hand (CRC 0: fflate does not check it), so an entry can be pre-deflated with any declared size. */
function writeZip(entries: RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, body, method, size } of entries) {
    const nameBytes = strToU8(name);
    const local = new Uint8Array(30 + nameBytes.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x800, true);
    l.setUint16(8, method, true);
    l.setUint32(18, body.length, true);
    l.setUint32(22, size, true);
    l.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x800, true);
    c.setUint16(10, method, true);
    c.setUint32(20, body.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, nameBytes.length, true);
    c.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    parts.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const directory = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directory, true);
  e.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directory + end.length);
  let at = 0;
  for (const part of [...parts, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
}

/** The demo workspace's backup entries, as another browser would send them (a new workspace id and name). */
async function demoEntries(page: Page): Promise<RawEntry[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workspace' }).click()]);
  const path = test.info().outputPath('demo.driftbook');
  await download.saveAs(path);
  const files = unzipSync(readFileSync(path));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { workspace: { id: string; name: string } };
  manifest.workspace = { ...manifest.workspace, id: 'bomb-carrier', name: 'Carried a bomb' };
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  return Object.entries(files).map(([name, data]) => ({ name, body: data, method: 0, size: data.length }));
}

/** Ids of every stored workspace, cell and dataset (read from IndexedDB as the page sees it). */
async function storedIds(page: Page): Promise<{ cells: string[]; datasets: string[]; workspaces: string[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('driftbook');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const keys = (store: string) =>
      new Promise<string[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAllKeys();
        request.onsuccess = () => resolve(request.result.map(String).sort());
        request.onerror = () => reject(request.error);
      });
    const [cells, datasets, workspaces] = await Promise.all([keys('cells'), keys('datasets'), keys('workspaces')]);
    db.close();
    return { cells, datasets, workspaces };
  });
}

/** Starts recording main-thread long tasks (> 50 ms), as tests/e2e/large-file.spec.ts does. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
}

async function expectNoLongTask(page: Page, label: string): Promise<void> {
  // Tasks are reported when they end: give the last one a frame to be delivered.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  test.info().annotations.push({ type: `${label}: long tasks (ms)`, description: JSON.stringify(longTasks.map(Math.round)) });
  expect(Math.max(0, ...longTasks), `${label}: main-thread long tasks ${JSON.stringify(longTasks)}`).toBeLessThanOrEqual(MAX_TASK_MS);
}

/** Writes the zip to the test's output folder and picks it in the Import workspace input. */
async function importZip(page: Page, fileName: string, bytes: Uint8Array): Promise<void> {
  const path = test.info().outputPath(fileName);
  writeFileSync(path, bytes);
  expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
  await page.getByTestId('import-workspace').setInputFiles(path);
}

const bombed = (entry: RawEntry, bomb: Uint8Array): RawEntry => ({ name: entry.name, body: bomb, method: 8, size: GIB });

for (const target of ['manifest', 'dataset'] as const) {
  test(`a ${target} entry that inflates to 1 GiB is refused with one readable message, nothing stored, no main-thread task over ${MAX_TASK_MS} ms`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const bomb = await zeroBomb();
    await openDemo(page);
    const entries = await demoEntries(page);
    const victim = entries.find((e) => (target === 'manifest' ? e.name === 'manifest.json' : e.name.startsWith('datasets/')))!;
    const zip = writeZip(entries.map((e) => (e === victim ? bombed(e, bomb) : e)));
    const before = await storedIds(page);
    await watchLongTasks(page);
    await importZip(page, `${target}-bomb.driftbook`, zip);

    const toast = page.getByTestId('toast');
    // Waited for without retrying assertions (they snapshot the page on its main thread: see waitForTextQuietly).
    await waitForTextQuietly(page, 'toast', 'not a Driftbook workspace file:', 60_000);
    await expect(toast).toContainText(`${victim.name} declares ${GIB} bytes, more than the`);
    // One line, nothing raw.
    const message = (await toast.textContent()) ?? '';
    expect(message).not.toMatch(/\n|undefined|\[object Object\]|TypeError|RangeError/);
    await expectNoLongTask(page, `${target} bomb`);

    // The page still works and nothing was stored.
    await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
    await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
    expect(await storedIds(page)).toEqual(before);
  });
}

test(`an entry the manifest does not name is never inflated: the backup imports cleanly, no main-thread task over ${MAX_TASK_MS} ms`, async ({ page }) => {
  test.setTimeout(120_000);
  const bomb = await zeroBomb();
  await openDemo(page);
  const entries = await demoEntries(page);
  const zip = writeZip([...entries, { name: 'zeros.bin', body: bomb, method: 8, size: GIB }]);
  const before = await storedIds(page);
  await watchLongTasks(page);
  await importZip(page, 'unnamed-bomb.driftbook', zip);

  await waitForTextQuietly(page, 'toast', 'Imported “Carried a bomb”', 60_000);
  await expect(page.getByTestId('workspace-name')).toHaveText('Carried a bomb');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
  await expectNoLongTask(page, 'unnamed bomb');
  // One new workspace with its cells; the demo's datasets are the same bytes, so they are reused.
  const after = await storedIds(page);
  expect(after.workspaces.length).toBe(before.workspaces.length + 1);
  expect(after.cells.length).toBeGreaterThan(before.cells.length);
  expect(after.datasets).toEqual(before.datasets);
});
