import 'fake-indexeddb/auto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { DriftbookDb } from '../../../lib/store/db';
import { exportWorkspace, importWorkspace, packBackup } from '../../../lib/store/backup';
import { listBatches } from '../../../lib/store/batches';
import type { DriftResult } from '../../../lib/drift/types';
import type { BatchSummary } from '../../../lib/notebook/batch-summary';

const dir = mkdtempSync(join(tmpdir(), 'driftbook-history-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A CSV of n rows: x numeric shifted by `shift`, c categorical cycling through `cats`, some y missing. */
function csv(n: number, shift: number, cats: string, missingEvery = 0): string {
  const rows = ['x,c,y'];
  for (let i = 0; i < n; i++) rows.push(`${((i * 7919) % 101) / 10 + shift},${cats[i % cats.length]},${missingEvery && i % missingEvery === 0 ? '' : i % 13}`);
  return `${rows.join('\n')}\n`;
}

const reference = file('reference.csv', csv(300, 0, 'abc'));
const batches = [file('b1.csv', csv(120, 0.2, 'abc')), file('b2.csv', csv(150, 3, 'abcc', 10)), file('b3.csv', csv(90, 8, 'd', 3))];

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function ok<T>(args: string[]): Promise<T> {
  const { code, out, err } = await run(args);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as T;
}

/** An empty workspace file, as "Export workspace" writes one. */
async function emptyWorkspace(name: string): Promise<string> {
  const path = join(dir, name);
  const now = '2026-12-01T00:00:00.000Z';
  const bytes = await packBackup({
    workspace: { id: `ws-${name}`, name: 'Nightly', createdAt: now, updatedAt: now },
    cells: [],
    modelCards: { cards: [], versions: [] },
    batches: [],
    datasets: [],
  });
  writeFileSync(path, bytes);
  return path;
}

interface Listed {
  workspace: { id: string; name: string };
  pinnedReference: { name: string; rows: number; sha256: string } | null;
  batches: { id: string; date: string; dataset: { name: string; rows: number }; stale: boolean; summary: BatchSummary }[];
}

describe('driftbook history', () => {
  it('pins a reference, adds three batches with dates, lists them by date; numbers equal a direct drift run', async () => {
    const ws = await emptyWorkspace('nightly.driftbook');
    expect(await ok(['history', 'pin', '--workspace', ws, '--reference', reference])).toMatchObject({
      pinnedReference: { name: 'reference.csv', rows: 300 },
      recomputed: 0,
    });
    const dates = ['2026-12-03', '2026-12-01', undefined];
    for (let i = 0; i < 3; i++) {
      const added = await ok<{ date: string; summary: BatchSummary }>([
        'history',
        'add',
        '--workspace',
        ws,
        '--current',
        batches[i]!,
        ...(dates[i] ? ['--date', dates[i]!] : []),
      ]);
      expect(added.date).toBe(dates[i] ?? new Date().toISOString().slice(0, 10));
    }
    const listed = await ok<Listed>(['history', 'list', '--workspace', ws]);
    expect(listed.pinnedReference).toMatchObject({ name: 'reference.csv', rows: 300 });
    // By date: b2 (12-01), b1 (12-03), then b3 (today, after 2026-12-06).
    expect(listed.batches.map((b) => [b.dataset.name, b.date])).toEqual([
      ['b2.csv', '2026-12-01'],
      ['b1.csv', '2026-12-03'],
      ['b3.csv', dates[2] ?? new Date().toISOString().slice(0, 10)],
    ]);
    expect(listed.batches.every((b) => !b.stale)).toBe(true);

    for (const batch of listed.batches) {
      const direct = await ok<DriftResult>(['drift', '--reference', reference, '--current', join(dir, batch.dataset.name)]);
      const { summary } = batch;
      expect(summary.driftShare).toBe(direct.dataset.share);
      expect(summary.datasetDrifted).toBe(direct.dataset.drifted);
      expect(summary.driftedColumns).toBe(direct.dataset.driftedColumns);
      expect(summary.columns).toEqual(direct.columns.map((c) => ({ name: c.name, method: c.method, score: c.score, drifted: c.drifted })));
      expect(summary.reference).toMatchObject({ name: 'reference.csv', rows: 300 });
    }
    const byName = Object.fromEntries(listed.batches.map((b) => [b.dataset.name, b.summary]));
    // b1 is the reference barely moved; b3 has x shifted by 8 and one unseen category (y keeps its i % 13 values):
    // 2 of 3 columns. Missing: y empty every 10th (b2) / 3rd (b3) row.
    expect(byName['b1.csv']!.driftShare).toBe(0);
    expect(byName['b3.csv']!.driftShare).toBe(2 / 3);
    expect(byName['b1.csv']!.missingShare).toBe(0);
    expect(byName['b2.csv']!.missingShare).toBe(15 / (150 * 3));
    expect(byName['b3.csv']!.missingShare).toBe(30 / (90 * 3));

    // The app opens the file with its history: three batches, their summaries as the CLI stored them.
    const db = new DriftbookDb(`history-cli-${Math.random()}`);
    const imported = await importWorkspace(db, readFileSync(ws));
    expect(imported.batches).toBe(3);
    const inApp = await listBatches(db, imported.workspace.id);
    expect(inApp.map((b) => b.summary)).toEqual(listed.batches.map((b) => b.summary));
    // …and exports it again with the same history.
    const again = await importWorkspace(new DriftbookDb(`history-cli-${Math.random()}`), await exportWorkspace(db, imported.workspace.id));
    expect(again.batches).toBe(3);
    await db.delete();
  });

  it('re-pinning recomputes every batch against the new reference', async () => {
    const ws = await emptyWorkspace('repin.driftbook');
    await ok(['history', 'pin', '--workspace', ws, '--reference', reference]);
    await ok(['history', 'add', '--workspace', ws, '--current', batches[2]!, '--date', '2026-12-01']);
    expect(await ok(['history', 'pin', '--workspace', ws, '--reference', batches[2]!])).toMatchObject({ recomputed: 1 });
    const listed = await ok<Listed>(['history', 'list', '--workspace', ws]);
    expect(listed.pinnedReference?.name).toBe('b3.csv');
    expect(listed.batches[0]!.summary.driftShare).toBe(0);
    expect(listed.batches[0]!.summary.reference.name).toBe('b3.csv');
  });

  it('refuses with one line and exit 2, leaving the file untouched', async () => {
    const unpinned = await emptyWorkspace('unpinned.driftbook');
    const pinned = await emptyWorkspace('pinned.driftbook');
    await ok(['history', 'pin', '--workspace', pinned, '--reference', reference]);
    const notZip = file('not.driftbook', 'hello');
    const cases: [string[], RegExp][] = [
      [['history', 'add', '--workspace', unpinned, '--current', batches[0]!], /has no pinned reference — pin one with driftbook history pin/],
      [['history', 'add', '--workspace', pinned, '--current', batches[0]!, '--date', '2026-02-30'], /batch date: "2026-02-30" is not a calendar date/],
      [['history', 'add', '--workspace', pinned, '--current', batches[0]!, '--date', '12/01/2026'], /write it as YYYY-MM-DD/],
      [['history', 'add', '--workspace', pinned, '--current', join(dir, 'missing.csv')], /file not found: .*missing\.csv/],
      [['history', 'add', '--workspace', join(dir, 'nope.driftbook'), '--current', batches[0]!], /--workspace: cannot read .*nope\.driftbook \(no such file\)/],
      [['history', 'add', '--workspace', notZip, '--current', batches[0]!], /not a Driftbook workspace file/],
      [['history', 'add', '--workspace', pinned], /history add needs --current FILE/],
      [['history', 'add', '--current', batches[0]!], /history needs --workspace FILE\.driftbook/],
      [['history', 'list', '--workspace', pinned, '--date', '2026-12-01'], /history list does not take --date/],
      [['history', 'remove', '--workspace', pinned], /unknown subcommand remove — use history add, history pin or history list/],
      [['history'], /a subcommand is missing/],
    ];
    const before = [unpinned, pinned, notZip].map((p) => [readFileSync(p), statSync(p).mtimeMs] as const);
    for (const [args, message] of cases) {
      const { code, out, err } = await run(args);
      expect(out, args.join(' ')).toBe('');
      expect(code, args.join(' ')).toBe(2);
      expect(err.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(err, args.join(' ')).toMatch(message);
    }
    expect([unpinned, pinned, notZip].map((p) => [readFileSync(p), statSync(p).mtimeMs] as const)).toEqual(before);
    // No temporary file left behind.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
