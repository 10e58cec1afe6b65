import * as tf from '@tensorflow/tfjs';
// The backends must be in the bundle: useBackend finds registered ones, it cannot import them
// here (its imports of optional backends are left to the runtime, which has no bare specifiers).
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { useBackend, withSeededRandom, type BackendPreference } from '@dl/core';
import { createConvClassifier } from '@dl/conv';
import { createQuiz, topics, type Lang, type Quiz, type Topic } from '@dl/questions';
import { setupAttentionPanel, type AttentionPanelResult } from './attention-panel.js';
import { setupDetectorPanel, type DetectorPanelResult } from './detector-panel.js';
import { element, show } from './dom.js';
import { loadFashionSubset } from './fashion-subset.js';
import { setupGenerativePanel, type GenerativePanelResult } from './generative-panel.js';
import { drawLossChart } from './loss-chart.js';
import { showMathText } from './math-text.js';

/** What the page has done so far, for the end-to-end test (and the curious, in the console). */
const state = {
  ready: false,
  backend: '',
  losses: [] as number[],
  testAccuracy: NaN,
  saveLoad: '',
  score: '',
  /** Formulas typeset in the question and answer now shown. */
  formulas: 0,
  attention: null as AttentionPanelResult | null,
  generative: null as GenerativePanelResult | null,
  detector: null as DetectorPanelResult | null,
};
(window as unknown as { dlDemo: typeof state }).dlDemo = state;

const params = new URLSearchParams(location.search);
// `?backend=wasm` (or cpu, webgpu, webgl) picks one; by default the browser order: webgpu, webgl, wasm, cpu.
setWasmPaths(new URL('wasm/', document.baseURI).href); // the .wasm files prepare-assets.mjs copied
const report = await useBackend((params.get('backend') ?? 'auto') as BackendPreference);
state.backend = report.backend;
const skipped = report.attempts.filter((attempt) => !attempt.ok).map((attempt) => `${attempt.backend}: ${attempt.reason}`);
show('backend', `${report.backend} — ${report.reason}${report.canTrain ? '' : ' (cannot train here)'}${skipped.length > 0 ? ` · skipped ${skipped.join('; ')}` : ''}`);

const train = await loadFashionSubset('train');
const test = await loadFashionSubset('t10k');
show('status', `${train.y.shape[0]} training and ${test.y.shape[0]} test images loaded. One epoch takes a while on a software GPU.`);
const model = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 });

element<HTMLButtonElement>('train').disabled = false;
element('train').addEventListener('click', async () => {
  element<HTMLButtonElement>('train').disabled = true;
  const batches = Number(params.get('batches') ?? 32);
  show('status', `training ${batches} batches of 32 on ${report.backend}…`);
  const x = train.x.slice([0], [batches * 32]);
  const y = train.y.slice([0], [batches * 32]);
  await withSeededRandom(1, () =>
    model.fit(x, y, {
      epochs: 1,
      batchSize: 32,
      shuffle: false,
      callbacks: {
        onBatchEnd: async (_batch, logs) => {
          state.losses.push(Number(logs?.loss));
          drawLossChart(element('chart'), state.losses);
          await tf.nextFrame();
        },
      },
    }),
  );
  tf.dispose([x, y]);
  const predicted = tf.tidy(() => (model.predict(test.x) as tf.Tensor).argMax(-1));
  const truth = await test.y.data();
  const labels = await predicted.data();
  predicted.dispose();
  state.testAccuracy = labels.filter((label, i) => label === truth[i]).length / labels.length;
  show('status', `trained on ${batches * 32} images: loss ${state.losses[0]!.toFixed(3)} → ${state.losses.at(-1)!.toFixed(3)}; test accuracy ${state.testAccuracy.toFixed(3)} on ${labels.length} images`);
  element<HTMLButtonElement>('save-load').disabled = false;
});

element('save-load').addEventListener('click', async () => {
  await model.save('indexeddb://dl-web-conv-classifier');
  const loaded = await tf.loadLayersModel('indexeddb://dl-web-conv-classifier');
  const sample = test.x.slice([0], [16]);
  const [before, after] = [model, loaded].map((m) => m.predict(sample) as tf.Tensor);
  const difference = (await tf.max(tf.abs(tf.sub(before!, after!))).data())[0]!;
  state.saveLoad = difference === 0 ? 'identical' : `within ${difference.toExponential(1)}`;
  // On webgpu two runs of one model may differ in the last bit (parallel sums); elsewhere they are identical.
  show('save-load-result', `saved to IndexedDB and loaded back: predictions on 16 test images ${state.saveLoad}`);
  tf.dispose([sample, before!, after!]);
  loaded.dispose();
});

// One panel per chapter, each trained for a few batches on a click.
setupAttentionPanel((result) => {
  state.attention = result;
});
setupGenerativePanel(train.x, test.x, (result) => {
  state.generative = result;
});
setupDetectorPanel((result) => {
  state.detector = result;
});

// The quiz: a seeded draw from @dl/questions, graded by the reader.
let quiz: Quiz;
let current = 0;
const topicSelect = element<HTMLSelectElement>('topic');
for (const topic of topics) topicSelect.add(new Option(topic, topic));
const lang = () => element<HTMLSelectElement>('lang').value as Lang;
const render = () => {
  const question = quiz.questions[current];
  element('answer').hidden = true;
  if (question === undefined) {
    const score = quiz.score();
    state.score = `${score.correct}/${score.total}`;
    show('question', lang() === 'zh' ? `完成：${state.score}` : `Done: ${state.score}`);
    return;
  }
  state.formulas =
    showMathText(element('question'), `${current + 1}/${quiz.questions.length} · ${question.prompt[lang()]}`) +
    showMathText(element('answer'), question.answer.short[lang()]);
};
const newQuiz = () => {
  quiz = createQuiz({ topic: topicSelect.value as Topic, count: 3, lang: lang() });
  current = 0;
  render();
};
element('new-quiz').addEventListener('click', newQuiz);
element('lang').addEventListener('change', render);
element('reveal').addEventListener('click', () => {
  element('answer').hidden = false;
});
for (const [id, correct] of [['knew', true], ['missed', false]] as const) {
  element(id).addEventListener('click', () => {
    if (current >= quiz.questions.length) return;
    quiz.grade(current, correct);
    current += 1;
    const score = quiz.score();
    show('score', `${score.correct}/${score.total}`);
    render();
  });
}
newQuiz();
state.ready = true;
