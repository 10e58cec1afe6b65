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
// Verification targets in @dl/transfer-fusion.
// ---------------------------------------------------------------------------

const verified = (exportName: string, test: string): Verification => ({
  package: '@dl/transfer-fusion',
  export: exportName,
  test,
  status: 'verified',
});
const vTransferModel = verified('createTransferModel', 'packages/transfer-fusion/src/models/transfer-model.test.ts');
const vAverageWeights = verified('averageWeights', 'packages/transfer-fusion/src/ops/average-weights.test.ts');
const vAveragingEnsemble = verified('averageEnsemble', 'packages/transfer-fusion/src/models/average-ensemble.test.ts');
const vStackingEnsemble = verified('stackingEnsemble', 'packages/transfer-fusion/src/models/stacking-ensemble.test.ts');
const vFeatureFusion = verified('createFeatureFusionModel', 'packages/transfer-fusion/src/models/feature-fusion.test.ts');

// ---------------------------------------------------------------------------
// More references for the theory questions.
// ---------------------------------------------------------------------------

const kroghVedelsby: Reference = {
  title: 'Neural Network Ensembles, Cross Validation, and Active Learning',
  authors: 'Krogh & Vedelsby',
  year: 1995,
  url: 'https://papers.nips.cc/paper_files/paper/1994/hash/b8c37e33defde51cf91e1e03e51657da-Abstract.html',
};
const gretton: Reference = {
  title: 'A Kernel Two-Sample Test',
  authors: 'Gretton, Borgwardt, Rasch, Schölkopf & Smola',
  year: 2012,
  url: 'https://jmlr.org/papers/v13/gretton12a.html',
};
const wolpert: Reference = {
  title: 'Stacked generalization',
  authors: 'Wolpert',
  year: 1992,
  url: 'https://doi.org/10.1016/S0893-6080(05)80023-1',
};
const snapshotEnsembles: Reference = {
  title: 'Snapshot Ensembles: Train 1, get M for free',
  authors: 'Huang et al.',
  year: 2017,
  arxiv: '1704.00109',
};
const sgdr: Reference = {
  title: 'SGDR: Stochastic Gradient Descent with Warm Restarts',
  authors: 'Loshchilov & Hutter',
  year: 2017,
  arxiv: '1608.03983',
};
const fge: Reference = {
  title: 'Loss Surfaces, Mode Connectivity, and Fast Ensembling of DNNs',
  authors: 'Garipov et al.',
  year: 2018,
  arxiv: '1802.10026',
};
const negativeTransfer: Reference = {
  title: 'Characterizing and Avoiding Negative Transfer',
  authors: 'Wang, Dai, Póczos & Carbonell',
  year: 2019,
  arxiv: '1811.09751',
};
const whatIsTransferred: Reference = {
  title: 'What is being transferred in transfer learning?',
  authors: 'Neyshabur, Sedghi & Zhang',
  year: 2020,
  arxiv: '2008.11687',
};
const vgg: Reference = {
  title: 'Very Deep Convolutional Networks for Large-Scale Image Recognition',
  authors: 'Simonyan & Zisserman',
  year: 2015,
  arxiv: '1409.1556',
};
const deepAdaptationNetworks: Reference = {
  title: 'Learning Transferable Features with Deep Adaptation Networks',
  authors: 'Long et al.',
  year: 2015,
  arxiv: '1502.02791',
};
const failingLoudly: Reference = {
  title: 'Failing Loudly: An Empirical Study of Methods for Detecting Dataset Shift',
  authors: 'Rabanser, Günnemann & Lipton',
  year: 2019,
  arxiv: '1810.11953',
};
const batchRenorm: Reference = {
  title: 'Batch Renormalization: Towards Reducing Minibatch Dependence in Batch-Normalized Models',
  authors: 'Ioffe',
  year: 2017,
  arxiv: '1702.03275',
};
const distillationWorks: Reference = {
  title: 'Does Knowledge Distillation Really Work?',
  authors: 'Stanton et al.',
  year: 2021,
  arxiv: '2106.05945',
};
const teacherAssistant: Reference = {
  title: 'Improved Knowledge Distillation via Teacher Assistant',
  authors: 'Mirzadeh et al.',
  year: 2020,
  arxiv: '1902.03393',
};

// ---------------------------------------------------------------------------
// Verified links to the float64 theory of @dl/transfer-fusion (src/theory).
// ---------------------------------------------------------------------------

const theory = (exportName: string, file: string): Verification => ({
  package: '@dl/transfer-fusion',
  export: exportName,
  test: `packages/transfer-fusion/src/theory/${file}.test.ts`,
  status: 'verified',
});
const vSoftmaxT = theory('softmaxWithTemperature', 'temperature-softmax');
const vDistillLoss = theory('distillationLoss', 'distillation');
const vDistillGrad = theory('distillationGradient', 'distillation');
const vEnsembleVariance = theory('ensembleVariance', 'ensemble-variance');
const vAmbiguity = theory('ambiguityDecomposition', 'ambiguity-decomposition');
const vMajority = theory('majorityVoteAccuracy', 'majority-vote');
const vPermute = theory('permuteHiddenUnits', 'permutation-symmetry');
const vInterpolate = theory('interpolateNetworks', 'permutation-symmetry');
const vMmd = theory('maximumMeanDiscrepancy', 'maximum-mean-discrepancy');
const vImportance = theory('importanceWeights', 'importance-weights');
const vEss = theory('effectiveSampleSize', 'importance-weights');
const vLayerwise = theory('layerwiseLearningRates', 'layerwise-learning-rates');
const vStlr = theory('slantedTriangularLearningRate', 'slanted-triangular');
const vOutOfFold = theory('outOfFoldPredictions', 'out-of-fold');

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
    verification: [vTransferModel, vLayerwise],
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
    verification: [vAveragingEnsemble, vEnsembleVariance],
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
    verification: [vAveragingEnsemble, vMajority],
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
    verification: [vAverageWeights, vPermute, vInterpolate],
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
    verification: [vAveragingEnsemble, vSoftmaxT, vDistillGrad],
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
    verification: [vStackingEnsemble, vOutOfFold],
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
  // =========================================================================
  // Theory with numbers checked in @dl/transfer-fusion's float64 functions
  // =========================================================================
  {
    id: 'xfer-distillation-gradient-limit',
    topic: 'transfer-fusion',
    subtopic: 'distillation',
    tags: ['knowledge-distillation', 'temperature', 'gradient', 'logit-matching'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`推导蒸馏软损失 $T^2\,\mathrm{KL}(p^T\,\|\,q^T)$ 对学生 logits 的梯度，说明 T 很大且 logits 零均值时它趋于 $(z - v)/N$（logit 匹配）。以 $z = (1,-2,\tfrac12,\tfrac12)$、$v = (2,0,-1,-1)$ 为例，给出 T = 1、5、20、100 时梯度的范数，以及不乘 $T^2$ 时的范数。`,
      en: String.raw`Derive the gradient of the soft distillation loss $T^2\,\mathrm{KL}(p^T\,\|\,q^T)$ with respect to the student logits, and show that for large T and zero-mean logits it tends to $(z - v)/N$ (logit matching). For $z = (1,-2,\tfrac12,\tfrac12)$ and $v = (2,0,-1,-1)$, give the gradient norm at T = 1, 5, 20, 100, with and without the $T^2$ factor.`,
    },
    answer: {
      short: {
        zh: String.raw`$\partial\,\mathrm{KL}(p^T\|q^T)/\partial z_i = (q^T_i - p^T_i)/T$，乘以 $T^2$ 得 $T(q^T - p^T)$；高温时 $q^T_i \approx (1 + z_i/T)/N$，所以它趋于 $(z-v)/N$。例子中范数依次为 0.497、0.713、0.756、0.768，趋近 $\lVert(z-v)/4\rVert = 0.771$；不乘 $T^2$ 时为 0.497、0.0285、0.00189、$7.7\times10^{-5}$，按 $1/T^2$ 消失。`,
        en: String.raw`$\partial\,\mathrm{KL}(p^T\|q^T)/\partial z_i = (q^T_i - p^T_i)/T$, so with the $T^2$ factor the gradient is $T(q^T - p^T)$; at high temperature $q^T_i \approx (1 + z_i/T)/N$, so it tends to $(z-v)/N$. In the example the norms are 0.497, 0.713, 0.756, 0.768, approaching $\lVert(z-v)/4\rVert = 0.771$; without $T^2$ they are 0.497, 0.0285, 0.00189, $7.7\times10^{-5}$ — vanishing as $1/T^2$.`,
      },
      full: {
        zh: String.raw`**梯度：** $\mathrm{KL}(p\|q) = \sum_i p_i\log p_i - \sum_i p_i\log q_i$，教师项与 $z$ 无关。$\log q_i = z_i/T - \log\sum_j e^{z_j/T}$，所以
$$\frac{\partial}{\partial z_k}\Big(-\sum_i p_i\log q_i\Big) = -\frac{p_k}{T} + \frac{q_k}{T}\sum_i p_i = \frac{q_k - p_k}{T}.$$
乘以 $T^2$：$\nabla_z = T\,(q^T - p^T)$。

**高温极限：** $e^{z_i/T} = 1 + z_i/T + O(T^{-2})$。若 $\sum_i z_i = 0$，分母为 $N + O(T^{-2})$，$q_i = \frac{1 + z_i/T}{N} + O(T^{-2})$；教师同理。于是
$$T(q_i - p_i) = \frac{z_i - v_i}{N} + O(1/T).$$
这正是最小化 $\frac{1}{2N}\sum_i (z_i - v_i)^2$ 的梯度——Hinton 等人 §2.1 的 logit 匹配。若 logits 不是零均值，会多出一个对所有分量相同的项，但 softmax 对整体平移不变，这一项不影响结果。

**数值（$N=4$）：**

| T | $\lVert T(q-p)\rVert$ | $\lVert (q-p)/T\rVert$ |
|---|---|---|
| 1 | 0.497 | 0.497 |
| 5 | 0.713 | 0.0285 |
| 20 | 0.756 | 0.00189 |
| 100 | 0.768 | $7.7\times10^{-5}$ |

极限 $(z-v)/4 = (-0.25, -0.5, 0.375, 0.375)$，范数 0.771。

**为什么要 $T^2$：** 软项的梯度按 $1/T^2$ 缩小；乘以 $T^2$ 后它的量级与 T 基本无关，于是调 T 时不必重新调软、硬两项的权重 $\alpha$。`,
        en: String.raw`**Gradient:** $\mathrm{KL}(p\|q) = \sum_i p_i\log p_i - \sum_i p_i\log q_i$ and the teacher term does not depend on $z$. With $\log q_i = z_i/T - \log\sum_j e^{z_j/T}$,
$$\frac{\partial}{\partial z_k}\Big(-\sum_i p_i\log q_i\Big) = -\frac{p_k}{T} + \frac{q_k}{T}\sum_i p_i = \frac{q_k - p_k}{T}.$$
Times $T^2$: $\nabla_z = T\,(q^T - p^T)$.

**High-temperature limit:** $e^{z_i/T} = 1 + z_i/T + O(T^{-2})$. If $\sum_i z_i = 0$ the normalizer is $N + O(T^{-2})$ and $q_i = \frac{1 + z_i/T}{N} + O(T^{-2})$; likewise for the teacher. Hence
$$T(q_i - p_i) = \frac{z_i - v_i}{N} + O(1/T),$$
the gradient of $\frac{1}{2N}\sum_i (z_i - v_i)^2$ — the logit matching of Hinton et al., §2.1. Without zero-mean logits an extra term equal in every component appears, which a softmax ignores (it is shift-invariant).

**Numbers ($N=4$):**

| T | $\lVert T(q-p)\rVert$ | $\lVert (q-p)/T\rVert$ |
|---|---|---|
| 1 | 0.497 | 0.497 |
| 5 | 0.713 | 0.0285 |
| 20 | 0.756 | 0.00189 |
| 100 | 0.768 | $7.7\times10^{-5}$ |

The limit $(z-v)/4 = (-0.25, -0.5, 0.375, 0.375)$ has norm 0.771.

**Why $T^2$:** the soft term's gradient shrinks as $1/T^2$; multiplied by $T^2$ its size hardly depends on T, so changing T does not silently re-weight the soft term against the hard-label term.`,
      },
    },
    references: [distillation],
    verification: [vDistillGrad],
    misconceptions: [
      {
        claim: {
          zh: String.raw`乘 $T^2$ 是为了让软损失的数值与硬损失相当。`,
          en: String.raw`The $T^2$ factor is there to make the soft loss's value comparable to the hard loss.`,
        },
        correction: {
          zh: String.raw`要平衡的是**梯度**的量级：软项梯度按 $1/T^2$ 缩小，乘 $T^2$ 后与 T 基本无关；损失值本身随 T 的变化并不是 $1/T^2$。`,
          en: String.raw`It balances the **gradient** magnitude: the soft term's gradient shrinks as $1/T^2$, and times $T^2$ it is nearly independent of T; the loss value itself does not scale as $1/T^2$.`,
        },
      },
    ],
  },
  {
    id: 'xfer-distillation-loss-numeric',
    topic: 'transfer-fusion',
    subtopic: 'distillation',
    tags: ['knowledge-distillation', 'temperature', 'kl-divergence', 'cross-entropy'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`教师 logits $v = (2, 1, 0)$，学生 logits $z = (1, 0, 0)$，真实类别为 0，T = 2，$\alpha = 0.5$。计算蒸馏损失 $\alpha T^2\,\mathrm{KL}(p^T\|q^T) + (1-\alpha)\,\mathrm{CE}(y, q^1)$ 及其对 $z$ 的梯度。`,
      en: String.raw`Teacher logits $v = (2, 1, 0)$, student logits $z = (1, 0, 0)$, true class 0, T = 2, $\alpha = 0.5$. Compute the distillation loss $\alpha T^2\,\mathrm{KL}(p^T\|q^T) + (1-\alpha)\,\mathrm{CE}(y, q^1)$ and its gradient with respect to $z$.`,
    },
    answer: {
      short: {
        zh: String.raw`$p^2 = (0.506, 0.307, 0.186)$，$q^2 = (0.452, 0.274, 0.274)$，$T^2\mathrm{KL} = 0.0838$；$q^1 = (0.576, 0.212, 0.212)$，CE $= 0.5514$。损失 $= 0.5\cdot0.0838 + 0.5\cdot0.5514 = 0.3176$，梯度 $= 0.5\cdot T(q^2-p^2) + 0.5\,(q^1 - e_0) = (-0.2666, 0.0728, 0.1937)$。`,
        en: String.raw`$p^2 = (0.506, 0.307, 0.186)$, $q^2 = (0.452, 0.274, 0.274)$, $T^2\mathrm{KL} = 0.0838$; $q^1 = (0.576, 0.212, 0.212)$, CE $= 0.5514$. Loss $= 0.5\cdot0.0838 + 0.5\cdot0.5514 = 0.3176$; gradient $= 0.5\cdot T(q^2-p^2) + 0.5\,(q^1 - e_0) = (-0.2666, 0.0728, 0.1937)$.`,
      },
      full: {
        zh: String.raw`**软化分布：** $p^2 = \mathrm{softmax}(1, 0.5, 0) = (0.5065, 0.3072, 0.1863)$，$q^2 = \mathrm{softmax}(0.5, 0, 0) = (0.4519, 0.2741, 0.2741)$。

**软项：** $\mathrm{KL} = \sum_i p_i\log(p_i/q_i) = 0.02095$，乘 $T^2 = 4$ 得 0.0838。

**硬项：** $q^1 = \mathrm{softmax}(1,0,0) = (0.5761, 0.2119, 0.2119)$，$-\log 0.5761 = 0.5514$。

**损失：** $0.5\cdot0.0838 + 0.5\cdot0.5514 = 0.3176$。

**梯度：** 软项 $T(q^2 - p^2) = (-0.1092, -0.0663, 0.1755)$，硬项 $q^1 - e_0 = (-0.4239, 0.2119, 0.2119)$，加权和 $(-0.2666, 0.0728, 0.1937)$。两项分量之和都为 0（softmax 对平移不变）。

**注意：** 硬标签项用 $T = 1$；温度只用在软项，推理时学生也用 $T = 1$。`,
        en: String.raw`**Softened distributions:** $p^2 = \mathrm{softmax}(1, 0.5, 0) = (0.5065, 0.3072, 0.1863)$, $q^2 = \mathrm{softmax}(0.5, 0, 0) = (0.4519, 0.2741, 0.2741)$.

**Soft term:** $\mathrm{KL} = \sum_i p_i\log(p_i/q_i) = 0.02095$; times $T^2 = 4$ gives 0.0838.

**Hard term:** $q^1 = \mathrm{softmax}(1,0,0) = (0.5761, 0.2119, 0.2119)$, $-\log 0.5761 = 0.5514$.

**Loss:** $0.5\cdot0.0838 + 0.5\cdot0.5514 = 0.3176$.

**Gradient:** soft part $T(q^2 - p^2) = (-0.1092, -0.0663, 0.1755)$, hard part $q^1 - e_0 = (-0.4239, 0.2119, 0.2119)$, weighted sum $(-0.2666, 0.0728, 0.1937)$. Each part sums to 0 (a softmax is shift-invariant).

**Note:** the hard-label term uses $T = 1$; the temperature belongs to the soft term only, and the student predicts at $T = 1$.`,
      },
    },
    references: [distillation],
    verification: [vDistillLoss, vDistillGrad, vSoftmaxT],
  },
  {
    id: 'xfer-debug-distillation-temperature',
    topic: 'transfer-fusion',
    subtopic: 'distillation',
    tags: ['debugging', 'knowledge-distillation', 'temperature'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: '你用 T = 8、$\\alpha = 0.9$ 蒸馏一个学生网络。软损失几乎立刻降到接近 0，学生的精度却不比只用硬标签训练高，推理时的置信度也很低。代码里 `soft = kl(softmax(teacher / T), softmax(student))`，推理时用 `softmax(student / T)`。哪里错了？',
      en: 'You distill a student with T = 8 and $\\alpha = 0.9$. The soft loss drops to almost 0 at once, yet the student is no more accurate than one trained on hard labels, and its predictions at inference are barely confident. The code computes `soft = kl(softmax(teacher / T), softmax(student))` and predicts with `softmax(student / T)`. What is wrong?',
    },
    answer: {
      short: {
        zh: String.raw`温度只作用在了教师上：学生的 softmax 也必须除以 T，否则学生被迫在 $T=1$ 下输出一个接近均匀的分布（这很容易，所以软损失立刻变小），学到的是“压扁的 logits”。两边都除以 T 之后，软项梯度按 $1/T^2$ 缩小，还要乘 $T^2$；推理时又错误地除了 T。修复：$\mathrm{KL}(\mathrm{softmax}(v/T)\,\|\,\mathrm{softmax}(z/T))\cdot T^2$，推理用 $\mathrm{softmax}(z)$。`,
        en: String.raw`The temperature was applied to the teacher only: the student's softmax must also divide by T; otherwise the student has to output a nearly uniform distribution at $T=1$ (easy, hence the instantly small soft loss) and learns squashed logits. Once both sides divide by T the soft gradient shrinks as $1/T^2$, so the $T^2$ factor is needed too; and inference wrongly divides by T. Fix: $\mathrm{KL}(\mathrm{softmax}(v/T)\,\|\,\mathrm{softmax}(z/T))\cdot T^2$, and predict with $\mathrm{softmax}(z)$.`,
      },
      full: {
        zh: String.raw`**三个错误：**
1. **学生没除以 T。** 教师在 T = 8 下几乎是均匀分布；学生在 T = 1 下要匹配它，只需把所有 logits 拉到几乎相等——软损失立刻很小，但教师的相对信息（哪些错类更像）被压在很小的 logit 差里，学生的 logit 尺度也被推向 $1/T$。正确做法是两边都用 $\mathrm{softmax}(\cdot/T)$，学生的 logits 才能保持与教师相同的尺度，高温极限下才等价于 logit 匹配。
2. **修好第 1 点后还缺 $T^2$。** 两边都用温度 T 时，软项梯度是 $(q^T - p^T)/T$，按 $1/T^2$ 缩小，T = 8 时约小 64 倍；不乘 $T^2$，$\alpha = 0.9$ 看似偏重软项，实际梯度几乎全来自硬标签项。
3. **推理时除以 T。** 温度只是训练时的“放大镜”；推理用 $T = 1$，否则概率被人为压平、置信度很低（Top-1 不变，但校准和阈值都错了）。

**检查方法：** 用一个固定的小批次做单元测试：学生 logits 等于教师 logits 时软损失应为 0；对学生 logits 做有限差分，梯度应为 $\alpha T(q^T - p^T) + (1-\alpha)(q^1 - y)$。`,
        en: String.raw`**Three bugs:**
1. **The student is not divided by T.** At T = 8 the teacher is nearly uniform; to match it at T = 1 the student only has to make its logits nearly equal — the soft loss drops at once, but the teacher's relative information (which wrong classes are alike) is squeezed into tiny logit differences, and the student's logit scale is pushed towards $1/T$. Both sides need $\mathrm{softmax}(\cdot/T)$; then the student keeps the teacher's logit scale, and the high-temperature limit is logit matching.
2. **Then $T^2$ is missing.** With both sides at temperature T the soft gradient is $(q^T - p^T)/T$, shrinking as $1/T^2$ — about 64× at T = 8; without $T^2$, $\alpha = 0.9$ looks like a heavy soft weight while almost all the gradient comes from the hard-label term.
3. **Dividing by T at inference.** The temperature is a training-time magnifier; predict at $T = 1$, or the probabilities are artificially flattened (the top-1 class is unchanged, but calibration and thresholds are wrong).

**How to catch it:** unit-test on a fixed batch: the soft loss is 0 when the student's logits equal the teacher's, and finite differences with respect to the student logits give $\alpha T(q^T - p^T) + (1-\alpha)(q^1 - y)$.`,
      },
    },
    references: [distillation, distillationWorks],
  },
  {
    id: 'xfer-ensemble-diminishing-returns',
    topic: 'transfer-fusion',
    subtopic: 'ensembles',
    tags: ['ensemble', 'variance-reduction', 'correlation', 'diminishing-returns'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: String.raw`成员预测方差 $\sigma^2 = 1$，两两相关系数 $\rho = 0.3$。5 个成员的平均值方差是多少？方差下限是多少？至少需要多少个成员，平均值方差才能落在下限的 10% 以内？`,
      en: String.raw`Members have prediction variance $\sigma^2 = 1$ and pairwise correlation $\rho = 0.3$. What is the variance of the average of 5 members, what is the floor, and how many members are needed to get within 10% of the floor?`,
    },
    answer: {
      short: {
        zh: String.raw`$\rho\sigma^2 + (1-\rho)\sigma^2/n$：$n=5$ 时为 $0.3 + 0.7/5 = 0.44$；下限 $\rho\sigma^2 = 0.3$；要 $0.7/n \le 0.03$，即 $n \ge 23.3$，需要 24 个（23 个时为 0.3304）。`,
        en: String.raw`$\rho\sigma^2 + (1-\rho)\sigma^2/n$: $0.3 + 0.7/5 = 0.44$ for $n=5$; the floor is $\rho\sigma^2 = 0.3$; $0.7/n \le 0.03$ needs $n \ge 23.3$, i.e. 24 members (23 give 0.3304).`,
      },
      full: {
        zh: String.raw`**公式：** $\operatorname{Var}(\bar f) = \mathbf{1}^\top\Sigma\mathbf{1}/n^2$，$\Sigma$ 对角为 $\sigma^2$、非对角为 $\rho\sigma^2$，得 $\rho\sigma^2 + (1-\rho)\sigma^2/n$。

**数值：** $n = 1, 2, 5, 10, 24, \infty$ 时分别为 1、0.65、0.44、0.37、0.329、0.3。前 5 个成员去掉了可去掉部分（0.7）的 80%，从 5 个到 24 个只再多去掉 16%。

**边际收益：** 第 $n$ 个成员带来的方差下降是 $0.7\big(\tfrac{1}{n-1} - \tfrac1n\big) = \tfrac{0.7}{n(n-1)}$，按 $1/n^2$ 衰减，而推理成本按 $n$ 线性增长。所以实践中深度集成常用 3–10 个成员；要继续降低误差，应该降低 $\rho$（不同初始化、数据、结构），而不是加成员。

**$\rho$ 的下界：** $n$ 个变量两两相关系数不能小于 $-1/(n-1)$，否则协方差矩阵不是半正定的——这时公式会给出负方差。`,
        en: String.raw`**Formula:** $\operatorname{Var}(\bar f) = \mathbf{1}^\top\Sigma\mathbf{1}/n^2$ with $\sigma^2$ on the diagonal of $\Sigma$ and $\rho\sigma^2$ off it, which gives $\rho\sigma^2 + (1-\rho)\sigma^2/n$.

**Numbers:** for $n = 1, 2, 5, 10, 24, \infty$: 1, 0.65, 0.44, 0.37, 0.329, 0.3. The first 5 members remove 80% of the removable part (0.7); going from 5 to 24 removes only another 16%.

**Marginal gain:** the $n$-th member reduces the variance by $0.7\big(\tfrac{1}{n-1} - \tfrac1n\big) = \tfrac{0.7}{n(n-1)}$, falling as $1/n^2$, while inference cost grows linearly in $n$. That is why deep ensembles typically use 3–10 members; to go further, lower $\rho$ (different initializations, data, architectures) rather than add members.

**A bound on $\rho$:** $n$ variables cannot all be pairwise correlated below $-1/(n-1)$ (the covariance matrix would not be positive semi-definite) — there the formula would give a negative variance.`,
      },
    },
    references: [dlBookRegularization, deepEnsembles],
    verification: [vEnsembleVariance],
  },
  {
    id: 'xfer-condorcet-jury-theorem',
    topic: 'transfer-fusion',
    subtopic: 'voting',
    tags: ['majority-vote', 'condorcet', 'independence', 'hard-voting'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`每个二分类器独立地以概率 0.6 答对。多数投票要达到 90% 的准确率至少需要多少个（奇数个）分类器？若每个只有 0.4 的准确率，5 个投票会怎样？若所有分类器完全相关呢？`,
      en: String.raw`Each binary classifier is independently right with probability 0.6. How many (an odd number) are needed for a majority vote to reach 90% accuracy? What happens with 5 voters that are each only 40% accurate? And if all classifiers are perfectly correlated?`,
    },
    answer: {
      short: {
        zh: String.raw`$P = \sum_{k>n/2}\binom{n}{k}p^k(1-p)^{n-k}$：$p=0.6$ 时 $n=39$ 为 0.898，$n=41$ 为 0.903，所以需要 41 个。$p=0.4$、$n=5$ 时为 0.317，比单个更差。完全相关时投票结果就是单个分类器，仍为 0.6。`,
        en: String.raw`$P = \sum_{k>n/2}\binom{n}{k}p^k(1-p)^{n-k}$: with $p=0.6$, $n=39$ gives 0.898 and $n=41$ gives 0.903, so 41 are needed. With $p=0.4$, $n=5$ gives 0.317 — worse than one voter. Perfectly correlated voters vote as one: still 0.6.`,
      },
      full: {
        zh: String.raw`**Condorcet 陪审团定理：** $n$（奇数）个独立投票者，每个正确概率为 $p$，多数正确的概率
$$P_n = \sum_{k=(n+1)/2}^{n}\binom{n}{k}p^k(1-p)^{n-k}.$$
$p > \tfrac12$ 时 $P_n$ 随 $n$ 单调增并趋于 1；$p < \tfrac12$ 时趋于 0；$p = \tfrac12$ 时恒为 $\tfrac12$。

**数值：** $p = 0.6$：$P_3 = 0.648$，$P_{11} = 0.753$，$P_{39} = 0.898$，$P_{41} = 0.903$。正态近似 $\Phi\big((p-\tfrac12)\sqrt n/\sqrt{p(1-p)}\big) \ge 0.9$ 要求 $\sqrt n \ge 1.2816\cdot0.4899/0.1 = 6.28$，即 $n \ge 39.4$，下一个奇数是 41，与精确值一致（对奇数 $n$，阈值 $n/2$ 本身就相当于连续性修正）。$p = 0.4$、$n = 5$：$P_5 = 0.317$。

**对集成的启示：**
- 前提是**独立**。完全相关的成员没有任何收益；实际成员的错误高度相关，收益远小于这个上界。
- 成员必须**好于随机**；差于随机的成员越多越糟。
- 多分类时多数（或相对多数）投票的分析类似，但“好于随机”的门槛不同。
- 软投票用到了置信度，通常优于硬投票。`,
        en: String.raw`**Condorcet's jury theorem:** with $n$ (odd) independent voters, each right with probability $p$, the majority is right with probability
$$P_n = \sum_{k=(n+1)/2}^{n}\binom{n}{k}p^k(1-p)^{n-k}.$$
For $p > \tfrac12$, $P_n$ increases with $n$ towards 1; for $p < \tfrac12$ it falls towards 0; at $p = \tfrac12$ it stays $\tfrac12$.

**Numbers:** $p = 0.6$: $P_3 = 0.648$, $P_{11} = 0.753$, $P_{39} = 0.898$, $P_{41} = 0.903$. The normal approximation $\Phi\big((p-\tfrac12)\sqrt n/\sqrt{p(1-p)}\big) \ge 0.9$ needs $\sqrt n \ge 1.2816\cdot0.4899/0.1 = 6.28$, i.e. $n \ge 39.4$; the next odd $n$ is 41, as in the exact answer (for odd $n$ the threshold $n/2$ already acts as a continuity correction). $p = 0.4$, $n = 5$: $P_5 = 0.317$.

**For ensembles:**
- It assumes **independence**. Perfectly correlated members gain nothing; real members' errors are strongly correlated, so the gain is far below this bound.
- Members must be **better than chance**; adding worse-than-chance members makes it worse.
- Plurality voting over many classes behaves similarly, with a different threshold for "better than chance".
- Soft voting uses confidence and usually beats hard voting.`,
      },
    },
    references: [sklearnEnsembles, dlBookRegularization],
    verification: [vMajority],
  },
  {
    id: 'xfer-ambiguity-decomposition',
    topic: 'transfer-fusion',
    subtopic: 'ensembles',
    tags: ['ambiguity-decomposition', 'diversity', 'ensemble', 'squared-error'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`对加权回归集成 $\bar f = \sum_m w_m f_m$（$w_m \ge 0$，$\sum_m w_m = 1$），推导 Krogh & Vedelsby 的模糊度分解：$(\bar f - y)^2 = \sum_m w_m (f_m - y)^2 - \sum_m w_m (f_m - \bar f)^2$。用两个成员预测 1 和 3、目标 2.5 验证，并说明它的含义。`,
      en: String.raw`For a weighted regression ensemble $\bar f = \sum_m w_m f_m$ ($w_m \ge 0$, $\sum_m w_m = 1$), derive Krogh & Vedelsby's ambiguity decomposition $(\bar f - y)^2 = \sum_m w_m (f_m - y)^2 - \sum_m w_m (f_m - \bar f)^2$. Check it with two members predicting 1 and 3 for a target of 2.5, and explain what it means.`,
    },
    answer: {
      short: {
        zh: String.raw`把 $f_m - y = (f_m - \bar f) + (\bar f - y)$ 展开，交叉项 $2(\bar f - y)\sum_m w_m(f_m - \bar f) = 0$。例子：集成预测 2，误差 0.25 = 成员平均误差 $(2.25 + 0.25)/2 = 1.25$ − 模糊度 $(1+1)/2 = 1$。集成永远不差于成员的加权平均，收益恰好等于成员之间的分歧。`,
        en: String.raw`Expand $f_m - y = (f_m - \bar f) + (\bar f - y)$; the cross term $2(\bar f - y)\sum_m w_m(f_m - \bar f)$ is 0. Example: the ensemble predicts 2 with error 0.25 = mean member error $(2.25 + 0.25)/2 = 1.25$ − ambiguity $(1+1)/2 = 1$. The ensemble is never worse than its weighted average member, and it gains exactly the members' disagreement.`,
      },
      full: {
        zh: String.raw`**推导：**
$$\sum_m w_m(f_m - y)^2 = \sum_m w_m\big[(f_m - \bar f) + (\bar f - y)\big]^2 = \sum_m w_m(f_m - \bar f)^2 + 2(\bar f - y)\sum_m w_m(f_m - \bar f) + (\bar f - y)^2.$$
由于 $\sum_m w_m f_m = \bar f$ 且 $\sum_m w_m = 1$，中间项为 0，移项即得
$$\underbrace{(\bar f - y)^2}_{E} = \underbrace{\sum_m w_m (f_m - y)^2}_{\bar E} - \underbrace{\sum_m w_m (f_m - \bar f)^2}_{\bar A}.$$
对每个输入都成立，所以对数据分布取平均后同样成立。

**例子：** $f = (1, 3)$，$w = (\tfrac12, \tfrac12)$，$y = 2.5$：$\bar f = 2$，$E = 0.25$；$\bar E = (2.25 + 0.25)/2 = 1.25$；$\bar A = (1 + 1)/2 = 1$。

**含义：**
- $\bar A \ge 0$，所以 $E \le \bar E$：集成不会比成员的（加权）平均更差——但仍可能比最好的成员差。
- 模糊度**不需要标签**，可以在无标注数据上估计。
- 单纯增加分歧并不够：$\bar E$ 和 $\bar A$ 此消彼长，让成员更不一样的手段（更强正则、更少数据）往往也会增大 $\bar E$。这就是“准确性–多样性”权衡。
- 它是平方损失特有的恒等式；对交叉熵等其他损失，类似分解需要 Bregman 散度形式。`,
        en: String.raw`**Derivation:**
$$\sum_m w_m(f_m - y)^2 = \sum_m w_m\big[(f_m - \bar f) + (\bar f - y)\big]^2 = \sum_m w_m(f_m - \bar f)^2 + 2(\bar f - y)\sum_m w_m(f_m - \bar f) + (\bar f - y)^2.$$
Since $\sum_m w_m f_m = \bar f$ and $\sum_m w_m = 1$ the middle term vanishes, so
$$\underbrace{(\bar f - y)^2}_{E} = \underbrace{\sum_m w_m (f_m - y)^2}_{\bar E} - \underbrace{\sum_m w_m (f_m - \bar f)^2}_{\bar A}.$$
It holds for every input, hence also averaged over the data distribution.

**Example:** $f = (1, 3)$, $w = (\tfrac12, \tfrac12)$, $y = 2.5$: $\bar f = 2$, $E = 0.25$; $\bar E = (2.25 + 0.25)/2 = 1.25$; $\bar A = (1 + 1)/2 = 1$.

**Meaning:**
- $\bar A \ge 0$, so $E \le \bar E$: an ensemble is never worse than its (weighted) average member — though it can be worse than its best member.
- The ambiguity needs **no labels**; it can be estimated on unlabeled data.
- More disagreement alone is not enough: $\bar E$ and $\bar A$ trade off, and what makes members differ (stronger regularization, less data each) often raises $\bar E$ too — the accuracy–diversity trade-off.
- The identity is specific to squared error; for other losses such as cross-entropy, analogous decompositions take a Bregman-divergence form.`,
      },
    },
    references: [kroghVedelsby, dlBookRegularization],
    verification: [vAmbiguity],
  },
  {
    id: 'xfer-snapshot-ensembles',
    topic: 'transfer-fusion',
    subtopic: 'ensembles',
    tags: ['snapshot-ensembles', 'cyclic-learning-rate', 'swa', 'fge'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`什么是快照集成（snapshot ensembles）？它与 SWA、快速几何集成（FGE）以及独立训练的深度集成有何区别？`,
      en: String.raw`What are snapshot ensembles, and how do they differ from SWA, fast geometric ensembling (FGE) and independently trained deep ensembles?`,
    },
    answer: {
      short: {
        zh: String.raw`快照集成在一次训练中使用带重启的余弦退火学习率，每个周期末学习率降到很低时保存一个模型，测试时对这 M 个快照的**输出**取平均——训练成本只有一次。FGE 在一个低损失路径附近用短周期收集模型，同样平均输出；SWA 平均的是这些点的**权重**，得到一个模型；独立初始化的深度集成多样性最大，但训练成本是 M 倍。`,
        en: String.raw`A snapshot ensemble trains once with cosine annealing and warm restarts, saves a model at the end of each cycle (when the learning rate is low), and averages the **outputs** of the M snapshots at test time — for the cost of one training run. FGE collects models with short cycles along a low-loss path and also averages outputs; SWA averages the **weights** of such points into one model; independently initialized deep ensembles are the most diverse but cost M trainings.`,
      },
      full: {
        zh: String.raw`**快照集成（Huang et al., 2017）：** 学习率按 SGDR（Loshchilov & Hutter）式的余弦周期
$$\eta(t) = \frac{\eta_0}{2}\Big(\cos\frac{\pi\,(t \bmod \lceil T/M\rceil)}{\lceil T/M\rceil} + 1\Big)$$
变化：每个周期末收敛到一个局部极小并存下快照，随后的大学习率把模型“踢”出去找下一个极小。测试时平均最后几个快照的 softmax 输出。

**比较：**

| | 训练成本 | 推理成本 | 组合方式 | 多样性 |
|---|---|---|---|---|
| 独立深度集成 | M 次训练 | M 次前向 | 输出平均 | 最高（不同模式） |
| 快照集成 | 1 次 | M 次前向 | 输出平均 | 中等 |
| FGE（Garipov et al., 2018） | 1 次（在预训练后） | M 次前向 | 输出平均 | 较低（同一盆地） |
| SWA | 1 次 | 1 次前向 | 权重平均 | 不适用（一个模型） |

**要点：**
- 快照之间的相关性高于独立训练的模型（Fort et al., 2019 的分析），所以同样 M 下收益较小；但在“只能训练一次”的约束下很划算。
- SWA 之所以能平均权重，正是因为这些点在同一盆地内、线性连通；快照如果跨越了不同盆地，就只能平均输出。
- 通常只取最后若干个快照——早期快照精度太低，会拖累平均。`,
        en: String.raw`**Snapshot ensembles (Huang et al., 2017):** the learning rate follows SGDR-style cosine cycles (Loshchilov & Hutter)
$$\eta(t) = \frac{\eta_0}{2}\Big(\cos\frac{\pi\,(t \bmod \lceil T/M\rceil)}{\lceil T/M\rceil} + 1\Big):$$
at the end of each cycle the model settles into a local minimum and is saved; the following large learning rate kicks it out towards another one. At test time the softmax outputs of the last snapshots are averaged.

**Comparison:**

| | training cost | inference cost | combination | diversity |
|---|---|---|---|---|
| independent deep ensemble | M trainings | M forward passes | output average | highest (different modes) |
| snapshot ensemble | 1 | M forward passes | output average | medium |
| FGE (Garipov et al., 2018) | 1 (after pretraining) | M forward passes | output average | lower (one basin) |
| SWA | 1 | 1 forward pass | weight average | n/a (one model) |

**Points:**
- Snapshots are more correlated than independently trained models (see the analysis of Fort et al., 2019), so at equal M they gain less — but under a one-training budget they are a bargain.
- SWA can average weights precisely because its points lie in one basin and are linearly connected; snapshots that cross into different basins can only have their outputs averaged.
- Usually only the last few snapshots are used; early ones are too inaccurate and drag the average down.`,
      },
    },
    references: [snapshotEnsembles, sgdr, fge, swa, ensembleLandscape],
  },
  {
    id: 'xfer-debug-model-soup',
    topic: 'transfer-fusion',
    subtopic: 'weight-averaging',
    tags: ['debugging', 'model-soups', 'weight-averaging', 'linear-mode-connectivity'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`你从同一个预训练检查点出发，用不同的学习率、数据增强和轮数微调了 8 个模型，然后把它们的权重直接平均（均匀汤）。汤的精度比最好的单个模型低 6 个百分点。最好的几个模型各自都不错。可能是什么原因？怎么修？`,
      en: String.raw`Starting from one pretrained checkpoint, you fine-tune 8 models with different learning rates, augmentations and epoch counts, then average their weights (a uniform soup). The soup is 6 points less accurate than the best single model, though the top few models are all good. What could be wrong, and how do you fix it?`,
    },
    answer: {
      short: {
        zh: String.raw`有些成分（通常是学习率大、训练久的那些）离开了预训练所在的盆地，和其他模型之间不再线性连通，把平均点拖到了高损失区。用贪心汤：按留出集精度从高到低依次尝试加入，只保留让留出集精度提高的成分；平均后重新估计 BN 统计量，并检查所有成分的结构和分类头完全一致。`,
        en: String.raw`Some ingredients (typically those with a high learning rate or long training) left the pretrained basin and are no longer linearly connected to the others, dragging the average into a high-loss region. Use a greedy soup: try ingredients in decreasing order of held-out accuracy and keep each only if held-out accuracy improves; re-estimate BatchNorm statistics after averaging, and check that all ingredients share the architecture and head.`,
      },
      full: {
        zh: String.raw`**为什么模型汤通常可行：** 从同一预训练权重出发、用小学习率微调的模型往往落在同一个低损失盆地，它们之间的线段上损失一直很低，平均点甚至更好（Wortsman et al., 2022）。

**为什么这里失败：**
1. **有成分跑出了盆地。** 大学习率或长时间训练会把权重推得很远；它与其他成分的连线中间存在损失屏障，均匀平均就会受害。Wortsman 等人报告，对超参数范围很宽的一批模型做均匀汤，可能不如最好的单个模型，这正是提出贪心汤的原因。
2. **BN 统计量不匹配。** 平均后的权重产生的激活分布与各成分的滑动统计量都不一致——在训练数据上跑一遍前向，重新计算 BN 统计量（SWA 也这样做）。
3. **分类头不一致。** 若各成分各自随机初始化了新分类头，头的隐藏单元/输出之间没有对应关系，平均就没有意义——先用同一个初始化头（或先线性探测得到的头）再微调。

**修复——贪心汤：**
    sort ingredients by held-out accuracy (best first)
    soup = [best]
    for each remaining ingredient m:
        if accuracy(average(soup + [m])) >= accuracy(average(soup)):
            soup.append(m)
贪心汤在留出集上不会比最好的单个成分差（第一个就是它）。注意留出集要与最终测试集分开。

**诊断：** 画出两两成分之间插值 $\theta_\alpha = (1-\alpha)\theta_a + \alpha\theta_b$ 的验证损失曲线；中间明显鼓起的那一对就是罪魁祸首。`,
        en: String.raw`**Why soups usually work:** models fine-tuned with small learning rates from the same pretrained weights tend to land in one low-loss basin; the loss stays low along the segments between them, and the average can be even better (Wortsman et al., 2022).

**Why it fails here:**
1. **Some ingredients left the basin.** A high learning rate or long training moves the weights far; the segment between such a model and the rest crosses a loss barrier, and a uniform average suffers. Wortsman et al. report that a uniform soup over a broad hyperparameter sweep can underperform the best single model, which is what motivates the greedy soup.
2. **BatchNorm statistics mismatch.** The averaged weights produce activation statistics that match none of the ingredients' running statistics — recompute them with a forward pass over training data (SWA does the same).
3. **Heads that do not correspond.** If each ingredient initialized its own random head, there is no correspondence between their units, and averaging them is meaningless — fine-tune all from the same initial head (e.g. one obtained by linear probing).

**Fix — a greedy soup:**
    sort ingredients by held-out accuracy (best first)
    soup = [best]
    for each remaining ingredient m:
        if accuracy(average(soup + [m])) >= accuracy(average(soup)):
            soup.append(m)
On the held-out set a greedy soup is never worse than the best ingredient (it starts from it). Keep that held-out set separate from the final test set.

**Diagnosis:** plot the validation loss along $\theta_\alpha = (1-\alpha)\theta_a + \alpha\theta_b$ for pairs of ingredients; a pair with a bump in the middle is the culprit.`,
      },
    },
    references: [modelSoups, swa, linearModeConnectivity, lpft],
  },
  {
    id: 'xfer-linear-mode-connectivity',
    topic: 'transfer-fusion',
    subtopic: 'weight-averaging',
    tags: ['linear-mode-connectivity', 'loss-barrier', 'instability-analysis', 'mode-connectivity'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: String.raw`什么是线性模式连通性？如何测量两个解之间的“损失屏障”？Frankle et al. (2020) 的不稳定性分析发现了什么？它与非线性路径上的模式连通性（Garipov et al.）有什么区别？`,
      en: String.raw`What is linear mode connectivity, and how is the loss barrier between two solutions measured? What did the instability analysis of Frankle et al. (2020) find, and how does it differ from mode connectivity along nonlinear paths (Garipov et al.)?`,
    },
    answer: {
      short: {
        zh: String.raw`两个解 $\theta_a,\theta_b$ 线性模式连通，是指连线 $\theta_\alpha = (1-\alpha)\theta_a + \alpha\theta_b$ 上的损失（或误差）不比端点高多少；屏障 $= \max_\alpha L(\theta_\alpha) - [(1-\alpha)L(\theta_a) + \alpha L(\theta_b)]$。Frankle 等人从同一个检查点复制网络、用不同的 SGD 噪声继续训练：从初始化就分开时通常有屏障，训练早期某个点之后分开则没有屏障（网络对 SGD 噪声“稳定”）。Garipov 等人表明独立解之间几乎总能用**弯曲**的低损失路径连起来，但直线上有屏障。`,
        en: String.raw`Two solutions $\theta_a,\theta_b$ are linearly mode connected when the loss (or error) along $\theta_\alpha = (1-\alpha)\theta_a + \alpha\theta_b$ is not much above the endpoints; the barrier is $\max_\alpha L(\theta_\alpha) - [(1-\alpha)L(\theta_a) + \alpha L(\theta_b)]$. Frankle et al. copy a network at some checkpoint and continue training the copies with different SGD noise: copies split at initialization usually have a barrier, copies split after some early point in training have none (the network is "stable" to SGD noise). Garipov et al. show that independent solutions can almost always be joined by a **curved** low-loss path, even though the straight line has a barrier.`,
      },
      full: {
        zh: String.raw`**定义：** 在 $\alpha\in[0,1]$ 的网格（如 11–30 个点）上计算 $\theta_\alpha$ 的训练或测试误差，
$$B(\theta_a,\theta_b) = \max_\alpha\Big(\mathcal{E}(\theta_\alpha) - \big[(1-\alpha)\mathcal{E}(\theta_a) + \alpha\mathcal{E}(\theta_b)\big]\Big).$$
屏障接近 0（在噪声范围内）即为线性模式连通。注意：若网络有 BN，插值后的模型要重新估计 BN 统计量再评估，否则会高估屏障。

**不稳定性分析（Frankle et al., 2020）：** 训练到第 $k$ 步时复制两份，用不同的数据顺序/增强继续训练到结束，测两者之间的屏障。结果：小网络（如 MNIST 上的 LeNet）从初始化起就稳定；较大的视觉网络（如 CIFAR-10 上的 ResNet-20、ImageNet 上的 ResNet-50）只有在训练初期的一段之后才稳定——之后 SGD 噪声只是在同一个线性连通的区域内移动。这与彩票假设中稀疏子网络能否被训练到原精度的时机相吻合。

**与其他现象的关系：**
- **非线性模式连通（Garipov et al., 2018；Draxler et al., 2018）：** 独立解之间存在弯曲的低损失路径（如二次贝塞尔曲线）；但线性插值仍有屏障。
- **置换对称：** 独立解之间的很多屏障来自隐藏单元的排列不同；先对齐（Git Re-Basin）能显著降低屏障，在足够宽的网络上甚至接近于零。
- **迁移学习：** 从同一预训练模型微调出来的模型通常是线性连通的，这正是模型汤和 WiSE-FT 式插值可行的原因。`,
        en: String.raw`**Definition:** evaluate the train or test error of $\theta_\alpha$ on a grid of $\alpha\in[0,1]$ (11–30 points), and take
$$B(\theta_a,\theta_b) = \max_\alpha\Big(\mathcal{E}(\theta_\alpha) - \big[(1-\alpha)\mathcal{E}(\theta_a) + \alpha\mathcal{E}(\theta_b)\big]\Big).$$
A barrier near 0 (within noise) means linear mode connectivity. With BatchNorm, recompute the statistics of each interpolated model before evaluating it, or the barrier is overestimated.

**Instability analysis (Frankle et al., 2020):** copy the network at step $k$, train both copies to the end with different data orders/augmentation, and measure their barrier. Small networks (LeNet on MNIST) are stable from initialization; larger vision networks (ResNet-20 on CIFAR-10, ResNet-50 on ImageNet) become stable only after an early phase of training — from then on SGD noise only moves them within one linearly connected region. This coincides with when sparse lottery-ticket subnetworks can be trained to full accuracy.

**Related phenomena:**
- **Nonlinear mode connectivity (Garipov et al., 2018; Draxler et al., 2018):** independent solutions are joined by curved low-loss paths (e.g. a quadratic Bézier curve), while the straight line still has a barrier.
- **Permutation symmetry:** much of the barrier between independent solutions comes from differently ordered hidden units; aligning them first (Git Re-Basin) lowers it substantially, to near zero for wide enough networks.
- **Transfer learning:** models fine-tuned from one pretrained checkpoint are usually linearly connected, which is why model soups and weight interpolation between fine-tuned and pretrained models work.`,
      },
    },
    references: [linearModeConnectivity, fge, gitReBasin, modelSoups],
  },
  {
    id: 'xfer-permutation-symmetry-check',
    topic: 'transfer-fusion',
    subtopic: 'weight-averaging',
    tags: ['permutation-symmetry', 'weight-averaging', 'testing', 'model-merging'],
    kind: 'coding',
    difficulty: 3,
    prompt: {
      zh: String.raw`写一个测试，用单隐层 ReLU 网络（纯数组）证明：(1) 置换隐藏单元后函数完全不变；(2) 网络与其置换副本的权重平均一般是另一个函数；(3) 先撤销置换再平均就能还原原函数。`,
      en: String.raw`Write a test, on a one-hidden-layer ReLU network in plain arrays, showing that (1) permuting the hidden units leaves the function unchanged, (2) the weight average of the network and its permuted copy is in general a different function, and (3) undoing the permutation before averaging restores the function.`,
    },
    answer: {
      short: {
        zh: String.raw`置换 $W_1$ 的行、$b_1$ 的元素和 $W_2$ 的列；在随机输入上比较输出（容差 $10^{-13}$）。对 $|x| = \mathrm{ReLU}(x) + \mathrm{ReLU}(-x)$，与交换两单元后的副本插值得 $|1-2t|\,|x|$，中点恒为 0；对随机网络，中点的输出明显偏离，而先用逆置换对齐再平均则与原网络一致。我们的 permuteHiddenUnits、interpolateNetworks 和 reluMlpForward 就是这样测试的。`,
        en: String.raw`Permute the rows of $W_1$, the entries of $b_1$ and the columns of $W_2$; compare outputs on random inputs (tolerance $10^{-13}$). For $|x| = \mathrm{ReLU}(x) + \mathrm{ReLU}(-x)$, interpolating with the unit-swapped copy gives $|1-2t|\,|x|$, identically 0 at the midpoint; for random networks the midpoint's outputs are clearly off, while averaging after aligning with the inverse permutation matches the original. Our permuteHiddenUnits, interpolateNetworks and reluMlpForward are tested exactly this way.`,
      },
      full: {
        zh: String.raw`**为什么成立：** $f(x) = W_2\,\mathrm{ReLU}(W_1x + b_1) + b_2$。置换矩阵 $P$ 满足 $P^\top P = I$，而 ReLU 逐元素作用，故 $\mathrm{ReLU}(Pu) = P\,\mathrm{ReLU}(u)$：
$$W_2P^\top\,\mathrm{ReLU}(PW_1x + Pb_1) + b_2 = f(x).$$
但平均 $\tfrac12(W_1 + PW_1)$ 把不同单元的权重混在一起，ReLU 的非线性使得结果不等于两个函数的平均。

**测试（纯 TypeScript，float64）：**
    const net = randomNetwork(seed, 3, 6, 2);
    const perm = random.shuffle([0, 1, 2, 3, 4, 5]);
    const p = permuteHiddenUnits(net, perm);        // unit j of p = unit perm[j] of net
    for (const x of randomInputs) expect(forward(p, x)).toBeCloseTo(forward(net, x), 13);

    const absolute = { w1: [[1], [-1]], b1: [0, 0], w2: [[1, 1]], b2: [0] };
    const swapped = permuteHiddenUnits(absolute, [1, 0]);
    for (const t of [0, 0.25, 0.5, 1])
      expect(forward(interpolate(absolute, swapped, t), [x])[0]).toBeCloseTo(Math.abs(1 - 2 * t) * Math.abs(x));

    const inverse = perm.map((_, j) => perm.indexOf(j));
    const aligned = interpolate(net, permuteHiddenUnits(p, inverse));   // equals net

**测试设计要点：**
- 参考值来自独立推导（$|1-2t|\,|x|$ 的闭式），而不是被测代码自己的公式。
- 确认置换确实改变了参数（expect(p.w1).not.toEqual(net.w1)），否则第 (1) 点的测试可能空转。
- 第 (2) 点需要一个能失败的断言：中点输出与原函数的最大偏差大于某个阈值。
- 对齐的一般做法（匈牙利算法、Git Re-Basin 的权重匹配）在这里简化为已知的逆置换。`,
        en: String.raw`**Why it holds:** $f(x) = W_2\,\mathrm{ReLU}(W_1x + b_1) + b_2$. A permutation matrix has $P^\top P = I$, and ReLU acts elementwise, so $\mathrm{ReLU}(Pu) = P\,\mathrm{ReLU}(u)$ and
$$W_2P^\top\,\mathrm{ReLU}(PW_1x + Pb_1) + b_2 = f(x).$$
But the average $\tfrac12(W_1 + PW_1)$ mixes the weights of different units, and through the ReLU the result is not the average of the two functions.

**The test (plain TypeScript, float64):**
    const net = randomNetwork(seed, 3, 6, 2);
    const perm = random.shuffle([0, 1, 2, 3, 4, 5]);
    const p = permuteHiddenUnits(net, perm);        // unit j of p = unit perm[j] of net
    for (const x of randomInputs) expect(forward(p, x)).toBeCloseTo(forward(net, x), 13);

    const absolute = { w1: [[1], [-1]], b1: [0, 0], w2: [[1, 1]], b2: [0] };
    const swapped = permuteHiddenUnits(absolute, [1, 0]);
    for (const t of [0, 0.25, 0.5, 1])
      expect(forward(interpolate(absolute, swapped, t), [x])[0]).toBeCloseTo(Math.abs(1 - 2 * t) * Math.abs(x));

    const inverse = perm.map((_, j) => perm.indexOf(j));
    const aligned = interpolate(net, permuteHiddenUnits(p, inverse));   // equals net

**Design points:**
- The reference comes from an independent derivation (the closed form $|1-2t|\,|x|$), not from the code under test.
- Check that the permutation really changed the parameters (expect(p.w1).not.toEqual(net.w1)), or test (1) could pass vacuously.
- Point (2) needs an assertion that can fail: the largest deviation of the midpoint from the original function exceeds a threshold.
- General alignment (the Hungarian algorithm, Git Re-Basin's weight matching) reduces here to the known inverse permutation.`,
      },
    },
    references: [gitReBasin, linearModeConnectivity],
    verification: [vPermute, vInterpolate],
  },
  {
    id: 'xfer-stacking-out-of-fold',
    topic: 'transfer-fusion',
    subtopic: 'stacking',
    tags: ['stacking', 'out-of-fold', 'leakage', 'nearest-neighbour', 'cross-validation'],
    kind: 'coding',
    difficulty: 3,
    prompt: {
      zh: String.raw`实现 k 折折外预测 outOfFoldPredictions(k, n, fitPredict)。然后用一个 1-近邻成员和一个平滑的 25-近邻成员、20% 标签噪声的一维玩具数据说明：为什么在样本内预测上拟合的元学习器会把全部权重给 1-NN，而在折外预测上拟合的则不会？`,
      en: String.raw`Implement k-fold out-of-fold predictions, outOfFoldPredictions(k, n, fitPredict). Then, with a 1-nearest-neighbour member, a smoother 25-nearest-neighbour member and a 1-D toy task with 20% label noise, show why a meta-learner fit on in-sample predictions puts all its weight on the 1-NN while one fit on out-of-fold predictions does not.`,
    },
    answer: {
      short: {
        zh: String.raw`把索引分成 k 个连续的折；对每一折，用其余折拟合、预测这一折，拼回原顺序。1-NN 在训练点上的最近邻就是它自己，所以样本内预测等于标签（精度 1、平方误差 0），元学习器自然选 $w = 1$；折外时 1-NN 只有 61% 精度，元学习器给它的权重为 0，新数据上的精度从 68% 升到 80%。`,
        en: String.raw`Split the indices into k contiguous folds; for each fold, fit on the others and predict it, writing predictions back in example order. A 1-NN's nearest neighbour of a training point is the point itself, so its in-sample predictions equal the labels (accuracy 1, squared error 0) and the meta-learner picks $w = 1$; out of fold the 1-NN is only 61% accurate, the meta-learner gives it weight 0, and accuracy on new data rises from 68% to 80%.`,
      },
      full: {
        zh: String.raw`**实现：**
    function kFoldSplits(n, k) {           // 前 n mod k 折多一个样本
      let start = 0;
      return range(k).map((f) => {
        const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
        const test = range(size).map((i) => start + i);
        const train = range(n).filter((i) => i < start || i >= start + size);
        start += size;
        return { train, test };
      });
    }
    function outOfFoldPredictions(k, n, fitPredict) {
      const out = new Array(n);
      for (const { train, test } of kFoldSplits(n, k))
        fitPredict(train, test).forEach((p, i) => { out[test[i]] = p; });
      return out;
    }
检查：每个索引恰好出现在一个测试折中；训练折与测试折不相交；fitPredict 返回的预测个数与测试折一致。

**实验：** 200 个点 $x\sim U[-1,1]$，$y = [x > 0]$，20% 的标签被翻转。元学习器在网格上选 $w$，最小化 $\sum_i (w\,a_i + (1-w)\,b_i - y_i)^2$。
- 样本内：1-NN 的预测就是 $y$，误差为 0，所以 $w = 1$——元学习器只相信最过拟合的成员。
- 5 折折外：1-NN 只有 61% 精度（噪声率 20% 时 1-NN 的渐近错误率约 $2\cdot0.2\cdot0.8 = 32\%$，小样本下更差），25-NN 为 78%，最优 $w = 0$。
- 在 2000 个新样本上（固定随机种子）：样本内选出的 $w = 1$（纯 1-NN）精度 68.0%，折外选出的 $w = 0$ 为 80.05%。

**要点：** 元学习器的训练数据必须像测试数据一样“没被成员见过”。这也适用于深度网络：训练到零损失的网络在自己的训练集上几乎全对，和 1-NN 一样会误导元学习器。`,
        en: String.raw`**Implementation:**
    function kFoldSplits(n, k) {           // the first n mod k folds get one extra example
      let start = 0;
      return range(k).map((f) => {
        const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
        const test = range(size).map((i) => start + i);
        const train = range(n).filter((i) => i < start || i >= start + size);
        start += size;
        return { train, test };
      });
    }
    function outOfFoldPredictions(k, n, fitPredict) {
      const out = new Array(n);
      for (const { train, test } of kFoldSplits(n, k))
        fitPredict(train, test).forEach((p, i) => { out[test[i]] = p; });
      return out;
    }
Check that every index is in exactly one test fold, that train and test folds are disjoint, and that fitPredict returns one prediction per test index.

**Experiment:** 200 points $x\sim U[-1,1]$, $y = [x > 0]$, with 20% of the labels flipped. The meta-learner picks $w$ on a grid to minimize $\sum_i (w\,a_i + (1-w)\,b_i - y_i)^2$.
- In-sample: the 1-NN's predictions are $y$ itself, error 0, so $w = 1$ — the meta-learner trusts only the most overfit member.
- 5-fold out-of-fold: the 1-NN is only 61% accurate (with 20% label noise its asymptotic error is about $2\cdot0.2\cdot0.8 = 32\%$, worse on a small sample), the 25-NN 78%, and the best $w$ is 0.
- On 2000 fresh examples (fixed seeds): the in-sample choice $w = 1$ (plain 1-NN) scores 68.0%, the out-of-fold choice $w = 0$ 80.05%.

**Point:** the meta-learner's training data must be as unseen by the members as test data is. The same holds for deep networks: one trained to zero loss is nearly perfect on its own training set and misleads a meta-learner just like a 1-NN.`,
      },
    },
    references: [wolpert, sklearnEnsembles, esl],
    verification: [vOutOfFold],
  },
  {
    id: 'xfer-debug-stacking-leakage',
    topic: 'transfer-fusion',
    subtopic: 'stacking',
    tags: ['debugging', 'stacking', 'leakage', 'cross-validation'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`你的堆叠集成在 5 折交叉验证中得到 0.99 的 AUC，但在真正的留出测试集上只有 0.81，还不如最好的单个成员（0.84）。流程是：在全部训练数据上训练 3 个成员，用它们对训练数据的预测拟合逻辑回归元学习器，再对元学习器做 5 折交叉验证。找出问题并修复。`,
      en: String.raw`Your stacking ensemble scores 0.99 AUC in 5-fold cross-validation but only 0.81 on a true held-out test set — worse than its best member (0.84). The pipeline: train 3 members on all training data, fit a logistic-regression meta-learner on their predictions for the training data, then cross-validate the meta-learner with 5 folds. Find the problem and fix it.`,
    },
    answer: {
      short: {
        zh: String.raw`元学习器的输入是成员的**样本内**预测：成员见过这些样本，预测过于乐观，元学习器学到的是“最信任最过拟合的成员”；只对元学习器做交叉验证并不能消除泄漏，因为每一折的特征本身已经泄漏了。修复：对每个成员做 k 折折外预测，在折外预测上拟合元学习器；评估整个流程时要用嵌套交叉验证，测试集只用一次。`,
        en: String.raw`The meta-learner's inputs are the members' **in-sample** predictions: the members saw those examples, so the predictions are over-optimistic and the meta-learner learns to trust the most overfit member; cross-validating only the meta-learner cannot remove the leak, because every fold's features are already contaminated. Fix: produce k-fold out-of-fold predictions for each member and fit the meta-learner on them; evaluate the whole pipeline with nested cross-validation and touch the test set once.`,
      },
      full: {
        zh: String.raw`**为什么 0.99：** 成员在训练集上的预测几乎完美（深度网络或树模型尤其如此），元学习器的每一折（无论训练还是验证部分）看到的都是这种“作弊”的特征。交叉验证只是在泄漏的数据上重新划分，无法发现泄漏。

**为什么测试集上比最好的成员还差：** 元学习器给了最过拟合的成员最大权重；在测试集上这个成员并不是最好的，加权组合因此偏向了错误的成员。

**修复步骤：**
1. 对每个成员：k 折，用其余折训练、预测当前折，得到覆盖全部训练样本的折外预测矩阵 $N\times M$（分类时 $N\times MC$）。
2. 在这个矩阵上训练元学习器（带正则的逻辑回归即可）。
3. 最终成员用全部训练数据重新训练（或对 k 个折模型的预测取平均）来给测试集打分。
4. 评估整个流程：外层交叉验证包住步骤 1–3（嵌套交叉验证），或者用从未参与任何拟合的留出集。

**其他泄漏来源：** 在划分之前就对全部数据做了归一化/特征选择/目标编码；同一个用户或病人的样本跨越了多个折（应按组划分，如 GroupKFold）；时间序列用未来预测过去（应按时间划分）。`,
        en: String.raw`**Why 0.99:** the members' predictions on their own training set are nearly perfect (especially for deep nets or trees), and every fold of the meta-learner's cross-validation — training and validation part alike — sees these cheating features. Cross-validation only re-splits leaked data; it cannot reveal the leak.

**Why the test score is below the best member's:** the meta-learner gave the largest weight to the most overfit member, which is not the best one on test data, so the combination leans on the wrong member.

**Fix:**
1. For each member: k folds; train on the other folds and predict the current one, giving an out-of-fold prediction matrix of $N\times M$ (or $N\times MC$ for classes) over all training examples.
2. Fit the meta-learner (a regularized logistic regression is enough) on that matrix.
3. Retrain the members on all training data (or average the k fold models' predictions) to score the test set.
4. Evaluate the whole pipeline: an outer cross-validation around steps 1–3 (nested cross-validation), or a held-out set never used in any fit.

**Other leaks to look for:** normalization, feature selection or target encoding fit on all data before splitting; examples of one user or patient spread over several folds (split by group, e.g. GroupKFold); time series where the future predicts the past (split by time).`,
      },
    },
    references: [wolpert, sklearnEnsembles, esl],
  },
  {
    id: 'xfer-mmd-domain-shift',
    topic: 'transfer-fusion',
    subtopic: 'domain-adaptation',
    tags: ['mmd', 'domain-shift', 'kernel-two-sample-test', 'u-statistic'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`如何用最大均值差异（MMD）度量源域与目标域之间的偏移？写出高斯核下 $\mathrm{MMD}^2$ 的无偏估计，说明它为什么可能为负，并推导 $N(0,1)$ 与 $N(1,1)$ 在带宽 $h=1$ 时的总体值。`,
      en: String.raw`How does the maximum mean discrepancy (MMD) measure the shift between a source and a target domain? Write the unbiased estimate of $\mathrm{MMD}^2$ with a Gaussian kernel, explain why it can be negative, and derive its population value for $N(0,1)$ vs $N(1,1)$ with bandwidth $h=1$.`,
    },
    answer: {
      short: {
        zh: String.raw`$\mathrm{MMD}^2 = \lVert\mu_P - \mu_Q\rVert_{\mathcal H}^2 = \mathbb E k(x,x') + \mathbb E k(y,y') - 2\,\mathbb E k(x,y)$；无偏估计去掉 $i=j$ 项，是 U 统计量，分布相同时期望为 0，所以单次估计可以为负。对一维高斯，$\mathbb E\,e^{-D^2/2h^2} = \frac{h}{\sqrt{h^2+v}}e^{-\mu^2/2(h^2+v)}$，$N(0,1)$ 与 $N(1,1)$ 得 $\frac{2}{\sqrt3}(1 - e^{-1/6}) = 0.1773$。`,
        en: String.raw`$\mathrm{MMD}^2 = \lVert\mu_P - \mu_Q\rVert_{\mathcal H}^2 = \mathbb E k(x,x') + \mathbb E k(y,y') - 2\,\mathbb E k(x,y)$; the unbiased estimate drops the $i=j$ terms (a U-statistic) and has expectation 0 when the distributions are equal, so a single estimate can be negative. For 1-D Gaussians $\mathbb E\,e^{-D^2/2h^2} = \frac{h}{\sqrt{h^2+v}}e^{-\mu^2/2(h^2+v)}$, giving $\frac{2}{\sqrt3}(1 - e^{-1/6}) = 0.1773$ for $N(0,1)$ vs $N(1,1)$.`,
      },
      full: {
        zh: String.raw`**定义（Gretton et al., 2012）：** 把分布嵌入再生核希尔伯特空间，$\mu_P = \mathbb E_{x\sim P}\,k(x,\cdot)$，
$$\mathrm{MMD}^2(P,Q) = \lVert\mu_P-\mu_Q\rVert^2_{\mathcal H} = \mathbb E k(x,x') + \mathbb E k(y,y') - 2\,\mathbb E k(x,y).$$
对高斯核这类特征核，$\mathrm{MMD}=0$ 当且仅当 $P=Q$。

**无偏估计（U 统计量）：**
$$\widehat{\mathrm{MMD}}{}^2_u = \frac{1}{m(m-1)}\sum_{i\ne j}k(x_i,x_j) + \frac{1}{n(n-1)}\sum_{i\ne j}k(y_i,y_j) - \frac{2}{mn}\sum_{i,j}k(x_i,y_j).$$
保留 $i=j$ 项（V 统计量）会引入正偏差 $\approx \frac{1}{m}(1 - \mathbb E k(x,x')) + \frac1n(\dots)$。无偏估计在 $P=Q$ 时期望为 0，因此一半左右的时候是负的。例：$x = (0,1)$，$y = (0,2)$，$h=1$ 得 $(e^{-2}-1)/2 = -0.432$。

**一维高斯闭式：** 若 $D\sim N(\mu, v)$，
$$\mathbb E\,e^{-D^2/(2h^2)} = \frac{h}{\sqrt{h^2+v}}\exp\Big(-\frac{\mu^2}{2(h^2+v)}\Big).$$
$x-x'\sim N(0,2)$，$y-y'\sim N(0,2)$，$x-y\sim N(-1,2)$，$h=1$：
$$\mathrm{MMD}^2 = \tfrac{1}{\sqrt3} + \tfrac{1}{\sqrt3} - \tfrac{2}{\sqrt3}e^{-1/6} = 0.1773.$$

**实践：** 带宽常取样本间距离的中位数；用置换检验得到 p 值（把两组样本混合后重新划分）；在高维原始输入上检验力会下降，通常先降维或在网络特征上计算（Rabanser et al., 2019）。DAN（Long et al., 2015）把多核 MMD 作为损失，直接拉近源域与目标域的特征分布。`,
        en: String.raw`**Definition (Gretton et al., 2012):** embed distributions in a reproducing-kernel Hilbert space, $\mu_P = \mathbb E_{x\sim P}\,k(x,\cdot)$, and
$$\mathrm{MMD}^2(P,Q) = \lVert\mu_P-\mu_Q\rVert^2_{\mathcal H} = \mathbb E k(x,x') + \mathbb E k(y,y') - 2\,\mathbb E k(x,y).$$
For a characteristic kernel such as the Gaussian, $\mathrm{MMD}=0$ exactly when $P=Q$.

**Unbiased estimate (a U-statistic):**
$$\widehat{\mathrm{MMD}}{}^2_u = \frac{1}{m(m-1)}\sum_{i\ne j}k(x_i,x_j) + \frac{1}{n(n-1)}\sum_{i\ne j}k(y_i,y_j) - \frac{2}{mn}\sum_{i,j}k(x_i,y_j).$$
Keeping the $i=j$ terms (the V-statistic) adds a positive bias of about $\frac{1}{m}(1 - \mathbb E k(x,x')) + \frac1n(\dots)$. The unbiased estimate has expectation 0 when $P=Q$, so it is negative roughly half the time. Example: $x = (0,1)$, $y = (0,2)$, $h=1$ gives $(e^{-2}-1)/2 = -0.432$.

**Closed form for 1-D Gaussians:** for $D\sim N(\mu, v)$,
$$\mathbb E\,e^{-D^2/(2h^2)} = \frac{h}{\sqrt{h^2+v}}\exp\Big(-\frac{\mu^2}{2(h^2+v)}\Big).$$
With $x-x'\sim N(0,2)$, $y-y'\sim N(0,2)$, $x-y\sim N(-1,2)$ and $h=1$:
$$\mathrm{MMD}^2 = \tfrac{1}{\sqrt3} + \tfrac{1}{\sqrt3} - \tfrac{2}{\sqrt3}e^{-1/6} = 0.1773.$$

**In practice:** the bandwidth is often the median pairwise distance; a permutation test (pool both samples and re-split them) gives a p-value; on high-dimensional raw inputs the test loses power, so reduce dimension first or compute it on network features (Rabanser et al., 2019). DAN (Long et al., 2015) uses a multi-kernel MMD as a loss that pulls the source and target feature distributions together.`,
      },
    },
    references: [gretton, failingLoudly, deepAdaptationNetworks],
    verification: [vMmd],
  },
  {
    id: 'xfer-importance-weighting-ess',
    topic: 'transfer-fusion',
    subtopic: 'domain-adaptation',
    tags: ['importance-weighting', 'covariate-shift', 'effective-sample-size', 'density-ratio'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: String.raw`协变量偏移下，源输入 $x\sim N(0,1)$，目标输入 $x\sim N(\Delta,1)$。写出重要性权重 $w(x)$，证明 $\mathbb E_s[w^2] = e^{\Delta^2}$，并计算 $n$ 个源样本的有效样本量 $(\sum w)^2/\sum w^2$ 在 $\Delta = 1$ 和 $\Delta = 2$ 时约为多少。`,
      en: String.raw`Under covariate shift the source inputs are $x\sim N(0,1)$ and the target inputs $x\sim N(\Delta,1)$. Write the importance weight $w(x)$, show that $\mathbb E_s[w^2] = e^{\Delta^2}$, and compute the approximate effective sample size $(\sum w)^2/\sum w^2$ of $n$ source samples for $\Delta = 1$ and $\Delta = 2$.`,
    },
    answer: {
      short: {
        zh: String.raw`$w(x) = p_t(x)/p_s(x) = e^{\Delta x - \Delta^2/2}$；$\mathbb E_s[w] = 1$，$\mathbb E_s[w^2] = e^{\Delta^2}$，所以有效样本量约为 $n\,e^{-\Delta^2}$：$\Delta = 1$ 时约 36.8%，$\Delta = 2$ 时只剩约 1.8%。`,
        en: String.raw`$w(x) = p_t(x)/p_s(x) = e^{\Delta x - \Delta^2/2}$; $\mathbb E_s[w] = 1$ and $\mathbb E_s[w^2] = e^{\Delta^2}$, so the effective sample size is about $n\,e^{-\Delta^2}$: about 36.8% of $n$ for $\Delta = 1$ and only about 1.8% for $\Delta = 2$.`,
      },
      full: {
        zh: String.raw`**为什么加权：** 协变量偏移下 $p(y\mid x)$ 不变，
$$\mathbb E_t[\ell(x,y)] = \mathbb E_s\big[w(x)\,\ell(x,y)\big],\qquad w = p_t/p_s,$$
所以加权的源域损失是目标风险的无偏估计。

**权重：** $\log w = -\tfrac12(x-\Delta)^2 + \tfrac12x^2 = \Delta x - \tfrac12\Delta^2$。

**二阶矩：** $\mathbb E_s[e^{2\Delta x}] = e^{2\Delta^2}$（正态的矩母函数），所以 $\mathbb E_s[w^2] = e^{2\Delta^2 - \Delta^2} = e^{\Delta^2}$。

**有效样本量：** $\frac{(\sum w)^2}{\sum w^2} \approx n\frac{(\mathbb E w)^2}{\mathbb E w^2} = n\,e^{-\Delta^2}$。$\Delta=1$：$0.368n$；$\Delta=2$：$0.018n$——10000 个源样本只相当于约 183 个目标样本，而且估计被少数大权重样本主导。若目标比源宽很多（$\sigma_t \ge \sqrt2\,\sigma_s$），$\mathbb E_s[w^2] = \int p_t^2/p_s$ 甚至是无穷大。

**实践：** 密度比通常用区分源/目标的分类器估计；截断或平滑权重（如 $w^\lambda$，$0<\lambda<1$）、自归一化 $\sum w_i\ell_i/\sum w_i$，以偏差换方差；监控有效样本量，太小时说明两域重叠不足，加权不可靠。`,
        en: String.raw`**Why weight:** under covariate shift $p(y\mid x)$ is unchanged, so
$$\mathbb E_t[\ell(x,y)] = \mathbb E_s\big[w(x)\,\ell(x,y)\big],\qquad w = p_t/p_s,$$
and the weighted source loss is an unbiased estimate of the target risk.

**Weight:** $\log w = -\tfrac12(x-\Delta)^2 + \tfrac12x^2 = \Delta x - \tfrac12\Delta^2$.

**Second moment:** $\mathbb E_s[e^{2\Delta x}] = e^{2\Delta^2}$ (the normal moment-generating function), so $\mathbb E_s[w^2] = e^{2\Delta^2 - \Delta^2} = e^{\Delta^2}$.

**Effective sample size:** $\frac{(\sum w)^2}{\sum w^2} \approx n\frac{(\mathbb E w)^2}{\mathbb E w^2} = n\,e^{-\Delta^2}$. $\Delta=1$: $0.368n$; $\Delta=2$: $0.018n$ — 10,000 source samples are worth about 183 target samples, and a few large weights dominate the estimate. If the target is much wider than the source ($\sigma_t \ge \sqrt2\,\sigma_s$), $\mathbb E_s[w^2] = \int p_t^2/p_s$ is even infinite.

**In practice:** estimate the density ratio with a source-vs-target classifier; clip or flatten the weights (e.g. $w^\lambda$ with $0<\lambda<1$) or self-normalize, $\sum w_i\ell_i/\sum w_i$, trading bias for variance; monitor the effective sample size — a small one means the domains overlap too little for weighting to be reliable.`,
      },
    },
    references: [panYang, dlBookRepresentation, failingLoudly],
    verification: [vImportance, vEss],
  },
  {
    id: 'xfer-slanted-triangular-gradual-unfreezing',
    topic: 'transfer-fusion',
    subtopic: 'learning-rate',
    tags: ['ulmfit', 'slanted-triangular-learning-rate', 'gradual-unfreezing', 'learning-rate-schedule'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`ULMFiT 的斜三角学习率：T = 1000 步，cut_frac = 0.1，ratio = 32，$\eta_{\max} = 0.01$。第 0、50、100、1000 步的学习率各是多少？上升段和下降段的斜率之比是多少？再说明逐层解冻（gradual unfreezing）怎么做、为什么。`,
      en: String.raw`ULMFiT's slanted triangular learning rate with T = 1000 steps, cut_frac = 0.1, ratio = 32 and $\eta_{\max} = 0.01$: what is the learning rate at steps 0, 50, 100 and 1000, and how do the slopes of the rising and falling parts compare? Then explain how and why gradual unfreezing works.`,
    },
    answer: {
      short: {
        zh: String.raw`cut = 100；$\eta_t = \eta_{\max}(1 + p(\text{ratio}-1))/\text{ratio}$：第 0 步 $0.01/32 = 0.0003125$，第 50 步 $p = 0.5$，$0.01\cdot16.5/32 = 0.00515625$，第 100 步达到峰值 0.01，第 1000 步回到 0.0003125。上升用 100 步、下降用 900 步，下降斜率是上升的 1/9。逐层解冻：先只训练最后一层，每个 epoch 多解冻下一层，直到全部解冻。`,
        en: String.raw`cut = 100 and $\eta_t = \eta_{\max}(1 + p(\text{ratio}-1))/\text{ratio}$: step 0 gives $0.01/32 = 0.0003125$; step 50 has $p = 0.5$, $0.01\cdot16.5/32 = 0.00515625$; step 100 is the peak, 0.01; step 1000 is back at 0.0003125. It rises over 100 steps and falls over 900, so the decay slope is 1/9 of the rise. Gradual unfreezing: train only the last layer first, unfreeze one more layer (group) per epoch until all are trainable.`,
      },
      full: {
        zh: String.raw`**公式（Howard & Ruder, 2018，式 3）：** $\text{cut} = \lfloor T\cdot\text{cut\_frac}\rfloor$，
$$p = \begin{cases} t/\text{cut}, & t < \text{cut}\\ 1 - \dfrac{t-\text{cut}}{\text{cut}\,(1/\text{cut\_frac} - 1)}, & \text{否则}\end{cases}\qquad \eta_t = \eta_{\max}\frac{1 + p(\text{ratio}-1)}{\text{ratio}}.$$
$\text{cut}\,(1/\text{cut\_frac}-1) = 100\cdot 9 = 900$，所以下降段从第 100 步线性走到第 1000 步。每步上升 $(0.01 - 0.0003125)/100$，每步下降 $(0.01-0.0003125)/900$。

**为什么这样设计：** 短暂的快速升温让模型迅速进入与新任务相适应的参数区域，长时间的线性下降再细致地收敛。

**逐层解冻：** 一次解冻所有层容易造成灾难性遗忘。ULMFiT 先解冻最后一层训练一个 epoch，再解冻下一层，依此类推，直到全部层一起微调。它与判别式学习率（每往下一层除以 2.6）和斜三角学习率一起使用：低层既解冻得晚，学习率也更小。

**在 tfjs/Keras 中：** 解冻即改变层的 trainable 并重新编译（或在自定义训练循环中只对解冻层的变量求梯度）；学习率调度用回调或在自定义循环中按步设置。`,
        en: String.raw`**Formula (Howard & Ruder, 2018, eq. 3):** $\text{cut} = \lfloor T\cdot\text{cut\_frac}\rfloor$,
$$p = \begin{cases} t/\text{cut}, & t < \text{cut}\\ 1 - \dfrac{t-\text{cut}}{\text{cut}\,(1/\text{cut\_frac} - 1)}, & \text{otherwise}\end{cases}\qquad \eta_t = \eta_{\max}\frac{1 + p(\text{ratio}-1)}{\text{ratio}}.$$
$\text{cut}\,(1/\text{cut\_frac}-1) = 100\cdot 9 = 900$, so the decay runs linearly from step 100 to step 1000. Each step up adds $(0.01 - 0.0003125)/100$; each step down removes $(0.01-0.0003125)/900$.

**Why this shape:** the short, steep warm-up moves the model quickly into a region of parameter space suited to the new task; the long linear decay then refines it.

**Gradual unfreezing:** unfreezing everything at once risks catastrophic forgetting. ULMFiT unfreezes the last layer and trains one epoch, then unfreezes the next lower layer, and so on until all layers are fine-tuned together. It is combined with discriminative learning rates (divide by 2.6 per layer going down) and the slanted triangular schedule: lower layers are unfrozen later and also train more slowly.

**In tfjs/Keras:** unfreezing means setting a layer's trainable flag and recompiling (or, in a custom loop, taking gradients only for the unfrozen layers' variables); the schedule is a callback or set per step in a custom loop.`,
      },
    },
    references: [ulmfit],
    verification: [vStlr, vLayerwise],
  },
  {
    id: 'xfer-debug-batchnorm-train-eval-gap',
    topic: 'transfer-fusion',
    subtopic: 'batchnorm',
    tags: ['debugging', 'batchnorm', 'fine-tuning', 'batch-size'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`你在一个小型医学数据集上以批大小 4 微调整个 ResNet（BN 处于训练模式），数据按类别排序后分批。训练损失平稳下降，但用 evaluate() 在**同一份训练数据**上评估时损失高得多、精度接近随机。为什么？怎么修？`,
      en: String.raw`You fine-tune a whole ResNet on a small medical dataset with batch size 4 (BatchNorm in training mode), with batches drawn from data sorted by class. The training loss falls steadily, but evaluate() on **the same training data** gives a much higher loss and near-chance accuracy. Why, and how do you fix it?`,
    },
    answer: {
      short: {
        zh: String.raw`训练时 BN 用每个批次自己的均值和方差归一化；批次只有 4 个样本且同一批里都是同一类，批统计量里带着类别信息，网络学会了依赖它。评估时改用滑动统计量，这种“捷径”消失。修复：打乱数据；微调时让预训练的 BN 保持推理模式（用冻结的统计量）；必要时用 GroupNorm 或 Batch Renormalization；或者增大批次。`,
        en: String.raw`In training mode BN normalizes with each batch's own mean and variance; with 4 examples per batch, all of one class, the batch statistics carry the label and the network learns to rely on them. At evaluation BN switches to the moving statistics and the shortcut disappears. Fix: shuffle the data; keep the pretrained BN layers in inference mode (frozen statistics) while fine-tuning; consider GroupNorm or Batch Renormalization; or use larger batches.`,
      },
      full: {
        zh: String.raw`**机制：** 训练模式下 $\hat x = (x - \mu_B)/\sqrt{\sigma_B^2 + \epsilon}$，$\mu_B,\sigma_B$ 来自当前批次；推理模式用滑动平均 $\mu,\sigma$。两者差异越大，训练/评估行为越不一致。
1. **批次小：** 4 个样本的均值和方差噪声很大，滑动统计量是这些噪声统计量的平均，与任何一个批次都对不上。
2. **批次非独立同分布：** 按类别排序后，同一批全是同一类，$\mu_B$ 本身就编码了类别，网络可以“作弊”；评估时这条信息没了。
3. **滑动统计量还在漂移：** 动量 0.99 时约 69 步的半衰期，ImageNet 统计量很快被替换成噪声很大的目标域批统计量。

**快速诊断：** 用训练模式（training=true）前向同一批数据，和推理模式比较；差别大就是 BN 的问题，而不是过拟合。

**修复：**
- 每个 epoch 打乱数据（先做这一步）。
- 让预训练 BN 保持推理模式（Keras：base(x, training=False)；tfjs：缓存特征或在自定义循环里用 training=false 调用），只训练 γ、β 或完全冻结 BN。
- 小批次下需要批统计量时，用 GroupNorm/LayerNorm，或 Batch Renormalization（Ioffe, 2017）修正批统计量与滑动统计量之间的差异。
- 微调结束后若要适应新域，可以单独做一遍统计量重估（AdaBN），而不是让它在训练中被噪声改写。`,
        en: String.raw`**Mechanism:** in training mode $\hat x = (x - \mu_B)/\sqrt{\sigma_B^2 + \epsilon}$ with the current batch's $\mu_B,\sigma_B$; in inference mode the moving averages $\mu,\sigma$. The more they differ, the more training and evaluation disagree.
1. **Small batches:** the mean and variance of 4 examples are very noisy, and the moving statistics — an average of noisy statistics — match no single batch.
2. **Non-i.i.d. batches:** sorted by class, a batch holds one class, so $\mu_B$ itself encodes the label and the network can cheat; at evaluation that information is gone.
3. **Drifting moving statistics:** with momentum 0.99 (half-life about 69 steps) the ImageNet statistics are soon replaced by noisy target-batch statistics.

**Quick diagnosis:** run the same batch in training mode (training=true) and in inference mode and compare; a large gap points at BN, not at overfitting.

**Fix:**
- Shuffle every epoch (do this first).
- Keep the pretrained BN in inference mode (Keras: base(x, training=False); tfjs: cache features, or call with training=false in a custom loop), training only γ and β or freezing BN entirely.
- Where batch statistics are needed with small batches, use GroupNorm/LayerNorm, or Batch Renormalization (Ioffe, 2017), which corrects for the difference between batch and moving statistics.
- To adapt to the new domain after fine-tuning, re-estimate the statistics in a separate pass (AdaBN) rather than letting noise overwrite them during training.`,
      },
    },
    references: [batchNorm, batchRenorm, adaBN, kerasTransferGuide],
  },
  {
    id: 'xfer-l2sp-vs-ewc',
    topic: 'transfer-fusion',
    subtopic: 'forgetting',
    tags: ['l2-sp', 'ewc', 'weight-decay', 'regularization', 'fine-tuning'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`比较微调时的三种正则：普通权重衰减 $\frac{\alpha}{2}\lVert w\rVert^2$、L2-SP $\frac{\alpha}{2}\lVert w - w^0\rVert^2$ 和 EWC $\sum_i\frac{\lambda}{2}F_i(w_i - w^0_i)^2$。在二次近似下，各自把解拉向哪里？什么时候选哪个？`,
      en: String.raw`Compare three regularizers for fine-tuning: plain weight decay $\frac{\alpha}{2}\lVert w\rVert^2$, L2-SP $\frac{\alpha}{2}\lVert w - w^0\rVert^2$ and EWC $\sum_i\frac{\lambda}{2}F_i(w_i - w^0_i)^2$. Under a quadratic approximation, where does each pull the solution, and when would you choose which?`,
    },
    answer: {
      short: {
        zh: String.raw`目标损失近似为 $\frac{a}{2}(w - w^*)^2$（逐坐标）时，权重衰减得 $\frac{a w^*}{a+\alpha}$（拉向 0，远离预训练起点）；L2-SP 得 $\frac{a w^* + \alpha w^0}{a+\alpha}$（拉向预训练值）；EWC 得 $\frac{a w^* + \lambda F_i w^0}{a+\lambda F_i}$，对源任务重要（Fisher 大）的参数拉得更紧。目标是只做好新任务、数据少时用 L2-SP；还要保住源任务时用 EWC。`,
        en: String.raw`With a target loss of $\frac{a}{2}(w - w^*)^2$ per coordinate, weight decay gives $\frac{a w^*}{a+\alpha}$ (towards 0, away from the pretrained start); L2-SP gives $\frac{a w^* + \alpha w^0}{a+\alpha}$ (towards the pretrained value); EWC gives $\frac{a w^* + \lambda F_i w^0}{a+\lambda F_i}$, holding parameters that matter for the source task (large Fisher) more tightly. Use L2-SP when only the new task matters and data are scarce; EWC when the source task must also be kept.`,
      },
      full: {
        zh: String.raw`**二次近似：** 在某个坐标上目标任务损失 $\approx\frac{a}{2}(w - w^*)^2$（$a$ 是曲率），加上正则后令导数为 0：
- 权重衰减：$a(w-w^*) + \alpha w = 0 \Rightarrow w = \frac{a}{a+\alpha}w^*$；
- L2-SP：$a(w-w^*) + \alpha(w-w^0) = 0 \Rightarrow w = \frac{a w^* + \alpha w^0}{a+\alpha}$；
- EWC：$w = \frac{a w^* + \lambda F_i w^0}{a+\lambda F_i}$。
曲率小（目标数据对该参数几乎没有约束）的方向上，L2-SP 和 EWC 基本保留预训练值，而权重衰减把它缩向 0——丢掉了迁移来的知识。

**Li et al. (2018)：** 在 L2-SP 中，预训练部分 $w_S$ 拉向 $w_S^0$，新分类头 $w_{\bar S}$ 仍用普通 L2。实验中 L2-SP 在多个目标数据集上稳定优于普通权重衰减的微调。

**EWC（Kirkpatrick et al., 2017）：** 对角 Fisher $F_i$ 衡量参数对**源任务**的重要性；L2-SP 相当于 $F = I$ 的 EWC。

**怎么选：**
- 只关心目标任务、数据少：L2-SP（或更简单地冻结底层、小学习率、早停）。
- 顺序学习多个任务、必须保留旧任务：EWC（或 Learning without Forgetting、回放）。
- 数据很多、领域差异大：正则太强反而限制适应，可以减小系数甚至不用。
- 注意：对 Adam 而言，把 L2 加进损失与解耦的权重衰减（AdamW）并不等价；L2-SP 一般作为损失项实现。`,
        en: String.raw`**Quadratic approximation:** along one coordinate let the target loss be $\approx\frac{a}{2}(w - w^*)^2$ (curvature $a$); add the regularizer and set the derivative to 0:
- weight decay: $a(w-w^*) + \alpha w = 0 \Rightarrow w = \frac{a}{a+\alpha}w^*$;
- L2-SP: $a(w-w^*) + \alpha(w-w^0) = 0 \Rightarrow w = \frac{a w^* + \alpha w^0}{a+\alpha}$;
- EWC: $w = \frac{a w^* + \lambda F_i w^0}{a+\lambda F_i}$.
In low-curvature directions (where the target data barely constrain the parameter) L2-SP and EWC keep the pretrained value, while weight decay shrinks it towards 0 — discarding transferred knowledge.

**Li et al. (2018):** in L2-SP the pretrained part $w_S$ is pulled towards $w_S^0$ and the new head $w_{\bar S}$ keeps plain L2. In their experiments L2-SP consistently beat fine-tuning with plain weight decay across target datasets.

**EWC (Kirkpatrick et al., 2017):** the diagonal Fisher $F_i$ measures a parameter's importance for the **source** task; L2-SP is EWC with $F = I$.

**Which to choose:**
- Only the target task matters, little data: L2-SP (or simpler: freeze lower layers, small learning rates, early stopping).
- Sequential tasks where the old task must be kept: EWC (or Learning without Forgetting, replay).
- Plenty of data and a large domain gap: strong regularization limits adaptation; lower the coefficient or drop it.
- With Adam, adding L2 to the loss is not the same as decoupled weight decay (AdamW); L2-SP is usually implemented as a loss term.`,
      },
    },
    references: [l2sp, ewc, lwf],
  },
  {
    id: 'xfer-negative-transfer',
    topic: 'transfer-fusion',
    subtopic: 'transfer-basics',
    tags: ['negative-transfer', 'domain-gap', 'fine-tuning', 'baselines'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`什么是负迁移？什么情况下会发生？怎样检测和避免？`,
      en: String.raw`What is negative transfer, when does it happen, and how do you detect and avoid it?`,
    },
    answer: {
      short: {
        zh: String.raw`负迁移指利用源域知识后，目标任务表现反而不如不迁移（从零训练或更简单的基线）。常见原因：源与目标差距大、源数据中与目标无关或冲突的部分太多、冻结了不合适的特征、目标数据足够多而预训练的归纳偏置反而限制了模型。检测靠对照基线；避免的办法是选更近的源、只迁移底层、充分微调、对源样本加权或筛选。`,
        en: String.raw`Negative transfer is when using source knowledge makes the target task worse than not transferring (training from scratch or a simpler baseline). Typical causes: a large source–target gap, much source data that is irrelevant to or conflicts with the target, freezing unsuitable features, or enough target data that the pretrained bias only constrains the model. Detect it with baselines; avoid it by choosing a closer source, transferring only lower layers, fine-tuning fully, and weighting or filtering source examples.`,
      },
      full: {
        zh: String.raw`**定义（Wang et al., 2019）：** 在相同目标数据和算法下，用了源数据/源模型后的目标误差高于不用时的误差，差值即负迁移的程度。它依赖于算法、源与目标的差异，以及目标有标签数据的多少。

**何时发生：**
- 领域或任务差异大：例如从自然图像迁移到与之统计特性差异很大的图像，冻结的高层特征不适用。
- 源任务与目标任务冲突：多任务或联合训练时梯度方向相反。
- 只做特征提取而不微调，在差异大的目标上尤其容易吃亏。
- 目标数据充足时，从零训练可能追上甚至超过迁移（例如 Kornblith et al. 观察到在某些细粒度小数据集上，ImageNet 预训练的收益很小；Raghu et al. 在医学影像上发现大模型的预训练收益有限，主要体现在收敛速度上）。

**检测：** 永远要有对照：从零训练（同样的调参预算）、冻结特征 + 线性分类器、不同截断层；比较学习曲线，而不仅是最终精度。Neyshabur et al. (2020) 发现，把图像块打乱后预训练仍能加速训练，说明迁移的部分是低层统计而不仅是“特征语义”。

**避免：** 选择更相近的源（或先在领域内数据上继续预训练）；只迁移底层、重新初始化顶层；充分微调并用判别式学习率；对源样本加权/筛选（例如去掉与目标分布差异大的样本），或用领域对抗方法只对齐可迁移的部分。`,
        en: String.raw`**Definition (Wang et al., 2019):** with the same target data and algorithm, the target error with source data or a source model is higher than without it; the difference measures the negative transfer. It depends on the algorithm, on the source–target divergence and on how much labeled target data there is.

**When it happens:**
- Large domain or task gaps: e.g. transferring from natural images to images with very different statistics, where frozen high-level features do not fit.
- Conflicting source and target tasks: opposite gradient directions in multi-task or joint training.
- Feature extraction without fine-tuning, especially on a distant target.
- With plenty of target data, training from scratch can catch up with or beat transfer (Kornblith et al. saw little benefit from ImageNet pretraining on some small fine-grained datasets; Raghu et al. found limited gains for large models on medical images, mostly in convergence speed).

**Detection:** always keep baselines: from scratch (with the same tuning budget), frozen features + a linear classifier, different cut points; compare learning curves, not only final accuracy. Neyshabur et al. (2020) found that pretraining still speeds up training when the target images' blocks are shuffled, so part of what transfers is low-level statistics, not only feature semantics.

**Avoidance:** pick a closer source (or continue pretraining on in-domain data first); transfer only lower layers and re-initialize upper ones; fine-tune fully with discriminative learning rates; weight or filter source examples (drop those far from the target distribution), or use domain-adversarial methods to align only what transfers.`,
      },
    },
    references: [negativeTransfer, kornblith, transfusion, whatIsTransferred, dontStopPretraining],
  },
  {
    id: 'xfer-test-time-augmentation',
    topic: 'transfer-fusion',
    subtopic: 'ensembles',
    tags: ['test-time-augmentation', 'ensemble', 'inference', 'calibration'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: String.raw`测试时增强（TTA）为什么可以看成一种集成？它什么时候有用，什么时候反而有害？`,
      en: String.raw`Why can test-time augmentation (TTA) be seen as an ensemble? When does it help, and when does it hurt?`,
    },
    answer: {
      short: {
        zh: String.raw`TTA 对同一输入的多个增强视图（翻转、裁剪、缩放）做前向并平均预测，相当于把“一个模型 + 一种变换”当作一个成员的集成：成员共享权重，多样性只来自输入变换，所以收益通常比独立模型集成小，但不用额外训练。增强若改变了标签语义（如数字 6/9 的旋转）、或与训练时的增强不匹配，就会有害；推理成本随视图数线性增长。`,
        en: String.raw`TTA runs several augmented views of one input (flips, crops, scales) and averages the predictions — an ensemble whose members are "the model composed with one transformation". The members share weights and differ only through the input transformation, so the gain is usually smaller than an ensemble of independent models, but it needs no extra training. It hurts when an augmentation changes the label's meaning (rotating a 6 into a 9) or was never seen in training; inference cost grows linearly with the number of views.`,
      },
      full: {
        zh: String.raw`**集成视角：** 成员 $f_m(x) = f(g_m(x))$，$g_m$ 是第 $m$ 种增强；TTA 预测 $\bar f(x) = \frac1M\sum_m f(g_m(x))$。由模糊度分解，平方误差的收益等于各视图预测之间的分歧；由 $\rho\sigma^2 + (1-\rho)\sigma^2/M$，视图间的高相关（同一个模型、相近的输入）限制了方差下降。

**经典用法：** VGG（Simonyan & Zisserman）在测试时结合多尺度、多裁剪（multi-crop）与水平翻转，并把密集评估与多裁剪的结果再取平均，错误率都有下降。

**何时有用：** 模型对某些变换并不完全不变（如位置、尺度），而这些变换不改变标签；训练时用过同样的增强；分割、检测等需要稳定输出的任务。

**何时有害：**
- 变换改变标签（文字、数字方向，医学影像中的左右）；
- 测试时用的增强在训练中没见过（分布偏移）；
- 平均后的概率更“平”，可能改变校准：通常是改善，但对原本置信度很准的模型未必；
- 对 argmax 做硬投票会丢掉置信度，一般平均概率或 logits 更好；
- 延迟和算力按视图数增长。

**深度集成 vs TTA：** 两者可以叠加；独立训练的成员提供参数空间的多样性，TTA 提供输入空间的多样性。`,
        en: String.raw`**Ensemble view:** members $f_m(x) = f(g_m(x))$ with $g_m$ the $m$-th augmentation; TTA predicts $\bar f(x) = \frac1M\sum_m f(g_m(x))$. By the ambiguity decomposition the squared-error gain equals the disagreement between views; by $\rho\sigma^2 + (1-\rho)\sigma^2/M$, the high correlation between views (one model, similar inputs) limits the variance reduction.

**Classic use:** VGG (Simonyan & Zisserman) combined multi-scale and multi-crop evaluation with horizontal flips at test time, and averaging dense and multi-crop evaluation lowered the error further.

**When it helps:** the model is not fully invariant to transformations (position, scale) that do not change the label; the same augmentations were used in training; tasks such as segmentation and detection that benefit from stable outputs.

**When it hurts:**
- the transformation changes the label (orientation of text or digits, left/right in medical images);
- test-time augmentations never seen in training (a distribution shift);
- averaged probabilities are flatter, which changes calibration — usually for the better, but not necessarily for an already well-calibrated model;
- hard voting over argmaxes throws away confidence; averaging probabilities or logits is usually better;
- latency and compute grow with the number of views.

**Deep ensembles vs TTA:** they stack; independently trained members add diversity in parameter space, TTA in input space.`,
      },
    },
    references: [vgg, deepEnsembles, kroghVedelsby],
  },
];
