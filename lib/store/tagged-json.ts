/**
 * JSON that round-trips what IndexedDB stores but JSON does not: non-finite numbers, -0,
 * typed arrays and undefined-free objects. Used for workspace backups, so an imported cell
 * equals the exported one exactly.
 */
type Tagged = { $num: 'NaN' | 'Infinity' | '-Infinity' | '-0' } | { $typed: string; values: unknown[] };

const TYPED: Record<string, new (values: number[]) => ArrayLike<number>> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
};

function encode(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $num: 'NaN' };
    if (value === Infinity) return { $num: 'Infinity' };
    if (value === -Infinity) return { $num: '-Infinity' };
    if (Object.is(value, -0)) return { $num: '-0' };
    return value;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name;
    if (!(name in TYPED)) throw new Error(`cannot back up a ${name}`);
    return { $typed: name, values: Array.from(value as unknown as ArrayLike<number>, encode) };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encode(v);
    return out;
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const tagged = value as Partial<Tagged> & Record<string, unknown>;
    if ('$num' in tagged && Object.keys(tagged).length === 1) {
      return { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 }[tagged.$num as string];
    }
    if ('$typed' in tagged && 'values' in tagged && Object.keys(tagged).length === 2) {
      const Ctor = TYPED[tagged.$typed as string];
      if (!Ctor) throw new Error(`unknown typed array in backup: ${String(tagged.$typed)}`);
      return new Ctor((tagged.values as unknown[]).map(decode) as number[]);
    }
    return Object.fromEntries(Object.entries(tagged).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

export function toTaggedJson(value: unknown): string {
  return JSON.stringify(encode(value));
}

export function fromTaggedJson<T>(text: string): T {
  return decode(JSON.parse(text)) as T;
}
