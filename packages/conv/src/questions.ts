/**
 * The cnn chapter of the dl question bank (re-exported from `@dl/questions`).
 *
 * @example
 * ```ts
 * import { questions } from '@dl/conv/questions';
 * questions.every((q) => q.topic === 'cnn'); // true
 * ```
 *
 * @packageDocumentation
 */
export { cnnQuestions, cnnQuestions as questions } from '@dl/questions/cnn';
