// The RyzeAPI WebSocket event stream (GET /ws/:instance) and the account-wide one (GET /ws):
// who is connected, which frames each gets, and when a client is closed.
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { openedWithInstanceToken, type TokenRevocations } from "../auth/revocations.ts";
import type { Principal } from "../auth/tokens.ts";
import type { SocketConfigs } from "../domain/socket/live-configs.ts";
import type { EventBus } from "../events/bus.ts";
import { coarseEventOf } from "../events/mappings.ts";
import type { EventFlag, GatewayEvent } from "../events/types.ts";
import type { MetricsRecorder } from "../metrics/gateway-metrics.ts";
import { mayCarryMedia, withInlinedMedia } from "./media-inline.ts";
import { ryzeFrame } from "./webhooks/envelope.ts";

/** Frames a client may have sent but not yet written to its socket; one more and it is closed. */
export const MAX_PENDING_FRAMES = 256;

/** How a /ws connection ends, other than by the client. */
export const WS_CLOSE = {
  /** MAX_PENDING_FRAMES were still unwritten: the client does not read fast enough. */
  slowClient: { code: 4008, reason: "Slow client" },
  /** The socket configuration was disabled or deleted: the same refuses an upgrade with 400. */
  disabled: { code: 4400, reason: "WebSocket disabled" },
  /** The instance token that opened the connection was rotated. */
  tokenRevoked: { code: 4403, reason: "Token revoked" },
  /** The instance was deleted; its instanceDelete frame was the last one. */
  instanceDeleted: { code: 4410, reason: "Instance deleted" },
  shuttingDown: { code: 1001, reason: "Server shutting down" },
} as const;

type Closing = (typeof WS_CLOSE)[keyof typeof WS_CLOSE];

/** Who may open a stream: the caller, and the instance (none: every instance's events). */
export interface StreamGrant {
  owner: Principal;
  instanceId?: string;
}

interface Client {
  ws: WebSocket;
  raw: Socket | undefined;
  owner: Principal;
  instanceId: string | undefined;
  /** Frames handed to `ws.send` whose write has not completed. */
  pending: number;
  /** Called back once per written frame (one function per client, not one per frame). */
  written: () => void;
  corked: boolean;
}

/**
 * Every /ws client, by instance. An event is turned into a frame only when some client will
 * get it, once, and the same text goes to each of them. Sending never waits: frames a client
 * has not taken are counted, and a client that has MAX_PENDING_FRAMES of them is closed
 * while the others go on. The frames of one event-loop turn leave in one write per client.
 */
export class WsHub {
  private readonly byInstance = new Map<string, Set<Client>>();
  private readonly accountWide = new Set<Client>();
  private readonly server: WebSocketServer;
  /** Clients whose socket is corked until the end of this event-loop turn. */
  private readonly corked: Client[] = [];
  /** Per instance, the revocation count when its token was last revoked. */
  private readonly revokedAt = new Map<string, number>();
  private revocations = 0;
  /**
   * Per instance, the frames waiting behind a media download (mediaBase64): while one runs,
   * the instance's later frames queue behind it, so its clients get them in order.
   */
  private readonly inOrder = new Map<string, Promise<void>>();
  private readonly stops: (() => void)[];

  constructor(
    private readonly deps: {
      bus: EventBus;
      configs: SocketConfigs;
      revocations: TokenRevocations;
      metrics: Pick<MetricsRecorder, "slowClientDropped">;
      /** Named in each frame's instanceData.baseUrl when set. */
      publicUrl?: string;
      /** Largest media file inlined for a configuration with mediaBase64. */
      mediaMaxBytes: number;
    },
  ) {
    // Clients only listen: what they send is discarded, so it is kept small.
    this.server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
    this.stops = [
      deps.bus.on((event) => this.deliver(event)),
      deps.bus.addCrowdedProbe(() => this.crowded()),
      deps.configs.onChange((instanceId, config) => {
        if (!config?.enabled) this.closeInstance(instanceId, WS_CLOSE.disabled);
      }),
      deps.revocations.onRevoke((instanceId) => this.revoke(instanceId)),
    ];
  }

  /** A number to hand back to `revokedSince`: whether a token was revoked in between. */
  revocationMark(): number {
    return this.revocations;
  }

  revokedSince(instanceId: string, mark: number): boolean {
    return (this.revokedAt.get(instanceId) ?? 0) > mark;
  }

  /** Completes an authorized upgrade and adds the client. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer, grant: StreamGrant): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.add(ws, grant));
  }

  clientCount(instanceId?: string): number {
    return instanceId === undefined
      ? this.accountWide.size + [...this.byInstance.values()].reduce((sum, set) => sum + set.size, 0)
      : (this.byInstance.get(instanceId)?.size ?? 0);
  }

  close(): void {
    for (const stop of this.stops) stop();
    for (const client of this.allClients()) this.drop(client, WS_CLOSE.shuttingDown);
    this.server.close();
  }

  private add(ws: WebSocket, grant: StreamGrant): void {
    const client: Client = {
      ws,
      raw: (ws as unknown as { _socket?: Socket })._socket,
      owner: grant.owner,
      instanceId: grant.instanceId,
      pending: 0,
      written: () => {
        client.pending -= 1;
      },
      corked: false,
    };
    if (grant.instanceId === undefined) this.accountWide.add(client);
    else {
      const clients = this.byInstance.get(grant.instanceId) ?? new Set();
      this.byInstance.set(grant.instanceId, clients.add(client));
    }
    // A failed write closes the socket: the close event removes the client.
    ws.on("error", () => undefined);
    ws.on("close", () => this.remove(client));
  }

  private remove(client: Client): void {
    if (client.instanceId === undefined) {
      this.accountWide.delete(client);
      return;
    }
    const clients = this.byInstance.get(client.instanceId);
    clients?.delete(client);
    if (clients?.size === 0) this.byInstance.delete(client.instanceId);
  }

  /** No more frames for the client; the close frame follows those already sent. */
  private drop(client: Client, closing: Closing): void {
    this.remove(client);
    client.ws.close(closing.code, closing.reason);
  }

  private deliver(event: GatewayEvent): void {
    const clients = this.byInstance.get(event.instanceId);
    // The common case: nobody listens, and nothing is done.
    if (!clients && this.accountWide.size === 0) return;
    const coarse = coarseEventOf(event.type);
    if (coarse) {
      let frame: string | undefined;
      if (clients && this.wanted(event)) {
        if (this.inOrder.has(event.instanceId) || this.inlinesMedia(event)) this.sendLater(event);
        else {
          frame = this.frame(event);
          for (const client of clients) this.send(client, frame);
        }
      }
      if (this.accountWide.size > 0) {
        frame ??= this.frame(event);
        for (const client of this.accountWide) this.send(client, frame);
      }
    }
    if (event.type === "instanceDelete") {
      const { instanceId } = event;
      const forget = () => {
        this.closeInstance(instanceId, WS_CLOSE.instanceDeleted);
        this.deps.configs.forget(instanceId);
        this.revokedAt.delete(instanceId);
      };
      const waiting = this.inOrder.get(instanceId);
      if (waiting) void waiting.then(forget);
      else forget();
    }
  }

  private inlinesMedia(event: GatewayEvent): boolean {
    return Boolean(this.deps.configs.peek(event.instanceId)?.mediaBase64) && mayCarryMedia(event.type);
  }

  /** Sends after the instance's earlier frames, with the media inlined when configured. */
  private sendLater(event: GatewayEvent): void {
    const { instanceId } = event;
    const inline = this.inlinesMedia(event);
    const previous = this.inOrder.get(instanceId) ?? Promise.resolve();
    const done = previous.then(async () => {
      const data = inline
        ? await withInlinedMedia(event.type, event.json, this.deps.mediaMaxBytes)
        : event.json;
      const frame = ryzeFrame(event, event.timestamp, data, this.deps.publicUrl) as string;
      for (const client of this.byInstance.get(instanceId) ?? []) this.send(client, frame);
    });
    this.inOrder.set(instanceId, done);
    void done.then(() => {
      if (this.inOrder.get(instanceId) === done) this.inOrder.delete(instanceId);
    });
  }

  /** The instance's configuration decides, except for instanceDelete, which always goes out. */
  private wanted(event: GatewayEvent): boolean {
    const config = this.deps.configs.peek(event.instanceId);
    if (!config?.enabled) return false;
    return event.type === "instanceDelete" || config.flags[event.type as EventFlag];
  }

  /** RyzeAPI's envelope, built around the event's JSON text (see ryzeFrame). */
  private frame(event: GatewayEvent): string {
    return ryzeFrame(event, event.timestamp, event.json, this.deps.publicUrl) as string;
  }

  private send(client: Client, frame: string): void {
    if (client.pending >= MAX_PENDING_FRAMES) {
      this.drop(client, WS_CLOSE.slowClient);
      this.deps.metrics.slowClientDropped("ws");
      return;
    }
    this.cork(client);
    client.pending += 1;
    client.ws.send(frame, client.written);
  }

  private cork(client: Client): void {
    if (client.corked || !client.raw) return;
    client.corked = true;
    client.raw.cork();
    if (this.corked.push(client) === 1) setImmediate(this.uncork);
  }

  private readonly uncork = () => {
    for (const client of this.corked.splice(0)) {
      client.corked = false;
      client.raw?.uncork();
    }
  };

  /** A client a quarter full: a publisher of many events lets the event loop write. */
  private crowded(): boolean {
    for (const client of this.allClients()) if (client.pending * 4 >= MAX_PENDING_FRAMES) return true;
    return false;
  }

  private closeInstance(instanceId: string, closing: Closing): void {
    for (const client of this.byInstance.get(instanceId) ?? []) this.drop(client, closing);
  }

  private revoke(instanceId: string): void {
    this.revocations += 1;
    this.revokedAt.set(instanceId, this.revocations);
    for (const client of this.byInstance.get(instanceId) ?? []) {
      if (openedWithInstanceToken(client.owner, instanceId)) this.drop(client, WS_CLOSE.tokenRevoked);
    }
  }

  private *allClients(): Generator<Client> {
    yield* this.accountWide;
    for (const clients of this.byInstance.values()) yield* clients;
  }
}
