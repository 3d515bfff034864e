import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { CommandDefinition } from '../answers/commands.ts';
import type { Choice } from '../answers/model.ts';
import type { CommandContext } from './command-module.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX, INTERACTION_RESPONSE_DEADLINE_MS, truncate } from './limits.ts';

/**
 * How long suggestions may take. Discord drops an autocomplete answer after 3 s; past this budget
 * the user gets an empty list (they can still type the value) instead of an error.
 */
export const AUTOCOMPLETE_BUDGET_MS = INTERACTION_RESPONSE_DEADLINE_MS - 700;

/**
 * Autocomplete for a command's options: asks the desk for suggestions from the option's source
 * (places, speakers, outlets) and answers within Discord's deadline.
 */
export function autocompleteFrom(definition: CommandDefinition) {
  return async (interaction: AutocompleteInteraction, context: CommandContext): Promise<void> => {
    const focused = interaction.options.getFocused(true);
    const source = definition.options.find((option) => option.name === focused.name)?.autocomplete;
    const choices =
      source === undefined ? [] : await withinDeadline(context.desk.complete(source, String(focused.value)), AUTOCOMPLETE_BUDGET_MS, []);
    await interaction.respond(toDiscordChoices(choices));
  };
}

/**
 * At most 25 choices, names shortened to 100 characters, no duplicate values. A value longer than
 * 100 characters cannot be sent and is left out: shortening it would make it name something else.
 */
export function toDiscordChoices(choices: Choice[]): ApplicationCommandOptionChoiceData<string>[] {
  const seen = new Set<string>();
  const out: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const choice of choices) {
    if (out.length >= AUTOCOMPLETE_CHOICES_MAX) break;
    const value = choice.value;
    if (value.length === 0 || value.length > CHOICE_VALUE_MAX || seen.has(value)) continue;
    seen.add(value);
    const name = truncate(choice.name.trim() || value, CHOICE_NAME_MAX);
    out.push({ name, value });
  }
  return out;
}

/** Resolves with `fallback` when `work` takes longer than `ms`. */
export async function withinDeadline<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
