import { countValues, nullCount, readNumbers } from '../../data/columns';
import type { Dataset } from '../../data/types';
import { AnalysisError } from '../../errors';
import { categoryCounts } from './categories';
import { checkEdges, defaultEdges, fixedHistogram } from './fixed-histogram';
import { createKll, updateKll } from './kll';
import { momentsOf } from './moments';
import { DEFAULT_MAX_CATEGORIES, DEFAULT_SKETCH_K, PROFILE_FORMAT, PROFILE_VERSION, type DbProfile, type ProfileColumn, type ProfileSource } from './types';

export interface BuildProfileOptions {
  /** Fixed histogram edges per numeric column (`--edges col=e1,e2,…`). */
  edges?: Record<string, number[]>;
  /** Take edges (and the category limit) from another profile, so the two can be compared or merged. */
  edgesFrom?: DbProfile;
  maxCategories?: number;
  sketchK?: number;
  /** Defaults to the dataset's name and SHA-256. */
  source?: ProfileSource;
  /** Called after each column with (done, total): a million-row dataset takes seconds. */
  onProgress?: (done: number, total: number) => void;
}

function numericColumn(dataset: Dataset, name: string, edges: number[] | undefined, sketchK: number): ProfileColumn {
  const values = readNumbers(dataset.table, name);
  let missing = 0;
  let nonFinite = 0;
  const finite = new Float64Array(values.length);
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x !== x) missing++;
    else if (x === Infinity || x === -Infinity) nonFinite++;
    else {
      finite[n++] = x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  // Row order is kept: the moments' compensated sums and the sketch both read it.
  const rows = finite.subarray(0, n);
  const sketch = createKll(sketchK);
  updateKll(sketch, rows);
  const column: ProfileColumn = {
    name,
    type: 'numeric',
    count: n,
    missing,
    nonFinite,
    min: n ? min : null,
    max: n ? max : null,
    moments: momentsOf(rows),
    sketch,
  };
  if (edges || n) column.histogram = fixedHistogram(rows, edges ?? defaultEdges(min, max), name);
  return column;
}

function countedColumn(dataset: Dataset, name: string, type: 'categorical' | 'boolean' | 'text', maxCategories: number): ProfileColumn {
  const { categories, counts, missing } = countValues(dataset.table, name);
  let count = 0;
  for (const c of counts) count += c;
  return { name, type, count, missing, nonFinite: 0, min: null, max: null, categories: categoryCounts(categories, counts, maxCategories) };
}

function edgesFor(name: string, options: BuildProfileOptions): number[] | undefined {
  const given = options.edges?.[name];
  if (given) {
    checkEdges(given, name);
    return given;
  }
  return options.edgesFrom?.columns.find((c) => c.name === name)?.histogram?.edges;
}

function limitFrom(profile: DbProfile | undefined): number | undefined {
  return profile?.columns.find((c) => c.categories)?.categories?.maxCategories;
}

/** Profiles every column of a dataset in one pass per column (see types.ts for what is kept). */
export function buildProfile(dataset: Dataset, options: BuildProfileOptions = {}): DbProfile {
  const maxCategories = options.maxCategories ?? limitFrom(options.edgesFrom) ?? DEFAULT_MAX_CATEGORIES;
  const sketchK = options.sketchK ?? options.edgesFrom?.columns.find((c) => c.sketch)?.sketch?.k ?? DEFAULT_SKETCH_K;
  for (const name of Object.keys(options.edges ?? {})) {
    const column = dataset.meta.schema.find((c) => c.name === name);
    if (!column || column.type !== 'numeric') {
      const why = column ? `is ${column.type}, edges apply to numeric columns` : 'is not in the dataset';
      throw new AnalysisError('invalid-bins', `--edges column "${name}": ${why}`);
    }
  }
  const { schema } = dataset.meta;
  const column = ({ name, type }: (typeof schema)[number]): ProfileColumn => {
    if (type === 'numeric') return numericColumn(dataset, name, edgesFor(name, options), sketchK);
    if (type === 'datetime') {
      const missing = nullCount(dataset.table, name);
      return { name, type, count: dataset.table.numRows - missing, missing, nonFinite: 0, min: null, max: null };
    }
    return countedColumn(dataset, name, type, maxCategories);
  };
  const columns = schema.map((c, i) => {
    const profiled = column(c);
    options.onProgress?.(i + 1, schema.length);
    return profiled;
  });
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    rows: dataset.table.numRows,
    source: options.source ?? { names: [dataset.meta.name], sha256: [dataset.meta.sha256] },
    columns,
  };
}
