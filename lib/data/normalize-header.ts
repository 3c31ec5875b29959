/** Unique, non-empty column names: empty → column_N, repeats → name_2, name_3 (each warned). */
export function normalizeHeader(raw: readonly string[], warnings: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((value, i) => {
    let name = value.trim();
    if (name === '') {
      name = `column_${i + 1}`;
      warnings.push(`empty header name: column ${i + 1} named "${name}"`);
    }
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`)) k++;
      warnings.push(`duplicate header name: "${name}" renamed "${name}_${k}"`);
      name = `${name}_${k}`;
    }
    seen.add(name);
    return name;
  });
}
