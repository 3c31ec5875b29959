/**
 * Shared by the backup tests: a small workspace to export, a raw zip writer (duplicate names, any
 * declared size or compression method — what fflate's zipSync cannot make) and a snapshot of the
 * whole database, to show that a refused import stored nothing.
 */
import 'fake-indexeddb/auto';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { deflateSync, strFromU8, strToU8 } from 'fflate';
import type { DatasetMeta } from '../../../lib/data/types';
import { sha256Hex } from '../../../lib/data/sha256';
import { DriftbookDb } from '../../../lib/store/db';
import { saveDataset } from '../../../lib/store/datasets';
import { fromTaggedJson, toTaggedJson } from '../../../lib/store/tagged-json';
import type { CellRecord, WorkspaceRecord } from '../../../lib/store/types';

let n = 0;
export function newDb(prefix = 'backup'): DriftbookDb {
  return new DriftbookDb(`${prefix}-${n++}-${Math.random().toString(36).slice(2)}`);
}

/** A stored dataset of `rows` rows (x numeric, c categorical); its Arrow bytes are real IPC. */
export async function storeDataset(db: DriftbookDb, name: string, rows: number, shift = 0): Promise<DatasetMeta> {
  const x = Float64Array.from({ length: rows }, (_, i) => (i % 37) + shift);
  const c = Array.from({ length: rows }, (_, i) => 'abc'[i % 3]!);
  const ipc = tableToIPC(tableFromArrays({ x, c }), 'file');
  const source = strToU8(`${name}:${rows}:${shift}`);
  const meta: DatasetMeta = {
    id: globalThis.crypto.randomUUID(),
    name,
    format: 'csv',
    sha256: await sha256Hex(source),
    bytes: rows * 8,
    rows,
    schema: [
      { name: 'x', type: 'numeric' },
      { name: 'c', type: 'categorical' },
    ],
    warnings: [],
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  return saveDataset(db, { meta, ipc });
}

const at = '2026-01-01T00:00:00.000Z';

/** A workspace with two datasets, a drift cell with an exact-number result, a note and a cell of a future kind. */
export async function workspaceFixture(db: DriftbookDb, cellIds = ['c-drift', 'c-note', 'c-future']) {
  const ref = await storeDataset(db, 'ref.csv', 40);
  const cur = await storeDataset(db, 'cur.csv', 40, 5);
  const ws: WorkspaceRecord = { id: globalThis.crypto.randomUUID(), name: 'Backup me', createdAt: at, updatedAt: at, datasetIds: [ref.id, cur.id] };
  await db.workspaces.put(ws);
  const inputs = { reference: { id: ref.id, sha256: ref.sha256 }, current: { id: cur.id, sha256: cur.sha256, segment: "d => d.c === 'a'" } };
  const cells = [
    {
      id: cellIds[0],
      kind: 'drift',
      title: 'ref → cur',
      config: { threshold: 0.05 },
      inputs,
      status: 'ok',
      result: { kind: 'drift', warnings: [], values: new Float64Array([1, NaN, -0]), p: [Infinity, -Infinity, 1.5e-300] },
      resultKey: 'k',
      durationMs: 12,
    },
    { id: cellIds[1], kind: 'note', title: 'Note', config: { markdown: '# Hi <b>x</b>' }, inputs: {}, status: 'idle' },
    { id: cellIds[2], kind: 'from-the-future', title: 'Future', config: 'not an object', inputs: { reference: inputs.reference }, status: 'error' },
  ].map((cell, order) => ({ ...cell, workspaceId: ws.id, order, updatedAt: at }) as unknown as CellRecord);
  await db.cells.bulkPut(cells);
  return { ws, ref, cur, cells };
}

export type Entry = { name: string; data: Uint8Array; method?: number; declaredSize?: number };

/**
 * A zip written by hand (CRC left 0: fflate does not check it): any names, duplicates included,
 * any compression method, and a declared (uncompressed) size that may lie.
 */
export function writeZip(entries: Entry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data, method = 0, declaredSize } of entries) {
    const body = method === 8 ? deflateSync(data) : data;
    const nameBytes = strToU8(name);
    const size = declaredSize ?? data.byteLength;
    const local = new Uint8Array(30 + nameBytes.length + body.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x800, true);
    l.setUint16(8, method, true);
    l.setUint32(18, body.length, true);
    l.setUint32(22, size, true);
    l.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(body, 30 + nameBytes.length);
    const central = new Uint8Array(46 + nameBytes.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x800, true);
    c.setUint16(10, method, true);
    c.setUint32(20, body.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, nameBytes.length, true);
    c.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = centrals.reduce((s, b) => s + b.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directory, true);
  e.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directory + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A backup's JSON entries as plain (still tagged) JSON, to edit. */
export function plainJson(bytes: Uint8Array | undefined): unknown {
  return JSON.parse(strFromU8(bytes!));
}

export const jsonBytes = (value: unknown): Uint8Array => strToU8(JSON.stringify(value));

/** Every record of every table, serialised exactly (tagged JSON keeps typed arrays, NaN and -0). */
export async function snapshot(db: DriftbookDb): Promise<Record<string, Map<string, string>>> {
  const out: Record<string, Map<string, string>> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    const keys = (await table.toCollection().primaryKeys()) as string[];
    out[table.name] = new Map(keys.map((key, i) => [String(key), toTaggedJson(rows[i])]));
  }
  return out;
}

/** Decodes a snapshot record (for comparing an imported cell with the file's). */
export const fromSnapshot = <T>(text: string | undefined): T => fromTaggedJson<T>(text!);
