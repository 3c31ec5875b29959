/**
 * Where the card's numbers came from, as numbered notes: each table row shows "[2]" and the list
 * under the numbers says which cell, which datasets (name and SHA-256) and when. Sources are
 * numbered in the order the card shows them, so the same card always gives the same numbers.
 */
import { html, userText, type SafeHtml } from '../report/escape';
import { plain, timeText } from './html-text';
import type { CardSource } from './types';

export interface SourceNotes {
  /** The note mark of a source ("[2]"), or "typed" for a number a person entered. */
  mark(source: CardSource | undefined): SafeHtml;
  /** The numbered list of every source marked so far. */
  list(): SafeHtml;
}

const keyOf = (s: CardSource): string => JSON.stringify([s.cellId, s.cellTitle, s.kind, s.datasets.map((d) => [d.side, d.name, d.sha256]), s.computedAt]);

/** A SHA-256 shortened for a note (the datasets table has it whole). */
const shortSha = (sha: string): string => (/^[0-9a-f]{64}$/i.test(sha) ? `${sha.slice(0, 12)}…` : sha);

export function sourceNotes(): SourceNotes {
  const order: CardSource[] = [];
  const index = new Map<string, number>();
  return {
    mark(source) {
      if (!source) return html`<span class="typed" title="entered by a person">typed</span>`;
      const key = keyOf(source);
      let n = index.get(key);
      if (n === undefined) {
        order.push(source);
        n = order.length;
        index.set(key, n);
      }
      return html`<span class="src">[${n}]</span>`;
    },
    list() {
      if (order.length === 0) return html``;
      return html`<h3>Where the numbers came from</h3><ol class="sources">${order.map((s) => html`<li>${describe(s)}</li>`)}</ol>`;
    },
  };
}

function describe(s: CardSource): SafeHtml {
  const cell =
    s.kind === 'cli'
      ? html`the command line`
      : html`cell “${plain(s.cellTitle)}” <span class="muted">(${userText(s.kind)}, id <code>${userText(s.cellId)}</code>)</span>`;
  const datasets = s.datasets.length
    ? html` on ${s.datasets.map((d, i) => html`${i ? ', ' : ''}${d.side} <strong>${plain(d.name)}</strong> <code class="sha" title="SHA-256">${userText(shortSha(d.sha256))}</code>`)}`
    : '';
  return html`${cell}${datasets}, computed ${timeText(s.computedAt)}`;
}
