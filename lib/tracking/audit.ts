/**
 * The audit trail's hash chain. Each entry is {seq, time, type, details, prev, hash}: `prev` is the
 * previous entry's `hash` (64 zeros for the first), `hash` is the SHA-256 (hex) of the UTF-8 bytes of
 * canonicalJson(entry without `hash`) — lib/tracking/canonical-json.ts documents the serialisation.
 * Changing, reordering, deleting or inserting an entry breaks the chain at that entry; verifyChain
 * names the first one. Truncating the end, or changing the last entry and recomputing its hash,
 * leaves a valid shorter/other chain: compare `head` (the last hash) with one kept elsewhere.
 */
import { createSHA256 } from 'hash-wasm';
import { DataError } from '../errors';
import { entryShapeProblem } from './audit-jsonl';
import { canonicalJson, wellFormed } from './canonical-json';
import type { AuditEntry } from './types';

export { canonicalJson } from './canonical-json';
export { parseJsonLines, toJsonLines } from './audit-jsonl';

/** The `prev` of the first entry. */
export const ZERO_HASH = '0'.repeat(64);

/** A synchronous SHA-256 (hex of the UTF-8 bytes of a text), so a store can hash inside an IndexedDB transaction. */
export type TextHasher = (text: string) => string;

let hasher: Promise<TextHasher> | undefined;

/** hash-wasm's SHA-256, initialised once; the returned function is synchronous. */
export function textHasher(): Promise<TextHasher> {
  hasher ??= createSHA256().then((sha) => (text: string) => sha.init().update(text).digest('hex'));
  return hasher;
}

/** Deep copy with lone surrogates replaced (U+FFFD), undefined members dropped, anything non-JSON refused. */
function plainDetails(details: Record<string, unknown>): Record<string, unknown> {
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return wellFormed(value);
    if (Array.isArray(value)) return Array.from(value, clean);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [wellFormed(key), clean(item)]));
    }
    return value;
  };
  return JSON.parse(canonicalJson(clean(details), 'details')) as Record<string, unknown>;
}

/** The hash an entry should carry: SHA-256 of its canonical JSON without `hash` (every other member counts). */
export function entryHash(entry: AuditEntry, sha256: TextHasher): string {
  const { hash: _hash, ...body } = entry;
  return sha256(canonicalJson(body, `entry seq ${String(entry.seq)}`));
}

/** The entry after `prev` (undefined: the first), synchronous given a hasher. */
export function sealEntry(prev: AuditEntry | undefined, type: string, details: Record<string, unknown>, time: string, sha256: TextHasher): AuditEntry {
  if (!type) throw new DataError('audit-type', 'audit entry: empty type — name the event (dataset-added, cell-run, …)');
  const body = { seq: prev ? prev.seq + 1 : 0, time, type: wellFormed(type), details: plainDetails(details), prev: prev ? prev.hash : ZERO_HASH };
  return { ...body, hash: entryHash({ ...body, hash: '' }, sha256) };
}

/** The entry after `prev` (undefined: the first): seq, prev and hash filled in, details made plain JSON. */
export async function chainEntry(prev: AuditEntry | undefined, type: string, details: Record<string, unknown>, time: string): Promise<AuditEntry> {
  return sealEntry(prev, type, details, time, await textHasher());
}

export type AuditProblem = 'malformed' | 'changed' | 'reordered' | 'deleted' | 'inserted' | 'relinked';

export type ChainVerdict = { ok: true; count: number; head: string } | { ok: false; index: number; seq?: number; problem: AuditProblem; reason: string };

/** The first broken entry of a chain in stored order (see the module comment), or its length and head. */
export async function verifyChain(entries: readonly AuditEntry[]): Promise<ChainVerdict> {
  const sha256 = await textHasher();
  const broken = (index: number, problem: AuditProblem, reason: string): ChainVerdict => ({ ok: false, index, seq: entries[index]?.seq, problem, reason });
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const at = `entry ${i + 1} (index ${i}, seq ${String(entry?.seq)})`;
    const shape = entryShapeProblem(entry);
    if (shape) return { ok: false, index: i, problem: 'malformed', reason: `${at}: ${shape}` };
    if (entry.seq > i) {
      const later = entries.findIndex((other, j) => j > i && other?.seq === i);
      if (later >= 0) return broken(i, 'reordered', `${at}: seq ${entry.seq} comes before seq ${i} (index ${later}) — entries were reordered`);
      const missing = entry.seq - i === 1 ? `seq ${i} is missing` : `seq ${i}–${entry.seq - 1} are missing`;
      return broken(i, 'deleted', `${at}: ${missing} — deleted before this entry`);
    }
    if (entry.seq < i) {
      // Two entries with one seq: the original is the one the following entry links to.
      const next = entries[i + 1];
      if (entry.seq === i - 1 && next && next.prev === entry.hash && entries[i - 1]!.hash !== entry.hash) {
        return broken(i - 1, 'inserted', `entry ${i} (index ${i - 1}, seq ${entry.seq}): inserted — the next entries link to the other seq ${entry.seq}`);
      }
      return broken(i, 'inserted', `${at}: seq ${entry.seq} again where seq ${i} was expected — an entry inserted or duplicated`);
    }
    if (entryHash(entry, sha256) !== entry.hash) return broken(i, 'changed', `${at}: its content does not match its hash — the entry was changed`);
    const expected = i === 0 ? ZERO_HASH : entries[i - 1]!.hash;
    if (entry.prev !== expected) {
      if (i === 0) return broken(0, 'relinked', `${at}: prev is not 64 zeros — the first entry was replaced or earlier entries removed`);
      return broken(
        i - 1,
        'relinked',
        `entry ${i} (index ${i - 1}, seq ${entries[i - 1]!.seq}): its hash is not the prev that seq ${entry.seq} recorded — it was changed and re-hashed`,
      );
    }
  }
  return { ok: true, count: entries.length, head: entries.at(-1)?.hash ?? ZERO_HASH };
}
