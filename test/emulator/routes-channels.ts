// Channel routes the bot may call with its token: channel and message fetches, sending and editing its
// own messages, and pins (both the current /messages/pins routes and the deprecated /pins ones).
import type { APIMessage } from 'discord.js';
import type { Route, RouteResult } from './router.ts';
import type { RouteEnv } from './route-env.ts';
import { DiscordError } from './errors.ts';
import { hasPermission, Permission } from './permissions.ts';
import { createMessage, editMessage, MessageType } from './messages.ts';
import { checkMessageBody, ErrorCollector, isEmptyMessage, isObject } from './validation.ts';

type Params = Record<string, string>;

export function channelRoutes(env: RouteEnv): Route[] {
  const { state } = env;
  const botCan = (permission: bigint) => hasPermission(state.permissionsOf(state.botUser.id), permission);

  /** The channel, if the bot can see it: Discord answers 10003 for unknown, 50001 for invisible. */
  const visibleChannel = (params: Params) => {
    const channel = state.channels.get(params.channelId ?? '');
    if (!channel) throw DiscordError.unknownChannel();
    if (!botCan(Permission.ViewChannel)) throw DiscordError.missingAccess();
    return channel;
  };

  const readableMessage = (params: Params): APIMessage => {
    const channel = visibleChannel(params);
    if (!botCan(Permission.ReadMessageHistory)) throw DiscordError.missingAccess();
    const message = state.channelMessage(channel.id, params.messageId ?? '');
    if (!message) throw DiscordError.unknownMessage();
    return message;
  };

  const validBody = (body: unknown): Record<string, unknown> => {
    const c = new ErrorCollector();
    if (!isObject(body)) c.add([], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    else checkMessageBody(c, [], body);
    c.throwIfAny();
    return body as Record<string, unknown>;
  };

  const pinsOf = (channelId: string) => state.pins.get(channelId) ?? [];
  const pinnedMessages = (channelId: string) =>
    pinsOf(channelId)
      .slice()
      .reverse()
      .map((pin) => ({ pin, message: state.messages.get(pin.messageId) }))
      .filter((entry): entry is { pin: typeof entry.pin; message: APIMessage } => entry.message !== undefined);

  const pin = ({ params }: { params: Params }): RouteResult => {
    const channel = visibleChannel(params);
    if (!botCan(Permission.PinMessages) && !botCan(Permission.ManageMessages)) throw DiscordError.missingPermissions();
    const message = state.channelMessage(channel.id, params.messageId ?? '');
    if (!message) throw DiscordError.unknownMessage();
    const pins = pinsOf(channel.id);
    if (message.pinned) return { status: 204 };
    if (pins.length >= state.maxPins) throw DiscordError.maxPins(state.maxPins);
    const pinnedAt = new Date().toISOString();
    pins.push({ messageId: message.id, pinnedAt });
    message.pinned = true;
    // Discord posts a "pinned a message" system message and tells GUILDS-intent clients.
    const notice = createMessage(state, {
      channelId: channel.id,
      body: { content: '' },
      author: state.userJson(state.botUser),
      type: MessageType.ChannelPinnedMessage,
    });
    notice.message_reference = { type: 0, message_id: message.id, channel_id: channel.id, guild_id: state.guildId };
    state.storeMessage(notice, false);
    state.dispatch({
      t: 'CHANNEL_PINS_UPDATE',
      d: { guild_id: state.guildId, channel_id: channel.id, last_pin_timestamp: pinnedAt },
      guildId: state.guildId,
      intent: 1,
    });
    return { status: 204 };
  };

  const unpin = ({ params }: { params: Params }): RouteResult => {
    const channel = visibleChannel(params);
    if (!botCan(Permission.PinMessages) && !botCan(Permission.ManageMessages)) throw DiscordError.missingPermissions();
    const message = state.channelMessage(channel.id, params.messageId ?? '');
    if (!message) throw DiscordError.unknownMessage();
    const pins = pinsOf(channel.id);
    const index = pins.findIndex((entry) => entry.messageId === message.id);
    if (index >= 0) {
      pins.splice(index, 1);
      message.pinned = false;
      state.dispatch({
        t: 'CHANNEL_PINS_UPDATE',
        d: { guild_id: state.guildId, channel_id: channel.id, last_pin_timestamp: pins.at(-1)?.pinnedAt ?? null },
        guildId: state.guildId,
        intent: 1,
      });
    }
    return { status: 204 };
  };

  return [
    {
      method: 'GET',
      pattern: '/channels/:channelId',
      auth: true,
      handle: ({ params }) => ({ status: 200, body: state.channelJson(visibleChannel(params)) }),
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages/pins',
      auth: true,
      handle: ({ params, query }) => {
        const channel = visibleChannel(params);
        const limit = Math.min(Math.max(Number(query.get('limit') ?? 50), 1), 50);
        const before = query.get('before');
        const all = pinnedMessages(channel.id).filter(({ pin }) => !before || pin.pinnedAt < before);
        return {
          status: 200,
          body: {
            items: all.slice(0, limit).map(({ pin, message }) => ({ pinned_at: pin.pinnedAt, message })),
            has_more: all.length > limit,
          },
        };
      },
    },
    { method: 'PUT', pattern: '/channels/:channelId/messages/pins/:messageId', auth: true, handle: pin },
    { method: 'DELETE', pattern: '/channels/:channelId/messages/pins/:messageId', auth: true, handle: unpin },
    {
      method: 'GET',
      pattern: '/channels/:channelId/pins',
      auth: true,
      handle: ({ params }) => ({ status: 200, body: pinnedMessages(visibleChannel(params).id).map(({ message }) => message) }),
    },
    { method: 'PUT', pattern: '/channels/:channelId/pins/:messageId', auth: true, handle: pin },
    { method: 'DELETE', pattern: '/channels/:channelId/pins/:messageId', auth: true, handle: unpin },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handle: ({ params, query }) => {
        const channel = visibleChannel(params);
        if (!botCan(Permission.ReadMessageHistory)) return { status: 200, body: [] };
        const limit = Math.min(Math.max(Number(query.get('limit') ?? 50), 1), 100);
        const ids = (state.channelLog.get(channel.id) ?? []).slice().reverse().slice(0, limit);
        return { status: 200, body: ids.map((id) => state.messages.get(id)).filter(Boolean) };
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handle: ({ params, body }) => {
        const channel = visibleChannel(params);
        if (!botCan(Permission.SendMessages)) throw DiscordError.missingPermissions();
        const request = validBody(body);
        if (isEmptyMessage(request)) throw DiscordError.emptyMessage();
        // Ephemeral messages only exist as interaction responses.
        const { flags, ...rest } = request;
        const message = createMessage(state, {
          channelId: channel.id,
          body: { ...rest, flags: typeof flags === 'number' ? flags & ~64 : 0 },
          author: state.userJson(state.botUser),
          type: MessageType.Default,
        });
        state.storeMessage(message, false);
        return { status: 200, body: message };
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: ({ params }) => ({ status: 200, body: readableMessage(params) }),
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: ({ params, body }) => {
        const message = readableMessage(params);
        if (message.author.id !== state.botUser.id) throw DiscordError.cannotEditOthersMessage();
        const request = validBody(body);
        if (isEmptyMessage({ ...message, ...request })) throw DiscordError.emptyMessage();
        editMessage(state, message, request);
        return { status: 200, body: message };
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: ({ params }) => {
        const message = readableMessage(params);
        if (message.author.id !== state.botUser.id && !botCan(Permission.ManageMessages)) throw DiscordError.missingPermissions();
        state.deleteMessage(message);
        return { status: 204 };
      },
    },
  ];
}
