/**
 * ADWIN (Bifet & Gavaldà 2007, ADWIN2's exponential histogram) as River 0.26 runs it
 * (river/drift/adwin.py class ADWIN over river/drift/adwin_c.pyx class AdaptiveWindowing).
 * Rows of buckets: row i holds up to max_buckets buckets of 2^i values (total and variance each);
 * a row with max_buckets + 1 merges its two oldest into the next row.
 * Every `clock` updates since the last reset (and once the window is wider than grace_period) the
 * cuts W0 (older) | W1 (newer) at bucket boundaries, oldest first, are tested:
 *   |mean(W0) − mean(W1)| > sqrt(2·m·σ²·δ') + (2/3)·δ'·m,
 *   m = 1/(n0 − min_window_length + 1) + 1/(n1 − min_window_length + 1), δ' = ln(2·ln(W)/delta),
 * σ² the whole window's variance (sum of squares / W), n0, n1 ≥ min_window_length.
 * A cut drops the oldest bucket and the scan restarts, until no cut holds.
 * The scan moves buckets from W1 to W0 oldest first and stops before the newest bucket (W1 is never
 * empty). River's quirks kept: tests only every `clock` updates counted since the last reset (so a
 * fresh stream is tested at indices 31, 63, …), the bound's variance is the whole window's, and a
 * detection resets the whole detector on the next update (River, not the paper or MOA, which keep
 * the shrunken window).
 */
import { DRIFT, NO_CHANGE, type Detector, type DetectorParams, type DetectorSpec, type DetectorState } from './types';

export interface AdwinOptions {
  delta: number;
  clock: number;
  max_buckets: number;
  min_window_length: number;
  grace_period: number;
}

/** One row: buckets oldest first, each with its sum and its sum of squared deviations. */
interface Row {
  totals: number[];
  variances: number[];
}

class AdaptiveWindow {
  private rows: Row[] = [{ totals: [], variances: [] }];
  private total = 0;
  private variance = 0;
  private width = 0;
  private tick = 0;

  constructor(private readonly o: AdwinOptions) {}

  update(x: number): boolean {
    this.insert(x);
    return this.detect();
  }

  private insert(x: number): void {
    this.rows[0]!.totals.push(x);
    this.rows[0]!.variances.push(0);
    this.width += 1;
    let incremental = 0;
    if (this.width > 1) {
      const d = x - this.total / (this.width - 1);
      incremental = ((this.width - 1) * d * d) / this.width;
    }
    this.variance += incremental;
    this.total += x;
    this.compress();
  }

  private compress(): void {
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i]!;
      if (row.totals.length !== this.o.max_buckets + 1) break;
      if (i + 1 === this.rows.length) this.rows.push({ totals: [], variances: [] });
      const next = this.rows[i + 1]!;
      const size = 2 ** i;
      const mu1 = row.totals[0]! / size;
      const mu2 = row.totals[1]! / size;
      const merged = row.totals[0]! + row.totals[1]!;
      const between = (size * size * (mu1 - mu2) * (mu1 - mu2)) / (size + size);
      next.totals.push(merged);
      next.variances.push(row.variances[0]! + row.variances[1]! + between);
      row.totals.splice(0, 2);
      row.variances.splice(0, 2);
      if (next.totals.length <= this.o.max_buckets) break;
    }
  }

  /** Drops the oldest bucket (of the last row), updating width, total and variance as River does. */
  private deleteOldest(): void {
    const last = this.rows.length - 1;
    const row = this.rows[last]!;
    const n = 2 ** last;
    const u = row.totals[0]!;
    const v = row.variances[0]!;
    const mu = u / n;
    this.width -= n;
    this.total -= u;
    const muWindow = this.total / this.width;
    this.variance -= v + (n * this.width * (mu - muWindow) * (mu - muWindow)) / (n + this.width);
    row.totals.shift();
    row.variances.shift();
    if (row.totals.length === 0) this.rows.pop();
  }

  private detect(): boolean {
    let change = false;
    this.tick += 1;
    if (this.tick % this.o.clock !== 0 || !(this.width > this.o.grace_period)) return false;
    let reduce = true;
    while (reduce) {
      reduce = false;
      let exit = false;
      let n0 = 0;
      let n1 = this.width;
      let u0 = 0;
      let u1 = this.total;
      for (let idx = this.rows.length - 1; idx >= 0 && !exit; idx--) {
        const row = this.rows[idx]!;
        const size = 2 ** idx;
        const count = row.totals.length;
        for (let k = 0; k < count; k++) {
          n0 += size;
          n1 -= size;
          u0 += row.totals[k]!;
          u1 -= row.totals[k]!;
          // The newest bucket of all: W1 would be empty, the scan is over.
          if (idx === 0 && k === count - 1) {
            exit = true;
            break;
          }
          const deltaMean = u0 / n0 - u1 / n1;
          if (n1 >= this.o.min_window_length && n0 >= this.o.min_window_length && this.cutHolds(n0, n1, deltaMean)) {
            reduce = true;
            change = true;
            if (this.width > 0) {
              this.deleteOldest();
              exit = true;
              break;
            }
          }
        }
      }
    }
    return change;
  }

  private cutHolds(n0: number, n1: number, deltaMean: number): boolean {
    const deltaPrime = Math.log((2 * Math.log(this.width)) / this.o.delta);
    const mRecip = 1.0 / (n0 - this.o.min_window_length + 1) + 1.0 / (n1 - this.o.min_window_length + 1);
    const varianceInWindow = this.variance / this.width;
    const epsilon = Math.sqrt(2 * mRecip * varianceInWindow * deltaPrime) + (2 / 3) * deltaPrime * mRecip;
    return Math.abs(deltaMean) > epsilon;
  }
}

export function adwin({ delta = 0.002, clock = 32, max_buckets = 5, min_window_length = 5, grace_period = 10 }: Partial<AdwinOptions> = {}): Detector {
  const options = { delta, clock, max_buckets, min_window_length, grace_period };
  let helper = new AdaptiveWindow(options);
  let drift = false;
  return {
    update(x: number): DetectorState {
      if (drift) helper = new AdaptiveWindow(options);
      drift = helper.update(x);
      return drift ? DRIFT : NO_CHANGE;
    },
  };
}

export const adwinSpec: DetectorSpec = {
  id: 'adwin',
  label: 'ADWIN',
  binary: false,
  warnings: false,
  definition:
    'Adaptive window: drift when the means of an older and a newer part of the window differ by more than a Hoeffding-style bound at confidence delta.',
  params: {
    delta: { kind: 'number', default: 0.002, min: 0, max: 1, minExclusive: true, maxExclusive: true, description: 'Significance value of the cut test.' },
    clock: { kind: 'int', default: 32, min: 1, description: 'Test for change every this many updates since the last reset.' },
    max_buckets: { kind: 'int', default: 5, min: 2, description: 'Buckets of each size kept before the two oldest merge.' },
    min_window_length: { kind: 'int', default: 5, min: 1, description: 'Smallest sub-window size a cut may leave on either side.' },
    grace_period: { kind: 'int', default: 10, min: 0, description: 'No test until the window holds more than this many values.' },
  },
  create: (p: DetectorParams) =>
    adwin({
      delta: p.delta as number,
      clock: p.clock as number,
      max_buckets: p.max_buckets as number,
      min_window_length: p.min_window_length as number,
      grace_period: p.grace_period as number,
    }),
};
