import { questions } from './bank.js';
import {
  assertOptions,
  optionError,
  parseDifficulty,
  parseKinds,
  parseTags,
  parseTopics,
  type DifficultyFilter,
  type OneOrMany,
} from './options.js';
import type { Question, QuestionKind, Topic } from './schema.js';

/** What {@link filterQuestions} keeps. Every field is optional; all given fields must match. */
export interface QuestionFilter {
  /** A topic, or several (any of them matches). */
  readonly topic?: OneOrMany<Topic>;
  /** A question kind, or several (any of them matches). */
  readonly kind?: OneOrMany<QuestionKind>;
  /** A difficulty (`3`) or an inclusive range (`{ min: 2, max: 4 }`). */
  readonly difficulty?: DifficultyFilter;
  /** Tags that must all be present on the question. */
  readonly tags?: OneOrMany<string>;
}

const filterKeys = ['topic', 'kind', 'difficulty', 'tags'] as const;

/**
 * Validates a filter once and returns a predicate; shared by filtering and quizzes.
 *
 * @param fn - the public function's name, for error messages.
 * @param allowedKeys - option names the caller accepts (a quiz accepts `count`, `seed`, ... too).
 *
 * @throws `ConfigError` naming the bad field.
 * @example
 * ```ts
 * const isHardRnn = compileFilter({ topic: 'rnn', difficulty: { min: 4 } });
 * questions.filter(isHardRnn);
 * ```
 */
export function compileFilter(
  filter: QuestionFilter,
  fn = 'filterQuestions',
  allowedKeys: readonly string[] = filterKeys,
): (question: Question) => boolean {
  assertOptions(filter, fn, allowedKeys);
  const topicList = parseTopics(filter.topic);
  const kindList = parseKinds(filter.kind);
  const bounds = parseDifficulty(filter.difficulty);
  const tagList = parseTags(filter.tags);
  return (question) =>
    (topicList === undefined || topicList.includes(question.topic)) &&
    (kindList === undefined || kindList.includes(question.kind)) &&
    (bounds === undefined || (question.difficulty >= bounds.min && question.difficulty <= bounds.max)) &&
    (tagList === undefined || tagList.every((tag) => question.tags.includes(tag)));
}

/**
 * The questions that match every given field of `filter`, in their original order.
 *
 * @param filter.topic - a topic or an array of topics.
 * @param filter.kind - a kind or an array of kinds.
 * @param filter.difficulty - `3`, or `{ min, max }` (inclusive, either bound optional).
 * @param filter.tags - tags that must all be present.
 * @param from - the list to filter; the whole bank by default.
 * @returns a new array.
 * @throws `ConfigError` (from `@dl/errors`; message starting with `[@dl/questions]`) for an unknown
 *   topic or kind, a difficulty outside 1..5, or an option that does not exist.
 * @example
 * ```ts
 * import { filterQuestions } from '@dl/questions';
 * filterQuestions({ topic: ['rnn', 'cnn'], kind: 'derivation', difficulty: { min: 3 } });
 * // [{ id: 'rnn-bptt-jacobian-product', topic: 'rnn', kind: 'derivation', difficulty: 4, ... }, ...]
 * filterQuestions({ tags: ['softmax', 'numerical-stability'] });
 * ```
 */
export function filterQuestions(filter: QuestionFilter = {}, from: readonly Question[] = questions): Question[] {
  return from.filter(compileFilter(filter));
}

const idMaps = new WeakMap<readonly Question[], Map<string, Question>>();

/**
 * The question with this id, or `undefined`.
 *
 * @param id - a question id such as `attn-softmax-derivative`.
 * @param from - the list to look in; the whole bank by default.
 * @example
 * ```ts
 * import { getQuestion } from '@dl/questions';
 * getQuestion('attn-softmax-derivative')?.prompt.en; // 'How do you compute the derivative of the softmax function?'
 * getQuestion('no-such-question'); // undefined
 * ```
 */
export function getQuestion(id: string, from: readonly Question[] = questions): Question | undefined {
  if (typeof id !== 'string') throw optionError('id', 'a string', id);
  let byId = idMaps.get(from);
  if (byId === undefined) {
    byId = new Map();
    // The first occurrence wins, matching Array.prototype.find on a list with duplicate ids.
    for (const question of from) if (!byId.has(question.id)) byId.set(question.id, question);
    idMaps.set(from, byId);
  }
  return byId.get(id);
}
