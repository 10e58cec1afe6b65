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

const MNIST_PAGE: Reference = {
  title: 'The MNIST database of handwritten digits (IDX file format)',
  authors: 'LeCun, Cortes & Burges',
  year: 1998,
  url: 'http://yann.lecun.com/exdb/mnist/',
};
const PYTORCH_MAXPOOL2D_DOC: Reference = {
  title: 'torch.nn.MaxPool2d (ceil_mode)',
  authors: 'PyTorch documentation',
  url: 'https://pytorch.org/docs/stable/generated/torch.nn.MaxPool2d.html',
};
const INCEPTION_V3: Reference = {
  title: 'Rethinking the Inception Architecture for Computer Vision',
  authors: 'Szegedy, Vanhoucke, Ioffe, Shlens & Wojna',
  year: 2015,
  arxiv: '1512.00567',
};
const FVCORE_FLOPS: Reference = {
  title: 'fvcore flop counting (counts one fused multiply-add as one flop)',
  authors: 'Facebook Research',
  url: 'https://github.com/facebookresearch/fvcore/blob/main/docs/flop_count.md',
};

const RESNEXT: Reference = {
  title: 'Aggregated Residual Transformations for Deep Neural Networks',
  authors: 'Xie, Girshick, Dollár, Tu & He',
  year: 2016,
  arxiv: '1611.05431',
};
const SENET: Reference = {
  title: 'Squeeze-and-Excitation Networks',
  authors: 'Hu, Shen, Albanie, Sun & Wu',
  year: 2017,
  arxiv: '1709.01507',
};
const DENSENET: Reference = {
  title: 'Densely Connected Convolutional Networks',
  authors: 'Huang, Liu, van der Maaten & Weinberger',
  year: 2016,
  arxiv: '1608.06993',
};
const CAM: Reference = {
  title: 'Learning Deep Features for Discriminative Localization',
  authors: 'Zhou, Khosla, Lapedriza, Oliva & Torralba',
  year: 2015,
  arxiv: '1512.04150',
};
const HIGHWAY: Reference = {
  title: 'Training Very Deep Networks',
  authors: 'Srivastava, Greff & Schmidhuber',
  year: 2015,
  arxiv: '1507.06228',
};

const LAYERNORM: Reference = {
  title: 'Layer Normalization',
  authors: 'Ba, Kiros & Hinton',
  year: 2016,
  arxiv: '1607.06450',
};
const INSTANCENORM: Reference = {
  title: 'Instance Normalization: The Missing Ingredient for Fast Stylization',
  authors: 'Ulyanov, Vedaldi & Lempitsky',
  year: 2016,
  arxiv: '1607.08022',
};
const DIOU: Reference = {
  title: 'Distance-IoU Loss: Faster and Better Learning for Bounding Box Regression',
  authors: 'Zheng et al.',
  year: 2019,
  arxiv: '1911.08287',
};
const PASCAL_VOC: Reference = {
  title: 'The PASCAL Visual Object Classes (VOC) Challenge',
  authors: 'Everingham, Van Gool, Williams, Winn & Zisserman',
  year: 2010,
  url: 'https://doi.org/10.1007/s11263-009-0275-4',
};
const COCO: Reference = {
  title: 'Microsoft COCO: Common Objects in Context',
  authors: 'Lin et al.',
  year: 2014,
  arxiv: '1405.0312',
};
const PYTORCH_BATCHNORM_DOC: Reference = {
  title: 'torch.nn.BatchNorm2d (training vs eval mode)',
  authors: 'PyTorch documentation',
  url: 'https://pytorch.org/docs/stable/generated/torch.nn.BatchNorm2d.html',
};

const FCOS: Reference = {
  title: 'FCOS: Fully Convolutional One-Stage Object Detection',
  authors: 'Tian, Shen, Chen & He',
  year: 2019,
  arxiv: '1904.01355',
};
const CENTERNET: Reference = {
  title: 'Objects as Points',
  authors: 'Zhou, Wang & Krähenbühl',
  year: 2019,
  arxiv: '1904.07850',
};
const VNET_DICE: Reference = {
  title: 'V-Net: Fully Convolutional Neural Networks for Volumetric Medical Image Segmentation',
  authors: 'Milletari, Navab & Ahmadi',
  year: 2016,
  arxiv: '1606.04797',
};

const C3D: Reference = {
  title: 'Learning Spatiotemporal Features with 3D Convolutional Networks',
  authors: 'Tran, Bourdev, Fergus, Torresani & Paluri',
  year: 2014,
  arxiv: '1412.0767',
};
const HE_INIT: Reference = {
  title: 'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
  authors: 'He, Zhang, Ren & Sun',
  year: 2015,
  arxiv: '1502.01852',
};
const CHEN_ATROUS: Reference = {
  title: 'Rethinking Atrous Convolution for Semantic Image Segmentation',
  authors: 'Chen, Papandreou, Schroff & Adam',
  year: 2017,
  arxiv: '1706.05587',
};
const CHECKPOINTING: Reference = {
  title: 'Training Deep Nets with Sublinear Memory Cost',
  authors: 'Chen, Xu, Zhang & Guestrin',
  year: 2016,
  arxiv: '1604.06174',
};

const YOSINSKI_TRANSFER: Reference = {
  title: 'How transferable are features in deep neural networks?',
  authors: 'Yosinski, Clune, Bengio & Lipson',
  year: 2014,
  arxiv: '1411.1792',
};
const VIT: Reference = {
  title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale',
  authors: 'Dosovitskiy et al.',
  year: 2020,
  arxiv: '2010.11929',
};
const CONVNEXT: Reference = {
  title: 'A ConvNet for the 2020s',
  authors: 'Liu, Mao, Wu, Feichtenhofer, Darrell & Xie',
  year: 2022,
  arxiv: '2201.03545',
};
const GLOROT_INIT: Reference = {
  title: 'Understanding the difficulty of training deep feedforward neural networks',
  authors: 'Glorot & Bengio',
  year: 2010,
  url: 'https://proceedings.mlr.press/v9/glorot10a.html',
};

// ---------------------------------------------------------------------------
// Verification targets (all pending until the exports and tests exist)
// ---------------------------------------------------------------------------

/** A link to the conv/data packages; `verified` once the export and its test exist (checked by verification-links.test.ts). */
const link = (
  packageName: '@dl/conv' | '@dl/data',
  exportName: string,
  test: string,
  status: Verification['status'],
): Verification => ({ package: packageName, export: exportName, test, status });

const VERIFY_CONV_OUTPUT_SHAPE = link('@dl/conv', 'convOutputShape', 'packages/conv/src/arithmetic/conv-output-shape.test.ts', 'verified');
const VERIFY_PARAMETER_COUNT = link('@dl/conv', 'convParameterCount', 'packages/conv/src/arithmetic/parameter-count.test.ts', 'verified');
const VERIFY_RECEPTIVE_FIELD = link('@dl/conv', 'receptiveField', 'packages/conv/src/arithmetic/receptive-field.test.ts', 'verified');
const VERIFY_COMPARE_CONV_DENSE = link('@dl/conv', 'compareConvDense', 'packages/conv/src/arithmetic/compare-conv-dense.test.ts', 'verified');
const VERIFY_CONV_FLOPS = link('@dl/conv', 'convFlops', 'packages/conv/src/arithmetic/conv-flops.test.ts', 'verified');
const VERIFY_IOU = link('@dl/conv', 'iou', 'packages/conv/src/detection/iou.test.ts', 'verified');
const VERIFY_CONV_CLASSIFIER = link('@dl/conv', 'createConvClassifier', 'packages/conv/src/models/conv-classifier.test.ts', 'verified');
const VERIFY_SINGLE_OBJECT_DETECTOR = link(
  '@dl/conv',
  'createSingleObjectDetector',
  'packages/conv/src/models/single-object-detector.test.ts',
  'verified',
);
const VERIFY_READ_IDX = link('@dl/data', 'readIdx', 'packages/data/src/images/read-idx.test.ts', 'verified');
const VERIFY_SHAPES_DATASET = link('@dl/data', 'shapesDataset', 'packages/data/src/images/shapes-dataset.test.ts', 'verified');
const VERIFY_BACKPROP_FILTER: Verification = {
  package: '@dl/core',
  export: 'conv2dBackpropFilterKernel',
  test: 'packages/core/src/kernels/training-kernels.test.ts',
  status: 'verified',
};

const VERIFY_BACKPROP_INPUT: Verification = {
  package: '@dl/core',
  export: 'conv2dBackpropInputKernel',
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
    verification: [VERIFY_PARAMETER_COUNT],
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
    verification: [VERIFY_CONV_CLASSIFIER, VERIFY_PARAMETER_COUNT],
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
    verification: [VERIFY_CONV_CLASSIFIER],
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
    verification: [VERIFY_SINGLE_OBJECT_DETECTOR, VERIFY_IOU],
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
    verification: [VERIFY_CONV_OUTPUT_SHAPE],
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
    verification: [VERIFY_CONV_OUTPUT_SHAPE],
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
    verification: [VERIFY_RECEPTIVE_FIELD],
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
    verification: [VERIFY_PARAMETER_COUNT],
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
    verification: [VERIFY_RECEPTIVE_FIELD, VERIFY_CONV_OUTPUT_SHAPE],
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
    verification: [VERIFY_PARAMETER_COUNT],
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
    verification: [VERIFY_PARAMETER_COUNT],
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
    verification: [VERIFY_IOU],
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
    verification: [VERIFY_IOU],
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
    verification: [VERIFY_CONV_OUTPUT_SHAPE, VERIFY_BACKPROP_FILTER],
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
    verification: [VERIFY_CONV_CLASSIFIER],
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
  // -------------------------------------------------------------------------
  // Classic architectures, worked through with the arithmetic
  // -------------------------------------------------------------------------
  {
    id: 'cnn-lenet-5-shapes',
    topic: 'cnn',
    subtopic: 'architectures',
    tags: ['lenet', 'output-size', 'parameter-count', 'history'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: 'LeNet-5 的输入为 $32\\times32\\times1$：C1 为 6 个 5×5 卷积（无填充），S2 为 2×2 步幅 2 的下采样，C3 为 16 个 5×5 卷积，S4 同 S2，C5 为 120 个 5×5 卷积，F6 为 84 个单元，输出 10 类。写出每层特征图尺寸，并计算 C1、C3（按全连接通道计算）、C5、F6 的参数量。原论文的 C3 为什么只有 1,516 个参数？',
      en: 'LeNet-5 takes a $32\\times32\\times1$ input: C1 is 6 unpadded 5×5 convolutions, S2 a 2×2 stride-2 subsampling, C3 16 5×5 convolutions, S4 like S2, C5 120 5×5 convolutions, F6 84 units and an output of 10 classes. Give every feature-map size, and the parameter counts of C1, C3 (fully connected across channels), C5 and F6. Why does the paper\'s C3 have only 1,516 parameters?',
    },
    answer: {
      short: {
        zh: '尺寸 32→28→14→10→5→1；参数 C1 $=156$，C3 $=2{,}416$（全通道），C5 $=48{,}120$，F6 $=10{,}164$。原论文的 C3 每个输出图只连接 3、4 或 6 个输入图（稀疏连接表），所以是 $25\\cdot60+16=1{,}516$。',
        en: 'Sizes 32→28→14→10→5→1; parameters C1 $=156$, C3 $=2{,}416$ (all channels), C5 $=48{,}120$, F6 $=10{,}164$. The paper\'s C3 connects each output map to only 3, 4 or 6 input maps (a sparse connection table), giving $25\\cdot60+16=1{,}516$.',
      },
      full: {
        zh: `**尺寸**（$o=n-k+1$ 用于无填充卷积，$o=n/2$ 用于 2×2 步幅 2 下采样）：$32\\xrightarrow{C1}28\\xrightarrow{S2}14\\xrightarrow{C3}10\\xrightarrow{S4}5\\xrightarrow{C5}1$。C5 的 5×5 卷积恰好覆盖整个 $5\\times5$ 特征图，所以它等价于全连接层——这正是后来 FCN “把全连接层看成卷积”的雏形。

**参数**（每个卷积核 $k^2c_{in}$ 个权重加 1 个偏置）：

| 层 | 计算 | 参数 |
|---|---|---|
| C1 | $6\\cdot(25\\cdot1+1)$ | 156 |
| C3（全连接通道） | $16\\cdot(25\\cdot6+1)$ | 2,416 |
| C5 | $120\\cdot(25\\cdot16+1)$ | 48,120 |
| F6 | $84\\cdot(120+1)$ | 10,164 |
| 输出（现代写法：Dense 10） | $10\\cdot(84+1)$ | 850 |

**C3 的稀疏连接**：LeCun 等（1998）的连接表让 6 个输出图各连 3 个输入图、9 个连 4 个、1 个连全部 6 个，共 $6\\cdot3+9\\cdot4+6=60$ 个输入-输出通道对，权重 $25\\cdot60=1{,}500$，加 16 个偏置为 1,516。论文给的理由是打破对称、减少计算；现代网络用分组卷积实现类似的结构化稀疏。

另外两个历史细节：S2/S4 是带可训练系数和偏置的平均下采样（并非现代无参数的最大池化），输出层是 RBF 单元而非 softmax。`,
        en: `**Sizes** ($o=n-k+1$ for an unpadded convolution, $o=n/2$ for 2×2 stride-2 subsampling): $32\\xrightarrow{C1}28\\xrightarrow{S2}14\\xrightarrow{C3}10\\xrightarrow{S4}5\\xrightarrow{C5}1$. C5's 5×5 kernel covers the whole $5\\times5$ map, so it is equivalent to a dense layer, an early form of FCN's "dense layers are convolutions".

**Parameters** (each filter has $k^2c_{in}$ weights plus one bias):

| Layer | Computation | Parameters |
|---|---|---|
| C1 | $6\\cdot(25\\cdot1+1)$ | 156 |
| C3 (all channels) | $16\\cdot(25\\cdot6+1)$ | 2,416 |
| C5 | $120\\cdot(25\\cdot16+1)$ | 48,120 |
| F6 | $84\\cdot(120+1)$ | 10,164 |
| Output (modern: Dense 10) | $10\\cdot(84+1)$ | 850 |

**C3's sparse table**: in LeCun et al. (1998), 6 output maps see 3 input maps, 9 see 4 and 1 sees all 6: $6\\cdot3+9\\cdot4+6=60$ input-output channel pairs, $25\\cdot60=1{,}500$ weights plus 16 biases, 1,516. The paper's reasons were breaking symmetry and saving compute; grouped convolutions are today's form of such structured sparsity.

Two more historical details: S2/S4 are average subsampling with a trainable coefficient and bias (not today's parameter-free max pooling), and the output layer uses RBF units, not a softmax.`,
      },
    },
    references: [LECUN_1998, CS231N_CONV],
    verification: [VERIFY_CONV_OUTPUT_SHAPE, VERIFY_PARAMETER_COUNT],
  },
  {
    id: 'cnn-vgg16-parameter-budget',
    topic: 'cnn',
    subtopic: 'architectures',
    tags: ['vgg', 'parameter-count', 'global-average-pooling', 'dense-layer'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'VGG-16 有 13 个 3×3 卷积层（通道 64,64 | 128,128 | 256×3 | 512×3 | 512×3，每段后接 2×2 最大池化）和三个全连接层（4096、4096、1000），输入 224×224×3。计算卷积部分和全连接部分的参数量、总参数量，以及 fc6 所占比例。若把 fc6–fc8 换成全局平均池化 + Dense(1000)，头部还剩多少参数？',
      en: 'VGG-16 has 13 3×3 convolutions (channels 64,64 | 128,128 | 256×3 | 512×3 | 512×3, each stage followed by 2×2 max pooling) and three dense layers (4096, 4096, 1000) on a 224×224×3 input. Compute the parameters of the convolutional part, the dense part, the total, and fc6\'s share. If fc6–fc8 are replaced by global average pooling + Dense(1000), how many head parameters remain?',
    },
    answer: {
      short: {
        zh: '卷积部分 14,714,688，全连接部分 123,642,856，合计 138,357,544；fc6（$7\\cdot7\\cdot512\\to4096$）独占 102,764,544，约 74.3%。GAP + Dense(1000) 的头只有 513,000 个参数。',
        en: 'Convolutions 14,714,688, dense layers 123,642,856, total 138,357,544; fc6 ($7\\cdot7\\cdot512\\to4096$) alone has 102,764,544, about 74.3%. A GAP + Dense(1000) head has only 513,000 parameters.',
      },
      full: {
        zh: `**卷积部分**：每层 $9c_{in}c_{out}+c_{out}$，13 层相加为 14,714,688（例如第一层 $9\\cdot3\\cdot64+64=1{,}792$，最后六层每层 $9\\cdot512\\cdot512+512=2{,}359{,}808$）。五次池化使 $224\\to7$。

**全连接部分**：

- fc6：$7\\cdot7\\cdot512\\cdot4096+4096=102{,}764{,}544$；
- fc7：$4096\\cdot4096+4096=16{,}781{,}312$；
- fc8：$4096\\cdot1000+1000=4{,}097{,}000$；

合计 123,642,856，占总数 138,357,544 的约 89.4%，fc6 一层占约 74.3%。

**启示**：卷积层承担了绝大部分计算，而全连接层承担了绝大部分参数（和过拟合风险）。NIN 和 GoogLeNet 用全局平均池化代替它们：$512\\to1000$ 的 Dense 只有 $512\\cdot1000+1000=513{,}000$ 个参数，约为原来三层的 0.41%，并且网络可以接受任意输入尺寸。ResNet 之后几乎所有分类网络都采用这种头部。`,
        en: `**Convolutions**: each layer has $9c_{in}c_{out}+c_{out}$; the 13 layers sum to 14,714,688 (the first has $9\\cdot3\\cdot64+64=1{,}792$, each of the last six $9\\cdot512\\cdot512+512=2{,}359{,}808$). Five poolings take $224\\to7$.

**Dense layers**:

- fc6: $7\\cdot7\\cdot512\\cdot4096+4096=102{,}764{,}544$;
- fc7: $4096\\cdot4096+4096=16{,}781{,}312$;
- fc8: $4096\\cdot1000+1000=4{,}097{,}000$;

together 123,642,856, about 89.4% of the 138,357,544 total; fc6 alone is about 74.3%.

**Lesson**: the convolutions do most of the compute, the dense layers hold most of the parameters (and most of the overfitting risk). NIN and GoogLeNet replaced them with global average pooling: a $512\\to1000$ Dense has $512\\cdot1000+1000=513{,}000$ parameters, about 0.41% of the three dense layers, and the network accepts any input size. Almost every classifier since ResNet uses this head.`,
      },
    },
    references: [VGG, NIN, GOOGLENET],
    verification: [VERIFY_PARAMETER_COUNT],
  },
  {
    id: 'cnn-inception-bottleneck-cost',
    topic: 'cnn',
    subtopic: 'architectures',
    tags: ['inception', 'googlenet', '1x1-convolution', 'flops'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'GoogLeNet 的 Inception (3a) 模块输入为 $28\\times28\\times192$，其 5×5 分支输出 32 个通道（\'same\' 填充，步幅 1）。计算直接做 5×5 卷积的乘加次数（MAC）与权重数，以及先用 1×1 卷积降到 16 通道再做 5×5 卷积时的 MAC 与权重数（均不计偏置）。',
      en: 'GoogLeNet\'s Inception (3a) module takes a $28\\times28\\times192$ input; its 5×5 branch outputs 32 channels (\'same\' padding, stride 1). Compute the multiply-accumulates (MACs) and weights of a direct 5×5 convolution, and of a 1×1 reduction to 16 channels followed by the 5×5 convolution (biases ignored).',
    },
    answer: {
      short: {
        zh: '直接 5×5：120,422,400 MAC、153,600 个权重；1×1 降维后：$2{,}408{,}448+10{,}035{,}200=12{,}443{,}648$ MAC、$3{,}072+12{,}800=15{,}872$ 个权重，计算量约减少为 1/9.68。',
        en: 'Direct 5×5: 120,422,400 MACs and 153,600 weights. With the 1×1 reduction: $2{,}408{,}448+10{,}035{,}200=12{,}443{,}648$ MACs and $3{,}072+12{,}800=15{,}872$ weights, about 9.68 times less compute.',
      },
      full: {
        zh: `**公式**：卷积 MAC $=H_{out}W_{out}k^2c_{in}c_{out}$，权重 $k^2c_{in}c_{out}$。

**直接 5×5**：$28\\cdot28\\cdot25\\cdot192\\cdot32=120{,}422{,}400$ MAC；权重 $25\\cdot192\\cdot32=153{,}600$。

**先降维**：
- 1×1，$192\\to16$：$28\\cdot28\\cdot192\\cdot16=2{,}408{,}448$ MAC，权重 3,072；
- 5×5，$16\\to32$：$28\\cdot28\\cdot25\\cdot16\\cdot32=10{,}035{,}200$ MAC，权重 12,800。

合计 12,443,648 MAC，比直接卷积少约 9.68 倍；权重 15,872，也少约 9.68 倍（空间尺寸不变时两者之比相同）。

**为什么可行**：Inception 模块并行使用 1×1、3×3、5×5 卷积和池化分支，再沿通道拼接，以获得多尺度特征；若不降维，大核分支和不断增长的拼接通道会让计算量爆炸。1×1 卷积（来自 NIN）在每个像素上做通道间的线性组合加非线性，把“跨通道相关”与“空间相关”分开处理，这一思路后来发展为 Xception 与 MobileNet 的深度可分离卷积。Inception v3 进一步把 5×5 拆成两个 3×3（$18/25$，省 28%），并把 $n\\times n$ 拆成 $1\\times n$ 与 $n\\times1$。`,
        en: `**Formulas**: convolution MACs $=H_{out}W_{out}k^2c_{in}c_{out}$, weights $k^2c_{in}c_{out}$.

**Direct 5×5**: $28\\cdot28\\cdot25\\cdot192\\cdot32=120{,}422{,}400$ MACs; $25\\cdot192\\cdot32=153{,}600$ weights.

**With the reduction**:
- 1×1, $192\\to16$: $28\\cdot28\\cdot192\\cdot16=2{,}408{,}448$ MACs, 3,072 weights;
- 5×5, $16\\to32$: $28\\cdot28\\cdot25\\cdot16\\cdot32=10{,}035{,}200$ MACs, 12,800 weights.

Together 12,443,648 MACs, about 9.68 times fewer; 15,872 weights, also about 9.68 times fewer (at a fixed spatial size the two ratios coincide).

**Why it works**: an Inception module runs 1×1, 3×3, 5×5 and pooling branches in parallel and concatenates them along channels for multi-scale features; without reductions the large-kernel branches and the growing concatenation would make the cost explode. A 1×1 convolution (from NIN) mixes channels per pixel with a nonlinearity, separating cross-channel from spatial correlations, an idea that led to the depthwise-separable convolutions of Xception and MobileNet. Inception v3 further factorises a 5×5 into two 3×3s ($18/25$, 28% fewer weights) and $n\\times n$ into $1\\times n$ followed by $n\\times1$.`,
      },
    },
    references: [GOOGLENET, NIN, INCEPTION_V3],
    verification: [VERIFY_CONV_FLOPS, VERIFY_PARAMETER_COUNT],
  },
  {
    id: 'cnn-flops-vs-macs',
    topic: 'cnn',
    subtopic: 'conv-arithmetic',
    tags: ['flops', 'macs', 'compute-cost', 'resnet'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: 'ResNet 的起始卷积为 7×7、步幅 2、填充 3、$3\\to64$ 通道，输入 224×224。它需要多少次乘加（MAC）和多少 FLOPs？为什么不同论文和工具给出的 “FLOPs” 可能相差一倍？',
      en: 'The ResNet stem is a 7×7 convolution with stride 2, padding 3, $3\\to64$ channels, on a 224×224 input. How many multiply-accumulates (MACs) and how many FLOPs does it take? Why can the "FLOPs" quoted by papers and tools differ by a factor of two?',
    },
    answer: {
      short: {
        zh: '输出 112×112，MAC $=112\\cdot112\\cdot7\\cdot7\\cdot3\\cdot64=118{,}013{,}952$，按“乘和加各算一次”为 236,027,904 FLOPs。很多论文（包括 ResNet 的 3.8×10⁹）和 fvcore 等工具把一次乘加算作一个 “FLOP”，另一些按 2 计。',
        en: 'The output is 112×112, so MACs $=112\\cdot112\\cdot7\\cdot7\\cdot3\\cdot64=118{,}013{,}952$, or 236,027,904 FLOPs counting the multiply and the add separately. Many papers (including ResNet\'s 3.8×10⁹) and tools such as fvcore count one multiply-add as one "FLOP"; others count it as two.',
      },
      full: {
        zh: `**输出尺寸**：$\\lfloor(224+6-7)/2\\rfloor+1=112$。

**MAC**：每个输出元素需要 $k^2c_{in}=147$ 次乘加，共有 $112\\cdot112\\cdot64=802{,}816$ 个输出元素，所以 $802{,}816\\cdot147=118{,}013{,}952$ MAC。偏置每个输出再加一次，共 802,816 次加法，通常忽略。

**FLOPs**：一次乘加 = 一次乘法 + 一次加法 = 2 FLOPs，故约 $2.36\\times10^8$ FLOPs。

**为什么会差一倍**：“FLOPs” 没有统一约定。ResNet 论文称 ResNet-50 为 “3.8×10⁹ FLOPs”，实际统计的是乘加次数；fvcore 明确把一次融合乘加算作一个 flop；而硬件峰值（如 GPU 的 TFLOPS）通常按 FMA = 2 FLOPs 计。比较模型或估算运行时间时，先确认对方的约定，并说明是否计入偏置、激活、BN 和池化。

**FLOPs ≠ 延迟**：深度卷积、逐元素操作和内存访问使 MobileNet 这类低 FLOPs 模型的实际加速远小于 FLOPs 之比。`,
        en: `**Output size**: $\\lfloor(224+6-7)/2\\rfloor+1=112$.

**MACs**: each output element needs $k^2c_{in}=147$ multiply-adds, and there are $112\\cdot112\\cdot64=802{,}816$ output elements: $802{,}816\\cdot147=118{,}013{,}952$ MACs. The bias adds one more addition per output (802,816), usually ignored.

**FLOPs**: one multiply-add is a multiplication plus an addition, 2 FLOPs, so about $2.36\\times10^8$ FLOPs.

**Why the factor of two**: "FLOPs" has no single convention. The ResNet paper's "3.8×10⁹ FLOPs" for ResNet-50 counts multiply-adds; fvcore explicitly counts one fused multiply-add as one flop; hardware peaks (a GPU's TFLOPS) count an FMA as 2 FLOPs. When comparing models or estimating run time, check the convention and whether biases, activations, BN and pooling are included.

**FLOPs are not latency**: depthwise convolutions, element-wise ops and memory traffic make the real speed-up of low-FLOP models such as MobileNet much smaller than the FLOP ratio.`,
      },
    },
    references: [RESNET, FVCORE_FLOPS, CS231N_CONV],
    verification: [VERIFY_CONV_FLOPS, VERIFY_CONV_OUTPUT_SHAPE],
  },
  {
    id: 'cnn-conv-vs-dense-cifar',
    topic: 'cnn',
    subtopic: 'conv-arithmetic',
    tags: ['parameter-count', 'weight-sharing', 'local-connectivity', 'dense-layer'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: '对 $32\\times32\\times3$ 的 CIFAR 图像，比较 3×3、64 个卷积核、\'same\' 填充的卷积层与输出同样大小（$32\\times32\\times64$）的全连接层：参数量和乘加次数各是多少？比值是多少？差距分别来自哪两个假设？',
      en: 'For a $32\\times32\\times3$ CIFAR image, compare a 3×3 convolution with 64 filters and \'same\' padding against a dense layer with the same output size ($32\\times32\\times64$): how many parameters and multiply-accumulates does each need, and what are the ratios? Which two assumptions account for the gap?',
    },
    answer: {
      short: {
        zh: '卷积：1,792 个参数、1,769,472 MAC；全连接：201,392,128 个参数（112,384 倍）、201,326,592 MAC（约 114 倍）。参数差距来自局部连接与权值共享，计算差距只来自局部连接。',
        en: 'Convolution: 1,792 parameters and 1,769,472 MACs; dense: 201,392,128 parameters (112,384 times more) and 201,326,592 MACs (about 114 times more). The parameter gap comes from local connectivity and weight sharing; the compute gap from local connectivity alone.',
      },
      full: {
        zh: `**卷积**：参数 $3\\cdot3\\cdot3\\cdot64+64=1{,}792$；MAC $32\\cdot32\\cdot27\\cdot64=1{,}769{,}472$。

**全连接**：输入 $3{,}072$ 维，输出 $65{,}536$ 维；参数 $3{,}072\\cdot65{,}536+65{,}536=201{,}392{,}128$（float32 约 806 MB），MAC $3{,}072\\cdot65{,}536=201{,}326{,}592$。

**比值**：参数约 112,384 倍，MAC 约 113.8 倍（$=3072/27$）。

**两个假设**：

1. **局部连接**：每个输出只看 $3\\cdot3\\cdot3=27$ 个输入而非 3,072 个。这同时减少参数和计算，比值恰好是 $3072/27$。
2. **权值共享**：1,024 个位置共用同一组卷积核。它只减少参数（再除以约 1,024），不减少计算——每个位置仍要各算一次。

这也解释了为什么局部连接层（不共享权重）参数仍然很多，以及为什么卷积网络的瓶颈是计算而非参数存储。`,
        en: `**Convolution**: $3\\cdot3\\cdot3\\cdot64+64=1{,}792$ parameters; $32\\cdot32\\cdot27\\cdot64=1{,}769{,}472$ MACs.

**Dense**: 3,072 inputs, 65,536 outputs; $3{,}072\\cdot65{,}536+65{,}536=201{,}392{,}128$ parameters (about 806 MB in float32), $3{,}072\\cdot65{,}536=201{,}326{,}592$ MACs.

**Ratios**: about 112,384 times the parameters and about 113.8 times the MACs ($=3072/27$).

**The two assumptions**:

1. **Local connectivity**: each output sees $3\\cdot3\\cdot3=27$ inputs instead of 3,072. This cuts both parameters and compute, by exactly $3072/27$.
2. **Weight sharing**: all 1,024 positions reuse one set of kernels. This cuts only parameters (by roughly another 1,024), not compute: every position is still computed.

It also explains why a locally connected layer (no sharing) still has many parameters, and why the bottleneck of a CNN is compute rather than parameter storage.`,
      },
    },
    references: [DLBOOK_CONV, CS231N_CONV],
    verification: [VERIFY_COMPARE_CONV_DENSE, VERIFY_PARAMETER_COUNT],
  },
  {
    id: 'cnn-small-classifier-parameter-count',
    topic: 'cnn',
    subtopic: 'classification',
    tags: ['parameter-count', 'output-size', 'mnist', 'model-summary'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: 'MNIST 分类器：输入 $28\\times28\\times1$ → Conv2D(32, 3×3, \'valid\', ReLU) → MaxPool(2) → Conv2D(64, 3×3, \'valid\', ReLU) → MaxPool(2) → Flatten → Dense(10, softmax)。写出每层输出形状和参数量，以及总参数量。',
      en: 'An MNIST classifier: input $28\\times28\\times1$ → Conv2D(32, 3×3, \'valid\', ReLU) → MaxPool(2) → Conv2D(64, 3×3, \'valid\', ReLU) → MaxPool(2) → Flatten → Dense(10, softmax). Give every layer\'s output shape and parameter count, and the total.',
    },
    answer: {
      short: {
        zh: '形状 26×26×32 → 13×13×32 → 11×11×64 → 5×5×64 → 1600 → 10；参数 320 + 0 + 18,496 + 0 + 0 + 16,010 = 34,826。',
        en: 'Shapes 26×26×32 → 13×13×32 → 11×11×64 → 5×5×64 → 1600 → 10; parameters 320 + 0 + 18,496 + 0 + 0 + 16,010 = 34,826.',
      },
      full: {
        zh: `| 层 | 输出形状 | 参数 |
|---|---|---|
| Conv2D(32, 3×3) | $26\\times26\\times32$（$28-3+1$） | $9\\cdot1\\cdot32+32=320$ |
| MaxPool(2) | $13\\times13\\times32$ | 0 |
| Conv2D(64, 3×3) | $11\\times11\\times64$（$13-3+1$） | $9\\cdot32\\cdot64+64=18{,}496$ |
| MaxPool(2) | $5\\times5\\times64$（$\\lfloor11/2\\rfloor$，最后一行一列被丢弃） | 0 |
| Flatten | 1,600 | 0 |
| Dense(10) | 10 | $1600\\cdot10+10=16{,}010$ |

总计 **34,826**。

**要点**：池化层和 Flatten 没有参数；最后一个 Dense 占了近一半参数，而且它的输入维度 1,600 由输入尺寸决定——把输入改成 32×32 会得到 $6\\cdot6\\cdot64=2{,}304$，保存的权重就无法加载。用全局平均池化代替 Flatten 可以让头部参数变为 $64\\cdot10+10=650$ 并与输入尺寸无关。`,
        en: `| Layer | Output shape | Parameters |
|---|---|---|
| Conv2D(32, 3×3) | $26\\times26\\times32$ ($28-3+1$) | $9\\cdot1\\cdot32+32=320$ |
| MaxPool(2) | $13\\times13\\times32$ | 0 |
| Conv2D(64, 3×3) | $11\\times11\\times64$ ($13-3+1$) | $9\\cdot32\\cdot64+64=18{,}496$ |
| MaxPool(2) | $5\\times5\\times64$ ($\\lfloor11/2\\rfloor$: the last row and column are dropped) | 0 |
| Flatten | 1,600 | 0 |
| Dense(10) | 10 | $1600\\cdot10+10=16{,}010$ |

Total **34,826**.

**Points**: pooling and Flatten have no parameters; the final Dense holds almost half the parameters, and its input size 1,600 is fixed by the input resolution: a 32×32 input gives $6\\cdot6\\cdot64=2{,}304$ and the saved weights no longer load. Global average pooling instead of Flatten makes the head $64\\cdot10+10=650$ parameters, independent of input size.`,
      },
    },
    references: [CS231N_CONV, TFJS_API],
    misconceptions: [
      {
        claim: {
          zh: '池化层可以减少模型的参数量。',
          en: 'Pooling layers reduce the number of parameters.',
        },
        correction: {
          zh: '池化层本身没有参数（0 个）；它缩小特征图，只是让其后的全连接层参数变少。',
          en: 'Pooling layers have no parameters at all; shrinking the feature map only makes the following dense layer smaller.',
        },
        erratum: 13,
      },
    ],
    verification: [VERIFY_CONV_CLASSIFIER, VERIFY_PARAMETER_COUNT, VERIFY_CONV_OUTPUT_SHAPE],
  },
  {
    id: 'cnn-pooling-ceil-mode',
    topic: 'cnn',
    subtopic: 'conv-arithmetic',
    tags: ['pooling', 'output-size', 'ceil-mode', 'framework-differences'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'PyTorch 的 \`MaxPool2d(kernel_size=3, stride=2, ceil_mode=True)\` 作用于边长 112 的特征图，输出多少？\`ceil_mode=False\` 呢？2×2 步幅 2 池化作用于边长 5 时两种模式分别输出多少？为什么移植 Caffe 模型（如 GoogLeNet）时这很重要？',
      en: 'What does PyTorch\'s \`MaxPool2d(kernel_size=3, stride=2, ceil_mode=True)\` output on a side of 112, and with \`ceil_mode=False\`? What do the two modes give for 2×2 stride-2 pooling on a side of 5? Why does this matter when porting Caffe models such as GoogLeNet?',
    },
    answer: {
      short: {
        zh: '向下取整：$\\lfloor(112-3)/2\\rfloor+1=55$；向上取整：$\\lceil109/2\\rceil+1=56$。边长 5 时分别为 2 和 3。Caffe 的池化默认向上取整，GoogLeNet 的 112→56 依赖于此；用默认向下取整的框架复现会得到 55，后续所有尺寸都对不上。',
        en: 'Floor: $\\lfloor(112-3)/2\\rfloor+1=55$; ceil: $\\lceil109/2\\rceil+1=56$. For a side of 5 they give 2 and 3. Caffe pools with ceil by default and GoogLeNet\'s 112→56 relies on it; a framework that floors gives 55 and every later size is off.',
      },
      full: {
        zh: `**两种公式**（无填充）：
$$o_{\\text{floor}}=\\left\\lfloor\\frac{n-k}{s}\\right\\rfloor+1,\\qquad o_{\\text{ceil}}=\\left\\lceil\\frac{n-k}{s}\\right\\rceil+1 .$$
向上取整允许最后一个窗口越过边界，越界部分在最大池化中被忽略（相当于补 $-\\infty$）。PyTorch 还规定：最后一个窗口必须从输入（或左侧填充）内部开始，否则舍去。

**计算**：
- $n=112,k=3,s=2$：$109/2=54.5$，floor 得 55，ceil 得 56；
- $n=5,k=2,s=2$：$3/2=1.5$，floor 得 2（第 5 行被丢弃），ceil 得 3（最后一个窗口只含第 5 行）；
- $n=224,k=2,s=2$：整除，两者都是 112——能整除时没有区别。

**移植**：Caffe 默认向上取整，TF/Keras/tfjs 的 'valid' 和 PyTorch 默认向下取整。GoogLeNet 的 Caffe 原型中 112→56、56→28 等都依赖向上取整，torchvision 的实现因此给相关池化层显式设了 \`ceil_mode=True\`。在 TF 中可以用 'same' 池化或手动填充复现。池化层本身没有参数，但尺寸差一会导致 Flatten 后的维度和预训练权重对不上。`,
        en: `**The two formulas** (no padding):
$$o_{\\text{floor}}=\\left\\lfloor\\frac{n-k}{s}\\right\\rfloor+1,\\qquad o_{\\text{ceil}}=\\left\\lceil\\frac{n-k}{s}\\right\\rceil+1 .$$
Ceil mode lets the last window run past the border; the missing entries are ignored by max pooling (as if padded with $-\\infty$). PyTorch also drops a last window that would start outside the input (plus left padding).

**Numbers**:
- $n=112,k=3,s=2$: $109/2=54.5$, floor gives 55, ceil 56;
- $n=5,k=2,s=2$: $3/2=1.5$, floor gives 2 (row 5 is dropped), ceil gives 3 (the last window holds only row 5);
- $n=224,k=2,s=2$: exact division, both give 112; the modes differ only when the division is inexact.

**Porting**: Caffe rounds up by default, while TF/Keras/tfjs 'valid' and PyTorch's default round down. GoogLeNet's Caffe prototxt relies on rounding up for 112→56, 56→28 and so on, which is why torchvision sets \`ceil_mode=True\` on those pooling layers; in TF, 'same' pooling or explicit padding reproduces it. Pooling has no parameters, but an off-by-one size breaks the flattened dimension and pretrained weights.`,
      },
    },
    references: [PYTORCH_MAXPOOL2D_DOC, GOOGLENET, CONV_ARITHMETIC],
    verification: [VERIFY_CONV_OUTPUT_SHAPE],
  },
  {
    id: 'cnn-cross-correlation-worked-example',
    topic: 'cnn',
    subtopic: 'convolution',
    tags: ['cross-correlation', 'convolution', 'kernel-flip', 'backpropagation'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: '对 $x=[1,2,3,4]$ 与 $w=[1,0,-1]$，分别计算 \'valid\' 的互相关 $y[i]=\\sum_u x[i+u]w[u]$ 和真正的卷积（核翻转）。深度学习框架的 “卷积层” 算的是哪一个？为什么对训练没有影响？真正的卷积在反向传播的哪一步出现？',
      en: 'For $x=[1,2,3,4]$ and $w=[1,0,-1]$, compute the \'valid\' cross-correlation $y[i]=\\sum_u x[i+u]w[u]$ and the true (kernel-flipped) convolution. Which one do deep-learning "convolution" layers compute, why does it not matter for training, and where does a true convolution appear in backpropagation?',
    },
    answer: {
      short: {
        zh: '互相关为 $[-2,-2]$，卷积（核翻转为 $[-1,0,1]$）为 $[2,2]$。框架计算的是互相关；因为核是学出来的，网络学到的只是翻转后的核，表达能力相同。对输入求梯度时，上游梯度与**未翻转**权重做“full” 互相关，等价于与翻转核做真正的卷积。',
        en: 'The cross-correlation is $[-2,-2]$; the convolution (kernel flipped to $[-1,0,1]$) is $[2,2]$. Frameworks compute the cross-correlation; since the kernel is learned, the network simply learns the flipped kernel, with the same expressive power. The gradient with respect to the input is a "full" true convolution of the upstream gradient with the kernel.',
      },
      full: {
        zh: `**互相关**：$y[0]=1\\cdot1+2\\cdot0+3\\cdot(-1)=-2$，$y[1]=2-4=-2$，即 $[-2,-2]$。

**卷积**：$(x*w)[i]=\\sum_u x[i+u]\\,w[k-1-u]$，翻转后的核为 $[-1,0,1]$：$-1+3=2$，$-2+4=2$，即 $[2,2]$。符号相反，因为这个核是反对称的；对称核两者相同。

**框架**：TensorFlow/tfjs 的 \`conv2d\`、PyTorch 的 \`Conv2d\` 都计算互相关（文档明确写了这一点）。卷积核由梯度下降学习，若某任务需要核 $w$，网络就会学到 $\\mathrm{flip}(w)$，因此对模型能力没有影响；但从 SciPy/OpenCV 的 \`convolve\` 搬运固定核（例如 Sobel 算子）时必须注意翻转。

**反向传播**：设 $y=x\\star w$（互相关），则
$$\\frac{\\partial L}{\\partial x[j]}=\\sum_i \\frac{\\partial L}{\\partial y[i]}\\,w[j-i],$$
这是上游梯度与 $w$ 的“full”卷积（等价于与翻转核的互相关）；对权重的梯度 $\\partial L/\\partial w[u]=\\sum_i \\delta[i]\\,x[i+u]$ 则是输入与上游梯度的互相关。tfjs 的 \`Conv2DBackpropInput\` 内核正是这样实现的。`,
        en: `**Cross-correlation**: $y[0]=1\\cdot1+2\\cdot0+3\\cdot(-1)=-2$, $y[1]=2-4=-2$, so $[-2,-2]$.

**Convolution**: $(x*w)[i]=\\sum_u x[i+u]\\,w[k-1-u]$ with the flipped kernel $[-1,0,1]$: $-1+3=2$ and $-2+4=2$, so $[2,2]$. The signs flip because this kernel is antisymmetric; for a symmetric kernel the two agree.

**Frameworks**: TensorFlow/tfjs \`conv2d\` and PyTorch \`Conv2d\` compute cross-correlation (their docs say so). Kernels are learned, so if a task needs $w$ the network learns $\\mathrm{flip}(w)$: no loss of capacity. It matters when you copy a fixed kernel (e.g. Sobel) from SciPy/OpenCV \`convolve\`.

**Backpropagation**: with $y=x\\star w$ (cross-correlation),
$$\\frac{\\partial L}{\\partial x[j]}=\\sum_i \\frac{\\partial L}{\\partial y[i]}\\,w[j-i],$$
a "full" true convolution of the upstream gradient with $w$ (equivalently a cross-correlation with the flipped kernel); the weight gradient $\\partial L/\\partial w[u]=\\sum_i \\delta[i]\\,x[i+u]$ is a cross-correlation of the input with the upstream gradient. tfjs's \`Conv2DBackpropInput\` kernel implements exactly this.`,
      },
    },
    references: [DLBOOK_CONV, PYTORCH_CONV2D_DOC, CONV_ARITHMETIC],
    misconceptions: [
      {
        claim: {
          zh: '卷积层对输入做的是数学意义上的卷积。',
          en: 'A convolutional layer applies a convolution in the mathematical sense.',
        },
        correction: {
          zh: '框架实现的是互相关（核不翻转）。由于核是学习得到的，这不影响能力，但移植固定核时要翻转。',
          en: 'Frameworks implement cross-correlation (no kernel flip). Since kernels are learned this costs nothing, but fixed kernels must be flipped when ported.',
        },
        erratum: 12,
      },
    ],
    verification: [VERIFY_BACKPROP_INPUT, VERIFY_BACKPROP_FILTER],
  },
  // -------------------------------------------------------------------------
  // Data for CNN exercises
  // -------------------------------------------------------------------------
  {
    id: 'cnn-mnist-idx-format',
    topic: 'cnn',
    subtopic: 'data',
    tags: ['mnist', 'idx-format', 'binary-parsing', 'data-loading'],
    kind: 'coding',
    difficulty: 2,
    prompt: {
      zh: '实现一个 MNIST IDX 文件读取器：文件头是什么格式？\`train-images-idx3-ubyte\` 和 \`train-labels-idx1-ubyte\` 各有多少字节？写测试时应检查哪些错误情况？',
      en: 'Implement an MNIST IDX file reader. What is the header format, and how many bytes are \`train-images-idx3-ubyte\` and \`train-labels-idx1-ubyte\`? Which error cases should its tests cover?',
    },
    answer: {
      short: {
        zh: '头部为 4 字节魔数（两个 0 字节、数据类型码 0x08 = uint8、维数）加上每维一个大端 int32；图像文件魔数 0x00000803，维度 60000、28、28，共 $16+47{,}040{,}000=47{,}040{,}016$ 字节；标签文件魔数 0x00000801，共 $8+60{,}000=60{,}008$ 字节。',
        en: 'The header is a 4-byte magic number (two zero bytes, a type code, 0x08 = uint8, and the number of dimensions) followed by one big-endian int32 per dimension. Images: magic 0x00000803, dims 60000, 28, 28, $16+47{,}040{,}000=47{,}040{,}016$ bytes. Labels: magic 0x00000801, $8+60{,}000=60{,}008$ bytes.',
      },
      full: {
        zh: `**格式**（LeCun 的 MNIST 页面）：

- 字节 0–1：恒为 0；字节 2：数据类型（0x08 uint8、0x09 int8、0x0B int16、0x0C int32、0x0D float32、0x0E float64）；字节 3：维数 $r$。
- 接着 $r$ 个**大端** int32 表示各维长度；
- 然后是按行主序存放的数据。

**实现要点**：用 \`DataView.getUint32(offset, false)\` 读大端整数（在 x86 上直接用 \`Uint32Array\` 会按小端解释：魔数 0x00000803 变成 50,855,936，60,000 变成 1,625,948,160）；校验数据长度等于各维乘积乘以元素大小；返回形状和类型化数组，再转为 $[N,28,28,1]$ 的张量并除以 255。gzip 压缩的原始文件要先解压（魔数字节 0x1F 0x8B）。

**大小**：训练图像 $16+60{,}000\\cdot784=47{,}040{,}016$ 字节，训练标签 $8+60{,}000=60{,}008$ 字节；测试图像 $16+10{,}000\\cdot784=7{,}840{,}016$ 字节。

**测试**：手工构造小文件（例如 2×2×2）与已知内容比较；魔数前两字节非 0、未知类型码、长度不足或多余都应抛出指明字段的错误；再用真实文件头检查维度。`,
        en: `**Format** (LeCun's MNIST page):

- bytes 0–1: always 0; byte 2: the data type (0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64); byte 3: the number of dimensions $r$;
- then $r$ **big-endian** int32 dimension sizes;
- then the data in row-major order.

**Implementation**: read the integers with \`DataView.getUint32(offset, false)\` (a plain \`Uint32Array\` on x86 reads little-endian: the magic 0x00000803 becomes 50,855,936 and 60,000 becomes 1,625,948,160); check that the payload length equals the product of the dimensions times the element size; return the shape and a typed array, then build a $[N,28,28,1]$ tensor divided by 255. The original files are gzipped: decompress first (magic bytes 0x1F 0x8B).

**Sizes**: training images $16+60{,}000\\cdot784=47{,}040{,}016$ bytes, training labels $8+60{,}000=60{,}008$ bytes, test images $16+10{,}000\\cdot784=7{,}840{,}016$ bytes.

**Tests**: hand-built small files (say 2×2×2) compared with their known contents; non-zero leading bytes, an unknown type code, and a payload too short or too long each throw an error that names the field; a real header gives the expected dimensions.`,
      },
    },
    references: [MNIST_PAGE, LECUN_1998],
    verification: [VERIFY_READ_IDX],
  },
  {
    id: 'cnn-synthetic-shapes-dataset',
    topic: 'cnn',
    subtopic: 'data',
    tags: ['synthetic-data', 'object-detection', 'testing', 'bounding-box'],
    kind: 'coding',
    difficulty: 3,
    prompt: {
      zh: '为了测试一个单目标检测器，设计一个合成“形状”数据集（每张图一个圆、方块或三角形，带类别和边界框）。它应满足哪些性质？为什么它比用 \`np.random.random\` 生成的随机标签更能证明模型在学习？',
      en: 'To test a single-object detector, design a synthetic "shapes" dataset (one circle, square or triangle per image, with a class and a bounding box). What properties should it have, and why does it prove learning better than labels from \`np.random.random\`?',
    },
    answer: {
      short: {
        zh: '由种子决定（可复现）、类别均衡、框由绘制参数精确给出且坐标归一化到 [0,1]、形状大小位置随机且可加噪声。它有确定的正确答案，所以可以断言：准确率远高于 1/3、平均 IoU 高于基线；随机标签没有可学的信号，只能验证代码能运行。',
        en: 'Seeded (reproducible), class-balanced, boxes exactly known from the drawing parameters and normalised to [0,1], random size and position, optional noise. It has a right answer, so tests can assert accuracy far above 1/3 and mean IoU above a baseline; random labels carry no signal and only show that the code runs.',
      },
      full: {
        zh: `**性质**：

- **确定性**：给定种子生成相同的图像、类别和框，测试可以固定期望值；
- **精确标签**：框直接来自绘制参数（中心、半径/边长），没有标注噪声；用 $(y_1,x_1,y_2,x_2)$ 或 $(x_1,y_1,x_2,y_2)$ 之一，并在文档中写明，坐标除以图像边长；
- **均衡与多样**：类别均匀分布；大小、位置、颜色随机，避免模型只靠像素总和判断类别；
- **可控难度**：背景噪声、遮挡、最小尺寸等参数。

**可以断言什么**：训练几轮后分类准确率明显高于 1/3、平均 IoU 明显高于“总是预测平均框”的基线，且损失下降。这是**可以失败**的测试。

**与种子文档的对比**：种子的示例用 \`np.random.random\` 生成标签，模型无论如何都学不到东西，“训练成功”只说明代码没崩溃；而且种子的“检测模型”只有一个 sigmoid 输出，根本不输出框。`,
        en: `**Properties**:

- **Deterministic**: a seed fixes images, classes and boxes, so tests can pin expectations;
- **Exact labels**: boxes come straight from the drawing parameters (centre, radius/side), with no annotation noise; pick one of $(y_1,x_1,y_2,x_2)$ or $(x_1,y_1,x_2,y_2)$, document it, and divide by the image side;
- **Balanced and varied**: uniform classes; random size, position and colour, so the model cannot classify from the pixel sum;
- **Controllable difficulty**: background noise, occlusion, minimum size.

**What tests can assert**: after a few epochs, classification accuracy well above 1/3, mean IoU well above the "always predict the mean box" baseline, and a falling loss. These tests **can fail**.

**Compared with the seed**: the seed's examples draw labels from \`np.random.random\`, so nothing can be learned and "training succeeded" only shows the code did not crash; and its "detector" has a single sigmoid output and predicts no box at all.`,
      },
    },
    references: [KARPATHY_RECIPE, GIOU],
    misconceptions: [
      {
        claim: {
          zh: '用 \`np.random.random((1000,10))\` 作为标签训练几轮，就能演示分类模型的训练与评估。',
          en: 'Training a few epochs on \`np.random.random((1000,10))\` labels demonstrates training and evaluating a classifier.',
        },
        correction: {
          zh: '这些行的和约为 5，不是概率分布，也没有可学习的信号；应使用有真实结构的数据（如合成形状或 MNIST）和 one-hot/整数标签。',
          en: 'Those rows sum to about 5, are not distributions and carry no learnable signal; use data with real structure (synthetic shapes, MNIST) and one-hot or integer labels.',
        },
        erratum: 16,
      },
      {
        claim: {
          zh: '一个输出单个 sigmoid 的二分类网络就是“目标检测”模型。',
          en: 'A network with a single sigmoid output is an "object detection" model.',
        },
        correction: {
          zh: '它只回答“有没有”，不输出边界框，也没有 NMS；单目标检测至少要类别输出加 4 个框坐标输出和框损失。',
          en: 'It only answers "present or not": no boxes, no NMS. Single-object detection needs a class output plus 4 box outputs and a box loss.',
        },
        erratum: 17,
      },
    ],
    verification: [VERIFY_SHAPES_DATASET, VERIFY_SINGLE_OBJECT_DETECTOR],
  },
  {
    id: 'cnn-resnet-degradation-problem',
    topic: 'cnn',
    subtopic: 'architectures',
    tags: ['resnet', 'degradation', 'optimization', 'depth'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: 'ResNet 论文中，56 层的普通（plain）网络在 CIFAR-10 上的**训练**误差比 20 层的更高。这是过拟合吗？是梯度消失吗？残差连接为什么能解决它？',
      en: 'In the ResNet paper a 56-layer plain network has a higher **training** error on CIFAR-10 than a 20-layer one. Is that overfitting? Vanishing gradients? Why do residual connections fix it?',
    },
    answer: {
      short: {
        zh: '都不是：训练误差更高说明不是过拟合；网络有批归一化，前向信号和梯度范数都正常，论文称之为“退化”——优化器找不到更深网络本可以表示的解（后面的层取恒等映射即可）。残差块学习 $F(x)=H(x)-x$，恒等映射只需 $F=0$，容易得多。',
        en: 'Neither: a higher training error rules out overfitting, and with batch normalization the forward signals and gradient norms are healthy. The paper calls it degradation: the optimizer fails to find a solution the deeper net can represent (extra layers as identities). A residual block learns $F(x)=H(x)-x$, and identity only needs $F=0$, which is easy.',
      },
      full: {
        zh: `**构造性论证**：把 20 层网络的权重复制到 56 层网络，额外的 36 层设为恒等映射，深网络的训练误差就不会更高。所以更深的普通网络训练误差更高，是**优化**问题，而不是表达能力或过拟合问题。

**不是梯度消失**：He 等人在每个卷积后使用 BN，并检查了前向响应与反向梯度的范数，二者都正常；他们推测深普通网络的收敛速度呈指数级变慢。

**残差连接**：块的输出 $y=x+F(x)$。若最优映射接近恒等，把 $F$ 推向 0（权重衰减本来就这样做）比让一叠非线性层拟合恒等容易得多；实验中残差函数的响应确实普遍很小。结果：ResNet-56 的训练和测试误差都低于 ResNet-20，152 层的 ImageNet 模型依然可以训练。

**相关工作**：Highway Networks（Srivastava 等 2015）用带门控的捷径；ResNet 的捷径没有参数、永远打开。`,
        en: `**Constructive argument**: copy the 20-layer weights into the 56-layer net and make the extra 36 layers identities; its training error cannot be higher. So a deeper plain net training worse is an **optimization** problem, not one of capacity or overfitting.

**Not vanishing gradients**: He et al. use BN after every convolution and checked that forward responses and backward gradient norms are healthy; they conjecture that deep plain nets converge exponentially slowly.

**Residual connections**: a block outputs $y=x+F(x)$. If the best mapping is close to identity, pushing $F$ to zero (which weight decay does anyway) is far easier than making a stack of nonlinear layers fit the identity; the residual responses are indeed small in practice. Result: ResNet-56 has lower training and test error than ResNet-20, and a 152-layer ImageNet model still trains.

**Related work**: Highway Networks (Srivastava et al. 2015) use gated shortcuts; ResNet's shortcuts have no parameters and are always open.`,
      },
    },
    references: [RESNET, HIGHWAY],
    misconceptions: [
      {
        claim: {
          zh: '更深的网络效果变差是因为过拟合。',
          en: 'Deeper networks do worse because they overfit.',
        },
        correction: {
          zh: '退化现象中训练误差也更高，过拟合只会让训练误差更低、测试误差更高。',
          en: 'In degradation the training error is also higher; overfitting would lower the training error while raising the test error.',
        },
      },
    ],
  },
  {
    id: 'cnn-residual-gradient-paths',
    topic: 'cnn',
    subtopic: 'architectures',
    tags: ['resnet', 'skip-connection', 'gradient-flow', 'ensembles'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: '对由 $L$ 个残差块 $x_{l+1}=x_l+F_l(x_l)$（恒等捷径、块后无激活）组成的网络，写出 $\\partial \\mathcal{L}/\\partial x_l$，并解释为什么梯度不会像普通深网络那样消失。“残差网络像浅网络的集成”是什么意思？',
      en: 'For a network of $L$ residual blocks $x_{l+1}=x_l+F_l(x_l)$ (identity shortcuts, no activation after the addition), write $\\partial \\mathcal{L}/\\partial x_l$ and explain why gradients do not vanish as in plain deep nets. What does "residual networks behave like ensembles of shallow networks" mean?',
    },
    answer: {
      short: {
        zh: '$x_L=x_l+\\sum_{i=l}^{L-1}F_i(x_i)$，所以 $\\frac{\\partial\\mathcal{L}}{\\partial x_l}=\\frac{\\partial\\mathcal{L}}{\\partial x_L}\\big(I+\\frac{\\partial}{\\partial x_l}\\sum_i F_i\\big)$：恒等项把梯度原样传回任意浅层，不经过任何权重矩阵的连乘。展开 $\\prod(I+J_i)$ 得到 $2^{L-l}$ 条不同长度的路径，梯度主要来自其中较短的路径。',
        en: '$x_L=x_l+\\sum_{i=l}^{L-1}F_i(x_i)$, so $\\frac{\\partial\\mathcal{L}}{\\partial x_l}=\\frac{\\partial\\mathcal{L}}{\\partial x_L}\\big(I+\\frac{\\partial}{\\partial x_l}\\sum_i F_i\\big)$: the identity term carries the gradient to any earlier block without a product of weight matrices. Expanding $\\prod(I+J_i)$ gives $2^{L-l}$ paths of different lengths, and most gradient comes from the short ones.',
      },
      full: {
        zh: `**展开**：反复代入得 $x_L=x_l+\\sum_{i=l}^{L-1}F_i(x_i)$，链式法则给出
$$\\frac{\\partial\\mathcal{L}}{\\partial x_l}=\\frac{\\partial\\mathcal{L}}{\\partial x_L}\\prod_{i=l}^{L-1}\\big(I+J_i\\big),\\qquad J_i=\\frac{\\partial F_i}{\\partial x_i}.$$
把乘积展开，第一项就是 $\\partial\\mathcal{L}/\\partial x_L$ 本身。普通网络只有 $\\prod J_i$ 这一项，它的范数随深度按几何级数缩小或放大；残差网络中总有一条不经过任何 $J_i$ 的路径，所以梯度不会因为 $J_i$ 很小而消失（He 等 2016 的 “Identity Mappings” 论文正是据此把 ReLU 移到加法之前，做成 pre-activation 块，让捷径保持纯恒等）。

**集成视角**：$\\prod(I+J_i)$ 展开后有 $2^{L-l}$ 项，每项对应一条经过部分残差分支的路径，路径长度服从二项分布。Veit 等（2016）发现：测试时删掉单个残差块几乎不影响 ResNet 的精度（普通 VGG 则会崩溃）；训练中的梯度绝大部分来自长度只有 10–34 的短路径（对 110 层网络）。所以 ResNet 的行为更像许多较浅网络的集成，而不是一条极深的链。

**注意**：如果捷径上有缩放或门控（例如乘以 0.5），恒等项就变为 $\\prod\\lambda_i$，又会随深度衰减——这就是为什么恒等捷径比带门控的捷径更好训练。`,
        en: `**Unrolling**: substituting repeatedly gives $x_L=x_l+\\sum_{i=l}^{L-1}F_i(x_i)$, and the chain rule gives
$$\\frac{\\partial\\mathcal{L}}{\\partial x_l}=\\frac{\\partial\\mathcal{L}}{\\partial x_L}\\prod_{i=l}^{L-1}\\big(I+J_i\\big),\\qquad J_i=\\frac{\\partial F_i}{\\partial x_i}.$$
Expanding the product, the first term is $\\partial\\mathcal{L}/\\partial x_L$ itself. A plain net has only $\\prod J_i$, whose norm shrinks or grows geometrically with depth; a residual net always has a path through no $J_i$ at all, so small $J_i$ cannot make the gradient vanish. (He et al.'s 2016 "Identity Mappings" paper moves the ReLU before the addition, the pre-activation block, precisely to keep the shortcut a pure identity.)

**Ensemble view**: $\\prod(I+J_i)$ expands into $2^{L-l}$ terms, each a path through a subset of residual branches, with binomially distributed lengths. Veit et al. (2016) found that deleting a single residual block at test time barely changes a ResNet's accuracy (a VGG collapses), and that most training gradient comes from short paths, of length 10–34 in a 110-layer net. ResNets behave more like an ensemble of shallower networks than one very deep chain.

**Caveat**: if the shortcut is scaled or gated (say multiplied by 0.5), the identity term becomes $\\prod\\lambda_i$ and decays with depth again, which is why identity shortcuts train better than gated ones.`,
      },
    },
    references: [RESNET_IDENTITY, VEIT_ENSEMBLES, RESNET],
  },
  {
    id: 'cnn-resnet18-parameter-count',
    topic: 'cnn',
    subtopic: 'architectures',
    tags: ['resnet', 'parameter-count', 'projection-shortcut', 'batch-normalization'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'ResNet-18 第二阶段的第一个 basic block 把 $56\\times56\\times64$ 变成 $28\\times28\\times128$：3×3 步幅 2 卷积（64→128）、3×3 卷积（128→128），捷径为 1×1 步幅 2 投影卷积（64→128），三个卷积都无偏置、各接一个 BN。这个块有多少参数？整个 ResNet-18（ImageNet，1000 类）有多少可训练参数？',
      en: 'The first basic block of ResNet-18\'s second stage maps $56\\times56\\times64$ to $28\\times28\\times128$: a 3×3 stride-2 convolution (64→128), a 3×3 convolution (128→128), and a 1×1 stride-2 projection shortcut (64→128); all three convolutions have no bias and are each followed by BN. How many parameters does the block have, and how many trainable parameters does the whole ResNet-18 (ImageNet, 1000 classes) have?',
    },
    answer: {
      short: {
        zh: '卷积权重 $73{,}728+147{,}456+8{,}192=229{,}376$，BN 的 $\\gamma,\\beta$ 为 $3\\cdot2\\cdot128=768$，合计 230,144。整个 ResNet-18 为 11,689,512 个可训练参数（与 torchvision 一致）。',
        en: 'Convolution weights $73{,}728+147{,}456+8{,}192=229{,}376$, plus BN $\\gamma,\\beta$: $3\\cdot2\\cdot128=768$, for 230,144. The whole ResNet-18 has 11,689,512 trainable parameters (matching torchvision).',
      },
      full: {
        zh: `**该块**：
- 3×3，64→128：$9\\cdot64\\cdot128=73{,}728$；
- 3×3，128→128：$9\\cdot128\\cdot128=147{,}456$；
- 投影 1×1，64→128：$64\\cdot128=8{,}192$；
- 三个 BN：$3\\cdot(128+128)=768$（另有 768 个不可训练的滑动均值/方差）。

合计 230,144。投影捷径只占约 3.6%，但没有它就无法把 64 通道加到 128 通道上（另一种选择是论文的选项 A：步幅 2 取样加零填充通道，无参数）。

**整个网络**：

| 部分 | 参数 |
|---|---|
| conv1 7×7（3→64）+ BN | $9{,}408+128=9{,}536$ |
| 阶段 1（2 块，64） | 147,968 |
| 阶段 2（2 块，128） | $230{,}144+295{,}424=525{,}568$ |
| 阶段 3（2 块，256） | $919{,}040+1{,}180{,}672=2{,}099{,}712$ |
| 阶段 4（2 块，512） | $3{,}673{,}088+4{,}720{,}640=8{,}393{,}728$ |
| fc 512→1000 | 513,000 |

合计 **11,689,512**。注意参数集中在最深的阶段（约 72%），而计算量在各阶段大致相当，因为通道翻倍时空间面积缩小为 1/4。`,
        en: `**The block**:
- 3×3, 64→128: $9\\cdot64\\cdot128=73{,}728$;
- 3×3, 128→128: $9\\cdot128\\cdot128=147{,}456$;
- 1×1 projection, 64→128: $64\\cdot128=8{,}192$;
- three BNs: $3\\cdot(128+128)=768$ (plus 768 non-trainable moving means/variances).

Total 230,144. The projection is only about 3.6%, but without it 64 channels cannot be added to 128 (the paper's parameter-free option A instead subsamples with stride 2 and zero-pads the extra channels).

**Whole network**:

| Part | Parameters |
|---|---|
| conv1 7×7 (3→64) + BN | $9{,}408+128=9{,}536$ |
| Stage 1 (2 blocks, 64) | 147,968 |
| Stage 2 (2 blocks, 128) | $230{,}144+295{,}424=525{,}568$ |
| Stage 3 (2 blocks, 256) | $919{,}040+1{,}180{,}672=2{,}099{,}712$ |
| Stage 4 (2 blocks, 512) | $3{,}673{,}088+4{,}720{,}640=8{,}393{,}728$ |
| fc 512→1000 | 513,000 |

Total **11,689,512**. The parameters sit in the deepest stage (about 72%), while compute is spread roughly evenly, because doubling the channels comes with a quarter of the spatial area.`,
      },
    },
    references: [RESNET, PYTORCH_CONV2D_DOC],
    verification: [VERIFY_PARAMETER_COUNT],
  },
  {
    id: 'cnn-mobilenet-multipliers',
    topic: 'cnn',
    subtopic: 'efficient-convolutions',
    tags: ['mobilenet', 'width-multiplier', 'resolution-multiplier', 'flops'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'MobileNet 的一个深度可分离层在 $14\\times14\\times512$ 上输出 512 通道（3×3 深度卷积 + 1×1 逐点卷积）。计算它的乘加次数，以及宽度乘子 $\\alpha=0.5$、分辨率乘子使特征图变为 $7\\times7$ 时的乘加次数。为什么代价大约按 $\\alpha^2\\rho^2$ 缩放？',
      en: 'A MobileNet depthwise-separable layer maps $14\\times14\\times512$ to 512 channels (3×3 depthwise + 1×1 pointwise). Compute its multiply-adds, then with width multiplier $\\alpha=0.5$, and with a resolution multiplier that makes the map $7\\times7$. Why does the cost scale roughly as $\\alpha^2\\rho^2$?',
    },
    answer: {
      short: {
        zh: '$14^2(9\\cdot512+512^2)=52{,}283{,}392$；$\\alpha=0.5$：$14^2(9\\cdot256+256^2)=13{,}296{,}640$（约 0.254 倍）；$7\\times7$：13,070,848（恰好 0.25 倍）。逐点卷积 $\\propto c_{in}c_{out}$ 占主导，两个通道数都乘 $\\alpha$；所有项都与面积成正比，面积乘 $\\rho^2$。',
        en: '$14^2(9\\cdot512+512^2)=52{,}283{,}392$; $\\alpha=0.5$: $14^2(9\\cdot256+256^2)=13{,}296{,}640$ (about 0.254×); $7\\times7$: 13,070,848 (exactly 0.25×). The pointwise term $\\propto c_{in}c_{out}$ dominates and both channel counts scale by $\\alpha$; every term is proportional to the area, which scales by $\\rho^2$.',
      },
      full: {
        zh: `**代价**：深度卷积 $HWk^2c_{in}$，逐点卷积 $HWc_{in}c_{out}$：
$$14^2\\,(9\\cdot512+512\\cdot512)=196\\cdot(4{,}608+262{,}144)=52{,}283{,}392 .$$
同尺寸的标准 3×3 卷积为 $196\\cdot9\\cdot512^2=462{,}422{,}016$，约 8.84 倍。

**宽度乘子** $\\alpha=0.5$（输入、输出通道都变成 256）：$196\\cdot(2{,}304+65{,}536)=13{,}296{,}640$，比值 0.2543。深度卷积项只按 $\\alpha$ 缩放，所以比 $\\alpha^2=0.25$ 稍大；逐点卷积占 98% 以上，故近似 $\\alpha^2$。参数也近似按 $\\alpha^2$ 缩放。

**分辨率乘子**（$\\rho=0.5$，$7\\times7$）：$49\\cdot(4{,}608+262{,}144)=13{,}070{,}848$，恰好 0.25 倍；参数量不变。

Howard 等（2017）用这两个超参数在精度与延迟之间折中：ImageNet 上 $\\alpha$ 取 1、0.75、0.5、0.25，输入分辨率取 224、192、160、128。`,
        en: `**Cost**: depthwise $HWk^2c_{in}$, pointwise $HWc_{in}c_{out}$:
$$14^2\\,(9\\cdot512+512\\cdot512)=196\\cdot(4{,}608+262{,}144)=52{,}283{,}392 .$$
A standard 3×3 convolution of the same size costs $196\\cdot9\\cdot512^2=462{,}422{,}016$, about 8.84 times more.

**Width multiplier** $\\alpha=0.5$ (256 channels in and out): $196\\cdot(2{,}304+65{,}536)=13{,}296{,}640$, a ratio of 0.2543. The depthwise term scales only by $\\alpha$, so the ratio is slightly above $\\alpha^2=0.25$; the pointwise term is over 98% of the cost, hence roughly $\\alpha^2$. Parameters also scale roughly by $\\alpha^2$.

**Resolution multiplier** ($\\rho=0.5$, $7\\times7$): $49\\cdot(4{,}608+262{,}144)=13{,}070{,}848$, exactly 0.25×; the parameters do not change.

Howard et al. (2017) trade accuracy for latency with these two knobs: $\\alpha\\in\\{1,0.75,0.5,0.25\\}$ and input resolutions 224, 192, 160, 128 on ImageNet.`,
      },
    },
    references: [MOBILENET],
    verification: [VERIFY_CONV_FLOPS],
  },
  {
    id: 'cnn-mobilenetv2-inverted-residual',
    topic: 'cnn',
    subtopic: 'efficient-convolutions',
    tags: ['mobilenet-v2', 'inverted-residual', 'linear-bottleneck', 'parameter-count'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'MobileNetV2 的倒残差块：输入 24 通道，1×1 扩展到 $6\\times24=144$ 通道（ReLU6），3×3 深度卷积（ReLU6），1×1 线性投影回 24 通道，再加上捷径。计算卷积权重数（无偏置、不计 BN）和在 $56\\times56$ 上的乘加次数。为什么叫“倒”残差？为什么最后一层不加 ReLU？',
      en: 'A MobileNetV2 inverted residual block: 24 input channels, a 1×1 expansion to $6\\times24=144$ channels (ReLU6), a 3×3 depthwise convolution (ReLU6), a linear 1×1 projection back to 24 channels, and a shortcut. Compute the convolution weights (no bias, BN excluded) and the multiply-adds on $56\\times56$. Why is it "inverted", and why is there no ReLU after the projection?',
    },
    answer: {
      short: {
        zh: '权重 $24\\cdot144+9\\cdot144+144\\cdot24=8{,}208$，乘加 $56^2\\cdot8{,}208=25{,}740{,}288$。ResNet 瓶颈是“宽-窄-宽”、捷径连接宽的一端；这里是“窄-宽-窄”、捷径连接窄的瓶颈。低维瓶颈上再加 ReLU 会不可逆地丢掉信息，所以投影层保持线性。',
        en: 'Weights $24\\cdot144+9\\cdot144+144\\cdot24=8{,}208$; multiply-adds $56^2\\cdot8{,}208=25{,}740{,}288$. A ResNet bottleneck is wide–narrow–wide with the shortcut on the wide ends; this block is narrow–wide–narrow with the shortcut between narrow bottlenecks. A ReLU on the low-dimensional bottleneck destroys information irreversibly, so the projection stays linear.',
      },
      full: {
        zh: `**权重**：
- 扩展 1×1：$24\\cdot144=3{,}456$；
- 深度 3×3：$9\\cdot144=1{,}296$；
- 投影 1×1：$144\\cdot24=3{,}456$；

合计 8,208。每个像素的乘加次数等于权重数（步幅 1、'same'），所以 $3{,}136\\cdot8{,}208=25{,}740{,}288$。

**“倒”**：经典瓶颈先用 1×1 压缩通道，再做 3×3，最后扩展回去，捷径连接高维张量；MobileNetV2 先扩展（$t=6$）、在高维空间做便宜的深度卷积、再压缩，捷径连接的是低维张量，因此需要保存的激活更少，适合移动端内存。

**线性瓶颈**：Sandler 等论证，感兴趣的特征流形位于激活空间的低维子空间中；在通道很少的空间里施加 ReLU 会把一部分坐标截为 0，信息无法恢复；在扩展后的高维空间施加 ReLU 则损失很小。实验中给投影层加 ReLU 会降低精度。ReLU6（上限为 6）是为了低精度推理时数值范围固定。`,
        en: `**Weights**:
- 1×1 expansion: $24\\cdot144=3{,}456$;
- 3×3 depthwise: $9\\cdot144=1{,}296$;
- 1×1 projection: $144\\cdot24=3{,}456$;

total 8,208. With stride 1 and 'same' padding each pixel costs as many multiply-adds as there are weights: $3{,}136\\cdot8{,}208=25{,}740{,}288$.

**"Inverted"**: a classic bottleneck compresses with 1×1, applies 3×3, expands back, and its shortcut joins the high-dimensional tensors; MobileNetV2 expands first ($t=6$), runs the cheap depthwise convolution in the wide space, then compresses, so the shortcut joins low-dimensional tensors and fewer activations must be kept in memory.

**Linear bottleneck**: Sandler et al. argue that the manifold of interest lies in a low-dimensional subspace of the activations; a ReLU in a space with few channels zeroes some coordinates for good, whereas in the expanded space it loses little. Adding a ReLU after the projection lowers accuracy in their experiments. ReLU6 (capped at 6) keeps a fixed range for low-precision inference.`,
      },
    },
    references: [MOBILENET_V2, RESNET],
    verification: [VERIFY_PARAMETER_COUNT, VERIFY_CONV_FLOPS],
  },
  {
    id: 'cnn-grouped-convolution',
    topic: 'cnn',
    subtopic: 'efficient-convolutions',
    tags: ['grouped-convolution', 'resnext', 'cardinality', 'parameter-count'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: '一个 3×3、128→128 通道的卷积，分成 $g=32$ 组时有多少权重？在 $56\\times56$ 上（步幅 1、\'same\'）的乘加次数是多少？与不分组相比如何？分组卷积有什么副作用，ShuffleNet 如何弥补？',
      en: 'How many weights does a 3×3, 128→128 convolution have when split into $g=32$ groups, and how many multiply-adds on $56\\times56$ (stride 1, \'same\')? How does that compare with the ungrouped convolution? What is the side effect of grouping, and how does ShuffleNet compensate?',
    },
    answer: {
      short: {
        zh: '每组 $4\\to4$ 通道：$9\\cdot4\\cdot128=4{,}608$ 个权重（不分组为 147,456），乘加 $56^2\\cdot4{,}608=14{,}450{,}688$（不分组为 462,422,016），都少 $g=32$ 倍。副作用是各组之间不交换信息；ResNeXt 用其后的 1×1 卷积混合，ShuffleNet 用通道重排（channel shuffle）。',
        en: 'Each group maps 4→4 channels: $9\\cdot4\\cdot128=4{,}608$ weights (147,456 ungrouped) and $56^2\\cdot4{,}608=14{,}450{,}688$ multiply-adds (462,422,016 ungrouped), both $g=32$ times fewer. The side effect is that groups exchange no information; ResNeXt mixes them with the following 1×1 convolution, ShuffleNet with a channel shuffle.',
      },
      full: {
        zh: `**公式**：$g$ 组时每个输出通道只看 $c_{in}/g$ 个输入通道，
$$\\#W=k^2\\frac{c_{in}}{g}c_{out},\\qquad \\#\\text{MAC}=H_{out}W_{out}\\,k^2\\frac{c_{in}}{g}c_{out}.$$
本例：$9\\cdot4\\cdot128=4{,}608$ 与 $3{,}136\\cdot4{,}608=14{,}450{,}688$；不分组分别为 147,456 与 462,422,016。

**历史与用途**：AlexNet 因为显存不足把网络拆到两块 GPU 上（$g=2$）；ResNeXt 把分组数称为“基数”（cardinality），在同样的计算量下增加基数比加深或加宽更有效（ResNeXt-50 32×4d 的 3×3 层就是 32 组、每组 4 通道）。深度卷积是 $g=c_{in}$ 的极端情形。

**副作用**：输出通道 $j$ 只依赖同组的输入，多层堆叠后信息始终在组内流动。解决办法：在分组卷积后接 1×1 稠密卷积（ResNeXt、MobileNet），或在两层分组卷积之间做通道重排（ShuffleNet，Zhang 等 2017）。另外分组卷积的实际速度常不及 FLOPs 所示，因为访存与 FLOPs 之比更高。`,
        en: `**Formula**: with $g$ groups each output channel sees only $c_{in}/g$ input channels,
$$\\#W=k^2\\frac{c_{in}}{g}c_{out},\\qquad \\#\\text{MAC}=H_{out}W_{out}\\,k^2\\frac{c_{in}}{g}c_{out}.$$
Here $9\\cdot4\\cdot128=4{,}608$ and $3{,}136\\cdot4{,}608=14{,}450{,}688$, against 147,456 and 462,422,016 ungrouped.

**History and uses**: AlexNet split the network across two GPUs for memory ($g=2$); ResNeXt calls the number of groups "cardinality" and shows that raising it beats going deeper or wider at equal compute (ResNeXt-50 32×4d's 3×3 layers have 32 groups of 4 channels). A depthwise convolution is the extreme $g=c_{in}$.

**Side effect**: output channel $j$ depends only on its own group, and stacked grouped layers keep information inside the groups. Fixes: a dense 1×1 convolution after the grouped one (ResNeXt, MobileNet), or a channel shuffle between grouped layers (ShuffleNet, Zhang et al. 2017). Grouped convolutions are also slower than their FLOPs suggest, because their memory traffic per FLOP is higher.`,
      },
    },
    references: [RESNEXT, ALEXNET, MOBILENET],
    verification: [VERIFY_PARAMETER_COUNT, VERIFY_CONV_FLOPS],
  },
  {
    id: 'cnn-squeeze-excitation',
    topic: 'cnn',
    subtopic: 'architectures',
    tags: ['squeeze-excitation', 'channel-attention', 'parameter-count', 'senet'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: '描述 Squeeze-and-Excitation（SE）模块。对 $C=256$、压缩比 $r=16$ 的 SE 模块（两个带偏置的全连接层），参数量是多少？与一个 3×3、256→256 的卷积（无偏置）相比占多大比例？',
      en: 'Describe the Squeeze-and-Excitation (SE) block. How many parameters does an SE block with $C=256$ and reduction ratio $r=16$ (two dense layers with biases) have, and what fraction is that of a 3×3, 256→256 convolution (no bias)?',
    },
    answer: {
      short: {
        zh: '全局平均池化得到每通道一个数（squeeze），经 $C\\to C/r$（ReLU）$\\to C$（sigmoid）得到通道权重，再逐通道缩放特征图（excitation）。参数 $256\\cdot16+16+16\\cdot256+256=8{,}464$，约为该卷积 589,824 个权重的 1.4%。',
        en: 'Global average pooling gives one number per channel (squeeze); $C\\to C/r$ (ReLU) $\\to C$ (sigmoid) gives channel weights that rescale the feature map (excitation). Parameters: $256\\cdot16+16+16\\cdot256+256=8{,}464$, about 1.4% of the convolution\'s 589,824 weights.',
      },
      full: {
        zh: `**结构**：对特征图 $U\\in\\mathbb{R}^{H\\times W\\times C}$，
$$z=\\mathrm{GAP}(U)\\in\\mathbb{R}^C,\\quad s=\\sigma\\big(W_2\\,\\mathrm{ReLU}(W_1z+b_1)+b_2\\big),\\quad \\tilde U_{:,:,c}=s_c\\,U_{:,:,c}.$$
它是一种通道注意力：用全局上下文决定哪些通道更重要，弥补了卷积只看局部邻域的不足。

**参数**：$W_1$：$256\\cdot16+16=4{,}112$；$W_2$：$16\\cdot256+256=4{,}352$；合计 8,464。对比 3×3 卷积 $9\\cdot256\\cdot256=589{,}824$，约 1.43%。Hu 等报告 SE-ResNet-50 只增加约 10% 参数、不到 1% 的计算，却把 ImageNet top-5 错误率降低约 0.9 个百分点（ILSVRC 2017 冠军）。

**要点**：sigmoid 而非 softmax，让多个通道可以同时被强调；$r$ 控制容量与开销的折中；EfficientNet 的 MBConv 块也内置了 SE。`,
        en: `**Structure**: for a feature map $U\\in\\mathbb{R}^{H\\times W\\times C}$,
$$z=\\mathrm{GAP}(U)\\in\\mathbb{R}^C,\\quad s=\\sigma\\big(W_2\\,\\mathrm{ReLU}(W_1z+b_1)+b_2\\big),\\quad \\tilde U_{:,:,c}=s_c\\,U_{:,:,c}.$$
It is channel attention: global context decides which channels matter, compensating for convolutions seeing only local neighbourhoods.

**Parameters**: $W_1$: $256\\cdot16+16=4{,}112$; $W_2$: $16\\cdot256+256=4{,}352$; total 8,464, against $9\\cdot256\\cdot256=589{,}824$ for the 3×3 convolution, about 1.43%. Hu et al. report that SE-ResNet-50 adds about 10% parameters and under 1% compute while lowering ImageNet top-5 error by about 0.9 points (ILSVRC 2017 winner).

**Points**: a sigmoid rather than a softmax, so several channels can be emphasised at once; $r$ trades capacity for cost; EfficientNet's MBConv blocks include SE.`,
      },
    },
    references: [SENET, EFFICIENTNET],
    verification: [VERIFY_PARAMETER_COUNT],
  },
  {
    id: 'cnn-densenet-growth-rate',
    topic: 'cnn',
    subtopic: 'architectures',
    tags: ['densenet', 'growth-rate', 'concatenation', 'parameter-count'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'DenseNet-BC 的一个稠密块有 6 层，输入 64 通道，增长率 $k=32$；每层是 BN-ReLU-1×1 卷积（输出 $4k=128$）-BN-ReLU-3×3 卷积（输出 $k$），其输出与之前所有特征拼接。块的输出有多少通道？6 层的卷积权重共有多少（无偏置）？与 ResNet 的相加式捷径有什么区别？',
      en: 'A DenseNet-BC dense block has 6 layers, 64 input channels and growth rate $k=32$; each layer is BN-ReLU-1×1 conv (to $4k=128$)-BN-ReLU-3×3 conv (to $k$), and its output is concatenated with all earlier features. How many channels leave the block, and how many convolution weights do the 6 layers hold (no bias)? How does this differ from ResNet\'s additive shortcuts?',
    },
    answer: {
      short: {
        zh: '输出 $64+6\\cdot32=256$ 通道。1×1 层输入依次为 64、96、…、224，权重 $128\\cdot864=110{,}592$；3×3 层 $6\\cdot9\\cdot128\\cdot32=221{,}184$；合计 331,776。DenseNet 拼接而非相加，每层都能直接读取之前所有特征，特征复用，参数少，但拼接使激活内存随深度二次增长。',
        en: '$64+6\\cdot32=256$ channels leave the block. The 1×1 layers see 64, 96, …, 224 channels: $128\\cdot864=110{,}592$ weights; the 3×3 layers $6\\cdot9\\cdot128\\cdot32=221{,}184$; total 331,776. DenseNet concatenates instead of adding, so every layer reads all earlier features directly (feature reuse, few parameters), but concatenation makes activation memory grow quadratically with depth.',
      },
      full: {
        zh: `**通道**：第 $l$ 层（从 1 开始）的输入为 $k_0+(l-1)k$ 通道：64、96、128、160、192、224；块输出 $64+6\\cdot32=256$。

**权重**：
- 1×1 瓶颈：$128\\cdot(64+96+128+160+192+224)=128\\cdot864=110{,}592$；
- 3×3：每层 $9\\cdot128\\cdot32=36{,}864$，6 层 221,184；

合计 331,776（BN 另计）。块之间的过渡层用 1×1 卷积把通道压缩为 $\\theta=0.5$ 倍并做 2×2 平均池化。

**与 ResNet 的区别**：ResNet 的 $x_{l+1}=x_l+F(x_l)$ 把新信息加进同一个表示；DenseNet 的 $x_l=H_l([x_0,\\dots,x_{l-1}])$ 保留所有旧特征，每层只新增 $k$ 个通道，因此增长率可以很小，深层监督信号也能直接到达浅层。代价是拼接后的张量越来越宽，朴素实现的内存为 $O(L^2)$，需要共享内存或重计算的实现（memory-efficient DenseNet）。`,
        en: `**Channels**: layer $l$ (from 1) sees $k_0+(l-1)k$ channels: 64, 96, 128, 160, 192, 224; the block outputs $64+6\\cdot32=256$.

**Weights**:
- 1×1 bottlenecks: $128\\cdot(64+96+128+160+192+224)=128\\cdot864=110{,}592$;
- 3×3: $9\\cdot128\\cdot32=36{,}864$ per layer, 221,184 for six;

total 331,776 (BN extra). Transition layers between blocks compress the channels by $\\theta=0.5$ with a 1×1 convolution and apply 2×2 average pooling.

**Versus ResNet**: ResNet's $x_{l+1}=x_l+F(x_l)$ adds new information into one representation; DenseNet's $x_l=H_l([x_0,\\dots,x_{l-1}])$ keeps every earlier feature and each layer adds only $k$ channels, so the growth rate can be small and supervision reaches early layers directly. The price is ever wider concatenations: a naive implementation needs $O(L^2)$ memory, hence shared-memory or recomputation implementations (memory-efficient DenseNet).`,
      },
    },
    references: [DENSENET, RESNET],
    verification: [VERIFY_PARAMETER_COUNT],
  },
  {
    id: 'cnn-efficientnet-compound-scaling',
    topic: 'cnn',
    subtopic: 'architectures',
    tags: ['efficientnet', 'compound-scaling', 'flops', 'model-scaling'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'EfficientNet 用 $d=\\alpha^\\phi,\\;w=\\beta^\\phi,\\;r=\\gamma^\\phi$ 同时缩放深度、宽度和分辨率，约束 $\\alpha\\beta^2\\gamma^2\\approx2$。为什么宽度和分辨率是平方？对论文的 $\\alpha=1.2,\\beta=1.1,\\gamma=1.15$，计算 $\\alpha\\beta^2\\gamma^2$，以及 $\\phi=3$ 时 FLOPs 约为基线的多少倍。',
      en: 'EfficientNet scales depth, width and resolution together as $d=\\alpha^\\phi,\\;w=\\beta^\\phi,\\;r=\\gamma^\\phi$ with $\\alpha\\beta^2\\gamma^2\\approx2$. Why are width and resolution squared? For the paper\'s $\\alpha=1.2,\\beta=1.1,\\gamma=1.15$, compute $\\alpha\\beta^2\\gamma^2$ and roughly how many times the baseline FLOPs $\\phi=3$ costs.',
    },
    answer: {
      short: {
        zh: '卷积 FLOPs $\\propto$ 层数 $\\times\\,c_{in}c_{out}\\times HW$：深度线性，宽度（两个通道数）平方，分辨率（两个边长）平方。$1.2\\cdot1.1^2\\cdot1.15^2\\approx1.920$，$\\phi=3$ 时约 $1.920^3\\approx7.08$ 倍（约 $2^3=8$）。',
        en: 'Convolution FLOPs $\\propto$ layers $\\times\\,c_{in}c_{out}\\times HW$: linear in depth, quadratic in width (both channel counts) and in resolution (both sides). $1.2\\cdot1.1^2\\cdot1.15^2\\approx1.920$, so $\\phi=3$ costs about $1.920^3\\approx7.08$ times the baseline (close to $2^3=8$).',
      },
      full: {
        zh: `**为什么是平方**：一层卷积的 FLOPs 为 $2HWk^2c_{in}c_{out}$。宽度乘 $w$ 时 $c_{in}$ 与 $c_{out}$ 都乘 $w$，FLOPs 乘 $w^2$；分辨率乘 $r$ 时 $H$ 与 $W$ 都乘 $r$，FLOPs 乘 $r^2$；深度乘 $d$ 时层数乘 $d$，FLOPs 乘 $d$。所以总 FLOPs 约乘 $(\\alpha\\beta^2\\gamma^2)^\\phi$，约束为 2 意味着 $\\phi$ 每加 1，计算量约翻倍。

**计算**：$1.1^2=1.21$，$1.15^2=1.3225$，$1.2\\cdot1.21\\cdot1.3225=1.92027$；$1.92027^3\\approx7.08$。

**思想**：Tan & Le 发现单独加深、加宽或提高分辨率都会很快饱和；更高的分辨率需要更大的感受野（更深）和更多通道来捕获细粒度模式，所以三者应按固定比例一起增长。$\\alpha,\\beta,\\gamma$ 在小模型（B0，由 NAS 得到）上用网格搜索确定，再用 $\\phi$ 得到 B1–B7。注意 FLOPs 不等于延迟：深度卷积和 SE 模块使 EfficientNet 在 GPU 上的实际速度不如其 FLOPs 所示。`,
        en: `**Why squared**: a convolution costs $2HWk^2c_{in}c_{out}$ FLOPs. Scaling width by $w$ multiplies both $c_{in}$ and $c_{out}$, so FLOPs by $w^2$; scaling resolution by $r$ multiplies $H$ and $W$, so FLOPs by $r^2$; scaling depth by $d$ multiplies the number of layers, so FLOPs by $d$. Total FLOPs scale by about $(\\alpha\\beta^2\\gamma^2)^\\phi$, and the constraint of 2 means each step of $\\phi$ roughly doubles the compute.

**Numbers**: $1.1^2=1.21$, $1.15^2=1.3225$, $1.2\\cdot1.21\\cdot1.3225=1.92027$; $1.92027^3\\approx7.08$.

**Idea**: Tan & Le found that scaling depth, width or resolution alone saturates quickly; higher resolution needs a larger receptive field (depth) and more channels for finer patterns, so the three should grow in a fixed proportion. $\\alpha,\\beta,\\gamma$ are found by grid search on the small B0 (itself from NAS), and $\\phi$ gives B1–B7. FLOPs are not latency: depthwise convolutions and SE blocks make EfficientNet slower on GPUs than its FLOPs suggest.`,
      },
    },
    references: [EFFICIENTNET],
    verification: [VERIFY_CONV_FLOPS],
  },
  {
    id: 'cnn-global-average-pooling',
    topic: 'cnn',
    subtopic: 'classification',
    tags: ['global-average-pooling', 'class-activation-map', 'flatten', 'input-size'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: '分类网络末端用全局平均池化（GAP）代替 Flatten + 全连接层有什么好处？类激活图（CAM）是如何利用 GAP 的？',
      en: 'What do you gain by ending a classifier with global average pooling (GAP) instead of Flatten + dense layers? How do class activation maps (CAM) exploit GAP?',
    },
    answer: {
      short: {
        zh: 'GAP 没有参数，大幅减少头部参数和过拟合；输出与输入尺寸无关，网络可接受任意分辨率；每个通道对应一种“概念”的整体强度。CAM 把最后一层的类别权重作用到 GAP 之前的特征图上，$M_c=\\sum_k w_k^c f_k(x,y)$，得到该类别的定位热图。',
        en: 'GAP has no parameters, which shrinks the head and its overfitting; its output does not depend on the input size, so any resolution works; each channel becomes the overall strength of one "concept". CAM applies the final layer\'s class weights to the feature maps before GAP, $M_c=\\sum_k w_k^c f_k(x,y)$, giving a localisation heatmap for class $c$.',
      },
      full: {
        zh: `**好处**：

- **参数**：VGG-16 的三个全连接层有约 1.24 亿参数，而 GAP + Dense(1000) 只有 513,000（见 VGG-16 参数题）。
- **正则化**：NIN（Lin 等 2013）把 GAP 当作结构性正则，替代 dropout 后的大 FC 层。
- **任意输入尺寸**：Flatten 后的维度取决于 $H\\times W$，换分辨率就无法加载权重；GAP 总是输出 $C$ 维。
- **平移鲁棒**：对空间位置求平均，对物体位置不敏感。

**CAM**（Zhou 等 2016）：设 $f_k(x,y)$ 为最后一个卷积层第 $k$ 个通道，类别分数 $S_c=\\sum_k w_k^c\\,\\frac{1}{HW}\\sum_{x,y}f_k(x,y)=\\frac{1}{HW}\\sum_{x,y}M_c(x,y)$。交换求和顺序，$M_c(x,y)=\\sum_k w_k^c f_k(x,y)$ 就是分数在空间上的分解，上采样到原图即得到热图，可用于弱监督定位。Grad-CAM 把它推广到没有 GAP 的网络。

**代价**：丢掉了空间排布信息；需要位置信息的任务（检测、分割、细粒度分类的某些设置）要保留空间维度。`,
        en: `**Gains**:

- **Parameters**: VGG-16's three dense layers hold about 124 million parameters, GAP + Dense(1000) only 513,000 (see the VGG-16 budget question).
- **Regularisation**: NIN (Lin et al. 2013) introduced GAP as a structural regulariser in place of large dropout-regularised FC layers.
- **Any input size**: the flattened size depends on $H\\times W$, so a new resolution breaks the weights; GAP always outputs $C$ values.
- **Translation robustness**: averaging over positions ignores where the object is.

**CAM** (Zhou et al. 2016): with $f_k(x,y)$ the $k$-th channel of the last conv layer, the class score is $S_c=\\sum_k w_k^c\\,\\frac{1}{HW}\\sum_{x,y}f_k(x,y)=\\frac{1}{HW}\\sum_{x,y}M_c(x,y)$. Swapping the sums, $M_c(x,y)=\\sum_k w_k^c f_k(x,y)$ decomposes the score over space; upsampled to the image it is a heatmap usable for weakly supervised localisation. Grad-CAM generalises it to networks without GAP.

**Cost**: the spatial layout is discarded; tasks that need positions (detection, segmentation, some fine-grained settings) must keep the spatial dimensions.`,
      },
    },
    references: [NIN, CAM, GOOGLENET],
  },
  // -------------------------------------------------------------------------
  // Normalization
  // -------------------------------------------------------------------------
  {
    id: 'cnn-batchnorm-folding',
    topic: 'cnn',
    subtopic: 'normalization',
    tags: ['batch-normalization', 'inference', 'folding', 'deployment'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: '推理时为什么可以把批归一化“折叠”进前面的卷积？写出新的权重和偏置。用标量例子验证：卷积 $y=0.5x+1$，BN 的 $\\gamma=2,\\beta=0.1$，滑动均值 $\\mu=3$，滑动方差 $\\sigma^2=4$（取 $\\epsilon=0$）。训练时能折叠吗？',
      en: 'Why can batch normalization be "folded" into the preceding convolution at inference, and what are the new weights and bias? Check with a scalar example: convolution $y=0.5x+1$, BN with $\\gamma=2,\\beta=0.1$, moving mean $\\mu=3$, moving variance $\\sigma^2=4$ (take $\\epsilon=0$). Can you fold during training?',
    },
    answer: {
      short: {
        zh: '推理时 BN 用固定的滑动统计量，是逐通道的仿射变换，可与线性的卷积合并：$W\'=\\frac{\\gamma}{\\sqrt{\\sigma^2+\\epsilon}}W$，$b\'=\\frac{\\gamma(b-\\mu)}{\\sqrt{\\sigma^2+\\epsilon}}+\\beta$。例子得 $W\'=0.5$，$b\'=-1.9$。训练时统计量随批次变化，不能折叠。',
        en: 'At inference BN uses fixed moving statistics, so it is a per-channel affine map and merges with the linear convolution: $W\'=\\frac{\\gamma}{\\sqrt{\\sigma^2+\\epsilon}}W$, $b\'=\\frac{\\gamma(b-\\mu)}{\\sqrt{\\sigma^2+\\epsilon}}+\\beta$. The example gives $W\'=0.5$, $b\'=-1.9$. During training the statistics change with every batch, so it cannot be folded.',
      },
      full: {
        zh: `**推导**：对输出通道 $c$，卷积 $y_c=W_c\\star x+b_c$，推理时 BN 为
$$z_c=\\gamma_c\\frac{y_c-\\mu_c}{\\sqrt{\\sigma_c^2+\\epsilon}}+\\beta_c=\\underbrace{\\frac{\\gamma_c}{\\sqrt{\\sigma_c^2+\\epsilon}}W_c}_{W_c'}\\star x+\\underbrace{\\frac{\\gamma_c(b_c-\\mu_c)}{\\sqrt{\\sigma_c^2+\\epsilon}}+\\beta_c}_{b_c'} .$$
缩放因子作用于第 $c$ 个卷积核的全部 $k^2c_{in}$ 个权重。

**例子**：$\\sqrt{4}=2$，$W'=2\\cdot0.5/2=0.5$，$b'=2(1-3)/2+0.1=-1.9$。直接计算：$z=2\\big((0.5x+1)-3\\big)/2+0.1=0.5x-1.9$，一致。

**收益**：推理时少一次逐元素运算和一次内存读写，是 TensorRT、TFLite 转换器的标准优化；卷积原本没有偏置时（\`useBias: false\`）折叠后会产生一个偏置。

**训练时不行**：训练时 $\\mu,\\sigma^2$ 是当前批次的统计量，依赖于输入，不是常数；且梯度要穿过批统计量。量化感知训练中的“BN 折叠”是模拟折叠后的权重，同时仍用批统计量。另外，若 BN 在激活之后（conv→ReLU→BN），就只能折叠进**下一个**卷积，而且遇到零填充时边界处不完全等价。`,
        en: `**Derivation**: for output channel $c$ the convolution is $y_c=W_c\\star x+b_c$ and inference-mode BN is
$$z_c=\\gamma_c\\frac{y_c-\\mu_c}{\\sqrt{\\sigma_c^2+\\epsilon}}+\\beta_c=\\underbrace{\\frac{\\gamma_c}{\\sqrt{\\sigma_c^2+\\epsilon}}W_c}_{W_c'}\\star x+\\underbrace{\\frac{\\gamma_c(b_c-\\mu_c)}{\\sqrt{\\sigma_c^2+\\epsilon}}+\\beta_c}_{b_c'} .$$
The scale multiplies all $k^2c_{in}$ weights of filter $c$.

**Example**: $\\sqrt4=2$, $W'=2\\cdot0.5/2=0.5$, $b'=2(1-3)/2+0.1=-1.9$. Directly: $z=2\\big((0.5x+1)-3\\big)/2+0.1=0.5x-1.9$. They agree.

**Payoff**: one element-wise pass and one memory round trip fewer at inference; a standard optimisation in TensorRT and the TFLite converter. A convolution without bias (\`useBias: false\`) gains one after folding.

**Not during training**: there $\\mu,\\sigma^2$ are statistics of the current batch, functions of the input, and gradients must flow through them. "BN folding" in quantisation-aware training simulates the folded weights while still using batch statistics. If BN comes after the activation (conv→ReLU→BN) it can only be folded into the **next** convolution, and with zero padding that is not exact at the borders.`,
      },
    },
    references: [BATCHNORM, PYTORCH_BATCHNORM_DOC],
  },
  {
    id: 'cnn-normalization-axes',
    topic: 'cnn',
    subtopic: 'normalization',
    tags: ['batch-normalization', 'layer-normalization', 'group-normalization', 'instance-normalization'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: '对形状为 $(N,H,W,C)$ 的特征图，批归一化、层归一化、实例归一化和组归一化分别在哪些轴上计算均值和方差？各自的可学习参数有多少？它们之间有什么关系，各适合什么场景？',
      en: 'For a feature map of shape $(N,H,W,C)$, over which axes do batch, layer, instance and group normalization compute the mean and variance? How many learned parameters does each have? How are they related, and where does each fit?',
    },
    answer: {
      short: {
        zh: 'BN：每个通道在 $(N,H,W)$ 上；LN：每个样本在 $(H,W,C)$ 上；IN：每个样本每个通道在 $(H,W)$ 上；GN：每个样本每组 $C/G$ 个通道在 $(H,W,C/G)$ 上。CNN 中四者通常都有逐通道的 $\\gamma,\\beta$，共 $2C$ 个参数。GN 在 $G=1$ 时即 LN，$G=C$ 时即 IN；后三者与批大小无关。',
        en: 'BN: per channel over $(N,H,W)$; LN: per sample over $(H,W,C)$; IN: per sample and channel over $(H,W)$; GN: per sample and group of $C/G$ channels over $(H,W,C/G)$. In CNNs all four usually have per-channel $\\gamma,\\beta$: $2C$ parameters. GN with $G=1$ is LN and with $G=C$ is IN; the last three do not depend on the batch size.',
      },
      full: {
        zh: `**统计量的轴**：

| 方法 | 统计量个数 | 求均值/方差的轴 | 依赖批大小 |
|---|---|---|---|
| BatchNorm | $C$ | $N,H,W$ | 是 |
| LayerNorm | $N$ | $H,W,C$ | 否 |
| InstanceNorm | $N\\cdot C$ | $H,W$ | 否 |
| GroupNorm（$G$ 组） | $N\\cdot G$ | $H,W$ 与组内 $C/G$ 个通道 | 否 |

每种方法再乘逐通道 $\\gamma$、加 $\\beta$（$2C$ 个参数）；BN 另有 $2C$ 个不可训练的滑动均值/方差，推理时使用，其余三者训练与推理计算完全相同。

**场景**：

- **BN**：大批量的分类 CNN，效果最好，推理可折叠；批量很小时（检测、分割每卡 1–2 张图）统计量噪声大，精度明显下降。
- **GN**（Wu & He 2018，默认 $G=32$）：小批量的检测/分割，批大小从 32 降到 2 时精度基本不变。
- **LN**：RNN 与 Transformer（按 token 归一化特征维）；在 CNN 中把所有通道混在一起归一化，效果一般。
- **IN**：风格迁移与生成模型，去掉每张图的对比度/风格信息；对分类有害，因为它抹去了有用的全局统计。`,
        en: `**Axes of the statistics**:

| Method | Number of statistics | Mean/variance over | Depends on batch size |
|---|---|---|---|
| BatchNorm | $C$ | $N,H,W$ | yes |
| LayerNorm | $N$ | $H,W,C$ | no |
| InstanceNorm | $N\\cdot C$ | $H,W$ | no |
| GroupNorm ($G$ groups) | $N\\cdot G$ | $H,W$ and the $C/G$ channels of the group | no |

Each then applies a per-channel $\\gamma$ and $\\beta$ ($2C$ parameters); BN also keeps $2C$ non-trainable moving means/variances for inference, while the other three compute the same thing in training and inference.

**Where each fits**:

- **BN**: classification CNNs with large batches; best accuracy, foldable at inference; with tiny batches (1–2 images per GPU in detection/segmentation) its statistics are noisy and accuracy drops.
- **GN** (Wu & He 2018, default $G=32$): small-batch detection/segmentation; accuracy barely changes from batch 32 down to 2.
- **LN**: RNNs and Transformers (normalising each token's features); in CNNs it lumps all channels together and works less well.
- **IN**: style transfer and generative models, where it removes per-image contrast/style; harmful for classification because it erases useful global statistics.`,
      },
    },
    references: [GROUPNORM, BATCHNORM, LAYERNORM, INSTANCENORM],
  },
  {
    id: 'cnn-debug-batchnorm-eval-mode',
    topic: 'cnn',
    subtopic: 'debugging',
    tags: ['batch-normalization', 'eval-mode', 'inference', 'debugging'],
    kind: 'debug',
    difficulty: 2,
    prompt: {
      zh: '一个带批归一化的 CNN 训练准确率 98%。部署后，同一张图片单独预测和与其他图片放在同一批中预测时结果不同；单张预测的准确率很差。可能的原因是什么？如何修复和测试？',
      en: 'A CNN with batch normalization reaches 98% training accuracy. After deployment, the same image gets a different prediction alone than inside a batch with other images, and single-image accuracy is poor. What is the likely cause, and how do you fix and test it?',
    },
    answer: {
      short: {
        zh: '推理时 BN 仍处于训练模式，用当前批次的统计量归一化：预测依赖于同批的其他样本，单张图片时方差接近 0。修复：PyTorch 调用 \`model.eval()\`，Keras/tfjs 用 \`training=false\`（\`predict\` 默认如此）；测试“单张预测等于批内预测”。',
        en: 'BN is still in training mode at inference and normalises with the current batch\'s statistics, so predictions depend on the other samples, and a single image has near-zero variance. Fix: \`model.eval()\` in PyTorch, \`training=false\` in Keras/tfjs (the default of \`predict\`); test that a single prediction equals the in-batch one.',
      },
      full: {
        zh: `**原因**：训练模式下 BN 用批均值和批方差归一化，每个样本的输出依赖于同批其他样本；单张图片（或 $1\\times1$ 的特征图）时每个通道的方差几乎为 0，输出被放大成噪声。常见写法错误：

- PyTorch 忘记 \`model.eval()\`，或评估后没有切回 \`model.train()\`（两者都会出问题）；
- Keras 自定义循环中写了 \`model(x, training=True)\` 用于推理；
- 在推理函数里调用了训练模式的 \`apply\`。

**另一个相似症状**：滑动统计量本身不对——例如训练时动量太大且步数太少、数据预处理在训练和部署时不同、或者微调时冻结的 BN 仍在更新统计量。

**修复与测试**：

1. 推理一律使用推理模式（\`predict\`、\`eval()\`、\`training: false\`）；
2. 写一个可以失败的测试：同一输入单独预测与放在随机批中预测，结果应在浮点误差内相等；
3. 检查滑动均值/方差与在训练集上重新计算的统计量是否接近。`,
        en: `**Cause**: in training mode BN normalises with the batch mean and variance, so each output depends on the other samples; for a single image (or a $1\\times1$ map) each channel's variance is nearly 0 and the output blows noise up. Typical slips:

- PyTorch: forgetting \`model.eval()\`, or not switching back with \`model.train()\` after evaluation (both break);
- Keras custom loops calling \`model(x, training=True)\` for inference;
- an inference function that calls the training-mode \`apply\`.

**A similar symptom with another cause**: wrong moving statistics, e.g. too few steps for the momentum, different preprocessing in training and deployment, or frozen BN layers still updating their statistics during fine-tuning.

**Fix and test**:

1. Always infer in inference mode (\`predict\`, \`eval()\`, \`training: false\`);
2. a test that can fail: one input predicted alone and inside a random batch gives the same output up to float error;
3. compare the moving mean/variance with statistics recomputed on the training set.`,
      },
    },
    references: [BATCHNORM, PYTORCH_BATCHNORM_DOC],
  },
  {
    id: 'cnn-batchnorm-parameter-accounting',
    topic: 'cnn',
    subtopic: 'normalization',
    tags: ['batch-normalization', 'parameter-count', 'model-summary', 'non-trainable'],
    kind: 'numeric',
    difficulty: 1,
    prompt: {
      zh: '\`model.summary()\` 显示一个 BatchNormalization(64 通道) 层有 256 个参数，其中 128 个不可训练。这些参数分别是什么？如果它前面是 3×3、32→64 的卷积，卷积还需要偏置吗？',
      en: '\`model.summary()\` shows a BatchNormalization layer over 64 channels with 256 parameters, 128 of them non-trainable. What are they? If a 3×3, 32→64 convolution precedes it, does the convolution still need a bias?',
    },
    answer: {
      short: {
        zh: '可训练的 $\\gamma$（64）和 $\\beta$（64），不可训练的滑动均值（64）和滑动方差（64），共 $4\\cdot64=256$。不需要偏置：BN 会减去均值，偏置被抵消，由 $\\beta$ 代替；卷积用 \`useBias: false\`，权重为 $9\\cdot32\\cdot64=18{,}432$。',
        en: 'Trainable $\\gamma$ (64) and $\\beta$ (64); non-trainable moving mean (64) and moving variance (64): $4\\cdot64=256$. No bias: BN subtracts the mean, which cancels any bias, and $\\beta$ takes its role; use \`useBias: false\`, leaving $9\\cdot32\\cdot64=18{,}432$ weights.',
      },
      full: {
        zh: `**四组向量**（每组 $C=64$ 个）：

- $\\gamma$（scale）与 $\\beta$（center/offset）：可训练，恢复表达能力；
- moving mean 与 moving variance：不可训练，训练时按 $m\\leftarrow\\rho m+(1-\\rho)\\hat\\mu$ 更新（Keras 默认 $\\rho=0.99$），推理时使用。

Keras 把它们都算作层的“参数”，PyTorch 的 \`parameters()\` 只包含 $\\gamma,\\beta$，均值/方差是 buffer——所以两个框架报告的参数总数会不同。

**偏置冗余**：$\\mathrm{BN}(Wx+b)=\\gamma\\frac{Wx+b-(\\mu_{Wx}+b)}{\\sigma}+\\beta=\\mathrm{BN}(Wx)$，偏置对输出没有任何影响（其梯度也为 0），白白占用 64 个参数和一次加法。因此 ResNet 等网络的卷积都不带偏置：$9\\cdot32\\cdot64=18{,}432$ 个权重，而带偏置时是 18,496。`,
        en: `**Four vectors** of $C=64$ each:

- $\\gamma$ (scale) and $\\beta$ (center/offset): trainable, restore expressiveness;
- moving mean and moving variance: non-trainable, updated in training as $m\\leftarrow\\rho m+(1-\\rho)\\hat\\mu$ (Keras default $\\rho=0.99$), used at inference.

Keras counts all four as layer "parameters"; PyTorch's \`parameters()\` holds only $\\gamma,\\beta$ and keeps the statistics as buffers, so the two frameworks report different totals.

**Redundant bias**: $\\mathrm{BN}(Wx+b)=\\gamma\\frac{Wx+b-(\\mu_{Wx}+b)}{\\sigma}+\\beta=\\mathrm{BN}(Wx)$: the bias has no effect on the output (and a zero gradient) and wastes 64 parameters and an addition. That is why the convolutions of ResNet and similar networks have no bias: $9\\cdot32\\cdot64=18{,}432$ weights, against 18,496 with a bias.`,
      },
    },
    references: [BATCHNORM, PYTORCH_BATCHNORM_DOC],
    verification: [VERIFY_PARAMETER_COUNT],
  },
  // -------------------------------------------------------------------------
  // Detection: anchors, box encoding, losses, evaluation
  // -------------------------------------------------------------------------
  {
    id: 'cnn-anchor-boxes',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['anchors', 'faster-rcnn', 'region-proposal-network', 'parameter-count'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'Faster R-CNN 的 RPN 在每个特征图位置放置 $k=9$ 个锚框（面积 $128^2,256^2,512^2$ × 宽高比 1:1、1:2、2:1）。(a) 面积 $128^2$、高宽比 2:1 的锚框宽高是多少？(b) 约 1000×600 的图像、步幅 16 的特征图约 $60\\times40$，共有多少锚框？(c) RPN 头为 3×3 卷积（512→512）加两个 1×1 卷积（分类 $2k$、回归 $4k$ 输出），全带偏置，有多少参数？',
      en: 'Faster R-CNN\'s RPN places $k=9$ anchors at every feature-map position (areas $128^2,256^2,512^2$ × aspect ratios 1:1, 1:2, 2:1). (a) What are the width and height of the anchor with area $128^2$ and height:width 2:1? (b) A ~1000×600 image with stride 16 gives a ~$60\\times40$ map: how many anchors? (c) The RPN head is a 3×3 convolution (512→512) plus two 1×1 convolutions (classification with $2k$ outputs, regression with $4k$), all with biases: how many parameters?',
    },
    answer: {
      short: {
        zh: '(a) $w=128/\\sqrt2\\approx90.5$，$h=128\\sqrt2\\approx181.0$；(b) $60\\cdot40\\cdot9=21{,}600$（论文称约 20,000）；(c) $2{,}359{,}808+9{,}234+18{,}468=2{,}387{,}510$。',
        en: '(a) $w=128/\\sqrt2\\approx90.5$, $h=128\\sqrt2\\approx181.0$; (b) $60\\cdot40\\cdot9=21{,}600$ (the paper says about 20,000); (c) $2{,}359{,}808+9{,}234+18{,}468=2{,}387{,}510$.',
      },
      full: {
        zh: `**锚框是什么**：在每个位置预先放置一组不同尺度、宽高比的参考框，网络只需对每个锚框预测“是否为物体”和相对它的偏移，而不必从零回归绝对坐标。由于卷积的权重共享，同一组锚框在所有位置上都有相同的预测器，具有平移不变性。

**(a)** 面积 $wh=128^2$、$h/w=2$：$w=128/\\sqrt2\\approx90.51$，$h=128\\sqrt2\\approx181.02$。

**(b)** $60\\cdot40\\cdot9=21{,}600$ 个锚框。训练时每张图只采样 256 个（正负最多 1:1）计算损失；推理时按分数取前若干个，经 NMS（IoU 0.7）保留约 2,000（训练）/300（测试）个候选。越过图像边界的锚框在训练中被忽略。

**(c)** 3×3 卷积 $9\\cdot512\\cdot512+512=2{,}359{,}808$；分类 1×1：$512\\cdot18+18=9{,}234$；回归 1×1：$512\\cdot36+36=18{,}468$；合计 2,387,510。论文用 $2k$ 个 softmax 输出做二分类（也可用 $k$ 个 sigmoid）。

**局限**：锚框的尺度、比例和匹配阈值都是需要针对数据集调节的超参数；FCOS、CenterNet 等无锚框检测器直接在每个位置回归到框边界的距离或预测中心点。`,
        en: `**What anchors are**: a fixed set of reference boxes of several scales and aspect ratios at every position; the network predicts for each anchor an objectness score and an offset relative to it instead of regressing absolute coordinates from scratch. Because convolutions share weights, every position has the same predictors for the same anchors, which makes the scheme translation-invariant.

**(a)** $wh=128^2$ and $h/w=2$: $w=128/\\sqrt2\\approx90.51$, $h=128\\sqrt2\\approx181.02$.

**(b)** $60\\cdot40\\cdot9=21{,}600$ anchors. Training samples only 256 per image (at most 1:1 positive:negative) for the loss; at inference the top-scoring ones go through NMS (IoU 0.7), keeping about 2,000 (training) / 300 (testing) proposals. Anchors crossing the image border are ignored in training.

**(c)** The 3×3 convolution has $9\\cdot512\\cdot512+512=2{,}359{,}808$; the classification 1×1 $512\\cdot18+18=9{,}234$; the regression 1×1 $512\\cdot36+36=18{,}468$; total 2,387,510. The paper uses $2k$ softmax outputs for the two-class score ($k$ sigmoids also work).

**Limits**: anchor scales, ratios and matching thresholds are dataset-specific hyperparameters; anchor-free detectors such as FCOS and CenterNet regress distances to the box sides, or centre points, at every position instead.`,
      },
    },
    references: [FASTER_RCNN, SSD],
    verification: [VERIFY_PARAMETER_COUNT],
  },
  {
    id: 'cnn-anchor-matching',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['anchors', 'iou', 'label-assignment', 'faster-rcnn'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'Faster R-CNN 的 RPN 规则：与某个真实框 IoU ≥ 0.7 的锚框为正样本，与所有真实框 IoU < 0.3 的为负样本，其余忽略；此外，与某个真实框 IoU 最大的锚框也为正样本。真实框 $G=(5,0,15,10)$，锚框 $A_1=(0,0,10,10)$、$A_2=(2,0,12,10)$（格式 $(x_1,y_1,x_2,y_2)$，图中只有这两个锚框）。计算两个 IoU 并给出标签。为什么需要第二条规则？',
      en: 'Faster R-CNN\'s RPN rule: an anchor with IoU ≥ 0.7 with some ground-truth box is positive, one with IoU < 0.3 with every ground-truth box is negative, the rest are ignored; also, the anchor with the highest IoU for a ground-truth box is positive. Ground truth $G=(5,0,15,10)$, anchors $A_1=(0,0,10,10)$ and $A_2=(2,0,12,10)$ (format $(x_1,y_1,x_2,y_2)$, the only two anchors). Compute both IoUs and assign the labels. Why is the second rule needed?',
    },
    answer: {
      short: {
        zh: '$\\mathrm{IoU}(A_1,G)=50/150=1/3$，介于 0.3 与 0.7 之间，忽略；$\\mathrm{IoU}(A_2,G)=70/130\\approx0.538$，按阈值也被忽略，但它是 $G$ 的最佳锚框，所以为正样本。第二条规则保证每个真实框至少有一个正锚框，否则形状特殊的物体永远得不到训练信号。',
        en: '$\\mathrm{IoU}(A_1,G)=50/150=1/3$, between 0.3 and 0.7, so ignored; $\\mathrm{IoU}(A_2,G)=70/130\\approx0.538$, also ignored by the thresholds, but it is $G$\'s best anchor, so it is positive. The second rule guarantees every ground-truth box at least one positive anchor; otherwise unusually shaped objects would never get a training signal.',
      },
      full: {
        zh: `**IoU**：
- $A_1\\cap G=[5,10]\\times[0,10]$，面积 50；并集 $100+100-50=150$；IoU $=1/3\\approx0.333$。
- $A_2\\cap G=[5,12]\\times[0,10]$，面积 70；并集 $100+100-70=130$；IoU $=7/13\\approx0.538$。

**标签**：$A_1$ 既不 ≥0.7 也不 <0.3，忽略（不参与损失）；$A_2$ 按阈值同样会被忽略，但它是与 $G$ IoU 最大的锚框，按第二条规则设为正样本，并对它回归 $G$ 的偏移。

**为什么**：锚框的尺度和比例是离散的，很小、很细长或恰好落在两个锚框之间的物体可能没有任何锚框达到 0.7；没有正样本就没有分类或回归的梯度，模型会系统性地漏掉这类物体。Faster R-CNN 论文明确说明，第二条规则是为了处理极少数找不到 ≥0.7 锚框的情形。

**相关**：SSD 用类似的双向匹配（先给每个真实框匹配最佳默认框，再把 IoU > 0.5 的都设为正）；忽略带的存在是为了不让“半对齐”的锚框产生矛盾的监督。ATSS 等方法用统计量自适应地选阈值。`,
        en: `**IoU**:
- $A_1\\cap G=[5,10]\\times[0,10]$, area 50; union $100+100-50=150$; IoU $=1/3\\approx0.333$.
- $A_2\\cap G=[5,12]\\times[0,10]$, area 70; union $100+100-70=130$; IoU $=7/13\\approx0.538$.

**Labels**: $A_1$ is neither ≥0.7 nor <0.3, so it is ignored (no loss); $A_2$ would also be ignored by the thresholds, but it has the highest IoU with $G$, so the second rule makes it positive and it regresses $G$'s offsets.

**Why**: anchor scales and ratios are discrete; a tiny, very elongated object, or one that falls between anchors, may reach 0.7 with none of them. Without a positive there is no classification or regression gradient, and the model systematically misses such objects. The Faster R-CNN paper states that the second rule covers the rare cases where no anchor reaches 0.7.

**Related**: SSD matches both ways too (first the best default box for each ground truth, then every box with IoU > 0.5); the ignore band avoids contradictory supervision for half-aligned anchors. ATSS and similar methods choose the threshold adaptively from IoU statistics.`,
      },
    },
    references: [FASTER_RCNN, SSD],
    verification: [VERIFY_IOU],
  },
  {
    id: 'cnn-box-regression-encoding',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['bounding-box', 'box-encoding', 'regression-targets', 'anchors'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: 'R-CNN 系列把边界框回归目标编码为 $t_x=(x-x_a)/w_a,\\;t_y=(y-y_a)/h_a,\\;t_w=\\ln(w/w_a),\\;t_h=\\ln(h/h_a)$（中心坐标与宽高）。对锚框中心 $(50,50)$、宽 100、高 50，真实框中心 $(60,45)$、宽 120、高 40，计算 $t$。为什么要除以锚框尺寸、对宽高取对数？',
      en: 'The R-CNN family encodes box regression targets as $t_x=(x-x_a)/w_a,\\;t_y=(y-y_a)/h_a,\\;t_w=\\ln(w/w_a),\\;t_h=\\ln(h/h_a)$ (centres, widths, heights). For an anchor centred at $(50,50)$ with width 100 and height 50, and a ground truth centred at $(60,45)$ with width 120 and height 40, compute $t$. Why divide by the anchor size and take logarithms of the sizes?',
    },
    answer: {
      short: {
        zh: '$t=(0.1,\\,-0.1,\\,\\ln1.2\\approx0.182,\\,\\ln0.8\\approx-0.223)$。归一化使目标与物体尺度无关（大物体偏 10 像素和小物体偏 1 像素一样重要），对数让宽高比例对称（放大 2 倍与缩小 2 倍的目标为 $\\pm\\ln2$），且解码 $w=w_ae^{t_w}$ 永远为正。',
        en: '$t=(0.1,\\,-0.1,\\,\\ln1.2\\approx0.182,\\,\\ln0.8\\approx-0.223)$. Normalising makes targets scale-invariant (10 pixels off on a large object matters like 1 pixel on a small one); the logarithm makes size ratios symmetric (twice and half are $\\pm\\ln2$) and decoding $w=w_ae^{t_w}$ always positive.',
      },
      full: {
        zh: `**计算**：$t_x=(60-50)/100=0.1$，$t_y=(45-50)/50=-0.1$，$t_w=\\ln(120/100)\\approx0.1823$，$t_h=\\ln(40/50)\\approx-0.2231$。

**为什么这样编码**：

- **尺度不变**：直接回归像素偏移时，大物体主导损失；除以锚框宽高后目标量级与物体大小无关，同一个卷积核可服务所有尺度。
- **对数**：宽高是乘性量，$\\ln$ 把“放大 2 倍”与“缩小 2 倍”映射为 $\\pm0.693$；解码 $w=w_a\\exp(t_w)$ 恒为正，无需约束。
- **标准化**：实践中再除以目标的标准差（Faster R-CNN 实现常用 $(0.1,0.1,0.2,0.2)$），使四个分量量级相近，便于与分类损失平衡。

**解码时的坑**：$\\exp(t_w)$ 在训练初期可能溢出，实现通常把 $t_w$ 截断在 $\\ln(1000/16)\\approx4.135$ 以内；编码和解码必须使用同一种框格式与同一组标准差。

**与 IoU 损失的关系**：对 $t$ 用 Smooth L1 时四个坐标独立优化，与评估指标 IoU 不一致；GIoU/DIoU 损失直接优化解码后的框。`,
        en: `**Numbers**: $t_x=(60-50)/100=0.1$, $t_y=(45-50)/50=-0.1$, $t_w=\\ln(120/100)\\approx0.1823$, $t_h=\\ln(40/50)\\approx-0.2231$.

**Why this encoding**:

- **Scale invariance**: with raw pixel offsets large objects dominate the loss; dividing by the anchor's size makes the targets' magnitude independent of object size, so one kernel serves all scales.
- **Logarithms**: sizes are multiplicative; $\\ln$ maps "twice as large" and "half as large" to $\\pm0.693$, and decoding $w=w_a\\exp(t_w)$ is always positive without constraints.
- **Standardisation**: implementations also divide by the targets' standard deviations (Faster R-CNN code commonly uses $(0.1,0.1,0.2,0.2)$) so the four components have similar magnitudes and balance with the classification loss.

**Decoding traps**: $\\exp(t_w)$ can overflow early in training, so implementations clip $t_w$ at $\\ln(1000/16)\\approx4.135$; encoding and decoding must use the same box format and the same standard deviations.

**Versus IoU losses**: Smooth L1 on $t$ optimises the four coordinates independently, which does not match the IoU metric; GIoU/DIoU losses optimise the decoded box directly.`,
      },
    },
    references: [RCNN, FAST_RCNN, FASTER_RCNN],
  },
  {
    id: 'cnn-focal-loss',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['focal-loss', 'class-imbalance', 'one-stage-detector', 'retinanet'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: '单阶段检测器每张图要评估约 10 万个锚框，绝大多数是容易的背景。Focal loss $\\mathrm{FL}(p_t)=-(1-p_t)^\\gamma\\ln p_t$ 如何解决这个问题？取 $\\gamma=2$，分别计算 $p_t=0.9$、$0.5$、$0.1$ 时的交叉熵和 focal loss。',
      en: 'A one-stage detector evaluates about 100k anchors per image, most of them easy background. How does the focal loss $\\mathrm{FL}(p_t)=-(1-p_t)^\\gamma\\ln p_t$ address this? With $\\gamma=2$, compute the cross-entropy and the focal loss at $p_t=0.9$, $0.5$ and $0.1$.',
    },
    answer: {
      short: {
        zh: 'CE 分别为 0.1054、0.6931、2.3026；FL 为 0.001054（降为 1/100）、0.1733（1/4）、1.8651（0.81 倍）。调制因子 $(1-p_t)^\\gamma$ 把已分对的容易样本的损失压到几乎为 0，使大量容易负样本不再淹没少数难样本；RetinaNet 借此让单阶段检测器达到两阶段的精度。',
        en: 'CE is 0.1054, 0.6931, 2.3026; FL is 0.001054 (1/100), 0.1733 (1/4), 1.8651 (0.81×). The factor $(1-p_t)^\\gamma$ drives the loss of well-classified easy examples to almost zero, so the mass of easy negatives no longer swamps the few hard ones; with it RetinaNet matches two-stage accuracy as a one-stage detector.',
      },
      full: {
        zh: `**问题**：两阶段检测器的 RPN 先把候选缩到约 2,000 个，再按 1:3 采样正负样本；单阶段检测器直接在所有锚框上分类，正负比例可达 1:1000。每个容易负样本的交叉熵虽小（$p_t=0.9$ 时 0.105），但数量巨大，总和主导梯度。

**数值**（$\\gamma=2$）：

| $p_t$ | CE $=-\\ln p_t$ | $(1-p_t)^2$ | FL |
|---|---|---|---|
| 0.9 | 0.1054 | 0.01 | 0.001054 |
| 0.5 | 0.6931 | 0.25 | 0.1733 |
| 0.1 | 2.3026 | 0.81 | 1.8651 |

**其他细节**：再乘类别权重 $\\alpha_t$（论文取正类 $\\alpha=0.25$）；分类层偏置初始化为 $-\\ln((1-\\pi)/\\pi)$，$\\pi=0.01$，避免训练初期大量背景产生巨大损失；总损失按正样本数归一化。RetinaNet（ResNet + FPN + focal loss）是单阶段检测器，没有候选区域阶段，却在 COCO 上超过了当时的两阶段检测器。`,
        en: `**The problem**: a two-stage detector's RPN first cuts candidates to about 2,000 and then samples positives:negatives at 1:3; a one-stage detector classifies every anchor, with ratios up to 1:1000. Each easy negative has a small cross-entropy (0.105 at $p_t=0.9$), but there are so many that their sum dominates the gradient.

**Numbers** ($\\gamma=2$):

| $p_t$ | CE $=-\\ln p_t$ | $(1-p_t)^2$ | FL |
|---|---|---|---|
| 0.9 | 0.1054 | 0.01 | 0.001054 |
| 0.5 | 0.6931 | 0.25 | 0.1733 |
| 0.1 | 2.3026 | 0.81 | 1.8651 |

**More details**: a class weight $\\alpha_t$ is applied as well ($\\alpha=0.25$ for positives in the paper); the classification bias is initialised to $-\\ln((1-\\pi)/\\pi)$ with $\\pi=0.01$ so the flood of background does not produce a huge loss at the start; the total is normalised by the number of positives. RetinaNet (ResNet + FPN + focal loss) is one-stage, with no proposal stage, yet it beat the two-stage detectors of its time on COCO.`,
      },
    },
    references: [RETINANET, FPN],
    misconceptions: [
      {
        claim: {
          zh: '所有目标检测器都先生成候选区域，再用分类器判断每个区域。',
          en: 'Every object detector first generates region proposals and then classifies each region.',
        },
        correction: {
          zh: '那只是两阶段检测器（R-CNN 系列）。YOLO、SSD、RetinaNet 是单阶段检测器，直接在密集的锚框或网格上同时预测类别和框回归。',
          en: 'That describes two-stage detectors (the R-CNN family). YOLO, SSD and RetinaNet are one-stage: they predict classes and box regressions directly on a dense set of anchors or grid cells.',
        },
        erratum: 15,
      },
    ],
  },
  {
    id: 'cnn-iou-losses',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['iou-loss', 'giou', 'diou', 'box-regression'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: '对 $A=(0,0,4,4)$、$B=(2,2,6,6)$ 计算 IoU、GIoU 和 DIoU（$\\mathrm{DIoU}=\\mathrm{IoU}-\\rho^2(b_A,b_B)/c^2$，$\\rho$ 为中心距离，$c$ 为最小外接框对角线）。再对不相交的 $C=(0,0,2,2)$、$D=(4,0,6,2)$ 计算三者。为什么 $1-\\mathrm{IoU}$ 作为损失在不相交时无法训练？',
      en: 'For $A=(0,0,4,4)$ and $B=(2,2,6,6)$ compute IoU, GIoU and DIoU ($\\mathrm{DIoU}=\\mathrm{IoU}-\\rho^2(b_A,b_B)/c^2$, with $\\rho$ the centre distance and $c$ the diagonal of the smallest enclosing box). Then do the same for the disjoint $C=(0,0,2,2)$ and $D=(4,0,6,2)$. Why can $1-\\mathrm{IoU}$ not train disjoint boxes?',
    },
    answer: {
      short: {
        zh: '$A,B$：IoU $=1/7\\approx0.1429$，GIoU $=1/7-8/36\\approx-0.0794$，DIoU $=1/7-8/72\\approx0.0317$。$C,D$：IoU $=0$，GIoU $=-4/12\\approx-0.333$，DIoU $=-16/40=-0.4$。不相交时 IoU 恒为 0，对坐标的梯度为 0；GIoU 和 DIoU 的惩罚项仍随距离变化。',
        en: '$A,B$: IoU $=1/7\\approx0.1429$, GIoU $=1/7-8/36\\approx-0.0794$, DIoU $=1/7-8/72\\approx0.0317$. $C,D$: IoU $=0$, GIoU $=-4/12\\approx-0.333$, DIoU $=-16/40=-0.4$. For disjoint boxes IoU is constantly 0 and its gradient with respect to the coordinates is 0; the GIoU and DIoU penalties still change with distance.',
      },
      full: {
        zh: `**$A,B$**：交集 4，并集 28，IoU $=1/7$。外接框 $[0,6]^2$，面积 36，GIoU $=1/7-(36-28)/36\\approx-0.0794$。中心 $(2,2)$ 与 $(4,4)$，$\\rho^2=8$；外接框对角线 $c^2=6^2+6^2=72$；DIoU $=1/7-8/72\\approx0.0317$。

**$C,D$**：交集 0，并集 8，IoU $=0$。外接框 $[0,6]\\times[0,2]$，面积 12，GIoU $=0-(12-8)/12\\approx-0.333$。中心 $(1,1)$ 与 $(5,1)$，$\\rho^2=16$，$c^2=36+4=40$，DIoU $=-0.4$。

**为什么 IoU 损失卡住**：不相交时交集面积的宽或高被截断为 0，$\\max(0,\\cdot)$ 的梯度为 0，IoU 在一整片区域上为常数，预测框无论往哪个方向移动损失都不变。GIoU（Rezatofighi 等 2019）加入“外接框中不属于并集的比例”，框越远惩罚越大；DIoU（Zheng 等 2019）直接惩罚中心距离，收敛更快，且在一个框包含另一个框时（GIoU 退化为 IoU）仍有效。CIoU 再加入宽高比一致性项。损失通常取 $1-\\mathrm{GIoU}$ 或 $1-\\mathrm{DIoU}$，取值都在 $[0,2)$ 内。`,
        en: `**$A,B$**: intersection 4, union 28, IoU $=1/7$. The enclosing box $[0,6]^2$ has area 36: GIoU $=1/7-(36-28)/36\\approx-0.0794$. Centres $(2,2)$ and $(4,4)$: $\\rho^2=8$; enclosing diagonal $c^2=6^2+6^2=72$; DIoU $=1/7-8/72\\approx0.0317$.

**$C,D$**: intersection 0, union 8, IoU $=0$. The enclosing box $[0,6]\\times[0,2]$ has area 12: GIoU $=0-(12-8)/12\\approx-0.333$. Centres $(1,1)$ and $(5,1)$: $\\rho^2=16$, $c^2=36+4=40$, DIoU $=-0.4$.

**Why the IoU loss gets stuck**: for disjoint boxes the intersection width or height is clamped to 0, the gradient of $\\max(0,\\cdot)$ is 0, and IoU is constant over a whole region: moving the predicted box in any direction leaves the loss unchanged. GIoU (Rezatofighi et al. 2019) adds the share of the enclosing box not covered by the union, which grows with distance; DIoU (Zheng et al. 2019) penalises the centre distance directly, converges faster, and still works when one box contains the other (where GIoU reduces to IoU). CIoU adds an aspect-ratio consistency term. The losses are $1-\\mathrm{GIoU}$ and $1-\\mathrm{DIoU}$, both in $[0,2)$.`,
      },
    },
    references: [GIOU, DIOU],
    verification: [VERIFY_IOU],
  },
  {
    id: 'cnn-mean-average-precision',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['mean-average-precision', 'precision-recall', 'evaluation', 'coco'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: '某类别有 4 个真实框。检测器按分数从高到低输出 5 个检测，按 IoU ≥ 0.5 匹配后依次为 TP、FP、TP、TP、FP。写出每一步的精确率和召回率，用“全点插值”计算 AP。COCO 的 mAP@[.5:.95] 与 VOC 的 mAP@0.5 有什么不同？',
      en: 'A class has 4 ground-truth boxes. Sorted by score, the detector\'s 5 detections are matched at IoU ≥ 0.5 as TP, FP, TP, TP, FP. Give the precision and recall after each, and compute AP with all-point interpolation. How does COCO\'s mAP@[.5:.95] differ from VOC\'s mAP@0.5?',
    },
    answer: {
      short: {
        zh: '(P, R) 依次为 (1, 0.25)、(0.5, 0.25)、(0.667, 0.5)、(0.75, 0.75)、(0.6, 0.75)。插值精确率取右侧最大值：$0.25\\cdot1+0.25\\cdot0.75+0.25\\cdot0.75=0.625$；召回率到不了 1，剩余部分贡献 0。COCO 在 IoU 阈值 0.50、0.55、…、0.95 上平均，奖励定位精确的框。',
        en: '(P, R) go (1, 0.25), (0.5, 0.25), (0.667, 0.5), (0.75, 0.75), (0.6, 0.75). Interpolated precision is the maximum to the right: $0.25\\cdot1+0.25\\cdot0.75+0.25\\cdot0.75=0.625$; recall never reaches 1, so the rest contributes 0. COCO averages over IoU thresholds 0.50, 0.55, …, 0.95, rewarding precise localisation.',
      },
      full: {
        zh: `**逐步**：TP 累计 / 检测数 = 精确率，TP 累计 / 4 = 召回率：

| 排名 | 结果 | P | R |
|---|---|---|---|
| 1 | TP | 1.000 | 0.25 |
| 2 | FP | 0.500 | 0.25 |
| 3 | TP | 0.667 | 0.50 |
| 4 | TP | 0.750 | 0.75 |
| 5 | FP | 0.600 | 0.75 |

**全点插值**：$p_{\\text{interp}}(r)=\\max_{r'\\ge r}p(r')$，消除锯齿。召回率区间 $(0,0.25]$ 的插值精确率为 1，$(0.25,0.5]$ 与 $(0.5,0.75]$ 为 0.75，$(0.75,1]$ 无检测为 0：AP $=0.25+0.1875+0.1875=0.625$。

**匹配规则**：每个真实框最多匹配一个检测，按分数顺序贪心匹配；重复检测算 FP——这也是 NMS 重要的原因。标为 “difficult”/“crowd” 的真实框不计入。

**VOC 与 COCO**：VOC 2007 用 11 点插值、2010 起用全点插值，IoU 阈值 0.5；COCO 用 101 点插值，并在 10 个 IoU 阈值（0.50:0.05:0.95）上平均，还按物体大小报告 AP_S/AP_M/AP_L。mAP 是对所有类别的 AP 取平均。`,
        en: `**Step by step**: precision = cumulative TP / detections so far, recall = cumulative TP / 4:

| Rank | Result | P | R |
|---|---|---|---|
| 1 | TP | 1.000 | 0.25 |
| 2 | FP | 0.500 | 0.25 |
| 3 | TP | 0.667 | 0.50 |
| 4 | TP | 0.750 | 0.75 |
| 5 | FP | 0.600 | 0.75 |

**All-point interpolation**: $p_{\\text{interp}}(r)=\\max_{r'\\ge r}p(r')$ removes the zigzag. Recall $(0,0.25]$ gets precision 1, $(0.25,0.5]$ and $(0.5,0.75]$ get 0.75, and $(0.75,1]$ has no detections, so 0: AP $=0.25+0.1875+0.1875=0.625$.

**Matching**: each ground-truth box matches at most one detection, greedily in score order; duplicates count as FPs, which is why NMS matters. Ground truths marked "difficult"/"crowd" are not counted.

**VOC versus COCO**: VOC 2007 uses 11-point interpolation, 2010 onwards all-point, at IoU 0.5; COCO uses 101-point interpolation averaged over 10 IoU thresholds (0.50:0.05:0.95), and also reports AP_S/AP_M/AP_L by object size. mAP averages AP over classes.`,
      },
    },
    references: [PASCAL_VOC, COCO],
  },
  {
    id: 'cnn-ssd-default-boxes',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['ssd', 'default-boxes', 'multi-scale', 'one-stage-detector'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'SSD300 在 6 个特征图上预测：$38\\times38$、$19\\times19$、$10\\times10$、$5\\times5$、$3\\times3$、$1\\times1$，每个位置的默认框数依次为 4、6、6、6、4、4。一共有多少默认框？对 $C=21$ 类（含背景），每个位置的预测卷积要输出多少通道？为什么要在多个尺度上预测？',
      en: 'SSD300 predicts on 6 feature maps: $38\\times38$, $19\\times19$, $10\\times10$, $5\\times5$, $3\\times3$, $1\\times1$, with 4, 6, 6, 6, 4, 4 default boxes per position. How many default boxes are there? With $C=21$ classes (background included), how many channels must each position\'s prediction convolution output? Why predict at several scales?',
    },
    answer: {
      short: {
        zh: '$38^2\\cdot4+19^2\\cdot6+10^2\\cdot6+5^2\\cdot6+3^2\\cdot4+1^2\\cdot4=5{,}776+2{,}166+600+150+36+4=8{,}732$。每个默认框要 $C+4=25$ 个输出，所以 4 框的层输出 100 通道、6 框的层输出 150 通道（3×3 卷积）。浅层高分辨率特征检测小物体，深层低分辨率、感受野大的特征检测大物体。',
        en: '$38^2\\cdot4+19^2\\cdot6+10^2\\cdot6+5^2\\cdot6+3^2\\cdot4+1^2\\cdot4=5{,}776+2{,}166+600+150+36+4=8{,}732$. Each default box needs $C+4=25$ outputs, so a 4-box layer outputs 100 channels and a 6-box layer 150 (3×3 convolutions). Early high-resolution maps detect small objects; deep low-resolution maps with large receptive fields detect large ones.',
      },
      full: {
        zh: `**计数**：

| 特征图 | 位置数 | 每位置框数 | 框数 |
|---|---|---|---|
| 38×38 | 1,444 | 4 | 5,776 |
| 19×19 | 361 | 6 | 2,166 |
| 10×10 | 100 | 6 | 600 |
| 5×5 | 25 | 6 | 150 |
| 3×3 | 9 | 4 | 36 |
| 1×1 | 1 | 4 | 4 |

合计 **8,732**。特征图尺寸来自 VGG 的 conv4_3（$300\\to38$）、fc7（19），以及额外的步幅 2 卷积：$19\\to10\\to5$，再用无填充 3×3 卷积 $5\\to3\\to1$。

**预测头**：每个位置用一个 3×3 卷积输出 $m(C+4)$ 个通道：$m$ 个框的 $C$ 个类别分数与 4 个偏移。这就是“单阶段”：没有候选区域，分类与回归一次完成，然后每类做 NMS。

**多尺度**：每层的默认框尺度从 0.2 线性增长到 0.9（相对图像边长）。浅层分辨率高但语义弱，所以 SSD 对小物体较差；FPN 用自顶向下的路径把深层语义传回浅层来弥补。`,
        en: `**Count**:

| Map | Positions | Boxes per position | Boxes |
|---|---|---|---|
| 38×38 | 1,444 | 4 | 5,776 |
| 19×19 | 361 | 6 | 2,166 |
| 10×10 | 100 | 6 | 600 |
| 5×5 | 25 | 6 | 150 |
| 3×3 | 9 | 4 | 36 |
| 1×1 | 1 | 4 | 4 |

Total **8,732**. The map sizes come from VGG's conv4_3 ($300\\to38$) and fc7 (19), then extra stride-2 convolutions $19\\to10\\to5$ and unpadded 3×3 convolutions $5\\to3\\to1$.

**Prediction head**: at each position a 3×3 convolution outputs $m(C+4)$ channels: $C$ class scores and 4 offsets for each of the $m$ boxes. That is what "one-stage" means: no proposals, classification and regression in one pass, then per-class NMS.

**Multi-scale**: default-box scales grow linearly from 0.2 to 0.9 of the image side across the layers. Early layers have resolution but weak semantics, so SSD is weaker on small objects; FPN's top-down pathway brings deep semantics back to the fine maps.`,
      },
    },
    references: [SSD, FPN],
    verification: [VERIFY_CONV_OUTPUT_SHAPE],
  },
  {
    id: 'cnn-yolo-v1-output-tensor',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['yolo', 'grid', 'one-stage-detector', 'output-size'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: 'YOLOv1 把 $448\\times448$ 的图像划分为 $S\\times S=7\\times7$ 的网格，每个格子预测 $B=2$ 个框（各含 $x,y,w,h$ 与置信度）和 $C=20$ 个类别概率。输出张量的形状和元素个数是多少？骨干网络的总下采样倍数是多少？这种设计有什么局限？',
      en: 'YOLOv1 divides a $448\\times448$ image into an $S\\times S=7\\times7$ grid; each cell predicts $B=2$ boxes (each $x,y,w,h$ and a confidence) and $C=20$ class probabilities. What is the shape and size of the output tensor, and the backbone\'s total downsampling factor? What are the limits of this design?',
    },
    answer: {
      short: {
        zh: '形状 $7\\times7\\times(2\\cdot5+20)=7\\times7\\times30$，共 1,470 个数；总下采样 $448/7=64$ 倍。局限：每个格子只有一组类别概率、最多 2 个框，密集的小物体（如鸟群）会漏检；框的尺度没有先验，定位较粗。',
        en: 'Shape $7\\times7\\times(2\\cdot5+20)=7\\times7\\times30$, 1,470 numbers; total downsampling $448/7=64$. Limits: one set of class probabilities and at most 2 boxes per cell, so crowds of small objects (a flock of birds) are missed; no size priors, so localisation is coarse.',
      },
      full: {
        zh: `**输出**：每个格子 $B\\cdot5+C=2\\cdot5+20=30$ 个数，$7\\cdot7\\cdot30=1{,}470$。$x,y$ 是相对格子的偏移，$w,h$ 相对整幅图像；置信度的目标是 $\\Pr(\\text{object})\\cdot\\mathrm{IoU}$。原始 YOLOv1 最后用全连接层输出这 1,470 个数再重塑；后续版本改为全卷积。

**下采样**：$448/7=64$，由 6 次步幅 2（卷积或池化）得到：$448\\to224\\to112\\to56\\to28\\to14\\to7$。

**损失**：对坐标、置信度和类别统一用平方误差；$w,h$ 取平方根，使大框上的同样偏差惩罚较小；有物体的坐标项权重 $\\lambda_{coord}=5$，无物体的置信度项权重 $\\lambda_{noobj}=0.5$。

**局限与后续**：空间约束强（每格 2 个框、1 组类别），对小而密的物体不好；YOLOv2 引入锚框和 $13\\times13$ 网格，YOLOv3 加入 3 个尺度的预测。YOLO 是单阶段检测器：一次前向就给出框和类别，论文中达到 45 FPS。`,
        en: `**Output**: each cell has $B\\cdot5+C=2\\cdot5+20=30$ numbers, and $7\\cdot7\\cdot30=1{,}470$ in all. $x,y$ are offsets within the cell, $w,h$ relative to the whole image; the confidence target is $\\Pr(\\text{object})\\cdot\\mathrm{IoU}$. The original YOLOv1 produces the 1,470 numbers with a dense layer and reshapes them; later versions are fully convolutional.

**Downsampling**: $448/7=64$, six stride-2 steps (convolutions or pooling): $448\\to224\\to112\\to56\\to28\\to14\\to7$.

**Loss**: squared error on coordinates, confidences and classes; square roots of $w,h$ so the same error costs less on a large box; $\\lambda_{coord}=5$ on coordinates of cells with objects, $\\lambda_{noobj}=0.5$ on confidences of cells without.

**Limits and successors**: strong spatial constraints (2 boxes and one class set per cell) hurt small, crowded objects; YOLOv2 adds anchors and a $13\\times13$ grid, YOLOv3 predicts at 3 scales. YOLO is one-stage: boxes and classes in one forward pass, 45 FPS in the paper.`,
      },
    },
    references: [YOLO],
    verification: [VERIFY_CONV_OUTPUT_SHAPE],
  },
  {
    id: 'cnn-roi-align',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['roi-pooling', 'roi-align', 'mask-rcnn', 'quantization'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: 'Fast R-CNN 的 RoI Pooling 与 Mask R-CNN 的 RoIAlign 有什么区别？在步幅 16 的特征图上，一个左边界位于 $x=17.6$ 像素的候选框被 RoI Pooling 量化后错位多少像素？为什么这对分割掩码特别有害？',
      en: 'How does Fast R-CNN\'s RoI Pooling differ from Mask R-CNN\'s RoIAlign? On a stride-16 feature map, how many pixels is a proposal whose left edge is at $x=17.6$ shifted by RoI Pooling\'s quantisation? Why does this hurt masks in particular?',
    },
    answer: {
      short: {
        zh: 'RoI Pooling 把框坐标和每个子格的边界都取整到特征图网格，再做最大池化；RoIAlign 不取整，在每个子格内的规则采样点用双线性插值取值再平均/取最大。$17.6/16=1.1$ 取整为 1，对应原图 16 像素，错位 1.6 像素（在特征图上是 0.1 个单元）。掩码需要像素级对齐，这种错位直接降低掩码精度。',
        en: 'RoI Pooling rounds the box coordinates and every bin boundary to the feature grid before max pooling; RoIAlign does not round and bilinearly interpolates regularly spaced sample points in each bin before averaging/maxing. $17.6/16=1.1$ rounds to 1, i.e. 16 pixels, a 1.6-pixel shift (0.1 feature cells). Masks need pixel-level alignment, so this directly lowers mask accuracy.',
      },
      full: {
        zh: `**RoI Pooling**（Fast R-CNN）：把候选框投影到特征图（除以步幅），坐标取整；再把区域分成 $7\\times7$ 个子格，子格边界也取整；每个子格做最大池化，得到固定大小的特征。两次量化使特征与原图区域错位。

**计算**：$17.6/16=1.1$，取整为 1，对应原图 $1\\cdot16=16$ 像素，错位 $17.6-16=1.6$ 像素；子格边界的取整还会再引入误差。对分类影响不大（分类对小平移鲁棒），但对框回归和掩码有害。

**RoIAlign**（Mask R-CNN）：保持浮点坐标；每个子格放若干规则采样点（如 2×2），用双线性插值从四个相邻特征值计算，再取平均或最大。插值对坐标可导，梯度也能回传到特征图。He 等报告，仅此一项就使掩码精度相对提升 10% 到 50%，在要求严格的高 IoU 阈值下提升最大。

**与全卷积方法的关系**：单阶段与无锚框检测器不需要按候选框裁剪特征，因此没有这个问题；实例分割的两阶段方法几乎都用 RoIAlign。`,
        en: `**RoI Pooling** (Fast R-CNN): project the proposal onto the feature map (divide by the stride) and round; split the region into $7\\times7$ bins whose boundaries are rounded too; max-pool each bin into a fixed-size feature. The two quantisations misalign features and image regions.

**Computation**: $17.6/16=1.1$ rounds to 1, i.e. $1\\cdot16=16$ image pixels, a shift of $17.6-16=1.6$ pixels; rounding the bin boundaries adds more. Classification barely cares (it is robust to small shifts), but box regression and masks do.

**RoIAlign** (Mask R-CNN): keep floating-point coordinates; place regular sample points in each bin (e.g. 2×2), compute each by bilinear interpolation of the four neighbouring feature values, then average or max. Interpolation is differentiable in the features, so gradients flow back. He et al. report that this change alone improves mask accuracy by 10% to 50% relative, most at strict high-IoU thresholds.

**Versus fully convolutional methods**: one-stage and anchor-free detectors do not crop features per proposal, so they avoid the issue; two-stage instance segmentation almost always uses RoIAlign.`,
      },
    },
    references: [MASK_RCNN, FAST_RCNN],
  },
  {
    id: 'cnn-anchor-free-detectors',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['anchor-free', 'fcos', 'centernet', 'detr'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: '无锚框检测器（FCOS、CenterNet）和 DETR 分别如何去掉锚框？DETR 为什么不需要 NMS？它们各自的代价是什么？',
      en: 'How do anchor-free detectors (FCOS, CenterNet) and DETR get rid of anchors? Why does DETR need no NMS? What does each pay for it?',
    },
    answer: {
      short: {
        zh: 'FCOS 在每个前景位置直接回归到框四条边的距离 $(l,t,r,b)$，并用 centerness 抑制偏离中心的低质量框；CenterNet 预测物体中心热图和每个中心的宽高。DETR 用 Transformer 解码器输出固定数量（100）的框集合，训练时用匈牙利算法一对一匹配真实框，重复预测会被损失惩罚，所以不需要 NMS；代价是训练收敛慢、小物体较弱。',
        en: 'FCOS regresses, at every foreground position, the distances $(l,t,r,b)$ to the four box sides, with a centerness score that suppresses off-centre low-quality boxes; CenterNet predicts an object-centre heatmap plus a size per centre. DETR decodes a fixed set of (100) boxes with a Transformer and trains with a one-to-one Hungarian matching to the ground truth, so duplicates are penalised by the loss and NMS is unnecessary; the price is slow convergence and weaker small-object results.',
      },
      full: {
        zh: `**FCOS**（Tian 等 2019）：特征图上落在某个真实框内的位置都是正样本，回归 $(l,t,r,b)$；用 FPN 按框大小分配层级以处理重叠；centerness $\\sqrt{\\frac{\\min(l,r)}{\\max(l,r)}\\cdot\\frac{\\min(t,b)}{\\max(t,b)}}$ 乘到分类分数上，降低边缘位置的框的排名。仍需 NMS。

**CenterNet**（Zhou 等 2019，“Objects as Points”）：每类一张中心点高斯热图，外加偏移与宽高回归；取热图的局部极大值（一个 3×3 最大池化）作为检测，多数情况下可以省去 NMS。

**DETR**（Carion 等 2020）：CNN 骨干 + Transformer 编码器-解码器，100 个可学习的查询各输出一个框或“无物体”。训练时用匈牙利算法在预测与真实框之间找代价最小的一对一匹配（代价包含类别概率、L1 与 GIoU），只有匹配上的预测回归该框，其他都学“无物体”。一对一匹配让网络学会不输出重复框，所以不需要 NMS 和锚框。代价：需要约 500 个 epoch 才收敛（Deformable DETR 等改进了这一点），对小物体较弱。

**锚框的代价**（为什么要去掉）：尺度、比例、IoU 阈值等超参数需要按数据集调；大量锚框带来正负不平衡和计算开销。`,
        en: `**FCOS** (Tian et al. 2019): every feature position inside a ground-truth box is positive and regresses $(l,t,r,b)$; FPN levels are assigned by box size to resolve overlaps; centerness $\\sqrt{\\frac{\\min(l,r)}{\\max(l,r)}\\cdot\\frac{\\min(t,b)}{\\max(t,b)}}$ multiplies the class score and demotes boxes predicted near the border. NMS is still used.

**CenterNet** (Zhou et al. 2019, "Objects as Points"): one Gaussian centre heatmap per class plus offset and size regression; local maxima of the heatmap (a 3×3 max pooling) are the detections, which mostly removes the need for NMS.

**DETR** (Carion et al. 2020): a CNN backbone plus a Transformer encoder-decoder; 100 learned queries each output a box or "no object". Training finds the cheapest one-to-one matching between predictions and ground truth with the Hungarian algorithm (cost: class probability, L1 and GIoU); only matched predictions regress their box, all others learn "no object". One-to-one matching teaches the network not to emit duplicates, so neither NMS nor anchors are needed. Price: about 500 epochs to converge (improved by Deformable DETR and others) and weaker small-object accuracy.

**What anchors cost** (why remove them): scales, ratios and IoU thresholds to tune per dataset; many anchors bring positive/negative imbalance and compute.`,
      },
    },
    references: [FCOS, CENTERNET, DETR],
  },
  // -------------------------------------------------------------------------
  // Segmentation
  // -------------------------------------------------------------------------
  {
    id: 'cnn-fcn-convolutionalization',
    topic: 'cnn',
    subtopic: 'segmentation',
    tags: ['fcn', 'fully-convolutional', 'dense-prediction', 'output-size'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'FCN 把 VGG-16 的 fc6（$7\\cdot7\\cdot512\\to4096$）改写成卷积层。这个卷积的核大小和参数量是多少？输入 $384\\times384$ 时，pool5 的输出是多大，“卷积化”的 fc6（无填充）输出多大的得分图？为什么这比在 224×224 窗口上滑动分类器高效？',
      en: 'FCN rewrites VGG-16\'s fc6 ($7\\cdot7\\cdot512\\to4096$) as a convolution. What kernel size and parameter count does it have? For a $384\\times384$ input, how large is pool5, and how large a score map does the convolutionalised fc6 (no padding) produce? Why is this more efficient than sliding the classifier over 224×224 windows?',
    },
    answer: {
      short: {
        zh: '7×7 卷积、512→4096 通道，参数与全连接层完全相同：102,764,544。pool5 为 $384/32=12$，fc6 输出 $12-7+1=6$，即 $6\\times6$ 的得分图（每个位置对应一个步幅 32 的 224 窗口）。重叠窗口共享卷积计算，一次前向就得到全部位置的结果。',
        en: 'A 7×7 convolution with 512→4096 channels and exactly the dense layer\'s parameters: 102,764,544. pool5 is $384/32=12$ and fc6 outputs $12-7+1=6$: a $6\\times6$ score map, each position a 224 window at stride 32. Overlapping windows share the convolution work, so one forward pass scores every position.',
      },
      full: {
        zh: `**等价性**：全连接层 $y=W\\,\\mathrm{vec}(x)+b$ 作用于 $7\\times7\\times512$ 的输入，等价于一个恰好覆盖整个输入的 $7\\times7$ 卷积（4096 个核），参数都是 $7\\cdot7\\cdot512\\cdot4096+4096=102{,}764{,}544$；fc7、fc8 等价于 $1\\times1$ 卷积。权重只需重塑即可搬运。

**尺寸**：五次 2×2 池化，$384/32=12$；无填充 7×7 卷积：$12-7+1=6$。每个输出位置等价于在原图上以步幅 32 滑动的一个 224×224 窗口上的分类结果（$6=(384-224)/32+1$）。

**高效**：36 个窗口大量重叠，逐窗口分类会重复计算重叠部分的卷积；全卷积网络只算一次（OverFeat 最早利用了这一点）。对分割来说，这个粗糙的得分图（步幅 32）再经过转置卷积/双线性上采样并融合 pool4、pool3 的跳跃连接（FCN-16s、FCN-8s）得到逐像素预测。原始 FCN 为了得到足够大的输出，在第一层卷积上加了 100 像素的填充。`,
        en: `**Equivalence**: a dense layer $y=W\\,\\mathrm{vec}(x)+b$ on a $7\\times7\\times512$ input equals a $7\\times7$ convolution with 4096 filters that exactly covers the input; both have $7\\cdot7\\cdot512\\cdot4096+4096=102{,}764{,}544$ parameters, and fc7, fc8 become $1\\times1$ convolutions. The weights are just reshaped.

**Sizes**: five 2×2 poolings give $384/32=12$; an unpadded 7×7 convolution gives $12-7+1=6$. Each output position is the classifier applied to a 224×224 window sliding with stride 32 ($6=(384-224)/32+1$).

**Efficiency**: the 36 windows overlap heavily, and classifying them one by one recomputes the shared convolutions; the fully convolutional net computes them once (as OverFeat first exploited). For segmentation this coarse stride-32 score map is then upsampled by transposed convolutions/bilinear interpolation and fused with pool4 and pool3 skip connections (FCN-16s, FCN-8s) into per-pixel predictions. The original FCN pads the first convolution by 100 pixels to get a large enough output.`,
      },
    },
    references: [FCN, VGG],
    verification: [VERIFY_CONV_OUTPUT_SHAPE, VERIFY_PARAMETER_COUNT],
  },
  {
    id: 'cnn-unet-valid-convolutions',
    topic: 'cnn',
    subtopic: 'segmentation',
    tags: ['u-net', 'output-size', 'skip-connection', 'cropping'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: '原始 U-Net 的编码器每级是两个无填充 3×3 卷积再接 2×2 最大池化，共 4 次下采样，底部再两个 3×3 卷积；解码器每级是 2×2 上卷积（尺寸翻倍）、与裁剪后的编码器特征拼接、再两个无填充 3×3 卷积。输入 $572\\times572$ 时输出多大？每个跳跃连接要裁剪成多大？',
      en: 'The original U-Net encoder level is two unpadded 3×3 convolutions followed by 2×2 max pooling, with 4 downsamplings and two more 3×3 convolutions at the bottom; each decoder level is a 2×2 up-convolution (doubling the size), concatenation with the cropped encoder features, and two unpadded 3×3 convolutions. For a $572\\times572$ input, how large is the output, and to what size must each skip connection be cropped?',
    },
    answer: {
      short: {
        zh: '编码器 572→570→568 | 284→282→280 | 140→138→136 | 68→66→64 | 32→30→28；解码器 56→54→52 | 104→102→100 | 200→198→196 | 392→390→388，输出 $388\\times388$。跳跃连接从 64、136、280、568 分别裁剪为 56、104、200、392。',
        en: 'Encoder 572→570→568 | 284→282→280 | 140→138→136 | 68→66→64 | 32→30→28; decoder 56→54→52 | 104→102→100 | 200→198→196 | 392→390→388, so the output is $388\\times388$. The skips are cropped from 64, 136, 280, 568 to 56, 104, 200, 392.',
      },
      full: {
        zh: `**编码器**（每个无填充 3×3 卷积减 2，池化减半）：
$$572\\to570\\to568\\xrightarrow{/2}284\\to282\\to280\\xrightarrow{/2}140\\to138\\to136\\xrightarrow{/2}68\\to66\\to64\\xrightarrow{/2}32\\to30\\to28 .$$

**解码器**（上卷积翻倍，两个卷积减 4）：
$$28\\xrightarrow{\\times2}56\\to52,\\quad 52\\xrightarrow{\\times2}104\\to100,\\quad 100\\xrightarrow{\\times2}200\\to196,\\quad 196\\xrightarrow{\\times2}392\\to388 .$$
最后 1×1 卷积映射到类别数，输出 $388\\times388$。

**裁剪**：拼接要求空间尺寸一致：编码器特征 64→56（每侧裁 4）、136→104（每侧 16）、280→200（每侧 40）、568→392（每侧 88）。

**为什么这样设计**：无填充卷积保证输出的每个像素都有完整的上下文，没有零填充带来的边界伪影；大图按重叠切块（overlap-tile）处理，缺失的边界用镜像填充。输入尺寸也必须满足每次池化前为偶数。现代实现大多改用 'same' 填充，使输出与输入同尺寸，省去裁剪。`,
        en: `**Encoder** (each unpadded 3×3 convolution removes 2, pooling halves):
$$572\\to570\\to568\\xrightarrow{/2}284\\to282\\to280\\xrightarrow{/2}140\\to138\\to136\\xrightarrow{/2}68\\to66\\to64\\xrightarrow{/2}32\\to30\\to28 .$$

**Decoder** (up-convolution doubles, two convolutions remove 4):
$$28\\xrightarrow{\\times2}56\\to52,\\quad 52\\xrightarrow{\\times2}104\\to100,\\quad 100\\xrightarrow{\\times2}200\\to196,\\quad 196\\xrightarrow{\\times2}392\\to388 .$$
A final 1×1 convolution maps to the classes: a $388\\times388$ output.

**Cropping**: concatenation needs equal sizes: encoder features 64→56 (4 per side), 136→104 (16 per side), 280→200 (40 per side), 568→392 (88 per side).

**Why this design**: unpadded convolutions give every output pixel its full context with no zero-padding border artefacts; large images are processed as overlapping tiles (overlap-tile), with missing borders mirrored. The input size must also be even before every pooling. Most modern implementations use 'same' padding so that output and input sizes match and no cropping is needed.`,
      },
    },
    references: [UNET, CONV_ARITHMETIC],
    verification: [VERIFY_CONV_OUTPUT_SHAPE],
  },
  {
    id: 'cnn-transposed-conv-overlap',
    topic: 'cnn',
    subtopic: 'upsampling',
    tags: ['transposed-convolution', 'checkerboard-artifacts', 'output-size', 'upsampling'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: '转置卷积的输出尺寸是多少（步幅 $s$、核 $k$、填充 $p$、output padding $a$）？计算 $n=4,k=3,s=2,p=1,a=1$ 和 $n=4,k=4,s=2,p=1$。在一维中，对 $k=3,s=2$ 和 $k=4,s=2$ 分别数一数每个输出位置被多少个输入“盖到”，解释棋盘伪影。',
      en: 'What output size does a transposed convolution give (stride $s$, kernel $k$, padding $p$, output padding $a$)? Compute $n=4,k=3,s=2,p=1,a=1$ and $n=4,k=4,s=2,p=1$. In 1-D, count for $k=3,s=2$ and for $k=4,s=2$ how many inputs "cover" each output position, and explain checkerboard artefacts.',
    },
    answer: {
      short: {
        zh: '$o=(n-1)s-2p+k+a$：两例都是 8。$k=3,s=2$ 时内部覆盖次数交替为 1、2、1、2……（不均匀），$k=4,s=2$ 时内部都是 2（均匀）。核大小不能被步幅整除时，部分输出像素收到的贡献更多，在二维中形成棋盘图案。',
        en: '$o=(n-1)s-2p+k+a$: both examples give 8. With $k=3,s=2$ the interior coverage alternates 1, 2, 1, 2, … (uneven); with $k=4,s=2$ it is 2 everywhere (even). When the kernel size is not divisible by the stride some output pixels receive more contributions, which in 2-D forms a checkerboard.',
      },
      full: {
        zh: `**尺寸**：转置卷积是卷积的梯度（对输入），它把每个输入元素乘以整个核，放到输出的 $s\\cdot i$ 位置并相加。不裁剪时长度为 $(n-1)s+k$，两侧各裁掉 $p$，再在末端补 $a$：
$$o=(n-1)s-2p+k+a .$$
- $n=4,k=3,s=2,p=1,a=1$：$6-2+3+1=8$；
- $n=4,k=4,s=2,p=1$：$6-2+4=8$。

$a$ 用来消除歧义：步幅 2 的卷积把 7 和 8 都映射到 4，所以反方向需要指明是哪一个。Keras/tfjs 的 'same' 转置卷积给出 $n\\cdot s$。

**覆盖次数**（一维，8 个输入，不裁剪）：
- $k=3,s=2$：\`1 1 2 1 2 1 2 … 2 1 1\`，内部在 1 与 2 之间交替；
- $k=4,s=2$：\`1 1 2 2 2 … 2 1 1\`，内部恒为 2；
- $k=2,s=2$：全为 1，不重叠。

**棋盘伪影**：当 $k$ 不能被 $s$ 整除时，奇偶位置的贡献数不同；即使权重学得很好，也很难让这种不均匀完全抵消，二维中两个方向的不均匀相乘，形成棋盘。堆叠多层会加剧。办法（Odena 等 2016）：选 $k$ 为 $s$ 的倍数；或先最近邻/双线性上采样再做普通卷积；或用亚像素卷积（PixelShuffle），并用 ICNR 初始化。`,
        en: `**Size**: a transposed convolution is the gradient of a convolution with respect to its input: each input element multiplies the whole kernel, lands at output position $s\\cdot i$, and the overlaps add. Uncropped the length is $(n-1)s+k$; crop $p$ on each side and add $a$ at the end:
$$o=(n-1)s-2p+k+a .$$
- $n=4,k=3,s=2,p=1,a=1$: $6-2+3+1=8$;
- $n=4,k=4,s=2,p=1$: $6-2+4=8$.

$a$ resolves an ambiguity: a stride-2 convolution maps both 7 and 8 to 4, so the reverse direction must say which. Keras/tfjs 'same' transposed convolutions give $n\\cdot s$.

**Coverage** (1-D, 8 inputs, uncropped):
- $k=3,s=2$: \`1 1 2 1 2 1 2 … 2 1 1\`, alternating 1 and 2 inside;
- $k=4,s=2$: \`1 1 2 2 2 … 2 1 1\`, constantly 2 inside;
- $k=2,s=2$: all 1, no overlap.

**Checkerboard**: when $k$ is not divisible by $s$, even and odd positions receive different numbers of contributions; even well-trained weights struggle to cancel this exactly, and in 2-D the unevenness of the two axes multiplies into a checkerboard, worse when layers are stacked. Remedies (Odena et al. 2016): make $k$ a multiple of $s$; or upsample with nearest/bilinear interpolation and then apply an ordinary convolution; or use sub-pixel convolution (PixelShuffle) with ICNR initialisation.`,
      },
    },
    references: [ODENA_CHECKERBOARD, CONV_ARITHMETIC, SUBPIXEL],
    verification: [VERIFY_CONV_OUTPUT_SHAPE],
  },
  {
    id: 'cnn-dice-loss',
    topic: 'cnn',
    subtopic: 'segmentation',
    tags: ['dice-loss', 'class-imbalance', 'segmentation-loss', 'medical-imaging'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: '二值分割中，前景只占 1% 的像素。为什么逐像素交叉熵可能学成“全预测背景”？软 Dice 系数 $\\frac{2\\sum p_it_i}{\\sum p_i+\\sum t_i}$ 如何缓解？对预测 $p=(0.9,0.8,0.1,0.2)$、标签 $t=(1,1,0,0)$ 计算软 Dice。',
      en: 'In binary segmentation the foreground is 1% of the pixels. Why can per-pixel cross-entropy learn "predict background everywhere"? How does the soft Dice coefficient $\\frac{2\\sum p_it_i}{\\sum p_i+\\sum t_i}$ help? Compute the soft Dice for predictions $p=(0.9,0.8,0.1,0.2)$ and labels $t=(1,1,0,0)$.',
    },
    answer: {
      short: {
        zh: '全预测背景时像素准确率已达 99%，交叉熵被大量背景像素主导。Dice 只关心前景的重叠，与真负样本的数量无关，因此对类别不平衡不敏感。例子：交集 $0.9+0.8=1.7$，分母 $2.0+2=4.0$，Dice $=3.4/4=0.85$，损失 $1-0.85=0.15$。',
        en: 'Predicting background everywhere already gives 99% pixel accuracy, and cross-entropy is dominated by the background pixels. Dice only measures the foreground overlap and ignores the number of true negatives, so it is insensitive to the imbalance. Example: intersection $0.9+0.8=1.7$, denominator $2.0+2=4.0$, Dice $=3.4/4=0.85$, loss $1-0.85=0.15$.',
      },
      full: {
        zh: `**问题**：交叉熵是像素平均，99% 的背景像素决定了梯度的大部分；网络很快学到“全背景”这一局部最优，此时前景召回率为 0，而像素准确率为 99%——这也说明像素准确率不是合适的评估指标，应看 IoU 或 Dice。

**软 Dice**：$D=\\frac{2\\sum_ip_it_i}{\\sum_ip_i+\\sum_it_i}$，$L=1-D$。它等价于 F1 分数的连续版本：真负样本（$p_i\\approx0,t_i=0$）既不出现在分子也几乎不出现在分母，背景像素再多也不影响。Milletari 等（V-Net，2016）在医学体数据上提出用它做损失（分母用平方和）。

**计算**：$\\sum p_it_i=0.9+0.8=1.7$，$\\sum p_i=2.0$，$\\sum t_i=2$，$D=3.4/4.0=0.85$。

**实践**：分母加平滑项 $\\epsilon$（全背景图像时避免 0/0）；Dice 损失梯度在预测很差时不稳定，常与交叉熵相加使用；多类时对每类求 Dice 再平均。其他选择：带类别权重的交叉熵、focal loss、Tversky loss（调节 FP 与 FN 的权重）。`,
        en: `**Problem**: cross-entropy averages over pixels, so the 99% background pixels supply most of the gradient; the network quickly settles on "all background", with 0 foreground recall and 99% pixel accuracy, which also shows that pixel accuracy is the wrong metric: use IoU or Dice.

**Soft Dice**: $D=\\frac{2\\sum_ip_it_i}{\\sum_ip_i+\\sum_it_i}$, $L=1-D$. It is a continuous F1 score: true negatives ($p_i\\approx0,t_i=0$) appear neither in the numerator nor (almost) in the denominator, so the amount of background does not matter. Milletari et al. (V-Net, 2016) proposed it as a loss for volumetric medical images (with squared sums in the denominator).

**Computation**: $\\sum p_it_i=0.9+0.8=1.7$, $\\sum p_i=2.0$, $\\sum t_i=2$, $D=3.4/4.0=0.85$.

**Practice**: add a smoothing $\\epsilon$ (avoiding 0/0 on all-background images); the Dice gradient is unstable when predictions are poor, so it is often added to cross-entropy; for several classes compute Dice per class and average. Alternatives: class-weighted cross-entropy, focal loss, the Tversky loss (weighting FPs against FNs).`,
      },
    },
    references: [VNET_DICE, UNET],
  },
  {
    id: 'cnn-vision-task-taxonomy',
    topic: 'cnn',
    subtopic: 'segmentation',
    tags: ['semantic-segmentation', 'instance-segmentation', 'panoptic-segmentation', 'task-definition'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: '对一张有三个人和一条路的街景，分类、定位、目标检测、语义分割、实例分割和全景分割分别输出什么？检测和分割是图像分类的一部分吗？',
      en: 'For a street scene with three people and a road, what do classification, localisation, object detection, semantic segmentation, instance segmentation and panoptic segmentation each output? Are detection and segmentation part of image classification?',
    },
    answer: {
      short: {
        zh: '分类：一个（或多个）图像级标签；定位：一个物体的类别和框；检测：每个人的框和类别（3 个框）；语义分割：每个像素的类别（三个人同为“人”）；实例分割：每个人各自的掩码；全景分割：每个像素的类别，可数物体（人）还带实例编号，不可数区域（路）只有类别。它们是不同的任务，输出与损失都不同。',
        en: 'Classification: one (or several) image-level labels; localisation: one object\'s class and box; detection: a box and class per person (3 boxes); semantic segmentation: a class per pixel (all three are "person"); instance segmentation: a separate mask per person; panoptic: a class per pixel plus an instance id for countable things (people) and class only for stuff (road). They are separate tasks with different outputs and losses.',
      },
      full: {
        zh: `| 任务 | 输出 | 典型损失 / 指标 |
|---|---|---|
| 分类 | $C$ 维概率向量 | 交叉熵 / top-1、top-5 准确率 |
| 定位（单目标） | 类别 + 4 个框坐标 | 交叉熵 + 框回归 / IoU |
| 目标检测 | 不定数量的（框、类别、分数） | 分类 + 框回归 + NMS / mAP |
| 语义分割 | $H\\times W$ 的类别图 | 逐像素交叉熵、Dice / mIoU |
| 实例分割 | 每个实例的掩码和类别 | 检测损失 + 掩码损失 / mask AP |
| 全景分割 | 每像素（类别, 实例 id） | 语义 + 实例 / PQ |

**关系**：它们共享 CNN 骨干，但头部、标注和评估都不同。检测比分类多出“在哪里、有几个”，分割再要求像素级精度；语义分割不区分同类的不同个体，实例分割只处理可数的“物体”（things），全景分割（Kirillov 等 2018）把两者统一，并用全景质量 PQ 评估。

**常见混淆**：把“分类网络 + 滑动窗口”当作检测，或把输出单个 sigmoid 的二分类器叫作检测器。`,
        en: `| Task | Output | Typical loss / metric |
|---|---|---|
| Classification | a $C$-way probability vector | cross-entropy / top-1, top-5 accuracy |
| Localisation (single object) | class + 4 box coordinates | cross-entropy + box regression / IoU |
| Object detection | a variable number of (box, class, score) | classification + box regression + NMS / mAP |
| Semantic segmentation | an $H\\times W$ class map | per-pixel cross-entropy, Dice / mIoU |
| Instance segmentation | a mask and class per instance | detection loss + mask loss / mask AP |
| Panoptic segmentation | (class, instance id) per pixel | semantic + instance / PQ |

**Relations**: they share CNN backbones but differ in heads, annotations and evaluation. Detection adds "where and how many" to classification, segmentation adds pixel accuracy; semantic segmentation does not separate individuals of a class, instance segmentation handles only countable things, and panoptic segmentation (Kirillov et al. 2018) unifies both, scored by panoptic quality (PQ).

**Common mix-ups**: calling "a classifier plus sliding windows" detection, or calling a single-sigmoid binary classifier a detector.`,
      },
    },
    references: [PANOPTIC, MASK_RCNN, FCN],
    misconceptions: [
      {
        claim: {
          zh: '图像分类任务包括目标检测和图像分割。',
          en: 'Image classification includes object detection and image segmentation.',
        },
        correction: {
          zh: '它们是不同的任务：分类输出图像级标签，检测输出框和类别，分割输出像素级标签；只是常共用 CNN 骨干。',
          en: 'They are separate tasks: classification outputs image-level labels, detection boxes and classes, segmentation per-pixel labels; they merely share CNN backbones.',
        },
        erratum: 14,
      },
    ],
  },
  // -------------------------------------------------------------------------
  // More arithmetic: receptive fields, 1-D/3-D convolutions, memory, factorisation
  // -------------------------------------------------------------------------
  {
    id: 'cnn-vgg16-receptive-field',
    topic: 'cnn',
    subtopic: 'receptive-field',
    tags: ['receptive-field', 'vgg', 'jump', 'stride'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'VGG-16 的卷积部分为 [conv3×2, pool2] [conv3×2, pool2] [conv3×3, pool2] [conv3×3, pool2] [conv3×3, pool2]（卷积步幅 1，池化步幅 2）。计算 conv5_3 和 pool5 的理论感受野与跳距（相邻单元在输入上的间距）。在 224×224 的输入上，这说明了什么？',
      en: 'VGG-16\'s convolutional part is [conv3×2, pool2] [conv3×2, pool2] [conv3×3, pool2] [conv3×3, pool2] [conv3×3, pool2] (stride-1 convolutions, stride-2 pooling). Compute the theoretical receptive field and the jump (input distance between adjacent units) of conv5_3 and of pool5. What does it mean for a 224×224 input?',
    },
    answer: {
      short: {
        zh: '用 $r_l=r_{l-1}+(k_l-1)j_{l-1}$：各段末尾依次为 6、16、44、100、212；conv5_3 的感受野 196、跳距 16，pool5 的感受野 212、跳距 32。理论上 pool5 的每个单元几乎看到整幅 224 图像，但有效感受野小得多。',
        en: 'With $r_l=r_{l-1}+(k_l-1)j_{l-1}$ the stage ends are 6, 16, 44, 100, 212; conv5_3 has receptive field 196 and jump 16, pool5 has 212 and jump 32. In theory every pool5 unit sees almost the whole 224 image, but the effective receptive field is much smaller.',
      },
      full: {
        zh: `**递推**：$r_0=1,j_0=1$；每层 $r\\leftarrow r+(k-1)j$，然后 $j\\leftarrow j\\cdot s$。

| 段 | 卷积后 $r$ | 池化后 $r$ | 池化后 $j$ |
|---|---|---|---|
| 1（2 个卷积，$j=1$） | 3, 5 | 6 | 2 |
| 2（2 个卷积，$j=2$） | 10, 14 | 16 | 4 |
| 3（3 个卷积，$j=4$） | 24, 32, 40 | 44 | 8 |
| 4（3 个卷积，$j=8$） | 60, 76, 92 | 100 | 16 |
| 5（3 个卷积，$j=16$） | 132, 164, 196 | 212 | 32 |

conv5_3：$r=196$，$j=16$；pool5：$r=212$，$j=32$。

**含义**：pool5 的 $7\\times7$ 网格中每个单元的理论感受野（212）接近整幅图像（224），相邻单元相距 32 像素，这正是 FCN 得分图“步幅 32”的来源。但 Luo 等（2016）表明有效感受野近似高斯、集中在中心，远小于理论值；所以加入全局上下文的模块（如全局平均池化、ASPP 的图像级特征）仍然有用。注意卷积层与池化层的 'same' 填充不改变感受野大小，只影响边缘单元中有多少是填充。`,
        en: `**Recursion**: $r_0=1,j_0=1$; at each layer $r\\leftarrow r+(k-1)j$, then $j\\leftarrow j\\cdot s$.

| Stage | $r$ after the convs | $r$ after the pool | $j$ after the pool |
|---|---|---|---|
| 1 (2 convs, $j=1$) | 3, 5 | 6 | 2 |
| 2 (2 convs, $j=2$) | 10, 14 | 16 | 4 |
| 3 (3 convs, $j=4$) | 24, 32, 40 | 44 | 8 |
| 4 (3 convs, $j=8$) | 60, 76, 92 | 100 | 16 |
| 5 (3 convs, $j=16$) | 132, 164, 196 | 212 | 32 |

conv5_3: $r=196$, $j=16$; pool5: $r=212$, $j=32$.

**Meaning**: each cell of pool5's $7\\times7$ grid has a theoretical field (212) close to the whole image (224), and neighbours are 32 pixels apart, the origin of FCN's "stride 32" score maps. But Luo et al. (2016) show the effective receptive field is roughly Gaussian, concentrated at the centre and much smaller, so modules that add global context (global average pooling, ASPP's image-level features) still help. 'Same' padding does not change the receptive field's size; it only decides how much of a border unit's field is padding.`,
      },
    },
    references: [VGG, LUO_ERF, CONV_ARITHMETIC],
    verification: [VERIFY_RECEPTIVE_FIELD],
  },
  {
    id: 'cnn-textcnn-1d-convolution',
    topic: 'cnn',
    subtopic: 'fundamentals',
    tags: ['1d-convolution', 'textcnn', 'parameter-count', 'grid-data'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: 'Kim（2014）的 TextCNN：句子长 50 个词，词向量 300 维，宽度 3、4、5 的一维卷积各 100 个（无填充），之后对时间做最大池化、拼接、接分类层。计算三种卷积的参数量和输出长度，以及池化后的特征维度。为什么说 CNN 不是只为图像设计的？',
      en: 'Kim\'s (2014) TextCNN: 50-word sentences, 300-dimensional embeddings, 100 unpadded 1-D convolutions each of widths 3, 4 and 5, then max-over-time pooling, concatenation and a classifier. Compute the parameters and output lengths of the three convolutions and the pooled feature size. Why are CNNs not only for images?',
    },
    answer: {
      short: {
        zh: '参数 $3\\cdot300\\cdot100+100=90{,}100$、$120{,}100$、$150{,}100$，共 360,300；输出长度 48、47、46；最大池化后每个卷积核一个数，拼接为 300 维。卷积只要求数据有网格结构（相邻元素相关、模式可出现在任何位置），文本、音频、时间序列都满足。',
        en: 'Parameters $3\\cdot300\\cdot100+100=90{,}100$, $120{,}100$ and $150{,}100$, 360,300 in all; output lengths 48, 47, 46; max-over-time pooling leaves one number per filter, 300 after concatenation. Convolutions only need grid-structured data (nearby entries related, patterns anywhere), which text, audio and time series satisfy.',
      },
      full: {
        zh: `**一维卷积**：把句子看作长度 50、300 个通道的序列；宽度 $h$ 的卷积核形状为 $h\\times300$，在时间轴上滑动，相当于学习 $h$-gram 检测器。

**参数**：$h\\cdot300\\cdot100+100$：$h=3$ 为 90,100，$h=4$ 为 120,100，$h=5$ 为 150,100，合计 360,300（这里词向量本身的 $|V|\\cdot300$ 参数未计入）。

**输出长度**：$50-h+1$：48、47、46。

**最大池化**：对每个卷积核在时间上取最大值，得到与句子长度无关的 $3\\cdot100=300$ 维特征，再接 dropout 和 softmax。它回答“这个 n-gram 模式是否在句子中出现过”，与位置无关。

**不只是图像**：Goodfellow 等把 CNN 定义为处理具有网格拓扑数据的网络；文本（TextCNN）、原始音频（WaveNet）、时间序列用一维卷积，语谱图用二维卷积，视频和 CT 用三维卷积。`,
        en: `**1-D convolution**: the sentence is a length-50 sequence with 300 channels; a width-$h$ filter of shape $h\\times300$ slides along time, learning an $h$-gram detector.

**Parameters**: $h\\cdot300\\cdot100+100$: 90,100 for $h=3$, 120,100 for $h=4$, 150,100 for $h=5$, 360,300 in all (the embedding table's $|V|\\cdot300$ not included).

**Output lengths**: $50-h+1$: 48, 47, 46.

**Max-over-time pooling**: each filter's maximum over time gives a $3\\cdot100=300$-dimensional feature independent of sentence length, followed by dropout and a softmax. It answers "did this n-gram pattern occur anywhere", regardless of position.

**Not only images**: Goodfellow et al. define CNNs as networks for grid-structured data; text (TextCNN), raw audio (WaveNet) and time series use 1-D convolutions, spectrograms 2-D, video and CT scans 3-D.`,
      },
    },
    references: [KIM_TEXTCNN, DLBOOK_CONV, WAVENET],
    misconceptions: [
      {
        claim: {
          zh: 'CNN 是专门为图像设计的，不能处理文本或音频。',
          en: 'CNNs are designed specifically for images and cannot handle text or audio.',
        },
        correction: {
          zh: 'CNN 适用于任何网格结构数据；一维卷积是文本分类和音频建模的标准工具之一。',
          en: 'CNNs apply to any grid-structured data; 1-D convolutions are a standard tool for text classification and audio modelling.',
        },
        erratum: 11,
      },
    ],
    verification: [VERIFY_PARAMETER_COUNT, VERIFY_CONV_OUTPUT_SHAPE],
  },
  {
    id: 'cnn-3d-convolution',
    topic: 'cnn',
    subtopic: 'fundamentals',
    tags: ['3d-convolution', 'video', 'parameter-count', 'flops'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'C3D 风格的 3×3×3 卷积，64→128 通道（带偏置），作用于 $16\\times56\\times56$（帧×高×宽）的特征体，\'same\' 填充、步幅 1。它有多少参数、多少次乘加？为什么它的参数量与一个 3×3、192→128 的二维卷积相同，二者却不等价？',
      en: 'A C3D-style 3×3×3 convolution with 64→128 channels (with bias) on a $16\\times56\\times56$ (frames×height×width) volume, \'same\' padding, stride 1. How many parameters and multiply-adds does it have? Why does it have as many parameters as a 3×3, 192→128 2-D convolution, and yet the two are not equivalent?',
    },
    answer: {
      short: {
        zh: '参数 $27\\cdot64\\cdot128+128=221{,}312$；乘加 $16\\cdot56\\cdot56\\cdot27\\cdot64\\cdot128=11{,}098{,}128{,}384$（约 111 亿）。把相邻 3 帧的 64 通道堆成 192 通道做 2D 卷积参数相同（$9\\cdot192\\cdot128+128=221{,}312$），但 3D 卷积在时间轴上也共享权重并滑动，输出保留时间维度。',
        en: 'Parameters $27\\cdot64\\cdot128+128=221{,}312$; multiply-adds $16\\cdot56\\cdot56\\cdot27\\cdot64\\cdot128=11{,}098{,}128{,}384$ (about 11.1 billion). Stacking 3 adjacent frames\' 64 channels into 192 for a 2-D convolution has the same parameters ($9\\cdot192\\cdot128+128=221{,}312$), but the 3-D convolution also shares weights and slides along time, keeping a time axis in its output.',
      },
      full: {
        zh: `**公式**：$k_tk_hk_wc_{in}c_{out}+c_{out}$ 个参数，$T_{out}H_{out}W_{out}k_tk_hk_wc_{in}c_{out}$ 次乘加。

**计算**：$27\\cdot64\\cdot128+128=221{,}312$；$16\\cdot56\\cdot56=50{,}176$ 个输出位置，每个 $27\\cdot64\\cdot128=221{,}184$ 次乘加，共 $11{,}098{,}128{,}384$。相同空间尺寸的 2D 卷积少 16 倍（少了 16 帧）且每个位置少 3 倍。

**与 2D 的关系**：在单个时间位置上，3×3×3 卷积确实等于把三帧拼成 192 通道的 3×3 卷积，所以参数量相同。区别在于 3D 卷积沿时间轴**滑动并共享权重**：同一个运动模式在任何时刻被同一个卷积核检测，输出仍是 16 帧的时序特征，可以继续用时间卷积/池化建模更长的运动。早期融合的 2D 做法只在输入端看一次时间。

**代价与替代**：3D 卷积计算量大，视频模型常用 (2+1)D 分解（空间 1×3×3 后接时间 3×1×1）、I3D（把 2D 预训练权重“膨胀”为 3D），或者只在高层做时间建模。C3D（Tran 等 2015）发现 3×3×3 是较好的统一核大小。`,
        en: `**Formula**: $k_tk_hk_wc_{in}c_{out}+c_{out}$ parameters and $T_{out}H_{out}W_{out}k_tk_hk_wc_{in}c_{out}$ multiply-adds.

**Numbers**: $27\\cdot64\\cdot128+128=221{,}312$; $16\\cdot56\\cdot56=50{,}176$ output positions of $27\\cdot64\\cdot128=221{,}184$ multiply-adds each, $11{,}098{,}128{,}384$ in all. A 2-D convolution on one frame costs 16 times less (no 16 frames) and 3 times less per position.

**Relation to 2-D**: at one time step a 3×3×3 convolution does equal a 3×3 convolution over three frames stacked into 192 channels, hence the same parameter count. The difference is that the 3-D convolution **slides along time and shares its weights there**: the same motion pattern is detected by the same kernel at any moment, and the output is still a 16-frame sequence that later temporal convolutions/pooling can model further. Early-fusion 2-D models look at time only once, at the input.

**Cost and alternatives**: 3-D convolutions are expensive; video models use (2+1)D factorisations (spatial 1×3×3 then temporal 3×1×1), I3D (inflating 2-D pretrained weights into 3-D), or temporal modelling only in later layers. C3D (Tran et al.) found 3×3×3 a good uniform kernel size.`,
      },
    },
    references: [C3D, DLBOOK_CONV],
    verification: [VERIFY_PARAMETER_COUNT, VERIFY_CONV_FLOPS],
  },
  {
    id: 'cnn-activation-memory',
    topic: 'cnn',
    subtopic: 'conv-arithmetic',
    tags: ['memory', 'activations', 'batch-size', 'gradient-checkpointing'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: 'VGG-16 的 conv1_1 输出 $224\\times224\\times64$。以 float32 计，一张图像这一层的激活占多少内存？批大小 32 呢？整个 VGG-16 前向一张图像的激活（输入、13 个卷积输出、5 个池化输出、3 个全连接输出）共多少个数？为什么训练时内存瓶颈常在激活而非参数？',
      en: 'VGG-16\'s conv1_1 outputs $224\\times224\\times64$. In float32, how much memory do this layer\'s activations take for one image, and for a batch of 32? How many numbers does a whole VGG-16 forward pass keep for one image (input, 13 conv outputs, 5 pool outputs, 3 dense outputs)? Why is training memory usually bound by activations rather than parameters?',
    },
    answer: {
      short: {
        zh: 'conv1_1：3,211,264 个数，约 12.85 MB；批 32 时约 411 MB。整次前向共 15,237,608 个数，约 61 MB/图像，批 32 约 1.95 GB；参数 138,357,544 个约 553 MB，与批大小无关。反向传播要保存前向激活，所以激活内存随批大小线性增长，且集中在高分辨率的浅层。',
        en: 'conv1_1: 3,211,264 numbers, about 12.85 MB; about 411 MB for a batch of 32. The whole forward pass keeps 15,237,608 numbers, about 61 MB per image, about 1.95 GB for 32; the 138,357,544 parameters take about 553 MB regardless of batch size. Backpropagation must keep the forward activations, so activation memory grows linearly with the batch and sits mostly in the high-resolution early layers.',
      },
      full: {
        zh: `**conv1_1**：$224\\cdot224\\cdot64=3{,}211{,}264$ 个数 $\\times4$ 字节 $\\approx12.85$ MB；批 32：约 411 MB——仅一层。

**整次前向**（每张图像）：输入 150,528；块 1 两个卷积各 3,211,264，池化 802,816；块 2 两个卷积各 1,605,632，池化 401,408；块 3 三个卷积各 802,816，池化 200,704；块 4 三个卷积各 401,408，池化 100,352；块 5 三个卷积各 100,352，池化 25,088；全连接 4096、4096、1000。合计 15,237,608 个数，约 61 MB；若还保存 ReLU 输出等中间结果会更多。

**参数**：138,357,544 个，约 553 MB，再加上梯度与 Adam 的两个矩估计约为 4 倍，但与批大小无关；而激活乘以批大小，大批量或高分辨率（分割、检测）时很快超过参数。

**对策**：减小批大小或分辨率、混合精度（激活减半）、梯度检查点（只保存部分层的激活，反向时重算，Chen 等 2016 的 $O(\\sqrt n)$ 内存方案）、把 BN+ReLU 做成原地操作。`,
        en: `**conv1_1**: $224\\cdot224\\cdot64=3{,}211{,}264$ numbers $\\times4$ bytes $\\approx12.85$ MB; about 411 MB for a batch of 32, for one layer.

**Whole forward pass** (per image): input 150,528; block 1 two convs of 3,211,264 and a pool of 802,816; block 2 two convs of 1,605,632 and a pool of 401,408; block 3 three convs of 802,816 and a pool of 200,704; block 4 three convs of 401,408 and a pool of 100,352; block 5 three convs of 100,352 and a pool of 25,088; dense 4096, 4096, 1000. Total 15,237,608 numbers, about 61 MB; more if ReLU outputs and other intermediates are stored separately.

**Parameters**: 138,357,544, about 553 MB, roughly 4 times that with gradients and Adam's two moments, but independent of the batch; activations scale with the batch and with resolution (segmentation, detection) and soon exceed the parameters.

**Remedies**: smaller batches or resolutions, mixed precision (half the activation memory), gradient checkpointing (keep only some layers' activations and recompute the rest in the backward pass; Chen et al. 2016 reach $O(\\sqrt n)$ memory), in-place BN+ReLU.`,
      },
    },
    references: [VGG, CHECKPOINTING, CS231N_CONV],
    verification: [VERIFY_CONV_OUTPUT_SHAPE],
  },
  {
    id: 'cnn-spatially-separable-kernels',
    topic: 'cnn',
    subtopic: 'efficient-convolutions',
    tags: ['spatially-separable', 'factorization', 'inception', 'parameter-count'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: '把 $k\\times k$ 卷积分解为 $1\\times k$ 后接 $k\\times1$（通道数不变）。对 $k=3$ 和 $k=7$，每对输入/输出通道的权重从多少降到多少？对 256→256 通道、$k=3$（无偏置），具体参数是多少？Sobel 算子为什么可以精确分解，一般的卷积核呢？',
      en: 'Factor a $k\\times k$ convolution into $1\\times k$ followed by $k\\times1$ (same channel count). For $k=3$ and $k=7$, how many weights per input/output channel pair before and after? For 256→256 channels with $k=3$ (no bias), what are the actual counts? Why does the Sobel operator factor exactly, and what about a general kernel?',
    },
    answer: {
      short: {
        zh: '$k^2\\to2k$：$k=3$ 时 9→6（省 33%），$k=7$ 时 49→14（省约 71%）。256 通道：$9\\cdot256^2=589{,}824\\to2\\cdot3\\cdot256^2=393{,}216$。Sobel 核是秩 1 的外积 $[1,2,1]^\\top[1,0,-1]$；一般核只有秩为 1 时才能精确分解，但两层之间加非线性后学到的网络同样有效（Inception v3）。',
        en: '$k^2\\to2k$: 9→6 for $k=3$ (33% fewer), 49→14 for $k=7$ (about 71% fewer). With 256 channels: $9\\cdot256^2=589{,}824\\to2\\cdot3\\cdot256^2=393{,}216$. Sobel is a rank-1 outer product $[1,2,1]^\\top[1,0,-1]$; a general kernel factors exactly only if it has rank 1, but with a nonlinearity between the two layers the learned network works as well (Inception v3).',
      },
      full: {
        zh: `**计数**：$1\\times k$ 与 $k\\times1$ 各 $k$ 个权重（每对通道），共 $2k$，原来 $k^2$：

- $k=3$：$9\\to6$，节省 $1/3$；
- $k=7$：$49\\to14$，节省 $35/49\\approx71\\%$。

256→256 通道：$9\\cdot65{,}536=589{,}824$ 对 $2\\cdot3\\cdot65{,}536=393{,}216$。乘加次数按同样比例下降。

**精确性**：两层线性的 $1\\times k$ 与 $k\\times1$ 卷积组合（单通道）等于外积核 $v u^\\top$，秩为 1。Sobel $G_x=\\begin{pmatrix}1&0&-1\\\\2&0&-2\\\\1&0&-1\\end{pmatrix}=\\begin{pmatrix}1\\\\2\\\\1\\end{pmatrix}\\begin{pmatrix}1&0&-1\\end{pmatrix}$（平滑 × 差分），高斯核同理，所以经典图像处理常用可分离滤波。一般的 $k\\times k$ 核秩可达 $k$，需要秩 $k$ 个外积之和（SVD）。多通道时分解限制更强（中间通道数固定）。

**网络中**：Szegedy 等（Inception v3）把 $7\\times7$ 分解为 $1\\times7$ 与 $7\\times1$，并在中间加入非线性，用于中等尺寸（12–20）的特征图效果好；在最早的层中效果较差。与深度可分离卷积不同，这是**空间**可分离。`,
        en: `**Counts**: $1\\times k$ and $k\\times1$ have $k$ weights each per channel pair, $2k$ in all instead of $k^2$:

- $k=3$: $9\\to6$, a third fewer;
- $k=7$: $49\\to14$, $35/49\\approx71\\%$ fewer.

For 256→256 channels: $9\\cdot65{,}536=589{,}824$ against $2\\cdot3\\cdot65{,}536=393{,}216$. Multiply-adds fall in the same proportion.

**Exactness**: two linear convolutions $1\\times k$ then $k\\times1$ (one channel) compose to the outer-product kernel $vu^\\top$, of rank 1. Sobel $G_x=\\begin{pmatrix}1&0&-1\\\\2&0&-2\\\\1&0&-1\\end{pmatrix}=\\begin{pmatrix}1\\\\2\\\\1\\end{pmatrix}\\begin{pmatrix}1&0&-1\\end{pmatrix}$ (smoothing × difference), and Gaussians likewise, which is why classical image processing uses separable filters. A general $k\\times k$ kernel can have rank $k$ and needs a sum of $k$ outer products (SVD). With many channels the factorised form is even more constrained (fixed intermediate channels).

**In networks**: Szegedy et al. (Inception v3) factor $7\\times7$ into $1\\times7$ and $7\\times1$ with a nonlinearity between, which works well on medium-sized maps (12–20) and poorly in the earliest layers. Unlike depthwise-separable convolutions, this is **spatial** separability.`,
      },
    },
    references: [INCEPTION_V3, DLBOOK_CONV],
    verification: [VERIFY_PARAMETER_COUNT],
  },
  {
    id: 'cnn-atrous-output-stride',
    topic: 'cnn',
    subtopic: 'segmentation',
    tags: ['atrous-convolution', 'output-stride', 'deeplab', 'dense-prediction'],
    kind: 'numeric',
    difficulty: 4,
    prompt: {
      zh: 'ResNet 骨干的输出步幅为 32。DeepLab 把最后一个（或两个）阶段的步幅 2 去掉、改用空洞卷积，使输出步幅变为 16（或 8）。对 $512\\times512$ 的输入，三种设置的最终特征图多大？为保持感受野，被去掉步幅之后的层空洞率应设为多少？代价是什么？',
      en: 'A ResNet backbone has output stride 32. DeepLab removes the stride 2 of the last one (or two) stages and uses atrous convolutions instead, for output stride 16 (or 8). For a $512\\times512$ input, how large is the final feature map in the three settings? What dilation must the layers after a removed stride use to keep their receptive field, and what does it cost?',
    },
    answer: {
      short: {
        zh: '输出步幅 32、16、8 分别得到 $16\\times16$、$32\\times32$、$64\\times64$。去掉一个步幅 2 后，其后各层的空洞率乘 2（去掉两个则后一阶段为 4），这样每层的感受野增量 $d(k-1)j$ 不变，参数也不变。代价是这些阶段的特征图面积变为 4 倍（或 16 倍），计算与内存随之增加。',
        en: 'Output strides 32, 16 and 8 give $16\\times16$, $32\\times32$ and $64\\times64$. After removing one stride 2, every later layer doubles its dilation (4 for the last stage when two are removed), so each layer\'s receptive-field increment $d(k-1)j$ and the parameters stay the same. The cost is 4 times (or 16 times) the spatial area in those stages, with compute and memory to match.',
      },
      full: {
        zh: `**尺寸**：$512/32=16$，$512/16=32$，$512/8=64$。

**为什么空洞率要翻倍**：感受野递推 $r\\leftarrow r+d(k-1)j$，其中 $j$ 是之前步幅的乘积。去掉一个步幅 2 后，后续层的 $j$ 减半；把空洞率 $d$ 乘 2 恰好补偿，使每层的感受野增量与原网络相同——网络“看到”的范围一样，只是采样得更密。因为权重数不变，ImageNet 预训练权重可以直接使用。

**代价**：输出步幅 16 时，最后一个阶段（ResNet-50 中 3 个 bottleneck）的面积是原来的 4 倍；输出步幅 8 时倒数第二个阶段（6 个块）也变为 4 倍，最后阶段 16 倍。Chen 等（2017，DeepLabv3）训练时用输出步幅 16，评估时用 8 可再提高精度。

**ASPP**：在最终特征图上并行使用不同空洞率（输出步幅 16 时为 6、12、18）的 3×3 卷积、一个 1×1 卷积和图像级全局池化，再拼接。空洞率过大时，3×3 核的 9 个采样点大多落在填充区，退化为 1×1，这也是引入图像级特征的原因。`,
        en: `**Sizes**: $512/32=16$, $512/16=32$, $512/8=64$.

**Why double the dilation**: the recursion is $r\\leftarrow r+d(k-1)j$ with $j$ the product of earlier strides. Removing a stride 2 halves $j$ for all later layers; doubling $d$ compensates exactly, so every layer adds the same receptive field as before: the network sees the same extent, sampled more densely. The weights are unchanged, so ImageNet-pretrained weights carry over.

**Cost**: at output stride 16 the last stage (3 bottlenecks in ResNet-50) works on 4 times the area; at output stride 8 the stage before it (6 blocks) does too, and the last stage on 16 times. Chen et al. (2017, DeepLabv3) train at output stride 16 and evaluate at 8 for extra accuracy.

**ASPP**: on the final map, parallel 3×3 convolutions with several dilations (6, 12, 18 at output stride 16), a 1×1 convolution and image-level global pooling, concatenated. With very large dilations most of a 3×3 kernel's 9 taps fall in the padding and it degenerates to a 1×1, one reason for adding the image-level features.`,
      },
    },
    references: [CHEN_ATROUS, DEEPLAB, DILATED],
    verification: [VERIFY_CONV_OUTPUT_SHAPE, VERIFY_RECEPTIVE_FIELD],
  },
  // -------------------------------------------------------------------------
  // More debugging
  // -------------------------------------------------------------------------
  {
    id: 'cnn-debug-flatten-size-mismatch',
    topic: 'cnn',
    subtopic: 'debugging',
    tags: ['flatten', 'output-size', 'input-shape', 'debugging'],
    kind: 'debug',
    difficulty: 2,
    prompt: {
      zh: '一个在 $28\\times28$ MNIST 上训练的模型（Conv3-32 → Pool2 → Conv3-64 → Pool2 → Flatten → Dense(10)，卷积无填充）被拿来处理 $32\\times32$ 的图像，加载权重时报错：Dense 层期望输入 1600 维，实际 2304 维。为什么？有哪些修复方法？',
      en: 'A model trained on $28\\times28$ MNIST (Conv3-32 → Pool2 → Conv3-64 → Pool2 → Flatten → Dense(10), unpadded convolutions) is applied to $32\\times32$ images, and loading the weights fails: the Dense layer expects 1600 inputs but gets 2304. Why, and how can it be fixed?',
    },
    answer: {
      short: {
        zh: '卷积和池化的权重与输入尺寸无关，但 Flatten 后的维度等于最后特征图的面积乘通道：28 输入得到 $5\\cdot5\\cdot64=1600$，32 输入得到 $32\\to30\\to15\\to13\\to6$，$6\\cdot6\\cdot64=2304$。修复：把图像缩放/裁剪到 28；或用全局平均池化代替 Flatten（头部只需 64 维）并重新训练头部。',
        en: 'Convolution and pooling weights do not depend on the input size, but the flattened size is the final map\'s area times its channels: a 28 input gives $5\\cdot5\\cdot64=1600$, a 32 input $32\\to30\\to15\\to13\\to6$, $6\\cdot6\\cdot64=2304$. Fix: resize/crop to 28, or replace Flatten with global average pooling (a 64-dimensional head) and retrain the head.',
      },
      full: {
        zh: `**尺寸推导**：
- 28：$28\\to26\\to13\\to11\\to5$，Flatten $5\\cdot5\\cdot64=1{,}600$；
- 32：$32\\to30\\to15\\to13\\to6$，Flatten $6\\cdot6\\cdot64=2{,}304$。

卷积核在任何尺寸上都能滑动，唯一绑定尺寸的是 Dense 的权重矩阵 $1600\\times10$。

**修复**：

1. 预处理到训练尺寸（缩放或中心裁剪到 28×28），并使用相同的归一化；
2. 把 Flatten 换成 GlobalAveragePooling2D，头部变为 $64\\times10$，与尺寸无关（需重新训练头部，最好整体微调）；
3. 把 Dense 看成 $5\\times5$ 卷积（FCN 的做法），在更大的输入上得到一张 $2\\times2$ 的得分图，再取平均或最大。

**预防**：在模型构建时声明并检查输入形状；写一个测试：对训练尺寸以外的输入要么明确报错（说明期望尺寸），要么（使用 GAP 时）输出形状正确。注意 2×2 池化对奇数边长会丢掉最后一行一列（$13\\to6$），这也会悄悄改变尺寸。`,
        en: `**Sizes**:
- 28: $28\\to26\\to13\\to11\\to5$, Flatten $5\\cdot5\\cdot64=1{,}600$;
- 32: $32\\to30\\to15\\to13\\to6$, Flatten $6\\cdot6\\cdot64=2{,}304$.

Kernels slide over any size; the only size-bound weights are the Dense layer's $1600\\times10$ matrix.

**Fixes**:

1. Preprocess to the training size (resize or centre-crop to 28×28) with the same normalisation;
2. replace Flatten with GlobalAveragePooling2D: the head becomes $64\\times10$ and size-independent (retrain the head, preferably fine-tune everything);
3. treat the Dense layer as a $5\\times5$ convolution (the FCN trick) to get a $2\\times2$ score map on the larger input, then average or max it.

**Prevention**: declare and check the input shape when building the model; test that inputs of other sizes either fail with a message naming the expected size or (with GAP) give the right output shape. Note that 2×2 pooling drops the last row and column of odd sides ($13\\to6$), which also changes sizes silently.`,
      },
    },
    references: [CS231N_CONV, NIN, FCN],
  },
  {
    id: 'cnn-debug-box-flip-augmentation',
    topic: 'cnn',
    subtopic: 'debugging',
    tags: ['data-augmentation', 'bounding-box', 'object-detection', 'debugging'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: '给单目标检测器加上随机水平翻转增强后，分类准确率不变，但框的平均 IoU 从 0.7 降到约 0.4，预测框常出现在物体的镜像位置。宽 100 的图像中框 $(x_1,y_1,x_2,y_2)=(10,20,30,60)$ 翻转后应是什么？bug 在哪里？',
      en: 'After adding random horizontal flips to a single-object detector, classification accuracy is unchanged but mean box IoU drops from 0.7 to about 0.4, and predicted boxes often sit at the mirrored position. In a width-100 image, what should the box $(x_1,y_1,x_2,y_2)=(10,20,30,60)$ become after a flip? Where is the bug?',
    },
    answer: {
      short: {
        zh: '应为 $(100-30,20,100-10,60)=(70,20,90,60)$：$x_1\'=W-x_2$，$x_2\'=W-x_1$，$y$ 不变。bug 是只翻转了图像、没有变换框（一半训练样本的标签指向镜像位置），或者变换了但没交换 $x_1,x_2$，得到 $x_1>x_2$ 的无效框。',
        en: 'It should be $(100-30,20,100-10,60)=(70,20,90,60)$: $x_1\'=W-x_2$, $x_2\'=W-x_1$, $y$ unchanged. The bug is flipping the image without transforming the box (half the training labels point at the mirrored position), or transforming without swapping $x_1,x_2$, which gives invalid boxes with $x_1>x_2$.',
      },
      full: {
        zh: `**正确变换**（连续坐标，宽 $W$）：$x\\mapsto W-x$，所以新的左边界来自旧的右边界：$x_1'=W-x_2=70$，$x_2'=W-x_1=90$，$y_1,y_2$ 不变，得到 $(70,20,90,60)$。归一化坐标时 $W=1$。若使用整数像素索引的约定（像素 $0..W-1$），则为 $W-1-x$，两种约定不能混用。

**症状解释**：分类对翻转不变，所以准确率不受影响；框标签有一半是错的，网络学到的是“真实位置与镜像位置的折中”，IoU 明显下降。另一种写法错误——变换了坐标却没交换——得到 $x_1>x_2$ 的框，IoU 实现若不处理会得到负面积或被截断为 0。

**通用原则**：几何增强（翻转、裁剪、缩放、旋转）必须同时作用于图像和标签（框、关键点、掩码）；裁剪后要截断到图像内并丢弃过小的框；关键点翻转还要交换左右语义（左眼↔右眼）。

**测试**：对合成数据，构造已知框，翻转两次应还原；翻转后在框内的像素应与原图镜像位置一致；并断言所有框满足 $x_1<x_2,y_1<y_2$。`,
        en: `**Correct transform** (continuous coordinates, width $W$): $x\\mapsto W-x$, so the new left edge comes from the old right edge: $x_1'=W-x_2=70$, $x_2'=W-x_1=90$, $y_1,y_2$ unchanged: $(70,20,90,60)$. With normalised coordinates $W=1$. With integer pixel indices ($0..W-1$) it is $W-1-x$; never mix the two conventions.

**Why these symptoms**: classification is flip-invariant, so accuracy is unaffected; half the box labels are wrong, and the network learns a compromise between the true and mirrored positions, so IoU drops. The other slip, transforming without swapping, yields boxes with $x_1>x_2$; an IoU implementation that does not handle them produces negative areas or clamps to 0.

**General rule**: geometric augmentations (flip, crop, scale, rotate) must transform the image and its labels (boxes, keypoints, masks) together; after cropping, clip boxes to the image and drop tiny ones; flipping keypoints also swaps left/right semantics (left eye ↔ right eye).

**Tests**: on synthetic data with known boxes, flipping twice is the identity; the pixels inside the flipped box match the mirrored original; and every box satisfies $x_1<x_2,y_1<y_2$.`,
      },
    },
    references: [KARPATHY_RECIPE, SSD],
  },
  {
    id: 'cnn-debug-detector-predicts-mean-box',
    topic: 'cnn',
    subtopic: 'debugging',
    tags: ['box-regression', 'loss-balancing', 'normalization', 'object-detection'],
    kind: 'debug',
    difficulty: 3,
    prompt: {
      zh: '一个单目标检测器用 MSE 直接回归像素坐标（0–224），分类用交叉熵，两个损失直接相加。训练后，无论输入是什么，预测框几乎都在图像中央、大小等于训练集的平均框，分类准确率也偏低。原因和修复？',
      en: 'A single-object detector regresses raw pixel coordinates (0–224) with MSE and classifies with cross-entropy, adding the two losses. After training it predicts nearly the same box, centred and as large as the training set\'s mean box, for every input, and classification accuracy is low too. Why, and how do you fix it?',
    },
    answer: {
      short: {
        zh: '像素坐标的 MSE 在初始时可达数千，远大于约 2.3 的交叉熵，主导了梯度；而输出常数“平均框”是 MSE 的最佳常数解，网络先收敛到那里，分类几乎学不到。修复：坐标归一化到 [0,1]（sigmoid 输出），用 Smooth L1 或 GIoU 损失，给两项加权平衡，并检查学习率。',
        en: 'Pixel-coordinate MSE starts in the thousands, far above a cross-entropy of about 2.3, and dominates the gradient; the constant "mean box" is the best constant solution for MSE, so the network converges there first and barely learns classification. Fix: normalise coordinates to [0,1] (sigmoid outputs), use Smooth L1 or a GIoU loss, weight the two terms to balance them, and check the learning rate.',
      },
      full: {
        zh: `**诊断**：

- 初始输出接近 0，目标约 100 像素，每个坐标平方误差约 $10^4$；交叉熵约 $\\ln C$。总梯度几乎全部来自回归项，大学习率下还可能让共享的骨干特征被破坏。
- 对 MSE，最优常数预测是目标的均值；当网络还没学会从图像中提取位置信息时，“平均框”是最容易到达的解——看到它说明回归分支没有从输入中获得信号。

**修复**：

1. 坐标除以图像尺寸，输出层用 sigmoid（或预测中心偏移与对数宽高）；
2. 用 Smooth L1（对离群值鲁棒）或直接优化 IoU 的 GIoU/DIoU 损失；
3. $L=L_{cls}+\\lambda L_{box}$，让两项初始量级相近，并分别记录；
4. 先在一个小批量上过拟合：能否把 IoU 推到接近 1？不能则是模型或数据流水线有问题（例如框与图像不对应、增强时没有变换框）。

**基线**：记录“总是预测平均框”的 IoU；模型必须明显超过它，测试中可以断言这一点。`,
        en: `**Diagnosis**:

- Initial outputs are near 0 and targets around 100 pixels, so each coordinate's squared error is about $10^4$, against a cross-entropy of about $\\ln C$. Almost all the gradient comes from regression, and with a large learning rate it can wreck the shared backbone features.
- For MSE the best constant prediction is the mean target; until the network has learned to extract position from the image, the "mean box" is the easiest solution to reach. Seeing it means the regression branch gets no signal from the input.

**Fixes**:

1. Divide coordinates by the image size and use a sigmoid output (or predict centre offsets and log sizes);
2. use Smooth L1 (robust to outliers) or a GIoU/DIoU loss that optimises IoU directly;
3. $L=L_{cls}+\\lambda L_{box}$ with the two terms of similar initial magnitude, logged separately;
4. overfit one small batch first: can IoU approach 1? If not, the model or data pipeline is broken (boxes not matching images, augmentations that do not transform boxes).

**Baseline**: record the IoU of "always predict the mean box"; the model must beat it clearly, which a test can assert.`,
      },
    },
    references: [FAST_RCNN, GIOU, KARPATHY_RECIPE],
  },
  {
    id: 'cnn-debug-porting-conv-weights',
    topic: 'cnn',
    subtopic: 'debugging',
    tags: ['weight-layout', 'nhwc', 'nchw', 'model-porting'],
    kind: 'debug',
    difficulty: 4,
    prompt: {
      zh: '把 PyTorch 训练的 CNN（Conv2d 权重形状 $[c_{out},c_{in},k_h,k_w]$，NCHW）移植到 tfjs（Conv2D 核形状 $[k_h,k_w,c_{in},c_{out}]$，NHWC）。直接 reshape 权重后，输出完全错误；改成转置后卷积层输出正确，但 Flatten 之后的 Dense 层输出仍然不对。为什么？要不要翻转卷积核？',
      en: 'You port a PyTorch CNN (Conv2d weights $[c_{out},c_{in},k_h,k_w]$, NCHW) to tfjs (Conv2D kernels $[k_h,k_w,c_{in},c_{out}]$, NHWC). Reshaping the weights gives garbage; transposing fixes the convolution outputs, but the Dense layer after Flatten is still wrong. Why? Should the kernels be flipped?',
    },
    answer: {
      short: {
        zh: 'reshape 只改形状不改元素顺序，必须转置：$W_{tf}=W_{pt}$ 按轴 $(2,3,1,0)$ 转置。两者都算互相关，不需要翻转核。Flatten 的顺序不同：PyTorch 展平 $(C,H,W)$，tfjs 展平 $(H,W,C)$，所以第一个 Dense 的输入行必须按相同的置换重排（或在 Flatten 前把特征图转成 CHW 顺序）。',
        en: 'Reshape changes the shape, not the element order; transpose instead: $W_{tf}=W_{pt}$ transposed with axes $(2,3,1,0)$. Both frameworks compute cross-correlation, so no flip. Flatten orders differ: PyTorch flattens $(C,H,W)$, tfjs $(H,W,C)$, so the first Dense layer\'s input rows must be permuted the same way (or the map transposed to CHW before flattening).',
      },
      full: {
        zh: `**卷积核**：PyTorch $[c_{out},c_{in},k_h,k_w]$ → tfjs $[k_h,k_w,c_{in},c_{out}]$ 是轴置换 \`transpose(w, [2, 3, 1, 0])\`。reshape 会把内存中连续的数重新切分，数值全部错位。Dense 权重也要转置：PyTorch $[out,in]$，tfjs $[in,out]$。

**不要翻转**：两个框架的“卷积”都是互相关（核不翻转），直接搬运即可；只有从 SciPy \`convolve\` 之类真正的卷积实现搬运时才需要翻转。

**Flatten 顺序**：PyTorch 在 NCHW 上展平，第 $c\\cdot HW+h\\cdot W+w$ 个元素是 $(c,h,w)$；tfjs 在 NHWC 上展平，第 $(h\\cdot W+w)\\cdot C+c$ 个元素是 $(c,h,w)$。所以第一个 Dense 的权重矩阵行必须按这个置换重排：把 $[out, C\\cdot H\\cdot W]$ reshape 为 $[out,C,H,W]$，转置为 $[H,W,C,out]$，再 reshape 为 $[HWC,out]$。若在 Flatten 之前有全局平均池化，就没有这个问题。

**其他常见差异**：BN 的 $\\epsilon$（PyTorch 1e-5，Keras 1e-3）、'same' 填充的非对称性（见 same/valid 题）、输入预处理（RGB/BGR、均值方差）。

**测试**：用同一个随机输入，逐层比较两边的激活（允许 1e-4 左右的误差），第一个不一致的层就是 bug 所在。`,
        en: `**Kernels**: PyTorch $[c_{out},c_{in},k_h,k_w]$ → tfjs $[k_h,k_w,c_{in},c_{out}]$ is an axis permutation, \`transpose(w, [2, 3, 1, 0])\`. A reshape re-slices the contiguous memory and scrambles every value. Dense weights need a transpose too: PyTorch $[out,in]$, tfjs $[in,out]$.

**No flip**: both frameworks' "convolutions" are cross-correlations (no kernel flip), so copy as is; flip only when porting from a true convolution such as SciPy's \`convolve\`.

**Flatten order**: PyTorch flattens NCHW, so element $c\\cdot HW+h\\cdot W+w$ is $(c,h,w)$; tfjs flattens NHWC, so element $(h\\cdot W+w)\\cdot C+c$ is $(c,h,w)$. The first Dense layer's weight rows must be permuted accordingly: reshape $[out, C\\cdot H\\cdot W]$ to $[out,C,H,W]$, transpose to $[H,W,C,out]$, reshape to $[HWC,out]$. With global average pooling before the head the issue disappears.

**Other usual differences**: BN's $\\epsilon$ (PyTorch 1e-5, Keras 1e-3), asymmetric 'same' padding (see the same/valid question), input preprocessing (RGB/BGR, mean and std).

**Test**: feed the same random input to both and compare activations layer by layer (tolerance around 1e-4); the first layer that disagrees holds the bug.`,
      },
    },
    references: [PYTORCH_CONV2D_DOC, TFJS_API, TF_CONVOLUTION_DOC],
    misconceptions: [
      {
        claim: {
          zh: '从 PyTorch 移植到 TensorFlow 时要把卷积核旋转 180°，因为两者一个做卷积一个做互相关。',
          en: 'Porting from PyTorch to TensorFlow requires rotating the kernels by 180° because one does convolution and the other cross-correlation.',
        },
        correction: {
          zh: '两者都做互相关，只需要轴置换，不需要翻转。',
          en: 'Both compute cross-correlation; only an axis permutation is needed, no flip.',
        },
        erratum: 12,
      },
    ],
  },
  // -------------------------------------------------------------------------
  // More architectures, training practice and detection details
  // -------------------------------------------------------------------------
  {
    id: 'cnn-alexnet-innovations',
    topic: 'cnn',
    subtopic: 'architectures',
    tags: ['alexnet', 'relu', 'dropout', 'data-augmentation'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: 'AlexNet（2012）比 LeNet 多了哪些关键做法？它的第一层 11×11、步幅 4、96 个核作用于 $227\\times227\\times3$，输出多大、有多少参数？',
      en: 'What key practices did AlexNet (2012) add to LeNet? Its first layer applies 96 11×11 kernels with stride 4 to $227\\times227\\times3$: how large is the output, and how many parameters does it have?',
    },
    answer: {
      short: {
        zh: 'ReLU（训练快数倍）、全连接层的 dropout、重叠最大池化（3×3 步幅 2）、大规模数据增强（随机裁剪、翻转、PCA 颜色扰动）、两块 GPU 训练、局部响应归一化，以及 ImageNet 规模的数据。第一层输出 $55\\times55\\times96$，参数 $11\\cdot11\\cdot3\\cdot96+96=34{,}944$。',
        en: 'ReLU (several times faster training), dropout in the dense layers, overlapping max pooling (3×3, stride 2), heavy data augmentation (random crops, flips, PCA colour jitter), training on two GPUs, local response normalisation, and ImageNet-scale data. The first layer outputs $55\\times55\\times96$ with $11\\cdot11\\cdot3\\cdot96+96=34{,}944$ parameters.',
      },
      full: {
        zh: `**关键做法**（Krizhevsky 等 2012）：

- **ReLU**：不饱和，CIFAR-10 上达到 25% 训练误差比 tanh 快约 6 倍，使深网络训练可行；
- **Dropout**（$p=0.5$）用于前两个全连接层，抑制约 6,000 万参数带来的过拟合；
- **重叠池化**：3×3、步幅 2，比不重叠池化的 top-1/top-5 错误率低 0.4/0.3 个百分点；
- **数据增强**：从 256×256 图像中随机裁 224×224 并水平翻转，再加 PCA 颜色扰动；测试时对 10 个裁剪取平均；
- **两块 GTX 580 GPU**：网络拆成两半（也就是 $g=2$ 的分组卷积），只在部分层交换；
- **LRN**：后来被证明作用不大，被 BN 取代。

结果：ILSVRC-2012 top-5 错误率 15.3%，第二名为 26.2%，开启了深度学习在视觉中的主导地位。

**第一层**：$\\lfloor(227-11)/4\\rfloor+1=55$，输出 $55\\times55\\times96$；参数 $11\\cdot11\\cdot3\\cdot96+96=34{,}944$（论文写输入 224，但只有 227 才能得到 55）。`,
        en: `**Key practices** (Krizhevsky et al. 2012):

- **ReLU**: non-saturating; on CIFAR-10 it reaches 25% training error about 6 times faster than tanh, making deep nets trainable;
- **Dropout** ($p=0.5$) in the first two dense layers, curbing overfitting of about 60 million parameters;
- **Overlapping pooling**: 3×3 with stride 2, lowering top-1/top-5 error by 0.4/0.3 points against non-overlapping pooling;
- **Data augmentation**: random 224×224 crops of 256×256 images with horizontal flips, plus PCA colour jitter; at test time, the average over 10 crops;
- **Two GTX 580 GPUs**: the network split in halves (a grouped convolution with $g=2$), communicating only at some layers;
- **LRN**: later found to matter little and replaced by BN.

Result: 15.3% top-5 error in ILSVRC-2012 against 26.2% for the runner-up, the start of deep learning's dominance in vision.

**First layer**: $\\lfloor(227-11)/4\\rfloor+1=55$, an output of $55\\times55\\times96$; $11\\cdot11\\cdot3\\cdot96+96=34{,}944$ parameters (the paper says 224 inputs, but only 227 gives 55).`,
      },
    },
    references: [ALEXNET, DROPOUT, LECUN_1998],
  },
  {
    id: 'cnn-strided-conv-vs-pooling',
    topic: 'cnn',
    subtopic: 'pooling',
    tags: ['pooling', 'strided-convolution', 'downsampling', 'all-convolutional'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: '下采样可以用最大池化，也可以用步幅 2 的卷积。两者在参数、计算和行为上有什么区别？现代网络更常用哪一种？',
      en: 'Downsampling can use max pooling or a stride-2 convolution. How do they differ in parameters, compute and behaviour? Which do modern networks prefer?',
    },
    answer: {
      short: {
        zh: '池化没有参数、计算很少，是固定的（最大值或平均值）局部汇总，提供少量平移不变性；步幅 2 卷积有 $k^2c_{in}c_{out}$ 个参数，能学习如何下采样并同时改变通道数。Springenberg 等（All-Conv Net）表明可以完全用步幅卷积代替池化；ResNet 等现代网络主要用步幅卷积，只在起始层保留一个最大池化。',
        en: 'Pooling has no parameters and little compute: a fixed local summary (max or mean) with a little translation invariance. A stride-2 convolution has $k^2c_{in}c_{out}$ parameters, learns how to downsample and can change the channel count at the same time. Springenberg et al. (All-Conv Net) showed strided convolutions can replace pooling entirely; modern networks such as ResNet mostly use strided convolutions and keep one max pooling in the stem.',
      },
      full: {
        zh: `**池化**：参数为 0；每个输出只做 $k^2$ 次比较或加法；通道数不变。最大池化保留局部最强响应，对小平移与形变有一定鲁棒性；平均池化更平滑。它降低分辨率，从而减少后续层的计算、扩大感受野；若后面接 Flatten + Dense，也让 Dense 层变小——但池化层本身并没有参数可减。

**步幅卷积**：参数 $k^2c_{in}c_{out}(+c_{out})$；计算比步幅 1 的同样卷积少 4 倍；能学习下采样方式（例如学成抗混叠的低通滤波），并同时完成通道变化。

**混叠**：两者都是不满足采样定理的降采样，会破坏平移等变性；Zhang（2019）在下采样前加模糊滤波（BlurPool）改善了平移一致性。

**选择**：All-Conv Net（Springenberg 等 2014）用步幅卷积取代所有池化，精度相当；ResNet 在阶段之间用步幅 2 的卷积，只在起始保留 3×3 最大池化；生成模型（DCGAN 判别器）几乎只用步幅卷积，因为最大池化的梯度稀疏。`,
        en: `**Pooling**: zero parameters; each output costs $k^2$ comparisons or additions; the channel count is unchanged. Max pooling keeps the strongest local response and is somewhat robust to small shifts and deformations; average pooling is smoother. It lowers the resolution, which cuts the compute of later layers and grows the receptive field; before Flatten + Dense it also shrinks that Dense layer, but the pooling layer itself has no parameters to remove.

**Strided convolution**: $k^2c_{in}c_{out}(+c_{out})$ parameters; 4 times less compute than the same convolution at stride 1; it learns how to downsample (for example an anti-aliasing low-pass filter) and changes channels at the same time.

**Aliasing**: both subsample below the Nyquist rate and break translation equivariance; Zhang (2019) blurs before downsampling (BlurPool) to restore shift consistency.

**Choice**: the All-Conv Net (Springenberg et al. 2014) replaces every pooling by strided convolutions with similar accuracy; ResNet downsamples between stages with stride-2 convolutions and keeps a 3×3 max pooling only in the stem; generative models (DCGAN discriminators) use strided convolutions almost exclusively, since max pooling's gradients are sparse.`,
      },
    },
    references: [ALL_CONV, ZHANG_BLURPOOL, RESNET],
    misconceptions: [
      {
        claim: {
          zh: '池化层的作用是减少模型参数。',
          en: 'The purpose of a pooling layer is to reduce the number of parameters.',
        },
        correction: {
          zh: '池化层没有参数。它降低分辨率，减少计算、扩大感受野并提供局部不变性；参数只在其后接全连接层时间接减少。',
          en: 'Pooling layers have no parameters. They downsample, which saves compute, enlarges the receptive field and adds local invariance; parameters shrink only indirectly, in a following dense layer.',
        },
        erratum: 13,
      },
    ],
  },
  {
    id: 'cnn-he-initialization',
    topic: 'cnn',
    subtopic: 'training',
    tags: ['initialization', 'he-init', 'fan-in', 'relu'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: '对 ReLU 网络中的 3×3、64→64 卷积，He 初始化的标准差是多少？为什么卷积层的 fan-in 是 $k^2c_{in}$？如果误用 Glorot（Xavier）的 $\\sqrt{2/(\\text{fan}_{in}+\\text{fan}_{out})}$ 会怎样？',
      en: 'For a 3×3, 64→64 convolution in a ReLU network, what is the He initialisation standard deviation? Why is a convolution\'s fan-in $k^2c_{in}$? What happens with Glorot (Xavier) $\\sqrt{2/(\\text{fan}_{in}+\\text{fan}_{out})}$ instead?',
    },
    answer: {
      short: {
        zh: 'fan-in $=9\\cdot64=576$，$\\sigma=\\sqrt{2/576}\\approx0.0589$。每个输出是 $k^2c_{in}$ 个输入与权重乘积之和，所以方差按这个数累加。Glorot 在 fan-in = fan-out 时为 $\\sqrt{1/576}\\approx0.0417$，少了 ReLU 丢掉一半方差所需的因子 2，每层信号方差减半，深网络中激活与梯度指数级衰减。',
        en: 'fan-in $=9\\cdot64=576$, so $\\sigma=\\sqrt{2/576}\\approx0.0589$. Each output sums $k^2c_{in}$ input-weight products, so variances add over that many terms. Glorot gives $\\sqrt{1/576}\\approx0.0417$ when fan-in = fan-out, missing the factor 2 that compensates for ReLU zeroing half the variance; the signal variance halves at every layer and activations and gradients decay exponentially in deep nets.',
      },
      full: {
        zh: `**推导**：输出 $y=\\sum_{i=1}^{n}w_ix_i$，$n=k^2c_{in}$（卷积核覆盖的全部输入），$w_i$ 独立零均值。$\\mathrm{Var}(y)=n\\,\\mathrm{Var}(w)\\,\\mathbb{E}[x^2]$。若 $x$ 是上一层 ReLU 的输出，$\\mathbb{E}[x^2]=\\tfrac12\\mathrm{Var}(y_{prev})$。要让各层方差保持不变，需 $\\tfrac12n\\,\\mathrm{Var}(w)=1$，即 $\\mathrm{Var}(w)=2/n$（He 等 2015）。

**数值**：$n=576$，$\\sigma=\\sqrt{2/576}=\\sqrt{1/288}\\approx0.0589$。

**Glorot**：$\\sqrt{2/(576+576)}\\approx0.0417$，是为线性/tanh 推导的，在 ReLU 网络中每层方差乘 $\\tfrac12$，30 层后缩小约 $2^{-30}$。He 等表明 30 层的 ReLU 网络用 Xavier 初始化无法收敛，用 He 初始化可以。

**实践**：Keras 的 \`heNormal\`/\`heUniform\`，PyTorch 的 \`kaiming_normal_\`（默认 fan-in 模式）；有 BN 的网络对初始化不那么敏感，但残差网络中常把每个残差分支最后一个 BN 的 $\\gamma$ 初始化为 0，让每个块一开始就是恒等映射（Goyal 等 2017）。`,
        en: `**Derivation**: an output $y=\\sum_{i=1}^{n}w_ix_i$ with $n=k^2c_{in}$ (every input the kernel covers) and independent zero-mean $w_i$ has $\\mathrm{Var}(y)=n\\,\\mathrm{Var}(w)\\,\\mathbb{E}[x^2]$. If $x$ is a ReLU output, $\\mathbb{E}[x^2]=\\tfrac12\\mathrm{Var}(y_{prev})$. Keeping the variance constant across layers needs $\\tfrac12n\\,\\mathrm{Var}(w)=1$, i.e. $\\mathrm{Var}(w)=2/n$ (He et al. 2015).

**Number**: $n=576$, $\\sigma=\\sqrt{2/576}=\\sqrt{1/288}\\approx0.0589$.

**Glorot**: $\\sqrt{2/(576+576)}\\approx0.0417$, derived for linear/tanh units; in a ReLU net the variance is multiplied by $\\tfrac12$ per layer, about $2^{-30}$ after 30 layers. He et al. show a 30-layer ReLU net fails to converge with Xavier initialisation and converges with theirs.

**Practice**: Keras \`heNormal\`/\`heUniform\`, PyTorch \`kaiming_normal_\` (fan-in mode by default). BN makes networks less sensitive to initialisation, but residual networks often initialise the last BN $\\gamma$ of each residual branch to 0 so every block starts as an identity (Goyal et al. 2017).`,
      },
    },
    references: [HE_INIT, GLOROT_INIT, GOYAL_LARGE_BATCH],
  },
  {
    id: 'cnn-label-preserving-augmentation',
    topic: 'cnn',
    subtopic: 'training',
    tags: ['data-augmentation', 'label-preserving', 'invariance', 'test-time-augmentation'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: '为 CNN 选择数据增强时，怎样判断一种变换是否“保持标签”？分别讨论 MNIST 数字、ImageNet 物体、医学切片和带框的检测数据中的水平翻转、旋转和颜色扰动。什么是测试时增强？',
      en: 'When choosing data augmentation for a CNN, how do you decide whether a transform preserves the label? Discuss horizontal flips, rotations and colour jitter for MNIST digits, ImageNet objects, medical slices and detection data with boxes. What is test-time augmentation?',
    },
    answer: {
      short: {
        zh: '变换后人类（或任务定义）给出的标签必须不变。ImageNet 物体可水平翻转与颜色扰动；MNIST 翻转和大角度旋转会改变数字（6↔9，翻转后 2、3、7 成为非数字）；医学图像的左右可能有解剖意义，颜色可能就是诊断信号；检测数据的几何变换必须同时变换框。测试时增强是对多个增强版本预测后取平均。',
        en: 'The label a human (or the task definition) would give must not change. ImageNet objects tolerate horizontal flips and colour jitter; MNIST flips and large rotations change digits (6↔9; flipped 2, 3, 7 are not digits); in medical images left/right may be anatomically meaningful and colour may be the diagnostic signal; geometric transforms of detection data must transform the boxes too. Test-time augmentation averages predictions over several augmented copies.',
      },
      full: {
        zh: `**原则**：增强是把已知的不变性告诉模型。只有当任务的标签对该变换不变时才能使用；否则就是在制造错误标签。

| 数据 | 水平翻转 | 旋转 | 颜色扰动 |
|---|---|---|---|
| MNIST | 不行（数字不对称） | 小角度（±10–15°）可以；180° 会把 6 变 9 | 灰度图，亮度/对比度小幅可以 |
| ImageNet | 可以（标准做法） | 小角度可以 | 可以（AlexNet 的 PCA 颜色扰动） |
| 医学切片 | 视情况：左右器官位置有意义时不行 | 视采集方式 | 染色差异可以模拟，但颜色本身可能是诊断依据 |
| 检测 | 可以，但框要同步变换 | 框变为旋转后外接框，会变松 | 可以 |

**其他**：随机裁剪（注意不要把物体裁掉）、尺度抖动、Cutout、Mixup/CutMix（混合标签）。增强只作用于训练集；验证集保持原样，否则评估失真。

**测试时增强（TTA）**：对测试图像做若干增强（翻转、多个裁剪、多个尺度），对预测取平均；AlexNet 对 10 个裁剪取平均。它以数倍推理代价换取少量精度，对检测/分割要把预测反变换回原坐标后再融合。`,
        en: `**Principle**: augmentation tells the model about an invariance you know. Use a transform only if the task's label is invariant to it; otherwise you are manufacturing wrong labels.

| Data | Horizontal flip | Rotation | Colour jitter |
|---|---|---|---|
| MNIST | no (digits are asymmetric) | small angles (±10–15°) fine; 180° turns 6 into 9 | greyscale: mild brightness/contrast fine |
| ImageNet | yes (standard) | small angles fine | yes (AlexNet's PCA colour jitter) |
| Medical slices | depends: not where left/right organ position matters | depends on acquisition | stain variation can be simulated, but colour may be the diagnostic signal |
| Detection | yes, with the boxes transformed too | boxes become loose enclosing boxes | yes |

**Others**: random crops (without cropping the object away), scale jitter, Cutout, Mixup/CutMix (which mix labels too). Augment only the training set; keep validation data untouched or the evaluation is distorted.

**Test-time augmentation (TTA)**: predict on several augmented copies of a test image (flips, crops, scales) and average; AlexNet averages 10 crops. It buys a little accuracy for several times the inference cost; for detection/segmentation the predictions must be mapped back to the original coordinates before merging.`,
      },
    },
    references: [ALEXNET, DLBOOK_REG, LECUN_1998],
  },
  {
    id: 'cnn-fpn-level-assignment',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['fpn', 'multi-scale', 'small-objects', 'feature-pyramid'],
    kind: 'concept',
    difficulty: 3,
    prompt: {
      zh: '特征金字塔网络（FPN）如何构建？在 FPN 版 Faster R-CNN 中，宽高为 $w\\times h$ 的候选框被分配到第 $k=\\lfloor4+\\log_2(\\sqrt{wh}/224)\\rfloor$ 层（限制在 $P_2$–$P_5$）。计算 $32\\times32$、$112\\times112$、$224\\times224$、$448\\times448$ 的框分别用哪一层。',
      en: 'How is a Feature Pyramid Network (FPN) built? In FPN Faster R-CNN, a $w\\times h$ proposal goes to level $k=\\lfloor4+\\log_2(\\sqrt{wh}/224)\\rfloor$ (clamped to $P_2$–$P_5$). Which level do $32\\times32$, $112\\times112$, $224\\times224$ and $448\\times448$ boxes use?',
    },
    answer: {
      short: {
        zh: 'FPN 在骨干的自底向上路径（C2–C5，步幅 4–32）之上加一条自顶向下路径：上层特征 2 倍上采样后与经 1×1 卷积的同尺度特征相加，再做 3×3 卷积，得到语义强且分辨率各异的 P2–P5。分配：32 → $\\lfloor4-2.81\\rfloor=1$，限制为 $P_2$；112 → $P_3$；224 → $P_4$；448 → $P_5$。',
        en: 'FPN adds a top-down pathway on the backbone\'s bottom-up path (C2–C5, strides 4–32): the coarser map is upsampled 2× and added to the same-scale feature after a 1×1 convolution, then smoothed by a 3×3 convolution, giving P2–P5 that are all semantically strong at different resolutions. Assignment: 32 → $\\lfloor4-2.81\\rfloor=1$, clamped to $P_2$; 112 → $P_3$; 224 → $P_4$; 448 → $P_5$.',
      },
      full: {
        zh: `**构建**：骨干各阶段的最后输出 C2、C3、C4、C5（步幅 4、8、16、32）。自顶向下：$P_5=\\mathrm{conv}_{1\\times1}(C_5)$；$P_l=\\mathrm{up}_{2\\times}(P_{l+1})+\\mathrm{conv}_{1\\times1}(C_l)$，再接 3×3 卷积消除上采样的混叠；所有层都是 256 通道，因此可以共享同一个预测头。

**为什么**：浅层高分辨率但语义弱，深层语义强但分辨率低。SSD 直接在浅层预测，小物体效果差；图像金字塔（多尺度输入）效果好但代价高。FPN 以很小的代价让每一层都有强语义。

**分配**（$k_0=4$ 对应 ImageNet 的 224 输入尺寸）：
- $32$：$\\log_2(32/224)\\approx-2.81$，$\\lfloor1.19\\rfloor=1$，限制为 2 → $P_2$；
- $112$：$\\log_2(0.5)=-1$，$k=3$ → $P_3$；
- $224$：$k=4$ → $P_4$；
- $448$：$\\log_2 2=1$，$k=5$ → $P_5$。

即框每大一倍，就用步幅大一倍的层，使 RoI 在特征图上覆盖的单元数大致不变。RPN 则在每层放一种尺度的锚框（$32^2$ 到 $512^2$，P6 用于最大的）。`,
        en: `**Construction**: the backbone's stage outputs C2, C3, C4, C5 (strides 4, 8, 16, 32). Top-down: $P_5=\\mathrm{conv}_{1\\times1}(C_5)$; $P_l=\\mathrm{up}_{2\\times}(P_{l+1})+\\mathrm{conv}_{1\\times1}(C_l)$, followed by a 3×3 convolution to reduce upsampling aliasing; all levels have 256 channels, so one prediction head can be shared.

**Why**: early maps have resolution but weak semantics, deep maps the reverse. SSD predicts from early maps directly and struggles with small objects; image pyramids (multi-scale inputs) work but are expensive. FPN gives every level strong semantics at little cost.

**Assignment** ($k_0=4$ matches ImageNet's 224 input size):
- $32$: $\\log_2(32/224)\\approx-2.81$, $\\lfloor1.19\\rfloor=1$, clamped to 2 → $P_2$;
- $112$: $\\log_2(0.5)=-1$, $k=3$ → $P_3$;
- $224$: $k=4$ → $P_4$;
- $448$: $\\log_2 2=1$, $k=5$ → $P_5$.

Each doubling of box size moves to a level with twice the stride, so an RoI covers roughly the same number of feature cells. The RPN places one anchor scale per level ($32^2$ to $512^2$, with P6 for the largest).`,
      },
    },
    references: [FPN, SSD, FASTER_RCNN],
  },
  {
    id: 'cnn-nms-worked-example',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['nms', 'iou', 'soft-nms', 'post-processing'],
    kind: 'numeric',
    difficulty: 3,
    prompt: {
      zh: '同一类别的四个检测框（$(x_1,y_1,x_2,y_2)$，分数）：$A=(0,0,10,10)$ 0.9，$B=(1,1,11,11)$ 0.8，$C=(20,20,30,30)$ 0.7，$D=(2,0,12,10)$ 0.6。分别用 IoU 阈值 0.5 和 0.7 做贪心 NMS，保留哪些框？用线性 Soft-NMS（$N_t=0.5$，$s\\leftarrow s(1-\\mathrm{IoU})$）时各框的最终分数是多少？',
      en: 'Four detections of one class ($(x_1,y_1,x_2,y_2)$, score): $A=(0,0,10,10)$ 0.9, $B=(1,1,11,11)$ 0.8, $C=(20,20,30,30)$ 0.7, $D=(2,0,12,10)$ 0.6. Which boxes does greedy NMS keep at IoU thresholds 0.5 and 0.7? With linear Soft-NMS ($N_t=0.5$, $s\\leftarrow s(1-\\mathrm{IoU})$), what are the final scores?',
    },
    answer: {
      short: {
        zh: '$\\mathrm{IoU}(A,B)=81/119\\approx0.681$，$\\mathrm{IoU}(A,D)=80/120\\approx0.667$，$\\mathrm{IoU}(B,D)\\approx0.681$，$C$ 与其他均为 0。阈值 0.5：保留 $A,C$；阈值 0.7：四个全保留。Soft-NMS：$A$ 0.9，$C$ 0.7，$B$ $0.8\\cdot0.319\\approx0.255$，$D$ $0.6\\cdot0.333\\cdot0.319\\approx0.064$。',
        en: '$\\mathrm{IoU}(A,B)=81/119\\approx0.681$, $\\mathrm{IoU}(A,D)=80/120\\approx0.667$, $\\mathrm{IoU}(B,D)\\approx0.681$, and $C$ overlaps nothing. Threshold 0.5 keeps $A,C$; threshold 0.7 keeps all four. Soft-NMS: $A$ 0.9, $C$ 0.7, $B$ $0.8\\cdot0.319\\approx0.255$, $D$ $0.6\\cdot0.333\\cdot0.319\\approx0.064$.',
      },
      full: {
        zh: `**IoU**：
- $A,B$：交集 $9\\cdot9=81$，并集 $100+100-81=119$，$\\approx0.681$；
- $A,D$：交集 $8\\cdot10=80$，并集 120，$\\approx0.667$；
- $B,D$：交集 $[2,11]\\times[1,10]$，$9\\cdot9=81$，并集 119，$\\approx0.681$；
- $C$ 与其余不相交。

**贪心 NMS**（按分数 $A>B>C>D$，与已保留框 IoU 大于阈值则抑制）：
- 阈值 0.5：保留 $A$；$B$（0.681）被抑制；保留 $C$；$D$ 与 $A$ 为 0.667，被抑制 → $\\{A,C\\}$；
- 阈值 0.7：$B$ 0.681 < 0.7 保留；$D$ 与 $A$、$B$ 都低于 0.7，保留 → $\\{A,B,C,D\\}$。

阈值过高留下重复框（每个重复都算一次 FP），过低会误删紧挨着的不同物体。

**线性 Soft-NMS**：选 $A$ 后，$B\\to0.8(1-0.681)\\approx0.255$，$D\\to0.6(1-0.667)=0.2$；再选 $C$（0.7，不影响其他）；再选 $B$，$D$ 与 $B$ 的 IoU 0.681 > 0.5，$D\\to0.2(1-0.681)\\approx0.064$。最终排序 $A$ 0.9、$C$ 0.7、$B$ 0.255、$D$ 0.064：框不删除，只降分，拥挤场景中的真实邻近物体仍可能以较低分数被召回，mAP 通常更高。`,
        en: `**IoU**:
- $A,B$: intersection $9\\cdot9=81$, union $100+100-81=119$, $\\approx0.681$;
- $A,D$: intersection $8\\cdot10=80$, union 120, $\\approx0.667$;
- $B,D$: intersection $[2,11]\\times[1,10]$, $9\\cdot9=81$, union 119, $\\approx0.681$;
- $C$ is disjoint from the rest.

**Greedy NMS** (score order $A>B>C>D$; suppress a box whose IoU with a kept box exceeds the threshold):
- threshold 0.5: keep $A$; $B$ (0.681) suppressed; keep $C$; $D$ has 0.667 with $A$, suppressed → $\\{A,C\\}$;
- threshold 0.7: $B$ at 0.681 < 0.7 is kept; $D$ is below 0.7 with both $A$ and $B$, kept → $\\{A,B,C,D\\}$.

Too high a threshold leaves duplicates (each one an FP); too low deletes distinct adjacent objects.

**Linear Soft-NMS**: after selecting $A$, $B\\to0.8(1-0.681)\\approx0.255$ and $D\\to0.6(1-0.667)=0.2$; then $C$ (0.7, touching nothing); then $B$, and $D$'s IoU with $B$ is 0.681 > 0.5, so $D\\to0.2(1-0.681)\\approx0.064$. Final ranking $A$ 0.9, $C$ 0.7, $B$ 0.255, $D$ 0.064: nothing is deleted, only demoted, so genuinely adjacent objects in crowded scenes can still be recalled at lower scores, which usually raises mAP.`,
      },
    },
    references: [SOFT_NMS, FASTER_RCNN],
    verification: [VERIFY_IOU],
  },
  {
    id: 'cnn-feature-transferability',
    topic: 'cnn',
    subtopic: 'fundamentals',
    tags: ['feature-hierarchy', 'transfer-learning', 'visualization', 'fine-tuning'],
    kind: 'concept',
    difficulty: 2,
    prompt: {
      zh: 'CNN 的浅层和深层分别学到什么样的特征？为什么 ImageNet 预训练的浅层特征几乎可以直接用于其他视觉任务，而深层需要微调？',
      en: 'What kinds of features do a CNN\'s early and deep layers learn? Why do ImageNet-pretrained early layers transfer almost as is to other vision tasks, while deep layers need fine-tuning?',
    },
    answer: {
      short: {
        zh: '第一层学到类似 Gabor 的方向边缘和颜色斑块，中间层是纹理和部件，深层对特定类别的物体或物体部分有响应。Yosinski 等发现浅层特征是通用的，越往深越特定于原任务；目标任务与 ImageNet 差异越大，需要重新训练的层越多。',
        en: 'The first layer learns Gabor-like oriented edges and colour blobs, middle layers textures and parts, deep layers respond to class-specific objects or object parts. Yosinski et al. found early features general and deeper ones increasingly specific to the source task; the further the target task is from ImageNet, the more layers need retraining.',
      },
      full: {
        zh: `**层级**：Zeiler & Fergus（2013）用反卷积网络把各层激活投影回像素空间：第 1 层是方向边缘、颜色对比；第 2 层是角点、简单纹理；第 3 层是更复杂的纹理与网格；第 4–5 层是狗脸、车轮等类别相关的部件乃至整个物体。感受野随深度增大也解释了这一点。

**可迁移性**（Yosinski 等 2014）：把在任务 A 上训练的前 $n$ 层复制到任务 B 并冻结，$n$ 较小时几乎不损失精度，$n$ 增大时性能下降，原因有二：深层特征特定于 A；相邻层之间的协同适应被拆开后难以恢复。微调全部层则能得到比从头训练更好的泛化，即使数据量不小。

**实践**：小数据且与 ImageNet 相似时冻结骨干、只训练头部；数据较多或领域不同（医学、遥感）时微调更多层，并用较小的学习率；BN 层在微调时的模式需要特别注意（冻结统计量或使用推理模式）。`,
        en: `**Hierarchy**: Zeiler & Fergus (2013) project activations back to pixel space with a deconvnet: layer 1 has oriented edges and colour contrasts; layer 2 corners and simple textures; layer 3 more complex textures and meshes; layers 4–5 class-related parts such as dog faces and wheels, up to whole objects. The receptive field growing with depth explains this too.

**Transferability** (Yosinski et al. 2014): copying the first $n$ layers trained on task A to task B and freezing them costs almost nothing for small $n$ and more as $n$ grows, for two reasons: deep features are specific to A, and co-adapted neighbouring layers that are split apart are hard to re-fit. Fine-tuning all layers generalises better than training from scratch, even with plenty of data.

**Practice**: with little data similar to ImageNet, freeze the backbone and train the head; with more data or a different domain (medical, remote sensing), fine-tune more layers with a smaller learning rate; watch the BN layers' mode during fine-tuning (frozen statistics or inference mode).`,
      },
    },
    references: [ZEILER_FERGUS, YOSINSKI_TRANSFER],
  },
  {
    id: 'cnn-inductive-bias-vs-vit',
    topic: 'cnn',
    subtopic: 'inductive-bias',
    tags: ['inductive-bias', 'vision-transformer', 'data-efficiency', 'convnext'],
    kind: 'concept',
    difficulty: 4,
    prompt: {
      zh: 'CNN 内置了哪些归纳偏置？为什么 ViT 在 ImageNet-1k 上从头训练不如同规模的 ResNet，而在 JFT-300M 上预训练后反超？ConvNeXt 说明了什么？',
      en: 'Which inductive biases are built into CNNs? Why does a ViT trained from scratch on ImageNet-1k trail a ResNet of similar size, yet overtake it after pre-training on JFT-300M? What does ConvNeXt show?',
    },
    answer: {
      short: {
        zh: 'CNN 假设局部性（每个单元只看邻域）、权值共享带来的平移等变性，以及由下采样形成的层级结构。这些先验在数据少时相当于免费的正则；ViT 只在切块时有少量这种结构，必须从数据中学习，因此小数据上落后、大数据上因更少的约束而反超。ConvNeXt 表明，采用 Transformer 时代的设计与训练方法后，纯 CNN 可以与 Swin Transformer 相当。',
        en: 'CNNs assume locality (each unit sees a neighbourhood), translation equivariance from weight sharing, and a hierarchy from downsampling. With little data these priors act as free regularisation; a ViT has little of this structure beyond patching and must learn it from data, so it trails on small data and, being less constrained, overtakes on huge data. ConvNeXt shows that a pure CNN with Transformer-era design and training choices matches Swin Transformers.',
      },
      full: {
        zh: `**CNN 的偏置**：

- **局部性**：小卷积核，远距离交互只能靠堆叠；
- **平移等变性**：同一卷积核用于所有位置；
- **层级与尺度**：池化/步幅逐步下采样，感受野逐层增大。

**ViT**（Dosovitskiy 等 2020）：把图像切成 $16\\times16$ 的块，线性投影后送入标准 Transformer；自注意力从第一层起就是全局的，位置关系由学习到的位置编码表达。作者报告：只在 ImageNet-1k 上训练时，ViT 不如同规模的 ResNet（BiT）；在 ImageNet-21k 上接近，在 JFT-300M 上预训练后超过。他们的解释正是归纳偏置：小数据时先验有帮助，数据足够多时从数据中学习相关模式更好。

**ConvNeXt**（Liu 等 2022）：从 ResNet-50 出发，逐步采用 Transformer 的宏观设计（阶段比例、patchify 起始层）、深度可分离的 $7\\times7$ 大核、倒瓶颈、LayerNorm、GELU、更少的激活与归一化，以及 AdamW、长训练与强增强，得到与 Swin 相当的精度与吞吐。结论：相当一部分差距来自训练方法和工程设计，而不只是注意力机制本身。`,
        en: `**CNN biases**:

- **Locality**: small kernels; long-range interactions only through depth;
- **Translation equivariance**: one kernel for every position;
- **Hierarchy and scale**: pooling/strides downsample step by step and the receptive field grows.

**ViT** (Dosovitskiy et al. 2020): cut the image into $16\\times16$ patches, project them linearly and feed a standard Transformer; self-attention is global from the first layer, and positions come from learned embeddings. The authors report that trained on ImageNet-1k alone ViT trails ResNets (BiT) of similar size, comes close with ImageNet-21k, and overtakes them after JFT-300M pre-training. Their explanation is exactly inductive bias: priors help when data are scarce; with enough data, learning the relevant patterns from data wins.

**ConvNeXt** (Liu et al. 2022): starting from ResNet-50, adopt Transformer-style macro design (stage ratios, a patchify stem), depthwise $7\\times7$ kernels, inverted bottlenecks, LayerNorm, GELU, fewer activations and norms, plus AdamW, long schedules and strong augmentation, and it matches Swin in accuracy and throughput. Much of the gap came from training recipes and engineering, not from attention alone.`,
      },
    },
    references: [VIT, CONVNEXT, GCNN],
  },
  {
    id: 'cnn-debug-input-scale-mismatch',
    topic: 'cnn',
    subtopic: 'debugging',
    tags: ['preprocessing', 'normalization', 'deployment', 'debugging'],
    kind: 'debug',
    difficulty: 2,
    prompt: {
      zh: '一个在 \`x / 255\` 归一化的 MNIST 上训练、测试准确率 99% 的 CNN，在 tfjs 网页中处理画布像素时几乎总是输出同一个类别。最可能的原因是什么？还有哪些相关的差异？怎样写测试防止它？',
      en: 'A CNN trained on MNIST normalised with \`x / 255\` reaches 99% test accuracy, but in a tfjs web page it almost always predicts the same class for canvas pixels. What is the most likely cause, what related mismatches exist, and how do you test against them?',
    },
    answer: {
      short: {
        zh: '推理时没有做同样的预处理：画布像素为 0–255，输入大 255 倍，ReLU 激活被放大，softmax 饱和在某一类。相关差异：RGBA 四通道未转灰度、MNIST 是黑底白字而画布常为白底黑字、尺寸与居中方式不同。把预处理写成一个函数，训练和推理共用，并测试其输出范围和形状。',
        en: 'The inference path skips the training preprocessing: canvas pixels are 0–255, 255 times larger, so ReLU activations blow up and the softmax saturates on one class. Related mismatches: RGBA not converted to greyscale, MNIST being white-on-black while canvases are usually black-on-white, different size and centring. Put preprocessing in one function used by both training and inference, and test its output range and shape.',
      },
      full: {
        zh: `**原因**：网络对输入尺度不具不变性。输入放大 255 倍后，第一层的预激活也放大 255 倍（偏置相对可忽略），经过几层 ReLU 后 logits 极大，softmax 几乎是 one-hot，落在对大幅值最敏感的类别上——对所有输入都一样。

**其他常见差异**：
- \`tf.browser.fromPixels\` 默认返回 RGB 三通道（可指定通道数），画布数据是 RGBA；模型期望 $28\\times28\\times1$；
- 颜色反转：MNIST 是黑底白字，画布上手写一般是白底黑字；
- MNIST 把数字按质心居中在 $20\\times20$ 框内并加边，直接缩放整张画布会得到尺寸与位置都不同的数字；
- 缺少批维度：需要 $[1,28,28,1]$。

**修复与测试**：把预处理（转灰度、反色、裁剪居中、缩放、除以 255、加批维度）写成一个函数，训练和推理都调用；测试断言输出形状为 $[1,28,28,1]$、取值在 $[0,1]$；再用几张已知标签的 MNIST 图像走一遍网页的预处理路径，断言预测正确。`,
        en: `**Cause**: the network is not scale-invariant. With inputs 255 times larger, the first layer's pre-activations grow 255-fold (the bias becomes negligible); after a few ReLU layers the logits are huge and the softmax is essentially one-hot, landing on whichever class responds most to large magnitudes, the same for every input.

**Other usual mismatches**:
- \`tf.browser.fromPixels\` returns 3 RGB channels by default (the channel count can be set), canvas data is RGBA, and the model expects $28\\times28\\times1$;
- inverted colours: MNIST is white-on-black, handwriting on a canvas usually black-on-white;
- MNIST centres each digit by its centre of mass in a $20\\times20$ box with a margin; resizing the whole canvas gives digits of a different size and position;
- a missing batch dimension: the model needs $[1,28,28,1]$.

**Fix and test**: write preprocessing (greyscale, invert, crop and centre, resize, divide by 255, add the batch dimension) as one function called by training and inference; test that its output has shape $[1,28,28,1]$ and values in $[0,1]$; then run a few labelled MNIST images through the web page's preprocessing path and assert correct predictions.`,
      },
    },
    references: [MNIST_PAGE, TFJS_API, KARPATHY_RECIPE],
  },
  {
    id: 'cnn-localization-accuracy',
    topic: 'cnn',
    subtopic: 'detection',
    tags: ['localization', 'iou', 'evaluation', 'single-object-detection'],
    kind: 'numeric',
    difficulty: 2,
    prompt: {
      zh: '单目标检测（分类 + 定位）常用的评估标准：类别正确且预测框与真实框 IoU ≥ 0.5 才算正确。四个样本（真实框，预测框，类别是否正确）：① $(0,0,10,10)$、$(1,1,11,11)$、正确；② $(0,0,10,10)$、$(5,5,15,15)$、正确；③ $(0,0,4,4)$、$(0,0,4,2)$、错误；④ $(2,2,6,6)$、$(2,2,6,5)$、正确。计算各 IoU、分类准确率和定位准确率。',
      en: 'Single-object detection (classification + localisation) is commonly scored as correct only when the class is right and the predicted box has IoU ≥ 0.5 with the ground truth. Four samples (ground truth, prediction, class right?): ① $(0,0,10,10)$, $(1,1,11,11)$, yes; ② $(0,0,10,10)$, $(5,5,15,15)$, yes; ③ $(0,0,4,4)$, $(0,0,4,2)$, no; ④ $(2,2,6,6)$, $(2,2,6,5)$, yes. Compute the IoUs, the classification accuracy and the localisation accuracy.',
    },
    answer: {
      short: {
        zh: 'IoU：① $81/119\\approx0.681$；② $25/175\\approx0.143$；③ $8/16=0.5$；④ $12/16=0.75$。分类准确率 3/4 = 75%；定位准确率只有 ① 和 ④ 满足两个条件，为 2/4 = 50%（③ 的 IoU 恰好达标但类别错误）。',
        en: 'IoU: ① $81/119\\approx0.681$; ② $25/175\\approx0.143$; ③ $8/16=0.5$; ④ $12/16=0.75$. Classification accuracy 3/4 = 75%; only ① and ④ satisfy both conditions, so localisation accuracy is 2/4 = 50% (③ meets the IoU threshold exactly but has the wrong class).',
      },
      full: {
        zh: `**IoU**：
- ①：交集 $9\\cdot9=81$，并集 $100+100-81=119$，0.681；
- ②：交集 $5\\cdot5=25$，并集 $200-25=175$，0.143；
- ③：预测框完全在真实框内，交集 8，并集 16，0.5；
- ④：交集 $4\\cdot3=12$，并集 16，0.75。

**分类准确率**：①②④ 正确，75%。

**定位准确率**：① 与 ④ 满足“类别正确且 IoU ≥ 0.5”；② 类别对但框偏了；③ 框刚好达到 0.5（按 ≥ 计），但类别错。结果 50%。这就是 ILSVRC 定位任务的评判方式（以错误率报告）。

**要点**：单目标检测 = 分类 + 框回归，两个输出都要评估；只输出一个 sigmoid 概率的网络无法计算 IoU，根本不是检测器。阈值边界（0.5 是 ≥ 还是 >）要在测试中明确，IoU 的浮点计算也可能让 0.5 变成 0.49999，实现时注意。`,
        en: `**IoU**:
- ①: intersection $9\\cdot9=81$, union $100+100-81=119$, 0.681;
- ②: intersection $5\\cdot5=25$, union $200-25=175$, 0.143;
- ③: the prediction lies inside the ground truth: intersection 8, union 16, 0.5;
- ④: intersection $4\\cdot3=12$, union 16, 0.75.

**Classification accuracy**: ①②④ are right, 75%.

**Localisation accuracy**: ① and ④ satisfy "right class and IoU ≥ 0.5"; ② has the right class but a misplaced box; ③ reaches exactly 0.5 (counted with ≥) but has the wrong class. Result: 50%. This is how the ILSVRC localisation task is judged (reported as an error rate).

**Points**: single-object detection = classification + box regression, and both outputs must be evaluated; a network with a single sigmoid probability has no box to compute IoU with and is not a detector at all. Pin the threshold convention (≥ or >) in tests, and beware that floating-point IoU can turn 0.5 into 0.49999.`,
      },
    },
    references: [GIOU, ALEXNET],
    misconceptions: [
      {
        claim: {
          zh: '一个对整张图输出“有/无目标”概率的二分类 CNN 就是目标检测模型。',
          en: 'A binary CNN that outputs a "target present" probability for the whole image is an object detection model.',
        },
        correction: {
          zh: '它没有框输出，无法计算 IoU 或做 NMS；单目标检测至少需要类别输出和 4 个框坐标输出，并用框损失训练。',
          en: 'It has no box output, so neither IoU nor NMS applies; single-object detection needs a class output plus 4 box coordinates trained with a box loss.',
        },
        erratum: 17,
      },
    ],
    verification: [VERIFY_IOU, VERIFY_SINGLE_OBJECT_DETECTOR],
  },
  {
    id: 'cnn-odd-kernel-sizes',
    topic: 'cnn',
    subtopic: 'convolution',
    tags: ['kernel-size', 'padding', 'alignment', 'design-choices'],
    kind: 'concept',
    difficulty: 1,
    prompt: {
      zh: '为什么 CNN 中几乎总是使用奇数大小（1、3、5、7）的卷积核？偶数核会带来什么问题？',
      en: 'Why do CNNs almost always use odd kernel sizes (1, 3, 5, 7)? What goes wrong with even kernels?',
    },
    answer: {
      short: {
        zh: '奇数核有中心像素，\'same\' 填充可以两侧对称各补 $(k-1)/2$，输出与输入像素位置对齐；偶数核没有中心，需要非对称填充，输出相对输入偏移半个像素，多层堆叠后偏移累积，与跨框架的填充约定也容易冲突。',
        en: 'An odd kernel has a centre pixel, so \'same\' padding is symmetric, $(k-1)/2$ per side, and outputs stay aligned with input pixels; an even kernel has no centre, needs asymmetric padding, and shifts the output by half a pixel relative to the input; the shifts accumulate when stacked and clash with other frameworks\' padding conventions.',
      },
      full: {
        zh: `**对齐**：$k$ 为奇数时，输出位置 $i$ 可以对应以输入位置 $i$ 为中心的窗口，'same' 所需的总填充 $k-1$ 是偶数，两侧各 $(k-1)/2$（$k=3$ 时 1，$k=5$ 时 2），特征图与输入逐像素对齐，对分割、检测的定位很重要。

**偶数核**：$k=2$ 或 $4$ 时总填充 $k-1$ 为奇数，只能一侧多补一个（TF 补在后面），输出的“中心”位于两个输入像素之间，相对输入偏移半个像素；堆叠多层时偏移会累积，需要额外补偿。另外不同框架对多出的那个像素放在哪一侧约定不同，移植权重时会错位。

**例外**：2×2 步幅 2 的池化与 $k=4,s=2$ 的转置卷积常用偶数尺寸，因为它们本来就在做 2 倍的重采样（对于转置卷积，$k$ 被 $s$ 整除还能避免棋盘伪影）；$1\\times1$ 卷积是奇数的平凡情形。

**为什么偏爱 3×3**：两个 3×3 的感受野等于一个 5×5，参数更少且多一次非线性（VGG）。`,
        en: `**Alignment**: with odd $k$, output position $i$ can be the window centred on input position $i$; 'same' needs total padding $k-1$, an even number split $(k-1)/2$ per side (1 for $k=3$, 2 for $k=5$), and feature maps stay pixel-aligned with the input, which matters for localisation in segmentation and detection.

**Even kernels**: for $k=2$ or $4$ the total padding $k-1$ is odd, so one side gets an extra pixel (TF puts it at the end); the output's "centre" lies between two input pixels, a half-pixel shift that accumulates across stacked layers and needs compensation. Frameworks also disagree on which side gets the extra pixel, so ported weights end up misaligned.

**Exceptions**: 2×2 stride-2 pooling and $k=4,s=2$ transposed convolutions commonly use even sizes because they resample by 2 anyway (and for transposed convolutions, $k$ divisible by $s$ avoids checkerboard artefacts); $1\\times1$ is the trivial odd case.

**Why 3×3 in particular**: two 3×3 layers see as much as one 5×5 with fewer parameters and an extra nonlinearity (VGG).`,
      },
    },
    references: [VGG, CONV_ARITHMETIC, TF_CONVOLUTION_DOC],
  },
];
