/**
 * The public data model of the question bank. Field names are public API: they are
 * only ever added to, never renamed.
 */

/** The five chapters of the bank. */
export type Topic = 'attention-softmax' | 'rnn' | 'cnn' | 'gan-vae' | 'transfer-fusion';

/**
 * All topics, in chapter order.
 *
 * @example
 * ```ts
 * import { topics } from '@dl/questions';
 * topics[0]; // 'attention-softmax'
 * ```
 */
export const topics: readonly Topic[] = ['attention-softmax', 'rnn', 'cnn', 'gan-vae', 'transfer-fusion'];

/**
 * What a question asks for.
 * - `concept`: explain an idea or compare designs.
 * - `derivation`: derive a formula (gradients, bounds, optima).
 * - `numeric`: a number to compute or a numerical-stability issue.
 * - `coding`: implement something; the answer points at our implementation.
 * - `debug`: find what is wrong with a training run or a piece of code.
 */
export type QuestionKind = 'concept' | 'derivation' | 'numeric' | 'coding' | 'debug';

/**
 * All question kinds.
 *
 * @example
 * ```ts
 * import { questionKinds } from '@dl/questions';
 * questionKinds.includes('derivation'); // true
 * ```
 */
export const questionKinds: readonly QuestionKind[] = ['concept', 'derivation', 'numeric', 'coding', 'debug'];

/** 1 = warm-up, 3 = typical interview question, 5 = research-level. */
export type Difficulty = 1 | 2 | 3 | 4 | 5;

/** A language of the bank. */
export type Lang = 'zh' | 'en';

/** The same text in Chinese and English. Formulas are LaTeX between `$...$` or `$$...$$`. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** The answer to a question: one or two sentences, then the full explanation (Markdown). */
export interface Answer {
  readonly short: LocalizedText;
  readonly full: LocalizedText;
}

/** A primary source that backs the answer. At least one of `url` or `arxiv` is given. */
export interface Reference {
  readonly title: string;
  /** e.g. `Vaswani et al.` */
  readonly authors?: string;
  readonly year?: number;
  /** arXiv identifier such as `1706.03762`. */
  readonly arxiv?: string;
  readonly url?: string;
}

/**
 * A wrong claim a candidate (or the seed document) might make, and its correction.
 *
 * @example
 * ```ts
 * import { getQuestion, seedErratumUrl } from '@dl/questions';
 * const [first] = getQuestion('attn-softmax-derivative')?.misconceptions ?? [];
 * first?.erratum; // 1
 * seedErratumUrl(first?.erratum ?? 1); // '.../docs/seed-errata.md#erratum-1'
 * ```
 */
export interface Misconception {
  readonly claim: LocalizedText;
  readonly correction: LocalizedText;
  /**
   * When the claim comes from the seed document: its row N (1-33) in the published seed errata,
   * docs/seed-errata.md#erratum-N (both languages). {@link seedErratumUrl} gives the address.
   */
  readonly erratum?: number;
}

/**
 * Where the claim of a derivation, numeric or coding question is checked in code:
 * the package export that implements it and the test that checks it.
 * `pending` means the export is planned but not yet written; it is reported, never faked.
 */
export interface Verification {
  /** Package name, e.g. `@dl/softmax-attention`. */
  readonly package: string;
  /** Exported symbol, e.g. `softmaxJacobian`. */
  readonly export: string;
  /** Test file path relative to the repository root. */
  readonly test: string;
  readonly status: 'verified' | 'pending';
}

/** Where a question came from in the seed document. */
export interface SeedOrigin {
  /** Seed chapter number (the attention chapter is 4). */
  readonly chapter: 4 | 5 | 6 | 7 | 8;
  /** Question number inside that chapter (1-10). */
  readonly question: number;
}

/** One interview question. */
export interface Question {
  /** Stable kebab-case slug, unique in the bank; never changes once published. */
  readonly id: string;
  readonly topic: Topic;
  /** Finer grouping inside a topic, kebab-case: `softmax`, `lstm`, `receptive-field`. */
  readonly subtopic: string;
  /** Lower-case kebab-case keywords for filtering. */
  readonly tags: readonly string[];
  readonly kind: QuestionKind;
  readonly difficulty: Difficulty;
  readonly prompt: LocalizedText;
  readonly answer: Answer;
  readonly references: readonly Reference[];
  readonly misconceptions?: readonly Misconception[];
  /** Required for `derivation`, `numeric` and `coding` questions. */
  readonly verification?: readonly Verification[];
  /** Set for the 48 questions that come from the seed document. */
  readonly seed?: SeedOrigin;
}
