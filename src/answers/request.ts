/** A request from any front end: the command, its raw option values, and the line as typed. */
export interface AnswerRequest {
  command: string;
  options: Record<string, unknown>;
  /** The input as the user typed it, echoed in the answer; built from command and options when absent. */
  input?: string;
}
