'use client';
import { useCallback, useLayoutEffect, useRef, useState, type UIEvent } from 'react';

/**
 * Lists longer than this are windowed: only the rows in view (plus a margin) are in the page, in a
 * scroll box of fixed height, with spacers standing in for the rest. Shorter lists render whole, as
 * before (find-in-page works on them). A 100,000-column file made each per-column list 100,000 rows
 * of DOM — seconds of main-thread work per list. A small hook rather than a library: rows are
 * table rows or fieldsets of about one height, which is all this needs.
 */
export const WINDOW_FROM = 200;

const OVERSCAN = 8;

export interface RowWindow {
  windowed: boolean;
  /** Rows [start, end) are rendered. */
  start: number;
  end: number;
  /** Heights in px of the spacers before and after the rendered rows. */
  before: number;
  after: number;
  /** Spread on the scroll box (the element around the list). */
  scrollBox: { ref: (element: HTMLElement | null) => void; onScroll?: (event: UIEvent<HTMLElement>) => void; style?: { maxHeight: number; overflowY: 'auto' } };
}

/**
 * The window of `count` rows of about `rowHeight` px shown in a box `height` px tall. The row
 * height is re-measured from the rendered rows (elements marked `data-window-row`), so spacers match.
 */
export function useRowWindow(count: number, { rowHeight = 34, height = 480 }: { rowHeight?: number; height?: number } = {}): RowWindow {
  const windowed = count > WINDOW_FROM;
  const [scrollTop, setScrollTop] = useState(0);
  const [measured, setMeasured] = useState(rowHeight);
  const box = useRef<HTMLElement | null>(null);
  const ref = useCallback((element: HTMLElement | null) => {
    box.current = element;
  }, []);
  const onScroll = useCallback((event: UIEvent<HTMLElement>) => setScrollTop(event.currentTarget.scrollTop), []);
  const top = Math.min(scrollTop, Math.max(0, count * measured - height));
  const start = windowed ? Math.max(0, Math.floor(top / measured) - OVERSCAN) : 0;
  const end = windowed ? Math.min(count, Math.ceil((top + height) / measured) + OVERSCAN) : count;

  useLayoutEffect(() => {
    if (!windowed || !box.current) return;
    const rows = box.current.querySelectorAll<HTMLElement>('[data-window-row]');
    if (rows.length === 0) return;
    let total = 0;
    rows.forEach((row) => (total += row.getBoundingClientRect().height));
    const average = total / rows.length;
    if (average > 0 && Math.abs(average - measured) > 1) setMeasured(average);
  }, [windowed, start, end, measured]);

  if (!windowed) return { windowed, start: 0, end: count, before: 0, after: 0, scrollBox: { ref } };
  return {
    windowed,
    start,
    end,
    before: start * measured,
    after: (count - end) * measured,
    scrollBox: { ref, onScroll, style: { maxHeight: height, overflowY: 'auto' } },
  };
}

/** A table row standing in for the rows outside the window (hidden from assistive technology: they are not rows). */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="window-spacer">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
