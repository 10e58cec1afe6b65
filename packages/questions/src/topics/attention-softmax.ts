import type { Question } from '../schema.js';

/**
 * Questions of the `attention-softmax` chapter (seed chapter 4): softmax and its
 * gradients, numerics, scaled dot-product and multi-head attention, masking, positional
 * encodings (sinusoidal, RoPE, ALiBi, relative), attention pooling, large-vocabulary softmax,
 * efficient attention (online softmax, FlashAttention tiling, linear and sparse attention), KV
 * caching, cross-attention in encoder-decoders, attention as explanation, and debugging.
 *
 * Numbers in the answers are computed, and the checks behind the efficient-attention, position,
 * caching and explanation answers live in
 * packages/softmax-attention/src/ops/online-softmax-check.test.ts.
 *
 * Long texts are `String.raw` template literals, so LaTeX backslashes are written once
 * (`\frac`, not `\\frac`). Markdown code blocks are indented by four spaces because a
 * raw template literal cannot contain a backtick.
 */
export const attentionSoftmaxQuestions: readonly Question[] = [
  // ---------------------------------------------------------------------------------
  // Seed chapter 4, questions 1-8
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-what-is-attention',
    topic: 'attention-softmax',
    subtopic: 'attention-basics',
    tags: ['attention', 'query-key-value', 'seq2seq', 'transformer'],
    kind: 'concept',
    difficulty: 1,
    seed: { chapter: 4, question: 1 },
    prompt: {
      zh: String.raw`什么是注意力机制？它在深度学习中起什么作用？`,
      en: String.raw`What is an attention mechanism, and what role does it play in deep learning?`,
    },
    answer: {
      short: {
        zh: String.raw`注意力机制为每个查询（query）计算一组值向量（value）的加权平均，权重由查询与各个键（key）的相似度分数经 softmax 归一化得到，并随输入动态变化；它让模型可以从任意位置直接取用最相关的信息。`,
        en: String.raw`Attention computes, for each query, a weighted average of value vectors whose weights are a softmax over query–key similarity scores, so the weights change with the input; it lets a model pull information directly from the most relevant positions, wherever they are.`,
      },
      full: {
        zh: String.raw`**定义。** 给定查询 $q$、键 $k_1,\dots,k_n$ 和值 $v_1,\dots,v_n$：
$$\alpha_j=\frac{\exp(\mathrm{score}(q,k_j))}{\sum_{l=1}^{n}\exp(\mathrm{score}(q,k_l))},\qquad \mathrm{out}=\sum_{j=1}^{n}\alpha_j v_j .$$
打分函数可以是加性的（Bahdanau）、点积（Luong），或 Transformer 中的缩放点积 $q^\top k/\sqrt{d_k}$。写成矩阵形式：$\mathrm{Attention}(Q,K,V)=\mathrm{softmax}(QK^\top/\sqrt{d_k})\,V$。

**作用。**
- 权重由输入本身算出，是**内容相关**的动态加权，而不是一个训练完就固定的线性层。
- 它最早用于神经机器翻译（Bahdanau 等，2014），去掉了编码器–解码器 RNN 把整句压缩成一个定长向量的瓶颈：解码器每一步都能查看全部编码器状态。
- 任意两个位置之间只隔一步（路径长度 $O(1)$），有利于建模长程依赖；自注意力层是 Transformer 的核心。
- 它作用于任意向量集合：词元、图像块、图节点、音频帧，并不局限于序列。
- 注意力权重 $\alpha$ 可以粗略地展示模型“看了哪里”，但不一定是忠实的解释。

代价：$n$ 个查询对 $n$ 个键，时间 $O(n^2d)$，权重矩阵占 $O(n^2)$ 显存。`,
        en: String.raw`**Definition.** Given a query $q$, keys $k_1,\dots,k_n$ and values $v_1,\dots,v_n$:
$$\alpha_j=\frac{\exp(\mathrm{score}(q,k_j))}{\sum_{l=1}^{n}\exp(\mathrm{score}(q,k_l))},\qquad \mathrm{out}=\sum_{j=1}^{n}\alpha_j v_j .$$
The score can be additive (Bahdanau), a dot product (Luong) or the Transformer's scaled dot product $q^\top k/\sqrt{d_k}$. In matrix form: $\mathrm{Attention}(Q,K,V)=\mathrm{softmax}(QK^\top/\sqrt{d_k})\,V$.

**Why it matters.**
- The weights are computed *from the input*, so the mixing is content-dependent — unlike a linear layer whose weights are fixed after training.
- It was introduced for neural machine translation (Bahdanau et al., 2014) to remove the fixed-length bottleneck of encoder–decoder RNNs: the decoder looks at all encoder states at every step.
- Any two positions interact through a path of length $O(1)$, which helps long-range dependencies; self-attention layers are the core of the Transformer.
- It works on any set of vectors — tokens, image patches, graph nodes, audio frames — not only sequences.
- The weights $\alpha$ give a rough view of where the model looked, but not necessarily a faithful explanation.

Cost: $n$ queries against $n$ keys take $O(n^2d)$ time and $O(n^2)$ memory for the weights.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`注意力权重是训练得到的参数，训练结束后就固定不变。`,
          en: String.raw`Attention weights are learned parameters that are fixed once training ends.`,
        },
        correction: {
          zh: String.raw`可学习的只是投影矩阵 $W_Q,W_K,W_V$（以及打分网络）；注意力权重对每个输入、每个查询都重新计算。`,
          en: String.raw`Only the projections $W_Q,W_K,W_V$ (and the scoring network) are learned; the attention weights are recomputed for every input and every query.`,
        },
      },
    ],
    references: [
      { title: 'Neural Machine Translation by Jointly Learning to Align and Translate', authors: 'Bahdanau, Cho, Bengio', year: 2014, arxiv: '1409.0473' },
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
    ],
  },
  {
    id: 'attn-softmax-role',
    topic: 'attention-softmax',
    subtopic: 'softmax',
    tags: ['softmax', 'probability', 'classification', 'logits'],
    kind: 'concept',
    difficulty: 1,
    seed: { chapter: 4, question: 2 },
    prompt: {
      zh: String.raw`请解释 Softmax 函数的作用。`,
      en: String.raw`Explain what the softmax function does.`,
    },
    answer: {
      short: {
        zh: String.raw`Softmax 把一组实数分数（logits）映射为概率分布 $s_i=e^{z_i}/\sum_j e^{z_j}$：每项为正、总和为 1、保持大小顺序，是 argmax 的光滑可导版本；既用于输出层的类别概率，也用于注意力层中对键的归一化。`,
        en: String.raw`Softmax maps real scores (logits) to a probability distribution, $s_i=e^{z_i}/\sum_j e^{z_j}$: all entries positive, summing to 1, order preserved — a smooth, differentiable version of argmax, used for class probabilities at the output and for normalizing attention scores over keys.`,
      },
      full: {
        zh: String.raw`$$\mathrm{softmax}(z)_i=\frac{e^{z_i}}{\sum_{j=1}^{K}e^{z_j}}$$

**性质。**
- 输出严格为正且和为 1，落在概率单纯形内部；单调、保序，最大的 logit 得到最大的概率。
- 平移不变：$\mathrm{softmax}(z+c\mathbf 1)=\mathrm{softmax}(z)$，只有 logit 之间的差值有意义（这也是减去最大值做数值稳定的依据）。
- 不具有缩放不变性：$\mathrm{softmax}(z/T)$ 中的温度 $T$ 控制分布的尖锐程度。
- $K=2$ 时退化为 sigmoid：$s_1=\sigma(z_1-z_0)$。

**两种用途。**
1. **输出层**：多分类（类别互斥）时输出各类概率；与交叉熵搭配就是多项逻辑回归的最大似然，梯度是简洁的 $s-y$。
2. **网络内部**：注意力中 $\mathrm{softmax}(QK^\top/\sqrt{d_k})$ 把每个查询对所有键的分数归一化为权重。

**注意。**
- softmax 输出并不自动是“校准良好”的概率：现代深度网络往往过于自信（Guo 等，2017），可用温度缩放校准。
- 多标签问题（类别不互斥）应使用逐类 sigmoid。
- 实现时要减去每行最大值，损失要用 log-softmax 计算。`,
        en: String.raw`$$\mathrm{softmax}(z)_i=\frac{e^{z_i}}{\sum_{j=1}^{K}e^{z_j}}$$

**Properties.**
- Outputs are strictly positive and sum to 1 (interior of the probability simplex); monotone and order-preserving, so the largest logit gets the largest probability.
- Shift invariance: $\mathrm{softmax}(z+c\mathbf 1)=\mathrm{softmax}(z)$ — only logit differences matter (which is why subtracting the max is allowed).
- Not scale-invariant: a temperature $T$ in $\mathrm{softmax}(z/T)$ controls how peaked the distribution is.
- For $K=2$ it reduces to a sigmoid: $s_1=\sigma(z_1-z_0)$.

**Two roles.**
1. **Output layer**: probabilities over mutually exclusive classes; with cross-entropy it is maximum-likelihood multinomial logistic regression, with the clean gradient $s-y$.
2. **Inside the network**: in attention, $\mathrm{softmax}(QK^\top/\sqrt{d_k})$ turns each query's scores over the keys into weights.

**Caveats.**
- Softmax outputs are not automatically calibrated: modern deep networks tend to be over-confident (Guo et al., 2017); temperature scaling is a simple fix.
- Multi-label problems (non-exclusive classes) need per-class sigmoids.
- Implement it with the row max subtracted, and compute losses with log-softmax.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`softmax 输出的最大概率就是模型预测正确的可信度。`,
          en: String.raw`The top softmax probability is a trustworthy confidence that the prediction is correct.`,
        },
        correction: {
          zh: String.raw`softmax 只保证输出是一个分布，不保证校准；深度网络常常过度自信，需要在验证集上做温度缩放等校准后才能当作置信度使用。`,
          en: String.raw`Softmax only guarantees a distribution, not calibration; deep networks are often over-confident, so calibrate (e.g. temperature scaling on a validation set) before reading it as confidence.`,
        },
      },
    ],
    references: [
      { title: 'Deep Learning, Section 6.2.2.3 (Softmax Units for Multinoulli Output Distributions)', authors: 'Goodfellow, Bengio, Courville', year: 2016, url: 'https://www.deeplearningbook.org/contents/mlp.html' },
      { title: 'On Calibration of Modern Neural Networks', authors: 'Guo, Pleiss, Sun, Weinberger', year: 2017, arxiv: '1706.04599' },
    ],
  },
  {
    id: 'attn-softmax-derivative',
    topic: 'attention-softmax',
    subtopic: 'softmax-gradient',
    tags: ['softmax', 'jacobian', 'backpropagation', 'derivative'],
    kind: 'derivation',
    difficulty: 2,
    seed: { chapter: 4, question: 3 },
    prompt: {
      zh: String.raw`如何计算 Softmax 函数的导数？`,
      en: String.raw`How do you compute the derivative of the softmax function?`,
    },
    answer: {
      short: {
        zh: String.raw`softmax 是向量到向量的映射，导数是雅可比矩阵而不是逐元素公式：$\partial s_i/\partial z_j=s_i(\delta_{ij}-s_j)$，即 $J=\mathrm{diag}(s)-ss^\top$。`,
        en: String.raw`Softmax maps a vector to a vector, so its derivative is a Jacobian, not an elementwise formula: $\partial s_i/\partial z_j=s_i(\delta_{ij}-s_j)$, i.e. $J=\mathrm{diag}(s)-ss^\top$.`,
      },
      full: {
        zh: String.raw`记 $s_i=e^{z_i}/S$，$S=\sum_k e^{z_k}$。由商的求导法则：
$$\frac{\partial s_i}{\partial z_j}=\frac{\delta_{ij}e^{z_i}S-e^{z_i}e^{z_j}}{S^2}=s_i(\delta_{ij}-s_j).$$
- 对角元 $s_i(1-s_i)>0$：增大自己的 logit，自己的概率上升；
- 非对角元 $-s_is_j<0$：同时其他类别的概率下降。

矩阵形式 $J=\mathrm{diag}(s)-ss^\top$。它是对称矩阵，每行之和为 0（因为 $\sum_i s_i=1$），所以 $J\mathbf 1=0$——对应 softmax 的平移不变性。

**数值例子。** $z=(1,2,3)$，$s=(0.09003,\,0.24473,\,0.66524)$：
$$J\approx\begin{pmatrix}0.08193&-0.02203&-0.05989\\-0.02203&0.18484&-0.16280\\-0.05989&-0.16280&0.22270\end{pmatrix}$$
每行之和在舍入误差内为 0。

**实践。** 反向传播时不需要显式构造 $J$，直接用向量–雅可比积 $s\odot(g-\langle g,s\rangle)$，代价 $O(n)$；实现后用中心差分做梯度检验。`,
        en: String.raw`Let $s_i=e^{z_i}/S$ with $S=\sum_k e^{z_k}$. By the quotient rule:
$$\frac{\partial s_i}{\partial z_j}=\frac{\delta_{ij}e^{z_i}S-e^{z_i}e^{z_j}}{S^2}=s_i(\delta_{ij}-s_j).$$
- Diagonal $s_i(1-s_i)>0$: raising a logit raises its own probability;
- off-diagonal $-s_is_j<0$: and lowers every other probability.

In matrix form $J=\mathrm{diag}(s)-ss^\top$. It is symmetric and each row sums to 0 (because $\sum_i s_i=1$), so $J\mathbf 1=0$ — the shift invariance of softmax.

**Worked example.** $z=(1,2,3)$, $s=(0.09003,\,0.24473,\,0.66524)$:
$$J\approx\begin{pmatrix}0.08193&-0.02203&-0.05989\\-0.02203&0.18484&-0.16280\\-0.05989&-0.16280&0.22270\end{pmatrix}$$
Each row sums to 0 up to rounding.

**In practice.** Backprop never forms $J$; it uses the vector–Jacobian product $s\odot(g-\langle g,s\rangle)$ in $O(n)$. Check an implementation against central finite differences.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`$\partial\,\mathrm{softmax}(x)/\partial x_i=\mathrm{softmax}(x)\odot(\mathrm{softmax}(x)-1)$（逐元素公式）。`,
          en: String.raw`$\partial\,\mathrm{softmax}(x)/\partial x_i=\mathrm{softmax}(x)\odot(\mathrm{softmax}(x)-1)$ (an elementwise formula).`,
        },
        correction: {
          zh: String.raw`这个式子对角项符号反了（$s(s-1)\le0$，而真实对角元 $s(1-s)\ge0$），丢掉了所有交叉项 $-s_is_j$，而且右边根本不含 $i$。正确结果是 $\partial s_j/\partial x_i=s_j(\delta_{ij}-s_i)$，即 $J=\mathrm{diag}(s)-ss^\top$。`,
          en: String.raw`It has the wrong sign on the diagonal ($s(s-1)\le0$ while the true diagonal $s(1-s)\ge0$), drops every cross term $-s_is_j$, and its right-hand side does not even depend on $i$. The correct result is $\partial s_j/\partial x_i=s_j(\delta_{ij}-s_i)$, i.e. $J=\mathrm{diag}(s)-ss^\top$.`,
        },
        erratum: 1,
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'softmaxJacobian', test: 'packages/softmax-attention/src/ops/softmax-jacobian.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Deep Learning, Section 6.2.2.3 (Softmax Units for Multinoulli Output Distributions)', authors: 'Goodfellow, Bengio, Courville', year: 2016, url: 'https://www.deeplearningbook.org/contents/mlp.html' },
    ],
  },
  {
    id: 'attn-nlp-applications',
    topic: 'attention-softmax',
    subtopic: 'applications',
    tags: ['nlp', 'machine-translation', 'transformer', 'softmax'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 4, question: 4 },
    prompt: {
      zh: String.raw`注意力机制和 Softmax 函数在自然语言处理中有哪些应用？`,
      en: String.raw`Where are attention and softmax used in natural language processing?`,
    },
    answer: {
      short: {
        zh: String.raw`注意力是现代 NLP 的核心（翻译、摘要、语言模型、分类都基于 Transformer 或注意力 RNN）；softmax 至少出现在两处：输出层对词表/类别的分布，以及每个注意力层内部对键的归一化（此外还有指针/复制分布）。`,
        en: String.raw`Attention is the core of modern NLP (translation, summarization, language modelling and classification all run on Transformers or attention RNNs); softmax appears at least twice: the output distribution over the vocabulary or classes, and the normalization over keys inside every attention layer (plus pointer/copy distributions).`,
      },
      full: {
        zh: String.raw`**注意力的应用。**
- **机器翻译**：Bahdanau/Luong 注意力让解码器每一步对齐源句的编码器状态；Transformer 用自注意力加编码器–解码器（交叉）注意力取代了 RNN。
- **语言模型与文本生成**：GPT 类仅解码器模型使用因果自注意力；每一步对词表做 softmax 得到下一个词的分布，可配合温度、top-k 等采样。
- **预训练编码器**：BERT 使用双向自注意力，微调后用于分类、命名实体识别、抽取式问答（答案起止位置各做一次对所有位置的 softmax）。
- **摘要**：注意力加复制机制（pointer-generator，See 等，2017）把对源文位置的注意力分布与词表分布混合，从而能复制原文中的词。
- **文本分类/情感分析**：对词的隐藏状态做注意力池化（如层次注意力网络 HAN）。

**softmax 的三种角色。**
1. 输出层：类别或词表上的概率分布；
2. 网络内部：注意力权重 $\mathrm{softmax}(QK^\top/\sqrt{d_k})$；
3. 指针分布：对输入位置的分布（问答的答案区间、复制机制）。`,
        en: String.raw`**Uses of attention.**
- **Machine translation**: Bahdanau/Luong attention lets the decoder align with the encoder states at every step; the Transformer replaced the RNNs with self-attention plus encoder–decoder (cross) attention.
- **Language modelling and generation**: decoder-only models (GPT) use causal self-attention; at each step a softmax over the vocabulary gives the next-token distribution, sampled with temperature, top-k, etc.
- **Pretrained encoders**: BERT uses bidirectional self-attention and is fine-tuned for classification, NER and extractive QA (one softmax over positions for the answer start, one for the end).
- **Summarization**: attention plus a copy mechanism (pointer-generator, See et al., 2017) mixes the attention distribution over source positions with the vocabulary distribution so source words can be copied.
- **Text classification / sentiment**: attention pooling over token states (e.g. Hierarchical Attention Networks).

**Three roles of softmax.**
1. Output layer: a distribution over classes or the vocabulary;
2. inside the network: attention weights $\mathrm{softmax}(QK^\top/\sqrt{d_k})$;
3. pointer distributions over input positions (QA spans, copying).`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`softmax 只用于把模型最后的输出转换为每个词或每个句子（类别）的概率分布。`,
          en: String.raw`Softmax is only used to turn the model's final output into probabilities over words or sentence classes.`,
        },
        correction: {
          zh: String.raw`这漏掉了它在注意力里的核心作用：每个注意力层都用 $\mathrm{softmax}(QK^\top/\sqrt{d_k})$ 计算权重；指针网络和问答中的位置分布也是 softmax。`,
          en: String.raw`That leaves out its core role inside attention: every attention layer computes its weights as $\mathrm{softmax}(QK^\top/\sqrt{d_k})$; pointer and QA span distributions are softmaxes too.`,
        },
        erratum: 2,
      },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'Neural Machine Translation by Jointly Learning to Align and Translate', authors: 'Bahdanau, Cho, Bengio', year: 2014, arxiv: '1409.0473' },
      { title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', authors: 'Devlin, Chang, Lee, Toutanova', year: 2018, arxiv: '1810.04805' },
      { title: 'Get To The Point: Summarization with Pointer-Generator Networks', authors: 'See, Liu, Manning', year: 2017, arxiv: '1704.04368' },
    ],
  },
  {
    id: 'attn-cv-applications',
    topic: 'attention-softmax',
    subtopic: 'applications',
    tags: ['computer-vision', 'vision-transformer', 'channel-attention', 'softmax'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 4, question: 5 },
    prompt: {
      zh: String.raw`注意力机制和 Softmax 函数在计算机视觉中有哪些应用？`,
      en: String.raw`Where are attention and softmax used in computer vision?`,
    },
    answer: {
      short: {
        zh: String.raw`视觉中有空间/自注意力（non-local、ViT、Swin）、基于查询的检测（DETR）、图像描述中对图像区域的注意力，以及通道注意力（SE）；softmax 用于对位置归一化注意力、输出类别或逐像素分布——但 SE 这类门控用的是 sigmoid 而不是 softmax。`,
        en: String.raw`Vision uses spatial/self-attention (non-local blocks, ViT, Swin), query-based detection (DETR), attention over image regions for captioning, and channel attention (SE); softmax normalizes attention over positions and gives class or per-pixel distributions — but SE-style gating uses a sigmoid, not a softmax.`,
      },
      full: {
        zh: String.raw`- **图像分类**：ViT 把图像切成 16×16 的图像块作为词元送入 Transformer，用 [CLS] 的输出接 softmax 分类；Swin Transformer 在移位窗口内做注意力，使计算量随图像大小线性增长。
- **CNN 中的自注意力**：non-local 模块（Wang 等，2018）让每个位置对所有位置做注意力（对 $HW$ 个位置做 softmax，代价 $O((HW)^2)$），用于视频分类和检测。
- **目标检测**：DETR 用一组可学习的 object query 通过 Transformer 解码器对图像特征做交叉注意力；每个查询用 softmax 分类（含“无目标”类），边框用回归得到。
- **图像描述**：Show, Attend and Tell 在生成每个词时对 CNN 特征图的各个位置做软注意力。
- **通道/空间注意力**：SENet、CBAM 用 **sigmoid** 门控逐通道（或逐位置）缩放特征，各通道之间不互相竞争，因此不是 softmax。
- **分割**：每个像素在类别上做 softmax。

所以 softmax 在视觉中同样不只是输出层：它还是对位置（图像块、像素）做注意力归一化的核心。`,
        en: String.raw`- **Image classification**: ViT cuts the image into 16×16 patches, treats them as tokens, and classifies the [CLS] output with a softmax head; Swin Transformer attends within shifted windows so cost grows linearly with image size.
- **Self-attention in CNNs**: non-local blocks (Wang et al., 2018) let every position attend to every position (a softmax over $HW$ positions, cost $O((HW)^2)$), used for video classification and detection.
- **Detection**: DETR's learned object queries cross-attend to image features through a Transformer decoder; each query is classified with a softmax (including a "no object" class) and its box is regressed.
- **Captioning**: Show, Attend and Tell softly attends over CNN feature-map locations for each generated word.
- **Channel/spatial attention**: SENet and CBAM rescale channels (or positions) with **sigmoid** gates; channels do not compete, so this is not a softmax.
- **Segmentation**: a per-pixel softmax over classes.

So in vision too, softmax is more than the output layer: it is the normalizer of attention over positions (patches, pixels).`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`在视觉模型中，注意力负责聚焦关键区域，而 softmax 只负责把输出转换为各图像类别的概率。`,
          en: String.raw`In vision models attention focuses on key regions while softmax only converts the output into image-class probabilities.`,
        },
        correction: {
          zh: String.raw`softmax 本身就是注意力的一部分：ViT、non-local、DETR 中的注意力权重都是对位置做 softmax 得到的；此外还有逐像素分类的 softmax。`,
          en: String.raw`Softmax is part of the attention itself: the attention weights in ViT, non-local blocks and DETR are a softmax over positions; segmentation also uses a per-pixel softmax.`,
        },
        erratum: 2,
      },
      {
        claim: {
          zh: String.raw`所有视觉注意力模块都用 softmax 计算权重。`,
          en: String.raw`Every visual attention module computes its weights with a softmax.`,
        },
        correction: {
          zh: String.raw`SE、CBAM 等通道/空间注意力使用 sigmoid 门控，每个通道独立取 $(0,1)$ 的值，可以同时“全开”。`,
          en: String.raw`SE and CBAM channel/spatial attention use sigmoid gates: each channel gets an independent value in $(0,1)$, and several can be fully on at once.`,
        },
      },
    ],
    references: [
      { title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale', authors: 'Dosovitskiy et al.', year: 2020, arxiv: '2010.11929' },
      { title: 'Non-local Neural Networks', authors: 'Wang, Girshick, Gupta, He', year: 2017, arxiv: '1711.07971' },
      { title: 'End-to-End Object Detection with Transformers', authors: 'Carion et al.', year: 2020, arxiv: '2005.12872' },
      { title: 'Show, Attend and Tell: Neural Image Caption Generation with Visual Attention', authors: 'Xu et al.', year: 2015, arxiv: '1502.03044' },
      { title: 'Squeeze-and-Excitation Networks', authors: 'Hu, Shen, Sun', year: 2017, arxiv: '1709.01507' },
    ],
  },
  {
    id: 'attn-implement-softmax',
    topic: 'attention-softmax',
    subtopic: 'numerical-stability',
    tags: ['softmax', 'numerical-stability', 'log-sum-exp', 'implementation'],
    kind: 'coding',
    difficulty: 2,
    seed: { chapter: 4, question: 6 },
    prompt: {
      zh: String.raw`实现一个数值稳定的 Softmax 函数：输入可以是批量张量，沿指定轴（默认最后一维）计算。`,
      en: String.raw`Implement a numerically stable softmax for batched tensors, computed along a given axis (the last one by default).`,
    },
    answer: {
      short: {
        zh: String.raw`沿 softmax 轴逐行减去该行最大值（keepdims），再取指数、除以该行之和；平移不改变结果，却保证指数不上溢、分母至少为 1。`,
        en: String.raw`Subtract the per-row max along the softmax axis (keepdims), exponentiate, and divide by the per-row sum; the shift leaves the result unchanged but keeps exp from overflowing and makes the denominator at least 1.`,
      },
      full: {
        zh: String.raw`因为 $\mathrm{softmax}(z)=\mathrm{softmax}(z-c\mathbf 1)$，取 $c=\max_i z_i$（**逐行**）：所有指数 $\le0$，不会上溢；最大项是 $e^0=1$，分母 $\ge1$，不会出现 $0/0$。

    import * as tf from '@tensorflow/tfjs';

    export function softmax(x: tf.Tensor, axis = -1): tf.Tensor {
      return tf.tidy(() => {
        const m = tf.max(x, axis, true);          // 每行最大值，保留维度以便广播
        const e = tf.exp(tf.sub(x, m));
        return tf.div(e, tf.sum(e, axis, true));
      });
    }

面试官会检查的细节：
- 最大值和求和必须沿**同一个轴**并保留维度。若减去全局最大值，数值大的行会让其他行整体下溢：对两行 $[1000,1001]$ 和 $[0,1]$，全局最大值 1001 使第二行变成 $e^{-1001}=0$，结果 $0/0=$ NaN。
- 用 axis=-1，这样一维和多维输入都能处理。
- 计算损失时用 log-softmax：$z-m-\log\sum e^{z-m}$（logSoftmax），不要写 log(softmax(z))，否则概率下溢为 0 时得到 $-\infty$。
- 一整行都是 $-\infty$（全被掩码）时仍会得到 NaN，需要单独处理（见掩码相关题目）。

测试：每行和为 1；对输入加常数结果不变；与 tf.softmax 一致；大输入下结果有限。`,
        en: String.raw`Because $\mathrm{softmax}(z)=\mathrm{softmax}(z-c\mathbf 1)$, take $c=\max_i z_i$ **per row**: every exponent is $\le0$ (no overflow) and the largest term is $e^0=1$, so the denominator is $\ge1$ (no $0/0$).

    import * as tf from '@tensorflow/tfjs';

    export function softmax(x: tf.Tensor, axis = -1): tf.Tensor {
      return tf.tidy(() => {
        const m = tf.max(x, axis, true);          // per-row max, kept for broadcasting
        const e = tf.exp(tf.sub(x, m));
        return tf.div(e, tf.sum(e, axis, true));
      });
    }

Details interviewers check:
- The max and the sum are taken over **the same axis**, keeping dims. With a global max, a row of large values pushes the other rows into underflow: for rows $[1000,1001]$ and $[0,1]$, the global max 1001 turns the second row into $e^{-1001}=0$ and $0/0=$ NaN.
- Use axis $-1$ so 1-D and N-D inputs both work.
- For a loss, use log-softmax $z-m-\log\sum e^{z-m}$ (logSoftmax) instead of log(softmax(z)), which gives $-\infty$ when a probability underflows.
- A row that is entirely $-\infty$ (fully masked) still yields NaN and needs separate handling (see the masking questions).

Tests: rows sum to 1; adding a constant changes nothing; agreement with tf.softmax; finite results for large inputs.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`用 x - np.max(x)（全局最大值）做平移，再沿 axis=1 求和归一化即可。`,
          en: String.raw`Shift by x - np.max(x) (the global max) and normalize with a sum over axis=1.`,
        },
        correction: {
          zh: String.raw`必须逐行取最大值：全局最大值会让量级不同的行下溢成 NaN（如 [[1000,1001],[0,1]] 的第二行）；固定 axis=1 对一维输入会抛出 AxisError。应沿 axis=-1、keepdims=True 取最大值和求和。`,
          en: String.raw`The max must be per row: a global max makes rows of a different scale underflow to NaN (the second row of [[1000,1001],[0,1]]), and a fixed axis=1 raises AxisError on 1-D input. Take both the max and the sum over axis=-1 with keepdims=True.`,
        },
        erratum: 3,
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'logSoftmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Deep Learning, Section 4.1 (Overflow and Underflow)', authors: 'Goodfellow, Bengio, Courville', year: 2016, url: 'https://www.deeplearningbook.org/contents/numerical.html' },
      { title: 'TensorFlow.js API reference', url: 'https://js.tensorflow.org/api/latest/' },
    ],
  },
  {
    id: 'attn-implement-attention',
    topic: 'attention-softmax',
    subtopic: 'scaled-dot-product',
    tags: ['attention', 'scaled-dot-product', 'masking', 'implementation'],
    kind: 'coding',
    difficulty: 3,
    seed: { chapter: 4, question: 7 },
    prompt: {
      zh: String.raw`实现一个简单的注意力机制（缩放点积注意力），同时返回输出和注意力权重，并支持掩码。`,
      en: String.raw`Implement a simple attention mechanism (scaled dot-product attention) that returns both the output and the attention weights and supports a mask.`,
    },
    answer: {
      short: {
        zh: String.raw`计算分数 $QK^\top/\sqrt{d_k}$，加上掩码，沿键的轴做 softmax，再乘以 $V$：$\mathrm{out}=\mathrm{softmax}(QK^\top/\sqrt{d_k}+M)\,V$。权重随输入变化，而不是一个固定的权重向量。`,
        en: String.raw`Compute scores $QK^\top/\sqrt{d_k}$, add the mask, softmax over the key axis and multiply by $V$: $\mathrm{out}=\mathrm{softmax}(QK^\top/\sqrt{d_k}+M)\,V$. The weights depend on the input, unlike a fixed weight vector.`,
      },
      full: {
        zh: String.raw`形状：$Q\in\mathbb R^{\dots\times n_q\times d_k}$，$K\in\mathbb R^{\dots\times n_k\times d_k}$，$V\in\mathbb R^{\dots\times n_k\times d_v}$。
1. 分数 $S=QK^\top/\sqrt{d_k}$，形状 $n_q\times n_k$；
2. 掩码：不允许看到的键（填充、未来位置）加上一个很大的负数；
3. $A=\mathrm{softmax}(S)$，沿**最后一维（键）**归一化，每个查询的权重和为 1；
4. 输出 $AV$，形状 $n_q\times d_v$。

    export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor) {
      return tf.tidy(() => {
        const dk = q.shape[q.shape.length - 1] as number;
        let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk));
        if (mask) {  // mask：1 = 可见，0 = 屏蔽，可广播到 scores 的形状
          scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
        }
        const weights = tf.softmax(scores);   // 最后一维 = 键
        return { output: tf.matMul(weights, v), weights };
      });
    }

测试思路：每行权重和为 1；所有键相同时权重均匀；被屏蔽的键权重约为 0；与手算的 2×2 例子对比；输出形状为 $n_q\times d_v$。

实际模型中 $Q,K,V$ 由可学习的投影 $XW_Q, XW_K, XW_V$ 得到，可学习的是投影矩阵，注意力权重每次前向都重新计算。`,
        en: String.raw`Shapes: $Q\in\mathbb R^{\dots\times n_q\times d_k}$, $K\in\mathbb R^{\dots\times n_k\times d_k}$, $V\in\mathbb R^{\dots\times n_k\times d_v}$.
1. Scores $S=QK^\top/\sqrt{d_k}$, shape $n_q\times n_k$;
2. mask: add a large negative number where a key must not be seen (padding, future positions);
3. $A=\mathrm{softmax}(S)$ over the **last (key) axis**, so each query's weights sum to 1;
4. output $AV$, shape $n_q\times d_v$.

    export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor) {
      return tf.tidy(() => {
        const dk = q.shape[q.shape.length - 1] as number;
        let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk));
        if (mask) {  // mask: 1 = visible, 0 = blocked, broadcastable to scores
          scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
        }
        const weights = tf.softmax(scores);   // last axis = keys
        return { output: tf.matMul(weights, v), weights };
      });
    }

Tests: rows of weights sum to 1; identical keys give uniform weights; masked keys get ~0 weight; a hand-computed 2×2 example; output shape $n_q\times d_v$.

In a model $Q,K,V$ come from learned projections $XW_Q, XW_K, XW_V$: the projections are learned, the attention weights are recomputed on every forward pass.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`注意力就是 np.dot(x, weights)，其中 weights 是一个固定的权重向量。`,
          en: String.raw`Attention is np.dot(x, weights) with a fixed weight vector.`,
        },
        correction: {
          zh: String.raw`那只是对特征的固定线性组合：没有查询–键打分，没有 softmax，权重不随输入变化，而且混合的是特征维而不是位置。注意力应为 $A=\mathrm{softmax}(QK^\top/\sqrt{d_k})$，$\mathrm{out}=AV$。`,
          en: String.raw`That is a fixed linear combination of features: no query–key scores, no softmax, no dependence on the input, and it mixes feature dimensions rather than positions. Attention is $A=\mathrm{softmax}(QK^\top/\sqrt{d_k})$, $\mathrm{out}=AV$.`,
        },
        erratum: 4,
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
    ],
  },
  {
    id: 'attn-attention-text-classifier',
    topic: 'attention-softmax',
    subtopic: 'attention-pooling',
    tags: ['text-classification', 'attention-pooling', 'masking', 'keras'],
    kind: 'coding',
    difficulty: 3,
    seed: { chapter: 4, question: 8 },
    prompt: {
      zh: String.raw`实现一个基于注意力机制的文本分类模型（例如 IMDB 情感分类），并能输出每个词的注意力权重用于解释。`,
      en: String.raw`Implement an attention-based text classifier (e.g. IMDB sentiment) that can also report per-token attention weights for explanation.`,
    },
    answer: {
      short: {
        zh: String.raw`词嵌入（带填充掩码）→（可选）上下文编码 → 用小网络给每个位置打分 → 沿时间轴做带掩码的 softmax → 按权重加权求和得到句向量 → 分类层；同时把权重返回用于解释。`,
        en: String.raw`Embed tokens (with a padding mask), optionally contextualize them, score each position with a small learned network, apply a masked softmax over time, pool the states with those weights, classify the pooled vector — and return the weights for explanation.`,
      },
      full: {
        zh: String.raw`流程（batch $B$，长度 $T$，维度 $d$）：
1. Embedding(vocab, $d$)，下标 0 保留给填充 → $H\in\mathbb R^{B\times T\times d}$，同时得到掩码 $m\in\{0,1\}^{B\times T}$（Keras 中 mask_zero=True）。
2. （可选，推荐）上下文编码器：双向 LSTM/GRU、一维卷积或一个 Transformer 编码器块，让每个 $h_t$ 看到上下文。
3. 打分 $e_t=u^\top\tanh(Wh_t+b)$（Dense($d_a$, tanh) 后接 Dense(1)，即 HAN 的做法），得到 $B\times T$——注意去掉最后那个大小为 1 的维度。
4. 沿**时间轴**做带掩码的 softmax：$\alpha_t=\dfrac{m_te^{e_t}}{\sum_{t'}m_{t'}e^{e_{t'}}}$（实现上在填充位置加一个很大的负数）。
5. 池化 $c=\sum_t\alpha_th_t\in\mathbb R^{B\times d}$，是二维张量，可以直接接 Dense。
6. Dense(16, relu) → Dense(1, sigmoid)，二元交叉熵损失（或输出 logits 并设 from_logits）。

explainAttention 对给定输入返回每个词的 $\alpha_t$。

数据：Keras 的 IMDB 数据已经是整数编码（默认 0 为填充、1 为起始符、2 为未登录词），pad_sequences 只负责填充/截断（默认在前面填充），所以必须用掩码。

测试：输出形状 $(B,1)$；非填充位置上的权重和为 1，填充位置为 0；额外加填充不改变预测。`,
        en: String.raw`Pipeline (batch $B$, length $T$, width $d$):
1. Embedding(vocab, $d$) with index 0 reserved for padding → $H\in\mathbb R^{B\times T\times d}$, plus a mask $m\in\{0,1\}^{B\times T}$ (mask_zero=True in Keras).
2. (Optional, recommended) a context encoder — BiLSTM/GRU, a 1-D convolution or a Transformer encoder block — so each $h_t$ sees its neighbours.
3. Scores $e_t=u^\top\tanh(Wh_t+b)$ (Dense($d_a$, tanh) then Dense(1), as in HAN), giving $B\times T$ — squeeze the trailing size-1 axis.
4. Masked softmax over the **time axis**: $\alpha_t=\dfrac{m_te^{e_t}}{\sum_{t'}m_{t'}e^{e_{t'}}}$ (implemented by adding a large negative number at padding).
5. Pool $c=\sum_t\alpha_th_t\in\mathbb R^{B\times d}$ — rank 2, ready for Dense.
6. Dense(16, relu) → Dense(1, sigmoid), binary cross-entropy (or output logits with from_logits).

explainAttention returns $\alpha_t$ per token for given inputs.

Data: Keras's IMDB is already integer-encoded (by default 0 = padding, 1 = start, 2 = out-of-vocabulary); pad_sequences only pads/truncates (pre-padding by default), hence the mask.

Tests: output shape $(B,1)$; weights sum to 1 over real tokens and are 0 at padding; extra padding does not change the prediction.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`在 token id 上接一个 Lambda(lambda x: reduce_sum(softmax(x) * x, axis=1))，再接 Dense 层，就是基于注意力的文本分类模型。`,
          en: String.raw`A Lambda(lambda x: reduce_sum(softmax(x) * x, axis=1)) on the token ids followed by Dense layers is an attention-based text classifier.`,
        },
        correction: {
          zh: String.raw`第二个 Sequential 把 Embedding 丢掉了；softmax 直接作用在整数 token id 上；reduce_sum 把输出压成一维，Dense 报错（expected min_ndim=2）；注意力里没有任何可学习参数，也没有掩码。正确结构：Embedding(mask_zero) → Dense(1) 打分 → 沿时间的掩码 softmax → 加权求和 → Dense。`,
          en: String.raw`The second Sequential discards the Embedding; softmax runs on raw integer token ids; reduce_sum collapses the output to rank 1, so Dense fails ("expected min_ndim=2"); the attention has no learnable parameters and no mask. Correct: Embedding(mask_zero) → Dense(1) scores → masked softmax over time → weighted sum → Dense.`,
        },
        erratum: 5,
      },
      {
        claim: {
          zh: String.raw`pad_sequences 会把文本数据转换为整数编码。`,
          en: String.raw`pad_sequences converts the text data into integer codes.`,
        },
        correction: {
          zh: String.raw`IMDB 数据加载时已经是整数序列；pad_sequences 只做填充和截断，把序列变成等长。`,
          en: String.raw`IMDB is loaded as integer sequences already; pad_sequences only pads and truncates them to a common length.`,
        },
        erratum: 5,
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'createAttentionTextClassifier', test: 'packages/softmax-attention/src/models/attention-text-classifier.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'explainAttention', test: 'packages/softmax-attention/src/models/attention-text-classifier.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'AttentionPooling', test: 'packages/softmax-attention/src/layers/attention-pooling.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Hierarchical Attention Networks for Document Classification', authors: 'Yang, Yang, Dyer, He, Smola, Hovy', year: 2016, url: 'https://aclanthology.org/N16-1174/' },
      { title: 'A Structured Self-attentive Sentence Embedding', authors: 'Lin et al.', year: 2017, arxiv: '1703.03130' },
      { title: 'Understanding masking & padding (Keras guide)', url: 'https://keras.io/guides/understanding_masking_and_padding/' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Softmax: gradients and numerics
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-softmax-vjp',
    topic: 'attention-softmax',
    subtopic: 'softmax-gradient',
    tags: ['softmax', 'jacobian', 'vjp', 'backpropagation'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: String.raw`已知 $s=\mathrm{softmax}(z)$ 和上游梯度 $g=\partial L/\partial s$，推导 $\partial L/\partial z$（向量–雅可比积，VJP），并说明为什么反向传播时不需要显式构造 $n\times n$ 的雅可比矩阵。`,
      en: String.raw`Given $s=\mathrm{softmax}(z)$ and the upstream gradient $g=\partial L/\partial s$, derive $\partial L/\partial z$ (the vector–Jacobian product, VJP) and explain why backprop never needs to build the $n\times n$ Jacobian.`,
    },
    answer: {
      short: {
        zh: String.raw`$\partial L/\partial z=J^\top g=s\odot(g-\langle g,s\rangle\mathbf 1)$：只需前向输出 $s$、一次点积和一次逐元素运算，时间和显存都是 $O(n)$，而构造 $J$ 需要 $O(n^2)$。`,
        en: String.raw`$\partial L/\partial z=J^\top g=s\odot(g-\langle g,s\rangle\mathbf 1)$: it needs only the forward output $s$, one dot product and one elementwise op — $O(n)$ time and memory instead of $O(n^2)$ for $J$.`,
      },
      full: {
        zh: String.raw`$J=\mathrm{diag}(s)-ss^\top$ 是对称的，所以
$$\frac{\partial L}{\partial z}=J^\top g=\mathrm{diag}(s)g-s(s^\top g)=s\odot\big(g-(s^\top g)\mathbf 1\big).$$
分量形式 $\partial L/\partial z_j=s_j\big(g_j-\sum_is_ig_i\big)$：先用 $s$ 加权的均值把上游梯度中心化，再乘以 $s$。

**推论。**
- 只需要前向输出 $s$（不需要 logits），每行一次点积加一次逐元素运算，$O(n)$。若词表大小为 50,000，显式的 $J$ 每行就有 $2.5\times10^9$ 个元素。
- $\mathbf 1^\top\frac{\partial L}{\partial z}=\sum_js_jg_j-(s^\top g)\sum_js_j=0$：对 logits 的梯度之和恒为 0，反映平移不变性。
- 注意力中 $A=\mathrm{softmax}(S)$ 按行计算，给定 $dA$：$dS=A\odot\big(dA-\mathrm{rowsum}(dA\odot A)\big)$。FlashAttention 的反向正是这样做的，并利用 $\mathrm{rowsum}(dA\odot A)=\mathrm{rowsum}(dO\odot O)$（因为 $dA=dO\,V^\top$、$O=AV$）避免存储 $A$。

**数值例子。** $z=(1,2,3)$，$g=(0,0,1)$（即 $L=s_3$）：$s^\top g=0.66524$，
$$\frac{\partial L}{\partial z}=\big(0.09003(0-0.66524),\;0.24473(0-0.66524),\;0.66524(1-0.66524)\big)=(-0.05989,\,-0.16280,\,0.22270),$$
恰好是 $J$ 的第三列。`,
        en: String.raw`$J=\mathrm{diag}(s)-ss^\top$ is symmetric, so
$$\frac{\partial L}{\partial z}=J^\top g=\mathrm{diag}(s)g-s(s^\top g)=s\odot\big(g-(s^\top g)\mathbf 1\big).$$
Componentwise $\partial L/\partial z_j=s_j\big(g_j-\sum_is_ig_i\big)$: center the upstream gradient by its $s$-weighted mean, then scale by $s$.

**Consequences.**
- It needs only the forward output $s$ (not the logits): one dot product and one elementwise op per row, $O(n)$. For a 50,000-word vocabulary an explicit $J$ would have $2.5\times10^9$ entries per row.
- $\mathbf 1^\top\frac{\partial L}{\partial z}=\sum_js_jg_j-(s^\top g)\sum_js_j=0$: the gradient w.r.t. the logits always sums to zero, reflecting shift invariance.
- In attention, with a row-wise $A=\mathrm{softmax}(S)$ and upstream $dA$: $dS=A\odot\big(dA-\mathrm{rowsum}(dA\odot A)\big)$. FlashAttention's backward does exactly this, using $\mathrm{rowsum}(dA\odot A)=\mathrm{rowsum}(dO\odot O)$ (because $dA=dO\,V^\top$ and $O=AV$) so $A$ never has to be stored.

**Worked example.** $z=(1,2,3)$, $g=(0,0,1)$ (i.e. $L=s_3$): $s^\top g=0.66524$ and
$$\frac{\partial L}{\partial z}=\big(0.09003(0-0.66524),\;0.24473(0-0.66524),\;0.66524(1-0.66524)\big)=(-0.05989,\,-0.16280,\,0.22270),$$
which is exactly the third column of $J$.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmaxVjp', test: 'packages/softmax-attention/src/ops/softmax-jacobian.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'softmaxJacobian', test: 'packages/softmax-attention/src/ops/softmax-jacobian.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Deep Learning, Chapter 6.5 (Back-Propagation)', authors: 'Goodfellow, Bengio, Courville', year: 2016, url: 'https://www.deeplearningbook.org/contents/mlp.html' },
      { title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness', authors: 'Dao, Fu, Ermon, Rudra, Ré', year: 2022, arxiv: '2205.14135' },
    ],
  },
  {
    id: 'attn-softmax-ce-gradient',
    topic: 'attention-softmax',
    subtopic: 'cross-entropy',
    tags: ['softmax', 'cross-entropy', 'gradient', 'backpropagation'],
    kind: 'derivation',
    difficulty: 2,
    prompt: {
      zh: String.raw`对 logits $z$ 先做 softmax 再计算交叉熵 $L=-\sum_iy_i\log s_i$（$y$ 为 one-hot 或任意概率分布），推导 $\partial L/\partial z$，并用 $z=(2,1,0.1)$、真实类别为第 1 类验证。`,
      en: String.raw`For softmax followed by cross-entropy, $L=-\sum_iy_i\log s_i$ with $s=\mathrm{softmax}(z)$ and $y$ one-hot or any distribution, derive $\partial L/\partial z$ and check it on $z=(2,1,0.1)$ with the first class correct.`,
    },
    answer: {
      short: {
        zh: String.raw`$\partial L/\partial z=s-y$（只要 $\sum_iy_i=1$）：预测分布减去目标分布。例子中 $s=(0.6590,0.2424,0.0986)$，$L=0.4170$，梯度 $(-0.3410,0.2424,0.0986)$。`,
        en: String.raw`$\partial L/\partial z=s-y$ (whenever $\sum_iy_i=1$): predicted minus target distribution. In the example $s=(0.6590,0.2424,0.0986)$, $L=0.4170$, gradient $(-0.3410,0.2424,0.0986)$.`,
      },
      full: {
        zh: String.raw`由 $\log s_i=z_i-\log\sum_ke^{z_k}$ 得 $L=-\sum_iy_iz_i+\big(\sum_iy_i\big)\log\sum_ke^{z_k}$。当 $\sum_iy_i=1$：
$$\frac{\partial L}{\partial z_j}=-y_j+\frac{e^{z_j}}{\sum_ke^{z_k}}=s_j-y_j.$$
也可以走链式法则：$\sum_i(-y_i/s_i)\,s_i(\delta_{ij}-s_j)=-y_j+s_j\sum_iy_i$，$1/s_i$ 被雅可比中的 $s_i$ 恰好抵消。

**例子。** $z=(2,1,0.1)$：$s=(0.6590,0.2424,0.0986)$，$L=-\ln0.6590=0.4170$，$\nabla_zL=(-0.3410,0.2424,0.0986)$，分量之和为 0。

**为什么重要。**
- 梯度每个分量在 $[-1,1]$ 内，且模型“自信地错”时梯度不会消失（与对 softmax 输出用 MSE 不同，后者要再乘一个饱和时趋于 0 的雅可比）。
- 框架把两步融合（softmax_cross_entropy_with_logits、from_logits=True）：更快，并通过 log-sum-exp 计算，不会出现 $\log0$。
- 对 batch 取平均时梯度再除以 $B$。
- 标签平滑只是换了 $y$，公式不变。`,
        en: String.raw`From $\log s_i=z_i-\log\sum_ke^{z_k}$ we get $L=-\sum_iy_iz_i+\big(\sum_iy_i\big)\log\sum_ke^{z_k}$. With $\sum_iy_i=1$:
$$\frac{\partial L}{\partial z_j}=-y_j+\frac{e^{z_j}}{\sum_ke^{z_k}}=s_j-y_j.$$
Via the chain rule instead: $\sum_i(-y_i/s_i)\,s_i(\delta_{ij}-s_j)=-y_j+s_j\sum_iy_i$ — the $1/s_i$ cancels exactly against the Jacobian's $s_i$.

**Example.** $z=(2,1,0.1)$: $s=(0.6590,0.2424,0.0986)$, $L=-\ln0.6590=0.4170$, $\nabla_zL=(-0.3410,0.2424,0.0986)$, which sums to 0.

**Why it matters.**
- Every component lies in $[-1,1]$, and the gradient does not vanish when the model is confidently wrong (unlike MSE on softmax outputs, which is multiplied by a Jacobian that goes to 0 under saturation).
- Frameworks fuse the two steps (softmax_cross_entropy_with_logits, from_logits=True): faster, and computed through log-sum-exp so $\log0$ never happens.
- For a batch-mean loss, divide by $B$.
- Label smoothing only changes $y$; the formula is the same.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`交叉熵对概率求导会出现 $1/s_i$，所以当 $s_i$ 很小时梯度会爆炸。`,
          en: String.raw`The cross-entropy derivative contains $1/s_i$, so the gradient explodes when $s_i$ is small.`,
        },
        correction: {
          zh: String.raw`对 logits 的梯度中 $1/s_i$ 与 softmax 雅可比的 $s_i$ 相消，结果 $s-y$ 有界；数值问题只出现在先算 softmax 再取 log 的实现里。`,
          en: String.raw`With respect to the logits the $1/s_i$ cancels against the softmax Jacobian's $s_i$, leaving the bounded $s-y$; numerical trouble only appears if you compute softmax first and then take its log.`,
        },
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'softmaxCrossEntropy', test: 'packages/softmax-attention/src/ops/softmax-cross-entropy.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Deep Learning, Section 6.2.2.3 (Softmax Units for Multinoulli Output Distributions)', authors: 'Goodfellow, Bengio, Courville', year: 2016, url: 'https://www.deeplearningbook.org/contents/mlp.html' },
    ],
  },
  {
    id: 'attn-log-sum-exp',
    topic: 'attention-softmax',
    subtopic: 'numerical-stability',
    tags: ['log-sum-exp', 'log-softmax', 'numerical-stability', 'cross-entropy'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`计算 $z=(1000,1001,1002)$ 的 log-sum-exp 和 log-softmax。为什么交叉熵应该直接从 logits 计算（log-softmax），而不是先算 softmax 再取对数？`,
      en: String.raw`Compute the log-sum-exp and the log-softmax of $z=(1000,1001,1002)$. Why should cross-entropy be computed from the logits (log-softmax) rather than as the log of a softmax?`,
    },
    answer: {
      short: {
        zh: String.raw`$\mathrm{LSE}(z)=1002+\ln(1+e^{-1}+e^{-2})\approx1002.4076$，log-softmax $\approx(-2.4076,-1.4076,-0.4076)$；直接算 $z-\mathrm{LSE}(z)$ 永远不会对下溢成 0 的概率取对数，而 log(softmax) 会得到 $-\infty$。`,
        en: String.raw`$\mathrm{LSE}(z)=1002+\ln(1+e^{-1}+e^{-2})\approx1002.4076$, so log-softmax $\approx(-2.4076,-1.4076,-0.4076)$; computing $z-\mathrm{LSE}(z)$ directly never takes the log of an underflowed 0, whereas log(softmax) returns $-\infty$.`,
      },
      full: {
        zh: String.raw`$\mathrm{LSE}(z)=\log\sum_ie^{z_i}=m+\log\sum_ie^{z_i-m}$，$m=\max_iz_i$。

直接计算时 $e^{1000}$ 即使在 float64 下也会上溢（最大可表示的指数约为 709.78），得到 inf，后续 inf − inf = NaN。平移后：$1+e^{-1}+e^{-2}=1+0.36788+0.13534=1.50321$，$\ln1.50321=0.40761$，所以 $\mathrm{LSE}=1002.40761$。

log-softmax $z_i-\mathrm{LSE}$：$(-2.4076,-1.4076,-0.4076)$；取指数得 $(0.0900,0.2447,0.6652)$，和为 1。

**为什么损失要用 log-softmax。**
- 概率可能下溢：float32 中 $s_i$ 小于最小次正规数 $1.4\times10^{-45}$ 的一半（大致 $z_i-\max z<-103.97$）时 softmax 返回 0，$\log0=-\infty$，损失为 inf，梯度 NaN。log-softmax 则返回有限值 $z_i-\mathrm{LSE}$，比如 $-150$。
- 融合后的梯度 $s-y$ 精确且便宜。
- 代码：logSoftmax(x) = x − m − log(sum(exp(x − m)))；Keras 里用 from_logits=True；tfjs 里用 tf.logSoftmax 或 tf.losses.softmaxCrossEntropy。

附：LSE 是 max 的光滑近似，$\max z\le\mathrm{LSE}(z)\le\max z+\log n$。`,
        en: String.raw`$\mathrm{LSE}(z)=\log\sum_ie^{z_i}=m+\log\sum_ie^{z_i-m}$ with $m=\max_iz_i$.

Naively, $e^{1000}$ overflows even in float64 (the largest representable exponent is about 709.78), giving inf and then inf − inf = NaN. Shifted: $1+e^{-1}+e^{-2}=1+0.36788+0.13534=1.50321$, $\ln1.50321=0.40761$, so $\mathrm{LSE}=1002.40761$.

Log-softmax $z_i-\mathrm{LSE}$: $(-2.4076,-1.4076,-0.4076)$; exponentiating gives $(0.0900,0.2447,0.6652)$, which sums to 1.

**Why log-softmax for the loss.**
- Probabilities can underflow: in float32, when $s_i$ is below half the smallest subnormal $1.4\times10^{-45}$ (roughly $z_i-\max z<-103.97$), softmax returns 0 and $\log0=-\infty$ — infinite loss, NaN gradients. Log-softmax returns the finite $z_i-\mathrm{LSE}$, e.g. $-150$.
- The fused gradient $s-y$ is exact and cheap.
- In code: logSoftmax(x) = x − m − log(sum(exp(x − m))); in Keras use from_logits=True; in tfjs tf.logSoftmax or tf.losses.softmaxCrossEntropy.

Aside: LSE is a smooth max, $\max z\le\mathrm{LSE}(z)\le\max z+\log n$.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'logSoftmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'softmaxCrossEntropy', test: 'packages/softmax-attention/src/ops/softmax-cross-entropy.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Deep Learning, Section 4.1 (Overflow and Underflow)', authors: 'Goodfellow, Bengio, Courville', year: 2016, url: 'https://www.deeplearningbook.org/contents/numerical.html' },
      { title: 'TensorFlow.js API reference', url: 'https://js.tensorflow.org/api/latest/' },
    ],
  },
  {
    id: 'attn-softmax-float-limits',
    topic: 'attention-softmax',
    subtopic: 'numerical-stability',
    tags: ['mixed-precision', 'float16', 'overflow', 'softmax'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`在 float32 和 float16 下，$e^{z}$ 在 $z$ 多大时会上溢、多小时会下溢为 0？这对混合精度训练中的 softmax 和注意力有什么影响？`,
      en: String.raw`In float32 and float16, for which $z$ does $e^{z}$ overflow, and below which $z$ does it underflow to 0? What does this mean for softmax and attention under mixed-precision training?`,
    },
    answer: {
      short: {
        zh: String.raw`float32 中 $z>\ln(3.40\times10^{38})\approx88.72$ 时上溢，float16 中 $z>\ln65504\approx11.09$ 就上溢；$z$ 低于约 $-103.97$（float32，$\ln2^{-150}$）或 $-17.33$（float16，$\ln2^{-25}$）时 $e^z$ 舍入为 0——$-103.28$ 是最小次正规数的对数，在它与 $-103.97$ 之间 $e^z$ 仍返回这个次正规数；若次正规数被冲刷为零（flush-to-zero），float32 的阈值约为 $-87.3$。因此注意力分数和 softmax 要先减最大值，并最好在 float32 中计算。`,
        en: String.raw`exp overflows for $z>\ln(3.40\times10^{38})\approx88.72$ in float32 but already for $z>\ln65504\approx11.09$ in float16; it rounds to 0 below about $-103.97$ (float32, $\ln2^{-150}$) and $-17.33$ (float16, $\ln2^{-25}$) — $-103.28$ is the log of the smallest subnormal, which exp still returns between $-103.97$ and $-103.28$; with flush-to-zero of subnormals the float32 threshold is about $-87.3$. So attention scores and softmax must subtract the max and are best computed in float32.`,
      },
      full: {
        zh: String.raw`上溢阈值是最大有限值的自然对数。下溢要看舍入：结果舍入到最近的可表示数，所以只有小于最小次正规数 $t$ 的**一半**时才变成 0；介于 $t/2$ 与 $t$ 之间的值向上舍入为 $t$。因此为 0 的阈值是 $\ln(t/2)=\ln t-\ln2$，而不是 $\ln t$：

| 格式 | 最大有限值 | $z>$ 时上溢 | 最小次正规数 $t$（$\ln t$） | $z<$ 时舍入为 0 | 冲刷为零（FTZ）时 $z<$ 即为 0 |
|---|---|---|---|---|---|
| float32 | $3.40\times10^{38}$ | 88.72 | $2^{-149}=1.40\times10^{-45}$（−103.28） | $\ln2^{-150}\approx-103.97$ | $\ln2^{-126}\approx-87.34$ |
| float16 | 65504 | 11.09 | $2^{-24}=5.96\times10^{-8}$（−16.64） | $\ln2^{-25}\approx-17.33$ | $\ln2^{-14}\approx-9.70$ |

实测（float32）：$e^{-103.9}$ 与 $e^{-103.5}$ 都得到 $1.40\times10^{-45}$，$e^{-103.98}=0$（Node 的 Math.fround、tfjs cpu 后端和 PyTorch CPU 的 torch.exp 一致）。最后一列是最小**正规**数的对数：启用 flush-to-zero/denormals-are-zero（GPU 的 fast-math 编译选项、torch.set_flush_denormal(True)、某些 CPU 模式）时，次正规结果直接变成 0，float32 的 $e^z$ 在 $z<-87.34$ 就为 0。次正规数本身的精度也很低（$2^{-149}$ 只有 1 位有效数字）。

**影响。**
- 减去最大值可以在任何格式下消除上溢（最大指数为 0），但 float16 中很多小概率会直接变成 0，大量项求和也会损失精度（float16 在 1 附近的间隔是 $2^{-10}\approx0.001$）。
- 未缩放的分数 $q^\top k$ 在 $d_k$ 较大或激活较大时本身就可能超过 65504，变成 inf，随后 inf − inf = NaN。
- $-10^9$ 这种掩码常数在 float16 中无法表示，会变成 $-\infty$。
- 实践：混合精度方案把 softmax、log-sum-exp 和损失保留在 float32（TensorFlow 混合精度指南建议模型最后的 softmax 输出用 float32；Micikevicius 等，2017）。bfloat16 的指数范围与 float32 相同（最大约 $3.39\times10^{38}$），但有效精度只有 8 位。`,
        en: String.raw`The overflow threshold is the natural log of the largest finite value. Underflow is a matter of rounding: a result rounds to the nearest representable number, so it becomes 0 only below **half** the smallest subnormal $t$; values between $t/2$ and $t$ round up to $t$. The zero threshold is therefore $\ln(t/2)=\ln t-\ln2$, not $\ln t$:

| format | max finite | overflow for $z>$ | smallest subnormal $t$ ($\ln t$) | rounds to 0 for $z<$ | 0 for $z<$ with flush-to-zero |
|---|---|---|---|---|---|
| float32 | $3.40\times10^{38}$ | 88.72 | $2^{-149}=1.40\times10^{-45}$ (−103.28) | $\ln2^{-150}\approx-103.97$ | $\ln2^{-126}\approx-87.34$ |
| float16 | 65504 | 11.09 | $2^{-24}=5.96\times10^{-8}$ (−16.64) | $\ln2^{-25}\approx-17.33$ | $\ln2^{-14}\approx-9.70$ |

Measured in float32: $e^{-103.9}$ and $e^{-103.5}$ both give $1.40\times10^{-45}$ and $e^{-103.98}=0$ (Node's Math.fround, the tfjs cpu backend and PyTorch's CPU torch.exp agree). The last column is the log of the smallest **normal** number: with flush-to-zero/denormals-are-zero (GPU fast-math builds, torch.set_flush_denormal(True), some CPU modes) subnormal results become 0, so float32 $e^z$ is 0 for $z<-87.34$. Subnormals carry little precision anyway ($2^{-149}$ has a single significant bit).

**Consequences.**
- Subtracting the max removes overflow in every format (the largest exponent is 0), but in float16 many small probabilities flush to 0 and long sums lose precision (float16 spacing near 1 is $2^{-10}\approx0.001$).
- Unscaled scores $q^\top k$ can themselves exceed 65504 for large $d_k$ or large activations, becoming inf, and then inf − inf = NaN.
- Mask constants like $-10^9$ are not representable in float16; they become $-\infty$.
- Practice: mixed-precision recipes keep softmax, log-sum-exp and the loss in float32 (the TensorFlow mixed-precision guide recommends a float32 softmax output; Micikevicius et al., 2017). bfloat16 has float32's exponent range (max about $3.39\times10^{38}$) but only 8 bits of precision.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Mixed Precision Training', authors: 'Micikevicius et al.', year: 2017, arxiv: '1710.03740' },
      { title: 'Mixed precision (TensorFlow guide)', url: 'https://www.tensorflow.org/guide/mixed_precision' },
      { title: 'Half-precision floating-point format', url: 'https://en.wikipedia.org/wiki/Half-precision_floating-point_format' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Scaled dot-product and multi-head attention
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-scaling-sqrt-dk',
    topic: 'attention-softmax',
    subtopic: 'scaled-dot-product',
    tags: ['scaled-dot-product', 'variance', 'initialization', 'softmax-saturation'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: String.raw`为什么缩放点积注意力要除以 $\sqrt{d_k}$？假设 $q,k\in\mathbb R^{d_k}$ 的各分量独立、均值为 0、方差为 1，推导 $q^\top k$ 的均值和方差。`,
      en: String.raw`Why does scaled dot-product attention divide by $\sqrt{d_k}$? Assuming the components of $q,k\in\mathbb R^{d_k}$ are independent with mean 0 and variance 1, derive the mean and variance of $q^\top k$.`,
    },
    answer: {
      short: {
        zh: String.raw`$\mathbb E[q^\top k]=0$，$\mathrm{Var}(q^\top k)=d_k$，未缩放分数的标准差为 $\sqrt{d_k}$（$d_k=64$ 时为 8）；除以 $\sqrt{d_k}$ 让方差回到 1，使 softmax 不落入梯度接近 0 的饱和区。`,
        en: String.raw`$\mathbb E[q^\top k]=0$ and $\mathrm{Var}(q^\top k)=d_k$, so raw scores have standard deviation $\sqrt{d_k}$ (8 for $d_k=64$); dividing by $\sqrt{d_k}$ restores unit variance and keeps the softmax out of its saturated, near-zero-gradient regime.`,
      },
      full: {
        zh: String.raw`$q^\top k=\sum_{i=1}^{d_k}q_ik_i$。对独立、零均值、单位方差的 $q_i,k_i$：$\mathbb E[q_ik_i]=\mathbb E[q_i]\mathbb E[k_i]=0$，$\mathrm{Var}(q_ik_i)=\mathbb E[q_i^2]\mathbb E[k_i^2]-0=1$。$d_k$ 项相互独立，所以
$$\mathbb E[q^\top k]=0,\qquad\mathrm{Var}(q^\top k)=d_k,\qquad\mathrm{Var}\Big(\frac{q^\top k}{\sqrt{d_k}}\Big)=1.$$

**为什么重要。** $d_k=64$ 时未缩放分数的标准差为 8；两个相差 $2\sigma$ 的键，logit 差 16，概率比 $e^{16}\approx8.9\times10^6$——softmax 几乎是 one-hot。此时雅可比 $\mathrm{diag}(s)-ss^\top\to0$，传到 $W_Q,W_K$ 的梯度消失（Vaswani 等论文脚注 4 正是这个论证）。

**补充。**
- 除以 $d_k$ 而不是 $\sqrt{d_k}$ 会矫枉过正：分数标准差变为 $1/\sqrt{d_k}$，初始化时注意力接近均匀。
- 这个假设只在初始化时成立；训练中分数可能越来越大（注意力 logit 增长），超大 ViT 因此引入了 QK 归一化（Dehghani 等，2023）。
- 本质上这是温度 $T=\sqrt{d_k}$；有些模型（如 T5）不显式乘这个系数，而是把它并入 $W_Q$ 的初始化。`,
        en: String.raw`$q^\top k=\sum_{i=1}^{d_k}q_ik_i$. For independent zero-mean, unit-variance $q_i,k_i$: $\mathbb E[q_ik_i]=\mathbb E[q_i]\mathbb E[k_i]=0$ and $\mathrm{Var}(q_ik_i)=\mathbb E[q_i^2]\mathbb E[k_i^2]-0=1$. The $d_k$ terms are independent, so
$$\mathbb E[q^\top k]=0,\qquad\mathrm{Var}(q^\top k)=d_k,\qquad\mathrm{Var}\Big(\frac{q^\top k}{\sqrt{d_k}}\Big)=1.$$

**Why it matters.** With $d_k=64$ unscaled scores have std 8; two keys $2\sigma$ apart differ by 16 in logit, a probability ratio of $e^{16}\approx8.9\times10^6$ — the softmax is essentially one-hot. Its Jacobian $\mathrm{diag}(s)-ss^\top\to0$, so the gradients reaching $W_Q,W_K$ vanish (this is the argument of footnote 4 in Vaswani et al.).

**Notes.**
- Dividing by $d_k$ instead of $\sqrt{d_k}$ over-corrects: the scores' std becomes $1/\sqrt{d_k}$ and attention is nearly uniform at initialization.
- The assumption only holds at initialization; during training the scores can grow (attention-logit growth), which is why very large ViTs added QK normalization (Dehghani et al., 2023).
- It is a temperature $T=\sqrt{d_k}$; some models (e.g. T5) drop the explicit factor and fold it into the initialization of $W_Q$.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'Scaling Vision Transformers to 22 Billion Parameters', authors: 'Dehghani et al.', year: 2023, arxiv: '2302.05442' },
    ],
  },
  {
    id: 'attn-mha-param-count',
    topic: 'attention-softmax',
    subtopic: 'multi-head-attention',
    tags: ['multi-head-attention', 'parameter-count', 'keras'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`Keras 的 MultiHeadAttention 用于自注意力（输入维度 $d$），query/key/value 三个投影和输出投影都带偏置。设头数为 $h$，每头 key 维度 $d_k$、value 维度 $d_v$，推导参数量公式，并计算 (a) $d=512,h=8,d_k=d_v=64$；(b) $d=256,h=4,d_k=32,d_v=48$。`,
      en: String.raw`Keras's MultiHeadAttention is used for self-attention on inputs of width $d$; the query, key and value projections and the output projection all have biases. With $h$ heads, per-head key dim $d_k$ and value dim $d_v$, derive the parameter count and evaluate it for (a) $d=512,h=8,d_k=d_v=64$ and (b) $d=256,h=4,d_k=32,d_v=48$.`,
    },
    answer: {
      short: {
        zh: String.raw`$P=2(d+1)hd_k+(d+1)hd_v+(hd_v+1)d$。(a) $4\times(512^2+512)=1{,}050{,}624$；(b) $32{,}896+32{,}896+49{,}344+49{,}408=164{,}544$。`,
        en: String.raw`$P=2(d+1)hd_k+(d+1)hd_v+(hd_v+1)d$. (a) $4\times(512^2+512)=1{,}050{,}624$; (b) $32{,}896+32{,}896+49{,}344+49{,}408=164{,}544$.`,
      },
      full: {
        zh: String.raw`每个投影都是带偏置的全连接：
- Query：核 $d\times h\times d_k$，偏置 $h\times d_k$：$dhd_k+hd_k$；
- Key：同样 $dhd_k+hd_k$（自注意力中 key 输入维度也是 $d$）；
- Value：$dhd_v+hd_v$；
- 输出：核 $h\times d_v\times d$（默认投影回 query 的维度），偏置 $d$：$hd_vd+d$。

合计 $P=2hd_k(d+1)+hd_v(d+1)+hd_vd+d$。

**(a)** Transformer-base：$hd_k=hd_v=512$，四个投影各 $512\cdot512+512=262{,}656$，共 $4\times262{,}656=1{,}050{,}624$。

**(b)** $hd_k=128$，$hd_v=192$：Q $256\cdot128+128=32{,}896$；K $32{,}896$；V $256\cdot192+192=49{,}344$；O $192\cdot256+256=49{,}408$；共 $164{,}544$。注意输出偏置有 $d$ 个，而不是 $hd_v$ 个。

**结论。**
- 参数量与序列长度无关。
- 当 $d_k=d_v=d/h$ 时为 $4d^2+4d$，与 $h$ 无关：增加头数不增加参数，只是把同样的宽度切分成更多份。
- 交叉注意力中 key/value 输入维度为 $d_{kv}$ 时，把 K、V 两项里的 $d$ 换成 $d_{kv}$。
- BERT-base（$d=768,h=12$）：$4(768^2+768)=2{,}362{,}368$。`,
        en: String.raw`Each projection is a dense map with a bias:
- Query: kernel $d\times h\times d_k$, bias $h\times d_k$: $dhd_k+hd_k$;
- Key: likewise $dhd_k+hd_k$ (the key input width is also $d$ in self-attention);
- Value: $dhd_v+hd_v$;
- Output: kernel $h\times d_v\times d$ (back to the query's width by default), bias $d$: $hd_vd+d$.

Total $P=2hd_k(d+1)+hd_v(d+1)+hd_vd+d$.

**(a)** Transformer-base: $hd_k=hd_v=512$, each of the four projections has $512\cdot512+512=262{,}656$, total $4\times262{,}656=1{,}050{,}624$.

**(b)** $hd_k=128$, $hd_v=192$: Q $256\cdot128+128=32{,}896$; K $32{,}896$; V $256\cdot192+192=49{,}344$; O $192\cdot256+256=49{,}408$; total $164{,}544$. Note that the output bias has $d$ entries, not $hd_v$.

**Takeaways.**
- The count does not depend on sequence length.
- With $d_k=d_v=d/h$ it is $4d^2+4d$ whatever $h$ is: more heads add no parameters, they split the same width.
- For cross-attention with key/value inputs of width $d_{kv}$, replace $d$ by $d_{kv}$ in the K and V terms.
- BERT-base ($d=768,h=12$): $4(768^2+768)=2{,}362{,}368$.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'MultiHeadAttention', test: 'packages/softmax-attention/src/layers/multi-head-attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'MultiHeadAttention layer (Keras API)', url: 'https://keras.io/api/layers/attention_layers/multi_head_attention/' },
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
    ],
  },
  {
    id: 'attn-complexity',
    topic: 'attention-softmax',
    subtopic: 'complexity',
    tags: ['complexity', 'memory', 'long-context', 'flops'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`自注意力层的时间和显存复杂度是多少？对 $n=4096$、$d=1024$（16 个头，$d_k=64$）、batch 为 1 的一层，估算 $QK^\top$ 与 $AV$ 的 FLOPs、四个投影的 FLOPs，以及 float32 注意力权重占用的显存。`,
      en: String.raw`What are the time and memory complexities of a self-attention layer? For one layer with $n=4096$, $d=1024$ (16 heads, $d_k=64$) and batch 1, estimate the FLOPs of $QK^\top$ and $AV$, the FLOPs of the four projections, and the memory of the float32 attention weights.`,
    },
    answer: {
      short: {
        zh: String.raw`时间 $O(n^2d)$（$QK^\top$ 与 $AV$）加 $O(nd^2)$（投影），权重显存 $O(hn^2)$。本例：$QK^\top$+$AV$ 约 $6.9\times10^{10}$ FLOPs，投影约 $3.4\times10^{10}$ FLOPs，float32 权重 $16\cdot4096^2\cdot4$ B = 1 GiB（每层每条序列）。`,
        en: String.raw`Time $O(n^2d)$ for $QK^\top$ and $AV$ plus $O(nd^2)$ for the projections; memory $O(hn^2)$ for the weights. Here: about $6.9\times10^{10}$ FLOPs for $QK^\top$+$AV$, $3.4\times10^{10}$ for the projections, and $16\cdot4096^2\cdot4$ B = 1 GiB of float32 weights per layer per sequence.`,
      },
      full: {
        zh: String.raw`一次乘加记为 2 FLOPs。
- $QK^\top$：每个头是 $n\times d_k$ 乘 $d_k\times n$，$2n^2d_k$；$h$ 个头共 $2n^2d=2\cdot4096^2\cdot1024\approx3.44\times10^{10}$。
- $AV$：同样 $3.44\times10^{10}$。两者合计 $4n^2d\approx6.87\times10^{10}$。
- Q、K、V、O 四个投影：$4\times2nd^2=8nd^2=8\cdot4096\cdot1024^2\approx3.44\times10^{10}$。
- softmax：$hn^2$ 次指数运算，FLOPs 不多但受显存带宽限制。

当 $4n^2d>8nd^2$，即 $n>2d$ 时，二次项占主导；本例 $n=4d$，是投影的 2 倍。

**显存。** 权重张量 $h\times n\times n=16\cdot4096^2\approx2.68\times10^8$ 个 float32，即 $1{,}073{,}741{,}824$ B = 1 GiB，每层每条序列都要为反向保存（朴素实现还要存 softmax 前的分数和 dropout 掩码）。$n$ 翻倍，显存变为 4 倍。

对比 RNN：自注意力每层的顺序操作数和最长路径长度都是 $O(1)$，RNN 是 $O(n)$（Vaswani 等，表 1）。

缓解：FlashAttention（精确计算，额外显存 $O(n)$）、稀疏/局部注意力、低秩或线性注意力；生成时用 KV cache（那是另一个问题）。`,
        en: String.raw`Count a multiply-add as 2 FLOPs.
- $QK^\top$: per head $n\times d_k$ times $d_k\times n$, $2n^2d_k$; over $h$ heads $2n^2d=2\cdot4096^2\cdot1024\approx3.44\times10^{10}$.
- $AV$: the same, $3.44\times10^{10}$. Together $4n^2d\approx6.87\times10^{10}$.
- Projections Q, K, V, O: $4\times2nd^2=8nd^2=8\cdot4096\cdot1024^2\approx3.44\times10^{10}$.
- Softmax: $hn^2$ exponentials — few FLOPs, but memory-bandwidth bound.

The quadratic term dominates when $4n^2d>8nd^2$, i.e. $n>2d$; here $n=4d$, so it is twice the projections.

**Memory.** The weight tensor $h\times n\times n=16\cdot4096^2\approx2.68\times10^8$ float32 values is $1{,}073{,}741{,}824$ B = 1 GiB per layer per sequence, kept for the backward pass (naive implementations also keep the pre-softmax scores and the dropout mask). Doubling $n$ quadruples it.

Versus an RNN: self-attention needs $O(1)$ sequential operations and has $O(1)$ maximum path length per layer; an RNN needs $O(n)$ (Vaswani et al., Table 1).

Mitigations: FlashAttention (exact, $O(n)$ extra memory), sparse/local attention, low-rank or linear attention; for generation, a KV cache (a different issue).`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness', authors: 'Dao, Fu, Ermon, Rudra, Ré', year: 2022, arxiv: '2205.14135' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Masking and temperature
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-mask-neg-inf',
    topic: 'attention-softmax',
    subtopic: 'masking',
    tags: ['masking', 'numerical-stability', 'nan', 'float16'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: String.raw`实现注意力掩码时，被屏蔽位置的分数应设为 $-\infty$ 还是一个很大的负数（如 $-10^9$）？如果某一行的所有位置都被屏蔽会怎样？在 float16 下又会怎样？`,
      en: String.raw`When masking attention, should blocked scores be set to $-\infty$ or to a large negative number such as $-10^9$? What happens when every position of a row is masked? And in float16?`,
    },
    answer: {
      short: {
        zh: String.raw`用 $-\infty$ 时，全被屏蔽的一行会算出 $-\infty-(-\infty)$ 或 $0/0$，得到 NaN 并在反向传播中扩散；用有限的大负数则得到均匀分布（无害但无意义）。常数必须能在计算精度下表示（$-10^9$ 在 float16 中变成 $-\infty$），被屏蔽的查询行的输出应置零或从损失中排除。`,
        en: String.raw`With $-\infty$ a fully masked row computes $-\infty-(-\infty)$ or $0/0$ and returns NaN, which then spreads through backprop; a finite large negative gives a uniform (harmless but meaningless) row. The constant must be representable in the compute dtype ($-10^9$ becomes $-\infty$ in float16), and fully masked query rows should be zeroed or excluded from the loss.`,
      },
      full: {
        zh: String.raw`行 $z=(2,-\infty,-\infty)$ 没问题，$s=(1,0,0)$。行 $(-\infty,-\infty,-\infty)$：最大值为 $-\infty$，$z-m=\mathrm{NaN}$；即使不减最大值，$\sum e^{z}=0$，$0/0=$ NaN。batch 中只要有一个 NaN，损失和所有梯度都会变成 NaN。

**有限常数 $c=-10^9$（直接填入）。** 全被屏蔽的行所有分数相等 → 均匀分布 $1/n$，输出是被屏蔽值的平均：有限；如果这个查询本身是填充，它的输出之后会被忽略。部分屏蔽时 float32 中 $e^{c-m}$ 恰好为 0，结果与 $-\infty$ 完全相同。

**陷阱。**
- 在 float32 中把 $c$ *加*到分数上：$10^9$ 附近的 float32 间隔是 64，$|s|<32$ 时 $-10^9+s$ 就等于 $-10^9$，丢掉了 $s$。对被屏蔽位置无所谓。但若掩码极性反了（1 被当成“屏蔽”），要分两种行看：含填充键的行里，真实词元的分数都塌缩到 $\approx-10^9$，而填充位置保留原始分数，于是**全部注意力都落到填充上**；只有不含任何填充键的行（所有键都被“屏蔽”）才塌缩成同一个值 → 均匀注意力。所以“注意力均匀”只是不含填充的序列上的症状；有填充的序列上，模型读的是填充。
- float16 的最大绝对值是 65504，$-10^9\to-\infty$，NaN 又回来了；应使用如 $-10^4$ 的常数或掩码填充，或在 float32 中做 softmax。即使用 dtype 的最小值 $-65504$，再加上一个足够负的分数也可能舍入为 $-\infty$。
- 用乘法代替加法（$S\odot m$，而 $m$ 中含 $-\infty$）会得到 $0\cdot(-\infty)=$ NaN。
- 事后用 where(mask, softmax, 0) 替换 NaN 只修好了前向：未被选中的分支在反向仍传回 $0\times\mathrm{NaN}=$ NaN。应该在输入端防护。

全屏蔽行的来源：全是填充的序列；左侧填充加因果掩码（第一个查询只能看自己，而它是填充）；对空的 memory 做交叉注意力。`,
        en: String.raw`Row $z=(2,-\infty,-\infty)$ is fine: $s=(1,0,0)$. Row $(-\infty,-\infty,-\infty)$: the max is $-\infty$ and $z-m=\mathrm{NaN}$; even without the max, $\sum e^{z}=0$ and $0/0=$ NaN. One NaN anywhere in the batch makes the loss and every gradient NaN.

**Finite constant $c=-10^9$ (filled in).** A fully masked row has all scores equal → uniform $1/n$, and the output is the mean of the masked values: finite, and if that query is itself padding its output is ignored later. For partially masked rows $e^{c-m}$ is exactly 0 in float32, so the result equals $-\infty$ masking.

**Pitfalls.**
- *Adding* $c$ to scores in float32: the float32 spacing near $10^9$ is 64, so for $|s|<32$, $-10^9+s$ is exactly $-10^9$ and $s$ is lost. Harmless at masked positions. If the mask polarity is inverted (1 read as "blocked"), two kinds of rows differ: in a row with padding keys, the real tokens' scores collapse to $\approx-10^9$ while the padding positions keep their raw scores, so **all the attention goes to the padding**; only in a row without any padding key (every key "blocked") do all scores collapse to one value → uniform attention. Uniform attention is thus the symptom on unpadded sequences only; on padded ones the model reads the padding.
- float16's largest magnitude is 65504, so $-10^9\to-\infty$ and the NaN is back; use a constant such as $-10^4$ or a masked fill, or do the softmax in float32. Even the dtype minimum $-65504$ plus a sufficiently negative score can round to $-\infty$.
- Multiplying instead of adding ($S\odot m$ with $-\infty$ entries in $m$) gives $0\cdot(-\infty)=$ NaN.
- Replacing NaN afterwards with where(mask, softmax, 0) fixes only the forward pass: the unselected branch still back-propagates $0\times\mathrm{NaN}=$ NaN. Guard the input instead.

Where fully masked rows come from: all-padding sequences, left padding combined with a causal mask (the first query only sees itself, which is padding), cross-attention to an empty memory.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`掩码极性反了（把 1 当成屏蔽）时，注意力会变得均匀。`,
          en: String.raw`With an inverted mask (1 read as "blocked"), attention becomes uniform.`,
        },
        correction: {
          zh: String.raw`只有不含填充键的行才均匀（所有分数都塌缩到 $-10^9$）。含填充的行里，真实词元被压到 $\approx-10^9$，填充位置保留原始分数，全部权重都落在填充上。`,
          en: String.raw`Only rows without padding keys turn uniform (every score collapses to $-10^9$). In rows with padding, the real tokens are pushed to $\approx-10^9$ while the padding keeps its raw scores, so all the weight lands on the padding.`,
        },
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'Half-precision floating-point format', url: 'https://en.wikipedia.org/wiki/Half-precision_floating-point_format' },
      { title: 'JAX Frequently Asked Questions (gradients contain NaN where using where)', url: 'https://jax.readthedocs.io/en/latest/faq.html' },
    ],
  },
  {
    id: 'attn-softmax-temperature',
    topic: 'attention-softmax',
    subtopic: 'temperature',
    tags: ['temperature', 'softmax', 'sampling', 'distillation'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: String.raw`带温度的 softmax 为 $\mathrm{softmax}(z/T)$。对 $z=(2,1,0)$ 分别计算 $T=0.5,1,2$ 时的输出；说明 $T\to0$ 与 $T\to\infty$ 的极限，以及温度在采样、知识蒸馏和校准中的作用。`,
      en: String.raw`The tempered softmax is $\mathrm{softmax}(z/T)$. For $z=(2,1,0)$ compute it at $T=0.5,1,2$; give the limits $T\to0$ and $T\to\infty$, and explain the role of temperature in sampling, knowledge distillation and calibration.`,
    },
    answer: {
      short: {
        zh: String.raw`$T=0.5$：$(0.8668,0.1173,0.0159)$；$T=1$：$(0.6652,0.2447,0.0900)$；$T=2$：$(0.5065,0.3072,0.1863)$。$T\to0$ 趋于 argmax 的 one-hot，$T\to\infty$ 趋于均匀分布，顺序始终不变。`,
        en: String.raw`$T=0.5$: $(0.8668,0.1173,0.0159)$; $T=1$: $(0.6652,0.2447,0.0900)$; $T=2$: $(0.5065,0.3072,0.1863)$. As $T\to0$ it tends to the one-hot argmax, as $T\to\infty$ to the uniform distribution; the order never changes.`,
      },
      full: {
        zh: String.raw`除以 $T$ 会等比例缩放所有 logit 差：$s_i/s_j=e^{(z_i-z_j)/T}$。例如 $T=0.5$ 时第一、二类的概率比为 $e^2\approx7.39$，$T=2$ 时为 $e^{0.5}\approx1.65$。

**极限。** $T\to0^+$：概率集中到最大 logit（并列时平分）；$T\to\infty$：趋于 $1/n$。对非常数的 $z$，熵随 $T$ 单调增加。对 logits 的梯度为 $J/T$，所以低温时的梯度既被放大又更容易饱和。

**用途。**
- **语言模型采样**：$T<1$ 更确定、更保守，$T>1$ 更多样；$T\to0$ 等价于贪心解码。
- **知识蒸馏**（Hinton 等，2015）：教师和学生在同一个较高的 $T$ 下做 softmax，暴露类别之间的“暗知识”；软目标项的梯度按 $1/T^2$ 缩小，因此该项损失要乘以 $T^2$。
- **注意力**：$1/\sqrt{d_k}$ 本身就是温度；对比学习损失中也常用可学习的温度。
- **校准**：温度缩放（Guo 等，2017）在验证集上拟合一个 $T$，不改变 argmax（准确率不变），只改善置信度。`,
        en: String.raw`Dividing by $T$ scales every logit difference: $s_i/s_j=e^{(z_i-z_j)/T}$. For example, the ratio of the first two probabilities is $e^2\approx7.39$ at $T=0.5$ and $e^{0.5}\approx1.65$ at $T=2$.

**Limits.** $T\to0^+$: the mass concentrates on the largest logit (split among ties); $T\to\infty$: it tends to $1/n$. For a non-constant $z$ the entropy increases monotonically with $T$. The gradient w.r.t. the logits is $J/T$, so low temperatures both amplify gradients and saturate more easily.

**Uses.**
- **Sampling from language models**: $T<1$ is more deterministic, $T>1$ more diverse; $T\to0$ is greedy decoding.
- **Knowledge distillation** (Hinton et al., 2015): teacher and student use the same high $T$, exposing the "dark knowledge" in the relative probabilities of wrong classes; the soft-target gradients scale as $1/T^2$, so that loss term is multiplied by $T^2$.
- **Attention**: $1/\sqrt{d_k}$ is itself a temperature; contrastive losses often learn one.
- **Calibration**: temperature scaling (Guo et al., 2017) fits a single $T$ on validation data; the argmax (accuracy) is unchanged, only the confidence improves.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Distilling the Knowledge in a Neural Network', authors: 'Hinton, Vinyals, Dean', year: 2015, arxiv: '1503.02531' },
      { title: 'On Calibration of Modern Neural Networks', authors: 'Guo, Pleiss, Sun, Weinberger', year: 2017, arxiv: '1706.04599' },
    ],
  },
  {
    id: 'attn-causal-mask',
    topic: 'attention-softmax',
    subtopic: 'masking',
    tags: ['causal-mask', 'decoder', 'autoregressive', 'masking'],
    kind: 'coding',
    difficulty: 3,
    prompt: {
      zh: String.raw`实现 Transformer 解码器中的因果（causal）掩码，解释它为什么能让训练并行化，以及它如何与填充掩码组合。`,
      en: String.raw`Implement the causal mask of a Transformer decoder, explain how it makes training parallel, and show how it combines with a padding mask.`,
    },
    answer: {
      short: {
        zh: String.raw`构造 $n\times n$ 的下三角掩码（查询 $i$ 只能看键 $j\le i$），在 softmax 前给对角线以上的位置加很大的负数；与填充掩码按逻辑与组合。这样一次前向就能在整条序列上并行训练所有位置的下一个词预测。`,
        en: String.raw`Build an $n\times n$ lower-triangular mask (query $i$ may see keys $j\le i$) and add a large negative number above the diagonal before the softmax; combine it with the padding mask by logical AND. One forward pass then trains next-token prediction at every position of the sequence in parallel.`,
      },
      full: {
        zh: String.raw`$M_{ij}=0$（$j\le i$），否则为 $-\infty$（或很大的负数），$A=\mathrm{softmax}(QK^\top/\sqrt{d_k}+M)$。第 $i$ 行只混合 $v_1,\dots,v_i$，所以位置 $i$ 的输出只依赖位置 $\le i$ 的词，可以用它预测第 $i+1$ 个词而不“偷看”答案。

    // 1 = 允许，0 = 屏蔽；形状 [n, n]，可在 batch 和头维度上广播
    const causal = tf.linalg.bandPart(tf.ones([n, n]), -1, 0);
    // 与形状为 [B, 1, 1, n] 的键填充掩码组合
    const mask = tf.mul(causal, keyMask);   // 0/1 掩码相乘即逻辑与

**并行训练。** 使用 teacher forcing 时，输入是右移一位的真实序列；一次前向得到全部 $n$ 个位置的预测，而 RNN 需要 $n$ 个串行步骤。推理时生成仍是逐词进行的；缓存历史词的键和值（KV cache），每一步只需 $O(nd)$ 的注意力计算，不必重算整个前缀。

**检查。**
- 单元测试：修改第 $t$ 个词，位置 $<t$ 的输出必须完全不变。
- 对角线必须保留，否则第一行全被屏蔽 → NaN。
- 左侧填充与因果掩码同时使用时，前几行可能全被屏蔽，需要特殊处理。
- Keras：调用 MultiHeadAttention 时传 use_causal_mask=True。`,
        en: String.raw`$M_{ij}=0$ for $j\le i$ and $-\infty$ (or a large negative) otherwise, and $A=\mathrm{softmax}(QK^\top/\sqrt{d_k}+M)$. Row $i$ mixes only $v_1,\dots,v_i$, so output $i$ depends only on tokens $\le i$ and can predict token $i+1$ without seeing it.

    // 1 = allowed, 0 = blocked; shape [n, n], broadcast over batch and heads
    const causal = tf.linalg.bandPart(tf.ones([n, n]), -1, 0);
    // combine with a key-padding mask of shape [B, 1, 1, n]
    const mask = tf.mul(causal, keyMask);   // product of 0/1 masks = logical AND

**Parallel training.** With teacher forcing the input is the gold sequence shifted right by one; one forward pass yields the predictions for all $n$ positions, whereas an RNN needs $n$ sequential steps. Generation at inference is still token by token; caching the past keys and values (KV cache) makes each step cost $O(nd)$ attention instead of recomputing the whole prefix.

**Checks.**
- Unit test: changing token $t$ must leave the outputs at positions $<t$ exactly unchanged.
- Keep the diagonal, or the first row is fully masked → NaN.
- Left padding combined with the causal mask can fully mask the first rows; handle them explicitly.
- Keras: pass use_causal_mask=True when calling MultiHeadAttention.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'MultiHeadAttention', test: 'packages/softmax-attention/src/layers/multi-head-attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'MultiHeadAttention layer (Keras API)', url: 'https://keras.io/api/layers/attention_layers/multi_head_attention/' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Attention variants and positions
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-additive-vs-dot-product',
    topic: 'attention-softmax',
    subtopic: 'attention-scoring',
    tags: ['additive-attention', 'dot-product-attention', 'bahdanau', 'luong'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`比较加性注意力（Bahdanau）与点积/乘性注意力（Luong）：打分函数、计算代价、效果差异，以及 Transformer 为什么选择缩放点积。`,
      en: String.raw`Compare additive (Bahdanau) and dot-product/multiplicative (Luong) attention: scoring functions, cost, quality, and why the Transformer chose scaled dot-product.`,
    },
    answer: {
      short: {
        zh: String.raw`加性注意力用单隐层 MLP 打分 $v^\top\tanh(W_1q+W_2k)$；乘性注意力用 $q^\top k$ 或 $q^\top Wk$。点积只需一次矩阵乘法，快得多；加性可处理不同维度的 q/k，并且在 $d_k$ 较大时优于*未缩放*的点积——除以 $\sqrt{d_k}$ 弥补了这个差距。`,
        en: String.raw`Additive attention scores with a one-hidden-layer MLP, $v^\top\tanh(W_1q+W_2k)$; multiplicative uses $q^\top k$ or $q^\top Wk$. Dot product is a single matrix multiply and much faster; additive handles different q/k widths and beat *unscaled* dot product at large $d_k$ — the $1/\sqrt{d_k}$ scaling closes that gap.`,
      },
      full: {
        zh: String.raw`**Bahdanau 等（2014）：** $e_{ij}=v_a^\top\tanh(W_as_{i-1}+U_ah_j)$，使用解码器*上一步*状态 $s_{i-1}$ 和双向 RNN 的编码器注释 $h_j$；上下文 $c_i=\sum_j\alpha_{ij}h_j$ 参与计算下一个状态。

**Luong 等（2015）：** 使用*当前*解码器状态 $h_t$，提出 dot $h_t^\top\bar h_s$、general $h_t^\top W_a\bar h_s$、concat $v_a^\top\tanh(W_a[h_t;\bar h_s])$ 三种打分，以及全局与局部（窗口）注意力。

**代价。** 加性打分需要一个 $n_q\times n_k\times d_a$ 的 tanh 激活张量，显存大且不是矩阵乘法；点积是一次批量 GEMM $QK^\top$，非常适合 GPU/TPU。

**效果。** Vaswani 等指出：$d_k$ 较小时两者相近；$d_k$ 较大时加性注意力优于*不缩放*的点积，他们认为原因是点积过大使 softmax 饱和，于是引入了缩放点积。

**灵活性。** 加性可以直接处理 $d_q\ne d_k$；点积要求维度相同（或用 general 形式的 $W_a$）。

**Keras。** layers.Attention 是 Luong 风格（点积，可选可学习的缩放）；layers.AdditiveAttention 是 Bahdanau 风格，但自身没有 $W$、$U$ 投影：分数是 $\sum_j s_j\tanh(q_j+k_j)$，其中 $s$ 是可选的逐维可学习缩放向量（use_scale=True，默认开启，相当于 $v_a$），所以 q、k 必须事先投影到相同维度。`,
        en: String.raw`**Bahdanau et al. (2014):** $e_{ij}=v_a^\top\tanh(W_as_{i-1}+U_ah_j)$, using the *previous* decoder state $s_{i-1}$ and the encoder annotations $h_j$ from a bidirectional RNN; the context $c_i=\sum_j\alpha_{ij}h_j$ feeds the next state.

**Luong et al. (2015):** using the *current* decoder state $h_t$: dot $h_t^\top\bar h_s$, general $h_t^\top W_a\bar h_s$, concat $v_a^\top\tanh(W_a[h_t;\bar h_s])$; plus global vs local (windowed) attention.

**Cost.** Additive scoring materializes an $n_q\times n_k\times d_a$ tensor of tanh activations — memory-hungry and not a matmul; dot product is one batched GEMM $QK^\top$, ideal for GPUs/TPUs.

**Quality.** Vaswani et al. report that the two are similar for small $d_k$, while additive outperforms dot product *without scaling* for larger $d_k$, which they attribute to large dot products saturating the softmax — hence scaled dot-product.

**Flexibility.** Additive handles $d_q\ne d_k$ directly; dot product needs equal widths (or the general form's $W_a$).

**Keras.** layers.Attention is Luong-style (dot product, optional learned scale); layers.AdditiveAttention is Bahdanau-style but has no $W$/$U$ projections of its own: the score is $\sum_j s_j\tanh(q_j+k_j)$, where $s$ is an optional learned per-dimension scale vector (use_scale=True by default; it plays the role of $v_a$), so q and k must already be projected to the same width.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'AdditiveAttention', test: 'packages/softmax-attention/src/layers/additive-attention.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Neural Machine Translation by Jointly Learning to Align and Translate', authors: 'Bahdanau, Cho, Bengio', year: 2014, arxiv: '1409.0473' },
      { title: 'Effective Approaches to Attention-based Neural Machine Translation', authors: 'Luong, Pham, Manning', year: 2015, arxiv: '1508.04025' },
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'AdditiveAttention layer (Keras API)', url: 'https://keras.io/api/layers/attention_layers/additive_attention/' },
    ],
  },
  {
    id: 'attn-self-vs-cross-attention',
    topic: 'attention-softmax',
    subtopic: 'attention-variants',
    tags: ['self-attention', 'cross-attention', 'encoder-decoder', 'transformer'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: String.raw`自注意力与交叉注意力有什么区别？在 Transformer 编码器–解码器中它们分别出现在哪里？掩码和张量形状有何不同？`,
      en: String.raw`What is the difference between self-attention and cross-attention? Where does each appear in an encoder–decoder Transformer, and how do their masks and shapes differ?`,
    },
    answer: {
      short: {
        zh: String.raw`自注意力的 Q、K、V 来自同一序列；交叉注意力的 Q 来自一个序列（解码器），K、V 来自另一个序列（编码器输出）。分数矩阵分别是 $n\times n$ 与 $n_{tgt}\times n_{src}$；因果掩码只用于解码器的自注意力。`,
        en: String.raw`Self-attention takes Q, K and V from the same sequence; cross-attention takes Q from one sequence (the decoder) and K, V from another (the encoder output). Score matrices are $n\times n$ versus $n_{tgt}\times n_{src}$; causal masks apply only to decoder self-attention.`,
      },
      full: {
        zh: String.raw`- **编码器**：双向自注意力，对键使用填充掩码。
- **解码器**：先做带因果掩码的自注意力（只看目标前缀），再做交叉注意力：$Q=X_{dec}W_Q$，$K=H_{enc}W_K$，$V=H_{enc}W_V$（即“编码器–解码器注意力”），只对源端键做填充掩码，不需要因果掩码（整个源句都可见）。
- **形状**：分数为 $B\times h\times n_{tgt}\times n_{src}$；输出长度与查询相同，为 $n_{tgt}$。每个目标位置从源句中取信息——这就是 Bahdanau 注意力在 Transformer 中的对应物。
- **推理**：交叉注意力的 K、V 只依赖编码器输出，每个源句算一次即可；自注意力的 K、V 随生成的词增长（KV cache）。
- **其他用途**：文生图模型中的文本条件、Perceiver 的潜变量、DETR 的 object query、带可学习查询的注意力池化。
- 两者的层结构和参数完全相同，区别只在输入（Keras 中 MultiHeadAttention(query, value, key)）。`,
        en: String.raw`- **Encoder**: bidirectional self-attention with a padding mask on the keys.
- **Decoder**: causally masked self-attention over the target prefix, then cross-attention with $Q=X_{dec}W_Q$, $K=H_{enc}W_K$, $V=H_{enc}W_V$ ("encoder–decoder attention"), masking only source padding and no causal mask (the whole source is visible).
- **Shapes**: scores are $B\times h\times n_{tgt}\times n_{src}$; the output has the query's length $n_{tgt}$. Each target position pulls information from the source — the Transformer counterpart of Bahdanau attention.
- **Inference**: cross-attention K and V depend only on the encoder output, so compute them once per source sentence; self-attention K and V grow with every generated token (KV cache).
- **Other uses**: text conditioning in text-to-image models, Perceiver latents, DETR object queries, attention pooling with a learned query.
- The layers and their parameters are identical; only the inputs differ (MultiHeadAttention(query, value, key) in Keras).`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'MultiHeadAttention', test: 'packages/softmax-attention/src/layers/multi-head-attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'MultiHeadAttention layer (Keras API)', url: 'https://keras.io/api/layers/attention_layers/multi_head_attention/' },
    ],
  },
  {
    id: 'attn-positional-encoding',
    topic: 'attention-softmax',
    subtopic: 'positional-encoding',
    tags: ['positional-encoding', 'sinusoidal', 'learned-embedding', 'rope'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`Transformer 为什么需要位置编码？比较正弦位置编码、可学习的位置嵌入，以及相对位置方法（相对位置表示、RoPE、ALiBi）的优缺点。`,
      en: String.raw`Why does a Transformer need positional encodings? Compare sinusoidal encodings, learned position embeddings and relative methods (relative position representations, RoPE, ALiBi).`,
    },
    answer: {
      short: {
        zh: String.raw`自注意力对输入顺序是置换等变的，没有位置信息时模型看到的只是一袋词。正弦编码固定、对任意位置都有定义；可学习嵌入简单，原论文中效果与正弦相当，但无法超出训练时的最大长度；相对位置方法编码位置差，通常更容易外推到更长序列。`,
        en: String.raw`Self-attention is permutation-equivariant, so without position information the model sees a bag of tokens. Sinusoidal encodings are fixed and defined for any position; learned embeddings are simple and matched sinusoids in the original paper but stop at the trained maximum length; relative methods encode offsets and usually extrapolate better to longer sequences.`,
      },
      full: {
        zh: String.raw`**正弦编码（Vaswani 等）：** $PE_{(pos,2i)}=\sin(pos/10000^{2i/d})$，$PE_{(pos,2i+1)}=\cos(pos/10000^{2i/d})$，加到词嵌入上。波长从 $2\pi$ 到 $10000\cdot2\pi$ 成几何级数；$PE_{pos+k}$ 是 $PE_{pos}$ 的固定线性（旋转）函数；没有参数。例：$d=4$，$pos=1$：$(\sin1,\cos1,\sin0.01,\cos0.01)=(0.8415,0.5403,0.0100,1.0000)$。有的实现把 sin 和 cos 拼成前后两半而不是交错排列，二者只差一个固定的维度置换。

**可学习的绝对位置嵌入（BERT、GPT-2、ViT）：** 一个可训练表 $P\in\mathbb R^{L_{max}\times d}$。Vaswani 等发现与正弦编码结果几乎相同；实现简单，但超过 $L_{max}$ 的位置没有嵌入。

**相对位置：**
- Shaw 等（2018）：把截断后的相对距离 $j-i$ 的可学习嵌入加到键（和值）上；
- RoPE（Su 等）：按位置旋转 q 和 k，使 $q_i^\top k_j$ 只依赖 $i-j$；
- ALiBi（Press 等）：不用位置嵌入，每个头给分数加一个与距离成正比的线性惩罚 $-m\,|i-j|$，在短序列上训练、在更长序列上推理。

**取舍：** 长度外推能力、参数量、与高效注意力内核的兼容性，以及对局部模式的平移不变性。`,
        en: String.raw`**Sinusoidal (Vaswani et al.):** $PE_{(pos,2i)}=\sin(pos/10000^{2i/d})$, $PE_{(pos,2i+1)}=\cos(pos/10000^{2i/d})$, added to the token embeddings. Wavelengths form a geometric progression from $2\pi$ to $10000\cdot2\pi$; $PE_{pos+k}$ is a fixed linear (rotation) function of $PE_{pos}$; no parameters. Example $d=4$, $pos=1$: $(\sin1,\cos1,\sin0.01,\cos0.01)=(0.8415,0.5403,0.0100,1.0000)$. Some implementations concatenate the sin and cos halves instead of interleaving them — equivalent up to a fixed permutation of dimensions.

**Learned absolute embeddings (BERT, GPT-2, ViT):** a trainable table $P\in\mathbb R^{L_{max}\times d}$. Vaswani et al. found nearly identical results to sinusoids; simple, but positions beyond $L_{max}$ have no embedding.

**Relative:**
- Shaw et al. (2018) add learned embeddings of the clipped offset $j-i$ to the keys (and values);
- RoPE (Su et al.) rotates q and k by position so that $q_i^\top k_j$ depends only on $i-j$;
- ALiBi (Press et al.) uses no embeddings and adds a per-head linear distance penalty $-m\,|i-j|$ to the scores; trained short, it runs on longer sequences.

**Trade-offs:** length extrapolation, parameter count, compatibility with efficient attention kernels, translation invariance of local patterns.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'TokenAndPositionEmbedding', test: 'packages/softmax-attention/src/layers/token-and-position-embedding.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'Self-Attention with Relative Position Representations', authors: 'Shaw, Uszkoreit, Vaswani', year: 2018, arxiv: '1803.02155' },
      { title: 'RoFormer: Enhanced Transformer with Rotary Position Embedding', authors: 'Su et al.', year: 2021, arxiv: '2104.09864' },
      { title: 'Train Short, Test Long: Attention with Linear Biases Enables Input Length Extrapolation', authors: 'Press, Smith, Lewis', year: 2021, arxiv: '2108.12409' },
    ],
  },
  {
    id: 'attn-sinusoidal-relative-shift',
    topic: 'attention-softmax',
    subtopic: 'positional-encoding',
    tags: ['positional-encoding', 'sinusoidal', 'rotation', 'relative-position'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`证明正弦位置编码满足：对任意固定偏移 $k$，$PE_{pos+k}$ 可以写成 $PE_{pos}$ 的线性函数（与 $pos$ 无关）；并证明 $PE_{pos}\cdot PE_{pos+k}$ 只依赖于 $k$。`,
      en: String.raw`Prove that for sinusoidal positional encodings and any fixed offset $k$, $PE_{pos+k}$ is a linear function of $PE_{pos}$ that does not depend on $pos$, and that $PE_{pos}\cdot PE_{pos+k}$ depends only on $k$.`,
    },
    answer: {
      short: {
        zh: String.raw`每对维度 $(\sin\omega_ip,\cos\omega_ip)$ 在平移 $k$ 后旋转角度 $\omega_ik$，所以 $PE_{p+k}=R(k)PE_p$，$R(k)$ 是与 $p$ 无关的分块对角旋转矩阵；因此 $PE_p^\top PE_{p+k}=\sum_i\cos(\omega_ik)$。`,
        en: String.raw`Each pair $(\sin\omega_ip,\cos\omega_ip)$ rotates by the angle $\omega_ik$ under a shift by $k$, so $PE_{p+k}=R(k)PE_p$ with a block-diagonal rotation $R(k)$ independent of $p$; hence $PE_p^\top PE_{p+k}=\sum_i\cos(\omega_ik)$.`,
      },
      full: {
        zh: String.raw`令 $\omega_i=10000^{-2i/d}$，$i=0,\dots,d/2-1$，把维度 $(2i,2i+1)$ 配成一对：$u_i(p)=(\sin\omega_ip,\cos\omega_ip)^\top$。由和角公式：
$$\sin(\omega_i(p+k))=\sin\omega_ip\cos\omega_ik+\cos\omega_ip\sin\omega_ik,$$
$$\cos(\omega_i(p+k))=\cos\omega_ip\cos\omega_ik-\sin\omega_ip\sin\omega_ik.$$
所以
$$u_i(p+k)=\begin{pmatrix}\cos\omega_ik&\sin\omega_ik\\-\sin\omega_ik&\cos\omega_ik\end{pmatrix}u_i(p),$$
这是一个只依赖 $k$ 的旋转。把各对堆叠起来：$PE_{p+k}=R(k)PE_p$，$R(k)=\mathrm{blockdiag}(R_0(k),\dots,R_{d/2-1}(k))$ 是正交矩阵。

**内积。** $u_i(p)^\top u_i(p+k)=\sin\omega_ip\sin\omega_i(p+k)+\cos\omega_ip\cos\omega_i(p+k)=\cos(\omega_ik)$，因此
$$PE_p^\top PE_{p+k}=\sum_{i=0}^{d/2-1}\cos(\omega_ik),$$
与 $p$ 无关，且关于 $k$ 对称（余弦是偶函数），在 $k=0$ 取最大值 $d/2$（即 $\|PE_p\|^2=d/2$）。

**局限。** 位置编码加到词嵌入上、再经过 $W_Q,W_K$ 之后，注意力分数并不只依赖相对位置——还有内容与位置的交叉项。RoPE 直接把旋转作用在 q、k 上：$\langle R_mq,R_nk\rangle=q^\top R_m^\top R_nk=q^\top R_{n-m}k$，使分数严格只依赖相对位置。`,
        en: String.raw`Let $\omega_i=10000^{-2i/d}$, $i=0,\dots,d/2-1$, and pair dimensions $(2i,2i+1)$: $u_i(p)=(\sin\omega_ip,\cos\omega_ip)^\top$. By the angle-addition formulas:
$$\sin(\omega_i(p+k))=\sin\omega_ip\cos\omega_ik+\cos\omega_ip\sin\omega_ik,$$
$$\cos(\omega_i(p+k))=\cos\omega_ip\cos\omega_ik-\sin\omega_ip\sin\omega_ik.$$
Hence
$$u_i(p+k)=\begin{pmatrix}\cos\omega_ik&\sin\omega_ik\\-\sin\omega_ik&\cos\omega_ik\end{pmatrix}u_i(p),$$
a rotation that depends only on $k$. Stacking the pairs: $PE_{p+k}=R(k)PE_p$ with the orthogonal $R(k)=\mathrm{blockdiag}(R_0(k),\dots,R_{d/2-1}(k))$.

**Dot product.** $u_i(p)^\top u_i(p+k)=\sin\omega_ip\sin\omega_i(p+k)+\cos\omega_ip\cos\omega_i(p+k)=\cos(\omega_ik)$, so
$$PE_p^\top PE_{p+k}=\sum_{i=0}^{d/2-1}\cos(\omega_ik),$$
independent of $p$, symmetric in $k$ (cosine is even), and maximal at $k=0$ where it equals $d/2=\|PE_p\|^2$.

**Limitation.** Once the encoding is added to the token embeddings and passed through $W_Q,W_K$, attention scores are not purely relative — content–position cross terms remain. RoPE applies the rotation to q and k directly: $\langle R_mq,R_nk\rangle=q^\top R_m^\top R_nk=q^\top R_{n-m}k$, so the score depends on positions only through $n-m$.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'sinusoidalPositionEncoding', test: 'packages/softmax-attention/src/layers/token-and-position-embedding.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'RoFormer: Enhanced Transformer with Rotary Position Embedding', authors: 'Su et al.', year: 2021, arxiv: '2104.09864' },
    ],
  },
  {
    id: 'attn-permutation-equivariance',
    topic: 'attention-softmax',
    subtopic: 'self-attention',
    tags: ['self-attention', 'permutation-equivariance', 'positional-encoding', 'causal-mask'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`证明不带位置编码、不带掩码的自注意力层是置换等变的：对任意置换矩阵 $P$，$\mathrm{SA}(PX)=P\,\mathrm{SA}(X)$。加上因果掩码后结论还成立吗？`,
      en: String.raw`Prove that self-attention without positional encodings or masks is permutation-equivariant: $\mathrm{SA}(PX)=P\,\mathrm{SA}(X)$ for every permutation matrix $P$. Does this still hold with a causal mask?`,
    },
    answer: {
      short: {
        zh: String.raw`$Q,K,V$ 是逐行映射，随 $X$ 一起置换；按行 softmax 与同时置换行和列可交换，$\mathrm{softmax}(PSP^\top)=P\,\mathrm{softmax}(S)P^\top$；于是 $PAP^\top PV=PAV$。因果掩码本身不是置换不变的，所以带掩码的注意力不再等变，模型还能部分推断出位置。`,
        en: String.raw`$Q,K,V$ are row-wise maps, so they permute with $X$; a row-wise softmax commutes with permuting rows and columns together, $\mathrm{softmax}(PSP^\top)=P\,\mathrm{softmax}(S)P^\top$; then $PAP^\top PV=PAV$. A causal mask is not permutation-invariant, so masked attention is not equivariant and can partly infer positions.`,
      },
      full: {
        zh: String.raw`$\mathrm{SA}(X)=\mathrm{softmax}\big(XW_QW_K^\top X^\top/\sqrt{d_k}\big)XW_V$。
1. 用 $PX$ 替换 $X$：$Q'=PQ$，$K'=PK$，$V'=PV$。
2. $S'=Q'K'^\top/\sqrt{d_k}=PSP^\top$：$S'_{ij}=S_{\pi(i)\pi(j)}$。
3. 按行 softmax：置换行只是置换输出的行；在一行内部置换元素，输出也做同样的置换（分母是求和，与顺序无关）。所以 $\mathrm{softmax}(PSP^\top)=P\,\mathrm{softmax}(S)P^\top$。
4. $\mathrm{SA}(PX)=PAP^\top PV=PAV=P\,\mathrm{SA}(X)$，因为 $P^\top P=I$。

前馈层、残差和 LayerNorm 都是逐位置作用的，所以整个没有位置信息的 Transformer 编码器都是置换等变的；再接均值池化或注意力池化就变成置换*不变*：“狗咬人”和“人咬狗”得到同样的表示。这就是需要位置编码的原因——反过来，对集合数据这恰恰是想要的性质（Set Transformer）。

**因果掩码：** 一般地 $PMP^\top\ne M$，等变性被打破。不带位置编码的仅解码器语言模型仍能学到位置信息（Haviv 等，2022），例如通过每个位置能看到的词的数量。`,
        en: String.raw`$\mathrm{SA}(X)=\mathrm{softmax}\big(XW_QW_K^\top X^\top/\sqrt{d_k}\big)XW_V$.
1. Replace $X$ by $PX$: $Q'=PQ$, $K'=PK$, $V'=PV$.
2. $S'=Q'K'^\top/\sqrt{d_k}=PSP^\top$: $S'_{ij}=S_{\pi(i)\pi(j)}$.
3. Row-wise softmax: permuting rows permutes the output rows; permuting the entries inside a row permutes that row's outputs the same way (the denominator is an order-free sum). Hence $\mathrm{softmax}(PSP^\top)=P\,\mathrm{softmax}(S)P^\top$.
4. $\mathrm{SA}(PX)=PAP^\top PV=PAV=P\,\mathrm{SA}(X)$ because $P^\top P=I$.

Feed-forward layers, residuals and LayerNorm act per position, so a whole Transformer encoder without position information is permutation-equivariant, and mean or attention pooling on top makes it permutation-*invariant*: "dog bites man" and "man bites dog" get the same representation. That is why positional encodings are needed — and for set-structured data it is exactly the desired property (Set Transformer).

**Causal mask:** in general $PMP^\top\ne M$, so equivariance breaks. Decoder-only language models without positional encodings still learn positional information (Haviv et al., 2022), e.g. from how many tokens each position can attend to.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'Set Transformer: A Framework for Attention-based Permutation-Invariant Neural Networks', authors: 'Lee et al.', year: 2018, arxiv: '1810.00825' },
      { title: 'Transformer Language Models without Positional Encodings Still Learn Positional Information', authors: 'Haviv, Ram, Press, Izsak, Levy', year: 2022, arxiv: '2203.16634' },
    ],
  },
  {
    id: 'attn-softmax-saturation',
    topic: 'attention-softmax',
    subtopic: 'softmax-gradient',
    tags: ['softmax-saturation', 'vanishing-gradient', 'jacobian', 'attention'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`为什么 softmax 的输入数值很大时会“饱和”并导致梯度消失？用雅可比矩阵 $J=\mathrm{diag}(s)-ss^\top$ 的性质说明，并解释为什么同样的饱和对“softmax + 交叉熵”输出层的危害小得多。`,
      en: String.raw`Why does softmax "saturate" and make gradients vanish when its inputs are large? Argue from the properties of $J=\mathrm{diag}(s)-ss^\top$, and explain why the same saturation is far less harmful for a softmax + cross-entropy output layer.`,
    },
    answer: {
      short: {
        zh: String.raw`$J$ 半正定且迹为 $1-\|s\|_2^2$；当 $s$ 接近 one-hot 时 $\|s\|_2\to1$，所有特征值都趋于 0，任何经过 softmax 的梯度也趋于 0。配合交叉熵时复合梯度是 $s-y$，在“自信地错”时依然很大。`,
        en: String.raw`$J$ is positive semidefinite with trace $1-\|s\|_2^2$; as $s$ approaches one-hot, $\|s\|_2\to1$, every eigenvalue goes to 0, and so does any gradient passing through the softmax. With cross-entropy the composite gradient is $s-y$, which stays large when a confident prediction is wrong.`,
      },
      full: {
        zh: String.raw`**半正定：** $v^\top Jv=\sum_is_iv_i^2-\big(\sum_is_iv_i\big)^2=\mathrm{Var}_{i\sim s}(v_i)\ge0$。

**迹：** 特征值 $\lambda_k\ge0$，$\sum_k\lambda_k=\mathrm{tr}J=\sum_is_i(1-s_i)=1-\|s\|_2^2$。若 $s\approx e_c$，则 $\mathrm{tr}J\to0$，每个特征值都 $\to0$，于是 $\|J^\top g\|\le\lambda_{\max}\|g\|\le(1-\|s\|_2^2)\|g\|$。另有 $J\mathbf 1=0$（平移方向）。

**数值。** logits $(1,0,0)$：$s=(0.5761,0.2119,0.2119)$，$\mathrm{tr}J=0.578$；logits $(10,0,0)$：$s_1=0.99991$，$\mathrm{tr}J=1.8\times10^{-4}$，梯度缩小三个数量级以上。

**何时饱和：** logit 差很大——$d_k$ 大时未缩放的 $q^\top k$、权重过大、温度过低。

**注意力内部：** 逐行 $dS=J^\top dA$；饱和时 $dS\approx0$，$W_Q,W_K$ 学不动，注意力停留在初始化时碰巧关注的位置——这正是除以 $\sqrt{d_k}$ 的动机。

**输出层 + 交叉熵：** $\partial L/\partial z=s-y$，log 带来的 $1/s_y$ 抵消了小雅可比。自信且正确：梯度小（这正是想要的）；自信但错误：梯度约为 $e_{pred}-e_y$，范数约 $\sqrt2$，不会消失。若对 softmax 输出用 MSE，梯度是 $2J^\top(s-y)$，自信地错时会消失——这是偏好交叉熵的原因之一。`,
        en: String.raw`**PSD:** $v^\top Jv=\sum_is_iv_i^2-\big(\sum_is_iv_i\big)^2=\mathrm{Var}_{i\sim s}(v_i)\ge0$.

**Trace:** eigenvalues $\lambda_k\ge0$ with $\sum_k\lambda_k=\mathrm{tr}J=\sum_is_i(1-s_i)=1-\|s\|_2^2$. If $s\approx e_c$ then $\mathrm{tr}J\to0$, every eigenvalue $\to0$, and $\|J^\top g\|\le\lambda_{\max}\|g\|\le(1-\|s\|_2^2)\|g\|$. Also $J\mathbf 1=0$ (the shift direction).

**Numbers.** Logits $(1,0,0)$: $s=(0.5761,0.2119,0.2119)$, $\mathrm{tr}J=0.578$; logits $(10,0,0)$: $s_1=0.99991$, $\mathrm{tr}J=1.8\times10^{-4}$ — gradients shrink by more than three orders of magnitude.

**When it saturates:** large logit gaps — unscaled $q^\top k$ with large $d_k$, large weights, low temperature.

**Inside attention:** row-wise $dS=J^\top dA$; under saturation $dS\approx0$, so $W_Q,W_K$ stop learning and attention stays wherever it happened to point at initialization — the motivation for dividing by $\sqrt{d_k}$.

**Output layer + cross-entropy:** $\partial L/\partial z=s-y$; the $1/s_y$ from the log cancels the small Jacobian. Confident and right: small gradient (as desired). Confident and wrong: the gradient is about $e_{pred}-e_y$, norm about $\sqrt2$ — no vanishing. With MSE on softmax outputs the gradient is $2J^\top(s-y)$, which does vanish when confidently wrong — one reason cross-entropy is preferred.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmaxJacobian', test: 'packages/softmax-attention/src/ops/softmax-jacobian.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Deep Learning, Section 6.2.2.3 (Softmax Units for Multinoulli Output Distributions)', authors: 'Goodfellow, Bengio, Courville', year: 2016, url: 'https://www.deeplearningbook.org/contents/mlp.html' },
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Output softmax: losses, large vocabularies
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-label-smoothing',
    topic: 'attention-softmax',
    subtopic: 'label-smoothing',
    tags: ['label-smoothing', 'cross-entropy', 'regularization', 'calibration'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`标签平滑把 one-hot 目标换成 $y^{LS}=(1-\varepsilon)y+\varepsilon/K$。当 $K=10$、$\varepsilon=0.1$ 时，最优预测分布、正确类与其他类的 logit 差、以及最小可达损失分别是多少？它有什么利弊？`,
      en: String.raw`Label smoothing replaces one-hot targets with $y^{LS}=(1-\varepsilon)y+\varepsilon/K$. For $K=10$ and $\varepsilon=0.1$, what are the optimal predicted distribution, the logit gap between the correct class and the others, and the minimum achievable loss? What are the pros and cons?`,
    },
    answer: {
      short: {
        zh: String.raw`最优 $s=y^{LS}=(0.91,0.01,\dots,0.01)$，logit 差收敛到 $\ln(0.91/0.01)=\ln91\approx4.51$，而不是无限增大；最小损失是目标分布的熵，约 0.500 nats，而不是 0。`,
        en: String.raw`The optimum is $s=y^{LS}=(0.91,0.01,\dots,0.01)$, so the logit gap converges to $\ln(0.91/0.01)=\ln91\approx4.51$ instead of growing without bound; the minimum loss is the target entropy, about 0.500 nats, not 0.`,
      },
      full: {
        zh: String.raw`梯度仍是 $s-y^{LS}$，当且仅当 $s=y^{LS}$ 时为 0；也可以写成 $\mathrm{CE}(y^{LS},s)=H(y^{LS})+\mathrm{KL}(y^{LS}\|s)$，在两者相等时取最小。

**数值。** 正确类目标 $1-0.1+0.1/10=0.91$，其余各 $0.01$。softmax 中 $s_c/s_j=e^{z_c-z_j}=91$，logit 差为 $\ln91=4.5109$。不做平滑时 $s_c\to1$ 要求差值 $\to\infty$：logits 不断增大，模型过度自信。

最小损失 $H(y^{LS})=-(0.91\ln0.91+9\times0.01\ln0.01)=0.0858+0.4145=0.5003$ nats——所以不要拿平滑后的训练损失和未平滑的验证损失直接比较。

**优点：** 正则化，常提升准确率并改善校准。Szegedy 等（Inception-v3）提出；Vaswani 等使用 $\varepsilon_{ls}=0.1$，指出它会损害困惑度，但提升准确率和 BLEU。

**缺点：** Müller 等（2019）发现它让倒数第二层的类簇更紧，抹掉类别间的相似性信息，因此用它训练的教师模型蒸馏效果更差；需要准确对数似然（困惑度）时也不合适。

Keras 的 CategoricalCrossentropy(label_smoothing=0.1) 正是使用 $y(1-\varepsilon)+\varepsilon/K$。`,
        en: String.raw`The gradient is still $s-y^{LS}$, zero iff $s=y^{LS}$; equivalently $\mathrm{CE}(y^{LS},s)=H(y^{LS})+\mathrm{KL}(y^{LS}\|s)$ is minimized at equality.

**Numbers.** Target $1-0.1+0.1/10=0.91$ for the correct class and $0.01$ for each other. In a softmax $s_c/s_j=e^{z_c-z_j}=91$, so the logit gap is $\ln91=4.5109$. Without smoothing $s_c\to1$ needs the gap $\to\infty$: logits keep growing and the model becomes over-confident.

Minimum loss $H(y^{LS})=-(0.91\ln0.91+9\times0.01\ln0.01)=0.0858+0.4145=0.5003$ nats — so never compare a smoothed training loss with an unsmoothed validation loss.

**Pros:** regularization, often better accuracy and calibration. Introduced by Szegedy et al. (Inception-v3); Vaswani et al. used $\varepsilon_{ls}=0.1$, noting it hurts perplexity but improves accuracy and BLEU.

**Cons:** Müller et al. (2019) show it tightens the penultimate-layer class clusters and erases inter-class similarity information, so smoothed teachers distil worse; it is also a poor fit when calibrated log-likelihood (perplexity) is the goal.

Keras's CategoricalCrossentropy(label_smoothing=0.1) uses exactly $y(1-\varepsilon)+\varepsilon/K$.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmaxCrossEntropy', test: 'packages/softmax-attention/src/ops/softmax-cross-entropy.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Rethinking the Inception Architecture for Computer Vision', authors: 'Szegedy, Vanhoucke, Ioffe, Shlens, Wojna', year: 2015, arxiv: '1512.00567' },
      { title: 'When Does Label Smoothing Help?', authors: 'Müller, Kornblith, Hinton', year: 2019, arxiv: '1906.02629' },
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
    ],
  },
  {
    id: 'attn-large-vocab-softmax',
    topic: 'attention-softmax',
    subtopic: 'large-vocabulary',
    tags: ['sampled-softmax', 'hierarchical-softmax', 'negative-sampling', 'large-vocabulary'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: String.raw`词表很大（如 $V=50{,}000$）时，完整 softmax 的瓶颈在哪里？比较分层 softmax、采样 softmax（含 $\log Q$ 校正）、负采样/NCE 和自适应 softmax。`,
      en: String.raw`With a large vocabulary (say $V=50{,}000$), where is the bottleneck of a full softmax? Compare hierarchical softmax, sampled softmax (with its $\log Q$ correction), negative sampling/NCE and adaptive softmax.`,
    },
    answer: {
      short: {
        zh: String.raw`完整 softmax 每个词元要算 $O(Vd)$ 的 logits 并在 $V$ 上归一化。分层 softmax 用二叉树把代价降到 $O(d\log V)$；采样 softmax/NCE 只在少量负样本上训练（logits 减去 $\log Q$ 校正）；自适应 softmax 让高频词走便宜的头部簇。采样类方法只用于训练，推理时要完整分布仍需完整 softmax。`,
        en: String.raw`A full softmax costs $O(Vd)$ per token for the logits plus a normalization over $V$. Hierarchical softmax cuts this to $O(d\log V)$ with a binary tree; sampled softmax/NCE train on a few sampled negatives (logits corrected by $-\log Q$); adaptive softmax sends frequent words through a cheap head cluster. Sampling methods are training-only: the full distribution at inference still needs the full softmax.`,
      },
      full: {
        zh: String.raw`**代价。** $V=50{,}000$、$d=512$：每个词元 $2.56\times10^7$ 次乘加，再加 $V$ 次指数运算，以及输出矩阵的梯度。

**分层 softmax**（Morin & Bengio，2005；word2vec 用 Huffman 树）：每个词是树的叶子，$p(w)=\prod_{n\in\text{path}(w)}\sigma(\pm u_n^\top h)$，路径长度约 $\log_2V\approx15.6$，即约 16 次点积。天然归一化；效果依赖树的构造；计算是串行的，不太适合 GPU。

**采样 softmax**（Jean 等，2015）：只在目标词和从提议分布 $Q$ 采样的 $k$ 个负样本上做 softmax，logits 校正为 $z_w-\log Q(w)$——这是对归一化项梯度的重要性采样估计；$k$ 有限时有偏，$k\to\infty$ 时一致。只用于训练。

**NCE**（Gutmann & Hyvärinen，2010）：把“真实数据 vs 噪声”做逻辑回归，渐近等价于极大似然。**负采样**（Mikolov 等，2013）：去掉校正项的简化 NCE，适合学词向量，但不是正规的语言模型似然。

**自适应 softmax**（Grave 等，2016）：高频词放在头部，低频词分到若干尾部簇并降低维度，针对 GPU 设计。

**其他：** 子词词表减小 $V$；输入/输出词嵌入共享参数。`,
        en: String.raw`**Cost.** $V=50{,}000$, $d=512$: $2.56\times10^7$ multiply-adds per token, plus $V$ exponentials and the gradient of the output matrix.

**Hierarchical softmax** (Morin & Bengio, 2005; a Huffman tree in word2vec): each word is a leaf and $p(w)=\prod_{n\in\text{path}(w)}\sigma(\pm u_n^\top h)$; the path has about $\log_2V\approx15.6$ nodes, i.e. ~16 dot products. Normalized by construction; quality depends on the tree; sequential and less GPU-friendly.

**Sampled softmax** (Jean et al., 2015): a softmax over the target plus $k$ negatives drawn from a proposal $Q$, with logits corrected to $z_w-\log Q(w)$ — an importance-sampling estimate of the normalizer's gradient; biased for finite $k$, consistent as $k\to\infty$. Training only.

**NCE** (Gutmann & Hyvärinen, 2010): logistic regression of data versus noise, asymptotically equivalent to maximum likelihood. **Negative sampling** (Mikolov et al., 2013): NCE simplified by dropping the correction — good for word embeddings, not a proper language-model likelihood.

**Adaptive softmax** (Grave et al., 2016): frequent words in a head cluster, rare words in tail clusters with reduced width; designed for GPUs.

**Also:** subword vocabularies shrink $V$; tying input and output embeddings saves parameters.`,
      },
    },
    references: [
      { title: 'Hierarchical Probabilistic Neural Network Language Model', authors: 'Morin, Bengio', year: 2005, url: 'https://proceedings.mlr.press/r5/morin05a.html' },
      { title: 'Distributed Representations of Words and Phrases and their Compositionality', authors: 'Mikolov, Sutskever, Chen, Corrado, Dean', year: 2013, arxiv: '1310.4546' },
      { title: 'On Using Very Large Target Vocabulary for Neural Machine Translation', authors: 'Jean, Cho, Memisevic, Bengio', year: 2014, arxiv: '1412.2007' },
      { title: 'Noise-contrastive estimation: A new estimation principle for unnormalized statistical models', authors: 'Gutmann, Hyvärinen', year: 2010, url: 'https://proceedings.mlr.press/v9/gutmann10a.html' },
      { title: 'Efficient softmax approximation for GPUs', authors: 'Grave, Joulin, Cissé, Grangier, Jégou', year: 2016, arxiv: '1609.04309' },
    ],
  },
  {
    id: 'attn-softmax-bottleneck',
    topic: 'attention-softmax',
    subtopic: 'large-vocabulary',
    tags: ['softmax-bottleneck', 'rank', 'language-modeling', 'mixture-of-softmaxes'],
    kind: 'derivation',
    difficulty: 5,
    prompt: {
      zh: String.raw`语言模型输出层为 $\log p(w\mid c)=h_c^\top e_w-\log\sum_{w'}\exp(h_c^\top e_{w'})$，其中 $h_c,e_w\in\mathbb R^d$。证明由所有上下文构成的对数概率矩阵的秩至多为 $d+1$，说明这为什么可能限制表达能力（“softmax 瓶颈”），以及如何缓解。`,
      en: String.raw`A language model's output layer is $\log p(w\mid c)=h_c^\top e_w-\log\sum_{w'}\exp(h_c^\top e_{w'})$ with $h_c,e_w\in\mathbb R^d$. Prove that the log-probability matrix over all contexts has rank at most $d+1$, explain why this can limit expressiveness (the "softmax bottleneck"), and how to fix it.`,
    },
    answer: {
      short: {
        zh: String.raw`对数概率矩阵 $A=HE^\top-\ell\mathbf 1^\top$ 是一个秩不超过 $d$ 的矩阵加上一个秩 1 的逐行平移，所以 $\mathrm{rank}(A)\le d+1$；如果自然语言真实的对数概率矩阵秩远高于此，$d\ll V$ 的单个 softmax 无法精确表示它。混合 softmax（MoS）可以突破这个上界。`,
        en: String.raw`The log-probability matrix $A=HE^\top-\ell\mathbf 1^\top$ is a rank-$\le d$ matrix plus a rank-1 row shift, so $\mathrm{rank}(A)\le d+1$; if the true log-probability matrix of language has much higher rank, a single softmax with $d\ll V$ cannot represent it exactly. A mixture of softmaxes (MoS) breaks the bound.`,
      },
      full: {
        zh: String.raw`**证明。** 把 $N$ 个上下文堆叠：$H\in\mathbb R^{N\times d}$，$E\in\mathbb R^{V\times d}$，logits $Z=HE^\top$，$\mathrm{rank}(Z)\le d$。log-softmax 对每行减去常数 $\ell_c=\mathrm{LSE}(z_c)$：$A=Z-\ell\mathbf 1^\top$。由秩的次可加性，$\mathrm{rank}(A)\le\mathrm{rank}(Z)+\mathrm{rank}(\ell\mathbf 1^\top)\le d+1$。

**为什么是瓶颈（Yang 等）。** 设真实条件分布的对数概率矩阵为 $A^*$。任何能给出同样分布的 logits 矩阵都形如 $A^*+\Lambda\mathbf 1^\top$（每行可任意平移），其秩至少为 $\mathrm{rank}(A^*)-1$。若 $\mathrm{rank}(A^*)>d+1$——对高度依赖上下文的自然语言来说是合理的——则 $d$ 维的 softmax 模型无论怎么训练都无法精确表示真实分布。典型情况下 $d$ 为 $10^2$–$10^3$，$V$ 为 $10^4$–$10^5$。

**缓解。** 混合 softmax：$p(w\mid c)=\sum_{k=1}^{K}\pi_{c,k}\,\mathrm{softmax}(h_{c,k}^\top E)_w$。混合后的对数是 logits 的非线性函数，秩不再受 $d+1$ 限制；Yang 等在 Penn Treebank 和 WikiText-2 上据此降低了困惑度，代价是 $K$ 倍的输出层计算。其他思路：增大 $d$，或使用非线性的输出层。

**注意：** 上界针对的是*对数*概率矩阵；概率矩阵是它的逐元素指数，并不低秩。`,
        en: String.raw`**Proof.** Stack $N$ contexts: $H\in\mathbb R^{N\times d}$, $E\in\mathbb R^{V\times d}$, logits $Z=HE^\top$ with $\mathrm{rank}(Z)\le d$. Log-softmax subtracts a per-row constant $\ell_c=\mathrm{LSE}(z_c)$: $A=Z-\ell\mathbf 1^\top$. By subadditivity of rank, $\mathrm{rank}(A)\le\mathrm{rank}(Z)+\mathrm{rank}(\ell\mathbf 1^\top)\le d+1$.

**Why it is a bottleneck (Yang et al.).** Let $A^*$ be the true conditional log-probability matrix. Any logit matrix that produces the same distributions has the form $A^*+\Lambda\mathbf 1^\top$ (each row may be shifted), whose rank is at least $\mathrm{rank}(A^*)-1$. If $\mathrm{rank}(A^*)>d+1$ — plausible for highly context-dependent natural language — no $d$-dimensional softmax model can represent the true distribution exactly, however it is trained. Typically $d$ is $10^2$–$10^3$ while $V$ is $10^4$–$10^5$.

**Fix.** Mixture of softmaxes: $p(w\mid c)=\sum_{k=1}^{K}\pi_{c,k}\,\mathrm{softmax}(h_{c,k}^\top E)_w$. The log of a mixture is a nonlinear function of the logits, so its rank is not capped at $d+1$; Yang et al. used it to lower perplexity on Penn Treebank and WikiText-2, at $K$ times the output-layer cost. Other options: a larger $d$ or a nonlinear output layer.

**Note:** the bound is on the *log*-probability matrix; the probability matrix is its elementwise exponential and is not low-rank.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'logSoftmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Breaking the Softmax Bottleneck: A High-Rank RNN Language Model', authors: 'Yang, Dai, Salakhutdinov, Cohen', year: 2017, arxiv: '1711.03953' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Efficient attention
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-online-softmax-flashattention',
    topic: 'attention-softmax',
    subtopic: 'efficient-attention',
    tags: ['flashattention', 'online-softmax', 'tiling', 'memory'],
    kind: 'derivation',
    difficulty: 5,
    prompt: {
      zh: String.raw`FlashAttention 如何在不存储 $n\times n$ 注意力矩阵的情况下*精确*计算 $\mathrm{softmax}(QK^\top)V$？推导“在线 softmax”的递推公式并证明其正确性，说明它为什么更快。`,
      en: String.raw`How does FlashAttention compute $\mathrm{softmax}(QK^\top)V$ *exactly* without storing the $n\times n$ attention matrix? Derive the online-softmax recurrence, prove it correct, and explain why it is faster.`,
    },
    answer: {
      short: {
        zh: String.raw`按块处理键/值，对每个查询行维护运行最大值 $m$、运行归一化项 $\ell$ 和未归一化输出 $o$；新块使最大值变大时，把旧的 $\ell$ 和 $o$ 乘以 $e^{m_{old}-m_{new}}$ 重新标定。结果是精确的，额外显存 $O(n)$，并且因为不在 HBM 中读写 $n^2$ 矩阵而更快。`,
        en: String.raw`Process keys/values in blocks while keeping, per query row, a running max $m$, a running normalizer $\ell$ and an unnormalized output $o$; when a block raises the max, rescale the old $\ell$ and $o$ by $e^{m_{old}-m_{new}}$. The result is exact, needs $O(n)$ extra memory, and is faster because the $n^2$ matrix is never read from or written to HBM.`,
      },
      full: {
        zh: String.raw`对一个查询，分数为 $x_j$、值为 $v_j$。处理完块 $B$ 后：
$$m'=\max\big(m,\max_{j\in B}x_j\big),\quad\ell'=e^{m-m'}\ell+\sum_{j\in B}e^{x_j-m'},\quad o'=e^{m-m'}o+\sum_{j\in B}e^{x_j-m'}v_j,$$
初值 $m=-\infty,\ \ell=0,\ o=0$，最终输出 $o/\ell$。

**证明（不变式）。** 处理完集合 $S$ 后有 $\ell=\sum_{j\in S}e^{x_j-m}$，$o=\sum_{j\in S}e^{x_j-m}v_j$，$m=\max_Sx$。把参考点从 $m$ 换到 $m'$，每一项乘以 $e^{m-m'}$；新项直接以 $m'$ 为参考加入，不变式保持。最后 $o/\ell=\sum_je^{x_j}v_j/\sum_je^{x_j}$，因子 $e^{-m}$ 约掉。所有指数 $\le0$，数值稳定（Milakov & Gimelshein，2018 的在线归一化）。

**FlashAttention（Dao 等，2022）。** 把 $Q,K,V$ 切成适合片上 SRAM 的块；对每块计算 $S=QK^\top$，更新 $m,\ell,O$；$S$ 和 $P$ 从不写回 HBM。反向只保存 $O$ 和每行的 log-sum-exp $m+\log\ell$，按块重算 $S,P$。除输入输出外额外显存 $O(n)$；HBM 访问量为 $\Theta(n^2d^2/M)$，标准实现为 $\Theta(nd+n^2)$（$M$ 为 SRAM 大小）。由于重算，FLOPs 略多，但注意力受显存带宽限制，墙钟时间明显更短。它是精确计算，不同于稀疏或低秩近似。FlashAttention-2 把除以 $\ell$ 推迟到最后，并在序列长度维度上并行。`,
        en: String.raw`For one query with scores $x_j$ and values $v_j$, after processing a block $B$:
$$m'=\max\big(m,\max_{j\in B}x_j\big),\quad\ell'=e^{m-m'}\ell+\sum_{j\in B}e^{x_j-m'},\quad o'=e^{m-m'}o+\sum_{j\in B}e^{x_j-m'}v_j,$$
starting from $m=-\infty,\ \ell=0,\ o=0$; the output is $o/\ell$.

**Proof (invariant).** After processing a set $S$: $\ell=\sum_{j\in S}e^{x_j-m}$, $o=\sum_{j\in S}e^{x_j-m}v_j$, $m=\max_Sx$. Moving the reference from $m$ to $m'$ multiplies every term by $e^{m-m'}$; new terms enter already referenced to $m'$, so the invariant holds. At the end $o/\ell=\sum_je^{x_j}v_j/\sum_je^{x_j}$ — the factor $e^{-m}$ cancels. Every exponent is $\le0$, so it is stable (the online normalizer of Milakov & Gimelshein, 2018).

**FlashAttention (Dao et al., 2022).** Tile $Q,K,V$ into blocks that fit in on-chip SRAM; for each tile compute $S=QK^\top$ and update $m,\ell,O$; $S$ and $P$ are never written to HBM. The backward pass stores only $O$ and the per-row log-sum-exp $m+\log\ell$ and recomputes $S,P$ blockwise. Extra memory beyond inputs and outputs is $O(n)$; HBM accesses are $\Theta(n^2d^2/M)$ versus $\Theta(nd+n^2)$ for the standard implementation ($M$ = SRAM size). FLOPs rise slightly (recomputation), but attention is memory-bound, so wall-clock time drops. It is exact, unlike sparse or low-rank approximations. FlashAttention-2 defers the division by $\ell$ to the end and parallelizes over the sequence length.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Online normalizer calculation for softmax', authors: 'Milakov, Gimelshein', year: 2018, arxiv: '1805.02867' },
      { title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness', authors: 'Dao, Fu, Ermon, Rudra, Ré', year: 2022, arxiv: '2205.14135' },
      { title: 'FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning', authors: 'Dao', year: 2023, arxiv: '2307.08691' },
      { title: 'Self-attention Does Not Need O(n^2) Memory', authors: 'Rabe, Staats', year: 2021, arxiv: '2112.05682' },
    ],
  },
  {
    id: 'attn-efficient-attention',
    topic: 'attention-softmax',
    subtopic: 'efficient-attention',
    tags: ['linear-attention', 'sparse-attention', 'long-context', 'flashattention'],
    kind: 'concept',
    difficulty: 5,
    prompt: {
      zh: String.raw`要把 Transformer 用到 $n\sim10^5$ 的长序列上，有哪些降低注意力 $O(n^2)$ 代价的思路？比较稀疏注意力、低秩注意力、核化/线性注意力和 FlashAttention 的原理与取舍。`,
      en: String.raw`To run a Transformer on sequences of $n\sim10^5$, what are the ways around attention's $O(n^2)$ cost? Compare sparse, low-rank, kernelized/linear attention and FlashAttention in principle and trade-offs.`,
    },
    answer: {
      short: {
        zh: String.raw`稀疏模式（局部窗口、跨步、全局词元）只计算 $O(n\sqrt n)$ 或 $O(nw)$ 个分数；低秩方法把键/值沿序列维投影到 $k\ll n$ 行；核化/线性注意力把 $\exp(q^\top k)$ 换成 $\phi(q)^\top\phi(k)$ 并改变结合顺序，代价 $O(nd^2)$；FlashAttention 保持精确注意力，只是让 IO 更高效、显存 $O(n)$——FLOPs 仍是 $O(n^2)$。`,
        en: String.raw`Sparse patterns (local windows, strides, global tokens) compute only $O(n\sqrt n)$ or $O(nw)$ scores; low-rank methods project keys/values along the sequence to $k\ll n$ rows; kernel/linear attention replaces $\exp(q^\top k)$ by $\phi(q)^\top\phi(k)$ and reassociates to $O(nd^2)$; FlashAttention keeps exact attention but makes it IO-efficient with $O(n)$ memory — still $O(n^2)$ FLOPs.`,
      },
      full: {
        zh: String.raw`- **稀疏：** Sparse Transformer（Child 等，2019）用跨步/固定模式，$O(n\sqrt n)$；Longformer（Beltagy 等，2020）用宽度为 $w$ 的滑动窗口加少量全局词元，$O(nw)$。模式内是精确计算；远距离信息要经过多层或全局词元传递；需要专门的内核。
- **低秩：** Linformer（Wang 等，2020）把 $K,V$ 沿序列维投影到 $k$ 行，$O(nk)$；要求固定长度，不便于做因果掩码。
- **核化/线性：** $\mathrm{softmax}(QK^\top)V\approx D^{-1}\phi(Q)\big(\phi(K)^\top V\big)$，$D=\mathrm{diag}\big(\phi(Q)\phi(K)^\top\mathbf 1\big)$；先算 $d\times d$ 的 $\phi(K)^\top V$，代价 $O(nd^2)$。Katharopoulos 等（2020，特征映射 elu+1）指出因果线性注意力就是一个状态为 $d\times d$ 矩阵的 RNN，解码每个词元的代价是常数；Performer（Choromanski 等，2020）用正随机特征无偏估计 softmax 核。代价是近似误差，尤其在需要尖锐、精确检索的任务上较弱。
- **IO 感知的精确注意力：** FlashAttention 不做近似，显存 $O(n)$，墙钟时间大幅下降，但 FLOPs 不变；通常是首选，也可与块稀疏或滑动窗口结合。
- **其他：** 分段循环/记忆（Transformer-XL）、分块、检索增强、状态空间模型。

**选择依据：** 是否需要精确结果、是否需要因果/流式解码、$n$ 与 $d$ 的大小关系（线性注意力在 $n\gg d$ 时才划算）、硬件内核支持。`,
        en: String.raw`- **Sparse:** Sparse Transformer (Child et al., 2019) uses strided/fixed patterns, $O(n\sqrt n)$; Longformer (Beltagy et al., 2020) uses a sliding window of width $w$ plus a few global tokens, $O(nw)$. Exact within the pattern; long-range information must hop through layers or global tokens; needs custom kernels.
- **Low-rank:** Linformer (Wang et al., 2020) projects $K,V$ along the sequence axis to $k$ rows, $O(nk)$; it assumes a fixed length and does not suit causal masking well.
- **Kernel/linear:** $\mathrm{softmax}(QK^\top)V\approx D^{-1}\phi(Q)\big(\phi(K)^\top V\big)$ with $D=\mathrm{diag}\big(\phi(Q)\phi(K)^\top\mathbf 1\big)$; computing the $d\times d$ matrix $\phi(K)^\top V$ first costs $O(nd^2)$. Katharopoulos et al. (2020, feature map elu+1) show causal linear attention is an RNN with a $d\times d$ state, so decoding costs constant time per token; Performer (Choromanski et al., 2020) estimates the softmax kernel without bias using positive random features. The price is approximation error, especially on tasks that need sharp, precise retrieval.
- **IO-aware exact:** FlashAttention makes no approximation, uses $O(n)$ memory and cuts wall-clock time substantially, with unchanged FLOPs; usually the first choice, and it combines with block sparsity or sliding windows.
- **Other:** segment recurrence/memory (Transformer-XL), chunking, retrieval, state-space models.

**How to choose:** exactness, causal/streaming decoding, the ratio of $n$ to $d$ (linear attention only pays off when $n\gg d$), and available hardware kernels.`,
      },
    },
    references: [
      { title: 'Generating Long Sequences with Sparse Transformers', authors: 'Child, Gray, Radford, Sutskever', year: 2019, arxiv: '1904.10509' },
      { title: 'Longformer: The Long-Document Transformer', authors: 'Beltagy, Peters, Cohan', year: 2020, arxiv: '2004.05150' },
      { title: 'Linformer: Self-Attention with Linear Complexity', authors: 'Wang, Li, Khabsa, Fang, Ma', year: 2020, arxiv: '2006.04768' },
      { title: 'Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention', authors: 'Katharopoulos, Vyas, Pappas, Fleuret', year: 2020, arxiv: '2006.16236' },
      { title: 'Rethinking Attention with Performers', authors: 'Choromanski et al.', year: 2020, arxiv: '2009.14794' },
      { title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness', authors: 'Dao, Fu, Ermon, Rudra, Ré', year: 2022, arxiv: '2205.14135' },
      { title: 'Efficient Transformers: A Survey', authors: 'Tay, Dehghani, Bahri, Metzler', year: 2020, arxiv: '2009.06732' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Multi-head attention, encoder blocks, inference
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-why-multi-head',
    topic: 'attention-softmax',
    subtopic: 'multi-head-attention',
    tags: ['multi-head-attention', 'heads', 'representation-subspaces', 'pruning'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`为什么用多头注意力而不是一个大的单头注意力？在 $d_k=d/h$ 时两者的参数量和计算量如何比较？所有头都是必要的吗？`,
      en: String.raw`Why use multi-head attention instead of one big single head? With $d_k=d/h$, how do parameters and compute compare? Are all heads necessary?`,
    },
    answer: {
      short: {
        zh: String.raw`每个头有自己的 softmax，不同的头可以同时关注不同位置、不同关系；单头只能把一切平均进一个分布。$d_k=d/h$ 时参数量（$4d^2+4d$）和 FLOPs 与一个全宽单头基本相同；实验表明训练后很多头可以剪掉。`,
        en: String.raw`Each head has its own softmax, so different heads can attend to different positions and relations at once; a single head averages everything into one distribution. With $d_k=d/h$, parameters ($4d^2+4d$) and FLOPs are about the same as one full-width head; empirically many heads can be pruned after training.`,
      },
      full: {
        zh: String.raw`$\mathrm{MultiHead}(Q,K,V)=\mathrm{Concat}(\mathrm{head}_1,\dots,\mathrm{head}_h)W^O$，$\mathrm{head}_i=\mathrm{Attention}(QW_i^Q,KW_i^K,VW_i^V)$。

**为什么。** 每个查询的一个 softmax 只产生一个凸组合；如果要同时取“前一个词”和“句法上的中心词”的信息，单头只能把它们平均。Vaswani 等：多头让模型能在不同位置同时关注来自不同表示子空间的信息，单头的平均会抑制这一点。实际中不同头会分化出位置头、句法头、罕见词头等（Voita 等，2019）。

**代价。** 投影大小相同；$QK^\top$ 的 FLOPs 为 $h\cdot2n^2d_k=2n^2d$，也相同；但注意力权重的显存变为 $h$ 倍（$hn^2$）。

**取舍。** 每头的分数矩阵秩不超过 $d_k$，头太多时 $d_k$ 太小会成为瓶颈。Vaswani 等的消融：单头比最佳设置低 0.9 BLEU，头数过多质量也会下降。

**剪枝。** Michel 等（2019）发现测试时可去掉大量头而几乎不损失效果；Voita 等发现少数专门化的头承担了主要工作。

**推理变体。** 多查询注意力（Shazeer，2019）和分组查询注意力（Ainslie 等，2023）在多个头之间共享 K/V，以缩小 KV cache。`,
        en: String.raw`$\mathrm{MultiHead}(Q,K,V)=\mathrm{Concat}(\mathrm{head}_1,\dots,\mathrm{head}_h)W^O$ with $\mathrm{head}_i=\mathrm{Attention}(QW_i^Q,KW_i^K,VW_i^V)$.

**Why.** One softmax per query yields one convex combination; to use both the "previous token" and the "syntactic head" at once, a single head has to average them. Vaswani et al.: multi-head attention lets the model jointly attend to information from different representation subspaces at different positions; with a single head, averaging inhibits this. In practice heads specialize into positional, syntactic and rare-word heads (Voita et al., 2019).

**Cost.** The projections have the same size; $QK^\top$ FLOPs are $h\cdot2n^2d_k=2n^2d$, also the same; but the attention-weight memory grows $h$-fold ($hn^2$).

**Trade-off.** Each head's score matrix has rank at most $d_k$, so too many heads (too small $d_k$) become a bottleneck. Vaswani et al.'s ablation: a single head is 0.9 BLEU worse than the best setting, and quality also drops with too many heads.

**Pruning.** Michel et al. (2019) remove many heads at test time with little loss; Voita et al. find a few specialized heads do the heavy lifting.

**Inference variants.** Multi-query attention (Shazeer, 2019) and grouped-query attention (Ainslie et al., 2023) share K/V across heads to shrink the KV cache.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'MultiHeadAttention', test: 'packages/softmax-attention/src/layers/multi-head-attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'Are Sixteen Heads Really Better than One?', authors: 'Michel, Levy, Neubig', year: 2019, arxiv: '1905.10650' },
      { title: 'Analyzing Multi-Head Self-Attention: Specialized Heads Do the Heavy Lifting, the Rest Can Be Pruned', authors: 'Voita, Talbot, Moiseev, Sennrich, Titov', year: 2019, arxiv: '1905.09418' },
      { title: 'Fast Transformer Decoding: One Write-Head is All You Need', authors: 'Shazeer', year: 2019, arxiv: '1911.02150' },
      { title: 'GQA: Training Generalized Multi-Query Transformer Models from Multi-Head Checkpoints', authors: 'Ainslie et al.', year: 2023, arxiv: '2305.13245' },
    ],
  },
  {
    id: 'attn-implement-multi-head-attention',
    topic: 'attention-softmax',
    subtopic: 'multi-head-attention',
    tags: ['multi-head-attention', 'implementation', 'reshape', 'masking'],
    kind: 'coding',
    difficulty: 4,
    prompt: {
      zh: String.raw`不调用现成的层，实现多头注意力：写出每一步的张量形状，说明如何拆分与合并头、掩码如何广播，并列出最常见的实现错误。`,
      en: String.raw`Without using a ready-made layer, implement multi-head attention: give the tensor shape at every step, explain how heads are split and merged and how masks broadcast, and list the most common implementation bugs.`,
    },
    answer: {
      short: {
        zh: String.raw`投影到 $hd_k$ 维，reshape 成 $[B,n,h,d_k]$ 再转置为 $[B,h,n,d_k]$；逐头做缩放点积注意力（分数 $[B,h,n_q,n_k]$，沿最后一维 softmax）；转置回来、reshape 成 $[B,n_q,hd_v]$，最后乘 $W_O$。`,
        en: String.raw`Project to $hd_k$ features, reshape to $[B,n,h,d_k]$ and transpose to $[B,h,n,d_k]$; run scaled dot-product attention per head (scores $[B,h,n_q,n_k]$, softmax over the last axis); transpose back, reshape to $[B,n_q,hd_v]$ and apply $W_O$.`,
      },
      full: {
        zh: String.raw`    function splitHeads(x: tf.Tensor, h: number): tf.Tensor {   // [B, n, h*dk] -> [B, h, n, dk]
      const [b, n, hd] = x.shape as [number, number, number];
      return tf.transpose(tf.reshape(x, [b, n, h, hd / h]), [0, 2, 1, 3]);
    }
    // q = splitHeads(dense(xq, Wq), h)；k、v 同理
    // scores  = matMul(q, k, false, true) / sqrt(dk)   -> [B, h, nq, nk]
    // weights = softmax(scores + maskBias)             // maskBias: [B, 1, 1, nk] 或 [1, 1, nq, nk]
    // o = matMul(weights, v)                           -> [B, h, nq, dv]
    // o = reshape(transpose(o, [0, 2, 1, 3]), [B, nq, h*dv])，再 dense(o, Wo) -> [B, nq, d]

**常见错误。**
- 直接 reshape 成 $[B,h,n,d_k]$ 而不转置：词元和特征被打乱——代码能跑，但结果是错的。
- 合并头之前没有先转置回 $[B,n,h,d_v]$。
- softmax 沿查询轴（−2）而不是键轴（−1）。
- 用 $\sqrt d$ 而不是 $\sqrt{d_k}$ 缩放。
- 形状为 $[B,n]$ 的掩码与 $[B,h,n,n]$ 广播时对齐到了错误的轴——应扩展为 $[B,1,1,n]$。
- 注意力权重上的 dropout 只应在训练时生效。

**测试。** $h=1$ 时与同权重的单头注意力一致；与逐头循环的参考实现对比；$n_q\ne n_k$（交叉注意力）时形状正确；参数量符合公式；修改被屏蔽的键不影响输出。`,
        en: String.raw`    function splitHeads(x: tf.Tensor, h: number): tf.Tensor {   // [B, n, h*dk] -> [B, h, n, dk]
      const [b, n, hd] = x.shape as [number, number, number];
      return tf.transpose(tf.reshape(x, [b, n, h, hd / h]), [0, 2, 1, 3]);
    }
    // q = splitHeads(dense(xq, Wq), h); likewise k and v
    // scores  = matMul(q, k, false, true) / sqrt(dk)   -> [B, h, nq, nk]
    // weights = softmax(scores + maskBias)             // maskBias: [B, 1, 1, nk] or [1, 1, nq, nk]
    // o = matMul(weights, v)                           -> [B, h, nq, dv]
    // o = reshape(transpose(o, [0, 2, 1, 3]), [B, nq, h*dv]), then dense(o, Wo) -> [B, nq, d]

**Common bugs.**
- Reshaping straight to $[B,h,n,d_k]$ without the transpose: tokens and features get scrambled — it runs, but it is wrong.
- Merging heads without first transposing back to $[B,n,h,d_v]$.
- Softmax over the query axis (−2) instead of the key axis (−1).
- Scaling by $\sqrt d$ instead of $\sqrt{d_k}$.
- A mask of shape $[B,n]$ broadcast against $[B,h,n,n]$ aligns with the wrong axis — expand it to $[B,1,1,n]$.
- Dropout on the attention weights must be active only in training.

**Tests.** With $h=1$ it matches single-head attention with the same weights; it matches a reference that loops over heads; shapes are right when $n_q\ne n_k$ (cross-attention); the parameter count matches the formula; changing a masked key does not change the output.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'MultiHeadAttention', test: 'packages/softmax-attention/src/layers/multi-head-attention.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'MultiHeadAttention layer (Keras API)', url: 'https://keras.io/api/layers/attention_layers/multi_head_attention/' },
    ],
  },
  {
    id: 'attn-transformer-encoder-block',
    topic: 'attention-softmax',
    subtopic: 'transformer-encoder',
    tags: ['transformer-encoder', 'layer-normalization', 'residual', 'feed-forward'],
    kind: 'coding',
    difficulty: 4,
    prompt: {
      zh: String.raw`实现一个 Transformer 编码器块（多头自注意力 + 前馈网络），说明 Post-LN 与 Pre-LN 的区别，并计算 $d=512$、$h=8$、$d_{ff}=2048$ 时一层的参数量。`,
      en: String.raw`Implement a Transformer encoder block (multi-head self-attention + feed-forward network), explain Post-LN versus Pre-LN, and count the parameters of one layer with $d=512$, $h=8$, $d_{ff}=2048$.`,
    },
    answer: {
      short: {
        zh: String.raw`编码器块 = 多头注意力子层 + 逐位置前馈子层，每个子层都有残差连接和 LayerNorm（Post-LN：$\mathrm{LN}(x+F(x))$；Pre-LN：$x+F(\mathrm{LN}(x))$）。带偏置时参数量为 1,050,624（MHA）+ 2,099,712（FFN）+ 2,048（两个 LayerNorm）= 3,152,384。`,
        en: String.raw`Block = MHA sublayer + position-wise FFN sublayer, each with a residual connection and LayerNorm (Post-LN: $\mathrm{LN}(x+F(x))$; Pre-LN: $x+F(\mathrm{LN}(x))$). With biases it has 1,050,624 (MHA) + 2,099,712 (FFN) + 2,048 (two LayerNorms) = 3,152,384 parameters.`,
      },
      full: {
        zh: String.raw`**Post-LN（原始 Transformer）：**
$$x\leftarrow\mathrm{LN}\big(x+\mathrm{Dropout}(\mathrm{MHA}(x,x,x,\text{mask}))\big),\qquad x\leftarrow\mathrm{LN}\big(x+\mathrm{Dropout}(\mathrm{FFN}(x))\big)$$
**Pre-LN：** $x\leftarrow x+\mathrm{MHA}(\mathrm{LN}(x))$，$x\leftarrow x+\mathrm{FFN}(\mathrm{LN}(x))$，最后一个块之后再加一个 LN。

FFN：$\max(0,xW_1+b_1)W_2+b_2$，对每个位置独立作用，通常 $d_{ff}=4d$。

示意代码（我们的 TransformerEncoder 封装了这些步骤）：

    // x: [B, n, d]；mask: [B, 1, 1, n]（1 = 保留）
    const a = selfAttention(x, mask);                  // 多头自注意力
    let h = ln1(tf.add(x, dropout(a)));                // Post-LN
    const f = dense2(tf.relu(dense1(h)));              // d -> dff -> d
    h = ln2(tf.add(h, dropout(f)));

**参数量。** MHA $4(512^2+512)=1{,}050{,}624$；FFN $512\cdot2048+2048+2048\cdot512+512=2{,}099{,}712$；两个 LayerNorm 各有 $\gamma,\beta$：$2\times(512+512)=2{,}048$；合计 $3{,}152{,}384$，其中 FFN 约占三分之二。

**Post-LN 与 Pre-LN。** Xiong 等（2020）证明 Post-LN 在初始化时靠近输出层的梯度很大，需要学习率 warmup；Pre-LN 的梯度表现良好，可以去掉 warmup 稳定训练，因此深层模型（如 GPT-2）多用 Pre-LN。

**测试。** 输出形状等于输入形状；被屏蔽的键不影响输出；不加位置编码时满足置换等变；参数量与公式一致。`,
        en: String.raw`**Post-LN (original Transformer):**
$$x\leftarrow\mathrm{LN}\big(x+\mathrm{Dropout}(\mathrm{MHA}(x,x,x,\text{mask}))\big),\qquad x\leftarrow\mathrm{LN}\big(x+\mathrm{Dropout}(\mathrm{FFN}(x))\big)$$
**Pre-LN:** $x\leftarrow x+\mathrm{MHA}(\mathrm{LN}(x))$, $x\leftarrow x+\mathrm{FFN}(\mathrm{LN}(x))$, plus a final LN after the last block.

FFN: $\max(0,xW_1+b_1)W_2+b_2$, applied to each position independently, typically $d_{ff}=4d$.

Schematic code (our TransformerEncoder wraps these steps):

    // x: [B, n, d]; mask: [B, 1, 1, n] (1 = keep)
    const a = selfAttention(x, mask);                  // multi-head self-attention
    let h = ln1(tf.add(x, dropout(a)));                // Post-LN
    const f = dense2(tf.relu(dense1(h)));              // d -> dff -> d
    h = ln2(tf.add(h, dropout(f)));

**Parameters.** MHA $4(512^2+512)=1{,}050{,}624$; FFN $512\cdot2048+2048+2048\cdot512+512=2{,}099{,}712$; two LayerNorms with $\gamma,\beta$ each: $2\times(512+512)=2{,}048$; total $3{,}152{,}384$, about two thirds of it in the FFN.

**Post-LN vs Pre-LN.** Xiong et al. (2020) show that at initialization Post-LN has large gradients near the output layer and needs learning-rate warmup, whereas Pre-LN gradients are well behaved and it trains stably without warmup — which is why deep models (e.g. GPT-2) mostly use Pre-LN.

**Tests.** Output shape equals input shape; masked keys do not affect the output; without positional encodings it is permutation-equivariant; the parameter count matches the formula.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'TransformerEncoder', test: 'packages/softmax-attention/src/layers/transformer-encoder.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'MultiHeadAttention', test: 'packages/softmax-attention/src/layers/multi-head-attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'On Layer Normalization in the Transformer Architecture', authors: 'Xiong et al.', year: 2020, arxiv: '2002.04745' },
      { title: 'Layer Normalization', authors: 'Ba, Kiros, Hinton', year: 2016, arxiv: '1607.06450' },
    ],
  },
  {
    id: 'attn-kv-cache',
    topic: 'attention-softmax',
    subtopic: 'inference',
    tags: ['kv-cache', 'autoregressive-decoding', 'memory', 'grouped-query-attention'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: String.raw`自回归生成时为什么要用 KV cache？估算一个 32 层、$d=4096$（32 个头，$d_k=128$）、float16 的解码器在上下文长度 4096 时每条序列的 KV cache 大小；如果改为 8 个 KV 头的分组查询注意力（GQA）呢？`,
      en: String.raw`Why use a KV cache for autoregressive generation? Estimate the KV-cache size per sequence of a 32-layer, $d=4096$ (32 heads, $d_k=128$) float16 decoder at context length 4096. What if it uses grouped-query attention (GQA) with 8 KV heads?`,
    },
    answer: {
      short: {
        zh: String.raw`缓存历史词的键和值后，每一步只需计算新词的投影，不必重算整个前缀。大小 $=2\times L\times n\times d\times$ 字节数 $=2\cdot32\cdot4096\cdot4096\cdot2$ B = 2 GiB/序列（每个词元 0.5 MiB）；8 个 KV 头时缩小 4 倍，为 512 MiB。`,
        en: String.raw`Caching past keys and values means each step only computes the new token's projections instead of re-running the whole prefix. Size $=2\times L\times n\times d\times$ bytes $=2\cdot32\cdot4096\cdot4096\cdot2$ B = 2 GiB per sequence (0.5 MiB per token); with 8 KV heads it is 4× smaller, 512 MiB.`,
      },
      full: {
        zh: String.raw`**为什么。** 没有缓存时，第 $t$ 步要对全部 $t$ 个词重新做前向：投影 $O(td^2)$、注意力 $O(t^2d)$，整条序列累计 $O(n^2d^2+n^3d)$。有缓存时，每层保存 $K,V\in\mathbb R^{t\times d}$；新词只投影一次、追加到缓存、用一个查询做注意力：每步 $O(d^2+td)$，累计 $O(nd^2+n^2d)$。

**大小。** 每个词元每层存 $2d$ 个值（K 和 V）：$2\cdot4096\cdot2$ B = 16 KiB；乘 32 层 = 512 KiB = 0.5 MiB/词元；乘 4096 个词元 = 2 GiB/序列。batch 为 16 时就是 32 GiB，超过 fp16 下 70 亿参数模型本身的权重（约 14 GB）——解码受显存带宽限制。

**GQA / MQA。** 8 个 KV 头时 K/V 宽度为 $8\cdot128=1024$，缓存缩小 4 倍：512 MiB；多查询注意力（1 个 KV 头）缩小 32 倍：64 MiB。

**其他手段：** 交叉注意力的缓存对每个源句固定；分页管理显存、量化缓存、滑动窗口注意力。`,
        en: String.raw`**Why.** Without a cache, step $t$ re-runs the forward pass on all $t$ tokens: projections $O(td^2)$ and attention $O(t^2d)$, for a total of $O(n^2d^2+n^3d)$ over the sequence. With a cache, each layer keeps $K,V\in\mathbb R^{t\times d}$; the new token is projected once, appended, and attends with a single query: $O(d^2+td)$ per step, $O(nd^2+n^2d)$ in total.

**Size.** Per token per layer we store $2d$ values (K and V): $2\cdot4096\cdot2$ B = 16 KiB; times 32 layers = 512 KiB = 0.5 MiB per token; times 4096 tokens = 2 GiB per sequence. A batch of 16 needs 32 GiB — more than the fp16 weights of a 7-billion-parameter model (about 14 GB); decoding is memory-bandwidth bound.

**GQA / MQA.** With 8 KV heads the K/V width is $8\cdot128=1024$, so the cache is 4× smaller: 512 MiB; multi-query attention (1 KV head) is 32× smaller: 64 MiB.

**Other levers:** cross-attention caches are fixed per source sentence; paged memory management, quantized caches, sliding-window attention.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'MultiHeadAttention', test: 'packages/softmax-attention/src/layers/multi-head-attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Fast Transformer Decoding: One Write-Head is All You Need', authors: 'Shazeer', year: 2019, arxiv: '1911.02150' },
      { title: 'GQA: Training Generalized Multi-Query Transformer Models from Multi-Head Checkpoints', authors: 'Ainslie et al.', year: 2023, arxiv: '2305.13245' },
      { title: 'Efficiently Scaling Transformer Inference', authors: 'Pope et al.', year: 2022, arxiv: '2211.05102' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Pooling, interpretation, softmax basics
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-pooling-vs-cls',
    topic: 'attention-softmax',
    subtopic: 'attention-pooling',
    tags: ['attention-pooling', 'cls-token', 'mean-pooling', 'sequence-classification'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: String.raw`把变长序列的隐藏状态汇聚成一个向量用于分类有哪些做法？比较均值池化、最大池化、[CLS] 标记和注意力池化。`,
      en: String.raw`How can the hidden states of a variable-length sequence be pooled into one vector for classification? Compare mean pooling, max pooling, a [CLS] token and attention pooling.`,
    },
    answer: {
      short: {
        zh: String.raw`均值/最大池化没有参数（但必须排除填充）；[CLS] 标记让编码器通过自注意力自己学出摘要；注意力池化学习一个查询，按相关性给位置加权 $c=\sum_t\alpha_th_t$，并给出可查看的权重。`,
        en: String.raw`Mean/max pooling are parameter-free (but must exclude padding); a [CLS] token lets the encoder learn the summary through self-attention; attention pooling learns a query that weights positions by relevance, $c=\sum_t\alpha_th_t$, and exposes inspectable weights.`,
      },
      full: {
        zh: String.raw`- **均值池化：** $\frac{1}{\sum_tm_t}\sum_tm_th_t$（带掩码）；稳健的基线，但长文本中少数决定性的词会被稀释。
- **最大池化：** 每个特征在时间上取最大（先把填充位置设为 $-\infty$）；擅长抓局部强特征（如 TextCNN）；哪个位置胜出是不光滑的。
- **[CLS] 标记**（BERT；ViT 的 class token）：在序列前加一个可学习的词元，用它的最终状态分类；需要足够深的自注意力才有意义。编码器冻结、做句向量时，均值池化往往更好（Sentence-BERT 的实验中 MEAN 优于 CLS）。
- **注意力池化：** $e_t=u^\top\tanh(Wh_t+b)$，$\alpha=\mathrm{softmax}(e+\text{mask})$，$c=\sum_t\alpha_th_t$（Yang 等，2016）。它相当于只有一个可学习查询的交叉注意力（Set Transformer 的 PMA）；用多个查询/多跳可以得到多个视角（Lin 等，2017）。代价 $O(Td)$，权重可解释，必须屏蔽填充。`,
        en: String.raw`- **Mean pooling:** $\frac{1}{\sum_tm_t}\sum_tm_th_t$ (masked); a robust baseline, but a few decisive tokens get diluted in long texts.
- **Max pooling:** a per-feature max over time (set padding to $-\infty$ first); picks strong local features (e.g. TextCNN); which position wins is not smooth.
- **[CLS] token** (BERT; ViT's class token): prepend a learned token and classify its final state; it needs deep self-attention to be meaningful. With a frozen encoder for sentence embeddings, mean pooling is often better (in Sentence-BERT's experiments MEAN beat CLS).
- **Attention pooling:** $e_t=u^\top\tanh(Wh_t+b)$, $\alpha=\mathrm{softmax}(e+\text{mask})$, $c=\sum_t\alpha_th_t$ (Yang et al., 2016). It is cross-attention with one learned query (the Set Transformer's PMA); several queries/hops give several views (Lin et al., 2017). Cost $O(Td)$, interpretable weights, and padding must be masked.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'AttentionPooling', test: 'packages/softmax-attention/src/layers/attention-pooling.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Hierarchical Attention Networks for Document Classification', authors: 'Yang, Yang, Dyer, He, Smola, Hovy', year: 2016, url: 'https://aclanthology.org/N16-1174/' },
      { title: 'A Structured Self-attentive Sentence Embedding', authors: 'Lin et al.', year: 2017, arxiv: '1703.03130' },
      { title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', authors: 'Devlin, Chang, Lee, Toutanova', year: 2018, arxiv: '1810.04805' },
      { title: 'Sentence-BERT: Sentence Embeddings using Siamese BERT-Networks', authors: 'Reimers, Gurevych', year: 2019, arxiv: '1908.10084' },
    ],
  },
  {
    id: 'attn-attention-as-explanation',
    topic: 'attention-softmax',
    subtopic: 'interpretability',
    tags: ['interpretability', 'attention-weights', 'explanation', 'faithfulness'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: String.raw`注意力权重能当作模型的解释吗？用注意力文本分类器的热力图向业务方解释预测时，需要注意什么？`,
      en: String.raw`Can attention weights be used as an explanation of a model? What should you watch out for when explaining predictions to stakeholders with an attention classifier's heatmap?`,
    },
    answer: {
      short: {
        zh: String.raw`只能有保留地使用：注意力权重表示某一层如何混合输入，不一定代表哪些输入导致了预测；研究发现它可能与梯度/删除法的重要性不一致，也可以被非常不同的分布替换而输出不变——但它也并非毫无意义。需要用忠实性检验来验证。`,
        en: String.raw`Only with caveats: attention weights show how one layer mixed its inputs, not necessarily which inputs caused the prediction; studies found they can disagree with gradient/erasure importance and be swapped for very different distributions with the same output — yet they are not meaningless either. Validate with faithfulness checks.`,
      },
      full: {
        zh: String.raw`- **Jain & Wallace（2019）：** 注意力权重与基于梯度和留一法的重要性往往只是弱相关；可以构造出差异很大的对抗注意力分布，而预测几乎不变。
- **Wiegreffe & Pinter（2019）：** “注意力不是*不是*解释”——对抗分布是逐样本构造的，并非一个训练好的模型；在合适的基线下注意力能提供信息；关键在于“解释”的定义（看起来合理 vs 忠实于模型）。
- **权重作用于隐藏状态而非词元：** 经过 RNN/Transformer 编码器后，$h_t$ 已经混合了上下文；深层 Transformer 中信息跨层、跨头流动（注意力 rollout/flow，Abnar & Zuidema，2020）。
- **值向量的范数也重要：** 权重大但值向量范数小的位置贡献很小。

**对 explainAttention 的实践建议：** 单层注意力池化、作用在（轻度上下文化的）词嵌入上，是最可解释的情形；把它表述为“模型在哪里汇聚信息”；用删除检验验证（去掉权重最高的词，预测是否改变？），与梯度×输入或积分梯度对比；屏蔽填充，使真实词上的权重和为 1。`,
        en: String.raw`- **Jain & Wallace (2019):** attention weights often correlate only weakly with gradient- and leave-one-out importance, and very different adversarial attention distributions can leave predictions nearly unchanged.
- **Wiegreffe & Pinter (2019):** "attention is not *not* explanation" — those adversaries were built per example, not as a trained model; with proper baselines attention can be informative; it depends on what "explanation" means (plausible vs faithful).
- **Weights act on hidden states, not tokens:** after an RNN/Transformer encoder, $h_t$ already mixes context; in deep Transformers information flows across layers and heads (attention rollout/flow, Abnar & Zuidema, 2020).
- **Value norms matter:** a large weight on a small-norm value contributes little.

**Practice for explainAttention:** a single attention-pooling layer over (lightly contextualized) embeddings is the most interpretable case; present it as "where the model pooled information"; validate by erasure (remove the top-weighted tokens — does the prediction change?), compare with gradient×input or integrated gradients; mask padding so the weights over real tokens sum to 1.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'explainAttention', test: 'packages/softmax-attention/src/models/attention-text-classifier.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention is not Explanation', authors: 'Jain, Wallace', year: 2019, arxiv: '1902.10186' },
      { title: 'Attention is not not Explanation', authors: 'Wiegreffe, Pinter', year: 2019, arxiv: '1908.04626' },
      { title: 'Quantifying Attention Flow in Transformers', authors: 'Abnar, Zuidema', year: 2020, arxiv: '2005.00928' },
    ],
  },
  {
    id: 'attn-softmax-vs-sigmoid',
    topic: 'attention-softmax',
    subtopic: 'softmax',
    tags: ['softmax', 'sigmoid', 'multi-label', 'gating'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: String.raw`什么时候用 softmax，什么时候用 sigmoid？多标签分类、二分类、注意力权重以及通道注意力（如 SE 模块）分别该选哪个？`,
      en: String.raw`When do you use softmax and when sigmoid? Which fits multi-label classification, binary classification, attention weights and channel attention (e.g. SE blocks)?`,
    },
    answer: {
      short: {
        zh: String.raw`结果互斥、需要相互竞争时用 softmax（单一类别、位置上的一个分布）；每个输出各自是“是/否”时用独立的 sigmoid（多标签、门控）。二分类时一个 sigmoid 等价于两路 softmax。`,
        en: String.raw`Use softmax when outcomes are mutually exclusive and should compete (one class, one distribution over positions); use independent sigmoids when each output is its own yes/no (multi-label, gates). For binary problems one sigmoid equals a two-way softmax.`,
      },
      full: {
        zh: String.raw`- **多分类、恰好一个标签：** softmax + 类别交叉熵，概率和为 1。
- **多标签（标签、疾病等）：** $K$ 个 sigmoid + 逐标签的二元交叉熵；softmax 会迫使标签互相竞争，无法让两个标签同时接近 1。
- **二分类：** Dense(1)+sigmoid 与 Dense(2)+softmax 等价（$s_1=\sigma(z_1-z_0)$），前者参数更少。
- **注意力权重：** 对键做 softmax，得到一个分布；“注意力总量”固定为 1，位置之间相互竞争。
- **门控：** SE 模块、LSTM/GRU 的门、CBAM 都用 sigmoid：每个通道独立地缩放到 $(0,1)$，可以同时全开。
- **开放集 / “以上都不是”：** softmax 总会把概率分给某个类；可以加一个背景类（如 DETR 的“无目标”类）或改用 sigmoid。
- **损失搭配：** 用融合的 from_logits 版本；不要先做 softmax 再用二元交叉熵。`,
        en: String.raw`- **Multi-class, exactly one label:** softmax + categorical cross-entropy; probabilities sum to 1.
- **Multi-label (tags, diseases):** $K$ sigmoids + per-label binary cross-entropy; a softmax would force labels to compete and cannot put two labels near 1 at once.
- **Binary:** Dense(1)+sigmoid is equivalent to Dense(2)+softmax ($s_1=\sigma(z_1-z_0)$), with fewer parameters.
- **Attention weights:** a softmax over keys gives a distribution; the total "attention" is fixed at 1, so positions compete.
- **Gating:** SE blocks, LSTM/GRU gates and CBAM use sigmoids: each channel is scaled independently into $(0,1)$, and several can be fully on.
- **Open set / "none of the above":** a softmax always assigns the mass to some class; add a background class (like DETR's "no object") or use sigmoids.
- **Loss pairing:** use the fused from_logits versions; do not apply softmax and then binary cross-entropy.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`多标签分类的各个 sigmoid 输出之和也应该等于 1。`,
          en: String.raw`The sigmoid outputs of a multi-label classifier should also sum to 1.`,
        },
        correction: {
          zh: String.raw`每个 sigmoid 是一个独立的伯努利概率，和可以是 0 到 $K$ 之间的任意值。`,
          en: String.raw`Each sigmoid is an independent Bernoulli probability; their sum can be anything between 0 and $K$.`,
        },
      },
    ],
    references: [
      { title: 'Deep Learning, Section 6.2.2 (Output Units)', authors: 'Goodfellow, Bengio, Courville', year: 2016, url: 'https://www.deeplearningbook.org/contents/mlp.html' },
      { title: 'Squeeze-and-Excitation Networks', authors: 'Hu, Shen, Sun', year: 2017, arxiv: '1709.01507' },
    ],
  },
  {
    id: 'attn-softmax-shift-invariance',
    topic: 'attention-softmax',
    subtopic: 'softmax',
    tags: ['softmax', 'shift-invariance', 'sigmoid', 'logits'],
    kind: 'derivation',
    difficulty: 1,
    prompt: {
      zh: String.raw`证明 $\mathrm{softmax}(z+c\mathbf 1)=\mathrm{softmax}(z)$。softmax 对缩放 $\mathrm{softmax}(\alpha z)$ 也不变吗？$K=2$ 时 softmax 与 sigmoid 是什么关系？`,
      en: String.raw`Prove that $\mathrm{softmax}(z+c\mathbf 1)=\mathrm{softmax}(z)$. Is softmax also invariant to scaling, $\mathrm{softmax}(\alpha z)$? How does softmax relate to the sigmoid when $K=2$?`,
    },
    answer: {
      short: {
        zh: String.raw`加上 $c$ 使分子分母同乘 $e^c$，所以 softmax 只依赖 logit 之差（$K$ 个 logit 只有 $K-1$ 个自由度）；乘以 $\alpha$ 相当于改变温度，会改变输出；两类时 $s_1=\sigma(z_1-z_0)$。`,
        en: String.raw`Adding $c$ multiplies numerator and denominator by $e^c$, so softmax depends only on logit differences ($K$ logits have $K-1$ degrees of freedom); scaling by $\alpha$ is a temperature change and does alter the output; for two classes $s_1=\sigma(z_1-z_0)$.`,
      },
      full: {
        zh: String.raw`$$\frac{e^{z_i+c}}{\sum_je^{z_j+c}}=\frac{e^ce^{z_i}}{e^c\sum_je^{z_j}}=\mathrm{softmax}(z)_i.$$

**推论。**
- 减去最大值做数值稳定是合法的。
- logits 只在相差一个常数的意义下可辨识——可以固定 $z_0=0$（多项逻辑回归只需 $K-1$ 组权重）。
- $J\mathbf 1=0$，对 logits 的梯度之和为 0；给所有类别加同一个偏置毫无作用。

**缩放不具有不变性。** $\alpha>1$ 使分布更尖锐。例：$z=(1,0)$ 得 $(0.7311,0.2689)$；$2z=(2,0)$ 得 $(0.8808,0.1192)$。$\alpha=1/T$ 就是温度。

**$K=2$：**
$$s_1=\frac{e^{z_1}}{e^{z_0}+e^{z_1}}=\frac{1}{1+e^{-(z_1-z_0)}}=\sigma(z_1-z_0).$$
两路 softmax 等价于对 logit 差做逻辑回归；Dense(2)+softmax 相对 Dense(1)+sigmoid 是过参数化的，但两者表达能力相同。`,
        en: String.raw`$$\frac{e^{z_i+c}}{\sum_je^{z_j+c}}=\frac{e^ce^{z_i}}{e^c\sum_je^{z_j}}=\mathrm{softmax}(z)_i.$$

**Consequences.**
- Subtracting the max for numerical stability is legal.
- Logits are identifiable only up to a constant — one may fix $z_0=0$ (multinomial logistic regression needs only $K-1$ weight vectors).
- $J\mathbf 1=0$ and the gradient w.r.t. the logits sums to 0; a bias shared by all classes is useless.

**Not scale-invariant.** $\alpha>1$ sharpens the distribution. Example: $z=(1,0)$ gives $(0.7311,0.2689)$; $2z=(2,0)$ gives $(0.8808,0.1192)$. $\alpha=1/T$ is the temperature.

**$K=2$:**
$$s_1=\frac{e^{z_1}}{e^{z_0}+e^{z_1}}=\frac{1}{1+e^{-(z_1-z_0)}}=\sigma(z_1-z_0).$$
A two-way softmax is logistic regression on the logit difference; Dense(2)+softmax is over-parameterized relative to Dense(1)+sigmoid but equally expressive.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Deep Learning, Section 6.2.2.3 (Softmax Units for Multinoulli Output Distributions)', authors: 'Goodfellow, Bengio, Courville', year: 2016, url: 'https://www.deeplearningbook.org/contents/mlp.html' },
    ],
  },
  {
    id: 'attn-initial-loss-ln-k',
    topic: 'attention-softmax',
    subtopic: 'cross-entropy',
    tags: ['cross-entropy', 'sanity-check', 'initialization', 'debugging'],
    kind: 'numeric',
    difficulty: 1,
    prompt: {
      zh: String.raw`一个 $K$ 类 softmax 分类器刚初始化时，交叉熵损失大约应该是多少？分别计算 $K=2$、$10$、$1000$，以及词表大小 $V=50{,}257$ 的语言模型。如果实际的初始 loss 远大于这个值，说明什么？`,
      en: String.raw`Right after initialization, what cross-entropy loss should a $K$-class softmax classifier show? Compute it for $K=2$, $10$, $1000$ and for a language model with vocabulary $V=50{,}257$. What does a much larger initial loss indicate?`,
    },
    answer: {
      short: {
        zh: String.raw`logits 接近 0 时预测是均匀分布，损失为 $\ln K$：0.693（$K=2$）、2.303（$K=10$）、6.908（$K=1000$）、10.825（$V=50{,}257$）。初始损失远大于此说明随机 logits 过于自信（初始化/尺度有问题）或标签与损失不匹配。`,
        en: String.raw`With near-zero logits the prediction is uniform and the loss is $\ln K$: 0.693 ($K=2$), 2.303 ($K=10$), 6.908 ($K=1000$), 10.825 ($V=50{,}257$). A much larger initial loss means over-confident random logits (bad initialization or scale) or a label/loss mismatch.`,
      },
      full: {
        zh: String.raw`$s_i=1/K\Rightarrow L=-\ln(1/K)=\ln K$。对应的困惑度 $e^L=K$：均匀预测的语言模型困惑度就等于词表大小。

**初始 loss 明显大于 $\ln K$：**
- logits 尺度过大：最后一层初始化标准差太大、缺少归一化、温度过低——模型一开始就随机地“很自信”，会浪费前面的训练步数，甚至不稳定。
- 标签/损失不匹配：稀疏标签配了 one-hot 损失、from_logits 设置错误（见“softmax 用了两次”一题）。
- 类别极不平衡的二分类：可以把最后一层偏置初始化为 $\log(p/(1-p))$（$p$ 为正类比例），让初始损失等于先验的熵。

**初始 loss 明显小于 $\ln K$：** 标签泄漏，或损失在填充位置上被平均、归约方式错误。

**基线：** 按类别频率预测的损失等于标签分布的熵，模型必须优于它。

这是训练前最便宜的健全性检查之一：“在初始化时验证损失”。`,
        en: String.raw`$s_i=1/K\Rightarrow L=-\ln(1/K)=\ln K$. The matching perplexity is $e^L=K$: a uniform language model has perplexity equal to the vocabulary size.

**Initial loss well above $\ln K$:**
- Logit scale too large: final-layer init std too big, missing normalization, low temperature — the model starts out randomly "confident", which wastes early steps or destabilizes training.
- Label/loss mismatch: sparse labels with a one-hot loss, a wrong from_logits setting (see the "softmax applied twice" question).
- Highly imbalanced binary tasks: initialize the final bias to $\log(p/(1-p))$ ($p$ = positive rate) so the initial loss equals the entropy of the prior.

**Initial loss well below $\ln K$:** label leakage, or a loss averaged over padding / the wrong reduction.

**Baseline:** predicting the class frequencies gives the entropy of the label distribution; the model must beat that.

This is one of the cheapest sanity checks before training: "verify the loss at initialization".`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmaxCrossEntropy', test: 'packages/softmax-attention/src/ops/softmax-cross-entropy.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'A Recipe for Training Neural Networks', authors: 'Karpathy', year: 2019, url: 'http://karpathy.github.io/2019/04/25/recipe/' },
      { title: 'Deep Learning, Section 6.2.2.3 (Softmax Units for Multinoulli Output Distributions)', authors: 'Goodfellow, Bengio, Courville', year: 2016, url: 'https://www.deeplearningbook.org/contents/mlp.html' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Debugging
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-debug-nan-mask',
    topic: 'attention-softmax',
    subtopic: 'masking',
    tags: ['nan', 'masking', 'debugging', 'mixed-precision'],
    kind: 'debug',
    difficulty: 4,
    prompt: {
      zh: String.raw`训练一个带填充掩码的 Transformer：float32 下 loss 偶尔在某些 batch 突然变成 NaN，之后所有参数都变成 NaN；开启 float16 混合精度后第一步就是 NaN。掩码的写法是 scores + (1 - mask) * -1e9。可能的原因是什么？如何定位和修复？`,
      en: String.raw`A Transformer with a padding mask trains in float32 but the loss occasionally turns NaN on some batch, after which every parameter is NaN; with float16 mixed precision it is NaN from the first step. The mask is applied as scores + (1 - mask) * -1e9. What are the likely causes, and how do you locate and fix them?`,
    },
    answer: {
      short: {
        zh: String.raw`float32 下偶发的 NaN 多半来自全被屏蔽的样本（全填充的序列：带掩码的均值池化除以 0，或别处用 $-\infty$ 屏蔽的整行）；float16 下 $-10^9$ 溢出为 $-\infty$，而未屏蔽位置算出 $0\times(-\infty)=$ NaN，于是每一步都是 NaN。使用与 dtype 匹配的常数或掩码填充、在 float32 中做 softmax，并保证每行至少有一个可见键。`,
        en: String.raw`The occasional float32 NaN most likely comes from fully masked examples (an all-padding sequence: a masked mean pooling dividing by 0, or a whole row masked with $-\infty$ elsewhere); in float16, $-10^9$ overflows to $-\infty$ and every *unmasked* position computes $0\times(-\infty)=$ NaN, so every step is NaN. Use a dtype-aware constant or a masked fill, do the softmax in float32, and make sure every row has at least one visible key.`,
      },
      full: {
        zh: String.raw`**float16 每一步都 NaN。** $-10^9$ 超出 float16 的范围（最大 65504），转换后为 $-\infty$。对未屏蔽的位置 $(1-m)=0$，$0\times(-\infty)=$ NaN——于是*每个有效分数*都变成 NaN。另外未缩放的分数本身也可能超过 65504。

**float32 偶发 NaN。** 只在特定 batch 出现，说明与数据有关：
- 全是填充的样本（例如预处理后变成空序列）：有 $-10^9$ 掩码时注意力只是均匀分布，但后面的带掩码均值池化要除以 $\sum_tm_t=0$，得到 $0/0$；带掩码的最大池化或其他用 $-\infty$ 屏蔽的层在整行被屏蔽时同样是 NaN（左侧填充 + 因果掩码也会让第一行只看到填充）；
- 用 log(softmax) 计算损失，概率下溢为 0 → $\log0=-\infty$；
- 学习率过大导致 logits 爆炸——这是另一类原因，要与上面区分。

**定位。**
- 每步检查 loss 是否有限，记录出问题的 batch 并复现；
- 打开逐算子 NaN 检查（TF 中 tf.debugging.enable_check_numerics）找到第一个产生 NaN 的算子；
- 断言掩码中没有整行为 0；记录分数的最大绝对值。

**修复。**
- 用掩码填充（where）而不是乘法；常数与 dtype 匹配（如 float16 用 $-10^4$），或把 softmax 放在 float32 中计算；
- 保证每个查询至少有一个可见键（例如让填充查询看自己），带掩码的均值用 $\max(\sum_tm_t,1)$ 作分母，过滤掉空样本，并在损失中排除填充位置；
- 不要事后用 where 把 NaN 替换掉：反向仍会传回 $0\times\mathrm{NaN}$；
- 损失用 log-softmax / from_logits；float16 训练配合损失缩放。`,
        en: String.raw`**float16, NaN every step.** $-10^9$ is out of float16's range (max 65504) and becomes $-\infty$. At unmasked positions $(1-m)=0$, and $0\times(-\infty)=$ NaN — so *every valid score* becomes NaN. Unscaled scores can also exceed 65504 on their own.

**float32, occasional NaN.** It appears only on certain batches, so it is data-dependent:
- an all-padding example (e.g. a sequence emptied by preprocessing): with the $-10^9$ mask its attention is merely uniform, but a masked mean pooling afterwards divides by $\sum_tm_t=0$ and gives $0/0$; a masked max pooling or any other layer that masks with $-\infty$ is also NaN on a fully masked row (left padding plus a causal mask makes the first row see only padding, too);
- a loss computed as log(softmax) where a probability underflows to 0 → $\log0=-\infty$;
- logits blowing up from too high a learning rate — a different cause, to be told apart from the above.

**Locate.**
- Check that the loss is finite every step; record the offending batch and replay it;
- enable per-op NaN checks (tf.debugging.enable_check_numerics in TF) to find the first op that produces NaN;
- assert that no mask row is all zeros; log the max absolute score.

**Fix.**
- Use a masked fill (where) instead of multiplication; use a dtype-aware constant (e.g. $-10^4$ in float16) or run the softmax in float32;
- make sure every query has at least one visible key (e.g. let padding queries see themselves), divide masked means by $\max(\sum_tm_t,1)$, filter out empty examples, and exclude padding positions from the loss;
- do not patch NaNs afterwards with where: the backward pass still carries $0\times\mathrm{NaN}$;
- compute the loss with log-softmax / from_logits; use loss scaling for float16 training.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`loss 变成 NaN 就是学习率太大，调小学习率即可。`,
          en: String.raw`A NaN loss just means the learning rate is too high; lower it.`,
        },
        correction: {
          zh: String.raw`第一步就出现的 NaN 与学习率无关，是数值问题（掩码常数溢出、$0\times\infty$、全屏蔽行）；应先定位第一个产生 NaN 的算子。`,
          en: String.raw`A NaN at the very first step has nothing to do with the learning rate; it is numerical (mask constant overflow, $0\times\infty$, fully masked rows). Find the first op that produces NaN first.`,
        },
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Mixed Precision Training', authors: 'Micikevicius et al.', year: 2017, arxiv: '1710.03740' },
      { title: 'Mixed precision (TensorFlow guide)', url: 'https://www.tensorflow.org/guide/mixed_precision' },
      { title: 'tf.debugging.enable_check_numerics (TensorFlow API)', url: 'https://www.tensorflow.org/api_docs/python/tf/debugging/enable_check_numerics' },
    ],
  },
  {
    id: 'attn-debug-uniform-weights',
    topic: 'attention-softmax',
    subtopic: 'attention-debugging',
    tags: ['debugging', 'attention-weights', 'softmax-axis', 'scaling'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`可视化一个注意力模型的权重时发现：每个查询对所有键的权重几乎都等于 $1/n$（或者干脆全都等于 1），训练过程中也几乎不变。列出可能的原因和排查方法。有人说“这是因为忘了除以 $\sqrt{d_k}$”，对吗？`,
      en: String.raw`Visualizing an attention model, you find that every query gives almost exactly $1/n$ to every key (or the weights are all exactly 1), and they barely change during training. List possible causes and how to check them. Someone says "it's because the $1/\sqrt{d_k}$ scaling is missing" — are they right?`,
    },
    answer: {
      short: {
        zh: String.raw`均匀权重说明各键的分数（几乎）相同：常见原因是 softmax 作用在错误的轴上（大小为 1 的轴会得到全 1）、缩放过度（除以 $d_k$ 或缩放两次）、分数被加上的掩码常数淹没，或打分函数与键无关。缺少 $1/\sqrt{d_k}$ 恰恰导致相反的症状（接近 one-hot），而不是均匀。`,
        en: String.raw`Uniform weights mean the scores are (nearly) equal across keys: usual causes are a softmax over the wrong axis (a size-1 axis gives all ones), over-scaling (dividing by $d_k$ or scaling twice), scores swamped by an added mask constant, or a scorer that does not depend on the key. A missing $1/\sqrt{d_k}$ causes the opposite symptom (near one-hot weights), not uniform ones.`,
      },
      full: {
        zh: String.raw`先量化：在 $n$ 个键上均匀分布的熵为 $\ln n$（$n=128$ 时为 4.85 nats），逐头记录注意力熵。

**原因。**
1. **softmax 轴错了。** Dense(1) 打分得到形状 $(B,T,1)$，softmax 默认作用于最后一维，而它的大小为 1 → 每个权重都恰好是 1，池化变成求和。应先 squeeze 或指定 axis=1。沿 batch 轴或头轴做 softmax 则得到“已归一化但无意义”的权重。
2. **缩放过度。** 除以 $d_k$ 而不是 $\sqrt{d_k}$、初始化和算子里各缩放一次、温度过高：分数标准差约为 $1/\sqrt{d_k}$，注意力接近均匀，传到 $W_Q,W_K$ 的梯度也被多除了一次。
3. **掩码算术。** 给所有位置都加了 $-10^9$（形状广播错了，或掩码极性反了而该序列没有填充）：float32 在 $10^9$ 附近的间隔是 64，所有分数塌缩成同一个值 → 恰好均匀。有填充的序列上，反了的掩码则把注意力全送到填充上。
4. **分数与键无关。** 只用查询打分（$w^\top q$）、用加法代替点积的广播错误、所有键都相同（位置信息丢失、键是同一个填充词、表示坍缩）。
5. **全屏蔽行**配合有限常数时，本来就会得到均匀分布。
6. **确实没有信息**：训练早期，或任务不需要注意力也能解决。

**排查。** 断言权重形状为 $(B,h,n_q,n_k)$ 且沿键轴和为 1；逐层打印分数标准差（应为 $O(1)$）；单元测试：放一个与查询相同的键，它应得到最大权重；检查 $W_Q,W_K$ 的梯度范数。

**关于 $\sqrt{d_k}$：** 缺少缩放会使分数标准差变为 $\sqrt{d_k}$，softmax 饱和成接近 one-hot——症状相反。`,
        en: String.raw`First quantify: a uniform distribution over $n$ keys has entropy $\ln n$ (4.85 nats for $n=128$); log the attention entropy per head.

**Causes.**
1. **Wrong softmax axis.** Scores from Dense(1) have shape $(B,T,1)$; softmax defaults to the last axis, which has size 1 → every weight is exactly 1 and pooling becomes a sum. Squeeze first or use axis=1. A softmax over the batch or head axis gives normalized-but-meaningless weights.
2. **Over-scaling.** Dividing by $d_k$ instead of $\sqrt{d_k}$, scaling both in the initialization and in the op, or too high a temperature: the scores' std is about $1/\sqrt{d_k}$, attention is nearly uniform, and the gradients to $W_Q,W_K$ are divided once more as well.
3. **Mask arithmetic.** Adding $-10^9$ at every position (a mask broadcast along the wrong axis, or an inverted mask on a sequence without padding): the float32 spacing near $10^9$ is 64, so all scores collapse to the same value → exactly uniform. On padded sequences an inverted mask sends the attention to the padding instead.
4. **Scores independent of the key.** Scoring from the query alone ($w^\top q$), a broadcasting bug that adds instead of taking a dot product, identical keys (lost position information, keys that are all the same pad token, collapsed representations).
5. **Fully masked rows** with a finite constant are uniform by design.
6. **Genuinely uninformative:** early in training, or the task is solvable without attention.

**Checks.** Assert the weights have shape $(B,h,n_q,n_k)$ and sum to 1 along the key axis; print the score std per layer (should be $O(1)$); unit test: plant a key equal to the query — it should get the largest weight; inspect the gradient norms of $W_Q,W_K$.

**About $\sqrt{d_k}$:** without the scaling, the scores' std becomes $\sqrt{d_k}$ and the softmax saturates toward one-hot — the opposite symptom.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`注意力权重均匀是因为忘了除以 $\sqrt{d_k}$。`,
          en: String.raw`Uniform attention weights come from forgetting to divide by $\sqrt{d_k}$.`,
        },
        correction: {
          zh: String.raw`缺少缩放会让分数变大、注意力变尖锐（接近 one-hot）；均匀权重通常来自缩放过度、softmax 轴错误或掩码常数淹没了分数。`,
          en: String.raw`Missing the scaling makes the scores larger and attention sharper (near one-hot); uniform weights usually come from over-scaling, the wrong softmax axis, or a mask constant swamping the scores.`,
        },
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'AttentionPooling', test: 'packages/softmax-attention/src/layers/attention-pooling.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'Softmax layer (Keras API)', url: 'https://keras.io/api/layers/activation_layers/softmax/' },
    ],
  },
  {
    id: 'attn-debug-padding-attended',
    topic: 'attention-softmax',
    subtopic: 'masking',
    tags: ['padding-mask', 'debugging', 'masking', 'text-classification'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`一个注意力文本分类器的预测会随 batch 内的填充长度变化：同一条评论单独预测和与一条长评论放在同一个 batch 里预测，得到的概率不同；注意力可视化显示大量权重落在 PAD 上。原因是什么？如何修复和测试？`,
      en: String.raw`An attention text classifier's predictions depend on the padding length of the batch: the same review gets different probabilities alone and when batched with a long review, and the attention heatmap shows a lot of weight on PAD tokens. What is wrong, and how do you fix and test it?`,
    },
    answer: {
      short: {
        zh: String.raw`填充掩码没有到达 softmax（或作用在错误的轴上），PAD 位置分走了注意力权重，于是填充长度改变了输出。应让键填充掩码一路传递（mask_zero / attention_mask，形状能沿键轴广播），所有池化步骤都带掩码，并加一个“填充不变性”测试。`,
        en: String.raw`The padding mask is not reaching the softmax (or is applied along the wrong axis), so PAD positions take attention weight and the padding length changes the output. Propagate a key-padding mask (mask_zero / attention_mask, shaped to broadcast over keys), mask every pooling step, and add a padding-invariance test.`,
      },
      full: {
        zh: String.raw`**原因。**
- **掩码没有创建：** Embedding 没设 mask_zero（下标 0 要保留给填充），或自定义流程忽略了它。
- **掩码被丢弃：** 中间某个自定义层不支持/不传递掩码，或中间做了 reshape；Keras 只会让掩码穿过支持掩码的层。
- **形状/轴错误：** 键掩码应能广播为 $(B,1,n_k)$（带头时为 $(B,1,1,n_k)$）；$(B,n,1)$ 的掩码屏蔽的是查询；极性（1=保留 还是 1=填充）反了。
- **池化包含填充：** 对全部 $T$ 个位置求均值而不是带掩码的均值；GlobalAveragePooling1D 没有收到掩码。
- **前置填充 + 绝对位置嵌入：** pad_sequences 默认在前面填充，真实词的位置编号随填充长度变化——即使掩码正确，输出也会随填充长度改变；应让位置编号从第一个真实词开始，或改用后置填充。

**修复。** 在 softmax 前给被屏蔽的键加很大的负数；所有池化都带掩码；填充位置的查询输出置零；使用后置填充或跳过填充的位置编号。

**测试。**
1. 同一样本加不加额外填充，预测一致（误差约 $10^{-6}$）；
2. 填充位置的注意力权重为 0，真实词上的权重和为 1；
3. 修改 PAD 的嵌入向量，输出不变。`,
        en: String.raw`**Causes.**
- **Mask never created:** the Embedding lacks mask_zero (index 0 must be reserved for padding), or a custom pipeline ignores it.
- **Mask dropped:** a custom layer in between does not support/propagate masks, or a reshape sits in between; Keras only carries masks through layers that support them.
- **Wrong shape/axis:** the key mask must broadcast as $(B,1,n_k)$ (or $(B,1,1,n_k)$ with heads); a $(B,n,1)$ mask masks queries instead; the polarity (1 = keep vs 1 = pad) is inverted.
- **Pooling includes padding:** a plain mean over all $T$ positions instead of a masked mean; GlobalAveragePooling1D not receiving the mask.
- **Pre-padding + absolute position embeddings:** pad_sequences pads at the front by default, so the position ids of real tokens shift with the padding length — the output changes with padding even with a correct mask; start position ids at the first real token or pad at the end.

**Fix.** Add a large negative number to masked keys before the softmax; mask every pooling step; zero the outputs at padding queries; use post-padding or position ids that skip padding.

**Tests.**
1. The prediction for an example is identical (to about $10^{-6}$) with and without extra padding;
2. attention weights are 0 at padding and sum to 1 over real tokens;
3. changing the PAD embedding vector does not change the output.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'createAttentionTextClassifier', test: 'packages/softmax-attention/src/models/attention-text-classifier.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'AttentionPooling', test: 'packages/softmax-attention/src/layers/attention-pooling.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Understanding masking & padding (Keras guide)', url: 'https://keras.io/guides/understanding_masking_and_padding/' },
      { title: 'MultiHeadAttention layer (Keras API)', url: 'https://keras.io/api/layers/attention_layers/multi_head_attention/' },
    ],
  },
  {
    id: 'attn-debug-peaky-attention',
    topic: 'attention-softmax',
    subtopic: 'attention-debugging',
    tags: ['debugging', 'softmax-saturation', 'scaling', 'initialization'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`自己实现的 Transformer 训练时 loss 很早就停滞。检查发现：从第一步起每个查询的注意力几乎都是 one-hot（熵接近 0），$W_Q$、$W_K$ 的梯度比其他层小几个数量级。可能的原因和修复方法是什么？`,
      en: String.raw`A hand-written Transformer's loss plateaus early. From the first step every query's attention is almost one-hot (entropy near 0), and the gradients of $W_Q$ and $W_K$ are orders of magnitude smaller than elsewhere. What are the likely causes and fixes?`,
    },
    answer: {
      short: {
        zh: String.raw`注意力 logits 过大——通常是漏掉了 $1/\sqrt{d_k}$（或投影初始化过大、温度过低），softmax 饱和，雅可比接近 0，于是 $W_Q,W_K$ 几乎没有梯度。加上缩放、修正初始化、监控 logit 统计量；若 logits 在训练中逐渐变大，可用 QK 归一化。`,
        en: String.raw`The attention logits are far too large — usually the $1/\sqrt{d_k}$ scaling is missing (or the projections are initialized too large, or the temperature is too low) — so the softmax saturates, its Jacobian is near zero, and $W_Q,W_K$ get almost no gradient. Add the scaling, fix the initialization and monitor logit statistics; if logits grow during training, QK normalization helps.`,
      },
      full: {
        zh: String.raw`**诊断。** 逐层记录 $QK^\top$ 分数的标准差和最大值：$q,k$ 单位方差且不缩放时，标准差为 $\sqrt{d_k}$（$d_k=64$ 时为 8）。逐头记录注意力熵：接近 0，而均匀分布为 $\ln n$。

**机制。** $dS=A\odot\big(dA-\mathrm{rowsum}(dA\odot A)\big)$。对 one-hot 行（集中在 $c$）：$j\ne c$ 时 $A_{ij}\approx0$；$j=c$ 时 $dA_{ic}-dA_{ic}=0$。分数几乎得不到梯度 → $W_Q,W_K$ 学不动，网络其余部分在一个固定的随机“路由”上学习。

**原因与修复。**
1. 漏掉缩放 → 除以 $\sqrt{d_k}$（每头的 $d_k$；用模型宽度 $d$ 会缩放过度，是另一个 bug）。
2. 输入没有归一化：缺少 LayerNorm，或者词嵌入乘了 $\sqrt d$ 又用了很大的初始化 → 激活过大。
3. $W_Q,W_K$ 初始化过大（例如标准差取 1，而不是 Glorot 的 $\sqrt{2/(d_{in}+d_{out})}$）。
4. 某处温度小于 1。
5. 如果不是一开始就尖锐、而是训练中逐渐变尖锐（注意力 logit 增长）：对 q、k 做 LayerNorm（Dehghani 等，2023）、降低学习率、使用 warmup（Post-LN Transformer 本来就需要 warmup，Xiong 等，2020）。`,
        en: String.raw`**Diagnosis.** Log the std and max of the $QK^\top$ scores per layer: with unit-variance q, k and no scaling the std is $\sqrt{d_k}$ (8 for $d_k=64$). Log the attention entropy per head: near 0, versus $\ln n$ for uniform.

**Mechanism.** $dS=A\odot\big(dA-\mathrm{rowsum}(dA\odot A)\big)$. For a one-hot row (mass at $c$): $A_{ij}\approx0$ for $j\ne c$, and at $j=c$ the bracket is $dA_{ic}-dA_{ic}=0$. The scores get almost no gradient → $W_Q,W_K$ do not learn, and the rest of the network trains on a fixed random routing.

**Causes and fixes.**
1. Missing scaling → divide by $\sqrt{d_k}$ (the per-head $d_k$; using the model width $d$ over-scales, a different bug).
2. Unnormalized inputs: missing LayerNorm, or embeddings multiplied by $\sqrt d$ on top of a large initialization → large activations.
3. $W_Q,W_K$ initialized too large (e.g. std 1 instead of Glorot's $\sqrt{2/(d_{in}+d_{out})}$).
4. A temperature below 1 somewhere.
5. If attention is not peaky at the start but becomes so during training (attention-logit growth): LayerNorm on q and k (Dehghani et al., 2023), a lower learning rate, warmup (Post-LN Transformers need warmup anyway, Xiong et al., 2020).`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'Scaling Vision Transformers to 22 Billion Parameters', authors: 'Dehghani et al.', year: 2023, arxiv: '2302.05442' },
      { title: 'On Layer Normalization in the Transformer Architecture', authors: 'Xiong et al.', year: 2020, arxiv: '2002.04745' },
    ],
  },
  {
    id: 'attn-debug-double-softmax',
    topic: 'attention-softmax',
    subtopic: 'cross-entropy',
    tags: ['debugging', 'from-logits', 'cross-entropy', 'softmax'],
    kind: 'debug',
    difficulty: 2,
    prompt: {
      zh: String.raw`一个 10 分类模型的最后一层已经是 Dense(10, activation='softmax')，损失却写成 CategoricalCrossentropy(from_logits=True)。训练能跑，loss 从 2.30 降到约 1.46 后就再也降不下去，但准确率还在上升。解释原因并计算这个下限。`,
      en: String.raw`A 10-class model ends in Dense(10, activation='softmax') but the loss is CategoricalCrossentropy(from_logits=True). Training runs; the loss falls from 2.30 to about 1.46 and then stops, while accuracy keeps rising. Explain why and compute that floor.`,
    },
    answer: {
      short: {
        zh: String.raw`损失对 $[0,1]$ 内的概率又做了一次 softmax；最好的情况是输入 one-hot，真实类概率为 $e/(e+9)\approx0.232$，所以 loss 不可能低于 $-\ln0.232\approx1.461$，梯度也被多出的雅可比压小。应让最后一层输出 logits 并保持 from_logits=True，或保留 softmax 并设 from_logits=False。`,
        en: String.raw`The loss applies a second softmax to probabilities in $[0,1]$; at best it is fed a one-hot vector, giving the true class $e/(e+9)\approx0.232$, so the loss cannot go below $-\ln0.232\approx1.461$, and the extra Jacobian shrinks the gradients. Output logits with from_logits=True, or keep the softmax with from_logits=False.`,
      },
      full: {
        zh: String.raw`第二次 softmax 的输入 $p\in[0,1]^{10}$。真实类能得到的最大概率出现在 $p=e_c$ 时：
$$\frac{e^1}{e^1+9e^0}=\frac{2.71828}{11.71828}=0.2320,$$
最小损失 $-\ln0.2320=1.4612$；初始时 $p$ 近似均匀，损失为 $\ln10=2.3026$。argmax 保持不变，所以准确率仍可以上升。

**梯度：** 要经过两个 softmax 雅可比；外层 softmax 的输入被限制在 $[0,1]$ 内，输出总接近均匀，训练信号被削弱，收敛变慢。

**反向的错误**——最后一层输出原始 logits 却设 from_logits=False：Keras 把它当作概率处理（按和归一化并裁剪到 $[\epsilon,1-\epsilon]$），负的 logits 被裁剪，损失失去意义，训练很差。

**修复：** 为了数值稳定，优先让模型输出 logits 并设 from_logits=True（内部用 log-softmax），需要概率时在预测阶段单独做 softmax；或者保留 softmax 层并设 from_logits=False。

附：初始 loss 应约为 $\ln K$，这是发现此类错误最便宜的检查。`,
        en: String.raw`The second softmax sees $p\in[0,1]^{10}$. The largest probability the true class can get is at $p=e_c$:
$$\frac{e^1}{e^1+9e^0}=\frac{2.71828}{11.71828}=0.2320,$$
so the minimum loss is $-\ln0.2320=1.4612$; at initialization $p$ is about uniform and the loss is $\ln10=2.3026$. The argmax is preserved, so accuracy can still rise.

**Gradients** pass through two softmax Jacobians; the outer softmax's inputs are confined to $[0,1]$, so its output stays close to uniform, the training signal is weakened and convergence slows.

**The reverse mistake** — raw logits with from_logits=False: Keras treats them as probabilities (normalizes by the sum and clips to $[\epsilon,1-\epsilon]$), negative logits get clipped, the loss loses its meaning and training is poor.

**Fix:** for numerical stability prefer logits out of the model with from_logits=True (log-softmax inside), and apply a softmax separately at prediction time; or keep the softmax layer with from_logits=False.

Aside: the initial loss should be about $\ln K$ — the cheapest check that catches this class of bug.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmaxCrossEntropy', test: 'packages/softmax-attention/src/ops/softmax-cross-entropy.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Probabilistic losses (Keras API)', url: 'https://keras.io/api/losses/probabilistic_losses/' },
      { title: 'Deep Learning, Section 6.2.2.3 (Softmax Units for Multinoulli Output Distributions)', authors: 'Goodfellow, Bengio, Courville', year: 2016, url: 'https://www.deeplearningbook.org/contents/mlp.html' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Efficient attention: online softmax, tiling, linear and sparse attention
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-online-softmax-worked-example',
    topic: 'attention-softmax',
    subtopic: 'efficient-attention',
    tags: ['online-softmax', 'flashattention', 'log-sum-exp', 'numerical-stability'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`一个查询对四个键的分数为 $x=(2,4,3,6)$，对应的标量值为 $v=(1,0,2,-1)$。用在线 softmax 按每块两个键处理（维护运行最大值 $m$、归一化项 $\ell$ 和未归一化输出 $o$）：写出每块之后的 $m,\ell,o$、最终输出和 log-sum-exp，并与两遍计算的 softmax 对照。`,
      en: String.raw`One query has scores $x=(2,4,3,6)$ over four keys with scalar values $v=(1,0,2,-1)$. Process the keys in two blocks of two with the online softmax (running max $m$, normalizer $\ell$, unnormalized output $o$): give $m,\ell,o$ after each block, the output and the log-sum-exp, and check them against the two-pass softmax.`,
    },
    answer: {
      short: {
        zh: String.raw`第 1 块后 $m=4$，$\ell=e^{-2}+1=1.135335$，$o=e^{-2}\cdot1+1\cdot0=0.135335$。第 2 块把最大值升到 6，旧状态乘以 $e^{4-6}=0.135335$：$\ell=1.203438$，$o=-0.882110$。输出 $o/\ell=-0.732992$，$\mathrm{LSE}=6+\ln1.203438=6.185182$；两遍 softmax 的权重 $(0.015219,0.112457,0.041371,0.830953)$ 给出同样的输出。`,
        en: String.raw`After block 1: $m=4$, $\ell=e^{-2}+1=1.135335$, $o=e^{-2}\cdot1+1\cdot0=0.135335$. Block 2 raises the max to 6, so the old state is scaled by $e^{4-6}=0.135335$: $\ell=1.203438$, $o=-0.882110$. Output $o/\ell=-0.732992$ and $\mathrm{LSE}=6+\ln1.203438=6.185182$; the two-pass softmax weights $(0.015219,0.112457,0.041371,0.830953)$ give the same output.`,
      },
      full: {
        zh: String.raw`初值 $m=-\infty,\ \ell=0,\ o=0$。每处理一块 $B$：
$$m'=\max(m,\max_{j\in B}x_j),\quad c=e^{m-m'},\quad \ell'=c\,\ell+\sum_{j\in B}e^{x_j-m'},\quad o'=c\,o+\sum_{j\in B}e^{x_j-m'}v_j .$$

**第 1 块** $\{x_1=2,x_2=4\}$：$m'=4$，$c=e^{-\infty}=0$（初始状态为空）。
$\ell=e^{2-4}+e^{0}=0.135335+1=1.135335$；$o=0.135335\cdot1+1\cdot0=0.135335$。

**第 2 块** $\{x_3=3,x_4=6\}$：$m'=6$，$c=e^{4-6}=0.135335$。
$\ell=0.135335\cdot1.135335+e^{-3}+e^{0}=0.153651+0.049787+1=1.203438$；
$o=0.135335\cdot0.135335+e^{-3}\cdot2+1\cdot(-1)=0.018316+0.099574-1=-0.882110$。

**结果。** 输出 $o/\ell=-0.732992$；$\mathrm{LSE}=m+\ln\ell=6.185182$。

**对照。** 两遍计算：$\max=6$，权重 $e^{x_j-6}/\sum$ 为 $(0.015219,0.112457,0.041371,0.830953)$，$\sum_j s_jv_j=0.015219+0+0.082742-0.830953=-0.732992$，与在线结果一致。每个权重也可以只由 LSE 重算：$s_j=e^{x_j-\mathrm{LSE}}$，例如 $e^{6-6.185182}=0.830953$——FlashAttention 的反向传播正是这样只保存每行一个数。

要点：
- 所有指数都 $\le0$，数值稳定；最大值变大时必须**同时**缩放 $\ell$ 和 $o$，只缩放其中一个会得到错误的结果。
- 块大小任意（1 个键一块就是 Milakov & Gimelshein 的逐元素在线归一化），结果只差浮点舍入。`,
        en: String.raw`Start from $m=-\infty,\ \ell=0,\ o=0$. For each block $B$:
$$m'=\max(m,\max_{j\in B}x_j),\quad c=e^{m-m'},\quad \ell'=c\,\ell+\sum_{j\in B}e^{x_j-m'},\quad o'=c\,o+\sum_{j\in B}e^{x_j-m'}v_j .$$

**Block 1** $\{x_1=2,x_2=4\}$: $m'=4$, $c=e^{-\infty}=0$ (the initial state is empty).
$\ell=e^{2-4}+e^{0}=0.135335+1=1.135335$; $o=0.135335\cdot1+1\cdot0=0.135335$.

**Block 2** $\{x_3=3,x_4=6\}$: $m'=6$, $c=e^{4-6}=0.135335$.
$\ell=0.135335\cdot1.135335+e^{-3}+e^{0}=0.153651+0.049787+1=1.203438$;
$o=0.135335\cdot0.135335+e^{-3}\cdot2+1\cdot(-1)=0.018316+0.099574-1=-0.882110$.

**Result.** Output $o/\ell=-0.732992$; $\mathrm{LSE}=m+\ln\ell=6.185182$.

**Check.** Two passes: $\max=6$, weights $e^{x_j-6}/\sum$ are $(0.015219,0.112457,0.041371,0.830953)$, and $\sum_j s_jv_j=0.015219+0+0.082742-0.830953=-0.732992$, the same. Each weight can also be recomputed from the LSE alone: $s_j=e^{x_j-\mathrm{LSE}}$, e.g. $e^{6-6.185182}=0.830953$ — which is how FlashAttention's backward pass gets by with one number per row.

Points:
- Every exponent is $\le0$, so it is stable; when the max grows, $\ell$ and $o$ must **both** be rescaled — rescaling only one gives a wrong result.
- Any block size works (blocks of one key are Milakov & Gimelshein's elementwise online normalizer); results differ only by floating-point rounding.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Online normalizer calculation for softmax', authors: 'Milakov, Gimelshein', year: 2018, arxiv: '1805.02867' },
      { title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness', authors: 'Dao, Fu, Ermon, Rudra, Ré', year: 2022, arxiv: '2205.14135' },
    ],
  },
  {
    id: 'attn-softmax-merge-partials',
    topic: 'attention-softmax',
    subtopic: 'efficient-attention',
    tags: ['online-softmax', 'log-sum-exp', 'split-k', 'flash-decoding'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`一个查询的键被分成两组 $A$、$B$，分别独立计算（例如长上下文解码时把 KV cache 沿序列切给不同的线程块）。每组返回组内归一化的部分输出 $o_A=\sum_{j\in A}\frac{e^{x_j}}{\sum_{l\in A}e^{x_l}}v_j$ 和组内 log-sum-exp $L_A$。推导如何把它们合并成精确的注意力输出，并说明合并满足交换律和结合律。`,
      en: String.raw`The keys of one query are split into two sets $A$ and $B$ that are processed independently (e.g. long-context decoding splits the KV cache along the sequence across thread blocks). Each returns its own normalized partial output $o_A=\sum_{j\in A}\frac{e^{x_j}}{\sum_{l\in A}e^{x_l}}v_j$ and its log-sum-exp $L_A$. Derive how to combine them into the exact attention output, and show that the combination is commutative and associative.`,
    },
    answer: {
      short: {
        zh: String.raw`$L=\log(e^{L_A}+e^{L_B})=\max(L_A,L_B)+\log\big(1+e^{-|L_A-L_B|}\big)$，$o=e^{L_A-L}o_A+e^{L_B-L}o_B$。两个系数是 $(L_A,L_B)$ 的二元 softmax，和为 1；合并就是 log-sum-exp 的合并，所以可以任意顺序、树形归约（Flash-Decoding、ring attention）。`,
        en: String.raw`$L=\log(e^{L_A}+e^{L_B})=\max(L_A,L_B)+\log\big(1+e^{-|L_A-L_B|}\big)$ and $o=e^{L_A-L}o_A+e^{L_B-L}o_B$. The two coefficients are a two-way softmax of $(L_A,L_B)$ and sum to 1; merging is a log-sum-exp merge, so it can be done in any order or as a tree reduction (Flash-Decoding, ring attention).`,
      },
      full: {
        zh: String.raw`**推导。** 由定义 $L_A=\log\sum_{j\in A}e^{x_j}$，所以 $o_A=\sum_{j\in A}e^{x_j-L_A}v_j$。令 $L=\log\sum_{j\in A\cup B}e^{x_j}=\log(e^{L_A}+e^{L_B})$，则
$$e^{L_A-L}o_A=\sum_{j\in A}e^{x_j-L}v_j,\qquad e^{L_B-L}o_B=\sum_{j\in B}e^{x_j-L}v_j,$$
两式相加正是 $\sum_{j}\mathrm{softmax}(x)_jv_j$。系数 $e^{L_A-L}+e^{L_B-L}=1$，是一个凸组合。

**稳定计算。** $L=\max(L_A,L_B)+\mathrm{log1p}\big(e^{-|L_A-L_B|}\big)$，指数不为正。

**代数性质。** 状态 $(L,o)$ 的合并 $\oplus$ 满足交换律（公式对称）和结合律（$L$ 是对并集的 log-sum-exp，$o$ 是对并集的 softmax 加权和，与分组方式无关）。所以可以：
- 并行处理 $k$ 个分片再树形归约（Flash-Decoding：batch 为 1 的长上下文解码时，沿序列维切分 KV cache 以占满 GPU）；
- 跨设备按环传递 K/V 块（ring attention / 序列并行）；
- 在线 softmax 是 $B$ 为一个块的特例。

**例子。** 分数 $(2,4\,|\,3,6)$：$L_A=4+\ln(1+e^{-2})=4.126928$，$L_B=6+\ln(1+e^{-3})=6.048587$，$L=6.185182$，等于对全部四个分数的 log-sum-exp。

**注意。** 部分输出必须连同 $L_A$ 一起返回；只返回已归一化的 $o_A$ 再做平均会给出错误的权重（每组被当成同样重要）。`,
        en: String.raw`**Derivation.** By definition $L_A=\log\sum_{j\in A}e^{x_j}$, so $o_A=\sum_{j\in A}e^{x_j-L_A}v_j$. Let $L=\log\sum_{j\in A\cup B}e^{x_j}=\log(e^{L_A}+e^{L_B})$. Then
$$e^{L_A-L}o_A=\sum_{j\in A}e^{x_j-L}v_j,\qquad e^{L_B-L}o_B=\sum_{j\in B}e^{x_j-L}v_j,$$
and their sum is exactly $\sum_{j}\mathrm{softmax}(x)_jv_j$. The coefficients satisfy $e^{L_A-L}+e^{L_B-L}=1$: a convex combination.

**Stable evaluation.** $L=\max(L_A,L_B)+\mathrm{log1p}\big(e^{-|L_A-L_B|}\big)$, with no positive exponent.

**Algebra.** Merging states $(L,o)$ with $\oplus$ is commutative (the formula is symmetric) and associative ($L$ is the log-sum-exp over the union and $o$ the softmax-weighted sum over the union, whatever the grouping). Hence:
- process $k$ shards in parallel and tree-reduce (Flash-Decoding: for batch-1 long-context decoding, split the KV cache along the sequence to fill the GPU);
- pass K/V blocks around devices in a ring (ring attention / sequence parallelism);
- the online softmax is the special case where $B$ is one block.

**Example.** Scores $(2,4\,|\,3,6)$: $L_A=4+\ln(1+e^{-2})=4.126928$, $L_B=6+\ln(1+e^{-3})=6.048587$, $L=6.185182$ — the log-sum-exp of all four scores.

**Caution.** A partial output must travel with its $L_A$; averaging normalized $o_A$'s without it weights every shard equally, which is wrong.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'logSoftmax', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Online normalizer calculation for softmax', authors: 'Milakov, Gimelshein', year: 2018, arxiv: '1805.02867' },
      { title: 'Flash-Decoding for long-context inference', authors: 'Dao, Haziza, Massa, Sizov', year: 2023, url: 'https://crfm.stanford.edu/2023/10/12/flashdecoding.html' },
      { title: 'Ring Attention with Blockwise Transformers for Near-Infinite Context', authors: 'Liu, Zaharia, Abbeel', year: 2023, arxiv: '2310.01889' },
    ],
  },
  {
    id: 'attn-implement-tiled-attention',
    topic: 'attention-softmax',
    subtopic: 'efficient-attention',
    tags: ['flashattention', 'tiling', 'online-softmax', 'causal-mask'],
    kind: 'coding',
    difficulty: 4,
    prompt: {
      zh: String.raw`用普通 TypeScript（float64 数组）实现 FlashAttention 前向的分块计算：查询按 $B_r$ 行分块，键/值按 $B_c$ 列分块，不构造 $n\times n$ 矩阵；返回输出和每行的 log-sum-exp；支持因果掩码，并跳过完全位于对角线上方的块。$n=8$、$B_r=2$、$B_c=3$ 时，有无因果掩码分别要访问多少个块？`,
      en: String.raw`Implement the tiling of FlashAttention's forward pass in plain TypeScript (float64 arrays): query blocks of $B_r$ rows, key/value blocks of $B_c$ columns, never forming the $n\times n$ matrix; return the output and each row's log-sum-exp; support a causal mask and skip blocks that lie wholly above the diagonal. For $n=8$, $B_r=2$, $B_c=3$, how many blocks are visited with and without the causal mask?`,
    },
    answer: {
      short: {
        zh: String.raw`对每个查询块，为每行维护 $(m,\ell,o)$；依次读入键块，计算该块的分数 $S=Q_iK_j^\top/\sqrt d$，按在线 softmax 缩放并累加；最后 $O=o/\ell$，$\mathrm{LSE}=m+\log\ell$。因果时跳过首列大于查询块末行的键块，并在对角块内逐元素屏蔽。$n=8$：无掩码 $4\times3=12$ 块，因果 $1+2+2+3=8$ 块。`,
        en: String.raw`For each query block keep $(m,\ell,o)$ per row; stream the key blocks, compute that block's scores $S=Q_iK_j^\top/\sqrt d$, rescale and accumulate as in the online softmax; finish with $O=o/\ell$ and $\mathrm{LSE}=m+\log\ell$. Causally, skip key blocks whose first column lies beyond the query block's last row and mask elementwise inside diagonal blocks. For $n=8$: $4\times3=12$ blocks without a mask, $1+2+2+3=8$ causally.`,
      },
      full: {
        zh: String.raw`    function tiledAttention(q: number[][], k: number[][], v: number[][], br: number, bc: number, causal: boolean) {
      const scale = 1 / Math.sqrt(q[0].length);
      const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
      const output: number[][] = [];
      const lse: number[] = [];
      for (let i0 = 0; i0 < q.length; i0 += br) {
        const rows = [...Array(Math.min(br, q.length - i0)).keys()].map((r) => i0 + r);
        const m = rows.map(() => -Infinity);
        const l = rows.map(() => 0);
        const o = rows.map(() => new Array(v[0].length).fill(0));
        for (let j0 = 0; j0 < k.length; j0 += bc) {
          if (causal && j0 > rows[rows.length - 1]) break;       // 整块都在对角线上方
          const cols = [...Array(Math.min(bc, k.length - j0)).keys()].map((c) => j0 + c);
          rows.forEach((i, r) => {
            const keep = cols.filter((j) => !causal || j <= i);  // 对角块内逐元素屏蔽
            if (keep.length === 0) return;
            const s = keep.map((j) => dot(q[i], k[j]) * scale); // 只有这一块的分数
            const mNew = Math.max(m[r], ...s);
            const c = Math.exp(m[r] - mNew);                    // 旧状态重新标定
            const p = s.map((x) => Math.exp(x - mNew));
            l[r] = c * l[r] + p.reduce((a, b) => a + b, 0);
            o[r] = o[r].map((x, d) => c * x + keep.reduce((acc, j, t) => acc + p[t] * v[j][d], 0));
            m[r] = mNew;
          });
        }
        rows.forEach((_, r) => {
          output.push(o[r].map((x) => x / l[r]));               // 最后才除以 l（FlashAttention-2）
          lse.push(m[r] + Math.log(l[r]));                       // 反向传播只需保存它
        });
      }
      return { output, lse };
    }

**块数。** 查询块的行为 $\{0,1\},\{2,3\},\{4,5\},\{6,7\}$，键块起点为 $0,3,6$。无掩码：$4\times3=12$。因果：末行 1 只需起点 0 的块（1 块）；末行 3 需要起点 0、3（2 块）；末行 5 同样 2 块；末行 7 需要全部 3 块：共 8 块。$n$ 很大时约省一半。

**GPU 上的对应。** 每个线程块负责一个查询块，$Q_i$、$K_j$、$V_j$ 和 $m,\ell,o$ 都放在片上 SRAM；论文取 $B_c\approx M/(4d)$，$M$ 为 SRAM 大小。$S$ 和 $P$ 从不写回显存。

**测试。** 与 scaledDotProductAttention（有/无因果）逐元素比较；用保存的 LSE 重算 $P_{ij}=e^{S_{ij}-\mathrm{LSE}_i}$，应等于注意力权重；块大小取 1、不能整除 $n$ 等边界情况。`,
        en: String.raw`    function tiledAttention(q: number[][], k: number[][], v: number[][], br: number, bc: number, causal: boolean) {
      const scale = 1 / Math.sqrt(q[0].length);
      const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
      const output: number[][] = [];
      const lse: number[] = [];
      for (let i0 = 0; i0 < q.length; i0 += br) {
        const rows = [...Array(Math.min(br, q.length - i0)).keys()].map((r) => i0 + r);
        const m = rows.map(() => -Infinity);
        const l = rows.map(() => 0);
        const o = rows.map(() => new Array(v[0].length).fill(0));
        for (let j0 = 0; j0 < k.length; j0 += bc) {
          if (causal && j0 > rows[rows.length - 1]) break;       // block wholly above the diagonal
          const cols = [...Array(Math.min(bc, k.length - j0)).keys()].map((c) => j0 + c);
          rows.forEach((i, r) => {
            const keep = cols.filter((j) => !causal || j <= i);  // elementwise mask in diagonal blocks
            if (keep.length === 0) return;
            const s = keep.map((j) => dot(q[i], k[j]) * scale); // this block's scores only
            const mNew = Math.max(m[r], ...s);
            const c = Math.exp(m[r] - mNew);                    // rescale the old state
            const p = s.map((x) => Math.exp(x - mNew));
            l[r] = c * l[r] + p.reduce((a, b) => a + b, 0);
            o[r] = o[r].map((x, d) => c * x + keep.reduce((acc, j, t) => acc + p[t] * v[j][d], 0));
            m[r] = mNew;
          });
        }
        rows.forEach((_, r) => {
          output.push(o[r].map((x) => x / l[r]));               // divide by l only at the end (FlashAttention-2)
          lse.push(m[r] + Math.log(l[r]));                       // all the backward pass keeps
        });
      }
      return { output, lse };
    }

**Block count.** Query blocks hold rows $\{0,1\},\{2,3\},\{4,5\},\{6,7\}$; key blocks start at $0,3,6$. Without a mask: $4\times3=12$. Causally: last row 1 needs only the block starting at 0 (1 block); last row 3 needs those at 0 and 3 (2); last row 5 also 2; last row 7 all 3: 8 blocks. For large $n$ about half are skipped.

**On a GPU.** Each thread block owns one query block; $Q_i$, $K_j$, $V_j$ and $m,\ell,o$ sit in on-chip SRAM; the paper takes $B_c\approx M/(4d)$ for SRAM size $M$. $S$ and $P$ are never written to HBM.

**Tests.** Compare elementwise with scaledDotProductAttention (causal and not); recompute $P_{ij}=e^{S_{ij}-\mathrm{LSE}_i}$ from the saved LSE and compare with the attention weights; edge cases: block size 1, block sizes that do not divide $n$.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`FlashAttention 的分块和在线 softmax 是一种近似，就像稀疏或低秩注意力一样会损失精度。`,
          en: String.raw`FlashAttention's tiling with an online softmax is an approximation that loses accuracy, like sparse or low-rank attention.`,
        },
        correction: {
          zh: String.raw`它在数学上与标准注意力完全相同，只是计算顺序和存储位置不同，差别只来自浮点舍入；省下的是显存读写，而不是 FLOPs。`,
          en: String.raw`It is mathematically identical to standard attention; only the order of computation and where data lives change, so results differ only by floating-point rounding. It saves memory traffic, not FLOPs.`,
        },
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness', authors: 'Dao, Fu, Ermon, Rudra, Ré', year: 2022, arxiv: '2205.14135' },
      { title: 'FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning', authors: 'Dao', year: 2023, arxiv: '2307.08691' },
    ],
  },
  {
    id: 'attn-flashattention-memory',
    topic: 'attention-softmax',
    subtopic: 'efficient-attention',
    tags: ['flashattention', 'memory', 'backward-pass', 'recomputation'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: String.raw`标准注意力实现为反向传播保存分数矩阵 $S$ 和概率 $P$。batch 为 1、$h=16$ 个头（$hd_k=1024$）、$n=8192$、fp16 时，每层 $S$ 和 $P$ 占多少显存？FlashAttention 改为保存什么、占多少？它在反向时要重算 $S$，为什么整体反而更快？`,
      en: String.raw`A standard attention implementation keeps the score matrix $S$ and the probabilities $P$ for the backward pass. With batch 1, $h=16$ heads ($hd_k=1024$), $n=8192$ and fp16, how much memory do $S$ and $P$ take per layer? What does FlashAttention keep instead, and how much is it? Why is it faster overall even though its backward pass recomputes $S$?`,
    },
    answer: {
      short: {
        zh: String.raw`$S$：$16\cdot8192^2\cdot2$ B $=2{,}147{,}483{,}648$ B $=2$ GiB，$P$ 同样 2 GiB，每层共 4 GiB。FlashAttention 只保存输出 $O$（本来就需要，$8192\cdot1024\cdot2$ B $=16$ MiB）和每行每头一个 float32 的 log-sum-exp：$16\cdot8192\cdot4$ B $=512$ KiB，比 $S$ 小 4096 倍。反向按块重算 $S$ 和 $P=e^{S-\mathrm{LSE}}$：多了 FLOPs，但省掉了 $O(n^2)$ 的显存读写，而注意力受带宽限制。`,
        en: String.raw`$S$: $16\cdot8192^2\cdot2$ B $=2{,}147{,}483{,}648$ B $=2$ GiB, and $P$ another 2 GiB: 4 GiB per layer. FlashAttention keeps only the output $O$ (needed anyway, $8192\cdot1024\cdot2$ B $=16$ MiB) and one float32 log-sum-exp per row and head: $16\cdot8192\cdot4$ B $=512$ KiB, 4096× smaller than $S$. The backward pass recomputes $S$ and $P=e^{S-\mathrm{LSE}}$ blockwise: more FLOPs, but none of the $O(n^2)$ memory traffic, and attention is bandwidth-bound.`,
      },
      full: {
        zh: String.raw`**标准实现。** 每个头一个 $n\times n$ 矩阵：$h n^2=16\cdot8192^2=1{,}073{,}741{,}824$ 个元素，fp16 每个 2 B，即 2 GiB；$P$ 再 2 GiB（若有注意力 dropout 还要存掩码）。这些矩阵先写入显存（HBM），反向时再读回。$n$ 翻倍，这部分变为 4 倍。

**FlashAttention 保存的。** 输出 $O\in\mathbb R^{n\times hd_k}$（16 MiB，任何实现都要）和 $\mathrm{LSE}_i=m_i+\log\ell_i$，每行每头一个数：$16\cdot8192\cdot4$ B $=524{,}288$ B $=512$ KiB。与 $S$ 之比为 $n\cdot2/4=4096$。

**反向传播。** 按块重算 $S_{ij}=q_i^\top k_j/\sqrt{d_k}$，再由 $P_{ij}=e^{S_{ij}-\mathrm{LSE}_i}$ 精确得到概率（不需要再次求和）。softmax 的梯度 $dS_{ij}=P_{ij}(dP_{ij}-D_i)$ 需要 $D_i=\sum_jP_{ij}dP_{ij}$，它等于 $dO_i^\top O_i$，可以不经过 $P$ 直接算出。

**为什么更快。** 重算多做了一次 $QK^\top$，但在 GPU 上注意力的瓶颈是 HBM 读写而不是算力：标准实现要写入并读回 $\Theta(n^2)$ 个元素，FlashAttention 的 HBM 访问量为 $\Theta(n^2d^2/M)$（$M$ 为 SRAM 大小，$d^2<M$ 时远小于 $n^2$）。省下的显存也允许更大的 batch 或更长的序列。`,
        en: String.raw`**Standard implementation.** One $n\times n$ matrix per head: $hn^2=16\cdot8192^2=1{,}073{,}741{,}824$ elements at 2 B each in fp16, i.e. 2 GiB; $P$ is another 2 GiB (plus the mask if attention dropout is used). They are written to HBM and read back in the backward pass. Doubling $n$ quadruples this.

**What FlashAttention keeps.** The output $O\in\mathbb R^{n\times hd_k}$ (16 MiB, which every implementation needs) and $\mathrm{LSE}_i=m_i+\log\ell_i$, one number per row and head: $16\cdot8192\cdot4$ B $=524{,}288$ B $=512$ KiB. The ratio to $S$ is $n\cdot2/4=4096$.

**Backward pass.** Recompute $S_{ij}=q_i^\top k_j/\sqrt{d_k}$ blockwise and get the probabilities exactly as $P_{ij}=e^{S_{ij}-\mathrm{LSE}_i}$ (no new sum needed). The softmax gradient $dS_{ij}=P_{ij}(dP_{ij}-D_i)$ needs $D_i=\sum_jP_{ij}dP_{ij}$, which equals $dO_i^\top O_i$ and can be computed without $P$.

**Why it is faster.** Recomputation costs one more $QK^\top$, but on GPUs attention is limited by HBM traffic, not arithmetic: the standard implementation writes and re-reads $\Theta(n^2)$ elements, while FlashAttention makes $\Theta(n^2d^2/M)$ HBM accesses ($M$ the SRAM size; far fewer than $n^2$ when $d^2<M$). The memory saved also allows bigger batches or longer sequences.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness', authors: 'Dao, Fu, Ermon, Rudra, Ré', year: 2022, arxiv: '2205.14135' },
      { title: 'Self-attention Does Not Need O(n^2) Memory', authors: 'Rabe, Staats', year: 2021, arxiv: '2112.05682' },
    ],
  },
  {
    id: 'attn-linear-attention-derivation',
    topic: 'attention-softmax',
    subtopic: 'efficient-attention',
    tags: ['linear-attention', 'kernel', 'rnn', 'causal-mask'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`把 softmax 注意力写成核平滑器，然后推导线性注意力：把 $\exp(q^\top k/\sqrt d)$ 换成 $\phi(q)^\top\phi(k)$，改变结合顺序，并证明因果线性注意力是一个状态为 $d_k\times d_v$ 矩阵的 RNN。这样做失去了什么？`,
      en: String.raw`Write softmax attention as a kernel smoother, then derive linear attention: replace $\exp(q^\top k/\sqrt d)$ by $\phi(q)^\top\phi(k)$, reassociate, and show that causal linear attention is an RNN whose state is a $d_k\times d_v$ matrix. What is lost?`,
    },
    answer: {
      short: {
        zh: String.raw`softmax 注意力 $\mathrm{out}_i=\sum_j\kappa(q_i,k_j)v_j/\sum_j\kappa(q_i,k_j)$，$\kappa=\exp(q^\top k/\sqrt d)$。取 $\kappa=\phi(q)^\top\phi(k)$ 后 $\mathrm{out}_i=\phi(q_i)^\top\big(\sum_j\phi(k_j)v_j^\top\big)/\phi(q_i)^\top\sum_j\phi(k_j)$，括号与 $i$ 无关，代价 $O(nd_kd_v)$。因果时 $S_i=S_{i-1}+\phi(k_i)v_i^\top$、$z_i=z_{i-1}+\phi(k_i)$：就是 RNN，每步代价固定。代价是换了模型：有限维 $\phi$ 无法表示 exp 核，注意力不再尖锐。`,
        en: String.raw`Softmax attention is $\mathrm{out}_i=\sum_j\kappa(q_i,k_j)v_j/\sum_j\kappa(q_i,k_j)$ with $\kappa=\exp(q^\top k/\sqrt d)$. With $\kappa=\phi(q)^\top\phi(k)$, $\mathrm{out}_i=\phi(q_i)^\top\big(\sum_j\phi(k_j)v_j^\top\big)/\phi(q_i)^\top\sum_j\phi(k_j)$; the bracket does not depend on $i$, so the cost is $O(nd_kd_v)$. Causally $S_i=S_{i-1}+\phi(k_i)v_i^\top$, $z_i=z_{i-1}+\phi(k_i)$: an RNN with constant cost per step. The price is a different model: a finite $\phi$ cannot represent the exp kernel, and attention is no longer sharp.`,
      },
      full: {
        zh: String.raw`**核视角。** 对查询 $q_i$：
$$\mathrm{out}_i=\sum_j\frac{\kappa(q_i,k_j)}{\sum_l\kappa(q_i,k_l)}v_j,\qquad\kappa(q,k)=\exp\!\big(q^\top k/\sqrt d\big),$$
即以 $\kappa$ 为核的 Nadaraya–Watson 平滑（Tsai 等，2019）。

**线性化。** 若 $\kappa(q,k)=\phi(q)^\top\phi(k)$，$\phi:\mathbb R^{d_k}\to\mathbb R^{r}_{\ge0}$，则
$$\mathrm{out}_i=\frac{\phi(q_i)^\top\sum_j\phi(k_j)v_j^\top}{\phi(q_i)^\top\sum_j\phi(k_j)} .$$
先算 $\sum_j\phi(k_j)v_j^\top$（$r\times d_v$）与 $\sum_j\phi(k_j)$，对所有 $i$ 共用：时间 $O(nrd_v)$、显存 $O(rd_v)$，而不是 $O(n^2d)$。矩阵形式：$(\phi(Q)\phi(K)^\top)V=\phi(Q)(\phi(K)^\top V)$，只是矩阵乘法的结合律。

**因果情形。** 把求和限制在 $j\le i$：
$$S_i=S_{i-1}+\phi(k_i)v_i^\top,\quad z_i=z_{i-1}+\phi(k_i),\quad \mathrm{out}_i=\frac{S_i^\top\phi(q_i)}{z_i^\top\phi(q_i)} .$$
这是状态为 $(S,z)$ 的 RNN（Katharopoulos 等，2020，$\phi=\mathrm{elu}+1$）：解码每个词元 $O(rd_v)$，状态大小与序列长度无关。例如 $d_k=d_v=64$、$\phi$ 维数 64：每个头 $64\cdot64+64=4160$ 个数；而同一个头在 $n=4096$ 时的 KV cache 是 $2\cdot4096\cdot64=524{,}288$ 个数。

**失去的东西。**
- exp 核对应无限维特征空间；有限维 $\phi$（如 elu+1）得到的是**另一个模型**，不是 softmax 的近似。Performer 用正随机特征无偏地估计 exp 核，但有方差，需要较大的 $r$。
- 固定大小的状态只能“记住”有限的信息：精确检索、复制长段文字等任务明显变差。
- $\phi\ge0$ 保证分母为正；训练时的因果前缀和需要分块实现，否则显存占用很大。`,
        en: String.raw`**Kernel view.** For a query $q_i$:
$$\mathrm{out}_i=\sum_j\frac{\kappa(q_i,k_j)}{\sum_l\kappa(q_i,k_l)}v_j,\qquad\kappa(q,k)=\exp\!\big(q^\top k/\sqrt d\big),$$
a Nadaraya–Watson smoother with kernel $\kappa$ (Tsai et al., 2019).

**Linearization.** If $\kappa(q,k)=\phi(q)^\top\phi(k)$ with $\phi:\mathbb R^{d_k}\to\mathbb R^{r}_{\ge0}$, then
$$\mathrm{out}_i=\frac{\phi(q_i)^\top\sum_j\phi(k_j)v_j^\top}{\phi(q_i)^\top\sum_j\phi(k_j)} .$$
Compute $\sum_j\phi(k_j)v_j^\top$ ($r\times d_v$) and $\sum_j\phi(k_j)$ once and share them across all $i$: $O(nrd_v)$ time and $O(rd_v)$ memory instead of $O(n^2d)$. In matrix form $(\phi(Q)\phi(K)^\top)V=\phi(Q)(\phi(K)^\top V)$ — just associativity of matrix products.

**Causal case.** Restrict the sums to $j\le i$:
$$S_i=S_{i-1}+\phi(k_i)v_i^\top,\quad z_i=z_{i-1}+\phi(k_i),\quad \mathrm{out}_i=\frac{S_i^\top\phi(q_i)}{z_i^\top\phi(q_i)} .$$
This is an RNN with state $(S,z)$ (Katharopoulos et al., 2020, $\phi=\mathrm{elu}+1$): decoding costs $O(rd_v)$ per token and the state does not grow with the sequence. With $d_k=d_v=64$ and a 64-dimensional $\phi$: $64\cdot64+64=4160$ numbers per head, against a KV cache of $2\cdot4096\cdot64=524{,}288$ numbers for the same head at $n=4096$.

**What is lost.**
- The exp kernel has an infinite-dimensional feature space; a finite $\phi$ (e.g. elu+1) gives **a different model**, not an approximation of softmax. Performer estimates the exp kernel without bias using positive random features, at the price of variance and a large $r$.
- A fixed-size state can only hold so much: exact retrieval and copying long spans get markedly worse.
- $\phi\ge0$ keeps the denominator positive; the causal prefix sums need a chunked implementation in training or they use a lot of memory.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`线性注意力用 $O(n)$ 的代价算出与 softmax 注意力相同的结果。`,
          en: String.raw`Linear attention computes the same result as softmax attention at $O(n)$ cost.`,
        },
        correction: {
          zh: String.raw`只有核能写成有限维内积时才能改变结合顺序，而 exp 核不行。用 elu+1 特征映射的线性注意力是另一个模型：在随机输入上，它与 softmax 注意力的输出相差明显（检查中超过 $10^{-2}$）。`,
          en: String.raw`Reassociation needs a kernel that is a finite-dimensional inner product, and the exp kernel is not one. Linear attention with the elu+1 feature map is a different model: on random inputs its output differs visibly from softmax attention's (by more than $10^{-2}$ in the check).`,
        },
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention', authors: 'Katharopoulos, Vyas, Pappas, Fleuret', year: 2020, arxiv: '2006.16236' },
      { title: 'Transformer Dissection: A Unified Understanding of Transformer’s Attention via the Lens of Kernel', authors: 'Tsai, Bai, Yamada, Morency, Salakhutdinov', year: 2019, arxiv: '1908.11775' },
      { title: 'Rethinking Attention with Performers', authors: 'Choromanski et al.', year: 2020, arxiv: '2009.14794' },
    ],
  },
  {
    id: 'attn-linear-attention-cost',
    topic: 'attention-softmax',
    subtopic: 'efficient-attention',
    tags: ['linear-attention', 'flops', 'complexity', 'performer'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`一层有 $h=16$ 个头、$d_k=d_v=64$、$d=1024$、$n=4096$。计算 softmax 注意力中 $QK^\top$ 与 $AV$ 的 FLOPs，线性注意力中 $\phi(K)^\top V$ 与 $\phi(Q)(\cdot)$ 的 FLOPs（特征维数 $=d_k$），以及 Performer 用 $r=256$ 个随机特征时的 FLOPs。算上四个投影后整层省了多少？$n$ 多大时线性注意力才划算？`,
      en: String.raw`A layer has $h=16$ heads, $d_k=d_v=64$, $d=1024$ and $n=4096$. Compute the FLOPs of $QK^\top$ and $AV$ in softmax attention, of $\phi(K)^\top V$ and $\phi(Q)(\cdot)$ in linear attention (feature dimension $d_k$), and of Performer with $r=256$ random features. How much does the whole layer save once the four projections are counted? From which $n$ on does linear attention pay off?`,
    },
    answer: {
      short: {
        zh: String.raw`softmax：$4n^2d_kh=4\cdot4096^2\cdot64\cdot16\approx6.87\times10^{10}$；线性：$4nd_kd_vh\approx1.07\times10^{9}$（少 $n/d_k=64$ 倍）；Performer：$4nrd_vh\approx4.29\times10^{9}$（少 $n/r=16$ 倍）。投影 $8nd^2\approx3.44\times10^{10}$ 不变，整层从 $1.03\times10^{11}$ 降到 $3.54\times10^{10}$，约 2.9 倍。只有 $n$ 大于特征维数（64 或 256）时才省 FLOPs。`,
        en: String.raw`Softmax: $4n^2d_kh=4\cdot4096^2\cdot64\cdot16\approx6.87\times10^{10}$; linear: $4nd_kd_vh\approx1.07\times10^{9}$ ($n/d_k=64$× fewer); Performer: $4nrd_vh\approx4.29\times10^{9}$ ($n/r=16$× fewer). The projections, $8nd^2\approx3.44\times10^{10}$, stay, so the layer goes from $1.03\times10^{11}$ to $3.54\times10^{10}$, about 2.9×. FLOPs are saved only when $n$ exceeds the feature dimension (64 or 256).`,
      },
      full: {
        zh: String.raw`一次乘加记 2 FLOPs。

- **softmax 注意力**（每头）：$QK^\top$ 为 $2n^2d_k$，$AV$ 为 $2n^2d_v$；16 个头共 $4n^2d_kh=4\cdot4096^2\cdot64\cdot16=68{,}719{,}476{,}736\approx6.87\times10^{10}$。
- **线性注意力**（每头）：$\phi(K)^\top V$ 为 $2nd_kd_v$，$\phi(Q)\,(\phi(K)^\top V)$ 再 $2nd_kd_v$；共 $4nd_kd_vh=4\cdot4096\cdot64\cdot64\cdot16=1{,}073{,}741{,}824\approx1.07\times10^{9}$，是 softmax 的 $1/64$（比值 $n/d_k$）。
- **Performer**，$r=256$：$4nrd_vh=4{,}294{,}967{,}296\approx4.29\times10^{9}$，比值 $n/r=16$（还没算特征映射本身 $O(nrd_k)$ 的代价）。
- **四个投影**：$8nd^2=8\cdot4096\cdot1024^2\approx3.44\times10^{10}$，与注意力形式无关。

整层：softmax $6.87\times10^{10}+3.44\times10^{10}=1.03\times10^{11}$；线性 $3.44\times10^{10}+1.07\times10^{9}=3.54\times10^{10}$，比值 $32/11\approx2.9$。$n$ 越大，二次项越占主导，线性注意力的优势越大；$n\le d_k$（或 $n\le r$）时它反而更贵。

**实践中的取舍。** FLOPs 不是全部：FlashAttention 保持精确的 $O(n^2)$ FLOPs，却因为减少显存读写而在中等长度上更快；线性注意力的因果训练需要分块的前缀和，且质量常不如 softmax。`,
        en: String.raw`Count a multiply-add as 2 FLOPs.

- **Softmax attention** (per head): $QK^\top$ costs $2n^2d_k$ and $AV$ $2n^2d_v$; over 16 heads $4n^2d_kh=4\cdot4096^2\cdot64\cdot16=68{,}719{,}476{,}736\approx6.87\times10^{10}$.
- **Linear attention** (per head): $\phi(K)^\top V$ costs $2nd_kd_v$ and $\phi(Q)\,(\phi(K)^\top V)$ another $2nd_kd_v$; in total $4nd_kd_vh=4\cdot4096\cdot64\cdot64\cdot16=1{,}073{,}741{,}824\approx1.07\times10^{9}$, $1/64$ of softmax (ratio $n/d_k$).
- **Performer**, $r=256$: $4nrd_vh=4{,}294{,}967{,}296\approx4.29\times10^{9}$, ratio $n/r=16$ (before the $O(nrd_k)$ cost of the feature map itself).
- **The four projections**: $8nd^2=8\cdot4096\cdot1024^2\approx3.44\times10^{10}$, whatever the attention.

Whole layer: softmax $6.87\times10^{10}+3.44\times10^{10}=1.03\times10^{11}$; linear $3.44\times10^{10}+1.07\times10^{9}=3.54\times10^{10}$, a ratio of $32/11\approx2.9$. The larger $n$, the more the quadratic term dominates and the more linear attention gains; for $n\le d_k$ (or $n\le r$) it costs more.

**In practice.** FLOPs are not everything: FlashAttention keeps the exact $O(n^2)$ FLOPs but is faster at moderate lengths because it moves less memory; causal linear attention needs chunked prefix sums in training and often loses quality against softmax.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention', authors: 'Katharopoulos, Vyas, Pappas, Fleuret', year: 2020, arxiv: '2006.16236' },
      { title: 'Rethinking Attention with Performers', authors: 'Choromanski et al.', year: 2020, arxiv: '2009.14794' },
      { title: 'Efficient Transformers: A Survey', authors: 'Tay, Dehghani, Bahri, Metzler', year: 2020, arxiv: '2009.06732' },
    ],
  },
  {
    id: 'attn-sliding-window-receptive-field',
    topic: 'attention-softmax',
    subtopic: 'sparse-attention',
    tags: ['sparse-attention', 'sliding-window', 'receptive-field', 'long-context'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`解码器使用因果滑动窗口注意力：每个查询看自己和之前的 $W-1$ 个词元。(a) $L$ 层之后信息最远能从多远传过来？以 Mistral 7B（$W=4096$，$L=32$）为例。(b) $n=16384$ 时每头每层要算多少个分数？与完整因果注意力相比如何？`,
      en: String.raw`A decoder uses causal sliding-window attention: each query sees itself and the $W-1$ previous tokens. (a) After $L$ layers, how far back can information reach? Take Mistral 7B ($W=4096$, $L=32$). (b) For $n=16384$, how many scores does one head compute per layer, compared with full causal attention?`,
    },
    answer: {
      short: {
        zh: String.raw`(a) 每层向后传 $W-1$ 个位置，$L$ 层共 $L(W-1)$：最后一层的词元能受到 $L(W-1)+1=131{,}041$ 个词元的影响（约 $LW=131{,}072$，即 Mistral 论文中的“约 131K”）。(b) $\sum_{i=1}^{n}\min(i,W)=W(W+1)/2+(n-W)W=58{,}722{,}304$，完整因果为 $n(n+1)/2=134{,}225{,}920$，少约 2.29 倍；代价随 $nW$ 而不是 $n^2/2$ 增长。`,
        en: String.raw`(a) Each layer moves information back $W-1$ positions, so $L$ layers give $L(W-1)$: a token at the last layer can be influenced by $L(W-1)+1=131{,}041$ tokens (about $LW=131{,}072$, the "about 131K" of the Mistral paper). (b) $\sum_{i=1}^{n}\min(i,W)=W(W+1)/2+(n-W)W=58{,}722{,}304$ against $n(n+1)/2=134{,}225{,}920$ for full causal attention, about 2.29× fewer; the cost grows as $nW$, not $n^2/2$.`,
      },
      full: {
        zh: String.raw`**(a) 感受野。** 第 1 层位置 $t$ 的输出依赖输入 $t-W+1,\dots,t$；第 2 层依赖第 1 层的这些位置，因而依赖输入 $t-2(W-1),\dots,t$；归纳得 $L$ 层后依赖 $t-L(W-1),\dots,t$，再往前的输入**完全**不影响输出（权重恰为 0）。$W=4096$、$L=32$：$32\cdot4095=131{,}040$ 个位置之前，共 $131{,}041$ 个词元。检查中把 3 层 $W=3$ 的窗口注意力叠起来：扰动 $t-6$ 会改变输出，扰动 $t-7$ 时输出逐位不变。

**(b) 分数个数。** 第 $i$ 个查询（从 1 数）看 $\min(i,W)$ 个键：
$$\sum_{i=1}^{n}\min(i,W)=\frac{W(W+1)}2+(n-W)W=8{,}390{,}656+50{,}331{,}648=58{,}722{,}304 .$$
完整因果：$n(n+1)/2=134{,}225{,}920$，比值 2.29。$n$ 越大差距越大（$n\gg W$ 时约 $n/(2W)$）。

**其他性质。**
- 推理时 KV cache 只需保存最近 $W$ 个词元（滚动缓冲区），显存固定。
- “能传到”不等于“能用上”：远处的信息要经过多层中间状态压缩，实际有效距离短得多；Longformer 用少量全局词元、一些模型让局部层与全局层交替来弥补。`,
        en: String.raw`**(a) Receptive field.** At layer 1 position $t$ depends on inputs $t-W+1,\dots,t$; at layer 2 on those layer-1 positions, hence on inputs $t-2(W-1),\dots,t$; by induction after $L$ layers on $t-L(W-1),\dots,t$, and earlier inputs have **no** influence at all (their weights are exactly 0). For $W=4096$, $L=32$: back $32\cdot4095=131{,}040$ positions, $131{,}041$ tokens in all. The check stacks 3 layers of window $W=3$: perturbing input $t-6$ changes the output, perturbing $t-7$ leaves it bit for bit the same.

**(b) Number of scores.** Query $i$ (counting from 1) sees $\min(i,W)$ keys:
$$\sum_{i=1}^{n}\min(i,W)=\frac{W(W+1)}2+(n-W)W=8{,}390{,}656+50{,}331{,}648=58{,}722{,}304 .$$
Full causal: $n(n+1)/2=134{,}225{,}920$, a ratio of 2.29. The gap widens with $n$ (about $n/(2W)$ for $n\gg W$).

**Further properties.**
- At inference the KV cache keeps only the last $W$ tokens (a rolling buffer): fixed memory.
- Reaching is not using: distant information is squeezed through intermediate states, so the effective range is much shorter; Longformer adds a few global tokens, and some models alternate local and global layers.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'causalMask', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Longformer: The Long-Document Transformer', authors: 'Beltagy, Peters, Cohan', year: 2020, arxiv: '2004.05150' },
      { title: 'Mistral 7B', authors: 'Jiang et al.', year: 2023, arxiv: '2310.06825' },
      { title: 'Generating Long Sequences with Sparse Transformers', authors: 'Child, Gray, Radford, Sutskever', year: 2019, arxiv: '1904.10509' },
    ],
  },
  {
    id: 'attn-sparse-attention-patterns',
    topic: 'attention-softmax',
    subtopic: 'sparse-attention',
    tags: ['sparse-attention', 'longformer', 'bigbird', 'global-tokens'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`比较 Sparse Transformer（跨步/固定模式）、Longformer（滑动窗口 + 膨胀窗口 + 全局词元）和 BigBird（窗口 + 随机 + 全局）的稀疏模式。为什么它们都保留少量全局词元？稀疏注意力在实践中有什么代价？`,
      en: String.raw`Compare the sparse patterns of the Sparse Transformer (strided/fixed), Longformer (sliding, dilated windows and global tokens) and BigBird (window, random and global). Why do they all keep a few global tokens, and what does sparsity cost in practice?`,
    },
    answer: {
      short: {
        zh: String.raw`三者都只计算预先规定位置上的分数：Sparse Transformer 把注意力分解成局部块和跨步两部分，两跳连通，$O(n\sqrt n)$；Longformer 用宽度 $w$ 的窗口加任务指定的全局词元，$O(nw)$；BigBird 再加随机连接。全局词元让任意两点之间只隔两步，BigBird 的通用逼近和图灵完备证明都依赖它。代价：需要块稀疏内核、单层不能任意配对、模式与内容无关。`,
        en: String.raw`All three compute scores only at positions fixed in advance: the Sparse Transformer factorizes attention into a local block and a strided part, connected in two hops, $O(n\sqrt n)$; Longformer uses a window of width $w$ plus task-chosen global tokens, $O(nw)$; BigBird adds random links. Global tokens put any two positions two steps apart, and BigBird's universal-approximation and Turing-completeness proofs rely on them. Costs: block-sparse kernels are needed, one layer cannot pair arbitrary positions, and the pattern ignores content.`,
      },
      full: {
        zh: String.raw`- **Sparse Transformer（Child 等，2019）：** 不同的头（或交替的层）分别看长度约 $\sqrt n$ 的局部块和间隔 $\sqrt n$ 的跨步位置，任意两点经过两层可达；代价 $O(n\sqrt n)$。适合图像、音频这类有周期结构的数据。
- **Longformer（Beltagy 等，2020）：** 每个词元看宽度 $w$ 的窗口（高层可用膨胀窗口扩大范围）；少数全局词元（如 [CLS]、问答中的问题词元）看所有位置、也被所有位置看到；代价 $O(nw)$。
- **BigBird（Zaheer 等，2020）：** 块级的窗口 + 每个块 $r$ 个随机块 + $g$ 个全局块。作者证明这样的稀疏注意力是序列函数的通用逼近器且图灵完备，证明依赖全局词元（星形图给出 $O(1)$ 路径长度）；随机边类似扩张图，使路径变短。

**为什么要全局词元。** 只有局部窗口时，相距 $n$ 的两点至少要隔 $n/w$ 层；一个全局词元让任意两点之间只隔两步，还能充当汇总句子信息的“摘要槽”。

**代价。**
- GPU 喜欢稠密块：不规则模式浪费算力，需要块稀疏内核（这也是三者都按块定义模式的原因）。
- 单层无法表示任意配对，依赖多跳传递；需要任意两点精确交互的任务会变差。
- 模式固定、与内容无关；Reformer（LSH 分桶）、Routing Transformer（聚类）让稀疏模式取决于内容。
- 中等长度时，带 FlashAttention 的稠密注意力往往更快也更准；如今常见的折中是滑动窗口层与全局层交替。`,
        en: String.raw`- **Sparse Transformer (Child et al., 2019):** different heads (or alternating layers) look at a local block of about $\sqrt n$ positions and at strided positions $\sqrt n$ apart, so any two positions connect within two layers; cost $O(n\sqrt n)$. Suited to images and audio with periodic structure.
- **Longformer (Beltagy et al., 2020):** each token sees a window of width $w$ (dilated in higher layers to widen it); a few global tokens (e.g. [CLS], the question tokens in QA) attend to and are attended by every position; cost $O(nw)$.
- **BigBird (Zaheer et al., 2020):** blockwise window + $r$ random blocks per block + $g$ global blocks. The authors prove such sparse attention is a universal approximator of sequence functions and Turing complete, relying on the global tokens (a star graph gives $O(1)$ path length); the random edges act like an expander and shorten paths.

**Why global tokens.** With windows only, two positions $n$ apart need at least $n/w$ layers to interact; one global token puts any two positions two steps apart and serves as a summary slot for the sequence.

**Costs.**
- GPUs like dense tiles: irregular patterns waste compute and need block-sparse kernels (which is why all three define their patterns in blocks).
- One layer cannot represent arbitrary pairings; information hops over several layers, and tasks that need precise pairwise interactions suffer.
- The pattern is fixed, not content-based; Reformer (LSH buckets) and the Routing Transformer (clustering) make sparsity depend on content.
- At moderate lengths, dense attention with FlashAttention is often both faster and better; a common compromise today alternates sliding-window and global layers.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`稀疏注意力只是更快的近似，单层的表达能力与完整注意力相同。`,
          en: String.raw`Sparse attention is just a faster approximation with the same expressiveness per layer as full attention.`,
        },
        correction: {
          zh: String.raw`单层稀疏注意力只能连接模式内的位置对；模式外的交互要靠多层传递或全局词元，一些任务因此需要更多层或会变差。`,
          en: String.raw`One sparse layer connects only the pairs in its pattern; other interactions must hop through several layers or global tokens, so some tasks need more layers or get worse.`,
        },
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Generating Long Sequences with Sparse Transformers', authors: 'Child, Gray, Radford, Sutskever', year: 2019, arxiv: '1904.10509' },
      { title: 'Longformer: The Long-Document Transformer', authors: 'Beltagy, Peters, Cohan', year: 2020, arxiv: '2004.05150' },
      { title: 'Big Bird: Transformers for Longer Sequences', authors: 'Zaheer et al.', year: 2020, arxiv: '2007.14062' },
      { title: 'Reformer: The Efficient Transformer', authors: 'Kitaev, Kaiser, Levskaya', year: 2020, arxiv: '2001.04451' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Positions: RoPE, ALiBi, relative positions, length extrapolation
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-rope-derivation',
    topic: 'attention-softmax',
    subtopic: 'positional-encoding',
    tags: ['rope', 'rotary', 'relative-position', 'positional-encoding'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`推导旋转位置编码（RoPE）：位置 $m$ 的 $q$、$k$ 如何变换？为什么 $\langle R_mq,R_nk\rangle$ 只通过 $n-m$ 依赖位置？证明它保持范数，并解释为什么只作用于 $q$、$k$ 而不作用于 $v$。`,
      en: String.raw`Derive rotary position embedding (RoPE): how are $q$ and $k$ transformed at position $m$, and why does $\langle R_mq,R_nk\rangle$ depend on the positions only through $n-m$? Show that it preserves norms, and explain why it is applied to $q$ and $k$ but not to $v$.`,
    },
    answer: {
      short: {
        zh: String.raw`把 $d$ 维分成 $d/2$ 对，第 $i$ 对旋转角度 $m\theta_i$，$\theta_i=10000^{-2i/d}$：$R_m=\mathrm{blockdiag}\big(R(m\theta_0),\dots\big)$。平面旋转满足 $R(a)^\top R(b)=R(b-a)$，所以 $\langle R_mq,R_nk\rangle=q^\top R_{n-m}k$。旋转是正交变换，范数不变。位置只应影响“看哪里”（分数），不应改变被取出的内容，所以不旋转 $v$。`,
        en: String.raw`Split the $d$ dimensions into $d/2$ pairs and rotate pair $i$ by the angle $m\theta_i$ with $\theta_i=10000^{-2i/d}$: $R_m=\mathrm{blockdiag}\big(R(m\theta_0),\dots\big)$. Plane rotations satisfy $R(a)^\top R(b)=R(b-a)$, so $\langle R_mq,R_nk\rangle=q^\top R_{n-m}k$. Rotations are orthogonal, so norms are kept. Position should only shape where to look (the scores), not the content retrieved, so $v$ is not rotated.`,
      },
      full: {
        zh: String.raw`**构造。** 对维度对 $(2i,2i+1)$：
$$\begin{pmatrix}x'_{2i}\\x'_{2i+1}\end{pmatrix}=\begin{pmatrix}\cos m\theta_i&-\sin m\theta_i\\\sin m\theta_i&\cos m\theta_i\end{pmatrix}\begin{pmatrix}x_{2i}\\x_{2i+1}\end{pmatrix},\qquad\theta_i=10000^{-2i/d}.$$
$R_m$ 是这些 $2\times2$ 旋转组成的分块对角矩阵。

**相对性。** 二维旋转可交换且 $R(a)^\top=R(-a)$，所以 $R(a)^\top R(b)=R(b-a)$。逐块相乘：
$$\langle R_mq,R_nk\rangle=q^\top R_m^\top R_nk=q^\top R_{n-m}k .$$
所有位置同时平移 $c$ 时分数不变，注意力权重也不变（检查中平移 100 个位置，权重差 $<10^{-5}$）。复数写法：把每对写成 $z=x_{2i}+\mathrm i\,x_{2i+1}$，旋转就是乘以 $e^{\mathrm i m\theta_i}$，$\mathrm{Re}[\tilde q\,\overline{\tilde k}]=\mathrm{Re}[q_c\overline{k_c}e^{\mathrm i(m-n)\theta_i}]$。

**范数。** $R_m$ 正交，$\|R_mq\|=\|q\|$：初始化时分数的尺度不受位置影响。

**作用位置。** 在每一层、投影 $W_Q,W_K$ 之后作用于 $q$、$k$，不加到残差流上；$v$ 不旋转，因为值是被取出的内容，位置只应决定权重。与加法式正弦编码不同，分数里没有内容与绝对位置的交叉项。

**频率。** $\theta_0=1$（波长 $2\pi$ 个词元）到 $\theta_{d/2-1}=10000^{-(d-2)/d}$（$d=128$ 时波长约 54,410 个词元），高频对编码局部顺序，低频对编码远距离。`,
        en: String.raw`**Construction.** For the pair of dimensions $(2i,2i+1)$:
$$\begin{pmatrix}x'_{2i}\\x'_{2i+1}\end{pmatrix}=\begin{pmatrix}\cos m\theta_i&-\sin m\theta_i\\\sin m\theta_i&\cos m\theta_i\end{pmatrix}\begin{pmatrix}x_{2i}\\x_{2i+1}\end{pmatrix},\qquad\theta_i=10000^{-2i/d}.$$
$R_m$ is the block-diagonal matrix of these $2\times2$ rotations.

**Relativity.** 2-D rotations commute and $R(a)^\top=R(-a)$, so $R(a)^\top R(b)=R(b-a)$. Block by block:
$$\langle R_mq,R_nk\rangle=q^\top R_m^\top R_nk=q^\top R_{n-m}k .$$
Shifting every position by $c$ leaves the scores, hence the attention weights, unchanged (the check shifts by 100 positions: weights differ by $<10^{-5}$). In complex form each pair is $z=x_{2i}+\mathrm i\,x_{2i+1}$, rotation multiplies by $e^{\mathrm i m\theta_i}$, and $\mathrm{Re}[\tilde q\,\overline{\tilde k}]=\mathrm{Re}[q_c\overline{k_c}e^{\mathrm i(m-n)\theta_i}]$.

**Norms.** $R_m$ is orthogonal, $\|R_mq\|=\|q\|$: position does not change the scale of the scores at initialization.

**Where it acts.** On $q$ and $k$ after the projections $W_Q,W_K$, in every layer; nothing is added to the residual stream. $v$ is not rotated: values are the content retrieved, and position should only decide the weights. Unlike additive sinusoidal encodings, the scores have no content–absolute-position cross terms.

**Frequencies.** From $\theta_0=1$ (wavelength $2\pi$ tokens) to $\theta_{d/2-1}=10000^{-(d-2)/d}$ (about 54,410 tokens for $d=128$): high-frequency pairs encode local order, low-frequency pairs long distances.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`RoPE 和正弦编码一样，是把一个位置向量加到词嵌入上。`,
          en: String.raw`RoPE, like sinusoidal encodings, adds a position vector to the token embedding.`,
        },
        correction: {
          zh: String.raw`RoPE 是乘性的：在每个注意力层里按位置旋转 $q$ 和 $k$，残差流里没有任何位置向量，$v$ 也不受影响。`,
          en: String.raw`RoPE is multiplicative: every attention layer rotates $q$ and $k$ by position; no position vector enters the residual stream, and $v$ is untouched.`,
        },
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'RoFormer: Enhanced Transformer with Rotary Position Embedding', authors: 'Su et al.', year: 2021, arxiv: '2104.09864' },
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
    ],
  },
  {
    id: 'attn-implement-rope',
    topic: 'attention-softmax',
    subtopic: 'positional-encoding',
    tags: ['rope', 'implementation', 'kv-cache', 'weight-conversion'],
    kind: 'coding',
    difficulty: 3,
    prompt: {
      zh: String.raw`实现 RoPE：给定一个头的向量和它的位置，返回旋转后的向量。常见代码有两种布局：相邻维度成对 $(2i,2i+1)$（RoFormer、GPT-J）和前后两半成对 $(i,i+d/2)$（GPT-NeoX、Hugging Face LLaMA 的 rotate_half）。混用两种布局会怎样？使用 KV cache 解码时应该传入什么位置？`,
      en: String.raw`Implement RoPE: given one head's vector and its position, return the rotated vector. Popular code uses two layouts: neighbouring dimensions paired as $(2i,2i+1)$ (RoFormer, GPT-J) and halves paired as $(i,i+d/2)$ (GPT-NeoX, Hugging Face LLaMA's rotate_half). What happens if the two are mixed, and which positions must a KV-cached decoder pass?`,
    },
    answer: {
      short: {
        zh: String.raw`两种布局的每一对都按 $p\,\theta_i$ 旋转，只是配对的维度不同，二者相差一个固定的维度置换。若权重按一种布局训练而推理用另一种，$q$、$k$ 在错误的平面里旋转，分数不再只依赖相对位置，质量悄无声息地崩溃；转换权重时要对 $W_Q,W_K$ 的行做相应置换。KV cache：每个新键在它的绝对位置旋转一次后存入缓存，新查询用位置 $t$（缓存长度，左填充时再按每条序列的偏移修正）。`,
        en: String.raw`In both layouts each pair rotates by $p\,\theta_i$; only which dimensions form a pair differs, so the two differ by a fixed permutation of dimensions. If weights trained with one layout run with the other, $q$ and $k$ rotate in the wrong planes, scores stop depending only on relative position, and quality collapses silently; converting weights means permuting the rows of $W_Q,W_K$. With a KV cache, each new key is rotated once at its absolute position and stored; the new query uses position $t$ (the cache length, corrected per sequence for left padding).`,
      },
      full: {
        zh: String.raw`    // x：一个头的向量，长度 d 为偶数；p：位置
    function ropeInterleaved(x: number[], p: number, base = 10000): number[] {
      const out = x.slice();
      for (let i = 0; i < x.length / 2; i++) {
        const a = p * base ** (-2 * i / x.length);
        const [c, s] = [Math.cos(a), Math.sin(a)];
        out[2 * i] = x[2 * i] * c - x[2 * i + 1] * s;
        out[2 * i + 1] = x[2 * i] * s + x[2 * i + 1] * c;
      }
      return out;
    }

    function ropeHalf(x: number[], p: number, base = 10000): number[] {
      const h = x.length / 2;
      const out = x.slice();
      for (let i = 0; i < h; i++) {
        const a = p * base ** (-2 * i / x.length);
        const [c, s] = [Math.cos(a), Math.sin(a)];
        out[i] = x[i] * c - x[i + h] * s;
        out[i + h] = x[i] * s + x[i + h] * c;
      }
      return out;
    }

**张量实现。** 预先算好 cos、sin 表（形状 $[L,d/2]$），然后逐元素计算 $x_1\cos-x_2\sin$、$x_1\sin+x_2\cos$；对 $q$ 和 $k$ 用同一张表，在投影之后、$QK^\top$ 之前。角度 $p\theta_i$ 最好在 float64 中算好再转成 float32：$p\approx10^5$ 时 float32 的间隔约 0.008 弧度。

**混用布局。** ropeHalf 等于“把维度重排成相邻成对 → ropeInterleaved → 排回”。$q$ 用一种、$k$ 用另一种时，$\langle R_mq,P^\top R_nPk\rangle$ 不再只依赖 $n-m$：检查中所有位置平移 100 后注意力权重变化超过 $10^{-3}$，而同一布局下变化 $<10^{-5}$。Hugging Face 的 LLaMA 权重转换脚本正是为此对 $W_Q$、$W_K$ 的行做了置换。

**KV cache。** 缓存里存**已旋转**的键：每个键只在自己的绝对位置旋转一次；第 $t$ 步的新查询和新键用位置 $t$。常见错误：每步都用位置 0（模型失去位置信息）；左填充的 batch 没有按每条序列减去填充数；缓存未旋转的键却忘了在读取时旋转。

**测试。** 平移所有位置权重不变；范数不变；两种布局在维度置换后一致；与无缓存的完整计算逐位置比较。`,
        en: String.raw`    // x: one head's vector of even length d; p: its position
    function ropeInterleaved(x: number[], p: number, base = 10000): number[] {
      const out = x.slice();
      for (let i = 0; i < x.length / 2; i++) {
        const a = p * base ** (-2 * i / x.length);
        const [c, s] = [Math.cos(a), Math.sin(a)];
        out[2 * i] = x[2 * i] * c - x[2 * i + 1] * s;
        out[2 * i + 1] = x[2 * i] * s + x[2 * i + 1] * c;
      }
      return out;
    }

    function ropeHalf(x: number[], p: number, base = 10000): number[] {
      const h = x.length / 2;
      const out = x.slice();
      for (let i = 0; i < h; i++) {
        const a = p * base ** (-2 * i / x.length);
        const [c, s] = [Math.cos(a), Math.sin(a)];
        out[i] = x[i] * c - x[i + h] * s;
        out[i + h] = x[i] * s + x[i + h] * c;
      }
      return out;
    }

**With tensors.** Precompute cos and sin tables of shape $[L,d/2]$ and compute $x_1\cos-x_2\sin$ and $x_1\sin+x_2\cos$ elementwise, with the same tables for $q$ and $k$, after the projections and before $QK^\top$. Compute the angles $p\theta_i$ in float64 and then cast: near $p\approx10^5$ the float32 spacing is about 0.008 rad.

**Mixing layouts.** ropeHalf equals "permute dimensions into neighbouring pairs → ropeInterleaved → permute back". With one layout for $q$ and the other for $k$, $\langle R_mq,P^\top R_nPk\rangle$ no longer depends only on $n-m$: in the check, shifting all positions by 100 changes the attention weights by more than $10^{-3}$, against less than $10^{-5}$ with one layout. Hugging Face's LLaMA weight conversion script permutes the rows of $W_Q$ and $W_K$ for exactly this reason.

**KV cache.** Store **rotated** keys: each key is rotated once at its own absolute position; at step $t$ the new query and key use position $t$. Common bugs: position 0 at every step (the model loses position information); a left-padded batch not offset per sequence; caching unrotated keys and forgetting to rotate them on read.

**Tests.** Shifting all positions leaves the weights unchanged; norms are kept; the layouts agree after the permutation; cached decoding matches the full computation position by position.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'RoFormer: Enhanced Transformer with Rotary Position Embedding', authors: 'Su et al.', year: 2021, arxiv: '2104.09864' },
      { title: 'GPT-NeoX-20B: An Open-Source Autoregressive Language Model', authors: 'Black et al.', year: 2022, arxiv: '2204.06745' },
    ],
  },
  {
    id: 'attn-rope-frequencies-extension',
    topic: 'attention-softmax',
    subtopic: 'positional-encoding',
    tags: ['rope', 'context-extension', 'position-interpolation', 'frequencies'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: String.raw`RoPE 每头 $d=128$、底数 10000。最快和最慢的波长各是多少个词元？在 2048 的训练上下文内，64 对中有几对转不满一整圈？要在 8192 长度上运行模型，位置插值（position interpolation）做了什么，为什么比直接外推好？`,
      en: String.raw`RoPE with $d=128$ per head and base 10000: what are the fastest and slowest wavelengths, in tokens? How many of the 64 pairs complete less than one full turn within a 2048-token training context? To run the model at 8192 tokens, what does position interpolation do, and why does it beat plain extrapolation?`,
    },
    answer: {
      short: {
        zh: String.raw`$\theta_i=10000^{-2i/128}$：最快 $\theta_0=1$，波长 $2\pi\approx6.28$；最慢 $\theta_{63}=10000^{-126/128}\approx1.155\times10^{-4}$，波长约 54,410。波长超过 2048 的是 $i\ge41$（$i=40$ 为 1,987，$i=41$ 为 2,294），共 23 对——它们在训练中从未转满一圈，超出 2048 的角度都没见过。位置插值把位置缩放为 $m\cdot2048/8192$，使所有角度都落在训练见过的范围内（最大位置 8191 → 2047.75），再做少量微调。`,
        en: String.raw`$\theta_i=10000^{-2i/128}$: fastest $\theta_0=1$, wavelength $2\pi\approx6.28$; slowest $\theta_{63}=10000^{-126/128}\approx1.155\times10^{-4}$, wavelength about 54,410. Wavelengths exceed 2048 for $i\ge41$ ($i=40$: 1,987; $i=41$: 2,294), 23 pairs — they never turned fully in training, so angles beyond position 2048 are unseen. Position interpolation rescales positions to $m\cdot2048/8192$, keeping every angle in the trained range (the largest position 8191 becomes 2047.75), followed by brief fine-tuning.`,
      },
      full: {
        zh: String.raw`**频率与波长。** 第 $i$ 对的角速度 $\theta_i=10000^{-2i/d}$，波长 $\lambda_i=2\pi/\theta_i$：
- $i=0$：$\lambda=2\pi\approx6.28$ 个词元；$i=1$：$\theta=0.86596$，$\lambda\approx7.26$；
- $i=40$：$\theta=0.0031623$，$\lambda\approx1{,}987$；$i=41$：$\theta=0.0027384$，$\lambda\approx2{,}294$；
- $i=63$：$\theta=10000^{-126/128}\approx1.1548\times10^{-4}$，$\lambda\approx54{,}410$。

$\lambda_i>2048$ 当且仅当 $i\ge41$，即 $64-41=23$ 对。它们的角度在训练中只覆盖了一圈的一部分；直接在 8192 上运行时，这些维度出现从未见过的角度，注意力分数分布偏离训练分布，困惑度急剧上升。

**位置插值（Chen 等，2023）。** 用 $m'=m\cdot L_{train}/L_{target}=m/4$ 代替 $m$：位置 8191 变成 2047.75，所有角度都在训练范围内。相邻位置的角度差缩小为原来的 1/4（高频对的分辨率下降），因此需要少量微调（论文中不超过约 1000 步）就能把上下文扩展到 32768。

**后续改进。** 只插值低频、保留高频：NTK-aware 缩放改变底数；YaRN 按频率分段处理，并对 logits 乘一个温度，用更少的微调扩展上下文。`,
        en: String.raw`**Frequencies and wavelengths.** Pair $i$ turns at $\theta_i=10000^{-2i/d}$ radians per token, wavelength $\lambda_i=2\pi/\theta_i$:
- $i=0$: $\lambda=2\pi\approx6.28$ tokens; $i=1$: $\theta=0.86596$, $\lambda\approx7.26$;
- $i=40$: $\theta=0.0031623$, $\lambda\approx1{,}987$; $i=41$: $\theta=0.0027384$, $\lambda\approx2{,}294$;
- $i=63$: $\theta=10000^{-126/128}\approx1.1548\times10^{-4}$, $\lambda\approx54{,}410$.

$\lambda_i>2048$ exactly for $i\ge41$, i.e. $64-41=23$ pairs. Their angles covered only part of a turn in training; run directly at 8192 tokens, these dimensions see angles never seen before, the score distribution drifts away from training, and perplexity blows up.

**Position interpolation (Chen et al., 2023).** Use $m'=m\cdot L_{train}/L_{target}=m/4$ instead of $m$: position 8191 becomes 2047.75 and every angle stays in the trained range. Neighbouring positions are now 4× closer in angle (less resolution for high-frequency pairs), so a short fine-tune (within about 1000 steps in the paper) extends the context up to 32768.

**Later refinements.** Interpolate only the low frequencies and keep the high ones: NTK-aware scaling changes the base; YaRN treats frequency bands differently and scales the logits by a temperature, extending context with less fine-tuning.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'RoFormer: Enhanced Transformer with Rotary Position Embedding', authors: 'Su et al.', year: 2021, arxiv: '2104.09864' },
      { title: 'Extending Context Window of Large Language Models via Positional Interpolation', authors: 'Chen, Wong, Chen, Tian', year: 2023, arxiv: '2306.15595' },
      { title: 'YaRN: Efficient Context Window Extension of Large Language Models', authors: 'Peng, Quesnelle, Fan, Shippole', year: 2023, arxiv: '2309.00071' },
    ],
  },
  {
    id: 'attn-alibi',
    topic: 'attention-softmax',
    subtopic: 'positional-encoding',
    tags: ['alibi', 'relative-position', 'length-extrapolation', 'causal-mask'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: String.raw`ALiBi 不用位置嵌入，而是在第 $h$ 个头中给查询 $i$、键 $j$（$j\le i$）的分数加上 $-m_h(i-j)$。(a) 8 个头的斜率是多少？(b) 证明在因果掩码下这等价于加上与查询无关的 $m_h\,j$，并说明为什么。(c) 斜率为 1/2 时，相距 100 的键比相距 0、分数相同的键权重小多少倍？`,
      en: String.raw`ALiBi uses no position embeddings; instead head $h$ adds $-m_h(i-j)$ to the score of query $i$ and key $j$ ($j\le i$). (a) What are the slopes for 8 heads? (b) Show that under a causal mask this is equivalent to adding the query-independent $m_h\,j$, and say why. (c) With slope 1/2, how much smaller is the weight of a key at distance 100 than that of an equally scored key at distance 0?`,
    },
    answer: {
      short: {
        zh: String.raw`(a) $m_h=2^{-8h/H}$：$H=8$ 时为 $1/2,1/4,\dots,1/256$。(b) $-m(i-j)=m\,j-m\,i$，$-m\,i$ 在第 $i$ 行是常数，而 softmax 对每行的平移不变，所以权重相同；双向注意力的 $-m|i-j|$ 不能这样改写。(c) 偏置 $-50$，权重乘以 $e^{-50}\approx1.93\times10^{-22}$；斜率 1/256 时偏置只有 $-0.39$，权重乘以 0.677。`,
        en: String.raw`(a) $m_h=2^{-8h/H}$: for $H=8$, $1/2,1/4,\dots,1/256$. (b) $-m(i-j)=m\,j-m\,i$, and $-m\,i$ is constant along row $i$; softmax is invariant to a per-row shift, so the weights are equal. The bidirectional $-m|i-j|$ cannot be rewritten this way. (c) The bias is $-50$, a factor $e^{-50}\approx1.93\times10^{-22}$; with slope 1/256 the bias is only $-0.39$, a factor 0.677.`,
      },
      full: {
        zh: String.raw`**(a) 斜率。** 几何序列 $m_h=2^{-8h/H}$，$h=1,\dots,H$。$H=8$：$2^{-1},2^{-2},\dots,2^{-8}$，即 $0.5,0.25,\dots,0.00390625$；$H=16$ 时从 $2^{-0.5}\approx0.7071$ 开始：$0.7071,0.5,0.3536,\dots,1/256$。斜率固定、不训练。

**(b) 等价性。** 第 $i$ 行的分数为 $s_{ij}-m(i-j)=s_{ij}+m\,j-m\,i$。对固定的 $i$，$-m\,i$ 对所有 $j$ 相同，而
$$\mathrm{softmax}(z+c\mathbf 1)=\mathrm{softmax}(z),$$
所以加 $-m(i-j)$ 与加 $m\,j$ 的注意力权重完全一样（掩码位置权重都是 0，不受影响）。实现上因此可以只给每个头加一个长度为 $n$ 的键偏置向量。没有因果掩码时，$-m|i-j|$ 在 $j\le i$ 时等于 $m\,j-m\,i$，在 $j>i$ 时等于 $m\,i-m\,j$，无法写成只依赖 $j$ 的形式（检查中两者的权重相差超过 $10^{-2}$）。

**(c) 数值。** $m=1/2$、距离 100：偏置 $-50$，相对权重 $e^{-50}\approx1.93\times10^{-22}$，实际上看不到；$m=1/256$：偏置 $-0.390625$，相对权重 $e^{-0.390625}\approx0.677$。不同的头因此覆盖从极局部到接近全局的范围。

**效果与局限。** ALiBi 是内置的“近因偏好”：在短序列上训练、在更长序列上推理时困惑度几乎不升（Press 等）。但这也意味着远处的词元被强烈压低——外推得好的困惑度不代表模型真正利用了长上下文。`,
        en: String.raw`**(a) Slopes.** A geometric sequence $m_h=2^{-8h/H}$, $h=1,\dots,H$. For $H=8$: $2^{-1},2^{-2},\dots,2^{-8}$, i.e. $0.5,0.25,\dots,0.00390625$; for $H=16$ it starts at $2^{-0.5}\approx0.7071$: $0.7071,0.5,0.3536,\dots,1/256$. The slopes are fixed, not trained.

**(b) Equivalence.** Row $i$'s scores are $s_{ij}-m(i-j)=s_{ij}+m\,j-m\,i$. For fixed $i$, $-m\,i$ is the same for every $j$, and
$$\mathrm{softmax}(z+c\mathbf 1)=\mathrm{softmax}(z),$$
so adding $-m(i-j)$ and adding $m\,j$ give identical attention weights (masked positions have weight 0 either way). An implementation can therefore add one key-bias vector of length $n$ per head. Without a causal mask, $-m|i-j|$ equals $m\,j-m\,i$ only for $j\le i$ and $m\,i-m\,j$ for $j>i$, so it cannot be written as a function of $j$ alone (in the check the weights differ by more than $10^{-2}$).

**(c) Numbers.** $m=1/2$ at distance 100: bias $-50$, relative weight $e^{-50}\approx1.93\times10^{-22}$ — effectively invisible; $m=1/256$: bias $-0.390625$, relative weight $e^{-0.390625}\approx0.677$. The heads thus range from very local to nearly global.

**Effect and limits.** ALiBi is a built-in recency prior: trained on short sequences, it runs on longer ones with almost no rise in perplexity (Press et al.). It also means distant tokens are strongly suppressed — good extrapolated perplexity does not show that the model really uses the long context.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'causalMask', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Train Short, Test Long: Attention with Linear Biases Enables Input Length Extrapolation', authors: 'Press, Smith, Lewis', year: 2021, arxiv: '2108.12409' },
    ],
  },
  {
    id: 'attn-relative-position-bias',
    topic: 'attention-softmax',
    subtopic: 'positional-encoding',
    tags: ['relative-position', 't5', 'transformer-xl', 'positional-encoding'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`Shaw 等的相对位置表示、Transformer-XL 和 T5 分别如何把位置放进注意力？比较学习的是什么、在哪里加入，以及如何处理很远的距离。`,
      en: String.raw`How do the relative position representations of Shaw et al., Transformer-XL and T5 put position into attention? Compare what is learned, where it enters, and how each handles long distances.`,
    },
    answer: {
      short: {
        zh: String.raw`Shaw：为截断后的相对距离 $\mathrm{clip}(j-i,k)$ 学习向量，加到键（和值）上进入分数；Transformer-XL：把绝对编码的分数展开成四项，键的位置换成相对的正弦编码 $R_{i-j}$，查询侧换成全局可学习向量 $u,v$，以支持段级循环；T5：每个头为每个相对距离桶学习一个标量偏置加到 logits 上，32 个桶、超过 128 的距离共用一个桶，各层共享。远距离都被截断或分桶，近处分辨率高。`,
        en: String.raw`Shaw: learned vectors for the clipped offset $\mathrm{clip}(j-i,k)$, added to the keys (and values) inside the score; Transformer-XL: expands the score of absolute encodings into four terms, replaces the key's position by a relative sinusoid $R_{i-j}$ and the query side by global learned vectors $u,v$, to support segment recurrence; T5: one learned scalar per head per relative-distance bucket added to the logits, 32 buckets, all distances beyond 128 sharing one, shared across layers. Far distances are clipped or bucketed; near ones keep fine resolution.`,
      },
      full: {
        zh: String.raw`- **Shaw 等（2018）：** $e_{ij}=q_i^\top(k_j+a^K_{ij})/\sqrt d$，$\mathrm{out}_i=\sum_j\alpha_{ij}(v_j+a^V_{ij})$，$a_{ij}=w_{\mathrm{clip}(j-i,k)}$。超过 $k$（如 16）的距离共用一个向量。朴素实现要构造 $n\times n\times d$ 的张量；Music Transformer 的“skewing”技巧把显存从 $O(n^2d)$ 降到 $O(nd)$。
- **Transformer-XL（Dai 等，2019）：** 把 $(E_i+U_i)^\top W_q^\top W_k(E_j+U_j)$ 展开为内容–内容、内容–位置、全局内容偏置、全局位置偏置四项；键侧绝对位置 $U_j$ 换成相对的正弦编码 $R_{i-j}$，查询侧 $U_i$ 换成可学习向量 $u,v$。动机是段级循环：复用上一段的隐藏状态时，绝对位置会重复、冲突。
- **T5（Raffel 等，2019）：** 每个头一个标量偏置 $b_h(\mathrm{bucket}(j-i))$ 加到 logits；32 个桶，近距离每个距离一个桶，较远的按对数间隔分桶，超过 128 的都归到最后一个桶（双向模型两个方向各用一半）；偏置在各层之间共享，几乎不增加计算。
- **对比：** 向量型（Shaw）表达力最强也最贵；标量偏置（T5、ALiBi）便宜，容易融合进 FlashAttention 内核；RoPE 通过旋转实现相对性，不需要额外的 $n\times n$ 项。所有方法对远距离都只有粗分辨率，外推能力取决于超出训练范围的距离如何处理。`,
        en: String.raw`- **Shaw et al. (2018):** $e_{ij}=q_i^\top(k_j+a^K_{ij})/\sqrt d$ and $\mathrm{out}_i=\sum_j\alpha_{ij}(v_j+a^V_{ij})$ with $a_{ij}=w_{\mathrm{clip}(j-i,k)}$; distances beyond $k$ (e.g. 16) share one vector. A naive implementation forms an $n\times n\times d$ tensor; Music Transformer's "skewing" trick cuts memory from $O(n^2d)$ to $O(nd)$.
- **Transformer-XL (Dai et al., 2019):** expands $(E_i+U_i)^\top W_q^\top W_k(E_j+U_j)$ into content–content, content–position, global content bias and global position bias; the key-side absolute position $U_j$ becomes a relative sinusoid $R_{i-j}$ and the query-side $U_i$ becomes learned vectors $u,v$. The motive is segment recurrence: reusing the previous segment's hidden states would repeat and clash absolute positions.
- **T5 (Raffel et al., 2019):** one scalar bias per head $b_h(\mathrm{bucket}(j-i))$ added to the logits; 32 buckets, exact for small distances, log-spaced further out, everything beyond 128 in the last bucket (bidirectional models use half the buckets per direction); the biases are shared across layers and cost almost nothing.
- **Comparison:** vector terms (Shaw) are the most expressive and most expensive; scalar biases (T5, ALiBi) are cheap and fuse easily into FlashAttention kernels; RoPE gets relativity through rotation with no extra $n\times n$ term. All of them resolve far distances only coarsely, and extrapolation depends on what they do with distances beyond the trained range.`,
      },
    },
    references: [
      { title: 'Self-Attention with Relative Position Representations', authors: 'Shaw, Uszkoreit, Vaswani', year: 2018, arxiv: '1803.02155' },
      { title: 'Transformer-XL: Attentive Language Models Beyond a Fixed-Length Context', authors: 'Dai et al.', year: 2019, arxiv: '1901.02860' },
      { title: 'Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer', authors: 'Raffel et al.', year: 2019, arxiv: '1910.10683' },
      { title: 'Music Transformer', authors: 'Huang et al.', year: 2018, arxiv: '1809.04281' },
    ],
  },
  {
    id: 'attn-length-extrapolation',
    topic: 'attention-softmax',
    subtopic: 'positional-encoding',
    tags: ['length-extrapolation', 'positional-encoding', 'alibi', 'rope'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: String.raw`一个在 2048 上下文上训练的模型要在 8192 长度上运行。可学习绝对位置、正弦编码、RoPE 和 ALiBi 分别会怎样？常用的补救办法有哪些？怎样评估才算真正“用上了”长上下文？`,
      en: String.raw`A model trained with a 2048-token context is run at 8192 tokens. What happens with learned absolute positions, sinusoidal encodings, RoPE and ALiBi? What are the usual fixes, and how do you check that the long context is really used?`,
    },
    answer: {
      short: {
        zh: String.raw`可学习绝对位置：2048 之后没有嵌入，无法直接运行；正弦编码和 RoPE：有定义但角度组合从未见过，困惑度在训练长度之后急剧上升；ALiBi：困惑度几乎不变，因为它强烈偏好近处——远处的词元基本被忽略。补救：位置插值、NTK/YaRN 缩放加少量微调，或直接在长序列上继续训练。评估要用检索类任务（在长文中找一个事实），而不只看困惑度。`,
        en: String.raw`Learned absolute: no embedding beyond 2048, so it cannot run as is; sinusoidal and RoPE: defined, but with unseen angle combinations, and perplexity shoots up past the training length; ALiBi: perplexity barely moves because of its strong recency bias — distant tokens are mostly ignored. Fixes: position interpolation, NTK/YaRN scaling plus a short fine-tune, or continued training on long sequences. Evaluate with retrieval tasks (find one fact in a long text), not perplexity alone.`,
      },
      full: {
        zh: String.raw`- **可学习绝对位置（BERT、GPT-2）：** 位置表只有 2048 行，超出部分没有向量；只能扩展表并继续训练。
- **正弦编码：** 任意位置都有定义，但模型从未见过这些位置组合；Press 等的实验中，超过训练长度后困惑度迅速上升。
- **RoPE：** 低频维度对旋转到训练中没见过的角度（见 RoPE 频率题），分数分布偏离，困惑度爆炸。补救：位置插值（把位置压缩回训练范围，约 1000 步微调）、NTK-aware 改底数、YaRN（按频率分段并对 logits 加温度）。
- **ALiBi：** 线性距离惩罚让远处权重指数级变小，所以更长的输入几乎不影响困惑度；代价是远处的信息几乎用不上。
- **注意力熵：** 键变多时 softmax 被摊薄，熵随 $\log n$ 增长；有的方法把 logits 乘以与 $\log n$ 相关的系数（YaRN 的温度也起这个作用）。

**评估。** 困惑度主要由近处的词决定，不能证明模型使用了远处的内容。应当用“大海捞针”式检索、长文问答、多文档任务，并报告随位置变化的准确率。`,
        en: String.raw`- **Learned absolute (BERT, GPT-2):** the table has 2048 rows and positions beyond have no vector; the only way is to extend the table and keep training.
- **Sinusoidal:** defined for every position, but the model never saw these combinations; in Press et al.'s experiments perplexity rises quickly past the training length.
- **RoPE:** the low-frequency pairs rotate into angles never seen in training (see the RoPE frequency question), the score distribution drifts and perplexity explodes. Fixes: position interpolation (squeeze positions back into the trained range, about 1000 fine-tuning steps), NTK-aware base changes, YaRN (per-band treatment plus a logit temperature).
- **ALiBi:** the linear distance penalty shrinks distant weights exponentially, so longer inputs barely affect perplexity — at the cost of hardly using distant information.
- **Attention entropy:** with more keys the softmax spreads thinner and its entropy grows like $\log n$; some methods scale the logits by a factor tied to $\log n$ (YaRN's temperature plays this role too).

**Evaluation.** Perplexity is dominated by nearby tokens and does not show that distant content is used. Use needle-in-a-haystack retrieval, long-document QA and multi-document tasks, and report accuracy as a function of position.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`只要在更长的输入上困惑度不升，模型就用上了长上下文。`,
          en: String.raw`If perplexity does not rise on longer inputs, the model uses the long context.`,
        },
        correction: {
          zh: String.raw`ALiBi 或滑动窗口模型在长输入上困惑度很低，却几乎忽略远处的词元；困惑度主要由近处决定，要用检索类任务检验。`,
          en: String.raw`ALiBi or sliding-window models keep perplexity low on long inputs while nearly ignoring distant tokens; perplexity is dominated by nearby context, so test with retrieval tasks.`,
        },
      },
    ],
    references: [
      { title: 'Train Short, Test Long: Attention with Linear Biases Enables Input Length Extrapolation', authors: 'Press, Smith, Lewis', year: 2021, arxiv: '2108.12409' },
      { title: 'Extending Context Window of Large Language Models via Positional Interpolation', authors: 'Chen, Wong, Chen, Tian', year: 2023, arxiv: '2306.15595' },
      { title: 'YaRN: Efficient Context Window Extension of Large Language Models', authors: 'Peng, Quesnelle, Fan, Shippole', year: 2023, arxiv: '2309.00071' },
      { title: 'The Impact of Positional Encoding on Length Generalization in Transformers', authors: 'Kazemnejad et al.', year: 2023, arxiv: '2305.19466' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // KV caching and cross-attention in encoder-decoders
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-implement-kv-cache',
    topic: 'attention-softmax',
    subtopic: 'inference',
    tags: ['kv-cache', 'autoregressive-decoding', 'causal-mask', 'implementation'],
    kind: 'coding',
    difficulty: 3,
    prompt: {
      zh: String.raw`用 tfjs 为一个自注意力层实现带 KV cache 的逐词解码：每一步只投影新词元，把它的键和值追加到缓存，再用一个查询做注意力。证明它与每步重算完整因果注意力的结果相同，并列出会破坏这种等价性的错误。`,
      en: String.raw`Implement token-by-token decoding with a KV cache for one self-attention layer in tfjs: each step projects only the new token, appends its key and value to the cache, and attends with a single query. Prove that it matches recomputing full causal attention, and list the bugs that break the equivalence.`,
    },
    answer: {
      short: {
        zh: String.raw`因果注意力第 $t$ 行只用到 $q_t$ 和 $k_{\le t},v_{\le t}$，它们只依赖前 $t$ 个词元，之后不会改变，所以缓存它们是精确的；单个新查询看到整个缓存，不需要掩码。常见错误：新词元的位置（RoPE/绝对位置）没有设为 $t$；左填充的键没有屏蔽；一次送入多个新词元时因果掩码没有按缓存长度偏移；推理时 dropout 仍开启；跨位置混合的归一化。`,
        en: String.raw`Row $t$ of causal attention uses only $q_t$ and $k_{\le t},v_{\le t}$, which depend only on the first $t$ tokens and never change afterwards, so caching them is exact; a single new query sees the whole cache and needs no mask. Common bugs: the new token's position (RoPE or absolute) not set to $t$; left-padding keys not masked; a chunk of several new tokens without a causal mask offset by the cache length; dropout left on at inference; normalization that mixes positions.`,
      },
      full: {
        zh: String.raw`    import * as tf from '@tensorflow/tfjs';
    import { scaledDotProductAttention } from '@dl/softmax-attention';

    interface Weights { q: tf.Tensor2D; k: tf.Tensor2D; v: tf.Tensor2D }   // [d, d]
    interface Cache { keys: tf.Tensor3D; values: tf.Tensor3D }             // [batch, t, d]

    const project = (x: tf.Tensor3D, w: tf.Tensor2D): tf.Tensor3D =>
      tf.matMul(x.reshape([-1, x.shape[2]]), w).reshape([x.shape[0], x.shape[1], w.shape[1]]);

    /** 处理一个新词元 token [batch, 1, d]；返回它的输出和新缓存（调用方释放旧缓存）。 */
    function decodeStep(token: tf.Tensor3D, w: Weights, cache: Cache) {
      return tf.tidy(() => {
        const keys = tf.concat([cache.keys, project(token, w.k)], 1) as tf.Tensor3D;
        const values = tf.concat([cache.values, project(token, w.v)], 1) as tf.Tensor3D;
        const { output } = scaledDotProductAttention(project(token, w.q), keys, values); // 一个查询：无需掩码
        return { output, cache: { keys, values } };
      });
    }
    // 初始缓存：tf.zeros([batch, 0, d])；每步之后 tf.dispose([old.keys, old.values])

**证明。** 完整因果注意力第 $t$ 行 $=\sum_{j\le t}\mathrm{softmax}_j(q_t^\top k_j/\sqrt d)\,v_j$，其中 $q_t,k_j,v_j$ 都是各自词元的逐位置投影。$j\le t$ 的键和值只依赖前 $t$ 个词元，在后续步骤中不变；新查询对缓存中的全部键做 softmax，恰好就是第 $t$ 行。检查中逐步解码的每一行都与 scaledDotProductAttention(..., { causal: true }) 的对应行一致。代价：每步 $O(td)$ 而不是重算前缀的 $O(t^2d)$。

**会破坏等价性的错误。**
1. 位置：RoPE 或绝对位置编码必须用位置 $t$（缓存长度），而不是 0。
2. 填充：左填充 batch 中填充位置的键留在缓存里，需要每条序列自己的键掩码。
3. 分块预填充：一次送入 $r$ 个新词元、缓存已有 $c$ 个时，第 $i$ 个新查询应看键 $\le c+i$。本库的 causal 选项按“起点对齐”（查询 $i$ 看键 $j\le i$），此时要显式构造偏移后的掩码。
4. 推理时 dropout 未关闭，输出随机。
5. 任何在位置之间混合的操作（沿时间的 BatchNorm、非因果卷积）都会让增量计算与完整计算不同。`,
        en: String.raw`    import * as tf from '@tensorflow/tfjs';
    import { scaledDotProductAttention } from '@dl/softmax-attention';

    interface Weights { q: tf.Tensor2D; k: tf.Tensor2D; v: tf.Tensor2D }   // [d, d]
    interface Cache { keys: tf.Tensor3D; values: tf.Tensor3D }             // [batch, t, d]

    const project = (x: tf.Tensor3D, w: tf.Tensor2D): tf.Tensor3D =>
      tf.matMul(x.reshape([-1, x.shape[2]]), w).reshape([x.shape[0], x.shape[1], w.shape[1]]);

    /** One new token [batch, 1, d]; returns its output and the new cache (the caller frees the old one). */
    function decodeStep(token: tf.Tensor3D, w: Weights, cache: Cache) {
      return tf.tidy(() => {
        const keys = tf.concat([cache.keys, project(token, w.k)], 1) as tf.Tensor3D;
        const values = tf.concat([cache.values, project(token, w.v)], 1) as tf.Tensor3D;
        const { output } = scaledDotProductAttention(project(token, w.q), keys, values); // one query: no mask needed
        return { output, cache: { keys, values } };
      });
    }
    // Start from tf.zeros([batch, 0, d]); after each step tf.dispose([old.keys, old.values])

**Proof.** Row $t$ of full causal attention is $\sum_{j\le t}\mathrm{softmax}_j(q_t^\top k_j/\sqrt d)\,v_j$, where $q_t,k_j,v_j$ are per-position projections of their own tokens. The keys and values with $j\le t$ depend only on the first $t$ tokens and do not change later; the new query's softmax over all cached keys is exactly row $t$. In the check, every step of cached decoding matches the corresponding row of scaledDotProductAttention(..., { causal: true }). Cost: $O(td)$ per step instead of $O(t^2d)$ for recomputing the prefix.

**Bugs that break the equivalence.**
1. Positions: RoPE or absolute encodings must use position $t$ (the cache length), not 0.
2. Padding: in a left-padded batch the padding keys stay in the cache and need each sequence's own key mask.
3. Chunked prefill: with $r$ new tokens and $c$ cached ones, new query $i$ must see keys $\le c+i$. This library's causal option aligns at the start (query $i$ sees keys $j\le i$), so build the offset mask explicitly there.
4. Dropout left on at inference: random outputs.
5. Anything that mixes positions (BatchNorm over time, non-causal convolutions) makes incremental and full computation differ.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Efficiently Scaling Transformer Inference', authors: 'Pope et al.', year: 2022, arxiv: '2211.05102' },
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
    ],
  },
  {
    id: 'attn-kv-cache-gqa-sizing',
    topic: 'attention-softmax',
    subtopic: 'inference',
    tags: ['kv-cache', 'grouped-query-attention', 'memory', 'llama'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`一个类似 Llama-2-70B 的解码器：80 层、64 个查询头、8 个 KV 头（GQA）、$d_k=128$、KV cache 用 fp16。每个词元、每条 4096 词元的序列各需要多少缓存？如果改成完整的多头 KV（64 个 KV 头）呢？batch 为 32 时各需要多少？为什么 GQA 的质量能接近多头？`,
      en: String.raw`A Llama-2-70B-like decoder: 80 layers, 64 query heads, 8 KV heads (GQA), $d_k=128$, fp16 KV cache. How much cache per token and per 4096-token sequence? With full multi-head KV (64 KV heads)? For a batch of 32? Why can GQA's quality stay close to multi-head attention?`,
    },
    answer: {
      short: {
        zh: String.raw`每词元：$2\cdot80\cdot8\cdot128\cdot2$ B $=327{,}680$ B $=320$ KiB；每条 4096 词元的序列 $1{,}342{,}177{,}280$ B $=1.25$ GiB；64 个 KV 头时 8 倍，即 10 GiB。batch 32：40 GiB 对 320 GiB——后者超过 fp16 权重本身（$70\times10^9\cdot2$ B $\approx130$ GiB）。GQA 中每 8 个查询头共享一组 K/V，各自仍有自己的查询和注意力分布。`,
        en: String.raw`Per token: $2\cdot80\cdot8\cdot128\cdot2$ B $=327{,}680$ B $=320$ KiB; per 4096-token sequence $1{,}342{,}177{,}280$ B $=1.25$ GiB; with 64 KV heads 8× more, 10 GiB. Batch 32: 40 GiB versus 320 GiB — the latter more than the fp16 weights themselves ($70\times10^9\cdot2$ B $\approx130$ GiB). In GQA each group of 8 query heads shares one K/V pair but keeps its own queries and attention distributions.`,
      },
      full: {
        zh: String.raw`**每个词元。** 每层存 K 和 V 各 $h_{kv}d_k$ 个数：$2\cdot8\cdot128=2048$ 个 fp16，即 4096 B；80 层共 $327{,}680$ B $=320$ KiB。

**每条序列。** $\times4096$ 词元 $=1{,}342{,}177{,}280$ B $=1.25$ GiB。

**多头 KV。** $h_{kv}=64$ 时每个数量乘 8：每词元 2.5 MiB，每序列 10 GiB。

**batch 32。** GQA：$32\times1.25=40$ GiB；多头：320 GiB，超过 fp16 权重（$1.4\times10^{11}$ B $\approx130$ GiB）。这就是 GQA/MQA 被采用的主要原因：解码时的最大 batch 和上下文长度受 KV cache 限制。

**为什么质量接近。** 每个查询头仍有自己的 $W_Q$ 和注意力分布，只是组内共享 $K,V$。计算上等价于把 KV 头复制给组内每个查询头；反过来，组内 $g$ 个查询头可以折叠成一个长度为 $g\cdot L$ 的查询块，对同一组 K/V 做一次注意力（检查中两种算法结果一致）——每个 KV 头只读一次，这也提高了解码的算术强度。Ainslie 等还展示了把已有的多头模型通过均值合并 KV 头、少量继续训练转为 GQA。`,
        en: String.raw`**Per token.** Each layer stores $h_{kv}d_k$ numbers for K and again for V: $2\cdot8\cdot128=2048$ fp16 values, 4096 B; over 80 layers $327{,}680$ B $=320$ KiB.

**Per sequence.** $\times4096$ tokens $=1{,}342{,}177{,}280$ B $=1.25$ GiB.

**Multi-head KV.** With $h_{kv}=64$ everything is 8× larger: 2.5 MiB per token, 10 GiB per sequence.

**Batch 32.** GQA: $32\times1.25=40$ GiB; multi-head: 320 GiB, more than the fp16 weights ($1.4\times10^{11}$ B $\approx130$ GiB). That is the main reason for GQA/MQA: the KV cache limits the batch size and context length of decoding.

**Why quality stays close.** Each query head keeps its own $W_Q$ and attention distribution; only $K,V$ are shared in a group. Computationally it equals copying each KV head to the query heads of its group; conversely the $g$ query heads of a group can be folded into one query block of length $g\cdot L$ that attends to the shared K/V once (the check gets the same result both ways) — each KV head is read once, which also raises the arithmetic intensity of decoding. Ainslie et al. also convert existing multi-head checkpoints to GQA by mean-pooling KV heads and briefly continuing training.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Llama 2: Open Foundation and Fine-Tuned Chat Models', authors: 'Touvron et al.', year: 2023, arxiv: '2307.09288' },
      { title: 'GQA: Training Generalized Multi-Query Transformer Models from Multi-Head Checkpoints', authors: 'Ainslie et al.', year: 2023, arxiv: '2305.13245' },
      { title: 'Fast Transformer Decoding: One Write-Head is All You Need', authors: 'Shazeer', year: 2019, arxiv: '1911.02150' },
    ],
  },
  {
    id: 'attn-decode-memory-bound',
    topic: 'attention-softmax',
    subtopic: 'inference',
    tags: ['kv-cache', 'arithmetic-intensity', 'decoding', 'memory-bandwidth'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: String.raw`解码时每一步每个头只有一个新查询，要对 $t$ 个缓存的键做注意力。对上一题的模型（64 个查询头、8 个 KV 头、$d_k=128$、fp16）在 $t=4096$ 时，计算每层注意力的 FLOPs 和读取的 KV cache 字节数、多头与 GQA 下的算术强度，并与 A100（fp16 稠密 312 TFLOP/s、显存带宽 2.04 TB/s）的比值比较。读一遍一条序列的缓存要多久？`,
      en: String.raw`While decoding, each step has one new query per head attending to $t$ cached keys. For the model of the previous question (64 query heads, 8 KV heads, $d_k=128$, fp16) at $t=4096$, compute per layer the attention FLOPs and the bytes of KV cache read, the arithmetic intensity with multi-head and with GQA, and compare with an A100's ratio of 312 TFLOP/s (fp16 dense) to 2.04 TB/s. How long does reading one sequence's cache take?`,
    },
    answer: {
      short: {
        zh: String.raw`每层 FLOPs $=4th\,d_k=4\cdot4096\cdot64\cdot128=134{,}217{,}728$；读取 $2t\,h_{kv}d_k\cdot2$ B：GQA $16{,}777{,}216$ B（16 MiB），算术强度 8 FLOP/B；多头 $134{,}217{,}728$ B，强度 1 FLOP/B。A100 的平衡点约 $312/2.039\approx153$ FLOP/B，所以解码注意力严重受带宽限制。读一条序列的 1.25 GiB 缓存约 0.66 ms，batch 32 约 21 ms——每一步都要付。`,
        en: String.raw`FLOPs per layer $=4th\,d_k=4\cdot4096\cdot64\cdot128=134{,}217{,}728$; bytes read $2t\,h_{kv}d_k\cdot2$: GQA $16{,}777{,}216$ B (16 MiB), intensity 8 FLOP/B; multi-head $134{,}217{,}728$ B, intensity 1 FLOP/B. The A100 balance point is about $312/2.039\approx153$ FLOP/B, so decoding attention is heavily bandwidth-bound. Reading one sequence's 1.25 GiB cache takes about 0.66 ms, a batch of 32 about 21 ms — at every step.`,
      },
      full: {
        zh: String.raw`**FLOPs（每层每步）。** 每个查询头：$q^\top K^\top$ 为 $2td_k$，$\alpha V$ 为 $2td_k$；64 个头共 $4thd_k=4\cdot4096\cdot64\cdot128=134{,}217{,}728\approx1.34\times10^8$。

**字节（每层每步）。** 必须把 K 和 V 全部读一遍：$2\cdot t\cdot h_{kv}\cdot d_k\cdot2$ B。
- GQA（$h_{kv}=8$）：$2\cdot4096\cdot8\cdot128\cdot2=16{,}777{,}216$ B → 强度 $134{,}217{,}728/16{,}777{,}216=8$ FLOP/B（即 $h/h_{kv}$）；
- 多头（$h_{kv}=64$）：$134{,}217{,}728$ B → 1 FLOP/B。

**与硬件比较。** A100 80GB SXM：$312\times10^{12}/2.039\times10^{12}\approx153$ FLOP/B。强度低于它就受带宽限制：GQA 差约 19 倍，多头差约 150 倍。与权重矩阵乘法不同，增大 batch 不会提高注意力的强度——每条序列读的是自己的缓存。

**时间。** 一条序列 80 层的缓存 $1.25$ GiB $=1{,}342{,}177{,}280$ B，按 2.039 TB/s 读一遍约 0.658 ms；batch 32 约 21.1 ms，每生成一个词元都要付（还没算读权重的时间）。

**对策：** GQA/MQA（减少 $h_{kv}$）、KV cache 量化（int8 减半字节）、PagedAttention 减少显存碎片以容纳更大 batch、Flash-Decoding 沿序列切分以占满 GPU、滑动窗口限制 $t$。`,
        en: String.raw`**FLOPs (per layer, per step).** Each query head: $q^\top K^\top$ costs $2td_k$ and $\alpha V$ $2td_k$; over 64 heads $4thd_k=4\cdot4096\cdot64\cdot128=134{,}217{,}728\approx1.34\times10^8$.

**Bytes (per layer, per step).** All of K and V must be read: $2\cdot t\cdot h_{kv}\cdot d_k\cdot2$ B.
- GQA ($h_{kv}=8$): $2\cdot4096\cdot8\cdot128\cdot2=16{,}777{,}216$ B → intensity $134{,}217{,}728/16{,}777{,}216=8$ FLOP/B (that is, $h/h_{kv}$);
- multi-head ($h_{kv}=64$): $134{,}217{,}728$ B → 1 FLOP/B.

**Against the hardware.** A100 80GB SXM: $312\times10^{12}/2.039\times10^{12}\approx153$ FLOP/B. Below that, bandwidth rules: GQA is about 19× short of it, multi-head about 150×. Unlike the weight matmuls, a bigger batch does not raise attention's intensity — each sequence reads its own cache.

**Time.** One sequence's cache over 80 layers, $1.25$ GiB $=1{,}342{,}177{,}280$ B, takes about 0.658 ms to read at 2.039 TB/s; a batch of 32 about 21.1 ms, paid for every generated token (before reading any weights).

**Remedies:** GQA/MQA (fewer $h_{kv}$), KV-cache quantization (int8 halves the bytes), PagedAttention against fragmentation so larger batches fit, Flash-Decoding to split along the sequence and fill the GPU, sliding windows to bound $t$.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Efficiently Scaling Transformer Inference', authors: 'Pope et al.', year: 2022, arxiv: '2211.05102' },
      { title: 'Efficient Memory Management for Large Language Model Serving with PagedAttention', authors: 'Kwon et al.', year: 2023, arxiv: '2309.06180' },
      { title: 'NVIDIA A100 Tensor Core GPU', url: 'https://www.nvidia.com/en-us/data-center/a100/' },
    ],
  },
  {
    id: 'attn-cross-attention-shapes-params',
    topic: 'attention-softmax',
    subtopic: 'cross-attention',
    tags: ['cross-attention', 'encoder-decoder', 'parameter-count', 'masking'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`宽度 512 的解码器（8 个头，$d_k=d_v=64$）对宽度 768 的编码器输出做交叉注意力。batch 为 2，源序列长 7（其中一句有填充），目标序列长 5。写出 Q、K、V、分数和输出的形状，说明用哪些掩码，并计算这个交叉注意力层的参数量（Keras MultiHeadAttention，带偏置）。`,
      en: String.raw`A decoder of width 512 (8 heads, $d_k=d_v=64$) cross-attends to an encoder output of width 768. Batch 2, source length 7 (one sentence padded), target length 5. Give the shapes of Q, K, V, the scores and the output, say which masks apply, and compute the parameter count of this cross-attention layer (Keras MultiHeadAttention, with biases).`,
    },
    answer: {
      short: {
        zh: String.raw`Q $[2,5,8,64]$（来自解码器），K、V $[2,7,8,64]$（来自编码器），分数 $[2,8,5,7]$，输出 $[2,5,512]$（查询的宽度）。只用源端填充掩码（广播为 $[2,1,1,7]$），不用因果掩码。参数：Q $512\cdot512+512=262{,}656$，K 与 V 各 $768\cdot512+512=393{,}728$，输出 $512\cdot512+512=262{,}656$，共 $1{,}312{,}768$。`,
        en: String.raw`Q $[2,5,8,64]$ (from the decoder), K and V $[2,7,8,64]$ (from the encoder), scores $[2,8,5,7]$, output $[2,5,512]$ (the query's width). Only the source padding mask applies (broadcast as $[2,1,1,7]$), no causal mask. Parameters: Q $512\cdot512+512=262{,}656$, K and V $768\cdot512+512=393{,}728$ each, output $512\cdot512+512=262{,}656$, total $1{,}312{,}768$.`,
      },
      full: {
        zh: String.raw`**形状。** 解码器状态 $X\in\mathbb R^{2\times5\times512}$，编码器输出 $H\in\mathbb R^{2\times7\times768}$。
- $Q=XW_Q$：$[2,5,8,64]$；$K=HW_K$、$V=HW_V$：$[2,7,8,64]$（Keras 的核形状分别是 $[512,8,64]$ 和 $[768,8,64]$）；
- 分数 $QK^\top/\sqrt{64}$：$[2,8,5,7]$——每个目标位置对每个源位置；
- 输出投影回查询的宽度：$[2,5,512]$，可以直接与解码器的残差相加。

**掩码。** 源端填充掩码 $[2,7]$ 广播为 $[2,1,1,7]$（或 $[2,5,7]$），让填充的源词元得到 0 权重。不用因果掩码：整个源句在解码开始前就已知。目标端填充行（如果有）之后会在损失中被忽略。

**参数量。**
- Q：$512\cdot(8\cdot64)+8\cdot64=262{,}656$；
- K：$768\cdot512+512=393{,}728$；V 相同；
- 输出：$512\cdot512+512=262{,}656$。
合计 $1{,}312{,}768$。用 Keras 的通式 $HK(d_q+d_k)+HVd_v+HVO+(2HK+HV+O)$，$H=8,K=V=64,d_q=512,d_k=d_v=768,O=512$：$655{,}360+393{,}216+262{,}144+2{,}048=1{,}312{,}768$。与自注意力（$4\cdot(512^2+512)=1{,}050{,}624$）相比，多出的 $262{,}144$ 来自 K、V 的输入宽度 768。参数量与两个序列的长度都无关。`,
        en: String.raw`**Shapes.** Decoder states $X\in\mathbb R^{2\times5\times512}$, encoder output $H\in\mathbb R^{2\times7\times768}$.
- $Q=XW_Q$: $[2,5,8,64]$; $K=HW_K$ and $V=HW_V$: $[2,7,8,64]$ (Keras kernels of shape $[512,8,64]$ and $[768,8,64]$);
- scores $QK^\top/\sqrt{64}$: $[2,8,5,7]$ — every target position against every source position;
- the output projects back to the query's width: $[2,5,512]$, ready for the decoder's residual add.

**Masks.** The source padding mask $[2,7]$ broadcasts as $[2,1,1,7]$ (or $[2,5,7]$) so padded source tokens get weight 0. No causal mask: the whole source is known before decoding starts. Padded target rows, if any, are ignored later in the loss.

**Parameter count.**
- Q: $512\cdot(8\cdot64)+8\cdot64=262{,}656$;
- K: $768\cdot512+512=393{,}728$; V the same;
- output: $512\cdot512+512=262{,}656$.
Total $1{,}312{,}768$. With Keras's general formula $HK(d_q+d_k)+HVd_v+HVO+(2HK+HV+O)$ for $H=8,K=V=64,d_q=512,d_k=d_v=768,O=512$: $655{,}360+393{,}216+262{,}144+2{,}048=1{,}312{,}768$. Against self-attention ($4\cdot(512^2+512)=1{,}050{,}624$), the extra $262{,}144$ comes from the K and V input width 768. The count depends on neither sequence length.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'MultiHeadAttention', test: 'packages/softmax-attention/src/layers/multi-head-attention.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'MultiHeadAttention layer (Keras API)', url: 'https://keras.io/api/layers/attention_layers/multi_head_attention/' },
    ],
  },
  {
    id: 'attn-cross-attention-no-causal-mask',
    topic: 'attention-softmax',
    subtopic: 'cross-attention',
    tags: ['cross-attention', 'encoder-decoder', 'causal-mask', 'kv-cache'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: String.raw`编码器–解码器 Transformer 中，解码器的交叉注意力需要因果掩码吗？究竟什么会泄漏未来信息？生成时交叉注意力缓存什么？`,
      en: String.raw`In an encoder–decoder Transformer, does the decoder's cross-attention need a causal mask? What exactly would leak future information, and what does cross-attention cache during generation?`,
    },
    answer: {
      short: {
        zh: String.raw`不需要。因果性针对的是目标端：解码器不能看到当前位置之后的目标词元，而它们只通过解码器的自注意力进入（那里要因果掩码）。交叉注意力的键和值来自源句的编码，解码前就完全已知；给它加因果掩码反而会遮住源句后半部分。生成时每层的交叉注意力 K、V 对每个源句只算一次，自注意力的 K、V 才随生成增长。`,
        en: String.raw`No. Causality concerns the target side: the decoder must not see target tokens after the current one, and those enter only through the decoder's self-attention (which is causally masked). Cross-attention keys and values come from the encoded source, fully known before decoding; a causal mask there would hide the later part of the source. During generation each layer's cross-attention K and V are computed once per source sentence; only the self-attention K and V grow.`,
      },
      full: {
        zh: String.raw`**信息从哪里来。** 训练时（teacher forcing）解码器输入是右移一位的目标序列 $y_{<t}$。未来信息只可能来自 $y_{\ge t}$，它们只出现在解码器自注意力的键和值中，所以因果掩码加在那里。交叉注意力的键和值是编码器对整句源文本的表示，与目标无关。

**如果给交叉注意力加了因果掩码。** 目标位置 $i$ 只能看源位置 $\le i$：长源句的后半部分对前面的目标词元不可见，翻译质量下降；当源、目标长度不同时，这个 $n_{tgt}\times n_{tgt}$ 的掩码通常还会与 $n_{tgt}\times n_{src}$ 的分数形状不符。

**真正的泄漏来源。**
- 解码器自注意力漏掉因果掩码；
- 解码器输入没有右移，模型直接复制标签；
- 左填充加因果掩码时位置错位；
- 把目标端信息拼进编码器输入。

**生成时的缓存。** 交叉注意力：每层 $K=HW_K$、$V=HW_V$ 只依赖编码器输出 $H$，整句生成只算一次（大小 $2\cdot n_{src}\cdot d$ 每层，固定）；自注意力：每生成一个词元追加一行 K、V（KV cache）。`,
        en: String.raw`**Where information comes from.** In training (teacher forcing) the decoder input is the target shifted right, $y_{<t}$. Future information can only come from $y_{\ge t}$, which appears only among the keys and values of the decoder's self-attention, so that is where the causal mask goes. Cross-attention keys and values are the encoder's representation of the whole source, unrelated to the target.

**If cross-attention is causally masked.** Target position $i$ sees only source positions $\le i$: the end of a long source is hidden from early target tokens and translations suffer; with different source and target lengths, the $n_{tgt}\times n_{tgt}$ mask usually does not even fit the $n_{tgt}\times n_{src}$ scores.

**Real sources of leakage.**
- a missing causal mask in decoder self-attention;
- a decoder input that is not shifted right, so the model copies the label;
- misaligned positions with left padding and a causal mask;
- target-side information concatenated into the encoder input.

**Caching during generation.** Cross-attention: each layer's $K=HW_K$ and $V=HW_V$ depend only on the encoder output $H$ and are computed once per generated sequence ($2\cdot n_{src}\cdot d$ values per layer, fixed); self-attention: one more row of K and V per generated token (the KV cache).`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`解码器里的所有注意力（包括交叉注意力）都必须加因果掩码，否则会泄漏答案。`,
          en: String.raw`Every attention in the decoder, cross-attention included, needs a causal mask or the answer leaks.`,
        },
        correction: {
          zh: String.raw`交叉注意力看的是源句，解码前完全已知，只需屏蔽源端填充；因果掩码只属于解码器的自注意力。`,
          en: String.raw`Cross-attention looks at the source, fully known before decoding, and needs only the source padding mask; the causal mask belongs to decoder self-attention alone.`,
        },
      },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'BART: Denoising Sequence-to-Sequence Pre-training for Natural Language Generation, Translation, and Comprehension', authors: 'Lewis et al.', year: 2019, arxiv: '1910.13461' },
    ],
  },
  {
    id: 'attn-debug-cross-attention-mask',
    topic: 'attention-softmax',
    subtopic: 'cross-attention',
    tags: ['cross-attention', 'debugging', 'masking', 'encoder-decoder'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`一个玩具翻译模型在等长的句对上训练得很好；换成真实数据（源、目标长度不同）后抛出广播错误。有人把两边都填充到同一长度“修好”了，模型能训练，但翻译很差，长源句的后半部分经常被忽略。代码里两个解码器注意力都用同一个 mask = causal & targetPadding。哪里错了？怎么修、怎么测？`,
      en: String.raw`A toy translation model trains well on sentence pairs of equal length; on real data (source and target lengths differ) it throws a broadcast error. Someone "fixes" it by padding both sides to one length: the model now trains but translates badly, often ignoring the end of long sources. The code passes the same mask = causal & targetPadding to both decoder attentions. What is wrong, how do you fix it, and how do you test it?`,
    },
    answer: {
      short: {
        zh: String.raw`解码器自注意力的掩码（$n_{tgt}\times n_{tgt}$，因果且屏蔽目标填充）被原样传给了交叉注意力，而交叉注意力需要的是 $n_{tgt}\times n_{src}$、只屏蔽源端填充的掩码。等长时形状碰巧对上，错误被掩盖：目标位置 $i$ 只能看源位置 $\le i$，而且源端被套用了目标的填充模式。修复：两个掩码分开构造；测试：用不同长度的源和目标，检查交叉注意力权重在 $j>i$ 的源位置上不为 0、在源填充上为 0。`,
        en: String.raw`The decoder self-attention mask ($n_{tgt}\times n_{tgt}$, causal with target padding) was passed unchanged to cross-attention, which needs an $n_{tgt}\times n_{src}$ mask of source padding only. With equal lengths the shapes happen to match and hide the bug: target position $i$ sees only source positions $\le i$, and the source is masked with the target's padding pattern. Fix: build the two masks separately; test with different source and target lengths that cross-attention weights are non-zero at source positions $j>i$ and zero on source padding.`,
      },
      full: {
        zh: String.raw`**诊断。**
- 广播错误说明掩码形状 $[n_{tgt},n_{tgt}]$ 与分数 $[n_{tgt},n_{src}]$ 不符——它本来就不该用于交叉注意力。
- 填充到同一长度后形状对上了，但语义错了：交叉注意力的第 $i$ 行只允许源位置 $j\le i$（因果），并且源位置 $j$ 是否可见取决于**目标**第 $j$ 个位置是否是填充。源句越长，被遮住的后半部分越多，正是“忽略长源句结尾”的症状。
- 打印一个例子的交叉注意力权重就能看出：右上三角全是 0。

**修复。**

    // 解码器自注意力：因果 & 目标填充，[B, n_tgt, n_tgt]
    const selfMask = tf.logicalAnd(causalMask(nTgt, nTgt).cast('bool'), tgtKeep.expandDims(1));
    // 交叉注意力：只屏蔽源端填充，[B, 1, n_src] 广播到每个目标查询
    const crossMask = srcKeep.expandDims(1);

去掉“两边填充到同一长度”的临时办法。

**测试。**
- 源、目标长度不同（如 7 和 5）时能构建并运行；
- 交叉注意力权重在源填充位置为 0，在 $j>i$ 的非填充源位置大于 0，每行在非填充源位置上和为 1；
- 把源句末尾的词换掉，前面目标位置的输出应当改变。`,
        en: String.raw`**Diagnosis.**
- The broadcast error says the mask's shape $[n_{tgt},n_{tgt}]$ does not fit the scores $[n_{tgt},n_{src}]$ — it never belonged in cross-attention.
- Padding both sides to one length makes the shapes fit but keeps the wrong meaning: row $i$ of cross-attention may only see source positions $j\le i$ (causal), and whether source position $j$ is visible depends on whether **target** position $j$ is padding. The longer the source, the more of its end is hidden — exactly the symptom of ignoring the end of long sources.
- Printing one example's cross-attention weights shows it: the upper-right triangle is all zeros.

**Fix.**

    // Decoder self-attention: causal & target padding, [B, n_tgt, n_tgt]
    const selfMask = tf.logicalAnd(causalMask(nTgt, nTgt).cast('bool'), tgtKeep.expandDims(1));
    // Cross-attention: source padding only, [B, 1, n_src] broadcast over target queries
    const crossMask = srcKeep.expandDims(1);

Drop the "pad both sides to one length" workaround.

**Tests.**
- Builds and runs with different source and target lengths (e.g. 7 and 5);
- cross-attention weights are 0 on source padding, positive at non-padded source positions $j>i$, and each row sums to 1 over the non-padded source;
- changing the last source word changes the outputs at early target positions.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'causalMask', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' },
      { title: 'MultiHeadAttention layer (Keras API)', url: 'https://keras.io/api/layers/attention_layers/multi_head_attention/' },
    ],
  },
  // ---------------------------------------------------------------------------------
  // Attention as explanation, and its limits
  // ---------------------------------------------------------------------------------
  {
    id: 'attn-explanation-faithfulness-tests',
    topic: 'attention-softmax',
    subtopic: 'interpretability',
    tags: ['interpretability', 'faithfulness', 'attention-weights', 'explanation'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: String.raw`Jain & Wallace（2019）与 Wiegreffe & Pinter（2019）对“注意力是不是解释”结论不同。双方各做了哪些实验、得出了什么？如果要检验你自己的分类器的注意力权重是否忠实，应该怎么做？`,
      en: String.raw`Jain & Wallace (2019) and Wiegreffe & Pinter (2019) disagree on whether attention is explanation. What experiments did each run and what did they conclude? How would you test whether the attention weights of your own classifier are faithful?`,
    },
    answer: {
      short: {
        zh: String.raw`Jain & Wallace：注意力与梯度、留一法重要性的相关性（Kendall $\tau$）往往很弱；打乱权重或构造差异很大的对抗分布，预测几乎不变——所以权重不唯一、不一定忠实。Wiegreffe & Pinter：对抗分布是逐样本构造的，不是一个模型；他们提出均匀权重基线、随机种子方差、用学到的权重指导无上下文 MLP、以及端到端训练的对抗模型等检验，结论是注意力在某些任务上可以是解释，关键在于定义。自己检验：删除检验、与梯度类归因对比、模型随机化的健全性检验。`,
        en: String.raw`Jain & Wallace: attention often correlates weakly (Kendall $\tau$) with gradient and leave-one-out importance, and permuted or very different adversarial distributions leave predictions nearly unchanged — so weights are not unique and not necessarily faithful. Wiegreffe & Pinter: those adversaries were built per example, not as a model; they propose a uniform-weights baseline, seed variance, guiding a context-free MLP with the learned weights, and an adversarial model trained end to end, and conclude that attention can be explanation for some tasks, depending on the definition. For your own model: erasure tests, comparison with gradient-based attributions, and model-randomization sanity checks.`,
      },
      full: {
        zh: String.raw`**Jain & Wallace（2019，“Attention is not Explanation”）。** 在 BiLSTM + 注意力的分类、问答和 NLI 模型上：
1. 注意力权重与基于梯度、留一法（删除一个词后输出的变化）的重要性之间的 Kendall $\tau$ 相关性通常很弱；
2. 随机打乱注意力权重，或为每个样本优化出与原分布 JS 散度很大的对抗分布，预测几乎不变。
结论：同一个预测可以对应非常不同的注意力图，注意力不能作为唯一、忠实的解释。

**Wiegreffe & Pinter（2019，“Attention is not not Explanation”）。** 指出对抗分布是逐样本自由选择的，并不来自一个训练好的模型；提出四项检验：
1. **均匀权重基线**：把权重固定为均匀仍能达到同样效果的任务，注意力本来就不必要，谈不上解释；
2. **随机种子方差**：不同种子训练出的注意力差别有多大，作为“差异很大”的参照；
3. **诊断 MLP**：把学到的权重交给一个没有上下文的模型使用，若比均匀权重好，说明权重携带任务信息；
4. **端到端对抗模型**：训练一个新模型，用 TVD 约束它的预测与原模型接近，同时用 KL 散度把它的注意力推离原模型的注意力；在部分数据集上能做到，但有代价。
结论：注意力在某些任务和架构上可以提供解释，取决于“解释”指看起来合理（plausible）还是忠实（faithful）。

**自己检验。**
- **删除检验**：按注意力从高到低删词，与按梯度、按随机顺序删比较，看多少个词后预测翻转（Serrano & Smith 2019 发现按梯度排序通常更快翻转）；
- **与其他归因比较**：积分梯度、梯度×输入，报告排序相关性；
- **健全性检验**：把模型权重随机化，若热力图几乎不变，它就没有反映模型；
- 同时看值向量范数和残差连接：权重大不等于贡献大。`,
        en: String.raw`**Jain & Wallace (2019, "Attention is not Explanation").** On BiLSTM-with-attention models for classification, QA and NLI:
1. Kendall $\tau$ between attention weights and gradient-based or leave-one-out importance (the output change when one token is removed) is usually weak;
2. randomly permuting the weights, or optimizing per example an adversarial distribution far from the original in JS divergence, barely changes the prediction.
Conclusion: one prediction can go with very different attention maps, so attention cannot serve as a unique, faithful explanation.

**Wiegreffe & Pinter (2019, "Attention is not not Explanation").** The adversarial distributions were chosen freely per example, not produced by a trained model; they propose four tests:
1. **Uniform-weights baseline**: where fixing the weights to uniform does as well, attention was never needed, so there is nothing to explain;
2. **Seed variance**: how much attention differs across random seeds, as the yardstick for "very different";
3. **Diagnostic MLP**: hand the learned weights to a context-free model; if they beat uniform weights, they carry task information;
4. **End-to-end adversary**: train a new model whose predictions are kept close to the original's in TVD while a KL term pushes its attention away from the original's; possible on some datasets, at a cost.
Conclusion: attention can be explanation for some tasks and architectures, depending on whether "explanation" means plausible or faithful.

**Testing your own model.**
- **Erasure**: remove tokens in order of attention, of gradient importance and at random, and count how many removals flip the prediction (Serrano & Smith 2019 found gradient orderings usually flip it sooner);
- **Compare with other attributions**: integrated gradients, gradient×input; report rank correlation;
- **Sanity check**: randomize the model's weights; a heatmap that barely changes does not reflect the model;
- look at value norms and the residual path too: a large weight is not a large contribution.`,
      },
    },
    references: [
      { title: 'Attention is not Explanation', authors: 'Jain, Wallace', year: 2019, arxiv: '1902.10186' },
      { title: 'Attention is not not Explanation', authors: 'Wiegreffe, Pinter', year: 2019, arxiv: '1908.04626' },
      { title: 'Is Attention Interpretable?', authors: 'Serrano, Smith', year: 2019, arxiv: '1906.03731' },
    ],
  },
  {
    id: 'attn-explanation-value-norms',
    topic: 'attention-softmax',
    subtopic: 'interpretability',
    tags: ['interpretability', 'attention-weights', 'value-norm', 'explanation'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`某个头对三个词元的权重为 $\alpha=(0.7,0.2,0.1)$，它们的值向量为 $v_1=(0.1,0)$、$v_2=(0,2)$、$v_3=(1,0)$。计算输出和每个词元的贡献 $\|\alpha_jv_j\|$。热力图会突出哪个词元，实际贡献最大的是哪个？这说明读注意力权重时要注意什么？`,
      en: String.raw`A head gives three tokens the weights $\alpha=(0.7,0.2,0.1)$; their value vectors are $v_1=(0.1,0)$, $v_2=(0,2)$, $v_3=(1,0)$. Compute the output and each token's contribution $\|\alpha_jv_j\|$. Which token does the heatmap highlight, and which contributes most? What does this say about reading attention weights?`,
    },
    answer: {
      short: {
        zh: String.raw`输出 $=0.7(0.1,0)+0.2(0,2)+0.1(1,0)=(0.17,0.4)$。贡献 $\|\alpha_jv_j\|=(0.07,0.4,0.1)$：热力图突出词元 1（0.7），但贡献最大的是词元 2（0.4，是词元 1 的 5.7 倍）。权重只说明“往哪里看”，贡献还取决于值向量（以及 $W_O$ 和残差），所以应看 $\|\alpha_jf(x_j)\|$ 这类基于范数的量。`,
        en: String.raw`Output $=0.7(0.1,0)+0.2(0,2)+0.1(1,0)=(0.17,0.4)$. Contributions $\|\alpha_jv_j\|=(0.07,0.4,0.1)$: the heatmap highlights token 1 (0.7), but token 2 contributes most (0.4, 5.7× token 1). Weights say where the head looked; the contribution also depends on the value vector (and on $W_O$ and the residual path), so norm-based quantities like $\|\alpha_jf(x_j)\|$ are the better read.`,
      },
      full: {
        zh: String.raw`**计算。**
$$\mathrm{out}=\sum_j\alpha_jv_j=0.7\cdot(0.1,0)+0.2\cdot(0,2)+0.1\cdot(1,0)=(0.07+0.1,\;0.4)=(0.17,0.4).$$
各项 $\alpha_jv_j$：$(0.07,0)$、$(0,0.4)$、$(0.1,0)$，范数 $0.07,0.4,0.1$。按权重排序为 1 > 2 > 3，按贡献排序为 2 > 3 > 1：权重最大的词元贡献最小。

**含义。**
- 注意力输出是值向量的加权和；权重大但值向量范数小的词元几乎不影响输出。Kobayashi 等（2020）在 BERT 中发现：大量注意力落在 [SEP]、标点等词元上，而它们变换后的值向量范数很小——按范数分析，这些“注意力”几乎不贡献。
- 完整的贡献还要经过 $W_V$、$W_O$：应看 $\|\alpha_j\,W_O^\top W_V^\top x_j\|$；再加上残差连接，注意力子层的输出只是残差流的一部分。
- 多层、多头时，信息在层间混合，单层权重更难解读（attention rollout / flow 试图跨层汇总）。

**实践。** 解释模型时同时报告权重和 $\|\alpha_jf(x_j)\|$；用删除检验确认；不要把热力图当作因果证据。`,
        en: String.raw`**Computation.**
$$\mathrm{out}=\sum_j\alpha_jv_j=0.7\cdot(0.1,0)+0.2\cdot(0,2)+0.1\cdot(1,0)=(0.07+0.1,\;0.4)=(0.17,0.4).$$
The terms $\alpha_jv_j$ are $(0.07,0)$, $(0,0.4)$, $(0.1,0)$, with norms $0.07,0.4,0.1$. By weight the order is 1 > 2 > 3; by contribution 2 > 3 > 1: the most attended token contributes least.

**What it means.**
- The attention output is a weighted sum of values; a token with a large weight but a small value norm barely moves the output. Kobayashi et al. (2020) found in BERT that much attention lands on [SEP], punctuation and similar tokens whose transformed value vectors are small — by norm, that attention contributes almost nothing.
- The full contribution passes through $W_V$ and $W_O$: look at $\|\alpha_j\,W_O^\top W_V^\top x_j\|$; with the residual connection, the attention sublayer's output is only part of the residual stream.
- Across layers and heads information mixes, and single-layer weights are even harder to read (attention rollout / flow try to aggregate across layers).

**Practice.** When explaining a model, report both the weights and $\|\alpha_jf(x_j)\|$, confirm with erasure tests, and do not present a heatmap as causal evidence.`,
      },
    },
    misconceptions: [
      {
        claim: {
          zh: String.raw`注意力权重最大的词元就是对输出影响最大的词元。`,
          en: String.raw`The token with the largest attention weight is the one that influences the output most.`,
        },
        correction: {
          zh: String.raw`影响取决于 $\alpha_j$ 与（变换后的）值向量范数的乘积；本例中权重 0.7 的词元贡献 0.07，权重 0.2 的词元贡献 0.4。`,
          en: String.raw`Influence depends on $\alpha_j$ times the norm of the (transformed) value; here the token with weight 0.7 contributes 0.07 and the one with weight 0.2 contributes 0.4.`,
        },
      },
    ],
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/online-softmax-check.test.ts', status: 'verified' },
    ],
    references: [
      { title: 'Attention is Not Only a Weight: Analyzing Transformers with Vector Norms', authors: 'Kobayashi, Kuribayashi, Yokoi, Inui', year: 2020, arxiv: '2004.10102' },
      { title: 'Quantifying Attention Flow in Transformers', authors: 'Abnar, Zuidema', year: 2020, arxiv: '2005.00928' },
    ],
  },
  {
    id: 'attn-debug-uniform-attention-baseline',
    topic: 'attention-softmax',
    subtopic: 'interpretability',
    tags: ['interpretability', 'debugging', 'attention-weights', 'baseline'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`你的注意力文本分类器的热力图看起来很有说服力，业务方想把它们当作解释展示给用户。你在推理时把学到的注意力权重换成均匀权重（对非填充词元做均值池化），准确率几乎不变，差异在不同随机种子的波动范围之内。这说明了什么？展示热力图之前应该做什么？`,
      en: String.raw`Your attention text classifier's heatmaps look convincing, and stakeholders want to show them to users as explanations. At inference you replace the learned attention weights by uniform ones (mean pooling over non-padded tokens) and accuracy barely changes — within the variation across random seeds. What does this tell you, and what should you do before showing heatmaps?`,
    },
    answer: {
      short: {
        zh: String.raw`这个任务不需要注意力：怎么加权几乎不影响预测，权重因此是欠定的——许多不同的权重都给出相同的结果，热力图看起来合理却不是模型依赖什么的证据（Wiegreffe & Pinter 的均匀基线）。应当：如实说明注意力对该任务不必要；用删除检验和梯度类归因评估解释；检查不同种子下热力图是否稳定；若解释是产品需求，改用为解释设计的方法并用 ERASER 等指标评估。`,
        en: String.raw`The task does not need attention: how tokens are weighted barely affects the prediction, so the weights are under-determined — many weightings give the same output, and the heatmap may look plausible without showing what the model relies on (Wiegreffe & Pinter's uniform baseline). Do this: state plainly that attention is not needed for this task; evaluate explanations with erasure tests and gradient-based attributions; check whether heatmaps are stable across seeds; if explanations are a product requirement, use methods designed for them and evaluate with metrics such as ERASER's.`,
      },
      full: {
        zh: String.raw`**诊断。** 均匀权重和学到的权重准确率一样，说明对这个任务来说池化方式几乎无关紧要：词袋式的平均已经足够。此时训练目标对注意力分布几乎没有约束，学到的权重可以是许多可能分布中的任意一个；它看起来“合理”（落在情感词上）也可能只是因为这些词的嵌入范数大或出现频繁。这正是 Wiegreffe & Pinter 的第一项检验：先证明注意力是必要的，才谈得上用它解释。

**再做几项检查。**
1. **种子方差**：用不同随机种子训练几次，若准确率相同而热力图差别很大，热力图就不是稳定的解释。
2. **删除检验**：按注意力从高到低删除词元，与随机删除、按梯度删除比较预测翻转的速度。
3. **其他归因**：积分梯度、梯度×输入；计算与注意力排序的相关性。
4. **掩码**：确认填充被屏蔽，真实词元上的权重和为 1，否则热力图本身就有偏差。

**如果解释是产品需求。** 使用专为此设计的方法，例如先选出理由片段、再只用它分类的模型（Lei 等，2016），并用 ERASER 的完整性（comprehensiveness）和充分性（sufficiency）指标评估；对用户的表述要写成“模型汇聚信息的位置”，而不是“模型做出判断的原因”。`,
        en: String.raw`**Diagnosis.** Uniform and learned weights give the same accuracy, so the pooling hardly matters for this task: a bag-of-words average is enough. The training objective then barely constrains the attention distribution, and the learned weights can be any of many possible ones; that they look plausible (landing on sentiment words) may just reflect large embedding norms or frequent words. This is Wiegreffe & Pinter's first test: show that attention is necessary before using it as an explanation.

**Further checks.**
1. **Seed variance**: train several seeds; if accuracy is the same while the heatmaps differ a lot, the heatmaps are not stable explanations.
2. **Erasure**: remove tokens in order of attention and compare how fast the prediction flips against random and gradient orderings.
3. **Other attributions**: integrated gradients, gradient×input; compute rank correlation with attention.
4. **Masking**: make sure padding is masked and the weights over real tokens sum to 1, or the heatmap itself is skewed.

**If explanations are a product requirement.** Use methods built for it, e.g. models that first select a rationale and then classify from it alone (Lei et al., 2016), and evaluate with ERASER's comprehensiveness and sufficiency metrics; tell users "where the model pooled information", not "why the model decided".`,
      },
    },
    references: [
      { title: 'Attention is not not Explanation', authors: 'Wiegreffe, Pinter', year: 2019, arxiv: '1908.04626' },
      { title: 'Attention is not Explanation', authors: 'Jain, Wallace', year: 2019, arxiv: '1902.10186' },
      { title: 'ERASER: A Benchmark to Evaluate Rationalized NLP Models', authors: 'DeYoung et al.', year: 2019, arxiv: '1911.03429' },
      { title: 'Rationalizing Neural Predictions', authors: 'Lei, Barzilay, Jaakkola', year: 2016, arxiv: '1606.04155' },
    ],
  },
];
