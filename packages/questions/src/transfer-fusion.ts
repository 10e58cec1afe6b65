/**
 * The `transfer-fusion` chapter on its own, so that bundlers include only this chapter's text.
 *
 * @example
 * ```ts
 * import { questions } from '@dl/questions/transfer-fusion';
 * questions.every((q) => q.topic === 'transfer-fusion'); // true
 * ```
 * @packageDocumentation
 */
export { transferFusionQuestions, transferFusionQuestions as questions } from './topics/transfer-fusion.js';
export type { Question } from './schema.js';
