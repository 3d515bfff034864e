import type { ChatInputCommandInteraction } from 'discord.js';
import { buildSlashCommand, definitionOf } from '../src/discord/builder.ts';
import type { CommandContext } from '../src/discord/command-module.ts';
import { answerOverview } from '../src/discord/overview.ts';

/** /overview: pictures of the coverage, built from its definition in src/answers/commands.ts. */
export const data = buildSlashCommand(definitionOf('overview'));

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  return answerOverview(interaction, context);
}
