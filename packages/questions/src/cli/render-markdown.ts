import { stripVTControlCharacters } from 'node:util';
import { Lexer, type Token, type Tokens } from 'marked';
import { displayWidth } from './format.js';
import { latexToText } from './latex-to-text.js';
import { MATH_PLACEHOLDER, splitMath, type MathSpan } from './math-spans.js';
import { terminalStyle, type TerminalStyle } from './terminal-style.js';

/** Options of {@link renderMarkdown}. */
export interface RenderOptions {
  /** ANSI styles (bold, italic, code and formula colours); `false` writes plain text. */
  readonly color: boolean;
}

interface Context {
  readonly style: TerminalStyle;
  readonly math: readonly MathSpan[];
}

/** Set around display formulas inside inline text until the paragraph is laid out. */
const DISPLAY = '\u0005';
const INDENT = '    ';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const decodeEntities = (text: string): string => text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/gu, (_, name: string) => entities[name] ?? '');

/**
 * CommonMark leaves `**…**` literal when a delimiter sits between CJK punctuation and a letter
 * (`**最后一维（键）**归一化`): its flanking rules were written for spaced languages. Chinese
 * answers use that often, so such leftover pairs are made bold here.
 */
const leftoverStrong = /\*\*(?=\S)([^*\n]*?\S)\*\*/gu;

/** Formulas in `text` as plain text; display formulas are marked for {@link layoutDisplayMath}. */
function withMath(raw: string, context: Context): string {
  const text = raw.replace(leftoverStrong, (_, inner: string) => context.style.bold(inner));
  return text.replace(MATH_PLACEHOLDER, (_, index: string) => {
    const span = context.math[Number(index)];
    if (span === undefined) return '';
    const text = latexToText(span.latex);
    if (span.display) return `${DISPLAY}${text}${DISPLAY}`;
    return context.style.math(text.replace(/\n/gu, '; '));
  });
}

/** A paragraph whose display formulas stand on their own indented lines. */
function layoutDisplayMath(text: string, style: TerminalStyle): string {
  if (!text.includes(DISPLAY)) return text;
  const parts = text.split(DISPLAY);
  let out = '';
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 1) {
      const lines = part.split('\n').map((line) => `${INDENT}${style.math(line)}`);
      out = `${out.trimEnd()}${out.trim() === '' ? '' : '\n'}${lines.join('\n')}\n`;
    } else {
      out += i === 0 ? part : part.replace(/^[ \t]*\n?/u, '');
    }
  }
  return out.trimEnd();
}

function inline(tokens: readonly Token[] | undefined, context: Context): string {
  const { style } = context;
  let out = '';
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text': {
        const text = token as Tokens.Text;
        out += text.tokens !== undefined && text.tokens.length > 0 ? inline(text.tokens, context) : withMath(decodeEntities(text.text), context);
        break;
      }
      case 'escape':
        out += (token as Tokens.Escape).text;
        break;
      case 'strong':
        out += style.bold(inline((token as Tokens.Strong).tokens, context));
        break;
      case 'em':
        out += style.italic(inline((token as Tokens.Em).tokens, context));
        break;
      case 'del':
        out += style.strike(inline((token as Tokens.Del).tokens, context));
        break;
      case 'codespan':
        out += style.code(decodeEntities((token as Tokens.Codespan).text));
        break;
      case 'br':
        out += '\n';
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const text = inline(link.tokens, context);
        out += stripVTControlCharacters(text) === link.href ? style.underline(link.href) : `${text} (${style.underline(link.href)})`;
        break;
      }
      case 'image':
        out += `[${(token as Tokens.Image).text}]`;
        break;
      default:
        out += withMath(decodeEntities('text' in token && typeof token.text === 'string' ? token.text : token.raw), context);
    }
  }
  return out;
}

const indentLines = (text: string, first: string, rest: string): string =>
  text
    .split('\n')
    .map((line, i) => (line === '' ? line : `${i === 0 ? first : rest}${line}`))
    .join('\n');

function list(token: Tokens.List, context: Context): string {
  const start = typeof token.start === 'number' ? token.start : 1;
  const markers = token.items.map((_, i) => (token.ordered ? `${start + i}. ` : '• '));
  const width = Math.max(...markers.map((marker) => marker.length));
  const items = token.items.map((item, i) => {
    const marker = (markers[i] ?? '').padEnd(width);
    const prefix = item.task ? `[${item.checked === true ? 'x' : ' '}] ` : '';
    const body = blocks(item.tokens, context, item.loose ? '\n\n' : '\n');
    return indentLines(`${prefix}${body}`, marker, ' '.repeat(width));
  });
  return items.join(token.loose ? '\n\n' : '\n');
}

function table(token: Tokens.Table, context: Context): string {
  const cell = (c: Tokens.TableCell): string => inline(c.tokens, context).replace(/\n/gu, ' ');
  const header = token.header.map(cell);
  const rows = token.rows.map((row) => row.map(cell));
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => displayWidth(stripVTControlCharacters(row[i] ?? '')))));
  const pad = (text: string, i: number): string => {
    const width = widths[i] ?? 0;
    const gap = ' '.repeat(Math.max(0, width - displayWidth(stripVTControlCharacters(text))));
    return token.align[i] === 'right' ? `${gap}${text}` : i === widths.length - 1 ? text : `${text}${gap}`;
  };
  const line = (row: readonly string[]): string => row.map(pad).join('  ').trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [line(header.map((text) => context.style.bold(text))), context.style.dim(rule), ...rows.map(line)].join('\n');
}

function block(token: Token, context: Context): string | undefined {
  const { style } = context;
  switch (token.type) {
    case 'space':
    case 'def':
      return undefined;
    case 'paragraph':
      return layoutDisplayMath(inline((token as Tokens.Paragraph).tokens, context), style);
    case 'text': {
      const text = token as Tokens.Text;
      return layoutDisplayMath(text.tokens !== undefined ? inline(text.tokens, context) : withMath(text.text, context), style);
    }
    case 'heading': {
      const heading = token as Tokens.Heading;
      const text = inline(heading.tokens, context);
      return heading.depth <= 2 ? style.bold(style.underline(text)) : style.bold(text);
    }
    case 'code': {
      const code = (token as Tokens.Code).text.replace(/\n$/u, '');
      return code
        .split('\n')
        .map((line) => (line === '' ? '' : `${INDENT}${style.code(line)}`))
        .join('\n');
    }
    case 'blockquote':
      return indentLines(blocks((token as Tokens.Blockquote).tokens, context, '\n\n'), style.dim('│ '), style.dim('│ '));
    case 'list':
      return list(token as Tokens.List, context);
    case 'table':
      return table(token as Tokens.Table, context);
    case 'hr':
      return style.dim('─'.repeat(40));
    case 'html':
      return decodeEntities((token as Tokens.HTML).text).trimEnd();
    default:
      return inline([token], context);
  }
}

function blocks(tokens: readonly Token[], context: Context, separator: string): string {
  return tokens
    .map((token) => block(token, context))
    .filter((text): text is string => text !== undefined && text !== '')
    .join(separator);
}

/**
 * Markdown with LaTeX formulas (`$…$`, `$$…$$`), as the question bank writes its answers,
 * rendered for a terminal: emphasis and code as ANSI styles, lists with bullets and hanging
 * indents, tables as aligned columns (CJK-aware), code blocks and display formulas indented,
 * and every formula as readable text by {@link latexToText}. With `color: false` the result
 * has no escape codes at all: plain text for pipes, files and `NO_COLOR`.
 *
 * Markdown is parsed with `marked`'s lexer; formulas are cut out first so that Markdown escapes
 * and emphasis rules cannot change them.
 *
 * @param markdown - the text to render.
 * @param options.color - whether to use ANSI styles.
 * @returns the rendered text, without a trailing newline.
 * @example
 * ```ts
 * renderMarkdown('**Scale** by $\\frac{1}{\\sqrt{d_k}}$:\n\n- keeps `softmax` unsaturated', { color: false });
 * // 'Scale by 1/√dₖ:\n\n• keeps softmax unsaturated'
 * ```
 */
export function renderMarkdown(markdown: string, options: RenderOptions): string {
  const { markdown: text, math } = splitMath(markdown);
  const context: Context = { style: terminalStyle(options.color), math };
  return blocks(new Lexer({ gfm: true }).lex(text), context, '\n\n');
}

/**
 * Markdown and formulas as one line of plain text, for lists and search results.
 *
 * @example
 * ```ts
 * markdownToLine('Why divide by $\\sqrt{d_k}$?'); // 'Why divide by √dₖ?'
 * ```
 */
export function markdownToLine(markdown: string): string {
  return renderMarkdown(markdown, { color: false }).replace(/\s+/gu, ' ').trim();
}
