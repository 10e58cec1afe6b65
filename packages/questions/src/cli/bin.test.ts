import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { questions } from '../bank.js';

const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
/** Questions in the source bank (bank.test.ts pins them per chapter); the built bin must ship all of them. */
const BANK_SIZE = questions.length;

/**
 * The path of the built bin. Throws the fix when it is missing, so that every test here fails
 * with it instead of skipping. turbo's `test` task for this package depends on its own `build`
 * (packages/questions/turbo.json); running vitest by hand needs `pnpm build` first.
 */
function builtBin(): string {
  if (!existsSync(bin)) throw new Error(`[@dl/questions] ${bin} is missing: run \`pnpm build\` first.`);
  return bin;
}

/** The environment without colour settings of the caller's shell, plus `env`. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { NO_COLOR: _n, FORCE_COLOR: _f, ...rest } = process.env;
  return { ...rest, ...env };
}

const runBin = (args: string[], input = '', env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [builtBin(), ...args], { input, encoding: 'utf8', timeout: 30_000, maxBuffer: 256 * 1024 * 1024, env: cleanEnv(env) });

describe('the built dl-quiz bin (dist/cli.js)', () => {
  it('starts with a shebang', () => {
    expect(readFileSync(builtBin(), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('prints the package version and exits 0', () => {
    const result = runBin(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${packageVersion}\n`);
  });

  it('exits 2 on an unknown option', () => {
    const result = runBin(['--nope']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--nope'");
  });

  it(`lists the whole bank (${BANK_SIZE} questions) as JSON`, () => {
    const result = runBin(['--list', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout) as unknown[]).toHaveLength(BANK_SIZE);
  });

  it('runs a quiz from piped answers and prints the score', () => {
    const result = runBin(['--count', '2', '--seed', '1'], '\ny\n\nn\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Score: 1/2 correct (2 of 2 answered).');
  });

  it('exits 2 on a seed that is not an integer', () => {
    const result = runBin(['--seed', 'xyz']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("invalid --seed 'xyz'; expected an integer from 0 to 4294967295.");
  });

  it('renders answers as text without colour when piped, with colour under FORCE_COLOR, never with NO_COLOR', () => {
    // The whole bank's answers are Markdown with LaTeX; 30 questions are sure to hold formulas and emphasis.
    const answers = '\nn\n'.repeat(30);
    const piped = runBin(['--count', '30', '--seed', '3'], answers);
    expect(piped.status).toBe(0);
    expect(piped.stdout).not.toContain('\u001b[');
    expect(piped.stdout).not.toMatch(/\$[^$\n]*\\[a-z]+/u);
    expect(piped.stdout).toMatch(/[²ᵢ√Σ]/u);
    const forced = runBin(['--count', '30', '--seed', '3'], answers, { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[1m');
    const noColor = runBin(['--count', '30', '--seed', '3'], answers, { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(noColor.stdout).toBe(piped.stdout);
  });

  it('stops cleanly when stdin is empty', () => {
    const result = runBin(['--count', '1'], '');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Score: 0/0 correct (0 of 1 answered).');
  });
});
