/**
 * Which sentences of a found passage answer a question: the rule behind "as many results as answer
 * it". The question's focus is its content words that are not the story's topic words (the words
 * nearly every outlet prints, such as the story's own subject): "how much will the return hubs cost?"
 * is about "cost", and a passage that only says "return hubs" does not answer it.
 */
import { termOf, termsOf, tokenize } from '../search/terms.ts';
import type { AnswerContext } from './context.ts';
import { holdsAnswer } from './evidence.ts';
import type { FoundPassage } from './find-passages.ts';
import { entitiesIn } from './find-passages.ts';
import { sentencesOf } from './passage-sentences.ts';
import type { StoryIndex } from '../search/story-index.ts';
import type { QuestionKind } from './question.ts';
import type { EntityKind } from '../analysis/types.ts';

export interface Focus {
  /** Every content term of the question. */
  all: string[];
  /** The focus terms: content terms that are not topic terms. */
  terms: string[];
  /** Focus terms that no passage holds, and the words typed for them. */
  unknown: string[];
  unknownWords: string[];
  /** Entity ids named in the question. */
  entities: string[];
  /** Terms of the names typed with a capital ("Starmer", "Albania"): an answer is about them, topic words or not. */
  names: string[];
  /** How many outlets print each content term (read once per question: a common term's postings are long). */
  outletCounts: ReadonlyMap<string, number>;
}

const PRONOUN = /\b(?:he|she|they)\b/iu;
/** Below this share of the best answer's coverage of the focus words, a passage is filler, not an answer. */
export const COVERAGE_FLOOR = 0.6;

const OPENS_WITH_PRONOUN = /^["'‘“]?(?:he|she|they|it|this|these|those|his|her|their)\b/iu;

/**
 * A topic term is printed by at least this share of the outlets (and by three or more), in at least
 * this share of all passages: "year" is printed by most outlets, but seldom, and says what is asked.
 */
const TOPIC_SHARE = 0.75;
const TOPIC_MIN_OUTLETS = 3;
const TOPIC_PASSAGE_SHARE = 0.15;

export function readFocus(context: AnswerContext, text: string): Focus {
  const { story } = context;
  const all = [...new Set(termsOf(text))];
  const outlets = story.outlets.length;
  const outletCounts = new Map(all.map((term) => [term, story.text.outletsHolding(term)]));
  const topic = (term: string) =>
    outlets >= TOPIC_MIN_OUTLETS &&
    outletCounts.get(term)! >= Math.max(TOPIC_MIN_OUTLETS, Math.ceil(outlets * TOPIC_SHARE)) &&
    story.text.passagesHolding(term) >= story.corpus.passages.length * TOPIC_PASSAGE_SHARE;
  const terms = all.filter((term) => !topic(term));
  // A focus word the coverage lacks, unless a spelling near it (a misspelt name) or a name it is part of is known.
  const unknown = terms.filter((term) => !story.text.knowsTerm(term));
  const known = new Set(
    tokenize(text)
      .filter((word) => unknown.includes(termOf(word) ?? '') && context.names.knowsName(word))
      .map((word) => termOf(word)!),
  );
  // The typed word is searched (the search folds and stems it itself), to let a near spelling count.
  const typed = new Map(tokenize(text).map((word) => [termOf(word), word]));
  const reallyUnknown = unknown.filter(
    (term) => !known.has(term) && story.text.search({ text: typed.get(term) ?? term }).unknownTerms.length > 0,
  );
  return {
    all,
    terms,
    unknown: reallyUnknown,
    unknownWords: tokenize(text).filter((word) => reallyUnknown.includes(termOf(word) ?? '')),
    entities: entitiesIn(context, text),
    outletCounts,
    names: [
      ...new Set((text.match(/(?<![\p{L}'’])\p{Lu}[\p{L}'’-]*/gu) ?? []).map((word) => termOf(word)).filter((term) => term !== null)),
    ],
  };
}

/**
 * The stretch [from, to) of the passage's answering sentences, or undefined when none answers: a
 * sentence answers when it holds at least half the focus terms (or, for a question of topic words
 * only, half its terms) and what the question's kind asks for. `coverage` is the shown stretch's
 * share of those terms, each weighed by how few outlets print it; `names`, how many things of a which-question's kind it names.
 */
export function answerSentences(
  context: AnswerContext,
  hit: FoundPassage,
  kind: QuestionKind,
  focus: Focus,
  options: {
    subject?: string;
    money?: boolean;
    names?: EntityKind;
    counted?: readonly string[];
    /** The question's coverageWeigher, when the caller reads many passages: its weights are worked out once. */
    weight?: (term: string) => number;
  },
): { from: number; to: number; names: number; coverage: number } | undefined {
  const askedTerms = new Set(focus.all);
  const { story } = context;
  const passage = hit.passage;
  const mentions = story.mentionsByPassage.get(passage.id) ?? [];
  // Spellings the search matched for a misspelt word ("osmani" for "osmanni") count as the word.
  const matchedSpellings = new Set(hit.terms);
  const wanted = focus.terms.length > 0 ? focus.terms : focus.all;
  const needed = Math.max(1, Math.ceil(wanted.length / 2));
  let from: number | undefined;
  let to = 0;
  const namesShown = new Set<string>();
  const spans = sentencesOf(passage);
  const headlineTerms = headlineTermsOf(story, passage.articleId);
  // Spellings the search matched that are not the question's own words (a misspelt word's match).
  const misspelt = [...matchedSpellings].filter((spelling) => !focus.all.includes(spelling));
  for (const [index, span] of spans.entries()) {
    const terms = span.terms;
    let held = 0;
    for (const term of wanted) if (terms.has(term)) held++;
    // Cheap test first: a sentence that cannot reach `needed` even with every name and spelling counted is no answer.
    if (held + misspelt.length + 1 < needed) continue;
    const inSentence = mentions.filter((mention) => mention.start >= span.start && mention.end <= span.end);
    // A name typed in another form ("Kosova") counts once, when none of its printed words is counted already.
    const named = inSentence.filter((mention) => focus.entities.includes(mention.entityId));
    const namedUncounted = named.length > 0 && !named.some((mention) => termsOf(mention.surface).some((term) => wanted.includes(term)));
    if (held < needed) for (const term of misspelt) if (terms.has(term)) held++;
    if (namedUncounted) held++;
    if (held < needed) continue;
    const text = span.text;
    // Every name the question types is in the sentence (or the one before, when this one opens with a
    // pronoun), or in the article's headline: "the UK" need not be repeated in a UK story's every sentence.
    const previous = index > 0 ? spans[index - 1]! : undefined;
    const before = previous ? previous.text : '';
    const beforeTerms = previous && (OPENS_WITH_PRONOUN.test(text) || PRONOUN.test(text)) ? previous.terms : undefined;
    const around = (term: string) => terms.has(term) || headlineTerms.has(term) || beforeTerms?.has(term) === true;
    if (!focus.names.every((name) => around(name) || (!story.text.knowsTerm(name) && misspelt.some((spelling) => around(spelling)))))
      continue;
    const kindOf = (mention: (typeof inSentence)[number]) => story.entityById.get(mention.entityId)?.kind;
    const namesSomeone = inSentence.some((mention) => kindOf(mention) !== 'place');
    const asked = new Set(
      inSentence.filter((mention) => !options.names || kindOf(mention) === options.names).map((mention) => mention.entityId),
    );
    const view = { text, namesSomeone, namesAsked: asked.size };
    // "he praised ...": for a who-question the person is named in the sentence before.
    const namedBefore = kind === 'who' && PRONOUN.test(text) && before !== '' && holdsAnswer('who', { ...view, text: before }, {});
    if (!namedBefore && !holdsAnswer(kind, view, { ...options, asked: askedTerms })) continue;
    for (const id of asked) namesShown.add(id);
    // A sentence that opens with a pronoun ("He has visited ...") is shown with the one before, which names who.
    from ??= previous && (namedBefore || OPENS_WITH_PRONOUN.test(text)) ? previous.start : span.start;
    to = span.end;
  }
  if (from === undefined) return undefined;
  // Coverage of the stretch shown (a pronoun's sentence and the one naming who, together); a
  // definition answers a what-is question whatever else the question's words are.
  const shown = new Set(termsOf(passage.text.slice(from, to)));
  const weight = options.weight ?? coverageWeigher(story, focus);
  const total = wanted.reduce((sum, term) => sum + weight(term), 0);
  const spelled = [...matchedSpellings].filter((term) => shown.has(term) && !focus.all.includes(term));
  const covered =
    wanted.filter((term) => shown.has(term)).reduce((sum, term) => sum + weight(term), 0) +
    spelled.reduce((sum, term) => sum + weight(term), 0);
  const coverage = kind === 'what-is' ? 1 : Math.min(1, covered / total);
  return { from, to, names: namesShown.size, coverage };
}

/**
 * The most coverage answerSentences (a question of any kind but what-is) can give the passage: the
 * share of the focus terms, and of the misspelt words' matched spellings, that the passage holds at
 * all. Read from the index, without splitting the passage into sentences: a passage whose bound is no
 * better than a passage already chosen need not be read.
 */
export function coverageBound(context: AnswerContext, hit: FoundPassage, focus: Focus, weight: (term: string) => number): number {
  const { text } = context.story;
  const wanted = focus.terms.length > 0 ? focus.terms : focus.all;
  const total = wanted.reduce((sum, term) => sum + weight(term), 0);
  if (!(total > 0)) return 1;
  let covered = 0;
  for (const term of wanted) if (text.holdsTerm(hit.position, term)) covered += weight(term);
  for (const term of new Set(hit.terms)) if (!focus.all.includes(term) && text.holdsTerm(hit.position, term)) covered += weight(term);
  return Math.min(1, covered / total);
}

/**
 * Each word weighs by how few outlets print it: "praised" says more than "deal" about what is asked.
 * Worked out once per word: a misspelt word's matched spelling has its outlets counted from its postings.
 */
export function coverageWeigher(story: StoryIndex, focus: Focus): (term: string) => number {
  const weights = new Map<string, number>();
  return (term) => {
    let weight = weights.get(term);
    if (weight === undefined) {
      weight = Math.log(1 + story.outlets.length / Math.max(1, focus.outletCounts.get(term) ?? story.text.outletsHolding(term)));
      weights.set(term, weight);
    }
    return weight;
  };
}

// A headline's terms, per story and article: every passage of an article reads them.
const headlineTermsByStory = new WeakMap<StoryIndex, Map<string, ReadonlySet<string>>>();

function headlineTermsOf(story: StoryIndex, articleId: string): ReadonlySet<string> {
  const known = headlineTermsByStory.get(story) ?? headlineTermsByStory.set(story, new Map()).get(story)!;
  let terms = known.get(articleId);
  if (!terms) {
    terms = new Set(termsOf(story.articleById.get(articleId)?.headline ?? ''));
    known.set(articleId, terms);
  }
  return terms;
}
