import type { Table } from 'apache-arrow';
import { countDuplicatedRows } from './duplicate-rows';
import type { ColumnStats, DatasetStats } from './types';

/** Share of non-missing cells holding one value at which a column counts as almost constant. */
export const ALMOST_CONSTANT_SHARE = 0.95;

/** Constant, almost constant and all-missing columns from their stats (an unknown distinct count or top frequency names none). */
export function columnFacts(
  columns: { name: string; stats: ColumnStats }[],
): Pick<DatasetStats, 'constantColumns' | 'almostConstantColumns' | 'allMissingColumns'> {
  const names = (keep: (s: ColumnStats) => boolean) => columns.filter((c) => keep(c.stats)).map((c) => c.name);
  return {
    constantColumns: names((s) => s.distinct === 1),
    almostConstantColumns: names((s) => s.distinct !== null && s.distinct > 1 && s.topFrequency !== null && s.topFrequency / s.count >= ALMOST_CONSTANT_SHARE),
    allMissingColumns: names((s) => s.count === 0),
  };
}

/** Dataset-wide facts for one side, from its columns' stats (every column of the table, in order). */
export function computeDatasetStats(table: Table, columns: { name: string; stats: ColumnStats }[]): DatasetStats {
  return { rows: table.numRows, columns: columns.length, duplicatedRows: countDuplicatedRows(table), ...columnFacts(columns) };
}
