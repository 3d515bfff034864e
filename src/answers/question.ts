/**
 * What a free question asks for, read off its opening words: the kind of answer that would answer it
 * (a speaker, a figure, a definition, a reason, a date) and the words to search for, without the
 * framing ("who said", "how many", "what is"). English question forms only, nothing of any one story.
 */

export type QuestionKind =
  /** "who said / called / warned ... X?": the speaker of the quotation, named. */
  | 'who-said'
  /** "what did X say (about Y)?": X's quotations. */
  | 'what-said'
  /** "who ruled out ...?": a passage naming who did it. */
  | 'who'
  /** "which countries ...?": a passage naming things of that kind, the more the better. */
  | 'which'
  /** "how many ...?": a passage with a count. */
  | 'how-many'
  /** "how much ...?": a passage with an amount (money or a quantity). */
  | 'how-much'
  /** "what is / are X?": a sentence that defines X. */
  | 'what-is'
  /** "why ...?": a sentence that states a reason. */
  | 'why'
  /** "when ...?": a dated sentence. */
  | 'when'
  /** Anything else: the best passages. */
  | 'other';

export interface Question {
  kind: QuestionKind;
  /** The words to search for: the question without its framing. */
  search: string;
  /** what-is: the thing to define ("return hubs"); what-said: who ("the Albanian prime minister"). */
  subject?: string;
  /** what-said: what about, if asked ("about talks"). */
  about?: string;
  /** which: the kind of thing asked for, when the noun says ("countries": places). */
  names?: 'place' | 'person' | 'organisation';
}

// Nouns that ask for a kind of named thing: "which countries", "which leaders". General English.
const NAMED_KINDS: Record<string, Question['names']> = Object.fromEntries([
  ...'country countries nation nations state states place places city cities region regions town towns capital capitals'
    .split(' ')
    .map((noun) => [noun, 'place']),
  ...'people person leader leaders minister ministers politician politicians official officials president presidents man men woman women'
    .split(' ')
    .map((noun) => [noun, 'person']),
  ...'party parties agency agencies organisation organisations organization organizations group groups company companies'
    .split(' ')
    .map((noun) => [noun, 'organisation']),
]);

const SPEECH_VERBS =
  'said|says|say|called|calls|call|described|describes|warned|warns|told|tells|claimed|claims|stated|states|declared|declares|dubbed|branded|insisted|insists|added|argued|argues|wrote|writes';

const TIME_WORDS = /\b(?:earlier|later|first|last|recently|recent|ago|soon|date|time|year|month|week|day)s?\b/giu;

const FORMS: { pattern: RegExp; read: (match: RegExpExecArray) => Question }[] = [
  {
    pattern: new RegExp(`^(?:who|which\\s+\\w+)\\s+(?:(?:has|had|have)\\s+)?(?:${SPEECH_VERBS})\\b\\s*(?:that\\s+)?(.*)$`, 'iu'),
    read: (match) => ({ kind: 'who-said', search: match[1]! }),
  },
  {
    pattern: new RegExp(
      `^what\\s+(?:did|does|do|has|have|had)\\s+(.+?)\\s+(?:${SPEECH_VERBS}|think|thinks|thought)\\b(?:\\s+(?:about|on|of)\\s+(.+))?\\s*$`,
      'iu',
    ),
    read: (match) => ({
      kind: 'what-said',
      search: [match[1], match[2]].filter(Boolean).join(' '),
      subject: match[1]!,
      ...(match[2] ? { about: match[2] } : {}),
    }),
  },
  { pattern: /^how\s+many\b\s*(.*)$/iu, read: (match) => ({ kind: 'how-many', search: match[1]! }) },
  { pattern: /^how\s+much\b\s*(.*)$/iu, read: (match) => ({ kind: 'how-much', search: match[1]! }) },
  {
    pattern: /^(?:what|who)\s+(?:is|are|was|were)\s+(?:(?:a|an|the|so-called)\s+)?(.+?)$/iu,
    read: (match) => ({ kind: 'what-is', search: match[1]!, subject: match[1]! }),
  },
  {
    pattern: /^what(?:'s|’s)\s+(?:(?:a|an|the)\s+)?(.+?)$/iu,
    read: (match) => ({ kind: 'what-is', search: match[1]!, subject: match[1]! }),
  },
  { pattern: /^who\b\s*(.*)$/iu, read: (match) => ({ kind: 'who', search: match[1]! }) },
  {
    pattern: /^(?:which|what)\s+(\p{L}+)\s+(.+)$/iu,
    read: (match) => {
      const names = NAMED_KINDS[match[1]!.toLowerCase()];
      return names ? { kind: 'which', search: `${match[1]} ${match[2]}`, names } : { kind: 'other', search: `${match[1]} ${match[2]}` };
    },
  },
  { pattern: /^why\b\s*(.*)$/iu, read: (match) => ({ kind: 'why', search: match[1]! }) },
  {
    pattern: /^(?:when|what\s+date|what\s+time|by\s+when)\b\s*(.*)$/iu,
    // Words of time say that a date is asked for, not what the answer is about ("the earlier plan").
    read: (match) => ({ kind: 'when', search: match[1]!.replace(TIME_WORDS, ' ').replace(/\s+/gu, ' ').trim() }),
  },
];

/** Reads a question's kind and search words. "Is Kosovo open to talks?" is 'other': its words are the search. */
export function readQuestion(text: string): Question {
  const plain = text
    .trim()
    .replace(/[?!.]+$/u, '')
    .trim();
  for (const { pattern, read } of FORMS) {
    const match = pattern.exec(plain);
    if (!match) continue;
    const question = read(match);
    if (question.search.trim().length > 0) return question;
  }
  return { kind: 'other', search: plain };
}
