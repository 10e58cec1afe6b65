import type { Readable, Writable } from 'node:stream';
import { questions as bank } from '../bank.js';
import { compileFilter } from '../filter.js';
import type { DifficultyBounds } from '../options.js';
import { createQuiz, DEFAULT_QUIZ_COUNT, type Quiz, type QuizOptions } from '../quiz.js';
import { topics, type Lang, type Question, type Topic } from '../schema.js';
import { DEFAULT_SEARCH_LIMIT, searchQuestions, type SearchResult } from '../search/search-questions.js';
import { version } from '../version.js';
import { parseCliArgs, type CliOptions } from './args.js';
import { formatMisconception, formatReference, oneLine, table, toJson } from './format.js';
import { createLineReader, type LineReader } from './line-reader.js';
import { askLang, messagesFor, type Messages } from './messages.js';
import { markdownToLine, renderMarkdown } from './render-markdown.js';
import { shouldUseColor, type ColorContext } from './terminal-style.js';

/** Where the CLI reads and writes; the bin passes the process streams, tests pass PassThrough streams. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Whether a person is typing: enables the questions for missing options. Echoes piped answers when false. */
  readonly isTTY: boolean;
  /** The questions to use; the whole bank by default. */
  readonly questions?: readonly Question[];
  /**
   * Whether to style text with ANSI colours. Default: when `stdout` is a terminal and
   * `NO_COLOR` is not set (see {@link shouldUseColor}).
   */
  readonly color?: boolean;
}

/** Exit codes: 0 done, 1 nothing to quiz on, 2 bad command line. */
export type ExitCode = 0 | 1 | 2;

const PROMPT_COLUMNS = 72;

/** Writes lines to a stream. */
const writer = (stream: Writable) => (text = ''): void => {
  stream.write(`${text}\n`);
};

interface Session {
  readonly io: CliIo;
  readonly m: Messages;
  /** Markdown and LaTeX of the bank as terminal text. */
  readonly render: (markdown: string) => string;
  readonly out: (text?: string) => void;
  readonly reader: LineReader;
}

/** Shows `prompt`, reads a line and echoes it when input is piped so transcripts read well. */
async function ask(session: Session, prompt: string): Promise<string | null> {
  session.io.stdout.write(prompt);
  const line = await session.reader.next();
  if (!session.io.isTTY) session.io.stdout.write(line === null ? '\n' : `${line}\n`);
  return line === null ? null : line.trim();
}

/** Asks until `parse` accepts the answer; an empty answer gives `fallback`; `null` at end of input. */
async function askUntil<T>(session: Session, prompt: string, allowed: string, fallback: T, parse: (answer: string) => T | undefined): Promise<T | null> {
  for (;;) {
    const answer = await ask(session, prompt);
    if (answer === null) return null;
    if (answer === '') return fallback;
    const value = parse(answer);
    if (value !== undefined) return value;
    session.out(session.m.invalidChoice(allowed));
  }
}

function parseDifficultyAnswer(answer: string): DifficultyBounds | undefined {
  const parsed = parseCliArgs(['--difficulty', answer]);
  return parsed.ok ? parsed.options.difficulty : undefined;
}

function parseTopicAnswer(answer: string): readonly Topic[] | 'all' | undefined {
  if (answer.toLowerCase() === 'all') return 'all';
  const byNumber = /^\d+$/u.test(answer) ? topics[Number(answer) - 1] : undefined;
  if (byNumber !== undefined) return [byNumber];
  const parsed = parseCliArgs(['--topic', answer]);
  return parsed.ok ? parsed.options.topic : undefined;
}

/** The quiz loop: question, Enter, answer, self-grade. Returns when done, on `q`, or at end of input. */
async function runQuiz(session: Session, quiz: Quiz): Promise<void> {
  const { m, out, render } = session;
  const lang = quiz.lang;
  const isQuit = (answer: string): boolean => m.quit.includes(answer.toLowerCase());
  for (const [i, question] of quiz.questions.entries()) {
    out();
    out(m.questionHeader(i + 1, quiz.questions.length, question));
    out();
    out(render(question.prompt[lang]));
    out();
    const reveal = await ask(session, m.pressEnter);
    if (reveal === null) return out(`\n${m.inputEnded}`);
    if (isQuit(reveal)) return out(m.stopped);
    out();
    out(`${m.answer}${render(question.answer.short[lang])}`);
    out();
    out(render(question.answer.full[lang]));
    if (question.references.length > 0) {
      out();
      out(m.references);
      for (const reference of question.references) out(`  - ${formatReference(reference)}`);
    }
    const misconceptions = question.misconceptions ?? [];
    if (misconceptions.length > 0) {
      out();
      out(m.misconceptions);
      for (const misconception of misconceptions) out(formatMisconception(misconception, m, lang, render));
    }
    out();
    const allowed = `${m.yes[0]}/${m.no[0]}`;
    let graded: boolean | undefined;
    while (graded === undefined) {
      const answer = await ask(session, m.askCorrect);
      if (answer === null) return out(`\n${m.inputEnded}`);
      if (isQuit(answer)) return out(m.stopped);
      const word = answer.toLowerCase();
      if (m.yes.includes(word)) graded = true;
      else if (m.no.includes(word)) graded = false;
      else out(m.invalidChoice(allowed));
    }
    quiz.grade(i, graded);
  }
}

interface Setup {
  readonly lang: Lang;
  readonly topic: readonly Topic[] | undefined;
  readonly difficulty: DifficultyBounds | undefined;
}

/** On a terminal, asks for the language, topic and difficulty not given as options; `null` at end of input. */
async function askMissing(first: Session, options: CliOptions): Promise<Setup | null> {
  let session = first;
  let lang: Lang = options.lang ?? 'en';
  let { topic, difficulty } = options;
  if (options.lang === undefined) {
    const chosen = await askUntil<Lang>(session, askLang, 'en/zh', 'en', (a) => (a === 'en' || a === 'zh' ? a : undefined));
    if (chosen === null) return null;
    lang = chosen;
    session = { ...session, m: messagesFor(lang) };
  }
  if (topic === undefined) {
    const choices = ['all', ...topics.map((t, i) => `${i + 1} ${t}`)];
    const chosen = await askUntil(session, session.m.askTopic(choices), choices.join(', '), 'all' as const, parseTopicAnswer);
    if (chosen === null) return null;
    if (chosen !== 'all') topic = chosen;
  }
  if (difficulty === undefined) {
    const chosen = await askUntil<DifficultyBounds | 'all'>(session, session.m.askDifficulty, '1-5, 2-4, …', 'all', parseDifficultyAnswer);
    if (chosen === null) return null;
    if (chosen !== 'all') difficulty = chosen;
  }
  return { lang, topic, difficulty };
}

function quizOptions(options: CliOptions, { lang, topic, difficulty }: Setup): QuizOptions {
  return { topic, kind: options.kind, difficulty, count: options.count ?? DEFAULT_QUIZ_COUNT, seed: options.seed, lang };
}

function printList(out: (text?: string) => void, m: Messages, list: readonly Question[], lang: Lang): void {
  const rows = list.map((q) => [q.id, q.topic, String(q.difficulty), oneLine(markdownToLine(q.prompt[lang]), PROMPT_COLUMNS)]);
  out(table([m.listHeader, ...rows]));
  out();
  out(m.count(list.length));
}

function printSearch(out: (text?: string) => void, m: Messages, query: string, results: readonly SearchResult[], lang: Lang): void {
  if (results.length === 0) return out(m.noResults(query));
  const rows = results.map(({ question, score }) => [score.toFixed(2), question.id, question.topic, oneLine(markdownToLine(question.prompt[lang]), PROMPT_COLUMNS)]);
  out(table([m.searchHeader, ...rows]));
}

/**
 * Runs `dl-quiz` with `argv` on the given streams and resolves to the exit code.
 * It never calls `process.exit`, so it can be driven in-process by tests or embedded.
 *
 * @param argv - arguments without `node` and the script, e.g. `['--topic', 'rnn']`.
 * @param io - streams, whether stdin is a terminal, and optionally the questions to use and
 *   whether to use colour. Questions and answers are rendered from Markdown and LaTeX to
 *   terminal text ({@link renderMarkdown}); `--json` output keeps them as written.
 * @returns 0 on success, 1 when no question matches a quiz, 2 for a bad command line.
 * @example
 * ```ts
 * import { PassThrough } from 'node:stream';
 * const stdin = new PassThrough();
 * stdin.end('\ny\n');
 * const code = await runCli(['--topic', 'rnn', '--count', '1', '--seed', '1'], {
 *   stdin, stdout: process.stdout, stderr: process.stderr, isTTY: false,
 * });
 * // prints the question, the answer and "Score: 1/1 correct (1 of 1 answered)."; code === 0
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const out = writer(io.stdout);
  const err = writer(io.stderr);
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    err(parsed.message);
    err(messagesFor(parsed.lang).helpHint);
    return 2;
  }
  const options: CliOptions = parsed.options;
  const from = io.questions ?? bank;
  const lang: Lang = options.lang ?? 'en';
  const m = messagesFor(lang);
  if (options.help) {
    io.stdout.write(m.help(version));
    return 0;
  }
  if (options.version) {
    out(version);
    return 0;
  }
  const json = (value: unknown): void => out(JSON.stringify(value, null, 2));

  if (options.list) {
    let list = from.filter(compileFilter({ topic: options.topic, kind: options.kind, difficulty: options.difficulty }));
    if (options.count !== undefined) list = list.slice(0, options.count);
    if (options.json) json(list.map((q) => toJson(q, lang)));
    else printList(out, m, list, lang);
    return 0;
  }

  if (options.search !== undefined) {
    // Search the whole list first so that kind and difficulty filter the ranking, not the index.
    const keep = compileFilter({ kind: options.kind, difficulty: options.difficulty });
    const results = searchQuestions(options.search, { limit: Number.POSITIVE_INFINITY, topic: options.topic }, from)
      .filter((result) => keep(result.question))
      .slice(0, options.count ?? DEFAULT_SEARCH_LIMIT);
    if (options.json) json(results.map(({ question, score }) => ({ score, question: toJson(question, lang) })));
    else printSearch(out, m, options.search, results, lang);
    return 0;
  }

  const given: Setup = { lang, topic: options.topic, difficulty: options.difficulty };
  if (options.json) {
    const quiz = createQuiz(quizOptions(options, given), from);
    json({ seed: quiz.seed, lang, questions: quiz.questions.map((q) => toJson(q, lang)) });
    return 0;
  }

  const color = io.color ?? shouldUseColor(io.stdout as ColorContext, process.env);
  const render = (markdown: string): string => renderMarkdown(markdown, { color });
  const reader = createLineReader(io.stdin);
  try {
    const setup = io.isTTY ? await askMissing({ io, m, render, out, reader }, options) : given;
    if (setup === null) return 0;
    const session: Session = { io, m: messagesFor(setup.lang), render, out, reader };
    const quiz = createQuiz(quizOptions(options, setup), from);
    if (quiz.questions.length === 0) {
      err(session.m.noMatches);
      return 1;
    }
    out(session.m.seed(quiz.seed));
    await runQuiz(session, quiz);
    out();
    out(session.m.score(quiz.score()));
    return 0;
  } finally {
    reader.close();
  }
}
