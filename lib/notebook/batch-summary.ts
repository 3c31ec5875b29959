/**
 * A batch's numbers against a workspace's pinned reference: the default preset's analyses
 * (DEFAULT_PRESET: drift and quality) reduced to the scalars a batch history plots — the dataset
 * drift share with its verdict, each column's drift score and verdict (the columns × batches
 * heatmap), and the batch's share of missing cells. Drift runs with the caller's column runner, so
 * the engine's cached reference profiles (lib/store/profiles.ts) are used and the reference is not
 * scanned again; quality runs on the batch alone (its missing share needs no reference).
 */
import type { Dataset } from '../data/types';
import type { DriftConfig, DriftResult } from '../drift/types';
import { ENGINE_VERSION } from '../version';
import { driftKind } from './kinds/drift';
import { qualityKind } from './kinds/quality';
import type { QualityResult } from './kinds/quality';
import { DEFAULT_PRESET } from './presets';
import type { DriftColumnRunner } from './types';

/** One column's drift in one batch (a heatmap cell). */
export interface BatchColumnScore {
  name: string;
  method: string | null;
  /** The p-value or distance compared with the threshold; null for an infinite distance or an undefined p-value. */
  score: number | null;
  drifted: boolean;
}

/** What a batch keeps of its analyses: plain JSON, stored with the batch and in backups. */
export interface BatchSummary {
  schemaVersion: 1;
  /** The reference it was computed against (a re-pinned reference makes the summary stale). */
  reference: { sha256: string; name: string; rows: number };
  rows: number;
  /** The share the drift verdict uses (all tested columns, or features only as the config says). */
  driftShare: number;
  datasetDrifted: boolean;
  driftThreshold: number;
  driftedColumns: number;
  testedColumns: number;
  /** Missing cells / all cells of the batch (null for a batch without cells). */
  missingShare: number | null;
  columns: BatchColumnScore[];
  warnings: string[];
  engineVersion: number;
  computedAt: string;
}

export interface BatchSummaryOptions {
  /** Drift settings (the drift kind's defaults when absent). */
  drift?: DriftConfig;
  /** Runs one drift column with the reference's cached profile (lib/engine.ts; the CLI keeps its own). */
  driftColumn?: DriftColumnRunner;
  now?: Date;
}

/** The preset's kinds a summary reads: a preset that stops listing drift and quality fails to compile here. */
export const BATCH_KINDS: readonly ['drift', 'quality'] = DEFAULT_PRESET;

/** Missing cells over all cells of one side of a quality result. */
export function missingShareOf(result: QualityResult): number | null {
  let missing = 0;
  let cells = 0;
  for (const column of result.columns) {
    missing += column.reference.missing;
    cells += column.reference.missing + column.reference.count;
  }
  return cells === 0 ? null : missing / cells;
}

/** The per-batch scalars of a drift result and the batch's quality. */
export function toBatchSummary(drift: DriftResult, quality: QualityResult, now = new Date()): BatchSummary {
  const { dataset } = drift;
  const share = dataset.shareOf === 'features' ? (dataset.featureShare ?? dataset.share) : dataset.share;
  return {
    schemaVersion: 1,
    reference: { sha256: drift.reference.sha256, name: drift.reference.name, rows: drift.reference.rows },
    rows: drift.current.rows,
    driftShare: share,
    datasetDrifted: dataset.drifted,
    driftThreshold: dataset.threshold,
    driftedColumns: dataset.driftedColumns,
    testedColumns: dataset.columns,
    missingShare: missingShareOf(quality),
    columns: drift.columns
      .filter((c) => c.tested)
      .map((c) => ({ name: c.name, method: c.method ?? null, score: c.score ?? null, drifted: c.drifted === true })),
    warnings: [...drift.warnings, ...quality.warnings],
    engineVersion: ENGINE_VERSION,
    computedAt: now.toISOString(),
  };
}

/** Runs the preset's analyses of one batch against the reference and keeps their scalars. */
export async function summarizeBatch(reference: Dataset, batch: Dataset, options: BatchSummaryOptions = {}): Promise<BatchSummary> {
  const config = options.drift ?? driftKind.defaultConfig({ reference: reference.meta, current: batch.meta });
  const drift = await driftKind.compute!({ reference, current: batch }, config, options.driftColumn ? { driftColumn: options.driftColumn } : {});
  const quality = await qualityKind.compute!({ reference: batch }, {}, {});
  return toBatchSummary(drift, quality, options.now);
}

/** One batch as the history's charts and list show it. */
export interface BatchPoint {
  /** Position in the history (by date, then added time). */
  index: number;
  id: string;
  date: string;
  name: string;
  summary?: BatchSummary;
  /** Computed against another reference than the pinned one: not drawn until recomputed. */
  stale: boolean;
}

/** The history's points, in order, from batches already sorted by date then added time. */
export function toBatchPoints(
  batches: readonly { id: string; date: string; dataset: { name: string }; summary?: BatchSummary }[],
  pinnedSha256: string | undefined,
): BatchPoint[] {
  return batches.map((b, index) => ({
    index,
    id: b.id,
    date: b.date,
    name: b.dataset.name,
    ...(b.summary ? { summary: b.summary } : {}),
    stale: b.summary !== undefined && b.summary.reference.sha256 !== pinnedSha256,
  }));
}
