import { unzipSync, type UnzipFileInfo } from 'fflate';
import type { DatasetMeta } from '../data/types';
import { sha256Hex } from '../data/sha256';
import { DriftbookError, StorageError } from '../errors';
import { visibleControls } from '../format';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup-schema';
import { alertRulesV1, batchesV1, cardsV1, cellsV1, dashboardV1, manifestV1, type SchemaValidator } from './backup-validate.generated.mjs';
import { isIsoDate } from './batches';
import { fromTaggedJson } from './tagged-json';
import type { DashboardRecord, WorkspaceRulesRecord } from '../alerts/types';
import type { BatchRecord, CardRecord, CardVersionRecord, CellRecord, WorkspaceRecord } from './types';

/** manifest.json of a .driftbook file (lib/store/backup-schema.ts holds its JSON schema). */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  appVersion: string;
  exportedAt: string;
  workspace: WorkspaceRecord;
  /** Each dataset's description, the SHA-256 and size of its Arrow bytes, and its entry in the zip. */
  datasets: { meta: DatasetMeta; arrowSha256: string; arrowBytes?: number; file: string }[];
  cells: number;
  /** The model cards' entry (cards.json) and how many cards and versions it holds; absent before 0.2 and without a card. */
  modelCards?: { file: 'cards.json'; cards: number; versions: number };
  /** The batch history's entry (batches.json) and how many batches it holds; absent before 0.3 and without batches. */
  batches?: { file: 'batches.json'; count: number };
  /** The alert rules' entry (alerts.json) and how many rules it holds; absent before alerts and when the workspace never had rules. */
  alertRules?: { file: 'alerts.json'; rules: number };
  /** The dashboard's entry (dashboard.json) and how many tiles it holds; absent before dashboards and without tiles. */
  dashboard?: { file: 'dashboard.json'; tiles: number };
}

/** cards.json: the workspace's model cards and every version of each. */
export interface BackupCards {
  cards: CardRecord[];
  versions: CardVersionRecord[];
}

/** A backup that passed every check: nothing in it can fail to store for a reason found in the file. */
export interface CheckedBackup {
  manifest: BackupManifest;
  cells: CellRecord[];
  /** Model cards and their versions (none in files from before cards). */
  modelCards: BackupCards;
  /** The batch history (none in files from before batches). */
  batches: BatchRecord[];
  /** The alert rules and notification opt-in (none in files from before alerts). */
  alertRules?: WorkspaceRulesRecord;
  /** The dashboard (none in files from before dashboards). */
  dashboard?: DashboardRecord;
  /** The manifest's datasets, in its order, with their verified Arrow bytes. */
  datasets: { meta: DatasetMeta; ipc: Uint8Array }[];
}

/** manifest.json and cells.json are small (no data in them): a larger entry is refused unread. */
export const JSON_ENTRY_MAX_BYTES = 64 * 1024 * 1024;
/** No dataset's Arrow bytes fit a browser tab above this, whatever the manifest says. */
export const DATASET_MAX_BYTES = 2 * 1024 * 1024 * 1024;
/** A backup holds 2 entries plus one per dataset; a directory claiming many more is not one (fflate walks each). */
export const MAX_ENTRIES = 10_000;

/** Refuses the file: one readable message with code "bad-backup". */
export function refuse(problem: string, remedy = 'choose a .driftbook file made with "Export workspace"'): never {
  throw new StorageError('bad-backup', `not a Driftbook workspace file: ${problem} — ${remedy}`);
}

/**
 * Text from the file (names, ids, parser messages quoting it) as it may appear in a message: one
 * line, control and bidi characters shown as ⟨U+202E⟩ (they could reverse or hide the rest), capped.
 */
export function shown(text: unknown, max = 120): string {
  const plain = visibleControls(String(text));
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

/**
 * The most Arrow bytes our ingestion can make of a dataset of this shape: per value at most a
 * Float64 or an Int32 dictionary index plus validity (24 bytes is generous), the distinct strings
 * (at most the source file; a Parquet file may compress them, hence the factor), and per-column
 * metadata. An entry declaring more than this is not a dataset this manifest describes.
 */
export function arrowBytesBound(meta: Pick<DatasetMeta, 'rows' | 'bytes' | 'format' | 'schema'>): number {
  const columns = meta.schema.length;
  const strings = meta.bytes * (meta.format === 'parquet' ? 64 : 2);
  return Math.min(DATASET_MAX_BYTES, 1024 * 1024 + columns * 4096 + meta.rows * columns * 24 + strings);
}

/**
 * Inflates only the entries `limits` names, each refused (before inflating) when its declared size
 * passes its limit or its name appears twice. fflate allocates the declared size and never grows
 * it, so an entry that lies about its size comes out truncated (its SHA-256 then fails).
 */
function unzipNamed(bytes: Uint8Array, limits: Map<string, number>): Record<string, Uint8Array> {
  const seen = new Set<string>();
  let entries = 0;
  const filter = (file: UnzipFileInfo): boolean => {
    if (++entries > MAX_ENTRIES) refuse(`it has more than ${MAX_ENTRIES} entries`);
    const limit = limits.get(file.name);
    if (limit === undefined) return false;
    if (seen.has(file.name)) refuse(`${shown(file.name)} appears twice in it`);
    seen.add(file.name);
    const declared = Math.max(file.originalSize, file.size);
    if (declared > limit) refuse(`${shown(file.name)} declares ${declared} bytes, more than the ${limit} allowed for it`);
    if (file.compression !== 0 && file.compression !== 8) refuse(`${shown(file.name)} uses an unknown compression (${file.compression})`);
    return true;
  };
  try {
    return unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof DriftbookError) throw error;
    return refuse(`it is not a zip archive (${shown(error instanceof Error ? error.message : error)})`);
  }
}

/** The entry's text and its plain JSON value (tagged values not yet decoded, as the schema describes). */
function parseJson(name: string, bytes: Uint8Array | undefined): { text: string; raw: unknown } {
  if (!bytes) return refuse('manifest.json or cells.json is missing');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, raw: JSON.parse(text) };
  } catch (error) {
    return refuse(`its ${name} is not valid JSON (${shown(error instanceof Error ? error.message : error)})`);
  }
}

/** The first schema error as `datasets[0].meta.rows must be integer`. */
function schemaProblem(name: string, validator: SchemaValidator): string {
  const first = validator.errors?.[0];
  const path = (first?.instancePath ?? '')
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
  const allowed = first?.params.allowedValues ? ` (${(first.params.allowedValues as unknown[]).join(', ')})` : '';
  return `its ${name} does not match backup format ${BACKUP_VERSION}: ${shown(path || 'the file')} ${shown(first?.message ?? 'is invalid')}${shown(allowed)}`;
}

function decoded<T>(name: string, text: string): T {
  try {
    return fromTaggedJson<T>(text);
  } catch (error) {
    // tagged-json's own errors name the value; anything else is a tag of the wrong shape.
    const detail = error instanceof Error && /typed array/.test(error.message) ? error.message : 'a tagged number or typed array of the wrong shape';
    return refuse(`its ${name} holds a value that cannot be restored (${shown(detail)})`);
  }
}

function checkManifest({ text, raw }: { text: string; raw: unknown }): BackupManifest {
  const head = (raw ?? {}) as { format?: unknown; version?: unknown; appVersion?: unknown };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) refuse('its manifest.json is not an object');
  if (head.format !== BACKUP_FORMAT) refuse(`its format is ${shown(JSON.stringify(head.format) ?? 'missing')}, not ${BACKUP_FORMAT}`);
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new StorageError(
      'backup-too-new',
      `this workspace file is version ${head.version}, made by Driftbook ${shown(head.appVersion)}; this app reads up to version ${BACKUP_VERSION} — update Driftbook`,
    );
  }
  if (!manifestV1(raw)) refuse(schemaProblem('manifest.json', manifestV1));
  const manifest = decoded<BackupManifest>('manifest.json', text);
  const ids = new Set<string>();
  const files = new Set<string>();
  for (const { meta, file, arrowBytes } of manifest.datasets) {
    if (ids.has(meta.id)) refuse(`dataset id ${shown(meta.id)} is listed twice in its manifest.json`);
    if (files.has(file)) refuse(`${shown(file)} is listed twice in its manifest.json`);
    ids.add(meta.id);
    files.add(file);
    if (arrowBytes !== undefined && arrowBytes > arrowBytesBound(meta)) {
      refuse(`dataset ${shown(meta.name)} declares ${arrowBytes} bytes, more than ${meta.rows} rows × ${meta.schema.length} columns can take`);
    }
  }
  return manifest;
}

/**
 * The cards entry, checked: its schema (which caps the counts), the manifest's counts, unique ids,
 * every version's card in the file and each card's versions numbered once.
 */
function checkCards(manifest: BackupManifest, bytes: Uint8Array | undefined): BackupCards {
  if (!manifest.modelCards) return { cards: [], versions: [] };
  const json = parseJson('cards.json', bytes);
  if (!cardsV1(json.raw)) refuse(schemaProblem('cards.json', cardsV1));
  const entry = decoded<BackupCards>('cards.json', json.text);
  const { cards, versions } = entry;
  if (cards.length !== manifest.modelCards.cards || versions.length !== manifest.modelCards.versions) {
    refuse(
      `its manifest.json lists ${manifest.modelCards.cards} model cards and ${manifest.modelCards.versions} versions but cards.json holds ${cards.length} and ${versions.length}`,
    );
  }
  const cardIds = new Set<string>();
  for (const card of cards) {
    if (cardIds.has(card.id)) refuse(`model card id ${shown(card.id)} appears twice in its cards.json`);
    cardIds.add(card.id);
  }
  const versionIds = new Set<string>();
  const numbers = new Set<string>();
  for (const version of versions) {
    if (!cardIds.has(version.cardId)) refuse(`a model card version belongs to card ${shown(version.cardId)}, which is not in its cards.json`);
    const number = `${version.cardId}\u0000${version.version}`;
    if (versionIds.has(version.id) || numbers.has(number))
      refuse(`model card version ${shown(version.id)} (${version.version}) appears twice in its cards.json`);
    versionIds.add(version.id);
    numbers.add(number);
  }
  return entry;
}

/**
 * The batches entry, checked: its schema, the manifest's count, unique ids, calendar dates, and every
 * batch's dataset (and the pinned reference) among the file's datasets.
 */
function checkBatches(manifest: BackupManifest, bytes: Uint8Array | undefined): BatchRecord[] {
  const datasetIds = new Set(manifest.datasets.map((d) => d.meta.id));
  const pinned = manifest.workspace.pinnedReference;
  if (pinned && !datasetIds.has(pinned.id)) refuse(`its pinned reference ${shown(pinned.id)} is not among its datasets`);
  if (!manifest.batches) return [];
  if (!bytes) refuse('its manifest.json lists batches but batches.json is missing');
  const json = parseJson('batches.json', bytes);
  if (!batchesV1(json.raw)) refuse(schemaProblem('batches.json', batchesV1));
  const batches = decoded<BatchRecord[]>('batches.json', json.text);
  if (batches.length !== manifest.batches.count) refuse(`its manifest.json lists ${manifest.batches.count} batches but batches.json holds ${batches.length}`);
  const ids = new Set<string>();
  for (const batch of batches) {
    if (ids.has(batch.id)) refuse(`batch id ${shown(batch.id)} appears twice in its batches.json`);
    ids.add(batch.id);
    if (!isIsoDate(batch.date)) refuse(`batch ${shown(batch.id)} has the date ${shown(batch.date)}, which is not a calendar date`);
    if (!datasetIds.has(batch.dataset.id)) refuse(`batch ${shown(batch.id)} uses dataset ${shown(batch.dataset.id)}, which is not among its datasets`);
  }
  return batches;
}

/** An optional JSON entry (alerts.json, dashboard.json), checked: present when listed, its schema, the manifest's count. */
function checkEntry<T>(
  name: string,
  listed: number | undefined,
  bytes: Uint8Array | undefined,
  validator: SchemaValidator,
  count: (entry: T) => number,
): T | undefined {
  if (listed === undefined) return undefined;
  if (!bytes) refuse(`its manifest.json lists ${name} but it is missing`);
  const json = parseJson(name, bytes);
  if (!validator(json.raw)) refuse(schemaProblem(name, validator));
  const entry = decoded<T>(name, json.text);
  if (count(entry) !== listed) refuse(`its manifest.json lists ${listed} items in ${name} but it holds ${count(entry)}`);
  return entry;
}

/**
 * Reads and checks a whole .driftbook file without storing anything: zip structure and sizes,
 * manifest.json and cells.json against the version's JSON schema, unique dataset ids and entries,
 * every listed dataset present with its SHA-256. Every refusal is a StorageError with a readable
 * "not a Driftbook workspace file: …" message (code "bad-backup"), or "backup-too-new".
 */
export async function readBackup(bytes: Uint8Array): Promise<CheckedBackup> {
  const head = unzipNamed(
    bytes,
    new Map([
      ['manifest.json', JSON_ENTRY_MAX_BYTES],
      ['cells.json', JSON_ENTRY_MAX_BYTES],
      ['cards.json', JSON_ENTRY_MAX_BYTES],
      ['batches.json', JSON_ENTRY_MAX_BYTES],
      ['alerts.json', JSON_ENTRY_MAX_BYTES],
      ['dashboard.json', JSON_ENTRY_MAX_BYTES],
    ]),
  );
  const manifestJson = parseJson('manifest.json', head['manifest.json']);
  const cellsJson = parseJson('cells.json', head['cells.json']);
  const manifest = checkManifest(manifestJson);
  if (!cellsV1(cellsJson.raw)) refuse(schemaProblem('cells.json', cellsV1));
  const cells = decoded<CellRecord[]>('cells.json', cellsJson.text);
  if (cells.length !== manifest.cells) refuse(`its manifest.json lists ${manifest.cells} cells but cells.json holds ${cells.length}`);
  if (manifest.modelCards && !head['cards.json']) refuse('its manifest.json lists model cards but cards.json is missing');
  const modelCards = checkCards(manifest, head['cards.json']);
  const batches = checkBatches(manifest, head['batches.json']);
  const alertRules = checkEntry<WorkspaceRulesRecord>('alerts.json', manifest.alertRules?.rules, head['alerts.json'], alertRulesV1, (e) => e.rules.length);
  const dashboard = checkEntry<DashboardRecord>('dashboard.json', manifest.dashboard?.tiles, head['dashboard.json'], dashboardV1, (e) => e.tiles.length);
  for (const [name, ids] of [
    ['alerts.json', alertRules?.rules.map((r) => r.id) ?? []],
    ['dashboard.json', dashboard?.tiles.map((t) => t.id) ?? []],
  ] as const) {
    const twice = ids.find((x, i) => ids.indexOf(x) !== i);
    if (twice !== undefined) refuse(`id ${shown(twice)} appears twice in its ${name}`);
  }

  const limits = new Map(manifest.datasets.map((d) => [d.file, d.arrowBytes ?? arrowBytesBound(d.meta)]));
  const entries = limits.size ? unzipNamed(bytes, limits) : {};
  const datasets: CheckedBackup['datasets'] = [];
  for (const { meta, file, arrowSha256, arrowBytes } of manifest.datasets) {
    const ipc = entries[file];
    if (!ipc) refuse(`${shown(file)} (dataset ${shown(meta.name)}) is missing from it`);
    if ((arrowBytes !== undefined && ipc.byteLength !== arrowBytes) || (await sha256Hex(ipc)) !== arrowSha256) {
      refuse(`dataset ${shown(meta.name)} is damaged in it (SHA-256 mismatch)`, 'export the workspace again');
    }
    datasets.push({ meta, ipc });
  }
  return { manifest, cells, modelCards, batches, ...(alertRules ? { alertRules } : {}), ...(dashboard ? { dashboard } : {}), datasets };
}
