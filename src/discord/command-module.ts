import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { CoverageEditor } from '../coverage/coverage-editor.ts';
import type { Desk } from '../desk/desk.ts';
import type { Logger } from '../runtime/log.ts';
import type { PageStore } from './pagination.ts';

/** What every command file in commands/ exports (the discord.js guide's shape). */
export interface CommandModule {
  /**
   * A SlashCommandBuilder (or a ContextMenuCommandBuilder for a message command): its name routes
   * interactions, its JSON is what deploy-commands registers.
   */
  data: SlashCommandData;
  /** Answers the command. May return an outcome word for the interaction log (e.g. the answer's status). */
  execute(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, context: CommandContext): Promise<string | void>;
  /** Present when an option has autocomplete. */
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}

export interface SlashCommandData {
  readonly name: string;
  toJSON(): RESTPostAPIApplicationCommandsJSONBody;
}

/** Shared services a command needs; handed to execute and autocomplete by the router. */
export interface CommandContext {
  desk: Desk;
  /** Adds and removes coverage (/coverage); absent when the bot runs on a desk it did not open. */
  coverage?: CoverageEditor;
  pages: PageStore;
  logger: Logger;
}
