'use client';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { visibleControls } from '../../lib/format';
import { runsToCsv } from '../../lib/tracking/csv';
import { parseRunFilter } from '../../lib/tracking/search';
import { toExperimentReport } from '../../lib/report/experiment-report';
import { downloadName } from '../../lib/report/file-name';
import { APP_VERSION } from '../../lib/version';
import { download } from '../export-report';
import type { DriftbookDb } from '../../lib/store/db';
import type { RunRecord } from '../../lib/store/tracking-records';
import type { MetricAggregate } from '../../lib/tracking/compare';
import { ViewTabs } from '../ui/ViewTabs';
import { UserText } from '../ui/UserText';
import { COMPARE_MAX, defaultCompareSettings, RunCompare, type CompareSettings } from './RunCompare';
import { BASE_COLUMNS, RunsTable, type Column } from './RunsTable';
import { AuditView } from './AuditView';
import { ImportPanel } from './ImportPanel';
import { RegistryView } from './RegistryView';
import { RunDetail } from './RunDetail';
import { useTracking } from './useTracking';

type Pane = 'runs' | 'compare' | 'registry' | 'import' | 'audit';
const PANES = [
  { id: 'runs', label: 'Runs' },
  { id: 'compare', label: 'Compare' },
  { id: 'registry', label: 'Registry' },
  { id: 'import', label: 'Import from MLflow' },
  { id: 'audit', label: 'Audit trail' },
] as const;

type Lifecycle = 'active' | 'deleted' | 'all';

interface Props {
  db: DriftbookDb;
  notify: (message: string) => void;
  fail: (error: unknown) => void;
  /** Opens a workspace's model card (from a registered version whose run a workspace logged). */
  onOpenCard?: (workspaceId: string) => void;
}

/** The Runs tab: experiments' runs as a table, compare, registry, MLflow import and the audit trail. */
export function RunsView({ db, fail, onOpenCard }: Props) {
  const tracking = useTracking(db);
  const [pane, setPane] = useState<Pane>('runs');
  const [experimentId, setExperimentId] = useState<string>('all');
  const [lifecycle, setLifecycle] = useState<Lifecycle>('active');
  const [aggregate, setAggregate] = useState<MetricAggregate>('last');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [settings, setSettings] = useState<CompareSettings>();
  const [openRun, setOpenRun] = useState<string>();
  /** Bumped after each change, so the audit view re-reads. */
  const [version, setVersion] = useState(0);
  const changed = () => {
    setVersion((v) => v + 1);
    void tracking.refresh().catch(fail);
  };

  const inExperiment = useMemo(
    () => tracking.runs.filter((r) => (experimentId === 'all' || r.experimentId === experimentId) && (lifecycle === 'all' || r.lifecycleStage === lifecycle)),
    [tracking.runs, experimentId, lifecycle],
  );
  const [filterText, setFilterText] = useState('');
  const filter = useMemo((): { predicate?: (r: RunRecord) => boolean; error?: string } => {
    if (!filterText.trim()) return {};
    try {
      return { predicate: parseRunFilter(filterText, { aggregate }) };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  }, [filterText, aggregate]);
  const shownRuns = useMemo(() => (filter.predicate ? inExperiment.filter(filter.predicate) : inExperiment), [inExperiment, filter]);
  const exportCsv = () => {
    const visible = (prefix: string) => columns.filter((c) => c.id.startsWith(prefix)).map((c) => c.id.slice(prefix.length));
    download(
      runsToCsv(shownRuns, { paramKeys: visible('params.'), metricKeys: visible('metrics.'), tagKeys: visible('tags.'), aggregate }),
      'runs.csv',
      'text/csv',
      { about: 'runs CSV', runs: shownRuns.length },
    );
  };
  const allColumns: Column[] = useMemo(() => {
    const keys = (pick: (r: RunRecord) => Record<string, unknown>, prefix: string) =>
      [...new Set(inExperiment.flatMap((r) => Object.keys(pick(r))))].sort().map((k) => ({ id: `${prefix}.${k}`, label: `${prefix}.${k}` }));
    const tags = keys((r) => r.tags, 'tags').filter((c) => !c.id.startsWith('tags.mlflow.'));
    return [...BASE_COLUMNS, ...keys((r) => r.metrics, 'metrics'), ...keys((r) => r.params, 'params'), ...tags];
  }, [inExperiment]);
  const columns = allColumns.filter((c) => c.id === 'name' || !hidden.has(c.id));
  const compared = tracking.runs.filter((r) => selected.has(r.id));
  const detail = openRun === undefined ? undefined : tracking.runs.find((r) => r.id === openRun);

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else if (next.size < COMPARE_MAX) next.add(id);
      return next;
    });
  const exportReport = () => {
    const s = settings ?? defaultCompareSettings(compared);
    const names = new Set(compared.map((r) => r.experimentId));
    const title = [...names].map((id) => tracking.experiments.find((x) => x.id === id)?.name ?? id).join(', ');
    const text = toExperimentReport(
      {
        title: `${compared.length} runs of ${title}`,
        exportedAt: new Date().toISOString(),
        appVersion: APP_VERSION,
        runs: compared,
        experimentNames: Object.fromEntries(tracking.experiments.map((x) => [x.id, x.name])),
        aggregate: s.aggregate,
        differencesOnly: s.differencesOnly,
        history: { metric: s.metric, x: s.x, smoothing: s.smoothing, log: s.log },
        axes: s.axes,
        scatter: { x: s.scatterX, y: s.scatterY },
      },
      { document },
    );
    download(text, downloadName(title, '.experiment.html', { fallback: 'experiment' }), 'text/html', {
      about: 'experiment report',
      runs: compared.map((r) => r.id),
    });
  };
  const openCompare = () => {
    setSettings(defaultCompareSettings(compared));
    setPane('compare');
  };

  return (
    <section className="runs-view" aria-label="Runs">
      <div className="table-tools runs-tools">
        <label>
          Experiment{' '}
          <select value={experimentId} onChange={(e) => setExperimentId(e.target.value)} data-testid="experiment-select">
            <option value="all">All experiments</option>
            {tracking.experiments.map((x) => (
              <option key={x.id} value={x.id}>
                {visibleControls(x.name)}
                {x.lifecycleStage === 'deleted' ? ' (deleted)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Show{' '}
          <select value={lifecycle} onChange={(e) => setLifecycle(e.target.value as Lifecycle)} data-testid="lifecycle-select">
            <option value="active">active runs</option>
            <option value="deleted">deleted runs</option>
            <option value="all">all runs</option>
          </select>
        </label>
        <label>
          Metrics as{' '}
          <select value={aggregate} onChange={(e) => setAggregate(e.target.value as MetricAggregate)} data-testid="aggregate-select">
            <option value="last">last value</option>
            <option value="min">min</option>
            <option value="max">max</option>
          </select>
        </label>
        <button type="button" className="button button-primary" disabled={compared.length < 2} onClick={openCompare} data-testid="compare-button">
          Compare {compared.length} runs
        </button>
      </div>
      <ViewTabs tabs={PANES} value={pane} onChange={setPane} label="Runs view" idPrefix="runs" />
      {pane === 'runs' ? (
        <div role="tabpanel" id="runs-panel-runs" aria-labelledby="runs-tab-runs">
          <div className="table-tools">
            <label className="run-filter">
              Filter{' '}
              <input
                type="search"
                value={filterText}
                onChange={(e) => setFilterText(e.target.value)}
                placeholder="metrics.auc > 0.8 and params.model = 'xgb'"
                aria-invalid={filter.error !== undefined}
                aria-describedby="run-filter-error"
                data-testid="run-filter"
                spellCheck={false}
              />
            </label>
            <span className="muted">
              {shownRuns.length} of {inExperiment.length} runs
            </span>
            <button type="button" className="button" onClick={exportCsv} disabled={shownRuns.length === 0} data-testid="runs-csv">
              Download CSV
            </button>
          </div>
          {filter.error ? (
            <p className="field-error" role="alert" id="run-filter-error" data-testid="run-filter-error">
              <UserText text={filter.error} />
            </p>
          ) : null}
          <details className="column-chooser">
            <summary>
              Columns ({columns.length} of {allColumns.length})
            </summary>
            {allColumns
              .filter((c) => c.id !== 'name')
              .map((c) => (
                <label key={c.id}>
                  <input
                    type="checkbox"
                    checked={!hidden.has(c.id)}
                    onChange={() =>
                      setHidden((h) => {
                        const next = new Set(h);
                        if (next.has(c.id)) next.delete(c.id);
                        else next.add(c.id);
                        return next;
                      })
                    }
                  />{' '}
                  <UserText text={c.label} />
                </label>
              ))}
          </details>
          {tracking.loaded && tracking.runs.length === 0 ? (
            <p className="empty-state muted">No runs yet: import an MLflow folder or database, or create a run.</p>
          ) : null}
          {detail ? <RunDetail key={detail.id} db={db} run={detail} onChanged={changed} onClose={() => setOpenRun(undefined)} /> : null}
          <RunsTable runs={shownRuns} columns={columns} aggregate={aggregate} selected={selected} onToggle={toggle} onOpen={setOpenRun} />
        </div>
      ) : null}
      {pane === 'compare' ? (
        <div role="tabpanel" id="runs-panel-compare" aria-labelledby="runs-tab-compare">
          {compared.length < 2 ? (
            <p className="muted">Select 2 to {COMPARE_MAX} runs in the table to compare them.</p>
          ) : (
            <>
              <div className="table-tools">
                <button type="button" className="button" onClick={exportReport} data-testid="experiment-report">
                  Export experiment report (HTML)
                </button>
                <span className="muted">The compare view as one self-contained file: no script, nothing loaded from the network.</span>
              </div>
              <RunCompare runs={compared} settings={settings ?? defaultCompareSettings(compared)} onSettings={setSettings} />
            </>
          )}
        </div>
      ) : null}
      {pane === 'registry' ? (
        <div role="tabpanel" id="runs-panel-registry" aria-labelledby="runs-tab-registry">
          <RegistryView
            db={db}
            {...(onOpenCard ? { onOpenCard } : {})}
            models={tracking.models}
            runs={tracking.runs}
            selectedRuns={compared}
            onChanged={changed}
            onOpenRun={(id) => {
              setOpenRun(id);
              setPane('runs');
            }}
          />
        </div>
      ) : null}
      {pane === 'import' ? (
        <div role="tabpanel" id="runs-panel-import" aria-labelledby="runs-tab-import">
          <ImportPanel onImported={changed} />
        </div>
      ) : null}
      {pane === 'audit' ? (
        <div role="tabpanel" id="runs-panel-audit" aria-labelledby="runs-tab-audit">
          <AuditView db={db} version={version} />
        </div>
      ) : null}
    </section>
  );
}
