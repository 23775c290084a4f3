import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { BinaryNode } from "@whiskeysockets/baileys";
import { WebSocketServer } from "ws";
import type { CertificateChainKind } from "./certificates.ts";
import { Connection } from "./connection.ts";
import { SimulatedContact } from "./contact.ts";
import { SimCore, type SimulatorOptions } from "./core.ts";
import type { CompanionDevice } from "./directory.ts";
import { SimulatedGroup } from "./group.ts";
import { changeNode, type GroupAddressing, notifyGroup } from "./groups.ts";
import type { PhoneHistory } from "./history.ts";
import { logoutDevice } from "./iq.ts";
import { MediaHost } from "./media.ts";
import { MAX_FRAME_BYTES } from "./noise.ts";
import { SimulatedPhone } from "./phone.ts";
import { createHandlers } from "./session.ts";
import { newMessageId, nowSeconds, streamError } from "./stanzas.ts";

export type DisconnectReasonName = "restartRequired" | "loggedOut" | "replaced" | "drop" | "badSession";
export type PresenceKind = "available" | "unavailable" | "composing" | "recording" | "paused";
export type PhoneOptions = { history?: PhoneHistory };
export type CreateGroupOptions = {
  subject: string;
  /** Phone number of the creator (superadmin). */
  creator: string;
  /** Phone numbers of the other members (the creator is added anyway). */
  participants: string[];
  admins?: string[];
  description?: string;
  /** Members addressed by phone number (default) or by LID in stanzas. */
  addressing?: GroupAddressing;
};

/** WhatsApp server simulator speaking the real wire protocol on 127.0.0.1. */
export class WhatsAppSimulator {
  private readonly phones = new Map<string, SimulatedPhone>();
  private readonly contacts = new Map<string, SimulatedContact>();
  private stopped = false;

  private constructor(
    private readonly core: SimCore,
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    /** Pass as Baileys' `waWebSocketUrl`. */
    readonly url: string,
    /** Where Baileys uploads media (named in the media_conn answer). */
    readonly media: MediaHost,
  ) {}

  static async start(options: SimulatorOptions = {}): Promise<WhatsAppSimulator> {
    const host = options.host ?? "127.0.0.1";
    const media = await MediaHost.start(host);
    const core = new SimCore(options, media.hostname);
    const handlers = createHandlers(core);
    const http = createServer((_req, res) => {
      res.writeHead(426, { "content-type": "text/plain" });
      res.end("WebSocket only\n");
    });
    const wss = new WebSocketServer({
      server: http,
      maxPayload: MAX_FRAME_BYTES + 1024,
      perMessageDeflate: false,
    });
    wss.on("connection", (ws) => {
      const conn = new Connection(ws, core.staticKey, core.certChain, handlers);
      core.connections.add(conn);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        http.once("error", reject);
        http.listen(options.port ?? 0, host, () => {
          http.off("error", reject);
          resolve();
        });
      });
    } catch (error) {
      await media.stop();
      throw error;
    }
    const { port } = http.address() as AddressInfo;
    const urlHost = host.includes(":") ? `[${host}]` : host;
    return new WhatsAppSimulator(core, http, wss, `ws://${urlHost}:${port}/ws/chat`, media);
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  /** QR refs sent to each registering client from now on (Baileys closes with 408 after the last). */
  set qrRefs(count: number) {
    this.core.options.qrRefs = Math.max(1, Math.floor(count));
  }
  get qrRefs(): number {
    return this.core.options.qrRefs;
  }

  /**
   * The certificate chain new connections get in the handshake (streams already open keep
   * theirs): "valid" (signed by TEST_ROOT_KEY, the default), "unknown-root", or
   * "tampered-intermediate" / "tampered-leaf" (one bit of that signature flipped).
   */
  set certificateChain(kind: CertificateChainKind) {
    this.core.presentCertificateChain(kind);
  }
  get certificateChain(): CertificateChainKind {
    return this.core.certChainKind;
  }

  /**
   * The phone that owns an account; scanning a QR string links the connecting client as a
   * companion device. `history` is what it sends each device it links (see PhoneHistory).
   */
  phone(phoneNumber: string, pushName?: string, options: PhoneOptions = {}): SimulatedPhone {
    const user = this.core.directory.user(phoneNumber, pushName);
    let phone = this.phones.get(user.phone);
    if (!phone) {
      phone = new SimulatedPhone(this.core, user);
      this.phones.set(user.phone, phone);
    }
    if (options.history) phone.setHistory(options.history);
    return phone;
  }

  /** Another WhatsApp user who can message the account and decrypt what it sends. */
  contact(phoneNumber: string, pushName?: string): SimulatedContact {
    const user = this.core.directory.user(phoneNumber, pushName);
    let contact = this.contacts.get(user.phone);
    if (!contact) {
      contact = new SimulatedContact(this.core, user);
      this.contacts.set(user.phone, contact);
    }
    return contact;
  }

  /**
   * A group created by `creator` (a phone number) with the given members; every linked
   * device of a member gets the `create` notification (Baileys: `groups.upsert`). Devices
   * linked later learn about it from a dirty bit at their first login.
   */
  createGroup(options: CreateGroupOptions): SimulatedGroup {
    const directory = this.core.directory;
    const creator = directory.user(options.creator);
    const state = this.core.groups.create(
      creator,
      options.subject,
      options.participants.map((phone) => directory.user(phone)),
      {
        admins: options.admins?.map((phone) => directory.user(phone)),
        addressing: options.addressing,
      },
    );
    if (options.description) {
      state.description = {
        id: newMessageId(),
        body: options.description,
        owner: creator,
        time: state.creation,
      };
    }
    notifyGroup(this.core, state, creator, changeNode(state, { kind: "create" }));
    return new SimulatedGroup(this.core, state);
  }

  /** A group by jid (`…@g.us`), also one the account created. */
  group(jid: string): SimulatedGroup | undefined {
    const state = this.core.groups.get(jid);
    return state && new SimulatedGroup(this.core, state);
  }

  /** LID the simulator assigned to a phone number (`<digits>@lid`). */
  lidOf(phoneNumber: string): string {
    return this.core.directory.user(phoneNumber).lidJid;
  }

  /** Delivery (status 3) or read (status 4) receipt from a contact for a message the account sent. */
  async sendReceipt(
    accountPhone: string,
    messageId: string,
    from: string,
    type: "delivery" | "read",
  ): Promise<void> {
    const contact = this.core.directory.user(from);
    this.toAccount(accountPhone, {}, () => ({
      tag: "receipt",
      attrs: {
        from: contact.pnJid,
        id: messageId,
        t: nowSeconds(),
        ...(type === "read" ? { type: "read" } : {}),
      },
    }));
  }

  /** Presence (`presence.update`) of a contact, as seen by the account. */
  async sendPresence(accountPhone: string, fromContactPhone: string, presence: PresenceKind): Promise<void> {
    const from = this.core.directory.user(fromContactPhone).pnJid;
    // Presence is live only: nothing is queued for offline devices.
    this.toAccount(accountPhone, { onlineOnly: true }, () => {
      if (presence === "available" || presence === "unavailable") {
        return {
          tag: "presence",
          attrs: { from, ...(presence === "unavailable" ? { type: "unavailable", last: nowSeconds() } : {}) },
        };
      }
      const state: BinaryNode =
        presence === "recording"
          ? { tag: "composing", attrs: { media: "audio" } }
          : { tag: presence, attrs: {} };
      return { tag: "chatstate", attrs: { from }, content: [state] };
    });
  }

  /** Incoming voice (or video) call offer from a contact (`call` event); returns the call id. */
  async sendCallOffer(
    accountPhone: string,
    fromContactPhone: string,
    options: { video?: boolean } = {},
  ): Promise<string> {
    const from = this.core.directory.user(fromContactPhone).pnJid;
    const callId = randomBytes(16).toString("hex").toUpperCase();
    const media: BinaryNode[] = [{ tag: "audio", attrs: { enc: "opus", rate: "16000" } }];
    if (options.video) media.push({ tag: "video", attrs: { enc: "vp8", dec: "vp8" } });
    this.toAccount(accountPhone, {}, () => ({
      tag: "call",
      attrs: { from, id: randomBytes(8).toString("hex").toUpperCase(), t: nowSeconds() },
      content: [
        { tag: "offer", attrs: { "call-id": callId, "call-creator": from, count: "0" }, content: media },
      ],
    }));
    return callId;
  }

  /**
   * Ends an account's current stream the way WhatsApp would: 515 restart required,
   * 401 logged out (device removed), 440 replaced (conflict), 500 bad session, or a plain
   * socket drop (transient). `loggedOut` also removes the device for good.
   */
  disconnect(accountPhone: string, reason: DisconnectReasonName): void {
    const user = this.core.directory.find(accountPhone);
    if (!user) return;
    for (const device of user.activeCompanions()) {
      const conn = device.stream ?? device.pending;
      if (reason === "loggedOut") logoutDevice(this.core, device);
      if (!conn) continue;
      switch (reason) {
        case "restartRequired":
          conn.end(streamError(515));
          break;
        case "loggedOut":
          conn.end(streamError(401, "device_removed"));
          break;
        case "replaced":
          conn.end(streamError(undefined, "replaced"));
          break;
        case "badSession":
          conn.end(streamError(500));
          break;
        case "drop":
          conn.drop();
          break;
      }
    }
  }

  /** Phones with an open, logged-in stream. */
  connectedAccounts(): string[] {
    const out: string[] = [];
    for (const user of this.core.directory.users()) {
      if (user.activeCompanions().some((d) => d.stream)) out.push(user.phone);
    }
    return out;
  }

  /** Counters and sizes, for benchmarks. */
  /** Starts counting the peak of logins in flight again from those in flight now. */
  resetLoginPeak(): void {
    this.core.stats.loginsInFlightPeak = this.core.stats.loginsInFlight;
  }

  stats(): Record<string, number> {
    return {
      ...this.core.stats,
      connections: this.core.connections.size,
      pendingQrRefs: this.core.refs.size,
      connectedAccounts: this.connectedAccounts().length,
    };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const conn of [...this.core.connections]) conn.drop();
    // Streams that were ended but whose clients have not closed yet.
    for (const ws of this.wss.clients) ws.terminate();
    this.core.shutdown();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
    await this.media.stop();
  }

  /** Sends (or queues for offline devices) a stanza to every linked device of an account. */
  private toAccount(
    accountPhone: string,
    { onlineOnly = false }: { onlineOnly?: boolean },
    build: (device: CompanionDevice) => BinaryNode,
  ): void {
    const user = this.core.directory.find(accountPhone);
    const devices = user?.activeCompanions() ?? [];
    if (devices.length === 0) throw new Error(`${accountPhone} has no linked device`);
    for (const device of devices) {
      if (!onlineOnly || device.stream) this.core.deliver(device, build(device));
    }
  }
}
