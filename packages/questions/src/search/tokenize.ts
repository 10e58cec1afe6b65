/** A search term and how much one occurrence of it counts. */
export interface Token {
  readonly term: string;
  readonly weight: number;
}

/** Chinese characters and Japanese kana: scripts written without spaces between words. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/**
 * Single characters are weak evidence (`门` alone says little) but rescue queries whose words
 * the segmenter splits differently from the text (`导数` against `求导`).
 */
const CJK_UNIGRAM_WEIGHT = 0.25;

const ENGLISH_STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'can', 'do', 'does', 'for', 'from', 'how', 'in', 'is',
  'it', 'its', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'what', 'when', 'which', 'why', 'with',
]);

let segmenter: Intl.Segmenter | undefined;

/**
 * Lower-cases an English word and strips a possessive and a plural `s`, so that
 * `Gradients`, `gradient` and `gradient's` meet. Deliberately crude: it only has to
 * treat the query and the text the same way.
 */
function normalizeWord(word: string): string {
  let w = word.replace(/['’]s$/u, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/u.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * Splits text into search terms, for Chinese and English alike.
 *
 * The text is NFKC-normalised (full-width `ＳＯＦＴＭＡＸ` becomes `softmax`) and lower-cased,
 * then cut into words with `Intl.Segmenter`. Because dictionary segmentation of Chinese is not
 * stable across contexts, every run of CJK characters also yields its character bigrams
 * (weight 1) and single characters (weight 0.25), so `注意力` still matches `注意力机制`.
 * English stop words are dropped.
 *
 * @param text - any text; LaTeX and Markdown are tolerated (commands such as `\sqrt` become `sqrt`).
 * @returns the terms in order of appearance, repeated as often as they occur.
 * @example
 * ```ts
 * tokenize('Softmax 导数').map((t) => t.term);
 * // ['softmax', '导数', '导数', '导', '数']  (word, bigram, unigrams)
 * ```
 */
export function tokenize(text: string): Token[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const tokens: Token[] = [];
  for (const { segment, isWordLike } of segmenter.segment(normalized)) {
    if (isWordLike !== true) continue;
    if (CJK_CHAR.test(segment)) {
      tokens.push({ term: segment, weight: 1 });
      continue;
    }
    for (const part of segment.split('_')) {
      const word = normalizeWord(part);
      if (word !== '' && !ENGLISH_STOPWORDS.has(word)) tokens.push({ term: word, weight: 1 });
    }
  }
  for (const [run] of normalized.matchAll(CJK_RUN)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push({ term: `${chars[i]}${chars[i + 1]}`, weight: 1 });
    for (const char of chars) tokens.push({ term: char, weight: CJK_UNIGRAM_WEIGHT });
  }
  return tokens;
}
