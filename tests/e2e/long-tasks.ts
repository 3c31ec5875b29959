import { expect, type Page } from '@playwright/test';

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

/**
 * Waits for an element's text with a plain text read in the page: a retrying locator assertion takes an
 * accessibility snapshot of the whole page on each try (Playwright's ariaSnapshotForExpectFailure — 100–260 ms on
 * this DOM, on the page's main thread), which a long-task observer would charge to the app. The same text is then
 * asserted once, so a failure still reads as an assertion.
 */
export async function waitForTextQuietly(page: Page, testId: string, text: string, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    ({ id, t }) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(t),
    { id: testId, t: text },
    { timeout, polling: 500 },
  );
  await expect(page.getByTestId(testId)).toContainText(text);
}
