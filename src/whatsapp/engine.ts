import { DEFAULT_CONNECTION_CONFIG, fetchLatestWaWebVersion, type WAVersion } from "@whiskeysockets/baileys";
import type { Config } from "../config.ts";
import type { Database, PrismaClient } from "../db/client.ts";
import type { EventBus } from "../events/bus.ts";
import type { EventLog } from "../events/log.ts";
import type { Logger } from "../logger.ts";
import type { MetricsRecorder } from "../metrics/gateway-metrics.ts";
import {
  type MessageKey,
  markReadThrough,
  type OutgoingContent,
  type Presence,
  type QuotedKey,
  SessionNotOpenError,
  sendPresenceThrough,
  sendThrough,
} from "./outgoing.ts";
import { type InstanceInfo, type QrCode, Session } from "./session.ts";
import { verifyCertificateChains } from "./signature-checks.ts";

const INFO_FIELDS = {
  id: true,
  name: true,
  alwaysOnline: true,
  syncFullHistory: true,
  rejectCalls: true,
  callRejectMessage: true,
  ignoreGroups: true,
  ignoreStatus: true,
  readMessages: true,
} as const;

function pickInfo(instance: InstanceInfo): InstanceInfo {
  return Object.fromEntries(
    Object.keys(INFO_FIELDS).map((key) => [key, instance[key as keyof InstanceInfo]]),
  ) as unknown as InstanceInfo;
}

/**
 * Who may run an instance's session (a cluster's lease): the database a session writes
 * through, fenced by this node's lease. Rejects when another node runs the instance.
 */
export interface SessionOwnership {
  claim(instanceId: string): Promise<Database>;
  /** The node that runs the instance's session, when it is another one. */
  runsElsewhere(instanceId: string): Promise<string | undefined>;
  /** Runs a call on that node (its Engine.run) and answers what it answered. */
  forward(nodeId: string, call: SessionCall): Promise<unknown>;
}

/** A call that needs an instance's session, as plain data: in a cluster it goes to the node that runs it. */
export type SessionCall =
  | { op: "send"; instanceId: string; to: string; content: OutgoingContent; quoted?: QuotedKey }
  | { op: "markRead"; instanceId: string; keys: MessageKey[] }
  | { op: "sendPresence"; instanceId: string; presence: Presence; to: string }
  | { op: "requestPairingCode"; instance: InstanceInfo; phoneNumber: string }
  | { op: "connect" | "updateSettings"; instance: InstanceInfo }
  | { op: "restart" | "logout" | "remove" | "stop" | "qrcode"; instanceId: string };

/** The sessions this process runs, one per active instance. */
export class Engine {
  private readonly sessions = new Map<string, Session>();
  private version: WAVersion | undefined;
  private readonly prisma: PrismaClient;
  /** Set in a cluster: sessions run under leases, and the cluster decides what to reopen. */
  ownership: SessionOwnership | undefined;

  constructor(
    private readonly config: Config,
    private readonly db: Database,
    private readonly bus: EventBus,
    private readonly log: EventLog,
    private readonly logger: Logger,
    private readonly metrics: MetricsRecorder,
  ) {
    this.prisma = db.prisma;
    verifyCertificateChains(config.WA_ROOT_PUBLIC_KEY);
  }

  session(instanceId: string): Session | undefined {
    return this.sessions.get(instanceId);
  }

  /** Sends a message; resolves with its key once it is stored and sendMessage is emitted. */
  send(instanceId: string, to: string, content: OutgoingContent, quoted?: QuotedKey): Promise<MessageKey> {
    return this.route({ op: "send", instanceId, to, content, quoted }) as Promise<MessageKey>;
  }

  markRead(instanceId: string, keys: MessageKey[]): Promise<void> {
    return this.route({ op: "markRead", instanceId, keys }) as Promise<void>;
  }

  sendPresence(instanceId: string, presence: Presence, to: string): Promise<void> {
    return this.route({ op: "sendPresence", instanceId, presence, to }) as Promise<void>;
  }

  /** Starts the session if needed and asks WhatsApp for a code to link by phone number. */
  requestPairingCode(instance: InstanceInfo, phoneNumber: string): Promise<string> {
    return this.route({ op: "requestPairingCode", instance, phoneNumber }) as Promise<string>;
  }

  /** The QR code currently shown for linking, if the session waits for a scan. */
  qrcode(instanceId: string): Promise<QrCode | undefined> {
    return this.route({ op: "qrcode", instanceId }) as Promise<QrCode | undefined>;
  }

  /** Starts (or keeps) the session of an instance, wherever it runs. */
  async connect(instance: InstanceInfo): Promise<void> {
    await this.route({ op: "connect", instance: pickInfo(instance) });
  }

  /**
   * Settings changed: a running session follows them from now on. A node that cannot be
   * reached is not waited for: its session reads the stored settings when it reopens.
   */
  async updateSettings(instance: InstanceInfo): Promise<void> {
    await this.route({ op: "updateSettings", instance: pickInfo(instance) }).catch((error: unknown) => {
      this.logger.warn(
        { err: error, instanceId: instance.id },
        "the session's node did not take new settings",
      );
    });
  }

  /**
   * Closes the socket without logging out (the instance was made inactive). A node that cannot
   * be reached stops it at its next round, when it sees the instance inactive.
   */
  async stop(instanceId: string): Promise<void> {
    await this.route({ op: "stop", instanceId }).catch((error: unknown) => {
      this.logger.warn({ err: error, instanceId }, "the session's node did not stop it");
    });
  }

  /** Closes and reopens the socket, keeping the linked device; SessionNotOpenError without one. */
  async restart(instanceId: string): Promise<void> {
    await this.route({ op: "restart", instanceId });
  }

  /** Logs the device off; SessionNotOpenError unless the session is open or connecting. */
  async logout(instanceId: string): Promise<void> {
    await this.route({ op: "logout", instanceId });
  }

  /**
   * Takes an instance out of the engine: logs it off when linked (a failed logout is only
   * logged). Resolves once the session's last events are published; none follow.
   */
  async remove(instanceId: string): Promise<void> {
    await this.route({ op: "remove", instanceId });
  }

  /** Runs a call on this node's session (a call another node forwarded included). */
  async run(call: SessionCall): Promise<unknown> {
    switch (call.op) {
      case "send":
        return sendThrough(
          this.sessions.get(call.instanceId),
          this.prisma,
          call.to,
          call.content,
          call.quoted,
        );
      case "markRead":
        return markReadThrough(this.sessions.get(call.instanceId), call.keys);
      case "sendPresence":
        return sendPresenceThrough(this.sessions.get(call.instanceId), call.presence, call.to);
      case "requestPairingCode":
        return (await this.open(call.instance)).requestPairingCode(call.phoneNumber);
      case "qrcode":
        return this.sessions.get(call.instanceId)?.qr;
      case "connect":
        await this.open(call.instance);
        return;
      case "updateSettings": {
        const session = this.sessions.get(call.instance.id);
        if (session) session.instance = call.instance;
        return;
      }
      case "stop":
        return this.stopHere(call.instanceId);
      case "restart":
        return this.restartHere(call.instanceId);
      case "logout":
        return this.logoutHere(call.instanceId);
      case "remove":
        return this.removeHere(call.instanceId);
    }
  }

  /** A call for a session another node runs goes there; every other one runs here. */
  private async route(call: SessionCall): Promise<unknown> {
    const instanceId = "instanceId" in call ? call.instanceId : call.instance.id;
    if (this.ownership && !this.sessions.has(instanceId)) {
      const owner = await this.ownership.runsElsewhere(instanceId);
      if (owner) return this.ownership.forward(owner, call);
    }
    return this.run(call);
  }

  /** The connection status of every session, for the instances gauge. */
  *statuses(): Generator<string> {
    for (const session of this.sessions.values()) yield session.status;
  }

  /** Starts (or keeps) the session of an instance on this node. */
  async open(instance: InstanceInfo): Promise<Session> {
    let session = this.sessions.get(instance.id);
    if (session) session.instance = pickInfo(instance);
    if (session?.sock) return session;
    if (!session) {
      const db = this.ownership ? await this.ownership.claim(instance.id) : this.db;
      // Another call may have started it while the lease was taken.
      const started = this.sessions.get(instance.id);
      if (started) return this.open(instance);
      session = new Session(pickInfo(instance), {
        config: this.config,
        db,
        bus: this.bus,
        log: this.log,
        logger: this.logger.child({ part: "engine" }),
        baileysLogger: this.logger.child({ part: "baileys" }, { level: this.config.WA_LOG_LEVEL }),
        metrics: this.metrics,
        version: await this.waVersion(),
      });
      this.sessions.set(instance.id, session);
    }
    await session.start();
    return session;
  }

  /** Closes this node's socket of the instance without logging out. */
  async stopHere(instanceId: string): Promise<void> {
    const session = this.sessions.get(instanceId);
    this.sessions.delete(instanceId);
    await session?.stop("instance made inactive");
  }

  private async restartHere(instanceId: string): Promise<void> {
    const session = this.sessions.get(instanceId);
    if (!session) throw new SessionNotOpenError();
    await session.stop("restarting");
    await session.start();
  }

  private async logoutHere(instanceId: string): Promise<void> {
    const session = this.sessions.get(instanceId);
    if (session?.status !== "open" && session?.status !== "connecting") throw new SessionNotOpenError();
    this.sessions.delete(instanceId);
    await session.logout();
  }

  private async removeHere(instanceId: string): Promise<void> {
    const session = this.sessions.get(instanceId);
    if (!session) return;
    this.sessions.delete(instanceId);
    try {
      if (session.status === "open" || session.status === "connecting") await session.logout();
      else await session.stop("removed");
    } catch (error) {
      this.logger.warn({ err: error, instanceId }, "logout during removal failed; removing anyway");
      await session.stop("removed").catch(() => undefined);
    }
  }

  /** The active instances that have a linked device: those a start reopens. */
  linkedInstances(): Promise<InstanceInfo[]> {
    return this.prisma.instance.findMany({
      where: { state: "active", whatsapp: { isNot: null }, authCreds: { isNot: null } },
      select: INFO_FIELDS,
    });
  }

  /** The instances whose sessions run here. */
  runningIds(): string[] {
    return [...this.sessions.keys()];
  }

  /** Reopens every active instance that has a linked device, a few at a time (a cluster places them instead). */
  async restore(): Promise<{ restored: number; failed: number }> {
    if (this.ownership) return { restored: 0, failed: 0 };
    const instances = await this.linkedInstances();
    if (instances.length >= MANY_SESSIONS && !frameBasedAsyncContext()) {
      this.logger.warn(
        { node: process.version, sessions: instances.length },
        "without frame-based async context each session slows every other one: for hundreds of sessions start Node 22 with --experimental-async-context-frame, or use Node 24.22 or later",
      );
    }
    let next = 0;
    let restored = 0;
    let failed = 0;
    const started = Date.now();
    const worker = async () => {
      while (next < instances.length) {
        const instance = instances[next++];
        try {
          // Wait for this login to finish before the next: at most WA_RESTORE_CONCURRENCY
          // handshakes run at once.
          const session = await this.open(instance);
          await session.settled(this.config.WA_CONNECT_TIMEOUT_MS);
          restored += 1;
        } catch (error) {
          failed += 1;
          this.logger.error({ err: error, instance: instance.name }, "could not reopen instance");
        }
        if ((restored + failed) % 100 === 0 || restored + failed === instances.length) {
          this.logger.info(
            { done: restored + failed, total: instances.length, ms: Date.now() - started },
            "reopening saved sessions",
          );
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(this.config.WA_RESTORE_CONCURRENCY, instances.length) }, worker),
    );
    return { restored, failed };
  }

  /** Closes every socket without logging out, so the next start reopens them. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.stop("shutting down")));
    this.sessions.clear();
  }

  private async waVersion(): Promise<WAVersion> {
    if (this.version) return this.version;
    let version = DEFAULT_CONNECTION_CONFIG.version;
    if (this.config.WA_VERSION) {
      version = this.config.WA_VERSION.split(".").map(Number) as WAVersion;
    } else if (this.config.WA_FETCH_LATEST_VERSION) {
      try {
        const latest = await fetchLatestWaWebVersion({ signal: AbortSignal.timeout(3000) });
        version = latest.version;
      } catch (error) {
        this.logger.warn(
          { err: error },
          "could not fetch the latest WhatsApp version; using the bundled one",
        );
      }
    }
    this.version = version;
    return version;
  }
}

/** From this many sessions on, the async-context cost below is worth a warning. */
const MANY_SESSIONS = 100;

/**
 * Baileys gives every socket its own AsyncLocalStorage. Unless Node uses frame-based async
 * context (Node 22 with the flag, Node 24 by default) each one adds work to every promise in
 * the process, so the CPU cost of N sessions grows with N squared (docs/benchmarks.md).
 */
function frameBasedAsyncContext(): boolean {
  const flag = "--experimental-async-context-frame";
  const major = Number(process.versions.node.split(".")[0]);
  return major >= 24 || process.execArgv.includes(flag) || (process.env.NODE_OPTIONS ?? "").includes(flag);
}
