import { ButtonStyle, ComponentType, MessageFlags, PermissionFlagsBits, Routes } from 'discord.js';
import type { APIButtonComponent, ButtonInteraction } from 'discord.js';
import { encodeCustomId } from './custom-id.ts';
import { DiscordErrorCode, UserFacingError, discordErrorCode, isVanishedError } from './errors.ts';
import type { Logger } from '../runtime/log.ts';
import { NO_MENTIONS } from './reply.ts';

/**
 * The Pin button: moderators pin an answer as the channel's sourced record. Who may pin is decided
 * here, from the permissions Discord computed for the member in this channel (sent with the
 * interaction), never from anything the client could fake. Discord's own refusals get clear words.
 */

export function pinButton(): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Primary, label: '📌 Pin', custom_id: encodeCustomId({ kind: 'pin' }) };
}

export const PIN_PERMISSIONS = [PermissionFlagsBits.PinMessages, PermissionFlagsBits.ManageMessages];

export const PIN_MESSAGES = {
  pinned: '📌 Pinned this answer to the channel.',
  notInServer: 'Pinning works in server channels only.',
  memberLacksPermission: 'Only members with the Pin Messages or Manage Messages permission can pin answers in this channel.',
  botLacksPermission:
    "I can't pin here: I'm missing the Pin Messages permission (or access) in this channel. A server admin can grant it to my role.",
  pinListFull: "This channel's pin list is full. Unpin an older message, then press Pin again.",
  messageGone: 'That answer no longer exists, so it cannot be pinned.',
  failed: (code: string) => `Pinning failed (${code}). Please try again in a moment.`,
} as const;

/** Returns the outcome for the interaction log. */
export async function pinAnswer(interaction: ButtonInteraction, logger: Logger): Promise<string> {
  if (!interaction.inGuild() || interaction.memberPermissions === null) throw new UserFacingError(PIN_MESSAGES.notInServer);
  if (!interaction.memberPermissions.any(PIN_PERMISSIONS)) throw new UserFacingError(PIN_MESSAGES.memberLacksPermission);

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let outcome = 'pinned';
  let message: string = PIN_MESSAGES.pinned;
  try {
    await interaction.client.rest.put(Routes.channelMessagesPin(interaction.channelId, interaction.message.id), {
      reason: `Pinned by ${interaction.user.tag} (${interaction.user.id}) with the Pin button`,
    });
  } catch (error) {
    const code = discordErrorCode(error);
    if (code === DiscordErrorCode.MissingPermissions || code === DiscordErrorCode.MissingAccess) {
      [outcome, message] = ['bot_missing_permission', PIN_MESSAGES.botLacksPermission];
    } else if (code === DiscordErrorCode.MaxPinsReached) {
      [outcome, message] = ['pin_list_full', PIN_MESSAGES.pinListFull];
    } else if (code === DiscordErrorCode.UnknownMessage) {
      [outcome, message] = ['message_gone', PIN_MESSAGES.messageGone];
    } else if (isVanishedError(error)) {
      throw error;
    } else {
      outcome = 'pin_failed';
      message = PIN_MESSAGES.failed(code === undefined ? 'no answer from Discord' : `Discord error ${code}`);
      logger.warn({ error: error instanceof Error ? error : String(error) }, 'pin failed');
    }
  }
  await interaction.editReply({ content: message, allowedMentions: NO_MENTIONS });
  return outcome;
}
