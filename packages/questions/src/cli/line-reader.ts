import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Reads input one line at a time; `null` once the input has ended. */
export interface LineReader {
  next(): Promise<string | null>;
  close(): void;
}

/**
 * Wraps `node:readline` so that lines are pulled on demand. Lines that arrive before they
 * are asked for (piped input arrives all at once) are buffered by readline's async iterator
 * instead of being lost, which `rl.question` would do.
 *
 * @example
 * ```ts
 * const reader = createLineReader(process.stdin);
 * const line = await reader.next(); // 'y', or null at end of input
 * reader.close();
 * ```
 */
export function createLineReader(input: Readable): LineReader {
  // terminal: false: a TTY in cooked mode already echoes and edits lines, and Ctrl+C keeps its default.
  const rl = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  const lines = rl[Symbol.asyncIterator]();
  let ended = false;
  return {
    async next() {
      if (ended) return null;
      const result = await lines.next();
      if (result.done === true) {
        ended = true;
        return null;
      }
      return result.value;
    },
    close() {
      ended = true;
      rl.close();
    },
  };
}
