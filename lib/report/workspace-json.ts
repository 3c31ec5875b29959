import type { WorkspaceReportInput } from './workspace-report';

/**
 * The notebook's results as JSON: each cell's result exactly as the CLI prints it (same field
 * names), with its kind, title, settings and input datasets. Non-finite numbers become null, as
 * in the CLI's JSON.
 */
export function toWorkspaceJson(input: WorkspaceReportInput): string {
  return JSON.stringify(
    {
      schemaVersion: 1,
      tool: { name: 'driftbook', version: input.appVersion, engine: input.engineVersion },
      title: input.title,
      exportedAt: input.exportedAt,
      datasets: input.datasets,
      cells: input.cells.map((c) => ({ kind: c.kind, title: c.title, config: c.config, inputs: c.inputs, result: c.result ?? null })),
    },
    null,
    2,
  );
}
