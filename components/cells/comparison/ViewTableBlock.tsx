'use client';
import type { ViewCell, ViewTable } from '../../../lib/notebook/view/view-table';
import { visibleControls } from '../../../lib/format';
import { UserText } from '../../ui/UserText';

function Content({ c }: { c: ViewCell }) {
  return c.user ? <UserText text={c.text} /> : <>{c.text}</>;
}

/**
 * A view table (lib/notebook/view/view-table.ts): the rows the exported report shows too. Each row
 * has `data-row`, flagged cells `data-flagged` and a title saying why.
 */
export function ViewTableBlock({ table }: { table: ViewTable }) {
  return (
    <div className="table-wrap">
      <table className="drift-table metric-table" data-testid={table.id}>
        {table.caption ? <caption className="muted small">{table.caption}</caption> : null}
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                {c.user ? <UserText text={c.label} /> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" title={c.title === undefined ? undefined : visibleControls(c.title)} className={c.flagged ? 'flagged' : undefined}>
                    <Content c={c} />
                  </th>
                ) : (
                  <td
                    key={i}
                    className={`num${c.flagged ? ' flagged' : ''}`}
                    title={c.title === undefined ? undefined : visibleControls(c.title)}
                    data-flagged={c.flagged ? 'true' : undefined}
                  >
                    <Content c={c} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
