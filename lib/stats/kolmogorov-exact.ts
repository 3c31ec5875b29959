/**
 * Exact CDFs of the two-sided one-sample Kolmogorov-Smirnov statistic D_n,
 * ported from scipy 1.10.1 scipy/stats/_ksstats.py (`_kolmogn_DMTW`,
 * `_kolmogn_Pomeranz`). Both return Pr(D_n <= x) clipped to [0, 1].
 */

const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** x * 2^e without overflowing/underflowing the scale factor itself (numpy ldexp). */
function ldexp(x: number, e: number): number {
  let r = x;
  let k = e;
  while (k > 1000) {
    r *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    r *= 2 ** -1000;
    k += 1000;
  }
  return r * 2 ** k;
}

/** Multiply two m x m row-major matrices. */
function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k]!;
      if (aik === 0) continue;
      const bRow = k * m;
      const oRow = i * m;
      for (let j = 0; j < m; j++) out[oRow + j]! += aik * b[bRow + j]!;
    }
  }
  return out;
}

/**
 * Durbin's matrix algorithm in the Marsaglia-Tsang-Wang form:
 * Pr(D_n <= d) = n!/n^n * (H^n)[k,k] with d = (k - h)/n, H of size 2k-1.
 */
export function kolmogornCdfDurbin(n: number, d: number): number {
  if (d >= 1.0) return 1.0;
  const nd = n * d;
  if (nd <= 0.5) return 0.0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;

  // v[j] = (1 - h^(j+1)) / (j+1)!, w[j] = 1/j!
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1.0;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1.0 - Math.pow(h, j)) * fac;
  }
  const tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1.0 + tt) * fac;

  let H: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - i + 1]!;
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r]!;
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c]!;

  // Binary powering, rescaling H by 2^-128 whenever its pivot grows large.
  let Hpwr: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) Hpwr[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let Hexpnt = 0;
  const kk = (k - 1) * m + (k - 1);
  while (nn > 0) {
    if (nn % 2) {
      Hpwr = matmul(Hpwr, H, m);
      expnt += Hexpnt;
    }
    H = matmul(H, H, m);
    Hexpnt *= 2;
    if (Math.abs(H[kk]!) > EP128) {
      for (let i = 0; i < H.length; i++) H[i]! /= EP128;
      Hexpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }

  let p = Hpwr[kk]!;
  // Multiply by n!/n^n, keeping p away from underflow.
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return clip01(p);
}

/** Endpoints of the non-zero window of row i in Pomeranz's recursion (scipy _pomeranz_compute_j1j2). */
function pomeranzJ1J2(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** Pomeranz (1974) recursion: Pr(D_n <= x) = n! V[2n+1][n], rows are Poisson-weight convolutions. */
export function kolmogornCdfPomeranz(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1.0 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  // (g/n)^m/m!, (2g/n)^m/m!, ((1-2g)/n)^m/m!
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1.0;
  twogpower[0] = 1.0;
  onem2gpower[0] = 1.0;
  let expnt = 0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinus2GOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1]! * gOverN) / m;
    twogpower[m] = (twogpower[m - 1]! * twoGOverN) / m;
    onem2gpower[m] = (onem2gpower[m - 1]! * oneMinus2GOverN) / m;
  }

  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let [j1, j2] = pomeranzJ1J2(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0.0);
    [j1, j2] = pomeranzJ1J2(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      // Full convolution of V0[k1-V0s : +ln2] with pwrs[:ln2], keeping entries j1-k1 .. j2-k1.
      const aStart = k1 - V0s;
      const la = Math.min(ln2, npwrs - aStart);
      const lb = Math.min(ln2, npwrs);
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let vmax = 0;
      for (let idx = 0; idx < convLen; idx++) {
        const kc = convStart + idx;
        let s = 0;
        const lo = Math.max(0, kc - lb + 1);
        const hi = Math.min(kc, la - 1);
        for (let q = lo; q <= hi; q++) s += V0[aStart + q]! * pwrs[kc - q]!;
        V1[idx] = s;
        if (s > vmax) vmax = s;
      }
      if (vmax > 0 && vmax < EM128) {
        for (let q = 0; q < npwrs; q++) V1[q]! *= EP128;
        expnt -= E128;
      }
      V1s = V0s + j1 - k1;
    }
  }

  let ans = V1[n - V1s]!;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return clip01(ans);
}
