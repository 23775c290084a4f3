import { randomBytes } from "node:crypto";
import { type Caller, requireCaller, requireInstanceAccess } from "../../auth/access.ts";
import type { PrismaClient } from "../../db/client.ts";
import { SecretBox } from "../../db/secret-box.ts";
import { NotFoundError, ValidationError } from "../../errors.ts";
import type { EventLog } from "../../events/log.ts";
import type { Webhook, WebhookEvents } from "../../generated/sqlite/client.ts";
import type { OutboundPolicy } from "../../outbound/policy.ts";
import { EventFlagsPatch } from "../flags.ts";
import { Uuid } from "../instance/schemas.ts";
import type { InstanceRef, InstanceService } from "../instance/service.ts";
import { uniquely, whileItExists } from "../prisma-errors.ts";
import { validate } from "../validate.ts";
import { CreateWebhookInput, UpdateWebhookInput } from "./schemas.ts";

export type WebhookWithEvents = Webhook & { events: WebhookEvents };
/** A webhook as answered right after its signing secret was made: the one time it is shown. */
export type WebhookWithNewSecret = WebhookWithEvents & { newSecret: string };

const withEvents = { events: true } as const;

/**
 * Webhooks. Their signing secret and authorization value are stored sealed (see
 * secret-box.ts): rows carry them sealed, `signingSecret` and `authorization` open them.
 */
export class WebhookService {
  private readonly listeners = new Set<(webhookId: string) => Promise<void>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly instances: InstanceService,
    private readonly outbound: OutboundPolicy,
    private readonly box: SecretBox,
    private readonly log: Pick<EventLog, "lastSeqOf">,
    private readonly secretGraceMs: number,
  ) {}

  /** Told after every change to a webhook (its deliveries follow it). */
  onChange(listener: (webhookId: string) => Promise<void>): void {
    this.listeners.add(listener);
  }

  private async changed(webhookId: string): Promise<void> {
    await Promise.all([...this.listeners].map((listener) => listener(webhookId)));
  }

  /** The key that signs a webhook's deliveries (HMAC-SHA256), in plain text. */
  signingSecret(webhook: Pick<Webhook, "secret">): string {
    return this.box.open(webhook.secret, "Webhook.secret");
  }

  /** Seals a retired webhook's snapshot (it holds the webhook's secrets). */
  sealSnapshot(plain: string): string {
    return this.box.seal(plain, "RetiredWebhook.snapshot");
  }

  openSnapshot(sealed: string): string {
    return this.box.open(sealed, "RetiredWebhook.snapshot");
  }

  /** The Authorization header a webhook's deliveries carry, in plain text; null when none. */
  authorization(webhook: Pick<Webhook, "authorization">): string | null {
    return webhook.authorization ? this.box.open(webhook.authorization, "Webhook.authorization") : null;
  }

  /**
   * Run at start: fails (SecretsKeyError) unless every stored secret opens with the key in
   * use, and seals the secrets older versions stored in plain text. Returns how many
   * webhooks had plain-text secrets.
   */
  async sealStoredSecrets(): Promise<number> {
    const rows = await this.prisma.webhook.findMany({
      select: { id: true, secret: true, authorization: true, updatedAt: true },
    });
    for (const row of rows) {
      this.signingSecret(row);
      this.authorization(row);
    }
    const plain = rows.filter(
      (row) =>
        !SecretBox.isSealed(row.secret) || (row.authorization && !SecretBox.isSealed(row.authorization)),
    );
    await this.prisma.$transaction(
      plain.map((row) =>
        this.prisma.webhook.updateMany({
          // Guarded by the old values: another node may have sealed them meanwhile.
          where: { id: row.id, secret: row.secret, authorization: row.authorization },
          data: {
            secret: this.sealSecret(this.signingSecret(row)),
            authorization: this.sealAuthorization(this.authorization(row)),
            updatedAt: row.updatedAt,
          },
        }),
      ),
    );
    return plain.length;
  }

  private sealSecret(plain: string): string {
    return this.box.seal(plain, "Webhook.secret");
  }

  /** Sealed when there is a value; null, undefined and "" stay as they are. */
  private sealAuthorization<T extends string | null | undefined>(plain: T): T | string {
    return plain ? this.box.seal(plain, "Webhook.authorization") : plain;
  }

  async list(caller: Caller, ref: InstanceRef): Promise<WebhookWithEvents[]> {
    const instance = await this.instances.get(caller, ref);
    const rows = await this.prisma.webhook.findMany({
      where: { instanceId: instance.id },
      include: withEvents,
      orderBy: { createdAt: "asc" },
    });
    return rows as WebhookWithEvents[];
  }

  /** A webhook the caller may reach; `scope` also requires it to belong to that instance. */
  async get(caller: Caller, webhookId: string, scope?: InstanceRef): Promise<WebhookWithEvents> {
    requireCaller(caller);
    const instanceId = scope ? (await this.instances.get(caller, scope)).id : undefined;
    const webhook = await this.prisma.webhook.findUnique({
      where: { id: validate(Uuid, webhookId) },
      include: withEvents,
    });
    if (!webhook?.events || (instanceId && webhook.instanceId !== instanceId)) {
      throw new NotFoundError("Webhook", webhookId);
    }
    requireInstanceAccess(caller, webhook.instanceId);
    return webhook as WebhookWithEvents;
  }

  /** Validates a webhook to create, its URL against the outbound policy included. */
  checkCreate(input: CreateWebhookInput) {
    const data = validate(CreateWebhookInput, input);
    this.checkUrl(data.url);
    return data;
  }

  async create(caller: Caller, ref: InstanceRef, input: CreateWebhookInput): Promise<WebhookWithNewSecret> {
    const instance = await this.instances.get(caller, ref);
    const { events, ...data } = this.checkCreate(input);
    const newSecret = newSigningSecret();
    // A new webhook receives what happens from now on, not the instance's past.
    const cursor = await this.log.lastSeqOf(instance.id);
    const created = this.prisma.webhook.create({
      data: {
        ...data,
        cursor,
        authorization: this.sealAuthorization(data.authorization),
        instanceId: instance.id,
        secret: this.sealSecret(newSecret),
        events: { create: events ?? {} },
      },
      include: withEvents,
    });
    const named = uniquely(created, `A webhook named "${data.name}" already exists`);
    const row = await whileItExists(named, () => new NotFoundError("Instance", instance.name));
    await this.changed(row.id);
    return { ...(row as WebhookWithEvents), newSecret };
  }

  async update(
    caller: Caller,
    webhookId: string,
    input: UpdateWebhookInput,
    scope?: InstanceRef,
  ): Promise<WebhookWithEvents> {
    const existing = await this.get(caller, webhookId, scope);
    const changes = validate(UpdateWebhookInput, input);
    this.checkUrl(changes.url);
    // Turned on again: deliveries start from now, not from where they stopped.
    const restart =
      changes.enabled && !existing.enabled
        ? { cursor: await this.log.lastSeqOf(existing.instanceId), disabledReason: null }
        : {};
    const data = { ...changes, ...restart, authorization: this.sealAuthorization(changes.authorization) };
    const updated = this.prisma.webhook.update({ where: { id: existing.id }, data, include: withEvents });
    const named = uniquely(updated, `A webhook named "${data.name}" already exists`);
    const row = (await whileItExists(
      named,
      () => new NotFoundError("Webhook", webhookId),
    )) as WebhookWithEvents;
    await this.changed(row.id);
    return row;
  }

  /**
   * Checks the URL as written; a name that resolves to a refused address is caught when a
   * delivery connects, so no DNS lookup runs on the caller's request.
   */
  private checkUrl(url: string | undefined) {
    const refusal = url === undefined ? undefined : this.outbound.urlRefusal(url);
    if (refusal) throw new ValidationError([{ path: "url", message: refusal }]);
  }

  async setEvents(caller: Caller, webhookId: string, events: EventFlagsPatch): Promise<WebhookWithEvents> {
    const existing = await this.get(caller, webhookId);
    const flags = validate(EventFlagsPatch, events);
    await whileItExists(
      this.prisma.webhookEvents.update({ where: { webhookId: existing.id }, data: flags }),
      () => new NotFoundError("Webhook", webhookId),
    );
    await this.changed(existing.id);
    return this.get(caller, existing.id);
  }

  /**
   * Signing secret rotation: deliveries after it carry a signature with the new secret, and
   * one with the previous secret too until the grace period ends.
   */
  async rotateSecret(caller: Caller, webhookId: string): Promise<WebhookWithNewSecret> {
    const existing = await this.get(caller, webhookId);
    const newSecret = newSigningSecret();
    const data = {
      secret: this.sealSecret(newSecret),
      previousSecret: existing.secret,
      previousSecretUntil: new Date(Date.now() + this.secretGraceMs),
    };
    const rotated = await whileItExists(
      this.prisma.webhook.update({ where: { id: existing.id }, data, include: withEvents }),
      () => new NotFoundError("Webhook", webhookId),
    );
    await this.changed(existing.id);
    return { ...(rotated as WebhookWithEvents), newSecret };
  }

  async delete(caller: Caller, webhookId: string): Promise<WebhookWithEvents> {
    const existing = await this.get(caller, webhookId);
    const { count } = await this.prisma.webhook.deleteMany({ where: { id: existing.id } });
    if (count === 0) throw new NotFoundError("Webhook", webhookId);
    await this.changed(existing.id);
    return existing;
  }
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
