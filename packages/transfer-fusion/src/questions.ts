/**
 * The transfer-fusion chapter of the dl question bank (re-exported from `@dl/questions`).
 *
 * @example
 * ```ts
 * import { questions } from '@dl/transfer-fusion/questions';
 * questions.every((q) => q.topic === 'transfer-fusion'); // true
 * ```
 *
 * @packageDocumentation
 */
export { transferFusionQuestions, transferFusionQuestions as questions } from '@dl/questions/transfer-fusion';
