/**
 * Schema validation with messages a person can act on: ajv's errors are translated one by one
 * into `what is wrong, where, and what to write instead`, positioned on the YAML source.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { InputError } from '../cli/errors.js';
import { suggest } from './suggest.js';
import { schemaAt, type JsonSchema } from './json-schema.js';
import { errorAt, formatPath, sourceTextOf, type Path, type PathSegment, type YamlSource } from './yaml-source.js';

const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strictTypes: false, strictRequired: false });
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Validates the document's value against `schema`; one positioned error per problem. */
export function validateAgainstSchema(source: YamlSource, schema: JsonSchema): InputError[] {
  const validate = validatorFor(schema);
  if (validate(source.value)) return [];
  const all = validate.errors ?? [];
  // A value of the wrong type fails other keywords too (enum, const); its type is what to fix.
  const wrongType = new Set(all.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const errors: InputError[] = [];
  for (const err of all) {
    if (err.keyword !== 'type' && wrongType.has(err.instancePath)) continue;
    const translated = translate(err, source, schema);
    if (!translated) continue;
    const key = `${translated.line}:${translated.column}:${translated.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(translated);
  }
  return errors;
}

function toPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let current = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      path.push(Number(segment));
      current = current[Number(segment)];
    } else {
      path.push(segment);
      current = (current as Record<string, unknown> | undefined)?.[segment];
    }
  }
  return path;
}

function translate(err: ErrorObject, source: YamlSource, root: JsonSchema): InputError | undefined {
  const path = toPath(err.instancePath, source.value);
  const where = formatPath(path);
  const subject = where ? `\`${where}\`` : 'the file';
  const parent = (err.parentSchema ?? {}) as JsonSchema;
  const propertyName = (err as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    const hint = parent.patternErrorMessage ?? 'is not allowed';
    return errorAt(source, [...path, propertyName], `${subject} key \`${inline(propertyName)}\` ${hint}`, 'key');
  }
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(err.params.additionalProperty);
      return errorAt(source, [...path, key], unknownKeyMessage(key, path, root), 'key');
    }
    case 'required': {
      const missing = String(err.params.missingProperty);
      const inWhat = where ? ` in \`${where}\`` : '';
      const description = schemaAt(root, [...path, missing])?.description;
      return errorAt(source, path, `missing required key \`${missing}\`${inWhat}${description ? ` (${firstSentence(description)})` : ''}`, 'key');
    }
    case 'type': {
      const got = typeof err.data === 'string' ? `the text \`${inline(sourceTextOf(source, path) ?? err.data)}\`` : describeValue(err.data, source, path);
      return errorAt(source, path, `${subject} must be ${typeMessage(err, parent, source)}; got ${got}`);
    }
    case 'enum': {
      const allowed = (err.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof err.data === 'string' ? suggest(err.data, allowed) : undefined;
      return errorAt(
        source,
        path,
        `${subject} must be one of ${allowed.join(', ')}; got ${describeValue(err.data, source, path)}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
      );
    }
    case 'pattern':
      return errorAt(source, path, `${subject} ${parent.patternErrorMessage ?? `must match ${String(err.params.pattern)}`}; got ${describeValue(err.data, source, path)}`);
    case 'minimum':
    case 'maximum':
      return errorAt(source, path, `${subject} must be between ${parent.minimum} and ${parent.maximum}; got ${describeValue(err.data, source, path)}`);
    case 'minItems':
    case 'minLength':
      return errorAt(source, path, `${subject} must not be empty`);
    case 'maxLength':
      return errorAt(source, path, `${subject} must be at most ${String(err.params.limit)} characters long`);
    case 'uniqueItems': {
      const later = Math.max(Number(err.params.i), Number(err.params.j));
      const item = (err.data as unknown[])[later];
      return errorAt(source, [...path, later], `${subject} lists \`${String(item)}\` more than once`);
    }
    case 'if':
    case 'not':
    case 'propertyNames':
      return undefined; // explained by the errors of the branch that failed
    default:
      return errorAt(source, path, `${subject} ${err.message ?? 'is invalid'}`);
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

/** An example version of the language the document names (Python when it names none). */
const VERSION_EXAMPLES: Record<string, string> = { python: '"3.13"', node: '"24"', go: '"1.27"' };

function typeMessage(err: ErrorObject, parent: JsonSchema, source: YamlSource): string {
  const definition = /#\/\$defs\/([A-Za-z]+)\//.exec(err.schemaPath)?.[1];
  if (definition === 'command' || (parent.type instanceof Array && parent.type.includes('array') && parent.items)) {
    return 'a list in exec form, e.g. ["python", "app.py"]';
  }
  if (definition === 'runtimeVersion') {
    const language = (source.value as { language?: unknown } | null)?.language;
    return `a quoted version string such as ${VERSION_EXAMPLES[typeof language === 'string' && language in VERSION_EXAMPLES ? language : 'python']}`;
  }
  if (definition === 'optionalFile') return 'a relative path, or false for none';
  return String(err.params.type)
    .split(',')
    .map((t) => TYPE_NAMES[t] ?? t)
    .join(' or ');
}

/**
 * A value as it may appear inside a one-line error: control characters (newlines, NUL, …) written
 * as escapes, and long values cut, so that no descriptor value can break the one-line form.
 */
export function inline(text: string): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
  return escaped.length > 80 ? `${escaped.slice(0, 77)}...` : escaped;
}

/** How a value reads in a message: `slimm`, the number `3.10`, a list, an empty value. */
export function describeValue(value: unknown, source: YamlSource, path: Path): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = inline(sourceTextOf(source, path) ?? String(value));
  if (typeof value === 'number') {
    const read = String(value);
    return `the number \`${text}\`${read !== text && /^\d+\.\d+$/.test(text) ? ` (YAML reads it as ${read}: quote it, "${text}")` : ''}`;
  }
  if (typeof value === 'boolean') return `\`${text}\``;
  return `\`${inline(String(value))}\``;
}

function unknownKeyMessage(rawKey: string, path: Path, root: JsonSchema): string {
  const key = inline(rawKey);
  const here = schemaAt(root, path);
  const siblings = Object.keys(here?.properties ?? {});
  const inWhat = path.length ? ` in \`${formatPath(path)}\`` : '';
  const close = suggest(rawKey, siblings);
  if (close) return `unknown key \`${key}\`${inWhat}; did you mean \`${close}\`?`;
  const elsewhere = findKey(root, rawKey);
  if (elsewhere) return `unknown key \`${key}\`${inWhat}; it belongs under \`${formatPath(elsewhere.slice(0, -1))}\` (\`${formatPath(elsewhere)}\`)`;
  return `unknown key \`${key}\`${inWhat}; expected one of ${siblings.join(', ')}`;
}

/** The first path (breadth-first) where the schema declares a property named `key`. */
function findKey(root: JsonSchema, key: string): string[] | undefined {
  const queue: string[][] = [[]];
  while (queue.length) {
    const path = queue.shift()!;
    const properties = schemaAt(root, path)?.properties ?? {};
    for (const name of Object.keys(properties)) {
      if (name === key && path.length > 0) return [...path, name];
      queue.push([...path, name]);
    }
  }
  return undefined;
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  const sentence = end >= 0 ? text.slice(0, end) : text;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
