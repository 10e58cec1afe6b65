import { parseArgs } from 'node:util';
import type { DifficultyBounds } from '../options.js';
import { questionKinds, topics, type Difficulty, type Lang, type QuestionKind, type Topic } from '../schema.js';
import { messagesFor } from './messages.js';

/** The command line after parsing and validation. */
export interface CliOptions {
  readonly topic?: readonly Topic[];
  readonly kind?: readonly QuestionKind[];
  readonly difficulty?: DifficultyBounds;
  readonly count?: number;
  /** An integer from 0 to 2^32 - 1, as `quiz.seed` reports it. */
  readonly seed?: number;
  /** Undefined when `--lang` was not given (the CLI may then ask for it). */
  readonly lang?: Lang;
  readonly list: boolean;
  readonly search?: string;
  readonly json: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** Either the options or a message (in the user's language) for stderr. */
export type ParsedArgs = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly lang: Lang; readonly message: string };

const langs: readonly Lang[] = ['en', 'zh'];

/** `--lang` as written, read leniently so that even a parse error can be reported in Chinese. */
function guessLang(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'zh' ? 'zh' : 'en';
}

/** Options that take a value, and what each accepts (for the missing-value message). */
const valueOptions = ['topic', 'kind', 'difficulty', 'count', 'seed', 'lang', 'search'] as const;
type ValueOption = (typeof valueOptions)[number];

/** Largest seed: quiz seeds are 32-bit unsigned integers. */
const MAX_SEED = 2 ** 32 - 1;

/**
 * The first option written as `--name` with no value after it (end of the line, or another
 * option next), which `parseArgs` would report in its own words.
 */
function findMissingValue(argv: readonly string[]): { option: ValueOption; next: string | undefined } | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return undefined;
    const option = valueOptions.find((name) => arg === `--${name}`);
    if (option === undefined) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('-')) return { option, next };
    i++;
  }
  return undefined;
}

function parseList<T extends string>(raw: string, allowed: readonly T[]): T[] | undefined {
  const items = raw.split(',').map((item) => item.trim());
  return items.every((item) => (allowed as readonly string[]).includes(item)) ? (items as T[]) : undefined;
}

function parseDifficultyArg(raw: string): DifficultyBounds | undefined {
  const match = /^\s*([1-5])\s*(?:-\s*([1-5])\s*)?$/u.exec(raw);
  if (match === null) return undefined;
  const min = Number(match[1]) as Difficulty;
  const max = match[2] === undefined ? min : (Number(match[2]) as Difficulty);
  return min <= max ? { min, max } : undefined;
}

/**
 * Parses and validates `dl-quiz` arguments with `node:util` `parseArgs` in strict mode; a missing
 * option value and every bad value get a message of ours that says what is allowed.
 *
 * @param argv - arguments without `node` and the script path.
 * @example
 * ```ts
 * parseCliArgs(['--topic', 'rnn', '--count', '3']);
 * // { ok: true, options: { topic: ['rnn'], count: 3, list: false, json: false, ... } }
 * parseCliArgs(['--topic', 'rnm']);
 * // { ok: false, lang: 'en', message: "dl-quiz: invalid --topic 'rnm'; expected ..." }
 * parseCliArgs(['--seed', 'xyz']);
 * // { ok: false, lang: 'en', message: "dl-quiz: invalid --seed 'xyz'; expected an integer from 0 to 4294967295." }
 * parseCliArgs(['--count', '3', '--topic']);
 * // { ok: false, lang: 'en', message: 'dl-quiz: --topic needs a value: one or more of ...' }
 * ```
 */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const missing = findMissingValue(argv);
  if (missing !== undefined) {
    const lang = guessLang(argv);
    const m = messagesFor(lang);
    return { ok: false, lang, message: m.missingValue(missing.option, m.expected[missing.option], missing.next) };
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        topic: { type: 'string' },
        kind: { type: 'string' },
        difficulty: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        lang: { type: 'string' },
        list: { type: 'boolean', default: false },
        search: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    }));
  } catch (error) {
    const lang = guessLang(argv);
    const m = messagesFor(lang);
    const code = (error as { code?: string }).code;
    const detail = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/u.exec(detail)?.[1];
    const message = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined ? m.unknownOption(option) : m.badArguments(detail);
    return { ok: false, lang, message };
  }

  const lang = values.lang === undefined ? undefined : parseList(values.lang, langs);
  const uiLang: Lang = lang?.length === 1 ? lang[0] ?? 'en' : guessLang(argv);
  const m = messagesFor(uiLang);
  const fail = (option: string, value: string, allowed: string): ParsedArgs => ({ ok: false, lang: uiLang, message: m.badValue(option, value, allowed) });

  if (values.lang !== undefined && lang?.length !== 1) return fail('lang', values.lang, m.expected.lang);
  const topic = values.topic === undefined ? undefined : parseList(values.topic, topics);
  if (values.topic !== undefined && topic === undefined) return fail('topic', values.topic, m.expected.topic);
  const kind = values.kind === undefined ? undefined : parseList(values.kind, questionKinds);
  if (values.kind !== undefined && kind === undefined) return fail('kind', values.kind, m.expected.kind);
  const difficulty = values.difficulty === undefined ? undefined : parseDifficultyArg(values.difficulty);
  if (values.difficulty !== undefined && difficulty === undefined) return fail('difficulty', values.difficulty, m.expected.difficulty);
  let count: number | undefined;
  if (values.count !== undefined) {
    count = /^\s*\d+\s*$/u.test(values.count) ? Number(values.count) : Number.NaN;
    if (!Number.isSafeInteger(count) || count < 1) return fail('count', values.count, m.expected.count);
  }
  let seed: number | undefined;
  if (values.seed !== undefined) {
    // Integers only, as `quiz.seed` prints them: `--seed xyz` or `--seed 1.5` is a typo, not a seed.
    seed = /^\s*\d+\s*$/u.test(values.seed) ? Number(values.seed) : Number.NaN;
    if (!Number.isSafeInteger(seed) || seed > MAX_SEED) return fail('seed', values.seed, m.expected.seed);
  }
  if (values.list && values.search !== undefined) return { ok: false, lang: uiLang, message: m.conflict('list', 'search') };

  return {
    ok: true,
    options: {
      ...(topic && { topic }),
      ...(kind && { kind }),
      ...(difficulty && { difficulty }),
      ...(count !== undefined && { count }),
      ...(seed !== undefined && { seed }),
      ...(lang && { lang: lang[0] }),
      ...(values.search !== undefined && { search: values.search }),
      list: values.list,
      json: values.json,
      help: values.help,
      version: values.version,
    },
  };
}
