/** Warnings of one kind listed one by one; the rest are counted in one line (a header of 100,000 repeats stays readable). */
const LISTED_WARNINGS = 20;

/** Unique, non-empty column names: empty → column_N, repeats → name_2, name_3 (each warned, the first 20 of a kind by name). */
export function normalizeHeader(raw: readonly string[], warnings: string[]): string[] {
  const seen = new Set<string>();
  // Next suffix to try per repeated name: suffixes already taken stay taken, so resuming there finds
  // the same smallest free k as counting from 2, without O(repeats²) probes.
  const nextSuffix = new Map<string, number>();
  let empty = 0;
  let renamed = 0;
  const names = raw.map((value, i) => {
    let name = value.trim();
    if (name === '') {
      name = `column_${i + 1}`;
      if (++empty <= LISTED_WARNINGS) warnings.push(`empty header name: column ${i + 1} named "${name}"`);
    }
    if (seen.has(name)) {
      let k = nextSuffix.get(name) ?? 2;
      while (seen.has(`${name}_${k}`)) k++;
      nextSuffix.set(name, k + 1);
      if (++renamed <= LISTED_WARNINGS) warnings.push(`duplicate header name: "${name}" renamed "${name}_${k}"`);
      name = `${name}_${k}`;
    }
    seen.add(name);
    return name;
  });
  if (empty > LISTED_WARNINGS) warnings.push(`empty header names: ${empty - LISTED_WARNINGS} more named column_N`);
  if (renamed > LISTED_WARNINGS) warnings.push(`duplicate header names: ${renamed - LISTED_WARNINGS} more renamed name_2, name_3, …`);
  return names;
}
