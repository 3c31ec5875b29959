import { visibleControls } from '../format';

// Attributes whose text a browser shows or reads aloud (Plot's aria-label/aria-description).
const SHOWN_ATTRIBUTES = ['aria-label', 'aria-description', 'title'];
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Shows the bidi and other invisible controls in a chart's text as ⟨U+202E⟩: tick labels,
 * category and column names, keys and tooltips (<title>) come from the data, and a right-to-left
 * override in a category would make its label read backwards. Every host that draws a chart
 * (the app's figures, the report) passes it through here; returns the same element.
 */
export function showChartControls<E extends Element>(chart: E): E {
  // Lines kept: SVG collapses them to spaces, and Plot's own <style> needs its line breaks.
  const show = (text: string) => visibleControls(text, { lines: true });
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue ?? '';
      const shown = show(text);
      if (shown !== text) node.nodeValue = shown;
      return;
    }
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      for (const name of SHOWN_ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value !== null && show(value) !== value) element.setAttribute(name, show(value));
      }
    }
    node.childNodes.forEach(visit);
  };
  visit(chart);
  return chart;
}
