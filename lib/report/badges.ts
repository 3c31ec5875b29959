import type { ColumnDriftResult } from '../drift/types';
import { html, type SafeHtml } from './escape';

/** A column's verdict as a coloured pill: red drift, green no drift, grey otherwise. */
export function columnBadge(col: ColumnDriftResult): SafeHtml {
  if (!col.tested) return html`<span class="badge idle">Not tested</span>`;
  if (col.drifted === undefined) return html`<span class="badge idle">No verdict</span>`;
  return col.drifted ? html`<span class="badge bad">Drift</span>` : html`<span class="badge good">No drift</span>`;
}

/** The dataset-level verdict shown next to the headline. */
export function datasetBadge(drifted: boolean): SafeHtml {
  return drifted ? html`<span class="badge bad lg">Dataset drift</span>` : html`<span class="badge good lg">No dataset drift</span>`;
}
