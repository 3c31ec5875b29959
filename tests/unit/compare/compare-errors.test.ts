import { describe, expect, it } from 'vitest';
import { compareModels, type CompareConfig } from '../../../lib/compare/compare-models';
import { arraySplit } from '../../../lib/compare/friedman-blocks';
import { ingestCsv } from '../../../lib/data/ingest';
import { AnalysisError } from '../../../lib/errors';

const csv = (text: string) => ingestCsv(new TextEncoder().encode(text), 't.csv');
const BINARY =
  'y,a,b,c,sa,sb,m\n' +
  Array.from(
    { length: 40 },
    (_, i) => `${i % 2},${i % 3 === 0 ? 1 : 0},${i % 4 === 0 ? 1 : 0},${i % 2},0.${i % 9},0.${(i * 7) % 9},${i % 5 === 0 ? 'x' : 'y'}`,
  ).join('\n');

async function rejects(config: CompareConfig, message: RegExp, text = BINARY) {
  const error = await compareModels(await csv(text), config).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AnalysisError);
  expect((error as Error).message).toMatch(message);
}

describe('compareModels input errors', () => {
  it('names what is wrong', async () => {
    await rejects({ target: 'y', models: ['a'] }, /two or more/);
    await rejects({ target: 'y', models: ['a', 'a'] }, /listed twice/);
    await rejects({ target: 'y', models: ['a', 'b'], scores: ['sa'] }, /one score column per model/);
    await rejects({ target: 'y', models: ['a', 'nope'] }, /"nope"/);
    await rejects({ target: 'y' }, /models: none given/);
    await rejects({ target: 'y', models: ['a', 'b'], canary: { prediction: 'a', modelColumn: 'm' } }, /both given/);
    await rejects({ target: 'y', models: ['a', 'b'], posLabel: 7 }, /pos_label: "7" is not a label/);
    await rejects({ target: 'y', canary: { prediction: 'a', modelColumn: 'y' } }, /1 model\(s\) with usable rows/, 'y,a\n1,1\n1,0\n');
    await rejects({ target: 'y', models: ['a', 'b'], blocks: { chunks: 0 } }, /chunks: 0/);
  });

  it('leaves out rows with a missing prediction and says so', async () => {
    const result = await compareModels(await csv('y,a,b\n1,1,0\n0,,0\n1,1,1\n0,0,1\n1,0,1\n'), { target: 'y', models: ['a', 'b'], bootstrap: 10 });
    expect(result.rows).toBe(4);
    expect(result.warnings.join(' ')).toMatch(/1 of 5 left out/);
  });

  it('reports progress (shadow: one run of resamples for all pairs; canary: over the pairs) and stops when cancelled', async () => {
    const data = await csv(BINARY);
    const seen: [number, number][] = [];
    await compareModels(data, { target: 'y', models: ['a', 'b', 'c'], bootstrap: 50 }, { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.at(-1)).toEqual([50, 50]);
    const canary: [number, number][] = [];
    await compareModels(data, { target: 'y', canary: { prediction: 'a', modelColumn: 'm' }, bootstrap: 50 }, { onProgress: (d, t) => canary.push([d, t]) });
    expect(canary.at(-1)).toEqual([50, 50]);
    expect(canary).toContainEqual([25, 50]);
    expect(seen.every(([d], k) => k === 0 || d > seen[k - 1]![0])).toBe(true);
    const controller = new AbortController();
    controller.abort();
    await expect(compareModels(data, { target: 'y', models: ['a', 'b'] }, { signal: controller.signal })).rejects.toThrow();
  });
});

describe('arraySplit (numpy array_split)', () => {
  it('gives the first n mod N chunks one more row', () => {
    // np.array_split(np.arange(10), 4) → sizes 3, 3, 2, 2; np.array_split(np.arange(2), 3) → 1, 1, 0.
    expect(arraySplit(10, 4)).toEqual([
      [0, 3],
      [3, 6],
      [6, 8],
      [8, 10],
    ]);
    expect(arraySplit(2, 3)).toEqual([
      [0, 1],
      [1, 2],
      [2, 2],
    ]);
  });
});
