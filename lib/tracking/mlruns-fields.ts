/**
 * The pieces every part of the mlruns reader shares: a folder index over FileTree paths, text
 * decoding, meta.yaml reading with warnings, and per-field conversion of PyYAML values (ids to
 * strings whatever their YAML type, times to epoch-ms numbers, RunStatus's int enum to its name).
 */
import type { LifecycleStage, RunStatus } from './types';
import type { FileTree } from './file-tree';
import { parsePyYaml } from './mlruns-yaml';

/** One folder of the tree: its files (name → full path) and subfolders. */
export interface Folder {
  path: string;
  files: Map<string, string>;
  folders: Map<string, Folder>;
}

/** Files an OS or a file manager leaves behind; never part of a FileStore. */
export function isStrayFile(name: string): boolean {
  return name === '.DS_Store' || name === 'Thumbs.db' || name === 'desktop.ini' || name.startsWith('._') || name === '.localized';
}

/** The folder index of a tree's paths, stray files left out. */
export function indexFolders(paths: readonly string[]): Folder {
  const root: Folder = { path: '', files: new Map(), folders: new Map() };
  for (const path of paths) {
    const parts = path.split('/').filter((part) => part !== '' && part !== '.');
    const name = parts.pop();
    if (name === undefined || isStrayFile(name)) continue;
    let folder = root;
    for (const part of parts) {
      let next = folder.folders.get(part);
      if (!next) {
        next = { path: folder.path ? `${folder.path}/${part}` : part, files: new Map(), folders: new Map() };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    folder.files.set(name, path);
  }
  return root;
}

/** Every file under a folder: [path relative to it ('/'-separated, as MLflow's nested keys), full path]. */
export function filesUnder(folder: Folder | undefined, prefix = '', out: Array<[string, string]> = []): Array<[string, string]> {
  if (!folder) return out;
  for (const [name, path] of folder.files) out.push([prefix + name, path]);
  // One shared array (no spread): a run may hold hundreds of thousands of artifact files.
  for (const [name, child] of folder.folders) filesUnder(child, `${prefix}${name}/`, out);
  return out;
}

/** Reads files, collects warnings, reports progress. */
export class MlrunsReader {
  readonly warnings: string[] = [];
  done = 0;
  constructor(
    private readonly tree: FileTree,
    readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
    readonly signal?: AbortSignal,
  ) {}

  warn(path: string, problem: string): void {
    this.warnings.push(`${path}: ${problem}`);
  }

  /** A file's text (UTF-8, as MLflow's codecs.open reads it), or undefined with a warning. */
  async text(path: string): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await this.tree.read(path);
    } catch (error) {
      this.warn(path, `cannot be read (${(error as Error).message}) — skipped`);
      return undefined;
    } finally {
      this.done += 1;
      if (this.onProgress && (this.done % 256 === 0 || this.done === this.total)) this.onProgress(this.done, this.total);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      this.warn(path, 'is not valid UTF-8 — read with replacement characters');
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    }
  }

  /** A meta.yaml as a mapping, or undefined with a warning (malformed, empty, or not a mapping). */
  async meta(path: string): Promise<Record<string, unknown> | undefined> {
    const text = await this.text(path);
    if (text === undefined) return undefined;
    let value: unknown;
    try {
      value = parsePyYaml(text);
    } catch (error) {
      this.warn(path, `is not valid YAML (${(error as Error).message.split('\n')[0]}) — skipped`);
      return undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.warn(path, 'is empty or not a YAML mapping — skipped');
      return undefined;
    }
    return value as Record<string, unknown>;
  }
}

/** An id as a string whatever PyYAML made of it (legacy experiment ids are ints); undefined when absent. */
export function idField(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) return String(value);
  return undefined;
}

/** A text field; null/absent → undefined; other scalars as Python's str() would print them. */
export function textField(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'bigint' || typeof value === 'number') return String(value);
  return undefined;
}

/** Epoch milliseconds; null when absent or not an integer. */
export function timeField(value: unknown): number | null {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

export function lifecycleField(value: unknown): LifecycleStage {
  return value === 'deleted' ? 'deleted' : 'active';
}

// mlflow/entities/run_status.py, RunStatus: the int enum meta.yaml stores.
const RUN_STATUS_NAMES: Record<string, RunStatus> = { '1': 'RUNNING', '2': 'SCHEDULED', '3': 'FINISHED', '4': 'FAILED', '5': 'KILLED' };

/** RunStatus from meta.yaml's int (or a name); absent → RUNNING, as FileStore's _read_persisted_run_info_dict. */
export function statusField(value: unknown): RunStatus | undefined {
  if (value === undefined || value === null) return 'RUNNING';
  const text = String(value).trim();
  if (Object.hasOwn(RUN_STATUS_NAMES, text)) return RUN_STATUS_NAMES[text];
  const named = Object.values(RUN_STATUS_NAMES).find((name) => name === text.toUpperCase());
  return named;
}

/** A string → string map (input tags); other values as text. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, entry] of Object.entries(value)) out[key] = textField(entry) ?? '';
  }
  return out;
}

/** Keys in code-point order, so objects print the same whatever order the files came in. */
export function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[key] = value;
  return out;
}
