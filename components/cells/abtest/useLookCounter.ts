'use client';
import { useEffect, useRef } from 'react';
import { withLook, type AbTestCellConfig } from '../../../lib/notebook/kinds/abtest';

/**
 * Counts one look each time the cell is opened (mounted) and shows a computed result of a running
 * test: the look is saved in the cell's config (which re-runs it, so the result shows the count).
 * Applying new settings counts too (the form adds it); a finished test counts nothing.
 */
export function useLookCounter(config: AbTestCellConfig, shown: boolean, save: (config: AbTestCellConfig) => void): void {
  const counted = useRef(false);
  useEffect(() => {
    if (counted.current || !shown || config.finished) return;
    counted.current = true;
    save(withLook(config));
  }, [config, shown, save]);
}
