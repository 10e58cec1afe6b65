/**
 * The attention-softmax chapter of the dl question bank (re-exported from `@dl/questions`).
 *
 * @example
 * ```ts
 * import { questions } from '@dl/softmax-attention/questions';
 * questions.length; // >= 35
 * ```
 *
 * @packageDocumentation
 */
export { attentionSoftmaxQuestions, attentionSoftmaxQuestions as questions } from '@dl/questions/attention-softmax';
