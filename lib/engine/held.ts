import type { Table } from 'apache-arrow';
import type { ColumnProfile } from '../profile/column-profile';

/**
 * A dataset this worker has in memory: its table (just parsed here, handed over by another worker, or read
 * from IndexedDB), the Arrow IPC bytes under it when known, and the column profiles built when it was
 * parsed (or by a drift run since), by profileKey (lib/store/profiles.ts).
 */
export interface HeldDataset {
  table: Promise<Table>;
  ipc?: Uint8Array;
  profiles: Map<string, ColumnProfile | undefined>;
}

/** A held dataset on its way to another worker (engine exportHeld → adoptHeld): IPC bytes and profiles, as transferables. */
export interface HeldParcel {
  ipc: Uint8Array;
  profiles: [string, ColumnProfile | undefined][];
}

// A pooled worker computes many columns of the same two datasets, and the page's next cell reuses them.
const CACHE_SIZE = 4;
const held = new Map<string, HeldDataset>();

function keep(id: string, entry: HeldDataset): HeldDataset {
  held.delete(id);
  held.set(id, entry);
  if (held.size > CACHE_SIZE) held.delete(held.keys().next().value!);
  return entry;
}

/** The dataset as held here, or read with `load` (a failed read is forgotten, to be tried again). */
export function heldDataset(id: string, load: () => Promise<Table>): HeldDataset {
  const known = held.get(id);
  if (known) return keep(id, known);
  const table = load();
  table.catch(() => held.get(id)?.table === table && held.delete(id));
  return keep(id, { table, profiles: new Map() });
}

/** Keeps a table this worker parsed or was handed, with its profiles: drift then reads neither IndexedDB nor the rows again. */
export function holdDataset(id: string, table: Table, profiles: Map<string, ColumnProfile | undefined> = new Map(), ipc?: Uint8Array): void {
  keep(id, { table: Promise.resolve(table), profiles, ...(ipc ? { ipc } : {}) });
}

/** The held dataset without reading anything (undefined when this worker does not have it). */
export function peekHeld(id: string): HeldDataset | undefined {
  return held.get(id);
}

/** The buffers of a parcel, to transfer rather than copy between threads. */
export function parcelBuffers(parcel: HeldParcel): ArrayBuffer[] {
  const buffers = [parcel.ipc.buffer as ArrayBuffer];
  for (const [, profile] of parcel.profiles) if (profile?.kind === 'numeric') buffers.push(profile.sorted.buffer as ArrayBuffer);
  return buffers;
}
