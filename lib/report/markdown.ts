import MarkdownIt, { type Env, type Token } from 'markdown-it';
import { visibleControls } from '../format';

// Raw HTML is off (it is shown as text, never parsed), and markdown-it's link validation refuses
// javascript:, vbscript:, file: and non-image data: URLs, so a note can never run code.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

/** `//host/x` (also `/\host`, `\\host`: browsers read backslashes as slashes) loads from wherever the page happens to be served. */
const PROTOCOL_RELATIVE = /^[\\/]{2}/;
const REMOTE = /^https?:\/\//i;

/** A token's text as a reader sees it (an image's alt, a link's label). */
function plainText(tokens: readonly Token[] | null): string {
  return (tokens ?? []).map((t) => (t.type === 'image' ? plainText(t.children) : t.content)).join('');
}

/**
 * An image never loads: a note travels in reports that mail clients open without our CSP, where
 * a remote image is a tracking pixel. A remote (http/https) image becomes a link to it; any other
 * (data:, relative) shows its alt text only.
 */
function imageAsLink(image: Token, TokenClass: typeof Token, inLink: boolean): Token[] {
  const src = String(image.attrGet('src') ?? '');
  const alt = plainText(image.children);
  const text = new TokenClass('text', '', 0);
  // Inside a link, the image is its alt text (links do not nest).
  if (!REMOTE.test(src) || inLink) {
    text.content = alt;
    return [text];
  }
  const open = new TokenClass('link_open', 'a', 1);
  open.attrSet('href', src);
  open.attrSet('class', 'image-link');
  const title = image.attrGet('title');
  if (title) open.attrSet('title', String(title));
  text.content = `Image: ${alt || src}`;
  return [open, text, new TokenClass('link_close', 'a', -1)];
}

/** Rewrites each inline run: images as links (above), protocol-relative links reduced to their text. */
function rewrite(children: Token[], TokenClass: typeof Token): Token[] {
  const out: Token[] = [];
  let inLink = false;
  let dropClose = false;
  for (const token of children) {
    if (token.type === 'image') out.push(...imageAsLink(token, TokenClass, inLink));
    else if (token.type === 'link_open') {
      inLink = true;
      if (PROTOCOL_RELATIVE.test(String(token.attrGet('href') ?? ''))) dropClose = true;
      else out.push(token);
    } else if (token.type === 'link_close') {
      inLink = false;
      if (dropClose) dropClose = false;
      else out.push(token);
    } else out.push(token);
  }
  return out;
}

md.core.ruler.push('driftbook_links', (state) => {
  for (const block of state.tokens) {
    if (block.type === 'inline' && block.children) block.children = rewrite(block.children, state.Token);
  }
});

/** Render state of `links: 'text'`: the addresses of the links being written, innermost last (null: the text shows it already). */
const TEXT_LINKS = Symbol('text links');
const textLinks = (env: Env | undefined): (string | null)[] | undefined => env?.[TEXT_LINKS] as (string | null)[] | undefined;

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const hrefs = textLinks(env);
  if (hrefs) {
    // An autolink or a linkified address already shows its address as its text.
    const shown = token.markup === 'linkify' || token.markup === 'autolink';
    hrefs.push(shown ? null : String(token.attrGet('href') ?? ''));
    return '<span class="link-text">';
  }
  // Links leave the notebook in a new tab and tell the site nothing about where they came from.
  token.attrSet('target', '_blank');
  token.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};
const defaultLinkClose = md.renderer.rules.link_close ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_close = (tokens, idx, options, env, self) => {
  const hrefs = textLinks(env);
  if (!hrefs) return defaultLinkClose(tokens, idx, options, env, self);
  // The address as markdown-it normalised it (percent-encoded, host in punycode): what the link really points to.
  const href = hrefs.pop();
  return href ? `</span> <span class="link-url">(${md.utils.escapeHtml(href)})</span>` : '</span>';
};

export interface MarkdownOptions {
  /**
   * 'text' writes each link as its text followed by its address in brackets, with no <a>: for
   * documents a reviewer reads and signs (a model card), where nothing may navigate anywhere.
   */
  links?: 'anchor' | 'text';
}

/**
 * A note's markdown as safe HTML (for the cell and the exported report): no script, no raw HTML,
 * no image or other resource that loads by itself, no protocol-relative link, and bidi and other
 * invisible controls shown as ⟨U+202E⟩ (they could make a link's text or a sentence read backwards).
 */
export function renderMarkdown(text: string, { links = 'anchor' }: MarkdownOptions = {}): string {
  const env: Env = links === 'text' ? { [TEXT_LINKS]: [] } : {};
  return md.render(visibleControls(text, { lines: true }), env);
}
