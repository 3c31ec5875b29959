'use client';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { visibleControls } from '../../lib/format';
import type { DriftbookDb } from '../../lib/store/db';
import { registerFromRun, setAlias, transitionStage } from '../../lib/store/registry';
import type { RegisteredModelRecord, RunRecord } from '../../lib/store/tracking-records';
import { WORKSPACE_TAG } from '../../lib/tracking/cell-run';
import { runLabel } from '../../lib/tracking/compare';
import { STAGES } from '../../lib/tracking/registry';
import { UserText } from '../ui/UserText';

const time = (t: number | null) => (t === null ? '—' : new Date(t).toISOString().replace('T', ' ').slice(0, 19));

interface Props {
  db: DriftbookDb;
  models: RegisteredModelRecord[];
  runs: RunRecord[];
  /** Runs selected in the table: the first is offered for "register a version". */
  selectedRuns: RunRecord[];
  onChanged: () => void;
  onOpenRun: (id: string) => void;
  /** Opens the model card of the workspace a Driftbook run was logged from (its driftbook.workspaceId tag). */
  onOpenCard?: (workspaceId: string) => void;
}

/** Registered models → versions (run, source, status, stage, description, tags, times) and aliases; register, move an alias, change a stage. */
export function RegistryView({ db, models, runs, selectedRuns, onChanged, onOpenRun, onOpenCard }: Props) {
  const [problem, setProblem] = useState<string>();
  const [modelName, setModelName] = useState('');
  const [runId, setRunId] = useState('');
  const [aliasDraft, setAliasDraft] = useState<Record<string, { alias: string; version: string }>>({});
  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
      onChanged();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const candidates = selectedRuns.length ? selectedRuns : runs;
  const chosenRun = runId || candidates[0]?.id || '';
  const runById = new Map(runs.map((r) => [r.id, r]));

  return (
    <section className="registry" aria-label="Model registry" data-testid="registry">
      <form
        className="table-tools"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => registerFromRun(db, modelName, chosenRun));
        }}
      >
        <label>
          Register run{' '}
          <select value={chosenRun} onChange={(e) => setRunId(e.target.value)} data-testid="register-run">
            {candidates.map((r) => (
              <option key={r.id} value={r.id}>
                {visibleControls(runLabel(r))}
              </option>
            ))}
          </select>
        </label>
        <label>
          as a version of{' '}
          <input
            value={modelName}
            onChange={(e) => setModelName(e.target.value)}
            placeholder="model name"
            list="registry-model-names"
            data-testid="register-model"
            required
          />
          <datalist id="registry-model-names">
            {models.map((m) => (
              <option key={m.name} value={visibleControls(m.name)} />
            ))}
          </datalist>
        </label>
        <button type="submit" className="button button-primary" disabled={!chosenRun || !modelName.trim()}>
          Register version
        </button>
      </form>
      {problem ? (
        <p className="error-box" role="alert">
          <UserText text={problem} />
        </p>
      ) : null}
      {models.length === 0 ? <p className="muted">No registered model yet.</p> : null}
      {models.map((m) => {
        const draft = aliasDraft[m.name] ?? { alias: '', version: String(m.versions.at(-1)?.version ?? '') };
        const aliasesOf = (v: number) =>
          Object.entries(m.aliases)
            .filter(([, n]) => n === v)
            .map(([a]) => a);
        return (
          <article key={m.name} className="registry-model" data-model={m.name}>
            <h3>
              <UserText text={m.name} />
            </h3>
            {m.description ? (
              <p className="multiline">
                <bdi>{visibleControls(m.description, { lines: true })}</bdi>
              </p>
            ) : null}
            <p className="muted">
              Aliases:{' '}
              {Object.keys(m.aliases).length
                ? Object.entries(m.aliases)
                    .sort()
                    .map(([alias, v], i) => (
                      <span key={alias} data-alias={alias}>
                        {i ? ', ' : ''}@<UserText text={alias} /> → v{v}
                      </span>
                    ))
                : 'none'}
            </p>
            {m.versions.length === 0 ? <p className="muted">No versions: register a run as its first version.</p> : null}
            <div className="table-wrap" hidden={m.versions.length === 0}>
              <table className="drift-table registry-table">
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Aliases</th>
                    <th scope="col">Stage</th>
                    <th scope="col">Status</th>
                    <th scope="col">Source run</th>
                    <th scope="col">Source</th>
                    <th scope="col">Description</th>
                    <th scope="col">Tags</th>
                    <th scope="col">Created</th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {m.versions.map((v) => {
                    const run = v.runId ? runById.get(v.runId) : undefined;
                    return (
                      <tr key={v.version} data-version={v.version}>
                        <th scope="row">v{v.version}</th>
                        <td>
                          {aliasesOf(v.version)
                            .map((a) => `@${visibleControls(a)}`)
                            .join(', ')}
                        </td>
                        <td>
                          <select
                            aria-label={`Stage of version ${v.version}`}
                            value={v.currentStage}
                            onChange={(e) => void act(() => transitionStage(db, m.name, v.version, e.target.value))}
                          >
                            {[...new Set([...STAGES, v.currentStage])].map((s) => (
                              <option key={s} value={s}>
                                {visibleControls(s)}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <UserText text={v.status} />
                        </td>
                        <td>
                          {run ? (
                            <>
                              <button type="button" className="button-link" onClick={() => onOpenRun(run.id)}>
                                <UserText text={runLabel(run)} clamp />
                              </button>
                              {onOpenCard && run.tags[WORKSPACE_TAG] ? (
                                <>
                                  {' · '}
                                  <button type="button" className="button-link" data-testid="version-card" onClick={() => onOpenCard(run.tags[WORKSPACE_TAG]!)}>
                                    model card
                                  </button>
                                </>
                              ) : null}
                            </>
                          ) : (
                            <UserText text={v.runId ?? '—'} clamp />
                          )}
                        </td>
                        <td>
                          <UserText text={v.source} clamp />
                        </td>
                        <td className="multiline">
                          <bdi>{visibleControls(v.description || '—', { lines: true })}</bdi>
                        </td>
                        <td>
                          <UserText
                            text={
                              Object.entries(v.tags)
                                .map(([k, val]) => `${k}=${val}`)
                                .join(', ') || '—'
                            }
                            clamp
                          />
                        </td>
                        <td>{time(v.creationTimestamp)}</td>
                        <td>{time(v.lastUpdatedTimestamp)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {m.versions.length === 0 ? null : (
              <form
                className="table-tools"
                onSubmit={(e) => {
                  e.preventDefault();
                  void act(() => setAlias(db, m.name, draft.alias.trim(), Number(draft.version)));
                }}
              >
                <label>
                  Alias{' '}
                  <input
                    value={draft.alias}
                    onChange={(e) => setAliasDraft({ ...aliasDraft, [m.name]: { ...draft, alias: e.target.value } })}
                    placeholder="champion"
                    data-testid="alias-name"
                    required
                  />
                </label>
                <label>
                  → version{' '}
                  <select
                    value={draft.version}
                    onChange={(e) => setAliasDraft({ ...aliasDraft, [m.name]: { ...draft, version: e.target.value } })}
                    data-testid="alias-version"
                  >
                    {m.versions.map((v) => (
                      <option key={v.version} value={v.version}>
                        v{v.version}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className="button">
                  Set / move alias
                </button>
              </form>
            )}
          </article>
        );
      })}
    </section>
  );
}
