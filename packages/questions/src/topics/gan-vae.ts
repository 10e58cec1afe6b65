import type { Question, Reference, Verification } from '../schema.js';

// All localized texts are written with String.raw so that LaTeX backslashes need no escaping.
// Code inside answers uses indented Markdown code blocks (no backticks inside String.raw).

const PKG = '@dl/generative';

const verify = (exportName: string, test: string): Verification => ({
  package: PKG,
  export: exportName,
  test,
  status: 'pending',
});

const V_DCGAN = verify('createDcgan', 'packages/generative/src/models/dcgan.test.ts');
const V_VAE = verify('createVae', 'packages/generative/src/models/vae.test.ts');
const V_KL = verify('gaussianKlDivergence', 'packages/generative/src/ops/gaussian-kl.test.ts');
const V_REPARAM = verify('reparameterize', 'packages/generative/src/ops/reparameterize.test.ts');
const V_D_LOSS = verify('discriminatorLoss', 'packages/generative/src/ops/gan-losses.test.ts');
const V_G_LOSS = verify('generatorLoss', 'packages/generative/src/ops/gan-losses.test.ts');
const V_SAMPLING = verify('Sampling', 'packages/generative/src/layers/sampling.test.ts');

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
        zh: String.raw`**结构（与 TensorFlow DCGAN 教程一致，我们的 createDcgan 实现同样的形状）：**

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
        en: String.raw`**Architecture (as in the TensorFlow DCGAN tutorial; our createDcgan builds the same shapes):**

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
];
