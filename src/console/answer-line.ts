import { invalidAnswer } from '../answers/answer-request.ts';
import type { Desk } from '../desk/desk.ts';
import type { Answer } from '../answers/model.ts';
import { parseCommandLine } from './parse-line.ts';

/** Answers one command line as typed: a line the parser cannot take is answered as invalid, with why. */
export async function answerLine(desk: Desk, line: string): Promise<Answer> {
  const { problem, ...request } = parseCommandLine(line);
  return problem === undefined ? desk.answer(request) : invalidAnswer(request, problem);
}
