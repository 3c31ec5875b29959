'use client';
import { useEffect, useState } from 'react';
import type { ModelCard } from '../../lib/cards/types';
import { errorMessage } from '../../lib/errors';
import { UserText } from '../ui/UserText';

/** The preview follows typing after this pause (rendering the whole card per keystroke is wasted work). */
const PREVIEW_MS = 250;

/**
 * The card exactly as "Export HTML" writes it (lib/cards/html.ts toCardHtml), in an iframe with an
 * empty sandbox: no script, no same-origin access, no navigation, no form — and the document's own
 * CSP forbids any request. The HTML is given as srcdoc, so nothing is fetched to show it.
 */
export function CardPreview({ card }: { card: ModelCard }) {
  const [doc, setDoc] = useState<string>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      import('../../lib/cards/html')
        .then(({ toCardHtml }) => {
          if (!alive) return;
          setDoc(toCardHtml(card, { document }));
          setProblem(undefined);
        })
        .catch((error: unknown) => alive && setProblem(errorMessage(error)));
    }, PREVIEW_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [card]);
  return (
    <div className="card-preview">
      <p className="card-preview-label muted">Preview — the HTML export, as it prints</p>
      {problem ? (
        <p className="error-message" role="alert">
          The preview could not be drawn: <UserText text={problem} />
        </p>
      ) : null}
      {doc === undefined ? (
        <div className="card-preview-frame card-preview-wait muted">Drawing the preview…</div>
      ) : (
        <iframe className="card-preview-frame" title="Model card preview" sandbox="" srcDoc={doc} data-testid="card-preview" />
      )}
    </div>
  );
}
