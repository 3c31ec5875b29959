'use client';
import { useState, type FormEvent } from 'react';
import type { BinsOption, Correction, DriftConfig, ShareOf } from '../../../lib/drift/types';
import { DRIFT_METHODS, methodsFor } from '../../../lib/drift/methods/registry';
import { UserText } from '../../ui/UserText';

interface Props {
  config: DriftConfig;
  onApply: (config: DriftConfig) => void;
  disabled?: boolean;
}

const ALL_IDS = [...DRIFT_METHODS.keys()];

function MethodSelect({ label, value, ids, onChange }: { label: string; value?: string; ids: string[]; onChange: (id?: string) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">Evidently&apos;s default</option>
        {ids.map((id) => (
          <option key={id} value={id} title={DRIFT_METHODS.get(id)?.definition}>
            {id}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The drift cell's settings: methods, threshold, dataset share (and of which columns), bins, correction; Apply re-runs the cell. */
export function DriftSettings({ config, onApply, disabled }: Props) {
  const [draft, setDraft] = useState<DriftConfig>(config);
  const [error, setError] = useState<string>();
  const set = (patch: Partial<DriftConfig>) => setDraft((d) => ({ ...d, ...patch }));
  const bins = draft.bins ?? { kind: 'sturges' };
  const binsN = bins.kind === 'quantile' || bins.kind === 'uniform' ? bins.n : 10;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean: DriftConfig = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined && v !== '')) as DriftConfig;
    if (clean.threshold !== undefined && !(clean.threshold >= 0)) return setError('threshold: must be a number ≥ 0');
    if (clean.driftShare !== undefined && !(clean.driftShare >= 0 && clean.driftShare <= 1)) return setError('drift share: must be between 0 and 1');
    setError(undefined);
    onApply(clean);
  };

  return (
    <details className="settings">
      <summary>Settings</summary>
      <form onSubmit={submit} aria-label="Drift settings">
        <div className="settings-grid">
          <MethodSelect label="Method, all columns" value={draft.method} ids={ALL_IDS} onChange={(method) => set({ method })} />
          <MethodSelect label="Numeric columns" value={draft.numericMethod} ids={methodsFor('numeric')} onChange={(numericMethod) => set({ numericMethod })} />
          <MethodSelect
            label="Categorical columns"
            value={draft.categoricalMethod}
            ids={methodsFor('categorical')}
            onChange={(categoricalMethod) => set({ categoricalMethod })}
          />
          <label className="field">
            <span>Threshold</span>
            <input
              type="number"
              step="any"
              min={0}
              placeholder="method default"
              value={draft.threshold ?? ''}
              onChange={(e) => set({ threshold: e.target.value === '' ? undefined : Number(e.target.value) })}
            />
          </label>
          <label className="field">
            <span>Dataset drift share</span>
            <input
              type="number"
              step="any"
              min={0}
              max={1}
              placeholder="0.5"
              value={draft.driftShare ?? ''}
              onChange={(e) => set({ driftShare: e.target.value === '' ? undefined : Number(e.target.value) })}
            />
          </label>
          <label className="field">
            <span>Dataset drift share of</span>
            <select
              value={draft.shareOf ?? 'all'}
              // 'all' is the default: left out of the config, so the cell's result key stays as it was.
              onChange={(e) => set({ shareOf: e.target.value === 'all' ? undefined : (e.target.value as ShareOf) })}
            >
              <option value="all">every tested column (as Evidently)</option>
              <option value="features">features only (no target, prediction or score role set by you)</option>
            </select>
          </label>
          <label className="field">
            <span>Bins (psi, kl_div, jensenshannon, hellinger)</span>
            <span className="inline">
              <select
                value={bins.kind === 'edges' ? 'sturges' : bins.kind}
                onChange={(e) => {
                  const kind = e.target.value as BinsOption['kind'];
                  set({ bins: kind === 'quantile' || kind === 'uniform' ? { kind, n: binsN } : { kind: 'sturges' } });
                }}
              >
                <option value="sturges">Evidently (Sturges)</option>
                <option value="quantile">reference quantiles</option>
                <option value="uniform">equal width</option>
              </select>
              {bins.kind === 'quantile' || bins.kind === 'uniform' ? (
                <input
                  type="number"
                  min={1}
                  step={1}
                  aria-label="Number of bins"
                  value={binsN}
                  onChange={(e) => set({ bins: { kind: bins.kind, n: Math.max(1, Math.round(Number(e.target.value) || 1)) } })}
                />
              ) : null}
            </span>
          </label>
          <label className="field">
            <span>Multiple-testing correction</span>
            <select value={draft.correction ?? 'none'} onChange={(e) => set({ correction: e.target.value as Correction })}>
              <option value="none">none</option>
              <option value="bonferroni">Bonferroni</option>
              <option value="bh">Benjamini–Hochberg</option>
            </select>
          </label>
          <label className="field check">
            <input type="checkbox" checked={draft.methods === 'all'} onChange={(e) => set({ methods: e.target.checked ? 'all' : undefined })} />
            <span>Also compute every applicable method</span>
          </label>
        </div>
        {error ? (
          <p className="error-message" role="alert">
            <UserText text={error} />
          </p>
        ) : null}
        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={disabled}>
            Apply and run
          </button>
          <button type="button" className="button" onClick={() => setDraft({})}>
            Reset to defaults
          </button>
        </div>
      </form>
    </details>
  );
}
