/**
 * The column tests of a pooled drift once every tested column's two profiles are at hand: each is a
 * few walks over sorted values, so they are split up front by size (longest first, to the least
 * loaded lane) and each worker gets its share in one message. One message per column kept a worker's
 * next column waiting until the main thread, busy with its own column, read the previous reply.
 */

import { testProfiledTask, type ColumnTask, type DriftPlan } from '../drift/compute-drift';
import type { ColumnDriftResult } from '../drift/types';
import type { ColumnProfile } from '../profile/column-profile';

/** Per lane (0 = the main thread, then each worker) the item indices it takes; a worker's cost counts `workerFactor` times (the copied profiles, a colder JIT). */
export function splitByCost(costs: readonly number[], lanes: number, workerFactor: number, mainOnly: (index: number) => boolean): number[][] {
  const bins = Array.from({ length: lanes }, () => ({ load: 0, items: [] as number[] }));
  const order = costs.map((_, i) => i).sort((a, b) => costs[b]! - costs[a]! || a - b);
  const finish = (lane: number, cost: number) => (bins[lane]!.load + cost) * (lane === 0 ? 1 : workerFactor);
  for (const i of order) {
    let best = 0;
    if (!mainOnly(i)) for (let lane = 1; lane < lanes; lane++) if (finish(lane, costs[i]!) < finish(best, costs[i]!)) best = lane;
    bins[best]!.load += costs[i]!;
    bins[best]!.items.push(i);
  }
  return bins.map((bin) => bin.items.sort((a, b) => a - b));
}

/** One column's two profiles. */
export interface ProfilePair {
  reference: ColumnProfile;
  current: ColumnProfile;
}

export type ProfiledRun = (request: {
  kind: 'profiled-columns';
  tasks: ColumnTask[];
  profiles: ProfilePair[];
  plan: Pick<DriftPlan, 'config' | 'context'>;
}) => Promise<ColumnDriftResult[]>;

// Measured on the bench pair: a worker's column takes ~1.3× the main thread's (its copy of the two profiles, a JIT not yet warm for the tests).
const WORKER_FACTOR = 1.3;

function cost(pair: ProfilePair | undefined): number {
  if (!pair) return 1;
  const size = (p: ColumnProfile) => (p.kind === 'numeric' ? p.sorted.length : p.kind === 'categorical' ? p.categories.length : 1);
  return size(pair.reference) + size(pair.current);
}

/**
 * Every planned column once its profiles are in: the workers' shares go out first (one message each),
 * then the main thread tests its own share, then the workers' results are put in place.
 * `pairOf(i)` is undefined for a column that is not tested from profiles (a user-set id role…): `onMain` runs it.
 */
export async function testProfiled(
  lanes: number,
  run: ProfiledRun,
  tasks: readonly ColumnTask[],
  plan: Pick<DriftPlan, 'config' | 'context'>,
  pairOf: (index: number) => ProfilePair | undefined,
  onMain: (index: number) => ColumnDriftResult,
): Promise<ColumnDriftResult[]> {
  const pairs = tasks.map((_, i) => pairOf(i));
  const [mine = [], ...theirs] = splitByCost(pairs.map(cost), lanes, WORKER_FACTOR, (i) => !pairs[i]);
  const sent = theirs
    .filter((items) => items.length)
    .map((items) => ({ items, reply: run({ kind: 'profiled-columns', tasks: items.map((i) => tasks[i]!), profiles: items.map((i) => pairs[i]!), plan }) }));
  // Not unhandled while the main thread works; awaited below.
  for (const { reply } of sent) reply.catch(() => undefined);
  const columns = new Array<ColumnDriftResult>(tasks.length);
  for (const i of mine) {
    const pair = pairs[i];
    columns[i] = pair ? testProfiledTask(tasks[i]!, pair.reference, pair.current, plan) : onMain(i);
  }
  for (const { items, reply } of sent) {
    const results = await reply;
    items.forEach((i, k) => (columns[i] = results[k]!));
  }
  return columns;
}
