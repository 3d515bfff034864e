/**
 * `npm run deploy-commands`: registers the slash commands in commands/ with Discord, in one bulk
 * overwrite (idempotent: commands no longer in commands/ are removed). To DISCORD_GUILD_ID when set
 * (instant, for development), globally otherwise. Run it after changing a command; never on start.
 */
import { pathToFileURL } from 'node:url';
import { ApplicationCommandType, REST, Routes } from 'discord.js';
import type { RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { ConfigError, loadConfig, loadDotenv } from '../src/runtime/env.ts';
import type { BotConfig } from '../src/runtime/env.ts';
import { COMMANDS_DIR, loadCommands } from '../src/discord/load-commands.ts';
import { redact } from '../src/runtime/log.ts';

export interface DeployOptions {
  commandsDir?: string;
  /** Where the summary goes; stdout by default. */
  print?: (line: string) => void;
}

export interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

export async function deployCommands(config: BotConfig, options: DeployOptions = {}): Promise<DeployResult> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (config.clientId === undefined) {
    throw new ConfigError([
      'DISCORD_CLIENT_ID is not set: expected the application id (Developer Portal -> General Information -> Application ID): 17 to 20 digits',
    ]);
  }
  const commands = await loadCommands(options.commandsDir ?? COMMANDS_DIR);
  const body = [...commands.values()].map((command) => command.data.toJSON());
  const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
  const route =
    config.guildId === undefined
      ? Routes.applicationCommands(config.clientId)
      : Routes.applicationGuildCommands(config.clientId, config.guildId);
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  const names = registered.map((command) => command.name);
  const scope = config.guildId === undefined ? 'global' : 'guild';
  // Slash commands as typed; message commands as the Apps menu shows them.
  const shown = registered
    .map((command) => (command.type === ApplicationCommandType.Message ? `"${command.name}" (message command)` : `/${command.name}`))
    .join(', ');
  print(
    scope === 'guild'
      ? `Registered ${names.length} commands to server ${config.guildId} (available now): ${shown}`
      : `Registered ${names.length} global commands (every server the bot is in): ${shown}`,
  );
  return { scope, names };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let token: string | undefined;
  try {
    loadDotenv();
    const config = loadConfig(undefined, { require: ['DISCORD_CLIENT_ID'] });
    token = config.token;
    await deployCommands(config);
  } catch (error) {
    // A command-line tool: its failure is a sentence for the person who ran it, never with the token.
    process.stderr.write(
      redact(`deploy-commands failed: ${error instanceof Error ? error.message : String(error)}\n`, token ? [token] : []),
    );
    process.exitCode = 1;
  }
}
