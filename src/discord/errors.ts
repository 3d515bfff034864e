import { randomBytes } from 'node:crypto';
import { DiscordAPIError } from 'discord.js';

/**
 * Two kinds of failure. A UserFacingError is something the user can fix or should know
 * (a cooldown, a missing permission, an expired page): its message is shown to them privately as is.
 * Anything else is internal: logged with an error id, and the user only sees that id.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/** Discord error codes this bot reacts to (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
export const DiscordErrorCode = {
  UnknownChannel: 10003,
  UnknownMessage: 10008,
  UnknownInteraction: 10062,
  MaxPinsReached: 30003,
  InteractionAlreadyAcknowledged: 40060,
  MissingAccess: 50001,
  MissingPermissions: 50013,
} as const;

export function discordErrorCode(error: unknown): number | undefined {
  if (error instanceof DiscordAPIError && typeof error.code === 'number') return error.code;
  return undefined;
}

/**
 * The message or interaction is gone: deleted, or the interaction expired (3 s for the first
 * response, 15 min for follow-ups) or was answered elsewhere. Nothing to tell the user; not a crash.
 */
export function isVanishedError(error: unknown): boolean {
  const code = discordErrorCode(error);
  return (
    code === DiscordErrorCode.UnknownMessage ||
    code === DiscordErrorCode.UnknownInteraction ||
    code === DiscordErrorCode.UnknownChannel ||
    code === DiscordErrorCode.InteractionAlreadyAcknowledged
  );
}

/** A short id a user can quote and an operator can grep for, e.g. "E-3F9A2C1B". */
export function newErrorId(): string {
  return `E-${randomBytes(4).toString('hex').toUpperCase()}`;
}

export function internalErrorMessage(errorId: string): string {
  return `Something went wrong on our side and this request was not answered. Error id: ${errorId}. Please try again; if it keeps happening, give this id to the bot's operators.`;
}
