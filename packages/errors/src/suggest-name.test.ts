import { describe, expect, it } from 'vitest';
import { suggestName } from './suggest-name.js';

describe('suggestName', () => {
  const allowed = ['numHeads', 'keyDim', 'valueDim', 'useCausalMask', 'dropout', 'useBias'];

  it('finds transpositions, one-letter slips and snake_case spellings', () => {
    expect(suggestName('useCasualMask', allowed)).toBe('useCausalMask'); // two letters swapped: one edit
    expect(suggestName('numHead', allowed)).toBe('numHeads');
    expect(suggestName('key_dim', allowed)).toBe('keyDim');
    expect(suggestName('USEBIAS', allowed)).toBe('useBias');
  });

  it('suggests nothing when no name is close, and prefers the closest', () => {
    expect(suggestName('epochs', allowed)).toBeUndefined();
    expect(suggestName('ab', ['ac', 'abc'])).toBeUndefined(); // short names: no edits allowed beyond case
    expect(suggestName('valueDimm', ['valueDim', 'valueDimmer'])).toBe('valueDim');
  });
});
