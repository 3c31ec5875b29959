import type { AlertSource } from '../../lib/alerts/types';

/** Which workspace tab shows an alert's source: the batch history for a batch, else the notebook. */
export const viewOfSource = (source: AlertSource): 'history' | 'notebook' => (source.batch ? 'history' : 'notebook');

/**
 * Scrolls to an alert's cell once its tab is shown (the next frame) and moves focus to it, so a
 * keyboard user lands where the link pointed. A cell deleted since is simply not found.
 */
export function revealSource(source: AlertSource): void {
  if (!source.cellId) return;
  requestAnimationFrame(() => {
    const cell = document.querySelector<HTMLElement>(`[data-cell-id="${CSS.escape(source.cellId!)}"]`);
    if (!cell) return;
    cell.scrollIntoView({ behavior: 'smooth', block: 'start' });
    if (!cell.hasAttribute('tabindex')) cell.setAttribute('tabindex', '-1');
    cell.focus({ preventScroll: true });
  });
}
