// Categorical methods on a column with many distinct values (a measurement, not a test): writes a
// pair with N distinct categories a side (each twice, the current shifted by N/2, so 1.5·N in all)
// and times the CLI's default drift run and `--methods all`, and the quality command.
// Run: npx tsx scripts/bench/many-categories.mts [distinct=150000] [--keep]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const distinct = Number(args.find((a) => /^\d+$/.test(a)) ?? 150_000);
const dir = mkdtempSync(join(tmpdir(), 'driftbook-categories-'));
const side = (offset: number) => `cat\n${Array.from({ length: 2 * distinct }, (_, i) => `c${(i % distinct) + offset}`).join('\n')}\n`;
const reference = join(dir, 'reference.csv');
const current = join(dir, 'current.csv');
writeFileSync(reference, side(0));
writeFileSync(current, side(distinct / 2));

const cli = join(import.meta.dirname, '../../lib/cli/driftbook.mjs');
const runs: [string, string[]][] = [
  ['drift (default)', ['drift', '--reference', reference, '--current', current]],
  ['drift --methods all', ['drift', '--reference', reference, '--current', current, '--methods', 'all']],
  ['quality', ['quality', '--reference', reference, '--current', current]],
];
console.log(`${distinct.toLocaleString('en')} distinct a side, ${(2 * distinct).toLocaleString('en')} rows a side (${dir})`);
for (const [label, argv] of runs) {
  const start = performance.now();
  const out = execFileSync(process.execPath, [cli, ...argv], { maxBuffer: 1 << 30 });
  console.log(`${label.padEnd(22)} ${((performance.now() - start) / 1000).toFixed(1).padStart(6)} s   ${out.length.toLocaleString('en')} bytes of JSON`);
}
if (!args.includes('--keep')) rmSync(dir, { recursive: true });
