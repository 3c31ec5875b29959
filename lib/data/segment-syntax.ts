import { parse, type AnyNode, type Expression } from 'acorn';
import { op } from 'arquero';
import { AnalysisError } from '../errors';

/**
 * The allowlist a segment expression must pass before arquero sees it. arquero's own parser refuses
 * loops, assignments, `new` and unknown variables, but lets `this`, `import(…)`, the bare row
 * (`Object.keys(d)` → `op.keys(d)`), `d.constructor` (its column lookup is a plain object) and
 * method calls whose receiver it silently drops (`d.x.startswith('a')` → `startswith('a')`) through.
 * So the same text is parsed here the way arquero parses it (acorn, `expr=(…)`, ES2020) and only
 * row columns, literals, operators and `op.*` / `Math.*` calls are accepted.
 */

/** arquero wraps an expression as `expr=(…)` before parsing it; we parse exactly the same text. */
const PREFIX = 'expr=(';
const EXAMPLE = "write a filter such as d => d.country === 'FR' && d.age >= 30";
/** Names arquero rewrites to constants (src/expression/constants.js). */
const CONSTANTS = new Set(['undefined', 'Infinity', 'NaN']);
const MATH_CONSTANTS = new Set(['E', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'PI', 'SQRT1_2', 'SQRT2']);
/** op functions that read the whole row or a table, not one value: no use in a row filter. */
const REFUSED_OPS = new Set(['row_object']);

const CONSTRUCTS: Partial<Record<AnyNode['type'], string>> = {
  ImportExpression: 'import(…)',
  MetaProperty: 'import.meta / new.target',
  ThisExpression: '"this"',
  NewExpression: '"new"',
  AssignmentExpression: 'assignments',
  UpdateExpression: '++ and --',
  ArrowFunctionExpression: 'function definitions',
  FunctionExpression: 'function definitions',
  ClassExpression: 'classes',
  SequenceExpression: 'the comma operator',
  ObjectExpression: 'object literals',
  TaggedTemplateExpression: 'tagged templates',
  AwaitExpression: 'await',
  YieldExpression: 'yield',
  ChainExpression: 'optional chaining (?.)',
  SpreadElement: 'spread (…)',
};

export function badSegment(problem: string, remedy: string): AnalysisError {
  return new AnalysisError('bad-segment', `segment: ${problem} — ${remedy}`);
}

interface Walk {
  source: string;
  row: string;
  columns: ReadonlySet<string>;
  used: Set<string>;
}

function snippet(walk: Walk, node: AnyNode): string {
  const text = walk.source.slice(node.start - PREFIX.length, node.end - PREFIX.length);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function columnList(columns: ReadonlySet<string>): string {
  const names = [...columns];
  const shown = names.slice(0, 12).map((name) => JSON.stringify(name));
  return shown.join(', ') + (names.length > shown.length ? `, … (${names.length} columns)` : '');
}

function readColumn(walk: Walk, node: AnyNode, name: string): void {
  if (name === '__proto__' || !walk.columns.has(name)) {
    throw badSegment(`unknown column "${name}" in "${snippet(walk, node)}"`, `columns are ${columnList(walk.columns)}`);
  }
  walk.used.add(name);
}

function visitMember(walk: Walk, node: Extract<AnyNode, { type: 'MemberExpression' }>): void {
  const { object, property, computed } = node;
  if (node.optional) throw badSegment(`optional chaining (?.) not allowed in "${snippet(walk, node)}"`, EXAMPLE);
  if (object.type === 'Identifier' && object.name === walk.row) {
    if (!computed && property.type === 'Identifier') return readColumn(walk, node, property.name);
    if (computed && property.type === 'Literal' && typeof property.value === 'string') return readColumn(walk, node, property.value);
    throw badSegment(`computed column name in "${snippet(walk, node)}"`, `name a column as ${walk.row}.name or ${walk.row}['name with spaces']`);
  }
  if (!computed && property.type === 'Identifier') {
    if (object.type === 'Identifier' && object.name === 'Math' && MATH_CONSTANTS.has(property.name)) return;
    // `.length` of a value read from the row (strings, arrays); anything else reaches outside the row.
    if (property.name === 'length' && object.type !== 'Identifier') return visit(walk, object);
  }
  throw badSegment(
    `property access outside the row: "${snippet(walk, node)}"`,
    `read columns as ${walk.row}.name and use op functions (op.length, op.lower, op.startswith, …) on their values`,
  );
}

function visitCall(walk: Walk, node: Extract<AnyNode, { type: 'CallExpression' }>): void {
  const { callee } = node;
  let name: string | undefined;
  if (!node.optional && callee.type === 'MemberExpression' && !callee.computed && !callee.optional) {
    const { object, property } = callee;
    if (object.type === 'Identifier' && property.type === 'Identifier') {
      // Math.max/min are arquero's greatest/least; other Math.f are op functions of the same name.
      if (object.name === 'op') name = property.name;
      if (object.name === 'Math') name = property.name === 'max' ? 'greatest' : property.name === 'min' ? 'least' : property.name;
    }
  }
  if (name === undefined || !Object.hasOwn(op, name) || REFUSED_OPS.has(name)) {
    throw badSegment(
      `function call not allowed: "${snippet(walk, node)}"`,
      `call arquero's functions as op.name(…), e.g. op.startswith(${walk.row}.city, 'Par')`,
    );
  }
  for (const argument of node.arguments) visit(walk, argument);
}

function visit(walk: Walk, node: AnyNode): void {
  switch (node.type) {
    case 'Literal':
      return;
    case 'TemplateLiteral':
      return node.expressions.forEach((part) => visit(walk, part));
    case 'Identifier':
      if (CONSTANTS.has(node.name)) return;
      if (node.name === walk.row)
        throw badSegment(`the whole row "${node.name}" cannot be used`, `read one column at a time: ${node.name}.name or ${node.name}['name']`);
      throw badSegment(`"${node.name}" is not a column, constant or op function`, `read columns as ${walk.row}.name and call functions as op.name(…)`);
    case 'MemberExpression':
      return visitMember(walk, node);
    case 'CallExpression':
      return visitCall(walk, node);
    case 'UnaryExpression':
      if (node.operator === 'delete') break;
      return visit(walk, node.argument);
    case 'BinaryExpression':
    case 'LogicalExpression':
      visit(walk, node.left);
      return visit(walk, node.right);
    case 'ConditionalExpression':
      visit(walk, node.test);
      visit(walk, node.consequent);
      return visit(walk, node.alternate);
    case 'ArrayExpression':
      return node.elements.forEach((element) => element && visit(walk, element));
  }
  const construct = CONSTRUCTS[node.type] ?? (node.type === 'UnaryExpression' ? '"delete"' : node.type);
  throw badSegment(`${construct} not allowed in "${snippet(walk, node)}"`, EXAMPLE);
}

function parseWrapped(source: string): Expression {
  try {
    const program = parse(`${PREFIX}${source})`, { ecmaVersion: 11 });
    const statement = program.body[0];
    if (program.body.length === 1 && statement?.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      return statement.expression.right;
    }
  } catch {
    // acorn's message points into the wrapped text: say it in the user's terms below.
  }
  throw badSegment(`cannot read "${source.length > 60 ? `${source.slice(0, 57)}…` : source}" as one expression`, EXAMPLE);
}

/**
 * Checks a segment expression against the allowlist and returns the columns it reads. The row is
 * the arrow function's one parameter (`d => …`), or `d` when the text is a bare expression, as in arquero.
 */
export function checkSegmentSyntax(source: string, columns: readonly string[]): string[] {
  const root = parseWrapped(source);
  const walk: Walk = { source, row: 'd', columns: new Set(columns), used: new Set() };
  let body: AnyNode = root;
  if (root.type === 'ArrowFunctionExpression') {
    const [param, ...rest] = root.params;
    // A row named op or Math would read as arquero's function namespaces.
    if (root.async || rest.length > 0 || param?.type !== 'Identifier' || param.name === 'op' || param.name === 'Math') {
      throw badSegment(`the function must take one row parameter: "${snippet(walk, root)}"`, EXAMPLE);
    }
    if (root.body.type === 'BlockStatement')
      throw badSegment('a function body in braces is not allowed', 'write the condition right after =>, e.g. d => d.age >= 30');
    walk.row = param.name;
    body = root.body;
  }
  visit(walk, body);
  // A condition that reads no column keeps every row or none (`-1`, `true`): almost surely a slip.
  if (walk.used.size === 0) throw badSegment(`"${snippet(walk, body)}" reads no column, so it keeps every row or none`, EXAMPLE);
  return [...walk.used];
}

/**
 * The complement of a segment: every row it does not keep (`d => !(…)`), as text. Rows where the
 * segment is false, null or NaN land here, so a segment and its negation split a file exactly.
 * Only the syntax is read: checking columns is left to checkSegment.
 */
export function negateSegment(source: string): string {
  const text = source.trim();
  const root = parseWrapped(text);
  const slice = (node: AnyNode) => text.slice(node.start - PREFIX.length, node.end - PREFIX.length);
  const [param] = root.type === 'ArrowFunctionExpression' ? root.params : [];
  if (root.type === 'ArrowFunctionExpression' && root.body.type !== 'BlockStatement' && root.params.length === 1 && param?.type === 'Identifier') {
    return `${param.name} => !(${slice(root.body)})`;
  }
  return `d => !(${text})`;
}
