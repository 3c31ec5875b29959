/**
 * Runs a step of the engine as a User Timing measure named `driftbook:<name>` (detail: what it worked on),
 * so DevTools' performance panel and the browser bench (scripts/bench/browser-drift.mjs, which reads the
 * workers' measures) show where the time of an ingest or a drift run goes. A measure costs microseconds.
 */
export async function timed<T>(name: string, detail: string, run: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    performance.measure(`driftbook:${name}`, { start, detail });
  }
}
