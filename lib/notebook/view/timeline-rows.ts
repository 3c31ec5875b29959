import { formatCount, formatPValue, formatScore } from '../../format';
import type { WindowSplit } from '../../stream/windows';
import type { TimelineCellResult } from '../kinds/timeline';

/** What the timeline cell and its report section both say: how it split, and a row per window. */

const PERIOD_WORDS = { hour: 'hourly', day: 'daily', week: 'ISO-week', month: 'monthly', quarter: 'quarterly' } as const;

export function splitText(split: WindowSplit): string {
  if (split.by === 'rows') return `windows of ${formatCount(split.size)} rows`;
  if (split.by === 'count') return `${formatCount(split.count)} chunks (NannyML's count chunker)`;
  return `${PERIOD_WORDS[split.period]} windows of ${split.timestampColumn} (${split.timeZone ?? 'UTC'})`;
}

/** One line: the split, the band and where it comes from, the threshold. */
export function timelineNote(result: TimelineCellResult): string {
  const { band, threshold } = result;
  const ref = `${result.referenceChunks.length} reference chunks as ${splitText(result.referenceSplit)}`;
  const bandText = band
    ? `band ${formatScore(band.lower)} – ${formatScore(band.upper)} (mean ${formatScore(band.mean)} ± ${formatScore(band.multiplier)} × std ${formatScore(band.std)} of ${band.chunks} of ${ref})`
    : `no band (${ref}, none with a value)`;
  const thresholdText = threshold
    ? ` · threshold ${formatScore(threshold.value)} (flagged ${threshold.direction === 'below' ? 'at or below' : 'at or above'}, the method's own rule)`
    : '';
  return `${splitText(result.split)} · ${bandText}${thresholdText} · windows under ${formatCount(result.minWindowRows)} rows are small`;
}

export interface TimelineRow {
  index: number;
  label: string;
  span: string;
  rows: number;
  value: string;
  status: 'flagged' | 'small' | 'empty' | 'ok' | 'no value';
  why: string;
  /** Concept drift: error then, and the Mann–Whitney and z p-values. */
  concept?: { error: string; mwu: string; z?: string };
}

export function timelineRows(result: TimelineCellResult): TimelineRow[] {
  return result.windows.map((w, i) => {
    const status = w.rows === 0 ? 'empty' : w.small ? 'small' : w.flagged ? 'flagged' : w.value === null ? 'no value' : 'ok';
    const why = [w.outsideBand ? 'outside the band' : '', w.crossed ? 'past the threshold' : '', w.error ?? ''].filter(Boolean).join('; ');
    const c = result.concept?.windows[i];
    return {
      index: w.index,
      label: w.label,
      span: w.start ? `${w.start} – ${w.end}` : `rows ${w.rowStart}–${w.rowEnd}`,
      rows: w.rows,
      value: w.value === null ? '—' : formatScore(w.value),
      status,
      why,
      ...(c
        ? {
            concept: {
              error: c.current === null ? '—' : formatScore(c.current),
              mwu: formatPValue(c.mwuPValue),
              ...(c.zPValue === undefined ? {} : { z: formatPValue(c.zPValue) }),
            },
          }
        : {}),
    };
  });
}

export interface WindowColumnRow {
  name: string;
  method: string;
  score: string;
  drifted: boolean;
}

/** The heatmap's column of one window (position in `windows`): each tested column's score and verdict, drifted first. */
export function windowColumnRows(result: TimelineCellResult, position: number): WindowColumnRow[] {
  const heatmap = result.heatmap;
  if (!heatmap) return [];
  const rows = heatmap.columns.map((c, i) => ({
    name: c.name,
    method: c.method ?? '—',
    score: formatPValue(heatmap.scores[i]![position] ?? null),
    drifted: heatmap.drifted[i]![position] ?? false,
  }));
  return [...rows.filter((r) => r.drifted), ...rows.filter((r) => !r.drifted)];
}
