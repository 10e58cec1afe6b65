import { questions } from './bank.js';
import { compileFilter, type QuestionFilter } from './filter.js';
import { optionError, parseLang, parsePositiveInteger } from './options.js';
import { mulberry32, seedToUint32, shuffled } from './random.js';
import type { Lang, Question } from './schema.js';

/** Options of {@link createQuiz}: a {@link QuestionFilter} plus how many, which order, which language. */
export interface QuizOptions extends QuestionFilter {
  /** How many questions (default 5); fewer when fewer match. */
  readonly count?: number;
  /** Same seed and same bank give the same questions in the same order. Random when omitted. */
  readonly seed?: number | string;
  /** The language the quiz is meant to be shown in (default `'en'`); recorded on the quiz for renderers. */
  readonly lang?: Lang;
}

/** Progress of a quiz. */
export interface QuizScore {
  /** Questions graded as answered correctly. */
  readonly correct: number;
  /** Questions graded at all. */
  readonly answered: number;
  /** Questions in the quiz. */
  readonly total: number;
}

/** A fixed, ordered selection of questions with self-grading. */
export interface Quiz {
  /** The 32-bit seed actually used; pass it back as `seed` to get the same quiz again. */
  readonly seed: number;
  /** The language the quiz is meant to be shown in. */
  readonly lang: Lang;
  /** The selected questions, in quiz order. */
  readonly questions: readonly Question[];
  /**
   * Records whether the question at `index` was answered correctly; grading again overwrites.
   * @throws `ConfigError` (from `@dl/errors`) when `index` is not an index of `questions` or `correct` not a boolean.
   */
  grade(index: number, correct: boolean): void;
  /** Correct, answered and total counts so far. */
  score(): QuizScore;
}

/**
 * Questions in a quiz when `count` is not given (the CLI's default too).
 *
 * @example
 * ```ts
 * import { createQuiz, DEFAULT_QUIZ_COUNT } from '@dl/questions';
 * createQuiz({ seed: 1 }).questions.length === DEFAULT_QUIZ_COUNT; // true (5)
 * ```
 */
export const DEFAULT_QUIZ_COUNT = 5;

const quizKeys = ['topic', 'kind', 'difficulty', 'tags', 'count', 'seed', 'lang'] as const;

/**
 * Draws a reproducible quiz: filters the bank, shuffles it with a seeded PRNG (mulberry32 +
 * Fisher-Yates) and keeps the first `count` questions.
 *
 * @param options.topic - a topic or topics (default: all).
 * @param options.kind - a kind or kinds (default: all).
 * @param options.difficulty - `3` or `{ min, max }` within 1..5 (default: all).
 * @param options.tags - tags that must all be present.
 * @param options.count - number of questions, an integer >= 1 (default 5).
 * @param options.seed - a number or string; omitted means a random seed (see `quiz.seed`).
 * @param options.lang - `'en'` (default) or `'zh'`.
 * @param from - the list to draw from; the whole bank by default.
 * @returns a {@link Quiz}; `quiz.questions` is empty when nothing matches.
 * @throws `ConfigError` (from `@dl/errors`, the class `@dl/core` exports too) whose message starts
 *   with `[@dl/questions]` and names the field and what is allowed: unknown topic or kind,
 *   `count < 1`, difficulty outside 1..5, an option that does not exist.
 * @example
 * ```ts
 * import { createQuiz } from '@dl/questions';
 * const quiz = createQuiz({ topic: 'rnn', count: 3, seed: 42 });
 * quiz.questions.map((q) => q.id); // the same three ids on every run
 * quiz.grade(0, true);
 * quiz.grade(1, false);
 * quiz.score(); // { correct: 1, answered: 2, total: 3 }
 * createQuiz({ count: 0 }); // ConfigError: [@dl/questions] Invalid option 'count': expected an integer >= 1, got 0.
 * ```
 */
export function createQuiz(options: QuizOptions = {}, from: readonly Question[] = questions): Quiz {
  const matches = compileFilter(options, 'createQuiz', quizKeys);
  const { count, seed, lang } = options;
  const size = parsePositiveInteger(count, 'count') ?? DEFAULT_QUIZ_COUNT;
  if (seed !== undefined && typeof seed !== 'string' && typeof seed !== 'number') {
    throw optionError('seed', 'a number or a string', seed);
  }
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw optionError('seed', 'a finite number or a string', seed);
  const quizLang = parseLang(lang) ?? 'en';
  const usedSeed = seed === undefined ? Math.floor(Math.random() * 2 ** 32) : seedToUint32(seed);
  const selection = shuffled(from.filter(matches), mulberry32(usedSeed)).slice(0, size);
  const grades = new Map<number, boolean>();
  return {
    seed: usedSeed,
    lang: quizLang,
    questions: selection,
    grade(index, correct) {
      if (!Number.isInteger(index) || index < 0 || index >= selection.length) {
        throw optionError('index', `an integer from 0 to ${selection.length - 1}`, index);
      }
      if (typeof correct !== 'boolean') throw optionError('correct', 'a boolean', correct);
      grades.set(index, correct);
    },
    score() {
      let correct = 0;
      for (const value of grades.values()) if (value) correct++;
      return { correct, answered: grades.size, total: selection.length };
    },
  };
}
