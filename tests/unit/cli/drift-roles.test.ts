import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { ROOT, readJson } from '../../support';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

interface Pair {
  reference: { path: string };
  current: { path: string };
  roles: Record<string, { role: string; source: string }>;
  dataset: Record<string, unknown>;
  columns: { name: string; tested: boolean; reason?: string; role?: string }[];
}
const pairs = readJson<{ pairs: Record<string, Pair> }>('tests/fixtures/drift/expected.json').pairs;
const files = (pair: Pair) => ['--reference', join(ROOT, pair.reference.path), '--current', join(ROOT, pair.current.path)];

describe('driftbook drift: roles (--role) and the share (--share-of)', () => {
  it('by default lists guessed roles with their source and counts every tested column (generate_drift.py "roles")', async () => {
    const pair = pairs.roles!;
    const { code, out, err } = await run(['drift', ...files(pair), '--threads', '1']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.roles).toEqual(pair.roles);
    expect(json.dataset).toMatchObject(pair.dataset);
    expect(json.columns.map((c: { tested: boolean }) => c.tested)).toEqual(pair.columns.map((c) => c.tested));
  });

  it('--role (repeatable) decides; --share-of features decides on the feature share (generate_drift.py "roles-user")', async () => {
    const pair = pairs['roles-user']!;
    const args = ['drift', ...files(pair), '--role', 'target=target', '--role', 'time=ignored', '--share-of', 'features', '--threads', '1'];
    const { code, out, err } = await run(args);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.roles).toEqual(pair.roles);
    expect(json.dataset).toMatchObject(pair.dataset);
    expect(json.config).toMatchObject({ roles: { target: 'target', time: 'ignored' }, shareOf: 'features' });
    for (const want of pair.columns) {
      const got = json.columns.find((c: { name: string }) => c.name === want.name);
      expect([got.tested, got.role, got.reason], want.name).toEqual([want.tested, want.role, want.reason]);
    }
  });

  it.each([
    [['--share-of', 'targets'], /^driftbook: --share-of: targets is not one of all, features$/],
    [['--role', 'target'], /^driftbook: --role: expected COLUMN=VALUE, got target$/],
    [['--role', 'target=boss'], /^driftbook: --role: boss is not one of feature, target, prediction, score, timestamp, id, sensitive, ignored$/],
    [['--role', 'nope=target'], /^driftbook: role for nope: no such column in both files/],
  ])('%j: exit 2 with one line', async (args, message) => {
    const { code, err } = await run(['drift', ...files(pairs.roles!), '--threads', '1', ...args]);
    expect(code).toBe(2);
    expect(err.trimEnd()).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });
});
