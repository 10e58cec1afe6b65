import { describe, expect, it } from 'vitest';
import { shouldUseColor, terminalStyle } from './terminal-style.js';

describe('shouldUseColor', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    // no-color.org: an empty NO_COLOR does not count.
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { FORCE_COLOR: '0' }, true],
    [false, { FORCE_COLOR: '0' }, false],
    [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ])('isTTY %s with %j → %s', (isTTY, env, expected) => {
    expect(shouldUseColor({ isTTY }, env)).toBe(expected);
  });
});

describe('terminalStyle', () => {
  it('writes SGR codes only with colour', () => {
    expect(terminalStyle(true).bold('x')).toBe('\u001b[1mx\u001b[22m');
    expect(terminalStyle(true).italic('')).toBe('');
    const none = terminalStyle(false);
    expect(Object.values(none).map((style) => style('x'))).toEqual(Object.keys(none).map(() => 'x'));
  });
});
