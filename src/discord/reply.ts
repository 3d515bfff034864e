import { MessageFlags } from 'discord.js';
import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  AttachmentPayload,
  MessageMentionOptions,
  RepliableInteraction,
} from 'discord.js';
import { isVanishedError } from './errors.ts';
import { MESSAGE_CONTENT_MAX, truncate } from './limits.ts';

/**
 * The one way this bot answers an interaction. It owns the reply flags (ephemeral or public), the
 * mention policy (nothing the bot sends can ping anyone, @everyone included) and which call to use
 * given what has already been sent (reply, editReply after a defer, followUp after a reply).
 */

/** Sent with every message: no mention in any answer or echoed input pings anyone. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export interface ReplyPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Attached files (pictures); embeds show one with image.url "attachment://<name>". */
  files?: AttachmentPayload[];
}

export async function sendReply(interaction: RepliableInteraction, payload: ReplyPayload, options: { ephemeral: boolean }): Promise<void> {
  const body = {
    ...(payload.content === undefined ? {} : { content: truncate(payload.content, MESSAGE_CONTENT_MAX) }),
    embeds: payload.embeds ?? [],
    components: payload.components ?? [],
    ...(payload.files === undefined ? {} : { files: payload.files }),
    allowedMentions: NO_MENTIONS,
  };
  if (interaction.deferred && !interaction.replied) {
    // Ephemerality was fixed by the defer.
    await interaction.editReply(body);
  } else if (interaction.replied) {
    await interaction.followUp({ ...body, ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  } else {
    await interaction.reply({ ...body, ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  }
}

/** Defers a reply with the right visibility; the answer then follows through sendReply. */
export async function deferReply(interaction: RepliableInteraction, options: { ephemeral: boolean }): Promise<void> {
  await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
}

/**
 * Tells the user something went wrong, always privately. After a public defer, the "thinking…"
 * placeholder is removed first so that an error never sits in the channel.
 */
export async function sendError(interaction: RepliableInteraction, message: string): Promise<void> {
  const body = { content: truncate(message, MESSAGE_CONTENT_MAX), embeds: [], components: [], allowedMentions: NO_MENTIONS };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
    return;
  }
  if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
    await interaction.editReply(body);
    return;
  }
  if (interaction.deferred && !interaction.replied && !interaction.isMessageComponent()) {
    await interaction.deleteReply().catch((error: unknown) => {
      if (!isVanishedError(error)) throw error;
    });
  }
  await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
}
