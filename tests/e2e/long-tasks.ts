import type { Page } from '@playwright/test';

/**
 * Starts counting main-thread long tasks (> 50 ms) once the page has settled: the demo's boot (its
 * notebook's first render, the runs its cells log) ends with tasks of its own, and whether they land
 * before or after the first drift summary shows varies from run to run. A measurement of what a drop
 * costs starts after 1 s without a long task (at most 15 s of waiting); `window.longTasks` then holds
 * the durations from that point on.
 */
export async function watchLongTasksWhenSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    let last = performance.now();
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => {
        last = Math.max(last, e.startTime + e.duration);
        w.longTasks.push(e.duration);
      }),
    ).observe({ type: 'longtask', buffered: true });
    const started = performance.now();
    while (performance.now() - last < 1000 && performance.now() - started < 15_000) await new Promise((resolve) => setTimeout(resolve, 100));
    w.longTasks = [];
  });
}
