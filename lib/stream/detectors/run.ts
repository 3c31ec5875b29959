/**
 * Runs a detector over a sequence, River's `for i, x in enumerate(stream): d.update(x)` loop:
 * detections are the 0-based indices whose update left `drift_detected` true, warnings the
 * indices whose update left `warning_detected` true (every one, not only the first of a run).
 */
import { AnalysisError, DataError } from '../../errors';
import { detectorSpec, parseDetectorParams } from './index';
import type { RawDetectorParams } from './types';

export interface DetectorRunResult {
  detections: number[];
  warnings: number[];
}

export interface RunDetectorOptions {
  /** Checked every 65,536 values; an aborted run throws the signal's reason. */
  signal?: AbortSignal;
}

export function runDetector(id: string, params: RawDetectorParams, values: ArrayLike<number>, options: RunDetectorOptions = {}): DetectorRunResult {
  const spec = detectorSpec(id);
  const detector = spec.create(parseDetectorParams(id, params));
  const detections: number[] = [];
  const warnings: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if ((i & 0xffff) === 0 && options.signal?.aborted) throw options.signal.reason ?? new AnalysisError('aborted', 'detector run aborted');
    const x = values[i]!;
    if (!Number.isFinite(x)) {
      throw new DataError(
        'non_finite_value',
        `${id}: value at index ${i} is ${String(x)}; remove or fill missing and non-finite values before running a detector`,
      );
    }
    const problem = spec.checkValue?.(x);
    if (problem !== undefined) throw new DataError('bad_detector_value', `${id}: value at index ${i}: ${problem}`);
    const { drift, warning } = detector.update(x);
    if (drift) detections.push(i);
    if (warning) warnings.push(i);
  }
  return { detections, warnings };
}
