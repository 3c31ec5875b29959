'use client';
import { useId, useState, type DragEvent } from 'react';
import { errorMessage } from '../../lib/errors';
import type { ModelMeta } from '../../lib/models/types';
import { getClient } from '../engine';
import { UserText } from '../ui/UserText';

type State = { status: 'idle' } | { status: 'loading'; name: string } | { status: 'error'; name: string; message: string };

/** A drop zone and picker for `.onnx` files: a worker opens the file with onnxruntime-web, describes it and stores it. */
export function ModelDrop({ onAdded }: { onAdded: (model: ModelMeta) => void }) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const [state, setState] = useState<State>({ status: 'idle' });
  const add = async (file: File) => {
    setState({ status: 'loading', name: file.name });
    try {
      if (!/\.onnx$/i.test(file.name))
        throw new Error(`not an ONNX file: ${file.name} — choose a .onnx model (exported with skl2onnx, onnxmltools or torch.onnx)`);
      onAdded(await getClient().addModel(file, file.name));
      setState({ status: 'idle' });
    } catch (error) {
      setState({ status: 'error', name: file.name, message: errorMessage(error) });
    }
  };
  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) void add(file);
  };
  return (
    <div className="drop" data-testid="model-drop">
      <label
        htmlFor={inputId}
        className={`drop-zone${over ? ' drop-over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span className="drop-text">
          <strong>Model</strong>
          {state.status === 'loading' ? (
            <span className="drop-file" role="status">
              Opening <UserText text={state.name} clamp /> with onnxruntime-web in a worker…
            </span>
          ) : (
            <span className="drop-cta">Drop an ONNX model (.onnx), or click to choose — it is read in this browser and stored with your datasets</span>
          )}
        </span>
        <input
          id={inputId}
          type="file"
          accept=".onnx,application/octet-stream"
          aria-label="ONNX model file"
          data-testid="model-input"
          className="visually-hidden"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void add(file);
          }}
        />
      </label>
      {state.status === 'error' ? (
        <div className="error-message" role="alert" data-testid="model-error">
          <strong>
            <UserText text={state.name} clamp />:
          </strong>{' '}
          <UserText text={state.message} />
        </div>
      ) : null}
    </div>
  );
}
