import { describe, expect, it } from 'vitest';
import type { ColumnTask } from '../../../lib/drift/compute-drift';
import { runDriftPlan, runScheduled } from '../../../lib/drift/scheduler';
import type { ColumnDriftResult } from '../../../lib/drift/types';
import { AnalysisError } from '../../../lib/errors';

const plan = (n: number) => ({ tasks: Array.from({ length: n }, (_, i): ColumnTask => ({ name: `c${i}`, type: 'numeric', conflict: false })) });

const resultOf = (task: ColumnTask): ColumnDriftResult => ({
  name: task.name,
  type: task.type,
  tested: false,
  reason: 'test',
  count: { reference: 0, current: 0 },
  missing: { reference: 0, current: 0 },
});

/** A task that resolves after `ms` milliseconds (each task its own delay, so they finish out of order). */
const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('runDriftPlan: the one drift loop (plan → column tasks → results)', () => {
  it('returns results in plan order although tasks finish in another order', async () => {
    const delays = [30, 5, 20, 0, 10, 25, 1];
    const finished: number[] = [];
    const results = await runDriftPlan(
      plan(delays.length),
      async (task, index) => {
        await after(delays[index]!);
        finished.push(index);
        return resultOf(task);
      },
      { concurrency: 3 },
    );
    expect(results.map((r) => r.name)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(finished).not.toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([...finished].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('never runs more tasks at once than the concurrency, and does reach it', async () => {
    for (const concurrency of [1, 2, 4]) {
      let running = 0;
      let peak = 0;
      await runDriftPlan(
        plan(12),
        async (task, index) => {
          peak = Math.max(peak, ++running);
          await after(index % 3);
          running--;
          return resultOf(task);
        },
        { concurrency },
      );
      expect(peak, `concurrency ${concurrency}`).toBe(concurrency);
    }
  });

  it('starts no more lanes than there are tasks, and runs an empty plan', async () => {
    let calls = 0;
    const run = async (task: ColumnTask) => {
      calls++;
      return resultOf(task);
    };
    expect(await runDriftPlan(plan(0), run, { concurrency: 4 })).toEqual([]);
    expect((await runDriftPlan(plan(2), run, { concurrency: 8 })).length).toBe(2);
    expect(calls).toBe(2);
  });

  it('reports progress after each column: 1/n … n/n', async () => {
    const seen: string[] = [];
    await runDriftPlan(
      plan(5),
      async (task, index) => {
        await after(5 - index);
        return resultOf(task);
      },
      { concurrency: 2, onProgress: (done, total) => seen.push(`${done}/${total}`) },
    );
    expect(seen).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
  });

  it('rejects at once with code "aborted" when aborted mid-run, and starts no task after', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const run = runDriftPlan(
      plan(10),
      async (task, index) => {
        started.push(index);
        if (index === 2) controller.abort();
        // A task that never ends: the run must not wait for it.
        await (index === 2 ? new Promise<void>(() => undefined) : after(1));
        return resultOf(task);
      },
      { concurrency: 1, signal: controller.signal },
    );
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnalysisError);
    expect(error).toMatchObject({ code: 'aborted', message: 'drift cancelled' });
    expect(started).toEqual([0, 1, 2]);
  });

  it('rejects before any task when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const run = runDriftPlan(
      plan(3),
      async (task) => {
        calls++;
        return resultOf(task);
      },
      { signal: controller.signal },
    );
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
    expect(calls).toBe(0);
  });

  it("rejects with the first task's error and starts no further task", async () => {
    const started: number[] = [];
    const run = runDriftPlan(
      plan(20),
      async (task, index) => {
        started.push(index);
        await after(2);
        if (index === 3) throw new AnalysisError('method-kind', 'column method c3=ks: ks does not apply');
        return resultOf(task);
      },
      { concurrency: 2 },
    );
    await expect(run).rejects.toThrow('column method c3=ks: ks does not apply');
    // At most the other lane's running task started after the failing one.
    await after(20);
    expect(Math.max(...started)).toBeLessThanOrEqual(4);
  });
});

describe('runScheduled (the same loop, for units that are ranges of columns)', () => {
  it('weights progress by each unit, keeps index order, and gives each lane its own index', async () => {
    const sizes = [250, 250, 100];
    const lanesSeen = new Set<number>();
    const progress: [number, number][] = [];
    const results = await runScheduled(
      sizes.length,
      async (index, lane) => {
        lanesSeen.add(lane);
        await new Promise((resolve) => setTimeout(resolve, (sizes.length - index) * 3));
        return `range ${index}`;
      },
      { concurrency: 2, weight: (i) => sizes[i]!, onProgress: (done, total) => progress.push([done, total]) },
    );
    expect(results).toEqual(['range 0', 'range 1', 'range 2']);
    expect([...lanesSeen].sort()).toEqual([0, 1]);
    expect(progress.map(([, total]) => total)).toEqual([600, 600, 600]);
    expect(progress.at(-1)![0]).toBe(600);
    expect(progress.map(([done]) => done).every((d, i, all) => i === 0 || d > all[i - 1]!)).toBe(true);
  });

  it('runs nothing for zero units', async () => {
    let calls = 0;
    expect(await runScheduled(0, async () => ++calls)).toEqual([]);
    expect(calls).toBe(0);
  });
});
