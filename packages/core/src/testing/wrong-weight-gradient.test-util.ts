import * as tf from '@tensorflow/tfjs';

/**
 * y = x·W + b whose backward is right for x but wrong for W (it returns 2·xᵀ·dy) and, with
 * `unusedWeight`, a trainable weight that never reaches the output.
 */
export class WrongWeightGradient extends tf.layers.Layer {
  static className = 'WrongWeightGradient';
  private kernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;
  constructor(private readonly options: { unusedWeight?: boolean } = {}) {
    super({});
  }
  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const features = (inputShape as number[]).at(-1)!;
    this.kernel = this.addWeight('kernel', [features, 3], 'float32', tf.initializers.glorotUniform({ seed: 1 }));
    this.bias = this.addWeight('bias', [3], 'float32', tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 2 }));
    if (this.options.unusedWeight === true) this.addWeight('unused', [2], 'float32', tf.initializers.ones());
    this.built = true;
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const product = tf.customGrad(((a: tf.Tensor, w: tf.Tensor, save: tf.GradSaveFunc) => {
      save([a, w]);
      return {
        value: tf.matMul(a, w),
        gradFunc: (dy: tf.Tensor, [sa, sw]: tf.Tensor[]) => [tf.matMul(dy, sw!, false, true), tf.matMul(sa!, dy, true, false).mul(2)],
      };
    }) as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as (a: tf.Tensor, w: tf.Tensor) => tf.Tensor;
    return tf.tanh(product(x, this.kernel.read()).add(this.bias.read()));
  }
}
