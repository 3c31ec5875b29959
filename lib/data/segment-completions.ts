/**
 * Column-name completions for a segment being typed: the text so far with a column read appended
 * or finished (`d.coun` → `d.country`, `d['odd na` → `d['odd name']`). Pure, for the segment field's
 * suggestion list (a datalist offers whole values, so each suggestion is the whole expression).
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_SUGGESTIONS = 50;

/** How an expression reads a column: `d.name`, or `d['odd name']` when the name is not an identifier. */
export function columnAccess(row: string, name: string): string {
  return IDENTIFIER.test(name) ? `${row}.${name}` : `${row}['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** The row parameter the text declares (`row => …`, `(r) => …`), else arquero's default `d`. */
export function rowName(text: string): string {
  return /^\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>/.exec(text)?.[1] ?? 'd';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-expression suggestions for `text`, at most 50. */
export function segmentCompletions(text: string, columns: readonly string[]): string[] {
  if (text.trim() === '') return columns.slice(0, MAX_SUGGESTIONS).map((name) => `d => ${columnAccess('d', name)}`);
  const row = rowName(text);
  // A column being typed after `row.` or `row['`: finish it with every column it starts.
  const partial = new RegExp(`(?<![\\w$])${escapeRegExp(row)}(?:\\.([\\w$]*)|\\[\\s*['"]([^'"]*))$`).exec(text);
  if (partial) {
    const typed = (partial[1] ?? partial[2] ?? '').toLowerCase();
    const head = text.slice(0, partial.index);
    return columns
      .filter((name) => name.toLowerCase().startsWith(typed))
      .slice(0, MAX_SUGGESTIONS)
      .map((name) => head + columnAccess(row, name));
  }
  // After an arrow, an operator, a parenthesis or a space: a column may come next.
  if (/(=>|&&|\|\||[\s(!])$/.test(text)) {
    const space = /\s$/.test(text) ? '' : ' ';
    return columns.slice(0, MAX_SUGGESTIONS).map((name) => `${text}${/[(!]$/.test(text) ? '' : space}${columnAccess(row, name)}`);
  }
  return [];
}
