import type { TokenRevocations } from "../auth/revocations.ts";
import type { PrismaClient } from "../db/client.ts";
import type { WebhookDeliveries, WebhookUpdate } from "../delivery/webhooks/deliveries.ts";
import type { SocketConfigs } from "../domain/socket/live-configs.ts";
import * as domainErrors from "../errors.ts";
import type { EventInput } from "../events/bus.ts";
import type { EventLog } from "../events/log.ts";
import type { Logger } from "../logger.ts";
import type { Engine, SessionCall } from "../whatsapp/engine.ts";
import { SendFailedError, SessionNotOpenError } from "../whatsapp/outgoing.ts";
import { fromWire, toWire, type WireEvent } from "./event-relay.ts";
import { type ClusterLink, NodeUnreachableError, type RemoteFailure } from "./link.ts";

/** What one node asks the node that runs an instance's session (or delivers its webhooks) to do. */
type NodeRequest =
  | { kind: "session"; call: SessionCall }
  | { kind: "emit"; inputs: EventInput[] }
  | { kind: "webhook"; webhookId: string; update: WebhookUpdate };

/** What a node tells all the others. */
type NoticeBody =
  | { kind: "revoked"; instanceId: string }
  | { kind: "socketConfig"; instanceId: string }
  | { kind: "webhookChanged"; webhookId: string }
  | { kind: "released"; instanceId: string };
type Notice = NoticeBody & { from: string };

/** Errors a request's answer can carry, rebuilt as their own class so callers map them as usual. */
const KNOWN_ERRORS: Record<string, { prototype: Error }> = {
  ...Object.fromEntries(
    Object.entries(domainErrors).filter(([, value]) => typeof value === "function") as [
      string,
      { prototype: Error },
    ][],
  ),
  SessionNotOpenError,
  SendFailedError,
  NodeUnreachableError,
};

export function reviveFailure(failure: RemoteFailure): Error {
  const error = Object.create((KNOWN_ERRORS[failure.name] ?? Error).prototype) as Error;
  Object.assign(error, failure.fields);
  error.message = failure.message;
  error.stack = `${failure.name}: ${failure.message}`;
  return error;
}

export interface NodeRequestParts {
  engine: Engine;
  log: EventLog;
  deliveries: WebhookDeliveries;
  revocations: TokenRevocations;
  socketConfigs: SocketConfigs;
  prisma: PrismaClient;
}

/**
 * Makes the nodes answer as one: calls that need a session go to the node that runs it, and
 * so do service events (that node numbers the instance's events) and webhook changes (its
 * pumps deliver them); revoked tokens, /ws settings and webhook edits are told to every node.
 */
export class NodeRequests {
  private releasedListener: ((instanceId: string) => void) | undefined;

  constructor(
    private readonly link: ClusterLink,
    private readonly parts: NodeRequestParts,
    /** The node that runs the instance's session, when it is another one. */
    private readonly runsElsewhere: (instanceId: string) => Promise<string | undefined>,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {
    const { log, deliveries, revocations, socketConfigs } = parts;
    link.onRequest((body) => this.serve(body as NodeRequest));
    link.onBroadcast("notices", (value) => this.hear(value as Notice));
    log.emitElsewhere = (inputs) => this.emitElsewhere(inputs);
    deliveries.changeElsewhere = (webhookId, update) => this.changeWebhookElsewhere(webhookId, update);
    revocations.onRevoke((instanceId, fromCluster) => {
      if (!fromCluster) this.tell({ kind: "revoked", instanceId });
    });
    socketConfigs.onChange((instanceId, _config, fromCluster) => {
      if (!fromCluster) this.tell({ kind: "socketConfig", instanceId });
    });
  }

  /** Runs a session call on the node that runs the session. */
  forward(nodeId: string, call: SessionCall): Promise<unknown> {
    return this.ask(nodeId, { kind: "session", call });
  }

  /** Tells the others a session is free, so its next node need not wait for its round. */
  released(instanceId: string): void {
    this.tell({ kind: "released", instanceId });
  }

  onReleased(listener: (instanceId: string) => void): void {
    this.releasedListener = listener;
  }

  private ask(nodeId: string, request: NodeRequest): Promise<unknown> {
    return this.link.request(nodeId, request, this.timeoutMs, reviveFailure);
  }

  private async serve(request: NodeRequest): Promise<unknown> {
    const { engine, log, deliveries } = this.parts;
    switch (request.kind) {
      case "session":
        return engine.run(request.call);
      case "emit": {
        const events = await log.commit(request.inputs[0].instanceId, [], request.inputs);
        return events.map(toWire);
      }
      case "webhook":
        return deliveries.changedHere(request.webhookId, request.update);
    }
  }

  private async emitElsewhere(inputs: readonly EventInput[]) {
    const owner = await this.runsElsewhere(inputs[0].instanceId);
    if (!owner) return undefined;
    const plain = inputs.map(({ instanceId, instanceName, type, data, json }) => ({
      instanceId,
      instanceName,
      type,
      data: json === undefined ? data : undefined,
      json,
    }));
    const wire = (await this.ask(owner, { kind: "emit", inputs: plain })) as WireEvent[];
    return wire.map(fromWire);
  }

  /** A paused or rewound webhook changes on the node that delivers it; any other change everywhere. */
  private async changeWebhookElsewhere(webhookId: string, update?: WebhookUpdate): Promise<boolean> {
    if (!update) {
      this.tell({ kind: "webhookChanged", webhookId });
      return false;
    }
    const row = await this.parts.prisma.webhook.findUnique({
      where: { id: webhookId },
      select: { instanceId: true },
    });
    const owner = row ? await this.runsElsewhere(row.instanceId) : undefined;
    if (!owner) return false;
    await this.ask(owner, { kind: "webhook", webhookId, update });
    return true;
  }

  private tell(notice: NoticeBody): void {
    this.link.broadcast("notices", { ...notice, from: this.link.nodeId }).catch((error: unknown) => {
      this.logger.warn({ err: error, notice: notice.kind }, "could not tell the cluster");
    });
  }

  private hear(notice: Notice): void {
    if (notice.from === this.link.nodeId) return;
    const { revocations, socketConfigs, deliveries, prisma } = this.parts;
    switch (notice.kind) {
      case "revoked":
        revocations.revokeInstanceToken(notice.instanceId, true);
        return;
      case "socketConfig":
        void prisma.socket
          .findUnique({ where: { instanceId: notice.instanceId } })
          .then((row) => socketConfigs.store(notice.instanceId, row, true))
          .catch((error: unknown) => this.logger.warn({ err: error }, "could not reload a /ws setting"));
        return;
      case "webhookChanged":
        deliveries.changedHere(notice.webhookId).catch(() => undefined);
        return;
      case "released":
        this.releasedListener?.(notice.instanceId);
        return;
    }
  }
}
