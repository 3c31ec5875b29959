/** Public API of lib/metrics: model-quality metrics that equal sklearn 1.2.1. */
export { computeClassificationMetrics, type ClassificationInput, type ClassificationOptions } from './compute-classification';
export { computeRegressionMetrics, type RegressionInput, type RegressionOptions } from './compute-regression';
export { matchProbaColumns, type ProbaColumnMatch } from './proba-columns';
export { normaliseLabel, sortLabels, labelsOf, type LabelValue } from './labels';
export { confusionMatrix, normaliseConfusionRows } from './confusion';
export { accuracy, balancedAccuracy, classMetrics, precisionRecallF1 } from './classification';
export { rocCurve, rocAuc, rocAucOvr, trapezoidArea } from './roc';
export { precisionRecallCurve, averagePrecision } from './precision-recall';
export { binaryLogLoss, multiclassLogLoss, FLOAT64_EPS } from './log-loss';
export { brierScore } from './brier';
export { calibrationCurve } from './calibration';
export { thresholdSweep, defaultThresholdGrid } from './threshold';
export { majorityBaseline } from './baseline';
export { regressionScores, r2Score } from './regression';
export { errorHistogram, errorBySegment, residualsByFeature, sampleIndices } from './regression-aggregates';
export type * from './types';
