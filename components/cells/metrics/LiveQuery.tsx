'use client';
import { useRef, useState, type FormEvent } from 'react';
import type { DatasetMeta } from '../../../lib/data/types';
import { errorMessage } from '../../../lib/errors';
import type { MetricsLiveQuery } from '../../../lib/notebook/kinds/metrics';
import { getClient } from '../../engine';
import { formatCount } from '../../format';
import { UserText } from '../../ui/UserText';
import { NumberField, TextField } from '../model/fields';
import { fetchQueryRange, PROMETHEUS_ORIGIN } from './live-query';

const HOUR = 3600_000;

/** datetime-local text (UTC, to the second) ↔ ISO. */
const toLocal = (iso: string) => iso.slice(0, 19);
const fromLocal = (text: string) => (text ? new Date(`${text}Z`).toISOString() : '');

function initial(last: MetricsLiveQuery | undefined): MetricsLiveQuery {
  if (last) return last;
  const end = Math.floor(Date.now() / 1000) * 1000;
  return { query: '', start: new Date(end - HOUR).toISOString(), end: new Date(end).toISOString(), step: 15 };
}

type Phase = { status: 'idle' } | { status: 'running'; bytes: number } | { status: 'error'; message: string };

/**
 * The live query form (a build with DRIFTBOOK_PROMETHEUS_URL only): query, start, end, step; the
 * answer is stored as a dataset (read in the worker like a dropped query_range file) and becomes
 * the cell's series. Progress in bytes received; Cancel aborts the request or the reading.
 */
export function LiveQuery({
  last,
  problems,
  onResult,
}: {
  last?: MetricsLiveQuery;
  problems: (query: MetricsLiveQuery) => string[];
  onResult: (dataset: DatasetMeta, query: MetricsLiveQuery) => void;
}) {
  const [draft, setDraft] = useState(() => initial(last));
  const [phase, setPhase] = useState<Phase>({ status: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const set = (patch: Partial<MetricsLiveQuery>) => setDraft((d) => ({ ...d, ...patch }));
  const problem = problems(draft)[0];

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ status: 'running', bytes: 0 });
    try {
      const bytes = await fetchQueryRange(draft, (received) => setPhase({ status: 'running', bytes: received }), controller.signal);
      const name = `prometheus-query-range.json`;
      const dataset = await getClient().store(new File([bytes], name, { type: 'application/json' }), name);
      setPhase({ status: 'idle' });
      onResult(dataset, draft);
    } catch (error) {
      setPhase(controller.signal.aborted ? { status: 'idle' } : { status: 'error', message: errorMessage(error) });
    } finally {
      abort.current = null;
    }
  };
  const cancel = () => {
    abort.current?.abort();
    getClient().cancel();
  };

  return (
    <form className="settings-grid model-form live-query" onSubmit={(e) => void run(e)} aria-label="Live Prometheus query">
      <p className="muted small">
        Live query of <code>{PROMETHEUS_ORIGIN}</code> (this build&apos;s DRIFTBOOK_PROMETHEUS_URL): the answer becomes this cell&apos;s series.
      </p>
      <TextField
        label="PromQL query"
        value={draft.query || undefined}
        placeholder="rate(node_cpu_seconds_total[1m])"
        onChange={(query) => set({ query: query ?? '' })}
      />
      <label className="field">
        <span>Start (UTC)</span>
        <input
          type="datetime-local"
          step={1}
          value={toLocal(draft.start)}
          aria-label="Start (UTC)"
          onChange={(e) => set({ start: fromLocal(e.target.value) })}
        />
      </label>
      <label className="field">
        <span>End (UTC)</span>
        <input type="datetime-local" step={1} value={toLocal(draft.end)} aria-label="End (UTC)" onChange={(e) => set({ end: fromLocal(e.target.value) })} />
      </label>
      <NumberField label="Step (seconds)" value={draft.step} min={0.001} onChange={(step) => set({ step: step ?? 0 })} />
      <div className="settings-actions model-apply">
        {phase.status === 'running' ? (
          <>
            <span className="muted small" role="status" data-testid="live-progress">
              Querying… {formatCount(phase.bytes)} bytes received
            </span>
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
          </>
        ) : (
          <button type="submit" className="button button-primary" disabled={problem !== undefined} title={problem}>
            Run query
          </button>
        )}
        {problem && phase.status !== 'running' ? <span className="muted small">{problem}</span> : null}
        {phase.status === 'error' ? (
          <span className="error small" role="alert" data-testid="live-error">
            <UserText text={phase.message} />
          </span>
        ) : null}
      </div>
    </form>
  );
}
