'use client';
import { calibrationChart } from '../../lib/charts/calibration-chart';
import { confusionChart } from '../../lib/charts/confusion-chart';
import { SIDES } from '../../lib/charts/palette';
import { prChart } from '../../lib/charts/pr-chart';
import { rocChart } from '../../lib/charts/roc-chart';
import { thresholdChart } from '../../lib/charts/threshold-chart';
import type { ModelQualityResult } from '../../lib/metrics/model-columns';
import { cellSpec, sideWarnings, type ClassificationCellConfig, type DatasetsBySlot } from '../../lib/notebook';
import { classificationRows, classificationSides, classificationValueRows, perClassRows, thresholdInUse } from '../../lib/notebook/kinds/classification';
import { formatCount } from '../format';
import type { CellProps } from './types';
import { ChoiceField, columnChoices, ColumnField, ColumnsField, NumberField, SettingsForm, TextField, useDraft, type Column } from './model/fields';
import { Warnings } from '../ui/Warnings';
import { MetricTable } from './model/MetricTable';
import { PlotFigure } from './model/PlotFigure';
import { ModelValue } from './value/ModelValue';
import { NameList, UserText } from '../ui/UserText';

type Task = NonNullable<ClassificationCellConfig['task']>;
const TASKS: readonly (readonly [Task, string])[] = [
  ['binary', 'binary'],
  ['multiclass', 'multiclass'],
];

function ClassificationForm({
  config,
  columns,
  datasets,
  disabled,
  onApply,
}: {
  config: ClassificationCellConfig;
  columns: Column[];
  datasets?: DatasetsBySlot;
  disabled: boolean;
  onApply: (c: ClassificationCellConfig) => void;
}) {
  const [draft, set] = useDraft(config);
  return (
    <SettingsForm
      label="Classification settings"
      disabled={disabled}
      problem={cellSpec('classification').validate(draft, datasets)[0]}
      onApply={() => onApply(draft)}
    >
      <ColumnField label="Target" value={draft.target} columns={columns} onChange={(target) => set({ target })} />
      <ColumnField
        label="Prediction"
        value={draft.prediction}
        columns={columns}
        empty="by role (or from the score)"
        onChange={(prediction) => set({ prediction })}
      />
      <ColumnsField
        label="Score columns"
        hint="positive-class score, or proba_<class> per class"
        value={draft.score}
        columns={columns}
        onChange={(score) => set({ score })}
      />
      <ChoiceField
        label="Task"
        value={draft.task === 'classification' ? undefined : draft.task}
        empty="from the labels"
        choices={TASKS}
        onChange={(task) => set({ task })}
      />
      <TextField label="Positive label" value={draft.posLabel} placeholder="default: 1, true, yes…" onChange={(posLabel) => set({ posLabel })} />
      <NumberField
        label="Threshold (score ≥ t is positive)"
        value={draft.threshold}
        min={0}
        max={1}
        step={0.01}
        placeholder="use the prediction column"
        onChange={(threshold) => set({ threshold })}
      />
    </SettingsForm>
  );
}

function Caption({ result }: { result: ModelQualityResult }) {
  const pos = classificationSides(result).reference?.pos_label ?? null;
  const { columns } = result;
  return (
    <p className="muted small summary-meta">
      reference{' '}
      <strong>
        <UserText text={result.reference.name} />
      </strong>{' '}
      ({formatCount(result.reference.rows)} rows)
      {result.current ? (
        <>
          {' '}
          · current{' '}
          <strong>
            <UserText text={result.current.name} />
          </strong>{' '}
          ({formatCount(result.current.rows)} rows)
        </>
      ) : null}{' '}
      · target{' '}
      <code>
        <UserText text={columns.target} />
      </code>
      {columns.prediction ? (
        <>
          {' '}
          · prediction{' '}
          <code>
            <UserText text={columns.prediction} />
          </code>
        </>
      ) : null}
      {columns.score.length ? (
        <>
          {' '}
          · score <NameList names={columns.score} />
        </>
      ) : null}
      {pos === null ? null : (
        <>
          {' '}
          · positive label “<UserText text={pos} />”
        </>
      )}
    </p>
  );
}

function PerClassTable({ result }: { result: ModelQualityResult }) {
  const rows = perClassRows(result);
  return (
    <div className="table-wrap">
      <table className="drift-table metric-table" data-testid="classification-per-class">
        <caption className="muted small">Per class{result.current ? ' (reference → current)' : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col" className="num">
              Precision
            </th>
            <th scope="col" className="num">
              Recall
            </th>
            <th scope="col" className="num">
              F1
            </th>
            <th scope="col" className="num">
              Support
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} data-class={r.label}>
              <th scope="row">
                <UserText text={r.label} />
              </th>
              {r.cells.map((c) => (
                <td key={c.id} className="num" data-metric={c.id}>
                  {c.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Charts({ result, threshold }: { result: ModelQualityResult; threshold: number | null }) {
  const sides = classificationSides(result);
  const present = SIDES.filter((s) => sides[s]);
  const scored = present.some((s) => sides[s]!.curves.roc || sides[s]!.curves.roc_ovr?.length);
  const hasPr = present.some((s) => sides[s]!.curves.precision_recall);
  const hasCalibration = present.some((s) => sides[s]!.calibration);
  const sweepSide = sides.current?.threshold_sweep ? 'current' : 'reference';
  const sweep = sides[sweepSide]?.threshold_sweep ? sides[sweepSide] : undefined;
  return (
    <div className="model-charts">
      {scored ? (
        <PlotFigure title="ROC curve" label="ROC curve" deps={[result]} build={({ document }) => rocChart(sides, { document })} testId="roc-chart" />
      ) : null}
      {hasPr ? (
        <PlotFigure title="Precision–recall curve" label="Precision-recall curve" deps={[result]} build={({ document }) => prChart(sides, { document })} />
      ) : null}
      {present.map((side) => (
        <PlotFigure
          key={side}
          title={`Confusion matrix — ${side}`}
          label={`Confusion matrix of ${side}`}
          deps={[result]}
          build={({ document }) => confusionChart(sides[side]!, { document })}
          testId={`confusion-${side}`}
        />
      ))}
      {hasCalibration ? (
        <PlotFigure title="Reliability diagram" label="Reliability diagram" deps={[result]} build={({ document }) => calibrationChart(sides, { document })} />
      ) : null}
      {sweep ? (
        <PlotFigure
          title={`Metrics by threshold — ${sweepSide}`}
          label={`Precision, recall, F1 and selection rate by threshold on ${sweepSide}`}
          deps={[result, threshold]}
          build={({ document, width }) => thresholdChart(sweep, { document, width, threshold })}
        />
      ) : null}
    </div>
  );
}

/** Classification quality: settings, the metric table (reference vs current, Δ), per-class table and the charts. */
export function ClassificationCell({ cell, onConfigChange, columns, datasets, onShareThreshold }: CellProps<'classification'>) {
  const config = cell.config;
  const result = cell.result?.task !== 'regression' ? cell.result : undefined;
  const choices = columnChoices(columns, result ? [result.columns.target, result.columns.prediction, ...result.columns.score] : []);
  const sides = result ? [result.reference, ...(result.current ? [result.current] : [])] : [];
  return (
    <>
      <ClassificationForm
        key={JSON.stringify(config)}
        config={config}
        columns={choices}
        datasets={datasets}
        disabled={cell.status === 'running'}
        onApply={onConfigChange}
      />
      {result ? (
        <>
          <Caption result={result} />
          <Warnings warnings={sideWarnings(sides.map((s) => ({ name: s.name, warnings: s.metrics.warnings })))} />
          <MetricTable rows={classificationRows(result)} testId="classification-metrics" />
          <PerClassTable result={result} />
          <Charts result={result} threshold={thresholdInUse(result, config.threshold)} />
          {config.threshold !== undefined && onShareThreshold && result.task === 'binary' ? (
            <p className="settings-actions">
              <button type="button" className="button" onClick={() => onShareThreshold(config.threshold!)}>
                Use threshold {config.threshold} in the other model cells
              </button>
              <span className="muted small">
                classification, estimated-performance and fairness cells (those with a score column) then derive predictions from their score at this threshold
              </span>
            </p>
          ) : null}
          {result.task === 'binary' ? (
            <ModelValue
              key={JSON.stringify(config.value)}
              settings={config.value}
              rows={() => classificationValueRows(result, config.value!)}
              disabled={cell.status === 'running'}
              testId="classification-value"
              onApply={(value) => {
                const { value: _old, ...rest } = config;
                onConfigChange(value ? { ...rest, value } : rest);
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
