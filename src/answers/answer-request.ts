import { ask } from './ask.ts';
import { check } from './check.ts';
import { compare } from './compare.ts';
import type { AnswerContext } from './context.ts';
import { country } from './country.ts';
import type { AnswerRequest } from './request.ts';
import { help } from './help.ts';
import type { Answer } from './model.ts';
import { outlet } from './outlet.ts';
import { overview } from './overview.ts';
import type { CommandOutput } from './output.ts';
import { quote } from './quote.ts';
import { sources } from './sources.ts';
import { validate, type ValidOptions } from './validate.ts';

type CommandFunction = (context: AnswerContext, options: ValidOptions) => CommandOutput;

/** One answer function per command: options in, answer out. */
const answerFunctions: Record<string, CommandFunction> = {
  ask: (context, options) => ask(context, { question: options.question! }),
  country: (context, options) => country(context, { name: options.name! }),
  quote: (context, options) => quote(context, { who: options.who!, ...(options.about ? { about: options.about } : {}) }),
  outlet: (context, options) => outlet(context, { name: options.name! }),
  compare: (context, options) => compare(context, { topic: options.topic! }),
  check: (context, options) => check(context, { text: options.text! }),
  overview: (context) => overview(context),
  sources: (context) => sources(context),
  help: (context) => help(context),
};

/**
 * The core's one entry: validates a request, dispatches it to its command's answer function, and wraps
 * the output in the answer model. Synchronous and pure; the desk decides which thread runs it.
 */
export function answerRequest(context: AnswerContext, request: AnswerRequest): Answer {
  const input = request.input ?? inputOf(request);
  const validation = validate(request.command, request.options);
  if (!validation.ok) return invalidAnswer(request, validation.message);
  const output = answerFunctions[validation.command.name]!(context, validation.options);
  const notes = [...(output.notes ?? []), ...cutPageNotes(context, output)];
  return { input, command: validation.command.name, options: validation.options, ...output, notes, corpusVersion: corpusVersion(context) };
}

/** Enough of the corpus hash to tell versions apart in a button's custom id. */
export function corpusVersion(context: AnswerContext): string {
  return context.story.corpus.hash.slice(0, 8);
}

/** A snippet from a page that lost its opening or has cuts may read oddly: say so wherever one is cited. */
function cutPageNotes(context: AnswerContext, output: CommandOutput): string[] {
  if (output.results.some((result) => result.passageId === null)) return [];
  const cut = new Set(
    output.results.map((result) => context.story.articleById.get(result.articleId)).filter((article) => article?.truncated),
  );
  return [...cut].map(
    (article) =>
      `${article!.outlet}'s page is incomplete (part of its text is lost): a passage from it may start or break off mid-sentence.`,
  );
}

/** The answer to a request that cannot be answered as given: what was wrong, and what is accepted. */
export function invalidAnswer(request: AnswerRequest, message: string): Answer {
  return {
    input: request.input ?? inputOf(request),
    command: request.command,
    options: stringOptions(request.options),
    status: 'invalid',
    message,
    results: [],
    notes: [],
  };
}

function inputOf(request: AnswerRequest): string {
  const options = Object.entries(request.options).filter(([, value]) => value !== undefined && value !== null);
  return [`/${request.command}`, ...options.map(([name, value]) => `${name}:${String(value)}`)].join(' ');
}

function stringOptions(options: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(options)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => [name, String(value)]),
  );
}
