import { describe, expect, it } from 'vitest';
import { questions } from './bank.js';
import { fixtureBank, makeQuestion } from './fixtures.test.js';
import { validateBank, validateQuestion } from './validate.js';

const paths = (value: unknown): string[] => validateQuestion(value).map((problem) => problem.path);

describe('validateBank on the real bank', () => {
  it(`finds no problem in the ${questions.length} questions written so far`, () => {
    expect(validateBank(questions)).toEqual([]);
  });
});

describe('validateQuestion', () => {
  it('accepts valid questions', () => {
    expect(validateQuestion(makeQuestion())).toEqual([]);
    expect(validateBank(fixtureBank)).toEqual([]);
  });

  it('rejects what is not an object', () => {
    expect(paths(null)).toEqual(['']);
    expect(validateQuestion('x')[0]?.message).toBe('question: must be an object');
  });

  it('requires a kebab-case id', () => {
    for (const id of ['Softmax_Jacobian', 'a--b', '-a', '', 'a b']) expect(paths(makeQuestion({ id }))).toEqual(['id']);
    expect(paths({ ...makeQuestion(), id: undefined })).toEqual(['id']);
  });

  it('requires kebab-case subtopic and tags', () => {
    expect(paths(makeQuestion({ subtopic: 'Receptive Field' }))).toEqual(['subtopic']);
    expect(paths(makeQuestion({ tags: ['ok', 'Not-OK'] }))).toEqual(['tags[1]']);
    expect(paths({ ...makeQuestion(), tags: 'pooling' })).toEqual(['tags']);
  });

  it('requires a known topic and kind and a difficulty 1..5', () => {
    expect(paths({ ...makeQuestion(), topic: 'transformers' })).toEqual(['topic']);
    expect(paths({ ...makeQuestion(), kind: 'essay' })).toEqual(['kind']);
    for (const difficulty of [0, 6, 2.5, '3']) expect(paths({ ...makeQuestion(), difficulty })).toEqual(['difficulty']);
  });

  it('requires prompt, short and full answer in both languages', () => {
    expect(paths(makeQuestion({ prompt: { zh: '' } }))).toEqual(['prompt.zh']);
    expect(paths(makeQuestion({ prompt: { en: '   ' } }))).toEqual(['prompt.en']);
    expect(paths(makeQuestion({ answer: { short: { zh: '短', en: '' } } }))).toEqual(['answer.short.en']);
    expect(paths(makeQuestion({ answer: { full: { zh: '', en: 'full' } } }))).toEqual(['answer.full.zh']);
    expect(paths({ ...makeQuestion(), answer: undefined })).toEqual(['answer']);
    expect(paths({ ...makeQuestion(), prompt: 'text' })).toEqual(['prompt']);
  });

  it('requires at least one reference with a url or an arxiv id', () => {
    expect(paths(makeQuestion({ references: [] }))).toEqual(['references']);
    expect(paths(makeQuestion({ references: [{ title: 'A book' }] }))).toEqual(['references[0]']);
    expect(paths(makeQuestion({ references: [{ title: '', arxiv: '1706.03762' }] }))).toEqual(['references[0].title']);
    expect(paths(makeQuestion({ references: [{ title: 'x', url: 'www.example.com' }] }))).toEqual(['references[0].url']);
    expect(paths(makeQuestion({ references: [{ title: 'x', arxiv: 'arXiv:1706' }] }))).toEqual(['references[0].arxiv']);
    expect(paths(makeQuestion({ references: [{ title: 'x', arxiv: '1706.03762v5' }, { title: 'y', arxiv: 'cs/0501001' }] }))).toEqual([]);
  });

  it('requires verification for derivation, numeric and coding questions only', () => {
    for (const kind of ['derivation', 'numeric', 'coding'] as const) {
      expect(paths(makeQuestion({ kind }))).toEqual(['verification']);
      expect(paths(makeQuestion({ kind, verification: [] }))).toEqual(['verification']);
    }
    for (const kind of ['concept', 'debug'] as const) expect(paths(makeQuestion({ kind }))).toEqual([]);
    const bad = { package: '@dl/x', export: '', test: 'a.test.ts', status: 'done' };
    expect(paths({ ...makeQuestion({ kind: 'coding' }), verification: [bad] })).toEqual(['verification[0].export', 'verification[0].status']);
  });

  it('requires a misconception erratum in 1..33 and text in both languages', () => {
    const misconception = { claim: { zh: '错误说法', en: 'wrong claim' }, correction: { zh: '更正', en: 'correction' } };
    expect(paths(makeQuestion({ misconceptions: [{ ...misconception, erratum: 1 }, { ...misconception, erratum: 33 }] }))).toEqual([]);
    expect(paths(makeQuestion({ misconceptions: [{ ...misconception, erratum: 0 }] }))).toEqual(['misconceptions[0].erratum']);
    expect(paths(makeQuestion({ misconceptions: [{ ...misconception, erratum: 34 }] }))).toEqual(['misconceptions[0].erratum']);
    expect(paths(makeQuestion({ misconceptions: [{ ...misconception, correction: { zh: '', en: 'x' } }] }))).toEqual(['misconceptions[0].correction.zh']);
  });

  it('checks the seed origin', () => {
    expect(paths(makeQuestion({ seed: { chapter: 4, question: 10 } }))).toEqual([]);
    expect(paths({ ...makeQuestion(), seed: { chapter: 3, question: 1 } })).toEqual(['seed']);
  });

  it('names the question and the field in the message', () => {
    const [problem] = validateQuestion(makeQuestion({ id: 'pooling-role', difficulty: 9 as never }));
    expect(problem).toEqual({ id: 'pooling-role', path: 'difficulty', message: "'pooling-role': difficulty must be an integer from 1 to 5, got 9" });
  });
});

describe('validateBank', () => {
  it('reports duplicate ids', () => {
    const problems = validateBank([makeQuestion({ id: 'a' }), makeQuestion({ id: 'b' }), makeQuestion({ id: 'a' })]);
    expect(problems).toEqual([{ id: 'a', path: 'id', message: "'a': id is used by questions #0 and #2" }]);
  });

  it('labels questions without an id by position', () => {
    const problems = validateBank([makeQuestion(), { ...makeQuestion(), id: 7 }]);
    expect(problems[0]?.message).toMatch(/^question #1: id must be kebab-case/u);
  });
});
