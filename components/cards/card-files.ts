import type { ModelCard } from '../../lib/cards/types';
import { AnalysisError } from '../../lib/errors';
import { download, downloadName } from '../export-report';

export type CardFormat = 'html' | 'hf' | 'mct';

/** A model card file is text of a few kB; anything this large is not one (and would freeze the page). */
export const CARD_FILE_MAX_BYTES = 5 * 1024 * 1024;

const untitled = (card: ModelCard) => card.modelDetails.name.trim() || 'model';

/**
 * Reads a Hugging Face README.md or a Model Card Toolkit JSON file into a card. The format comes
 * from the name (.json) or, failing that, the first character. Nothing is stored here: a file
 * that does not read throws one message naming the file and what is wrong.
 */
export async function readCardFile(file: File): Promise<{ card: ModelCard; warnings: string[]; format: string }> {
  if (file.size > CARD_FILE_MAX_BYTES) {
    throw new AnalysisError(
      'card-format',
      `${file.name}: ${file.size} bytes is too large for a model card (at most ${CARD_FILE_MAX_BYTES} bytes) — choose a README.md or MCT JSON file`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new AnalysisError('card-format', `${file.name}: not UTF-8 text — a model card is a README.md or a JSON file saved as UTF-8`);
  }
  const json = /\.json$/i.test(file.name) || (!/\.(md|markdown)$/i.test(file.name) && text.trimStart().startsWith('{'));
  try {
    if (json) {
      const { fromMct } = await import('../../lib/cards/mct');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new AnalysisError('card-format', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      return { ...fromMct(value), format: 'Model Card Toolkit JSON' };
    }
    const { fromHfReadme } = await import('../../lib/cards/huggingface');
    return { ...fromHfReadme(text), format: 'Hugging Face README.md' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AnalysisError('card-format', `${file.name} was not imported, the card is unchanged: ${message}`);
  }
}

/** Downloads the card in one format: the HTML document, a Hugging Face README.md or MCT v0.0.2 JSON. */
export async function exportCard(card: ModelCard, format: CardFormat): Promise<void> {
  if (format === 'html') {
    const { toCardHtml } = await import('../../lib/cards/html');
    download(toCardHtml(card, { document }), downloadName(untitled(card), '.model-card.html'), 'text/html;charset=utf-8');
  } else if (format === 'hf') {
    const { toHfReadme } = await import('../../lib/cards/huggingface');
    // The Hub reads a model card from a file of exactly this name.
    download(toHfReadme(card), 'README.md', 'text/markdown;charset=utf-8');
  } else {
    const { toMctJson } = await import('../../lib/cards/mct');
    download(toMctJson(card), downloadName(untitled(card), '.model-card.json'), 'application/json');
  }
}
