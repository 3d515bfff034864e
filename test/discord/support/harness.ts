import type { APIMessage } from 'discord.js';
import { startDiscordEmulator } from '../../emulator/index.ts';
import type { DiscordEmulator, EmulatedInteraction, EmulatorOptions, RecordedRequest } from '../../emulator/index.ts';
import type { Desk } from '../../../src/desk/desk.ts';
import { startBot } from '../../../src/discord/bot.ts';
import type { RunningBot } from '../../../src/discord/bot.ts';
import { withRedactedToken } from '../../../src/runtime/env.ts';
import type { BotConfig } from '../../../src/runtime/env.ts';
import type { CooldownOptions } from '../../../src/discord/cooldown.ts';
import type { PageStoreOptions } from '../../../src/discord/pagination.ts';
import { createLogger } from '../../../src/runtime/log.ts';
import { deployCommands } from '../../../scripts/deploy-commands.ts';

/** The real bot (startBot) connected to the Discord emulator on 127.0.0.1, its commands deployed. */
export interface Harness {
  emulator: DiscordEmulator;
  bot: RunningBot;
  config: BotConfig;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Every log line as written (to look for leaks). */
  rawLogs: string[];
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(
  desk: Desk,
  options: { cooldown?: CooldownOptions; pages?: PageStoreOptions; emulator?: EmulatorOptions } = {},
): Promise<Harness> {
  const emulator = await startDiscordEmulator(options.emulator);
  const config = withRedactedToken({
    token: emulator.token,
    clientId: emulator.applicationId,
    guildId: emulator.guildId,
    apiUrl: emulator.apiUrl,
    logLevel: 'debug',
  });
  await deployCommands(config, { print: () => {} });
  const rawLogs: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    secrets: [config.token],
    write: (line) => {
      rawLogs.push(line);
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  const start = () =>
    startBot(config, desk, {
      logger,
      handleSignals: false,
      ...(options.cooldown ? { cooldown: options.cooldown } : {}),
      ...(options.pages ? { pages: options.pages } : {}),
    });
  const harness: Harness = {
    emulator,
    bot: await start(),
    config,
    logs,
    rawLogs,
    async restart() {
      await harness.bot.stop();
      harness.bot = await start();
    },
    async stop() {
      await harness.bot.stop();
      await emulator.close();
    },
  };
  return harness;
}

/** The bot's finished reply to an interaction (not the "thinking…" placeholder). */
export function finalMessage(interaction: EmulatedInteraction, predicate?: (message: APIMessage) => boolean): Promise<APIMessage> {
  return interaction.waitForMessage(predicate ?? ((message) => ((message.flags ?? 0) & (1 << 7)) === 0));
}

export const isEphemeral = (message: APIMessage) => ((message.flags ?? 0) & (1 << 6)) !== 0;

/** Every message body the bot sent (replies, updates, follow-ups, edits, channel messages). */
export function sentMessageBodies(requests: readonly RecordedRequest[]): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  for (const request of requests) {
    const body = request.body as Record<string, unknown> | undefined;
    if (body === undefined || body === null) continue;
    if (request.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/u.test(request.path)) {
      if (body['type'] === 4 || body['type'] === 7) bodies.push((body['data'] ?? {}) as Record<string, unknown>);
    } else if (
      (request.method === 'POST' || request.method === 'PATCH') &&
      /^\/webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?$/u.test(request.path)
    ) {
      bodies.push(body);
    } else if (request.method === 'POST' && /^\/channels\/\d+\/messages$/u.test(request.path)) {
      bodies.push(body);
    }
  }
  return bodies;
}

/** Every text a reader could see in a message: content, embed titles, descriptions, fields, footers, authors. */
export function visibleTexts(message: {
  content?: string;
  embeds?: {
    title?: string;
    description?: string;
    footer?: { text: string };
    author?: { name: string };
    fields?: { name: string; value: string }[];
  }[];
}): string[] {
  const texts = [message.content ?? ''];
  for (const embed of message.embeds ?? []) {
    texts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '', embed.author?.name ?? '');
    for (const field of embed.fields ?? []) texts.push(field.name, field.value);
  }
  return texts.filter((text) => text.length > 0);
}

export function buttons(message: APIMessage): { custom_id: string; label?: string; disabled?: boolean }[] {
  return (message.components ?? []).flatMap((row) =>
    'components' in row ? (row.components as unknown as { custom_id: string; label?: string; disabled?: boolean }[]) : [],
  );
}
