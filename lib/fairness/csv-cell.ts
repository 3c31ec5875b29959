/** A plain decimal number: no formula even when it starts with - or +. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** OWASP "CSV injection": spreadsheets evaluate cells starting with these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: formula-like text (= + - @ tab CR first) is prefixed with ' so spreadsheets
 * show it as text (numbers such as -1 are left alone), then quoted per RFC 4180 when it holds
 * a comma, quote, CR or LF (quotes doubled).
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 text: CRLF line breaks, one after every record. */
export function toCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  return [header, ...records].map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
}
