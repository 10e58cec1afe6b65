import type { Question, Reference, Verification } from '../schema.js';

// Text conventions: every prompt/answer is a plain template literal. LaTeX backslashes are
// doubled (`\\frac` produces `\frac`) and Markdown backticks are escaped as \`.

// ---------------------------------------------------------------------------------------
// Verification targets. The @dl/recurrent and addingProblem links are pending until their
// exports and tests land; the verification-links test fails once a pending link holds.
// ---------------------------------------------------------------------------------------
const vSimpleRnnCell: Verification = {
  package: '@dl/recurrent',
  export: 'simpleRnnCell',
  test: 'packages/recurrent/src/ops/simple-rnn-cell.test.ts',
  status: 'verified',
};
const vLstmCell: Verification = {
  package: '@dl/recurrent',
  export: 'lstmCell',
  test: 'packages/recurrent/src/ops/lstm-cell.test.ts',
  status: 'verified',
};
const vGruCell: Verification = {
  package: '@dl/recurrent',
  export: 'gruCell',
  test: 'packages/recurrent/src/ops/gru-cell.test.ts',
  status: 'verified',
};
const vSimpleRnnLayer: Verification = {
  package: '@dl/recurrent',
  export: 'SimpleRNN',
  test: 'packages/recurrent/src/layers/simple-rnn.test.ts',
  status: 'verified',
};
const vLstmLayer: Verification = {
  package: '@dl/recurrent',
  export: 'LSTM',
  test: 'packages/recurrent/src/layers/lstm.test.ts',
  status: 'verified',
};
const vGruLayer: Verification = {
  package: '@dl/recurrent',
  export: 'GRU',
  test: 'packages/recurrent/src/layers/gru.test.ts',
  status: 'verified',
};
const vBidirectional: Verification = {
  package: '@dl/recurrent',
  export: 'Bidirectional',
  test: 'packages/recurrent/src/layers/bidirectional.test.ts',
  status: 'verified',
};
const vParameterCount: Verification = {
  package: '@dl/recurrent',
  export: 'recurrentParameterCount',
  test: 'packages/recurrent/src/ops/parameter-count.test.ts',
  status: 'verified',
};
const vClassifier: Verification = {
  package: '@dl/recurrent',
  export: 'createRecurrentClassifier',
  test: 'packages/recurrent/src/models/recurrent-classifier.test.ts',
  status: 'verified',
};
const vCharLanguageModel: Verification = {
  package: '@dl/recurrent',
  export: 'createCharLanguageModel',
  test: 'packages/recurrent/src/models/char-language-model.test.ts',
  status: 'verified',
};
const vGenerateText: Verification = {
  package: '@dl/recurrent',
  export: 'generateText',
  test: 'packages/recurrent/src/models/char-language-model.test.ts',
  status: 'verified',
};
const vAddingProblem: Verification = {
  package: '@dl/data',
  export: 'addingProblem',
  test: 'packages/data/src/synthetic/adding-problem.test.ts',
  status: 'verified',
};
const vPadSequences: Verification = {
  package: '@dl/data',
  export: 'padSequences',
  test: 'packages/data/src/text/pad-sequences.test.ts',
  status: 'verified',
};
const vClipByGlobalNorm: Verification = {
  package: '@dl/core',
  export: 'clipByGlobalNorm',
  test: 'packages/core/src/training/clip-by-global-norm.test.ts',
  status: 'verified',
};

// ---------------------------------------------------------------------------------------
// Primary sources.
// ---------------------------------------------------------------------------------------
const dlbRnn: Reference = {
  title: 'Deep Learning, Chapter 10: Sequence Modeling: Recurrent and Recursive Nets',
  authors: 'Goodfellow, Bengio & Courville',
  year: 2016,
  url: 'https://www.deeplearningbook.org/contents/rnn.html',
};
const hochreiter1997: Reference = {
  title: 'Long Short-Term Memory',
  authors: 'Hochreiter & Schmidhuber',
  year: 1997,
  url: 'https://doi.org/10.1162/neco.1997.9.8.1735',
};
const gers2000: Reference = {
  title: 'Learning to Forget: Continual Prediction with LSTM',
  authors: 'Gers, Schmidhuber & Cummins',
  year: 2000,
  url: 'https://doi.org/10.1162/089976600300015015',
};
const pascanu2013: Reference = {
  title: 'On the difficulty of training recurrent neural networks',
  authors: 'Pascanu, Mikolov & Bengio',
  year: 2013,
  arxiv: '1211.5063',
};
const jozefowicz2015: Reference = {
  title: 'An Empirical Exploration of Recurrent Network Architectures',
  authors: 'Jozefowicz, Zaremba & Sutskever',
  year: 2015,
  url: 'https://proceedings.mlr.press/v37/jozefowicz15.html',
};
const greff2017: Reference = {
  title: 'LSTM: A Search Space Odyssey',
  authors: 'Greff et al.',
  year: 2017,
  arxiv: '1503.04069',
};
const cho2014: Reference = {
  title: 'Learning Phrase Representations using RNN Encoder-Decoder for Statistical Machine Translation',
  authors: 'Cho et al.',
  year: 2014,
  arxiv: '1406.1078',
};
const chung2014: Reference = {
  title: 'Empirical Evaluation of Gated Recurrent Neural Networks on Sequence Modeling',
  authors: 'Chung et al.',
  year: 2014,
  arxiv: '1412.3555',
};
const sutskever2014: Reference = {
  title: 'Sequence to Sequence Learning with Neural Networks',
  authors: 'Sutskever, Vinyals & Le',
  year: 2014,
  arxiv: '1409.3215',
};
const bahdanau2014: Reference = {
  title: 'Neural Machine Translation by Jointly Learning to Align and Translate',
  authors: 'Bahdanau, Cho & Bengio',
  year: 2014,
  arxiv: '1409.0473',
};
const vaswani2017: Reference = {
  title: 'Attention Is All You Need',
  authors: 'Vaswani et al.',
  year: 2017,
  arxiv: '1706.03762',
};
const le2015: Reference = {
  title: 'A Simple Way to Initialize Recurrent Networks of Rectified Linear Units',
  authors: 'Le, Jaitly & Hinton',
  year: 2015,
  arxiv: '1504.00941',
};
const arjovsky2016: Reference = {
  title: 'Unitary Evolution Recurrent Neural Networks',
  authors: 'Arjovsky, Shah & Bengio',
  year: 2016,
  arxiv: '1511.06464',
};
const kerasLstm: Reference = {
  title: 'Keras API reference: LSTM layer',
  url: 'https://keras.io/api/layers/recurrent_layers/lstm/',
};
const kerasGru: Reference = {
  title: 'Keras API reference: GRU layer',
  url: 'https://keras.io/api/layers/recurrent_layers/gru/',
};
const kerasSimpleRnn: Reference = {
  title: 'Keras API reference: SimpleRNN layer',
  url: 'https://keras.io/api/layers/recurrent_layers/simple_rnn/',
};
const tfRnnGuide: Reference = {
  title: 'TensorFlow guide: Working with RNNs',
  url: 'https://www.tensorflow.org/guide/keras/working_with_rnns',
};
const tfMaskingGuide: Reference = {
  title: 'TensorFlow guide: Understanding masking & padding',
  url: 'https://www.tensorflow.org/guide/keras/understanding_masking_and_padding',
};
const tfClipByGlobalNorm: Reference = {
  title: 'TensorFlow API: tf.clip_by_global_norm',
  url: 'https://www.tensorflow.org/api_docs/python/tf/clip_by_global_norm',
};

/** Questions of the `rnn` chapter: RNN, LSTM, GRU, training recurrent nets and their pitfalls. */
export const rnnQuestions: readonly Question[] = [
  // ===================================================================================
  // Seed chapter 5, questions 1-10.
  // ===================================================================================
  {
    id: 'rnn-how-rnn-processes-sequences',
    topic: 'rnn',
    subtopic: 'vanilla-rnn',
    tags: ['rnn', 'hidden-state', 'weight-sharing', 'unrolling'],
    kind: 'concept',
    difficulty: 1,
    seed: { chapter: 5, question: 1 },
    prompt: {
      zh: `RNN 是如何处理序列数据的？`,
      en: `How does a recurrent neural network (RNN) process sequence data?`,
    },
    answer: {
      short: {
        zh: `RNN 按时间步逐个读入序列，用隐藏状态 $h_t=\\tanh(W_x x_t+W_h h_{t-1}+b)$ 概括到目前为止看到的内容；每一步共享同一组参数，因此可以处理任意长度的序列。`,
        en: `An RNN reads the sequence one step at a time and keeps a hidden state $h_t=\\tanh(W_x x_t+W_h h_{t-1}+b)$ that summarises everything seen so far; the same weights are reused at every step, so any sequence length can be handled.`,
      },
      full: {
        zh: `**递推公式。** 以最基本的 Elman RNN 为例：

$$h_t=\\tanh(W_x x_t+W_h h_{t-1}+b),\\qquad y_t=W_y h_t+c,$$

其中 $h_0$ 通常初始化为零向量。隐藏状态 $h_t$ 是对前缀 $x_1,\\dots,x_t$ 的一个固定维度的“摘要”，下一步再把它和新的输入合在一起更新。

**参数共享。** $W_x, W_h, b$ 在所有时间步上共享，所以参数量与序列长度无关，模型学到的是“如何从上一状态转移到下一状态”的规则，同样的模式出现在序列的任何位置都能被识别。

**按时间展开。** 把循环展开后，RNN 等价于一个深度为 $T$、各层权重绑定的前馈网络，训练时在这张展开图上做反向传播，即随时间反向传播（BPTT）。

**输入输出形式。** 多对一（取最后的 $h_T$ 做文本分类）、多对多且等长（序列标注、语言模型）、编码器-解码器（机器翻译）。

注意：隐藏状态和输出是两个概念。Elman RNN 另有读出层 $y_t$；Keras 的 \`SimpleRNN\` 则直接把 $h_t$ 作为输出，读出层要自己再接一个 \`Dense\`。`,
        en: `**Recurrence.** For the basic (Elman) RNN:

$$h_t=\\tanh(W_x x_t+W_h h_{t-1}+b),\\qquad y_t=W_y h_t+c,$$

with $h_0$ usually zero. The hidden state $h_t$ is a fixed-size summary of the prefix $x_1,\\dots,x_t$; at the next step it is combined with the new input and updated again.

**Weight sharing.** $W_x, W_h, b$ are the same at every time step, so the parameter count does not depend on the sequence length and the network learns one transition rule that applies wherever a pattern occurs in the sequence.

**Unrolling.** Unrolled over time, an RNN is a depth-$T$ feed-forward network with tied weights. Training back-propagates through this unrolled graph: back-propagation through time (BPTT).

**Input/output patterns.** Many-to-one (classify a text from $h_T$), many-to-many aligned (tagging, language modelling), encoder-decoder (translation).

Note that the hidden state and the output are different things: the Elman RNN has a separate read-out $y_t$, while Keras' \`SimpleRNN\` returns $h_t$ itself and you add a \`Dense\` read-out yourself.`,
      },
    },
    references: [dlbRnn, kerasSimpleRnn],
  },
  {
    id: 'rnn-vanilla-rnn-problems',
    topic: 'rnn',
    subtopic: 'vanilla-rnn',
    tags: ['vanishing-gradient', 'exploding-gradient', 'long-term-dependencies', 'bptt'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 5, question: 2 },
    prompt: {
      zh: `普通 RNN 存在哪些问题？这些问题的根源是什么，通常怎么应对？`,
      en: `What are the problems of a vanilla RNN? Where do they come from, and how are they usually addressed?`,
    },
    answer: {
      short: {
        zh: `BPTT 中梯度是逐步雅可比矩阵的连乘，会指数级地衰减（梯度消失）或增长（梯度爆炸），因此难以学到长程依赖；此外计算只能沿时间串行。梯度爆炸用梯度裁剪处理，梯度消失靠门控结构（LSTM/GRU）或合适的初始化缓解。`,
        en: `In BPTT the gradient is a product of per-step Jacobians, which shrinks (vanishing) or grows (exploding) exponentially with distance, so long-range dependencies are hard to learn; in addition the computation is sequential in time. Exploding gradients are handled by clipping, vanishing gradients by gating (LSTM/GRU) or careful initialisation.`,
      },
      full: {
        zh: `**1. 梯度消失与梯度爆炸。** 损失对较早隐藏状态的梯度为

$$\\frac{\\partial L_t}{\\partial h_k}=\\frac{\\partial L_t}{\\partial h_t}\\prod_{j=k+1}^{t}\\operatorname{diag}(1-h_j^2)\\,W_h ,$$

是 $t-k$ 个矩阵的乘积。若这些雅可比矩阵的范数持续小于 1，梯度指数级趋于零；若 $W_h$ 有大于 1 的奇异值（且 $\\tanh$ 未饱和），梯度可能指数级增长，一次更新就把参数推飞（Pascanu et al., 2013）。

**2. 长程依赖难以学习。** 这是梯度消失的直接后果：远处时间步的信号在梯度里被近处的信号淹没，模型只学到短期模式。Bengio 等人 1994 年已经指出这一困难。

**3. 串行计算。** $h_t$ 依赖 $h_{t-1}$，同一层不能在时间维上并行，长序列训练慢，这也是后来 Transformer 取代 RNN 的主要原因之一。

**4. 固定维度的状态瓶颈。** 整个前缀都要压缩进一个向量里。

**常见对策：** 梯度爆炸 → 按全局范数裁剪梯度；梯度消失 → LSTM/GRU 的门控加性路径、正交或单位矩阵初始化、截断 BPTT 配合更短的依赖；瓶颈 → 注意力机制。`,
        en: `**1. Vanishing and exploding gradients.** The gradient with respect to an early hidden state is

$$\\frac{\\partial L_t}{\\partial h_k}=\\frac{\\partial L_t}{\\partial h_t}\\prod_{j=k+1}^{t}\\operatorname{diag}(1-h_j^2)\\,W_h ,$$

a product of $t-k$ matrices. If their norms stay below 1 the gradient decays exponentially; if $W_h$ has singular values above 1 (and $\\tanh$ is not saturated) it can grow exponentially and a single update throws the parameters far away (Pascanu et al., 2013).

**2. Long-term dependencies are hard to learn.** This is the direct consequence of vanishing gradients: the contribution of distant steps is swamped by nearby ones, so the model learns short-range patterns only (already analysed by Bengio et al., 1994).

**3. Sequential computation.** $h_t$ needs $h_{t-1}$, so a layer cannot be parallelised over time; long sequences train slowly — a main reason Transformers replaced RNNs.

**4. Fixed-size state bottleneck.** The whole prefix must be squeezed into one vector.

**Usual remedies:** exploding → clip gradients by global norm; vanishing → gated additive paths (LSTM/GRU), orthogonal or identity initialisation; bottleneck → attention.`,
      },
    },
    references: [pascanu2013, dlbRnn],
  },
  {
    id: 'rnn-how-lstm-mitigates-vanishing',
    topic: 'rnn',
    subtopic: 'lstm',
    tags: ['lstm', 'vanishing-gradient', 'constant-error-carousel', 'gating'],
    kind: 'concept',
    difficulty: 3,
    seed: { chapter: 5, question: 3 },
    prompt: {
      zh: `LSTM 是如何缓解 RNN 的梯度问题的？它能同时解决梯度消失和梯度爆炸吗？`,
      en: `How does an LSTM mitigate the gradient problems of an RNN? Does it solve both vanishing and exploding gradients?`,
    },
    answer: {
      short: {
        zh: `LSTM 用加性更新的细胞状态 $c_t=f_t\\odot c_{t-1}+i_t\\odot g_t$ 提供一条梯度通路，沿这条路的雅可比是 $\\operatorname{diag}(f_t)$，遗忘门接近 1 时梯度几乎不衰减，从而缓解梯度消失；但它并不能防止梯度爆炸，后者仍需梯度裁剪。`,
        en: `The LSTM's additively updated cell state $c_t=f_t\\odot c_{t-1}+i_t\\odot g_t$ gives the gradient a path whose Jacobian is $\\operatorname{diag}(f_t)$; with forget gates near 1 the gradient barely decays, which mitigates vanishing gradients. It does not prevent exploding gradients — those still need gradient clipping.`,
      },
      full: {
        zh: `**加性路径。** 普通 RNN 每一步都把状态乘以 $W_h$ 再过一次非线性；LSTM 的细胞状态则是“旧值按比例保留 + 新内容相加”：

$$c_t=f_t\\odot c_{t-1}+i_t\\odot g_t .$$

只看直接通路，$\\partial c_t/\\partial c_{t-1}=\\operatorname{diag}(f_t)$，于是 $\\partial c_t/\\partial c_k=\\prod_{j=k+1}^{t}\\operatorname{diag}(f_j)$：没有反复乘同一个权重矩阵，也没有 $\\tanh'$ 的压缩。1997 年的原始 LSTM 没有遗忘门，相当于 $f\\equiv1$，这条路径的雅可比恒为单位阵，即“恒定误差传送带”（CEC）。

**门是学出来的。** 网络可以在需要记住时把 $f$ 推向 1、$i$ 推向 0，在需要更新时再打开输入门，因此能把信息保持上百步。

**局限。** 
- 只是**缓解**梯度消失：$f_j<1$ 时乘积仍然指数衰减，只是衰减速度由数据决定、可学习。
- **不能**解决梯度爆炸：经由 $h_{t-1}$ 进入各个门的间接路径仍含 $W_h$ 的连乘，长序列、大学习率下梯度照样会爆炸。实践中 LSTM 训练仍然要配合按全局范数的梯度裁剪（Pascanu et al., 2013）。`,
        en: `**An additive path.** A vanilla RNN multiplies its state by $W_h$ and squashes it at every step. The LSTM cell state instead keeps a gated fraction of the old value and adds new content:

$$c_t=f_t\\odot c_{t-1}+i_t\\odot g_t .$$

Along this direct path $\\partial c_t/\\partial c_{t-1}=\\operatorname{diag}(f_t)$, so $\\partial c_t/\\partial c_k=\\prod_{j=k+1}^{t}\\operatorname{diag}(f_j)$: no repeated multiplication by a weight matrix and no $\\tanh'$ shrinkage. The original 1997 LSTM had no forget gate, i.e. $f\\equiv1$, so this Jacobian was exactly the identity — the *constant error carousel* (CEC).

**The gates are learned.** The network can push $f\\to1$ and $i\\to0$ to hold information, and open the input gate to overwrite it, so information can be kept for hundreds of steps.

**Limits.**
- It only **mitigates** vanishing gradients: with $f_j<1$ the product still decays exponentially, just at a learned, data-dependent rate.
- It does **not** solve exploding gradients: the indirect paths through $h_{t-1}$ into the gates still contain products of recurrent matrices, and LSTMs can and do blow up on long sequences or with large learning rates. LSTM training still uses gradient clipping by global norm (Pascanu et al., 2013).`,
      },
    },
    references: [hochreiter1997, gers2000, pascanu2013],
    misconceptions: [
      {
        claim: {
          zh: `LSTM 通过门控机制同时解决了梯度消失和梯度爆炸问题。`,
          en: `Through its gates, the LSTM solves both the vanishing and the exploding gradient problem.`,
        },
        correction: {
          zh: `LSTM 只缓解梯度消失（加性的细胞状态通路）；梯度爆炸依然可能发生，需要梯度裁剪。`,
          en: `The LSTM only mitigates vanishing gradients (the additive cell-state path); exploding gradients still occur and need gradient clipping.`,
        },
        erratum: 7,
      },
    ],
  },
  {
    id: 'rnn-lstm-how-it-works',
    topic: 'rnn',
    subtopic: 'lstm',
    tags: ['lstm', 'gates', 'cell-state', 'forget-gate'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 5, question: 4 },
    prompt: {
      zh: `请简述 LSTM 的工作原理，写出一步前向计算的完整公式。`,
      en: `Explain how an LSTM works and write the full equations of one forward step.`,
    },
    answer: {
      short: {
        zh: `三个 sigmoid 门（输入门 $i$、遗忘门 $f$、输出门 $o$）和一个 tanh 候选值 $g$ 都由 $x_t$ 与 $h_{t-1}$ 算出；细胞状态按 $c_t=f_t\\odot c_{t-1}+i_t\\odot g_t$ 更新，输出 $h_t=o_t\\odot\\tanh(c_t)$。`,
        en: `Three sigmoid gates (input $i$, forget $f$, output $o$) and a tanh candidate $g$ are computed from $x_t$ and $h_{t-1}$; the cell state is updated as $c_t=f_t\\odot c_{t-1}+i_t\\odot g_t$ and the output is $h_t=o_t\\odot\\tanh(c_t)$.`,
      },
      full: {
        zh: `**公式**（$\\sigma$ 为 sigmoid，$\\odot$ 为逐元素乘）：

$$\\begin{aligned}
i_t&=\\sigma(W_i x_t+U_i h_{t-1}+b_i)\\\\
f_t&=\\sigma(W_f x_t+U_f h_{t-1}+b_f)\\\\
o_t&=\\sigma(W_o x_t+U_o h_{t-1}+b_o)\\\\
g_t&=\\tanh(W_g x_t+U_g h_{t-1}+b_g)\\\\
c_t&=f_t\\odot c_{t-1}+i_t\\odot g_t\\\\
h_t&=o_t\\odot\\tanh(c_t)
\\end{aligned}$$

**各部分的作用：** 遗忘门决定旧记忆保留多少；输入门决定候选内容 $g_t$ 写入多少；输出门决定细胞状态的哪些部分暴露为 $h_t$。只列出三个门而不写细胞状态的更新，就漏掉了 LSTM 最关键的部分——加性的 $c_t$ 更新，正是它让梯度能长距离传播。

**历史：** Hochreiter & Schmidhuber（1997）的原始 LSTM 只有输入门和输出门，细胞状态自连接权重固定为 1；遗忘门是 Gers、Schmidhuber 与 Cummins 在 2000 年加入的，用来让网络在连续输入流上学会重置记忆。今天所说的“标准 LSTM”是后者（Greff et al. 的对比实验也表明遗忘门和输出激活最关键）。

**实现提示：** 四组权重通常拼成一个 $d\\times4u$ 和一个 $u\\times4u$ 的矩阵，一次矩阵乘法再切分（Keras 的顺序为 $i,f,c,o$）。LSTM 也并不保证训练“稳定”：仍可能梯度爆炸，需要裁剪。`,
        en: `**Equations** ($\\sigma$ = sigmoid, $\\odot$ = element-wise product):

$$\\begin{aligned}
i_t&=\\sigma(W_i x_t+U_i h_{t-1}+b_i)\\\\
f_t&=\\sigma(W_f x_t+U_f h_{t-1}+b_f)\\\\
o_t&=\\sigma(W_o x_t+U_o h_{t-1}+b_o)\\\\
g_t&=\\tanh(W_g x_t+U_g h_{t-1}+b_g)\\\\
c_t&=f_t\\odot c_{t-1}+i_t\\odot g_t\\\\
h_t&=o_t\\odot\\tanh(c_t)
\\end{aligned}$$

**Roles:** the forget gate decides how much old memory to keep, the input gate how much of the candidate $g_t$ to write, the output gate which parts of the cell are exposed as $h_t$. Listing the three gates without the cell update misses the heart of the LSTM: the additive $c_t$ update is what lets gradients travel far.

**History:** the original LSTM of Hochreiter & Schmidhuber (1997) had only input and output gates, with the cell's self-connection fixed to 1. The forget gate was added by Gers, Schmidhuber & Cummins (2000) so the network can learn to reset its memory on continual input streams. Today's "standard LSTM" is the latter; Greff et al.'s ablation found the forget gate and the output activation to be its most critical parts.

**Implementation note:** the four weight blocks are usually concatenated into one $d\\times4u$ and one $u\\times4u$ matrix, multiplied once and split (Keras order: $i,f,c,o$). And an LSTM does not guarantee "stable training": gradients can still explode and need clipping.`,
      },
    },
    references: [hochreiter1997, gers2000, greff2017],
    misconceptions: [
      {
        claim: {
          zh: `Hochreiter 和 Schmidhuber 提出的 LSTM 就有输入门、遗忘门、输出门三个门。`,
          en: `The LSTM proposed by Hochreiter and Schmidhuber already had three gates: input, forget and output.`,
        },
        correction: {
          zh: `1997 年的 LSTM 只有输入门和输出门；遗忘门由 Gers 等人在 2000 年加入。`,
          en: `The 1997 LSTM had only input and output gates; the forget gate was added by Gers et al. in 2000.`,
        },
        erratum: 6,
      },
      {
        claim: {
          zh: `LSTM 的工作原理就是三个门；有了它们就能保持稳定的训练。`,
          en: `An LSTM is just its three gates, and these make training stable.`,
        },
        correction: {
          zh: `必须写出细胞状态更新 $c_t=f_t\\odot c_{t-1}+i_t\\odot g_t$ 和输出 $h_t=o_t\\odot\\tanh(c_t)$；LSTM 缓解梯度消失，但训练仍可能不稳定（梯度爆炸），需要裁剪等手段。`,
          en: `The cell update $c_t=f_t\\odot c_{t-1}+i_t\\odot g_t$ and the output $h_t=o_t\\odot\\tanh(c_t)$ are essential; the LSTM mitigates vanishing gradients but training can still be unstable (exploding gradients) and needs clipping.`,
        },
        erratum: 6,
      },
    ],
  },
  {
    id: 'rnn-lstm-vs-gru',
    topic: 'rnn',
    subtopic: 'gru',
    tags: ['lstm', 'gru', 'gating', 'architecture-comparison'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 5, question: 5 },
    prompt: {
      zh: `LSTM 和 GRU 有什么区别？实际中如何选择？`,
      en: `What are the differences between an LSTM and a GRU, and how do you choose between them?`,
    },
    answer: {
      short: {
        zh: `GRU 没有独立的细胞状态和输出门，用一个更新门 $z$ 同时承担“遗忘”和“写入”（$h_t=z\\odot h_{t-1}+(1-z)\\odot\\tilde h_t$），再用重置门控制候选状态看多少历史；它有 3 组权重而 LSTM 有 4 组，参数约少 1/4，效果在多数任务上相近。`,
        en: `A GRU has no separate cell state and no output gate; a single update gate $z$ does both forgetting and writing ($h_t=z\\odot h_{t-1}+(1-z)\\odot\\tilde h_t$) and a reset gate controls how much history the candidate sees. It has 3 weight blocks versus the LSTM's 4 (about 25% fewer parameters) and performs similarly on most tasks.`,
      },
      full: {
        zh: `**结构差异：**

| | LSTM | GRU |
|---|---|---|
| 状态 | $c_t$ 和 $h_t$ 两个 | 只有 $h_t$ |
| 门 | 输入、遗忘、输出门 | 更新门 $z$、重置门 $r$ |
| 遗忘与写入 | $f$ 和 $i$ 相互独立 | 耦合：保留 $z$，写入 $1-z$ |
| 输出 | $o\\odot\\tanh(c)$，可隐藏部分记忆 | 整个状态直接输出 |
| 权重块 | 4 组 | 3 组 |

GRU 的公式（Cho et al., 2014；Keras 约定）：$z_t=\\sigma(W_zx_t+U_zh_{t-1}+b_z)$，$r_t=\\sigma(W_rx_t+U_rh_{t-1}+b_r)$，$\\tilde h_t=\\tanh(W_hx_t+U_h(r_t\\odot h_{t-1})+b_h)$，$h_t=z_t\\odot h_{t-1}+(1-z_t)\\odot\\tilde h_t$。

**计算量：** 单步约为 LSTM 的 3/4（矩阵乘法占主导），参数同理。“GRU 只是少了一个门、更便宜”这种说法不完整：关键在于它没有独立的记忆单元和输出门，并把遗忘和写入绑在一起。

**如何选择：** Chung et al.（2014）与 Jozefowicz et al.（2015）的实验中两者互有胜负、没有绝对优劣；后者发现只要给 LSTM 的遗忘门偏置加 1，LSTM 与 GRU 之间的差距就基本消失。经验上：数据少、资源紧时先试 GRU；需要更强记忆控制（如计数、长文本语言模型）时 LSTM 更常见。最终以验证集为准。`,
        en: `**Structure:**

| | LSTM | GRU |
|---|---|---|
| State | $c_t$ and $h_t$ | $h_t$ only |
| Gates | input, forget, output | update $z$, reset $r$ |
| Forget vs write | independent $f$ and $i$ | coupled: keep $z$, write $1-z$ |
| Output | $o\\odot\\tanh(c)$, can hide memory | the whole state |
| Weight blocks | 4 | 3 |

GRU equations (Cho et al., 2014; Keras convention): $z_t=\\sigma(W_zx_t+U_zh_{t-1}+b_z)$, $r_t=\\sigma(W_rx_t+U_rh_{t-1}+b_r)$, $\\tilde h_t=\\tanh(W_hx_t+U_h(r_t\\odot h_{t-1})+b_h)$, $h_t=z_t\\odot h_{t-1}+(1-z_t)\\odot\\tilde h_t$.

**Cost:** about 3/4 of an LSTM's per-step compute (matmuls dominate) and parameters. Saying only "a GRU has two gates and is cheaper" is incomplete: what matters is that it has no separate memory cell and no output gate, and ties forgetting to writing.

**Choosing:** in the comparisons of Chung et al. (2014) and Jozefowicz et al. (2015) neither wins everywhere; the latter found that adding 1 to the LSTM's forget-gate bias closes the gap between the LSTM and the GRU. Rule of thumb: try a GRU when data or compute is tight, an LSTM when finer memory control matters (e.g. counting, long-context language models) — and decide on the validation set.`,
      },
    },
    references: [cho2014, chung2014, jozefowicz2015],
    misconceptions: [
      {
        claim: {
          zh: `LSTM 与 GRU 的区别只是门的数量（3 个对 2 个），GRU 计算更便宜。`,
          en: `The only difference is the number of gates (3 vs 2), and the GRU is cheaper.`,
        },
        correction: {
          zh: `更本质的区别是：GRU 没有独立的细胞状态、没有输出门，更新门把遗忘和写入耦合在一起；权重块是 3 组对 4 组。`,
          en: `The essential differences: the GRU has no separate cell state and no output gate, and its update gate couples forgetting and writing; it has 3 weight blocks versus 4.`,
        },
        erratum: 8,
      },
    ],
  },
  {
    id: 'rnn-nlp-applications',
    topic: 'rnn',
    subtopic: 'applications',
    tags: ['nlp', 'text-classification', 'sequence-labeling', 'machine-translation'],
    kind: 'concept',
    difficulty: 1,
    seed: { chapter: 5, question: 6 },
    prompt: {
      zh: `RNN、LSTM 和 GRU 在自然语言处理中有哪些应用？分别对应哪种输入输出结构？`,
      en: `What are the applications of RNNs, LSTMs and GRUs in natural language processing, and which input/output pattern does each use?`,
    },
    answer: {
      short: {
        zh: `多对一：文本分类、情感分析；等长多对多：序列标注（分词、词性、NER）和语言模型；编码器-解码器：机器翻译、摘要、语音识别。如今这些任务大多已由 Transformer 接手，但 RNN 仍用于流式和低资源场景。`,
        en: `Many-to-one: text classification and sentiment analysis; aligned many-to-many: tagging (POS, NER) and language modelling; encoder-decoder: translation, summarisation, speech recognition. Transformers now dominate these tasks, but RNNs remain in streaming and low-resource settings.`,
      },
      full: {
        zh: `- **文本分类 / 情感分析（多对一）：** 词向量序列 → RNN → 取最后的隐藏状态（或对所有时间步做池化/注意力）→ 分类器。情感分析就是一种文本分类。变长文本要做填充并使用掩码。
- **序列标注（等长多对多）：** 每个位置输出一个标签，如词性标注、命名实体识别；常用双向 LSTM，再接 CRF 建模标签之间的转移（BiLSTM-CRF，Huang et al., 2015）。
- **语言模型（等长多对多）：** 在每一步预测下一个词，训练时用截断 BPTT，生成时逐词采样。
- **机器翻译 / 摘要（编码器-解码器）：** 编码器读入**源语言**句子得到表示；解码器以该表示为条件、以已生成的目标词为输入，**逐词生成**目标句（训练时用教师强制）。这与“同时编码源语言和目标语言”不同。Sutskever et al.（2014）给出了 LSTM seq2seq，Bahdanau et al.（2014）加入注意力，解决了单一向量的瓶颈。
- **语音识别：** 深层双向 LSTM + CTC（Graves et al., 2013）。

**现状：** 2017 年后这些任务的主流模型换成了 Transformer；RNN 的优势在于单步推理只需常数大小的状态，适合流式、端侧场景。`,
        en: `- **Text classification / sentiment (many-to-one):** embeddings → RNN → last hidden state (or pooling/attention over all steps) → classifier. Sentiment analysis is one kind of text classification. Variable-length texts need padding plus a mask.
- **Sequence labelling (aligned many-to-many):** one label per token, e.g. POS tagging or NER; typically a bidirectional LSTM, often with a CRF on top to model label transitions (BiLSTM-CRF, Huang et al., 2015).
- **Language modelling (aligned many-to-many):** predict the next token at every step; train with truncated BPTT, generate by sampling token by token.
- **Translation / summarisation (encoder-decoder):** the encoder reads the **source** sentence; the decoder, conditioned on it and fed the target tokens produced so far, **generates** the target one token at a time (teacher forcing during training). It does not "encode both languages". Sutskever et al. (2014) introduced LSTM seq2seq; Bahdanau et al. (2014) added attention to remove the single-vector bottleneck.
- **Speech recognition:** deep bidirectional LSTMs with CTC (Graves et al., 2013).

**Today:** since 2017 Transformers are the default for these tasks; RNNs keep an edge where constant-size state per step matters, such as streaming and on-device inference.`,
      },
    },
    references: [
      sutskever2014,
      bahdanau2014,
      { title: 'Bidirectional LSTM-CRF Models for Sequence Tagging', authors: 'Huang, Xu & Yu', year: 2015, arxiv: '1508.01991' },
      { title: 'Speech Recognition with Deep Recurrent Neural Networks', authors: 'Graves, Mohamed & Hinton', year: 2013, arxiv: '1303.5778' },
    ],
    misconceptions: [
      {
        claim: {
          zh: `机器翻译中用 LSTM 分别编码源语言和目标语言序列，再由解码器生成翻译。`,
          en: `In translation, an LSTM encodes both the source and the target sequence, then a decoder produces the translation.`,
        },
        correction: {
          zh: `编码器只编码源句；解码器是一个条件语言模型，依据编码结果和已生成的前缀自回归地生成目标句（训练时把真实前缀喂进去）。`,
          en: `The encoder encodes the source only; the decoder is a conditional language model that generates the target autoregressively from the encoding and the prefix so far (fed the ground-truth prefix during training).`,
        },
      },
    ],
  },
  {
    id: 'rnn-vision-applications',
    topic: 'rnn',
    subtopic: 'applications',
    tags: ['computer-vision', 'video', 'image-captioning', 'convlstm'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 5, question: 7 },
    prompt: {
      zh: `RNN、LSTM 和 GRU 在计算机视觉中有哪些应用？哪些视觉任务通常**不**用 RNN？`,
      en: `Where are RNNs, LSTMs and GRUs used in computer vision, and which vision tasks usually do **not** use them?`,
    },
    answer: {
      short: {
        zh: `RNN 适合视觉中“有时间或序列结构”的部分：视频理解（CNN 逐帧提特征 + LSTM）、图像描述生成、文字识别（CRNN + CTC）、时空预测（ConvLSTM）。图像分割主要靠 CNN 编码器-解码器（FCN、U-Net），姿态估计主要是关键点热图回归，而不是 RNN 或分类器。`,
        en: `RNNs fit the parts of vision with temporal or sequential structure: video understanding (per-frame CNN features + LSTM), image captioning, text recognition (CRNN + CTC) and spatio-temporal forecasting (ConvLSTM). Segmentation is mainly done with CNN encoder-decoders (FCN, U-Net), and pose estimation mainly by keypoint heatmap regression — not by RNNs or classifiers.`,
      },
      full: {
        zh: `**典型应用：**
- **视频分类 / 动作识别：** 用 CNN 对每帧提取特征，再用 LSTM 沿时间聚合（LRCN，Donahue et al.）。如今也常用 3D 卷积或视频 Transformer。
- **图像描述（Image captioning）：** CNN 编码图像，LSTM 作为语言模型逐词生成描述（Show and Tell，Vinyals et al.）。
- **场景文字识别：** CNN 把图像变成沿宽度方向的特征序列，双向 LSTM 建模上下文，再用 CTC 解码成字符串（CRNN，Shi et al.）。
- **时空预测：** ConvLSTM 把 LSTM 中的矩阵乘法换成卷积，用于降水临近预报等（Shi et al., 2015）。
- **视频中的跟踪、平滑：** 对逐帧检测或姿态结果做时序建模。

**不要夸大的部分：**
- **图像分割**几乎都是全卷积的编码器-解码器（FCN、U-Net、DeepLab 等），或者近年的 Transformer；所谓“用 RNN 对图像序列编码再解码出分割结果”并非主流做法。
- **姿态估计**的核心是关键点定位：回归坐标（DeepPose）或预测每个关节的热图（Stacked Hourglass 等），不是“编码后用分类器估计姿态”。RNN 只在视频场景中用于时序平滑。`,
        en: `**Typical uses:**
- **Video classification / action recognition:** a CNN extracts per-frame features and an LSTM aggregates them over time (LRCN, Donahue et al.). 3D convolutions and video Transformers are common today.
- **Image captioning:** a CNN encodes the image and an LSTM language model generates the caption word by word (Show and Tell, Vinyals et al.).
- **Scene-text recognition:** a CNN turns the image into a feature sequence along the width, a bidirectional LSTM adds context and CTC decodes the string (CRNN, Shi et al.).
- **Spatio-temporal forecasting:** ConvLSTM replaces the LSTM's matrix products by convolutions, e.g. for precipitation nowcasting (Shi et al., 2015).
- **Tracking and temporal smoothing** of per-frame detections or poses in video.

**What not to overclaim:**
- **Image segmentation** is done almost entirely by fully convolutional encoder-decoders (FCN, U-Net, DeepLab) or, recently, Transformers; "encode an image sequence with an RNN and decode a segmentation" is not the mainstream approach.
- **Pose estimation** is keypoint localisation: regressing coordinates (DeepPose) or predicting one heatmap per joint (Stacked Hourglass and successors), not "encode, then estimate the pose with a classifier". RNNs appear only for temporal smoothing in video.`,
      },
    },
    references: [
      { title: 'Long-term Recurrent Convolutional Networks for Visual Recognition and Description', authors: 'Donahue et al.', year: 2015, arxiv: '1411.4389' },
      { title: 'Show and Tell: A Neural Image Caption Generator', authors: 'Vinyals et al.', year: 2015, arxiv: '1411.4555' },
      { title: 'An End-to-End Trainable Neural Network for Image-based Sequence Recognition and Its Application to Scene Text Recognition', authors: 'Shi, Bai & Yao', year: 2015, arxiv: '1507.05717' },
      { title: 'Convolutional LSTM Network: A Machine Learning Approach for Precipitation Nowcasting', authors: 'Shi et al.', year: 2015, arxiv: '1506.04214' },
      { title: 'Fully Convolutional Networks for Semantic Segmentation', authors: 'Long, Shelhamer & Darrell', year: 2015, arxiv: '1411.4038' },
      { title: 'Stacked Hourglass Networks for Human Pose Estimation', authors: 'Newell, Yang & Deng', year: 2016, arxiv: '1603.06937' },
    ],
    misconceptions: [
      {
        claim: {
          zh: `图像分割是用 RNN/LSTM/GRU 对图像序列编码、再由解码器生成分割结果；姿态估计是对姿态数据编码后用分类器估计。`,
          en: `Image segmentation encodes image sequences with an RNN/LSTM/GRU and decodes the segmentation; pose estimation encodes pose data and estimates the pose with a classifier.`,
        },
        correction: {
          zh: `分割的主流是 CNN（或 Transformer）编码器-解码器；姿态估计是关键点坐标回归或热图预测，RNN 至多用于视频中的时序平滑。`,
          en: `Segmentation is mainly CNN (or Transformer) encoder-decoders; pose estimation is keypoint regression or heatmap prediction, with RNNs at most smoothing over video frames.`,
        },
        erratum: 9,
      },
    ],
  },
  {
    id: 'rnn-implement-simple-rnn',
    topic: 'rnn',
    subtopic: 'vanilla-rnn',
    tags: ['simple-rnn', 'implementation', 'binary-classification', 'tfjs'],
    kind: 'coding',
    difficulty: 2,
    seed: { chapter: 5, question: 8 },
    prompt: {
      zh: `实现一个简单的 RNN 序列分类模型：输入为形状 $[B,T,100]$ 的序列，SimpleRNN(50) 取最后的隐藏状态，接 sigmoid 输出做二分类。说明单元的计算、训练数据应当如何构造，以及如何验证实现是对的。`,
      en: `Implement a simple RNN sequence classifier: inputs of shape $[B,T,100]$, a SimpleRNN(50) whose last hidden state feeds a sigmoid output for binary classification. Explain the cell computation, how the training data must be built, and how you would check the implementation.`,
    },
    answer: {
      short: {
        zh: `单元按 $h_t=\\tanh(x_tW+h_{t-1}U+b)$ 递推，取 $h_T$ 接 Dense(1, sigmoid)，用二元交叉熵训练；标签必须是 0/1 而不是连续随机数，否则 accuracy 恒为 0。实现见 \`@dl/recurrent\` 的 \`simpleRnnCell\`、\`SimpleRNN\` 与 \`createRecurrentClassifier\`。`,
        en: `The cell computes $h_t=\\tanh(x_tW+h_{t-1}U+b)$; $h_T$ feeds Dense(1, sigmoid), trained with binary cross-entropy. Labels must be 0/1, not continuous random numbers, otherwise accuracy is always 0. See \`simpleRnnCell\`, \`SimpleRNN\` and \`createRecurrentClassifier\` in \`@dl/recurrent\`.`,
      },
      full: {
        zh: `**单元：** Keras 约定使用行向量，$x_t\\in\\mathbb R^{B\\times d}$，kernel $W\\in\\mathbb R^{d\\times u}$，recurrent kernel $U\\in\\mathbb R^{u\\times u}$：

$$h_t=\\tanh(x_tW+h_{t-1}U+b),\\quad h_0=0 .$$

参数量 $u(u+d)+u=50\\cdot150+50=7550$，加上 Dense(1) 的 51 个，共 7601。

**模型（tfjs）：**

\`\`\`ts
const model = tf.sequential();
model.add(tf.layers.simpleRNN({ units: 50, inputShape: [null, 100] }));
model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
\`\`\`

**数据：** 二元交叉熵 + accuracy 要求标签取 0 或 1，例如 \`tf.cast(tf.greater(tf.randomUniform([1000, 1]), 0.5), 'float32')\`。种子代码用 \`np.random.random\` 生成 $[0,1)$ 内的连续标签，binary accuracy 判断的是“预测四舍五入后是否等于标签”，对连续标签几乎永远为 0；而且它没有 \`import numpy as np\`，直接 NameError。

**验证：** 纯随机数据只能检验“能跑通”。更好的测试是造一个**可学**的任务（例如标签 = 序列第一个特征之和是否大于 0），断言准确率明显超过 50%；并用一个手写的 for 循环逐步调用 \`simpleRnnCell\`，与整层（\`SimpleRNN\`）的输出逐元素比对。分类器的组装见 \`createRecurrentClassifier\`。`,
        en: `**Cell:** Keras uses row vectors: $x_t\\in\\mathbb R^{B\\times d}$, kernel $W\\in\\mathbb R^{d\\times u}$, recurrent kernel $U\\in\\mathbb R^{u\\times u}$:

$$h_t=\\tanh(x_tW+h_{t-1}U+b),\\quad h_0=0 .$$

Parameters: $u(u+d)+u=50\\cdot150+50=7550$, plus 51 for Dense(1): 7601 in total.

**Model (tfjs):**

\`\`\`ts
const model = tf.sequential();
model.add(tf.layers.simpleRNN({ units: 50, inputShape: [null, 100] }));
model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
\`\`\`

**Data:** binary cross-entropy with accuracy needs labels in {0, 1}, e.g. \`tf.cast(tf.greater(tf.randomUniform([1000, 1]), 0.5), 'float32')\`. The seed draws continuous labels with \`np.random.random\`; binary accuracy checks whether the rounded prediction equals the label, which for continuous labels is essentially never true, so accuracy is 0. The seed also never imports numpy, so it stops with a NameError.

**Checking it:** random data only proves the code runs. A better test builds a *learnable* task (e.g. label = whether the sum of the first feature over time is positive) and asserts accuracy well above 50%, and compares a hand-written loop over \`simpleRnnCell\` with the whole layer (\`SimpleRNN\`) element by element. The classifier wiring is \`createRecurrentClassifier\`.`,
      },
    },
    references: [kerasSimpleRnn, dlbRnn],
    misconceptions: [
      {
        claim: {
          zh: `用 \`y = np.random.random((1000, 1))\` 作为标签，配合 binary_crossentropy 和 accuracy 训练就可以演示分类。`,
          en: `Labels \`y = np.random.random((1000, 1))\` with binary_crossentropy and accuracy are fine for a classification demo.`,
        },
        correction: {
          zh: `标签应为整数 0/1（如 \`np.random.randint(0, 2, (1000, 1))\`），连续标签下 binary accuracy 恒为 0；另外必须 \`import numpy as np\`。`,
          en: `Labels must be 0/1 integers (e.g. \`np.random.randint(0, 2, (1000, 1))\`); with continuous labels binary accuracy is always 0. And \`import numpy as np\` is missing.`,
        },
        erratum: 10,
      },
    ],
    verification: [vSimpleRnnCell, vSimpleRnnLayer, vClassifier],
  },
  {
    id: 'rnn-implement-lstm',
    topic: 'rnn',
    subtopic: 'lstm',
    tags: ['lstm', 'implementation', 'forget-bias', 'tfjs'],
    kind: 'coding',
    difficulty: 3,
    seed: { chapter: 5, question: 9 },
    prompt: {
      zh: `实现一个 LSTM 序列分类模型（LSTM(50) + sigmoid 输出，输入维度 100）。请写出 LSTM 单元一步的实现要点：权重布局、门的顺序、偏置初始化，并给出该层的参数量。`,
      en: `Implement an LSTM sequence classifier (LSTM(50) + sigmoid output, input size 100). Describe how one LSTM step is implemented — weight layout, gate order, bias initialisation — and give the layer's parameter count.`,
    },
    answer: {
      short: {
        zh: `把四个门的权重拼成 $W\\in\\mathbb R^{d\\times4u}$、$U\\in\\mathbb R^{u\\times4u}$，一次矩阵乘法后按 $i,f,g,o$ 切分，更新 $c_t=f\\odot c_{t-1}+i\\odot g$、$h_t=o\\odot\\tanh(c_t)$；遗忘门偏置初始化为 1。参数量 $4(u(u+d)+u)=30200$。实现见 \`@dl/recurrent\` 的 \`lstmCell\` 和 \`LSTM\` 层。`,
        en: `Concatenate the four gates' weights into $W\\in\\mathbb R^{d\\times4u}$ and $U\\in\\mathbb R^{u\\times4u}$, do one matmul, split into $i,f,g,o$, then $c_t=f\\odot c_{t-1}+i\\odot g$ and $h_t=o\\odot\\tanh(c_t)$; initialise the forget-gate bias to 1. Parameters: $4(u(u+d)+u)=30200$. See \`lstmCell\` and the \`LSTM\` layer of \`@dl/recurrent\`.`,
      },
      full: {
        zh: `**一步计算（tfjs 草图）：**

\`\`\`ts
// x: [B, d], h, c: [B, u], W: [d, 4u], U: [u, 4u], b: [4u]
const z = tf.add(tf.add(tf.matMul(x, W), tf.matMul(h, U)), b);
const [zi, zf, zg, zo] = tf.split(z, 4, 1); // Keras 顺序 i, f, c(g), o
const cNext = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg)));
const hNext = tf.mul(tf.sigmoid(zo), tf.tanh(cNext));
\`\`\`

**要点：**
- 门的顺序必须与加载的权重一致（Keras 为 $i,f,c,o$；PyTorch 为 $i,f,g,o$，名称不同，含义相同）。顺序弄错时模型照样能跑，只是结果不对，所以要用已知权重做对照测试。
- **遗忘门偏置初始化为 1**（Python Keras 默认 \`unit_forget_bias=True\`；tfjs 的 \`tf.layers.lstm\` 默认不开启，需显式传 \`unitForgetBias: true\`），让初始时 $f\\approx\\sigma(1)\\approx0.73$ 而不是 0.5，记忆衰减更慢（Jozefowicz et al., 2015）。
- recurrent kernel 默认正交初始化。
- 分类时取最后一步的 $h_T$；变长输入要配合掩码，否则 $h_T$ 来自填充位置。

**参数量：** $4(u(u+d)+u)=4(50\\cdot150+50)=30200$，加 Dense(1) 的 51 个共 30251；恰好是同尺寸 SimpleRNN 的 4 倍。

**数据与验证：** 与 SimpleRNN 那题相同——标签必须是 0/1（种子代码的连续随机标签让 accuracy 恒为 0，且缺少 numpy 导入），并在可学的合成任务上断言准确率。\`lstmCell\` 的测试应把逐步循环的结果与 \`LSTM\` 整层输出对比，并检查参数形状；分类器由 \`createRecurrentClassifier\` 组装。`,
        en: `**One step (tfjs sketch):**

\`\`\`ts
// x: [B, d], h, c: [B, u], W: [d, 4u], U: [u, 4u], b: [4u]
const z = tf.add(tf.add(tf.matMul(x, W), tf.matMul(h, U)), b);
const [zi, zf, zg, zo] = tf.split(z, 4, 1); // Keras order i, f, c(g), o
const cNext = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg)));
const hNext = tf.mul(tf.sigmoid(zo), tf.tanh(cNext));
\`\`\`

**Details that matter:**
- The gate order must match the weights you load (Keras: $i,f,c,o$; PyTorch: $i,f,g,o$ — same meaning, different name). A wrong order still runs but gives wrong results, so test against known weights.
- **Initialise the forget-gate bias to 1** (the default in Python Keras, \`unit_forget_bias=True\`; tfjs's \`tf.layers.lstm\` leaves it off unless you pass \`unitForgetBias: true\`) so that initially $f\\approx\\sigma(1)\\approx0.73$ rather than 0.5 and memory decays more slowly (Jozefowicz et al., 2015).
- The recurrent kernel is orthogonally initialised by default.
- For classification take the last $h_T$; with variable-length inputs use a mask, or $h_T$ comes from padding.

**Parameters:** $4(u(u+d)+u)=4(50\\cdot150+50)=30200$, plus 51 for Dense(1): 30251 — exactly 4× the same-size SimpleRNN.

**Data and checks:** as for the SimpleRNN question, labels must be 0/1 (the seed's continuous random labels make accuracy 0, and numpy is never imported), and a learnable synthetic task should be asserted on. The \`lstmCell\` test should compare a step-by-step loop with the whole \`LSTM\` layer and check parameter shapes; \`createRecurrentClassifier\` assembles the classifier.`,
      },
    },
    references: [kerasLstm, gers2000, jozefowicz2015],
    misconceptions: [
      {
        claim: {
          zh: `种子代码用 \`np.random.random\` 生成标签训练 LSTM 二分类器，输出的 accuracy 可以反映模型效果。`,
          en: `The seed's LSTM binary classifier trained on \`np.random.random\` labels reports a meaningful accuracy.`,
        },
        correction: {
          zh: `连续标签下 binary accuracy 恒为 0，且代码缺少 \`import numpy as np\`；标签应为 \`np.random.randint(0, 2, (1000, 1))\`，最好换成可学习的合成任务。`,
          en: `With continuous labels binary accuracy is always 0, and \`import numpy as np\` is missing; use \`np.random.randint(0, 2, (1000, 1))\`, or better a learnable synthetic task.`,
        },
        erratum: 10,
      },
    ],
    verification: [vLstmCell, vLstmLayer, vClassifier],
  },
  {
    id: 'rnn-implement-gru',
    topic: 'rnn',
    subtopic: 'gru',
    tags: ['gru', 'implementation', 'reset-after', 'tfjs'],
    kind: 'coding',
    difficulty: 3,
    seed: { chapter: 5, question: 10 },
    prompt: {
      zh: `实现一个 GRU 序列分类模型（GRU(50) + sigmoid 输出，输入维度 100）。写出 GRU 单元的实现，解释 Keras 的 \`reset_after\` 选项，并给出参数量。`,
      en: `Implement a GRU sequence classifier (GRU(50) + sigmoid output, input size 100). Write out the GRU cell, explain Keras' \`reset_after\` option and give the parameter count.`,
    },
    answer: {
      short: {
        zh: `按 $z,r,\\tilde h$ 三块计算，$h_t=z\\odot h_{t-1}+(1-z)\\odot\\tilde h_t$；\`reset_after=True\`（TF2 默认，与 cuDNN 兼容）时重置门乘在 $h_{t-1}U_h+b_h^{(r)}$ 之后，输入和循环各有一份偏置，参数量 $3(u(u+d)+2u)=22800$。实现见 \`@dl/recurrent\` 的 \`gruCell\` 与 \`GRU\` 层。`,
        en: `Compute three blocks $z,r,\\tilde h$ and $h_t=z\\odot h_{t-1}+(1-z)\\odot\\tilde h_t$. With \`reset_after=True\` (the TF2 default, cuDNN-compatible) the reset gate multiplies $h_{t-1}U_h+b_h^{(r)}$ after the matmul and there are separate input and recurrent biases, giving $3(u(u+d)+2u)=22800$ parameters. See \`gruCell\` and the \`GRU\` layer of \`@dl/recurrent\`.`,
      },
      full: {
        zh: `**单元（行向量约定，Keras 门顺序 $z,r,h$）：**

$$\\begin{aligned}
z_t&=\\sigma(x_tW_z+h_{t-1}U_z+b_z)\\\\
r_t&=\\sigma(x_tW_r+h_{t-1}U_r+b_r)\\\\
\\tilde h_t&=\\tanh\\big(x_tW_h+b_h^{(x)}+r_t\\odot(h_{t-1}U_h+b_h^{(r)})\\big)\\quad(\\texttt{reset\\_after=True})\\\\
h_t&=z_t\\odot h_{t-1}+(1-z_t)\\odot\\tilde h_t
\\end{aligned}$$

**\`reset_after\`：** Cho et al.（2014）原文是先重置再乘矩阵：$\\tilde h_t=\\tanh(x_tW_h+(r_t\\odot h_{t-1})U_h+b_h)$（\`reset_after=False\`）。cuDNN 采用“先乘矩阵再重置”，这样 $h_{t-1}$ 与三块 $U$ 的乘法可以合并成一次 $h_{t-1}[U_z|U_r|U_h]$。TF2 中 \`reset_after=True\` 是默认值，也是用 cuDNN 内核的前提。两者数学上不等价，加载权重时必须一致。

**参数量：** kernel $d\\cdot3u$，recurrent kernel $u\\cdot3u$，偏置在 \`reset_after=True\` 时形状为 $(2,3u)$：$3(u(u+d)+2u)=3(7500+100)=22800$；\`reset_after=False\` 时为 $3(u(u+d)+u)=22650$。加上 Dense(1) 共 22851。

**插值方向：** Keras/PyTorch 都是 $h_t=z h_{t-1}+(1-z)\\tilde h_t$，$z\\to1$ 时保留旧状态；有的教材写成 $(1-z)h_{t-1}+z\\tilde h_t$，两种都对，只是 $z$ 的含义相反，实现与权重要对得上。

**数据：** 同前两题，标签必须是 0/1，并需要 \`import numpy as np\`。测试中用逐步循环的 \`gruCell\` 对照整层 \`GRU\`，并检查参数量与上式一致。`,
        en: `**Cell (row vectors, Keras gate order $z,r,h$):**

$$\\begin{aligned}
z_t&=\\sigma(x_tW_z+h_{t-1}U_z+b_z)\\\\
r_t&=\\sigma(x_tW_r+h_{t-1}U_r+b_r)\\\\
\\tilde h_t&=\\tanh\\big(x_tW_h+b_h^{(x)}+r_t\\odot(h_{t-1}U_h+b_h^{(r)})\\big)\\quad(\\texttt{reset\\_after=True})\\\\
h_t&=z_t\\odot h_{t-1}+(1-z_t)\\odot\\tilde h_t
\\end{aligned}$$

**\`reset_after\`:** Cho et al. (2014) reset before the matmul: $\\tilde h_t=\\tanh(x_tW_h+(r_t\\odot h_{t-1})U_h+b_h)$ (\`reset_after=False\`). cuDNN resets after the matmul, so the three products with $h_{t-1}$ fuse into one $h_{t-1}[U_z|U_r|U_h]$. In TF2 \`reset_after=True\` is the default and a requirement for the cuDNN kernel. The two variants are not mathematically equivalent; weights must be loaded into the matching one.

**Parameters:** kernel $d\\cdot3u$, recurrent kernel $u\\cdot3u$, bias of shape $(2,3u)$ when \`reset_after=True\`: $3(u(u+d)+2u)=3(7500+100)=22800$; with \`reset_after=False\`, $3(u(u+d)+u)=22650$. With Dense(1): 22851.

**Interpolation direction:** Keras and PyTorch use $h_t=z h_{t-1}+(1-z)\\tilde h_t$, so $z\\to1$ keeps the old state; some texts write $(1-z)h_{t-1}+z\\tilde h_t$. Both are valid with $z$'s meaning flipped — code and weights must agree.

**Data:** as in the previous two questions, labels must be 0/1 and numpy must be imported. Tests should compare a loop over \`gruCell\` with the whole \`GRU\` layer and check the parameter count above.`,
      },
    },
    references: [cho2014, kerasGru],
    misconceptions: [
      {
        claim: {
          zh: `种子代码中 GRU 模型用 \`np.random.random\` 生成的连续标签训练二分类器没有问题。`,
          en: `Training the seed's GRU binary classifier on continuous \`np.random.random\` labels is fine.`,
        },
        correction: {
          zh: `应使用 0/1 整数标签（\`np.random.randint(0, 2, (1000, 1))\`）并导入 numpy；否则 accuracy 恒为 0，代码甚至无法运行。`,
          en: `Use 0/1 integer labels (\`np.random.randint(0, 2, (1000, 1))\`) and import numpy; otherwise accuracy is always 0 and the code does not even run.`,
        },
        erratum: 10,
      },
    ],
    verification: [vGruCell, vGruLayer, vClassifier],
  },
  // ===================================================================================
  // Gradients through time.
  // ===================================================================================
  {
    id: 'rnn-bptt-jacobian-product',
    topic: 'rnn',
    subtopic: 'bptt',
    tags: ['bptt', 'jacobian', 'spectral-radius', 'vanishing-gradient', 'exploding-gradient'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: `对 $h_t=\\tanh(W_hh_{t-1}+W_xx_t+b)$ 推导随时间反向传播（BPTT）中 $\\partial L/\\partial W_h$ 的表达式，并说明在什么条件下梯度必然消失、什么条件下才可能爆炸（Pascanu et al., 2013 的论证）。`,
      en: `For $h_t=\\tanh(W_hh_{t-1}+W_xx_t+b)$, derive $\\partial L/\\partial W_h$ under back-propagation through time (BPTT), and state when the gradient must vanish and when it can explode (the argument of Pascanu et al., 2013).`,
    },
    answer: {
      short: {
        zh: `$\\partial h_t/\\partial h_k=\\prod_{j=k+1}^{t}\\operatorname{diag}(1-h_j^2)W_h$，其范数不超过 $(\\gamma\\,\\sigma_{\\max}(W_h))^{t-k}$（tanh 的 $\\gamma=1$）。$\\sigma_{\\max}<1/\\gamma$ 是长程梯度消失的充分条件，$\\sigma_{\\max}>1/\\gamma$ 是梯度爆炸的必要条件；线性情形下由谱半径 $\\rho(W_h)$ 与 1 的大小决定。`,
        en: `$\\partial h_t/\\partial h_k=\\prod_{j=k+1}^{t}\\operatorname{diag}(1-h_j^2)W_h$, whose norm is at most $(\\gamma\\,\\sigma_{\\max}(W_h))^{t-k}$ ($\\gamma=1$ for tanh). $\\sigma_{\\max}<1/\\gamma$ is sufficient for long-term gradients to vanish and $\\sigma_{\\max}>1/\\gamma$ is necessary for them to explode; in the linear case the spectral radius $\\rho(W_h)$ versus 1 decides.`,
      },
      full: {
        zh: `**展开求和。** 记 $a_t=W_hh_{t-1}+W_xx_t+b$，$L=\\sum_tL_t$。$W_h$ 在每一步都出现，所以

$$\\frac{\\partial L}{\\partial W_h}=\\sum_t\\sum_{k\\le t}\\frac{\\partial L_t}{\\partial h_t}\\,\\frac{\\partial h_t}{\\partial h_k}\\,\\frac{\\partial^+h_k}{\\partial W_h},$$

其中 $\\partial^+$ 表示只对第 $k$ 步中显式出现的 $W_h$ 求导（$\\partial^+h_k/\\partial W_h$ 对应 $\\operatorname{diag}(1-h_k^2)$ 与 $h_{k-1}^\\top$ 的外积）。

**雅可比连乘。** $\\partial h_j/\\partial h_{j-1}=\\operatorname{diag}(\\tanh'(a_j))\\,W_h$，因此

$$\\frac{\\partial h_t}{\\partial h_k}=\\prod_{j=k+1}^{t}\\operatorname{diag}(1-h_j^2)\\,W_h .$$

**界。** 设 $\\|\\operatorname{diag}(f'(a))\\|\\le\\gamma$（tanh 为 1，sigmoid 为 1/4），$\\sigma_{\\max}$ 为 $W_h$ 的最大奇异值：

$$\\Big\\|\\frac{\\partial h_t}{\\partial h_k}\\Big\\|\\le(\\gamma\\,\\sigma_{\\max})^{t-k}.$$

若 $\\sigma_{\\max}<1/\\gamma$，长程项随 $t-k$ 指数衰减——这是梯度消失的**充分**条件；反过来，梯度爆炸**必要**有 $\\sigma_{\\max}>1/\\gamma$（但不充分，tanh 饱和时导数很小）。

**线性情形与谱半径。** 去掉非线性、且 $W_h=Q\\Lambda Q^{-1}$ 可对角化时，$W_h^{t-k}$ 在第 $i$ 个特征方向上按 $\\lambda_i^{t-k}$ 缩放：$\\rho(W_h)<1$ 则消失，$\\rho>1$ 则沿对应方向爆炸。注意 $\\rho\\le\\sigma_{\\max}$，非正规矩阵即使 $\\rho<1$ 也可能出现短暂的放大。

**要点：** “消失”指的是远距离项相对近距离项指数级变小，总梯度并不为零，所以模型仍能学到短程模式，却学不到长程依赖。`,
        en: `**Unrolled sum.** Let $a_t=W_hh_{t-1}+W_xx_t+b$ and $L=\\sum_tL_t$. $W_h$ is used at every step, so

$$\\frac{\\partial L}{\\partial W_h}=\\sum_t\\sum_{k\\le t}\\frac{\\partial L_t}{\\partial h_t}\\,\\frac{\\partial h_t}{\\partial h_k}\\,\\frac{\\partial^+h_k}{\\partial W_h},$$

where $\\partial^+$ differentiates only the explicit occurrence of $W_h$ at step $k$ (the outer product of $\\operatorname{diag}(1-h_k^2)$-scaled errors with $h_{k-1}^\\top$).

**Product of Jacobians.** $\\partial h_j/\\partial h_{j-1}=\\operatorname{diag}(\\tanh'(a_j))\\,W_h$, hence

$$\\frac{\\partial h_t}{\\partial h_k}=\\prod_{j=k+1}^{t}\\operatorname{diag}(1-h_j^2)\\,W_h .$$

**Bound.** With $\\|\\operatorname{diag}(f'(a))\\|\\le\\gamma$ ($1$ for tanh, $1/4$ for sigmoid) and $\\sigma_{\\max}$ the largest singular value of $W_h$:

$$\\Big\\|\\frac{\\partial h_t}{\\partial h_k}\\Big\\|\\le(\\gamma\\,\\sigma_{\\max})^{t-k}.$$

If $\\sigma_{\\max}<1/\\gamma$, long-term terms decay exponentially in $t-k$ — a **sufficient** condition for vanishing. Conversely $\\sigma_{\\max}>1/\\gamma$ is **necessary** (not sufficient: saturated tanh has tiny derivatives) for exploding.

**Linear case and spectral radius.** Without the nonlinearity and with $W_h=Q\\Lambda Q^{-1}$, $W_h^{t-k}$ scales the $i$-th eigendirection by $\\lambda_i^{t-k}$: $\\rho(W_h)<1$ vanishes, $\\rho>1$ explodes along the corresponding directions. Note $\\rho\\le\\sigma_{\\max}$; non-normal matrices can show transient growth even with $\\rho<1$.

**Key point:** "vanishing" means long-range terms become exponentially smaller than short-range ones; the total gradient is not zero, so the model learns short patterns but not long dependencies.`,
      },
    },
    references: [pascanu2013, dlbRnn],
    verification: [vSimpleRnnCell, vSimpleRnnLayer],
  },
  {
    id: 'rnn-lstm-cell-state-jacobian',
    topic: 'rnn',
    subtopic: 'lstm',
    tags: ['lstm', 'constant-error-carousel', 'jacobian', 'forget-gate'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: `推导 LSTM 中 $\\partial c_t/\\partial c_{t-1}$ 的完整表达式。哪一项构成“恒定误差传送带”（CEC）？为什么原始 LSTM 没有遗忘门，后来又要加上？`,
      en: `Derive the full expression of $\\partial c_t/\\partial c_{t-1}$ in an LSTM. Which term is the constant error carousel (CEC)? Why did the original LSTM have no forget gate, and why was one added later?`,
    },
    answer: {
      short: {
        zh: `$\\partial c_t/\\partial c_{t-1}=\\operatorname{diag}(f_t)+$（经由 $h_{t-1}$ 进入各门的间接项）。直接项 $\\operatorname{diag}(f_t)$ 不含权重矩阵和激活导数，$f\\equiv1$ 时为单位阵，这就是 CEC；但 $f\\equiv1$ 时细胞状态在连续输入流上会无界漂移，于是 Gers 等人（2000）加入了遗忘门让网络学会重置。`,
        en: `$\\partial c_t/\\partial c_{t-1}=\\operatorname{diag}(f_t)+$ (indirect terms through $h_{t-1}$ into the gates). The direct term $\\operatorname{diag}(f_t)$ contains no weight matrix and no activation derivative; with $f\\equiv1$ it is the identity — the CEC. But with $f\\equiv1$ the cell state drifts without bound on continual input, so Gers et al. (2000) added a forget gate that learns to reset it.`,
      },
      full: {
        zh: `**推导。** $c_t=f_t\\odot c_{t-1}+i_t\\odot g_t$，而门 $f_t,i_t,g_t$ 都依赖 $h_{t-1}=o_{t-1}\\odot\\tanh(c_{t-1})$。由链式法则：

$$\\frac{\\partial c_t}{\\partial c_{t-1}}=\\underbrace{\\operatorname{diag}(f_t)}_{\\text{直接项}}+\\Big[\\operatorname{diag}(c_{t-1})\\frac{\\partial f_t}{\\partial h_{t-1}}+\\operatorname{diag}(g_t)\\frac{\\partial i_t}{\\partial h_{t-1}}+\\operatorname{diag}(i_t)\\frac{\\partial g_t}{\\partial h_{t-1}}\\Big]\\frac{\\partial h_{t-1}}{\\partial c_{t-1}},$$

其中 $\\partial f_t/\\partial h_{t-1}=\\operatorname{diag}(f_t\\odot(1-f_t))U_f$，$\\partial i_t/\\partial h_{t-1}=\\operatorname{diag}(i_t\\odot(1-i_t))U_i$，$\\partial g_t/\\partial h_{t-1}=\\operatorname{diag}(1-g_t^2)U_g$，$\\partial h_{t-1}/\\partial c_{t-1}=\\operatorname{diag}(o_{t-1}\\odot(1-\\tanh^2c_{t-1}))$。

**CEC。** 沿直接项走 $k$ 步，$\\partial c_t/\\partial c_{t-k}=\\operatorname{diag}(\\prod_{j}f_j)$：没有 $U$ 的连乘，也没有激活函数导数的压缩，衰减速度完全由学到的遗忘门决定。原始 LSTM（1997）中细胞自连接权重固定为 1（相当于 $f\\equiv1$），这一项恒为 $I$，误差可以无衰减地“转圈”；同时它截断了经过门的间接梯度，因此间接项的消失/爆炸问题不影响训练。

**为何加遗忘门。** $f\\equiv1$ 时 $c_t=c_0+\\sum_j i_j\\odot g_j$ 只能累加，在不分段的长输入流上会无界增长、使 $\\tanh(c)$ 饱和，网络也无法丢弃过时信息。Gers、Schmidhuber 与 Cummins（2000）引入可学习的 $f_t$，让网络在需要时把记忆清零。

**间接项**含 $U$ 矩阵，性质与普通 RNN 相同，仍可能消失或爆炸——这也是 LSTM 仍需梯度裁剪的原因。`,
        en: `**Derivation.** $c_t=f_t\\odot c_{t-1}+i_t\\odot g_t$, and the gates $f_t,i_t,g_t$ all depend on $h_{t-1}=o_{t-1}\\odot\\tanh(c_{t-1})$. By the chain rule:

$$\\frac{\\partial c_t}{\\partial c_{t-1}}=\\underbrace{\\operatorname{diag}(f_t)}_{\\text{direct}}+\\Big[\\operatorname{diag}(c_{t-1})\\frac{\\partial f_t}{\\partial h_{t-1}}+\\operatorname{diag}(g_t)\\frac{\\partial i_t}{\\partial h_{t-1}}+\\operatorname{diag}(i_t)\\frac{\\partial g_t}{\\partial h_{t-1}}\\Big]\\frac{\\partial h_{t-1}}{\\partial c_{t-1}},$$

with $\\partial f_t/\\partial h_{t-1}=\\operatorname{diag}(f_t\\odot(1-f_t))U_f$, $\\partial i_t/\\partial h_{t-1}=\\operatorname{diag}(i_t\\odot(1-i_t))U_i$, $\\partial g_t/\\partial h_{t-1}=\\operatorname{diag}(1-g_t^2)U_g$ and $\\partial h_{t-1}/\\partial c_{t-1}=\\operatorname{diag}(o_{t-1}\\odot(1-\\tanh^2c_{t-1}))$.

**The CEC.** Following the direct term for $k$ steps, $\\partial c_t/\\partial c_{t-k}=\\operatorname{diag}(\\prod_jf_j)$: no product of $U$ matrices and no squashing by activation derivatives; the decay rate is set entirely by the learned forget gates. In the original 1997 LSTM the cell's self-connection was fixed to 1 ($f\\equiv1$), so this term is exactly $I$ and error "circulates" undecayed; the original also truncated the gradients flowing through the gates, so the indirect terms' vanishing/exploding did not matter.

**Why the forget gate.** With $f\\equiv1$, $c_t=c_0+\\sum_j i_j\\odot g_j$ can only accumulate; on long unsegmented input streams it grows without bound, saturates $\\tanh(c)$, and stale information cannot be dropped. Gers, Schmidhuber & Cummins (2000) introduced a learned $f_t$ so the network can reset its memory.

**The indirect terms** contain the $U$ matrices and behave like a vanilla RNN's Jacobian; they can still vanish or explode — one reason LSTMs still need gradient clipping.`,
      },
    },
    references: [hochreiter1997, gers2000, greff2017],
    verification: [vLstmCell],
  },
  {
    id: 'rnn-gru-update-gate-jacobian',
    topic: 'rnn',
    subtopic: 'gru',
    tags: ['gru', 'jacobian', 'update-gate', 'leaky-integrator'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: `写出 GRU（Cho et al., 2014）的方程，推导 $\\partial h_t/\\partial h_{t-1}$，并解释 GRU 为什么也能缓解梯度消失。若更新门恒为 $z=0.99$，100 步后旧状态还保留多少？`,
      en: `Write the GRU equations (Cho et al., 2014), derive $\\partial h_t/\\partial h_{t-1}$, and explain why a GRU also mitigates vanishing gradients. If the update gate stays at $z=0.99$, how much of the old state survives 100 steps?`,
    },
    answer: {
      short: {
        zh: `$\\partial h_t/\\partial h_{t-1}=\\operatorname{diag}(z_t)+\\dots$，其余各项都带因子 $z_t(1-z_t)$ 或 $1-z_t$，$z\\to1$ 时雅可比趋于单位阵，状态和梯度都能近乎无损地复制。$z=0.99$ 时 100 步后保留 $0.99^{100}\\approx0.366$。`,
        en: `$\\partial h_t/\\partial h_{t-1}=\\operatorname{diag}(z_t)+\\dots$, and every other term carries a factor $z_t(1-z_t)$ or $1-z_t$; as $z\\to1$ the Jacobian tends to the identity, so state and gradient are copied almost losslessly. With $z=0.99$, $0.99^{100}\\approx0.366$ survives 100 steps.`,
      },
      full: {
        zh: `**方程**（列向量，重置门作用在矩阵乘法之前，即 Cho 等人的原始形式）：

$$\\begin{aligned}
z_t&=\\sigma(W_zx_t+U_zh_{t-1}+b_z),\\qquad r_t=\\sigma(W_rx_t+U_rh_{t-1}+b_r)\\\\
\\tilde h_t&=\\tanh(W_hx_t+U_h(r_t\\odot h_{t-1})+b_h)\\\\
h_t&=z_t\\odot h_{t-1}+(1-z_t)\\odot\\tilde h_t
\\end{aligned}$$

**雅可比。** 对 $h_{t-1}$ 求导，三处依赖分别给出：

$$\\frac{\\partial h_t}{\\partial h_{t-1}}=\\operatorname{diag}(z_t)+\\operatorname{diag}\\big((h_{t-1}-\\tilde h_t)\\odot z_t\\odot(1-z_t)\\big)U_z+\\operatorname{diag}(1-z_t)\\frac{\\partial\\tilde h_t}{\\partial h_{t-1}},$$

$$\\frac{\\partial\\tilde h_t}{\\partial h_{t-1}}=\\operatorname{diag}(1-\\tilde h_t^2)\\,U_h\\big[\\operatorname{diag}(r_t)+\\operatorname{diag}\\big(h_{t-1}\\odot r_t\\odot(1-r_t)\\big)U_r\\big].$$

**为何缓解梯度消失。** 当 $z_t\\to1$ 时，第二项的 $z(1-z)\\to0$，第三项的 $1-z\\to0$，只剩 $\\operatorname{diag}(z_t)\\approx I$：这是一条与 LSTM 直接项 $\\operatorname{diag}(f_t)$ 类似的加性通路。GRU 可以看作时间常数可学习、随输入变化的“漏积分器”，有效记忆长度约为 $1/(1-z)$ 步。

**数值。** 只沿直接通路，$k$ 步后保留 $\\prod_j z_j$。$z=0.99$：$0.99^{100}\\approx0.366$；若 $z=0.9$，仅 10 步就降到 $0.9^{10}\\approx0.349$。与 LSTM 不同，GRU 的“保留”和“写入”是耦合的（$z$ 与 $1-z$），不能同时完整保留旧状态又大量写入新内容。`,
        en: `**Equations** (column vectors, reset applied before the matmul as in Cho et al.):

$$\\begin{aligned}
z_t&=\\sigma(W_zx_t+U_zh_{t-1}+b_z),\\qquad r_t=\\sigma(W_rx_t+U_rh_{t-1}+b_r)\\\\
\\tilde h_t&=\\tanh(W_hx_t+U_h(r_t\\odot h_{t-1})+b_h)\\\\
h_t&=z_t\\odot h_{t-1}+(1-z_t)\\odot\\tilde h_t
\\end{aligned}$$

**Jacobian.** Differentiating through the three places $h_{t-1}$ appears:

$$\\frac{\\partial h_t}{\\partial h_{t-1}}=\\operatorname{diag}(z_t)+\\operatorname{diag}\\big((h_{t-1}-\\tilde h_t)\\odot z_t\\odot(1-z_t)\\big)U_z+\\operatorname{diag}(1-z_t)\\frac{\\partial\\tilde h_t}{\\partial h_{t-1}},$$

$$\\frac{\\partial\\tilde h_t}{\\partial h_{t-1}}=\\operatorname{diag}(1-\\tilde h_t^2)\\,U_h\\big[\\operatorname{diag}(r_t)+\\operatorname{diag}\\big(h_{t-1}\\odot r_t\\odot(1-r_t)\\big)U_r\\big].$$

**Why vanishing is mitigated.** As $z_t\\to1$, the factor $z(1-z)$ of the second term and $1-z$ of the third go to 0, leaving $\\operatorname{diag}(z_t)\\approx I$: an additive path like the LSTM's direct term $\\operatorname{diag}(f_t)$. A GRU is a leaky integrator with a learned, input-dependent time constant; its memory spans roughly $1/(1-z)$ steps.

**Numbers.** Along the direct path, $\\prod_jz_j$ survives $k$ steps. With $z=0.99$: $0.99^{100}\\approx0.366$; with $z=0.9$ only 10 steps already give $0.9^{10}\\approx0.349$. Unlike the LSTM, keeping and writing are coupled ($z$ vs $1-z$): a GRU cannot keep its old state fully and write a lot of new content at the same time.`,
      },
    },
    references: [cho2014, chung2014],
    verification: [vGruCell],
  },
  {
    id: 'rnn-forget-gate-bias-init',
    topic: 'rnn',
    subtopic: 'lstm',
    tags: ['lstm', 'forget-gate', 'initialization', 'bias'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `为什么常把 LSTM 遗忘门的偏置初始化为 1？假设初始化时遗忘门的取值约为 $\\sigma(b_f)$，分别计算 $b_f=0,1,2$ 时，沿细胞状态直接通路传播 20 步后梯度的衰减因子。`,
      en: `Why is the LSTM forget-gate bias often initialised to 1? Assuming the forget gate sits near $\\sigma(b_f)$ at initialisation, compute the gradient attenuation along the cell-state path over 20 steps for $b_f=0,1,2$.`,
    },
    answer: {
      short: {
        zh: `衰减因子为 $\\sigma(b_f)^{20}$：$b_f=0$ 时 $0.5^{20}\\approx9.5\\times10^{-7}$，$b_f=1$ 时 $0.731^{20}\\approx1.9\\times10^{-3}$，$b_f=2$ 时 $0.881^{20}\\approx0.079$。偏置为 0 时长程梯度一开始就几乎为零，偏置为 1 让记忆默认“保留”，这是 Jozefowicz et al.（2015）推荐、Keras 默认采用的做法。`,
        en: `The factor is $\\sigma(b_f)^{20}$: $0.5^{20}\\approx9.5\\times10^{-7}$ for $b_f=0$, $0.731^{20}\\approx1.9\\times10^{-3}$ for $b_f=1$, $0.881^{20}\\approx0.079$ for $b_f=2$. With bias 0 long-range gradients are almost zero from the start; bias 1 makes "keep" the default, as recommended by Jozefowicz et al. (2015) and done by default in Keras.`,
      },
      full: {
        zh: `**为什么。** 初始化时权重很小，遗忘门预激活约等于偏置，$f\\approx\\sigma(b_f)$。沿细胞状态直接通路，$\\partial c_t/\\partial c_{t-k}=\\prod_j\\operatorname{diag}(f_j)\\approx\\sigma(b_f)^k I$。若 $b_f=0$，每一步都把梯度（以及记忆本身）减半，远处的信号在训练初期就传不回来，网络很难“发现”长程依赖。

**计算（$k=20$）：**

| $b_f$ | $\\sigma(b_f)$ | $\\sigma(b_f)^{20}$ | 时间常数 $1/(1-f)=1+e^{b_f}$ |
|---|---|---|---|
| 0 | 0.5 | $9.5\\times10^{-7}$ | 2 步 |
| 1 | 0.731 | $1.9\\times10^{-3}$ | 约 3.7 步 |
| 2 | 0.881 | $0.079$ | 约 8.4 步 |

$b_f=1$ 比 $b_f=0$ 在 20 步上大约 2000 倍。

**实践。** Jozefowicz、Zaremba 与 Sutskever（2015）发现给遗忘门偏置加 1 能显著改善 LSTM，并弥合它与 GRU 的差距；他们也指出，这一做法在 Gers et al.（2000）中就已出现。Python Keras 默认 \`unit_forget_bias=True\`（偏置其余部分为 0，遗忘门为 1）；tfjs 需要显式设置 \`unitForgetBias: true\`。对于极长依赖，可以用更大的偏置，或按期望时间尺度设置（如 Tallec & Ollivier 2018 的 chrono 初始化）。即便如此，100 步时 $0.731^{100}\\approx2.5\\times10^{-14}$，仍要靠训练把 $f$ 推到更接近 1。`,
        en: `**Why.** At initialisation the weights are small, so the forget-gate pre-activation is about its bias and $f\\approx\\sigma(b_f)$. Along the cell path, $\\partial c_t/\\partial c_{t-k}=\\prod_j\\operatorname{diag}(f_j)\\approx\\sigma(b_f)^kI$. With $b_f=0$ every step halves the gradient (and the memory itself), so distant signals cannot reach early layers in early training and the network struggles to discover long dependencies at all.

**Numbers ($k=20$):**

| $b_f$ | $\\sigma(b_f)$ | $\\sigma(b_f)^{20}$ | time constant $1/(1-f)=1+e^{b_f}$ |
|---|---|---|---|
| 0 | 0.5 | $9.5\\times10^{-7}$ | 2 steps |
| 1 | 0.731 | $1.9\\times10^{-3}$ | ≈3.7 steps |
| 2 | 0.881 | $0.079$ | ≈8.4 steps |

Bias 1 gives about 2000× more gradient than bias 0 over 20 steps.

**Practice.** Jozefowicz, Zaremba & Sutskever (2015) found that adding 1 to the forget-gate bias markedly improves the LSTM and closes its gap with the GRU; they note that the idea was already present in Gers et al. (2000). Python Keras defaults to \`unit_forget_bias=True\` (all biases 0 except the forget gate's, which is 1); in tfjs set \`unitForgetBias: true\` explicitly. For very long dependencies use a larger bias or set it from the expected time scale (e.g. the chrono initialisation of Tallec & Ollivier, 2018). Even so, $0.731^{100}\\approx2.5\\times10^{-14}$, so training must still push $f$ closer to 1.`,
      },
    },
    references: [jozefowicz2015, gers2000, dlbRnn, kerasLstm],
    misconceptions: [
      {
        claim: {
          zh: `偏置全初始化为 0 最“中性”，遗忘门也应如此。`,
          en: `Zero bias is the most "neutral" choice, including for the forget gate.`,
        },
        correction: {
          zh: `遗忘门偏置为 0 意味着初始时每步丢一半记忆，是强烈偏向“遗忘”的选择；设为 1 才让默认行为接近“保留”。`,
          en: `A zero forget bias means forgetting half the memory every step at initialisation — a strong bias towards forgetting; a bias of 1 makes "keep" closer to the default.`,
        },
      },
    ],
    verification: [vLstmCell, vLstmLayer],
  },
  {
    id: 'rnn-parameter-counts',
    topic: 'rnn',
    subtopic: 'parameter-count',
    tags: ['parameter-count', 'lstm', 'gru', 'simple-rnn', 'keras'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `输入维度 $d$、隐藏单元数 $u$，按 Keras 约定推导 SimpleRNN、LSTM、GRU 层的参数量公式（GRU 分 \`reset_after=True/False\` 两种）。以 $d=128,u=256$ 为例算出具体数字；PyTorch 的 LSTM 又是多少？`,
      en: `With input size $d$ and $u$ units, derive the parameter counts of Keras SimpleRNN, LSTM and GRU layers (GRU with \`reset_after=True\` and \`False\`). Work out the numbers for $d=128,u=256$. What does PyTorch's LSTM have?`,
    },
    answer: {
      short: {
        zh: `SimpleRNN：$u(u+d)+u$；LSTM：$4(u(u+d)+u)$；GRU：\`reset_after=True\` 为 $3(u(u+d)+2u)$，\`False\` 为 $3(u(u+d)+u)$。$d=128,u=256$ 时分别为 98,560、394,240、296,448、295,680；PyTorch LSTM 有两份偏置，为 $4(u(u+d)+2u)=395{,}264$。`,
        en: `SimpleRNN: $u(u+d)+u$; LSTM: $4(u(u+d)+u)$; GRU: $3(u(u+d)+2u)$ with \`reset_after=True\`, $3(u(u+d)+u)$ with \`False\`. For $d=128,u=256$: 98,560, 394,240, 296,448 and 295,680. PyTorch's LSTM has two bias vectors: $4(u(u+d)+2u)=395{,}264$.`,
      },
      full: {
        zh: `**推导。** 每个“块”（一个门或候选状态）都有：输入权重 $d\\times u$、循环权重 $u\\times u$、偏置 $u$，即 $u(u+d)+u$ 个参数。

- **SimpleRNN：** 1 块，$u(u+d)+u$。
- **LSTM：** $i,f,g,o$ 4 块，$4(u(u+d)+u)$。Keras 把它们存成 kernel $(d,4u)$、recurrent_kernel $(u,4u)$、bias $(4u)$。
- **GRU：** $z,r,\\tilde h$ 3 块。\`reset_after=True\`（TF2 默认）时输入侧和循环侧各有一份偏置，bias 形状 $(2,3u)$，共 $3(u(u+d)+2u)$；\`reset_after=False\` 只有一份偏置，共 $3(u(u+d)+u)$。

**算例 $d=128,u=256$：** $u(u+d)=256\\times384=98{,}304$。
- SimpleRNN：$98{,}304+256=98{,}560$
- LSTM：$4\\times98{,}560=394{,}240$
- GRU（reset_after=True）：$3\\times(98{,}304+512)=296{,}448$
- GRU（reset_after=False）：$3\\times98{,}560=295{,}680$

（种子题的 $d=100,u=50$：7,550 / 30,200 / 22,800 / 22,650。）

**其他约定：** PyTorch 的 \`nn.LSTM\` 有 \`b_ih\` 和 \`b_hh\` 两份偏置，共 $4(u(u+d)+2u)=395{,}264$；\`nn.GRU\` 同样两份，与 Keras \`reset_after=True\` 相同。双向层参数翻倍；堆叠时第二层的 $d$ 变为下层输出维度（双向则为 $2u$）。参数量与序列长度无关。`,
        en: `**Derivation.** Each block (a gate or the candidate) has input weights $d\\times u$, recurrent weights $u\\times u$ and a bias $u$: $u(u+d)+u$ parameters.

- **SimpleRNN:** 1 block, $u(u+d)+u$.
- **LSTM:** 4 blocks $i,f,g,o$: $4(u(u+d)+u)$, stored in Keras as kernel $(d,4u)$, recurrent_kernel $(u,4u)$, bias $(4u)$.
- **GRU:** 3 blocks $z,r,\\tilde h$. With \`reset_after=True\` (the TF2 default) there is one bias for the input side and one for the recurrent side, bias shape $(2,3u)$: $3(u(u+d)+2u)$. With \`reset_after=False\`, one bias: $3(u(u+d)+u)$.

**Worked example $d=128,u=256$:** $u(u+d)=256\\times384=98{,}304$.
- SimpleRNN: $98{,}304+256=98{,}560$
- LSTM: $4\\times98{,}560=394{,}240$
- GRU (reset_after=True): $3\\times(98{,}304+512)=296{,}448$
- GRU (reset_after=False): $3\\times98{,}560=295{,}680$

(For the seed's $d=100,u=50$: 7,550 / 30,200 / 22,800 / 22,650.)

**Other conventions:** PyTorch's \`nn.LSTM\` keeps two biases, \`b_ih\` and \`b_hh\`: $4(u(u+d)+2u)=395{,}264$; \`nn.GRU\` likewise has two, matching Keras \`reset_after=True\`. A bidirectional layer doubles the count; in a stack the next layer's $d$ is the previous output size ($2u$ if bidirectional). The count does not depend on sequence length.`,
      },
    },
    references: [kerasLstm, kerasGru, kerasSimpleRnn],
    verification: [vParameterCount, vSimpleRnnLayer, vLstmLayer, vGruLayer],
  },
  {
    id: 'rnn-clip-by-global-norm',
    topic: 'rnn',
    subtopic: 'gradient-clipping',
    tags: ['gradient-clipping', 'exploding-gradient', 'global-norm', 'optimization'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `什么是按全局范数裁剪梯度？两个参数的梯度为 $g_1=(3,4)$、$g_2=(12)$，阈值为 5，裁剪后是多少？它和逐张量裁剪、按值裁剪有什么区别？`,
      en: `What is gradient clipping by global norm? Two parameters have gradients $g_1=(3,4)$ and $g_2=(12)$ and the threshold is 5: what are the clipped gradients? How does this differ from per-tensor and by-value clipping?`,
    },
    answer: {
      short: {
        zh: `全局范数 $\\|g\\|=\\sqrt{9+16+144}=13>5$，所有梯度统一乘以 $5/13$：$g_1\\approx(1.154,1.538)$，$g_2\\approx4.615$。统一缩放保持整体更新方向不变；逐张量裁剪和按值裁剪都会改变方向。`,
        en: `The global norm is $\\sqrt{9+16+144}=13>5$, so every gradient is scaled by $5/13$: $g_1\\approx(1.154,1.538)$, $g_2\\approx4.615$. A single common scale keeps the overall update direction; per-tensor and by-value clipping change it.`,
      },
      full: {
        zh: `**定义**（Pascanu et al., 2013；TensorFlow \`tf.clip_by_global_norm\`）：把所有参数的梯度看成一个长向量，

$$\\|g\\|=\\sqrt{\\sum_i\\|g_i\\|_2^2},\\qquad g_i\\leftarrow g_i\\cdot\\frac{c}{\\max(\\|g\\|,c)} .$$

范数不超过阈值 $c$ 时不变，否则整体缩放到范数恰为 $c$。

**算例：** $\\|g\\|=\\sqrt{3^2+4^2+12^2}=\\sqrt{169}=13$，缩放因子 $5/13\\approx0.3846$：
- $g_1=(15/13,20/13)\\approx(1.154,1.538)$
- $g_2=60/13\\approx4.615$

验证：$\\sqrt{1.154^2+1.538^2+4.615^2}=5$。

**对比：**
- **逐张量裁剪**（每个张量单独按自身范数裁剪）：$g_1$ 范数为 5 不变，$g_2$ 变为 5，二者比例被改变，更新方向偏了。
- **按值裁剪**（每个分量截到 $[-c,c]$）：方向改变更大。

**为什么对 RNN 重要。** 梯度爆炸往往来自损失曲面上的“悬崖”：局部梯度极大，一步就越过好的区域。裁剪只限制步长、保留方向，使训练跳过悬崖而不发散。阈值常取 1～5，或参考训练中梯度范数的典型值。实现上应在优化器更新之前、（混合精度时）取消损失缩放之后进行，并把裁剪前的范数记录下来，它是诊断 NaN 的第一条线索。`,
        en: `**Definition** (Pascanu et al., 2013; TensorFlow \`tf.clip_by_global_norm\`): treat all parameter gradients as one long vector,

$$\\|g\\|=\\sqrt{\\sum_i\\|g_i\\|_2^2},\\qquad g_i\\leftarrow g_i\\cdot\\frac{c}{\\max(\\|g\\|,c)} .$$

Gradients are unchanged when the norm is at most $c$; otherwise they are scaled together to norm exactly $c$.

**Example:** $\\|g\\|=\\sqrt{3^2+4^2+12^2}=\\sqrt{169}=13$, scale $5/13\\approx0.3846$:
- $g_1=(15/13,20/13)\\approx(1.154,1.538)$
- $g_2=60/13\\approx4.615$

Check: $\\sqrt{1.154^2+1.538^2+4.615^2}=5$.

**Comparison:**
- **Per-tensor clipping** (each tensor clipped by its own norm): $g_1$ has norm 5 and is unchanged, $g_2$ becomes 5, so their ratio changes and the update direction is distorted.
- **By-value clipping** (each component into $[-c,c]$): distorts the direction even more.

**Why it matters for RNNs.** Exploding gradients come from "cliffs" in the loss surface: a huge local gradient that jumps past the good region in one step. Clipping bounds the step but keeps its direction, so training steps over the cliff instead of diverging. Typical thresholds are 1–5, or around the usual gradient norm seen during training. Clip before the optimizer step and, with mixed precision, after unscaling the loss; log the pre-clip norm — it is the first clue when diagnosing NaNs.`,
      },
    },
    references: [pascanu2013, tfClipByGlobalNorm],
    verification: [vClipByGlobalNorm],
  },
  // ===================================================================================
  // Training recurrent networks.
  // ===================================================================================
  {
    id: 'rnn-truncated-bptt',
    topic: 'rnn',
    subtopic: 'bptt',
    tags: ['truncated-bptt', 'language-model', 'stateful-rnn', 'memory'],
    kind: 'coding',
    difficulty: 3,
    prompt: {
      zh: `在一个很长的文本流上训练字符级 LSTM 语言模型，如何实现截断 BPTT？说明数据如何切分成批次、状态如何在片段之间传递、梯度在哪里截断，以及这种做法的代价。`,
      en: `You train a character-level LSTM language model on one very long text stream. How do you implement truncated BPTT? Explain how the data are cut into batches, how the state is carried between chunks, where the gradient is cut, and what the trade-off is.`,
    },
    answer: {
      short: {
        zh: `把文本流 reshape 成 $B$ 条连续的子流，每次取长度 $k$ 的片段做前向和反向；上一片段的最终状态作为下一片段的初始状态，但作为常量传入（截断梯度）。显存从 $O(T)$ 降到 $O(k)$，代价是梯度只覆盖 $k$ 步以内的依赖。语言模型见 \`createCharLanguageModel\`。`,
        en: `Reshape the stream into $B$ contiguous sub-streams and process chunks of length $k$ forward and backward; the final state of one chunk becomes the initial state of the next, passed in as a constant (gradient cut). Memory drops from $O(T)$ to $O(k)$; the price is that gradients only cover dependencies up to $k$ steps. See \`createCharLanguageModel\`.`,
      },
      full: {
        zh: `**数据布局。** 长度为 $N$ 的字符流先裁成 $B$ 的整数倍，再 reshape 为 $[B,N/B]$：第 $b$ 行是一段连续文本。第 $n$ 个批次取所有行的第 $[nk,(n+1)k)$ 列作输入、右移一位作目标。这样第 $n+1$ 批的第 $b$ 行正好接着第 $n$ 批的第 $b$ 行——**不能打乱**批次顺序或行顺序，否则传递过去的状态与文本对不上。

**训练循环（tfjs 思路）：**

\`\`\`ts
let state = zeroState(B);                 // [h, c]
for (const { x, y } of chunks) {          // x, y: [B, k]
  const prev = state;
  optimizer.minimize(() => {
    const { logits, finalState } = forward(x, prev); // 展开 k 步
    state = finalState.map((s) => tf.keep(s));
    return tf.losses.softmaxCrossEntropy(tf.oneHot(y, V), logits);
  });
  prev.forEach((s) => s.dispose());
}
\`\`\`

\`prev\` 不是 \`tf.Variable\`，在新一轮求导中只是常量，梯度自然在片段边界处截断（相当于 PyTorch 的 \`detach()\` 或 TF 的 \`stop_gradient\`）。新的纪元或文档边界处把状态重置为零。Keras/tfjs-layers 中对应 \`stateful: true\`（需固定批大小）配合 \`resetStates()\`。

**TBPTT($k_1,k_2$)。** Williams & Peng 的一般形式是每前进 $k_1$ 步更新一次、每次回传 $k_2$ 步；最常用的是 $k_1=k_2=k$（如 Zaremba et al. 在 PTB 上展开 35 步）。

**代价。** 反向传播需要保存的激活为 $O(k\\cdot B\\cdot u)$，不再随整条文本流的长度增长，而且每个片段都能更新一次参数。但超过 $k$ 步的依赖得不到梯度信号：前向状态虽然携带了更早的信息，模型却无法直接学会如何写入这些信息。片段开头位置的上下文也较短，评估时应使用连续状态而不是每段清零。`,
        en: `**Data layout.** Trim the stream of $N$ characters to a multiple of $B$ and reshape it to $[B,N/B]$: row $b$ is one contiguous piece of text. Batch $n$ takes columns $[nk,(n+1)k)$ of every row as input and the same shifted by one as target. Row $b$ of batch $n+1$ then continues row $b$ of batch $n$ — so **do not shuffle** batches or rows, or the carried state no longer matches the text.

**Training loop (tfjs sketch):**

\`\`\`ts
let state = zeroState(B);                 // [h, c]
for (const { x, y } of chunks) {          // x, y: [B, k]
  const prev = state;
  optimizer.minimize(() => {
    const { logits, finalState } = forward(x, prev); // unroll k steps
    state = finalState.map((s) => tf.keep(s));
    return tf.losses.softmaxCrossEntropy(tf.oneHot(y, V), logits);
  });
  prev.forEach((s) => s.dispose());
}
\`\`\`

\`prev\` is not a \`tf.Variable\`, so in the new gradient computation it is a constant and the gradient is cut at the chunk boundary (PyTorch's \`detach()\`, TF's \`stop_gradient\`). Reset the state to zero at epoch or document boundaries. In Keras/tfjs-layers this is \`stateful: true\` (fixed batch size) plus \`resetStates()\`.

**TBPTT($k_1,k_2$).** Williams & Peng's general form updates every $k_1$ steps and back-propagates $k_2$ steps; the common case is $k_1=k_2=k$ (Zaremba et al. unrolled 35 steps on PTB).

**Trade-off.** Activation memory for the backward pass is $O(k\\cdot B\\cdot u)$ instead of growing with the full stream, and parameters are updated after every chunk. But dependencies longer than $k$ get no gradient signal: the forward state does carry older information, yet the model cannot directly learn how to write it. Positions at the start of a chunk have shorter context in training; at evaluation carry the state continuously rather than resetting each chunk.`,
      },
    },
    references: [
      dlbRnn,
      {
        title: 'An Efficient Gradient-Based Algorithm for On-Line Training of Recurrent Network Trajectories',
        authors: 'Williams & Peng',
        year: 1990,
        url: 'https://doi.org/10.1162/neco.1990.2.4.490',
      },
      { title: 'Recurrent Neural Network Regularization', authors: 'Zaremba, Sutskever & Vinyals', year: 2014, arxiv: '1409.2329' },
    ],
    misconceptions: [
      {
        claim: {
          zh: `截断 BPTT 时既然梯度截断了，状态也应在每个片段开始时清零。`,
          en: `Since truncated BPTT cuts the gradient, the state should also be reset at the start of each chunk.`,
        },
        correction: {
          zh: `只截断梯度，不截断状态：前向状态要连续传递，否则模型在片段开头永远没有上下文，训练与连续推理不一致。`,
          en: `Cut the gradient, not the state: the forward state must be carried over, or the model never has context at chunk starts and training mismatches continuous inference.`,
        },
      },
    ],
    verification: [vCharLanguageModel],
  },
  {
    id: 'rnn-teacher-forcing-exposure-bias',
    topic: 'rnn',
    subtopic: 'seq2seq',
    tags: ['teacher-forcing', 'exposure-bias', 'scheduled-sampling', 'decoding'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: `什么是教师强制（teacher forcing）？它带来的“曝光偏差”（exposure bias）是什么？有哪些缓解方法，各有什么问题？`,
      en: `What is teacher forcing? What is the exposure bias it causes? Which remedies exist, and what are their drawbacks?`,
    },
    answer: {
      short: {
        zh: `教师强制是训练解码器时把真实的上一个词 $y_{t-1}$ 作为输入，而推理时只能用模型自己的预测；模型训练中从未见过自己的错误，推理时错误会累积，这就是曝光偏差。缓解方法有计划采样、序列级训练（如 MIXER）以及推理时的束搜索。`,
        en: `Teacher forcing feeds the ground-truth previous token $y_{t-1}$ to the decoder during training, whereas at inference it must consume its own predictions; never having seen its own mistakes, the model lets errors compound at inference — exposure bias. Remedies include scheduled sampling, sequence-level training (e.g. MIXER) and beam search at inference.`,
      },
      full: {
        zh: `**教师强制。** 自回归模型 $p(y)=\\prod_tp(y_t\\mid y_{<t},x)$ 用最大似然训练时，条件中的 $y_{<t}$ 就是真实前缀，所以训练时把真实的 $y_{t-1}$ 喂给解码器。好处：梯度正确对应最大似然目标、收敛快，Transformer 中还能让所有位置并行计算。

**曝光偏差。** 推理时解码器只能以自己生成的 $\\hat y_{t-1}$ 为输入。训练中的前缀分布（真实数据）与推理时的前缀分布（模型生成）不同，一旦某一步出错，模型进入从未见过的状态，错误可能越滚越大。这个名字来自 Ranzato et al.（2015）。

**缓解方法：**
- **计划采样**（Bengio et al., 2015）：每一步以概率 $\\epsilon_i$ 用真实词、$1-\\epsilon_i$ 用模型采样的词，$\\epsilon_i$ 随训练按线性、指数或反 sigmoid 衰减。缺点：采样步不回传梯度，目标不再是一致的最大似然估计，效果依赖调参。
- **序列级训练**：直接优化 BLEU 等序列指标，如 MIXER 用 REINFORCE（Ranzato et al., 2015）；方差大，通常需要先用教师强制预训练。
- **推理端**：束搜索减少早期错误的影响。

**实践观点：** 大规模数据与模型下，纯教师强制 + 好的解码策略往往已足够；曝光偏差的实际影响大小仍有争议，应以实验为准。`,
        en: `**Teacher forcing.** An autoregressive model $p(y)=\\prod_tp(y_t\\mid y_{<t},x)$ trained by maximum likelihood conditions on the true prefix $y_{<t}$, so during training the decoder is fed the true $y_{t-1}$. Benefits: the gradient is exactly that of the likelihood, convergence is fast, and in Transformers all positions can be computed in parallel.

**Exposure bias.** At inference the decoder must consume its own $\\hat y_{t-1}$. Prefixes at training time come from the data, at test time from the model; after one mistake the model is in a state it never saw in training and errors can snowball. The term comes from Ranzato et al. (2015).

**Remedies:**
- **Scheduled sampling** (Bengio et al., 2015): at each step use the true token with probability $\\epsilon_i$ and a model sample otherwise, decaying $\\epsilon_i$ linearly, exponentially or by an inverse sigmoid. Drawbacks: no gradient through the sampling, the objective is no longer a consistent maximum-likelihood estimator, and results depend on the schedule.
- **Sequence-level training:** optimise BLEU-like metrics directly, e.g. MIXER with REINFORCE (Ranzato et al., 2015); high variance, usually needs teacher-forced pre-training.
- **At inference:** beam search reduces the damage of early mistakes.

**In practice:** with large data and models, plain teacher forcing plus a good decoding strategy is often enough; how much exposure bias hurts is debated and should be measured.`,
      },
    },
    references: [
      { title: 'Scheduled Sampling for Sequence Prediction with Recurrent Neural Networks', authors: 'Bengio et al.', year: 2015, arxiv: '1506.03099' },
      { title: 'Sequence Level Training with Recurrent Neural Networks', authors: 'Ranzato et al.', year: 2015, arxiv: '1511.06732' },
      dlbRnn,
    ],
  },
  {
    id: 'rnn-bidirectional-last-step-bug',
    topic: 'rnn',
    subtopic: 'bidirectional',
    tags: ['bidirectional', 'debugging', 'sequence-classification', 'return-sequences'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: `同事把情感分类器中的 LSTM 换成了 \`Bidirectional(LSTM(64, return_sequences=True))\`，然后取 \`outputs[:, -1, :]\` 接分类头，结果准确率没有提升甚至略降。问题出在哪里？双向 RNN 还有哪些使用限制？`,
      en: `A colleague replaced the LSTM of a sentiment classifier with \`Bidirectional(LSTM(64, return_sequences=True))\` and feeds \`outputs[:, -1, :]\` to the classification head; accuracy does not improve and even drops slightly. What is wrong? What other limits do bidirectional RNNs have?`,
    },
    answer: {
      short: {
        zh: `在最后一个位置，反向 LSTM 只读了最后一个词，所以 \`outputs[:, -1, :]\` 的后半部分几乎不含信息。应使用 \`return_sequences=False\`（拼接前向在 $T$ 处、反向在位置 1 处的最终状态），或对所有时间步做带掩码的池化/注意力。双向 RNN 需要完整序列，不能用于自回归生成和流式推理。`,
        en: `At the last position the backward LSTM has read only the last token, so the second half of \`outputs[:, -1, :]\` carries almost nothing. Use \`return_sequences=False\` (which concatenates the forward final state at $T$ and the backward final state at position 1) or masked pooling/attention over all steps. Bidirectional RNNs need the whole sequence, so they cannot be used for autoregressive generation or streaming.`,
      },
      full: {
        zh: `**原理。** 双向 RNN（Schuster & Paliwal, 1997）用两条独立的 RNN 分别正向、反向读序列，在每个位置 $t$ 拼接 $[\\overrightarrow h_t;\\overleftarrow h_t]$。$\\overrightarrow h_t$ 概括 $x_{1..t}$，$\\overleftarrow h_t$ 概括 $x_{t..T}$。Keras 的 \`Bidirectional\` 在 \`return_sequences=True\` 时会把反向输出按时间重新对齐。

**Bug。** 在 $t=T$ 处，$\\overleftarrow h_T$ 只看过 $x_T$ 一个词，而 $\\overleftarrow h$ 的“完整摘要”在 $t=1$ 处。取 \`outputs[:, -1, :]\` 相当于给分类头加了 64 维几乎无用的特征，结果不比单向好。

**修复：**
- \`return_sequences=False\`：Keras 自动拼接前向最终状态（位置 $T$）和反向最终状态（位置 1）；
- 或保留整条序列，做带掩码的平均/最大池化或注意力池化；
- 若有填充，配合掩码，保证前向的“最后一步”是最后一个真实词，反向也从真实的最后一个词开始。

**使用限制：**
- 需要整条序列才能计算任意位置的输出：适合分类、序列标注、语音识别的编码器，**不能**用于语言模型或解码器（会看到未来的词，训练中“作弊”，推理时又没有未来可看）。
- 不适合低延迟的流式推理。
- 参数与计算量翻倍，下一层输入维度变为 $2u$。`,
        en: `**How it works.** A bidirectional RNN (Schuster & Paliwal, 1997) runs two independent RNNs, forward and backward, and concatenates $[\\overrightarrow h_t;\\overleftarrow h_t]$ at each position. $\\overrightarrow h_t$ summarises $x_{1..t}$ and $\\overleftarrow h_t$ summarises $x_{t..T}$. With \`return_sequences=True\`, Keras' \`Bidirectional\` re-aligns the backward outputs in time.

**The bug.** At $t=T$, $\\overleftarrow h_T$ has seen only $x_T$; the backward direction's full summary sits at $t=1$. Taking \`outputs[:, -1, :]\` adds 64 nearly useless features to the head, so the model is no better than a unidirectional one.

**Fixes:**
- \`return_sequences=False\`: Keras concatenates the forward final state (position $T$) and the backward final state (position 1);
- or keep the sequence and use masked mean/max pooling or attention pooling;
- with padding, use a mask so that the forward "last step" is the last real token and the backward pass starts from it.

**Limits:**
- Every output needs the whole sequence: fine for classification, tagging and speech encoders, but **not** for language models or decoders (they would see future tokens — cheating in training, and there is no future at inference).
- Unsuitable for low-latency streaming.
- Twice the parameters and compute; the next layer's input is $2u$ wide.`,
      },
    },
    references: [
      {
        title: 'Bidirectional Recurrent Neural Networks',
        authors: 'Schuster & Paliwal',
        year: 1997,
        url: 'https://doi.org/10.1109/78.650093',
      },
      { title: 'Keras API reference: Bidirectional layer', url: 'https://keras.io/api/layers/recurrent_layers/bidirectional/' },
      { title: 'Speech Recognition with Deep Recurrent Neural Networks', authors: 'Graves, Mohamed & Hinton', year: 2013, arxiv: '1303.5778' },
    ],
  },
  {
    id: 'rnn-padded-batches-masking',
    topic: 'rnn',
    subtopic: 'masking',
    tags: ['padding', 'masking', 'variable-length', 'debugging'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: `一个 LSTM 文本分类器用补零（post-padding）的批次训练，最终取 $h_T$ 分类。症状：短文本几乎总被判成同一类；同一条样本放进不同批次（填充长度不同）时预测概率会变。原因是什么？怎么修，怎么写测试防止回归？`,
      en: `An LSTM text classifier is trained on zero-padded batches (post-padding) and classifies from $h_T$. Symptoms: short texts are almost always put in the same class, and the same example gets different probabilities in different batches (different pad lengths). What is the cause, how do you fix it, and what test prevents a regression?`,
    },
    answer: {
      short: {
        zh: `没有掩码时 RNN 会继续“读”填充符，$h_T$ 是在一长串填充之后的状态，短文本的信息被冲掉，且结果依赖填充长度。修复：\`Embedding(mask_zero=True)\`（下标 0 保留给填充）或 \`Masking\` 层，让被掩码的步跳过状态更新；序列输出的损失也要按掩码求平均。测试：同一序列在不同填充长度下输出应一致。`,
        en: `Without a mask the RNN keeps "reading" the pad tokens, so $h_T$ is the state after a long run of padding: short texts are washed out and the output depends on the pad length. Fix: \`Embedding(mask_zero=True)\` (index 0 reserved for padding) or a \`Masking\` layer so masked steps skip the state update, and average sequence losses over real tokens only. Test: a sequence must give the same output at any pad length.`,
      },
      full: {
        zh: `**原因。** 填充符 0 也有词向量，LSTM 会像处理普通词一样在每个填充位置更新状态。采用后填充时，短文本后面跟着几十个填充，$h_T$ 主要反映“读了很多填充”，于是短文本都塌缩到同一类；填充长度随批次变化，预测也随之改变。Keras \`pad_sequences\` 默认 \`padding='pre'\`，最后一步正好是真实词，能部分掩盖这一问题，但前置的填充仍会改变初始状态。

**修复：**
1. \`Embedding(vocabSize + 1, dim, mask_zero=True)\`（tfjs 为 \`maskZero: true\`），或在连续特征上用 \`Masking(mask_value=0)\`。掩码沿层传递，RNN 在被掩码的步**保留上一状态**，最终状态就是最后一个真实词处的状态。下标 0 不能再用作真实词。
2. 序列级输出（标注、语言模型）的损失：$\\sum_t m_t\\ell_t/\\max(\\sum_t m_t,1)$，分母防止整行都是填充时出现 0/0。
3. 池化与注意力也要用掩码：平均池化只除以真实长度；注意力在填充位置的打分置为很大的负数再做 softmax。
4. 在 TF 中，带掩码时 cuDNN 内核要求右侧填充（post-padding）。按长度分桶可以减少填充浪费。

**回归测试：** 随机取一条长度为 $L$ 的序列，分别填充到 $L$、$L+5$、$L+50$，断言模型输出在浮点误差内相同；再断言“全填充”的行不会产生 NaN 损失。\`padSequences\` 的测试应覆盖 pre/post 填充与截断方向。`,
        en: `**Cause.** Pad id 0 has an embedding too, and the LSTM updates its state at every pad position as if it were a word. With post-padding, a short text is followed by dozens of pads, so $h_T$ mostly says "read a lot of padding" and short texts collapse into one class; since the pad length changes from batch to batch, so do the predictions. Keras' \`pad_sequences\` defaults to \`padding='pre'\`, which puts a real token at the last step and partly hides the bug, but the leading pads still change the initial state.

**Fix:**
1. \`Embedding(vocabSize + 1, dim, mask_zero=True)\` (tfjs: \`maskZero: true\`), or \`Masking(mask_value=0)\` on continuous features. The mask propagates; at masked steps the RNN **keeps the previous state**, so the final state is the one at the last real token. Index 0 can no longer be a real token.
2. Sequence outputs (tagging, LM): loss $=\\sum_t m_t\\ell_t/\\max(\\sum_t m_t,1)$; the guard avoids 0/0 for all-padding rows.
3. Pooling and attention must use the mask too: mean-pool over real length only; set attention logits at pads to a large negative value before the softmax.
4. In TF, the cuDNN kernel with a mask requires right (post) padding. Bucketing by length reduces wasted padding.

**Regression test:** take a sequence of length $L$, pad it to $L$, $L+5$ and $L+50$, and assert identical outputs up to float tolerance; also assert that an all-padding row gives no NaN loss. The \`padSequences\` tests should cover pre/post padding and truncation.`,
      },
    },
    references: [tfMaskingGuide, tfRnnGuide],
    verification: [vPadSequences],
  },
  {
    id: 'rnn-loss-becomes-nan',
    topic: 'rnn',
    subtopic: 'debugging',
    tags: ['nan', 'exploding-gradient', 'gradient-clipping', 'numerical-stability'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: `训练一个 LSTM 语言模型，前几百步损失正常下降，突然某一步变成 NaN 并一直保持。请给出排查顺序：可能的原因、如何区分、如何修复。`,
      en: `An LSTM language model trains normally for a few hundred steps, then the loss suddenly becomes NaN and stays NaN. Give a debugging procedure: likely causes, how to tell them apart, and how to fix each.`,
    },
    answer: {
      short: {
        zh: `最常见的是梯度爆炸：一次巨大的更新把权重推到 inf/NaN；其次是数值问题，如对 softmax 输出取 $\\log(0)$、带掩码损失中的 0/0、fp16 溢出或数据中的 NaN/越界标签。记录每步的梯度范数和损失即可区分；修复为按全局范数裁剪、降低学习率、用 logits 计算交叉熵、给掩码分母加保护。`,
        en: `Most often an exploding gradient: one huge update pushes weights to inf/NaN. Next come numerical issues: $\\log(0)$ of a softmax output, 0/0 in a masked loss, fp16 overflow, or NaNs/out-of-range labels in the data. Logging the gradient norm and loss per step tells them apart; fixes are global-norm clipping, a lower learning rate, cross-entropy from logits, and a guarded mask denominator.`,
      },
      full: {
        zh: `**第一步：加日志。** 每步记录损失、裁剪前的全局梯度范数、权重范数，并在出现 NaN 时保存该批数据。

**原因与判别：**
1. **梯度爆炸**（最常见）：NaN 之前几步梯度范数急剧上升（数量级跳变），随后权重出现 inf。修复：按全局范数裁剪（如阈值 1～5）、降低学习率或加 warmup；检查循环权重初始化（正交），遗忘门偏置为 1 的 LSTM 一般更稳。
2. **$\\log(0)$**：自己写了 \`log(softmax(z))\`，某个概率下溢为 0。梯度范数事先正常，NaN 突然出现。修复：直接用 logits 计算交叉熵（内部是 log-sum-exp），或用 \`logSoftmax\`。
3. **掩码损失中的 0/0**：某批中一整行都是填充，$\\sum m_t=0$。只在特定批次出现。修复：分母取 $\\max(\\sum m_t,1)$。
4. **数据问题**：输入含 NaN/inf，或标签 id $\\ge$ 词表大小（one-hot 全零或越界取值）。在数据管线里断言范围即可发现。
5. **混合精度**：fp16 激活或梯度溢出。使用动态损失缩放，softmax/损失用 fp32 计算。
6. **无界激活**：ReLU RNN（如 IRNN）状态可能指数增长，需要更小的学习率和裁剪。

**原则：** 先定位第一个出现非有限值的张量（tfjs 可开启 \`tf.enableDebugMode()\`：它检查每个 kernel 的 float32 输出，遇到 NaN/Inf 时打印警告并给出 kernel 名称，但很慢），再对症修复；不要只靠“跳过 NaN 批次”掩盖问题。`,
        en: `**Step one: instrument.** Log the loss, the pre-clip global gradient norm and the weight norms every step, and dump the batch when a NaN appears.

**Causes and how to tell them apart:**
1. **Exploding gradients** (most common): the gradient norm rises sharply (jumps by orders of magnitude) in the steps before the NaN, then weights hit inf. Fix: clip by global norm (threshold around 1–5), lower the learning rate or add warm-up, check the recurrent initialisation (orthogonal); an LSTM with forget bias 1 is usually more stable.
2. **$\\log(0)$:** a hand-written \`log(softmax(z))\` where a probability underflows to 0. The gradient norm was normal; the NaN appears abruptly. Fix: compute cross-entropy from logits (log-sum-exp inside) or use \`logSoftmax\`.
3. **0/0 in a masked loss:** a row of pure padding gives $\\sum m_t=0$. Only specific batches trigger it. Fix: divide by $\\max(\\sum m_t,1)$.
4. **Data:** NaN/inf inputs, or label ids $\\ge$ vocabulary size (all-zero one-hots or out-of-range gathers). Assert ranges in the data pipeline.
5. **Mixed precision:** fp16 activations or gradients overflow. Use dynamic loss scaling and compute softmax/loss in fp32.
6. **Unbounded activations:** a ReLU RNN (e.g. IRNN) state can grow exponentially; use a smaller learning rate and clipping.

**Principle:** find the first tensor that becomes non-finite (in tfjs \`tf.enableDebugMode()\` checks every kernel's float32 output and prints a warning naming the kernel that produced NaN/Inf; it is slow), then fix that cause; don't just skip NaN batches.`,
      },
    },
    references: [pascanu2013, tfClipByGlobalNorm],
    verification: [vClipByGlobalNorm],
  },
  // ===================================================================================
  // Long-memory benchmarks.
  // ===================================================================================
  {
    id: 'rnn-long-memory-benchmarks',
    topic: 'rnn',
    subtopic: 'benchmarks',
    tags: ['adding-problem', 'copy-task', 'long-term-dependencies', 'baseline'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `描述测试长程记忆的“加法问题”（adding problem）和“复制任务”（copy task）。分别计算“不利用记忆”的平凡基线：加法问题中始终预测常数的最小 MSE，以及复制任务（Arjovsky et al. 的设定，$T=100$）中无记忆策略的平均交叉熵。`,
      en: `Describe the adding problem and the copy task used to test long-term memory. Compute their trivial memoryless baselines: the best MSE of a constant prediction on the adding problem, and the average cross-entropy of the memoryless strategy on the copy task (Arjovsky et al.'s setup, $T=100$).`,
    },
    answer: {
      short: {
        zh: `加法问题：目标是两个 $U(0,1)$ 数之和，最优常数预测为均值 1，MSE $=\\operatorname{Var}=2\\cdot\\tfrac1{12}=\\tfrac16\\approx0.167$。复制任务：无记忆策略只在最后 10 步随机猜 8 类之一，平均交叉熵 $10\\ln8/(T+20)=20.79/120\\approx0.173$ nats。模型必须显著低于这些值才算学会了记忆。`,
        en: `Adding problem: the target is the sum of two $U(0,1)$ numbers, the best constant is the mean 1, with MSE $=\\operatorname{Var}=2\\cdot\\tfrac1{12}=\\tfrac16\\approx0.167$. Copy task: the memoryless strategy only guesses one of 8 symbols on the last 10 steps, giving average cross-entropy $10\\ln8/(T+20)=20.79/120\\approx0.173$ nats. A model must get well below these to have learned to remember.`,
      },
      full: {
        zh: `**加法问题**（Hochreiter & Schmidhuber, 1997；Le et al., 2015 与 Arjovsky et al., 2016 使用的版本）：输入长度为 $T$、每步两个通道——第一通道是 $U(0,1)$ 随机数，第二通道是标记，恰有两个位置为 1（常见做法是前后两半各一个）。目标是两个被标记数之和，只在最后一步输出。

**基线：** 不看输入时，MSE 最优的常数是 $\\mathbb E[y]=1$，误差等于方差：$\\operatorname{Var}(u_1+u_2)=\\tfrac1{12}+\\tfrac1{12}=\\tfrac16\\approx0.167$。训练曲线停在 0.167 附近，意味着模型只学会了预测均值。

**复制任务**（Arjovsky et al. 的设定）：共 10 个符号 $a_0,\\dots,a_9$。输入长 $T+20$：前 10 个从 $a_1..a_8$ 中均匀、有放回地采样，随后 $T-1$ 个空白 $a_0$，1 个分隔符 $a_9$，再 10 个空白。目标是前 $T+10$ 步输出空白，最后 10 步按顺序复现开头的 10 个符号。

**基线：** 无记忆策略在前 $T+10$ 步准确输出空白（损失 0），最后 10 步在 8 类中均匀猜测，每步损失 $\\ln8\\approx2.079$，平均到每个时间步：

$$\\frac{10\\ln8}{T+20}=\\frac{20.79}{120}\\approx0.173\\ \\text{nats}\\quad(T=100);\\qquad T=500\\ \\text{时约}\\ 0.040 .$$

**为什么有用：** 两个任务的依赖距离由 $T$ 精确控制，且有明确的“是否真的记住”的判据，常用来比较 LSTM、GRU、IRNN、酉/正交 RNN 以及初始化与优化技巧。`,
        en: `**Adding problem** (Hochreiter & Schmidhuber, 1997; the version used by Le et al., 2015 and Arjovsky et al., 2016): a length-$T$ input with two channels per step — a $U(0,1)$ number and a marker that is 1 at exactly two positions (commonly one in each half). The target, emitted at the last step, is the sum of the two marked numbers.

**Baseline:** ignoring the input, the MSE-optimal constant is $\\mathbb E[y]=1$ and the error equals the variance: $\\operatorname{Var}(u_1+u_2)=\\tfrac1{12}+\\tfrac1{12}=\\tfrac16\\approx0.167$. A loss curve stuck near 0.167 means the model has only learned to predict the mean.

**Copy task** (Arjovsky et al.'s setup): 10 symbols $a_0,\\dots,a_9$. The input has length $T+20$: 10 symbols drawn uniformly with replacement from $a_1..a_8$, then $T-1$ blanks $a_0$, one delimiter $a_9$, then 10 more blanks. The target is blank for the first $T+10$ steps, then the first 10 input symbols in order.

**Baseline:** the memoryless strategy outputs the blanks perfectly (loss 0) and guesses uniformly among 8 symbols on the last 10 steps, $\\ln8\\approx2.079$ each, averaged over all steps:

$$\\frac{10\\ln8}{T+20}=\\frac{20.79}{120}\\approx0.173\\ \\text{nats}\\quad(T=100);\\qquad \\approx0.040\\ \\text{for}\\ T=500 .$$

**Why they are useful:** $T$ controls the dependency distance exactly and there is a sharp criterion for "really remembers", so they are standard for comparing LSTM, GRU, IRNN, unitary/orthogonal RNNs and initialisation or optimisation tricks.`,
      },
    },
    references: [hochreiter1997, le2015, arjovsky2016],
    verification: [vAddingProblem],
  },
  {
    id: 'rnn-adding-problem-predicts-mean',
    topic: 'rnn',
    subtopic: 'benchmarks',
    tags: ['adding-problem', 'debugging', 'vanishing-gradient', 'plateau'],
    kind: 'debug',
    difficulty: 4,
    prompt: {
      zh: `你在 $T=200$ 的加法问题上训练 SimpleRNN(128)，验证 MSE 很快降到 0.167 左右后就不动了，检查发现模型对所有输入的输出都约等于 1.0。请分析原因并给出系统的排查与修复步骤。`,
      en: `You train a SimpleRNN(128) on the adding problem with $T=200$. Validation MSE quickly drops to about 0.167 and stays there; the model outputs about 1.0 for every input. Analyse the cause and give a systematic debugging and fixing plan.`,
    },
    answer: {
      short: {
        zh: `0.167 正是 $\\operatorname{Var}(y)=1/6$，说明模型只学到了目标均值、完全没有利用标记位置——典型的长程梯度消失（tanh RNN 在 $T=200$ 上基本学不会），也可能是数据或读出层的 bug。先在 $T=10$ 上验证管线，再换 LSTM/GRU（遗忘门偏置 1）或 IRNN，配合梯度裁剪、合适学习率、课程式增加 $T$，并耐心度过平台期。`,
        en: `0.167 is exactly $\\operatorname{Var}(y)=1/6$: the model has learned only the target mean and ignores the markers — classic vanishing long-range gradients (a tanh RNN essentially cannot learn $T=200$), or a data/read-out bug. Validate the pipeline at $T=10$, then switch to an LSTM/GRU (forget bias 1) or an IRNN, with gradient clipping, a sensible learning rate, a curriculum over $T$, and patience through the plateau.`,
      },
      full: {
        zh: `**解读症状。** 常数预测的最优 MSE 为 $\\operatorname{Var}(u_1+u_2)=1/6\\approx0.167$，输出恒为 1 的模型恰好达到这个值：它学到了偏置，却没有学到“哪两个数被标记”。输出在不同样本间的方差接近 0 可以确认这一点。

**先排除 bug（在 $T=10$ 上做冒烟测试）：** 短序列上任何 RNN 都应远低于 0.167。如果仍然卡住，问题在管线：
- 标记通道没有送进模型，或被归一化抹掉（输入最后一维应为 2）；
- 输入与目标分别打乱导致错位，或目标算成了所有数之和；
- 读出层用了 sigmoid（输出被限制在 (0,1)，而目标在 (0,2)），应为线性输出；
- 取的不是最后一个真实时间步（填充未掩码），或 \`return_sequences\` 设置错误。

**若短序列正常、长序列卡住：** 这是长程梯度消失——误差要穿过约 $T$ 步才能到达被标记的位置，tanh RNN 的雅可比连乘使该信号指数衰减。修复：
- 换 LSTM（遗忘门偏置 1）或 GRU；或用 IRNN（ReLU + 单位阵初始化，Le et al., 2015）；
- 按全局范数裁剪梯度，Adam 学习率约 $10^{-3}$，过大时先降；
- 课程学习：从 $T=20$ 开始逐步加长；
- 足够耐心：LSTM 在该任务上常在基线附近停留很久，然后损失突然下降，不要过早停止。

**验收标准：** MSE 明显低于 0.167（例如比基线低一个数量级），并在更长的 $T$ 上复现。`,
        en: `**Reading the symptom.** The best constant prediction has MSE $\\operatorname{Var}(u_1+u_2)=1/6\\approx0.167$, and a model that always outputs 1 achieves exactly that: it learned the bias, not "which two numbers are marked". Near-zero variance of the outputs across examples confirms it.

**Rule out bugs first (smoke test at $T=10$):** on short sequences any RNN should get far below 0.167. If it is still stuck, the pipeline is wrong:
- the marker channel is missing or erased by normalisation (the last input dimension should be 2);
- inputs and targets were shuffled separately, or the target is the sum of all numbers;
- the read-out uses a sigmoid (outputs confined to (0,1) while targets lie in (0,2)); it must be linear;
- the output is not taken at the last real step (unmasked padding), or \`return_sequences\` is wrong.

**If short sequences work but long ones plateau:** this is vanishing long-range gradient — the error must travel about $T$ steps back to the marked positions, and the tanh RNN's Jacobian product shrinks it exponentially. Fixes:
- use an LSTM (forget bias 1) or a GRU, or an IRNN (ReLU + identity initialisation, Le et al., 2015);
- clip gradients by global norm; Adam with a learning rate around $10^{-3}$, lower if unstable;
- curriculum: start at $T=20$ and lengthen;
- patience: LSTMs often sit at the baseline for a long time on this task before the loss drops suddenly; do not stop early.

**Acceptance:** MSE clearly below 0.167 (e.g. an order of magnitude lower), reproduced at longer $T$.`,
      },
    },
    references: [le2015, arjovsky2016, hochreiter1997],
    verification: [vAddingProblem],
  },
  // ===================================================================================
  // Architecture and design.
  // ===================================================================================
  {
    id: 'rnn-seq2seq-encoder-decoder',
    topic: 'rnn',
    subtopic: 'seq2seq',
    tags: ['seq2seq', 'encoder-decoder', 'attention', 'beam-search'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: `描述基于 RNN 的序列到序列（seq2seq）模型：训练和推理分别怎么做？固定长度上下文向量的瓶颈是什么，Bahdanau 注意力如何解决？`,
      en: `Describe the RNN sequence-to-sequence (seq2seq) model: how are training and inference done? What is the bottleneck of the fixed-length context vector, and how does Bahdanau attention remove it?`,
    },
    answer: {
      short: {
        zh: `编码器 RNN 读完源序列，把最终状态作为解码器的初始状态；解码器是条件语言模型，训练时用教师强制、按词最小化交叉熵，推理时自回归地贪心或束搜索解码。把整句压进一个向量会让长句质量下降；注意力在每个解码步对所有编码器状态加权求和，得到随步变化的上下文向量。`,
        en: `An encoder RNN reads the source and its final state initialises the decoder; the decoder is a conditional language model trained with teacher forcing and token-level cross-entropy, and decoded autoregressively with greedy or beam search. Squeezing the sentence into one vector hurts long sentences; attention forms a step-specific context as a weighted sum of all encoder states.`,
      },
      full: {
        zh: `**结构**（Sutskever et al., 2014；Cho et al., 2014）：编码器读 $x_1..x_S$ 得到最终状态 $h_S$，作为解码器初始状态；解码器建模 $p(y_t\\mid y_{<t},x)$，输入上一步的词，输出下一个词的分布，以 \`<eos>\` 结束。Sutskever 等人使用 4 层 LSTM，并发现把源句**倒序**输入能明显改善结果（缩短了开头词之间的距离）。

**训练：** 教师强制，损失为各位置交叉熵之和，变长目标需要掩码。
**推理：** 贪心解码或束搜索（保留得分最高的 $k$ 个前缀），常配合长度归一化，避免偏向短句。

**瓶颈：** 无论源句多长，所有信息都要压进固定维度的 $h_S$，长句翻译质量明显下降（Cho et al. 在 *On the Properties of Neural Machine Translation* 中的观察，2014）。

**Bahdanau 注意力**（加性注意力）：在解码第 $t$ 步，

$$e_{tj}=v^\\top\\tanh(W s_{t-1}+U h_j),\\quad \\alpha_{tj}=\\operatorname{softmax}_j(e_{tj}),\\quad c_t=\\sum_j\\alpha_{tj}h_j ,$$

其中 $h_j$ 是（双向）编码器在位置 $j$ 的状态。$c_t$ 与 $y_{t-1}$ 一起送入解码器。这样每一步都能直接“查看”相关的源词，梯度也有了到源端的短路径，注意力权重还给出了软对齐。这一思想后来发展为 Transformer 中的缩放点积注意力。`,
        en: `**Architecture** (Sutskever et al., 2014; Cho et al., 2014): the encoder reads $x_1..x_S$; its final state $h_S$ initialises the decoder, which models $p(y_t\\mid y_{<t},x)$: it takes the previous token and outputs the next-token distribution until \`<eos>\`. Sutskever et al. used 4-layer LSTMs and found that **reversing** the source sentence helped markedly (it shortens the distance between the first words of source and target).

**Training:** teacher forcing, loss = sum of per-position cross-entropies, with a mask for variable-length targets.
**Inference:** greedy decoding or beam search (keep the $k$ best prefixes), usually with length normalisation to avoid favouring short outputs.

**Bottleneck:** however long the source, everything must fit into the fixed-size $h_S$; translation quality drops on long sentences (Cho et al., *On the Properties of Neural Machine Translation*, 2014).

**Bahdanau (additive) attention:** at decoder step $t$,

$$e_{tj}=v^\\top\\tanh(W s_{t-1}+U h_j),\\quad \\alpha_{tj}=\\operatorname{softmax}_j(e_{tj}),\\quad c_t=\\sum_j\\alpha_{tj}h_j ,$$

where $h_j$ is the (bidirectional) encoder state at position $j$. $c_t$ is fed to the decoder with $y_{t-1}$. Each step can look directly at the relevant source words, gradients get short paths to the source, and the weights give a soft alignment. The idea later became the scaled dot-product attention of the Transformer.`,
      },
    },
    references: [
      sutskever2014,
      cho2014,
      bahdanau2014,
      { title: 'On the Properties of Neural Machine Translation: Encoder-Decoder Approaches', authors: 'Cho et al.', year: 2014, arxiv: '1409.1259' },
    ],
  },
  {
    id: 'rnn-vs-transformer',
    topic: 'rnn',
    subtopic: 'architecture-comparison',
    tags: ['transformer', 'complexity', 'parallelism', 'inference'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: `从计算复杂度、并行性、依赖路径长度、推理时的内存和适用场景等方面，比较 RNN 与 Transformer。什么情况下你仍会选择 RNN？`,
      en: `Compare RNNs and Transformers in terms of compute, parallelism, dependency path length, inference memory and use cases. When would you still pick an RNN?`,
    },
    answer: {
      short: {
        zh: `每层计算：RNN $O(n d^2)$，自注意力 $O(n^2 d)$；串行步数：RNN $O(n)$，自注意力 $O(1)$；最长依赖路径：RNN $O(n)$，自注意力 $O(1)$。Transformer 训练可并行、长程依赖好学，但推理时 KV 缓存随长度线性增长；RNN 每步只需常数大小状态，适合流式、端侧和超长序列。`,
        en: `Per layer: RNN $O(nd^2)$ vs self-attention $O(n^2d)$; sequential steps: $O(n)$ vs $O(1)$; maximum path length: $O(n)$ vs $O(1)$. Transformers train in parallel and learn long-range dependencies easily, but their KV cache grows linearly at inference; an RNN needs constant-size state per step, which suits streaming, on-device and very long sequences.`,
      },
      full: {
        zh: `**Vaswani et al.（2017）表 1**（$n$ 为序列长度，$d$ 为表示维度）：

| | 每层复杂度 | 串行操作数 | 最长路径 |
|---|---|---|---|
| 自注意力 | $O(n^2d)$ | $O(1)$ | $O(1)$ |
| 循环层 | $O(nd^2)$ | $O(n)$ | $O(n)$ |

$n<d$ 时自注意力每层计算反而更少；$n\\gg d$ 时二次项成为瓶颈。

**训练：** Transformer 在时间维完全并行，GPU 利用率高；RNN 必须逐步计算。任意两个位置之间只隔一层注意力，梯度路径短，长程依赖容易学；RNN 的路径长度为 $O(n)$，容易梯度消失。

**推理：** 自回归生成时，Transformer 每生成一个词要对全部历史做注意力，KV 缓存的内存为 $O(n\\cdot d)$（每层），随上下文线性增长；RNN 每步计算量和内存都是常数（一个状态向量），适合流式语音、端侧设备、在线控制。

**归纳偏置与数据：** RNN 天然有顺序和局部性偏置，在小数据、短序列上往往不差；Transformer 需要位置编码，更依赖大数据和大模型。

**何时仍选 RNN：** 严格的流式/低延迟、内存受限、序列极长且需要常数内存的推理、数据很少的时间序列任务。另外，线性 RNN/状态空间模型（S4、Mamba 等）试图兼得两者：训练时可并行，推理时保持常数大小的状态。`,
        en: `**Table 1 of Vaswani et al. (2017)** ($n$ = sequence length, $d$ = representation size):

| | Complexity per layer | Sequential ops | Max path length |
|---|---|---|---|
| Self-attention | $O(n^2d)$ | $O(1)$ | $O(1)$ |
| Recurrent | $O(nd^2)$ | $O(n)$ | $O(n)$ |

When $n<d$ self-attention is even cheaper per layer; when $n\\gg d$ the quadratic term dominates.

**Training:** a Transformer is fully parallel over time and uses GPUs well; an RNN must step sequentially. Any two positions are one attention layer apart, so gradient paths are short and long-range dependencies are easy to learn; an RNN's path is $O(n)$ long and prone to vanishing gradients.

**Inference:** when generating, a Transformer attends over the whole history for each new token and its KV cache takes $O(n\\cdot d)$ memory per layer, growing with context; an RNN uses constant compute and memory per step (one state vector) — ideal for streaming speech, on-device models and online control.

**Inductive bias and data:** RNNs carry a built-in order/locality bias and often do fine on small data and short sequences; Transformers need positional encodings and benefit more from scale.

**When to still pick an RNN:** strict streaming/low latency, tight memory, very long sequences with constant-memory inference, small-data time series. Linear RNNs / state-space models (S4, Mamba) aim for both: parallel training and constant-size state at inference.`,
      },
    },
    references: [
      vaswani2017,
      { title: 'Efficiently Modeling Long Sequences with Structured State Spaces', authors: 'Gu, Goel & Ré', year: 2021, arxiv: '2111.00396' },
      { title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces', authors: 'Gu & Dao', year: 2023, arxiv: '2312.00752' },
    ],
  },
  {
    id: 'rnn-recurrent-weight-init',
    topic: 'rnn',
    subtopic: 'initialization',
    tags: ['initialization', 'orthogonal', 'identity-init', 'irnn', 'spectral-radius'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: `考虑线性 RNN $h_t=W h_{t-1}$，$W=sQ$，$Q$ 为正交矩阵。分别对 $s=0.9,1,1.1$ 计算 50 步后 $\\|h_{50}\\|/\\|h_0\\|$（反向梯度同理）。为什么循环权重常用正交初始化、ReLU RNN 用单位阵初始化？为什么方差为 $1/u$ 的高斯初始化不够好？`,
      en: `Take a linear RNN $h_t=W h_{t-1}$ with $W=sQ$, $Q$ orthogonal. For $s=0.9,1,1.1$ compute $\\|h_{50}\\|/\\|h_0\\|$ (the backward gradient behaves the same way). Why are recurrent weights usually initialised orthogonally, and ReLU RNNs with the identity? Why is a Gaussian with variance $1/u$ not good enough?`,
    },
    answer: {
      short: {
        zh: `正交矩阵保持范数，$\\|h_{50}\\|/\\|h_0\\|=s^{50}$：$0.9^{50}\\approx5.2\\times10^{-3}$，$1$，$1.1^{50}\\approx117$。正交初始化让所有奇异值为 1，信号和梯度在初始时既不衰减也不爆炸；方差 $1/u$ 的高斯矩阵谱半径约为 1，但奇异值散布在 $[0,2]$ 上，有的方向衰减、有的方向放大。`,
        en: `An orthogonal matrix preserves norms, so $\\|h_{50}\\|/\\|h_0\\|=s^{50}$: $0.9^{50}\\approx5.2\\times10^{-3}$, $1$, and $1.1^{50}\\approx117$. Orthogonal initialisation makes every singular value 1, so signals and gradients neither decay nor explode at the start; a Gaussian with variance $1/u$ has spectral radius about 1 but singular values spread over $[0,2]$, so some directions shrink and others grow.`,
      },
      full: {
        zh: `**计算。** $Q^\\top Q=I$，所以对任意向量 $\\|Qv\\|=\\|v\\|$，$\\|W^{50}h_0\\|=s^{50}\\|h_0\\|$：

| $s$ | $s^{50}$ |
|---|---|
| 0.9 | $\\approx5.15\\times10^{-3}$ |
| 1.0 | 1 |
| 1.1 | $\\approx117.4$ |

反向传播时 $\\partial h_{50}/\\partial h_0=(W^\\top)^{50}$，缩放完全相同。仅仅 ±10% 的尺度偏差，50 步后就相差两万多倍；再长的序列更悬殊（$1.1^{100}\\approx1.4\\times10^4$）。

**正交初始化**（Saxe et al., 2013 分析了深度线性网络中的动力学等距）：所有奇异值都为 1，每个方向都被“等距”传递。Keras 的 \`recurrent_initializer\` 默认就是 \`'orthogonal'\`。非线性（tanh 导数 $\\le1$）会在此基础上再产生衰减，但起点是中性的。

**单位阵初始化（IRNN）：** Le、Jaitly 与 Hinton（2015）对 ReLU RNN 使用 $W=I$、偏置为 0：初始时状态原样复制，在加法问题等长程任务上可以与 LSTM 竞争。ReLU 无界，需要较小的学习率和梯度裁剪。

**为什么高斯初始化不够：** 元素方差为 $1/u$ 的方阵，特征值近似均匀分布在单位圆盘内（谱半径 $\\approx1$），但奇异值分布在 $[0,2]$ 上。连乘后不同方向的增益按指数拉开，一部分方向爆炸、另一部分消失。更进一步，酉 RNN（Arjovsky et al., 2016）在整个训练中都保持循环矩阵为酉矩阵。`,
        en: `**Computation.** $Q^\\top Q=I$, so $\\|Qv\\|=\\|v\\|$ for every $v$ and $\\|W^{50}h_0\\|=s^{50}\\|h_0\\|$:

| $s$ | $s^{50}$ |
|---|---|
| 0.9 | $\\approx5.15\\times10^{-3}$ |
| 1.0 | 1 |
| 1.1 | $\\approx117.4$ |

Backward, $\\partial h_{50}/\\partial h_0=(W^\\top)^{50}$ scales identically. A mere ±10% scale error gives a factor of over 20,000 between the two after 50 steps, and it worsens with length ($1.1^{100}\\approx1.4\\times10^4$).

**Orthogonal initialisation** (Saxe et al., 2013 analysed this dynamical isometry in deep linear nets): all singular values are 1, so every direction is propagated isometrically. Keras' \`recurrent_initializer\` defaults to \`'orthogonal'\`. The nonlinearity (tanh derivative $\\le1$) still adds decay, but the starting point is neutral.

**Identity initialisation (IRNN):** Le, Jaitly & Hinton (2015) use $W=I$ and zero bias for ReLU RNNs: the state is copied unchanged at first, and the model competes with LSTMs on long-range tasks like the adding problem. ReLU is unbounded, so use a small learning rate and gradient clipping.

**Why a Gaussian is not enough:** a square matrix with entry variance $1/u$ has eigenvalues roughly uniform in the unit disc (spectral radius $\\approx1$) but singular values spread over $[0,2]$. In the product, gains along different directions diverge exponentially: some explode, others vanish. Going further, unitary RNNs (Arjovsky et al., 2016) keep the recurrent matrix unitary throughout training.`,
      },
    },
    references: [
      { title: 'Exact solutions to the nonlinear dynamics of learning in deep linear neural networks', authors: 'Saxe, McClelland & Ganguli', year: 2013, arxiv: '1312.6120' },
      le2015,
      arjovsky2016,
      kerasSimpleRnn,
    ],
    verification: [vSimpleRnnCell, vSimpleRnnLayer],
  },
  {
    id: 'rnn-dropout-variational',
    topic: 'rnn',
    subtopic: 'regularization',
    tags: ['dropout', 'variational-dropout', 'regularization', 'lstm'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: `在 RNN 中直接对循环连接做普通 dropout（每个时间步重新采样掩码）有什么问题？Zaremba et al. 与 Gal & Ghahramani 分别给出了什么方案？Keras 的 \`dropout\` 和 \`recurrent_dropout\` 参数对应哪一种？`,
      en: `What goes wrong when standard dropout (a fresh mask at every time step) is applied to an RNN's recurrent connections? What did Zaremba et al. and Gal & Ghahramani propose? Which scheme do Keras' \`dropout\` and \`recurrent_dropout\` arguments implement?`,
    },
    answer: {
      short: {
        zh: `每步重新采样的掩码在循环路径上不断叠加噪声，长程记忆被破坏。Zaremba et al.（2014）只对非循环连接（层与层之间）做 dropout；Gal & Ghahramani（2016）的变分 dropout 对每条序列采样一次掩码，在所有时间步复用，包括循环连接。Keras 的 \`dropout\`/\`recurrent_dropout\` 在时间维上使用相同的掩码，即后一种。`,
        en: `A mask resampled every step injects noise along the recurrent path again and again and destroys long-term memory. Zaremba et al. (2014) apply dropout only to non-recurrent (between-layer) connections; Gal & Ghahramani's (2016) variational dropout samples one mask per sequence and reuses it at every time step, recurrent connections included. Keras' \`dropout\`/\`recurrent_dropout\` use masks fixed across time, i.e. the latter.`,
      },
      full: {
        zh: `**问题。** 对 $h_{t-1}$ 在每步使用新的 dropout 掩码，相当于信息每经过一步就被随机删掉一部分，噪声沿时间复合，$T$ 步后几乎什么都不剩——网络很难保存长期信息，训练也更不稳定。

**Zaremba、Sutskever 与 Vinyals（2014）：** 只在“竖直方向”（输入到第一层、层与层之间、最后一层到输出）做 dropout，循环连接 $h_{t-1}\\to h_t$ 不做。信息在时间方向上的传递不受干扰，在 PTB 语言模型上效果显著。

**Gal & Ghahramani（2016）变分 dropout：** 从贝叶斯近似推断的角度，一条序列只采样**一次**掩码，在所有时间步重复使用，既作用于输入也作用于循环状态。被丢掉的是固定的一组单元，不会产生逐步累积的随机噪声，于是循环连接也能正则化。

**Keras：** \`dropout\` 作用于输入 $x_t$，\`recurrent_dropout\` 作用于 $h_{t-1}$，二者在一条序列的所有时间步使用同一掩码，即变分 dropout。注意：\`recurrent_dropout\` 不为 0 时 TF 不能使用 cuDNN 内核，训练会慢很多。

**其他方案：** 对循环权重做 DropConnect（AWD-LSTM，Merity et al., 2017）、zoneout（随机让部分单元保持上一步的值，Krueger et al., 2016）。`,
        en: `**The problem.** A new dropout mask on $h_{t-1}$ at every step deletes a random part of the information at each transition; the noise compounds over time and after $T$ steps little is left — the network cannot keep long-term information and training is less stable.

**Zaremba, Sutskever & Vinyals (2014):** apply dropout only "vertically" (input to first layer, between layers, last layer to output), never on the recurrent connection $h_{t-1}\\to h_t$. Information flow along time is untouched; this gave large gains on PTB language modelling.

**Gal & Ghahramani (2016), variational dropout:** motivated as approximate Bayesian inference, sample the mask **once** per sequence and reuse it at every time step, on inputs and on the recurrent state. A fixed set of units is dropped, so no per-step noise accumulates, and the recurrent connections can be regularised too.

**Keras:** \`dropout\` acts on the inputs $x_t$ and \`recurrent_dropout\` on $h_{t-1}$, each with the same mask at all time steps of a sequence — variational dropout. Note that a non-zero \`recurrent_dropout\` prevents TF from using the cuDNN kernel, which slows training a lot.

**Other options:** DropConnect on the recurrent weights (AWD-LSTM, Merity et al., 2017) and zoneout (randomly keep some units at their previous value, Krueger et al., 2016).`,
      },
    },
    references: [
      { title: 'Recurrent Neural Network Regularization', authors: 'Zaremba, Sutskever & Vinyals', year: 2014, arxiv: '1409.2329' },
      { title: 'A Theoretically Grounded Application of Dropout in Recurrent Neural Networks', authors: 'Gal & Ghahramani', year: 2016, arxiv: '1512.05287' },
      { title: 'Regularizing and Optimizing LSTM Language Models', authors: 'Merity, Keskar & Socher', year: 2017, arxiv: '1708.02182' },
      { title: 'Zoneout: Regularizing RNNs by Randomly Preserving Hidden Activations', authors: 'Krueger et al.', year: 2016, arxiv: '1606.01305' },
      kerasLstm,
    ],
  },
  {
    id: 'rnn-fused-recurrent-layer',
    topic: 'rnn',
    subtopic: 'implementation',
    tags: ['performance', 'fused-kernel', 'lstm', 'gru', 'tfjs'],
    kind: 'coding',
    difficulty: 4,
    prompt: {
      zh: `用 tfjs 实现一个高效的循环层（LSTM/GRU），相比“每步调用一次单元”的朴素实现，有哪些可以合并或提前计算的部分？GRU 的 \`reset_after\` 与此有什么关系？如何测试其正确性？`,
      en: `Implement an efficient recurrent layer (LSTM/GRU) in tfjs. Compared with a naive "call the cell every step" loop, what can be fused or hoisted? How does GRU's \`reset_after\` relate to this? How do you test correctness?`,
    },
    answer: {
      short: {
        zh: `把所有时间步的输入投影 $XW+b$ 合成一次大矩阵乘法提到循环外；各门权重拼接，循环内每步只做一次 $h_{t-1}U$；\`reset_after=True\` 让 GRU 的三个循环乘法也能合并成一次。正确性用逐步调用 \`lstmCell\`/\`gruCell\` 的参考实现逐元素对比，另做梯度检查。实现见 \`@dl/recurrent\` 的 \`LSTM\`、\`GRU\` 层。`,
        en: `Hoist the input projection $XW+b$ for all time steps into one big matmul outside the loop; concatenate gate weights so each step does a single $h_{t-1}U$; \`reset_after=True\` lets the GRU's three recurrent products fuse into one as well. Test against a step-by-step reference built from \`lstmCell\`/\`gruCell\`, element by element, plus a gradient check. See the \`LSTM\` and \`GRU\` layers of \`@dl/recurrent\`.`,
      },
      full: {
        zh: `**1. 提前计算输入投影。** $x_tW$ 不依赖循环状态，可以对整个序列一次完成：

\`\`\`ts
// X: [B, T, d] -> [B*T, d] · W[d, 4u] + b -> [T, B, 4u]
const xProj = tf.transpose(
  tf.reshape(tf.add(tf.matMul(tf.reshape(X, [B * T, d]), W), b), [B, T, 4 * u]),
  [1, 0, 2],
);
const steps = tf.unstack(xProj); // T 个 [B, 4u]
\`\`\`

浮点运算量不变，但一次大矩阵乘法比 $T$ 次小乘法更能利用硬件、内核启动次数也少得多。

**2. 拼接门权重。** 循环内每步只做一次 $[B,u]\\times[u,4u]$ 的乘法，再 \`split\` 成各门，逐元素运算完成状态更新。串行部分只剩这个小乘法。

**3. GRU 与 \`reset_after\`。** 原始 GRU 的候选状态是 $(r\\odot h_{t-1})U_h$，必须先算出 $r$ 才能乘 $U_h$，所以每步要两次循环乘法。\`reset_after=True\` 改为 $r\\odot(h_{t-1}U_h+b_h^{(r)})$，三块 $U$ 可以一次乘完——这正是 cuDNN 采用该变体的原因。

**4. 掩码与内存。** 变长序列用 $h_t=m_t\\,h_t^{\\text{new}}+(1-m_t)\\,h_{t-1}$（\`tf.where\`）。训练时反向传播要保存每步的门激活，内存为 $O(T\\cdot B\\cdot 4u)$；推理时用 \`tf.tidy\` 及时释放中间张量。

**测试：** (a) 随机权重下，与逐步调用 \`lstmCell\`/\`gruCell\` 的循环结果逐元素比对（容差如 $10^{-5}$）；(b) 用 Keras 的门顺序（LSTM $i,f,c,o$，GRU $z,r,h$）加载同一组权重，与 \`tf.layers.lstm\`/\`tf.layers.gru\` 对比——注意 tfjs 这两层的 \`recurrentActivation\` 默认是 \`'hardSigmoid'\`，对比时要设为 \`'sigmoid'\`；tfjs 的 GRU 只支持 \`reset_after=False\`（传 \`resetAfter: true\` 会报错），所以 \`reset_after=True\` 版本只能与逐步参考实现或 Python Keras 的输出对比；(c) 对小尺寸做有限差分梯度检查；(d) 检查参数形状与参数量公式一致。`,
        en: `**1. Hoist the input projection.** $x_tW$ does not depend on the recurrent state, so do it for the whole sequence at once:

\`\`\`ts
// X: [B, T, d] -> [B*T, d] · W[d, 4u] + b -> [T, B, 4u]
const xProj = tf.transpose(
  tf.reshape(tf.add(tf.matMul(tf.reshape(X, [B * T, d]), W), b), [B, T, 4 * u]),
  [1, 0, 2],
);
const steps = tf.unstack(xProj); // T tensors of [B, 4u]
\`\`\`

The FLOPs are the same, but one large matmul uses the hardware far better than $T$ small ones and launches far fewer kernels.

**2. Concatenate gate weights.** Each loop step does a single $[B,u]\\times[u,4u]$ product, \`split\`s it into gates and finishes with element-wise ops. Only this small product remains sequential.

**3. GRU and \`reset_after\`.** The original GRU candidate uses $(r\\odot h_{t-1})U_h$: $r$ must be known before multiplying by $U_h$, so each step needs two recurrent matmuls. \`reset_after=True\` uses $r\\odot(h_{t-1}U_h+b_h^{(r)})$, so all three $U$ blocks multiply at once — which is why cuDNN uses that variant.

**4. Masking and memory.** For variable lengths use $h_t=m_t\\,h_t^{\\text{new}}+(1-m_t)\\,h_{t-1}$ (\`tf.where\`). Training must keep each step's gate activations for the backward pass, $O(T\\cdot B\\cdot4u)$ memory; at inference dispose intermediates with \`tf.tidy\`.

**Tests:** (a) with random weights, compare element by element with a loop over \`lstmCell\`/\`gruCell\` (tolerance e.g. $10^{-5}$); (b) load the same weights in Keras gate order (LSTM $i,f,c,o$; GRU $z,r,h$) and compare with \`tf.layers.lstm\`/\`tf.layers.gru\` — note that their \`recurrentActivation\` defaults to \`'hardSigmoid'\` in tfjs, so set it to \`'sigmoid'\`, and that tfjs's GRU supports only \`reset_after=False\` (\`resetAfter: true\` throws), so check the \`reset_after=True\` variant against the step-by-step reference or outputs exported from Python Keras; (c) finite-difference gradient check at small sizes; (d) check parameter shapes against the parameter-count formulas.`,
      },
    },
    references: [tfRnnGuide, kerasGru, cho2014],
    verification: [vLstmLayer, vGruLayer, vSimpleRnnLayer],
  },
  {
    id: 'rnn-linear-recurrence-parallel-scan',
    topic: 'rnn',
    subtopic: 'architecture-comparison',
    tags: ['parallel-scan', 'linear-rnn', 'state-space-models', 'parallelism'],
    kind: 'concept',
    difficulty: 5,
    prompt: {
      zh: `为什么普通 RNN 不能在时间维上并行训练，而线性循环 $h_t=a_t\\odot h_{t-1}+b_t$ 可以？给出使其可并行的结合律运算，并讨论为此付出的代价和现代模型（QRNN、S4、Mamba 等）的做法。`,
      en: `Why can't a standard RNN be parallelised over time during training, while the linear recurrence $h_t=a_t\\odot h_{t-1}+b_t$ can? Give the associative operator that makes it parallel, and discuss the price paid and what modern models (QRNN, S4, Mamba) do.`,
    },
    answer: {
      short: {
        zh: `每一步是仿射映射 $h\\mapsto a_t\\odot h+b_t$，两个这样的映射复合后仍是同形式：$(a_1,b_1)\\bullet(a_2,b_2)=(a_1\\odot a_2,\\ a_2\\odot b_1+b_2)$，该运算满足结合律，因此可用前缀扫描在 $O(\\log T)$ 深度、$O(T)$ 工作量内算出所有 $h_t$。$\\tanh(Wh+\\dots)$ 的复合没有这样紧凑的闭式，只能串行。代价是状态转移对 $h$ 线性（且通常为对角），非线性只能放在层与层之间。`,
        en: `Each step is the affine map $h\\mapsto a_t\\odot h+b_t$, and composing two such maps gives another: $(a_1,b_1)\\bullet(a_2,b_2)=(a_1\\odot a_2,\\ a_2\\odot b_1+b_2)$. This operator is associative, so a prefix scan computes every $h_t$ in $O(\\log T)$ depth and $O(T)$ work. Compositions of $\\tanh(Wh+\\dots)$ have no such compact closed form and must run sequentially. The price: the state transition is linear (usually diagonal) in $h$, with nonlinearities only between layers.`,
      },
      full: {
        zh: `**为什么普通 RNN 必须串行。** $h_t=\\tanh(Wh_{t-1}+Ux_t)$ 中 $h_t$ 是 $h_{t-1}$ 的非线性函数，$t$ 步复合后的函数无法用固定大小的参数表示，只能一步步算，深度为 $O(T)$。

**线性循环的结合律。** 令第 $t$ 步为仿射映射 $f_t(h)=a_t\\odot h+b_t$。先 $f_1$ 后 $f_2$：

$$f_2(f_1(h))=a_2\\odot(a_1\\odot h+b_1)+b_2=(a_1\\odot a_2)\\odot h+(a_2\\odot b_1+b_2).$$

定义 $(a_1,b_1)\\bullet(a_2,b_2)=(a_1\\odot a_2,\\ a_2\\odot b_1+b_2)$。函数复合天然满足结合律，所以 $\\bullet$ 也满足，可用 Blelloch 式前缀扫描并行计算全部前缀：深度 $O(\\log T)$，总工作量 $O(T)$（Martin & Cundy, 2018）。

**代价与设计。**
- 若转移矩阵是稠密的 $A$，复合要做 $u\\times u$ 矩阵乘法，代价 $O(u^3)$；因此实际模型用**对角**（常为复数对角）转移，元素级相乘即可。
- 状态内部没有非线性，表达力来自多层堆叠和层间的非线性/门控。
- 稳定性要求 $|a|<1$，常通过参数化保证（如 $a=\\exp(-\\exp(\\nu))$）。

**现代模型：** QRNN（Bradbury et al., 2016）的门只依赖输入（由卷积计算），循环部分是逐元素线性“池化”；S4（Gu et al., 2021）是线性时不变状态空间模型，训练时可写成长卷积；LRU（Orvieto et al., 2023）表明带对角线性循环和合适初始化的 RNN 能在长序列任务上与 S4 竞争；Mamba（Gu & Dao, 2023）让 $a_t,b_t$ 依赖输入（选择性），用硬件友好的并行扫描训练。推理时它们都像 RNN 一样只需常数大小的状态。`,
        en: `**Why a standard RNN is sequential.** In $h_t=\\tanh(Wh_{t-1}+Ux_t)$, $h_t$ is a nonlinear function of $h_{t-1}$; the composition of $t$ such steps cannot be represented with a fixed-size set of parameters, so it must be evaluated step by step, with depth $O(T)$.

**Associativity of the linear recurrence.** Let step $t$ be the affine map $f_t(h)=a_t\\odot h+b_t$. Applying $f_1$ then $f_2$:

$$f_2(f_1(h))=a_2\\odot(a_1\\odot h+b_1)+b_2=(a_1\\odot a_2)\\odot h+(a_2\\odot b_1+b_2).$$

Define $(a_1,b_1)\\bullet(a_2,b_2)=(a_1\\odot a_2,\\ a_2\\odot b_1+b_2)$. Function composition is associative, hence so is $\\bullet$, and a Blelloch-style prefix scan computes all prefixes in parallel: $O(\\log T)$ depth, $O(T)$ total work (Martin & Cundy, 2018).

**Price and design.**
- With a dense transition $A$, each composition is a $u\\times u$ matrix product, $O(u^3)$; practical models therefore use **diagonal** (often complex diagonal) transitions with element-wise products.
- There is no nonlinearity inside the state update; expressivity comes from stacking layers with nonlinearities or gates in between.
- Stability needs $|a|<1$, usually enforced by parameterisation (e.g. $a=\\exp(-\\exp(\\nu))$).

**Modern models:** QRNN (Bradbury et al., 2016) computes gates from the input only (by convolution) and keeps an element-wise linear recurrent "pooling"; S4 (Gu et al., 2021) is a linear time-invariant state-space model that trains as a long convolution; LRU (Orvieto et al., 2023) shows that RNNs with diagonal linear recurrences and careful initialisation match S4 on long-range tasks; Mamba (Gu & Dao, 2023) makes $a_t,b_t$ input-dependent (selective) and trains with a hardware-aware parallel scan. At inference all of them need only constant-size state, like an RNN.`,
      },
    },
    references: [
      { title: 'Parallelizing Linear Recurrent Neural Nets Over Sequence Length', authors: 'Martin & Cundy', year: 2018, arxiv: '1709.04057' },
      { title: 'Quasi-Recurrent Neural Networks', authors: 'Bradbury, Merity, Xiong & Socher', year: 2016, arxiv: '1611.01576' },
      { title: 'Efficiently Modeling Long Sequences with Structured State Spaces', authors: 'Gu, Goel & Ré', year: 2021, arxiv: '2111.00396' },
      { title: 'Resurrecting Recurrent Neural Networks for Long Sequences', authors: 'Orvieto et al.', year: 2023, arxiv: '2303.06349' },
      { title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces', authors: 'Gu & Dao', year: 2023, arxiv: '2312.00752' },
    ],
  },
  // ===================================================================================
  // Gradients through time: worked examples, backward passes, cost.
  // ===================================================================================
  {
    id: 'rnn-bptt-gradient-by-hand',
    topic: 'rnn',
    subtopic: 'bptt',
    tags: ['bptt', 'chain-rule', 'worked-example', 'simple-rnn'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `标量 RNN：$h_t=\\tanh(w\\,h_{t-1}+x_t)$，$h_0=0$，$w=0.5$，输入 $x=(1,\\ 0.5,\\ -1)$，损失 $L=h_3$。用 BPTT 手算 $\\partial L/\\partial w$，写出每个时间步的贡献，并用有限差分核对。再算 $\\partial L/\\partial h_0$，说明它为什么小。`,
      en: `A scalar RNN: $h_t=\\tanh(w\\,h_{t-1}+x_t)$, $h_0=0$, $w=0.5$, inputs $x=(1,\\ 0.5,\\ -1)$, loss $L=h_3$. Compute $\\partial L/\\partial w$ by hand with BPTT, listing each time step's contribution, and check it with finite differences. Then compute $\\partial L/\\partial h_0$ and explain why it is small.`,
    },
    answer: {
      short: {
        zh: `前向：$h_1=0.76159$，$h_2=0.70682$，$h_3=-0.56937$。$\\partial L/\\partial w=\\sum_k\\frac{\\partial h_3}{\\partial h_k}(1-h_k^2)h_{k-1}=0.47768+0.12878+0=0.60646$，与中心差分一致。$\\partial L/\\partial h_0=\\prod_{k=1}^{3}w(1-h_k^2)\\approx0.01775$：每一步乘上一个小于 1 的因子 $w(1-h_k^2)$。`,
        en: `Forward: $h_1=0.76159$, $h_2=0.70682$, $h_3=-0.56937$. $\\partial L/\\partial w=\\sum_k\\frac{\\partial h_3}{\\partial h_k}(1-h_k^2)h_{k-1}=0.47768+0.12878+0=0.60646$, matching central differences. $\\partial L/\\partial h_0=\\prod_{k=1}^{3}w(1-h_k^2)\\approx0.01775$: every step multiplies by a factor $w(1-h_k^2)$ below 1.`,
      },
      full: {
        zh: `**前向。** $h_1=\\tanh(1)=0.761594$，$h_2=\\tanh(0.5\\cdot0.761594+0.5)=\\tanh(0.880797)=0.706818$，$h_3=\\tanh(0.5\\cdot0.706818-1)=\\tanh(-0.646591)=-0.569370$。

记 $d_k=1-h_k^2$：$d_1=0.419974$，$d_2=0.500408$，$d_3=0.675817$。

**反向递推。** 令 $\\delta_k=\\partial L/\\partial a_k$（$a_k$ 为第 $k$ 步的预激活）。$\\delta_3=d_3$，$\\delta_{k}=\\delta_{k+1}\\,w\\,d_k$。$w$ 在每一步显式出现一次，贡献为 $\\delta_k h_{k-1}$：

| $k$ | $\\delta_k$ | $h_{k-1}$ | 贡献 $\\delta_kh_{k-1}$ |
|---|---|---|---|
| 3 | 0.675817 | 0.706818 | 0.477680 |
| 2 | 0.169097 | 0.761594 | 0.128780 |
| 1 | 0.035508 | 0 | 0 |

$$\\frac{\\partial L}{\\partial w}=0.477680+0.128780+0=0.606460 .$$

**核对。** 中心差分 $(L(w+\\epsilon)-L(w-\\epsilon))/2\\epsilon$，$\\epsilon=10^{-6}$，得 $0.6064597$，与解析值一致到 $10^{-10}$ 量级。

**$\\partial L/\\partial h_0$。** $\\partial L/\\partial h_0=\\delta_1\\,w=w^3d_1d_2d_3=0.125\\times0.419974\\times0.500408\\times0.675817\\approx0.01775$。三步就衰减了约 56 倍：每一步的因子 $w(1-h_k^2)$ 都小于 $0.5$。这就是梯度消失的最小例子——远处的贡献（$k=1$ 那一行）在求和里微不足道，即使 $h_0\\ne0$ 也一样。`,
        en: `**Forward.** $h_1=\\tanh(1)=0.761594$, $h_2=\\tanh(0.5\\cdot0.761594+0.5)=\\tanh(0.880797)=0.706818$, $h_3=\\tanh(0.5\\cdot0.706818-1)=\\tanh(-0.646591)=-0.569370$.

Let $d_k=1-h_k^2$: $d_1=0.419974$, $d_2=0.500408$, $d_3=0.675817$.

**Backward recursion.** Let $\\delta_k=\\partial L/\\partial a_k$ ($a_k$ the pre-activation at step $k$). $\\delta_3=d_3$ and $\\delta_k=\\delta_{k+1}\\,w\\,d_k$. $w$ appears explicitly once per step, contributing $\\delta_kh_{k-1}$:

| $k$ | $\\delta_k$ | $h_{k-1}$ | contribution $\\delta_kh_{k-1}$ |
|---|---|---|---|
| 3 | 0.675817 | 0.706818 | 0.477680 |
| 2 | 0.169097 | 0.761594 | 0.128780 |
| 1 | 0.035508 | 0 | 0 |

$$\\frac{\\partial L}{\\partial w}=0.477680+0.128780+0=0.606460 .$$

**Check.** Central differences $(L(w+\\epsilon)-L(w-\\epsilon))/2\\epsilon$ with $\\epsilon=10^{-6}$ give $0.6064597$, agreeing to about $10^{-10}$.

**$\\partial L/\\partial h_0$.** $\\partial L/\\partial h_0=\\delta_1\\,w=w^3d_1d_2d_3=0.125\\times0.419974\\times0.500408\\times0.675817\\approx0.01775$. Three steps already shrink it about 56-fold: each factor $w(1-h_k^2)$ is below $0.5$. This is vanishing gradients in miniature — the distant contribution (the $k=1$ row) is negligible in the sum, and would stay so even with $h_0\\ne0$.`,
      },
    },
    references: [dlbRnn, pascanu2013],
    verification: [vSimpleRnnCell, vSimpleRnnLayer],
  },
  {
    id: 'rnn-bptt-backward-recursion',
    topic: 'rnn',
    subtopic: 'bptt',
    tags: ['bptt', 'backward-pass', 'custom-gradient', 'simple-rnn'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: `一个 SimpleRNN 层（Keras 行向量约定）$h_t=\\tanh(x_tW+h_{t-1}U+b)$，$t=1..T$，损失 $L$ 依赖全部输出 $h_1..h_T$。写出手写 BPTT 的反向递推：$\\partial L/\\partial W$、$\\partial L/\\partial U$、$\\partial L/\\partial b$、$\\partial L/\\partial x_t$ 与 $\\partial L/\\partial h_0$。为什么把它写成一个 \`tf.customGrad\` 比让 tfjs 对每一步自动求导快？`,
      en: `A SimpleRNN layer (Keras row-vector convention) $h_t=\\tanh(x_tW+h_{t-1}U+b)$, $t=1..T$, with a loss $L$ that depends on all outputs $h_1..h_T$. Write the backward recursion of a hand-written BPTT: $\\partial L/\\partial W$, $\\partial L/\\partial U$, $\\partial L/\\partial b$, $\\partial L/\\partial x_t$ and $\\partial L/\\partial h_0$. Why is one \`tf.customGrad\` faster than letting tfjs differentiate every step?`,
    },
    answer: {
      short: {
        zh: `从 $t=T$ 往回：$g_t=\\partial L/\\partial h_t|_{\\text{直接}}+\\delta_{t+1}U^\\top$，$\\delta_t=g_t\\odot(1-h_t^2)$（$\\delta_{T+1}=0$）。于是 $\\partial L/\\partial W=\\sum_tx_t^\\top\\delta_t$，$\\partial L/\\partial U=\\sum_th_{t-1}^\\top\\delta_t$，$\\partial L/\\partial b=\\sum_t\\mathbf 1^\\top\\delta_t$，$\\partial L/\\partial x_t=\\delta_tW^\\top$，$\\partial L/\\partial h_0=\\delta_1U^\\top$。$W$ 与 $\\partial L/\\partial x$ 可以在循环外各用一次大矩阵乘法完成；自定义梯度让计算图里只留一个节点，而不是每步几十个。`,
        en: `Going back from $t=T$: $g_t=\\partial L/\\partial h_t|_{\\text{direct}}+\\delta_{t+1}U^\\top$, $\\delta_t=g_t\\odot(1-h_t^2)$ (with $\\delta_{T+1}=0$). Then $\\partial L/\\partial W=\\sum_tx_t^\\top\\delta_t$, $\\partial L/\\partial U=\\sum_th_{t-1}^\\top\\delta_t$, $\\partial L/\\partial b=\\sum_t\\mathbf 1^\\top\\delta_t$, $\\partial L/\\partial x_t=\\delta_tW^\\top$, $\\partial L/\\partial h_0=\\delta_1U^\\top$. The $W$ and $x$ gradients are one big matmul each outside the loop; a custom gradient leaves one node on the tape instead of dozens per step.`,
      },
      full: {
        zh: `**记号。** $x_t\\in\\mathbb R^{B\\times d}$，$h_t\\in\\mathbb R^{B\\times u}$，$a_t=x_tW+h_{t-1}U+b$，$h_t=\\tanh(a_t)$。$\\bar h_t$ 表示损失对 $h_t$ 的**直接**梯度（如果只用最后一步，则只有 $\\bar h_T\\ne0$）。

**递推。** $h_t$ 影响损失的途径有两条：直接，以及通过 $a_{t+1}=\\dots+h_tU$。因此

$$g_t=\\bar h_t+\\delta_{t+1}U^\\top,\\qquad \\delta_t=\\frac{\\partial L}{\\partial a_t}=g_t\\odot(1-h_t^2),\\qquad \\delta_{T+1}=0 .$$

**参数梯度**（参数在每步共享，所以对各步求和）：

$$\\frac{\\partial L}{\\partial W}=\\sum_tx_t^\\top\\delta_t,\\quad \\frac{\\partial L}{\\partial U}=\\sum_th_{t-1}^\\top\\delta_t,\\quad \\frac{\\partial L}{\\partial b}=\\sum_t\\sum_{\\text{batch}}\\delta_t,\\quad \\frac{\\partial L}{\\partial x_t}=\\delta_tW^\\top,\\quad \\frac{\\partial L}{\\partial h_0}=\\delta_1U^\\top .$$

**需要保存什么。** 只需要前向的 $h_0..h_T$（$\\tanh'$ 可由 $h_t$ 得到），内存 $O(TBu)$。

**实现。** 循环内每步只有一次 $[B,u]\\times[u,u]$ 的乘法 $\\delta_{t+1}U^\\top$ 和逐元素运算。把 $\\delta_1..\\delta_T$ 叠成 $[T\\cdot B,u]$ 后：$\\partial L/\\partial W=X^\\top\\Delta$、$\\partial L/\\partial x=\\Delta W^\\top$、$\\partial L/\\partial U=H_{\\text{prev}}^\\top\\Delta$ 都是循环外的一次大乘法。

**为什么快。** tfjs 的自动求导会为每一步的每个小算子记录一个节点，反向时再逐个调用对应的梯度内核——一步前向加反向就是上百次内核调用，开销主要在调用本身而不是算术。\`tf.customGrad\` 把整层前向登记为一个节点、反向用上面的公式写成少数几次大运算，调用次数降一到两个数量级。

**测试方法。** 对小尺寸（如 $B=2,T=4,d=3,u=5$）把自定义梯度与"逐步调用单元、让 tfjs 自动求导"的结果对比，再用 float64 有限差分做独立参考。`,
        en: `**Notation.** $x_t\\in\\mathbb R^{B\\times d}$, $h_t\\in\\mathbb R^{B\\times u}$, $a_t=x_tW+h_{t-1}U+b$, $h_t=\\tanh(a_t)$. $\\bar h_t$ is the **direct** gradient of the loss with respect to $h_t$ (only $\\bar h_T\\ne0$ if the loss uses the last step only).

**Recursion.** $h_t$ reaches the loss in two ways: directly, and through $a_{t+1}=\\dots+h_tU$. Hence

$$g_t=\\bar h_t+\\delta_{t+1}U^\\top,\\qquad \\delta_t=\\frac{\\partial L}{\\partial a_t}=g_t\\odot(1-h_t^2),\\qquad \\delta_{T+1}=0 .$$

**Parameter gradients** (the parameters are shared, so sum over steps):

$$\\frac{\\partial L}{\\partial W}=\\sum_tx_t^\\top\\delta_t,\\quad \\frac{\\partial L}{\\partial U}=\\sum_th_{t-1}^\\top\\delta_t,\\quad \\frac{\\partial L}{\\partial b}=\\sum_t\\sum_{\\text{batch}}\\delta_t,\\quad \\frac{\\partial L}{\\partial x_t}=\\delta_tW^\\top,\\quad \\frac{\\partial L}{\\partial h_0}=\\delta_1U^\\top .$$

**What to store.** Only the forward states $h_0..h_T$ ($\\tanh'$ follows from $h_t$): $O(TBu)$ memory.

**Implementation.** Each loop step is one $[B,u]\\times[u,u]$ product $\\delta_{t+1}U^\\top$ plus element-wise work. Stacking $\\delta_1..\\delta_T$ into $[T\\cdot B,u]$ makes $\\partial L/\\partial W=X^\\top\\Delta$, $\\partial L/\\partial x=\\Delta W^\\top$ and $\\partial L/\\partial U=H_{\\text{prev}}^\\top\\Delta$ single large products outside the loop.

**Why it is faster.** tfjs autodiff records a node for every small op of every step and calls one gradient kernel per node on the way back — a hundred or more kernel calls per step forward and backward, with the cost in the calls rather than the arithmetic. \`tf.customGrad\` registers the whole layer as one node and runs the formulas above as a few large ops, cutting the call count by one to two orders of magnitude.

**Testing.** At small sizes (e.g. $B=2,T=4,d=3,u=5$) compare the custom gradient with autodiff through a step-by-step loop over the cell, and with float64 finite differences as an independent reference.`,
      },
    },
    references: [dlbRnn, { title: 'Backpropagation Through Time: What It Does and How to Do It', authors: 'Werbos', year: 1990, url: 'https://doi.org/10.1109/5.58337' }],
    verification: [vSimpleRnnCell, vSimpleRnnLayer],
  },
  {
    id: 'rnn-lstm-backward-equations',
    topic: 'rnn',
    subtopic: 'lstm',
    tags: ['lstm', 'backward-pass', 'bptt', 'gradients'],
    kind: 'derivation',
    difficulty: 5,
    prompt: {
      zh: `写出 LSTM 一步的反向传播：已知 $\\partial L/\\partial h_t$（含来自下一步的部分）和来自下一步的 $\\partial L/\\partial c_t$，求各门预激活的梯度、$\\partial L/\\partial c_{t-1}$、$\\partial L/\\partial h_{t-1}$ 以及参数梯度。前向需要保存哪些量？`,
      en: `Write the backward pass of one LSTM step: given $\\partial L/\\partial h_t$ (including what comes from the next step) and the $\\partial L/\\partial c_t$ carried back from the next step, find the gradients of the gate pre-activations, $\\partial L/\\partial c_{t-1}$, $\\partial L/\\partial h_{t-1}$ and the parameter gradients. What must the forward pass store?`,
    },
    answer: {
      short: {
        zh: `记 $\\tau_t=\\tanh(c_t)$。$\\bar c_t\\mathrel{+}=\\bar h_t\\odot o_t\\odot(1-\\tau_t^2)$；$\\bar o=\\bar h_t\\odot\\tau_t\\odot o(1-o)$，$\\bar f=\\bar c_t\\odot c_{t-1}\\odot f(1-f)$，$\\bar i=\\bar c_t\\odot g\\odot i(1-i)$，$\\bar g=\\bar c_t\\odot i\\odot(1-g^2)$；$\\partial L/\\partial c_{t-1}=\\bar c_t\\odot f_t$，$\\partial L/\\partial h_{t-1}=[\\bar i,\\bar f,\\bar g,\\bar o]U^\\top$，$\\partial L/\\partial W\\mathrel{+}=x_t^\\top[\\bar i,\\bar f,\\bar g,\\bar o]$。前向保存 $i,f,g,o,c_t,\\tanh(c_t)$ 和 $h_{t-1},c_{t-1}$。`,
        en: `Let $\\tau_t=\\tanh(c_t)$. $\\bar c_t\\mathrel{+}=\\bar h_t\\odot o_t\\odot(1-\\tau_t^2)$; $\\bar o=\\bar h_t\\odot\\tau_t\\odot o(1-o)$, $\\bar f=\\bar c_t\\odot c_{t-1}\\odot f(1-f)$, $\\bar i=\\bar c_t\\odot g\\odot i(1-i)$, $\\bar g=\\bar c_t\\odot i\\odot(1-g^2)$; $\\partial L/\\partial c_{t-1}=\\bar c_t\\odot f_t$, $\\partial L/\\partial h_{t-1}=[\\bar i,\\bar f,\\bar g,\\bar o]U^\\top$, $\\partial L/\\partial W\\mathrel{+}=x_t^\\top[\\bar i,\\bar f,\\bar g,\\bar o]$. Store $i,f,g,o,c_t,\\tanh(c_t)$ and $h_{t-1},c_{t-1}$ in the forward pass.`,
      },
      full: {
        zh: `**前向**（行向量，Keras 顺序 $i,f,c(g),o$）：$z=x_tW+h_{t-1}U+b$ 切成 $z_i,z_f,z_g,z_o$；$i=\\sigma(z_i)$，$f=\\sigma(z_f)$，$g=\\tanh(z_g)$，$o=\\sigma(z_o)$；$c_t=f\\odot c_{t-1}+i\\odot g$，$\\tau_t=\\tanh(c_t)$，$h_t=o\\odot\\tau_t$。

**反向**（上横线表示 $\\partial L/\\partial\\cdot$；$\\bar h_t$ 已包含输出损失和下一步经 $U$ 传回的部分，$\\bar c_t$ 初始为下一步传回的 $\\bar c_{t+1}\\odot f_{t+1}$）：

1. 经输出：$\\bar o=\\bar h_t\\odot\\tau_t$，$\\bar c_t\\mathrel{+}=\\bar h_t\\odot o\\odot(1-\\tau_t^2)$。
2. 经细胞更新：$\\bar f=\\bar c_t\\odot c_{t-1}$，$\\bar i=\\bar c_t\\odot g$，$\\bar g=\\bar c_t\\odot i$，$\\bar c_{t-1}=\\bar c_t\\odot f$。
3. 过激活函数：$\\bar z_i=\\bar i\\odot i(1-i)$，$\\bar z_f=\\bar f\\odot f(1-f)$，$\\bar z_g=\\bar g\\odot(1-g^2)$，$\\bar z_o=\\bar o\\odot o(1-o)$，拼成 $\\bar z\\in\\mathbb R^{B\\times4u}$。
4. 线性部分：$\\bar h_{t-1}\\mathrel{+}=\\bar zU^\\top$，$\\bar x_t=\\bar zW^\\top$，$\\bar W\\mathrel{+}=x_t^\\top\\bar z$，$\\bar U\\mathrel{+}=h_{t-1}^\\top\\bar z$，$\\bar b\\mathrel{+}=\\sum_{\\text{batch}}\\bar z$。

**要点。**
- 第 2 步的 $\\bar c_{t-1}=\\bar c_t\\odot f$ 就是"恒定误差传送带"：不经过任何矩阵。
- 若采用 hard sigmoid，$\\sigma'$ 要换成它的导数（线性区为 0.2，饱和区为 0）。
- 前向每步需保存 $i,f,g,o,c_t,\\tau_t$（$6u$），加上 $h_t$ 共约 $7u$ 个数/样本，也可只存 $c_t,h_t$ 反向时重算门以省内存。
- 与单步展开的 tfjs 自动求导对比、再与 float64 有限差分对比，就能检验实现。`,
        en: `**Forward** (row vectors, Keras order $i,f,c(g),o$): $z=x_tW+h_{t-1}U+b$ split into $z_i,z_f,z_g,z_o$; $i=\\sigma(z_i)$, $f=\\sigma(z_f)$, $g=\\tanh(z_g)$, $o=\\sigma(z_o)$; $c_t=f\\odot c_{t-1}+i\\odot g$, $\\tau_t=\\tanh(c_t)$, $h_t=o\\odot\\tau_t$.

**Backward** (a bar means $\\partial L/\\partial\\cdot$; $\\bar h_t$ already includes the output loss and what the next step sends back through $U$; $\\bar c_t$ starts as the next step's $\\bar c_{t+1}\\odot f_{t+1}$):

1. Through the output: $\\bar o=\\bar h_t\\odot\\tau_t$, $\\bar c_t\\mathrel{+}=\\bar h_t\\odot o\\odot(1-\\tau_t^2)$.
2. Through the cell update: $\\bar f=\\bar c_t\\odot c_{t-1}$, $\\bar i=\\bar c_t\\odot g$, $\\bar g=\\bar c_t\\odot i$, $\\bar c_{t-1}=\\bar c_t\\odot f$.
3. Through the activations: $\\bar z_i=\\bar i\\odot i(1-i)$, $\\bar z_f=\\bar f\\odot f(1-f)$, $\\bar z_g=\\bar g\\odot(1-g^2)$, $\\bar z_o=\\bar o\\odot o(1-o)$, concatenated into $\\bar z\\in\\mathbb R^{B\\times4u}$.
4. Linear part: $\\bar h_{t-1}\\mathrel{+}=\\bar zU^\\top$, $\\bar x_t=\\bar zW^\\top$, $\\bar W\\mathrel{+}=x_t^\\top\\bar z$, $\\bar U\\mathrel{+}=h_{t-1}^\\top\\bar z$, $\\bar b\\mathrel{+}=\\sum_{\\text{batch}}\\bar z$.

**Notes.**
- $\\bar c_{t-1}=\\bar c_t\\odot f$ in step 2 is the constant error carousel: no matrix on the way.
- With a hard sigmoid, replace $\\sigma'$ by its derivative (0.2 in the linear region, 0 when saturated).
- Each step stores $i,f,g,o,c_t,\\tau_t$ ($6u$) plus $h_t$: about $7u$ numbers per example; storing only $c_t,h_t$ and recomputing the gates in the backward pass trades compute for memory.
- Check an implementation against autodiff through an unrolled step-by-step loop and against float64 finite differences.`,
      },
    },
    references: [hochreiter1997, greff2017, dlbRnn],
    verification: [vLstmCell, vLstmLayer],
  },
  {
    id: 'rnn-non-normal-transient-growth',
    topic: 'rnn',
    subtopic: 'bptt',
    tags: ['spectral-radius', 'singular-values', 'non-normal', 'exploding-gradient'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: `线性 RNN $h_t=Wh_{t-1}$，$W=\\begin{pmatrix}0.9&1\\\\0&0.9\\end{pmatrix}$。它的谱半径是多少？最大奇异值是多少？推导 $W^k$ 的闭式，算出 $\\|W^k\\|_2$ 在 $k=1,10,50,100$ 的值。"谱半径小于 1 就不会梯度爆炸"这句话对吗？`,
      en: `A linear RNN $h_t=Wh_{t-1}$ with $W=\\begin{pmatrix}0.9&1\\\\0&0.9\\end{pmatrix}$. What is its spectral radius, and its largest singular value? Derive $W^k$ in closed form and give $\\|W^k\\|_2$ at $k=1,10,50,100$. Is "spectral radius below 1 means no exploding gradient" right?`,
    },
    answer: {
      short: {
        zh: `$\\rho(W)=0.9$，但 $\\sigma_{\\max}(W)\\approx1.530$。$W^k=\\begin{pmatrix}0.9^k&k\\,0.9^{k-1}\\\\0&0.9^k\\end{pmatrix}$，$\\|W^k\\|_2\\approx1.53,\\ 3.91,\\ 0.286,\\ 0.00295$（$k=1,10,50,100$），峰值约 3.91 出现在 $k=9$。谱半径只决定 $k\\to\\infty$ 的极限；非正规矩阵在有限步内可以先放大，所以这句话只在渐近意义下成立。`,
        en: `$\\rho(W)=0.9$ but $\\sigma_{\\max}(W)\\approx1.530$. $W^k=\\begin{pmatrix}0.9^k&k\\,0.9^{k-1}\\\\0&0.9^k\\end{pmatrix}$ and $\\|W^k\\|_2\\approx1.53,\\ 3.91,\\ 0.286,\\ 0.00295$ at $k=1,10,50,100$, peaking near 3.91 at $k=9$. The spectral radius only fixes the limit $k\\to\\infty$; a non-normal matrix can amplify first, so the statement holds only asymptotically.`,
      },
      full: {
        zh: `**谱半径。** $W$ 是上三角矩阵，特征值为对角元 0.9（二重），$\\rho(W)=0.9<1$。

**奇异值。** $W^\\top W=\\begin{pmatrix}0.81&0.9\\\\0.9&1.81\\end{pmatrix}$，最大特征值的平方根 $\\sigma_{\\max}\\approx1.5296>1$。

**闭式。** 写 $W=0.9I+N$，$N=\\begin{pmatrix}0&1\\\\0&0\\end{pmatrix}$，$N^2=0$ 且 $N$ 与 $I$ 可交换，由二项式定理：

$$W^k=0.9^kI+k\\,0.9^{k-1}N=\\begin{pmatrix}0.9^k&k\\,0.9^{k-1}\\\\0&0.9^k\\end{pmatrix}.$$

**数值**（谱范数）：

| $k$ | 右上元 $k\\,0.9^{k-1}$ | $\\|W^k\\|_2$ |
|---|---|---|
| 1 | 1 | 1.530 |
| 10 | 3.874 | 3.905 |
| 50 | 0.286 | 0.286 |
| 100 | 0.00295 | 0.00295 |

峰值在 $k=9$，约 3.91。

**结论。** 反向梯度按 $(W^\\top)^k$ 传播，范数相同。谱半径 $<1$ 保证**最终**衰减，但对非正规矩阵（$W^\\top W\\ne WW^\\top$），$\\|W^k\\|$ 可以先增长——这里放大近 4 倍；把右上元换成 10 就是近 40 倍。Pascanu et al.（2013）的充分条件用的是最大奇异值：$\\sigma_{\\max}<1$（乘以激活导数上界）才保证每一步都不放大。正交初始化让所有奇异值为 1，正好避开这种暂态增长。`,
        en: `**Spectral radius.** $W$ is upper triangular, so its eigenvalues are the diagonal entries 0.9 (twice): $\\rho(W)=0.9<1$.

**Singular values.** $W^\\top W=\\begin{pmatrix}0.81&0.9\\\\0.9&1.81\\end{pmatrix}$; the square root of its largest eigenvalue is $\\sigma_{\\max}\\approx1.5296>1$.

**Closed form.** Write $W=0.9I+N$ with $N=\\begin{pmatrix}0&1\\\\0&0\\end{pmatrix}$; $N^2=0$ and $N$ commutes with $I$, so by the binomial theorem

$$W^k=0.9^kI+k\\,0.9^{k-1}N=\\begin{pmatrix}0.9^k&k\\,0.9^{k-1}\\\\0&0.9^k\\end{pmatrix}.$$

**Numbers** (spectral norm):

| $k$ | top-right $k\\,0.9^{k-1}$ | $\\|W^k\\|_2$ |
|---|---|---|
| 1 | 1 | 1.530 |
| 10 | 3.874 | 3.905 |
| 50 | 0.286 | 0.286 |
| 100 | 0.00295 | 0.00295 |

The peak is at $k=9$, about 3.91.

**Conclusion.** The backward gradient propagates with $(W^\\top)^k$, which has the same norms. A spectral radius below 1 guarantees **eventual** decay, but for a non-normal matrix ($W^\\top W\\ne WW^\\top$) $\\|W^k\\|$ can grow first — almost 4× here, almost 40× with a top-right entry of 10. Pascanu et al.'s (2013) sufficient condition uses the largest singular value: only $\\sigma_{\\max}<1$ (times the bound on the activation derivative) rules out amplification at every step. Orthogonal initialisation makes all singular values 1 and avoids this transient growth.`,
      },
    },
    references: [pascanu2013, { title: 'Spectra and Pseudospectra: The Behavior of Nonnormal Matrices and Operators', authors: 'Trefethen & Embree', year: 2005, url: 'https://press.princeton.edu/books/hardcover/9780691119465/spectra-and-pseudospectra' }],
    verification: [vSimpleRnnCell],
  },
  {
    id: 'rnn-linear-rnn-weight-gradient',
    topic: 'rnn',
    subtopic: 'gradient-clipping',
    tags: ['exploding-gradient', 'loss-cliff', 'gradient-clipping', 'worked-example'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `标量线性 RNN $h_t=w\\,h_{t-1}$，$h_0=1$，损失 $L=h_{50}$。分别对 $w=0.9,1,1.1$ 计算 $L$ 与 $\\partial L/\\partial w$。若学习率为 0.01、在 $w=1.1$ 处做一步梯度下降，会发生什么？按全局范数 1 裁剪后呢？`,
      en: `A scalar linear RNN $h_t=w\\,h_{t-1}$ with $h_0=1$ and loss $L=h_{50}$. Compute $L$ and $\\partial L/\\partial w$ for $w=0.9,1,1.1$. With learning rate 0.01, what does one gradient step at $w=1.1$ do? And after clipping to global norm 1?`,
    },
    answer: {
      short: {
        zh: `$L=w^{50}$，$\\partial L/\\partial w=50w^{49}$：$w=0.9$ 时 $L=0.00515$、梯度 $0.286$；$w=1$ 时 $1$、$50$；$w=1.1$ 时 $117.4$、$5336$。在 $w=1.1$ 处一步更新让 $w$ 变化 $-53.4$，直接跳到 $w\\approx-52$，$L$ 变成天文数字；裁剪到范数 1 后步长只有 $0.01$，$w\\to1.09$，方向不变。`,
        en: `$L=w^{50}$ and $\\partial L/\\partial w=50w^{49}$: $L=0.00515$ and gradient $0.286$ at $w=0.9$; $1$ and $50$ at $w=1$; $117.4$ and $5336$ at $w=1.1$. One step at $w=1.1$ changes $w$ by $-53.4$, landing near $w\\approx-52$ with an astronomically large loss; clipped to norm 1, the step is only $0.01$: $w\\to1.09$, same direction.`,
      },
      full: {
        zh: `**计算。** $h_{50}=w^{50}h_0=w^{50}$，$\\partial L/\\partial w=50w^{49}$（BPTT 中 50 个时间步各贡献 $w^{49}$）：

| $w$ | $L=w^{50}$ | $\\partial L/\\partial w$ |
|---|---|---|
| 0.9 | 0.00515 | 0.286 |
| 1.0 | 1 | 50 |
| 1.1 | 117.4 | 5336 |

**悬崖。** 在 $[0.9,1.1]$ 这么窄的区间里，损失跨了四个数量级、梯度跨了四个多数量级——这就是 Pascanu et al.（2013）说的"悬崖"：曲面在一个方向上极陡。

**不裁剪。** $\\Delta w=-0.01\\times5336=-53.4$，$w$ 从 1.1 跳到约 $-52.3$，$L=w^{50}$ 约为 $10^{86}$，在 float32 中直接溢出为 Infinity，随后是 NaN。梯度的**方向**（减小 $w$）是对的，错的是步长。

**按全局范数 1 裁剪。** 只有一个参数，梯度被缩放为 $1$（方向不变），$\\Delta w=-0.01$，$w=1.09$。这正是裁剪的意义：保留方向、限制步长，让训练"走下"悬崖而不是被弹飞。

**与 LSTM 的关系。** 门控只改变"衰减多快"，不会让这种曲面消失；带 LSTM 的模型照样需要裁剪。`,
        en: `**Computation.** $h_{50}=w^{50}h_0=w^{50}$ and $\\partial L/\\partial w=50w^{49}$ (each of the 50 BPTT steps contributes $w^{49}$):

| $w$ | $L=w^{50}$ | $\\partial L/\\partial w$ |
|---|---|---|
| 0.9 | 0.00515 | 0.286 |
| 1.0 | 1 | 50 |
| 1.1 | 117.4 | 5336 |

**The cliff.** Over the narrow interval $[0.9,1.1]$ the loss spans four orders of magnitude and the gradient more than four — Pascanu et al.'s (2013) "cliff": a surface that is extremely steep in one direction.

**Without clipping.** $\\Delta w=-0.01\\times5336=-53.4$: $w$ jumps from 1.1 to about $-52.3$, where $L=w^{50}$ is about $10^{86}$ — Infinity in float32, then NaN. The gradient's **direction** (decrease $w$) is right; its size is what is wrong.

**Clipped to global norm 1.** With one parameter the gradient becomes $1$ (same sign), $\\Delta w=-0.01$, $w=1.09$. That is what clipping is for: keep the direction, bound the step, and walk down the cliff instead of being thrown off it.

**And LSTMs?** Gating changes how fast signals decay; it does not remove such cliffs. LSTM models need clipping too.`,
      },
    },
    references: [pascanu2013, tfClipByGlobalNorm],
    verification: [vClipByGlobalNorm, vSimpleRnnCell],
  },
  {
    id: 'rnn-lstm-still-explodes',
    topic: 'rnn',
    subtopic: 'gradient-clipping',
    tags: ['lstm', 'exploding-gradient', 'gradient-clipping', 'debugging'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: `一个 2 层 LSTM 语言模型（Adam，学习率 $3\\times10^{-3}$，没有梯度裁剪）训练到第 3000 步时损失从 1.4 突然跳到 8 以上，之后再也回不去。同事说"LSTM 已经解决了梯度爆炸，问题一定在数据"。你怎么回应，怎么定位，怎么修？`,
      en: `A 2-layer LSTM language model (Adam, learning rate $3\\times10^{-3}$, no gradient clipping) trains fine until step 3000, when the loss jumps from 1.4 to above 8 and never recovers. A colleague says "LSTMs solved exploding gradients, so it must be the data". How do you respond, diagnose and fix it?`,
    },
    answer: {
      short: {
        zh: `这个说法不对：LSTM 的加性细胞状态只缓解梯度消失，经由 $h_{t-1}$ 和循环矩阵的路径仍可能产生极大梯度。记录每步裁剪前的全局梯度范数：若跳变前范数突增几个数量级，就是梯度爆炸。修复：按全局范数裁剪（如 1～5）、降低学习率或加 warmup；数据问题要单独排查（把出事的批次单独重放）。`,
        en: `The claim is wrong: the LSTM's additive cell path only mitigates vanishing gradients; paths through $h_{t-1}$ and the recurrent matrices can still produce huge gradients. Log the pre-clip global gradient norm each step: a spike of orders of magnitude just before the jump means an exploding gradient. Fix: clip by global norm (about 1–5) and lower the learning rate or add warm-up; rule out data separately by replaying the offending batch.`,
      },
      full: {
        zh: `**回应。** LSTM 的直接通路 $\\partial c_t/\\partial c_{t-1}=\\operatorname{diag}(f_t)$ 的范数不超过 1，所以**这一项**不会爆炸；但 $h_{t-1}$ 通过 $U_i,U_f,U_g,U_o$ 进入各个门，这些间接项含有循环矩阵的连乘，数值可以很大。再加上输出层、多层堆叠，LSTM 的梯度完全可能爆炸。"LSTM 同时解决了梯度消失和爆炸"正是种子文档的错误说法（勘误第 7 行）。

**定位。**
1. 每步记录损失、**裁剪前**的全局梯度范数和各层权重范数。梯度爆炸的特征：跳变前一两步范数突增 10～1000 倍，之后 Adam 的二阶矩被大梯度污染，损失停在高位。
2. 把出事那一批数据单独拿出来，用跳变前的检查点重放：若同一批在小学习率下正常，问题在优化而不是数据。
3. 同时检查数据是否有越界标签、异常长的序列（更长的展开更容易爆炸）。

**修复。**
- 按**全局范数**裁剪梯度，阈值常取 1～5（参考训练稳定期的典型范数）；
- 学习率降到 $10^{-3}$ 左右，或加 warmup；
- 遗忘门偏置 1、正交的循环初始化；
- 从跳变前的检查点恢复，而不是继续训练已被污染的优化器状态。

在 tfjs 中优化器没有 \`clipnorm\` 选项，需要自己用 \`tf.variableGrads\` 求梯度、按全局范数裁剪、再 \`applyGradients\`（见 \`@dl/core\` 的 \`clipByGlobalNorm\`）。`,
        en: `**Response.** The LSTM's direct path $\\partial c_t/\\partial c_{t-1}=\\operatorname{diag}(f_t)$ has norm at most 1, so **that term** cannot explode; but $h_{t-1}$ enters every gate through $U_i,U_f,U_g,U_o$, and those indirect terms contain products of recurrent matrices that can be large. Add the output layer and stacking, and an LSTM's gradient can certainly explode. "The LSTM solves both vanishing and exploding gradients" is exactly the seed document's wrong claim (errata row 7).

**Diagnosis.**
1. Log the loss, the **pre-clip** global gradient norm and per-layer weight norms every step. The signature of an explosion: the norm spikes 10–1000× one or two steps before the jump; afterwards Adam's second-moment estimates are polluted by the huge gradient and the loss stays high.
2. Replay the offending batch from the checkpoint before the jump: if it trains fine at a lower learning rate, the problem is optimisation, not data.
3. Also check the data for out-of-range labels and unusually long sequences (longer unrolls explode more easily).

**Fix.**
- Clip by **global norm**, threshold about 1–5 (around the typical norm during stable training);
- lower the learning rate to about $10^{-3}$ or add warm-up;
- forget bias 1 and orthogonal recurrent initialisation;
- resume from the checkpoint before the jump instead of continuing with the polluted optimizer state.

tfjs optimizers have no \`clipnorm\` option: compute gradients with \`tf.variableGrads\`, clip them by global norm and call \`applyGradients\` (see \`clipByGlobalNorm\` in \`@dl/core\`).`,
      },
    },
    references: [pascanu2013, tfClipByGlobalNorm, hochreiter1997],
    misconceptions: [
      {
        claim: {
          zh: `LSTM 已经解决了梯度爆炸，训练 LSTM 不需要梯度裁剪。`,
          en: `LSTMs solved exploding gradients, so training an LSTM needs no gradient clipping.`,
        },
        correction: {
          zh: `LSTM 只缓解梯度消失；经过门和循环矩阵的路径仍会爆炸，LSTM 训练照样需要按全局范数裁剪。`,
          en: `The LSTM only mitigates vanishing gradients; paths through the gates and recurrent matrices still explode, and LSTM training still needs global-norm clipping.`,
        },
        erratum: 7,
      },
    ],
    verification: [vClipByGlobalNorm, vLstmLayer],
  },
  {
    id: 'rnn-keras-clipnorm-vs-global',
    topic: 'rnn',
    subtopic: 'gradient-clipping',
    tags: ['gradient-clipping', 'keras', 'global-norm', 'optimizer'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `Keras 优化器有 \`clipnorm\` 和 \`global_clipnorm\` 两个参数。两个变量的梯度为 $g_1=(6,8)$、$g_2=(0.3,0.4)$，阈值都设为 1，分别算出裁剪结果，并说明哪一个是 Pascanu et al. 的做法。tfjs 中怎么做？`,
      en: `Keras optimizers take \`clipnorm\` and \`global_clipnorm\`. Two variables have gradients $g_1=(6,8)$ and $g_2=(0.3,0.4)$ and both thresholds are 1. Compute the clipped gradients in each case and say which is Pascanu et al.'s method. How do you do it in tfjs?`,
    },
    answer: {
      short: {
        zh: `\`clipnorm=1\` 逐变量裁剪：$g_1\\to(0.6,0.8)$，$g_2$ 范数 0.5 不变，两者的比例从 20:1 变成 2:1，更新方向被改变。\`global_clipnorm=1\`：全局范数 $\\sqrt{100.25}\\approx10.0125$，统一乘 $0.09988$：$g_1\\approx(0.5993,0.7990)$，$g_2\\approx(0.02996,0.03995)$，方向不变——这是 Pascanu et al. 的做法。tfjs 优化器没有裁剪参数，要自己求梯度、裁剪、\`applyGradients\`。`,
        en: `\`clipnorm=1\` clips each variable separately: $g_1\\to(0.6,0.8)$ and $g_2$ (norm 0.5) is unchanged, so their ratio goes from 20:1 to 2:1 and the update direction changes. \`global_clipnorm=1\`: global norm $\\sqrt{100.25}\\approx10.0125$, common scale $0.09988$: $g_1\\approx(0.5993,0.7990)$, $g_2\\approx(0.02996,0.03995)$, direction kept — Pascanu et al.'s method. tfjs optimizers have no clipping option; compute gradients, clip, then \`applyGradients\`.`,
      },
      full: {
        zh: `**Keras 语义。** \`clipnorm\`：每个变量的梯度**单独**裁剪到范数不超过该值；\`global_clipnorm\`：把所有变量的梯度看成一个向量，按全局范数统一缩放；\`clipvalue\`：逐元素截断。

**逐变量（\`clipnorm=1\`）。** $\\|g_1\\|=10\\to$ 乘 $0.1$ 得 $(0.6,0.8)$；$\\|g_2\\|=0.5\\le1$ 不变。原来 $g_1$ 比 $g_2$ 大 20 倍，裁剪后只大 2 倍——小梯度的变量被相对放大了 10 倍，合起来的更新方向与真实梯度不同。

**全局（\`global_clipnorm=1\`）。** $\\|g\\|=\\sqrt{6^2+8^2+0.3^2+0.4^2}=\\sqrt{100.25}\\approx10.0125$，缩放因子 $1/10.0125\\approx0.09988$：
- $g_1\\approx(0.5993,0.7990)$
- $g_2\\approx(0.02996,0.03995)$

比例保持 20:1，合起来的范数恰为 1。Pascanu et al.（2013）与 TensorFlow 的 \`tf.clip_by_global_norm\` 都是这种。

**tfjs。** \`tf.train.adam\` 等优化器没有裁剪参数，\`model.fit\` 也不会替你裁剪。做法：

\`\`\`ts
const { value, grads } = tf.variableGrads(() => lossFn());
const clipped = clipByGlobalNorm(grads, 1); // @dl/core
optimizer.applyGradients(clipped);
\`\`\`

记得 dispose 中间张量，并记录裁剪前的范数。`,
        en: `**Keras semantics.** \`clipnorm\`: each variable's gradient is clipped **separately** to at most that norm; \`global_clipnorm\`: all gradients are treated as one vector and scaled together by the global norm; \`clipvalue\`: element-wise clamp.

**Per variable (\`clipnorm=1\`).** $\\|g_1\\|=10$, scaled by $0.1$ to $(0.6,0.8)$; $\\|g_2\\|=0.5\\le1$, unchanged. $g_1$ was 20× larger than $g_2$, afterwards only 2× — the small-gradient variable is boosted tenfold relative to the other, and the combined update no longer points along the true gradient.

**Global (\`global_clipnorm=1\`).** $\\|g\\|=\\sqrt{6^2+8^2+0.3^2+0.4^2}=\\sqrt{100.25}\\approx10.0125$, scale $1/10.0125\\approx0.09988$:
- $g_1\\approx(0.5993,0.7990)$
- $g_2\\approx(0.02996,0.03995)$

The 20:1 ratio is kept and the combined norm is exactly 1. This is Pascanu et al. (2013) and TensorFlow's \`tf.clip_by_global_norm\`.

**tfjs.** Optimizers such as \`tf.train.adam\` have no clipping argument and \`model.fit\` does not clip for you. Instead:

\`\`\`ts
const { value, grads } = tf.variableGrads(() => lossFn());
const clipped = clipByGlobalNorm(grads, 1); // @dl/core
optimizer.applyGradients(clipped);
\`\`\`

Dispose the intermediates and log the pre-clip norm.`,
      },
    },
    references: [pascanu2013, tfClipByGlobalNorm, { title: 'Keras API reference: Optimizers (clipnorm, clipvalue, global_clipnorm)', url: 'https://keras.io/api/optimizers/' }],
    misconceptions: [
      {
        claim: {
          zh: `Keras 的 \`clipnorm\` 就是按全局范数裁剪。`,
          en: `Keras' \`clipnorm\` clips by global norm.`,
        },
        correction: {
          zh: `\`clipnorm\` 对每个变量单独裁剪，会改变更新方向；全局裁剪是 \`global_clipnorm\`。`,
          en: `\`clipnorm\` clips each variable on its own and can change the update direction; global clipping is \`global_clipnorm\`.`,
        },
      },
    ],
    verification: [vClipByGlobalNorm],
  },
  {
    id: 'rnn-bptt-cost-time-memory',
    topic: 'rnn',
    subtopic: 'bptt',
    tags: ['bptt', 'memory', 'compute-cost', 'checkpointing'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `估算 BPTT 的时间和内存：一层 LSTM，输入维度 $d=512$，$u=512$，批大小 $B=64$，序列长 $T=1000$，float32。(a) 前向每步和整条序列的浮点运算量；(b) 反向传播需要保存的激活有多大；(c) 每 $\\sqrt T$ 步存一个检查点时内存和计算如何变化。`,
      en: `Estimate the time and memory of BPTT: one LSTM layer, input size $d=512$, $u=512$, batch $B=64$, sequence length $T=1000$, float32. (a) FLOPs per forward step and per sequence; (b) how much activation memory the backward pass needs; (c) how memory and compute change with a checkpoint every $\\sqrt T$ steps.`,
    },
    answer: {
      short: {
        zh: `(a) 每步 $2B(d+u)\\cdot4u\\approx2.68\\times10^8$ FLOPs，前向 $2.68\\times10^{11}$，加反向（约 2 倍）共约 $8.1\\times10^{11}$。(b) 每步每样本约存 $7u$ 个数（$i,f,g,o,c,\\tanh c,h$），共 $7\\cdot512\\cdot64\\cdot1000\\cdot4$ 字节 $\\approx918$ MB，随 $T$ 线性增长。(c) 约 32 个检查点 + 一段 32 步的激活，约 36 MiB，代价是多做一次前向（总计算约 +1/3）。时间上 $T$ 步必须串行。`,
        en: `(a) $2B(d+u)\\cdot4u\\approx2.68\\times10^8$ FLOPs per step, $2.68\\times10^{11}$ forward, about $8.1\\times10^{11}$ with the backward pass (about 2× forward). (b) About $7u$ numbers per step per example ($i,f,g,o,c,\\tanh c,h$): $7\\cdot512\\cdot64\\cdot1000\\cdot4$ bytes $\\approx918$ MB, linear in $T$. (c) About 32 checkpoints plus one 32-step segment of activations, about 36 MiB, for one extra forward pass (about +1/3 compute). The $T$ steps stay sequential.`,
      },
      full: {
        zh: `**(a) 计算量。** 每步的主要成本是 $[x_t,h_{t-1}]\\in\\mathbb R^{B\\times(d+u)}$ 乘以 $(d+u)\\times4u$ 的权重，乘加各一次：

$$2\\cdot B\\cdot(d+u)\\cdot4u=2\\cdot64\\cdot1024\\cdot2048\\approx2.68\\times10^8\\ \\text{FLOPs}.$$

$T=1000$ 步前向约 $2.68\\times10^{11}$。反向要算对输入和对权重两份梯度，约为前向的 2 倍，合计约 $8.05\\times10^{11}$ FLOPs。其中输入投影 $x_tW$ 的一半可以提到循环外一次完成，但循环部分 $h_{t-1}U$ 必须按时间串行：深度 $O(T)$。

**(b) 内存。** 反向需要每步的 $i,f,g,o,c_t,\\tanh(c_t),h_t$ 共 $7u$ 个数/样本：

$$7\\times512\\times64\\times1000\\times4\\ \\text{B}=917{,}504{,}000\\ \\text{B}\\approx918\\ \\text{MB}\\ (875\\ \\text{MiB}),$$

与 $T$ 成正比；权重本身只有 $4(u(d+u)+u)=2{,}099{,}200\\approx2.1\\times10^6$ 个参数，约 8.4 MB。

**(c) 梯度检查点。** 每 $k=\\lceil\\sqrt T\\rceil=32$ 步只保存 $(h,c)$（$2u$）。反向时从最近的检查点重算这一段、保存这一段的完整激活。内存约为 $32\\cdot2u+32\\cdot7u=32\\cdot9u$ 个数/样本，即 $32\\cdot9\\cdot512\\cdot64\\cdot4$ B $\\approx36$ MiB；代价是多一次完整前向，总计算从"前向 + 2×前向"变为"2×前向 + 2×前向"，约多 1/3（Chen et al., 2016；Gruslys et al., 2016 给出了按内存预算的最优策略）。

**另一个选择**是截断 BPTT：内存 $O(k)$，但放弃了超过 $k$ 步的梯度。`,
        en: `**(a) Compute.** Each step is dominated by multiplying $[x_t,h_{t-1}]\\in\\mathbb R^{B\\times(d+u)}$ by a $(d+u)\\times4u$ weight, one multiply and one add per entry:

$$2\\cdot B\\cdot(d+u)\\cdot4u=2\\cdot64\\cdot1024\\cdot2048\\approx2.68\\times10^8\\ \\text{FLOPs}.$$

Over $T=1000$ steps the forward pass is about $2.68\\times10^{11}$. The backward pass computes gradients for both the inputs and the weights, about 2× the forward, for about $8.05\\times10^{11}$ FLOPs in total. The input half $x_tW$ can be hoisted out of the loop as one matmul, but the recurrent half $h_{t-1}U$ is sequential in time: depth $O(T)$.

**(b) Memory.** The backward pass needs $i,f,g,o,c_t,\\tanh(c_t),h_t$ at every step, $7u$ numbers per example:

$$7\\times512\\times64\\times1000\\times4\\ \\text{B}=917{,}504{,}000\\ \\text{B}\\approx918\\ \\text{MB}\\ (875\\ \\text{MiB}),$$

proportional to $T$; the weights are only $4(u(d+u)+u)=2{,}099{,}200\\approx2.1\\times10^6$ parameters, about 8.4 MB.

**(c) Gradient checkpointing.** Keep only $(h,c)$ ($2u$) every $k=\\lceil\\sqrt T\\rceil=32$ steps. In the backward pass recompute each segment from its checkpoint and keep that segment's full activations. Memory is about $32\\cdot2u+32\\cdot7u=32\\cdot9u$ numbers per example, $32\\cdot9\\cdot512\\cdot64\\cdot4$ B $\\approx36$ MiB; the price is one more full forward pass, from "forward + 2× forward" to "2× forward + 2× forward", about +1/3 compute (Chen et al., 2016; Gruslys et al., 2016 derive the optimal policy for a given memory budget).

**The other option** is truncated BPTT: $O(k)$ memory, but no gradient beyond $k$ steps.`,
      },
    },
    references: [
      { title: 'Training Deep Nets with Sublinear Memory Cost', authors: 'Chen, Xu, Zhang & Guestrin', year: 2016, arxiv: '1604.06174' },
      { title: 'Memory-Efficient Backpropagation Through Time', authors: 'Gruslys et al.', year: 2016, arxiv: '1606.03401' },
      dlbRnn,
    ],
    verification: [vLstmLayer, vParameterCount],
  },
  {
    id: 'rnn-rtrl-vs-bptt',
    topic: 'rnn',
    subtopic: 'bptt',
    tags: ['rtrl', 'bptt', 'online-learning', 'uoro'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: `除了 BPTT，还可以用实时循环学习（RTRL）训练 RNN。两者的时间、内存复杂度各是多少？为什么 RTRL 适合在线学习却几乎没人用？UORO 等近似方法做了什么？`,
      en: `Besides BPTT, an RNN can be trained with real-time recurrent learning (RTRL). What are their time and memory costs? Why is RTRL suited to online learning yet rarely used? What do approximations such as UORO do?`,
    },
    answer: {
      short: {
        zh: `BPTT 先前向 $T$ 步再反向，内存 $O(Tu)$，时间 $O(Tu^2)$，但必须等序列结束（或截断）。RTRL 前向时维护敏感度 $\\partial h_t/\\partial\\theta$（$u\\times u^2$），每步就能得到精确梯度、内存与 $T$ 无关，但内存 $O(u^3)$、每步时间 $O(u^4)$，对实际规模不可行。UORO 用无偏的秩一估计代替敏感度矩阵，代价降到与 BPTT 单步同阶，但方差大。`,
        en: `BPTT runs $T$ steps forward then backward: $O(Tu)$ memory, $O(Tu^2)$ time, but it must wait for the end of the sequence (or a truncation). RTRL carries the sensitivity $\\partial h_t/\\partial\\theta$ ($u\\times u^2$) forward and has the exact gradient at every step with memory independent of $T$, but needs $O(u^3)$ memory and $O(u^4)$ time per step — infeasible at real sizes. UORO replaces the sensitivity with an unbiased rank-one estimate at roughly the per-step cost of BPTT, at the price of high variance.`,
      },
      full: {
        zh: `**RTRL**（Williams & Zipser, 1989）。对 $h_t=\\phi(Wh_{t-1}+\\dots)$，敏感度矩阵 $S_t=\\partial h_t/\\partial\\theta$ 满足前向递推

$$S_t=D_t\\big(W S_{t-1}+\\partial^+h_t/\\partial\\theta\\big),\\qquad D_t=\\operatorname{diag}(\\phi'),$$

于是每一步都能算出 $\\partial L_t/\\partial\\theta=\\frac{\\partial L_t}{\\partial h_t}S_t$ 并立即更新。$\\theta$ 至少含 $u^2$ 个循环权重，$S_t$ 是 $u\\times u^2$：内存 $O(u^3)$；$WS_{t-1}$ 是 $u\\times u$ 乘 $u\\times u^2$：每步 $O(u^4)$。$u=512$ 时 $S_t$ 就有 $1.3\\times10^8$ 个数，每步 $7\\times10^{10}$ 次乘加。

**BPTT。** 保存前向的状态（$O(Tu)$），再反向一次，每步 $O(u^2)$，总计 $O(Tu^2)$。它便宜得多，但梯度要等到序列末尾（或截断窗口末尾）才有，而且窗口外的依赖得不到梯度。

**为何 RTRL 适合在线学习。** 无限长的数据流、不能回看历史、需要每步更新的场景（如在线控制），RTRL 给出精确的、无截断偏差的梯度，内存与已经过去的步数无关。

**近似方法。** UORO（Tallec & Ollivier, 2017）把 $S_t$ 维护成一个随机的秩一外积 $\\tilde s_t\\tilde\\theta_t^\\top$，使其期望等于真值，成本降到与一次前向同阶，但梯度方差大，学长依赖时效果有限；KF-RTRL、SnAp（Menick et al., 2020）利用稀疏性或更高秩近似进一步改进。实践中绝大多数模型仍用（截断）BPTT。`,
        en: `**RTRL** (Williams & Zipser, 1989). For $h_t=\\phi(Wh_{t-1}+\\dots)$, the sensitivity $S_t=\\partial h_t/\\partial\\theta$ obeys a forward recursion

$$S_t=D_t\\big(W S_{t-1}+\\partial^+h_t/\\partial\\theta\\big),\\qquad D_t=\\operatorname{diag}(\\phi'),$$

so $\\partial L_t/\\partial\\theta=\\frac{\\partial L_t}{\\partial h_t}S_t$ is available at every step for an immediate update. $\\theta$ includes at least $u^2$ recurrent weights, so $S_t$ is $u\\times u^2$: $O(u^3)$ memory; $WS_{t-1}$ is $u\\times u$ times $u\\times u^2$: $O(u^4)$ per step. At $u=512$, $S_t$ alone holds $1.3\\times10^8$ numbers and each step costs $7\\times10^{10}$ multiply-adds.

**BPTT.** Store the forward states ($O(Tu)$) and run backward once, $O(u^2)$ per step, $O(Tu^2)$ in total. Far cheaper, but the gradient arrives only at the end of the sequence (or truncation window) and dependencies beyond the window get none.

**Why RTRL suits online learning.** On an endless stream where history cannot be revisited and updates are needed every step (e.g. online control), RTRL gives exact gradients with no truncation bias and memory independent of how many steps have passed.

**Approximations.** UORO (Tallec & Ollivier, 2017) keeps $S_t$ as a random rank-one outer product $\\tilde s_t\\tilde\\theta_t^\\top$ whose expectation is exact, at about the cost of a forward pass, but its gradient variance is high and it struggles with long dependencies; KF-RTRL and SnAp (Menick et al., 2020) use sparsity or higher-rank structure to do better. In practice almost every model still uses (truncated) BPTT.`,
      },
    },
    references: [
      { title: 'A Learning Algorithm for Continually Running Fully Recurrent Neural Networks', authors: 'Williams & Zipser', year: 1989, url: 'https://doi.org/10.1162/neco.1989.1.2.270' },
      { title: 'Unbiased Online Recurrent Optimization', authors: 'Tallec & Ollivier', year: 2017, arxiv: '1702.05043' },
      { title: 'A Practical Sparse Approximation for Real Time Recurrent Learning', authors: 'Menick et al.', year: 2020, arxiv: '2006.07232' },
    ],
  },
  {
    id: 'rnn-forget-gate-half-life',
    topic: 'rnn',
    subtopic: 'lstm',
    tags: ['lstm', 'forget-gate', 'memory-half-life', 'bias'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: `LSTM 遗忘门恒为 $f$ 时，细胞状态中的一条信息（以及沿细胞通路回传的梯度）每步乘以 $f$。(a) $f=0.95$ 时半衰期是多少步？(b) 要让信息在 100 步后仍保留一半，$f$ 至少是多少、对应的遗忘门预激活是多少？(c) 为什么这说明遗忘门能缓解梯度消失，却不能防止梯度爆炸？`,
      en: `With a constant forget gate $f$, a piece of information in the LSTM cell (and the gradient flowing back along the cell path) is multiplied by $f$ every step. (a) What is the half-life for $f=0.95$? (b) For half of it to survive 100 steps, what $f$ is needed, and what forget-gate pre-activation gives it? (c) Why does this show the forget gate mitigates vanishing gradients but cannot prevent exploding ones?`,
    },
    answer: {
      short: {
        zh: `(a) $\\ln0.5/\\ln0.95\\approx13.5$ 步。(b) $f\\ge0.5^{1/100}\\approx0.99309$，预激活 $\\ln\\frac{f}{1-f}\\approx4.97$（$\\sigma(5)^{100}\\approx0.51$）。(c) 细胞通路的因子 $f\\in(0,1)$，只能"衰减得慢一点"，绝不会放大；爆炸来自经 $h_{t-1}$ 与循环矩阵的其他路径，门控不约束它们，所以仍需裁剪。`,
        en: `(a) $\\ln0.5/\\ln0.95\\approx13.5$ steps. (b) $f\\ge0.5^{1/100}\\approx0.99309$, a pre-activation of $\\ln\\frac{f}{1-f}\\approx4.97$ ($\\sigma(5)^{100}\\approx0.51$). (c) The cell-path factor $f\\in(0,1)$ can only decay more slowly, never amplify; explosions come from the other paths through $h_{t-1}$ and the recurrent matrices, which gating does not bound — clipping is still needed.`,
      },
      full: {
        zh: `**(a)** 沿细胞直接通路 $k$ 步后剩 $f^k$。半衰期 $k_{1/2}=\\ln0.5/\\ln f$：$f=0.95$ 时 $\\approx13.5$ 步；$f=0.9$ 时只有 $\\approx6.6$ 步。

**(b)** $f^{100}\\ge0.5\\Rightarrow f\\ge0.5^{1/100}=e^{-\\ln2/100}\\approx0.99309$。遗忘门 $f=\\sigma(z_f)$，反解 $z_f=\\ln\\frac{f}{1-f}\\approx4.97$。检验：$\\sigma(5)=0.99331$，$0.99331^{100}\\approx0.511$。相比之下初始化时常用的偏置 1 只给出 $\\sigma(1)=0.731$，网络必须在训练中把遗忘门推得更高；这也是 chrono 初始化（Tallec & Ollivier, 2018）按期望时间尺度 $T$ 把偏置设为 $\\ln(\\mathcal U[1,T-1])$ 的动机。

**(c)** 直接通路的雅可比 $\\operatorname{diag}(f_t)$ 的每个元素都在 $(0,1)$ 内：它决定了**衰减速度**，把"每步乘以 $W_h$ 和 $\\tanh'$"换成"每步乘以一个可学习、可以接近 1 的数"，这就是缓解梯度消失的机制。但它永远不大于 1，不可能是爆炸的来源，也不可能抑制爆炸：完整的雅可比还包括经 $h_{t-1}$ 进入四个门的项，含 $U_i,U_f,U_g,U_o$，这些项可以任意大。所以遗忘门 ≠ 防爆；防爆靠梯度裁剪。`,
        en: `**(a)** Along the direct cell path, $f^k$ survives $k$ steps. The half-life is $k_{1/2}=\\ln0.5/\\ln f$: about 13.5 steps for $f=0.95$, only about 6.6 for $f=0.9$.

**(b)** $f^{100}\\ge0.5\\Rightarrow f\\ge0.5^{1/100}=e^{-\\ln2/100}\\approx0.99309$. With $f=\\sigma(z_f)$, $z_f=\\ln\\frac{f}{1-f}\\approx4.97$. Check: $\\sigma(5)=0.99331$ and $0.99331^{100}\\approx0.511$. The usual initial bias of 1 gives only $\\sigma(1)=0.731$, so training must push the gate much higher; that is the motivation of the chrono initialisation (Tallec & Ollivier, 2018), which sets the bias to $\\ln(\\mathcal U[1,T-1])$ for an expected time scale $T$.

**(c)** Every entry of the direct-path Jacobian $\\operatorname{diag}(f_t)$ lies in $(0,1)$: it sets the **decay rate**, replacing "multiply by $W_h$ and $\\tanh'$ every step" with "multiply by a learned number that can be close to 1" — the mechanism that mitigates vanishing gradients. But it never exceeds 1, so it can neither cause nor suppress an explosion: the full Jacobian also has the terms through $h_{t-1}$ into the four gates, containing $U_i,U_f,U_g,U_o$, which can be arbitrarily large. Forget gate ≠ explosion guard; clipping is.`,
      },
    },
    references: [gers2000, jozefowicz2015, { title: 'Can Recurrent Neural Networks Warp Time?', authors: 'Tallec & Ollivier', year: 2018, arxiv: '1804.11188' }],
    misconceptions: [
      {
        claim: {
          zh: `遗忘门可以学会把梯度"调小"，所以 LSTM 不会梯度爆炸。`,
          en: `The forget gate can learn to scale gradients down, so LSTMs cannot have exploding gradients.`,
        },
        correction: {
          zh: `遗忘门只作用在细胞直接通路上（因子 $\\le1$）；经门和循环矩阵的路径不受它约束，仍可能爆炸，需要裁剪。`,
          en: `The forget gate acts only on the direct cell path (factor $\\le1$); paths through the gates and recurrent matrices are not bounded by it and can still explode, so clipping is needed.`,
        },
        erratum: 7,
      },
    ],
    verification: [vLstmCell],
  },
  // ===================================================================================
  // Cells in detail: variants, parameter counts, Keras/PyTorch/tfjs conventions.
  // ===================================================================================
  {
    id: 'rnn-lstm-variants-peephole-cifg',
    topic: 'rnn',
    subtopic: 'lstm',
    tags: ['lstm', 'peephole', 'coupled-gates', 'architecture-search'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: `LSTM 有哪些常见变体（窥视孔连接、耦合输入-遗忘门、无输出激活等）？Greff et al.（2017）的大规模对比得出了什么结论？`,
      en: `What are the common LSTM variants (peephole connections, coupled input-forget gate, no output activation, ...)? What did the large-scale comparison of Greff et al. (2017) conclude?`,
    },
    answer: {
      short: {
        zh: `窥视孔让门也看到细胞状态 $c$；CIFG 令 $i=1-f$，少一组权重；还有去掉输出激活、去掉某个门、全门循环等。Greff et al. 在语音、手写、音乐三类任务上比较 8 种变体：没有一种显著优于标准 LSTM；去掉遗忘门或输出激活伤害最大；CIFG 和去掉窥视孔几乎不掉点；学习率是最重要的超参数。`,
        en: `Peepholes let gates see the cell state $c$; CIFG sets $i=1-f$ and drops one weight block; other variants remove the output activation or a gate, or add full gate recurrence. Greff et al. compared 8 variants on speech, handwriting and music: none beat the standard LSTM significantly; removing the forget gate or the output activation hurt most; CIFG and dropping peepholes cost almost nothing; the learning rate was the most important hyperparameter.`,
      },
      full: {
        zh: `**变体：**
- **窥视孔（peephole，Gers & Schmidhuber, 2000）：** 门的输入加上细胞状态，如 $f_t=\\sigma(W_fx_t+U_fh_{t-1}+p_f\\odot c_{t-1}+b_f)$（$p$ 为对角权重），输出门看 $c_t$。动机是让门能精确计时、计数。
- **CIFG（耦合输入-遗忘门）：** $i_t=1-f_t$，"忘多少就写多少"，参数减少约 1/4。GRU 的更新门正是这种耦合。
- **NOAF / NIG / NFG / NOG：** 去掉输出激活 $\\tanh(c)$ 或去掉输入、遗忘、输出门之一。
- **FGR（全门循环）：** 门之间互相有循环连接，参数大增。

**Greff et al.（"LSTM: A Search Space Odyssey"）的结论：**
1. 没有变体在三类任务上显著优于标准（vanilla）LSTM；
2. 去掉**遗忘门**或**输出激活**损害最大——前者证实遗忘门的必要性，后者是因为没有 $\\tanh$ 时 $c$ 无界，输出可能爆掉；
3. CIFG、去掉窥视孔对性能几乎没有影响，可以放心省掉以降成本（主流框架的 LSTM 都没有窥视孔）；
4. 超参数上，学习率最关键，其次是隐藏层大小；各超参数之间基本独立，可以分开调。

**实践：** 默认用标准 LSTM（有遗忘门、无窥视孔、遗忘门偏置 1）；资源紧张时考虑 GRU 或 CIFG。`,
        en: `**Variants:**
- **Peepholes (Gers & Schmidhuber, 2000):** gates also see the cell state, e.g. $f_t=\\sigma(W_fx_t+U_fh_{t-1}+p_f\\odot c_{t-1}+b_f)$ ($p$ diagonal), with the output gate looking at $c_t$. Meant to let gates time and count precisely.
- **CIFG (coupled input-forget gate):** $i_t=1-f_t$, "write as much as you forget", about 1/4 fewer parameters. The GRU's update gate is exactly this coupling.
- **NOAF / NIG / NFG / NOG:** no output activation $\\tanh(c)$, or no input, forget or output gate.
- **FGR (full gate recurrence):** recurrent connections between all gates, many more parameters.

**Conclusions of Greff et al. ("LSTM: A Search Space Odyssey"):**
1. No variant significantly beats the standard (vanilla) LSTM across the three tasks;
2. removing the **forget gate** or the **output activation** hurts most — the first confirms the forget gate is essential; without $\\tanh$, $c$ is unbounded and outputs can blow up;
3. CIFG and removing peepholes barely change performance, so they are safe savings (mainstream framework LSTMs have no peepholes);
4. among hyperparameters the learning rate matters most, then hidden size, and they interact little, so they can be tuned separately.

**In practice:** use the standard LSTM (forget gate, no peepholes, forget bias 1); consider a GRU or CIFG when resources are tight.`,
      },
    },
    references: [greff2017, { title: 'Recurrent Nets that Time and Count', authors: 'Gers & Schmidhuber', year: 2000, url: 'https://doi.org/10.1109/IJCNN.2000.861302' }, gers2000],
  },
  {
    id: 'rnn-lstm-param-count-embedding',
    topic: 'rnn',
    subtopic: 'parameter-count',
    tags: ['parameter-count', 'lstm', 'embedding', 'keras'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: `一个情感分类模型：\`Embedding(10000, 100)\` → \`LSTM(32)\` → \`Dense(1, sigmoid)\`。逐层算出参数量（Keras 约定），并说明 LSTM 各权重张量的形状。参数量和序列长度有关吗？`,
      en: `A sentiment model: \`Embedding(10000, 100)\` → \`LSTM(32)\` → \`Dense(1, sigmoid)\`. Count the parameters of each layer (Keras convention) and give the shapes of the LSTM's weight tensors. Does the count depend on the sequence length?`,
    },
    answer: {
      short: {
        zh: `Embedding $10000\\times100=1{,}000{,}000$；LSTM $4(u(d+u)+u)=4(32\\cdot132+32)=17{,}024$（kernel $[100,128]$，recurrent kernel $[32,128]$，bias $[128]$）；Dense $32+1=33$；共 $1{,}017{,}057$。与序列长度无关，权重在时间步间共享。`,
        en: `Embedding $10000\\times100=1{,}000{,}000$; LSTM $4(u(d+u)+u)=4(32\\cdot132+32)=17{,}024$ (kernel $[100,128]$, recurrent kernel $[32,128]$, bias $[128]$); Dense $32+1=33$; total $1{,}017{,}057$. It does not depend on sequence length: the weights are shared across steps.`,
      },
      full: {
        zh: `**Embedding：** 每个词一行 100 维向量，$10000\\times100=1{,}000{,}000$。

**LSTM(32)，输入 $d=100$：** 4 个块（$i,f,c,o$），每块有 $d\\times u$ 输入权重、$u\\times u$ 循环权重和 $u$ 个偏置：

$$4\\,(u(d+u)+u)=4\\,(32\\times132+32)=4\\times4256=17{,}024 .$$

Keras 存成三个张量：kernel $[d,4u]=[100,128]$（12,800）、recurrent_kernel $[u,4u]=[32,128]$（4,096）、bias $[4u]=[128]$（128），合计 17,024。

**Dense(1)：** $32$ 个权重 + 1 个偏置 $=33$。

**总计：** $1{,}000{,}000+17{,}024+33=1{,}017{,}057$。可见这类模型的参数几乎都在嵌入层里，LSTM 本身很小。

**与序列长度无关。** 同一组权重在每个时间步复用，序列长 50 还是 500，参数量不变；变的只是计算量和激活内存。

**对照：** PyTorch 的 \`nn.LSTM(100, 32)\` 有 \`bias_ih\` 和 \`bias_hh\` 两份偏置，为 $17{,}024+128=17{,}152$；同尺寸 GRU（\`reset_after=True\`）为 $3\\cdot32\\cdot132+6\\cdot32=12{,}864$，SimpleRNN 为 $4{,}256$。`,
        en: `**Embedding:** one 100-dim row per word, $10000\\times100=1{,}000{,}000$.

**LSTM(32) on $d=100$:** 4 blocks ($i,f,c,o$), each with $d\\times u$ input weights, $u\\times u$ recurrent weights and $u$ biases:

$$4\\,(u(d+u)+u)=4\\,(32\\times132+32)=4\\times4256=17{,}024 .$$

Keras stores three tensors: kernel $[d,4u]=[100,128]$ (12,800), recurrent_kernel $[u,4u]=[32,128]$ (4,096), bias $[4u]=[128]$ (128), 17,024 in all.

**Dense(1):** $32$ weights + 1 bias $=33$.

**Total:** $1{,}000{,}000+17{,}024+33=1{,}017{,}057$. Almost all parameters of such a model are in the embedding; the LSTM itself is small.

**Independent of sequence length.** The same weights are reused at every step; 50 or 500 steps, the count is the same — only compute and activation memory change.

**For comparison:** PyTorch's \`nn.LSTM(100, 32)\` keeps two biases, \`bias_ih\` and \`bias_hh\`: $17{,}024+128=17{,}152$; a same-size GRU (\`reset_after=True\`) has $3\\cdot32\\cdot132+6\\cdot32=12{,}864$ and a SimpleRNN $4{,}256$.`,
      },
    },
    references: [kerasLstm, { title: 'PyTorch documentation: torch.nn.LSTM', url: 'https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html' }],
    verification: [vParameterCount, vLstmLayer],
  },
  {
    id: 'rnn-gru-param-count-reset-after',
    topic: 'rnn',
    subtopic: 'parameter-count',
    tags: ['parameter-count', 'gru', 'reset-after', 'pytorch'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `\`GRU(64)\`，输入维度 32。分别计算 Keras \`reset_after=True\`、\`reset_after=False\` 与 PyTorch \`nn.GRU(32, 64)\` 的参数量，写出各自偏置的形状。为什么 \`reset_after=True\` 需要两份偏置？`,
      en: `\`GRU(64)\` on inputs of size 32. Count the parameters of Keras \`reset_after=True\`, \`reset_after=False\` and PyTorch \`nn.GRU(32, 64)\`, with the shape of each one's bias. Why does \`reset_after=True\` need two biases?`,
    },
    answer: {
      short: {
        zh: `权重部分都是 $3u(d+u)=3\\cdot64\\cdot96=18{,}432$。\`reset_after=True\`：偏置 $[2,3u]=[2,192]$，共 $18{,}432+384=18{,}816$；\`reset_after=False\`：偏置 $[3u]$，共 $18{,}624$；PyTorch 有 \`bias_ih\`、\`bias_hh\` 各 $3u$，共 $18{,}816$，与 \`reset_after=True\` 相同。因为重置门乘在 $h_{t-1}U_h+b_h^{(r)}$ 外面，循环侧的偏置 $b_h^{(r)}$ 被 $r$ 缩放，不能再与输入侧偏置合并。`,
        en: `The weights are $3u(d+u)=3\\cdot64\\cdot96=18{,}432$ in every case. \`reset_after=True\`: bias $[2,3u]=[2,192]$, $18{,}432+384=18{,}816$; \`reset_after=False\`: bias $[3u]$, $18{,}624$; PyTorch has \`bias_ih\` and \`bias_hh\` of $3u$ each, $18{,}816$, the same as \`reset_after=True\`. Since the reset gate multiplies $h_{t-1}U_h+b_h^{(r)}$, the recurrent bias $b_h^{(r)}$ is scaled by $r$ and can no longer be merged with the input bias.`,
      },
      full: {
        zh: `**共同部分：** kernel $[d,3u]=[32,192]$（6,144），recurrent kernel $[u,3u]=[64,192]$（12,288），合计 $3u(d+u)=18{,}432$。

**\`reset_after=True\`（TF2 与 Keras 3 的默认）：** bias 形状 $[2,3u]$，第 0 行加在输入投影上，第 1 行加在循环投影上：

$$3u(d+u)+2\\cdot3u=18{,}432+384=18{,}816 .$$

**\`reset_after=False\`：** bias $[3u]$：$3(u(d+u)+u)=18{,}624$。

**PyTorch \`nn.GRU(32, 64)\`：** \`weight_ih_l0\` $[3u,d]$、\`weight_hh_l0\` $[3u,u]$、\`bias_ih_l0\` 与 \`bias_hh_l0\` 各 $[3u]$，共 $18{,}816$——它计算的就是 reset-after 形式：$n=\\tanh(W_{in}x+b_{in}+r\\odot(W_{hn}h+b_{hn}))$。

**为什么两份偏置。** 对 $z,r$ 两个门，两份偏置只是相加，冗余但无害；对候选状态，

$$\\tilde h=\\tanh\\big(x W_h+b_h^{(x)}+r\\odot(h U_h+b_h^{(r)})\\big),$$

$b_h^{(r)}$ 在 $r$ 里面、$b_h^{(x)}$ 在外面，二者作用不同，不能合并。\`reset_after=False\` 时 $r$ 乘的是 $h$ 本身，偏置都在外面，一份就够。

**用途：** 加载别人的权重时，先看 bias 的形状——$[2,3u]$ 还是 $[3u]$——就能判断对方用的是哪种 GRU。`,
        en: `**Common part:** kernel $[d,3u]=[32,192]$ (6,144) and recurrent kernel $[u,3u]=[64,192]$ (12,288): $3u(d+u)=18{,}432$.

**\`reset_after=True\` (the TF2 and Keras 3 default):** bias of shape $[2,3u]$, row 0 added to the input projection and row 1 to the recurrent projection:

$$3u(d+u)+2\\cdot3u=18{,}432+384=18{,}816 .$$

**\`reset_after=False\`:** bias $[3u]$: $3(u(d+u)+u)=18{,}624$.

**PyTorch \`nn.GRU(32, 64)\`:** \`weight_ih_l0\` $[3u,d]$, \`weight_hh_l0\` $[3u,u]$, \`bias_ih_l0\` and \`bias_hh_l0\` of $[3u]$ each: $18{,}816$ — it computes the reset-after form $n=\\tanh(W_{in}x+b_{in}+r\\odot(W_{hn}h+b_{hn}))$.

**Why two biases.** For the $z$ and $r$ gates the two biases just add up — redundant but harmless. For the candidate,

$$\\tilde h=\\tanh\\big(x W_h+b_h^{(x)}+r\\odot(h U_h+b_h^{(r)})\\big),$$

$b_h^{(r)}$ sits inside the reset, $b_h^{(x)}$ outside; they act differently and cannot be merged. With \`reset_after=False\`, $r$ multiplies $h$ itself, every bias is outside, and one suffices.

**Use:** when loading someone else's weights, the bias shape — $[2,3u]$ or $[3u]$ — tells you which GRU they used.`,
      },
    },
    references: [kerasGru, cho2014, { title: 'PyTorch documentation: torch.nn.GRU', url: 'https://pytorch.org/docs/stable/generated/torch.nn.GRU.html' }],
    verification: [vParameterCount, vGruLayer],
  },
  {
    id: 'rnn-stacked-bidirectional-param-count',
    topic: 'rnn',
    subtopic: 'parameter-count',
    tags: ['parameter-count', 'bidirectional', 'stacked-rnn', 'lstm'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `两层堆叠的 \`Bidirectional(LSTM(64))\`（第一层 \`return_sequences=True\`，\`merge_mode='concat'\`），输入维度 100。计算每层的参数量与总数。若 \`merge_mode='sum'\`，第二层参数量会变吗？`,
      en: `Two stacked \`Bidirectional(LSTM(64))\` layers (the first with \`return_sequences=True\`, \`merge_mode='concat'\`) on inputs of size 100. Count each layer's parameters and the total. Does the second layer's count change with \`merge_mode='sum'\`?`,
    },
    answer: {
      short: {
        zh: `第一层：$2\\times4(64\\cdot164+64)=84{,}480$。第二层的输入是拼接后的 $2u=128$ 维：$2\\times4(64\\cdot192+64)=98{,}816$。共 $183{,}296$。\`merge_mode='sum'\` 时第一层输出 64 维，第二层变为 $2\\times4(64\\cdot128+64)=66{,}048$。`,
        en: `Layer 1: $2\\times4(64\\cdot164+64)=84{,}480$. Layer 2 reads the concatenated $2u=128$ features: $2\\times4(64\\cdot192+64)=98{,}816$. Total $183{,}296$. With \`merge_mode='sum'\` layer 1 outputs 64 features and layer 2 becomes $2\\times4(64\\cdot128+64)=66{,}048$.`,
      },
      full: {
        zh: `**规则。** \`Bidirectional\` 持有两个独立的层（前向、后向），参数翻倍；下一层的输入维度取决于合并方式：\`concat\` 为 $2u$，\`sum\`/\`mul\`/\`ave\` 为 $u$。

**第一层**（$d=100,u=64$）：单向 $4(64\\times(100+64)+64)=4\\times10{,}560=42{,}240$，双向 $84{,}480$。

**第二层**（\`concat\` 后 $d=128$）：单向 $4(64\\times192+64)=4\\times12{,}352=49{,}408$，双向 $98{,}816$。

**总计：** $84{,}480+98{,}816=183{,}296$。

**\`merge_mode='sum'\`：** 第一层参数不变（合并本身无参数），第二层 $d=64$：$2\\times4(64\\times128+64)=2\\times33{,}024=66{,}048$，总数 $150{,}528$。

**注意：** 第一层必须 \`return_sequences=True\`，否则输出是二维 $[B,2u]$，第二层 RNN 会因为需要三维输入而报错。`,
        en: `**Rules.** \`Bidirectional\` holds two independent layers (forward, backward), doubling the parameters; the next layer's input size depends on the merge: $2u$ for \`concat\`, $u$ for \`sum\`/\`mul\`/\`ave\`.

**Layer 1** ($d=100,u=64$): one direction $4(64\\times(100+64)+64)=4\\times10{,}560=42{,}240$; both $84{,}480$.

**Layer 2** ($d=128$ after \`concat\`): one direction $4(64\\times192+64)=4\\times12{,}352=49{,}408$; both $98{,}816$.

**Total:** $84{,}480+98{,}816=183{,}296$.

**\`merge_mode='sum'\`:** layer 1 is unchanged (merging has no parameters), layer 2 sees $d=64$: $2\\times4(64\\times128+64)=2\\times33{,}024=66{,}048$, total $150{,}528$.

**Note:** layer 1 needs \`return_sequences=True\`; otherwise its output is 2-D $[B,2u]$ and the second RNN fails because it expects 3-D input.`,
      },
    },
    references: [kerasLstm, { title: 'Keras API reference: Bidirectional layer', url: 'https://keras.io/api/layers/recurrent_layers/bidirectional/' }],
    verification: [vParameterCount, vBidirectional],
  },
  {
    id: 'rnn-macs-per-step',
    topic: 'rnn',
    subtopic: 'parameter-count',
    tags: ['compute-cost', 'flops', 'lstm', 'gru'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `LSTM(32)、GRU(32)、SimpleRNN(32)，输入维度 100。每个样本每个时间步需要多少次乘加（MAC）？长度 100 的序列前向一共多少？为什么"乘加次数约等于权重个数"？`,
      en: `LSTM(32), GRU(32) and SimpleRNN(32) on inputs of size 100. How many multiply-accumulates (MACs) per example per time step? How many for a forward pass over 100 steps? Why is "MACs ≈ number of weights" a good rule?`,
    },
    answer: {
      short: {
        zh: `矩阵乘法的 MAC 数等于权重个数（不含偏置）：LSTM $4\\cdot32\\cdot132=16{,}896$，GRU $3\\cdot32\\cdot132=12{,}672$，SimpleRNN $32\\cdot132=4{,}224$，比例 4:3:1；100 步分别约 $1.69\\times10^6$、$1.27\\times10^6$、$4.2\\times10^5$ MAC。每个权重在每步恰好被用一次乘加；逐元素的门运算只有 $O(u)$，可以忽略。`,
        en: `A matmul's MACs equal its weight count (biases excluded): LSTM $4\\cdot32\\cdot132=16{,}896$, GRU $3\\cdot32\\cdot132=12{,}672$, SimpleRNN $32\\cdot132=4{,}224$, a 4:3:1 ratio; over 100 steps about $1.69\\times10^6$, $1.27\\times10^6$ and $4.2\\times10^5$ MACs. Every weight is used in exactly one multiply-add per step; the element-wise gate math is only $O(u)$ and negligible.`,
      },
      full: {
        zh: `**原理。** 一步的主要计算是 $[x_t,h_{t-1}]$（长 $d+u$）乘以 $(d+u)\\times ku$ 的矩阵（$k$ 为块数），每个权重恰好参与一次乘加，所以 MAC 数 $=k\\,u(d+u)$。偏置加法、sigmoid/tanh、逐元素乘都是 $O(u)$，相比 $O(u(d+u))$ 可以忽略。

**数值**（$d=100,u=32$，$u(d+u)=4224$）：

| 层 | 块数 $k$ | MAC/步 | 100 步 |
|---|---|---|---|
| LSTM | 4 | 16,896 | 1,689,600 |
| GRU | 3 | 12,672 | 1,267,200 |
| SimpleRNN | 1 | 4,224 | 422,400 |

FLOPs 通常按 $2\\times$MAC 计。批大小 $B$ 时再乘 $B$；训练时反向约为前向的 2 倍。

**实际速度不等于 MAC。** 在 $u=32$ 这样的小尺寸上，每步的矩阵很小，运行时间主要花在框架调用内核的开销上，而不是算术——这就是为什么把所有时间步的输入投影合成一次大乘法、把一步的门运算融合成少数几个内核，比减少 MAC 更能提速。`,
        en: `**Principle.** A step is dominated by multiplying $[x_t,h_{t-1}]$ (length $d+u$) by a $(d+u)\\times ku$ matrix ($k$ blocks); every weight takes part in exactly one multiply-add, so MACs $=k\\,u(d+u)$. Bias adds, sigmoids/tanh and element-wise products are $O(u)$, negligible next to $O(u(d+u))$.

**Numbers** ($d=100,u=32$, $u(d+u)=4224$):

| Layer | blocks $k$ | MACs/step | 100 steps |
|---|---|---|---|
| LSTM | 4 | 16,896 | 1,689,600 |
| GRU | 3 | 12,672 | 1,267,200 |
| SimpleRNN | 1 | 4,224 | 422,400 |

FLOPs are usually counted as $2\\times$MACs. Multiply by the batch size $B$; in training the backward pass costs about 2× the forward.

**Speed is not MACs.** At sizes like $u=32$ each step's matrices are tiny and run time goes to the framework's per-kernel-call overhead rather than arithmetic — which is why hoisting the input projection of all steps into one matmul and fusing a step's gate math into a few kernels speeds things up more than cutting MACs does.`,
      },
    },
    references: [kerasLstm, kerasGru, kerasSimpleRnn],
    verification: [vParameterCount],
  },
  {
    id: 'rnn-gru-reset-after-variants',
    topic: 'rnn',
    subtopic: 'gru',
    tags: ['gru', 'reset-after', 'cudnn', 'pytorch'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: `GRU 有两种候选状态：$\\tilde h=\\tanh(xW_h+(r\\odot h)U_h+b_h)$ 与 $\\tilde h=\\tanh(xW_h+b_h^{(x)}+r\\odot(hU_h+b_h^{(r)}))$。它们分别对应 Cho et al. 论文的哪个版本、Keras 的哪个 \`reset_after\` 取值、cuDNN 和 PyTorch 用哪个？证明两者一般不等价，并给出一个数值反例。什么情况下相等？`,
      en: `A GRU candidate can be $\\tilde h=\\tanh(xW_h+(r\\odot h)U_h+b_h)$ or $\\tilde h=\\tanh(xW_h+b_h^{(x)}+r\\odot(hU_h+b_h^{(r)}))$. Which version of Cho et al.'s paper, which Keras \`reset_after\` value, and which of cuDNN and PyTorch goes with each? Show that they differ in general, with a numeric counterexample. When do they coincide?`,
    },
    answer: {
      short: {
        zh: `前者"先重置再乘矩阵"：arXiv 1406.1078 的 v3、Keras \`reset_after=False\`（TF1 时代默认、tfjs-layers 唯一支持的形式）。后者"先乘矩阵再重置"：论文 v1、Keras \`reset_after=True\`（TF2 与 Keras 3 默认）、cuDNN 和 PyTorch \`nn.GRU\`。反例：$h=(1,1)$，$r=(1,0)$，$U_h=\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}$：$(r\\odot h)U_h=(1,2)$，$r\\odot(hU_h)=(4,0)$。只有 $U_h$ 为对角阵（且循环偏置为 0）或 $r$ 各分量相等时才相同。`,
        en: `The first "resets, then multiplies": version 3 of arXiv 1406.1078, Keras \`reset_after=False\` (the TF1-era default and the only form tfjs-layers supports). The second "multiplies, then resets": the paper's v1, Keras \`reset_after=True\` (the TF2 and Keras 3 default), cuDNN and PyTorch \`nn.GRU\`. Counterexample: $h=(1,1)$, $r=(1,0)$, $U_h=\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}$: $(r\\odot h)U_h=(1,2)$ but $r\\odot(hU_h)=(4,0)$. They coincide only when $U_h$ is diagonal (and the recurrent bias is 0) or all entries of $r$ are equal.`,
      },
      full: {
        zh: `**对应关系。** Keras 文档写道：一种实现基于 arXiv 1406.1078 的 v3，重置门在矩阵乘法**之前**作用于隐藏状态；另一种基于最初的 v1，顺序相反，与 CuDNNGRU 兼容，因此输入和循环两侧有各自的偏置。前者即 \`reset_after=False\`，后者即 \`reset_after=True\`。TF 2.0 起 \`reset_after=True\` 成为默认（使用 cuDNN 内核的条件之一），Keras 3 延续。PyTorch \`nn.GRU\` 的 $n=\\tanh(W_{in}x+b_{in}+r\\odot(W_{hn}h+b_{hn}))$ 也是 reset-after。tfjs-layers 的 \`GRUCell\` 只实现 reset-before，传 \`resetAfter: true\` 会抛错。

**为何不等价。** 行向量约定下 $(r\\odot h)U_h=h\\operatorname{diag}(r)U_h$，而 $r\\odot(hU_h)=hU_h\\operatorname{diag}(r)$。二者相等对所有 $h$ 成立当且仅当 $\\operatorname{diag}(r)U_h=U_h\\operatorname{diag}(r)$，即 $U_h$ 与 $\\operatorname{diag}(r)$ 可交换：$(r_i-r_j)(U_h)_{ij}=0$。因此只有当 $U_h$ 为对角阵，或 $r$ 的所有分量相等时才成立；reset-after 还多了被 $r$ 缩放的 $b_h^{(r)}$。

**反例。** $h=(1,1)$，$r=(1,0)$，$U_h=\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}$：
- reset-before：$r\\odot h=(1,0)$，$(1,0)U_h=(1,2)$；
- reset-after：$hU_h=(4,6)$，$r\\odot(4,6)=(4,0)$。

**后果。** 两种 GRU 的权重不能互相直接加载：形状上 bias 分别是 $[3u]$ 与 $[2,3u]$，即使形状凑上，数值也不对。reset-after 的好处是三块循环乘法 $h[U_z|U_r|U_h]$ 可以一次完成，这正是 cuDNN 选择它的原因。`,
        en: `**Mapping.** The Keras docs say one implementation is based on v3 of arXiv 1406.1078 and applies the reset gate to the hidden state **before** the matrix multiplication; the other is based on the original v1, has the order reversed, is compatible with CuDNNGRU, and therefore has separate biases for the input and recurrent sides. The former is \`reset_after=False\`, the latter \`reset_after=True\`. Since TF 2.0 \`reset_after=True\` is the default (one of the conditions for the cuDNN kernel), and Keras 3 keeps it. PyTorch's \`nn.GRU\`, $n=\\tanh(W_{in}x+b_{in}+r\\odot(W_{hn}h+b_{hn}))$, is reset-after too. tfjs-layers' \`GRUCell\` implements only reset-before and throws when given \`resetAfter: true\`.

**Why they differ.** With row vectors, $(r\\odot h)U_h=h\\operatorname{diag}(r)U_h$ while $r\\odot(hU_h)=hU_h\\operatorname{diag}(r)$. They agree for every $h$ iff $\\operatorname{diag}(r)U_h=U_h\\operatorname{diag}(r)$, i.e. $(r_i-r_j)(U_h)_{ij}=0$: only when $U_h$ is diagonal or all entries of $r$ are equal; reset-after also has the extra $r$-scaled bias $b_h^{(r)}$.

**Counterexample.** $h=(1,1)$, $r=(1,0)$, $U_h=\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}$:
- reset-before: $r\\odot h=(1,0)$, $(1,0)U_h=(1,2)$;
- reset-after: $hU_h=(4,6)$, $r\\odot(4,6)=(4,0)$.

**Consequence.** Weights of one GRU cannot be loaded into the other: the bias shapes are $[3u]$ and $[2,3u]$, and even when the shapes are forced to fit the numbers are wrong. The advantage of reset-after is that the three recurrent products $h[U_z|U_r|U_h]$ run as one matmul — why cuDNN chose it.`,
      },
    },
    references: [
      cho2014,
      { title: 'Learning Phrase Representations using RNN Encoder-Decoder for Statistical Machine Translation (v1)', authors: 'Cho et al.', year: 2014, url: 'https://arxiv.org/abs/1406.1078v1' },
      kerasGru,
      { title: 'PyTorch documentation: torch.nn.GRU', url: 'https://pytorch.org/docs/stable/generated/torch.nn.GRU.html' },
    ],
    verification: [vGruCell, vGruLayer],
  },
  {
    id: 'rnn-map-pytorch-weights-to-keras',
    topic: 'rnn',
    subtopic: 'implementation',
    tags: ['weight-conversion', 'pytorch', 'keras', 'gate-order'],
    kind: 'coding',
    difficulty: 4,
    prompt: {
      zh: `把 PyTorch 训练好的单层 \`nn.LSTM\` 和 \`nn.GRU\` 的权重加载到 Keras 布局的层（kernel $[d,ku]$、recurrent kernel $[u,ku]$、bias）里。写出转换步骤：转置、门顺序、偏置如何处理；GRU 应该用哪种 \`reset_after\`？怎样测试转换正确？`,
      en: `Load the weights of a trained single-layer PyTorch \`nn.LSTM\` and \`nn.GRU\` into Keras-layout layers (kernel $[d,ku]$, recurrent kernel $[u,ku]$, bias). Give the conversion: transposes, gate order, biases. Which \`reset_after\` must the GRU use? How do you test the conversion?`,
    },
    answer: {
      short: {
        zh: `LSTM：PyTorch 门顺序 $i,f,g,o$ 与 Keras $i,f,c,o$ 相同，kernel $=W_{ih}^\\top$，recurrent $=W_{hh}^\\top$，bias $=b_{ih}+b_{hh}$。GRU：PyTorch 顺序 $r,z,n$，Keras 为 $z,r,h$，要交换前两块再转置；必须用 \`reset_after=True\`，bias $[2,3u]$ 的两行分别是重排后的 $b_{ih}$ 和 $b_{hh}$。测试：同一输入下与 PyTorch 输出逐元素对比（float32 约 $10^{-6}$），并确认门激活用 sigmoid 而不是 hard sigmoid。`,
        en: `LSTM: PyTorch's gate order $i,f,g,o$ matches Keras' $i,f,c,o$; kernel $=W_{ih}^\\top$, recurrent $=W_{hh}^\\top$, bias $=b_{ih}+b_{hh}$. GRU: PyTorch's order is $r,z,n$, Keras' $z,r,h$ — swap the first two blocks, then transpose; it must be \`reset_after=True\`, with the two rows of the $[2,3u]$ bias being the reordered $b_{ih}$ and $b_{hh}$. Test: compare with PyTorch's outputs on the same input element by element (about $10^{-6}$ in float32), with sigmoid — not hard sigmoid — gates.`,
      },
      full: {
        zh: `**LSTM。** PyTorch：\`weight_ih_l0\` $[4u,d]$、\`weight_hh_l0\` $[4u,u]$、\`bias_ih_l0\`、\`bias_hh_l0\` 各 $[4u]$，行块顺序 $i,f,g,o$。Keras：kernel $[d,4u]$、recurrent_kernel $[u,4u]$、bias $[4u]$，列块顺序 $i,f,c,o$（$c$ 即 $g$）。

\`\`\`ts
const kernel = tf.transpose(weightIh);            // [d, 4u]
const recurrentKernel = tf.transpose(weightHh);   // [u, 4u]
const bias = tf.add(biasIh, biasHh);              // 两份偏置总是相加出现
\`\`\`

**GRU。** PyTorch 行块顺序 $r,z,n$；Keras 列块顺序 $z,r,h$。先按块重排再转置：

\`\`\`ts
const reorder = (w: tf.Tensor) => {               // w: [3u, *]
  const [r, z, n] = tf.split(w, 3, 0);
  return tf.concat([z, r, n], 0);
};
const kernel = tf.transpose(reorder(weightIh));            // [d, 3u]
const recurrentKernel = tf.transpose(reorder(weightHh));   // [u, 3u]
const bias = tf.stack([reorder(biasIh), reorder(biasHh)]); // [2, 3u]
\`\`\`

PyTorch 计算的是 reset-after 形式，所以 Keras 侧必须 \`reset_after=True\`；候选状态的两份偏置不能相加（$b_{hn}$ 在重置门里面）。插值方向两边一致：$h_t=(1-z)\\odot n+z\\odot h_{t-1}$。

**常见错误：** 忘记转置（方阵时形状不报错！）；GRU 没有交换 $r,z$；LSTM 只取一份偏置；用了 tfjs-layers 默认的 \`hardSigmoid\` 门激活；GRU 用了 reset-before 实现。这些错误都不会报错，只会让数值不对。

**测试。** 用固定随机种子在 PyTorch 中生成权重和一个 $[2,5,3]$ 的输入，导出输出；在 TypeScript 中加载转换后的权重，断言最大误差在 $10^{-5}$ 以内。再额外测一条带初始状态的序列，以及 \`return_sequences\` 的每一步输出。`,
        en: `**LSTM.** PyTorch: \`weight_ih_l0\` $[4u,d]$, \`weight_hh_l0\` $[4u,u]$, \`bias_ih_l0\` and \`bias_hh_l0\` $[4u]$ each, row blocks in order $i,f,g,o$. Keras: kernel $[d,4u]$, recurrent_kernel $[u,4u]$, bias $[4u]$, column blocks $i,f,c,o$ ($c$ is $g$).

\`\`\`ts
const kernel = tf.transpose(weightIh);            // [d, 4u]
const recurrentKernel = tf.transpose(weightHh);   // [u, 4u]
const bias = tf.add(biasIh, biasHh);              // the two biases only ever appear summed
\`\`\`

**GRU.** PyTorch row blocks $r,z,n$; Keras column blocks $z,r,h$. Reorder the blocks, then transpose:

\`\`\`ts
const reorder = (w: tf.Tensor) => {               // w: [3u, *]
  const [r, z, n] = tf.split(w, 3, 0);
  return tf.concat([z, r, n], 0);
};
const kernel = tf.transpose(reorder(weightIh));            // [d, 3u]
const recurrentKernel = tf.transpose(reorder(weightHh));   // [u, 3u]
const bias = tf.stack([reorder(biasIh), reorder(biasHh)]); // [2, 3u]
\`\`\`

PyTorch computes the reset-after form, so the Keras side must use \`reset_after=True\`; the candidate's two biases must not be summed ($b_{hn}$ sits inside the reset). Both sides interpolate the same way: $h_t=(1-z)\\odot n+z\\odot h_{t-1}$.

**Common mistakes:** a missing transpose (no shape error when $d=u$!); $r,z$ not swapped for the GRU; only one of the LSTM's biases taken; tfjs-layers' default \`hardSigmoid\` gate activation; a reset-before GRU. None of these throws — the numbers are just wrong.

**Test.** With a fixed seed, generate weights and a $[2,5,3]$ input in PyTorch and export the outputs; load the converted weights in TypeScript and assert a max error below $10^{-5}$. Also test a sequence with an initial state, and every step of \`return_sequences\`.`,
      },
    },
    references: [
      { title: 'PyTorch documentation: torch.nn.LSTM', url: 'https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html' },
      { title: 'PyTorch documentation: torch.nn.GRU', url: 'https://pytorch.org/docs/stable/generated/torch.nn.GRU.html' },
      kerasLstm,
      kerasGru,
    ],
    verification: [vLstmLayer, vGruLayer],
  },
  {
    id: 'rnn-tfjs-gru-reset-after-error',
    topic: 'rnn',
    subtopic: 'gru',
    tags: ['tfjs', 'keras', 'model-loading', 'reset-after'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: `用 Python Keras（TF2）训练了一个带 \`GRU\` 层的模型，用 tfjs converter 导出后，\`tf.loadLayersModel\` 报错：\`GRUCell does not support reset_after parameter set to true.\`。为什么？把 model.json 里的 \`reset_after\` 改成 \`false\` 行不行？有哪些正确的解决办法？`,
      en: `A model with a \`GRU\` layer trained in Python Keras (TF2) and exported with the tfjs converter fails in \`tf.loadLayersModel\` with \`GRUCell does not support reset_after parameter set to true.\`. Why? Does editing \`reset_after\` to \`false\` in model.json work? What are the correct fixes?`,
    },
    answer: {
      short: {
        zh: `TF2 的 Keras GRU 默认 \`reset_after=True\`，而 tfjs-layers 只实现了 reset-before 形式，遇到该配置直接抛错。改 model.json 不行：bias 形状 $[2,3u]$ 对不上 $[3u]$，即使强行合并偏置，两种公式也不等价，会静默得到错误结果。正确做法：在 Python 端用 \`reset_after=False\` 重新训练；或使用实现了 reset-after 的 GRU 层（如 \`@dl/recurrent\` 的 \`GRU\`）加载原权重。`,
        en: `TF2 Keras' GRU defaults to \`reset_after=True\`, while tfjs-layers implements only the reset-before form and throws on that config. Editing model.json does not work: the $[2,3u]$ bias does not fit $[3u]$, and even with the biases forced together the two formulas differ, so predictions would be silently wrong. Fix: retrain in Python with \`reset_after=False\`, or load the original weights into a GRU layer that implements reset-after (such as \`GRU\` in \`@dl/recurrent\`).`,
      },
      full: {
        zh: `**原因。** tfjs-layers 的 \`GRUCell\` 构造函数里：若 \`args.resetAfter\` 为真就抛出 \`ValueError\`。TF 2.0 起 Keras GRU 默认 \`reset_after=True\`（cuDNN 兼容形式），所以几乎所有 TF2 训练的 GRU 模型都加载不了。

**为什么不能改配置。**
1. 形状：reset-after 的 bias 是 $[2,3u]$，reset-before 是 $[3u]$，权重加载时就会形状不匹配。
2. 即使把两行偏置相加成一行：$z,r$ 门没问题，但候选状态 $\\tanh(xW_h+b^{(x)}+r\\odot(hU_h+b^{(r)}))$ 与 $\\tanh(xW_h+(r\\odot h)U_h+b)$ 对一般的 $U_h$ 不等价，模型能跑、输出却是错的——比报错更糟。

**正确的办法：**
- **重新训练**：Python 端 \`GRU(..., reset_after=False)\`，导出后 tfjs 原生可加载（代价是不能用 cuDNN 内核，GPU 训练更慢）。
- **用实现了 reset-after 的层**：注册一个与 Keras 同名（\`GRU\`）、同权重布局的自定义层，其 \`getConfig\` 接受 \`reset_after\`，这样原 model.json 与权重可以直接加载。\`@dl/recurrent\` 的 \`GRU\` 就是这样做的。
- 其他路线：转换成 ONNX / TFLite 用别的运行时。

**验证。** 任选一条输入，在 Python 中记录原模型输出，在 JS 中加载后比对，误差应在 float32 精度内（约 $10^{-6}$）；另外确认 \`recurrent_activation\` 被正确读成 \`sigmoid\`。`,
        en: `**Cause.** tfjs-layers' \`GRUCell\` constructor throws a \`ValueError\` when \`args.resetAfter\` is true. Since TF 2.0 Keras' GRU defaults to \`reset_after=True\` (the cuDNN-compatible form), so almost every GRU model trained in TF2 fails to load.

**Why editing the config fails.**
1. Shapes: reset-after's bias is $[2,3u]$, reset-before's $[3u]$, so weight loading hits a shape mismatch.
2. Even with the two bias rows summed into one: the $z,r$ gates are fine, but the candidate $\\tanh(xW_h+b^{(x)}+r\\odot(hU_h+b^{(r)}))$ differs from $\\tanh(xW_h+(r\\odot h)U_h+b)$ for a general $U_h$ — the model runs and its outputs are wrong, which is worse than an error.

**Correct fixes:**
- **Retrain** with \`GRU(..., reset_after=False)\` in Python; tfjs then loads it natively (the price: no cuDNN kernel, slower GPU training).
- **Use a layer that implements reset-after**: register a custom layer with Keras' class name (\`GRU\`) and weight layout whose \`getConfig\` accepts \`reset_after\`, so the original model.json and weights load directly. \`GRU\` in \`@dl/recurrent\` does this.
- Other routes: convert to ONNX / TFLite and use another runtime.

**Check.** Record the original model's output on some input in Python, load in JS and compare; the error should be at float32 precision (about $10^{-6}$). Also confirm that \`recurrent_activation\` is read as \`sigmoid\`.`,
      },
    },
    references: [kerasGru, { title: 'TensorFlow.js API: tf.layers.gru', url: 'https://js.tensorflow.org/api/latest/#layers.gru' }, cho2014],
    misconceptions: [
      {
        claim: {
          zh: `把 model.json 里的 \`reset_after\` 改成 \`false\`、偏置合并一下就能在 tfjs 里用。`,
          en: `Setting \`reset_after\` to \`false\` in model.json and merging the biases makes the model usable in tfjs.`,
        },
        correction: {
          zh: `两种 GRU 公式不等价，这样加载不会报错但输出是错的；需要重新训练或使用实现 reset-after 的层。`,
          en: `The two GRU formulas differ, so this loads without error but gives wrong outputs; retrain, or use a layer that implements reset-after.`,
        },
      },
    ],
    verification: [vGruLayer],
  },
  {
    id: 'rnn-hard-sigmoid-vs-sigmoid',
    topic: 'rnn',
    subtopic: 'implementation',
    tags: ['hard-sigmoid', 'sigmoid', 'keras', 'tfjs'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `Keras 2 / tfjs 的 hard sigmoid 定义为 $\\operatorname{clip}(0.2x+0.5,0,1)$。它与 sigmoid 的最大绝对差是多少，出现在哪里？在 $x=1,2,3$ 处各是多少？Keras 各版本与 tfjs-layers 的循环层默认用哪一个？Keras 3 的 hard sigmoid 又是什么？`,
      en: `Keras 2 / tfjs define the hard sigmoid as $\\operatorname{clip}(0.2x+0.5,0,1)$. What is its largest absolute difference from the sigmoid, and where? What are both at $x=1,2,3$? Which one do the recurrent layers of each Keras version and of tfjs-layers use by default? What is Keras 3's hard sigmoid?`,
    },
    answer: {
      short: {
        zh: `最大差约 $0.0759$，在 $x=\\pm2.5$（hard sigmoid 刚饱和为 0 或 1，而 $\\sigma(2.5)=0.9241$）。$x=1$：$0.7$ 对 $0.7311$；$x=2$：$0.9$ 对 $0.8808$；$x=3$：$1$ 对 $0.9526$。Keras 1 与 Keras 2.2 及以前、TF1 的 tf.keras 默认 \`hard_sigmoid\`；Keras 2.3 / TF2 起默认 \`sigmoid\`；tfjs-layers 至今默认 \`hardSigmoid\`。Keras 3 的 hard sigmoid 改为 $\\operatorname{clip}(x/6+0.5,0,1)$。`,
        en: `The largest difference is about $0.0759$, at $x=\\pm2.5$ (where the hard sigmoid just saturates at 0 or 1 while $\\sigma(2.5)=0.9241$). At $x=1$: $0.7$ vs $0.7311$; $x=2$: $0.9$ vs $0.8808$; $x=3$: $1$ vs $0.9526$. Keras 1, Keras up to 2.2 and TF1's tf.keras default to \`hard_sigmoid\`; from Keras 2.3 / TF2 the default is \`sigmoid\`; tfjs-layers still defaults to \`hardSigmoid\`. Keras 3's hard sigmoid is $\\operatorname{clip}(x/6+0.5,0,1)$.`,
      },
      full: {
        zh: `**数值**（在 $[-10,10]$ 上以 $10^{-5}$ 步长扫描）：

| $x$ | $\\sigma(x)$ | hard sigmoid |
|---|---|---|
| 0 | 0.5 | 0.5 |
| 1 | 0.7311 | 0.7 |
| 2 | 0.8808 | 0.9 |
| 2.5 | 0.9241 | 1 |
| 3 | 0.9526 | 1 |

最大绝对差 $1-\\sigma(2.5)=\\sigma(-2.5)\\approx0.0759$，在 $x=\\pm2.5$。Keras 3 的 $\\operatorname{clip}(x/6+0.5,0,1)$ 与 sigmoid 的最大差约 $0.069$（在 $|x|\\approx1.32$ 附近），两种 hard sigmoid 本身也不相同。

**默认值的历史：** Keras 1 与 Keras 2.0–2.2 的 LSTM/GRU \`recurrent_activation\` 默认是 \`hard_sigmoid\`（更省算力）；Keras 2.3.0 的发布说明把所有 RNN 层的默认改为 \`sigmoid\`，TF2 的 tf.keras 同样是 \`sigmoid\`（cuDNN 内核的条件之一）。tfjs-layers 的 \`LSTMCell\`/\`GRUCell\` 仍把 \`DEFAULT_RECURRENT_ACTIVATION\` 设为 \`'hardSigmoid'\`。

**后果：** 门值差到 0.076，乘到每一步的状态更新上，会一路累积。用 PyTorch 或 TF2 的权重在 tfjs-layers 里复现时，不显式设 \`recurrentActivation: 'sigmoid'\` 就对不上。hard sigmoid 的导数在 $|x|>2.5$ 时为 0，饱和的门完全不传梯度。

**建议：** 新模型用 sigmoid；只有加载 Keras 1 / 早期 Keras 2 训练的模型时才需要 hard sigmoid，并且要确认是哪一版的定义。`,
        en: `**Numbers** (scanning $[-10,10]$ in steps of $10^{-5}$):

| $x$ | $\\sigma(x)$ | hard sigmoid |
|---|---|---|
| 0 | 0.5 | 0.5 |
| 1 | 0.7311 | 0.7 |
| 2 | 0.8808 | 0.9 |
| 2.5 | 0.9241 | 1 |
| 3 | 0.9526 | 1 |

The largest absolute difference is $1-\\sigma(2.5)=\\sigma(-2.5)\\approx0.0759$, at $x=\\pm2.5$. Keras 3's $\\operatorname{clip}(x/6+0.5,0,1)$ differs from the sigmoid by at most about $0.069$ (near $|x|\\approx1.32$) — and the two hard sigmoids differ from each other.

**History of the default:** in Keras 1 and Keras 2.0–2.2 the LSTM/GRU \`recurrent_activation\` defaulted to \`hard_sigmoid\` (cheaper); Keras 2.3.0's release notes changed every RNN layer's default to \`sigmoid\`, as does TF2's tf.keras (one of the cuDNN kernel's conditions). tfjs-layers' \`LSTMCell\`/\`GRUCell\` still set \`DEFAULT_RECURRENT_ACTIVATION\` to \`'hardSigmoid'\`.

**Consequence:** gate values off by up to 0.076 enter every state update and accumulate. Reproducing PyTorch or TF2 weights in tfjs-layers fails unless \`recurrentActivation: 'sigmoid'\` is set explicitly. The hard sigmoid's derivative is 0 for $|x|>2.5$, so saturated gates pass no gradient at all.

**Advice:** use the sigmoid for new models; the hard sigmoid is only for loading models trained with Keras 1 or early Keras 2, and check which definition they used.`,
      },
    },
    references: [
      { title: 'Keras 2.3.0 release notes', url: 'https://github.com/keras-team/keras/releases/tag/2.3.0' },
      { title: 'Keras API reference: Layer activation functions (hard_sigmoid)', url: 'https://keras.io/api/layers/activations/' },
      { title: 'TensorFlow.js API: tf.layers.lstm', url: 'https://js.tensorflow.org/api/latest/#layers.lstm' },
    ],
    verification: [vLstmLayer, vGruLayer],
  },
  {
    id: 'rnn-tfjs-lstm-mismatch-pytorch',
    topic: 'rnn',
    subtopic: 'debugging',
    tags: ['tfjs', 'pytorch', 'numerical-mismatch', 'debugging'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: `你把 PyTorch \`nn.LSTM\` 的权重按 Keras 布局转好后加载进 tfjs 的 \`tf.layers.lstm\`，在一个 $2\\times5\\times3$ 的输入上两边输出的最大差是 0.019——不是 0，也不是大得离谱。按可能性列出原因和逐个排除的办法。`,
      en: `You converted a PyTorch \`nn.LSTM\`'s weights to the Keras layout and loaded them into tfjs's \`tf.layers.lstm\`. On a $2\\times5\\times3$ input the outputs differ by at most 0.019 — not 0, not wildly off. List the likely causes and how to rule each out.`,
    },
    answer: {
      short: {
        zh: `最可能是 tfjs-layers 的 \`recurrentActivation\` 默认为 \`hardSigmoid\`：门值偏差最大 0.076，累积后正好是 $10^{-2}$ 量级；设为 \`'sigmoid'\` 后误差应降到 $10^{-7}$ 量级。其次检查：只用了一份偏置（应为 $b_{ih}+b_{hh}$）、漏了转置、门顺序、初始状态、float32 与 float64 的差异。逐项把一个因素改对、看误差是否降到浮点精度。`,
        en: `Most likely tfjs-layers' \`recurrentActivation\` defaulting to \`hardSigmoid\`: gate values off by up to 0.076, accumulating to about $10^{-2}$; with \`'sigmoid'\` the error should drop to around $10^{-7}$. Then check: only one bias used (should be $b_{ih}+b_{hh}$), a missing transpose, gate order, initial state, float32 vs float64. Fix one factor at a time and watch whether the error drops to float precision.`,
      },
      full: {
        zh: `**误差量级是线索。** 权重放错位置（转置、门顺序）通常导致 $O(0.1\\sim1)$ 的差异；float32 舍入是 $10^{-7}\\sim10^{-6}$；$10^{-2}$ 说明公式"几乎相同但不完全相同"。

**按可能性排序：**
1. **门激活函数。** tfjs-layers 的 LSTM/GRU \`recurrentActivation\` 默认 \`'hardSigmoid'\`（Keras 1 的默认），PyTorch 用 sigmoid。二者最大差 0.076。修复：\`tf.layers.lstm({ units, recurrentActivation: 'sigmoid', ... })\`。这一项修好后误差应降到 $10^{-7}$ 量级。
2. **偏置。** PyTorch 有 \`bias_ih\` 和 \`bias_hh\` 两份，Keras 只有一份，必须相加；只取一份会造成固定偏移（通常误差更大）。
3. **转置/门顺序。** kernel $=W_{ih}^\\top$；LSTM 门顺序两边都是 $i,f,g(c),o$，不用重排；GRU 要把 PyTorch 的 $r,z,n$ 重排为 $z,r,h$。
4. **初始状态与方向。** 两边都应从零状态开始；\`goBackwards\`、\`batch_first\` 的轴顺序要一致（PyTorch 默认输入是 $[T,B,d]$）。
5. **\`unitForgetBias\`** 只影响初始化，加载权重后无关；但若在加载前调用了 \`build\` 并只覆盖了部分权重，就会残留初始化值。

**做法：** 写一个独立的 float64 参考实现（直接按公式逐步计算），分别与 PyTorch 和 tfjs 比较，能定位是哪一边、哪一步开始偏离；用一步（$T=1$）的输入先比，再增加步数。`,
        en: `**The size of the error is a clue.** Misplaced weights (transpose, gate order) usually give $O(0.1\\sim1)$ differences; float32 rounding gives $10^{-7}\\sim10^{-6}$; $10^{-2}$ means the formulas are "almost but not quite" the same.

**In order of likelihood:**
1. **Gate activation.** tfjs-layers' LSTM/GRU \`recurrentActivation\` defaults to \`'hardSigmoid'\` (the Keras 1 default); PyTorch uses the sigmoid. They differ by up to 0.076. Fix: \`tf.layers.lstm({ units, recurrentActivation: 'sigmoid', ... })\`. After this the error should drop to around $10^{-7}$.
2. **Biases.** PyTorch has \`bias_ih\` and \`bias_hh\`; Keras has one, so add them. Taking only one shifts every gate (usually a larger error).
3. **Transpose / gate order.** kernel $=W_{ih}^\\top$; the LSTM gate order is $i,f,g(c),o$ on both sides, no reordering; the GRU needs PyTorch's $r,z,n$ reordered to $z,r,h$.
4. **Initial state and direction.** Both must start from zero; \`goBackwards\` and the axis order must match (PyTorch's default input is $[T,B,d]$ unless \`batch_first\`).
5. **\`unitForgetBias\`** only affects initialisation and does not matter after loading — unless the layer was built and only some weights were overwritten.

**Method:** write an independent float64 reference that follows the equations step by step and compare it with both PyTorch and tfjs; it shows which side diverges and from which step. Compare a single step ($T=1$) first, then longer inputs.`,
      },
    },
    references: [{ title: 'TensorFlow.js API: tf.layers.lstm', url: 'https://js.tensorflow.org/api/latest/#layers.lstm' }, { title: 'PyTorch documentation: torch.nn.LSTM', url: 'https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html' }, kerasLstm],
    misconceptions: [
      {
        claim: {
          zh: `tfjs 的 \`tf.layers.lstm\` 与 TF2 Keras 的 LSTM 默认配置相同，直接加载权重就能得到相同输出。`,
          en: `tfjs's \`tf.layers.lstm\` has the same defaults as TF2 Keras' LSTM, so loaded weights give the same outputs.`,
        },
        correction: {
          zh: `tfjs-layers 的门激活默认是 \`hardSigmoid\`（Keras 1 的默认），TF2 是 \`sigmoid\`；需显式设置 \`recurrentActivation: 'sigmoid'\`。`,
          en: `tfjs-layers defaults the gate activation to \`hardSigmoid\` (the Keras 1 default), TF2 to \`sigmoid\`; set \`recurrentActivation: 'sigmoid'\` explicitly.`,
        },
      },
    ],
    verification: [vLstmLayer, vLstmCell],
  },
  // ===================================================================================
  // Layers in practice: shapes, bidirectional, masking, state, stacking.
  // ===================================================================================
  {
    id: 'rnn-layer-output-shapes',
    topic: 'rnn',
    subtopic: 'implementation',
    tags: ['return-sequences', 'return-state', 'shapes', 'keras'],
    kind: 'numeric',
    difficulty: 1,
    prompt: {
      zh: `输入形状 $[32,50,100]$（批、时间、特征）。写出以下层的输出形状：\`LSTM(64)\`；\`LSTM(64, return_sequences=True)\`；\`LSTM(64, return_state=True)\`；\`GRU(64, return_sequences=True, return_state=True)\`。LSTM 的 \`return_state\` 返回的 $h$ 与输出有什么关系？`,
      en: `Input shape $[32,50,100]$ (batch, time, features). Give the output shapes of \`LSTM(64)\`; \`LSTM(64, return_sequences=True)\`; \`LSTM(64, return_state=True)\`; \`GRU(64, return_sequences=True, return_state=True)\`. How does the $h$ returned by an LSTM's \`return_state\` relate to its output?`,
    },
    answer: {
      short: {
        zh: `\`LSTM(64)\`：$[32,64]$；\`return_sequences=True\`：$[32,50,64]$；\`return_state=True\`：三个 $[32,64]$（输出、$h_T$、$c_T$）；GRU 两者都开：$[32,50,64]$ 和一个状态 $[32,64]$。LSTM 的输出就是 $h$，所以最后一步的输出等于返回的 $h_T$；$c_T$ 是额外的细胞状态。`,
        en: `\`LSTM(64)\`: $[32,64]$; \`return_sequences=True\`: $[32,50,64]$; \`return_state=True\`: three $[32,64]$ tensors (output, $h_T$, $c_T$); GRU with both: $[32,50,64]$ plus one state $[32,64]$. An LSTM's output is $h$, so the last step's output equals the returned $h_T$; $c_T$ is the extra cell state.`,
      },
      full: {
        zh: `| 层 | 输出 |
|---|---|
| \`LSTM(64)\` | $[32,64]$（最后一步的 $h_T$） |
| \`LSTM(64, return_sequences=True)\` | $[32,50,64]$（每一步的 $h_t$） |
| \`LSTM(64, return_state=True)\` | $[32,64]$、$h_T$ $[32,64]$、$c_T$ $[32,64]$ |
| \`GRU(64, return_sequences=True, return_state=True)\` | $[32,50,64]$、$h_T$ $[32,64]$ |

**要点：**
- 状态的个数取决于单元：SimpleRNN 和 GRU 只有 $h$，LSTM 有 $h$ 和 $c$。
- LSTM 的输出就是 $h_t$，因此 \`return_state\` 的第一个状态与最后一步输出完全相同；$c_T$ 没有经过输出门，是单独的信息。
- 用 \`initial_state\` 传入状态时，顺序同样是 $[h,c]$。编码器-解码器常把编码器的 $[h_T,c_T]$ 作为解码器的初始状态。
- 带掩码时，"最后一步"指最后一个**未被掩码**的时间步。
- 双向层的 \`return_state\` 返回前向和后向各自的状态（LSTM 共 4 个）。`,
        en: `| Layer | Outputs |
|---|---|
| \`LSTM(64)\` | $[32,64]$ (the last step's $h_T$) |
| \`LSTM(64, return_sequences=True)\` | $[32,50,64]$ ($h_t$ at every step) |
| \`LSTM(64, return_state=True)\` | $[32,64]$, $h_T$ $[32,64]$, $c_T$ $[32,64]$ |
| \`GRU(64, return_sequences=True, return_state=True)\` | $[32,50,64]$, $h_T$ $[32,64]$ |

**Notes:**
- The number of states depends on the cell: SimpleRNN and GRU have only $h$; an LSTM has $h$ and $c$.
- An LSTM's output is $h_t$, so the first returned state equals the last output exactly; $c_T$ has not passed the output gate and carries separate information.
- \`initial_state\` takes states in the same order, $[h,c]$. Encoder-decoders often pass the encoder's $[h_T,c_T]$ as the decoder's initial state.
- With a mask, "last step" means the last **unmasked** step.
- A bidirectional layer's \`return_state\` returns the forward and backward states (4 for an LSTM).`,
      },
    },
    references: [kerasLstm, kerasGru, tfRnnGuide],
    verification: [vLstmLayer, vGruLayer],
  },
  {
    id: 'rnn-stacked-return-sequences-bug',
    topic: 'rnn',
    subtopic: 'debugging',
    tags: ['stacked-rnn', 'return-sequences', 'shapes', 'debugging'],
    kind: 'debug',
    difficulty: 1,
    prompt: {
      zh: `下面的模型在构建时报错 \`Input 0 is incompatible with layer lstm_2: expected ndim=3, found ndim=2\`。问题在哪？修好后，深层堆叠 RNN 还有什么常见的做法能让它更好训练？

\`\`\`ts
model.add(tf.layers.lstm({ units: 64, inputShape: [null, 100] }));
model.add(tf.layers.lstm({ units: 64 }));
model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
\`\`\``,
      en: `The model below fails to build with \`Input 0 is incompatible with layer lstm_2: expected ndim=3, found ndim=2\`. What is wrong? Once fixed, what common practices help deep stacked RNNs train?

\`\`\`ts
model.add(tf.layers.lstm({ units: 64, inputShape: [null, 100] }));
model.add(tf.layers.lstm({ units: 64 }));
model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
\`\`\``,
    },
    answer: {
      short: {
        zh: `第一层 LSTM 默认只输出最后一步 $[B,64]$（二维），第二层 LSTM 需要序列 $[B,T,64]$。给除最后一个循环层外的所有循环层加 \`returnSequences: true\`。深层堆叠时常加残差连接（如 GNMT）、层间 dropout、层归一化，并配合梯度裁剪。`,
        en: `The first LSTM outputs only the last step, $[B,64]$ (2-D), but the second LSTM needs a sequence $[B,T,64]$. Set \`returnSequences: true\` on every recurrent layer except the last. Deep stacks usually add residual connections (as in GNMT), dropout between layers, layer normalisation, and gradient clipping.`,
      },
      full: {
        zh: `**原因。** \`returnSequences\` 默认为 \`false\`，第一层输出 $[B,64]$。第二个循环层要在时间维上迭代，需要三维输入 $[B,T,64]$，于是报 ndim 不符。

**修复：**

\`\`\`ts
model.add(tf.layers.lstm({ units: 64, inputShape: [null, 100], returnSequences: true }));
model.add(tf.layers.lstm({ units: 64 })); // 最后一个循环层只要最后一步
model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
\`\`\`

如果是序列标注（每步一个标签），最后一层也要 \`returnSequences: true\`，Dense 会逐时间步作用。

**深层堆叠的经验：**
- **残差连接：** Wu et al.（GNMT, 2016）在 8 层 LSTM 编码器/解码器中从第 3 层起加残差 $x_{l+1}=\\operatorname{LSTM}_l(x_l)+x_l$，没有残差时超过 4 层就难以训练。
- **层间 dropout**（Zaremba et al., 2014）而非循环连接上的逐步 dropout。
- **层归一化**（Ba et al., 2016）稳定每层的激活尺度。
- 梯度裁剪；一般 2～4 层就够，更深收益递减。`,
        en: `**Cause.** \`returnSequences\` defaults to \`false\`, so the first layer outputs $[B,64]$. The second recurrent layer iterates over time and needs 3-D input $[B,T,64]$, hence the ndim error.

**Fix:**

\`\`\`ts
model.add(tf.layers.lstm({ units: 64, inputShape: [null, 100], returnSequences: true }));
model.add(tf.layers.lstm({ units: 64 })); // the last recurrent layer keeps only the last step
model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
\`\`\`

For tagging (one label per step) the last layer also needs \`returnSequences: true\`; the Dense layer then applies at every step.

**Practices for deep stacks:**
- **Residual connections:** Wu et al. (GNMT, 2016) add $x_{l+1}=\\operatorname{LSTM}_l(x_l)+x_l$ from the third layer of their 8-layer LSTM encoder/decoder; without them, more than 4 layers were hard to train.
- **Dropout between layers** (Zaremba et al., 2014), not per-step dropout on recurrent connections.
- **Layer normalisation** (Ba et al., 2016) to stabilise each layer's activation scale.
- Gradient clipping; 2–4 layers are usually enough, with diminishing returns beyond.`,
      },
    },
    references: [
      { title: "Google's Neural Machine Translation System: Bridging the Gap between Human and Machine Translation", authors: 'Wu et al.', year: 2016, arxiv: '1609.08144' },
      tfRnnGuide,
    ],
    verification: [vLstmLayer],
  },
  {
    id: 'rnn-bidirectional-lm-leak',
    topic: 'rnn',
    subtopic: 'bidirectional',
    tags: ['bidirectional', 'language-model', 'information-leak', 'causal'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: `有人用 \`Bidirectional(LSTM(256, return_sequences=True))\` + 逐步 softmax 训练字符级语言模型（每步预测下一个字符），验证集困惑度降到 1.05，远好于单向 LSTM 的 3.2。但用它逐字生成文本时输出是乱码。为什么？双向 RNN 什么时候能用、什么时候不能用？`,
      en: `Someone trains a character language model with \`Bidirectional(LSTM(256, return_sequences=True))\` and a per-step softmax (predict the next character at each step). Validation perplexity reaches 1.05, far better than a unidirectional LSTM's 3.2, yet text generated character by character is garbage. Why? When can a bidirectional RNN be used, and when not?`,
    },
    answer: {
      short: {
        zh: `信息泄露：位置 $t$ 的反向状态已经读过 $x_{t+1}$——正是要预测的目标，模型只需"抄答案"，所以困惑度接近 1。生成时没有未来可读，模型从未学过真正的预测。双向 RNN 只能用于整条输入事先已知、且输出不需要因果性的任务（分类、序列标注、编码器）；语言模型、解码器、流式/低延迟推理必须用单向（因果）结构。`,
        en: `Information leak: the backward state at position $t$ has already read $x_{t+1}$ — the very target — so the model just copies the answer and perplexity approaches 1. At generation there is no future to read, and the model never learned to predict. Bidirectional RNNs are only for tasks whose whole input is known in advance and whose outputs need not be causal (classification, tagging, encoders); language models, decoders and streaming/low-latency inference need unidirectional (causal) layers.`,
      },
      full: {
        zh: `**泄露。** 目标序列是输入右移一位：$y_t=x_{t+1}$。反向 RNN 在位置 $t$ 的状态 $\\overleftarrow h_t$ 概括了 $x_t..x_T$，其中包括 $x_{t+1}$。输出层从 $[\\overrightarrow h_t;\\overleftarrow h_t]$ 里直接读出 $x_{t+1}$ 即可，这不需要任何语言知识。困惑度 1.05 这种"好得不真实"的数字本身就是信号：字符级英文的困惑度通常在 2～4 之间（约 1～2 比特/字符）。

**生成时为何失败。** 自回归生成在第 $t$ 步只有 $x_{\\le t}$，后面的字符还不存在；无论用零还是占位符填充，反向状态都与训练分布完全不同。

**可以用双向的场景：** 输入完整可见、每个输出可以依赖整条输入——文本/序列分类、词性标注和 NER、语音识别的编码器、seq2seq 的编码器（Bahdanau et al. 用双向 GRU 编码源句）。

**不能用的场景：**
- 语言模型和任何自回归解码器（包括 seq2seq 的解码器）；
- 流式/在线推理：例如实时语音识别、在线异常检测——要等到序列结束才能计算反向状态，延迟不可接受；
- 时间序列预测：只能用过去预测未来。

**检查方法：** 一个简单的单元测试——改变位置 $t+1$ 之后的输入，断言位置 $t$ 的输出不变（因果性测试）。`,
        en: `**The leak.** The target is the input shifted by one: $y_t=x_{t+1}$. The backward RNN's state at position $t$, $\\overleftarrow h_t$, summarises $x_t..x_T$, which includes $x_{t+1}$. The output layer can read $x_{t+1}$ straight out of $[\\overrightarrow h_t;\\overleftarrow h_t]$ without any knowledge of language. A too-good-to-be-true perplexity of 1.05 is itself the signal: character-level English usually sits around 2–4 (about 1–2 bits per character).

**Why generation fails.** Autoregressive generation at step $t$ has only $x_{\\le t}$; later characters do not exist yet. Whatever fills their place (zeros or placeholders), the backward state is far from anything seen in training.

**Where bidirectional layers fit:** the whole input is visible and each output may depend on all of it — text/sequence classification, POS tagging and NER, speech-recognition encoders, seq2seq encoders (Bahdanau et al. encode the source with a bidirectional GRU).

**Where they do not:**
- language models and every autoregressive decoder (including a seq2seq decoder);
- streaming/online inference, e.g. live speech recognition or online anomaly detection — the backward state needs the end of the sequence, so latency is unacceptable;
- time-series forecasting: only the past may predict the future.

**How to check:** a simple unit test — change the inputs after position $t+1$ and assert that the output at position $t$ does not change (a causality test).`,
      },
    },
    references: [
      { title: 'Bidirectional Recurrent Neural Networks', authors: 'Schuster & Paliwal', year: 1997, url: 'https://doi.org/10.1109/78.650093' },
      bahdanau2014,
      { title: 'Keras API reference: Bidirectional layer', url: 'https://keras.io/api/layers/recurrent_layers/bidirectional/' },
    ],
    misconceptions: [
      {
        claim: {
          zh: `双向 RNN 看到的上下文更多，所以任何序列任务换成双向都会更好。`,
          en: `A bidirectional RNN sees more context, so it improves any sequence task.`,
        },
        correction: {
          zh: `只有输入完整可见、输出不要求因果的任务才适用；语言模型、解码器和流式任务用双向会泄露未来信息或无法实时计算。`,
          en: `Only for tasks with the whole input visible and no causality requirement; in language models, decoders and streaming tasks it leaks the future or cannot run in real time.`,
        },
      },
    ],
    verification: [vBidirectional],
  },
  {
    id: 'rnn-bidirectional-output-shapes',
    topic: 'rnn',
    subtopic: 'bidirectional',
    tags: ['bidirectional', 'merge-mode', 'shapes', 'return-state'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: `输入 $[16,40,100]$，层为 \`Bidirectional(LSTM(64, return_sequences=True, return_state=True))\`。分别写出 \`merge_mode='concat'\` 和 \`'sum'\` 时的全部输出形状和参数量。\`return_sequences=False\` 时 concat 的输出由哪两个状态拼成？`,
      en: `Input $[16,40,100]$, layer \`Bidirectional(LSTM(64, return_sequences=True, return_state=True))\`. Give all output shapes and the parameter count for \`merge_mode='concat'\` and \`'sum'\`. With \`return_sequences=False\`, which two states does the concat output join?`,
    },
    answer: {
      short: {
        zh: `concat：序列输出 $[16,40,128]$，加 4 个状态（前向 $h,c$、后向 $h,c$）各 $[16,64]$；sum：序列输出 $[16,40,64]$，状态相同。参数量与合并方式无关：$2\\times4(64\\cdot164+64)=84{,}480$。\`return_sequences=False\` 时拼接的是前向在最后一步（读完 $x_{1..T}$）与后向在第一个位置（读完 $x_{T..1}$）的最终状态，形状 $[16,128]$。`,
        en: `concat: sequence output $[16,40,128]$ plus 4 states (forward $h,c$, backward $h,c$) of $[16,64]$ each; sum: sequence output $[16,40,64]$, same states. Parameters do not depend on the merge: $2\\times4(64\\cdot164+64)=84{,}480$. With \`return_sequences=False\`, concat joins the forward final state (after $x_{1..T}$) and the backward final state (after $x_{T..1}$), shape $[16,128]$.`,
      },
      full: {
        zh: `**合并方式：** \`concat\`（默认）在特征维拼接，宽度 $2u$；\`sum\`、\`mul\`、\`ave\` 逐元素合并，宽度 $u$；\`None\` 返回两个输出的列表。

**输出：**

| | concat | sum |
|---|---|---|
| 序列输出 | $[16,40,128]$ | $[16,40,64]$ |
| 前向 $h_T$、$c_T$ | $[16,64]$ ×2 | $[16,64]$ ×2 |
| 后向 $h$、$c$ | $[16,64]$ ×2 | $[16,64]$ ×2 |

状态不做合并，所以共 1 + 4 个张量。

**对齐。** 后向层按时间倒序计算，Keras 在 \`return_sequences=True\` 时把后向输出再翻转回来，使位置 $t$ 上的两半都对应 $x_t$。

**参数量：** 两个独立的 LSTM，$2\\times4(64\\times(100+64)+64)=2\\times42{,}240=84{,}480$，合并不引入参数。

**\`return_sequences=False\`：** 前向的最终状态在 $t=T$，后向的最终状态对应 $t=1$（它最后读到的是 $x_1$），拼成 $[16,128]$。这正是分类时应该用的表示，而不是取序列输出的最后一个位置（那里后向只读了一个词）。`,
        en: `**Merge modes:** \`concat\` (default) joins along features, width $2u$; \`sum\`, \`mul\`, \`ave\` combine element-wise, width $u$; \`None\` returns both outputs as a list.

**Outputs:**

| | concat | sum |
|---|---|---|
| sequence output | $[16,40,128]$ | $[16,40,64]$ |
| forward $h_T$, $c_T$ | $[16,64]$ ×2 | $[16,64]$ ×2 |
| backward $h$, $c$ | $[16,64]$ ×2 | $[16,64]$ ×2 |

States are not merged: 1 + 4 tensors in all.

**Alignment.** The backward layer runs in reverse time; with \`return_sequences=True\` Keras flips its outputs back so both halves at position $t$ refer to $x_t$.

**Parameters:** two independent LSTMs, $2\\times4(64\\times(100+64)+64)=2\\times42{,}240=84{,}480$; merging adds none.

**\`return_sequences=False\`:** the forward final state is at $t=T$, the backward final state corresponds to $t=1$ (the last input it read is $x_1$); together $[16,128]$. That is the representation to classify from — not the last position of the sequence output, where the backward half has read only one token.`,
      },
    },
    references: [{ title: 'Keras API reference: Bidirectional layer', url: 'https://keras.io/api/layers/recurrent_layers/bidirectional/' }, kerasLstm],
    verification: [vBidirectional, vParameterCount],
  },
  {
    id: 'rnn-masking-state-carry',
    topic: 'rnn',
    subtopic: 'masking',
    tags: ['masking', 'padding', 'state-carry', 'gradients'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: `带掩码的循环层在被掩码的时间步应当怎样更新状态和输出？写出公式，并推导：被掩码的步对参数梯度的贡献是多少？对前一步状态的梯度又是怎样传回去的？为什么结果与填充长度无关？`,
      en: `How should a masked recurrent layer update its state and output at masked steps? Write the equations and derive: what do masked steps contribute to the parameter gradients, and how does the gradient reach the previous state? Why is the result independent of the pad length?`,
    },
    answer: {
      short: {
        zh: `$h_t=m_t\\,\\tilde h_t+(1-m_t)\\,h_{t-1}$（LSTM 的 $c_t$ 同理），$\\tilde h_t$ 为正常的单元输出；Keras 在被掩码的步输出上一步的输出（\`return_sequences\`）。$m_t=0$ 时 $\\partial h_t/\\partial\\tilde h_t=0$，该步对参数梯度的贡献为 0，而 $\\partial h_t/\\partial h_{t-1}=I$，梯度原样穿过。所以被掩码的步是恒等映射，无论有多少个，前向和反向都与没有它们时相同。`,
        en: `$h_t=m_t\\,\\tilde h_t+(1-m_t)\\,h_{t-1}$ (and likewise $c_t$ in an LSTM), with $\\tilde h_t$ the normal cell output; at masked steps Keras outputs the previous step's output (\`return_sequences\`). With $m_t=0$, $\\partial h_t/\\partial\\tilde h_t=0$, so the step contributes nothing to the parameter gradients, and $\\partial h_t/\\partial h_{t-1}=I$, so the gradient passes through unchanged. Masked steps are identity maps: however many there are, forward and backward are as if they were absent.`,
      },
      full: {
        zh: `**前向。** 设 $m_t\\in\\{0,1\\}$（每个样本一个），$\\tilde h_t,\\tilde c_t$ 为单元的正常输出：

$$h_t=m_t\\tilde h_t+(1-m_t)h_{t-1},\\qquad c_t=m_t\\tilde c_t+(1-m_t)c_{t-1}.$$

实现上用 \`tf.where(mask, newState, oldState)\`。Keras 在 \`return_sequences=True\` 时，被掩码位置的输出为上一个输出（初始为 0）；下游的损失或池化也应使用同一个掩码。

**反向。** 记 $\\bar h_t=\\partial L/\\partial h_t$：

$$\\frac{\\partial L}{\\partial\\tilde h_t}=m_t\\bar h_t,\\qquad \\frac{\\partial L}{\\partial h_{t-1}}\\Big|_{\\text{经本步}}=(1-m_t)\\bar h_t+m_t\\,\\bar h_t\\frac{\\partial\\tilde h_t}{\\partial h_{t-1}} .$$

$m_t=0$ 时：单元内部没有梯度流入，所以这一步对 $W,U,b$ 的贡献（$x_t^\\top\\delta_t$ 等）全为 0；梯度以单位矩阵穿过到 $h_{t-1}$。

**与填充长度无关。** 被掩码的步在前向上是恒等映射，在反向上是恒等的雅可比且无参数贡献；因此无论前面或后面插入多少填充步，最终状态、未掩码位置的输出、以及全部梯度都与不填充时相同（前置填充也一样，因为初始状态会原样穿过）。这就是"同一条序列在不同填充长度下输出应一致"这条回归测试的依据。

**注意：** 若一整行都被掩码，状态保持初始值，损失的分母要防 0。`,
        en: `**Forward.** With $m_t\\in\\{0,1\\}$ (per example) and $\\tilde h_t,\\tilde c_t$ the cell's normal outputs:

$$h_t=m_t\\tilde h_t+(1-m_t)h_{t-1},\\qquad c_t=m_t\\tilde c_t+(1-m_t)c_{t-1}.$$

In code: \`tf.where(mask, newState, oldState)\`. With \`return_sequences=True\`, Keras outputs the previous output (initially 0) at masked positions; downstream losses and pooling should use the same mask.

**Backward.** Let $\\bar h_t=\\partial L/\\partial h_t$:

$$\\frac{\\partial L}{\\partial\\tilde h_t}=m_t\\bar h_t,\\qquad \\frac{\\partial L}{\\partial h_{t-1}}\\Big|_{\\text{via this step}}=(1-m_t)\\bar h_t+m_t\\,\\bar h_t\\frac{\\partial\\tilde h_t}{\\partial h_{t-1}} .$$

With $m_t=0$ no gradient enters the cell, so the step's contributions to $W,U,b$ ($x_t^\\top\\delta_t$ and so on) are all zero, and the gradient passes to $h_{t-1}$ through an identity.

**Independent of pad length.** A masked step is the identity map forward and has identity Jacobian and no parameter contribution backward; so however many padding steps are inserted before or after, the final state, the outputs at unmasked positions and all gradients equal those without padding (leading padding too: the initial state passes through unchanged). This is why "the same sequence gives the same output at any pad length" is the right regression test.

**Note:** a fully masked row keeps its initial state; guard the loss denominator against 0.`,
      },
    },
    references: [tfMaskingGuide, tfRnnGuide],
    verification: [vSimpleRnnLayer, vLstmLayer, vPadSequences],
  },
  {
    id: 'rnn-pad-sequences-defaults',
    topic: 'rnn',
    subtopic: 'masking',
    tags: ['padding', 'truncation', 'pad-sequences', 'keras'],
    kind: 'numeric',
    difficulty: 1,
    prompt: {
      zh: `对 \`[[1, 2, 3], [4, 5, 6, 7, 8], [9]]\` 调用 \`padSequences(seqs, { maxLength: 4 })\`（默认值与 Keras \`pad_sequences\` 相同），结果是什么？改为 \`padding: 'post', truncating: 'post'\` 呢？对不带掩码的 RNN 分类器来说，哪种更不容易出问题，为什么？`,
      en: `What does \`padSequences([[1, 2, 3], [4, 5, 6, 7, 8], [9]], { maxLength: 4 })\` return (defaults as in Keras' \`pad_sequences\`)? And with \`padding: 'post', truncating: 'post'\`? For an RNN classifier without masking, which is less harmful, and why?`,
    },
    answer: {
      short: {
        zh: `默认 \`padding: 'pre'\`、\`truncating: 'pre'\`：\`[[0,1,2,3],[5,6,7,8],[0,0,0,9]]\`。post/post：\`[[1,2,3,0],[4,5,6,7],[9,0,0,0]]\`。不带掩码时前置填充更好：RNN 最后读到的是真实词，$h_T$ 不会被一串填充冲淡；后置填充让短文本的最终状态主要反映填充。正确做法仍是掩码。`,
        en: `Defaults \`padding: 'pre'\`, \`truncating: 'pre'\`: \`[[0,1,2,3],[5,6,7,8],[0,0,0,9]]\`. post/post: \`[[1,2,3,0],[4,5,6,7],[9,0,0,0]]\`. Without masking, pre-padding is less harmful: the RNN reads real tokens last, so $h_T$ is not washed out by a run of pads; post-padding makes a short text's final state mostly about padding. The right fix is still a mask.`,
      },
      full: {
        zh: `**默认（pre/pre）：**
- \`[1,2,3]\` → 前面补一个 0：\`[0,1,2,3]\`
- \`[4,5,6,7,8]\` 太长，从**开头**截掉：\`[5,6,7,8]\`
- \`[9]\` → \`[0,0,0,9]\`

**post/post：** \`[1,2,3,0]\`、\`[4,5,6,7]\`（从末尾截掉 8）、\`[9,0,0,0]\`。

**对不带掩码的 RNN。** 前置填充让真实内容位于序列末尾，$h_T$ 紧挨着真实词，填充只影响初始状态；后置填充时，短文本后面跟着几十个填充，RNN 在每个填充位置照常更新状态，$h_T$ 主要反映"读了很多 0"。这就是 Keras 默认 \`pre\` 的原因。截断同理：\`truncating: 'pre'\` 保留结尾，评论类文本的结论常在末尾。

**但正确做法是掩码：** \`Embedding({ maskZero: true })\`（下标 0 保留给填充），被掩码的步不更新状态，pre 与 post 给出相同结果。TF 的 cuDNN 内核在有掩码时要求严格的右侧填充（post），这时掩码就是必需的。`,
        en: `**Default (pre/pre):**
- \`[1,2,3]\` gets one leading 0: \`[0,1,2,3]\`
- \`[4,5,6,7,8]\` is too long and loses elements from the **start**: \`[5,6,7,8]\`
- \`[9]\` becomes \`[0,0,0,9]\`

**post/post:** \`[1,2,3,0]\`, \`[4,5,6,7]\` (8 cut from the end), \`[9,0,0,0]\`.

**For an unmasked RNN.** Pre-padding puts the real content at the end of the sequence, so $h_T$ is right after real tokens and the pads only affect the initial state; with post-padding a short text is followed by dozens of pads, the RNN updates its state at every pad as usual, and $h_T$ mostly says "read many zeros". That is why Keras defaults to \`pre\`. Likewise \`truncating: 'pre'\` keeps the end, where reviews often state their verdict.

**But the right fix is a mask:** \`Embedding({ maskZero: true })\` (index 0 reserved for padding); masked steps do not update the state, and pre and post give the same result. TF's cuDNN kernel requires strictly right (post) padding when a mask is used, and then the mask is mandatory.`,
      },
    },
    references: [tfMaskingGuide, { title: 'TensorFlow API: tf.keras.utils.pad_sequences', url: 'https://www.tensorflow.org/api_docs/python/tf/keras/utils/pad_sequences' }],
    verification: [vPadSequences],
  },
  {
    id: 'rnn-stateful-training-bug',
    topic: 'rnn',
    subtopic: 'stateful-rnn',
    tags: ['stateful-rnn', 'batching', 'reset-states', 'debugging'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: `为了学习长文本中的依赖，同事把语言模型的 LSTM 改成 \`stateful: true\`，批大小 32，把文本切成长度 100 的片段，按顺序每 32 个片段组成一个批次，\`model.fit(..., shuffle: true)\`。结果验证损失比无状态模型还差。找出所有问题并给出正确的数据布局。`,
      en: `To learn dependencies across a long text, a colleague made a language model's LSTM \`stateful: true\` with batch size 32, cut the text into length-100 chunks, grouped every 32 consecutive chunks into a batch, and called \`model.fit(..., shuffle: true)\`. Validation loss is worse than the stateless model's. Find every problem and give the correct data layout.`,
    },
    answer: {
      short: {
        zh: `有状态 RNN 把第 $n$ 批第 $b$ 行的最终状态作为第 $n+1$ 批第 $b$ 行的初始状态，所以第 $b$ 行在相邻批次间必须是连续的文本。问题：(1) 连续 32 个片段放在同一批的不同行，行间不连续；(2) \`shuffle: true\` 打乱了批次顺序；(3) 没有在每个纪元开始、训练与验证之间 \`resetStates()\`。正确布局：把文本分成 32 条等长连续子流（reshape 成 $[32,N/32]$），第 $n$ 批取各子流的第 $n$ 段，不打乱，按需重置状态。`,
        en: `A stateful RNN uses the final state of row $b$ of batch $n$ as the initial state of row $b$ of batch $n+1$, so row $b$ must be continuous text across consecutive batches. Problems: (1) 32 consecutive chunks sit in different rows of one batch, so rows do not continue; (2) \`shuffle: true\` scrambles the batch order; (3) no \`resetStates()\` at each epoch or between training and validation. Correct layout: split the text into 32 equal contiguous sub-streams (reshape to $[32,N/32]$), batch $n$ takes chunk $n$ of every sub-stream, no shuffling, reset states where appropriate.`,
      },
      full: {
        zh: `**有状态的语义。** \`stateful: true\` 时，层在批次之间保留状态：第 $n+1$ 批第 $b$ 个样本的初始状态是第 $n$ 批第 $b$ 个样本的最终状态。这要求固定的批大小（tfjs 需 \`batchInputShape\`），并且数据按"行连续"排列。

**逐条问题：**
1. **布局错误。** 把片段 $0..31$ 放进第一批、$32..63$ 放进第二批，则第二批第 0 行（片段 32）接收的是片段 0 的状态——中间隔了 31 个片段，状态传递毫无意义，反而是噪声。
2. **打乱。** \`shuffle: true\` 打乱了批次（和行）的顺序，任何布局都会被破坏。必须 \`shuffle: false\`。
3. **状态泄漏到验证。** 训练结束时的状态被带进验证，验证开头拿到了不相关的上下文；每个纪元开始、验证前后都要 \`model.resetStates()\`。
4. 最后一个不满的批次会改变批大小，应丢弃。

**正确布局（与截断 BPTT 相同）：** 长度 $N$ 的字符流裁成 32 的倍数，reshape 为 $[32,N/32]$，第 $b$ 行是一段连续文本；第 $n$ 批取所有行的第 $[100n,100(n+1))$ 列为输入、右移一位为目标。这样行 $b$ 在相邻批之间首尾相接。

**验证修复：** 对一条很长的序列，"有状态地分段喂入"的最终输出应与"一次喂入整条"的输出在浮点误差内相同。`,
        en: `**Stateful semantics.** With \`stateful: true\` the layer keeps its state between batches: the initial state of example $b$ in batch $n+1$ is the final state of example $b$ in batch $n$. This requires a fixed batch size (\`batchInputShape\` in tfjs) and data laid out so that each row continues.

**Problems:**
1. **Wrong layout.** With chunks $0..31$ in the first batch and $32..63$ in the second, row 0 of the second batch (chunk 32) receives chunk 0's state — 31 chunks apart, so the carried state is noise, not context.
2. **Shuffling.** \`shuffle: true\` scrambles the order of batches (and rows) and breaks any layout. Use \`shuffle: false\`.
3. **State leaking into validation.** The state at the end of training is carried into validation, giving its first chunks unrelated context; call \`model.resetStates()\` at each epoch start and before and after validation.
4. A final partial batch changes the batch size; drop it.

**Correct layout (the same as truncated BPTT):** trim the character stream of length $N$ to a multiple of 32 and reshape to $[32,N/32]$, each row a contiguous piece of text; batch $n$ takes columns $[100n,100(n+1))$ of every row as input and the same shifted by one as target. Row $b$ then continues seamlessly from batch to batch.

**Check the fix:** for one long sequence, feeding it in chunks to the stateful model must give the same final output, up to float error, as feeding it whole.`,
      },
    },
    references: [tfRnnGuide, { title: 'Recurrent Neural Network Regularization', authors: 'Zaremba, Sutskever & Vinyals', year: 2014, arxiv: '1409.2329' }],
    verification: [vLstmLayer],
  },
  {
    id: 'rnn-cudnn-kernel-conditions',
    topic: 'rnn',
    subtopic: 'implementation',
    tags: ['cudnn', 'performance', 'keras', 'gpu'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: `TF2 的 Keras \`LSTM\`/\`GRU\` 在 GPU 上会自动选用 cuDNN 内核，但只在满足一组条件时。列出这些条件，并解释为什么 \`recurrent_dropout\`、hard sigmoid、左侧填充会让它退回到慢得多的通用实现。`,
      en: `TF2 Keras' \`LSTM\`/\`GRU\` pick the cuDNN kernel on a GPU automatically, but only under certain conditions. List them, and explain why \`recurrent_dropout\`, a hard sigmoid or left padding make it fall back to the much slower generic implementation.`,
    },
    answer: {
      short: {
        zh: `条件：\`activation='tanh'\`、\`recurrent_activation='sigmoid'\`、\`dropout\` 与 \`recurrent_dropout\` 为 0（Keras 3 文档要求两者都为 0）、\`unroll=False\`、\`use_bias=True\`、GRU 还要 \`reset_after=True\`、有掩码时输入严格右侧填充、最外层为 eager 执行。cuDNN 只实现固定的公式（sigmoid 门、tanh、reset-after、无逐步掩码），任何超出它的东西都无法表达，只能逐步用通用算子计算。`,
        en: `Conditions: \`activation='tanh'\`, \`recurrent_activation='sigmoid'\`, \`dropout\` and \`recurrent_dropout\` 0 (Keras 3's docs require both), \`unroll=False\`, \`use_bias=True\`, \`reset_after=True\` for the GRU, strictly right-padded inputs when masking, and eager execution in the outermost context. cuDNN implements one fixed formula (sigmoid gates, tanh, reset-after, no per-step masks); anything outside it cannot be expressed, so the layer steps with generic ops.`,
      },
      full: {
        zh: `**条件**（Keras \`LSTM\`/\`GRU\` 文档）：
1. \`activation == tanh\`
2. \`recurrent_activation == sigmoid\`
3. \`dropout == 0\` 且 \`recurrent_dropout == 0\`（TF2 的 tf.keras 文档只要求 \`recurrent_dropout == 0\`）
4. \`unroll\` 为 \`False\`
5. \`use_bias\` 为 \`True\`
6. 仅 GRU：\`reset_after\` 为 \`True\`
7. 使用掩码时，输入严格右侧填充
8. 最外层上下文为 eager 执行

**为什么：** cuDNN 的 RNN 内核是一个把整段时间循环写死在 GPU 上的融合实现，只支持固定的公式：sigmoid 门、tanh、GRU 的 reset-after（三块循环乘法合并为一次）、每个样本一个序列长度。
- **hard sigmoid** 或其他激活：公式不同，无法表达。
- **\`recurrent_dropout\`**：要在每步对 $h_{t-1}$ 乘一个掩码，cuDNN 的循环里没有这个钩子。
- **左侧填充**：cuDNN 只能通过"每条序列的长度"处理变长，即有效内容必须从第 0 步开始、填充在右边；左侧填充无法用长度描述。
- **reset-before 的 GRU**：需要先算 $r$ 再乘 $U_h$，与 cuDNN 的计算顺序不符。

**影响：** 退回通用实现后，每一步要启动多个小内核，在 GPU 上常慢数倍；模型"能跑但很慢"时首先检查这些条件。这也提醒我们：在 tfjs 这种没有 cuDNN 的环境里，性能主要取决于每步调用了多少次内核。`,
        en: `**Conditions** (Keras \`LSTM\`/\`GRU\` docs):
1. \`activation == tanh\`
2. \`recurrent_activation == sigmoid\`
3. \`dropout == 0\` and \`recurrent_dropout == 0\` (TF2's tf.keras docs require only \`recurrent_dropout == 0\`)
4. \`unroll\` is \`False\`
5. \`use_bias\` is \`True\`
6. GRU only: \`reset_after\` is \`True\`
7. Inputs, if masking is used, are strictly right-padded
8. Eager execution is enabled in the outermost context

**Why:** cuDNN's RNN kernel is a fused implementation with the whole time loop on the GPU, supporting one fixed formula: sigmoid gates, tanh, the GRU's reset-after form (three recurrent products in one), and one sequence length per example.
- **A hard sigmoid** or another activation: a different formula, not expressible.
- **\`recurrent_dropout\`**: needs a mask multiplied into $h_{t-1}$ every step; cuDNN's loop has no such hook.
- **Left padding**: cuDNN handles variable lengths only through per-sequence lengths, i.e. content must start at step 0 with padding on the right; left padding cannot be described by a length.
- **A reset-before GRU**: needs $r$ before multiplying by $U_h$, which does not match cuDNN's order of computation.

**Effect:** the fallback launches several small kernels per step and is often several times slower on a GPU; when a model "runs, but slowly", check these first. The same lesson applies to tfjs, which has no cuDNN: performance is mostly about how many kernel calls each step makes.`,
      },
    },
    references: [kerasLstm, kerasGru, tfRnnGuide],
  },
  {
    id: 'rnn-recurrent-classifier-design',
    topic: 'rnn',
    subtopic: 'applications',
    tags: ['text-classification', 'embedding', 'masking', 'factory'],
    kind: 'coding',
    difficulty: 2,
    prompt: {
      zh: `设计一个可复用的循环文本分类器工厂：输入是补零后的词 id 序列，输出是类别概率。说明各层、要校验的选项、默认值，以及你会写哪些测试。`,
      en: `Design a reusable recurrent text-classifier factory: inputs are zero-padded token-id sequences, outputs are class probabilities. Describe the layers, the options to validate, sensible defaults, and the tests you would write.`,
    },
    answer: {
      short: {
        zh: `\`Embedding(maskZero)\` → 1～2 层 LSTM/GRU（可选双向，层间 dropout）→ 最后状态或带掩码池化 → Dense（二分类 sigmoid、多分类 softmax）。校验词表大小、维度、层数、dropout 范围、类别数等，错误在建任何张量前抛出并指明字段。测试：输出形状、填充长度不变性、小任务上损失下降、保存加载后输出一致、错误选项报 ConfigError。见 \`createRecurrentClassifier\`。`,
        en: `\`Embedding(maskZero)\` → 1–2 LSTM/GRU layers (optionally bidirectional, dropout between layers) → last state or masked pooling → Dense (sigmoid for binary, softmax for multi-class). Validate vocabulary size, dimensions, layer count, dropout range and class count, throwing before any tensor is made and naming the field. Tests: output shape, pad-length invariance, falling loss on a small task, identical outputs after save/load, ConfigError on bad options. See \`createRecurrentClassifier\`.`,
      },
      full: {
        zh: `**结构：**
1. \`Embedding(vocabularySize, embeddingDim, { maskZero: true })\`：下标 0 保留为填充，掩码自动传给后续循环层。
2. 循环层：\`cell: 'lstm' | 'gru' | 'simple'\`，\`units\`，\`layers\`（除最后一层外 \`returnSequences: true\`），\`bidirectional\`，\`dropout\`/\`recurrentDropout\`。
3. 汇聚：默认取最后一个未被掩码的状态（双向时拼接前向末态和后向末态）；长文本可用带掩码的平均池化或注意力池化。
4. 输出：\`numClasses === 2\` 时 \`Dense(1, sigmoid)\` + 二元交叉熵，否则 \`Dense(numClasses, softmax)\` + 稀疏交叉熵。
5. 训练：Adam，按全局范数裁剪（\`clipNorm\`），固定 \`seed\` 使初始化可复现。

**选项校验：** 正整数（\`vocabularySize\`、\`embeddingDim\`、\`units\`、\`layers\`、\`numClasses >= 2\`），\`dropout\` 在 $[0,1)$，枚举值 \`cell\`，拼错的键（如 \`unit\`）也要报错；错误类型为 \`ConfigError\`，信息包含字段名、收到的值和允许的范围，并在创建任何张量之前抛出。

**默认值：** 要让默认配置在常见任务上就能学起来：例如 \`cell: 'lstm'\`、\`embeddingDim: 64\`、\`units: 64\`、\`layers: 1\`、遗忘门偏置 1、门激活 sigmoid。

**测试：**
- 输出形状 $[B,\\text{numClasses}]$（或 $[B,1]$），概率和为 1；
- 同一条序列在不同填充长度下输出相同（掩码生效）；
- 在可学的合成任务上几步训练后损失下降；
- 保存再加载，输出逐元素相同；
- 每个非法选项抛出 \`ConfigError\` 并指明字段；无张量泄漏。`,
        en: `**Structure:**
1. \`Embedding(vocabularySize, embeddingDim, { maskZero: true })\`: index 0 reserved for padding, the mask flows to the recurrent layers.
2. Recurrent layers: \`cell: 'lstm' | 'gru' | 'simple'\`, \`units\`, \`layers\` (all but the last with \`returnSequences: true\`), \`bidirectional\`, \`dropout\`/\`recurrentDropout\`.
3. Pooling: by default the last unmasked state (forward end + backward end when bidirectional); masked mean or attention pooling for long texts.
4. Output: \`Dense(1, sigmoid)\` + binary cross-entropy when \`numClasses === 2\`, else \`Dense(numClasses, softmax)\` + sparse cross-entropy.
5. Training: Adam, global-norm clipping (\`clipNorm\`), a fixed \`seed\` for reproducible initialisation.

**Validation:** positive integers (\`vocabularySize\`, \`embeddingDim\`, \`units\`, \`layers\`, \`numClasses >= 2\`), \`dropout\` in $[0,1)$, an enumerated \`cell\`, and misspelled keys (e.g. \`unit\`) rejected too; the error is a \`ConfigError\` naming the field, the value received and what is allowed, thrown before any tensor is created.

**Defaults** that learn common tasks out of the box: e.g. \`cell: 'lstm'\`, \`embeddingDim: 64\`, \`units: 64\`, \`layers: 1\`, forget bias 1, sigmoid gates.

**Tests:**
- output shape $[B,\\text{numClasses}]$ (or $[B,1]$), probabilities summing to 1;
- the same sequence gives the same output at any pad length (the mask works);
- loss falls after a few steps on a learnable synthetic task;
- save and reload give identical outputs;
- every bad option throws a \`ConfigError\` naming the field; no leaked tensors.`,
      },
    },
    references: [tfRnnGuide, tfMaskingGuide, kerasLstm],
    verification: [vClassifier],
  },
  {
    id: 'rnn-layer-normalization',
    topic: 'rnn',
    subtopic: 'regularization',
    tags: ['layer-normalization', 'batch-normalization', 'lstm', 'training-stability'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: `为什么批归一化（BatchNorm）很难直接用在 RNN 的循环连接上？层归一化（LayerNorm）如何用在 LSTM 里，放在哪些位置？它带来什么好处？`,
      en: `Why is batch normalisation hard to apply to an RNN's recurrent connections? How is layer normalisation used in an LSTM, and where is it placed? What does it buy?`,
    },
    answer: {
      short: {
        zh: `BatchNorm 需要按时间步分别统计均值方差：变长序列后段样本少、推理时序列可能比训练更长、还要存每步的滑动统计，小批量和在线推理都不方便。LayerNorm 在单个样本的特征维上归一化，与批大小和时间步无关，训练推理一致。在 LSTM 中通常对 $xW$、$hU$ 分别归一化，再对 $c_t$ 归一化后取 tanh（Ba et al., 2016），使门的预激活尺度稳定，收敛更快。`,
        en: `BatchNorm needs separate statistics per time step: late steps of variable-length batches have few samples, inference sequences may be longer than training ones, per-step running statistics must be stored, and small batches or online inference are awkward. LayerNorm normalises over the features of a single example, independent of batch size and time step, identical in training and inference. In an LSTM it is usually applied separately to $xW$ and $hU$, and to $c_t$ before the tanh (Ba et al., 2016), stabilising gate pre-activations and speeding convergence.`,
      },
      full: {
        zh: `**BatchNorm 的困难。** 循环层在每一步共享权重，但各步激活的统计量不同，简单地共享统计量效果差；Cooijmans et al.（2016，Recurrent BatchNorm）按时间步分别统计，并发现 $\\gamma$ 要初始化为 0.1 左右以免 tanh/sigmoid 饱和。但这带来问题：变长序列后面的时间步只有少数样本；推理时长度超过训练最大长度的步没有统计量；小批量或批大小为 1 的在线推理无法计算批统计。

**LayerNorm**（Ba, Kiros & Hinton, 2016）：对每个样本的一个向量 $a\\in\\mathbb R^u$，

$$\\operatorname{LN}(a)=\\gamma\\odot\\frac{a-\\mu}{\\sqrt{\\sigma^2+\\epsilon}}+\\beta,\\quad \\mu=\\tfrac1u\\sum_ia_i,\\ \\sigma^2=\\tfrac1u\\sum_i(a_i-\\mu)^2 .$$

与批大小、时间步无关，训练和推理完全相同。

**在 LSTM 中的位置**（Ba et al. 的 LN-LSTM）：

$$z=\\operatorname{LN}(x_tW)+\\operatorname{LN}(h_{t-1}U)+b,\\qquad c_t=f\\odot c_{t-1}+i\\odot g,\\qquad h_t=o\\odot\\tanh(\\operatorname{LN}(c_t)).$$

输入项和循环项分开归一化，避免其中一项的尺度压倒另一项。

**好处：** 各步门预激活的尺度稳定，训练更快、对学习率和初始化更不敏感，在长序列和深层堆叠中尤其明显。**代价：** 每步多几次归约运算，也无法使用 cuDNN 融合内核。Transformer 里的 LayerNorm 正是同一思想。`,
        en: `**Why BatchNorm is hard.** A recurrent layer shares weights across steps but the activation statistics differ by step, so shared statistics work poorly; Cooijmans et al. (2016, Recurrent BatchNorm) keep per-step statistics and found $\\gamma$ must start around 0.1 to avoid saturating tanh/sigmoid. That raises problems: late steps of variable-length batches have few samples; at inference, steps beyond the longest training length have no statistics; small batches or batch-size-1 online inference cannot compute batch statistics.

**LayerNorm** (Ba, Kiros & Hinton, 2016): for one example's vector $a\\in\\mathbb R^u$,

$$\\operatorname{LN}(a)=\\gamma\\odot\\frac{a-\\mu}{\\sqrt{\\sigma^2+\\epsilon}}+\\beta,\\quad \\mu=\\tfrac1u\\sum_ia_i,\\ \\sigma^2=\\tfrac1u\\sum_i(a_i-\\mu)^2 .$$

Independent of batch size and time step; identical in training and inference.

**Placement in an LSTM** (Ba et al.'s LN-LSTM):

$$z=\\operatorname{LN}(x_tW)+\\operatorname{LN}(h_{t-1}U)+b,\\qquad c_t=f\\odot c_{t-1}+i\\odot g,\\qquad h_t=o\\odot\\tanh(\\operatorname{LN}(c_t)).$$

The input and recurrent terms are normalised separately so that neither swamps the other.

**Benefits:** stable gate pre-activation scales at every step, faster training, less sensitivity to learning rate and initialisation — especially with long sequences and deep stacks. **Costs:** a few extra reductions per step, and no cuDNN fused kernel. The LayerNorm in Transformers is the same idea.`,
      },
    },
    references: [
      { title: 'Layer Normalization', authors: 'Ba, Kiros & Hinton', year: 2016, arxiv: '1607.06450' },
      { title: 'Recurrent Batch Normalization', authors: 'Cooijmans et al.', year: 2016, arxiv: '1603.09025' },
    ],
  },
  // ===================================================================================
  // Language models, decoding and seq2seq.
  // ===================================================================================
  {
    id: 'rnn-perplexity-cross-entropy',
    topic: 'rnn',
    subtopic: 'language-model',
    tags: ['perplexity', 'cross-entropy', 'bits-per-character', 'language-model'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: `字符级语言模型在验证集上的平均交叉熵为 1.2 nats/字符。它的困惑度和比特/字符（bpc）是多少？词表有 65 个字符时，均匀猜测的交叉熵和困惑度是多少？困惑度直观上表示什么？`,
      en: `A character language model has an average validation cross-entropy of 1.2 nats per character. What are its perplexity and bits per character (bpc)? With a 65-character vocabulary, what are the cross-entropy and perplexity of uniform guessing? What does perplexity mean intuitively?`,
    },
    answer: {
      short: {
        zh: `困惑度 $e^{1.2}\\approx3.32$，bpc $=1.2/\\ln2\\approx1.731$。均匀猜测：交叉熵 $\\ln65\\approx4.174$ nats，困惑度 65。困惑度是"模型平均在多少个等可能选项中犹豫"：3.32 意味着模型的不确定性相当于每步在约 3.3 个字符间均匀选择。`,
        en: `Perplexity $e^{1.2}\\approx3.32$, bpc $=1.2/\\ln2\\approx1.731$. Uniform guessing: cross-entropy $\\ln65\\approx4.174$ nats, perplexity 65. Perplexity is the effective number of equally likely choices: 3.32 means the model is as uncertain as a uniform choice among about 3.3 characters at each step.`,
      },
      full: {
        zh: `**定义。** 对长度为 $N$ 的测试序列，平均交叉熵（负对数似然）$H=-\\frac1N\\sum_t\\ln p(x_t\\mid x_{<t})$，困惑度 $\\operatorname{PPL}=e^{H}$（以 2 为底时 $2^{H_{\\text{bits}}}$，结果相同）。

**计算：**
- $\\operatorname{PPL}=e^{1.2}\\approx3.320$；
- bpc $=H/\\ln2=1.2/0.6931\\approx1.731$；
- 均匀分布：$H=\\ln65\\approx4.174$ nats（约 6.02 bits），$\\operatorname{PPL}=65$。

**直观含义：** 若模型每步都在 $k$ 个字符上均匀分布（正确答案在其中），困惑度正好是 $k$。所以困惑度是"有效分支数"，1 表示完全确定，词表大小表示什么都没学到。

**注意事项：**
- 必须与损失使用相同的对数底；tfjs/Keras 的交叉熵是自然对数。
- 困惑度只能在**相同词表和切分方式**下比较：字符级和词级的数值不可直接比（见另一题的换算）。
- 平均要按真实 token 数（掩码后）计算，不要把填充位置算进去。
- 低得不真实的困惑度（接近 1）通常意味着信息泄露，如目标没有右移或用了双向 RNN。`,
        en: `**Definition.** For a test sequence of length $N$, the average cross-entropy (negative log-likelihood) is $H=-\\frac1N\\sum_t\\ln p(x_t\\mid x_{<t})$ and perplexity is $\\operatorname{PPL}=e^{H}$ (equivalently $2^{H_{\\text{bits}}}$).

**Numbers:**
- $\\operatorname{PPL}=e^{1.2}\\approx3.320$;
- bpc $=H/\\ln2=1.2/0.6931\\approx1.731$;
- uniform: $H=\\ln65\\approx4.174$ nats (about 6.02 bits), $\\operatorname{PPL}=65$.

**Intuition:** if the model spread its probability uniformly over $k$ characters (including the right one) at every step, its perplexity would be exactly $k$. Perplexity is an effective branching factor: 1 means certainty, the vocabulary size means nothing was learned.

**Caveats:**
- Use the same log base as the loss; tfjs/Keras cross-entropies use natural logs.
- Perplexities are comparable only with the **same vocabulary and tokenisation**: character- and word-level numbers are not directly comparable (see the conversion question).
- Average over real tokens (after masking), never over padding.
- A suspiciously low perplexity (near 1) usually means a leak, such as unshifted targets or a bidirectional RNN.`,
      },
    },
    references: [
      { title: 'Generating Sequences With Recurrent Neural Networks', authors: 'Graves', year: 2013, arxiv: '1308.0850' },
      { title: 'Recurrent neural network based language model', authors: 'Mikolov et al.', year: 2010, url: 'https://www.isca-archive.org/interspeech_2010/mikolov10_interspeech.html' },
    ],
    verification: [
      vCharLanguageModel,
      { package: '@dl/softmax-attention', export: 'softmaxCrossEntropy', test: 'packages/softmax-attention/src/ops/softmax-cross-entropy.test.ts', status: 'verified' },
    ],
  },
  {
    id: 'rnn-bpc-to-word-perplexity',
    topic: 'rnn',
    subtopic: 'language-model',
    tags: ['perplexity', 'bits-per-character', 'tokenization', 'evaluation'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: `一个字符级模型在某英文测试集上达到 1.3 bpc，一个词级模型的困惑度是 120。该测试集平均每个词（含后面的空格）5.6 个字符。哪个模型更好？推导换算公式，并说明这种比较需要满足什么条件。`,
      en: `A character-level model reaches 1.3 bpc on an English test set, and a word-level model has perplexity 120. The test set averages 5.6 characters per word (including the following space). Which model is better? Derive the conversion and state what the comparison requires.`,
    },
    answer: {
      short: {
        zh: `两者都给出整段文本的概率，总信息量相同才可比：每词比特数 $=1.3\\times5.6=7.28$，等价词级困惑度 $2^{7.28}\\approx155$。155 > 120，所以词级模型更好。前提：同一段原始文本、字符模型的总比特数覆盖了所有字符（含空格和换行），词级模型没有用 \`<unk>\` 回避罕见词。`,
        en: `Both assign a probability to the whole text, so compare total information: bits per word $=1.3\\times5.6=7.28$, an equivalent word perplexity of $2^{7.28}\\approx155$. 155 > 120, so the word-level model is better. Requires: the same raw text, the character model's bits covering every character (spaces and newlines included), and the word model not dodging rare words with \`<unk>\`.`,
      },
      full: {
        zh: `**推导。** 两个模型都对同一段文本 $S$ 给出概率。字符模型：$-\\log_2p(S)=\\text{bpc}\\times N_{\\text{char}}$；词级模型：$-\\log_2p(S)=\\log_2(\\operatorname{PPL}_w)\\times N_{\\text{word}}$。令二者相等：

$$\\operatorname{PPL}_w^{\\text{等价}}=2^{\\text{bpc}\\cdot N_{\\text{char}}/N_{\\text{word}}} .$$

**计算：** $1.3\\times5.6=7.28$ 比特/词，$2^{7.28}\\approx155.4$（$\\ln$ 形式：$e^{7.28\\ln2}=e^{5.046}$）。词级模型 120 对应 $\\log_2120\\approx6.91$ 比特/词，更少，所以词级模型更好。

**敏感性：** 指数关系使小差异被放大：bpc 从 1.3 降到 1.2，等价困惑度就从 155 降到 $2^{6.72}\\approx105$，反超词级模型。

**条件：**
- 同一份原始文本、同样的预处理（大小写、标点）。
- 字符数要包含词间空格、换行等所有被预测的字符；$N_{\\text{char}}/N_{\\text{word}}$ 用真实计数。
- 词级模型若把罕见词映射为 \`<unk>\`，它预测的是更简单的问题，其困惑度偏乐观，不能与开放词表的字符模型直接比。
- 子词模型（BPE）同理：按总比特数（或每字节比特数）比较。`,
        en: `**Derivation.** Both models assign a probability to the same text $S$. Character model: $-\\log_2p(S)=\\text{bpc}\\times N_{\\text{char}}$; word model: $-\\log_2p(S)=\\log_2(\\operatorname{PPL}_w)\\times N_{\\text{word}}$. Equating them:

$$\\operatorname{PPL}_w^{\\text{equiv}}=2^{\\text{bpc}\\cdot N_{\\text{char}}/N_{\\text{word}}} .$$

**Numbers:** $1.3\\times5.6=7.28$ bits per word, $2^{7.28}\\approx155.4$ (in natural logs, $e^{7.28\\ln2}=e^{5.046}$). Perplexity 120 is $\\log_2120\\approx6.91$ bits per word — fewer, so the word-level model is better.

**Sensitivity:** the exponential magnifies small differences: going from 1.3 to 1.2 bpc takes the equivalent perplexity from 155 to $2^{6.72}\\approx105$, ahead of the word model.

**Requirements:**
- the same raw text and preprocessing (case, punctuation);
- the character count includes spaces, newlines and every other predicted character; use the true $N_{\\text{char}}/N_{\\text{word}}$;
- a word model that maps rare words to \`<unk>\` solves an easier problem and its perplexity is optimistic; it cannot be compared directly with an open-vocabulary character model;
- the same holds for subword (BPE) models: compare total bits (or bits per byte).`,
      },
    },
    references: [
      { title: 'Generating Sequences With Recurrent Neural Networks', authors: 'Graves', year: 2013, arxiv: '1308.0850' },
      { title: 'Character-Aware Neural Language Models', authors: 'Kim, Jernite, Sontag & Rush', year: 2015, arxiv: '1508.06615' },
    ],
    verification: [vCharLanguageModel],
  },
  {
    id: 'rnn-char-language-model',
    topic: 'rnn',
    subtopic: 'language-model',
    tags: ['char-rnn', 'language-model', 'text-generation', 'tfjs'],
    kind: 'coding',
    difficulty: 3,
    prompt: {
      zh: `实现一个字符级 LSTM 语言模型并用它生成文本：词表与编码、训练样本的构造、模型结构、损失，以及逐字符生成的循环。生成时如何避免每步重新处理整个前缀？`,
      en: `Implement a character-level LSTM language model and generate text with it: vocabulary and encoding, building training examples, the model, the loss, and the character-by-character generation loop. How do you avoid reprocessing the whole prefix at every generation step?`,
    },
    answer: {
      short: {
        zh: `把文本中出现的字符排序建词表；用长度 $T+1$ 的窗口切样本，输入取前 $T$ 个、目标取后 $T$ 个（右移一位）；\`Embedding\` → \`LSTM(returnSequences)\` → \`Dense(V)\`，对每个位置做稀疏 softmax 交叉熵。生成时用种子文本预热状态，之后每步只喂入上一个字符并携带 $(h,c)$，从 \`softmax(logits/T)\` 中采样。见 \`createCharLanguageModel\` 与 \`generateText\`。`,
        en: `Build the vocabulary from the sorted set of characters; cut windows of length $T+1$, input = first $T$, target = last $T$ (shifted by one); \`Embedding\` → \`LSTM(returnSequences)\` → \`Dense(V)\` with sparse softmax cross-entropy at every position. To generate, warm the state up on the seed text, then feed only the last character each step while carrying $(h,c)$, sampling from \`softmax(logits/T)\`. See \`createCharLanguageModel\` and \`generateText\`.`,
      },
      full: {
        zh: `**数据。** 词表 $V$ = 文本中出现的全部字符（排序以保证可复现），另留一个未知字符。编码为整数序列后，用步长 $s$ 切出长 $T+1$ 的窗口：$x=w_{0..T-1}$，$y=w_{1..T}$。目标必须右移一位，否则模型只学会复制输入。

**模型：**

\`\`\`ts
const model = tf.sequential();
model.add(tf.layers.embedding({ inputDim: V, outputDim: 64, inputLength: T }));
model.add(tf.layers.lstm({ units: 256, returnSequences: true, recurrentActivation: 'sigmoid' }));
model.add(tf.layers.dense({ units: V }));   // logits
// 损失：每个位置的稀疏 softmax 交叉熵（从 logits 计算），按位置平均
\`\`\`

训练用 Adam 与梯度裁剪；长文本可用截断 BPTT（有状态）。

**生成：** 每步重新处理整个前缀的代价是 $O(n^2)$。正确做法是把 RNN 当作状态机：
1. 用种子文本跑一遍，得到 $(h,c)$；
2. 循环：只输入上一个字符和当前状态，得到 logits 与新状态；计算 $p=\\operatorname{softmax}(z/T)$，按 $p$ 采样下一个字符（用带种子的随机数以便复现）；
3. 新状态替换旧状态，释放旧张量。

每步代价 $O(1)$（与已生成长度无关），这正是 RNN 相对 Transformer 在生成时的优势。

**测试：** 模型输出形状 $[B,T,V]$；在很小的重复文本（如 "abcabc…"）上训练几步后损失下降并能续写正确模式；相同 \`seed\` 生成相同文本；温度趋近 0 时等价于贪心解码。`,
        en: `**Data.** Vocabulary $V$ = every character in the text (sorted for reproducibility), plus an unknown symbol. After encoding, cut windows of length $T+1$ with stride $s$: $x=w_{0..T-1}$, $y=w_{1..T}$. The target must be shifted by one, or the model merely learns to copy its input.

**Model:**

\`\`\`ts
const model = tf.sequential();
model.add(tf.layers.embedding({ inputDim: V, outputDim: 64, inputLength: T }));
model.add(tf.layers.lstm({ units: 256, returnSequences: true, recurrentActivation: 'sigmoid' }));
model.add(tf.layers.dense({ units: V }));   // logits
// loss: sparse softmax cross-entropy from logits at every position, averaged
\`\`\`

Train with Adam and gradient clipping; for long texts use truncated BPTT (stateful).

**Generation:** reprocessing the whole prefix each step costs $O(n^2)$. Treat the RNN as a state machine instead:
1. run the seed text once to get $(h,c)$;
2. loop: feed only the last character and the current state, get logits and a new state; compute $p=\\operatorname{softmax}(z/T)$ and sample the next character (with a seeded generator for reproducibility);
3. replace the old state with the new one and dispose the old tensors.

Each step costs $O(1)$ regardless of how much has been generated — the RNN's advantage over a Transformer at generation time.

**Tests:** output shape $[B,T,V]$; on a tiny repetitive text ("abcabc…") the loss falls within a few steps and the model continues the pattern; the same \`seed\` generates the same text; temperature near 0 behaves like greedy decoding.`,
      },
    },
    references: [
      { title: 'Generating Sequences With Recurrent Neural Networks', authors: 'Graves', year: 2013, arxiv: '1308.0850' },
      { title: 'Generating Text with Recurrent Neural Networks', authors: 'Sutskever, Martens & Hinton', year: 2011, url: 'https://icml.cc/2011/papers/524_icmlpaper.pdf' },
      { title: 'The Unreasonable Effectiveness of Recurrent Neural Networks', authors: 'Karpathy', year: 2015, url: 'https://karpathy.github.io/2015/05/21/rnn-effectiveness/' },
    ],
    verification: [vCharLanguageModel, vGenerateText],
  },
  {
    id: 'rnn-char-lm-unshifted-targets',
    topic: 'rnn',
    subtopic: 'language-model',
    tags: ['language-model', 'targets', 'off-by-one', 'debugging'],
    kind: 'debug',
    difficulty: 2,
    prompt: {
      zh: `一个字符级 LSTM 语言模型训练一个纪元后损失就降到 0.01，准确率 99.9%，但生成的文本只是不断重复种子文本的最后一个字符。最可能的 bug 是什么？怎样写一个测试提前发现？`,
      en: `A character-level LSTM language model reaches loss 0.01 and 99.9% accuracy after one epoch, but generation just repeats the seed text's last character forever. What is the most likely bug, and what test would have caught it?`,
    },
    answer: {
      short: {
        zh: `目标没有右移：$y_t=x_t$，模型学的是恒等映射（"复制当前字符"），所以损失几乎为 0；生成时把预测喂回去，就一直输出同一个字符。修复：$x=w_{0..T-1}$，$y=w_{1..T}$。测试：断言每个样本的 $y_t=x_{t+1}$；以及"损失低得不真实"的检查——真实英文的字符级交叉熵很难低于约 1 bpc。`,
        en: `The targets are not shifted: $y_t=x_t$, so the model learns the identity ("copy the current character") and the loss goes to nearly 0; fed its own predictions, it repeats the same character. Fix: $x=w_{0..T-1}$, $y=w_{1..T}$. Tests: assert $y_t=x_{t+1}$ for every example, and a sanity bound — real English character-level cross-entropy rarely goes below about 1 bpc.`,
      },
      full: {
        zh: `**诊断。** 损失 0.01 nats/字符约等于 0.014 bpc，远低于任何真实文本的熵（英文字符级最好的模型也在 1 bpc 左右）。这么低只可能是在预测已经看到的信息。最常见的原因是目标与输入是同一个窗口：\`y = x\`，而不是右移一位。模型只需在每个位置输出当前输入字符，一层 Embedding + Dense 就能做到。

**为什么生成时重复。** 生成时把预测的字符作为下一步输入，而模型学到的是"输出 = 输入"，于是永远输出种子的最后一个字符。

**修复：** 从长 $T+1$ 的窗口取 $x=w_{0..T-1}$、$y=w_{1..T}$；或者 $y_t$ 是"下一个字符"的索引。

**其他会导致类似"好得不真实"的 bug：** 双向 RNN（反向状态读到了 $x_{t+1}$）；训练集与验证集有大量重叠的窗口（步长 $s<T$ 时切分要在窗口生成之前按文本位置划分）。

**测试：**
- 数据管线单元测试：对一个已知字符串（如 "hello"），断言输入是 "hell"、目标是 "ello"；
- 模型的因果性测试：改变位置 $t$ 之后的输入，位置 $t$ 的输出不应改变；
- 合理性检查：训练损失若低于某个阈值（如 0.3 bpc）就报警。`,
        en: `**Diagnosis.** A loss of 0.01 nats per character is about 0.014 bpc, far below the entropy of any real text (the best English character models are around 1 bpc). Such a number means the model predicts information it has already seen. The usual cause: the target is the same window as the input, \`y = x\`, not shifted by one. The model only has to output the current input character at each position — an Embedding plus a Dense layer can do that.

**Why generation repeats.** Generation feeds each predicted character back as the next input, and the model learned "output = input", so it emits the seed's last character forever.

**Fix:** from a window of length $T+1$ take $x=w_{0..T-1}$ and $y=w_{1..T}$, i.e. $y_t$ is the index of the next character.

**Other bugs with "too good to be true" losses:** a bidirectional RNN (the backward state has read $x_{t+1}$); heavily overlapping windows shared between training and validation (with stride $s<T$, split by text position before cutting windows).

**Tests:**
- a data-pipeline unit test: for a known string ("hello"), assert the input is "hell" and the target "ello";
- a causality test: changing inputs after position $t$ must not change the output at $t$;
- a sanity alarm if the training loss drops below some floor (e.g. 0.3 bpc).`,
      },
    },
    references: [{ title: 'The Unreasonable Effectiveness of Recurrent Neural Networks', authors: 'Karpathy', year: 2015, url: 'https://karpathy.github.io/2015/05/21/rnn-effectiveness/' }, dlbRnn],
    verification: [vCharLanguageModel],
  },
  {
    id: 'rnn-sampling-temperature',
    topic: 'rnn',
    subtopic: 'decoding',
    tags: ['temperature', 'sampling', 'softmax', 'text-generation'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: `语言模型在某一步的 logits 为 $(2,1,0)$。计算温度 $T=1,\\ 0.5,\\ 0.2,\\ 2$ 时的采样分布。温度如何影响生成文本？$T\\to0$ 和 $T\\to\\infty$ 的极限是什么？`,
      en: `At some step a language model's logits are $(2,1,0)$. Compute the sampling distribution at temperatures $T=1,\\ 0.5,\\ 0.2,\\ 2$. How does temperature affect generated text, and what are the limits $T\\to0$ and $T\\to\\infty$?`,
    },
    answer: {
      short: {
        zh: `$p=\\operatorname{softmax}(z/T)$：$T=1$ 为 $(0.665,0.245,0.090)$；$T=0.5$ 为 $(0.867,0.117,0.016)$；$T=0.2$ 为 $(0.9933,0.0067,0.00005)$；$T=2$ 为 $(0.506,0.307,0.186)$。低温更保守、重复，高温更多样也更多错误。$T\\to0$ 退化为贪心（argmax），$T\\to\\infty$ 趋于均匀分布。`,
        en: `$p=\\operatorname{softmax}(z/T)$: $T=1$ gives $(0.665,0.245,0.090)$; $T=0.5$ $(0.867,0.117,0.016)$; $T=0.2$ $(0.9933,0.0067,0.00005)$; $T=2$ $(0.506,0.307,0.186)$. Low temperature is conservative and repetitive; high temperature is more varied and makes more mistakes. $T\\to0$ becomes greedy (argmax), $T\\to\\infty$ uniform.`,
      },
      full: {
        zh: `**公式。** $p_i=\\dfrac{e^{z_i/T}}{\\sum_je^{z_j/T}}$。相邻两项之比 $p_i/p_j=e^{(z_i-z_j)/T}$：温度缩放的是 logit 差。

**计算**（$z=(2,1,0)$）：

| $T$ | $p_1$ | $p_2$ | $p_3$ |
|---|---|---|---|
| 2 | 0.506 | 0.307 | 0.186 |
| 1 | 0.665 | 0.245 | 0.090 |
| 0.5 | 0.867 | 0.117 | 0.016 |
| 0.2 | 0.9933 | 0.0067 | 0.000045 |

**对文本的影响：** 字符级模型在 $T=0.2$ 时几乎总取最可能的字符，文本通顺但很快陷入重复（如 "the the the"）；$T=1$ 是模型本身的分布，多样但有拼写错误；$T>1$ 会产生大量不存在的词。常见的折中在 0.5～0.8。

**极限：** $T\\to0^+$ 时分布集中到最大 logit 上（贪心解码，若有并列则在并列项间均分）；$T\\to\\infty$ 时所有 $z_i/T\\to0$，分布趋于均匀。

**实现细节：** 用 \`logits / T\` 再做数值稳定的 softmax（减最大值），$T$ 很小时直接 softmax 会溢出。温度不改变概率的排序，只改变分布的尖锐程度；top-k、top-p（nucleus）采样则是截断低概率尾部，可与温度组合使用。`,
        en: `**Formula.** $p_i=\\dfrac{e^{z_i/T}}{\\sum_je^{z_j/T}}$. The ratio of two entries is $p_i/p_j=e^{(z_i-z_j)/T}$: temperature scales the logit differences.

**Numbers** ($z=(2,1,0)$):

| $T$ | $p_1$ | $p_2$ | $p_3$ |
|---|---|---|---|
| 2 | 0.506 | 0.307 | 0.186 |
| 1 | 0.665 | 0.245 | 0.090 |
| 0.5 | 0.867 | 0.117 | 0.016 |
| 0.2 | 0.9933 | 0.0067 | 0.000045 |

**Effect on text:** at $T=0.2$ a character model almost always takes the most likely character: fluent but soon stuck in loops ("the the the"); $T=1$ is the model's own distribution, varied with spelling errors; $T>1$ produces many non-words. A common compromise is 0.5–0.8.

**Limits:** as $T\\to0^+$ the mass concentrates on the largest logit (greedy decoding; split evenly among ties); as $T\\to\\infty$ every $z_i/T\\to0$ and the distribution becomes uniform.

**Implementation:** divide the logits by $T$, then use a numerically stable softmax (subtract the max) — a naive softmax overflows for small $T$. Temperature preserves the ranking and only sharpens or flattens; top-k and top-p (nucleus) sampling truncate the low-probability tail and combine with temperature.`,
      },
    },
    references: [
      { title: 'The Curious Case of Neural Text Degeneration', authors: 'Holtzman et al.', year: 2019, arxiv: '1904.09751' },
      { title: 'Generating Sequences With Recurrent Neural Networks', authors: 'Graves', year: 2013, arxiv: '1308.0850' },
    ],
    verification: [
      vGenerateText,
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
    ],
  },
  {
    id: 'rnn-beam-search',
    topic: 'rnn',
    subtopic: 'decoding',
    tags: ['beam-search', 'greedy-decoding', 'length-normalization', 'seq2seq'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: `用一个小例子说明贪心解码为何会错过最优序列、束搜索（beam width 2）如何找回它：第一步 $P(A)=0.5,P(B)=0.4,P(C)=0.1$；$P(\\cdot\\mid A)$：$X\\,0.4,\\ Y\\,0.35,\\ Z\\,0.25$；$P(\\cdot\\mid B)$：$X\\,0.9,\\ Y\\,0.1$；$P(X\\mid C)=1$，两步后结束。束搜索有什么已知问题，长度归一化怎么做？`,
      en: `Use a small example to show why greedy decoding can miss the best sequence and how beam search (width 2) recovers it: step 1 $P(A)=0.5,P(B)=0.4,P(C)=0.1$; $P(\\cdot\\mid A)$: $X\\,0.4,\\ Y\\,0.35,\\ Z\\,0.25$; $P(\\cdot\\mid B)$: $X\\,0.9,\\ Y\\,0.1$; $P(X\\mid C)=1$; sequences end after two steps. What are beam search's known problems, and how is length normalisation done?`,
    },
    answer: {
      short: {
        zh: `贪心先选 $A$（0.5），再选 $X$，得 $AX=0.20$。束宽 2 保留 $A,B$，扩展后 $BX=0.36$、$AX=0.20$、$AY=0.175$……取最优 $BX=0.36$，这也是全局最优。束搜索仍是近似；得分 $\\sum\\log p$ 偏向短序列，常除以长度（或 GNMT 的 $((5+|y|)/6)^\\alpha$）；束宽过大时译文质量反而下降，生成文本也容易重复、乏味。`,
        en: `Greedy takes $A$ (0.5) then $X$: $AX=0.20$. Width 2 keeps $A,B$; expanding gives $BX=0.36$, $AX=0.20$, $AY=0.175$, … and the best, $BX=0.36$, is also the global optimum. Beam search remains approximate; the score $\\sum\\log p$ favours short outputs, so it is divided by length (or GNMT's $((5+|y|)/6)^\\alpha$); very wide beams can lower translation quality, and open-ended text from beam search tends to be repetitive and bland.`,
      },
      full: {
        zh: `**所有序列的概率：** $BX=0.4\\times0.9=0.36$，$AX=0.20$，$AY=0.175$，$AZ=0.125$，$CX=0.10$，$BY=0.04$。

**贪心：** 第一步取最大的 $A$，第二步取 $X$，得 $AX=0.20$——它在第一步"看起来最好"，但 $A$ 之后的分布很平；$B$ 虽然起点稍低，后续却很确定。

**束搜索（宽 2）：** 第一步保留 $\\{A:0.5,B:0.4\\}$；第二步扩展出 $AX\\,0.20,\\ AY\\,0.175,\\ AZ\\,0.125,\\ BX\\,0.36,\\ BY\\,0.04$，保留前两个 $\\{BX,AX\\}$，最终输出 $BX=0.36$。实现中用对数概率相加（$\\ln0.36=-1.02$ 对 $\\ln0.20=-1.61$）避免下溢。

**已知问题：**
- **长度偏置：** 每多一个词就多乘一个 $<1$ 的概率，未归一化的束搜索偏爱短句。常用长度归一化 $\\frac{1}{|y|^\\alpha}\\sum\\log p$，或 GNMT 的 $lp(y)=\\frac{(5+|y|)^\\alpha}{(5+1)^\\alpha}$，$\\alpha\\approx0.6\\sim0.7$，并可加覆盖惩罚（Wu et al., 2016）。
- **束越宽未必越好：** Koehn & Knowles（2017）观察到束宽增大到一定程度后 BLEU 下降，部分原因正是偏向短输出。
- **开放式生成：** 对故事、对话等，束搜索（最大化似然）产生重复、空洞的文本，采样（温度、top-p）更合适（Holtzman et al., 2019）。
- 代价：每步 $k$ 倍计算，RNN 解码器需要为每个候选保存一份状态。`,
        en: `**Every sequence:** $BX=0.4\\times0.9=0.36$, $AX=0.20$, $AY=0.175$, $AZ=0.125$, $CX=0.10$, $BY=0.04$.

**Greedy:** takes the largest first token $A$, then $X$: $AX=0.20$. $A$ "looks best" at step 1, but what follows it is flat; $B$ starts a little lower and is then very confident.

**Beam search (width 2):** step 1 keeps $\\{A:0.5,B:0.4\\}$; step 2 expands to $AX\\,0.20,\\ AY\\,0.175,\\ AZ\\,0.125,\\ BX\\,0.36,\\ BY\\,0.04$ and keeps the top two $\\{BX,AX\\}$; the output is $BX=0.36$. In practice add log-probabilities ($\\ln0.36=-1.02$ vs $\\ln0.20=-1.61$) to avoid underflow.

**Known problems:**
- **Length bias:** each extra token multiplies by a probability below 1, so unnormalised beam search prefers short outputs. Use length normalisation $\\frac{1}{|y|^\\alpha}\\sum\\log p$ or GNMT's $lp(y)=\\frac{(5+|y|)^\\alpha}{(5+1)^\\alpha}$ with $\\alpha\\approx0.6\\sim0.7$, optionally with a coverage penalty (Wu et al., 2016).
- **Wider is not always better:** Koehn & Knowles (2017) saw BLEU fall as the beam grows past a point, partly because of the short-output bias.
- **Open-ended generation:** for stories or dialogue, beam search (maximising likelihood) gives repetitive, bland text; sampling (temperature, top-p) fits better (Holtzman et al., 2019).
- Cost: $k$ times the compute per step, and an RNN decoder keeps one state per hypothesis.`,
      },
    },
    references: [
      sutskever2014,
      { title: "Google's Neural Machine Translation System: Bridging the Gap between Human and Machine Translation", authors: 'Wu et al.', year: 2016, arxiv: '1609.08144' },
      { title: 'Six Challenges for Neural Machine Translation', authors: 'Koehn & Knowles', year: 2017, arxiv: '1706.03872' },
      { title: 'The Curious Case of Neural Text Degeneration', authors: 'Holtzman et al.', year: 2019, arxiv: '1904.09751' },
    ],
  },
  {
    id: 'rnn-seq2seq-attention-numeric',
    topic: 'rnn',
    subtopic: 'seq2seq',
    tags: ['attention', 'seq2seq', 'context-vector', 'worked-example'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `一个带点积注意力（Luong 式）的 seq2seq 解码器，当前解码器状态 $s=(1,0)$，编码器状态 $h_1=(1,0),\\ h_2=(0,1),\\ h_3=(1,1)$。计算注意力分数、权重和上下文向量；再按缩放点积（除以 $\\sqrt d$，$d=2$）算一遍。上下文向量接下来怎么用？`,
      en: `A seq2seq decoder with (Luong-style) dot-product attention has decoder state $s=(1,0)$ and encoder states $h_1=(1,0),\\ h_2=(0,1),\\ h_3=(1,1)$. Compute the scores, the weights and the context vector; then again with scaled dot products (divide by $\\sqrt d$, $d=2$). How is the context vector used next?`,
    },
    answer: {
      short: {
        zh: `分数 $s\\cdot h_j=(1,0,1)$，权重 $\\operatorname{softmax}=(0.4223,0.1554,0.4223)$，上下文 $c=\\sum_j\\alpha_jh_j=(0.8446,0.5777)$。缩放后分数 $(0.7071,0,0.7071)$，权重 $(0.4011,0.1978,0.4011)$，$c=(0.8022,0.5989)$。Luong 把 $[c;s]$ 经 $\\tanh(W_c[c;s])$ 得到注意力隐藏状态，再接 softmax 预测下一个词。`,
        en: `Scores $s\\cdot h_j=(1,0,1)$, weights $\\operatorname{softmax}=(0.4223,0.1554,0.4223)$, context $c=\\sum_j\\alpha_jh_j=(0.8446,0.5777)$. Scaled: scores $(0.7071,0,0.7071)$, weights $(0.4011,0.1978,0.4011)$, $c=(0.8022,0.5989)$. Luong combines $[c;s]$ as $\\tanh(W_c[c;s])$ into an attentional hidden state that feeds the softmax over the next word.`,
      },
      full: {
        zh: `**点积分数：** $e_j=s^\\top h_j$：$e=(1,0,1)$。

**权重：** $\\alpha=\\operatorname{softmax}(e)=\\dfrac{(e,1,e)}{2e+1}=(0.4223,0.1554,0.4223)$。

**上下文：** $c=0.4223(1,0)+0.1554(0,1)+0.4223(1,1)=(0.8446,0.5777)$。

**缩放点积**（Transformer 的做法）：$e/\\sqrt2=(0.7071,0,0.7071)$，$\\alpha=(0.4011,0.1978,0.4011)$，$c=(0.8022,0.5989)$。缩放让分布更平；在维度大时它防止 softmax 饱和，这里 $d=2$ 影响不大。

**接下来：** Luong et al.（2015）的"全局注意力"在当前步用 $s_t$ 计算注意力，得到 $c_t$ 后计算 $\\tilde s_t=\\tanh(W_c[c_t;s_t])$，再 $p(y_t)=\\operatorname{softmax}(W_s\\tilde s_t)$；"input feeding" 还把 $\\tilde s_t$ 拼到下一步的输入中。Bahdanau 式则用上一步的 $s_{t-1}$ 和加性打分，先算 $c_t$ 再更新 RNN 状态。

**掩码：** 源句有填充时，填充位置的分数应在 softmax 之前设为很大的负数，否则权重会分给填充。`,
        en: `**Dot-product scores:** $e_j=s^\\top h_j$: $e=(1,0,1)$.

**Weights:** $\\alpha=\\operatorname{softmax}(e)=\\dfrac{(e,1,e)}{2e+1}=(0.4223,0.1554,0.4223)$.

**Context:** $c=0.4223(1,0)+0.1554(0,1)+0.4223(1,1)=(0.8446,0.5777)$.

**Scaled dot product** (as in the Transformer): $e/\\sqrt2=(0.7071,0,0.7071)$, $\\alpha=(0.4011,0.1978,0.4011)$, $c=(0.8022,0.5989)$. Scaling flattens the distribution; in high dimensions it keeps the softmax from saturating, while at $d=2$ it matters little.

**Next:** Luong et al.'s (2015) global attention uses the current $s_t$ to attend, then computes $\\tilde s_t=\\tanh(W_c[c_t;s_t])$ and $p(y_t)=\\operatorname{softmax}(W_s\\tilde s_t)$; "input feeding" also concatenates $\\tilde s_t$ to the next step's input. Bahdanau-style attention instead scores with the previous $s_{t-1}$ additively and computes $c_t$ before updating the RNN state.

**Masking:** with padded sources, set the scores at pad positions to a large negative number before the softmax, or weight goes to padding.`,
      },
    },
    references: [
      { title: 'Effective Approaches to Attention-based Neural Machine Translation', authors: 'Luong, Pham & Manning', year: 2015, arxiv: '1508.04025' },
      bahdanau2014,
      vaswani2017,
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
    ],
  },
  {
    id: 'rnn-luong-vs-bahdanau',
    topic: 'rnn',
    subtopic: 'seq2seq',
    tags: ['attention', 'bahdanau', 'luong', 'seq2seq'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: `比较 Bahdanau（加性）注意力和 Luong（乘性）注意力：打分函数、用哪个解码器状态、上下文向量在计算图中的位置、计算成本。它们和 Transformer 的注意力是什么关系？`,
      en: `Compare Bahdanau (additive) and Luong (multiplicative) attention: the score function, which decoder state is used, where the context enters the computation, and the cost. How do they relate to Transformer attention?`,
    },
    answer: {
      short: {
        zh: `Bahdanau：$e_{tj}=v^\\top\\tanh(Ws_{t-1}+Uh_j)$，用上一步状态，上下文作为 RNN 的输入参与计算新状态，编码器为双向 RNN。Luong：$e_{tj}=s_t^\\top h_j$（dot）、$s_t^\\top W_ah_j$（general）或 concat，用当前状态，上下文与 $s_t$ 合并后再输出。乘性打分可以一次矩阵乘法完成，更快；两者效果相近。Transformer 的缩放点积注意力是 Luong dot 的推广，加上 $1/\\sqrt{d_k}$ 与多头。`,
        en: `Bahdanau: $e_{tj}=v^\\top\\tanh(Ws_{t-1}+Uh_j)$, using the previous state, with the context fed into the RNN to compute the new state, over a bidirectional RNN encoder. Luong: $e_{tj}=s_t^\\top h_j$ (dot), $s_t^\\top W_ah_j$ (general) or concat, using the current state, with the context combined with $s_t$ before the output. Multiplicative scores are one matmul and faster; quality is similar. The Transformer's scaled dot-product attention generalises Luong's dot score with $1/\\sqrt{d_k}$ and multiple heads.`,
      },
      full: {
        zh: `| | Bahdanau et al.（2014） | Luong et al.（2015） |
|---|---|---|
| 打分 | 加性：$v^\\top\\tanh(Ws_{t-1}+Uh_j)$ | dot $s_t^\\top h_j$；general $s_t^\\top W_ah_j$；concat |
| 查询状态 | 上一步 $s_{t-1}$ | 当前步 $s_t$ |
| 上下文的用法 | $c_t$ 与 $y_{t-1}$ 一起输入 RNN 得到 $s_t$ | $\\tilde s_t=\\tanh(W_c[c_t;s_t])$ 后输出；可 input feeding |
| 编码器 | 双向 RNN，$h_j$ 为两向拼接 | 多层单向 LSTM 的顶层 |
| 变体 | 全局 | 全局与局部（窗口）注意力 |

**成本。** 加性打分对每对 $(t,j)$ 做一次小前馈网络，$Uh_j$ 可预先算好；乘性打分对所有 $j$ 是一次矩阵乘法 $s_tH^\\top$，在 GPU 上更快、更省内存。在小维度上两者效果接近；Vaswani et al. 指出维度大时不缩放的点积表现变差，正是因为点积方差随 $d_k$ 增长使 softmax 饱和，于是引入 $1/\\sqrt{d_k}$。

**与 Transformer 的关系：** Transformer 把"解码器状态查询编码器状态"推广为查询-键-值：$\\operatorname{softmax}(QK^\\top/\\sqrt{d_k})V$，既用于编码器-解码器之间（与 RNN 注意力相同的角色），也用于序列内部（自注意力），并使用多个头。去掉循环后，所有位置可以并行计算。`,
        en: `| | Bahdanau et al. (2014) | Luong et al. (2015) |
|---|---|---|
| Score | additive: $v^\\top\\tanh(Ws_{t-1}+Uh_j)$ | dot $s_t^\\top h_j$; general $s_t^\\top W_ah_j$; concat |
| Query state | previous $s_{t-1}$ | current $s_t$ |
| Use of context | $c_t$ and $y_{t-1}$ are RNN inputs producing $s_t$ | $\\tilde s_t=\\tanh(W_c[c_t;s_t])$ feeds the output; optional input feeding |
| Encoder | bidirectional RNN, $h_j$ both directions concatenated | top layer of a stacked unidirectional LSTM |
| Variants | global | global and local (windowed) |

**Cost.** The additive score runs a small feed-forward net per pair $(t,j)$ ($Uh_j$ can be precomputed); the multiplicative score is one matmul $s_tH^\\top$ over all $j$ — faster and leaner on GPUs. At small sizes they perform similarly; Vaswani et al. note unscaled dot products degrade for large dimensions because their variance grows with $d_k$ and saturates the softmax, hence $1/\\sqrt{d_k}$.

**Relation to the Transformer:** the Transformer generalises "decoder state queries encoder states" to queries, keys and values, $\\operatorname{softmax}(QK^\\top/\\sqrt{d_k})V$, used both between encoder and decoder (the role RNN attention played) and within a sequence (self-attention), with multiple heads. Without recurrence, all positions are computed in parallel.`,
      },
    },
    references: [bahdanau2014, { title: 'Effective Approaches to Attention-based Neural Machine Translation', authors: 'Luong, Pham & Manning', year: 2015, arxiv: '1508.04025' }, vaswani2017],
  },
  {
    id: 'rnn-kv-cache-vs-recurrent-state',
    topic: 'rnn',
    subtopic: 'architecture-comparison',
    tags: ['inference-memory', 'kv-cache', 'streaming', 'transformer'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: `比较推理时的内存：一个 12 层、$d=768$ 的 Transformer 解码器在上下文长度 2048 时每条序列的 KV 缓存有多大（fp16）？同为 12 层、$u=768$ 的 LSTM 每条序列的状态有多大？每生成一个词的计算量又如何随上下文长度变化？`,
      en: `Compare inference memory: how large is the fp16 KV cache per sequence of a 12-layer, $d=768$ Transformer decoder at context length 2048? How large is the per-sequence state of a 12-layer, $u=768$ LSTM? How does the compute per generated token scale with context length?`,
    },
    answer: {
      short: {
        zh: `KV 缓存 $=2\\times L\\times n\\times d\\times2$ 字节 $=2\\cdot12\\cdot2048\\cdot768\\cdot2=75{,}497{,}472$ 字节（72 MiB），随 $n$ 线性增长；LSTM 状态 $=2\\times L\\times u\\times2=36{,}864$ 字节（36 KiB），与长度无关，约小 2000 倍。每个新词 Transformer 的注意力要读全部 $n$ 个缓存（$O(nd)$/层），LSTM 为常数 $O(u^2)$/层。`,
        en: `KV cache $=2\\times L\\times n\\times d\\times2$ bytes $=2\\cdot12\\cdot2048\\cdot768\\cdot2=75{,}497{,}472$ bytes (72 MiB), linear in $n$; LSTM state $=2\\times L\\times u\\times2=36{,}864$ bytes (36 KiB), independent of length — about 2000× smaller. Per new token a Transformer's attention reads all $n$ cached entries ($O(nd)$ per layer); the LSTM's cost is constant, $O(u^2)$ per layer.`,
      },
      full: {
        zh: `**KV 缓存。** 自回归生成时，每层要缓存之前所有位置的键和值，各 $n\\times d$：

$$2\\,(\\text{K,V})\\times12\\,(\\text{层})\\times2048\\times768\\times2\\,\\text{B}=75{,}497{,}472\\ \\text{B}=72\\ \\text{MiB}/\\text{序列}.$$

批大小 32 就是 2.3 GiB，且随上下文线性增长。

**LSTM 状态。** 每层 $h,c$ 各 $u$ 个数：$2\\times12\\times768\\times2\\,\\text{B}=36{,}864\\ \\text{B}=36$ KiB，与已经处理了多少词无关。

**每个词的计算。** Transformer：前馈和投影为 $O(d^2)$/层，注意力要与 $n$ 个缓存键做点积并加权求和，为 $O(nd)$/层，上下文越长越慢；LSTM：$O(u^2)$/层（约 $8u^2$ 次乘加），常数。

**取舍：** Transformer 训练可并行、长程依赖好学、效果好，代价是推理内存和每步计算随上下文增长；RNN 推理是真正的流式——常数内存、常数延迟，适合端侧、长时间运行的流式语音或传感器数据。线性 RNN / 状态空间模型（S4、Mamba、RWKV 等）试图两者兼得。多查询/分组查询注意力（MQA/GQA）、滑动窗口等技术则是在 Transformer 一侧缩小 KV 缓存。`,
        en: `**KV cache.** When generating, every layer caches the keys and values of all previous positions, $n\\times d$ each:

$$2\\,(\\text{K,V})\\times12\\,(\\text{layers})\\times2048\\times768\\times2\\,\\text{B}=75{,}497{,}472\\ \\text{B}=72\\ \\text{MiB per sequence}.$$

A batch of 32 needs 2.3 GiB, growing linearly with context.

**LSTM state.** $h$ and $c$ of $u$ numbers per layer: $2\\times12\\times768\\times2\\,\\text{B}=36{,}864\\ \\text{B}=36$ KiB, whatever has been read so far.

**Compute per token.** Transformer: projections and feed-forward $O(d^2)$ per layer, plus attention over $n$ cached keys and values, $O(nd)$ per layer — slower as the context grows; LSTM: $O(u^2)$ per layer (about $8u^2$ multiply-adds), constant.

**Trade-off:** Transformers train in parallel, learn long dependencies easily and perform better, at the price of inference memory and per-step compute growing with context; RNN inference is truly streaming — constant memory and latency, suited to on-device use and long-running streams of speech or sensor data. Linear RNNs / state-space models (S4, Mamba, RWKV) aim for both; multi-query/grouped-query attention (MQA/GQA) and sliding windows shrink the KV cache from the Transformer side.`,
      },
    },
    references: [
      vaswani2017,
      { title: 'Fast Transformer Decoding: One Write-Head is All You Need', authors: 'Shazeer', year: 2019, arxiv: '1911.02150' },
      { title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces', authors: 'Gu & Dao', year: 2023, arxiv: '2312.00752' },
    ],
  },
  // ===================================================================================
  // The adding problem and IRNN.
  // ===================================================================================
  {
    id: 'rnn-adding-problem-partial-memory',
    topic: 'rnn',
    subtopic: 'benchmarks',
    tags: ['adding-problem', 'baseline', 'learning-curve', 'long-term-dependencies'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: `加法问题中（两个被标记的 $U(0,1)$ 数之和，标记在前后两半各一个），不看输入的最佳常数预测 MSE 为 $1/6\\approx0.167$。若模型只记住了后一个（离末尾近的）被标记的数、对前一个只能猜均值，最优 MSE 是多少？训练曲线在 0.083 附近出现第二个平台说明什么？`,
      en: `In the adding problem (the sum of two marked $U(0,1)$ numbers, one marker in each half), the best constant prediction has MSE $1/6\\approx0.167$. If the model remembers only the second (closer to the end) marked number and must guess the mean for the first, what is the best MSE? What does a second plateau near 0.083 in the training curve say?`,
    },
    answer: {
      short: {
        zh: `预测 $u_2+0.5$，误差为 $u_1-0.5$，MSE $=\\operatorname{Var}(u_1)=1/12\\approx0.0833$。曲线先停在 0.167（只学到均值）、再停在 0.083（学会了较近的那个），最后才降到接近 0，说明模型先学会短距离依赖、最后才学会跨越约 $T/2$ 步以上的长距离依赖——这正是梯度随距离衰减的表现。`,
        en: `Predict $u_2+0.5$; the error is $u_1-0.5$ and the MSE is $\\operatorname{Var}(u_1)=1/12\\approx0.0833$. A curve that rests at 0.167 (mean only), then at 0.083 (the nearer number learned), before dropping towards 0 shows the model learning the shorter dependency first and the one spanning more than about $T/2$ steps last — gradients decaying with distance, in action.`,
      },
      full: {
        zh: `**推导。** 目标 $y=u_1+u_2$，$u_1,u_2\\sim U(0,1)$ 独立，$\\operatorname{Var}(u_i)=1/12$。

- **无记忆：** 最优常数 $\\mathbb E[y]=1$，MSE $=\\operatorname{Var}(y)=1/6\\approx0.1667$。
- **只记住 $u_2$：** 最优预测 $\\mathbb E[y\\mid u_2]=u_2+\\tfrac12$，残差 $u_1-\\tfrac12$，MSE $=\\operatorname{Var}(u_1)=1/12\\approx0.0833$。
- **只记住 $u_1$：** 同样 $1/12$。
- **两个都记住：** MSE $\\to0$。

**平台的含义。** 第二个标记在后半段，离输出较近（距离 $<T/2$），第一个在前半段（距离 $>T/2$）。BPTT 中距离越远的依赖梯度越弱，所以常见的学习顺序是：先学会输出均值（0.167），再学会较近的那个数（0.083），最后才学会远的那个。停在 0.083 说明模型能跨越约 $T/2$ 步，但还没有跨越更长的距离。

**用途：** 这些数值是判断"学到了多少记忆"的刻度。报告结果时应把测试 MSE 与 0.167、0.083 两条基线画在一起；只有明显低于 0.083（例如 < 0.01）才算真正解决了该长度的问题。`,
        en: `**Derivation.** The target is $y=u_1+u_2$ with independent $u_1,u_2\\sim U(0,1)$, $\\operatorname{Var}(u_i)=1/12$.

- **No memory:** the best constant is $\\mathbb E[y]=1$; MSE $=\\operatorname{Var}(y)=1/6\\approx0.1667$.
- **Only $u_2$ remembered:** the best prediction is $\\mathbb E[y\\mid u_2]=u_2+\\tfrac12$, residual $u_1-\\tfrac12$, MSE $=\\operatorname{Var}(u_1)=1/12\\approx0.0833$.
- **Only $u_1$:** likewise $1/12$.
- **Both:** MSE $\\to0$.

**What the plateaus mean.** The second marker lies in the second half, closer to the output (distance $<T/2$); the first lies further back (distance $>T/2$). Gradients of more distant dependencies are weaker in BPTT, so the typical order is: the mean first (0.167), then the nearer number (0.083), and the distant one last. Resting at 0.083 means the model spans about $T/2$ steps but not yet the longer distance.

**Use:** these numbers are the scale for "how much memory was learned". Plot test MSE against both baselines, 0.167 and 0.083; only clearly below 0.083 (e.g. < 0.01) has the task been solved at that length.`,
      },
    },
    references: [hochreiter1997, le2015, arjovsky2016],
    verification: [vAddingProblem],
  },
  {
    id: 'rnn-irnn-adding-construction',
    topic: 'rnn',
    subtopic: 'initialization',
    tags: ['irnn', 'relu-rnn', 'adding-problem', 'identity-init'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: `加法问题的输入每步为 $(v_t,m_t)$，$v_t\\in[0,1)$，$m_t\\in\\{0,1\\}$。构造一个 2 个单元的 ReLU RNN（$h_t=\\operatorname{relu}(x_tW+h_{t-1}U+b)$）加线性读出，使它对任意长度 $T$ 都**精确**输出被标记数之和。这个构造与 IRNN 的单位阵初始化有什么关系？为什么 tanh RNN 做不到精确？`,
      en: `The adding problem's input at each step is $(v_t,m_t)$ with $v_t\\in[0,1)$, $m_t\\in\\{0,1\\}$. Construct a 2-unit ReLU RNN ($h_t=\\operatorname{relu}(x_tW+h_{t-1}U+b)$) with a linear read-out that outputs the sum of the marked numbers **exactly** for any length $T$. How does the construction relate to the IRNN's identity initialisation, and why can a tanh RNN not be exact?`,
    },
    answer: {
      short: {
        zh: `单元 1 做门控：$h^{(1)}_t=\\operatorname{relu}(v_t+m_t-1)$，被标记时为 $v_t$，否则为 0；单元 2 做积分：$h^{(2)}_t=h^{(2)}_{t-1}+h^{(1)}_{t-1}$。即 $W=\\begin{pmatrix}1&0\\\\1&0\\end{pmatrix}$，$U=\\begin{pmatrix}0&1\\\\0&1\\end{pmatrix}$，$b=(-1,0)$，读出 $y=h^{(1)}_T+h^{(2)}_T$。积分单元的自连接权重恰为 1——单位阵初始化正是从"完美积分器"出发。tanh 有界且在 0 以外斜率小于 1，无法无损地累加。`,
        en: `Unit 1 gates: $h^{(1)}_t=\\operatorname{relu}(v_t+m_t-1)$, equal to $v_t$ when marked and 0 otherwise; unit 2 integrates: $h^{(2)}_t=h^{(2)}_{t-1}+h^{(1)}_{t-1}$. So $W=\\begin{pmatrix}1&0\\\\1&0\\end{pmatrix}$, $U=\\begin{pmatrix}0&1\\\\0&1\\end{pmatrix}$, $b=(-1,0)$ and read-out $y=h^{(1)}_T+h^{(2)}_T$. The integrator's self-weight is exactly 1 — identity initialisation starts from a perfect integrator. tanh is bounded with slope below 1 away from 0, so it cannot accumulate losslessly.`,
      },
      full: {
        zh: `**构造**（行向量约定，$x_t=(v_t,m_t)$）：

$$W=\\begin{pmatrix}1&0\\\\1&0\\end{pmatrix},\\quad U=\\begin{pmatrix}0&1\\\\0&1\\end{pmatrix},\\quad b=(-1,0),\\quad y=h^{(1)}_T+h^{(2)}_T .$$

逐单元写出：
- $h^{(1)}_t=\\operatorname{relu}(v_t+m_t-1)$：$m_t=1$ 时为 $\\operatorname{relu}(v_t)=v_t$；$m_t=0$ 时 $v_t-1<0$，为 0。它不依赖历史（$U$ 的第一列为 0）。
- $h^{(2)}_t=\\operatorname{relu}(h^{(1)}_{t-1}+h^{(2)}_{t-1})=h^{(1)}_{t-1}+h^{(2)}_{t-1}$（非负，ReLU 不起作用），$h_0=0$。

归纳得 $h^{(2)}_T=\\sum_{t<T}h^{(1)}_t$，所以 $y=\\sum_{t\\le T}h^{(1)}_t=\\sum_t m_tv_t$，对任意 $T$ 精确成立。

**与 IRNN 的关系。** Le, Jaitly & Hinton（2015）用 $U=I$、$b=0$ 初始化 ReLU RNN：初始时每个单元都是完美积分器，状态与梯度沿时间无衰减地传播（在 ReLU 的激活区内雅可比就是 $U=I$）。上面的解中积分单元的自连接恰为 1，只需从初始化出发学会"门控"单元即可——这解释了 IRNN 为何能在加法问题上与 LSTM 竞争。代价是 ReLU 无界，$U$ 的特征值稍大于 1 状态就会指数增长，所以 IRNN 需要小学习率和梯度裁剪。

**tanh 为何做不到。** tanh 的值域是 $(-1,1)$，两数之和可达 2；并且 $\\tanh(a)$ 的斜率在 $a\\ne0$ 处小于 1，累加的状态每步都会被压缩，长序列上误差累积。tanh RNN 只能近似（在小幅值的线性区工作）。`,
        en: `**Construction** (row vectors, $x_t=(v_t,m_t)$):

$$W=\\begin{pmatrix}1&0\\\\1&0\\end{pmatrix},\\quad U=\\begin{pmatrix}0&1\\\\0&1\\end{pmatrix},\\quad b=(-1,0),\\quad y=h^{(1)}_T+h^{(2)}_T .$$

Unit by unit:
- $h^{(1)}_t=\\operatorname{relu}(v_t+m_t-1)$: with $m_t=1$ it is $\\operatorname{relu}(v_t)=v_t$; with $m_t=0$, $v_t-1<0$ and it is 0. It ignores history (the first column of $U$ is 0).
- $h^{(2)}_t=\\operatorname{relu}(h^{(1)}_{t-1}+h^{(2)}_{t-1})=h^{(1)}_{t-1}+h^{(2)}_{t-1}$ (non-negative, so the ReLU is inactive), with $h_0=0$.

By induction $h^{(2)}_T=\\sum_{t<T}h^{(1)}_t$, so $y=\\sum_{t\\le T}h^{(1)}_t=\\sum_t m_tv_t$, exactly, for every $T$.

**Relation to the IRNN.** Le, Jaitly & Hinton (2015) initialise ReLU RNNs with $U=I$, $b=0$: every unit starts as a perfect integrator, and states and gradients propagate through time without decay (in the ReLU's active region the Jacobian is $U=I$). In the solution above the integrating unit's self-weight is exactly 1; from the initialisation only the "gate" unit must be learned — which explains why the IRNN competes with LSTMs on the adding problem. The price: ReLU is unbounded and eigenvalues of $U$ slightly above 1 make the state grow exponentially, so IRNNs need small learning rates and gradient clipping.

**Why tanh cannot.** tanh ranges over $(-1,1)$ while the sum can reach 2, and its slope is below 1 for $a\\ne0$, so the accumulated state is squashed at every step and errors compound over long sequences. A tanh RNN can only approximate (working in its small-amplitude, near-linear region).`,
      },
    },
    references: [le2015, hochreiter1997],
    verification: [vAddingProblem, vSimpleRnnCell],
  },
  {
    id: 'rnn-irnn-identity-relu',
    topic: 'rnn',
    subtopic: 'initialization',
    tags: ['irnn', 'identity-init', 'relu-rnn', 'training-stability'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: `什么是 IRNN？为什么"ReLU + 循环权重初始化为单位阵"能学长依赖，而"tanh + 单位阵"或"ReLU + 随机高斯"不行？使用 IRNN 有哪些坑，后续工作（np-RNN、uRNN）做了什么改进？`,
      en: `What is an IRNN? Why does "ReLU + recurrent weights initialised to the identity" learn long dependencies when "tanh + identity" or "ReLU + random Gaussian" do not? What are the pitfalls of IRNNs, and what did follow-ups (np-RNN, uRNN) change?`,
    },
    answer: {
      short: {
        zh: `IRNN（Le, Jaitly & Hinton, 2015）是 ReLU 激活、$U=I$、$b=0$ 初始化的简单 RNN。在 ReLU 激活区，每步雅可比恰为 $U=I$，状态和梯度无损传播；tanh 的导数 $<1$ 仍会衰减；随机高斯的奇异值分散，连乘后有的方向爆炸、有的消失。坑：ReLU 无界，$U$ 偏离单位阵一点就会指数增长，需要小学习率和梯度裁剪，对超参数敏感。np-RNN 用归一化的正定矩阵使最大特征值为 1；uRNN 让循环矩阵在整个训练中保持酉矩阵。`,
        en: `The IRNN (Le, Jaitly & Hinton, 2015) is a simple RNN with ReLU activations, initialised with $U=I$, $b=0$. In the ReLU's active region each step's Jacobian is exactly $U=I$, so states and gradients propagate losslessly; tanh's derivative below 1 still decays them; a random Gaussian's singular values spread, so products explode in some directions and vanish in others. Pitfalls: ReLU is unbounded, so a small departure of $U$ from the identity grows exponentially; small learning rates and clipping are needed and it is hyperparameter-sensitive. The np-RNN uses a normalised positive-definite matrix with top eigenvalue 1; the uRNN keeps the recurrent matrix unitary throughout training.`,
      },
      full: {
        zh: `**定义。** $h_t=\\operatorname{relu}(x_tW+h_{t-1}U+b)$，初始化 $U=I$（或 $\\sigma I$，$\\sigma$ 略小于 1 用于短依赖任务），$b=0$，$W$ 为小的随机值。

**为什么有效。** 没有输入时 $h_t=\\operatorname{relu}(h_{t-1})=h_{t-1}$：状态原样保留。反向时，激活区内 $\\partial h_t/\\partial h_{t-1}=\\operatorname{diag}(\\mathbb 1[a_t>0])U=I$（对激活的单元），梯度不衰减也不放大。相当于每个单元一开始就是积分器，学习从"记住一切"出发。
- **tanh + $I$：** $\\tanh'(a)=1-\\tanh^2(a)<1$（$a\\ne0$），状态每步被压缩，长序列仍然消失。
- **ReLU + 高斯：** 谱半径约为 1，但奇异值分散在 $[0,2]$，连乘后各方向增益按指数拉开；ReLU 无界，放大方向直接爆炸。

**结果。** Le et al. 在加法问题、逐像素 MNIST 等任务上，IRNN 与 LSTM 相当，而 tanh RNN 失败。

**坑：**
- ReLU 无界：$U$ 的特征值学到略大于 1，状态就会指数增长；要用较小的学习率和梯度裁剪；
- 对初始化尺度和学习率很敏感，复现常不稳定；
- 死亡 ReLU：单元一旦恒为 0 就不再传递信息。

**后续：** np-RNN（Talathi & Vartak, 2015）用 $U=\\frac{1}{n}R^\\top R$ 再除以最大特征值，得到最大特征值为 1 的正半定矩阵，更稳定；uRNN（Arjovsky et al., 2016）以及正交/酉参数化让循环矩阵在训练中始终保持范数不变。`,
        en: `**Definition.** $h_t=\\operatorname{relu}(x_tW+h_{t-1}U+b)$ initialised with $U=I$ (or $\\sigma I$ with $\\sigma$ a little below 1 for short-range tasks), $b=0$, small random $W$.

**Why it works.** With no input, $h_t=\\operatorname{relu}(h_{t-1})=h_{t-1}$: the state is kept as is. Backward, in the active region $\\partial h_t/\\partial h_{t-1}=\\operatorname{diag}(\\mathbb 1[a_t>0])U=I$ (for active units): gradients neither decay nor grow. Every unit starts as an integrator; learning starts from "remember everything".
- **tanh + $I$:** $\\tanh'(a)=1-\\tanh^2(a)<1$ for $a\\ne0$; the state is squashed every step and still vanishes over long sequences.
- **ReLU + Gaussian:** spectral radius about 1, but singular values spread over $[0,2]$; products pull the directions' gains apart exponentially, and with an unbounded ReLU the growing directions explode.

**Results.** On the adding problem and pixel-by-pixel MNIST, Le et al. found the IRNN comparable to the LSTM, while tanh RNNs failed.

**Pitfalls:**
- unbounded ReLU: once $U$ learns an eigenvalue slightly above 1 the state grows exponentially; use a smaller learning rate and gradient clipping;
- sensitive to the initial scale and learning rate; reproductions are often fragile;
- dead ReLUs: a unit stuck at 0 stops carrying information.

**Follow-ups:** the np-RNN (Talathi & Vartak, 2015) uses $U=\\frac{1}{n}R^\\top R$ divided by its largest eigenvalue, a positive semi-definite matrix with top eigenvalue 1, which is more stable; the uRNN (Arjovsky et al., 2016) and orthogonal/unitary parameterisations keep the recurrent matrix norm-preserving throughout training.`,
      },
    },
    references: [le2015, { title: 'Improving performance of recurrent neural network with relu nonlinearity', authors: 'Talathi & Vartak', year: 2015, arxiv: '1511.03771' }, arjovsky2016],
  },
];
