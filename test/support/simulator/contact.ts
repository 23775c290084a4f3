import { type BinaryNode, encodeWAMessage, proto } from "@whiskeysockets/baileys";
import type { SimCore } from "./core.ts";
import type { CompanionDevice, User } from "./directory.ts";
import { bundleFor } from "./iq.ts";
import type { ReceivedMessage, ReceivedReceipt } from "./mailbox.ts";
import { newMessageId, nowSeconds } from "./stanzas.ts";

export type SendOptions = {
  /** Real Signal encryption (pkmsg until the account answers, then msg). Default false: `<plaintext>`. */
  encrypt?: boolean;
  /** Address the stanza from the contact's phone number (default) or from its LID. */
  addressing?: "pn" | "lid";
  /** Message id to use instead of a generated one. */
  id?: string;
  /** Resolve only once every online device of the account acked it (or this many ms passed). */
  waitForAckMs?: number;
};

export type SendResult = {
  id: string;
  /** Devices it went to right away, and devices that get it at their next login. */
  delivered: number;
  queued: number;
  /** How it went to each device: plaintext, pkmsg or msg. */
  types: Array<"plaintext" | "pkmsg" | "msg">;
  /** With waitForAckMs: every device that was online acked in time (false when none was online). */
  acked: boolean;
};

/** Another WhatsApp user who can message accounts and decrypt what they send back. */
export class SimulatedContact {
  constructor(
    private readonly core: SimCore,
    readonly user: User,
  ) {
    user.endpoint();
  }

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

  /** Decrypted messages accounts sent to this contact (last 1,000). */
  get received(): readonly ReceivedMessage[] {
    return this.user.mailbox().messages.list();
  }

  /** Receipts accounts sent for this contact's messages (last 1,000). */
  get receipts(): readonly ReceivedReceipt[] {
    return this.user.mailbox().receipts.list();
  }

  /** Sends a text to every linked device of the account; returns the message id. */
  async sendText(toAccountPhone: string, text: string, options: SendOptions = {}): Promise<string> {
    return (await this.send(toAccountPhone, { conversation: text }, options)).id;
  }

  /** Sends any message proto to every linked device of the account. */
  async send(
    toAccountPhone: string,
    message: proto.IMessage,
    options: SendOptions = {},
  ): Promise<SendResult> {
    const { acks, ...result } = await this.dispatch(toAccountPhone, message, options, options.waitForAckMs);
    const acked = acks.length > 0 && (await Promise.all(acks)).every(Boolean);
    return { ...result, acked };
  }

  /**
   * Sends `count` texts back to back (benchmarks), pausing only on socket back-pressure.
   * Resolves once the account's online devices acked all of them or timeoutMs passed.
   */
  async sendBurst(
    toAccountPhone: string,
    count: number,
    options: Omit<SendOptions, "id" | "waitForAckMs"> & {
      text?: (i: number) => string;
      timeoutMs?: number;
    } = {},
  ): Promise<{ ids: string[]; acked: number; ackedIds: string[]; ms: number }> {
    const started = performance.now();
    const ids: string[] = [];
    const acks: Promise<boolean>[] = [];
    const timeoutMs = options.timeoutMs ?? 60_000;
    for (let i = 0; i < count; i++) {
      const text = options.text?.(i) ?? `burst ${i}`;
      const sent = await this.dispatch(toAccountPhone, { conversation: text }, options, timeoutMs);
      ids.push(sent.id);
      acks.push(Promise.all(sent.acks).then((all) => all.length > 0 && all.every(Boolean)));
      for (const device of this.core.onlineDevices(toAccountPhone)) {
        while ((device.stream?.bufferedAmount ?? 0) > 1 << 20) await new Promise((r) => setTimeout(r, 2));
      }
    }
    const results = await Promise.all(acks);
    const ackedIds = ids.filter((_, index) => results[index]);
    return { ids, acked: ackedIds.length, ackedIds, ms: performance.now() - started };
  }

  private async dispatch(
    toAccountPhone: string,
    message: proto.IMessage,
    options: SendOptions,
    ackTimeoutMs: number | undefined,
  ): Promise<Omit<SendResult, "acked"> & { acks: Promise<boolean>[] }> {
    const account = this.core.directory.find(toAccountPhone);
    const devices = account?.activeCompanions() ?? [];
    if (!account || devices.length === 0) throw new Error(`${toAccountPhone} has no linked device`);
    const id = options.id ?? newMessageId();
    const acks: Promise<boolean>[] = [];
    const types: SendResult["types"] = [];
    let delivered = 0;
    for (const device of devices) {
      const { stanza, type } = await this.stanzaFor(device, id, message, options);
      types.push(type);
      if (ackTimeoutMs !== undefined && device.stream)
        acks.push(this.core.waitForAck(device, id, ackTimeoutMs));
      if (this.core.deliver(device, stanza)) delivered++;
    }
    return { id, delivered, queued: devices.length - delivered, types, acks };
  }

  /**
   * Replaces its Signal sessions with the account's devices, as a phone that lost them
   * (same identity): its next encrypted message is a pkmsg starting a new session, and the
   * account's devices close the one they had.
   */
  async replaceSession(toAccountPhone: string): Promise<void> {
    const devices = this.core.directory.find(toAccountPhone)?.activeCompanions() ?? [];
    for (const device of devices) await this.user.endpoint().forgetSession(device.address);
  }

  /** Waits for a message from an account whose text matches. */
  waitForText(
    match: string | RegExp | ((text: string) => boolean),
    timeoutMs = 10_000,
  ): Promise<{ id: string; text: string }> {
    const test =
      typeof match === "function"
        ? match
        : typeof match === "string"
          ? (t: string) => t === match
          : (t: string) => match.test(t);
    return this.user
      .mailbox()
      .messages.waitFor(
        (m) => m.text !== undefined && test(m.text),
        timeoutMs,
        `text ${String(match)} at ${this.user.phone}`,
      )
      .then((m) => ({ id: m.id, text: m.text as string }));
  }

  /** Waits for the message with this id from an account, as this contact decrypted it. */
  waitForMessage(messageId: string, timeoutMs = 10_000): Promise<ReceivedMessage> {
    return this.user
      .mailbox()
      .messages.waitFor((m) => m.id === messageId, timeoutMs, `message ${messageId} at ${this.user.phone}`);
  }

  /** Waits for a receipt (e.g. 'read') for one of this contact's messages. */
  waitForReceipt(messageId: string, type?: string, timeoutMs = 10_000): Promise<ReceivedReceipt> {
    return this.user
      .mailbox()
      .receipts.waitFor(
        (r) => r.ids.includes(messageId) && (type === undefined || r.type === type),
        timeoutMs,
        `receipt for ${messageId}`,
      );
  }

  private async stanzaFor(
    device: CompanionDevice,
    id: string,
    message: proto.IMessage,
    options: SendOptions,
  ): Promise<{ stanza: BinaryNode; type: SendResult["types"][number] }> {
    const lid = options.addressing === "lid";
    const attrs: Record<string, string> = {
      from: lid ? this.user.lidJid : this.user.pnJid,
      id,
      t: nowSeconds(),
      type: "text",
      notify: this.user.pushName,
      ...(lid ? { sender_pn: this.user.pnJid, addressing_mode: "lid" } : { sender_lid: this.user.lidJid }),
    };
    if (!options.encrypt) {
      const content = [{ tag: "plaintext", attrs: {}, content: proto.Message.encode(message).finish() }];
      return { stanza: { tag: "message", attrs, content }, type: "plaintext" };
    }
    const { type, ciphertext } = await encryptFor(this.core, this.user, device, message);
    const content = [{ tag: "enc", attrs: { v: "2", type }, content: ciphertext }];
    return { stanza: { tag: "message", attrs, content }, type };
  }
}

/** Signal-encrypts a message from a simulated user's phone to a companion device. */
export async function encryptFor(
  core: SimCore,
  sender: User,
  device: CompanionDevice,
  message: proto.IMessage,
): Promise<{ type: "pkmsg" | "msg"; ciphertext: Uint8Array }> {
  const endpoint = sender.endpoint();
  if (!(await endpoint.hasSession(device.address))) {
    const bundle = bundleFor(core, { user: device.user, device: device.id, server: "lid" });
    if (!bundle) throw new Error(`${device.pnJid} has no key bundle (pre-keys never uploaded?)`);
    await endpoint.startSession(device.address, bundle);
  }
  return endpoint.encrypt(device.address, encodeWAMessage(message));
}
