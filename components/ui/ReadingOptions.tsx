'use client';
import type { NumberFormat } from '../../lib/data/parse-number';
import type { ReadChoices } from '../../lib/engine';

interface Props {
  value: ReadChoices;
  onChange: (value: ReadChoices) => void;
}

const THOUSANDS: { label: string; value: NumberFormat['thousands'] }[] = [
  { label: 'none', value: '' },
  { label: 'comma (1,234.5)', value: ',' },
  { label: 'point (1.234,5)', value: '.' },
  { label: 'space (1 234,5)', value: ' ' },
  { label: "apostrophe (1'234.5)", value: "'" },
];

/** How the next files are read: extra missing tokens, number format, encoding, malformed rows. */
export function ReadingOptions({ value, onChange }: Props) {
  const format = value.numberFormat ?? { decimal: '.', thousands: '' };
  const setFormat = (patch: Partial<NumberFormat>) => {
    const next = { ...format, ...patch };
    onChange({ ...value, numberFormat: next.decimal === '.' && next.thousands === '' ? undefined : next });
  };
  return (
    <details className="reading-options" data-testid="reading-options">
      <summary>Reading options</summary>
      <div className="settings-grid">
        <label className="field">
          <span>Also read as missing (comma-separated)</span>
          <input
            type="text"
            placeholder="e.g. -, ?, n.a."
            value={(value.missingTokens ?? []).join(', ')}
            onChange={(e) => {
              const tokens = e.target.value
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean);
              onChange({ ...value, missingTokens: tokens.length ? tokens : undefined });
            }}
          />
        </label>
        <label className="field">
          <span>Decimal separator</span>
          <select value={format.decimal} onChange={(e) => setFormat({ decimal: e.target.value as NumberFormat['decimal'] })}>
            <option value=".">point (1.5)</option>
            <option value=",">comma (1,5)</option>
          </select>
        </label>
        <label className="field">
          <span>Thousands separator</span>
          <select value={format.thousands} onChange={(e) => setFormat({ thousands: e.target.value as NumberFormat['thousands'] })}>
            {THOUSANDS.map((t) => (
              <option key={t.label} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Date format (beside ISO 8601)</span>
          <input
            type="text"
            placeholder="e.g. DD/MM/YYYY"
            value={value.dateFormat ?? ''}
            onChange={(e) => onChange({ ...value, dateFormat: e.target.value.includes('YYYY') ? e.target.value : undefined })}
          />
        </label>
        <label className="field">
          <span>Text encoding</span>
          <select value={value.encoding ?? 'utf-8'} onChange={(e) => onChange({ ...value, encoding: e.target.value === 'utf-8' ? undefined : 'windows-1252' })}>
            <option value="utf-8">UTF-8</option>
            <option value="windows-1252">Windows-1252</option>
          </select>
        </label>
        <label className="field check">
          <input type="checkbox" checked={!!value.skipMalformed} onChange={(e) => onChange({ ...value, skipMalformed: e.target.checked || undefined })} />
          <span>Skip malformed rows</span>
        </label>
      </div>
      <p className="muted small">Applies to the next files you drop (CSV/TSV; missing values to every format).</p>
    </details>
  );
}
