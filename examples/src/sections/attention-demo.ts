import * as tf from '@tensorflow/tfjs';
import { ProgressBar } from '@dl/core/node';
import { runSpamExperiment } from '../spam/spam-experiment.js';

/**
 * @dl/softmax-attention: the attention text classifier on a 3,000-email stratified
 * subset of SpamAssassin, 4 epochs (about 25 s on wasm). `pnpm spam`
 * runs the full corpus.
 */
export async function attentionDemo(): Promise<void> {
  console.log(`\n== @dl/softmax-attention: attention text classifier, SpamAssassin subset (backend ${tf.getBackend()}) ==`);
  const { summary, explanations } = await runSpamExperiment({ epochs: 4, limit: 3000, callbacks: [new ProgressBar()] });
  console.log(
    `${summary.trainSize} train / ${summary.testSize} test emails, ${summary.epochs} epochs in ${summary.trainSeconds} s: ` +
      `test accuracy ${summary.testAccuracy}, loss ${summary.testLoss}`,
  );
  console.log('most attended tokens (explainAttention):');
  for (const line of explanations) console.log(`  ${line}`);
}
