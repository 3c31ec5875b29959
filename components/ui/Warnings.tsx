import { UserText } from './UserText';

/** A result's warnings (or any list of notes a reader must see): one item each, user text isolated. Nothing when empty. */
export function Warnings({ warnings, label = 'Warnings' }: { warnings: readonly string[]; label?: string }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings" aria-label={label}>
      {warnings.map((w, i) => (
        <li key={`${i}:${w}`}>
          <UserText text={w} />
        </li>
      ))}
    </ul>
  );
}
