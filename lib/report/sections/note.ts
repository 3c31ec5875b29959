import { raw } from '../escape';
import { renderMarkdown } from '../markdown';
import type { Section } from './types';

/** A note is its text, rendered with the app's markdown (raw HTML escaped, unsafe links dropped). */
export const noteCellSection: Section<'note'> = (cell) => raw(`<div class="markdown">${renderMarkdown(cell.config.markdown ?? '')}</div>`);
