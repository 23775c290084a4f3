import type { z } from "zod";
import type { Caller } from "../../auth/access.ts";
import type { Config } from "../../config.ts";
import type { PrismaClient } from "../../db/client.ts";
import { NotConnectedError, NotFoundError, UpstreamError, ValidationError } from "../../errors.ts";
import type { Message } from "../../generated/sqlite/client.ts";
import type { OutboundClient } from "../../outbound/client.ts";
import type { Engine } from "../../whatsapp/engine.ts";
import {
  type OutgoingContent,
  type QuotedKey,
  SendFailedError,
  SessionNotOpenError,
} from "../../whatsapp/outgoing.ts";
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
    const data = media.base64
      ? Buffer.from(media.base64, "base64")
      : await downloadMedia(this.outbound, media.url ?? "", this.config.MEDIA_MAX_BYTES);
    if (data.length === 0 || data.length > this.config.MEDIA_MAX_BYTES) {
      throw new ValidationError([
        { path: "base64", message: `media must be 1 to ${this.config.MEDIA_MAX_BYTES} bytes` },
      ]);
    }
    return this.send(instance, media.to, {
      media: media.kind,
      data,
      mimetype: media.mimetype,
      caption: media.caption,
      fileName: media.fileName,
      voiceNote: media.voiceNote,
    });
  }

  async sendLocation(
    caller: Caller,
    ref: InstanceRef,
    input: z.input<typeof SendLocation>,
  ): Promise<Message> {
    const instance = await this.instances.get(caller, ref);
    const { to, latitude, longitude, name, address } = validate(SendLocation, input);
    return this.send(instance, to, { location: { latitude, longitude, name, address } });
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
    return this.send(instance, to, { contact: { displayName: fullName, vcard } });
  }

  async sendReaction(
    caller: Caller,
    ref: InstanceRef,
    input: z.input<typeof SendReaction>,
  ): Promise<Message> {
    const instance = await this.instances.get(caller, ref);
    const { key, emoji } = validate(SendReaction, input);
    return this.send(instance, key.chatJid, { reaction: { emoji, key } });
  }

  async sendPoll(caller: Caller, ref: InstanceRef, input: z.input<typeof SendPoll>): Promise<Message> {
    const instance = await this.instances.get(caller, ref);
    const { to, name, options, selectableCount } = validate(SendPoll, input);
    return this.send(instance, to, { poll: { name, options, selectableCount } });
  }

  async markRead(caller: Caller, ref: InstanceRef, input: z.input<typeof MarkRead>): Promise<number> {
    const instance = await this.instances.get(caller, ref);
    const { keys } = validate(MarkRead, input);
    await this.engine.markRead(instance.id, keys).catch(this.failure(instance));
    return keys.length;
  }

  async sendPresence(
    caller: Caller,
    ref: InstanceRef,
    input: z.input<typeof SendPresence>,
  ): Promise<boolean> {
    const instance = await this.instances.get(caller, ref);
    const { to, presence } = validate(SendPresence, input);
    await this.engine.sendPresence(instance.id, presence, to).catch(this.failure(instance));
    return true;
  }

  /** The engine's failures in the API's terms. */
  private failure(instance: { name: string }) {
    return (error: unknown): never => {
      if (error instanceof SessionNotOpenError) throw new NotConnectedError(instance.name);
      if (error instanceof SendFailedError) throw new UpstreamError(error.message);
      throw error;
    };
  }

  /** Sends, waits until the sent message is stored (and sendMessage emitted); answers its row. */
  private async send(
    instance: { id: string; name: string },
    to: string,
    content: OutgoingContent,
    quoted?: QuotedKey,
  ): Promise<Message> {
    const key = await this.engine.send(instance.id, to, content, quoted).catch(this.failure(instance));
    return this.prisma.message.findUniqueOrThrow({
      where: { instanceId_chatJid_keyId_fromMe: { instanceId: instance.id, ...key } },
    });
  }

  /** The message to quote, which must be stored. */
  private async quoted(instanceId: string, chatJid: string, keyId: string): Promise<QuotedKey> {
    const row = await this.prisma.message.findFirst({ where: { instanceId, chatJid, keyId } });
    if (!row) throw new NotFoundError("Message", keyId);
    return { chatJid: row.chatJid, keyId: row.keyId, fromMe: row.fromMe };
  }
}
