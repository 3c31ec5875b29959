/**
 * What changed between two versions of a card, field by field, in words a reviewer reads
 * ("Limitations #2", "accuracy (current: group=F)"): the version diff of the editor and the
 * preview of a re-autofill before it is applied.
 *
 * Text and numbers compare exactly (a number as its shortest round-trip decimal, so 0.1 + 0.2 is
 * not 0.3). Plain lists compare by position; metrics by (type, side, group), datasets by (name,
 * side), drift columns by name and validation results by suite, so a new metric is one "added"
 * line rather than a shifted list. Sources (cell, time) are provenance, not content: a metric
 * whose value and interval did not change is unchanged even when it was recomputed.
 */
import type { CardDataset, CardDrift, CardInterval, CardMetric, CardValidation, ModelCard } from './types';

export interface CardChange {
  /** Where in the card, stable across versions (e.g. `considerations.limitations[1]`, `quantitative.metrics[accuracy|current|group=F]`). */
  path: string;
  /** The same in words: "Limitations #2", "accuracy (current: group=F)". */
  label: string;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

const num = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

function change(path: string, label: string, before: string | undefined, after: string | undefined): CardChange | null {
  if (before === after) return null;
  if (before === undefined) return { path, label, kind: 'added', after: after! };
  if (after === undefined) return { path, label, kind: 'removed', before };
  return { path, label, kind: 'changed', before, after };
}

/** Lists compared by position: item i of one against item i of the other. */
function byPosition(path: string, label: string, before: readonly string[], after: readonly string[]): CardChange[] {
  const out: CardChange[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const c = change(`${path}[${i}]`, `${label} #${i + 1}`, before[i], after[i]);
    if (c) out.push(c);
  }
  return out;
}

/** Entries compared by key (first the keys of `before` in order, then the new ones). */
function byKey(path: string, before: Map<string, { label: string; text: string }>, after: Map<string, { label: string; text: string }>): CardChange[] {
  const out: CardChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    const c = change(`${path}[${key}]`, (b ?? a)!.label, a?.text, b?.text);
    if (c) out.push(c);
  }
  return out;
}

/** Keys made unique by their occurrence (two cells can give the same metric): key, key#2, … */
function uniqueKeys<T>(items: readonly T[], key: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = key(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

function keyed<T>(items: readonly T[], key: (item: T) => string, label: (item: T) => string, text: (item: T) => string) {
  const keys = uniqueKeys(items, key);
  return new Map(
    items.map((item, i) => [keys[i]!, { label: keys[i] === key(item) ? label(item) : `${label(item)} ${keys[i]!.slice(key(item).length)}`, text: text(item) }]),
  );
}

function intervalText(i: CardInterval | undefined): string {
  return i ? ` [${num(i.lower)}, ${num(i.upper)}] (${num(i.level * 100)}% ${i.method}, ${i.resamples} resamples, seed ${i.seed})` : '';
}

const metricLabel = (m: CardMetric) => `${m.type} (${m.side}${m.group ? `: ${m.group.column}=${m.group.value}` : ''})`;
const metricKey = (m: CardMetric) => `${m.type}|${m.side}${m.group ? `|${m.group.column}=${m.group.value}` : ''}`;
const metricText = (m: CardMetric) => `${num(m.value)}${intervalText(m.interval)}${m.name ? ` — ${m.name}` : ''}`;

function metricChanges(path: string, before: readonly CardMetric[], after: readonly CardMetric[]): CardChange[] {
  return byKey(path, keyed(before, metricKey, metricLabel, metricText), keyed(after, metricKey, metricLabel, metricText));
}

function datasetChanges(before: readonly CardDataset[], after: readonly CardDataset[]): CardChange[] {
  const fields: [keyof CardDataset, string, (d: CardDataset) => string | undefined][] = [
    ['link', 'link', (d) => d.link],
    ['description', 'description', (d) => d.description],
    ['rows', 'rows', (d) => (d.rows === undefined ? undefined : num(d.rows))],
    ['sha256', 'SHA-256', (d) => d.sha256],
    ['sensitive', 'sensitive columns', (d) => d.sensitive.join(', ')],
  ];
  const key = (d: CardDataset) => `${d.name}|${d.side ?? ''}`;
  const label = (d: CardDataset) => `Dataset ${d.name}${d.side ? ` (${d.side})` : ''}`;
  const text = (d: CardDataset) =>
    fields
      .flatMap(([, name, read]) => {
        const v = read(d);
        return v ? [`${name}: ${v}`] : [];
      })
      .join('; ');
  const a = keyed(before, key, label, text);
  const b = keyed(after, key, label, text);
  const out: CardChange[] = [];
  const items = (list: readonly CardDataset[]) => new Map(uniqueKeys(list, key).map((k, i) => [k, list[i]!]));
  const [ia, ib] = [items(before), items(after)];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const da = ia.get(k);
    const db = ib.get(k);
    if (!da || !db) {
      out.push(change(`modelParameters.data[${k}]`, (b.get(k) ?? a.get(k))!.label, a.get(k)?.text, b.get(k)?.text)!);
      continue;
    }
    for (const [field, name, read] of fields) {
      const c = change(`modelParameters.data[${k}].${field}`, `${a.get(k)!.label}: ${name}`, read(da), read(db));
      if (c) out.push(c);
    }
  }
  return out;
}

function driftChanges(before: CardDrift | undefined, after: CardDrift | undefined): CardChange[] {
  const summary = (d: CardDrift | undefined) =>
    d &&
    `${d.datasetDrift ? 'drifted' : 'not drifted'}: ${d.driftedColumns} of ${d.testedColumns} columns (share ${num(d.share)}, threshold ${num(d.threshold)})`;
  const out: CardChange[] = [];
  const c = change('quantitative.drift', 'Drift status', summary(before), summary(after));
  if (c) out.push(c);
  const columns = (d: CardDrift | undefined) =>
    keyed(
      d?.columns ?? [],
      (x) => x.column,
      (x) => `Drift of column ${x.column}`,
      (x) => `${x.method} ${num(x.score)}${x.drifted ? ', drifted' : ''}`,
    );
  return [...out, ...byKey('quantitative.drift.columns', columns(before), columns(after))];
}

function validationChanges(before: readonly CardValidation[], after: readonly CardValidation[]): CardChange[] {
  const text = (v: CardValidation) => `${v.success ? 'passed' : 'failed'}: ${v.successful} of ${v.evaluated} expectations`;
  return byKey(
    'quantitative.validation',
    keyed(
      before,
      (v) => v.suite,
      (v) => `Validation ${v.suite}`,
      text,
    ),
    keyed(
      after,
      (v) => v.suite,
      (v) => `Validation ${v.suite}`,
      text,
    ),
  );
}

type Text = readonly [path: string, label: string, read: (c: ModelCard) => string];
type List = readonly [path: string, label: string, read: (c: ModelCard) => readonly string[]];

const TEXTS: readonly Text[] = [
  ['modelDetails.name', 'Model name', (c) => c.modelDetails.name],
  ['modelDetails.overview', 'Overview', (c) => c.modelDetails.overview],
  ['modelDetails.documentation', 'Documentation', (c) => c.modelDetails.documentation],
  ['modelDetails.version.name', 'Version', (c) => c.modelDetails.version.name],
  ['modelDetails.version.date', 'Version date', (c) => c.modelDetails.version.date],
  ['modelDetails.version.diff', 'Changes in this version', (c) => c.modelDetails.version.diff],
  ['modelDetails.path', 'Model path', (c) => c.modelDetails.path],
  ['modelParameters.architecture', 'Architecture', (c) => c.modelParameters.architecture],
  ['modelParameters.inputFormat', 'Input format', (c) => c.modelParameters.inputFormat],
  ['modelParameters.outputFormat', 'Output format', (c) => c.modelParameters.outputFormat],
  ['quantitative.notes', 'Quantitative analysis notes', (c) => c.quantitative.notes],
  ['huggingFace.taskType', 'Task type', (c) => c.huggingFace.taskType],
  ['huggingFace.developedBy', 'Developed by', (c) => c.huggingFace.developedBy],
  ['huggingFace.modelType', 'Model type', (c) => c.huggingFace.modelType],
  ['huggingFace.language', 'Language', (c) => c.huggingFace.language],
  ['huggingFace.gettingStarted', 'How to get started', (c) => c.huggingFace.gettingStarted],
  ['huggingFace.trainingData', 'Training data', (c) => c.huggingFace.trainingData],
  ['huggingFace.trainingProcedure', 'Training procedure', (c) => c.huggingFace.trainingProcedure],
  ['huggingFace.testingData', 'Testing data', (c) => c.huggingFace.testingData],
  ['huggingFace.factors', 'Factors', (c) => c.huggingFace.factors],
  ['huggingFace.evaluationMetrics', 'Evaluation metrics', (c) => c.huggingFace.evaluationMetrics],
  ['huggingFace.results', 'Results', (c) => c.huggingFace.results],
  ['huggingFace.environmentalImpact.hardwareType', 'Hardware type', (c) => c.huggingFace.environmentalImpact.hardwareType],
  ['huggingFace.environmentalImpact.hoursUsed', 'Hours used', (c) => c.huggingFace.environmentalImpact.hoursUsed],
  ['huggingFace.environmentalImpact.cloudProvider', 'Cloud provider', (c) => c.huggingFace.environmentalImpact.cloudProvider],
  ['huggingFace.environmentalImpact.computeRegion', 'Compute region', (c) => c.huggingFace.environmentalImpact.computeRegion],
  ['huggingFace.environmentalImpact.carbonEmitted', 'Carbon emitted', (c) => c.huggingFace.environmentalImpact.carbonEmitted],
  ['huggingFace.contact', 'Model card contact', (c) => c.huggingFace.contact],
  ['signOff.reviewer', 'Reviewer', (c) => c.signOff.reviewer],
  ['signOff.date', 'Sign-off date', (c) => c.signOff.date],
  ['signOff.notes', 'Sign-off notes', (c) => c.signOff.notes],
];

const LISTS: readonly List[] = [
  ['modelDetails.owners', 'Owners', (c) => c.modelDetails.owners.map((o) => (o.contact ? `${o.name} (${o.contact})` : o.name))],
  ['modelDetails.licenses', 'Licenses', (c) => c.modelDetails.licenses.map((l) => (l.customText ? `${l.identifier}: ${l.customText}` : l.identifier))],
  ['modelDetails.references', 'References', (c) => c.modelDetails.references],
  ['modelDetails.citations', 'Citations', (c) => c.modelDetails.citations.map((x) => (x.style ? `${x.style}: ${x.citation}` : x.citation))],
  ['modelParameters.inputFormatMap', 'Input format map', (c) => c.modelParameters.inputFormatMap.map((kv) => `${kv.key}: ${kv.value}`)],
  ['modelParameters.outputFormatMap', 'Output format map', (c) => c.modelParameters.outputFormatMap.map((kv) => `${kv.key}: ${kv.value}`)],
  ['considerations.users', 'Users', (c) => c.considerations.users],
  ['considerations.useCases', 'Use cases', (c) => c.considerations.useCases],
  ['considerations.limitations', 'Limitations', (c) => c.considerations.limitations],
  ['considerations.tradeoffs', 'Tradeoffs', (c) => c.considerations.tradeoffs],
  [
    'considerations.ethicalConsiderations',
    'Ethical considerations',
    (c) => c.considerations.ethicalConsiderations.map((r) => (r.mitigationStrategy ? `${r.name} — mitigation: ${r.mitigationStrategy}` : r.name)),
  ],
  ['huggingFace.tags', 'Tags', (c) => c.huggingFace.tags],
];

/** Every change from `before` to `after`, in the card's order (details, parameters, numbers, considerations, Hugging Face, sign-off). */
export function diffCards(before: ModelCard, after: ModelCard): CardChange[] {
  const texts = (from: number, to: number) =>
    TEXTS.slice(from, to).flatMap(([path, label, read]) => {
      const c = change(path, label, read(before) || undefined, read(after) || undefined);
      return c ? [c] : [];
    });
  const lists = (from: number, to: number) => LISTS.slice(from, to).flatMap(([path, label, read]) => byPosition(path, label, read(before), read(after)));
  return [
    ...texts(0, 7),
    ...lists(0, 4),
    ...texts(7, 10),
    ...lists(4, 6),
    ...datasetChanges(before.modelParameters.data, after.modelParameters.data),
    ...texts(10, 11),
    ...metricChanges('quantitative.metrics', before.quantitative.metrics, after.quantitative.metrics),
    ...metricChanges('quantitative.estimated', before.quantitative.estimated, after.quantitative.estimated),
    ...driftChanges(before.quantitative.drift, after.quantitative.drift),
    ...validationChanges(before.quantitative.validation, after.quantitative.validation),
    ...lists(6, 11),
    ...texts(11, 28),
    ...lists(11, 12),
    ...texts(28, 31),
  ];
}
