/**
 * CPython's `random.Random` (3.11): MT19937 seeded from an integer the way CPython does it
 * (Modules/_randommodule.c random_seed → init_by_array over the 32-bit words of abs(seed),
 * least significant first), with `random()`, `getrandbits(k)`, `_randbelow` and `sample` as
 * Lib/random.py writes them, so a seeded draw here equals `random.Random(seed)`'s.
 * Used by KSWIN (River draws its sample positions with `random.Random(seed).sample`).
 */

const N = 624;
const M = 397;
const TWO_32 = 4294967296;

/** Minimal integer k with 2^k > n (Python's int.bit_length) for 0 ≤ n < 2^53. */
function bitLength(n: number): number {
  let k = 0;
  let v = n;
  while (v >= 1) {
    v = Math.floor(v / 2);
    k++;
  }
  return k;
}

export class PythonRandom {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /** `random.Random(seed)` for an integer seed (CPython uses abs(seed), so −s seeds as s). */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`python-random: seed must be a safe integer, got ${seed}`);
    const n = Math.abs(seed);
    const low = n % TWO_32;
    const high = Math.floor(n / TWO_32);
    this.initByArray(high > 0 ? [low, high] : [low]);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  /** init_by_array (Matsumoto & Nishimura's mt19937ar.c, as CPython's _randommodule.c). */
  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  private twist(): void {
    const mt = this.mt;
    const mix = (k: number, next: number, far: number): void => {
      const y = (mt[k]! & 0x80000000) | (mt[next]! & 0x7fffffff);
      mt[k] = mt[far]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    };
    let k = 0;
    for (; k < N - M; k++) mix(k, k + 1, k + M);
    for (; k < N - 1; k++) mix(k, k + 1, k + M - N);
    mix(N - 1, 0, M - 1);
    this.index = 0;
  }

  /** genrand_uint32: the next tempered 32-bit output. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `random()`: (a >> 5, b >> 6) joined into 53 bits, over 2^53. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) * (1 / 9007199254740992);
  }

  /** `getrandbits(k)` for 0 ≤ k ≤ 53: 32-bit words least significant first, the last one shifted down. */
  getrandbits(k: number): number {
    if (!Number.isInteger(k) || k < 0 || k > 53) throw new RangeError(`python-random: getrandbits supports 0..53 bits here, got ${k}`);
    if (k === 0) return 0;
    if (k <= 32) return this.nextUint32() >>> (32 - k);
    const low = this.nextUint32();
    const high = this.nextUint32() >>> (64 - k);
    return high * TWO_32 + low;
  }

  /** `_randbelow_with_getrandbits(n)`: draw bit_length(n) bits until the value is below n. */
  randbelow(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`python-random: randbelow needs an integer n ≥ 1, got ${n}`);
    const k = bitLength(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /**
   * `sample(population, k)` (Lib/random.py, 3.11, without counts): a pool (partial Fisher–Yates)
   * when n ≤ setsize, else rejection against a set of chosen indices; setsize = 21, plus
   * 4^ceil(log_4(3k)) when k > 5 (3k is never a power of 4, so the ceiling is robust to the last
   * bit of the logarithm).
   */
  sample<T>(population: readonly T[], k: number): T[] {
    const n = population.length;
    if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`python-random: sample larger than population or is negative: k = ${k}, n = ${n}`);
    const result: T[] = new Array<T>(k);
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = population.slice();
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        result[i] = pool[j]!;
        pool[j] = pool[n - i - 1]!;
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        result[i] = population[j]!;
      }
    }
    return result;
  }

  /** `sample(range(n), k)` without building the range twice. */
  sampleRange(n: number, k: number): number[] {
    return this.sample(
      Array.from({ length: n }, (_, i) => i),
      k,
    );
  }
}
