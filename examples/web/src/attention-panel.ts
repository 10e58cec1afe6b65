import * as tf from '@tensorflow/tfjs';
import { withSeededRandom } from '@dl/core';
import { buildVocabulary, padSequences, tokenize } from '@dl/data';
import { createAttentionTextClassifier, explainAttention, topAttendedTokens } from '@dl/softmax-attention';
import { element, onceOnClick, show } from './dom.js';
import { drawLossChart } from './loss-chart.js';
import { heldOutMessages, messages } from './messages.js';

/** What the attention panel found, on `window.dlDemo.attention` for the end-to-end test. */
export interface AttentionPanelResult {
  /** Training loss after each batch. */
  readonly losses: readonly number[];
  /** The held-out message that is explained. */
  readonly message: string;
  /** Its tokens (the real ones, padding left out), in order. */
  readonly tokens: readonly string[];
  /** The attention weight of each of `tokens`. */
  readonly weights: readonly number[];
  /** The attention weight summed over the padding positions (0 when padding is masked). */
  readonly paddingWeight: number;
  /** The model's probability that the message is spam-like. */
  readonly spamProbability: number;
  /** The three words with the most attention, largest first. */
  readonly top: readonly { token: string; weight: number }[];
  /** Fraction of the held-out messages classified correctly. */
  readonly heldOutAccuracy: number;
  /** Wall time of training, in seconds. */
  readonly seconds: number;
  /** Tensors the panel's run left behind (tf.memory().numTensors after it, less before it): 0 unless something leaks. */
  readonly tensorsLeft: number;
}

const sequenceLength = 12;
const epochs = 30;

/**
 * The attention panel: on a click, trains `createAttentionTextClassifier` on the bundled messages
 * (`messages.ts`), then shades the words of a held-out message by the attention the model's
 * pooling layer gives them (`explainAttention`) and lists the top words (`topAttendedTokens`).
 */
export function setupAttentionPanel(publish: (result: AttentionPanelResult) => void): void {
  onceOnClick('attention-train', 'attention-status', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const training = messages.filter((_, i) => !heldOutMessages.includes(i));
    const heldOut = heldOutMessages.map((i) => messages[i]!);
    const vocabulary = buildVocabulary(training.map((m) => m.text));
    // Token lists, so that the words shown are exactly those that were encoded (unknown ones included).
    const encode = (texts: readonly string[]) => {
      const rows = padSequences(texts.map((text) => vocabulary.encode(tokenize(text))), { maxLength: sequenceLength });
      return tf.tensor2d(rows, [texts.length, sequenceLength], 'int32');
    };
    const x = encode(training.map((m) => m.text));
    const y = tf.tensor2d(training.map((m) => m.label), [training.length, 1]);
    const model = createAttentionTextClassifier({ vocabularySize: vocabulary.size, sequenceLength, embeddingDim: 32, learningRate: 0.01, seed: 1 });
    const losses: number[] = [];
    show('attention-status', `training on ${training.length} messages (${vocabulary.size} ids), ${epochs} epochs…`);
    const started = performance.now();
    await withSeededRandom(1, () =>
      model.fit(x, y, {
        epochs,
        batchSize: 16,
        shuffle: true,
        callbacks: {
          onBatchEnd: async (_batch, logs) => {
            losses.push(Number(logs?.loss));
            drawLossChart(element('attention-chart'), losses);
            await tf.nextFrame();
          },
        },
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    tf.dispose([x, y]);

    const heldOutIds = encode(heldOut.map((m) => m.text));
    const probabilities = tf.tidy(() => (model.predict(heldOutIds) as tf.Tensor).reshape([-1]));
    const spam = Array.from(await probabilities.data());
    const attention = explainAttention(model, heldOutIds);
    const [row = []] = await attention.array();
    const [rowIds = []] = await heldOutIds.array();
    tf.dispose([probabilities, attention, heldOutIds]);
    model.dispose(); // the factory's Adam with it (@dl/core's ownOptimizer)

    const shown = heldOut[0]!;
    const words = tokenize(shown.text);
    const real = rowIds.flatMap((id, position) => (id === 0 ? [] : [position]));
    const weights = real.map((position) => row[position]!);
    // padSequences puts padding first and keeps the last `sequenceLength` tokens.
    const tokens = words.slice(-real.length);
    const paddingWeight = rowIds.reduce((sum, id, position) => (id === 0 ? sum + row[position]! : sum), 0);
    // Words from the text rather than `{ vocabulary }`, which would show '<unk>' for unseen ones.
    const top = topAttendedTokens(row, rowIds, 3).map((entry) => ({ token: tokens[real.indexOf(entry.positions[0]!)]!, weight: entry.weight }));
    const heldOutAccuracy = heldOut.filter((m, i) => (spam[i]! > 0.5 ? 1 : 0) === m.label).length / heldOut.length;

    renderWords(tokens, weights);
    show('attention-top', `most attended: ${top.map((t) => `“${t.token}” ${(t.weight * 100).toFixed(0)}%`).join(', ')}`);
    show(
      'attention-status',
      `trained ${losses.length} batches in ${seconds.toFixed(1)} s: loss ${losses[0]!.toFixed(3)} → ${losses.at(-1)!.toFixed(3)}; ` +
        `held-out message ${(spam[0]! * 100).toFixed(0)}% spam-like (label: ${shown.label === 1 ? 'spam-like' : 'ordinary'}); ` +
        `${heldOut.length} held-out messages, accuracy ${heldOutAccuracy.toFixed(2)}`,
    );
    publish({ losses, message: shown.text, tokens, weights, paddingWeight, spamProbability: spam[0]!, top, heldOutAccuracy, seconds, tensorsLeft: tf.memory().numTensors - tensorsBefore });
  });
}

/** One span per word, its background as dark as its share of the largest weight. */
function renderWords(tokens: readonly string[], weights: readonly number[]): void {
  const container = element('attention-words');
  container.replaceChildren();
  const largest = Math.max(...weights);
  tokens.forEach((token, i) => {
    const span = document.createElement('span');
    span.className = 'token';
    span.textContent = token;
    span.dataset.weight = String(weights[i]);
    span.title = `attention ${(weights[i]! * 100).toFixed(1)}%`;
    span.style.background = `rgba(214, 39, 40, ${(weights[i]! / largest).toFixed(3)})`;
    container.append(span, ' ');
  });
}
