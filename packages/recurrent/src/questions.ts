/**
 * The rnn chapter of the dl question bank (re-exported from `@dl/questions`).
 *
 * @example
 * ```ts
 * import { questions } from '@dl/recurrent/questions';
 * questions.length; // >= 70
 * ```
 *
 * @packageDocumentation
 */
export { rnnQuestions, rnnQuestions as questions } from '@dl/questions/rnn';
