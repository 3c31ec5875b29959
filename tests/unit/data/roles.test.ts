import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('column roles', () => {
  it('guesses roles from names; *_id only when every value is unique', async () => {
    const rows = ['user_id,group_id,Label,y_pred,prob_yes,ts,age,id'];
    for (let i = 0; i < 30; i++)
      rows.push(`u${i},${i % 3},${i % 2},${(i + 1) % 2},0.${i % 10},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${20 + i},${i}`);
    const { meta } = await ingestCsv(bytes(rows.join('\n')), 'r.csv');
    expect(meta.roles).toEqual({ user_id: 'id', Label: 'target', y_pred: 'prediction', prob_yes: 'score', ts: 'timestamp', id: 'id' });
  });

  it('leaves id columns untested and keeps target/prediction out of the dataset share', async () => {
    const make = (shift: number) => {
      const rows = ['customer_id,target,x'];
      for (let i = 0; i < 200; i++) rows.push(`${i + shift * 1000},${(i + shift) % 2},${i + shift * 50}`);
      return bytes(rows.join('\n'));
    };
    const result = await computeDrift(await ingestCsv(make(0), 'a.csv'), await ingestCsv(make(1), 'b.csv'));
    const byName = Object.fromEntries(result.columns.map((c) => [c.name, c]));
    expect(byName.customer_id).toMatchObject({ role: 'id', tested: false, reason: 'id', count: { reference: 200, current: 200 } });
    expect(byName.target).toMatchObject({ role: 'target', tested: true });
    expect(byName.x!.role).toBeUndefined();
    // Only x counts for dataset drift.
    expect(result.dataset.columns).toBe(1);
  });
});
