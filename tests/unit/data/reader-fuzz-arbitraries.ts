/**
 * fast-check generators for tests/unit/data/reader-fuzz.test.ts: delimited text written from a
 * model (so a well-formed file's cells are known), JSON Lines, raw bytes and extreme shapes.
 */
import fc from 'fast-check';

export type Delimiter = ',' | ';' | '\t' | '|';
export type Newline = '\n' | '\r\n' | '\r';
export type Bom = 'none' | 'utf-8' | 'utf-8 twice' | 'utf-16le' | 'utf-16be';

/** A delimited file before it is written: cells as text, how it is written, and the reading options. */
export interface CsvModel {
  header: string[];
  rows: string[][];
  delimiter: Delimiter;
  newline: Newline;
  /** Quote every field that needs it (always), and these others too. */
  quoteAll: boolean;
  sepLine: boolean;
  bom: Bom;
  trailingNewline: boolean;
}

// Characters that make CSV hard: the delimiters, quotes, line breaks, spaces, non-ASCII, bidi controls, astral planes.
const NASTY = [',', ';', '\t', '|', '"', '\n', '\r', '\r\n', ' ', 'é', '€', '\u202e', '\u2066', '\ufeff', '😀', 'ß', '\u00a0', 'Ω', 'sep=', '='];

const nastyText = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 5 })
  .map((parts) => parts.join(''));

/** Number-like and other typed-looking cells, including the ones that once switched a column's type. */
const numberLike = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -20, max: 20 }).map(String),
  fc.constantFrom(
    '1e400',
    '-1e400',
    '1e-400',
    '-0',
    '0x1A',
    '0b1',
    '1_000',
    '1,5',
    '1.234,5',
    ' 7 ',
    '+3',
    '.5',
    '5.',
    'inf',
    '-Infinity',
    'NaN',
    'NA',
    '',
    ' ',
  ),
);
const dateLike = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().slice(0, 10), d.toISOString().slice(0, 19).replace('T', ' ')));
const booleanLike = fc.constantFrom('true', 'false', 'yes', 'no', 'T', 'f', 'TRUE');

type Kind = 'number' | 'date' | 'boolean' | 'text';
const cellOf = (kind: Kind) => ({ number: numberLike, date: dateLike, boolean: booleanLike, text: nastyText })[kind] as fc.Arbitrary<string>;

const headerName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'x', 'id', 'target', 'prediction', 'date') },
  { weight: 2, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a', 'a ', '\u202ename', 'sep=;', 'column_2', 'a_2') },
);

/** Any delimited file: random header (empty, duplicate, unicode, bidi names), typed-looking columns, ragged rows sometimes. */
export const csvModel: fc.Arbitrary<CsvModel> = fc
  .record({
    columns: fc.integer({ min: 1, max: 8 }),
    rowCount: fc.integer({ min: 0, max: 30 }),
    ragged: fc.boolean(),
  })
  .chain(({ columns, rowCount, ragged }) =>
    fc.record({
      header: fc.array(headerName, { minLength: columns, maxLength: columns }),
      rows: fc
        .array(fc.constantFrom<Kind>('number', 'date', 'boolean', 'text'), { minLength: columns, maxLength: columns })
        .chain((kinds) =>
          fc.array(
            ragged
              ? fc.array(fc.oneof(...kinds.map(cellOf)), { minLength: 0, maxLength: columns + 2 })
              : fc.tuple(...kinds.map((k) => fc.oneof({ weight: 5, arbitrary: cellOf(k) }, { weight: 1, arbitrary: nastyText }))),
            { minLength: rowCount, maxLength: rowCount },
          ),
        ),
      delimiter: fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
      newline: fc.constantFrom<Newline>('\n', '\r\n', '\r'),
      quoteAll: fc.boolean(),
      sepLine: fc.boolean(),
      bom: fc.constantFrom<Bom>('none', 'none', 'utf-8', 'utf-8 twice', 'utf-16le', 'utf-16be'),
      trailingNewline: fc.boolean(),
    }),
  );

/** A field as a CSV writer (Python's csv, pandas) writes it: quoted when it must be, doubled quotes inside. */
export function writeField(value: string, delimiter: string, quote: boolean): string {
  const must = value.includes(delimiter) || /["\r\n]/.test(value);
  return must || quote ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(model: CsvModel): string {
  const lines = [model.header, ...model.rows].map((cells) => cells.map((cell) => writeField(cell, model.delimiter, model.quoteAll)).join(model.delimiter));
  if (model.sepLine) lines.unshift(`sep=${model.delimiter}`);
  return lines.join(model.newline) + (model.trailingNewline ? model.newline : '');
}

/** The text's bytes in the model's encoding, behind its byte order mark(s). */
export function encodeWithBom(text: string, bom: Bom): Uint8Array {
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    const out = new Uint8Array(2 + text.length * 2);
    const view = new DataView(out.buffer);
    view.setUint16(0, 0xfeff, bom === 'utf-16le');
    for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), bom === 'utf-16le');
    return out;
  }
  const body = new TextEncoder().encode(text);
  const marks = bom === 'utf-8' ? 1 : bom === 'utf-8 twice' ? 2 : 0;
  const out = new Uint8Array(3 * marks + body.length);
  for (let k = 0; k < marks; k++) out.set([0xef, 0xbb, 0xbf], 3 * k);
  out.set(body, 3 * marks);
  return out;
}

/** Random edits to a file's bytes: flips, insertions (quotes, line breaks, NUL, high bytes) and cuts. */
export const byteEdits = fc.array(
  fc.record({
    at: fc.nat(),
    op: fc.constantFrom('flip', 'insert', 'cut'),
    byte: fc.oneof(fc.constantFrom(0x22, 0x0a, 0x0d, 0x2c, 0x3b, 0x00, 0xef, 0xbb, 0xbf, 0xc3, 0x80, 0xff, 0xfe), fc.integer({ min: 0, max: 255 })),
  }),
  { maxLength: 4 },
);

export function applyEdits(bytes: Uint8Array, edits: { at: number; op: string; byte: number }[]): Uint8Array {
  let out = bytes;
  for (const { at, op, byte } of edits) {
    const i = out.length ? at % (out.length + 1) : 0;
    if (op === 'insert') out = Uint8Array.from([...out.subarray(0, i), byte, ...out.subarray(i)]);
    else if (op === 'cut') out = out.slice(0, i);
    else if (i < out.length) (out = out.slice())[i]! ^= byte || 1;
  }
  return out;
}

/** Reading options a user can choose (ingest's IngestOptions), at random. */
export const readOptions = fc.record(
  {
    encoding: fc.constantFrom<'utf-8' | 'windows-1252'>('utf-8', 'windows-1252'),
    skipMalformed: fc.boolean(),
    missingTokens: fc.array(fc.constantFrom('-', '?', ' n.a. ', '-999', '0', 'x', ''), { maxLength: 3 }),
    numberFormat: fc.constantFrom(
      { decimal: ',' as const, thousands: '.' as const },
      { decimal: ',' as const, thousands: '' as const },
      { decimal: '.' as const, thousands: ',' as const },
      { decimal: ',' as const, thousands: ' ' as const },
    ),
    dateFormat: fc.constantFrom('DD/MM/YYYY', 'YYYY-MM-DD', 'MM/DD/YYYY HH:mm'),
  },
  { requiredKeys: [] },
);

/** JSON Lines: objects with random keys and values (nested, null, numbers, strings), blank lines, CRLF, a BOM, now and then a broken line. */
export const jsonlText = fc
  .record({
    lines: fc.array(
      fc.oneof(
        {
          weight: 8,
          arbitrary: fc
            .dictionary(fc.oneof(fc.constantFrom('a', 'b', 'c', ' ', ''), nastyText), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 })
            .map((o) => JSON.stringify(o)),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom('', '   ', '[1,2]', 'null', '42', '{"a":', '{"a":1}{"b":2}', '{"a":1e400}', '{"__proto__":{"x":1}}', '{"a":"\\ud800"}'),
        },
      ),
      { maxLength: 20 },
    ),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
  })
  .map(({ lines, newline, bom }) => (bom ? '\ufeff' : '') + lines.join(newline));

/** Chunk sizes for a source: tiny ones put boundaries inside quotes, CRLF pairs, multi-byte characters and BOMs. */
export const chunkSizes = fc.array(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 4096 })), {
  minLength: 1,
  maxLength: 8,
});

/** A well-formed file and what it was written from: the oracle's input. */
export interface WellFormedCsv {
  bytes: Uint8Array;
  options: { encoding?: 'utf-8' | 'windows-1252'; missingTokens?: string[]; numberFormat?: { decimal: ','; thousands: '' } };
  header: string[];
  kinds: ('text' | 'number')[];
  /** Cells as written (numbers before any decimal comma). */
  rows: string[][];
}

// Windows-1252 can write ASCII, Latin-1's upper half and € (among others): anything else becomes '?'. NUL never (a binary file).
const to1252 = (text: string) =>
  Array.from(text, (ch) => (ch === '€' || (ch > '\u0000' && ch < '\u0080') || (ch >= '\u00a0' && ch <= '\u00ff') ? ch : '?')).join('');
const noNul = (text: string) => text.split('\u0000').join('?');

function encode1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0)));
}

const oracleNumber = fc.oneof(
  fc.double().map(String),
  fc.integer({ min: -3, max: 3 }).map(String),
  fc.constantFrom('1e400', '-1e400', '-0', ' 7 ', '+3', '.5', '5.', 'Infinity', '-Infinity', 'NaN', 'NA', '', ' null '),
);
// Names a sniffer cannot misread: no delimiter candidates, quotes or line breaks, no surrounding spaces, not a sep= line.
const oracleName = fc
  .oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), fc.constantFrom('é€', '\u202eabc', 'Ω 1'))
  .map((s) =>
    noNul(s)
      .replace(/[,;\t|"\r\n\ufeff]/g, '_')
      .trim(),
  )
  .filter((s) => s !== '' && !/^sep=/i.test(s));

export const wellFormedCsv: fc.Arbitrary<WellFormedCsv> = fc
  .record({
    header: fc.uniqueArray(oracleName, { minLength: 1, maxLength: 6 }),
    rowCount: fc.integer({ min: 1, max: 25 }),
    delimiter: fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
    newline: fc.constantFrom<Newline>('\n', '\r\n', '\r'),
    quoteAll: fc.boolean(),
    sepLine: fc.boolean(),
    bom: fc.constantFrom<Bom>('none', 'utf-8', 'utf-8 twice'),
    trailingNewline: fc.boolean(),
    windows1252: fc.boolean(),
    decimalComma: fc.boolean(),
    missingTokens: fc.array(fc.constantFrom('-', '?', ' n.a. ', '-999', 'x'), { maxLength: 2 }),
  })
  .chain((f) =>
    fc.record({
      f: fc.constant(f),
      kinds: fc.array(fc.constantFrom<'text' | 'number'>('text', 'number'), { minLength: f.header.length, maxLength: f.header.length }),
      textAt: fc.nat(f.rowCount - 1),
      cells: fc.array(fc.array(fc.tuple(nastyText, oracleNumber), { minLength: f.header.length, maxLength: f.header.length }), {
        minLength: f.rowCount,
        maxLength: f.rowCount,
      }),
    }),
  )
  .map(({ f, kinds, textAt, cells }) => {
    // A leading U+FEFF is dropped by apache-arrow's string decoder (util/utf8: a TextDecoder without
    // ignoreBOM), not by the reader: the oracle checks the reader, so its cells do not start with one.
    const clean = (s: string) => (f.windows1252 ? to1252(s) : noNul(s)).replace(/^\ufeff+/, '');
    const header = f.header.map((h) => clean(h)).map((h, i, all) => (all.indexOf(h) === i ? h : `${h}_${i}`));
    // One column: the sniffer falls back to a comma, unless a sep= line names the delimiter.
    const delimiter = header.length === 1 && !f.sepLine ? ',' : f.delimiter;
    const decimalComma = f.decimalComma && delimiter !== ',';
    // A text column holds at least one cell no reader could take for a number, date or boolean.
    const rows = cells.map((row, r) => row.map(([text, number], c) => (kinds[c] === 'text' ? (r === textAt ? `x${clean(text)}` : clean(text)) : number)));
    const written = rows.map((row) => row.map((v, c) => (kinds[c] === 'number' && decimalComma ? v.replace('.', ',') : v)));
    const lines = [header, ...written].map((cellsOfRow) =>
      // A one-column empty cell is quoted: an empty line is skipped, as pandas skips it.
      cellsOfRow.map((cell) => writeField(cell, delimiter, f.quoteAll || (cellsOfRow.length === 1 && cell === ''))).join(delimiter),
    );
    if (f.sepLine) lines.unshift(`sep=${delimiter}`);
    const text = lines.join(f.newline) + (f.trailingNewline ? f.newline : '');
    const bytes = f.windows1252 ? encode1252(text) : encodeWithBom(text, f.bom);
    return {
      bytes,
      options: {
        encoding: f.windows1252 ? ('windows-1252' as const) : ('utf-8' as const),
        missingTokens: f.missingTokens,
        ...(decimalComma ? { numberFormat: { decimal: ',' as const, thousands: '' as const } } : {}),
      },
      header,
      kinds,
      rows,
    };
  });
