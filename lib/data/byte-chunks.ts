import { DataError } from '../errors';
import type { ByteSource, ReadOptions, ReadProgress } from './reader-types';

const BOM = [0xef, 0xbb, 0xbf];

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DataError('aborted', 'cancelled');
}

/** True when some byte is ≥ 0x80 (4 bytes at a time: this runs over every byte of the file). */
export function hasNonAscii(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let acc = 0;
  let i = 0;
  const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  for (; i < head; i++) acc |= bytes[i]!;
  const words = (n - i) >> 2;
  if (words > 0) {
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
    for (let k = 0; k < words; k++) acc |= view[k]!;
    i += words * 4;
  }
  for (; i < n; i++) acc |= bytes[i]!;
  return (acc & 0x80808080) !== 0;
}

/**
 * Checks UTF-8 as a fatal streaming TextDecoder would over the whole file, but decodes only the
 * chunks that hold non-ASCII bytes (and the chunk after one, which may finish its last character):
 * an all-ASCII chunk is valid UTF-8 by itself.
 */
function utf8Checker(name: string) {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending = false;
  return {
    check(chunk: Uint8Array): void {
      const nonAscii = hasNonAscii(chunk);
      if (!nonAscii && !pending) return;
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        throw new DataError(
          'not-utf8',
          `not UTF-8: ${name} contains bytes that are not valid UTF-8 — decode it as Windows-1252, or save it as UTF-8 (or "CSV UTF-8" in Excel)`,
        );
      }
      pending = nonAscii;
    },
    end(): void {
      try {
        decoder.decode();
      } catch {
        throw new DataError('not-utf8', `not UTF-8: ${name} ends inside a multi-byte character — save it as UTF-8`);
      }
    },
  };
}

/**
 * The source's bytes, checked (not UTF-16, no NUL bytes, valid in its encoding) and with a UTF-8
 * byte order mark dropped — up to two, as a BOM-stripping TextDecoder plus stripping U+FEFF from
 * the decoded text did. Calls onBytes (first pass), onProgress and checks the AbortSignal per chunk.
 */
export async function* byteChunks(source: ByteSource, options: ReadOptions, phase: ReadProgress['phase'], rows: () => number): AsyncGenerator<Uint8Array> {
  const utf8 = (options.encoding ?? 'utf-8') === 'utf-8' ? utf8Checker(source.name) : undefined;
  let bytes = 0;
  // The first bytes, while they may still be a BOM (or two).
  let head: Uint8Array | undefined = utf8 ? new Uint8Array(0) : undefined;
  for await (const chunk of joinedHead(source.open())) {
    checkAborted(options.signal);
    if (bytes === 0 && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw new DataError('utf16', `UTF-16 text: ${source.name} is saved as UTF-16 — save it as UTF-8 (or "CSV UTF-8" in Excel)`);
    }
    // A NUL in the file's first bytes is a binary file; further on, whichever comes first in the file is
    // reported (bad UTF-8 before the NUL, or the NUL), however the file is chunked.
    const nul = bytes === 0 && chunk.subarray(0, SNIFF_BYTES).includes(0) ? 0 : chunk.indexOf(0);
    if (nul >= 0) {
      utf8?.check(chunk.subarray(0, nul));
      throw new DataError('binary-file', `not a text file: ${source.name} contains NUL bytes — is it a binary file renamed .csv?`);
    }
    if (phase === 'read') options.onBytes?.(chunk);
    bytes += chunk.length;
    utf8?.check(chunk);
    if (head === undefined) {
      // A plain Uint8Array view: one array type for the tokenizer and parsers (a Node Buffer is another).
      if (chunk.length) yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    } else {
      head = concat(head, chunk);
      if (!couldGrowIntoBoms(head)) {
        const rest = withoutBoms(head);
        head = undefined;
        if (rest.length) yield rest;
      }
    }
    options.onProgress?.({ phase, bytes, totalBytes: source.size, rows: rows() });
  }
  if (head !== undefined) {
    const rest = withoutBoms(head);
    if (rest.length) yield rest;
  }
  utf8?.end();
}

// The file's first bytes are checked as one: a UTF-16 byte order mark, and NUL bytes of a binary file.
const SNIFF_BYTES = 64 * 1024;

/** The chunks, the first ones joined until they hold SNIFF_BYTES (or the file ends), so the checks above do not depend on the chunking. */
async function* joinedHead(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let parts: Uint8Array[] | undefined = [];
  let total = 0;
  for await (const chunk of chunks) {
    if (parts === undefined) yield chunk;
    else {
      parts.push(chunk);
      total += chunk.length;
      if (total >= SNIFF_BYTES) {
        yield joined(parts, total);
        parts = undefined;
      }
    }
  }
  if (parts?.length) yield joined(parts, total);
}

function joined(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// Held back only while the file so far is the start of two BOMs: bytes a decoder would not have emitted yet either.
function couldGrowIntoBoms(head: Uint8Array): boolean {
  if (head.length >= 2 * BOM.length) return false;
  for (let k = 0; k < head.length; k++) if (head[k] !== BOM[k % 3]) return false;
  return true;
}

function startsWithBom(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === BOM[0] && bytes[at + 1] === BOM[1] && bytes[at + 2] === BOM[2];
}

function withoutBoms(bytes: Uint8Array): Uint8Array {
  let at = 0;
  if (startsWithBom(bytes, at)) at += 3;
  if (startsWithBom(bytes, at)) at += 3;
  return bytes.subarray(at);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
