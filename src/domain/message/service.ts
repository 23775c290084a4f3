import type { AnyMessageContent, WAMessage } from "@whiskeysockets/baileys";
import { BufferJSON } from "@whiskeysockets/baileys";
import type { z } from "zod";
import type { Caller } from "../../auth/access.ts";
import type { Config } from "../../config.ts";
import type { PrismaClient } from "../../db/client.ts";
import { NotConnectedError, NotFoundError, UpstreamError, ValidationError } from "../../errors.ts";
import type { Message } from "../../generated/sqlite/client.ts";
import type { OutboundClient } from "../../outbound/client.ts";
import type { Engine } from "../../whatsapp/engine.ts";
import { messageKeyOf, saveMessages } from "../../whatsapp/store.ts";
import type { InstanceRef, InstanceService } from "../instance/service.ts";
import { validate } from "../validate.ts";
import { downloadMedia } from "./media.ts";
import {
  MarkRead,
  SendContact,
  SendLocation,
  SendMedia,
  SendPoll,
  SendPresence,
  SendReaction,
  SendText,
} from "./schemas.ts";

/** Sending and reading messages of a connected instance. */
export class MessageService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly instances: InstanceService,
    private readonly engine: Engine,
    private readonly config: Config,
    private readonly outbound: OutboundClient,
  ) {}

  /** The stored messages a caller may read, as a Prisma filter. */
  async where(caller: Caller, ref: InstanceRef, chat?: string | null) {
    const instance = await this.instances.get(caller, ref);
    return { instanceId: instance.id, ...(chat ? { chatJid: chat } : {}) };
  }

  async sendText(caller: Caller, ref: InstanceRef, input: z.input<typeof SendText>): Promise<Message> {
    const instance = await this.instances.get(caller, ref);
    const { to, text, quotedKeyId, mentions } = validate(SendText, input);
    const quoted = quotedKeyId ? await this.quoted(instance.id, to, quotedKeyId) : undefined;
    return this.send(instance, to, { text, ...(mentions ? { mentions } : {}) }, quoted);
  }

  async sendMedia(caller: Caller, ref: InstanceRef, input: z.input<typeof SendMedia>): Promise<Message> {
    const instance = await this.instances.get(caller, ref);
    const media = validate(SendMedia, input);
    this.socketOf(instance);
    const data = media.base64
      ? Buffer.from(media.base64, "base64")
      : await downloadMedia(this.outbound, media.url ?? "", this.config.MEDIA_MAX_BYTES);
    if (data.length === 0 || data.length > this.config.MEDIA_MAX_BYTES) {
      throw new ValidationError([
        { path: "base64", message: `media must be 1 to ${this.config.MEDIA_MAX_BYTES} bytes` },
      ]);
    }
    const common = { mimetype: media.mimetype, caption: media.caption };
    const content: AnyMessageContent =
      media.kind === "image"
        ? { image: data, ...common }
        : media.kind === "video"
          ? { video: data, ...common }
          : media.kind === "audio"
            ? {
                audio: data,
                mimetype: media.mimetype ?? "audio/ogg; codecs=opus",
                ptt: Boolean(media.voiceNote),
              }
            : {
                document: data,
                mimetype: media.mimetype ?? "application/octet-stream",
                fileName: media.fileName ?? "file",
                caption: media.caption,
              };
    return this.send(instance, media.to, content);
  }

  async sendLocation(
    caller: Caller,
    ref: InstanceRef,
    input: z.input<typeof SendLocation>,
  ): Promise<Message> {
    const instance = await this.instances.get(caller, ref);
    const { to, latitude, longitude, name, address } = validate(SendLocation, input);
    return this.send(instance, to, {
      location: { degreesLatitude: latitude, degreesLongitude: longitude, name, address },
    });
  }

  async sendContact(caller: Caller, ref: InstanceRef, input: z.input<typeof SendContact>): Promise<Message> {
    const instance = await this.instances.get(caller, ref);
    const { to, fullName, phoneNumber, organization } = validate(SendContact, input);
    const digits = phoneNumber.replace(/\D/g, "");
    const vcard = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      `FN:${fullName}`,
      ...(organization ? [`ORG:${organization};`] : []),
      `TEL;type=CELL;type=VOICE;waid=${digits}:+${digits}`,
      "END:VCARD",
    ].join("\n");
    return this.send(instance, to, {
      contacts: { displayName: fullName, contacts: [{ displayName: fullName, vcard }] },
    });
  }

  async sendReaction(
    caller: Caller,
    ref: InstanceRef,
    input: z.input<typeof SendReaction>,
  ): Promise<Message> {
    const instance = await this.instances.get(caller, ref);
    const { key, emoji } = validate(SendReaction, input);
    const target = { remoteJid: key.chatJid, id: key.keyId, fromMe: key.fromMe };
    return this.send(instance, key.chatJid, { react: { text: emoji, key: target } });
  }

  async sendPoll(caller: Caller, ref: InstanceRef, input: z.input<typeof SendPoll>): Promise<Message> {
    const instance = await this.instances.get(caller, ref);
    const { to, name, options, selectableCount } = validate(SendPoll, input);
    return this.send(instance, to, { poll: { name, values: options, selectableCount } });
  }

  async markRead(caller: Caller, ref: InstanceRef, input: z.input<typeof MarkRead>): Promise<number> {
    const instance = await this.instances.get(caller, ref);
    const { keys } = validate(MarkRead, input);
    const sock = this.socketOf(instance);
    await sock.readMessages(
      keys.map((key) => ({ remoteJid: key.chatJid, id: key.keyId, fromMe: key.fromMe })),
    );
    return keys.length;
  }

  async sendPresence(
    caller: Caller,
    ref: InstanceRef,
    input: z.input<typeof SendPresence>,
  ): Promise<boolean> {
    const instance = await this.instances.get(caller, ref);
    const { to, presence } = validate(SendPresence, input);
    await this.socketOf(instance).sendPresenceUpdate(presence, to);
    return true;
  }

  private socketOf(instance: { id: string; name: string }) {
    const session = this.engine.session(instance.id);
    if (!session?.sock || session.status !== "open") throw new NotConnectedError(instance.name);
    return session.sock;
  }

  /** Sends, stores the sent message and emits sendMessage; answers the stored row. */
  private async send(
    instance: { id: string; name: string },
    to: string,
    content: AnyMessageContent,
    quoted?: WAMessage,
  ): Promise<Message> {
    const sock = this.socketOf(instance);
    let sent: WAMessage | undefined;
    try {
      sent = await sock.sendMessage(to, content, quoted ? { quoted } : {});
    } catch (error) {
      throw new UpstreamError(`WhatsApp did not accept the message: ${(error as Error).message}`);
    }
    if (!sent) throw new UpstreamError("WhatsApp did not return the sent message");
    const session = this.engine.session(instance.id);
    await session?.queue.pushAndWait({
      writes: () => saveMessages(instance.id, [sent], "send"),
      events: [{ instanceId: instance.id, instanceName: instance.name, type: "sendMessage", data: sent }],
    });
    const key = messageKeyOf(sent);
    return this.prisma.message.findUniqueOrThrow({
      where: { instanceId_chatJid_keyId_fromMe: { instanceId: instance.id, ...key } },
    });
  }

  private async quoted(instanceId: string, chatJid: string, keyId: string): Promise<WAMessage> {
    const row = await this.prisma.message.findFirst({ where: { instanceId, chatJid, keyId } });
    if (!row) throw new NotFoundError("Message", keyId);
    return {
      key: {
        remoteJid: row.chatJid,
        id: row.keyId,
        fromMe: row.fromMe,
        participant: row.participant ?? undefined,
      },
      message: JSON.parse(row.content, BufferJSON.reviver),
    };
  }
}
