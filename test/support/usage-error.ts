import { expect } from 'vitest';
import { UsageError } from '../../src/runtime/args.ts';

/** The message of the UsageError `parse(args)` throws; fails the test when it parses. */
export function usageErrorOf(parse: (args: string[]) => unknown, args: string[]): string {
  try {
    parse(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a UsageError for ${args.join(' ')}`);
}
