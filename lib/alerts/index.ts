/** lib/alerts' public API: the catalogue, samples and observations, the rules file, evaluation. */
export * from './types';
export { FAMILIES, FAMILY_NAMES, familyOf } from './catalogue';
export { samplesOf, seriesKey, orderSamples } from './samples';
export { scalarSample } from './scalar-samples';
export { BATCHES_SOURCE_KEY, batchObservations, cellObservation, cellSourceKey, windowObservations } from './observations';
export { COMPARATORS, RULES_SCHEMA_VERSION, SEVERITIES, readRulesFile, rulesFileText, validateRule } from './rules';
export { DEFAULT_SLA_SECONDS, defaultRules, type DefaultRulesOptions } from './rules-defaults';
export { formatDuration, parseDuration } from './duration';
export { conditionHolds, evaluateSequence, evaluateStep, firingNow, matches, stateKey } from './evaluate';
export { goFloat, renderSummary } from './summary-template';
