import type { DatasetMeta } from '../lib/data/types';
import { downloadName } from '../lib/report/file-name';
import { getClient } from './engine';
import { download } from './export-report';

/**
 * Saves a stored dataset's `.dbprofile` (built in a worker from its rows, once per content: lib/store/stored-profiles.ts),
 * so a team can keep the profile — counts, moments, histograms, categories, sketches — instead of the rows.
 */
export async function downloadProfile(dataset: DatasetMeta): Promise<void> {
  const text = await getClient().datasetProfile(dataset.id);
  const stem = dataset.name.replace(/\.[^.]*$/, '');
  download(text, downloadName(stem, '.dbprofile', { fallback: 'dataset' }), 'application/json', { dataset: dataset.id, sha256: dataset.sha256 });
}
