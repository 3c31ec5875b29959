/**
 * `driftbook profile`: mergeable column profiles (`.dbprofile`, lib/profile/mergeable).
 *   profile --data F [--edges col=e1,e2,… | --edges-from ref.dbprofile] [--max-categories N] --out p.dbprofile
 *   profile merge a.dbprofile b.dbprofile … --out m.dbprofile
 * and the profile paths of `quality --reference p.dbprofile [--current C]` and `drift --reference p.dbprofile --current C`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DataError } from '../errors';
import { driftFromProfiles } from '../drift/from-profile-drift';
import type { DriftConfig, DriftResult } from '../drift/types';
import type { DatasetMeta } from '../data/types';
import { qualityFromProfiles } from '../quality/from-profiles';
import type { QualityResult } from '../quality/types';
import { buildProfile } from '../profile/mergeable/build';
import { readProfile, writeProfile } from '../profile/mergeable/io';
import { mergeProfiles } from '../profile/mergeable/merge';
import type { DbProfile } from '../profile/mergeable/types';
import { parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { checkOutPath } from './out-file';
import { parseEdgesFlags, parseMaxCategories, PROFILE_SQL_OPTION_SPECS, profileSqlBranch } from './profile-sql-command';
import { isProfilePath } from './profile-path';
import { load, readSettings } from './read-options';

export { isProfilePath, PROFILE_EXTENSION } from './profile-path';

const PROFILE_OPTION_SPECS = {
  data: { type: 'string' },
  edges: { type: 'string', multiple: true },
  'edges-from': { type: 'string' },
  'max-categories': { type: 'string' },
  ...PROFILE_SQL_OPTION_SPECS,
} as const;

/** A `.dbprofile`'s bytes and its validated profile (io.ts names the bad field); a missing file is a DataError naming it. */
async function loadProfileBytes(path: string): Promise<[Uint8Array, DbProfile]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new DataError('unreadable-file', `${path}: cannot read the profile (${(error as NodeJS.ErrnoException).code ?? 'error'}) — check the path`);
  }
  return [bytes, readProfile(new TextDecoder().decode(bytes))];
}

/** Reads and validates a `.dbprofile`. */
export async function loadProfile(path: string): Promise<DbProfile> {
  return (await loadProfileBytes(path))[1];
}

async function mergeCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true, allowPositionals: true });
  checkOutPath(values.out);
  if (positionals.length < 2)
    throw new UsageError('profile merge needs at least two .dbprofile files: profile merge a.dbprofile b.dbprofile … --out m.dbprofile');
  const profiles = await Promise.all(positionals.map(loadProfile));
  // Different edges, category limits or types: AnalysisError naming the column (exit 2).
  await writeOutput(writeProfile(mergeProfiles(profiles)), values.out, out);
}

/** `driftbook profile …` */
export async function profileCommand(args: string[], out: (text: string) => void): Promise<void> {
  if (args[0] === 'merge') return mergeCommand(args.slice(1), out);
  const { values } = parseCommandArgs(args, PROFILE_OPTION_SPECS);
  if (await profileSqlBranch(values, out)) return;
  if (!values.data) throw new UsageError('profile needs --data FILE (or --duckdb, --emit-sql, --from-sql-result), or: profile merge a b … --out m.dbprofile');
  if (values.edges && values['edges-from']) throw new UsageError('profile: give --edges or --edges-from, not both');
  const edgesFrom = values['edges-from'] ? await loadProfile(values['edges-from']) : undefined;
  const edges = parseEdgesFlags(values.edges);
  const maxCategories = parseMaxCategories(values['max-categories']);
  const dataset = await load(values.data, readSettings(values));
  const profile = buildProfile(dataset, { ...(edges ? { edges } : {}), ...(edgesFrom ? { edgesFrom } : {}), ...(maxCategories ? { maxCategories } : {}) });
  await writeOutput(writeProfile(profile), values.out, out);
}

/**
 * `driftbook quality --reference p.dbprofile [--current C | c.dbprofile]`: the usual quality result from the
 * profiles (qualityFromProfiles: counts, ranges, moments, histograms and categories exact; quantiles, zeros,
 * distinct numeric values and duplicated rows null). A raw current file is profiled on the reference's edges.
 */
export async function profileQuality(referencePath: string, currentPath: string | undefined, read: ReturnType<typeof readSettings>): Promise<QualityResult> {
  const [refBytes, reference] = await loadProfileBytes(referencePath);
  const refSide = { meta: profileMeta(referencePath, refBytes, reference), profile: reference };
  if (currentPath === undefined) return qualityFromProfiles(refSide);
  if (isProfilePath(currentPath)) {
    const [curBytes, current] = await loadProfileBytes(currentPath);
    return qualityFromProfiles(refSide, { meta: profileMeta(currentPath, curBytes, current), profile: current });
  }
  const data = await load(currentPath, read);
  return qualityFromProfiles(refSide, { meta: data.meta, profile: buildProfile(data, { edgesFrom: reference }) });
}

/** A `.dbprofile` input described as a dataset (format "dbprofile"): for the result's names and the HTML report. */
function profileMeta(path: string, bytes: Uint8Array, profile: DbProfile): DatasetMeta {
  return {
    id: path,
    name: basename(path),
    format: 'dbprofile',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    rows: profile.rows,
    schema: profile.columns.map(({ name, type }) => ({ name, type })),
    warnings: [],
    createdAt: new Date().toISOString(),
  };
}

/**
 * `driftbook drift --reference p.dbprofile --current C`: the usual drift result (kind "drift"). A raw
 * current file is profiled on the reference's edges and category limit; each test runs from the two
 * profiles and says so (`fromProfile` + `fromProfileReason`). `--current p.dbprofile` is taken as is.
 */
export async function profileDrift(
  referencePath: string,
  currentPath: string,
  read: ReturnType<typeof readSettings>,
  config: DriftConfig,
): Promise<{ result: DriftResult; datasets: { reference: DatasetMeta; current: DatasetMeta } }> {
  const [refBytes, reference] = await loadProfileBytes(referencePath);
  const refMeta = profileMeta(referencePath, refBytes, reference);
  if (isProfilePath(currentPath)) {
    const [curBytes, current] = await loadProfileBytes(currentPath);
    const curMeta = profileMeta(currentPath, curBytes, current);
    return {
      result: driftFromProfiles(reference, current, config, { reference: refMeta, current: curMeta }),
      datasets: { reference: refMeta, current: curMeta },
    };
  }
  const data = await load(currentPath, read);
  const current = buildProfile(data, { edgesFrom: reference });
  const result = driftFromProfiles(reference, current, config, { reference: refMeta, current: data.meta }, { reference: true, current: false });
  return { result, datasets: { reference: refMeta, current: data.meta } };
}
