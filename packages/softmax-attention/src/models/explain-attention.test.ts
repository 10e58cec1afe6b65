import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, ShapeError } from '@dl/core';
import { catchConfigError } from '@dl/core/testing';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { topAttendedTokens } from './explain-attention.js';

const here = dirname(fileURLToPath(import.meta.url));
const words = ['<pad>', '<unk>', 'free', 'money', 'now', 'click'];
const vocabulary = { tokenAt: (id: number) => words[id] };

describe('topAttendedTokens', () => {
  const weights = [0.05, 0.2, 0.1, 0.25, 0.15, 0.25, 0];
  const ids = [2, 3, 2, 4, 3, 5, 0];

  it('merges a repeated token into one entry whose weight is the float64 sum over its positions', () => {
    const top = topAttendedTokens(weights, ids, 3);
    // By hand: 3 at 1 and 4 → 0.35; 2 at 0 and 2 → 0.15; 4 → 0.25; 5 → 0.25 (4 comes first: earlier).
    expect(top.map(({ id, positions }) => ({ id, positions }))).toEqual([
      { id: 3, positions: [1, 4] },
      { id: 4, positions: [3] },
      { id: 5, positions: [5] },
    ]);
    expect(top.map((t) => t.weight)).toEqual([0.2 + 0.15, 0.25, 0.25]);
    expect(topAttendedTokens(weights, ids, 10).map((t) => t.id)).toEqual([3, 4, 5, 2]); // padding (id 0) never listed
  });

  it('lists each position on its own with merge: false, and accepts typed arrays', () => {
    const top = topAttendedTokens(Float64Array.from(weights), Int32Array.from(ids), 4, { merge: false });
    expect(top).toEqual([
      { id: 4, weight: 0.25, positions: [3] },
      { id: 5, weight: 0.25, positions: [5] },
      { id: 3, weight: 0.2, positions: [1] },
      { id: 3, weight: 0.15, positions: [4] },
    ]);
  });

  it('turns ids into words through a vocabulary', () => {
    expect(topAttendedTokens(weights, ids, 2, { vocabulary }).map((t) => t.token)).toEqual(['money', 'now']);
    expect(topAttendedTokens(weights, ids, 1)[0]).not.toHaveProperty('token');
    expect(catchConfigError(() => topAttendedTokens([1], [9], 1, { vocabulary })).message).toContain('a vocabulary that has id 9');
  });

  it('rejects weights and ids of different lengths, a bad k and unknown options', () => {
    expect(() => topAttendedTokens([0.5, 0.5], [2, 3, 4], 1)).toThrow(ShapeError);
    expect(() => topAttendedTokens([0.5, 0.5], [2, 3, 4], 1)).toThrow(/as many weights as ids \(3\)/);
    expect(catchConfigError(() => topAttendedTokens(weights, ids, 0)).path).toBe('k');
    expect(catchConfigError(() => topAttendedTokens(weights, ids, 1.5)).path).toBe('k');
    expect(catchConfigError(() => topAttendedTokens(weights, ids, 1, { marge: false } as never)).message).toContain("did you mean 'merge'?");
    expect(catchConfigError(() => topAttendedTokens(weights, ids, 1, { merge: 'no' } as never)).path).toBe('merge');
    expect(catchConfigError(() => topAttendedTokens(weights, ids, 1, { vocabulary: ['a'] } as never)).path).toBe('vocabulary');
    expect(() => topAttendedTokens(weights, 'abc' as never, 1)).toThrow(ConfigError);
  });

  it('has TSDoc examples that type-check under the package settings (noUncheckedIndexedAccess)', () => {
    const source = readFileSync(join(here, 'explain-attention.ts'), 'utf8');
    const blocks = [...source.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!.replace(/^\s*\* ?/gm, ''));
    expect(blocks).toHaveLength(2);
    const preamble = [
      "import * as tf from '@tensorflow/tfjs';",
      'declare const model: tf.LayersModel;',
      'declare const ids: tf.Tensor2D;',
      'declare const vocabulary: { tokenAt(id: number): string | undefined };',
    ].join('\n');
    const files = new Map(
      blocks.map((block, i) => [join(here, `doc-example-${i}.ts`), `${preamble}\n${block.replaceAll("'@dl/softmax-attention'", "'../index.js'")}\nexport {};\n`]),
    );
    const errors = typeCheck(files);
    expect(errors).toEqual([]);
  }, 60_000);
});

/** Type-checks in-memory files beside this one with the package's tsconfig; returns the error messages. */
function typeCheck(files: ReadonlyMap<string, string>): string[] {
  const configPath = join(here, '../../tsconfig.json');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, dirname(configPath));
  const options = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, version, ...rest) => {
    const code = files.get(name);
    return code === undefined ? getSourceFile.call(host, name, version, ...rest) : ts.createSourceFile(name, code, version);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return [...files.keys()].flatMap((name) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(name)).map((d) => `${name}:${d.start ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`),
  );
}
