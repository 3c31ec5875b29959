/**
 * A strict reader of the Prometheus text exposition format (0.0.4), written from
 * prometheus/common expfmt/text_parse.go: `# HELP name text` (escapes `\\` `\n`), `# TYPE name
 * type`, `name{label="value",…} value` with `\\` `\"` `\n` the only escapes in a label value.
 * Tests read our exposition back with it to check label values round-trip exactly.
 */
export interface ParsedSeries {
  name: string;
  labels: [string, string][];
  value: number;
}
export interface ParsedFamily {
  name: string;
  help?: string;
  type?: string;
  series: ParsedSeries[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function unescape(text: string, allowed: string, where: string): string {
  return text.replace(/\\(.)/gsu, (_, c: string) => {
    if (!allowed.includes(c)) throw new Error(`${where}: invalid escape \\${c}`);
    return c === 'n' ? '\n' : c;
  });
}

function parseValue(text: string, where: string): number {
  if (text === 'NaN') return NaN;
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`${where}: bad value ${JSON.stringify(text)}`);
  return Number(text);
}

/** Reads one series line: name, `{` labels `}`, one space, value (a timestamp is refused: we write none). */
function parseSeries(line: string, where: string): ParsedSeries {
  const name = NAME.exec(line)?.[0];
  if (!name) throw new Error(`${where}: no metric name`);
  let rest = line.slice(name.length);
  const labels: [string, string][] = [];
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    while (!rest.startsWith('}')) {
      const label = LABEL.exec(rest)?.[0];
      if (!label || rest[label.length] !== '=' || rest[label.length + 1] !== '"') throw new Error(`${where}: bad label at ${JSON.stringify(rest)}`);
      rest = rest.slice(label.length + 2);
      const end = /^((?:[^"\\]|\\.)*)"/su.exec(rest);
      if (!end) throw new Error(`${where}: unterminated label value`);
      labels.push([label, unescape(end[1]!, '\\"n', where)]);
      rest = rest.slice(end[0].length);
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) throw new Error(`${where}: expected , or } at ${JSON.stringify(rest)}`);
    }
    rest = rest.slice(1);
  }
  if (!rest.startsWith(' ') || rest.slice(1).includes(' ')) throw new Error(`${where}: expected one space and a value (no timestamp)`);
  return { name, labels, value: parseValue(rest.slice(1), where) };
}

/** The families of an exposition in order; throws on anything the format does not allow. */
export function parseExposition(text: string): ParsedFamily[] {
  // A CR inside a label value is data; before a line feed it would be a CRLF line end.
  if (text.includes('\r\n')) throw new Error('CRLF line end: the format is LF only');
  if (text !== '' && !text.endsWith('\n')) throw new Error('no final newline');
  const families: ParsedFamily[] = [];
  const familyFor = (name: string): ParsedFamily => {
    const last = families.at(-1);
    if (last?.name === name) return last;
    if (families.some((f) => f.name === name)) throw new Error(`${name}: family not contiguous`);
    const created: ParsedFamily = { name, series: [] };
    families.push(created);
    return created;
  };
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, i) => {
      const where = `line ${i + 1}`;
      const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/su.exec(line);
      if (meta) {
        const family = familyFor(meta[2]!);
        if (meta[1] === 'HELP') family.help = unescape(meta[3]!, '\\n', where);
        else family.type = meta[3];
      } else if (line.startsWith('#')) throw new Error(`${where}: unexpected comment`);
      else {
        const series = parseSeries(line, where);
        // A summary's series are its name, _sum and _count; ours are all the family's own name.
        familyFor(series.name).series.push(series);
      }
    });
  return families;
}
