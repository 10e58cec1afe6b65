import type { Question } from './schema.js';
import { attentionSoftmaxQuestions } from './topics/attention-softmax.js';
import { cnnQuestions } from './topics/cnn.js';
import { ganVaeQuestions } from './topics/gan-vae.js';
import { rnnQuestions } from './topics/rnn.js';
import { transferFusionQuestions } from './topics/transfer-fusion.js';

/**
 * Every question of the bank, in chapter order: attention-softmax, rnn, cnn, gan-vae,
 * transfer-fusion; inside a chapter, in the order its authors wrote them.
 *
 * Import a chapter's subpath (`@dl/questions/rnn`) instead when you only need one chapter,
 * so that bundlers leave the other chapters' text out.
 *
 * @example
 * ```ts
 * import { questions } from '@dl/questions';
 * questions.filter((q) => q.topic === 'rnn').length; // number of RNN questions
 * ```
 */
export const questions: readonly Question[] = [
  ...attentionSoftmaxQuestions,
  ...rnnQuestions,
  ...cnnQuestions,
  ...ganVaeQuestions,
  ...transferFusionQuestions,
];
