import { parseOptions } from '@dl/errors';
import * as v from 'valibot';
import { invalidInput } from './invalid-input.js';

/**
 * The characters Keras's `Tokenizer` and `text_to_word_sequence` remove by default:
 * ASCII punctuation except the apostrophe, plus tab and newline.
 *
 * @example
 * ```ts
 * import { defaultFilters } from '@dl/data';
 * defaultFilters; // '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'
 * tokenize("don't stop", { filters: defaultFilters.replace('-', '') }); // keeps hyphens
 * ```
 */
export const defaultFilters = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n';

/** Options of {@link tokenize}; the same object configures {@link buildVocabulary}'s tokenizer. */
export interface TokenizeOptions {
  /** Lower-case the text first (`String.prototype.toLowerCase`, locale-independent). Default `true`. */
  readonly lower?: boolean;
  /**
   * Characters replaced by `split` before splitting; each Unicode code point of the string is one
   * filter. Default {@link defaultFilters} (Keras's set). `''` removes nothing.
   */
  readonly filters?: string;
  /**
   * Token separator. Default `' '`, which splits on runs of any whitespace (`/\s+/u`: spaces,
   * tabs, `\r`, `\n`, no-break and other Unicode spaces). Any other string splits exactly on that
   * string, as Keras does. Must not be empty.
   */
  readonly split?: string;
  /**
   * Drop tokens longer than this many Unicode code points (emails carry base64 and URL junk that
   * would otherwise fill a vocabulary). Default: keep every token.
   */
  readonly maxTokenLength?: number;
}

/** {@link TokenizeOptions} with every default filled in, as stored in a {@link Vocabulary}. */
export interface TokenizerSettings {
  /** Lower-case before splitting. */
  readonly lower: boolean;
  /** Characters replaced by `split`. */
  readonly filters: string;
  /** Token separator; `' '` means any whitespace. */
  readonly split: string;
  /** Longest token kept, in code points; absent when there is no limit. */
  readonly maxTokenLength?: number;
}

/** valibot schema of {@link TokenizeOptions}; defaults filled in. */
export const TokenizeOptionsSchema = v.strictObject({
  lower: v.optional(v.boolean(), true),
  filters: v.optional(v.string(), defaultFilters),
  split: v.optional(v.pipe(v.string(), v.minLength(1, 'a non-empty string')), ' '),
  maxTokenLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

/** Settings from options parsed by {@link TokenizeOptionsSchema}; `maxTokenLength` omitted when unset. */
export function toTokenizerSettings(parsed: v.InferOutput<typeof TokenizeOptionsSchema>): TokenizerSettings {
  const settings = { lower: parsed.lower, filters: parsed.filters, split: parsed.split };
  return parsed.maxTokenLength === undefined ? settings : { ...settings, maxTokenLength: parsed.maxTokenLength };
}

/** Compiles settings once into a function that tokenizes one text (no validation of `text`). */
export function compileTokenizer(settings: TokenizerSettings): (text: string) => string[] {
  const { lower, split, maxTokenLength } = settings;
  // Every filter written as a \u{...} escape, so no character can break the class syntax.
  const codePoints = [...new Set(settings.filters)].map((c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
  const filterPattern = codePoints.length === 0 ? undefined : new RegExp(`[${codePoints.join('')}]`, 'gu');
  const splitOn: string | RegExp = split === ' ' ? /\s+/u : split;
  return (text) => {
    let current = lower ? text.toLowerCase() : text;
    if (filterPattern !== undefined) current = current.replace(filterPattern, split);
    const tokens: string[] = [];
    for (const piece of current.split(splitOn)) {
      if (piece === '') continue;
      if (maxTokenLength !== undefined && piece.length > maxTokenLength && codePointLength(piece) > maxTokenLength) continue;
      tokens.push(piece);
    }
    return tokens;
  };
}

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/**
 * Splits a text into word tokens the way Keras's `Tokenizer` (`text_to_word_sequence`) does:
 *
 * 1. lower-case the text (when `lower`);
 * 2. replace every character of `filters` by `split`;
 * 3. split on `split` and drop empty pieces;
 * 4. drop tokens longer than `maxTokenLength` code points (when set).
 *
 * With the default `split: ' '` step 3 splits on any run of whitespace, so `\r\n` line ends and
 * no-break spaces separate tokens; Keras would keep a `\r` or a no-break space inside a token.
 * On text whose only whitespace is spaces, tabs and newlines the result equals Keras's.
 * Letters, digits and symbols of every script that are not in `filters` stay in the tokens.
 *
 * @param text - the text to split.
 * @param options - see {@link TokenizeOptions}.
 * @param options.lower - lower-case first; default `true`.
 * @param options.filters - characters replaced by `split`; default {@link defaultFilters}.
 * @param options.split - separator; default `' '` (any whitespace).
 * @param options.maxTokenLength - drop longer tokens (code points); default: no limit.
 * @returns the tokens in text order.
 * @throws `ConfigError` (from `@dl/errors`, also exported by `@dl/core`; message `[@dl/data] ...`) when `text` is not a
 *   string or an option is invalid.
 * @example
 * ```ts
 * import { tokenize } from '@dl/data';
 * tokenize('Hello, World! It\'s 2024.'); // ['hello', 'world', "it's", '2024']
 * tokenize('Grüße aus Köln — Привет'); // ['grüße', 'aus', 'köln', '—', 'привет']
 * tokenize('a,b;c', { filters: ';', split: ',' }); // ['a', 'b', 'c']
 * tokenize('see aGVsbG8gd29ybGQ= now', { maxTokenLength: 8 }); // ['see', 'now']
 * ```
 */
export function tokenize(text: string, options?: TokenizeOptions): string[] {
  if (typeof text !== 'string') throw invalidInput('text', text, 'a string');
  return compileTokenizer(toTokenizerSettings(parseOptions(TokenizeOptionsSchema, options, { package: 'data' })))(text);
}
