import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { CoverageEditor } from '../coverage/coverage-editor.ts';
import type { Desk } from '../desk/desk.ts';
import type { BotConfig } from '../runtime/env.ts';
import { Cooldown, DEFAULT_COOLDOWN } from './cooldown.ts';
import type { CooldownOptions } from './cooldown.ts';
import { createInteractionRouter } from './interactions.ts';
import { COMMANDS_DIR, loadCommands } from './load-commands.ts';
import { createLogger } from '../runtime/log.ts';
import type { Logger } from '../runtime/log.ts';
import { DEFAULT_PAGE_STORE, PageStore, type PageStoreOptions } from './pagination.ts';
import { NO_MENTIONS } from './reply.ts';

export interface StartBotOptions {
  logger?: Logger;
  commandsDir?: string;
  cooldown?: CooldownOptions;
  /** How many answers' pages are kept in memory, and for how long (when a request is too long for its buttons). */
  pages?: PageStoreOptions;
  /** Stop on SIGINT/SIGTERM and exit (default true; tests turn it off). */
  handleSignals?: boolean;
  /** How long to wait for the gateway's READY (default 30 s). */
  readyTimeoutMs?: number;
  /** Adds and removes coverage for /coverage. */
  coverage?: CoverageEditor;
}

export interface RunningBot {
  client: Client<true>;
  stop(): Promise<void>;
}

/**
 * Starts the Discord front end: loads and checks commands/ (a malformed file stops start-up),
 * logs in with the Guilds intent only (no privileged intents) and resolves once the gateway is
 * ready. Commands are not registered here: that is `npm run deploy-commands`.
 */
export async function startBot(config: BotConfig, desk: Desk, options: StartBotOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets: [config.token] });
  const commands = await loadCommands(options.commandsDir ?? COMMANDS_DIR);

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // A safety net under reply.ts, which sets the same on every message.
    allowedMentions: NO_MENTIONS,
    ...(config.apiUrl === undefined ? {} : { rest: { api: config.apiUrl } }),
  });

  const route = createInteractionRouter({
    commands,
    context: {
      desk,
      pages: new PageStore(options.pages ?? DEFAULT_PAGE_STORE),
      logger,
      ...(options.coverage ? { coverage: options.coverage } : {}),
    },
    cooldown: new Cooldown(options.cooldown ?? DEFAULT_COOLDOWN),
    logger,
  });
  client.on(Events.InteractionCreate, (interaction) => {
    // The router catches its own errors; this catch only guards against a bug in the router itself.
    route(interaction).catch((error: unknown) =>
      logger.error({ error: error instanceof Error ? error : new Error(String(error)) }, 'interaction router failed'),
    );
  });
  client.on(Events.Error, (error) => logger.error({ error }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shard: shardId, code: event.code }, 'gateway disconnected'));
  client.rest.on('rateLimited', (info) =>
    logger.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'rate limited'),
  );

  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<Client<true>>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Discord gateway did not become ready within ${(options.readyTimeoutMs ?? 30_000) / 1000} s`)),
      options.readyTimeoutMs ?? 30_000,
    );
    client.once(Events.ClientReady, (readyClient) => {
      clearTimeout(timer);
      resolve(readyClient);
    });
  });
  // Login failures are reported by login(); a late timeout after stop() must not surface on its own.
  ready.catch(() => {});

  let stopped = false;
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    void stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Node ends the process on an unhandled rejection; one stray promise must not take the bot down.
  const onUnhandledRejection = (reason: unknown) =>
    logger.error({ error: reason instanceof Error ? reason : new Error(String(reason)) }, 'unhandled rejection');
  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    for (const signal of signals) process.off(signal, onSignal);
    process.off('unhandledRejection', onUnhandledRejection);
    await client.destroy();
    logger.info('stopped');
  }
  if (options.handleSignals ?? true) {
    for (const signal of signals) process.once(signal, onSignal);
    process.on('unhandledRejection', onUnhandledRejection);
  }

  try {
    await client.login(config.token);
    const readyClient = await ready;
    logger.info(
      {
        user: readyClient.user.tag,
        guilds: readyClient.guilds.cache.size,
        commands: [...commands.keys()],
        ...(readyClient.shard ? { shards: readyClient.shard.ids } : {}),
      },
      'ready',
    );
    return { client: readyClient, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
