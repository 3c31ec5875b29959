import type { Table } from 'apache-arrow';
import type { Dataset } from '../data/types';
import { resolveColumnType } from '../profile/column-type';
import { formatCount } from '../format';
import { MAX_EMBEDDED_CHARS } from '../profile/embed-caps';
import { APP_VERSION } from '../version';
import { computeColumnQuality, type QualitySide } from './column-quality';
import { computeDatasetStats } from './dataset-quality';
import type { ColumnQuality, ColumnStats, QualityDatasetRef, QualityResult } from './types';

function describe({ meta, table }: Dataset): QualityDatasetRef {
  return { name: meta.name, format: meta.format, rows: table.numRows, columns: meta.schema.length, sha256: meta.sha256 };
}

function valueCount(table: Table, name: string): number {
  const vector = table.getChild(name);
  return vector ? vector.length - vector.nullCount : 0;
}

function preview(names: string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
}

/**
 * Data-quality summary (Facets Overview, Evidently DataSummary) of one file, or of a reference and
 * a current file side by side. Columns are typed as in drift: an all-missing side takes the other's type.
 */
export function computeQuality(reference: Dataset, current?: Dataset): QualityResult {
  const refSide: QualitySide = { table: reference.table, rows: reference.table.numRows };
  const curSide: QualitySide | undefined = current && { table: current.table, rows: current.table.numRows };
  const curTypes = new Map(current?.meta.schema.map((c) => [c.name, c.type]));
  const refNames = new Set(reference.meta.schema.map((c) => c.name));
  const warnings: string[] = [];

  const columns: ColumnQuality[] = reference.meta.schema.map(({ name, type: refType }) => {
    const curType = curTypes.get(name);
    if (!current || !curSide || curType === undefined) return computeColumnQuality(name, refType, refSide);
    const { type, conflict } = resolveColumnType(refType, curType, valueCount(reference.table, name), valueCount(current.table, name));
    if (conflict) warnings.push(`type conflict: column "${name}" is ${refType} in reference and ${curType} in current — summarised as ${type}`);
    return computeColumnQuality(name, type, refSide, curSide);
  });
  const onlyInReference = current ? reference.meta.schema.map((c) => c.name).filter((n) => !curTypes.has(n)) : [];
  const onlyInCurrent = current ? current.meta.schema.map((c) => c.name).filter((n) => !refNames.has(n)) : [];
  const cut = columns.filter(
    (c) => (c.reference.kind === 'categorical' && c.reference.truncated) || (c.current?.kind === 'categorical' && c.current.truncated),
  );
  if (cut.length) {
    // Also at the top (the report lists these): the column warnings say which side and how many.
    const longest = Math.max(...cut.flatMap((c) => [c.reference, c.current].map((s) => (s?.kind === 'categorical' && s.truncated?.longest) || 0)));
    warnings.push(
      `values longer than ${MAX_EMBEDDED_CHARS} characters are shown cut in ${preview(cut.map((c) => c.name))} (longest ${formatCount(longest)} characters; statistics use the full values)`,
    );
  }
  if (onlyInReference.length) warnings.push(`columns only in reference: ${preview(onlyInReference)}`);
  if (onlyInCurrent.length) warnings.push(`columns only in current: ${preview(onlyInCurrent)}`);

  const refStats = columns.map((c) => ({ name: c.name, stats: c.reference }));
  const result: QualityResult = {
    kind: 'quality',
    schemaVersion: 1,
    tool: { name: 'driftbook', version: APP_VERSION },
    reference: describe(reference),
    columns,
    onlyInReference,
    onlyInCurrent,
    dataset: { reference: computeDatasetStats(reference.table, refStats) },
    warnings,
  };
  if (current && curSide) {
    // The current's dataset facts cover all its columns; a column it alone has is typed from it alone.
    const byName = new Map(columns.map((c) => [c.name, c.current]));
    const curStats = current.meta.schema.map(({ name, type }): { name: string; stats: ColumnStats } => ({
      name,
      stats: byName.get(name) ?? computeColumnQuality(name, type, curSide).reference,
    }));
    result.current = describe(current);
    result.dataset.current = computeDatasetStats(current.table, curStats);
  }
  return result;
}
