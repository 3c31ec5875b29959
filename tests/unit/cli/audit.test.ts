import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { chainEntry, toJsonLines } from '../../../lib/tracking/audit';
import type { AuditEntry } from '../../../lib/tracking/types';

const dir = mkdtempSync(join(tmpdir(), 'driftbook-audit-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function chain(n: number): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++)
    out.push(await chainEntry(out.at(-1), 'export', { what: `report ${i}`, i }, `2026-12-06T05:${String(i).padStart(2, '0')}:00.000Z`));
  return out;
}

describe('driftbook audit verify', () => {
  it('exit 0 with the count and head for an intact trail (the Python reference chain too)', async () => {
    const entries = await chain(5);
    const result = await run(['audit', 'verify', file('ok.jsonl', toJsonLines(entries))]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(result.out)).toEqual({ ok: true, entries: 5, head: entries[4]!.hash });
    const python = (JSON.parse(readFileSync(join(__dirname, '../../fixtures/audit/chain.json'), 'utf8')) as { entries: { entry: AuditEntry }[] }).entries.map(
      (e) => e.entry,
    );
    const reference = await run(['audit', 'verify', file('python.jsonl', python.map((e) => JSON.stringify(e)).join('\n'))]);
    expect(JSON.parse(reference.out)).toMatchObject({ ok: true, entries: 8 });
    expect(JSON.parse((await run(['audit', 'verify', file('empty.jsonl', '')])).out)).toMatchObject({ ok: true, entries: 0 });
  });

  it('exit 1 naming the first broken entry: a changed value, a swapped pair, a deleted line, an inserted line', async () => {
    const lines = toJsonLines(await chain(6))
      .trimEnd()
      .split('\n');
    const cases: [string, string[], object][] = [
      ['changed', lines.map((l, i) => (i === 2 ? l.replace('report 2', 'report X') : l)), { index: 2, seq: 2, problem: 'changed' }],
      ['swapped', [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)], { index: 1, seq: 2, problem: 'reordered' }],
      ['deleted', lines.filter((_, i) => i !== 4), { index: 4, seq: 5, problem: 'deleted' }],
      ['inserted', [...lines.slice(0, 3), lines[0]!, ...lines.slice(3)], { index: 3, seq: 0, problem: 'inserted' }],
      ['last', lines.map((l, i) => (i === 5 ? l.replace('"i":5', '"i":6') : l)), { index: 5, seq: 5, problem: 'changed' }],
    ];
    for (const [name, tampered, expected] of cases) {
      const result = await run(['audit', 'verify', file(`${name}.jsonl`, `${tampered.join('\n')}\n`)]);
      expect(result.code, name).toBe(1);
      expect(result.err).toBe('');
      const printed = JSON.parse(result.out) as { reason: string };
      expect(printed, name).toMatchObject({ ok: false, ...expected });
      expect(printed.reason).toMatch(/^entry \d+ \(index \d+, seq \d+\): /);
    }
  });

  it('exit 2 for unreadable input and usage mistakes, one line on stderr', async () => {
    mkdirSync(join(dir, 'folder.jsonl'), { recursive: true });
    const lines = toJsonLines(await chain(3))
      .trimEnd()
      .split('\n');
    const cases: [string[], RegExp][] = [
      [['audit', 'verify', join(dir, 'missing.jsonl')], /cannot read .*missing\.jsonl \(no such file\)/],
      [['audit', 'verify', join(dir, 'folder.jsonl')], /it is a directory/],
      [['audit', 'verify', file('bad.jsonl', `${lines[0]}\n${lines[1]!.slice(0, 40)}\n${lines[2]}\n`)], /line 2: not JSON/],
      [['audit', 'verify', file('array.jsonl', '[1]\n')], /line 1: not a JSON object/],
      [['audit', 'verify'], /usage: driftbook audit verify FILE\.jsonl/],
      [['audit'], /usage: driftbook audit verify/],
      [['audit', 'check', 'x.jsonl'], /unknown subcommand check/],
      [['audit', 'verify', 'a.jsonl', 'b.jsonl'], /one file only/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toMatch(message);
      expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('is listed in the help', async () => {
    expect((await run(['--help'])).out).toContain('driftbook audit verify FILE.jsonl');
  });
});
