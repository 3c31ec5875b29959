'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { emptyCard, type ModelCard } from '../../lib/cards/types';
import { errorMessage } from '../../lib/errors';
import { listCardVersions, openWorkspaceCard, saveCardVersion, type SavedVersion } from '../../lib/store/cards';
import type { DriftbookDb } from '../../lib/store/db';
import type { CardRecord, CardVersionReason, CardVersionRecord } from '../../lib/store/types';

/** Typing pauses this long before the card is saved as a version. */
export const AUTOSAVE_MS = 1000;

export type SaveState =
  | { state: 'loading' }
  | { state: 'idle'; version: number }
  | { state: 'editing' }
  | { state: 'saving' }
  | { state: 'saved'; version: number; reason: CardVersionReason; unchanged: boolean }
  | { state: 'error'; message: string };

const NO_VERSIONS: CardVersionRecord[] = [];

/**
 * The open workspace's model card: made on first open, edited in memory and saved (draft and a new
 * version) one second after the last edit, or at once for autofill, import and sign-off. Saves run
 * one after another, so versions are numbered in the order the edits were made; a pending edit is
 * saved when the workspace changes or the view closes.
 */
export function useModelCard(db: DriftbookDb, workspaceId: string) {
  const [record, setRecord] = useState<CardRecord>();
  const [card, setCard] = useState<ModelCard>();
  const [status, setStatus] = useState<SaveState>({ state: 'loading' });
  const versions = useLiveQuery(() => (record ? listCardVersions(db, record.id) : Promise.resolve(NO_VERSIONS)), [db, record?.id]) ?? NO_VERSIONS;

  const cardId = useRef<string | undefined>(undefined);
  const pending = useRef<ModelCard | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  /** Saves `next` as a version of card `id` after the saves before it. */
  const enqueue = useCallback(
    (id: string, next: ModelCard, reason: CardVersionReason): Promise<SavedVersion> => {
      const run = queue.current.then(() => saveCardVersion(db, id, next, reason));
      queue.current = run.catch(() => undefined);
      return run;
    },
    [db],
  );

  const flush = useCallback((): Promise<SavedVersion | undefined> => {
    clearTimeout(timer.current);
    const next = pending.current;
    const id = cardId.current;
    pending.current = undefined;
    if (!next || !id) return Promise.resolve(undefined);
    setStatus({ state: 'saving' });
    return enqueue(id, next, 'autosave').then(
      (saved) => {
        if (cardId.current === id) {
          setRecord(saved.record);
          setStatus({ state: 'saved', version: saved.version.version, reason: saved.version.reason, unchanged: !saved.saved });
        }
        return saved;
      },
      (error: unknown) => {
        if (cardId.current === id) setStatus({ state: 'error', message: errorMessage(error) });
        return undefined;
      },
    );
  }, [enqueue]);

  useEffect(() => {
    let alive = true;
    setStatus({ state: 'loading' });
    setCard(undefined);
    setRecord(undefined);
    openWorkspaceCard(db, workspaceId, emptyCard()).then(
      (opened) => {
        if (!alive) return;
        cardId.current = opened.id;
        setRecord(opened);
        setCard(opened.draft);
        setStatus({ state: 'idle', version: opened.latestVersion });
      },
      (error: unknown) => alive && setStatus({ state: 'error', message: errorMessage(error) }),
    );
    return () => {
      alive = false;
      // What was typed in the last second is saved before another workspace's card opens.
      void flush();
      cardId.current = undefined;
    };
  }, [db, workspaceId, flush]);

  /** An edit: shown at once, saved as a version when typing pauses. */
  const edit = useCallback(
    (next: ModelCard) => {
      setCard(next);
      pending.current = next;
      setStatus({ state: 'editing' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush],
  );

  /** Replaces the card and saves it as a version now (autofill, import, sign-off); a pending edit is saved first. */
  const saveNow = useCallback(
    async (next: ModelCard, reason: CardVersionReason): Promise<SavedVersion> => {
      const id = cardId.current;
      if (!id) throw new Error('the model card is still opening — try again in a moment');
      await flush();
      setCard(next);
      setStatus({ state: 'saving' });
      try {
        const saved = await enqueue(id, next, reason);
        if (cardId.current === id) {
          setRecord(saved.record);
          setStatus({ state: 'saved', version: saved.version.version, reason: saved.version.reason, unchanged: !saved.saved });
        }
        return saved;
      } catch (error) {
        setStatus({ state: 'error', message: errorMessage(error) });
        throw error;
      }
    },
    [enqueue, flush],
  );

  // Saved when the tab is hidden or closed, too (a last edit within the second before).
  useEffect(() => {
    const hide = () => document.visibilityState === 'hidden' && void flush();
    document.addEventListener('visibilitychange', hide);
    return () => document.removeEventListener('visibilitychange', hide);
  }, [flush]);

  return { record, card, status, versions, edit, saveNow, flush };
}
