import { DataError } from '../../errors';
import { PROFILE_FORMAT, PROFILE_VERSION, type DbProfile, type ProfileColumn } from './types';

const TYPES = new Set(['numeric', 'categorical', 'boolean', 'datetime', 'text']);

function fail(where: string, problem: string): never {
  throw new DataError('invalid-profile', `.dbprofile ${where}: ${problem}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function count(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(where, `${JSON.stringify(v)} is not a count (a non-negative integer)`);
  return v;
}

function numbers(v: unknown, where: string): number[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) fail(where, 'must be an array of finite numbers');
  return v as number[];
}

function checkQuantiles(q: unknown, where: string, finite: number): void {
  if (!isRecord(q)) fail(`${where} quantiles`, 'must be a {n, probs, values, rankError, method} object');
  if (count(q.n, `${where} quantiles.n`) !== finite) fail(`${where} quantiles.n`, `${String(q.n)} differs from count ${finite}`);
  const probs = numbers(q.probs, `${where} quantiles.probs`);
  const values = numbers(q.values, `${where} quantiles.values`);
  if (probs.length !== values.length) fail(`${where} quantiles`, `${probs.length} probs but ${values.length} values`);
  if (probs.some((p, i) => p < 0 || p > 1 || (i > 0 && !(p > probs[i - 1]!)))) fail(`${where} quantiles.probs`, 'must increase strictly within [0, 1]');
  if (values.some((v, i) => i > 0 && v < values[i - 1]!)) fail(`${where} quantiles.values`, 'must not decrease');
  if (q.rankError !== null && (typeof q.rankError !== 'number' || !(q.rankError >= 0 && q.rankError <= 1)))
    fail(`${where} quantiles.rankError`, `${JSON.stringify(q.rankError)} is not a rank error in [0, 1] or null`);
  if (typeof q.method !== 'string') fail(`${where} quantiles.method`, 'must be a string');
}

function checkColumn(c: unknown, i: number, rows: number): void {
  const at = `columns[${i}]`;
  if (!isRecord(c)) fail(at, 'must be an object');
  if (typeof c.name !== 'string') fail(`${at}.name`, 'must be a string');
  const where = `column "${c.name}"`;
  if (typeof c.type !== 'string' || !TYPES.has(c.type)) fail(`${where} type`, `${JSON.stringify(c.type)} is not one of ${[...TYPES].join(', ')}`);
  const total = count(c.count, `${where} count`) + count(c.missing, `${where} missing`) + count(c.nonFinite, `${where} nonFinite`);
  if (total !== rows) fail(where, `count + missing + nonFinite = ${total}, the profile has ${rows} rows`);
  for (const key of ['min', 'max'] as const) if (c[key] !== null && typeof c[key] !== 'number') fail(`${where} ${key}`, 'must be a number or null');
  if (c.moments !== undefined) {
    if (!isRecord(c.moments)) fail(`${where} moments`, 'must be an object');
    if (count(c.moments.n, `${where} moments.n`) !== c.count) fail(`${where} moments.n`, `${String(c.moments.n)} differs from count ${String(c.count)}`);
    numbers([c.moments.mean, c.moments.M2, c.moments.meanResidual ?? 0], `${where} moments mean/M2/meanResidual`);
  }
  if (c.histogram !== undefined) {
    if (!isRecord(c.histogram)) fail(`${where} histogram`, 'must be an object');
    const edges = numbers(c.histogram.edges, `${where} histogram.edges`);
    const counts = numbers(c.histogram.counts, `${where} histogram.counts`);
    if (edges.length < 2 || counts.length !== edges.length - 1)
      fail(`${where} histogram`, `${edges.length} edges need ${edges.length - 1} counts, got ${counts.length}`);
    if (edges.some((e, k) => k > 0 && !(e > edges[k - 1]!))) fail(`${where} histogram.edges`, 'must increase strictly');
  }
  if (c.sketch !== undefined) {
    const s = c.sketch;
    if (!isRecord(s) || s.kind !== 'kll' || !Array.isArray(s.levels)) fail(`${where} sketch`, 'must be a {kind: "kll", k, n, levels, seed} object');
    count(s.k, `${where} sketch.k`);
    count(s.seed, `${where} sketch.seed`);
    s.levels.forEach((level, h) => numbers(level, `${where} sketch.levels[${h}]`));
    const weight = (s.levels as number[][]).reduce((w, level, h) => w + level.length * 2 ** h, 0);
    if (weight !== count(s.n, `${where} sketch.n`)) fail(`${where} sketch`, `levels weigh ${weight}, n is ${String(s.n)}`);
  }
  if (c.quantiles !== undefined) checkQuantiles(c.quantiles, where, c.count as number);
  if (c.categories !== undefined) {
    const k = c.categories;
    if (!isRecord(k) || !Array.isArray(k.values) || k.values.some((v) => typeof v !== 'string'))
      fail(`${where} categories.values`, 'must be an array of strings');
    const counts = numbers(k.counts, `${where} categories.counts`);
    if (counts.length !== k.values.length) fail(`${where} categories`, `${k.values.length} values but ${counts.length} counts`);
    count(k.maxCategories, `${where} categories.maxCategories`);
    count(k.other, `${where} categories.other`);
    if (typeof k.truncated !== 'boolean') fail(`${where} categories.truncated`, 'must be true or false');
  }
}

/** Checks a parsed `.dbprofile` document; errors name the field and what is wrong. */
export function validateProfile(doc: unknown): DbProfile {
  if (!isRecord(doc)) fail('file', 'is not a JSON object');
  if (doc.format !== PROFILE_FORMAT) fail('format', `${JSON.stringify(doc.format)}, expected "${PROFILE_FORMAT}" — is this a Driftbook profile?`);
  if (doc.version !== PROFILE_VERSION) fail('version', `${JSON.stringify(doc.version)}, this Driftbook reads version ${PROFILE_VERSION}`);
  const rows = count(doc.rows, 'rows');
  if (!isRecord(doc.source) || !Array.isArray(doc.source.names)) fail('source', 'must be {names: string[], sha256?: string[]}');
  if (!Array.isArray(doc.columns)) fail('columns', 'must be an array');
  doc.columns.forEach((c, i) => checkColumn(c, i, rows));
  const names = (doc.columns as ProfileColumn[]).map((c) => c.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) fail('columns', `column "${dup}" appears twice`);
  return doc as unknown as DbProfile;
}

/** Parses and validates `.dbprofile` text. */
export function readProfile(text: string): DbProfile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    fail('file', `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return validateProfile(doc);
}

/** Serialises a profile as JSON (numbers round-trip exactly through JSON's shortest representation). */
export function writeProfile(profile: DbProfile): string {
  return `${JSON.stringify(validateProfile(profile))}\n`;
}
