/** What `get` returns for bytes not added yet. */
export const ABSENT = -0x80000000;

// FNV-1a, 32-bit (http://www.isthe.com/chongo/tech/comp/fnv/): cheap and well spread for short keys.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A hash table from byte strings to integers: a CSV column's repeated values (categories) are
 * looked up by their bytes, so a value already seen costs no decoding and no JS string. Keys are
 * compared byte for byte (a hash collision never merges two values). Open addressing, linear
 * probing, keys copied into one growing byte arena.
 */
export class ByteInterner {
  private slots = new Int32Array(64); // entry + 1; 0 = empty
  private hashes = new Int32Array(32);
  private offsets = new Int32Array(32);
  private lengths = new Int32Array(32);
  private values = new Int32Array(32);
  private arena = new Uint8Array(1024);
  private used = 0;
  size = 0;
  // Where the last `get` stopped, so `add` right after it does not hash again.
  private lastHash = 0;
  private lastSlot = 0;

  /** The value stored for bytes[start, end), or ABSENT. */
  get(bytes: Uint8Array, start: number, end: number): number {
    let h = FNV_OFFSET | 0;
    for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k]!, FNV_PRIME);
    const mask = this.slots.length - 1;
    const n = end - start;
    let slot = h & mask;
    for (;;) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) break;
      if (this.hashes[entry] === h && this.lengths[entry] === n && this.sameBytes(entry, bytes, start, n)) return this.values[entry]!;
      slot = (slot + 1) & mask;
    }
    this.lastHash = h;
    this.lastSlot = slot;
    return ABSENT;
  }

  /** Stores value for bytes[start, end); call right after `get` returned ABSENT for the same bytes. */
  add(bytes: Uint8Array, start: number, end: number, value: number): void {
    const n = end - start;
    const entry = this.size;
    if (entry === this.hashes.length) this.growEntries();
    while (this.used + n > this.arena.length) this.arena = grown(this.arena, this.arena.length * 2);
    this.arena.set(bytes.subarray(start, end), this.used);
    this.hashes[entry] = this.lastHash;
    this.offsets[entry] = this.used;
    this.lengths[entry] = n;
    this.values[entry] = value;
    this.used += n;
    this.slots[this.lastSlot] = entry + 1;
    this.size++;
    // At most half full, so probes stay short.
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  private sameBytes(entry: number, bytes: Uint8Array, start: number, n: number): boolean {
    const { arena } = this;
    const offset = this.offsets[entry]!;
    for (let k = 0; k < n; k++) if (arena[offset + k] !== bytes[start + k]) return false;
    return true;
  }

  private growEntries(): void {
    const n = this.hashes.length * 2;
    this.hashes = grown(this.hashes, n);
    this.offsets = grown(this.offsets, n);
    this.lengths = grown(this.lengths, n);
    this.values = grown(this.values, n);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

function grown<T extends Int32Array | Uint8Array>(array: T, n: number): T {
  const next = new (array.constructor as new (n: number) => T)(n);
  next.set(array);
  return next;
}
