/**
 * Property tests of the backup importer: random mutations of a valid .driftbook file are either
 * refused with one readable message and nothing stored, or imported losslessly without changing
 * anything that was here. `FUZZ_RUNS=5000 npm run fuzz` runs longer than `npm test` does.
 */
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCard } from '../../../lib/cards/types';
import { exportWorkspace, importWorkspace, type ImportSummary } from '../../../lib/store/backup';
import { listWorkspaceCards, openWorkspaceCard, saveCardVersion } from '../../../lib/store/cards';
import type { DriftbookDb } from '../../../lib/store/db';
import { getDatasetIpc } from '../../../lib/store/datasets';
import { DriftbookError } from '../../../lib/errors';
import { fromTaggedJson, toTaggedJson } from '../../../lib/store/tagged-json';
import type { CardRecord, CardVersionRecord, CellRecord } from '../../../lib/store/types';
import { listCells } from '../../../lib/store/workspaces';
import { newDb, plainJson, snapshot, storeDataset, workspaceFixture, writeZip, jsonBytes, type Entry } from './backup-fixture';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
// fake-indexeddb snapshots dominate: about 10 ms a run; the timeout follows the number of runs.
const TIMEOUT = 30_000 + RUNS * 40;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

type Json = unknown;
type Path = (string | number)[];
type Target = 'manifest' | 'cells' | 'cards';
type Mutation =
  | { op: 'remove'; target: Target; pick: number }
  | { op: 'set'; target: Target; pick: number; value: Json }
  | { op: 'copyCellId'; from: number; to: number }
  | { op: 'cellKind'; cell: number; kind: string }
  | { op: 'workspaceId'; id: string }
  | { op: 'dataset'; pick: number; field: 'id' | 'sha256' | 'name'; value: string }
  | { op: 'drop'; pick: number }
  | { op: 'rename'; pick: number; name: string }
  | { op: 'duplicate'; pick: number }
  | { op: 'corruptEntry'; pick: number; at: number; xor: number }
  | { op: 'declare'; pick: number; size: number; deflate: boolean }
  | { op: 'method'; pick: number; method: number }
  | { op: 'corruptZip'; at: number; xor: number }
  | { op: 'truncate'; keep: number };

/** The file being mutated: JSON entries stay parsed until the zip is written. */
interface Model {
  manifest: Json;
  cells: Json;
  cards: Json;
  entries: (Entry & { json?: Target })[];
  post: Mutation[];
}

function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      pathsOf((value as Record<string, Json>)[key], path, out);
    }
  }
  return out;
}

function edit(root: Json, pick: number, change: (parent: Record<string | number, Json>, key: string | number) => void): void {
  const paths = pathsOf(root);
  if (!paths.length) return;
  const path = paths[pick % paths.length]!;
  let parent = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  change(parent, path[path.length - 1]!);
}

const cellAt = (model: Model, i: number) =>
  Array.isArray(model.cells) && model.cells.length ? (model.cells[i % model.cells.length] as Record<string, Json>) : undefined;

function apply(model: Model, m: Mutation): void {
  const entry = 'pick' in m && model.entries.length ? model.entries[m.pick % model.entries.length] : undefined;
  switch (m.op) {
    case 'remove':
      return edit(model[m.target], m.pick, (parent, key) => (Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key]));
    case 'set':
      return edit(model[m.target], m.pick, (parent, key) => void (parent[key] = structuredClone(m.value)));
    case 'copyCellId': {
      const [from, to] = [cellAt(model, m.from), cellAt(model, m.to)];
      if (from && to) to.id = from.id;
      return;
    }
    case 'cellKind': {
      const cell = cellAt(model, m.cell);
      if (cell) cell.kind = m.kind;
      return;
    }
    case 'workspaceId': {
      const workspace = (model.manifest as { workspace?: Record<string, Json> })?.workspace;
      if (workspace && typeof workspace === 'object') workspace.id = m.id;
      return;
    }
    case 'dataset': {
      const datasets = (model.manifest as { datasets?: { meta?: Record<string, Json> }[] })?.datasets;
      const meta = Array.isArray(datasets) && datasets.length ? datasets[m.pick % datasets.length]?.meta : undefined;
      if (meta && typeof meta === 'object') meta[m.field] = m.value;
      return;
    }
    case 'drop':
      if (entry) model.entries.splice(model.entries.indexOf(entry), 1);
      return;
    case 'rename':
      if (entry) entry.name = m.name;
      return;
    case 'duplicate':
      if (entry) model.entries.push({ ...entry });
      return;
    case 'corruptEntry':
      if (entry) {
        const data = entry.json ? jsonBytes(model[entry.json]) : entry.data.slice();
        if (data.length) data[m.at % data.length]! ^= m.xor;
        Object.assign(entry, { data, json: undefined });
      }
      return;
    case 'declare':
      if (entry) Object.assign(entry, { declaredSize: m.size, method: m.deflate ? 8 : (entry.method ?? 0) });
      return;
    case 'method':
      if (entry) entry.method = m.method;
      return;
    default:
      model.post.push(m);
  }
}

function build(model: Model): Uint8Array {
  let bytes = writeZip(model.entries.map((e) => (e.json ? { ...e, data: jsonBytes(model[e.json]) } : e)));
  for (const m of model.post) {
    if (m.op === 'corruptZip' && bytes.length) bytes[m.at % bytes.length]! ^= m.xor;
    if (m.op === 'truncate') bytes = bytes.slice(0, m.keep % (bytes.length + 1));
  }
  return bytes;
}

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    -1,
    0.5,
    1e308,
    '',
    [],
    {},
    '1',
    true,
    'x'.repeat(300),
    { $num: 'NaN' },
    { $typed: 'Float64Array', values: 3 },
    { $typed: 'Nope', values: [] },
  ),
  fc.string(),
);
const entryName = fc.oneof(
  fc.constantFrom(
    '../manifest.json',
    '/etc/passwd',
    'datasets/../cells.json',
    'C:\\x\\y.arrow',
    'manifest.json',
    'cells.json',
    'datasets/x.arrow',
    '..\\..\\a',
  ),
  fc.string({ maxLength: 40 }),
);
const pick = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('remove' as const), target: fc.constantFrom<Target>('manifest', 'cells', 'cards'), pick }),
  fc.record({ op: fc.constant('set' as const), target: fc.constantFrom<Target>('manifest', 'cells', 'cards'), pick, value }),
  fc.record({ op: fc.constant('copyCellId' as const), from: pick, to: pick }),
  fc.record({ op: fc.constant('cellKind' as const), cell: pick, kind: fc.string() }),
  fc.record({ op: fc.constant('workspaceId' as const), id: fc.oneof(fc.uuid(), fc.string()) }),
  // Same id with other content (a new SHA-256), another id, another name: each must still import or be refused cleanly.
  fc.record({
    op: fc.constant('dataset' as const),
    pick,
    field: fc.constantFrom<'id' | 'sha256' | 'name'>('id', 'sha256', 'name'),
    value: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.uuid(), fc.string()),
  }),
  fc.record({ op: fc.constant('drop' as const), pick }),
  fc.record({ op: fc.constant('rename' as const), pick, name: entryName }),
  fc.record({ op: fc.constant('duplicate' as const), pick }),
  fc.record({ op: fc.constant('corruptEntry' as const), pick, at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('declare' as const), pick, size: fc.oneof(fc.nat(0xffffffff), fc.constant(0xffffffff), fc.nat(100_000)), deflate: fc.boolean() }),
  fc.record({ op: fc.constant('method' as const), pick, method: fc.nat(20) }),
  fc.record({ op: fc.constant('corruptZip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), keep: fc.nat() }),
);

// The target browser holds the very workspace the file was exported from, plus another dataset:
// every id in the file collides unless a mutation changes it.
let target: DriftbookDb;
let files: Record<string, Uint8Array>;
let baseline: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  target = newDb('fuzz');
  const { ws } = await workspaceFixture(target);
  await storeDataset(target, 'other.csv', 10, 2);
  // A model card with two versions (one holding a NaN: tagged in the file).
  const card = await openWorkspaceCard(target, ws.id, emptyCard());
  const first = emptyCard();
  first.modelDetails.name = 'Fuzzed \u202e model';
  first.considerations.limitations = ['<b>x</b>', ''];
  first.quantitative.metrics = [{ type: 'accuracy', value: NaN, side: 'current' }];
  await saveCardVersion(target, card.id, first, 'autofill');
  await saveCardVersion(target, card.id, { ...first, signOff: { reviewer: 'R', date: '2026-01-02', notes: '' } }, 'sign-off');
  files = unzipSync(await exportWorkspace(target, ws.id));
  baseline = await snapshot(target);
});
// Closed, not deleted: fake-indexeddb lives in this test file's memory, and deleting it after thousands of runs can outlast a hook's timeout.
afterAll(() => target.close());

function freshModel(): Model {
  return {
    manifest: plainJson(files['manifest.json']),
    cells: plainJson(files['cells.json']),
    cards: plainJson(files['cards.json']),
    entries: Object.entries(files).map(([name, data]) => {
      const json = ({ 'manifest.json': 'manifest', 'cells.json': 'cells', 'cards.json': 'cards' } as const)[name];
      return { name, data, ...(json ? { json } : {}) };
    }),
    post: [],
  };
}

/** A cell as comparable text: no id or workspace, each input's dataset by its content (SHA-256 of the source). */
function comparable(cell: CellRecord, datasetSha: (id: string) => string): string {
  const { id: _id, workspaceId: _ws, inputs, ...rest } = cell;
  const refs = Object.fromEntries(Object.entries(inputs).map(([slot, ref]) => [slot, ref && { ...ref, id: datasetSha(ref.id) }]));
  return toTaggedJson({ ...rest, inputs: refs });
}

/** What an import that succeeded must have done, checked against the file's own bytes. */
async function expectLossless(bytes: Uint8Array, summary: ImportSummary, after: Awaited<ReturnType<typeof snapshot>>) {
  const json = unzipSync(bytes, { filter: (f) => ['manifest.json', 'cells.json', 'cards.json'].includes(f.name) });
  const manifest = fromTaggedJson<{
    workspace: Record<string, unknown>;
    datasets: { meta: { id: string; sha256: string }; file: string }[];
    modelCards?: unknown;
  }>(new TextDecoder().decode(json['manifest.json']));
  const fileCells = fromTaggedJson<CellRecord[]>(new TextDecoder().decode(json['cells.json']));
  const data = unzipSync(bytes, { filter: (f) => manifest.datasets.some((d) => d.file === f.name) });

  // Nothing that was here changed.
  for (const [table, rows] of Object.entries(baseline)) for (const [key, text] of rows) expect(after[table]!.get(key)).toBe(text);

  const listed = new Map(manifest.datasets.map((d) => [d.meta.id, d.meta.sha256]));
  const storedSha = (id: string) => fromTaggedJson<{ sha256: string } | undefined>(after.datasets!.get(id) ?? 'null')?.sha256 ?? `id:${id}`;
  const stored = await listCells(target, summary.workspace.id);
  expect(stored).toHaveLength(fileCells.length);
  expect(stored.map((c) => comparable(c, storedSha)).sort()).toEqual(fileCells.map((c) => comparable(c, (id) => listed.get(id) ?? storedSha(id))).sort());
  expect(new Set(stored.map((c) => c.id)).size).toBe(stored.length);

  const { id: _i, name, datasetIds: _d, ...workspace } = summary.workspace;
  const { id: _fi, name: fileName, datasetIds: _fd, ...fileWorkspace } = manifest.workspace;
  expect(workspace).toEqual(fileWorkspace);
  expect([fileName, `${String(fileName)} (imported)`]).toContain(name);

  // The file's model cards and versions (only when its manifest names them), ids and workspace aside; each card numbers on from its highest version.
  const fileCards = manifest.modelCards
    ? fromTaggedJson<{ cards: CardRecord[]; versions: CardVersionRecord[] }>(new TextDecoder().decode(json['cards.json']))
    : { cards: [], versions: [] };
  const storedCards = await listWorkspaceCards(target, summary.workspace.id);
  const cardText = (cards: CardRecord[], versions: CardVersionRecord[]) =>
    cards
      .map(({ id, workspaceId: _w, latestVersion: _l, ...card }) => {
        const own = versions.filter((v) => v.cardId === id).map(({ id: _v, cardId: _c, workspaceId: _vw, ...v }) => v);
        return toTaggedJson({ ...card, versions: own.sort((a, b) => a.version - b.version) });
      })
      .sort();
  expect(cardText(storedCards.cards, storedCards.versions)).toEqual(cardText(fileCards.cards, fileCards.versions));
  expect(storedCards.versions).toHaveLength(fileCards.versions.length);
  for (const card of storedCards.cards) {
    expect(card.latestVersion).toBe(Math.max(0, ...storedCards.versions.filter((v) => v.cardId === card.id).map((v) => v.version)));
  }
  expect(summary.modelCards).toBe(storedCards.cards.length);

  // Datasets this import added hold the file's exact bytes.
  for (const key of after.datasets!.keys()) {
    if (baseline.datasets!.has(key)) continue;
    const meta = fromTaggedJson<{ id: string; sha256: string; name: string }>(after.datasets!.get(key)!);
    const source = manifest.datasets.find((d) => d.meta.sha256 === meta.sha256 && (d.meta as { name?: string }).name === meta.name)!;
    expect({ ...meta, id: source.meta.id }).toEqual(source.meta);
    expect(await getDatasetIpc(target, key)).toEqual(data[source.file]);
  }
}

/** Puts the target back as it was (only records this import added exist beside the baseline). */
async function removeAdded(after: Awaited<ReturnType<typeof snapshot>>) {
  for (const table of target.tables) {
    const added = [...after[table.name]!.keys()].filter((key) => !baseline[table.name]!.has(key));
    await table.bulkDelete(added);
  }
}

describe('backup import, fuzzed', () => {
  it(
    'refuses a mutated file cleanly with nothing stored, or imports it losslessly',
    async () => {
      let imported = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          const model = freshModel();
          for (const m of mutations) apply(model, m);
          const bytes = build(model);
          let summary: ImportSummary | undefined;
          let error: unknown;
          try {
            summary = await importWorkspace(target, bytes);
          } catch (e) {
            error = e;
          }
          const after = await snapshot(target);
          if (summary) {
            imported++;
            await expectLossless(bytes, summary, after);
            await removeAdded(after);
            expect(await snapshot(target)).toEqual(baseline);
            return;
          }
          refused++;
          expect(error).toBeInstanceOf(DriftbookError);
          const { code, message } = error as DriftbookError;
          expect(['bad-backup', 'backup-too-new']).toContain(code);
          expect(message).toMatch(code === 'bad-backup' ? /^not a Driftbook workspace file: .+ — / : /^this workspace file is version .+ — update Driftbook$/);
          // One line, nothing from the file that could reorder it, no raw JavaScript error.
          expect(message).not.toMatch(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]|Cannot read properties|is not iterable|is not a function|\(reading '/u);
          expect(after).toEqual(baseline);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      // Both outcomes are exercised (mutations such as a new title or workspace id still import).
      expect(imported).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'refuses random bytes and random zips of random entries with the readable message',
    async () => {
      const names = fc.oneof(fc.constantFrom('manifest.json', 'cells.json', 'datasets/a.arrow'), fc.string({ maxLength: 20 }));
      const anyZip = fc
        .array(fc.record({ name: names, data: fc.uint8Array({ maxLength: 200 }), method: fc.constantFrom(0, 8) }), { maxLength: 4 })
        .map(writeZip);
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), anyZip), async (bytes) => {
          await expect(importWorkspace(target, bytes)).rejects.toMatchObject({
            code: 'bad-backup',
            message: expect.stringMatching(/^not a Driftbook workspace file: /),
          });
          expect(await snapshot(target)).toEqual(baseline);
        }),
        { numRuns: Math.max(20, Math.round(RUNS / 3)), seed: SEED, endOnFailure: true },
      );
    },
    TIMEOUT,
  );
});
