import { termOf, termsOf, tokenize } from '../search/terms.ts';
import { COVERAGE_FLOOR, answerSentences, readFocus, type Focus } from './answering.ts';
import type { AnswerContext } from './context.ts';
import { citeSpan, withoutRepeats } from './cite.ts';
import { asksAboutMoney } from './evidence.ts';
import { entitiesIn, findPassages, type FoundPassage } from './find-passages.ts';
import { ASK_MAX_RESULTS } from './limits.ts';
import type { Result } from './model.ts';
import type { CommandOutput } from './output.ts';
import { nothingMessage } from './output.ts';
import { readQuestion, type Question } from './question.ts';
import { quote } from './quote.ts';
import { whoSaid } from './who-said.ts';

/**
 * /ask: as many results as answer the question, best first, and no filler. A result is a passage's
 * answering sentences: they hold the question's focus words (the ones that carry what is asked, not
 * the story's topic words every outlet prints) and what the question's kind asks for (a date for
 * "when", a reason for "why", a count for "how many", a definition for "what is"), and it covers those
 * words at least 60% as well as the best answer does. Alike answers from several outlets are one result, the others
 * listed when they print the same words.
 */
export function ask(context: AnswerContext, options: { question: string }): CommandOutput {
  const question = readQuestion(options.question);
  if (question.kind === 'what-said') {
    const quoted = whatSaid(context, question);
    if (quoted) return quoted;
  }
  const search =
    termsOf(question.search).length > 0 || entitiesIn(context, question.search).length > 0 ? question.search : options.question;
  const found = findPassages(context, search);
  if (found.kind === 'no-terms') {
    return { status: 'invalid', message: 'Ask with some words about the story, e.g. "who ruled out hosting a hub?".', results: [] };
  }
  if (found.kind === 'nothing') return { status: 'empty', message: nothingMessage(found.missing), results: [] };
  const focus = readFocus(context, search);
  if (focus.unknown.length > 0 && focus.unknown.length * 2 >= focus.terms.length) {
    return { status: 'empty', message: nothingMessage(focus.unknownWords), results: [] };
  }
  if (question.kind === 'who-said') {
    const quoted = whoSaid(context, question, found.passages, focus);
    if (quoted.status === 'ok') return quoted;
    // Words in scare quotes ("called the talks a 'fig leaf'") are no quotation: the passages that say who may still answer.
    const said = answerFromPassages(context, { ...question, kind: 'other' }, found.passages, focus);
    return said.status === 'ok' ? { ...said, message: `No quotation in the coverage holds those words; ${said.message}` } : quoted;
  }
  return answerFromPassages(context, question, found.passages, focus);
}

/** What each thing of the asked kind named adds to a which-question's answer score. */
const NAMED_WEIGHT = 0.25;
/** How many of the best found passages are read for answering sentences. */
const READ_DEPTH = 40;

function answerFromPassages(context: AnswerContext, question: Question, found: FoundPassage[], focus: Focus): CommandOutput {
  const { story } = context;
  const options = {
    ...(question.subject ? { subject: question.subject } : {}),
    ...(question.names ? { names: question.names } : {}),
    money: asksAboutMoney(question.search),
    counted: countedTerms(question.search),
  };
  const answers: { hit: FoundPassage; from: number; to: number; names: number; coverage: number; score: number }[] = [];
  for (const hit of found.slice(0, READ_DEPTH)) {
    const span = answerSentences(context, hit, question.kind, focus, options);
    // "which countries ...": the more of them a passage names, the better it answers.
    if (span) answers.push({ hit, ...span, score: hit.score * (question.kind === 'which' ? 1 + NAMED_WEIGHT * span.names : 1) });
  }
  answers.sort((a, b) => b.score - a.score);
  // The floor: an answer covers the question's focus nearly as well as the best one does, and a
  // which-question's answer names at least half as many of the things asked for.
  const bestCoverage = Math.max(0, ...answers.map((answer) => answer.coverage));
  const mostNames = Math.max(0, ...answers.map((answer) => answer.names));
  const kept = answers.filter(
    (answer) => answer.coverage >= bestCoverage * COVERAGE_FLOOR && (question.kind !== 'which' || answer.names * 2 >= mostNames),
  );
  const distinct = withoutRepeats(kept, (answer) => answer.hit.passage.id, story);
  const results: Result[] = [];
  for (const { hit, from, to } of distinct) {
    const result = citeSpan(story, hit.passage, from, to, hit.highlights);
    if (results.some((shown) => repeats(shown, result))) continue;
    results.push(result);
    if (results.length === ASK_MAX_RESULTS) break;
  }
  if (results.length === 0) return { status: 'empty', message: nothingAnswers(question), results: [] };
  return {
    status: 'ok',
    message: `${results.length} passage${results.length === 1 ? '' : 's'} answer${results.length === 1 ? 's' : ''} that, best first.`,
    results,
  };
}

/** What a how-many question counts: its words before the first word that is not a content word ("small boat migrants have ..."). */
function countedTerms(search: string): string[] {
  const counted: string[] = [];
  for (const word of tokenize(search)) {
    const term = termOf(word);
    if (term === null) break;
    counted.push(term);
  }
  return counted;
}

/** A result whose words an earlier one shows already, crediting its outlet: it adds nothing. */
function repeats(shown: Result, result: Result): boolean {
  if (!shown.alsoIn.some((other) => other.articleId === result.articleId)) return false;
  const words = (text: string) => termsOf(text).join(' ');
  return words(shown.snippet).includes(words(result.snippet)) || words(result.snippet).includes(words(shown.snippet));
}

/** What is missing when passages share the question's words but none holds what it asks for. */
function nothingAnswers(question: Question): string {
  const wanted: Partial<Record<Question['kind'], string>> = {
    when: 'a date for that',
    why: 'a reason for that',
    'how-many': 'a count of that',
    'how-much': 'an amount for that',
    'what-is': `what ${question.subject ?? 'that'} is`,
    who: 'who did that',
    which: `which ${question.search.split(' ')[0]}`,
  };
  const says = wanted[question.kind];
  return says ? `Nothing in the coverage answers that: no passage says ${says}.` : 'Nothing in the coverage answers that.';
}

/** "what did X say (about Y)?": X's quotations, when X is a speaker the coverage knows by that name or title. */
function whatSaid(context: AnswerContext, question: Question): CommandOutput | undefined {
  const who = question.subject!;
  const resolved = context.names.resolve('speaker', who);
  if (!resolved?.exact) return undefined;
  const answer = quote(context, { who, ...(question.about ? { about: question.about } : {}) });
  if (answer.status !== 'ok') return undefined;
  return { ...answer, results: answer.results.slice(0, ASK_MAX_RESULTS) };
}
