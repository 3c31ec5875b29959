'use client';
import type { ColumnQuality, ColumnStats, DatasetStats } from '../../lib/quality/types';
import type { DistributionSummary } from '../../lib/drift/types';
import { PlotChart } from '../charts/PlotChart';
import type { CellProps } from './types';
import { formatCount, formatPercent, formatScore } from '../format';
import { SpacerRow, useRowWindow } from '../ui/windowing';
import { UserText } from '../ui/UserText';
import { Warnings } from '../ui/Warnings';
import { visibleControls } from '../../lib/format';

/** Column names listed in the dataset line; the rest are counted. */
const LISTED_NAMES = 20;

const pct = (share: number | undefined | null) => (share === undefined || share === null ? '—' : formatPercent(share, 1));
const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatScore(x));
// null: not known from a profile-only side (it needs the rows).
const count = (n: number | null) => (n === null ? '—' : formatCount(n));

function Side({ stats, flagged }: { stats?: ColumnStats; flagged?: boolean }) {
  if (!stats) return <span className="muted">—</span>;
  return (
    <span className={flagged ? 'flagged' : undefined}>
      {stats.kind === 'numeric' ? num(stats.mean) : stats.top === null ? '—' : <UserText text={stats.top} clamp />}
    </span>
  );
}

function summary(stats: ColumnStats): string {
  if (stats.kind === 'numeric') return `min ${num(stats.min)} · median ${num(stats.median)} · max ${num(stats.max)} · std ${num(stats.std)}`;
  const share = stats.topFrequency === null ? '' : ` ${formatPercent(stats.topFrequency, stats.count || 1)}`;
  return `${count(stats.categories)} categories · top “${stats.top === null ? '—' : visibleControls(stats.top)}”${share}`;
}

/** Both sides' shapes as a sparkline: the quality histograms share their edges; categories by top values. */
function miniDistribution(column: ColumnQuality): DistributionSummary | undefined {
  const { reference: ref, current: cur } = column;
  if (ref.kind === 'numeric' && ref.histogram) {
    const curCounts = cur?.kind === 'numeric' && cur.histogram ? cur.histogram.counts : ref.histogram.counts.map(() => 0);
    return { kind: 'histogram', edges: ref.histogram.edges, reference: ref.histogram.counts, current: curCounts };
  }
  if (ref.kind === 'categorical' && column.type !== 'text' && column.type !== 'datetime' && ref.topCategories.length) {
    const categories = ref.topCategories.map((c) => c.value);
    const curTop = new Map(cur?.kind === 'categorical' ? cur.topCategories.map((c) => [c.value, c.count]) : []);
    const reference = ref.topCategories.map((c) => c.count);
    const current = categories.map((c) => curTop.get(c) ?? 0);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return {
      kind: 'categories',
      categories,
      reference,
      current,
      otherReference: ref.count - sum(reference),
      otherCurrent: Math.max(0, (cur?.count ?? 0) - sum(current)),
      distinct: ref.distinct ?? ref.topCategories.length,
    };
  }
  return undefined;
}

function ColumnRow({ column }: { column: ColumnQuality }) {
  const mini = miniDistribution(column);
  const { reference: ref, current: cur } = column;
  const newShare = cur?.kind === 'categorical' ? cur.newCategoryShare : undefined;
  const outOfRange = cur?.kind === 'numeric' ? cur.outOfRangeShare : undefined;
  const zeros = (s?: ColumnStats) => (s?.kind === 'numeric' ? s.zerosShare : undefined);
  return (
    <tr data-column={column.name} data-window-row="">
      <th scope="row" title={visibleControls(column.warnings.join('\n'), { lines: true }) || undefined}>
        <UserText text={column.name} clamp />
        {column.warnings.length ? <span className="warn-dot" aria-label={`${column.warnings.length} warnings`} /> : null}
      </th>
      <td>{column.type}</td>
      <td className="num">
        {formatCount(ref.count)} → {cur ? formatCount(cur.count) : '—'}
      </td>
      <td className={`num${ref.highMissing || cur?.highMissing ? ' flagged' : ''}`} data-testid="missing">
        {pct(ref.missingShare)} → {pct(cur?.missingShare)}
      </td>
      <td className={`num${ref.hasNonFinite || cur?.hasNonFinite ? ' flagged' : ''}`}>
        {ref.nonFinite} → {cur ? cur.nonFinite : '—'}
      </td>
      <td className="num">
        {count(ref.distinct)} → {cur ? count(cur.distinct) : '—'}
      </td>
      <td className={ref.highZeros || cur?.highZeros ? 'flagged' : undefined}>{ref.kind === 'numeric' ? `${pct(zeros(ref))} → ${pct(zeros(cur))}` : '—'}</td>
      <td>
        <Side stats={ref} /> → <Side stats={cur} />
        <div className="muted small">{summary(ref)}</div>
      </td>
      <td>{mini ? <PlotChart distribution={mini} variant="sparkline" label={`Distribution of ${column.name}`} /> : null}</td>
      <td className={(newShare ?? 0) > 0 || (outOfRange ?? 0) > 0 ? 'flagged' : undefined} data-testid="shift">
        {newShare !== undefined
          ? `${pct(newShare)} new${cur?.kind === 'categorical' && cur.vanishedCategoryCount ? ` · ${cur.vanishedCategoryCount} vanished` : ''}`
          : outOfRange !== undefined
            ? `${pct(outOfRange)} out of range`
            : '—'}
      </td>
    </tr>
  );
}

function DatasetLine({ label, stats, fromProfile }: { label: string; stats?: DatasetStats; fromProfile?: boolean }) {
  if (!stats) return null;
  // A wide file may have thousands of constant columns: the first few are named, the rest counted.
  const list = (names: string[]) =>
    names.length === 0
      ? 'none'
      : names.length > LISTED_NAMES
        ? `${names
            .slice(0, LISTED_NAMES)
            .map((n) => visibleControls(n))
            .join(', ')} and ${formatCount(names.length - LISTED_NAMES)} more`
        : names.map((n) => visibleControls(n)).join(', ');
  return (
    <p className="muted dataset-line">
      <strong>{label}</strong>
      {fromProfile ? (
        <>
          {' '}
          <span className="badge badge-muted" title="summarised from a profile: quantiles, zeros, distinct numeric values and duplicated rows need the rows">
            from profile
          </span>
        </>
      ) : null}
      : {formatCount(stats.rows)} rows × {formatCount(stats.columns)} columns · {count(stats.duplicatedRows)} duplicated rows · constant:{' '}
      {list(stats.constantColumns)} · almost constant (≥ 95% one value): {list(stats.almostConstantColumns)} · all missing: {list(stats.allMissingColumns)}
    </p>
  );
}

/** The data-quality cell (Facets Overview / Evidently DataSummary): reference vs current per column, problems highlighted. */
export function QualityCell({ cell }: CellProps<'quality'>) {
  const result = cell.result?.kind === 'quality' ? cell.result : undefined;
  // A wide file's table shows only the rows in view (100,000 columns are 100,000 rows).
  const rowWindow = useRowWindow(result?.columns.length ?? 0, { rowHeight: 52 });
  return (
    <>
      {result ? (
        <>
          <DatasetLine label="Reference" stats={result.dataset.reference} fromProfile={result.fromProfile?.reference} />
          <DatasetLine label="Current" stats={result.dataset.current} fromProfile={result.fromProfile?.current} />
          <div className="table-wrap" {...rowWindow.scrollBox}>
            <table className="drift-table quality-table" data-testid="quality-table">
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Type</th>
                  <th scope="col" className="num">
                    Count ref → cur
                  </th>
                  <th scope="col" className="num">
                    Missing
                  </th>
                  <th scope="col" className="num">
                    Non-finite
                  </th>
                  <th scope="col" className="num">
                    Distinct
                  </th>
                  <th scope="col">Zeros</th>
                  <th scope="col">Mean / top value</th>
                  <th scope="col">Distribution</th>
                  <th scope="col">New in current</th>
                </tr>
              </thead>
              <tbody>
                <SpacerRow height={rowWindow.before} columns={10} />
                {result.columns.slice(rowWindow.start, rowWindow.end).map((c) => (
                  <ColumnRow key={c.name} column={c} />
                ))}
                <SpacerRow height={rowWindow.after} columns={10} />
              </tbody>
            </table>
          </div>
          <Warnings warnings={result.warnings} label="Data-quality warnings" />
          <p className="muted small">Highlighted as Facets does: missing over 2%, zeros over 10%, any non-finite value, values new in current.</p>
        </>
      ) : null}
    </>
  );
}
