import { finishDrift, planDrift, runColumnTask } from '../../drift/compute-drift';
import { runDriftPlan } from '../../drift/scheduler';
import type { DriftConfig, DriftResult } from '../../drift/types';
import { need, type CellKindSpec, type ComputeInput, type ComputeOptions } from '../types';

export type { DriftConfig, DriftResult } from '../../drift/types';

/** Plan → one task per column (through the one drift scheduler) → dataset verdict. Shared by the drift and column kinds. */
export async function runDrift(input: ComputeInput, config: DriftConfig, { onProgress, signal, driftColumn }: ComputeOptions = {}): Promise<DriftResult> {
  const reference = need(input, 'reference');
  const current = need(input, 'current');
  const plan = planDrift(reference, current, config);
  const run = driftColumn ?? (async (task, p) => runColumnTask(task, reference.table, current.table, p));
  const columns = await runDriftPlan(plan, (task) => run(task, plan), { onProgress, signal });
  return finishDrift(reference.meta, current.meta, plan, columns);
}

/** Drift thresholds are shares or p-values: a number ≥ 0. */
export function driftProblems(config: DriftConfig): string[] {
  const problems: string[] = [];
  if (config.threshold !== undefined && !(config.threshold >= 0)) problems.push(`threshold: ${config.threshold} — give a number ≥ 0`);
  if (config.driftShare !== undefined && !(config.driftShare >= 0 && config.driftShare <= 1))
    problems.push(`drift share: ${config.driftShare} — give a share between 0 and 1`);
  return problems;
}

export const driftKind: CellKindSpec<'drift', DriftConfig, DriftResult> = {
  kind: 'drift',
  label: 'Data drift',
  description: 'Every column tested for drift, dataset drift verdict, distributions',
  inputs: { required: ['reference', 'current'], optional: [] },
  defaultConfig: () => ({}),
  validate: driftProblems,
  compute: runDrift,
  capabilities: { autoRun: true, drift: { config: (config) => config, result: (result) => result } },
};
