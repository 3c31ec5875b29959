// The app shows numbers exactly as the exported report does: one set of formats (lib/format.ts).
export { formatCount, formatDuration, formatNumber, formatPercent, formatPValue, formatScore } from '../lib/format';
export { formatDriftScore, methodLabel } from '../lib/report/format';
