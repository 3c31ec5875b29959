import { AnalysisError, type ErrorInfo } from '../errors';
import { changeKind } from './kinds/change';
import { chartKind } from './kinds/chart';
import { classificationKind } from './kinds/classification';
import { columnKind } from './kinds/column';
import { driftKind } from './kinds/drift';
import { estimatedKind } from './kinds/estimated';
import { explainKind } from './kinds/explain';
import { fairnessKind } from './kinds/fairness';
import { metricsKind } from './kinds/metrics';
import { noteKind } from './kinds/note';
import { operationalKind } from './kinds/operational';
import { qualityKind } from './kinds/quality';
import { regressionKind } from './kinds/regression';
import { timelineKind } from './kinds/timeline';
import { validationKind } from './kinds/validation';
import { valueKind } from './kinds/value';
import { comparisonKind } from './kinds/comparison';
import { abtestKind } from './kinds/abtest';
import { multivariateKind } from './kinds/multivariate';
import type { CellKindSpec } from './types';

/**
 * Every kind of notebook cell, in the add menu's order. A new kind is one module in kinds/ and
 * one line here (plus its report section and its component, each one line in their registry).
 */
const SPECS = {
  drift: driftKind,
  column: columnKind,
  quality: qualityKind,
  note: noteKind,
  chart: chartKind,
  classification: classificationKind,
  regression: regressionKind,
  operational: operationalKind,
  estimated: estimatedKind,
  fairness: fairnessKind,
  timeline: timelineKind,
  change: changeKind,
  metrics: metricsKind,
  validation: validationKind,
  value: valueKind,
  comparison: comparisonKind,
  abtest: abtestKind,
  multivariate: multivariateKind,
  explain: explainKind,
};

type Specs = typeof SPECS;

/** The kinds this version knows, derived from the registry. */
export type CellKind = keyof Specs;

/** Each kind's config and result types, read off its spec. */
export type CellConfigs = { [K in CellKind]: Specs[K] extends CellKindSpec<K, infer C, infer _R> ? C : never };
export type CellResults = { [K in CellKind]: Specs[K] extends CellKindSpec<K, infer _C, infer R> ? R : never };
export type CellConfig = CellConfigs[CellKind];
export type CellResult = CellResults[CellKind];

export type KindSpec<K extends CellKind> = CellKindSpec<K, CellConfigs[K], CellResults[K]>;

/** kind → spec, typed so that a kind's config and result stay tied to it in generic code. */
export const CELL_REGISTRY: { readonly [K in CellKind]: KindSpec<K> } = SPECS;

export const CELL_KINDS = Object.keys(SPECS) as CellKind[];

/** Whether this version knows the kind (a backup from a newer version, or a damaged file, may hold others). */
export function isKnownKind(kind: unknown): kind is CellKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(SPECS, kind);
}

/** What a cell of an unknown kind shows instead of its content (it is kept as stored, never computed). */
export function unknownKindError(kind: unknown): ErrorInfo {
  return {
    kind: 'AnalysisError',
    code: 'unknown-cell-kind',
    message: `unknown cell kind: ${String(kind)} — this version of Driftbook cannot show or run it (it may come from a newer version); delete the cell or open it in that version`,
  };
}

/** A kind's spec; a typed error for a kind this version does not know. */
export function cellSpec<K extends CellKind>(kind: K): KindSpec<K> {
  if (!isKnownKind(kind)) {
    const info = unknownKindError(kind);
    throw new AnalysisError(info.code, info.message);
  }
  return CELL_REGISTRY[kind];
}

/** The spec of a stored kind, or undefined when this version does not know it. */
export function findSpec(kind: string): KindSpec<CellKind> | undefined {
  return isKnownKind(kind) ? CELL_REGISTRY[kind] : undefined;
}
