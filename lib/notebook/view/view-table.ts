/**
 * A table as plain rows of text, the same for the app's cell and the exported report (the
 * comparison and A/B cells render many small tables; each is built once here and drawn by a
 * React component and by the report's escaping HTML, so the two never disagree).
 */

export interface ViewCell {
  text: string;
  /** User data (a column, model, variant or segment name): isolated and its controls shown. */
  user?: boolean;
  /** Drawn in red, with `title` saying why (a significant difference, a sample-ratio mismatch…). */
  flagged?: boolean;
  title?: string;
}

export interface ViewColumn {
  label: string;
  /** Right-aligned numbers. */
  num?: boolean;
  /** The label is user data (a model or variant name). */
  user?: boolean;
}

export interface ViewRow {
  /** `data-row` of the row: the model, pair, variant or block it describes. */
  key: string;
  /** The first cell is the row's header. */
  cells: ViewCell[];
}

export interface ViewTable {
  /** `data-testid` of the table. */
  id: string;
  caption?: string;
  columns: ViewColumn[];
  rows: ViewRow[];
}

export const cell = (text: string, extra: Omit<ViewCell, 'text'> = {}): ViewCell => ({ text, ...extra });
export const userCell = (text: string): ViewCell => ({ text, user: true });
