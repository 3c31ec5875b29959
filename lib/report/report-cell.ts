import type { DerivedFrom } from '../data/types';
import type { ReportAlerts } from './alerts-section';
import type { CellConfigs, CellKind, CellResults } from '../notebook/registry';
import type { InputSlot } from '../notebook/types';

/** Input datasets by slot, by id (described in the report's `datasets`). */
export type ReportInputs = Partial<Record<InputSlot, string>>;

/** One cell as the report shows it (the stored cell minus what the reader does not need). */
export interface ReportCellOf<K extends CellKind> {
  kind: K;
  title: string;
  config: CellConfigs[K];
  result?: CellResults[K];
  inputs: ReportInputs;
  /** The inputs' segments (arquero filter expressions), when a slot has one. */
  segments?: Partial<Record<InputSlot, string>>;
}

export type ReportCellMap = { [K in CellKind]: ReportCellOf<K> };
export type ReportCell = ReportCellMap[CellKind];

export interface ReportDataset {
  id: string;
  name: string;
  rows: number;
  columns: number;
  sha256: string;
  /** A scored dataset's source dataset and model (SHA-256, opset, producer), as every manifest records them. */
  derivedFrom?: DerivedFrom;
}

export interface WorkspaceReportInput {
  title: string;
  appVersion: string;
  engineVersion: number;
  exportedAt: string;
  datasets: ReportDataset[];
  cells: ReportCell[];
  /** The workspace's alert rules and events (issue 15); no Alerts section without it. */
  alerts?: ReportAlerts;
}
