import type { ChatInputCommandInteraction } from 'discord.js';
import { answerCommand } from '../src/discord/answer-command.ts';
import { buildSlashCommand, definitionOf } from '../src/discord/builder.ts';
import type { CommandContext } from '../src/discord/command-module.ts';

/** /ask: built from its definition in src/answers/commands.ts. */
const definition = definitionOf('ask');

export const data = buildSlashCommand(definition);

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  // Searches every article: defer so that a slow search never misses Discord's 3-second deadline.
  return answerCommand(interaction, context, { defer: true });
}
