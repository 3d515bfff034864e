/**
 * A per-user rate limit: at most `limit` commands in any `windowMs` (a sliding window), so that one
 * person cannot flood a channel or the bot. The clock is injectable for tests.
 */
export interface CooldownOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
}

export type CooldownVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export const DEFAULT_COOLDOWN: CooldownOptions = { limit: 4, windowMs: 10_000 };

export class Cooldown {
  private readonly recent = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly options: CooldownOptions = DEFAULT_COOLDOWN) {
    if (!Number.isInteger(options.limit) || options.limit < 1)
      throw new RangeError(`cooldown limit must be a whole number >= 1, got ${options.limit}`);
    if (!(options.windowMs > 0)) throw new RangeError(`cooldown windowMs must be > 0, got ${options.windowMs}`);
    this.now = options.now ?? Date.now;
  }

  /** Records a use by `userId` when allowed; a refused attempt does not extend the wait. */
  take(userId: string): CooldownVerdict {
    const now = this.now();
    const since = now - this.options.windowMs;
    const times = (this.recent.get(userId) ?? []).filter((time) => time > since);
    if (times.length >= this.options.limit) {
      this.recent.set(userId, times);
      const oldest = times[0] ?? now;
      return { allowed: false, retryAfterMs: oldest + this.options.windowMs - now };
    }
    times.push(now);
    this.recent.set(userId, times);
    this.forgetIdle(since);
    return { allowed: true };
  }

  /** Keeps memory bounded: users with nothing in the window are dropped. */
  private forgetIdle(since: number): void {
    if (this.recent.size < 1_000) return;
    for (const [userId, times] of this.recent) {
      if ((times.at(-1) ?? 0) <= since) this.recent.delete(userId);
    }
  }
}

export function cooldownMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're sending commands quickly. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`;
}
