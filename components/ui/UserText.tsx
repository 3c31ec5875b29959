import { visibleControls } from '../../lib/format';

interface Props {
  /** A file, workspace, dataset, column, category or cell name, a segment, or a message quoting one. */
  text: string | number | null | undefined;
  /** One line, cut with an ellipsis when it does not fit; the whole text is the tooltip (long names). */
  clamp?: boolean;
  className?: string;
}

/**
 * Every user string the app shows: isolated in a <bdi> (right-to-left text inside cannot move the
 * words around it, nor the other way round) with bidi and other invisible controls shown as
 * ⟨U+202E⟩, so `x\u202e.csv` cannot pass for "…vsc.". For attribute values (title, aria-label,
 * <option>) use `visibleControls` from lib/format directly.
 */
export function UserText({ text, clamp = false, className }: Props) {
  if (text === null || text === undefined) return null;
  const shown = visibleControls(String(text));
  const classes = [clamp ? 'clamp' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <bdi className={classes || undefined} title={clamp ? shown : undefined}>
      {shown}
    </bdi>
  );
}

/** Names separated by commas, each isolated (a list of column names, sensitive features, …). */
export function NameList({ names, separator = ', ' }: { names: readonly string[]; separator?: string }) {
  return (
    <>
      {names.map((name, i) => (
        <span key={`${i}:${name}`}>
          {i ? separator : null}
          <UserText text={name} />
        </span>
      ))}
    </>
  );
}
