import type { CategoricalProfile, NumericProfile } from '../profile';
import type { TestOutcome } from '../types';

export type DriftColumnKind = 'numeric' | 'categorical';

/** One drift method: registered with its Evidently id, the column kinds it accepts and its default threshold. */
export interface DriftMethod {
  id: string;
  label: string;
  kinds: readonly DriftColumnKind[];
  defaultThreshold: number;
  /** A p-value is drifted when small, a distance when large. */
  scoreKind: 'p-value' | 'distance';
  /** One line on what is computed, shown in the UI and the README. */
  definition: string;
  isDrifted(score: number, threshold: number): boolean;
  /** The deciding score (p-value or distance) and the test's full outcome. */
  compute(reference: NumericProfile | CategoricalProfile, current: NumericProfile | CategoricalProfile): {
    score: number;
    test: TestOutcome;
  };
}
