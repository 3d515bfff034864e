/**
 * Scores the corpus and an analysis of the unseen set against its hand-made labels
 * (test/fixtures/unseen-corpus/labels.json): body paragraphs kept, furniture lines kept, quotations found,
 * speakers right, quotations given to the wrong person, people and places precision and recall.
 */
import { comparableWords } from '../../src/analysis/alike.ts';
import type { Analysis, Entity, Quotation } from '../../src/analysis/types.ts';
import type { Corpus, Passage } from '../../src/corpus/types.ts';
import { fold } from '../../src/text/fold.ts';
import type { UnseenArticleLabel, UnseenLabels, UnseenQuotationLabel } from '../../test/support/unseen-labels.ts';

/** Share of a labelled quotation's words the reported pieces must cover for it to count as found. */
const COVERAGE = 0.9;

export interface TextScore {
  bodyParagraphs: number;
  /** Labelled body paragraphs that no passage keeps whole, as "article id: paragraph". */
  bodyMissing: string[];
  furnitureLines: number;
  /** Labelled furniture lines found in passages outside the body, as "article id: line". */
  furnitureKept: string[];
  /** Other passage text that is neither body nor labelled furniture (a headline, an unlabelled line). */
  unlabelledKept: string[];
}

export interface QuotationScore {
  labelled: number;
  found: number;
  right: number;
  /**
   * Pieces that keep the speaker as printed without resolving it to the canonical name ("Mr Okonkwo", "the
   * minister", where the labels name "Emeka Okonkwo"): the right words, not the right entity; neither right nor wrong.
   */
  unresolved: string[];
  /** Reported pieces naming a speaker the label does not give (an honest null is never wrong). */
  wrong: string[];
  /** Labelled quotations not found, or found with a missing or wrong speaker. */
  misses: string[];
  /** Scare quotes and terms reported as quotations. */
  notQuotationsReported: string[];
  /** Reported quotations that hold no labelled quotation's words. */
  unlabelledReported: string[];
}

export interface SetScore {
  labelled: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  /** Labelled but not found, as "article id: name". */
  missed: string[];
  /** Found but not labelled, as "article id: name". */
  extra: string[];
}

export interface AnalysisScore {
  quotations: QuotationScore;
  people: SetScore;
  places: SetScore;
}

const articlesOf = (labels: UnseenLabels): UnseenArticleLabel[] => labels.pages.flatMap((page) => page.articles);

/** Text without whitespace, NFC: passages collapse and cut whitespace, so only the visible characters compare. */
const visible = (text: string): string => text.normalize('NFC').replace(/\s+/gu, '');

function passagesByArticle(corpus: Corpus): Map<string, Passage[]> {
  const byArticle = new Map<string, Passage[]>();
  for (const passage of corpus.passages) {
    const list = byArticle.get(passage.articleId) ?? [];
    list.push(passage);
    byArticle.set(passage.articleId, list);
  }
  for (const list of byArticle.values()) list.sort((a, b) => a.index - b.index);
  return byArticle;
}

/** Body paragraphs kept and furniture kept, from the corpus alone (cleaning does not depend on the analysis). */
export function scoreText(corpus: Corpus, labels: UnseenLabels): TextScore {
  const byArticle = passagesByArticle(corpus);
  const score: TextScore = { bodyParagraphs: 0, bodyMissing: [], furnitureLines: 0, furnitureKept: [], unlabelledKept: [] };
  for (const page of labels.pages) {
    const leftovers: { articleId: string; text: string }[] = [];
    for (const article of page.articles) {
      const text = visible((byArticle.get(article.id) ?? []).map((passage) => passage.text).join(''));
      let at = 0;
      for (const paragraph of article.body) {
        score.bodyParagraphs++;
        const found = text.indexOf(visible(paragraph), at);
        if (found === -1) {
          score.bodyMissing.push(`${article.id}: ${paragraph}`);
          continue;
        }
        if (found > at) leftovers.push({ articleId: article.id, text: text.slice(at, found) });
        at = found + visible(paragraph).length;
      }
      if (at < text.length) leftovers.push({ articleId: article.id, text: text.slice(at) });
    }
    score.furnitureLines += page.furniture.length;
    const explained = leftovers.map((leftover) => ({ ...leftover, rest: leftover.text }));
    // Longest lines first, so that a short line ("Share") is not counted inside a longer one ("Share on X").
    for (const line of [...page.furniture].sort((a, b) => b.length - a.length)) {
      const key = visible(line);
      const holder = explained.find((leftover) => leftover.rest.includes(key));
      if (!holder) continue;
      score.furnitureKept.push(`${holder.articleId}: ${line}`);
      holder.rest = holder.rest.replace(key, ' ');
    }
    for (const leftover of explained) {
      for (const piece of leftover.rest.split(' ')) if (piece !== '') score.unlabelledKept.push(`${leftover.articleId}: ${piece}`);
    }
  }
  return score;
}

const words = (text: string): string => comparableWords(text).join(' ');
/** Whether one text's words appear, word for word, inside the other's. */
const within = (inner: string, outer: string): boolean => ` ${words(outer)} `.includes(` ${words(inner)} `);
/** Honorifics and ranks printed before a name: "Dr Emeka Okonkwo" is Emeka Okonkwo. */
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|commander|councillor|senator)\.?\s+/u;
/** A name or source compared loosely: folded, no leading article or honorific, no punctuation at the ends. */
const nameKey = (name: string): string =>
  fold(name)
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/^(?:a|an|the)\s+/u, '')
    .replace(HONORIFIC, '');

type Verdict = 'right' | 'unresolved' | 'wrong';

function speakerVerdict(piece: Quotation, label: UnseenQuotationLabel, entities: ReadonlyMap<string, Entity>): Verdict {
  if (piece.speaker === null) return label.speaker === null ? 'right' : 'unresolved';
  if (label.speaker === null) return 'wrong';
  const wanted = new Set([label.speaker, ...(label.accept ?? [])].map(nameKey));
  const entity = entities.get(piece.speaker);
  const names = [piece.speaker, piece.speakerName ?? '', ...(entity ? [entity.name] : [])];
  if (names.some((name) => wanted.has(nameKey(name)))) return 'right';
  // The speaker exactly as the labelled attribution prints it ("Mr Okonkwo said"), left unresolved.
  const printed = nameKey(piece.speakerName ?? piece.speaker);
  return printed !== '' && `${nameKey(label.asPrinted)} `.startsWith(`${printed} `) ? 'unresolved' : 'wrong';
}

export function scoreQuotations(analysis: Analysis, labels: UnseenLabels): QuotationScore {
  const entities = new Map(analysis.entities.map((entity) => [entity.id, entity]));
  const score: QuotationScore = {
    labelled: 0,
    found: 0,
    right: 0,
    unresolved: [],
    wrong: [],
    misses: [],
    notQuotationsReported: [],
    unlabelledReported: [],
  };
  for (const article of articlesOf(labels)) {
    const reported = analysis.quotations.filter((quotation) => quotation.articleId === article.id && words(quotation.text) !== '');
    // Each reported piece counts for one label: the most specific (shortest) labelled quotation that holds its words.
    const labelOf = new Map<Quotation, UnseenQuotationLabel>();
    for (const quotation of reported) {
      const holders = article.quotations.filter((label) => within(quotation.text, label.text));
      const best = holders.sort((a, b) => comparableWords(a.text).length - comparableWords(b.text).length)[0];
      if (best) labelOf.set(quotation, best);
      else if (!article.notQuotations.some((phrase) => within(quotation.text, phrase.text) || within(phrase.text, quotation.text))) {
        score.unlabelledReported.push(`${article.id}: "${quotation.text}" (${quotation.speakerName ?? 'unattributed'})`);
      }
    }
    for (const phrase of article.notQuotations) {
      if (reported.some((quotation) => words(quotation.text) === words(phrase.text))) {
        score.notQuotationsReported.push(`${article.id}: "${phrase.text}"`);
      }
    }
    for (const label of article.quotations) {
      score.labelled++;
      const pieces = reported.filter((quotation) => labelOf.get(quotation) === label);
      const covered = pieces.reduce((sum, piece) => sum + comparableWords(piece.text).length, 0);
      const found = covered >= COVERAGE * comparableWords(label.text).length;
      const verdicts = pieces.map((piece) => speakerVerdict(piece, label, entities));
      const right = found && verdicts.every((verdict) => verdict === 'right');
      if (found) score.found++;
      if (right) score.right++;
      pieces.forEach((piece, i) => {
        const line = `${article.id}: "${piece.text.slice(0, 50)}" -> ${piece.speakerName ?? piece.speaker} (want ${label.speaker ?? 'unattributed'})`;
        if (verdicts[i] === 'wrong') score.wrong.push(line);
        if (verdicts[i] === 'unresolved' && piece.speaker !== null) score.unresolved.push(line);
      });
      if (!right) {
        const given = pieces.map((piece) => piece.speakerName ?? piece.speaker ?? 'unattributed').join(', ') || 'not found';
        score.misses.push(`${article.id}: "${label.text.slice(0, 50)}" -> ${given} (want ${label.speaker ?? 'unattributed'})`);
      }
    }
  }
  return score;
}

/** People or places: the entities of that kind with a mention in each article, against the labelled names. */
function scoreEntitySet(analysis: Analysis, labels: UnseenLabels, kind: 'person' | 'place'): SetScore {
  const entities = new Map(analysis.entities.map((entity) => [entity.id, entity]));
  const articleOfPassage = (passageId: string): string => passageId.slice(0, passageId.lastIndexOf(':'));
  const mentioned = new Map<string, Set<Entity>>();
  for (const mention of analysis.mentions) {
    const entity = entities.get(mention.entityId);
    if (entity?.kind !== kind) continue;
    const articleId = articleOfPassage(mention.passageId);
    const set = mentioned.get(articleId) ?? new Set<Entity>();
    set.add(entity);
    mentioned.set(articleId, set);
  }
  const score: SetScore = { labelled: 0, predicted: 0, matched: 0, precision: 0, recall: 0, missed: [], extra: [] };
  for (const article of articlesOf(labels)) {
    const wanted = kind === 'person' ? article.people : article.places;
    const found = [...(mentioned.get(article.id) ?? [])];
    const keysOf = (entity: Entity): Set<string> => new Set([entity.name, ...entity.aliases].map(nameKey));
    score.labelled += wanted.length;
    score.predicted += found.length;
    for (const name of wanted) {
      if (found.some((entity) => keysOf(entity).has(nameKey(name)))) score.matched++;
      else score.missed.push(`${article.id}: ${name}`);
    }
    for (const entity of found) {
      if (!wanted.some((name) => keysOf(entity).has(nameKey(name)))) score.extra.push(`${article.id}: ${entity.name}`);
    }
  }
  const precisionMatched = score.predicted - score.extra.length;
  score.precision = score.predicted === 0 ? 0 : precisionMatched / score.predicted;
  score.recall = score.labelled === 0 ? 0 : score.matched / score.labelled;
  return score;
}

export function scoreAnalysis(analysis: Analysis, labels: UnseenLabels): AnalysisScore {
  return {
    quotations: scoreQuotations(analysis, labels),
    people: scoreEntitySet(analysis, labels, 'person'),
    places: scoreEntitySet(analysis, labels, 'place'),
  };
}

const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
const list = (items: readonly string[], limit = 40): string[] =>
  items
    .slice(0, limit)
    .map((item) => `    ${item}`)
    .concat(items.length > limit ? [`    ... and ${items.length - limit} more`] : []);

export function formatTextScore(score: TextScore): string {
  return [
    `body paragraphs kept: ${score.bodyParagraphs - score.bodyMissing.length}/${score.bodyParagraphs}`,
    ...list(score.bodyMissing),
    `furniture lines kept in passages: ${score.furnitureKept.length} (of ${score.furnitureLines} labelled)`,
    ...list(score.furnitureKept),
    `other unlabelled text kept in passages: ${score.unlabelledKept.length}`,
    ...list(score.unlabelledKept),
  ].join('\n');
}

export function formatAnalysisScore(score: AnalysisScore): string {
  const { quotations: q, people, places } = score;
  const set = (name: string, s: SetScore): string[] => [
    `${name}: precision ${s.precision.toFixed(2)} (${s.predicted - s.extra.length}/${s.predicted}), recall ${s.recall.toFixed(2)} (${s.matched}/${s.labelled})`,
    ...(s.missed.length > 0 ? ['  missed:', ...list(s.missed)] : []),
    ...(s.extra.length > 0 ? ['  not labelled:', ...list(s.extra)] : []),
  ];
  return [
    `quotations found: ${q.found}/${q.labelled} (${percent(q.found, q.labelled)})`,
    `speakers right: ${q.right}/${q.labelled} (${percent(q.right, q.labelled)})`,
    `given to the wrong person: ${q.wrong.length}`,
    ...list(q.wrong),
    `speaker kept as printed, not resolved to the labelled name: ${q.unresolved.length}`,
    ...list(q.unresolved),
    `scare quotes reported as quotations: ${q.notQuotationsReported.length}`,
    ...list(q.notQuotationsReported),
    `reported quotations no label holds: ${q.unlabelledReported.length}`,
    ...list(q.unlabelledReported),
    ...(q.misses.length > 0 ? ['  not found or not right:', ...list(q.misses)] : []),
    ...set('people', people),
    ...set('places', places),
  ].join('\n');
}
