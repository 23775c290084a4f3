import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventRelay } from "../../src/cluster/event-relay.ts";
import { ClusterLink } from "../../src/cluster/link.ts";
import { EventBus } from "../../src/events/bus.ts";
import { EventLog } from "../../src/events/log.ts";
import type { GatewayEvent } from "../../src/events/types.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningApp, startApp } from "../support/app.ts";
import { REDIS } from "../support/cluster.ts";
import { databaseKind } from "../support/database.ts";
import { until } from "../support/whatsapp.ts";

/** One node's side: its bus, its relay on Redis, and a log that commits onto that bus. */
interface Side {
  bus: EventBus;
  relay: EventRelay;
  link: ClusterLink;
  log: EventLog;
  seen: GatewayEvent[];
}

describe.skipIf(databaseKind !== "postgresql" || !REDIS)("events relayed between nodes", () => {
  let running: RunningApp;
  const redis: Redis[] = [];
  let a: Side;
  let b: Side;
  /** Commits that reach no bus but the log: a node that died before it broadcast them. */
  let silent: EventLog;

  beforeAll(async () => {
    running = await startApp();
    const { db, metrics } = running.app.services;
    const prefix = `wagraph-test-${randomUUID()}:`;
    const side = async (nodeId: string): Promise<Side> => {
      const connection = new Redis(REDIS as string);
      redis.push(connection);
      const bus = new EventBus(metrics);
      const link = new ClusterLink(connection, nodeId, createLogger("silent"), prefix);
      const relay = new EventRelay(link, bus, db.prisma, createLogger("silent"));
      await link.open();
      relay.start();
      const seen: GatewayEvent[] = [];
      bus.on((event) => seen.push(event));
      return { bus, relay, link, log: new EventLog(db, bus, metrics), seen };
    };
    a = await side("node-a");
    b = await side("node-b");
    silent = new EventLog(db, new EventBus(metrics), metrics);
  });
  afterAll(async () => {
    for (const node of [a, b]) {
      node?.relay.stop();
      await node?.link.close();
    }
    for (const connection of redis) connection.disconnect();
    await running?.stop();
  });

  const emit = (log: EventLog, instanceId: string, n: number) =>
    log.emit({ instanceId, instanceName: "relayed", type: "newJwt", data: { n } });
  const seqs = (side: Side, instanceId: string) =>
    side.seen.filter((event) => event.instanceId === instanceId).map((event) => event.seq);

  /** A new instance whose first event, committed on node A, node B has seen. */
  const firstEventSeenOnB = async () => {
    const instanceId = randomUUID();
    await emit(a.log, instanceId, 1);
    await until(
      async () => seqs(b, instanceId),
      (seen) => seen.length === 1,
    );
    return instanceId;
  };

  it("puts another node's events on this node's bus in order, reading a gap from the log", async () => {
    const instanceId = await firstEventSeenOnB();
    // Two commits nobody broadcast, then one that is: node B reads the two from the log first.
    await emit(silent, instanceId, 2);
    await emit(silent, instanceId, 3);
    await emit(a.log, instanceId, 4);
    await until(
      async () => seqs(b, instanceId),
      (seen) => seen.length >= 4,
    );
    expect(seqs(b, instanceId)).toEqual([1, 2, 3, 4]);
    expect(b.seen.filter((event) => event.instanceId === instanceId).map((event) => event.data)).toEqual([
      { n: 1 },
      { n: 2 },
      { n: 3 },
      { n: 4 },
    ]);
    // Node A's own bus is not fed its own events back.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seqs(a, instanceId)).toEqual([1, 4]);
  });

  it("delivers what a dead node committed but never broadcast before this node takes the session over", async () => {
    const instanceId = await firstEventSeenOnB();
    await emit(silent, instanceId, 2);
    await b.relay.catchUp(instanceId);
    expect(seqs(b, instanceId)).toEqual([1, 2]);
  });
});
