import type { Question } from '../schema.js';

/**
 * Questions of the `attention-softmax` chapter (seed chapter 4): softmax and its
 * gradients, numerics, scaled dot-product and multi-head attention, masking, positional
 * encodings, attention pooling, large-vocabulary softmax, efficient attention and debugging.
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
- 概率可能下溢：float32 中 $s_i<1.4\times10^{-45}$（即 $z_i-\max z<-103.3$）时 softmax 返回 0，$\log0=-\infty$，损失为 inf，梯度 NaN。log-softmax 则返回有限值 $z_i-\mathrm{LSE}$，比如 $-150$。
- 融合后的梯度 $s-y$ 精确且便宜。
- 代码：logSoftmax(x) = x − m − log(sum(exp(x − m)))；Keras 里用 from_logits=True；tfjs 里用 tf.logSoftmax 或 tf.losses.softmaxCrossEntropy。

附：LSE 是 max 的光滑近似，$\max z\le\mathrm{LSE}(z)\le\max z+\log n$。`,
        en: String.raw`$\mathrm{LSE}(z)=\log\sum_ie^{z_i}=m+\log\sum_ie^{z_i-m}$ with $m=\max_iz_i$.

Naively, $e^{1000}$ overflows even in float64 (the largest representable exponent is about 709.78), giving inf and then inf − inf = NaN. Shifted: $1+e^{-1}+e^{-2}=1+0.36788+0.13534=1.50321$, $\ln1.50321=0.40761$, so $\mathrm{LSE}=1002.40761$.

Log-softmax $z_i-\mathrm{LSE}$: $(-2.4076,-1.4076,-0.4076)$; exponentiating gives $(0.0900,0.2447,0.6652)$, which sums to 1.

**Why log-softmax for the loss.**
- Probabilities can underflow: in float32, when $s_i<1.4\times10^{-45}$ (i.e. $z_i-\max z<-103.3$), softmax returns 0 and $\log0=-\infty$ — infinite loss, NaN gradients. Log-softmax returns the finite $z_i-\mathrm{LSE}$, e.g. $-150$.
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
        zh: String.raw`float32 中 $z>\ln(3.40\times10^{38})\approx88.72$ 时上溢，float16 中 $z>\ln65504\approx11.09$ 就上溢；下溢为 0 的阈值约为 $-103.3$（float32，含次正规数）和 $-16.6$（float16）。因此注意力分数和 softmax 要先减最大值，并最好在 float32 中计算。`,
        en: String.raw`exp overflows for $z>\ln(3.40\times10^{38})\approx88.72$ in float32 but already for $z>\ln65504\approx11.09$ in float16; it underflows to 0 below about $-103.3$ (float32, with subnormals) and $-16.6$ (float16). So attention scores and softmax must subtract the max and are best computed in float32.`,
      },
      full: {
        zh: String.raw`阈值就是最大有限值与最小正数的自然对数：

| 格式 | 最大有限值 | $z>$ 时上溢 | 最小次正规数 | $z<$ 时为 0 |
|---|---|---|---|---|
| float32 | $3.40\times10^{38}$ | 88.72 | $1.40\times10^{-45}$ | −103.28 |
| float16 | 65504 | 11.09 | $5.96\times10^{-8}$ | −16.64 |

（float16 的最小正规数为 $6.10\times10^{-5}$，对应 $z\approx-9.70$，再往下精度逐渐丢失。）

**影响。**
- 减去最大值可以在任何格式下消除上溢（最大指数为 0），但 float16 中很多小概率会直接变成 0，大量项求和也会损失精度（float16 在 1 附近的间隔是 $2^{-10}\approx0.001$）。
- 未缩放的分数 $q^\top k$ 在 $d_k$ 较大或激活较大时本身就可能超过 65504，变成 inf，随后 inf − inf = NaN。
- $-10^9$ 这种掩码常数在 float16 中无法表示，会变成 $-\infty$。
- 实践：混合精度方案把 softmax、log-sum-exp 和损失保留在 float32（TensorFlow 混合精度指南建议模型最后的 softmax 输出用 float32；Micikevicius 等，2017）。bfloat16 的指数范围与 float32 相同（最大约 $3.39\times10^{38}$），但有效精度只有 8 位。`,
        en: String.raw`The thresholds are the natural logs of the largest finite and the smallest positive values:

| format | max finite | overflow for $z>$ | smallest subnormal | zero for $z<$ |
|---|---|---|---|---|
| float32 | $3.40\times10^{38}$ | 88.72 | $1.40\times10^{-45}$ | −103.28 |
| float16 | 65504 | 11.09 | $5.96\times10^{-8}$ | −16.64 |

(float16's smallest normal number is $6.10\times10^{-5}$, i.e. $z\approx-9.70$; below that precision degrades.)

**Consequences.**
- Subtracting the max removes overflow in every format (the largest exponent is 0), but in float16 many small probabilities flush to 0 and long sums lose precision (float16 spacing near 1 is $2^{-10}\approx0.001$).
- Unscaled scores $q^\top k$ can themselves exceed 65504 for large $d_k$ or large activations, becoming inf, and then inf − inf = NaN.
- Mask constants like $-10^9$ are not representable in float16; they become $-\infty$.
- Practice: mixed-precision recipes keep softmax, log-sum-exp and the loss in float32 (the TensorFlow mixed-precision guide recommends a float32 softmax output; Micikevicius et al., 2017). bfloat16 has float32's exponent range (max about $3.39\times10^{38}$) but only 8 bits of precision.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
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
- 在 float32 中把 $c$ *加*到分数上：$10^9$ 附近的 float32 间隔是 64，$-10^9+s$ 会丢掉 $s$。对被屏蔽位置无所谓，但若掩码极性反了，所有有效分数都塌缩成同一个值 → 注意力均匀。
- float16 的最大绝对值是 65504，$-10^9\to-\infty$，NaN 又回来了；应使用如 $-10^4$ 的常数或掩码填充，或在 float32 中做 softmax。即使用 dtype 的最小值 $-65504$，再加上一个足够负的分数也可能舍入为 $-\infty$。
- 用乘法代替加法（$S\odot m$，而 $m$ 中含 $-\infty$）会得到 $0\cdot(-\infty)=$ NaN。
- 事后用 where(mask, softmax, 0) 替换 NaN 只修好了前向：未被选中的分支在反向仍传回 $0\times\mathrm{NaN}=$ NaN。应该在输入端防护。

全屏蔽行的来源：全是填充的序列；左侧填充加因果掩码（第一个查询只能看自己，而它是填充）；对空的 memory 做交叉注意力。`,
        en: String.raw`Row $z=(2,-\infty,-\infty)$ is fine: $s=(1,0,0)$. Row $(-\infty,-\infty,-\infty)$: the max is $-\infty$ and $z-m=\mathrm{NaN}$; even without the max, $\sum e^{z}=0$ and $0/0=$ NaN. One NaN anywhere in the batch makes the loss and every gradient NaN.

**Finite constant $c=-10^9$ (filled in).** A fully masked row has all scores equal → uniform $1/n$, and the output is the mean of the masked values: finite, and if that query is itself padding its output is ignored later. For partially masked rows $e^{c-m}$ is exactly 0 in float32, so the result equals $-\infty$ masking.

**Pitfalls.**
- *Adding* $c$ to scores in float32: the float32 spacing near $10^9$ is 64, so $-10^9+s$ loses $s$. Harmless at masked positions, but if the mask polarity is inverted every valid score collapses to the same value → uniform attention.
- float16's largest magnitude is 65504, so $-10^9\to-\infty$ and the NaN is back; use a constant such as $-10^4$ or a masked fill, or do the softmax in float32. Even the dtype minimum $-65504$ plus a sufficiently negative score can round to $-\infty$.
- Multiplying instead of adding ($S\odot m$ with $-\infty$ entries in $m$) gives $0\cdot(-\infty)=$ NaN.
- Replacing NaN afterwards with where(mask, softmax, 0) fixes only the forward pass: the unselected branch still back-propagates $0\times\mathrm{NaN}=$ NaN. Guard the input instead.

Where fully masked rows come from: all-padding sequences, left padding combined with a causal mask (the first query only sees itself, which is padding), cross-attention to an empty memory.`,
      },
    },
    verification: [
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
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
      { package: '@dl/softmax-attention', export: 'PositionalEmbedding', test: 'packages/softmax-attention/src/layers/positional-embedding.test.ts', status: 'verified' },
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
      { package: '@dl/softmax-attention', export: 'PositionalEmbedding', test: 'packages/softmax-attention/src/layers/positional-embedding.test.ts', status: 'verified' },
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
      { package: '@dl/softmax-attention', export: 'scaledDotProductAttention', test: 'packages/softmax-attention/src/ops/attention.test.ts', status: 'verified' },
      { package: '@dl/softmax-attention', export: 'softmax', test: 'packages/softmax-attention/src/ops/softmax.test.ts', status: 'verified' },
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
3. **掩码算术。** 给所有位置都加了 $-10^9$（掩码极性反了，或形状广播错了）：float32 在 $10^9$ 附近的间隔是 64，所有分数塌缩成同一个值 → 恰好均匀（或注意力反而全落在填充上）。
4. **分数与键无关。** 只用查询打分（$w^\top q$）、用加法代替点积的广播错误、所有键都相同（位置信息丢失、键是同一个填充词、表示坍缩）。
5. **全屏蔽行**配合有限常数时，本来就会得到均匀分布。
6. **确实没有信息**：训练早期，或任务不需要注意力也能解决。

**排查。** 断言权重形状为 $(B,h,n_q,n_k)$ 且沿键轴和为 1；逐层打印分数标准差（应为 $O(1)$）；单元测试：放一个与查询相同的键，它应得到最大权重；检查 $W_Q,W_K$ 的梯度范数。

**关于 $\sqrt{d_k}$：** 缺少缩放会使分数标准差变为 $\sqrt{d_k}$，softmax 饱和成接近 one-hot——症状相反。`,
        en: String.raw`First quantify: a uniform distribution over $n$ keys has entropy $\ln n$ (4.85 nats for $n=128$); log the attention entropy per head.

**Causes.**
1. **Wrong softmax axis.** Scores from Dense(1) have shape $(B,T,1)$; softmax defaults to the last axis, which has size 1 → every weight is exactly 1 and pooling becomes a sum. Squeeze first or use axis=1. A softmax over the batch or head axis gives normalized-but-meaningless weights.
2. **Over-scaling.** Dividing by $d_k$ instead of $\sqrt{d_k}$, scaling both in the initialization and in the op, or too high a temperature: the scores' std is about $1/\sqrt{d_k}$, attention is nearly uniform, and the gradients to $W_Q,W_K$ are divided once more as well.
3. **Mask arithmetic.** Adding $-10^9$ at every position (inverted polarity, or a mask broadcast along the wrong axis): the float32 spacing near $10^9$ is 64, so all scores collapse to the same value → exactly uniform (or attention lands on padding instead).
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
];
