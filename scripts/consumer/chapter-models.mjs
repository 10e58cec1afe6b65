// One small model from each chapter package with an input for it, built from the installed
// packages: shared by the npm project's check (check.mjs) and the Vite page (vite/main.js), which
// each import the packages their own way and pass them in.
export function chapterModels({ tf, createAttentionTextClassifier, createRecurrentClassifier, createConvClassifier, createVae, createTransferModel, averageEnsemble }) {
  const tokens = tf.tensor2d([[3, 7, 9, 0, 0, 0], [5, 2, 8, 4, 1, 0]], [2, 6], 'int32');
  const images = tf.randomUniform([2, 28, 28, 1], 0, 1, 'float32', 1);
  const conv = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 });
  return {
    attention: [createAttentionTextClassifier({ vocabularySize: 20, sequenceLength: 6, seed: 1 }), tokens],
    recurrent: [createRecurrentClassifier({ vocabularySize: 20, sequenceLength: 6, seed: 1 }), tokens],
    conv: [conv, images],
    vaeDecoder: [createVae({ latentDim: 2, imageShape: [28, 28, 1], seed: 1 }).decoder, tf.randomNormal([2, 2], 0, 1, 'float32', 2)],
    transfer: [createTransferModel({ base: conv, cutAt: 'flatten', head: { numClasses: 3 }, seed: 2 }), images],
    ensemble: [averageEnsemble([conv, createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, seed: 2 })]), images],
  };
}
