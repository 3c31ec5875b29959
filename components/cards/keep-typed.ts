import type { CardAutofill, CardDataset, ModelCard } from '../../lib/cards/types';

const key = (d: CardDataset) => `${d.side ?? ''}\u0000${d.name}`;

/**
 * The fill with what a person typed into the card's autofilled dataset entries kept: applyAutofill
 * replaces every entry with a source, so a link or description written for a dataset the notebook
 * filled would go with it. Matched by side and name; the notebook's facts (rows, SHA-256, sensitive
 * columns from the roles, source) are the fill's.
 */
export function keepTypedDatasetText(card: ModelCard, fill: CardAutofill): CardAutofill {
  const typed = new Map(card.modelParameters.data.filter((d) => d.source).map((d) => [key(d), d]));
  return {
    ...fill,
    data: fill.data.map((d) => {
      const old = typed.get(key(d));
      return old ? { ...d, link: old.link || d.link, description: old.description || d.description } : d;
    }),
  };
}
