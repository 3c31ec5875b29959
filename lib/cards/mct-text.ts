/**
 * The conventions by which Driftbook's facts travel inside MCT's free-text strings (the toolkit has
 * no field for them): a dataset's side, rows and SHA-256 as the last line of its description, and
 * how intervals were computed as the last paragraph of quantitative_analysis.graphics.description.
 * Each is written so that a person's own text, even one ending like ours, reads back unchanged.
 */
import type { CardDataset, CardInterval, CardSide, CardSource } from './types';

export const MCT_SCHEMA_VERSION = '0.0.2';

/** Numbers in MCT are strings: the shortest decimal that reads back to the same double. */
export const mctNumber = (value: number): string => String(value);

/** The source given to numbers read back from a file (which cannot say where they came from). */
export function importSource(format: string): CardSource {
  return { cellId: '', cellTitle: `Imported from ${format}`, kind: 'import', datasets: [], computedAt: '' };
}

/** Our last line of a dataset description: `Driftbook dataset facts — side: current; rows: 2500; SHA-256: …`. */
const FACTS_PART = '(?:side: (?:reference|current)|rows: \\d+|SHA-256: [0-9A-Fa-f]+|none)';
const FACTS = new RegExp(`(?:^|\\n\\n)Driftbook dataset facts — (${FACTS_PART}(?:; ${FACTS_PART})*)$`);

export function withDatasetFacts(ds: CardDataset): string {
  const parts: string[] = [];
  if (ds.side) parts.push(`side: ${ds.side}`);
  if (ds.rows !== undefined) parts.push(`rows: ${ds.rows}`);
  if (ds.sha256) parts.push(`SHA-256: ${ds.sha256}`);
  // A description that itself ends like our line gets an explicit one, so it reads back unchanged.
  if (parts.length === 0 && !FACTS.test(ds.description)) return ds.description;
  const facts = `Driftbook dataset facts — ${parts.length ? parts.join('; ') : 'none'}`;
  return ds.description ? `${ds.description}\n\n${facts}` : facts;
}

export function readDatasetFacts(text: string): Pick<CardDataset, 'description' | 'side' | 'rows' | 'sha256'> & { ours: boolean } {
  const m = FACTS.exec(text);
  if (!m) return { description: text, ours: false };
  const out: Pick<CardDataset, 'description' | 'side' | 'rows' | 'sha256'> & { ours: boolean } = { description: text.slice(0, m.index), ours: true };
  for (const part of (m[1] ?? '').split('; ')) {
    const [key, value = ''] = part.split(': ');
    if (key === 'side') out.side = value as CardSide;
    else if (key === 'rows') out.rows = Number(value);
    else if (key === 'SHA-256') out.sha256 = value;
  }
  return out;
}

const INTERVALS_HEAD = 'Driftbook intervals — ';

/** Where our intervals block starts in a description (its last occurrence at the start or after a blank line), or -1. */
function intervalsAt(text: string): number {
  const at = text.lastIndexOf(`\n\n${INTERVALS_HEAD}`);
  if (at >= 0) return at;
  return text.startsWith(INTERVALS_HEAD) ? 0 : -1;
}

export function intervalKey(i: CardInterval): string {
  return `level ${mctNumber(i.level)}, ${i.method}, ${i.resamples} resamples, seed ${i.seed}`;
}

export function withIntervalSettings(notes: string, intervals: Map<string, number[]>): string {
  if (intervals.size === 0 && intervalsAt(notes) < 0) return notes;
  const lines = [...intervals].map(([key, at]) => (intervals.size === 1 ? key : `${key} (performance_metrics ${at.join(', ')})`));
  const block = `Driftbook intervals — ${lines.length ? lines.join('\n') : 'none'}`;
  return notes ? `${notes}\n\n${block}` : block;
}

export function readIntervalSettings(description: string): {
  notes: string;
  settings: Map<number, Omit<CardInterval, 'lower' | 'upper'>>;
  all?: Omit<CardInterval, 'lower' | 'upper'>;
} {
  const at = intervalsAt(description);
  const settings = new Map<number, Omit<CardInterval, 'lower' | 'upper'>>();
  if (at < 0) return { notes: description, settings };
  const block = description.slice(at).replace(/^\n\n/, '').slice(INTERVALS_HEAD.length);
  let all: Omit<CardInterval, 'lower' | 'upper'> | undefined;
  for (const line of block.split('\n')) {
    const s = /^level (\S+), (percentile-bootstrap), (\d+) resamples, seed (-?\d+)(?: \(performance_metrics ([\d, ]+)\))?$/.exec(line);
    if (!s) continue;
    const setting = { level: Number(s[1]), method: 'percentile-bootstrap' as const, resamples: Number(s[3]), seed: Number(s[4]) };
    if (s[5] === undefined) all = setting;
    else for (const at of s[5].split(', ')) settings.set(Number(at), setting);
  }
  return { notes: description.slice(0, at), settings, all };
}
