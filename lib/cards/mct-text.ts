/**
 * The conventions by which Driftbook's facts travel inside MCT's free-text strings (the toolkit has
 * no field for them): a dataset's side, rows and SHA-256 as the last line of its description; how
 * intervals were computed and the metrics' labels as the last paragraph of
 * quantitative_analysis.graphics.description; the Hugging Face sections and the sign-off as the last
 * part of model_details.documentation.
 * Each is written so that a person's own text, even one ending like ours, reads back unchanged.
 */
import type { CardDataset, CardInterval, CardSide, CardSource, ModelCard } from './types';

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

const NUMBERS_HEAD = 'Driftbook numbers —';

/** Where a block of ours starts: its last occurrence at the start of the text or after a blank line, or -1. */
function blockAt(text: string, head: string): number {
  const at = text.lastIndexOf(`\n\n${head}`);
  if (at >= 0) return at;
  return text.startsWith(head) ? 0 : -1;
}

/** How an interval was computed, as one line of the numbers block. */
export function intervalKey(i: CardInterval): string {
  return `interval: level ${mctNumber(i.level)}, ${i.method}, ${i.resamples} resamples, seed ${i.seed}`;
}

/**
 * The quantitative notes, then what MCT's performance_metrics cannot say: how intervals were
 * computed (one line per setting, with the metric indexes when there are several) and the metrics'
 * labels (`labels: {"0": "Accuracy", …}`).
 */
export function withNumberFacts(notes: string, intervals: Map<string, number[]>, labels: Map<number, string>): string {
  const lines = [...intervals].map(([key, at]) => (intervals.size === 1 ? key : `${key} (performance_metrics ${at.join(', ')})`));
  if (labels.size) lines.push(`labels: ${JSON.stringify(Object.fromEntries(labels))}`);
  if (lines.length === 0 && blockAt(notes, NUMBERS_HEAD) < 0) return notes;
  const block = `${NUMBERS_HEAD}${lines.length ? `\n${lines.join('\n')}` : ' none'}`;
  return notes ? `${notes}\n\n${block}` : block;
}

export type IntervalSetting = Omit<CardInterval, 'lower' | 'upper'>;

export function readNumberFacts(description: string): {
  notes: string;
  settings: Map<number, IntervalSetting>;
  all?: IntervalSetting;
  labels: Map<number, string>;
} {
  const at = blockAt(description, NUMBERS_HEAD);
  const settings = new Map<number, IntervalSetting>();
  const labels = new Map<number, string>();
  if (at < 0) return { notes: description, settings, labels };
  const block = description.slice(at).replace(/^\n\n/, '').slice(NUMBERS_HEAD.length);
  let all: IntervalSetting | undefined;
  for (const line of block.split('\n')) {
    const s = /^interval: level (\S+), (percentile-bootstrap), (\d+) resamples, seed (-?\d+)(?: \(performance_metrics ([\d, ]+)\))?$/.exec(line);
    if (s) {
      const setting = { level: Number(s[1]), method: 'percentile-bootstrap' as const, resamples: Number(s[3]), seed: Number(s[4]) };
      if (s[5] === undefined) all = setting;
      else for (const i of s[5].split(', ')) settings.set(Number(i), setting);
    } else if (line.startsWith('labels: ')) {
      try {
        const parsed = JSON.parse(line.slice('labels: '.length)) as Record<string, unknown>;
        for (const [i, label] of Object.entries(parsed)) if (typeof label === 'string') labels.set(Number(i), label);
      } catch {
        // Not ours after all: no labels.
      }
    }
  }
  return { notes: description.slice(0, at), settings, all, labels };
}

const SECTIONS_HEAD = 'Driftbook card sections (Hugging Face template, sign-off):';

/** The card's text that MCT has no field for, by title; each travels in model_details.documentation. */
const SECTIONS: [title: string, get: (c: ModelCard) => string, set: (c: ModelCard, v: string) => void][] = [
  ['Task', (c) => c.huggingFace.taskType, (c, v) => (c.huggingFace.taskType = v)],
  ['Developed by', (c) => c.huggingFace.developedBy, (c, v) => (c.huggingFace.developedBy = v)],
  ['Model type', (c) => c.huggingFace.modelType, (c, v) => (c.huggingFace.modelType = v)],
  ['Language', (c) => c.huggingFace.language, (c, v) => (c.huggingFace.language = v)],
  ['Tags', (c) => (c.huggingFace.tags.length ? JSON.stringify(c.huggingFace.tags) : ''), (c, v) => (c.huggingFace.tags = parseTags(v))],
  ['How to Get Started with the Model', (c) => c.huggingFace.gettingStarted, (c, v) => (c.huggingFace.gettingStarted = v)],
  ['Training Data', (c) => c.huggingFace.trainingData, (c, v) => (c.huggingFace.trainingData = v)],
  ['Training Procedure', (c) => c.huggingFace.trainingProcedure, (c, v) => (c.huggingFace.trainingProcedure = v)],
  ['Testing Data', (c) => c.huggingFace.testingData, (c, v) => (c.huggingFace.testingData = v)],
  ['Factors', (c) => c.huggingFace.factors, (c, v) => (c.huggingFace.factors = v)],
  ['Metrics', (c) => c.huggingFace.evaluationMetrics, (c, v) => (c.huggingFace.evaluationMetrics = v)],
  ['Results', (c) => c.huggingFace.results, (c, v) => (c.huggingFace.results = v)],
  ['Hardware Type', (c) => c.huggingFace.environmentalImpact.hardwareType, (c, v) => (c.huggingFace.environmentalImpact.hardwareType = v)],
  ['Hours used', (c) => c.huggingFace.environmentalImpact.hoursUsed, (c, v) => (c.huggingFace.environmentalImpact.hoursUsed = v)],
  ['Cloud Provider', (c) => c.huggingFace.environmentalImpact.cloudProvider, (c, v) => (c.huggingFace.environmentalImpact.cloudProvider = v)],
  ['Compute Region', (c) => c.huggingFace.environmentalImpact.computeRegion, (c, v) => (c.huggingFace.environmentalImpact.computeRegion = v)],
  ['Carbon Emitted', (c) => c.huggingFace.environmentalImpact.carbonEmitted, (c, v) => (c.huggingFace.environmentalImpact.carbonEmitted = v)],
  ['Model Card Contact', (c) => c.huggingFace.contact, (c, v) => (c.huggingFace.contact = v)],
  ['Sign-off reviewer', (c) => c.signOff.reviewer, (c, v) => (c.signOff.reviewer = v)],
  ['Sign-off date', (c) => c.signOff.date, (c, v) => (c.signOff.date = v)],
  ['Sign-off notes', (c) => c.signOff.notes, (c, v) => (c.signOff.notes = v)],
];

function parseTags(text: string): string[] {
  try {
    const tags = JSON.parse(text) as unknown;
    return Array.isArray(tags) ? tags.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * model_details.documentation: the person's documentation, then the sections MCT lacks, each as
 * `## Title` and its text indented by four spaces (so no line of a text can pass for a title).
 */
export function withCardSections(card: ModelCard): string {
  const documentation = card.modelDetails.documentation;
  const parts = SECTIONS.map(([title, get]) => [title, get(card)] as const).filter(([, text]) => text !== '');
  if (parts.length === 0 && blockAt(documentation, SECTIONS_HEAD) < 0) return documentation;
  const block = [
    SECTIONS_HEAD,
    ...parts.map(
      ([title, text]) =>
        `## ${title}\n${text
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n')}`,
    ),
  ].join('\n');
  return documentation ? `${documentation}\n\n${block}` : block;
}

/** Read withCardSections back into `card` (documentation and the sections); false when the block is not well formed (then nothing is read). */
export function readCardSections(text: string, card: ModelCard): boolean {
  card.modelDetails.documentation = text;
  const at = blockAt(text, SECTIONS_HEAD);
  if (at < 0) return true;
  const lines = text.slice(at).replace(/^\n\n/, '').split('\n').slice(1);
  const found: [string, string[]][] = [];
  for (const line of lines) {
    if (line.startsWith('## ')) found.push([line.slice(3), []]);
    else if (line.startsWith('    ') && found.length) found[found.length - 1]?.[1].push(line.slice(4));
    else return false;
  }
  const setters = new Map(SECTIONS.map(([title, , set]) => [title, set]));
  if (found.some(([title]) => !setters.has(title))) return false;
  for (const [title, content] of found) setters.get(title)?.(card, content.join('\n'));
  card.modelDetails.documentation = text.slice(0, at);
  return true;
}
