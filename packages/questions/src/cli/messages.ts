import { questionKinds, topics, type Lang, type Question, type QuestionKind } from '../schema.js';
import type { QuizScore } from '../quiz.js';

/** Every string the CLI shows, in one language. */
export interface Messages {
  readonly help: (version: string) => string;
  readonly askTopic: (choices: readonly string[]) => string;
  readonly askDifficulty: string;
  readonly invalidChoice: (allowed: string) => string;
  readonly questionHeader: (position: number, total: number, question: Question) => string;
  readonly pressEnter: string;
  readonly answer: string;
  readonly references: string;
  /** Heading of a question's misconceptions; each is a wrong claim, its correction and, from the seed, its erratum. */
  readonly misconceptions: string;
  readonly wrongClaim: string;
  readonly correction: string;
  /** The line that links a misconception to its row of the published seed errata. */
  readonly seedErratum: (erratum: number, url: string) => string;
  readonly askCorrect: string;
  readonly yes: readonly string[];
  readonly no: readonly string[];
  readonly quit: readonly string[];
  readonly inputEnded: string;
  readonly stopped: string;
  readonly score: (score: QuizScore) => string;
  readonly seed: (seed: number) => string;
  readonly noMatches: string;
  readonly noResults: (query: string) => string;
  readonly count: (n: number) => string;
  readonly listHeader: readonly [id: string, topic: string, difficulty: string, prompt: string];
  readonly searchHeader: readonly [score: string, id: string, topic: string, prompt: string];
  readonly unknownOption: (option: string) => string;
  readonly badArguments: (detail: string) => string;
  readonly badValue: (option: string, value: string, allowed: string) => string;
  /** `--option` with nothing after it; `next` is the argument that followed (another option), if any. */
  readonly missingValue: (option: string, allowed: string, next: string | undefined) => string;
  /** What each option accepts, for {@link Messages.badValue} and {@link Messages.missingValue}. */
  readonly expected: Readonly<Record<'topic' | 'kind' | 'difficulty' | 'count' | 'seed' | 'lang' | 'search', string>>;
  readonly conflict: (a: string, b: string) => string;
  readonly helpHint: string;
}

/** Asked before the language is known, so it is bilingual. */
export const askLang = 'Language / 语言 (en, zh) [en]: ';

const usage = `Usage: dl-quiz [options]`;

const en: Messages = {
  help: (version) => `dl-quiz ${version}: deep-learning interview questions (Chinese/English) in your terminal.

${usage}

Quiz (default): shows each question, reveals the answer when you press Enter,
asks whether you got it right, and prints your score at the end.

Options:
  --topic T[,T...]     attention-softmax, rnn, cnn, gan-vae, transfer-fusion (default: all)
  --kind K[,K...]      concept, derivation, numeric, coding, debug (default: all)
  --difficulty D       1..5, or a range such as 2-4 (default: all)
  --count N            number of questions (default 5; for --search: results, default 10)
  --seed N             integer 0..4294967295: same seed, same questions in the same
                       order (each quiz prints its seed)
  --lang zh|en         language of the questions and of this program (default en)
  --list               list matching questions: id, topic, difficulty, prompt
  --search TEXT        search prompts, answers and tags (Chinese or English)
  --json               print JSON instead of text and ask nothing: with --list, an
                       array of questions; with --search, [{ score, question }];
                       otherwise the quiz as { seed, lang, questions }. Each question
                       is the full record plus text: { prompt, short, full } in the
                       chosen language, as Markdown with LaTeX ($...$) unrendered
  -h, --help           show this help
  -v, --version        show the version

Without options, on a terminal, dl-quiz asks for topic, difficulty and language.
Answers can be piped: one line per prompt (Enter to reveal, then y or n).
Questions and answers are rendered for the terminal: Markdown as text styles,
formulas as text (x², √dₖ, Σ). Colours only on a terminal; NO_COLOR=1 turns them off.

Examples:
  dl-quiz --topic rnn --count 3
  dl-quiz --lang zh --difficulty 2-4 --seed 7
  dl-quiz --search "softmax 导数" --json
`,
  askTopic: (choices) => `Topic (${choices.join(', ')}) [all]: `,
  askDifficulty: 'Difficulty (1-5, or a range such as 2-4) [all]: ',
  invalidChoice: (allowed) => `Please answer with ${allowed}.`,
  questionHeader: (position, total, q) => `Question ${position}/${total} · ${q.topic} · ${q.kind} · difficulty ${q.difficulty}/5`,
  pressEnter: 'Press Enter to reveal the answer (q to quit). ',
  answer: 'Answer: ',
  references: 'References:',
  misconceptions: 'Common misconceptions:',
  wrongClaim: 'Wrong: ',
  correction: 'Right: ',
  seedErratum: (erratum, url) => `Seed erratum ${erratum}: ${url}`,
  askCorrect: 'Did you get it right? [y/n] ',
  yes: ['y', 'yes'],
  no: ['n', 'no'],
  quit: ['q', 'quit'],
  inputEnded: 'Input ended; stopping here.',
  stopped: 'Stopped.',
  score: ({ correct, answered, total }) => `Score: ${correct}/${answered} correct (${answered} of ${total} answered).`,
  seed: (seed) => `Seed ${seed} (run again with --seed ${seed} for the same questions).`,
  noMatches: 'No questions match these options.',
  noResults: (query) => `No results for "${query}".`,
  count: (n) => (n === 1 ? '1 question' : `${n} questions`),
  listHeader: ['ID', 'TOPIC', 'DIFF', 'PROMPT'],
  searchHeader: ['SCORE', 'ID', 'TOPIC', 'PROMPT'],
  unknownOption: (option) => `dl-quiz: unknown option '${option}'.`,
  badArguments: (detail) => `dl-quiz: ${detail}`,
  badValue: (option, value, allowed) => `dl-quiz: invalid --${option} '${value}'; expected ${allowed}.`,
  missingValue: (option, allowed, next) =>
    `dl-quiz: --${option} needs a value: ${allowed}.` +
    (next === undefined ? '' : ` It is followed by '${next}'; for a value that starts with '-', write --${option}=${next}.`),
  expected: {
    topic: `one or more of ${topics.join(', ')} (comma-separated)`,
    kind: `one or more of ${questionKinds.join(', ')} (comma-separated)`,
    lang: 'zh or en',
    difficulty: 'a number from 1 to 5 or a range such as 2-4',
    count: 'an integer >= 1',
    seed: 'an integer from 0 to 4294967295',
    search: 'the text to search for',
  },
  conflict: (a, b) => `dl-quiz: --${a} and --${b} cannot be used together.`,
  helpHint: "Run 'dl-quiz --help' for usage.",
};

const kindsZh: Record<QuestionKind, string> = { concept: '概念', derivation: '推导', numeric: '数值', coding: '编程', debug: '排错' };

const zh: Messages = {
  help: (version) => `dl-quiz ${version}：在终端里练习深度学习面试题（中文/英文）。

用法：dl-quiz [选项]

默认进入测验：逐题显示，按回车显示答案，再问你是否答对，最后给出得分。

选项：
  --topic T[,T...]     attention-softmax、rnn、cnn、gan-vae、transfer-fusion（默认：全部）
  --kind K[,K...]      concept、derivation、numeric、coding、debug（默认：全部）
  --difficulty D       1..5，或范围如 2-4（默认：全部）
  --count N            题目数量（默认 5；配合 --search 时为结果数，默认 10）
  --seed N             0 到 4294967295 的整数：相同的种子给出相同顺序的相同题目
                       （每次测验都会打印所用的种子）
  --lang zh|en         题目和界面的语言（默认 en）
  --list               列出符合条件的题目：编号、主题、难度、题干
  --search TEXT        搜索题干、答案和标签（中文或英文）
  --json               输出 JSON 而不是文本，且不提问：配合 --list 输出题目数组；
                       配合 --search 输出 [{ score, question }]；否则输出测验
                       { seed, lang, questions }。每道题是完整记录，另加所选语言的
                       text: { prompt, short, full }，保持 Markdown 和 LaTeX（$...$）原文
  -h, --help           显示本帮助
  -v, --version        显示版本

在终端里不带选项运行时，dl-quiz 会询问主题、难度和语言。
也可以用管道输入答案：每个提示一行（回车显示答案，然后 y 或 n）。
题目和答案按终端排版：Markdown 显示为文字样式，公式显示为文本（x²、√dₖ、Σ）。
只有在终端里才使用颜色；设置 NO_COLOR=1 可关闭颜色。

示例：
  dl-quiz --lang zh --topic rnn --count 3
  dl-quiz --lang zh --difficulty 2-4 --seed 7
  dl-quiz --search "softmax 导数" --json
`,
  askTopic: (choices) => `主题（${choices.join('、')}）[all]：`,
  askDifficulty: '难度（1-5，或范围如 2-4）[all]：',
  invalidChoice: (allowed) => `请输入 ${allowed}。`,
  questionHeader: (position, total, q) => `第 ${position}/${total} 题 · ${q.topic} · ${kindsZh[q.kind]} · 难度 ${q.difficulty}/5`,
  pressEnter: '按回车显示答案（输入 q 退出）。',
  answer: '答案：',
  references: '参考文献：',
  misconceptions: '常见误区：',
  wrongClaim: '错误说法：',
  correction: '更正：',
  seedErratum: (erratum, url) => `种子文档勘误 ${erratum}：${url}`,
  askCorrect: '你答对了吗？[y/n] ',
  yes: ['y', 'yes', '是', '对'],
  no: ['n', 'no', '否', '错'],
  quit: ['q', 'quit', '退出'],
  inputEnded: '输入已结束，测验到此为止。',
  stopped: '已退出。',
  score: ({ correct, answered, total }) => `得分：答对 ${correct}/${answered} 题（共 ${total} 题，已作答 ${answered} 题）。`,
  seed: (seed) => `种子 ${seed}（用 --seed ${seed} 再次运行可得到相同的题目）。`,
  noMatches: '没有符合这些条件的题目。',
  noResults: (query) => `没有找到“${query}”的结果。`,
  count: (n) => `共 ${n} 题`,
  listHeader: ['编号', '主题', '难度', '题干'],
  searchHeader: ['得分', '编号', '主题', '题干'],
  unknownOption: (option) => `dl-quiz：未知选项 '${option}'。`,
  badArguments: (detail) => `dl-quiz：${detail}`,
  badValue: (option, value, allowed) => `dl-quiz：--${option} 的值 '${value}' 无效；应为 ${allowed}。`,
  missingValue: (option, allowed, next) =>
    `dl-quiz：--${option} 缺少值：应为 ${allowed}。` +
    (next === undefined ? '' : `它后面是 '${next}'；以 '-' 开头的值请写成 --${option}=${next}。`),
  expected: {
    topic: `${topics.join('、')} 中的一个或多个（用逗号分隔）`,
    kind: `${questionKinds.join('、')} 中的一个或多个（用逗号分隔）`,
    lang: 'zh 或 en',
    difficulty: '1 到 5 的整数，或范围如 2-4',
    count: '不小于 1 的整数',
    seed: '0 到 4294967295 的整数',
    search: '要搜索的文本',
  },
  conflict: (a, b) => `dl-quiz：--${a} 和 --${b} 不能同时使用。`,
  helpHint: "运行 'dl-quiz --help' 查看用法。",
};

/**
 * The CLI strings in `lang`.
 *
 * @example
 * ```ts
 * messagesFor('zh').askCorrect; // '你答对了吗？[y/n] '
 * ```
 */
export function messagesFor(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}
