import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandModule } from './command-module.ts';

/** commands/ at the repository root. */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

export class CommandLoadError extends Error {
  override name = 'CommandLoadError';
}

/**
 * Loads every command file in `dir` (the discord.js guide's loader) and checks its shape: `data`
 * with a name and toJSON (a SlashCommandBuilder), `execute`, and `autocomplete` when an option asks
 * for it. A malformed file stops start-up with a CommandLoadError naming the file and what is missing.
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, CommandModule>> {
  const files = (await readdir(dir)).filter((file) => /\.(ts|js|mjs)$/u.test(file) && !/\.d\.ts$|\.test\./u.test(file)).sort();
  const commands = new Map<string, CommandModule>();
  for (const file of files) {
    const shown = path.join(path.basename(dir), file);
    let loaded: Record<string, unknown>;
    try {
      loaded = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    } catch (error) {
      throw new CommandLoadError(`Command file ${shown} failed to load: ${error instanceof Error ? error.message : String(error)}`);
    }
    const command = checkCommandModule(loaded, shown);
    if (commands.has(command.data.name))
      throw new CommandLoadError(
        `Command file ${shown} registers /${command.data.name}, which another file in ${path.basename(dir)}/ already registers.`,
      );
    commands.set(command.data.name, command);
  }
  if (commands.size === 0) throw new CommandLoadError(`No command files found in ${dir}.`);
  return commands;
}

export function checkCommandModule(loaded: Record<string, unknown>, shown: string): CommandModule {
  const problems: string[] = [];
  const data = loaded['data'] as { name?: unknown; toJSON?: unknown } | undefined;
  if (typeof data !== 'object' || data === null) problems.push('it does not export "data" (a SlashCommandBuilder)');
  else if (typeof data.name !== 'string' || typeof data.toJSON !== 'function')
    problems.push('its "data" is not a SlashCommandBuilder (it needs a name and toJSON())');
  if (typeof loaded['execute'] !== 'function') problems.push('it does not export an "execute(interaction, context)" function');
  if (loaded['autocomplete'] !== undefined && typeof loaded['autocomplete'] !== 'function')
    problems.push('its "autocomplete" export is not a function');
  if (problems.length === 0) {
    let json: { options?: { autocomplete?: boolean; name: string }[] };
    try {
      json = (data as { toJSON(): typeof json }).toJSON();
    } catch (error) {
      throw new CommandLoadError(
        `Command file ${shown} is malformed: its data does not build: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const wantsAutocomplete = (json.options ?? []).filter((option) => option.autocomplete === true);
    if (wantsAutocomplete.length > 0 && typeof loaded['autocomplete'] !== 'function') {
      problems.push(
        `option "${wantsAutocomplete[0]?.name}" has autocomplete but the file does not export an "autocomplete(interaction, context)" function`,
      );
    }
  }
  if (problems.length > 0) throw new CommandLoadError(`Command file ${shown} is malformed: ${problems.join('; ')}.`);
  return loaded as unknown as CommandModule;
}
