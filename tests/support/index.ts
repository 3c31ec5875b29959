// Shared test helpers: import from 'tests/support' (relative path) rather than from a sibling test.
export { ROOT, readFixture, readJson } from './files';
export { HOSTILE_NAMES } from './hostile-names';
export { parseExposition, type ParsedFamily, type ParsedSeries } from './exposition-parser';
export { checkMetrics, promtool, type PromtoolRun } from './promtool';
export { expectClose, expectCloseOrNull, isClose, relativeError, relFloor, type Tolerance } from './close';
export { decodeSample, loadNumericFixture, loadStatsFixture, num, sortedSample, type Num, type SampleSpec } from './samples';
export { mulberry32 } from './random';
