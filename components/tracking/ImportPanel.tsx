'use client';
import { useRef, useState, type DragEvent } from 'react';
import { errorMessage } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import type { ImportReport } from '../../lib/store/tracking-import';
import { getClient } from '../engine';
import { UserText } from '../ui/UserText';

interface Picked {
  path: string;
  file: File;
}

/** Every file under a dropped folder, with its path from the folder's own name (as webkitRelativePath gives). */
async function filesOfEntry(entry: FileSystemEntry, prefix = ''): Promise<Picked[]> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path, file }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const entries: FileSystemEntry[] = [];
  // readEntries returns at most 100 entries a call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    entries.push(...batch);
  }
  return (await Promise.all(entries.map((e) => filesOfEntry(e, path)))).flat();
}

const countsText = (c: { added: number; updated: number; unchanged: number }) =>
  `${formatCount(c.added)} added, ${formatCount(c.updated)} updated, ${formatCount(c.unchanged)} unchanged`;

/** MLflow import: an mlruns folder (picker or drop), read and stored in a worker with progress and cancel. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [busy, setBusy] = useState<string>();
  const [result, setResult] = useState<{ name: string; report: ImportReport; warnings: string[] }>();
  const [problem, setProblem] = useState<string>();
  const [over, setOver] = useState(false);
  const folderInput = useRef<HTMLInputElement>(null);

  const importFolder = (name: string, files: Picked[]) => run(name, { kind: 'mlruns', name, files }, files.length === 0 ? 'the folder is empty' : undefined);
  const importDb = (file: File) => run(file.name, { kind: 'mlflow-db', name: file.name, file });
  const run = async (name: string, source: Parameters<ReturnType<typeof getClient>['importTracking']>[0], refused?: string) => {
    setBusy(name);
    setProblem(undefined);
    setResult(undefined);
    setProgress(undefined);
    try {
      if (refused) throw new Error(refused);
      const out = await getClient().importTracking(source, (done, total) => setProgress({ done, total }));
      setResult({ name, ...out });
      onImported();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  };

  const onPick = (list: FileList | null) => {
    const files = Array.from(list ?? []).map((file) => ({ path: file.webkitRelativePath || file.name, file }));
    const name = files[0]?.path.split('/')[0] ?? 'mlruns';
    if (folderInput.current) folderInput.current.value = '';
    void importFolder(name, files);
  };

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const entries = Array.from(event.dataTransfer.items)
      .map((item) => item.webkitGetAsEntry())
      .filter((e): e is FileSystemEntry => e !== null);
    const folder = entries.find((e) => e.isDirectory);
    const dbFile = Array.from(event.dataTransfer.files).find((f) => /\.(db|sqlite3?)$/i.test(f.name));
    if (!folder && dbFile) return importDb(dbFile);
    if (!folder) {
      setProblem('drop an mlruns folder or an mlflow.db file');
      return;
    }
    try {
      await importFolder(folder.name, await filesOfEntry(folder));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <section className="tracking-import" aria-label="Import from MLflow" data-testid="tracking-import">
      <div
        className={`drop-zone${over ? ' drop-zone-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <p>
          Drop an MLflow <code>mlruns</code> folder or <code>mlflow.db</code> here, or{' '}
          <label className="button">
            choose a folder…
            <input
              ref={(el) => {
                folderInput.current = el;
                el?.setAttribute('webkitdirectory', '');
              }}
              type="file"
              className="visually-hidden"
              data-testid="mlruns-input"
              disabled={busy !== undefined}
              onChange={(e) => onPick(e.target.files)}
            />
          </label>
        </p>
        <p>
          or an <code>mlflow.db</code> (MLflow&apos;s SQLite store){' '}
          <label className="button">
            choose a database…
            <input
              type="file"
              className="visually-hidden"
              accept=".db,.sqlite,.sqlite3"
              data-testid="mlflow-db-input"
              disabled={busy !== undefined}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importDb(file);
              }}
            />
          </label>
        </p>
        <p className="muted">Read in your browser (a worker); nothing is uploaded and no artifact location is followed.</p>
      </div>
      {busy !== undefined ? (
        <div role="status" className="import-progress">
          Importing <UserText text={busy} />… {progress ? `${formatCount(progress.done)} of ${formatCount(progress.total)} files` : ''}
          <progress value={progress?.done} max={progress?.total} aria-label="Import progress" />
          <button type="button" className="button" onClick={() => getClient().cancel()}>
            Cancel
          </button>
        </div>
      ) : null}
      {problem ? (
        <p className="error-box" role="alert">
          Not imported: <UserText text={problem} />
        </p>
      ) : null}
      {result ? (
        <div role="status" data-testid="import-result">
          <p>
            Imported <UserText text={result.name} />: experiments {countsText(result.report.experiments)}; runs {countsText(result.report.runs)}; registered
            models {countsText(result.report.registeredModels)}.
          </p>
          {result.warnings.length ? (
            <details>
              <summary>
                {formatCount(result.warnings.length)} {result.warnings.length === 1 ? 'warning' : 'warnings'}
              </summary>
              <ul>
                {result.warnings.map((w, i) => (
                  <li key={i}>
                    <UserText text={w} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
