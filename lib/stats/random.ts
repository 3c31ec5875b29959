/**
 * Seeded pseudo-random numbers that give the same stream in Node, browsers and workers
 * (32-bit integer arithmetic only; BigInt only while seeding).
 *
 * - xoshiro128ss: xoshiro128** 1.1 (Blackman & Vigna), seeded through SplitMix64; the fast
 *   default for our own permutation tests.
 * - mt19937: numpy's legacy `np.random.RandomState(seed)` stream (MT19937 seeded by
 *   init_genrand), so `permutation` reproduces `np.random.seed(seed); np.random.permutation(n)`
 *   bit for bit; used where we mirror Evidently, which draws from numpy's global RNG.
 */

export interface Rng {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number;
}

/** numpy random_sample's double: (a >> 5) * 2^26 + (b >> 6), over 2^53. */
function doubleFrom(next: () => number): number {
  const a = next() >>> 5;
  const b = next() >>> 6;
  return (a * 67108864 + b) / 9007199254740992;
}

/** xoshiro128** 1.1 seeded with SplitMix64(seed); any safe integer is a valid seed. */
export function xoshiro128ss(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`random: seed must be a safe integer, got ${seed}`);
  const M64 = 64;
  let x = BigInt.asUintN(M64, BigInt(seed));
  // SplitMix64 (Steele, Lea & Flood), the seeder the xoshiro authors recommend.
  const splitmix = (): bigint => {
    x = BigInt.asUintN(M64, x + 0x9e3779b97f4a7c15n);
    let z = x;
    z = BigInt.asUintN(M64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(M64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    return z ^ (z >> 31n);
  };
  const a = splitmix();
  const b = splitmix();
  let s0 = Number(a & 0xffffffffn) >>> 0;
  let s1 = Number(a >> 32n) >>> 0;
  let s2 = Number(b & 0xffffffffn) >>> 0;
  let s3 = Number(b >> 32n) >>> 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point

  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  return { nextUint32, nextDouble: () => doubleFrom(nextUint32) };
}

const MT_N = 624;
const MT_M = 397;

/** numpy's legacy MT19937 (`np.random.RandomState(seed)`), seed an integer in [0, 2^32). */
export function mt19937(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`random: mt19937 seed must be an integer in [0, 2^32), got ${seed}`);
  }
  const mt = new Uint32Array(MT_N);
  mt[0] = seed >>> 0;
  // init_genrand (Matsumoto & Nishimura 2002), as numpy's mt19937_seed.
  for (let i = 1; i < MT_N; i++) {
    const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
    mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
  }
  let index = MT_N;

  const mix = (k: number, next: number, far: number): void => {
    const y = (mt[k]! & 0x80000000) | (mt[next]! & 0x7fffffff);
    mt[k] = mt[far]! ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
  };
  const twist = (): void => {
    let k = 0;
    for (; k < MT_N - MT_M; k++) mix(k, k + 1, k + MT_M);
    for (; k < MT_N - 1; k++) mix(k, k + 1, k + MT_M - MT_N);
    mix(MT_N - 1, 0, MT_M - 1);
    index = 0;
  };

  const nextUint32 = (): number => {
    if (index >= MT_N) twist();
    let y = mt[index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
  return { nextUint32, nextDouble: () => doubleFrom(nextUint32) };
}

/** Smallest all-ones bit mask ≥ max (max < 2^32). */
export function maskFor(max: number): number {
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

/**
 * Uniform integer in [0, max] by masked rejection: numpy's `random_interval`, which legacy
 * RandomState.shuffle uses, so the draws match numpy for max < 2^32.
 */
export function randomInterval(rng: Rng, max: number): number {
  if (max === 0) return 0;
  if (!(max > 0 && max <= 0xffffffff) || !Number.isInteger(max)) {
    throw new RangeError(`random: interval bound must be an integer in [0, 2^32), got ${max}`);
  }
  const mask = maskFor(max);
  let value: number;
  do value = (rng.nextUint32() & mask) >>> 0;
  while (value > max);
  return value;
}

/** In-place Fisher–Yates from the top, in numpy RandomState.shuffle's order. */
export function shuffle(values: { length: number; [i: number]: number }, rng: Rng): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = randomInterval(rng, i);
    const t = values[i]!;
    values[i] = values[j]!;
    values[j] = t;
  }
}

/** A random permutation of 0..n-1: numpy's `RandomState.permutation(n)` for the mt19937 stream. */
export function permutation(n: number, rng: Rng): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  shuffle(out, rng);
  return out;
}
