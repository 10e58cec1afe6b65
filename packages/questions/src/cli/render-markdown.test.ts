import { describe, expect, it } from 'vitest';
import { questions } from '../bank.js';
import { displayWidth } from './format.js';
import { markdownToLine, renderMarkdown } from './render-markdown.js';
import { splitMath } from './math-spans.js';

const plain = (markdown: string): string => renderMarkdown(markdown, { color: false });
const ESC = '\u001b';

describe('splitMath', () => {
  it('cuts out inline and display formulas but not code, escaped dollars or prices', () => {
    const { markdown, math } = splitMath('A $x_1$ B $$\\sum_i$$ `$no$` \\$5 and $5 or $6 C\n```\n$code$\n```\nD $y$');
    expect(math).toEqual([
      { latex: 'x_1', display: false },
      { latex: '\\sum_i', display: true },
      { latex: 'y', display: false },
    ]);
    expect(markdown).toContain('`$no$`');
    expect(markdown).toContain('\\$5 and $5 or $6 C');
    expect(markdown).toContain('```\n$code$\n```');
  });

  it('does not let a formula run across a blank line', () => {
    expect(splitMath('costs $3\n\nand $x').math).toEqual([]);
  });
});

describe('renderMarkdown', () => {
  it('turns formulas into text that Markdown cannot mangle', () => {
    // `_` and `*` inside math would be emphasis, and `\{` an escape, if Markdown saw them first.
    expect(plain('Take $a_i * b_j$ and $c_k * d$ over $\\{0,1\\}$.')).toBe('Take aᵢ * bⱼ and cₖ * d over {0,1}.');
    expect(plain('Scale by $\\frac{1}{\\sqrt{d_k}}$.')).toBe('Scale by 1/√dₖ.');
  });

  it('puts display formulas on their own indented lines', () => {
    expect(plain('So\n$$\\begin{aligned}a&=1\\\\b&=2\\end{aligned}$$\nhence.')).toBe('So\n    a=1\n    b=2\nhence.');
    expect(plain('$$E=mc^2$$')).toBe('    E=mc²');
  });

  it('renders emphasis, code, lists, quotes and links as plain text without colour', () => {
    const text = plain('**Bold** and *em* and `code`.\n\n1. one\n2. two\n   - nested $x^2$\n\n> quoted\n\n[docs](https://example.org)');
    expect(text).toBe('Bold and em and code.\n\n1. one\n2. two\n   • nested x²\n\n│ quoted\n\ndocs (https://example.org)');
    expect(text).not.toContain(ESC);
  });

  it('keeps code blocks verbatim (LaTeX-looking text in code is code), indented', () => {
    expect(plain('Code:\n\n```ts\nconst s = "$\\\\alpha$";\nf(x);\n```')).toBe('Code:\n\n    const s = "$\\\\alpha$";\n    f(x);');
  });

  it('lays out tables in aligned columns, counting CJK characters as two columns', () => {
    const text = plain('| 名称 | value |\n|---|---:|\n| softmax | $e^{2}$ |\n| 注意力机制 | 12 |');
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('名称        value');
    expect(lines[1]).toBe('──────────  ─────');
    expect(lines[2]).toBe('softmax        e²');
    expect(lines[3]).toBe('注意力机制     12');
    expect(new Set(lines.map(displayWidth))).toEqual(new Set([17]));
  });

  it('makes **…** bold where CommonMark leaves it literal next to CJK punctuation', () => {
    expect(plain('沿**最后一维（键）**归一化')).toBe('沿最后一维（键）归一化');
    expect(renderMarkdown('沿**最后一维（键）**归一化', { color: true })).toBe(`沿${ESC}[1m最后一维（键）${ESC}[22m归一化`);
  });

  it('uses ANSI styles only when colour is on', () => {
    const colored = renderMarkdown('**Bold** `code` $x$', { color: true });
    expect(colored).toBe(`${ESC}[1mBold${ESC}[22m ${ESC}[36mcode${ESC}[39m ${ESC}[35mx${ESC}[39m`);
  });

  it('renders every question of the bank without $ signs, LaTeX commands or escape codes', () => {
    let texts = 0;
    for (const question of questions) {
      for (const lang of ['en', 'zh'] as const) {
        for (const markdown of [question.prompt[lang], question.answer.short[lang], question.answer.full[lang]]) {
          texts++;
          const text = plain(markdown);
          // Code blocks (indented by four) may hold `$` or `\\` legitimately; everything else may not.
          const prose = text
            .split('\n')
            .filter((line) => !line.startsWith('    '))
            .join('\n');
          expect(prose, question.id).not.toMatch(/\$|\\[a-zA-Z]|[\u0000-\u0008\u001b\ue000\ue001]/u);
          expect(prose, question.id).not.toMatch(/\*\*|^#+ /mu);
        }
      }
    }
    expect(texts).toBe(questions.length * 6);
  });
});

describe('markdownToLine', () => {
  it('flattens a prompt to one line of text', () => {
    expect(markdownToLine('Why divide by $\\sqrt{d_k}$?\n\n**Hint**: variance.')).toBe('Why divide by √dₖ? Hint: variance.');
  });
});
