import type { Question, Reference, Verification } from '../schema.js';

// Text conventions: every prompt/answer is a plain template literal. LaTeX backslashes are
// doubled (`\\frac` produces `\frac`) and Markdown backticks are escaped as \`.

// ---------------------------------------------------------------------------------------
// Verification targets (all pending until the implementations and tests land).
// ---------------------------------------------------------------------------------------
const vSimpleRnnCell: Verification = {
  package: '@dl/recurrent',
  export: 'simpleRnnCell',
  test: 'packages/recurrent/src/ops/simple-rnn-cell.test.ts',
  status: 'pending',
};
const vLstmCell: Verification = {
  package: '@dl/recurrent',
  export: 'lstmCell',
  test: 'packages/recurrent/src/ops/lstm-cell.test.ts',
  status: 'pending',
};
const vGruCell: Verification = {
  package: '@dl/recurrent',
  export: 'gruCell',
  test: 'packages/recurrent/src/ops/gru-cell.test.ts',
  status: 'pending',
};
const vFusedSimpleRnn: Verification = {
  package: '@dl/recurrent',
  export: 'FusedSimpleRNN',
  test: 'packages/recurrent/src/layers/fused-simple-rnn.test.ts',
  status: 'pending',
};
const vFusedLstm: Verification = {
  package: '@dl/recurrent',
  export: 'FusedLSTM',
  test: 'packages/recurrent/src/layers/fused-lstm.test.ts',
  status: 'pending',
};
const vFusedGru: Verification = {
  package: '@dl/recurrent',
  export: 'FusedGRU',
  test: 'packages/recurrent/src/layers/fused-gru.test.ts',
  status: 'pending',
};
const vClassifier: Verification = {
  package: '@dl/recurrent',
  export: 'createRecurrentClassifier',
  test: 'packages/recurrent/src/models/recurrent-classifier.test.ts',
  status: 'pending',
};
const vLanguageModel: Verification = {
  package: '@dl/recurrent',
  export: 'createLanguageModel',
  test: 'packages/recurrent/src/models/language-model.test.ts',
  status: 'pending',
};
const vAddingProblem: Verification = {
  package: '@dl/data',
  export: 'addingProblem',
  test: 'packages/data/src/synthetic/adding-problem.test.ts',
  status: 'pending',
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
        zh: `单元按 $h_t=\\tanh(x_tW+h_{t-1}U+b)$ 递推，取 $h_T$ 接 Dense(1, sigmoid)，用二元交叉熵训练；标签必须是 0/1 而不是连续随机数，否则 accuracy 恒为 0。实现见 \`@dl/recurrent\` 的 \`simpleRnnCell\`、\`FusedSimpleRNN\` 与 \`createRecurrentClassifier\`。`,
        en: `The cell computes $h_t=\\tanh(x_tW+h_{t-1}U+b)$; $h_T$ feeds Dense(1, sigmoid), trained with binary cross-entropy. Labels must be 0/1, not continuous random numbers, otherwise accuracy is always 0. See \`simpleRnnCell\`, \`FusedSimpleRNN\` and \`createRecurrentClassifier\` in \`@dl/recurrent\`.`,
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

**验证：** 纯随机数据只能检验“能跑通”。更好的测试是造一个**可学**的任务（例如标签 = 序列第一个特征之和是否大于 0），断言准确率明显超过 50%；并用一个手写的 for 循环逐步调用 \`simpleRnnCell\`，与整层（\`FusedSimpleRNN\`）的输出逐元素比对。分类器的组装见 \`createRecurrentClassifier\`。`,
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

**Checking it:** random data only proves the code runs. A better test builds a *learnable* task (e.g. label = whether the sum of the first feature over time is positive) and asserts accuracy well above 50%, and compares a hand-written loop over \`simpleRnnCell\` with the whole layer (\`FusedSimpleRNN\`) element by element. The classifier wiring is \`createRecurrentClassifier\`.`,
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
    verification: [vSimpleRnnCell, vFusedSimpleRnn, vClassifier],
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
        zh: `把四个门的权重拼成 $W\\in\\mathbb R^{d\\times4u}$、$U\\in\\mathbb R^{u\\times4u}$，一次矩阵乘法后按 $i,f,g,o$ 切分，更新 $c_t=f\\odot c_{t-1}+i\\odot g$、$h_t=o\\odot\\tanh(c_t)$；遗忘门偏置初始化为 1。参数量 $4(u(u+d)+u)=30200$。实现见 \`lstmCell\` 和 \`FusedLSTM\`。`,
        en: `Concatenate the four gates' weights into $W\\in\\mathbb R^{d\\times4u}$ and $U\\in\\mathbb R^{u\\times4u}$, do one matmul, split into $i,f,g,o$, then $c_t=f\\odot c_{t-1}+i\\odot g$ and $h_t=o\\odot\\tanh(c_t)$; initialise the forget-gate bias to 1. Parameters: $4(u(u+d)+u)=30200$. See \`lstmCell\` and \`FusedLSTM\`.`,
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

**数据与验证：** 与 SimpleRNN 那题相同——标签必须是 0/1（种子代码的连续随机标签让 accuracy 恒为 0，且缺少 numpy 导入），并在可学的合成任务上断言准确率。\`lstmCell\` 的测试应把逐步循环的结果与 \`FusedLSTM\` 整层输出对比，并检查参数形状；分类器由 \`createRecurrentClassifier\` 组装。`,
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

**Data and checks:** as for the SimpleRNN question, labels must be 0/1 (the seed's continuous random labels make accuracy 0, and numpy is never imported), and a learnable synthetic task should be asserted on. The \`lstmCell\` test should compare a step-by-step loop with the whole \`FusedLSTM\` layer and check parameter shapes; \`createRecurrentClassifier\` assembles the classifier.`,
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
    verification: [vLstmCell, vFusedLstm, vClassifier],
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
        zh: `按 $z,r,\\tilde h$ 三块计算，$h_t=z\\odot h_{t-1}+(1-z)\\odot\\tilde h_t$；\`reset_after=True\`（TF2 默认，与 cuDNN 兼容）时重置门乘在 $h_{t-1}U_h+b_h^{(r)}$ 之后，输入和循环各有一份偏置，参数量 $3(u(u+d)+2u)=22800$。实现见 \`gruCell\` 与 \`FusedGRU\`。`,
        en: `Compute three blocks $z,r,\\tilde h$ and $h_t=z\\odot h_{t-1}+(1-z)\\odot\\tilde h_t$. With \`reset_after=True\` (the TF2 default, cuDNN-compatible) the reset gate multiplies $h_{t-1}U_h+b_h^{(r)}$ after the matmul and there are separate input and recurrent biases, giving $3(u(u+d)+2u)=22800$ parameters. See \`gruCell\` and \`FusedGRU\`.`,
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

**数据：** 同前两题，标签必须是 0/1，并需要 \`import numpy as np\`。测试中用逐步循环的 \`gruCell\` 对照整层 \`FusedGRU\`，并检查参数量与上式一致。`,
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

**Data:** as in the previous two questions, labels must be 0/1 and numpy must be imported. Tests should compare a loop over \`gruCell\` with the whole \`FusedGRU\` layer and check the parameter count above.`,
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
    verification: [vGruCell, vFusedGru, vClassifier],
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
    verification: [vSimpleRnnCell, vFusedSimpleRnn],
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
    verification: [vLstmCell, vFusedLstm],
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
    verification: [vFusedSimpleRnn, vFusedLstm, vFusedGru],
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
        zh: `把文本流 reshape 成 $B$ 条连续的子流，每次取长度 $k$ 的片段做前向和反向；上一片段的最终状态作为下一片段的初始状态，但作为常量传入（截断梯度）。显存从 $O(T)$ 降到 $O(k)$，代价是梯度只覆盖 $k$ 步以内的依赖。语言模型见 \`createLanguageModel\`。`,
        en: `Reshape the stream into $B$ contiguous sub-streams and process chunks of length $k$ forward and backward; the final state of one chunk becomes the initial state of the next, passed in as a constant (gradient cut). Memory drops from $O(T)$ to $O(k)$; the price is that gradients only cover dependencies up to $k$ steps. See \`createLanguageModel\`.`,
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
    verification: [vLanguageModel],
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
    verification: [vSimpleRnnCell, vFusedSimpleRnn],
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
        zh: `把所有时间步的输入投影 $XW+b$ 合成一次大矩阵乘法提到循环外；各门权重拼接，循环内每步只做一次 $h_{t-1}U$；\`reset_after=True\` 让 GRU 的三个循环乘法也能合并成一次。正确性用逐步调用 \`lstmCell\`/\`gruCell\` 的参考实现逐元素对比，另做梯度检查。实现见 \`FusedLSTM\`、\`FusedGRU\`。`,
        en: `Hoist the input projection $XW+b$ for all time steps into one big matmul outside the loop; concatenate gate weights so each step does a single $h_{t-1}U$; \`reset_after=True\` lets the GRU's three recurrent products fuse into one as well. Test against a step-by-step reference built from \`lstmCell\`/\`gruCell\`, element by element, plus a gradient check. See \`FusedLSTM\` and \`FusedGRU\`.`,
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
    verification: [vFusedLstm, vFusedGru, vFusedSimpleRnn],
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
];
