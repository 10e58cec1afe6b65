import * as v from 'valibot';
import { ConfigError } from './config-error.js';
import { suggestName } from './suggest-name.js';

/** Options of {@link parseOptions}. */
export interface ParseOptionsContext {
  /** Package that owns the options, for the error prefix: `recurrent`. */
  readonly package?: string;
  /** Prefix for option paths, e.g. `encoder` gives `encoder.units`. */
  readonly pathPrefix?: string;
  /**
   * What is being parsed, when it is not a function's options (see `ConfigErrorDetails.subject`):
   * `'vocabulary JSON'` makes messages say "field 'format' of the vocabulary JSON".
   */
  readonly subject?: string;
}

type Issue = v.BaseIssue<unknown>;
type PathItem = NonNullable<Issue['path']>[number];

/**
 * Validates `input` against a valibot schema and returns the parsed options with defaults
 * filled in. The first problem becomes a {@link ConfigError} naming the option's path,
 * the value given and what is allowed, so a factory fails before it creates any tensor.
 *
 * Use `v.strictObject` so that misspelled options are reported instead of ignored (the error
 * suggests the closest allowed name, and the camelCase name for a snake_case one), and
 * `v.check` forwarded to a key with `v.forward` for rules that span several options: the
 * check's message becomes the error's `expected`, the error's `value` is the forwarded
 * option's value, and every other option that the message names is reported with its value
 * in `related` (so the message names both fields and both values, not the whole object).
 *
 * @param schema - a valibot schema, usually a `v.strictObject`.
 * @param input - what the caller passed; `undefined` and `null` read as `{}`.
 * @param context - package name, path prefix and subject for the error.
 * @returns the parsed value with defaults applied.
 * @throws {@link ConfigError} for the first invalid option.
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { parseOptions } from '@dl/errors';
 *
 * const Schema = v.pipe(
 *   v.strictObject({
 *     units: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 32),
 *     maxUnits: v.optional(v.number(), 64),
 *   }),
 *   v.forward(v.check((o) => o.units <= o.maxUnits, 'a value <= maxUnits'), ['units']),
 * );
 * parseOptions(Schema, {}).units; // 32
 * parseOptions(Schema, { units: 0 }, { package: 'recurrent' });
 * // throws ConfigError: [@dl/recurrent] Invalid option 'units': expected a value >=1, got 0.
 * parseOptions(Schema, { units: 80 });
 * // throws ConfigError: [@dl/core] Invalid option 'units': expected a value <= maxUnits, got 80 (maxUnits is 64).
 * ```
 */
export function parseOptions<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  context: ParseOptionsContext = {},
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input ?? {}, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const items = issue.path ?? [];
  const keys = items.map((item) => String(item.key));
  const isUnknownKey = issue.type === 'strict_object' && issue.expected === 'never';
  // A rule over a whole object (v.check on the object, usually forwarded to one of its keys).
  const crossField = isCrossField(issue);
  const objectDepth = crossField ? forwardStart(issue) : -1;
  let value: unknown = isUnknownKey ? items.at(-1)?.value : issue.input;
  const path = [context.pathPrefix, ...keys].filter((part) => part !== undefined && part !== '').join('.');
  // A schema (not a validation) that receives undefined was not optional: the option is missing.
  const required = !isUnknownKey && issue.kind === 'schema' && issue.input === undefined && keys.length > 0;
  let expected: string;
  let related: Record<string, unknown> | undefined;
  if (isUnknownKey) expected = unknownKeyExpected(keys.at(-1) ?? '', allowedKeys(schema, keys.slice(0, -1)));
  else if (required) expected = describeExpects(entryExpects(schema, keys)) ?? describeExpected(issue);
  else expected = describeExpected(issue);
  if (crossField) {
    const object = issue.input as Record<string, unknown>;
    const objectKeys = keys.slice(0, objectDepth);
    const forwarded = keys.slice(objectDepth);
    const names = new Set([...(allowedKeys(schema, objectKeys) ?? []), ...Object.keys(object)]);
    const mentioned = [...names].filter((name) => name !== forwarded[0] && mentions(expected, name));
    if (mentioned.length > 0) related = Object.fromEntries(mentioned.map((name) => [name, object[name]]));
    if (forwarded.length > 0) value = items.at(-1)?.value;
    else if (related !== undefined) [value, related] = [related, undefined];
  }
  throw new ConfigError({ package: context.package ?? 'core', path, value, expected, required, related, subject: context.subject });
}

/** A validation (not a schema) issue raised on a plain object: a rule that spans its keys. */
function isCrossField(issue: Issue): boolean {
  const input = issue.input;
  return issue.kind === 'validation' && typeof input === 'object' && input !== null && !Array.isArray(input);
}

/**
 * Index of the first path item that `v.forward` appended (its `input` is the object the check
 * saw), or the path's length when the check was not forwarded.
 */
function forwardStart(issue: Issue): number {
  const items: readonly PathItem[] = issue.path ?? [];
  const index = items.findIndex((item) => item.input === issue.input);
  return index === -1 ? items.length : index;
}

function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_$])${escaped}($|[^A-Za-z0-9_$])`).test(text);
}

/** What the schema of the option at `keys` accepts, in valibot's words (`number`, `"a" | "b"`). */
function entryExpects(schema: v.GenericSchema, keys: readonly string[]): string | undefined {
  let node: unknown = schema;
  for (const key of keys) node = (unwrap(node) as { entries?: Record<string, unknown> } | undefined)?.entries?.[key];
  return (node as { expects?: string } | undefined)?.expects;
}

function unknownKeyExpected(key: string, allowed: readonly string[] | undefined): string {
  if (allowed === undefined) return `no option named '${key}' (check the spelling)`;
  const suggestion = suggestName(key, allowed);
  const hint = suggestion === undefined ? '' : `did you mean '${suggestion}'? `;
  return `no option named '${key}' (${hint}allowed: ${allowed.join(', ')})`;
}

function allowedKeys(schema: v.GenericSchema, parentPath: readonly string[]): string[] | undefined {
  let node: unknown = schema;
  for (const key of parentPath) {
    node = unwrap(node);
    const entries = (node as { entries?: Record<string, unknown> }).entries;
    node = entries?.[key];
  }
  const entries = (unwrap(node) as { entries?: Record<string, unknown> } | undefined)?.entries;
  return entries === undefined ? undefined : Object.keys(entries);
}

function unwrap(node: unknown): unknown {
  let current = node as { wrapped?: unknown; pipe?: unknown[] } | undefined;
  for (let guard = 0; current !== undefined && guard < 8; guard++) {
    if (current.wrapped !== undefined) current = current.wrapped as typeof current;
    else if (Array.isArray(current.pipe) && current.pipe[0] !== current) current = current.pipe[0] as typeof current;
    else break;
  }
  return current;
}

const validationWords: Record<string, (expected: string | null) => string> = {
  integer: () => 'an integer',
  min_value: (e) => `a value ${e ?? ''}`.trim(),
  max_value: (e) => `a value ${e ?? ''}`.trim(),
  gt_value: (e) => `a value ${e ?? ''}`.trim(),
  lt_value: (e) => `a value ${e ?? ''}`.trim(),
  finite: () => 'a finite number',
  min_length: (e) => `length ${e ?? ''}`.trim(),
  max_length: (e) => `length ${e ?? ''}`.trim(),
  length: (e) => `length ${e ?? ''}`.trim(),
  non_empty: () => 'a non-empty value',
};

/** valibot's `expects` in words: `Object` is "an object", `"a" | "b"` is `one of "a", "b"`. */
function describeExpects(expects: string | null | undefined): string | undefined {
  if (expects === undefined || expects === null) return undefined;
  if (expects === 'Object') return 'an object';
  if (expects === 'Array') return 'an array';
  if (/^\(.*\)$/.test(expects) || expects.includes(' | ')) return `one of ${expects.replace(/^\(|\)$/g, '').replace(/ \| /g, ', ')}`;
  return expects;
}

function describeExpected(issue: Issue): string {
  // A custom message (v.check, v.custom, or a message passed to a schema) is already in words.
  if (!issue.message.startsWith('Invalid')) return issue.message;
  if (issue.kind === 'validation') {
    const words = validationWords[issue.type];
    return words === undefined ? issue.message : words(issue.expected);
  }
  if (issue.type === 'picklist' || issue.type === 'literal' || issue.type === 'union') {
    return `one of ${(issue.expected ?? '').replace(/^\(|\)$/g, '').replace(/ \| /g, ', ')}`;
  }
  return describeExpects(issue.expected) ?? issue.message;
}
