import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, exportAuditJsonl, listAudit } from '../../../lib/store/audit';
import { DriftbookDb } from '../../../lib/store/db';
import { parseJsonLines, verifyChain, ZERO_HASH } from '../../../lib/tracking/audit';
import { newDb } from './backup-fixture';

const dbs: DriftbookDb[] = [];
function db(): DriftbookDb {
  const created = newDb('audit');
  dbs.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

describe('audit store', () => {
  it('appends linked entries and lists them in seq order', async () => {
    const target = db();
    const fixed = () => new Date('2026-12-06T05:00:00.000Z');
    const first = await appendAudit(target, 'dataset-added', { name: 'ref.csv', sha256: 'ab'.repeat(32), rows: 10 }, { now: fixed });
    const second = await appendAudit(target, 'export', { what: 'report' });
    expect(first).toMatchObject({ seq: 0, prev: ZERO_HASH, time: '2026-12-06T05:00:00.000Z' });
    expect(second).toMatchObject({ seq: 1, prev: first.hash });
    expect(await listAudit(target)).toEqual([first, second]);
    expect(await verifyChain(await listAudit(target))).toEqual({ ok: true, count: 2, head: second.hash });
  });

  it('serialises concurrent appends: 30 at once give seq 0–29 in call order and a valid chain', async () => {
    const target = db();
    const added = await Promise.all(Array.from({ length: 30 }, (_, i) => appendAudit(target, 'cell-run', { i })));
    expect(added.map((e) => e.seq)).toEqual(added.map((_, i) => i));
    expect(added.map((e) => e.details.i)).toEqual(added.map((_, i) => i));
    expect(await verifyChain(await listAudit(target))).toMatchObject({ ok: true, count: 30 });
  });

  it('two tabs (two connections to one database) appending at once do not fork the chain', async () => {
    const tabA = db();
    const tabB = new DriftbookDb(tabA.name);
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(i % 2 ? tabA : tabB, 'export', { tab: i % 2 ? 'A' : 'B', i })));
      const entries = await listAudit(tabA);
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i));
      expect(await verifyChain(entries)).toMatchObject({ ok: true, count: 20 });
    } finally {
      tabB.close();
    }
  });

  it('a refused detail adds nothing and the next append still works', async () => {
    const target = db();
    await appendAudit(target, 'export', { what: 'a' });
    await expect(appendAudit(target, 'export', { bad: Number.NaN })).rejects.toThrow(/details\.bad: the number NaN/);
    const next = await appendAudit(target, 'export', { what: 'b' });
    expect(next.seq).toBe(1);
  });

  it('exports JSON Lines that parse back and verify', async () => {
    const target = db();
    for (const what of ['report', 'workspace', 'card "v2" </script>']) await appendAudit(target, 'export', { what });
    const text = await exportAuditJsonl(target);
    expect(text.endsWith('\n')).toBe(true);
    expect(parseJsonLines(text)).toEqual(await listAudit(target));
    expect(await verifyChain(parseJsonLines(text))).toMatchObject({ ok: true, count: 3 });
    expect(await exportAuditJsonl(db())).toBe('');
  });

  it('nothing outside lib/store/audit.ts writes, edits or deletes audit entries', () => {
    const root = join(__dirname, '../../..');
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && relative(root, path) !== join('lib', 'store', 'audit.ts')) {
          if (/\baudit\s*\.\s*(add|bulkAdd|put|bulkPut|update|delete|bulkDelete|clear|modify)\b|table\(\s*['"]audit['"]\s*\)/.test(readFileSync(path, 'utf8')))
            offenders.push(relative(root, path));
        }
      }
    };
    for (const dir of ['lib', 'components', 'app', 'workers']) walk(join(root, dir));
    expect(offenders).toEqual([]);
  });
});
