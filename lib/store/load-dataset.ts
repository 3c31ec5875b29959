import { tableFromIPC, type Table } from 'apache-arrow';
// tableFromIPC builds RecordBatches: linear Schema.assign for wide tables.
import '../data/arrow-linear';
import type { DatasetMeta } from '../data/types';
import type { DriftbookDb } from './db';
import { getDatasetIpc, getDatasetMeta } from './datasets';

/** A stored dataset as an Arrow table (read by workers by id, so data never crosses threads). */
export async function loadDataset(db: DriftbookDb, id: string): Promise<{ meta: DatasetMeta; table: Table }> {
  const [meta, ipc] = await Promise.all([getDatasetMeta(db, id), getDatasetIpc(db, id)]);
  return { meta, table: tableFromIPC(ipc) };
}
