import type { ColumnType, Dataset, DatasetMeta } from '../data/types';
import { AnalysisError } from '../errors';
import { formatCount } from '../format';
import { truncationNote } from '../profile/embed-caps';
import { barData, histogramData, lineData } from './chart-bins';
import { boxData } from './chart-box';
import { type ColumnValues, numbersAsCodes, readCodes, readNumbers, readTimes } from './chart-columns';
import { type PreparedSide, type RowSelection, datumKey, selectRows, shareTopCodes, skippedNote } from './chart-rows';
import { SAMPLE_SIZE, sampleRows } from './chart-sample';
import { CHART_MARKS, type ChartConfig, type ChartData, type ChartDatum, type ChartMark, type ChartSide } from './chart-types';

export const MAX_FACETS = 6;
export const MAX_BAR_CATEGORIES = 30;
export const MAX_BOX_GROUPS = 20;

type Role = 'x' | 'y' | 'facet';

interface RoleSpec {
  required: boolean;
  types: readonly ColumnType[];
  /** What to choose instead, for the error message. */
  remedy: string;
}

const NUMERIC: RoleSpec = { required: true, types: ['numeric'], remedy: 'choose a numeric column' };
const GROUPS: readonly ColumnType[] = ['categorical', 'boolean'];
const FACET: RoleSpec = { required: false, types: GROUPS, remedy: 'choose a categorical or boolean column, or no facet' };

/** Which columns each mark reads, and of which types. */
const SPECS: Record<ChartMark, Partial<Record<Role, RoleSpec>>> = {
  histogram: { x: { ...NUMERIC, remedy: 'choose a numeric column, or the bar mark for categories' } },
  bar: {
    // Numbers too, when they take few values (checked once read).
    x: { required: true, types: [...GROUPS, 'numeric'], remedy: 'choose a categorical or boolean column, or the histogram mark for numbers' },
  },
  line: {
    x: { required: true, types: ['datetime', 'numeric'], remedy: 'choose a datetime or numeric column' },
    y: { required: false, types: ['numeric'], remedy: 'choose a numeric column, or none to count rows' },
  },
  scatter: { x: NUMERIC, y: NUMERIC },
  box: {
    x: { required: false, types: GROUPS, remedy: 'choose a categorical or boolean column to group by, or none' },
    y: { ...NUMERIC, remedy: 'choose a numeric column for the boxes' },
  },
};

const ARTICLE: Record<Role, string> = { x: 'an x', y: 'a y', facet: 'a facet' };

interface SideInput {
  side: ChartSide;
  opened: Dataset;
}

function typeOf(meta: DatasetMeta, name: string): ColumnType | undefined {
  return meta.schema.find((c) => c.name === name)?.type;
}

function listColumns(meta: DatasetMeta): string {
  const names = meta.schema.map((c) => `"${c.name}"`);
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
}

/** The roles a config uses, checked against the mark; a required column left out is an error. */
function chosenColumns(config: ChartConfig): Partial<Record<Role, string>> {
  const spec = SPECS[config.mark];
  const chosen: Partial<Record<Role, string>> = {};
  for (const role of ['x', 'y', 'facet'] as const) {
    const roleSpec = role === 'facet' ? FACET : spec[role];
    const name = config[role] || undefined;
    if (!roleSpec) continue;
    if (name !== undefined) chosen[role] = name;
    else if (roleSpec.required) {
      throw new AnalysisError('chart-missing-column', `${config.mark} needs ${ARTICLE[role]} column: none chosen — ${roleSpec.remedy}`);
    }
  }
  return chosen;
}

/** The sides to draw: asked for, present, and having every chosen column (else left out with a warning). */
function chooseSides(reference: Dataset | undefined, current: Dataset | undefined, config: ChartConfig, names: string[], warnings: string[]): SideInput[] {
  const wanted = config.sides ?? 'both';
  const candidates: SideInput[] = [];
  if (reference && wanted !== 'current') candidates.push({ side: 'reference', opened: reference });
  if (current && wanted !== 'reference') candidates.push({ side: 'current', opened: current });
  if (candidates.length === 0) {
    const side = wanted === 'both' ? 'reference' : wanted;
    throw new AnalysisError('missing-input', `no ${side} dataset: the chart draws the ${side} — choose a ${side} dataset in the cell's inputs`);
  }
  for (const name of names) {
    if (!candidates.some(({ opened }) => typeOf(opened.meta, name))) {
      const meta = candidates[0]!.opened.meta;
      throw new AnalysisError('unknown-column', `unknown column: "${name}" — choose one of ${listColumns(meta)}`);
    }
  }
  return candidates.filter(({ side, opened }) => {
    const absent = names.filter((name) => !typeOf(opened.meta, name));
    if (absent.length === 0) return true;
    warnings.push(`${side}: no column ${absent.map((n) => `"${n}"`).join(', ')} in ${opened.meta.name} — ${side} left out`);
    return false;
  });
}

function checkTypes(config: ChartConfig, chosen: Partial<Record<Role, string>>, sides: SideInput[]): void {
  for (const [role, name] of Object.entries(chosen) as [Role, string][]) {
    const spec = role === 'facet' ? FACET : SPECS[config.mark][role]!;
    const types = sides.map(({ opened }) => typeOf(opened.meta, name)!);
    for (const [s, { side }] of sides.entries()) {
      const type = types[s]!;
      if (spec.types.includes(type)) continue;
      // Name the side only when the two sides disagree on the type.
      const where = types.some((t) => t !== type) ? ` in ${side}` : '';
      throw new AnalysisError('chart-column-type', `${config.mark} ${role} must be ${spec.types.join(' or ')}: "${name}" is ${type}${where} — ${spec.remedy}`);
    }
  }
}

/** Reads one role's column on every side, in the form the mark aggregates. */
function readRole(config: ChartConfig, role: Role, name: string, sides: SideInput[]): { values: ColumnValues[]; time?: boolean } {
  const types = sides.map(({ opened }) => typeOf(opened.meta, name)!);
  const tables = sides.map(({ opened }) => opened.table);
  if (role === 'facet') return { values: tables.map((t) => readCodes(t, name)) };
  if (role === 'x' && config.mark === 'line') {
    const time = types.includes('datetime');
    if (time && !types.every((t) => t === 'datetime')) {
      throw new AnalysisError('chart-column-type', `line x has two types: "${name}" is ${types.join(' and ')} — choose a column with one type on both sides`);
    }
    return { values: tables.map((t) => (time ? readTimes(t, name) : readNumbers(t, name))), time };
  }
  const numeric = role === 'y' || config.mark === 'histogram' || config.mark === 'scatter' || (config.mark === 'bar' && types.includes('numeric'));
  return { values: tables.map((t) => (numeric ? readNumbers(t, name) : readCodes(t, name))) };
}

function codesOf(values: ColumnValues): { codes: Int32Array; labels: string[] } {
  if (values.kind !== 'codes') throw new Error('custom chart: expected category codes');
  return values;
}

/**
 * The aggregates a custom chart draws, from one or two datasets: bins, counts, quartiles, or a
 * bounded sample — never every row, so the result stays small whatever the datasets' size.
 */
export function computeChartData(reference: Dataset | undefined, current: Dataset | undefined, config: ChartConfig): ChartData {
  if (!CHART_MARKS.includes(config.mark)) {
    throw new AnalysisError('chart-mark', `unknown chart mark: ${String(config.mark)} — choose one of ${CHART_MARKS.join(', ')}`);
  }
  const { mark } = config;
  const chosen = chosenColumns(config);
  const warnings: string[] = [];
  const notes: string[] = [];
  const inputs = chooseSides(reference, current, config, [...new Set(Object.values(chosen))], warnings);
  checkTypes(config, chosen, inputs);

  const read: Partial<Record<Role, { values: ColumnValues[]; time?: boolean }>> = {};
  for (const [role, name] of Object.entries(chosen) as [Role, string][]) read[role] = readRole(config, role, name, inputs);

  // Bars of a numeric column: its (few) values as categories, kept in value order.
  let byValue: string[] | undefined;
  if (mark === 'bar' && read.x?.values[0]?.kind === 'numbers') {
    const numbers = read.x.values.map((v) => (v.kind === 'numbers' ? v.values : new Float64Array()));
    const coded = numbersAsCodes(numbers, MAX_BAR_CATEGORIES);
    if (!coded) {
      throw new AnalysisError(
        'chart-column-type',
        `bar x has too many distinct numbers: "${chosen.x}" has more than ${MAX_BAR_CATEGORIES} — choose the histogram mark for it`,
      );
    }
    read.x.values = coded.codes.map((codes) => ({ kind: 'codes', codes, labels: coded.labels }));
    byValue = coded.labels;
  }

  const selections: RowSelection[] = inputs.map(({ opened }, s) =>
    selectRows(
      opened.table.numRows,
      (Object.entries(read) as [Role, { values: ColumnValues[] }][]).map(([role, r]) => ({ name: chosen[role]!, values: r.values[s]! })),
    ),
  );
  inputs.forEach(({ side }, s) => {
    const note = skippedNote(side, selections[s]!);
    if (note) notes.push(note);
    const x = read.x?.values[s];
    if (x?.kind === 'numbers' && x.unparsed) {
      warnings.push(`${side}: ${formatCount(x.unparsed)} values of "${chosen.x}" are not ISO 8601 dates (e.g. "${x.unparsedExample}") and were skipped`);
    }
    if (selections[s]!.rows.length === 0) warnings.push(`${side}: no rows with every chosen column — nothing to draw for it`);
  });

  const sides: PreparedSide[] = inputs.map(({ side }, s) => ({ side, rows: selections[s]!.rows }));
  const shared = (role: Role, max: number, noun: string) =>
    shareTopCodes(
      inputs.map((_, s) => ({ ...codesOf(read[role]!.values[s]!), rows: selections[s]!.rows })),
      max,
      noun,
    );

  let facets: string[] | undefined;
  if (read.facet) {
    const top = shared('facet', MAX_FACETS, 'values');
    facets = top.labels;
    sides.forEach((side, s) => (side.facet = top.codes[s]));
    if (top.other) notes.push(`panels: the ${MAX_FACETS} most frequent values of "${chosen.facet}", the other ${formatCount(top.other)} together`);
    if (top.truncated) notes.push(truncationNote(top.truncated, 'panels: '));
  }

  let domain: string[] | undefined;
  let otherLabel: string | undefined;
  const grouped = mark === 'bar' || (mark === 'box' && read.x);
  if (byValue) {
    domain = byValue;
    sides.forEach((side, s) => (side.xCodes = codesOf(read.x!.values[s]!).codes));
  } else if (grouped && read.x) {
    const max = mark === 'bar' ? MAX_BAR_CATEGORIES : MAX_BOX_GROUPS;
    const noun = mark === 'bar' ? 'categories' : 'groups';
    const top = shared('x', max, noun);
    domain = top.labels;
    if (top.other) otherLabel = top.labels.at(-1);
    sides.forEach((side, s) => (side.xCodes = top.codes[s]));
    if (top.other) notes.push(`the ${max} most frequent ${noun} of "${chosen.x}", the other ${formatCount(top.other)} as one`);
    if (top.truncated) notes.push(truncationNote(top.truncated, `${noun}: `));
  } else if (read.x) {
    sides.forEach((side, s) => (side.x = (read.x!.values[s] as { values: Float64Array }).values));
  }
  if (read.y) sides.forEach((side, s) => (side.y = (read.y!.values[s] as { values: Float64Array }).values));

  let data: ChartDatum[];
  let yLabel: string | undefined;
  switch (mark) {
    case 'histogram': {
      const result = histogramData(sides, facets);
      data = result.data;
      notes.push(...result.notes);
      yLabel = '% of rows';
      break;
    }
    case 'bar':
      data = barData(sides, facets, domain!).data;
      yLabel = '% of rows';
      break;
    case 'line': {
      const result = lineData(sides, facets, read.x!.time === true, chosen.y);
      data = result.data;
      notes.push(...result.notes);
      yLabel = chosen.y !== undefined ? `mean ${chosen.y}` : 'rows';
      break;
    }
    case 'scatter':
      data = scatterData(sides, facets, notes);
      yLabel = chosen.y;
      break;
    case 'box':
      data = boxData(sides, facets, domain);
      notes.push('boxes: quartiles (numpy linear), whiskers at the furthest values within 1.5 IQR (Tukey)');
      yLabel = chosen.y;
      break;
  }

  return {
    kind: 'chart',
    mark,
    ...(chosen.x !== undefined ? { x: chosen.x, xLabel: chosen.x } : {}),
    ...(chosen.y !== undefined ? { y: chosen.y } : {}),
    ...(chosen.facet !== undefined ? { facet: chosen.facet } : {}),
    ...(yLabel !== undefined ? { yLabel } : {}),
    ...(read.x ? { xType: domain ? 'category' : read.x.time ? 'time' : 'number' } : {}),
    sides: sides.map((s) => s.side),
    ...(domain ? { domain } : {}),
    ...(otherLabel !== undefined ? { otherLabel } : {}),
    ...(facets ? { facets } : {}),
    notes,
    data,
    warnings,
  };
}

/** At most SAMPLE_SIZE points per side, the same sample on every run. */
function scatterData(sides: readonly PreparedSide[], facets: readonly string[] | undefined, notes: string[]): ChartDatum[] {
  const data: ChartDatum[] = [];
  for (const { side, rows, x, y, facet } of sides) {
    const sample = sampleRows(rows, SAMPLE_SIZE);
    if (sample.length < rows.length)
      notes.push(`${side}: sample of ${formatCount(sample.length)} of ${formatCount(rows.length)} rows (seeded, the same on every run)`);
    for (let i = 0; i < sample.length; i++) {
      const row = sample[i]!;
      data.push({ ...datumKey(side, facets, facet ? facet[row]! : 0), x: x![row]!, y: y![row]! });
    }
  }
  return data;
}
