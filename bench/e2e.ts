/**
 * End-to-end latency of an interaction: the Discord API emulator (test/emulator, loopback only)
 * sends INTERACTION_CREATE over its gateway; the real bot (startBot) answers through its desk; the
 * time runs until the emulator has received the bot's first REST response (the interaction
 * callback). Commands go one after another, each waited out to its final message.
 */
import type { AnswerContext } from '../src/answers/context.ts';
import { type Desk, mainThreadDesk } from '../src/desk/desk.ts';
import { startBot } from '../src/discord/bot.ts';
import { withRedactedToken } from '../src/runtime/env.ts';
import { createLogger } from '../src/runtime/log.ts';
import { deployCommands } from '../scripts/deploy-commands.ts';
import { startDiscordEmulator } from '../test/emulator/index.ts';
import type { EmulatedUser } from '../test/emulator/index.ts';
import { percentiles, type Percentiles } from './measure.ts';
import type { QueryMix } from './queries.ts';

export interface EndToEndResult {
  label: string;
  /** The desk the bot answered through. */
  desk: string;
  latency: Percentiles;
  /** Interactions whose final message did not come (they still count if the first response did). */
  unfinished: number;
}

export interface EndToEndOptions {
  label: string;
  context: AnswerContext;
  mix: QueryMix;
  interactions: number;
  /** The desk to answer through (default: mainThreadDesk over the context, in this thread). */
  desk?: Desk;
}

const LOADING = 1 << 7;

export async function measureEndToEnd(options: EndToEndOptions): Promise<EndToEndResult> {
  const emulator = await startDiscordEmulator({ responseDeadlineMs: 3000 });
  const config = withRedactedToken({
    token: emulator.token,
    clientId: emulator.applicationId,
    guildId: emulator.guildId,
    apiUrl: emulator.apiUrl,
    logLevel: 'warn',
  });
  const desk = options.desk ?? mainThreadDesk(options.context);
  const logger = createLogger({ level: 'warn', secrets: [config.token], write: () => {} });
  await deployCommands(config, { print: () => {} });
  // The per-user cooldown would refuse a fast sequence from one user: lift it, and spread over users anyway.
  const bot = await startBot(config, desk, { logger, handleSignals: false, cooldown: { limit: 1_000_000, windowMs: 1 } });
  try {
    const users: EmulatedUser[] = Array.from({ length: 25 }, (_, i) => emulator.addUser({ username: `bench${i}` }));
    const commands = options.mix.commands;
    const samples: number[] = [];
    let unfinished = 0;
    for (let i = 0; i < options.interactions; i++) {
      const query = commands[i % commands.length]!;
      const start = performance.now();
      const interaction = await emulator.sendCommand({ name: query.command, options: query.options, user: users[i % users.length]! });
      await interaction.firstResponse();
      samples.push(performance.now() - start);
      try {
        await interaction.waitForMessage((message) => ((message.flags ?? 0) & LOADING) === 0);
      } catch {
        unfinished++;
      }
    }
    return {
      label: options.label,
      desk: options.desk ? 'given' : "mainThreadDesk (in the bot's thread)",
      latency: percentiles(samples),
      unfinished,
    };
  } finally {
    await bot.stop();
    await emulator.close();
  }
}
