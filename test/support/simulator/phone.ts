import { randomInt } from "node:crypto";
import { Curve, hmacSign, proto, S_WHATSAPP_NET, WA_ADV_ACCOUNT_SIG_PREFIX } from "@whiskeysockets/baileys";
import { serverSync } from "./app-state.ts";
import type { SimCore } from "./core.ts";
import type { User } from "./directory.ts";
import { type PhoneHistory, toJid } from "./history.ts";
import { completeRegistration, registrationOf } from "./session.ts";
import { child, newServerTag, nowSeconds } from "./stanzas.ts";

export type ParsedQr = {
  ref: string;
  noiseKey: Buffer;
  identityKey: Buffer;
  advSecret: Buffer;
  platform: string;
};

/** `https://wa.me/settings/linked_devices#ref,noiseKeyB64,identityKeyB64,advSecretB64,platform` */
export function parseQr(qr: string): ParsedQr {
  const hash = qr.includes("#") ? qr.slice(qr.indexOf("#") + 1) : qr;
  const [ref, noise, identity, adv, platform] = hash.split(",");
  if (!ref || !noise || !identity || !adv) throw new Error(`not a WhatsApp QR string: ${qr}`);
  return {
    ref,
    noiseKey: Buffer.from(noise, "base64"),
    identityKey: Buffer.from(identity, "base64"),
    advSecret: Buffer.from(adv, "base64"),
    platform: platform ?? "",
  };
}

/** The phone that owns an account; scanning a QR links the client that shows it. */
export class SimulatedPhone {
  /** Jid of the most recently linked companion device. */
  lastLinkedJid?: string;

  constructor(
    private readonly core: SimCore,
    readonly user: User,
  ) {}

  get phoneNumber(): string {
    return this.user.phone;
  }
  get jid(): string {
    return this.user.pnJid;
  }
  get lid(): string {
    return this.user.lidJid;
  }
  get pushName(): string {
    return this.user.pushName;
  }

  /** The history this phone sends each device it links from now on (chats, contacts, past messages). */
  get history(): PhoneHistory | undefined {
    return this.user.history;
  }

  /** Replaces the history sent to devices linked from now on; returns the phone. */
  setHistory(history: PhoneHistory | undefined): this {
    this.user.history = history;
    return this;
  }

  /**
   * Scans a QR string from `connection.update`: signs the client's identity with the
   * account key (ADV), sends pair-success, waits for the client's signature, then ends
   * the stream with 515 so the client reconnects and logs in.
   */
  async scan(qr: string): Promise<void> {
    const parsed = parseQr(qr);
    const conn = this.core.refs.get(parsed.ref);
    const registration = conn && registrationOf(conn);
    if (!conn || !registration) throw new Error("QR ref unknown or expired (client gone?)");
    if (registration.pairing) throw new Error("this client is already being paired");
    if (
      !registration.noiseKey.equals(parsed.noiseKey) ||
      !registration.identityKey.equals(parsed.identityKey)
    ) {
      throw new Error("QR keys do not match the client that received this ref");
    }
    registration.pairing = true;
    for (const ref of registration.refs) this.core.refs.delete(ref);

    const device = this.user.newCompanion(this.core.options.offlineQueueLimit);
    try {
      const details = proto.ADVDeviceIdentity.encode({
        rawId: randomInt(1, 2 ** 31),
        timestamp: Math.floor(Date.now() / 1000),
        keyIndex: device.keyIndex,
      }).finish();
      const accountSignature = Curve.sign(
        this.user.identity.private,
        Buffer.concat([WA_ADV_ACCOUNT_SIG_PREFIX, details, parsed.identityKey]),
      );
      const signed = proto.ADVSignedDeviceIdentity.encode({
        details,
        accountSignatureKey: this.user.identity.public,
        accountSignature,
      }).finish();
      const container = proto.ADVSignedDeviceIdentityHMAC.encode({
        details: signed,
        hmac: hmacSign(Buffer.from(signed), parsed.advSecret),
      }).finish();
      const reply = await conn.query(
        {
          tag: "iq",
          attrs: { id: newServerTag(), type: "set", xmlns: "md", from: S_WHATSAPP_NET, t: nowSeconds() },
          content: [
            {
              tag: "pair-success",
              attrs: {},
              content: [
                { tag: "device-identity", attrs: {}, content: container },
                { tag: "platform", attrs: { name: "android" } },
                { tag: "device", attrs: { jid: device.pnJid, lid: device.lidJid } },
              ],
            },
          ],
        },
        15_000,
      );
      if (reply.attrs.type !== "result" || !child(reply, "pair-device-sign")) {
        throw new Error("client rejected the pairing");
      }
      completeRegistration(this.core, conn, device);
      this.lastLinkedJid = device.pnJid;
    } catch (err) {
      this.user.companions.delete(device.id);
      conn.end();
      throw err;
    }
  }

  /**
   * The user reads a chat on the phone (or marks it unread, `read` false): an app-state
   * patch (markChatAsReadAction) every linked device fetches after a `server_sync`
   * notification; Baileys reports it as `chats.update` with unreadCount 0 (or -1). A device
   * gets the phone's sync key first, once. Resolves once it went out (or was queued).
   */
  async markChatRead(chat: string, read = true): Promise<void> {
    const appState = this.user.appState();
    const version = await appState.add({
      syncAction: { timestamp: Date.now(), markChatAsReadAction: { read } },
      index: ["markChatAsRead", toJid(chat)],
      type: "regular_low",
      apiVersion: 3,
      operation: proto.SyncdMutation.SyncdOperation.SET,
    });
    for (const device of this.user.activeCompanions()) {
      if (!device.appStateKeyShared) {
        device.appStateKeyShared = true;
        const share = appState.keyShareMessage(this.user);
        const acked = device.stream ? this.core.waitForAck(device, share.attrs.id, 10_000) : undefined;
        this.core.deliver(device, share);
        await acked;
      }
      this.core.deliver(device, serverSync("regular_low", version));
    }
  }

  /** Jids of this account's linked devices that are currently online. */
  onlineDevices(): string[] {
    return this.user
      .activeCompanions()
      .filter((d) => d.stream)
      .map((d) => d.pnJid);
  }
}
