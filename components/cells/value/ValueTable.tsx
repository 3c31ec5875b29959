'use client';
import { VALUE_COLUMNS, type ValueRow } from '../../../lib/notebook/view/value-rows';
import { UserText } from '../../ui/UserText';

/**
 * Business value rows (the report's: lib/report/sections/value-table.ts): model, group, realized or
 * estimated, then total, the two per-prediction values (which is which in the headers' titles and the
 * note below), ROI and the confusion counts.
 */
export function ValueTable({ rows, testId }: { rows: readonly ValueRow[]; testId: string }) {
  return (
    <>
      <div className="table-wrap">
        <table className="drift-table" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Rows of</th>
              <th scope="col">Source</th>
              {VALUE_COLUMNS.map(([id, label, title]) => (
                <th key={id} scope="col" className="num" title={title}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-row={r.id} title={r.reason}>
                <th scope="row">
                  <UserText text={r.model} />
                </th>
                <td>
                  <UserText text={r.group} />
                </td>
                <td>{r.source}</td>
                {VALUE_COLUMNS.map(([id]) => (
                  <td key={id} className="num" data-metric={id}>
                    {r.cells[id]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Per prediction = total ÷ n (NannyML’s documentation). Per prediction (NannyML code) = (TN·v_tn + FN·v_fn)/(TN + FN) + (FP·v_fp + TP·v_tp)/(FP + TP),
        what NannyML computes since v0.10.0. Estimated rows use CBPE’s expected confusion matrix.
      </p>
    </>
  );
}
