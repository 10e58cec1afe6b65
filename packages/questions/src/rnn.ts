/**
 * The `rnn` chapter on its own, so that bundlers include only this chapter's text.
 *
 * @example
 * ```ts
 * import { questions } from '@dl/questions/rnn';
 * questions.every((q) => q.topic === 'rnn'); // true
 * ```
 * @packageDocumentation
 */
export { rnnQuestions, rnnQuestions as questions } from './topics/rnn.js';
export type { Question } from './schema.js';
