/**
 * The audit trail in IndexedDB (table `audit`, keyed by seq): append-only. appendAudit is the only
 * writer; nothing edits or deletes an entry (tests/unit/store/audit.test.ts checks the sources). The
 * trail belongs to the browser profile, not to a workspace: it is not in workspace backups; export it
 * as JSON Lines and check it with `driftbook audit verify FILE.jsonl`.
 */
import { sealEntry, textHasher, toJsonLines } from '../tracking/audit';
import type { AuditEntry } from '../tracking/types';
import type { DriftbookDb } from './db';

/** This page's appends in flight, per database: one at a time, in call order. */
const queues = new WeakMap<DriftbookDb, Promise<unknown>>();

/**
 * Appends an event. Reading the last entry and adding the next happen in one read-write transaction
 * (hashing is synchronous, so the transaction stays open): IndexedDB runs read-write transactions on
 * one table one after another, so two tabs cannot both extend the same entry and fork the chain.
 */
export function appendAudit(db: DriftbookDb, type: string, details: Record<string, unknown>, options: { now?: () => Date } = {}): Promise<AuditEntry> {
  const append = async (): Promise<AuditEntry> => {
    const sha256 = await textHasher();
    return db.transaction('rw', db.audit, async () => {
      const last = await db.audit.orderBy('seq').last();
      const entry = sealEntry(last, type, details, (options.now?.() ?? new Date()).toISOString(), sha256);
      await db.audit.add(entry);
      return entry;
    });
  };
  const next = (queues.get(db) ?? Promise.resolve()).then(append, append);
  queues.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * A value as its JSON text says (NaN and ±Infinity → null, Dates → strings, undefined members gone):
 * app data such as a cell's config, logged as the app would write it to a file.
 */
export const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null)) as unknown;

/** Every entry in seq order. */
export function listAudit(db: DriftbookDb): Promise<AuditEntry[]> {
  return db.audit.orderBy('seq').toArray();
}

/** The whole trail as JSON Lines (lib/tracking/audit-jsonl.ts), for a download. */
export async function exportAuditJsonl(db: DriftbookDb): Promise<string> {
  return toJsonLines(await listAudit(db));
}
