import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFencedWrite, LeaseStore } from "../../src/cluster/leases.ts";
import { preferredNode } from "../../src/cluster/placement.ts";
import { EventBus } from "../../src/events/bus.ts";
import { EventLog } from "../../src/events/log.ts";
import { ClusterDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql } from "../support/clients.ts";
import { databaseKind } from "../support/database.ts";
import { createInstance } from "../support/fixtures.ts";

const TTL_MS = 400;
const expired = () => new Promise((resolve) => setTimeout(resolve, TTL_MS + 100));

describe.skipIf(databaseKind !== "postgresql")("instance leases in PostgreSQL", () => {
  let running: RunningApp;
  let a: LeaseStore;
  let b: LeaseStore;
  beforeAll(async () => {
    running = await startApp();
    a = new LeaseStore(running.app.services.prisma, "node-a", TTL_MS);
    b = new LeaseStore(running.app.services.prisma, "node-b", TTL_MS);
  });
  afterAll(async () => {
    await running.stop();
  });

  /** One event committed for the instance, the lease's guard first, as a session commits. */
  const commitUnder = (lease: Parameters<LeaseStore["guard"]>[0]) =>
    running.app.services.log.commit(
      lease.instanceId,
      [a.guard(lease)],
      [
        {
          instanceId: lease.instanceId,
          instanceName: "leased",
          type: "messagesUpsert",
          data: { by: lease.nodeId },
        },
      ],
    );
  const eventsOf = (instanceId: string) =>
    running.app.services.prisma.event.findMany({ where: { instanceId }, orderBy: { seq: "asc" } });

  it("give an instance to one node at a time, renewed only by its holder", async () => {
    const instanceId = randomUUID();
    const held = await a.acquire(instanceId);
    expect(held).toEqual({ instanceId, nodeId: "node-a", fence: 1 });
    expect(await b.acquire(instanceId)).toBeNull();
    // Taking it again is renewing it: the same token.
    expect(await a.acquire(instanceId)).toEqual(held);
    expect(await a.renewAll([held!])).toEqual(new Set([instanceId]));
    expect(await b.renewAll([{ ...held!, nodeId: "node-b" }])).toEqual(new Set());
  });

  it("let another node take an expired lease under a higher token, and refuse the former holder's writes", async () => {
    const instanceId = randomUUID();
    const first = (await a.acquire(instanceId))!;
    await commitUnder(first);
    await expired();
    const second = await b.acquire(instanceId);
    expect(second).toEqual({ instanceId, nodeId: "node-b", fence: 2 });
    // The former holder wakes up: it can neither renew nor write, and its write leaves nothing.
    expect(await a.renewAll([first])).toEqual(new Set());
    const refused = await commitUnder(first).catch((error: unknown) => error);
    expect(isFencedWrite(refused)).toBe(true);
    await commitUnder(second!);
    expect((await eventsOf(instanceId)).map((event) => JSON.parse(event.data).by)).toEqual([
      "node-a",
      "node-b",
    ]);
    // Back to the first node later: the token grows again, never reused.
    await b.release(second!);
    expect(await a.acquire(instanceId)).toEqual({ instanceId, nodeId: "node-a", fence: 3 });
  });

  it("refuse a write once its lease expired, even when nobody took it over yet", async () => {
    const instanceId = randomUUID();
    const lease = (await a.acquire(instanceId))!;
    await expired();
    expect(isFencedWrite(await commitUnder(lease).catch((error: unknown) => error))).toBe(true);
    expect(await eventsOf(instanceId)).toEqual([]);
    // The same with an ORM operation in the transaction.
    const { db, prisma } = running.app.services;
    const write = db.write([a.guard(lease), prisma.whatsApp.deleteMany({ where: { instanceId } })]);
    expect(isFencedWrite(await write.catch((error: unknown) => error))).toBe(true);
  });

  it("list the nodes whose heartbeat is recent", async () => {
    await a.heartbeat();
    await b.heartbeat(true);
    expect((await a.liveNodes()).map((node) => [node.id, node.draining])).toEqual([
      ["node-a", false],
      ["node-b", true],
    ]);
    await expired();
    await a.heartbeat();
    expect((await b.liveNodes()).map((node) => node.id)).toEqual(["node-a"]);
    expect((await b.nodes()).map((node) => node.id)).toEqual(["node-a", "node-b"]);
  });

  it("number an instance's events after those another node committed since", async () => {
    const instanceId = randomUUID();
    const { services } = running.app;
    const other = new EventLog(services.db, new EventBus(services.metrics), services.metrics);
    const input = (by: string) => ({
      instanceId,
      instanceName: "shared",
      type: "newJwt" as const,
      data: { by },
    });
    await services.log.emit(input("this node"));
    await other.emit(input("another node"));
    // This node's cached last seq is stale: its commit takes the next free one instead of failing.
    await services.log.emit(input("this node again"));
    expect((await eventsOf(instanceId)).map((event) => [event.seq, JSON.parse(event.data).by])).toEqual([
      [1, "this node"],
      [2, "another node"],
      [3, "this node again"],
    ]);
  });
});

describe("a single process", () => {
  it("reports no cluster to the account token, and refuses the view to an instance token", async () => {
    const running = await startApp();
    try {
      const view = await gql(running.url, ClusterDocument, {}, ACCOUNT_TOKEN);
      expect(view.data?.cluster).toEqual({
        __typename: "Cluster",
        enabled: false,
        thisNode: null,
        leaseTtlMs: null,
        nodes: [],
      });
      const instance = await createInstance(running.url);
      const refused = await gql(running.url, ClusterDocument, {}, instance.token);
      expect(refused.data?.cluster.__typename).toBe("ForbiddenError");
    } finally {
      await running.stop();
    }
  });
});

describe("rendezvous placement", () => {
  const instances = Array.from({ length: 3000 }, (_, n) => `instance-${n}`);
  const nodes = ["node-a", "node-b", "node-c"];

  it("spreads instances evenly and agrees whatever the order of the node list", () => {
    const owners = instances.map((id) => preferredNode(nodes, id));
    expect(instances.map((id) => preferredNode([...nodes].reverse(), id))).toEqual(owners);
    for (const node of nodes) {
      const share = owners.filter((owner) => owner === node).length / instances.length;
      expect(share).toBeGreaterThan(0.28);
      expect(share).toBeLessThan(0.39);
    }
    expect(preferredNode([], "instance-0")).toBeUndefined();
  });

  it("moves only the instances of a node that leaves, and only to a node that joins", () => {
    const before = instances.map((id) => preferredNode(nodes, id));
    const without = instances.map((id) => preferredNode(["node-a", "node-c"], id));
    instances.forEach((_, n) => {
      if (before[n] !== "node-b") expect(without[n]).toBe(before[n]);
    });
    const joined = instances.map((id) => preferredNode([...nodes, "node-d"], id));
    instances.forEach((_, n) => {
      if (joined[n] !== before[n]) expect(joined[n]).toBe("node-d");
    });
    const moved = joined.filter((owner, n) => owner !== before[n]).length / instances.length;
    expect(moved).toBeGreaterThan(0.19);
    expect(moved).toBeLessThan(0.31);
  });
});
