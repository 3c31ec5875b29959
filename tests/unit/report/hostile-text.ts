/**
 * Workspaces whose every user string (workspace, dataset, column, category, group and cell names,
 * segments, notes) carries hostile text, computed through the kinds' own `compute`, and the
 * checks a report of them must pass: no raw bidi or invisible control anywhere, every name shown
 * isolated (in a <bdi>) in its visible form.
 */
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import type { Dataset } from '../../../lib/data/types';
import { visibleControls } from '../../../lib/format';
import { CELL_REGISTRY, type CellConfigs, type CellKind } from '../../../lib/notebook/registry';
import type { ModelOpener } from '../../../lib/notebook/types';
import type { ReportCell, ReportDataset, WorkspaceReportInput } from '../../../lib/report/report-cell';

/** Every bidi embedding, override, isolate and mark. */
export const BIDI_CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

/** What must never reach a report raw: bidi controls, C0/C1 controls but tab/LF/CR, separators, zero-width space, word joiner, BOM. */
const CONTROL = /[\p{Cc}\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;
const LINES = new Set(['\t', '\n', '\r']);

/** The raw controls in `text` (tab, line feed and carriage return allowed), with their offsets. */
export function rawControls(text: string): { char: string; index: number }[] {
  return [...text.matchAll(CONTROL)].filter((m) => !LINES.has(m[0])).map((m) => ({ char: m[0], index: m.index }));
}

/** The names of a hostile dataset's columns, by role. */
export interface HostileColumns {
  numeric: string;
  category: string;
  target: string;
  prediction: string;
  score: string;
  group: string;
  latency: string;
  time: string;
  price: string;
  pricePred: string;
}

const csvField = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * A CSV of `rows` rows with these column names and category/group values: numbers shifted by
 * `shift` (so drift has something to find), a binary target, a score, a timestamp, prices.
 */
export function hostileCsv(columns: HostileColumns, categories: readonly string[], groups: readonly string[], rows: number, shift: number): string {
  const order: (keyof HostileColumns)[] = ['numeric', 'category', 'target', 'prediction', 'score', 'group', 'latency', 'time', 'price', 'pricePred'];
  const lines = [order.map((k) => csvField(columns[k])).join(',')];
  for (let i = 0; i < rows; i++) {
    const y = (i * 7 + shift) % 3 === 0 ? 1 : 0;
    const score = ((i * 37 + shift * 11) % 100) / 100;
    const price = 100 + ((i * 13) % 50) + shift;
    const time = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
    lines.push(
      [
        (i % 17) + shift,
        csvField(categories[(i + shift) % categories.length]!),
        y,
        score >= 0.5 ? 1 : 0,
        score,
        csvField(groups[i % groups.length]!),
        20 + ((i * 29) % 90),
        time,
        price,
        price + ((i % 5) - 2),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

function reportDatasetOf(id: string, d: Dataset): ReportDataset {
  return { id, name: d.meta.name, rows: d.meta.rows, columns: d.meta.schema.length, sha256: d.meta.sha256 };
}

/** The column names as read back (ingestion may rename a duplicate or empty header). */
function readColumns(dataset: Dataset, wanted: HostileColumns): HostileColumns {
  const order = Object.keys(wanted) as (keyof HostileColumns)[];
  const names = dataset.meta.schema.map((c) => c.name);
  return Object.fromEntries(order.map((k, i) => [k, names[i]!])) as unknown as HostileColumns;
}

export interface HostileWorkspace {
  input: WorkspaceReportInput;
  reference: Dataset;
  current: Dataset;
  columns: HostileColumns;
  /** Every user string the report must show isolated: titles, dataset, column and group names, the segment (categories show in charts). */
  names: string[];
}

export interface HostileSpec {
  title: string;
  datasetNames: [string, string];
  columns: HostileColumns;
  categories: string[];
  groups: string[];
  cellTitle: string;
  segment: string;
  note: string;
  /** Which kinds to compute (all by default). */
  kinds?: readonly CellKind[];
  rows?: number;
}

/** The explain kind's model without onnxruntime: a linear score of hostile-named numeric columns, named like the reference file. */
function hostileModel(name: string, columns: readonly string[]): ModelOpener {
  return async (id) => ({
    meta: {
      id,
      name,
      sha256: '0'.repeat(64),
      bytes: 1,
      opset: { '': 13 },
      producer: { name, version: '1' },
      inputs: columns.map((c) => ({ name: c, type: 'float', shape: [null, 1] })),
      outputs: [{ name: 'y', type: 'float', shape: [null, 1] }],
      createdAt: '2026-12-01T00:00:00.000Z',
    },
    mapping: { kind: 'per-column', columns: Object.fromEntries(columns.map((c) => [c, c])) },
    output: { output: 'y', index: 0 },
    predictor: async (batch) => {
      const out = new Float64Array(batch.rows);
      columns.forEach((c, k) => {
        const values = batch.columns[c] as Float64Array;
        for (let i = 0; i < batch.rows; i++) out[i]! += (k + 1) * values[i]!;
      });
      return out;
    },
  });
}

/** Computes one cell of each asked kind on the hostile datasets, as the app would, and the report input. */
export async function hostileWorkspace(spec: HostileSpec): Promise<HostileWorkspace> {
  const rows = spec.rows ?? 40;
  const encode = (text: string) => new TextEncoder().encode(text);
  const reference = await ingestCsv(encode(hostileCsv(spec.columns, spec.categories, spec.groups, rows, 0)), spec.datasetNames[0]);
  const current = await ingestCsv(encode(hostileCsv(spec.columns, spec.categories, spec.groups, rows, 3)), spec.datasetNames[1]);
  const c = readColumns(reference, spec.columns);
  const configs: { [K in CellKind]: CellConfigs[K] } = {
    drift: {},
    column: { column: c.category },
    quality: {},
    note: { markdown: spec.note },
    chart: { mark: 'bar', x: c.category, facet: c.group },
    classification: {
      target: c.target,
      prediction: c.prediction,
      score: [c.score],
      value: { matrix: { tp: 5, fp: -1, tn: 0, fn: -10 }, costPerPrediction: 0.01 },
    },
    regression: { target: c.price, prediction: c.pricePred, segment: c.category, feature: c.numeric },
    operational: { latency: c.latency, timestamp: c.time, slaMs: 80 },
    estimated: { target: c.target, score: c.score, posLabel: '1', chunks: 2, value: { matrix: { tp: 5, fp: -1, tn: 0, fn: -10 } } },
    fairness: { target: c.target, prediction: c.prediction, sensitive: [c.group], score: c.score },
    timeline: {
      split: 'period',
      period: 'day',
      timestampColumn: c.time,
      scalar: 'column_drift_score',
      column: c.numeric,
      minWindowRows: 5,
      concept: { task: 'classification', target: c.target, prediction: c.prediction },
    },
    change: { column: c.numeric, detector: 'page_hinkley', params: { threshold: 5 }, orderBy: c.time },
    metrics: { transform: 'raw', timeColumn: c.time, series: [c.numeric, c.latency] },
    // A suite suggested from the hostile reference: its column names and categories reach the section.
    validation: { suite: null, dataset: 'current' },
    // Canary: the hostile group names are the models' names; the comparison again within each category.
    comparison: { mode: 'canary', target: c.target, prediction: c.prediction, modelColumn: c.group, segmentBy: c.category, bootstrap: 20 },
    abtest: { variant: c.group, binary: c.target, numeric: c.numeric, timestamp: c.time, looks: 3 },
    value: {
      target: c.target,
      predictions: [c.prediction],
      scores: [c.score],
      posLabel: '1',
      matrix: { tp: 5, fp: -1, tn: 0, fn: -10 },
      costPerPrediction: 0.01,
      chunks: 2,
      segmentColumn: c.group,
    },
    multivariate: { chunks: 2 },
    explain: { model: 'hostile', maxRows: 20, referenceRows: 20, backgroundSize: 10, local: { row: 1 } },
  };
  const kinds = spec.kinds ?? (Object.keys(configs) as CellKind[]);
  const cells: ReportCell[] = [];
  for (const kind of kinds) {
    const compute = CELL_REGISTRY[kind].compute as
      ((input: { reference: Dataset; current: Dataset }, config: unknown, options: { openModel: ModelOpener }) => Promise<unknown>) | undefined;
    const openModel = hostileModel(reference.meta.name, [c.numeric, c.price]);
    const result = compute ? await compute({ reference, current }, configs[kind], { openModel }) : undefined;
    cells.push({
      kind,
      title: `${spec.cellTitle} ${kind}`,
      config: configs[kind],
      ...(result === undefined ? {} : { result }),
      inputs: { reference: 'r', current: 'c' },
      segments: { reference: spec.segment },
    } as ReportCell);
  }
  const input: WorkspaceReportInput = {
    title: spec.title,
    appVersion: '0.1.0',
    engineVersion: 1,
    exportedAt: '2026-12-01T00:00:00.000Z',
    datasets: [reportDatasetOf('r', reference), reportDatasetOf('c', current)],
    cells,
  };
  const groups = kinds.includes('fairness') ? spec.groups : [];
  const names = [spec.title, reference.meta.name, current.meta.name, ...Object.values(c), ...cells.map((cell) => cell.title), spec.segment, ...groups];
  return { input, reference, current, columns: c, names };
}

/** Where controls were found raw: a few characters around each, with code points. */
function describeRaw(html: string): string[] {
  return rawControls(html)
    .slice(0, 5)
    .map(({ char, index }) => `U+${char.codePointAt(0)!.toString(16)} at ${index}: ${JSON.stringify(html.slice(Math.max(0, index - 40), index + 40))}`);
}

/**
 * The report shows no raw control and no injected markup, and each name (as ingested) appears,
 * visible-ized, as the whole text of a <bdi> — the isolation every user string gets.
 */
export function expectIsolated(html: string, names: readonly string[]): void {
  expect(describeRaw(html)).toEqual([]);
  const { document } = parseHTML(html);
  expect(document.querySelectorAll('script')).toHaveLength(1);
  expect(document.querySelectorAll('img, iframe, object, embed, link, form, [src]')).toHaveLength(0);
  expect([...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))).toEqual([]);
  const isolated = new Set([...document.querySelectorAll('bdi')].map((el) => el.textContent));
  const missing = names.filter((name) => name !== '' && !isolated.has(visibleControls(name)));
  expect(missing.map((name) => visibleControls(name))).toEqual([]);
}
