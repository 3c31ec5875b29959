'use client';
import { useMemo, useState } from 'react';
import { formatNumber } from '../../lib/format';
import type { RunRecord } from '../../lib/store/tracking-records';
import { metricValue, nestRuns, runLabel, visibleRows, type MetricAggregate } from '../../lib/tracking/compare';
import { UserText } from '../ui/UserText';

export interface Column {
  /** `params.x`, `metrics.x`, `tags.x`, or one of the run's own fields. */
  id: string;
  label: string;
}

export const BASE_COLUMNS: Column[] = [
  { id: 'name', label: 'Run' },
  { id: 'status', label: 'Status' },
  { id: 'startTime', label: 'Started' },
  { id: 'duration', label: 'Duration' },
  { id: 'user', label: 'User' },
];

/** A cell's value (for sorting and showing): a metric as the chosen aggregate. */
export function cellValue(run: RunRecord, column: string, aggregate: MetricAggregate): string | number | null {
  if (column.startsWith('params.')) return run.params[column.slice(7)] ?? null;
  if (column.startsWith('tags.')) return run.tags[column.slice(5)] ?? null;
  if (column.startsWith('metrics.')) return metricValue(run.metrics[column.slice(8)], aggregate);
  switch (column) {
    case 'name':
      return runLabel(run);
    case 'status':
      return run.status;
    case 'startTime':
      return run.startTime;
    case 'duration':
      return run.endTime === null ? null : run.endTime - run.startTime;
    case 'user':
      return run.user;
    default:
      return null;
  }
}

function shown(column: string, value: string | number | null): string {
  if (value === null) return '—';
  if (column === 'startTime' && typeof value === 'number') return new Date(value).toISOString().replace('T', ' ').slice(0, 19);
  if (column === 'duration' && typeof value === 'number') return `${formatNumber(value / 1000)} s`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : formatNumber(value);
  return value;
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

interface Props {
  runs: RunRecord[];
  columns: Column[];
  aggregate: MetricAggregate;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
}

/** The runs as a sortable table; children under their parent (collapsed), a checkbox per run for compare. */
export function RunsTable({ runs, columns, aggregate, selected, onToggle, onOpen }: Props) {
  const [sort, setSort] = useState<{ column: string; desc: boolean }>({ column: 'startTime', desc: true });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => {
    const sorted = [...runs].sort((a, b) => {
      const c = compareValues(cellValue(a, sort.column, aggregate), cellValue(b, sort.column, aggregate));
      return sort.desc ? -c : c;
    });
    return visibleRows(nestRuns(sorted), expanded);
  }, [runs, sort, aggregate, expanded]);
  const toggleExpanded = (id: string) =>
    setExpanded((e) => {
      const next = new Set(e);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="table-wrap runs-table-wrap">
      <table className="drift-table runs-table" data-testid="runs-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Compare</span>
            </th>
            {columns.map((c) => (
              <th key={c.id} scope="col" aria-sort={sort.column === c.id ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="button-link" onClick={() => setSort((s) => ({ column: c.id, desc: s.column === c.id ? !s.desc : false }))}>
                  <UserText text={c.label} />
                  {sort.column === c.id ? (sort.desc ? ' ↓' : ' ↑') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ run, depth, children }) => (
            <tr key={run.id} data-run-id={run.id} className={run.lifecycleStage === 'deleted' ? 'run-deleted' : undefined}>
              <td>
                <input type="checkbox" aria-label={`Compare ${runLabel(run)}`} checked={selected.has(run.id)} onChange={() => onToggle(run.id)} />
              </td>
              {columns.map((c) =>
                c.id === 'name' ? (
                  <th key={c.id} scope="row" style={{ paddingLeft: `${0.5 + depth * 1.2}rem` }}>
                    {children.length ? (
                      <button type="button" className="button-link run-expand" aria-expanded={expanded.has(run.id)} onClick={() => toggleExpanded(run.id)}>
                        {expanded.has(run.id) ? '▾' : '▸'}
                        <span className="visually-hidden">{children.length} child runs</span>
                      </button>
                    ) : null}{' '}
                    <button type="button" className="button-link" onClick={() => onOpen(run.id)}>
                      <UserText text={runLabel(run)} clamp />
                    </button>
                    {children.length ? <span className="muted"> ({children.length})</span> : null}
                  </th>
                ) : (
                  <td key={c.id} className={c.id.startsWith('metrics.') ? 'num' : undefined}>
                    <UserText text={shown(c.id, cellValue(run, c.id, aggregate))} clamp />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="muted">No runs match.</p> : null}
    </div>
  );
}
