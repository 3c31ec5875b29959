'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ModelMeta } from '../../lib/models/types';
import type { DriftbookDb } from '../../lib/store/db';
import { listModels } from '../../lib/store/models';

const NO_MODELS: ModelMeta[] = [];

/** The stored models, live (small descriptions: read on the page; the bytes stay in their own table). */
export function useModels(db: DriftbookDb): ModelMeta[] {
  return useLiveQuery(() => listModels(db), [db]) ?? NO_MODELS;
}
