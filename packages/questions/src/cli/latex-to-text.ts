/**
 * LaTeX math as plain Unicode text for a terminal: the subset the question bank uses
 * (fractions, roots, scripts, Greek, operators, fonts, accents, `pmatrix`/`cases`/`aligned`).
 * Unknown commands lose their backslash rather than failing: an answer always prints.
 */

const greek: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'φ',
  varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ',
  Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

/** Symbols written as they are. */
const symbols: Record<string, string> = {
  ...greek,
  partial: '∂', nabla: '∇', infty: '∞', ell: 'ℓ', hbar: 'ħ', prime: '′', top: '⊤', bot: '⊥',
  times: '×', cdot: '·', div: '÷', pm: '±', mp: '∓', odot: '⊙', otimes: '⊗', oplus: '⊕', circ: '∘',
  bullet: '•', ast: '∗', star: '⋆', cap: '∩', cup: '∪', setminus: '∖', emptyset: '∅', forall: '∀',
  exists: '∃', neg: '¬', land: '∧', lor: '∨', mid: '∣', vert: '|', Vert: '‖', '|': '‖',
  lVert: '‖', rVert: '‖', lvert: '|', rvert: '|', langle: '⟨', rangle: '⟩', lfloor: '⌊',
  rfloor: '⌋', lceil: '⌈', rceil: '⌉', dots: '…', ldots: '…', cdots: '⋯', vdots: '⋮', ddots: '⋱',
  sum: 'Σ', prod: '∏', int: '∫', oint: '∮', '{': '{', '}': '}', '%': '%', '#': '#', _: '_', $: '$',
  '&': '&', ',': ' ', ';': ' ', ':': ' ', '!': '', ' ': ' ', quad: '  ', qquad: '    ',
  lbrace: '{', rbrace: '}', lbrack: '[', rbrack: ']', backslash: '\\',
};

/** Relations and arrows, written with a space on each side. */
const relations: Record<string, string> = {
  le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', approx: '≈', equiv: '≡', sim: '∼',
  simeq: '≃', cong: '≅', propto: '∝', ll: '≪', gg: '≫', lesssim: '≲', gtrsim: '≳', in: '∈',
  notin: '∉', ni: '∋', subset: '⊂', subseteq: '⊆', supset: '⊃', supseteq: '⊇', to: '→',
  rightarrow: '→', leftarrow: '←', gets: '←', leftrightarrow: '↔', Rightarrow: '⇒', Leftarrow: '⇐',
  Leftrightarrow: '⇔', implies: '⇒', iff: '⇔', mapsto: '↦', longrightarrow: '⟶', coloneqq: '≔',
};

/** Operator names printed as words (`\log x` → `log x`). */
const functions = new Set([
  'log', 'ln', 'exp', 'lg', 'max', 'min', 'arg', 'argmax', 'argmin', 'det', 'sin', 'cos', 'tan',
  'sinh', 'cosh', 'tanh', 'inf', 'sup', 'lim', 'liminf', 'limsup', 'Pr', 'dim', 'ker', 'deg', 'gcd',
  'sec', 'csc', 'cot', 'arcsin', 'arccos', 'arctan', 'tr', 'diag', 'sgn',
]);

/** Commands that only change the font: their argument is printed as it is. */
const fonts = new Set(['mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'boldsymbol', 'bm', 'mathcal', 'mathscr', 'mathfrak', 'mathnormal']);
const texts = new Set(['text', 'textrm', 'textbf', 'textit', 'texttt', 'textsf', 'mbox', 'hbox']);
/** Sizing and spacing commands that print nothing (the delimiter after them still prints). */
const ignored = new Set([
  'left', 'right', 'middle', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl',
  'biggr', 'Biggl', 'Biggr', 'displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits', 'nonumber',
  'notag', 'mathop', 'mathbin', 'mathrel', 'mathord', 'hfill',
]);

const doubleStruck: Record<string, string> = { R: 'ℝ', E: '𝔼', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', P: 'ℙ', '1': '𝟙' };
const accents: Record<string, string> = {
  hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0304', tilde: '\u0303', widetilde: '\u0303',
  vec: '\u20d7', overrightarrow: '\u20d7', overleftarrow: '\u20d6', dot: '\u0307', ddot: '\u0308',
  check: '\u030c', breve: '\u0306', acute: '\u0301', grave: '\u0300', underline: '\u0332',
};

const superscripts: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', i: 'ⁱ', n: 'ⁿ', k: 'ᵏ', t: 'ᵗ', T: 'ᵀ', '⊤': 'ᵀ', '′': '′', "'": '′', '*': '*',
};
const subscripts: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ',
  k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ',
};

/** Marks the end of an operator name: becomes a space when a letter or digit follows. */
const WORD_END = '\u0001';
/** Marks the start of an operator name: becomes a space after a letter or digit (`D ln 2`). */
const WORD_START = '\u0006';
/** Around a fraction, until we know whether its neighbours need it bracketed. */
const FRACTION_START = '\u0003';
const FRACTION_END = '\u0004';
/** Line break inside math (`\\` in `aligned`). */
const LINE = '\n';

/** A script in Unicode super/subscript characters when short and all of them exist, else `^x`, `^(x + 1)`. */
function script(text: string, mark: '^' | '_', table: Record<string, string>): string {
  const chars = [...text.replace(/\s+/gu, '')];
  if (chars.length === 0) return '';
  const allMapped = chars.every((char) => table[char] !== undefined);
  // One index letter at most (`hₜ₋₁`, `x²`); words stay words (`c_out`, not `cₒᵤₜ`).
  const letters = chars.filter((char) => /\p{L}/u.test(char)).length;
  if (allMapped && letters <= 1) return chars.map((char) => table[char]).join('');
  const plain = resolveFractions(text).trim();
  const bare = /^[A-Za-z0-9]+$/u.test(plain) || [...plain.normalize('NFC')].length === 1 || /^\([^()]*\)$/u.test(plain);
  return bare ? `${mark}${plain}` : `${mark}(${plain})`;
}

/** Whether `text` needs parentheses to stay one operand of `/` or `√`. */
function isCompound(text: string): boolean {
  let depth = 0;
  const chars = [...text.trim()];
  for (const [i, char] of chars.entries()) {
    if ('([{⟨⌊⌈'.includes(char)) depth++;
    else if (')]}⟩⌋⌉'.includes(char)) depth--;
    else if (depth === 0 && /[\s\u0001+\-−±∓·×/=<>≤≥≈,;:∣|∼→←]/u.test(char) && !(i === 0 && (char === '-' || char === '−'))) return true;
  }
  return false;
}

/** Brackets a fraction (`FRACTION_START a/b FRACTION_END`) when a letter, digit or bracket touches it: `(1/2)log x`. */
function resolveFractions(text: string): string {
  const before = /[\p{L}\p{N}\p{M})]/u;
  const after = /[\p{L}\p{N}(√∂∇Σ∏∫]/u;
  const skip = new RegExp(`[${FRACTION_START}${FRACTION_END}${WORD_END}${WORD_START}]`, 'u');
  const pattern = new RegExp(`${FRACTION_START}([^${FRACTION_START}${FRACTION_END}]*)${FRACTION_END}`, 'gu');
  return text.replace(pattern, (whole: string, body: string, offset: number) => {
    let left = offset - 1;
    while (left >= 0 && skip.test(text[left] ?? '')) left--;
    let right = offset + whole.length;
    while (right < text.length && skip.test(text[right] ?? '')) right++;
    const touches = before.test(text[left] ?? ' ') || after.test(text[right] ?? ' ');
    return touches ? `(${body})` : body;
  });
}

const operand = (text: string): string => {
  const resolved = resolveFractions(text).trim();
  return isCompound(resolved) ? `(${resolved})` : resolved;
};

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  /** Everything up to `}` (consumed), `\end`, or the end of input. */
  sequence(inGroup: boolean): string {
    let out = '';
    while (this.i < this.src.length) {
      const char = this.src[this.i] as string;
      if (char === '}') {
        if (inGroup) {
          this.i++;
          return out;
        }
        this.i++;
        out += '}';
        continue;
      }
      if (this.src.startsWith('\\end', this.i)) return out;
      if (char === '^' || char === '_') {
        this.i++;
        out += script(this.argument(), char, char === '^' ? superscripts : subscripts);
        continue;
      }
      out += this.atom();
    }
    return out;
  }

  /** The whole input; a stray `\\end{...}` is skipped. */
  all(): string {
    let out = this.sequence(false);
    while (this.i < this.src.length) {
      this.name();
      this.textArgument();
      out += this.sequence(false);
    }
    return out;
  }

  /** One argument: a group, a command with its own arguments, or one character. */
  argument(): string {
    this.skipSpaces();
    return this.atom();
  }

  private skipSpaces(): void {
    while (/\s/u.test(this.src[this.i] ?? '')) this.i++;
  }

  private atom(): string {
    const char = this.src[this.i];
    if (char === undefined) return '';
    if (char === '{') {
      this.i++;
      return this.sequence(true);
    }
    if (char === '\\') return this.command();
    this.i++;
    if (/\s/u.test(char)) {
      this.skipSpaces();
      return ' ';
    }
    if (char === '~') return ' ';
    if (char === '&') return this.src[this.i] === '=' ? '' : ' '; // `x &= y` in aligned, `a & b` in cases
    return char;
  }

  /** `{...}` read as text: spaces kept, `\_` and friends unescaped, `$...$` inside converted. */
  private textArgument(): string {
    this.skipSpaces();
    if (this.src[this.i] !== '{') return this.atom();
    this.i++;
    let out = '';
    let depth = 0;
    while (this.i < this.src.length) {
      const char = this.src[this.i++] as string;
      if (char === '\\') {
        out += this.src[this.i++] ?? '';
      } else if (char === '{') {
        depth++;
      } else if (char === '}') {
        if (depth === 0) break;
        depth--;
      } else if (char === '$') {
        const end = this.src.indexOf('$', this.i);
        const inner = end < 0 ? this.src.slice(this.i) : this.src.slice(this.i, end);
        out += new Parser(inner).sequence(false);
        this.i = end < 0 ? this.src.length : end + 1;
      } else {
        out += char;
      }
    }
    return out;
  }

  private name(): string {
    this.i++; // the backslash
    const match = /^[a-zA-Z]+/u.exec(this.src.slice(this.i));
    if (match === null) return this.src[this.i++] ?? '';
    this.i += match[0].length;
    return match[0];
  }

  /** Scripts written right after an operator (`\sum_{i=1}^n`, `\max_i`). */
  private trailingScripts(): string {
    let out = '';
    for (;;) {
      const save = this.i;
      this.skipSpaces();
      const char = this.src[this.i];
      if (char !== '^' && char !== '_') {
        this.i = save;
        return out;
      }
      this.i++;
      out += script(this.argument(), char, char === '^' ? superscripts : subscripts);
    }
  }

  private command(): string {
    const name = this.name();
    const isWord = /^[a-zA-Z]+$/u.test(name);
    // TeX swallows the spaces after a control word; keep one before an operator (`\mu + 1`).
    if (isWord && /^\s*(?:[A-Za-z0-9{\\([^_]|$)/u.test(this.src.slice(this.i))) this.skipSpaces();
    if (name === '\\') return LINE;
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac' || name === 'cfrac') {
      const top = this.argument();
      const bottom = this.argument();
      return `${FRACTION_START}${operand(top)}/${operand(bottom)}${FRACTION_END}`;
    }
    if (name === 'sqrt') {
      let index = '';
      if (this.src[this.i] === '[') {
        const end = this.src.indexOf(']', this.i);
        index = new Parser(this.src.slice(this.i + 1, end)).sequence(false).trim();
        this.i = end + 1;
      }
      const root = index === '' ? '√' : index === '3' ? '∛' : index === '4' ? '∜' : `${script(index, '^', superscripts)}√`;
      return `${root}${operand(this.argument())}`;
    }
    if (name === 'binom') {
      const n = this.argument();
      return `C(${n.trim()}, ${this.argument().trim()})`;
    }
    if (name === 'mathbb') {
      const letter = this.argument().trim();
      return [...letter].map((char) => doubleStruck[char] ?? char).join('');
    }
    if (name === 'operatorname' || name === 'operatorname*') return `${WORD_START}${this.argument().trim()}${this.trailingScripts()}${WORD_END}`;
    if (fonts.has(name)) {
      const content = this.argument();
      return /^[a-zA-Z]{2,}$/u.test(content.trim()) ? `${WORD_START}${content.trim()}${this.trailingScripts()}${WORD_END}` : content;
    }
    if (texts.has(name)) return this.textArgument();
    const accent = accents[name];
    if (accent !== undefined) {
      const base = this.argument().trim();
      return [...base].length === 1 ? `${base}${accent}` : `${name}(${base})`;
    }
    if (name === 'underbrace' || name === 'overbrace') {
      const body = this.argument();
      const save = this.i;
      this.skipSpaces();
      if (this.src[this.i] === '_' || this.src[this.i] === '^') {
        this.i++;
        return `${body} (${this.argument().trim()})`;
      }
      this.i = save;
      return body;
    }
    if (name === 'substack') return this.argument().split(LINE).map((part) => part.trim()).join(', ');
    if (name === 'begin') return this.environment();
    if (name === 'not') return `${this.argument()}\u0338`;
    if (ignored.has(name)) {
      if (this.src[this.i] === '.') this.i++; // \left. prints nothing
      return '';
    }
    const relation = relations[name];
    if (relation !== undefined) return ` ${relation} `;
    if (name === 'sum' || name === 'prod' || name === 'int' || name === 'oint') return `${symbols[name]}${this.trailingScripts()}${WORD_END}`;
    const symbol = symbols[name];
    if (symbol !== undefined) return symbol;
    if (functions.has(name)) return `${WORD_START}${name}${this.trailingScripts()}${WORD_END}`;
    return isWord ? `${name}${WORD_END}` : name;
  }

  /** `pmatrix` and friends as `[a, b; c, d]`, `cases` as `{a, if x; b, otherwise}`, `aligned` as lines. */
  private environment(): string {
    const kind = this.textArgument().trim();
    const body = this.sequence(false);
    if (this.src.startsWith('\\end', this.i)) {
      this.name();
      this.textArgument();
    }
    const rows = body
      .split(LINE)
      .map((row) => row.trim())
      .filter((row) => row !== '');
    if (kind === 'aligned' || kind === 'align' || kind === 'align*' || kind === 'gathered' || kind === 'split') return rows.join(LINE);
    return kind === 'cases' ? `{${rows.join('; ')}}` : `[${rows.join('; ')}]`;
  }
}

/** Cells of an environment are separated by `&`; keep them apart with a comma where none is written. */
function separateCells(latex: string): string {
  return latex.replace(/\\begin\{(p|b|v|V|B)?matrix\}([\s\S]*?)\\end\{\1?matrix\}/gu, (whole: string) =>
    whole.replace(/(?<!\\)&/gu, '\u0002'),
  );
}

/**
 * LaTeX math (without its `$` delimiters) as readable plain text for a terminal.
 *
 * Fractions become `a/b` (parenthesised when compound), roots `√x`, big operators `Σ`, `∏`,
 * `∫`, Greek letters and relations their Unicode symbols; `^` and `_` become Unicode super- and
 * subscripts when short and every character has one (`x²`, `zᵢ`, `Wᵀ`, `hₜ₋₁`), else stay
 * readable as `^(…)`/`_word`; matrices print as `[a, b; c, d]`, `cases` as `{…; …}` and
 * `aligned` as one line per row.
 *
 * @param latex - the math source, e.g. the text between `$` signs.
 * @returns plain text without backslashes for the commands it knows.
 * @example
 * ```ts
 * latexToText('\\frac{a}{b}'); // 'a/b'
 * latexToText('\\mathrm{softmax}(QK^\\top/\\sqrt{d_k})'); // 'softmax(QKᵀ/√dₖ)'
 * latexToText('\\sum_{i=1}^{n} \\alpha_i x_i^2'); // 'Σᵢ₌₁ⁿ αᵢ xᵢ²'
 * ```
 */
export function latexToText(latex: string): string {
  const raw = new Parser(separateCells(latex)).all();
  return resolveFractions(raw)
    .replace(/\u0002/gu, ', ')
    .replace(new RegExp(`${WORD_END}(?=[\\p{L}\\p{N}√∂∇Σ∏∫∞])`, 'gu'), ' ')
    .replaceAll(WORD_END, '')
    .replace(new RegExp(`(?<=[\\p{L}\\p{N}\\p{M})])${WORD_START}`, 'gu'), ' ')
    .replaceAll(WORD_START, '')
    .split(LINE)
    .map((line) => line.replace(/[ \t]+/gu, ' ').replace(/\( /gu, '(').replace(/ \)/gu, ')').replace(/ ,/gu, ',').trim())
    .filter((line, index, lines) => line !== '' || lines.length === 1 || index === 0)
    .join(LINE);
}
