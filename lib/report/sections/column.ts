import { driftSection } from './drift';
import { withResult } from './types';

/** A column detail is a one-column drift result: the drift section draws it. */
export const columnCellSection = withResult<'column'>((result, _cell, context) => driftSection(result, context));
