import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TensorAssertionError } from './assertion-error.js';
import { extractReadmeBlocks, readmeExample, runReadmeExample } from './readme-example.js';

const fence = '```';

describe('extractReadmeBlocks', () => {
  it('returns the block after each marker line, without fences, and nothing for a marker followed by prose', () => {
    const markdown = [
      '# pkg',
      '<!-- readme-test: runs this -->',
      '',
      `${fence}ts`,
      "import { a } from 'pkg';",
      'console.log(a);',
      fence,
      '<!-- readme-test --> then prose, not a block',
      'Some text.',
      `${fence}ts`,
      'not marked',
      fence,
      '<!-- readme-test -->',
      '````sh',
      'a fence of four',
      `${fence}`,
      'still inside',
      '````',
    ].join('\n');
    expect(extractReadmeBlocks(markdown)).toEqual(["import { a } from 'pkg';\nconsole.log(a);\n", `a fence of four\n${fence}\nstill inside\n`]);
  });

  it('takes any marker, such as a heading', () => {
    expect(extractReadmeBlocks(`## Quick start\n${fence}ts\nx;\n${fence}\n## Other\n${fence}ts\ny;\n${fence}\n`, '## Quick start')).toEqual(['x;\n']);
    expect(extractReadmeBlocks('no marker here')).toEqual([]);
  });
});

describe('readmeExample and runReadmeExample', () => {
  // Two fake packages: `@fake/main` (with a subpath) whose README holds the example, and `@fake/other`.
  let root = '';
  let main = '';
  let other = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'dl-readme-helper-'));
    main = join(root, 'main');
    other = join(root, 'other');
    for (const dir of [join(main, 'dist', 'sub'), join(other, 'dist')]) await mkdir(dir, { recursive: true });
    const exports = { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './sub': { default: './dist/sub/index.js' } };
    await writeFile(join(main, 'package.json'), JSON.stringify({ name: '@fake/main', type: 'module', exports }));
    await writeFile(join(main, 'dist', 'index.js'), 'export const two = 2;\n');
    await writeFile(join(main, 'dist', 'sub', 'index.js'), 'export const three = 3;\n');
    await writeFile(join(other, 'package.json'), JSON.stringify({ name: '@fake/other', type: 'module', exports: { '.': './dist/index.js' } }));
    await writeFile(join(other, 'dist', 'index.js'), 'export const seven = 7;\n');
    const example = [
      "import { two } from '@fake/main';",
      "import { three } from '@fake/main/sub';",
      "import { seven } from '@fake/other';",
      "import { join } from 'node:path';",
      'const total: number = two * three * seven;',
      "console.log('sum', { total, path: typeof join });",
      'console.log(JSON.stringify({ total }));',
    ].join('\n');
    await writeFile(join(main, 'README.md'), `# main\n<!-- readme-test -->\n${fence}ts\n${example}\n${fence}\n`);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('points the named packages and their subpaths at their build files, as URLs or paths, and leaves other imports alone', async () => {
    const asUrls = await readmeExample({ packageDir: main, packages: [other] });
    expect(asUrls).toContain(`from '${pathToFileURL(join(main, 'dist', 'index.js')).href}'`);
    expect(asUrls).toContain(`from '${pathToFileURL(join(main, 'dist', 'sub', 'index.js')).href}'`);
    expect(asUrls).toContain(`from '${pathToFileURL(join(other, 'dist', 'index.js')).href}'`);
    expect(asUrls).toContain("from 'node:path'");
    const asPaths = await readmeExample({ packageDir: main, packages: [other], resolveAs: 'path' });
    expect(asPaths).toContain(`from '${join(main, 'dist', 'sub', 'index.js')}'`);
    // Without `packages`, @fake/other stays as written.
    expect(await readmeExample({ packageDir: main })).toContain("from '@fake/other'");
  });

  it('says which build is missing and which subpath is not exported', async () => {
    await expect(readmeExample({ packageDir: main, packages: [join(root, 'missing')] })).rejects.toThrow(/package\.json/u);
    await writeFile(join(other, 'package.json'), JSON.stringify({ name: '@fake/other', type: 'module', exports: { '.': './dist/gone.js' } }));
    await expect(readmeExample({ packageDir: main, packages: [other] })).rejects.toThrow(/gone\.js is missing: run `pnpm build`/u);
    await writeFile(join(other, 'package.json'), JSON.stringify({ name: '@fake/other', type: 'module', exports: {} }));
    await expect(readmeExample({ packageDir: main, packages: [other] })).rejects.toThrow(TensorAssertionError);
    await writeFile(join(other, 'package.json'), JSON.stringify({ name: '@fake/other', type: 'module', exports: { '.': './dist/index.js' } }));
    await expect(readmeExample({ packageDir: main, marker: '<!-- nothing' })).rejects.toThrow(/0 code blocks/u);
  });

  it('runs the TypeScript in a fresh Node process: exit status, output, last line and captured logs', async () => {
    const code = await readmeExample({ packageDir: main, packages: [other] });
    const plain = await runReadmeExample(code, { cwd: root });
    expect(plain.stderr).toBe('');
    expect(plain.status).toBe(0);
    expect(plain.stdout).toBe("sum { total: 42, path: 'function' }\n{\"total\":42}\n");
    expect(JSON.parse(plain.lastLine)).toEqual({ total: 42 });
    expect(plain.logged).toEqual([]);
    const captured = await runReadmeExample(code, { cwd: root, captureConsole: true });
    expect(captured.logged).toEqual([['sum', { total: 42, path: 'function' }], ['{"total":42}']]);
    const failing = await runReadmeExample("throw new Error('boom');", { cwd: root });
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('boom');
  }, 60_000);
});
