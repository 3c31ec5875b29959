import { hasSegment } from '../data/frame';
import { UsageError } from './drift-options';

/**
 * Segments in the CLI: `--segment EXPR` filters every file a command reads; `--reference-segment` and
 * `--current-segment` replace it for one side (so one file can be split in two:
 * `--reference f.csv --current f.csv --reference-segment 'd => d.date < "2015"' --current-segment 'd => d.date >= "2015"'`).
 * Applied after reading (lib/data/frame.ts applySegment), before any analysis.
 */
export const SEGMENT_OPTION_SPECS = {
  segment: { type: 'string' },
  'reference-segment': { type: 'string' },
  'current-segment': { type: 'string' },
} as const;

export interface SegmentSettings {
  reference?: string;
  current?: string;
}

interface SegmentValues {
  segment?: string;
  'reference-segment'?: string;
  'current-segment'?: string;
}

function given(flag: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!hasSegment(text)) throw new UsageError(`${flag}: the expression is empty — write a filter such as "d => d.country === 'FR'", or leave the flag out`);
  return text.trim();
}

/** Each side's segment: its own flag, else --segment, else none. `hasCurrent`: whether a current file is read. */
export function segmentSettings(values: SegmentValues, hasCurrent = true): SegmentSettings {
  if (!hasCurrent && values['current-segment'] !== undefined) throw new UsageError('--current-segment: there is no --current file to filter');
  const both = given('--segment', values.segment);
  const reference = given('--reference-segment', values['reference-segment']) ?? both;
  const current = hasCurrent ? (given('--current-segment', values['current-segment']) ?? both) : undefined;
  return { ...(reference !== undefined && { reference }), ...(current !== undefined && { current }) };
}

/** The segment of a command that reads one file (fairness --data): only --segment applies. */
export function singleSegment(values: SegmentValues): string | undefined {
  for (const flag of ['reference-segment', 'current-segment'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag}: this command reads one file — use --segment EXPR`);
  }
  return given('--segment', values.segment);
}

/** True when either side is filtered. */
export function anySegment(segments: SegmentSettings): boolean {
  return segments.reference !== undefined || segments.current !== undefined;
}
