import type { AnswerContext } from '../answers/context.ts';
import { answerRequest } from '../answers/answer-request.ts';
import type { AutocompleteSource } from '../answers/commands.ts';
import type { Answer, Choice } from '../answers/model.ts';
import type { AnswerRequest } from '../answers/request.ts';

/**
 * The desk: the answering host, as every front end sees it. It holds an answer context (in this thread
 * or a worker thread) and answers requests against it. Asynchronous so that the core can run off the
 * front end's thread, where building or loading a large index never stalls Discord heartbeats.
 */
export interface Desk {
  answer(request: AnswerRequest): Promise<Answer>;
  complete(source: AutocompleteSource, text: string): Promise<Choice[]>;
}

/** A desk answering in this thread over a context already built: the console, tests, the benchmark. */
export function mainThreadDesk(context: AnswerContext): Desk {
  return {
    answer: async (request) => answerRequest(context, request),
    complete: async (source, text) => context.names.complete(source, text),
  };
}
