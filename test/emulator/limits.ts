// Discord's documented limits, in one place so that validation and tests agree.
export const Limits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectPlaceholder: 150,
  selectOptionLabel: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceStringValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commandChoices: 25,
  chatInputCommands: 100,
  contextMenuCommands: 5,
  optionStringLength: 6000,
  allowedMentionIds: 100,
  modalTitle: 45,
  /** Bytes per uploaded file for a server without boosts (the interaction's attachment_size_limit). */
  attachmentBytes: 10_485_760,
  attachmentsPerMessage: 10,
} as const;

export const MessageFlag = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;

/** Flags a bot may set when sending; Discord rejects others. */
export const SETTABLE_MESSAGE_FLAGS =
  MessageFlag.SuppressEmbeds | MessageFlag.Ephemeral | MessageFlag.SuppressNotifications | MessageFlag.IsComponentsV2;
