import type { DatasetMeta } from '../data/types';
import type { DriftbookDb } from '../store/db';
import type { WorkspaceRecord } from '../store/types';
import { addWorkspaceDataset, createWorkspace, setLastWorkspaceId } from '../store/workspaces';
import { presetCells } from './presets';
import { createCell, newCell, runCell, type CellRunner, type NewCell } from './run-cell';

/** The bundled demo data (public/demo, with its provenance): vega-datasets' Seattle weather, split by year. */
export const DEMO_FILES = {
  reference: { url: '/demo/seattle-weather-2012-2013.csv', name: 'seattle-weather-2012-2013.csv' },
  current: { url: '/demo/seattle-weather-2015.csv', name: 'seattle-weather-2015.csv' },
} as const;

export const DEMO_WORKSPACE_NAME = 'Seattle weather — demo';

const INTRO = [
  '## Seattle weather: 2012–2013 vs 2015',
  '',
  "A **demo notebook** computed in your browser from [vega-datasets](https://github.com/vega/vega-datasets)' *seattle-weather.csv*:",
  'the reference is 2012–2013, the current data is 2015. Every cell below can be re-run, edited, moved or deleted;',
  'drop your own reference and current files above to start a notebook of your own.',
].join('\n');

/** The demo notebook: what it shows, the default preset (drift + quality), one column in detail and a chart over time. */
export function demoCells(reference: DatasetMeta, current: DatasetMeta): NewCell[] {
  return [
    newCell({ kind: 'note', config: { markdown: INTRO } }),
    ...presetCells(reference, current),
    newCell({ kind: 'column', reference, current, config: { column: 'temp_max', methods: 'all' }, title: 'temp_max in detail' }),
    newCell({ kind: 'chart', reference, current, config: { mark: 'line', x: 'date', y: 'precipitation', sides: 'both' }, title: 'Precipitation over time' }),
    // The demo's rain model (scripts/train-demo-model.py): its quality, and its 2015 performance estimated without labels.
    newCell({
      kind: 'classification',
      reference,
      current,
      config: { target: 'rain', prediction: 'rain_predicted', score: ['rain_score'], posLabel: '1' },
      title: 'Rain model: quality',
    }),
    newCell({
      kind: 'estimated',
      reference,
      current,
      config: { target: 'rain', score: 'rain_score', prediction: 'rain_predicted', posLabel: '1', chunks: 12 },
      title: 'Rain model: estimated vs realized',
    }),
  ];
}

/**
 * Builds the demo workspace: the two demo files stored (by `addFile`: the browser fetches and
 * parses them in a worker), then every demo cell created and run in order.
 */
export async function buildDemoWorkspace(
  db: DriftbookDb,
  runner: CellRunner,
  addFile: (file: (typeof DEMO_FILES)[keyof typeof DEMO_FILES]) => Promise<DatasetMeta>,
): Promise<WorkspaceRecord> {
  const workspace = await createWorkspace(db, DEMO_WORKSPACE_NAME);
  await setLastWorkspaceId(db, workspace.id);
  const reference = await addFile(DEMO_FILES.reference);
  const current = await addFile(DEMO_FILES.current);
  for (const dataset of [reference, current]) await addWorkspaceDataset(db, workspace.id, dataset.id);
  for (const spec of demoCells(reference, current)) await runCell(db, runner, await createCell(db, workspace.id, spec));
  return workspace;
}
