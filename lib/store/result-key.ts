// The result key belongs to running cells (lib/notebook); re-exported for callers that still import it from here.
export { cellResultKey, datasetFingerprint, resultKey } from '../notebook/result-key';
