import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { questions } from './bank.js';
import type { LocalizedText, Question } from './schema.js';
import { splitMath } from './split-math.js';

describe('splitMath', () => {
  it('splits prose and formulas, inline and display', () => {
    expect(splitMath('a $x^2$ b $$\\sum_i x_i$$ c')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'math', tex: 'x^2', display: false },
      { kind: 'text', text: ' b ' },
      { kind: 'math', tex: '\\sum_i x_i', display: true },
      { kind: 'text', text: ' c' },
    ]);
  });

  it('leaves code alone: inline code, fenced blocks and template literals are prose', () => {
    const text = 'run `echo $HOME` then\n```ts\nconst s = `${x}$`;\n```\nand $y$';
    const parts = splitMath(text);
    expect(parts.filter((p) => p.kind === 'math')).toEqual([{ kind: 'math', tex: 'y', display: false }]);
    expect(parts.map((p) => (p.kind === 'text' ? p.text : `$${p.tex}$`)).join('')).toBe(text);
  });

  it('reads an escaped dollar as a dollar, and rejects an unclosed one', () => {
    expect(splitMath('costs \\$5')).toEqual([{ kind: 'text', text: 'costs $5' }]);
    expect(() => splitMath('a $x + 1 and no end')).toThrow(/unclosed \$ at character 2/);
  });
});

/** Every text of a question that a reader sees, with where it is. */
function texts(question: Question): [string, LocalizedText][] {
  return [
    ['prompt', question.prompt],
    ['answer.short', question.answer.short],
    ['answer.full', question.answer.full],
    ...(question.misconceptions ?? []).flatMap((m, i): [string, LocalizedText][] => [
      [`misconceptions[${i}].claim`, m.claim],
      [`misconceptions[${i}].correction`, m.correction],
    ]),
  ];
}

describe('every formula in the bank', () => {
  it('has its closing $ and renders with KaTeX (no parse errors), in both languages', () => {
    const problems: string[] = [];
    let formulas = 0;
    for (const question of questions) {
      for (const [where, text] of texts(question)) {
        for (const lang of ['en', 'zh'] as const) {
          try {
            for (const part of splitMath(text[lang])) {
              if (part.kind !== 'math') continue;
              formulas++;
              katex.renderToString(part.tex, { displayMode: part.display, throwOnError: true, strict: 'ignore' });
            }
          } catch (error) {
            problems.push(`${question.id} ${where}.${lang}: ${(error as Error).message.split('\n')[0]}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(formulas).toBeGreaterThan(500);
  });
});
