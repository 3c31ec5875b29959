import type { ByteSource } from './reader-types';

/**
 * A one-pass byte stream (a pipe, standard input) as a ByteSource that can be opened again: ingest
 * opens a source up to three times (format sniffing, the read, a rescan of columns that turned out
 * to be text), and a pipe cannot be rewound. The bytes read so far are kept in memory and replayed;
 * later opens continue pulling from the stream where the first stopped. Several opens may run at
 * once: one pull at a time feeds them all. `size` stays unknown until the stream has ended.
 */
export function replaySource(stream: AsyncIterable<Uint8Array>, name: string, wrapError: (error: unknown) => Error = (e) => e as Error): ReplaySource {
  const iterator = stream[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let done = false;
  let failure: Error | undefined;
  let pending: Promise<void> | undefined;

  async function next(): Promise<void> {
    try {
      const step = await iterator.next();
      if (step.done) done = true;
      else if (step.value.length) {
        chunks.push(step.value);
        bytes += step.value.length;
      }
    } catch (error) {
      failure = wrapError(error);
    }
  }

  /** Reads one more chunk from the stream (or waits for the read already under way). */
  function pull(): Promise<void> {
    pending ??= next().finally(() => (pending = undefined));
    return pending;
  }

  return {
    name,
    get size() {
      return done ? bytes : undefined;
    },
    async *open() {
      for (let i = 0; ; i++) {
        while (i >= chunks.length) {
          if (failure) throw failure;
          if (done) return;
          await pull();
        }
        yield chunks[i]!;
      }
    },
    /** Waits for the first byte (or the end): an empty stream is then known before any reader runs. */
    async started() {
      while (chunks.length === 0 && !done && !failure) await pull();
      if (failure) throw failure;
      return chunks.length > 0;
    },
  };
}

export interface ReplaySource extends ByteSource {
  started(): Promise<boolean>;
}
