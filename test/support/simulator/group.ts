import { type BinaryNode, encodeWAMessage, proto } from "@whiskeysockets/baileys";
import { encryptFor } from "./contact.ts";
import type { SimCore } from "./core.ts";
import type { CompanionDevice, User } from "./directory.ts";
import {
  changeNode,
  type GroupRole,
  type GroupState,
  notifyGroup,
  type ParticipantAction,
} from "./groups.ts";
import { newMessageId, nowSeconds } from "./stanzas.ts";

export type GroupSendOptions = {
  /** Sender keys (a Signal pkmsg/msg with the sender key, once per device, then skmsg); default `<plaintext>`. */
  encrypt?: boolean;
  /** Message id to use instead of a generated one. */
  id?: string;
  /** Resolve only once every online member device acked it (or this many ms passed). */
  waitForAckMs?: number;
};

export type GroupSendResult = {
  id: string;
  /** Member devices it went to right away, and those that get it at their next login. */
  delivered: number;
  queued: number;
  /** With waitForAckMs: every device that was online acked in time (false when none was online). */
  acked: boolean;
};

export type GroupMember = { jid: string; phone: string; admin: GroupRole };

/**
 * A WhatsApp group on the simulator. Changes are made by a member (`by`, a phone number)
 * and notified (`w:gp2`) to every linked device of the members, as the server does; the
 * simulator does not check that `by` may make them.
 */
export class SimulatedGroup {
  constructor(
    private readonly core: SimCore,
    readonly state: GroupState,
  ) {}

  get jid(): string {
    return this.state.jid;
  }
  get subject(): string {
    return this.state.subject;
  }
  get description(): string | undefined {
    return this.state.description?.body;
  }

  /** Members, with their jid in the group's addressing mode. */
  participants(): GroupMember[] {
    return [...this.state.members].map(([user, admin]) => ({
      jid: this.state.jidOf(user),
      phone: user.phone,
      admin,
    }));
  }

  has(phone: string): boolean {
    const user = this.core.directory.find(phone);
    return user !== undefined && this.state.members.has(user);
  }

  add(by: string, phones: string[]): void {
    this.participantChange(by, "add", phones);
  }
  remove(by: string, phones: string[]): void {
    this.participantChange(by, "remove", phones);
  }
  promote(by: string, phones: string[]): void {
    this.participantChange(by, "promote", phones);
  }
  demote(by: string, phones: string[]): void {
    this.participantChange(by, "demote", phones);
  }
  /** A member leaves (a `remove` by themselves, which Baileys reports as leaving). */
  leave(phone: string): void {
    this.participantChange(phone, "remove", [phone]);
  }

  setSubject(by: string, subject: string): void {
    const actor = this.user(by);
    this.state.subject = subject;
    this.state.subjectOwner = actor;
    this.state.subjectTime = Number(nowSeconds());
    notifyGroup(this.core, this.state, actor, changeNode(this.state, { kind: "subject" }));
  }

  /** Sets (or with undefined, deletes) the description. */
  setDescription(by: string, body: string | undefined): void {
    const actor = this.user(by);
    this.state.description = body
      ? { id: newMessageId(), body, owner: actor, time: Number(nowSeconds()) }
      : undefined;
    notifyGroup(this.core, this.state, actor, changeNode(this.state, { kind: "description" }));
  }

  /** Only admins may send messages (announcement group). */
  setAnnounce(by: string, on: boolean): void {
    this.state.announce = on;
    const kind = on ? "announcement" : "not_announcement";
    notifyGroup(this.core, this.state, this.user(by), changeNode(this.state, { kind }));
  }

  /** Only admins may edit the group info. */
  setLocked(by: string, on: boolean): void {
    this.state.restrict = on;
    notifyGroup(
      this.core,
      this.state,
      this.user(by),
      changeNode(this.state, { kind: on ? "locked" : "unlocked" }),
    );
  }

  /** A member sends a text to the group; every linked device of the other members gets it. */
  async sendText(from: string, text: string, options: GroupSendOptions = {}): Promise<string> {
    return (await this.send(from, { conversation: text }, options)).id;
  }

  async send(
    from: string,
    message: proto.IMessage,
    options: GroupSendOptions = {},
  ): Promise<GroupSendResult> {
    const sender = this.user(from);
    if (!this.state.members.has(sender)) throw new Error(`${from} is not a member of ${this.jid}`);
    const id = options.id ?? newMessageId();
    const devices = [...this.state.members.keys()]
      .filter((user) => user !== sender)
      .flatMap((user) => user.activeCompanions());
    const senderKey = options.encrypt
      ? await sender.endpoint().encryptGroup(this.jid, sender.pnJid, encodeWAMessage(message))
      : undefined;
    const acks: Promise<boolean>[] = [];
    let delivered = 0;
    for (const device of devices) {
      const content = senderKey
        ? await this.senderKeyContent(sender, device, senderKey)
        : [{ tag: "plaintext", attrs: {}, content: proto.Message.encode(message).finish() }];
      const stanza: BinaryNode = {
        tag: "message",
        attrs: {
          from: this.jid,
          id,
          t: nowSeconds(),
          type: "text",
          notify: sender.pushName,
          ...this.state.participantAttrs(sender),
          ...(this.state.addressing === "lid" ? { addressing_mode: "lid" } : {}),
        },
        content,
      };
      if (options.waitForAckMs !== undefined && device.stream)
        acks.push(this.core.waitForAck(device, id, options.waitForAckMs));
      if (this.core.deliver(device, stanza)) delivered++;
    }
    const acked = acks.length > 0 && (await Promise.all(acks)).every(Boolean);
    return { id, delivered, queued: devices.length - delivered, acked };
  }

  /** The skmsg, preceded (once per device) by the sender key in a 1:1 Signal message. */
  private async senderKeyContent(
    sender: User,
    device: CompanionDevice,
    senderKey: { ciphertext: Uint8Array; senderKeyDistributionMessage: Uint8Array },
  ): Promise<BinaryNode[]> {
    const content: BinaryNode[] = [];
    const shared = `${sender.phone}|${device.pnJid}`;
    if (!this.state.senderKeysShared.has(shared)) {
      const { type, ciphertext } = await encryptFor(this.core, sender, device, {
        senderKeyDistributionMessage: {
          groupId: this.jid,
          axolotlSenderKeyDistributionMessage: senderKey.senderKeyDistributionMessage,
        },
      });
      content.push({ tag: "enc", attrs: { v: "2", type }, content: ciphertext });
      this.state.senderKeysShared.add(shared);
    }
    content.push({ tag: "enc", attrs: { v: "2", type: "skmsg" }, content: senderKey.ciphertext });
    return content;
  }

  private participantChange(by: string, action: ParticipantAction, phones: string[]): void {
    const actor = this.user(by);
    const changed = this.state.apply(
      action,
      phones.map((phone) => this.user(phone)),
    );
    if (changed.length === 0) return;
    const child = changeNode(this.state, { kind: action, users: changed });
    notifyGroup(this.core, this.state, actor, child, action === "remove" ? changed : []);
  }

  private user(phone: string): User {
    return this.core.directory.user(phone);
  }
}
