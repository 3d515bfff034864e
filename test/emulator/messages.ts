// Message objects as Discord returns them, built from create and edit bodies.
import type { APIMessage, APIUser } from 'discord.js';
import type { EmulatorState } from './state.ts';
import { isObject } from './validation.ts';
import { MessageFlag } from './limits.ts';
import type { Upload } from './router.ts';

type Json = Record<string, unknown>;

export const MessageType = {
  Default: 0,
  ChannelPinnedMessage: 6,
  Reply: 19,
  ChatInputCommand: 20,
  ContextMenuCommand: 23,
} as const;

export interface InteractionOrigin {
  id: string;
  type: number;
  name: string;
  user: APIUser;
  commandType?: number;
}

export interface NewMessage {
  channelId: string;
  body: Json;
  author: APIUser;
  type: number;
  /** Set for messages an application sent through an interaction token. */
  applicationId?: string;
  interaction?: InteractionOrigin;
  extraFlags?: number;
  /** Files uploaded with the request (multipart). */
  uploads?: readonly Upload[];
}

interface Mentions {
  everyone: boolean;
  users: string[];
  roles: string[];
}

/**
 * Who a message really pings: parsed from its content, then filtered by allowed_mentions as Discord
 * does (absent allowed_mentions parses everything).
 */
export function resolveMentions(state: EmulatorState, content: string, allowed: unknown): Mentions {
  const parse = isObject(allowed) && Array.isArray(allowed.parse) ? (allowed.parse as unknown[]) : null;
  const allowedUsers = isObject(allowed) && Array.isArray(allowed.users) ? (allowed.users as unknown[]) : [];
  const allowedRoles = isObject(allowed) && Array.isArray(allowed.roles) ? (allowed.roles as unknown[]) : [];
  const permits = (kind: 'users' | 'roles' | 'everyone', id?: string) => {
    if (!isObject(allowed)) return true;
    if (parse?.includes(kind)) return true;
    if (kind === 'users') return allowedUsers.includes(id);
    if (kind === 'roles') return allowedRoles.includes(id);
    return false;
  };
  const users = [...content.matchAll(/<@!?(\d{17,20})>/g)]
    .map((match) => match[1] ?? '')
    .filter((id, i, all) => state.users.has(id) && all.indexOf(id) === i && permits('users', id));
  const roles = [...content.matchAll(/<@&(\d{17,20})>/g)]
    .map((match) => match[1] ?? '')
    .filter((id, i, all) => state.roles.has(id) && all.indexOf(id) === i && permits('roles', id));
  const everyone = /@(everyone|here)/.test(content) && permits('everyone');
  return { everyone, users, roles };
}

/**
 * A message's attachments from a create or edit body: each entry of `attachments` names an uploaded file
 * (`files[<id>]`) or, on an edit, an attachment the message already has. Uploaded bytes are kept for tests.
 */
function attachmentsOf(
  state: EmulatorState,
  body: Json,
  uploads: readonly Upload[],
  previous: APIMessage['attachments'] = [],
): APIMessage['attachments'] {
  const list: unknown[] = Array.isArray(body.attachments) ? [...body.attachments] : [];
  // Files the body does not describe are attached all the same.
  for (const upload of uploads) {
    const id = /^files\[(\d+)\]$/u.exec(upload.field)?.[1];
    if (id !== undefined && !list.some((entry) => isObject(entry) && String(entry.id) === id)) list.push({ id, filename: upload.filename });
  }
  return list.filter(isObject).map((attachment, i) => {
    const kept = previous.find((existing) => existing.id === String(attachment.id));
    if (kept) return kept;
    const upload = uploads.find((file) => file.field === `files[${String(attachment.id ?? i)}]`);
    const filename = typeof attachment.filename === 'string' ? attachment.filename : (upload?.filename ?? `file${i}`);
    const id = state.ids.next();
    const size = upload?.data.length ?? 0;
    const image = upload ? pngSize(upload.data) : undefined;
    if (upload) uploadedBytes.set(id, upload.data);
    return {
      id,
      filename,
      size,
      url: `https://cdn.discordapp.com/attachments/emulated/${id}/${filename}`,
      proxy_url: `https://media.discordapp.net/attachments/emulated/${id}/${filename}`,
      ...(upload?.contentType ? { content_type: upload.contentType } : {}),
      ...(image ? { width: image.width, height: image.height } : {}),
      ...(typeof attachment.description === 'string' ? { description: attachment.description } : {}),
    };
  });
}

// Uploaded bytes by attachment id: Discord's message object only links to them.
const uploadedBytes = new Map<string, Buffer>();

/** The bytes uploaded for an attachment of a message the emulator holds. */
export function attachmentBytes(message: APIMessage, filename: string): Buffer | undefined {
  const attachment = message.attachments.find((candidate) => candidate.filename === filename);
  return attachment ? uploadedBytes.get(attachment.id) : undefined;
}

/** Width and height from a PNG's IHDR chunk (Discord reports them for images); undefined for other files. */
function pngSize(data: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (data.length < 24 || data.subarray(0, 8).toString('hex') !== signature || data.subarray(12, 16).toString('latin1') !== 'IHDR')
    return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Embeds may show an attached image as attachment://<filename>; Discord links it to the attachment. */
function linkAttachments(embeds: APIMessage['embeds'], attachments: APIMessage['attachments']): APIMessage['embeds'] {
  const link = (url: string | undefined) => {
    if (!url?.startsWith('attachment://')) return url;
    return attachments.find((attachment) => attachment.filename === url.slice('attachment://'.length))?.url ?? url;
  };
  for (const embed of embeds) {
    if (embed.image?.url) embed.image.url = link(embed.image.url)!;
    if (embed.thumbnail?.url) embed.thumbnail.url = link(embed.thumbnail.url)!;
  }
  return embeds;
}

export function createMessage(state: EmulatorState, input: NewMessage): APIMessage {
  const { body } = input;
  const content = typeof body.content === 'string' ? body.content : '';
  const mentions = resolveMentions(state, content, body.allowed_mentions);
  const flags = ((typeof body.flags === 'number' ? body.flags : 0) | (input.extraFlags ?? 0)) >>> 0;
  const message: APIMessage = {
    id: state.ids.next(),
    type: input.type,
    channel_id: input.channelId,
    author: input.author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    mention_everyone: mentions.everyone,
    mentions: mentions.users.map((id) => state.userJson(state.requireUser(id))),
    mention_roles: mentions.roles,
    attachments: attachmentsOf(state, body, input.uploads ?? []),
    embeds: Array.isArray(body.embeds) ? embedsOf(body.embeds) : [],
    pinned: false,
    flags,
    components: Array.isArray(body.components) ? (structuredClone(body.components) as APIMessage['components']) : [],
  };
  if (input.applicationId) {
    message.application_id = input.applicationId;
    message.webhook_id = input.applicationId;
  }
  if (input.interaction) {
    const { interaction } = input;
    message.interaction_metadata = {
      id: interaction.id,
      type: interaction.type,
      user: interaction.user,
      authorizing_integration_owners: { '0': state.guildId },
      ...(interaction.commandType !== undefined ? { name: interaction.name, command_type: interaction.commandType } : {}),
    } as APIMessage['interaction_metadata'];
    message.interaction = { id: interaction.id, type: interaction.type, name: interaction.name, user: interaction.user };
  }
  message.embeds = linkAttachments(message.embeds, message.attachments);
  sentAllowedMentions.set(message, body.allowed_mentions);
  return message;
}

// Discord's message object does not echo allowed_mentions; keep it aside for test assertions.
const sentAllowedMentions = new WeakMap<APIMessage, unknown>();

/** Embeds as Discord stores them: a copy, typed "rich" (the only type bots send). */
const embedsOf = (embeds: unknown[]): APIMessage['embeds'] =>
  (structuredClone(embeds) as APIMessage['embeds']).map((embed) => ({ type: 'rich', ...embed }) as APIMessage['embeds'][number]);

/** Applies the fields present in an edit body; Discord leaves absent fields unchanged. */
export function editMessage(state: EmulatorState, message: APIMessage, body: Json, uploads: readonly Upload[] = []): void {
  const wasLoading = (message.flags ?? 0) & MessageFlag.Loading;
  if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
  if ('embeds' in body) message.embeds = Array.isArray(body.embeds) ? embedsOf(body.embeds) : [];
  if ('components' in body)
    message.components = Array.isArray(body.components) ? (structuredClone(body.components) as APIMessage['components']) : [];
  if ('attachments' in body) message.attachments = attachmentsOf(state, body, uploads, message.attachments);
  if ('attachments' in body || 'embeds' in body) message.embeds = linkAttachments(message.embeds, message.attachments);
  if (typeof body.flags === 'number') {
    // Only SUPPRESS_EMBEDS can be toggled on edit; ephemerality is fixed at creation.
    message.flags = ((message.flags ?? 0) & ~MessageFlag.SuppressEmbeds) | (body.flags & MessageFlag.SuppressEmbeds);
  }
  message.flags = (message.flags ?? 0) & ~MessageFlag.Loading;
  if ('content' in body || 'allowed_mentions' in body) {
    const mentions = resolveMentions(state, message.content, body.allowed_mentions);
    message.mention_everyone = mentions.everyone;
    message.mentions = mentions.users.map((id) => state.userJson(state.requireUser(id)));
    message.mention_roles = mentions.roles;
    sentAllowedMentions.set(message, body.allowed_mentions);
  }
  // Filling a deferred ("thinking...") response is not an edit in Discord's eyes.
  if (!wasLoading) message.edited_timestamp = new Date().toISOString();
  state.changed();
}

/** The allowed_mentions the bot sent with the message's latest create or edit (undefined when it sent none). */
export function allowedMentionsOf(message: APIMessage): unknown {
  return sentAllowedMentions.get(message);
}

export function isEphemeral(message: APIMessage): boolean {
  return ((message.flags ?? 0) & MessageFlag.Ephemeral) !== 0;
}
