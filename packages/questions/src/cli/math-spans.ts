/** A formula cut out of Markdown: its LaTeX source and whether it was `$$display$$` math. */
export interface MathSpan {
  readonly latex: string;
  readonly display: boolean;
}

/** Markdown with each formula replaced by a placeholder that Markdown parsers keep as plain text. */
export interface MathSplit {
  readonly markdown: string;
  readonly math: readonly MathSpan[];
}

const OPEN = '\ue000';
const CLOSE = '\ue001';

/** The placeholder of formula `index` (private-use characters around the index). */
export const mathPlaceholder = (index: number): string => `${OPEN}${index}${CLOSE}`;

/** Matches the placeholders in rendered text; group 1 is the index. */
export const MATH_PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'gu');

/**
 * Cuts `$…$` and `$$…$$` formulas out of Markdown before it is parsed, so that Markdown's
 * backslash escapes and emphasis rules cannot eat their backslashes, `_` and `*`. Code spans and
 * fenced code blocks are left alone; `\$` is a dollar sign. An inline `$` opens only before a
 * non-space and closes only after a non-space and not before a digit (Pandoc's rule), so prices
 * such as "$5 and $6" stay text.
 *
 * @example
 * ```ts
 * splitMath('Scale by $1/\\sqrt{d_k}$.');
 * // { markdown: 'Scale by \ue0000\ue001.', math: [{ latex: '1/\\sqrt{d_k}', display: false }] }
 * ```
 */
export function splitMath(markdown: string): MathSplit {
  const math: MathSpan[] = [];
  let out = '';
  let i = 0;
  const atLineStart = (at: number): boolean => at === 0 || markdown[at - 1] === '\n';
  while (i < markdown.length) {
    const fence = atLineStart(i) ? /^[ \t]*(`{3,}|~{3,})[^\n]*\n?/u.exec(markdown.slice(i)) : null;
    if (fence !== null) {
      const marker = fence[1] as string;
      const closing = new RegExp(`\\n[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*(?=\\n|$)`, 'u');
      const rest = markdown.slice(i + fence[0].length - 1);
      const close = closing.exec(rest);
      const end = close === null ? markdown.length : i + fence[0].length - 1 + close.index + close[0].length;
      out += markdown.slice(i, end);
      i = end;
      continue;
    }
    const char = markdown[i] as string;
    if (char === '`') {
      const run = /^`+/u.exec(markdown.slice(i))?.[0] ?? '`';
      const close = markdown.indexOf(run, i + run.length);
      const end = close < 0 ? i + run.length : close + run.length;
      out += markdown.slice(i, end);
      i = end;
      continue;
    }
    if (char === '\\') {
      out += markdown.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === '$') {
      if (markdown[i + 1] === '$') {
        const close = markdown.indexOf('$$', i + 2);
        if (close > i + 2) {
          out += mathPlaceholder(math.push({ latex: markdown.slice(i + 2, close), display: true }) - 1);
          i = close + 2;
          continue;
        }
      } else if (/\S/u.test(markdown[i + 1] ?? ' ')) {
        const close = findInlineClose(markdown, i + 1);
        if (close >= 0) {
          out += mathPlaceholder(math.push({ latex: markdown.slice(i + 1, close), display: false }) - 1);
          i = close + 1;
          continue;
        }
      }
    }
    out += char;
    i++;
  }
  return { markdown: out, math };
}

/** The closing `$` of inline math that starts at `from`, or -1; a blank line or a code fence ends the search. */
function findInlineClose(markdown: string, from: number): number {
  for (let j = from; j < markdown.length; j++) {
    const char = markdown[j];
    if (char === '\\') {
      j++;
      continue;
    }
    if (char === '\n' && (markdown[j + 1] === '\n' || /^[ \t]*(?:```|~~~)/u.test(markdown.slice(j + 1)))) return -1;
    if (char === '$' && j > from && /\S/u.test(markdown[j - 1] ?? ' ') && !/\d/u.test(markdown[j + 1] ?? '')) return j;
  }
  return -1;
}
