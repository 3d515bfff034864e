import type { Answer, Choice } from './model.ts';
import type { AutocompleteSource } from './commands.ts';

/** A request from any front end: the command, its raw option values, and the line as typed. */
export interface AnswerRequest {
  command: string;
  options: Record<string, unknown>;
  /** The input as the user typed it, echoed in the answer; built from command and options when absent. */
  input?: string;
}

/**
 * The pure core as the front ends see it. Knows nothing of Discord or terminals.
 * Asynchronous so that the core can run off the front end's thread (a worker), where building or
 * loading a large index never stalls Discord heartbeats.
 */
export interface Desk {
  answer(request: AnswerRequest): Promise<Answer>;
  complete(source: AutocompleteSource, text: string): Promise<Choice[]>;
}
