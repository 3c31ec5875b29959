'use client';
import { useRef, useState } from 'react';
import type { DatasetMeta } from '../../lib/data/types';
import { findSpec } from '../../lib/notebook/registry';
import type { CellRecord, WorkspaceRecord } from '../../lib/store/types';
import { download, downloadJson, downloadName, downloadReport } from '../export-report';
import { UserText } from './UserText';
import { visibleControls } from '../../lib/format';

interface Props {
  workspace: WorkspaceRecord;
  cells: CellRecord[];
  datasets: DatasetMeta[];
  onRunAll: () => void;
  onImported: (workspaceId: string) => void;
  onError: (error: unknown) => void;
  onMessage: (message: string) => void;
}

/** Run all, and the ways out: a report of chosen cells, their JSON, and a lossless workspace backup (and back in). */
export function ExportMenu({ workspace, cells, datasets, onRunAll, onImported, onError, onMessage }: Props) {
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const fileInput = useRef<HTMLInputElement>(null);
  const picked = cells.filter((c) => chosen.has(c.id));

  const exportBackup = async () => {
    const { getDb } = await import('../../lib/store/db');
    const { exportWorkspace, profilesLeftOut } = await import('../../lib/store/backup');
    const bytes = await exportWorkspace(getDb(), workspace.id);
    download(bytes as Uint8Array<ArrayBuffer>, downloadName(workspace.name, '.driftbook'), 'application/zip');
    const left = await profilesLeftOut(getDb(), workspace.id);
    if (left.length) {
      const names = left.map((d) => visibleControls(d.name)).join(', ');
      onMessage(
        `Not in the backup: ${names} — profile-only datasets (.dbprofile) are not carried; keep their .dbprofile files and drop them in again after importing.`,
      );
    }
  };

  const importBackup = async (file: File) => {
    // Unzipped and checked in a worker: a large or bomb-shaped file never freezes the page.
    const { importBackupFile } = await import('../backup-import');
    const summary = await importBackupFile(file);
    onMessage(
      `Imported “${summary.workspace.name}”: ${summary.cells} cells${summary.modelCards ? ', its model card' : ''}, ${summary.datasetsAdded} datasets added, ${summary.datasetsReused} already here.`,
    );
    onImported(summary.workspace.id);
  };

  return (
    <div className="export-menu">
      <button type="button" className="button" onClick={onRunAll} disabled={cells.length === 0}>
        Run all
      </button>
      <button
        type="button"
        className="button button-primary"
        aria-expanded={choosing}
        onClick={() => {
          setChosen(new Set(cells.filter((c) => c.result || c.kind === 'note').map((c) => c.id)));
          setChoosing(!choosing);
        }}
        disabled={cells.length === 0}
      >
        Export…
      </button>
      <button type="button" className="button" onClick={() => void exportBackup().catch(onError)} title="Every cell and dataset in one .driftbook file">
        Export workspace
      </button>
      <button type="button" className="button" onClick={() => fileInput.current?.click()}>
        Import workspace
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".driftbook,application/zip"
        hidden
        data-testid="import-workspace"
        aria-label="Import a .driftbook workspace file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importBackup(file).catch(onError);
        }}
      />
      {choosing ? (
        <div className="export-dialog" role="dialog" aria-label="Export cells">
          <fieldset>
            <legend>Cells to export</legend>
            {cells.map((c) => (
              <label key={c.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(c.id)}
                  disabled={!c.result && c.kind !== 'note'}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(c.id);
                    else next.delete(c.id);
                    setChosen(next);
                  }}
                />
                <UserText text={findSpec(c.kind)?.label ?? c.kind} />: <UserText text={c.title} clamp />
                {!c.result && c.kind !== 'note' ? <span className="muted"> (not run)</span> : null}
              </label>
            ))}
          </fieldset>
          <div className="settings-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={picked.length === 0}
              onClick={() => void downloadReport(workspace, picked, datasets).then(() => setChoosing(false), onError)}
            >
              Export report (HTML)
            </button>
            <button
              type="button"
              className="button"
              disabled={picked.length === 0}
              onClick={() => void downloadJson(workspace, picked, datasets).then(() => setChoosing(false), onError)}
            >
              Export JSON
            </button>
            <button type="button" className="button" onClick={() => setChoosing(false)}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
