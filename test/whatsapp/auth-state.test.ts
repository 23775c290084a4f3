// The database-backed auth state: signal keys written, replaced, deleted and read back.

import { Curve } from "@whiskeysockets/baileys";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { loadAuthState } from "../../src/whatsapp/auth-state.ts";
import { appWithInstance } from "../support/fixtures.ts";

const fixture = appWithInstance();

const logger = createLogger("silent");
const rows = () =>
  fixture.running.app.services.prisma.authKey.findMany({
    where: { instanceId: fixture.instance.uuid },
    orderBy: [{ type: "asc" }, { keyId: "asc" }],
  });

describe("stored auth state", () => {
  it("writes keys in batches, replaces and deletes them, and reads them back after a reload", async () => {
    const { db } = fixture.running.app.services;
    const auth = await loadAuthState(db, fixture.instance.uuid, logger);
    const preKeys = Object.fromEntries(
      Array.from({ length: 1500 }, (_, id) => [String(id + 1), Curve.generateKeyPair()]),
    );
    await auth.state.keys.set({ "pre-key": preKeys, "lid-mapping": { "15550001": "99990001" } });
    await auth.flush();
    expect(await rows()).toHaveLength(1501);

    // Replaced and deleted in one window: only the last value of each key is written.
    await auth.state.keys.set({ "lid-mapping": { "15550001": "99990002" } });
    await auth.state.keys.set({ "pre-key": { "1": null, "2": null } });
    await auth.state.keys.set({ "lid-mapping": { "15550001": "99990003" } });
    // Pending values are what reads see before the flush.
    expect(await auth.state.keys.get("pre-key", ["1", "3"])).toEqual({ "3": preKeys["3"] });
    await auth.flush();

    const stored = await rows();
    expect(stored).toHaveLength(1499);
    expect(stored.find((row) => row.type === "lid-mapping")?.value).toBe('"99990003"');
    expect(stored.some((row) => row.type === "pre-key" && ["1", "2"].includes(row.keyId))).toBe(false);

    // A read while a flush is being written sees the value being written, not the stored one.
    await auth.state.keys.set({ "lid-mapping": { "15550001": "99990004" } });
    const flushing = auth.flush();
    expect(await auth.state.keys.get("lid-mapping", ["15550001"])).toEqual({ "15550001": "99990004" });
    await auth.state.keys.set({ "pre-key": { "3": null } });
    const deleting = auth.flush();
    expect(await auth.state.keys.get("pre-key", ["3", "4"])).toEqual({ "4": preKeys["4"] });
    await Promise.all([flushing, deleting]);
    expect(await auth.state.keys.get("lid-mapping", ["15550001"])).toEqual({ "15550001": "99990004" });

    // A key the database lacks is asked for once; a later set makes it readable again.
    const statements = () => db.statementCount();
    expect(await auth.state.keys.get("device-list", ["15550009"])).toEqual({});
    const afterMiss = statements();
    expect(await auth.state.keys.get("device-list", ["15550009"])).toEqual({});
    expect(statements()).toBe(afterMiss);
    await auth.state.keys.set({ "device-list": { "15550009": ["0", "1"] } });
    await auth.flush();
    expect(await auth.state.keys.get("device-list", ["15550009"])).toEqual({ "15550009": ["0", "1"] });

    // Keys in use are served from memory; reads and sets answer in the order they were asked.
    await auth.state.keys.set({ session: { "15550010.0": { version: 1 } } as never });
    const beforeHits = statements();
    expect(await auth.state.keys.get("session", ["15550010.0"])).toEqual({ "15550010.0": { version: 1 } });
    expect(await auth.state.keys.get("device-list", ["15550009"])).toEqual({ "15550009": ["0", "1"] });
    expect(statements()).toBe(beforeHits);
    // (A fresh state: nothing cached, so the first read goes to the database.)
    const cold = await loadAuthState(db, fixture.instance.uuid, logger);
    const order: string[] = [];
    const first = Promise.resolve(cold.state.keys.get("lid-mapping", ["15550001"])).then((read) => {
      order.push("read");
      return read;
    });
    const second = Promise.resolve(cold.state.keys.set({ "lid-mapping": { "15550001": "99990005" } })).then(
      () => order.push("set"),
    );
    const third = Promise.resolve(cold.state.keys.get("lid-mapping", ["15550001"])).then((read) => {
      order.push("cached read");
      return read;
    });
    await Promise.all([first, second, third]);
    expect(order).toEqual(["read", "set", "cached read"]);
    expect(await first).toEqual({ "15550001": "99990004" });
    expect(await third).toEqual({ "15550001": "99990005" });
    expect(await cold.state.keys.get("lid-mapping", ["15550001"])).toEqual({ "15550001": "99990005" });
    await Promise.all([auth.flush(), cold.flush()]);

    const reloaded = await loadAuthState(db, fixture.instance.uuid, logger);
    const read = await reloaded.state.keys.get("pre-key", ["1", "3", "4", "1500"]);
    expect(Object.keys(read).sort()).toEqual(["1500", "4"]);
    expect(Buffer.from(read["4"].public).equals(Buffer.from(preKeys["4"].public))).toBe(true);
    expect(await reloaded.state.keys.get("lid-mapping", ["15550001"])).toEqual({ "15550001": "99990005" });
    expect(await reloaded.state.keys.get("device-list", ["15550009"])).toEqual({ "15550009": ["0", "1"] });
  });
});
