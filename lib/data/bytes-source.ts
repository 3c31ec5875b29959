import type { ByteSource } from './reader-types';

/** A source over bytes already in memory, read in 1 MiB chunks. */
export function bytesSource(bytes: Uint8Array, name: string): ByteSource {
  return {
    name,
    size: bytes.length,
    async *open() {
      const step = 1 << 20;
      for (let offset = 0; offset < bytes.length; offset += step) yield bytes.subarray(offset, offset + step);
    },
  };
}
