/**
 * A metric file as FileStore reads it (mlflow/store/tracking/file_store.py, _get_metric_from_line):
 * one line per logged value, `timestamp value step` (MLflow ≥ 1.0), `timestamp value` (older: step
 * 0) or `timestamp value step dataset_name dataset_digest` (MLflow 3); each line is stripped and
 * split on single spaces. The value is Python's str(float), so `nan`, `inf` and `-inf` occur; it is
 * read as Python's float() reads it. The history is the lines in file order, duplicates kept.
 */
import type { MetricPoint } from './types';

const PY_SPECIAL = /^([+-]?)(nan|inf|infinity)$/i;
const PY_DECIMAL = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const PY_INT = /^[+-]?\d(?:_?\d)*$/;
// What str(float) and str(int) print (the common case, read without the general path).
const PLAIN_FLOAT = /^-?\d+(?:\.\d+)?(?:e[-+]\d+)?$/;
const PLAIN_INT = /^-?\d+$/;
const isSpace = (code: number) => code <= 32 || code === 0x85 || code === 0xa0 || code >= 0x1680;

/** Python's float(text); undefined where Python raises ValueError. */
export function pythonFloat(text: string): number | undefined {
  if (PLAIN_FLOAT.test(text)) return Number(text);
  const trimmed = text.trim();
  const special = PY_SPECIAL.exec(trimmed);
  if (special) {
    const magnitude = special[2]!.toLowerCase() === 'nan' ? NaN : Infinity;
    return special[1] === '-' ? -magnitude : magnitude;
  }
  return PY_DECIMAL.test(trimmed) ? Number(trimmed.replaceAll('_', '')) : undefined;
}

/** Python's int(text) for decimal text; undefined where Python raises ValueError. */
export function pythonInt(text: string): number | undefined {
  if (PLAIN_INT.test(text)) return Number(text);
  const trimmed = text.trim();
  return PY_INT.test(trimmed) ? Number(trimmed.replaceAll('_', '')) : undefined;
}

/**
 * The history in a metric file. A line FileStore would refuse (wrong field count, a value that is
 * not a float) is reported by its 1-based number and left out; the other lines are kept.
 */
export function parseMetricLines(text: string, warn: (problem: string) => void): MetricPoint[] {
  const points: MetricPoint[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, index) => {
    // Python's str.strip() and str.split(" "): runs of spaces make empty fields.
    const padded = line.length > 0 && (isSpace(line.charCodeAt(0)) || isSpace(line.charCodeAt(line.length - 1)));
    const fields = (padded ? line.replace(/^[\s\u0085]+|[\s\u0085]+$/g, '') : line).split(' ');
    if (fields.length !== 2 && fields.length !== 3 && fields.length !== 5) {
      warn(`line ${index + 1} has ${fields.length} fields (MLflow writes 2, 3 or 5) — left out`);
      return;
    }
    const [first = '', second = '', third = '0'] = fields;
    const timestamp = pythonInt(first);
    const value = pythonFloat(second);
    const step = pythonInt(third);
    if (timestamp === undefined || value === undefined || step === undefined) {
      warn(`line ${index + 1} is not "timestamp value step" (${JSON.stringify(line.slice(0, 80))}) — left out`);
      return;
    }
    points.push({ value, timestamp, step });
  });
  return points;
}
