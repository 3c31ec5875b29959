import MarkdownIt from 'markdown-it';

// Raw HTML is off (it is shown as text, never parsed), and markdown-it's link validation refuses
// javascript:, vbscript:, file: and non-image data: URLs, so a note can never run code.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  // Links leave the notebook in a new tab and tell the site nothing about where they came from.
  tokens[idx]!.attrSet('target', '_blank');
  tokens[idx]!.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** A note's markdown as safe HTML (for the cell and the exported report). */
export function renderMarkdown(text: string): string {
  return md.render(text);
}
