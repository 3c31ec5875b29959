'use client';
import { useState } from 'react';
import type { DatasetMeta } from '../../lib/data/types';
import { formatCount } from '../../lib/format';
import type { DriftbookDb } from '../../lib/store/db';
import { deleteModel } from '../../lib/store/models';
import { UserText } from '../ui/UserText';
import { ModelDetails } from './ModelDetails';
import { ModelDrop } from './ModelDrop';
import { ScorePanel } from './ScorePanel';
import { useModels } from './useModels';

interface Props {
  db: DriftbookDb;
  datasets: DatasetMeta[];
  /** A scored dataset was stored (the page re-lists its datasets). */
  onStored: (dataset: DatasetMeta) => void;
  fail: (error: unknown) => void;
}

/** The Models tab: the model library (drop a .onnx file), a model's description and mapping, and scoring a dataset with it. */
export function ModelsView({ db, datasets, onStored, fail }: Props) {
  const models = useModels(db);
  const [chosen, setChosen] = useState<string>();
  const model = models.find((m) => m.id === chosen) ?? models[models.length - 1];
  return (
    <section className="models-view" aria-label="Models" data-testid="models-view">
      <h2 className="section-title">Models</h2>
      <p className="muted small">
        ONNX models run in this browser (onnxruntime-web, WebAssembly, in a worker): nothing is uploaded. Score a dataset to add the model&apos;s predictions as
        columns, or add an Explain cell to the notebook.
      </p>
      <ModelDrop onAdded={(m) => setChosen(m.id)} />
      {models.length ? (
        <ul className="model-list" aria-label="Stored models" data-testid="model-list">
          {models.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className={`button${m.id === model?.id ? ' button-primary' : ''}`}
                aria-pressed={m.id === model?.id}
                onClick={() => setChosen(m.id)}
              >
                <UserText text={m.name} clamp /> · {formatCount(m.inputs.length)} input{m.inputs.length === 1 ? '' : 's'} · <code>{m.sha256.slice(0, 8)}</code>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state muted">No models yet: drop a .onnx file above.</p>
      )}
      {model ? (
        <div className="model-panel" key={model.id}>
          <ModelDetails model={model} onDelete={() => void deleteModel(db, model.id).catch(fail)} />
          <ScorePanel model={model} datasets={datasets} onStored={onStored} />
        </div>
      ) : null}
    </section>
  );
}
