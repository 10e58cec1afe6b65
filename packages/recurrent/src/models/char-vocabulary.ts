import { ConfigError } from '@dl/core';
import { rejectUnknownKeys } from '../internal/layer-args.js';

/** The serialized form of a {@link CharVocabulary}. */
export interface CharVocabularyJSON {
  readonly format: 'dl-char-vocabulary';
  /** Characters in id order, from id 1 (id 0 stands for any character not in the list). */
  readonly characters: readonly string[];
}

/**
 * The characters of a text, each with an id: what a character language model reads and
 * writes. Id 0 stands for a character the vocabulary does not know; the others are assigned
 * by decreasing frequency (ties by code point), so the same text always gives the same ids.
 * Characters are Unicode code points, so Chinese text and emoji work.
 *
 * @example
 * ```ts
 * import { CharVocabulary } from '@dl/recurrent';
 * const vocabulary = CharVocabulary.fromText('hello world');
 * vocabulary.decode(vocabulary.encode('hello')); // 'hello'
 * vocabulary.size; // 9 (8 characters + the unknown id 0)
 * ```
 */
export class CharVocabulary {
  private readonly ids: Map<string, number>;

  private constructor(readonly characters: readonly string[]) {
    this.ids = new Map(characters.map((c, i) => [c, i + 1]));
  }

  /**
   * Builds the vocabulary of `text`.
   *
   * @param text - the training text.
   * @param options - `maxSize`: keep the most frequent characters only (the rest map to 0).
   * @returns the vocabulary.
   * @example
   * ```ts
   * CharVocabulary.fromText('aab', { maxSize: 2 }).characters; // ['a']
   * ```
   */
  static fromText(text: string, options: { readonly maxSize?: number } = {}): CharVocabulary {
    if (typeof text !== 'string' || text.length === 0) throw new ConfigError({ package: 'recurrent', path: 'text', value: text, expected: 'a non-empty string' });
    rejectUnknownKeys(options, ['maxSize'], { kind: 'option', where: 'CharVocabulary.fromText' });
    const { maxSize } = options;
    if (maxSize !== undefined && (!Number.isInteger(maxSize) || maxSize < 2)) throw new ConfigError({ package: 'recurrent', path: 'maxSize', value: maxSize, expected: 'an integer >= 2' });
    const counts = new Map<string, number>();
    for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
    const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].codePointAt(0)! - b[0].codePointAt(0)!).map(([c]) => c);
    return new CharVocabulary(maxSize === undefined ? ordered : ordered.slice(0, maxSize - 1));
  }

  /**
   * Restores a vocabulary saved with {@link CharVocabulary.toJSON}.
   *
   * @param json - the parsed JSON.
   * @returns the vocabulary.
   * @example
   * ```ts
   * const copy = CharVocabulary.fromJSON(JSON.parse(JSON.stringify(vocabulary)));
   * ```
   */
  static fromJSON(json: unknown): CharVocabulary {
    const value = json as Partial<CharVocabularyJSON> | null;
    if (value === null || typeof value !== 'object' || value.format !== 'dl-char-vocabulary') {
      throw new ConfigError({ package: 'recurrent', path: 'format', value: value?.format, expected: '"dl-char-vocabulary" (a CharVocabulary.toJSON() object)' });
    }
    const characters = value.characters;
    if (!Array.isArray(characters) || characters.some((c) => typeof c !== 'string' || [...c].length !== 1) || new Set(characters).size !== characters.length) {
      throw new ConfigError({ package: 'recurrent', path: 'characters', value: characters, expected: 'distinct single characters' });
    }
    return new CharVocabulary(characters);
  }

  /** Number of ids, the unknown id 0 included: the model's input and output size. */
  get size(): number {
    return this.characters.length + 1;
  }

  /**
   * Ids of the characters of `text` (0 for unknown ones).
   *
   * @example
   * ```ts
   * vocabulary.encode('hi'); // Int32Array [..]
   * ```
   */
  encode(text: string): Int32Array {
    return Int32Array.from([...text], (c) => this.ids.get(c) ?? 0);
  }

  /**
   * The text of `ids`; id 0 becomes `unknown` (default U+FFFD).
   *
   * @example
   * ```ts
   * vocabulary.decode([1, 2]);
   * ```
   */
  decode(ids: ArrayLike<number>, unknown = '\uFFFD'): string {
    let text = '';
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i]!;
      if (!Number.isInteger(id) || id < 0 || id >= this.size) throw new ConfigError({ package: 'recurrent', path: `ids[${i}]`, value: id, expected: `an integer in [0, ${this.size - 1}]` });
      text += id === 0 ? unknown : this.characters[id - 1]!;
    }
    return text;
  }

  /**
   * The JSON form, to save next to the model.
   *
   * @example
   * ```ts
   * JSON.stringify(vocabulary.toJSON());
   * ```
   */
  toJSON(): CharVocabularyJSON {
    return { format: 'dl-char-vocabulary', characters: [...this.characters] };
  }
}
