import { describe, expect, it } from 'vitest';
import { replaySource } from '../../../lib/data/replay-source';

const enc = new TextEncoder();

/** A one-pass stream that counts how many times it is pulled and can fail after some chunks. */
function stream(chunks: string[], { failAt }: { failAt?: number } = {}) {
  let pulls = 0;
  let started = 0;
  const iterable = {
    [Symbol.asyncIterator]() {
      started++;
      return {
        async next(): Promise<IteratorResult<Uint8Array>> {
          if (failAt !== undefined && pulls === failAt) throw new Error('EIO');
          const value = chunks[pulls++];
          return value === undefined ? { done: true, value: undefined } : { done: false, value: enc.encode(value) };
        },
      };
    },
  };
  return { iterable, pulls: () => pulls, started: () => started };
}

async function text(source: AsyncIterable<Uint8Array>, limit = Infinity): Promise<string> {
  let out = '';
  let n = 0;
  for await (const chunk of source) {
    out += new TextDecoder().decode(chunk);
    if (++n >= limit) break;
  }
  return out;
}

describe('replaySource', () => {
  it('replays what was read and continues where an earlier open stopped; the stream is iterated once', async () => {
    const s = stream(['a,b\n', '1,2\n', '3,4\n']);
    const source = replaySource(s.iterable, 'stdin');
    expect(source.size).toBeUndefined();
    expect(await text(source.open(), 1)).toBe('a,b\n'); // a format sniff reads the head and stops
    expect(s.pulls()).toBe(1);
    expect(await text(source.open())).toBe('a,b\n1,2\n3,4\n');
    expect(source.size).toBe(12); // known once the stream has ended
    expect(await text(source.open())).toBe('a,b\n1,2\n3,4\n'); // a rescan
    expect(s.started()).toBe(1);
    expect(s.pulls()).toBe(4);
  });

  it('feeds concurrent opens from one pull at a time', async () => {
    const s = stream(['x\n', '1\n', '2\n']);
    const source = replaySource(s.iterable, 'p');
    expect(await Promise.all([text(source.open()), text(source.open())])).toEqual(['x\n1\n2\n', 'x\n1\n2\n']);
    expect(s.pulls()).toBe(4);
  });

  it('started() tells an empty stream from one with bytes; errors reach every open, wrapped', async () => {
    expect(await replaySource(stream([]).iterable, 'e').started()).toBe(false);
    expect(await replaySource(stream(['', 'a']).iterable, 'e').started()).toBe(true);
    const failing = replaySource(stream(['a\n'], { failAt: 1 }).iterable, 'f', (e) => new Error(`wrapped: ${(e as Error).message}`));
    await expect(text(failing.open())).rejects.toThrow('wrapped: EIO');
    await expect(text(failing.open())).rejects.toThrow('wrapped: EIO');
  });
});
