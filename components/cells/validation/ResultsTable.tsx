'use client';
import type { ValidationCellResult } from '../../../lib/notebook/kinds/validation';
import { validationRows, type ValidationRow } from '../../../lib/notebook/view/validation-rows';
import { visibleControls } from '../../../lib/format';
import { UserText } from '../../ui/UserText';

/** One expectation's outcome; a column with a detail link when the cell can open one. */
function ResultRow({ row, onDetail }: { row: ValidationRow; onDetail?: (column: string) => void }) {
  return (
    <tr data-testid="validation-row" data-success={row.success} className={row.success ? undefined : 'selected'}>
      <td className="num">{row.index}</td>
      <td>
        <code>{row.type}</code>
      </td>
      <td>
        {row.column === undefined ? (
          '—'
        ) : onDetail ? (
          <button
            type="button"
            className="button button-link"
            onClick={() => onDetail(row.column!)}
            title={`Open the column detail of ${visibleControls(row.column)}`}
            aria-label={`Column detail of ${visibleControls(row.column)}`}
          >
            <UserText text={row.column} clamp />
          </button>
        ) : (
          <UserText text={row.column} clamp />
        )}
      </td>
      <td className={row.success ? undefined : 'flagged'}>
        <span className={`badge ${row.success ? 'badge-good' : 'badge-bad'}`}>{row.success ? 'met' : 'failed'}</span>
      </td>
      <td className="num">
        <UserText text={row.observed} />
      </td>
      <td className="num">{row.unexpected}</td>
      <td className="small wrap">
        {row.exception ? (
          <span className="flagged">
            <UserText text={row.exception} />
          </span>
        ) : (
          row.sample.map((v, i) => (
            <span key={i}>
              {i ? ', ' : ''}
              <code>
                <UserText text={v} />
              </code>
            </span>
          ))
        )}
      </td>
    </tr>
  );
}

/** The run's results in suite order (as GX lists them), failed rows highlighted. */
export function ResultsTable({ result, failedOnly, onDetail }: { result: ValidationCellResult; failedOnly: boolean; onDetail?: (column: string) => void }) {
  return (
    <div className="table-wrap">
      <table className="drift-table validation-table" data-testid="validation-results">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Expectation</th>
            <th scope="col">Column</th>
            <th scope="col">Result</th>
            <th scope="col" className="num">
              Observed
            </th>
            <th scope="col" className="num">
              Unexpected
            </th>
            <th scope="col">Sample of unexpected values</th>
          </tr>
        </thead>
        <tbody>
          {validationRows(result)
            .filter((row) => !failedOnly || !row.success)
            .map((row) => (
              <ResultRow key={row.index} row={row} onDetail={onDetail} />
            ))}
        </tbody>
      </table>
    </div>
  );
}
