import type { ChatInputCommandInteraction } from 'discord.js';
import { answerCommand } from '../src/discord/answer-command.ts';
import { buildSlashCommand, definitionOf } from '../src/discord/builder.ts';
import type { CommandContext } from '../src/discord/command-module.ts';

/** /compare: built from its definition in src/answers/commands.ts. */
const definition = definitionOf('compare');

export const data = buildSlashCommand(definition);

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  // Searches every article and sets figures side by side: defer.
  return answerCommand(interaction, context, { defer: true });
}
