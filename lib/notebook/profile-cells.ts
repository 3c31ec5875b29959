/**
 * Cells whose inputs include a profile-only dataset (a dropped `.dbprofile`, lib/store/stored-profiles.ts):
 * a stored dataset on the other side is profiled on the profile's edges and category limit
 * (`buildProfile(rows, { edgesFrom })`, cached by SHA-256), then drift-like kinds run through drift from
 * profiles (lib/drift/from-profile-drift.ts) and kinds with a `fromProfiles` capability (quality) through
 * it. Every other kind needs the rows and refuses, saying why.
 */

import type { Dataset, DatasetMeta } from '../data/types';
import { driftFromProfiles } from '../drift/from-profile-drift';
import type { DriftConfig, DriftResult } from '../drift/types';
import { AnalysisError } from '../errors';
import { buildProfile } from '../profile/mergeable/build';
import type { DbProfile } from '../profile/mergeable/types';
import { getDatasetMeta } from '../store/datasets';
import type { DriftbookDb } from '../store/db';
import { builtProfileKey, cachedBuiltProfile, getStoredProfile, isProfileOnly } from '../store/stored-profiles';
import { cellSpec, type CellConfigs, type CellKind, type CellResults } from './registry';
import { INPUT_SLOTS, type CellInputIds, type InputSlot, type ProfiledDataset, type ProfiledInput } from './types';

/** What the host (the worker's engine) lends: its database and its way to open a stored dataset's rows. */
export interface ProfileHost {
  db: DriftbookDb;
  openRows(input: { id: string; segment?: string }): Promise<Dataset>;
}

type Described = { slot: InputSlot; input: { id: string; segment?: string }; meta: DatasetMeta };

/** The descriptions of a cell's inputs when at least one is profile-only (the cell then runs here); undefined otherwise. */
export async function profileInputs(db: DriftbookDb, inputs: CellInputIds): Promise<Described[] | undefined> {
  const given = INPUT_SLOTS.flatMap((slot) => (inputs[slot] ? [{ slot, input: inputs[slot] }] : []));
  const described = await Promise.all(given.map(async ({ slot, input }) => ({ slot, input, meta: await getDatasetMeta(db, input.id) })));
  return described.some((d) => isProfileOnly(d.meta)) ? described : undefined;
}

/** Why a kind cannot run on a profile: it needs rows. */
function needsRows(label: string, profile: DatasetMeta): AnalysisError {
  return new AnalysisError(
    'needs-rows',
    `${label} cells need the rows: ${profile.name} is a profile (.dbprofile) — summaries only, no rows; choose a dataset stored from its data file (drift and data quality run on profiles)`,
  );
}

/** Called with (done, total) columns profiled from rows, while a run with a profile input builds the other side's profile. */
export type ProfileProgress = (done: number, total: number) => void;

/** Each input as a profile: a profile-only dataset's own, or its rows profiled on the first profile's edges (cached). */
async function profiled(described: Described[], host: ProfileHost, onProgress?: ProfileProgress): Promise<ProfiledInput> {
  const anchorSide = described.find((d) => isProfileOnly(d.meta))!;
  const anchor = await getStoredProfile(host.db, anchorSide.meta.id);
  const sides = await Promise.all(
    described.map(async ({ slot, input, meta }): Promise<[InputSlot, ProfiledDataset]> => {
      if (isProfileOnly(meta)) {
        if (input.segment?.trim()) {
          throw new AnalysisError(
            'needs-rows',
            `segment ${input.segment}: ${meta.name} is a profile (.dbprofile) and has no rows to filter — remove the segment, or choose a dataset stored from its data file`,
          );
        }
        return [slot, { meta, profile: meta.id === anchorSide.meta.id ? anchor : await getStoredProfile(host.db, meta.id) }];
      }
      const build = async () => {
        const rows = await host.openRows(input);
        return buildProfile(rows, { edgesFrom: anchor, ...(onProgress ? { onProgress } : {}) });
      };
      // A segment's rows are not the stored dataset's: profiled each time, never cached under its key.
      const profile: DbProfile = input.segment?.trim()
        ? await build()
        : await cachedBuiltProfile(host.db, meta, await builtProfileKey(meta, anchorSide.meta.sha256), build);
      return [slot, { meta: input.segment ? { ...meta, segment: input.segment } : meta, profile }];
    }),
  );
  return Object.fromEntries(sides);
}

/** Drift from the two sides' profiles; `fromProfile` says which sides were given as profiles (not built from rows). */
export function driftOfProfiles(input: ProfiledInput, config: DriftConfig): DriftResult {
  const { reference, current } = input;
  if (!reference || !current) throw new AnalysisError('missing-input', "this cell needs a reference and a current dataset — choose them in the cell's inputs");
  const ref = (side: ProfiledDataset) => {
    const { name, sha256, roles, roleSources, segment } = side.meta;
    return { name, rows: side.profile.rows, sha256, ...(segment ? { segment } : {}), ...(roles ? { roles } : {}), ...(roleSources ? { roleSources } : {}) };
  };
  return driftFromProfiles(
    reference.profile,
    current.profile,
    config,
    { reference: ref(reference), current: ref(current) },
    { reference: isProfileOnly(reference.meta), current: isProfileOnly(current.meta) },
  );
}

/** Runs a cell whose inputs include a profile-only dataset (see profileInputs); refuses kinds that need rows. */
export async function runProfileCell<K extends CellKind>(
  kind: K,
  config: CellConfigs[K],
  described: Described[],
  host: ProfileHost,
  onProgress?: ProfileProgress,
): Promise<CellResults[K]> {
  const spec = cellSpec(kind);
  const { drift, fromProfiles } = spec.capabilities;
  if (drift) return drift.result(await profileDrift(described, drift.config(config), host, onProgress));
  if (fromProfiles) return fromProfiles(await profiled(described, host, onProgress), config);
  throw needsRows(spec.label, described.find((d) => isProfileOnly(d.meta))!.meta);
}

/** A drift run whose inputs include a profile-only dataset (the engine's pooled run takes this path whole). */
export async function profileDrift(described: Described[], config: DriftConfig, host: ProfileHost, onProgress?: ProfileProgress): Promise<DriftResult> {
  return driftOfProfiles(await profiled(described, host, onProgress), config);
}
