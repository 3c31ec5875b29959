/**
 * Shared pieces of the binary detectors (DDM, EDDM, HDDM_A, HDDM_W), which read 1 = error and
 * 0 = correct as River's river/drift/binary/*.py do. River does not check its input: its DDM fails on
 * a value outside [0, 1] (the square root of a negative variance) and its EDDM counts anything but 1
 * as correct. We refuse anything but 0 and 1.
 */
import { DataError } from '../../errors';

/** The problem with a binary detector's input value, or undefined for 0 and 1 (DetectorSpec.checkValue). */
export function binaryValueProblem(x: number): string | undefined {
  return x === 0 || x === 1
    ? undefined
    : `expected 0 or 1 (1 = error, 0 = correct), got ${String(x)}; run a numeric detector (page_hinkley, adwin, kswin, cusum) on other values`;
}

/** A binary detector used on its own (outside runDetector) checks each value too, naming its position. */
export function checkBinary(detector: string, x: number, index: number): void {
  const problem = binaryValueProblem(x);
  if (problem !== undefined) throw new DataError('bad_detector_value', `${detector}: value at index ${index}: ${problem}`);
}

/** River's stats.Mean (river/stats/mean.py, Mean.update with w = 1): n += 1; mean += (1 / n) · (x − mean). */
export interface RunningMean {
  n: number;
  mean: number;
}

export const emptyMean = (): RunningMean => ({ n: 0, mean: 0 });

export function updateMean(m: RunningMean, x: number): void {
  m.n += 1;
  m.mean += (1 / m.n) * (x - m.mean);
}

export const CONFIDENCE = { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true } as const;
