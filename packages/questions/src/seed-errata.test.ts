import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questions } from './bank.js';
import { makeQuestion } from './fixtures.test.js';
import { validateQuestion } from './validate.js';
import { repositoryRoot } from './verification-links.test-util.js';

/** docs/seed-errata.md: the published errata that `Misconception.erratum` numbers point into. */
const page = readFileSync(join(repositoryRoot, 'docs', 'seed-errata.md'), 'utf8');
const anchors = [...page.matchAll(/<a id="erratum-(\d+)"><\/a>/gu)].map((match) => Number(match[1]));

/** The text of each erratum's section, from its anchor to the next one (or the end). */
const sections = new Map(
  [...page.matchAll(/<a id="erratum-(\d+)"><\/a>([\s\S]*?)(?=<a id="erratum-|$)/gu)].map((match) => [Number(match[1]), match[2]!]),
);

/** Every erratum number the bank cites, with the ids of the questions that cite it. */
const cited = questions.flatMap((question) =>
  (question.misconceptions ?? []).flatMap((misconception) => (misconception.erratum === undefined ? [] : [{ id: question.id, erratum: misconception.erratum }])),
);

/** The errata rows the validator accepts, found by asking it (so the page and the validator cannot drift apart). */
const acceptedRows = Array.from({ length: 60 }, (_, i) => i).filter(
  (erratum) =>
    validateQuestion(makeQuestion({ misconceptions: [{ claim: { zh: '说法', en: 'claim' }, correction: { zh: '更正', en: 'correction' }, erratum }] })).length === 0,
);

describe('docs/seed-errata.md', () => {
  it('has one anchor #erratum-N for each row the validator accepts, in order', () => {
    expect(acceptedRows).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    expect(anchors).toEqual(acceptedRows);
  });

  it('has an anchor for every erratum the bank cites', () => {
    expect(cited.length).toBeGreaterThan(0);
    const missing = cited.filter(({ erratum }) => !anchors.includes(erratum));
    expect(missing.map(({ id, erratum }) => `${id} cites erratum ${erratum}`)).toEqual([]);
  });

  it('gives each row its chapter/question, the seed\'s claim, why it is wrong and the correction, in English and Chinese', () => {
    for (const [row, text] of sections) {
      const labels = ['### Erratum', '勘误', '**Seed says:**', '**种子文档：**', '**Why it is wrong:**', '**错误原因：**', '**Correction:**', '**更正：**'];
      expect(labels.filter((label) => !text.includes(label)), `erratum ${row}`).toEqual([]);
      expect(text, `erratum ${row}`).toMatch(/chapter|all chapters/u);
      expect(text, `erratum ${row}`).toMatch(/第 \d 章|全部章节/u);
    }
  });

  it('links only to anchors that exist', () => {
    const targets = [...page.matchAll(/\]\(#([^)]+)\)/gu)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((target) => !anchors.map((n) => `erratum-${n}`).includes(target))).toEqual([]);
  });
});
