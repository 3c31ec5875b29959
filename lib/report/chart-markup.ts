import { showChartControls } from '../charts/chart-text';
import { raw, type SafeHtml } from './escape';

/**
 * Serializes a chart element. The DOM serializer escapes text (category values, column names),
 * so the markup is safe, and bidi controls in that text are shown as ⟨U+202E⟩. Plot's per-chart
 * <style> is dropped: the report CSS covers it once.
 */
export function chartMarkup(el: Element): SafeHtml {
  el.querySelectorAll('style').forEach((style) => style.remove());
  return raw(showChartControls(el).outerHTML);
}
