import type { CellKindSpec } from '../types';

/** A markdown note (rendered with markdown-it, raw HTML disabled). */
export interface NoteConfig {
  markdown?: string;
}

/** A note computes nothing: its text is its content (no result, no compute). */
export const noteKind: CellKindSpec<'note', NoteConfig, never> = {
  kind: 'note',
  label: 'Note',
  description: 'Markdown text for the reader of the notebook or report',
  inputs: { required: [], optional: [] },
  defaultConfig: () => ({ markdown: '' }),
  validate: () => [],
  capabilities: { autoRun: false },
};
