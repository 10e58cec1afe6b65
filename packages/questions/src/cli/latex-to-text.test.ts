import { describe, expect, it } from 'vitest';
import { questions } from '../bank.js';
import { latexToText } from './latex-to-text.js';
import { splitMath } from './math-spans.js';

describe('latexToText', () => {
  it.each([
    // The forms the issue names: fractions, roots, sums, Greek, scripts.
    ['\\frac{a}{b}', 'a/b'],
    ['\\sqrt{x}', '√x'],
    ['\\sum_i x_i', 'Σᵢ xᵢ'],
    ['\\alpha+\\beta=\\gamma', 'α+β=γ'],
    ['x^2+y^{-1}', 'x²+y⁻¹'],
    ['W^\\top', 'Wᵀ'],
    ['h_{t-1}', 'hₜ₋₁'],
    // Compound operands are bracketed so that the text keeps the formula's meaning.
    ['\\frac{a+b}{c}', '(a+b)/c'],
    ['\\frac{1}{\\sqrt{d_k}}', '1/√dₖ'],
    ['\\sqrt{a+b}', '√(a+b)'],
    ['\\frac{\\frac{a}{b}}{c}', '(a/b)/c'],
    ['\\tfrac12\\log(2\\pi\\sigma^2)', '(1/2) log(2πσ²)'],
    ['2\\frac{a}{b}', '2(a/b)'],
    ['\\frac{a}{b}+\\frac{c}{d}', 'a/b+c/d'],
    ['\\sqrt[3]{x}', '∛x'],
    // Scripts that have no Unicode form, or are words, stay readable with ^ and _.
    ['e^{z_i}', 'e^(zᵢ)'],
    ['e^{-x^2/2}', 'e^(-x²/2)'],
    ['p_{data}', 'p_data'],
    ['c_{out}', 'c_out'],
    ['\\delta_{ij}', 'δ_ij'],
    ['x^{d}', 'x^d'],
    ['b_h^{(x)}', 'bₕ^(x)'],
    // Operator names are words, with a space where a letter follows.
    ['\\log\\sum_ie^{z_i}', 'log Σᵢ e^(zᵢ)'],
    ['m=\\max_iz_i', 'm=maxᵢ zᵢ'],
    ['D\\ln 2', 'D ln 2'],
    ['\\mathrm{softmax}(QK^\\top/\\sqrt{d_k})', 'softmax(QKᵀ/√dₖ)'],
    ['\\operatorname{diag}(f_t)', 'diag(fₜ)'],
    // Relations get spaces; fonts, sizes and spacing commands vanish.
    ['x \\in \\mathbb R^{B\\times T\\times d}', 'x ∈ ℝ^(B×T×d)'],
    ['\\mathbb{E}_{x\\sim p}[f]', '𝔼_(x ∼ p)[f]'],
    ['a\\le b\\approx c', 'a ≤ b ≈ c'],
    ['\\left\\lfloor\\frac{n+2p-k}{s}\\right\\rfloor+1', '⌊(n+2p-k)/s⌋+1'],
    ['\\|W^\\top u\\|_2', '‖Wᵀu‖₂'],
    ['0.99\\,\\mu + 0.01\\,\\mu_B', '0.99 μ + 0.01 μ_B'],
    ['\\hat\\mu', 'μ\u0302'],
    ['\\text{if } x>0', 'if x>0'],
    ['\\texttt{reset\\_after=True}', 'reset_after=True'],
    ['1.4\\times10^{-45}', '1.4×10⁻⁴⁵'],
    // Environments.
    ['\\begin{pmatrix}2&1\\\\1&2\\end{pmatrix}', '[2, 1; 1, 2]'],
    ['\\begin{cases}x,&x>0\\\\0,&\\text{otherwise}\\end{cases}', '{x, x>0; 0, otherwise}'],
    ['\\begin{aligned}a&=1\\\\b&=2\\end{aligned}', 'a=1\nb=2'],
    ['\\underbrace{a+b}_{\\text{sum}}', 'a+b (sum)'],
    // Unknown commands lose only their backslash.
    ['\\foo{x}', 'foo x'],
  ])('%s → %s', (latex, text) => {
    expect(latexToText(latex)).toBe(text);
  });

  it('maps every Greek letter to its Unicode symbol', () => {
    const lower = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi'];
    // U+03B1..U+03BE are α..ξ in alphabetical order (omicron, U+03BF, has no command).
    expect(lower.map((name) => latexToText(`\\${name}`))).toEqual(lower.map((_, i) => String.fromCodePoint(0x3b1 + i)));
    const rest = ['pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega'];
    expect(rest.map((name) => latexToText(`\\${name}`)).join('')).toBe('πρστυφχψω');
    expect(['Gamma', 'Delta', 'Theta', 'Lambda', 'Sigma', 'Omega'].map((name) => latexToText(`\\${name}`)).join('')).toBe('ΓΔΘΛΣΩ');
  });

  it('leaves no LaTeX command in any formula of the bank', () => {
    let formulas = 0;
    for (const question of questions) {
      for (const lang of ['en', 'zh'] as const) {
        for (const text of [question.prompt[lang], question.answer.short[lang], question.answer.full[lang]]) {
          for (const { latex } of splitMath(text).math) {
            formulas++;
            const plain = latexToText(latex);
            expect(plain, `${question.id} (${lang}): ${latex}`).not.toMatch(/\\|[\u0000-\u0008]/u);
          }
        }
      }
    }
    // The bank writes thousands of formulas; a split that found none would pass trivially.
    expect(formulas).toBeGreaterThan(1000);
  });
});
