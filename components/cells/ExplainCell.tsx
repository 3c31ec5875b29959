'use client';
import { formatCount, formatScore } from '../../lib/format';
import { explainNote } from '../../lib/notebook/kinds/explain';
import { UserText } from '../ui/UserText';
import { Warnings } from '../ui/Warnings';
import { ExplainForm } from './explain/ExplainForm';
import { GlobalView } from './explain/GlobalView';
import { LocalView } from './explain/LocalView';
import { columnChoices } from './model/fields';
import type { CellProps } from './types';

/** Explain: a model's SHAP values over the current data against the reference (or the data's own shap_ columns). */
export function ExplainCell({ cell, onConfigChange, columns, datasets }: CellProps<'explain'>) {
  const { config, result } = cell;
  const choices = columnChoices(columns, result ? result.explanation.features : []);
  return (
    <>
      <ExplainForm
        key={JSON.stringify(config)}
        config={config}
        columns={choices}
        datasets={datasets}
        disabled={cell.status === 'running'}
        onApply={onConfigChange}
      />
      {result ? (
        <>
          <p className="muted small summary-meta" data-testid="explain-meta">
            {result.model ? (
              <>
                model{' '}
                <strong>
                  <UserText text={result.model.name} />
                </strong>{' '}
                (<code title={result.model.sha256}>{result.model.sha256.slice(0, 12)}</code>) ·{' '}
              </>
            ) : null}
            current{' '}
            <strong>
              <UserText text={result.current.name} />
            </strong>{' '}
            ({formatCount(result.current.rows)} rows) · reference{' '}
            <strong>
              <UserText text={result.reference.name} />
            </strong>{' '}
            ({formatCount(result.reference.rows)} rows) · {explainNote(result)}
            {result.explanation.baseValue !== null ? ` · E[f(x)] ${formatScore(result.explanation.baseValue)}` : ''}
          </p>
          <Warnings warnings={result.explanation.warnings} />
          <GlobalView result={result} />
          <LocalView
            result={result}
            config={config}
            disabled={cell.status === 'running'}
            onExplainRow={(row) => onConfigChange({ ...config, local: { ...config.local, row } })}
          />
        </>
      ) : null}
    </>
  );
}
