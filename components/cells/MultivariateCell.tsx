'use client';
import { multivariateChart } from '../../lib/charts/multivariate-chart';
import { formatScore } from '../../lib/format';
import { cellSpec, type DatasetsBySlot } from '../../lib/notebook';
import {
  multivariateAlerts,
  multivariateChunkRows,
  multivariateNote,
  type MultivariateCellConfig,
  type MultivariateCellResult,
} from '../../lib/notebook/kinds/multivariate';
import type { MultivariateMethod } from '../../lib/multivariate/multivariate';
import type { Period } from '../../lib/stream/windows';
import { formatCount } from '../format';
import { UserText } from '../ui/UserText';
import { Warnings } from '../ui/Warnings';
import { ChoiceField, columnChoices, ColumnField, ColumnsField, NumberField, SettingsForm, useDraft, type Column } from './model/fields';
import { PlotFigure } from './model/PlotFigure';
import type { CellProps } from './types';

const METHODS: readonly (readonly [MultivariateMethod, string])[] = [['classifier', 'domain classifier (ROC AUC)']];
const PERIOD_CHOICES: readonly (readonly [Period, string])[] = [
  ['hour', 'hour'],
  ['week', 'week'],
  ['month', 'month'],
  ['quarter', 'quarter'],
];

function MultivariateForm(props: {
  config: MultivariateCellConfig;
  columns: Column[];
  datasets?: DatasetsBySlot;
  disabled: boolean;
  onApply: (c: MultivariateCellConfig) => void;
}) {
  const [draft, set] = useDraft(props.config);
  const classifier = draft.method === 'classifier';
  return (
    <SettingsForm
      label="Multivariate drift settings"
      disabled={props.disabled}
      problem={cellSpec('multivariate').validate(draft, props.datasets)[0]}
      onApply={() => props.onApply(draft)}
    >
      <ChoiceField
        label="Method"
        value={draft.method === 'pca' ? undefined : draft.method}
        empty="PCA reconstruction error"
        choices={METHODS}
        onChange={(method) => set({ method: method ?? 'pca' })}
      />
      <ColumnsField
        label="Features"
        hint="none chosen: every feature column"
        value={draft.columns}
        columns={props.columns}
        onChange={(columns) => set({ columns })}
      />
      {classifier ? (
        <NumberField
          label="Folds"
          value={draft.classifier?.folds}
          min={2}
          max={20}
          step={1}
          placeholder="5"
          onChange={(folds) => set({ classifier: { ...draft.classifier, folds } })}
        />
      ) : (
        <NumberField
          label="Variance kept"
          value={draft.variance}
          min={0.01}
          max={0.99}
          step={0.01}
          placeholder="0.65"
          onChange={(variance) => set({ variance })}
        />
      )}
      <NumberField label="Chunks" value={draft.chunks} min={1} max={1000} step={1} placeholder="10" onChange={(chunks) => set({ chunks })} />
      <NumberField label="Or chunks of N rows" value={draft.chunkSize} min={1} step={1} placeholder="none" onChange={(chunkSize) => set({ chunkSize })} />
      <ColumnField
        label="Or chunk by time: timestamp column"
        value={draft.timestamp}
        columns={props.columns}
        empty="none (row chunks)"
        onChange={(timestamp) => set({ timestamp })}
      />
      {draft.timestamp ? (
        <ChoiceField
          label="Period"
          value={draft.period === 'day' ? undefined : draft.period}
          empty="day"
          choices={PERIOD_CHOICES}
          onChange={(period) => set({ period })}
        />
      ) : null}
    </SettingsForm>
  );
}

function Summary({ result }: { result: MultivariateCellResult }) {
  const { drift } = result;
  const alerts = multivariateAlerts(drift);
  return (
    <>
      <p className="muted small summary-meta">
        reference{' '}
        <strong>
          <UserText text={result.reference.name} />
        </strong>{' '}
        ({formatCount(result.reference.rows)} rows) · current{' '}
        <strong>
          <UserText text={result.current.name} />
        </strong>{' '}
        ({formatCount(result.current.rows)} rows) · {drift.features.length} features
      </p>
      <p className="muted small" data-testid="multivariate-note">
        {multivariateNote(drift)}
      </p>
      <p data-testid="multivariate-verdict">
        <strong>{alerts}</strong> of {drift.current.chunks.length} current chunks alert
        {drift.auc === undefined ? null : <> · ROC AUC reference vs current {formatScore(drift.auc)}</>}
      </p>
    </>
  );
}

/** Multivariate drift: the value per chunk with thresholds, a table of current chunks, and the classifier's feature importance. */
export function MultivariateCell({ cell, onConfigChange, columns, datasets }: CellProps<'multivariate'>) {
  const result = cell.result;
  const choices = columnChoices(columns, result ? result.drift.features : []);
  const label = result?.drift.method === 'classifier' ? 'ROC AUC' : 'Reconstruction error';
  return (
    <>
      <MultivariateForm
        key={JSON.stringify(cell.config)}
        config={cell.config}
        columns={choices}
        datasets={datasets}
        disabled={cell.status === 'running'}
        onApply={onConfigChange}
      />
      {result ? (
        <>
          <Summary result={result} />
          <Warnings warnings={result.drift.warnings} />
          <PlotFigure
            label={`${label} per chunk, reference then current, with the thresholds and alerts`}
            deps={[result]}
            build={({ document, width }) => multivariateChart(result.drift, { document, width })}
            testId="multivariate-chart"
          />
          <div className="table-wrap">
            <table className="drift-table metric-table" data-testid="multivariate-chunks">
              <caption className="small">Current chunks</caption>
              <thead>
                <tr>
                  <th scope="col">Chunk</th>
                  <th scope="col" className="num">
                    Rows
                  </th>
                  <th scope="col" className="num">
                    {label}
                  </th>
                  <th scope="col">Alert</th>
                </tr>
              </thead>
              <tbody>
                {multivariateChunkRows(result.drift).map((r, i) => (
                  <tr key={i}>
                    <td>
                      <UserText text={r.chunk} />
                    </td>
                    <td className="num">{formatCount(r.rows)}</td>
                    <td className="num">{r.value === null ? 'n/a' : formatScore(r.value)}</td>
                    <td className={r.alert ? 'flagged' : undefined}>{r.alert ? 'alert' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.drift.featureImportance ? (
            <div className="table-wrap">
              <table className="drift-table metric-table" data-testid="multivariate-importance">
                <caption className="small">Feature importance: drop of the ROC AUC when the feature is shuffled</caption>
                <thead>
                  <tr>
                    <th scope="col">Feature</th>
                    <th scope="col" className="num">
                      Mean
                    </th>
                    <th scope="col" className="num">
                      Std
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.drift.featureImportance.map((f) => (
                    <tr key={f.feature}>
                      <td>
                        <code>
                          <UserText text={f.feature} />
                        </code>
                      </td>
                      <td className="num">{formatScore(f.mean)}</td>
                      <td className="num">{formatScore(f.std)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}
