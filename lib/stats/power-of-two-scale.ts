/**
 * Extreme magnitudes without overflow: values beyond 2^±400 (about 1e±120) are divided by an even
 * power of two first. That division is exact, so a scale-free statistic (t, U, MMD with a median
 * bandwidth, normed Wasserstein, Hellinger's affinity) is unchanged, while squares, densities and
 * sums no longer overflow to Infinity or underflow to 0 — scipy on the raw values gives, around 1e300,
 * t = 0 and p = 1 for a real shift, and around 1e-300 t = −∞ and p = 0.
 */

// Squares of values up to 2^400, summed over 2^50 of them, stay below 2^1024; 2^-800 is still a normal double.
const LARGE = 2 ** 400;
const SMALL = 2 ** -400;

/** The largest |x| of sorted samples (their ends). */
function maxAbs(samples: readonly Float64Array[]): number {
  let m = 0;
  for (const x of samples) if (x.length) m = Math.max(m, Math.abs(x[0]!), Math.abs(x[x.length - 1]!));
  return m;
}

/**
 * An even exponent k such that the samples divided by 2^k have their largest |x| near 1, or 0 when
 * they are moderate already (then every result is bit for bit the unscaled one).
 */
export function powerOfTwoExponent(...sortedSamples: Float64Array[]): number {
  const m = maxAbs(sortedSamples);
  if (!(m > LARGE || (m > 0 && m < SMALL))) return 0;
  const k = 2 * Math.round(Math.log2(m) / 2);
  return Math.max(-1074, Math.min(1022, k));
}

/** x · 2^-k, exactly (k even; two half steps so that 2^-k itself never overflows). */
export function scaleByPowerOfTwo(x: Float64Array, k: number): Float64Array {
  if (k === 0) return x;
  const half = 2 ** (-k / 2);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]! * half * half;
  return out;
}

/** v · 2^k, for a result in the original units (an Infinity here is a true overflow). */
export function unscaleByPowerOfTwo(v: number, k: number): number {
  if (k === 0) return v;
  const half = 2 ** (k / 2);
  return v * half * half;
}

/** Both samples divided by the same power of two when either is extreme: [reference, current, k]. */
export function moderateSamples(reference: Float64Array, current: Float64Array): [Float64Array, Float64Array, number] {
  const k = powerOfTwoExponent(reference, current);
  return [scaleByPowerOfTwo(reference, k), scaleByPowerOfTwo(current, k), k];
}
