import type { Question, Reference, Verification } from '../schema.js';

// ---------------------------------------------------------------------------
// Shared references (primary sources, official docs, textbooks).
// ---------------------------------------------------------------------------

const panYang: Reference = {
  title: 'A Survey on Transfer Learning',
  authors: 'Pan & Yang',
  year: 2010,
  url: 'https://doi.org/10.1109/TKDE.2009.191',
};
const yosinski: Reference = {
  title: 'How transferable are features in deep neural networks?',
  authors: 'Yosinski et al.',
  year: 2014,
  arxiv: '1411.1792',
};
const dlBookRepresentation: Reference = {
  title: 'Deep Learning, Chapter 15 (15.2 Transfer Learning and Domain Adaptation)',
  authors: 'Goodfellow, Bengio & Courville',
  year: 2016,
  url: 'https://www.deeplearningbook.org/contents/representation.html',
};
const dlBookRegularization: Reference = {
  title: 'Deep Learning, Chapter 7 (7.11 Bagging and Other Ensemble Methods)',
  authors: 'Goodfellow, Bengio & Courville',
  year: 2016,
  url: 'https://www.deeplearningbook.org/contents/regularization.html',
};
const kerasTransferGuide: Reference = {
  title: 'Transfer learning & fine-tuning (Keras developer guide)',
  authors: 'Chollet',
  url: 'https://keras.io/guides/transfer_learning/',
};
const tfTransferTutorial: Reference = {
  title: 'Transfer learning and fine-tuning (TensorFlow tutorial)',
  url: 'https://www.tensorflow.org/tutorials/images/transfer_learning',
};
const cs231nTransfer: Reference = {
  title: 'CS231n: Transfer Learning',
  url: 'https://cs231n.github.io/transfer-learning/',
};
const kerasVgg: Reference = {
  title: 'Keras Applications: VGG16 and VGG19',
  url: 'https://keras.io/api/applications/vgg/',
};
const kerasMobileNet: Reference = {
  title: 'Keras Applications: MobileNet, MobileNetV2 and MobileNetV3',
  url: 'https://keras.io/api/applications/mobilenet/',
};
const tfjsApi: Reference = {
  title: 'TensorFlow.js API reference (Layers)',
  url: 'https://js.tensorflow.org/api/latest/',
};
const ulmfit: Reference = {
  title: 'Universal Language Model Fine-tuning for Text Classification',
  authors: 'Howard & Ruder',
  year: 2018,
  arxiv: '1801.06146',
};
const bert: Reference = {
  title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
  authors: 'Devlin et al.',
  year: 2019,
  arxiv: '1810.04805',
};
const elmo: Reference = {
  title: 'Deep contextualized word representations',
  authors: 'Peters et al.',
  year: 2018,
  arxiv: '1802.05365',
};
const dontStopPretraining: Reference = {
  title: "Don't Stop Pretraining: Adapt Language Models to Domains and Tasks",
  authors: 'Gururangan et al.',
  year: 2020,
  arxiv: '2004.10964',
};
const resnet: Reference = {
  title: 'Deep Residual Learning for Image Recognition',
  authors: 'He et al.',
  year: 2016,
  arxiv: '1512.03385',
};
const edsr: Reference = {
  title: 'Enhanced Deep Residual Networks for Single Image Super-Resolution',
  authors: 'Lim et al.',
  year: 2017,
  arxiv: '1707.02921',
};
const multimodalSurvey: Reference = {
  title: 'Multimodal Machine Learning: A Survey and Taxonomy',
  authors: 'Baltrušaitis, Ahuja & Morency',
  year: 2017,
  arxiv: '1705.09406',
};
const transfusion: Reference = {
  title: 'Transfusion: Understanding Transfer Learning for Medical Imaging',
  authors: 'Raghu et al.',
  year: 2019,
  arxiv: '1902.07208',
};
const deepEnsembles: Reference = {
  title: 'Simple and Scalable Predictive Uncertainty Estimation using Deep Ensembles',
  authors: 'Lakshminarayanan, Pritzel & Blundell',
  year: 2017,
  arxiv: '1612.01474',
};
const ensembleLandscape: Reference = {
  title: 'Deep Ensembles: A Loss Landscape Perspective',
  authors: 'Fort, Hu & Lakshminarayanan',
  year: 2019,
  arxiv: '1912.02757',
};
const kornblith: Reference = {
  title: 'Do Better ImageNet Models Transfer Better?',
  authors: 'Kornblith, Shlens & Le',
  year: 2019,
  arxiv: '1805.08974',
};
const batchNorm: Reference = {
  title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
  authors: 'Ioffe & Szegedy',
  year: 2015,
  arxiv: '1502.03167',
};
const adaBN: Reference = {
  title: 'Revisiting Batch Normalization For Practical Domain Adaptation',
  authors: 'Li et al.',
  year: 2016,
  arxiv: '1603.04779',
};
const ewc: Reference = {
  title: 'Overcoming catastrophic forgetting in neural networks',
  authors: 'Kirkpatrick et al.',
  year: 2017,
  arxiv: '1612.00796',
};
const lwf: Reference = {
  title: 'Learning without Forgetting',
  authors: 'Li & Hoiem',
  year: 2016,
  arxiv: '1606.09282',
};
const dann: Reference = {
  title: 'Domain-Adversarial Training of Neural Networks',
  authors: 'Ganin et al.',
  year: 2016,
  arxiv: '1505.07818',
};
const l2sp: Reference = {
  title: 'Explicit Inductive Bias for Transfer Learning with Convolutional Networks',
  authors: 'Li, Grandvalet & Davoine',
  year: 2018,
  arxiv: '1802.01483',
};
const lpft: Reference = {
  title: 'Fine-Tuning can Distort Pretrained Features and Underperform Out-of-Distribution',
  authors: 'Kumar et al.',
  year: 2022,
  arxiv: '2202.10054',
};
const esl: Reference = {
  title: 'The Elements of Statistical Learning (2nd ed.), Ch. 8.7 Bagging, Ch. 10 Boosting, Ch. 15 Random Forests',
  authors: 'Hastie, Tibshirani & Friedman',
  year: 2009,
  url: 'https://hastie.su.domains/ElemStatLearn/',
};
const sklearnEnsembles: Reference = {
  title: 'scikit-learn User Guide: Ensembles (voting, stacking, bagging, boosting)',
  url: 'https://scikit-learn.org/stable/modules/ensemble.html',
};
const swa: Reference = {
  title: 'Averaging Weights Leads to Wider Optima and Better Generalization',
  authors: 'Izmailov et al.',
  year: 2018,
  arxiv: '1803.05407',
};
const modelSoups: Reference = {
  title: 'Model soups: averaging weights of multiple fine-tuned models improves accuracy without increasing inference time',
  authors: 'Wortsman et al.',
  year: 2022,
  arxiv: '2203.05482',
};
const linearModeConnectivity: Reference = {
  title: 'Linear Mode Connectivity and the Lottery Ticket Hypothesis',
  authors: 'Frankle et al.',
  year: 2020,
  arxiv: '1912.05671',
};
const gitReBasin: Reference = {
  title: 'Git Re-Basin: Merging Models modulo Permutation Symmetries',
  authors: 'Ainsworth, Hayase & Srinivasa',
  year: 2023,
  arxiv: '2209.04836',
};
const distillation: Reference = {
  title: 'Distilling the Knowledge in a Neural Network',
  authors: 'Hinton, Vinyals & Dean',
  year: 2015,
  arxiv: '1503.02531',
};
const calibration: Reference = {
  title: 'On Calibration of Modern Neural Networks',
  authors: 'Guo et al.',
  year: 2017,
  arxiv: '1706.04599',
};
const mtlOverview: Reference = {
  title: 'An Overview of Multi-Task Learning in Deep Neural Networks',
  authors: 'Ruder',
  year: 2017,
  arxiv: '1706.05098',
};
const uncertaintyWeighting: Reference = {
  title: 'Multi-Task Learning Using Uncertainty to Weigh Losses for Scene Geometry and Semantics',
  authors: 'Kendall, Gal & Cipolla',
  year: 2018,
  arxiv: '1705.07115',
};
const pcgrad: Reference = {
  title: 'Gradient Surgery for Multi-Task Learning',
  authors: 'Yu et al.',
  year: 2020,
  arxiv: '2001.06782',
};

// ---------------------------------------------------------------------------
// Verification targets in @dl/transfer-fusion (pending until the code lands).
// ---------------------------------------------------------------------------

const pending = (exportName: string, test: string): Verification => ({
  package: '@dl/transfer-fusion',
  export: exportName,
  test,
  status: 'pending',
});
const vTransferModel = pending('createTransferModel', 'packages/transfer-fusion/src/models/transfer-model.test.ts');
const vAverageWeights = pending('averageWeights', 'packages/transfer-fusion/src/ops/average-weights.test.ts');
const vAveragingEnsemble = pending(
  'createAveragingEnsemble',
  'packages/transfer-fusion/src/models/averaging-ensemble.test.ts',
);
const vStackingEnsemble = pending(
  'createStackingEnsemble',
  'packages/transfer-fusion/src/models/stacking-ensemble.test.ts',
);
const vFeatureFusion = pending('createFeatureFusionModel', 'packages/transfer-fusion/src/models/feature-fusion.test.ts');

/**
 * Questions of the `transfer-fusion` chapter: transfer learning (feature extraction,
 * fine-tuning, domain adaptation, forgetting) and model fusion (ensembles, stacking,
 * weight averaging, distillation, feature fusion). Seed chapter 8; errata rows 27-32.
 */
export const transferFusionQuestions: readonly Question[] = [
  // =========================================================================
  // Seed chapter 8, concept questions 1-7
  // =========================================================================
  {
    id: 'xfer-what-is-transfer-learning',
    topic: 'transfer-fusion',
    subtopic: 'transfer-basics',
    tags: ['transfer-learning', 'pretraining', 'negative-transfer'],
    kind: 'concept',
    difficulty: 1,
    seed: { chapter: 8, question: 1 },
    prompt: {
      zh: '什么是迁移学习？它在深度学习中起什么作用？',
      en: 'What is transfer learning, and what does it buy you in deep learning?',
    },
    answer: {
      short: {
        zh: '迁移学习把在源领域/源任务上学到的知识用于改进另一个目标领域/目标任务的学习；在深度学习中通常是从大规模数据上预训练好的网络出发，从而大幅减少目标任务所需的标注数据和算力。',
        en: 'Transfer learning reuses knowledge learned on a source domain or task to improve learning on a different target domain or task; in deep learning this usually means starting from a network pretrained on a large dataset, which cuts the labeled data and compute the target task needs.',
      },
      full: {
        zh: `**定义（Pan & Yang, 2010）。** 领域 $\\mathcal{D} = \\{\\mathcal{X}, P(X)\\}$ 由特征空间和边缘分布组成；任务 $\\mathcal{T} = \\{\\mathcal{Y}, f(\\cdot)\\}$ 由标签空间和预测函数（即 $P(Y\\mid X)$）组成。给定源 $(\\mathcal{D}_S, \\mathcal{T}_S)$ 与目标 $(\\mathcal{D}_T, \\mathcal{T}_T)$，且 $\\mathcal{D}_S \\ne \\mathcal{D}_T$ 或 $\\mathcal{T}_S \\ne \\mathcal{T}_T$，迁移学习利用源上的知识来提升目标预测函数 $f_T$ 的学习效果。

**为什么在深度网络里有效。** 在大规模、多样化数据（ImageNet、海量网页文本）上训练的网络会学到通用特征：卷积网络浅层学到边缘、纹理，语言模型学到句法和语义。复用这些特征可以带来：
- 目标任务所需的标注样本大大减少，收敛更快；
- 小数据集上的泛化往往优于从零训练（Yosinski et al., 2014）；
- 即使目标数据很多，预训练权重也是很好的初始化。

**典型流程。** 取预训练主干网络，换掉原任务的分类头，先在冻结的特征上训练新分类头，再视情况用较小学习率微调上层。

**注意。** 迁移并非总是有益：源和目标差异过大时收益很小甚至有害（**负迁移**）；此外，目标数据的预处理必须与预训练时完全一致。`,
        en: `**Definition (Pan & Yang, 2010).** A domain $\\mathcal{D} = \\{\\mathcal{X}, P(X)\\}$ is a feature space with a marginal distribution; a task $\\mathcal{T} = \\{\\mathcal{Y}, f(\\cdot)\\}$ is a label space with a predictive function (i.e. $P(Y\\mid X)$). Given a source $(\\mathcal{D}_S, \\mathcal{T}_S)$ and a target $(\\mathcal{D}_T, \\mathcal{T}_T)$ with $\\mathcal{D}_S \\ne \\mathcal{D}_T$ or $\\mathcal{T}_S \\ne \\mathcal{T}_T$, transfer learning uses knowledge from the source to improve learning of the target predictor $f_T$.

**Why it works for deep nets.** Networks trained on large, diverse data (ImageNet, web text) learn general features — edges and textures in early conv layers, syntax and semantics in language models. Reusing them gives:
- far fewer labeled target examples needed, and faster convergence;
- often better generalization than training from scratch on a small dataset (Yosinski et al., 2014);
- a strong initialization even when the target set is large.

**Typical recipe.** Take a pretrained backbone, replace the task head, train the new head on frozen features, then optionally fine-tune the upper layers with a small learning rate.

**Caveat.** Transfer is not free: when source and target differ too much it helps little or even hurts (**negative transfer**), and target inputs must be preprocessed exactly as during pretraining.`,
      },
    },
    references: [panYang, yosinski, dlBookRepresentation],
    misconceptions: [
      {
        claim: {
          zh: '用了预训练模型，精度就一定会提高。',
          en: 'Starting from a pretrained model always improves accuracy.',
        },
        correction: {
          zh: '源与目标差异大时可能出现负迁移；Raghu et al. (2019) 发现在大规模医学影像任务上，ImageNet 预训练对最终精度的提升很小，剩下最明显的好处是收敛更快。',
          en: 'With a large source-target gap transfer can be negative; Raghu et al. (2019) found that on large medical-imaging tasks ImageNet pretraining barely improved final accuracy — its clearest remaining benefit was faster convergence.',
        },
      },
    ],
  },
  {
    id: 'xfer-taxonomy',
    topic: 'transfer-fusion',
    subtopic: 'taxonomy',
    tags: ['transfer-learning', 'taxonomy', 'feature-extraction', 'fine-tuning'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 8, question: 2 },
    prompt: {
      zh: '迁移学习有哪些类型？',
      en: 'What types of transfer learning are there?',
    },
    answer: {
      short: {
        zh: 'Pan & Yang (2010) 按“迁移什么”分为基于实例、基于特征表示、基于参数和基于关系知识四类，按“哪边有标签”分为归纳式、直推式和无监督迁移；多任务学习是与之相关但独立的范式。',
        en: 'Pan & Yang (2010) classify transfer by what is transferred — instances, feature representations, parameters, relational knowledge — and by setting — inductive, transductive, unsupervised (which side has labels); multi-task learning is a related but separate paradigm.',
      },
      full: {
        zh: `**按迁移的内容分（Pan & Yang, 2010）：**

| 方法 | 迁移的是什么 | 例子 |
|---|---|---|
| 基于实例 | 重新加权后的源域样本 | 重要性加权 $w(x)=p_T(x)/p_S(x)$，TrAdaBoost |
| 基于特征表示 | 源域和目标域共享的表示 | 冻结 CNN 特征 + 新分类器；域对抗特征 |
| 基于参数 | 模型参数或先验 | 用预训练权重初始化再微调 |
| 基于关系知识 | 数据点之间的关系 | 在关系型领域之间迁移规则（如 Markov 逻辑网） |

**按设定分：** **归纳式**（目标任务有标签，任务不同）、**直推式**（只有源域有标签，任务相同而领域不同，领域自适应属于此类）、**无监督**（两边都没有标签，如聚类）。

**深度学习中最常用的两种做法：** 一是**特征提取**——冻结预训练的特征提取器，**丢弃原来的分类器，训练一个新的分类头**；二是**微调**（参数迁移）——部分或全部预训练层也参与更新。

**多任务学习**同时训练多个任务并关心所有任务的表现，而迁移学习只关心目标任务、通常是先后进行的，所以它是相邻的范式而不是迁移的一个子类。同样，“无监督迁移”指的是没有标签的**设定**，而不是“用自编码器迁移”这种具体方法。`,
        en: `**By what is transferred (Pan & Yang, 2010):**

| Approach | What moves | Example |
|---|---|---|
| Instance-based | reweighted source examples | importance weights $w(x)=p_T(x)/p_S(x)$, TrAdaBoost |
| Feature-representation | a representation shared by both domains | frozen CNN features + new classifier; domain-adversarial features |
| Parameter-based | parameters or priors | initialize from pretrained weights and fine-tune |
| Relational-knowledge | relations among data points | transferring rules between relational domains (Markov logic) |

**By setting:** *inductive* (target labels available; the tasks differ), *transductive* (labels only in the source; same task, different domains — domain adaptation lives here), *unsupervised* (no labels on either side, e.g. clustering).

**In deep-learning practice** the two workhorses are *feature extraction* — freeze the pretrained feature extractor, **discard the old classifier and train a new head** — and *fine-tuning* (parameter transfer), where some or all pretrained layers are updated as well.

**Multi-task learning** trains several tasks jointly and cares about all of them, whereas transfer learning cares about the target task and usually proceeds sequentially: it is a neighboring paradigm, not a type of transfer. Likewise, "unsupervised transfer" names a *setting* (no labels), not "transfer through an autoencoder".`,
      },
    },
    references: [panYang, dlBookRepresentation, kerasTransferGuide],
    misconceptions: [
      {
        claim: {
          zh: '基于特征的迁移是把预训练模型的特征提取器用于新任务，而不改变最后一层分类器。',
          en: 'Feature-based transfer applies the pretrained feature extractor to the new task without changing the last classifier layer.',
        },
        correction: {
          zh: '恰好相反：原分类器输出的是源任务的类别，必须丢弃；冻结的是特征提取器，新任务的分类头要替换并重新训练。',
          en: 'It is the other way round: the old classifier predicts the source classes and is discarded; the feature extractor is frozen and a new head is trained for the target classes.',
        },
        erratum: 27,
      },
      {
        claim: {
          zh: '迁移学习的主要类型是基于特征、基于模型、多任务迁移和无监督（自编码器）迁移。',
          en: 'The main types of transfer learning are feature-based, model-based, multi-task transfer and unsupervised (autoencoder) transfer.',
        },
        correction: {
          zh: '标准分类是实例/特征/参数/关系四类（外加归纳/直推/无监督三种设定）；多任务学习是独立的范式，“无监督”指设定而非自编码器。',
          en: 'The standard taxonomy is instance/feature/parameter/relational (plus the inductive/transductive/unsupervised settings); multi-task learning is a separate paradigm and "unsupervised" names a setting, not an autoencoder.',
        },
        erratum: 27,
      },
    ],
  },
  {
    id: 'xfer-what-is-model-fusion',
    topic: 'transfer-fusion',
    subtopic: 'fusion-basics',
    tags: ['model-fusion', 'ensemble', 'weight-averaging', 'feature-fusion'],
    kind: 'concept',
    difficulty: 1,
    seed: { chapter: 8, question: 3 },
    prompt: {
      zh: '什么是模型融合？它在深度学习中有什么作用？',
      en: 'What is model fusion, and what is it used for in deep learning?',
    },
    answer: {
      short: {
        zh: '模型融合把多个模型在输出层面（投票、概率平均、堆叠）、特征层面（拼接学到的表示）或权重层面（对同一损失盆地内的模型参数取平均）组合起来，以获得比单个模型更好的精度、鲁棒性和校准。',
        en: 'Model fusion combines several models at the output level (voting, probability averaging, stacking), the feature level (concatenating learned representations) or the weight level (averaging the parameters of models in one loss basin) to get better accuracy, robustness and calibration than any single member.',
      },
      full: {
        zh: `**三个融合层次：**
- **输出层融合（集成）**：硬投票（各模型 argmax 的多数票）、软投票（对预测概率取平均，可加权）、堆叠（用元模型学习如何组合各成员的预测）。推理时要跑 $M$ 次前向。
- **特征层融合**：把多个主干网络或多个模态的中间/倒数第二层特征拼接起来，在上面训练新的分类头。
- **权重层融合**：直接对参数取平均 $\\theta = \\frac{1}{M}\\sum_m \\theta_m$。SWA 平均同一条 SGD 轨迹上的检查点；模型汤（model soups）平均从同一预训练模型微调出来的多个模型。推理只需一次前向，但前提是这些模型位于同一个线性连通的低损失区域。

**作用：** 各成员的误差只要不完全相关，平均后就会部分抵消，从而降低方差；集成还能改善概率校准和不确定性估计（deep ensembles）；如果推理开销受限，可以用知识蒸馏把集成压缩成单个模型。

注意区分：**权重平均 ≠ 预测平均**。前者得到一个新模型，后者是软投票。`,
        en: `**Three levels of fusion:**
- **Output level (ensembles):** hard voting (majority of the members' argmax), soft voting (mean of predicted probabilities, optionally weighted), stacking (a meta-model learns how to combine member predictions). Costs $M$ forward passes at inference.
- **Feature level:** concatenate intermediate or penultimate features of several backbones or modalities and train a new head on top.
- **Weight level:** average the parameters, $\\theta = \\frac{1}{M}\\sum_m \\theta_m$. SWA averages checkpoints along one SGD trajectory; model soups average models fine-tuned from the same pretrained weights. One forward pass at inference, but it only works when the models lie in one linearly connected low-loss region.

**Why:** as long as member errors are not perfectly correlated, they partly cancel when averaged, which lowers variance; ensembles also improve calibration and uncertainty estimates (deep ensembles); if inference cost matters, knowledge distillation can compress the ensemble into one model.

Keep the terms apart: **weight averaging ≠ prediction averaging**. The first produces one new model; the second is soft voting.`,
      },
    },
    references: [dlBookRegularization, deepEnsembles, swa, modelSoups],
    misconceptions: [
      {
        claim: {
          zh: '权重平均就是把多个模型的预测结果取平均。',
          en: 'Weight averaging means averaging the predictions of several models.',
        },
        correction: {
          zh: '对预测取平均是输出平均（软投票）；权重平均是对参数取平均（SWA、模型汤），只得到一个模型，而且只在模型处于同一损失盆地时有效。',
          en: 'Averaging predictions is output averaging (soft voting); weight averaging averages the parameters (SWA, model soups), yields a single model, and only works when the models share a loss basin.',
        },
        erratum: 28,
      },
    ],
  },
  {
    id: 'xfer-transfer-vs-fusion',
    topic: 'transfer-fusion',
    subtopic: 'fusion-basics',
    tags: ['transfer-learning', 'model-fusion', 'ensemble', 'inference-cost'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 8, question: 4 },
    prompt: {
      zh: '请解释迁移学习和模型融合的区别。',
      en: 'Explain the difference between transfer learning and model fusion.',
    },
    answer: {
      short: {
        zh: '迁移学习是把知识从源任务搬到目标任务（一个模型跨任务复用）；模型融合是为同一个任务组合多个模型或表示。两者正交、经常一起用，而且融合在任何数据规模下都能降低方差——真正的代价是推理开销。',
        en: 'Transfer learning moves knowledge from a source task to a target task (one model reused across tasks); model fusion combines several models or representations for the same task. They are orthogonal and often combined, and fusion reduces variance at any data scale — its real price is inference cost.',
      },
      full: {
        zh: `| | 迁移学习 | 模型融合 |
|---|---|---|
| 目标 | 数据或算力不足时借用源任务的知识 | 降低方差、提升精度与校准 |
| 组合的对象 | 先后两个任务（源 → 目标） | 同一任务上的多个模型/特征 |
| 训练方式 | 顺序的：预训练，再微调 | 并行的：分别训练成员，再组合 |
| 推理代价 | 一个模型 | 输出融合为 $M$ 倍；权重平均或蒸馏后为 1 倍 |
| 典型失败 | 负迁移、灾难性遗忘 | 成员高度相关，几乎没有增益 |

**两者经常结合：** 把几个不同预训练主干分别微调后做集成；模型汤先从同一预训练模型微调出多个模型，再做权重平均；再把集成蒸馏成一个学生模型。

**关于数据规模：** 平均 $M$ 个相关系数为 $\\rho$ 的模型，方差为 $\\rho\\sigma^2 + \\frac{1-\\rho}{M}\\sigma^2$，与数据集大小无关。数据少时单模型方差更大，集成反而更有用。决定是否融合的通常是推理预算（延迟、显存、成本），而不是“数据多、特征多”。`,
        en: `| | Transfer learning | Model fusion |
|---|---|---|
| Goal | borrow source knowledge when target data or compute is scarce | lower variance, better accuracy and calibration |
| What is combined | two tasks in sequence (source → target) | several models/features for one task |
| Training | sequential: pretrain, then fine-tune | parallel: train members, then combine |
| Inference cost | one model | $M\\times$ for output fusion; $1\\times$ after weight averaging or distillation |
| Typical failure | negative transfer, catastrophic forgetting | highly correlated members, little gain |

**They are routinely combined:** fine-tune several different pretrained backbones and ensemble them; model soups fine-tune many models from one pretrained checkpoint and then average their weights; the ensemble can then be distilled into one student.

**On data scale:** averaging $M$ models with pairwise correlation $\\rho$ gives variance $\\rho\\sigma^2 + \\frac{1-\\rho}{M}\\sigma^2$, which does not depend on dataset size. With little data single models have *higher* variance, so ensembles tend to help more, not less. What usually decides whether to fuse is the inference budget (latency, memory, cost), not "large data with diverse features".`,
      },
    },
    references: [panYang, dlBookRegularization, modelSoups, distillation],
    misconceptions: [
      {
        claim: {
          zh: '迁移学习适用于数据量少的任务，而模型融合适用于数据量大、特征多样的任务。',
          en: 'Transfer learning suits tasks with little data, while model fusion suits tasks with large amounts of data and diverse features.',
        },
        correction: {
          zh: '没有依据。集成在任何数据规模下都能降低方差，小数据时单模型方差大，收益往往更明显；融合的代价在于推理开销。',
          en: 'Unsupported. Ensembles reduce variance at any data scale — with small data single models have higher variance, so the gain is often larger; the cost of fusion is inference.',
        },
        erratum: 29,
      },
    ],
  },
  {
    id: 'xfer-nlp-applications',
    topic: 'transfer-fusion',
    subtopic: 'applications',
    tags: ['nlp', 'pretraining', 'fine-tuning', 'language-model'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 8, question: 5 },
    prompt: {
      zh: '迁移学习在自然语言处理中有哪些应用？',
      en: 'How is transfer learning used in natural language processing?',
    },
    answer: {
      short: {
        zh: '现代 NLP 建立在迁移学习之上：先在大规模无标注语料上自监督预训练语言模型，再要么把它的上下文特征当输入（基于特征，如 ELMo），要么加一个小任务头整体微调（ULMFiT、BERT），用于分类、问答、命名实体识别等任务。',
        en: 'Modern NLP is built on it: a language model is pretrained self-supervised on large unlabeled corpora, then either its contextual features are used as inputs (feature-based, e.g. ELMo) or the whole model is fine-tuned with a small task head (ULMFiT, BERT) for classification, QA, NER and more.',
      },
      full: {
        zh: `**预训练目标**是自监督的，不需要人工标签：下一个词预测（ULMFiT 的 AWD-LSTM、GPT 系列）或掩码语言模型（BERT）。

**两种迁移方式：**
- **基于特征**：ELMo 把双向语言模型各层表示的加权和作为下游模型的额外输入，预训练权重不动。
- **微调**：BERT 只加一个输出层，然后所有参数一起在任务数据上微调。

**ULMFiT 的三阶段流程**：通用语料上预训练语言模型 → 在目标领域文本上微调语言模型（判别式学习率、斜三角学习率）→ 用逐层解冻的方式微调分类器。论文报告只用 100 个标注样本就能达到从零训练使用 100 倍数据时的效果。

**领域自适应预训练**：在下游微调前，先在领域内无标注文本（生物医学、法律、评论等）上继续预训练，通常能稳定提升效果（Gururangan et al., 2020）。

**应用**：情感/主题分类、命名实体识别、抽取式问答，以及借助预训练编码器-解码器的翻译、摘要等序列生成任务。

注意：做情感分析一般**不需要**“在情感语料上预训练的模型”，通用语言模型加上带标签情感数据的微调就是标准做法。`,
        en: `**Pretraining objectives** are self-supervised, so no human labels are needed: next-token prediction (ULMFiT's AWD-LSTM, the GPT family) or masked language modeling (BERT).

**Two ways to transfer:**
- **Feature-based:** ELMo feeds a learned weighted sum of the biLM's layer representations into the downstream model as extra input; the pretrained weights stay fixed.
- **Fine-tuning:** BERT adds a single output layer and fine-tunes all parameters on the task data.

**ULMFiT's three stages:** pretrain a language model on a general corpus → fine-tune the LM on target-domain text (discriminative learning rates, slanted triangular schedule) → fine-tune the classifier with gradual unfreezing. The paper reports that with only 100 labeled examples it matches training from scratch on 100× more data.

**Domain-adaptive pretraining:** before task fine-tuning, continue pretraining on unlabeled in-domain text (biomedical, legal, reviews, ...); this consistently helps (Gururangan et al., 2020).

**Applications:** sentiment and topic classification, named-entity recognition, extractive QA, and sequence generation such as translation and summarization with pretrained encoder-decoders.

Note: sentiment analysis does **not** need "a model pretrained on a sentiment corpus" — a general language model fine-tuned on labeled sentiment data is the standard recipe.`,
      },
    },
    references: [ulmfit, bert, elmo, dontStopPretraining],
    misconceptions: [
      {
        claim: {
          zh: '做情感分析必须使用在情感语料上预训练过的模型。',
          en: 'Sentiment analysis needs a model that was pretrained on a sentiment corpus.',
        },
        correction: {
          zh: '标准做法是通用的自监督语言模型 + 在有标签的情感数据上微调；领域内继续预训练是可选的增强手段。',
          en: 'The standard recipe is a general self-supervised language model fine-tuned on labeled sentiment data; continued in-domain pretraining is an optional extra.',
        },
      },
    ],
  },
  {
    id: 'xfer-cv-fusion-applications',
    topic: 'transfer-fusion',
    subtopic: 'applications',
    tags: ['computer-vision', 'ensemble', 'test-time-augmentation', 'object-detection'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 8, question: 6 },
    prompt: {
      zh: '模型融合在计算机视觉中有哪些应用？',
      en: 'Where is model fusion used in computer vision?',
    },
    answer: {
      short: {
        zh: '图像分类中平均多个 CNN 的预测或做测试时增强；目标检测中按 IoU 匹配并合并多个检测器（或多个增强视图）的框；分割和超分辨率中对翻转/旋转输入做自集成；多传感器感知中融合 RGB、深度、激光雷达特征。',
        en: 'In classification (averaging several CNNs, test-time augmentation), detection (matching and merging boxes from several detectors or augmented views by IoU), segmentation and super-resolution (self-ensembles over flips and rotations), and multi-sensor perception (fusing RGB, depth and LiDAR features).',
      },
      full: {
        zh: `- **图像分类**：ILSVRC 2015 分类冠军是多个 ResNet 的集成，在 ImageNet 测试集上 top-5 错误率为 3.57%（He et al., 2016）。**测试时增强**（多裁剪、翻转）相当于单个模型的廉价自集成。
- **目标检测**：不同模型输出的框数量和顺序都不同，不能按下标平均。要先按 IoU 把重叠的框匹配起来，再合并：把所有框放在一起做 NMS，或者按置信度对重叠框的坐标加权平均（weighted boxes fusion）。
- **语义分割**：对多个模型（或翻转后的输入）逐像素的类别概率取平均；在医学分割中对交叉验证各折的模型做集成很常见。
- **超分辨率**：EDSR 的**几何自集成**把输入做 8 种翻转/旋转，分别推理后反变换回来再平均（EDSR+）。这是输出平均，而不是“组合多个生成模型”。
- **多模态感知**：RGB + 深度、相机 + 激光雷达，在输入、中间特征或决策层融合。
- **部署**：集成推理开销是 $M$ 倍，常用知识蒸馏压缩成单模型。`,
        en: `- **Image classification:** the ILSVRC 2015 classification winner was an ensemble of ResNets with 3.57% top-5 error on the ImageNet test set (He et al., 2016). **Test-time augmentation** (multiple crops, flips) is a cheap self-ensemble of one model.
- **Object detection:** different models output different numbers of boxes in different orders, so you cannot average by index. Boxes must first be matched by IoU and then merged: pool all boxes and run NMS, or average the coordinates of overlapping boxes weighted by confidence (weighted boxes fusion).
- **Semantic segmentation:** average per-pixel class probabilities of several models (or of flipped inputs); ensembling cross-validation fold models is common in medical segmentation.
- **Super-resolution:** EDSR's **geometric self-ensemble** runs the model on 8 flipped/rotated versions of the input, inverts each transform on the output and averages (EDSR+). That is output averaging, not "combining generative models".
- **Multi-modal perception:** RGB + depth, camera + LiDAR, fused at the input, intermediate-feature or decision level.
- **Deployment:** an ensemble costs $M\\times$ at inference, so it is often distilled into a single model.`,
      },
    },
    references: [resnet, edsr, multimodalSurvey, distillation],
  },
  {
    id: 'xfer-medical-imaging',
    topic: 'transfer-fusion',
    subtopic: 'applications',
    tags: ['medical-imaging', 'transfer-learning', 'ensemble', 'domain-shift'],
    kind: 'concept',
    difficulty: 3,
    seed: { chapter: 8, question: 7 },
    prompt: {
      zh: '迁移学习和模型融合在医学影像分析中有哪些应用？有哪些需要注意的坑？',
      en: 'How are transfer learning and model fusion applied in medical image analysis, and what are the pitfalls?',
    },
    answer: {
      short: {
        zh: '小规模医学数据集通常从 ImageNet 预训练主干出发（分类、检测、分割编码器），集成则常用于提升精度和估计不确定性；但领域差异很大，数据量大时 ImageNet 预训练的收益会缩小，而且模型必须跨医院、跨设备验证。',
        en: 'ImageNet-pretrained backbones are the default starting point for small medical datasets (classification, detection, segmentation encoders) and ensembles are standard for accuracy and uncertainty — but the domain gap is large, the benefit of ImageNet pretraining shrinks on large datasets, and models must be validated across hospitals and scanners.',
      },
      full: {
        zh: `**迁移学习：** 在 X 光、眼底、病理切片上微调预训练 CNN/ViT；分割用带预训练编码器的 U-Net 类结构。需要的适配：灰度图复制成 3 通道（或改第一层卷积）、预处理与预训练一致、更高的分辨率；CT/MRI 等 3D 体数据无法直接套用 2D 权重。

**实证（Raghu et al., 2019, Transfusion）：** 在大规模眼底和胸片任务上，ImageNet 预训练相比随机初始化几乎没有带来精度提升，小而轻的 CNN 与 ResNet-50/Inception 表现相当；预训练剩下最明显的好处是收敛更快（其中一部分只用按预训练权重的尺度缩放的随机初始化就能得到，与特征无关），有意义的特征复用集中在最底层。数据很少时迁移的收益更明显。

**模型融合：** 对交叉验证各折模型或不同结构做集成，用于分类和分割；集成还能给出更好校准的概率和不确定性（deep ensembles），便于把不确定的病例转给医生复核；多模态融合（影像 + 临床数据、多序列 MRI）。

**坑：**
- 不同扫描设备/医院之间存在领域偏移 → 必须做外部验证；可用 AdaBN 一类方法在目标域重新估计 BN 统计量；
- 数据划分要**按病人**而不是按图像，否则会泄漏；
- 类别严重不平衡，要看 AUROC、敏感度等指标；
- 去噪、超分等“图像增强”是独立的任务，增强后的图像并不会自动提升诊断准确率，还可能凭空生成细节。`,
        en: `**Transfer learning:** fine-tune pretrained CNNs/ViTs on X-ray, fundus and histopathology images; use U-Net-style segmenters with a pretrained encoder. Adaptations: replicate grayscale to 3 channels (or adapt the first conv), match the pretraining preprocessing, handle higher resolutions; 3-D volumes (CT/MRI) do not map directly onto 2-D weights.

**Evidence (Raghu et al., 2019, Transfusion):** on large retinal-fundus and chest X-ray tasks, ImageNet pretraining gave little accuracy gain over random initialization, and small lightweight CNNs performed comparably to ResNet-50/Inception; the clearest remaining benefit was faster convergence (partly obtainable with random weights rescaled to the pretrained weights' scale, i.e. independent of the features), and meaningful feature reuse was concentrated in the lowest layers. With very little data, transfer helps more.

**Model fusion:** ensembles of cross-validation fold models or of different architectures for classification and segmentation; ensembles also give better-calibrated probabilities and uncertainty (deep ensembles), useful for routing uncertain cases to a clinician; multi-modal fusion (imaging + clinical data, multi-sequence MRI).

**Pitfalls:**
- domain shift between scanners and sites → external validation is mandatory; AdaBN-style re-estimation of BN statistics on the target site can help;
- split **by patient**, not by image, or you leak;
- heavy class imbalance → report AUROC, sensitivity, etc.;
- "image enhancement" (denoising, super-resolution) is a separate task; an enhanced image does not automatically improve diagnosis and may hallucinate detail.`,
      },
    },
    references: [transfusion, deepEnsembles, adaBN],
    misconceptions: [
      {
        claim: {
          zh: 'ImageNet 预训练总能大幅提升医学影像模型的精度。',
          en: 'ImageNet pretraining always gives medical-imaging models a large accuracy boost.',
        },
        correction: {
          zh: 'Transfusion 发现在大规模医学数据集上提升很小，剩下最明显的好处是收敛更快；数据很少时收益才更明显。',
          en: 'Transfusion found little gain on large medical datasets — the clearest remaining benefit was faster convergence; the gain is larger mainly when data are scarce.',
        },
      },
    ],
  },

  // =========================================================================
  // Seed chapter 8, coding questions 8-10
  // =========================================================================
  {
    id: 'xfer-implement-transfer-model',
    topic: 'transfer-fusion',
    subtopic: 'feature-extraction',
    tags: ['transfer-learning', 'feature-extraction', 'freezing', 'preprocessing', 'tfjs'],
    kind: 'coding',
    difficulty: 2,
    seed: { chapter: 8, question: 8 },
    prompt: {
      zh: '实现一个简单的迁移学习图像分类模型：以预训练的 VGG16 类卷积主干为基础，完成一个 10 类分类任务。',
      en: 'Implement a simple transfer-learning image classifier for a 10-class task on top of a pretrained VGG16-style convolutional backbone.',
    },
    answer: {
      short: {
        zh: '加载不带分类器的预训练卷积主干并冻结它，输入按预训练时的方式预处理，对特征图做全局平均池化，接一个新的 Dense 分类头，只在真实标注数据上训练这个头；我们的 `createTransferModel` 构建的就是这张图。',
        en: 'Load the pretrained convolutional base without its classifier, freeze it, preprocess inputs exactly as in pretraining, pool the feature maps, add a new Dense head for the target classes and train only the head on real labeled data; our `createTransferModel` builds this graph.',
      },
      full: {
        zh: `**设计：**
1. **主干**：不带顶层分类器的预训练卷积部分（Keras 中 \`include_top=False\`），VGG16 把 224×224×3 映射为 7×7×512。
2. **冻结**：在编译前设 \`base.trainable = false\`。
3. **预处理**：必须与预训练一致。Keras 的 VGG16 使用 “caffe” 模式：RGB 转 BGR，减去 ImageNet 各通道均值，不做缩放。
4. **分类头**：GlobalAveragePooling2D 得到 512 维特征（比 Flatten 的 25,088 维少得多，头部参数也少得多）→（可选 Dense + Dropout）→ Dense(10, softmax)。
5. **建图**：从**同一个**输入张量一直连到新的输出。
6. **损失**：one-hot 标签配 categorical 交叉熵，或整数标签配 sparse 版本。

\`\`\`ts
const base = await tf.loadLayersModel(baseUrl);        // 不带分类器的卷积主干
base.trainable = false;                                 // 编译前冻结
const input = tf.input({ shape: [224, 224, 3] });       // 已按预训练方式预处理
const feats = base.apply(input) as tf.SymbolicTensor;   // [b, 7, 7, 512]
const pooled = tf.layers.globalAveragePooling2d({}).apply(feats) as tf.SymbolicTensor;
const probs = tf.layers.dense({ units: 10, activation: 'softmax' }).apply(pooled) as tf.SymbolicTensor;
const model = tf.model({ inputs: input, outputs: probs });
model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
\`\`\`

**测试应检查**：只有头部权重可训练；\`fit\` 之后主干权重不变；输出形状为 \`[b, 10]\` 且每行和为 1。

**tfjs 的坑**：VGG16 没有 BatchNorm，但换成 ResNet/MobileNet 时要注意，tfjs 的 \`fit()\` 以训练模式运行所有层，冻结的 BN 仍会用批统计量并更新滑动均值。可以先用 \`base.predict()\` 缓存特征再训练头部。

头部收敛后，可以再解冻顶部几个卷积块，用很小的学习率（如 $10^{-5}$）微调。`,
        en: `**Design:**
1. **Base:** the pretrained conv stack without its classifier (\`include_top=False\` in Keras); VGG16 maps 224×224×3 to 7×7×512.
2. **Freeze:** \`base.trainable = false\` before compiling.
3. **Preprocess** exactly as in pretraining. Keras's VGG16 uses "caffe" mode: RGB → BGR and subtract the ImageNet channel means, no scaling.
4. **Head:** GlobalAveragePooling2D gives 512 features (instead of Flatten's 25,088, so the head has far fewer parameters) → optional Dense + Dropout → Dense(10, softmax).
5. **Graph:** wire **one** input tensor all the way to the new output.
6. **Loss:** categorical cross-entropy with one-hot labels, or the sparse variant with integer labels.

\`\`\`ts
const base = await tf.loadLayersModel(baseUrl);        // conv base, no classifier
base.trainable = false;                                 // freeze before compile
const input = tf.input({ shape: [224, 224, 3] });       // already preprocessed
const feats = base.apply(input) as tf.SymbolicTensor;   // [b, 7, 7, 512]
const pooled = tf.layers.globalAveragePooling2d({}).apply(feats) as tf.SymbolicTensor;
const probs = tf.layers.dense({ units: 10, activation: 'softmax' }).apply(pooled) as tf.SymbolicTensor;
const model = tf.model({ inputs: input, outputs: probs });
model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
\`\`\`

**Tests should check:** only head weights are trainable; base weights are unchanged after \`fit\`; the output has shape \`[b, 10]\` and rows sum to 1.

**tfjs caveat:** VGG16 has no BatchNorm, but with ResNet/MobileNet note that tfjs \`fit()\` runs every layer in training mode, so a frozen BN still uses batch statistics and updates its moving averages. Caching features with \`base.predict()\` and training the head on them avoids this.

Once the head has converged you can unfreeze the top conv blocks and fine-tune with a very small learning rate (e.g. $10^{-5}$).`,
      },
    },
    references: [kerasTransferGuide, tfTransferTutorial, kerasVgg, tfjsApi],
    verification: [vTransferModel],
    misconceptions: [
      {
        claim: {
          zh: '可以用 `base_model.output = Flatten()(base_model.output)` 给预训练模型接上新层，再用 `Model(inputs=x, ...)` 建模。',
          en: 'You can attach new layers with `base_model.output = Flatten()(base_model.output)` and then build `Model(inputs=x, ...)`.',
        },
        correction: {
          zh: '`output` 是只读属性，赋值会抛 AttributeError；而且 `x` 后来被 Dense 的输出覆盖，传给 `inputs` 的已不是 Input。应写成 `inp = Input(...)`，`x = base(preprocess_input(inp), training=False)`，GAP，Dense，`Model(inp, out)`，并在此之前设 `base.trainable = False`。',
          en: '`output` is a read-only property, so the assignment raises AttributeError; and `x` is later overwritten by a Dense output, so `inputs` no longer receives an Input. Write `inp = Input(...)`, `x = base(preprocess_input(inp), training=False)`, GAP, Dense, `Model(inp, out)`, with `base.trainable = False` set first.',
        },
        erratum: 30,
      },
      {
        claim: {
          zh: '用 `np.random.random((1000, 10))` 作标签跑几轮 `fit` 就能验证迁移模型是否正确。',
          en: 'Running `fit` on labels from `np.random.random((1000, 10))` verifies that the transfer model works.',
        },
        correction: {
          zh: '这样的“标签”不是概率分布（每行和约为 5），与输入无关，精度没有意义；而且代码没有导入 `np`。应该用真实数据，或至少用 `to_categorical` 生成合法的 one-hot 标签，并断言权重冻结、输出形状等性质。',
          en: 'Such "labels" are not distributions (rows sum to about 5) and are unrelated to the inputs, so the accuracy means nothing; the code also never imports `np`. Use real data, or at least valid one-hot labels from `to_categorical`, and assert properties such as frozen weights and output shape.',
        },
        erratum: 30,
      },
    ],
  },
  {
    id: 'xfer-implement-averaging-ensemble',
    topic: 'transfer-fusion',
    subtopic: 'ensembles',
    tags: ['ensemble', 'soft-voting', 'output-averaging', 'tfjs'],
    kind: 'coding',
    difficulty: 2,
    seed: { chapter: 8, question: 9 },
    prompt: {
      zh: '实现一个简单的模型融合（集成）模型，把两个分类器组合起来。',
      en: 'Implement a simple model-fusion (ensemble) model that combines two classifiers.',
    },
    answer: {
      short: {
        zh: '把同一个输入送进各自独立训练好的成员模型，用 Average 层对它们输出的类别概率取平均（软投票），成员保持冻结——集成本身没有可训练参数；我们的 `createAveragingEnsemble` 构建的就是它。',
        en: 'Feed one shared input to independently trained members, average their predicted class probabilities with an Average layer (soft voting) and keep the members frozen — the ensemble itself has no trainable parameters; our `createAveragingEnsemble` builds it.',
      },
      full: {
        zh: `**设计：**
- 各成员输入形状相同、输出同一组 $C$ 个类别的 softmax，形状 \`[b, C]\`。注意卷积特征图要先 Flatten/GAP 再接 Dense——直接对 \`[32, 32, 3]\` 的张量接 Dense 只作用在最后一维，得到的是 \`[32, 32, 10]\`。
- 成员要**分别训练**（不同随机种子、数据顺序、增强或结构），这样误差才不完全相关；随机权重的成员毫无意义。
- 集成输出 $\\bar p(y\\mid x) = \\frac{1}{M}\\sum_m p_m(y\\mid x)$；可以在验证集上调非负、和为 1 的权重 $w_m$。
- 集成**不需要再训练**，直接评估即可。

\`\`\`ts
const input = tf.input({ shape: [32, 32, 3] });
const probs = members.map((m) => {
  m.trainable = false;
  return m.apply(input) as tf.SymbolicTensor;       // 每个 [b, 10]，softmax
});
const avg = tf.layers.average().apply(probs) as tf.SymbolicTensor;
const ensemble = tf.model({ inputs: input, outputs: avg });
\`\`\`

**测试应检查**：输出等于各成员输出的均值；每行和为 1；集成的可训练权重为空。

如果想**学习**组合方式（拼接 + Dense），那就是堆叠（stacking），元学习器必须在留出/折外预测上训练，见堆叠的题目。`,
        en: `**Design:**
- Members share the input shape and output a softmax over the same $C$ classes, shape \`[b, C]\`. Flatten or GAP conv features before the Dense layer — a Dense applied to a \`[32, 32, 3]\` tensor acts only on the last axis and yields \`[32, 32, 10]\`.
- Members are **trained separately** (different seeds, data orders, augmentations or architectures) so that their errors are not perfectly correlated; randomly-weighted members are meaningless.
- Ensemble output: $\\bar p(y\\mid x) = \\frac{1}{M}\\sum_m p_m(y\\mid x)$; optionally non-negative weights $w_m$ summing to 1, tuned on validation data.
- The ensemble needs **no further training**; just evaluate it.

\`\`\`ts
const input = tf.input({ shape: [32, 32, 3] });
const probs = members.map((m) => {
  m.trainable = false;
  return m.apply(input) as tf.SymbolicTensor;       // each [b, 10], softmax
});
const avg = tf.layers.average().apply(probs) as tf.SymbolicTensor;
const ensemble = tf.model({ inputs: input, outputs: avg });
\`\`\`

**Tests should check:** the output equals the mean of the member outputs; rows sum to 1; the ensemble has no trainable weights.

If you want to **learn** the combination (concatenate + Dense), that is stacking, and the meta-learner must be fitted on held-out or out-of-fold predictions — see the stacking question.`,
      },
    },
    references: [dlBookRegularization, deepEnsembles, sklearnEnsembles, tfjsApi],
    verification: [vAveragingEnsemble],
    misconceptions: [
      {
        claim: {
          zh: '`Model(inputs=Input(shape), outputs=Dense(10)(Input(shape)))` 能建出一个成员模型，然后用 `set_weights(np.random.random(model.get_weights().shape))` 初始化。',
          en: '`Model(inputs=Input(shape), outputs=Dense(10)(Input(shape)))` builds a member, initialized with `set_weights(np.random.random(model.get_weights().shape))`.',
        },
        correction: {
          zh: '两个不同的 `Input()` 对象会导致 “Graph disconnected”；`get_weights()` 返回的是列表，没有 `.shape`，应写 `[np.random.random(w.shape) for w in m.get_weights()]`——但随机权重的成员本来就没有意义，成员应该是训练好的模型。',
          en: 'Two different `Input()` objects give "Graph disconnected"; `get_weights()` returns a list with no `.shape` — it would be `[np.random.random(w.shape) for w in m.get_weights()]` — and randomly-weighted members are pointless anyway: members must be trained models.',
        },
        erratum: 31,
      },
      {
        claim: {
          zh: '把两个模型的输出拼接后接一个 Dense 层，就是对预测取平均的模型融合。',
          en: 'Concatenating two models\u2019 outputs and adding a Dense layer is prediction-averaging fusion.',
        },
        correction: {
          zh: '拼接 + 可训练的 Dense 是堆叠，需要在留出数据上训练元学习器；平均融合应使用 `Average()([m1(x), m2(x)])`，成员冻结，没有新参数。',
          en: 'Concatenate + trainable Dense is stacking, whose meta-learner must be trained on held-out data; averaging fusion is `Average()([m1(x), m2(x)])` with frozen members and no new parameters.',
        },
        erratum: 31,
      },
    ],
  },
  {
    id: 'xfer-implement-feature-fusion',
    topic: 'transfer-fusion',
    subtopic: 'feature-fusion',
    tags: ['feature-fusion', 'concatenation', 'penultimate-features', 'tfjs'],
    kind: 'coding',
    difficulty: 3,
    seed: { chapter: 8, question: 10 },
    prompt: {
      zh: '实现一个简单的特征融合模型。',
      en: 'Implement a simple feature-fusion model.',
    },
    answer: {
      short: {
        zh: '把每个预训练分支截断到倒数第二层（特征层），将特征向量拼接起来——必要时先对每个分支做归一化或投影——再在融合后的向量上训练新的分类头；我们的 `createFeatureFusionModel` 构建的就是它。',
        en: 'Truncate each pretrained branch at its penultimate (feature) layer, concatenate the feature vectors — normalizing or projecting each branch first if needed — and train a new classification head on the fused vector; our `createFeatureFusionModel` builds it.',
      },
      full: {
        zh: `**融合的应该是特征，而不是 softmax 输出。** softmax 只有 $C$ 维，已经是针对某个任务的决策，丢失了大量信息；拼接 softmax 输出再接 Dense 其实是堆叠。特征融合取的是倒数第二层的嵌入（如 GAP 后的向量）。

**分支的两种情形：** 两个主干看同一个输入（特征级集成），或者两个模态各有输入（图像 + 文本、RGB + 深度）——后者有两个 \`Input\` 是合理的，只要训练和推理时都分别喂数据。

**尺度问题：** 各分支维度和数值尺度不同时，尺度大的一支会主导训练。对每个分支先做 LayerNorm 或 L2 归一化，或用线性层投影到相同宽度；可以加 Dropout。先冻结分支只训练头部，必要时再微调。

\`\`\`ts
const toFeatures = (m: tf.LayersModel, layer: string) =>
  tf.model({ inputs: m.inputs, outputs: m.getLayer(layer).output as tf.SymbolicTensor });
const inA = tf.input({ shape: [32, 32, 3] });
const inB = tf.input({ shape: [32, 32, 3] });
const fA = toFeatures(netA, 'penultimate').apply(inA) as tf.SymbolicTensor;   // [b, dA]
const fB = toFeatures(netB, 'penultimate').apply(inB) as tf.SymbolicTensor;   // [b, dB]
const norm = (t: tf.SymbolicTensor) => tf.layers.layerNormalization().apply(t) as tf.SymbolicTensor;
const fused = tf.layers.concatenate().apply([norm(fA), norm(fB)]) as tf.SymbolicTensor; // [b, dA + dB]
const out = tf.layers.dense({ units: 10, activation: 'softmax' }).apply(fused) as tf.SymbolicTensor;
const model = tf.model({ inputs: [inA, inB], outputs: out });
\`\`\`

（截断出的特征模型要设 \`trainable = false\`。）**测试应检查**：融合向量宽度为 $d_A + d_B$；分支权重在训练头部时不变；输出形状 \`[b, 10]\`。`,
        en: `**Fuse features, not softmax outputs.** A softmax has only $C$ dimensions and is already a task-specific decision that throws away most of the information; concatenating softmax outputs and adding a Dense layer is really stacking. Feature fusion takes the penultimate embeddings (e.g. the vector after GAP).

**Two cases for the branches:** two backbones see the same input (a feature-level ensemble), or each modality has its own input (image + text, RGB + depth) — two \`Input\`s are legitimate then, as long as both are fed during training and inference.

**Scale:** when branches differ in width or magnitude, the larger one dominates training. Apply LayerNorm or L2 normalization per branch, or a linear projection to a common width; Dropout helps. Freeze the branches and train the head first; fine-tune later if needed.

\`\`\`ts
const toFeatures = (m: tf.LayersModel, layer: string) =>
  tf.model({ inputs: m.inputs, outputs: m.getLayer(layer).output as tf.SymbolicTensor });
const inA = tf.input({ shape: [32, 32, 3] });
const inB = tf.input({ shape: [32, 32, 3] });
const fA = toFeatures(netA, 'penultimate').apply(inA) as tf.SymbolicTensor;   // [b, dA]
const fB = toFeatures(netB, 'penultimate').apply(inB) as tf.SymbolicTensor;   // [b, dB]
const norm = (t: tf.SymbolicTensor) => tf.layers.layerNormalization().apply(t) as tf.SymbolicTensor;
const fused = tf.layers.concatenate().apply([norm(fA), norm(fB)]) as tf.SymbolicTensor; // [b, dA + dB]
const out = tf.layers.dense({ units: 10, activation: 'softmax' }).apply(fused) as tf.SymbolicTensor;
const model = tf.model({ inputs: [inA, inB], outputs: out });
\`\`\`

(Set \`trainable = false\` on the truncated feature models.) **Tests should check:** the fused vector has width $d_A + d_B$; branch weights do not change while the head trains; the output has shape \`[b, 10]\`.`,
      },
    },
    references: [multimodalSurvey, kerasTransferGuide, tfjsApi],
    verification: [vFeatureFusion],
    misconceptions: [
      {
        claim: {
          zh: '把两个模型的 softmax 输出拼接起来再接分类层，就是特征融合。',
          en: 'Concatenating two models\u2019 softmax outputs and adding a classifier is feature fusion.',
        },
        correction: {
          zh: '这融合的是预测而不是特征（实为堆叠）。特征融合应拼接倒数第二层的特征，再加新的分类头；原代码还有与第 9 题相同的 Input 断连、Dense 作用于图像张量、`get_weights().shape` 等错误。',
          en: 'That fuses predictions, not features (it is stacking). Feature fusion concatenates penultimate-layer features and adds a new head; the seed code also repeats Q9\u2019s bugs (disconnected Inputs, Dense on an image tensor, `get_weights().shape`).',
        },
        erratum: 32,
      },
    ],
  },

  // =========================================================================
  // Transfer learning: fine-tuning, BatchNorm, forgetting, domain shift
  // =========================================================================
  {
    id: 'xfer-feature-extraction-vs-fine-tuning',
    topic: 'transfer-fusion',
    subtopic: 'fine-tuning',
    tags: ['feature-extraction', 'fine-tuning', 'freezing', 'learning-rate'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: '特征提取和微调该如何选择？标准的两阶段流程是什么？为什么要先训练分类头再解冻？',
      en: 'Feature extraction vs fine-tuning: how do you choose, what is the standard two-phase recipe, and why train the head before unfreezing?',
    },
    answer: {
      short: {
        zh: '数据少、目标与源相近时冻结主干只训练新分类头（特征提取）；数据更多或领域差距更大时，在分类头收敛**之后**解冻顶部若干块（或全部），用小 10–100 倍的学习率继续训练。',
        en: 'With little data or a target close to the source, freeze the backbone and train only a new head (feature extraction); with more data or a larger domain gap, then — **after** the head has converged — unfreeze the top blocks (or all) and continue with a learning rate 10–100× lower.',
      },
      full: {
        zh: `**经验选择（CS231n 的总结）：**

| | 与源领域相似 | 与源领域差异大 |
|---|---|---|
| 数据少 | 特征提取：顶层特征 + 线性分类器 | 较浅层的特征可能更通用；强正则、谨慎微调 |
| 数据多 | 微调较多层 | 微调整个网络（预训练初始化仍能加速收敛） |

**两阶段流程（Keras 指南）：**
1. 替换分类头，冻结主干，用正常学习率（如 Adam $10^{-3}$）把头训练到收敛。
2. 解冻顶部 $N$ 个块（或全部），BN 保持推理模式，重新编译，用很小的学习率（如 $10^{-5}$）训练几个 epoch，并盯住验证集。

**为什么先训头：** 随机初始化的分类头一开始损失很大、梯度很乱，这些梯度如果直接反传进预训练层，会把好的特征冲坏。Kumar et al. (2022) 证明带随机头的微调会扭曲预训练特征，分布外表现甚至不如线性探测；先线性探测再微调（LP-FT）可以避免。

**成本：** 特征提取时主干前向只需跑一次，可以把特征缓存下来，训练极快。`,
        en: `**Rule of thumb (as summarized in CS231n):**

| | similar to source | different from source |
|---|---|---|
| little data | feature extraction: top features + linear classifier | earlier-layer features may be more generic; strong regularization, careful fine-tuning |
| lots of data | fine-tune more layers | fine-tune the whole network (pretrained init still speeds convergence) |

**Two-phase recipe (Keras guide):**
1. Replace the head, freeze the base, train the head to convergence at a normal learning rate (e.g. Adam $10^{-3}$).
2. Unfreeze the top $N$ blocks (or everything), keep BN in inference mode, recompile, and train a few epochs at a very small learning rate (e.g. $10^{-5}$) while watching validation metrics.

**Why the head first:** a randomly initialized head starts with a large loss and noisy gradients; backpropagated into the pretrained layers, they wreck good features. Kumar et al. (2022) show that fine-tuning with a random head distorts pretrained features and can even underperform linear probing out of distribution; linear-probe-then-fine-tune (LP-FT) avoids it.

**Cost:** with feature extraction the backbone runs once per example, so features can be cached and the head trains very fast.`,
      },
    },
    references: [kerasTransferGuide, cs231nTransfer, lpft, yosinski],
  },
  {
    id: 'xfer-batchnorm-fine-tuning',
    topic: 'transfer-fusion',
    subtopic: 'batchnorm',
    tags: ['batchnorm', 'fine-tuning', 'moving-average', 'tfjs'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: '在新领域上微调预训练 CNN 时，BatchNorm 层被留在训练模式。动量为 0.99（Keras 和 tfjs 的默认值）时，100 步和 500 步之后 ImageNet 的滑动均值还剩多少权重？这为什么有害？如何让 BN 保持推理模式？',
      en: 'You fine-tune a pretrained CNN on a new domain but leave BatchNorm layers in training mode. With momentum 0.99 (the Keras and tfjs default), how much weight does the ImageNet moving mean keep after 100 and after 500 steps? Why does it matter, and how do you keep BN in inference mode?',
    },
    answer: {
      short: {
        zh: '滑动统计量按 $\\mu \\leftarrow 0.99\\,\\mu + 0.01\\,\\mu_B$ 更新，旧值的权重是 $0.99^k$：100 步后剩 36.6%，500 步后只剩 0.66%（半衰期约 69 步）。预训练统计量很快被嘈杂的目标域批统计量取代，而下游冻结的权重从未见过这种归一化，所以应让 BN 保持推理模式。',
        en: 'The moving statistic updates as $\\mu \\leftarrow 0.99\\,\\mu + 0.01\\,\\mu_B$, so the old value keeps weight $0.99^k$: 36.6% after 100 steps and 0.66% after 500 (half-life ≈ 69 steps). The pretrained statistics are quickly replaced by noisy target-batch statistics that the frozen downstream weights were never trained with, so keep BN in inference mode.',
      },
      full: {
        zh: `**计算：** $k$ 步之后
$$\\mu_k = 0.99^k\\,\\mu_0 + \\sum_{j=1}^{k} 0.01\\cdot 0.99^{k-j}\\,\\mu_{B,j}.$$
$0.99^{100} \\approx 0.366$，$0.99^{500} \\approx 0.0066$，半衰期 $\\ln 2 / (-\\ln 0.99) \\approx 69.0$ 步。也就是说，几百步之后预训练的统计量基本被替换掉了。

**训练模式下的两个问题：**
1. 前向用的是**当前批次**的均值和方差。微调时批次往往很小（如 8），这些统计量噪声很大。
2. 滑动统计量漂向目标域，评估时的归一化与后面冻结层所“期望”的输入分布不一致，训练/评估行为不一致。症状：训练损失正常，验证精度却大幅下降或剧烈波动。

**怎么做：**
- Keras（TF2）：对 BN 层设 \`trainable = False\` 会让它以推理模式运行；并且调用主干时写 \`base(x, training=False)\`，这样即使后来解冻，BN 也保持推理模式（Keras 迁移学习指南的建议）。
- **tfjs**（已对照 tfjs-layers 4.22 源码和实测验证）：\`fit()\` 执行计算图时把 \`{training: true}\` 传给每一层（包括嵌套的主干模型），建图时记录的调用参数（如 \`{training: false}\`）不会被沿用；而 BatchNormalization 的 \`call()\` 只看这个 \`training\` 标志、不看 \`trainable\`，所以仍使用批统计量并更新滑动均值和方差（\`trainable = false\` 只让 γ、β 不被优化器更新）。解决办法：用 \`base.predict()\` 缓存特征再训练头部；或者写自定义训练循环，在 \`optimizer.minimize\` 里调用 \`model.apply(x, {training: false})\`。

**例外：** 有意在目标域上重新估计 BN 统计量（AdaBN）是一种有效的领域自适应手段——但应作为单独的一遍统计，而不是微调时的副作用。`,
        en: `**Arithmetic:** after $k$ steps
$$\\mu_k = 0.99^k\\,\\mu_0 + \\sum_{j=1}^{k} 0.01\\cdot 0.99^{k-j}\\,\\mu_{B,j}.$$
$0.99^{100} \\approx 0.366$, $0.99^{500} \\approx 0.0066$, half-life $\\ln 2 / (-\\ln 0.99) \\approx 69.0$ steps. After a few hundred steps the pretrained statistics are essentially gone.

**Two problems in training mode:**
1. The forward pass normalizes with the **current batch's** mean and variance; fine-tuning batches are often small (e.g. 8), so these are noisy.
2. The moving statistics drift towards the target domain, so at evaluation the normalization no longer matches what the frozen downstream layers expect, and training and evaluation behave differently. Symptom: training loss looks fine while validation accuracy drops sharply or oscillates.

**What to do:**
- Keras (TF2): setting \`trainable = False\` on a BN layer makes it run in inference mode, and calling the base as \`base(x, training=False)\` keeps BN in inference mode even after you unfreeze (the Keras transfer-learning guide's advice).
- **tfjs** (checked against the tfjs-layers 4.22 source and by running it): \`fit()\` executes the graph passing \`{training: true}\` to every layer (nested backbone models included), and the call arguments recorded when the graph was built (such as \`{training: false}\`) are not reused; BatchNormalization's \`call()\` looks only at that \`training\` flag, not at \`trainable\`, so it still uses batch statistics and updates its moving mean and variance (\`trainable = false\` only keeps the optimizer off γ and β). Workarounds: cache features with \`base.predict()\` and train the head on them, or write a custom loop that calls \`model.apply(x, {training: false})\` inside \`optimizer.minimize\`.

**Exception:** deliberately re-estimating BN statistics on target data (AdaBN) is a valid domain-adaptation trick — but as a separate statistics pass, not as a side effect of noisy fine-tuning.`,
      },
    },
    references: [kerasTransferGuide, batchNorm, adaBN, tfjsApi],
    verification: [vTransferModel],
    misconceptions: [
      {
        claim: {
          zh: '把 BN 层设为不可训练（trainable = false）就不会改变它的任何状态。',
          en: 'Making a BN layer non-trainable (trainable = false) guarantees that none of its state changes.',
        },
        correction: {
          zh: '`trainable` 只控制 γ、β 是否被优化器更新；滑动均值/方差是在训练模式的前向中直接写入的。Keras TF2 对 BN 做了特殊处理，而 tfjs 没有，tfjs 中冻结的 BN 在 `fit()` 时仍会更新滑动统计量。',
          en: '`trainable` only controls whether the optimizer updates γ and β; the moving mean/variance are written directly during a training-mode forward pass. Keras (TF2) special-cases BN, tfjs does not: a frozen BN in tfjs still updates its moving statistics during `fit()`.',
        },
      },
    ],
  },
  {
    id: 'xfer-catastrophic-forgetting-ewc',
    topic: 'transfer-fusion',
    subtopic: 'forgetting',
    tags: ['catastrophic-forgetting', 'ewc', 'fisher-information', 'regularization'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: '微调中的灾难性遗忘是什么？推导弹性权重巩固（EWC）的惩罚项，并说出几种更简单的替代方法。',
      en: 'What is catastrophic forgetting in fine-tuning? Derive the Elastic Weight Consolidation (EWC) penalty and name cheaper alternatives.',
    },
    answer: {
      short: {
        zh: '只在任务 B 上做梯度下降时，权重会朝任何能降低 $L_B$ 的方向移动，破坏对任务 A 重要的参数。EWC 用以 $\\theta_A^*$ 为中心、对角 Fisher 信息为精度的高斯近似任务 A 的后验，得到惩罚项 $\\sum_i \\frac{\\lambda}{2}F_i(\\theta_i-\\theta_{A,i}^*)^2$。',
        en: 'Gradient descent on task B alone moves the weights wherever $L_B$ decreases, destroying parameters that mattered for task A. EWC approximates the task-A posterior by a Gaussian centered at $\\theta_A^*$ with diagonal Fisher precision, giving the penalty $\\sum_i \\frac{\\lambda}{2}F_i(\\theta_i-\\theta_{A,i}^*)^2$.',
      },
      full: {
        zh: `**推导。** 由贝叶斯公式，
$$\\log p(\\theta\\mid D_A, D_B) = \\log p(D_B\\mid\\theta) + \\log p(\\theta\\mid D_A) - \\log p(D_B).$$
任务 A 的信息全部在 $p(\\theta\\mid D_A)$ 中。在其众数 $\\theta_A^*$ 处做拉普拉斯近似（该处梯度为零，一阶项消失）：
$$\\log p(\\theta\\mid D_A) \\approx \\text{const} - \\tfrac12(\\theta-\\theta_A^*)^\\top H_A(\\theta-\\theta_A^*),$$
其中 $H_A$ 是负对数后验在 $\\theta_A^*$ 处的 Hessian。用对角 Fisher 信息近似它：
$$F_i = \\mathbb{E}_{x\\sim D_A,\\;y\\sim p_\\theta(y\\mid x)}\\big[(\\partial_{\\theta_i}\\log p_\\theta(y\\mid x))^2\\big]\\Big|_{\\theta=\\theta_A^*},$$
它只需一阶导数且恒非负。最小化负对数后验即得
$$L(\\theta) = L_B(\\theta) + \\sum_i \\frac{\\lambda}{2}F_i\\,(\\theta_i-\\theta_{A,i}^*)^2,$$
$\\lambda$ 控制旧任务的重要程度（也吸收了数据量等常数）。直观上：对任务 A 重要的权重挂上硬弹簧，不重要的权重可以自由移动。

**更简单的替代：**
- 冻结底层、对底层用更小的学习率；
- **L2-SP**：$\\frac{\\alpha}{2}\\lVert w - w^0\\rVert_2^2$，即 $F = I$ 的 EWC，把权重拉向预训练值而非零；
- **Learning without Forgetting**：训练新头的同时，用旧模型在新数据上的输出对旧头做蒸馏；
- 回放少量旧数据；适配器等参数高效方法，基座权重不动。

只有在微调后的模型还要完成源任务，或源知识（如鲁棒性）对目标任务本身有用时，遗忘才是问题。`,
        en: `**Derivation.** By Bayes' rule,
$$\\log p(\\theta\\mid D_A, D_B) = \\log p(D_B\\mid\\theta) + \\log p(\\theta\\mid D_A) - \\log p(D_B).$$
Everything about task A lives in $p(\\theta\\mid D_A)$. Take a Laplace approximation around its mode $\\theta_A^*$ (the gradient vanishes there, so there is no linear term):
$$\\log p(\\theta\\mid D_A) \\approx \\text{const} - \\tfrac12(\\theta-\\theta_A^*)^\\top H_A(\\theta-\\theta_A^*),$$
where $H_A$ is the Hessian of the negative log posterior at $\\theta_A^*$. Approximate it by the diagonal Fisher information
$$F_i = \\mathbb{E}_{x\\sim D_A,\\;y\\sim p_\\theta(y\\mid x)}\\big[(\\partial_{\\theta_i}\\log p_\\theta(y\\mid x))^2\\big]\\Big|_{\\theta=\\theta_A^*},$$
which needs only first derivatives and is always non-negative. Minimizing the negative log posterior gives
$$L(\\theta) = L_B(\\theta) + \\sum_i \\frac{\\lambda}{2}F_i\\,(\\theta_i-\\theta_{A,i}^*)^2,$$
with $\\lambda$ setting how much the old task matters (it also absorbs constants such as dataset size). Intuition: stiff springs on weights important for A, free movement for the rest.

**Cheaper alternatives:**
- freeze lower layers or give them smaller learning rates;
- **L2-SP**: $\\frac{\\alpha}{2}\\lVert w - w^0\\rVert_2^2$, i.e. EWC with $F = I$, pulling weights towards the pretrained values instead of zero;
- **Learning without Forgetting**: while training the new head, distill the old model's outputs on the new data into the old head;
- replay a little old data; parameter-efficient adapters that leave the base weights untouched.

Forgetting only matters if the fine-tuned model must still do the source task, or if source knowledge (e.g. robustness) helps the target task itself.`,
      },
    },
    references: [ewc, lwf, l2sp],
    verification: [vTransferModel],
  },
  {
    id: 'xfer-domain-shift-adaptation',
    topic: 'transfer-fusion',
    subtopic: 'domain-adaptation',
    tags: ['domain-shift', 'domain-adaptation', 'covariate-shift', 'dann', 'importance-weighting'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: '领域偏移有哪几种？领域自适应如何处理它们？以 DANN 为例说明。',
      en: 'What kinds of domain shift are there, and how does domain adaptation handle them — for example DANN?',
    },
    answer: {
      short: {
        zh: '协变量偏移（$p(x)$ 变、$p(y\\mid x)$ 不变）、标签偏移（$p(y)$ 变、$p(x\\mid y)$ 不变）和概念偏移（$p(y\\mid x)$ 变）。无监督领域自适应利用无标注的目标数据，要么重新加权源样本，要么学习让源域和目标域不可区分的特征——DANN 用域分类器加梯度反转层做后者。',
        en: 'Covariate shift ($p(x)$ changes, $p(y\\mid x)$ fixed), label shift ($p(y)$ changes, $p(x\\mid y)$ fixed) and concept shift ($p(y\\mid x)$ changes). Unsupervised domain adaptation uses unlabeled target data to reweight source examples or to learn features on which source and target are indistinguishable — DANN does the latter with a domain classifier and a gradient reversal layer.',
      },
      full: {
        zh: `**重要性加权（协变量偏移）：** 由于 $p(y\\mid x)$ 在两域相同，
$$\\mathbb{E}_{p_T(x,y)}[\\ell] = \\mathbb{E}_{p_S(x,y)}\\Big[\\tfrac{p_T(x)}{p_S(x)}\\,\\ell\\Big].$$
密度比可以用一个区分源/目标的分类器估计：$\\frac{p_T(x)}{p_S(x)} = \\frac{P(T\\mid x)}{P(S\\mid x)}\\cdot\\frac{P(S)}{P(T)}$。两域支撑集几乎不重叠时，权重方差极大，这个方法就失效了。

**理论（Ben-David et al.）：** 目标误差 ≤ 源误差 + 两域分布在假设类意义下的距离（$\\tfrac12 d_{\\mathcal{H}\\Delta\\mathcal{H}}$）+ 在两域上都最好的假设的联合误差。所以要同时压低源误差并拉近两域的特征分布。

**DANN：** 特征提取器 $G_f$、标签预测器 $G_y$、域分类器 $G_d$。梯度反转层前向是恒等映射，反向把梯度乘以 $-\\lambda$。于是 $G_d$ 学着区分两域，而 $G_f$ 学着骗过它：
$$\\min_{G_f, G_y}\\;\\max_{G_d}\\; L_y(G_y\\circ G_f) - \\lambda\\, L_d(G_d\\circ G_f),$$
$L_y$ 只在有标签的源样本上计算，$L_d$ 用两域的全部样本。

**更便宜的做法：** AdaBN（在目标域重新估计 BN 统计量）、用少量有标签目标样本微调、用数据增强模拟偏移。

**概念偏移**（同一个 $x$ 的正确标签变了）没有目标标签是无法纠正的。`,
        en: `**Importance weighting (covariate shift):** since $p(y\\mid x)$ is shared,
$$\\mathbb{E}_{p_T(x,y)}[\\ell] = \\mathbb{E}_{p_S(x,y)}\\Big[\\tfrac{p_T(x)}{p_S(x)}\\,\\ell\\Big].$$
The density ratio can be estimated with a source-vs-target classifier: $\\frac{p_T(x)}{p_S(x)} = \\frac{P(T\\mid x)}{P(S\\mid x)}\\cdot\\frac{P(S)}{P(T)}$. When the supports barely overlap the weights have huge variance and the method breaks down.

**Theory (Ben-David et al.):** target error ≤ source error + a divergence between the two domains measured through the hypothesis class ($\\tfrac12 d_{\\mathcal{H}\\Delta\\mathcal{H}}$) + the joint error of the best hypothesis on both domains. So: keep source error low *and* bring the feature distributions together.

**DANN:** a feature extractor $G_f$, a label predictor $G_y$ and a domain classifier $G_d$. The gradient reversal layer is the identity in the forward pass and multiplies the gradient by $-\\lambda$ in the backward pass, so $G_d$ learns to tell the domains apart while $G_f$ learns to fool it:
$$\\min_{G_f, G_y}\\;\\max_{G_d}\\; L_y(G_y\\circ G_f) - \\lambda\\, L_d(G_d\\circ G_f),$$
with $L_y$ computed on labeled source examples only and $L_d$ on examples from both domains.

**Cheaper options:** AdaBN (re-estimate BN statistics on the target domain), fine-tuning on a few labeled target examples, augmentation that simulates the shift.

**Concept shift** (the correct label of the same $x$ changes) cannot be fixed without target labels.`,
      },
    },
    references: [dann, panYang, adaBN, dlBookRepresentation],
  },
  {
    id: 'xfer-layer-transferability',
    topic: 'transfer-fusion',
    subtopic: 'feature-transferability',
    tags: ['feature-transferability', 'layer-depth', 'co-adaptation', 'fine-tuning'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: '特征的可迁移性如何随层深变化？总结 Yosinski et al. (2014) 的实验结论及其实践意义。',
      en: 'How does feature transferability change with layer depth? Summarize Yosinski et al. (2014) and its practical consequences.',
    },
    answer: {
      short: {
        zh: '浅层学到通用特征（类 Gabor 滤波器、颜色斑块），深层越来越专用于任务；冻结迁移时切得越高损失越大，原因既有高层特征的专用性，也有切断相互协同适应的中间层带来的优化困难——但迁移后再微调，即使在完整数据集上也优于随机初始化。',
        en: 'Early layers learn general features (Gabor-like filters, color blobs) and later layers become task-specific; frozen transfer hurts more the higher you cut, both because top features are specialized and because splitting co-adapted middle layers makes optimization hard — yet fine-tuned transferred weights beat random initialization, even on the full dataset.',
      },
      full: {
        zh: `**实验设置：** 把 ImageNet 的 1000 类随机分成 A、B 各 500 类，训练 8 层的 AlexNet 类网络。把 A 网络的前 $n$ 层复制到 B 网络上，其余层随机初始化后在 B 上训练：冻结复制层（AnB）或微调（AnB+）；对照组是从 B 自身复制（BnB、BnB+）。

**结论：**
1. 第 1–2 层是通用的：冻结迁移几乎没有损失。
2. BnB 在 $n=3$–6 时性能下降（$n=4$、5 最明显），尽管是同一任务：相邻中间层的特征**相互协同适应（fragile co-adaptation）**，上层无法单独重新学出来；$n=6$ 时已部分恢复，$n=7$ 时回到基线，因为需要重新学的东西变少了。
3. AnB 从第 3 层开始下降，第 4–7 层下降更明显：第 3–5 层主要是丢失协同适应造成的，第 6–7 层则主要是**特征专用性**造成的。
4. AnB+（迁移并微调）优于在 B 上从零训练：这种**泛化提升在微调后依然存在**，即使目标数据集并不小。
5. 换成差异更大的划分（人造物体 vs 自然物体），可迁移性随任务距离下降得更快，但即使是远距离任务的迁移特征，也比随机特征好。

**实践意义：** 数据少或差异大时，从较低的层截断，或微调更多层；对底层用更小的学习率（判别式学习率）；数据允许时优先微调而不是只冻结。Kornblith et al. (2019) 进一步发现 ImageNet 精度更高的结构通常迁移得更好，但有些提升 ImageNet 精度的正则化手段反而会让倒数第二层特征更难迁移。`,
        en: `**Setup:** split ImageNet's 1000 classes randomly into two 500-class halves A and B and train 8-layer AlexNet-style networks. Copy the first $n$ layers of the A network into a B network, randomly initialize the rest and train on B, with the copied layers frozen (AnB) or fine-tuned (AnB+); controls copy from B itself (BnB, BnB+).

**Findings:**
1. Layers 1–2 are general: frozen transfer costs almost nothing.
2. BnB drops for $n = 3$–6 (most at 4 and 5) even though the task is the same: features in neighbouring middle layers are **co-adapted (fragile co-adaptation)**, and the upper layers cannot relearn them alone; it partly recovers at $n = 6$ and is back to baseline at $n = 7$, since less has to be relearned.
3. AnB drops slightly at layer 3 and more at layers 4–7: lost co-adaptation dominates at layers 3–5, **specialization** of the features at layers 6–7.
4. AnB+ (transfer, then fine-tune) beats training from scratch on B: a **generalization boost that lingers after fine-tuning**, even though the target dataset is not small.
5. With a more dissimilar split (man-made vs natural objects) transferability falls off faster with distance between tasks, yet features transferred even from a distant task beat random features.

**Consequences:** with little or dissimilar data, cut at a lower layer or fine-tune more layers; give lower layers smaller learning rates (discriminative LRs); when data allow, fine-tune rather than only freeze. Kornblith et al. (2019) add that architectures with better ImageNet accuracy generally transfer better, though some regularizers that raise ImageNet accuracy make penultimate-layer features transfer worse.`,
      },
    },
    references: [yosinski, kornblith],
  },
  {
    id: 'xfer-discriminative-learning-rates',
    topic: 'transfer-fusion',
    subtopic: 'learning-rate',
    tags: ['learning-rate', 'discriminative-fine-tuning', 'layer-wise-lr-decay', 'ulmfit'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'ULMFiT 的判别式微调让学习率每往下一层就除以 2.6。若顶层学习率为 $10^{-3}$、共 4 个层组，各组学习率是多少？为什么要这样做？什么是逐层学习率衰减？',
      en: "ULMFiT's discriminative fine-tuning divides the learning rate by 2.6 per layer going down. With a top-layer LR of $10^{-3}$ and 4 layer groups, what LR does each group get? Why do this, and what is layer-wise learning-rate decay?",
    },
    answer: {
      short: {
        zh: '$\\eta_l = \\eta_L/2.6^{L-l}$：自顶向下依次为 $1.0\\times10^{-3}$、$3.85\\times10^{-4}$、$1.48\\times10^{-4}$、$5.69\\times10^{-5}$，最底层比顶层慢约 17.6 倍，既保护了通用的低层特征，又让任务相关的高层充分适应。',
        en: '$\\eta_l = \\eta_L/2.6^{L-l}$: from the top down $1.0\\times10^{-3}$, $3.85\\times10^{-4}$, $1.48\\times10^{-4}$, $5.69\\times10^{-5}$ — the bottom group moves about 17.6× more slowly than the top, protecting general low-level features while the task-specific top layers adapt.',
      },
      full: {
        zh: `**计算：** $2.6^1 = 2.6$，$2.6^2 = 6.76$，$2.6^3 = 17.576$，所以
$$10^{-3},\\;\\frac{10^{-3}}{2.6} = 3.85\\times10^{-4},\\;\\frac{10^{-3}}{6.76} = 1.48\\times10^{-4},\\;\\frac{10^{-3}}{17.576} = 5.69\\times10^{-5}.$$

**为什么：** 越低的层越通用（Yosinski et al., 2014），只需要很小的改动；越高的层越专用，新的分类头变化最大。统一的学习率要么让高层学得太慢，要么把低层冲坏。

**一般形式——逐层学习率衰减（LLRD）：** $\\eta_l = \\eta_{\\text{top}}\\,\\xi^{L-l}$，$\\xi\\in(0,1)$。ULMFiT 相当于 $\\xi = 1/2.6 \\approx 0.385$；微调很深的 Transformer 时常用更接近 1 的 $\\xi$。冻结可以看成 $\\eta = 0$ 的极限。

**ULMFiT 的配套技巧：** 斜三角学习率（短暂线性升温后长时间线性下降）和逐层解冻（先解冻最后一层，每个 epoch 多解冻一组）。

**实现细节：** PyTorch 用参数组；Keras/tfjs 需要自定义训练循环，为每组单独设优化器或学习率。注意对 SGD 来说把梯度乘以 $\\xi^k$ 等价于缩放学习率，但 Adam 对梯度的常数缩放（几乎）不变，那样做基本没有效果，必须真正为各组设置不同的学习率。`,
        en: `**Arithmetic:** $2.6^1 = 2.6$, $2.6^2 = 6.76$, $2.6^3 = 17.576$, so
$$10^{-3},\\;\\frac{10^{-3}}{2.6} = 3.85\\times10^{-4},\\;\\frac{10^{-3}}{6.76} = 1.48\\times10^{-4},\\;\\frac{10^{-3}}{17.576} = 5.69\\times10^{-5}.$$

**Why:** lower layers are more general (Yosinski et al., 2014) and need only small changes; higher layers are more specific, and the new head changes most. A single learning rate either trains the top too slowly or wrecks the bottom.

**General form — layer-wise learning-rate decay (LLRD):** $\\eta_l = \\eta_{\\text{top}}\\,\\xi^{L-l}$ with $\\xi\\in(0,1)$. ULMFiT corresponds to $\\xi = 1/2.6 \\approx 0.385$; values of $\\xi$ closer to 1 are common when fine-tuning deep Transformers. Freezing is the limit $\\eta = 0$.

**ULMFiT's companions:** slanted triangular learning rates (a short linear warm-up, then a long linear decay) and gradual unfreezing (unfreeze the last layer first, one more group per epoch).

**Implementation detail:** PyTorch uses parameter groups; in Keras/tfjs you need a custom loop with one optimizer (or learning rate) per group. For SGD, scaling the gradient by $\\xi^k$ is equivalent to scaling the learning rate, but Adam is (almost) invariant to constant gradient rescaling, so that trick does nothing there — set genuinely different learning rates per group.`,
      },
    },
    references: [ulmfit, yosinski],
    verification: [vTransferModel],
  },

  // =========================================================================
  // Model fusion: ensembles, voting, weight averaging, distillation
  // =========================================================================
  {
    id: 'xfer-ensemble-variance',
    topic: 'transfer-fusion',
    subtopic: 'ensembles',
    tags: ['ensemble', 'bias-variance', 'correlation', 'variance-reduction'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: '设 $M$ 个模型的预测方差都是 $\\sigma^2$，两两相关系数为 $\\rho$。推导它们平均值的方差。这对集成意味着什么？平均对偏差有什么影响？',
      en: 'Let $M$ models have predictions with equal variance $\\sigma^2$ and pairwise correlation $\\rho$. Derive the variance of their average. What does it imply for ensembles, and what does averaging do to the bias?',
    },
    answer: {
      short: {
        zh: '$\\operatorname{Var}(\\bar f) = \\rho\\sigma^2 + \\frac{1-\\rho}{M}\\sigma^2$：不相关的部分按 $1/M$ 缩小，相关部分 $\\rho\\sigma^2$ 永远消不掉，偏差则不变——集成的收益来自多样性，而不是数量。',
        en: '$\\operatorname{Var}(\\bar f) = \\rho\\sigma^2 + \\frac{1-\\rho}{M}\\sigma^2$: the uncorrelated part shrinks as $1/M$, the correlated part $\\rho\\sigma^2$ never does, and the bias is unchanged — ensembles pay off through diversity, not size.',
      },
      full: {
        zh: `**推导：** 令 $\\bar f = \\frac1M\\sum_m f_m$，$\\operatorname{Cov}(f_m, f_k) = \\rho\\sigma^2\\;(m\\ne k)$：
$$\\operatorname{Var}(\\bar f) = \\frac{1}{M^2}\\Big(\\sum_m \\operatorname{Var}(f_m) + \\sum_{m\\ne k}\\operatorname{Cov}(f_m, f_k)\\Big) = \\frac{1}{M^2}\\big(M\\sigma^2 + M(M-1)\\rho\\sigma^2\\big)$$
$$= \\frac{\\sigma^2}{M} + \\frac{M-1}{M}\\rho\\sigma^2 = \\rho\\sigma^2 + \\frac{1-\\rho}{M}\\sigma^2.$$

**数值：** $\\rho=0,\\,M=10$：$0.1\\sigma^2$；$\\rho=0.5,\\,M=5$：$0.6\\sigma^2$；$\\rho=0.9,\\,M=10$：$0.91\\sigma^2$；$M\\to\\infty$：$\\rho\\sigma^2$。

**偏差：** $\\mathbb{E}[\\bar f] = \\frac1M\\sum_m \\mathbb{E}[f_m]$，成员同分布时偏差与单个成员相同。平方误差 = 偏差² + 方差 + 噪声，平均只减小方差项；降低偏差是 boosting 的事。

Goodfellow 等人的等价写法：误差 $\\epsilon_m$ 满足 $\\mathbb{E}[\\epsilon_m^2]=v$、$\\mathbb{E}[\\epsilon_m\\epsilon_k]=c$，则集成的期望平方误差为 $\\frac{v}{M} + \\frac{M-1}{M}c$。

**启示：** 要让成员去相关：不同初始化和数据顺序、自助采样、不同结构，以及随机森林那样的特征子采样。对凸损失，由 Jensen 不等式，集成的损失不会超过成员损失的平均值，但仍可能不如最好的那个成员。`,
        en: `**Derivation:** with $\\bar f = \\frac1M\\sum_m f_m$ and $\\operatorname{Cov}(f_m, f_k) = \\rho\\sigma^2\\;(m\\ne k)$:
$$\\operatorname{Var}(\\bar f) = \\frac{1}{M^2}\\Big(\\sum_m \\operatorname{Var}(f_m) + \\sum_{m\\ne k}\\operatorname{Cov}(f_m, f_k)\\Big) = \\frac{1}{M^2}\\big(M\\sigma^2 + M(M-1)\\rho\\sigma^2\\big)$$
$$= \\frac{\\sigma^2}{M} + \\frac{M-1}{M}\\rho\\sigma^2 = \\rho\\sigma^2 + \\frac{1-\\rho}{M}\\sigma^2.$$

**Numbers:** $\\rho=0,\\,M=10$: $0.1\\sigma^2$; $\\rho=0.5,\\,M=5$: $0.6\\sigma^2$; $\\rho=0.9,\\,M=10$: $0.91\\sigma^2$; $M\\to\\infty$: $\\rho\\sigma^2$.

**Bias:** $\\mathbb{E}[\\bar f] = \\frac1M\\sum_m \\mathbb{E}[f_m]$, so with identically distributed members the bias equals a single member's. Squared error = bias² + variance + noise, and averaging only shrinks the variance term; reducing bias is boosting's job.

Goodfellow et al.'s equivalent form: with errors $\\epsilon_m$, $\\mathbb{E}[\\epsilon_m^2]=v$, $\\mathbb{E}[\\epsilon_m\\epsilon_k]=c$, the ensemble's expected squared error is $\\frac{v}{M} + \\frac{M-1}{M}c$.

**Implications:** decorrelate the members — different initializations and data orders, bootstrap resampling, different architectures, feature subsampling as in random forests. For a convex loss, Jensen's inequality guarantees the ensemble is no worse than the *average* member, but it can still be worse than the *best* one.`,
      },
    },
    references: [dlBookRegularization, esl],
    verification: [vAveragingEnsemble],
  },
  {
    id: 'xfer-bagging-boosting-stacking',
    topic: 'transfer-fusion',
    subtopic: 'ensembles',
    tags: ['bagging', 'boosting', 'stacking', 'random-forest'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: '比较 Bagging、Boosting 和 Stacking。它们各自主要降低哪种误差？深度网络通常用哪种？',
      en: 'Compare bagging, boosting and stacking. Which error component does each mainly reduce, and which is typical for deep networks?',
    },
    answer: {
      short: {
        zh: 'Bagging 在自助重采样的数据上并行训练成员再平均（降方差）；Boosting 顺序训练弱学习器，每个都关注前面的错误（主要降偏差）；Stacking 在成员的折外预测上训练元模型。深度集成通常类似 Bagging，但多样性来自随机初始化而不是自助采样。',
        en: 'Bagging trains members in parallel on bootstrap resamples and averages them (reduces variance); boosting trains weak learners sequentially, each focusing on its predecessors\u2019 errors (mainly reduces bias); stacking trains a meta-model on the members\u2019 out-of-fold predictions. Deep ensembles are usually bagging-like, but with diversity from random initialization rather than bootstrapping.',
      },
      full: {
        zh: `| | Bagging | Boosting | Stacking |
|---|---|---|---|
| 训练 | 并行，各用一份自助样本 | 顺序，重新加权样本（AdaBoost）或拟合负梯度（梯度提升） | 先训练基模型，再在折外预测上训练元学习器 |
| 组合 | 平均 / 多数投票 | 学习器的加权和 | 学出来的（如逻辑回归） |
| 主要降低 | 方差 | 偏差（也有方差） | 视元模型而定 |
| 基学习器 | 低偏差高方差（深决策树） | 弱学习器（树桩、浅树） | 多样的强模型 |
| 风险 | 很小 | 轮数过多时会拟合噪声标签 | 元学习器看到样本内预测就会泄漏 |

**随机森林** = Bagging + 每次分裂随机选特征子集，目的是降低树之间的相关系数 $\\rho$。

**深度网络：** 每份自助样本只包含约 $1-1/e \\approx 63.2\\%$ 的不同样本。Lakshminarayanan et al. (2017) 报告，对深度网络而言，随机初始化 + 随机打乱顺序、在全部数据上训练就足以提供多样性，Bagging 反而更差。Boosting 在深度学习里很少用：顺序训练太贵，而且成员本身就是强学习器。`,
        en: `| | Bagging | Boosting | Stacking |
|---|---|---|---|
| Training | parallel, one bootstrap sample each | sequential, reweighted examples (AdaBoost) or fits to the negative gradient (gradient boosting) | base models first, then a meta-learner on out-of-fold predictions |
| Combiner | average / majority vote | weighted sum of learners | learned (e.g. logistic regression) |
| Mainly reduces | variance | bias (and some variance) | depends on the meta-model |
| Base learners | low-bias, high-variance (deep trees) | weak (stumps, shallow trees) | diverse strong models |
| Risk | little | fitting label noise if run too long | leakage if the meta-learner sees in-sample predictions |

**Random forest** = bagging + a random feature subset at each split, to lower the correlation $\\rho$ between trees.

**Deep networks:** a bootstrap sample contains only about $1-1/e \\approx 63.2\\%$ distinct examples. Lakshminarayanan et al. (2017) report that for deep nets, random initialization plus random shuffling on the full data already gives enough diversity, and bagging did worse. Boosting is rare in deep learning: sequential training is expensive and the members are already strong learners.`,
      },
    },
    references: [esl, sklearnEnsembles, deepEnsembles, dlBookRegularization],
  },
  {
    id: 'xfer-soft-vs-hard-voting',
    topic: 'transfer-fusion',
    subtopic: 'voting',
    tags: ['soft-voting', 'hard-voting', 'calibration', 'majority-vote'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: '三个二分类器对同一样本给出 $P(A)$ = 0.55、0.55、0.05。硬投票和软投票分别预测什么？另外，如果三个分类器各自准确率 70% 且误差相互独立，多数投票的准确率是多少？',
      en: 'Three binary classifiers output $P(A)$ = 0.55, 0.55 and 0.05 for one example. What do hard and soft voting predict? And if three classifiers are each 70% accurate with independent errors, how accurate is their majority vote?',
    },
    answer: {
      short: {
        zh: '硬投票：A 以 2:1 胜出；软投票：平均 $P(A) = 0.383 < 0.5$，预测 B。误差独立时，三个 70% 分类器的多数投票正确率为 $0.7^3 + 3\\cdot0.7^2\\cdot0.3 = 0.784$（五个时为 0.837）——误差相关时要低得多。',
        en: 'Hard voting: A wins 2–1. Soft voting: mean $P(A) = 0.383 < 0.5$, so B. With independent errors, the majority of three 70% classifiers is right with probability $0.7^3 + 3\\cdot0.7^2\\cdot0.3 = 0.784$ (0.837 for five) — much less if the errors are correlated.',
      },
      full: {
        zh: `**硬投票 vs 软投票：** $(0.55 + 0.55 + 0.05)/3 = 0.3833$。硬投票忽略置信度，两个“勉强”的票压过一个很有把握的票；软投票利用了置信度，在概率**校准良好**时通常更好。但过度自信的成员会主导软投票，可以先做温度缩放等校准（Guo et al., 2017）。变体：加权投票、对数概率平均（几何平均后重新归一化）、logit 平均。

**独立多数投票（二项分布）：**
- $M=3$：$0.7^3 + 3\\cdot0.7^2\\cdot0.3 = 0.343 + 0.441 = 0.784$；
- $M=5$：$0.7^5 + 5\\cdot0.7^4\\cdot0.3 + 10\\cdot0.7^3\\cdot0.3^2 = 0.16807 + 0.36015 + 0.3087 = 0.83692$。

这就是 Condorcet 陪审团定理：成员独立且都好于随机时，多数投票准确率随 $M$ 增大趋于 1；若都差于随机，则趋于 0。现实中成员误差高度相关，收益要小得多（见 $\\rho\\sigma^2 + \\frac{1-\\rho}{M}\\sigma^2$）。$M$ 为偶数时硬投票还需要打破平局的规则。`,
        en: `**Hard vs soft:** $(0.55 + 0.55 + 0.05)/3 = 0.3833$. Hard voting ignores confidence, so two lukewarm votes outvote one confident vote; soft voting uses confidence and is usually better when the probabilities are **well calibrated**. Overconfident members can dominate a soft vote, though — calibrate first, e.g. with temperature scaling (Guo et al., 2017). Variants: weighted votes, averaging log-probabilities (a renormalized geometric mean), averaging logits.

**Independent majority vote (binomial):**
- $M=3$: $0.7^3 + 3\\cdot0.7^2\\cdot0.3 = 0.343 + 0.441 = 0.784$;
- $M=5$: $0.7^5 + 5\\cdot0.7^4\\cdot0.3 + 10\\cdot0.7^3\\cdot0.3^2 = 0.16807 + 0.36015 + 0.3087 = 0.83692$.

This is Condorcet's jury theorem: with independent members that are each better than chance, majority-vote accuracy tends to 1 as $M$ grows (and to 0 if they are worse than chance). Real members' errors are strongly correlated, so the gain is much smaller (see $\\rho\\sigma^2 + \\frac{1-\\rho}{M}\\sigma^2$). With even $M$, hard voting also needs a tie-breaking rule.`,
      },
    },
    references: [sklearnEnsembles, calibration, dlBookRegularization],
    verification: [vAveragingEnsemble],
  },
  {
    id: 'xfer-weight-vs-output-averaging',
    topic: 'transfer-fusion',
    subtopic: 'weight-averaging',
    tags: ['weight-averaging', 'swa', 'model-soups', 'linear-mode-connectivity'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: '权重平均（SWA、模型汤）与输出平均（集成）有何不同？什么时候对参数取平均有效？为什么对独立训练的网络取平均会失败？',
      en: 'Weight averaging (SWA, model soups) vs output averaging (ensembles): when does averaging parameters work, and why does it fail for independently trained networks?',
    },
    answer: {
      short: {
        zh: '输出平均适用于任意模型，但要跑 $M$ 次前向；权重平均只得到一个模型、一次前向，但要求这些模型位于同一个低损失盆地——同一次 SGD 运行的检查点（SWA）或从同一预训练模型微调出的模型（模型汤）——使得它们之间连线上的损失始终很低（线性模式连通性）。',
        en: 'Output averaging works for any models but costs $M$ forward passes; weight averaging yields one model and one forward pass, but only works when the models sit in one low-loss basin — checkpoints of one SGD run (SWA) or fine-tunes of one pretrained model (soups) — so that the loss stays low along the straight line between them (linear mode connectivity).',
      },
      full: {
        zh: `**两者一般不相等：** 网络对参数是非线性的，$f\\big(x; \\tfrac{\\theta_1+\\theta_2}{2}\\big) \\ne \\tfrac12\\big(f(x;\\theta_1) + f(x;\\theta_2)\\big)$；只有模型对参数线性（如 $f = \\theta^\\top\\phi(x)$）时两者才相同。

**SWA（Izmailov et al., 2018）：** 正常训练后，用恒定或周期性的较大学习率继续 SGD，每个 epoch/周期把权重并入滑动平均 $\\theta_{\\text{SWA}} \\leftarrow \\frac{n\\,\\theta_{\\text{SWA}} + \\theta}{n+1}$。得到的解位于更宽、更平坦的区域，泛化更好。**注意**：平均后的权重会改变激活的统计量，必须在训练数据上跑一遍重新计算 BN 统计量。

**模型汤（Wortsman et al., 2022）：** 从同一个预训练模型出发，用不同超参数微调多个模型。均匀汤直接全部平均；贪心汤按验证精度从高到低依次加入，只有当留出集精度提高时才保留。精度提升而推理开销不变。

**为什么独立训练的网络不行：** 隐藏单元可以任意置换而不改变函数（置换对称性），两次独立训练落在不同的“置换副本”里，连线中点会穿过高损失的屏障。Frankle et al. (2020) 发现，两份网络只要共享足够长的一段训练前缀（之后只在 SGD 噪声上不同），就是线性模式连通的。先用置换对齐（Git Re-Basin）可以降低屏障。

| | 输出平均 | 权重平均 |
|---|---|---|
| 推理开销 | $M$ 倍 | 1 倍 |
| 适用范围 | 任意模型，甚至不同结构 | 同一结构、同一盆地 |
| 多样性 | 越大越好 | 太大反而失败 |`,
        en: `**They differ in general:** a network is nonlinear in its parameters, so $f\\big(x; \\tfrac{\\theta_1+\\theta_2}{2}\\big) \\ne \\tfrac12\\big(f(x;\\theta_1) + f(x;\\theta_2)\\big)$; they coincide only for models linear in the parameters (e.g. $f = \\theta^\\top\\phi(x)$).

**SWA (Izmailov et al., 2018):** after normal training, continue SGD with a constant or cyclical, relatively high learning rate and fold the weights into a running average each epoch or cycle, $\\theta_{\\text{SWA}} \\leftarrow \\frac{n\\,\\theta_{\\text{SWA}} + \\theta}{n+1}$. The solution lies in a wider, flatter region and generalizes better. **Note:** averaged weights change activation statistics, so recompute the BN statistics with a pass over the training data.

**Model soups (Wortsman et al., 2022):** fine-tune several models from the same pretrained checkpoint with different hyperparameters. A uniform soup averages them all; a greedy soup adds them in decreasing order of validation accuracy, keeping each only if held-out accuracy improves. Accuracy goes up at no extra inference cost.

**Why independent runs fail:** hidden units can be permuted without changing the function (permutation symmetry), so two independent runs land in different permuted copies and the midpoint crosses a high-loss barrier. Frankle et al. (2020) found that two copies become linearly mode connected once they share a long enough prefix of training (differing afterwards only in SGD noise). Aligning permutations first (Git Re-Basin) can lower the barrier.

| | output averaging | weight averaging |
|---|---|---|
| inference cost | $M\\times$ | $1\\times$ |
| applies to | any models, even different architectures | same architecture, same basin |
| diversity | the more the better | too much breaks it |`,
      },
    },
    references: [swa, modelSoups, linearModeConnectivity, gitReBasin],
    verification: [vAverageWeights],
    misconceptions: [
      {
        claim: {
          zh: '任意两个同结构、同任务训练好的网络都可以直接做权重平均。',
          en: 'Any two trained networks with the same architecture and task can be weight-averaged directly.',
        },
        correction: {
          zh: '独立初始化的网络一般位于不同的置换副本中，直接平均往往接近随机猜测；需要共享初始化/训练前缀（SWA、模型汤），或先做置换对齐。',
          en: 'Independently initialized networks usually sit in different permuted copies, and their raw average is often near chance; they need a shared initialization or training prefix (SWA, soups) or a permutation alignment first.',
        },
      },
    ],
  },
  {
    id: 'xfer-permutation-symmetry',
    topic: 'transfer-fusion',
    subtopic: 'weight-averaging',
    tags: ['permutation-symmetry', 'weight-averaging', 'model-merging', 'loss-barrier'],
    kind: 'derivation',
    difficulty: 5,
    prompt: {
      zh: '用一个单隐层 ReLU 网络具体说明：为什么对两个功能完全相同的网络做权重平均也可能毁掉函数？平均之前应如何修正？',
      en: 'Using a one-hidden-layer ReLU network, show concretely why averaging the weights of two functionally identical networks can destroy the function. How would you fix it before averaging?',
    },
    answer: {
      short: {
        zh: '网络 A 取 $W_1 = (1,-1)^\\top$、$w_2 = (1,1)$，计算 $|x|$；B 是 A 交换两个隐藏单元，函数完全相同。沿 $\\theta_\\alpha=(1-\\alpha)\\theta_A+\\alpha\\theta_B$ 有 $f_\\alpha(x) = |1-2\\alpha|\\,|x|$，在 $\\alpha = \\tfrac12$ 处恒为 0。修正：平均前先把 B 的隐藏单元置换到与 A 对齐（权重匹配或激活匹配）。',
        en: 'Network A with $W_1 = (1,-1)^\\top$, $w_2 = (1,1)$ computes $|x|$; B is A with its two hidden units swapped — the same function. Along $\\theta_\\alpha=(1-\\alpha)\\theta_A+\\alpha\\theta_B$, $f_\\alpha(x) = |1-2\\alpha|\\,|x|$, identically 0 at $\\alpha = \\tfrac12$. Fix: permute B\u2019s hidden units to match A (weight or activation matching) before averaging.',
      },
      full: {
        zh: `**置换不变性：** $f(x) = W_2\\,\\mathrm{ReLU}(W_1x + b_1)$。对任意置换矩阵 $P$，令 $W_1\\to PW_1$、$b_1\\to Pb_1$、$W_2\\to W_2P^\\top$，因为 ReLU 逐元素作用、$P^\\top P = I$：
$$W_2P^\\top\\,\\mathrm{ReLU}(PW_1x + Pb_1) = W_2P^\\top P\\,\\mathrm{ReLU}(W_1x+b_1) = f(x).$$
宽度为 $n$ 的隐藏层就有 $n!$ 个等价的参数副本。

**反例（偏置为 0）：** A：$W_1^A = \\begin{pmatrix}1\\\\-1\\end{pmatrix}$，$w_2^A = (1, 1)$，于是 $f_A(x) = \\mathrm{ReLU}(x) + \\mathrm{ReLU}(-x) = |x|$。B 交换两个单元：$W_1^B = \\begin{pmatrix}-1\\\\1\\end{pmatrix}$，$w_2^B = (1,1)$，$f_B = f_A$。

**线性插值：** $W_1^\\alpha = \\begin{pmatrix}1-2\\alpha\\\\2\\alpha-1\\end{pmatrix}$，$w_2^\\alpha = (1,1)$，
$$f_\\alpha(x) = \\mathrm{ReLU}\\big((1-2\\alpha)x\\big) + \\mathrm{ReLU}\\big(-(1-2\\alpha)x\\big) = |1-2\\alpha|\\,|x|.$$
在 $\\alpha=\\tfrac12$ 处 $f\\equiv 0$，损失屏障在中点最高。而输出平均得到的仍是 $|x|$。

**修正——先对齐再平均：** 求
$$P^* = \\arg\\max_P\\;\\langle W_1^A, PW_1^B\\rangle_F + \\langle W_2^A, W_2^BP^\\top\\rangle_F,$$
单层时这是线性分配问题（匈牙利算法）；多层时各层耦合，Git Re-Basin 的权重匹配在各层之间轮流求解，也可以用数据上激活的相关性来匹配。本例中 $P^*$ 就是交换，对齐后平均恰好还原 A。从同一预训练模型微调出来的模型天然已经对齐，这正是模型汤可行的原因。`,
        en: `**Permutation invariance:** $f(x) = W_2\\,\\mathrm{ReLU}(W_1x + b_1)$. For any permutation matrix $P$, map $W_1\\to PW_1$, $b_1\\to Pb_1$, $W_2\\to W_2P^\\top$; since ReLU acts elementwise and $P^\\top P = I$:
$$W_2P^\\top\\,\\mathrm{ReLU}(PW_1x + Pb_1) = W_2P^\\top P\\,\\mathrm{ReLU}(W_1x+b_1) = f(x).$$
A hidden layer of width $n$ has $n!$ equivalent parameter copies.

**Counterexample (zero biases):** A: $W_1^A = \\begin{pmatrix}1\\\\-1\\end{pmatrix}$, $w_2^A = (1, 1)$, so $f_A(x) = \\mathrm{ReLU}(x) + \\mathrm{ReLU}(-x) = |x|$. B swaps the two units: $W_1^B = \\begin{pmatrix}-1\\\\1\\end{pmatrix}$, $w_2^B = (1,1)$, and $f_B = f_A$.

**Linear interpolation:** $W_1^\\alpha = \\begin{pmatrix}1-2\\alpha\\\\2\\alpha-1\\end{pmatrix}$, $w_2^\\alpha = (1,1)$, so
$$f_\\alpha(x) = \\mathrm{ReLU}\\big((1-2\\alpha)x\\big) + \\mathrm{ReLU}\\big(-(1-2\\alpha)x\\big) = |1-2\\alpha|\\,|x|.$$
At $\\alpha=\\tfrac12$, $f\\equiv 0$: the loss barrier peaks at the midpoint. Output averaging, by contrast, still gives $|x|$.

**Fix — align, then average:** solve
$$P^* = \\arg\\max_P\\;\\langle W_1^A, PW_1^B\\rangle_F + \\langle W_2^A, W_2^BP^\\top\\rangle_F,$$
a linear assignment problem for one layer (Hungarian algorithm); with several layers the permutations are coupled, and Git Re-Basin's weight matching solves for them layer by layer in alternation — or units can be matched by the correlation of their activations on data. Here $P^*$ is the swap, and averaging after alignment returns A exactly. Models fine-tuned from one pretrained checkpoint are already aligned, which is why model soups work.`,
      },
    },
    references: [gitReBasin, linearModeConnectivity, modelSoups],
    verification: [vAverageWeights],
  },
  {
    id: 'xfer-knowledge-distillation',
    topic: 'transfer-fusion',
    subtopic: 'distillation',
    tags: ['knowledge-distillation', 'temperature', 'soft-targets', 'model-compression'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: '解释带温度的知识蒸馏。为什么软目标的损失项要乘以 $T^2$？计算教师 logits 为 (2, 1, 0) 时在 T = 1 和 T = 4 下的软目标。',
      en: 'Explain knowledge distillation with temperature. Why is the soft-target loss term multiplied by $T^2$? Compute the teacher\u2019s soft targets for logits (2, 1, 0) at T = 1 and T = 4.',
    },
    answer: {
      short: {
        zh: '学生去拟合教师经温度软化的分布 $p_i = e^{v_i/T}/\\sum_j e^{v_j/T}$，其中包含类别相似性的“暗知识”；软目标的梯度按 $1/T^2$ 缩放，乘以 $T^2$ 能让它相对硬标签损失的权重在改变 T 时大致不变。logits (2,1,0)：T=1 时为 (0.665, 0.245, 0.090)，T=4 时为 (0.419, 0.326, 0.254)。',
        en: 'The student matches the teacher\u2019s temperature-softened distribution $p_i = e^{v_i/T}/\\sum_j e^{v_j/T}$, which carries "dark knowledge" about class similarity; soft-target gradients scale as $1/T^2$, so multiplying by $T^2$ keeps their weight relative to the hard-label loss roughly constant as T changes. For logits (2,1,0): (0.665, 0.245, 0.090) at T=1 and (0.419, 0.326, 0.254) at T=4.',
      },
      full: {
        zh: `**损失：** 学生 logits $z$，教师 logits $v$，$q^{(T)} = \\mathrm{softmax}(z/T)$，$p^{(T)} = \\mathrm{softmax}(v/T)$：
$$L = \\alpha\\,T^2\\,\\mathrm{KL}\\big(p^{(T)}\\,\\|\\,q^{(T)}\\big) + (1-\\alpha)\\,\\mathrm{CE}\\big(y, q^{(1)}\\big).$$
KL 与软交叉熵 $C = -\\sum_i p_i\\log q_i$ 只差教师熵这个常数，梯度相同。

**梯度：** $\\frac{\\partial C}{\\partial z_i} = \\frac1T\\,(q_i - p_i)$。高温时 $e^{z_i/T}\\approx 1 + z_i/T$，设 $N$ 个类、logits 均值为零：
$$q_i \\approx \\frac{1 + z_i/T}{N},\\qquad \\frac{\\partial C}{\\partial z_i} \\approx \\frac{1}{NT^2}\\,(z_i - v_i).$$
所以高温极限下蒸馏等价于匹配 logits，且梯度量级按 $1/T^2$ 缩小，乘以 $T^2$ 正好补偿。

**数值：** T=1 时 $\\mathrm{softmax}(2,1,0) = (0.665, 0.245, 0.090)$；T=4 时 $\\mathrm{softmax}(0.5, 0.25, 0) = (0.419, 0.326, 0.254)$。高温把“第二、三类有多像”的信息放大，这些信息在 one-hot 标签里完全没有。

**用途：** 把集成（或大模型）压缩成单个模型——Hinton et al. 表明单个蒸馏模型能拿回集成的大部分提升；Learning without Forgetting 也用蒸馏来抑制遗忘。`,
        en: `**Loss:** student logits $z$, teacher logits $v$, $q^{(T)} = \\mathrm{softmax}(z/T)$, $p^{(T)} = \\mathrm{softmax}(v/T)$:
$$L = \\alpha\\,T^2\\,\\mathrm{KL}\\big(p^{(T)}\\,\\|\\,q^{(T)}\\big) + (1-\\alpha)\\,\\mathrm{CE}\\big(y, q^{(1)}\\big).$$
KL and the soft cross-entropy $C = -\\sum_i p_i\\log q_i$ differ by the teacher's entropy, a constant, so their gradients match.

**Gradient:** $\\frac{\\partial C}{\\partial z_i} = \\frac1T\\,(q_i - p_i)$. At high temperature $e^{z_i/T}\\approx 1 + z_i/T$; with $N$ classes and zero-mean logits:
$$q_i \\approx \\frac{1 + z_i/T}{N},\\qquad \\frac{\\partial C}{\\partial z_i} \\approx \\frac{1}{NT^2}\\,(z_i - v_i).$$
So in the high-temperature limit distillation amounts to matching logits, and the gradient magnitude shrinks as $1/T^2$ — which the $T^2$ factor compensates.

**Numbers:** at T=1, $\\mathrm{softmax}(2,1,0) = (0.665, 0.245, 0.090)$; at T=4, $\\mathrm{softmax}(0.5, 0.25, 0) = (0.419, 0.326, 0.254)$. A higher temperature amplifies how similar the second and third classes are — information that a one-hot label does not contain at all.

**Uses:** compress an ensemble (or a large model) into a single model — Hinton et al. show that one distilled model recovers most of the ensemble's gain; Learning without Forgetting also uses distillation to limit forgetting.`,
      },
    },
    references: [distillation, lwf],
    verification: [vAveragingEnsemble],
  },

  // =========================================================================
  // Feature fusion, multi-task learning, stacking
  // =========================================================================
  {
    id: 'xfer-early-vs-late-fusion',
    topic: 'transfer-fusion',
    subtopic: 'feature-fusion',
    tags: ['early-fusion', 'late-fusion', 'multimodal', 'feature-fusion'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: '早期融合、中期融合和晚期融合分别是什么？各有什么取舍？',
      en: 'What are early, intermediate and late fusion, and what are the trade-offs?',
    },
    answer: {
      short: {
        zh: '早期融合在单个模型之前就合并原始输入或低层特征；中期融合把各分支学到的特征拼接（或用注意力交互）后训练联合分类头；晚期融合组合各分支的预测。融合越早越能建模源之间的细粒度交互，但要求输入对齐且齐全；融合越晚越模块化、对缺失模态越鲁棒，但会错过低层交互。',
        en: 'Early fusion merges raw inputs or low-level features before a single model; intermediate fusion concatenates (or attends over) features learned by per-source branches and trains a joint head; late fusion combines per-source predictions. Earlier fusion can model fine-grained cross-source interactions but needs aligned, complete inputs; later fusion is modular and robust to a missing source but misses low-level interactions.',
      },
      full: {
        zh: `| | 早期融合 | 中期（特征）融合 | 晚期（决策）融合 |
|---|---|---|---|
| 在哪里合并 | 输入 / 低层特征 | 各分支的嵌入 | 各分支的预测 |
| 例子 | RGB-D 直接堆成 4 通道 | 拼接图像编码器和文本编码器的倒数第二层嵌入 | 对各模态分类器的概率取平均 |
| 跨源交互 | 最细粒度 | 中等（交叉注意力时更强） | 几乎没有 |
| 要求 | 时空对齐、输入齐全 | 各分支输出定长向量 | 最少 |
| 缺失模态 | 很难处理 | 需要特殊处理 | 自然退化为剩余模态 |
| 预训练复用 | 困难（输入格式变了） | 容易 | 最容易 |

**常见问题：**
- 各分支维度和尺度不同 → 每支先做归一化或投影；
- 网络只依赖“最容易”的那个模态，另一支几乎没学 → 模态 dropout、为每个分支加辅助损失；
- 推理时某个模态缺失 → 晚期融合或训练时就随机丢弃模态。

Baltrušaitis et al. (2017) 把与模型无关的融合分为早期、晚期和混合三类，另有基于模型的融合（核方法、图模型、神经网络）；基于注意力的交叉模态融合可以看作表达力更强的中期融合。`,
        en: `| | Early fusion | Intermediate (feature) fusion | Late (decision) fusion |
|---|---|---|---|
| Merged where | inputs / low-level features | per-branch embeddings | per-branch predictions |
| Example | stack RGB-D into 4 channels | concatenate penultimate embeddings of an image and a text encoder | average the probabilities of per-modality classifiers |
| Cross-source interaction | finest | moderate (stronger with cross-attention) | almost none |
| Requires | spatial/temporal alignment, complete inputs | fixed-length vectors per branch | least |
| Missing modality | hard | needs special handling | degrades gracefully to the rest |
| Reusing pretrained models | hard (input format changes) | easy | easiest |

**Common problems:**
- branches differ in width and scale → normalize or project each branch first;
- the network relies on the "easiest" modality and barely trains the other → modality dropout, auxiliary losses per branch;
- a modality is missing at inference → late fusion, or drop modalities at random during training.

Baltrušaitis et al. (2017) divide model-agnostic fusion into early, late and hybrid, alongside model-based fusion (kernels, graphical models, neural networks); attention-based cross-modal fusion can be seen as a more expressive intermediate fusion.`,
      },
    },
    references: [multimodalSurvey],
  },
  {
    id: 'xfer-multi-task-learning',
    topic: 'transfer-fusion',
    subtopic: 'multi-task',
    tags: ['multi-task-learning', 'parameter-sharing', 'loss-weighting', 'gradient-conflict'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: '多任务学习与迁移学习有什么区别？多任务学习的主要设计问题有哪些？',
      en: 'How does multi-task learning differ from transfer learning, and what are its main design issues?',
    },
    answer: {
      short: {
        zh: '多任务学习用共享表示同时训练一个模型完成多个任务，关心所有任务；迁移学习通常是顺序的，只优化目标任务。多任务学习的核心问题是共享什么（硬共享还是软共享）、如何给各任务损失加权，以及梯度冲突（负迁移）。',
        en: 'Multi-task learning trains one model on several tasks at once with shared representations and cares about all of them; transfer learning is usually sequential and optimizes only the target. MTL\u2019s core issues are what to share (hard vs soft sharing), how to weight the task losses, and conflicting gradients (negative transfer).',
      },
      full: {
        zh: `**与迁移学习的区别：** Pan & Yang 指出，归纳式迁移的设定与多任务学习相似，但迁移学习只追求目标任务的表现，多任务学习则同时在意所有任务。多任务学习也可以用来预训练可迁移的表示，或作为辅助任务提升主任务。

**共享什么：**
- **硬参数共享**：共享主干 + 各任务独立的头，最常用，相当于一种正则化；
- **软参数共享**：每个任务有自己的模型，参数之间用正则化（如 L2 距离）约束或通过 cross-stitch 单元交互。

**损失加权：** $L = \\sum_t w_t L_t$，手工调权重代价很高。Kendall et al. (2018) 用同方差不确定性学习权重，回归任务下为
$$L = \\sum_t \\frac{1}{2\\sigma_t^2}L_t + \\log\\sigma_t,$$
$\\log\\sigma_t$ 项防止把 $\\sigma_t$ 推向无穷大。

**梯度冲突：** 若 $g_i\\cdot g_j < 0$，一个任务的更新会损害另一个。PCGrad（Yu et al., 2020）把冲突的梯度投影到对方的法平面上：
$$g_i \\leftarrow g_i - \\frac{g_i\\cdot g_j}{\\lVert g_j\\rVert^2}\\,g_j.$$

**诊断：** 对比每个任务单独训练与联合训练的表现；若某任务联合后明显变差，就是负迁移，需要调整共享结构或权重。`,
        en: `**Versus transfer learning:** Pan & Yang note that the inductive-transfer setting resembles multi-task learning, but transfer learning only cares about the target task while MTL cares about all tasks simultaneously. MTL can also pretrain transferable representations, or serve as auxiliary tasks for a main task.

**What to share:**
- **hard parameter sharing:** a shared trunk plus task-specific heads — the most common form, acting as a regularizer;
- **soft parameter sharing:** each task has its own model, with parameters tied by a regularizer (e.g. an L2 distance) or mixed through cross-stitch units.

**Loss weighting:** $L = \\sum_t w_t L_t$, and tuning the weights by hand is expensive. Kendall et al. (2018) learn them from homoscedastic uncertainty; for regression tasks
$$L = \\sum_t \\frac{1}{2\\sigma_t^2}L_t + \\log\\sigma_t,$$
where the $\\log\\sigma_t$ term stops $\\sigma_t$ from running to infinity.

**Gradient conflicts:** if $g_i\\cdot g_j < 0$, an update for one task hurts the other. PCGrad (Yu et al., 2020) projects a conflicting gradient onto the normal plane of the other:
$$g_i \\leftarrow g_i - \\frac{g_i\\cdot g_j}{\\lVert g_j\\rVert^2}\\,g_j.$$

**Diagnosis:** compare each task trained alone with the joint model; a task that gets clearly worse jointly is suffering negative transfer, so revisit the sharing structure or the weights.`,
      },
    },
    references: [mtlOverview, uncertaintyWeighting, pcgrad, panYang],
  },
  {
    id: 'xfer-implement-stacking',
    topic: 'transfer-fusion',
    subtopic: 'stacking',
    tags: ['stacking', 'meta-learner', 'out-of-fold', 'leakage', 'tfjs'],
    kind: 'coding',
    difficulty: 3,
    prompt: {
      zh: '实现一个用于分类的堆叠（stacking）集成。元学习器应如何训练才能避免信息泄漏？',
      en: 'Implement a stacking ensemble for a classifier. How must the meta-learner be trained to avoid leakage?',
    },
    answer: {
      short: {
        zh: '把冻结成员输出的类别概率拼接起来（共 $M\\cdot C$ 维），送入一个小元模型（通常是多项逻辑回归）；元模型必须在折外或留出数据的预测上训练，绝不能用成员在自身训练数据上的预测；我们的 `createStackingEnsemble` 构建这张图。',
        en: 'Feed the frozen members\u2019 predicted probabilities, concatenated ($M\\cdot C$ values), into a small meta-model — typically multinomial logistic regression — trained on out-of-fold or held-out predictions, never on predictions for the members\u2019 own training data; our `createStackingEnsemble` builds the graph.',
      },
      full: {
        zh: `**为什么会泄漏：** 成员在自己的训练集上几乎全对，若用这些样本内预测训练元学习器，它会学到“最相信最过拟合的那个成员”，到了测试集就失效。

**折外（OOF）预测：** 把训练集分成 $K$ 折；对每一折 $k$，用其余折训练各成员并预测第 $k$ 折，拼出覆盖全部训练样本的 $N\\times(M\\cdot C)$ 预测矩阵，在它上面训练元模型。测试时成员用全部数据重新训练（或对各折模型取平均）。更省事的做法是 blending：单独留出一部分数据专门训练元模型。scikit-learn 的 \`StackingClassifier\` 内部就是用交叉验证预测来训练最终估计器。

**元模型要简单：** 带正则的逻辑回归即可；输入可以是概率或对数概率。加权平均是它的特例（对角、非负的权重）。

\`\`\`ts
const input = tf.input({ shape: inputShape });
const memberProbs = members.map((m) => {
  m.trainable = false;
  return m.apply(input) as tf.SymbolicTensor;                  // 每个 [b, C]
});
const z = tf.layers.concatenate().apply(memberProbs) as tf.SymbolicTensor;   // [b, M*C]
const out = tf.layers.dense({ units: numClasses, activation: 'softmax' })
  .apply(z) as tf.SymbolicTensor;                               // 元学习器
const stack = tf.model({ inputs: input, outputs: out });
\`\`\`

实践中更简单的是：在 OOF 矩阵上单独训练元模型，再把它的权重拷进最后的 Dense 层。**测试应检查**：只有元学习器可训练；拼接宽度为 $M\\cdot C$；输出每行和为 1。`,
        en: `**Why it leaks:** members are almost perfect on their own training set; a meta-learner trained on those in-sample predictions learns to "trust the most overfit member" and fails on test data.

**Out-of-fold (OOF) predictions:** split the training set into $K$ folds; for each fold $k$, train the members on the other folds and predict fold $k$, giving an $N\\times(M\\cdot C)$ prediction matrix that covers every training example; fit the meta-model on it. At test time, retrain the members on all data (or average the fold models). A cheaper alternative is blending: hold out a separate split just for the meta-model. scikit-learn's \`StackingClassifier\` trains its final estimator on cross-validated predictions in exactly this way.

**Keep the meta-model simple:** regularized logistic regression is enough; inputs can be probabilities or log-probabilities. Weighted averaging is a special case (diagonal, non-negative weights).

\`\`\`ts
const input = tf.input({ shape: inputShape });
const memberProbs = members.map((m) => {
  m.trainable = false;
  return m.apply(input) as tf.SymbolicTensor;                  // each [b, C]
});
const z = tf.layers.concatenate().apply(memberProbs) as tf.SymbolicTensor;   // [b, M*C]
const out = tf.layers.dense({ units: numClasses, activation: 'softmax' })
  .apply(z) as tf.SymbolicTensor;                               // meta-learner
const stack = tf.model({ inputs: input, outputs: out });
\`\`\`

In practice it is simpler to fit the meta-model on the OOF matrix on its own and copy its weights into the final Dense layer. **Tests should check:** only the meta-learner is trainable; the concatenation has width $M\\cdot C$; output rows sum to 1.`,
      },
    },
    references: [sklearnEnsembles, esl, tfjsApi],
    verification: [vStackingEnsemble],
    misconceptions: [
      {
        claim: {
          zh: '把成员输出拼接后接 Dense，直接在训练集上端到端训练就行。',
          en: 'Concatenate the member outputs, add a Dense layer and train it end to end on the training set.',
        },
        correction: {
          zh: '成员在训练集上的预测过于乐观，元学习器会学到错误的信任度；必须用折外或留出数据的预测训练元学习器。',
          en: 'Members\u2019 predictions on their own training set are over-optimistic, so the meta-learner learns the wrong trust levels; fit it on out-of-fold or held-out predictions.',
        },
      },
    ],
  },

  // =========================================================================
  // Debugging
  // =========================================================================
  {
    id: 'xfer-debug-unfreeze-collapse',
    topic: 'transfer-fusion',
    subtopic: 'fine-tuning',
    tags: ['debugging', 'fine-tuning', 'learning-rate', 'batchnorm'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: '在冻结的主干上训练好新分类头后，验证精度达到 85%。随后解冻整个主干继续训练，不到一个 epoch 验证精度就跌到 30%，再也回不来。哪里出了问题？怎么修？',
      en: 'After training a new head on a frozen backbone you reach 85% validation accuracy. You unfreeze the whole backbone and keep training; within one epoch validation accuracy falls to 30% and never recovers. What went wrong, and how do you fix it?',
    },
    answer: {
      short: {
        zh: '最可能的原因是对预训练权重使用了过大的学习率（沿用头部训练时的学习率），再加上 BatchNorm 切换到训练模式、用小批次统计量。修复：学习率降低 10–100 倍并加预热，BN 保持推理模式，逐步解冻，改变 trainable 后重新编译。',
        en: 'Most likely a learning rate far too high for pretrained weights (reusing the head-training LR), together with BatchNorm switching to training mode with small-batch statistics. Fix: a 10–100× smaller LR with warm-up, BN kept in inference mode, gradual unfreezing, and recompiling after changing trainable flags.',
      },
      full: {
        zh: `**先做一个诊断：** 解冻后、**还没走任何一步**就评估一次。如果精度已经不是 85%，问题出在模式切换（BN、Dropout）或重新构图，而不是优化。

**症状 → 原因 → 修复：**
1. **学习率过大**：头部训练用的 Adam $10^{-3}$ 直接作用到全部层，大步更新冲毁特征。→ 用 $10^{-5}$ 量级（小 10–100 倍）、加预热、用判别式学习率。可以监控每层的更新/权重比 $\\lVert\\Delta w\\rVert/\\lVert w\\rVert$，经验上 $10^{-3}$ 左右比较健康。
2. **BN 进入训练模式**：批次小（8–32）时批统计量噪声大，滑动统计量也漂向新数据。→ Keras 中用 \`base(x, training=False)\` 调用主干；tfjs 的 \`fit()\` 不管 \`trainable\`，需缓存特征或写自定义循环。
3. **分类头不匹配**：如果解冻时重新初始化了头或换了损失，随机头的大梯度会灌进主干（LP-FT 的论点）。→ 先训好头再解冻。
4. **一次解冻全部**：→ 先解冻顶部几个块，逐步向下。
5. **Keras 细节**：修改 \`trainable\` 后必须重新 \`compile()\` 才生效；重新编译会重置优化器状态，这本身没问题，但不要以为旧的 Adam 动量还在。
6. **数据管道**：确认评估时没有开启数据增强，预处理没有变化。`,
        en: `**First, a diagnostic:** evaluate right after unfreezing, **before any step**. If accuracy is no longer 85%, the problem is a mode switch (BN, Dropout) or a rebuilt graph, not optimization.

**Symptom → cause → fix:**
1. **Learning rate too high:** the head's Adam $10^{-3}$ now applies to every layer and large updates wreck the features. → Use something like $10^{-5}$ (10–100× smaller), warm-up, discriminative LRs. Monitoring the per-layer update/weight ratio $\\lVert\\Delta w\\rVert/\\lVert w\\rVert$ helps; around $10^{-3}$ is a common healthy rule of thumb.
2. **BN in training mode:** with small batches (8–32) batch statistics are noisy, and the moving statistics drift to the new data. → In Keras call the base as \`base(x, training=False)\`; in tfjs \`fit()\` ignores \`trainable\` for BN, so cache features or write a custom loop.
3. **Head mismatch:** if the head was re-initialized or the loss changed when unfreezing, a random head's large gradients flood the backbone (the LP-FT argument). → Train the head first, then unfreeze.
4. **Unfreezing everything at once:** → unfreeze the top blocks first and move down gradually.
5. **Keras detail:** changes to \`trainable\` only take effect after \`compile()\` is called again; recompiling resets the optimizer state, which is fine — just don't assume the old Adam moments are still there.
6. **Data pipeline:** make sure augmentation is off at evaluation and the preprocessing has not changed.`,
      },
    },
    references: [kerasTransferGuide, lpft, ulmfit, cs231nTransfer],
  },
  {
    id: 'xfer-debug-fine-tune-overfitting',
    topic: 'transfer-fusion',
    subtopic: 'fine-tuning',
    tags: ['debugging', 'overfitting', 'regularization', 'early-stopping'],
    kind: 'debug',
    difficulty: 2,
    prompt: {
      zh: '你在 800 张标注图像上对 ResNet-50 的所有层微调 50 个 epoch。训练精度第 10 个 epoch 就到了 100%，而验证损失在第 4 个 epoch 降到最低后持续上升。诊断并修复。',
      en: 'You fine-tune all layers of a ResNet-50 on 800 labeled images for 50 epochs. Training accuracy reaches 100% by epoch 10, while validation loss bottoms out at epoch 4 and then rises. Diagnose and fix.',
    },
    answer: {
      short: {
        zh: '典型的过拟合：约 2350 万个主干参数对 800 个样本。减少可训练参数（冻结大部分层，只训练头或顶部块）、早停并恢复最佳权重、强数据增强、更小的学习率和更少的 epoch，并用把权重拉向预训练值的正则（L2-SP）代替普通权重衰减。',
        en: 'Classic overfitting: about 23.5M backbone parameters against 800 examples. Train fewer parameters (freeze most layers; train the head or top block), stop early and restore the best weights, augment strongly, use a lower LR and fewer epochs, and regularize towards the pretrained weights (L2-SP) instead of plain weight decay.',
      },
      full: {
        zh: `**诊断：** ResNet-50 共约 2556 万参数，其中 1000 类全连接层约 205 万，卷积主干约 2350 万。800 个样本远不足以约束这么多自由度；训练精度 100%、验证损失在早期见底后上升，是过拟合的标准曲线。

**修复（大致按性价比排序）：**
1. **早停**：监控验证**损失**，在第 4 个 epoch 附近停止并恢复最佳权重。
2. **少训练一些参数**：先只训练头（特征提取），必要时只解冻最后一个 stage。
3. **数据增强**：随机裁剪、翻转、颜色抖动，或 mixup。
4. **更小的学习率、更少的 epoch**。
5. **向预训练值正则化**：L2-SP（Li et al., 2018）
$$\\Omega(w) = \\frac{\\alpha}{2}\\lVert w_S - w_S^0\\rVert_2^2 + \\frac{\\beta}{2}\\lVert w_{\\bar S}\\rVert_2^2,$$
$w_S^0$ 是预训练权重，$w_{\\bar S}$ 是新头。普通权重衰减把权重拉向 0，也就是拉离有用的起点。
6. 头部加 Dropout、标签平滑。

**同时检查：** 验证集是否有代表性、有无重复样本或泄漏、类别是否不平衡；800 张图建议用 k 折交叉验证，并以“冻结特征 + 正则化逻辑回归”作为基线。`,
        en: `**Diagnosis:** ResNet-50 has about 25.6M parameters, of which the 1000-class FC layer is about 2.05M, leaving about 23.5M in the conv backbone. 800 examples cannot constrain that many degrees of freedom; training accuracy at 100% with validation loss bottoming out early and then rising is the textbook overfitting curve.

**Fixes (roughly by value for effort):**
1. **Early stopping:** monitor validation **loss**, stop around epoch 4 and restore the best weights.
2. **Train fewer parameters:** train only the head first (feature extraction); if needed unfreeze only the last stage.
3. **Augmentation:** random crops, flips, color jitter, or mixup.
4. **Lower learning rate, fewer epochs.**
5. **Regularize towards the pretrained weights:** L2-SP (Li et al., 2018)
$$\\Omega(w) = \\frac{\\alpha}{2}\\lVert w_S - w_S^0\\rVert_2^2 + \\frac{\\beta}{2}\\lVert w_{\\bar S}\\rVert_2^2,$$
with $w_S^0$ the pretrained weights and $w_{\\bar S}$ the new head. Plain weight decay pulls weights towards 0, i.e. away from the useful starting point.
6. Dropout on the head, label smoothing.

**Also check:** that the validation set is representative, that there are no duplicates or leakage, and class balance; with 800 images use k-fold cross-validation and a "frozen features + regularized logistic regression" baseline.`,
      },
    },
    references: [l2sp, kerasTransferGuide, resnet, cs231nTransfer],
  },
  {
    id: 'xfer-debug-correlated-ensemble',
    topic: 'transfer-fusion',
    subtopic: 'ensembles',
    tags: ['debugging', 'ensemble', 'diversity', 'correlation'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: '你对五个模型取平均，集成却不比最好的成员强（甚至略差）。这五个模型是同一次微调最后五个 epoch 的检查点。解释原因并修复。',
      en: 'You average five models and the ensemble is no better than its best member (even slightly worse). The five are the last five epoch checkpoints of one fine-tuning run. Explain and fix.',
    },
    answer: {
      short: {
        zh: '相邻检查点犯的错误几乎一样（$\\rho\\approx1$），平均几乎消不掉方差，等权重还让较弱的成员稀释了最好的那个。应让成员多样化（独立种子/初始化、数据顺序、增强、结构、预训练主干），度量误差相关性，在留出数据上调组合权重——或者对同一运行的检查点改做权重平均（SWA）。',
        en: 'Consecutive checkpoints make almost the same errors ($\\rho\\approx1$), so averaging removes almost no variance, and equal weights let weaker members dilute the best one. Diversify the members (independent seeds/initializations, data orders, augmentations, architectures, backbones), measure error correlation, and tune combination weights on held-out data — or, for checkpoints of one run, average their weights instead (SWA).',
      },
      full: {
        zh: `**原因：** 由 $\\operatorname{Var}(\\bar f) = \\rho\\sigma^2 + \\frac{1-\\rho}{M}\\sigma^2$，$\\rho = 0.95$、$M=5$ 时为 $0.96\\sigma^2$，只降低 4%。同一次运行的相邻检查点几乎在同一点附近，函数上几乎没有差异。Krogh & Vedelsby 的“模糊度分解”说得更直接：集成的平方误差 = 成员平均误差 − 成员间的分歧；分歧为零，收益为零。

**诊断：**
- 在验证集上计算成员两两之间的预测分歧率或误差相关系数；
- 算“oracle 精度”（至少一个成员答对的比例），它是任何组合方式的上限，若与最佳成员相差无几，融合就没有空间。

**修复：**
- **真正的多样性**：不同随机种子独立训练。Fort et al. (2019) 表明独立初始化会落到不同的模式，函数差异远大于同一轨迹上的检查点或其附近的采样；再加上不同增强、数据子集、结构或预训练主干。
- **加权**：在留出数据上调权重，或用堆叠；明显更弱的成员直接去掉。
- **检查实现**：平均的是概率而不是 argmax；所有成员都在推理模式下评估。
- **算力有限时**：snapshot ensembles（循环学习率，每个周期末存一个）能提供一些多样性；或者对同一轨迹的检查点做 SWA，得到一个更好的单模型。`,
        en: `**Cause:** from $\\operatorname{Var}(\\bar f) = \\rho\\sigma^2 + \\frac{1-\\rho}{M}\\sigma^2$, with $\\rho = 0.95$ and $M=5$ you get $0.96\\sigma^2$ — only a 4% reduction. Consecutive checkpoints of one run sit at nearly the same point and are nearly the same function. Krogh & Vedelsby's ambiguity decomposition says it directly: ensemble squared error = average member error − average disagreement among members; zero disagreement, zero gain.

**Diagnose:**
- compute pairwise disagreement rates or error correlations of the members on validation data;
- compute the "oracle accuracy" (fraction where at least one member is right), an upper bound for any combiner; if it barely exceeds the best member, there is nothing to fuse.

**Fix:**
- **Real diversity:** train with different random seeds. Fort et al. (2019) show that independent initializations reach different modes whose functions differ far more than checkpoints along one trajectory or samples around it; add different augmentations, data subsets, architectures or pretrained backbones.
- **Weighting:** tune weights on held-out data or use stacking; drop clearly weaker members.
- **Check the implementation:** average probabilities, not argmaxes; evaluate every member in inference mode.
- **On a budget:** snapshot ensembles (cyclic LR, save one model per cycle) add some diversity; or apply SWA to the checkpoints of one trajectory to get a single better model.`,
      },
    },
    references: [ensembleLandscape, deepEnsembles, dlBookRegularization, swa],
    misconceptions: [
      {
        claim: {
          zh: '集成的成员越多越好，随便凑几个模型就能提升。',
          en: 'More ensemble members always help; any few models will do.',
        },
        correction: {
          zh: '增益来自误差的不相关性；$M\\to\\infty$ 时方差下限是 $\\rho\\sigma^2$，高度相关的成员再多也几乎没用。',
          en: 'The gain comes from uncorrelated errors; as $M\\to\\infty$ the variance floor is $\\rho\\sigma^2$, so adding highly correlated members barely helps.',
        },
      },
    ],
  },
  {
    id: 'xfer-debug-preprocessing-mismatch',
    topic: 'transfer-fusion',
    subtopic: 'feature-extraction',
    tags: ['debugging', 'preprocessing', 'pretrained-models', 'input-normalization'],
    kind: 'debug',
    difficulty: 2,
    prompt: {
      zh: '冻结的预训练 MobileNetV2 加新分类头只达到 55% 精度，而教程在同一数据集上报告约 90%。训练损失正常下降。输入管道把像素缩放到 [0, 1]。问题出在哪里？',
      en: 'A frozen pretrained MobileNetV2 with a new head reaches only 55% accuracy where tutorials report about 90% on the same dataset. Training loss decreases normally. The input pipeline scales pixels to [0, 1]. What is wrong?',
    },
    answer: {
      short: {
        zh: '预处理不匹配：Keras 的 MobileNetV2 期望输入缩放到 [−1, 1]（`x/127.5 − 1`），喂 [0, 1] 会让冻结主干每一层的激活分布都偏离训练时的样子。训练、验证和线上都使用该模型自己的 `preprocess_input`，并检查通道顺序和分辨率。',
        en: 'A preprocessing mismatch: Keras\u2019s MobileNetV2 expects inputs scaled to [−1, 1] (`x/127.5 − 1`); feeding [0, 1] shifts the activation distribution of every layer of the frozen backbone away from what it was trained on. Use the model\u2019s own `preprocess_input` for training, validation and serving alike, and check channel order and resolution.',
      },
      full: {
        zh: `**各模型族的约定不同：**
- Keras 的 VGG16/ResNet50：“caffe” 模式，RGB → BGR，减去 ImageNet 各通道均值，不缩放；
- Keras 的 MobileNet/MobileNetV2/InceptionV3：“tf” 模式，缩放到 [−1, 1]；
- torchvision 模型：先缩放到 [0, 1]，再按通道用均值 (0.485, 0.456, 0.406)、标准差 (0.229, 0.224, 0.225) 标准化；
- 有些模型把预处理做进了网络（如 Keras 的 EfficientNet 期望 [0, 255] 的输入），这时再在外面预处理一次就是**重复预处理**。

**为什么训练损失还能下降：** 新分类头会去适应这些“错位”的特征，所以能学到一些东西，但特征质量大打折扣，精度卡在远低于预期的位置。

**快速自检：** 用主干**原来的分类头**对几张已知的 ImageNet 图片做预测，top-1 不对就说明预处理错了。

**其他常见错误：** BGR/RGB 颠倒；整数与浮点混用（tfjs 的 \`tf.browser.fromPixels\` 返回 0–255 的 int32）；缩放方式或长宽比与预训练不同；训练时和线上服务的预处理不一致（训练/服务偏差）。`,
        en: `**Each model family has its own convention:**
- Keras VGG16/ResNet50: "caffe" mode — RGB → BGR, subtract the ImageNet channel means, no scaling;
- Keras MobileNet/MobileNetV2/InceptionV3: "tf" mode — scale to [−1, 1];
- torchvision models: scale to [0, 1], then normalize per channel with mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225);
- some models build preprocessing into the network (e.g. Keras EfficientNet expects inputs in [0, 255]); preprocessing again outside is **double preprocessing**.

**Why training loss still falls:** the new head adapts to the shifted features, so it learns something, but the features are degraded and accuracy plateaus far below expectations.

**Quick self-check:** run the backbone with its **original classifier head** on a few known ImageNet images; wrong top-1 predictions mean the preprocessing is wrong.

**Other usual suspects:** swapped BGR/RGB; integer vs float inputs (tfjs \`tf.browser.fromPixels\` returns int32 in 0–255); a different resize method or aspect ratio than in pretraining; preprocessing that differs between training and serving (training/serving skew).`,
      },
    },
    references: [kerasMobileNet, kerasVgg, kerasTransferGuide],
  },
];
