/**
 * bench:cluster — gateway processes as one cluster on PostgreSQL and Redis.
 *
 * The WhatsApp simulator runs in its own process; each node is a gateway process (compiled or
 * through tsx, see support/runtime.ts) with its own CLUSTER_NODE_ID, on one new database.
 * (a) One node: N instances paired through node A while it is alone. Inbound load: a contact
 *     sends M texts to every instance at once; time until the event log holds all N×M
 *     messagesUpsert events.
 * (b) Three nodes: B and C join. Time until every lease is on the node rendezvous hashing
 *     prefers and every account is connected again (the handover); then the same load.
 * (c) Failover: SIGKILL the node that runs the most sessions. Time until each of its
 *     instances is leased to a survivor and every account is connected again.
 *
 * Env: BENCH_INSTANCES (260: the dead node runs about 100), BENCH_MESSAGES (per instance, 20), BENCH_PAIR_CONCURRENCY (10),
 * BENCH_DATABASE_URL (postgresql://postgres@127.0.0.1:5432/postgres), BENCH_REDIS_URL
 * (redis://127.0.0.1:6379), BENCH_LEASE_TTL_MS (15000, the default CLUSTER_LEASE_TTL_MS),
 * BENCH_GATEWAY (`dist`, the default, or `tsx`).
 */
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { preferredNode } from "../src/cluster/placement.ts";
import { type GatewayProcess, startGatewayProcess } from "./support/gateway.ts";
import { createInstances, InstanceWatcher, pairInstance } from "./support/gateway-pairing.ts";
import { pool, sleep } from "./support/pool.ts";
import { gatewayModeLine } from "./support/runtime.ts";
import { benchDatabases } from "./support/server.ts";
import { type SimulatorProcess, startSimulator } from "./support/simulator.ts";

const N = Number(process.env.BENCH_INSTANCES ?? "260");
const M = Number(process.env.BENCH_MESSAGES ?? "20");
const PAIR_CONCURRENCY = Number(process.env.BENCH_PAIR_CONCURRENCY ?? "10");
const POSTGRES = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const TTL_MS = Number(process.env.BENCH_LEASE_TTL_MS ?? "15000");
const ACCOUNT_TOKEN = "bench-account-token-0123456789";
const LIMIT_MS = 10 * 60_000;
const CONTACT = "15550190000";

const phoneOf = (index: number) => `1555020${String(index).padStart(4, "0")}`;

async function main(): Promise<void> {
  const databases = await benchDatabases(POSTGRES);
  const sql = new pg.Client({ connectionString: databases.server });
  const sim = await startSimulator();
  const nodes = new Map<string, GatewayProcess>();
  const start = async (nodeId: string) => {
    const node = await startGatewayProcess({
      DATABASE_URL: databases.server,
      REDIS_URL: REDIS,
      CLUSTER_NODE_ID: nodeId,
      CLUSTER_LEASE_TTL_MS: String(TTL_MS),
      ACCOUNT_TOKEN,
      LOG_LEVEL: "warn",
      WA_LOG_LEVEL: "silent",
      WA_WS_URL: sim.url,
    });
    nodes.set(nodeId, node);
    return node;
  };
  try {
    const a = await start("node-a");
    await sql.connect();
    const ids = await createInstances(a.url, ACCOUNT_TOKEN, N);
    const watcher = new InstanceWatcher(a.url, ACCOUNT_TOKEN);
    const paired = performance.now();
    const pairing = await pool({
      count: N,
      concurrency: PAIR_CONCURRENCY,
      retries: 2,
      deadlineMs: LIMIT_MS,
      task: (index) =>
        pairInstance({
          url: a.url,
          token: ACCOUNT_TOKEN,
          watcher,
          sim,
          id: ids[index],
          phone: phoneOf(index),
          timeoutMs: 120_000,
        }),
    });
    await watcher.close();
    if (pairing.done !== N)
      throw new Error(`paired ${pairing.done} of ${N}: ${pairing.errors.slice(0, 3).join("; ")}`);
    console.log(`paired ${N} instances through node-a in ${Math.round(performance.now() - paired)} ms`);

    const one = await inbound(sim, sql, "one node");
    await start("node-b");
    await start("node-c");
    const all = ["node-a", "node-b", "node-c"];
    const handover = await settle(sim, sql, all, "handover to three nodes");
    const three = await inbound(sim, sql, "three nodes");

    const shares = await leaseShares(sql);
    const [victim, victimShare] = [...shares.entries()].sort((x, y) => y[1] - x[1])[0];
    const killedAt = performance.now();
    process.kill(nodes.get(victim)?.pid as number, "SIGKILL");
    nodes.delete(victim);
    const failover = await settle(
      sim,
      sql,
      all.filter((node) => node !== victim),
      "failover",
      killedAt,
    );

    console.log(`\n## bench:cluster — ${N} instances, ${M} texts each per load, lease TTL ${TTL_MS} ms`);
    console.log(`${gatewayModeLine()}; ${cpus().length} × ${cpus()[0]?.model}; Node ${process.version}`);
    console.log(
      `load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}\n`,
    );
    console.log("| phase | figure |\n| --- | ---: |");
    console.log(
      `| inbound, one node | ${one.rate} events/s (${one.committed} of ${N * M} in ${one.ms} ms) |`,
    );
    console.log(
      `| inbound, three nodes | ${three.rate} events/s (${three.committed} of ${N * M} in ${three.ms} ms) |`,
    );
    console.log(`| three nodes / one node | ${Math.round((three.rate / one.rate) * 100)} % |`);
    console.log(`| handover when two nodes join | ${handover.ms} ms (${handover.moved} sessions moved) |`);
    console.log(
      `| failover of ${victimShare} sessions (SIGKILL) | ${failover.ms} ms (first taken over after ${failover.firstMs} ms) |`,
    );
  } finally {
    for (const node of nodes.values()) await node.stop().catch(() => undefined);
    await sql.end().catch(() => undefined);
    await sim.stop();
    await databases.drop();
  }
}

/** Every instance gets M texts at once; resolves when the log holds them all. */
async function inbound(sim: SimulatorProcess, sql: pg.Client, label: string) {
  const count = async () =>
    Number(
      (await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "Event" WHERE "type" = 'messagesUpsert'`))
        .rows[0].n,
    );
  const before = await count();
  const started = performance.now();
  const sends = Array.from({ length: N }, (_, index) =>
    sim.call("POST", "/send", {
      from: CONTACT,
      to: phoneOf(index),
      count: M,
      text: label,
      timeoutMs: LIMIT_MS,
    }),
  );
  // Until all are committed, or nothing more comes for 20 s (a session that moved meanwhile
  // loses what it acknowledged but had not committed: the count says so).
  let committed = 0;
  let progressAt = performance.now();
  let lastAt = started;
  while (committed < N * M && performance.now() - progressAt < 20_000) {
    if (performance.now() - started > LIMIT_MS) break;
    await sleep(50);
    const now = (await count()) - before;
    if (now > committed) {
      committed = now;
      progressAt = lastAt = performance.now();
    }
  }
  const ms = Math.round(lastAt - started);
  await Promise.all(sends);
  console.log(`${label}: ${committed} of ${N * M} events in ${ms} ms`);
  return { ms, committed, rate: Math.round((committed * 1000) / ms) };
}

async function leaseShares(sql: pg.Client): Promise<Map<string, number>> {
  const shares = new Map<string, number>();
  for (const lease of await liveLeases(sql)) shares.set(lease.nodeId, (shares.get(lease.nodeId) ?? 0) + 1);
  return shares;
}

function liveLeases(sql: pg.Client) {
  return sql
    .query<{ instanceId: string; nodeId: string }>(
      `SELECT "instanceId", "nodeId" FROM "InstanceLease" WHERE "expiresAt" > timezone('UTC', clock_timestamp())`,
    )
    .then((result) => result.rows);
}

/**
 * Waits until every instance is leased to its preferred node among `live` and every account
 * is connected; `since`: when the change began (now by default).
 */
async function settle(
  sim: SimulatorProcess,
  sql: pg.Client,
  live: string[],
  label: string,
  since = performance.now(),
) {
  const before = new Map((await liveLeases(sql)).map((lease) => [lease.instanceId, lease.nodeId]));
  let firstMs = Number.NaN;
  for (;;) {
    const leases = await liveLeases(sql);
    const placed = leases.filter((lease) => lease.nodeId === preferredNode(live, lease.instanceId));
    if (Number.isNaN(firstMs) && placed.some((lease) => before.get(lease.instanceId) !== lease.nodeId)) {
      firstMs = Math.round(performance.now() - since);
    }
    const connected = (await sim.call<{ connectedAccounts: number }>("GET", "/stats")).connectedAccounts;
    if (placed.length === N && connected === N) {
      const ms = Math.round(performance.now() - since);
      const moved = leases.filter((lease) => before.get(lease.instanceId) !== lease.nodeId).length;
      console.log(`${label}: ${ms} ms, ${moved} sessions moved`);
      return { ms, firstMs, moved };
    }
    if (performance.now() - since > LIMIT_MS) throw new Error(`${label}: not settled`);
    await sleep(100);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
