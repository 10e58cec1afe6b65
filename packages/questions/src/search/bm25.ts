import type { Token } from './tokenize.js';

/** One document: its weighted term frequencies and weighted length. */
interface IndexedDocument {
  readonly frequencies: Map<string, number>;
  readonly length: number;
}

/** A BM25 index over a fixed list of documents. */
export interface Bm25Index {
  readonly documents: readonly IndexedDocument[];
  /** Number of documents that contain each term. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  readonly averageLength: number;
}

/** A document as a list of fields, each with its tokens and a field weight. */
export type WeightedFields = readonly { readonly tokens: readonly Token[]; readonly weight: number }[];

const K1 = 1.2;
const B = 0.75;

/**
 * Builds a BM25 index in which each field's terms count `weight` times (a simplified BM25F:
 * weighted frequencies are summed over fields before saturation).
 *
 * @example
 * ```ts
 * const index = buildIndex([[{ tokens: tokenize('softmax'), weight: 3 }]]);
 * scoreAll(index, tokenize('softmax')); // [1.23...]
 * ```
 */
export function buildIndex(documents: readonly WeightedFields[]): Bm25Index {
  const indexed: IndexedDocument[] = [];
  const documentFrequency = new Map<string, number>();
  let totalLength = 0;
  for (const fields of documents) {
    const frequencies = new Map<string, number>();
    let length = 0;
    for (const field of fields) {
      for (const token of field.tokens) {
        const amount = token.weight * field.weight;
        frequencies.set(token.term, (frequencies.get(token.term) ?? 0) + amount);
        length += amount;
      }
    }
    for (const term of frequencies.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    indexed.push({ frequencies, length });
    totalLength += length;
  }
  return { documents: indexed, documentFrequency, averageLength: indexed.length === 0 ? 0 : totalLength / indexed.length };
}

/**
 * BM25 score of every document for a query; a query term repeated counts once, at its
 * highest weight.
 *
 * @example
 * ```ts
 * scoreAll(index, tokenize('注意力')); // one score per document, 0 when nothing matches
 * ```
 */
export function scoreAll(index: Bm25Index, query: readonly Token[]): number[] {
  const queryTerms = new Map<string, number>();
  for (const token of query) queryTerms.set(token.term, Math.max(queryTerms.get(token.term) ?? 0, token.weight));
  const n = index.documents.length;
  const scores = new Array<number>(n).fill(0);
  for (const [term, queryWeight] of queryTerms) {
    const df = index.documentFrequency.get(term);
    if (df === undefined) continue;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    index.documents.forEach((document, i) => {
      const tf = document.frequencies.get(term);
      if (tf === undefined) return;
      const norm = K1 * (1 - B + (B * document.length) / (index.averageLength || 1));
      scores[i] = (scores[i] ?? 0) + queryWeight * idf * ((tf * (K1 + 1)) / (tf + norm));
    });
  }
  return scores;
}
