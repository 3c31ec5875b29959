/**
 * The one date parser: ISO 8601 as our readers accept it, and dates in a user's format
 * ("DD/MM/YYYY HH:mm"). Type inference, timestamp columns and charts all call it, so a value reads
 * the same everywhere. Arithmetic on the calendar (not Date.parse), so the result does not depend
 * on the JavaScript engine or on the machine's time zone.
 */

const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to year-month-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Epoch milliseconds of a UTC calendar date and time; `day` past the month's end rolls into the next month. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  return (daysFromCivil(year, month) + day - 1) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

// Date, optionally a time (T or space), and a zone only after a time: 2015-01-31, 2015-01-31T10:00:00Z, 2015-01-31 10:00+0100.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Epoch milliseconds of an ISO 8601 date or date-time, NaN when the text is not one. A value
 * without a zone is UTC (never the machine's zone). The accepted values and results are those of
 * V8's Date.parse, which the readers used before: day 1–31 in any month (2015-02-30 is 2 March),
 * 24:00 is the next midnight, fractions of a second beyond milliseconds are cut (not rounded),
 * and a zone offset is at most ±23:59.
 */
export function parseIsoTime(text: string): number {
  const m = ISO.exec(text.trim());
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  // Up to milliseconds, as Date.parse reads the fraction.
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || second > 59) return NaN;
  if (hour > 24 || (hour === 24 && (minute > 0 || second > 0 || (frac !== undefined && /[1-9]/.test(frac))))) return NaN;
  let offset = 0;
  if (zone !== undefined && zone !== 'Z') {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(-2));
    if (zh > 23 || zm > 59) return NaN;
    offset = (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm) * 60_000;
  }
  return utcMs(Number(y), month, day, hour, minute, second, ms) - offset;
}

/** True for an ISO 8601 date or date-time that parseIsoTime reads. */
export function isIsoDate(text: string): boolean {
  return !Number.isNaN(parseIsoTime(text));
}

const FORMAT_TOKENS: Record<string, string> = { YYYY: '(\\d{4})', MM: '(\\d{1,2})', DD: '(\\d{1,2})', HH: '(\\d{1,2})', mm: '(\\d{2})', ss: '(\\d{2})' };

/**
 * A parser for dates written in a user's format, e.g. "DD/MM/YYYY" or "MM-DD-YYYY HH:mm": YYYY,
 * MM, DD, HH, mm and ss stand for numbers, anything else for itself. It returns epoch
 * milliseconds (UTC), or NaN when the text does not match or the date does not exist (no 31/02,
 * hours below 24). A format without DD or MM means the first day or month.
 */
export function dateFormatParser(format: string): (text: string) => number {
  const order: string[] = [];
  const pattern = format.replace(/YYYY|MM|DD|HH|mm|ss|[.*+?^${}()|[\]\\]/g, (token) => {
    if (FORMAT_TOKENS[token]) {
      order.push(token);
      return FORMAT_TOKENS[token]!;
    }
    return `\\${token}`;
  });
  const regex = new RegExp(`^${pattern}$`);
  return (text) => {
    const match = regex.exec(text.trim());
    if (!match) return NaN;
    const part = (token: string) => {
      const at = order.indexOf(token);
      return at < 0 ? (token === 'DD' || token === 'MM' ? 1 : 0) : Number(match[at + 1]);
    };
    const [y, m, d, h, mi, s] = [part('YYYY'), part('MM'), part('DD'), part('HH'), part('mm'), part('ss')];
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || h > 23 || mi > 59 || s > 59) return NaN;
    return utcMs(y, m, d, h, mi, s);
  };
}

/** True when the text is a date in the user's format (see dateFormatParser). */
export function dateFormatChecker(format: string): (text: string) => boolean {
  const parse = dateFormatParser(format);
  return (text) => !Number.isNaN(parse(text));
}
