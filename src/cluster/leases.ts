import type { PrismaClient } from "../db/client.ts";
import { type StatementWrite, statement } from "../db/row-writes.ts";

/** An instance's session held by one node under one fencing token. */
export interface Lease {
  instanceId: string;
  nodeId: string;
  fence: number;
}

export interface LeaseRow extends Lease {
  acquiredAt: Date;
  expiresAt: Date;
}

export interface ClusterNodeRow {
  id: string;
  startedAt: Date;
  heartbeatAt: Date;
  draining: boolean;
}

/** The database's clock, in UTC: every node reads leases against the same clock. */
const NOW = `timezone('UTC', clock_timestamp())`;
const IN_TTL = `${NOW} + ($3::integer * interval '1 millisecond')`;

/** A write was refused: the node no longer holds the instance's lease under its token. */
export function isFencedWrite(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    // The driver adapter keeps PostgreSQL's message in originalMessage; the ORM in message.
    const { message, originalMessage } = cause as { message?: unknown; originalMessage?: unknown };
    for (const text of [message, originalMessage]) {
      if (typeof text === "string" && text.includes('of relation "LostLease"')) return true;
    }
  }
  return false;
}

/**
 * Instance leases and node heartbeats in PostgreSQL, timed by the database's clock. A lease
 * is taken when it is free or expired (its fencing token then grows by one), renewed by its
 * holder only, and given up by expiring it. Writes made under a lease carry `guard(lease)`
 * as their transaction's first statement, so a former owner's writes fail once another
 * node has taken over, even when its process was paused through the change.
 */
export class LeaseStore {
  constructor(
    private readonly prisma: PrismaClient,
    readonly nodeId: string,
    private readonly ttlMs: number,
  ) {}

  /** Says the node is alive (and whether it is handing its instances over). */
  async heartbeat(draining = false): Promise<void> {
    await this.prisma.$executeRawUnsafe(
      `INSERT INTO "ClusterNode" ("id", "startedAt", "heartbeatAt", "draining")
       VALUES ($1, ${NOW}, ${NOW}, $2)
       ON CONFLICT ("id") DO UPDATE SET "heartbeatAt" = ${NOW}, "draining" = excluded."draining"`,
      this.nodeId,
      draining,
    );
  }

  /** Nodes whose last heartbeat is within the lease time, this one included once it has beaten. */
  liveNodes(): Promise<ClusterNodeRow[]> {
    return this.prisma.$queryRawUnsafe<ClusterNodeRow[]>(
      `SELECT "id", "startedAt", "heartbeatAt", "draining" FROM "ClusterNode"
       WHERE "heartbeatAt" > ${NOW} - ($1::integer * interval '1 millisecond') ORDER BY "id"`,
      this.ttlMs,
    );
  }

  /** Every node, live or not, for the cluster's view. */
  nodes(): Promise<ClusterNodeRow[]> {
    return this.prisma.$queryRawUnsafe<ClusterNodeRow[]>(
      `SELECT "id", "startedAt", "heartbeatAt", "draining" FROM "ClusterNode" ORDER BY "id"`,
    );
  }

  leases(): Promise<LeaseRow[]> {
    return this.prisma.$queryRawUnsafe<LeaseRow[]>(
      `SELECT "instanceId", "nodeId", "fence", "acquiredAt", "expiresAt" FROM "InstanceLease" ORDER BY "instanceId"`,
    );
  }

  /** The node holding the instance's lease now, if any. */
  async holder(instanceId: string): Promise<string | undefined> {
    const rows = await this.prisma.$queryRawUnsafe<{ nodeId: string }[]>(
      `SELECT "nodeId" FROM "InstanceLease" WHERE "instanceId" = $1 AND "expiresAt" > ${NOW}`,
      instanceId,
    );
    return rows[0]?.nodeId;
  }

  /**
   * Takes the instance's lease when it is free, expired or already this node's; null when
   * another node holds it. A change of holder raises the fencing token.
   */
  async acquire(instanceId: string): Promise<Lease | null> {
    const rows = await this.prisma.$queryRawUnsafe<{ fence: number }[]>(
      `INSERT INTO "InstanceLease" ("instanceId", "nodeId", "fence", "acquiredAt", "expiresAt")
       VALUES ($1, $2, 1, ${NOW}, ${IN_TTL})
       ON CONFLICT ("instanceId") DO UPDATE SET
         "fence" = "InstanceLease"."fence" + CASE WHEN "InstanceLease"."nodeId" = excluded."nodeId" THEN 0 ELSE 1 END,
         "acquiredAt" = CASE WHEN "InstanceLease"."nodeId" = excluded."nodeId" THEN "InstanceLease"."acquiredAt" ELSE excluded."acquiredAt" END,
         "nodeId" = excluded."nodeId",
         "expiresAt" = excluded."expiresAt"
       WHERE "InstanceLease"."nodeId" = excluded."nodeId" OR "InstanceLease"."expiresAt" <= ${NOW}
       RETURNING "fence"`,
      instanceId,
      this.nodeId,
      this.ttlMs,
    );
    return rows.length === 1 ? { instanceId, nodeId: this.nodeId, fence: Number(rows[0].fence) } : null;
  }

  /**
   * Extends every lease of this node that is still held under its token, in one statement (a
   * node with hundreds of sessions renews them all within its round); answers the instances
   * whose leases were renewed.
   */
  async renewAll(leases: readonly Lease[]): Promise<Set<string>> {
    if (leases.length === 0) return new Set();
    const rows = await this.prisma.$queryRawUnsafe<{ instanceId: string }[]>(
      `UPDATE "InstanceLease" AS l SET "expiresAt" = ${NOW} + ($2::integer * interval '1 millisecond')
       FROM jsonb_to_recordset($3::jsonb) AS held("instanceId" text, "fence" integer)
       WHERE l."instanceId" = held."instanceId" AND l."fence" = held."fence" AND l."nodeId" = $1
       RETURNING l."instanceId"`,
      this.nodeId,
      this.ttlMs,
      JSON.stringify(leases.map(({ instanceId, fence }) => ({ instanceId, fence }))),
    );
    return new Set(rows.map((row) => row.instanceId));
  }

  /** Gives the lease up at once, so the next node need not wait for it to expire. */
  async release(lease: Lease): Promise<void> {
    await this.prisma.$executeRawUnsafe(
      `UPDATE "InstanceLease" SET "expiresAt" = ${NOW}
       WHERE "instanceId" = $1 AND "nodeId" = $2 AND "fence" = $3`,
      lease.instanceId,
      lease.nodeId,
      lease.fence,
    );
  }

  /**
   * The first statement of a write made under the lease. It locks the lease row (a takeover
   * waits for the write to end, or the write sees the takeover) and, when the lease is gone or
   * expired, inserts a null id into LostLease, which fails the whole transaction. (Prisma's
   * schema engine cannot read check constraints, and splits plpgsql bodies, hence this form.)
   */
  guard(lease: Lease): StatementWrite {
    return statement(
      `WITH held AS (
         SELECT 1 FROM "InstanceLease"
         WHERE "instanceId" = $1 AND "nodeId" = $2 AND "fence" = $3::integer AND "expiresAt" > ${NOW}
         FOR UPDATE
       )
       INSERT INTO "LostLease" ("instanceId") SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM held)`,
      [lease.instanceId, lease.nodeId, lease.fence],
    );
  }
}
