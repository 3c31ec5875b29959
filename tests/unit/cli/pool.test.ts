import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';
import { driftOnPool, WorkerPool } from '../../../lib/cli/pool';
import { readFixture, ROOT } from '../../support';

const pool = new WorkerPool(2);
afterAll(() => pool.close());

describe('CLI worker pool', () => {
  it('gives exactly the in-process result (parse in parallel, one column per free thread)', async () => {
    const config = { methods: 'all' as const, correction: 'bh' as const };
    const onPool = await driftOnPool(pool, join(ROOT, 'tests/fixtures/e2e/reference.csv'), join(ROOT, 'tests/fixtures/e2e/current.csv'), config);
    const [ref, cur] = await Promise.all([
      ingestCsv(readFixture('tests/fixtures/e2e/reference.csv'), 'reference.csv'),
      ingestCsv(readFixture('tests/fixtures/e2e/current.csv'), 'current.csv'),
    ]);
    const inProcess = await computeDrift(ref, cur, config);
    expect(onPool.result).toEqual(inProcess);
    // The datasets read (the HTML report lists them): the same but for their random id and read time.
    const same = ({ id: _id, createdAt: _at, ...meta }: typeof ref.meta) => meta;
    expect(same(onPool.reference)).toEqual(same(ref.meta));
    expect(same(onPool.current)).toEqual(same(cur.meta));
  }, 60_000);

  it('with one worker (the parser keeps the current table, nothing shared) and across runs of one pool (tables keyed per run)', async () => {
    const single = new WorkerPool(1);
    try {
      const [referencePath, currentPath] = [join(ROOT, 'tests/fixtures/e2e/reference.csv'), join(ROOT, 'tests/fixtures/e2e/current.csv')];
      const [ref, cur] = await Promise.all([
        ingestCsv(readFixture('tests/fixtures/e2e/reference.csv'), 'reference.csv'),
        ingestCsv(readFixture('tests/fixtures/e2e/current.csv'), 'current.csv'),
      ]);
      const config = { methods: 'all' as const };
      expect((await driftOnPool(single, referencePath, currentPath, config)).result).toEqual(await computeDrift(ref, cur, config));
      // The same pool, the files swapped: a worker still holding the first run's tables would give the first answer.
      expect((await driftOnPool(single, currentPath, referencePath, config)).result).toEqual(await computeDrift(cur, ref, config));
    } finally {
      await single.close();
    }
  }, 60_000);

  it('DRIFTBOOK_TIMINGS=1 prints when each phase ended, in order, on stderr', async () => {
    const lines: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (lines.push(String(text)), true));
    process.env.DRIFTBOOK_TIMINGS = '1';
    try {
      await driftOnPool(pool, join(ROOT, 'tests/fixtures/e2e/reference.csv'), join(ROOT, 'tests/fixtures/e2e/current.csv'), {});
    } finally {
      delete process.env.DRIFTBOOK_TIMINGS;
      write.mockRestore();
    }
    const phases = lines.map((line) => /^driftbook timings: (.+) at (\d+\.\d\d) s\n$/.exec(line));
    expect(phases.map((m) => m?.[1]?.replace(/^\d+ /, 'N '))).toEqual([
      'modules loaded, pool started',
      'reference parsed (main thread)',
      'N reference columns profiled while waiting',
      'current parsed and profiled (worker), received',
      'columns tested',
    ]);
    const times = phases.map((m) => Number(m![2]));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  }, 60_000);

  it('profiles reference columns while the worker still parses a larger current file, with the same result', async () => {
    // The current rows 400 times over (~6.5 MB): the main thread is done with the reference long before.
    const [header, ...rows] = new TextDecoder().decode(readFixture('tests/fixtures/e2e/current.csv')).trimEnd().split('\n');
    const big = `${header}\n${Array.from({ length: 400 }, () => rows.join('\n')).join('\n')}\n`;
    const dir = mkdtempSync(join(tmpdir(), 'driftbook-pool-'));
    const currentPath = join(dir, 'current.csv');
    writeFileSync(currentPath, big);
    const single = new WorkerPool(1);
    const lines: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (lines.push(String(text)), true));
    process.env.DRIFTBOOK_TIMINGS = '1';
    try {
      const config = { methods: 'all' as const };
      const onPool = await driftOnPool(single, join(ROOT, 'tests/fixtures/e2e/reference.csv'), currentPath, config);
      const ref = await ingestCsv(readFixture('tests/fixtures/e2e/reference.csv'), 'reference.csv');
      const cur = await ingestCsv(new TextEncoder().encode(big), 'current.csv');
      expect(onPool.result).toEqual(await computeDrift(ref, cur, config));
    } finally {
      delete process.env.DRIFTBOOK_TIMINGS;
      write.mockRestore();
      await single.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // Every numeric and categorical reference column was profiled before the current file arrived.
    const ref = await ingestCsv(readFixture('tests/fixtures/e2e/reference.csv'), 'reference.csv');
    const profiled = ref.meta.schema.filter((c) => ['numeric', 'categorical', 'boolean'].includes(c.type)).length;
    expect(profiled).toBeGreaterThanOrEqual(4);
    expect(lines.join('')).toContain(`driftbook timings: ${profiled} reference columns profiled while waiting`);
  }, 60_000);

  it('brings a worker’s typed error back to the caller', async () => {
    await expect(driftOnPool(pool, join(ROOT, 'tests/fixtures/e2e/empty.csv'), join(ROOT, 'tests/fixtures/e2e/current.csv'), {})).rejects.toMatchObject({
      code: 'empty-file',
      message: expect.stringMatching(/^empty file: empty\.csv/),
    });
  }, 60_000);
});
