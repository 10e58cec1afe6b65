/**
 * The `gan-vae` chapter on its own, so that bundlers include only this chapter's text.
 *
 * @example
 * ```ts
 * import { questions } from '@dl/questions/gan-vae';
 * questions.every((q) => q.topic === 'gan-vae'); // true
 * ```
 * @packageDocumentation
 */
export { ganVaeQuestions, ganVaeQuestions as questions } from './topics/gan-vae.js';
export type { Question } from './schema.js';
