'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { unpackMeta } from '../../lib/data/packed-meta';
import type { DatasetMeta } from '../../lib/data/types';
import type { DriftbookDb } from '../../lib/store/db';
import { getClient } from '../engine';

const NO_DATASETS: DatasetMeta[] = [];

/**
 * The stored datasets' descriptions, live. The page watches only the keys (IndexedDB's index, no
 * record read); a worker reads the descriptions and sends one only when its revision changed, packed
 * (lib/data/packed-meta.ts). Reading every description on the page at each change took seconds
 * with two 100,000-column files. An unchanged description keeps its object, so memos keyed on it hold.
 * `refresh` re-lists after an edit made here (a changed type is not a change of the watched keys).
 */
export function useDatasets(db: DriftbookDb): { datasets: DatasetMeta[]; refresh: () => void } {
  const keys = useLiveQuery(() => db.datasets.orderBy('createdAt').primaryKeys(), [db]);
  const [tick, setTick] = useState(0);
  const [datasets, setDatasets] = useState<DatasetMeta[]>(NO_DATASETS);
  const known = useRef(new Map<string, { revision: string; meta: DatasetMeta }>());
  const refresh = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (!keys) return;
    let alive = true;
    const revisions = Object.fromEntries([...known.current].map(([id, { revision }]) => [id, revision]));
    getClient()
      .listDatasets(revisions)
      .then((listing) => {
        if (!alive) return;
        const next = new Map<string, { revision: string; meta: DatasetMeta }>();
        for (const { id, revision, packed } of listing) {
          const entry = packed ? { revision, meta: unpackMeta(packed) } : known.current.get(id);
          if (entry) next.set(id, entry);
        }
        known.current = next;
        setDatasets([...next.values()].map((e) => e.meta));
      })
      // A cancel (the workers restart) or a closing page: the next change lists again.
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [keys, tick]);

  return { datasets, refresh };
}
