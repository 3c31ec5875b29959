/**
 * meta.yaml as PyYAML reads it. MLflow writes these files with PyYAML's SafeDumper, whose resolver
 * is YAML 1.1's *as PyYAML implements it* (yaml/resolver.py, Resolver.add_implicit_resolver): a
 * float needs a dot (`20240e51` is a string), `y`/`n` are strings, `yes/no/on/off` are booleans.
 * The `yaml` package's own 1.1 schema differs on exactly those (it reads `20240e51` as 2.024e+55),
 * so we start from the failsafe schema (every plain scalar a string) and add PyYAML's four implicit
 * resolvers. Integers resolve to bigint so 19-digit ids keep every digit; quoted scalars stay strings.
 */
import { parse, type ScalarTag } from 'yaml';

const PY_NULL = /^(?:~|null|Null|NULL|)$/;
const PY_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const PY_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PY_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Base-60 `a:b:c` as PyYAML's construct_yaml_int/float read it. */
function sexagesimal(digits: string): number {
  return digits.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function resolveInt(text: string): bigint {
  const clean = text.replaceAll('_', '');
  const sign = clean.startsWith('-') ? -1n : 1n;
  const body = clean.replace(/^[-+]/, '');
  if (body.includes(':')) return sign * BigInt(sexagesimal(body));
  if (body.startsWith('0b') || body.startsWith('0x')) return sign * BigInt(body);
  if (body.length > 1 && body.startsWith('0')) return sign * BigInt(`0o${body.slice(1)}`);
  return sign * BigInt(body);
}

function resolveFloat(text: string): number {
  const clean = text.replaceAll('_', '').toLowerCase();
  const sign = clean.startsWith('-') ? -1 : 1;
  const body = clean.replace(/^[-+]/, '');
  if (body === '.inf') return sign * Infinity;
  if (body === '.nan') return NaN;
  if (body.includes(':')) return sign * sexagesimal(body);
  return sign * Number(body);
}

const PYYAML_TAGS: ScalarTag[] = [
  { tag: 'tag:yaml.org,2002:null', default: true, test: PY_NULL, resolve: () => null },
  { tag: 'tag:yaml.org,2002:bool', default: true, test: PY_BOOL, resolve: (text) => /^(?:yes|true|on)$/i.test(text) },
  { tag: 'tag:yaml.org,2002:int', default: true, test: PY_INT, resolve: resolveInt },
  { tag: 'tag:yaml.org,2002:float', default: true, test: PY_FLOAT, resolve: resolveFloat },
];

/** Parses one meta.yaml as PyYAML's safe_load would; throws on malformed YAML. */
export function parsePyYaml(text: string): unknown {
  return parse(text, { schema: 'failsafe', customTags: PYYAML_TAGS, uniqueKeys: false });
}
