/**
 * The `attention-softmax` chapter on its own, so that bundlers include only this chapter's text.
 *
 * @example
 * ```ts
 * import { questions } from '@dl/questions/attention-softmax';
 * questions.every((q) => q.topic === 'attention-softmax'); // true
 * ```
 * @packageDocumentation
 */
export { attentionSoftmaxQuestions, attentionSoftmaxQuestions as questions } from './topics/attention-softmax.js';
export type { Question } from './schema.js';
