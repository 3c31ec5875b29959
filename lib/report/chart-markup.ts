import { raw, type SafeHtml } from './escape';

/**
 * Serializes a chart element. The DOM serializer escapes text (category values, column names),
 * so the markup is safe. Plot's per-chart <style> is dropped: the report CSS covers it once.
 */
export function chartMarkup(el: Element): SafeHtml {
  el.querySelectorAll('style').forEach((style) => style.remove());
  return raw(el.outerHTML);
}
