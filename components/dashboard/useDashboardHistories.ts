'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { BATCH_HISTORY_SOURCE } from '../../lib/alerts/dashboard-tiles';
import { batchObservations, cellObservation, windowObservations } from '../../lib/alerts/observations';
import { scalarSample } from '../../lib/alerts/scalar-samples';
import type { DashboardTile, Observation, Sample } from '../../lib/alerts/types';
import { workspaceExperimentId } from '../../lib/notebook/cell-tracking';
import type { TileHistory } from '../../lib/report/dashboard-view';
import { listBatches } from '../../lib/store/batches';
import type { DriftbookDb } from '../../lib/store/db';
import { getArtifact, listRuns } from '../../lib/store/tracking';
import type { RunRecord } from '../../lib/store/tracking-records';
import type { CellRecord } from '../../lib/store/types';

const NO_RUNS: RunRecord[] = [];

/** A logged run's samples: from its stored result.json, else from its scalar metrics (those that need no column). */
async function runSamples(db: DriftbookDb, cell: CellRecord, run: RunRecord, at: string): Promise<Sample[]> {
  const artifact = await getArtifact(db, run.id, 'result.json');
  if (artifact) {
    try {
      return cellObservation(cell.workspaceId, cell, JSON.parse(await artifact.blob.text()) as unknown, at).samples;
    } catch {
      // A damaged artifact: the run's metrics below still say something.
    }
  }
  return Object.entries(run.metrics).flatMap(([id, points]) => {
    const value = points.at(-1)?.value;
    try {
      return value === undefined ? [] : [scalarSample(id, undefined, value)];
    } catch {
      return []; // a metric that is not a catalogue scalar (a result's other number)
    }
  });
}

/**
 * The history behind each stat tile, oldest first: a timeline's windows, the batch history, or the
 * cell's logged runs (their result.json parsed once per run and kept). Computed after render, off
 * the render path; a cell without logged runs shows its current result as its only point.
 */
export function useDashboardHistories(
  db: DriftbookDb,
  workspaceId: string,
  cells: readonly CellRecord[],
  tiles: readonly DashboardTile[],
  fail: (error: unknown) => void,
) {
  const runs = useLiveQuery(() => listRuns(db, { experimentIds: [workspaceExperimentId(workspaceId)] }), [db, workspaceId]) ?? NO_RUNS;
  const batches = useLiveQuery(() => listBatches(db, workspaceId), [db, workspaceId]);
  const [histories, setHistories] = useState<Record<string, TileHistory>>({});
  const parsed = useRef(new Map<string, Sample[]>());

  useEffect(() => {
    let live = true;
    const wanted = new Set(tiles.filter((t) => t.type === 'stat').map((t) => t.cellId));
    void (async () => {
      const next: Record<string, TileHistory> = {};
      if (wanted.has(BATCH_HISTORY_SOURCE) && batches) {
        const summarized = batches.flatMap((b) => (b.summary ? [{ id: b.id, date: b.date, name: b.dataset.name, summary: b.summary }] : []));
        next[BATCH_HISTORY_SOURCE] = { over: 'batches', observations: batchObservations(workspaceId, summarized) };
      }
      for (const cell of cells) {
        if (!wanted.has(cell.id) || !cell.result) continue;
        if (cell.kind === 'timeline') {
          next[cell.id] = { over: 'windows', observations: windowObservations(workspaceId, cell, cell.result) };
          continue;
        }
        const logged = runs.filter((r) => r.origin?.kind === 'driftbook' && r.origin.cellId === cell.id && r.status === 'FINISHED').reverse();
        const observations: Observation[] = [];
        for (const run of logged) {
          const at = new Date(run.endTime ?? run.startTime).toISOString();
          let samples = parsed.current.get(run.id);
          if (!samples) {
            samples = await runSamples(db, cell, run, at);
            parsed.current.set(run.id, samples);
          }
          // The run's source as the alerts evaluation names it (cell:<id>), with the run's samples.
          observations.push({ ...cellObservation(workspaceId, cell, null, at), samples });
        }
        next[cell.id] = { over: 'runs', observations: observations.length ? observations : [cellObservation(workspaceId, cell, cell.result, cell.updatedAt)] };
      }
      if (live) setHistories(next);
    })().catch((error: unknown) => {
      if (live) fail(error);
    });
    return () => {
      live = false;
    };
  }, [db, workspaceId, cells, tiles, runs, batches, fail]);

  return histories;
}
