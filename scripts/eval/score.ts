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
  /** Outlets a right answer must not cite: they do not say it. */
  notCited?: string[];
  /** For /quote: the speaker every quotation result must name. */
  speaker?: string;
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
  const passageById = new Map(corpus.passages.map((passage) => [passage.id, passage]));
  const figures: EvalFigures = {
    questions: questions.length,
    citationRecall: 0,
    textRecall: 0,
    falseCitations: 0,
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
    for (const result of answer.results) {
      const article = articleById.get(result.articleId);
      if (question.notCited?.includes(result.outlet)) {
        figures.falseCitations++;
        fail(`cites ${result.outlet}, which does not say it`);
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
