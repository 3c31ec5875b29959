'use client';
import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import type { ValidationCellConfig, ValidationDataset } from '../../lib/notebook/kinds/validation';
import { resultJson, suiteJson, validationSummary } from '../../lib/notebook/view/validation-rows';
import { readSuite } from '../../lib/validation/read-suite';
import type { ExpectationSuite } from '../../lib/validation/types';
import { download, downloadName } from '../export-report';
import { formatCount } from '../format';
import { UserText } from '../ui/UserText';
import { ViewTabs } from '../ui/ViewTabs';
import { ChoiceField, columnChoices, NumberField } from './model/fields';
import { ResultsTable } from './validation/ResultsTable';
import { SuiteJson } from './validation/SuiteJson';
import { SuiteTable } from './validation/SuiteTable';
import type { CellProps } from './types';

type View = 'results' | 'suite' | 'json';
const VIEWS = [
  { id: 'results', label: 'Results' },
  { id: 'suite', label: 'Suite' },
  { id: 'json', label: 'Suite JSON' },
] as const;

const DATASET_CHOICES = [
  ['reference', 'the reference'],
  ['current', 'the current data'],
] as const;

/** "Suggest a suite": margin and k for the profiler, then the cell runs without a suite of its own. */
function SuggestForm({ config, disabled, onSuggest }: { config: ValidationCellConfig; disabled: boolean; onSuggest: (margin?: number, k?: number) => void }) {
  const [margin, setMargin] = useState(config.margin);
  const [k, setK] = useState(config.k);
  return (
    <form
      className="validation-toolbar"
      aria-label="Suggest a suite"
      onSubmit={(e) => {
        e.preventDefault();
        onSuggest(margin, k);
      }}
    >
      <NumberField label="Range margin (share of the range)" value={margin} placeholder="0" min={0} onChange={setMargin} />
      <NumberField label="Mean/stdev bounds (standard errors)" value={k} placeholder="3" min={0} onChange={setK} />
      <button type="submit" className="button" disabled={disabled}>
        Suggest a suite
      </button>
    </form>
  );
}

/** A Great Expectations suite run on one of the cell's datasets: results, the suite as a table and as JSON, GX exports. */
export function ValidationCell({ cell, onConfigChange, columns, datasets, onAddCell }: CellProps<'validation'>) {
  const config = cell.config;
  const result = cell.result;
  const busy = cell.status === 'running';
  const [view, setView] = useState<View>('results');
  const [problem, setProblem] = useState<string>();
  const [failedOnly, setFailedOnly] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const idPrefix = useId();
  // The suite being edited: the cell's own, or the one it suggested on its last run.
  const suite = config.suite ?? result?.suite;
  const setSuite = (next: ExpectationSuite) => onConfigChange({ ...config, suite: next });
  const choices = columnChoices(columns, suite?.expectations.map((e) => (typeof e.kwargs.column === 'string' ? e.kwargs.column : null)) ?? []);
  const stem = (suite?.name ?? cell.title) || 'suite';

  const importSuite = async (file: File) => {
    try {
      const read = readSuite(await file.text());
      setProblem(read.notes.length ? read.notes.join(' · ') : undefined);
      setSuite(read.suite);
    } catch (error) {
      setProblem(`${file.name}: ${errorMessage(error)}`);
    }
  };
  // Both datasets are there: a column can open its column-detail cell (drift of that column).
  const onDetail =
    onAddCell && datasets?.reference && datasets.current
      ? (column: string) => onAddCell({ kind: 'column', title: `Column detail · ${column}`, segments: {}, config: { methods: 'all', column } })
      : undefined;
  const summary = result ? validationSummary(result) : undefined;

  return (
    <>
      <div className="validation-toolbar">
        <ChoiceField<ValidationDataset>
          label="Run the suite on"
          value={config.dataset}
          empty="choose"
          choices={DATASET_CHOICES}
          onChange={(dataset) => dataset && onConfigChange({ ...config, dataset })}
        />
        <div className="settings-actions">
          <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()}>
            Import suite…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Import a Great Expectations suite (JSON)"
            data-testid="import-suite"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importSuite(file);
            }}
          />
          <button
            type="button"
            className="button"
            disabled={!suite}
            onClick={() => suite && download(suiteJson({ suite }), downloadName(stem, '.suite.json'), 'application/json')}
          >
            Export suite
          </button>
          <button
            type="button"
            className="button"
            disabled={!result}
            onClick={() => result && download(resultJson(result), downloadName(stem, '.result.json'), 'application/json')}
          >
            Export results
          </button>
        </div>
      </div>
      <SuggestForm
        key={`${config.margin}-${config.k}`}
        config={config}
        disabled={busy}
        onSuggest={(margin, k) => onConfigChange({ ...config, suite: null, margin, k })}
      />
      {problem ? (
        <p className="flagged small" role="alert">
          <UserText text={problem} />
        </p>
      ) : null}
      {result && summary ? (
        <p className="summary-meta" data-testid="validation-summary">
          <span className={`badge badge-lg ${summary.success ? 'badge-good' : 'badge-bad'}`}>{summary.success ? 'All met' : 'Failed'}</span> {summary.text} ·
          suite “
          <UserText text={result.suite.name} />” on {result.dataset === 'current' ? 'the current data' : 'the reference'} <UserText text={result.data.name} /> (
          {formatCount(result.data.rows)} rows{result.data.segment ? ', segment ' : ''}
          {result.data.segment ? <UserText text={result.data.segment} /> : null})
        </p>
      ) : null}
      {result?.notes.length ? (
        <ul className="muted small" aria-label="Suite notes">
          {result.notes.map((note, i) => (
            <li key={i}>
              <UserText text={note} />
            </li>
          ))}
        </ul>
      ) : null}
      <ViewTabs tabs={VIEWS} value={view} onChange={setView} label="Validation views" idPrefix={idPrefix} />
      <div role="tabpanel" id={`${idPrefix}-panel-${view}`} aria-labelledby={`${idPrefix}-tab-${view}`}>
        {view === 'results' && result ? (
          <>
            <label className="field check">
              <input type="checkbox" checked={failedOnly} onChange={(e) => setFailedOnly(e.target.checked)} /> Failed expectations only
            </label>
            <ResultsTable result={result} failedOnly={failedOnly} onDetail={onDetail} />
          </>
        ) : null}
        {view === 'suite' && suite ? <SuiteTable suite={suite} columns={choices} disabled={busy} onChange={setSuite} /> : null}
        {view === 'json' && suite ? (
          <SuiteJson
            key={JSON.stringify(suite)}
            suite={suite}
            disabled={busy}
            onChange={(next, notes) => {
              setProblem(notes.length ? notes.join(' · ') : undefined);
              setSuite(next);
            }}
          />
        ) : null}
        {!suite ? <p className="muted small">No suite yet: run the cell to suggest one from the reference, or import a suite.</p> : null}
      </div>
    </>
  );
}
