import { questions } from '../bank.js';
import { assertOptions, optionError, parseLang, parsePositiveInteger, parseTopics, type OneOrMany } from '../options.js';
import type { Question, Topic } from '../schema.js';
import { buildIndex, scoreAll, type Bm25Index, type WeightedFields } from './bm25.js';
import { tokenize } from './tokenize.js';

/** Which language's text a search looks at. */
export type SearchLang = 'zh' | 'en' | 'both';

/** Options of {@link searchQuestions}. */
export interface SearchOptions {
  /** Search the Chinese text, the English text, or both (default `'both'`). */
  readonly lang?: SearchLang;
  /** Most results to return (default 10; `Infinity` for all). */
  readonly limit?: number;
  /** Only questions of this topic (or these topics). */
  readonly topic?: OneOrMany<Topic>;
}

/** One hit of {@link searchQuestions}. */
export interface SearchResult {
  /** The matching question. */
  readonly question: Question;
  /** BM25 relevance; larger is better. Only meaningful relative to other results of the same search. */
  readonly score: number;
}

/**
 * The search defaults, exported so that documentation and the CLI agree with the code.
 *
 * @example
 * ```ts
 * import { searchQuestions, DEFAULT_SEARCH_LIMIT } from '@dl/questions';
 * searchQuestions('softmax').length <= DEFAULT_SEARCH_LIMIT; // true (10)
 * ```
 */
export const DEFAULT_SEARCH_LIMIT = 10;

const searchLangs: readonly SearchLang[] = ['zh', 'en', 'both'];
const searchKeys = ['lang', 'limit', 'topic'] as const;

/** The prompt says what the question is about, so it counts most; tags and subtopic are curated keywords. */
const FIELD_WEIGHTS = { prompt: 3, tags: 2, subtopic: 2, short: 1 } as const;

const indexes = new WeakMap<readonly Question[], Partial<Record<SearchLang, Bm25Index>>>();

function fieldsOf(question: Question, lang: SearchLang): WeightedFields {
  const langs = lang === 'both' ? (['zh', 'en'] as const) : ([lang] as const);
  // Intl.Segmenter splits kebab-case at the hyphens, so `self-attention` indexes as two words.
  return [
    ...langs.map((l) => ({ tokens: tokenize(question.prompt[l]), weight: FIELD_WEIGHTS.prompt })),
    ...langs.map((l) => ({ tokens: tokenize(question.answer.short[l]), weight: FIELD_WEIGHTS.short })),
    { tokens: tokenize(question.tags.join(' ')), weight: FIELD_WEIGHTS.tags },
    { tokens: tokenize(question.subtopic), weight: FIELD_WEIGHTS.subtopic },
  ];
}

function indexFor(from: readonly Question[], lang: SearchLang): Bm25Index {
  let byLang = indexes.get(from);
  if (byLang === undefined) {
    byLang = {};
    indexes.set(from, byLang);
  }
  byLang[lang] ??= buildIndex(from.map((question) => fieldsOf(question, lang)));
  return byLang[lang];
}

/**
 * Full-text search over prompts, short answers, tags and subtopics, in Chinese and English.
 *
 * Chinese needs no spaces: text is segmented with `Intl.Segmenter` and also indexed as
 * character bigrams, so `注意力` or `softmax 导数` find the right questions. English is
 * case-insensitive. Results are ranked with BM25 (prompt weighted 3, tags and subtopic 2,
 * short answer 1). The index is built on first use, once per list and language, and kept
 * while the list lives: do not mutate a list after searching it.
 *
 * @param query - words in either language; an empty query returns `[]`.
 * @param options.lang - `'zh'`, `'en'` or `'both'` (default).
 * @param options.limit - most results (default 10).
 * @param options.topic - restrict to a topic or topics.
 * @param from - the list to search; the whole bank by default.
 * @returns hits with `score > 0`, best first; ties keep bank order.
 * @throws `ConfigError` (from `@dl/errors`; message starting with `[@dl/questions]`) for a bad option.
 * @example
 * ```ts
 * import { searchQuestions } from '@dl/questions';
 * const [best] = searchQuestions('softmax 导数');
 * best?.question.id; // 'attn-softmax-derivative'
 * best?.score; // 10.98 (relative to the other hits only)
 * searchQuestions('forget gate', { lang: 'en', topic: 'rnn', limit: 3 });
 * ```
 */
export function searchQuestions(query: string, options: SearchOptions = {}, from: readonly Question[] = questions): SearchResult[] {
  if (typeof query !== 'string') throw optionError('query', 'a string', query);
  assertOptions(options, 'searchQuestions', searchKeys);
  const lang = parseLang(options.lang, 'lang', searchLangs) ?? 'both';
  const limit = parsePositiveInteger(options.limit, 'limit', true) ?? DEFAULT_SEARCH_LIMIT;
  const topicList = parseTopics(options.topic);
  const queryTokens = tokenize(query);
  if (queryTokens.length === 0 || from.length === 0) return [];
  const scores = scoreAll(indexFor(from, lang), queryTokens);
  const results: SearchResult[] = [];
  from.forEach((question, i) => {
    const score = scores[i] ?? 0;
    if (score > 0 && (topicList === undefined || topicList.includes(question.topic))) results.push({ question, score });
  });
  // Array.prototype.sort is stable, so equal scores keep bank order.
  results.sort((a, b) => b.score - a.score);
  return results.slice(0, limit);
}
