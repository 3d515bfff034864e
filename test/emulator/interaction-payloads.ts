// INTERACTION_CREATE payloads as Discord sends them for a guild text channel, typed against
// discord-api-types so that a missing or misnamed field fails the type check.
import { randomBytes } from 'node:crypto';
import type {
  APIApplicationCommand,
  APIApplicationCommandAutocompleteGuildInteraction,
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandGuildInteraction,
  APIInteractionDataResolved,
  APIMessage,
  APIMessageApplicationCommandGuildInteraction,
  APIMessageComponentGuildInteraction,
  Locale,
} from 'discord.js';
import type { EmulatorState } from './state.ts';
import type { ResolvedOption } from './interaction-options.ts';

export const InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

export interface InteractionContext {
  userId: string;
  channelId: string;
}

export type CommandInteractionPayload = APIChatInputApplicationCommandGuildInteraction | APIApplicationCommandAutocompleteGuildInteraction;
export type InteractionPayload =
  CommandInteractionPayload | APIMessageApplicationCommandGuildInteraction | APIMessageComponentGuildInteraction;

/** Interaction tokens are long opaque strings; only the id and token pair matters. */
export function interactionToken(id: string): string {
  return Buffer.from(`interaction:${id}:`).toString('base64url') + randomBytes(48).toString('base64url');
}

function common(state: EmulatorState, id: string, context: InteractionContext) {
  const user = state.requireUser(context.userId);
  const channel = state.requireChannel(context.channelId);
  const memberPermissions = state.permissionsOf(user.id).toString();
  return {
    id,
    application_id: state.applicationId,
    token: interactionToken(id),
    version: 1 as const,
    guild_id: state.guildId,
    guild: { id: state.guildId, locale: 'en-US' as Locale, features: [] },
    channel_id: channel.id,
    channel: { ...state.channelJson(channel), permissions: memberPermissions },
    // In interactions, member.permissions are the member's permissions in the channel.
    member: { ...state.memberJson(user.id), user: state.userJson(user), permissions: memberPermissions },
    app_permissions: state.permissionsOf(state.botUser.id).toString(),
    locale: user.locale as Locale,
    guild_locale: 'en-US' as Locale,
    entitlements: [],
    authorizing_integration_owners: { '0': state.guildId },
    context: 0 as const,
    attachment_size_limit: 10_485_760,
  };
}

export function commandPayload(
  state: EmulatorState,
  id: string,
  command: APIApplicationCommand,
  options: ResolvedOption[],
  resolved: APIInteractionDataResolved | undefined,
  context: InteractionContext,
  autocomplete: boolean,
): CommandInteractionPayload {
  const data = {
    id: command.id,
    name: command.name,
    type: 1 as const,
    ...(options.length > 0 ? { options: options as APIApplicationCommandInteractionDataOption[] } : {}),
    ...(command.guild_id ? { guild_id: command.guild_id } : {}),
  };
  if (autocomplete) {
    // Autocomplete always carries options (one of them focused).
    return { ...common(state, id, context), type: InteractionType.Autocomplete, data: { ...data, options: data.options ?? [] } };
  }
  return { ...common(state, id, context), type: InteractionType.ApplicationCommand, data: { ...data, ...(resolved ? { resolved } : {}) } };
}

export function buttonPayload(
  state: EmulatorState,
  id: string,
  message: APIMessage,
  customId: string,
  context: InteractionContext,
): APIMessageComponentGuildInteraction {
  return {
    ...common(state, id, context),
    type: InteractionType.MessageComponent,
    message: structuredClone(message),
    data: { custom_id: customId, component_type: 2 },
  };
}

/**
 * A message command (type 3, "Apps" on a message's context menu): Discord sends the target's id and
 * the message itself under resolved.messages, content included, whatever intents the app has.
 */
export function messageCommandPayload(
  state: EmulatorState,
  id: string,
  command: APIApplicationCommand,
  target: APIMessage,
  context: InteractionContext,
): APIMessageApplicationCommandGuildInteraction {
  return {
    ...common(state, id, context),
    type: InteractionType.ApplicationCommand,
    data: {
      id: command.id,
      name: command.name,
      type: 3,
      target_id: target.id,
      resolved: { messages: { [target.id]: structuredClone(target) } },
      ...(command.guild_id ? { guild_id: command.guild_id } : {}),
    },
  };
}
