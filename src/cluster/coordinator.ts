import { hostname } from "node:os";
import type { Database } from "../db/client.ts";
import type { WebhookDeliveries } from "../delivery/webhooks/deliveries.ts";
import { ConflictError } from "../errors.ts";
import type { EventLog } from "../events/log.ts";
import type { Logger } from "../logger.ts";
import type { Engine, SessionCall, SessionOwnership } from "../whatsapp/engine.ts";
import type { EventRelay } from "./event-relay.ts";
import { isFencedWrite, type Lease, LeaseStore } from "./leases.ts";
import type { NodeRequests } from "./node-requests.ts";
import { preferredNode } from "./placement.ts";

export interface ClusterSettings {
  nodeId: string;
  leaseTtlMs: number;
  /** Sessions handed over to their preferred node per round, so a joining node takes its share without a storm. */
  handoversPerRound: number;
  /** Sessions taken over that log in at once (WA_RESTORE_CONCURRENCY). */
  openConcurrency: number;
}

export function defaultNodeId(): string {
  return `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Runs this node's share of the instances: every round (a third of the lease time) it says it
 * is alive, renews its leases, takes the linked instances that rendezvous hashing gives it
 * among the live nodes (those of a dead node included, once their leases expire) and hands
 * over, a few at a time, those that now belong to another node. A session writes through its
 * lease's guard, so a node that lost a lease (paused past its expiry) cannot write over the
 * new owner's, and stops that session at once.
 */
export class ClusterCoordinator implements SessionOwnership {
  /** Heartbeats, renewals, acquisitions and releases, on the lease connections. */
  private readonly store: LeaseStore;
  /** Reads of leases and nodes (who runs an instance, the cluster's view), on the shared pool. */
  readonly view: LeaseStore;
  private readonly held = new Map<string, Lease>();
  /** Leases of deleted instances whose retired webhooks still owe events: this node delivers them. */
  private readonly retired = new Map<string, Lease>();
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private draining = false;
  private readonly opening: Awaited<ReturnType<Engine["linkedInstances"]>> = [];
  private openingNow = 0;
  private requests: NodeRequests | undefined;
  private relay: Pick<EventRelay, "catchUp"> | undefined;
  private lastRenewedAt = 0;
  private renewTimer: NodeJS.Timeout | undefined;
  private leaseOps: Promise<unknown> = Promise.resolve();
  private nudged: NodeJS.Timeout | undefined;

  constructor(
    private readonly settings: ClusterSettings,
    private readonly db: Database,
    /** Leases on connections of their own: renewals never queue behind the sessions' writes. */
    leaseDb: Pick<Database, "prisma">,
    private readonly engine: Engine,
    private readonly log: Pick<EventLog, "forget">,
    private readonly deliveries: Pick<
      WebhookDeliveries,
      "placeWith" | "followInstance" | "runRetired" | "stopRetired"
    >,
    private readonly logger: Logger,
  ) {
    this.store = new LeaseStore(leaseDb.prisma, settings.nodeId, settings.leaseTtlMs);
    this.view = new LeaseStore(db.prisma, settings.nodeId, settings.leaseTtlMs);
    engine.ownership = this;
    deliveries.placeWith((instanceId) => this.held.has(instanceId));
  }

  get nodeId(): string {
    return this.settings.nodeId;
  }

  get leaseTtlMs(): number {
    return this.settings.leaseTtlMs;
  }

  /** Calls for sessions on other nodes go through `requests`; a session another node frees is taken at once. */
  useRequests(requests: NodeRequests): void {
    this.requests = requests;
    requests.onReleased(() => this.nudge());
  }

  /** Why this node should not take traffic now (undefined: ready); `ping` checks Redis. */
  async unready(ping: () => Promise<unknown>): Promise<string | undefined> {
    if (this.draining) return "draining: handing its sessions over";
    if (Date.now() - this.lastRenewedAt > this.settings.leaseTtlMs) {
      return "lease renewals are late: leases may lapse";
    }
    try {
      await ping();
    } catch {
      return "redis unreachable";
    }
    return undefined;
  }

  /** Events a dead node committed but never broadcast reach this node's bus before it takes a session over. */
  useRelay(relay: Pick<EventRelay, "catchUp">): void {
    this.relay = relay;
  }

  async runsElsewhere(instanceId: string): Promise<string | undefined> {
    if (this.held.has(instanceId)) return undefined;
    const holder = await this.view.holder(instanceId);
    return holder === this.nodeId ? undefined : holder;
  }

  forward(nodeId: string, call: SessionCall): Promise<unknown> {
    if (!this.requests) throw new ConflictError(`The instance's session runs on node ${nodeId}`);
    return this.requests.forward(nodeId, call);
  }

  async start(): Promise<void> {
    await this.store.heartbeat();
    this.lastRenewedAt = Date.now();
    this.scheduleRenewals();
    this.schedule(0);
  }

  /** Runs a round now (tests, and a node that wants its share at once). */
  rebalance(): Promise<void> {
    this.round = this.round
      .then(() => this.runRound())
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, "cluster round failed");
      });
    return this.round;
  }

  async claim(instanceId: string): Promise<Database> {
    const known = this.held.get(instanceId);
    const lease = known ?? (await this.store.acquire(instanceId));
    if (!lease) {
      const holder = (await this.view.leases()).find((row) => row.instanceId === instanceId);
      throw new ConflictError(
        `The instance's session runs on node ${holder?.nodeId ?? "another node"}; send this call to that node.`,
      );
    }
    this.held.set(instanceId, lease);
    if (!known) {
      // The former owner committed events since this node last did; its webhooks come here.
      this.log.forget(instanceId);
      await this.relay?.catchUp(instanceId);
      this.followDeliveries(instanceId);
    }
    return this.fenced(lease);
  }

  /** Hands every session over and stops (SIGTERM): the others take them within a round. */
  async drain(): Promise<void> {
    this.draining = true;
    clearTimeout(this.timer);
    clearTimeout(this.renewTimer);
    clearTimeout(this.nudged);
    await this.round;
    await this.store.heartbeat(true).catch(() => undefined);
    await this.engine.stopAll();
    const leases = [...this.held.values(), ...this.retired.values()];
    this.held.clear();
    this.retired.clear();
    await Promise.all(
      leases.map((lease) => this.deliveries.followInstance(lease.instanceId).catch(() => undefined)),
    );
    await Promise.all(leases.map((lease) => this.release(lease).catch(() => undefined)));
  }

  private async release(lease: Lease): Promise<void> {
    await this.exclusive(() => this.store.release(lease));
    this.requests?.released(lease.instanceId);
  }

  /** A round soon, once for a burst of nudges. */
  private nudge(): void {
    if (this.draining || this.nudged) return;
    this.nudged = setTimeout(() => {
      this.nudged = undefined;
      void this.rebalance();
    }, 100);
    this.nudged.unref();
  }

  private schedule(delayMs: number): void {
    if (this.draining) return;
    this.timer = setTimeout(() => {
      void this.rebalance().then(() => this.schedule(this.settings.leaseTtlMs / 3));
    }, delayMs);
    this.timer.unref();
  }

  /**
   * Heartbeat and renewals run on their own timer, so a long placement round (hand-overs,
   * hundreds of acquisitions) never delays them past the lease time.
   */
  private scheduleRenewals(): void {
    if (this.draining) return;
    this.renewTimer = setTimeout(() => {
      void this.renew()
        .catch((error: unknown) => this.logger.warn({ err: error }, "lease renewal failed"))
        .then(() => this.scheduleRenewals());
    }, this.settings.leaseTtlMs / 3);
    this.renewTimer.unref();
  }

  private renew(): Promise<void> {
    return this.exclusive(async () => {
      if (this.draining) return;
      await this.store.heartbeat();
      const leases = [...this.held.values(), ...this.retired.values()];
      const renewed = await this.store.renewAll(leases);
      this.lastRenewedAt = Date.now();
      for (const lease of leases) {
        if (renewed.has(lease.instanceId)) continue;
        if (this.retired.get(lease.instanceId) === lease) {
          this.retired.delete(lease.instanceId);
          await this.deliveries.stopRetired(lease.instanceId);
        } else if (this.held.get(lease.instanceId) === lease) {
          await this.lost(lease.instanceId, "lease expired");
        }
      }
    });
  }

  /** Renewals and releases one at a time: a renewal never extends a lease released meanwhile. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.leaseOps.then(work, work);
    this.leaseOps = result.catch(() => undefined);
    return result;
  }

  private async runRound(): Promise<void> {
    if (this.draining) return;
    const live = (await this.view.liveNodes()).filter((node) => !node.draining).map((node) => node.id);
    const linked = await this.engine.linkedInstances();
    const linkedIds = new Set(linked.map((instance) => instance.id));
    let handovers = 0;
    for (const instance of linked) {
      const preferred = preferredNode(live, instance.id);
      const lease = this.held.get(instance.id);
      if (lease) {
        if (preferred && preferred !== this.nodeId && handovers < this.settings.handoversPerRound) {
          handovers += 1;
          await this.handOver(lease, preferred);
        }
      } else if (preferred === this.nodeId && (await this.store.acquire(instance.id))) {
        this.open(instance);
      }
    }
    // Instances deleted (through another node, say), made inactive or logged out: their
    // sessions stop and their leases go. A session waiting for its QR code stays.
    const unlinked = [...this.held.values()].filter((lease) => !linkedIds.has(lease.instanceId));
    await this.deliverRetired(unlinked);
    if (unlinked.length === 0) return;
    const active = new Set(
      (
        await this.db.prisma.instance.findMany({
          where: { id: { in: unlinked.map((lease) => lease.instanceId) }, state: "active" },
          select: { id: true },
        })
      ).map((row) => row.id),
    );
    for (const lease of unlinked) {
      const running = this.engine.runningIds().includes(lease.instanceId);
      if (running && active.has(lease.instanceId)) continue;
      if (running) await this.engine.stopHere(lease.instanceId);
      this.held.delete(lease.instanceId);
      if (this.retired.has(lease.instanceId)) continue;
      await this.deliveries.followInstance(lease.instanceId).catch(() => undefined);
      await this.release(lease);
    }
  }

  /**
   * Webhooks of a deleted instance deliver its last events from the node that holds its lease:
   * the one that ran its session keeps it until they are done; if that node dies, another
   * takes the lease and the webhooks over.
   */
  private async deliverRetired(unlinked: Lease[]): Promise<void> {
    const owing = new Set(
      (await this.db.prisma.retiredWebhook.findMany({ select: { instanceId: true } })).map(
        (row) => row.instanceId,
      ),
    );
    for (const lease of unlinked) {
      if (owing.has(lease.instanceId) && !this.engine.runningIds().includes(lease.instanceId)) {
        this.retired.set(lease.instanceId, lease);
      }
    }
    for (const [instanceId, lease] of this.retired) {
      if (owing.has(instanceId)) continue;
      this.retired.delete(instanceId);
      await this.deliveries.stopRetired(instanceId);
      await this.release(lease);
    }
    for (const instanceId of owing) {
      if (this.retired.has(instanceId) || this.held.has(instanceId)) continue;
      const lease = await this.store.acquire(instanceId);
      if (!lease) continue;
      this.retired.set(instanceId, lease);
      await this.deliveries.runRetired(instanceId);
    }
  }

  /** Opens a session taken over, at most `openConcurrency` handshakes at once (as a restart's). */
  private open(instance: Awaited<ReturnType<Engine["linkedInstances"]>>[number]): void {
    this.opening.push(instance);
    while (this.openingNow < this.settings.openConcurrency && this.opening.length > 0) {
      const next = this.opening.shift() as typeof instance;
      this.openingNow += 1;
      this.engine
        .open(next)
        .then((session) => session.settled(this.settings.leaseTtlMs))
        .then(
          () => this.logger.info({ instanceId: next.id, node: this.nodeId }, "session taken over"),
          (error: unknown) => this.logger.warn({ err: error, instanceId: next.id }, "could not open session"),
        )
        .finally(() => {
          this.openingNow -= 1;
          const waiting = this.opening.shift();
          if (waiting) this.open(waiting);
        });
    }
  }

  private async handOver(lease: Lease, to: string): Promise<void> {
    this.logger.info({ instanceId: lease.instanceId, to }, "handing session over");
    await this.engine.stopHere(lease.instanceId);
    this.held.delete(lease.instanceId);
    // Its webhooks stop here before the next node may start them.
    await this.deliveries.followInstance(lease.instanceId).catch(() => undefined);
    await this.release(lease);
  }

  private async lost(instanceId: string, reason: string): Promise<void> {
    if (!this.held.delete(instanceId)) return;
    this.logger.warn({ instanceId, reason }, "lease lost: stopping the session");
    await this.engine.stopHere(instanceId).catch(() => undefined);
    this.followDeliveries(instanceId);
  }

  private followDeliveries(instanceId: string): void {
    this.deliveries.followInstance(instanceId).catch((error: unknown) => {
      this.logger.warn({ err: error, instanceId }, "webhook deliveries did not follow the session");
    });
  }

  /** The database as a session under `lease` writes to it: its guard first in every transaction. */
  private fenced(lease: Lease): Database {
    return {
      ...this.db,
      write: async (writes) => {
        try {
          await this.db.write([this.store.guard(lease), ...writes]);
        } catch (error) {
          if (isFencedWrite(error) && this.held.get(lease.instanceId) === lease) {
            void this.lost(lease.instanceId, "write refused: another node holds the lease");
          }
          throw error;
        }
      },
    };
  }
}
