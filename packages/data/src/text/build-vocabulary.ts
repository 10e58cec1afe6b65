import { parseOptions } from '@dl/errors';
import * as v from 'valibot';
import { invalidInput } from './invalid-input.js';
import { compileTokenizer, TokenizeOptionsSchema, toTokenizerSettings, type TokenizeOptions } from './tokenize.js';
import { Vocabulary } from './vocabulary.js';

/** Options of {@link buildVocabulary}. */
export interface BuildVocabularyOptions {
  /**
   * Largest `size` of the vocabulary, the 2 reserved indices included (Keras's `num_words`
   * counts the same way), so at most `maxSize - 2` words. Default: every word.
   */
  readonly maxSize?: number;
  /** Words seen fewer times than this become out-of-vocabulary. Default `1` (keep all). */
  readonly minCount?: number;
  /** Token of index 1, for words not in the vocabulary. Default `'<unk>'`. */
  readonly oovToken?: string;
  /** Token of index 0, the padding id. Default `'<pad>'`. */
  readonly paddingToken?: string;
  /** How texts are split; stored in the vocabulary and used again by `encode`. Default: {@link tokenize}'s defaults. */
  readonly tokenizer?: TokenizeOptions;
}

const OptionsSchema = v.pipe(
  v.strictObject({
    maxSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2))),
    minCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
    oovToken: v.optional(v.string(), '<unk>'),
    paddingToken: v.optional(v.string(), '<pad>'),
    tokenizer: v.optional(TokenizeOptionsSchema, {}),
  }),
  v.forward(
    v.check((options) => options.oovToken !== options.paddingToken, 'a token different from paddingToken'),
    ['oovToken'],
  ),
);

/**
 * Builds a {@link Vocabulary} from a corpus of texts or token lists.
 *
 * Indices: `0` is the padding token, `1` the out-of-vocabulary token, then words by descending
 * frequency; words with equal counts keep the order in which they first appear in the corpus.
 * The result depends only on the corpus and options: the same input always gives the same
 * indices (Keras's `Tokenizer.fit_on_texts` orders `word_index` the same way). Words below
 * `minCount`, and those past `maxSize`, are left out and encode to `1`. Unlike Keras's
 * `num_words`, `maxSize` also shortens `tokens`, so a saved vocabulary holds only the words used.
 *
 * Occurrences of the reserved tokens themselves in token lists are not words: they map to their
 * reserved index (texts rarely produce them: the default filters split `<unk>` into `unk`).
 *
 * @param corpus - texts (split with `options.tokenizer`) or token lists (used as they are),
 *   mixed freely: an array or any iterable, such as a generator over files.
 * @param options - see {@link BuildVocabularyOptions}.
 * @param options.maxSize - largest size, reserved indices included; default: no limit.
 * @param options.minCount - smallest count of a kept word; default `1`.
 * @param options.oovToken - token of index 1; default `'<unk>'`.
 * @param options.paddingToken - token of index 0; default `'<pad>'`.
 * @param options.tokenizer - {@link TokenizeOptions} for texts; default Keras's.
 * @returns the vocabulary.
 * @throws `ConfigError` (from `@dl/errors`, also exported by `@dl/core`; message `[@dl/data] ...`) naming the option, or
 *   the corpus entry (`corpus.3`) that is neither a string nor an array of strings.
 * @example
 * ```ts
 * import { buildVocabulary, padSequences } from '@dl/data';
 * const texts = ['Free money, click now!', 'Lunch at noon?', 'Click for free money'];
 * const vocabulary = buildVocabulary(texts, { maxSize: 6 });
 * vocabulary.tokens; // ['<pad>', '<unk>', 'free', 'money', 'click', 'now']
 * vocabulary.counts; // [0, 4, 2, 2, 2, 1]: 'lunch', 'at', 'noon', 'for' became <unk>
 * padSequences(texts.map((text) => vocabulary.encode(text)), { maxLength: 4 });
 * // [[2, 3, 4, 5], [0, 1, 1, 1], [4, 1, 2, 3]]
 * ```
 */
export function buildVocabulary(
  corpus: Iterable<string | readonly string[]>,
  options?: BuildVocabularyOptions,
): Vocabulary {
  const parsed = parseOptions(OptionsSchema, options, { package: 'data' });
  if (typeof corpus === 'string' || !isIterable(corpus)) {
    throw invalidInput('corpus', corpus, 'an array (or iterable) of texts or token lists');
  }
  const tokenizer = toTokenizerSettings(parsed.tokenizer);
  const tokenizeText = compileTokenizer(tokenizer);
  const wordCounts = new Map<string, number>();
  let paddingCount = 0;
  let oovCount = 0;
  let position = 0;
  for (const entry of corpus as Iterable<unknown>) {
    const tokens = tokensOf(entry, position, tokenizeText);
    for (const token of tokens) {
      if (token === parsed.paddingToken) paddingCount++;
      else if (token === parsed.oovToken) oovCount++;
      else wordCounts.set(token, (wordCounts.get(token) ?? 0) + 1);
    }
    position++;
  }

  // Array.prototype.sort is stable, so equal counts keep first-appearance (Map insertion) order.
  const ranked = [...wordCounts].sort((a, b) => b[1] - a[1]);
  const limit = parsed.maxSize === undefined ? Infinity : parsed.maxSize - 2;
  const tokens = [parsed.paddingToken, parsed.oovToken];
  const counts = [paddingCount, oovCount];
  for (const [word, count] of ranked) {
    if (count >= parsed.minCount && tokens.length - 2 < limit) {
      tokens.push(word);
      counts.push(count);
    } else {
      counts[1] = (counts[1] ?? 0) + count;
    }
  }
  return Vocabulary.fromJSON({ format: 'dl-vocabulary', version: 1, tokens, counts, tokenizer });
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Record<symbol, unknown>)[Symbol.iterator] === 'function';
}

function tokensOf(entry: unknown, position: number, tokenizeText: (text: string) => string[]): readonly string[] {
  if (typeof entry === 'string') return tokenizeText(entry);
  if (!Array.isArray(entry)) throw invalidInput(`corpus.${position}`, entry, 'a text (string) or a token list (array of strings)');
  entry.forEach((token: unknown, index) => {
    if (typeof token !== 'string') throw invalidInput(`corpus.${position}.${index}`, token, 'a string token');
  });
  return entry as readonly string[];
}
