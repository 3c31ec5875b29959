'use client';
import { useCallback, useEffect, useState } from 'react';
import type { DriftbookDb } from '../../lib/store/db';
import type { ExperimentRecord, RegisteredModelRecord, RunRecord } from '../../lib/store/tracking-records';

export interface TrackingState {
  experiments: ExperimentRecord[];
  runs: RunRecord[];
  models: RegisteredModelRecord[];
  loaded: boolean;
}

/** Experiments, runs and registered models as stored; `refresh` after an import or an edit. */
export function useTracking(db: DriftbookDb) {
  const [state, setState] = useState<TrackingState>({ experiments: [], runs: [], models: [], loaded: false });
  const refresh = useCallback(async () => {
    const [experiments, runs, models] = await Promise.all([
      db.experiments.toArray(),
      db.runs.orderBy('startTime').reverse().toArray(),
      db.registeredModels.toArray(),
    ]);
    experiments.sort((a, b) => a.name.localeCompare(b.name));
    setState({ experiments, runs, models, loaded: true });
  }, [db]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { ...state, refresh };
}
