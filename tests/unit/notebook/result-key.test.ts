import { describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../../lib/data/types';
import { withUserRoles } from '../../../lib/data/roles';
import { cellResultKey, datasetFingerprint } from '../../../lib/notebook/result-key';

const meta: DatasetMeta = {
  id: 'd1',
  name: 'a.csv',
  format: 'csv',
  sha256: 'ab'.repeat(32),
  bytes: 10,
  rows: 3,
  schema: [
    { name: 'id', type: 'numeric' },
    { name: 'score', type: 'numeric' },
    { name: 'x', type: 'categorical' },
  ],
  warnings: [],
  roles: { id: 'id', score: 'score' },
  createdAt: '2026-12-06T00:00:00.000Z',
};

describe('result keys and roles', () => {
  it('a guessed role and the same role set by the user give different keys (confirming a guess changes drift)', async () => {
    const confirmed = { ...meta, ...withUserRoles(meta, { id: 'id' }) };
    expect(datasetFingerprint(meta).roles).toEqual({ id: 'id', score: 'score' });
    expect(datasetFingerprint(confirmed).roles).toEqual({ id: 'user:id', score: 'score' });
    expect(await cellResultKey('drift', {}, { reference: meta })).not.toBe(await cellResultKey('drift', {}, { reference: confirmed }));
  });

  it('a user who sets a guessed column back to feature changes the key; equal roles keep it', async () => {
    const feature = { ...meta, ...withUserRoles(meta, { score: 'feature' }) };
    expect(datasetFingerprint(feature).roles).toEqual({ id: 'id', score: 'user:feature' });
    expect(await cellResultKey('drift', {}, { reference: feature })).toBe(await cellResultKey('drift', {}, { reference: { ...feature } }));
    expect(await cellResultKey('drift', {}, { reference: feature })).not.toBe(await cellResultKey('drift', {}, { reference: meta }));
  });
});
