import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DataError } from '../errors';

/** Reads a local file for the CLI (Node only), with a clear message when it cannot. */
export async function readLocalFile(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  try {
    const buffer = await readFile(path);
    return { name: basename(path), bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataError('not-found', `file not found: ${path}`);
    if (code === 'EISDIR') throw new DataError('not-a-file', `not a file: ${path} is a directory`);
    if (code === 'EACCES') throw new DataError('no-access', `cannot read: ${path} (permission denied)`);
    throw new DataError('read-failed', `cannot read: ${path} (${(error as Error).message})`);
  }
}
