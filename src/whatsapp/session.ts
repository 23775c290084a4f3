import { Boom } from "@hapi/boom";
import makeWASocket, {
  type BaileysEventMap,
  Browsers,
  BufferJSON,
  type ConnectionState,
  DisconnectReason,
  isJidGroup,
  isJidStatusBroadcast,
  type WASocket,
  type WAVersion,
} from "@whiskeysockets/baileys";
import QRCode from "qrcode";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { EventBus } from "../events/bus.ts";
import type { EventLog } from "../events/log.ts";
import type { Logger } from "../logger.ts";
import type { MetricsRecorder } from "../metrics/gateway-metrics.ts";
import { clearAuthState, loadAuthState, type StoredAuthState } from "./auth-state.ts";
import { backoffDelay, classifyClose } from "./close-reasons.ts";
import { jobsFor } from "./event-map.ts";
import { saveGroups } from "./store.ts";
import { WorkQueue } from "./work-queue.ts";

export type ConnectionStatus = "open" | "connecting" | "close" | "refused";

export interface QrCode {
  code: string;
  dataUrl: string;
  count: number;
  createdAt: Date;
}

export interface SessionDeps {
  config: Config;
  /** The Prisma client, and `write` for the engine's rows (one transaction per call). */
  db: Pick<Database, "prisma" | "write">;
  bus: EventBus;
  log: EventLog;
  logger: Logger;
  baileysLogger: Logger;
  metrics: Pick<MetricsRecorder, "sessionClosed">;
  version: WAVersion;
}

/** What a session needs of its instance; the behaviour settings apply as they change. */
export interface InstanceInfo {
  id: string;
  name: string;
  alwaysOnline: boolean;
  syncFullHistory: boolean;
  rejectCalls: boolean;
  callRejectMessage: string | null;
  ignoreGroups: boolean;
  ignoreStatus: boolean;
  readMessages: boolean;
}

/**
 * One instance's WhatsApp session: a Baileys socket, its stored auth state, its work queue,
 * and the close-handling table. The session object lives as long as the instance runs;
 * sockets come and go inside it.
 */
export class Session {
  sock: WASocket | undefined;
  status: ConnectionStatus = "close";
  qr: QrCode | undefined;
  readonly queue: WorkQueue;
  private auth: StoredAuthState | undefined;
  private stopped = true;
  private attempts = 0;
  /** The push name last reported in a connectionUpdate event. */
  private reportedPushName: string | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private connectTimer: NodeJS.Timeout | undefined;
  private readonly logger: Logger;

  constructor(
    public instance: InstanceInfo,
    private readonly deps: SessionDeps,
  ) {
    this.logger = deps.logger.child({ instance: instance.name, instanceId: instance.id });
    this.queue = new WorkQueue(instance.id, deps.log, deps.bus, this.logger, {
      batchSize: 500,
      lingerMs: 5,
      highWater: 5000,
      onPressure: (paused) => this.setPaused(paused),
    });
  }

  get accountJid(): string | undefined {
    return this.auth?.state.creds.me?.id;
  }

  /** Opens the socket (with saved creds when there are some, else a QR follows). */
  async start(): Promise<void> {
    this.stopped = false;
    clearTimeout(this.retryTimer);
    this.auth ??= await loadAuthState(this.deps.db, this.instance.id, this.deps.baileysLogger);
    this.setStatus("connecting", { reason: "starting" });
    const { config } = this.deps;
    const sock = makeWASocket({
      auth: this.auth.state,
      version: this.deps.version,
      browser: Browsers.ubuntu(config.WA_BROWSER_NAME),
      logger: this.deps.baileysLogger as never,
      printQRInTerminal: false,
      // Baileys' connect timeout also times every frame sent, with two formatted stack traces
      // and a timer each: a fifth of the CPU of an inbound message. The session bounds the
      // connect itself instead (watchConnect); a stalled socket fails its keep-alive query.
      connectTimeoutMs: 0,
      defaultQueryTimeoutMs: config.WA_QUERY_TIMEOUT_MS,
      keepAliveIntervalMs: config.WA_KEEPALIVE_MS,
      ...(config.WA_QR_TIMEOUT_MS ? { qrTimeout: config.WA_QR_TIMEOUT_MS } : {}),
      markOnlineOnConnect: this.instance.alwaysOnline,
      syncFullHistory: this.instance.syncFullHistory,
      ...(config.WA_WS_URL ? { waWebSocketUrl: config.WA_WS_URL } : {}),
      getMessage: async (key) => this.storedContent(key.remoteJid, key.id, key.fromMe),
      shouldIgnoreJid: (jid) =>
        (this.instance.ignoreGroups && isJidGroup(jid)) ||
        (this.instance.ignoreStatus && isJidStatusBroadcast(jid)),
    });
    this.sock = sock;
    this.watchConnect(sock);
    sock.ev.process(async (events) => {
      // Events of a socket that was replaced are stale.
      if (this.sock !== sock) return;
      const creds = events["creds.update"];
      if (creds) {
        void this.auth?.saveCreds();
        // The account's push name arrives after `open`, through the app state: stored and
        // reported in a second connectionUpdate, so clients learn the name without polling.
        if (creds.me?.name && this.status === "open" && creds.me.name !== this.reportedPushName)
          this.saveAccount(true);
      }
      const update = events["connection.update"];
      if (update) await this.onConnectionUpdate(sock, update);
      if (this.instance.rejectCalls || this.instance.readMessages) void this.applyBehaviour(sock, events);
      for (const job of jobsFor(events, {
        prisma: this.deps.db.prisma,
        instanceId: this.instance.id,
        instanceName: this.instance.name,
      })) {
        this.queue.push(job);
      }
      const participants = events["group-participants.update"];
      if (participants) void this.refreshGroup(sock, participants.id);
    });
  }

  /**
   * A socket that shows neither a QR nor `open` within WA_CONNECT_TIMEOUT_MS is ended as a
   * timed-out connect: a transient close, retried with backoff.
   */
  private watchConnect(sock: WASocket): void {
    clearTimeout(this.connectTimer);
    this.connectTimer = setTimeout(() => {
      if (this.sock !== sock || this.status === "open" || this.qr) return;
      void sock.end(new Boom("Connection timed out", { statusCode: DisconnectReason.timedOut }));
    }, this.deps.config.WA_CONNECT_TIMEOUT_MS);
  }

  /**
   * A membership change reports only who changed: the stored group takes the full member
   * list from the server, so `Group.participants` stays current.
   */
  private async refreshGroup(sock: WASocket, jid: string): Promise<void> {
    try {
      const metadata = await sock.groupMetadata(jid);
      if (this.sock !== sock) return;
      this.queue.push({
        writes: () => saveGroups(this.deps.db.prisma, this.instance.id, [metadata]),
        events: [],
      });
    } catch (error) {
      // E.g. the account itself left or was removed: the server no longer answers for it.
      this.logger.debug({ err: error, jid }, "could not refresh a group after a membership change");
    }
  }

  async requestPairingCode(phoneNumber: string): Promise<string> {
    if (!this.sock) throw new Error("the session is not running");
    if (this.auth?.state.creds.me) throw new Error("a device is already linked");
    // The code can only be requested once the socket waits for pairing (first QR shown).
    await this.waitFor(() => Boolean(this.qr) || !this.sock, this.deps.config.WA_CONNECT_TIMEOUT_MS);
    if (!this.sock) throw new Error("the session closed before pairing");
    return this.sock.requestPairingCode(phoneNumber);
  }

  /** Resolves once the socket is open, waits for a scan, or stopped (or after timeoutMs). */
  settled(timeoutMs: number): Promise<void> {
    return this.waitFor(() => this.status !== "connecting" || Boolean(this.qr), timeoutMs).catch(
      () => undefined,
    );
  }

  private waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (condition()) resolve();
        else if (Date.now() - started > timeoutMs) reject(new Error("timed out waiting for the session"));
        else setTimeout(check, 50);
      };
      check();
    });
  }

  /** The instance's behaviour settings: reject calls, mark incoming messages read. */
  private async applyBehaviour(sock: WASocket, events: Partial<BaileysEventMap>): Promise<void> {
    try {
      if (this.instance.rejectCalls) {
        for (const call of events.call ?? []) {
          if (call.status !== "offer") continue;
          await sock.rejectCall(call.id, call.from);
          if (this.instance.callRejectMessage)
            await sock.sendMessage(call.from, { text: this.instance.callRejectMessage });
        }
      }
      const upsert = events["messages.upsert"];
      if (this.instance.readMessages && upsert?.type === "notify") {
        const keys = upsert.messages.filter((message) => !message.key.fromMe).map((message) => message.key);
        if (keys.length > 0) await sock.readMessages(keys);
      }
    } catch (error) {
      this.logger.warn({ err: error }, "behaviour setting could not be applied");
    }
  }

  /** Closes the socket without logging out; nothing reconnects it. */
  async stop(reason = "stopped"): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.connectTimer);
    const sock = this.sock;
    this.sock = undefined;
    this.qr = undefined;
    sock?.end(undefined);
    this.setStatus("close", { reason });
    await this.queue.idle();
    await this.auth?.flush();
  }

  /** Logs the linked device off WhatsApp and forgets its creds; the instance stays. */
  async logout(): Promise<void> {
    const sock = this.sock;
    this.stopped = true;
    try {
      if (sock && this.status === "open") await sock.logout("logout requested");
    } finally {
      await this.stop("logged out");
      await this.forgetDevice();
    }
  }

  private async onConnectionUpdate(sock: WASocket, update: Partial<ConnectionState>): Promise<void> {
    if (update.qr) await this.onQr(update.qr);
    if (update.connection === "open") {
      this.attempts = 0;
      this.qr = undefined;
      const me = this.auth?.state.creds.me;
      this.reportedPushName = me?.name;
      this.setStatus("open", { jid: me?.id, pushName: me?.name });
      this.saveAccount(false);
    }
    if (update.connection === "close")
      await this.onClose(sock, update.lastDisconnect?.error as Boom | undefined);
  }

  /** The linked account's row (jid and push name), as the creds know it now. */
  private saveAccount(report: boolean): void {
    const me = this.auth?.state.creds.me;
    if (!me?.id) return;
    const account = { remoteJid: me.id, pushName: me.name ?? null };
    if (report) this.reportedPushName = me.name;
    this.queue.push({
      writes: () => [
        this.deps.db.prisma.whatsApp.upsert({
          where: { instanceId: this.instance.id },
          create: { instanceId: this.instance.id, ...account },
          update: account,
        }),
      ],
      events: report
        ? [this.event("connectionUpdate", { state: "open", jid: me.id, pushName: me.name })]
        : [],
    });
  }

  private async onQr(code: string): Promise<void> {
    const dataUrl = await QRCode.toDataURL(code, { margin: 1, width: 320 });
    this.qr = { code, dataUrl, count: (this.qr?.count ?? 0) + 1, createdAt: new Date() };
    if (this.deps.logger.isLevelEnabled("info")) {
      const terminal = await QRCode.toString(code, { type: "terminal", small: true });
      this.logger.info(`scan this QR code to link ${this.instance.name}:\n${terminal}`);
    }
    this.queue.push({
      writes: () => [],
      events: [this.event("qrcodeUpdate", { qr: code, base64: dataUrl, count: this.qr.count })],
    });
  }

  private async onClose(sock: WASocket, error: Boom | undefined): Promise<void> {
    if (this.sock !== sock) return;
    this.sock = undefined;
    this.qr = undefined;
    if (this.stopped) return;
    const statusCode = error?.output?.statusCode;
    const { action, why, reason } = classifyClose(statusCode, error?.message);
    this.logger.info({ statusCode, action }, `connection closed: ${why}`);
    this.deps.metrics.sessionClosed(reason, action);
    switch (action) {
      case "reconnect-now":
        await this.start();
        return;
      case "reconnect-backoff": {
        this.attempts += 1;
        const delay = backoffDelay(
          this.attempts,
          this.deps.config.WA_RECONNECT_BASE_MS,
          this.deps.config.WA_RECONNECT_MAX_MS,
        );
        this.setStatus("connecting", { reason: why, retryInMs: delay, attempt: this.attempts });
        this.retryTimer = setTimeout(
          () => void this.start().catch((err) => this.logger.error({ err }, "reconnect failed")),
          delay,
        );
        return;
      }
      case "logged-out":
        this.stopped = true;
        this.setStatus("close", { reason: why, statusCode });
        await this.forgetDevice();
        return;
      case "replaced":
        this.stopped = true;
        this.setStatus("close", { reason: why, statusCode });
        return;
      case "refused":
        this.stopped = true;
        this.setStatus("refused", { reason: why, statusCode });
        await this.forgetDevice();
        return;
    }
  }

  private async forgetDevice(): Promise<void> {
    // Drop pending key writes and let any write in flight land before the rows go.
    this.auth?.discard();
    await this.auth?.flush();
    await this.queue.idle();
    await clearAuthState(this.deps.db, this.instance.id);
    this.auth = undefined;
  }

  /** Records and reports a connection change, in order with everything else of this instance. */
  private setStatus(
    status: ConnectionStatus,
    details: Record<string, unknown>,
    extraWrites: () => unknown[] = () => [],
  ) {
    const changed = this.status !== status;
    this.status = status;
    const events = [this.event("connectionUpdate", { state: status, ...details })];
    if (changed) events.push(this.event("stateInstance", { state: status }));
    this.queue.push({
      writes: () => [
        this.deps.db.prisma.instance.updateMany({
          where: { id: this.instance.id },
          data: { connection: status },
        }),
        ...extraWrites(),
      ],
      events,
    });
  }

  private event(type: "connectionUpdate" | "stateInstance" | "qrcodeUpdate", data: unknown) {
    return { instanceId: this.instance.id, instanceName: this.instance.name, type, data };
  }

  private setPaused(paused: boolean): void {
    const raw = (this.sock?.ws as unknown as { socket?: { pause(): void; resume(): void } } | undefined)
      ?.socket;
    if (paused) raw?.pause();
    else raw?.resume();
    this.logger.warn({ queued: this.queue.size }, paused ? "engine behind: socket paused" : "socket resumed");
  }

  private async storedContent(chatJid?: string | null, keyId?: string | null, fromMe?: boolean | null) {
    if (!chatJid || !keyId) return undefined;
    const row = await this.deps.db.prisma.message.findFirst({
      where: { instanceId: this.instance.id, chatJid, keyId, fromMe: Boolean(fromMe) },
    });
    return row ? JSON.parse(row.content, BufferJSON.reviver) : undefined;
  }
}
