/**
 * Property tests of the readers (issue 11, "so the next ones are found by us"): random CSV and JSON
 * Lines bytes through the real entry point (ingestSource), read in random chunkings with random
 * options. Every file gives a consistent Dataset or a typed error with one readable line, within a
 * time bound, and the same bytes give the same table however they are chunked. A small oracle
 * checks that a well-formed file's cells come back exactly. `FUZZ_RUNS=5000 npm run fuzz` runs longer.
 */
import fc from 'fast-check';
import type { Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ingestSource, type IngestOptions } from '../../../lib/data/ingest';
import { MISSING_TOKENS } from '../../../lib/data/missing';
import type { ByteSource } from '../../../lib/data/reader-types';
import type { Dataset } from '../../../lib/data/types';
import { AnalysisError, DataError } from '../../../lib/errors';
import { applyEdits, byteEdits, chunkSizes, csvModel, encodeWithBom, jsonlText, readOptions, wellFormedCsv, writeCsv } from './reader-fuzz-arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
// A run reads each file twice (whole, then in random chunks); the test timeout follows the runs.
const TIMEOUT = 30_000 + RUNS * 60;
/** No file of these sizes may take longer to read (a hang or quadratic work shows up here). */
const BOUND_MS = 5_000;
const EPOCH = new Date(0);

/** A source yielding the bytes in chunks of the given sizes, in turn (1 MiB chunks when none). */
function chunkedSource(bytes: Uint8Array, name: string, sizes: readonly number[] = [1 << 20]): ByteSource {
  return {
    name,
    size: bytes.length,
    async *open() {
      for (let at = 0, k = 0; at < bytes.length; k++) {
        const size = sizes[k % sizes.length]!;
        yield bytes.slice(at, at + size);
        at += size;
      }
    },
  };
}

type Cell = number | string | null;
interface Summary {
  rows: number;
  schema: Dataset['meta']['schema'];
  warnings: string[];
  sha256: string;
  bytes: number;
  columns: { arrowType: string; values: Cell[] }[];
}
type Outcome = { ok: true; value: Summary; dataset: Dataset } | { ok: false; kind: string; code: string; message: string };

const cells = (vector: Vector | null): Cell[] => Array.from(vector ?? [], (v: unknown) => (v === null || typeof v === 'number' ? v : String(v)) as Cell);

/** The Dataset's invariants: rows and names agree between the description and the Arrow table. */
function checkDataset(dataset: Dataset): Summary {
  const { meta, table } = dataset;
  expect(meta.rows).toBe(table.numRows);
  expect(meta.rows).toBeGreaterThan(0);
  expect(meta.schema.map((c) => c.name)).toEqual(table.schema.fields.map((f) => f.name));
  expect(new Set(meta.schema.map((c) => c.name)).size).toBe(meta.schema.length);
  for (const warning of meta.warnings) expect(warning).not.toMatch(/\bundefined\b|\[object Object\]/);
  return {
    rows: meta.rows,
    schema: meta.schema,
    warnings: meta.warnings,
    sha256: meta.sha256,
    bytes: meta.bytes,
    columns: table.schema.fields.map((field, c) => ({ arrowType: String(field.type), values: cells(table.getChildAt(c)) })),
  };
}

/** A refusal must be a typed error with a code and one readable line, nothing raw. */
function checkError(error: unknown): { kind: string; code: string; message: string } {
  if (!(error instanceof DataError || error instanceof AnalysisError)) {
    throw new Error(`untyped error from a reader: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
  }
  expect(error.code).toMatch(/^[a-z0-9-]+$/);
  expect(error.message, error.message).not.toMatch(/[\r\n]|\bundefined\b|\[object Object\]/);
  return { kind: error.kind, code: error.code, message: error.message };
}

async function ingest(bytes: Uint8Array, name: string, options: IngestOptions, sizes?: readonly number[]): Promise<Outcome> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${name} (${bytes.length} bytes) not read within ${BOUND_MS} ms`)), BOUND_MS);
  });
  try {
    const dataset = await Promise.race([ingestSource(chunkedSource(bytes, name, sizes), { ...options, id: 'fuzz', now: () => EPOCH }), hang]);
    return { ok: true, value: checkDataset(dataset), dataset };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('hang:')) throw error;
    return { ok: false, ...checkError(error) };
  } finally {
    clearTimeout(timer);
    // A synchronous stretch cannot be interrupted by the timer above: measure it too.
    expect(performance.now() - started, `${name}: ${bytes.length} bytes read in more than ${BOUND_MS} ms`).toBeLessThan(BOUND_MS);
  }
}

/** The properties every file must have: whole and chunked reads agree, value for value (or error for error). */
async function expectSameOutcome(bytes: Uint8Array, name: string, options: IngestOptions, sizes: readonly number[]): Promise<Outcome> {
  const whole = await ingest(bytes, name, options);
  const chunked = await ingest(bytes, name, options, sizes);
  const strip = (o: Outcome) => (o.ok ? { ok: true, value: o.value } : o);
  expect(strip(chunked)).toEqual(strip(whole));
  return whole;
}

const params = (runs: number) => ({ numRuns: runs, seed: SEED, endOnFailure: true });

describe('reader fuzz: any bytes give a table or a typed error, the same in every chunking', () => {
  it(
    'delimited text written from a random model (quotes, delimiters, line breaks, BOMs, sep= lines, ragged rows), edited at random',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          csvModel,
          byteEdits,
          readOptions,
          chunkSizes,
          fc.constantFrom('f.csv', 'f.tsv', 'f.txt', 'f'),
          async (model, edits, options, sizes, name) => {
            const bytes = applyEdits(encodeWithBom(writeCsv(model), model.bom), edits);
            if (bytes.length === 0) return;
            await expectSameOutcome(bytes, name, options, sizes);
          },
        ),
        params(RUNS),
      );
    },
    TIMEOUT,
  );

  it(
    'raw random bytes under every text extension',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ minLength: 1, maxLength: 300 }),
          readOptions,
          chunkSizes,
          fc.constantFrom('r.csv', 'r.tsv', 'r.jsonl', 'r'),
          async (bytes, options, sizes, name) => {
            await expectSameOutcome(bytes, name, options, sizes);
          },
        ),
        params(RUNS),
      );
    },
    TIMEOUT,
  );

  it(
    'JSON Lines: random objects, nested values, blank lines, CRLF, a BOM, broken lines',
    async () => {
      await fc.assert(
        fc.asyncProperty(jsonlText, byteEdits, chunkSizes, async (text, edits, sizes) => {
          const bytes = applyEdits(new TextEncoder().encode(text), edits);
          if (bytes.length === 0) return;
          await expectSameOutcome(bytes, 'j.jsonl', {}, sizes);
        }),
        params(RUNS),
      );
    },
    TIMEOUT,
  );

  it(
    'extreme shapes: one column × many rows, thousands of columns × 1–2 rows, one huge field',
    async () => {
      const shape = fc.oneof(
        fc.record({ kind: fc.constant('tall' as const), rows: fc.integer({ min: 1, max: 50_000 }) }),
        fc.record({ kind: fc.constant('wide' as const), columns: fc.integer({ min: 1, max: 5_000 }), rows: fc.integer({ min: 1, max: 2 }) }),
        fc.record({ kind: fc.constant('huge field' as const), length: fc.integer({ min: 1, max: 2_000_000 }), quoted: fc.boolean() }),
      );
      await fc.assert(
        fc.asyncProperty(shape, fc.constantFrom(7, 4096, 65_536), async (s, chunk) => {
          let text: string;
          if (s.kind === 'tall') text = `v\n${Array.from({ length: s.rows }, (_, i) => (i % 3 ? `${i * 0.5}` : `"t${i}"`)).join('\n')}\n`;
          else if (s.kind === 'wide') {
            const line = (r: number) => Array.from({ length: s.columns }, (_, c) => (r < 0 ? `c${c}` : `${c + r}`)).join(',');
            text = [line(-1), ...Array.from({ length: s.rows }, (_, r) => line(r))].join('\r\n');
          } else text = `a,b\n1,${s.quoted ? `"${'x,"'.repeat(s.length / 3).replace(/"/g, '""')}"` : 'x'.repeat(s.length)}\n2,y\n`;
          const outcome = await expectSameOutcome(new TextEncoder().encode(text), 'shape.csv', {}, [chunk]);
          expect(outcome.ok).toBe(true);
        }),
        params(Math.max(4, Math.round(RUNS / 20))),
      );
    },
    TIMEOUT * 4,
  );
});

describe('reader oracle: a well-formed file gives back exactly the cells it was written from', () => {
  it(
    'text cells kept exactly (whitespace too; missing tokens matched after trimming), numbers equal Number(text)',
    async () => {
      await fc.assert(
        fc.asyncProperty(wellFormedCsv, chunkSizes, async (file, sizes) => {
          const outcome = await ingest(file.bytes, 'oracle.csv', file.options, sizes);
          if (!outcome.ok) throw new Error(`a well-formed file was refused: ${outcome.message}`);
          const { meta, table } = outcome.dataset;
          expect(meta.schema.map((c) => c.name)).toEqual(file.header);
          const tokens = new Set([...MISSING_TOKENS, ...(file.options.missingTokens ?? []).map((t) => t.trim())]);
          const numericTokens = new Set([...tokens].filter((t) => /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)).map(Number));
          file.kinds.forEach((kind, c) => {
            const written = file.rows.map((row) => row[c]!);
            const missing = (v: string) => tokens.has(v.trim());
            const expected =
              kind === 'text'
                ? written.map((v) => (missing(v) ? null : v))
                : written.map((v) => (missing(v) || numericTokens.has(Number(v)) ? null : Number(v)));
            expect(meta.schema[c]!.type === 'numeric' || meta.schema[c]!.type === 'categorical' || kind === 'text').toBe(true);
            expect(cells(table.getChildAt(c))).toEqual(expected);
          });
        }),
        params(RUNS),
      );
    },
    TIMEOUT,
  );
});
