/** The pieces of Driftbook's README body that the writer and the reader share. */

/** The template's placeholder for an unfilled field. */
export const MORE_INFO = '[More Information Needed]';
/** The invisible markers around a person's field: `<!-- driftbook:<key> -->` … `<!-- /driftbook:<key> -->`. */
export const startMarker = (key: string, flag = ''): string => `<!-- driftbook:${key}${flag ? ` ${flag}` : ''} -->`;
export const endMarker = (key: string): string => `<!-- /driftbook:${key} -->`;

/** Items joined with ", " (a comma inside an item gets a backslash). */
export const joinList = (items: string[]): string => items.map((s) => s.replace(/[\\,]/g, (c) => `\\${c}`)).join(', ');
export function splitList(text: string): string[] {
  if (text === '') return [];
  const items: string[] = [''];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\') items[items.length - 1] += text[++i] ?? '';
    else if (ch === ',' && text[i + 1] === ' ') {
      items.push('');
      i++;
    } else items[items.length - 1] += ch;
  }
  return items;
}
