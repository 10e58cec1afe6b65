import * as tf from '@tensorflow/tfjs';
import { withGradientClipping, type SeededInitializers } from '@dl/core';
import * as v from 'valibot';
import type { CellKind } from '../ops/recurrence-engine.js';
import { bidirectional } from '../layers/bidirectional.js';
import { gru } from '../layers/gru.js';
import { lstm } from '../layers/lstm.js';
import type { RecurrentLayer } from '../layers/recurrent-layer.js';
import { simpleRnn } from '../layers/simple-rnn.js';

/** What the factories share: a stack of recurrent layers. */
export interface RecurrentStackOptions {
  readonly cell: CellKind;
  readonly units: number;
  readonly layers: number;
  readonly bidirectional: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  /** Whether the last layer returns every step. */
  readonly returnSequences: boolean;
  /** The (single) recurrent layer reads the steps last to first. Default false. */
  readonly goBackwards?: boolean;
}

/** Creates one recurrent layer of `cell` with seeded initializers. */
export function recurrentLayer(cell: CellKind, init: SeededInitializers, args: { units: number; returnSequences: boolean; dropout: number; recurrentDropout: number; goBackwards?: boolean; name: string }): RecurrentLayer {
  const common = {
    ...args,
    kernelInitializer: init.next('glorotUniform'),
    recurrentInitializer: init.next('orthogonal'),
    seed: init.nextSeed(),
  };
  return cell === 'lstm' ? lstm(common) : cell === 'gru' ? gru(common) : simpleRnn(common);
}

/**
 * Applies `options.layers` recurrent layers (each bidirectional if asked) to `x`; every layer
 * but the last returns sequences, as stacking requires.
 */
export function applyRecurrentStack(x: tf.SymbolicTensor, options: RecurrentStackOptions, init: SeededInitializers): tf.SymbolicTensor {
  let y = x;
  for (let i = 0; i < options.layers; i += 1) {
    const last = i === options.layers - 1;
    const layer = recurrentLayer(options.cell, init, {
      units: options.units,
      returnSequences: last ? options.returnSequences : true,
      dropout: options.dropout,
      recurrentDropout: options.recurrentDropout,
      ...(options.goBackwards === true ? { goBackwards: true } : {}),
      name: `${options.cell}_${i}`,
    });
    y = (options.bidirectional ? bidirectional({ layer, name: `bidirectional_${i}` }) : layer).apply(y) as tf.SymbolicTensor;
  }
  return y;
}

/** Adam, wrapped in gradient clipping when `clipNorm` or `clipValue` is set. */
export function clippedAdam(learningRate: number, clipNorm: number | undefined, clipValue: number | undefined): tf.Optimizer {
  const adam = tf.train.adam(learningRate);
  if (clipNorm === undefined && clipValue === undefined) return adam;
  return withGradientClipping(adam, { ...(clipNorm === undefined ? {} : { clipNorm }), ...(clipValue === undefined ? {} : { clipValue }) });
}

const integer = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min));
const rate = v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)'));
const positive = v.pipe(v.number(), v.finite(), v.gtValue(0));

/** Option schema entries every factory of this package shares, with their defaults. */
export function stackOptionEntries(defaults: { cell: CellKind; units: number; learningRate: number }) {
  return {
    cell: v.optional(v.picklist(['simple', 'lstm', 'gru']), defaults.cell),
    units: v.optional(integer(1), defaults.units),
    layers: v.optional(integer(1), 1),
    bidirectional: v.optional(v.boolean(), false),
    dropout: v.optional(rate, 0),
    recurrentDropout: v.optional(rate, 0),
    clipNorm: v.optional(positive),
    clipValue: v.optional(positive),
    learningRate: v.optional(positive, defaults.learningRate),
    compile: v.optional(v.boolean(), true),
    seed: v.optional(v.pipe(v.number(), v.finite())),
  };
}

/** Options every factory of this package takes (their recurrent stack, optimizer and seed). */
export interface StackOptions {
  /** `'simple'` (Elman), `'lstm'` or `'gru'` (resetAfter, Keras's default). */
  readonly cell?: CellKind;
  /** State size of each recurrent layer. */
  readonly units?: number;
  /** Stacked recurrent layers. Default 1. */
  readonly layers?: number;
  /** Run every recurrent layer in both directions (sees the future: not for generation). Default false. */
  readonly bidirectional?: boolean;
  /** Input dropout of each recurrent layer, in [0, 1). Default 0. */
  readonly dropout?: number;
  /** Recurrent (state) dropout of each recurrent layer, in [0, 1). Default 0. */
  readonly recurrentDropout?: number;
  /** Clip the gradients' global norm to this before each update (the fix for exploding gradients). */
  readonly clipNorm?: number;
  /** Clip every gradient element to ±clipValue. */
  readonly clipValue?: number;
  /** Adam's learning rate. */
  readonly learningRate?: number;
  /** Compile the model. Default true. */
  readonly compile?: boolean;
  /** Seeds every initializer and dropout mask. */
  readonly seed?: number;
}
