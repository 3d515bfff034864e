import type { ChatInputCommandInteraction } from 'discord.js';
import { answerCommand } from '../src/discord/answer-command.ts';
import { buildSlashCommand, definitionOf } from '../src/discord/builder.ts';
import type { CommandContext } from '../src/discord/command-module.ts';

/** /sources: built from its definition in src/answers/commands.ts. */
const definition = definitionOf('sources');

export const data = buildSlashCommand(definition);

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  // A list the desk already holds: answered at once.
  return answerCommand(interaction, context, { defer: false });
}
