import { performance } from "node:perf_hooks";
import { Agent, type Dispatcher } from "undici";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { guardedConnector, RefusedDestinationError, type Resolve } from "./connector.ts";
import { OutboundPolicy } from "./policy.ts";

/**
 * Why a request failed. A refused destination and a failed connection are both
 * `unreachable`, so nothing shown to a caller tells an internal address from a closed port;
 * `detail` (for logs only) says which.
 */
type OutboundFailure = "unreachable" | "timeout" | "too-large" | "status" | "redirects";

export class OutboundError extends Error {
  constructor(
    readonly reason: OutboundFailure,
    message: string,
    readonly detail = message,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** What a request's total time limit aborts it with (read as a timeout by `failure`). */
const timedOut = () => new DOMException("the request took too long", "TimeoutError");

export interface OutboundClientOptions {
  policy: OutboundPolicy;
  /** Until the socket is open, TLS handshake included. */
  connectTimeoutMs: number;
  /** From the request sent to the response headers, per hop. */
  headersTimeoutMs: number;
  /** The whole response body must arrive within it. */
  bodyTimeoutMs: number;
  maxRedirects: number;
  resolve?: Resolve;
  logger?: Logger;
}

interface Delivery {
  status: number;
  /** The start of the response body, decoded as UTF-8. */
  excerpt: string;
  /** From the request start to the response headers. */
  latencyMs: number;
  /** The Retry-After header, as sent. */
  retryAfter?: string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const USER_AGENT = "wagraph";

/** Stops reading a body; undici reports the abort as an error nobody needs to hear. */
function discard(response: Dispatcher.ResponseData): void {
  response.body.on("error", () => undefined);
  response.body.destroy();
}

/**
 * The one way the gateway reaches a URL someone gave it (media to send, webhook receivers):
 * http(s) only, every hop checked against the policy at connect time, bounded in time and size.
 */
export class OutboundClient {
  readonly policy: OutboundPolicy;
  private readonly agent: Agent;

  constructor(private readonly options: OutboundClientOptions) {
    this.policy = options.policy;
    this.agent = new Agent({
      connect: guardedConnector(options.policy, options),
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
    });
  }

  /** GETs a URL, following up to `maxRedirects`, and reads at most `maxBytes` of a 2xx body. */
  async download(url: string, limits: { maxBytes: number }): Promise<{ body: Buffer; contentType?: string }> {
    const response = await this.send(url, { method: "GET", headers: {} }, this.options.maxRedirects);
    const { statusCode, headers } = response;
    if (statusCode < 200 || statusCode >= 300) {
      discard(response);
      throw new OutboundError("status", `answered ${statusCode}`, `answered ${statusCode}`, statusCode);
    }
    const tooLarge = () => new OutboundError("too-large", `the body is larger than ${limits.maxBytes} bytes`);
    const body = await this.read(response, limits.maxBytes, tooLarge);
    const contentType = typeof headers["content-type"] === "string" ? headers["content-type"] : undefined;
    return { body, contentType };
  }

  /** POSTs a JSON body (text, sent as it is) without following redirects; any answered status is a result. */
  async postBody(
    url: string,
    body: string,
    options: { headers?: Record<string, string>; excerptBytes?: number; timeoutMs?: number } = {},
  ): Promise<Delivery> {
    const started = performance.now();
    const headers = { ...options.headers, "content-type": "application/json" };
    // A plain timer, not AbortSignal.timeout: a timeout signal per request costs the
    // gateway's event loop more than the request itself (measured by bench:fanout).
    const deadline = options.timeoutMs ? new AbortController() : undefined;
    const timer = deadline && setTimeout(() => deadline.abort(timedOut()), options.timeoutMs);
    try {
      const signal = deadline?.signal;
      const response = await this.send(url, { method: "POST", headers, body, signal }, 0);
      const latencyMs = Math.round(performance.now() - started);
      const excerpt = await this.read(response, options.excerptBytes ?? 1024, undefined, signal);
      const retryAfter = response.headers["retry-after"];
      return {
        status: response.statusCode,
        excerpt: excerpt.toString("utf8"),
        latencyMs,
        retryAfter: typeof retryAfter === "string" ? retryAfter : undefined,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private async send(
    url: string,
    request: { method: "GET" | "POST"; headers: Record<string, string>; body?: string; signal?: AbortSignal },
    maxRedirects: number,
  ): Promise<Dispatcher.ResponseData> {
    let target = url;
    for (let hop = 0; ; hop++) {
      // The connector checks the host; what it cannot see is checked here, on every hop.
      const refusal = this.policy.formRefusal(target);
      if (refusal) throw this.failure(new RefusedDestinationError(target, refusal), target);
      const { origin, pathname, search } = new URL(target);
      let response: Dispatcher.ResponseData;
      try {
        response = await this.agent.request({
          origin,
          path: `${pathname}${search}`,
          method: request.method,
          headers: { "user-agent": USER_AGENT, ...request.headers },
          body: request.body,
          signal: request.signal,
        });
      } catch (error) {
        throw this.failure(error, target);
      }
      const location = response.headers.location;
      if (maxRedirects === 0 || !REDIRECT_STATUSES.has(response.statusCode) || typeof location !== "string") {
        return response;
      }
      discard(response);
      if (hop >= maxRedirects) {
        throw new OutboundError("redirects", `more than ${maxRedirects} redirects`);
      }
      try {
        target = new URL(location, target).href;
      } catch {
        throw new OutboundError("unreachable", "request failed", `bad redirect location ${location}`);
      }
    }
  }

  /**
   * Reads a body within the body timeout. Past `limit` bytes it stops reading and throws what
   * `overflow` gives, or answers the first `limit` bytes when there is none.
   */
  private async read(
    response: Dispatcher.ResponseData,
    limit: number,
    overflow?: () => Error,
    signal?: AbortSignal,
  ): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    const timeout = () => new OutboundError("timeout", "timed out", "the body took too long");
    const deadline = setTimeout(() => response.body.destroy(timeout()), this.options.bodyTimeoutMs);
    const abort = () => response.body.destroy(timeout());
    signal?.addEventListener("abort", abort, { once: true });
    try {
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        if (size + chunk.length > limit) {
          if (overflow) throw overflow();
          chunks.push(chunk.subarray(0, limit - size));
          size = limit;
          break;
        }
        chunks.push(chunk);
        size += chunk.length;
      }
    } catch (error) {
      throw this.failure(error, "");
    } finally {
      clearTimeout(deadline);
      signal?.removeEventListener("abort", abort);
      discard(response);
    }
    return Buffer.concat(chunks, size);
  }

  private failure(error: unknown, url: string): OutboundError {
    if (error instanceof OutboundError) return error;
    const host = URL.canParse(url) ? new URL(url).host : "";
    if (error instanceof RefusedDestinationError) {
      this.options.logger?.info({ host, reason: error.reason }, "outbound request refused by the policy");
      return new OutboundError("unreachable", "request failed", `refused: ${error.message}`);
    }
    const code = (error as { code?: string }).code ?? "";
    const detail = `${code} ${(error as Error).message}`.trim();
    this.options.logger?.debug({ host, detail }, "outbound request failed");
    const name = (error as Error).name;
    if (TIMEOUT_CODES.has(code) || name === "TimeoutError" || name === "AbortError") {
      return new OutboundError("timeout", "timed out", detail);
    }
    return new OutboundError("unreachable", "request failed", detail);
  }
}

/** The gateway's client, from its settings. */
export function createOutboundClient(config: Config, logger?: Logger): OutboundClient {
  return new OutboundClient({
    policy: new OutboundPolicy(config.OUTBOUND_ALLOW),
    connectTimeoutMs: config.OUTBOUND_CONNECT_TIMEOUT_MS,
    headersTimeoutMs: config.OUTBOUND_HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: config.OUTBOUND_BODY_TIMEOUT_MS,
    maxRedirects: config.OUTBOUND_MAX_REDIRECTS,
    logger,
  });
}
