// Permission bits as Discord defines them (https://discord.com/developers/docs/topics/permissions).
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
  PinMessages: 1n << 51n,
} as const;

/** Every bit Discord currently defines; what an administrator has. */
export const ALL_PERMISSIONS = (1n << 52n) - 1n;

/** What @everyone may do in the emulated guild: read, talk, use commands; no pinning, no moderation. */
export const EVERYONE_PERMISSIONS =
  Permission.CreateInstantInvite |
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.UseApplicationCommands |
  Permission.SendMessagesInThreads;

/** The bot's own role after a typical invite: it may post embeds and pin. */
export const DEFAULT_BOT_PERMISSIONS =
  Permission.ViewChannel | Permission.SendMessages | Permission.EmbedLinks | Permission.ReadMessageHistory | Permission.PinMessages;

export function hasPermission(granted: bigint, wanted: bigint): boolean {
  return (granted & Permission.Administrator) === Permission.Administrator || (granted & wanted) === wanted;
}

/** Member permissions: @everyone's plus every role's; administrators get everything. */
export function combinePermissions(everyone: bigint, rolePermissions: readonly bigint[]): bigint {
  const combined = rolePermissions.reduce((all, role) => all | role, everyone);
  return (combined & Permission.Administrator) !== 0n ? ALL_PERMISSIONS : combined;
}
