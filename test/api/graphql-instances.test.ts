import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateInstanceDocument,
  DeleteInstanceDocument,
  InstanceDocument,
  InstancesDocument,
  LogoutInstanceDocument,
  NodeDocument,
  RotateInstanceTokenDocument,
  UpdateInstanceDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql } from "../support/clients.ts";
import { createInstance, createWebhook, setSocket, uniqueName } from "../support/fixtures.ts";

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running.stop();
});

describe("instances over GraphQL", () => {
  it("creates an instance that is active, disconnected and has a working token", async () => {
    const name = uniqueName("create");
    const result = await gql(
      running.url,
      CreateInstanceDocument,
      { input: { name, description: "sales line", alwaysOnline: true } },
      ACCOUNT_TOKEN,
    );
    const created = result.data?.createInstance;
    expect(created?.__typename).toBe("InstanceWithToken");
    if (created?.__typename !== "InstanceWithToken") return;
    expect(created.instance).toMatchObject({
      name,
      description: "sales line",
      state: "active",
      connection: "close",
      account: null,
      webhooks: [],
      socket: null,
      settings: { alwaysOnline: true, rejectCalls: false, syncFullHistory: true },
    });
    expect(created.instance.token).toBe(created.token);
    // The instance token reaches its own instance.
    const own = await gql(running.url, InstanceDocument, { name }, created.token);
    expect(own.data?.instance.__typename).toBe("Instance");
  });

  it("answers typed errors for duplicates and invalid names, changing nothing", async () => {
    const fixture = await createInstance(running.url);
    const duplicate = await gql(
      running.url,
      CreateInstanceDocument,
      { input: { name: fixture.name } },
      ACCOUNT_TOKEN,
    );
    expect(duplicate.data?.createInstance).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });

    const invalid = await gql(
      running.url,
      CreateInstanceDocument,
      { input: { name: "has spaces/slash" } },
      ACCOUNT_TOKEN,
    );
    expect(invalid.data?.createInstance).toMatchObject({ __typename: "ValidationError", code: "VALIDATION" });
    if (invalid.data?.createInstance.__typename === "ValidationError") {
      expect(invalid.data.createInstance.issues[0].path).toBe("name");
    }
    const list = await gql(running.url, InstancesDocument, { filter: { name: "has spaces" } }, ACCOUNT_TOKEN);
    expect(list.data?.instances.totalCount).toBe(0);
  });

  it("finds instances by id, global id, name and node, and reports unknown ones", async () => {
    const fixture = await createInstance(running.url);
    for (const variables of [{ id: fixture.id }, { id: fixture.uuid }, { name: fixture.name }]) {
      const found = await gql(running.url, InstanceDocument, variables, ACCOUNT_TOKEN);
      expect(found.data?.instance).toMatchObject({ __typename: "Instance", name: fixture.name });
    }
    const node = await gql(running.url, NodeDocument, { id: fixture.id }, ACCOUNT_TOKEN);
    expect(node.data?.node).toMatchObject({ __typename: "Instance", name: fixture.name });

    const missing = await gql(running.url, InstanceDocument, { name: "no-such-instance" }, ACCOUNT_TOKEN);
    expect(missing.data?.instance).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const badId = await gql(running.url, InstanceDocument, { id: "not-a-uuid" }, ACCOUNT_TOKEN);
    expect(badId.data?.instance).toMatchObject({ __typename: "ValidationError" });
  });

  it("pages and filters the instance list", async () => {
    const prefix = uniqueName("page");
    for (let index = 0; index < 5; index += 1) await createInstance(running.url, `${prefix}-${index}`);
    const first = await gql(
      running.url,
      InstancesDocument,
      { first: 2, filter: { name: prefix } },
      ACCOUNT_TOKEN,
    );
    expect(first.data?.instances.totalCount).toBe(5);
    expect(first.data?.instances.edges.map((edge) => edge.node.name)).toEqual([`${prefix}-0`, `${prefix}-1`]);
    expect(first.data?.instances.pageInfo.hasNextPage).toBe(true);
    const next = await gql(
      running.url,
      InstancesDocument,
      { first: 10, after: first.data?.instances.pageInfo.endCursor, filter: { name: prefix } },
      ACCOUNT_TOKEN,
    );
    expect(next.data?.instances.edges.map((edge) => edge.node.name)).toEqual([
      `${prefix}-2`,
      `${prefix}-3`,
      `${prefix}-4`,
    ]);
    const byState = await gql(
      running.url,
      InstancesDocument,
      { first: 10, filter: { name: prefix, state: "inactive", connection: "close" } },
      ACCOUNT_TOKEN,
    );
    expect(byState.data?.instances.totalCount).toBe(0);
  });

  it("updates an instance and refuses a name taken by another", async () => {
    const fixture = await createInstance(running.url);
    const other = await createInstance(running.url);
    const updated = await gql(
      running.url,
      UpdateInstanceDocument,
      { id: fixture.id, input: { description: "renamed", state: "inactive", rejectCalls: true } },
      ACCOUNT_TOKEN,
    );
    expect(updated.data?.updateInstance).toMatchObject({
      __typename: "Instance",
      description: "renamed",
      state: "inactive",
      settings: { rejectCalls: true },
    });
    const clash = await gql(
      running.url,
      UpdateInstanceDocument,
      { id: fixture.id, input: { name: other.name } },
      ACCOUNT_TOKEN,
    );
    expect(clash.data?.updateInstance).toMatchObject({ __typename: "ConflictError" });
  });

  it("rotates the token: the new one works, the old one is revoked", async () => {
    const fixture = await createInstance(running.url);
    const rotated = await gql(running.url, RotateInstanceTokenDocument, { id: fixture.id }, fixture.token);
    expect(rotated.data?.rotateInstanceToken.__typename).toBe("InstanceWithToken");
    if (rotated.data?.rotateInstanceToken.__typename !== "InstanceWithToken") return;
    const fresh = rotated.data.rotateInstanceToken.token;
    expect(fresh).not.toBe(fixture.token);
    const withOld = await gql(running.url, InstanceDocument, { id: fixture.id }, fixture.token);
    expect(withOld.status).toBe(401);
    expect(withOld.errors).toEqual([
      { message: "A valid token is required", extensions: { code: "UNAUTHENTICATED" } },
    ]);
    const withNew = await gql(running.url, InstanceDocument, { id: fixture.id }, fresh);
    expect(withNew.data?.instance.__typename).toBe("Instance");
  });

  it("refuses to log out an instance that is not connected", async () => {
    const fixture = await createInstance(running.url);
    const result = await gql(running.url, LogoutInstanceDocument, { id: fixture.id }, ACCOUNT_TOKEN);
    expect(result.data?.logoutInstance).toMatchObject({
      __typename: "NotConnectedError",
      code: "NOT_CONNECTED",
    });
  });

  it("deletes an instance with every row it owns", async () => {
    const fixture = await createInstance(running.url);
    await createWebhook(running.url, fixture);
    await setSocket(running.url, fixture);
    const deleted = await gql(running.url, DeleteInstanceDocument, { id: fixture.id }, ACCOUNT_TOKEN);
    expect(deleted.data?.deleteInstance).toMatchObject({ __typename: "DeletedInstance", name: fixture.name });
    const prisma = running.app.services.prisma;
    expect(await prisma.instance.count({ where: { id: fixture.uuid } })).toBe(0);
    expect(await prisma.webhook.count({ where: { instanceId: fixture.uuid } })).toBe(0);
    expect(await prisma.webhookEvents.count({ where: { webhook: { instanceId: fixture.uuid } } })).toBe(0);
    expect(await prisma.socket.count({ where: { instanceId: fixture.uuid } })).toBe(0);
    expect(await prisma.auth.count({ where: { instanceId: fixture.uuid } })).toBe(0);
    const again = await gql(running.url, DeleteInstanceDocument, { id: fixture.id }, ACCOUNT_TOKEN);
    expect(again.data?.deleteInstance.__typename).toBe("NotFoundError");
  });

  it("lists 50 instances with webhooks and socket in as many SQL statements as 5", async () => {
    const prefix = uniqueName("nplus");
    for (let index = 0; index < 50; index += 1) {
      const fixture = await createInstance(running.url, `${prefix}-${String(index).padStart(2, "0")}`);
      await createWebhook(running.url, fixture, "a");
      await createWebhook(running.url, fixture, "b");
      await setSocket(running.url, fixture);
    }
    const count = async (first: number) => {
      const before = running.app.services.db.statementCount();
      const result = await gql(
        running.url,
        InstancesDocument,
        { first, filter: { name: prefix } },
        ACCOUNT_TOKEN,
      );
      expect(result.data?.instances.edges).toHaveLength(first);
      expect(result.data?.instances.edges[0].node.webhooks).toHaveLength(2);
      expect(result.data?.instances.edges[0].node.socket?.enabled).toBe(true);
      return running.app.services.db.statementCount() - before;
    };
    const small = await count(5);
    const large = await count(50);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(8);
  });
});
