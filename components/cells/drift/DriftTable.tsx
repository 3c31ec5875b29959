'use client';
import { useMemo, useState } from 'react';
import type { ColumnDriftResult } from '../../../lib/drift/types';
import { PlotChart } from '../../charts/PlotChart';
import { formatCount, formatDriftScore, formatPercent, formatScore } from '../../format';
import { SpacerRow, useRowWindow } from '../../ui/windowing';
import { UserText } from '../../ui/UserText';
import { visibleControls } from '../../../lib/format';

type SortKey = 'name' | 'type' | 'method' | 'score' | 'drifted' | 'effect' | 'missing';

const missingShare = (c: ColumnDriftResult, side: 'reference' | 'current') => {
  const cells = c.count[side] + c.missing[side];
  return cells ? c.missing[side] / cells : 0;
};

// Sort values: drifted first, then larger effects; untested columns sort last.
const SORTERS: Record<SortKey, (c: ColumnDriftResult) => number | string> = {
  name: (c) => c.name,
  type: (c) => c.type,
  method: (c) => c.method ?? '~',
  score: (c) => (c.tested && typeof c.score === 'number' ? c.score : Infinity),
  drifted: (c) => (!c.tested ? 2 : c.drifted ? 0 : 1),
  effect: (c) => -(c.effectSize?.value ?? -Infinity),
  missing: (c) => -missingShare(c, 'current'),
};

const HEADERS: [SortKey | undefined, string, string?][] = [
  ['name', 'Column'],
  ['type', 'Type'],
  ['method', 'Method'],
  ['score', 'Score', 'num'],
  [undefined, 'Threshold', 'num'],
  ['drifted', 'Drifted'],
  ['effect', 'Effect size', 'num'],
  ['missing', 'Missing ref → cur'],
  [undefined, 'Distribution'],
];

interface Props {
  columns: ColumnDriftResult[];
  selected?: string;
  onSelect: (name: string) => void;
}

/** The per-column drift table: sortable by any header, filterable by name and by verdict. */
export function DriftTable({ columns, selected, onSelect }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean } | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [driftedOnly, setDriftedOnly] = useState(false);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const kept = columns.filter((c) => (!q || c.name.toLowerCase().includes(q)) && (!driftedOnly || c.drifted));
    if (!sort) return kept;
    const key = SORTERS[sort.key];
    return [...kept].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = x < y ? -1 : x > y ? 1 : 0;
      return sort.descending ? -order : order;
    });
  }, [columns, query, driftedOnly, sort]);
  // A wide file's table shows only the rows in view (100,000 columns are 100,000 rows).
  const rowWindow = useRowWindow(rows.length, { rowHeight: 44 });

  return (
    <div className="drift-table-block">
      <div className="table-tools">
        <input type="search" placeholder="Filter columns" aria-label="Filter columns by name" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="check">
          <input type="checkbox" checked={driftedOnly} onChange={(e) => setDriftedOnly(e.target.checked)} /> drifted only
        </label>
        <span className="muted">
          {formatCount(rows.length)} of {formatCount(columns.length)} columns
        </span>
      </div>
      <div className="table-wrap" {...rowWindow.scrollBox}>
        <table className="drift-table" data-testid="drift-table">
          <thead>
            <tr>
              {HEADERS.map(([key, title, cls]) => (
                <th key={title} scope="col" className={cls} aria-sort={key && sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  {key ? (
                    <button type="button" className="sort-button" onClick={() => setSort((s) => ({ key, descending: s?.key === key ? !s.descending : false }))}>
                      {title}
                      {sort?.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                    </button>
                  ) : (
                    title
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={rowWindow.before} columns={HEADERS.length} />
            {rows.slice(rowWindow.start, rowWindow.end).map((c) => (
              <tr
                key={c.name}
                data-window-row=""
                data-column={c.name}
                data-score={c.tested ? String(c.score ?? '') : undefined}
                data-drifted={c.tested ? String(c.drifted) : undefined}
                aria-selected={selected === c.name}
                className={selected === c.name ? 'selected' : undefined}
                onClick={() => onSelect(c.name)}
              >
                <th scope="row">
                  <button type="button" className="row-button" onClick={() => onSelect(c.name)} aria-label={`Show ${visibleControls(c.name)}`}>
                    <UserText text={c.name} clamp />
                  </button>
                  {c.role ? <span className="role-tag">{c.role}</span> : null}
                </th>
                <td>{c.type}</td>
                <td>{c.method ? <abbr title={c.selection ? `Why: ${c.selection}` : undefined}>{c.method}</abbr> : '—'}</td>
                <td className="num" data-testid="score">
                  {c.tested ? formatDriftScore(c.score, c.method) : '—'}
                </td>
                <td className="num">{c.threshold ?? '—'}</td>
                <td>
                  {!c.tested ? (
                    <>
                      <span className="badge badge-muted">not tested</span> <span className="muted reason">{c.reason}</span>
                    </>
                  ) : c.drifted ? (
                    <span className="badge badge-bad">Drift</span>
                  ) : (
                    <span className="badge badge-good">No drift</span>
                  )}
                </td>
                <td className="num">{c.effectSize ? formatScore(c.effectSize.value) : '—'}</td>
                <td
                  className={c.missingDrift?.drifted ? 'flagged' : undefined}
                  title={c.missingDrift?.drifted ? 'The share of missing values drifted' : undefined}
                >
                  {formatPercent(c.missing.reference, c.count.reference + c.missing.reference)} →{' '}
                  {formatPercent(c.missing.current, c.count.current + c.missing.current)}
                </td>
                <td>{c.distribution ? <PlotChart distribution={c.distribution} variant="sparkline" label={`Sparkline of ${c.name}`} /> : null}</td>
              </tr>
            ))}
            <SpacerRow height={rowWindow.after} columns={HEADERS.length} />
          </tbody>
        </table>
      </div>
    </div>
  );
}
