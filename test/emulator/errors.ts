// Discord's JSON error bodies: { message, code, errors? } with the HTTP status Discord uses for each.

export interface FieldError {
  code: string;
  message: string;
}

/** Discord's nested error object: keys follow the body's shape, leaves hold `_errors`. */
export interface ErrorTree {
  _errors?: FieldError[];
  [key: string]: ErrorTree | FieldError[] | undefined;
}

export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: ErrorTree;
}

export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(`${status} ${body.code}: ${body.message}`);
  }
}

const fail = (status: number, code: number, message: string, errors?: ErrorTree) =>
  new DiscordHttpError(status, errors ? { message, code, errors } : { message, code });

export const DiscordError = {
  badJson: () => fail(400, 50109, 'The request body contains invalid JSON.'),
  notFound: () => fail(404, 0, '404: Not Found'),
  methodNotAllowed: () => fail(405, 0, '405: Method Not Allowed'),
  unauthorized: () => fail(401, 0, '401: Unauthorized'),
  unknownChannel: () => fail(404, 10003, 'Unknown Channel'),
  unknownGuild: () => fail(404, 10004, 'Unknown Guild'),
  unknownMember: () => fail(404, 10007, 'Unknown Member'),
  unknownMessage: () => fail(404, 10008, 'Unknown Message'),
  unknownUser: () => fail(404, 10013, 'Unknown User'),
  unknownWebhook: () => fail(404, 10015, 'Unknown Webhook'),
  unknownCommand: () => fail(404, 10063, 'Unknown application command'),
  unknownInteraction: () => fail(404, 10062, 'Unknown interaction'),
  notAuthorizedForApplication: () => fail(403, 20012, 'You are not authorized to perform this action on this application'),
  maxPins: (max: number) => fail(400, 30003, `Maximum number of pins reached (${max})`),
  maxCommands: (max: number) => fail(400, 30032, `Maximum number of application commands reached (${max})`),
  interactionAcknowledged: () => fail(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => fail(403, 50001, 'Missing Access'),
  cannotEditOthersMessage: () => fail(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => fail(400, 50006, 'Cannot send an empty message'),
  missingPermissions: () => fail(403, 50013, 'Missing Permissions'),
  invalidWebhookToken: () => fail(401, 50027, 'Invalid Webhook Token'),
  invalidFormBody: (errors: ErrorTree) => fail(400, 50035, 'Invalid Form Body', errors),
  entityTooLarge: (limit: number) => fail(413, 40005, `Request entity too large: files may be at most ${limit} bytes`),
} as const;
