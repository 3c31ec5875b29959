import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { describeRoles, roleSourceOf, userRoles, withUserRoles } from '../../../lib/data/roles';
import type { DatasetMeta } from '../../../lib/data/types';
import { computeDrift } from '../../../lib/drift/compute-drift';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Two files whose names invite guesses: a unique customer_id, a target, a numeric hour-of-day `time`, a feature `score`. */
async function pair() {
  const make = (shift: number) => {
    const rows = ['customer_id,target,time,score,x'];
    for (let i = 0; i < 200; i++)
      rows.push(`${i + shift * 1000},${(i + shift) % 2},${(i * 7 + shift) % 24},${600 + ((i * 37) % 200) + shift * 60},${i + shift * 50}`);
    return ingestCsv(bytes(rows.join('\n')), `${shift}.csv`);
  };
  return Promise.all([make(0), make(1)]);
}

describe('column roles: guessed from names', () => {
  it('guesses roles from names; *_id only when every value is unique; timestamp only for a datetime column', async () => {
    const rows = ['user_id,group_id,Label,y_pred,prob_yes,ts,age,id,time'];
    for (let i = 0; i < 30; i++)
      rows.push(`u${i},${i % 3},${i % 2},${(i + 1) % 2},0.${i % 10},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${20 + i},${i},${i % 24}`);
    const { meta } = await ingestCsv(bytes(rows.join('\n')), 'r.csv');
    // `time` holds hours of day (numeric): not a timestamp.
    expect(meta.schema.find((c) => c.name === 'time')!.type).toBe('numeric');
    expect(meta.roles).toEqual({ user_id: 'id', Label: 'target', y_pred: 'prediction', prob_yes: 'score', ts: 'timestamp', id: 'id' });
    expect(meta.roleSources).toBeUndefined();
    expect(roleSourceOf(meta, 'Label')).toBe('guessed');
  });
});

describe('column roles: guessed is a suggestion, set by the user decides', () => {
  const meta: Pick<DatasetMeta, 'roles' | 'roleSources'> = { roles: { y: 'target', score: 'score', ts: 'timestamp' } };

  it('reads a dataset stored without sources (an earlier version) as all guessed', () => {
    expect(describeRoles(meta)).toEqual({
      y: { role: 'target', source: 'guessed' },
      score: { role: 'score', source: 'guessed' },
      ts: { role: 'timestamp', source: 'guessed' },
    });
    expect(userRoles(meta)).toEqual({});
  });

  it('marks the columns the user set (feature included) and keeps the others as they were', () => {
    const next = withUserRoles(meta, { y: 'target', score: 'feature', id: 'id' });
    // roles stays readable for pre-filling model cells: every role but feature, whoever set it.
    expect(next.roles).toEqual({ y: 'target', ts: 'timestamp', id: 'id' });
    expect(next.roleSources).toEqual({ y: 'user', score: 'user', id: 'user' });
    expect(userRoles(next)).toEqual({ y: 'target', score: 'feature', id: 'id' });
    expect(describeRoles(next)).toEqual({
      y: { role: 'target', source: 'user' },
      ts: { role: 'timestamp', source: 'guessed' },
      id: { role: 'id', source: 'user' },
      score: { role: 'feature', source: 'user' },
    });
    // The input is not changed.
    expect(meta).toEqual({ roles: { y: 'target', score: 'score', ts: 'timestamp' } });
  });
});

describe('drift: guessed roles never change a result', () => {
  it('tests a guessed id and counts a guessed target and score in the share; lists them as guessed', async () => {
    const [a, b] = await pair();
    expect(a.meta.roles).toEqual({ customer_id: 'id', target: 'target', score: 'score' });
    const result = await computeDrift(a, b);
    expect(result.columns.every((c) => c.tested && c.role === undefined)).toBe(true);
    expect(result.dataset).toMatchObject({ columns: 5, featureColumns: 5, shareOf: 'all' });
    expect(result.dataset.featureShare).toBe(result.dataset.share);
    expect(result.roles).toEqual({
      customer_id: { role: 'id', source: 'guessed' },
      target: { role: 'target', source: 'guessed' },
      score: { role: 'score', source: 'guessed' },
    });
  });

  it('user-set roles: id untested, target left out of the feature share only; shareOf decides the verdict', async () => {
    const [a, b] = await pair();
    const reference = { ...a, meta: { ...a.meta, ...withUserRoles(a.meta, { customer_id: 'id', target: 'target' }) } };
    const all = await computeDrift(reference, b);
    const byName = Object.fromEntries(all.columns.map((c) => [c.name, c]));
    expect(byName.customer_id).toMatchObject({ role: 'id', tested: false, reason: 'id', count: { reference: 200, current: 200 } });
    expect(byName.target).toMatchObject({ role: 'target', tested: true });
    expect(byName.score!.role).toBeUndefined();
    expect(all.roles!.score).toEqual({ role: 'score', source: 'guessed' });
    expect(all.roles!.target).toEqual({ role: 'target', source: 'user' });
    // target (not drifted: the same 0/1 shares) counts in `share`, not in `featureShare`.
    expect(byName.target!.drifted).toBe(false);
    const drifted = all.columns.filter((c) => c.tested && c.drifted).length;
    expect(drifted).toBeGreaterThan(0);
    expect(all.dataset).toMatchObject({ columns: 4, driftedColumns: drifted, featureColumns: 3, driftedFeatureColumns: drifted, shareOf: 'all' });
    expect(all.dataset.share).toBe(drifted / 4);
    expect(all.dataset.featureShare).toBe(drifted / 3);
    const features = await computeDrift(reference, b, { shareOf: 'features', driftShare: (drifted / 4 + drifted / 3) / 2 });
    expect(all.dataset.drifted).toBe(drifted / 4 >= 0.5);
    expect(features.dataset).toMatchObject({ shareOf: 'features', drifted: true });
    expect((await computeDrift(reference, b, { driftShare: (drifted / 4 + drifted / 3) / 2 })).dataset.drifted).toBe(false);
  });

  it("a run's own roles (CLI --role) win over the datasets'; bad names and roles are refused", async () => {
    const [a, b] = await pair();
    const result = await computeDrift(a, b, { roles: { time: 'ignored', score: 'feature' } });
    expect(result.columns.find((c) => c.name === 'time')).toMatchObject({ tested: false, reason: 'ignored', role: 'ignored' });
    expect(result.roles!.score).toEqual({ role: 'feature', source: 'user' });
    await expect(computeDrift(a, b, { roles: { nope: 'target' } })).rejects.toMatchObject({
      code: 'unknown-column',
      message: expect.stringMatching(/^role for nope: no such column/),
    });
    await expect(computeDrift(a, b, { roles: { x: 'boss' as 'target' } })).rejects.toMatchObject({
      code: 'unknown-role',
      message: expect.stringMatching(/^role for x: boss is not one of feature, target/),
    });
  });

  it('warns when the feature share is asked for but no target/prediction/score role was set by the user', async () => {
    const [a, b] = await pair();
    const result = await computeDrift(a, b, { shareOf: 'features' });
    expect(result.warnings).toContain(
      'share of features: no column has a target, prediction or score role set by you (guessed, not counted: target = target, score = score) — the feature share equals the share of all columns; set roles in the role panel or with --role',
    );
    expect((await computeDrift(a, b, { shareOf: 'features', roles: { target: 'target' } })).warnings.some((w) => w.startsWith('share of features'))).toBe(
      false,
    );
  });
});
