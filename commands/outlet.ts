import type { ChatInputCommandInteraction } from 'discord.js';
import { answerCommand } from '../src/discord/answer-command.ts';
import { autocompleteFrom } from '../src/discord/autocomplete.ts';
import { buildSlashCommand, definitionOf } from '../src/discord/builder.ts';
import type { CommandContext } from '../src/discord/command-module.ts';

/** /outlet: built from its definition in src/answers/commands.ts. */
const definition = definitionOf('outlet');

export const data = buildSlashCommand(definition);

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  // Compares the article with every other outlet's to find what only it reports: defer.
  return answerCommand(interaction, context, { defer: true });
}

export const autocomplete = autocompleteFrom(definition);
