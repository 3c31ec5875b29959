import type { CellKind } from '../../notebook/registry';
import { html, type SafeHtml } from '../escape';
import type { ReportCellOf } from '../report-cell';

export interface SectionContext {
  document: Document;
  /** Unique per section: anchors of two cells of one kind in a report must not collide. */
  idPrefix: string;
}

/** Renders one kind's cell (its result, or why it has none) as the body of its report section. */
export type Section<K extends CellKind> = (cell: ReportCellOf<K>, context: SectionContext) => SafeHtml;

/** A section of a kind that computes: without a result it says the cell was not run. */
export function withResult<K extends CellKind>(
  render: (result: NonNullable<ReportCellOf<K>['result']>, cell: ReportCellOf<K>, context: SectionContext) => SafeHtml,
): Section<K> {
  return (cell, context) => {
    const result = cell.result;
    return result === undefined || result === null ? html`<p class="meta">This cell has no result (it was not run).</p>` : render(result, cell, context);
  };
}
