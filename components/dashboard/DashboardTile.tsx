'use client';
import { memo, useEffect, useRef, type DragEvent, type KeyboardEvent } from 'react';
import { formatTileChange, formatTileValue } from '../../lib/alerts/dashboard';
import { trendSparkline } from '../../lib/charts/trend-sparkline';
import { overText, type ResolvedTile } from '../../lib/report/dashboard-view';
import { visibleControls } from '../../lib/format';
import { PlotFigure } from '../cells/model/PlotFigure';
import { UserText } from '../ui/UserText';

const STATUS_TEXT = { critical: 'critical', warning: 'warning', info: 'info', ok: 'within its rules', unwatched: 'no rule' } as const;

function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = host.current;
    if (!node) return;
    node.replaceChildren(trendSparkline(values, { document, width: 200 }));
    return () => node.replaceChildren();
  }, [values]);
  return <div ref={host} className="tile-trend" role="img" aria-label={label} />;
}

function StatBody({ t }: { t: ResolvedTile }) {
  const s = t.stat;
  if (!s) return null;
  const previous = s.points.at(-2);
  const values = s.points.map((p) => p.value);
  return (
    <>
      <p className="tile-value" data-testid="tile-value">
        {formatTileValue(s.value, s.unit)}
      </p>
      <p className="tile-change muted">
        {formatTileChange(s.change, s.unit)}
        {previous ? (
          <>
            {' '}
            vs <UserText text={previous.label} />
          </>
        ) : null}
      </p>
      <Sparkline values={values} label={`Trend of ${visibleControls(t.title)} ${overText(s.over, s.points.length)}`} />
      <p className="tile-over muted small">
        {overText(s.over, s.points.length)} · <span data-testid="tile-status">{STATUS_TEXT[s.status]}</span>
      </p>
      {s.holding.length ? (
        <ul className="tile-rules small">
          {s.holding.map((r) => (
            <li key={r.id}>
              {r.severity}: <UserText text={r.name} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

interface Props {
  t: ResolvedTile;
  index: number;
  count: number;
  onMove: (id: string, by: -1 | 1) => void;
  onDrop: (id: string, index: number) => void;
  onUnpin: (id: string) => void;
}

const DRAG_TYPE = 'application/x-driftbook-tile';

/**
 * One tile: a stat (value, change, sparkline, colour from the rules) or a cell's chart. Moved by
 * dragging it onto another tile, by its earlier/later buttons, or by Alt+Arrow keys while focused.
 */
export const DashboardTile = memo(function DashboardTile({ t, index, count, onMove, onDrop, onUnpin }: Props) {
  const status = t.stat?.status ?? 'unwatched';
  const name = visibleControls(t.title);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!e.altKey || e.target !== e.currentTarget) return;
    const by = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 }[e.key] as -1 | 1 | undefined;
    if (by === undefined) return;
    e.preventDefault();
    onMove(t.tile.id, by);
  };
  const onDragOver = (e: DragEvent<HTMLElement>) => {
    if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
  };
  return (
    <article
      className={`tile tile-${t.tile.type} tile-${status}`}
      data-testid="dashboard-tile"
      data-tile-id={t.tile.id}
      aria-label={`${name}, tile ${index + 1} of ${count}`}
      aria-describedby="dashboard-keys"
      tabIndex={0}
      draggable
      onKeyDown={onKeyDown}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, t.tile.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={onDragOver}
      onDrop={(e) => {
        const id = e.dataTransfer.getData(DRAG_TYPE);
        if (!id) return;
        e.preventDefault();
        onDrop(id, index);
      }}
    >
      <header className="tile-header">
        <div className="tile-heading">
          <h3 className="tile-title">
            <UserText text={t.title} />
          </h3>
          <p className="tile-source muted small">
            <UserText text={t.source} clamp />
          </p>
          {t.series ? (
            <p className="tile-series muted small">
              <UserText text={t.series} />
            </p>
          ) : null}
        </div>
        <span className="tile-tools" role="group" aria-label={`Tools of ${name}`}>
          <button
            type="button"
            className="tool-button"
            onClick={() => onMove(t.tile.id, -1)}
            disabled={index === 0}
            aria-label={`Move ${name} earlier`}
            title="Move earlier (Alt+←)"
          >
            ←
          </button>
          <button
            type="button"
            className="tool-button"
            onClick={() => onMove(t.tile.id, 1)}
            disabled={index === count - 1}
            aria-label={`Move ${name} later`}
            title="Move later (Alt+→)"
          >
            →
          </button>
          <button type="button" className="tool-button danger" onClick={() => onUnpin(t.tile.id)} aria-label={`Unpin ${name}`} title="Unpin">
            ✕
          </button>
        </span>
      </header>
      {t.problem ? (
        <p className="tile-problem muted">
          <UserText text={t.problem} />
        </p>
      ) : null}
      <StatBody t={t} />
      {t.chart ? <PlotFigure build={t.chart.build} label={name} deps={[t.chart]} maxWidth={560} /> : null}
    </article>
  );
});
