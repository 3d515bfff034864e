import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { CommandContext, CommandModule } from './command-module.ts';
import { type Cooldown, cooldownMessage } from './cooldown.ts';
import { decodeCustomId } from './custom-id.ts';
import { UserFacingError, internalErrorMessage, isVanishedError, newErrorId } from './errors.ts';
import type { Logger } from '../runtime/log.ts';
import { turnPage } from './pagination.ts';
import { pinAnswer } from './pin.ts';
import { sendError } from './reply.ts';
import { shareAnswer } from './share.ts';
import { escapeText } from './text.ts';

/**
 * Routes every interaction: slash commands to their command file, autocomplete to the command's
 * autocomplete, buttons by their custom id. Each handler is wrapped: a UserFacingError is told to
 * the user privately, a vanished interaction or message is noted and dropped, anything else is
 * logged with an error id that the user also gets. One log line per interaction.
 */

export interface RouterOptions {
  commands: ReadonlyMap<string, CommandModule>;
  context: CommandContext;
  cooldown: Cooldown;
  logger: Logger;
}

export const UNKNOWN_COMMAND = (name: string) =>
  `I don't know the command /${escapeText(name)} any more: it may have been removed since the command list was last deployed. Try /help.`;
export const UNKNOWN_BUTTON =
  'This button no longer works: it belongs to an older version of the bot. Run the command again for a fresh answer.';

export function createInteractionRouter(options: RouterOptions): (interaction: Interaction) => Promise<void> {
  const { commands, context, cooldown, logger } = options;

  return async (interaction: Interaction) => {
    const started = performance.now();
    let kind = 'other';
    let name = '';
    let outcome = 'ignored';
    let errorId: string | undefined;
    try {
      if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        kind = interaction.isChatInputCommand() ? 'command' : 'message_command';
        name = interaction.commandName;
        outcome = await runCommand(interaction);
      } else if (interaction.isAutocomplete()) {
        kind = 'autocomplete';
        name = interaction.commandName;
        outcome = await runAutocomplete(interaction);
      } else if (interaction.isButton()) {
        kind = 'button';
        // The id's kind only: a page button's id carries the asker's words, which the log has no need of.
        name = interaction.customId.split(/[:|]/u)[0] ?? '';
        outcome = await runButton(interaction);
      }
    } catch (error) {
      ({ outcome, errorId } = await recover(interaction, error));
    }
    logger.info(
      {
        kind,
        command: name,
        outcome,
        latencyMs: Math.round(performance.now() - started),
        user: interaction.user.id,
        ...(interaction.guildId ? { guild: interaction.guildId } : {}),
        ...(errorId ? { errorId } : {}),
      },
      'interaction',
    );
  };

  async function runCommand(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction): Promise<string> {
    const command = commands.get(interaction.commandName);
    if (command === undefined) {
      await sendError(interaction, UNKNOWN_COMMAND(interaction.commandName));
      return 'unknown_command';
    }
    const verdict = cooldown.take(interaction.user.id);
    if (!verdict.allowed) {
      await sendError(interaction, cooldownMessage(verdict.retryAfterMs));
      return 'cooldown';
    }
    return (await command.execute(interaction, context)) ?? 'ok';
  }

  async function runAutocomplete(interaction: AutocompleteInteraction): Promise<string> {
    const command = commands.get(interaction.commandName);
    if (command?.autocomplete === undefined) {
      await interaction.respond([]);
      return 'no_autocomplete';
    }
    await command.autocomplete(interaction, context);
    return 'ok';
  }

  async function runButton(interaction: ButtonInteraction): Promise<string> {
    const id = decodeCustomId(interaction.customId);
    if (id === null) {
      await sendError(interaction, UNKNOWN_BUTTON);
      return 'unknown_button';
    }
    if (id.kind === 'page' || id.kind === 'kept-page') {
      await turnPage(interaction, id, context);
      return 'page';
    }
    if (id.kind === 'share') {
      await shareAnswer(interaction, id);
      return 'shared';
    }
    return pinAnswer(interaction, logger);
  }

  async function recover(interaction: Interaction, error: unknown): Promise<{ outcome: string; errorId?: string }> {
    if (isVanishedError(error)) {
      logger.warn({ error: asError(error) }, 'interaction vanished before it was answered');
      return { outcome: 'vanished' };
    }
    if (error instanceof UserFacingError) {
      await tell(interaction, error.message);
      return { outcome: 'refused' };
    }
    const errorId = newErrorId();
    logger.error({ errorId, error: asError(error) }, 'interaction failed');
    await tell(interaction, internalErrorMessage(errorId));
    return { outcome: 'error', errorId };
  }

  async function tell(interaction: Interaction, message: string): Promise<void> {
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
      } else if (interaction.isRepliable()) {
        await sendError(interaction, message);
      }
    } catch (error) {
      // The interaction expired or was answered already: the log line is all that is left to do.
      logger.warn({ error: asError(error) }, 'could not tell the user about a failure');
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
