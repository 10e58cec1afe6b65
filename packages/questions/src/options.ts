import { ConfigError, suggestName } from '@dl/errors';
import { questionKinds, topics, type Difficulty, type Lang, type QuestionKind, type Topic } from './schema.js';

/** A single value or a list of values; a list matches any of its members. */
export type OneOrMany<T> = T | readonly T[];

/** An inclusive difficulty range; a missing bound is open. */
export interface DifficultyRange {
  /** Lowest difficulty kept (default 1). */
  readonly min?: Difficulty;
  /** Highest difficulty kept (default 5). */
  readonly max?: Difficulty;
}

/** One difficulty, or an inclusive range such as `{ min: 2, max: 4 }`. */
export type DifficultyFilter = Difficulty | DifficultyRange;

/** Inclusive difficulty bounds after validation. */
export interface DifficultyBounds {
  /** Lowest difficulty kept. */
  readonly min: Difficulty;
  /** Highest difficulty kept. */
  readonly max: Difficulty;
}

/**
 * The error for a bad option: a `ConfigError` (from `@dl/errors`, the same class `@dl/core`
 * exports) with the message `[@dl/questions] Invalid option '<field>': expected <expected>, got <value>.`
 *
 * @param related - the other options a rule between several options involves, with their values.
 * @example
 * ```ts
 * optionError('count', 'an integer >= 1', '3').message;
 * // "[@dl/questions] Invalid option 'count': expected an integer >= 1, got \"3\"."
 * ```
 */
export function optionError(field: string, expected: string, value: unknown, related?: Readonly<Record<string, unknown>>): ConfigError {
  return new ConfigError({ package: 'questions', path: field, value, expected, related });
}

const quoted = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

function parseEnumList<T extends string>(value: unknown, field: string, allowed: readonly T[]): readonly T[] | undefined {
  if (value === undefined) return undefined;
  const expected = `one of ${quoted(allowed)} (or an array of them)`;
  const list: readonly unknown[] = Array.isArray(value) ? value : [value];
  for (const item of list) {
    if (typeof item !== 'string') throw optionError(field, expected, value);
    if (!(allowed as readonly string[]).includes(item)) throw optionError(field, expected, item);
  }
  return list as readonly T[];
}

/**
 * Validates a `topic` option: a topic or an array of topics.
 *
 * @throws `ConfigError` for a non-string or an unknown topic.
 * @example
 * ```ts
 * parseTopics('rnn'); // ['rnn']
 * parseTopics(undefined); // undefined
 * ```
 */
export function parseTopics(value: unknown, field = 'topic'): readonly Topic[] | undefined {
  return parseEnumList(value, field, topics);
}

/**
 * Validates a `kind` option: a question kind or an array of kinds.
 *
 * @throws `ConfigError` for a non-string or an unknown kind.
 * @example
 * ```ts
 * parseKinds(['concept', 'coding']); // ['concept', 'coding']
 * ```
 */
export function parseKinds(value: unknown, field = 'kind'): readonly QuestionKind[] | undefined {
  return parseEnumList(value, field, questionKinds);
}

/**
 * Validates a `lang` option.
 *
 * @throws `ConfigError` for anything but the allowed languages.
 * @example
 * ```ts
 * parseLang('zh', 'lang', ['zh', 'en']); // 'zh'
 * ```
 */
export function parseLang<T extends string = Lang>(value: unknown, field = 'lang', allowed: readonly T[] = ['zh', 'en'] as unknown as readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const expected = `one of ${quoted(allowed)}`;
  if (typeof value !== 'string') throw optionError(field, expected, value);
  if (!(allowed as readonly string[]).includes(value)) throw optionError(field, expected, value);
  return value as T;
}

const isDifficulty = (value: unknown): value is Difficulty => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5;

/**
 * Validates a `difficulty` option: an integer 1..5 or `{ min, max }` with bounds in 1..5.
 *
 * @throws `ConfigError` for a wrong type, a bound outside 1..5, or `min > max` (naming both bounds).
 * @example
 * ```ts
 * parseDifficulty(3); // { min: 3, max: 3 }
 * parseDifficulty({ min: 2 }); // { min: 2, max: 5 }
 * ```
 */
export function parseDifficulty(value: unknown, field = 'difficulty'): DifficultyBounds | undefined {
  if (value === undefined) return undefined;
  const expected = 'an integer from 1 to 5 or { min, max } with bounds from 1 to 5';
  if (typeof value === 'number') {
    if (!isDifficulty(value)) throw optionError(field, expected, value);
    return { min: value, max: value };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw optionError(field, expected, value);
  const { min = 1, max = 5 } = value as { min?: unknown; max?: unknown };
  if (typeof min !== 'number') throw optionError(`${field}.min`, 'an integer from 1 to 5', min);
  if (typeof max !== 'number') throw optionError(`${field}.max`, 'an integer from 1 to 5', max);
  if (!isDifficulty(min)) throw optionError(`${field}.min`, 'an integer from 1 to 5', min);
  if (!isDifficulty(max)) throw optionError(`${field}.max`, 'an integer from 1 to 5', max);
  if (min > max) throw optionError(`${field}.min`, `a value <= ${field}.max`, min, { [`${field}.max`]: max });
  return { min, max };
}

/**
 * Validates a `tags` option: a tag or an array of tags (strings).
 *
 * @throws `ConfigError` when a tag is not a string.
 * @example
 * ```ts
 * parseTags('softmax'); // ['softmax']
 * ```
 */
export function parseTags(value: unknown, field = 'tags'): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const list: readonly unknown[] = Array.isArray(value) ? value : [value];
  if (!list.every((tag) => typeof tag === 'string')) throw optionError(field, 'a string or an array of strings', value);
  return list as readonly string[];
}

/**
 * Validates an optional positive integer option such as `count` or `limit`.
 *
 * @param allowInfinity - accept `Infinity` (meaning "no limit").
 * @throws `ConfigError` for anything but an integer >= 1 (or `Infinity` when allowed).
 * @example
 * ```ts
 * parsePositiveInteger(5, 'count'); // 5
 * parsePositiveInteger(0, 'count'); // throws ConfigError
 * ```
 */
export function parsePositiveInteger(value: unknown, field: string, allowInfinity = false): number | undefined {
  if (value === undefined) return undefined;
  const expected = allowInfinity ? 'an integer >= 1 or Infinity' : 'an integer >= 1';
  if (typeof value !== 'number') throw optionError(field, expected, value);
  if (allowInfinity && value === Number.POSITIVE_INFINITY) return value;
  if (!Number.isInteger(value) || value < 1) throw optionError(field, expected, value);
  return value;
}

/**
 * Throws when `options` is not a plain options object or names an option that does not exist,
 * so that `createQuiz('rnn')` or a misspelled `{ topics: 'rnn' }` fails instead of being ignored;
 * the error suggests the closest allowed name.
 *
 * @throws `ConfigError` with path `''` for a non-object, or the unknown option's name.
 * @example
 * ```ts
 * assertOptions({ topic: 'rnn' }, 'createQuiz', ['topic', 'count']); // ok
 * assertOptions({ topics: 'rnn' }, 'createQuiz', ['topic', 'count']);
 * // throws ConfigError: [@dl/questions] Invalid option 'topics': expected no option named 'topics'
 * //   (did you mean 'topic'? createQuiz() allows: topic, count), got "rnn".
 * ```
 */
export function assertOptions(options: unknown, fn: string, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError({ package: 'questions', path: '', value: options, expected: `an options object for ${fn}()` });
  }
  for (const [key, value] of Object.entries(options)) {
    if (!allowed.includes(key)) {
      const suggestion = suggestName(key, allowed);
      const hint = suggestion === undefined ? '' : `did you mean '${suggestion}'? `;
      throw optionError(key, `no option named '${key}' (${hint}${fn}() allows: ${allowed.join(', ')})`, value);
    }
  }
}
