// The app shows numbers exactly as the exported report does: one set of formats (lib/format.ts).
export { formatCount, formatDuration, formatNumber, formatPercent, formatPValue, formatScore } from '../lib/format';
export { formatDriftScore, methodLabel } from '../lib/report/format';

const MB = 1024 * 1024;

/** A stored file's size: "12 kB" below a megabyte, "1.5 MB" above. */
export const formatBytes = (bytes: number): string => (bytes < MB ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / MB).toFixed(1)} MB`);
