import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import type { MessageContextMenuCommandInteraction } from 'discord.js';
import { CHECK_IN_COVERAGE, checkMessage } from '../src/discord/check-message.ts';
import type { CommandContext } from '../src/discord/command-module.ts';

/**
 * "Check in coverage": a message command (right-click a message → Apps). Discord registers it with a
 * name and no description; it answers privately, with Share.
 */
export const data = new ContextMenuCommandBuilder()
  .setName(CHECK_IN_COVERAGE)
  .setType(ApplicationCommandType.Message)
  .setContexts(InteractionContextType.Guild);

export async function execute(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Promise<string> {
  return checkMessage(interaction, context);
}
