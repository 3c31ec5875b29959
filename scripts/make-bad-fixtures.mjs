// Writes a corpus of awkward input files into tests/fixtures/bad/ for
// tests/unit/data/bad-files.test.ts: malformed CSVs, wrong encodings, renamed binaries, extreme
// shapes. Deterministic (no randomness, no clock): re-running rewrites identical bytes.
// Run: node scripts/make-bad-fixtures.mjs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { join } from 'node:path';

const OUT = join(import.meta.dirname, '..', 'tests', 'fixtures', 'bad');
mkdirSync(OUT, { recursive: true });
// The directory holds only what this script writes: clear it so a dropped case leaves no file behind.
for (const file of readdirSync(OUT)) rmSync(join(OUT, file));

const utf8 = (text) => new TextEncoder().encode(text);
const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

let total = 0;
const write = (name, content) => {
  const bytes = typeof content === 'string' ? utf8(content) : content;
  writeFileSync(join(OUT, name), bytes);
  total += bytes.length;
};

// --- Ragged rows: the line numbers count file lines (a quoted field can span several), not records.
// Line 1 header, lines 2–3 one record (quoted line break), line 4 good, line 5 has 2 fields.
write('ragged-short.csv', 'id,note,value\n1,"first line\nsecond line",10\n2,plain,20\n3,short\n4,fine,40\n');
// Lines 2–4 one record, line 5 a quoted comma (still 3 fields), line 6 has 5 fields.
write('ragged-long.csv', 'id,note,value\n1,"a\nb\nc",10\n2,"x,y",20\n3,too,many,fields,here\n4,fine,40\n');
// CR-only line endings with a line break inside quotes: "2" is on line 4, a short row.
write('ragged-cr-multiline.csv', 'id,note,value\r1,"a\rb",10\r2\r');

// --- Empty and near-empty files.
write('empty.csv', '');
write('header-only.csv', 'a,b,c\n');
write('header-only-no-newline.csv', 'a,b,c');
write('whitespace-only.csv', '   \n\t\n \r\n   ');
write('blank-lines-only-after-header.csv', 'a,b\n\n\r\n\n');

// --- Header names.
write('duplicate-headers.csv', 'id,score,score,id\n1,0.5,0.7,9\n2,0.25,0.125,8\n');
write('empty-headers.csv', 'a,b,,d,  \n1,2,3,4,5\n6,7,8,9,10\n');

// --- Encodings and binaries.
// "café" in windows-1252: é is the single byte 0xE9, invalid as UTF-8 here.
write('windows-1252.csv', concat(utf8('city,n\ncaf'), Uint8Array.of(0xe9), utf8(',1\nOslo,2\n')));
// UTF-16LE with its BOM: every ASCII character is followed by a NUL byte.
write('utf16le.csv', concat(Uint8Array.of(0xff, 0xfe), new Uint8Array(Buffer.from('a,b\n1,2\n', 'utf16le'))));
// A PNG signature and IHDR chunk (NUL bytes in the length and size fields) renamed .csv.
write(
  'png-renamed.csv',
  Uint8Array.of(
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a, // signature
    0x00,
    0x00,
    0x00,
    0x0d,
    0x49,
    0x48,
    0x44,
    0x52, // IHDR length 13
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    0x00,
    0x00,
    0x01, // 1 × 1
    0x08,
    0x06,
    0x00,
    0x00,
    0x00,
    0x1f,
    0x15,
    0xc4,
    0x89, // RGBA, crc
  ),
);
// Not a real Parquet file, only its magic bytes at both ends: the name check fires before any read.
write('parquet-renamed.csv', concat(utf8('PAR1'), Uint8Array.of(0x15, 0x04, 0x15, 0x00, 0x00, 0x00, 0x00, 0x00), utf8('PAR1')));
write('csv-renamed.parquet', 'id,x\n1,2\n3,4\n');

// --- Shapes.
// 10,000 columns × 3 rows: c1..c9999 single digits, the last column c10000 words.
{
  const n = 10_000;
  const header = Array.from({ length: n }, (_, c) => `c${c + 1}`).join(',');
  const last = ['alpha', 'beta', 'zeta'];
  const rows = [0, 1, 2].map((r) => [...Array.from({ length: n - 1 }, (_, c) => String((c + r) % 10)), last[r]].join(','));
  write('wide-10000-columns.csv', [header, ...rows].join('\n') + '\n');
}
// Mixed column: numbers (including "1.50") for data rows 1–4999, text at row 5000, numbers after.
{
  const codes = ['1.50', '2', '3.25', '0.75'];
  const lines = ['id,code'];
  for (let i = 1; i <= 5010; i++) lines.push(`${i},${i === 5000 ? 'unknown' : codes[i % codes.length]}`);
  write('mixed-type-row-5000.csv', lines.join('\n') + '\n');
}

// --- Number formats.
// Thousands separators (quoted because of the comma); the first value is a plain number.
write('thousands-separators.csv', 'id,amount\n1,999.25\n2,"1,234.5"\n3,"12,345.0"\n4,"1,234.5"\n5,999.25\n6,"1,234.5"\n');
// European export: semicolon delimiter, decimal commas.
write('semicolon-decimal-comma.csv', 'id;price;city\n1;1,5;Oslo\n2;2,25;Lima\n3;1,5;Oslo\n4;10,0;Pune\n');
write('inf-values.csv', 'id,v\n1,inf\n2,-inf\n3,1.5\n4,+Infinity\n5,-Infinity\n6,2.5\n7,NA\n8,INF\n');
write('all-missing.csv', 'id,m\n1,NA\n2,null\n3,None\n4,nan\n5,NULL\n6,\n7,NaN\n8,N/A\n9,""\n10, NA \n');

// --- Line endings and blank lines.
write('bom-crlf.csv', '\uFEFFid,name\r\n1,Ann\r\n2,"Bo\r\nB"\r\n3,Cy\r\n');
write('cr-only.csv', 'id,x\r1,0.5\r2,1.5\r3,2.5\r');
write('blank-lines-between.csv', 'id,x\n\n\n\r\n1,a\n\n2,b\n\n');

// --- Quoting errors.
// A multi-line quoted field on lines 2–3, then text after the closing quote on line 4.
write('stray-quote.csv', 'id,name\n1,"A\nB"\n2,"Bo"b\n3,Cy\n');
// The quote opened on line 3 never closes.
write('unclosed-quote.csv', 'id,name\n1,Ann\n2,"Bo\n3,Cy\n');

// --- JSON Lines: line 2 blank, line 3 invalid; line 2 of the other an array.
write('bad-line-3.jsonl', '{"a":1,"b":"x"}\n\n{"a":3,"b":}\n{"a":4,"b":"z"}\n');
write('not-object-line-2.jsonl', '{"a":1}\n[1,2]\n');

console.log(`wrote ${readdirSync(OUT).length} files, ${total} bytes, to ${OUT}`);
