/**
 * A TrackingSnapshot as JSON (what `driftbook runs import --format json` prints): ids are strings,
 * version numbers integers, and the metric values JSON cannot hold are the strings "NaN",
 * "Infinity" and "-Infinity". snapshotFromJson reads that shape back (tests compare with it).
 */
import type { MetricPoint, TrackingSnapshot } from './types';

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

export function snapshotToJson(snapshot: TrackingSnapshot): string {
  const shaped = {
    experiments: snapshot.experiments,
    runs: snapshot.runs.map((run) => ({
      ...run,
      metrics: Object.fromEntries(
        Object.entries(run.metrics).map(([key, points]) => [key, points.map((p) => ({ value: jsonNumber(p.value), timestamp: p.timestamp, step: p.step }))]),
      ),
    })),
    registeredModels: snapshot.registeredModels,
  };
  return `${JSON.stringify(shaped, null, 2)}\n`;
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
