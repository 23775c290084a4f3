import { randomUUID } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import type { Redis } from "ioredis";
import { UpstreamError } from "../errors.ts";
import type { Logger } from "../logger.ts";

/** What a node asks another one to do; the answer (or a failure) comes back to the asker. */
interface Request {
  kind: "request";
  id: string;
  from: string;
  body: unknown;
}

interface Reply {
  kind: "reply";
  id: string;
  result?: unknown;
  failure?: RemoteFailure;
}

/** An error thrown on another node, as it travels back: its class name, message and fields. */
export interface RemoteFailure {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

/** The node that runs a session did not answer: a failure upstream of this node, as WhatsApp's are. */
export class NodeUnreachableError extends UpstreamError {
  constructor(
    readonly nodeId: string,
    why: string,
  ) {
    super(
      `Node ${nodeId}, which runs this instance's session, ${why}; ` +
        "if it is gone, another node takes the session over within the lease time: retry then",
    );
  }
}

/**
 * The nodes' messaging over Redis pub/sub: broadcasts on named topics (events, notices), and
 * requests to one node answered on the asker's own channel. Payloads are V8-serialized, so
 * Buffers (media to send) and Dates travel as they are. Pub/sub delivers at most once:
 * what must not be lost is in PostgreSQL, and receivers fill gaps from there.
 */
export class ClusterLink {
  private readonly subscriber: Redis;
  private readonly topics = new Map<string, (value: unknown) => void>();
  private readonly waiting = new Map<
    string,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  private serve: ((body: unknown) => Promise<unknown>) | undefined;

  constructor(
    private readonly redis: Redis,
    readonly nodeId: string,
    private readonly logger: Logger,
    private readonly prefix: string,
  ) {
    this.subscriber = redis.duplicate();
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
      this.receive(channel.toString(), message);
    });
  }

  /** Subscribes to the node's own channel and the topics registered so far. */
  async open(): Promise<void> {
    await this.subscriber.subscribe(this.nodeChannel(this.nodeId), ...[...this.topics.keys()]);
  }

  /** Handles every broadcast on `topic`, this node's own included. Call before `open`. */
  onBroadcast(topic: string, handler: (value: unknown) => void): void {
    this.topics.set(this.prefix + topic, handler);
  }

  broadcast(topic: string, value: unknown): Promise<unknown> {
    return this.redis.publish(this.prefix + topic, serialize(value));
  }

  /** Answers other nodes' requests. */
  onRequest(handler: (body: unknown) => Promise<unknown>): void {
    this.serve = handler;
  }

  /** Asks `nodeId` and waits for its answer; its failure is rethrown here as `revive` rebuilds it. */
  request(
    nodeId: string,
    body: unknown,
    timeoutMs: number,
    revive: (failure: RemoteFailure) => Error,
  ): Promise<unknown> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new NodeUnreachableError(nodeId, `did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, { resolve, reject, timer });
      const request: Request = { kind: "request", id, from: this.nodeId, body };
      this.redis.publish(this.nodeChannel(nodeId), serialize(request)).then(
        (receivers) => {
          // Nobody listens on a dead node's channel: no need to wait for the timeout.
          if (receivers === 0) this.settle(id, new NodeUnreachableError(nodeId, "is not connected"));
        },
        (error: Error) => this.settle(id, error),
      );
    }).catch((error: unknown) => {
      if (error instanceof RevivableFailure) throw revive(error.failure);
      throw error;
    });
  }

  async close(): Promise<void> {
    for (const [id, entry] of this.waiting) {
      clearTimeout(entry.timer);
      entry.reject(new Error("the node is shutting down"));
      this.waiting.delete(id);
    }
    this.subscriber.disconnect();
  }

  private receive(channel: string, message: Buffer): void {
    let value: unknown;
    try {
      value = deserialize(message);
    } catch (error) {
      this.logger.warn({ err: error, channel }, "unreadable cluster message ignored");
      return;
    }
    const topic = this.topics.get(channel);
    const envelope = value as Request | Reply;
    if (topic) topic(value);
    else if (envelope.kind === "reply") {
      this.settle(envelope.id, envelope.failure ? new RevivableFailure(envelope.failure) : envelope);
    } else if (envelope.kind === "request") void this.answer(envelope);
  }

  private async answer(request: Request): Promise<void> {
    const reply: Reply = { kind: "reply", id: request.id };
    try {
      if (!this.serve) throw new Error("this node does not take requests yet");
      reply.result = await this.serve(request.body);
    } catch (error) {
      reply.failure = describeFailure(error);
    }
    await this.redis.publish(this.nodeChannel(request.from), serialize(reply)).catch((error: unknown) => {
      this.logger.warn({ err: error, to: request.from }, "could not answer a cluster request");
    });
  }

  private settle(id: string, outcome: Reply | Error): void {
    const entry = this.waiting.get(id);
    if (!entry) return;
    this.waiting.delete(id);
    clearTimeout(entry.timer);
    if (outcome instanceof Error) entry.reject(outcome);
    else entry.resolve(outcome.result);
  }

  private nodeChannel(nodeId: string): string {
    return `${this.prefix}node:${nodeId}`;
  }
}

class RevivableFailure extends Error {
  constructor(readonly failure: RemoteFailure) {
    super(failure.message);
  }
}

function describeFailure(error: unknown): RemoteFailure {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    // Only plain data travels; a cause or a socket stays on its node.
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
    else if (Array.isArray(value)) fields[key] = JSON.parse(JSON.stringify(value));
  }
  return { name: error.constructor.name, message: error.message, fields };
}
