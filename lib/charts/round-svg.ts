const GEOMETRY = ['x', 'y', 'width', 'height', 'transform', 'd', 'viewBox', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'points'];

// Floats like 103.99999999999999 vary with platform maths; two decimals are sub-pixel and stable.
const LONG_DECIMAL = /-?\d+\.\d{3,}(?:e-?\d+)?/g;

function round(token: string): string {
  const n = Math.round(Number(token) * 100) / 100;
  return Object.is(n, -0) ? '0' : String(n);
}

/** Rounds geometry attributes in place so the markup is smaller and identical across runs. */
export function roundGeometry(root: Element): void {
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const name of GEOMETRY) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const rounded = value.replace(LONG_DECIMAL, round);
      if (rounded !== value) el.setAttribute(name, rounded);
    }
  }
}
