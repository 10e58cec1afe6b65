/**
 * Shared test fixtures. Named `*.test.ts` so that package.json `files` leaves it out of the
 * published package; vitest.config.ts excludes it from test collection (it holds no tests).
 */
import type { Question, Topic } from './schema.js';

type Overrides = Omit<Partial<Question>, 'prompt' | 'answer'> & {
  prompt?: Partial<Question['prompt']>;
  answer?: Partial<Question['answer']>;
};

/** A valid concept question; override any field. */
export function makeQuestion(overrides: Overrides = {}): Question {
  const { prompt, answer, ...rest } = overrides;
  return {
    id: 'sample-question',
    topic: 'cnn',
    subtopic: 'pooling',
    tags: ['pooling'],
    kind: 'concept',
    difficulty: 2,
    references: [{ title: 'Deep Learning', authors: 'Goodfellow et al.', year: 2016, url: 'https://www.deeplearningbook.org/' }],
    ...rest,
    prompt: { zh: '池化层有什么作用？', en: 'What does a pooling layer do?', ...prompt },
    answer: {
      short: { zh: '降低分辨率并带来局部平移不变性。', en: 'It reduces resolution and adds local translation invariance.' },
      full: { zh: '池化在局部窗口内取最大值或平均值。', en: 'Pooling takes the max or mean over local windows.' },
      ...answer,
    },
  };
}

/** A small bilingual bank, independent of the real content. */
export const fixtureBank: readonly Question[] = [
  makeQuestion({
    id: 'softmax-jacobian',
    topic: 'attention-softmax',
    subtopic: 'softmax',
    tags: ['softmax', 'jacobian', 'gradient'],
    kind: 'derivation',
    difficulty: 3,
    prompt: { zh: '推导 Softmax 函数的导数（雅可比矩阵）。', en: 'Derive the derivative (Jacobian) of the softmax function.' },
    answer: {
      short: { zh: '$\\partial s_i/\\partial z_j = s_i(\\delta_{ij} - s_j)$。', en: '$\\partial s_i/\\partial z_j = s_i(\\delta_{ij} - s_j)$.' },
      full: { zh: '对 $s_i = e^{z_i}/\\sum_k e^{z_k}$ 求导即得。', en: 'Differentiate $s_i = e^{z_i}/\\sum_k e^{z_k}$.' },
    },
    references: [{ title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' }],
    verification: [{ package: '@dl/softmax-attention', export: 'softmaxJacobian', test: 'packages/softmax-attention/src/softmax.test.ts', status: 'pending' }],
  }),
  makeQuestion({
    id: 'attention-scaling',
    topic: 'attention-softmax',
    subtopic: 'scaled-dot-product',
    tags: ['attention', 'scaling'],
    difficulty: 2,
    prompt: { zh: '为什么注意力机制要除以 $\\sqrt{d_k}$？', en: 'Why does scaled dot-product attention divide by $\\sqrt{d_k}$?' },
    answer: {
      short: { zh: '防止点积过大使 softmax 饱和、梯度消失。', en: 'To keep dot products from saturating the softmax.' },
      full: { zh: '点积的方差随 $d_k$ 线性增长。', en: 'The variance of the dot product grows linearly with $d_k$.' },
    },
  }),
  makeQuestion({
    id: 'lstm-forget-gate',
    topic: 'rnn',
    subtopic: 'lstm',
    tags: ['lstm', 'gates'],
    difficulty: 3,
    prompt: { zh: '长短期记忆网络中遗忘门的作用是什么？', en: 'What does the forget gate of an LSTM do?' },
    answer: {
      short: { zh: '决定保留多少旧的细胞状态。', en: 'It decides how much of the old cell state to keep.' },
      full: { zh: '遗忘门输出 0 到 1 之间的系数。', en: 'The forget gate outputs a factor between 0 and 1.' },
    },
  }),
  makeQuestion({ id: 'cnn-pooling', tags: ['pooling', 'invariance'], difficulty: 1 }),
  makeQuestion({
    id: 'vae-reparameterization',
    topic: 'gan-vae',
    subtopic: 'vae',
    tags: ['vae', 'reparameterization'],
    kind: 'derivation',
    difficulty: 4,
    prompt: { zh: '解释变分自编码器中的重参数化技巧。', en: 'Explain the reparameterization trick of the VAE.' },
    answer: {
      short: { zh: '把采样写成 $z = \\mu + \\sigma \\epsilon$，使梯度可以回传。', en: 'Write the sample as $z = \\mu + \\sigma\\epsilon$ so gradients flow.' },
      full: { zh: '随机性移到与参数无关的 $\\epsilon$ 上。', en: 'The randomness moves to $\\epsilon$, which does not depend on the parameters.' },
    },
    references: [{ title: 'Auto-Encoding Variational Bayes', authors: 'Kingma and Welling', year: 2013, arxiv: '1312.6114' }],
    verification: [{ package: '@dl/generative', export: 'reparameterize', test: 'packages/generative/src/vae.test.ts', status: 'pending' }],
  }),
];

/** `n` distinct valid questions spread over topics and difficulties. */
export function manyQuestions(n: number): Question[] {
  const topicCycle: readonly Topic[] = ['attention-softmax', 'rnn', 'cnn', 'gan-vae', 'transfer-fusion'];
  return Array.from({ length: n }, (_, i) =>
    makeQuestion({
      id: `question-${i}`,
      topic: topicCycle[i % topicCycle.length] as Topic,
      difficulty: ((i % 5) + 1) as Question['difficulty'],
      tags: i % 2 === 0 ? ['even'] : ['odd'],
    }),
  );
}
