/** The message command's name, exactly as Discord shows it in the Apps menu. */
export const CHECK_IN_COVERAGE = 'Check in coverage';

/** How much of the message the answer's title repeats. */
const ECHO_MAX = 120;

/** The title of a check's answer on Discord: the command's name and the start of the message checked. */
export function checkInput(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return `${CHECK_IN_COVERAGE}: “${flat.length > ECHO_MAX ? `${flat.slice(0, ECHO_MAX - 1).trimEnd()}…` : flat}”`;
}
