/**
 * Checks a configured case-reference pattern before it is ever run. JavaScript regular expressions have
 * no time limit, so a pattern such as `(\d+)+$` could freeze the guard on one long note. Rather than
 * guess, the checker bounds the work: it refuses unbounded repeats (`*`, `+`, `{n,}`) and backreferences,
 * and counts the ways the pattern can be walked from one position (alternatives add, repeats multiply);
 * above MAX_PATHS it is refused. Case references have a known length, so `\d{6,8}` says what `\d+` meant.
 */
export const MAX_PATTERN_LENGTH = 200;
export const MAX_PATHS = 10_000;
const MAX_REPEAT = 50;

export class PatternError extends Error {
  override readonly name = 'PatternError';
}

/** Returns null when the pattern is safe to run, else why not (a sentence for the person configuring it). */
export function checkPattern(source: string): string | null {
  if (source.length === 0) return 'The pattern is empty.';
  if (source.length > MAX_PATTERN_LENGTH) return `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.`;
  try {
    new RegExp(source, 'u');
  } catch (e) {
    return `The pattern is not a valid regular expression: ${(e as Error).message}`;
  }
  try {
    const paths = new Walker(source).pattern();
    if (paths > MAX_PATHS) {
      return `The pattern has too many ways to match (over ${MAX_PATHS}); use fewer optional parts or alternatives.`;
    }
  } catch (e) {
    if (e instanceof PatternError) return e.message;
    throw e;
  }
  if (new RegExp(`^(?:${source})$`, 'u').test('')) return 'The pattern matches empty text.';
  return null;
}

/** A recursive reader over an already-valid `u`-mode pattern that counts paths (capped, never overflowing). */
class Walker {
  private i = 0;
  constructor(private readonly s: string) {}

  pattern(): number {
    const n = this.alternation();
    if (this.i < this.s.length) throw new PatternError('The pattern has an unmatched ")".');
    return n;
  }

  private alternation(): number {
    let total = this.sequence();
    while (this.s[this.i] === '|') {
      this.i += 1;
      total = cap(total + this.sequence());
    }
    return total;
  }

  private sequence(): number {
    let total = 1;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      total = cap(total * this.quantified(this.atom()));
    }
    return total;
  }

  private atom(): number {
    const c = this.s[this.i]!;
    if (c === '(') {
      this.i += 1;
      if (this.s.startsWith('?', this.i)) {
        // (?: (?= (?! (?<= (?<! (?<name>
        const m = /^\?(?::|=|!|<=|<!|<[^>]+>)/.exec(this.s.slice(this.i));
        if (m === null) throw new PatternError('The pattern uses a group form the guard does not support.');
        this.i += m[0].length;
      }
      const n = this.alternation();
      this.i += 1; // ')'
      return n;
    }
    if (c === '[') {
      this.i += 1;
      while (this.i < this.s.length && this.s[this.i] !== ']') this.i += this.s[this.i] === '\\' ? 2 : 1;
      this.i += 1;
      return 1;
    }
    if (c === '\\') {
      const next = this.s[this.i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') {
        throw new PatternError('The pattern uses a backreference, which can make matching very slow.');
      }
      // \p{…}, \u{…}, \x.., \cX are single characters too.
      const m = /^\\(?:[pP]\{[^}]*\}|u\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|.)/su.exec(this.s.slice(this.i));
      this.i += m![0].length;
      return 1;
    }
    // Any other single character, including ^ $ . (one code point; surrogate pairs are two units).
    this.i += (this.s.codePointAt(this.i) ?? 0) > 0xffff ? 2 : 1;
    return 1;
  }

  private quantified(paths: number): number {
    const rest = this.s.slice(this.i);
    const m = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(rest);
    if (m === null) return paths;
    this.i += m[0].length;
    if (m[1] === '?') return cap(paths + 1);
    if (m[1] !== undefined || (m[3] !== undefined && m[4] === '')) {
      throw new PatternError('The pattern repeats without a limit (*, + or {n,}); give a range such as {6,8}.');
    }
    const min = Number(m[2]);
    const max = m[3] === undefined ? min : Number(m[4]);
    if (max > MAX_REPEAT) throw new PatternError(`The pattern repeats more than ${MAX_REPEAT} times.`);
    // Paths through a repeat of n to m copies: the sum of paths^k.
    let total = 0;
    for (let k = min; k <= max; k += 1) total = cap(total + cap(paths ** k));
    return total;
  }
}

const cap = (n: number): number => Math.min(n, MAX_PATHS + 1);
