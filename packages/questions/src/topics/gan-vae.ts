import type { Question, Reference, Verification } from '../schema.js';

// All localized texts are written with String.raw so that LaTeX backslashes need no escaping.
// Code inside answers uses indented Markdown code blocks (no backticks inside String.raw).

const PKG = '@dl/generative';

const verify = (exportName: string, test: string, status: Verification['status']): Verification => ({
  package: PKG,
  export: exportName,
  test,
  status,
});

const V_DCGAN = verify('createDcgan', 'packages/generative/src/models/dcgan.test.ts', 'verified');
const V_VAE = verify('createVae', 'packages/generative/src/models/vae.test.ts', 'verified');
const V_KL = verify('gaussianKlDivergence', 'packages/generative/src/ops/gaussian-kl.test.ts', 'verified');
const V_REPARAM = verify('reparameterize', 'packages/generative/src/ops/reparameterize.test.ts', 'verified');
const V_D_LOSS = verify('discriminatorLoss', 'packages/generative/src/ops/gan-losses.test.ts', 'verified');
const V_G_LOSS = verify('generatorLoss', 'packages/generative/src/ops/gan-losses.test.ts', 'verified');
const V_SAMPLING = verify('Sampling', 'packages/generative/src/layers/sampling.test.ts', 'verified');

// float64 checks of the chapter's formulas (packages/generative/src/theory): each test derives its
// reference independently (grid search, quadrature, Monte Carlo, Bayes' rule, iterating the chain).
// Pending until src/index.ts exports them; then flip to 'verified' (verification-links.test.ts says when).
const theory = (exportName: string, file: string): Verification => verify(exportName, `packages/generative/src/theory/${file}.test.ts`, 'verified');
const V_T_OPT_D = theory('optimalDiscriminator', 'optimal-discriminator');
const V_T_GAN_VALUE = theory('ganValueFunction', 'optimal-discriminator');
const V_T_KL = theory('klDivergence', 'divergences');
const V_T_JSD = theory('jensenShannonDivergence', 'divergences');
const V_T_W1 = theory('wasserstein1d', 'wasserstein');
const V_T_GKL = theory('gaussianKlDivergenceGeneral', 'gaussian-kl-general');
const V_T_GNLL = theory('gaussianNegativeLogLikelihood', 'likelihoods');
const V_T_BNLL = theory('bernoulliNegativeLogLikelihood', 'likelihoods');
const V_T_ELBO = theory('discreteLatentElbo', 'discrete-elbo');
const V_T_SCORE = theory('scoreFunctionGradient', 'gradient-estimators');
const V_T_PATH = theory('pathwiseGradient', 'gradient-estimators');
const V_T_ALPHA_BARS = theory('ddpmAlphaBars', 'ddpm');
const V_T_DDPM_MARGINAL = theory('ddpmMarginal', 'ddpm');
const V_T_DDPM_POSTERIOR = theory('ddpmPosterior', 'ddpm');
const V_T_FID = theory('frechetGaussianDistance', 'frechet-distance');
const V_T_SPECTRAL = theory('spectralNorm', 'spectral-norm');
const V_T_IS = theory('inceptionScoreFromProbabilities', 'sample-metrics');
const V_T_COVERAGE = theory('classCoverageFromProbabilities', 'sample-metrics');
const V_T_PR = theory('knnPrecisionRecall', 'knn-precision-recall');

const R_GAN: Reference = {
  title: 'Generative Adversarial Networks',
  authors: 'Goodfellow et al.',
  year: 2014,
  arxiv: '1406.2661',
};
const R_GAN_TUTORIAL: Reference = {
  title: 'NIPS 2016 Tutorial: Generative Adversarial Networks',
  authors: 'Goodfellow',
  year: 2016,
  arxiv: '1701.00160',
};
const R_DL_BOOK: Reference = {
  title: 'Deep Learning (chapter 20: Deep Generative Models)',
  authors: 'Goodfellow, Bengio & Courville',
  year: 2016,
  url: 'https://www.deeplearningbook.org/',
};
const R_DCGAN: Reference = {
  title: 'Unsupervised Representation Learning with Deep Convolutional Generative Adversarial Networks',
  authors: 'Radford, Metz & Chintala',
  year: 2015,
  arxiv: '1511.06434',
};
const R_WGAN: Reference = {
  title: 'Wasserstein GAN',
  authors: 'Arjovsky, Chintala & Bottou',
  year: 2017,
  arxiv: '1701.07875',
};
const R_PRINCIPLED: Reference = {
  title: 'Towards Principled Methods for Training Generative Adversarial Networks',
  authors: 'Arjovsky & Bottou',
  year: 2017,
  arxiv: '1701.04862',
};
const R_WGAN_GP: Reference = {
  title: 'Improved Training of Wasserstein GANs',
  authors: 'Gulrajani et al.',
  year: 2017,
  arxiv: '1704.00028',
};
const R_SNGAN: Reference = {
  title: 'Spectral Normalization for Generative Adversarial Networks',
  authors: 'Miyato et al.',
  year: 2018,
  arxiv: '1802.05957',
};
const R_IMPROVED: Reference = {
  title: 'Improved Techniques for Training GANs',
  authors: 'Salimans et al.',
  year: 2016,
  arxiv: '1606.03498',
};
const R_UNROLLED: Reference = {
  title: 'Unrolled Generative Adversarial Networks',
  authors: 'Metz et al.',
  year: 2016,
  arxiv: '1611.02163',
};
const R_CONVERGE: Reference = {
  title: 'Which Training Methods for GANs do actually Converge?',
  authors: 'Mescheder, Geiger & Nowozin',
  year: 2018,
  arxiv: '1801.04406',
};
const R_VAE: Reference = {
  title: 'Auto-Encoding Variational Bayes',
  authors: 'Kingma & Welling',
  year: 2013,
  arxiv: '1312.6114',
};
const R_REZENDE: Reference = {
  title: 'Stochastic Backpropagation and Approximate Inference in Deep Generative Models',
  authors: 'Rezende, Mohamed & Wierstra',
  year: 2014,
  arxiv: '1401.4082',
};
const R_VAE_INTRO: Reference = {
  title: 'An Introduction to Variational Autoencoders',
  authors: 'Kingma & Welling',
  year: 2019,
  arxiv: '1906.02691',
};
const R_MC_GRAD: Reference = {
  title: 'Monte Carlo Gradient Estimation in Machine Learning',
  authors: 'Mohamed et al.',
  year: 2019,
  arxiv: '1906.10652',
};
const R_BOWMAN: Reference = {
  title: 'Generating Sentences from a Continuous Space',
  authors: 'Bowman et al.',
  year: 2015,
  arxiv: '1511.06349',
};
const R_IAF: Reference = {
  title: 'Improved Variational Inference with Inverse Autoregressive Flow',
  authors: 'Kingma et al.',
  year: 2016,
  arxiv: '1606.04934',
};
const R_CYCLICAL: Reference = {
  title: 'Cyclical Annealing Schedule: A Simple Approach to Mitigating KL Vanishing',
  authors: 'Fu et al.',
  year: 2019,
  arxiv: '1903.10145',
};
const R_BETA_VAE: Reference = {
  title: 'beta-VAE: Learning Basic Visual Concepts with a Constrained Variational Framework',
  authors: 'Higgins et al.',
  year: 2017,
  url: 'https://openreview.net/forum?id=Sy2fzU9gl',
};
const R_BETA_VAE_UNDERSTANDING: Reference = {
  title: 'Understanding disentangling in beta-VAE',
  authors: 'Burgess et al.',
  year: 2018,
  arxiv: '1804.03599',
};
const R_BROKEN_ELBO: Reference = {
  title: 'Fixing a Broken ELBO',
  authors: 'Alemi et al.',
  year: 2017,
  arxiv: '1711.00464',
};
const R_VAE_GAN: Reference = {
  title: 'Autoencoding beyond pixels using a learned similarity metric',
  authors: 'Larsen et al.',
  year: 2015,
  arxiv: '1512.09300',
};
const R_NVAE: Reference = {
  title: 'NVAE: A Deep Hierarchical Variational Autoencoder',
  authors: 'Vahdat & Kautz',
  year: 2020,
  arxiv: '2007.03898',
};
const R_VQVAE: Reference = {
  title: 'Neural Discrete Representation Learning',
  authors: 'van den Oord, Vinyals & Kavukcuoglu',
  year: 2017,
  arxiv: '1711.00937',
};
const R_SEQGAN: Reference = {
  title: 'SeqGAN: Sequence Generative Adversarial Nets with Policy Gradient',
  authors: 'Yu et al.',
  year: 2016,
  arxiv: '1609.05473',
};
const R_GUMBEL: Reference = {
  title: 'Categorical Reparameterization with Gumbel-Softmax',
  authors: 'Jang, Gu & Poole',
  year: 2016,
  arxiv: '1611.01144',
};
const R_CONCRETE: Reference = {
  title: 'The Concrete Distribution: A Continuous Relaxation of Discrete Random Variables',
  authors: 'Maddison, Mnih & Teh',
  year: 2016,
  arxiv: '1611.00712',
};
const R_TEXTGAN: Reference = {
  title: 'Adversarial Feature Matching for Text Generation',
  authors: 'Zhang et al.',
  year: 2017,
  arxiv: '1706.03850',
};
const R_FID: Reference = {
  title: 'GANs Trained by a Two Time-Scale Update Rule Converge to a Local Nash Equilibrium',
  authors: 'Heusel et al.',
  year: 2017,
  arxiv: '1706.08500',
};
const R_IS_NOTE: Reference = {
  title: 'A Note on the Inception Score',
  authors: 'Barratt & Sharma',
  year: 2018,
  arxiv: '1801.01973',
};
const R_PR: Reference = {
  title: 'Improved Precision and Recall Metric for Assessing Generative Models',
  authors: 'Kynkäänniemi et al.',
  year: 2019,
  arxiv: '1904.06991',
};
const R_EVAL_NOTE: Reference = {
  title: 'A note on the evaluation of generative models',
  authors: 'Theis, van den Oord & Bethge',
  year: 2015,
  arxiv: '1511.01844',
};
const R_CGAN: Reference = {
  title: 'Conditional Generative Adversarial Nets',
  authors: 'Mirza & Osindero',
  year: 2014,
  arxiv: '1411.1784',
};
const R_ACGAN: Reference = {
  title: 'Conditional Image Synthesis With Auxiliary Classifier GANs',
  authors: 'Odena, Olah & Shlens',
  year: 2016,
  arxiv: '1610.09585',
};
const R_PROJECTION: Reference = {
  title: 'cGANs with Projection Discriminator',
  authors: 'Miyato & Koyama',
  year: 2018,
  arxiv: '1802.05637',
};
const R_PIX2PIX: Reference = {
  title: 'Image-to-Image Translation with Conditional Adversarial Networks',
  authors: 'Isola et al.',
  year: 2016,
  arxiv: '1611.07004',
};
const R_CYCLEGAN: Reference = {
  title: 'Unpaired Image-to-Image Translation using Cycle-Consistent Adversarial Networks',
  authors: 'Zhu et al.',
  year: 2017,
  arxiv: '1703.10593',
};
const R_STYLEGAN: Reference = {
  title: 'A Style-Based Generator Architecture for Generative Adversarial Networks',
  authors: 'Karras, Laine & Aila',
  year: 2018,
  arxiv: '1812.04948',
};
const R_BIGGAN: Reference = {
  title: 'Large Scale GAN Training for High Fidelity Natural Image Synthesis',
  authors: 'Brock, Donahue & Simonyan',
  year: 2018,
  arxiv: '1809.11096',
};
const R_SRGAN: Reference = {
  title: 'Photo-Realistic Single Image Super-Resolution Using a Generative Adversarial Network',
  authors: 'Ledig et al.',
  year: 2016,
  arxiv: '1609.04802',
};
const R_EDSR: Reference = {
  title: 'Enhanced Deep Residual Networks for Single Image Super-Resolution',
  authors: 'Lim et al.',
  year: 2017,
  arxiv: '1707.02921',
};
const R_PIXELRNN: Reference = {
  title: 'Pixel Recurrent Neural Networks',
  authors: 'van den Oord, Kalchbrenner & Kavukcuoglu',
  year: 2016,
  arxiv: '1601.06759',
};
const R_DSVAE: Reference = {
  title: 'Disentangled Sequential Autoencoder',
  authors: 'Li & Mandt',
  year: 2018,
  arxiv: '1803.02991',
};
const R_MATCHGAN: Reference = {
  title: 'MatchGAN: A Self-Supervised Semi-Supervised Conditional Generative Adversarial Network',
  authors: 'Sun, Bhattarai & Kim',
  year: 2020,
  arxiv: '2006.06614',
};
const R_GPT3: Reference = {
  title: 'Language Models are Few-Shot Learners',
  authors: 'Brown et al.',
  year: 2020,
  arxiv: '2005.14165',
};
const R_DALLE: Reference = {
  title: 'Zero-Shot Text-to-Image Generation',
  authors: 'Ramesh et al.',
  year: 2021,
  arxiv: '2102.12092',
};
const R_DALLE2: Reference = {
  title: 'Hierarchical Text-Conditional Image Generation with CLIP Latents',
  authors: 'Ramesh et al.',
  year: 2022,
  arxiv: '2204.06125',
};
const R_DIFFUSION_2015: Reference = {
  title: 'Deep Unsupervised Learning using Nonequilibrium Thermodynamics',
  authors: 'Sohl-Dickstein et al.',
  year: 2015,
  arxiv: '1503.03585',
};
const R_DDPM: Reference = {
  title: 'Denoising Diffusion Probabilistic Models',
  authors: 'Ho, Jain & Abbeel',
  year: 2020,
  arxiv: '2006.11239',
};
const R_DDIM: Reference = {
  title: 'Denoising Diffusion Implicit Models',
  authors: 'Song, Meng & Ermon',
  year: 2020,
  arxiv: '2010.02502',
};
const R_BEAT_GANS: Reference = {
  title: 'Diffusion Models Beat GANs on Image Synthesis',
  authors: 'Dhariwal & Nichol',
  year: 2021,
  arxiv: '2105.05233',
};
const R_LDM: Reference = {
  title: 'High-Resolution Image Synthesis with Latent Diffusion Models',
  authors: 'Rombach et al.',
  year: 2021,
  arxiv: '2112.10752',
};
const R_ADA: Reference = {
  title: 'Training Generative Adversarial Networks with Limited Data',
  authors: 'Karras et al.',
  year: 2020,
  arxiv: '2006.06676',
};
const R_PROGAN: Reference = {
  title: 'Progressive Growing of GANs for Improved Quality, Stability, and Variation',
  authors: 'Karras et al.',
  year: 2017,
  arxiv: '1710.10196',
};
const R_IWAE: Reference = {
  title: 'Importance Weighted Autoencoders',
  authors: 'Burda, Grosse & Salakhutdinov',
  year: 2015,
  arxiv: '1509.00519',
};
const R_TF_DCGAN: Reference = {
  title: 'Deep Convolutional Generative Adversarial Network (TensorFlow tutorial)',
  url: 'https://www.tensorflow.org/tutorials/generative/dcgan',
};
const R_KERAS_VAE: Reference = {
  title: 'Variational AutoEncoder (Keras code example)',
  url: 'https://keras.io/examples/generative/vae/',
};
const R_TFJS_API: Reference = {
  title: 'TensorFlow.js API reference',
  url: 'https://js.tensorflow.org/api/latest/',
};
const R_CHECKERBOARD: Reference = {
  title: 'Deconvolution and Checkerboard Artifacts',
  authors: 'Odena, Dumoulin & Olah',
  year: 2016,
  url: 'https://distill.pub/2016/deconv-checkerboard/',
};
const R_CFG: Reference = {
  title: 'Classifier-Free Diffusion Guidance',
  authors: 'Ho & Salimans',
  year: 2022,
  arxiv: '2207.12598',
};
const R_TRILEMMA: Reference = {
  title: 'Tackling the Generative Learning Trilemma with Denoising Diffusion GANs',
  authors: 'Xiao, Kreis & Vahdat',
  year: 2021,
  arxiv: '2112.07804',
};
const R_STYLEGAN2: Reference = {
  title: 'Analyzing and Improving the Image Quality of StyleGAN',
  authors: 'Karras et al.',
  year: 2019,
  arxiv: '1912.04958',
};
const R_CONTINUOUS_BERNOULLI: Reference = {
  title: 'The continuous Bernoulli: fixing a pervasive error in variational autoencoders',
  authors: 'Loaiza-Ganem & Cunningham',
  year: 2019,
  arxiv: '1907.06845',
};
const R_SIGMA_VAE: Reference = {
  title: 'Simple and Effective VAE Training with Calibrated Decoders',
  authors: 'Rybkin, Daniilidis & Levine',
  year: 2020,
  arxiv: '2006.13202',
};
const R_LOSSY_VAE: Reference = {
  title: 'Variational Lossy Autoencoder',
  authors: 'Chen et al.',
  year: 2016,
  arxiv: '1611.02731',
};
const R_LINEAR_VAE: Reference = {
  title: "Don't Blame the ELBO! A Linear VAE Perspective on Posterior Collapse",
  authors: 'Lucas et al.',
  year: 2019,
  arxiv: '1911.02469',
};
const R_PACGAN: Reference = {
  title: 'PacGAN: The power of two samples in generative adversarial networks',
  authors: 'Lin et al.',
  year: 2017,
  arxiv: '1712.04086',
};
const R_IMPROVED_DDPM: Reference = {
  title: 'Improved Denoising Diffusion Probabilistic Models',
  authors: 'Nichol & Dhariwal',
  year: 2021,
  arxiv: '2102.09672',
};
const R_SCORE_SDE: Reference = {
  title: 'Score-Based Generative Modeling through Stochastic Differential Equations',
  authors: 'Song et al.',
  year: 2020,
  arxiv: '2011.13456',
};
const R_VILLANI: Reference = {
  title: 'Optimal Transport: Old and New (chapter 5, Kantorovich duality)',
  authors: 'Villani',
  year: 2009,
  url: 'https://link.springer.com/book/10.1007/978-3-540-71050-9',
};
const R_ADAM: Reference = {
  title: 'Adam: A Method for Stochastic Optimization',
  authors: 'Kingma & Ba',
  year: 2014,
  arxiv: '1412.6980',
};

/** Questions of the `gan-vae` chapter: GANs, VAEs, their training, evaluation and failure modes. */
export const ganVaeQuestions: readonly Question[] = [
  // ───────────────────────────── Seed chapter 7 ─────────────────────────────
  {
    id: 'gen-gan-basics',
    topic: 'gan-vae',
    subtopic: 'gan-basics',
    tags: ['gan', 'generator', 'discriminator', 'implicit-model'],
    kind: 'concept',
    difficulty: 1,
    seed: { chapter: 7, question: 1 },
    prompt: {
      zh: String.raw`什么是生成对抗网络（GAN）？它在深度学习中有什么作用？`,
      en: String.raw`What is a generative adversarial network (GAN), and what is it used for in deep learning?`,
    },
    answer: {
      short: {
        zh: String.raw`GAN 由生成器 $G$ 和判别器 $D$ 组成：$G$ 把噪声 $z$ 映射成样本，$D$ 区分真实样本与生成样本，二者做极小极大博弈，均衡时生成分布等于数据分布。它是隐式生成模型：能采样，但不给出概率密度。`,
        en: String.raw`A GAN pits a generator $G$, which maps noise $z$ to samples, against a discriminator $D$, which tells real samples from generated ones; at the equilibrium of this minimax game the generated distribution equals the data distribution. It is an implicit generative model: it can sample but gives no density.`,
      },
      full: {
        zh: String.raw`**定义。** GAN（Goodfellow 等，2014）是两个网络组成的二人博弈：

- **生成器** $G_\theta$：把简单噪声 $z\sim p(z)$（如 $\mathcal N(0,I)$）映射为样本 $G(z)$，由此隐式地定义了生成分布 $p_g$；
- **判别器** $D_\phi(x)\in(0,1)$：估计 $x$ 来自真实数据而不是来自 $G$ 的概率。

二者优化同一个价值函数：
$$\min_G\max_D V(D,G)=\mathbb E_{x\sim p_{data}}[\log D(x)]+\mathbb E_{z\sim p(z)}[\log(1-D(G(z)))].$$
固定 $G$ 时最优判别器为 $D^*=p_{data}/(p_{data}+p_g)$，全局最优点是 $p_g=p_{data}$，此时 $D^*\equiv 1/2$。

**作用。** 在不写出似然函数的前提下学会从高维分布中*采样*：图像生成（StyleGAN、BigGAN）、图像到图像翻译（Pix2Pix、CycleGAN）、追求感知真实度的超分辨率（SRGAN）、数据增强；对抗损失也常被当作“可学习的感知损失”嵌入其他模型。

**局限。** GAN 不给出 $p_g(x)$（没有似然，默认也没有编码器）；训练是鞍点问题，可能振荡或模式崩溃。大约 2021 年后，扩散模型在多数图像生成任务上超过了 GAN，但 GAN 采样只需一次前向传播，仍是最快的生成器之一。`,
        en: String.raw`**Definition.** A GAN (Goodfellow et al., 2014) is a two-player game between two networks:

- the **generator** $G_\theta$ maps simple noise $z\sim p(z)$ (e.g. $\mathcal N(0,I)$) to a sample $G(z)$, which *implicitly* defines a model distribution $p_g$;
- the **discriminator** $D_\phi(x)\in(0,1)$ estimates the probability that $x$ came from the data rather than from $G$.

Both optimize one value function:
$$\min_G\max_D V(D,G)=\mathbb E_{x\sim p_{data}}[\log D(x)]+\mathbb E_{z\sim p(z)}[\log(1-D(G(z)))].$$
For a fixed $G$ the best discriminator is $D^*=p_{data}/(p_{data}+p_g)$; the global optimum is $p_g=p_{data}$, where $D^*\equiv 1/2$.

**What it is for.** Learning to *sample* from a high-dimensional distribution without writing down a likelihood: image synthesis (StyleGAN, BigGAN), image-to-image translation (Pix2Pix, CycleGAN), super-resolution aimed at perceptual realism (SRGAN), data augmentation; adversarial losses are also used as a "learned perceptual loss" inside other models.

**Limits.** A GAN gives no $p_g(x)$ (no likelihood, and by default no encoder), and training is a saddle-point problem that can oscillate or mode-collapse. Since about 2021 diffusion models have overtaken GANs on most image benchmarks, but a GAN samples in a single forward pass, which keeps it among the fastest generators.`,
      },
    },
    references: [R_GAN, R_GAN_TUTORIAL, R_DL_BOOK],
    misconceptions: [
      {
        claim: {
          zh: String.raw`GAN 学到了数据的概率密度，可以直接计算 $p(x)$。`,
          en: String.raw`A GAN learns the data density, so you can evaluate $p(x)$ with it.`,
        },
        correction: {
          zh: String.raw`GAN 是隐式模型：只能通过 $x=G(z)$ 采样，无法直接计算似然；需要密度时应选 VAE（给出下界）、自回归模型、流模型或扩散模型。`,
          en: String.raw`A GAN is an implicit model: it only samples via $x=G(z)$ and gives no likelihood. If you need densities use a VAE (a bound), an autoregressive model, a flow or a diffusion model.`,
        },
      },
    ],
  },
  {
    id: 'gen-gan-training-principle',
    topic: 'gan-vae',
    subtopic: 'gan-training',
    tags: ['gan', 'adversarial-training', 'minimax', 'alternating-updates'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 7, question: 2 },
    prompt: {
      zh: String.raw`请解释 GAN 的工作原理：生成器和判别器各做什么，训练是怎样进行的？`,
      en: String.raw`Explain how a GAN works: what do the generator and the discriminator do, and how does training proceed?`,
    },
    answer: {
      short: {
        zh: String.raw`判别器被训练成二分类器（真=1，假=0），生成器被训练去让判别器把它的样本判成真；两者交替更新，每一步都固定另一方，生成器的梯度只能“穿过”判别器得到。`,
        en: String.raw`The discriminator is trained as a binary classifier (real = 1, fake = 0) and the generator is trained to make it call its samples real; the two updates alternate, each with the other network held fixed, and the generator only gets gradients through the discriminator.`,
      },
      full: {
        zh: String.raw`一次训练迭代：

1. 取 $B$ 个真实样本 $x_i$ 和 $B$ 个噪声 $z_i$。
2. **更新判别器**（$G$ 固定）：最小化二元交叉熵 $-\frac1B\sum_i[\log D(x_i)+\log(1-D(G(z_i)))]$，即对 $V$ 做梯度上升；这一步不能更新 $G$。
3. **更新生成器**（$D$ 固定）：重新采样 $z$。原始极小极大形式是最小化 $\log(1-D(G(z)))$，实践中改为最小化**非饱和损失** $-\log D(G(z))$（把假样本标成“真”），不动点相同，但在 $D$ 轻松识破假样本时梯度依然很大。
4. 重复；有时每步 $G$ 配 $k>1$ 步 $D$（WGAN 用 5 步 critic）。

面试官关注的要点：

- $G$ 从不直接看到真实数据，它的梯度经由 $D$ 传回：$\nabla_\theta\ell=\frac{\partial\ell}{\partial D}\frac{\partial D}{\partial x}\frac{\partial G}{\partial\theta}$；
- 更新 $G$ 时必须冻结 $D$（Keras 中在编译组合模型前设 D.trainable = False；TF2/tfjs 中只对 $G$ 的变量求梯度）；
- 每步用新噪声；真实数据要缩放到 $G$ 输出的取值范围（tanh 对应 $[-1,1]$）；
- 训练寻找的是（局部）纳什均衡而不是最小值，损失不会单调下降，不能像监督学习那样用损失曲线判断进度。`,
        en: String.raw`One training iteration:

1. Draw $B$ real samples $x_i$ and $B$ noise vectors $z_i$.
2. **Discriminator step** ($G$ fixed): minimize the binary cross-entropy $-\frac1B\sum_i[\log D(x_i)+\log(1-D(G(z_i)))]$, i.e. ascend $V$. This step must not update $G$.
3. **Generator step** ($D$ fixed): draw fresh $z$. The minimax form minimizes $\log(1-D(G(z)))$; in practice one minimizes the **non-saturating** loss $-\log D(G(z))$ (label the fakes "real"), which has the same fixed point but keeps large gradients when $D$ easily rejects the fakes.
4. Repeat; sometimes $k>1$ discriminator steps per generator step (WGAN uses 5 critic steps).

What an interviewer listens for:

- $G$ never sees real data; its gradient flows back through $D$: $\nabla_\theta\ell=\frac{\partial\ell}{\partial D}\frac{\partial D}{\partial x}\frac{\partial G}{\partial\theta}$;
- $D$ must be frozen in the generator step (in Keras set D.trainable = False before compiling the combined model; in TF2/tfjs take gradients with respect to $G$'s variables only);
- fresh noise every step; real data scaled to the range of $G$'s output (tanh means $[-1,1]$);
- training searches for a (local) Nash equilibrium, not a minimum, so the losses do not decrease monotonically and are poor progress indicators, unlike a supervised loss.`,
      },
    },
    references: [R_GAN, R_GAN_TUTORIAL],
    misconceptions: [
      {
        claim: {
          zh: String.raw`GAN 训练正常时，生成器和判别器的损失都应该持续下降。`,
          en: String.raw`In a healthy GAN run both the generator and the discriminator losses keep going down.`,
        },
        correction: {
          zh: String.raw`两个损失彼此对抗，理想均衡时判别器损失停在 $2\log 2\approx1.386$ 附近（$D\equiv1/2$ 时真、假两项各为 $\log 2$）。判断训练进度应看样本和 FID 等指标，而不是损失曲线。`,
          en: String.raw`The two losses fight each other; at the ideal equilibrium the discriminator loss sits near $2\log 2\approx1.386$ ($\log 2$ for the real term and for the fake term when $D\equiv1/2$). Judge progress with samples and metrics such as FID, not the loss curves.`,
        },
      },
    ],
  },
  {
    id: 'gen-gan-variants',
    topic: 'gan-vae',
    subtopic: 'gan-variants',
    tags: ['gan', 'dcgan', 'wgan', 'cyclegan', 'stylegan'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 7, question: 3 },
    prompt: {
      zh: String.raw`GAN 有哪些主要类型？`,
      en: String.raw`What are the main types of GANs?`,
    },
    answer: {
      short: {
        zh: String.raw`原始 GAN 只有一个生成器和一个判别器（都是 MLP）；后续变体分别改进了网络结构（DCGAN、StyleGAN）、目标函数与正则（WGAN、WGAN-GP、SNGAN）、条件输入（cGAN、AC-GAN、BigGAN）或面向具体任务（Pix2Pix、CycleGAN、SRGAN）。`,
        en: String.raw`The original GAN has one generator and one discriminator, both MLPs; later variants change the architecture (DCGAN, StyleGAN), the objective and regularization (WGAN, WGAN-GP, SNGAN), the conditioning (cGAN, AC-GAN, BigGAN) or target a task (Pix2Pix, CycleGAN, SRGAN).`,
      },
      full: {
        zh: String.raw`按“改动了什么”来归类最清楚：

- **原始 GAN**（Goodfellow 等，2014）：**一个**生成器、**一个**判别器，二者都是多层感知机（判别器用 maxout 和 dropout），用极小极大损失训练。
- **结构**：DCGAN（Radford 等，2015）用带步长的卷积/转置卷积和批归一化构成全卷积的 $G$、$D$；Progressive GAN（2017）逐步提高分辨率；StyleGAN（2018）引入映射网络和 AdaIN 风格调制；BigGAN（2018）是大规模类别条件 GAN。
- **目标函数与正则**：WGAN（2017）用 Wasserstein-1 距离并裁剪权重；WGAN-GP（2017）改用梯度惩罚；LSGAN 用最小二乘损失；SNGAN（2018）对判别器做谱归一化。
- **条件生成**：cGAN（Mirza & Osindero，2014）把标签 $y$ 同时输入 $G$ 和 $D$；AC-GAN 给 $D$ 加辅助分类头；投影判别器（projection discriminator）。
- **图像到图像翻译**：Pix2Pix（成对数据，cGAN + L1）、CycleGAN（非成对数据，循环一致性损失）；超分辨率有 SRGAN。

种子材料里的 “MatchGAN” 并不是一个主要类别：它是 2020 年的一篇半监督条件 GAN 论文（arXiv 2006.06614），面向人脸属性编辑，在标签空间上构造自监督任务，并在判别器一侧加一个辅助的匹配损失；它并不是“生成在特定特征上匹配的数据”的一类方法。`,
        en: String.raw`Group them by what they change:

- **Original GAN** (Goodfellow et al., 2014): **one** generator and **one** discriminator, both multilayer perceptrons (maxout and dropout in $D$), trained with the minimax loss.
- **Architecture**: DCGAN (Radford et al., 2015) makes $G$ and $D$ all-convolutional with strided (transposed) convolutions and batch norm; Progressive GAN (2017) grows the resolution; StyleGAN (2018) adds a mapping network and AdaIN style modulation; BigGAN (2018) is large-scale class-conditional.
- **Objective and regularization**: WGAN (2017) uses the Wasserstein-1 distance with weight clipping; WGAN-GP (2017) replaces clipping by a gradient penalty; LSGAN uses a least-squares loss; SNGAN (2018) spectrally normalizes the discriminator.
- **Conditioning**: cGAN (Mirza & Osindero, 2014) feeds a label $y$ to both $G$ and $D$; AC-GAN adds an auxiliary classifier head to $D$; the projection discriminator.
- **Image-to-image translation**: Pix2Pix (paired data, cGAN + L1), CycleGAN (unpaired data, cycle-consistency loss); SRGAN for super-resolution.

The seed's "MatchGAN" is not a main family: it is a 2020 semi-supervised conditional GAN paper (arXiv 2006.06614) for facial-attribute editing that builds a self-supervised task in label space and adds an auxiliary match loss on the discriminator side. It is not a method "for generating data that matches real data on specific features".`,
      },
    },
    references: [R_GAN, R_DCGAN, R_WGAN, R_WGAN_GP, R_CGAN, R_CYCLEGAN, R_STYLEGAN, R_MATCHGAN],
    misconceptions: [
      {
        claim: {
          zh: String.raw`基本 GAN 由一个生成器和两个全连接层组成的判别器构成。`,
          en: String.raw`A basic GAN consists of a generator and two discriminators made of fully connected layers.`,
        },
        correction: {
          zh: String.raw`Goodfellow 2014 的原始 GAN 只有一个生成器和一个判别器，二者都是多层感知机。`,
          en: String.raw`The original GAN of Goodfellow et al. (2014) has one generator and one discriminator, both multilayer perceptrons.`,
        },
        erratum: 18,
      },
      {
        claim: {
          zh: String.raw`“匹配 GAN（MatchGAN）”是 GAN 的主要类型之一，用于生成在特定特征上与真实数据匹配的数据。`,
          en: String.raw`"MatchGAN" is one of the main GAN types, used to generate data that matches real data on specific features.`,
        },
        correction: {
          zh: String.raw`MatchGAN 是 2020 年一篇小众的半监督条件 GAN 工作（在判别器上加匹配损失），描述也不对；应列出的主要类型是 cGAN、DCGAN、WGAN(-GP)、Pix2Pix、CycleGAN、StyleGAN 等。`,
          en: String.raw`MatchGAN is a niche 2020 semi-supervised conditional GAN (a match loss on the discriminator), and the description is wrong; the main types to list are cGAN, DCGAN, WGAN(-GP), Pix2Pix, CycleGAN, StyleGAN and the like.`,
        },
        erratum: 19,
      },
    ],
  },
  {
    id: 'gen-vae-basics',
    topic: 'gan-vae',
    subtopic: 'vae-basics',
    tags: ['vae', 'latent-variable', 'variational-inference', 'generative-model'],
    kind: 'concept',
    difficulty: 1,
    seed: { chapter: 7, question: 4 },
    prompt: {
      zh: String.raw`什么是变分自编码器（VAE）？它在深度学习中有什么作用？`,
      en: String.raw`What is a variational autoencoder (VAE), and what is it used for in deep learning?`,
    },
    answer: {
      short: {
        zh: String.raw`VAE 是一个隐变量生成模型 $p_\theta(x)=\int p_\theta(x\mid z)p(z)\,dz$，用神经网络编码器 $q_\phi(z\mid x)$ 做摊销变分推断，通过最大化证据下界（ELBO）同时学习生成器（解码器）和推断网络（编码器）。`,
        en: String.raw`A VAE is a latent-variable generative model $p_\theta(x)=\int p_\theta(x\mid z)p(z)\,dz$ trained by amortized variational inference: a neural encoder $q_\phi(z\mid x)$ approximates the posterior, and decoder and encoder are learned together by maximizing the evidence lower bound (ELBO).`,
      },
      full: {
        zh: String.raw`**模型。** 先验 $p(z)=\mathcal N(0,I)$，解码器 $p_\theta(x\mid z)$（例如伯努利或高斯分布，参数由网络给出）。边缘似然 $p_\theta(x)=\int p_\theta(x\mid z)p(z)\,dz$ 和后验 $p_\theta(z\mid x)$ 都难以计算，所以引入编码器 $q_\phi(z\mid x)=\mathcal N(\mu_\phi(x),\operatorname{diag}\sigma^2_\phi(x))$ 近似后验，并最大化
$$\mathcal L(x)=\mathbb E_{q_\phi(z\mid x)}[\log p_\theta(x\mid z)]-\mathrm{KL}(q_\phi(z\mid x)\,\|\,p(z))\le\log p_\theta(x).$$
梯度用重参数化技巧 $z=\mu+\sigma\odot\varepsilon$ 估计（Kingma & Welling，2013；Rezende 等，2014）。

**作用。**

- 生成：从 $p(z)$ 采样再解码；
- 表示学习：得到连续、较平滑的隐空间，可做插值、属性向量运算、聚类和半监督学习；
- 密度估计：ELBO（或重要性加权下界）给出 $\log p(x)$ 的下界，可用于异常检测；
- 压缩与潜空间建模：VQ-VAE 和 Stable Diffusion 中的自编码器都是这一思路的延伸。

与普通自编码器的本质区别：编码器输出的是**分布**而非一个点，并且有 KL 项把聚合后验拉向先验，这样从先验采样的 $z$ 才能解码出合理样本。`,
        en: String.raw`**Model.** A prior $p(z)=\mathcal N(0,I)$ and a decoder $p_\theta(x\mid z)$ (e.g. Bernoulli or Gaussian with parameters output by a network). The marginal likelihood $p_\theta(x)=\int p_\theta(x\mid z)p(z)\,dz$ and the posterior $p_\theta(z\mid x)$ are intractable, so an encoder $q_\phi(z\mid x)=\mathcal N(\mu_\phi(x),\operatorname{diag}\sigma^2_\phi(x))$ approximates the posterior and we maximize
$$\mathcal L(x)=\mathbb E_{q_\phi(z\mid x)}[\log p_\theta(x\mid z)]-\mathrm{KL}(q_\phi(z\mid x)\,\|\,p(z))\le\log p_\theta(x).$$
Gradients come from the reparameterization trick $z=\mu+\sigma\odot\varepsilon$ (Kingma & Welling, 2013; Rezende et al., 2014).

**Uses.**

- generation: sample from $p(z)$ and decode;
- representation learning: a continuous, fairly smooth latent space for interpolation, attribute arithmetic, clustering and semi-supervised learning;
- density estimation: the ELBO (or an importance-weighted bound) lower-bounds $\log p(x)$, e.g. for anomaly detection;
- compression and latent modelling: VQ-VAE and the autoencoder inside Stable Diffusion extend the idea.

The essential difference from a plain autoencoder: the encoder outputs a **distribution**, not a point, and the KL term pulls the aggregate posterior toward the prior, so that $z$ drawn from the prior decodes to plausible samples.`,
      },
    },
    references: [R_VAE, R_REZENDE, R_VAE_INTRO],
  },
  {
    id: 'gen-vae-working-principle',
    topic: 'gan-vae',
    subtopic: 'vae-basics',
    tags: ['vae', 'encoder', 'decoder', 'elbo', 'kl-divergence'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 7, question: 5 },
    prompt: {
      zh: String.raw`请解释 VAE 的工作原理：编码器、解码器和损失函数分别是什么？`,
      en: String.raw`Explain how a VAE works: what are the encoder, the decoder and the loss?`,
    },
    answer: {
      short: {
        zh: String.raw`编码器输出近似后验的参数 $\mu(x)$ 和 $\log\sigma^2(x)$；用 $z=\mu+\sigma\odot\varepsilon$（$\varepsilon\sim\mathcal N(0,I)$）采样；解码器由 $z$ 给出 $p(x\mid z)$ 的参数；损失是负 ELBO，即重构负对数似然加上 $\mathrm{KL}(q(z\mid x)\|\mathcal N(0,I))$。`,
        en: String.raw`The encoder outputs the parameters $\mu(x)$ and $\log\sigma^2(x)$ of the approximate posterior; one samples $z=\mu+\sigma\odot\varepsilon$ with $\varepsilon\sim\mathcal N(0,I)$; the decoder maps $z$ to the parameters of $p(x\mid z)$; the loss is the negative ELBO: reconstruction negative log-likelihood plus $\mathrm{KL}(q(z\mid x)\|\mathcal N(0,I))$.`,
      },
      full: {
        zh: String.raw`前向计算分四步：

1. **编码器**（卷积或全连接网络）输出两个向量：均值 $\mu_\phi(x)\in\mathbb R^d$ 和对数方差 $\log\sigma^2_\phi(x)\in\mathbb R^d$，它们定义 $q_\phi(z\mid x)=\mathcal N(\mu,\operatorname{diag}\sigma^2)$。输出对数方差是为了让网络输出不受符号限制，且数值稳定。
2. **采样（重参数化）**：$\varepsilon\sim\mathcal N(0,I)$，$z=\mu+\exp(\tfrac12\log\sigma^2)\odot\varepsilon$。随机性被移到与参数无关的 $\varepsilon$ 上，梯度可以流过 $\mu,\sigma$。
3. **解码器**把 $z$ 映射为似然的参数，例如二值化 MNIST 用每个像素的伯努利概率（sigmoid 输出）。
4. **损失 = 负 ELBO**（每个样本）：
$$\ell(x)=\underbrace{-\mathbb E_q[\log p_\theta(x\mid z)]}_{\text{重构项，如对像素求和的 BCE}}+\underbrace{\left(-\tfrac12\sum_{j=1}^d(1+\log\sigma_j^2-\mu_j^2-\sigma_j^2)\right)}_{\mathrm{KL}(q\,\|\,\mathcal N(0,I))}.$$

两项的作用：重构项让 $z$ 携带足够信息，KL 项让各个 $q(z\mid x)$ 贴近先验，使隐空间连续、可以从 $\mathcal N(0,I)$ 采样生成。**生成时**只用解码器：$z\sim\mathcal N(0,I)$，输出 $p_\theta(x\mid z)$ 的均值。

常见错误：重构项对像素取平均而 KL 对维度求和，相当于把 KL 放大了 784 倍（MNIST），结果模型几乎忽略隐变量、样本很糊。`,
        en: String.raw`The forward pass has four steps:

1. The **encoder** (convolutional or dense) outputs two vectors: the mean $\mu_\phi(x)\in\mathbb R^d$ and the log-variance $\log\sigma^2_\phi(x)\in\mathbb R^d$, defining $q_\phi(z\mid x)=\mathcal N(\mu,\operatorname{diag}\sigma^2)$. Predicting the log-variance leaves the output unconstrained in sign and is numerically safer.
2. **Sampling (reparameterization)**: $\varepsilon\sim\mathcal N(0,I)$, $z=\mu+\exp(\tfrac12\log\sigma^2)\odot\varepsilon$. The randomness sits in $\varepsilon$, which does not depend on the parameters, so gradients flow through $\mu$ and $\sigma$.
3. The **decoder** maps $z$ to the parameters of the likelihood, e.g. per-pixel Bernoulli probabilities (sigmoid outputs) for binarized MNIST.
4. **Loss = negative ELBO** (per example):
$$\ell(x)=\underbrace{-\mathbb E_q[\log p_\theta(x\mid z)]}_{\text{reconstruction, e.g. BCE summed over pixels}}+\underbrace{\left(-\tfrac12\sum_{j=1}^d(1+\log\sigma_j^2-\mu_j^2-\sigma_j^2)\right)}_{\mathrm{KL}(q\,\|\,\mathcal N(0,I))}.$$

The reconstruction term makes $z$ informative; the KL term keeps every $q(z\mid x)$ close to the prior, which makes the latent space continuous and lets us sample from $\mathcal N(0,I)$. **To generate** use only the decoder: $z\sim\mathcal N(0,I)$, output the mean of $p_\theta(x\mid z)$.

A common mistake: averaging the reconstruction over pixels while summing the KL over latent dimensions weights the KL 784 times too heavily (MNIST); the model then largely ignores $z$ and samples are blurry.`,
      },
    },
    references: [R_VAE, R_VAE_INTRO, R_KERAS_VAE],
    misconceptions: [
      {
        claim: {
          zh: String.raw`VAE 的编码器把数据映射到潜在空间中的一个点，解码器再把它映射回来。`,
          en: String.raw`The VAE encoder maps the input to a point in latent space and the decoder maps it back.`,
        },
        correction: {
          zh: String.raw`那是普通自编码器。VAE 的编码器输出分布参数 $\mu$ 和 $\log\sigma^2$，通过 $z=\mu+\sigma\odot\varepsilon$ 采样；损失是负 ELBO = 重构项 + KL 项。`,
          en: String.raw`That is a plain autoencoder. A VAE encoder outputs distribution parameters $\mu$ and $\log\sigma^2$, samples $z=\mu+\sigma\odot\varepsilon$, and the loss is the negative ELBO = reconstruction + KL.`,
        },
        erratum: 20,
      },
    ],
  },
  {
    id: 'gen-vae-vs-gan',
    topic: 'gan-vae',
    subtopic: 'model-comparison',
    tags: ['vae', 'gan', 'comparison', 'discrete-data'],
    kind: 'concept',
    difficulty: 3,
    seed: { chapter: 7, question: 6 },
    prompt: {
      zh: String.raw`VAE 和 GAN 有什么区别？各自适合什么场景？`,
      en: String.raw`How do VAEs and GANs differ, and where is each a better fit?`,
    },
    answer: {
      short: {
        zh: String.raw`VAE 是显式似然模型，最大化 $\log p(x)$ 的下界，有编码器、训练稳定、覆盖所有模式但样本偏糊；GAN 是隐式模型，靠判别器提供训练信号，样本更锐利但训练不稳定、易模式崩溃。离散数据（如文本）对 GAN 反而更难，因为采样离散 token 不可微。`,
        en: String.raw`A VAE is an explicit-likelihood model that maximizes a bound on $\log p(x)$: it has an encoder, trains stably and covers all modes but gives blurrier samples. A GAN is an implicit model trained through a discriminator: sharper samples, but unstable training and mode collapse. Discrete data such as text is harder for GANs, not easier, because sampling discrete tokens is not differentiable.`,
      },
      full: {
        zh: String.raw`| 维度 | VAE | GAN |
|---|---|---|
| 组成 | 编码器 $q_\phi(z\mid x)$ + 解码器 $p_\theta(x\mid z)$ | 生成器 $G$ + 判别器 $D$ |
| 目标 | 最大化 ELBO $\le\log p(x)$（最大似然的近似） | 极小极大博弈；理想 $D$ 下等价于最小化 JS 散度（或 WGAN 的 $W_1$） |
| 密度 | 有下界，可比较似然 | 无 |
| 推断 | 自带编码器 $x\to z$ | 默认没有（需 BiGAN/GAN 反演） |
| 训练 | 单一损失，稳定 | 鞍点问题，振荡、模式崩溃 |
| 样本 | 偏模糊（高斯似然 ≈ L2、前向 KL 倾向覆盖模式） | 锐利、逼真 |
| 多样性 | 覆盖全部模式 | 可能丢失模式 |

**关于离散数据，种子材料把结论说反了。** GAN 的生成器梯度要经过 $\partial D/\partial x$ 回传，而采样离散 token（argmax 或按类别分布抽样）不可微，梯度传不回去；要么用 REINFORCE 式的策略梯度（SeqGAN），要么用 Gumbel-softmax 连续松弛，训练都很难。VAE 则可以直接配自回归解码器做文本（Bowman 等，2015），难点在于后验坍塌而不是梯度。对图像这样的连续数据，两者都能用：要锐利、快速采样选 GAN，要似然、编码器和稳定训练选 VAE；如今高质量生成多数由扩散模型完成。`,
        en: String.raw`| Aspect | VAE | GAN |
|---|---|---|
| Parts | encoder $q_\phi(z\mid x)$ + decoder $p_\theta(x\mid z)$ | generator $G$ + discriminator $D$ |
| Objective | maximize the ELBO $\le\log p(x)$ (approximate maximum likelihood) | minimax game; with the ideal $D$ it minimizes the JS divergence (or $W_1$ for WGAN) |
| Density | a lower bound, likelihoods comparable | none |
| Inference | built-in encoder $x\to z$ | none by default (BiGAN / GAN inversion) |
| Training | one loss, stable | saddle point, oscillation, mode collapse |
| Samples | blurrier (Gaussian likelihood ≈ L2, mode-covering forward KL) | sharp, realistic |
| Diversity | covers all modes | may drop modes |

**On discrete data the seed has it backwards.** A GAN generator is trained through $\partial D/\partial x$, and sampling a discrete token (argmax or a categorical draw) is not differentiable, so no gradient reaches $G$; one needs REINFORCE-style policy gradients (SeqGAN) or a Gumbel-softmax relaxation, and training is hard either way. A VAE can simply use an autoregressive decoder for text (Bowman et al., 2015); its difficulty there is posterior collapse, not gradients. For continuous data such as images both work: choose a GAN for sharp samples and one-pass sampling, a VAE for likelihoods, an encoder and stable training; today most high-quality generation is done by diffusion models.`,
      },
    },
    references: [R_VAE, R_GAN, R_SEQGAN, R_BOWMAN, R_GAN_TUTORIAL],
    misconceptions: [
      {
        claim: {
          zh: String.raw`VAE 更适合生成连续数据（图像、文本等），GAN 更适合生成离散数据（分类标签、序列数据等）。`,
          en: String.raw`VAEs suit continuous data (images, text, ...) while GANs suit discrete data (class labels, sequences, ...).`,
        },
        correction: {
          zh: String.raw`恰好相反：文本是离散数据；GAN 对离散输出最困难，因为采样不可微（需要 SeqGAN/REINFORCE 或 Gumbel-softmax）。正确的对比是：VAE 有似然下界和编码器、训练稳定、样本偏糊；GAN 是隐式密度、样本锐利、训练不稳定且会模式崩溃。`,
          en: String.raw`It is the other way round: text is discrete, and discrete outputs are the hardest case for GANs because sampling is not differentiable (SeqGAN/REINFORCE or Gumbel-softmax are needed). The right contrast: a VAE has a likelihood bound and an encoder, trains stably, gives blurrier samples; a GAN has an implicit density, sharper samples, unstable training and mode collapse.`,
        },
        erratum: 21,
      },
    ],
  },
  {
    id: 'gen-image-applications',
    topic: 'gan-vae',
    subtopic: 'applications',
    tags: ['image-generation', 'super-resolution', 'image-translation', 'applications'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 7, question: 7 },
    prompt: {
      zh: String.raw`GAN 和 VAE 在图像任务中有哪些应用？请举出正确的代表模型。`,
      en: String.raw`What are GANs and VAEs used for in image tasks? Name correct representative models.`,
    },
    answer: {
      short: {
        zh: String.raw`GAN：无条件/类别条件生成（StyleGAN、BigGAN）、图像翻译（Pix2Pix、CycleGAN）、感知超分辨率（SRGAN）；VAE：表示学习、异常检测、作为潜空间压缩器（VQ-VAE、潜扩散模型的自编码器）、层次化生成（NVAE）。EDSR、PixelCNN 都不是 GAN 或 VAE。`,
        en: String.raw`GANs: unconditional or class-conditional synthesis (StyleGAN, BigGAN), image translation (Pix2Pix, CycleGAN), perceptual super-resolution (SRGAN). VAEs: representation learning, anomaly detection, latent compression (VQ-VAE, the autoencoder of latent diffusion), hierarchical generation (NVAE). EDSR and PixelCNN are neither GANs nor VAEs.`,
      },
      full: {
        zh: String.raw`**图像生成。** GAN：DCGAN、Progressive GAN、StyleGAN、BigGAN。VAE：NVAE 等层次化 VAE；VQ-VAE 把图像编码为离散 token，再配一个自回归先验来生成；VAE-GAN（Larsen 等，2015）把 VAE 的像素重构换成判别器特征上的重构，使样本更锐利。

**超分辨率。** SRGAN 在内容（VGG 特征）损失之外加对抗损失，追求感知真实而非最高 PSNR。**EDSR 不是生成模型**：它是用 L1 损失训练的残差 CNN 回归器，PSNR 高但纹理偏平滑。

**图像翻译与修复。** Pix2Pix 用成对数据（草图→照片、语义图→街景）；CycleGAN 做**非成对**的域转换（马↔斑马、照片↔油画），并不是专门的“修复/去噪”模型。图像补全可以用带对抗损失的编码器-解码器。**PixelCNN/PixelRNN 是自回归模型**，逐像素建模 $p(x)=\prod_i p(x_i\mid x_{<i})$，既不是 GAN 也不是 VAE。

**VAE 的其他用途。** 用 ELBO 或重构误差做异常检测；学习可插值的隐空间；作为潜扩散模型（Stable Diffusion）中的图像压缩器。**DSVAE**（Li & Mandt，2018）是把静态与动态因素分开的**序列 VAE**，用于视频和语音，而不是一般的图像生成模型。

**关于“VAE 生成更具连续性的图像，如去噪、修复、超分辨率”：** “连续”描述的是隐空间（可平滑插值），不是图像；去噪、修复、超分是**任务**，GAN、VAE、纯回归 CNN、扩散模型都可以做，不能把任务当成模型特性。`,
        en: String.raw`**Image synthesis.** GANs: DCGAN, Progressive GAN, StyleGAN, BigGAN. VAEs: hierarchical VAEs such as NVAE; VQ-VAE encodes images into discrete tokens and generates with an autoregressive prior; VAE-GAN (Larsen et al., 2015) replaces the pixel reconstruction with a reconstruction in discriminator feature space, giving sharper samples.

**Super-resolution.** SRGAN adds an adversarial loss to a content (VGG feature) loss, aiming at perceptual realism rather than maximal PSNR. **EDSR is not a generative model**: it is a residual CNN regressor trained with an L1 loss, high PSNR but smooth textures.

**Translation and restoration.** Pix2Pix needs paired data (sketch→photo, label map→street scene); CycleGAN does **unpaired** domain translation (horse↔zebra, photo↔painting) and is not a restoration/denoising model. Inpainting can use an encoder-decoder with an adversarial loss. **PixelCNN/PixelRNN are autoregressive models**, $p(x)=\prod_i p(x_i\mid x_{<i})$, neither GAN nor VAE.

**Other VAE uses.** Anomaly detection with the ELBO or reconstruction error; interpolable latent spaces; the image compressor inside latent diffusion (Stable Diffusion). **DSVAE** (Li & Mandt, 2018) is a **sequential VAE** that separates static and dynamic factors in video and speech, not a general image generator.

**On "VAEs produce more continuous images, e.g. denoising, inpainting, super-resolution":** "continuous" describes the latent space (smooth interpolation), not the images; denoising, inpainting and super-resolution are **tasks** that GANs, VAEs, plain regression CNNs and diffusion models can all address. A task is not a model property.`,
      },
    },
    references: [R_STYLEGAN, R_BIGGAN, R_SRGAN, R_EDSR, R_PIX2PIX, R_CYCLEGAN, R_PIXELRNN, R_DSVAE, R_VAE_GAN, R_NVAE],
    misconceptions: [
      {
        claim: {
          zh: String.raw`EDSR 是用于超分辨率的 GAN/VAE；CycleGAN 和 PixelCNN 用于图像修复和去噪；DSVAE 是生成连续图像的 VAE。`,
          en: String.raw`EDSR is a GAN/VAE for super-resolution; CycleGAN and PixelCNN are for restoration and denoising; DSVAE is a VAE that generates continuous images.`,
        },
        correction: {
          zh: String.raw`EDSR 是用 L1 损失训练的残差 CNN；CycleGAN 做非成对图像翻译；PixelCNN 是自回归模型；DSVAE 是序列 VAE（视频/语音）。`,
          en: String.raw`EDSR is a residual CNN trained with an L1 loss; CycleGAN does unpaired image translation; PixelCNN is autoregressive; DSVAE is a sequential VAE (video/speech).`,
        },
        erratum: 22,
      },
      {
        claim: {
          zh: String.raw`VAE 生成更具连续性的图像，如去噪、修复和超分辨率等任务。`,
          en: String.raw`VAEs generate more continuous images, such as in denoising, inpainting and super-resolution.`,
        },
        correction: {
          zh: String.raw`这把任务和模型性质混为一谈：连续性指隐空间可插值；去噪、修复、超分是任何生成或回归模型都可以承担的任务。`,
          en: String.raw`This mixes up tasks with model properties: continuity refers to an interpolable latent space; denoising, inpainting and super-resolution are tasks that any generative or regression model may tackle.`,
        },
        erratum: 24,
      },
    ],
  },
  {
    id: 'gen-text-applications',
    topic: 'gan-vae',
    subtopic: 'applications',
    tags: ['text-generation', 'seqgan', 'text-vae', 'applications'],
    kind: 'concept',
    difficulty: 3,
    seed: { chapter: 7, question: 8 },
    prompt: {
      zh: String.raw`GAN 和 VAE 在文本生成任务中有哪些应用？GPT、DALL·E 属于哪类模型？`,
      en: String.raw`What are GANs and VAEs used for in text generation? What kind of models are GPT and DALL·E?`,
    },
    answer: {
      short: {
        zh: String.raw`文本 GAN（SeqGAN、TextGAN 等）要绕过离散采样不可微的问题，实际效果有限；文本 VAE 用于句子表示、可控生成和多样化对话（需对付后验坍塌）。GPT 是自回归 Transformer 语言模型，DALL·E 是基于 dVAE 图像 token 的自回归 Transformer（输出图像），都不是 GAN。`,
        en: String.raw`Text GANs (SeqGAN, TextGAN, ...) must work around non-differentiable discrete sampling and have had limited practical success; text VAEs are used for sentence representations, controllable generation and diverse dialogue (fighting posterior collapse). GPT is an autoregressive Transformer language model and DALL·E an autoregressive Transformer over dVAE image tokens that outputs images; neither is a GAN.`,
      },
      full: {
        zh: String.raw`**文本 GAN。** 难点是离散输出：$D$ 对 token 的梯度无法穿过采样传给 $G$。SeqGAN（Yu 等，2016）把 $G$ 视为策略、$D$ 的打分当奖励，用蒙特卡洛 rollout 和 REINFORCE 训练；TextGAN（Zhang 等，2017）是 GAN（对抗特征匹配），**不是 VAE**；也可以用 Gumbel-softmax 松弛。这些方法通常要先用最大似然预训练，后续研究发现它们在质量-多样性权衡上往往不如调好温度的最大似然语言模型。

**文本 VAE。** Bowman 等（2015）的句子 VAE 用 RNN 编码器/解码器，学到可插值的句子隐空间，并提出 KL 退火和词 dropout 来缓解后验坍塌；条件 VAE 被用来提高对话回复的多样性；也可以用隐变量控制主题、情感、风格。

**纠正种子中的例子：**

- **GPT** 是自回归 Transformer 解码器，用下一个 token 的最大似然训练，不是 GAN；
- **DALL·E**（2021）先用离散 VAE（dVAE）把图像压成 $32\times32$ 个 token，再用自回归 Transformer 对“文本 token + 图像 token”建模，**输出的是图像**；DALL·E 2 基于 CLIP 潜变量和扩散解码器；
- “ChatGAN”“TalkGAN”不是公认的模型；
- 摘要任务：TextCNN 是**文本分类**模型；Seq2Seq（带注意力、指针生成网络）以及 BART、T5 等预训练 Transformer 才是摘要模型，而且它们都不是 GAN/VAE。`,
        en: String.raw`**Text GANs.** The obstacle is the discrete output: the gradient of $D$ with respect to tokens cannot pass through sampling back to $G$. SeqGAN (Yu et al., 2016) treats $G$ as a policy and $D$'s score as a reward, trained with Monte Carlo rollouts and REINFORCE; TextGAN (Zhang et al., 2017) is a GAN (adversarial feature matching), **not a VAE**; Gumbel-softmax relaxations are another route. These methods usually need maximum-likelihood pretraining, and later studies found they often do not beat a well-tuned maximum-likelihood language model with temperature on the quality-diversity trade-off.

**Text VAEs.** The sentence VAE of Bowman et al. (2015) uses RNN encoder/decoder, learns an interpolable sentence latent space and introduced KL annealing and word dropout against posterior collapse; conditional VAEs are used to diversify dialogue responses; latents can also control topic, sentiment or style.

**Correcting the seed's examples:**

- **GPT** is an autoregressive Transformer decoder trained by maximum likelihood of the next token, not a GAN;
- **DALL·E** (2021) compresses an image into $32\times32$ tokens with a discrete VAE (dVAE), then models "text tokens + image tokens" with an autoregressive Transformer; **it outputs images**; DALL·E 2 uses CLIP latents and a diffusion decoder;
- "ChatGAN" and "TalkGAN" are not established models;
- summarization: TextCNN is a **text classifier**; Seq2Seq (with attention, pointer-generator) and pretrained Transformers such as BART and T5 are summarizers, and none of them is a GAN or VAE.`,
      },
    },
    references: [R_SEQGAN, R_TEXTGAN, R_BOWMAN, R_GPT3, R_DALLE, R_DALLE2],
    misconceptions: [
      {
        claim: {
          zh: String.raw`GPT、DALL·E 是用 GAN 生成文本的例子；TextGAN 是 VAE；ChatGAN、TalkGAN 用于对话生成；TextCNN、Seq2Seq 是 GAN/VAE 做摘要的例子。`,
          en: String.raw`GPT and DALL·E are GANs that generate text; TextGAN is a VAE; ChatGAN and TalkGAN generate dialogue; TextCNN and Seq2Seq are GAN/VAE summarizers.`,
        },
        correction: {
          zh: String.raw`GPT 是自回归 Transformer；DALL·E 是 dVAE token 上的自回归 Transformer（v2 为扩散模型），输出图像；TextGAN 是 GAN；ChatGAN/TalkGAN 不是公认模型；TextCNN 是分类器。`,
          en: String.raw`GPT is an autoregressive Transformer; DALL·E is an autoregressive Transformer over dVAE tokens (v2 is a diffusion model) and outputs images; TextGAN is a GAN; ChatGAN/TalkGAN are not established models; TextCNN is a classifier.`,
        },
        erratum: 23,
      },
    ],
  },
  {
    id: 'gen-implement-dcgan',
    topic: 'gan-vae',
    subtopic: 'dcgan',
    tags: ['dcgan', 'tfjs', 'training-loop', 'transposed-convolution'],
    kind: 'coding',
    difficulty: 3,
    seed: { chapter: 7, question: 9 },
    prompt: {
      zh: String.raw`实现一个简单的 GAN（DCGAN）用于生成 $28\times28$ 灰度图：给出生成器、判别器的结构和一步训练的正确写法。`,
      en: String.raw`Implement a simple GAN (a DCGAN) that generates $28\times28$ grayscale images: give the generator, the discriminator and a correct training step.`,
    },
    answer: {
      short: {
        zh: String.raw`生成器 Dense(7·7·256) → Reshape → 转置卷积（步长 1、2、2）得到 $7\to7\to14\to28$，tanh 输出；判别器为步长 2 的卷积 + LeakyReLU，输出一个 logit；每步用同样大小 $B$ 的真、假批次和新噪声，判别器与生成器分别只更新自己的变量，真实数据缩放到 $[-1,1]$。`,
        en: String.raw`Generator: Dense(7·7·256) → Reshape → transposed convolutions with strides 1, 2, 2 giving $7\to7\to14\to28$, tanh output; discriminator: stride-2 convolutions + LeakyReLU, one logit out. Each step uses real and fake batches of the same size $B$ and fresh noise, each network updates only its own variables, and real data are scaled to $[-1,1]$.`,
      },
      full: {
        zh: String.raw`**结构（TensorFlow DCGAN 教程的版本；createDcgan 的默认结构按 DCGAN 论文，计算量约为其四分之一：Dense($7\cdot7\cdot128$) → ConvT(64, 4, 步长 2) $14\times14$ → ConvT(32, 4, 步长 2) $28\times28$ → ConvT(1, 4, 步长 1, tanh)，生成器用 BN 和 ReLU，两个网络都用 4×4 卷积核；两者都恰好得到 $28\times28$）：**

- 生成器：$z\in\mathbb R^{100}$ → Dense($7\cdot7\cdot256$，无偏置) → BN → LeakyReLU → Reshape$(7,7,256)$ → ConvT(128, 5, 步长 1) $7\times7$ → BN → LeakyReLU → ConvT(64, 5, 步长 2) $14\times14$ → BN → LeakyReLU → ConvT(1, 5, 步长 2, tanh) $28\times28$。
- 判别器：Conv(64, 5, 步长 2) → LeakyReLU → Dropout → Conv(128, 5, 步长 2) → LeakyReLU → Dropout → Flatten → Dense(1)，输出 **logit**（不加 sigmoid，损失用数值稳定的带 logits 的交叉熵）。

**损失：** $L_D=\mathrm{BCE}(1,D(x))+\mathrm{BCE}(0,D(G(z)))$；$L_G=\mathrm{BCE}(1,D(G(z)))$（非饱和形式）。包里的 discriminatorLoss、generatorLoss 就是这两个函数。

**一步训练（tfjs 思路）：**

    const z = tf.randomNormal([B, 100]);               // 每步新噪声
    const dLoss = () => tf.tidy(() => {
      const real = D.apply(xReal, { training: true }) as tf.Tensor;   // xReal ∈ [-1, 1]
      const fake = D.apply(G.apply(z, { training: true }) as tf.Tensor, { training: true }) as tf.Tensor;
      return tf.losses.sigmoidCrossEntropy(tf.onesLike(real), real)
        .add(tf.losses.sigmoidCrossEntropy(tf.zerosLike(fake), fake)) as tf.Scalar;
    });
    dOpt.applyGradients(tf.variableGrads(dLoss, dVars).grads);  // 只更新 D 的变量
    // 生成器步同理：用新的 z，标签取 1，只对 gVars 求梯度

**种子代码的错误：** 缺少 import numpy；生成器经 $7\to14\to28\to56$ 后又接 valid 的 $7\times7$ 卷积，输出 $50\times50$，而判别器期望 $28\times28$（Flatten 后 320000 维对 100352 维，模型无法构建）；100 张假图配 1000 个标签，组合模型用 100 个噪声配 1000 个标签；编译组合模型前没有冻结判别器；真实数据在 $[0,1]$ 而 tanh 输出在 $[-1,1]$，判别器可凭取值范围轻易区分；把全部数据当成一个批次，且噪声被重复使用；训练数据本身是随机噪声。`,
        en: String.raw`**Architecture (the TensorFlow DCGAN tutorial's; createDcgan's defaults follow the DCGAN paper instead, about 4x cheaper: Dense($7\cdot7\cdot128$) → ConvT(64, 4, stride 2) $14\times14$ → ConvT(32, 4, stride 2) $28\times28$ → ConvT(1, 4, stride 1, tanh), BN and ReLU in the generator, 4×4 kernels in both networks; either reaches exactly $28\times28$):**

- Generator: $z\in\mathbb R^{100}$ → Dense($7\cdot7\cdot256$, no bias) → BN → LeakyReLU → Reshape$(7,7,256)$ → ConvT(128, 5, stride 1) $7\times7$ → BN → LeakyReLU → ConvT(64, 5, stride 2) $14\times14$ → BN → LeakyReLU → ConvT(1, 5, stride 2, tanh) $28\times28$.
- Discriminator: Conv(64, 5, stride 2) → LeakyReLU → Dropout → Conv(128, 5, stride 2) → LeakyReLU → Dropout → Flatten → Dense(1) returning a **logit** (no sigmoid; use the numerically stable cross-entropy from logits).

**Losses:** $L_D=\mathrm{BCE}(1,D(x))+\mathrm{BCE}(0,D(G(z)))$; $L_G=\mathrm{BCE}(1,D(G(z)))$ (non-saturating). These are the package's discriminatorLoss and generatorLoss.

**One training step (tfjs sketch):**

    const z = tf.randomNormal([B, 100]);               // fresh noise every step
    const dLoss = () => tf.tidy(() => {
      const real = D.apply(xReal, { training: true }) as tf.Tensor;   // xReal in [-1, 1]
      const fake = D.apply(G.apply(z, { training: true }) as tf.Tensor, { training: true }) as tf.Tensor;
      return tf.losses.sigmoidCrossEntropy(tf.onesLike(real), real)
        .add(tf.losses.sigmoidCrossEntropy(tf.zerosLike(fake), fake)) as tf.Scalar;
    });
    dOpt.applyGradients(tf.variableGrads(dLoss, dVars).grads);  // D's variables only
    // generator step likewise: fresh z, target 1, gradients w.r.t. gVars only

**What is wrong in the seed's code:** numpy is never imported; the generator goes $7\to14\to28\to56$ and then applies a valid $7\times7$ convolution, so it outputs $50\times50$ while the discriminator expects $28\times28$ (after Flatten 320000 vs 100352 features: the model does not build); 100 fakes are paired with 1000 labels, and the combined model gets 100 noise vectors with 1000 labels; the discriminator is not frozen before compiling the combined model; real data lie in $[0,1]$ while tanh outputs lie in $[-1,1]$, so $D$ can tell them apart by range alone; the whole dataset is one batch and the same noise is reused; and the "training data" are random noise.`,
      },
    },
    references: [R_DCGAN, R_TF_DCGAN, R_GAN, R_TFJS_API],
    misconceptions: [
      {
        claim: {
          zh: String.raw`种子代码给出了一个可运行的 GAN：三层步长 2 的转置卷积后接 $7\times7$ 卷积，判别器直接用 1000 张真实图和 100 张生成图分别训练，组合模型无需冻结判别器。`,
          en: String.raw`The seed's code is a working GAN: three stride-2 transposed convolutions followed by a $7\times7$ convolution, the discriminator trained on 1000 real and 100 fake images, and no need to freeze the discriminator in the combined model.`,
        },
        correction: {
          zh: String.raw`输出是 $50\times50$ 而非 $28\times28$，模型无法构建；批次与标签数量不一致；必须冻结判别器（D.trainable=False 或只对 G 的变量求梯度）；应使用步长 1、2、2 的转置卷积得到 $28\times28$，真、假各 $B$ 个样本并配 $B$ 个标签，真实数据缩放到 $[-1,1]$。`,
          en: String.raw`The output is $50\times50$, not $28\times28$, so the model does not build; batch and label counts disagree; the discriminator must be frozen (D.trainable=False, or gradients for G's variables only). Use transposed convolutions with strides 1, 2, 2 to reach $28\times28$, $B$ real plus $B$ fake samples with $B$ labels each, and real data scaled to $[-1,1]$.`,
        },
        erratum: 25,
      },
    ],
    verification: [V_DCGAN, V_D_LOSS, V_G_LOSS],
  },
  {
    id: 'gen-implement-vae',
    topic: 'gan-vae',
    subtopic: 'vae-implementation',
    tags: ['vae', 'tfjs', 'sampling-layer', 'elbo'],
    kind: 'coding',
    difficulty: 3,
    seed: { chapter: 7, question: 10 },
    prompt: {
      zh: String.raw`实现一个简单的 VAE（MNIST，$28\times28$）：给出编码器、采样层、解码器和损失函数的正确设计。`,
      en: String.raw`Implement a simple VAE for MNIST ($28\times28$): give a correct design of the encoder, the sampling layer, the decoder and the loss.`,
    },
    answer: {
      short: {
        zh: String.raw`卷积编码器（$28\to14\to7$）输出 $\mu$ 和 $\log\sigma^2$，采样层计算 $z=\mu+e^{\log\sigma^2/2}\odot\varepsilon$，解码器用转置卷积 $7\to14\to28$ 输出 sigmoid 概率；损失 = 每个样本对像素求和的 BCE $-\tfrac12\sum(1+\log\sigma^2-\mu^2-\sigma^2)$ 的批平均。`,
        en: String.raw`A convolutional encoder ($28\to14\to7$) outputs $\mu$ and $\log\sigma^2$; a sampling layer computes $z=\mu+e^{\log\sigma^2/2}\odot\varepsilon$; a transposed-convolution decoder $7\to14\to28$ outputs sigmoid probabilities; the loss is the batch mean of the per-example pixel-summed BCE plus $-\tfrac12\sum(1+\log\sigma^2-\mu^2-\sigma^2)$.`,
      },
      full: {
        zh: String.raw`**结构（与 Keras VAE 示例一致，我们的 createVae 实现同样的设计）：**

- 编码器：输入 $28\times28\times1$ → Conv(32, 3, 步长 2, ReLU) $14\times14$ → Conv(64, 3, 步长 2, ReLU) $7\times7$ → Flatten → Dense(16, ReLU) → 两个并列的 Dense($d$)：$\mu$ 和 $\log\sigma^2$（线性输出）。
- 采样层 Sampling：$\varepsilon\sim\mathcal N(0,I)$，$z=\mu+\exp(0.5\log\sigma^2)\odot\varepsilon$。在 tfjs 中写成自定义层（继承 tf.layers.Layer，实现 call 与 computeOutputShape，并用 tf.serialization.registerClass 注册），核心就是

        const eps = tf.randomNormal(mu.shape);
        return mu.add(tf.exp(logVar.mul(0.5)).mul(eps));

- 解码器：Dense($7\cdot7\cdot64$, ReLU) → Reshape$(7,7,64)$ → ConvT(64, 3, 步长 2) $14\times14$ → ConvT(32, 3, 步长 2) $28\times28$ → ConvT(1, 3, sigmoid) $28\times28$。

**损失（负 ELBO）：** 对每个样本，重构项是 784 个像素 BCE 的**和**，KL 项是 $-\tfrac12\sum_j(1+\log\sigma_j^2-\mu_j^2-\sigma_j^2)$，再对批次取平均。用真实 MNIST（像素缩放到 $[0,1]$），而不是随机噪声。

**种子代码的错误：** 对 $(28,28,1)$ 的输入直接用 Dense($14\cdot14\cdot256$)，Dense 只作用于最后一维，得到 $(28,28,50176)$，随后 Reshape 失败；四次池化使 $14\to7\to3\to1\to0$；解码器输出 $112\times112$，与 $28\times28$ 目标不符；没有 $\mu$、$\sigma$、采样和 KL 项——最多算普通自编码器；还用随机噪声训练。`,
        en: String.raw`**Architecture (as in the Keras VAE example; our createVae follows the same design):**

- Encoder: input $28\times28\times1$ → Conv(32, 3, stride 2, ReLU) $14\times14$ → Conv(64, 3, stride 2, ReLU) $7\times7$ → Flatten → Dense(16, ReLU) → two parallel Dense($d$) heads: $\mu$ and $\log\sigma^2$ (linear).
- Sampling layer: $\varepsilon\sim\mathcal N(0,I)$, $z=\mu+\exp(0.5\log\sigma^2)\odot\varepsilon$. In tfjs this is a custom layer (extend tf.layers.Layer, implement call and computeOutputShape, register with tf.serialization.registerClass) whose core is

        const eps = tf.randomNormal(mu.shape);
        return mu.add(tf.exp(logVar.mul(0.5)).mul(eps));

- Decoder: Dense($7\cdot7\cdot64$, ReLU) → Reshape$(7,7,64)$ → ConvT(64, 3, stride 2) $14\times14$ → ConvT(32, 3, stride 2) $28\times28$ → ConvT(1, 3, sigmoid) $28\times28$.

**Loss (negative ELBO):** per example, the reconstruction is the **sum** of the 784 pixel BCEs and the KL is $-\tfrac12\sum_j(1+\log\sigma_j^2-\mu_j^2-\sigma_j^2)$; then average over the batch. Train on real MNIST scaled to $[0,1]$, not on random noise.

**What is wrong in the seed's code:** Dense($14\cdot14\cdot256$) applied to a $(28,28,1)$ input acts on the last axis only and gives $(28,28,50176)$, so the following Reshape fails; four poolings take $14\to7\to3\to1\to0$; the decoder outputs $112\times112$ against a $28\times28$ target; there is no $\mu$, $\sigma$, sampling or KL term, so it is at best a plain autoencoder; and it trains on random noise.`,
      },
    },
    references: [R_VAE, R_KERAS_VAE, R_TFJS_API],
    misconceptions: [
      {
        claim: {
          zh: String.raw`种子代码实现了一个 VAE：Dense 编码后接四层卷积池化得到 16 维编码，解码器用转置卷积还原，用二元交叉熵训练即可。`,
          en: String.raw`The seed's code is a VAE: a Dense layer, four conv-pool blocks to a 16-d code, a transposed-convolution decoder and a binary cross-entropy loss.`,
        },
        correction: {
          zh: String.raw`它无法构建（Reshape 失败、池化到 0、输出 $112\times112$），而且没有 $\mu/\log\sigma^2$、采样和 KL 项。正确做法：卷积编码器 → $(\mu,\log\sigma^2)$ → Sampling → 解码器 $7\to14\to28$；损失 = $\sum$BCE $-\tfrac12\sum(1+\log\sigma^2-\mu^2-\sigma^2)$。`,
          en: String.raw`It does not build (Reshape fails, pooling reaches 0, the output is $112\times112$) and has no $\mu/\log\sigma^2$, sampling or KL term. Correct: conv encoder → $(\mu,\log\sigma^2)$ → Sampling → decoder $7\to14\to28$; loss = $\sum$BCE $-\tfrac12\sum(1+\log\sigma^2-\mu^2-\sigma^2)$.`,
        },
        erratum: 26,
      },
    ],
    verification: [V_VAE, V_SAMPLING, V_REPARAM, V_KL],
  },
  // ───────────────────────────── GAN theory ─────────────────────────────
  {
    id: 'gen-optimal-discriminator',
    topic: 'gan-vae',
    subtopic: 'gan-theory',
    tags: ['gan', 'optimal-discriminator', 'density-ratio', 'derivation'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: String.raw`固定生成器 $G$，推导 GAN 价值函数 $V(D,G)$ 下的最优判别器 $D^*(x)$。`,
      en: String.raw`For a fixed generator $G$, derive the optimal discriminator $D^*(x)$ of the GAN value function $V(D,G)$.`,
    },
    answer: {
      short: {
        zh: String.raw`把 $V$ 写成对 $x$ 的积分后逐点最大化 $a\log y+b\log(1-y)$，得 $y=a/(a+b)$，即 $D^*(x)=\dfrac{p_{data}(x)}{p_{data}(x)+p_g(x)}$。`,
        en: String.raw`Write $V$ as an integral over $x$ and maximize $a\log y+b\log(1-y)$ pointwise, which gives $y=a/(a+b)$, i.e. $D^*(x)=\dfrac{p_{data}(x)}{p_{data}(x)+p_g(x)}$.`,
      },
      full: {
        zh: String.raw`**第 1 步：换元。** 由于 $x=G(z)$ 的分布就是 $p_g$，期望 $\mathbb E_{z}[\log(1-D(G(z)))]=\mathbb E_{x\sim p_g}[\log(1-D(x))]$（无意识统计学家定律，不需要 $G$ 可逆），所以
$$V(D,G)=\int_x\big[p_{data}(x)\log D(x)+p_g(x)\log(1-D(x))\big]\,dx.$$

**第 2 步：逐点最大化。** $D$ 是任意函数，积分可以对每个 $x$ 分别最大化。令 $a=p_{data}(x)$，$b=p_g(x)$（不同时为 0），$f(y)=a\log y+b\log(1-y)$，$y\in(0,1)$：
$$f'(y)=\frac{a}{y}-\frac{b}{1-y}=0\;\Rightarrow\;y^*=\frac{a}{a+b},\qquad f''(y)=-\frac{a}{y^2}-\frac{b}{(1-y)^2}<0,$$
所以是最大值：
$$D^*(x)=\frac{p_{data}(x)}{p_{data}(x)+p_g(x)}.$$
在两个支撑集之外，$D$ 的取值不影响 $V$。

**解读。** $D^*$ 是先验各半时的贝叶斯最优分类器，其 logit 为 $\log\frac{p_{data}(x)}{p_g(x)}$，所以判别器其实是在做**密度比估计**。例：某点 $p_{data}=0.3$，$p_g=0.1$，则 $D^*=0.75$；当 $p_g=p_{data}$ 时处处 $D^*=1/2$。

**与代码的关系。** 判别器用“真=1、假=0”的二元交叉熵训练，最小化它正是最大化 $V$ 的样本估计（discriminatorLoss）；因此训练足够好的判别器逼近的就是 $D^*$。`,
        en: String.raw`**Step 1: change of variables.** Since $x=G(z)$ is distributed as $p_g$, $\mathbb E_{z}[\log(1-D(G(z)))]=\mathbb E_{x\sim p_g}[\log(1-D(x))]$ (law of the unconscious statistician; $G$ need not be invertible), so
$$V(D,G)=\int_x\big[p_{data}(x)\log D(x)+p_g(x)\log(1-D(x))\big]\,dx.$$

**Step 2: maximize pointwise.** $D$ is an arbitrary function, so the integral is maximized separately at each $x$. With $a=p_{data}(x)$, $b=p_g(x)$ (not both 0) and $f(y)=a\log y+b\log(1-y)$ on $(0,1)$:
$$f'(y)=\frac{a}{y}-\frac{b}{1-y}=0\;\Rightarrow\;y^*=\frac{a}{a+b},\qquad f''(y)=-\frac{a}{y^2}-\frac{b}{(1-y)^2}<0,$$
hence a maximum:
$$D^*(x)=\frac{p_{data}(x)}{p_{data}(x)+p_g(x)}.$$
Outside both supports the value of $D$ does not affect $V$.

**Interpretation.** $D^*$ is the Bayes-optimal classifier with equal class priors; its logit is $\log\frac{p_{data}(x)}{p_g(x)}$, so the discriminator is really a **density-ratio estimator**. Example: where $p_{data}=0.3$ and $p_g=0.1$, $D^*=0.75$; when $p_g=p_{data}$, $D^*=1/2$ everywhere.

**Link to code.** The discriminator is trained with binary cross-entropy on "real = 1, fake = 0"; minimizing it is maximizing a sample estimate of $V$ (discriminatorLoss), so a well-trained discriminator approximates $D^*$.`,
      },
    },
    references: [R_GAN, R_GAN_TUTORIAL],
    verification: [V_D_LOSS],
  },
  {
    id: 'gen-gan-jensen-shannon',
    topic: 'gan-vae',
    subtopic: 'gan-theory',
    tags: ['gan', 'jensen-shannon', 'divergence', 'derivation'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`把最优判别器代回价值函数，证明 $C(G)=\max_D V(D,G)=-\log 4+2\,\mathrm{JSD}(p_{data}\,\|\,p_g)$，并说明这个结论的适用范围。`,
      en: String.raw`Plug the optimal discriminator back into the value function and show that $C(G)=\max_D V(D,G)=-\log 4+2\,\mathrm{JSD}(p_{data}\,\|\,p_g)$. What are the limits of this result?`,
    },
    answer: {
      short: {
        zh: String.raw`代入 $D^*$ 后在每个对数里同乘除 2，得到 $-\log 4+\mathrm{KL}(p_{data}\|m)+\mathrm{KL}(p_g\|m)$，$m=\tfrac12(p_{data}+p_g)$，即 $-\log4+2\,\mathrm{JSD}$；最小值 $-\log 4\approx-1.386$ 当且仅当 $p_g=p_{data}$。但这只在判别器最优时成立，且 JSD 在支撑集不相交时恒为 $\log 2$，没有梯度。`,
        en: String.raw`Substituting $D^*$ and multiplying and dividing by 2 inside each log gives $-\log 4+\mathrm{KL}(p_{data}\|m)+\mathrm{KL}(p_g\|m)$ with $m=\tfrac12(p_{data}+p_g)$, i.e. $-\log4+2\,\mathrm{JSD}$; the minimum $-\log 4\approx-1.386$ is reached iff $p_g=p_{data}$. It only holds for an optimal discriminator, and the JSD is stuck at $\log 2$ for disjoint supports, giving no gradient.`,
      },
      full: {
        zh: String.raw`**推导。** 代入 $D^*=p_{data}/(p_{data}+p_g)$：
$$C(G)=\mathbb E_{p_{data}}\Big[\log\frac{p_{data}}{p_{data}+p_g}\Big]+\mathbb E_{p_g}\Big[\log\frac{p_g}{p_{data}+p_g}\Big].$$
令 $m=\tfrac12(p_{data}+p_g)$，则 $\frac{p_{data}}{p_{data}+p_g}=\frac12\cdot\frac{p_{data}}{m}$，每一项都多出一个 $\log\frac12$：
$$C(G)=-\log 2-\log 2+\mathrm{KL}(p_{data}\,\|\,m)+\mathrm{KL}(p_g\,\|\,m)=-\log 4+2\,\mathrm{JSD}(p_{data}\,\|\,p_g).$$
由于 $\mathrm{JSD}\ge0$ 且仅在两分布相等时为 0，全局最小值 $C^*=-\log4\approx-1.386$ 在 $p_g=p_{data}$ 取得（此时 $D^*\equiv\tfrac12$）。

**适用范围与陷阱：**

1. 只在**每一步判别器都最优**时，$G$ 才是在最小化 JSD；实际只做有限步 $D$ 更新。
2. 收敛性证明是在**分布空间**（$p_g$ 上凸）中给出的，对网络参数 $\theta$ 并不凸。
3. 若使用非饱和损失 $-\log D(G(z))$，在 $D^*$ 下其梯度等于 $\nabla_\theta[\mathrm{KL}(p_g\|p_{data})-2\,\mathrm{JSD}]$（Arjovsky & Bottou，2017），反向 KL 项偏好“只覆盖部分模式”，这是模式崩溃的一种解释。
4. 当 $p_{data}$、$p_g$ 位于互不相交的低维流形上时，$\mathrm{JSD}=\log2$ 为常数，$C(G)=0$，对 $\theta$ 梯度为零——这正是 WGAN 改用 Wasserstein 距离的动机。`,
        en: String.raw`**Derivation.** Substitute $D^*=p_{data}/(p_{data}+p_g)$:
$$C(G)=\mathbb E_{p_{data}}\Big[\log\frac{p_{data}}{p_{data}+p_g}\Big]+\mathbb E_{p_g}\Big[\log\frac{p_g}{p_{data}+p_g}\Big].$$
With $m=\tfrac12(p_{data}+p_g)$ we have $\frac{p_{data}}{p_{data}+p_g}=\frac12\cdot\frac{p_{data}}{m}$, so each term gains a $\log\frac12$:
$$C(G)=-\log 2-\log 2+\mathrm{KL}(p_{data}\,\|\,m)+\mathrm{KL}(p_g\,\|\,m)=-\log 4+2\,\mathrm{JSD}(p_{data}\,\|\,p_g).$$
Since $\mathrm{JSD}\ge0$ with equality iff the distributions are equal, the global minimum $C^*=-\log4\approx-1.386$ is reached at $p_g=p_{data}$ (where $D^*\equiv\tfrac12$).

**Limits and traps:**

1. $G$ minimizes the JSD only if $D$ is **optimal at every step**; in practice $D$ gets a few gradient steps.
2. The convergence argument is convexity in **distribution space** ($p_g$), not in the network parameters $\theta$.
3. With the non-saturating loss $-\log D(G(z))$, the generator gradient under $D^*$ equals $\nabla_\theta[\mathrm{KL}(p_g\|p_{data})-2\,\mathrm{JSD}]$ (Arjovsky & Bottou, 2017); the reverse-KL term prefers covering only some modes, one explanation of mode collapse.
4. When $p_{data}$ and $p_g$ live on disjoint low-dimensional manifolds, $\mathrm{JSD}=\log2$ is constant, $C(G)=0$ and the gradient in $\theta$ vanishes — the motivation for WGAN's Wasserstein distance.`,
      },
    },
    references: [R_GAN, R_PRINCIPLED, R_WGAN],
    misconceptions: [
      {
        claim: {
          zh: String.raw`GAN 训练在任何时候都在最小化 $p_{data}$ 与 $p_g$ 的 JS 散度。`,
          en: String.raw`GAN training always minimizes the JS divergence between $p_{data}$ and $p_g$.`,
        },
        correction: {
          zh: String.raw`只有在判别器最优、且使用原始极小极大损失时才如此；实践中的非饱和损失、有限步判别器更新都会偏离这一解释。`,
          en: String.raw`Only with an optimal discriminator and the original minimax loss; the non-saturating loss and finite discriminator updates used in practice depart from that picture.`,
        },
      },
    ],
    verification: [V_D_LOSS, V_G_LOSS],
  },
  {
    id: 'gen-non-saturating-loss',
    topic: 'gan-vae',
    subtopic: 'gan-losses',
    tags: ['gan', 'non-saturating', 'vanishing-gradient', 'generator-loss'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: String.raw`为什么实践中生成器最小化 $-\log D(G(z))$ 而不是 $\log(1-D(G(z)))$？请对判别器的 logit 求梯度说明。`,
      en: String.raw`Why does the generator minimize $-\log D(G(z))$ in practice instead of $\log(1-D(G(z)))$? Show it with the gradient with respect to the discriminator's logit.`,
    },
    answer: {
      short: {
        zh: String.raw`设 $D=\sigma(a)$，则 $\partial_a\log(1-\sigma(a))=-D$，训练初期 $D(G(z))\approx0$ 时梯度几乎为零（饱和）；而 $\partial_a[-\log\sigma(a)]=-(1-D)\approx-1$。例如 $D=0.01$ 时两者分别是 $-0.01$ 和 $-0.99$，相差 99 倍。`,
        en: String.raw`With $D=\sigma(a)$, $\partial_a\log(1-\sigma(a))=-D$, which is almost zero early in training when $D(G(z))\approx0$ (saturation), whereas $\partial_a[-\log\sigma(a)]=-(1-D)\approx-1$. At $D=0.01$ the two are $-0.01$ and $-0.99$, a factor of 99.`,
      },
      full: {
        zh: String.raw`令判别器对假样本的 logit 为 $a$，$D(G(z))=\sigma(a)$，并利用 $\sigma'(a)=\sigma(a)(1-\sigma(a))$。

**饱和（极小极大）形式：** $L_{sat}=\log(1-\sigma(a))$，
$$\frac{\partial L_{sat}}{\partial a}=-\frac{\sigma(a)(1-\sigma(a))}{1-\sigma(a)}=-\sigma(a)=-D.$$
**非饱和形式：** $L_{ns}=-\log\sigma(a)$，
$$\frac{\partial L_{ns}}{\partial a}=-\frac{\sigma(a)(1-\sigma(a))}{\sigma(a)}=-(1-D).$$
两者对 $\theta$ 的梯度都再乘以同一个 $\partial a/\partial\theta$，区别只在这个系数。

**数值：** 训练初期生成样本很差，判别器轻松识破，$D(G(z))=0.01$（$a=\log(0.01/0.99)\approx-4.595$）。饱和损失给出 $-0.01$，非饱和损失给出 $-0.99$，**相差 99 倍**。越是 $G$ 最需要学习的时候，饱和损失的梯度越小；非饱和损失正好相反，在 $D(G(z))\to1$ 时才变小。

**代价与说明：** 两种损失都推动 $D(G(z))$ 增大，在最优判别器下不动点仍是 $p_g=p_{data}$，但非饱和形式不再对应一个零和博弈，而是一个启发式（Goodfellow 等，2014 第 3 节；2016 教程）。实现上就是“把假样本的标签设为 1”的二元交叉熵（generatorLoss）。`,
        en: String.raw`Let $a$ be the discriminator's logit on a fake, $D(G(z))=\sigma(a)$, and use $\sigma'(a)=\sigma(a)(1-\sigma(a))$.

**Saturating (minimax) form:** $L_{sat}=\log(1-\sigma(a))$,
$$\frac{\partial L_{sat}}{\partial a}=-\frac{\sigma(a)(1-\sigma(a))}{1-\sigma(a)}=-\sigma(a)=-D.$$
**Non-saturating form:** $L_{ns}=-\log\sigma(a)$,
$$\frac{\partial L_{ns}}{\partial a}=-\frac{\sigma(a)(1-\sigma(a))}{\sigma(a)}=-(1-D).$$
Both gradients with respect to $\theta$ are then multiplied by the same $\partial a/\partial\theta$; only this factor differs.

**Numbers:** early in training the samples are poor and $D$ rejects them easily: $D(G(z))=0.01$ ($a=\log(0.01/0.99)\approx-4.595$). The saturating loss gives $-0.01$, the non-saturating loss $-0.99$: **99 times larger**. The saturating gradient is smallest exactly when $G$ most needs to learn; the non-saturating one only shrinks as $D(G(z))\to1$.

**Cost and caveats:** both losses push $D(G(z))$ up and keep the fixed point $p_g=p_{data}$ under the optimal discriminator, but the non-saturating version is no longer a zero-sum game; it is a heuristic (Goodfellow et al., 2014, section 3; 2016 tutorial). In code it is the binary cross-entropy with the fakes labelled 1 (generatorLoss).`,
      },
    },
    references: [R_GAN, R_GAN_TUTORIAL],
    misconceptions: [
      {
        claim: {
          zh: String.raw`非饱和损失和极小极大损失只差一个符号，梯度一样。`,
          en: String.raw`The non-saturating and minimax generator losses differ only by a sign and give the same gradients.`,
        },
        correction: {
          zh: String.raw`$-\log D$ 与 $\log(1-D)$ 不是相反数；对 logit 的梯度分别是 $-(1-D)$ 和 $-D$，在 $D$ 很小时相差几个数量级。`,
          en: String.raw`$-\log D$ is not the negative of $\log(1-D)$; their logit gradients are $-(1-D)$ and $-D$, which differ by orders of magnitude when $D$ is small.`,
        },
      },
    ],
    verification: [V_G_LOSS],
  },
  {
    id: 'gen-gan-loss-from-logits',
    topic: 'gan-vae',
    subtopic: 'gan-losses',
    tags: ['numerical-stability', 'logits', 'softplus', 'float32'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`判别器最后一层用 sigmoid 输出概率，你在 float32 下手写 $\log(1-D(G(z)))$。当假样本的 logit $a=20$ 时会发生什么？应该怎样写才数值稳定？`,
      en: String.raw`Your discriminator ends with a sigmoid and you hand-write $\log(1-D(G(z)))$ in float32. What happens when a fake's logit is $a=20$? How should the loss be written to be numerically stable?`,
    },
    answer: {
      short: {
        zh: String.raw`$\sigma(20)=1-2.06\times10^{-9}$，而 float32 在 1 附近的间隔是 $2^{-24}\approx5.96\times10^{-8}$，所以 $a\gtrsim17.3$ 时 $\sigma(a)$ 被舍入成 1，$\log(1-1)=-\infty$，梯度变成 NaN 或 0。应让判别器输出 logit，用 $\log\sigma(a)=-\mathrm{softplus}(-a)$、$\log(1-\sigma(a))=-\mathrm{softplus}(a)$，在 $a=20$ 时得到 $-20.000000002$。`,
        en: String.raw`$\sigma(20)=1-2.06\times10^{-9}$, but float32 spacing just below 1 is $2^{-24}\approx5.96\times10^{-8}$, so for $a\gtrsim17.3$ $\sigma(a)$ rounds to 1 and $\log(1-1)=-\infty$, giving NaN or zero gradients. Let $D$ output logits and use $\log\sigma(a)=-\mathrm{softplus}(-a)$, $\log(1-\sigma(a))=-\mathrm{softplus}(a)$, which gives $-20.000000002$ at $a=20$.`,
      },
      full: {
        zh: String.raw`**发生了什么。** $1-\sigma(a)=\sigma(-a)=1/(1+e^{a})\approx e^{-a}$。$a=20$ 时 $e^{-20}\approx2.06\times10^{-9}$。float32 中小于 1 的相邻数间隔为 $2^{-24}\approx5.96\times10^{-8}$，当 $e^{-a}<2^{-25}$，即 $a>25\ln2\approx17.33$ 时，$\sigma(a)$ 被舍入为**恰好 1.0**。于是 $\log(1-\sigma(a))=\log 0=-\infty$，反向传播出现 $\infty\cdot0$ 得到 NaN。若把概率裁剪到 $[\epsilon,1-\epsilon]$（$\epsilon=10^{-7}$；tfjs 的 binaryCrossentropy 就这样做，Keras 在无法从 sigmoid 输出中取回 logits 时也这样做），每项损失被截在约 $-\ln\epsilon\approx16$（精确值 16.1；float32 中 $1-\epsilon$ 舍入为 $1-2^{-23}$，所以 tfjs 对假样本这一项实际给出约 15.9），而被裁剪区域的梯度恰好为 0——判别器越自信，信号越弱。

**稳定写法。** 让判别器输出 logit $a$，用 softplus 改写：
$$\log\sigma(a)=-\mathrm{softplus}(-a),\qquad\log(1-\sigma(a))=-\mathrm{softplus}(a),$$
$$\mathrm{softplus}(a)=\max(a,0)+\log\!\big(1+e^{-|a|}\big).$$
二元交叉熵合并为 $\ell(y,a)=\max(a,0)-ay+\log(1+e^{-|a|})$，对 $a$ 的梯度是有界的 $\sigma(a)-y$。$a=20$ 时 $\log(1-\sigma(a))=-(20+\log(1+e^{-20}))=-20.000000002$，完全精确。

**实践。** tfjs 中用 tf.losses.sigmoidCrossEntropy（输入是 logits），或 tf.softplus；我们的 discriminatorLoss、generatorLoss 都以 logits 为输入。同样的道理适用于另一侧：$a\to-\infty$ 时 $\log\sigma(a)$ 也要写成 $-\mathrm{softplus}(-a)$。`,
        en: String.raw`**What happens.** $1-\sigma(a)=\sigma(-a)=1/(1+e^{a})\approx e^{-a}$; at $a=20$, $e^{-20}\approx2.06\times10^{-9}$. The gap between float32 numbers just below 1 is $2^{-24}\approx5.96\times10^{-8}$, so once $e^{-a}<2^{-25}$, i.e. $a>25\ln2\approx17.33$, $\sigma(a)$ rounds to **exactly 1.0**. Then $\log(1-\sigma(a))=\log 0=-\infty$ and backpropagation produces $\infty\cdot0=$ NaN. If instead probabilities are clipped to $[\epsilon,1-\epsilon]$ with $\epsilon=10^{-7}$ (tfjs's binaryCrossentropy does this, and so does Keras when it cannot recover the logits from the sigmoid output), each term is capped at about $-\ln\epsilon\approx16$ (16.1 exactly; in float32 $1-\epsilon$ rounds to $1-2^{-23}$, so tfjs actually gives about 15.9 for the fake term), and the gradient in the clipped region is exactly 0: the more confident $D$ is, the weaker the signal.

**Stable form.** Let the discriminator output the logit $a$ and rewrite with softplus:
$$\log\sigma(a)=-\mathrm{softplus}(-a),\qquad\log(1-\sigma(a))=-\mathrm{softplus}(a),$$
$$\mathrm{softplus}(a)=\max(a,0)+\log\!\big(1+e^{-|a|}\big).$$
Binary cross-entropy becomes $\ell(y,a)=\max(a,0)-ay+\log(1+e^{-|a|})$, whose gradient with respect to $a$ is the bounded $\sigma(a)-y$. At $a=20$, $\log(1-\sigma(a))=-(20+\log(1+e^{-20}))=-20.000000002$, exact to float precision.

**In practice.** In tfjs use tf.losses.sigmoidCrossEntropy (it takes logits) or tf.softplus; our discriminatorLoss and generatorLoss take logits. The same applies on the other side: for $a\to-\infty$ write $\log\sigma(a)$ as $-\mathrm{softplus}(-a)$.`,
      },
    },
    references: [R_TFJS_API, R_GAN_TUTORIAL],
    verification: [V_D_LOSS, V_G_LOSS],
  },
  {
    id: 'gen-implement-gan-losses',
    topic: 'gan-vae',
    subtopic: 'gan-losses',
    tags: ['gan-losses', 'tfjs', 'label-smoothing', 'unit-tests'],
    kind: 'coding',
    difficulty: 2,
    prompt: {
      zh: String.raw`用 tfjs 实现 GAN 的判别器损失和生成器损失（非饱和、可选单边标签平滑）。接口该怎么设计？你会写哪些单元测试来验证它们？`,
      en: String.raw`Implement the GAN discriminator and generator losses in tfjs (non-saturating, optional one-sided label smoothing). How should the API look, and which unit tests would you write to check them?`,
    },
    answer: {
      short: {
        zh: String.raw`两个函数都接收 logits：$L_D=\mathrm{softplus}(-a_r)+\mathrm{softplus}(a_f)$（平滑时真实目标取 0.9），$L_G=\mathrm{softplus}(-a_f)$，对批取平均。测试：logits 全为 0 时 $L_D=2\ln2\approx1.386$、$L_G=\ln2\approx0.693$；$\pm100$ 的极端 logits 结果有限；梯度等于 $\sigma(a)-y$；平滑后真实项在 $a=\ln9\approx2.197$ 处取最小值 $0.325$。`,
        en: String.raw`Both functions take logits: $L_D=\mathrm{softplus}(-a_r)+\mathrm{softplus}(a_f)$ (real target 0.9 when smoothing), $L_G=\mathrm{softplus}(-a_f)$, averaged over the batch. Tests: all-zero logits give $L_D=2\ln2\approx1.386$ and $L_G=\ln2\approx0.693$; extreme logits of $\pm100$ give finite values; gradients equal $\sigma(a)-y$; with smoothing the real term is minimized at $a=\ln9\approx2.197$ with value $0.325$.`,
      },
      full: {
        zh: String.raw`**接口设计（discriminatorLoss、generatorLoss 的思路）：**

- 输入是判别器的 **logits**（真实批 $a_r$、生成批 $a_f$），不是概率，这样才能用 softplus 形式保持数值稳定；
- 返回标量：先对每个样本求交叉熵，再对批取平均；真、假两项相加（不是平均，注意与日志中的数值约定一致）；
- 可选的单边标签平滑只作用于真实样本（目标 0.9），假样本目标保持 0——若也平滑假样本，$D^*$ 的分子里会出现 $p_g$，在 $p_{data}\approx0$ 而 $p_g$ 很大的地方，坏样本就没有动力向数据靠拢（Salimans 等，2016）；
- 生成器默认用非饱和形式：目标为 1 的交叉熵。

核心实现：

    const bce = (logits: tf.Tensor, target: number) =>
      tf.losses.sigmoidCrossEntropy(tf.fill(logits.shape, target), logits);  // 内部用 softplus 形式
    const dLoss = bce(realLogits, smooth ? 0.9 : 1).add(bce(fakeLogits, 0));
    const gLoss = bce(fakeLogits, 1);

**单元测试（取值都可以手算）：**

1. logits 全为 0：$\sigma=0.5$，每项 $\ln2$，所以 $L_D=2\ln2\approx1.3863$，$L_G=\ln2\approx0.6931$；平滑时 $L_D$ 不变（$a=0$ 时任意目标的交叉熵都是 $\ln2$）。
2. 稳定性：$a_r=+100$、$a_f=-100$ 时 $L_D$ 接近 0 且有限；$a_f=-100$ 时 $L_G=\mathrm{softplus}(100)=100$，而不是 Infinity 或 NaN。
3. 梯度：用 tf.grad 检查 $\partial L_G/\partial a_f=(\sigma(a_f)-1)/B$，$\partial L_D/\partial a_f=\sigma(a_f)/B$；$a_f=-100$ 时生成器梯度约为 $-1/B$，没有饱和。
4. 平滑：目标 0.9 的真实项在 $a=\ln(0.9/0.1)=\ln9\approx2.197$ 处最小，最小值为熵 $H(0.9)\approx0.325$，判别器不再被鼓励把 logit 推向无穷。
5. 形状与内存：接受 $[B]$ 或 $[B,1]$ 输入，在 tf.tidy 中不泄漏张量。`,
        en: String.raw`**API design (the idea behind discriminatorLoss and generatorLoss):**

- Inputs are the discriminator's **logits** (real batch $a_r$, fake batch $a_f$), not probabilities, so the stable softplus form can be used;
- return a scalar: per-example cross-entropy averaged over the batch; the real and fake terms are added (not averaged — keep the logged numbers' convention consistent);
- optional one-sided label smoothing applies to real samples only (target 0.9); fake targets stay 0, because smoothing the fakes puts $p_g$ in the numerator of $D^*$, so bad samples where $p_{data}\approx0$ but $p_g$ is large get no incentive to move toward the data (Salimans et al., 2016);
- the generator defaults to the non-saturating form: cross-entropy with target 1.

Core implementation:

    const bce = (logits: tf.Tensor, target: number) =>
      tf.losses.sigmoidCrossEntropy(tf.fill(logits.shape, target), logits);  // softplus form inside
    const dLoss = bce(realLogits, smooth ? 0.9 : 1).add(bce(fakeLogits, 0));
    const gLoss = bce(fakeLogits, 1);

**Unit tests (all values computable by hand):**

1. All-zero logits: $\sigma=0.5$, each term is $\ln2$, so $L_D=2\ln2\approx1.3863$ and $L_G=\ln2\approx0.6931$; with smoothing $L_D$ is unchanged (at $a=0$ the cross-entropy is $\ln2$ for any target).
2. Stability: with $a_r=+100$ and $a_f=-100$, $L_D$ is close to 0 and finite; with $a_f=-100$, $L_G=\mathrm{softplus}(100)=100$, not Infinity or NaN.
3. Gradients: check with tf.grad that $\partial L_G/\partial a_f=(\sigma(a_f)-1)/B$ and $\partial L_D/\partial a_f=\sigma(a_f)/B$; at $a_f=-100$ the generator gradient is about $-1/B$, not saturated.
4. Smoothing: the real term with target 0.9 is minimized at $a=\ln(0.9/0.1)=\ln9\approx2.197$ with minimum equal to the entropy $H(0.9)\approx0.325$, so the discriminator is no longer pushed toward infinite logits.
5. Shapes and memory: accepts $[B]$ or $[B,1]$ inputs and leaks no tensors inside tf.tidy.`,
      },
    },
    references: [R_GAN, R_IMPROVED, R_TFJS_API],
    verification: [V_D_LOSS, V_G_LOSS],
  },
  {
    id: 'gen-disjoint-supports',
    topic: 'gan-vae',
    subtopic: 'gan-theory',
    tags: ['wasserstein', 'jensen-shannon', 'disjoint-supports', 'vanishing-gradient'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: String.raw`设真实分布是线段 $\{(0,u):u\sim U[0,1]\}$，生成分布是 $\{(\theta,u):u\sim U[0,1]\}$。分别计算 $\theta=0.5$ 时的 JS 散度、KL 散度和 Wasserstein-1 距离，并说明它们对 $\theta$ 的梯度。`,
      en: String.raw`Let the data be the segment $\{(0,u):u\sim U[0,1]\}$ and the generator produce $\{(\theta,u):u\sim U[0,1]\}$. Compute the JS divergence, the KL divergence and the Wasserstein-1 distance at $\theta=0.5$, and discuss their gradients with respect to $\theta$.`,
    },
    answer: {
      short: {
        zh: String.raw`$\theta\ne0$ 时两分布支撑不相交：$\mathrm{JSD}=\log2\approx0.693$（与 $\theta$ 无关，梯度为 0），$\mathrm{KL}=+\infty$，而 $W_1=|\theta|=0.5$，梯度为 $\operatorname{sign}(\theta)$，能把生成分布推向真实分布。`,
        en: String.raw`For $\theta\ne0$ the supports are disjoint: $\mathrm{JSD}=\log2\approx0.693$ (independent of $\theta$, zero gradient), $\mathrm{KL}=+\infty$, while $W_1=|\theta|=0.5$ with gradient $\operatorname{sign}(\theta)$, which does push the generator toward the data.`,
      },
      full: {
        zh: String.raw`这是 WGAN 论文中的例子 1。记 $P_0$ 为真实分布，$P_\theta$ 为生成分布。

- **JS 散度：** $\theta\ne0$ 时两条线段不相交，$m=\tfrac12(P_0+P_\theta)$ 在每条线段上的密度都是该分布的一半，所以 $\mathrm{KL}(P_0\|m)=\mathrm{KL}(P_\theta\|m)=\log2$，$\mathrm{JSD}=\tfrac12(\log2+\log2)=\log2\approx0.693$。对任何 $\theta\ne0$ 都一样，**梯度为 0**；GAN 的 $C(G)=-\log4+2\log2=0$，也就是判别器能完美区分、损失为 0。
- **KL 散度：** $P_\theta$ 在 $P_0$ 为零的地方有质量，$\mathrm{KL}(P_\theta\|P_0)=+\infty$（反向同理），毫无用处。
- **总变差：** $\delta=1$，同样是常数。
- **Wasserstein-1：** 最优搬运是把每个点水平移动 $|\theta|$，$W_1=|\theta|=0.5$，对 $\theta$ 的梯度是 $\operatorname{sign}(\theta)=1$，在任何位置都指向正确方向。

**为什么这很重要。** Arjovsky & Bottou（2017）证明，当真实分布和生成分布都集中在高维空间中的低维流形上时，几乎必然存在能完美区分的判别器，此时基于 JSD 的生成器梯度消失（或在非饱和损失下不稳定）。Wasserstein 距离随分布“位置”连续变化，因此即使支撑不相交，也能给出有意义的梯度——这就是 WGAN 的出发点；给样本加噪声（instance noise）也是让支撑重叠的一种补救。`,
        en: String.raw`This is Example 1 of the WGAN paper. Let $P_0$ be the data and $P_\theta$ the model.

- **JS divergence:** for $\theta\ne0$ the two segments are disjoint, and $m=\tfrac12(P_0+P_\theta)$ has, on each segment, half the density of that distribution, so $\mathrm{KL}(P_0\|m)=\mathrm{KL}(P_\theta\|m)=\log2$ and $\mathrm{JSD}=\tfrac12(\log2+\log2)=\log2\approx0.693$. The same for every $\theta\ne0$: **zero gradient**. The GAN criterion is $C(G)=-\log4+2\log2=0$: the discriminator separates perfectly and its loss is 0.
- **KL divergence:** $P_\theta$ puts mass where $P_0$ has none, so $\mathrm{KL}(P_\theta\|P_0)=+\infty$ (and the reverse too): useless.
- **Total variation:** $\delta=1$, also constant.
- **Wasserstein-1:** the optimal transport moves every point horizontally by $|\theta|$, so $W_1=|\theta|=0.5$, with gradient $\operatorname{sign}(\theta)=1$, pointing the right way everywhere.

**Why it matters.** Arjovsky & Bottou (2017) show that when the data and the model concentrate on low-dimensional manifolds of a high-dimensional space, a perfect discriminator exists almost surely, and the JSD-based generator gradient vanishes (or becomes unstable with the non-saturating loss). The Wasserstein distance changes continuously as the distributions move, so it gives useful gradients even for disjoint supports — the starting point of WGAN. Adding noise to samples (instance noise) is another remedy that makes the supports overlap.`,
      },
    },
    references: [R_WGAN, R_PRINCIPLED],
    verification: [V_D_LOSS],
  },
  {
    id: 'gen-gan-convergence-dirac',
    topic: 'gan-vae',
    subtopic: 'gan-theory',
    tags: ['gan', 'convergence', 'dirac-gan', 'r1-regularization', 'game-dynamics'],
    kind: 'derivation',
    difficulty: 5,
    prompt: {
      zh: String.raw`用 Dirac-GAN（数据为 $\delta_0$，生成器为 $\delta_\theta$，判别器 $D_\psi(x)=\psi x$）分析：为什么同时梯度下降训练 GAN 不收敛？R1 梯度惩罚如何让它收敛？`,
      en: String.raw`Use the Dirac-GAN (data $\delta_0$, generator $\delta_\theta$, discriminator $D_\psi(x)=\psi x$) to explain why simultaneous gradient descent does not make a GAN converge, and how the R1 gradient penalty fixes it.`,
    },
    answer: {
      short: {
        zh: String.raw`在均衡点 $(0,0)$ 处梯度向量场的雅可比为 $\begin{pmatrix}0&-f'(0)\\f'(0)&0\end{pmatrix}$，特征值纯虚 $\pm i f'(0)$，连续动力学绕圈，同时梯度下降每步把范数放大 $\sqrt{1+h^2f'(0)^2}$ 而发散；加 R1 惩罚 $\tfrac\gamma2\psi^2$ 后特征值实部为 $-\gamma/2<0$，局部收敛。`,
        en: String.raw`At the equilibrium $(0,0)$ the Jacobian of the gradient field is $\begin{pmatrix}0&-f'(0)\\f'(0)&0\end{pmatrix}$ with purely imaginary eigenvalues $\pm i f'(0)$: the continuous dynamics circle, and simultaneous gradient descent multiplies the norm by $\sqrt{1+h^2f'(0)^2}$ per step and diverges. The R1 penalty $\tfrac\gamma2\psi^2$ gives eigenvalues with real part $-\gamma/2<0$: local convergence.`,
      },
      full: {
        zh: String.raw`**设定（Mescheder 等，2018）。** 价值函数 $L(\theta,\psi)=f(\psi\theta)+f(0)$，标准 GAN 取 $f(t)=-\log(1+e^{-t})$，$f'(0)=\tfrac12$。判别器做上升、生成器做下降，梯度向量场
$$v(\theta,\psi)=\begin{pmatrix}-\psi f'(\psi\theta)\\ \theta f'(\psi\theta)\end{pmatrix},$$
唯一均衡点为 $(0,0)$。

**线性化。** 在 $(0,0)$ 处的雅可比
$$J=\begin{pmatrix}0&-f'(0)\\ f'(0)&0\end{pmatrix},\qquad\lambda=\pm i\,f'(0).$$
特征值纯虚：连续时间动力学是绕原点的旋转（$\theta^2+\psi^2$ 守恒），不会收敛。步长为 $h$ 的同时梯度更新是 $(I+hJ)$，其特征值 $1\pm ihf'(0)$ 的模为 $\sqrt{1+h^2f'(0)^2}>1$，于是**向外螺旋发散**；交替更新则停在有界轨道上振荡，同样不收敛。直观上：生成器一靠近数据，判别器的斜率 $\psi$ 还没衰减，把它推过头。

**R1 正则。** 只在真实数据上惩罚判别器梯度：$R_1=\tfrac\gamma2\mathbb E_{p_{data}}\|\nabla_xD_\psi(x)\|^2=\tfrac\gamma2\psi^2$。判别器更新多了一项 $-\gamma\psi$：
$$J=\begin{pmatrix}0&-f'(0)\\ f'(0)&-\gamma\end{pmatrix},\qquad\lambda^2+\gamma\lambda+f'(0)^2=0\Rightarrow\lambda=\frac{-\gamma\pm\sqrt{\gamma^2-4f'(0)^2}}{2},$$
实部均为负，步长足够小时局部收敛。实例噪声也有类似的阻尼作用；但该文指出 WGAN（有限步 critic）和 WGAN-GP 在这个例子上不一定收敛，而 R1 可以；StyleGAN 系列即采用 R1。`,
        en: String.raw`**Setting (Mescheder et al., 2018).** The value function is $L(\theta,\psi)=f(\psi\theta)+f(0)$ with $f(t)=-\log(1+e^{-t})$ for the standard GAN, so $f'(0)=\tfrac12$. The discriminator ascends, the generator descends; the gradient vector field is
$$v(\theta,\psi)=\begin{pmatrix}-\psi f'(\psi\theta)\\ \theta f'(\psi\theta)\end{pmatrix},$$
with the unique equilibrium $(0,0)$.

**Linearization.** At $(0,0)$ the Jacobian is
$$J=\begin{pmatrix}0&-f'(0)\\ f'(0)&0\end{pmatrix},\qquad\lambda=\pm i\,f'(0).$$
Purely imaginary eigenvalues: the continuous dynamics rotate around the origin ($\theta^2+\psi^2$ is conserved) and never converge. Simultaneous updates with step $h$ apply $(I+hJ)$, whose eigenvalues $1\pm ihf'(0)$ have modulus $\sqrt{1+h^2f'(0)^2}>1$: the iterates **spiral outward**. Alternating updates stay on bounded orbits and oscillate, still without converging. Intuitively, when the generator reaches the data the discriminator's slope $\psi$ has not decayed, so it pushes the generator past it.

**R1 regularization.** Penalize the discriminator's gradient on real data only: $R_1=\tfrac\gamma2\mathbb E_{p_{data}}\|\nabla_xD_\psi(x)\|^2=\tfrac\gamma2\psi^2$. The discriminator update gains a $-\gamma\psi$ term:
$$J=\begin{pmatrix}0&-f'(0)\\ f'(0)&-\gamma\end{pmatrix},\qquad\lambda^2+\gamma\lambda+f'(0)^2=0\Rightarrow\lambda=\frac{-\gamma\pm\sqrt{\gamma^2-4f'(0)^2}}{2},$$
both with negative real part, so small enough steps converge locally. Instance noise damps the dynamics in a similar way, but the paper shows WGAN (with a finite number of critic steps) and WGAN-GP need not converge on this example, while R1 does; the StyleGAN family uses R1.`,
      },
    },
    references: [R_CONVERGE],
    verification: [V_D_LOSS],
  },
  // ───────────────────────────── GAN training in practice ─────────────────────────────
  {
    id: 'gen-mode-collapse',
    topic: 'gan-vae',
    subtopic: 'gan-training',
    tags: ['mode-collapse', 'minibatch-discrimination', 'unrolled-gan', 'wgan'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`什么是模式崩溃（mode collapse）？它有哪些表现、成因和缓解方法？`,
      en: String.raw`What is mode collapse? What are its symptoms, its causes and the remedies?`,
    },
    answer: {
      short: {
        zh: String.raw`模式崩溃指生成器把大量不同的 $z$ 映射到少数几种输出，只覆盖数据分布的一部分模式。根源是生成器针对当前判别器做逐样本优化，多样性本身不受奖励；缓解方法有小批量判别、展开式 GAN、WGAN(-GP)、谱归一化、特征匹配等。`,
        en: String.raw`Mode collapse is when the generator maps many different $z$ to a few outputs, covering only some modes of the data. The root cause is that the generator optimizes per sample against the current discriminator, so diversity itself is never rewarded; remedies include minibatch discrimination, unrolled GANs, WGAN(-GP), spectral normalization and feature matching.`,
      },
      full: {
        zh: String.raw`**表现。** 一批样本几乎相同或只有少数几类；用分类器统计生成样本的类别直方图，集中在少数类别；在高斯混合的二维玩具数据上，生成器一次只覆盖一个高斯，并在各个模式之间来回跳（mode hopping）；指标上表现为精度（precision）高而召回（recall）低、FID 偏高。

**成因。**

1. 对固定的 $D$，生成器损失 $\mathbb E_z[\ell(D(G(z)))]$ 是逐样本的，最优响应是把**所有**质量放到 $D$ 打分最高的那个点；$D$ 随后学会拒绝这个点，$G$ 再跳到下一个点。交替梯度更新更像 $\max_D\min_G$ 而不是 $\min_G\max_D$（Goodfellow，2016 教程）。
2. 非饱和损失在最优 $D$ 下含有反向 KL 项 $\mathrm{KL}(p_g\|p_{data})$，它偏好“只拟合部分模式”。
3. 判别器梯度信号差（过强、过拟合或支撑不相交）。

**缓解方法。**

- **小批量判别**（Salimans 等，2016）：判别器看到一个样本与同批其他样本的相似度特征，塌缩的批次很容易被识破；ProGAN 的 minibatch standard deviation 层是其简化版。
- **展开式 GAN**（Metz 等，2016）：生成器的损失按判别器**再更新 $k$ 步之后**的参数计算，并对这 $k$ 步求导，使 $G$ 能预见 $D$ 的反应；代价约为 $k$ 倍计算。
- **WGAN / WGAN-GP**：接近最优的 critic 在各处都提供有用梯度，经验上显著减少崩溃。
- 其他：特征匹配、谱归一化、PacGAN（一次判别多个样本）、条件标签、小数据集上的数据增强（ADA）。

另外，先排除代码问题（见“生成器对所有 $z$ 输出同一张图”的调试题）。`,
        en: String.raw`**Symptoms.** A batch of samples is (nearly) identical or has only a few kinds; a classifier's histogram of generated classes concentrates on a few classes; on a 2-D mixture of Gaussians the generator covers one Gaussian at a time and hops between modes; in metrics, high precision but low recall, and a poor FID.

**Causes.**

1. For a fixed $D$ the generator loss $\mathbb E_z[\ell(D(G(z)))]$ is per sample, so the best response is to put **all** mass on the point $D$ scores highest; $D$ then learns to reject it and $G$ jumps to the next one. Alternating gradient updates behave more like $\max_D\min_G$ than $\min_G\max_D$ (Goodfellow, 2016 tutorial).
2. Under the optimal $D$ the non-saturating loss contains the reverse KL $\mathrm{KL}(p_g\|p_{data})$, which prefers fitting only some modes.
3. Poor discriminator signal (too strong, overfitted, or disjoint supports).

**Remedies.**

- **Minibatch discrimination** (Salimans et al., 2016): the discriminator sees features of how similar a sample is to the others in its batch, so a collapsed batch is easy to spot; ProGAN's minibatch standard-deviation layer is a simplified version.
- **Unrolled GAN** (Metz et al., 2016): the generator loss is evaluated with the discriminator parameters **after $k$ further updates** and differentiated through those $k$ steps, so $G$ anticipates $D$'s reaction; costs about $k$ times more compute.
- **WGAN / WGAN-GP**: a near-optimal critic gives useful gradients everywhere, which empirically reduces collapse a lot.
- Others: feature matching, spectral normalization, PacGAN (judge several samples jointly), conditioning on labels, data augmentation on small datasets (ADA).

Rule out code bugs first (see the debugging question "the generator outputs the same image for every $z$").`,
      },
    },
    references: [R_IMPROVED, R_UNROLLED, R_WGAN, R_GAN_TUTORIAL, R_PROGAN],
  },
  {
    id: 'gen-wgan-lipschitz',
    topic: 'gan-vae',
    subtopic: 'wgan',
    tags: ['wgan', 'lipschitz', 'gradient-penalty', 'weight-clipping'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: String.raw`WGAN 的 critic 为什么必须满足 1-Lipschitz 约束？比较权重裁剪（WGAN）和梯度惩罚（WGAN-GP）两种实现方式。`,
      en: String.raw`Why must the WGAN critic be 1-Lipschitz? Compare enforcing it with weight clipping (WGAN) and with a gradient penalty (WGAN-GP).`,
    },
    answer: {
      short: {
        zh: String.raw`根据 Kantorovich-Rubinstein 对偶，$W_1(p_{data},p_g)=\sup_{\|f\|_L\le1}\mathbb E_{p_{data}}f-\mathbb E_{p_g}f$，只有在 1-Lipschitz 函数类上取上确界才等于 Wasserstein 距离。权重裁剪简单但会让 critic 退化为过于简单的函数并导致梯度爆炸/消失；梯度惩罚 $\lambda\,\mathbb E(\|\nabla_{\hat x}f\|_2-1)^2$（$\lambda=10$）效果更好，但要二次反向传播且不能在 critic 中用批归一化。`,
        en: String.raw`By Kantorovich-Rubinstein duality, $W_1(p_{data},p_g)=\sup_{\|f\|_L\le1}\mathbb E_{p_{data}}f-\mathbb E_{p_g}f$: the supremum equals the Wasserstein distance only over 1-Lipschitz functions. Weight clipping is simple but biases the critic toward overly simple functions and causes exploding or vanishing gradients; the gradient penalty $\lambda\,\mathbb E(\|\nabla_{\hat x}f\|_2-1)^2$ ($\lambda=10$) works better but needs a double backward pass and rules out batch norm in the critic.`,
      },
      full: {
        zh: String.raw`**为什么要 Lipschitz。** Wasserstein-1 距离 $W_1=\inf_{\gamma\in\Pi(p_{data},p_g)}\mathbb E_{(x,y)\sim\gamma}\|x-y\|$ 无法直接计算，其对偶形式
$$W_1(p_{data},p_g)=\sup_{\|f\|_L\le1}\;\mathbb E_{x\sim p_{data}}[f(x)]-\mathbb E_{x\sim p_g}[f(x)]$$
要求 $f$ 是 1-Lipschitz（若是 $K$-Lipschitz，则得到 $K\cdot W_1$，对优化无妨）。不加约束时 critic 可以无限放大差值，上确界为 $+\infty$。critic 输出实数分数（没有 sigmoid）；critic 最大化 $\mathbb E f(x)-\mathbb E f(G(z))$，生成器最小化 $-\mathbb E f(G(z))$。

**权重裁剪（Arjovsky 等，2017）。** 每步更新后把所有权重裁剪到 $[-c,c]$（$c=0.01$），配 RMSProp（学习率 $5\times10^{-5}$）、每个生成器步配 5 个 critic 步。问题：它只保证某个未知的 $K$；大多数权重被推到 $\pm c$，critic 退化为非常简单的函数；$c$ 稍大或稍小就会梯度爆炸或消失。

**梯度惩罚（Gulrajani 等，2017）。** 最优 critic 在连接真、假样本对的线段上梯度范数为 1，于是在随机插值点 $\hat x=\epsilon x+(1-\epsilon)\tilde x$（$\epsilon\sim U[0,1]$）上加软约束：
$$L_{critic}=\mathbb E[f(\tilde x)]-\mathbb E[f(x)]+\lambda\,\mathbb E_{\hat x}\big(\|\nabla_{\hat x}f(\hat x)\|_2-1\big)^2,\quad\lambda=10.$$
论文设置：Adam（学习率 $10^{-4}$，$\beta_1=0$，$\beta_2=0.9$），$n_{critic}=5$。注意：惩罚是逐样本的，批归一化会让梯度依赖整个批次，所以 critic 里改用层归一化；计算梯度的梯度需要二次反向传播，开销更大；约束只在采样点上成立。

**另一个选择**是谱归一化：逐层把权重除以最大奇异值，开销小，不需要二次反向传播。`,
        en: String.raw`**Why Lipschitz.** The Wasserstein-1 distance $W_1=\inf_{\gamma\in\Pi(p_{data},p_g)}\mathbb E_{(x,y)\sim\gamma}\|x-y\|$ is intractable; its dual form
$$W_1(p_{data},p_g)=\sup_{\|f\|_L\le1}\;\mathbb E_{x\sim p_{data}}[f(x)]-\mathbb E_{x\sim p_g}[f(x)]$$
requires $f$ to be 1-Lipschitz (a $K$-Lipschitz class gives $K\cdot W_1$, which is fine for optimization). Without a constraint the critic can scale the gap without bound and the supremum is $+\infty$. The critic outputs a real score (no sigmoid); it maximizes $\mathbb E f(x)-\mathbb E f(G(z))$ and the generator minimizes $-\mathbb E f(G(z))$.

**Weight clipping (Arjovsky et al., 2017).** After each update clip every weight to $[-c,c]$ ($c=0.01$), with RMSProp (learning rate $5\times10^{-5}$) and 5 critic steps per generator step. Problems: it only guarantees some unknown $K$; most weights get pushed to $\pm c$, so the critic degenerates to very simple functions; a slightly wrong $c$ gives exploding or vanishing gradients.

**Gradient penalty (Gulrajani et al., 2017).** The optimal critic has gradient norm 1 on lines joining coupled real and fake points, so a soft constraint is applied at random interpolates $\hat x=\epsilon x+(1-\epsilon)\tilde x$, $\epsilon\sim U[0,1]$:
$$L_{critic}=\mathbb E[f(\tilde x)]-\mathbb E[f(x)]+\lambda\,\mathbb E_{\hat x}\big(\|\nabla_{\hat x}f(\hat x)\|_2-1\big)^2,\quad\lambda=10.$$
Paper settings: Adam (learning rate $10^{-4}$, $\beta_1=0$, $\beta_2=0.9$), $n_{critic}=5$. Caveats: the penalty is per sample and batch norm makes each gradient depend on the whole batch, so the critic uses layer norm instead; the gradient of a gradient needs a double backward pass and costs more; the constraint only holds at the sampled points.

**A third option** is spectral normalization: divide each layer's weight by its largest singular value; cheap and no double backward pass.`,
      },
    },
    references: [R_WGAN, R_WGAN_GP, R_SNGAN],
    misconceptions: [
      {
        claim: {
          zh: String.raw`WGAN 只是把判别器的 sigmoid 去掉、换个损失，不需要别的约束。`,
          en: String.raw`WGAN just removes the discriminator's sigmoid and changes the loss; no other constraint is needed.`,
        },
        correction: {
          zh: String.raw`没有 Lipschitz 约束时对偶问题的上确界是 $+\infty$，critic 分数会发散；必须用权重裁剪、梯度惩罚或谱归一化约束 critic。`,
          en: String.raw`Without a Lipschitz constraint the dual supremum is $+\infty$ and the critic scores diverge; the critic must be constrained by clipping, a gradient penalty or spectral normalization.`,
        },
      },
    ],
  },
  {
    id: 'gen-spectral-normalization',
    topic: 'gan-vae',
    subtopic: 'wgan',
    tags: ['spectral-normalization', 'lipschitz', 'power-iteration', 'discriminator'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`说明谱归一化如何约束判别器的 Lipschitz 常数：为什么除以最大奇异值就够了？如何用幂迭代高效估计它？以 $W=\begin{pmatrix}2&1\\1&2\end{pmatrix}$、初值 $u=(1,0)$ 演示。`,
      en: String.raw`Explain how spectral normalization bounds the discriminator's Lipschitz constant: why is dividing by the largest singular value enough, and how is it estimated cheaply by power iteration? Demonstrate on $W=\begin{pmatrix}2&1\\1&2\end{pmatrix}$ starting from $u=(1,0)$.`,
    },
    answer: {
      short: {
        zh: String.raw`线性层的 L2 Lipschitz 常数是 $\sigma_{\max}(W)$，复合函数的 Lipschitz 常数不超过各层之积，ReLU/LeakyReLU 是 1-Lipschitz，所以每层用 $W/\sigma(W)$ 即可使整个判别器 $\le1$。幂迭代每步一次、复用 $u$：示例中估计值依次为 $2.864$、$2.998$、$3.000$，真值为 3。`,
        en: String.raw`A linear layer's L2 Lipschitz constant is $\sigma_{\max}(W)$, a composition's constant is at most the product of the layers', and ReLU/LeakyReLU are 1-Lipschitz, so using $W/\sigma(W)$ in every layer bounds the whole discriminator by 1. One power-iteration step per training step, reusing $u$: the example gives estimates $2.864$, $2.998$, $3.000$ for the true value 3.`,
      },
      full: {
        zh: String.raw`**界。** 对线性映射，$\|Wx-Wy\|_2\le\sigma_{\max}(W)\|x-y\|_2$，且等号可取，所以 $\mathrm{Lip}(x\mapsto Wx)=\sigma_{\max}(W)$。对复合函数 $\|g(f(x))-g(f(y))\|\le\mathrm{Lip}(g)\,\mathrm{Lip}(f)\,\|x-y\|$，因此
$$\mathrm{Lip}(D)\le\prod_{l}\sigma_{\max}(W_l)\cdot\prod_l\mathrm{Lip}(a_l).$$
ReLU、斜率不超过 1 的 LeakyReLU 都是 1-Lipschitz，于是令 $\bar W_l=W_l/\sigma_{\max}(W_l)$ 就有 $\mathrm{Lip}(D)\le1$（是上界，实际常数可能更小）。

**幂迭代。** 维护一个持久向量 $u$，每个训练步只做一次：
$$v\leftarrow\frac{W^\top u}{\|W^\top u\|},\qquad u\leftarrow\frac{Wv}{\|Wv\|},\qquad\sigma\approx u^\top Wv.$$
因为每步 $W$ 变化很小，复用上一步的 $u$ 使一次迭代就足够准确。反向传播时把 $\sigma$ 当作 $W$ 的函数（$u,v$ 视为常数）求导。

**示例。** $W=\begin{pmatrix}2&1\\1&2\end{pmatrix}$ 的奇异值为 3 和 1。从 $u=(1,0)$ 出发：第 1 次 $v=(2,1)/\sqrt5$，$Wv=(5,4)/\sqrt5$，$\sigma\approx\sqrt{41/5}\approx2.864$；第 2 次 $\approx2.998$；第 3 次 $\approx3.000$（2.99998）。归一化后 $\bar W=W/3$。

**实践要点。** 卷积核 $(k_h,k_w,c_{in},c_{out})$ 被展开成 $c_{out}\times(k_hk_wc_{in})$ 的矩阵来求谱范数，这只是卷积算子范数的一个近似；与权重裁剪相比，SN 只压缩最大奇异值，保留了其余方向的表达能力；与梯度惩罚相比，SN 是全局约束、每层只多两次矩阵-向量乘，无需二次反向传播。SNGAN（配 hinge 损失）和 BigGAN（判别器和生成器都用 SN）都采用了它。`,
        en: String.raw`**The bound.** For a linear map $\|Wx-Wy\|_2\le\sigma_{\max}(W)\|x-y\|_2$ with equality attainable, so $\mathrm{Lip}(x\mapsto Wx)=\sigma_{\max}(W)$. For compositions $\|g(f(x))-g(f(y))\|\le\mathrm{Lip}(g)\,\mathrm{Lip}(f)\,\|x-y\|$, hence
$$\mathrm{Lip}(D)\le\prod_{l}\sigma_{\max}(W_l)\cdot\prod_l\mathrm{Lip}(a_l).$$
ReLU and LeakyReLU with slope at most 1 are 1-Lipschitz, so $\bar W_l=W_l/\sigma_{\max}(W_l)$ gives $\mathrm{Lip}(D)\le1$ (an upper bound; the true constant may be smaller).

**Power iteration.** Keep a persistent vector $u$ and do one step per training step:
$$v\leftarrow\frac{W^\top u}{\|W^\top u\|},\qquad u\leftarrow\frac{Wv}{\|Wv\|},\qquad\sigma\approx u^\top Wv.$$
Because $W$ changes little per step, reusing the previous $u$ makes a single iteration accurate. In backprop $\sigma$ is differentiated as a function of $W$ (with $u,v$ treated as constants).

**Example.** $W=\begin{pmatrix}2&1\\1&2\end{pmatrix}$ has singular values 3 and 1. From $u=(1,0)$: step 1 gives $v=(2,1)/\sqrt5$, $Wv=(5,4)/\sqrt5$, $\sigma\approx\sqrt{41/5}\approx2.864$; step 2 $\approx2.998$; step 3 $\approx3.000$ (2.99998). The normalized weight is $\bar W=W/3$.

**In practice.** A convolution kernel $(k_h,k_w,c_{in},c_{out})$ is reshaped to a $c_{out}\times(k_hk_wc_{in})$ matrix, which only approximates the convolution's operator norm. Compared with weight clipping, SN only shrinks the top singular value and keeps the other directions expressive; compared with the gradient penalty, it is a global constraint costing two matrix-vector products per layer and no double backward pass. SNGAN (with the hinge loss) and BigGAN (SN in both $D$ and $G$) use it.`,
      },
    },
    references: [R_SNGAN, R_BIGGAN],
    verification: [V_DCGAN, V_D_LOSS],
  },
  {
    id: 'gen-dcgan-guidelines',
    topic: 'gan-vae',
    subtopic: 'dcgan',
    tags: ['dcgan', 'architecture', 'batch-norm', 'strided-convolution'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: String.raw`DCGAN 提出了哪些让卷积 GAN 稳定训练的结构准则和超参数？`,
      en: String.raw`Which architecture guidelines and hyperparameters did DCGAN propose to make convolutional GANs train stably?`,
    },
    answer: {
      short: {
        zh: String.raw`用带步长的卷积（判别器）和转置卷积（生成器）代替池化；两者都用批归一化（生成器输出层和判别器输入层除外）；去掉隐藏全连接层；生成器用 ReLU、输出用 tanh，判别器用 LeakyReLU（斜率 0.2）；Adam 学习率 0.0002、$\beta_1=0.5$，权重初始化 $\mathcal N(0,0.02)$。`,
        en: String.raw`Replace pooling by strided convolutions (discriminator) and transposed convolutions (generator); batch norm in both, except the generator's output and the discriminator's input layer; no fully connected hidden layers; ReLU in the generator with a tanh output, LeakyReLU (slope 0.2) in the discriminator; Adam with learning rate 0.0002 and $\beta_1=0.5$, weights initialized from $\mathcal N(0,0.02)$.`,
      },
      full: {
        zh: String.raw`Radford 等（2015）总结的准则：

1. **全卷积**：判别器用带步长的卷积下采样，生成器用转置卷积（fractionally-strided convolution）上采样，让网络自己学习空间缩放，而不是用固定的池化。
2. **批归一化**：生成器和判别器都用，缓解初始化不佳和梯度流动问题，也有助于防止生成器塌缩到单点；但**不用于生成器输出层和判别器输入层**——直接对所有层使用会导致样本振荡和不稳定。
3. **去掉隐藏的全连接层**：生成器只在第一层把 $z$ 线性投影并 reshape 成小的特征图（如 $4\times4\times1024$），判别器最后展平接一个输出单元。
4. **激活函数**：生成器除输出层外用 ReLU，输出层用 tanh（数据缩放到 $[-1,1]$）；判别器全部用 LeakyReLU。

训练细节：批大小 128；权重初始化 $\mathcal N(0,0.02)$；LeakyReLU 斜率 0.2；Adam 学习率 0.0002（0.001 太高），$\beta_1=0.5$（0.9 会振荡、不稳定）。

这些准则至今仍是很多小型 GAN 的起点；后来的工作又加入了谱归一化、自注意力、两时间尺度学习率等。论文还展示了隐空间上的向量运算（如“戴眼镜的男人 − 男人 + 女人 = 戴眼镜的女人”），以及判别器特征可用于下游分类。`,
        en: String.raw`The guidelines of Radford et al. (2015):

1. **All-convolutional**: the discriminator downsamples with strided convolutions and the generator upsamples with transposed (fractionally-strided) convolutions, so the network learns its own spatial resampling instead of fixed pooling.
2. **Batch norm** in both networks, which helps with poor initialization and gradient flow and helps keep the generator from collapsing to a single point; but **not in the generator's output layer or the discriminator's input layer** — applying it everywhere caused sample oscillation and instability.
3. **No fully connected hidden layers**: the generator only projects $z$ linearly in its first layer and reshapes it into a small feature map (e.g. $4\times4\times1024$); the discriminator flattens into a single output unit at the end.
4. **Activations**: ReLU in the generator except a tanh output (data scaled to $[-1,1]$); LeakyReLU everywhere in the discriminator.

Training details: batch size 128; weights from $\mathcal N(0,0.02)$; LeakyReLU slope 0.2; Adam with learning rate 0.0002 (0.001 was too high) and $\beta_1=0.5$ (0.9 oscillated and was unstable).

These rules are still the starting point of many small GANs; later work added spectral normalization, self-attention and two time-scale learning rates. The paper also showed vector arithmetic in latent space ("man with glasses − man + woman = woman with glasses") and that discriminator features transfer to classification.`,
      },
    },
    references: [R_DCGAN],
  },
  {
    id: 'gen-conditional-gan',
    topic: 'gan-vae',
    subtopic: 'conditional-gan',
    tags: ['cgan', 'conditioning', 'projection-discriminator', 'ac-gan'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: String.raw`条件 GAN（cGAN）的目标函数是什么？条件信息 $y$ 应该如何注入生成器和判别器？`,
      en: String.raw`What is the objective of a conditional GAN (cGAN), and how should the condition $y$ be fed to the generator and the discriminator?`,
    },
    answer: {
      short: {
        zh: String.raw`把 $y$ 同时作为 $G$ 和 $D$ 的输入：$\min_G\max_D\mathbb E[\log D(x\mid y)]+\mathbb E[\log(1-D(G(z\mid y)\mid y))]$。判别器必须判断 $(x,y)$ 这一对是否匹配，否则生成器可以忽略 $y$；常见注入方式有拼接、条件批归一化、投影判别器和辅助分类器（AC-GAN）。`,
        en: String.raw`Feed $y$ to both $G$ and $D$: $\min_G\max_D\mathbb E[\log D(x\mid y)]+\mathbb E[\log(1-D(G(z\mid y)\mid y))]$. The discriminator must judge whether the pair $(x,y)$ matches, otherwise the generator can ignore $y$; common mechanisms are concatenation, conditional batch norm, the projection discriminator and an auxiliary classifier (AC-GAN).`,
      },
      full: {
        zh: String.raw`**目标（Mirza & Osindero，2014）：**
$$\min_G\max_D\;\mathbb E_{(x,y)\sim p_{data}}[\log D(x,y)]+\mathbb E_{z,\,y}[\log(1-D(G(z,y),y))].$$
理想情况下 $G$ 学到的是条件分布 $p(x\mid y)$。

**注入方式：**

- **拼接**：$G$ 的输入为 $[z;\mathrm{emb}(y)]$；$D$ 把 one-hot 或嵌入向量拼到输入通道或某层特征上。原始 cGAN 在 MLP 上就是这么做的。
- **条件批归一化**（生成器）：BN 的 $\gamma,\beta$ 由 $y$ 决定，条件信息能作用到每一层；BigGAN 采用了这一做法。
- **投影判别器**（Miyato & Koyama，2018）：$D(x,y)=\psi(\phi(x))+\mathrm{emb}(y)^\top\phi(x)$，比拼接更有效，也被 BigGAN 采用。
- **AC-GAN**（Odena 等，2016）：$D$ 额外输出类别预测，真、假样本都加分类损失；缺点是生成器倾向生成“容易分类”的样本，类内多样性下降。

**常见坑。** 若判别器只看 $x$ 或只学“真不真”，生成器可以完全忽略 $y$；文本到图像的工作还专门把“真实图像 + 错误描述”作为负样本，使判别器学会判断是否匹配。Pix2Pix 本身也是 cGAN，只是条件 $y$ 是一整张输入图像。`,
        en: String.raw`**Objective (Mirza & Osindero, 2014):**
$$\min_G\max_D\;\mathbb E_{(x,y)\sim p_{data}}[\log D(x,y)]+\mathbb E_{z,\,y}[\log(1-D(G(z,y),y))].$$
Ideally $G$ learns the conditional distribution $p(x\mid y)$.

**Mechanisms:**

- **Concatenation**: $G$ gets $[z;\mathrm{emb}(y)]$; $D$ gets a one-hot or embedding appended to the input channels or to some feature layer. The original cGAN did this with MLPs.
- **Conditional batch norm** (generator): BN's $\gamma,\beta$ depend on $y$, so the condition acts at every layer; BigGAN uses it.
- **Projection discriminator** (Miyato & Koyama, 2018): $D(x,y)=\psi(\phi(x))+\mathrm{emb}(y)^\top\phi(x)$, more effective than concatenation and also used by BigGAN.
- **AC-GAN** (Odena et al., 2016): $D$ also predicts the class, with a classification loss on real and fake samples; downside: the generator favours easily classified samples and loses intra-class diversity.

**Pitfall.** If $D$ only looks at $x$, or only learns "real or not", $G$ can ignore $y$ entirely; text-to-image work even adds "real image + wrong caption" as a negative so that $D$ learns to judge the match. Pix2Pix is itself a cGAN whose condition $y$ is a whole input image.`,
      },
    },
    references: [R_CGAN, R_PROJECTION, R_ACGAN, R_BIGGAN],
  },
  {
    id: 'gen-pix2pix-vs-cyclegan',
    topic: 'gan-vae',
    subtopic: 'image-translation',
    tags: ['pix2pix', 'cyclegan', 'image-translation', 'cycle-consistency'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`比较 Pix2Pix 和 CycleGAN：各自需要什么数据、损失函数和网络结构是什么、各有什么局限？`,
      en: String.raw`Compare Pix2Pix and CycleGAN: what data does each need, what are their losses and architectures, and what are their limits?`,
    },
    answer: {
      short: {
        zh: String.raw`Pix2Pix 需要成对数据，用条件 GAN 损失加 $\lambda=100$ 的 L1 损失、U-Net 生成器和 PatchGAN 判别器；CycleGAN 用非成对数据，训练两个生成器 $G:X\to Y$、$F:Y\to X$ 和两个判别器，加循环一致性损失 $\lambda=10$。CycleGAN 擅长改颜色和纹理，难以做大的几何变形。`,
        en: String.raw`Pix2Pix needs paired data and uses a conditional GAN loss plus an L1 loss with $\lambda=100$, a U-Net generator and a PatchGAN discriminator; CycleGAN works on unpaired data with two generators $G:X\to Y$, $F:Y\to X$, two discriminators and a cycle-consistency loss with $\lambda=10$. CycleGAN handles colour and texture changes well but struggles with large geometric changes.`,
      },
      full: {
        zh: String.raw`**Pix2Pix（Isola 等，2016）——成对数据 $(x,y)$。**

- 损失：$G^*=\arg\min_G\max_D\mathcal L_{cGAN}(G,D)+\lambda\,\mathbb E\|y-G(x)\|_1$，$\lambda=100$。L1 负责低频内容的正确性，对抗损失负责高频细节的锐利（只用 L1 会模糊）。
- 生成器：带跳跃连接的 U-Net，让输入的边缘等底层信息直接传到输出。
- 判别器：PatchGAN，对 $70\times70$ 的图像块逐块判真假，再取平均，参数少、可用于任意尺寸，相当于建模局部纹理。
- 随机性只来自 dropout（作者发现输入噪声 $z$ 会被忽略），所以输出多样性很低。

**CycleGAN（Zhu 等，2017）——两个域的非成对样本。**

- 两个生成器 $G:X\to Y$、$F:Y\to X$，两个判别器 $D_Y$、$D_X$。
- 损失：$\mathcal L_{GAN}(G,D_Y)+\mathcal L_{GAN}(F,D_X)+\lambda\big(\mathbb E\|F(G(x))-x\|_1+\mathbb E\|G(F(y))-y\|_1\big)$，$\lambda=10$；对抗部分用最小二乘损失；照片↔绘画任务中还加恒等损失以保持颜色。
- 对抗损失只约束“像不像目标域”，循环一致性约束映射近似可逆，排除“把所有输入映到同一张目标图”这类解。

**局限与选择。** 有成对数据就用 Pix2Pix（监督信号强得多）。CycleGAN 适合风格、季节、马↔斑马等外观变化，对猫↔狗这类需要形状变化的任务常失败；映射不唯一，可能凭空添加或删除内容；生成器还可能把源图信息以人眼难以察觉的高频信号“藏”在输出里来满足循环一致性。`,
        en: String.raw`**Pix2Pix (Isola et al., 2016) — paired data $(x,y)$.**

- Loss: $G^*=\arg\min_G\max_D\mathcal L_{cGAN}(G,D)+\lambda\,\mathbb E\|y-G(x)\|_1$ with $\lambda=100$. L1 gets the low-frequency content right; the adversarial term makes high-frequency detail sharp (L1 alone is blurry).
- Generator: a U-Net with skip connections, so low-level information such as edges passes straight to the output.
- Discriminator: PatchGAN, which classifies $70\times70$ patches as real or fake and averages; few parameters, any image size, effectively a model of local texture.
- Randomness comes only from dropout (the authors found input noise $z$ was ignored), so outputs are barely diverse.

**CycleGAN (Zhu et al., 2017) — unpaired samples from two domains.**

- Two generators $G:X\to Y$, $F:Y\to X$ and two discriminators $D_Y$, $D_X$.
- Loss: $\mathcal L_{GAN}(G,D_Y)+\mathcal L_{GAN}(F,D_X)+\lambda\big(\mathbb E\|F(G(x))-x\|_1+\mathbb E\|G(F(y))-y\|_1\big)$ with $\lambda=10$; the adversarial part uses a least-squares loss; an identity loss preserves colours in photo↔painting.
- The adversarial loss only asks "does it look like the target domain"; cycle consistency makes the mapping roughly invertible and rules out solutions such as sending every input to one target image.

**Limits and choice.** With paired data use Pix2Pix (a much stronger supervision signal). CycleGAN suits appearance changes (style, season, horse↔zebra) and often fails when shape must change (cat↔dog); the mapping is not unique and may add or remove content; and a generator can satisfy cycle consistency by hiding source information in imperceptible high-frequency signals in its output.`,
      },
    },
    references: [R_PIX2PIX, R_CYCLEGAN],
  },
  // ───────────────────────────── VAE theory ─────────────────────────────
  {
    id: 'gen-vae-elbo-derivation',
    topic: 'gan-vae',
    subtopic: 'vae-theory',
    tags: ['vae', 'elbo', 'variational-inference', 'derivation'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: String.raw`推导 VAE 的证据下界（ELBO），并写出 $\log p_\theta(x)$ 与 ELBO 之间的差距。`,
      en: String.raw`Derive the VAE evidence lower bound (ELBO) and give the exact gap between $\log p_\theta(x)$ and the ELBO.`,
    },
    answer: {
      short: {
        zh: String.raw`$\log p_\theta(x)=\underbrace{\mathbb E_{q_\phi(z\mid x)}[\log p_\theta(x\mid z)]-\mathrm{KL}(q_\phi(z\mid x)\,\|\,p(z))}_{\text{ELBO}}+\mathrm{KL}(q_\phi(z\mid x)\,\|\,p_\theta(z\mid x))$，最后一项非负，所以 ELBO 是下界，差距恰好是近似后验与真实后验的 KL。`,
        en: String.raw`$\log p_\theta(x)=\underbrace{\mathbb E_{q_\phi(z\mid x)}[\log p_\theta(x\mid z)]-\mathrm{KL}(q_\phi(z\mid x)\,\|\,p(z))}_{\text{ELBO}}+\mathrm{KL}(q_\phi(z\mid x)\,\|\,p_\theta(z\mid x))$; the last term is non-negative, so the ELBO is a lower bound and the gap is exactly the KL from the approximate to the true posterior.`,
      },
      full: {
        zh: String.raw`**恒等式推导。** $\log p_\theta(x)$ 与 $z$ 无关，可以对任意 $q_\phi(z\mid x)$ 取期望，再利用 $p_\theta(x)=p_\theta(x,z)/p_\theta(z\mid x)$：
$$\log p_\theta(x)=\mathbb E_q\Big[\log\frac{p_\theta(x,z)}{p_\theta(z\mid x)}\Big]=\mathbb E_q\Big[\log\frac{p_\theta(x,z)}{q_\phi(z\mid x)}\Big]+\mathbb E_q\Big[\log\frac{q_\phi(z\mid x)}{p_\theta(z\mid x)}\Big].$$
第二项是 $\mathrm{KL}(q_\phi(z\mid x)\|p_\theta(z\mid x))\ge0$，第一项就是 ELBO $\mathcal L(\theta,\phi;x)$。把 $p_\theta(x,z)=p_\theta(x\mid z)p(z)$ 代入：
$$\mathcal L=\mathbb E_q[\log p_\theta(x\mid z)]-\mathrm{KL}(q_\phi(z\mid x)\,\|\,p(z)).$$

**Jensen 推导（另一种写法）。** $\log p_\theta(x)=\log\mathbb E_q\big[\tfrac{p_\theta(x,z)}{q_\phi(z\mid x)}\big]\ge\mathbb E_q\big[\log\tfrac{p_\theta(x,z)}{q_\phi(z\mid x)}\big]$，因为 $\log$ 是凹函数；但这种写法看不出差距是什么。

**含义。**

- 对 $\phi$ 最大化 ELBO 等价于最小化 $\mathrm{KL}(q\|p(z\mid x))$，即改进后验近似；对 $\theta$ 最大化则近似最大似然。
- 当 $q$ 等于真实后验时界是紧的；高斯 $q$ 族表达力不足会留下差距，这会使解码器也被“迁就”。
- 实现：重构期望用一个重参数化样本估计，KL 用闭式解。IWAE 用 $K$ 个样本的 $\log\frac1K\sum_k\frac{p(x,z_k)}{q(z_k\mid x)}$，得到更紧的界。
- 单位换算：ELBO 以 nats 计；除以 $D\ln2$ 得到 bits/dim，例如 MNIST 上 $-\mathrm{ELBO}=90$ nats 对应 $90/(784\ln2)\approx0.166$ bits/dim。`,
        en: String.raw`**Exact identity.** $\log p_\theta(x)$ does not depend on $z$, so take its expectation under any $q_\phi(z\mid x)$ and use $p_\theta(x)=p_\theta(x,z)/p_\theta(z\mid x)$:
$$\log p_\theta(x)=\mathbb E_q\Big[\log\frac{p_\theta(x,z)}{p_\theta(z\mid x)}\Big]=\mathbb E_q\Big[\log\frac{p_\theta(x,z)}{q_\phi(z\mid x)}\Big]+\mathbb E_q\Big[\log\frac{q_\phi(z\mid x)}{p_\theta(z\mid x)}\Big].$$
The second term is $\mathrm{KL}(q_\phi(z\mid x)\|p_\theta(z\mid x))\ge0$; the first is the ELBO $\mathcal L(\theta,\phi;x)$. With $p_\theta(x,z)=p_\theta(x\mid z)p(z)$:
$$\mathcal L=\mathbb E_q[\log p_\theta(x\mid z)]-\mathrm{KL}(q_\phi(z\mid x)\,\|\,p(z)).$$

**Via Jensen (alternative).** $\log p_\theta(x)=\log\mathbb E_q\big[\tfrac{p_\theta(x,z)}{q_\phi(z\mid x)}\big]\ge\mathbb E_q\big[\log\tfrac{p_\theta(x,z)}{q_\phi(z\mid x)}\big]$ since $\log$ is concave; but this route hides what the gap is.

**Consequences.**

- Maximizing the ELBO in $\phi$ minimizes $\mathrm{KL}(q\|p(z\mid x))$, i.e. improves the posterior approximation; in $\theta$ it approximates maximum likelihood.
- The bound is tight when $q$ equals the true posterior; a too-simple Gaussian family leaves a gap, and the decoder then adapts to the encoder's limitations.
- In code the reconstruction expectation is estimated with one reparameterized sample and the KL in closed form. IWAE uses $\log\frac1K\sum_k\frac{p(x,z_k)}{q(z_k\mid x)}$ with $K$ samples, a tighter bound.
- Units: the ELBO is in nats; divide by $D\ln2$ for bits/dim, e.g. $-\mathrm{ELBO}=90$ nats on MNIST is $90/(784\ln2)\approx0.166$ bits/dim.`,
      },
    },
    references: [R_VAE, R_VAE_INTRO, R_IWAE, R_DL_BOOK],
    verification: [V_VAE, V_KL],
  },
  {
    id: 'gen-reparameterization-trick',
    topic: 'gan-vae',
    subtopic: 'vae-theory',
    tags: ['reparameterization', 'gradient-estimator', 'variance', 'reinforce'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`什么是重参数化技巧？为什么它比得分函数（REINFORCE）估计器的方差低？以 $f(z)=z^2$、$q=\mathcal N(\mu,1)$ 为例计算两种估计器对 $\mu$ 的梯度方差。`,
      en: String.raw`What is the reparameterization trick, and why does it usually give lower-variance gradients than the score-function (REINFORCE) estimator? For $f(z)=z^2$ and $q=\mathcal N(\mu,1)$, compute the variance of both estimators of the gradient with respect to $\mu$.`,
    },
    answer: {
      short: {
        zh: String.raw`把 $z\sim\mathcal N(\mu,\sigma^2)$ 写成 $z=\mu+\sigma\varepsilon$，$\varepsilon\sim\mathcal N(0,1)$，梯度就能穿过采样：$\nabla_\phi\mathbb E_q f=\mathbb E_\varepsilon[\nabla_\phi f(\mu+\sigma\varepsilon)]$，它利用了 $f$ 的导数。示例中两个估计器的均值都是 $2\mu$，路径导数估计器方差为 4，得分函数估计器方差为 $\mu^4+14\mu^2+15$（$\mu=1$ 时为 30）。`,
        en: String.raw`Write $z\sim\mathcal N(\mu,\sigma^2)$ as $z=\mu+\sigma\varepsilon$ with $\varepsilon\sim\mathcal N(0,1)$, so the gradient passes through the sampling: $\nabla_\phi\mathbb E_q f=\mathbb E_\varepsilon[\nabla_\phi f(\mu+\sigma\varepsilon)]$, which uses the derivative of $f$. In the example both estimators have mean $2\mu$; the pathwise variance is 4, the score-function variance $\mu^4+14\mu^2+15$ (30 at $\mu=1$).`,
      },
      full: {
        zh: String.raw`**问题。** ELBO 中的 $\mathbb E_{q_\phi(z)}[f(z)]$ 依赖于 $\phi$ 的是分布本身，不能直接把梯度移进期望。

**得分函数估计器（REINFORCE）：** $\nabla_\phi\mathbb E_q[f]=\mathbb E_q[f(z)\nabla_\phi\log q_\phi(z)]$。它对任何 $f$ 都成立（包括不可微的 $f$ 和离散 $z$），但只用到 $f$ 的**取值**，方差随 $|f|$ 增大，通常需要基线等控制变量。

**重参数化（路径导数）：** 若 $z=g_\phi(\varepsilon)$，$\varepsilon\sim p(\varepsilon)$ 与 $\phi$ 无关，例如 $z=\mu+\sigma\odot\varepsilon$，则
$$\nabla_\phi\mathbb E_q[f(z)]=\mathbb E_\varepsilon\big[\nabla_z f(z)\,\nabla_\phi g_\phi(\varepsilon)\big],\quad\frac{\partial z}{\partial\mu}=1,\ \frac{\partial z}{\partial\sigma}=\varepsilon.$$
它利用了 $f$ 的梯度信息，因此在 $f$ 光滑时方差通常小得多。

**算例：** $f(z)=z^2$，$z=\mu+\varepsilon$，真梯度 $\nabla_\mu(\mu^2+1)=2\mu$。

- 路径导数：$\hat g=2(\mu+\varepsilon)$，均值 $2\mu$，方差 $4\,\mathrm{Var}(\varepsilon)=4$。
- 得分函数：$\nabla_\mu\log q=z-\mu=\varepsilon$，$\hat g=(\mu+\varepsilon)^2\varepsilon=\mu^2\varepsilon+2\mu\varepsilon^2+\varepsilon^3$，均值 $2\mu$。用 $\mathbb E\varepsilon^2=1,\ \mathbb E\varepsilon^4=3,\ \mathbb E\varepsilon^6=15$，奇数阶矩为 0：$\mathbb E\hat g^2=\mu^4+18\mu^2+15$，方差 $=\mu^4+14\mu^2+15$。$\mu=1$ 时为 30，是路径导数的 7.5 倍（蒙特卡洛验证：29.9 对 4.0）。

**局限。** 需要 $f$ 可微、分布可重参数化（位置-尺度族、逆 CDF 等）；离散变量需 Gumbel-softmax 等松弛；路径导数并非在所有情况下都更优（Mohamed 等，2019 给出了反例）。`,
        en: String.raw`**The problem.** In the ELBO term $\mathbb E_{q_\phi(z)}[f(z)]$ it is the distribution that depends on $\phi$, so the gradient cannot simply be moved inside the expectation.

**Score-function estimator (REINFORCE):** $\nabla_\phi\mathbb E_q[f]=\mathbb E_q[f(z)\nabla_\phi\log q_\phi(z)]$. It holds for any $f$ (non-differentiable $f$, discrete $z$), but uses only the **values** of $f$; its variance grows with $|f|$ and usually needs control variates such as baselines.

**Reparameterization (pathwise):** if $z=g_\phi(\varepsilon)$ with $\varepsilon\sim p(\varepsilon)$ independent of $\phi$, e.g. $z=\mu+\sigma\odot\varepsilon$, then
$$\nabla_\phi\mathbb E_q[f(z)]=\mathbb E_\varepsilon\big[\nabla_z f(z)\,\nabla_\phi g_\phi(\varepsilon)\big],\quad\frac{\partial z}{\partial\mu}=1,\ \frac{\partial z}{\partial\sigma}=\varepsilon.$$
It exploits the gradient of $f$, so for smooth $f$ its variance is typically much lower.

**Worked example:** $f(z)=z^2$, $z=\mu+\varepsilon$, true gradient $\nabla_\mu(\mu^2+1)=2\mu$.

- Pathwise: $\hat g=2(\mu+\varepsilon)$, mean $2\mu$, variance $4\,\mathrm{Var}(\varepsilon)=4$.
- Score function: $\nabla_\mu\log q=z-\mu=\varepsilon$, $\hat g=(\mu+\varepsilon)^2\varepsilon=\mu^2\varepsilon+2\mu\varepsilon^2+\varepsilon^3$, mean $2\mu$. With $\mathbb E\varepsilon^2=1,\ \mathbb E\varepsilon^4=3,\ \mathbb E\varepsilon^6=15$ and zero odd moments: $\mathbb E\hat g^2=\mu^4+18\mu^2+15$, so the variance is $\mu^4+14\mu^2+15$. At $\mu=1$ that is 30, 7.5 times the pathwise variance (a Monte Carlo check gives 29.9 vs 4.0).

**Limits.** It needs a differentiable $f$ and a reparameterizable distribution (location-scale families, inverse CDF, ...); discrete variables need relaxations such as Gumbel-softmax; and pathwise is not lower-variance in every case (Mohamed et al., 2019 give counterexamples).`,
      },
    },
    references: [R_VAE, R_REZENDE, R_MC_GRAD],
    misconceptions: [
      {
        claim: {
          zh: String.raw`重参数化技巧的作用是让采样变成确定性的，从而去掉随机性。`,
          en: String.raw`The reparameterization trick makes sampling deterministic and removes the randomness.`,
        },
        correction: {
          zh: String.raw`随机性仍然存在，只是被移到与参数无关的 $\varepsilon$ 上；$z$ 对 $\mu,\sigma$ 变成可微的确定性函数，梯度因此能传回编码器。`,
          en: String.raw`The randomness remains; it is moved into $\varepsilon$, which does not depend on the parameters, so $z$ becomes a differentiable deterministic function of $\mu,\sigma$ and gradients reach the encoder.`,
        },
      },
    ],
    verification: [V_REPARAM, V_SAMPLING],
  },
  {
    id: 'gen-gaussian-kl-closed-form',
    topic: 'gan-vae',
    subtopic: 'vae-theory',
    tags: ['kl-divergence', 'gaussian', 'closed-form', 'derivation'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: String.raw`推导两个对角高斯之间的 KL 散度 $\mathrm{KL}(\mathcal N(\mu_1,\operatorname{diag}\sigma_1^2)\,\|\,\mathcal N(\mu_2,\operatorname{diag}\sigma_2^2))$ 的闭式解，并化简出 VAE 中对 $\mathcal N(0,I)$ 的特例。`,
      en: String.raw`Derive the closed form of $\mathrm{KL}(\mathcal N(\mu_1,\operatorname{diag}\sigma_1^2)\,\|\,\mathcal N(\mu_2,\operatorname{diag}\sigma_2^2))$ for diagonal Gaussians, and reduce it to the VAE special case against $\mathcal N(0,I)$.`,
    },
    answer: {
      short: {
        zh: String.raw`$\mathrm{KL}=\sum_j\Big[\log\frac{\sigma_{2j}}{\sigma_{1j}}+\frac{\sigma_{1j}^2+(\mu_{1j}-\mu_{2j})^2}{2\sigma_{2j}^2}-\frac12\Big]$；当 $\mu_2=0,\sigma_2=1$ 时为 $-\tfrac12\sum_j(1+\log\sigma_j^2-\mu_j^2-\sigma_j^2)$。`,
        en: String.raw`$\mathrm{KL}=\sum_j\Big[\log\frac{\sigma_{2j}}{\sigma_{1j}}+\frac{\sigma_{1j}^2+(\mu_{1j}-\mu_{2j})^2}{2\sigma_{2j}^2}-\frac12\Big]$; with $\mu_2=0,\sigma_2=1$ it becomes $-\tfrac12\sum_j(1+\log\sigma_j^2-\mu_j^2-\sigma_j^2)$.`,
      },
      full: {
        zh: String.raw`对角高斯在各维独立，KL 对维度可加，只需推一维。设 $q=\mathcal N(\mu_1,\sigma_1^2)$，$p=\mathcal N(\mu_2,\sigma_2^2)$，$\log\mathcal N(z;\mu,\sigma^2)=-\tfrac12\log(2\pi\sigma^2)-\frac{(z-\mu)^2}{2\sigma^2}$。

- $\mathbb E_q[\log q]=-\tfrac12\log(2\pi\sigma_1^2)-\tfrac12$（因为 $\mathbb E_q(z-\mu_1)^2=\sigma_1^2$）。
- $\mathbb E_q[\log p]=-\tfrac12\log(2\pi\sigma_2^2)-\frac{\sigma_1^2+(\mu_1-\mu_2)^2}{2\sigma_2^2}$（因为 $\mathbb E_q(z-\mu_2)^2=\sigma_1^2+(\mu_1-\mu_2)^2$）。

相减：
$$\mathrm{KL}(q\|p)=\log\frac{\sigma_2}{\sigma_1}+\frac{\sigma_1^2+(\mu_1-\mu_2)^2}{2\sigma_2^2}-\frac12.$$
**特例** $p=\mathcal N(0,1)$：$\mathrm{KL}=\tfrac12(\sigma^2+\mu^2-1-\log\sigma^2)=-\tfrac12(1+\log\sigma^2-\mu^2-\sigma^2)$，对 $d$ 维求和。

**性质与实现：**

- 每一维都 $\ge0$，当且仅当 $\mu=0,\sigma^2=1$ 时为 0（$t-1-\log t\ge0$）。
- 用对数方差 $\ell=\log\sigma^2$ 实现：$\tfrac12(e^{\ell}+\mu^2-1-\ell)$，梯度 $\partial/\partial\mu=\mu$，$\partial/\partial\ell=\tfrac12(e^\ell-1)$。
- 一般协方差：$\tfrac12\big[\operatorname{tr}(\Sigma_2^{-1}\Sigma_1)+(\mu_2-\mu_1)^\top\Sigma_2^{-1}(\mu_2-\mu_1)-k+\log\frac{\det\Sigma_2}{\det\Sigma_1}\big]$，对角情形即上式。
- KL 不对称：$\mathrm{KL}(q\|p)\ne\mathrm{KL}(p\|q)$；VAE 用的是 $q$ 在前。`,
        en: String.raw`Diagonal Gaussians factorize over dimensions and KL is additive, so one dimension suffices. Let $q=\mathcal N(\mu_1,\sigma_1^2)$, $p=\mathcal N(\mu_2,\sigma_2^2)$ and $\log\mathcal N(z;\mu,\sigma^2)=-\tfrac12\log(2\pi\sigma^2)-\frac{(z-\mu)^2}{2\sigma^2}$.

- $\mathbb E_q[\log q]=-\tfrac12\log(2\pi\sigma_1^2)-\tfrac12$ (since $\mathbb E_q(z-\mu_1)^2=\sigma_1^2$).
- $\mathbb E_q[\log p]=-\tfrac12\log(2\pi\sigma_2^2)-\frac{\sigma_1^2+(\mu_1-\mu_2)^2}{2\sigma_2^2}$ (since $\mathbb E_q(z-\mu_2)^2=\sigma_1^2+(\mu_1-\mu_2)^2$).

Subtracting:
$$\mathrm{KL}(q\|p)=\log\frac{\sigma_2}{\sigma_1}+\frac{\sigma_1^2+(\mu_1-\mu_2)^2}{2\sigma_2^2}-\frac12.$$
**Special case** $p=\mathcal N(0,1)$: $\mathrm{KL}=\tfrac12(\sigma^2+\mu^2-1-\log\sigma^2)=-\tfrac12(1+\log\sigma^2-\mu^2-\sigma^2)$, summed over the $d$ dimensions.

**Properties and implementation:**

- Each dimension is $\ge0$, and 0 iff $\mu=0,\sigma^2=1$ (because $t-1-\log t\ge0$).
- With the log-variance $\ell=\log\sigma^2$: $\tfrac12(e^{\ell}+\mu^2-1-\ell)$, with gradients $\partial/\partial\mu=\mu$ and $\partial/\partial\ell=\tfrac12(e^\ell-1)$.
- Full covariance: $\tfrac12\big[\operatorname{tr}(\Sigma_2^{-1}\Sigma_1)+(\mu_2-\mu_1)^\top\Sigma_2^{-1}(\mu_2-\mu_1)-k+\log\frac{\det\Sigma_2}{\det\Sigma_1}\big]$, which reduces to the above when diagonal.
- KL is asymmetric: $\mathrm{KL}(q\|p)\ne\mathrm{KL}(p\|q)$; the VAE uses $q$ first.`,
      },
    },
    references: [R_VAE, R_VAE_INTRO],
    verification: [V_KL],
  },
  {
    id: 'gen-kl-numeric-example',
    topic: 'gan-vae',
    subtopic: 'vae-theory',
    tags: ['kl-divergence', 'numeric', 'log-variance', 'vae'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: String.raw`编码器对某个样本输出 $\mu=(1,0)$，$\log\sigma^2=(0,\ln4)$。计算 $\mathrm{KL}(q(z\mid x)\,\|\,\mathcal N(0,I))$，以及 KL 对第二维 $\log\sigma^2$ 的梯度。`,
      en: String.raw`For one input the encoder outputs $\mu=(1,0)$ and $\log\sigma^2=(0,\ln4)$. Compute $\mathrm{KL}(q(z\mid x)\,\|\,\mathcal N(0,I))$ and the gradient of the KL with respect to the second log-variance.`,
    },
    answer: {
      short: {
        zh: String.raw`第 1 维 $-\tfrac12(1+0-1-1)=0.5$，第 2 维 $-\tfrac12(1+\ln4-0-4)=1.5-\ln2\approx0.8069$，合计约 $1.3069$ nats；第二维对数方差的梯度为 $\tfrac12(\sigma^2-1)=1.5$，推动方差变小。`,
        en: String.raw`Dimension 1: $-\tfrac12(1+0-1-1)=0.5$; dimension 2: $-\tfrac12(1+\ln4-0-4)=1.5-\ln2\approx0.8069$; total about $1.3069$ nats. The gradient with respect to the second log-variance is $\tfrac12(\sigma^2-1)=1.5$, pushing the variance down.`,
      },
      full: {
        zh: String.raw`逐维使用 $\mathrm{KL}_j=-\tfrac12(1+\ell_j-\mu_j^2-e^{\ell_j})$，其中 $\ell_j=\log\sigma_j^2$。

- 第 1 维：$\mu=1$，$\ell=0$（$\sigma^2=1$）：$-\tfrac12(1+0-1-1)=0.5$。方差已经正确，代价全部来自均值偏移 $\tfrac12\mu^2$。
- 第 2 维：$\mu=0$，$\ell=\ln4\approx1.3863$（$\sigma^2=4$）：$-\tfrac12(1+1.3863-0-4)=-\tfrac12(-1.6137)=0.8069$，即 $1.5-\ln2$。均值正确，代价来自方差过大。

总 KL $=0.5+0.8069=1.3069$ nats（约 1.885 bits）。

**梯度：** $\partial\mathrm{KL}_j/\partial\ell_j=\tfrac12(e^{\ell_j}-1)$。第 2 维为 $\tfrac12(4-1)=1.5>0$，梯度下降会减小 $\log\sigma^2$；第 1 维为 0。对均值的梯度为 $\mu=(1,0)$。

**常见错误检查：**

- 把 $\log\sigma^2$ 当成 $\log\sigma$ 用（例如 $\sigma=e^{\ell}$ 而非 $e^{\ell/2}$），采样时的标准差会从 2 变成 4，KL 与采样不一致。
- 忘记对维度求和而是取平均，会让 KL 权重随隐变量维度 $d$ 变化。
- 单位：全程使用自然对数，结果是 nats；除以 $\ln2$ 才是 bits。`,
        en: String.raw`Per dimension $\mathrm{KL}_j=-\tfrac12(1+\ell_j-\mu_j^2-e^{\ell_j})$ with $\ell_j=\log\sigma_j^2$.

- Dimension 1: $\mu=1$, $\ell=0$ ($\sigma^2=1$): $-\tfrac12(1+0-1-1)=0.5$. The variance is already right; the whole cost is the mean shift $\tfrac12\mu^2$.
- Dimension 2: $\mu=0$, $\ell=\ln4\approx1.3863$ ($\sigma^2=4$): $-\tfrac12(1+1.3863-0-4)=-\tfrac12(-1.6137)=0.8069$, i.e. $1.5-\ln2$. The mean is right; the cost comes from the too-large variance.

Total KL $=0.5+0.8069=1.3069$ nats (about 1.885 bits).

**Gradients:** $\partial\mathrm{KL}_j/\partial\ell_j=\tfrac12(e^{\ell_j}-1)$. For dimension 2 it is $\tfrac12(4-1)=1.5>0$, so gradient descent lowers $\log\sigma^2$; for dimension 1 it is 0. The gradient with respect to the means is $\mu=(1,0)$.

**Bugs this catches:**

- Treating $\log\sigma^2$ as $\log\sigma$ (e.g. $\sigma=e^{\ell}$ instead of $e^{\ell/2}$) turns the sampling standard deviation from 2 into 4, inconsistent with the KL.
- Averaging instead of summing over dimensions makes the KL weight depend on the latent size $d$.
- Units: natural logs throughout give nats; divide by $\ln2$ for bits.`,
      },
    },
    references: [R_VAE, R_KERAS_VAE],
    verification: [V_KL],
  },
  // ───────────────────────────── VAE in practice ─────────────────────────────
  {
    id: 'gen-posterior-collapse',
    topic: 'gan-vae',
    subtopic: 'vae-training',
    tags: ['posterior-collapse', 'kl-annealing', 'free-bits', 'text-vae'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: String.raw`什么是 VAE 的后验坍塌（posterior collapse / KL vanishing）？为什么会发生？如何诊断和缓解？`,
      en: String.raw`What is posterior collapse (KL vanishing) in a VAE? Why does it happen, and how do you diagnose and mitigate it?`,
    },
    answer: {
      short: {
        zh: String.raw`后验坍塌指对所有 $x$ 都有 $q(z\mid x)\approx p(z)$、KL 项趋于 0，解码器完全不用 $z$。常见于强大的自回归解码器：它不靠 $z$ 也能建模 $x$，而 KL 代价在训练初期就要支付。缓解：KL 退火或循环退火、free bits、削弱解码器（词 dropout），并检查损失的尺度是否写错。`,
        en: String.raw`Posterior collapse is when $q(z\mid x)\approx p(z)$ for every $x$, the KL term goes to 0 and the decoder ignores $z$. It is typical of powerful autoregressive decoders, which can model $x$ without $z$ while the KL cost is paid from the first step. Mitigations: KL annealing or cyclical annealing, free bits, weakening the decoder (word dropout), and checking that the loss is not mis-scaled.`,
      },
      full: {
        zh: String.raw`**现象。** 训练中 KL 很快降到接近 0；换一个 $z$，解码结果几乎不变；隐空间插值毫无意义。ELBO 本身可能看起来还不错，因为强解码器单独就能拟合数据。

**原因。**

1. ELBO $=\mathbb E_q\log p(x\mid z)-\mathrm{KL}(q\|p)$。如果解码器（LSTM、PixelCNN 等自回归模型）不依赖 $z$ 就能把 $\log p(x)$ 建模好，让 $q=p(z)$、KL=0 就是一个很好的局部最优。
2. 训练初期编码器给出的 $z$ 几乎没有信息，KL 代价却立即生效，优化器先学会“关掉” $z$；推断网络跟不上解码器时更明显。
3. 实现错误：重构项按像素取平均而 KL 求和，或高斯解码器方差过大，都会让 KL 相对过重。

**诊断。** 按维度监控 KL；统计“活跃单元”数（Burda 等：$\mathrm{Cov}_x(\mathbb E_{q}[z_u])>0.01$ 的维度）；估计 $x$ 与 $z$ 的互信息。注意：部分维度不活跃是正常的（VAE 会自动剪掉用不到的维度），全部不活跃才是坍塌。

**缓解。**

- **KL 退火**（Bowman 等，2015）：KL 权重在前若干步从 0 线性增到 1；**循环退火**（Fu 等，2019）多次重复这一过程。
- **Free bits**（Kingma 等，2016）：把每组的 KL 替换为 $\max(\lambda,\mathrm{KL}_j)$，低于 $\lambda$ nats 时不再惩罚。
- **削弱解码器**：词 dropout（随机把解码器输入词换成 UNK）、较浅或感受野有限的解码器，迫使它依赖 $z$。
- 其他：更有力的编码器训练、把 $z$ 接到解码器每一步；以及先修正损失尺度（重构对像素/token 求和）。`,
        en: String.raw`**Symptoms.** The KL drops to about 0 early; swapping $z$ barely changes the decoded output; latent interpolations are meaningless. The ELBO itself may look fine, because the strong decoder fits the data on its own.

**Causes.**

1. ELBO $=\mathbb E_q\log p(x\mid z)-\mathrm{KL}(q\|p)$. If the decoder (an LSTM, PixelCNN or other autoregressive model) can model $\log p(x)$ well without $z$, then $q=p(z)$ with KL = 0 is a good local optimum.
2. Early in training the encoder's $z$ carries almost no information but the KL cost applies immediately, so the optimizer first learns to switch $z$ off; worse when the inference network lags behind the decoder.
3. Implementation errors: averaging the reconstruction over pixels while summing the KL, or a too-large Gaussian decoder variance, both make the KL relatively too heavy.

**Diagnosis.** Monitor the KL per dimension; count "active units" (Burda et al.: dimensions with $\mathrm{Cov}_x(\mathbb E_{q}[z_u])>0.01$); estimate the mutual information between $x$ and $z$. Some inactive dimensions are normal (VAEs prune unused dimensions); all of them inactive is collapse.

**Mitigations.**

- **KL annealing** (Bowman et al., 2015): ramp the KL weight linearly from 0 to 1 over the first steps; **cyclical annealing** (Fu et al., 2019) repeats the ramp several times.
- **Free bits** (Kingma et al., 2016): replace each group's KL by $\max(\lambda,\mathrm{KL}_j)$, so there is no penalty below $\lambda$ nats.
- **Weaken the decoder**: word dropout (randomly replace decoder input words by UNK), a shallower decoder or one with a limited receptive field, forcing it to use $z$.
- Others: train the encoder more aggressively, feed $z$ to every decoder step; and first fix the loss scale (sum the reconstruction over pixels/tokens).`,
      },
    },
    references: [R_BOWMAN, R_CYCLICAL, R_IAF, R_IWAE],
  },
  {
    id: 'gen-beta-vae',
    topic: 'gan-vae',
    subtopic: 'vae-variants',
    tags: ['beta-vae', 'disentanglement', 'rate-distortion', 'kl-weight'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`β-VAE 对目标函数做了什么修改？$\beta>1$ 和 $\beta<1$ 分别有什么效果和代价？`,
      en: String.raw`How does β-VAE change the objective? What are the effects and costs of $\beta>1$ and $\beta<1$?`,
    },
    answer: {
      short: {
        zh: String.raw`β-VAE 最大化 $\mathbb E_q[\log p(x\mid z)]-\beta\,\mathrm{KL}(q(z\mid x)\|p(z))$。$\beta>1$ 加强了向各向同性因子化先验的约束，促进解耦表示，但重构变差、样本更糊；$\beta<1$ 重构更好，但从先验采样的质量下降，且不再是 $\log p(x)$ 的下界。`,
        en: String.raw`β-VAE maximizes $\mathbb E_q[\log p(x\mid z)]-\beta\,\mathrm{KL}(q(z\mid x)\|p(z))$. $\beta>1$ strengthens the pull toward the isotropic factorized prior and encourages disentangled representations, at the cost of worse, blurrier reconstructions; $\beta<1$ reconstructs better but samples from the prior get worse, and the objective is no longer a lower bound on $\log p(x)$.`,
      },
      full: {
        zh: String.raw`**目标（Higgins 等，2017）：**
$$\mathcal L_\beta=\mathbb E_{q_\phi(z\mid x)}[\log p_\theta(x\mid z)]-\beta\,\mathrm{KL}(q_\phi(z\mid x)\,\|\,p(z)),\quad p(z)=\mathcal N(0,I).$$

**$\beta>1$。** 更强地把后验压向因子化的各向同性先验，限制隐变量的信息容量，模型被迫用尽量少、彼此独立的维度编码最主要的变化因素，经验上在 dSprites、CelebA 等数据上得到更好的解耦（位置、尺度、旋转各占一维）。由于 KL $\ge0$，$\mathcal L_\beta\le\mathcal L_1\le\log p(x)$，仍是下界，只是更松。代价：重构更差、样本更模糊。

**$\beta<1$。** 重构更清晰，但聚合后验偏离先验，从 $\mathcal N(0,I)$ 采样时会落到“先验空洞”里；并且 $\mathcal L_\beta$ 不再是 $\log p(x)$ 的下界。很多人用 $\beta<1$（或 KL 退火）来缓解后验坍塌。

**率失真视角（Alemi 等，2017）。** 记失真 $D=-\mathbb E_q\log p(x\mid z)$、率 $R=\mathrm{KL}$，则 $-\mathrm{ELBO}=D+R$，许多 $(R,D)$ 组合的 ELBO 相同；$\beta$ 就是在这条权衡曲线上选点。Burgess 等（2018）进一步提出逐步增大容量 $C$，用 $\gamma|\mathrm{KL}-C|$ 代替 $\beta\,\mathrm{KL}$，兼顾解耦与重构。

**注意。** Locatello 等（2019）证明，在没有归纳偏置或监督的情况下，无监督解耦在理论上不可辨识，β-VAE 的解耦效果高度依赖随机种子和超参数。`,
        en: String.raw`**Objective (Higgins et al., 2017):**
$$\mathcal L_\beta=\mathbb E_{q_\phi(z\mid x)}[\log p_\theta(x\mid z)]-\beta\,\mathrm{KL}(q_\phi(z\mid x)\,\|\,p(z)),\quad p(z)=\mathcal N(0,I).$$

**$\beta>1$.** A stronger push toward the factorized isotropic prior limits the latent channel's capacity, so the model encodes the main factors of variation with few, independent dimensions; empirically this disentangles better on dSprites and CelebA (position, scale, rotation in separate dimensions). Since KL $\ge0$, $\mathcal L_\beta\le\mathcal L_1\le\log p(x)$: still a lower bound, only looser. Cost: worse reconstructions, blurrier samples.

**$\beta<1$.** Sharper reconstructions, but the aggregate posterior drifts from the prior, so samples from $\mathcal N(0,I)$ fall into "holes"; and $\mathcal L_\beta$ is no longer a lower bound on $\log p(x)$. Small $\beta$ (or KL annealing) is also a common fix for posterior collapse.

**Rate-distortion view (Alemi et al., 2017).** With distortion $D=-\mathbb E_q\log p(x\mid z)$ and rate $R=\mathrm{KL}$, $-\mathrm{ELBO}=D+R$, and many $(R,D)$ pairs share the same ELBO; $\beta$ picks a point on this trade-off. Burgess et al. (2018) instead raise a capacity $C$ gradually and use $\gamma|\mathrm{KL}-C|$ in place of $\beta\,\mathrm{KL}$, keeping both disentanglement and reconstruction.

**Caveat.** Locatello et al. (2019) show that unsupervised disentanglement is not identifiable without inductive biases or supervision; β-VAE's disentanglement depends strongly on random seeds and hyperparameters.`,
      },
    },
    references: [
      R_BETA_VAE,
      R_BETA_VAE_UNDERSTANDING,
      R_BROKEN_ELBO,
      {
        title: 'Challenging Common Assumptions in the Unsupervised Learning of Disentangled Representations',
        authors: 'Locatello et al.',
        year: 2019,
        arxiv: '1811.12359',
      },
    ],
  },
  {
    id: 'gen-vae-blurry-samples',
    topic: 'gan-vae',
    subtopic: 'model-comparison',
    tags: ['vae', 'blurry-samples', 'gaussian-likelihood', 'mode-covering'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`为什么 VAE 生成的图像通常比 GAN 模糊？有哪些改进方法？`,
      en: String.raw`Why are VAE samples usually blurrier than GAN samples, and how can this be improved?`,
    },
    answer: {
      short: {
        zh: String.raw`固定方差的高斯似然等价于 L2 损失，最优输出是条件均值，多种合理细节被平均；像素间独立的因子化解码器无法表示锐利结构；最大似然（前向 KL）倾向覆盖所有模式，把质量放到模式之间；再加上近似后验太简单。改进：层次化 VAE、离散隐变量加强先验（VQ-VAE）、感知/对抗损失（VAE-GAN）、更好的似然。`,
        en: String.raw`A fixed-variance Gaussian likelihood is an L2 loss whose optimum is the conditional mean, so plausible details get averaged; a factorized decoder with independent pixels cannot express sharp structure; maximum likelihood (forward KL) is mode-covering and puts mass between modes; and the approximate posterior is too simple. Fixes: hierarchical VAEs, discrete latents with a strong prior (VQ-VAE), perceptual/adversarial losses (VAE-GAN), better likelihoods.`,
      },
      full: {
        zh: String.raw`**原因。**

1. **高斯似然 = L2。** $-\log\mathcal N(x;\hat x(z),\sigma^2I)=\frac{\|x-\hat x(z)\|^2}{2\sigma^2}+\text{常数}$，给定 $z$ 的最优 $\hat x$ 是 $\mathbb E[x\mid z]$。如果 $z$ 不能唯一确定边缘的精确位置，输出就是多种可能的平均——模糊。大家展示的通常也是解码器的**均值**而不是从 $p(x\mid z)$ 采样（采样会得到像素噪声）。
2. **因子化解码器。** 各像素在给定 $z$ 时相互独立，所有相关结构必须由 $z$ 承担；低维 $z$ 加上 KL 对信息量的限制，使高频细节丢失。
3. **前向 KL 的覆盖倾向。** 最大似然等价于最小化 $\mathrm{KL}(p_{data}\|p_\theta)$，对“漏掉数据”惩罚极重，对“在数据之外放质量”惩罚较轻，模型宁可铺开。GAN 的目标不是似然，生成器只被判别器“看起来像不像真的”所约束，因此样本更锐利但可能丢模式。
4. **推断差距与先验空洞。** 高斯后验过于简单，聚合后验与先验不匹配，从先验采到的 $z$ 可能落在解码器没见过的区域。

**改进。** 层次化深度 VAE（NVAE、VDVAE），样本已相当清晰；VQ-VAE 用离散隐变量加强大的自回归先验；VAE-GAN 在判别器特征空间上计算重构，或加感知/对抗损失；学习解码器方差或使用离散化 logistic 混合似然；更灵活的后验（流模型、IAF）。现代潜扩散模型则是“VAE 负责压缩，扩散模型负责生成”。`,
        en: String.raw`**Causes.**

1. **Gaussian likelihood = L2.** $-\log\mathcal N(x;\hat x(z),\sigma^2I)=\frac{\|x-\hat x(z)\|^2}{2\sigma^2}+\text{const}$, whose optimum for a given $z$ is $\mathbb E[x\mid z]$. If $z$ does not pin down, say, the exact position of an edge, the output is an average of the possibilities — blur. People also usually display the decoder **mean** rather than a sample from $p(x\mid z)$ (a sample would add per-pixel noise).
2. **Factorized decoder.** Pixels are independent given $z$, so all correlations must be carried by $z$; a low-dimensional $z$ plus the KL's limit on information loses high frequencies.
3. **Mode-covering forward KL.** Maximum likelihood minimizes $\mathrm{KL}(p_{data}\|p_\theta)$, which punishes missing data heavily and mass outside the data lightly, so the model spreads out. A GAN is not trained on likelihood: the generator is only judged on whether samples look real, so samples are sharper but modes may be dropped.
4. **Inference gap and prior holes.** The Gaussian posterior is too simple and the aggregate posterior does not match the prior, so $z$ drawn from the prior may land where the decoder was never trained.

**Improvements.** Deep hierarchical VAEs (NVAE, VDVAE), whose samples are quite sharp; VQ-VAE with discrete latents and a strong autoregressive prior; VAE-GAN, reconstructing in discriminator feature space, or perceptual/adversarial losses; learned decoder variance or a discretized logistic-mixture likelihood; richer posteriors (flows, IAF). Modern latent diffusion splits the work: a VAE compresses, a diffusion model generates.`,
      },
    },
    references: [R_VAE_GAN, R_NVAE, R_VQVAE, R_EVAL_NOTE, R_GAN_TUTORIAL],
  },
  // ───────────────────────────── Beyond images, evaluation, diffusion ─────────────────────────────
  {
    id: 'gen-gan-discrete-data',
    topic: 'gan-vae',
    subtopic: 'discrete-gan',
    tags: ['discrete-data', 'seqgan', 'gumbel-softmax', 'reinforce'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: String.raw`为什么用 GAN 生成文本等离散数据很难？SeqGAN 和 Gumbel-softmax 分别如何绕过这个问题，各自的代价是什么？`,
      en: String.raw`Why is it hard to train GANs on discrete data such as text? How do SeqGAN and Gumbel-softmax work around it, and at what cost?`,
    },
    answer: {
      short: {
        zh: String.raw`生成器的梯度要经过 $\partial D/\partial x$ 和 $\partial x/\partial\theta$，而离散采样（argmax 或按类别抽样）的导数几乎处处为 0 或不存在。SeqGAN 把判别器输出当奖励，用 REINFORCE 和蒙特卡洛 rollout 训练，方差大；Gumbel-softmax 用温度 $\tau$ 的连续松弛让梯度可传，但有偏，且判别器可能凭“软”输出与 one-hot 的差别作弊。`,
        en: String.raw`The generator's gradient must pass through $\partial D/\partial x$ and $\partial x/\partial\theta$, and discrete sampling (argmax or a categorical draw) has zero or undefined derivatives. SeqGAN treats the discriminator's output as a reward and trains with REINFORCE and Monte Carlo rollouts, with high variance; Gumbel-softmax uses a continuous relaxation with temperature $\tau$ so gradients flow, but it is biased and the discriminator can cheat by spotting soft vectors versus one-hot ones.`,
      },
      full: {
        zh: String.raw`**根本原因。** 连续数据上，生成器靠“把 $x$ 往 $D$ 打分更高的方向挪一点”学习：$\nabla_\theta=\frac{\partial\ell}{\partial D}\frac{\partial D}{\partial x}\frac{\partial x}{\partial\theta}$。对 token，$x=\arg\max$ 或类别采样，是分段常数：挪一点点 logits 不改变输出，梯度为 0；变化时又是跳变，梯度不存在。而且“把词向量挪一点”通常不对应任何真实词。

**SeqGAN（Yu 等，2016）。** 把 $G$ 看作策略，已生成前缀为状态、下一个 token 为动作，$D$ 对完整序列的打分为奖励。中间步骤的奖励用蒙特卡洛 rollout 补全序列后估计，再用 REINFORCE：$\nabla_\theta J=\mathbb E\big[\sum_t Q(s_t,a_t)\nabla_\theta\log G_\theta(a_t\mid s_t)\big]$。代价：方差大、奖励稀疏、训练慢，需要最大似然预训练；实际收益常常不如调好温度的最大似然语言模型。

**Gumbel-softmax（Jang 等，2016；Maddison 等，2016 称 Concrete）。** 用 $y=\mathrm{softmax}((\log\pi+g)/\tau)$，$g_i=-\log(-\log u_i)$，$u_i\sim U(0,1)$ 代替 one-hot 采样；$\tau\to0$ 时趋于 one-hot，但梯度方差增大；$\tau$ 大时平滑但偏差大。直通（straight-through）变体前向用 one-hot、反向用软梯度。风险：若把软向量直接喂给判别器，它只需分辨“one-hot 还是软分布”就能赢。

**其他路线。** 在连续空间做对抗（TextGAN 的对抗特征匹配、在隐空间或嵌入空间上训练 GAN）；或直接用最大似然、VAE 或扩散模型处理文本。`,
        en: String.raw`**Root cause.** On continuous data the generator learns by nudging $x$ toward higher discriminator scores: $\nabla_\theta=\frac{\partial\ell}{\partial D}\frac{\partial D}{\partial x}\frac{\partial x}{\partial\theta}$. For tokens, $x=\arg\max$ or a categorical draw is piecewise constant: a small change of the logits does not change the output (zero gradient), and when it does change it jumps (no gradient). Besides, "nudging a word vector" usually does not land on any real word.

**SeqGAN (Yu et al., 2016).** Treat $G$ as a policy: the prefix is the state, the next token the action, and $D$'s score of the full sequence the reward. Rewards for intermediate steps are estimated by Monte Carlo rollouts that complete the sequence, then REINFORCE: $\nabla_\theta J=\mathbb E\big[\sum_t Q(s_t,a_t)\nabla_\theta\log G_\theta(a_t\mid s_t)\big]$. Cost: high variance, sparse rewards, slow training, maximum-likelihood pretraining required; in practice it often does not beat a well-tuned maximum-likelihood language model with temperature.

**Gumbel-softmax (Jang et al., 2016; the Concrete distribution of Maddison et al., 2016).** Replace the one-hot draw by $y=\mathrm{softmax}((\log\pi+g)/\tau)$ with $g_i=-\log(-\log u_i)$, $u_i\sim U(0,1)$; as $\tau\to0$ it approaches one-hot but gradient variance grows; large $\tau$ is smooth but biased. The straight-through variant uses one-hot forward and the soft gradient backward. Risk: if soft vectors are fed to the discriminator, it wins just by telling "one-hot or soft".

**Other routes.** Adversarial training in a continuous space (TextGAN's adversarial feature matching, GANs on latent codes or embeddings); or simply maximum likelihood, VAEs or diffusion models for text.`,
      },
    },
    references: [R_SEQGAN, R_GUMBEL, R_CONCRETE, R_TEXTGAN],
  },
  {
    id: 'gen-evaluation-fid-is',
    topic: 'gan-vae',
    subtopic: 'evaluation',
    tags: ['fid', 'inception-score', 'evaluation', 'precision-recall'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`如何评价生成模型？写出 Inception Score（IS）和 Fréchet Inception Distance（FID）的定义，并说明它们的局限。`,
      en: String.raw`How are generative models evaluated? Define the Inception Score (IS) and the Fréchet Inception Distance (FID), and explain their limits.`,
    },
    answer: {
      short: {
        zh: String.raw`$\mathrm{IS}=\exp(\mathbb E_x\mathrm{KL}(p(y\mid x)\|p(y)))$，只看生成样本，衡量“每张图类别明确、整体类别多样”；$\mathrm{FID}=\|\mu_r-\mu_g\|^2+\operatorname{tr}(\Sigma_r+\Sigma_g-2(\Sigma_r\Sigma_g)^{1/2})$，比较真、假样本在 Inception 特征上的高斯统计，越低越好。两者都依赖 ImageNet 分类器，FID 有样本量偏差且把质量与多样性混为一个数。`,
        en: String.raw`$\mathrm{IS}=\exp(\mathbb E_x\mathrm{KL}(p(y\mid x)\|p(y)))$ uses only generated samples and rewards confident per-image classes with diverse classes overall; $\mathrm{FID}=\|\mu_r-\mu_g\|^2+\operatorname{tr}(\Sigma_r+\Sigma_g-2(\Sigma_r\Sigma_g)^{1/2})$ compares Gaussian statistics of real and generated Inception features, lower is better. Both depend on an ImageNet classifier; FID is biased by the sample size and folds quality and diversity into one number.`,
      },
      full: {
        zh: String.raw`**Inception Score（Salimans 等，2016）。** 用 Inception 网络的类别预测 $p(y\mid x)$：
$$\mathrm{IS}=\exp\big(\mathbb E_{x\sim p_g}\,\mathrm{KL}(p(y\mid x)\,\|\,p(y))\big),\quad p(y)=\mathbb E_{x\sim p_g}p(y\mid x).$$
每张图 $p(y\mid x)$ 尖锐、整体 $p(y)$ 均匀时得分高，取值在 1 到类别数之间。局限：不使用真实数据；类内模式崩溃（每类只生成一张好图）也能拿高分；对非 ImageNet 类数据意义不大；对实现细节和权重敏感（Barratt & Sharma，2018）。

**FID（Heusel 等，2017）。** 取 Inception-v3 池化层的 2048 维特征，分别对真实、生成样本拟合高斯 $(\mu_r,\Sigma_r)$、$(\mu_g,\Sigma_g)$，计算两个高斯间 Fréchet（2-Wasserstein）距离的平方：
$$\mathrm{FID}=\|\mu_r-\mu_g\|_2^2+\operatorname{tr}\big(\Sigma_r+\Sigma_g-2(\Sigma_r\Sigma_g)^{1/2}\big).$$
它与人类判断更一致，对模式丢失和噪声都敏感。局限：高斯假设；样本量小时有正偏差，不同样本量（常用 50k）之间不可比；图像缩放、JPEG、实现差异都会改变数值；依赖 ImageNet 特征，可能奖励“像 ImageNet”的纹理；一个数无法区分“质量差”和“多样性差”。

**补充。** 精度/召回（Kynkäänniemi 等，2019）分别衡量逼真度和覆盖度；似然（bits/dim）适用于 VAE、流、扩散模型，但似然高不代表样本好（Theis 等，2015）；最终还需要人工评估和面向任务的指标。`,
        en: String.raw`**Inception Score (Salimans et al., 2016).** Using the Inception network's class prediction $p(y\mid x)$:
$$\mathrm{IS}=\exp\big(\mathbb E_{x\sim p_g}\,\mathrm{KL}(p(y\mid x)\,\|\,p(y))\big),\quad p(y)=\mathbb E_{x\sim p_g}p(y\mid x).$$
It is high when each $p(y\mid x)$ is peaked and the overall $p(y)$ is uniform, and lies between 1 and the number of classes. Limits: it never looks at real data; intra-class mode collapse (one good image per class) still scores well; it means little for non-ImageNet-like data; it is sensitive to implementation details and weights (Barratt & Sharma, 2018).

**FID (Heusel et al., 2017).** Take the 2048-d pool features of Inception-v3, fit Gaussians $(\mu_r,\Sigma_r)$ and $(\mu_g,\Sigma_g)$ to real and generated samples, and compute the squared Fréchet (2-Wasserstein) distance between them:
$$\mathrm{FID}=\|\mu_r-\mu_g\|_2^2+\operatorname{tr}\big(\Sigma_r+\Sigma_g-2(\Sigma_r\Sigma_g)^{1/2}\big).$$
It agrees better with human judgement and reacts to both dropped modes and noise. Limits: the Gaussian assumption; a positive bias at small sample sizes, so values at different sample counts (50k is usual) are not comparable; resizing, JPEG and implementation differences change the number; ImageNet features may reward ImageNet-like textures; one number cannot tell poor quality from poor diversity.

**Beyond.** Precision/recall (Kynkäänniemi et al., 2019) separate fidelity from coverage; likelihood (bits/dim) applies to VAEs, flows and diffusion models, but high likelihood does not imply good samples (Theis et al., 2015); human evaluation and task metrics remain necessary.`,
      },
    },
    references: [R_IMPROVED, R_FID, R_IS_NOTE, R_PR, R_EVAL_NOTE],
  },
  {
    id: 'gen-diffusion-vs-gan-vae',
    topic: 'gan-vae',
    subtopic: 'diffusion',
    tags: ['diffusion', 'ddpm', 'score-matching', 'comparison'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`简述扩散模型的原理。为什么它在图像生成上取代了 GAN 和 VAE？它的主要缺点是什么？`,
      en: String.raw`Briefly explain diffusion models. Why have they displaced GANs and VAEs for image generation, and what is their main drawback?`,
    },
    answer: {
      short: {
        zh: String.raw`扩散模型用固定的前向过程逐步给数据加高斯噪声，再训练网络预测噪声 $\|\varepsilon-\varepsilon_\theta(x_t,t)\|^2$ 来学习逆向去噪。训练是稳定的回归问题、覆盖全部模式、样本质量高，还给出似然下界；主要缺点是采样需要几十到上千步网络计算，比 GAN 的一次前向慢得多。`,
        en: String.raw`A diffusion model gradually adds Gaussian noise to data with a fixed forward process and trains a network to predict the noise, $\|\varepsilon-\varepsilon_\theta(x_t,t)\|^2$, which learns the reverse denoising. Training is a stable regression, covers all modes, gives high-quality samples and a likelihood bound; the main drawback is sampling, which needs tens to a thousand network evaluations instead of a GAN's single pass.`,
      },
      full: {
        zh: String.raw`**前向过程（Sohl-Dickstein 等，2015；Ho 等，2020）：** $q(x_t\mid x_{t-1})=\mathcal N(\sqrt{1-\beta_t}\,x_{t-1},\beta_tI)$，$t=1,\dots,T$（DDPM 中 $T=1000$）。记 $\bar\alpha_t=\prod_{s\le t}(1-\beta_s)$，可以一步采样：
$$x_t=\sqrt{\bar\alpha_t}\,x_0+\sqrt{1-\bar\alpha_t}\,\varepsilon,\quad\varepsilon\sim\mathcal N(0,I).$$
**训练：** 随机取 $t$，最小化 $\|\varepsilon-\varepsilon_\theta(x_t,t)\|^2$（ELBO 的一个重加权简化）。**采样：** 从 $x_T\sim\mathcal N(0,I)$ 出发，逐步用 $\varepsilon_\theta$ 去噪。它等价于学习各噪声水平下的分数函数 $\nabla_x\log p_t(x)$。

**与 GAN/VAE 对比：**

- 相对 GAN：损失是简单回归，没有对抗博弈，训练稳定、不易模式崩溃，覆盖度（召回）更好；Dhariwal & Nichol（2021）在 ImageNet 上 FID 超过 BigGAN。
- 相对 VAE：可以看作编码器固定、层数很深的层次化 VAE，每层只需学去噪，所以样本清晰；也给出似然下界。
- 条件生成方便（classifier / classifier-free guidance），潜扩散在 VAE 的隐空间中扩散，大幅降低成本（Stable Diffusion）。

**缺点与对策：** 采样要数十到 1000 次网络前向，DDIM 等确定性采样器、蒸馏和一致性模型把步数降到个位数；GAN 仍在需要实时单步生成的场景（以及作为蒸馏和超分中的对抗损失）中有用。`,
        en: String.raw`**Forward process (Sohl-Dickstein et al., 2015; Ho et al., 2020):** $q(x_t\mid x_{t-1})=\mathcal N(\sqrt{1-\beta_t}\,x_{t-1},\beta_tI)$ for $t=1,\dots,T$ ($T=1000$ in DDPM). With $\bar\alpha_t=\prod_{s\le t}(1-\beta_s)$ one can sample in one shot:
$$x_t=\sqrt{\bar\alpha_t}\,x_0+\sqrt{1-\bar\alpha_t}\,\varepsilon,\quad\varepsilon\sim\mathcal N(0,I).$$
**Training:** draw $t$ at random and minimize $\|\varepsilon-\varepsilon_\theta(x_t,t)\|^2$ (a reweighted simplification of the ELBO). **Sampling:** start from $x_T\sim\mathcal N(0,I)$ and denoise step by step with $\varepsilon_\theta$. Equivalently, the network learns the score $\nabla_x\log p_t(x)$ at every noise level.

**Compared with GANs and VAEs:**

- vs GANs: the loss is a plain regression, no adversarial game, so training is stable, rarely mode-collapses and covers the data better (recall); Dhariwal & Nichol (2021) beat BigGAN's FID on ImageNet.
- vs VAEs: a diffusion model is a very deep hierarchical VAE with a fixed encoder, where each level only has to denoise, so samples are sharp; it also gives a likelihood bound.
- Conditioning is easy (classifier / classifier-free guidance), and latent diffusion runs in a VAE's latent space to cut the cost (Stable Diffusion).

**Drawback and fixes:** sampling takes tens to 1000 network evaluations; deterministic samplers such as DDIM, distillation and consistency models bring it down to a handful. GANs remain useful where real-time single-step generation is needed (and as adversarial losses in distillation and super-resolution).`,
      },
    },
    references: [R_DIFFUSION_2015, R_DDPM, R_DDIM, R_BEAT_GANS, R_LDM],
  },
  // ───────────────────────────── Debugging ─────────────────────────────
  {
    id: 'gen-debug-discriminator-wins',
    topic: 'gan-vae',
    subtopic: 'gan-debugging',
    tags: ['debugging', 'discriminator', 'vanishing-gradient', 'gan-training'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`训练 GAN 几百步后，判别器损失降到接近 0（$D(x)\approx1$，$D(G(z))\approx0$），生成器损失持续上升，样本不再改善。可能的原因有哪些？怎样排查和修复？`,
      en: String.raw`A few hundred steps into GAN training the discriminator loss is near 0 ($D(x)\approx1$, $D(G(z))\approx0$), the generator loss keeps rising and samples stop improving. What are the likely causes, and how do you find and fix them?`,
    },
    answer: {
      short: {
        zh: String.raw`判别器找到了轻易区分真假的线索或太强，生成器梯度消失。先查代码：真假数据预处理不一致（如真图在 $[0,1]$、tanh 输出在 $[-1,1]$）、判别器步的梯度也更新了生成器、用了饱和损失或对概率再做一次 sigmoid；再查平衡：判别器容量/学习率/步数过大、数据太少导致过拟合。修复：非饱和 logits 损失、单边标签平滑、实例噪声、谱归一化或 R1、数据增强。`,
        en: String.raw`The discriminator found an easy cue or is too strong, and the generator's gradient vanishes. Check the code first: mismatched preprocessing (real images in $[0,1]$, tanh outputs in $[-1,1]$), the discriminator step also updating the generator, a saturating loss or a double sigmoid; then the balance: too much discriminator capacity, learning rate or steps, or a small dataset it memorizes. Fixes: non-saturating loss on logits, one-sided label smoothing, instance noise, spectral normalization or R1, data augmentation.`,
      },
      full: {
        zh: String.raw`**症状 → 原因 → 修复：**

1. **预处理泄露线索。** 真实图像在 $[0,1]$ 或 $[0,255]$，生成图在 $[-1,1]$；真图经过 JPEG/缩放而假图没有。判别器只看取值范围就能赢（种子代码正有此问题）。→ 统一预处理：$x/127.5-1$ 配 tanh。
2. **判别器步更新了生成器。** 判别器损失的梯度若也作用于 $G$ 的变量（varList 没限制、组合模型没分开），$G$ 就被训练成“帮助 $D$ 识破自己”，$D$ 损失迅速归零。→ 判别器步只对 $D$ 的变量求梯度，假样本在该步视为常量。
3. **损失写错。** 生成器用饱和损失 $\log(1-D(G(z)))$，一旦 $D$ 获胜梯度 $\approx0$；或者对已经过 sigmoid 的输出再用 from-logits 的交叉熵（双重 sigmoid），或给生成器的假样本标签用了 0。→ 判别器输出 logit，生成器用非饱和损失，标签按“真=1”。
4. **力量失衡。** 判别器更深、学习率更高或每步训练多次；数据集小导致判别器记住训练集。→ 降低 $D$ 学习率或步数、减小容量、加 dropout；小数据集用可微数据增强（ADA/DiffAugment，对真、假样本做同样的增强）。
5. **正则与平滑。** 单边标签平滑（真实标签取 0.9，假标签仍为 0；Salimans 等，2016）、实例噪声、谱归一化、R1 梯度惩罚都能防止判别器过于自信。

**判断标准。** 健康的标准 GAN 中，$D(x)$ 与 $D(G(z))$ 应在 0.5 附近起伏，而不是分别贴住 1 和 0。注意：对 WGAN 不适用，critic 损失没有“0 下限”，看的是 Wasserstein 估计值的变化。`,
        en: String.raw`**Symptom → cause → fix:**

1. **Preprocessing leaks a cue.** Real images in $[0,1]$ or $[0,255]$, fakes in $[-1,1]$; real images went through JPEG/resizing and fakes did not. The discriminator wins on the value range alone (the seed's code has exactly this bug). → Same preprocessing: $x/127.5-1$ with a tanh output.
2. **The discriminator step updates the generator.** If the gradient of the discriminator loss also reaches $G$'s variables (no varList restriction, combined model not separated), $G$ is trained to *help $D$ catch it*, and the $D$ loss collapses to 0. → In the $D$ step take gradients with respect to $D$'s variables only; treat the fakes as constants there.
3. **Wrong loss.** A saturating generator loss $\log(1-D(G(z)))$ has gradient $\approx0$ once $D$ wins; or a from-logits cross-entropy applied to outputs that already went through a sigmoid (double sigmoid); or label 0 used for the generator's target. → $D$ outputs logits, the generator uses the non-saturating loss with target "real = 1".
4. **Imbalance.** A deeper discriminator, a higher learning rate or several $D$ steps per $G$ step; a small dataset that $D$ memorizes. → Lower $D$'s learning rate or steps, shrink it, add dropout; on small data use differentiable augmentation (ADA/DiffAugment, applied identically to real and fake samples).
5. **Regularize and smooth.** One-sided label smoothing (real targets 0.9, fake targets still 0; Salimans et al., 2016), instance noise, spectral normalization and the R1 gradient penalty all keep $D$ from becoming overconfident.

**Yardstick.** In a healthy standard GAN, $D(x)$ and $D(G(z))$ hover around 0.5 instead of sticking to 1 and 0. This does not apply to WGAN: the critic loss has no floor at 0, and what matters is how the Wasserstein estimate evolves.`,
      },
    },
    references: [R_IMPROVED, R_GAN_TUTORIAL, R_ADA, R_CONVERGE, R_SNGAN],
  },
  {
    id: 'gen-debug-identical-samples',
    topic: 'gan-vae',
    subtopic: 'gan-debugging',
    tags: ['debugging', 'mode-collapse', 'batch-norm', 'noise-input'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`你的生成器对不同的 $z$ 输出几乎同一张图。怎样区分这是代码错误还是真正的模式崩溃？各举几个典型原因。`,
      en: String.raw`Your generator outputs almost the same image for every $z$. How do you tell a code bug from genuine mode collapse? Give typical causes of each.`,
    },
    answer: {
      short: {
        zh: String.raw`先量化多样性（同一批 $G(z)$ 的逐像素标准差或两两距离），看**初始化时**是否已经相同：若一开始就相同，是接线错误（噪声没接上或被置零、整批共用一个噪声、Dense 后接训练模式的 BN 却逐张生成导致输出恒为 $\beta$）；若初始多样、训练中逐渐收缩，则是模式崩溃，按模式崩溃的方法处理。`,
        en: String.raw`Measure diversity (per-pixel standard deviation or pairwise distances over a batch of $G(z)$) and check whether samples are already identical **at initialization**. If so, it is a wiring bug (noise not connected or zeroed, one noise vector shared by the batch, a training-mode batch norm after a Dense layer while generating one image at a time, which outputs $\beta$ for any $z$). If they start diverse and shrink during training, it is mode collapse, treated as such.`,
      },
      full: {
        zh: String.raw`**第一步：量化。** 对固定的一批 $z$（例如 64 个），计算生成图的逐像素标准差均值或两两 L2 距离，并在训练过程中记录。随机初始化的网络输出本应随 $z$ 明显变化。

**情形 A：初始化时就几乎相同 → 代码错误。**

- **噪声没有真正接入**：模型输入其实是常量；噪声乘了一个被置零的层；或 tf.randomNormal([1, 100]) 生成一个向量再平铺到整批。
- **训练模式 BN + 批大小 1**：逐张生成时，Dense 层后的批归一化在训练模式下用当前批统计量归一化，批大小为 1 时 $x-\mu_B=0$，输出恒为 $\beta$，与 $z$ 无关。→ 推断时用 training=false（滑动统计量）或整批生成。
- **噪声缩放错误**：例如把 $z$ 乘了 $10^{-3}$，或被后续饱和的激活抹平。
- **相关问题**：每步都用同一个固定种子调用 tf.randomNormal（传入 seed 参数），每次得到完全相同的噪声，生成器只见过 $B$ 个输入并把它们记住——表现为每步的样本集合从不变化。

**情形 B：开始有多样性，训练中逐渐收缩到一两种 → 模式崩溃。** 用同一组 $z$ 比较不同检查点，常能看到输出在几个模式间跳来跳去，同时判别器损失振荡。处理：小批量判别/minibatch std 层、WGAN-GP 或谱归一化、展开式 GAN、降低生成器学习率（Adam 的 $\beta_1=0.5$）、条件标签、检查判别器是否过强或过弱。

**经验。** 把“多样性监控”写进训练日志，比事后看图更早发现问题。`,
        en: String.raw`**Step 1: measure.** For a fixed batch of $z$ (say 64), compute the mean per-pixel standard deviation or the pairwise L2 distances of the generated images, and log it during training. A randomly initialized network should already vary visibly with $z$.

**Case A: nearly identical at initialization → a code bug.**

- **Noise not actually wired in**: the model's input is a constant; the noise is multiplied by a zeroed layer; or tf.randomNormal([1, 100]) creates one vector that is tiled over the batch.
- **Training-mode batch norm with batch size 1**: when images are generated one at a time, a batch norm after a Dense layer normalizes with the current batch's statistics; with one example $x-\mu_B=0$, so the output is always $\beta$, whatever $z$ is. → Use training=false (moving statistics) at inference, or generate a whole batch.
- **Wrong noise scale**: e.g. $z$ multiplied by $10^{-3}$, or flattened by a saturated activation downstream.
- **Related**: calling tf.randomNormal with the same fixed seed argument every step returns exactly the same noise each time, so the generator only ever sees $B$ inputs and memorizes them — the set of samples never changes between steps.

**Case B: diverse at first, then shrinking to one or two outputs → mode collapse.** Compare checkpoints on the same $z$: outputs often hop between a few modes while the discriminator loss oscillates. Remedies: minibatch discrimination / a minibatch-std layer, WGAN-GP or spectral normalization, unrolled GANs, a lower generator learning rate (Adam with $\beta_1=0.5$), conditioning on labels, and checking whether the discriminator is too strong or too weak.

**Habit.** Put a diversity metric in the training log; it catches this earlier than eyeballing samples.`,
      },
    },
    references: [R_IMPROVED, R_UNROLLED, R_DCGAN, R_TFJS_API],
  },
  {
    id: 'gen-debug-vae-nan',
    topic: 'gan-vae',
    subtopic: 'vae-training',
    tags: ['debugging', 'nan', 'log-variance', 'numerical-stability', 'vae'],
    kind: 'debug',
    difficulty: 2,
    prompt: {
      zh: String.raw`VAE 训练若干步后损失变成 NaN，之前 KL 项突然飙升。最可能的原因是什么？如何修复？`,
      en: String.raw`After some steps a VAE's loss becomes NaN, right after a sudden spike in the KL term. What is the most likely cause, and how do you fix it?`,
    },
    answer: {
      short: {
        zh: String.raw`最常见的是对数方差 $\ell=\log\sigma^2$ 变大后 $e^{\ell}$ 溢出：float32 在 $\ell>88.72$ 时 $e^\ell=\infty$（float16 只要 $\ell>11.09$），$\infty$ 再参与运算得到 NaN。修复：KL 直接用 $\ell$ 计算、对 $\ell$ 做截断或软限制、标准差用 $e^{\ell/2}$、重构用带 logits 的交叉熵、降低学习率并做梯度裁剪，关键计算保持 float32。`,
        en: String.raw`Most often the log-variance $\ell=\log\sigma^2$ grows until $e^{\ell}$ overflows: in float32 $e^\ell=\infty$ for $\ell>88.72$ (in float16 already for $\ell>11.09$), and arithmetic on $\infty$ yields NaN. Fix: compute the KL directly from $\ell$, clamp or softly bound $\ell$, use $e^{\ell/2}$ for the standard deviation, use cross-entropy from logits for the reconstruction, lower the learning rate and clip gradients, and keep these computations in float32.`,
      },
      full: {
        zh: String.raw`**数值事实。** float32 最大值约 $3.4\times10^{38}$，$\ln(3.4\times10^{38})\approx88.72$，所以 $\ell>88.72$ 时 $e^{\ell}$ 溢出为 $\infty$；float16 最大值 65504，$\ln65504\approx11.09$，混合精度下更容易溢出。另一端，$\ell$ 低于约 $-103.97$（$\ln2^{-150}$，最小次正规数 $1.4\times10^{-45}$ 的一半）时 $e^\ell$ 舍入为 0；$-103.28$ 是最小次正规数本身的对数，在 $-103.97$ 与 $-103.28$ 之间 $e^\ell$ 仍返回这个次正规数；若次正规数被冲刷为零（flush-to-zero，常见于 GPU），阈值约为 $-87.3$（最小正规数的对数）。KL 项 $\tfrac12(e^\ell+\mu^2-1-\ell)$ 一旦含 $\infty$，梯度里出现 $\infty-\infty$ 或 $0\cdot\infty$，就成了 NaN。

**典型链条。** 学习率偏大或某个 batch 异常 → 编码器输出的 $\ell$ 猛增 → KL 飙升 → 溢出 → NaN 传遍所有参数。

**其他常见原因：**

- 编码器直接输出 $\sigma$（线性层，可为负），再算 $\log\sigma$ → 对负数取对数得 NaN；
- 先算 $\sigma^2=e^\ell$ 再算 $\log(\sigma^2)$，下溢后得到 $\log0=-\infty$；
- 重构用 sigmoid 概率算 BCE，饱和时 $\log0$；或目标值不在 $[0,1]$；
- 高斯解码器方差也可学习时，对恒定像素（如 MNIST 边缘全 0）似然无上界，方差趋于 0，损失发散。

**修复：**

- 编码器输出 $\ell$（线性层），KL 写成 $\tfrac12(e^\ell+\mu^2-1-\ell)$，永远不要写 $\log(\exp(\ell))$；
- 标准差用 $e^{0.5\ell}$；必要时截断 $\ell$（例如 tf.clipByValue 到 $[-30,20]$）或用 $\sigma=\mathrm{softplus}(\cdot)+10^{-6}$；
- 重构项用带 logits 的交叉熵；给解码器方差设下界；
- 降低学习率、梯度裁剪；混合精度时让这部分保持 float32；
- 排查时在每步检查 KL、$\max\ell$ 和梯度范数，定位第一次出现 NaN 的那一步（tfjs 的 tf.enableDebugMode() 会逐个检查算子输出，但很慢）。`,
        en: String.raw`**Numerical facts.** The float32 maximum is about $3.4\times10^{38}$ and $\ln(3.4\times10^{38})\approx88.72$, so $e^{\ell}$ overflows to $\infty$ for $\ell>88.72$; the float16 maximum is 65504 and $\ln65504\approx11.09$, so mixed precision overflows far sooner. At the other end $e^\ell$ rounds to 0 below about $\ell=-103.97$ ($\ln2^{-150}$, half the smallest subnormal $1.4\times10^{-45}$); $-103.28$ is the log of the smallest subnormal itself, which exp still returns between $-103.97$ and $-103.28$; where subnormals are flushed to zero (common on GPUs) the threshold is about $-87.3$ (the log of the smallest normal number). Once the KL term $\tfrac12(e^\ell+\mu^2-1-\ell)$ contains $\infty$, the gradient contains $\infty-\infty$ or $0\cdot\infty$, which is NaN.

**Typical chain.** A large learning rate or an odd batch → the encoder's $\ell$ jumps → the KL spikes → overflow → NaN spreads to every parameter.

**Other frequent causes:**

- the encoder outputs $\sigma$ directly (a linear layer, possibly negative) and the code takes $\log\sigma$ → log of a negative number is NaN;
- computing $\sigma^2=e^\ell$ and then $\log(\sigma^2)$, which gives $\log0=-\infty$ after underflow;
- BCE on sigmoid probabilities with $\log0$ when saturated, or targets outside $[0,1]$;
- with a learned Gaussian decoder variance, the likelihood is unbounded on constant pixels (MNIST borders are all 0), the variance goes to 0 and the loss diverges.

**Fixes:**

- the encoder outputs $\ell$ (linear layer) and the KL is written $\tfrac12(e^\ell+\mu^2-1-\ell)$, never $\log(\exp(\ell))$;
- standard deviation $e^{0.5\ell}$; if needed clamp $\ell$ (e.g. tf.clipByValue to $[-30,20]$) or use $\sigma=\mathrm{softplus}(\cdot)+10^{-6}$;
- cross-entropy from logits for the reconstruction; a lower bound on the decoder variance;
- lower learning rate, gradient clipping; keep this part in float32 under mixed precision;
- when debugging, log the KL, $\max\ell$ and the gradient norm every step to find the first NaN step (tfjs's tf.enableDebugMode() checks every kernel's output, but is slow).`,
      },
    },
    references: [R_VAE, R_KERAS_VAE, R_TFJS_API],
    misconceptions: [
      {
        claim: {
          zh: String.raw`让编码器直接输出标准差 $\sigma$ 比输出 $\log\sigma^2$ 更简单也更稳定。`,
          en: String.raw`Having the encoder output the standard deviation $\sigma$ directly is simpler and more stable than outputting $\log\sigma^2$.`,
        },
        correction: {
          zh: String.raw`线性输出的 $\sigma$ 可以为负，$\log\sigma$ 会产生 NaN；输出 $\log\sigma^2$ 无约束、KL 可直接用它写出。若确实要输出 $\sigma$，需用 softplus 加小常数保证为正。`,
          en: String.raw`A linear $\sigma$ can be negative and $\log\sigma$ then gives NaN; $\log\sigma^2$ is unconstrained and the KL can be written directly in terms of it. If you do output $\sigma$, make it positive with softplus plus a small constant.`,
        },
      },
    ],
  },
  // ───────────────────────────── GAN theory, worked through (float64 checks in theory/) ─────────────────────────────
  {
    id: 'gen-optimal-discriminator-numeric',
    topic: 'gan-vae',
    subtopic: 'gan-theory',
    tags: ['optimal-discriminator', 'jensen-shannon', 'value-function', 'numeric'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: String.raw`在四个取值上，$p_{data}=(0.5,0.3,0.2,0)$，$p_g=(0.1,0.3,0.2,0.4)$。求最优判别器 $D^*$、价值 $V(D^*)$ 和 $\mathrm{JSD}(p_{data},p_g)$，并验证 $V(D^*)=-\log4+2\,\mathrm{JSD}$。判别器此时的交叉熵损失是多少？`,
      en: String.raw`On four outcomes, $p_{data}=(0.5,0.3,0.2,0)$ and $p_g=(0.1,0.3,0.2,0.4)$. Find the optimal discriminator $D^*$, the value $V(D^*)$ and $\mathrm{JSD}(p_{data},p_g)$, and check that $V(D^*)=-\log4+2\,\mathrm{JSD}$. What is the discriminator's cross-entropy loss there?`,
    },
    answer: {
      short: {
        zh: String.raw`$D^*=(5/6,\ 1/2,\ 1/2,\ 0)$；$V(D^*)\approx-0.9635$，$\mathrm{JSD}\approx0.2114$，$-\log4+2\times0.2114=-0.9635$，两者一致。判别器损失 $=-V(D^*)\approx0.9635$，低于均衡时的 $\log4\approx1.386$：生成器还没学好。`,
        en: String.raw`$D^*=(5/6,\ 1/2,\ 1/2,\ 0)$; $V(D^*)\approx-0.9635$, $\mathrm{JSD}\approx0.2114$ and $-\log4+2\times0.2114=-0.9635$, in agreement. The discriminator loss is $-V(D^*)\approx0.9635$, below the equilibrium value $\log4\approx1.386$: the generator is not there yet.`,
      },
      full: {
        zh: String.raw`**逐点求 $D^*=p_{data}/(p_{data}+p_g)$：**

| $x$ | $p_{data}$ | $p_g$ | $D^*$ |
|---|---|---|---|
| 1 | 0.5 | 0.1 | $5/6\approx0.833$ |
| 2 | 0.3 | 0.3 | 0.5 |
| 3 | 0.2 | 0.2 | 0.5 |
| 4 | 0 | 0.4 | 0 |

**价值函数** $V=\sum_x p_{data}\log D^*+\sum_x p_g\log(1-D^*)$（$0\cdot\log0=0$）：

- 真实项：$0.5\log\frac56+0.3\log\frac12+0.2\log\frac12=-0.0912-0.3466=-0.4377$；
- 生成项：$0.1\log\frac16+0.3\log\frac12+0.2\log\frac12+0.4\log1=-0.1792-0.3466+0=-0.5258$；
- 合计 $V(D^*)\approx-0.9635$。

**JSD**：$m=(0.3,0.3,0.2,0.2)$，$\mathrm{KL}(p_{data}\|m)=0.5\log\frac{0.5}{0.3}=0.2554$，$\mathrm{KL}(p_g\|m)=0.1\log\frac{0.1}{0.3}+0.4\log\frac{0.4}{0.2}=-0.1099+0.2773=0.1674$，$\mathrm{JSD}=\tfrac12(0.2554+0.1674)=0.2114$。于是 $-\log4+2\,\mathrm{JSD}=-1.3863+0.4228=-0.9635$，与直接计算相同。

**解读：**

- 两分布重合的第 2、3 个点上 $D^*=\tfrac12$，判别器无从分辨；只在第 1 点（数据多）和第 4 点（只有假样本）上有信息。
- 第 4 点 $D^*=0$：$p_g$ 把质量放到了数据没有的地方，判别器在那里可以完全确定。
- 判别器的二元交叉熵就是 $-V$，所以最优损失 $0.9635<\log4$。训练中看到 $D$ 的损失明显低于 $1.386$，说明它还能分辨真假，而不是“训练坏了”。
- 若把 $D$ 固定为处处 $\tfrac12$，$V=-\log4$，比 $V(D^*)$ 低，这正体现了 $D^*$ 是最大值点。`,
        en: String.raw`**Pointwise $D^*=p_{data}/(p_{data}+p_g)$:**

| $x$ | $p_{data}$ | $p_g$ | $D^*$ |
|---|---|---|---|
| 1 | 0.5 | 0.1 | $5/6\approx0.833$ |
| 2 | 0.3 | 0.3 | 0.5 |
| 3 | 0.2 | 0.2 | 0.5 |
| 4 | 0 | 0.4 | 0 |

**Value** $V=\sum_x p_{data}\log D^*+\sum_x p_g\log(1-D^*)$ (with $0\cdot\log0=0$):

- real term: $0.5\log\frac56+0.3\log\frac12+0.2\log\frac12=-0.0912-0.3466=-0.4377$;
- fake term: $0.1\log\frac16+0.3\log\frac12+0.2\log\frac12+0.4\log1=-0.1792-0.3466+0=-0.5258$;
- total $V(D^*)\approx-0.9635$.

**JSD:** $m=(0.3,0.3,0.2,0.2)$, $\mathrm{KL}(p_{data}\|m)=0.5\log\frac{0.5}{0.3}=0.2554$, $\mathrm{KL}(p_g\|m)=0.1\log\frac{0.1}{0.3}+0.4\log\frac{0.4}{0.2}=-0.1099+0.2773=0.1674$, so $\mathrm{JSD}=\tfrac12(0.2554+0.1674)=0.2114$ and $-\log4+2\,\mathrm{JSD}=-1.3863+0.4228=-0.9635$, the same as the direct computation.

**Reading it:**

- Where the distributions agree (outcomes 2 and 3) $D^*=\tfrac12$: nothing to tell apart. Only outcome 1 (more data) and outcome 4 (fakes only) carry information.
- At outcome 4 $D^*=0$: $p_g$ puts mass where the data has none, and the discriminator is certain there.
- The discriminator's binary cross-entropy is $-V$, so its best loss is $0.9635<\log4$. A $D$ loss well below 1.386 during training means $D$ can still tell real from fake, not that training is broken.
- Fixing $D\equiv\tfrac12$ gives $V=-\log4$, lower than $V(D^*)$, as it must be at the maximizer.`,
      },
    },
    references: [R_GAN, R_GAN_TUTORIAL],
    verification: [V_T_OPT_D, V_T_GAN_VALUE, V_T_JSD],
  },
  {
    id: 'gen-jsd-saturation',
    topic: 'gan-vae',
    subtopic: 'gan-theory',
    tags: ['jensen-shannon', 'wasserstein', 'vanishing-gradient', 'disjoint-supports'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`真实分布为 $U[0,1]$，生成分布为 $U[\theta,\theta+1]$（$\theta\ge0$）。把 $\mathrm{JSD}$、最优判别器下的 GAN 价值 $C(\theta)$ 和 $W_1$ 写成 $\theta$ 的函数，分别在 $\theta=0.5$ 和 $\theta=2$ 处求值和梯度。这说明了什么？`,
      en: String.raw`The data are $U[0,1]$ and the generator produces $U[\theta,\theta+1]$ ($\theta\ge0$). Write the JSD, the GAN value at the optimal discriminator $C(\theta)$ and $W_1$ as functions of $\theta$, and evaluate them and their gradients at $\theta=0.5$ and $\theta=2$. What does this show?`,
    },
    answer: {
      short: {
        zh: String.raw`$\mathrm{JSD}=\min(\theta,1)\log2$，$C=-\log4+2\,\mathrm{JSD}$，$W_1=\theta$。$\theta=0.5$：$\mathrm{JSD}=0.347$，$C=-0.693$，$dC/d\theta=2\log2\approx1.386$；$\theta=2$：$\mathrm{JSD}=\log2$，$C=0$，梯度为 0，而 $W_1=2$ 的梯度仍是 1。支撑集一旦不相交，JSD 就饱和在 $\log2$，生成器失去梯度。`,
        en: String.raw`$\mathrm{JSD}=\min(\theta,1)\log2$, $C=-\log4+2\,\mathrm{JSD}$, $W_1=\theta$. At $\theta=0.5$: $\mathrm{JSD}=0.347$, $C=-0.693$, $dC/d\theta=2\log2\approx1.386$; at $\theta=2$: $\mathrm{JSD}=\log2$, $C=0$ with zero gradient, while $W_1=2$ still has gradient 1. Once the supports are disjoint the JSD saturates at $\log2$ and the generator loses its gradient.`,
      },
      full: {
        zh: String.raw`**JSD。** 设 $0\le\theta\le1$。重叠区 $[\theta,1]$ 上两个密度都是 1，$m=1$，$\log(p/m)=0$，不贡献；只有真实分布的 $[0,\theta)$ 和生成分布的 $(1,1+\theta]$ 不重叠，那里 $p=1$、$m=\tfrac12$，每边贡献 $\theta\log2$。于是
$$\mathrm{JSD}=\tfrac12(\theta\log2+\theta\log2)=\theta\log2\quad(0\le\theta\le1),$$
$\theta\ge1$ 时支撑集不相交，$\mathrm{JSD}=\log2$ 恒定。

**最优判别器下的价值。** $C(\theta)=-\log4+2\,\mathrm{JSD}=(2\min(\theta,1)-2)\log2$。

- $\theta=0.5$：$\mathrm{JSD}=0.5\log2\approx0.347$，$C=-\log2\approx-0.693$，$dC/d\theta=2\log2\approx1.386$，生成器有明确的下降方向（减小 $\theta$）。
- $\theta=2$：$\mathrm{JSD}=\log2\approx0.693$，$C=0$，$dC/d\theta=0$。判别器可以完美分开两者，生成器往哪边挪一点价值都不变。

**Wasserstein-1。** 把每个点平移 $\theta$ 就是最优搬运，$W_1=\theta$，在 $\theta=0.5$ 和 $\theta=2$ 的梯度都是 1，永远指向数据。

**结论。** 在一维、重叠较大时 JSD 仍有梯度，问题出在支撑集分离之后：高维图像分布集中在低维流形上，随机初始化的生成器与数据几乎必然不重叠（Arjovsky & Bottou，2017），JSD 处处饱和，“最优判别器”反而让 $G$ 学不到东西。对策：非饱和损失（至少梯度不为零）、实例噪声（让支撑集重叠）、或换成随距离连续变化的 $W_1$（WGAN）。`,
        en: String.raw`**JSD.** Take $0\le\theta\le1$. On the overlap $[\theta,1]$ both densities are 1, so $m=1$ and $\log(p/m)=0$: no contribution. Only the data's $[0,\theta)$ and the generator's $(1,1+\theta]$ do not overlap; there $p=1$ and $m=\tfrac12$, so each side contributes $\theta\log2$:
$$\mathrm{JSD}=\tfrac12(\theta\log2+\theta\log2)=\theta\log2\quad(0\le\theta\le1),$$
and for $\theta\ge1$ the supports are disjoint and $\mathrm{JSD}=\log2$, constant.

**Value at the optimal discriminator.** $C(\theta)=-\log4+2\,\mathrm{JSD}=(2\min(\theta,1)-2)\log2$.

- $\theta=0.5$: $\mathrm{JSD}=0.5\log2\approx0.347$, $C=-\log2\approx-0.693$, $dC/d\theta=2\log2\approx1.386$: a clear descent direction (decrease $\theta$).
- $\theta=2$: $\mathrm{JSD}=\log2\approx0.693$, $C=0$, $dC/d\theta=0$. The discriminator separates the two perfectly, and moving the generator a little changes nothing.

**Wasserstein-1.** Shifting every point by $\theta$ is the optimal transport, so $W_1=\theta$, with gradient 1 at both $\theta=0.5$ and $\theta=2$, always pointing toward the data.

**Conclusion.** In 1-D with a large overlap the JSD still has a gradient; the trouble starts once the supports separate. High-dimensional image distributions concentrate on low-dimensional manifolds, so a randomly initialized generator almost surely does not overlap the data (Arjovsky & Bottou, 2017): the JSD is saturated everywhere and an *optimal* discriminator teaches $G$ nothing. Remedies: the non-saturating loss (at least the gradient is not zero), instance noise (make the supports overlap), or $W_1$, which changes continuously with distance (WGAN).`,
      },
    },
    references: [R_PRINCIPLED, R_WGAN, R_GAN],
    verification: [V_T_JSD, V_T_W1],
  },
  {
    id: 'gen-non-saturating-optimal-gradient',
    topic: 'gan-vae',
    subtopic: 'gan-theory',
    tags: ['non-saturating', 'reverse-kl', 'mode-collapse', 'derivation'],
    kind: 'derivation',
    difficulty: 5,
    prompt: {
      zh: String.raw`固定最优判别器 $D_0^*=p_{data}/(p_{data}+p_{g_0})$，证明：在 $\theta=\theta_0$ 处，非饱和生成器损失 $\mathbb E_{x\sim p_{g_\theta}}[-\log D_0^*(x)]$ 的梯度等于 $\nabla_\theta\big[\mathrm{KL}(p_{g_\theta}\|p_{data})-2\,\mathrm{JSD}(p_{g_\theta},p_{data})\big]$，而极小极大损失 $\mathbb E[\log(1-D_0^*)]$ 的梯度等于 $\nabla_\theta\,2\,\mathrm{JSD}$。这两项各意味着什么？`,
      en: String.raw`Hold the optimal discriminator $D_0^*=p_{data}/(p_{data}+p_{g_0})$ fixed. Show that at $\theta=\theta_0$ the gradient of the non-saturating generator loss $\mathbb E_{x\sim p_{g_\theta}}[-\log D_0^*(x)]$ equals $\nabla_\theta\big[\mathrm{KL}(p_{g_\theta}\|p_{data})-2\,\mathrm{JSD}(p_{g_\theta},p_{data})\big]$, while the minimax loss $\mathbb E[\log(1-D_0^*)]$ has gradient $\nabla_\theta\,2\,\mathrm{JSD}$. What do the two terms mean?`,
    },
    answer: {
      short: {
        zh: String.raw`记 $g=p_{g_\theta}$、$r=p_{data}$。$\nabla\mathrm{KL}(g\|r)=\int\nabla g\,\log\frac gr$，$\nabla\,2\mathrm{JSD}=\int\nabla g\,\log\frac{g}{g+r}$（$\int\nabla g=0$ 消去常数）；两者相减得 $\int\nabla g\,\log\frac{g+r}{r}=\int\nabla g\,(-\log D_0^*)$。反向 KL 项惩罚“在数据外放质量”，却几乎不惩罚漏掉模式；$-2\mathrm{JSD}$ 的符号是把分布推开。两者合起来解释了模式崩溃和不稳定。`,
        en: String.raw`Write $g=p_{g_\theta}$, $r=p_{data}$. $\nabla\mathrm{KL}(g\|r)=\int\nabla g\,\log\frac gr$ and $\nabla\,2\mathrm{JSD}=\int\nabla g\,\log\frac{g}{g+r}$ (constants vanish because $\int\nabla g=0$); subtracting gives $\int\nabla g\,\log\frac{g+r}{r}=\int\nabla g\,(-\log D_0^*)$. The reverse-KL term punishes mass outside the data but barely punishes missing modes, and $-2\,\mathrm{JSD}$ has the sign that pushes the distributions apart; together they explain mode collapse and instability.`,
      },
      full: {
        zh: String.raw`这是 Arjovsky & Bottou（2017）定理 2.5 的离散版。记 $g=p_{g_\theta}$、$g_0=p_{g_{\theta_0}}$、$r=p_{data}$，求和（或积分）对 $x$ 进行，并用到 $\sum_x\nabla_\theta g(x)=\nabla_\theta 1=0$。

**非饱和损失。** $D_0^*$ 固定，只有 $g$ 依赖 $\theta$：
$$\nabla_\theta\,\mathbb E_g[-\log D_0^*]=\sum_x\nabla g(x)\,\log\frac{g_0(x)+r(x)}{r(x)}.$$

**反向 KL。** $\nabla\sum g\log\frac gr=\sum\nabla g\,\big(\log\frac gr+1\big)=\sum\nabla g\,\log\frac{g_0}{r}$（在 $\theta_0$ 处，常数 1 被 $\sum\nabla g=0$ 消去）。

**JSD。** $2\,\mathrm{JSD}=\sum g\log\frac{2g}{g+r}+\sum r\log\frac{2r}{g+r}$。对 $g(x)$ 求偏导：$\log\frac{2g}{g+r}+1-\frac{g}{g+r}-\frac{r}{g+r}=\log\frac{2g}{g+r}$，所以 $\nabla\,2\mathrm{JSD}=\sum\nabla g\,\log\frac{g_0}{g_0+r}$（$\log2$ 同样被消去）。

**相减：**
$$\nabla\big[\mathrm{KL}(g\|r)-2\mathrm{JSD}\big]=\sum\nabla g\Big[\log\frac{g_0}{r}-\log\frac{g_0}{g_0+r}\Big]=\sum\nabla g\,\log\frac{g_0+r}{r},$$
正是非饱和损失的梯度。同理，极小极大损失 $\mathbb E_g[\log(1-D_0^*)]=\sum g\log\frac{g_0}{g_0+r}$ 的梯度就是 $\nabla\,2\mathrm{JSD}$——与“最小化 JSD”的经典结论一致。

**含义。**

- **$\mathrm{KL}(p_g\|p_{data})$（反向 KL）**：在 $p_{data}\approx0$ 而 $p_g>0$ 处代价趋于无穷（生成假样本要重罚），但在 $p_{data}>0$ 而 $p_g\approx0$ 处代价趋于 0（漏掉一个模式几乎免费）。所以生成器倾向于把质量集中在少数几个“安全”的模式上：模式崩溃。
- **$-2\,\mathrm{JSD}$**：生成器在**最大化** JSD，方向与目标相反；两项的相对大小随训练变化，梯度方向不稳定。
- 这解释了为什么非饱和损失虽然解决了梯度消失，却带来了模式崩溃和不稳定；也是改用 Wasserstein 距离等其他度量的理论动机之一。

本题的等式可以直接数值验证：把 $p_{g_\theta}=\mathrm{softmax}(\theta)$，冻结 $D_0^*$，用有限差分比较两边。`,
        en: String.raw`This is the discrete form of Theorem 2.5 of Arjovsky & Bottou (2017). Write $g=p_{g_\theta}$, $g_0=p_{g_{\theta_0}}$, $r=p_{data}$; sums (or integrals) run over $x$, and $\sum_x\nabla_\theta g(x)=\nabla_\theta 1=0$.

**Non-saturating loss.** $D_0^*$ is fixed, so only $g$ depends on $\theta$:
$$\nabla_\theta\,\mathbb E_g[-\log D_0^*]=\sum_x\nabla g(x)\,\log\frac{g_0(x)+r(x)}{r(x)}.$$

**Reverse KL.** $\nabla\sum g\log\frac gr=\sum\nabla g\,\big(\log\frac gr+1\big)=\sum\nabla g\,\log\frac{g_0}{r}$ at $\theta_0$ (the constant 1 drops out because $\sum\nabla g=0$).

**JSD.** $2\,\mathrm{JSD}=\sum g\log\frac{2g}{g+r}+\sum r\log\frac{2r}{g+r}$. The partial derivative with respect to $g(x)$ is $\log\frac{2g}{g+r}+1-\frac{g}{g+r}-\frac{r}{g+r}=\log\frac{2g}{g+r}$, so $\nabla\,2\mathrm{JSD}=\sum\nabla g\,\log\frac{g_0}{g_0+r}$ (the $\log2$ drops out as well).

**Subtract:**
$$\nabla\big[\mathrm{KL}(g\|r)-2\mathrm{JSD}\big]=\sum\nabla g\Big[\log\frac{g_0}{r}-\log\frac{g_0}{g_0+r}\Big]=\sum\nabla g\,\log\frac{g_0+r}{r},$$
which is the non-saturating gradient. Likewise the minimax loss $\mathbb E_g[\log(1-D_0^*)]=\sum g\log\frac{g_0}{g_0+r}$ has gradient $\nabla\,2\mathrm{JSD}$, the classic "minimize the JSD" result.

**Meaning.**

- **$\mathrm{KL}(p_g\|p_{data})$ (reverse KL)**: the cost blows up where $p_{data}\approx0$ but $p_g>0$ (fake-looking samples are heavily punished) and vanishes where $p_{data}>0$ but $p_g\approx0$ (dropping a mode is almost free). The generator therefore concentrates on a few "safe" modes: mode collapse.
- **$-2\,\mathrm{JSD}$**: the generator is *maximizing* the JSD, the wrong direction; the balance of the two terms shifts during training and the gradient direction is unstable.
- So the non-saturating loss cures vanishing gradients at the price of mode collapse and instability, one theoretical motivation for other distances such as Wasserstein.

The identity can be checked numerically: take $p_{g_\theta}=\mathrm{softmax}(\theta)$, freeze $D_0^*$, and compare both sides with finite differences.`,
      },
    },
    references: [R_PRINCIPLED, R_GAN_TUTORIAL],
    misconceptions: [
      {
        claim: {
          zh: String.raw`非饱和损失只是改善了梯度大小，优化的仍然是同一个 JS 散度。`,
          en: String.raw`The non-saturating loss only fixes the gradient magnitude; it still minimizes the same JS divergence.`,
        },
        correction: {
          zh: String.raw`在最优判别器下，它的梯度是 $\mathrm{KL}(p_g\|p_{data})-2\,\mathrm{JSD}$ 的梯度，与 JSD 不同：反向 KL 偏好丢弃模式，$-2\,\mathrm{JSD}$ 的符号甚至相反。`,
          en: String.raw`Under the optimal discriminator its gradient is that of $\mathrm{KL}(p_g\|p_{data})-2\,\mathrm{JSD}$, not of the JSD: the reverse KL favours dropping modes and the $-2\,\mathrm{JSD}$ term even has the opposite sign.`,
        },
      },
    ],
    verification: [V_T_KL, V_T_JSD, V_T_OPT_D],
  },
  {
    id: 'gen-forward-reverse-kl',
    topic: 'gan-vae',
    subtopic: 'model-comparison',
    tags: ['kl-divergence', 'mode-seeking', 'mode-covering', 'mixture'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: String.raw`用单个高斯 $q=\mathcal N(m,s^2)$ 拟合双峰混合 $p=\tfrac12\mathcal N(-3,1)+\tfrac12\mathcal N(3,1)$。分别最小化前向 $\mathrm{KL}(p\|q)$ 和反向 $\mathrm{KL}(q\|p)$，结果是什么？这和 VAE 的模糊、GAN 的模式崩溃有什么关系？`,
      en: String.raw`Fit a single Gaussian $q=\mathcal N(m,s^2)$ to the two-mode mixture $p=\tfrac12\mathcal N(-3,1)+\tfrac12\mathcal N(3,1)$, once minimizing the forward $\mathrm{KL}(p\|q)$ and once the reverse $\mathrm{KL}(q\|p)$. What do you get, and how does it relate to blurry VAEs and mode-collapsing GANs?`,
    },
    answer: {
      short: {
        zh: String.raw`前向 KL 的最优解是矩匹配 $\mathcal N(0,10)$（$s\approx3.16$），$\mathrm{KL}(p\|q)\approx0.462$，把质量铺在两个峰之间；反向 KL 的最优解贴住一个峰 $\approx\mathcal N(2.98,1.02^2)$，$\mathrm{KL}(q\|p)\approx0.689\approx\log2$，而矩匹配解的反向 KL 是 0.938。前向 KL（最大似然、VAE）覆盖模式、偏模糊；反向 KL 寻找模式，和 GAN 丢模式同源。`,
        en: String.raw`The forward-KL optimum is moment matching, $\mathcal N(0,10)$ ($s\approx3.16$) with $\mathrm{KL}(p\|q)\approx0.462$, spreading mass between the peaks; the reverse-KL optimum locks onto one peak, $\approx\mathcal N(2.98,1.02^2)$ with $\mathrm{KL}(q\|p)\approx0.689\approx\log2$, while the moment-matched fit scores 0.938 there. The forward KL (maximum likelihood, VAEs) covers modes and blurs; the reverse KL seeks modes, like a GAN dropping them.`,
      },
      full: {
        zh: String.raw`**前向 KL：$\min_q\mathrm{KL}(p\|q)=\min_q\,-\mathbb E_p[\log q]+\text{常数}$。** 对高斯 $q$，这就是对 $p$ 的最大似然，解为矩匹配：$m=\mathbb E_p[x]=0$，$s^2=\mathrm{Var}_p(x)=1+3^2=10$。$\mathrm{KL}(p\|q)\approx0.462$。$q$ 的峰值正好落在 $p$ 几乎没有质量的 $x=0$ 处——“覆盖所有模式，代价是在模式之间放质量”。

**反向 KL：$\min_q\mathrm{KL}(q\|p)=\min_q\,\mathbb E_q[\log q-\log p]$。** 只要 $q$ 在 $p\approx0$ 的地方有质量，$-\log p$ 就很大，所以 $q$ 躲进一个峰里：数值优化得到 $m\approx2.98$，$s\approx1.02$，$\mathrm{KL}(q\|p)\approx0.689$。它接近 $\log2\approx0.693$：因为 $p\ge\tfrac12\mathcal N(3,1)$，完美贴住一个峰时反向 KL 正好是 $\log2$（丢掉一半质量的代价只有 $\log2$）。相比之下，矩匹配解的反向 KL 是 0.938；而贴峰解的前向 KL 高达约 7.86，因为另一个峰完全没被覆盖。

**注意。** 模式寻找依赖于模式分得够开：若两个峰只相距 $4\sigma$（$\pm2$），反向 KL 的最优解同样是居中的宽高斯（$s\approx2.05$）。

**联系：**

- VAE、流模型、自回归模型做最大似然，等价于最小化 $\mathrm{KL}(p_{data}\|p_\theta)$，模型容量不足时倾向“铺开”，图像表现为模糊、在模式间插值。
- 非饱和 GAN 在最优判别器下含有 $\mathrm{KL}(p_g\|p_{data})$ 项，偏向反向 KL 的行为：样本锐利，但会丢模式。
- 变分推断里 ELBO 对 $q$ 最小化的是 $\mathrm{KL}(q(z\mid x)\|p(z\mid x))$，同样是反向 KL，所以近似后验往往低估方差、只抓住一个后验模式。`,
        en: String.raw`**Forward KL: $\min_q\mathrm{KL}(p\|q)=\min_q\,-\mathbb E_p[\log q]+\text{const}$.** For a Gaussian $q$ this is maximum likelihood on $p$, solved by moment matching: $m=\mathbb E_p[x]=0$, $s^2=\mathrm{Var}_p(x)=1+3^2=10$, with $\mathrm{KL}(p\|q)\approx0.462$. The peak of $q$ sits at $x=0$, where $p$ has almost no mass: "cover every mode, at the price of mass between them".

**Reverse KL: $\min_q\mathrm{KL}(q\|p)=\min_q\,\mathbb E_q[\log q-\log p]$.** Any mass of $q$ where $p\approx0$ makes $-\log p$ large, so $q$ hides inside one peak: numerical optimization gives $m\approx2.98$, $s\approx1.02$, $\mathrm{KL}(q\|p)\approx0.689$. That is close to $\log2\approx0.693$: since $p\ge\tfrac12\mathcal N(3,1)$, fitting one peak exactly costs exactly $\log2$ (losing half the mass costs only $\log2$). The moment-matched fit scores 0.938 on the reverse KL, and the one-peak fit scores about 7.86 on the forward KL, because the other peak is not covered at all.

**Caveat.** Mode seeking needs well-separated modes: with peaks only $4\sigma$ apart ($\pm2$), the reverse-KL optimum is also a centred wide Gaussian ($s\approx2.05$).

**Connections:**

- VAEs, flows and autoregressive models maximize likelihood, i.e. minimize $\mathrm{KL}(p_{data}\|p_\theta)$; with too little capacity they spread out, which in images looks like blur and interpolation between modes.
- The non-saturating GAN contains a $\mathrm{KL}(p_g\|p_{data})$ term under the optimal discriminator, so it behaves like the reverse KL: sharp samples, dropped modes.
- In variational inference the ELBO minimizes $\mathrm{KL}(q(z\mid x)\|p(z\mid x))$ over $q$, again a reverse KL, so approximate posteriors tend to underestimate variance and capture a single posterior mode.`,
      },
    },
    references: [R_DL_BOOK, R_GAN_TUTORIAL, R_EVAL_NOTE],
    verification: [V_T_KL],
  },
  // ───────────────────────────── Mode collapse and evaluation, with numbers ─────────────────────────────
  {
    id: 'gen-mode-collapse-diagnostics',
    topic: 'gan-vae',
    subtopic: 'evaluation',
    tags: ['mode-collapse', 'inception-score', 'class-coverage', 'fashion-mnist'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`用一个 Fashion-MNIST 分类器（10 类）给 1000 张生成图打分，每张图被判给某一类的概率为 0.91、其余 9 类各 0.01。情形 A：10 个类别均匀出现；情形 B：只出现 3 个类别（模式崩溃）。分别计算 Inception Score 的类比 $\exp(\mathbb E_x\mathrm{KL}(p(y\mid x)\|p(y)))$ 和“置信度 $>0.9$ 的类别覆盖数”。`,
      en: String.raw`A Fashion-MNIST classifier (10 classes) scores 1000 generated images; each image gets probability 0.91 for one class and 0.01 for each of the other nine. Case A: all 10 classes appear equally often; case B: only 3 classes appear (mode collapse). Compute the Inception-Score analogue $\exp(\mathbb E_x\mathrm{KL}(p(y\mid x)\|p(y)))$ and the class coverage at confidence $>0.9$ for both.`,
    },
    answer: {
      short: {
        zh: String.raw`IS $=\exp(H(p(y))-\mathbb E_xH(p(y\mid x)))$，每张图的熵 $H=0.5003$。A：$H(p(y))=\log10$，IS $=10e^{-0.5003}\approx6.06$，覆盖 10 类；B：$p(y)=(0.31,0.31,0.31,0.01,\dots)$，$H=1.4117$，IS $\approx2.49$，覆盖 3 类。真实测试图在同一分类器上的得分是判断的基准。`,
        en: String.raw`IS $=\exp(H(p(y))-\mathbb E_xH(p(y\mid x)))$ with a per-image entropy $H=0.5003$. A: $H(p(y))=\log10$, IS $=10e^{-0.5003}\approx6.06$, coverage 10; B: $p(y)=(0.31,0.31,0.31,0.01,\dots)$, $H=1.4117$, IS $\approx2.49$, coverage 3. The same scores on real test images are the yardstick.`,
      },
      full: {
        zh: String.raw`**把 IS 写成互信息。** $\mathbb E_x\mathrm{KL}(p(y\mid x)\|p(y))=H(p(y))-\mathbb E_xH(p(y\mid x))=I(x;y)$，所以 $\mathrm{IS}=e^{I(x;y)}\in[1,K]$：每张图越确定（条件熵小）、整体类别越均衡（边缘熵大），分数越高。

**每张图的熵：** $H=-(0.91\log0.91+9\times0.01\log0.01)=0.0858+0.4145=0.5003$。

**情形 A（均衡）：** $p(y)$ 均匀，$H(p(y))=\log10=2.3026$，$\mathrm{IS}=e^{2.3026-0.5003}=10\,e^{-0.5003}\approx6.06$。即使类别完全均衡，分类器不够自信也会拉低分数：上限 10 只在 one-hot 预测时达到。覆盖数：每张图的最大概率 0.91 > 0.9，10 类都出现，覆盖 10。

**情形 B（崩溃到 3 类，各 333 张）：** 前三类的边缘概率 $(0.91+2\times0.01)/3=0.31$，其余 7 类各 0.01。$H(p(y))=-(3\times0.31\log0.31+7\times0.01\log0.01)=1.0893+0.3224=1.4117$，$\mathrm{IS}=e^{1.4117-0.5003}\approx2.49$。覆盖 3。

**怎样用这两个数：**

- 同一个分类器对**真实测试图**也算一遍，作为上限参照；生成模型的 IS 接近真实数据、覆盖 10 类才算好。
- IS 看不到**类内**崩溃（每类只生成同一件衬衫，IS 不变），也不和真实数据比较，所以还要配合 FID 或精度/召回，以及直接看样本网格。
- 覆盖数对阈值敏感：阈值太高会把“不够自信但正确”的样本排除；样本太少时稀有类别可能偶然缺失。`,
        en: String.raw`**IS as mutual information.** $\mathbb E_x\mathrm{KL}(p(y\mid x)\|p(y))=H(p(y))-\mathbb E_xH(p(y\mid x))=I(x;y)$, so $\mathrm{IS}=e^{I(x;y)}\in[1,K]$: the more certain each image (low conditional entropy) and the more balanced the classes (high marginal entropy), the higher the score.

**Per-image entropy:** $H=-(0.91\log0.91+9\times0.01\log0.01)=0.0858+0.4145=0.5003$.

**Case A (balanced):** $p(y)$ is uniform, $H(p(y))=\log10=2.3026$, $\mathrm{IS}=e^{2.3026-0.5003}=10\,e^{-0.5003}\approx6.06$. Even with perfectly balanced classes, a classifier that is not fully confident lowers the score: the maximum of 10 needs one-hot predictions. Coverage: each image's top probability 0.91 exceeds 0.9 and all 10 classes appear, so 10.

**Case B (collapsed to 3 classes, 333 images each):** the three classes get marginal $(0.91+2\times0.01)/3=0.31$ and the other seven 0.01 each. $H(p(y))=-(3\times0.31\log0.31+7\times0.01\log0.01)=1.0893+0.3224=1.4117$, $\mathrm{IS}=e^{1.4117-0.5003}\approx2.49$. Coverage 3.

**How to use the two numbers:**

- Compute both with the same classifier on **real test images** as the reference; a generator is good when its IS approaches the real one and it covers all 10 classes.
- IS cannot see **intra-class** collapse (the same shirt for every "shirt" sample leaves IS unchanged) and never compares with real data, so pair it with FID or precision/recall, and look at sample grids.
- Coverage depends on the threshold: too high excludes correct but less confident samples; with few samples a rare class may be missing by chance.`,
      },
    },
    references: [R_IMPROVED, R_IS_NOTE],
    verification: [V_T_IS, V_T_COVERAGE],
  },
  {
    id: 'gen-mode-collapse-remedies',
    topic: 'gan-vae',
    subtopic: 'gan-training',
    tags: ['minibatch-discrimination', 'unrolled-gan', 'pacgan', 'mode-collapse'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: String.raw`小批量判别（minibatch discrimination）和展开式 GAN（unrolled GAN）分别怎样对抗模式崩溃？具体说明它们改了判别器的输入还是生成器的目标，代价是什么。`,
      en: String.raw`How do minibatch discrimination and unrolled GANs each fight mode collapse? Say precisely whether they change the discriminator's input or the generator's objective, and what they cost.`,
    },
    answer: {
      short: {
        zh: String.raw`小批量判别改的是判别器的输入：让它看到一个样本和同批其他样本的相似度，整批塌缩成一样的图就会被识破（ProGAN 的 minibatch std 层、PacGAN 是简化版）。展开式 GAN 改的是生成器的目标：用判别器再更新 $k$ 步后的参数计算 $G$ 的损失，并对这 $k$ 步求导，让 $G$ 预见 $D$ 的反应；代价约为 $k$ 倍的判别器计算和显存。`,
        en: String.raw`Minibatch discrimination changes the discriminator's input: it sees how similar a sample is to the rest of its batch, so a batch collapsed onto one image is easy to reject (ProGAN's minibatch-std layer and PacGAN are simpler variants). Unrolled GANs change the generator's objective: $G$'s loss is computed with the discriminator after $k$ more updates and differentiated through them, so $G$ anticipates $D$'s response; this costs about $k$ times the discriminator compute and memory.`,
      },
      full: {
        zh: String.raw`**为什么普通 GAN 会崩溃。** 判别器对每个样本**独立**打分，生成器的损失是逐样本的平均，它的最优应对是把所有 $z$ 都送到当前 $D$ 最喜欢的那个点；$D$ 学会拒绝那个点后，$G$ 再整体跳到下一个点——在模式之间来回跳，始终覆盖不全。

**小批量判别（Salimans 等，2016）。** 在判别器的中间特征 $f(x_i)\in\mathbb R^A$ 上乘一个可学习张量得到矩阵 $M_i\in\mathbb R^{B\times C}$，对同批每一对样本计算 $c_b(x_i,x_j)=\exp(-\|M_{i,b}-M_{j,b}\|_{L_1})$，把 $o(x_i)_b=\sum_jc_b(x_i,x_j)$ 拼接到特征上再送入后面的层。真实批次内部多样，生成批次若崩溃，彼此相似度就异常高，判别器一眼识破；生成器为了骗过它必须产生多样的批次。简化版本：ProGAN 的 minibatch standard deviation 层（把批内标准差的均值作为一个额外通道）；PacGAN 把 $m$ 个样本拼在一起让判别器一次判断。代价小，但判别器输出依赖于整个批次，推断时要注意批的构成。

**展开式 GAN（Metz 等，2016）。** 定义 $\phi^0=\phi$，$\phi^{k+1}=\phi^k+\eta\,\nabla_\phi V(\theta,\phi^k)$，生成器最小化 $f_K(\theta,\phi)=V(\theta,\phi^K(\theta,\phi))$，其梯度
$$\frac{df_K}{d\theta}=\frac{\partial V}{\partial\theta}+\frac{\partial V}{\partial\phi^K}\,\frac{d\phi^K}{d\theta}.$$
第二项就是“预见 $D$ 会怎样反击”：如果 $G$ 把所有质量挪到一个点，展开后的 $D$ 会立刻压低那里，$f_K$ 变差，于是这种移动不再划算。$K=0$ 退化为普通 GAN；$K\to\infty$ 趋近真正的 $\min_G\max_D$。判别器自己的更新仍用原来的 $\phi$ 梯度。代价：每个生成器步要做 $K$ 次判别器前后向并保留计算图（二阶导），计算和显存约为 $K$ 倍；论文常用 $K=5\sim10$。

**其他办法**：WGAN/WGAN-GP、谱归一化让判别器提供更平滑的梯度；条件标签、特征匹配；以及先排除“噪声没接上”之类的代码错误。`,
        en: String.raw`**Why plain GANs collapse.** The discriminator scores each sample **independently** and the generator's loss is a per-sample average, so its best response is to send every $z$ to the point the current $D$ likes most; when $D$ learns to reject that point, $G$ jumps wholesale to the next one, hopping between modes without ever covering them all.

**Minibatch discrimination (Salimans et al., 2016).** Multiply an intermediate discriminator feature $f(x_i)\in\mathbb R^A$ by a learned tensor to get $M_i\in\mathbb R^{B\times C}$; for every pair in the batch compute $c_b(x_i,x_j)=\exp(-\|M_{i,b}-M_{j,b}\|_{L_1})$ and append $o(x_i)_b=\sum_jc_b(x_i,x_j)$ to the features fed to later layers. Real batches are diverse; a collapsed fake batch has abnormally high mutual similarity and is easy to reject, so the generator must produce diverse batches to fool $D$. Simpler variants: ProGAN's minibatch standard-deviation layer (the mean within-batch standard deviation as an extra channel) and PacGAN (the discriminator judges $m$ samples packed together). Cheap, but $D$'s output depends on the whole batch, so batch composition matters.

**Unrolled GAN (Metz et al., 2016).** Let $\phi^0=\phi$ and $\phi^{k+1}=\phi^k+\eta\,\nabla_\phi V(\theta,\phi^k)$; the generator minimizes $f_K(\theta,\phi)=V(\theta,\phi^K(\theta,\phi))$, whose gradient is
$$\frac{df_K}{d\theta}=\frac{\partial V}{\partial\theta}+\frac{\partial V}{\partial\phi^K}\,\frac{d\phi^K}{d\theta}.$$
The second term is "anticipate how $D$ will strike back": if $G$ moves all its mass to one point, the unrolled $D$ immediately pushes that point down, $f_K$ gets worse, and the move no longer pays. $K=0$ is the plain GAN; $K\to\infty$ approaches the true $\min_G\max_D$. The discriminator itself still updates with the ordinary gradient. Cost: each generator step runs $K$ discriminator forward/backward passes and keeps their graph (second derivatives), roughly $K$ times the compute and memory; the paper uses $K=5$ to 10.

**Other remedies**: WGAN/WGAN-GP and spectral normalization give smoother discriminator gradients; conditioning on labels, feature matching; and first rule out code bugs such as unconnected noise.`,
      },
    },
    references: [R_IMPROVED, R_UNROLLED, R_PACGAN, R_PROGAN],
  },
  {
    id: 'gen-fid-gaussians',
    topic: 'gan-vae',
    subtopic: 'evaluation',
    tags: ['fid', 'frechet-distance', 'mode-collapse', 'numeric'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`FID 的核心是两个高斯之间的 Fréchet 距离 $\|\mu_1-\mu_2\|^2+\operatorname{tr}(\Sigma_1+\Sigma_2-2(\Sigma_1\Sigma_2)^{1/2})$。在一维特征上，真实特征 $\sim\mathcal N(0,1)$。比较两个生成器：A 的特征 $\sim\mathcal N(0.5,1)$（整体偏移），B 的特征 $\sim\mathcal N(0,0.1^2)$（均值对但塌缩）。哪个 FID 更差？为什么 IS 看不出 B 的问题而 FID 能？`,
      en: String.raw`FID is the Fréchet distance between two Gaussians, $\|\mu_1-\mu_2\|^2+\operatorname{tr}(\Sigma_1+\Sigma_2-2(\Sigma_1\Sigma_2)^{1/2})$. With one-dimensional features, real features are $\mathcal N(0,1)$. Compare generator A with features $\mathcal N(0.5,1)$ (shifted) and generator B with $\mathcal N(0,0.1^2)$ (right mean, collapsed). Which FID is worse? Why can FID see B's problem when IS cannot?`,
    },
    answer: {
      short: {
        zh: String.raw`一维时 FID $=(\mu_1-\mu_2)^2+(\sigma_1-\sigma_2)^2$。A：$0.25+0=0.25$；B：$0+(1-0.1)^2=0.81$，塌缩的 B 更差。FID 比较的是生成特征与**真实特征**的分布，方差塌缩直接体现在协方差项里；IS 只看生成样本的类别预测，不看真实数据，也看不到类内多样性。`,
        en: String.raw`In 1-D, FID $=(\mu_1-\mu_2)^2+(\sigma_1-\sigma_2)^2$. A: $0.25+0=0.25$; B: $0+(1-0.1)^2=0.81$, so the collapsed B is worse. FID compares generated features with **real** features, so a collapsed variance shows up in the covariance term; IS only looks at the class predictions of generated samples, never at real data, and cannot see within-class diversity.`,
      },
      full: {
        zh: String.raw`**一维化简。** $\Sigma=\sigma^2$ 时 $\operatorname{tr}(\Sigma_1+\Sigma_2-2(\Sigma_1\Sigma_2)^{1/2})=\sigma_1^2+\sigma_2^2-2\sigma_1\sigma_2=(\sigma_1-\sigma_2)^2$，所以
$$\mathrm{FID}_{1D}=(\mu_1-\mu_2)^2+(\sigma_1-\sigma_2)^2 .$$
（对角协方差时各维相加；一般情形下它是两个高斯之间的 2-Wasserstein 距离的平方。）

- **A**：$(0-0.5)^2+(1-1)^2=0.25$。
- **B**：$(0-0)^2+(1-0.1)^2=0.81$。

均值完全正确但多样性只剩十分之一的 B，比整体偏移半个标准差的 A 差三倍多：FID 同时惩罚“不像”和“不够多样”。

**为什么 IS 看不到。** IS 只用生成样本的 $p(y\mid x)$：如果 B 的样本恰好分布在各个类别、每张都很清晰，IS 可以很高，尽管每个类别内部都是同一张图。FID 拿生成特征的均值和协方差去和真实特征比，类内多样性不足会让 $\Sigma_g$ 变小，直接进入迹项。

**实践注意：**

- 真实的 FID 用 Inception-v3 的 2048 维池化特征，需要计算矩阵平方根（对称形式 $(\Sigma_1^{1/2}\Sigma_2\Sigma_1^{1/2})^{1/2}$ 数值上更稳）；
- 样本少时协方差估计有偏，FID 偏高，报告时固定样本数（常用 50k）；
- 一个数混合了质量与多样性，要区分两者请配合精度/召回；
- 在 Fashion-MNIST 这类非 ImageNet 数据上，可以用领域内分类器的特征算“FID 类比”，但数值不能和文献中的 FID 直接比较。`,
        en: String.raw`**1-D simplification.** With $\Sigma=\sigma^2$, $\operatorname{tr}(\Sigma_1+\Sigma_2-2(\Sigma_1\Sigma_2)^{1/2})=\sigma_1^2+\sigma_2^2-2\sigma_1\sigma_2=(\sigma_1-\sigma_2)^2$, so
$$\mathrm{FID}_{1D}=(\mu_1-\mu_2)^2+(\sigma_1-\sigma_2)^2 .$$
(Diagonal covariances add up per dimension; in general it is the squared 2-Wasserstein distance between the two Gaussians.)

- **A**: $(0-0.5)^2+(1-1)^2=0.25$.
- **B**: $(0-0)^2+(1-0.1)^2=0.81$.

B, with a perfect mean but a tenth of the spread, scores more than three times worse than A, shifted by half a standard deviation: FID punishes both "unlike the data" and "not diverse enough".

**Why IS misses it.** IS uses only $p(y\mid x)$ of generated samples: if B's samples happen to spread over the classes and each is crisp, IS can be high even though every class contains one repeated image. FID compares the mean and covariance of generated features with those of real features; missing within-class diversity shrinks $\Sigma_g$ and enters the trace term directly.

**In practice:**

- real FID uses 2048-d Inception-v3 pool features and needs a matrix square root (the symmetric form $(\Sigma_1^{1/2}\Sigma_2\Sigma_1^{1/2})^{1/2}$ is numerically safer);
- with few samples the covariance estimate is biased and FID reads high, so report it at a fixed sample count (50k is usual);
- one number mixes quality and diversity; use precision/recall to separate them;
- on non-ImageNet data such as Fashion-MNIST an "FID analogue" on an in-domain classifier's features is fine, but its values are not comparable with published FIDs.`,
      },
    },
    references: [R_FID, R_IS_NOTE, R_PR],
    verification: [V_T_FID],
  },
  {
    id: 'gen-precision-recall-knn',
    topic: 'gan-vae',
    subtopic: 'evaluation',
    tags: ['precision-recall', 'k-nearest-neighbours', 'fidelity', 'coverage'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`解释生成模型的精度/召回（Kynkäänniemi 等，2019，$k$ 近邻流形估计）。一维特征，真实样本 $\{0,1,2,10,11,12\}$，$k=1$。生成器 A 输出 $\{0,0.5,1,1.5\}$；生成器 B 输出 $\{0,1,2,10,11,12,5,6\}$。分别计算精度和召回。`,
      en: String.raw`Explain precision and recall for generative models (Kynkäänniemi et al., 2019, with $k$-nearest-neighbour manifolds). With 1-D features, real samples $\{0,1,2,10,11,12\}$ and $k=1$: generator A outputs $\{0,0.5,1,1.5\}$, generator B outputs $\{0,1,2,10,11,12,5,6\}$. Compute the precision and recall of each.`,
    },
    answer: {
      short: {
        zh: String.raw`每个点的半径取它在本集合内第 $k$ 近邻的距离，流形是这些球的并集。精度 = 生成点落在真实流形内的比例，召回 = 真实点落在生成流形内的比例。A：精度 1、召回 0.5（只覆盖一个模式，典型的模式崩溃）；B：精度 $6/8=0.75$、召回 1（覆盖两个模式，但 5、6 两个点落在模式之间，像“模糊”样本）。`,
        en: String.raw`Each point's radius is the distance to its $k$-th nearest neighbour within its own set, and a manifold is the union of those balls. Precision = share of generated points inside the real manifold; recall = share of real points inside the generated manifold. A: precision 1, recall 0.5 (one mode covered: classic mode collapse); B: precision $6/8=0.75$, recall 1 (both modes covered, but 5 and 6 sit between the modes, like blurry samples).`,
      },
      full: {
        zh: String.raw`**定义。** 在特征空间（图像通常用 VGG-16 或 Inception 特征）里：

- 真实流形 $\Phi_r=\bigcup_i B(r_i,\ \mathrm{NN}_k(r_i))$，$\mathrm{NN}_k$ 是 $r_i$ 到其他真实点中第 $k$ 近者的距离；生成流形同理。
- $\text{precision}=\frac1{|G|}\sum_{g}\mathbb 1[g\in\Phi_r]$：生成样本有多少是“像真的”（保真度）；
- $\text{recall}=\frac1{|R|}\sum_{r}\mathbb 1[r\in\Phi_g]$：真实数据有多少被生成分布覆盖（多样性/覆盖度）。

**真实半径（$k=1$）。** 每个真实点到最近邻都是 1，所以 $\Phi_r=[-1,3]\cup[9,13]$。

**生成器 A：$\{0,0.5,1,1.5\}$。** 全部落在 $[-1,3]$ 内，精度 $=1$。A 自己的半径都是 0.5（相邻点间距 0.5），$\Phi_g=[-0.5,2]$，覆盖真实点 0、1、2，不覆盖 10、11、12，召回 $=3/6=0.5$。

**生成器 B：$\{0,1,2,10,11,12,5,6\}$。** 5、6 不在 $\Phi_r$ 内，精度 $=6/8=0.75$。B 的前六个点与真实点重合，召回 $=1$。

**解读。** 高精度低召回 = 样本逼真但不全（模式崩溃，GAN 的典型问题）；高召回低精度 = 覆盖全但有落在数据之外的坏样本（模式间的“平均”，似然模型过度平滑时的典型问题）。一个 FID 把两者混在一起；精度/召回把它们拆开。注意：$k$ 越大球越大，两个指标都会上升（论文用 $k=3$）；离群点会把球撑得很大，使指标偏乐观。`,
        en: String.raw`**Definition.** In a feature space (VGG-16 or Inception features for images):

- the real manifold $\Phi_r=\bigcup_i B(r_i,\ \mathrm{NN}_k(r_i))$, with $\mathrm{NN}_k$ the distance from $r_i$ to its $k$-th nearest other real point; the generated manifold likewise;
- $\text{precision}=\frac1{|G|}\sum_{g}\mathbb 1[g\in\Phi_r]$: how many generated samples look real (fidelity);
- $\text{recall}=\frac1{|R|}\sum_{r}\mathbb 1[r\in\Phi_g]$: how much of the real data the generator covers (diversity/coverage).

**Real radii ($k=1$).** Every real point is 1 from its nearest neighbour, so $\Phi_r=[-1,3]\cup[9,13]$.

**Generator A: $\{0,0.5,1,1.5\}$.** All inside $[-1,3]$: precision $=1$. A's own radii are all 0.5 (neighbours 0.5 apart), so $\Phi_g=[-0.5,2]$ covers real points 0, 1, 2 but not 10, 11, 12: recall $=3/6=0.5$.

**Generator B: $\{0,1,2,10,11,12,5,6\}$.** 5 and 6 are outside $\Phi_r$: precision $=6/8=0.75$. The first six points coincide with the real ones: recall $=1$.

**Reading.** High precision, low recall = realistic but incomplete (mode collapse, the typical GAN failure); high recall, low precision = everything covered but with samples off the data (averages between modes, typical of over-smoothed likelihood models). A single FID mixes the two; precision/recall separates them. Note: a larger $k$ means larger balls and higher values for both (the paper uses $k=3$), and outliers inflate the balls and make the metrics optimistic.`,
      },
    },
    references: [R_PR, R_FID],
    verification: [V_T_PR],
  },
  // ───────────────────────────── WGAN and Lipschitz constraints ─────────────────────────────
  {
    id: 'gen-kantorovich-rubinstein',
    topic: 'gan-vae',
    subtopic: 'wgan',
    tags: ['wasserstein', 'kantorovich-rubinstein', 'critic', 'duality'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`写出 Wasserstein-1 距离的原始形式和 Kantorovich-Rubinstein 对偶形式。在一维上，对 $x=(0,1,2,3)$ 上的 $p=(0.4,0.1,0.1,0.4)$、$q=(0.1,0.4,0.4,0.1)$ 计算 $W_1$，并构造达到上确界的 1-Lipschitz critic。这对 WGAN 的 critic 意味着什么？`,
      en: String.raw`Write the primal form of the Wasserstein-1 distance and its Kantorovich-Rubinstein dual. In 1-D, compute $W_1$ for $p=(0.4,0.1,0.1,0.4)$ and $q=(0.1,0.4,0.4,0.1)$ on $x=(0,1,2,3)$, and build a 1-Lipschitz critic that attains the supremum. What does this mean for a WGAN critic?`,
    },
    answer: {
      short: {
        zh: String.raw`原始：$W_1=\inf_{\gamma\in\Pi(p,q)}\mathbb E_\gamma|x-y|$；对偶：$W_1=\sup_{\|f\|_L\le1}\mathbb E_pf-\mathbb E_qf$。一维时 $W_1=\int|F_p-F_q|\,dx$：CDF 差为 $0.3,0,-0.3$，$W_1=0.6$。最优 critic 的斜率为 $\operatorname{sign}(F_q-F_p)$，如 $f=(0,-1,-1,0)$，$\mathbb E_pf-\mathbb E_qf=-0.2+0.8=0.6$。WGAN 的 critic 就是在逼近这个 $f$，它的输出差估计 $W_1$，它的斜率给生成器指方向。`,
        en: String.raw`Primal: $W_1=\inf_{\gamma\in\Pi(p,q)}\mathbb E_\gamma|x-y|$; dual: $W_1=\sup_{\|f\|_L\le1}\mathbb E_pf-\mathbb E_qf$. In 1-D, $W_1=\int|F_p-F_q|\,dx$: the CDF gaps are $0.3,0,-0.3$, so $W_1=0.6$. The optimal critic has slope $\operatorname{sign}(F_q-F_p)$, e.g. $f=(0,-1,-1,0)$ with $\mathbb E_pf-\mathbb E_qf=-0.2+0.8=0.6$. A WGAN critic approximates this $f$: its output gap estimates $W_1$ and its slope tells the generator where to move.`,
      },
      full: {
        zh: String.raw`**原始形式（最优传输）。** $\Pi(p,q)$ 是边缘分别为 $p$、$q$ 的联合分布（搬运方案），
$$W_1(p,q)=\inf_{\gamma\in\Pi(p,q)}\mathbb E_{(x,y)\sim\gamma}\|x-y\|,$$
即把一堆土 $p$ 搬成 $q$ 的最小“质量×距离”。

**对偶形式（Kantorovich-Rubinstein）。**
$$W_1(p,q)=\sup_{\|f\|_L\le1}\ \mathbb E_{x\sim p}[f(x)]-\mathbb E_{x\sim q}[f(x)].$$
“$\ge$”方向很直观：对任意搬运方案和任意 1-Lipschitz 的 $f$，$\mathbb E_pf-\mathbb E_qf=\mathbb E_\gamma[f(x)-f(y)]\le\mathbb E_\gamma|x-y|$；强对偶（等号）由线性规划对偶给出。

**一维计算。** 一维时 $W_1=\int|F_p(x)-F_q(x)|\,dx$。$F_p=(0.4,0.5,0.6,1)$，$F_q=(0.1,0.5,0.9,1)$，三个区间长度都是 1：
$$W_1=|0.3|\cdot1+|0|\cdot1+|-0.3|\cdot1=0.6 .$$
搬运解释：把 $p$ 两端多出的 0.3 各搬 1 格到中间。

**最优 critic。** 分部积分 $\mathbb E_pf-\mathbb E_qf=-\int f'(x)(F_p-F_q)\,dx$，在 $|f'|\le1$ 的约束下取 $f'=\operatorname{sign}(F_q-F_p)$：在 $[0,1]$ 上为 $-1$，$[1,2]$ 上任意（CDF 相等），$[2,3]$ 上为 $+1$。取 $f=(0,-1,-1,0)$：$\mathbb E_pf=-0.1-0.1=-0.2$，$\mathbb E_qf=-0.4-0.4=-0.8$，差为 $0.6=W_1$。任何其他 1-Lipschitz 函数给出的差都不超过 0.6。

**对 WGAN 的意义。**

- critic 不输出概率，输出的是这个 $f$ 的近似，$\mathbb E_{data}f-\mathbb E_{G}f$ 是 $W_1$ 的估计，因此可以作为有意义的训练曲线；
- 生成器的梯度 $-\mathbb E_z[\nabla_\theta f(G_\theta(z))]$ 由 $f$ 的斜率给出；最优 $f$ 的斜率几乎处处为 $\pm1$，即使支撑集不相交也不会消失；
- 约束必须是 1-Lipschitz（或某个固定的 $K$）：不加约束时上确界是 $+\infty$。这就是权重裁剪、梯度惩罚、谱归一化要做的事。`,
        en: String.raw`**Primal (optimal transport).** With $\Pi(p,q)$ the joint distributions with marginals $p$ and $q$ (transport plans),
$$W_1(p,q)=\inf_{\gamma\in\Pi(p,q)}\mathbb E_{(x,y)\sim\gamma}\|x-y\|,$$
the least "mass × distance" needed to turn the pile $p$ into $q$.

**Dual (Kantorovich-Rubinstein).**
$$W_1(p,q)=\sup_{\|f\|_L\le1}\ \mathbb E_{x\sim p}[f(x)]-\mathbb E_{x\sim q}[f(x)].$$
The "$\ge$" direction is easy: for any plan and any 1-Lipschitz $f$, $\mathbb E_pf-\mathbb E_qf=\mathbb E_\gamma[f(x)-f(y)]\le\mathbb E_\gamma|x-y|$; equality (strong duality) comes from linear-programming duality.

**1-D computation.** In 1-D, $W_1=\int|F_p(x)-F_q(x)|\,dx$. $F_p=(0.4,0.5,0.6,1)$ and $F_q=(0.1,0.5,0.9,1)$, with three intervals of length 1:
$$W_1=|0.3|\cdot1+|0|\cdot1+|-0.3|\cdot1=0.6 .$$
As transport: move the extra 0.3 at each end of $p$ one step toward the middle.

**Optimal critic.** Integration by parts gives $\mathbb E_pf-\mathbb E_qf=-\int f'(x)(F_p-F_q)\,dx$; under $|f'|\le1$ take $f'=\operatorname{sign}(F_q-F_p)$: $-1$ on $[0,1]$, anything on $[1,2]$ (equal CDFs), $+1$ on $[2,3]$. With $f=(0,-1,-1,0)$: $\mathbb E_pf=-0.1-0.1=-0.2$, $\mathbb E_qf=-0.4-0.4=-0.8$, a gap of $0.6=W_1$. No other 1-Lipschitz function does better.

**What it means for WGAN.**

- The critic outputs no probability but an approximation of this $f$; $\mathbb E_{data}f-\mathbb E_{G}f$ estimates $W_1$ and is a meaningful training curve.
- The generator's gradient $-\mathbb E_z[\nabla_\theta f(G_\theta(z))]$ comes from the slope of $f$; the optimal $f$ has slope $\pm1$ almost everywhere, which does not vanish even for disjoint supports.
- The constraint must be 1-Lipschitz (or some fixed $K$): without it the supremum is $+\infty$. Weight clipping, gradient penalties and spectral normalization exist to enforce it.`,
      },
    },
    references: [R_WGAN, R_VILLANI, R_WGAN_GP],
    verification: [V_T_W1],
  },
  {
    id: 'gen-lipschitz-three-ways',
    topic: 'gan-vae',
    subtopic: 'wgan',
    tags: ['lipschitz', 'weight-clipping', 'gradient-penalty', 'spectral-normalization'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: String.raw`一个两层 critic $f(x)=W_2\,\mathrm{ReLU}(W_1x)$，$W_1=\begin{pmatrix}2&1\\1&2\end{pmatrix}$，$W_2=(1,\,-1)$。(1) 给出 $f$ 的 Lipschitz 常数上界，以及谱归一化后的上界；(2) 把所有权重裁剪到 $[-0.01,0.01]$，一个 $m\times n$ 层的谱范数最大是多少？(3) 对线性 critic $f(x)=w^\top x$，$w=(3,4)$，计算 $\lambda=10$ 的梯度惩罚。比较三种做法。`,
      en: String.raw`A two-layer critic $f(x)=W_2\,\mathrm{ReLU}(W_1x)$ with $W_1=\begin{pmatrix}2&1\\1&2\end{pmatrix}$ and $W_2=(1,\,-1)$. (1) Bound the Lipschitz constant of $f$, before and after spectral normalization. (2) If every weight is clipped to $[-0.01,0.01]$, what is the largest spectral norm an $m\times n$ layer can have? (3) For a linear critic $f(x)=w^\top x$ with $w=(3,4)$, compute the gradient penalty with $\lambda=10$. Compare the three approaches.`,
    },
    answer: {
      short: {
        zh: String.raw`(1) $\sigma(W_1)=3$，$\sigma(W_2)=\sqrt2$，ReLU 是 1-Lipschitz，所以 $\mathrm{Lip}(f)\le3\sqrt2\approx4.243$；谱归一化后 $\le1$。(2) $\sigma\le\|W\|_F\le c\sqrt{mn}$，全为 $c$ 的矩阵取到等号（$2\times2$ 时 0.02）。(3) $\nabla f=w$，$\|w\|=5$，惩罚 $=10\,(5-1)^2=160$。裁剪是粗糙的硬约束，梯度惩罚是采样点上的软约束，谱归一化是逐层的全局上界。`,
        en: String.raw`(1) $\sigma(W_1)=3$, $\sigma(W_2)=\sqrt2$ and ReLU is 1-Lipschitz, so $\mathrm{Lip}(f)\le3\sqrt2\approx4.243$; after spectral normalization $\le1$. (2) $\sigma\le\|W\|_F\le c\sqrt{mn}$, with equality for the all-$c$ matrix (0.02 for $2\times2$). (3) $\nabla f=w$, $\|w\|=5$, penalty $=10\,(5-1)^2=160$. Clipping is a crude hard constraint, the gradient penalty a soft one at sampled points, spectral normalization a per-layer global bound.`,
      },
      full: {
        zh: String.raw`**(1) 谱范数与复合。** $W_1$ 对称，特征值 3 和 1，所以 $\sigma_{\max}(W_1)=3$；$W_2$ 是行向量，$\sigma=\|W_2\|_2=\sqrt2$。线性层的 Lipschitz 常数是谱范数，复合函数的常数不超过各层之积，ReLU 为 1-Lipschitz：
$$\mathrm{Lip}(f)\le\sigma(W_2)\cdot1\cdot\sigma(W_1)=3\sqrt2\approx4.243 .$$
这是上界，真实常数可能更小（ReLU 会截掉一部分方向）。谱归一化用 $W_1/3$、$W_2/\sqrt2$，上界变为 1。实践中 $\sigma$ 用每步一次的幂迭代估计（从 $u=(1,0)$ 出发：2.864、2.998、3.000）。

**(2) 权重裁剪。** 每个元素 $|w_{ij}|\le c$ 时 $\sigma(W)\le\|W\|_F\le c\sqrt{mn}$；全为 $c$ 的矩阵是秩 1 的 $c\,\mathbf 1\mathbf 1^\top$，谱范数正好 $c\sqrt{mn}$。$c=0.01$ 的 $2\times2$ 层最多 0.02，$4\times9$ 层最多 0.06。问题：真正的约束常数依赖于层的形状，不是 1；权重大量被推到 $\pm c$ 边界，critic 退化为很简单的函数；$c$ 稍大梯度爆炸，稍小梯度消失（WGAN 论文自己称之为“糟糕的做法”）。

**(3) 梯度惩罚。** WGAN-GP 在真、假样本的随机插值点 $\hat x$ 上加 $\lambda(\|\nabla_{\hat x}f(\hat x)\|_2-1)^2$。线性 critic 的梯度处处为 $w$，$\|w\|=5$：惩罚 $=10\times(5-1)^2=160$，推动 $\|w\|$ 回到 1。它是软约束，只在采样到的点上成立，需要对梯度再求梯度（二次反向传播），且 critic 中不能用批归一化（逐样本梯度会依赖整批）。

**比较：**

| 方法 | 约束类型 | 代价 | 常见问题 |
|---|---|---|---|
| 权重裁剪 | 硬约束，常数未知 | 几乎为零 | 表达力差，梯度爆炸/消失 |
| 梯度惩罚 | 软约束，只在插值点 | 二次反向传播 | 不能配 BN，只约束局部 |
| 谱归一化 | 逐层上界，全局成立 | 每层两次矩阵-向量乘 | 上界可能过松（过度约束） |`,
        en: String.raw`**(1) Spectral norms and composition.** $W_1$ is symmetric with eigenvalues 3 and 1, so $\sigma_{\max}(W_1)=3$; $W_2$ is a row vector with $\sigma=\|W_2\|_2=\sqrt2$. A linear layer's Lipschitz constant is its spectral norm, a composition's is at most the product, and ReLU is 1-Lipschitz:
$$\mathrm{Lip}(f)\le\sigma(W_2)\cdot1\cdot\sigma(W_1)=3\sqrt2\approx4.243 .$$
This is an upper bound; the true constant can be smaller (ReLU cuts off some directions). Spectral normalization uses $W_1/3$ and $W_2/\sqrt2$, bringing the bound to 1. In practice $\sigma$ comes from one power-iteration step per training step (from $u=(1,0)$: 2.864, 2.998, 3.000).

**(2) Weight clipping.** With $|w_{ij}|\le c$, $\sigma(W)\le\|W\|_F\le c\sqrt{mn}$; the all-$c$ matrix is the rank-1 $c\,\mathbf 1\mathbf 1^\top$ with spectral norm exactly $c\sqrt{mn}$. A $2\times2$ layer with $c=0.01$ is at most 0.02, a $4\times9$ layer at most 0.06. Problems: the actual constant depends on layer shapes, not 1; many weights are pushed to the $\pm c$ boundary and the critic degenerates to very simple functions; a slightly larger $c$ explodes gradients, a slightly smaller one makes them vanish (the WGAN paper itself calls it "a clearly terrible way" to enforce the constraint).

**(3) Gradient penalty.** WGAN-GP adds $\lambda(\|\nabla_{\hat x}f(\hat x)\|_2-1)^2$ at random interpolates $\hat x$ of real and fake samples. A linear critic's gradient is $w$ everywhere with $\|w\|=5$: penalty $=10\times(5-1)^2=160$, pulling $\|w\|$ back to 1. It is a soft constraint that holds only at sampled points, needs the gradient of a gradient (double backward), and rules out batch norm in the critic (per-sample gradients would depend on the whole batch).

**Comparison:**

| Method | Constraint | Cost | Typical problem |
|---|---|---|---|
| Weight clipping | hard, unknown constant | almost none | poor capacity, exploding/vanishing gradients |
| Gradient penalty | soft, at interpolates only | double backward | no batch norm, only local |
| Spectral normalization | per-layer bound, global | two matrix-vector products per layer | the bound can be loose (over-constrains) |`,
      },
    },
    references: [R_WGAN, R_WGAN_GP, R_SNGAN],
    verification: [V_T_SPECTRAL],
  },
  {
    id: 'gen-debug-wgan-critic',
    topic: 'gan-vae',
    subtopic: 'gan-debugging',
    tags: ['debugging', 'wgan', 'critic', 'lipschitz'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`你把一个 DCGAN 改成 WGAN：去掉判别器的 sigmoid，损失换成 $\mathbb E f(G(z))-\mathbb E f(x)$。几百步后 critic 的输出达到 $10^5$ 量级，critic 损失一路下降到 $-10^6$，样本毫无改善。可能哪里错了？`,
      en: String.raw`You turned a DCGAN into a WGAN: removed the discriminator's sigmoid and switched to the loss $\mathbb E f(G(z))-\mathbb E f(x)$. After a few hundred steps the critic outputs are around $10^5$, the critic loss keeps falling toward $-10^6$, and samples do not improve. What went wrong?`,
    },
    answer: {
      short: {
        zh: String.raw`最可能是没有约束 Lipschitz：对偶问题的上确界在无约束时是 $+\infty$，critic 只要把权重放大就能让损失无限下降。要加梯度惩罚（$\lambda=10$，critic 里去掉 BN）、谱归一化或权重裁剪。其次检查符号（critic 最大化 $\mathbb E f(x)-\mathbb E f(G(z))$，生成器最小化 $-\mathbb E f(G(z))$）、优化器设置和 critic/生成器步数比。`,
        en: String.raw`Most likely there is no Lipschitz constraint: without one the dual's supremum is $+\infty$, and the critic lowers its loss forever by scaling up its weights. Add a gradient penalty ($\lambda=10$, no batch norm in the critic), spectral normalization or weight clipping. Then check the signs (the critic maximizes $\mathbb E f(x)-\mathbb E f(G(z))$, the generator minimizes $-\mathbb E f(G(z))$), the optimizer settings and the critic/generator step ratio.`,
      },
      full: {
        zh: String.raw`**症状对应的原因：**

1. **缺少 Lipschitz 约束（最常见）。** WGAN 的 critic 损失只有在 $f$ 是 1-Lipschitz 时才估计 $W_1$。没有约束时，若 $f$ 能区分真假，把 $f$ 乘以 10 损失就变成 10 倍，critic 会无限放大输出——正是“输出 $10^5$、损失 $-10^6$”。生成器拿到的梯度同样被放大到失控。修复：WGAN-GP（插值点上的梯度惩罚 $\lambda(\|\nabla f\|-1)^2$，$\lambda=10$）、谱归一化，或至少按原论文做权重裁剪（$c=0.01$）。
2. **用了梯度惩罚但 critic 里还有批归一化。** BN 让每个样本的输出依赖整批，逐样本梯度惩罚失去意义，训练常常不稳定。用层归一化或不做归一化。
3. **符号或标签错误。** 比如沿用了 GAN 的“真=1、假=0”交叉熵，或者生成器损失写成 $+\mathbb E f(G(z))$；这时两方朝同一方向推，数值发散。检查：critic 最大化 $\mathbb E f(x)-\mathbb E f(G(z))$（即最小化其相反数），生成器最小化 $-\mathbb E f(G(z))$。
4. **优化器。** 权重裁剪配带动量的优化器容易不稳定（原论文用 RMSProp，学习率 $5\times10^{-5}$）；WGAN-GP 用 Adam（$10^{-4}$，$\beta_1=0$，$\beta_2=0.9$）。
5. **步数比。** 每个生成器步配 5 个 critic 步；critic 训练不足时 $W_1$ 估计不准，生成器梯度方向也不对。

**健康的样子。** critic 输出量级保持在个位数到几十；$\mathbb E f(x)-\mathbb E f(G(z))$（$W_1$ 估计）随训练总体下降并与样本质量相关；梯度惩罚项保持较小；critic 损失为负是正常的，不代表出错。`,
        en: String.raw`**Causes that fit the symptoms:**

1. **No Lipschitz constraint (the usual one).** The critic loss estimates $W_1$ only if $f$ is 1-Lipschitz. Without a constraint, once $f$ separates real from fake, multiplying $f$ by 10 makes the loss 10 times larger, so the critic scales its outputs without bound — exactly "outputs of $10^5$, loss of $-10^6$" — and the generator's gradients blow up with it. Fix: WGAN-GP (penalty $\lambda(\|\nabla f\|-1)^2$ at interpolates, $\lambda=10$), spectral normalization, or at least the paper's weight clipping ($c=0.01$).
2. **A gradient penalty with batch norm still in the critic.** BN makes each sample's output depend on the batch, the per-sample penalty loses its meaning and training is often unstable. Use layer norm or no normalization.
3. **Wrong signs or labels.** E.g. the GAN's "real = 1, fake = 0" cross-entropy kept around, or the generator loss written as $+\mathbb E f(G(z))$; both players then push the same way and the numbers diverge. Check: the critic maximizes $\mathbb E f(x)-\mathbb E f(G(z))$ (minimizes its negative), the generator minimizes $-\mathbb E f(G(z))$.
4. **Optimizer.** Weight clipping with a momentum optimizer tends to be unstable (the paper uses RMSProp at $5\times10^{-5}$); WGAN-GP uses Adam ($10^{-4}$, $\beta_1=0$, $\beta_2=0.9$).
5. **Step ratio.** 5 critic steps per generator step; an undertrained critic gives a poor $W_1$ estimate and misleading generator gradients.

**What healthy looks like.** Critic outputs stay in the single digits to tens; $\mathbb E f(x)-\mathbb E f(G(z))$ (the $W_1$ estimate) decreases overall and tracks sample quality; the gradient-penalty term stays small; a negative critic loss is normal and not a bug.`,
      },
    },
    references: [R_WGAN, R_WGAN_GP, R_SNGAN],
  },
  // ───────────────────────────── Architectures: DCGAN details, StyleGAN ─────────────────────────────
  {
    id: 'gen-dcgan-design-reasons',
    topic: 'gan-vae',
    subtopic: 'dcgan',
    tags: ['dcgan', 'adam-beta1', 'batch-norm', 'tanh'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`DCGAN 的几条经验规则各有什么道理？为什么生成器输出用 tanh、判别器用 LeakyReLU、Adam 的 $\beta_1$ 取 0.5 而不是默认的 0.9、批归一化不放在生成器输出层和判别器输入层？`,
      en: String.raw`What is the reasoning behind DCGAN's rules of thumb? Why a tanh generator output, LeakyReLU in the discriminator, Adam with $\beta_1=0.5$ instead of the default 0.9, and no batch norm on the generator's output or the discriminator's input?`,
    },
    answer: {
      short: {
        zh: String.raw`tanh 输出有界且以 0 为中心，对应缩放到 $[-1,1]$ 的数据；LeakyReLU 让判别器对负半轴也传回梯度，生成器的全部学习信号都来自它；GAN 是非平稳的博弈，动量大会“冲过头”并放大振荡，$\beta_1=0.5$ 缩短了动量的记忆；输出层的 BN 会强行固定输出的均值和方差，输入层的 BN 会抹掉真假批次的统计差异，两者都导致样本振荡和不稳定。`,
        en: String.raw`tanh is bounded and zero-centred, matching data scaled to $[-1,1]$; LeakyReLU lets the discriminator pass gradient on the negative side too, and all of the generator's learning signal comes through it; a GAN is a non-stationary game in which heavy momentum overshoots and amplifies oscillation, so $\beta_1=0.5$ shortens its memory; BN on the output would pin the output's mean and variance, and on the input it would erase the statistical difference between real and fake batches, both causing oscillation and instability.`,
      },
      full: {
        zh: String.raw`**tanh 输出。** 输出有界，饱和区让像素自然落在合法范围；以 0 为中心，与 $x/127.5-1$ 缩放后的数据一致。Radford 等观察到有界输出让模型更快覆盖训练分布的颜色空间。关键是**真实数据必须同样缩放**：若真实图在 $[0,1]$，判别器凭取值范围就能赢（种子代码的错误之一）。

**LeakyReLU（斜率 0.2）在判别器中。** 生成器没有自己的损失信号，梯度全部经过 $\partial D/\partial x$ 回传。ReLU 在负半轴梯度为 0，会让部分输入方向“看不见”；LeakyReLU 保证每个单元都传回梯度，稀疏梯度更少。生成器内部仍用 ReLU（输出层除外）。

**Adam 的 $\beta_1=0.5$。** 动量估计的有效记忆约为 $1/(1-\beta_1)$ 步：0.9 对应约 10 步，0.5 只有 2 步。GAN 的目标随对手不断变化，旧梯度很快过时；而且博弈动力学带有旋转分量（见 Dirac-GAN），大动量会沿旋转方向越冲越远。论文实验中 0.9 振荡、不稳定，0.5 稳定。学习率同理取得较小（0.0002）。WGAN-GP 更进一步用 $\beta_1=0$。

**批归一化的例外。** BN 帮助深层生成器起步、减少塌缩到单点，但：

- 放在**生成器输出层**，会强制每批输出的均值和方差为可学习的固定值，与数据的真实统计冲突；
- 放在**判别器输入层**，会把真实批次和生成批次各自标准化，恰好抹掉判别器最该看到的一阶、二阶统计差异；
- 真假分开成两个批次送入判别器时，BN 的批统计本身就泄露“这一批是真的还是假的”；有时会把真、假样本混在一批，或改用无批依赖的归一化。

**其他规则**：带步长的卷积替代池化、去掉隐藏全连接层、$\mathcal N(0,0.02)$ 初始化；这些都是为了让网络自己学会上下采样，并让训练在早期不失衡。`,
        en: String.raw`**tanh output.** Bounded, and its saturation keeps pixels in a valid range; zero-centred, matching data scaled by $x/127.5-1$. Radford et al. observed that a bounded output let the model learn to cover the colour space of the training distribution faster. Crucially, **real data must be scaled the same way**: with real images in $[0,1]$ the discriminator wins on the value range alone (one of the seed code's bugs).

**LeakyReLU (slope 0.2) in the discriminator.** The generator has no loss signal of its own: its gradient all flows back through $\partial D/\partial x$. ReLU has zero gradient on the negative side, hiding some input directions; LeakyReLU passes gradient through every unit, so gradients are less sparse. The generator keeps ReLU (except the output).

**Adam with $\beta_1=0.5$.** The momentum estimate remembers about $1/(1-\beta_1)$ steps: about 10 for 0.9, only 2 for 0.5. The GAN objective moves with the opponent, so old gradients go stale fast, and game dynamics have a rotational component (see the Dirac-GAN), along which heavy momentum overshoots further and further. In the paper 0.9 oscillated and was unstable, 0.5 was stable; the learning rate is small (0.0002) for the same reason. WGAN-GP goes further with $\beta_1=0$.

**The batch-norm exceptions.** BN helps deep generators get started and reduces collapse to a single point, but:

- on the **generator's output**, it forces each batch's output to have a learned fixed mean and variance, fighting the data's true statistics;
- on the **discriminator's input**, it standardizes real and fake batches separately, erasing exactly the first- and second-order differences the discriminator should see;
- when real and fake batches go through $D$ separately, the batch statistics themselves leak "this batch is real/fake"; some implementations mix real and fake samples in one batch or use batch-independent normalization.

**Other rules**: strided convolutions instead of pooling, no fully connected hidden layers, $\mathcal N(0,0.02)$ initialization; all so that the networks learn their own resampling and training does not become lopsided early on.`,
      },
    },
    references: [R_DCGAN, R_ADAM, R_CONVERGE, R_WGAN_GP],
  },
  {
    id: 'gen-debug-checkerboard',
    topic: 'gan-vae',
    subtopic: 'dcgan',
    tags: ['debugging', 'checkerboard-artifacts', 'transposed-convolution', 'upsampling'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: String.raw`你的 DCGAN 生成器用核 $5\times5$、步长 2 的转置卷积上采样（TensorFlow DCGAN 教程的设置），样本上出现了细密的棋盘格纹理，越深的网络越明显。原因是什么？怎样修？`,
      en: String.raw`Your DCGAN generator upsamples with $5\times5$ transposed convolutions of stride 2 (the TensorFlow DCGAN tutorial's setting), and the samples show a fine checkerboard texture that gets worse with depth. What causes it, and how do you fix it?`,
    },
    answer: {
      short: {
        zh: String.raw`核大小 5 不能被步长 2 整除，转置卷积的输出位置被输入“盖到”的次数不均匀（一维中内部交替为 3、2 次），二维时两个方向相乘成棋盘；层层叠加后更明显。修复：核大小取步长的倍数（$4\times4$、步长 2），或先最近邻/双线性上采样再做普通卷积，或亚像素卷积（PixelShuffle）配 ICNR 初始化。`,
        en: String.raw`A kernel of 5 is not divisible by the stride 2, so output positions of the transposed convolution are covered by uneven numbers of inputs (alternating 3 and 2 in the interior in 1-D), which multiplies into a checkerboard in 2-D and compounds across layers. Fix: a kernel that is a multiple of the stride ($4\times4$, stride 2), or nearest/bilinear upsampling followed by an ordinary convolution, or sub-pixel convolution (PixelShuffle) with ICNR initialization.`,
      },
      full: {
        zh: String.raw`**机制。** 转置卷积把每个输入元素乘以整个核，放到输出的 $s\cdot i$ 处并相加。一维中，输出位置 $o$ 收到的贡献数等于满足 $0\le o-s\,i<k$ 的输入 $i$ 的个数，约为 $k/s$：

- $k=5,s=2$：内部交替为 3、2、3、2……；
- $k=3,s=2$：交替为 2、1、2、1……；
- $k=4,s=2$：处处为 2，均匀。

权重完全相同（或刚初始化）时，这种重叠差异就直接变成亮暗相间的条纹；二维中行、列的不均匀相乘，形成棋盘格（$3\times3$、$3\times2$、$2\times2$ 次交替）。理论上网络可以学会让权重抵消这种差异，但这需要精确的平衡，而 GAN 的判别器恰好会抓住任何高频规律，生成器却不一定能学会抵消；多层叠加后还会形成更复杂的多尺度图案。

**排查。** 看样本的局部放大或功率谱：在 $1/2$ 采样频率处有尖峰就是它；固定一个 $z$、对比各层输出，定位是哪一层引入的。

**修复（Odena 等，2016）：**

1. 核大小取步长的整数倍：$4\times4$、步长 2（PyTorch DCGAN 示例就是这样），重叠均匀；但训练后仍可能出现轻微伪影。
2. **先插值再卷积**：最近邻或双线性上采样 $\times2$，再接普通的 $3\times3$ 卷积（“resize-convolution”），从结构上消除不均匀重叠，效果最稳，是很多现代生成器和解码器（如 StyleGAN 的上采样加滤波）的做法。
3. **亚像素卷积**：卷积输出 $s^2C$ 个通道再重排成 $s$ 倍分辨率；用 ICNR 初始化（让各子像素初始相同）避免初始化时的棋盘。

注意这与判别器侧带步长卷积的混叠问题不同：判别器的步长卷积会丢弃部分位置的梯度，也可能在生成器中留下高频伪影。`,
        en: String.raw`**Mechanism.** A transposed convolution multiplies each input element by the whole kernel, places it at output position $s\cdot i$ and sums. In 1-D, output position $o$ receives as many contributions as there are inputs $i$ with $0\le o-s\,i<k$, about $k/s$:

- $k=5,s=2$: the interior alternates 3, 2, 3, 2, …;
- $k=3,s=2$: alternates 2, 1, 2, 1, …;
- $k=4,s=2$: 2 everywhere, even.

With equal (or freshly initialized) weights this unevenness becomes light and dark stripes directly; in 2-D the row and column unevenness multiply into a checkerboard (cells covered 3×3, 3×2 and 2×2 times). In principle the network can learn weights that cancel it, but that needs a precise balance, and a GAN discriminator latches onto any high-frequency regularity that the generator may fail to cancel; stacked layers compound it into more complex multi-scale patterns.

**Diagnosis.** Zoom into samples or look at their power spectrum: a spike at half the sampling frequency gives it away. Fix one $z$ and compare the layers' outputs to find the layer that introduces it.

**Fixes (Odena et al., 2016):**

1. A kernel that is a multiple of the stride: $4\times4$, stride 2 (as in the PyTorch DCGAN example) overlaps evenly; mild artefacts can still appear after training.
2. **Interpolate, then convolve**: nearest or bilinear $\times2$ upsampling followed by an ordinary $3\times3$ convolution ("resize-convolution") removes the uneven overlap by construction; the most robust option, used by many modern generators and decoders (StyleGAN upsamples and then filters).
3. **Sub-pixel convolution**: a convolution outputs $s^2C$ channels that are rearranged into $s$ times the resolution; ICNR initialization (all sub-pixels start equal) avoids a checkerboard at initialization.

This is distinct from aliasing on the discriminator side: strided convolutions in $D$ drop gradient at some positions and can also leave high-frequency artefacts in the generator.`,
      },
    },
    references: [R_CHECKERBOARD, R_DCGAN, R_TF_DCGAN],
  },
  {
    id: 'gen-stylegan',
    topic: 'gan-vae',
    subtopic: 'gan-variants',
    tags: ['stylegan', 'adain', 'mapping-network', 'truncation-trick'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`简述 StyleGAN 的生成器结构：映射网络、AdaIN 风格调制、噪声输入、风格混合和截断技巧各起什么作用？StyleGAN2 改了什么？`,
      en: String.raw`Outline StyleGAN's generator: what do the mapping network, AdaIN style modulation, noise inputs, style mixing and the truncation trick do? What did StyleGAN2 change?`,
    },
    answer: {
      short: {
        zh: String.raw`$z$ 先经 8 层 MLP 映射为 $w$（更解耦的中间隐空间），合成网络从学到的常量出发，每层用 $w$ 的仿射变换给出 AdaIN 的缩放和偏置来控制“风格”，逐像素噪声负责头发、毛孔等随机细节；风格混合在不同层用不同的 $w$ 作为正则；截断 $w'=\bar w+\psi(w-\bar w)$ 用多样性换质量。StyleGAN2 用权重解调代替 AdaIN 以消除“水滴”伪影，去掉渐进式增长，并加了路径长度正则。`,
        en: String.raw`$z$ goes through an 8-layer MLP to $w$ (a more disentangled intermediate latent space); the synthesis network starts from a learned constant and, at every layer, an affine map of $w$ gives AdaIN's scale and bias, controlling "style"; per-pixel noise handles stochastic detail such as hair and pores; style mixing uses different $w$ at different layers as a regularizer; truncation $w'=\bar w+\psi(w-\bar w)$ trades diversity for quality. StyleGAN2 replaced AdaIN by weight demodulation to remove "droplet" artefacts, dropped progressive growing and added path-length regularization.`,
      },
      full: {
        zh: String.raw`**映射网络。** $z\sim\mathcal N(0,I)$ 经 8 层全连接映射为 $w\in\mathcal W$（512 维）。$z$ 的分布是固定的高斯，训练数据中各因素的组合却不均匀，直接从 $z$ 生成会迫使映射弯曲；中间空间 $\mathcal W$ 不受这个限制，实验上更解耦（感知路径长度更短）。

**合成网络与 AdaIN。** 不再把隐变量作为第一层输入，而是从一个学到的 $4\times4\times512$ 常量出发。每个卷积后做自适应实例归一化：
$$\mathrm{AdaIN}(x_i,y)=y_{s,i}\,\frac{x_i-\mu(x_i)}{\sigma(x_i)}+y_{b,i},$$
其中 $(y_s,y_b)$ 是 $w$ 的学习到的仿射变换。每层的“风格”只影响该层的特征统计，低分辨率层控制姿态、脸型，高分辨率层控制颜色、细纹理。

**噪声输入。** 每层加逐像素的高斯噪声（按通道学习缩放），负责随机细节（发丝位置、雀斑），让 $w$ 专注于全局属性。

**风格混合。** 训练时以一定概率用两个 $w$：某个分辨率以下用 $w_1$，以上用 $w_2$，防止相邻层的风格相关，也能做“粗风格来自 A、细节来自 B”的编辑。

**截断技巧。** $w'=\bar w+\psi(w-\bar w)$，$\psi<1$ 把样本拉向平均风格 $\bar w$，质量更高但多样性降低（FID 与精度/召回的权衡）。

**StyleGAN2（Karras 等，2019）。** AdaIN 逐特征图归一化导致“水滴”伪影，改为把调制和解调直接作用在卷积权重上（weight demodulation）；去掉渐进式增长，改用跳跃连接/残差结构；加路径长度正则让 $w$ 的步长对应图像上大致固定的变化；判别器用 R1 正则。StyleGAN3 再处理了纹理“粘”在像素坐标上的混叠问题。`,
        en: String.raw`**Mapping network.** $z\sim\mathcal N(0,I)$ goes through 8 fully connected layers to $w\in\mathcal W$ (512-d). $z$ has a fixed Gaussian distribution while the factors in the training data are combined unevenly, so generating straight from $z$ forces a warped mapping; the intermediate space $\mathcal W$ has no such constraint and is empirically more disentangled (shorter perceptual path length).

**Synthesis network and AdaIN.** The latent is no longer the first layer's input; synthesis starts from a learned $4\times4\times512$ constant. After each convolution, adaptive instance normalization:
$$\mathrm{AdaIN}(x_i,y)=y_{s,i}\,\frac{x_i-\mu(x_i)}{\sigma(x_i)}+y_{b,i},$$
with $(y_s,y_b)$ a learned affine map of $w$. Each layer's "style" only sets that layer's feature statistics: low-resolution layers control pose and face shape, high-resolution layers colours and fine texture.

**Noise inputs.** Per-pixel Gaussian noise at every layer (with learned per-channel scales) handles stochastic detail (exact hair placement, freckles), leaving $w$ for global attributes.

**Style mixing.** During training, with some probability two latents are used: $w_1$ below some resolution, $w_2$ above it. This keeps adjacent layers' styles from correlating, and enables "coarse style from A, details from B" edits.

**Truncation trick.** $w'=\bar w+\psi(w-\bar w)$ with $\psi<1$ pulls samples toward the average style $\bar w$: higher quality, less diversity (the FID vs precision/recall trade-off).

**StyleGAN2 (Karras et al., 2019).** Normalizing each feature map in AdaIN caused "droplet" artefacts, so modulation and demodulation are applied to the convolution weights instead (weight demodulation); progressive growing was replaced by skip/residual architectures; a path-length regularizer makes a fixed step in $w$ produce a roughly fixed change in the image; the discriminator uses R1. StyleGAN3 later tackled aliasing that made textures "stick" to pixel coordinates.`,
      },
    },
    references: [R_STYLEGAN, R_STYLEGAN2, R_PROGAN],
  },
  // ───────────────────────────── VAE theory, worked through ─────────────────────────────
  {
    id: 'gen-elbo-discrete-example',
    topic: 'gan-vae',
    subtopic: 'vae-theory',
    tags: ['elbo', 'jensen', 'kl-gap', 'numeric'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: String.raw`一个只有两个隐状态的模型：$p(z)=(0.5,0.5)$，对观测到的 $x$ 有 $p(x\mid z)=(0.8,0.2)$。近似后验取 $q(z)=(0.5,0.5)$。计算 $\log p(x)$、ELBO 和两者之差，并验证差值等于 $\mathrm{KL}(q\,\|\,p(z\mid x))$。$q$ 取什么时界是紧的？`,
      en: String.raw`A model with two latent states: $p(z)=(0.5,0.5)$ and, for the observed $x$, $p(x\mid z)=(0.8,0.2)$. Take the approximate posterior $q(z)=(0.5,0.5)$. Compute $\log p(x)$, the ELBO and their gap, and check that the gap equals $\mathrm{KL}(q\,\|\,p(z\mid x))$. For which $q$ is the bound tight?`,
    },
    answer: {
      short: {
        zh: String.raw`$p(x)=0.5\cdot0.8+0.5\cdot0.2=0.5$，$\log p(x)=-0.6931$；ELBO $=0.5\log\frac{0.4}{0.5}+0.5\log\frac{0.1}{0.5}=-0.9163$；差 $0.2231$。真实后验 $p(z\mid x)=(0.8,0.2)$，$\mathrm{KL}(q\|p(z\mid x))=0.5\log\frac{0.5}{0.8}+0.5\log\frac{0.5}{0.2}=\log1.25=0.2231$，一致。$q=(0.8,0.2)$ 时 ELBO $=\log p(x)$。`,
        en: String.raw`$p(x)=0.5\cdot0.8+0.5\cdot0.2=0.5$, $\log p(x)=-0.6931$; ELBO $=0.5\log\frac{0.4}{0.5}+0.5\log\frac{0.1}{0.5}=-0.9163$; gap $0.2231$. The true posterior is $p(z\mid x)=(0.8,0.2)$ and $\mathrm{KL}(q\|p(z\mid x))=0.5\log\frac{0.5}{0.8}+0.5\log\frac{0.5}{0.2}=\log1.25=0.2231$, the same. With $q=(0.8,0.2)$ the ELBO equals $\log p(x)$.`,
      },
      full: {
        zh: String.raw`**证据。** $p(x)=\sum_zp(z)p(x\mid z)=0.4+0.1=0.5$，$\log p(x)=-\log2=-0.6931$。

**ELBO。** $\mathcal L(q)=\sum_zq(z)\log\frac{p(x,z)}{q(z)}$，联合概率 $p(x,z)=(0.4,\,0.1)$：
$$\mathcal L=0.5\log\frac{0.4}{0.5}+0.5\log\frac{0.1}{0.5}=0.5(-0.2231)+0.5(-1.6094)=-0.9163 .$$
也可以写成“重构 − KL”：$\mathbb E_q\log p(x\mid z)=0.5\log0.8+0.5\log0.2=-0.9163$，$\mathrm{KL}(q\|p(z))=0$（$q$ 恰好等于先验），结果相同。

**差值。** $\log p(x)-\mathcal L=-0.6931+0.9163=0.2231$。

**验证 KL 形式。** 贝叶斯公式给出 $p(z\mid x)=p(x,z)/p(x)=(0.8,0.2)$，
$$\mathrm{KL}(q\|p(z\mid x))=0.5\log\frac{0.5}{0.8}+0.5\log\frac{0.5}{0.2}=0.5\log\frac{0.25}{0.16}=\log1.25=0.2231 .$$
与差值完全一致，这就是恒等式 $\log p(x)=\mathcal L(q)+\mathrm{KL}(q\|p(z\mid x))$。

**Jensen 的视角。** $\log p(x)=\log\mathbb E_q\big[\tfrac{p(x,z)}{q(z)}\big]=\log(0.5\cdot0.8+0.5\cdot0.2)$，而 ELBO 是 $\mathbb E_q\big[\log\tfrac{p(x,z)}{q(z)}\big]$；比值 $p(x,z)/q(z)=(0.8,0.2)$ 不是常数，所以 Jensen 不等式严格成立。当 $q=p(z\mid x)=(0.8,0.2)$ 时比值恒为 $p(x)=0.5$，$\mathcal L=\log0.5$，界是紧的。

**启示。** 在这个例子里，$q$ 等于先验（“不看 $x$ 的编码器”）时损失了 0.22 nats；训练编码器就是在缩小这一差距，而对解码器参数最大化 ELBO 时，差距越小越接近真正的最大似然。`,
        en: String.raw`**Evidence.** $p(x)=\sum_zp(z)p(x\mid z)=0.4+0.1=0.5$, $\log p(x)=-\log2=-0.6931$.

**ELBO.** $\mathcal L(q)=\sum_zq(z)\log\frac{p(x,z)}{q(z)}$ with the joint $p(x,z)=(0.4,\,0.1)$:
$$\mathcal L=0.5\log\frac{0.4}{0.5}+0.5\log\frac{0.1}{0.5}=0.5(-0.2231)+0.5(-1.6094)=-0.9163 .$$
As "reconstruction − KL": $\mathbb E_q\log p(x\mid z)=0.5\log0.8+0.5\log0.2=-0.9163$ and $\mathrm{KL}(q\|p(z))=0$ ($q$ equals the prior), the same result.

**Gap.** $\log p(x)-\mathcal L=-0.6931+0.9163=0.2231$.

**The KL form.** Bayes' rule gives $p(z\mid x)=p(x,z)/p(x)=(0.8,0.2)$, and
$$\mathrm{KL}(q\|p(z\mid x))=0.5\log\frac{0.5}{0.8}+0.5\log\frac{0.5}{0.2}=0.5\log\frac{0.25}{0.16}=\log1.25=0.2231 ,$$
exactly the gap: the identity $\log p(x)=\mathcal L(q)+\mathrm{KL}(q\|p(z\mid x))$.

**Jensen's view.** $\log p(x)=\log\mathbb E_q\big[\tfrac{p(x,z)}{q(z)}\big]=\log(0.5\cdot0.8+0.5\cdot0.2)$ while the ELBO is $\mathbb E_q\big[\log\tfrac{p(x,z)}{q(z)}\big]$; the ratio $p(x,z)/q(z)=(0.8,0.2)$ is not constant, so Jensen's inequality is strict. With $q=p(z\mid x)=(0.8,0.2)$ the ratio is the constant $p(x)=0.5$, $\mathcal L=\log0.5$, and the bound is tight.

**Lesson.** Here a $q$ equal to the prior (an encoder that ignores $x$) loses 0.22 nats; training the encoder shrinks this gap, and the smaller it is, the closer maximizing the ELBO over the decoder is to true maximum likelihood.`,
      },
    },
    references: [R_VAE, R_VAE_INTRO, R_DL_BOOK],
    verification: [V_T_ELBO, V_T_KL],
  },
  {
    id: 'gen-posterior-collapse-tight-bound',
    topic: 'gan-vae',
    subtopic: 'vae-training',
    tags: ['posterior-collapse', 'elbo', 'autoregressive-decoder', 'derivation'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`证明：如果解码器不依赖 $z$（$p_\theta(x\mid z)=p_\theta(x)$），那么 ELBO 在 $q(z\mid x)=p(z)$ 时取最大值，此时 KL 项为 0 且 ELBO 恰好等于 $\log p_\theta(x)$。为什么这说明“只看 ELBO 发现不了后验坍塌”？`,
      en: String.raw`Show that if the decoder ignores $z$ ($p_\theta(x\mid z)=p_\theta(x)$), the ELBO is maximized by $q(z\mid x)=p(z)$, where the KL term is 0 and the ELBO equals $\log p_\theta(x)$ exactly. Why does this mean the ELBO alone cannot reveal posterior collapse?`,
    },
    answer: {
      short: {
        zh: String.raw`ELBO $=\mathbb E_q\log p(x\mid z)-\mathrm{KL}(q\|p(z))=\log p_\theta(x)-\mathrm{KL}(q\|p(z))$，第一项与 $q$ 无关，所以最优 $q=p(z)$，KL $=0$；此时真实后验也是 $p(z)$，差距 $\mathrm{KL}(q\|p(z\mid x))=0$，界是紧的。强大的解码器单独就能把 $\log p(x)$ 做高，ELBO 看起来很好，而 $z$ 完全没被使用；必须另外监控 KL、活跃单元或互信息。`,
        en: String.raw`ELBO $=\mathbb E_q\log p(x\mid z)-\mathrm{KL}(q\|p(z))=\log p_\theta(x)-\mathrm{KL}(q\|p(z))$; the first term does not depend on $q$, so the best $q$ is $p(z)$ with KL $=0$; the true posterior is then also $p(z)$, the gap $\mathrm{KL}(q\|p(z\mid x))$ is 0 and the bound is tight. A strong decoder can make $\log p(x)$ high on its own: the ELBO looks good while $z$ is unused, so you must also monitor the KL, active units or mutual information.`,
      },
      full: {
        zh: String.raw`**推导。** 若 $p_\theta(x\mid z)=p_\theta(x)$ 与 $z$ 无关，则
$$\mathcal L(q)=\mathbb E_{q(z\mid x)}[\log p_\theta(x)]-\mathrm{KL}(q(z\mid x)\|p(z))=\log p_\theta(x)-\mathrm{KL}(q(z\mid x)\|p(z)).$$
KL 非负、仅在 $q=p(z)$ 时为 0，所以 $q^*=p(z)$，$\mathcal L^*=\log p_\theta(x)$。另一方面，真实后验 $p(z\mid x)\propto p(z)p_\theta(x\mid z)=p(z)p_\theta(x)\propto p(z)$，与先验相同，$\mathrm{KL}(q^*\|p(z\mid x))=0$——近似是精确的，界是紧的。

**这对训练意味着什么。**

- 对一个自回归解码器（LSTM、PixelCNN），$p_\theta(x)=\prod_ip_\theta(x_i\mid x_{<i})$ 不需要 $z$ 就能拟合得很好。若不用 $z$ 的解是一个很好的局部最优，那么它的 ELBO 等于这个强大的自回归模型的 $\log p(x)$——ELBO 高，但隐变量毫无信息。
- 反过来，用 $z$ 的解要支付 $\mathrm{KL}(q\|p(z))>0$ 的“信息费”，还要承担 $q$ 与真实后验之间的差距；除非 $z$ 带来的重构收益超过这两项，优化器就会选择不用 $z$（Chen 等在 Variational Lossy Autoencoder 中称之为“信息偏好”）。
- 所以后验坍塌不一定是优化失败，它可以是 ELBO 目标本身的最优解；Lucas 等（2019）在线性 VAE 中还说明，即使解码器不是自回归的，观测噪声方差过大也会让部分维度坍塌。

**诊断与对策。** 单看 ELBO 不够：要看每维 KL（接近 0 的维度）、活跃单元数、$I(x;z)$ 的估计，或把不同 $z$ 解码看输出是否变化。对策是改变目标或结构，让使用 $z$ 划算：KL 退火、free bits（每维 KL 低于 $\lambda$ 不罚）、$\beta<1$、削弱解码器（词 dropout、限制感受野）、调小高斯解码器的 $\sigma$。

本题可以在离散隐变量上直接验证：常数似然下 $q=p(z)$ 的 ELBO 等于 $\log p(x)$，任何其他 $q$ 都更低。`,
        en: String.raw`**Derivation.** If $p_\theta(x\mid z)=p_\theta(x)$ does not depend on $z$,
$$\mathcal L(q)=\mathbb E_{q(z\mid x)}[\log p_\theta(x)]-\mathrm{KL}(q(z\mid x)\|p(z))=\log p_\theta(x)-\mathrm{KL}(q(z\mid x)\|p(z)).$$
The KL is non-negative and 0 only for $q=p(z)$, so $q^*=p(z)$ and $\mathcal L^*=\log p_\theta(x)$. Moreover the true posterior $p(z\mid x)\propto p(z)p_\theta(x\mid z)=p(z)p_\theta(x)\propto p(z)$ equals the prior, so $\mathrm{KL}(q^*\|p(z\mid x))=0$: the approximation is exact and the bound is tight.

**What it means for training.**

- An autoregressive decoder (LSTM, PixelCNN) models $p_\theta(x)=\prod_ip_\theta(x_i\mid x_{<i})$ well without $z$. If ignoring $z$ is a good local optimum, its ELBO equals that strong autoregressive model's $\log p(x)$: the ELBO is high and the latent carries nothing.
- Using $z$ instead pays an "information fee" $\mathrm{KL}(q\|p(z))>0$ plus the gap between $q$ and the true posterior; unless the reconstruction gain from $z$ exceeds both, the optimizer prefers not to use it (the "information preference" of Chen et al.'s Variational Lossy Autoencoder).
- So posterior collapse need not be an optimization failure: it can be the optimum of the ELBO itself. Lucas et al. (2019) also show, with linear VAEs, that too large an observation-noise variance collapses some dimensions even without an autoregressive decoder.

**Diagnosis and remedies.** The ELBO alone is not enough: look at per-dimension KL (dimensions near 0), the number of active units, an estimate of $I(x;z)$, or decode different $z$ and see whether the output changes. Remedies change the objective or the architecture so that using $z$ pays: KL annealing, free bits (no penalty while a dimension's KL is below $\lambda$), $\beta<1$, a weaker decoder (word dropout, limited receptive field), a smaller Gaussian-decoder $\sigma$.

This can be checked on a discrete latent: with a constant likelihood, $q=p(z)$ gives an ELBO equal to $\log p(x)$ and any other $q$ gives less.`,
      },
    },
    references: [R_LOSSY_VAE, R_LINEAR_VAE, R_BOWMAN, R_VAE_INTRO],
    misconceptions: [
      {
        claim: {
          zh: String.raw`ELBO 很高就说明 VAE 学到了有用的隐变量。`,
          en: String.raw`A high ELBO shows that the VAE learned a useful latent.`,
        },
        correction: {
          zh: String.raw`不用 $z$ 的强解码器可以让 ELBO 等于它自己的 $\log p(x)$，界还是紧的；隐变量是否有用要看 KL、活跃单元或互信息。`,
          en: String.raw`A strong decoder that ignores $z$ makes the ELBO equal its own $\log p(x)$, with a tight bound; whether the latent is used shows in the KL, active units or mutual information.`,
        },
      },
    ],
    verification: [V_T_ELBO],
  },
  {
    id: 'gen-gaussian-kl-asymmetry',
    topic: 'gan-vae',
    subtopic: 'vae-theory',
    tags: ['kl-divergence', 'gaussian', 'asymmetry', 'learned-prior'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: String.raw`用一般对角高斯的 KL 公式计算 $\mathrm{KL}(\mathcal N(0,1)\,\|\,\mathcal N(1,4))$ 和 $\mathrm{KL}(\mathcal N(1,4)\,\|\,\mathcal N(0,1))$。什么时候 VAE 需要一般形式，而不是对 $\mathcal N(0,I)$ 的特例？`,
      en: String.raw`Use the general diagonal-Gaussian KL to compute $\mathrm{KL}(\mathcal N(0,1)\,\|\,\mathcal N(1,4))$ and $\mathrm{KL}(\mathcal N(1,4)\,\|\,\mathcal N(0,1))$. When does a VAE need the general form instead of the special case against $\mathcal N(0,I)$?`,
    },
    answer: {
      short: {
        zh: String.raw`$\mathrm{KL}=\log\frac{\sigma_2}{\sigma_1}+\frac{\sigma_1^2+(\mu_1-\mu_2)^2}{2\sigma_2^2}-\frac12$。前者 $=\log2+\frac{1+1}{8}-\frac12\approx0.443$；后者 $=\log\frac12+\frac{4+1}{2}-\frac12\approx1.307$，不对称。先验不是标准正态时需要一般形式：条件 VAE 的先验网络、层次化 VAE 的逐层先验、学习到的先验（如 VampPrior），以及扩散模型 ELBO 中两个高斯后验之间的 KL。`,
        en: String.raw`$\mathrm{KL}=\log\frac{\sigma_2}{\sigma_1}+\frac{\sigma_1^2+(\mu_1-\mu_2)^2}{2\sigma_2^2}-\frac12$. The first is $\log2+\frac{1+1}{8}-\frac12\approx0.443$; the second $\log\frac12+\frac{4+1}{2}-\frac12\approx1.307$: not symmetric. The general form is needed whenever the prior is not standard normal: a conditional VAE's prior network, the per-layer priors of hierarchical VAEs, learned priors (e.g. VampPrior), and the KL between two Gaussian posteriors in the diffusion ELBO.`,
      },
      full: {
        zh: String.raw`**公式**（逐维求和）：
$$\mathrm{KL}(\mathcal N(\mu_1,\sigma_1^2)\|\mathcal N(\mu_2,\sigma_2^2))=\log\frac{\sigma_2}{\sigma_1}+\frac{\sigma_1^2+(\mu_1-\mu_2)^2}{2\sigma_2^2}-\frac12 .$$

**$q=\mathcal N(0,1)$，$p=\mathcal N(1,4)$：** $\log\frac21+\frac{1+1}{2\cdot4}-\frac12=0.6931+0.25-0.5=0.4431$。

**反过来，$q=\mathcal N(1,4)$，$p=\mathcal N(0,1)$：** $\log\frac12+\frac{4+1}{2}-\frac12=-0.6931+2.5-0.5=1.3069$。

**为什么不对称。** $\mathrm{KL}(q\|p)=\mathbb E_q[\log q-\log p]$ 的期望取在 $q$ 下。宽的 $q$ 放在窄的 $p$ 上，会在 $p$ 的尾部采到很多点，$-\log p$ 二次增长，代价大（1.307）；窄的 $q$ 放在宽的 $p$ 里只需付“不够宽”和均值偏移的小代价（0.443）。这也是变分推断中 $q$ 倾向于比真实后验更窄的原因。

**什么时候需要一般形式：**

- 条件 VAE：先验 $p(z\mid y)=\mathcal N(\mu_p(y),\sigma_p^2(y))$ 由网络给出；
- 层次化 VAE（NVAE、VDVAE）：每层的先验依赖上一层的 $z$；
- 可学习的先验（VampPrior、混合先验）在分量上也要用它；
- 扩散模型的 ELBO：每一项是 $\mathrm{KL}(q(x_{t-1}\mid x_t,x_0)\|p_\theta(x_{t-1}\mid x_t))$，两个方差相同的高斯之间的 KL，化简后只剩 $\frac{\|\tilde\mu-\mu_\theta\|^2}{2\sigma_t^2}$。

令 $\mu_2=0$、$\sigma_2=1$ 即得 VAE 中的特例 $-\tfrac12\sum(1+\log\sigma^2-\mu^2-\sigma^2)$。实现时对数方差参数化、逐维求和，并用数值积分或蒙特卡洛核对闭式解。`,
        en: String.raw`**Formula** (summed over dimensions):
$$\mathrm{KL}(\mathcal N(\mu_1,\sigma_1^2)\|\mathcal N(\mu_2,\sigma_2^2))=\log\frac{\sigma_2}{\sigma_1}+\frac{\sigma_1^2+(\mu_1-\mu_2)^2}{2\sigma_2^2}-\frac12 .$$

**$q=\mathcal N(0,1)$, $p=\mathcal N(1,4)$:** $\log\frac21+\frac{1+1}{2\cdot4}-\frac12=0.6931+0.25-0.5=0.4431$.

**The other way, $q=\mathcal N(1,4)$, $p=\mathcal N(0,1)$:** $\log\frac12+\frac{4+1}{2}-\frac12=-0.6931+2.5-0.5=1.3069$.

**Why asymmetric.** $\mathrm{KL}(q\|p)=\mathbb E_q[\log q-\log p]$ averages under $q$. A wide $q$ over a narrow $p$ samples many points in $p$'s tails, where $-\log p$ grows quadratically: expensive (1.307). A narrow $q$ inside a wide $p$ only pays a small price for being too narrow and shifted (0.443). This is also why variational posteriors tend to be narrower than the true posterior.

**When the general form is needed:**

- conditional VAEs: the prior $p(z\mid y)=\mathcal N(\mu_p(y),\sigma_p^2(y))$ comes from a network;
- hierarchical VAEs (NVAE, VDVAE): each layer's prior depends on the $z$ above;
- learned priors (VampPrior, mixture priors) use it per component;
- the diffusion ELBO: each term is $\mathrm{KL}(q(x_{t-1}\mid x_t,x_0)\|p_\theta(x_{t-1}\mid x_t))$ between two Gaussians with equal variances, which reduces to $\frac{\|\tilde\mu-\mu_\theta\|^2}{2\sigma_t^2}$.

Setting $\mu_2=0$, $\sigma_2=1$ gives the VAE special case $-\tfrac12\sum(1+\log\sigma^2-\mu^2-\sigma^2)$. In code, parameterize log-variances, sum over dimensions, and check the closed form against numerical integration or Monte Carlo.`,
      },
    },
    references: [R_VAE, R_NVAE, R_DDPM],
    verification: [V_T_GKL],
  },
  {
    id: 'gen-score-function-baseline',
    topic: 'gan-vae',
    subtopic: 'vae-theory',
    tags: ['score-function', 'reinforce', 'baseline', 'variance'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: String.raw`$z\sim\mathcal N(\mu,1)$，$\mu=1$，估计 $\nabla_\mu\mathbb E[f(z)]$。(1) $f(z)=z^2$ 时得分函数估计器的方差是多少？(2) 换成 $f(z)=z^2+10$（梯度不变）呢？(3) 减去基线 $b=\mathbb E f=2$ 和最优常数基线各是多少？(4) 路径导数估计器呢？由此说明得分函数估计器方差大的原因。`,
      en: String.raw`With $z\sim\mathcal N(\mu,1)$ and $\mu=1$, estimate $\nabla_\mu\mathbb E[f(z)]$. (1) What is the variance of the score-function estimator for $f(z)=z^2$? (2) For $f(z)=z^2+10$ (same gradient)? (3) With the baseline $b=\mathbb E f=2$, and with the best constant baseline? (4) And the pathwise estimator? Explain from this why the score-function estimator has high variance.`,
    },
    answer: {
      short: {
        zh: String.raw`估计量 $(f(z)-b)\varepsilon$，方差 $=30-8b+b^2$（$\mu=1$）：(1) $b=0$ 时 30；(2) 加 10 等价于 $b=-10$，方差 210；(3) $b=2$ 时 18，最优 $b^*=\mathbb E[f\varepsilon^2]/\mathbb E[\varepsilon^2]=4$ 时 14；(4) 路径导数 $2(\mu+\varepsilon)$，方差 4。得分函数估计器只用 $f$ 的值，$f$ 的任何常数偏移都被噪声 $\varepsilon$ 放大；路径导数用了 $f'$，对常数不敏感。`,
        en: String.raw`The estimator is $(f(z)-b)\varepsilon$ with variance $30-8b+b^2$ at $\mu=1$: (1) $b=0$ gives 30; (2) adding 10 is $b=-10$: 210; (3) $b=2$ gives 18, and the best $b^*=\mathbb E[f\varepsilon^2]/\mathbb E[\varepsilon^2]=4$ gives 14; (4) pathwise $2(\mu+\varepsilon)$ has variance 4. The score-function estimator uses only values of $f$, so any constant offset of $f$ is amplified by the noise $\varepsilon$; the pathwise estimator uses $f'$ and ignores constants.`,
      },
      full: {
        zh: String.raw`**估计量。** $\nabla_\mu\log\mathcal N(z;\mu,1)=z-\mu=\varepsilon$，所以得分函数估计为 $\hat g=(f(z)-b)\,\varepsilon$，任意常数 $b$ 都无偏（$\mathbb E[\varepsilon]=0$）。真梯度 $\nabla_\mu(\mu^2+1)=2\mu=2$。

**方差公式。** $\mathrm{Var}=\mathbb E[f^2\varepsilon^2]-2b\,\mathbb E[f\varepsilon^2]+b^2\,\mathbb E[\varepsilon^2]-(2\mu)^2$。用正态矩 $\mathbb E\varepsilon^2=1,\ \mathbb E\varepsilon^4=3,\ \mathbb E\varepsilon^6=15$：

- $\mathbb E[f\varepsilon^2]=\mathbb E[(\mu+\varepsilon)^2\varepsilon^2]=\mu^2+3=4$；
- $\mathbb E[f^2\varepsilon^2]=\mathbb E[(\mu+\varepsilon)^4\varepsilon^2]=\mu^4+18\mu^2+15=34$。

于是 $\mathrm{Var}(b)=34-8b+b^2-4=30-8b+b^2$。

1. $b=0$：**30**（即 $\mu^4+14\mu^2+15$）。
2. $f+10$ 相当于 $b=-10$：$30+80+100=$ **210**。梯度一点没变，方差却涨了 7 倍——这就是“只用函数值”的代价：在 ELBO 里 $\log p(x\mid z)$ 常常是几百 nats 的大负数，得分函数估计几乎不可用。
3. $b=\mathbb E f=2$：$30-16+4=$ **18**；对 $b$ 求导得最优 $b^*=\mathbb E[f\varepsilon^2]/\mathbb E[\varepsilon^2]=4$，方差 **14**。基线（控制变量）能降方差，但降不到路径导数的水平。
4. 路径导数：$z=\mu+\varepsilon$，$\hat g=f'(z)=2(\mu+\varepsilon)$，方差 $4\,\mathrm{Var}(\varepsilon)=$ **4**，且与 $f$ 的常数项无关。

**结论。** 得分函数估计器通用（不可微的 $f$、离散 $z$ 都能用，REINFORCE、SeqGAN 都靠它），但它把 $f$ 的数值乘上零均值噪声，$|f|$ 越大方差越大，只能靠基线、rao-blackwellization 等控制变量缓解。VAE 的连续高斯隐变量可以重参数化，所以用路径导数；离散隐变量则需要 Gumbel-softmax 松弛或带控制变量的得分函数估计。蒙特卡洛（40 万样本）得到的方差与上面的 30、210、14、4 一致。`,
        en: String.raw`**The estimator.** $\nabla_\mu\log\mathcal N(z;\mu,1)=z-\mu=\varepsilon$, so the score-function estimate is $\hat g=(f(z)-b)\,\varepsilon$, unbiased for any constant $b$ ($\mathbb E[\varepsilon]=0$). The true gradient is $\nabla_\mu(\mu^2+1)=2\mu=2$.

**Variance.** $\mathrm{Var}=\mathbb E[f^2\varepsilon^2]-2b\,\mathbb E[f\varepsilon^2]+b^2\,\mathbb E[\varepsilon^2]-(2\mu)^2$. With the normal moments $\mathbb E\varepsilon^2=1,\ \mathbb E\varepsilon^4=3,\ \mathbb E\varepsilon^6=15$:

- $\mathbb E[f\varepsilon^2]=\mathbb E[(\mu+\varepsilon)^2\varepsilon^2]=\mu^2+3=4$;
- $\mathbb E[f^2\varepsilon^2]=\mathbb E[(\mu+\varepsilon)^4\varepsilon^2]=\mu^4+18\mu^2+15=34$.

So $\mathrm{Var}(b)=34-8b+b^2-4=30-8b+b^2$.

1. $b=0$: **30** (that is $\mu^4+14\mu^2+15$).
2. $f+10$ is $b=-10$: $30+80+100=$ **210**. The gradient did not change at all, yet the variance grew sevenfold: the price of using only function values. In an ELBO, $\log p(x\mid z)$ is often a large negative number of hundreds of nats, which makes the plain score-function estimator nearly useless.
3. $b=\mathbb E f=2$: $30-16+4=$ **18**; minimizing over $b$ gives $b^*=\mathbb E[f\varepsilon^2]/\mathbb E[\varepsilon^2]=4$ and variance **14**. Baselines (control variates) help, but not down to the pathwise level.
4. Pathwise: $z=\mu+\varepsilon$, $\hat g=f'(z)=2(\mu+\varepsilon)$, variance $4\,\mathrm{Var}(\varepsilon)=$ **4**, independent of constants in $f$.

**Conclusion.** The score-function estimator is general (non-differentiable $f$, discrete $z$: REINFORCE and SeqGAN rely on it), but it multiplies the value of $f$ by zero-mean noise, so its variance grows with $|f|$ and only control variates such as baselines or Rao-Blackwellization tame it. A VAE's continuous Gaussian latent can be reparameterized, so it uses the pathwise estimator; discrete latents need Gumbel-softmax relaxations or score-function estimators with control variates. Monte Carlo with 400,000 draws reproduces 30, 210, 14 and 4.`,
      },
    },
    references: [R_MC_GRAD, R_VAE, R_SEQGAN],
    verification: [V_T_SCORE, V_T_PATH],
  },
  {
    id: 'gen-gaussian-decoder-sigma',
    topic: 'gan-vae',
    subtopic: 'vae-implementation',
    tags: ['gaussian-likelihood', 'mse', 'decoder-variance', 'beta-vae'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: String.raw`VAE 的重构项用 MSE 时，隐含的是什么似然？证明固定方差 $\sigma^2$ 的高斯解码器等价于权重 $\beta=2\sigma^2$ 的 β-VAE（重构用误差平方和），并求 $\sigma^2$ 可学习时的最优值。$\sigma$ 取太大或太小会怎样？`,
      en: String.raw`What likelihood does an MSE reconstruction term imply in a VAE? Show that a Gaussian decoder with fixed variance $\sigma^2$ is a β-VAE with $\beta=2\sigma^2$ on the sum of squared errors, and find the best $\sigma^2$ when it is learned. What happens when $\sigma$ is too large or too small?`,
    },
    answer: {
      short: {
        zh: String.raw`$-\log\mathcal N(x;\hat x,\sigma^2I)=\frac{\|x-\hat x\|^2}{2\sigma^2}+\frac D2\log(2\pi\sigma^2)$。负 ELBO $=\frac{\mathrm{SSE}}{2\sigma^2}+\mathrm{KL}+$ 常数，乘以 $2\sigma^2$ 得 $\mathrm{SSE}+2\sigma^2\,\mathrm{KL}$，即 $\beta=2\sigma^2$。对 $\sigma^2$ 求导得最优 $\sigma^2=\mathrm{SSE}/D$（均方误差）。$\sigma$ 太大 → KL 相对过重，后验坍塌、样本模糊；太小 → 近似普通自编码器，隐空间不规整，先验采样质量差。`,
        en: String.raw`$-\log\mathcal N(x;\hat x,\sigma^2I)=\frac{\|x-\hat x\|^2}{2\sigma^2}+\frac D2\log(2\pi\sigma^2)$. The negative ELBO is $\frac{\mathrm{SSE}}{2\sigma^2}+\mathrm{KL}+$ const; times $2\sigma^2$ it is $\mathrm{SSE}+2\sigma^2\,\mathrm{KL}$, i.e. $\beta=2\sigma^2$. Setting the derivative in $\sigma^2$ to 0 gives $\sigma^2=\mathrm{SSE}/D$ (the mean squared error). Too large a $\sigma$ makes the KL relatively too heavy (posterior collapse, blur); too small a $\sigma$ approaches a plain autoencoder with an irregular latent space and poor prior samples.`,
      },
      full: {
        zh: String.raw`**高斯似然。** 解码器输出均值 $\hat x(z)$，$p(x\mid z)=\mathcal N(\hat x,\sigma^2I)$，$D$ 为像素数：
$$-\log p(x\mid z)=\frac{\|x-\hat x\|^2}{2\sigma^2}+\frac D2\log(2\pi\sigma^2).$$
所以“MSE 重构”就是固定 $\sigma$ 的高斯似然；常见写法 $\mathrm{MSE}+\mathrm{KL}$（按像素平均再加 KL）相当于选了一个很大的 $\sigma^2=D/2$。

**与 β-VAE 等价。** $\sigma$ 固定时第二项是常数，
$$-\mathrm{ELBO}=\frac{\mathrm{SSE}}{2\sigma^2}+\mathrm{KL}+C=\frac1{2\sigma^2}\big(\mathrm{SSE}+2\sigma^2\,\mathrm{KL}\big)+C .$$
正的常数因子不改变最优解，所以等价于以 $\mathrm{SSE}+\beta\,\mathrm{KL}$ 为目标、$\beta=2\sigma^2$ 的 β-VAE。$\sigma$ 就是“重构要多精确”的旋钮。

**学习 $\sigma^2$（全体像素共享）。** 对 $\sigma^2$ 求导：$-\frac{\mathrm{SSE}}{2\sigma^4}+\frac D{2\sigma^2}=0\Rightarrow\sigma^{2*}=\mathrm{SSE}/D$，即当前的均方误差。代回去重构项变成 $\frac D2\log\mathrm{MSE}+$ 常数：随着重构变好，模型自动加大重构的权重（Rybkin 等，2020 的 σ-VAE 正是这样做，并报告比手调 β 更好）。

**$\sigma$ 的影响（像素在 $[0,1]$）：**

- $\sigma=1$：重构误差被除以 2，而典型 MSE 只有 0.01 左右，重构项远小于 KL 的量级，模型宁可让 $q$ 贴近先验——后验坍塌、样本模糊。
- $\sigma$ 很小：KL 几乎无权重，退化为普通自编码器，隐空间出现“先验空洞”，从 $\mathcal N(0,I)$ 采样质量差。
- 逐像素学习 $\sigma$ 时要设下界：在 MNIST 边缘这种恒为 0 的像素上，似然可以通过 $\sigma\to0$ 无限增大，导致数值发散。`,
        en: String.raw`**Gaussian likelihood.** The decoder outputs a mean $\hat x(z)$ and $p(x\mid z)=\mathcal N(\hat x,\sigma^2I)$ over $D$ pixels:
$$-\log p(x\mid z)=\frac{\|x-\hat x\|^2}{2\sigma^2}+\frac D2\log(2\pi\sigma^2).$$
So "MSE reconstruction" is a Gaussian likelihood with a fixed $\sigma$; the common $\mathrm{MSE}+\mathrm{KL}$ (pixel-averaged error plus KL) corresponds to a large $\sigma^2=D/2$.

**Equivalence with β-VAE.** With $\sigma$ fixed the second term is constant:
$$-\mathrm{ELBO}=\frac{\mathrm{SSE}}{2\sigma^2}+\mathrm{KL}+C=\frac1{2\sigma^2}\big(\mathrm{SSE}+2\sigma^2\,\mathrm{KL}\big)+C .$$
A positive factor does not move the optimum, so this is the β-VAE objective $\mathrm{SSE}+\beta\,\mathrm{KL}$ with $\beta=2\sigma^2$. $\sigma$ is the "how exact must reconstructions be" knob.

**Learning $\sigma^2$ (shared by all pixels).** Differentiate in $\sigma^2$: $-\frac{\mathrm{SSE}}{2\sigma^4}+\frac D{2\sigma^2}=0\Rightarrow\sigma^{2*}=\mathrm{SSE}/D$, the current mean squared error. Substituting back, the reconstruction term becomes $\frac D2\log\mathrm{MSE}+$ const: as reconstructions improve, the model raises their weight by itself (the σ-VAE of Rybkin et al., 2020, does exactly this and reports it beats a hand-tuned β).

**Effect of $\sigma$ (pixels in $[0,1]$):**

- $\sigma=1$: the squared error is halved while a typical MSE is about 0.01, so the reconstruction term is tiny next to the KL and the model prefers $q$ close to the prior: posterior collapse, blurry samples.
- very small $\sigma$: the KL has almost no weight, the model degenerates to a plain autoencoder with "prior holes", and samples from $\mathcal N(0,I)$ are poor.
- with a learned per-pixel $\sigma$, bound it from below: on always-zero pixels (MNIST borders) the likelihood grows without bound as $\sigma\to0$ and training diverges.`,
      },
    },
    references: [R_SIGMA_VAE, R_BETA_VAE, R_VAE_INTRO],
    verification: [V_T_GNLL],
  },
  {
    id: 'gen-bernoulli-vs-gaussian-likelihood',
    topic: 'gan-vae',
    subtopic: 'vae-implementation',
    tags: ['bernoulli-likelihood', 'binary-cross-entropy', 'mse', 'continuous-bernoulli'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: String.raw`Fashion-MNIST 的像素是 $[0,1]$ 上的灰度值，不是 0/1。(1) 用伯努利似然（BCE）时，目标像素 $x=0.5$、预测 $p=0.5$ 的损失是多少？为什么不是 0？(2) BCE 与 MSE 对解码器 logit 的梯度分别是什么？(3) 什么时候选哪种？`,
      en: String.raw`Fashion-MNIST pixels are grey levels in $[0,1]$, not 0/1. (1) With a Bernoulli likelihood (BCE), what is the loss for a target pixel $x=0.5$ and a prediction $p=0.5$, and why is it not 0? (2) What are the gradients of BCE and of MSE with respect to the decoder's logit? (3) When would you choose which?`,
    },
    answer: {
      short: {
        zh: String.raw`(1) $-[0.5\log0.5+0.5\log0.5]=\log2\approx0.693$。BCE 对 $p$ 的最小值在 $p=x$ 处，但最小值是 $x$ 的熵 $H(x)$，只有 $x\in\{0,1\}$ 时才为 0；对非二值数据它也不是归一化的似然（连续伯努利分布修正了这一点）。(2) BCE 对 logit 的梯度是 $\sigma(a)-x$；sigmoid 输出接 MSE 的梯度是 $(\sigma(a)-x)\sigma(a)(1-\sigma(a))$，在饱和处会消失。(3) 近似二值的图像用 BCE（习惯上也用于灰度图，但数值不能当成真正的似然报告）；连续数据用高斯，且要选好或学习 $\sigma$。`,
        en: String.raw`(1) $-[0.5\log0.5+0.5\log0.5]=\log2\approx0.693$. BCE is minimized at $p=x$, but its minimum is the entropy $H(x)$, which is 0 only for $x\in\{0,1\}$; for non-binary data it is not even a normalized likelihood (the continuous Bernoulli fixes that). (2) The BCE gradient with respect to the logit is $\sigma(a)-x$; MSE on a sigmoid output gives $(\sigma(a)-x)\sigma(a)(1-\sigma(a))$, which vanishes when saturated. (3) BCE for nearly binary images (customarily also for grey levels, but then its value is not a true likelihood to report); a Gaussian for continuous data, with $\sigma$ chosen or learned.`,
      },
      full: {
        zh: String.raw`**(1) BCE 的最小值。** 伯努利负对数似然（对像素求和）$\ell(x,p)=-\sum_i[x_i\log p_i+(1-x_i)\log(1-p_i)]$。对 $p_i$ 求导为 0 得 $p_i=x_i$，代回得最小值 $H(x_i)=-x_i\log x_i-(1-x_i)\log(1-x_i)$：

- $x=0.5$：$\log2\approx0.693$；
- $x=0.9$：$0.325$；
- $x\in\{0,1\}$：0。

所以灰度图上 BCE 永远有一个与模型无关的下限，报告的“重构损失”和“负 ELBO”不是 nats 意义下的真实似然。更根本的是：$x\in[0,1]$ 时 $p^x(1-p)^{1-x}$ 对 $x$ 积分不等于 1，它不是 $[0,1]$ 上的概率密度。连续伯努利分布（Loaiza-Ganem & Cunningham，2019）加上归一化常数 $C(p)$ 修正了这一点，并报告了更好的结果。

**(2) 梯度。** 令 $p=\sigma(a)$：

- BCE：$\partial\ell/\partial a=\sigma(a)-x$，有界，且不会因 sigmoid 饱和而消失（这与交叉熵配 softmax 是同一个道理）；
- sigmoid + MSE（$\tfrac12(\sigma(a)-x)^2$）：$\partial/\partial a=(\sigma(a)-x)\,\sigma(a)(1-\sigma(a))$，当预测错误却饱和时（如 $\sigma(a)\approx0$ 而 $x=1$）梯度接近 0；
- 高斯似然直接作用于线性输出 $\hat x$：$\partial/\partial\hat x=(\hat x-x)/\sigma^2$，尺度由 $\sigma$ 决定。

**(3) 选择。**

- 二值化 MNIST：伯努利是正确的似然，负 ELBO 可以和文献比较。
- 灰度 Fashion-MNIST：BCE 是常见而实用的选择（Keras 示例也这样做），重构清晰；但要清楚它的下限不为 0，和别的似然得到的数值不可比。
- 自然图像等连续数据：高斯（选好或学习 $\sigma$）、离散化 logistic 混合，或在 8 位像素上用 256 类分类似然；用 MSE 时记住它等价于一个特定的 $\sigma$（即特定的 β）。`,
        en: String.raw`**(1) The minimum of BCE.** The Bernoulli negative log-likelihood (summed over pixels) is $\ell(x,p)=-\sum_i[x_i\log p_i+(1-x_i)\log(1-p_i)]$. Setting the derivative in $p_i$ to 0 gives $p_i=x_i$, and the minimum is $H(x_i)=-x_i\log x_i-(1-x_i)\log(1-x_i)$:

- $x=0.5$: $\log2\approx0.693$;
- $x=0.9$: $0.325$;
- $x\in\{0,1\}$: 0.

So on grey levels BCE has a floor that no model can beat, and the reported "reconstruction loss" and "negative ELBO" are not true likelihoods in nats. More fundamentally, for $x\in[0,1]$, $p^x(1-p)^{1-x}$ does not integrate to 1 over $x$: it is not a density on $[0,1]$. The continuous Bernoulli (Loaiza-Ganem & Cunningham, 2019) adds the normalizing constant $C(p)$ and reports better results.

**(2) Gradients.** With $p=\sigma(a)$:

- BCE: $\partial\ell/\partial a=\sigma(a)-x$, bounded, and it does not vanish when the sigmoid saturates (the same reason cross-entropy pairs with softmax);
- sigmoid + MSE ($\tfrac12(\sigma(a)-x)^2$): $\partial/\partial a=(\sigma(a)-x)\,\sigma(a)(1-\sigma(a))$, close to 0 when the prediction is wrong but saturated (e.g. $\sigma(a)\approx0$ with $x=1$);
- a Gaussian likelihood on a linear output $\hat x$: $\partial/\partial\hat x=(\hat x-x)/\sigma^2$, with the scale set by $\sigma$.

**(3) Choice.**

- Binarized MNIST: Bernoulli is the correct likelihood and negative ELBOs are comparable with the literature.
- Grey-level Fashion-MNIST: BCE is a common, practical choice (the Keras example uses it) and gives sharp reconstructions, but know that its floor is not 0 and its numbers are not comparable with other likelihoods.
- Natural images and other continuous data: a Gaussian (with a chosen or learned $\sigma$), a discretized logistic mixture, or a 256-way categorical on 8-bit pixels; when you use MSE, remember it is a particular $\sigma$ (a particular β).`,
      },
    },
    references: [R_CONTINUOUS_BERNOULLI, R_KERAS_VAE, R_VAE],
    verification: [V_T_BNLL, V_T_GNLL],
  },
  {
    id: 'gen-inception-score-bounds',
    topic: 'gan-vae',
    subtopic: 'evaluation',
    tags: ['inception-score', 'mutual-information', 'entropy', 'derivation'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: String.raw`证明 $\mathrm{IS}=\exp\big(\mathbb E_x\mathrm{KL}(p(y\mid x)\|p(y))\big)=\exp\big(H(p(y))-\mathbb E_xH(p(y\mid x))\big)$，并由此说明 $1\le\mathrm{IS}\le K$（$K$ 为类别数）。怎样的生成器能“刷高” IS 而并不好？`,
      en: String.raw`Show that $\mathrm{IS}=\exp\big(\mathbb E_x\mathrm{KL}(p(y\mid x)\|p(y))\big)=\exp\big(H(p(y))-\mathbb E_xH(p(y\mid x))\big)$ and conclude that $1\le\mathrm{IS}\le K$ for $K$ classes. What kind of generator can "game" IS without being good?`,
    },
    answer: {
      short: {
        zh: String.raw`展开 $\mathbb E_x\sum_yp(y\mid x)\log\frac{p(y\mid x)}{p(y)}=-\mathbb E_xH(p(y\mid x))-\sum_yp(y)\log p(y)$，即互信息 $I(x;y)$。$0\le I\le H(p(y))\le\log K$，所以 $1\le\mathrm{IS}\le K$，上限在预测全为 one-hot 且类别均匀时取到。每类只生成一张清晰的图、或生成对抗性地让分类器很自信的图，都能拿高分。`,
        en: String.raw`Expanding $\mathbb E_x\sum_yp(y\mid x)\log\frac{p(y\mid x)}{p(y)}=-\mathbb E_xH(p(y\mid x))-\sum_yp(y)\log p(y)$ gives the mutual information $I(x;y)$. Since $0\le I\le H(p(y))\le\log K$, $1\le\mathrm{IS}\le K$, with the maximum for one-hot predictions over uniformly used classes. One crisp image per class, or images adversarially made to look confident to the classifier, both score high.`,
      },
      full: {
        zh: String.raw`**推导。** 记 $p(y)=\mathbb E_xp(y\mid x)$。
$$\mathbb E_x\mathrm{KL}(p(y\mid x)\|p(y))=\mathbb E_x\sum_yp(y\mid x)\log p(y\mid x)-\sum_y\underbrace{\mathbb E_x[p(y\mid x)]}_{p(y)}\log p(y)=-\mathbb E_xH(p(y\mid x))+H(p(y)).$$
这正是生成样本 $x$ 与预测类别 $y$ 之间的互信息 $I(x;y)=H(y)-H(y\mid x)$。

**界。** 互信息非负，所以 $\mathrm{IS}\ge1$，等号在所有 $p(y\mid x)$ 相同（分类器从样本里得不到任何信息）时成立；$I(x;y)\le H(y)\le\log K$，所以 $\mathrm{IS}\le K$，等号需要 $H(y\mid x)=0$（每张图都是 one-hot 预测）且 $p(y)$ 均匀。

**哪些“好分数”是假的：**

- **类内模式崩溃**：每个类别只生成一张完美的图，$H(y\mid x)=0$、$p(y)$ 均匀，IS 达到上限 $K$，但多样性几乎为零。
- **对抗样本**：直接优化 IS 的生成器会产生让分类器极其自信、人眼却不认识的图（Barratt & Sharma，2018）。
- **与数据无关**：IS 从不看真实数据，真实数据本身类别不均衡时，“正确”的生成器反而得分低。
- **实现依赖**：不同框架的 Inception 权重、图像缩放、划分成 10 份求平均的做法，都会让数值不同。

所以 IS 只适合作粗略的、同一设置下的比较，并要配合 FID、精度/召回和覆盖数。`,
        en: String.raw`**Derivation.** With $p(y)=\mathbb E_xp(y\mid x)$,
$$\mathbb E_x\mathrm{KL}(p(y\mid x)\|p(y))=\mathbb E_x\sum_yp(y\mid x)\log p(y\mid x)-\sum_y\underbrace{\mathbb E_x[p(y\mid x)]}_{p(y)}\log p(y)=-\mathbb E_xH(p(y\mid x))+H(p(y)).$$
That is the mutual information $I(x;y)=H(y)-H(y\mid x)$ between a generated sample $x$ and its predicted class $y$.

**Bounds.** Mutual information is non-negative, so $\mathrm{IS}\ge1$, with equality when every $p(y\mid x)$ is the same (the classifier learns nothing from the sample); $I(x;y)\le H(y)\le\log K$, so $\mathrm{IS}\le K$, with equality only if $H(y\mid x)=0$ (one-hot predictions) and $p(y)$ is uniform.

**Which high scores are fake:**

- **Intra-class mode collapse**: one perfect image per class gives $H(y\mid x)=0$ and a uniform $p(y)$, so IS reaches $K$ with almost no diversity.
- **Adversarial samples**: a generator that optimizes IS directly produces images the classifier is very sure about and humans do not recognize (Barratt & Sharma, 2018).
- **Blind to data**: IS never looks at real data; if the real classes are imbalanced, a *correct* generator scores lower.
- **Implementation-dependent**: Inception weights of different frameworks, resizing, and the "split into 10 and average" protocol all change the number.

So IS is only for rough comparisons under one fixed setup, alongside FID, precision/recall and coverage.`,
      },
    },
    references: [R_IMPROVED, R_IS_NOTE],
    verification: [V_T_IS],
  },
  {
    id: 'gen-wgan-critic-to-optimality',
    topic: 'gan-vae',
    subtopic: 'wgan',
    tags: ['wgan', 'critic', 'n-critic', 'vanishing-gradient'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: String.raw`标准 GAN 里，判别器训练得太好会让生成器梯度消失；WGAN 却主张把 critic 训练到接近最优（每步生成器配 5 步 critic）。为什么这不矛盾？WGAN 生成器的梯度是什么？`,
      en: String.raw`In a standard GAN a discriminator that is too good makes the generator's gradient vanish, yet WGAN recommends training the critic close to optimality (5 critic steps per generator step). Why is that not a contradiction? What is the WGAN generator's gradient?`,
    },
    answer: {
      short: {
        zh: String.raw`标准 GAN 的最优判别器在支撑集分离时是一个饱和的阶跃函数，$\log(1-D)$ 在样本处几乎平坦，梯度消失；WGAN 的最优 critic 是 1-Lipschitz 函数，斜率几乎处处为 $\pm1$，在生成样本处仍指向数据。生成器梯度为 $\nabla_\theta W_1=-\mathbb E_z[\nabla_\theta f^*(G_\theta(z))]$（包络定理），critic 越接近最优，这个梯度越准。`,
        en: String.raw`In a standard GAN, the optimal discriminator for separated supports is a saturated step, so $\log(1-D)$ is nearly flat at the samples and the gradient vanishes; WGAN's optimal critic is 1-Lipschitz with slope $\pm1$ almost everywhere, still pointing toward the data at the generated samples. The generator's gradient is $\nabla_\theta W_1=-\mathbb E_z[\nabla_\theta f^*(G_\theta(z))]$ (envelope theorem), and the closer the critic is to optimal, the more accurate it is.`,
      },
      full: {
        zh: String.raw`**标准 GAN。** 支撑集不相交时存在完美的判别器：在数据上为 1、在生成样本上为 0，并且（Arjovsky & Bottou，2017）可以在两者附近取常数。于是在生成样本附近 $\nabla_xD\approx0$，极小极大损失 $\log(1-D(G(z)))$ 的梯度消失；非饱和损失 $-\log D$ 虽然不为零，但方向不稳定、方差大。判别器越接近最优，问题越严重，所以实践中要让 $D$“别太强”。

**WGAN。** 目标是 $W_1(p_{data},p_\theta)=\max_{\|f\|_L\le1}\mathbb E_{data}f-\mathbb E_zf(G_\theta(z))$。在最优 critic $f^*$ 处，由包络定理（Arjovsky 等，2017，定理 3）
$$\nabla_\theta W_1=-\mathbb E_{z}\big[\nabla_\theta f^*(G_\theta(z))\big]=-\mathbb E_z\big[\nabla_xf^*(x)\big|_{x=G_\theta(z)}\,\partial_\theta G_\theta(z)\big].$$
1-Lipschitz 约束不允许 $f^*$ 在中间“饱和成阶跃”：它必须以斜率不超过 1 连续地从数据处升到生成样本处降（一维例子里斜率恰好是 $\pm1$），所以 $\nabla_xf^*$ 在生成样本处的大小接近 1、方向指向数据。critic 训练得越好，$f$ 越接近 $f^*$，生成器拿到的梯度就越接近 $W_1$ 的真梯度。

**实践含义。**

- 每个生成器步配 $n_{critic}=5$ 步 critic，且不必担心 critic “太强”；
- critic 的损失（$W_1$ 估计）可以作为训练曲线，与样本质量相关；
- 约束的实现决定了这一切是否成立：权重裁剪会让 critic 过于简单、估计不准，梯度惩罚或谱归一化更可靠；
- Mescheder 等（2018）指出，有限步 critic 的 WGAN 在某些例子上仍不收敛，所以“训练到最优”是一个理想化的前提，而不是保证。`,
        en: String.raw`**Standard GAN.** With disjoint supports a perfect discriminator exists: 1 on the data, 0 on the samples, and (Arjovsky & Bottou, 2017) it can be constant near both. Then $\nabla_xD\approx0$ around the generated samples and the minimax loss $\log(1-D(G(z)))$ has a vanishing gradient; the non-saturating $-\log D$ is not zero but unstable and high-variance. The closer $D$ is to optimal, the worse it gets, so in practice $D$ must "not be too strong".

**WGAN.** The objective is $W_1(p_{data},p_\theta)=\max_{\|f\|_L\le1}\mathbb E_{data}f-\mathbb E_zf(G_\theta(z))$. At the optimal critic $f^*$, the envelope theorem (Arjovsky et al., 2017, Theorem 3) gives
$$\nabla_\theta W_1=-\mathbb E_{z}\big[\nabla_\theta f^*(G_\theta(z))\big]=-\mathbb E_z\big[\nabla_xf^*(x)\big|_{x=G_\theta(z)}\,\partial_\theta G_\theta(z)\big].$$
The 1-Lipschitz constraint forbids $f^*$ from saturating into a step in between: it has to rise and fall continuously, with slope at most 1, between data and samples (in the 1-D example the slope is exactly $\pm1$), so $\nabla_xf^*$ at the samples has size near 1 and points toward the data. The better the critic, the closer $f$ is to $f^*$ and the closer the generator's gradient is to the true gradient of $W_1$.

**In practice.**

- $n_{critic}=5$ critic steps per generator step, with no fear of the critic being "too strong";
- the critic loss (the $W_1$ estimate) is a training curve that tracks sample quality;
- whether all this holds depends on the constraint: weight clipping makes the critic too simple and the estimate poor; gradient penalties or spectral normalization are more reliable;
- Mescheder et al. (2018) show that WGAN with a finite number of critic steps still fails to converge on some examples, so "train to optimality" is an idealized premise, not a guarantee.`,
      },
    },
    references: [R_WGAN, R_PRINCIPLED, R_CONVERGE],
  },
  // ───────────────────────────── Diffusion: the modern contrast ─────────────────────────────
  {
    id: 'gen-ddpm-forward-closed-form',
    topic: 'gan-vae',
    subtopic: 'diffusion',
    tags: ['ddpm', 'forward-process', 'noise-schedule', 'derivation'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: String.raw`DDPM 的前向过程是 $q(x_t\mid x_{t-1})=\mathcal N(\sqrt{1-\beta_t}\,x_{t-1},\beta_tI)$。推导 $q(x_t\mid x_0)$ 的闭式解。对 DDPM 的线性调度（$\beta$ 从 $10^{-4}$ 线性增到 0.02，$T=1000$），$\bar\alpha_T$ 大约是多少？这说明了什么？`,
      en: String.raw`DDPM's forward process is $q(x_t\mid x_{t-1})=\mathcal N(\sqrt{1-\beta_t}\,x_{t-1},\beta_tI)$. Derive the closed form of $q(x_t\mid x_0)$. For DDPM's linear schedule ($\beta$ from $10^{-4}$ to 0.02 linearly, $T=1000$), roughly what is $\bar\alpha_T$, and what does it tell you?`,
    },
    answer: {
      short: {
        zh: String.raw`记 $\alpha_t=1-\beta_t$、$\bar\alpha_t=\prod_{s\le t}\alpha_s$，则 $q(x_t\mid x_0)=\mathcal N(\sqrt{\bar\alpha_t}\,x_0,(1-\bar\alpha_t)I)$，即 $x_t=\sqrt{\bar\alpha_t}x_0+\sqrt{1-\bar\alpha_t}\,\varepsilon$。均值每步乘 $\sqrt{\alpha_t}$，方差满足 $v_t=\alpha_tv_{t-1}+\beta_t$，从 $v_0=0$ 解得 $1-\bar\alpha_t$。线性调度下 $\bar\alpha_{1000}\approx4.0\times10^{-5}$（$\sqrt{\bar\alpha_T}\approx0.006$），$x_T$ 几乎就是标准正态，所以采样可以从 $\mathcal N(0,I)$ 出发；训练时可以对任意 $t$ 一步得到 $x_t$。`,
        en: String.raw`With $\alpha_t=1-\beta_t$ and $\bar\alpha_t=\prod_{s\le t}\alpha_s$, $q(x_t\mid x_0)=\mathcal N(\sqrt{\bar\alpha_t}\,x_0,(1-\bar\alpha_t)I)$, i.e. $x_t=\sqrt{\bar\alpha_t}x_0+\sqrt{1-\bar\alpha_t}\,\varepsilon$. The mean is multiplied by $\sqrt{\alpha_t}$ each step and the variance follows $v_t=\alpha_tv_{t-1}+\beta_t$, which from $v_0=0$ solves to $1-\bar\alpha_t$. Under the linear schedule $\bar\alpha_{1000}\approx4.0\times10^{-5}$ ($\sqrt{\bar\alpha_T}\approx0.006$): $x_T$ is essentially standard normal, so sampling can start from $\mathcal N(0,I)$, and training can jump to any $t$ in one step.`,
      },
      full: {
        zh: String.raw`**归纳推导。** 重参数化一步：$x_t=\sqrt{\alpha_t}\,x_{t-1}+\sqrt{\beta_t}\,\varepsilon_t$，$\varepsilon_t\sim\mathcal N(0,I)$ 相互独立。假设 $x_{t-1}=\sqrt{\bar\alpha_{t-1}}\,x_0+\sqrt{1-\bar\alpha_{t-1}}\,\bar\varepsilon$，代入：
$$x_t=\sqrt{\alpha_t\bar\alpha_{t-1}}\,x_0+\underbrace{\sqrt{\alpha_t(1-\bar\alpha_{t-1})}\,\bar\varepsilon+\sqrt{\beta_t}\,\varepsilon_t}_{\text{独立高斯之和}} .$$
两个独立零均值高斯之和仍是高斯，方差相加：$\alpha_t(1-\bar\alpha_{t-1})+1-\alpha_t=1-\alpha_t\bar\alpha_{t-1}=1-\bar\alpha_t$。于是
$$q(x_t\mid x_0)=\mathcal N\big(\sqrt{\bar\alpha_t}\,x_0,\ (1-\bar\alpha_t)I\big).$$
等价地看矩：均值 $m_t=\sqrt{\alpha_t}m_{t-1}$，方差 $v_t=\alpha_tv_{t-1}+\beta_t$；$v_t=1-\bar\alpha_t$ 满足这个递推（$\alpha_t(1-\bar\alpha_{t-1})+1-\alpha_t=1-\bar\alpha_t$）。注意这个过程是“方差保持”的：若 $x_0$ 方差为 1，每一步的边缘方差也保持为 1。

**线性调度的数值。** $\log\bar\alpha_T=\sum_t\log(1-\beta_t)\approx-\sum_t\beta_t-\tfrac12\sum_t\beta_t^2$，其中 $\sum_t\beta_t=1000\times\frac{10^{-4}+0.02}{2}=10.05$，二次项约 0.13，所以 $\bar\alpha_{1000}\approx e^{-10.18}\approx4.0\times10^{-5}$，信号系数 $\sqrt{\bar\alpha_T}\approx0.006$。中间 $t=500$ 时 $\bar\alpha\approx0.079$，信噪比 $\bar\alpha/(1-\bar\alpha)\approx0.085$。

**用途。**

- 训练：随机取 $t$，一步算出 $x_t$，不必模拟前 $t$ 步；
- 采样：$x_T$ 与 $x_0$ 几乎无关，可以从 $\mathcal N(0,I)$ 出发；
- 调度设计：线性调度在末段 $\bar\alpha$ 已经很小，后面许多步几乎纯噪声，余弦调度（Nichol & Dhariwal，2021）让 $\bar\alpha_t$ 下降得更均匀。`,
        en: String.raw`**By induction.** Reparameterize one step: $x_t=\sqrt{\alpha_t}\,x_{t-1}+\sqrt{\beta_t}\,\varepsilon_t$ with independent $\varepsilon_t\sim\mathcal N(0,I)$. Assume $x_{t-1}=\sqrt{\bar\alpha_{t-1}}\,x_0+\sqrt{1-\bar\alpha_{t-1}}\,\bar\varepsilon$ and substitute:
$$x_t=\sqrt{\alpha_t\bar\alpha_{t-1}}\,x_0+\underbrace{\sqrt{\alpha_t(1-\bar\alpha_{t-1})}\,\bar\varepsilon+\sqrt{\beta_t}\,\varepsilon_t}_{\text{sum of independent Gaussians}} .$$
The sum of two independent zero-mean Gaussians is Gaussian with the variances added: $\alpha_t(1-\bar\alpha_{t-1})+1-\alpha_t=1-\alpha_t\bar\alpha_{t-1}=1-\bar\alpha_t$. Hence
$$q(x_t\mid x_0)=\mathcal N\big(\sqrt{\bar\alpha_t}\,x_0,\ (1-\bar\alpha_t)I\big).$$
Equivalently with moments: mean $m_t=\sqrt{\alpha_t}m_{t-1}$, variance $v_t=\alpha_tv_{t-1}+\beta_t$, and $v_t=1-\bar\alpha_t$ satisfies the recursion. The process is "variance preserving": if $x_0$ has unit variance, so does every marginal.

**Numbers for the linear schedule.** $\log\bar\alpha_T=\sum_t\log(1-\beta_t)\approx-\sum_t\beta_t-\tfrac12\sum_t\beta_t^2$ with $\sum_t\beta_t=1000\times\frac{10^{-4}+0.02}{2}=10.05$ and a quadratic term of about 0.13, so $\bar\alpha_{1000}\approx e^{-10.18}\approx4.0\times10^{-5}$ and the signal coefficient is $\sqrt{\bar\alpha_T}\approx0.006$. Halfway, at $t=500$, $\bar\alpha\approx0.079$ and the signal-to-noise ratio $\bar\alpha/(1-\bar\alpha)\approx0.085$.

**Uses.**

- Training: draw $t$ at random and compute $x_t$ in one step, without simulating the first $t$ steps.
- Sampling: $x_T$ is almost independent of $x_0$, so it starts from $\mathcal N(0,I)$.
- Schedule design: under the linear schedule $\bar\alpha$ is already tiny well before the end and many late steps are nearly pure noise; the cosine schedule (Nichol & Dhariwal, 2021) makes $\bar\alpha_t$ fall more evenly.`,
      },
    },
    references: [R_DDPM, R_DIFFUSION_2015, R_IMPROVED_DDPM],
    verification: [V_T_DDPM_MARGINAL, V_T_ALPHA_BARS],
  },
  {
    id: 'gen-ddpm-noise-prediction-loss',
    topic: 'gan-vae',
    subtopic: 'diffusion',
    tags: ['ddpm', 'noise-prediction', 'elbo', 'posterior'],
    kind: 'derivation',
    difficulty: 4,
    prompt: {
      zh: String.raw`写出 DDPM 前向过程的后验 $q(x_{t-1}\mid x_t,x_0)$，说明 ELBO 中的 $\mathrm{KL}(q(x_{t-1}\mid x_t,x_0)\|p_\theta(x_{t-1}\mid x_t))$ 如何变成噪声预测损失 $\|\varepsilon-\varepsilon_\theta(x_t,t)\|^2$，以及 $L_{simple}$ 丢掉的权重是什么。`,
      en: String.raw`Write the DDPM forward-process posterior $q(x_{t-1}\mid x_t,x_0)$, show how the ELBO term $\mathrm{KL}(q(x_{t-1}\mid x_t,x_0)\|p_\theta(x_{t-1}\mid x_t))$ becomes the noise-prediction loss $\|\varepsilon-\varepsilon_\theta(x_t,t)\|^2$, and say what weight $L_{simple}$ drops.`,
    },
    answer: {
      short: {
        zh: String.raw`$q(x_{t-1}\mid x_t,x_0)=\mathcal N(\tilde\mu_t,\tilde\beta_tI)$，$\tilde\mu_t=\frac{\sqrt{\bar\alpha_{t-1}}\beta_t}{1-\bar\alpha_t}x_0+\frac{\sqrt{\alpha_t}(1-\bar\alpha_{t-1})}{1-\bar\alpha_t}x_t$，$\tilde\beta_t=\frac{1-\bar\alpha_{t-1}}{1-\bar\alpha_t}\beta_t$。代入 $x_0=(x_t-\sqrt{1-\bar\alpha_t}\varepsilon)/\sqrt{\bar\alpha_t}$ 得 $\tilde\mu_t=\frac1{\sqrt{\alpha_t}}(x_t-\frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\varepsilon)$；让 $\mu_\theta$ 取同样形式、用 $\varepsilon_\theta$ 代替 $\varepsilon$，方差固定为 $\sigma_t^2$ 时 KL $=\frac{\beta_t^2}{2\sigma_t^2\alpha_t(1-\bar\alpha_t)}\|\varepsilon-\varepsilon_\theta\|^2+$ 常数。$L_{simple}$ 把这个权重设为 1。`,
        en: String.raw`$q(x_{t-1}\mid x_t,x_0)=\mathcal N(\tilde\mu_t,\tilde\beta_tI)$ with $\tilde\mu_t=\frac{\sqrt{\bar\alpha_{t-1}}\beta_t}{1-\bar\alpha_t}x_0+\frac{\sqrt{\alpha_t}(1-\bar\alpha_{t-1})}{1-\bar\alpha_t}x_t$ and $\tilde\beta_t=\frac{1-\bar\alpha_{t-1}}{1-\bar\alpha_t}\beta_t$. Substituting $x_0=(x_t-\sqrt{1-\bar\alpha_t}\varepsilon)/\sqrt{\bar\alpha_t}$ gives $\tilde\mu_t=\frac1{\sqrt{\alpha_t}}(x_t-\frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\varepsilon)$; giving $\mu_\theta$ the same form with $\varepsilon_\theta$ in place of $\varepsilon$ and a fixed variance $\sigma_t^2$, the KL is $\frac{\beta_t^2}{2\sigma_t^2\alpha_t(1-\bar\alpha_t)}\|\varepsilon-\varepsilon_\theta\|^2+$ const. $L_{simple}$ sets this weight to 1.`,
      },
      full: {
        zh: String.raw`**后验。** 由贝叶斯公式，$q(x_{t-1}\mid x_t,x_0)\propto q(x_t\mid x_{t-1})\,q(x_{t-1}\mid x_0)$，两个因子都是 $x_{t-1}$ 的高斯：精度相加 $\frac{\alpha_t}{\beta_t}+\frac1{1-\bar\alpha_{t-1}}=\frac{1-\bar\alpha_t}{\beta_t(1-\bar\alpha_{t-1})}$，所以
$$\tilde\beta_t=\frac{1-\bar\alpha_{t-1}}{1-\bar\alpha_t}\beta_t,\qquad\tilde\mu_t=\frac{\sqrt{\bar\alpha_{t-1}}\,\beta_t}{1-\bar\alpha_t}x_0+\frac{\sqrt{\alpha_t}\,(1-\bar\alpha_{t-1})}{1-\bar\alpha_t}x_t .$$

**用噪声表示。** 由 $x_t=\sqrt{\bar\alpha_t}x_0+\sqrt{1-\bar\alpha_t}\,\varepsilon$ 解出 $x_0$ 代入，化简得
$$\tilde\mu_t=\frac1{\sqrt{\alpha_t}}\Big(x_t-\frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\,\varepsilon\Big).$$

**KL 变成回归。** 令 $p_\theta(x_{t-1}\mid x_t)=\mathcal N(\mu_\theta(x_t,t),\sigma_t^2I)$，方差固定（$\sigma_t^2=\beta_t$ 或 $\tilde\beta_t$）。两个方差相同的高斯之间的 KL 只剩均值项：$\mathrm{KL}=\frac{\|\tilde\mu_t-\mu_\theta\|^2}{2\sigma_t^2}+$ 常数。取 $\mu_\theta=\frac1{\sqrt{\alpha_t}}\big(x_t-\frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\varepsilon_\theta(x_t,t)\big)$，则 $\tilde\mu_t-\mu_\theta=\frac{\beta_t}{\sqrt{\alpha_t(1-\bar\alpha_t)}}(\varepsilon_\theta-\varepsilon)$，
$$L_{t-1}=\mathbb E_{x_0,\varepsilon}\Big[\frac{\beta_t^2}{2\sigma_t^2\,\alpha_t\,(1-\bar\alpha_t)}\,\big\|\varepsilon-\varepsilon_\theta(\sqrt{\bar\alpha_t}x_0+\sqrt{1-\bar\alpha_t}\varepsilon,\ t)\big\|^2\Big]+C .$$

**$L_{simple}$。** Ho 等（2020）把权重设为 1，并对 $t$ 均匀采样：$L_{simple}=\mathbb E_{t,x_0,\varepsilon}\|\varepsilon-\varepsilon_\theta(x_t,t)\|^2$。取 $\sigma_t^2=\beta_t$ 时原权重为 $\frac{\beta_t}{2\alpha_t(1-\bar\alpha_t)}$：线性调度下 $t=1$ 约 0.5，$t=100$ 约 0.010，$t=1000$ 约 0.010。去掉权重相当于相对 ELBO 降低了很小 $t$（几乎无噪声、感知上不重要）的权重，让网络更多地学习较难的大噪声去噪，样本质量更好，但似然略差；Nichol & Dhariwal（2021）混合 $L_{simple}$ 与 $L_{vlb}$ 并学习方差来兼顾两者。

**与分数的关系。** $\nabla_{x_t}\log q(x_t\mid x_0)=-\varepsilon/\sqrt{1-\bar\alpha_t}$，所以预测噪声等价于学习分数函数 $s_\theta=-\varepsilon_\theta/\sqrt{1-\bar\alpha_t}$（去噪分数匹配）。`,
        en: String.raw`**Posterior.** By Bayes, $q(x_{t-1}\mid x_t,x_0)\propto q(x_t\mid x_{t-1})\,q(x_{t-1}\mid x_0)$, both Gaussian in $x_{t-1}$: the precisions add, $\frac{\alpha_t}{\beta_t}+\frac1{1-\bar\alpha_{t-1}}=\frac{1-\bar\alpha_t}{\beta_t(1-\bar\alpha_{t-1})}$, so
$$\tilde\beta_t=\frac{1-\bar\alpha_{t-1}}{1-\bar\alpha_t}\beta_t,\qquad\tilde\mu_t=\frac{\sqrt{\bar\alpha_{t-1}}\,\beta_t}{1-\bar\alpha_t}x_0+\frac{\sqrt{\alpha_t}\,(1-\bar\alpha_{t-1})}{1-\bar\alpha_t}x_t .$$

**In terms of the noise.** Solve $x_t=\sqrt{\bar\alpha_t}x_0+\sqrt{1-\bar\alpha_t}\,\varepsilon$ for $x_0$ and substitute; it simplifies to
$$\tilde\mu_t=\frac1{\sqrt{\alpha_t}}\Big(x_t-\frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\,\varepsilon\Big).$$

**The KL becomes a regression.** Let $p_\theta(x_{t-1}\mid x_t)=\mathcal N(\mu_\theta(x_t,t),\sigma_t^2I)$ with a fixed variance ($\sigma_t^2=\beta_t$ or $\tilde\beta_t$). Between two Gaussians with equal variances only the mean term remains: $\mathrm{KL}=\frac{\|\tilde\mu_t-\mu_\theta\|^2}{2\sigma_t^2}+$ const. With $\mu_\theta=\frac1{\sqrt{\alpha_t}}\big(x_t-\frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\varepsilon_\theta(x_t,t)\big)$, $\tilde\mu_t-\mu_\theta=\frac{\beta_t}{\sqrt{\alpha_t(1-\bar\alpha_t)}}(\varepsilon_\theta-\varepsilon)$ and
$$L_{t-1}=\mathbb E_{x_0,\varepsilon}\Big[\frac{\beta_t^2}{2\sigma_t^2\,\alpha_t\,(1-\bar\alpha_t)}\,\big\|\varepsilon-\varepsilon_\theta(\sqrt{\bar\alpha_t}x_0+\sqrt{1-\bar\alpha_t}\varepsilon,\ t)\big\|^2\Big]+C .$$

**$L_{simple}$.** Ho et al. (2020) set the weight to 1 and sample $t$ uniformly: $L_{simple}=\mathbb E_{t,x_0,\varepsilon}\|\varepsilon-\varepsilon_\theta(x_t,t)\|^2$. With $\sigma_t^2=\beta_t$ the dropped weight is $\frac{\beta_t}{2\alpha_t(1-\bar\alpha_t)}$: about 0.5 at $t=1$, 0.010 at $t=100$ and 0.010 at $t=1000$ under the linear schedule. Dropping it down-weights, relative to the ELBO, the very small $t$ (almost no noise, perceptually unimportant) so the network spends more effort on the harder large-noise denoising: better samples, slightly worse likelihood. Nichol & Dhariwal (2021) mix $L_{simple}$ with $L_{vlb}$ and learn the variances to get both.

**Link to scores.** $\nabla_{x_t}\log q(x_t\mid x_0)=-\varepsilon/\sqrt{1-\bar\alpha_t}$, so predicting the noise is learning the score $s_\theta=-\varepsilon_\theta/\sqrt{1-\bar\alpha_t}$ (denoising score matching).`,
      },
    },
    references: [R_DDPM, R_IMPROVED_DDPM, R_SCORE_SDE],
    verification: [V_T_DDPM_POSTERIOR],
  },
  {
    id: 'gen-classifier-free-guidance',
    topic: 'gan-vae',
    subtopic: 'diffusion',
    tags: ['classifier-free-guidance', 'conditional-generation', 'diffusion', 'score'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: String.raw`用一行公式说明无分类器引导（classifier-free guidance），它为什么有效？引导强度调大有什么代价？`,
      en: String.raw`State classifier-free guidance in one line. Why does it work, and what does a larger guidance scale cost?`,
    },
    answer: {
      short: {
        zh: String.raw`$\tilde\varepsilon=(1+w)\,\varepsilon_\theta(x_t,t,c)-w\,\varepsilon_\theta(x_t,t,\varnothing)$：同一个网络训练时以 10%–20% 的概率丢掉条件，采样时把条件预测和无条件预测做外推。它相当于沿 $\nabla\log p(c\mid x_t)$ 这个“隐式分类器”的方向额外走 $w$ 倍；$w$ 越大样本越贴合条件、越清晰，但多样性下降、颜色过饱和（FID 先降后升）。`,
        en: String.raw`$\tilde\varepsilon=(1+w)\,\varepsilon_\theta(x_t,t,c)-w\,\varepsilon_\theta(x_t,t,\varnothing)$: one network is trained with the condition dropped 10–20% of the time, and sampling extrapolates from the unconditional prediction past the conditional one. It adds $w$ times the direction of the "implicit classifier" $\nabla\log p(c\mid x_t)$; larger $w$ gives samples that follow the condition more closely and look crisper, at the cost of diversity and oversaturated colours (FID first improves, then worsens).`,
      },
      full: {
        zh: String.raw`**公式（Ho & Salimans，2022）。**
$$\tilde\varepsilon_\theta(x_t,c)=(1+w)\,\varepsilon_\theta(x_t,c)-w\,\varepsilon_\theta(x_t,\varnothing).$$
$w=0$ 是普通条件模型；也常写成 $\varepsilon_\varnothing+s(\varepsilon_c-\varepsilon_\varnothing)$，$s=1+w$。训练时以一定概率（10%–20%）把条件 $c$ 换成空标记 $\varnothing$，一个网络同时学会条件与无条件预测。

**为什么有效。** 噪声预测与分数成比例：$\varepsilon_\theta\approx-\sqrt{1-\bar\alpha_t}\,\nabla_{x_t}\log p(x_t)$。由贝叶斯公式 $\nabla\log p(c\mid x_t)=\nabla\log p(x_t\mid c)-\nabla\log p(x_t)$，所以引导后的分数是
$$\nabla\log p(x_t\mid c)+w\,\nabla\log p(c\mid x_t),$$
相当于从 $p(x_t\mid c)\,p(c\mid x_t)^w$ 采样：偏向“分类器最确信属于 $c$”的样本。与分类器引导（Dhariwal & Nichol，2021）相比，它不需要在噪声图像上另外训练分类器，也避免了对分类器梯度的对抗式利用。

**代价。**

- 多样性与质量的权衡：$w$ 增大，精度/与文本的一致性上升，召回和多样性下降；FID 通常在适中的 $w$ 处最好，过大时上升；
- 大 $w$ 下颜色过饱和、对比度过高（常用动态阈值等技巧缓解）；
- 每步要算两次网络（条件和无条件），采样开销翻倍（可以合并成一个批次，或用蒸馏去掉）。

它与 GAN 的截断技巧类似：都是用多样性换取单个样本的质量。`,
        en: String.raw`**Formula (Ho & Salimans, 2022).**
$$\tilde\varepsilon_\theta(x_t,c)=(1+w)\,\varepsilon_\theta(x_t,c)-w\,\varepsilon_\theta(x_t,\varnothing).$$
$w=0$ is the plain conditional model; it is also written $\varepsilon_\varnothing+s(\varepsilon_c-\varepsilon_\varnothing)$ with $s=1+w$. During training the condition $c$ is replaced by a null token $\varnothing$ with some probability (10–20%), so one network learns both the conditional and the unconditional prediction.

**Why it works.** The noise prediction is proportional to the score: $\varepsilon_\theta\approx-\sqrt{1-\bar\alpha_t}\,\nabla_{x_t}\log p(x_t)$. By Bayes, $\nabla\log p(c\mid x_t)=\nabla\log p(x_t\mid c)-\nabla\log p(x_t)$, so the guided score is
$$\nabla\log p(x_t\mid c)+w\,\nabla\log p(c\mid x_t),$$
i.e. sampling from $p(x_t\mid c)\,p(c\mid x_t)^w$: biased toward samples an implicit classifier is most sure belong to $c$. Unlike classifier guidance (Dhariwal & Nichol, 2021) it needs no separate classifier trained on noisy images, and it avoids adversarially exploiting a classifier's gradients.

**Costs.**

- Diversity vs quality: as $w$ grows, precision and agreement with the prompt rise while recall and diversity fall; FID is usually best at a moderate $w$ and worsens beyond it.
- Oversaturated, high-contrast colours at large $w$ (mitigated with tricks such as dynamic thresholding).
- Two network evaluations per step (conditional and unconditional), doubling sampling cost (batchable, or removed by distillation).

It plays the same role as the GAN truncation trick: trading diversity for per-sample quality.`,
      },
    },
    references: [R_CFG, R_BEAT_GANS, R_DDPM],
  },
  {
    id: 'gen-generative-trilemma',
    topic: 'gan-vae',
    subtopic: 'model-comparison',
    tags: ['gan', 'vae', 'diffusion', 'trade-offs'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: String.raw`从样本质量、模式覆盖（多样性）、采样速度、是否给出似然、是否有编码器、训练稳定性几个维度，比较 GAN、VAE 和扩散模型。今天做一个新的图像生成任务，你会怎么选？`,
      en: String.raw`Compare GANs, VAEs and diffusion models on sample quality, mode coverage (diversity), sampling speed, likelihood, having an encoder, and training stability. For a new image-generation task today, how would you choose?`,
    },
    answer: {
      short: {
        zh: String.raw`GAN：质量高、一次前向即可采样，但覆盖差、训练不稳定、无似然无编码器。VAE：训练稳定、有编码器和似然下界、采样快，但样本偏模糊。扩散模型：质量和覆盖都最好、训练是稳定的回归，有似然下界，但采样需要几十到上千步。这就是“生成学习三难”（Xiao 等，2021）。通常默认选扩散（常在 VAE 的隐空间里做），实时或单步场景选 GAN 或蒸馏后的扩散，需要表示或密度时选 VAE。`,
        en: String.raw`GANs: high quality and one forward pass per sample, but poor coverage, unstable training, no likelihood and no encoder. VAEs: stable training, an encoder and a likelihood bound, fast sampling, but blurrier samples. Diffusion: the best quality and coverage with a stable regression loss and a likelihood bound, but tens to a thousand steps per sample. This is the "generative learning trilemma" (Xiao et al., 2021). The default today is diffusion (often in a VAE's latent space); GANs or distilled diffusion for real-time single-step generation; VAEs when you need representations or densities.`,
      },
      full: {
        zh: String.raw`| 维度 | GAN | VAE | 扩散模型 |
|---|---|---|---|
| 样本质量 | 高（锐利） | 偏模糊 | 最高 |
| 模式覆盖 | 差，易模式崩溃 | 好（最大似然，覆盖式） | 好 |
| 采样速度 | 一次前向 | 一次前向 | 几十到 1000 步（DDIM、蒸馏可减到几步） |
| 似然 | 无（隐式模型） | ELBO 下界 | ELBO 下界（也可精确计算概率流 ODE 的似然） |
| 编码器 / 隐空间 | 默认没有（需 GAN 反演） | 有，连续、可插值 | 确定性 DDIM 可把图像映回噪声 |
| 训练 | 极小极大博弈，敏感 | 稳定 | 稳定的回归损失 |
| 条件控制 | cGAN、投影判别器 | 条件 VAE | 分类器 / 无分类器引导，非常灵活 |

**为什么是这样。** GAN 的对抗损失只问“像不像”，所以锐利但会丢模式；VAE 做最大似然并受限于简单的高斯后验和因子化解码器，所以覆盖好但模糊；扩散模型把生成拆成许多个简单的去噪步骤，每步都是稳定的回归，质量和覆盖兼得，代价是步数。

**怎么选：**

- 通用图像/文本到图像：扩散，通常是潜扩散（VAE 负责 8 倍压缩，扩散在隐空间里生成），兼顾质量和成本；
- 实时、单步、资源受限（视频流、交互编辑）：GAN，或把扩散蒸馏成少步模型（一致性模型、对抗蒸馏——又用回了 GAN 损失）；
- 需要表示学习、异常检测、压缩或可计算的似然：VAE（或流模型）；
- 小数据集：GAN 配 ADA 数据增强，或在预训练扩散模型上微调。

面试中值得补一句：这三者经常组合使用，例如 VAE-GAN、Stable Diffusion 的 VAE + 扩散、以及扩散蒸馏中的对抗损失。`,
        en: String.raw`| Aspect | GAN | VAE | Diffusion |
|---|---|---|---|
| Sample quality | high (sharp) | blurrier | highest |
| Mode coverage | poor, prone to collapse | good (maximum likelihood, mass-covering) | good |
| Sampling speed | one forward pass | one forward pass | tens to 1000 steps (a few with DDIM or distillation) |
| Likelihood | none (implicit model) | ELBO bound | ELBO bound (exact via the probability-flow ODE) |
| Encoder / latent space | none by default (needs GAN inversion) | yes, continuous, interpolable | deterministic DDIM maps images back to noise |
| Training | minimax game, fragile | stable | stable regression loss |
| Conditioning | cGAN, projection discriminator | conditional VAE | classifier / classifier-free guidance, very flexible |

**Why.** A GAN's adversarial loss only asks "does it look real", hence sharp samples and dropped modes; a VAE maximizes likelihood under a simple Gaussian posterior and a factorized decoder, hence coverage with blur; a diffusion model splits generation into many easy denoising steps, each a stable regression, and gets both quality and coverage at the price of many steps.

**How to choose:**

- General image and text-to-image generation: diffusion, usually latent diffusion (a VAE compresses 8×, diffusion generates in its latent space), balancing quality and cost.
- Real-time, single-step or resource-limited (video streams, interactive editing): a GAN, or diffusion distilled into a few-step model (consistency models, adversarial distillation — which brings back a GAN loss).
- Representation learning, anomaly detection, compression or a tractable likelihood: a VAE (or a flow).
- Small datasets: a GAN with ADA augmentation, or fine-tuning a pretrained diffusion model.

Worth adding in an interview: the three are often combined, e.g. VAE-GAN, Stable Diffusion's VAE + diffusion, and adversarial losses in diffusion distillation.`,
      },
    },
    references: [R_TRILEMMA, R_BEAT_GANS, R_LDM, R_VAE_GAN, R_ADA],
  },
];
