import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle, bundledMain, freshBundle } from '../../../lib/cli/bundle.mjs';
import { ROOT } from '../../support';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'driftbook-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A checkout in miniature: the two entries, one module they import, and the recipe files the bundle stamps. */
function miniRepo(name: string): string {
  const root = join(scratch, name);
  mkdirSync(join(root, 'lib', 'cli'), { recursive: true });
  writeFileSync(join(root, 'lib', 'cli', 'main.ts'), "import { answer } from './answer';\nexport const main = (): number => answer;\n");
  writeFileSync(join(root, 'lib', 'cli', 'answer.ts'), 'export const answer: number = 42;\n');
  writeFileSync(join(root, 'lib', 'cli', 'pool-worker.ts'), 'export {};\n');
  writeFileSync(join(root, 'lib', 'cli', 'bundle.mjs'), '// stands for the recipe\n');
  writeFileSync(join(root, 'tsconfig.json'), '{}\n');
  writeFileSync(join(root, 'package.json'), '{}\n');
  return root;
}

const cacheDir = (root: string) => join(root, 'node_modules', '.cache', 'driftbook-cli');
const builds = (root: string) => readdirSync(cacheDir(root)).filter((name) => name.startsWith('build-'));
const mainOf = async (url: string) => ((await import(url)) as { main: () => number }).main();

describe('CLI bundle (lib/cli/bundle.mjs)', () => {
  it('builds the entries, runs the bundled main and reuses the bundle while its sources are unchanged', async () => {
    const root = miniRepo('fresh');
    expect(freshBundle(root)).toBeUndefined();
    const url = await bundledMain(root);
    expect(url).toMatch(/\/node_modules\/\.cache\/driftbook-cli\/build-[^/]+\/main\.mjs$/);
    expect(await mainOf(url!)).toBe(42);
    expect(freshBundle(root)).toBe(url);
    expect(await bundledMain(root)).toBe(url);
    expect(builds(root)).toHaveLength(1);
  }, 30_000);

  it('sees an edited source (or recipe) as stale and rebuilds with the edit', async () => {
    const root = miniRepo('stale');
    const first = await buildBundle(root);
    writeFileSync(join(root, 'lib', 'cli', 'answer.ts'), 'export const answer: number = 43;\n');
    expect(freshBundle(root)).toBeUndefined();
    const second = await bundledMain(root);
    expect(second).not.toBe(first);
    expect(await mainOf(second!)).toBe(43);
    // Same size, new mtime: still stale (the stamp is size and mtime).
    const past = new Date(Date.now() - 3600_000);
    utimesSync(join(root, 'tsconfig.json'), past, past);
    expect(freshBundle(root)).toBeUndefined();
    // A deleted input is stale too.
    const third = await buildBundle(root);
    expect(freshBundle(root)).toBe(third);
    rmSync(join(root, 'lib', 'cli', 'bundle.mjs'));
    expect(freshBundle(root)).toBeUndefined();
  }, 30_000);

  it('leaves the build to a live lock holder (the caller runs the sources), takes over a dead one, keeps two old builds', async () => {
    const root = miniRepo('lock');
    mkdirSync(cacheDir(root), { recursive: true });
    const lock = join(cacheDir(root), 'build.lock');
    writeFileSync(lock, '');
    expect(await buildBundle(root)).toBeUndefined();
    expect(await bundledMain(root)).toBeUndefined();
    const old = new Date(Date.now() - 120_000);
    utimesSync(lock, old, old);
    expect(await buildBundle(root)).toBeDefined();
    for (let k = 0; k < 4; k++) await buildBundle(root);
    expect(builds(root)).toHaveLength(3);
    expect(readdirSync(cacheDir(root))).not.toContain('build.lock');
  }, 60_000);

  it('DRIFTBOOK_NO_BUNDLE=1 runs the sources', async () => {
    const root = miniRepo('off');
    process.env.DRIFTBOOK_NO_BUNDLE = '1';
    try {
      expect(await bundledMain(root)).toBeUndefined();
    } finally {
      delete process.env.DRIFTBOOK_NO_BUNDLE;
    }
    expect(readdirSync(root)).not.toContain('node_modules');
  });

  it('the bundled CLI (worker pool included) prints byte for byte what the sources print through tsx', async () => {
    // Above the pool's 8 MB threshold, so both files are parsed and tested on worker threads.
    const rows = ['a,b,c,d,e,f'];
    for (let i = 0; i < 180_000; i++) {
      const x = Math.sin(i) * 1000;
      rows.push(`${x.toFixed(4)},${(i % 97) / 7},${Math.cos(i * 0.37).toFixed(6)},k${i % 5},${i % 3},${(x * x).toFixed(3)}`);
    }
    const reference = join(scratch, 'reference.csv');
    const current = join(scratch, 'current.csv');
    writeFileSync(reference, `${rows.join('\n')}\n`);
    writeFileSync(current, `${rows.map((row, i) => (i > 0 && i % 4 === 0 ? row.replace(/^-?[\d.]+/, '12.5') : row)).join('\n')}\n`);
    const cli = join(ROOT, 'lib', 'cli', 'driftbook.mjs');
    const args = [cli, 'drift', '--reference', reference, '--current', current, '--methods', 'ks,psi', '--threads', '2'];
    const viaTsx = await run(process.execPath, args, { env: { ...process.env, DRIFTBOOK_NO_BUNDLE: '1' }, maxBuffer: 1 << 26 });
    const bundled = await run(process.execPath, args, { maxBuffer: 1 << 26 });
    const oneThread = await run(process.execPath, [...args.slice(0, -1), '1'], { maxBuffer: 1 << 26 });
    expect(JSON.parse(bundled.stdout).dataset.driftedColumns).toBeGreaterThan(0);
    expect(bundled.stdout).toBe(viaTsx.stdout);
    expect(bundled.stdout).toBe(oneThread.stdout);
  }, 120_000);
});
