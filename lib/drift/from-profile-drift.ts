/**
 * Drift between two mergeable profiles (issue 19) as the usual DriftResult, so every consumer (the
 * drift cell, reports, alerts, the Prometheus format, the CLI's JSON) reads it unchanged. Each test
 * says whether it is exact from the profiles, approximate (with its bound) or needs the rows
 * (`fromProfile` + `fromProfileReason`, lib/drift/from-profile-tests.ts).
 */

import type { DatasetMeta } from '../data/types';
import { AnalysisError } from '../errors';
import type { DbProfile, ProfileColumn } from '../profile/mergeable/types';
import { resolveColumnType } from '../profile/column-type';
import { APP_VERSION } from '../version';
import { applyCorrection } from './compute-drift';
import { computeDatasetDrift } from './dataset-drift';
import { planRoles } from './drift-roles';
import { columnFromProfiles } from './from-profile-column';
import { validateKindMethods } from './methods/registry';
import type { ColumnDriftResult, DatasetRef, DriftConfig, DriftResult } from './types';

/** A compared side: how the result names it, and the roles its dataset carries (user-set roles decide, as in raw-row drift). */
export type ProfileDatasetRef = DatasetRef & Partial<Pick<DatasetMeta, 'roles' | 'roleSources'>>;

function preview(names: readonly string[]): string {
  const shown = names.slice(0, 6).join(', ');
  return names.length > 6 ? `${shown}, … (${names.length} in all)` : shown;
}

function refOf(d: DatasetRef): DatasetRef {
  return { name: d.name, rows: d.rows, sha256: d.sha256, ...(d.segment ? { segment: d.segment } : {}) };
}

/** The columns to compare: both profiles' shared names, narrowed by `config.columns` (unknown names are errors). */
function lineUp(reference: DbProfile, current: DbProfile, config: DriftConfig) {
  const refNames = reference.columns.map((c) => c.name);
  const curNames = new Set(current.columns.map((c) => c.name));
  const shared = refNames.filter((n) => curNames.has(n));
  const onlyInReference = refNames.filter((n) => !curNames.has(n));
  const onlyInCurrent = current.columns.map((c) => c.name).filter((n) => !refNames.includes(n));
  if (shared.length === 0) {
    throw new AnalysisError(
      'no-common-columns',
      `no columns in common: reference profile has ${preview(onlyInReference)}; current has ${preview(onlyInCurrent)} — both need the same column names`,
    );
  }
  for (const name of [...(config.columns ?? []), ...Object.keys(config.columnMethods ?? {})]) {
    if (!shared.includes(name)) throw new AnalysisError('unknown-column', `column ${name}: not in both profiles — columns: ${preview(shared)}`);
  }
  const chosen = config.columns?.length ? new Set(config.columns) : undefined;
  return { shared, compared: chosen ? shared.filter((n) => chosen.has(n)) : shared, onlyInReference, onlyInCurrent };
}

/** Exact p-values are corrected together; approximate ones stay as they are (said in a warning). */
function correct(columns: ColumnDriftResult[], config: DriftConfig, warnings: string[]): void {
  if (!config.correction || config.correction === 'none') return;
  const isExact = (c: ColumnDriftResult) => c.tests?.[c.method!]?.fromProfile === 'exact';
  applyCorrection(columns, config.correction, isExact);
  const left = columns.filter((c) => c.tested && c.scoreKind === 'p-value' && !isExact(c)).map((c) => c.name);
  if (left.length) warnings.push(`${config.correction} correction: applied to exact p-values only — not to ${preview(left)} (approximate from sketches)`);
}

/**
 * The drift between two profiles (a `.dbprofile`, or a dataset profiled with the reference's edges:
 * `buildProfile(dataset, { edgesFrom })`), computed with the same options as raw-row drift.
 * `sides` records which sides were given as profiles (both, unless a caller profiled rows itself).
 */
export function driftFromProfiles(
  reference: DbProfile,
  current: DbProfile,
  config: DriftConfig,
  datasets: { reference: ProfileDatasetRef; current: ProfileDatasetRef },
  sides: { reference: boolean; current: boolean } = { reference: true, current: true },
): DriftResult {
  validateKindMethods(config.numericMethod, config.categoricalMethod);
  const { shared, compared, onlyInReference, onlyInCurrent } = lineUp(reference, current, config);
  const roles = planRoles(datasets.reference, datasets.current, { compared, shared }, config);
  const byName = (p: DbProfile) => new Map<string, ProfileColumn>(p.columns.map((c) => [c.name, c]));
  const [refColumns, curColumns] = [byName(reference), byName(current)];
  const warnings: string[] = [];
  const columns = compared.map((name) => {
    const [r, c] = [refColumns.get(name)!, curColumns.get(name)!];
    const { type, conflict } = resolveColumnType(r.type, c.type, r.count, c.count);
    if (conflict) warnings.push(`type conflict: column "${name}" is ${r.type} in reference and ${c.type} in current — compared as ${type}`);
    return columnFromProfiles(name, type, { reference: r, current: c }, config, roles.decided[name]);
  });
  warnings.push(...roles.warnings);
  correct(columns, config, warnings);
  if (config.bins) warnings.push("bins: not applied — from profiles, binned methods use the reference profile's fixed edges");
  if (onlyInReference.length) warnings.push(`columns only in reference: ${preview(onlyInReference)}`);
  if (onlyInCurrent.length) warnings.push(`columns only in current: ${preview(onlyInCurrent)}`);
  return {
    kind: 'drift',
    schemaVersion: 1,
    tool: { name: 'driftbook', version: APP_VERSION },
    reference: refOf(datasets.reference),
    current: refOf(datasets.current),
    columns,
    onlyInReference,
    onlyInCurrent,
    dataset: { ...computeDatasetDrift(columns, config.driftShare, config.shareOf), correction: config.correction ?? 'none' },
    roles: roles.shown,
    config,
    fromProfile: sides,
    warnings,
  };
}
