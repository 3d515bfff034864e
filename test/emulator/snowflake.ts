// Discord ids: milliseconds since the Discord epoch in the top 42 bits, then worker, process and a counter.
const DISCORD_EPOCH = 1_420_070_400_000n;

export class SnowflakeFactory {
  private increment = 0n;

  next(at: number = Date.now()): string {
    const counter = this.increment++ & 0xfffn;
    return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | counter).toString();
  }
}

export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
