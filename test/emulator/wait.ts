// Waits for a condition: re-checked on every emulator state change, and every few milliseconds for
// conditions on the client's side (its caches change without the emulator knowing).
import type { EmulatorState } from './state.ts';

export function waitForState<T>(
  state: EmulatorState,
  check: () => T | undefined | null | false,
  options: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5000;
  return new Promise<T>((resolve, reject) => {
    const attempt = (): boolean => {
      const value = check();
      if (value === undefined || value === null || value === false) return false;
      cleanup();
      resolve(value);
      return true;
    };
    const onChange = () => {
      try {
        attempt();
      } catch (error) {
        cleanup();
        reject(error);
      }
    };
    const poll = setInterval(onChange, 10);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${options.what ?? 'the condition'}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      clearInterval(poll);
      state.events.off('change', onChange);
    };
    state.events.on('change', onChange);
    onChange();
  });
}
