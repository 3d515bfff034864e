import fs from 'node:fs';
import path from 'node:path';
import type { Desk } from '../../src/desk/desk.ts';
import type { Answer } from '../../src/answers/model.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { answerLine } from '../../src/console/answer-line.ts';

/** One hand-written question and what a right answer holds. */
export interface EvalQuestion {
  line: string;
  status: Answer['status'];
  /** Outlets a right answer cites (as a result, or in "also reported by"). */
  cites?: string[];
  /** Text that some snippet of a right answer holds, verbatim. */
  texts?: string[];
  /** Outlets a right answer must not cite, as a result or in "also reported by": they do not say it. */
  notCited?: string[];
  /** For /quote: the speaker every quotation result must name. */
  speaker?: string;
  /** Text one of which every result must hold verbatim: a result holding none does not answer the question (padding). */
  answers?: string[];
  /** For /compare: the only figure values that may be set side by side (the ones measuring the topic). */
  figureValues?: number[];
  /** Text the answer's first line (its message) must hold, e.g. the speaker of a who-said question. */
  lead?: string;
  why?: string;
}

export interface EvalFigures {
  questions: number;
  /** Expected outlet citations found / expected. */
  citationRecall: number;
  /** Expected texts found / expected. */
  textRecall: number;
  /** Results citing an outlet that does not say it, a snippet not in its outlet's page, or a wrong speaker. */
  falseCitations: number;
  /** "Also reported by" credits checked against the credited outlet's page, and those whose page lacks the words shown. */
  creditsChecked: number;
  falseCredits: number;
  /** "Only in" results checked against every other outlet's page, and those another outlet prints alike. */
  onlyInChecked: number;
  falseOnlyIn: number;
  /** Results checked for padding (questions with `answers`), and those that do not answer the question. */
  resultsJudged: number;
  paddedResults: number;
  /** /compare figures shown that measure something other than the topic. */
  offTopicFigures: number;
  /** Answers whose first line holds the expected lead, of those expected. */
  leadsRight: number;
  leadsExpected: number;
  /** Snippets holding page furniture. */
  furnitureSnippets: number;
  /** Questions answered with the expected status (ok, empty, invalid). */
  statusAccuracy: number;
  /** Questions that must come back empty and did. */
  emptyWhenExpected: number;
  emptyExpected: number;
  failures: string[];
}

/** Page furniture seen in the pages: none of it may ever reach a snippet. */
export const FURNITURE = [
  /Sponsor/i,
  /NextImg/,
  /QWIKET/,
  /GETTY IMAGES/i,
  /^Reuters$/m,
  /\bGetty\b/,
  /You may also like/i,
  /Download the App/i,
  /time\d+ days? ago/i,
  /\b\d{1,2}:\d{2}\b/,
  /Declan Rice/,
  /app-store/,
  /Remer,MN/,
  /THE AMERICA ONE NEWS/,
  /Latest news with/,
];

export function loadQuestions(file = path.resolve('test/fixtures/eval-questions.json')): EvalQuestion[] {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as EvalQuestion[];
}

export async function score(desk: Desk, corpus: Corpus, corpusDir: string, questions: EvalQuestion[]): Promise<EvalFigures> {
  const pages = new Map<string, string>();
  const rawOf = (file: string) => pages.get(file) ?? pages.set(file, fs.readFileSync(path.join(corpusDir, file), 'utf8')).get(file)!;
  const articleById = new Map(corpus.articles.map((article) => [article.id, article]));
  const pageText = articlePageText(corpus, rawOf);
  const passageById = new Map(corpus.passages.map((passage) => [passage.id, passage]));
  const figures: EvalFigures = {
    questions: questions.length,
    citationRecall: 0,
    textRecall: 0,
    falseCitations: 0,
    creditsChecked: 0,
    falseCredits: 0,
    onlyInChecked: 0,
    falseOnlyIn: 0,
    resultsJudged: 0,
    paddedResults: 0,
    leadsRight: 0,
    leadsExpected: 0,
    offTopicFigures: 0,
    furnitureSnippets: 0,
    statusAccuracy: 0,
    emptyWhenExpected: 0,
    emptyExpected: 0,
    failures: [],
  };
  let citesExpected = 0,
    citesFound = 0,
    textsExpected = 0,
    textsFound = 0,
    statusRight = 0;

  for (const question of questions) {
    const answer = await answerLine(desk, question.line);
    const fail = (what: string) => figures.failures.push(`${question.line}: ${what}`);
    if (answer.status === question.status) statusRight++;
    else fail(`status ${answer.status}, expected ${question.status} (${answer.message})`);
    if (question.status === 'empty') {
      figures.emptyExpected++;
      if (answer.status === 'empty') figures.emptyWhenExpected++;
    }
    const cited = new Set(answer.results.flatMap((result) => [result.outlet, ...result.alsoIn.map((other) => other.outlet)]));
    for (const outlet of question.cites ?? []) {
      citesExpected++;
      if (cited.has(outlet)) citesFound++;
      else fail(`does not cite ${outlet}`);
    }
    for (const text of question.texts ?? []) {
      textsExpected++;
      if (answer.results.some((result) => result.snippet.includes(text))) textsFound++;
      else fail(`no snippet holds "${text}"`);
    }
    for (const figure of question.figureValues ? (answer.figures ?? []) : []) {
      const stray = figure.values.filter((value) => !question.figureValues!.includes(value.value));
      if (stray.length === 0) continue;
      figures.offTopicFigures++;
      fail(`figures for "${figure.counts}" (${stray.map((value) => value.printed).join(', ')}) do not measure the topic`);
    }
    if (question.lead !== undefined) {
      figures.leadsExpected++;
      if (answer.message.includes(question.lead)) figures.leadsRight++;
      else fail(`first line "${answer.message}" does not say "${question.lead}"`);
    }
    for (const result of question.answers ? answer.results : []) {
      figures.resultsJudged++;
      if (question.answers!.some((text) => result.snippet.includes(text))) continue;
      figures.paddedResults++;
      fail(`padded: ${result.outlet}'s "${result.snippet.slice(0, 60)}" does not answer it`);
    }
    for (const result of answer.results) {
      const article = articleById.get(result.articleId);
      for (const outlet of [result.outlet, ...result.alsoIn.map((other) => other.outlet)]) {
        if (!question.notCited?.includes(outlet)) continue;
        figures.falseCitations++;
        fail(`cites ${outlet}, which does not say it`);
      }
      if (
        !article ||
        article.outlet !== result.outlet ||
        !groundedIn(result.snippet, rawOf(article.file), result.passageId ? passageById.get(result.passageId) : undefined)
      ) {
        figures.falseCitations++;
        fail(`snippet not found in ${result.outlet}'s page: "${result.snippet.slice(0, 60)}"`);
      }
      if (question.speaker && result.speaker && result.speaker !== question.speaker) {
        figures.falseCitations++;
        fail(`quotation attributed to ${result.speaker}, expected ${question.speaker}`);
      }
      for (const other of result.alsoIn) {
        figures.creditsChecked++;
        const missing = (result.sharedWords ?? [result.snippet])
          .flatMap(sentencesOfText)
          .find((words) => !pageText(other.articleId).includes(words));
        if (missing === undefined) continue;
        figures.falseCredits++;
        fail(`credits ${other.outlet}, whose page lacks "${missing.slice(0, 60)}"`);
      }
      if (result.label?.startsWith('Only in')) {
        figures.onlyInChecked++;
        const echoed = corpus.articles.find(
          (other) =>
            other.outlet !== result.outlet && sentencesOfText(result.snippet).some((words) => sharesHalf(words, pageText(other.id))),
        );
        if (echoed) {
          figures.falseOnlyIn++;
          fail(`"${result.label}", but ${echoed.outlet} prints alike words: "${result.snippet.slice(0, 60)}"`);
        }
      }
      if (FURNITURE.some((pattern) => pattern.test(result.snippet))) {
        figures.furnitureSnippets++;
        fail(`furniture in snippet: "${result.snippet.slice(0, 60)}"`);
      }
    }
  }
  figures.citationRecall = citesExpected === 0 ? 1 : citesFound / citesExpected;
  figures.textRecall = textsExpected === 0 ? 1 : textsFound / textsExpected;
  figures.statusAccuracy = statusRight / questions.length;
  return figures;
}

/**
 * Each article's text as printed on its page (its passages' spans of the raw page), as folded words:
 * what a credit is checked against. Independent of the pipeline's sentence splitting and grouping.
 */
function articlePageText(corpus: Corpus, rawOf: (file: string) => string): (articleId: string) => string {
  const texts = new Map<string, string>();
  const spans = new Map<string, { start: number; end: number }>();
  for (const passage of corpus.passages) {
    const span = spans.get(passage.articleId);
    spans.set(passage.articleId, span ? { start: Math.min(span.start, passage.start), end: Math.max(span.end, passage.end) } : passage);
  }
  return (articleId) => {
    let text = texts.get(articleId);
    if (text === undefined) {
      const article = corpus.articles.find((candidate) => candidate.id === articleId);
      const span = spans.get(articleId);
      text = article && span ? foldedWords(rawOf(article.file).slice(span.start, span.end)) : '';
      texts.set(articleId, text);
    }
    return text;
  };
}

/** Folded words between spaces: case, accents, quote marks and bracketed insertions ("[English]") aside. */
function foldedWords(text: string): string {
  const words = text
    .replace(/\[[^\]\n]{1,40}\]/gu, ' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return ` ${(words ?? []).join(' ')} `;
}

/** A text's sentences (cut at every . ! or ? before a space), each as folded words between spaces. */
function sentencesOfText(text: string): string[] {
  return text
    .split(/(?<=[.!?]['"’”)]*)\s+/u)
    .map(foldedWords)
    .filter((words) => words.trim().length > 0);
}

/** Whether half or more of a sentence's word triples occur in a page's words. */
function sharesHalf(sentence: string, page: string): boolean {
  const words = sentence.trim().split(' ');
  if (words.length < 4) return false;
  let shared = 0;
  for (let i = 0; i + 3 <= words.length; i++) if (page.includes(` ${words.slice(i, i + 3).join(' ')} `)) shared++;
  return shared * 2 >= words.length - 2;
}

/** Every word of the snippet appears, in order, in the raw page (inside the passage's span when known). */
function groundedIn(snippet: string, raw: string, span?: { start: number; end: number }): boolean {
  const source = span ? raw.slice(span.start, span.end) : raw;
  const words = snippet.match(/[\p{L}\p{N}]+/gu) ?? [];
  let at = 0;
  for (const word of words) {
    const found = source.indexOf(word, at);
    if (found < 0) return false;
    at = found + word.length;
  }
  return words.length > 0;
}
