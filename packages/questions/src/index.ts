export {
  questionKinds,
  topics,
  type Answer,
  type Difficulty,
  type Lang,
  type LocalizedText,
  type Misconception,
  type Question,
  type QuestionKind,
  type Reference,
  type SeedOrigin,
  type Topic,
  type Verification,
} from './schema.js';
export { questions } from './bank.js';
export { attentionSoftmaxQuestions } from './topics/attention-softmax.js';
export { rnnQuestions } from './topics/rnn.js';
export { cnnQuestions } from './topics/cnn.js';
export { ganVaeQuestions } from './topics/gan-vae.js';
export { transferFusionQuestions } from './topics/transfer-fusion.js';
export { filterQuestions, getQuestion, type QuestionFilter } from './filter.js';
export type { DifficultyFilter, DifficultyRange, OneOrMany } from './options.js';
export {
  DEFAULT_SEARCH_LIMIT,
  searchQuestions,
  type SearchLang,
  type SearchOptions,
  type SearchResult,
} from './search/search-questions.js';
export { createQuiz, DEFAULT_QUIZ_COUNT, type Quiz, type QuizOptions, type QuizScore } from './quiz.js';
export { validateBank, validateQuestion, type ValidationProblem } from './validate.js';
export { seedErratumUrl } from './seed-erratum-url.js';
export { splitMath, type MathSegment, type TextPart } from './split-math.js';
export { version } from './version.js';
// The errors this package throws, so that users can catch them without installing @dl/errors
// (the same classes, not copies: `instanceof` and `DlError.isInstance` agree with @dl/errors and @dl/core).
export { ConfigError, DlError } from '@dl/errors';
