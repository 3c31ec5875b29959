import type { ModelCard } from '../cards/types';
import type { ColumnProfile } from '../profile/column-profile';
import type { CellInputRef } from '../notebook/types';
import type { BatchSummary } from '../notebook/batch-summary';

// Cell records are defined with the cell kinds (lib/notebook); the store only stores them.
export type { CellConfig, CellKind, CellResult } from '../notebook/registry';
export type { CellBase, CellRecord, CellRecordOf, CellStatus } from '../notebook/cell-record';
export type { CellInputRef, CellInputs } from '../notebook/types';

export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Stored datasets this workspace uses (the datasets themselves live in the shared library). */
  datasetIds?: string[];
  /** The reference its batch history is compared with (lib/store/batches.ts). */
  pinnedReference?: { id: string; sha256: string };
}

/** A cell input: a stored dataset, by id and SHA-256, with an optional segment. */
export type DatasetInputRef = CellInputRef;

export interface DatasetBlobRecord {
  id: string;
  /** Arrow IPC file-format bytes of the dataset's table (the first part, when split). */
  ipc: Uint8Array;
  /** Number of parts, when the bytes are split (parts 1… are stored under `${id}:part:${k}`). */
  parts?: number;
}

/** A column's profile, cached per (dataset content, column, type, engine version). */
export interface ProfileRecord {
  key: string;
  datasetId: string;
  profile: ColumnProfile;
}

/** A workspace's model card: the draft the editor shows (saved as it is typed) and its latest version number. */
export interface CardRecord {
  id: string;
  workspaceId: string;
  /** The model's name when it has one (lists, messages). */
  title: string;
  draft: ModelCard;
  updatedAt: string;
  /** 0 until the first version is saved. */
  latestVersion: number;
}

/** Why a card version was saved. */
export type CardVersionReason = 'autosave' | 'autofill' | 'import' | 'sign-off';

/** One saved version of a card (1, 2, …): the whole card as it was, never changed afterwards. */
export interface CardVersionRecord {
  id: string;
  cardId: string;
  workspaceId: string;
  version: number;
  savedAt: string;
  card: ModelCard;
  reason: CardVersionReason;
}

/** Where a batch's rows came from: a file added as it is, or one calendar period of a split file. */
export type BatchSource = { kind: 'upload' } | { kind: 'period'; file: string; label: string };

/** One batch of a workspace's history: a stored dataset with a date, and its numbers against the pinned reference. */
export interface BatchRecord {
  id: string;
  workspaceId: string;
  /** ISO calendar date (YYYY-MM-DD): the day the batch stands for. */
  date: string;
  /** When it was added (orders batches of the same date). */
  addedAt: string;
  dataset: { id: string; sha256: string; name: string; rows: number };
  source: BatchSource;
  /** The preset's scalars against the pinned reference (absent until computed, or when it failed). */
  summary?: BatchSummary;
  error?: { code: string; message: string };
}
