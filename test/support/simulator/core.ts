import type { BinaryNode } from "@whiskeysockets/baileys";
import { buildCertChain, type CertificateChainKind, type KeyPair, newKeyPair } from "./certificates.ts";
import type { Connection } from "./connection.ts";
import { type CompanionDevice, Directory } from "./directory.ts";
import { GroupRegistry } from "./groups.ts";

export type SimulatorOptions = {
  port?: number;
  host?: string;
  log?: boolean;
  /** QR refs sent to each registering client (Baileys shows one per qrTimeout, then 408). */
  qrRefs?: number;
  /** Stanzas kept per offline companion device; the oldest are dropped beyond it. */
  offlineQueueLimit?: number;
  /** Accept logins from devices this simulator never paired (e.g. after a restart). */
  acceptUnknownDevices?: boolean;
  /** Send the inline history sync after a new companion's first login (avoids a 20 s stall). */
  historySync?: boolean;
  /**
   * Messages a device's stream was sent but never acked go to its offline queue when the
   * stream closes, as WhatsApp keeps them until they are acked. Off by default.
   */
  redeliverUnacked?: boolean;
};

export type ResolvedOptions = Required<Omit<SimulatorOptions, "port" | "host">>;

type AckWaiter = { resolve: (acked: boolean) => void; timer: NodeJS.Timeout };

/** Shared simulator state used by the protocol handlers. */
export class SimCore {
  readonly directory = new Directory();
  readonly groups = new GroupRegistry();
  readonly staticKey: KeyPair = newKeyPair();
  /** What new connections are shown as the server's certificate chain. */
  certChain: Uint8Array;
  certChainKind: CertificateChainKind = "valid";
  readonly options: ResolvedOptions;
  /** QR ref -> registering connection. */
  readonly refs = new Map<string, Connection>();
  readonly connections = new Set<Connection>();
  private readonly ackWaiters = new Map<string, AckWaiter>();
  readonly stats = {
    handshakes: 0,
    pairings: 0,
    logins: 0,
    replaced: 0,
    stanzasIn: 0,
    stanzasOut: 0,
    /** Logins accepted whose stream is not open yet, now and at most since the last reset. */
    loginsInFlight: 0,
    loginsInFlightPeak: 0,
  };

  constructor(
    options: SimulatorOptions,
    /** `host:port` of the media host, for media_conn answers. */
    readonly mediaHostname: string,
  ) {
    this.options = {
      log: options.log ?? false,
      qrRefs: options.qrRefs ?? 6,
      offlineQueueLimit: options.offlineQueueLimit ?? 5_000,
      acceptUnknownDevices: options.acceptUnknownDevices ?? true,
      historySync: options.historySync ?? true,
      redeliverUnacked: options.redeliverUnacked ?? false,
    };
    this.certChain = buildCertChain(this.staticKey.public);
  }

  presentCertificateChain(kind: CertificateChainKind): void {
    this.certChainKind = kind;
    this.certChain = buildCertChain(this.staticKey.public, kind);
  }

  log(msg: string, err?: unknown): void {
    if (!this.options.log) return;
    const detail = err instanceof Error ? `: ${err.stack ?? err.message}` : err ? `: ${String(err)}` : "";
    console.log(`[wa-sim] ${msg}${detail}`);
  }

  /**
   * Sends a stanza to a companion device now, or queues it for the device's next login.
   * Returns whether it went out immediately.
   */
  deliver(device: CompanionDevice, node: BinaryNode): boolean {
    if (device.removed) return false;
    const stream = device.stream;
    if (stream) {
      if (this.options.redeliverUnacked && node.tag === "message") device.unacked.set(node.attrs.id, node);
      stream.send(node);
      this.stats.stanzasOut++;
      return true;
    }
    device.offline.push(node);
    return false;
  }

  /** Resolves true when the device acks (or receipts) stanza `id`, false on timeout. */
  waitForAck(device: CompanionDevice, id: string, timeoutMs = 30_000): Promise<boolean> {
    const key = `${device.pnJid}|${id}`;
    this.ackWaiters.get(key)?.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.ackWaiters.delete(key);
        resolve(false);
      }, timeoutMs);
      this.ackWaiters.set(key, {
        timer,
        resolve: (acked) => {
          clearTimeout(timer);
          this.ackWaiters.delete(key);
          resolve(acked);
        },
      });
    });
  }

  /** The client acknowledged stanzas (ack or receipt). */
  acked(device: CompanionDevice, ids: string[]): void {
    for (const id of ids) {
      device.unacked.delete(id);
      this.ackWaiters.get(`${device.pnJid}|${id}`)?.resolve(true);
    }
  }

  /** The device's stream closed: what it never acked waits for its next login. */
  requeueUnacked(device: CompanionDevice): void {
    for (const node of device.unacked.values()) device.offline.push(node);
    device.unacked.clear();
  }

  /** Companion devices of the account with an open, logged-in stream. */
  onlineDevices(phone: string): CompanionDevice[] {
    const user = this.directory.find(phone);
    return user ? user.activeCompanions().filter((d) => d.stream) : [];
  }

  shutdown(): void {
    for (const waiter of this.ackWaiters.values()) waiter.resolve(false);
    this.ackWaiters.clear();
    this.refs.clear();
  }
}
