import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClusterHarness, POSTGRES, REDIS, startClusterHarness } from "../support/cluster.ts";
import { linkThroughApi } from "../support/crash-burst.ts";
import type { InstanceFixture } from "../support/fixtures.ts";

const TTL_MS = 3000;
const PHONES = Array.from({ length: 6 }, (_, n) => `1555730000${n}`);

describe.skipIf(!POSTGRES || !REDIS)("a node taking over a dead node's sessions", () => {
  let cluster: ClusterHarness;

  beforeAll(async () => {
    cluster = await startClusterHarness(TTL_MS);
  });
  afterAll(async () => {
    await cluster?.close();
  });

  it("logs them in WA_RESTORE_CONCURRENCY at a time, as after a restart", async () => {
    const a = await cluster.start("node-a");
    const instances: InstanceFixture[] = [];
    for (const phone of PHONES)
      instances.push(await linkThroughApi(a.url, cluster.sim, phone, `takeover-${phone}`));
    await cluster.nodes.get("node-a")?.kill("SIGKILL");
    cluster.nodes.delete("node-a");
    cluster.sim.resetLoginPeak();
    await cluster.start("node-b", { WA_RESTORE_CONCURRENCY: "2" });
    const taken = await cluster.settledOn(instances, ["node-b"], PHONES);
    expect(taken.leases.map((lease) => lease.nodeId)).toEqual(PHONES.map(() => "node-b"));
    // All six were free at once (one round took them); at most two logged in at a time.
    expect(cluster.sim.stats().loginsInFlightPeak).toBeLessThanOrEqual(2);
    expect(cluster.sim.stats().replaced).toBe(0);
  }, 90_000);
});
