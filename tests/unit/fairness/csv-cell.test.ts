import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../lib/fairness/csv-cell';

describe('csvCell (RFC 4180 + formula injection)', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('Female')).toBe('Female');
    expect(csvCell('0.6666666666666666')).toBe('0.6666666666666666');
    expect(csvCell('-1')).toBe('-1');
    expect(csvCell('+2.5e-3')).toBe('+2.5e-3');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Black, non-Hispanic')).toBe('"Black, non-Hispanic"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it("neutralises cells a spreadsheet would evaluate by prefixing '", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
  });

  it('writes CRLF after every record', () => {
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
