// Interaction callbacks (one per interaction, within the deadline) and the interaction webhook:
// follow-ups and @original / message edits, fetches and deletions.
import type { APIMessage } from 'discord.js';
import type { Route, RouteContext, RouteResult } from './router.ts';
import type { RouteEnv } from './route-env.ts';
import type { EmulatedInteraction } from './interactions.ts';
import { DiscordError } from './errors.ts';
import { MessageFlag } from './limits.ts';
import { createMessage, editMessage, MessageType } from './messages.ts';
import { InteractionType } from './interaction-payloads.ts';
import { checkAutocompleteChoices, checkMessageBody, ErrorCollector, isEmptyMessage, isObject } from './validation.ts';

type Json = Record<string, unknown>;

export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

/** Which callbacks Discord accepts for each interaction type. */
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.Ping]: [CallbackType.Pong],
  [InteractionType.ApplicationCommand]: [
    CallbackType.ChannelMessageWithSource,
    CallbackType.DeferredChannelMessageWithSource,
    CallbackType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    CallbackType.ChannelMessageWithSource,
    CallbackType.DeferredChannelMessageWithSource,
    CallbackType.DeferredUpdateMessage,
    CallbackType.UpdateMessage,
    CallbackType.Modal,
  ],
  [InteractionType.Autocomplete]: [CallbackType.AutocompleteResult],
};

export function interactionRoutes(env: RouteEnv): Route[] {
  const { state } = env;
  const botAuthor = () => state.userJson(state.botUser);

  const byToken = (applicationId: string | undefined, token: string | undefined): EmulatedInteraction => {
    if (applicationId !== state.applicationId) throw DiscordError.unknownWebhook();
    for (const interaction of env.interactions.values()) {
      if (interaction.token === token) {
        // The webhook only exists once the interaction has been answered.
        if (!interaction.acknowledged) throw DiscordError.unknownWebhook();
        return interaction;
      }
    }
    throw DiscordError.invalidWebhookToken();
  };

  const messageOf = (interaction: EmulatedInteraction, messageId: string | undefined): APIMessage => {
    const id = messageId === '@original' ? interaction.originalMessageId : messageId;
    const message = id === undefined ? undefined : state.messages.get(id);
    if (!message || !interaction.messages().some((m) => m.id === message.id)) throw DiscordError.unknownMessage();
    return message;
  };

  const origin = (interaction: EmulatedInteraction) => {
    const { data } = interaction.payload;
    return {
      id: interaction.id,
      type: interaction.type,
      name: 'name' in data ? data.name : '',
      user: state.userJson(state.requireUser(interaction.userId)),
      ...('type' in data ? { commandType: data.type } : {}),
    };
  };

  const callback = ({ params, body, query, files }: RouteContext): RouteResult => {
    const interaction = env.interactions.get(params.interactionId ?? '');
    if (!interaction) throw DiscordError.unknownInteraction();
    if (interaction.token !== params.token) throw DiscordError.invalidWebhookToken();
    if (interaction.acknowledged) throw DiscordError.interactionAcknowledged();
    if (interaction.isPastDeadline()) throw DiscordError.unknownInteraction();

    const c = new ErrorCollector();
    if (!isObject(body)) {
      c.add([], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      c.throwIfAny();
    }
    const request = body as Json;
    const type = request.type as number;
    const allowed = ALLOWED_CALLBACKS[interaction.type] ?? [];
    if (!allowed.includes(type)) {
      c.add(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        `Interaction response type ${String(type)} is not valid for interaction type ${interaction.type} (allowed: ${allowed.join(', ')})`,
      );
    }
    const data = isObject(request.data) ? request.data : undefined;
    if (request.data !== undefined && !data) c.add(['data'], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    if (type === CallbackType.ChannelMessageWithSource || type === CallbackType.UpdateMessage) checkMessageBody(c, ['data'], data ?? {});
    if (type === CallbackType.DeferredChannelMessageWithSource && data) checkMessageBody(c, ['data'], { flags: data.flags });
    if (type === CallbackType.AutocompleteResult) checkAutocompleteChoices(c, data);
    c.throwIfAny();
    if (type === CallbackType.ChannelMessageWithSource && isEmptyMessage(data ?? {})) throw DiscordError.emptyMessage();

    let message: APIMessage | undefined;
    const commandReply = interaction.type === InteractionType.ApplicationCommand;
    if (type === CallbackType.ChannelMessageWithSource || type === CallbackType.DeferredChannelMessageWithSource) {
      const deferred = type === CallbackType.DeferredChannelMessageWithSource;
      message = createMessage(state, {
        channelId: interaction.channelId,
        body: deferred ? { flags: ((data?.flags as number | undefined) ?? 0) & MessageFlag.Ephemeral } : (data ?? {}),
        uploads: files,
        author: botAuthor(),
        type: commandReply
          ? origin(interaction).commandType === 3
            ? MessageType.ContextMenuCommand
            : MessageType.ChatInputCommand
          : MessageType.Reply,
        applicationId: state.applicationId,
        interaction: origin(interaction),
        ...(deferred ? { extraFlags: MessageFlag.Loading } : {}),
      });
      state.storeMessage(message, ((message.flags ?? 0) & MessageFlag.Ephemeral) !== 0);
      interaction.originalMessageId = message.id;
    } else if (type === CallbackType.UpdateMessage || type === CallbackType.DeferredUpdateMessage) {
      message = interaction.sourceMessageId ? state.messages.get(interaction.sourceMessageId) : undefined;
      if (!message) throw DiscordError.unknownMessage();
      if (type === CallbackType.UpdateMessage) editMessage(state, message, data ?? {}, files);
      interaction.originalMessageId = message.id;
    }
    interaction.record({
      kind: 'callback',
      type,
      data: data ? structuredClone(data) : undefined,
      ...(message ? { messageId: message.id } : {}),
      at: Date.now(),
    });

    if (query.get('with_response') !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.type,
          ...(message
            ? {
                response_message_id: message.id,
                response_message_loading: ((message.flags ?? 0) & MessageFlag.Loading) !== 0,
                response_message_ephemeral: ((message.flags ?? 0) & MessageFlag.Ephemeral) !== 0,
              }
            : {}),
        },
        ...(type === CallbackType.AutocompleteResult ? {} : { resource: { type, ...(message ? { message } : {}) } }),
      },
    };
  };

  const followUp = ({ params, body, query, files }: RouteContext): RouteResult => {
    const interaction = byToken(params.applicationId, params.token);
    const c = new ErrorCollector();
    if (!isObject(body)) c.add([], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    else checkMessageBody(c, [], body);
    c.throwIfAny();
    const request = body as Json;
    if (isEmptyMessage(request)) throw DiscordError.emptyMessage();
    const original = interaction.originalMessageId ? state.messages.get(interaction.originalMessageId) : undefined;
    let message: APIMessage;
    if (original && ((original.flags ?? 0) & MessageFlag.Loading) !== 0) {
      // Discord: a follow-up right after a deferred reply edits the loading message instead of creating
      // one, and its ephemeral flag is ignored.
      const { flags: _ignored, ...rest } = request;
      editMessage(state, original, rest, files);
      message = original;
      interaction.record({ kind: 'edit', data: structuredClone(request), messageId: message.id, at: Date.now() });
    } else {
      message = createMessage(state, {
        channelId: interaction.channelId,
        body: request,
        author: botAuthor(),
        type: MessageType.Default,
        applicationId: state.applicationId,
        interaction: origin(interaction),
        uploads: files,
      });
      state.storeMessage(message, ((message.flags ?? 0) & MessageFlag.Ephemeral) !== 0);
      interaction.record({ kind: 'followup', data: structuredClone(request), messageId: message.id, at: Date.now() });
    }
    // Like any webhook execution, the message comes back only with ?wait=true (discord.js always sends it).
    return query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
  };

  const editById = ({ params, body, files }: RouteContext): RouteResult => {
    const interaction = byToken(params.applicationId, params.token);
    const message = messageOf(interaction, params.messageId);
    const c = new ErrorCollector();
    if (!isObject(body)) c.add([], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    else checkMessageBody(c, [], body);
    c.throwIfAny();
    const request = body as Json;
    const after = { ...message, ...request };
    if (isEmptyMessage(after) && files.length === 0) throw DiscordError.emptyMessage();
    editMessage(state, message, request, files);
    interaction.record({ kind: 'edit', data: structuredClone(request), messageId: message.id, at: Date.now() });
    return { status: 200, body: message };
  };

  const base = '/webhooks/:applicationId/:token';
  return [
    { method: 'POST', pattern: '/interactions/:interactionId/:token/callback', auth: false, handle: callback },
    { method: 'POST', pattern: base, auth: false, handle: followUp },
    {
      method: 'GET',
      pattern: `${base}/messages/:messageId`,
      auth: false,
      handle: ({ params }) => ({ status: 200, body: messageOf(byToken(params.applicationId, params.token), params.messageId) }),
    },
    { method: 'PATCH', pattern: `${base}/messages/:messageId`, auth: false, handle: editById },
    {
      method: 'DELETE',
      pattern: `${base}/messages/:messageId`,
      auth: false,
      handle: ({ params }) => {
        const interaction = byToken(params.applicationId, params.token);
        const message = messageOf(interaction, params.messageId);
        state.deleteMessage(message);
        interaction.record({ kind: 'delete', data: undefined, messageId: message.id, at: Date.now() });
        return { status: 204 };
      },
    },
  ];
}
