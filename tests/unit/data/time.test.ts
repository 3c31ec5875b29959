import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateFormatChecker, dateFormatParser, isIsoDate, parseIsoTime, utcMs } from '../../../lib/data/time';

/** Date.UTC for any year (Date.UTC maps years 0–99 to 1900–1999). */
function utc(year: number, month: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const d = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms));
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

// Every form the three former parsers (type inference, model timestamps, chart times) accepted.
const ACCEPTED: [string, number][] = [
  ['2015-01-31', utc(2015, 1, 31)],
  ['  2015-01-31  ', utc(2015, 1, 31)],
  ['2016-02-29', utc(2016, 2, 29)],
  ['2015-01-02T03:04', utc(2015, 1, 2, 3, 4)],
  ['2015-01-02 03:04', utc(2015, 1, 2, 3, 4)],
  ['2015-01-02T03:04:05', utc(2015, 1, 2, 3, 4, 5)],
  ['2015-01-02 03:04:05', utc(2015, 1, 2, 3, 4, 5)],
  ['2015-01-02T03:04:05Z', utc(2015, 1, 2, 3, 4, 5)],
  ['2015-01-02T03:04Z', utc(2015, 1, 2, 3, 4)],
  ['2015-01-02T03:04:05.2', utc(2015, 1, 2, 3, 4, 5, 200)],
  ['2015-01-02T03:04:05.25', utc(2015, 1, 2, 3, 4, 5, 250)],
  ['2024-03-01T10:30:15.250Z', utc(2024, 3, 1, 10, 30, 15, 250)],
  // Beyond milliseconds the fraction is cut, as Date.parse does (not rounded).
  ['2015-01-02T03:04:05.2505Z', utc(2015, 1, 2, 3, 4, 5, 250)],
  ['2015-01-02T03:04:05.9999Z', utc(2015, 1, 2, 3, 4, 5, 999)],
  ['2015-01-02T03:04:05.123456789', utc(2015, 1, 2, 3, 4, 5, 123)],
  ['2015-01-02T03:04:05+01:00', utc(2015, 1, 2, 2, 4, 5)],
  ['2015-01-02T03:04:05+0100', utc(2015, 1, 2, 2, 4, 5)],
  ['2024-03-01T10:30:00-0530', utc(2024, 3, 1, 16, 0)],
  ['2015-01-02T03:04-00:00', utc(2015, 1, 2, 3, 4)],
  ['2015-01-02 03:04+05:30', utc(2015, 1, 1, 21, 34)],
  ['2015-01-02T23:59:59+23:59', utc(2015, 1, 2, 0, 0, 59)],
  ['2015-01-02T23:59:59-23:59', utc(2015, 1, 3, 23, 58, 59)],
  // 24:00 is the next midnight; a day past the month's end rolls over (as V8's Date.parse).
  ['2015-01-02T24:00', utc(2015, 1, 3)],
  ['2015-01-02T24:00:00.000', utc(2015, 1, 3)],
  ['2015-02-30', utc(2015, 3, 2)],
  ['2015-04-31', utc(2015, 5, 1)],
  ['0000-01-01', utc(0, 1, 1)],
  ['0050-01-01T00:00+0100', utc(49, 12, 31, 23)],
  ['1969-12-31T23:59:59.9999Z', -1],
  ['9999-12-31T23:59:59.999Z', utc(9999, 12, 31, 23, 59, 59, 999)],
];

const REJECTED = [
  '',
  '2015',
  '2015-1-2',
  '2015/01/02',
  '01/02/2015',
  '2015-13-01',
  '2015-00-10',
  '2015-01-00',
  '2015-01-32',
  '2015-01-02T25:00',
  '2015-01-02T24:01',
  '2015-01-02T24:00:01',
  '2015-01-02T24:00:00.5',
  '2015-01-02T23:60',
  '2015-01-02T23:59:60',
  '2015-01-02T03:04:05.',
  '2015-01-02T3:04',
  '2015-01-02T03:04:05+24:00',
  '2015-01-02T03:04:05+01:60',
  '2015-01-02Z',
  '2015-01-02T03:04 Z',
  '2015-01-02T03:04:05+1',
  '2015-01-02x',
];

describe('parseIsoTime', () => {
  it.each(ACCEPTED)('%s', (text, expected) => {
    expect(parseIsoTime(text)).toBe(expected);
    expect(isIsoDate(text)).toBe(true);
  });

  it.each(REJECTED)('rejects %j', (text) => {
    expect(parseIsoTime(text)).toBeNaN();
    expect(isIsoDate(text)).toBe(false);
  });

  // The readers used V8's Date.parse before (with "Z" for a value without a zone): same values, same results.
  it('gives Date.parse results on random date-times of the accepted grammar', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .record({
        y: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        mo: two(14),
        d: two(33),
        time: fc.option(fc.record({ h: two(25), mi: two(61), s: fc.option(two(61)), frac: fc.option(fc.stringMatching(/^\d{1,6}$/)) })),
        zone: fc.option(fc.constantFrom('Z', '+01:00', '-0530', '+23:59', '+24:00', '-00:00', '+0160')),
        sep: fc.constantFrom('T', ' '),
      })
      .map(({ y, mo, d, time, zone, sep }) => {
        if (!time) return { text: `${y}-${mo}-${d}`, iso: `${y}-${mo}-${d}T00:00:00Z` };
        const clock = `${time.h}:${time.mi}${time.s === null ? '' : `:${time.s}${time.frac === null ? '' : `.${time.frac}`}`}`;
        const z = zone ?? 'Z';
        const isoZone = z.length === 5 ? `${z.slice(0, 3)}:${z.slice(3)}` : z;
        return { text: `${y}-${mo}-${d}${sep}${clock}${zone ?? ''}`, iso: `${y}-${mo}-${d}T${clock}${isoZone}` };
      });
    fc.assert(
      fc.property(text, ({ text, iso }) => {
        expect(parseIsoTime(text)).toBe(Date.parse(iso));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('utcMs', () => {
  it('matches Date.UTC, also for years 0–99 and negative epochs', () => {
    expect(utcMs(2024, 2, 29, 23, 59, 59, 999)).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    expect(utcMs(1900, 3, 1)).toBe(Date.UTC(1900, 2, 1));
    expect(utcMs(1, 1, 1)).toBe(utc(1, 1, 1));
    expect(utcMs(1969, 12, 31, 23, 59, 59, 999)).toBe(-1);
  });
});

describe('dateFormatParser / dateFormatChecker', () => {
  it('reads dates in the given layout as UTC milliseconds', () => {
    const dmy = dateFormatParser('DD/MM/YYYY');
    expect(dmy('31/12/2024')).toBe(utc(2024, 12, 31));
    expect(dmy(' 1/2/2024 ')).toBe(utc(2024, 2, 1));
    expect(dateFormatParser('MM-DD-YYYY HH:mm:ss')('12-31-2024 23:59:58')).toBe(utc(2024, 12, 31, 23, 59, 58));
    expect(dateFormatParser('YYYY.MM')('2024.07')).toBe(utc(2024, 7, 1));
    expect(dateFormatParser('(YYYY) DD+MM')('(2024) 05+06')).toBe(utc(2024, 6, 5));
  });

  it('accepts real dates in the given layout only', () => {
    const dmy = dateFormatChecker('DD/MM/YYYY');
    expect(['31/12/2024', '1/2/2024', '29/02/2024'].map(dmy)).toEqual([true, true, true]);
    expect(['31/02/2024', '29/02/2023', '2024-01-01', '12/31/2024', '31/12/24', '00/01/2024', '01/13/2024'].map(dmy)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    const mdyTime = dateFormatChecker('MM-DD-YYYY HH:mm');
    expect(['12-31-2024 23:59', '12-31-2024 24:00', '12-31-2024 10:60', '12.31.2024 10:00'].map(mdyTime)).toEqual([true, false, false, false]);
  });
});
