import type { Answer } from './model.ts';

/** What a command function returns; the desk adds the request's input, command and options. */
export type CommandOutput = Pick<Answer, 'status' | 'message' | 'results'> & Partial<Pick<Answer, 'notes' | 'figures' | 'overview'>>;

export function nothingMessage(missing: string[]): string {
  const named = missing.length > 0 ? ` (nothing mentions ${missing.map((word) => `"${word}"`).join(', ')})` : '';
  return `Nothing in the coverage answers that${named}.`;
}

export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Said before an answer about a name that was not typed exactly, so that no one mistakes Prussia for Russia. */
export function closestMatch(typed: string, name: string, exact: boolean): string {
  return exact ? '' : `Closest match for "${typed}": ${name}. `;
}

/** " The closest name in the coverage is X." when there is one: said in an empty answer about an unknown name. */
export function nearestName(name: string | undefined): string {
  return name ? ` The closest name in the coverage is ${name}.` : '';
}
