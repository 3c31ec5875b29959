/**
 * KSWIN (Raab, Heusinger & Schleif 2020) as River 0.26 runs it (river/drift/kswin.py, class KSWIN):
 * a sliding window of window_size values; once full, every update compares the newest stat_size
 * values R with stat_size values W drawn without replacement from the older window_size − stat_size
 * positions (`random.Random(seed).sample(range(window_size − stat_size), stat_size)`, one draw per
 * test) by scipy's two-sample KS test (`ks_2samp`, method 'auto': exact for these sizes);
 * drift when p ≤ alpha and the statistic > 0.1.
 * River's reset is lazy and complete: the update after a drift empties the window and re-seeds
 * the generator (River keeps R as the window at the drift, but the reset discards it before use).
 */
import { ks2Samp } from '../../stats/ks';
import { PythonRandom } from '../../stats/python-random';
import { DRIFT, NO_CHANGE, type Detector, type DetectorParams, type DetectorSpec, type DetectorState } from './types';

export interface KswinOptions {
  alpha: number;
  window_size: number;
  stat_size: number;
  seed: number;
}

export function kswin({ alpha = 0.005, window_size = 100, stat_size = 30, seed = 42 }: Partial<KswinOptions> = {}): Detector {
  if (!(stat_size >= 1 && stat_size < window_size)) {
    throw new RangeError(`kswin: stat_size must be at least 1 and smaller than window_size, got stat_size ${stat_size}, window_size ${window_size}`);
  }
  // Ring buffer of the last window_size values; `start` is the oldest.
  const ring = new Float64Array(window_size);
  let start = 0;
  let length = 0;
  let rng = new PythonRandom(seed);
  let drift = false;
  const older = Array.from({ length: window_size - stat_size }, (_, i) => i);
  const sampled = new Float64Array(stat_size);
  const recent = new Float64Array(stat_size);

  return {
    update(x: number): DetectorState {
      if (drift) {
        start = 0;
        length = 0;
        rng = new PythonRandom(seed);
        drift = false;
      }
      if (length < window_size) {
        ring[(start + length) % window_size] = x;
        length++;
      } else {
        ring[start] = x;
        start = (start + 1) % window_size;
      }
      if (length < window_size) return NO_CHANGE;
      const positions = rng.sample(older, stat_size);
      for (let i = 0; i < stat_size; i++) sampled[i] = ring[(start + positions[i]!) % window_size]!;
      for (let i = 0; i < stat_size; i++) recent[i] = ring[(start + window_size - stat_size + i) % window_size]!;
      // Both buffers are refilled above on every test, so sorting them in place is safe.
      const { statistic, pValue } = ks2Samp(sampled.sort(), recent.sort());
      drift = pValue <= alpha && statistic > 0.1;
      return drift ? DRIFT : NO_CHANGE;
    },
  };
}

export const kswinSpec: DetectorSpec = {
  id: 'kswin',
  label: 'KSWIN',
  binary: false,
  warnings: false,
  definition:
    'Kolmogorov-Smirnov windowing: drift when the newest stat_size values and stat_size values sampled from the rest of the window differ (KS p ≤ alpha and statistic > 0.1).',
  params: {
    alpha: { kind: 'number', default: 0.005, min: 0, max: 1, description: 'Significance level of the KS test.' },
    window_size: { kind: 'int', default: 100, min: 2, description: 'Size of the sliding window.' },
    stat_size: { kind: 'int', default: 30, min: 1, description: 'Size of the newest part, and of the sample drawn from the older part.' },
    seed: {
      kind: 'int',
      default: 42,
      min: -Number.MAX_SAFE_INTEGER,
      max: Number.MAX_SAFE_INTEGER,
      description: "Seed of Python's random.Random for the sample positions. River's default is None (unseeded); Driftbook always seeds so a run repeats.",
    },
  },
  checkParams: (p) =>
    (p.stat_size as number) < (p.window_size as number)
      ? undefined
      : `stat_size must be smaller than window_size: got stat_size ${p.stat_size}, window_size ${p.window_size}`,
  create: (p: DetectorParams) =>
    kswin({ alpha: p.alpha as number, window_size: p.window_size as number, stat_size: p.stat_size as number, seed: p.seed as number }),
};
