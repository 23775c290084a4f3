// Real gateway processes on one PostgreSQL database and one Redis, with the simulator: the
// parts every cluster test starts, and the checks they wait on.
import pg from "pg";
import { preferredNode } from "../../src/cluster/placement.ts";
import { ACCOUNT_TOKEN, secretsKeyEnv } from "./app.ts";
import { freshDatabase } from "./database.ts";
import type { InstanceFixture } from "./fixtures.ts";
import { type GatewayChild, startGatewayChild } from "./gateway-child.ts";
import { engineEnv, until, WhatsAppSimulator } from "./whatsapp.ts";

export const POSTGRES = process.env.TEST_POSTGRES_URL;
export const REDIS = process.env.TEST_REDIS_URL;

export interface LeaseRow {
  instanceId: string;
  nodeId: string;
  fence: number;
}

export interface ClusterHarness {
  sim: WhatsAppSimulator;
  sql: pg.Client;
  nodes: Map<string, GatewayChild>;
  start(nodeId: string, env?: Record<string, string>): Promise<GatewayChild>;
  /** Unexpired leases, by instance. */
  leases(): Promise<LeaseRow[]>;
  /** Waits until every instance is leased to the node rendezvous hashing prefers among `live`, and every phone is connected. */
  settledOn(
    instances: InstanceFixture[],
    live: string[],
    phones: string[],
  ): Promise<{ leases: LeaseRow[]; connected: string[] }>;
  close(): Promise<void>;
}

export async function startClusterHarness(leaseTtlMs: number): Promise<ClusterHarness> {
  const sim = await WhatsAppSimulator.start();
  const database = await freshDatabase();
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  const nodes = new Map<string, GatewayChild>();
  const leases = async () =>
    (
      await sql.query<LeaseRow>(
        `SELECT "instanceId", "nodeId", "fence" FROM "InstanceLease" WHERE "expiresAt" > timezone('UTC', clock_timestamp()) ORDER BY "instanceId"`,
      )
    ).rows;
  return {
    sim,
    sql,
    nodes,
    leases,
    async start(nodeId, env = {}) {
      const node = await startGatewayChild({
        ...engineEnv(sim),
        DATABASE_URL: database.url,
        ...secretsKeyEnv(database.url),
        ACCOUNT_TOKEN,
        REDIS_URL: REDIS as string,
        CLUSTER_NODE_ID: nodeId,
        CLUSTER_LEASE_TTL_MS: String(leaseTtlMs),
        OUTBOUND_ALLOW: "127.0.0.1",
        ...env,
      });
      nodes.set(nodeId, node);
      return node;
    },
    settledOn: (instances, live, phones) =>
      until(
        async () => ({ leases: await leases(), connected: sim.connectedAccounts().sort() }),
        ({ leases: held, connected }) =>
          held.length === instances.length &&
          held.every((lease) => lease.nodeId === preferredNode(live, lease.instanceId)) &&
          phones.every((phone) => connected.includes(phone)),
        30_000,
      ),
    async close() {
      await Promise.all([...nodes.values()].map((node) => node.kill("SIGKILL")));
      await sql.end();
      await sim.stop();
      await database.drop();
    },
  };
}
