import type { Dataset, DatasetMeta } from '../data/types';
import type { ColumnTask, DriftPlan } from '../drift/compute-drift';
import type { ColumnDriftResult, DriftConfig, DriftResult } from '../drift/types';
import { AnalysisError } from '../errors';
import type { InputMapping, ModelMeta, OutputChoice, Predictor } from '../models/types';
import type { DbProfile } from '../profile/mergeable/types';

/** The datasets a cell can take: a reference, and a current one to compare with it. */
export type InputSlot = 'reference' | 'current';

export const INPUT_SLOTS: readonly InputSlot[] = ['reference', 'current'];

/**
 * One input of a cell: a stored dataset (by id, with the SHA-256 it had when chosen) and an
 * optional segment, an arquero filter expression applied before the cell computes
 * (`d => d.country === 'FR'`). The segment is part of the result key.
 */
export interface CellInputRef {
  id: string;
  sha256: string;
  segment?: string;
}

/** A cell's datasets by slot: none (a note), the reference only, or reference and current. */
export type CellInputs = Partial<Record<InputSlot, CellInputRef>>;

/** What a runner needs to open a cell's inputs: dataset ids and segments (no sha256: the store has it). */
export type CellInputIds = Partial<Record<InputSlot, { id: string; segment?: string }>>;

/** Descriptions of a cell's datasets by slot (types, roles, names), for defaults and checks. */
export type DatasetsBySlot = Partial<Record<InputSlot, DatasetMeta>>;

/** The opened datasets a compute reads (already filtered by their segments). */
export type ComputeInput = Partial<Record<InputSlot, Dataset>>;

/** One input summarised as a mergeable profile: a profile-only dataset's (.dbprofile), or one built from a stored dataset's rows. */
export interface ProfiledDataset {
  meta: DatasetMeta;
  profile: DbProfile;
}

/** A cell's inputs as profiles, when one of them is profile-only (lib/notebook/profile-cells.ts). */
export type ProfiledInput = Partial<Record<InputSlot, ProfiledDataset>>;

/** Runs one planned drift column; the engine passes one that uses its cached reference profiles. */
export type DriftColumnRunner = (task: ColumnTask, plan: Pick<DriftPlan, 'config' | 'context'>) => Promise<ColumnDriftResult>;

/** A stored model opened for a dataset: its description, the mapping and output in use (defaults filled in), and its Predictor. */
export interface OpenedModel {
  meta: ModelMeta;
  mapping: InputMapping;
  output: OutputChoice;
  predictor: Predictor;
}

/** Opens a stored model by id for a dataset's columns (the engine: onnxruntime-web over IndexedDB; the CLI: onnxruntime-node). */
export type ModelOpener = (id: string, choice: { mapping?: InputMapping; output?: OutputChoice; dataset: DatasetMeta }) => Promise<OpenedModel>;

export interface ComputeOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  driftColumn?: DriftColumnRunner;
  /** For the kinds that run a model (explain): the host opens the model the config names. */
  openModel?: ModelOpener;
}

/** What the app does with a kind beyond computing it; every per-kind rule lives here, not in components. */
export interface KindCapabilities<C, R> {
  /** Runs as soon as it is added with its required datasets (a chart waits for its columns to be chosen). */
  autoRun: boolean;
  /** Takes a decision threshold shared from another model cell (the threshold explorer). */
  acceptsThreshold?(config: C): boolean;
  /** The config with predictions derived from the score at `threshold`. */
  withThreshold?(config: C, threshold: number): C;
  /** A drift run in disguise: a host may spread it over a worker pool one column per task. */
  drift?: { config(config: C): DriftConfig; result(result: DriftResult): R };
  /**
   * Computes from mergeable profiles when an input is profile-only (a .dbprofile). A drift run in disguise
   * needs none (it runs through drift from profiles); any other kind without it needs the rows and refuses.
   */
  fromProfiles?(input: ProfiledInput, config: C): R;
}

/** A cell kind: everything the notebook, the report and the CLI need to know about it. */
export interface CellKindSpec<K extends string, C, R> {
  kind: K;
  /** Shown in the cell header, the add menu and the report. */
  label: string;
  /** What the add menu says the cell does. */
  description: string;
  /**
   * Datasets the compute needs, and those it uses when given; `labels` names a slot in the cell's pickers when its role is
   * not the slot's name; `fill` says which of the workspace's pair (reference, current) a new cell's slot starts with
   * when it is not the slot of the same name (change detection watches the current data as its stream).
   */
  inputs: {
    required: readonly InputSlot[];
    optional: readonly InputSlot[];
    labels?: Partial<Record<InputSlot, string>>;
    fill?: Partial<Record<InputSlot, InputSlot>>;
  };
  /** A new cell's settings, from its datasets when it has them (e.g. the first numeric column). */
  defaultConfig(datasets?: DatasetsBySlot): C;
  /** Why this config cannot run, in the words a form shows (empty: it can). Forms call this, never their own checks. */
  validate(config: C, datasets?: DatasetsBySlot): string[];
  /** Absent for cells that compute nothing (a note renders its own text). The result is plain serialisable data. */
  compute?(input: ComputeInput, config: C, options?: ComputeOptions): Promise<R>;
  capabilities: KindCapabilities<C, R>;
}

/** The dataset in `slot`, or a typed error that says which to choose. */
export function need(input: ComputeInput, slot: InputSlot): Dataset {
  const dataset = input[slot];
  if (!dataset) throw new AnalysisError('missing-input', `this cell needs a ${slot} dataset — choose one in the cell's inputs`);
  return dataset;
}

/** Throws the first problem `validate` found, as the typed error a runner reports (the CLI uses it before computing). */
export function assertValid(problems: readonly string[], label: string): void {
  if (problems.length) throw new AnalysisError('invalid-config', `${label} settings: ${problems[0]} — change the settings and run again`);
}
