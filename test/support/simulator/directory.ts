import { type BinaryNode, jidDecode } from "@whiskeysockets/baileys";
import { AppState } from "./app-state.ts";
import { type KeyPair, newKeyPair } from "./certificates.ts";
import type { PhoneHistory } from "./history.ts";
import { Mailbox } from "./mailbox.ts";
import { SignalEndpoint } from "./signal.ts";

export type SignedPreKey = { keyId: number; public: Buffer; signature: Buffer };
export type PreKey = { keyId: number; public: Buffer };

/** A companion device's stream, as the directory sees it. */
export interface StanzaSink {
  send(node: BinaryNode): void;
  readonly bufferedAmount: number;
  /** Sends a last stanza and closes. */
  end(last?: BinaryNode): void;
  /** Drops the socket without a goodbye. */
  drop(): void;
}

const RECORD = 36; // 4-byte id + 32-byte public key

/**
 * One-time pre-keys a companion uploaded, packed into flat buffers: 1,000 accounts x 812
 * keys stay around 30 MB instead of a million small objects.
 */
export class PreKeyPool {
  private chunks: Buffer[] = [];
  private offset = 0;
  private total = 0;

  get count(): number {
    return this.total;
  }

  add(keys: PreKey[]): void {
    if (!keys.length) return;
    const chunk = Buffer.allocUnsafe(keys.length * RECORD);
    keys.forEach((k, i) => {
      chunk.writeUInt32BE(k.keyId, i * RECORD);
      Buffer.from(k.public).copy(chunk, i * RECORD + 4, 0, 32);
    });
    this.chunks.push(chunk);
    this.total += keys.length;
  }

  /** Hands out each key once, oldest first, as the real server does. */
  take(): PreKey | undefined {
    const chunk = this.chunks[0];
    if (!chunk) return undefined;
    const keyId = chunk.readUInt32BE(this.offset);
    const pub = Buffer.from(chunk.subarray(this.offset + 4, this.offset + RECORD));
    this.offset += RECORD;
    this.total--;
    if (this.offset >= chunk.length) {
      this.chunks.shift();
      this.offset = 0;
    }
    return { keyId, public: pub };
  }

  clear(): void {
    this.chunks = [];
    this.offset = 0;
    this.total = 0;
  }
}

/** Stanzas waiting for a device that is offline; oldest dropped past the cap. */
export class OfflineQueue {
  private items: BinaryNode[] = [];
  constructor(private readonly cap: number) {}
  push(node: BinaryNode): void {
    this.items.push(node);
    if (this.items.length > this.cap) this.items.splice(0, this.items.length - this.cap);
  }
  drain(): BinaryNode[] {
    const out = this.items;
    this.items = [];
    return out;
  }
  get length(): number {
    return this.items.length;
  }
}

/** A linked (companion) device of an account: what the gateway's Baileys socket is. */
export class CompanionDevice {
  keyIndex: number;
  noiseKey?: Buffer;
  registrationId?: number;
  identityKey?: Buffer;
  signedPreKey?: SignedPreKey;
  readonly preKeys = new PreKeyPool();
  /** Logged out (device removed): further logins fail with 401. */
  removed = false;
  /** Whether the initial history sync notification was acknowledged. */
  historySynced = false;
  /** Open, logged-in stream (set once the login finished and offline stanzas went out). */
  stream?: StanzaSink;
  /** Stream that is logging in but not yet open. */
  pending?: StanzaSink;
  /** Id of the history sync message sent to this device, until acknowledged. */
  historyMessageId?: string;
  /** The device fetched the groups it takes part in (after a dirty bit at its first login). */
  groupsFetched = false;
  /** PreKeyLow notification sent; cleared by the next upload. */
  lowPreKeysNotified = false;
  /** The phone sent (or queued) its app-state sync key to this device. */
  appStateKeyShared = false;
  readonly offline: OfflineQueue;
  /** Messages sent on the open stream and not acked yet (with redeliverUnacked), by id. */
  readonly unacked = new Map<string, BinaryNode>();

  constructor(
    readonly user: User,
    readonly id: number,
    offlineCap: number,
  ) {
    this.keyIndex = id;
    this.offline = new OfflineQueue(offlineCap);
  }

  get pnJid(): string {
    return `${this.user.phone}:${this.id}@s.whatsapp.net`;
  }
  get lidJid(): string {
    return `${this.user.lid}:${this.id}@lid`;
  }
  /** Signal address contacts use for this device (LID form avoids PN->LID lookups). */
  get address(): string {
    return this.lidJid;
  }
}

/** A WhatsApp user: the primary phone (device 0) plus any companion devices. */
export class User {
  pushName: string;
  /** Account key: signs companion identities (ADV) and is the phone's Signal identity. */
  readonly identity: KeyPair = newKeyPair();
  readonly registrationId = 1 + Math.floor(Math.random() * 16380);
  readonly companions = new Map<number, CompanionDevice>();
  /** What the phone sends each newly linked device as its history sync. */
  history?: PhoneHistory;
  private nextDeviceId = 1;
  private signal?: SignalEndpoint;
  private inbox?: Mailbox;
  private syncd?: AppState;

  constructor(
    readonly phone: string,
    readonly lid: string,
    pushName: string | undefined,
  ) {
    this.pushName = pushName ?? `User ${phone}`;
  }

  get pnJid(): string {
    return `${this.phone}@s.whatsapp.net`;
  }
  get lidJid(): string {
    return `${this.lid}@lid`;
  }
  /** Signal address of the phone (device 0), LID form. */
  get address(): string {
    return this.lidJid;
  }

  /**
   * The phone's Signal side, created on first use: once someone fetches its keys or it
   * acts as a contact, it can decrypt what accounts send it.
   */
  endpoint(): SignalEndpoint {
    this.signal ??= new SignalEndpoint(this.identity, this.registrationId);
    return this.signal;
  }

  get hasEndpoint(): boolean {
    return this.signal !== undefined;
  }

  /** The account's app state (chat read, archived… as its phone changes them). */
  appState(): AppState {
    this.syncd ??= new AppState();
    return this.syncd;
  }

  mailbox(): Mailbox {
    this.inbox ??= new Mailbox();
    return this.inbox;
  }

  activeCompanions(): CompanionDevice[] {
    return [...this.companions.values()].filter((d) => !d.removed);
  }

  newCompanion(offlineCap: number): CompanionDevice {
    while (this.companions.has(this.nextDeviceId)) this.nextDeviceId++;
    const device = new CompanionDevice(this, this.nextDeviceId++, offlineCap);
    this.companions.set(device.id, device);
    return device;
  }

  /** A device id seen in a login the simulator does not know (e.g. after a restart). */
  adoptCompanion(id: number, offlineCap: number): CompanionDevice {
    const device = new CompanionDevice(this, id, offlineCap);
    this.companions.set(id, device);
    if (id >= this.nextDeviceId) this.nextDeviceId = id + 1;
    return device;
  }
}

/** Deterministic and injective, so LIDs survive a simulator restart. */
export function lidForPhone(phone: string): string {
  return (BigInt(phone) * 3n + 100000000000000n).toString();
}

export function assertPhone(phone: string): string {
  const digits = phone.replace(/^\+/, "").split("@")[0].split(":")[0];
  if (!/^\d{5,16}$/.test(digits)) throw new Error(`not a phone number: ${phone}`);
  return digits;
}

export type ResolvedJid = { user: User; device: number; server: "s.whatsapp.net" | "lid" };

export class Directory {
  private readonly byPhone = new Map<string, User>();
  private readonly byLid = new Map<string, User>();

  user(phone: string, pushName?: string): User {
    const digits = assertPhone(phone);
    let user = this.byPhone.get(digits);
    if (!user) {
      user = new User(digits, lidForPhone(digits), pushName);
      this.byPhone.set(digits, user);
      this.byLid.set(user.lid, user);
    } else if (pushName) {
      user.pushName = pushName;
    }
    return user;
  }

  find(phone: string): User | undefined {
    return this.byPhone.get(assertPhone(phone));
  }

  /**
   * Resolves a PN or LID jid, creating users for unknown phone numbers (every number is
   * "on WhatsApp" here) but not for unknown LIDs.
   */
  resolve(jid: string): ResolvedJid | undefined {
    const decoded = jidDecode(jid);
    if (!decoded?.user) return undefined;
    const device = decoded.device ?? 0;
    if (decoded.server === "lid") {
      const user = this.byLid.get(decoded.user);
      return user ? { user, device, server: "lid" } : undefined;
    }
    if (decoded.server === "s.whatsapp.net" || decoded.server === "c.us") {
      if (!/^\d{5,16}$/.test(decoded.user)) return undefined;
      return { user: this.user(decoded.user), device, server: "s.whatsapp.net" };
    }
    return undefined;
  }

  users(): IterableIterator<User> {
    return this.byPhone.values();
  }
}
