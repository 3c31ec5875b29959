/** Streams for the detector tests: River's (tests/fixtures/stream/streams.json) and our own, built in code. */
import { readJson } from '../../support';

export const RIVER = readJson<{ docstring: number[]; stream_1: number[]; stream_3: number[]; adwin_multi: number[]; gauss: number[] }>(
  'tests/fixtures/stream/streams.json',
);

export function repeat(value: number, n: number): number[] {
  return new Array<number>(n).fill(value);
}

/** a, b, a, b, … (n values). */
export function alternate(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? a : b));
}
