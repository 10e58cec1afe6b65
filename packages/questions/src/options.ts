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

const PREFIX = '[@dl/questions]';

/**
 * A short, printable description of any value, for error messages.
 *
 * @example
 * ```ts
 * describeValue('rnn'); // '"rnn"'
 * describeValue([1, 2]); // '[1, 2]'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return value.length <= 8 ? `[${value.map(describeValue).join(', ')}]` : `an array of length ${value.length}`;
  try {
    const text = JSON.stringify(value);
    return text.length <= 80 ? text : `${text.slice(0, 77)}...`;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function message(field: string, expected: string, value: unknown): string {
  return `${PREFIX} Invalid option '${field}': expected ${expected}, got ${describeValue(value)}.`;
}

/**
 * The error for an option of the wrong type (a number where a string is expected, ...).
 *
 * @example
 * ```ts
 * optionTypeError('count', 'an integer >= 1', '3').message;
 * // "[@dl/questions] Invalid option 'count': expected an integer >= 1, got \"3\"."
 * ```
 */
export function optionTypeError(field: string, expected: string, value: unknown): TypeError {
  return new TypeError(message(field, expected, value));
}

/**
 * The error for an option of the right type but outside what is allowed (unknown topic, 0, 6, ...).
 *
 * @example
 * ```ts
 * optionRangeError('difficulty', 'an integer from 1 to 5', 6).message;
 * // "[@dl/questions] Invalid option 'difficulty': expected an integer from 1 to 5, got 6."
 * ```
 */
export function optionRangeError(field: string, expected: string, value: unknown): RangeError {
  return new RangeError(message(field, expected, value));
}

const quoted = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

function parseEnumList<T extends string>(value: unknown, field: string, allowed: readonly T[]): readonly T[] | undefined {
  if (value === undefined) return undefined;
  const expected = `one of ${quoted(allowed)} (or an array of them)`;
  const list: readonly unknown[] = Array.isArray(value) ? value : [value];
  for (const item of list) {
    if (typeof item !== 'string') throw optionTypeError(field, expected, value);
    if (!(allowed as readonly string[]).includes(item)) throw optionRangeError(field, expected, item);
  }
  return list as readonly T[];
}

/**
 * Validates a `topic` option: a topic or an array of topics.
 *
 * @throws TypeError for a non-string, RangeError for an unknown topic.
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
 * @throws TypeError for a non-string, RangeError for an unknown kind.
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
 * @throws TypeError for a non-string, RangeError for anything but the allowed languages.
 * @example
 * ```ts
 * parseLang('zh', 'lang', ['zh', 'en']); // 'zh'
 * ```
 */
export function parseLang<T extends string = Lang>(value: unknown, field = 'lang', allowed: readonly T[] = ['zh', 'en'] as unknown as readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const expected = `one of ${quoted(allowed)}`;
  if (typeof value !== 'string') throw optionTypeError(field, expected, value);
  if (!(allowed as readonly string[]).includes(value)) throw optionRangeError(field, expected, value);
  return value as T;
}

const isDifficulty = (value: unknown): value is Difficulty => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5;

/**
 * Validates a `difficulty` option: an integer 1..5 or `{ min, max }` with bounds in 1..5.
 *
 * @throws TypeError for a wrong type, RangeError for a bound outside 1..5 or `min > max`.
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
    if (!isDifficulty(value)) throw optionRangeError(field, expected, value);
    return { min: value, max: value };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw optionTypeError(field, expected, value);
  const { min = 1, max = 5 } = value as { min?: unknown; max?: unknown };
  if (typeof min !== 'number') throw optionTypeError(`${field}.min`, 'an integer from 1 to 5', min);
  if (typeof max !== 'number') throw optionTypeError(`${field}.max`, 'an integer from 1 to 5', max);
  if (!isDifficulty(min)) throw optionRangeError(`${field}.min`, 'an integer from 1 to 5', min);
  if (!isDifficulty(max)) throw optionRangeError(`${field}.max`, 'an integer from 1 to 5', max);
  if (min > max) throw optionRangeError(field, 'min <= max', value);
  return { min, max };
}

/**
 * Validates a `tags` option: a tag or an array of tags (strings).
 *
 * @throws TypeError when a tag is not a string.
 * @example
 * ```ts
 * parseTags('softmax'); // ['softmax']
 * ```
 */
export function parseTags(value: unknown, field = 'tags'): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const list: readonly unknown[] = Array.isArray(value) ? value : [value];
  if (!list.every((tag) => typeof tag === 'string')) throw optionTypeError(field, 'a string or an array of strings', value);
  return list as readonly string[];
}

/**
 * Validates an optional positive integer option such as `count` or `limit`.
 *
 * @param allowInfinity - accept `Infinity` (meaning "no limit").
 * @throws TypeError for a non-number, RangeError for a number that is not an integer >= 1.
 * @example
 * ```ts
 * parsePositiveInteger(5, 'count'); // 5
 * parsePositiveInteger(0, 'count'); // throws RangeError
 * ```
 */
export function parsePositiveInteger(value: unknown, field: string, allowInfinity = false): number | undefined {
  if (value === undefined) return undefined;
  const expected = allowInfinity ? 'an integer >= 1 or Infinity' : 'an integer >= 1';
  if (typeof value !== 'number') throw optionTypeError(field, expected, value);
  if (allowInfinity && value === Number.POSITIVE_INFINITY) return value;
  if (!Number.isInteger(value) || value < 1) throw optionRangeError(field, expected, value);
  return value;
}

/**
 * Throws when `options` is not a plain options object or names an option that does not exist,
 * so that `createQuiz('rnn')` or a misspelled `{ topics: 'rnn' }` fails instead of being ignored.
 *
 * @example
 * ```ts
 * assertOptions({ topic: 'rnn' }, 'createQuiz', ['topic', 'count']); // ok
 * assertOptions({ topics: 'rnn' }, 'createQuiz', ['topic', 'count']); // throws TypeError
 * ```
 */
export function assertOptions(options: unknown, fn: string, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${PREFIX} ${fn}(options): expected an options object, got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${PREFIX} Invalid option '${key}': ${fn}() has no such option (allowed: ${allowed.join(', ')}).`);
    }
  }
}
