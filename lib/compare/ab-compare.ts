/**
 * One variant against the control (issue 17's definitions): on the binary outcome the difference
 * of rates with Newcombe's interval, the relative lift p_v/p_c − 1 with statsmodels' default ratio
 * interval minus 1, and the pooled two-proportion z-test (statsmodels proportions_ztest([c_v, c_c],
 * [n_v, n_c])); on the numeric outcome Welch's t (scipy ttest_ind(variant, control,
 * equal_var=False)) and Mann–Whitney U of the variant (scipy mannwhitneyu(variant, control)).
 * Undefined numbers are null with the reason.
 */
import { mannWhitneyU } from '../stats/mann-whitney';
import { newcombeInterval } from '../stats/newcombe';
import { ratioLogAdjustedInterval } from '../stats/ratio-ci';
import { welchTTest } from '../stats/welch';
import { twoProportionZTest } from '../stats/z-test';
import type { AbComparison } from './types';

/** One variant's outcomes: conversions of `binaryN` rows with a binary outcome, and its finite numeric values. */
export interface AbGroup {
  name: string;
  n: number;
  binaryN: number;
  conversions: number;
  values?: Float64Array;
}

type BinaryPart = Pick<AbComparison, 'difference' | 'ci' | 'relativeLift' | 'relativeLiftCi' | 'z' | 'pValue'>;

const NO_BINARY: BinaryPart = { difference: null, ci: [null, null], relativeLift: null, relativeLiftCi: [null, null], z: null, pValue: null };

function compareRates(v: AbGroup, c: AbGroup, alpha: number, reasons: string[]): BinaryPart {
  if (v.binaryN === 0 || c.binaryN === 0) {
    reasons.push(`no rows with an outcome in ${v.binaryN === 0 ? v.name : c.name}`);
    return NO_BINARY;
  }
  const pv = v.conversions / v.binaryN;
  const pc = c.conversions / c.binaryN;
  const part: BinaryPart = { ...NO_BINARY, difference: pv - pc, ci: newcombeInterval(v.conversions, v.binaryN, c.conversions, c.binaryN, alpha) };
  if (pc === 0) reasons.push('relative lift undefined: the control rate is 0');
  else {
    const [low, high] = ratioLogAdjustedInterval(v.conversions, v.binaryN, c.conversions, c.binaryN, alpha);
    part.relativeLift = pv / pc - 1;
    part.relativeLiftCi = [low - 1, high - 1];
  }
  const conversions = v.conversions + c.conversions;
  if (conversions === 0 || conversions === v.binaryN + c.binaryN) {
    reasons.push(`z-test undefined: ${conversions === 0 ? 'no row converted' : 'every row converted'} in either group (pooled variance 0)`);
  } else {
    const z = twoProportionZTest(v.conversions, v.binaryN, c.conversions, c.binaryN);
    part.z = z.statistic;
    part.pValue = z.pValue;
  }
  return part;
}

function welchPart(x: Float64Array, y: Float64Array): NonNullable<AbComparison['welch']> {
  if (x.length < 2 || y.length < 2) return { statistic: null, pValue: null, df: null, reason: 'Welch t needs at least 2 values in each group' };
  const t = welchTTest(x, y);
  if (!Number.isFinite(t.statistic)) return { statistic: null, pValue: null, df: null, reason: 'Welch t undefined: both groups are constant (variance 0)' };
  return { statistic: t.statistic, pValue: t.pValue, df: t.df };
}

function mannWhitneyPart(x: Float64Array, y: Float64Array): NonNullable<AbComparison['mannWhitney']> {
  if (x.length === 0 || y.length === 0) return { statistic: null, pValue: null, reason: 'Mann–Whitney needs at least 1 value in each group' };
  const u = mannWhitneyU(x, y);
  return { statistic: u.statistic, pValue: u.pValue };
}

/** The variant `v` against the control `c` (pValueHolm is filled in over all comparisons later). */
export function compareVariant(v: AbGroup, c: AbGroup, alpha: number, hasBinary: boolean): AbComparison {
  const reasons: string[] = [];
  const binary = hasBinary ? compareRates(v, c, alpha, reasons) : NO_BINARY;
  const out: AbComparison = { variant: v.name, control: c.name, ...binary, pValueHolm: null };
  if (v.values && c.values) {
    out.welch = welchPart(v.values, c.values);
    out.mannWhitney = mannWhitneyPart(v.values, c.values);
  }
  if (reasons.length) out.reason = reasons.join('; ');
  return out;
}
