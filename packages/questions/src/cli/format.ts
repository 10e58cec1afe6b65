import type { Messages } from './messages.js';
import type { Lang, Misconception, Question, Reference } from '../schema.js';
import { seedErratumUrl } from '../seed-erratum-url.js';

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * Terminal columns taken by `text`: CJK characters and full-width punctuation take two.
 *
 * @example
 * ```ts
 * displayWidth('abc'); // 3
 * displayWidth('注意力'); // 6
 * ```
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/**
 * `text` on one line, cut to at most `width` columns with an ellipsis.
 *
 * @example
 * ```ts
 * oneLine('Derive the\nJacobian of softmax', 12); // 'Derive the …'
 * ```
 */
export function oneLine(text: string, width: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (displayWidth(flat) <= width) return flat;
  let out = '';
  let used = 0;
  for (const char of flat) {
    const w = WIDE.test(char) ? 2 : 1;
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/**
 * Pads `text` with spaces to `width` columns.
 *
 * @example
 * ```ts
 * padEnd('编号', 6); // '编号  '
 * ```
 */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Rows as aligned columns; the last column is not padded.
 *
 * @example
 * ```ts
 * table([['ID', 'TOPIC'], ['a', 'rnn']]); // 'ID  TOPIC\na   rnn'
 * ```
 */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : padEnd(cell, widths[i] ?? 0))).join('  '))
    .join('\n');
}

/**
 * A reference as one line: title, authors and year, arXiv id and URL.
 *
 * @example
 * ```ts
 * formatReference({ title: 'Attention Is All You Need', authors: 'Vaswani et al.', year: 2017, arxiv: '1706.03762' });
 * // 'Attention Is All You Need (Vaswani et al., 2017) arXiv:1706.03762'
 * ```
 */
export function formatReference(reference: Reference): string {
  const who = [reference.authors, reference.year].filter((part) => part !== undefined).join(', ');
  return [reference.title, who === '' ? undefined : `(${who})`, reference.arxiv && `arXiv:${reference.arxiv}`, reference.url]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
}

/**
 * A misconception as an indented list item: the wrong claim, its correction and, when the claim
 * comes from the seed document, the line that links its row of the published seed errata.
 * `render` turns the bank's Markdown and LaTeX into terminal text; its lines are indented.
 *
 * @example
 * ```ts
 * formatMisconception({ claim, correction, erratum: 1 }, messagesFor('en'), 'en', (text) => text);
 * // '  - Wrong: …\n    Right: …\n    Seed erratum 1: https://github.com/dl-project/dl/blob/main/docs/seed-errata.md#erratum-1'
 * ```
 */
export function formatMisconception(misconception: Misconception, m: Messages, lang: Lang, render: (markdown: string) => string): string {
  const indent = (text: string): string => text.replace(/\n/gu, '\n    ');
  const lines = [`  - ${m.wrongClaim}${indent(render(misconception.claim[lang]))}`, `    ${m.correction}${indent(render(misconception.correction[lang]))}`];
  if (misconception.erratum !== undefined) lines.push(`    ${m.seedErratum(misconception.erratum, seedErratumUrl(misconception.erratum))}`);
  return lines.join('\n');
}

/**
 * A question reduced to what a script needs, for `--json` output of lists and quizzes.
 * The full record is included so nothing is lost; `text` holds the chosen language.
 *
 * @example
 * ```ts
 * toJson(question, 'zh').text.prompt; // the Chinese prompt
 * ```
 */
export function toJson(question: Question, lang: Lang): Question & { text: { prompt: string; short: string; full: string } } {
  return {
    ...question,
    text: { prompt: question.prompt[lang], short: question.answer.short[lang], full: question.answer.full[lang] },
  };
}
