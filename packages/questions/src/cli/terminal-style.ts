/** Text styles for a terminal; identity functions when colour is off. */
export interface TerminalStyle {
  readonly bold: (text: string) => string;
  readonly italic: (text: string) => string;
  readonly underline: (text: string) => string;
  readonly strike: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly code: (text: string) => string;
  readonly math: (text: string) => string;
}

const sgr = (open: number, close: number) => (text: string): string => (text === '' ? '' : `\u001b[${open}m${text}\u001b[${close}m`);
const plain = (text: string): string => text;

/**
 * The styles to use: ANSI SGR codes when `color` is true, none at all otherwise.
 *
 * @example
 * ```ts
 * terminalStyle(true).bold('x'); // '\u001b[1mx\u001b[22m'
 * terminalStyle(false).bold('x'); // 'x'
 * ```
 */
export function terminalStyle(color: boolean): TerminalStyle {
  if (!color) return { bold: plain, italic: plain, underline: plain, strike: plain, dim: plain, code: plain, math: plain };
  return { bold: sgr(1, 22), italic: sgr(3, 23), underline: sgr(4, 24), strike: sgr(9, 29), dim: sgr(2, 22), code: sgr(36, 39), math: sgr(35, 39) };
}

/** The parts of a stream and of the environment that decide on colour. */
export interface ColorContext {
  readonly isTTY?: boolean;
}

/**
 * Whether to colour output written to `stream`: only on a terminal, never when `NO_COLOR` is set
 * to a non-empty value (https://no-color.org) or `TERM=dumb`; `FORCE_COLOR` (other than `0`)
 * turns it on even when piped.
 *
 * @example
 * ```ts
 * shouldUseColor(process.stdout, process.env); // false under `dl-quiz | less` or NO_COLOR=1
 * ```
 */
export function shouldUseColor(stream: ColorContext, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
