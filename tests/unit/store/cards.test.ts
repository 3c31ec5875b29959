import 'fake-indexeddb/auto';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyCard, type ModelCard } from '../../../lib/cards/types';
import { exportWorkspace, importWorkspace } from '../../../lib/store/backup';
import { JSON_ENTRY_MAX_BYTES } from '../../../lib/store/backup-read';
import { MAX_BACKUP_CARD_VERSIONS } from '../../../lib/store/backup-schema';
import {
  canonicalCard,
  deleteCard,
  getCardVersion,
  getWorkspaceCard,
  listCardVersions,
  openWorkspaceCard,
  saveCardDraft,
  saveCardVersion,
} from '../../../lib/store/cards';
import type { DriftbookDb } from '../../../lib/store/db';
import { createWorkspace, deleteWorkspace, duplicateWorkspace, restoreWorkspace } from '../../../lib/store/workspaces';
import { jsonBytes, newDb, plainJson, snapshot, workspaceFixture, writeZip } from './backup-fixture';

const dbs: DriftbookDb[] = [];
function db(): DriftbookDb {
  const created = newDb('cards');
  dbs.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

const HOSTILE = '<script>alert(1)</script> & "quotes" {{ x }} key: value #tag \u202Eevil עברית 中文 🎉';

/** A card with human text in several fields and an autofilled metric (NaN interval bound: tagged in backups). */
function card(name = 'Rain classifier'): ModelCard {
  const c = emptyCard();
  c.modelDetails.name = name;
  c.modelDetails.overview = HOSTILE;
  c.modelDetails.owners = [{ name: 'Ada', contact: 'ada@example.org' }];
  c.considerations.limitations = ['Only Seattle', HOSTILE];
  c.considerations.ethicalConsiderations = [{ name: 'Bias', mitigationStrategy: 'Monitor groups' }];
  c.quantitative.metrics = [
    {
      type: 'accuracy',
      value: 0.8123456789012345,
      side: 'current',
      interval: { lower: NaN, upper: 0.9, level: 0.95, method: 'percentile-bootstrap', resamples: 1000, seed: 7 },
      source: {
        cellId: 'c1',
        cellTitle: 'Quality',
        kind: 'classification',
        datasets: [{ side: 'current', name: 'cur.csv', sha256: 'a'.repeat(64) }],
        computedAt: '2026-01-01T00:00:00.000Z',
      },
    },
  ];
  return c;
}

async function workspaceWithCard(target: DriftbookDb) {
  const ws = await createWorkspace(target, 'W');
  const record = await openWorkspaceCard(target, ws.id, emptyCard());
  return { ws, record };
}

describe('model card store', () => {
  it("opens a workspace's card once (no version yet), and the same card again", async () => {
    const d = db();
    const { ws, record } = await workspaceWithCard(d);
    expect(record).toMatchObject({ workspaceId: ws.id, latestVersion: 0, title: 'Untitled model card' });
    expect(await openWorkspaceCard(d, ws.id, card())).toEqual(record);
    expect(await getWorkspaceCard(d, ws.id)).toEqual(record);
    expect(await listCardVersions(d, record.id)).toEqual([]);
    await expect(openWorkspaceCard(d, 'no-such-workspace', emptyCard())).rejects.toMatchObject({ code: 'workspace-missing' });
  });

  it('saves the draft without a version; each different save is version latest + 1, an identical one stores nothing', async () => {
    const d = db();
    const { record } = await workspaceWithCard(d);
    const draft = await saveCardDraft(d, record.id, card('Draft name'));
    expect(draft).toMatchObject({ title: 'Draft name', latestVersion: 0 });
    expect(draft.draft.modelDetails.name).toBe('Draft name');

    const first = await saveCardVersion(d, record.id, card(), 'autofill', new Date('2026-02-01T00:00:00Z'));
    expect(first).toMatchObject({
      saved: true,
      version: { version: 1, reason: 'autofill', savedAt: '2026-02-01T00:00:00.000Z' },
      record: { latestVersion: 1 },
    });
    // The same card with its keys in another order (as an import may make it) is the same card.
    const reordered = JSON.parse(
      JSON.stringify(card(), (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)),
    ) as ModelCard;
    reordered.quantitative.metrics[0]!.interval!.lower = NaN;
    expect(canonicalCard(reordered)).toBe(canonicalCard(card()));
    const same = await saveCardVersion(d, record.id, reordered, 'autosave');
    expect(same).toMatchObject({ saved: false, version: { version: 1, reason: 'autofill' } });

    const edited = card();
    edited.considerations.users.push('Analysts');
    const second = await saveCardVersion(d, record.id, edited, 'autosave');
    expect(second).toMatchObject({ saved: true, version: { version: 2 } });
    // The reviewer and date were autosaved before "Record sign-off": the sign-off is still a version, once.
    const signed = { ...edited, signOff: { reviewer: 'Grace', date: '2026-02-02', notes: '' } };
    expect((await saveCardVersion(d, record.id, signed, 'autosave')).version).toMatchObject({ version: 3, reason: 'autosave' });
    expect(await saveCardVersion(d, record.id, signed, 'sign-off')).toMatchObject({ saved: true, version: { version: 4, reason: 'sign-off' } });
    expect(await saveCardVersion(d, record.id, signed, 'sign-off')).toMatchObject({ saved: false, version: { version: 4 } });

    expect((await listCardVersions(d, record.id)).map((v) => [v.version, v.reason])).toEqual([
      [1, 'autofill'],
      [2, 'autosave'],
      [3, 'autosave'],
      [4, 'sign-off'],
    ]);
    const v2 = await getCardVersion(d, record.id, 2);
    expect(v2!.card).toEqual(edited);
    expect(Number.isNaN(v2!.card.quantitative.metrics[0]!.interval!.lower)).toBe(true);
    expect(await getCardVersion(d, record.id, 9)).toBeUndefined();
    expect(await getWorkspaceCard(d, record.workspaceId)).toMatchObject({ latestVersion: 4, draft: signed });
  });

  it('deletes a card with its versions; a save to a deleted card says so', async () => {
    const d = db();
    const { record } = await workspaceWithCard(d);
    await saveCardVersion(d, record.id, card(), 'autosave');
    await deleteCard(d, record.id);
    expect(await d.cards.count()).toBe(0);
    expect(await d.cardVersions.count()).toBe(0);
    await expect(saveCardVersion(d, record.id, card(), 'autosave')).rejects.toMatchObject({ code: 'card-missing' });
  });

  it('deleting a workspace deletes its card and versions (undo puts them back); duplicating copies them under new ids', async () => {
    const d = db();
    const { ws, record } = await workspaceWithCard(d);
    await saveCardVersion(d, record.id, card(), 'autosave');
    await saveCardVersion(d, record.id, card('Second'), 'autosave');
    const other = await workspaceWithCard(d);

    const copy = await duplicateWorkspace(d, ws.id);
    const copied = (await getWorkspaceCard(d, copy.id))!;
    expect(copied.id).not.toBe(record.id);
    expect(copied).toMatchObject({ latestVersion: 2, title: 'Second' });
    expect((await listCardVersions(d, copied.id)).map((v) => [v.version, v.workspaceId, v.card.modelDetails.name])).toEqual([
      [1, copy.id, 'Rain classifier'],
      [2, copy.id, 'Second'],
    ]);

    const deleted = await deleteWorkspace(d, ws.id);
    expect(deleted.modelCards.cards.map((c) => c.id)).toEqual([record.id]);
    expect(deleted.modelCards.versions).toHaveLength(2);
    expect(await getWorkspaceCard(d, ws.id)).toBeUndefined();
    expect(await d.cardVersions.where('cardId').equals(record.id).count()).toBe(0);
    // The copy's and the other workspace's cards are untouched.
    expect(await listCardVersions(d, copied.id)).toHaveLength(2);
    expect(await getWorkspaceCard(d, other.ws.id)).toEqual(other.record);

    await restoreWorkspace(d, deleted);
    expect(await getWorkspaceCard(d, ws.id)).toMatchObject({ id: record.id, latestVersion: 2 });
    expect(await listCardVersions(d, record.id)).toHaveLength(2);
  });
});

/** A fixture workspace with a card of two versions, exported. */
async function backupWithCard(source: DriftbookDb) {
  const fixture = await workspaceFixture(source);
  const record = await openWorkspaceCard(source, fixture.ws.id, emptyCard());
  await saveCardVersion(source, record.id, card(), 'autofill');
  await saveCardVersion(source, record.id, card('Second'), 'import');
  await saveCardDraft(source, record.id, card('Draft'));
  const bytes = await exportWorkspace(source, fixture.ws.id);
  return { fixture, record, bytes };
}

async function expectRefused(target: DriftbookDb, bytes: Uint8Array, message: RegExp) {
  const before = await snapshot(target);
  const error = await importWorkspace(target, bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ kind: 'StorageError', code: 'bad-backup' });
  expect((error as Error).message).toMatch(/^not a Driftbook workspace file: /);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).not.toMatch(/undefined|is not iterable|Cannot read properties/);
  expect(await snapshot(target)).toEqual(before);
}

describe('model cards in workspace backups', () => {
  it('carries the card, its draft and every version exactly (NaN, hostile text); a copy gets new ids and numbers on', async () => {
    const source = db();
    const { record, bytes } = await backupWithCard(source);
    const files = unzipSync(bytes);
    expect(plainJson(files['manifest.json'])).toMatchObject({ modelCards: { file: 'cards.json', cards: 1, versions: 2 } });

    const target = db();
    const summary = await importWorkspace(target, bytes);
    expect(summary.modelCards).toBe(1);
    const restored = (await getWorkspaceCard(target, summary.workspace.id))!;
    const original = (await getWorkspaceCard(source, record.workspaceId))!;
    expect(restored).toEqual(original);
    expect(await listCardVersions(target, restored.id)).toEqual(await listCardVersions(source, record.id));
    expect(restored.draft.modelDetails.overview).toBe(HOSTILE);

    // Into the same browser: a copy, every id new, and the next version is 3.
    const again = await importWorkspace(source, bytes);
    const copy = (await getWorkspaceCard(source, again.workspace.id))!;
    expect(copy.id).not.toBe(record.id);
    expect((await listCardVersions(source, copy.id)).map((v) => v.version)).toEqual([1, 2]);
    expect((await listCardVersions(source, record.id)).map((v) => v.workspaceId)).toEqual([record.workspaceId, record.workspaceId]);
    expect((await saveCardVersion(source, copy.id, card('Third'), 'autosave')).version.version).toBe(3);
  });

  it('imports a file without cards (older backups) and exports a workspace without a card as before (no cards.json)', async () => {
    const source = db();
    const fixture = await workspaceFixture(source);
    const bytes = await exportWorkspace(source, fixture.ws.id);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).not.toContain('cards.json');
    expect(plainJson(files['manifest.json'])).not.toHaveProperty('modelCards');
    const target = db();
    const summary = await importWorkspace(target, bytes);
    expect(summary.modelCards).toBe(0);
    expect(await target.cards.count()).toBe(0);
  });

  it('refuses hostile card data before storing anything, naming where it is', async () => {
    const source = db();
    const { bytes } = await backupWithCard(source);
    const files = unzipSync(bytes);
    const manifest = plainJson(files['manifest.json']) as Record<string, Record<string, unknown>>;
    const entry = () => plainJson(files['cards.json']) as { cards: Record<string, unknown>[]; versions: Record<string, unknown>[] };
    const rezip = (cards: unknown, m: unknown = manifest) => zipSync({ ...files, 'manifest.json': jsonBytes(m), 'cards.json': jsonBytes(cards) });
    const target = db();
    await workspaceWithCard(target);

    const owners = entry();
    (owners.cards[0]!.draft as { modelDetails: Record<string, unknown> }).modelDetails.owners = 'everyone';
    await expectRefused(target, rezip(owners), /cards\.json does not match backup format 1: cards\[0\]\.draft\.modelDetails\.owners must be array/);

    const leaf = entry();
    (leaf.versions[1]!.card as { considerations: { limitations: unknown[] } }).considerations.limitations[0] = { toString: 1 };
    await expectRefused(target, rezip(leaf), /versions\[1\]\.card\.considerations\.limitations\[0\] must be string/);

    const reason = entry();
    reason.versions[0]!.reason = 'because';
    await expectRefused(target, rezip(reason), /versions\[0\]\.reason must be equal to one of the allowed values/);

    const orphan = entry();
    orphan.versions[0]!.cardId = 'elsewhere\u202E';
    await expectRefused(target, rezip(orphan), /belongs to card elsewhere⟨U\+202E⟩, which is not in its cards\.json/);

    const twice = entry();
    twice.versions[1]!.version = twice.versions[0]!.version;
    await expectRefused(target, rezip(twice), /appears twice in its cards\.json/);

    await expectRefused(
      target,
      rezip(entry(), { ...manifest, modelCards: { file: 'cards.json', cards: 1, versions: 5 } }),
      /lists 1 model cards and 5 versions but cards\.json holds 1 and 2/,
    );

    const { 'cards.json': _, ...withoutCards } = files;
    await expectRefused(target, zipSync(withoutCards), /lists model cards but cards\.json is missing/);

    await expectRefused(target, zipSync({ ...files, 'cards.json': new Uint8Array([0x7b, 0xff]) }), /its cards\.json is not valid JSON/);
  });

  it('bounds card data: too many versions are refused by count, a huge cards.json by its declared size, unread', async () => {
    const source = db();
    const { bytes } = await backupWithCard(source);
    const files = unzipSync(bytes);
    const manifest = plainJson(files['manifest.json']) as Record<string, unknown>;
    const entry = plainJson(files['cards.json']) as { cards: unknown[]; versions: Record<string, unknown>[] };
    const many = Array.from({ length: MAX_BACKUP_CARD_VERSIONS + 1 }, (_, i) => ({ ...entry.versions[0], id: `v${i}`, version: i + 1 }));
    const flood = zipSync({
      ...files,
      'manifest.json': jsonBytes({ ...manifest, modelCards: { file: 'cards.json', cards: 1, versions: many.length } }),
      'cards.json': jsonBytes({ ...entry, versions: many }),
    });
    const target = db();
    await expectRefused(target, flood, new RegExp(`versions must NOT have more than ${MAX_BACKUP_CARD_VERSIONS} items`));

    const list = Object.entries(files).map(([name, data]) => ({ name, data }));
    const bomb = list.map((e) => (e.name === 'cards.json' ? { ...e, method: 8, declaredSize: 2 ** 30 } : e));
    await expectRefused(target, writeZip(bomb), new RegExp(`cards\\.json declares ${2 ** 30} bytes, more than the ${JSON_ENTRY_MAX_BYTES}`));
  });
});
