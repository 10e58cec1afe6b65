import { describeValue } from '@dl/errors';
import { questionKinds, topics } from './schema.js';

/** One thing wrong with a question. */
export interface ValidationProblem {
  /** The question's id when it has a usable one. */
  readonly id: string | undefined;
  /** Where in the question: `prompt.zh`, `references[0]`, `verification`. Empty for the question itself. */
  readonly path: string;
  /** A sentence that names the question, the field and what is expected. */
  readonly message: string;
}

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
/** New-style (`1706.03762`, optional version) and old-style (`cs/0501001`) arXiv identifiers. */
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/u;
const VERIFIED_KINDS: readonly string[] = ['derivation', 'numeric', 'coding'];
const ERRATA_ROWS = 33;

type Record_ = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Record_ => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isIntegerIn = (value: unknown, min: number, max: number): boolean =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

class Collector {
  readonly problems: ValidationProblem[] = [];

  constructor(
    private readonly id: string | undefined,
    private readonly label: string,
  ) {}

  add(path: string, expected: string): void {
    const where = path === '' ? '' : ` ${path}`;
    this.problems.push({ id: this.id, path, message: `${this.label}:${where} ${expected}` });
  }

  text(value: unknown, path: string): void {
    if (!isRecord(value)) return this.add(path, 'must be an object { zh, en }');
    for (const lang of ['zh', 'en'] as const) {
      if (!isNonEmptyString(value[lang])) this.add(`${path}.${lang}`, 'must be a non-empty string');
    }
  }
}

function checkReferences(value: unknown, c: Collector): void {
  if (!Array.isArray(value) || value.length === 0) return c.add('references', 'must list at least one reference');
  value.forEach((reference: unknown, i) => {
    const path = `references[${i}]`;
    if (!isRecord(reference)) return c.add(path, 'must be an object');
    if (!isNonEmptyString(reference.title)) c.add(`${path}.title`, 'must be a non-empty string');
    const { url, arxiv } = reference;
    if (!isNonEmptyString(url) && !isNonEmptyString(arxiv)) c.add(path, 'must have a url or an arxiv id');
    if (url !== undefined && !(isNonEmptyString(url) && /^https?:\/\/\S+$/u.test(url))) {
      c.add(`${path}.url`, `must be an http(s) URL, got ${describeValue(url)}`);
    }
    if (arxiv !== undefined && !(typeof arxiv === 'string' && ARXIV_ID.test(arxiv))) {
      c.add(`${path}.arxiv`, `must be an arXiv id such as 1706.03762, got ${describeValue(arxiv)}`);
    }
    if (reference.year !== undefined && !isIntegerIn(reference.year, 1800, 2100)) c.add(`${path}.year`, 'must be a year');
  });
}

function checkMisconceptions(value: unknown, c: Collector): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return c.add('misconceptions', 'must be an array');
  value.forEach((item: unknown, i) => {
    const path = `misconceptions[${i}]`;
    if (!isRecord(item)) return c.add(path, 'must be an object');
    c.text(item.claim, `${path}.claim`);
    c.text(item.correction, `${path}.correction`);
    if (item.erratum !== undefined && !isIntegerIn(item.erratum, 1, ERRATA_ROWS)) {
      c.add(`${path}.erratum`, `must be an errata row from 1 to ${ERRATA_ROWS}, got ${describeValue(item.erratum)}`);
    }
  });
}

function checkVerification(value: unknown, kind: unknown, c: Collector): void {
  if (value === undefined) {
    if (typeof kind === 'string' && VERIFIED_KINDS.includes(kind)) c.add('verification', `is required for ${kind} questions`);
    return;
  }
  if (!Array.isArray(value)) return c.add('verification', 'must be an array');
  if (value.length === 0 && typeof kind === 'string' && VERIFIED_KINDS.includes(kind)) {
    c.add('verification', `must list at least one entry for ${kind} questions`);
  }
  value.forEach((item: unknown, i) => {
    const path = `verification[${i}]`;
    if (!isRecord(item)) return c.add(path, 'must be an object');
    for (const key of ['package', 'export', 'test'] as const) {
      if (!isNonEmptyString(item[key])) c.add(`${path}.${key}`, 'must be a non-empty string');
    }
    if (item.status !== 'verified' && item.status !== 'pending') c.add(`${path}.status`, "must be 'verified' or 'pending'");
  });
}

function validateOne(question: unknown, label: string): ValidationProblem[] {
  const id = isRecord(question) && typeof question.id === 'string' ? question.id : undefined;
  const c = new Collector(id, id === undefined ? label : `'${id}'`);
  if (!isRecord(question)) {
    c.add('', 'must be an object');
    return c.problems;
  }
  const q = question;
  if (!isNonEmptyString(q.id) || !KEBAB_CASE.test(q.id)) c.add('id', `must be kebab-case (a-z, 0-9, single hyphens), got ${describeValue(q.id)}`);
  if (!(topics as readonly unknown[]).includes(q.topic)) c.add('topic', `must be one of ${topics.join(', ')}, got ${describeValue(q.topic)}`);
  if (!isNonEmptyString(q.subtopic) || !KEBAB_CASE.test(q.subtopic)) c.add('subtopic', `must be kebab-case, got ${describeValue(q.subtopic)}`);
  if (!Array.isArray(q.tags)) c.add('tags', 'must be an array of kebab-case strings');
  else q.tags.forEach((tag: unknown, i) => {
    if (typeof tag !== 'string' || !KEBAB_CASE.test(tag)) c.add(`tags[${i}]`, `must be lower-case kebab-case, got ${describeValue(tag)}`);
  });
  if (!(questionKinds as readonly unknown[]).includes(q.kind)) c.add('kind', `must be one of ${questionKinds.join(', ')}, got ${describeValue(q.kind)}`);
  if (!isIntegerIn(q.difficulty, 1, 5)) c.add('difficulty', `must be an integer from 1 to 5, got ${describeValue(q.difficulty)}`);
  c.text(q.prompt, 'prompt');
  if (!isRecord(q.answer)) c.add('answer', 'must be an object { short, full }');
  else {
    c.text(q.answer.short, 'answer.short');
    c.text(q.answer.full, 'answer.full');
  }
  checkReferences(q.references, c);
  checkMisconceptions(q.misconceptions, c);
  checkVerification(q.verification, q.kind, c);
  if (q.seed !== undefined) {
    const seed = q.seed;
    if (!isRecord(seed) || !isIntegerIn(seed.chapter, 4, 8) || !isIntegerIn(seed.question, 1, 10)) {
      c.add('seed', `must be { chapter: 4..8, question: 1..10 }, got ${describeValue(seed)}`);
    }
  }
  return c.problems;
}

/**
 * Checks one question against the rules of the bank and returns what is wrong (empty when
 * valid). Accepts `unknown`, so it also checks data that did not go through the type checker.
 *
 * Rules: `id`, `subtopic` and tags kebab-case; `topic`, `kind` known; `difficulty` an integer
 * 1..5; prompt, short and full answer non-empty in both `zh` and `en`; at least one reference,
 * each with a `url` (http/https) or an `arxiv` id; `verification` present for derivation,
 * numeric and coding questions; a misconception's `erratum` an integer 1..33; `seed` in range.
 *
 * @param question - the question to check.
 * @returns the problems, each with the question id, the field path and a readable message.
 * @example
 * ```ts
 * import { validateQuestion } from '@dl/questions';
 * validateQuestion({ ...question, difficulty: 7 });
 * // [{ id: 'attn-softmax-derivative', path: 'difficulty',
 * //    message: "'attn-softmax-derivative': difficulty must be an integer from 1 to 5, got 7" }]
 * ```
 */
export function validateQuestion(question: unknown): ValidationProblem[] {
  return validateOne(question, 'question');
}

/**
 * Checks every question of a list with {@link validateQuestion}, and that ids are unique.
 *
 * @param list - questions, e.g. the whole bank or one chapter.
 * @returns all problems, in list order; empty when the list is valid.
 * @example
 * ```ts
 * import { questions, validateBank } from '@dl/questions';
 * validateBank(questions); // []
 * validateBank([q, q]);
 * // [{ id: 'attn-softmax-derivative', path: 'id', message: "'attn-softmax-derivative': id is used by questions #0 and #1" }]
 * ```
 */
export function validateBank(list: readonly unknown[]): ValidationProblem[] {
  if (!Array.isArray(list)) {
    return [{ id: undefined, path: '', message: `question bank: must be an array, got ${typeof list}` }];
  }
  const problems: ValidationProblem[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((question: unknown, i) => {
    problems.push(...validateOne(question, `question #${i}`));
    if (!isRecord(question) || typeof question.id !== 'string') return;
    const first = firstIndex.get(question.id);
    if (first === undefined) firstIndex.set(question.id, i);
    else problems.push({ id: question.id, path: 'id', message: `'${question.id}': id is used by questions #${first} and #${i}` });
  });
  return problems;
}
