'use client';
import { useState } from 'react';
import { formatBytes, formatCount } from '../format';
import type { ModelMeta, TensorInfo } from '../../lib/models/types';
import { UserText } from '../ui/UserText';

/** A tensor's shape as onnxruntime prints it, a symbolic or unknown dimension as ?: [?, 3]. */
export const shapeText = (shape: TensorInfo['shape']) => `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;

function TensorTable({ caption, tensors, testId }: { caption: string; tensors: TensorInfo[]; testId: string }) {
  return (
    <table className="drift-table model-io" data-testid={testId}>
      <caption className="muted small">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Shape</th>
        </tr>
      </thead>
      <tbody>
        {tensors.map((t) => (
          <tr key={t.name}>
            <th scope="row">
              <code>
                <UserText text={t.name} />
              </code>
            </th>
            <td>{t.type}</td>
            <td>{shapeText(t.shape)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A stored model's description: file, SHA-256, producer, opsets, inputs and outputs; delete with a confirmation. */
export function ModelDetails({ model, onDelete }: { model: ModelMeta; onDelete: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const opsets = Object.entries(model.opset)
    .map(([domain, version]) => `${domain || 'ai.onnx'} ${version}`)
    .join(', ');
  return (
    <div className="model-details" data-testid="model-details">
      <h3 className="model-name">
        <UserText text={model.name} clamp />
      </h3>
      <dl className="model-facts">
        <dt>SHA-256</dt>
        <dd>
          <code data-testid="model-sha256">{model.sha256}</code>
        </dd>
        <dt>Size</dt>
        <dd>{formatBytes(model.bytes)}</dd>
        <dt>Producer</dt>
        <dd data-testid="model-producer">
          <UserText text={`${model.producer.name || 'unknown'} ${model.producer.version}`.trim()} />
        </dd>
        <dt>Opsets</dt>
        <dd data-testid="model-opset">{opsets || 'none recorded'}</dd>
        <dt>Added</dt>
        <dd>{model.createdAt.slice(0, 10)}</dd>
      </dl>
      <div className="model-io-tables">
        <TensorTable caption={`Inputs (${formatCount(model.inputs.length)})`} tensors={model.inputs} testId="model-inputs" />
        <TensorTable caption={`Outputs (${formatCount(model.outputs.length)})`} tensors={model.outputs} testId="model-outputs" />
      </div>
      {confirming ? (
        <p className="dataset-actions">
          Delete this model?{' '}
          <button type="button" className="link-button danger" onClick={onDelete}>
            Delete
          </button>
          <button type="button" className="link-button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </p>
      ) : (
        <p>
          <button type="button" className="link-button" onClick={() => setConfirming(true)}>
            Delete model
          </button>
        </p>
      )}
    </div>
  );
}
