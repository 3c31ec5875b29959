'use client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { showChartControls } from '../../lib/charts/chart-text';
import { customChart } from '../../lib/charts/custom-chart';
import { CHART_MARKS, type ChartConfig, type ChartData, type ChartMark } from '../../lib/explore/chart-types';
import type { CellProps } from './types';
import { visibleControls } from '../../lib/format';
import { UserText } from '../ui/UserText';
import { Warnings } from '../ui/Warnings';

type Column = { name: string; type: string };
type Role = 'x' | 'y' | 'facet';

const MARK_LABELS: Record<ChartMark, string> = {
  histogram: 'Histogram',
  bar: 'Bars (categories)',
  line: 'Line over time',
  scatter: 'Scatter',
  box: 'Box plot',
};

const GROUPS = ['categorical', 'boolean'];

/** Which column types each mark accepts per role (as lib/charts/custom-chart-data.ts checks them); absent: role unused. */
const ROLE_TYPES: Record<ChartMark, Partial<Record<Role, { types: string[]; required: boolean; label: string }>>> = {
  histogram: { x: { types: ['numeric'], required: true, label: 'x (numeric)' } },
  bar: { x: { types: [...GROUPS, 'numeric'], required: true, label: 'x (categories)' } },
  line: {
    x: { types: ['datetime', 'numeric'], required: true, label: 'x (time or number)' },
    y: { types: ['numeric'], required: false, label: 'y (mean per bin)' },
  },
  scatter: { x: { types: ['numeric'], required: true, label: 'x (numeric)' }, y: { types: ['numeric'], required: true, label: 'y (numeric)' } },
  box: { y: { types: ['numeric'], required: true, label: 'y (numeric)' }, x: { types: GROUPS, required: false, label: 'group by' } },
};

const FACET = { types: GROUPS, required: false, label: 'facet (panels)' };

/** Column choices when the lead's `columns` prop is absent: the columns the last result used. */
function columnsOfResult(result: ChartData | undefined): Column[] {
  if (!result) return [];
  const names = [result.x, result.y, result.facet].filter((n): n is string => n !== undefined);
  return [...new Set(names)].map((name) => ({ name, type: '' }));
}

/** A config without empty choices or roles the mark does not use. */
function cleanConfig(draft: ChartConfig): ChartConfig {
  const roles = ROLE_TYPES[draft.mark];
  const config: ChartConfig = { mark: draft.mark, sides: draft.sides ?? 'both' };
  if (roles.x && draft.x) config.x = draft.x;
  if (roles.y && draft.y) config.y = draft.y;
  if (draft.facet) config.facet = draft.facet;
  return config;
}

function ColumnSelect(props: { role: Role; mark: ChartMark; value?: string; columns: Column[]; onChange: (name?: string) => void }) {
  const spec = props.role === 'facet' ? FACET : ROLE_TYPES[props.mark][props.role];
  if (!spec) return null;
  // Columns of unknown type (fallback list) are offered for every role; the compute checks them.
  const options = props.columns.filter((c) => c.type === '' || spec.types.includes(c.type));
  const known = props.value === undefined || options.some((c) => c.name === props.value);
  return (
    <label className="field">
      <span>{spec.label}</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || undefined)} aria-label={`Chart ${spec.label}`}>
        <option value="">{spec.required ? 'choose a column…' : 'none'}</option>
        {known ? null : (
          <option value={props.value}>
            {visibleControls(props.value ?? '')} ({props.columns.some((c) => c.name === props.value) ? `not ${spec.types.join(' or ')}` : 'not in the data'})
          </option>
        )}
        {options.map((c) => (
          <option key={c.name} value={c.name}>
            {c.type ? `${visibleControls(c.name)} (${c.type})` : visibleControls(c.name)}
          </option>
        ))}
      </select>
    </label>
  );
}

function ChartForm({
  config,
  columns,
  disabled,
  onApply,
}: {
  config: ChartConfig;
  columns: Column[];
  disabled: boolean;
  onApply: (config: ChartConfig) => void;
}) {
  const [draft, setDraft] = useState<ChartConfig>({ ...config, mark: config.mark ?? 'histogram' });
  const set = (patch: Partial<ChartConfig>) => setDraft((d) => ({ ...d, ...patch }));
  const roles = ROLE_TYPES[draft.mark];
  const missing = (['x', 'y'] as const).filter((role) => roles[role]?.required && !draft[role]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(cleanConfig(draft));
  };
  return (
    <form className="settings-grid chart-form" onSubmit={submit} aria-label="Chart settings">
      <label className="field">
        <span>mark</span>
        <select value={draft.mark} onChange={(e) => set({ mark: e.target.value as ChartMark })} aria-label="Chart mark">
          {CHART_MARKS.map((mark) => (
            <option key={mark} value={mark}>
              {MARK_LABELS[mark]}
            </option>
          ))}
        </select>
      </label>
      {(draft.mark === 'box' ? (['y', 'x', 'facet'] as const) : (['x', 'y', 'facet'] as const)).map((role) => (
        <ColumnSelect key={role} role={role} mark={draft.mark} value={draft[role]} columns={columns} onChange={(name) => set({ [role]: name })} />
      ))}
      <label className="field">
        <span>datasets</span>
        <select value={draft.sides ?? 'both'} onChange={(e) => set({ sides: e.target.value as ChartConfig['sides'] })} aria-label="Chart datasets">
          <option value="both">reference and current</option>
          <option value="reference">reference only</option>
          <option value="current">current only</option>
        </select>
      </label>
      <div className="settings-actions chart-apply">
        <button
          type="submit"
          className="button button-primary"
          disabled={disabled || missing.length > 0}
          title={missing.length ? `Choose ${missing.join(' and ')} first` : undefined}
        >
          Apply
        </button>
      </div>
    </form>
  );
}

/** Draws the lib/charts builder's SVG (the same one the exported report embeds) into the page. */
function CustomChartView({ data }: { data: ChartData }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = host.current;
    if (!node) return;
    const width = Math.min(Math.max(node.clientWidth || 640, 360), 960);
    node.replaceChildren(showChartControls(customChart(data, { document, width })));
    return () => node.replaceChildren();
  }, [data]);
  return <div ref={host} className="chart" data-testid="custom-chart" />;
}

/** A custom chart: pick a mark and columns, Apply re-runs the cell; the figure, its notes and warnings. */
export function ChartCell({ cell, onConfigChange, columns }: CellProps<'chart'>) {
  const config = cell.config;
  const result = cell.result;
  const choices = columns ?? columnsOfResult(result);
  return (
    <>
      <ChartForm key={JSON.stringify(config)} config={config} columns={choices} disabled={cell.status === 'running'} onApply={onConfigChange} />
      {result ? (
        <>
          <Warnings warnings={result.warnings} />
          <CustomChartView data={result} />
          {result.notes.length ? (
            <ul className="muted small chart-notes" aria-label="How the chart was computed">
              {result.notes.map((n) => (
                <li key={n}>
                  <UserText text={n} />
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </>
  );
}
