/**
 * The fields of the Model Card Toolkit's dataclasses (model_card_toolkit/model_card.py, schema 0.0.2)
 * and a check of a JSON value against them, as strict as the toolkit's loader: `_from_json` in
 * base_model_card_field.py refuses a key that is not a field at any depth (keys starting with
 * "schema_version" are skipped), and the v0.0.2 schema it validates first makes every leaf a string.
 */

/** 'string' a leaf, ['string'] a list of strings, [spec] a list of objects, {…} an object. */
export type MctFieldSpec = 'string' | MctFieldSpec[] | { [field: string]: MctFieldSpec };

const GRAPHICS: MctFieldSpec = { description: 'string', collection: [{ name: 'string', image: 'string' }] };
const KEY_VALUE: MctFieldSpec = { key: 'string', value: 'string' };
const DESCRIBED: MctFieldSpec = { description: 'string' };

export const MCT_FIELDS: MctFieldSpec = {
  schema_version: 'string',
  model_details: {
    name: 'string',
    overview: 'string',
    documentation: 'string',
    owners: [{ name: 'string', contact: 'string' }],
    version: { name: 'string', date: 'string', diff: 'string' },
    licenses: [{ identifier: 'string', custom_text: 'string' }],
    references: [{ reference: 'string' }],
    citations: [{ style: 'string', citation: 'string' }],
    path: 'string',
  },
  model_parameters: {
    model_architecture: 'string',
    data: [{ name: 'string', description: 'string', link: 'string', sensitive: { sensitive_data: ['string'] }, graphics: GRAPHICS }],
    input_format: 'string',
    input_format_map: [KEY_VALUE],
    output_format: 'string',
    output_format_map: [KEY_VALUE],
  },
  quantitative_analysis: {
    performance_metrics: [{ type: 'string', value: 'string', slice: 'string', confidence_interval: { lower_bound: 'string', upper_bound: 'string' } }],
    graphics: GRAPHICS,
  },
  considerations: {
    users: [DESCRIBED],
    use_cases: [DESCRIBED],
    limitations: [DESCRIBED],
    tradeoffs: [DESCRIBED],
    ethical_considerations: [{ name: 'string', mitigation_strategy: 'string' }],
  },
};

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/** The first problem of `value` against the toolkit's fields as "<json path>: what is wrong", or null. */
export function mctFieldError(value: unknown, spec: MctFieldSpec = MCT_FIELDS, path = '$'): string | null {
  if (spec === 'string') return typeof value === 'string' ? null : `${path}: ${kind(value)} where the toolkit needs a string (every leaf is a string)`;
  if (Array.isArray(spec)) {
    if (!Array.isArray(value)) return `${path}: ${kind(value)} where the toolkit needs a list`;
    const item = spec[0] ?? 'string';
    for (let i = 0; i < value.length; i++) {
      const problem = mctFieldError(value[i], item, `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${path}: ${kind(value)} where the toolkit needs an object`;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('schema_version') && path !== '$') continue;
    // Own fields only: "constructor" or "__proto__" must not find Object's.
    const childSpec = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (childSpec === undefined) return `${path}: "${key}" is not a field of the Model Card Toolkit (allowed: ${Object.keys(spec).join(', ')})`;
    const problem = mctFieldError(child, childSpec, `${path}.${key}`);
    if (problem) return problem;
  }
  return null;
}
