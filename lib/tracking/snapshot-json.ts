/**
 * A TrackingSnapshot as JSON (what `driftbook runs import --format json` prints): ids are strings,
 * version numbers integers, and the metric values JSON cannot hold are the strings "NaN",
 * "Infinity" and "-Infinity". snapshotFromJson reads that shape back (tests compare with it).
 */
import type { MetricPoint, Run, TrackingSnapshot } from './types';

/** A number JSON can hold, or the name of the one it cannot. */
export function jsonNumber(value: number): number | string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

/** The inverse of jsonNumber; undefined for anything else. */
export function numberFromJson(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return undefined;
}

const shapeRun = (run: Run) => ({
  ...run,
  metrics: Object.fromEntries(
    Object.entries(run.metrics).map(([key, points]) => [key, points.map((p) => ({ value: jsonNumber(p.value), timestamp: p.timestamp, step: p.step }))]),
  ),
});

/** JSON.stringify(value, null, 2) nested `depth` levels deep (strings hold no raw newline: they are escaped). */
const nested = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);

/**
 * The JSON in pieces, one run at a time: an import of 1,000 runs × 20 metrics × 1,000 steps prints
 * ~2 GB, more than one JavaScript string can hold. Joined, the pieces are exactly snapshotToJson.
 */
export function* snapshotJsonChunks(snapshot: TrackingSnapshot): Generator<string> {
  yield `{\n  "experiments": ${nested(snapshot.experiments, 1)},\n  "runs": ${snapshot.runs.length === 0 ? '[]' : '['}`;
  for (const [index, run] of snapshot.runs.entries()) yield `${index === 0 ? '' : ','}\n    ${nested(shapeRun(run), 2)}`;
  yield `${snapshot.runs.length === 0 ? '' : '\n  ]'},\n  "registeredModels": ${nested(snapshot.registeredModels, 1)}\n}\n`;
}

/** The snapshot as the JSON `driftbook runs import` prints (indented by 2). */
export function snapshotToJson(snapshot: TrackingSnapshot): string {
  return [...snapshotJsonChunks(snapshot)].join('');
}

/** Reads snapshotToJson's output back; a metric value that is neither a number nor one of the three names throws. */
export function snapshotFromJson(text: string): TrackingSnapshot {
  const parsed = JSON.parse(text) as TrackingSnapshot & { runs: Array<{ metrics: Record<string, Array<Omit<MetricPoint, 'value'> & { value: unknown }>> }> };
  for (const run of parsed.runs) {
    for (const [key, points] of Object.entries(run.metrics)) {
      run.metrics[key] = points.map((point) => {
        const value = numberFromJson(point.value);
        if (value === undefined) throw new Error(`metric ${key}: value ${JSON.stringify(point.value)} is not a number, "NaN", "Infinity" or "-Infinity"`);
        return { value, timestamp: point.timestamp, step: point.step };
      });
    }
  }
  return parsed as TrackingSnapshot;
}
