/**
 * Fashion-MNIST's ten classes, indexed by label (Xiao, Rasul & Vollgraf 2017, "Fashion-MNIST: a
 * Novel Image Dataset for Benchmarking Machine Learning Algorithms"; the names of the dataset's
 * README): label 0 is `'T-shirt/top'`, label 9 `'Ankle boot'`.
 *
 * @example
 * ```ts
 * import { fashionMnistClassNames } from '@dl/data';
 *
 * fashionMnistClassNames[9]; // 'Ankle boot'
 * fashionMnistClassNames.length; // 10
 * ```
 */
export const fashionMnistClassNames = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;
