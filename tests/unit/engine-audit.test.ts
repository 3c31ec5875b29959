import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engine } from '../../lib/engine';
import { listAudit } from '../../lib/store/audit';
import { getDb } from '../../lib/store/db';

afterAll(() => getDb().delete());

/** Every file of the MLflow fixture folder (tests/fixtures/generate_mlruns.py) with its path under the folder, as a picker gives them. */
function pickedFolder(root: string): { path: string; file: Blob }[] {
  const out: { path: string; file: Blob }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ path: `mlruns/${relative(root, path).split('\\').join('/')}`, file: new Blob([readFileSync(path)]) });
    }
  };
  walk(root);
  return out;
}

describe('an MLflow import in the audit trail', () => {
  it('is one import entry with the source, the counts of the store and the number of warnings; importing again logs the unchanged counts', async () => {
    const files = pickedFolder(join(__dirname, '../fixtures/mlruns/tree'));
    const first = await engine.importTracking({ kind: 'mlruns', name: 'mlruns', files });
    const second = await engine.importTracking({ kind: 'mlruns', name: 'mlruns', files });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    const entries = await listAudit(getDb());
    expect(entries.map((e) => e.type)).toEqual(['import', 'import']);
    const { experiments, runs, registeredModels } = first.value.report;
    expect(entries[0]!.details).toEqual({ what: 'mlruns', file: 'mlruns', experiments, runs, registeredModels, warnings: first.value.warnings.length });
    expect(experiments.added).toBe(5);
    expect(entries[1]!.details).toMatchObject({ runs: { added: 0, updated: 0, unchanged: 9 } });
  });
});
