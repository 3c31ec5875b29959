import { accessSync, constants, rmSync, statSync, type Stats } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { StorageError } from '../errors';
import { UsageError } from './drift-options';

/** `--out -` prints to standard output, as leaving --out out does. */
export const STDOUT_PATH = '-';

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

// Why a path cannot be written, in words (errno codes as a last resort).
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
  EIO: 'input/output error',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
};
const reason = (error: unknown): string => REASONS[errno(error) ?? ''] ?? errno(error) ?? (error as Error).message;

/** stat, or undefined when nothing is there; other failures are the caller's to explain. */
function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if (errno(error) === 'ENOENT') return undefined;
    throw error;
  }
}

const writable = (path: string): unknown => {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error) {
    return error;
  }
};

/**
 * Checks `--out` before any work, so a long run does not end in a raw ENOENT: the directory must
 * exist and be writable, and the path must not be a directory. A usage error (exit 2, one line)
 * otherwise. What only the write can tell (a full disk, a file system that refuses it even to
 * root, as /proc and /sys do) is reported by writeOutFile.
 */
export function checkOutPath(path: string | undefined): void {
  if (path === undefined || path === STDOUT_PATH) return;
  if (path === '') throw new UsageError('--out: the path is empty — give a file name, or leave --out out to print to standard output');
  const dir = dirname(path);
  const refuse = (problem: string) => new UsageError(`--out: ${path}: ${problem}`);
  let target: Stats | undefined;
  try {
    target = statIfAny(path);
  } catch (error) {
    // ENOTDIR: a part of the path is a file; told below from the parent's own stat.
    if (errno(error) !== 'ENOTDIR') throw refuse(`cannot write there (${reason(error)}) — choose another path`);
  }
  if (target) {
    if (target.isDirectory()) throw refuse(`is a directory — name a file in it, e.g. ${join(path, 'result.json')}`);
    const denied = writable(path);
    if (denied) throw refuse(`cannot write this file (${reason(denied)}) — choose another path`);
    return;
  }
  let parent: Stats | undefined;
  try {
    parent = statIfAny(dir);
  } catch (error) {
    if (errno(error) === 'ENOTDIR') throw refuse(`a part of ${dir} is a file, not a directory — choose another path`);
    throw refuse(`cannot write there (${reason(error)}) — choose another path`);
  }
  if (!parent) throw refuse(`directory ${dir} does not exist — create it or choose another path`);
  if (!parent.isDirectory()) throw refuse(`${dir} is a file, not a directory — choose another path`);
  const denied = writable(dir);
  if (denied) throw refuse(`cannot write in ${dir} (${reason(denied)}) — choose another path`);
}

/**
 * Writes the command's output to `path`. A write that fails after the check (disk full, a file
 * system that refuses it) is one readable line, and a file this write created is removed rather
 * than left half written. Only errors without an errno code go through as unexpected.
 */
export async function writeOutFile(path: string, text: string): Promise<void> {
  const existed = statIfAny(path) !== undefined;
  try {
    await writeFile(path, text);
  } catch (error) {
    if (errno(error) === undefined) throw error;
    if (!existed) rmSync(path, { force: true });
    const remedy = errno(error) === 'ENOSPC' || errno(error) === 'EDQUOT' ? 'free some space or choose another path' : 'choose another path';
    throw new StorageError('out-write-failed', `--out: ${path}: cannot write (${reason(error)}) — ${remedy}`);
  }
}
