'use client';
import { useId, useMemo, useState } from 'react';
import type { DatasetMeta } from '../../lib/data/types';
import { errorMessage } from '../../lib/errors';
import { formatCount, visibleControls } from '../../lib/format';
import type { InputMapping, ModelMeta } from '../../lib/models/types';
import { getClient } from '../engine';
import { UserText } from '../ui/UserText';
import { MappingEditor } from './MappingEditor';
import { mappingProblem, proposedMapping } from './mapping-defaults';

type Run =
  { status: 'idle' } | { status: 'running'; done: number; total: number } | { status: 'done'; dataset: DatasetMeta } | { status: 'error'; message: string };

/** Scores a stored dataset with a model in a worker (batched, with progress and cancel): its outputs become columns of a new, derived dataset. */
export function ScorePanel({ model, datasets, onStored }: { model: ModelMeta; datasets: DatasetMeta[]; onStored: (dataset: DatasetMeta) => void }) {
  const pickId = useId();
  const [datasetId, setDatasetId] = useState(datasets[datasets.length - 1]?.id ?? '');
  const dataset = datasets.find((d) => d.id === datasetId);
  const columns = useMemo(() => dataset?.schema.map((c) => ({ name: c.name, type: c.type })) ?? [], [dataset]);
  // The user's edits per dataset; the default (inputs by name) otherwise.
  const [edited, setEdited] = useState<{ datasetId: string; mapping: InputMapping }>();
  const mapping =
    edited?.datasetId === datasetId
      ? edited.mapping
      : dataset
        ? proposedMapping(
            model,
            dataset.schema.map((c) => c.name),
          )
        : undefined;
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const problem =
    dataset && mapping
      ? mappingProblem(
          model,
          mapping,
          dataset.schema.map((c) => c.name),
        )
      : 'Dataset: choose one to score';
  const problems = problem ? [problem] : [];

  const score = async () => {
    if (!dataset || !mapping) return;
    setRun({ status: 'running', done: 0, total: dataset.rows });
    try {
      const scored = await getClient().scoreDataset(model.id, dataset.id, { mapping }, (done, total) => setRun({ status: 'running', done, total }));
      setRun({ status: 'done', dataset: scored });
      onStored(scored);
    } catch (error) {
      setRun({ status: 'error', message: errorMessage(error) });
    }
  };

  return (
    <section className="score-panel" aria-label="Score a dataset" data-testid="score-panel">
      <h3 className="section-title">Score a dataset</h3>
      <div className="field inline-field">
        <label htmlFor={pickId}>Dataset</label>
        <select id={pickId} value={datasetId} onChange={(e) => setDatasetId(e.target.value)} data-testid="score-dataset">
          <option value="">choose…</option>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {visibleControls(d.name)} ({formatCount(d.rows)} rows)
            </option>
          ))}
        </select>
      </div>
      {dataset && mapping ? (
        <>
          <MappingEditor model={model} mapping={mapping} columns={columns} onChange={(m) => setEdited({ datasetId, mapping: m })} />
        </>
      ) : null}
      <div className="settings-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={problems.length > 0 || run.status === 'running'}
          onClick={() => void score()}
          title={problems[0]}
        >
          Score
        </button>
        {problems.length ? (
          <span className="muted small" data-testid="score-problem">
            {problems[0]}
          </span>
        ) : null}
      </div>
      {run.status === 'running' ? (
        <div className="drop-progress" role="status">
          <progress aria-label={`Scoring ${visibleControls(dataset?.name ?? '')}`} max={run.total || undefined} value={run.total ? run.done : undefined} />
          <span className="muted progress-text" data-testid="score-progress">
            {formatCount(run.done)} of {formatCount(run.total)} rows
          </span>
          <button type="button" className="button-link" onClick={() => getClient().cancel()}>
            Cancel
          </button>
        </div>
      ) : run.status === 'done' ? (
        <p className="muted" role="status" data-testid="score-done">
          Added <UserText text={run.dataset.name} clamp /> ({formatCount(run.dataset.rows)} rows, {formatCount(run.dataset.schema.length)} columns) to the
          datasets — use it as reference or current in the sidebar.
        </p>
      ) : run.status === 'error' ? (
        <p className="error-message" role="alert" data-testid="score-error">
          <UserText text={run.message} />
        </p>
      ) : null}
    </section>
  );
}
