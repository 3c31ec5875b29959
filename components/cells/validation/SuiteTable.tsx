'use client';
import { Fragment, useState } from 'react';
import type { ExpectationConfig, ExpectationSuite } from '../../../lib/validation/types';
import { UserText } from '../../ui/UserText';
import type { Column } from '../model/fields';
import { ExpectationForm } from './ExpectationForm';

/** Longest kwargs text shown in a row (a partition object or a long value set is cut). */
const KWARGS_SHOWN = 160;

function kwargsText(kwargs: Record<string, unknown>): string {
  const { column: _column, ...rest } = kwargs;
  const text = Object.entries(rest)
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
    .join(' · ');
  return text.length > KWARGS_SHOWN ? `${text.slice(0, KWARGS_SHOWN)}…` : text;
}

const notesText = (notes: ExpectationConfig['notes']): string => (Array.isArray(notes) ? notes.join(' ') : (notes ?? ''));

/**
 * The suite as an editable table: one row per expectation with Edit and Remove, and "Add an
 * expectation". Every change is a new suite handed to `onChange` (the cell saves it and runs).
 */
export function SuiteTable({
  suite,
  columns,
  disabled,
  onChange,
}: {
  suite: ExpectationSuite;
  columns: Column[];
  disabled: boolean;
  onChange: (suite: ExpectationSuite) => void;
}) {
  // The row being edited, or 'new' for the add form.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const replace = (expectations: ExpectationConfig[]) => onChange({ ...suite, expectations });
  const save = (config: ExpectationConfig) => {
    if (editing === 'new') replace([...suite.expectations, config]);
    else if (editing !== null) replace(suite.expectations.map((e, i) => (i === editing ? config : e)));
    setEditing(null);
  };
  return (
    <div className="validation-suite" data-testid="suite-table">
      <p className="muted small">
        Suite “<UserText text={suite.name} />” · {suite.expectations.length} expectations
      </p>
      <div className="table-wrap">
        <table className="drift-table validation-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Expectation</th>
              <th scope="col">Column</th>
              <th scope="col">Settings</th>
              <th scope="col">Notes</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {suite.expectations.map((e, i) => (
              <Fragment key={i}>
                <tr data-testid="suite-row" className={editing === i ? 'selected' : undefined}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <code>{e.type}</code>
                  </td>
                  <td>{typeof e.kwargs.column === 'string' ? <UserText text={e.kwargs.column} clamp /> : '—'}</td>
                  <td className="small wrap">
                    <UserText text={kwargsText(e.kwargs)} />
                  </td>
                  <td className="small muted wrap">
                    <UserText text={notesText(e.notes)} />
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button-link"
                      disabled={disabled}
                      onClick={() => setEditing(i)}
                      aria-label={`Edit expectation ${i + 1}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button-link"
                      disabled={disabled}
                      onClick={() => replace(suite.expectations.filter((_, j) => j !== i))}
                      aria-label={`Remove expectation ${i + 1}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
                {editing === i ? (
                  <tr>
                    <td colSpan={6} className="validation-edit">
                      <ExpectationForm key={i} initial={e} index={i} columns={columns} onSave={save} onCancel={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {editing === 'new' ? (
        <ExpectationForm index={suite.expectations.length} columns={columns} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" className="button" disabled={disabled} onClick={() => setEditing('new')}>
          Add an expectation
        </button>
      )}
    </div>
  );
}
