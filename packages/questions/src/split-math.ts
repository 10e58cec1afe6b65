/** One formula in a text: its LaTeX source and whether it is display math (`$$…$$`). */
export interface MathSegment {
  readonly tex: string;
  readonly display: boolean;
}

/** A text split into prose and formulas, in order. */
export type TextPart = { readonly kind: 'text'; readonly text: string } | ({ readonly kind: 'math' } & MathSegment);

/**
 * Splits a question's text into prose and LaTeX formulas, the bank's convention (formulas
 * between `$…$` or `$$…$$`): what a renderer (KaTeX in a page, plain text in a terminal) needs.
 * Code is never math: fenced blocks and `inline code` are prose, whatever `$` they hold, so a
 * template literal's `${x}` stays code. A `$` left without its partner is an error (the bank's
 * tests check every text).
 *
 * @param text - one language of a question's prompt, answer or misconception.
 * @returns the parts, in order.
 * @throws Error when a `$` or `$$` has no closing partner outside code.
 * @example
 * ```ts
 * import { splitMath } from '@dl/questions';
 * splitMath('softmax is $e^{z_i} / \\sum_j e^{z_j}$.');
 * // [{ kind: 'text', text: 'softmax is ' }, { kind: 'math', tex: 'e^{z_i} / \\sum_j e^{z_j}', display: false }, { kind: 'text', text: '.' }]
 * ```
 */
export function splitMath(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let prose = '';
  let i = 0;
  const flush = () => {
    if (prose !== '') parts.push({ kind: 'text', text: prose });
    prose = '';
  };
  while (i < text.length) {
    if (text.startsWith('```', i)) {
      const end = text.indexOf('```', i + 3);
      const stop = end === -1 ? text.length : end + 3;
      prose += text.slice(i, stop);
      i = stop;
    } else if (text[i] === '`') {
      const end = text.indexOf('`', i + 1);
      const stop = end === -1 ? text.length : end + 1;
      prose += text.slice(i, stop);
      i = stop;
    } else if (text[i] === '\\' && text[i + 1] === '$') {
      prose += '$'; // an escaped dollar is a dollar
      i += 2;
    } else if (text[i] === '$') {
      const display = text[i + 1] === '$';
      const open = display ? 2 : 1;
      const end = text.indexOf(display ? '$$' : '$', i + open);
      if (end === -1) throw new Error(`unclosed ${display ? '$$' : '$'} at character ${i}: ${JSON.stringify(text.slice(i, i + 40))}`);
      flush();
      parts.push({ kind: 'math', tex: text.slice(i + open, end).trim(), display });
      i = end + open;
    } else {
      prose += text[i];
      i += 1;
    }
  }
  flush();
  return parts;
}
