import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { engine, type Outcome } from '../../../lib/engine';
import { fromErrorInfo } from '../../../lib/errors';
import { createCell, runCell, storedResultKey, type CellRunner } from '../../../lib/notebook/run-cell';
import { deleteCell, setCellInput } from '../../../lib/store/cells';
import { getDb } from '../../../lib/store/db';
import { createWorkspace } from '../../../lib/store/workspaces';
import { storeDataset } from '../store/backup-fixture';

afterAll(() => getDb().delete());

const unwrap = <T>(out: Outcome<T>): T => {
  if (out.ok) return out.value;
  throw fromErrorInfo(out.error);
};

/** The engine as runner, held at the compute until `release` is called (a run the user acts during). */
function heldRunner() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const runner: CellRunner = {
    runCell: async (kind, config, inputs, onProgress) => {
      started();
      await held;
      return unwrap(await engine.runCell(kind, config, inputs, onProgress));
    },
  };
  return { runner, release, running };
}

describe('a run that ends after the cell changed', () => {
  it('keeps the input chosen while it ran; its result then reads as stale', async () => {
    const db = getDb();
    const ws = await createWorkspace(db, 'race');
    const [reference, current, other] = [
      await storeDataset(db, 'r.csv', 200),
      await storeDataset(db, 'c.csv', 200, 5),
      await storeDataset(db, 'o.csv', 200, 9),
    ];
    const cell = await createCell(db, ws.id, { kind: 'drift', reference, current });
    const { runner, release, running } = heldRunner();
    const run = runCell(db, runner, cell);
    await running;
    await setCellInput(db, cell.id, 'current', { id: other.id, sha256: other.sha256 });
    release();
    const done = await run;
    const stored = (await db.cells.get(cell.id))!;
    expect(stored.inputs.current?.id).toBe(other.id);
    expect(stored.status).toBe('ok');
    expect(stored.result).toEqual(done.result);
    // The result was computed for c.csv: its key is not the key of the cell as it is now.
    expect(stored.resultKey).not.toBe(await storedResultKey(db, stored));
  });

  it('does not bring back a cell deleted while it ran', async () => {
    const db = getDb();
    const ws = await createWorkspace(db, 'deleted');
    const [reference, current] = [await storeDataset(db, 'r2.csv', 100), await storeDataset(db, 'c2.csv', 100, 3)];
    const cell = await createCell(db, ws.id, { kind: 'drift', reference, current });
    const { runner, release, running } = heldRunner();
    const run = runCell(db, runner, cell);
    await running;
    await deleteCell(db, cell.id);
    release();
    await run;
    expect(await db.cells.get(cell.id)).toBeUndefined();
  });
});
