// What route handlers share.
import type { EmulatorState } from './state.ts';
import type { EmulatedInteraction } from './interactions.ts';

export interface RouteEnv {
  state: EmulatorState;
  /** Interactions by id. */
  interactions: Map<string, EmulatedInteraction>;
  gatewayUrl(): string;
  shardCount: number;
}
