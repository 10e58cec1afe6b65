import { parseOptions } from '@dl/errors';
import * as v from 'valibot';
import { invalidInput, isArrayOrTypedArray } from './invalid-input.js';
import { compileTokenizer, TokenizeOptionsSchema, toTokenizerSettings, type TokenizerSettings } from './tokenize.js';

/** The saved form of a {@link Vocabulary}: plain JSON, written by `toJSON`, read by `Vocabulary.fromJSON`. */
export interface VocabularyJSON {
  /** Always `'dl-vocabulary'`. */
  readonly format: 'dl-vocabulary';
  /** Format version, `1`. */
  readonly version: 1;
  /** Token of each index: padding at 0, out-of-vocabulary at 1, then words. */
  readonly tokens: readonly string[];
  /** Corpus occurrences that encode to each index (see {@link Vocabulary.counts}). */
  readonly counts: readonly number[];
  /** Tokenizer used for training texts and by `encode` on strings, with every default filled in. */
  readonly tokenizer: TokenizerSettings;
}

const JsonSchema = v.strictObject({
  format: v.literal('dl-vocabulary'),
  version: v.literal(1),
  tokens: v.pipe(v.array(v.string()), v.minLength(2, 'at least the padding and out-of-vocabulary tokens')),
  counts: v.array(v.pipe(v.number(), v.integer(), v.minValue(0))),
  tokenizer: TokenizeOptionsSchema,
});

/**
 * A token <-> index mapping for text models, with index 0 reserved for padding and index 1 for
 * out-of-vocabulary tokens (Keras's `Tokenizer(oov_token=...)` layout). Made by
 * {@link buildVocabulary} or {@link Vocabulary.fromJSON}; immutable.
 *
 * @example
 * ```ts
 * import { buildVocabulary, Vocabulary } from '@dl/data';
 * const vocabulary = buildVocabulary(['the cat sat', 'the dog']);
 * vocabulary.tokens; // ['<pad>', '<unk>', 'the', 'cat', 'sat', 'dog']
 * vocabulary.encode('The bird sat'); // [2, 1, 4]
 * vocabulary.decode([0, 0, 2, 3]); // ['the', 'cat']
 * const copy = Vocabulary.fromJSON(JSON.parse(JSON.stringify(vocabulary)));
 * copy.encode('the dog'); // [2, 5]
 * ```
 */
export class Vocabulary {
  /** Index of the padding token: `0`. */
  static readonly paddingIndex = 0;
  /** Index of the out-of-vocabulary token: `1`. */
  static readonly oovIndex = 1;

  /** Number of indices, including the two reserved ones; ids run from `0` to `size - 1`. */
  readonly size: number;
  /** Token of each index: `tokens[0]` is the padding token, `tokens[1]` the out-of-vocabulary token. */
  readonly tokens: readonly string[];
  /**
   * Corpus occurrences that encode to each index, aligned with `tokens`: `counts[i]` for a word is
   * its frequency; `counts[1]` counts every occurrence that became out-of-vocabulary (words cut by
   * `maxSize` or `minCount`, and the OOV token itself); `counts[0]` counts literal padding tokens
   * (normally 0). They sum to the number of tokens in the corpus.
   */
  readonly counts: readonly number[];
  /** Tokenizer settings that `encode` applies to strings, the same used to build the vocabulary. */
  readonly tokenizer: Readonly<TokenizerSettings>;

  readonly #index: ReadonlyMap<string, number>;
  readonly #tokenizeText: (text: string) => string[];

  private constructor(tokens: readonly string[], counts: readonly number[], tokenizer: TokenizerSettings) {
    this.tokens = Object.freeze([...tokens]);
    this.counts = Object.freeze([...counts]);
    this.tokenizer = Object.freeze({ ...tokenizer });
    this.size = tokens.length;
    this.#index = new Map(tokens.map((token, index) => [token, index]));
    this.#tokenizeText = compileTokenizer(tokenizer);
  }

  /** The padding token, at index 0 (`'<pad>'` unless chosen otherwise). */
  get paddingToken(): string {
    return this.tokens[Vocabulary.paddingIndex] as string;
  }

  /** The out-of-vocabulary token, at index 1 (`'<unk>'` unless chosen otherwise). */
  get oovToken(): string {
    return this.tokens[Vocabulary.oovIndex] as string;
  }

  /**
   * Rebuilds a vocabulary saved with `toJSON` (after `JSON.parse`); `fromJSON(v.toJSON())`
   * equals `v` exactly: same tokens, indices, counts and tokenizer.
   *
   * @param json - a {@link VocabularyJSON} object.
   * @returns the vocabulary.
   * @throws `ConfigError` (from `@dl/errors`, also exported by `@dl/core`; message `[@dl/data] ...`) naming the bad
   * field: not an object, a missing field (`Missing field 'format' of the vocabulary JSON: it is required ...`), wrong
   * format or version, fewer than 2 tokens, a duplicate token, counts not one non-negative integer per token, or
   * invalid tokenizer settings.
   * @example
   * ```ts
   * import { writeFileSync, readFileSync } from 'node:fs';
   * import { Vocabulary } from '@dl/data';
   * writeFileSync('model/vocabulary.json', JSON.stringify(vocabulary));
   * const restored = Vocabulary.fromJSON(JSON.parse(readFileSync('model/vocabulary.json', 'utf8')));
   * restored.encode('hello world'); // same ids as vocabulary.encode('hello world')
   * ```
   */
  static fromJSON(json: unknown): Vocabulary {
    const subject = 'vocabulary JSON';
    if (typeof json !== 'object' || json === null) throw invalidInput('', json, 'an object written by Vocabulary.toJSON', { subject });
    const parsed = parseOptions(JsonSchema, json, { package: 'data', subject });
    const seen = new Map<string, number>();
    parsed.tokens.forEach((token, index) => {
      const first = seen.get(token);
      if (first !== undefined) throw invalidInput(`tokens.${index}`, token, `a token not already at index ${first}`, { subject });
      seen.set(token, index);
    });
    if (parsed.counts.length !== parsed.tokens.length) {
      const expected = `${parsed.tokens.length} counts, one per token`;
      throw invalidInput('counts', parsed.counts, expected, { subject, related: { tokens: parsed.tokens } });
    }
    return new Vocabulary(parsed.tokens, parsed.counts, toTokenizerSettings(parsed.tokenizer));
  }

  /**
   * Index of `token`: its own index when in the vocabulary (`0` for the padding token), else `1`.
   *
   * @example
   * ```ts
   * vocabulary.indexOf('the'); // 2
   * vocabulary.indexOf('never-seen'); // 1
   * ```
   */
  indexOf(token: string): number {
    return this.#index.get(token) ?? Vocabulary.oovIndex;
  }

  /**
   * True when `token` has its own index (the two reserved tokens included).
   *
   * @example
   * ```ts
   * vocabulary.has('the'); // true
   * vocabulary.has('never-seen'); // false
   * ```
   */
  has(token: string): boolean {
    return this.#index.has(token);
  }

  /**
   * Token at `index`, or `undefined` when `index` is not an integer in `[0, size)`.
   *
   * @example
   * ```ts
   * vocabulary.tokenAt(0); // '<pad>'
   * vocabulary.tokenAt(2); // 'the'
   * vocabulary.tokenAt(999); // undefined
   * ```
   */
  tokenAt(index: number): string | undefined {
    return Number.isInteger(index) ? this.tokens[index] : undefined;
  }

  /**
   * Maps a text or a token list to ids. A string is first split with this vocabulary's
   * `tokenizer` settings (the ones it was built with); a token list is used as it is. Unknown
   * tokens become `1`. The result has no padding: give rows to {@link padSequences}.
   *
   * @param input - a text, or tokens.
   * @returns one id per token.
   * @throws `ConfigError` (from `@dl/errors`, also exported by `@dl/core`; message `[@dl/data] ...`) when `input` is neither
   *   a string nor an array of strings.
   * @example
   * ```ts
   * vocabulary.encode('The cat, the DOG!'); // [2, 3, 2, 5]
   * vocabulary.encode(['the', 'Cat']); // [2, 1]: token lists are not lower-cased
   * ```
   */
  encode(input: string | readonly string[]): number[] {
    if (typeof input === 'string') return this.#tokenizeText(input).map((token) => this.indexOf(token));
    if (!Array.isArray(input)) throw invalidInput('input', input, 'a string or an array of strings');
    return input.map((token: unknown, position) => {
      if (typeof token !== 'string') throw invalidInput(`input.${position}`, token, 'a string');
      return this.indexOf(token);
    });
  }

  /**
   * Maps ids back to tokens, skipping padding (`0`), so a padded row decodes to its tokens.
   * Out-of-vocabulary ids give the OOV token.
   *
   * @param ids - integers in `[0, size)`: an array or a typed array (`tensor.dataSync()`).
   * @returns the tokens, padding left out.
   * @throws `ConfigError` (from `@dl/errors`, also exported by `@dl/core`; message `[@dl/data] ...`) naming the first id that
   *   is not an integer in `[0, size)`.
   * @example
   * ```ts
   * vocabulary.decode([0, 0, 2, 1, 4]); // ['the', '<unk>', 'sat']
   * vocabulary.decode(new Int32Array([3, 4])); // ['cat', 'sat']
   * ```
   */
  decode(ids: ArrayLike<number>): string[] {
    if (!isArrayOrTypedArray(ids)) throw invalidInput('ids', ids, 'an array of integer ids');
    const tokens: string[] = [];
    for (let position = 0; position < ids.length; position++) {
      const id = ids[position] as unknown;
      const token = typeof id === 'number' ? this.tokenAt(id) : undefined;
      if (token === undefined) throw invalidInput(`ids.${position}`, id, `an integer in [0, ${this.size - 1}]`);
      if (id !== Vocabulary.paddingIndex) tokens.push(token);
    }
    return tokens;
  }

  /**
   * The vocabulary as plain JSON (also what `JSON.stringify(vocabulary)` writes), to save beside a
   * trained model and read back with {@link Vocabulary.fromJSON}.
   *
   * @example
   * ```ts
   * vocabulary.toJSON();
   * // { format: 'dl-vocabulary', version: 1, tokens: ['<pad>', '<unk>', 'the', ...],
   * //   counts: [0, 0, 2, ...], tokenizer: { lower: true, filters: '!"#$%&...', split: ' ' } }
   * ```
   */
  toJSON(): VocabularyJSON {
    return {
      format: 'dl-vocabulary',
      version: 1,
      tokens: [...this.tokens],
      counts: [...this.counts],
      tokenizer: { ...this.tokenizer },
    };
  }
}
