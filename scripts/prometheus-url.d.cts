/** The origin a DRIFTBOOK_PROMETHEUS_URL value names, '' when unset or blank; throws a message naming the setting otherwise. */
export function prometheusOrigin(value: string | undefined): string;
/** The static export's folder: `out`, or a folder named `out-…`; throws a message naming DRIFTBOOK_OUT_DIR otherwise. */
export function outDir(value: string | undefined): string;
