import type { CellKind } from '../../notebook/registry';
import { changeCellSection } from './change';
import { chartCellSection } from './chart';
import { columnCellSection } from './column';
import { driftCellSection } from './drift';
import { estimatedCellSection } from './estimated';
import { explainCellSection } from './explain';
import { fairnessCellSection } from './fairness';
import { metricsCellSection } from './metrics';
import { classificationCellSection, regressionCellSection } from './model';
import { noteCellSection } from './note';
import { operationalCellSection } from './operational';
import { qualityCellSection } from './quality';
import { timelineCellSection } from './timeline';
import { validationCellSection } from './validation';
import { valueCellSection } from './value';
import { comparisonCellSection } from './comparison';
import { abtestCellSection } from './abtest';
import { multivariateCellSection } from './multivariate';
import type { Section } from './types';

/** kind → its report section; the compiler requires one for every registered kind. */
export const REPORT_SECTIONS: { readonly [K in CellKind]: Section<K> } = {
  drift: driftCellSection,
  column: columnCellSection,
  quality: qualityCellSection,
  note: noteCellSection,
  chart: chartCellSection,
  classification: classificationCellSection,
  regression: regressionCellSection,
  operational: operationalCellSection,
  estimated: estimatedCellSection,
  fairness: fairnessCellSection,
  timeline: timelineCellSection,
  change: changeCellSection,
  metrics: metricsCellSection,
  validation: validationCellSection,
  value: valueCellSection,
  comparison: comparisonCellSection,
  abtest: abtestCellSection,
  multivariate: multivariateCellSection,
  explain: explainCellSection,
};
