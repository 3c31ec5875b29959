'use client';
import { changeChart } from '../../lib/charts/change-chart';
import { cellSpec, type DatasetsBySlot } from '../../lib/notebook';
import { changeEvents, changeSummary, paramsNote, positionsAre, type ChangeCellConfig } from '../../lib/notebook/kinds/change';
import { DETECTORS, DETECTOR_IDS, type DetectorId } from '../../lib/stream/detectors/index';
import type { ParamSpec, ParamValue } from '../../lib/stream/detectors/types';
import { formatCount, formatScore } from '../format';
import { UserText } from '../ui/UserText';
import { ChoiceField, columnChoices, ColumnField, NumberField, SettingsForm, useDraft, type Column } from './model/fields';
import { ModelFields, SourceField, WindowFields } from './change/SourceFields';
import { PlotFigure } from './model/PlotFigure';
import type { CellProps } from './types';

/** Events listed under the chart (the report lists more; the chart shows all). */
const MAX_EVENTS = 100;

const DETECTOR_CHOICES = DETECTOR_IDS.map((id) => [id, `${DETECTORS[id].label}${DETECTORS[id].binary ? ' (0/1 errors)' : ''}`] as const);

/** CUSUM's targets: the reference's mean and std unless typed. */
const TARGET_PLACEHOLDERS: Record<string, string> = { mu: 'reference mean', sigma: 'reference std' };

function ParamField({
  name,
  spec,
  value,
  placeholder,
  onChange,
}: {
  name: string;
  spec: ParamSpec;
  value?: ParamValue;
  placeholder?: string;
  onChange: (value?: ParamValue) => void;
}) {
  if (spec.kind === 'bool' || spec.kind === 'enum') {
    const choices = spec.kind === 'bool' ? (['true', 'false'] as const) : spec.values;
    return (
      <ChoiceField
        label={name}
        value={value === undefined ? undefined : String(value)}
        empty={`default (${String(spec.default)})`}
        choices={choices.map((c) => [c, c] as const)}
        onChange={(v) => onChange(v === undefined ? undefined : spec.kind === 'bool' ? v === 'true' : v)}
      />
    );
  }
  return (
    <NumberField
      label={name}
      value={value === undefined || value === '' ? undefined : Number(value)}
      placeholder={placeholder ?? String(spec.default)}
      step={spec.kind === 'int' ? 1 : 'any'}
      onChange={onChange}
    />
  );
}

function ChangeForm({
  config,
  columns,
  datasets,
  disabled,
  onApply,
}: {
  config: ChangeCellConfig;
  columns: Column[];
  datasets?: DatasetsBySlot;
  disabled: boolean;
  onApply: (c: ChangeCellConfig) => void;
}) {
  const [draft, set] = useDraft(config);
  const problem = cellSpec('change').validate(draft, datasets)[0];
  const spec = DETECTORS[draft.detector as DetectorId] as (typeof DETECTORS)[DetectorId] | undefined;
  const setParam = (name: string, value?: ParamValue) => {
    const { [name]: _old, ...rest } = draft.params ?? {};
    set({ params: value === undefined ? rest : { ...rest, [name]: value } });
  };
  return (
    <SettingsForm label="Change detection settings" disabled={disabled} problem={problem} onApply={() => onApply({ ...draft, params: draft.params ?? {} })}>
      <SourceField source={draft.source} set={set} />
      {(draft.source ?? 'column') === 'column' ? (
        <ColumnField label="Column" value={draft.column} columns={columns} empty="choose a column" onChange={(column) => set({ column })} />
      ) : null}
      {draft.source === 'error' || draft.source === 'abs_error' ? <ModelFields draft={draft} columns={columns} set={set} /> : null}
      {draft.source === 'window_metric' ? <WindowFields draft={draft} columns={columns} set={set} /> : null}
      <ChoiceField
        label="Detector"
        value={draft.detector as DetectorId}
        empty="Page-Hinkley (default)"
        choices={DETECTOR_CHOICES}
        onChange={(detector) => set({ detector: detector ?? 'page_hinkley', params: {} })}
      />
      {draft.source === 'window_metric' ? null : (
        <ColumnField label="Order by (timestamp)" value={draft.orderBy} columns={columns} empty="file order" onChange={(orderBy) => set({ orderBy })} />
      )}
      {spec
        ? Object.entries(spec.params).map(([name, p]) => (
            <ParamField
              key={`${draft.detector}-${name}`}
              name={name}
              spec={p}
              value={draft.params?.[name]}
              placeholder={draft.detector === 'cusum' ? TARGET_PLACEHOLDERS[name] : undefined}
              onChange={(v) => setParam(name, v)}
            />
          ))
        : null}
    </SettingsForm>
  );
}

/** A sequential detector over one column: the stream with its drifts and warning runs, and the list of events. */
export function ChangeCell({ cell, onConfigChange, columns, datasets }: CellProps<'change'>) {
  const config = cell.config;
  const result = cell.result;
  const choices = columnChoices(
    columns,
    result?.model
      ? [result.model.target, result.model.prediction, ...result.model.score, result.orderBy]
      : result
        ? [result.column, result.orderBy]
        : [config.column, config.orderBy],
  );
  const events = result ? changeEvents(result) : [];
  const windows = result ? positionsAre(result) === 'windows' : false;
  return (
    <>
      <ChangeForm
        key={JSON.stringify(config)}
        config={config}
        columns={choices}
        datasets={datasets}
        disabled={cell.status === 'running'}
        onApply={onConfigChange}
      />
      {result ? (
        <>
          <p className="muted small summary-meta">
            <code>
              <UserText text={result.column} />
            </code>{' '}
            · {result.label} ({paramsNote(result)})
            {result.targets ? (
              <>
                {' '}
                · mu and sigma from <UserText text={result.targets.reference} /> ({formatCount(result.targets.count)} values)
              </>
            ) : null}
            {result.orderBy ? (
              <>
                {' '}
                · ordered by{' '}
                <code>
                  <UserText text={result.orderBy} />
                </code>
              </>
            ) : null}
          </p>
          {result.notes?.map((note) => (
            <p key={note} className="muted small">
              <UserText text={note} />
            </p>
          ))}
          <p className="muted small" data-testid="change-summary">
            {changeSummary(result)} · values {formatScore(result.values.min)} to {formatScore(result.values.max)}, mean {formatScore(result.values.mean)}
          </p>
          <PlotFigure
            title="Stream with drifts and warnings"
            label={`${result.label} over ${result.column}: drifts and warnings`}
            deps={[result]}
            build={({ document, width }) => changeChart(result, { document, width })}
            testId="change-chart"
          />
          {events.length ? (
            <div className="table-wrap">
              <table className="drift-table metric-table" data-testid="change-events">
                <thead>
                  <tr>
                    <th>Event</th>
                    <th className="num">Position</th>
                    <th className={windows ? undefined : 'num'}>{windows ? 'Window' : 'Row'}</th>
                    {result.orderBy ? <th>Time (UTC)</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {events.slice(0, MAX_EVENTS).map((e) => (
                    <tr key={`${e.type}-${e.first}`}>
                      <td>{e.type}</td>
                      <td className="num">{e.first === e.last ? e.first : `${e.first}–${e.last}`}</td>
                      {windows ? (
                        <td>
                          <UserText text={e.windowTo ? `${e.window ?? ''} – ${e.windowTo}` : (e.window ?? '')} />
                        </td>
                      ) : (
                        <td className="num">{e.row}</td>
                      )}
                      {result.orderBy ? <td>{e.from === e.to ? e.from : `${e.from ?? ''} – ${e.to ?? ''}`}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
              {events.length > MAX_EVENTS ? <p className="muted small">{formatCount(events.length - MAX_EVENTS)} more events not listed.</p> : null}
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}
