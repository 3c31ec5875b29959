import { AnalysisError } from '../../errors';
import { mergeCategories } from './categories';
import { mergeEngineQuantiles } from './engine-quantiles';
import { mergeHistograms } from './fixed-histogram';
import { mergeKll } from './kll';
import { mergeMoments } from './moments';
import type { DbProfile, ProfileColumn } from './types';

function incompatible(column: string, what: string): AnalysisError {
  return new AnalysisError('incompatible-profiles', `column "${column}": ${what}; profiles must come from the same schema and settings to merge`);
}

function minOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function mergeColumn(a: ProfileColumn, b: ProfileColumn): ProfileColumn {
  const name = a.name;
  if (a.type !== b.type) throw incompatible(name, `types differ (${a.type} vs ${b.type})`);
  const merged: ProfileColumn = {
    name,
    type: a.type,
    count: a.count + b.count,
    missing: a.missing + b.missing,
    nonFinite: a.nonFinite + b.nonFinite,
    min: minOf(a.min, b.min),
    max: maxOf(a.max, b.max),
  };
  if (a.moments && b.moments) merged.moments = mergeMoments(a.moments, b.moments);
  if (a.histogram && b.histogram) merged.histogram = mergeHistograms(a.histogram, b.histogram, name);
  else if (a.histogram || b.histogram) {
    // A shard with no finite value and no given edges has no histogram: the other side's counts stand.
    const only = (a.histogram ?? b.histogram)!;
    const emptySide = a.histogram ? b : a;
    if (emptySide.count > 0) throw incompatible(name, 'one profile has a histogram and the other none');
    merged.histogram = { edges: [...only.edges], counts: [...only.counts] };
  }
  if (a.sketch && b.sketch) {
    if (a.sketch.k !== b.sketch.k) throw incompatible(name, `sketch sizes differ (k ${a.sketch.k} vs ${b.sketch.k})`);
    merged.sketch = mergeKll(a.sketch, b.sketch);
  }
  if (a.quantiles && b.quantiles) merged.quantiles = mergeEngineQuantiles(a.quantiles, b.quantiles, name);
  const [kll, engine] = a.sketch && b.quantiles ? [a.sketch, b.quantiles] : b.sketch && a.quantiles ? [b.sketch, a.quantiles] : [];
  if (kll && engine) {
    // An empty shard's sketch summarises nothing: the other side's quantiles stand.
    if (kll.n > 0) throw incompatible(name, 'one profile has a KLL sketch (built from rows), the other engine quantiles (SQL); build both the same way');
    merged.quantiles = { ...engine, probs: [...engine.probs], values: [...engine.values] };
  }
  if (a.categories && b.categories) merged.categories = mergeCategories(a.categories, b.categories, name);
  return merged;
}

/**
 * Merges profiles of shards of one table: counts, min/max, moments, histograms and exact
 * categories merge exactly; KLL sketches within their rank-error bound; engine quantiles (SQL
 * profiles) approximately, with the bound widened by at most half a grid step (engine-quantiles.ts). Columns are matched by name
 * (same set required); different edges, category limits or sketch sizes are an AnalysisError
 * naming the column.
 */
export function mergeProfiles(profiles: readonly DbProfile[]): DbProfile {
  if (!profiles.length) throw new AnalysisError('no-profiles', 'merge: no profiles given');
  return profiles.slice(1).reduce((a, b) => {
    const names = a.columns.map((c) => c.name);
    const missing = names.find((n) => !b.columns.some((c) => c.name === n)) ?? b.columns.find((c) => !names.includes(c.name))?.name;
    if (missing !== undefined) throw incompatible(missing, 'present in only some of the profiles');
    const sha = a.source.sha256 && b.source.sha256 ? { sha256: [...a.source.sha256, ...b.source.sha256] } : {};
    return {
      format: a.format,
      version: a.version,
      rows: a.rows + b.rows,
      source: { names: [...a.source.names, ...b.source.names], ...sha },
      columns: a.columns.map((c) =>
        mergeColumn(
          c,
          b.columns.find((d) => d.name === c.name)!,
        ),
      ),
    };
  }, profiles[0]!);
}
