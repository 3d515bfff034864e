/** SIGINT and SIGTERM disconnect the bot cleanly and end the process with exit code 0. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function runUntilReadyThenSignal(signal: NodeJS.Signals): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/discord/support/signal-child.ts'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Record<string, unknown>[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (!line.startsWith('{')) continue;
        const parsed = JSON.parse(line) as Record<string, unknown>;
        lines.push(parsed);
        if (parsed['msg'] === 'ready') child.kill(signal);
      }
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bot did not start and stop in time; stderr: ${stderr}`));
    }, 100_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, lines });
    });
  });
}

describe('shutdown', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s disconnects and exits 0',
    async (signal) => {
      const { code, lines } = await runUntilReadyThenSignal(signal);
      expect(lines.map((line) => line['msg'])).toEqual(expect.arrayContaining(['ready', 'shutting down', 'stopped']));
      expect(lines.find((line) => line['msg'] === 'shutting down')).toMatchObject({ signal });
      expect(code).toBe(0);
    },
    110_000,
  );
});
