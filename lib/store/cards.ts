import type { ModelCard } from '../cards/types';
import { StorageError } from '../errors';
import { appendAudit } from './audit';
import { quotaAware } from './datasets';
import type { DriftbookDb } from './db';
import type { CardRecord, CardVersionReason, CardVersionRecord } from './types';

/** What a card is called in lists and messages: its model's name, or a placeholder. */
export function cardTitle(card: ModelCard): string {
  return card.modelDetails.name.trim() || 'Untitled model card';
}

/**
 * A card as text with object keys sorted (an imported card may list its keys in another order)
 * and numbers exact (NaN, ±Infinity and -0 kept apart), so two cards are equal when their texts are.
 */
export function canonicalCard(card: ModelCard): string {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : { $num: Object.is(value, -0) ? '-0' : String(value) };
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return JSON.stringify(walk(card));
}

export function sameCard(a: ModelCard, b: ModelCard): boolean {
  return canonicalCard(a) === canonicalCard(b);
}

/** The workspace's card (the first made, should another tab have made a second meanwhile). */
export async function getWorkspaceCard(db: DriftbookDb, workspaceId: string): Promise<CardRecord | undefined> {
  const cards = await db.cards.where('workspaceId').equals(workspaceId).toArray();
  return cards.sort((a, b) => b.latestVersion - a.latestVersion || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}

export async function getCard(db: DriftbookDb, id: string): Promise<CardRecord> {
  const card = await db.cards.get(id);
  if (!card) throw new StorageError('card-missing', `model card not found: ${id} — it was deleted (with its workspace?); reopen the workspace`);
  return card;
}

/** The workspace's card, made from `initial` (no version yet) when it has none. */
export async function openWorkspaceCard(db: DriftbookDb, workspaceId: string, initial: ModelCard, now = new Date()): Promise<CardRecord> {
  try {
    return await db.transaction('rw', db.cards, db.workspaces, async () => {
      const existing = await getWorkspaceCard(db, workspaceId);
      if (existing) return existing;
      if (!(await db.workspaces.get(workspaceId))) throw new StorageError('workspace-missing', `workspace not found: ${workspaceId}`);
      const record: CardRecord = {
        id: globalThis.crypto.randomUUID(),
        workspaceId,
        title: cardTitle(initial),
        draft: initial,
        updatedAt: now.toISOString(),
        latestVersion: 0,
      };
      await db.cards.add(record);
      return record;
    });
  } catch (error) {
    return quotaAware(error, 'the model card');
  }
}

/** Saves what the editor shows (no version): typing is never lost, even between versions. */
export async function saveCardDraft(db: DriftbookDb, cardId: string, draft: ModelCard, now = new Date()): Promise<CardRecord> {
  try {
    return await db.transaction('rw', db.cards, async () => {
      const record = await getCard(db, cardId);
      const next = { ...record, draft, title: cardTitle(draft), updatedAt: now.toISOString() };
      await db.cards.put(next);
      return next;
    });
  } catch (error) {
    return quotaAware(error, 'the model card');
  }
}

export function getCardVersion(db: DriftbookDb, cardId: string, version: number): Promise<CardVersionRecord | undefined> {
  return db.cardVersions.where('[cardId+version]').equals([cardId, version]).first();
}

/** Every version of a card, oldest first. */
export function listCardVersions(db: DriftbookDb, cardId: string): Promise<CardVersionRecord[]> {
  return db.cardVersions.where('[cardId+version]').between([cardId, -Infinity], [cardId, Infinity]).toArray();
}

export interface SavedVersion {
  record: CardRecord;
  version: CardVersionRecord;
  /** False when the card equalled the latest version and nothing new was stored. */
  saved: boolean;
}

/**
 * Saves the card as its draft and as a new version (latest + 1), in one transaction. A card equal
 * to the latest version stores no new version (the latest is returned) — except a sign-off of a
 * card whose latest version is not one.
 */
export async function saveCardVersion(db: DriftbookDb, cardId: string, card: ModelCard, reason: CardVersionReason, now = new Date()): Promise<SavedVersion> {
  const saved = await storeCardVersion(db, cardId, card, reason, now);
  if (saved.saved) {
    const { workspaceId, version } = saved.version;
    const about = { workspace: workspaceId, card: cardId, model: cardTitle(card), version };
    if (reason === 'sign-off') await appendAudit(db, 'card-sign-off', { ...about, reviewer: card.signOff.reviewer, date: card.signOff.date });
    else await appendAudit(db, 'card-edit', { ...about, reason });
  }
  return saved;
}

async function storeCardVersion(db: DriftbookDb, cardId: string, card: ModelCard, reason: CardVersionReason, now: Date): Promise<SavedVersion> {
  try {
    return await db.transaction('rw', db.cards, db.cardVersions, async () => {
      const record = await getCard(db, cardId);
      const latest = record.latestVersion ? await getCardVersion(db, cardId, record.latestVersion) : undefined;
      const next: CardRecord = { ...record, draft: card, title: cardTitle(card), updatedAt: now.toISOString() };
      // A sign-off is an event: recorded even when the fields were autosaved already (but only once).
      if (latest && sameCard(latest.card, card) && (reason !== 'sign-off' || latest.reason === 'sign-off')) {
        await db.cards.put(next);
        return { record: next, version: latest, saved: false };
      }
      const version: CardVersionRecord = {
        id: globalThis.crypto.randomUUID(),
        cardId,
        workspaceId: record.workspaceId,
        version: record.latestVersion + 1,
        savedAt: now.toISOString(),
        card,
        reason,
      };
      next.latestVersion = version.version;
      await db.cardVersions.add(version);
      await db.cards.put(next);
      return { record: next, version, saved: true };
    });
  } catch (error) {
    return quotaAware(error, 'the model card');
  }
}

/** A workspace's cards and all their versions (to delete, copy or back up the workspace). */
export async function listWorkspaceCards(db: DriftbookDb, workspaceId: string): Promise<{ cards: CardRecord[]; versions: CardVersionRecord[] }> {
  const cards = await db.cards.where('workspaceId').equals(workspaceId).toArray();
  const versions = await db.cardVersions.where('workspaceId').equals(workspaceId).toArray();
  return { cards, versions: versions.sort((a, b) => (a.cardId === b.cardId ? a.version - b.version : a.cardId < b.cardId ? -1 : 1)) };
}

/** Deletes a card and every version of it. */
export async function deleteCard(db: DriftbookDb, cardId: string): Promise<void> {
  await db.transaction('rw', db.cards, db.cardVersions, async () => {
    await db.cardVersions.where('cardId').equals(cardId).delete();
    await db.cards.delete(cardId);
  });
}

/** Copies of a workspace's cards and versions for another workspace, every id new. Call inside a transaction over both tables. */
export function copyCards(
  source: { cards: CardRecord[]; versions: CardVersionRecord[] },
  workspaceId: string,
): { cards: CardRecord[]; versions: CardVersionRecord[] } {
  const ids = new Map(source.cards.map((card) => [card.id, globalThis.crypto.randomUUID()]));
  return {
    cards: source.cards.map((card) => ({ ...card, id: ids.get(card.id)!, workspaceId })),
    versions: source.versions
      .filter((v) => ids.has(v.cardId))
      .map((v) => ({ ...v, id: globalThis.crypto.randomUUID(), cardId: ids.get(v.cardId)!, workspaceId })),
  };
}
