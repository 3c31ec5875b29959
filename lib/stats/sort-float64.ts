/** Below this size the engine's comparison sort is as fast as a radix pass. */
const RADIX_MIN = 4096;

// Per thread, reused: the four digit tables, and one scratch buffer up to SCRATCH_KEPT words (a profile
// sorts column after column; a fresh 8 MB scratch per 10⁶ values cost its allocation and page faults).
const C0 = new Uint32Array(65536);
const C1 = new Uint32Array(65536);
const C2 = new Uint32Array(65536);
const C3 = new Uint32Array(65536);
const SCRATCH_KEPT = 1 << 22;
let kept: Uint32Array | undefined;

function scratchOf(words: number): Uint32Array {
  if (kept && kept.length >= words) return kept.subarray(0, words);
  const fresh = new Uint32Array(words);
  if (words <= SCRATCH_KEPT) kept = fresh;
  return fresh;
}

/** A key's word pair back to the double's bits, at index `at` of `out` (the transform sortFloat64 applies, undone). */
function writeDouble(out: Uint32Array, at: number, lo: number, hi: number): void {
  if (hi & 0x80000000) {
    out[2 * at] = lo;
    out[2 * at + 1] = (hi & 0x7fffffff) >>> 0;
  } else {
    out[2 * at] = ~lo >>> 0;
    out[2 * at + 1] = ~hi >>> 0;
  }
}

/**
 * Sorts finite or infinite doubles (no NaN) ascending, in place, in the order of
 * Float64Array.prototype.sort (−0 before +0). LSD radix sort on the IEEE-754 bits, 16 bits per pass:
 * a double's bits, with the sign bit flipped for positives and all bits flipped for negatives,
 * order as unsigned integers exactly as the numbers do. The four digit counts are taken in the pass
 * that makes the keys, a pass whose digit is the same everywhere is skipped, and the last pass
 * writes the doubles back as it scatters: 5 passes over the data instead of 10 (~30% faster than
 * counting per pass, measured on the bench columns; ~5× the built-in sort on 10⁶ values).
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_MIN) return values.sort();
  // Little-endian word pairs (all supported platforms are little-endian).
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const c0 = C0;
  const c1 = C1;
  const c2 = C2;
  const c3 = C3;
  c0.fill(0);
  c1.fill(0);
  c2.fill(0);
  c3.fill(0);
  for (let i = 0; i < n; i++) {
    let lo = words[2 * i]!;
    let hi = words[2 * i + 1]!;
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
      words[2 * i] = lo;
    } else {
      hi = (hi | 0x80000000) >>> 0;
    }
    words[2 * i + 1] = hi;
    c0[lo & 0xffff]!++;
    c1[lo >>> 16]!++;
    c2[hi & 0xffff]!++;
    c3[hi >>> 16]!++;
  }
  // Passes: low word's low half, low word's high half, high word's low half, high word's high half.
  const tables = [c0, c1, c2, c3];
  const firstDigits = [words[0]! & 0xffff, words[0]! >>> 16, words[1]! & 0xffff, words[1]! >>> 16];
  const passes: number[] = [];
  for (let pass = 0; pass < 4; pass++) if (tables[pass]![firstDigits[pass]!] !== n) passes.push(pass);
  let src = words;
  let dst = scratchOf(n * 2);
  for (let k = 0; k < passes.length; k++) {
    const pass = passes[k]!;
    const counts = tables[pass]!;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    const high = pass >> 1;
    const shift = (pass & 1) * 16;
    if (k === passes.length - 1 && dst === words) {
      // The last pass lands in the caller's array: the doubles are written back as they are placed.
      for (let i = 0; i < n; i++) {
        const lo = src[2 * i]!;
        const hi = src[2 * i + 1]!;
        writeDouble(dst, counts[((high ? hi : lo) >>> shift) & 0xffff]!++, lo, hi);
      }
      return values;
    }
    // One loop per word, so the digit's source is not chosen per value.
    if (high) {
      for (let i = 0; i < n; i++) {
        const lo = src[2 * i]!;
        const hi = src[2 * i + 1]!;
        const at = counts[(hi >>> shift) & 0xffff]!++;
        dst[2 * at] = lo;
        dst[2 * at + 1] = hi;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const lo = src[2 * i]!;
        const hi = src[2 * i + 1]!;
        const at = counts[(lo >>> shift) & 0xffff]!++;
        dst[2 * at] = lo;
        dst[2 * at + 1] = hi;
      }
    }
    const swap = src;
    src = dst;
    dst = swap;
  }
  // An odd number of passes (or none) left the keys in the scratch buffer (or in place).
  for (let i = 0; i < n; i++) writeDouble(words, i, src[2 * i]!, src[2 * i + 1]!);
  return values;
}
