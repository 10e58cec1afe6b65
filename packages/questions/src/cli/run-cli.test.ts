import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fixtureBank, makeQuestion } from '../fixtures.test.js';
import { createQuiz } from '../quiz.js';
import type { Question } from '../schema.js';
import { version } from '../version.js';
import { markdownToLine } from './render-markdown.js';
import { runCli } from './run-cli.js';

interface RunOptions {
  input?: string;
  isTTY?: boolean;
  questions?: readonly Question[];
}

async function run(argv: string[], { input = '', isTTY = false, questions = fixtureBank }: RunOptions = {}) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.setEncoding('utf8');
  stderr.setEncoding('utf8');
  let out = '';
  let err = '';
  stdout.on('data', (chunk: string) => (out += chunk));
  stderr.on('data', (chunk: string) => (err += chunk));
  stdin.end(input);
  const code = await runCli(argv, { stdin, stdout, stderr, isTTY, questions });
  return { code, out, err };
}

describe('dl-quiz: help, version and bad arguments', () => {
  it('prints help in the chosen language', async () => {
    const en = await run(['--help']);
    expect(en.code).toBe(0);
    expect(en.out).toContain('Usage: dl-quiz [options]');
    expect(en.out).toContain('--difficulty');
    const zh = await run(['--help', '--lang', 'zh']);
    expect(zh.out).toContain('用法：dl-quiz [选项]');
  });

  it('prints the version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
    expect((await run(['-v'])).out).toBe(`${version}\n`);
  });

  it.each([
    [['--bogus'], /unknown option '--bogus'/u],
    [['extra'], /positional/iu],
    [['--topic'], /^dl-quiz: --topic needs a value: one or more of attention-softmax, rnn, cnn, gan-vae, transfer-fusion \(comma-separated\)\.$/mu],
    [['--count', '2', '--seed'], /^dl-quiz: --seed needs a value: an integer from 0 to 4294967295\.$/mu],
    [['--search', '--json'], /--search needs a value: the text to search for\. It is followed by '--json'; for a value that starts with '-', write --search=--json\./u],
    [['--seed', 'xyz'], /^dl-quiz: invalid --seed 'xyz'; expected an integer from 0 to 4294967295\.$/mu],
    [['--seed', '1.5'], /invalid --seed '1\.5'/u],
    [['--seed', '1e3'], /invalid --seed '1e3'/u],
    [['--seed=-1'], /invalid --seed '-1'/u],
    [['--seed', '4294967296'], /invalid --seed '4294967296'/u],
    [['--topic', 'nlp'], /invalid --topic 'nlp'; expected one or more of attention-softmax, rnn, cnn, gan-vae, transfer-fusion/u],
    [['--kind', 'essay'], /invalid --kind 'essay'/u],
    [['--lang', 'fr'], /invalid --lang 'fr'; expected zh or en/u],
    [['--count', '0'], /invalid --count '0'; expected an integer >= 1/u],
    [['--count', 'three'], /invalid --count/u],
    [['--difficulty', '6'], /invalid --difficulty '6'/u],
    [['--difficulty', '4-2'], /invalid --difficulty '4-2'/u],
    [['--list', '--search', 'x'], /--list and --search cannot be used together/u],
  ])('exits 2 with a message on stderr for %j', async (argv, pattern) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(pattern);
    expect(err).toContain("Run 'dl-quiz --help' for usage.");
  });

  it('reports errors in Chinese with --lang zh', async () => {
    const { code, err } = await run(['--lang', 'zh', '--topic', 'nlp']);
    expect(code).toBe(2);
    expect(err).toContain("dl-quiz：--topic 的值 'nlp' 无效");
    expect((await run(['--lang', 'zh', '--nope'])).err).toContain("未知选项 '--nope'");
    expect((await run(['--lang', 'zh', '--seed'])).err).toContain('dl-quiz：--seed 缺少值：应为 0 到 4294967295 的整数。');
    expect((await run(['--lang', 'zh', '--seed', 'abc'])).err).toContain("--seed 的值 'abc' 无效；应为 0 到 4294967295 的整数");
  });

  it('accepts the largest seed and gives the quiz that seed', async () => {
    const { code, out } = await run(['--json', '--seed', '4294967295', '--count', '2']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { seed: number }).seed).toBe(4294967295);
  });

  it('documents --json and the seed range in --help, in both languages', async () => {
    const en = (await run(['--help'])).out;
    expect(en).toMatch(/--json\s+print JSON instead of text and ask nothing/u);
    expect(en).toContain('{ seed, lang, questions }');
    expect(en).toContain('--seed N             integer 0..4294967295');
    expect(en).toContain('NO_COLOR=1');
    const zh = (await run(['--help', '--lang', 'zh'])).out;
    expect(zh).toContain('--json               输出 JSON 而不是文本');
    expect(zh).toContain('--seed N             0 到 4294967295 的整数');
  });
});

describe('dl-quiz --list and --search', () => {
  it('lists matching questions with id, topic, difficulty and prompt', async () => {
    const { code, out } = await run(['--list', '--topic', 'attention-softmax']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+TOPIC\s+DIFF\s+PROMPT$/u);
    expect(lines[1]).toMatch(/^softmax-jacobian\s+attention-softmax\s+3\s+Derive the derivative/u);
    expect(lines[2]).toMatch(/^attention-scaling\s+attention-softmax\s+2\s+Why does/u);
    expect(out).toContain('2 questions');
  });

  it('lists in Chinese and filters by difficulty range and kind', async () => {
    const { out } = await run(['--list', '--lang', 'zh', '--difficulty', '3-4', '--kind', 'derivation']);
    expect(out).toContain('推导 Softmax 函数的导数');
    expect(out).toContain('vae-reparameterization');
    expect(out).not.toContain('lstm-forget-gate');
  });

  it('prints JSON for --list --json', async () => {
    const { out } = await run(['--list', '--json', '--topic', 'rnn,gan-vae']);
    const parsed = JSON.parse(out) as { id: string; text: { prompt: string } }[];
    expect(parsed.map((q) => q.id)).toEqual(['lstm-forget-gate', 'vae-reparameterization']);
    expect(parsed[0]?.text.prompt).toBe('What does the forget gate of an LSTM do?');
  });

  it('searches in Chinese and English', async () => {
    const zh = JSON.parse((await run(['--search', '注意力', '--json'])).out) as { score: number; question: { id: string } }[];
    expect(zh[0]?.question.id).toBe('attention-scaling');
    const en = await run(['--search', 'softmax derivative']);
    expect(en.code).toBe(0);
    expect(en.out.split('\n')[1]).toMatch(/^\d+\.\d\d\s+softmax-jacobian\s+attention-softmax/u);
    expect((await run(['--search', 'quantum'])).out).toBe('No results for "quantum".\n');
    expect((await run(['--search', 'softmax', '--count', '1', '--json'])).out).not.toContain('attention-scaling');
  });
});

describe('dl-quiz quiz with piped answers', () => {
  const argv = ['--topic', 'attention-softmax,rnn,gan-vae', '--count', '3', '--seed', '1'];

  it('shows each question, reveals the answer on Enter, self-grades and scores', async () => {
    const { code, out, err } = await run(argv, { input: '\ny\n\nn\n\ny\n' });
    expect(err).toBe('');
    expect(code).toBe(0);
    const expected = createQuiz({ topic: ['attention-softmax', 'rnn', 'gan-vae'], count: 3, seed: 1 }, fixtureBank).questions;
    expect(expected.map((q) => q.id)).toEqual(['vae-reparameterization', 'attention-scaling', 'softmax-jacobian']);
    let at = 0;
    for (const [i, question] of expected.entries()) {
      const header = out.indexOf(`Question ${i + 1}/3 · ${question.topic}`, at);
      expect(header).toBeGreaterThanOrEqual(at);
      // Prompts and answers are rendered (render-markdown.test.ts); the order is what this test checks.
      const prompt = out.indexOf(markdownToLine(question.prompt.en), header);
      const answer = out.indexOf(`Answer: ${markdownToLine(question.answer.short.en)}`, prompt);
      expect(prompt).toBeGreaterThan(header);
      expect(answer).toBeGreaterThan(prompt);
      at = answer;
    }
    expect(out).toContain('Answer: ∂sᵢ/∂zⱼ = sᵢ(δ_ij - sⱼ).\n');
    expect(out).toContain('Did you get it right? [y/n] y\n');
    expect(out).toContain('References:\n  - ');
    expect(out.trimEnd().split('\n').at(-1)).toBe('Score: 2/3 correct (3 of 3 answered).');
  });

  it('stops cleanly and prints the score so far when input ends early', async () => {
    const { code, out } = await run(argv, { input: '\ny\n\n' });
    expect(code).toBe(0);
    expect(out).toContain('Input ended; stopping here.');
    expect(out.trimEnd().split('\n').at(-1)).toBe('Score: 1/1 correct (1 of 3 answered).');
    const empty = await run(argv, { input: '' });
    expect(empty.code).toBe(0);
    expect(empty.out.trimEnd().split('\n').at(-1)).toBe('Score: 0/0 correct (0 of 3 answered).');
  });

  it('asks again after an answer that is neither yes nor no, and quits on q', async () => {
    const again = await run(['--count', '1', '--seed', '2'], { input: '\nmaybe\nn\n' });
    expect(again.out).toContain('Please answer with y/n.');
    expect(again.out).toContain('Score: 0/1 correct (1 of 1 answered).');
    const quit = await run(['--count', '3', '--seed', '2'], { input: '\ny\nq\n' });
    expect(quit.out).toContain('Stopped.');
    expect(quit.out).toContain('Score: 1/1 correct (1 of 3 answered).');
  });

  it('uses Chinese for questions and UI with --lang zh', async () => {
    const { out } = await run(['--lang', 'zh', '--topic', 'rnn', '--count', '1'], { input: '\n是\n' });
    expect(out).toContain('第 1/1 题 · rnn · 概念 · 难度 3/5');
    expect(out).toContain('长短期记忆网络中遗忘门的作用是什么？');
    expect(out).toContain('答案：决定保留多少旧的细胞状态。');
    expect(out).toContain('你答对了吗？[y/n] 是');
    expect(out).toContain('得分：答对 1/1 题（共 1 题，已作答 1 题）。');
  });

  it('is reproducible with --seed and prints quiz JSON', async () => {
    const first = JSON.parse((await run(['--json', '--seed', '9', '--count', '4'])).out) as { seed: number; questions: { id: string }[] };
    const second = JSON.parse((await run(['--json', '--seed', '9', '--count', '4'])).out) as typeof first;
    expect(first.seed).toBe(9);
    expect(first.questions).toHaveLength(4);
    expect(second.questions.map((q) => q.id)).toEqual(first.questions.map((q) => q.id));
    expect(first.questions.map((q) => q.id)).toEqual(createQuiz({ seed: 9, count: 4 }, fixtureBank).questions.map((q) => q.id));
    expect(first.questions.map((q) => q.id)).toEqual(['lstm-forget-gate', 'attention-scaling', 'vae-reparameterization', 'cnn-pooling']);
  });

  it('exits 1 when no question matches', async () => {
    const { code, err } = await run(['--topic', 'transfer-fusion'], { input: '\n' });
    expect(code).toBe(1);
    expect(err).toBe('No questions match these options.\n');
  });

  it('asks nothing when stdin is not a terminal', async () => {
    const { code, out } = await run(['--count', '1'], { input: '\ny\n' });
    expect(code).toBe(0);
    expect(out).toContain('Question 1/1 · ');
    expect(out).toContain('Score: 1/1 correct (1 of 1 answered).');
    expect(out).not.toContain('Language /');
    expect(out).not.toContain('Topic (');
  });
});

describe('dl-quiz renders Markdown and LaTeX for the terminal', () => {
  const markdownBank: readonly Question[] = [
    makeQuestion({
      id: 'md-question',
      prompt: { en: 'Why divide by $\\sqrt{d_k}$?', zh: '为什么除以 $\\sqrt{d_k}$？' },
      answer: {
        short: { en: 'Keeps **variance** at $1$.', zh: '方差保持为 $1$。' },
        full: { en: '- $\\mathrm{Var}(q^\\top k)=d_k$\n- so divide by $\\frac{1}{\\sqrt{d_k}}$\n\n$$\\alpha = \\sum_i x_i^2$$', zh: '见上。' },
      },
    }),
  ];

  it('prints the prompt and answers as text: no $, no backslashes, no ** and no colours when not asked', async () => {
    const { code, out } = await run(['--count', '1', '--seed', '1'], { input: '\ny\n', questions: markdownBank });
    expect(code).toBe(0);
    expect(out).toContain('\nWhy divide by √dₖ?\n');
    expect(out).toContain('Answer: Keeps variance at 1.\n');
    expect(out).toContain('\n• Var(qᵀk)=dₖ\n• so divide by 1/√dₖ\n\n    α = Σᵢ xᵢ²\n');
    expect(out).not.toMatch(/[$\\\u001b]|\*\*/u);
  });

  it('styles with ANSI codes when colour is on', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    stdout.setEncoding('utf8');
    let out = '';
    stdout.on('data', (chunk: string) => (out += chunk));
    stdin.end('\ny\n');
    await runCli(['--count', '1'], { stdin, stdout, stderr: new PassThrough(), isTTY: false, questions: markdownBank, color: true });
    expect(out).toContain('Answer: Keeps \u001b[1mvariance\u001b[22m at \u001b[35m1\u001b[39m.');
  });

  it('lists prompts with formulas as text, and keeps --json as written', async () => {
    expect((await run(['--list'], { questions: markdownBank })).out).toMatch(/^md-question\s+cnn\s+2\s+Why divide by √dₖ\?$/mu);
    const json = JSON.parse((await run(['--list', '--json'], { questions: markdownBank })).out) as { text: { prompt: string } }[];
    expect(json[0]?.text.prompt).toBe('Why divide by $\\sqrt{d_k}$?');
  });
});

describe('dl-quiz lists misconceptions after the answer, with their seed erratum', () => {
  const misconceptionBank: readonly Question[] = [
    makeQuestion({
      id: 'with-misconceptions',
      misconceptions: [
        {
          claim: { en: 'Softmax is **elementwise**: $s(1-s)$.', zh: 'softmax 是**逐元素**的：$s(1-s)$。' },
          correction: { en: 'Its Jacobian is $\\mathrm{diag}(s)-ss^\\top$.', zh: '雅可比是 $\\mathrm{diag}(s)-ss^\\top$。' },
          erratum: 7,
        },
        { claim: { en: 'Pooling has weights.', zh: '池化有权重。' }, correction: { en: 'It has none.', zh: '它没有权重。' } },
      ],
    }),
  ];
  // Written from the published page's address and anchor, not from seedErratumUrl.
  const url = 'https://github.com/dl-project/dl/blob/main/docs/seed-errata.md#erratum-7';

  it('in English: wrong claim, correction, rendered, and the erratum link only where the claim is from the seed', async () => {
    const { code, out } = await run(['--count', '1'], { input: '\ny\n', questions: misconceptionBank });
    expect(code).toBe(0);
    const block = [
      'Common misconceptions:',
      '  - Wrong: Softmax is elementwise: s(1-s).',
      '    Right: Its Jacobian is diag(s)-ssᵀ.',
      `    Seed erratum 7: ${url}`,
      '  - Wrong: Pooling has weights.',
      '    Right: It has none.',
      '',
      'Did you get it right?',
    ].join('\n');
    expect(out).toContain(block);
    expect(out.indexOf('Common misconceptions:')).toBeGreaterThan(out.indexOf('References:'));
    expect(out.match(/Seed erratum/gu)).toHaveLength(1);
  });

  it('in Chinese', async () => {
    const { out } = await run(['--count', '1', '--lang', 'zh'], { input: '\ny\n', questions: misconceptionBank });
    expect(out).toContain(['常见误区：', '  - 错误说法：softmax 是逐元素的：s(1-s)。', '    更正：雅可比是 diag(s)-ssᵀ。', `    种子文档勘误 7：${url}`, '  - 错误说法：池化有权重。', '    更正：它没有权重。'].join('\n'));
  });

  it('prints no misconception heading for a question without them', async () => {
    const { out } = await run(['--count', '1'], { input: '\ny\n', questions: [makeQuestion()] });
    expect(out).not.toContain('misconceptions');
  });
});

describe('dl-quiz interactive setup on a terminal', () => {
  it('asks for language, topic and difficulty when they are not given', async () => {
    const { code, out } = await run([], { isTTY: true, input: 'zh\n2\n\n\ny\n' });
    expect(code).toBe(0);
    expect(out).toContain('Language / 语言 (en, zh) [en]: ');
    expect(out).toContain('主题（all、1 attention-softmax、2 rnn');
    expect(out).toContain('难度（1-5，或范围如 2-4）[all]：');
    expect(out).toContain('遗忘门');
    expect(out).toContain('得分：答对 1/1 题');
  });

  it('asks only for what is missing and re-asks after a bad answer', async () => {
    const { out } = await run(['--lang', 'en', '--topic', 'gan-vae'], { isTTY: true, input: '9\n4\n\nn\n' });
    expect(out).not.toContain('Language /');
    expect(out).not.toContain('Topic (');
    expect(out).toContain('Please answer with 1-5, 2-4, …');
    expect(out).toContain('Question 1/1 · gan-vae');
    expect(out).toContain('Score: 0/1 correct (1 of 1 answered).');
  });

  it('stops quietly when input ends during setup', async () => {
    const { code, out, err } = await run([], { isTTY: true, input: '' });
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('Language / 语言 (en, zh) [en]: ');
    expect(out).not.toContain('Question ');
    expect(out).not.toContain('Score:');
  });
});
