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
    // Every reference column was profiled before the current file arrived (datetime and text ones counted only).
    const ref = await ingestCsv(readFixture('tests/fixtures/e2e/reference.csv'), 'reference.csv');
    const profiled = ref.meta.schema.length;
    expect(ref.meta.schema.filter((c) => ['numeric', 'categorical', 'boolean'].includes(c.type)).length).toBeGreaterThanOrEqual(4);
    expect(ref.meta.schema.filter((c) => ['datetime', 'text'].includes(c.type)).length).toBeGreaterThanOrEqual(1);
    expect(lines.join('')).toContain(`driftbook timings: ${profiled} reference columns profiled while waiting`);
  }, 60_000);

  it('reads the current table from the worker only when a column needs it: a user-set id role, or a current file in before the reference is profiled', async () => {
    // Each file 400 times over (~6.5 MB) beside the other as it is: which one the main thread is done with first is then sure.
    const times400 = (path: string) => {
      const [header, ...rows] = new TextDecoder().decode(readFixture(path)).trimEnd().split('\n');
      return `${header}\n${Array.from({ length: 400 }, () => rows.join('\n')).join('\n')}\n`;
    };
    const dir = mkdtempSync(join(tmpdir(), 'driftbook-pool-'));
    const [referencePath, currentPath] = [join(ROOT, 'tests/fixtures/e2e/reference.csv'), join(ROOT, 'tests/fixtures/e2e/current.csv')];
    const [bigReferencePath, bigCurrentPath] = [join(dir, 'reference.csv'), join(dir, 'current.csv')];
    const [bigReference, bigCurrent] = [times400('tests/fixtures/e2e/reference.csv'), times400('tests/fixtures/e2e/current.csv')];
    writeFileSync(bigReferencePath, bigReference);
    writeFileSync(bigCurrentPath, bigCurrent);
    const [ref, cur, bigRef, bigCur] = await Promise.all([
      ingestCsv(readFixture('tests/fixtures/e2e/reference.csv'), 'reference.csv'),
      ingestCsv(readFixture('tests/fixtures/e2e/current.csv'), 'current.csv'),
      ingestCsv(new TextEncoder().encode(bigReference), 'reference.csv'),
      ingestCsv(new TextEncoder().encode(bigCurrent), 'current.csv'),
    ]);
    const single = new WorkerPool(1);
    const asked: string[] = [];
    const run = single.run.bind(single);
    single.run = ((request: Parameters<typeof run>[0], transfer?: ArrayBuffer[]) => (asked.push(request.kind), run(request, transfer))) as typeof single.run;
    try {
      // The reference profiled before the larger current file is in, every column tested from its two profiles: the table never leaves the worker.
      expect((await driftOnPool(single, referencePath, bigCurrentPath, {})).result).toEqual(await computeDrift(ref, bigCur, {}));
      expect(asked).not.toContain('table');
      // An id column is counted from the tables, not tested: the main thread asks for the current one, once.
      asked.length = 0;
      const withRole = { roles: { age: 'id' as const } };
      const onPool = await driftOnPool(single, referencePath, bigCurrentPath, withRole);
      expect(onPool.result).toEqual(await computeDrift(ref, bigCur, withRole));
      expect(onPool.result.columns.find((c) => c.name === 'age')).toMatchObject({ tested: false, reason: 'id' });
      expect(asked.filter((k) => k === 'table')).toHaveLength(1);
      // The current file in before the larger reference is profiled: its columns go to lanes that read the tables.
      asked.length = 0;
      const config = { methods: 'all' as const };
      expect((await driftOnPool(single, bigReferencePath, currentPath, config)).result).toEqual(await computeDrift(bigRef, cur, config));
      expect(asked.filter((k) => k === 'table')).toHaveLength(1);
    } finally {
      await single.close();
    }
    // Three workers, three runs of one pool: the same result (a table is asked of the worker that parsed it).
    const three = new WorkerPool(3);
    try {
      const withRole = { roles: { age: 'id' as const } };
      for (let k = 0; k < 3; k++)
        expect((await driftOnPool(three, referencePath, bigCurrentPath, withRole)).result).toEqual(await computeDrift(ref, bigCur, withRole));
    } finally {
      await three.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('brings a worker’s typed error back to the caller', async () => {
    await expect(driftOnPool(pool, join(ROOT, 'tests/fixtures/e2e/empty.csv'), join(ROOT, 'tests/fixtures/e2e/current.csv'), {})).rejects.toMatchObject({
      code: 'empty-file',
      message: expect.stringMatching(/^empty file: empty\.csv/),
    });
  }, 60_000);
});
