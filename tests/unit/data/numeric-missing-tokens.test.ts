import { describe, expect, it } from 'vitest';
import { readNumbers } from '../../../lib/data/columns';
import { ingestCsv } from '../../../lib/data/ingest';

const bytes = (text: string) => new TextEncoder().encode(text);

// pandas 1.5 read_csv(..., na_values=['-999']): every field of a numeric column whose value is -999
// ("-999", "-999.0", "-999e0") is NaN (pandas floatifies numeric na_values); checked with /usr/bin/python3.
describe('a missing token that reads as a number (--missing -999)', () => {
  it('is missing in a numeric column, on the tokenizer fast path and off it, and the rest stay numbers', async () => {
    const rows = ['x,y', '1.5,-999', '-999,2', '3,"-999"', '-999.0,4'];
    const { meta, table } = await ingestCsv(bytes(rows.join('\n') + '\n'), 'm.csv', { missingTokens: ['-999'] });
    expect(meta.schema.map((c) => c.type)).toEqual(['numeric', 'categorical']);
    // By value in a numeric column, as pandas: -999.0 is missing too.
    expect(Array.from(readNumbers(table, 'x'))).toEqual([1.5, NaN, 3, NaN]);
    expect(table.getChild('y')!.nullCount).toBe(2);
  });

  it('without the option, -999 is an ordinary number', async () => {
    const { table } = await ingestCsv(bytes('x\n1\n-999\n2.5\n'), 'n.csv');
    expect(Array.from(readNumbers(table, 'x'))).toEqual([1, -999, 2.5]);
  });

  it('matches in a locale number format too (decimal comma)', async () => {
    const { table } = await ingestCsv(bytes('x\n"1,5"\n"-9,5"\n"2,25"\n'), 'l.csv', { missingTokens: ['-9,5'], numberFormat: { decimal: ',', thousands: '' } });
    expect(Array.from(readNumbers(table, 'x'))).toEqual([1.5, NaN, 2.25]);
  });
});
