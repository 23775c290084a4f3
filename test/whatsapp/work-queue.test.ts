// The engine's work queue on the real bus and database: when batches start, and when
// publishing lets subscribers catch up.
import { describe, expect, it } from "vitest";
import type { GatewayEvent } from "../../src/events/types.ts";
import { createLogger } from "../../src/logger.ts";
import { type Job, WorkQueue } from "../../src/whatsapp/work-queue.ts";
import { databaseKind } from "../support/database.ts";
import { appWithInstance } from "../support/fixtures.ts";

const fixture = appWithInstance();

function queue(): WorkQueue {
  const { log, bus } = fixture.running.app.services;
  return new WorkQueue(fixture.instance.uuid, log, bus, createLogger("silent"), {
    batchSize: 500,
    lingerMs: 5,
    highWater: 100_000,
    onPressure: () => undefined,
  });
}

const job = (n: number): Job => ({
  writes: () => [],
  events: [
    {
      instanceId: fixture.instance.uuid,
      instanceName: fixture.instance.name,
      type: "messagesUpsert",
      data: n,
    },
  ],
});

describe("engine work queue", () => {
  // PostgreSQL answers over the network: no commit can finish inside a burst made of promise
  // callbacks alone, so the scheduling is checked where a write needs no I/O (SQLite).
  it.skipIf(databaseKind === "postgresql")(
    "writes and publishes a burst while it is still arriving in promise callbacks",
    async () => {
      // Baileys works through a burst it has read in promise callbacks only: no timer runs
      // until it is done, so a queue that waits for one publishes nothing until the end.
      const work = queue();
      const seen: number[] = [];
      let pushed = 0;
      let duringBurst = 0;
      const off = fixture.running.app.services.bus.on((event) => {
        if (event.instanceId !== fixture.instance.uuid) return;
        seen.push(event.data as number);
        if (pushed < 2000) duringBurst += 1;
      });
      try {
        for (let n = 0; n < 2000; n++) {
          work.push(job(n));
          pushed += 1;
          await Promise.resolve();
        }
        await work.idle();
      } finally {
        off();
      }
      expect(duringBurst).toBeGreaterThan(1000);
      expect(seen).toEqual(Array.from({ length: 2000 }, (_, n) => n));
    },
  );

  it("a batch larger than a subscriber's buffer reaches it whole: publishing waits while it is crowded", async () => {
    const work = queue();
    const stream = fixture.running.app.services.bus.subscribe({
      instanceId: fixture.instance.uuid,
      types: ["messagesUpsert"],
    });
    const received: number[] = [];
    const reading = (async () => {
      for await (const event of stream as AsyncIterable<GatewayEvent>) {
        received.push(event.data as number);
        if (received.length === 1000) return;
      }
    })();
    // All 1,000 are queued before the first batch starts: two batches of 500, each more than
    // the subscriber buffers (256).
    for (let n = 0; n < 1000; n++) work.push(job(n));
    await reading;
    expect(received).toEqual(Array.from({ length: 1000 }, (_, n) => n));
    expect(fixture.running.app.services.bus.crowded()).toBe(false);
  });
});
