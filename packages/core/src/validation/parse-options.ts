import * as v from 'valibot';
import { ConfigError } from '../errors/config-error.js';
import { suggestName } from './suggest-name.js';

/** Options of {@link parseOptions}. */
export interface ParseOptionsContext {
  /** Package that owns the options, for the error prefix: `recurrent`. */
  readonly package?: string;
  /** Prefix for option paths, e.g. `encoder` gives `encoder.units`. */
  readonly pathPrefix?: string;
}

/**
 * Validates `input` against a valibot schema and returns the parsed options with defaults
 * filled in. The first problem becomes a {@link ConfigError} naming the option's path,
 * the value given and what is allowed, so a factory fails before it creates any tensor.
 *
 * Use `v.strictObject` so that misspelled options are reported instead of ignored, and
 * `v.check` (forwarded to a key with `v.forward`) for rules that span several options;
 * the check's message becomes the error's `expected`.
 *
 * @param schema - a valibot schema, usually a `v.strictObject`.
 * @param input - what the caller passed.
 * @param context - package name and path prefix for the error.
 * @returns the parsed value with defaults applied.
 * @throws {@link ConfigError} for the first invalid option.
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { parseOptions } from '@dl/core';
 *
 * const Schema = v.strictObject({
 *   units: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 32),
 * });
 * parseOptions(Schema, {}).units; // 32
 * parseOptions(Schema, { units: 0 }, { package: 'recurrent' });
 * // throws ConfigError: [@dl/recurrent] Invalid option 'units': expected an integer >= 1 ..., got 0.
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
  const keys = (issue.path ?? []).map((item) => String(item.key));
  const isUnknownKey = issue.type === 'strict_object' && issue.expected === 'never';
  const value = isUnknownKey ? lastInput(issue) : issue.input;
  const path = [context.pathPrefix, ...keys].filter((part) => part !== undefined && part !== '').join('.');
  // A schema (not a validation) that receives undefined was not optional: the option is missing.
  const required = !isUnknownKey && issue.kind === 'schema' && issue.input === undefined && keys.length > 0;
  let expected: string;
  if (isUnknownKey) expected = unknownKeyExpected(keys.at(-1) ?? '', allowedKeys(schema, keys.slice(0, -1)));
  else if (required) expected = entryExpects(schema, keys) ?? describeExpected(issue);
  else expected = describeExpected(issue);
  throw new ConfigError({ package: context.package ?? 'core', path, value, expected, required });
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

function lastInput(issue: v.BaseIssue<unknown>): unknown {
  return issue.path?.at(-1)?.value;
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

function describeExpected(issue: v.BaseIssue<unknown>): string {
  // A custom message (v.check, v.custom, or a message passed to a schema) is already in words.
  if (!issue.message.startsWith('Invalid')) return issue.message;
  if (issue.kind === 'validation') {
    const words = validationWords[issue.type];
    return words === undefined ? issue.message : words(issue.expected);
  }
  if (issue.type === 'picklist' || issue.type === 'literal' || issue.type === 'union') {
    return `one of ${(issue.expected ?? '').replace(/^\(|\)$/g, '').replace(/ \| /g, ', ')}`;
  }
  return issue.expected === null ? issue.message : `${issue.expected === 'Object' ? 'an object' : issue.expected}`;
}
