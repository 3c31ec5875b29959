'use client';
import { variantRateChart, variantWindowChart } from '../../lib/charts/abtest-charts';
import { withLook } from '../../lib/notebook/kinds/abtest';
import { comparisonsTable, peekingNote, planningLine, srmLine, variantsTable, windowsTable } from '../../lib/notebook/view/abtest-rows';
import { Warnings } from '../ui/Warnings';
import { UserText } from '../ui/UserText';
import { AbTestForm } from './abtest/AbTestForm';
import { useLookCounter } from './abtest/useLookCounter';
import { ViewTableBlock } from './comparison/ViewTableBlock';
import { columnChoices } from './model/fields';
import { PlotFigure } from './model/PlotFigure';
import type { CellProps } from './types';

/** A/B test: per variant rates, each variant against the control, the sample-ratio check, planning, rates over time, peeking. */
export function AbTestCell({ cell, onConfigChange, columns, datasets }: CellProps<'abtest'>) {
  const config = cell.config;
  const result = cell.result;
  useLookCounter(config, result !== undefined && cell.status === 'ok', onConfigChange);
  const choices = columnChoices(columns, result ? [config.variant, result.binary, result.numeric, config.timestamp] : []);
  const srm = result ? srmLine(result) : null;
  const peeking = result ? peekingNote(result) : null;
  const windows = result ? windowsTable(result) : null;
  return (
    <>
      <AbTestForm
        key={JSON.stringify(config)}
        config={config}
        columns={choices}
        variants={result?.variants.map((v) => v.name) ?? []}
        datasets={datasets}
        disabled={cell.status === 'running'}
        onApply={(next) => onConfigChange(withLook(next))}
      />
      {result && srm ? (
        <>
          <p className="muted small summary-meta" data-testid="abtest-state">
            control{' '}
            <strong>
              <UserText text={result.control} />
            </strong>{' '}
            · {result.finished ? 'finished (final analysis)' : `running · looked at ${result.looks} time${result.looks === 1 ? '' : 's'}`}
          </p>
          <p className="small" role={srm.mismatch ? 'alert' : undefined} data-testid="abtest-srm" data-mismatch={srm.mismatch ? 'true' : 'false'}>
            {srm.mismatch ? <span className="badge badge-bad">SRM</span> : null} <UserText text={srm.text} />
          </p>
          {peeking ? <Warnings warnings={[peeking]} label="Peeking" /> : null}
          <Warnings warnings={result.warnings} />
          <ViewTableBlock table={variantsTable(result)} />
          <ViewTableBlock table={comparisonsTable(result)} />
          <p className="muted small" data-testid="abtest-planning">
            {planningLine(result)}
          </p>
          <div className="model-charts">
            {result.binary ? (
              <PlotFigure
                title="Rate per variant"
                label="Rate per variant with intervals"
                deps={[result]}
                build={({ document, width }) => variantRateChart(result, { document, width })}
                testId="abtest-rate-chart"
              />
            ) : null}
            {windows ? (
              <PlotFigure
                title="Rate per variant per window"
                label="Rate per variant per window"
                deps={[result]}
                build={({ document, width }) => variantWindowChart(result, { document, width })}
                testId="abtest-window-chart"
              />
            ) : null}
          </div>
          {windows ? <ViewTableBlock table={windows} /> : null}
        </>
      ) : null}
    </>
  );
}
