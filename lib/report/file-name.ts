/**
 * Most file systems refuse names over 255 bytes, and a name a file dialog can show whole is far
 * shorter: downloads are capped at this many characters, extension included.
 */
export const FILE_NAME_MAX = 100;

/**
 * A download's file name from a user-given name (a workspace's, a dataset's) and an extension
 * such as ".report.html": letters, digits, dot, dash and underscore only (so no path separator,
 * control or bidi character can reach the file system), no leading dot (a hidden file), and at
 * most `max` characters with the extension kept whole.
 */
export function downloadName(name: string, extension: string, { max = FILE_NAME_MAX, fallback = 'workspace' } = {}): string {
  const clean = (text: string) =>
    text
      .normalize('NFKD')
      // Accents decomposed by NFKD go, so "café" becomes "cafe", not "cafe-".
      .replace(/\p{M}+/gu, '')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '');
  const room = Math.max(1, max - extension.length);
  // Cut, then trim what the cut left dangling ("name-" or "name.").
  const stem =
    clean(name)
      .slice(0, room)
      .replace(/[-.]+$/, '') ||
    clean(fallback).slice(0, room) ||
    'file';
  return `${stem}${extension}`;
}
