/**
 * Linear-time replacements for two apache-arrow (21.x) methods that look a field up by name with
 * `fields.findIndex` — O(columns) per lookup, so O(columns²) for a wide table:
 *
 * - `Schema.prototype.assign`, which `new RecordBatch(schema, data)` calls on every batch (through
 *   `ensureSameLengthData`), when we build tables (to-arrow.ts, take-rows.ts) and when any IPC
 *   reader (`tableFromIPC`) decodes one. 100,000 columns took ~60 s in it alone.
 * - `Table.prototype.getChild(name)`, which every analysis calls once per column.
 *
 * Both keep the library's semantics exactly, duplicate names included: the lookup finds the *first*
 * field with the name (as findIndex does), through a name → index map built once per field array.
 * Installed once, on import of this module (to-arrow.ts, columns.ts, load-dataset.ts import it);
 * tests/unit/data/arrow-linear.test.ts compares them with the library's own implementations.
 */
import { Schema, Table, type Field } from 'apache-arrow';

// Field arrays are never mutated by the library after construction (assign and select build new ones).
const firstIndexCache = new WeakMap<readonly Field[], Map<string, number>>();

/** Index of the first field named `name`, or -1: `fields.findIndex((f) => f.name === name)` in O(1) after one O(n) pass. */
export function fieldIndex(fields: readonly Field[], name: string): number {
  let index = firstIndexCache.get(fields);
  if (!index) {
    index = new Map();
    for (let i = 0; i < fields.length; i++) if (!index.has(fields[i]!.name)) index.set(fields[i]!.name, i);
    firstIndexCache.set(fields, index);
  }
  return index.get(name) ?? -1;
}

function mergeMaps<K, V>(m1: Map<K, V> | null | undefined, m2: Map<K, V> | null | undefined): Map<K, V> {
  return new Map([...(m1 ?? new Map<K, V>()), ...(m2 ?? new Map<K, V>())]);
}

type AssignArgs = [Schema] | [Field[]] | Field[];

/** apache-arrow's Schema.assign (schema.mjs), with the per-field findIndex replaced by a map lookup. */
function linearAssign(this: Schema, ...args: AssignArgs): Schema {
  const first = args[0];
  const other = first instanceof Schema ? first : Array.isArray(first) ? new Schema(first) : new Schema(args as Field[]);
  const curFields = [...this.fields];
  const metadata = mergeMaps(mergeMaps(new Map(), this.metadata), other.metadata);
  // First index of each name among the *original* fields: replacing a field keeps its name, so the
  // library's findIndex over the updated array finds the same index.
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < curFields.length; i++) if (!firstIndex.has(curFields[i]!.name)) firstIndex.set(curFields[i]!.name, i);
  const newFields = other.fields.filter((f2) => {
    const i = firstIndex.get(f2.name);
    if (i === undefined) return true;
    curFields[i] = f2.clone({ metadata: mergeMaps(mergeMaps(new Map(), curFields[i]!.metadata), f2.metadata) });
    return false;
  });
  // The library's generateDictionaryMap(newFields) is what a Schema of those fields computes.
  const newDictionaries = new Schema(newFields).dictionaries;
  return new Schema([...curFields, ...newFields], metadata, new Map([...this.dictionaries, ...newDictionaries]));
}

function linearGetChild(this: Table, name: string) {
  return this.getChildAt(fieldIndex(this.schema.fields, name));
}

// The originals are kept on the prototype, so a second evaluation of this module (test isolation)
// neither wraps twice nor mistakes the replacement for the library's method.
const ORIGINALS = Symbol.for('driftbook/arrow-linear');
interface Originals {
  assign: typeof Schema.prototype.assign;
  getChild: typeof Table.prototype.getChild;
}
const holder = Schema.prototype as unknown as { [ORIGINALS]?: Originals };
const originals = (holder[ORIGINALS] ??= { assign: Schema.prototype.assign, getChild: Table.prototype.getChild });
Schema.prototype.assign = linearAssign as typeof Schema.prototype.assign;
Table.prototype.getChild = linearGetChild as typeof Table.prototype.getChild;

/** The library's own implementations, for the equivalence test. */
export const libraryAssign = originals.assign;
export const libraryGetChild = originals.getChild;
