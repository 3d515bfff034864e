import type { ChatInputCommandInteraction } from 'discord.js';
import { answerCommand } from '../src/discord/answer-command.ts';
import { autocompleteFrom } from '../src/discord/autocomplete.ts';
import { buildSlashCommand, definitionOf } from '../src/discord/builder.ts';
import type { CommandContext } from '../src/discord/command-module.ts';

/** /quote: built from its definition in src/answers/commands.ts. */
const definition = definitionOf('quote');

export const data = buildSlashCommand(definition);

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  // Looks through every quotation: defer, it can take more than a moment.
  return answerCommand(interaction, context, { defer: true });
}

export const autocomplete = autocompleteFrom(definition);
