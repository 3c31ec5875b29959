/**
 * Multiclass probability columns are matched to class labels by the name after the prefix
 * `proba_`, `prob_` or `p_` (NOTES.md, model-quality issue): proba_cat ↔ "cat", p_1 ↔ 1.
 * The suffix is normalised like a label ("p_1.0" ↔ 1); when no label matches exactly, a
 * case-insensitive match is used if it is unique.
 */
import { AnalysisError } from '../errors';
import { normaliseLabel, sortLabels, type LabelValue } from './labels';

const PREFIXES = ['proba_', 'prob_', 'p_'];

export interface ProbaColumnMatch {
  /** One entry per matched label, in label order (labels.ts). */
  columns: { label: string; column: string }[];
  /** Labels with no probability column. */
  missing: string[];
}

function suffixOf(name: string): string | null {
  for (const prefix of PREFIXES) if (name.startsWith(prefix) && name.length > prefix.length) return name.slice(prefix.length);
  return null;
}

/** Maps probability columns to labels, or throws naming the labels seen. */
export function matchProbaColumns(columnNames: readonly string[], labels: readonly LabelValue[]): ProbaColumnMatch {
  const known = sortLabels(labels.map(normaliseLabel).filter((l): l is string => l !== null));
  const seen = `labels seen: ${known.map((l) => JSON.stringify(l)).join(', ') || '(none)'}`;
  const byLabel = new Map<string, string>();
  for (const name of columnNames) {
    const suffix = suffixOf(name);
    if (suffix === null) {
      throw new AnalysisError('proba-columns', `probability column name: ${JSON.stringify(name)} — name it proba_<label>, prob_<label> or p_<label>; ${seen}`);
    }
    const wanted = normaliseLabel(suffix) ?? suffix;
    let label = known.find((l) => l === wanted);
    if (label === undefined) {
      const folded = known.filter((l) => l.toLowerCase() === wanted.toLowerCase());
      if (folded.length === 1) label = folded[0];
    }
    if (label === undefined) {
      throw new AnalysisError('proba-columns', `probability column ${JSON.stringify(name)}: suffix ${JSON.stringify(suffix)} matches no label; ${seen}`);
    }
    const previous = byLabel.get(label);
    if (previous !== undefined) {
      throw new AnalysisError(
        'proba-columns',
        `probability columns ${JSON.stringify(previous)} and ${JSON.stringify(name)}: both match label ${JSON.stringify(label)} — keep one`,
      );
    }
    byLabel.set(label, name);
  }
  return {
    columns: known.filter((l) => byLabel.has(l)).map((label) => ({ label, column: byLabel.get(label)! })),
    missing: known.filter((l) => !byLabel.has(l)),
  };
}
