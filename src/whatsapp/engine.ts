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
  sendPresenceThrough,
  sendThrough,
} from "./outgoing.ts";
import { type ConnectionStatus, type InstanceInfo, type QrCode, Session } from "./session.ts";
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
}

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

  /** The session's connection state; undefined when the engine does not run the instance. */
  status(instanceId: string): ConnectionStatus | undefined {
    return this.sessions.get(instanceId)?.status;
  }

  /** Sends a message; resolves with its key once it is stored and sendMessage is emitted. */
  send(instanceId: string, to: string, content: OutgoingContent, quoted?: QuotedKey): Promise<MessageKey> {
    return sendThrough(this.sessions.get(instanceId), this.prisma, to, content, quoted);
  }

  markRead(instanceId: string, keys: MessageKey[]): Promise<void> {
    return markReadThrough(this.sessions.get(instanceId), keys);
  }

  sendPresence(instanceId: string, presence: Presence, to: string): Promise<void> {
    return sendPresenceThrough(this.sessions.get(instanceId), presence, to);
  }

  /** Starts the session if needed and asks WhatsApp for a code to link by phone number. */
  async requestPairingCode(instance: InstanceInfo, phoneNumber: string): Promise<string> {
    const session = await this.connect(instance);
    return session.requestPairingCode(phoneNumber);
  }

  /** The connection status of every session, for the instances gauge. */
  *statuses(): Generator<string> {
    for (const session of this.sessions.values()) yield session.status;
  }

  qrcode(instanceId: string): QrCode | undefined {
    return this.sessions.get(instanceId)?.qr;
  }

  /** Starts (or keeps) the session of an instance. */
  async connect(instance: InstanceInfo): Promise<Session> {
    let session = this.sessions.get(instance.id);
    if (session) session.instance = pickInfo(instance);
    if (session?.sock) return session;
    if (!session) {
      const db = this.ownership ? await this.ownership.claim(instance.id) : this.db;
      // Another call may have started it while the lease was taken.
      const started = this.sessions.get(instance.id);
      if (started) return this.connect(instance);
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

  /** Settings changed: a running session follows them from now on. */
  updateSettings(instance: InstanceInfo): void {
    const session = this.sessions.get(instance.id);
    if (session) session.instance = pickInfo(instance);
  }

  /** Closes the socket without logging out (the instance was made inactive). */
  async stop(instanceId: string): Promise<void> {
    const session = this.sessions.get(instanceId);
    this.sessions.delete(instanceId);
    await session?.stop("instance made inactive");
  }

  async restart(instanceId: string): Promise<void> {
    const session = this.sessions.get(instanceId);
    if (!session) return;
    await session.stop("restarting");
    await session.start();
  }

  async logout(instanceId: string): Promise<void> {
    const session = this.sessions.get(instanceId);
    this.sessions.delete(instanceId);
    await session?.logout();
  }

  /**
   * Takes an instance out of the engine: logs it off when linked (a failed logout is only
   * logged). Resolves once the session's last events are published; none follow.
   */
  async remove(instanceId: string): Promise<void> {
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
          const session = await this.connect(instance);
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
