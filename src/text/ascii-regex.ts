/**
 * Regexes with Unicode property classes (\p{L}, the 'u' flag) run two to three times slower than the
 * same pattern over ASCII ranges, and most news text has no letter or digit beyond ASCII (its curly
 * quotes and dashes are neither). For such a text a Unicode regex and its ASCII twin find exactly the
 * same matches, so the matchers use the twin whenever the text allows it.
 */

/** A Unicode regex with its ASCII twin. */
export interface TwinRegex {
  unicode: RegExp;
  ascii: RegExp;
}

/** Property classes the twin can stand in for, and their ASCII ranges. */
const ASCII_RANGES: Record<string, string> = { L: 'A-Za-z', N: '0-9', Lu: 'A-Z', Ll: 'a-z' };

/**
 * The regex and its twin: \p{L}, \p{N}, \p{Lu} and \p{Ll} as ASCII ranges, without the 'u' flag. Any
 * other Unicode-only syntax (\P, other properties, \u{...}) is refused, so a twin never means something else.
 */
export function twinRegex(unicode: RegExp): TwinRegex {
  const source = unicode.source;
  let ascii = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'p' || next === 'P' || (next === 'u' && source[i + 2] === '{')) {
        const property = next === 'p' ? /^\\p\{(\w+)\}/.exec(source.slice(i))?.[1] : undefined;
        const range = property === undefined ? undefined : ASCII_RANGES[property];
        if (range === undefined) throw new Error(`twinRegex: no ASCII twin for ${source.slice(i, i + 12)} in /${source}/`);
        ascii += inClass ? range : `[${range}]`;
        i += property!.length + 3;
        continue;
      }
      ascii += ch + next;
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    ascii += ch;
  }
  return { unicode, ascii: new RegExp(ascii, unicode.flags.replace('u', '')) };
}

const NON_ASCII = /[^\u0000-\u007F]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Non-ASCII code unit -> whether it lets the twins agree, worked out once per process. */
const agreeingUnits = new Map<number, boolean>();

/** Whether every letter and digit of the text is ASCII and every character in the BMP: then the twins agree. */
export function twinsAgreeOn(text: string): boolean {
  NON_ASCII.lastIndex = 0;
  for (let found = NON_ASCII.exec(text); found; found = NON_ASCII.exec(text)) {
    const code = text.charCodeAt(found.index);
    let agrees = agreeingUnits.get(code);
    if (agrees === undefined) {
      // Beyond the BMP a character is one unit with the 'u' flag and two without: counts and classes would differ.
      agrees = !(code >= 0xd800 && code <= 0xdfff) && !LETTER_OR_DIGIT.test(String.fromCharCode(code));
      agreeingUnits.set(code, agrees);
    }
    if (!agrees) return false;
  }
  return true;
}

/** The regex to run over `text`: the ASCII twin when it finds the same matches there. */
export function regexFor(twin: TwinRegex, text: string): RegExp {
  return twinsAgreeOn(text) ? twin.ascii : twin.unicode;
}
