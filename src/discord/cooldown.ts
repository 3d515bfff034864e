import { LRUCache } from 'lru-cache';

/**
 * A per-user rate limit: at most `limit` commands in any `windowMs` (a sliding window), so that one
 * person cannot flood a channel or the bot. Each user's recent commands live in an LRU (lru-cache)
 * that forgets them a window after their last command and holds at most `maxUsers` users. The clock is
 * injectable for tests.
 */
export interface CooldownOptions {
  limit: number;
  windowMs: number;
  /** Users remembered at once (default 10,000); past it the least recently seen is forgotten first. */
  maxUsers?: number;
  now?: () => number;
}

export type CooldownVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export const DEFAULT_COOLDOWN: CooldownOptions = { limit: 4, windowMs: 10_000 };

export class Cooldown {
  private readonly recent: LRUCache<string, number[]>;
  private readonly now: () => number;

  constructor(private readonly options: CooldownOptions = DEFAULT_COOLDOWN) {
    if (!Number.isInteger(options.limit) || options.limit < 1)
      throw new RangeError(`cooldown limit must be a whole number >= 1, got ${options.limit}`);
    if (!(options.windowMs > 0)) throw new RangeError(`cooldown windowMs must be > 0, got ${options.windowMs}`);
    this.now = options.now ?? Date.now;
    this.recent = new LRUCache({ max: options.maxUsers ?? 10_000, ttl: options.windowMs, ttlResolution: 0, perf: { now: this.now } });
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
    return { allowed: true };
  }
}

export function cooldownMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're sending commands quickly. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`;
}
