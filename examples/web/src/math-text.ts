import katex from 'katex';
import 'katex/dist/katex.min.css';
import { splitMath } from '@dl/questions';

/**
 * Shows a question's text in `target`: the prose as text, each formula (`$…$`, `$$…$$`, the
 * bank's convention, split by `@dl/questions`' `splitMath`) typeset by KaTeX.
 *
 * @returns how many formulas it typeset.
 */
export function showMathText(target: HTMLElement, text: string): number {
  target.replaceChildren();
  let formulas = 0;
  for (const part of splitMath(text)) {
    if (part.kind === 'text') {
      target.append(part.text);
      continue;
    }
    const span = document.createElement('span');
    katex.render(part.tex, span, { displayMode: part.display, throwOnError: false, strict: 'ignore' });
    target.append(span);
    formulas++;
  }
  return formulas;
}
