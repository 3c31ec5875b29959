/**
 * A period window as a segment expression (lib/data/frame.ts), so its rows can open in any cell:
 * `d["ts"] >= '2026-10-19T22:00:00Z' && d["ts"] < '2026-10-20T22:00:00Z'`. Segments see a datetime
 * column as its text, so the bounds compare as strings — exact only when every timestamp is written
 * the same way in UTC (`YYYY-MM-DDTHH:MM:SS[.f…]Z`, one length) or every one is a date alone
 * (`YYYY-MM-DD`, read as its UTC midnight); numeric timestamps compare as numbers (epoch seconds or
 * ms, as read). Otherwise there is no expression: arquero would parse
 * zone-less text in the browser's zone, and another layout sorts differently. Row windows have none
 * (a segment cannot name row numbers).
 */
import { countValues } from '../data/columns';
import type { Dataset } from '../data/types';
import type { DataWindow } from './windows';

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.(\d{1,9}))?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** How a timestamp column's values can be bounded in a segment, or null when they cannot be exactly. */
export type TimestampLayout = { kind: 'text'; fractionDigits: number } | { kind: 'date' } | { kind: 'number'; msPerUnit: number } | null;

/** The layout of `column`'s values: one UTC ISO text layout, or numbers (msPerUnit 1000 for epoch seconds). */
export function timestampLayout(dataset: Dataset, column: string, numeric: { seconds: boolean } | null): TimestampLayout {
  if (numeric) return { kind: 'number', msPerUnit: numeric.seconds ? 1000 : 1 };
  const { categories } = countValues(dataset.table, column);
  if (categories.length > 0 && categories.every((text) => DATE.test(text))) return { kind: 'date' };
  let length = -1;
  let digits = 0;
  for (const text of categories) {
    const m = CANONICAL.exec(text);
    if (!m || (length >= 0 && text.length !== length)) return null;
    length = text.length;
    digits = m[1]?.length ?? 0;
  }
  return length < 0 ? null : { kind: 'text', fractionDigits: digits };
}

function bound(ms: number, layout: NonNullable<TimestampLayout>): string {
  if (layout.kind === 'number') return String(ms / layout.msPerUnit);
  // Every value is a UTC midnight: v ≥ ms exactly when v ≥ the first midnight at or after ms (and so for <).
  if (layout.kind === 'date') return `'${new Date(Math.ceil(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10)}'`;
  // Period bounds fall on whole minutes: the fraction is zeros.
  const iso = new Date(ms).toISOString().slice(0, 19);
  return `'${iso}${layout.fractionDigits ? `.${'0'.repeat(layout.fractionDigits)}` : ''}Z'`;
}

/** The segment holding exactly the window's rows (start ≤ t < end), or undefined without an exact one. */
export function windowSegment(column: string, window: DataWindow, layout: TimestampLayout): string | undefined {
  if (!layout || window.start === undefined || window.end === undefined) return undefined;
  const field = `d[${JSON.stringify(column)}]`;
  return `d => ${field} >= ${bound(Date.parse(window.start), layout)} && ${field} < ${bound(Date.parse(window.end), layout)}`;
}
