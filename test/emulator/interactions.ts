// One interaction's life: dispatched, answered once within the deadline, then follow-ups and edits.
import type { APIMessage } from 'discord.js';
import type { EmulatorState } from './state.ts';
import { MessageFlag } from './limits.ts';
import { waitForState } from './wait.ts';
import type { InteractionPayload } from './interaction-payloads.ts';

/** What the bot sent: the interaction callback, then follow-ups, edits and deletions. */
export interface InteractionResponse {
  kind: 'callback' | 'followup' | 'edit' | 'delete';
  /** Callback type (4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal). */
  type?: number;
  /** The callback's `data`, or the webhook body of a follow-up or edit. */
  data: Record<string, unknown> | undefined;
  messageId?: string;
  at: number;
}

export class NoResponseError extends Error {
  constructor(interactionId: string, deadlineMs: number) {
    super(`interaction ${interactionId} got no response within ${deadlineMs} ms (Discord answers 10062 Unknown interaction after that)`);
    this.name = 'NoResponseError';
  }
}

type Waiter = { resolve: (response: InteractionResponse) => void; reject: (error: Error) => void };

export class EmulatedInteraction {
  readonly createdAt = Date.now();
  private readonly log: InteractionResponse[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly messageIds: string[] = [];
  private readonly timer: NodeJS.Timeout;
  private expired = false;
  /** The message that @original names, once there is one. */
  originalMessageId: string | undefined;

  constructor(
    private readonly state: EmulatorState,
    readonly payload: InteractionPayload,
    readonly deadlineMs: number,
    /** For component interactions: the message the component belongs to. */
    readonly sourceMessageId?: string,
  ) {
    this.timer = setTimeout(() => this.expire(), deadlineMs);
    this.timer.unref();
  }

  get id(): string {
    return this.payload.id;
  }

  get token(): string {
    return this.payload.token;
  }

  get type(): number {
    return this.payload.type;
  }

  get userId(): string {
    return this.payload.member.user.id;
  }

  get channelId(): string {
    const id = this.payload.channel?.id;
    if (!id) throw new Error(`interaction ${this.id} has no channel`);
    return id;
  }

  get acknowledged(): boolean {
    return this.log.some((entry) => entry.kind === 'callback');
  }

  /** Too late for a first response: Discord has dropped the interaction. */
  isPastDeadline(now = Date.now()): boolean {
    // Once the deadline timer has fired the interaction is gone, even if a late reply races the clock.
    return !this.acknowledged && (this.expired || now - this.createdAt > this.deadlineMs);
  }

  /** True when the original response is ephemeral (its flags carry 64). */
  get ephemeral(): boolean {
    const original = this.originalMessageId ? this.state.messages.get(this.originalMessageId) : undefined;
    return original ? ((original.flags ?? 0) & MessageFlag.Ephemeral) !== 0 : false;
  }

  record(entry: InteractionResponse): void {
    this.log.push(entry);
    if (entry.messageId && !this.messageIds.includes(entry.messageId)) this.messageIds.push(entry.messageId);
    if (entry.kind === 'callback') {
      clearTimeout(this.timer);
      for (const waiter of this.waiters.splice(0)) waiter.resolve(entry);
    }
    this.state.changed();
  }

  private expire(): void {
    if (this.acknowledged) return;
    this.expired = true;
    const error = new NoResponseError(this.id, this.deadlineMs);
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    this.state.changed();
  }

  /** The first callback, or a NoResponseError once the deadline has passed without one. */
  firstResponse(): Promise<InteractionResponse> {
    const first = this.log.find((entry) => entry.kind === 'callback');
    if (first) return Promise.resolve(first);
    if (this.expired) return Promise.reject(new NoResponseError(this.id, this.deadlineMs));
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Everything the bot has sent for this interaction so far, in order. */
  responses(): InteractionResponse[] {
    return [...this.log];
  }

  /** The current state of every message this interaction created or edited (deleted ones drop out). */
  messages(): APIMessage[] {
    return this.messageIds.map((id) => this.state.messages.get(id)).filter((m): m is APIMessage => m !== undefined);
  }

  /**
   * Waits until one of this interaction's messages satisfies `predicate` (by default: a finished
   * message, i.e. not the "thinking..." placeholder of a deferred reply).
   */
  waitForMessage(
    predicate: (message: APIMessage) => boolean = (m) => ((m.flags ?? 0) & MessageFlag.Loading) === 0,
    timeoutMs = 5000,
  ): Promise<APIMessage> {
    return waitForState(this.state, () => this.messages().find(predicate), {
      timeoutMs,
      what: `a message from interaction ${this.id} matching the predicate`,
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
