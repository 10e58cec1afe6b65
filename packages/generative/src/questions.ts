/**
 * The gan-vae chapter of the dl question bank (re-exported from `@dl/questions`).
 *
 * @example
 * ```ts
 * import { questions } from '@dl/generative/questions';
 * questions.every((q) => q.topic === 'gan-vae'); // true
 * ```
 *
 * @packageDocumentation
 */
export { ganVaeQuestions, ganVaeQuestions as questions } from '@dl/questions/gan-vae';
