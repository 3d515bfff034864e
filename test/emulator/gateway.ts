// The gateway (WebSocket): HELLO, IDENTIFY/RESUME, heartbeats, READY and GUILD_CREATE, then dispatches
// with sequence numbers. Speaks JSON, optionally zlib-stream or identify compression, like Discord.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { constants as zlibConstants, createDeflate, deflateSync, type Deflate } from 'node:zlib';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import type { ApplicationFlags, GatewayReadyDispatchData } from 'discord.js';
import type { Dispatch, EmulatorState } from './state.ts';

export const GatewayOp = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
  RequestSoundboardSounds: 31,
} as const;

export const CloseCode = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidShard: 4010,
  InvalidApiVersion: 4012,
  InvalidIntents: 4013,
  DisallowedIntents: 4014,
} as const;

/** GUILD_PRESENCES, GUILD_MEMBERS and MESSAGE_CONTENT need approval in the developer portal. */
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
const ALL_INTENTS = (1 << 26) - 1;
const RESUME_BUFFER = 1000;

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  shardCount: number;
  /** Privileged intents the application may use (bits); default none, as for a new bot. */
  privilegedIntents: number;
}

/** A gateway op the client sent, for tests (e.g. that heartbeats were acknowledged). */
export interface ReceivedOp {
  op: number;
  at: number;
}

interface Session {
  readonly id: string;
  readonly shard: readonly [number, number];
  readonly intents: number;
  seq: number;
  readonly sent: { s: number; t: string; d: unknown }[];
  connection: Connection | undefined;
}

interface Connection {
  readonly socket: WebSocket;
  readonly zlibStream: Deflate | undefined;
  identifyCompress: boolean;
  session: Session | undefined;
  queue: Promise<void>;
}

export class Gateway {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  readonly received: ReceivedOp[] = [];
  /** Set once the HTTP server listens. */
  url = '';

  constructor(
    private readonly state: EmulatorState,
    private readonly options: GatewayOptions,
  ) {
    state.events.on('dispatch', (event: Dispatch) => void this.dispatch(event));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
  }

  /** Sends a dispatch to every identified session whose shard holds the guild; resolves once written. */
  async dispatch(event: Dispatch): Promise<number> {
    const targets = [...this.sessions.values()].filter(
      (session) =>
        session.connection !== undefined &&
        (event.guildId === undefined || this.shardOf(event.guildId, session.shard[1]) === session.shard[0]) &&
        (event.intent === undefined || (session.intents & event.intent) !== 0),
    );
    await Promise.all(targets.map((session) => this.sendDispatch(session, event.t, event.d)));
    return targets.length;
  }

  /** Connected sessions that finished IDENTIFY or RESUME. */
  get readySessions(): number {
    return [...this.sessions.values()].filter((session) => session.connection !== undefined).length;
  }

  /** Drops every connection with a close code (e.g. 4000 to make clients resume). */
  disconnectAll(code: number, reason = 'emulator requested'): void {
    for (const connection of this.connections) connection.socket.close(code, reason);
  }

  async close(): Promise<void> {
    for (const connection of this.connections) {
      connection.zlibStream?.close();
      connection.socket.terminate();
    }
    this.connections.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private shardOf(guildId: string, shardCount: number): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const query = new URL(request.url ?? '/', 'ws://127.0.0.1').searchParams;
    const compress = query.get('compress');
    const connection: Connection = {
      socket,
      zlibStream: compress === 'zlib-stream' ? createDeflate() : undefined,
      identifyCompress: false,
      session: undefined,
      queue: Promise.resolve(),
    };
    this.connections.add(connection);
    socket.on('close', () => {
      this.connections.delete(connection);
      connection.zlibStream?.close();
      if (connection.session) connection.session.connection = undefined;
    });
    socket.on('error', () => socket.terminate());
    const version = query.get('v');
    if (version !== '10' && version !== '9') return void socket.close(CloseCode.InvalidApiVersion, 'Invalid API version.');
    if ((query.get('encoding') ?? 'json') !== 'json')
      return void socket.close(CloseCode.DecodeError, 'The emulator only speaks the json encoding.');
    if (compress !== null && compress !== 'zlib-stream') return void socket.close(CloseCode.DecodeError, 'Unknown compression.');
    socket.on('message', (data, isBinary) => this.onMessage(connection, data, isBinary));
    void this.send(connection, {
      op: GatewayOp.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["discord-emulator"]'] },
      s: null,
      t: null,
    });
  }

  private onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      payload = JSON.parse((data as Buffer).toString()) as { op?: unknown; d?: unknown };
    } catch {
      connection.socket.close(CloseCode.DecodeError, 'Error while decoding payload.');
      return;
    }
    const op = payload.op as number;
    this.received.push({ op, at: Date.now() });
    this.state.changed();
    switch (op) {
      case GatewayOp.Heartbeat:
        void this.send(connection, { op: GatewayOp.HeartbeatAck });
        return;
      case GatewayOp.Identify:
        return this.identify(connection, payload.d);
      case GatewayOp.Resume:
        return this.resume(connection, payload.d);
      case GatewayOp.PresenceUpdate:
      case GatewayOp.VoiceStateUpdate:
      case GatewayOp.RequestGuildMembers:
      case GatewayOp.RequestSoundboardSounds:
        if (!connection.session) connection.socket.close(CloseCode.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        connection.socket.close(CloseCode.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private identify(connection: Connection, data: unknown): void {
    if (connection.session) return void connection.socket.close(CloseCode.AlreadyAuthenticated, 'Already authenticated.');
    const d = (typeof data === 'object' && data !== null ? data : {}) as {
      token?: unknown;
      intents?: unknown;
      shard?: unknown;
      compress?: unknown;
    };
    if (d.token !== this.state.token) return void connection.socket.close(CloseCode.AuthenticationFailed, 'Authentication failed.');
    const intents = d.intents;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0 || (intents & ~ALL_INTENTS) !== 0) {
      return void connection.socket.close(CloseCode.InvalidIntents, 'Invalid intent(s).');
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.options.privilegedIntents) !== 0) {
      return void connection.socket.close(CloseCode.DisallowedIntents, 'Disallowed intent(s).');
    }
    const shard = Array.isArray(d.shard) ? d.shard : [0, 1];
    const [shardId, shardCount] = shard as [unknown, unknown];
    if (
      !Number.isInteger(shardId) ||
      !Number.isInteger(shardCount) ||
      (shardCount as number) < 1 ||
      (shardId as number) < 0 ||
      (shardId as number) >= (shardCount as number)
    ) {
      return void connection.socket.close(CloseCode.InvalidShard, 'Invalid shard.');
    }
    connection.identifyCompress = d.compress === true && connection.zlibStream === undefined;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shard: [shardId as number, shardCount as number],
      intents,
      seq: 0,
      sent: [],
      connection,
    };
    this.sessions.set(session.id, session);
    connection.session = session;
    const { state } = this;
    const guildIds = this.shardOf(state.guildId, session.shard[1]) === session.shard[0] ? [state.guildId] : [];
    // The documented fields, plus the undocumented ones Discord also sends bots.
    const ready: GatewayReadyDispatchData & Record<string, unknown> = {
      v: 10,
      user: { ...state.userJson(state.botUser), verified: true, mfa_enabled: false, email: null },
      guilds: guildIds.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.url,
      shard: [session.shard[0], session.shard[1]],
      application: { id: state.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
      user_settings: {},
      relationships: [],
      private_channels: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ['["discord-emulator"]'],
    };
    void this.sendDispatch(session, 'READY', ready);
    // Guilds arrive as unavailable in READY, then one GUILD_CREATE each, as on Discord.
    for (const _id of guildIds) void this.sendDispatch(session, 'GUILD_CREATE', state.guildCreatePayload());
    state.changed();
  }

  private resume(connection: Connection, data: unknown): void {
    const d = (typeof data === 'object' && data !== null ? data : {}) as { token?: unknown; session_id?: unknown; seq?: unknown };
    if (d.token !== this.state.token) return void connection.socket.close(CloseCode.AuthenticationFailed, 'Authentication failed.');
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    const oldest = session?.sent[0]?.s ?? 1;
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    if (!session || seq + 1 < oldest) {
      void this.send(connection, { op: GatewayOp.InvalidSession, d: false, s: null, t: null });
      return;
    }
    session.connection = connection;
    connection.session = session;
    for (const event of session.sent.filter((e) => e.s > seq)) {
      void this.send(connection, { op: GatewayOp.Dispatch, ...event });
    }
    void this.sendDispatch(session, 'RESUMED', { _trace: ['["discord-emulator"]'] });
  }

  private sendDispatch(session: Session, t: string, d: unknown): Promise<void> {
    const event = { s: ++session.seq, t, d };
    session.sent.push(event);
    if (session.sent.length > RESUME_BUFFER) session.sent.shift();
    const connection = session.connection;
    return connection ? this.send(connection, { op: GatewayOp.Dispatch, ...event }) : Promise.resolve();
  }

  /** Sends in order; compression (when asked for) keeps one zlib context for the whole connection. */
  private send(connection: Connection, payload: object): Promise<void> {
    const json = JSON.stringify(payload);
    const next = connection.queue.then(async () => {
      if (connection.socket.readyState !== connection.socket.OPEN) return;
      let frame: string | Buffer = json;
      if (connection.zlibStream) frame = await deflateChunk(connection.zlibStream, json);
      else if (connection.identifyCompress && (payload as { op?: number }).op === GatewayOp.Dispatch) frame = deflateSync(json);
      await new Promise<void>((resolve) => connection.socket.send(frame, () => resolve()));
    });
    connection.queue = next.catch(() => undefined);
    return next;
  }
}

/** One zlib-stream message: the payload deflated and sync-flushed, ending in 00 00 ff ff. */
function deflateChunk(stream: Deflate, text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => chunks.push(chunk);
    stream.on('data', onData);
    stream.write(text, (error) => {
      if (error) {
        stream.off('data', onData);
        reject(error);
      }
    });
    stream.flush(zlibConstants.Z_SYNC_FLUSH, () => {
      stream.off('data', onData);
      resolve(Buffer.concat(chunks));
    });
  });
}
