import * as tf from '@tensorflow/tfjs';
import { layerValidation, ShapeError } from '@dl/core';

const { parseLayerArgs, checkCallArgs } = layerValidation('transfer-fusion');

/** The base arguments of every tfjs layer (name, trainable, ...). */
type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** Constructor arguments of {@link MajorityVote}: only tfjs's base layer arguments (an interface, so that the docs list them). */
export interface MajorityVoteLayerArgs extends Omit<LayerArgs, 'weights'> {}

/**
 * Hard voting: each input is one voter's class scores; the output is, for each class, the
 * fraction of voters whose top-scoring class it is (the vote shares, which sum to 1). The
 * argmax of the output is the majority class; on a tie `tf.argMax` returns the first maximum,
 * so ties go to the lowest class id, as in scikit-learn's `VotingClassifier(voting='hard')`.
 * A voter's own ties (two equal top scores) also go to its lowest class id.
 *
 * A voter with one output unit is read as a binary classifier with a sigmoid: it votes for
 * class 1 when its score is > 0.5 and for class 0 otherwise (so 0.5 goes to class 0, the lowest
 * id, as above), and the output has 2 classes.
 *
 * It has no weights and no useful gradient (votes are counts). Serialized as `MajorityVote`
 * (a layer of ours: neither tfjs nor Keras has one of that name).
 *
 * **Input shape:** a list of tensors `[batch, numClasses]` of one shape (`numClasses >= 1`).
 * **Output shape:** `[batch, numClasses]`, or `[batch, 2]` for `numClasses = 1`.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { majorityVote } from '@dl/transfer-fusion';
 * const votes = majorityVote().apply([
 *   tf.tensor2d([[0.6, 0.3, 0.1]]),
 *   tf.tensor2d([[0.1, 0.5, 0.4]]),
 *   tf.tensor2d([[0.2, 0.7, 0.1]]),
 * ]) as tf.Tensor;
 * console.log(await votes.array()); // [[0.3333, 0.6667, 0]]: class 1 wins 2 votes to 1
 * ```
 */
export class MajorityVote extends tf.layers.Layer {
  static className = 'MajorityVote';

  constructor(args: MajorityVoteLayerArgs = {}) {
    parseLayerArgs({}, args);
    super(args);
    this.trainable = false;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [batch, classes] = checkShapes(inputShape);
    return [batch, classes === 1 ? 2 : classes];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor {
    checkCallArgs(kwargs, [], 'MajorityVote');
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const [, classes] = checkShapes(list.map((x) => x.shape));
    return tf.tidy(() => {
      const votes = list.map((scores) => {
        const choice = classes === 1 ? tf.cast(tf.greater(tf.squeeze(scores, [1]), 0.5), 'int32') : tf.argMax(scores, 1);
        return tf.oneHot(choice, classes === 1 ? 2 : classes, 1, 0, 'float32');
      });
      // counts × (1/n): equal counts give bitwise equal shares, so argMax breaks ties by index.
      return tf.mul(tf.addN(votes), 1 / list.length);
    });
  }
}
tf.serialization.registerClass(MajorityVote, '@dl/transfer-fusion');

function checkShapes(inputShape: tf.Shape | tf.Shape[]): [number | null, number] {
  const shapes = Array.isArray(inputShape[0]) ? (inputShape as tf.Shape[]) : [inputShape as tf.Shape];
  const first = shapes[0] ?? [];
  const classes = first[1];
  if (first.length !== 2 || classes === null || classes === undefined) {
    throw new ShapeError({ package: 'transfer-fusion', argument: 'MajorityVote input 0', expected: 'class scores [batch, numClasses] with a known numClasses', actual: first });
  }
  shapes.forEach((shape, i) => {
    if (shape.length !== 2 || shape[1] !== classes || (shape[0] !== null && first[0] !== null && shape[0] !== first[0])) {
      throw new ShapeError({ package: 'transfer-fusion', argument: `MajorityVote input ${i}`, expected: `the shape of input 0, [${first.map((s) => s ?? 'null').join(',')}]`, actual: shape });
    }
  });
  return [first[0] ?? null, classes];
}

/**
 * Creates a {@link MajorityVote} layer.
 *
 * @param args - tfjs's base layer arguments (`name`, ...).
 * @returns the layer.
 * @example
 * ```ts
 * import { majorityVote } from '@dl/transfer-fusion';
 * const shares = majorityVote({ name: 'votes' }).apply([p0, p1, p2]); // p_i: [batch, classes]
 * ```
 */
export function majorityVote(args: MajorityVoteLayerArgs = {}): MajorityVote {
  return new MajorityVote(args);
}
