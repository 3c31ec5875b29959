/** expect_column_kl_divergence_to_be_less_than (GX 1.x core): see lib/validation/kl.ts. */
import type { ExpectationRunner } from '../context';
import { columnOf } from '../context';
import { klOutcome } from '../kl';

const klDivergence: ExpectationRunner = (kwargs, context) => klOutcome(kwargs, context.column(columnOf(kwargs)));

export const KL_RUNNERS: Record<string, ExpectationRunner> = {
  expect_column_kl_divergence_to_be_less_than: klDivergence,
};
