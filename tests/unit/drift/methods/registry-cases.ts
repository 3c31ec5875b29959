/**
 * Fixture cases for every drift method, gathered from the committed reference fixtures:
 * whole-file results of tests/fixtures/generate_drift.py (pandas + scipy on the CSVs), and
 * for methods that file does not run, the scipy/numpy fixtures of their statistic
 * (tests/fixtures/stats-tests, stats-binned). Each case is two profiles as lib/profile makes
 * them, the context, and what the reference computed.
 */
import { ingestCsv } from '../../../../lib/data/ingest';
import type { ColumnType } from '../../../../lib/data/types';
import { DEFAULT_SEED } from '../../../../lib/drift/compute-drift';
import type { MethodContext } from '../../../../lib/drift/methods/method';
import { getDriftMethod } from '../../../../lib/drift/methods/registry';
import { MMD_MAX_SAMPLES } from '../../../../lib/stats/mmd';
import { profileColumn, type CategoricalProfile, type NumericProfile } from '../../../../lib/profile/column-profile';
import { decodeSample, num, readFixture, readJson, relFloor, type Num, type SampleSpec, type Tolerance } from '../../../support';

export const STAT_TOL = 1e-9;
export const P_TOL = 1e-6;

type Profile = NumericProfile | CategoricalProfile;

export interface MethodCase {
  id: string;
  /** Where the case comes from (fixture file and entry). */
  name: string;
  reference: Profile;
  current: Profile;
  context: MethodContext;
  /** The reference statistic (null: not finite); undefined when the fixture has none. */
  statistic?: number | null;
  statisticTolerance?: number | Tolerance;
  /** The reference p-value; null for a distance (it has none). */
  pValue?: number | null;
  pValueTolerance?: number | Tolerance;
  /** Evidently's decision as the generator computed it, for the column's own method. */
  decision?: { threshold: number; drifted: boolean };
  /** scipy refused or returned no value: the method must throw or report an error. */
  fails?: boolean;
}

const CONTEXT: MethodContext = { bins: { kind: 'sturges' }, seed: DEFAULT_SEED };

interface ExpectedColumn {
  name: string;
  type: ColumnType;
  tested: boolean;
  method?: string;
  statistic?: number | null;
  pValue?: number | null;
  threshold?: number;
  drifted?: boolean;
  tests?: Record<string, { statistic?: number | null; pValue?: number | null; error?: string }>;
}
interface ExpectedPair {
  reference: { path: string };
  current: { path: string };
  columns: ExpectedColumn[];
  config?: Record<string, unknown>;
}

// Settings that change no single method's result on a column (only which columns count, or which method runs).
const NEUTRAL_CONFIG = new Set(['roles', 'shareOf', 'columnMethods']);

/** Every (column, method) result of tests/fixtures/drift/expected.json, on profiles of the same CSVs. */
async function driftFileCases(): Promise<MethodCase[]> {
  const { pairs } = readJson<{ pairs: Record<string, ExpectedPair> }>('tests/fixtures/drift/expected.json');
  const cases: MethodCase[] = [];
  for (const [key, pair] of Object.entries(pairs)) {
    if (Object.keys(pair.config ?? {}).some((k) => !NEUTRAL_CONFIG.has(k))) continue;
    const [ref, cur] = await Promise.all([pair.reference.path, pair.current.path].map((path) => ingestCsv(readFixture(path), path.split('/').pop()!)));
    for (const col of pair.columns.filter((c) => c.tested)) {
      const reference = profileColumn(ref!.table, col.name, col.type);
      const current = profileColumn(cur!.table, col.name, col.type);
      if (reference.kind === 'other' || current.kind === 'other') continue;
      const name = `drift/expected.json ${key}: ${col.name}`;
      const results = { ...(col.tests ?? {}) };
      if (col.method && !results[col.method]) results[col.method] = { statistic: col.statistic, pValue: col.pValue };
      for (const [id, want] of Object.entries(results)) {
        // A categorical test on a few-valued numeric column goes through drift's numeric-as-categorical step (compute-drift.test.ts).
        if (!getDriftMethod(id).kinds.includes(reference.kind)) continue;
        const fails = want.error !== undefined && (want.pValue === null || want.pValue === undefined);
        const decision =
          id === col.method && col.threshold !== undefined && col.drifted !== undefined ? { threshold: col.threshold, drifted: col.drifted } : undefined;
        cases.push({
          id,
          name,
          reference,
          current,
          context: CONTEXT,
          ...(fails ? { fails } : { statistic: want.statistic ?? null, pValue: want.pValue ?? null }),
          ...(decision ? { decision } : {}),
        });
      }
    }
  }
  return cases;
}

/** A categorical profile as lib/profile builds it: categories seen (count > 0) in first-seen order. */
function categorical(counts: Record<string, number>): CategoricalProfile {
  const seen = Object.entries(counts).filter(([, n]) => n > 0);
  return { kind: 'categorical', count: seen.reduce((s, [, n]) => s + n, 0), missing: 0, categories: seen.map(([c]) => c), counts: seen.map(([, n]) => n) };
}

function numeric(values: Float64Array): NumericProfile {
  const sorted = Float64Array.from(values).sort();
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return { kind: 'numeric', count: sorted.length, missing: 0, nonFinite: 0, sorted, min: sorted[0]!, max: sorted[sorted.length - 1]!, mean };
}

const isSorted = (a: Float64Array): boolean => a.every((x, i) => i === 0 || a[i - 1]! <= x);

/**
 * z and fisher_exact test the share of the first category in sorted order: 'a' against 'b'. A
 * fixture table whose 'a' is absent on both sides (a column without it) maps to no column.
 */
function shareCases(): MethodCase[] {
  const z = readJson<{ cases: [number, number, number, number, Num, Num, Num, Num][]; degenerate: number[][] }>('tests/fixtures/stats-tests/z-test.json');
  const fisher = readJson<{ cases: [[[number, number], [number, number]], Num, Num][] }>('tests/fixtures/stats-tests/fisher-exact.json');
  const cases: MethodCase[] = [];
  const tol = { statisticTolerance: relFloor(STAT_TOL), pValueTolerance: relFloor(P_TOL) };
  for (const [s1, n1, s2, n2, statistic, , pSf] of z.cases) {
    if (s1 + s2 === 0) continue;
    const [reference, current] = [categorical({ a: s1, b: n1 - s1 }), categorical({ a: s2, b: n2 - s2 })];
    cases.push({
      id: 'z',
      name: `stats-tests/z-test.json ${s1}/${n1} vs ${s2}/${n2}`,
      reference,
      current,
      context: CONTEXT,
      statistic: num(statistic),
      pValue: num(pSf),
      ...tol,
    });
  }
  for (const [s1, n1, s2, n2] of z.degenerate) {
    const [reference, current] = [categorical({ a: s1!, b: n1! - s1! }), categorical({ a: s2!, b: n2! - s2! })];
    cases.push({
      id: 'z',
      name: `stats-tests/z-test.json degenerate ${s1}/${n1} vs ${s2}/${n2}`,
      reference,
      current,
      context: CONTEXT,
      statistic: 0,
      pValue: 1,
    });
  }
  for (const [[[curRest, curA], [refRest, refA]], oddsRatio, p] of fisher.cases) {
    if (refA + curA === 0 || refA + refRest === 0 || curA + curRest === 0) continue;
    const odds = num(oddsRatio);
    const [reference, current] = [categorical({ a: refA, b: refRest }), categorical({ a: curA, b: curRest })];
    const name = `stats-tests/fisher-exact.json [[${curRest}, ${curA}], [${refRest}, ${refA}]]`;
    cases.push({ id: 'fisher_exact', name, reference, current, context: CONTEXT, statistic: Number.isFinite(odds) ? odds : null, pValue: num(p), ...tol });
  }
  return cases;
}

const codes = (counts: number[]): Record<string, number> => Object.fromEntries(counts.map((n, i) => [`c${i}`, n]));
const countCodes = (rows: number[]): number[] => {
  const counts = Array.from({ length: Math.max(...rows) + 1 }, () => 0);
  for (const c of rows) counts[c]!++;
  return counts;
};

/**
 * TVD: the statistic against numpy (Evidently's formula); its p-value is a seeded Monte Carlo
 * estimate (1000 relabellings) of the exact permutation p-value, so it is held to 4 standard
 * errors of it (as tests/unit/stats/tvd.test.ts does) rather than 1e-6.
 */
function tvdCases(): MethodCase[] {
  const tvd = readJson<{
    statistic: { ref: number[]; cur: number[]; statistic: Num }[];
    evidently: { name: string; refCodes: number[]; curCodes: number[]; statistic: Num }[];
  }>('tests/fixtures/stats-binned/tvd.json');
  const exact = readJson<{ exactTvdPValue: { ref: number[]; cur: number[]; pValue: number }[] }>('tests/fixtures/stats-binned/permutation.json').exactTvdPValue;
  const B = 1000;
  return [
    ...tvd.statistic.map((c) => ({ name: `stats-binned/tvd.json [${c.ref}] vs [${c.cur}]`, ref: c.ref, cur: c.cur, statistic: num(c.statistic) })),
    ...tvd.evidently.map((c) => ({
      name: `stats-binned/tvd.json ${c.name}`,
      ref: countCodes(c.refCodes),
      cur: countCodes(c.curCodes),
      statistic: num(c.statistic),
    })),
  ]
    .map(({ name, ref, cur, statistic }): MethodCase => ({
      id: 'TVD',
      name,
      reference: categorical(codes(ref)),
      current: categorical(codes(cur)),
      context: CONTEXT,
      statistic,
    }))
    .concat(
      exact.map((c) => ({
        id: 'TVD',
        name: `stats-binned/permutation.json exact p-value [${c.ref}] vs [${c.cur}]`,
        reference: categorical(codes(c.ref)),
        current: categorical(codes(c.cur)),
        context: CONTEXT,
        pValue: c.pValue,
        pValueTolerance: { rel: 0, abs: 4 * Math.sqrt((c.pValue * (1 - c.pValue)) / B) + 1 / (B + 1) },
      })),
    );
}

/**
 * empirical_mmd against a numpy replay of Evidently's mmd_pval. The method hands the sorted
 * samples to the permutation stream, so only fixture samples already in ascending order (and
 * not subsampled) replay the same permutations; MMD² is held as tests/unit/stats/mmd.test.ts holds it.
 */
function mmdCases(): MethodCase[] {
  const mmd = readJson<{
    cases: { name: string; ref: SampleSpec; cur: SampleSpec; seed: number; permutations: number; maxSamples: number; statistic: Num; pValueTies: number }[];
  }>('tests/fixtures/stats-binned/mmd.json');
  return mmd.cases.flatMap((c) => {
    const [ref, cur] = [decodeSample(c.ref), decodeSample(c.cur)];
    if (!isSorted(ref) || !isSorted(cur) || c.maxSamples !== MMD_MAX_SAMPLES || ref.length > c.maxSamples || cur.length > c.maxSamples) return [];
    return [
      {
        id: 'empirical_mmd',
        name: `stats-binned/mmd.json ${c.name}`,
        reference: numeric(ref),
        current: numeric(cur),
        context: { ...CONTEXT, seed: c.seed, permutations: c.permutations },
        statistic: num(c.statistic),
        statisticTolerance: relFloor(STAT_TOL, 1e-12),
        pValue: c.pValueTies,
      },
    ];
  });
}

/** hellinger on numeric columns uses Evidently's own histogram (bins 'sturges'), as stats/divergence.test.ts checks. */
function hellingerCases(): MethodCase[] {
  const div = readJson<{ hellingerNumeric: { name: string; ref: SampleSpec; cur: SampleSpec; hellinger: Num }[] }>(
    'tests/fixtures/stats-binned/divergence.json',
  );
  return div.hellingerNumeric.map((c) => ({
    id: 'hellinger',
    name: `stats-binned/divergence.json ${c.name}`,
    reference: numeric(decodeSample(c.ref)),
    current: numeric(decodeSample(c.cur)),
    context: CONTEXT,
    statistic: num(c.hellinger),
    statisticTolerance: relFloor(STAT_TOL, 1e-15),
    pValue: null,
  }));
}

/** Every fixture case, by method id. */
export async function methodCases(): Promise<Map<string, MethodCase[]>> {
  const all = [...(await driftFileCases()), ...shareCases(), ...tvdCases(), ...mmdCases(), ...hellingerCases()];
  const byId = new Map<string, MethodCase[]>();
  for (const c of all) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  return byId;
}
