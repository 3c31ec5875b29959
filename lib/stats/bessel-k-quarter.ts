/**
 * K_{1/4}(x), the modified Bessel function of the second kind of order 1/4,
 * for real x > 0, as scipy.special.kv(0.25, x) computes it in scipy 1.10.1:
 * a real-argument transcription of AMOS ZBKNU (N = 1, KODE = 1). Temme's
 * series for x <= 2 and Miller's backward recurrence (Temme's normalisation)
 * above, with AMOS's own constants, including its log-gamma DGAMLN(1.25).
 *
 * Why not a textbook K_nu: AMOS's series is off by up to ~7e-14 relative near
 * x = 2, and the Cramér-von Mises p-value 1 - cdf amplifies that; following
 * AMOS operation by operation reproduces scipy's values (bit-identical in
 * CPython; within an ulp or so of the JS engine's exp/log/sinh/cosh here).
 * Above AMOS's ALIM (x > ~664.9, K < 1e-289) scipy switches to a scaled path;
 * we keep the unscaled recurrence there, so results may differ in the last
 * digits and scipy returns 0 from x ~ 698 on, where we still return ~1e-305.
 */

const DNU = 0.25;
const DNU2 = DNU * DNU;
const TOL = 2.220446049250313e-16; // D1MACH(4)
const DPI = 3.141592653589793; // AMOS 3.14159265358979324D0 (= Math.PI)
const RTHPI = 1.2533141373155003; // sqrt(pi / 2)
const FPI = 1.8976999933151775; // AMOS FPI
const R1M5 = 0.3010299956639812; // D1MACH(5) = log10(2)
/** AMOS DGAMLN coefficients of the Stirling series (18-digit Fortran literals, as float64). */
const CF = [
  0.08333333333333333, -0.002777777777777778, 0.0007936507936507937, -0.0005952380952380953, 0.0008417508417508417, -0.0019175269175269176, 0.00641025641025641,
  -0.029550653594771242, 0.17964437236883057, -1.3924322169059011, 13.402864044168393, -156.84828462600203, 2193.1033333333335, -36108.77125372499,
  691472.268851313, -15238221.539407415, 382900751.39141417, -10882266035.784391, 347320283765.00226, -12369602142269.275, 488788064793079.3,
  -2.1320333960919372e16,
];
const CON = 1.8378770664093456; // ln(2 pi)

/** AMOS DGAMLN(1.25): shift to 7.25, Stirling series, undo with log of the product. */
function dgamln125(): number {
  const z = 1.25;
  const zdmy = 7.25;
  let zp = 1 / zdmy;
  const t1 = CF[0]! * zp;
  let s = t1;
  const zsq = zp * zp;
  const tst = t1 * TOL;
  for (let k = 1; k < 22; k++) {
    zp *= zsq;
    const trm = CF[k]! * zp;
    if (Math.abs(trm) < tst) break;
    s += trm;
  }
  let prod = 1;
  for (let i = 1; i <= 6; i++) prod *= z + (i - 1);
  const tlg = Math.log(zdmy);
  return zdmy * (tlg - 1) - Math.log(prod) + 0.5 * (CON - tlg) + s;
}

// ZBKNU constants: T2 = 1/Gamma(1 + nu), T1 = 1/Gamma(1 - nu) via the reflection formula.
const FC = (DNU * DPI) / Math.sin(DNU * DPI);
const T2 = Math.exp(-dgamln125());
const T1 = 1 / (T2 * FC);
const G1 = (T1 - T2) / (DNU + DNU);
const G2 = (T1 + T2) * 0.5;

/** Temme's series for 0 < x <= 2 (ZBKNU label 60 loop). */
function seriesSmall(x: number): number {
  const rcaz = 1 / x;
  let str = x * rcaz;
  const rzr = (str + str) * rcaz;
  const fmur = Math.log(rzr) * DNU;
  const smur = Math.sinh(fmur) / DNU;
  let fr = FC * (Math.cosh(fmur) * G1 + smur * G2);
  str = Math.exp(fmur);
  let pr = (0.5 * str) / T2;
  const bm = 1 / str;
  let qr = (0.5 * (str * bm) * bm) / T1;
  let s1 = fr;
  let ak = 1;
  let a1 = 1;
  let ckr = 1;
  let bk = 1 - DNU2;
  const czr = 0.25 * (x * x);
  const t1 = 0.25 * x * x;
  do {
    fr = (fr * ak + pr + qr) / bk;
    pr *= 1 / (ak - DNU);
    qr *= 1 / (ak + DNU);
    const rak = 1 / ak;
    ckr = ckr * czr * rak;
    s1 = ckr * fr + s1;
    a1 = a1 * t1 * rak;
    bk = bk + ak + ak + 1;
    ak += 1;
  } while (a1 > TOL);
  return s1;
}

/** Miller backward recurrence for x > 2 (ZBKNU labels 110-190, real z, atan(0/x) = 0). */
function millerLarge(z: number): number {
  let st = Math.sqrt(z);
  const bm = 1 / st;
  let coef = RTHPI * (st * bm) * bm;
  coef *= Math.exp(-z);
  let ak = Math.abs(Math.cos(DPI * DNU));
  let fhs = Math.abs(0.25 - DNU2);
  const t1max = Math.min(Math.max((53 - 1) * R1M5 * 3.321928094, 12), 60);
  const t2 = (2 / 3) * t1max - 6;
  let fk: number;
  if (t2 > z) {
    // Backward index for |z| < R2 (t1 = 0 for real z, so the cosines are 1).
    const a2 = Math.sqrt(z);
    ak = (FPI * ak) / (TOL * Math.sqrt(a2));
    ak = (Math.log(ak) + (z * Math.cos(0)) / (1 + 0.008 * z)) / Math.cos(0);
    fk = (0.12125 * ak * ak) / z + 1.5;
  } else {
    // Forward recurrence to find the backward index when |z| >= R2.
    const etest = ak / (DPI * z * TOL);
    fk = 1;
    if (!(etest < 1)) {
      let fks = 2;
      let ckr = z + z + 2;
      let p1 = 0;
      let p2 = 1;
      for (let i = 0; i < 30000; i++) {
        ak = fhs / fks;
        const cbr = ckr / (fk + 1);
        const pt = p2;
        p2 = cbr * p2 - p1 * ak;
        p1 = pt;
        ckr += 2;
        fks = fks + fk + fk + 2;
        fhs = fhs + fk + fk;
        fk += 1;
        if (etest < Math.abs(p2) * fk) break;
      }
      fhs = Math.abs(0.25 - DNU2);
    }
  }
  const k = Math.trunc(Math.fround(fk)); // INT(SNGL(FK))
  fk = k;
  let fks = fk * fk;
  let p1 = 0;
  let p2 = TOL;
  let cs = p2;
  for (let i = 0; i < k; i++) {
    const a1 = fks - fk;
    const akk = (fks + fk) / (a1 + fhs);
    const rak = 2 / (fk + 1);
    const cbr = (fk + z) * rak;
    const pt = p2;
    p2 = (pt * cbr - p1) * akk;
    p1 = pt;
    cs += p2;
    fks = a1 - fk + 1;
    fk -= 1;
  }
  const pt = 1 / Math.abs(cs);
  st = coef * (p2 * pt);
  return st * (cs * pt);
}

/** scipy.special.kv(0.25, x): NaN for x < 0 or NaN, Infinity at 0, 0 beyond 710 * 1.25. */
export function besselKQuarter(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return Infinity;
  if (x > 710 * (1 + DNU)) return 0; // scipy's cbesk_wrap_real underflow shortcut
  return x <= 2 ? seriesSmall(x) : millerLarge(x);
}
