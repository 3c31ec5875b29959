'use client';
import { useState } from 'react';
import type { DatasetMeta } from '../../lib/data/types';
import type { WorkspaceRecord } from '../../lib/store/types';
import { formatBytes, formatCount } from '../format';
import { StoragePanel } from './StoragePanel';
import { UserText } from './UserText';
import { visibleControls } from '../../lib/format';

interface Props {
  workspaces: WorkspaceRecord[];
  activeId?: string;
  datasets: DatasetMeta[];
  /** Datasets the open workspace uses (its inputs), marked in the library. */
  usedIds?: ReadonlySet<string>;
  onOpen: (id: string) => void;
  onNew: () => void;
  onRename: (id: string, name: string) => void;
  onDuplicate: (id: string) => void;
  onDeleteWorkspace: (id: string) => void;
  /** Use a stored dataset as one side of the next comparison, without uploading it again. */
  onUse: (role: 'reference' | 'current', dataset: DatasetMeta) => void;
  onDelete: (dataset: DatasetMeta) => void;
  /** Download a stored dataset's profile (.dbprofile), built in a worker. */
  onDownloadProfile?: (dataset: DatasetMeta) => void;
}

function DatasetItem({
  d,
  used,
  onUse,
  onDelete,
  onDownloadProfile,
}: { d: DatasetMeta; used: boolean } & Pick<Props, 'onUse' | 'onDelete' | 'onDownloadProfile'>) {
  const profileOnly = d.format === 'dbprofile';
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="dataset-item" data-testid="dataset-item" title={`SHA-256 ${d.sha256}`}>
      <span className="dataset-name">
        <UserText text={d.name} clamp />
        {profileOnly ? (
          <span className="badge badge-muted" title="a .dbprofile: summaries only, no rows — drift and data quality run on it" data-testid="profile-badge">
            profile
          </span>
        ) : null}
        {used ? (
          <span className="used-tag" title="Used by the open workspace">
            in this workspace
          </span>
        ) : null}
      </span>
      <span className="muted">
        {d.format} · {formatCount(d.rows)} rows · {d.schema.length} cols · {formatBytes(d.bytes)} · <code>{d.sha256.slice(0, 8)}</code>
      </span>
      <span className="muted">added {d.createdAt.slice(0, 10)}</span>
      {confirming ? (
        <span className="dataset-actions">
          Delete <UserText text={d.name} clamp />?{' '}
          <button type="button" className="link-button danger" onClick={() => onDelete(d)}>
            Delete
          </button>
          <button type="button" className="link-button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <span className="dataset-actions">
          <button type="button" className="link-button" onClick={() => onUse('reference', d)} aria-label={`Use ${visibleControls(d.name)} as reference`}>
            as reference
          </button>
          <button type="button" className="link-button" onClick={() => onUse('current', d)} aria-label={`Use ${visibleControls(d.name)} as current`}>
            as current
          </button>
          {!profileOnly && onDownloadProfile ? (
            <button
              type="button"
              className="link-button"
              onClick={() => onDownloadProfile(d)}
              aria-label={`Download the profile (.dbprofile) of ${visibleControls(d.name)}`}
              title="Download profile (.dbprofile): counts, moments, histograms, categories and quantile sketches — keep this instead of the rows"
            >
              .dbprofile
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={() => setConfirming(true)} aria-label={`Delete ${visibleControls(d.name)}`}>
            delete
          </button>
        </span>
      )}
    </li>
  );
}

function WorkspaceItem({
  w,
  active,
  onOpen,
  onRename,
  onDuplicate,
  onDeleteWorkspace,
}: { w: WorkspaceRecord; active: boolean } & Pick<Props, 'onOpen' | 'onRename' | 'onDuplicate' | 'onDeleteWorkspace'>) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view');
  if (mode === 'rename') {
    return (
      <li>
        <form
          className="rename-form"
          onSubmit={(e) => {
            e.preventDefault();
            const name = new FormData(e.currentTarget).get('name');
            if (typeof name === 'string' && name.trim()) onRename(w.id, name);
            setMode('view');
          }}
        >
          <input
            name="name"
            defaultValue={w.name}
            aria-label={`New name for ${visibleControls(w.name)}`}
            autoFocus
            onKeyDown={(e) => e.key === 'Escape' && setMode('view')}
          />
          <button type="submit" className="link-button">
            Save
          </button>
        </form>
      </li>
    );
  }
  return (
    <li className={`workspace-item${active ? ' active' : ''}`} data-testid="workspace-item">
      <button type="button" className={`sidebar-item${active ? ' active' : ''}`} aria-current={active ? 'page' : undefined} onClick={() => onOpen(w.id)}>
        <UserText text={w.name} clamp />
      </button>
      {mode === 'confirm' ? (
        <span className="dataset-actions">
          Delete this workspace?{' '}
          <button type="button" className="link-button danger" onClick={() => onDeleteWorkspace(w.id)}>
            Delete
          </button>
          <button type="button" className="link-button" onClick={() => setMode('view')}>
            Keep
          </button>
        </span>
      ) : (
        <span className="dataset-actions workspace-actions">
          <button type="button" className="link-button" onClick={() => setMode('rename')} aria-label={`Rename ${visibleControls(w.name)}`}>
            rename
          </button>
          <button type="button" className="link-button" onClick={() => onDuplicate(w.id)} aria-label={`Duplicate ${visibleControls(w.name)}`}>
            duplicate
          </button>
          <button type="button" className="link-button" onClick={() => setMode('confirm')} aria-label={`Delete ${visibleControls(w.name)}`}>
            delete
          </button>
        </span>
      )}
    </li>
  );
}

export function Sidebar({
  workspaces,
  activeId,
  datasets,
  usedIds,
  onOpen,
  onNew,
  onRename,
  onDuplicate,
  onDeleteWorkspace,
  onUse,
  onDelete,
  onDownloadProfile,
}: Props) {
  return (
    <aside className="sidebar" aria-label="Workspaces and datasets">
      <div className="brand">
        <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
          <rect width="32" height="32" rx="7" fill="#4338ca" />
          <path d="M6 22c4 0 5-12 10-12s6 8 10 8" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
          <path d="M6 25c4 0 6-7 10-7s6 4 10 4" fill="none" stroke="#fdba74" strokeWidth="2.2" strokeLinecap="round" />
        </svg>
        <span>Driftbook</span>
      </div>

      <nav aria-label="Workspaces">
        <div className="sidebar-heading">
          <span>Workspaces</span>
          <button type="button" className="icon-button" onClick={onNew} aria-label="New workspace" title="New workspace">
            +
          </button>
        </div>
        <ul className="sidebar-list">
          {workspaces.map((w) => (
            <WorkspaceItem
              key={w.id}
              w={w}
              active={w.id === activeId}
              onOpen={onOpen}
              onRename={onRename}
              onDuplicate={onDuplicate}
              onDeleteWorkspace={onDeleteWorkspace}
            />
          ))}
        </ul>
      </nav>

      <section aria-label="Stored datasets">
        <div className="sidebar-heading">
          <span>Datasets</span>
          <span className="muted">{datasets.length}</span>
        </div>
        <ul className="sidebar-list datasets" data-testid="dataset-list">
          {datasets.map((d) => (
            <DatasetItem key={d.id} d={d} used={usedIds?.has(d.id) ?? false} onUse={onUse} onDelete={onDelete} onDownloadProfile={onDownloadProfile} />
          ))}
        </ul>
      </section>

      <StoragePanel />
    </aside>
  );
}
