// Writes to rows deleted by a concurrent request answer "not found", on both databases.

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniquely, whileItExists } from "../../src/domain/prisma-errors.ts";
import { ConflictError, NotFoundError } from "../../src/errors.ts";
import { type RunningApp, startApp } from "../support/app.ts";
import { createInstance } from "../support/fixtures.ts";

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running?.stop();
});

const gone = () => new NotFoundError("Instance", "deleted-meanwhile");

describe("whileItExists", () => {
  it("answers not found for an update of a row that is gone", async () => {
    const { prisma } = running.app.services;
    const update = prisma.instance.update({ where: { id: randomUUID() }, data: { state: "inactive" } });
    await expect(whileItExists(update, gone)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("answers not found for a new row whose parent is gone", async () => {
    const { prisma } = running.app.services;
    const create = prisma.socket.create({ data: { instanceId: randomUUID() } });
    await expect(whileItExists(create, gone)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("leaves other failures alone, and passes results through", async () => {
    const { prisma } = running.app.services;
    const instance = await createInstance(running.url);
    const duplicate = prisma.instance.update({
      where: { id: instance.uuid },
      data: { name: (await createInstance(running.url)).name },
    });
    const answer = whileItExists(uniquely(duplicate, "taken"), gone);
    await expect(answer).rejects.toBeInstanceOf(ConflictError);
    const updated = await whileItExists(
      prisma.instance.update({ where: { id: instance.uuid }, data: { state: "inactive" } }),
      gone,
    );
    expect(updated.state).toBe("inactive");
  });
});
