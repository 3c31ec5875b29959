import type { DatasetMeta } from '../lib/data/types';
import type { ReadProgress } from '../lib/data/reader-types';
import type { ReadChoices } from '../lib/engine';
import { AnalysisError } from '../lib/errors';
import { buildDemoWorkspace } from '../lib/notebook/demo';
import type { DriftbookDb } from '../lib/store/db';
import type { WorkspaceRecord } from '../lib/store/types';
import type { EngineClient } from './engine-client';

/** Parses and stores a file in a worker (or finds the identical stored one); only its description reaches the page. */
export async function addDataset(
  client: EngineClient,
  file: Blob,
  name: string,
  onProgress?: (progress: ReadProgress) => void,
  options?: ReadChoices,
): Promise<DatasetMeta> {
  return client.store(file, name, onProgress, options);
}

async function fetchBlob(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new AnalysisError('demo-missing', `demo data not found: ${url} (HTTP ${response.status})`);
  return response.blob();
}

let seeding: Promise<WorkspaceRecord> | undefined;

/** First visit: the demo workspace (lib/notebook/demo.ts), its files fetched from the site (once per page, even under StrictMode). */
export function seedDemoWorkspace(db: DriftbookDb, client: EngineClient): Promise<WorkspaceRecord> {
  seeding ??= buildDemoWorkspace(db, client, async (file) => addDataset(client, await fetchBlob(file.url), file.name));
  return seeding;
}
