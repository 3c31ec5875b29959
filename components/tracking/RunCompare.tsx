'use client';
import { useCallback, useMemo, useState } from 'react';
import { historyChart, runColor, type HistoryX } from '../../lib/charts/tracking-history';
import { parallelChart, type ParallelAxis } from '../../lib/charts/tracking-parallel';
import { scatterChart } from '../../lib/charts/tracking-scatter';
import { formatNumber, visibleControls } from '../../lib/format';
import type { RunRecord } from '../../lib/store/tracking-records';
import { axisValues, compareRows, emaSmooth, runLabel, type MetricAggregate } from '../../lib/tracking/compare';
import { UserText } from '../ui/UserText';
import { TrackingChart } from './TrackingChart';

export const COMPARE_MAX = 100;

function shown(value: string | number | null): string {
  if (value === null) return '—';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : formatNumber(value);
  return value;
}

export interface CompareSettings {
  aggregate: MetricAggregate;
  differencesOnly: boolean;
  metric: string;
  x: HistoryX;
  smoothing: number;
  log: boolean;
  axes: string[];
  scatterX: string;
  scatterY: string;
}

interface Props {
  runs: RunRecord[];
  settings: CompareSettings;
  onSettings: (s: CompareSettings) => void;
}

/** 2–100 runs side by side: params/metrics/tags (differences only), parallel coordinates, histories, scatter/box. */
export function RunCompare({ runs, settings, onSettings }: Props) {
  const set = <K extends keyof CompareSettings>(key: K, value: CompareSettings[K]) => onSettings({ ...settings, [key]: value });
  const rows = useMemo(
    () => compareRows(runs, { aggregate: settings.aggregate, differencesOnly: settings.differencesOnly }),
    [runs, settings.aggregate, settings.differencesOnly],
  );
  const metricKeys = useMemo(() => [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort(), [runs]);
  const paramKeys = useMemo(() => [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort(), [runs]);
  const axisKeys = useMemo(() => [...paramKeys.map((k) => `params.${k}`), ...metricKeys.map((k) => `metrics.${k}`)], [paramKeys, metricKeys]);
  const [ranges, setRanges] = useState<Record<string, [number, number]>>({});

  const axes: ParallelAxis[] = useMemo(
    () => settings.axes.filter((k) => axisKeys.includes(k)).map((k) => ({ name: k, values: axisValues(runs, k, settings.aggregate) })),
    [settings.axes, axisKeys, runs, settings.aggregate],
  );
  const selected = useMemo(
    () =>
      runs.map((_, r) =>
        axes.every((a) => {
          const range = ranges[a.name];
          const v = a.values[r];
          return !range || (typeof v === 'number' && v >= range[0] && v <= range[1]);
        }),
      ),
    [runs, axes, ranges],
  );
  const drawParallel = useCallback(
    (document: Document) =>
      parallelChart(
        axes,
        runs.map((r, i) => ({ label: runLabel(r), color: runColor(i), selected: selected[i]! })),
        { document },
      ),
    [axes, runs, selected],
  );
  const drawHistory = useCallback(
    (document: Document) =>
      historyChart(
        runs.map((r) => {
          const points = r.metrics[settings.metric] ?? [];
          return {
            label: runLabel(r),
            points,
            smoothed:
              settings.smoothing > 0
                ? emaSmooth(
                    points.map((p) => p.value),
                    settings.smoothing,
                  )
                : undefined,
          };
        }),
        { document, metric: settings.metric, x: settings.x, log: settings.log },
      ),
    [runs, settings.metric, settings.x, settings.smoothing, settings.log],
  );
  const drawScatter = useCallback(
    (document: Document) => {
      const xs = axisValues(runs, settings.scatterX, settings.aggregate);
      const ys = axisValues(runs, settings.scatterY, settings.aggregate);
      const points = runs.flatMap((r, i) => {
        const [x, y] = [xs[i], ys[i]];
        return x === null || x === undefined || typeof y !== 'number' ? [] : [{ label: runLabel(r), x, y, color: runColor(i) }];
      });
      return scatterChart(points, { document, xLabel: settings.scatterX, yLabel: settings.scatterY });
    },
    [runs, settings.scatterX, settings.scatterY, settings.aggregate],
  );

  const numericAxes = axes.filter((a) => a.values.some((v) => typeof v === 'number'));
  return (
    <div className="run-compare" data-testid="run-compare">
      <div className="table-tools">
        <label>
          <input type="checkbox" checked={settings.differencesOnly} onChange={(e) => set('differencesOnly', e.target.checked)} /> Show differences only
        </label>
        <label>
          Metric value{' '}
          <select value={settings.aggregate} onChange={(e) => set('aggregate', e.target.value as MetricAggregate)}>
            <option value="last">last</option>
            <option value="min">min</option>
            <option value="max">max</option>
          </select>
        </label>
      </div>
      <div className="table-wrap">
        <table className="drift-table compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              {runs.map((r, i) => (
                <th key={r.id} scope="col">
                  <span className="run-swatch" style={{ background: runColor(i) }} aria-hidden="true" />
                  <UserText text={runLabel(r)} clamp />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.section}.${row.key}`} className={row.differs ? 'compare-differs' : undefined} data-key={`${row.section}.${row.key}`}>
                <th scope="row">
                  <span className="muted">{row.section}.</span>
                  <UserText text={row.key} clamp />
                </th>
                {row.values.map((v, i) => (
                  <td key={runs[i]!.id} className={typeof v === 'number' ? 'num' : undefined}>
                    <UserText text={shown(v)} clamp />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="muted">{settings.differencesOnly ? 'The runs hold the same params, metrics and tags.' : 'Nothing logged.'}</p>
        ) : null}
      </div>

      <h3 className="section-title">Metric history</h3>
      <div className="table-tools">
        <label>
          Metric{' '}
          <select value={settings.metric} onChange={(e) => set('metric', e.target.value)}>
            {metricKeys.map((k) => (
              <option key={k} value={k}>
                {visibleControls(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          x{' '}
          <select value={settings.x} onChange={(e) => set('x', e.target.value as HistoryX)}>
            <option value="step">step</option>
            <option value="wall">wall time</option>
            <option value="relative">relative time</option>
          </select>
        </label>
        <label>
          Smoothing <input type="range" min={0} max={0.99} step={0.01} value={settings.smoothing} onChange={(e) => set('smoothing', Number(e.target.value))} />{' '}
          {settings.smoothing.toFixed(2)}
        </label>
        <label>
          <input type="checkbox" checked={settings.log} onChange={(e) => set('log', e.target.checked)} /> Log scale
        </label>
      </div>
      {settings.metric ? (
        <TrackingChart draw={drawHistory} label="Metric history of the compared runs" testId="history-chart" />
      ) : (
        <p className="muted">No metric logged.</p>
      )}

      <h3 className="section-title">Parallel coordinates</h3>
      <fieldset className="axis-chooser">
        <legend>Axes</legend>
        {axisKeys.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={settings.axes.includes(k)}
              onChange={(e) => set('axes', e.target.checked ? [...settings.axes, k] : settings.axes.filter((a) => a !== k))}
            />{' '}
            <UserText text={k} />
          </label>
        ))}
      </fieldset>
      <TrackingChart draw={drawParallel} label="Parallel coordinates of the compared runs" testId="parallel-chart" />
      {numericAxes.length ? (
        <fieldset className="axis-brush">
          <legend>Brush: keep runs with values in these ranges (Plot has no brush; a range per numeric axis filters the lines)</legend>
          {numericAxes.map((a) => {
            const nums = a.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
            const [lo, hi] = [Math.min(...nums), Math.max(...nums)];
            const r = ranges[a.name] ?? [lo, hi];
            const step = hi > lo ? (hi - lo) / 100 : 1;
            return (
              <div key={a.name} className="brush-row">
                <UserText text={a.name} clamp />
                <input
                  type="range"
                  aria-label={`${visibleControls(a.name)} from`}
                  min={lo}
                  max={hi}
                  step={step}
                  value={r[0]}
                  onChange={(e) => setRanges({ ...ranges, [a.name]: [Number(e.target.value), r[1]] })}
                />
                <input
                  type="range"
                  aria-label={`${visibleControls(a.name)} to`}
                  min={lo}
                  max={hi}
                  step={step}
                  value={r[1]}
                  onChange={(e) => setRanges({ ...ranges, [a.name]: [r[0], Number(e.target.value)] })}
                />
                <span className="muted">
                  {formatNumber(r[0])} – {formatNumber(r[1])}
                </span>
              </div>
            );
          })}
          <button type="button" className="button" onClick={() => setRanges({})}>
            Clear brushing
          </button>
        </fieldset>
      ) : null}

      <h3 className="section-title">Scatter</h3>
      <div className="table-tools">
        <label>
          x{' '}
          <select value={settings.scatterX} onChange={(e) => set('scatterX', e.target.value)}>
            {axisKeys.map((k) => (
              <option key={k} value={k}>
                {visibleControls(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          y{' '}
          <select value={settings.scatterY} onChange={(e) => set('scatterY', e.target.value)}>
            {metricKeys.map((k) => (
              <option key={k} value={`metrics.${k}`}>
                {visibleControls(`metrics.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">A categorical param is drawn as boxes.</span>
      </div>
      {settings.scatterX && settings.scatterY ? <TrackingChart draw={drawScatter} label="Scatter of the compared runs" testId="scatter-chart" /> : null}
    </div>
  );
}

/** First settings for a set of runs: the first metric, up to 6 axes. */
export function defaultCompareSettings(runs: readonly RunRecord[]): CompareSettings {
  const metrics = [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort();
  const params = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  const axes = [...params.slice(0, 3).map((k) => `params.${k}`), ...metrics.slice(0, 3).map((k) => `metrics.${k}`)];
  return {
    aggregate: 'last',
    differencesOnly: false,
    metric: metrics[0] ?? '',
    x: 'step',
    smoothing: 0,
    log: false,
    axes,
    scatterX: params[0] ? `params.${params[0]}` : metrics[0] ? `metrics.${metrics[0]}` : '',
    scatterY: metrics[0] ? `metrics.${metrics[0]}` : '',
  };
}
