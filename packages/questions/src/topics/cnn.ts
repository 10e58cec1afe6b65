import type { Question } from '../schema.js';

/*
 * Text convention: every prompt/answer is an ordinary template literal. LaTeX backslashes are
 * written doubled (`\\frac` produces `\frac`) and Markdown backticks are escaped (\`code\`).
 */

type Reference = Question['references'][number];
type Verification = NonNullable<Question['verification']>[number];

// ---------------------------------------------------------------------------
// References (primary sources only; arXiv ids checked)
// ---------------------------------------------------------------------------

const DLBOOK_CONV: Reference = {
  title: 'Deep Learning, Chapter 9: Convolutional Networks',
  authors: 'Goodfellow, Bengio & Courville',
  year: 2016,
  url: 'https://www.deeplearningbook.org/contents/convnets.html',
};
const DLBOOK_REG: Reference = {
  title: 'Deep Learning, Chapter 7: Regularization for Deep Learning',
  authors: 'Goodfellow, Bengio & Courville',
  year: 2016,
  url: 'https://www.deeplearningbook.org/contents/regularization.html',
};
const DLBOOK_PRACTICAL: Reference = {
  title: 'Deep Learning, Chapter 11: Practical Methodology',
  authors: 'Goodfellow, Bengio & Courville',
  year: 2016,
  url: 'https://www.deeplearningbook.org/contents/guidelines.html',
};
const CONV_ARITHMETIC: Reference = {
  title: 'A guide to convolution arithmetic for deep learning',
  authors: 'Dumoulin & Visin',
  year: 2016,
  arxiv: '1603.07285',
};
const CS231N_CONV: Reference = {
  title: 'CS231n course notes: Convolutional Neural Networks',
  authors: 'Stanford CS231n',
  url: 'https://cs231n.github.io/convolutional-networks/',
};
const TF_CONVOLUTION_DOC: Reference = {
  title: 'tf.nn.convolution (padding semantics)',
  authors: 'TensorFlow documentation',
  url: 'https://www.tensorflow.org/api_docs/python/tf/nn/convolution',
};
const PYTORCH_CONV2D_DOC: Reference = {
  title: 'torch.nn.Conv2d',
  authors: 'PyTorch documentation',
  url: 'https://pytorch.org/docs/stable/generated/torch.nn.Conv2d.html',
};
const TFJS_API: Reference = {
  title: 'TensorFlow.js API reference',
  authors: 'TensorFlow.js documentation',
  url: 'https://js.tensorflow.org/api/latest/',
};
const LECUN_1998: Reference = {
  title: 'Gradient-Based Learning Applied to Document Recognition',
  authors: 'LeCun, Bottou, Bengio & Haffner',
  year: 1998,
  url: 'http://yann.lecun.com/exdb/publis/pdf/lecun-01a.pdf',
};
const ALEXNET: Reference = {
  title: 'ImageNet Classification with Deep Convolutional Neural Networks',
  authors: 'Krizhevsky, Sutskever & Hinton',
  year: 2012,
  url: 'https://doi.org/10.1145/3065386',
};
const ZEILER_FERGUS: Reference = {
  title: 'Visualizing and Understanding Convolutional Networks',
  authors: 'Zeiler & Fergus',
  year: 2013,
  arxiv: '1311.2901',
};
const KIM_TEXTCNN: Reference = {
  title: 'Convolutional Neural Networks for Sentence Classification',
  authors: 'Kim',
  year: 2014,
  arxiv: '1408.5882',
};
const WAVENET: Reference = {
  title: 'WaveNet: A Generative Model for Raw Audio',
  authors: 'van den Oord et al.',
  year: 2016,
  arxiv: '1609.03499',
};
const VGG: Reference = {
  title: 'Very Deep Convolutional Networks for Large-Scale Image Recognition',
  authors: 'Simonyan & Zisserman',
  year: 2014,
  arxiv: '1409.1556',
};
const RESNET: Reference = {
  title: 'Deep Residual Learning for Image Recognition',
  authors: 'He, Zhang, Ren & Sun',
  year: 2015,
  arxiv: '1512.03385',
};
const RESNET_IDENTITY: Reference = {
  title: 'Identity Mappings in Deep Residual Networks',
  authors: 'He, Zhang, Ren & Sun',
  year: 2016,
  arxiv: '1603.05027',
};
const VEIT_ENSEMBLES: Reference = {
  title: 'Residual Networks Behave Like Ensembles of Relatively Shallow Networks',
  authors: 'Veit, Wilber & Belongie',
  year: 2016,
  arxiv: '1605.06431',
};
const GOYAL_LARGE_BATCH: Reference = {
  title: 'Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour',
  authors: 'Goyal et al.',
  year: 2017,
  arxiv: '1706.02677',
};
const NIN: Reference = {
  title: 'Network In Network',
  authors: 'Lin, Chen & Yan',
  year: 2013,
  arxiv: '1312.4400',
};
const GOOGLENET: Reference = {
  title: 'Going Deeper with Convolutions',
  authors: 'Szegedy et al.',
  year: 2014,
  arxiv: '1409.4842',
};
const ALL_CONV: Reference = {
  title: 'Striving for Simplicity: The All Convolutional Net',
  authors: 'Springenberg, Dosovitskiy, Brox & Riedmiller',
  year: 2014,
  arxiv: '1412.6806',
};
const EFFICIENTNET: Reference = {
  title: 'EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks',
  authors: 'Tan & Le',
  year: 2019,
  arxiv: '1905.11946',
};
const MOBILENET: Reference = {
  title: 'MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications',
  authors: 'Howard et al.',
  year: 2017,
  arxiv: '1704.04861',
};
const MOBILENET_V2: Reference = {
  title: 'MobileNetV2: Inverted Residuals and Linear Bottlenecks',
  authors: 'Sandler et al.',
  year: 2018,
  arxiv: '1801.04381',
};
const XCEPTION: Reference = {
  title: 'Xception: Deep Learning with Depthwise Separable Convolutions',
  authors: 'Chollet',
  year: 2016,
  arxiv: '1610.02357',
};
const DILATED: Reference = {
  title: 'Multi-Scale Context Aggregation by Dilated Convolutions',
  authors: 'Yu & Koltun',
  year: 2015,
  arxiv: '1511.07122',
};
const DEEPLAB: Reference = {
  title:
    'DeepLab: Semantic Image Segmentation with Deep Convolutional Nets, Atrous Convolution, and Fully Connected CRFs',
  authors: 'Chen, Papandreou, Kokkinos, Murphy & Yuille',
  year: 2016,
  arxiv: '1606.00915',
};
const HDC: Reference = {
  title: 'Understanding Convolution for Semantic Segmentation',
  authors: 'Wang et al.',
  year: 2017,
  arxiv: '1702.08502',
};
const ODENA_CHECKERBOARD: Reference = {
  title: 'Deconvolution and Checkerboard Artifacts',
  authors: 'Odena, Dumoulin & Olah',
  year: 2016,
  url: 'https://distill.pub/2016/deconv-checkerboard/',
};
const SUBPIXEL: Reference = {
  title:
    'Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel Convolutional Neural Network',
  authors: 'Shi et al.',
  year: 2016,
  arxiv: '1609.05158',
};
const FCN: Reference = {
  title: 'Fully Convolutional Networks for Semantic Segmentation',
  authors: 'Long, Shelhamer & Darrell',
  year: 2014,
  arxiv: '1411.4038',
};
const UNET: Reference = {
  title: 'U-Net: Convolutional Networks for Biomedical Image Segmentation',
  authors: 'Ronneberger, Fischer & Brox',
  year: 2015,
  arxiv: '1505.04597',
};
const SEGNET: Reference = {
  title: 'SegNet: A Deep Convolutional Encoder-Decoder Architecture for Image Segmentation',
  authors: 'Badrinarayanan, Kendall & Cipolla',
  year: 2015,
  arxiv: '1511.00561',
};
const MASK_RCNN: Reference = {
  title: 'Mask R-CNN',
  authors: 'He, Gkioxari, Dollár & Girshick',
  year: 2017,
  arxiv: '1703.06870',
};
const PANOPTIC: Reference = {
  title: 'Panoptic Segmentation',
  authors: 'Kirillov, He, Girshick, Rother & Dollár',
  year: 2018,
  arxiv: '1801.00868',
};
const BATCHNORM: Reference = {
  title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
  authors: 'Ioffe & Szegedy',
  year: 2015,
  arxiv: '1502.03167',
};
const SANTURKAR_BN: Reference = {
  title: 'How Does Batch Normalization Help Optimization?',
  authors: 'Santurkar, Tsipras, Ilyas & Madry',
  year: 2018,
  arxiv: '1805.11604',
};
const GROUPNORM: Reference = {
  title: 'Group Normalization',
  authors: 'Wu & He',
  year: 2018,
  arxiv: '1803.08494',
};
const ZHANG_BLURPOOL: Reference = {
  title: 'Making Convolutional Networks Shift-Invariant Again',
  authors: 'Zhang',
  year: 2019,
  arxiv: '1904.11486',
};
const AZULAY_WEISS: Reference = {
  title: 'Why do deep convolutional networks generalize so poorly to small image transformations?',
  authors: 'Azulay & Weiss',
  year: 2018,
  arxiv: '1805.12177',
};
const GCNN: Reference = {
  title: 'Group Equivariant Convolutional Networks',
  authors: 'Cohen & Welling',
  year: 2016,
  arxiv: '1602.07576',
};
const RCNN: Reference = {
  title: 'Rich feature hierarchies for accurate object detection and semantic segmentation',
  authors: 'Girshick, Donahue, Darrell & Malik',
  year: 2013,
  arxiv: '1311.2524',
};
const FAST_RCNN: Reference = {
  title: 'Fast R-CNN',
  authors: 'Girshick',
  year: 2015,
  arxiv: '1504.08083',
};
const FASTER_RCNN: Reference = {
  title: 'Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks',
  authors: 'Ren, He, Girshick & Sun',
  year: 2015,
  arxiv: '1506.01497',
};
const YOLO: Reference = {
  title: 'You Only Look Once: Unified, Real-Time Object Detection',
  authors: 'Redmon, Divvala, Girshick & Farhadi',
  year: 2015,
  arxiv: '1506.02640',
};
const SSD: Reference = {
  title: 'SSD: Single Shot MultiBox Detector',
  authors: 'Liu et al.',
  year: 2015,
  arxiv: '1512.02325',
};
const RETINANET: Reference = {
  title: 'Focal Loss for Dense Object Detection',
  authors: 'Lin, Goyal, Girshick, He & Dollár',
  year: 2017,
  arxiv: '1708.02002',
};
const FPN: Reference = {
  title: 'Feature Pyramid Networks for Object Detection',
  authors: 'Lin et al.',
  year: 2016,
  arxiv: '1612.03144',
};
const DETR: Reference = {
  title: 'End-to-End Object Detection with Transformers',
  authors: 'Carion et al.',
  year: 2020,
  arxiv: '2005.12872',
};
const SOFT_NMS: Reference = {
  title: 'Soft-NMS: Improving Object Detection With One Line of Code',
  authors: 'Bodla, Singh, Chellappa & Davis',
  year: 2017,
  arxiv: '1704.04503',
};
const GIOU: Reference = {
  title: 'Generalized Intersection over Union: A Metric and A Loss for Bounding Box Regression',
  authors: 'Rezatofighi et al.',
  year: 2019,
  arxiv: '1902.09630',
};
const CHELLAPILLA_UNROLL: Reference = {
  title: 'High Performance Convolutional Neural Networks for Document Processing',
  authors: 'Chellapilla, Puri & Simard',
  year: 2006,
  url: 'https://hal.inria.fr/inria-00112631',
};
const CUDNN: Reference = {
  title: 'cuDNN: Efficient Primitives for Deep Learning',
  authors: 'Chetlur et al.',
  year: 2014,
  arxiv: '1410.0759',
};
const WINOGRAD: Reference = {
  title: 'Fast Algorithms for Convolutional Neural Networks',
  authors: 'Lavin & Gray',
  year: 2015,
  arxiv: '1509.09308',
};
const LUO_ERF: Reference = {
  title: 'Understanding the Effective Receptive Field in Deep Convolutional Neural Networks',
  authors: 'Luo, Li, Urtasun & Zemel',
  year: 2016,
  url: 'https://proceedings.neurips.cc/paper_files/paper/2016/hash/c8067ad1937f728f51288b3eb986afaa-Abstract.html',
};
const KARPATHY_RECIPE: Reference = {
  title: 'A Recipe for Training Neural Networks',
  authors: 'Karpathy',
  year: 2019,
  url: 'http://karpathy.github.io/2019/04/25/recipe/',
};
const DROPOUT: Reference = {
  title: 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
  authors: 'Srivastava, Hinton, Krizhevsky, Sutskever & Salakhutdinov',
  year: 2014,
  url: 'https://jmlr.org/papers/v15/srivastava14a.html',
};
const ADAMW: Reference = {
  title: 'Decoupled Weight Decay Regularization',
  authors: 'Loshchilov & Hutter',
  year: 2017,
  arxiv: '1711.05101',
};
const SKLEARN_PITFALLS: Reference = {
  title: 'Common pitfalls and recommended practices: data leakage',
  authors: 'scikit-learn documentation',
  url: 'https://scikit-learn.org/stable/common_pitfalls.html',
};

// ---------------------------------------------------------------------------
// Verification targets (all pending until the exports and tests exist)
// ---------------------------------------------------------------------------

const ARITHMETIC_TEST = 'packages/conv/src/arithmetic/conv-arithmetic.test.ts';

const verifyConv = (
  exportName: 'convOutputSize' | 'receptiveField' | 'convParameterCount',
): Verification => ({ package: '@dl/conv', export: exportName, test: ARITHMETIC_TEST, status: 'pending' });

const VERIFY_CNN_CLASSIFIER: Verification = {
  package: '@dl/conv',
  export: 'createCnnClassifier',
  test: 'packages/conv/src/models/cnn-classifier.test.ts',
  status: 'pending',
};
const VERIFY_SINGLE_OBJECT_DETECTOR: Verification = {
  package: '@dl/conv',
  export: 'createSingleObjectDetector',
  test: 'packages/conv/src/models/single-object-detector.test.ts',
  status: 'pending',
};
const VERIFY_BOX_IOU: Verification = {
  package: '@dl/conv',
  export: 'boxIoU',
  test: 'packages/conv/src/ops/box-iou.test.ts',
  status: 'pending',
};
const VERIFY_BACKPROP_FILTER: Verification = {
  package: '@dl/core',
  export: 'conv2dBackpropFilterKernel',
  test: 'packages/core/src/kernels/training-kernels.test.ts',
  status: 'verified',
};

/** Questions of the `cnn` chapter (seed chapter 6: convolutional neural networks), corrected and extended. */
export const cnnQuestions: readonly Question[] = [
  // -------------------------------------------------------------------------
  // Seed chapter 6, questions 1-7 (concept)
  // -------------------------------------------------------------------------
  {
    id: 'cnn-what-is-a-cnn',
    topic: 'cnn',
    subtopic: 'fundamentals',
    tags: ['cnn', 'weight-sharing', 'local-connectivity', 'grid-data'],
    kind: 'concept',
    difficulty: 1,
    seed: { chapter: 6, question: 1 },
    prompt: {
      zh: '什么是卷积神经网络（CNN）？它在图像处理中起什么作用？它只能用于图像吗？',
      en: 'What is a convolutional neural network (CNN), and what does it do in image processing? Is it only for images?',
    },
    answer: {
      short: {
        zh: 'CNN 是用卷积层（在每个位置复用同一组小卷积核、只看局部邻域）代替部分全连接层的神经网络，适用于一切具有网格结构的数据；在视觉中它端到端地学习从边缘到物体的层级特征，用于分类、检测和分割。',
        en: 'A CNN is a network whose main layers are convolutions (small learned filters reused at every position, each looking only at a local neighbourhood), which suits any grid-structured data; in vision it learns a feature hierarchy end-to-end for classification, detection and segmentation.',
      },
      full: {
        zh: `CNN 用**卷积**代替（部分）稠密矩阵乘法：每个输出单元只依赖输入的一个小邻域（**局部连接**），并且同一个卷积核在所有位置上复用（**权值共享**）。由此带来三点好处：

- **参数少**：一个 $3\\times3$、64 通道到 64 通道的卷积层只有 $3\\cdot3\\cdot64\\cdot64+64=36{,}928$ 个参数，与图像大小无关。
- **平移等变性**：输入平移，特征图随之平移（忽略边界和步幅的影响）。
- **层级特征**：堆叠卷积层（配合池化或步幅）使感受野逐层增大，浅层响应边缘、颜色斑块，深层响应部件乃至整个物体（Zeiler & Fergus, 2013 的可视化）。

在视觉任务中，CNN 骨干网络提取特征，再由不同的“头”输出类别分数（分类）、边界框（检测）或逐像素标签（分割），整个系统通过反向传播端到端训练。

**并不只用于图像。** Goodfellow 等人的定义是：CNN 是处理*具有已知网格拓扑结构*数据的网络。一维卷积可用于音频波形（WaveNet）、时间序列和文本（TextCNN），二维卷积用于图像和语谱图，三维卷积用于视频和 CT/MRI 等体数据。关键前提是：相邻元素相关，且同一种模式可能出现在任何位置。`,
        en: `A CNN replaces (some) dense matrix multiplications with **convolutions**: each output unit depends only on a small neighbourhood of the input (**local connectivity**), and the same filter is reused at every position (**weight sharing**). Three consequences:

- **Few parameters**: a $3\\times3$ convolution from 64 to 64 channels has $3\\cdot3\\cdot64\\cdot64+64=36{,}928$ parameters, whatever the image size.
- **Translation equivariance**: shifting the input shifts the feature map (up to border and stride effects).
- **A feature hierarchy**: stacking layers (with pooling or strides) grows the receptive field, so early layers respond to edges and colour blobs and deeper layers to parts and whole objects (as visualised by Zeiler & Fergus, 2013).

In vision, a CNN backbone extracts features and task heads turn them into class scores (classification), boxes (detection) or per-pixel labels (segmentation); everything is trained end-to-end by backpropagation.

**Not only images.** Goodfellow et al. define CNNs as networks for data with a *known grid-like topology*: 1-D convolutions for audio waveforms (WaveNet), time series and text (TextCNN), 2-D for images and spectrograms, 3-D for video and volumetric scans. What matters is that nearby entries are related and that the same pattern can occur anywhere.`,
      },
    },
    references: [DLBOOK_CONV, LECUN_1998, ZEILER_FERGUS, KIM_TEXTCNN, WAVENET],
    misconceptions: [
      {
        claim: {
          zh: 'CNN 是专门为处理图像数据而设计的神经网络。',
          en: 'A CNN is a neural network designed specifically for image data.',
        },
        correction: {
          zh: '过于狭隘。CNN 适用于任何网格结构数据：音频、文本、时间序列（一维），图像、语谱图（二维），视频和医学体数据（三维）。',
          en: 'Too narrow. CNNs apply to any grid-structured data: audio, text and time series (1-D), images and spectrograms (2-D), video and volumetric medical data (3-D).',
        },
        erratum: 11,
      },
    ],
  },
  {
    id: 'cnn-conv-layer-mechanics',
    topic: 'cnn',
    subtopic: 'convolution',
    tags: ['convolution', 'cross-correlation', 'feature-map', 'kernel'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 6, question: 2 },
    prompt: {
      zh: '请解释卷积层的工作原理。深度学习框架里所说的“卷积”在数学上真的是卷积吗？',
      en: 'Explain how a convolutional layer works. Is what deep-learning frameworks call "convolution" really a convolution in the mathematical sense?',
    },
    answer: {
      short: {
        zh: '每个卷积核覆盖全部输入通道，在输入上滑动并在每个位置做加权求和（加偏置、过激活），$c_{out}$ 个卷积核产生 $c_{out}$ 张特征图；框架实际计算的是不翻转卷积核的互相关，由于卷积核是学出来的，这一区别对训练无影响。',
        en: 'Each filter spans all input channels and slides over the input, taking a weighted sum at every position (plus bias, then an activation); $c_{out}$ filters give $c_{out}$ feature maps. Frameworks actually compute cross-correlation (no kernel flip), which makes no difference to learning because the kernel is learned.',
      },
      full: {
        zh: `以 NHWC 布局、步幅 $s$ 为例，卷积层的输出为
$$Y[i,j,o]=b_o+\\sum_{u=0}^{k_h-1}\\sum_{v=0}^{k_w-1}\\sum_{c=0}^{c_{in}-1}X[si+u,\\,sj+v,\\,c]\\;W[u,v,c,o].$$
要点：

- 每个卷积核的形状是 $k_h\\times k_w\\times c_{in}$，**覆盖所有输入通道**；有 $c_{out}$ 个卷积核就输出 $c_{out}$ 个通道。
- 同一个卷积核在所有空间位置共享；步幅、填充和空洞率决定输出尺寸。
- 之后通常接非线性激活（如 ReLU），浅层卷积核学到边缘、纹理等局部模式，深层组合成更抽象的特征。

**互相关还是卷积？** 数学上的二维卷积要把核翻转 180°：$(X*K)[i,j]=\\sum_{u,v}X[i-u,j-v]K[u,v]$；而框架计算的是互相关 $\\sum_{u,v}X[i+u,j+v]K[u,v]$。因为 $K$ 是学习得到的，网络只需学到一个翻转后的核，表达能力完全相同。只有在以下场景需要注意：导入手工设计的核（如 Sobel）或与 \`scipy.signal.convolve2d\` 的结果对比；推导反向传播时，对输入的梯度恰好是一次“真正的”卷积（即与翻转核做互相关）。另外，真卷积满足交换律，互相关不满足。`,
        en: `For NHWC layout and stride $s$, a convolutional layer computes
$$Y[i,j,o]=b_o+\\sum_{u=0}^{k_h-1}\\sum_{v=0}^{k_w-1}\\sum_{c=0}^{c_{in}-1}X[si+u,\\,sj+v,\\,c]\\;W[u,v,c,o].$$
Key points:

- Each filter has shape $k_h\\times k_w\\times c_{in}$: it **spans all input channels**. $c_{out}$ filters produce $c_{out}$ output channels.
- The same filter is shared across all spatial positions; stride, padding and dilation set the output size.
- A nonlinearity (e.g. ReLU) usually follows. Early filters learn local patterns such as edges and textures; deeper layers compose them into more abstract features.

**Cross-correlation or convolution?** A true 2-D convolution flips the kernel by 180°: $(X*K)[i,j]=\\sum_{u,v}X[i-u,j-v]K[u,v]$. Frameworks compute cross-correlation, $\\sum_{u,v}X[i+u,j+v]K[u,v]$. Since $K$ is learned, the network simply learns the flipped kernel; expressiveness is identical. It matters when you import hand-designed kernels (Sobel) or compare against \`scipy.signal.convolve2d\`, and in the backward pass, where the gradient with respect to the input *is* a true convolution (a correlation with the flipped kernel). Also, true convolution is commutative; cross-correlation is not.`,
      },
    },
    references: [DLBOOK_CONV, CONV_ARITHMETIC, CS231N_CONV],
    misconceptions: [
      {
        claim: {
          zh: '卷积层对输入做的是数学意义上的卷积（先翻转卷积核）。',
          en: 'A convolutional layer computes a mathematical convolution (with a flipped kernel).',
        },
        correction: {
          zh: 'TensorFlow、PyTorch 等框架计算的是互相关，不翻转卷积核；因为核是学出来的，这不影响模型能力，但移植手工设计的核时要注意。',
          en: 'TensorFlow, PyTorch and other frameworks compute cross-correlation and do not flip the kernel; because the kernel is learned this does not change what the model can represent, but it matters when porting hand-designed kernels.',
        },
        erratum: 12,
      },
    ],
  },
  {
    id: 'cnn-conv-vs-dense',
    topic: 'cnn',
    subtopic: 'convolution',
    tags: ['weight-sharing', 'local-connectivity', 'dense-layer', 'inductive-bias'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 6, question: 3 },
    prompt: {
      zh: '卷积层和全连接层有什么区别？两者之间有什么联系？',
      en: 'How does a convolutional layer differ from a fully connected (dense) layer, and how are the two related?',
    },
    answer: {
      short: {
        zh: '卷积层是局部连接且权值共享的线性映射，参数量与输入尺寸无关并具有平移等变性；全连接层每个输出连接全部输入、权重互不共享。卷积可以看成权重矩阵稀疏且结构化（分块 Toeplitz）的全连接层。',
        en: 'A convolution is a locally connected linear map with shared weights, so its parameter count is independent of the input size and it is translation-equivariant; a dense layer connects every output to every input with independent weights. A convolution is a dense layer whose weight matrix is sparse and tied (block-Toeplitz).',
      },
      full: {
        zh: `**区别**

| | 卷积层 | 全连接层 |
|---|---|---|
| 连接 | 局部（$k_h\\times k_w$ 邻域） | 全部输入 |
| 权重 | 所有位置共享 | 每个连接独立 |
| 参数量 | $k_hk_wc_{in}c_{out}+c_{out}$，与 $H,W$ 无关 | $n_{in}n_{out}+n_{out}$，随输入尺寸增长 |
| 输入尺寸 | 可变 | 固定 |
| 归纳偏置 | 局部性 + 平移等变 | 无结构假设 |

例如 $3\\times3$、3 通道到 64 通道的卷积只有 1,792 个参数，无论图像是 $32\\times32$ 还是 $1024\\times1024$。但计算量仍与空间尺寸成正比：$H_{out}W_{out}k_hk_wc_{in}c_{out}$ 次乘加。

**联系**

- 卷积是一种特殊的线性层：把输入展平后，对应的权重矩阵大部分为零，非零部分沿对角线重复（分块 Toeplitz 结构）。
- 反过来，作用在 $H\\times W\\times C$ 特征图上的全连接层等价于一个核大小为 $H\\times W$ 的卷积——FCN 正是用这一点把分类网络“卷积化”。
- 只作用在通道维上的全连接层等价于 $1\\times1$ 卷积。

常说“卷积提取特征、全连接做分类”只是经验划分：现代 CNN 常用全局平均池化加一个线性层作分类头，而全连接/MLP 结构在数据足够多时也能学到特征。`,
        en: `**Differences**

| | Convolution | Dense |
|---|---|---|
| Connectivity | local ($k_h\\times k_w$ window) | all inputs |
| Weights | shared across positions | independent per connection |
| Parameters | $k_hk_wc_{in}c_{out}+c_{out}$, independent of $H,W$ | $n_{in}n_{out}+n_{out}$, grows with input size |
| Input size | flexible | fixed |
| Inductive bias | locality + translation equivariance | none |

A $3\\times3$ convolution from 3 to 64 channels has 1,792 parameters whether the image is $32\\times32$ or $1024\\times1024$. Compute still scales with the spatial size: $H_{out}W_{out}k_hk_wc_{in}c_{out}$ multiply-accumulates.

**Relations**

- A convolution is a special linear layer: on the flattened input its weight matrix is mostly zeros, with the non-zero entries repeated along diagonals (block-Toeplitz structure).
- Conversely, a dense layer on an $H\\times W\\times C$ feature map equals a convolution with an $H\\times W$ kernel; FCN uses this to "convolutionalise" classifiers.
- A dense layer applied only along the channel axis equals a $1\\times1$ convolution.

"Convolutions extract features, dense layers classify" is a rule of thumb, not a law: modern CNNs end with global average pooling and a single linear layer, and MLP-style layers can learn features too when data are plentiful.`,
      },
    },
    references: [DLBOOK_CONV, CS231N_CONV, FCN],
    verification: [verifyConv('convParameterCount')],
  },
  {
    id: 'cnn-pooling',
    topic: 'cnn',
    subtopic: 'pooling',
    tags: ['pooling', 'max-pooling', 'global-average-pooling', 'downsampling'],
    kind: 'concept',
    difficulty: 2,
    seed: { chapter: 6, question: 4 },
    prompt: {
      zh: '卷积神经网络中的池化层有什么作用？它有参数吗？',
      en: 'What does a pooling layer do in a CNN? Does it have parameters?',
    },
    answer: {
      short: {
        zh: '池化层没有任何可学习参数；它对局部窗口取最大值或平均值来下采样，从而减少后续层的计算量、扩大感受野，并带来对小幅平移的局部不变性。只有当后面接 Flatten + 全连接层时，它才间接减少了那个全连接层的参数。',
        en: 'Pooling has zero learnable parameters; it downsamples by taking the max or mean over local windows, which cuts the compute of later layers, enlarges the receptive field and gives some invariance to small shifts. It reduces parameters only indirectly, in a Flatten + Dense layer that follows.',
      },
      full: {
        zh: `**做什么**：把特征图划分为 $k\\times k$ 窗口（通常步幅为 $k$），每个通道独立地取最大值（max pooling）或平均值（average pooling）。$2\\times2$、步幅 2 的池化使空间尺寸减半、元素数变为 1/4。

**参数量为 0**：池化是固定函数，没有权重。它的作用是：

1. **下采样**：后续卷积的计算量按面积减少；
2. **扩大感受野**：池化之后，每层卷积使感受野增长的速度翻倍；
3. **局部平移不变性**：最大池化对窗口内的小位移不敏感（但这种不变性有限，且下采样会带来混叠，见 Zhang, 2019）。

**对参数量的间接影响**：以种子题第 8 题的网络为例，两次 $3\\times3$ 卷积后若不池化，Flatten 得到 $24\\cdot24\\cdot64=36{,}864$ 维，接 Dense(128) 需要 4,718,720 个参数；有两次池化时为 $5\\cdot5\\cdot64=1600$ 维，只需 204,928 个。减少的是全连接层的参数，而不是池化层自身的。

**反向传播**：最大池化把梯度只传给窗口中的最大值位置，平均池化把梯度平均分给窗口内所有位置。

**替代方案**：全局平均池化（NIN）直接把每个通道压成一个数，取代大型全连接层；All-Convolutional Net 用步幅为 2 的卷积代替池化，让下采样也可学习。`,
        en: `**What it does**: it splits each feature map into $k\\times k$ windows (usually with stride $k$) and, channel by channel, takes the maximum (max pooling) or the mean (average pooling). A $2\\times2$ pool with stride 2 halves each spatial side and keeps a quarter of the elements.

**Zero parameters**: pooling is a fixed function. What it buys:

1. **Downsampling**: later convolutions cost less, in proportion to the area.
2. **Larger receptive field**: after a stride-2 pool, every later convolution grows the receptive field twice as fast.
3. **Local shift invariance**: max pooling ignores small displacements inside a window (limited, and subsampling causes aliasing; see Zhang, 2019).

**Indirect effect on parameters**: in the network of seed question 8, without pooling the Flatten after two $3\\times3$ convolutions has $24\\cdot24\\cdot64=36{,}864$ features and Dense(128) needs 4,718,720 parameters; with two pools it has $5\\cdot5\\cdot64=1600$ features and 204,928 parameters. The saving is in the dense layer, not in the pooling layer.

**Backward pass**: max pooling routes the gradient only to the arg-max position of each window; average pooling spreads it equally over the window.

**Alternatives**: global average pooling (Network in Network) collapses each channel to one number and replaces large dense heads; the All-Convolutional Net uses stride-2 convolutions instead of pooling, so that downsampling is learned.`,
      },
    },
    references: [DLBOOK_CONV, NIN, ALL_CONV, ZHANG_BLURPOOL],
    misconceptions: [
      {
        claim: {
          zh: '池化层是一种用于降低模型参数数量的层。',
          en: 'Pooling is a layer that reduces the number of model parameters.',
        },
        correction: {
          zh: '池化层本身没有参数，它的作用是下采样：降低计算量、扩大感受野、提供局部不变性；参数的减少只发生在其后的 Flatten + 全连接层中。',
          en: 'Pooling itself has no parameters; it downsamples, which reduces compute, enlarges the receptive field and gives local invariance. Fewer parameters appear only in a subsequent Flatten + Dense layer.',
        },
        erratum: 13,
      },
      {
        claim: {
          zh: '有了池化层，CNN 就对平移完全不变。',
          en: 'Pooling makes a CNN fully translation-invariant.',
        },
        correction: {
          zh: '局部池化只对窗口内的小位移近似不变；下采样会产生混叠，平移一个像素就可能显著改变输出（Azulay & Weiss, 2018；Zhang, 2019）。',
          en: 'Local pooling is only approximately invariant to small shifts within a window; subsampling aliases, so a one-pixel shift can change the output noticeably (Azulay & Weiss, 2018; Zhang, 2019).',
        },
      },
    ],
  },
  {
    id: 'cnn-image-classification',
    topic: 'cnn',
    subtopic: 'classification',
    tags: ['image-classification', 'softmax', 'cross-entropy', 'architectures'],
    kind: 'concept',
    difficulty: 1,
    seed: { chapter: 6, question: 5 },
    prompt: {
      zh: '卷积神经网络如何用于图像分类？图像分类与目标检测、图像分割是什么关系？',
      en: 'How are CNNs used for image classification, and how does classification relate to object detection and segmentation?',
    },
    answer: {
      short: {
        zh: '卷积骨干提取特征，经全局池化（或 Flatten）和线性层得到每个类别的分数，用 softmax + 交叉熵训练；分类为整张图给出一个（或多个）标签，它与检测、分割是输出结构不同的独立任务，而不是包含关系。',
        en: 'A convolutional backbone extracts features, global pooling (or Flatten) and a linear layer produce one score per class, trained with softmax + cross-entropy. Classification labels the whole image; detection and segmentation are separate tasks with different outputs, not sub-cases of classification.',
      },
      full: {
        zh: `**典型流程**：输入图像 → 若干“卷积 + 激活（+ 批归一化）+ 下采样”阶段 → 全局平均池化 → 全连接层输出 $K$ 个 logits → softmax 得到类别分布，用交叉熵 $-\\log p_y$ 训练。多标签分类（一张图可属于多个类）则对每个类用 sigmoid + 二元交叉熵。

**代表性架构**：LeNet-5（1998，手写数字）；AlexNet（2012，ILSVRC-2012 top-5 错误率 15.3%，第二名为 26.2%，ReLU、Dropout、GPU 训练）；VGG（2014，堆叠 $3\\times3$ 卷积）；GoogLeNet（2014，Inception 模块与 $1\\times1$ 降维）；ResNet（2015，残差连接，可训练上百层）；EfficientNet（2019，深度/宽度/分辨率的复合缩放）。常用技巧包括数据增强、权重衰减、学习率调度，以及从 ImageNet 预训练模型迁移学习。

**任务之间的关系**：

- 分类：整张图 → 一个类别（或多标签）；
- 定位：一个类别 + 一个边界框；
- 目标检测：数量不定的（框，类别，置信度）集合；
- 语义分割：每个像素一个类别；实例分割还要区分同类的不同个体。

它们共享卷积骨干（检测、分割网络常用分类网络做预训练初始化），但输出、损失函数和评价指标（准确率 vs. mAP vs. mIoU）都不同，不能说“图像分类包括检测和分割”。`,
        en: `**Typical pipeline**: image → several stages of convolution + activation (+ batch norm) + downsampling → global average pooling → a dense layer giving $K$ logits → softmax over classes, trained with cross-entropy $-\\log p_y$. For multi-label classification (an image may belong to several classes) use a sigmoid + binary cross-entropy per class.

**Landmark architectures**: LeNet-5 (1998, handwritten digits); AlexNet (2012, ILSVRC-2012 top-5 error 15.3% vs 26.2% for the runner-up; ReLU, dropout, GPU training); VGG (2014, stacks of $3\\times3$ convolutions); GoogLeNet (2014, Inception modules with $1\\times1$ reductions); ResNet (2015, residual connections, hundreds of layers); EfficientNet (2019, compound scaling of depth, width and resolution). Standard practice adds data augmentation, weight decay, learning-rate schedules and transfer learning from ImageNet-pretrained weights.

**How the tasks relate**:

- classification: image → one class (or a set of labels);
- localisation: one class + one box;
- object detection: a variable-size set of (box, class, score);
- semantic segmentation: a class per pixel; instance segmentation also separates individual objects.

They share convolutional backbones (detectors and segmenters are usually initialised from classification networks), but their outputs, losses and metrics (accuracy vs mAP vs mIoU) differ, so classification does not "include" detection and segmentation.`,
      },
    },
    references: [LECUN_1998, ALEXNET, VGG, RESNET, EFFICIENTNET],
    misconceptions: [
      {
        claim: {
          zh: '常见的图像分类任务包括图像分类、物体检测和图像分割。',
          en: 'Common image-classification tasks include image classification, object detection and image segmentation.',
        },
        correction: {
          zh: '检测和分割是与分类并列的独立任务，输出结构（框的集合、逐像素标签）、损失函数和评价指标都不同。',
          en: 'Detection and segmentation are separate tasks alongside classification, with different outputs (sets of boxes, per-pixel labels), losses and metrics.',
        },
        erratum: 14,
      },
    ],
  },
  {
    id: 'cnn-object-detection',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['object-detection', 'two-stage', 'one-stage', 'yolo', 'anchors'],
    kind: 'concept',
    difficulty: 3,
    seed: { chapter: 6, question: 6 },
    prompt: {
      zh: '卷积神经网络如何用于目标检测？比较两阶段检测器（R-CNN 系列）和单阶段检测器（YOLO、SSD）。',
      en: 'How are CNNs used for object detection? Compare two-stage detectors (the R-CNN family) with one-stage detectors (YOLO, SSD).',
    },
    answer: {
      short: {
        zh: '检测器输出一组（边界框，类别，置信度）：两阶段方法先生成候选区域再对每个区域分类并回归框，单阶段方法在特征图的每个位置直接密集预测类别和框偏移；两者都需要边界框回归，通常都用非极大值抑制做后处理。',
        en: 'A detector outputs a set of (box, class, score). Two-stage methods first propose regions, then classify each one and refine its box; one-stage methods predict classes and box offsets densely at every feature-map location. Both regress boxes, and both usually finish with non-maximum suppression.',
      },
      full: {
        zh: `**两阶段（R-CNN 系列）**

- **R-CNN**（2013）：选择性搜索产生约 2000 个候选框，逐个裁剪缩放后送入 CNN 提取特征，再用 SVM 分类并做边界框回归。
- **Fast R-CNN**（2015）：整图只跑一次卷积，用 RoI 池化从共享特征图上取各候选区域的特征，softmax 分类与 smooth L1 框回归联合训练。
- **Faster R-CNN**（2015）：用区域建议网络（RPN）在特征图上基于锚框（anchor）生成候选区域，几乎不增加成本；Mask R-CNN 再加一个掩码分支。

**单阶段**

- **YOLO**（2015）：把图像划分为 $S\\times S$ 网格，每个格子预测 $B$ 个框及其置信度和类别概率（v1 在 VOC 上是 $7\\times7\\times30$ 的输出，$B=2$、20 类），一次前向完成检测。
- **SSD**（2015）：在多个尺度的特征图上放置默认框，直接预测类别和偏移。
- **RetinaNet**（2017）：指出单阶段方法精度落后的主因是前景/背景极度不平衡，用 focal loss 解决后精度追平两阶段方法。

**共同组成**：骨干网络（常配 FPN 特征金字塔）、分类分支、相对锚框（或网格点）的框回归分支、NMS 后处理；DETR 用集合预测和二分图匹配去掉了锚框和 NMS。

**取舍**：两阶段方法传统上更准（尤其小目标），但更慢、更复杂；单阶段方法更快、更易部署。评价指标是 mAP（VOC 取 IoU 0.5，COCO 对 0.5:0.95 取平均）。`,
        en: `**Two-stage (R-CNN family)**

- **R-CNN** (2013): selective search proposes about 2,000 regions; each is cropped, warped and passed through a CNN; SVMs classify the features and a regressor refines the box.
- **Fast R-CNN** (2015): one convolutional pass per image; RoI pooling extracts each proposal's features from the shared map; softmax classification and smooth-L1 box regression are trained jointly.
- **Faster R-CNN** (2015): a Region Proposal Network predicts proposals from anchors on the feature map at almost no extra cost; Mask R-CNN adds a mask branch.

**One-stage**

- **YOLO** (2015): divides the image into an $S\\times S$ grid; each cell predicts $B$ boxes with confidences plus class probabilities (v1 on VOC: a $7\\times7\\times30$ output, $B=2$, 20 classes), in a single forward pass.
- **SSD** (2015): default boxes on several feature maps of different scales, each predicting class scores and offsets.
- **RetinaNet** (2017): identified the extreme foreground/background imbalance as the reason one-stage detectors lagged, and fixed it with the focal loss, matching two-stage accuracy.

**Shared parts**: a backbone (often with a Feature Pyramid Network), a classification branch, a box-regression branch relative to anchors or grid points, and NMS post-processing. DETR replaces anchors and NMS with set prediction and bipartite matching.

**Trade-off**: two-stage detectors were traditionally more accurate (especially on small objects) but slower and more complex; one-stage detectors are faster and simpler to deploy. The metric is mAP (VOC at IoU 0.5; COCO averages over IoU 0.5:0.95).`,
      },
    },
    references: [RCNN, FAST_RCNN, FASTER_RCNN, YOLO, SSD, RETINANET, FPN, DETR],
    misconceptions: [
      {
        claim: {
          zh: '所有目标检测模型都是“区域建议 → 特征融合 → 分类器”的流程。',
          en: 'Every detector follows the pipeline "region proposals → feature fusion → classifier".',
        },
        correction: {
          zh: '这只描述了两阶段方法；YOLO、SSD、RetinaNet 是没有区域建议的单阶段方法。而且该描述漏掉了所有检测器都有的边界框回归。',
          en: 'That describes only two-stage methods; YOLO, SSD and RetinaNet are one-stage and have no proposal step. It also omits box regression, which every detector has.',
        },
        erratum: 15,
      },
    ],
  },
  {
    id: 'cnn-segmentation',
    topic: 'cnn',
    subtopic: 'segmentation',
    tags: ['semantic-segmentation', 'fcn', 'u-net', 'encoder-decoder', 'skip-connections'],
    kind: 'concept',
    difficulty: 3,
    seed: { chapter: 6, question: 7 },
    prompt: {
      zh: '卷积神经网络如何用于图像分割？请说明 FCN、U-Net 和 SegNet 的关键思想。',
      en: 'How are CNNs used for image segmentation? Give the key ideas of FCN, U-Net and SegNet.',
    },
    answer: {
      short: {
        zh: '分割网络对每个像素输出类别分布：编码器逐步下采样获取语义，解码器上采样恢复分辨率，跳跃连接把高分辨率的浅层特征补回来；FCN 把分类网络全卷积化，U-Net 用拼接式跳跃连接的对称编码器-解码器，SegNet 用池化索引上采样。',
        en: 'A segmentation network outputs a class distribution per pixel: an encoder downsamples to gain context, a decoder upsamples back to full resolution, and skip connections bring back high-resolution detail. FCN makes a classifier fully convolutional, U-Net is a symmetric encoder-decoder with concatenated skips, SegNet upsamples with stored pooling indices.',
      },
      full: {
        zh: `**任务**：语义分割给每个像素一个类别；实例分割还要区分同类的不同个体（如 Mask R-CNN）；全景分割同时覆盖“物体”和“背景类”。输出是 $H\\times W\\times K$ 的 logits，逐像素 softmax + 交叉熵训练（类别不平衡时常加 Dice 损失），评价指标是 mIoU。

**FCN（Long 等，2014）**：把分类网络的全连接层换成卷积，使网络接受任意尺寸输入并输出粗糙的类别热图；用转置卷积（以双线性插值初始化）上采样，并把 pool4、pool3 的预测融合进来（FCN-32s → 16s → 8s），边界逐步变精细。

**U-Net（Ronneberger 等，2015）**：对称的收缩路径和扩张路径，每一级把编码器特征**拼接**到解码器，使高分辨率的定位信息与深层语义结合。原文使用无填充卷积，$572\\times572$ 的输入得到 $388\\times388$ 的输出，配合重叠切块推理；面向训练样本很少的生物医学图像，依赖弹性形变等强数据增强，并用加权损失分开相互接触的细胞。

**SegNet（Badrinarayanan 等，2015）**：解码器利用编码器最大池化时记下的**位置索引**做稀疏上采样，再接卷积补全，省去了存储整张编码器特征图的内存。

**相关方法**：DeepLab 用空洞卷积在不降低分辨率的情况下扩大感受野，并用 ASPP 做多尺度融合。`,
        en: `**Tasks**: semantic segmentation assigns a class to every pixel; instance segmentation also separates individual objects (e.g. Mask R-CNN); panoptic segmentation covers both "things" and "stuff". The output is an $H\\times W\\times K$ logit map trained with per-pixel softmax cross-entropy (often plus a Dice loss under class imbalance) and evaluated with mIoU.

**FCN (Long et al., 2014)**: replace a classifier's dense layers with convolutions, so the network accepts any input size and outputs a coarse class heat map; upsample with transposed convolutions (initialised to bilinear interpolation) and fuse predictions from pool4 and pool3 (FCN-32s → 16s → 8s) for finer boundaries.

**U-Net (Ronneberger et al., 2015)**: a symmetric contracting and expanding path; at each level the encoder features are **concatenated** into the decoder, combining high-resolution localisation with deep semantics. The original uses unpadded convolutions, so a $572\\times572$ input gives a $388\\times388$ output, with overlap-tile inference. It targets biomedical data with very few training images, relies on strong augmentation (elastic deformations) and uses a weighted loss to separate touching cells.

**SegNet (Badrinarayanan et al., 2015)**: the decoder upsamples sparsely using the **indices** recorded by the encoder's max-pooling, then convolves to densify, which avoids storing full encoder feature maps.

**Related**: DeepLab uses dilated (atrous) convolutions to enlarge the receptive field without losing resolution, and ASPP for multi-scale context.`,
      },
    },
    references: [FCN, UNET, SEGNET, DEEPLAB, MASK_RCNN, PANOPTIC],
    misconceptions: [
      {
        claim: {
          zh: '对编码器的低分辨率输出直接做双线性插值就能得到精细的分割边界。',
          en: 'Bilinear upsampling of the low-resolution encoder output is enough for sharp segmentation boundaries.',
        },
        correction: {
          zh: '下采样丢失的空间细节无法靠插值恢复；需要跳跃连接（FCN 的多层融合、U-Net 的拼接）或保持分辨率的空洞卷积。',
          en: 'Spatial detail lost to downsampling cannot be recovered by interpolation; it needs skip connections (FCN fusion, U-Net concatenation) or resolution-preserving dilated convolutions.',
        },
      },
    ],
  },
  // -------------------------------------------------------------------------
  // Seed chapter 6, questions 8-10 (coding)
  // -------------------------------------------------------------------------
  {
    id: 'cnn-implement-simple-cnn',
    topic: 'cnn',
    subtopic: 'classification',
    tags: ['tfjs', 'model-building', 'shape-inference', 'parameter-count'],
    kind: 'coding',
    difficulty: 2,
    seed: { chapter: 6, question: 8 },
    prompt: {
      zh: '实现一个简单的 CNN 分类器：输入 $28\\times28\\times1$，结构为 Conv(32, 3×3) → MaxPool(2) → Conv(64, 3×3) → MaxPool(2) → Flatten → Dense(128) → Dense(10, softmax)。逐层写出输出形状和参数量。用 \`np.random.random((1000, 10))\` 作为标签、配合 categorical_crossentropy 训练有什么问题？',
      en: 'Implement a simple CNN classifier: input $28\\times28\\times1$, then Conv(32, 3×3) → MaxPool(2) → Conv(64, 3×3) → MaxPool(2) → Flatten → Dense(128) → Dense(10, softmax). Give every layer\'s output shape and parameter count. What is wrong with training it on \`np.random.random((1000, 10))\` labels with categorical cross-entropy?',
    },
    answer: {
      short: {
        zh: '形状依次为 26×26×32、13×13×32、11×11×64、5×5×64、1600、128、10，总参数 225,034；随机实数标签每行之和约为 5，不是概率分布，而且与输入无关，模型什么也学不到——标签应是整数类别（稀疏交叉熵）或其 one-hot 编码。',
        en: 'Shapes: 26×26×32, 13×13×32, 11×11×64, 5×5×64, 1600, 128, 10; 225,034 parameters in total. Random real-valued labels have rows summing to about 5, so they are not distributions, and they are unrelated to the inputs, so nothing can be learned; use integer classes (sparse cross-entropy) or their one-hot encoding.',
      },
      full: {
        zh: `**形状与参数**（valid 卷积，输出边长 $n-k+1$；池化向下取整）：

| 层 | 输出 | 参数 |
|---|---|---|
| Conv 3×3, 32 | 26×26×32 | $3\\cdot3\\cdot1\\cdot32+32=320$ |
| MaxPool 2 | 13×13×32 | 0 |
| Conv 3×3, 64 | 11×11×64 | $3\\cdot3\\cdot32\\cdot64+64=18{,}496$ |
| MaxPool 2 | 5×5×64（第 11 行/列被丢弃） | 0 |
| Flatten | 1600 | 0 |
| Dense 128 | 128 | $1600\\cdot128+128=204{,}928$ |
| Dense 10 | 10 | $128\\cdot10+10=1{,}290$ |

合计 225,034，其中 91% 在第一个全连接层。

**tfjs 实现**：
\`\`\`ts
const model = tf.sequential({ layers: [
  tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
  tf.layers.maxPooling2d({ poolSize: 2 }),
  tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
  tf.layers.maxPooling2d({ poolSize: 2 }),
  tf.layers.flatten(),
  tf.layers.dense({ units: 128, activation: 'relu' }),
  tf.layers.dense({ units: 10, activation: 'softmax' }),
] });
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 10); // labels: 0..9 的整数
\`\`\`

**种子代码的问题**：\`np\` 未导入；标签 \`np.random.random((1000,10))\` 每行之和约为 5，不是概率分布。交叉熵 $L=-\\sum_k y_k\\log p_k$ 对 logits 的梯度变为 $p\\sum_k y_k-y$ 而不是 $p-y$；更根本的是标签与图像无关：即使换成合法的随机 one-hot 标签，验证损失也不可能低于 $\\ln 10\\approx2.303$。冒烟测试应使用**可学习的**合成任务（例如标签由图像中亮块的位置决定），并断言准确率明显高于 10%。我们的 \`createCnnClassifier\` 构建了这一结构，验证见下方测试。`,
        en: `**Shapes and parameters** (valid convolutions give side $n-k+1$; pooling floors):

| Layer | Output | Parameters |
|---|---|---|
| Conv 3×3, 32 | 26×26×32 | $3\\cdot3\\cdot1\\cdot32+32=320$ |
| MaxPool 2 | 13×13×32 | 0 |
| Conv 3×3, 64 | 11×11×64 | $3\\cdot3\\cdot32\\cdot64+64=18{,}496$ |
| MaxPool 2 | 5×5×64 (row/column 11 is dropped) | 0 |
| Flatten | 1600 | 0 |
| Dense 128 | 128 | $1600\\cdot128+128=204{,}928$ |
| Dense 10 | 10 | $128\\cdot10+10=1{,}290$ |

Total 225,034, 91% of it in the first dense layer.

**tfjs implementation**:
\`\`\`ts
const model = tf.sequential({ layers: [
  tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
  tf.layers.maxPooling2d({ poolSize: 2 }),
  tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
  tf.layers.maxPooling2d({ poolSize: 2 }),
  tf.layers.flatten(),
  tf.layers.dense({ units: 128, activation: 'relu' }),
  tf.layers.dense({ units: 10, activation: 'softmax' }),
] });
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 10); // labels: integers 0..9
\`\`\`

**What the seed gets wrong**: \`np\` is never imported, and the labels \`np.random.random((1000,10))\` have rows summing to about 5, so they are not distributions. With $L=-\\sum_k y_k\\log p_k$ the gradient with respect to the logits becomes $p\\sum_k y_k-y$ instead of $p-y$. More fundamentally the labels are unrelated to the images: even with valid random one-hot labels, validation loss cannot go below $\\ln 10\\approx2.303$. A smoke test should use a *learnable* synthetic task (e.g. the label is the position of a bright patch) and assert accuracy well above 10%. Our \`createCnnClassifier\` builds this stack; its test is listed under verification.`,
      },
    },
    references: [DLBOOK_CONV, TFJS_API, LECUN_1998],
    misconceptions: [
      {
        claim: {
          zh: '用 np.random.random((1000, 10)) 作为 one-hot 标签、配合 categorical_crossentropy 就能演示训练。',
          en: 'np.random.random((1000, 10)) labels with categorical_crossentropy are fine for demonstrating training.',
        },
        correction: {
          zh: '这些行之和约为 5，不是概率分布，且与输入无关，无法学习；\`np\` 也未导入。应使用 \`to_categorical(randint(0, 10, 1000))\`（或稀疏交叉熵配整数标签），最好是可学习的合成数据。',
          en: 'Those rows sum to about 5, so they are not distributions, and they carry no information about the inputs; \`np\` is not imported either. Use \`to_categorical(randint(0, 10, 1000))\` (or sparse cross-entropy with integer labels), ideally on learnable synthetic data.',
        },
        erratum: 16,
      },
    ],
    verification: [VERIFY_CNN_CLASSIFIER, verifyConv('convParameterCount')],
  },
  {
    id: 'cnn-train-evaluate-classifier',
    topic: 'cnn',
    subtopic: 'classification',
    tags: ['training-loop', 'evaluation', 'sparse-labels', 'tfjs'],
    kind: 'coding',
    difficulty: 3,
    seed: { chapter: 6, question: 9 },
    prompt: {
      zh: '在上一题的网络中再加一层 Conv(64, 3×3)，并把 Dense(128) 换成 Dense(64)。请实现完整的图像分类训练与评估流程：数据如何预处理、标签和损失怎么选、如何验证和测试，又如何确认模型真的在学习？',
      en: 'Add a third Conv(64, 3×3) to the previous network and replace Dense(128) with Dense(64). Implement the full training and evaluation of the image classifier: how to preprocess the data, which labels and loss to use, how to validate and test, and how to confirm the model is actually learning.',
    },
    answer: {
      short: {
        zh: '形状为 26→13→11→5→3，Flatten 后 576 维，总参数 93,322；像素缩放到 [0,1]、先划分训练/验证/测试集、整数标签配稀疏交叉熵（或 one-hot 配交叉熵）、用验证集调参、在从未碰过的测试集上只评估一次，并用“初始损失≈ln10”“能过拟合一个小批次”做健全性检查。',
        en: 'Shapes go 26→13→11→5→3, Flatten gives 576 features, 93,322 parameters in total. Scale pixels to [0,1], split train/val/test first, use integer labels with sparse cross-entropy (or one-hot with cross-entropy), tune on validation, evaluate once on an untouched test set, and sanity-check that the initial loss ≈ ln 10 and that one small batch can be overfitted.',
      },
      full: {
        zh: `**结构**：$28\\to26\\to13\\to11\\to5\\to3$，Flatten 为 $3\\cdot3\\cdot64=576$ 维。参数：$320+18{,}496+36{,}928+(576\\cdot64+64=36{,}928)+650=93{,}322$——多了一层卷积，参数反而比上一题（225,034）少，因为 Flatten 维度从 1600 降到 576。

**流程**：

1. **数据**：形状 $[N,28,28,1]$（NHWC），像素除以 255（或用*训练集*统计量标准化），标签为 0–9 的整数。
2. **划分**：先划分训练/验证/测试集再做任何拟合。注意 tfjs 与 Keras 一样，\`validationSplit\` 取的是**洗牌之前**数据的最后一部分，若数据按类别排序必须先打乱。
3. **损失**：one-hot 标签配 \`categoricalCrossentropy\`，或整数标签配稀疏交叉熵；自定义训练循环中让模型输出 logits，用 \`tf.losses.softmaxCrossEntropy\`（内部用 log-sum-exp，数值更稳定）。
4. **训练与评估**：
\`\`\`ts
const xs = tf.tensor4d(pixels, [n, 28, 28, 1]).div(255);
const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
await model.fit(xs, ys, { epochs: 10, batchSize: 64, validationSplit: 0.1, shuffle: true });
const [testLoss, testAcc] = model.evaluate(xTest, yTest) as tf.Scalar[];
\`\`\`
5. **健全性检查**：10 类均衡数据上初始损失应约为 $\\ln10\\approx2.303$；模型应能把 20 个样本过拟合到接近 0 损失；最终测试准确率应远高于 10%，并查看混淆矩阵。测试集只在最后用一次。`,
        en: `**Architecture**: $28\\to26\\to13\\to11\\to5\\to3$, so Flatten has $3\\cdot3\\cdot64=576$ features. Parameters: $320+18{,}496+36{,}928+(576\\cdot64+64=36{,}928)+650=93{,}322$. One more convolution yet fewer parameters than the previous model (225,034), because the flattened size drops from 1600 to 576.

**Pipeline**:

1. **Data**: shape $[N,28,28,1]$ (NHWC), pixels divided by 255 (or standardised with *training-set* statistics), labels integers 0–9.
2. **Split** into train/val/test before fitting anything. Like Keras, tfjs's \`validationSplit\` takes the last fraction of the data *before* shuffling, so shuffle first if the data are sorted by class.
3. **Loss**: \`categoricalCrossentropy\` with one-hot labels, or sparse cross-entropy with integer labels. In a custom loop, let the model output logits and use \`tf.losses.softmaxCrossEntropy\` (log-sum-exp inside, numerically stable).
4. **Train and evaluate**:
\`\`\`ts
const xs = tf.tensor4d(pixels, [n, 28, 28, 1]).div(255);
const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
await model.fit(xs, ys, { epochs: 10, batchSize: 64, validationSplit: 0.1, shuffle: true });
const [testLoss, testAcc] = model.evaluate(xTest, yTest) as tf.Scalar[];
\`\`\`
5. **Sanity checks**: with 10 balanced classes the initial loss should be about $\\ln 10\\approx2.303$; the model should overfit 20 examples to near-zero loss; final test accuracy should be far above 10%, with a confusion matrix to inspect. Touch the test set once, at the end.`,
      },
    },
    references: [TFJS_API, DLBOOK_PRACTICAL, KARPATHY_RECIPE],
    misconceptions: [
      {
        claim: {
          zh: '在随机生成的图像和随机实数标签上跑通 model.fit 就说明分类流程是对的。',
          en: 'If model.fit runs on random images with random real-valued labels, the classification pipeline is correct.',
        },
        correction: {
          zh: '随机实数标签不是合法的类别分布（每行和约为 5），随机数据也没有可学的信号，跑通不代表正确；需要合法标签、可学习的数据和对准确率的断言。',
          en: 'Random real-valued labels are not valid class distributions (rows sum to about 5), and random data carry no learnable signal, so "it runs" proves nothing; use valid labels, learnable data and an assertion on accuracy.',
        },
        erratum: 16,
      },
    ],
    verification: [VERIFY_CNN_CLASSIFIER],
  },
  {
    id: 'cnn-single-object-detector',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['localization', 'bounding-box', 'multi-task-loss', 'iou'],
    kind: 'coding',
    difficulty: 4,
    seed: { chapter: 6, question: 10 },
    prompt: {
      zh: '种子中的“目标检测”模型在 128×128×3 输入上堆叠四组卷积-池化，最后是 Dense(1, sigmoid) 和二元交叉熵。它实际做的是什么？请实现一个真正的单目标检测器（分类 + 定位）。',
      en: 'The seed\'s "object detection" model stacks four conv-pool blocks on a 128×128×3 input and ends in Dense(1, sigmoid) with binary cross-entropy. What does it actually do? Implement a real single-object detector (classification + localisation).',
    },
    answer: {
      short: {
        zh: '种子模型只是一个二分类器：不输出任何框，也没有框损失和 NMS。单目标检测器应在共享骨干上接两个头——类别头（softmax）和框头（4 个归一化坐标），用“交叉熵 + λ·smooth L1（仅对有目标的样本）”训练，并用 IoU ≥ 0.5 的定位准确率评估。',
        en: 'The seed model is a binary classifier: it outputs no box and has no box loss or NMS. A single-object detector puts two heads on a shared backbone, a class head (softmax) and a box head (4 normalised coordinates), trains on cross-entropy + λ·smooth L1 (box term only when an object is present), and is evaluated by the fraction of predictions with the right class and IoU ≥ 0.5.',
      },
      full: {
        zh: `**种子模型在做什么**：形状 $128\\to126\\to63\\to61\\to30\\to28\\to14\\to12\\to6$，Flatten 为 $6\\cdot6\\cdot256=9216$ 维，Dense(1024) 一层就有 9,438,208 个参数（占全部 9,827,649 的 96%）。输出只有一个 sigmoid，是“图中有没有目标”的二分类器；再加上随机实数标签，二元准确率毫无意义。

**正确设计**：
\`\`\`ts
const input = tf.input({ shape: [128, 128, 3] });
let x: tf.SymbolicTensor = input;
for (const filters of [32, 64, 128, 256]) {
  x = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x) as tf.SymbolicTensor;
}
const feat = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor;
const cls = tf.layers.dense({ units: numClasses, activation: 'softmax' }).apply(feat) as tf.SymbolicTensor;
const box = tf.layers.dense({ units: 4, activation: 'sigmoid' }).apply(feat) as tf.SymbolicTensor;
const model = tf.model({ inputs: input, outputs: [cls, box] });
\`\`\`
- 框头输出归一化到 [0,1] 的 $(y_1,x_1,y_2,x_2)$ 或 $(c_x,c_y,w,h)$；
- 损失 $L=\\mathrm{CE}(p,y)+\\lambda\\,\\mathbb{1}[\\text{有目标}]\\sum_{i=1}^{4}\\mathrm{smooth}_{L1}(\\hat b_i-b_i)$（可用 \`tf.losses.huberLoss\`，$\\delta=1$ 时即 smooth L1），无目标时框损失置零；
- 用全局平均池化替代巨大的 Flatten + Dense；
- 评估：预测框与真值框的 IoU，统计“类别正确且 IoU ≥ 0.5”的比例。

多目标检测则需要在每个位置做密集预测（锚框或网格），再用 NMS 去重。`,
        en: `**What the seed model does**: shapes $128\\to126\\to63\\to61\\to30\\to28\\to14\\to12\\to6$; Flatten gives $6\\cdot6\\cdot256=9216$ features, and Dense(1024) alone has 9,438,208 parameters (96% of all 9,827,649). The single sigmoid output makes it an "is there an object?" binary classifier; trained on random real-valued labels its binary accuracy means nothing.

**A correct design**:
\`\`\`ts
const input = tf.input({ shape: [128, 128, 3] });
let x: tf.SymbolicTensor = input;
for (const filters of [32, 64, 128, 256]) {
  x = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x) as tf.SymbolicTensor;
}
const feat = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor;
const cls = tf.layers.dense({ units: numClasses, activation: 'softmax' }).apply(feat) as tf.SymbolicTensor;
const box = tf.layers.dense({ units: 4, activation: 'sigmoid' }).apply(feat) as tf.SymbolicTensor;
const model = tf.model({ inputs: input, outputs: [cls, box] });
\`\`\`
- The box head outputs $(y_1,x_1,y_2,x_2)$ or $(c_x,c_y,w,h)$ normalised to [0,1].
- Loss $L=\\mathrm{CE}(p,y)+\\lambda\\,\\mathbb{1}[\\text{object}]\\sum_{i=1}^{4}\\mathrm{smooth}_{L1}(\\hat b_i-b_i)$ (\`tf.losses.huberLoss\` with $\\delta=1$ is smooth L1); the box term is masked out when there is no object.
- Global average pooling replaces the huge Flatten + Dense.
- Evaluation: IoU between predicted and true boxes; report the fraction with the right class and IoU ≥ 0.5.

For several objects, predict densely at every location (anchors or grid cells) and remove duplicates with NMS.`,
      },
    },
    references: [FAST_RCNN, YOLO, GIOU, TFJS_API],
    misconceptions: [
      {
        claim: {
          zh: '以单个 sigmoid 输出结尾、用二元交叉熵训练的 CNN 就是一个目标检测模型。',
          en: 'A CNN ending in one sigmoid unit trained with binary cross-entropy is an object-detection model.',
        },
        correction: {
          zh: '那是二分类器：没有边界框输出、没有框回归损失、没有 NMS。应改名为分类器，或加上框输出和框损失。',
          en: 'That is a binary classifier: no box outputs, no box-regression loss, no NMS. Call it a classifier, or add box outputs and a box loss.',
        },
        erratum: 17,
      },
    ],
    verification: [VERIFY_SINGLE_OBJECT_DETECTOR, VERIFY_BOX_IOU],
  },
  // -------------------------------------------------------------------------
  // Convolution arithmetic
  // -------------------------------------------------------------------------
  {
    id: 'cnn-output-size',
    topic: 'cnn',
    subtopic: 'conv-arithmetic',
    tags: ['output-size', 'padding', 'stride', 'dilation'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: '输入边长 $n$、卷积核 $k$、步幅 $s$、每侧填充 $p$、空洞率 $d$ 时，卷积（或池化）的输出边长是多少？计算：(a) $n=224,k=7,s=2,p=3$；(b) $n=28,k=3,s=1,p=0$；(c) $n=32,k=3,d=2,p=0,s=1$；(d) $n=227,k=11,s=4,p=0$（AlexNet 第一层）；(e) $n=7,k=3,s=2,p=1$。',
      en: 'For input side $n$, kernel $k$, stride $s$, padding $p$ per side and dilation $d$, what is the output side of a convolution (or pooling)? Compute: (a) $n=224,k=7,s=2,p=3$; (b) $n=28,k=3,s=1,p=0$; (c) $n=32,k=3,d=2,p=0,s=1$; (d) $n=227,k=11,s=4,p=0$ (AlexNet conv1); (e) $n=7,k=3,s=2,p=1$.',
    },
    answer: {
      short: {
        zh: '$o=\\lfloor (n+2p-d(k-1)-1)/s\\rfloor+1$；结果依次为 112、26、28、55、4。',
        en: '$o=\\lfloor (n+2p-d(k-1)-1)/s\\rfloor+1$; the answers are 112, 26, 28, 55 and 4.',
      },
      full: {
        zh: `**推导**：空洞卷积核的有效跨度为 $k_{\\text{eff}}=d(k-1)+1$；填充后长度为 $n+2p$；合法的起始位置有 $n+2p-k_{\\text{eff}}+1$ 个，每隔 $s$ 取一个，所以
$$o=\\left\\lfloor\\frac{n+2p-k_{\\text{eff}}}{s}\\right\\rfloor+1=\\left\\lfloor\\frac{n+2p-d(k-1)-1}{s}\\right\\rfloor+1.$$

**计算**：

- (a) $\\lfloor(224+6-6-1)/2\\rfloor+1=\\lfloor223/2\\rfloor+1=112$（ResNet 的 $7\\times7$ 起始卷积）。
- (b) $\\lfloor(28-2-1)/1\\rfloor+1=26$。
- (c) $k_{\\text{eff}}=5$，$\\lfloor(32-4-1)/1\\rfloor+1=28$。
- (d) $\\lfloor(227-10-1)/4\\rfloor+1=54+1=55$。论文写的是 224，但 $(224-11)/4$ 不是整数，只有 227 才能得到 55，这是众所周知的笔误。
- (e) $\\lfloor(7+2-2-1)/2\\rfloor+1=4$。

**注意**：向下取整意味着除不尽时最后几行/列被**静默丢弃**，例如 $2\\times2$ 池化作用于 5 得到 2，第 5 行不参与计算。池化使用同一公式（通常 $p=0,d=1$，Keras/tfjs 中池化步幅默认等于池化窗口）。`,
        en: `**Derivation**: a dilated kernel spans $k_{\\text{eff}}=d(k-1)+1$ inputs; the padded length is $n+2p$; there are $n+2p-k_{\\text{eff}}+1$ valid start positions, and we keep every $s$-th, so
$$o=\\left\\lfloor\\frac{n+2p-k_{\\text{eff}}}{s}\\right\\rfloor+1=\\left\\lfloor\\frac{n+2p-d(k-1)-1}{s}\\right\\rfloor+1.$$

**Numbers**:

- (a) $\\lfloor(224+6-6-1)/2\\rfloor+1=\\lfloor223/2\\rfloor+1=112$ (the ResNet $7\\times7$ stem).
- (b) $\\lfloor(28-2-1)/1\\rfloor+1=26$.
- (c) $k_{\\text{eff}}=5$, $\\lfloor(32-4-1)/1\\rfloor+1=28$.
- (d) $\\lfloor(227-10-1)/4\\rfloor+1=54+1=55$. The paper says 224, but $(224-11)/4$ is not an integer; only 227 yields 55, a well-known inconsistency.
- (e) $\\lfloor(7+2-2-1)/2\\rfloor+1=4$.

**Watch out**: the floor means trailing rows/columns are **silently dropped** when the division is not exact: a $2\\times2$ pool on a side of 5 gives 2 and ignores row 5. Pooling uses the same formula (usually $p=0,d=1$; in Keras/tfjs the pooling stride defaults to the pool size).`,
      },
    },
    references: [CONV_ARITHMETIC, CS231N_CONV, PYTORCH_CONV2D_DOC],
    verification: [verifyConv('convOutputSize')],
  },
  {
    id: 'cnn-same-vs-valid-padding',
    topic: 'cnn',
    subtopic: 'conv-arithmetic',
    tags: ['padding', 'same-padding', 'valid-padding', 'framework-differences'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'TensorFlow/tfjs 中的 \'same\' 和 \'valid\' 填充各是什么意思？步幅为 $s$ 时输出尺寸分别是多少？对 $n=224$，$k=7,s=2$ 和 $k=3,s=2$ 两种情况，\'same\' 在两侧各补几个像素？为什么在 TensorFlow 和 PyTorch 之间移植权重时特征图可能错位？',
      en: 'What do \'same\' and \'valid\' padding mean in TensorFlow/tfjs, and what output sizes do they give with stride $s$? For $n=224$ with $k=7,s=2$ and with $k=3,s=2$, how many pixels does \'same\' add on each side? Why can porting weights between TensorFlow and PyTorch misalign feature maps?',
    },
    answer: {
      short: {
        zh: '\'valid\' 不填充，输出 $\\lceil (n-d(k-1))/s\\rceil$；\'same\' 输出 $\\lceil n/s\\rceil$，总填充 $P=\\max((\\lceil n/s\\rceil-1)s+d(k-1)+1-n,0)$，前面补 $\\lfloor P/2\\rfloor$、多出的一个补在后面：$k=7$ 时为 2/3，$k=3$ 时为 0/1；PyTorch 用对称填充，窗口因此相差一个像素。',
        en: '\'valid\' adds no padding and gives $\\lceil (n-d(k-1))/s\\rceil$; \'same\' gives $\\lceil n/s\\rceil$ with total padding $P=\\max((\\lceil n/s\\rceil-1)s+d(k-1)+1-n,0)$, $\\lfloor P/2\\rfloor$ before and the rest after: 2/3 for $k=7$, 0/1 for $k=3$. PyTorch pads symmetrically, so the windows are offset by one pixel.',
      },
      full: {
        zh: `**'valid'**：不填充，$o=\\lceil (n-d(k-1))/s\\rceil$，与 $p=0$ 时的通用公式 $\\lfloor (n-d(k-1)-1)/s\\rfloor+1$ 相等。

**'same'**：输出 $o=\\lceil n/s\\rceil$——只有 $s=1$ 时才真正“与输入同尺寸”。所需总填充
$$P=\\max\\big((o-1)s+d(k-1)+1-n,\\;0\\big),$$
前侧（上/左）补 $\\lfloor P/2\\rfloor$，后侧（下/右）补其余部分，即奇数时多出的一个像素补在后面。

**例子**（$n=224,s=2$，$o=112$）：

- $k=7$：$P=111\\cdot2+7-224=5$，上/左补 2，下/右补 3；
- $k=3$：$P=111\\cdot2+3-224=1$，上/左补 0，下/右补 1；
- $k=3,s=1$：$P=2$，两侧各补 1，此时是对称的。

**跨框架错位**：PyTorch 的 ResNet 起始层写成 \`padding=3\`，输出 $\\lfloor(224+6-7)/2\\rfloor+1=112$，尺寸与 TF 的 'same' 相同，但第一个窗口覆盖输入位置 $[-3,3]$，而 TF 覆盖 $[-2,4]$，整体错开一个像素。直接搬运权重会得到略有偏差的特征和精度下降，因此移植模型时常用显式的 \`ZeroPadding2D\` + 'valid' 来复现对称填充。另外，PyTorch 的 \`padding='same'\` 不支持步幅大于 1 的卷积；偶数核即使 $s=1$ 也必须非对称填充。`,
        en: `**'valid'**: no padding; $o=\\lceil (n-d(k-1))/s\\rceil$, which equals the general formula with $p=0$, $\\lfloor (n-d(k-1)-1)/s\\rfloor+1$.

**'same'**: $o=\\lceil n/s\\rceil$, truly "the same size" only when $s=1$. The total padding needed is
$$P=\\max\\big((o-1)s+d(k-1)+1-n,\\;0\\big),$$
with $\\lfloor P/2\\rfloor$ before (top/left) and the rest after (bottom/right), so an odd extra pixel goes at the end.

**Examples** ($n=224,s=2$, $o=112$):

- $k=7$: $P=111\\cdot2+7-224=5$, 2 before and 3 after;
- $k=3$: $P=111\\cdot2+3-224=1$, 0 before and 1 after;
- $k=3,s=1$: $P=2$, 1 on each side (symmetric).

**Cross-framework misalignment**: PyTorch's ResNet stem uses \`padding=3\`, giving $\\lfloor(224+6-7)/2\\rfloor+1=112$, the same size as TF 'same'; but its first window covers input positions $[-3,3]$ while TF's covers $[-2,4]$, a one-pixel shift everywhere. Copying the weights verbatim gives slightly shifted features and an accuracy drop, which is why ports use an explicit \`ZeroPadding2D\` + 'valid' to reproduce symmetric padding. Also, PyTorch's \`padding='same'\` is not supported for strided convolutions, and even kernels need asymmetric padding even at $s=1$.`,
      },
    },
    references: [TF_CONVOLUTION_DOC, PYTORCH_CONV2D_DOC, CONV_ARITHMETIC],
    verification: [verifyConv('convOutputSize')],
  },
  {
    id: 'cnn-receptive-field',
    topic: 'cnn',
    subtopic: 'receptive-field',
    tags: ['receptive-field', 'stride', 'vgg', 'effective-receptive-field'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: '推导堆叠卷积/池化层的感受野递推公式，并计算：conv3(s1) → conv3(s1) → maxpool2(s2) → conv3(s1) → conv3(s1) → maxpool2(s2) → conv3(s1) 最后一层的感受野。为什么三个 3×3 卷积可以替代一个 7×7 卷积？',
      en: 'Derive the receptive-field recursion for stacked convolution/pooling layers and apply it to conv3(s1) → conv3(s1) → maxpool2(s2) → conv3(s1) → conv3(s1) → maxpool2(s2) → conv3(s1). Why can three stacked 3×3 convolutions replace one 7×7?',
    },
    answer: {
      short: {
        zh: '$r_l=r_{l-1}+(k_l-1)\\prod_{i<l}s_i$（$r_0=1$，空洞卷积用 $d(k-1)+1$ 代替 $k$）；该网络依次为 3、5、6、10、14、16、24，最终感受野 24×24。三个 3×3 卷积的感受野是 7×7，参数为 $27C^2$ 而非 $49C^2$，还多两次非线性。',
        en: '$r_l=r_{l-1}+(k_l-1)\\prod_{i<l}s_i$ (with $r_0=1$; use $d(k-1)+1$ for $k$ when dilated). The network gives 3, 5, 6, 10, 14, 16, 24, so the final receptive field is 24×24. Three 3×3 convolutions see 7×7 with $27C^2$ instead of $49C^2$ weights, plus two extra nonlinearities.',
      },
      full: {
        zh: `**推导**：设第 $l$ 层相邻两个单元在输入上相距 $j_l=\\prod_{i\\le l}s_i$ 个像素（“跳距”，$j_0=1$），感受野为 $r_l$（$r_0=1$）。第 $l$ 层的一个单元看到第 $l-1$ 层中 $k_l$ 个相邻单元，它们的中心在输入上横跨 $(k_l-1)j_{l-1}$ 个像素，而每个单元自身覆盖 $r_{l-1}$ 个像素，所以
$$r_l=r_{l-1}+(k_l-1)\\,j_{l-1}=r_{l-1}+(k_l-1)\\prod_{i<l}s_i .$$
空洞卷积把 $k_l$ 换成 $d_l(k_l-1)+1$。

**计算**：

| 层 | $k$ | $s$ | 之前的跳距 | $r$ |
|---|---|---|---|---|
| conv | 3 | 1 | 1 | 3 |
| conv | 3 | 1 | 1 | 5 |
| pool | 2 | 2 | 1 | 6 |
| conv | 3 | 1 | 2 | 10 |
| conv | 3 | 1 | 2 | 14 |
| pool | 2 | 2 | 2 | 16 |
| conv | 3 | 1 | 4 | 24 |

最终感受野为 $24\\times24$，跳距为 4。再举一例：ResNet 起始的 conv7(s2) → maxpool3(s2) 得到 7、11，其后第一个 $3\\times3$ 卷积达到 $11+2\\cdot4=19$。

**3×3 堆叠（VGG）**：三层 $3\\times3$、步幅 1 的感受野为 3、5、7，与一个 $7\\times7$ 相同；$C$ 通道时权重为 $3\\cdot9C^2=27C^2$，而 $7\\times7$ 为 $49C^2$，且多了两次非线性。

**有效感受野**：理论感受野内各像素的影响并不均匀。Luo 等（2016）发现梯度影响近似高斯分布，有效感受野只占理论值的一小部分，并且其大小随深度按 $O(\\sqrt n)$ 增长，而理论感受野线性增长。`,
        en: `**Derivation**: let $j_l=\\prod_{i\\le l}s_i$ be the distance, in input pixels, between adjacent units of layer $l$ (the "jump", $j_0=1$), and $r_l$ the receptive field ($r_0=1$). A unit of layer $l$ sees $k_l$ adjacent units of layer $l-1$, whose centres span $(k_l-1)j_{l-1}$ input pixels, and each of those covers $r_{l-1}$ pixels, so
$$r_l=r_{l-1}+(k_l-1)\\,j_{l-1}=r_{l-1}+(k_l-1)\\prod_{i<l}s_i .$$
For a dilated layer replace $k_l$ by $d_l(k_l-1)+1$.

**Worked example**:

| Layer | $k$ | $s$ | jump before | $r$ |
|---|---|---|---|---|
| conv | 3 | 1 | 1 | 3 |
| conv | 3 | 1 | 1 | 5 |
| pool | 2 | 2 | 1 | 6 |
| conv | 3 | 1 | 2 | 10 |
| conv | 3 | 1 | 2 | 14 |
| pool | 2 | 2 | 2 | 16 |
| conv | 3 | 1 | 4 | 24 |

The final receptive field is $24\\times24$ with a jump of 4. Another check: the ResNet stem conv7(s2) → maxpool3(s2) gives 7 then 11, and the first $3\\times3$ convolution after it reaches $11+2\\cdot4=19$.

**Stacked 3×3 (VGG)**: three stride-1 $3\\times3$ layers have receptive fields 3, 5, 7, the same as one $7\\times7$; with $C$ channels they use $3\\cdot9C^2=27C^2$ weights instead of $49C^2$, and add two more nonlinearities.

**Effective receptive field**: pixels inside the theoretical field do not contribute equally. Luo et al. (2016) found the influence is roughly Gaussian, occupies only a fraction of the theoretical field, and grows like $O(\\sqrt n)$ with depth while the theoretical field grows linearly.`,
      },
    },
    references: [CONV_ARITHMETIC, VGG, LUO_ERF, CS231N_CONV],
    misconceptions: [
      {
        claim: {
          zh: '感受野就是把各层卷积核大小相加（再减去层数加一），与步幅无关。',
          en: 'The receptive field is just the sum of the kernel sizes (minus the number of layers, plus one), independent of strides.',
        },
        correction: {
          zh: '只有全部步幅为 1 时才成立；每层的增量要乘以它之前所有层步幅的乘积，下采样之后感受野增长得快得多。',
          en: 'Only when every stride is 1. Each layer\'s increment is multiplied by the product of all earlier strides, so the field grows much faster after downsampling.',
        },
      },
    ],
    verification: [verifyConv('receptiveField')],
  },
  {
    id: 'cnn-parameter-count',
    topic: 'cnn',
    subtopic: 'conv-arithmetic',
    tags: ['parameter-count', 'flops', 'weight-sharing', 'dense-layer'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: '卷积层有多少参数、多少次乘加运算（MAC）？对 $28\\times28\\times1$ 的输入，比较一个 5×5、32 个卷积核、\'same\' 填充的卷积层，与一个输出同样大小（$28\\times28\\times32$）的全连接层。',
      en: 'How many parameters and multiply-accumulates (MACs) does a convolutional layer have? For a $28\\times28\\times1$ input, compare a 5×5 convolution with 32 filters and \'same\' padding to a dense layer producing an output of the same size ($28\\times28\\times32$).',
    },
    answer: {
      short: {
        zh: '参数 $k_hk_wc_{in}c_{out}+c_{out}$，MAC $H_{out}W_{out}k_hk_wc_{in}c_{out}$；该卷积层有 832 个参数、627,200 次 MAC，对应的全连接层有 19,694,080 个参数（约 2.4 万倍）、19,668,992 次 MAC。',
        en: 'Parameters $k_hk_wc_{in}c_{out}+c_{out}$; MACs $H_{out}W_{out}k_hk_wc_{in}c_{out}$. The convolution has 832 parameters and 627,200 MACs; the equivalent dense layer has 19,694,080 parameters (about 24,000 times more) and 19,668,992 MACs.',
      },
      full: {
        zh: `**公式**：每个输出通道有一个 $k_h\\times k_w\\times c_{in}$ 的卷积核和一个偏置：
$$\\#\\text{params}=k_hk_wc_{in}c_{out}+c_{out},\\qquad \\#\\text{MAC}=H_{out}W_{out}\\,k_hk_wc_{in}c_{out}.$$
参数量与空间尺寸无关，计算量与输出面积成正比。

**卷积层**：$5\\cdot5\\cdot1\\cdot32+32=832$ 个参数；MAC 为 $28\\cdot28\\cdot25\\cdot32=627{,}200$。

**等尺寸的全连接层**：输入 $784$ 维，输出 $28\\cdot28\\cdot32=25{,}088$ 维，参数 $784\\cdot25{,}088+25{,}088=19{,}694{,}080$，约为卷积层的 23,671 倍；MAC 为 $784\\cdot25{,}088=19{,}668{,}992$，约为卷积的 31 倍。差距来自两点：局部连接（每个输出只看 25 个输入而非 784 个）和权值共享（784 个位置共用同一组权重）。

**变体**：

- 分组卷积（$g$ 组）：$k_hk_w(c_{in}/g)c_{out}+c_{out}$；深度卷积是 $g=c_{in}$ 的特例。
- 卷积后接批归一化时偏置是冗余的（会被均值减掉），通常设 \`useBias: false\`，BN 的 $\\gamma,\\beta$ 各贡献 $c_{out}$ 个参数。
- 局部连接层（不共享权重）的参数为 $H_{out}W_{out}(k_hk_wc_{in}c_{out}+c_{out})$。`,
        en: `**Formula**: each output channel owns one $k_h\\times k_w\\times c_{in}$ kernel and one bias:
$$\\#\\text{params}=k_hk_wc_{in}c_{out}+c_{out},\\qquad \\#\\text{MAC}=H_{out}W_{out}\\,k_hk_wc_{in}c_{out}.$$
Parameters do not depend on the spatial size; compute scales with the output area.

**Convolution**: $5\\cdot5\\cdot1\\cdot32+32=832$ parameters; $28\\cdot28\\cdot25\\cdot32=627{,}200$ MACs.

**Dense layer of the same output size**: 784 inputs, $28\\cdot28\\cdot32=25{,}088$ outputs, $784\\cdot25{,}088+25{,}088=19{,}694{,}080$ parameters, about 23,671 times more; $784\\cdot25{,}088=19{,}668{,}992$ MACs, about 31 times more. The gap comes from local connectivity (each output sees 25 inputs, not 784) and weight sharing (all 784 positions reuse one set of weights).

**Variants**:

- Grouped convolution with $g$ groups: $k_hk_w(c_{in}/g)c_{out}+c_{out}$; depthwise convolution is the case $g=c_{in}$.
- A bias before batch normalization is redundant (the mean subtraction removes it), so set \`useBias: false\`; BN's $\\gamma,\\beta$ add $c_{out}$ parameters each.
- A locally connected layer (no sharing) has $H_{out}W_{out}(k_hk_wc_{in}c_{out}+c_{out})$ parameters.`,
      },
    },
    references: [DLBOOK_CONV, CS231N_CONV],
    verification: [verifyConv('convParameterCount')],
  },
  {
    id: 'cnn-dilated-convolution',
    topic: 'cnn',
    subtopic: 'receptive-field',
    tags: ['dilated-convolution', 'atrous', 'receptive-field', 'gridding'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: '什么是空洞（扩张）卷积？计算三个步幅为 1、空洞率依次为 1、2、4 的 3×3 卷积堆叠后的感受野，以及 32×32 输入上无填充、空洞率 2 的 3×3 卷积的输出尺寸。什么是“网格效应”（gridding）？',
      en: 'What is a dilated (atrous) convolution? Compute the receptive field of three stacked stride-1 3×3 convolutions with dilations 1, 2, 4, and the output size of an unpadded 3×3 convolution with dilation 2 on a 32×32 input. What is the gridding problem?',
    },
    answer: {
      short: {
        zh: '空洞卷积在核元素之间插入 $d-1$ 个间隔，有效跨度 $d(k-1)+1$ 而参数不变；感受野为 3、7、15，输出尺寸为 28。若各层空洞率有公因数，输出只依赖输入中一个稀疏格点子集，产生网格伪影。',
        en: 'A dilated convolution spaces its taps $d$ apart, spanning $d(k-1)+1$ inputs with the same number of weights. The receptive fields are 3, 7, 15, and the output size is 28. When the dilations share a common factor, each output depends only on a sparse lattice of inputs, which causes gridding artefacts.',
      },
      full: {
        zh: `**定义**（一维）：$y[i]=\\sum_{u=0}^{k-1}x[i+d\\,u]\\,w[u]$。有效核跨度 $d(k-1)+1$，参数仍是 $k$ 个（二维为 $k^2c_{in}c_{out}$）。它能在**不下采样**、不增加参数的情况下扩大感受野，适合需要保持分辨率的密集预测。

**感受野**（步幅 1，$r_l=r_{l-1}+d_l(k-1)$）：
$$1\\;\\to\\;1+2\\cdot1=3\\;\\to\\;3+2\\cdot2=7\\;\\to\\;7+2\\cdot4=15 .$$
空洞率逐层翻倍时，$L$ 层的感受野为 $2^{L+1}-1$，呈指数增长，而参数只线性增长（Yu & Koltun 的上下文模块、WaveNet 的因果空洞卷积都利用了这一点）。

**输出尺寸**：$\\lfloor(32-2\\cdot2-1)/1\\rfloor+1=28$，与一个 $5\\times5$ 卷积相同。保持尺寸所需的每侧填充为 $d(k-1)/2$，对 $k=3$ 即 $p=d$。

**网格效应**：若连续多层使用相同的空洞率（如都为 2），某个输出只依赖于坐标奇偶性相同的输入像素，相邻输出看到的是互不重叠的稀疏子集，导致棋盘状伪影和局部细节丢失。解决办法：混合空洞卷积（HDC，Wang 等 2017），选用没有大于 1 公因数的空洞率组合如 1、2、5，或在序列中插入普通卷积。DeepLab 的 ASPP 则并行使用多个空洞率获取多尺度上下文。`,
        en: `**Definition** (1-D): $y[i]=\\sum_{u=0}^{k-1}x[i+d\\,u]\\,w[u]$. The kernel spans $d(k-1)+1$ inputs with still $k$ weights ($k^2c_{in}c_{out}$ in 2-D). It enlarges the receptive field **without downsampling** and without extra parameters, which suits dense prediction at full resolution.

**Receptive field** (stride 1, $r_l=r_{l-1}+d_l(k-1)$):
$$1\\;\\to\\;1+2\\cdot1=3\\;\\to\\;3+2\\cdot2=7\\;\\to\\;7+2\\cdot4=15 .$$
Doubling the dilation at every layer gives $2^{L+1}-1$ after $L$ layers: exponential growth for a linear number of parameters (used by Yu & Koltun's context module and WaveNet's dilated causal convolutions).

**Output size**: $\\lfloor(32-2\\cdot2-1)/1\\rfloor+1=28$, the same as a $5\\times5$ kernel. 'Same' padding needs $d(k-1)/2$ per side, i.e. $p=d$ for $k=3$.

**Gridding**: if consecutive layers share a dilation (say all 2), an output depends only on input pixels whose coordinates have the same parity; neighbouring outputs see disjoint sparse subsets, which produces checkerboard-like artefacts and loses local detail. Fixes: hybrid dilated convolution (HDC, Wang et al. 2017) with rates that share no common factor greater than 1, such as 1, 2, 5, or interleaving ordinary convolutions. DeepLab's ASPP applies several rates in parallel for multi-scale context.`,
      },
    },
    references: [DILATED, HDC, DEEPLAB, WAVENET, CONV_ARITHMETIC],
    verification: [verifyConv('receptiveField'), verifyConv('convOutputSize')],
  },
  // -------------------------------------------------------------------------
  // Building blocks and architectures
  // -------------------------------------------------------------------------
  {
    id: 'cnn-1x1-convolution',
    topic: 'cnn',
    subtopic: 'efficient-convolutions',
    tags: ['1x1-convolution', 'bottleneck', 'channel-mixing', 'network-in-network'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: '1×1 卷积有什么用？它和全连接层是什么关系？以 ResNet 的瓶颈块为例说明它如何节省参数。',
      en: 'What is a 1×1 convolution good for, and how does it relate to a dense layer? Use the ResNet bottleneck block to show how it saves parameters.',
    },
    answer: {
      short: {
        zh: '1×1 卷积是在每个像素上独立作用于通道维的全连接层（参数 $c_{in}c_{out}+c_{out}$，不扩大感受野），用来改变通道数、廉价地增加非线性、做投影捷径；256 通道的瓶颈块（1×1 降到 64 → 3×3 → 1×1 升回 256）只有 69,632 个权重，而两个 256 通道的 3×3 卷积有 1,179,648 个。',
        en: 'A 1×1 convolution is a dense layer over channels applied independently at every pixel ($c_{in}c_{out}+c_{out}$ parameters, no growth of the receptive field). It changes channel counts, adds cheap nonlinearity and implements projection shortcuts. A 256-channel bottleneck (1×1 down to 64 → 3×3 → 1×1 back to 256) has 69,632 weights versus 1,179,648 for two 256-channel 3×3 convolutions.',
      },
      full: {
        zh: `**本质**：$y[i,j,:]=W\\,x[i,j,:]+b$，$W\\in\\mathbb R^{c_{out}\\times c_{in}}$ 在所有像素共享。它只混合通道，不看空间邻域。在 NHWC 布局下，对 4 维张量最后一维做 Dense 与 1×1 卷积完全等价。注意：只有单通道输入时它才退化为“乘一个常数”。

**用途**：

1. **降维/升维（瓶颈）**：Inception 在 3×3、5×5 卷积前用 1×1 降通道以控制计算量；ResNet-50/101/152 的瓶颈块为 1×1（降）→ 3×3 → 1×1（升）。
2. **增加非线性**：NIN 的 mlpconv 在每个位置相当于一个小 MLP。
3. **投影捷径**：残差块输入输出通道数或分辨率不同时，用（可带步幅的）1×1 卷积对齐。
4. **深度可分离卷积的逐点部分**，以及 FCN 中输出每像素类别 logits 的分类层。

**瓶颈块参数**（不计偏置，卷积后接 BN）：
- 1×1，256→64：$256\\cdot64=16{,}384$
- 3×3，64→64：$9\\cdot64\\cdot64=36{,}864$
- 1×1，64→256：$64\\cdot256=16{,}384$

合计 69,632；两个 256 通道 3×3 卷积为 $2\\cdot9\\cdot256\\cdot256=1{,}179{,}648$，约为前者的 17 倍。`,
        en: `**What it is**: $y[i,j,:]=W\\,x[i,j,:]+b$ with $W\\in\\mathbb R^{c_{out}\\times c_{in}}$ shared by all pixels. It mixes channels and ignores spatial neighbours. In NHWC, a Dense layer on the last axis of a rank-4 tensor is exactly a 1×1 convolution. Only with a single input channel does it reduce to "multiplying by a constant".

**Uses**:

1. **Reducing/expanding channels (bottlenecks)**: Inception reduces channels with 1×1 before its 3×3 and 5×5 convolutions; ResNet-50/101/152 blocks are 1×1 (reduce) → 3×3 → 1×1 (expand).
2. **Extra nonlinearity**: Network in Network's mlpconv is a tiny MLP at every position.
3. **Projection shortcuts**: when a residual block changes the channel count or resolution, a (possibly strided) 1×1 convolution matches the shapes.
4. **The pointwise half of a depthwise-separable convolution**, and the per-pixel classifier that outputs class logits in FCN.

**Bottleneck parameters** (no biases, BN follows each convolution):
- 1×1, 256→64: $256\\cdot64=16{,}384$
- 3×3, 64→64: $9\\cdot64\\cdot64=36{,}864$
- 1×1, 64→256: $64\\cdot256=16{,}384$

Total 69,632, versus $2\\cdot9\\cdot256\\cdot256=1{,}179{,}648$ for two 256-channel 3×3 convolutions, about 17 times more.`,
      },
    },
    references: [NIN, GOOGLENET, RESNET],
    misconceptions: [
      {
        claim: {
          zh: '1×1 卷积只是把每个像素乘以一个常数，没有实际作用。',
          en: 'A 1×1 convolution just multiplies each pixel by a constant and does nothing useful.',
        },
        correction: {
          zh: '多通道时它是逐像素的通道间全连接层，能改变通道数并（配合激活）增加非线性；只有单通道输入时才退化为乘常数。',
          en: 'With several channels it is a per-pixel dense layer across channels that changes the channel count and, with an activation, adds nonlinearity; only with one input channel is it a scalar multiplication.',
        },
      },
    ],
    verification: [verifyConv('convParameterCount')],
  },
  {
    id: 'cnn-depthwise-separable',
    topic: 'cnn',
    subtopic: 'efficient-convolutions',
    tags: ['depthwise-separable', 'mobilenet', 'flops', 'efficiency'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: '推导深度可分离卷积相对标准卷积的计算量比例，并对 56×56 特征图上 $k=3$、$c_{in}=c_{out}=256$（步幅 1、\'same\'）的情况给出具体数字。为什么实际加速往往不如理论值？',
      en: 'Derive the cost ratio of a depthwise-separable convolution to a standard one, and evaluate it for $k=3$, $c_{in}=c_{out}=256$ on a 56×56 map (stride 1, \'same\'). Why is the real speed-up usually smaller?',
    },
    answer: {
      short: {
        zh: '比例为 $\\frac{k^2c_{in}+c_{in}c_{out}}{k^2c_{in}c_{out}}=\\frac1{c_{out}}+\\frac1{k^2}$，本例约 0.115（约少 8.7 倍）：约 18.5 亿次乘加降到约 2.13 亿次，权重从 589,824 降到 67,840。深度卷积算术强度低、受内存带宽限制，因此实际加速更小。',
        en: 'The ratio is $\\frac{k^2c_{in}+c_{in}c_{out}}{k^2c_{in}c_{out}}=\\frac1{c_{out}}+\\frac1{k^2}$, about 0.115 here (8.7× fewer): roughly 1.85 G MACs become 0.213 G, and weights drop from 589,824 to 67,840. Depthwise convolutions have low arithmetic intensity and are memory-bound, so real speed-ups are smaller.',
      },
      full: {
        zh: `**分解**：标准卷积同时做空间滤波和通道混合；深度可分离卷积拆成两步：

1. **深度卷积**：每个输入通道用自己的 $k\\times k$ 核单独滤波，MAC 为 $HWk^2c_{in}$；
2. **逐点卷积**：1×1 卷积混合通道，MAC 为 $HWc_{in}c_{out}$。

**比例**：
$$\\frac{HW(k^2c_{in}+c_{in}c_{out})}{HWk^2c_{in}c_{out}}=\\frac{1}{c_{out}}+\\frac{1}{k^2}.$$

**数字**（$H=W=56,k=3,c=256$）：
- 标准：$56\\cdot56\\cdot9\\cdot256\\cdot256=1{,}849{,}688{,}064$ MAC（约 1.85 G），权重 589,824；
- 可分离：$56\\cdot56\\cdot(9\\cdot256+256\\cdot256)=212{,}746{,}240$ MAC（约 0.213 G），权重 $2{,}304+65{,}536=67{,}840$；
- 比例 $1/256+1/9\\approx0.115$，即约 8.7 倍。MobileNet 论文报告 3×3 时计算量减少 8–9 倍，精度仅略有下降。

**实际加速为何更小**：
- 逐点卷积占了 $65{,}536/67{,}840\\approx96.6\\%$ 的计算量，瓶颈转移到 1×1 卷积；
- 深度卷积每读一个数只做约 $k^2$ 次运算，算术强度低、受内存带宽限制，也难以映射成高效的 GEMM；
- 层数变多，kernel 启动和中间激活的读写开销增加。

相关架构：Xception、MobileNetV2（倒残差 + 线性瓶颈）；tfjs 中对应 \`tf.layers.separableConv2d\` 和 \`tf.layers.depthwiseConv2d\`。`,
        en: `**Factorisation**: a standard convolution filters space and mixes channels at once; a depthwise-separable one splits this in two:

1. **Depthwise**: each input channel is filtered by its own $k\\times k$ kernel: $HWk^2c_{in}$ MACs.
2. **Pointwise**: a 1×1 convolution mixes channels: $HWc_{in}c_{out}$ MACs.

**Ratio**:
$$\\frac{HW(k^2c_{in}+c_{in}c_{out})}{HWk^2c_{in}c_{out}}=\\frac{1}{c_{out}}+\\frac{1}{k^2}.$$

**Numbers** ($H=W=56,k=3,c=256$):
- standard: $56\\cdot56\\cdot9\\cdot256\\cdot256=1{,}849{,}688{,}064$ MACs (≈1.85 G), 589,824 weights;
- separable: $56\\cdot56\\cdot(9\\cdot256+256\\cdot256)=212{,}746{,}240$ MACs (≈0.213 G), $2{,}304+65{,}536=67{,}840$ weights;
- ratio $1/256+1/9\\approx0.115$, about 8.7× fewer. The MobileNet paper reports 8–9× less computation for 3×3 kernels at a small accuracy cost.

**Why real speed-ups are smaller**:
- the pointwise part is $65{,}536/67{,}840\\approx96.6\\%$ of the work, so the 1×1 convolution becomes the bottleneck;
- a depthwise convolution does only about $k^2$ operations per value loaded: low arithmetic intensity, memory-bound, and a poor fit for fast GEMM kernels;
- more layers mean more kernel launches and more activation traffic.

Related: Xception, MobileNetV2 (inverted residuals, linear bottlenecks); in tfjs, \`tf.layers.separableConv2d\` and \`tf.layers.depthwiseConv2d\`.`,
      },
    },
    references: [MOBILENET, XCEPTION, MOBILENET_V2],
    verification: [verifyConv('convParameterCount')],
  },
  {
    id: 'cnn-transposed-convolution',
    topic: 'cnn',
    subtopic: 'upsampling',
    tags: ['transposed-convolution', 'upsampling', 'checkerboard-artifacts', 'decoder'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: '什么是转置卷积？它的输出尺寸如何计算？为什么它会产生棋盘格伪影，如何避免？',
      en: 'What is a transposed convolution, what output size does it produce, and why does it cause checkerboard artefacts? How do you avoid them?',
    },
    answer: {
      short: {
        zh: '若卷积写成 $y=Cx$，转置卷积计算 $C^{\\top}y$（即卷积对输入的梯度），把小特征图映射回大尺寸，输出 $(n-1)s-2p+d(k-1)+\\text{output\\_padding}+1$；当核大小不能被步幅整除时，各输出位置获得的贡献次数不均匀，形成棋盘格，可改用“先插值放大再卷积”、取 $k$ 为 $s$ 的倍数或亚像素卷积。',
        en: 'If a convolution is $y=Cx$, a transposed convolution computes $C^{\\top}y$ (the gradient of a convolution with respect to its input), mapping a small map back to a large one with size $(n-1)s-2p+d(k-1)+\\text{output\\_padding}+1$. When the kernel size is not divisible by the stride, output positions receive unequal numbers of contributions, producing checkerboards; use resize-then-convolve, $k$ divisible by $s$, or sub-pixel convolution.',
      },
      full: {
        zh: `**定义**：把卷积写成稀疏矩阵乘法 $y=Cx$，转置卷积就是 $C^{\\top}$ 作用于 $y$。它恢复的是**形状**而不是数值——它不是卷积的逆（“反卷积”这个名字有误导性）。它正是卷积反向传播中对输入求梯度的运算。等价实现：在输入元素之间插入 $s-1$ 个零，每侧补 $d(k-1)-p$ 个零，再做步幅为 1 的普通卷积（核空间翻转）。

**输出尺寸**：$o=(n-1)s-2p+d(k-1)+\\text{output\\_padding}+1$。例如 DCGAN 风格的 $n=4,k=4,s=2,p=1$：$3\\cdot2-2+3+1=8$。tfjs/Keras 的 \`conv2dTranspose\` 配 'same' 时输出为 $ns$。

**棋盘格伪影**：一维 $k=3,s=2$ 时，输入 $i$ 写入输出 $2i,2i+1,2i+2$，于是偶数位置收到 2 个贡献、奇数位置只有 1 个，输出出现周期性的强弱交替；二维时两个方向相乘，得到 4/2/2/1 的棋盘格。多层堆叠会放大这种模式。即使 $k$ 能被 $s$ 整除，学到的权重也可能重新引入伪影（Odena 等，2016）。

**解决办法**：
- **缩放-卷积**：最近邻或双线性上采样后接普通卷积（Odena 等推荐）；
- 取 $k$ 为 $s$ 的倍数（如 $4\\times4$、步幅 2），使重叠均匀；
- **亚像素卷积**（depth-to-space，Shi 等，2016），配合合适的初始化；
- FCN 用双线性插值核初始化转置卷积。`,
        en: `**Definition**: write a convolution as a sparse matrix product $y=Cx$; the transposed convolution applies $C^{\\top}$ to $y$. It restores the **shape**, not the values; it is not an inverse ("deconvolution" is a misnomer). It is exactly the input-gradient operation of a convolution's backward pass. Equivalent implementation: insert $s-1$ zeros between input elements, pad $d(k-1)-p$ zeros on each side, then run an ordinary stride-1 convolution with the spatially flipped kernel.

**Output size**: $o=(n-1)s-2p+d(k-1)+\\text{output\\_padding}+1$. For a DCGAN-style layer, $n=4,k=4,s=2,p=1$: $3\\cdot2-2+3+1=8$. In tfjs/Keras, \`conv2dTranspose\` with 'same' gives $ns$.

**Checkerboard artefacts**: in 1-D with $k=3,s=2$, input $i$ writes to outputs $2i,2i+1,2i+2$, so even positions get 2 contributions and odd ones only 1: a periodic strong/weak pattern. In 2-D the two axes multiply, giving a 4/2/2/1 checkerboard, and stacked layers compound it. Even with $k$ divisible by $s$, learned weights can bring the pattern back (Odena et al., 2016).

**Fixes**:
- **Resize-convolution**: nearest-neighbour or bilinear upsampling followed by an ordinary convolution (recommended by Odena et al.);
- choose $k$ divisible by $s$ (e.g. $4\\times4$, stride 2) so overlaps are even;
- **sub-pixel convolution** (depth-to-space, Shi et al., 2016) with a suitable initialisation;
- FCN initialises its transposed convolutions to bilinear interpolation.`,
      },
    },
    references: [ODENA_CHECKERBOARD, CONV_ARITHMETIC, SUBPIXEL, FCN],
    misconceptions: [
      {
        claim: {
          zh: '转置卷积（“反卷积”）是卷积的逆运算，能恢复原始输入。',
          en: 'A transposed convolution ("deconvolution") inverts a convolution and recovers the original input.',
        },
        correction: {
          zh: '它只是用卷积矩阵的转置做线性映射，恢复的是形状而非数值；它是卷积对输入的梯度，不是逆。',
          en: 'It applies the transpose of the convolution matrix, restoring the shape but not the values; it is the convolution\'s input gradient, not its inverse.',
        },
      },
    ],
  },
  {
    id: 'cnn-batch-normalization',
    topic: 'cnn',
    subtopic: 'normalization',
    tags: ['batch-normalization', 'train-vs-inference', 'gradient-scale', 'running-statistics'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: '批归一化（BN）在训练和推理时的行为有何不同？它对梯度的尺度有什么影响？小批量或微调时会出现什么问题？',
      en: 'How does batch normalization behave in training versus inference? What does it do to the gradient scale? What goes wrong with small batches or during fine-tuning?',
    },
    answer: {
      short: {
        zh: '训练时用当前批次每个通道的均值方差归一化并更新滑动平均，推理时改用滑动平均，因此输出是确定的、可折叠进前一层卷积；BN 使输出对权重尺度不变，$\\partial L/\\partial(aW)=\\frac1a\\partial L/\\partial W$，权重越大梯度越小，从而允许更大的学习率。小批量时统计量噪声大，微调时应冻结统计量。',
        en: 'In training BN normalizes each channel with the current batch mean and variance and updates running averages; at inference it uses the running averages, so outputs are deterministic and BN can be folded into the preceding convolution. BN makes the output invariant to the weight scale, so $\\partial L/\\partial(aW)=\\frac1a\\partial L/\\partial W$: larger weights get smaller gradients, which permits larger learning rates. Small batches give noisy statistics, and fine-tuning usually needs frozen statistics.',
      },
      full: {
        zh: `**训练**：对卷积特征，每个通道在 $(N,H,W)$ 上求 $\\mu_B,\\sigma_B^2$，
$$\\hat x=\\frac{x-\\mu_B}{\\sqrt{\\sigma_B^2+\\epsilon}},\\qquad y=\\gamma\\hat x+\\beta,$$
并更新滑动平均 $\\hat\\mu\\leftarrow m\\hat\\mu+(1-m)\\mu_B$（Keras/tfjs 默认 $m=0.99$）。

**推理**：使用 $\\hat\\mu,\\hat\\sigma^2$，输出与批次中其他样本无关，还可以折叠进前一层卷积：$W'=\\gamma W/\\sqrt{\\hat\\sigma^2+\\epsilon}$，$b'=\\beta+\\gamma(b-\\hat\\mu)/\\sqrt{\\hat\\sigma^2+\\epsilon}$。

**梯度尺度**：对 $a>0$，$\\mathrm{BN}((aW)u)=\\mathrm{BN}(Wu)$（忽略 $\\epsilon$），因此
$$\\frac{\\partial L}{\\partial (aW)}=\\frac1a\\,\\frac{\\partial L}{\\partial W},$$
而对输入的雅可比不变。权重变大时梯度自动变小，参数增长得到抑制，可以使用更大的学习率（Ioffe & Szegedy §3.3）。由尺度不变性还可得 $W\\cdot\\nabla_W L=0$：梯度与权重正交，SGD 会使 $\\|W\\|$ 增长、等效学习率下降，这正是权重衰减与 BN 相互作用的原因。反向传播公式 $\\partial L/\\partial x=\\frac{\\gamma}{\\sigma}\\big(g-\\overline{g}-\\hat x\\,\\overline{g\\hat x}\\big)$ 表明梯度被去均值并去掉了与 $\\hat x$ 相关的分量。BN 为何有效仍有争议：原文归因于“内部协变量偏移”，Santurkar 等（2018）认为主要是使损失曲面更平滑。

**常见问题**：
- **小批量**（1–4）：统计量噪声大，训练/推理不一致 → 改用 GroupNorm/LayerNorm 或同步 BN；
- **推理时仍处于训练模式**：预测依赖同批其他样本，单张图结果不稳定；
- **微调**：小数据上继续更新统计量会破坏预训练统计，通常冻结 BN（tf.keras 中设 \`trainable = false\` 会让 BN 以推理模式运行）；
- BN 前的卷积偏置是冗余的。`,
        en: `**Training**: for convolutional features, each channel gets $\\mu_B,\\sigma_B^2$ over $(N,H,W)$,
$$\\hat x=\\frac{x-\\mu_B}{\\sqrt{\\sigma_B^2+\\epsilon}},\\qquad y=\\gamma\\hat x+\\beta,$$
and running averages are updated, $\\hat\\mu\\leftarrow m\\hat\\mu+(1-m)\\mu_B$ (Keras/tfjs default $m=0.99$).

**Inference**: uses $\\hat\\mu,\\hat\\sigma^2$, so an example's output no longer depends on its batch, and BN folds into the preceding convolution: $W'=\\gamma W/\\sqrt{\\hat\\sigma^2+\\epsilon}$, $b'=\\beta+\\gamma(b-\\hat\\mu)/\\sqrt{\\hat\\sigma^2+\\epsilon}$.

**Gradient scale**: for $a>0$, $\\mathrm{BN}((aW)u)=\\mathrm{BN}(Wu)$ (ignoring $\\epsilon$), hence
$$\\frac{\\partial L}{\\partial (aW)}=\\frac1a\\,\\frac{\\partial L}{\\partial W},$$
while the Jacobian with respect to the input is unchanged. Larger weights automatically get smaller gradients, which curbs parameter growth and allows higher learning rates (Ioffe & Szegedy §3.3). Scale invariance also gives $W\\cdot\\nabla_W L=0$: the gradient is orthogonal to the weights, so SGD grows $\\|W\\|$ and the effective learning rate decays, which is why weight decay interacts with BN. The backward formula $\\partial L/\\partial x=\\frac{\\gamma}{\\sigma}\\big(g-\\overline{g}-\\hat x\\,\\overline{g\\hat x}\\big)$ shows that the gradient is centred and stripped of its component along $\\hat x$. Why BN helps is debated: the paper credits "internal covariate shift"; Santurkar et al. (2018) argue it mainly smooths the loss landscape.

**Pitfalls**:
- **Small batches** (1–4): noisy statistics and a train/inference mismatch → GroupNorm/LayerNorm or synchronized BN;
- **Training mode at inference**: predictions depend on the other examples in the batch;
- **Fine-tuning**: updating statistics on a small dataset destroys the pretrained ones; freeze BN (in tf.keras, \`trainable = false\` makes BN run in inference mode);
- a convolution bias before BN is redundant.`,
      },
    },
    references: [BATCHNORM, SANTURKAR_BN, GROUPNORM],
    misconceptions: [
      {
        claim: {
          zh: 'BN 在推理时也用当前批次的均值和方差。',
          en: 'At inference BN also uses the current batch\'s mean and variance.',
        },
        correction: {
          zh: '推理时应使用训练中累积的滑动平均统计量；否则预测依赖批次组成，单样本推理时更会完全失效。',
          en: 'Inference must use the running statistics accumulated during training; otherwise predictions depend on batch composition and break down for single-example inference.',
        },
      },
    ],
  },
  {
    id: 'cnn-residual-connections',
    topic: 'cnn',
    subtopic: 'architectures',
    tags: ['resnet', 'residual-connection', 'degradation', 'gradient-flow'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: '残差连接（He 等，2015）解决了什么问题？它为什么有助于优化？输入输出形状不同时捷径如何处理？',
      en: 'What problem did residual connections (He et al., 2015) solve, and why do they help optimization? How are shortcuts handled when shapes change?',
    },
    answer: {
      short: {
        zh: '它解决的是“退化”问题：更深的普通网络连*训练*误差都更高，这是优化困难而非过拟合；残差块 $y=x+F(x)$ 让恒等映射易于学习，并为梯度提供一条加性的直通路径。形状变化时用带步幅的 1×1 卷积做投影捷径（或零填充恒等捷径）。',
        en: 'It solved the degradation problem: deeper plain networks had higher *training* error, an optimization failure rather than overfitting. A residual block $y=x+F(x)$ makes the identity easy to learn and gives the gradient an additive direct path. When shapes change, a strided 1×1 projection (or a zero-padded identity) forms the shortcut.',
      },
      full: {
        zh: `**退化问题**：在 CIFAR-10 上 56 层普通网络的训练误差高于 20 层，在 ImageNet 上 34 层高于 18 层。更深的网络至少可以把多出的层设为恒等映射，因此这是优化器找不到好解，而不是过拟合。

**残差学习**：块学习 $F(x)=H(x)-x$，输出 $y=x+F(x)$。若恒等映射接近最优，把 $F$ 推向 0 比让一叠非线性层拟合恒等容易得多。

**梯度流**：在预激活 ResNet（He 等，2016）中捷径是纯恒等且相加后不接非线性，可展开为 $x_L=x_l+\\sum_{i=l}^{L-1}F(x_i)$，于是
$$\\frac{\\partial L}{\\partial x_l}=\\frac{\\partial L}{\\partial x_L}\\Big(1+\\frac{\\partial}{\\partial x_l}\\sum_{i=l}^{L-1}F(x_i)\\Big),$$
其中的“1”让梯度直接传到任意浅层，不会因层层相乘而消失。其他视角：残差网络像许多浅层路径的集成（Veit 等，2016）。

**形状变化**：下采样阶段空间尺寸减半、通道翻倍时，捷径用步幅为 2 的 1×1 卷积投影（原文方案 B），或用步幅采样加零填充通道的恒等捷径（方案 A，无参数）。

**实践细节**：ResNet-50/101/152 用 1×1–3×3–1×1 瓶颈块；把每个残差分支最后一个 BN 的 $\\gamma$ 初始化为 0，使每个块初始为恒等映射，有助于大批量训练（Goyal 等，2017）。`,
        en: `**Degradation**: a 56-layer plain network had higher training error than a 20-layer one on CIFAR-10, and a 34-layer one higher than an 18-layer one on ImageNet. A deeper net could at worst copy the shallower one and set the extra layers to identity, so this is the optimizer failing to find a good solution, not overfitting.

**Residual learning**: the block learns $F(x)=H(x)-x$ and outputs $y=x+F(x)$. If the identity is near-optimal, pushing $F$ towards 0 is far easier than making a stack of nonlinear layers fit the identity.

**Gradient flow**: in pre-activation ResNets (He et al., 2016) the shortcut is a pure identity with no nonlinearity after the addition, which unrolls to $x_L=x_l+\\sum_{i=l}^{L-1}F(x_i)$, so
$$\\frac{\\partial L}{\\partial x_l}=\\frac{\\partial L}{\\partial x_L}\\Big(1+\\frac{\\partial}{\\partial x_l}\\sum_{i=l}^{L-1}F(x_i)\\Big).$$
The "1" carries the gradient directly to any earlier layer instead of through a product of many Jacobians. Another view: residual networks behave like ensembles of many shallow paths (Veit et al., 2016).

**Shape changes**: where a stage halves the resolution and doubles the channels, the shortcut is a stride-2 1×1 projection (option B in the paper) or a strided identity with zero-padded extra channels (option A, parameter-free).

**Practice**: ResNet-50/101/152 use 1×1–3×3–1×1 bottleneck blocks; initializing the last BN $\\gamma$ of each residual branch to 0 makes every block start as the identity, which helps large-batch training (Goyal et al., 2017).`,
      },
    },
    references: [RESNET, RESNET_IDENTITY, VEIT_ENSEMBLES, GOYAL_LARGE_BATCH],
    misconceptions: [
      {
        claim: {
          zh: '残差连接主要是为了防止很深的网络过拟合。',
          en: 'Residual connections mainly stop very deep networks from overfitting.',
        },
        correction: {
          zh: '退化表现为更深的普通网络*训练*误差更高，是优化问题；残差连接改善的是可优化性和梯度传播，而不是正则化。',
          en: 'Degradation shows up as higher *training* error in deeper plain networks, an optimization problem; residual connections improve trainability and gradient flow, not regularization.',
        },
      },
    ],
  },
  {
    id: 'cnn-equivariance-invariance',
    topic: 'cnn',
    subtopic: 'inductive-bias',
    tags: ['translation-equivariance', 'invariance', 'aliasing', 'pooling'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: 'CNN 对平移是不变的吗？请区分平移等变性和平移不变性，说明它们各自从哪里来、在哪些情况下会失效。',
      en: 'Are CNNs translation-invariant? Distinguish translation equivariance from invariance, explain where each comes from and where each breaks.',
    },
    answer: {
      short: {
        zh: '步幅为 1 的卷积对整数平移是等变的（$f(T x)=T f(x)$，忽略边界）；不变性（$g(Tx)=g(x)$）来自末端的全局池化，局部池化只提供对小位移的近似不变。步幅和池化的下采样会引起混叠，使网络只对步幅整数倍的平移等变，一个像素的平移就可能改变预测。',
        en: 'A stride-1 convolution is equivariant to integer shifts ($f(Tx)=Tf(x)$, ignoring borders); invariance ($g(Tx)=g(x)$) comes from global pooling at the end, with local pooling giving only approximate invariance to small shifts. Strided and pooled subsampling alias, so the network is equivariant only to shifts that are multiples of the total stride, and a one-pixel shift can change the prediction.',
      },
      full: {
        zh: `**定义**：等变 $f(T_tx)=T_tf(x)$——输入平移，特征图随之平移；不变 $g(T_tx)=g(x)$——输出不变。

**来源**：
- 卷积（步幅 1）和逐点非线性对整数平移等变；使用循环填充时严格成立，零填充时边界附近不成立。
- 网络末端的全局平均/最大池化把等变特征变成不变输出（对循环平移严格成立）。
- 局部最大池化对窗口内的小位移近似不变。
- Flatten + 全连接头**不是**平移不变的：它对每个位置使用不同的权重。

**失效之处**：
- **下采样**：步幅为 $s$ 的层只对 $s$ 的整数倍平移等变，ResNet-50 的总步幅为 32；其他平移会产生混叠。Azulay & Weiss（2018）显示现代 CNN 的预测会因平移几个像素而剧烈变化；Zhang（2019）在下采样前加低通滤波（BlurPool）恢复了大部分平移稳定性。
- **边界与零填充**：零填充让 CNN 能够编码绝对位置信息。
- **旋转、缩放**：普通卷积对它们没有等变性，需要数据增强、多尺度结构或群等变 CNN（Cohen & Welling，2016）。

**并非总需要不变性**：检测和分割需要的是等变性（物体移动，框和掩码也应移动），分类才需要不变性。`,
        en: `**Definitions**: equivariance $f(T_tx)=T_tf(x)$ (shift the input, the feature map shifts); invariance $g(T_tx)=g(x)$ (the output does not change).

**Where they come from**:
- Stride-1 convolutions and pointwise nonlinearities are equivariant to integer shifts; exactly so with circular padding, only approximately near borders with zero padding.
- Global average/max pooling at the end turns equivariant features into an invariant output (exactly, for circular shifts).
- Local max pooling is approximately invariant to small shifts within a window.
- A Flatten + dense head is **not** invariant: it uses different weights for every position.

**Where they break**:
- **Subsampling**: a stride-$s$ layer is equivariant only to shifts by multiples of $s$; ResNet-50's total stride is 32. Other shifts alias. Azulay & Weiss (2018) showed modern CNNs' predictions can change drastically under a shift of a few pixels; Zhang (2019) restored much of the stability by low-pass filtering before subsampling (BlurPool).
- **Borders and zero padding** let CNNs encode absolute position.
- **Rotation and scale**: plain convolutions are not equivariant to them; use augmentation, multi-scale designs or group-equivariant CNNs (Cohen & Welling, 2016).

**Invariance is not always wanted**: detection and segmentation need equivariance (the box or mask should move with the object); only classification wants invariance.`,
      },
    },
    references: [DLBOOK_CONV, AZULAY_WEISS, ZHANG_BLURPOOL, GCNN],
    misconceptions: [
      {
        claim: {
          zh: '卷积层本身就让 CNN 对平移保持不变。',
          en: 'Convolution layers by themselves make a CNN translation-invariant.',
        },
        correction: {
          zh: '卷积提供的是等变性；不变性需要全局池化，而且下采样带来的混叠会破坏对非步幅整数倍平移的稳定性。',
          en: 'Convolution gives equivariance; invariance needs global pooling, and aliasing from subsampling breaks stability for shifts that are not multiples of the stride.',
        },
      },
    ],
  },
  // -------------------------------------------------------------------------
  // Detection: IoU, NMS, box regression
  // -------------------------------------------------------------------------
  {
    id: 'cnn-iou',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['iou', 'bounding-box', 'evaluation', 'giou'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: '给出轴对齐边界框 IoU 的定义，并计算 $(x_1,y_1,x_2,y_2)$ 格式下 $A=(0,0,4,4)$ 与 $B=(2,2,6,6)$ 的 IoU。哪种常见 bug 会让两个互不相交的框得到 IoU = 1？',
      en: 'Define IoU for axis-aligned boxes and compute it for $A=(0,0,4,4)$ and $B=(2,2,6,6)$ in $(x_1,y_1,x_2,y_2)$ format. Which common bug gives two disjoint boxes an IoU of 1?',
    },
    answer: {
      short: {
        zh: '$\\mathrm{IoU}=|A\\cap B|/|A\\cup B|$：交集 $2\\times2=4$，并集 $16+16-4=28$，IoU $=1/7\\approx0.143$。如果交集的宽高没有截断到 0，两个负数相乘为正，例如 $(0,0,1,1)$ 与 $(2,2,3,3)$ 会得到“交集”1、IoU 1。',
        en: '$\\mathrm{IoU}=|A\\cap B|/|A\\cup B|$: the intersection is $2\\times2=4$, the union $16+16-4=28$, so IoU $=1/7\\approx0.143$. If the intersection width and height are not clamped at 0, two negatives multiply to a positive: $(0,0,1,1)$ and $(2,2,3,3)$ get an "intersection" of 1 and an IoU of 1.',
      },
      full: {
        zh: `**定义**：
$$w=\\max(0,\\min(x_2^A,x_2^B)-\\max(x_1^A,x_1^B)),\\quad h=\\max(0,\\min(y_2^A,y_2^B)-\\max(y_1^A,y_1^B)),$$
$$\\mathrm{IoU}=\\frac{wh}{|A|+|B|-wh}.$$

**计算**：交集为 $[2,4]\\times[2,4]$，面积 4；并集 $16+16-4=28$；$\\mathrm{IoU}=4/28=1/7\\approx0.143$。

**截断 bug**：$A=(0,0,1,1)$、$B=(2,2,3,3)$ 时 $w=\\min(1,3)-\\max(0,2)=-1$，$h=-1$，不截断则“交集”为 $(-1)(-1)=1$，并集 $1+1-1=1$，IoU 为 1。必须分别对 $w,h$ 取 $\\max(0,\\cdot)$。

**其他坑**：
- 格式混用：$(x_1,y_1,x_2,y_2)$、$(x,y,w,h)$、$(c_x,c_y,w,h)$，以及 TF/tfjs 使用的 $(y_1,x_1,y_2,x_2)$；
- 旧版 PASCAL VOC 用整数像素坐标，面积按 $(x_2-x_1+1)(y_2-y_1+1)$ 计算；
- 退化框（面积 0）导致除零，分母加 $\\epsilon$；
- 阈值：VOC 以 0.5 判定正确检测，COCO 在 0.5:0.95 上取平均。

**GIoU**：$\\mathrm{GIoU}=\\mathrm{IoU}-|C\\setminus(A\\cup B)|/|C|$，$C$ 为最小外接框。本例 $C=[0,6]^2$，面积 36，$\\mathrm{GIoU}=1/7-8/36\\approx-0.079$。框不重叠时 IoU 恒为 0、没有梯度，GIoU 仍能提供优化方向。`,
        en: `**Definition**:
$$w=\\max(0,\\min(x_2^A,x_2^B)-\\max(x_1^A,x_1^B)),\\quad h=\\max(0,\\min(y_2^A,y_2^B)-\\max(y_1^A,y_1^B)),$$
$$\\mathrm{IoU}=\\frac{wh}{|A|+|B|-wh}.$$

**Computation**: the intersection is $[2,4]\\times[2,4]$ with area 4; the union is $16+16-4=28$; $\\mathrm{IoU}=4/28=1/7\\approx0.143$.

**The clamp bug**: for $A=(0,0,1,1)$, $B=(2,2,3,3)$, $w=\\min(1,3)-\\max(0,2)=-1$ and $h=-1$; without clamping the "intersection" is $(-1)(-1)=1$, the union $1+1-1=1$, and IoU is 1. Clamp $w$ and $h$ separately with $\\max(0,\\cdot)$.

**Other traps**:
- mixed formats: $(x_1,y_1,x_2,y_2)$, $(x,y,w,h)$, $(c_x,c_y,w,h)$, and TF/tfjs's $(y_1,x_1,y_2,x_2)$;
- legacy PASCAL VOC code uses inclusive integer pixels, area $(x_2-x_1+1)(y_2-y_1+1)$;
- degenerate (zero-area) boxes divide by zero; add $\\epsilon$;
- thresholds: VOC counts a detection at IoU ≥ 0.5, COCO averages over 0.5:0.95.

**GIoU**: $\\mathrm{GIoU}=\\mathrm{IoU}-|C\\setminus(A\\cup B)|/|C|$ with $C$ the smallest enclosing box. Here $C=[0,6]^2$ with area 36, so $\\mathrm{GIoU}=1/7-8/36\\approx-0.079$. For non-overlapping boxes IoU is stuck at 0 with no gradient; GIoU still gives a direction.`,
      },
    },
    references: [GIOU, FAST_RCNN],
    verification: [VERIFY_BOX_IOU],
  },
  {
    id: 'cnn-non-maximum-suppression',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['nms', 'post-processing', 'soft-nms', 'object-detection'],
    kind: 'coding',
    difficulty: 3,
    prompt: {
      zh: '实现贪心非极大值抑制（NMS）。它的复杂度、超参数和失效情形分别是什么？',
      en: 'Implement greedy non-maximum suppression (NMS). What are its complexity, hyperparameters and failure modes?',
    },
    answer: {
      short: {
        zh: '按置信度降序，每次保留得分最高的框并删除与它 IoU 超过阈值（如 0.5）的其余框，重复直到候选为空；复杂度最坏 $O(n^2)$，超参数是 IoU 阈值、分数阈值和最大输出数；在密集重叠的场景中会误删真实目标，可用 Soft-NMS 衰减分数代替删除。',
        en: 'Sort by score; repeatedly keep the highest-scoring box and discard the remaining boxes whose IoU with it exceeds a threshold (e.g. 0.5). Worst case $O(n^2)$; hyperparameters are the IoU threshold, a score threshold and a maximum output count. In crowded scenes it deletes true objects; Soft-NMS decays scores instead of deleting.',
      },
      full: {
        zh: `**算法**（按类别分别执行，或类别无关执行）：
\`\`\`ts
type Box = readonly [number, number, number, number]; // [x1, y1, x2, y2]

function nms(boxes: Box[], scores: number[], iouThreshold = 0.5, scoreThreshold = 0.05): number[] {
  const order = scores
    .map((_, i) => i)
    .filter((i) => scores[i] >= scoreThreshold)
    .sort((a, b) => scores[b] - scores[a]);
  const suppressed = new Uint8Array(boxes.length);
  const keep: number[] = [];
  for (let a = 0; a < order.length; a++) {
    const i = order[a];
    if (suppressed[i]) continue;
    keep.push(i);
    for (let b = a + 1; b < order.length; b++) {
      const j = order[b];
      if (!suppressed[j] && iou(boxes[i], boxes[j]) > iouThreshold) suppressed[j] = 1;
    }
  }
  return keep;
}
\`\`\`
其中 \`iou\` 就是上一题的 IoU（我们的实现为 \`boxIoU\`）。

**复杂度**：排序 $O(n\\log n)$，两两比较最坏 $O(n^2)$；实践中先按分数取前 $k$ 个（如 1000）再做 NMS。

**超参数**：IoU 阈值（常用 0.5；越低删得越狠）、分数阈值、每张图最大输出数。tfjs 提供 \`tf.image.nonMaxSuppression(boxes, scores, maxOutputSize, iouThreshold, scoreThreshold)\`，框格式为 $[y_1,x_1,y_2,x_2]$；在 WebGL 后端上建议用异步版本避免阻塞。

**失效情形**：人群、车流等目标互相遮挡时，真实目标的框与更高分的框 IoU 很大而被删除（漏检）；阈值调高又会留下重复框。**Soft-NMS** 不删除，而是衰减分数，如高斯形式 $s_j\\leftarrow s_j\\,e^{-\\mathrm{IoU}(M,b_j)^2/\\sigma}$。NMS 不可微、是手工后处理，DETR 用二分图匹配的集合损失把它去掉了。`,
        en: `**Algorithm** (per class, or class-agnostic):
\`\`\`ts
type Box = readonly [number, number, number, number]; // [x1, y1, x2, y2]

function nms(boxes: Box[], scores: number[], iouThreshold = 0.5, scoreThreshold = 0.05): number[] {
  const order = scores
    .map((_, i) => i)
    .filter((i) => scores[i] >= scoreThreshold)
    .sort((a, b) => scores[b] - scores[a]);
  const suppressed = new Uint8Array(boxes.length);
  const keep: number[] = [];
  for (let a = 0; a < order.length; a++) {
    const i = order[a];
    if (suppressed[i]) continue;
    keep.push(i);
    for (let b = a + 1; b < order.length; b++) {
      const j = order[b];
      if (!suppressed[j] && iou(boxes[i], boxes[j]) > iouThreshold) suppressed[j] = 1;
    }
  }
  return keep;
}
\`\`\`
Here \`iou\` is the IoU of the previous question (our implementation is \`boxIoU\`).

**Complexity**: sorting is $O(n\\log n)$, pairwise suppression $O(n^2)$ in the worst case; in practice keep the top $k$ (e.g. 1000) by score first.

**Hyperparameters**: the IoU threshold (0.5 is common; lower suppresses more), a score threshold, a per-image output cap. tfjs provides \`tf.image.nonMaxSuppression(boxes, scores, maxOutputSize, iouThreshold, scoreThreshold)\` with boxes as $[y_1,x_1,y_2,x_2]$; on the WebGL backend prefer the async variant to avoid blocking.

**Failure modes**: in crowds or traffic, a true object's box overlaps a higher-scoring neighbour and is deleted (a miss); raising the threshold leaves duplicates instead. **Soft-NMS** decays scores instead of deleting, e.g. the Gaussian form $s_j\\leftarrow s_j\\,e^{-\\mathrm{IoU}(M,b_j)^2/\\sigma}$. NMS is a hand-crafted, non-differentiable step; DETR removes it with a bipartite-matching set loss.`,
      },
    },
    references: [SOFT_NMS, FASTER_RCNN, DETR, TFJS_API],
    verification: [VERIFY_BOX_IOU],
  },
  {
    id: 'cnn-smooth-l1-box-regression',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['smooth-l1', 'huber-loss', 'box-regression', 'fast-r-cnn'],
    kind: 'derivation',
    difficulty: 3,
    prompt: {
      zh: 'Fast R-CNN 用 smooth L1 损失回归边界框。写出它及其导数，解释它为何优于 L2 和 L1。边界框回归的目标是如何参数化的？',
      en: 'Fast R-CNN regresses boxes with the smooth L1 loss. Write it and its derivative, and explain why it is preferred over L2 and L1. How are the box-regression targets parameterized?',
    },
    answer: {
      short: {
        zh: '$\\mathrm{smooth}_{L1}(x)=0.5x^2$（$|x|<1$），否则 $|x|-0.5$；导数为 $x$ 或 $\\mathrm{sign}(x)$，绝对值不超过 1。大误差时像 L1 一样梯度有界、对离群点稳健，小误差时像 L2 一样平滑、在 0 处可导。目标为相对锚框的 $t_x=(x-x_a)/w_a$、$t_w=\\log(w/w_a)$ 等。',
        en: '$\\mathrm{smooth}_{L1}(x)=0.5x^2$ if $|x|<1$, else $|x|-0.5$; its derivative is $x$ or $\\mathrm{sign}(x)$, bounded by 1 in magnitude. Like L1 it has bounded gradients for large errors (robust to outliers); like L2 it is smooth and differentiable at 0. Targets are anchor-relative: $t_x=(x-x_a)/w_a$, $t_w=\\log(w/w_a)$, and so on.',
      },
      full: {
        zh: `**定义与导数**：
$$\\mathrm{smooth}_{L1}(x)=\\begin{cases}0.5x^2,&|x|<1\\\\|x|-0.5,&\\text{否则}\\end{cases}\\qquad \\frac{d}{dx}\\mathrm{smooth}_{L1}(x)=\\begin{cases}x,&|x|<1\\\\\\mathrm{sign}(x),&\\text{否则}\\end{cases}$$
在 $|x|=1$ 处两段函数值都是 0.5、斜率都是 1，因此函数连续可导。它等于 $\\delta=1$ 的 Huber 损失；PyTorch 的 \`smooth_l1_loss\` 用参数 $\\beta$ 推广为 $0.5x^2/\\beta$（$|x|<\\beta$）和 $|x|-0.5\\beta$。

**为何更好**：
- **相对 L2**：$\\frac12x^2$ 的梯度是 $x$，误差为 3 时梯度为 3，而 smooth L1 只有 1。训练初期或标注噪声带来的大误差不会造成梯度爆炸，Fast R-CNN 指出这样对学习率不那么敏感。
- **相对 L1**：L1 在 0 处不可导，梯度恒为 $\\pm1$，接近最优时会来回震荡；smooth L1 在小误差区梯度随误差线性减小，收敛平稳。

**目标参数化**（R-CNN 系列，锚框/候选框 $(x_a,y_a,w_a,h_a)$，真值 $(x,y,w,h)$ 为中心和宽高）：
$$t_x=\\frac{x-x_a}{w_a},\\quad t_y=\\frac{y-y_a}{h_a},\\quad t_w=\\log\\frac{w}{w_a},\\quad t_h=\\log\\frac{h}{h_a}.$$
平移按锚框尺寸归一化，使目标与尺度无关；宽高取对数，保证解码 $w=w_ae^{t_w}$ 恒为正，且放大两倍和缩小两倍对称。实现中通常还要按统计标准差缩放目标，并对 $t_w,t_h$ 截断以防 $e^{t}$ 溢出。损失只对正样本（前景）计算，四个坐标求和，用 $\\lambda$ 与分类损失平衡。

**局限**：四个坐标独立优化，与评价指标 IoU 不一致，因此后来出现 IoU/GIoU 损失。`,
        en: `**Definition and derivative**:
$$\\mathrm{smooth}_{L1}(x)=\\begin{cases}0.5x^2,&|x|<1\\\\|x|-0.5,&\\text{otherwise}\\end{cases}\\qquad \\frac{d}{dx}\\mathrm{smooth}_{L1}(x)=\\begin{cases}x,&|x|<1\\\\\\mathrm{sign}(x),&\\text{otherwise}\\end{cases}$$
At $|x|=1$ both pieces equal 0.5 with slope 1, so the function is continuously differentiable. It is the Huber loss with $\\delta=1$; PyTorch's \`smooth_l1_loss\` generalizes it with $\\beta$: $0.5x^2/\\beta$ for $|x|<\\beta$, else $|x|-0.5\\beta$.

**Why it is preferred**:
- **vs L2**: the gradient of $\\frac12x^2$ is $x$, so an error of 3 gives a gradient of 3 versus 1 for smooth L1. Large errors early in training or from label noise cannot blow up the gradient; Fast R-CNN notes this makes training less sensitive to the learning rate.
- **vs L1**: L1 is not differentiable at 0 and its gradient is always $\\pm1$, so it oscillates near the optimum; smooth L1's gradient shrinks linearly for small errors, so it converges smoothly.

**Target parameterization** (R-CNN family; anchor/proposal $(x_a,y_a,w_a,h_a)$, ground truth $(x,y,w,h)$ as centre and size):
$$t_x=\\frac{x-x_a}{w_a},\\quad t_y=\\frac{y-y_a}{h_a},\\quad t_w=\\log\\frac{w}{w_a},\\quad t_h=\\log\\frac{h}{h_a}.$$
Offsets are normalized by the anchor size, so targets are scale-invariant; log sizes keep the decoded $w=w_ae^{t_w}$ positive and make doubling and halving symmetric. Implementations also scale targets by their standard deviations and clamp $t_w,t_h$ so that $e^{t}$ cannot overflow. The loss is applied only to positive (foreground) samples, summed over the four coordinates, and balanced against classification with $\\lambda$.

**Limitation**: the four coordinates are optimized independently and do not match the IoU metric, which motivated IoU/GIoU losses.`,
      },
    },
    references: [FAST_RCNN, RCNN, FASTER_RCNN, GIOU],
    verification: [VERIFY_SINGLE_OBJECT_DETECTOR],
  },
  // -------------------------------------------------------------------------
  // Implementation: im2col and the backward pass
  // -------------------------------------------------------------------------
  {
    id: 'cnn-im2col',
    topic: 'cnn',
    subtopic: 'implementation',
    tags: ['im2col', 'gemm', 'memory', 'winograd'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: '解释卷积的 im2col 视角。对批大小 1、$56\\times56\\times64$ 的输入，做 3×3、64 个输出通道、步幅 1、\'same\' 的卷积：GEMM 的矩阵形状是什么？im2col 缓冲区有多大？共多少次乘加？',
      en: 'Explain the im2col view of convolution. For a batch-1 $56\\times56\\times64$ input and a 3×3 convolution to 64 channels (stride 1, \'same\'): what are the GEMM shapes, how large is the im2col buffer, and how many multiply-accumulates are there?',
    },
    answer: {
      short: {
        zh: '把每个感受野块（$k_hk_wc_{in}=576$ 个数）展开成一列，得到 $576\\times3136$ 的矩阵，与 $64\\times576$ 的权重矩阵相乘得到 $64\\times3136$ 的输出；缓冲区 1,806,336 个浮点数（FP32 约 6.9 MiB，是输入的 9 倍），共 115,605,504 次乘加。',
        en: 'Unfold every receptive-field patch ($k_hk_wc_{in}=576$ values) into a column, giving a $576\\times3136$ matrix; multiply by the $64\\times576$ weight matrix to get the $64\\times3136$ output. The buffer holds 1,806,336 floats (about 6.9 MiB in FP32, 9 times the input), and the product takes 115,605,504 MACs.',
      },
      full: {
        zh: `**im2col**：对每个输出位置，把对应的 $k_h\\times k_w\\times c_{in}$ 输入块拉平成一列，得到
$$X_{\\text{col}}\\in\\mathbb R^{(k_hk_wc_{in})\\times(H_{out}W_{out})},\\qquad W_{\\text{mat}}\\in\\mathbb R^{c_{out}\\times(k_hk_wc_{in})},$$
$$Y_{\\text{mat}}=W_{\\text{mat}}X_{\\text{col}}\\in\\mathbb R^{c_{out}\\times(H_{out}W_{out})},$$
加上偏置后重排成 $H_{out}\\times W_{out}\\times c_{out}$。NHWC 行主序实现中常用转置形式 $X_{\\text{col}}^{\\top}W_{\\text{mat}}^{\\top}$。这样卷积就变成一次高度优化的 GEMM（Chellapilla 等，2006；Caffe 也采用此法）。

**本例**（'same'，步幅 1，故 $H_{out}=W_{out}=56$）：
- $X_{\\text{col}}$：$576\\times3136$，共 1,806,336 个数，FP32 为 7,225,344 字节（约 6.9 MiB）；输入只有 $56\\cdot56\\cdot64=200{,}704$ 个数，放大 9 倍（步幅 1 时约为 $k_hk_w$ 倍）；
- $W_{\\text{mat}}$：$64\\times576$；
- 乘加次数：$64\\cdot576\\cdot3136=115{,}605{,}504$（约 0.116 G）。

**权衡与替代**：
- 显式 im2col 内存开销大；cuDNN 的“隐式 GEMM”在片上按块构造矩阵而不落地（Chetlur 等，2014）；
- Winograd 的 $F(2\\times2,3\\times3)$ 计算 2×2 个输出只需 16 次乘法，直接法要 36 次，乘法减少 2.25 倍（Lavin & Gray，2015）；
- 大卷积核可用 FFT。

**反向传播同样是 GEMM**：$\\nabla W_{\\text{mat}}=G_{\\text{mat}}X_{\\text{col}}^{\\top}$，$\\nabla X_{\\text{col}}=W_{\\text{mat}}^{\\top}G_{\\text{mat}}$，再用 col2im 把重叠块累加回输入形状。`,
        en: `**im2col**: for every output position, flatten the corresponding $k_h\\times k_w\\times c_{in}$ input patch into a column:
$$X_{\\text{col}}\\in\\mathbb R^{(k_hk_wc_{in})\\times(H_{out}W_{out})},\\qquad W_{\\text{mat}}\\in\\mathbb R^{c_{out}\\times(k_hk_wc_{in})},$$
$$Y_{\\text{mat}}=W_{\\text{mat}}X_{\\text{col}}\\in\\mathbb R^{c_{out}\\times(H_{out}W_{out})},$$
then add the bias and reshape to $H_{out}\\times W_{out}\\times c_{out}$. Row-major NHWC code often uses the transposed form $X_{\\text{col}}^{\\top}W_{\\text{mat}}^{\\top}$. Convolution becomes one highly tuned GEMM (Chellapilla et al., 2006; also Caffe's approach).

**This example** ('same', stride 1, so $H_{out}=W_{out}=56$):
- $X_{\\text{col}}$: $576\\times3136$ = 1,806,336 values, 7,225,344 bytes in FP32 (about 6.9 MiB); the input has only $56\\cdot56\\cdot64=200{,}704$ values, so 9 times more (about $k_hk_w$ times at stride 1);
- $W_{\\text{mat}}$: $64\\times576$;
- MACs: $64\\cdot576\\cdot3136=115{,}605{,}504$ (about 0.116 G).

**Trade-offs and alternatives**:
- explicit im2col costs memory; cuDNN's "implicit GEMM" builds matrix tiles on chip without materializing them (Chetlur et al., 2014);
- Winograd $F(2\\times2,3\\times3)$ computes a 2×2 output tile with 16 multiplications instead of 36, 2.25 times fewer (Lavin & Gray, 2015);
- FFTs pay off for large kernels.

**The backward pass is GEMM too**: $\\nabla W_{\\text{mat}}=G_{\\text{mat}}X_{\\text{col}}^{\\top}$ and $\\nabla X_{\\text{col}}=W_{\\text{mat}}^{\\top}G_{\\text{mat}}$, followed by col2im, which scatter-adds overlapping patches back to the input shape.`,
      },
    },
    references: [CHELLAPILLA_UNROLL, CUDNN, WINOGRAD, CS231N_CONV],
    verification: [verifyConv('convOutputSize'), VERIFY_BACKPROP_FILTER],
  },
  {
    id: 'cnn-conv-backward-pass',
    topic: 'cnn',
    subtopic: 'backpropagation',
    tags: ['backpropagation', 'filter-gradient', 'transposed-convolution', 'cross-correlation'],
    kind: 'derivation',
    difficulty: 5,
    prompt: {
      zh: '推导二维卷积层（步幅 $s$、无填充、NHWC）对卷积核、偏置和输入的梯度，证明卷积核的梯度是输入与输出梯度的互相关，并用一维小例子验证。',
      en: 'Derive the gradients of a 2-D convolution layer (stride $s$, no padding, NHWC) with respect to its filter, bias and input. Show that the filter gradient is a cross-correlation of the input with the output gradient, and check it on a small 1-D example.',
    },
    answer: {
      short: {
        zh: '$\\partial L/\\partial W[u,v,c,o]=\\sum_{n,i,j}X[n,si+u,sj+v,c]\\,G[n,i,j,o]$，即以输出梯度 $G$ 为“卷积核”对输入做互相关（步幅 $s$ 时 $G$ 相当于空洞率为 $s$ 的核）；偏置梯度是 $G$ 在 $n,i,j$ 上求和；输入梯度是 $G$ 与空间翻转的卷积核做全卷积，即转置卷积。',
        en: '$\\partial L/\\partial W[u,v,c,o]=\\sum_{n,i,j}X[n,si+u,sj+v,c]\\,G[n,i,j,o]$: a cross-correlation of the input with the output gradient $G$ used as the kernel (dilated by $s$ when the stride is $s$). The bias gradient sums $G$ over $n,i,j$; the input gradient is a full convolution of $G$ with the spatially flipped kernel, i.e. a transposed convolution.',
      },
      full: {
        zh: `**前向**：$Y[n,i,j,o]=b_o+\\sum_{u,v,c}X[n,si+u,sj+v,c]\\,W[u,v,c,o]$，记 $G=\\partial L/\\partial Y$。

**卷积核梯度**：每个 $W[u,v,c,o]$ 在所有输出位置都被使用，链式法则对这些位置求和：
$$\\frac{\\partial L}{\\partial W[u,v,c,o]}=\\sum_{n}\\sum_{i,j}G[n,i,j,o]\\;X[n,si+u,sj+v,c].$$
$s=1$ 时，这正是输入第 $c$ 通道与 $G$ 第 $o$ 通道的 valid 互相关（$G$ 充当核），输出尺寸 $H-H_{out}+1=k_h$，恰好是卷积核的形状，再对批次求和；$s>1$ 时 $G$ 的元素在输入上相隔 $s$，相当于空洞率为 $s$ 的核。

**偏置梯度**：$\\partial L/\\partial b_o=\\sum_{n,i,j}G[n,i,j,o]$。

**输入梯度**：
$$\\frac{\\partial L}{\\partial X[n,p,q,c]}=\\sum_{o}\\sum_{\\substack{i,u:\\,si+u=p}}\\sum_{\\substack{j,v:\\,sj+v=q}}G[n,i,j,o]\\,W[u,v,c,o],$$
等价于在 $G$ 的元素间插入 $s-1$ 个零、四周补 $k-1$ 个零，再与空间翻转、输入/输出通道互换的核做互相关——即转置卷积。

**一维验证**：$x=[1,2,3,4]$，$w=[w_0,w_1]$，$y_i=x_iw_0+x_{i+1}w_1$（$i=0,1,2$），$g=[1,0,-1]$：
- $\\partial L/\\partial w_0=\\sum_ig_ix_i=1-3=-2$，$\\partial L/\\partial w_1=\\sum_ig_ix_{i+1}=2-4=-2$（即 $x$ 与 $g$ 的互相关）；
- $\\partial L/\\partial x=[g_0w_0,\\;g_0w_1+g_1w_0,\\;g_1w_1+g_2w_0,\\;g_2w_1]=[w_0,\\,w_1,\\,-w_0,\\,-w_1]$（$g$ 补零后与翻转核 $[w_1,w_0]$ 互相关）。

**实现**：tfjs 中 \`tf.conv2d\` 的梯度由 Conv2DBackpropFilter 和 Conv2DBackpropInput 两个 kernel 计算；我们的 \`conv2dBackpropFilterKernel\` 实现前者，应与中心差分 $(L(W+\\epsilon e)-L(W-\\epsilon e))/2\\epsilon$ 对比验证。im2col 形式为 $\\nabla W_{\\text{mat}}=G_{\\text{mat}}X_{\\text{col}}^{\\top}$。`,
        en: `**Forward**: $Y[n,i,j,o]=b_o+\\sum_{u,v,c}X[n,si+u,sj+v,c]\\,W[u,v,c,o]$; let $G=\\partial L/\\partial Y$.

**Filter gradient**: each $W[u,v,c,o]$ is used at every output position, so the chain rule sums over them:
$$\\frac{\\partial L}{\\partial W[u,v,c,o]}=\\sum_{n}\\sum_{i,j}G[n,i,j,o]\\;X[n,si+u,sj+v,c].$$
For $s=1$ this is exactly the valid cross-correlation of input channel $c$ with gradient channel $o$ (with $G$ as the kernel); its size $H-H_{out}+1=k_h$ is the kernel's shape, summed over the batch. For $s>1$ the entries of $G$ land $s$ pixels apart on the input, i.e. $G$ acts as a kernel dilated by $s$.

**Bias gradient**: $\\partial L/\\partial b_o=\\sum_{n,i,j}G[n,i,j,o]$.

**Input gradient**:
$$\\frac{\\partial L}{\\partial X[n,p,q,c]}=\\sum_{o}\\sum_{\\substack{i,u:\\,si+u=p}}\\sum_{\\substack{j,v:\\,sj+v=q}}G[n,i,j,o]\\,W[u,v,c,o],$$
which equals inserting $s-1$ zeros between the entries of $G$, padding $k-1$ zeros around it, and cross-correlating with the spatially flipped kernel with input and output channels swapped: a transposed convolution.

**1-D check**: $x=[1,2,3,4]$, $w=[w_0,w_1]$, $y_i=x_iw_0+x_{i+1}w_1$ ($i=0,1,2$), $g=[1,0,-1]$:
- $\\partial L/\\partial w_0=\\sum_ig_ix_i=1-3=-2$ and $\\partial L/\\partial w_1=\\sum_ig_ix_{i+1}=2-4=-2$ (the cross-correlation of $x$ with $g$);
- $\\partial L/\\partial x=[g_0w_0,\\;g_0w_1+g_1w_0,\\;g_1w_1+g_2w_0,\\;g_2w_1]=[w_0,\\,w_1,\\,-w_0,\\,-w_1]$ (zero-padded $g$ correlated with the flipped kernel $[w_1,w_0]$).

**Implementation**: in tfjs the gradient of \`tf.conv2d\` is computed by the Conv2DBackpropFilter and Conv2DBackpropInput kernels; our \`conv2dBackpropFilterKernel\` implements the former and should be checked against central differences $(L(W+\\epsilon e)-L(W-\\epsilon e))/2\\epsilon$. In im2col form, $\\nabla W_{\\text{mat}}=G_{\\text{mat}}X_{\\text{col}}^{\\top}$.`,
      },
    },
    references: [DLBOOK_CONV, CONV_ARITHMETIC, CHELLAPILLA_UNROLL],
    verification: [VERIFY_BACKPROP_FILTER],
  },
  // -------------------------------------------------------------------------
  // Debugging
  // -------------------------------------------------------------------------
  {
    id: 'cnn-debug-loss-stuck-ln10',
    topic: 'cnn',
    subtopic: 'debugging',
    tags: ['debugging', 'cross-entropy', 'initial-loss', 'sanity-check'],
    kind: 'debug',
    difficulty: 2,
    prompt: {
      zh: '一个 10 类 CNN 的训练损失从 2.30 开始，之后几个 epoch 一直停在 2.30 附近，准确率约 10%。2.30 说明了什么？你会检查哪些地方？',
      en: 'A 10-class CNN\'s training loss starts at 2.30 and stays there for several epochs; accuracy is about 10%. What does 2.30 tell you, and what do you check?',
    },
    answer: {
      short: {
        zh: '$\\ln10\\approx2.303$ 是均匀分布的交叉熵：网络输出与输入无关，只在预测类别先验。初始时出现是正常的，一直停留说明没有学习信号——检查标签与图像是否对齐、梯度是否真正更新了权重、学习率、激活/损失是否匹配、输入是否归一化，并先尝试过拟合一个小批次。',
        en: '$\\ln 10\\approx2.303$ is the cross-entropy of a uniform prediction: the output ignores the input and just predicts the class prior. At initialization that is expected; staying there means no learning signal. Check label/image alignment, whether gradients actually update the weights, the learning rate, the activation/loss pairing and input scaling, and first try to overfit one small batch.',
      },
      full: {
        zh: `**含义**：对 10 个均衡类别，预测均匀分布时损失为 $-\\ln(1/10)=\\ln10\\approx2.3026$。初始化时看到它是好迹象（Karpathy：先核对初始损失）；一直停在那里说明网络学到的只是“输出常数”。类别不平衡时，对应的平台是类别先验的熵，而不是 $\\ln10$。

**按可能性排查**：
1. **标签与输入无关**：标签是随机生成的（正如种子代码），或图像与标签被分别打乱、读错了标签列。→ 可视化一个批次及其标签。
2. **梯度没有作用到权重上**：层被冻结（\`trainable = false\`）、优化器没拿到变量、学习率为 0 或太小。→ 打印各层梯度范数，比较一步前后的权重。
3. **学习率太大**：ReLU 大面积死亡或 logits 崩塌，网络输出常数。→ 统计激活为零的比例，降低学习率。
4. **激活与损失不匹配**：模型已输出 softmax，又把结果当 logits 传给 \`tf.losses.softmaxCrossEntropy\`。二次 softmax 的输入在 [0,1] 内，即使一次 softmax 完全正确，最大概率也只有 $e/(e+9)\\approx0.232$，损失下限约 1.46，梯度也很弱。
5. **输入尺度问题**：像素未归一化（0–255）造成饱和，或解码错误导致输入全为 0。→ 检查输入的均值和方差。
6. **正则过强**：极高的 dropout 率或权重衰减。

**关键测试**：取 10–20 个样本，关闭正则，看能否把损失压到接近 0。做不到，说明问题在模型、损失或优化器的接线上，而不在数据量或容量。`,
        en: `**Meaning**: with 10 balanced classes, a uniform prediction costs $-\\ln(1/10)=\\ln 10\\approx2.3026$. Seeing it at initialization is a good sign (Karpathy: verify the loss at init); staying there means the network has learned only "output a constant". With imbalanced classes the plateau is the entropy of the class prior instead.

**Check, most likely first**:
1. **Labels unrelated to inputs**: labels generated at random (as in the seed code), images and labels shuffled separately, the wrong label column. → Visualize a batch with its labels.
2. **Gradients not reaching the weights**: layers frozen (\`trainable = false\`), variables not passed to the optimizer, a learning rate of 0 or far too small. → Print per-layer gradient norms; compare weights before and after a step.
3. **Learning rate too high**: ReLUs die or logits collapse, and the output becomes constant. → Measure the fraction of zero activations; lower the rate.
4. **Activation/loss mismatch**: the model already ends in softmax and its output is passed as logits to \`tf.losses.softmaxCrossEntropy\`. The second softmax sees values in [0,1], so even a perfect first softmax gives at most $e/(e+9)\\approx0.232$ on the true class: the loss cannot go below about 1.46 and gradients are weak.
5. **Input scale**: unnormalized 0–255 pixels saturate units, or a decoding bug feeds all zeros. → Check input mean and variance.
6. **Over-regularization**: an extreme dropout rate or weight decay.

**The key test**: take 10–20 examples, turn off regularization, and check that the loss goes to near zero. If it cannot, the bug is in the model, loss or optimizer plumbing, not in data size or capacity.`,
      },
    },
    references: [KARPATHY_RECIPE, DLBOOK_PRACTICAL],
    verification: [VERIFY_CNN_CLASSIFIER],
  },
  {
    id: 'cnn-debug-train-val-gap',
    topic: 'cnn',
    subtopic: 'debugging',
    tags: ['overfitting', 'generalization', 'regularization', 'data-augmentation'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: '训练准确率达到 99%，验证准确率停在 70%，验证损失从第 5 个 epoch 起开始上升。请诊断并给出修复办法。如果反过来验证准确率*高于*训练准确率，又可能是什么原因？',
      en: 'Training accuracy reaches 99% while validation accuracy plateaus at 70%, and validation loss rises after epoch 5. Diagnose and fix. What if validation accuracy is *higher* than training accuracy instead?',
    },
    answer: {
      short: {
        zh: '这是典型的过拟合（高方差）：先排除训练/验证预处理不一致、BN 模式错误、划分分布不同等“伪过拟合”，再用数据增强、迁移学习、权重衰减、dropout、更小的分类头和早停来缓解。验证高于训练通常是因为 dropout/增强只在训练时生效、训练指标是整个 epoch 的平均，或验证集更容易/有泄漏。',
        en: 'Classic overfitting (high variance). First rule out fake overfitting: train/val preprocessing mismatch, BN in the wrong mode, a distribution shift between splits. Then use augmentation, transfer learning, weight decay, dropout, a smaller head and early stopping. Validation above training usually means dropout/augmentation act only in training, the training metric is an epoch average, or the validation set is easier or leaked.',
      },
      full: {
        zh: `**症状**：训练损失持续下降，验证损失呈 U 形——模型在记忆训练集。

**先排除伪过拟合（管道 bug）**：
- 验证集预处理不同：未归一化、缩放方式不同、通道顺序（RGB/BGR）不同；
- BN 在评估时仍为训练模式，或滑动统计量与数据不匹配；
- 训练集和验证集来自不同分布（不同医院、设备、时间段）——这是分布偏移，不是方差问题；
- 验证标签噪声大。

**真正的过拟合，按性价比排序**：
1. 更多数据、数据增强（随机裁剪、翻转、颜色抖动、Cutout/Mixup）；
2. 从预训练骨干迁移学习；
3. 权重衰减（Adam 配解耦权重衰减，即 AdamW）；
4. 分类头中加 dropout，或用全局平均池化替代大型全连接层；
5. 按验证损失早停，使用标签平滑，或缩小模型。

**验证高于训练**：dropout 和数据增强只在训练时启用，使训练时的任务更难；\`fit\` 报告的训练指标是整个 epoch 的平均值，而验证在 epoch 结束时计算，约晚了半个 epoch；验证集本身更容易，或与训练集存在重复样本（泄漏）。

**诊断工具**：不同训练集规模下的学习曲线、按类别的混淆矩阵、查看分错的样本。`,
        en: `**Symptom**: training loss keeps falling while validation loss is U-shaped: the model is memorizing the training set.

**Rule out fake overfitting (pipeline bugs) first**:
- different preprocessing at validation: no normalization, a different resize, a different channel order (RGB/BGR);
- BN still in training mode at evaluation, or running statistics that do not match the data;
- train and validation drawn from different distributions (other hospitals, devices, time periods): a shift, not variance;
- noisy validation labels.

**Genuine overfitting, best value first**:
1. more data and augmentation (random crops, flips, colour jitter, Cutout/Mixup);
2. transfer learning from a pretrained backbone;
3. weight decay (decoupled from Adam, i.e. AdamW);
4. dropout in the head, or global average pooling instead of a large dense head;
5. early stopping on validation loss, label smoothing, or a smaller model.

**Validation above training**: dropout and augmentation are active only in training, which makes the training task harder; the training metric reported by \`fit\` is an average over the epoch while validation is measured at its end, about half an epoch later; or the validation set is easier, or shares duplicates with the training set (leakage).

**Diagnostics**: learning curves versus training-set size, a per-class confusion matrix, and inspecting the misclassified examples.`,
      },
    },
    references: [DLBOOK_REG, DROPOUT, ADAMW, KARPATHY_RECIPE],
  },
  {
    id: 'cnn-debug-augmentation-leakage',
    topic: 'cnn',
    subtopic: 'debugging',
    tags: ['data-leakage', 'data-augmentation', 'train-test-split', 'evaluation'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: '一个团队把 5,000 张图像离线增强 10 倍（翻转、裁剪、旋转），把 50,000 张图打乱后按 80/20 划分训练和验证集。验证准确率 98%，但在新采集的图像上只有 75%。问题出在哪里？',
      en: 'A team augments a 5,000-image dataset ten-fold offline (flips, crops, rotations), shuffles the 50,000 images and splits them 80/20 into train and validation. Validation accuracy is 98%, but accuracy on newly collected images is 75%. What went wrong?',
    },
    answer: {
      short: {
        zh: '数据泄漏：同一张原图的增强副本同时落入训练集和验证集，验证集衡量的是记忆而不是泛化。应先按原图（或病人、视频、拍摄场次）分组划分，再只对训练集做在线增强，验证/测试集只做确定性预处理。',
        en: 'Leakage: augmented copies of the same source image land in both training and validation, so validation measures memorization rather than generalization. Split by source image (or patient, video, session) first, then augment only the training set on the fly, with deterministic preprocessing for validation and test.',
      },
      full: {
        zh: `**原因**：每张原图有 10 个变体。任取一个验证样本，它的 9 个“兄弟”平均有 $9\\times0.8=7.2$ 个在训练集中；9 个全部落在验证集的概率约为 $0.2^9\\approx5\\times10^{-7}$。于是几乎每个验证样本在训练集中都有近似复制品，98% 反映的是记住了这些图，而新数据上的 75% 才是真实泛化水平。

**同类泄漏**：同一病人的多张切片、同一视频的相邻帧、同一物体的连拍、数据集中本就存在的近重复图像；在全体数据上计算归一化统计量或做特征选择（影响较小但同理）。

**修复**：
1. **先划分，后增强**：在原图（或病人、视频、场次）级别做分组划分；
2. 只在训练管道中**在线**随机增强，每个 epoch 看到不同变体，也省去 10 倍存储；
3. 验证/测试只做确定性预处理（缩放、中心裁剪、用训练集统计量归一化）；
4. 用感知哈希等方法检查跨划分的近重复；
5. 保留一份在时间或来源上独立的测试集（如新采集的数据）。

测试时增强（TTA）不算泄漏：它只对测试输入做变换并平均预测，不涉及标签，也不影响训练。`,
        en: `**Cause**: each source image has 10 variants. For any validation example, on average $9\\times0.8=7.2$ of its 9 siblings are in the training set; the chance that all 9 are in validation is about $0.2^9\\approx5\\times10^{-7}$. So nearly every validation example has near-copies in training; the 98% measures memorization of those images, and the 75% on new data is the real generalization.

**Related leaks**: several slices from the same patient, adjacent frames of one video, burst shots of one object, near-duplicates already present in the dataset; computing normalization statistics or selecting features on the full dataset (smaller effect, same principle).

**Fix**:
1. **Split first, augment later**: split at the level of source image (or patient, video, session);
2. augment **on the fly** in the training pipeline only, so each epoch sees fresh variants (and no 10× storage);
3. give validation/test deterministic preprocessing only (resize, centre crop, normalization with training-set statistics);
4. check for near-duplicates across splits, e.g. with perceptual hashes;
5. keep a test set that is independent in time or source (such as newly collected data).

Test-time augmentation is not leakage: it transforms test inputs and averages predictions without touching labels or training.`,
      },
    },
    references: [SKLEARN_PITFALLS, DLBOOK_REG, DLBOOK_PRACTICAL],
    misconceptions: [
      {
        claim: {
          zh: '增强后的样本和原图“不一样”，所以分到验证集里没关系。',
          en: 'Augmented images "differ" from the original, so it is fine if some land in validation.',
        },
        correction: {
          zh: '翻转、裁剪、小角度旋转后的图像与原图高度相关，模型在训练中见过其兄弟样本，验证结果因此被严重高估。',
          en: 'Flipped, cropped or slightly rotated copies are highly correlated with the original; the model has seen their siblings in training, so validation is badly inflated.',
        },
      },
    ],
  },
  {
    id: 'cnn-debug-channel-order',
    topic: 'cnn',
    subtopic: 'debugging',
    tags: ['nhwc', 'nchw', 'data-layout', 'preprocessing'],
    kind: 'debug',
    difficulty: 2,
    prompt: {
      zh: '你把一个 PyTorch 训练的 CNN 移植到 tfjs。模型能运行（加了一个 reshape 之后也没有形状错误），但预测几乎是随机的。通道顺序（NHWC/NCHW、RGB/BGR）如何导致这种情况？怎样修复？',
      en: 'You port a PyTorch-trained CNN to tfjs. It runs (after adding a reshape there are no shape errors), but predictions are close to chance. How can channel order (NHWC vs NCHW, RGB vs BGR) cause this, and how do you fix it?',
    },
    answer: {
      short: {
        zh: 'tfjs 默认 NHWC，PyTorch 是 NCHW；用 reshape 而不是 transpose 转换布局时形状对得上，但像素被打乱。应用 \`tf.transpose(x, [0, 2, 3, 1])\` 转换输入，把卷积权重从 $[c_{out},c_{in},k_h,k_w]$ 转置为 $[k_h,k_w,c_{in},c_{out}]$（perm $[2,3,1,0]$），重排 Flatten 后第一个全连接层的权重，并核对 RGB/BGR 与归一化常数。',
        en: 'tfjs defaults to NHWC, PyTorch uses NCHW; converting the layout with reshape instead of transpose matches the shape but scrambles the pixels. Transpose inputs with \`tf.transpose(x, [0, 2, 3, 1])\`, transpose conv weights from $[c_{out},c_{in},k_h,k_w]$ to $[k_h,k_w,c_{in},c_{out}]$ (perm $[2,3,1,0]$), permute the rows of the first dense layer after Flatten, and check RGB vs BGR and the normalization constants.',
      },
      full: {
        zh: `**症状为何隐蔽**：\`[1,3,224,224]\` 的缓冲区直接 reshape 成 \`[1,224,224,3]\`，元素个数相同，不会报错，但每个“像素”的三个通道值其实来自同一通道中相邻的三个位置，空间结构被彻底打乱，预训练权重面对的是噪声。

**逐项检查**：
1. **输入布局**：NCHW → NHWC 用 \`tf.transpose(x, [0, 2, 3, 1])\`，绝不能用 reshape。
2. **卷积权重**：PyTorch 为 $[c_{out},c_{in},k_h,k_w]$，TF/tfjs 为 $[k_h,k_w,c_{in},c_{out}]$，转置 perm 为 $[2,3,1,0]$。
3. **Flatten 顺序**：NCHW 展平是 $C\\cdot H\\cdot W$ 顺序，NHWC 是 $H\\cdot W\\cdot C$ 顺序，因此 Flatten 之后第一个全连接层的权重行必须相应重排（用全局平均池化的网络没有这个问题）。
4. **颜色顺序**：OpenCV 读图为 BGR；Caffe 风格的 ImageNet 模型期望 BGR 并减去均值；torchvision 模型期望 RGB，并用均值 (0.485, 0.456, 0.406)、标准差 (0.229, 0.224, 0.225) 对 [0,1] 像素归一化。\`tf.browser.fromPixels\` 返回 \`[H, W, 3]\`、取值 0–255 的 int32 RGB 张量。
5. **填充差异**：步幅为 2 的 'same' 与 PyTorch 对称填充相差一个像素（见 same/valid 一题）。

**调试方法**：形状检查远远不够。把预处理后的张量画回图像看看；在同一张图上逐层比较两边的激活（差异首次出现的那一层就是问题所在）；用一张已知类别的图做回归测试。`,
        en: `**Why it is silent**: reshaping a \`[1,3,224,224]\` buffer to \`[1,224,224,3]\` keeps the element count, so nothing errors; but each "pixel's" three channel values now come from three neighbouring positions of one channel. The spatial structure is scrambled and the pretrained weights see noise.

**Check each of these**:
1. **Input layout**: NCHW → NHWC with \`tf.transpose(x, [0, 2, 3, 1])\`, never with reshape.
2. **Conv weights**: PyTorch stores $[c_{out},c_{in},k_h,k_w]$, TF/tfjs $[k_h,k_w,c_{in},c_{out}]$; the perm is $[2,3,1,0]$.
3. **Flatten order**: NCHW flattens in $C\\cdot H\\cdot W$ order, NHWC in $H\\cdot W\\cdot C$ order, so the rows of the first dense layer after Flatten must be permuted accordingly (networks with global average pooling avoid this).
4. **Colour order**: OpenCV loads BGR; Caffe-style ImageNet models expect BGR with mean subtraction; torchvision models expect RGB in [0,1] normalized with mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225). \`tf.browser.fromPixels\` returns an int32 RGB tensor of shape \`[H, W, 3]\` with values 0–255.
5. **Padding**: stride-2 'same' differs from PyTorch's symmetric padding by one pixel (see the same/valid question).

**How to debug**: shape checks are not enough. Render the preprocessed tensor back as an image; compare per-layer activations of both implementations on the same image (the first layer that differs is the culprit); keep a regression test on an image of known class.`,
      },
    },
    references: [PYTORCH_CONV2D_DOC, TFJS_API, TF_CONVOLUTION_DOC],
    misconceptions: [
      {
        claim: {
          zh: '只要张量形状对得上，数据布局就是对的。',
          en: 'If the tensor shapes match, the data layout is right.',
        },
        correction: {
          zh: 'reshape 只改变形状解释，不移动数据；NCHW 与 NHWC 之间必须用 transpose，形状一致并不能说明元素顺序正确。',
          en: 'reshape only reinterprets the shape without moving data; converting between NCHW and NHWC needs a transpose, and matching shapes say nothing about element order.',
        },
      },
    ],
  },
];
