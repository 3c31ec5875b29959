'use client';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { historyChart } from '../../lib/charts/tracking-history';
import { errorMessage } from '../../lib/errors';
import { formatNumber, visibleControls } from '../../lib/format';
import { renderMarkdown } from '../../lib/report/markdown';
import type { DriftbookDb } from '../../lib/store/db';
import { listArtifacts, logMetric, NOTE_TAG, putArtifact, setParam, setRunNote, setTag } from '../../lib/store/tracking';
import type { ArtifactRecord, RunRecord } from '../../lib/store/tracking-records';
import { metricValue, runLabel } from '../../lib/tracking/compare';
import { download } from '../export-report';
import { UserText } from '../ui/UserText';
import { TrackingChart } from './TrackingChart';

const PREVIEW_BYTES = 200_000;

type Preview = { kind: 'image'; url: string } | { kind: 'text'; text: string; truncated: boolean } | { kind: 'table'; rows: string[][]; truncated: boolean };

function kindOf(a: ArtifactRecord): 'image' | 'csv' | 'json' | 'text' | null {
  const ext = a.name.toLowerCase().split('.').pop() ?? '';
  if (/^image\/(png|jpeg|gif|webp)$/.test(a.type) || ['png', 'jpg', 'jpeg', 'gif', 'webp'].includes(ext)) return 'image';
  if (ext === 'csv' || a.type === 'text/csv') return 'csv';
  if (ext === 'json' || a.type === 'application/json') return 'json';
  if (a.type.startsWith('text/') || ['txt', 'md', 'log', 'yaml', 'yml', 'py', 'toml'].includes(ext) || a.name === 'MLmodel') return 'text';
  return null;
}

/** Simple CSV rows for a preview (quoted fields with doubled quotes); the first 50 rows. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < 50; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

async function previewOf(a: ArtifactRecord): Promise<Preview | null> {
  const kind = kindOf(a);
  if (kind === 'image') return { kind: 'image', url: URL.createObjectURL(a.blob) };
  if (kind === null) return null;
  const truncated = a.size > PREVIEW_BYTES;
  const text = await a.blob.slice(0, PREVIEW_BYTES).text();
  if (kind === 'csv') return { kind: 'table', rows: csvRows(text), truncated };
  if (kind === 'json' && !truncated) {
    try {
      return { kind: 'text', text: JSON.stringify(JSON.parse(text), null, 2), truncated };
    } catch {
      return { kind: 'text', text, truncated };
    }
  }
  return { kind: 'text', text, truncated };
}

interface Props {
  db: DriftbookDb;
  run: RunRecord;
  onChanged: () => void;
  onClose: () => void;
}

/** One run: params, metrics with their histories, tags, note (markdown), artifacts; editable by hand. */
export function RunDetail({ db, run, onChanged, onClose }: Props) {
  const [artifacts, setArtifacts] = useState<ArtifactRecord[]>([]);
  const [preview, setPreview] = useState<{ path: string; preview: Preview | null }>();
  const [problem, setProblem] = useState<string>();
  const [metric, setMetric] = useState(Object.keys(run.metrics).sort()[0] ?? '');
  const [note, setNote] = useState(run.tags[NOTE_TAG] ?? '');
  const [draft, setDraft] = useState({ kind: 'param', key: '', value: '', step: '' });
  const loadArtifacts = useCallback(async () => setArtifacts(await listArtifacts(db, run.id)), [db, run.id]);
  useEffect(() => {
    void loadArtifacts();
  }, [loadArtifacts]);
  useEffect(() => () => (preview?.preview?.kind === 'image' ? URL.revokeObjectURL(preview.preview.url) : undefined), [preview]);
  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
      onChanged();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const drawHistory = useCallback(
    (document: Document) => historyChart([{ label: runLabel(run), points: run.metrics[metric] ?? [] }], { document, metric, width: 560, height: 240 }),
    [run, metric],
  );
  const noteHtml = useMemo(() => renderMarkdown(run.tags[NOTE_TAG] ?? ''), [run.tags]);
  const storedPaths = new Set(artifacts.map((a) => a.path));
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const files = Array.from(event.dataTransfer.files);
    void act(async () => {
      for (const file of files) await putArtifact(db, run.id, file.name, file);
      await loadArtifacts();
    });
  };
  const add = () =>
    act(async () => {
      const key = draft.key.trim();
      if (!key) throw new Error('give a key');
      if (draft.kind === 'param') await setParam(db, run.id, key, draft.value);
      else if (draft.kind === 'tag') await setTag(db, run.id, key, draft.value);
      else {
        const value = Number(draft.value);
        if (draft.value.trim() === '' || Number.isNaN(value)) throw new Error(`metric ${key}: "${draft.value}" is not a number`);
        await logMetric(db, run.id, key, { value, step: draft.step.trim() === '' ? undefined : Number(draft.step) });
      }
      setDraft({ ...draft, key: '', value: '', step: '' });
    });

  const tagRows = Object.entries(run.tags).filter(([k]) => k !== NOTE_TAG);
  return (
    <article className="run-detail" aria-label="Run" data-testid="run-detail">
      <header className="run-detail-head">
        <h3>
          <UserText text={runLabel(run)} />
        </h3>
        <span className="muted">
          <UserText text={run.id} /> · {run.status} · {run.lifecycleStage}
        </span>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </header>
      {problem ? (
        <p className="error-box" role="alert">
          <UserText text={problem} />
        </p>
      ) : null}
      <div className="run-detail-grid">
        <section>
          <h4>Params</h4>
          <dl className="kv">
            {Object.entries(run.params)
              .sort()
              .map(([k, v]) => (
                <div key={k}>
                  <dt>
                    <UserText text={k} />
                  </dt>
                  <dd>
                    <UserText text={v} />
                  </dd>
                </div>
              ))}
          </dl>
          <h4>Tags</h4>
          <dl className="kv">
            {tagRows.sort().map(([k, v]) => (
              <div key={k}>
                <dt>
                  <UserText text={k} />
                </dt>
                <dd>
                  <UserText text={v} clamp />
                </dd>
              </div>
            ))}
          </dl>
          <form
            className="table-tools"
            onSubmit={(e) => {
              e.preventDefault();
              void add();
            }}
          >
            <select aria-label="What to add" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
              <option value="param">param</option>
              <option value="metric">metric point</option>
              <option value="tag">tag</option>
            </select>
            <input aria-label="Key" placeholder="key" value={draft.key} onChange={(e) => setDraft({ ...draft, key: e.target.value })} />
            <input aria-label="Value" placeholder="value" value={draft.value} onChange={(e) => setDraft({ ...draft, value: e.target.value })} />
            {draft.kind === 'metric' ? (
              <input
                aria-label="Step"
                placeholder="step"
                inputMode="numeric"
                value={draft.step}
                onChange={(e) => setDraft({ ...draft, step: e.target.value })}
              />
            ) : null}
            <button type="submit" className="button">
              Add
            </button>
          </form>
        </section>
        <section>
          <h4>Metrics</h4>
          <table className="drift-table">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Last</th>
                <th scope="col">Min</th>
                <th scope="col">Max</th>
                <th scope="col">Points</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(run.metrics)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([k, h]) => (
                  <tr key={k}>
                    <th scope="row">
                      <button type="button" className="button-link" aria-pressed={k === metric} onClick={() => setMetric(k)}>
                        <UserText text={k} />
                      </button>
                    </th>
                    {(['last', 'min', 'max'] as const).map((a) => {
                      const v = metricValue(h, a);
                      return (
                        <td key={a} className="num">
                          {v === null ? '—' : Number.isNaN(v) ? 'NaN' : formatNumber(v)}
                        </td>
                      );
                    })}
                    <td className="num">{h.length}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {metric ? <TrackingChart draw={drawHistory} label="History of the chosen metric" /> : null}
        </section>
      </div>
      <section>
        <h4>Note</h4>
        {/* renderMarkdown escapes raw HTML and drops unsafe URLs: the output is safe to insert. */}
        {noteHtml ? <div className="note-body" dangerouslySetInnerHTML={{ __html: noteHtml }} /> : <p className="muted">No note.</p>}
        <textarea aria-label="Note (markdown)" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" className="button" onClick={() => void act(() => setRunNote(db, run.id, note))}>
          Save note
        </button>
      </section>
      <section onDragOver={(e) => e.preventDefault()} onDrop={onDrop} className="artifact-drop" aria-label="Artifacts">
        <h4>Artifacts</h4>
        <p className="muted">Drop files here to attach them to this run (stored in your browser).</p>
        <ul>
          {artifacts.map((a) => (
            <li key={a.id}>
              <UserText text={a.path} /> <span className="muted">({formatNumber(a.size)} bytes)</span>{' '}
              <button type="button" className="button-link" onClick={() => download(a.blob, a.name, a.type || 'application/octet-stream')}>
                Download
              </button>{' '}
              {kindOf(a) ? (
                <button type="button" className="button-link" onClick={() => void previewOf(a).then((p) => setPreview({ path: a.path, preview: p }))}>
                  Preview
                </button>
              ) : null}
            </li>
          ))}
          {run.artifacts
            .filter((p) => !storedPaths.has(p))
            .map((p) => (
              <li key={p} className="muted">
                <UserText text={p} /> (listed by MLflow; its bytes were not imported)
              </li>
            ))}
        </ul>
        {preview?.preview ? (
          <figure className="artifact-preview">
            <figcaption>
              <UserText text={preview.path} />
              {preview.preview.kind !== 'image' && preview.preview.truncated ? ' (first 200 kB)' : ''}
            </figcaption>
            {preview.preview.kind === 'image' ? <img src={preview.preview.url} alt="" /> : null}
            {preview.preview.kind === 'text' ? (
              <pre>
                <bdi>{visibleControls(preview.preview.text, { lines: true })}</bdi>
              </pre>
            ) : null}
            {preview.preview.kind === 'table' ? (
              <table className="drift-table">
                <tbody>
                  {preview.preview.rows.map((row, i) => (
                    <tr key={i}>
                      {row.map((cell, j) => (
                        <td key={j}>
                          <UserText text={cell} clamp />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </figure>
        ) : null}
      </section>
    </article>
  );
}
