/**
 * The `cnn` chapter on its own, so that bundlers include only this chapter's text.
 *
 * @example
 * ```ts
 * import { questions } from '@dl/questions/cnn';
 * questions.every((q) => q.topic === 'cnn'); // true
 * ```
 * @packageDocumentation
 */
export { cnnQuestions, cnnQuestions as questions } from './topics/cnn.js';
export type { Question } from './schema.js';
