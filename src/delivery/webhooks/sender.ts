import { Webhook as StandardWebhook } from "standardwebhooks";
import type { PrismaClient } from "../../db/client.ts";
import type { WebhookFormat } from "../../domain/webhook/schemas.ts";
import { type OutboundClient, OutboundError } from "../../outbound/client.ts";
import { mayCarryMedia, withInlinedMedia } from "../media-inline.ts";
import { type Envelope, envelope, type LoggedEvent } from "./envelope.ts";
import type { HostLimiter } from "./host-limiter.ts";

/** One request to a receiver, as the delivery log keeps it. */
export interface Attempt {
  at: string;
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
  response: string | null;
}

const EXCERPT_BYTES = 512;

/** A signer per secret: `whsec_` secrets as the Standard Webhooks specification reads them, older ones as raw bytes. */
function signerOf(secret: string): StandardWebhook {
  return secret.startsWith("whsec_")
    ? new StandardWebhook(secret)
    : new StandardWebhook(Buffer.from(secret, "utf8"), { format: "raw" });
}

/** What a sender needs to know of its webhook. */
export interface SenderTarget {
  instanceId: string;
  url: string;
  format: WebhookFormat;
  authorization: string | null;
  /** The current signing secret first, then the previous one during a rotation's grace. */
  secrets: string[];
  /** Message events carry their decrypted media in base64. */
  mediaBase64: boolean;
}

/** Signs and sends one webhook's requests through the guarded outbound client. */
export class WebhookSender {
  private readonly signers: StandardWebhook[];
  private whatsappId: string | null | undefined;
  /** The instance's rows are gone: the account is no longer looked up. */
  orphan = false;

  constructor(
    private readonly target: SenderTarget,
    private readonly deps: {
      timeoutMs: number;
      mediaMaxBytes: number;
      prisma: PrismaClient;
      outbound: OutboundClient;
      hosts: HostLimiter;
      serverUrl: string | null;
    },
  ) {
    this.signers = target.secrets.map(signerOf);
  }

  /** The account may have changed (a new link): looked up again for the next request. */
  forgetAccount(): void {
    this.whatsappId = undefined;
  }

  async envelope(event: LoggedEvent): Promise<Envelope | null> {
    if (this.whatsappId === undefined && !this.orphan) {
      const account = await this.deps.prisma.whatsApp.findUnique({
        where: { instanceId: this.target.instanceId },
      });
      this.whatsappId = account?.remoteJid ?? null;
    }
    if (this.target.mediaBase64 && mayCarryMedia(event.type)) {
      event = { ...event, data: await withInlinedMedia(event.type, event.data, this.deps.mediaMaxBytes) };
    }
    return envelope(this.target.format, event, {
      url: this.target.url,
      whatsappId: this.whatsappId ?? null,
      serverUrl: this.deps.serverUrl,
    });
  }

  /** One signed request; `messageId` is the webhook-id (the event id: the same on every retry). */
  async send(messageId: string, request: Envelope): Promise<{ attempt: Attempt; retryAfterMs?: number }> {
    const at = new Date();
    const signatures = this.signers.map((signer) => signer.sign(messageId, at, request.body)).join(" ");
    const headers: Record<string, string> = {
      ...request.headers,
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signatures,
    };
    if (this.target.authorization) headers.authorization = this.target.authorization;
    const host = new URL(this.target.url).host;
    try {
      const answer = await this.deps.hosts.run(host, () =>
        this.deps.outbound.postBody(this.target.url, request.body, {
          headers,
          excerptBytes: EXCERPT_BYTES,
          timeoutMs: this.deps.timeoutMs,
        }),
      );
      const attempt = {
        at: at.toISOString(),
        statusCode: answer.status,
        latencyMs: answer.latencyMs,
        error: null,
        response: answer.excerpt,
      };
      const honoured = answer.status === 429 || answer.status === 503;
      return { attempt, retryAfterMs: honoured ? retryAfter(answer.retryAfter) : undefined };
    } catch (error) {
      const message = error instanceof OutboundError ? error.message : "request failed";
      return {
        attempt: { at: at.toISOString(), statusCode: null, latencyMs: null, error: message, response: null },
      };
    }
  }
}

export function succeeded(attempt: Attempt): boolean {
  return attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
}

/** ±10 %, so receivers that fail together are not retried together. */
export function jitter(ms: number): number {
  return Math.round(ms * (0.9 + Math.random() * 0.2));
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
function retryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
