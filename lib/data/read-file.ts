import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DataError } from '../errors';
import type { ByteSource } from './reader-types';

function fileError(path: string, error: unknown): DataError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new DataError('not-found', `file not found: ${path}`);
  if (code === 'EISDIR') return new DataError('not-a-file', `not a file: ${path} is a directory`);
  if (code === 'EACCES') return new DataError('no-access', `cannot read: ${path} (permission denied)`);
  return new DataError('read-failed', `cannot read: ${path} (${(error as Error).message})`);
}

/** A local file as a streamed byte source for the CLI (Node only), with a clear message when it cannot be read. */
export async function localFileSource(path: string): Promise<ByteSource> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw fileError(path, error);
  }
  return {
    name: basename(path),
    size,
    async *open() {
      try {
        for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Uint8Array;
      } catch (error) {
        throw fileError(path, error);
      }
    },
  };
}

/** Node's native SHA-256 (~1.8 GB/s here, against ~250 MB/s for the WebAssembly one browsers use). */
export function nodeSha256(): { update(bytes: Uint8Array): void; digest(): string } {
  const hash = createHash('sha256');
  return { update: (bytes) => void hash.update(bytes), digest: () => hash.digest('hex') };
}
