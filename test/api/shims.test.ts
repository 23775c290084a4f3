import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { rest } from "../support/clients.ts";
import { createInstance, createWebhook, setSocket, uniqueName } from "../support/fixtures.ts";

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running.stop();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const codechatError = (statusCode: number) => ({
  message: [expect.any(String)],
  error: expect.any(String),
  statusCode,
});

describe("CodeChat DELETE /api/v2/instance/:instanceId/socket", () => {
  it("answers 201 with the deleted Socket and its SocketEvents", async () => {
    const instance = await createInstance(running.url);
    const socket = await setSocket(running.url, instance);
    const answer = await rest(running.url, "DELETE", `/api/v2/instance/${instance.uuid}/socket`, {
      headers: bearer(instance.token),
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      socketId: socket.socketId,
      enabled: true,
      SocketEvents: {
        qrcodeUpdate: true,
        stateInstance: false,
        messagesSet: false,
        messagesUpsert: true,
        messagesUpdate: true,
        sendMessage: true,
        contactsSet: false,
        presenceUpdate: true,
        connectionUpdate: true,
        callUpsert: false,
      },
      instanceInstanceId: instance.uuid,
    });
    for (const key of ["createdAt", "updatedAt", "deletedAt"]) {
      expect(new Date(answer.body[key]).toString()).not.toBe("Invalid Date");
    }
    expect(await running.app.services.prisma.socket.count({ where: { instanceId: instance.uuid } })).toBe(0);
  });

  it("answers 400 when there is no socket, the instance is unknown or the id is malformed", async () => {
    const instance = await createInstance(running.url);
    const none = await rest(running.url, "DELETE", `/api/v2/instance/${instance.uuid}/socket`, {
      headers: bearer(ACCOUNT_TOKEN),
    });
    expect(none.status).toBe(400);
    expect(none.body).toEqual({ ...codechatError(400), error: "Bad Request" });
    const unknown = await rest(running.url, "DELETE", `/api/v2/instance/${crypto.randomUUID()}/socket`, {
      headers: bearer(ACCOUNT_TOKEN),
    });
    expect(unknown.status).toBe(400);
    const malformed = await rest(running.url, "DELETE", "/api/v2/instance/not-a-uuid/socket", {
      headers: bearer(ACCOUNT_TOKEN),
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message[0]).toMatch(/UUID/);
  });

  it("answers 401 in CodeChat's shape without a valid token", async () => {
    const instance = await createInstance(running.url);
    await setSocket(running.url, instance);
    const answer = await rest(running.url, "DELETE", `/api/v2/instance/${instance.uuid}/socket`);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ ...codechatError(401), error: "Unauthorized" });
    expect(await running.app.services.prisma.socket.count({ where: { instanceId: instance.uuid } })).toBe(1);
  });
});

describe("CodeChat PUT /api/v2/instance/:instanceId/webhook/:webhookId", () => {
  it("updates the webhook and answers it with WebhookEvents", async () => {
    const instance = await createInstance(running.url);
    const webhook = await createWebhook(running.url, instance);
    const answer = await rest(
      running.url,
      "PUT",
      `/api/v2/instance/${instance.uuid}/webhook/${webhook.webhookId}`,
      {
        headers: bearer(instance.token),
        body: { name: "renamed", url: "https://hooks.example.org/in", enabled: false },
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      webhookId: webhook.webhookId,
      name: "renamed",
      url: "https://hooks.example.org/in",
      enabled: false,
      instanceInstanceId: instance.uuid,
      WebhookEvents: {
        qrcodeUpdate: true,
        messagesUpsert: true,
        newJwt: true,
        webhookEventsId: expect.any(String),
      },
    });
  });

  it("rejects a missing name, a bad URL and wrong types with 400, changing nothing", async () => {
    const instance = await createInstance(running.url);
    const webhook = await createWebhook(running.url, instance);
    const path = `/api/v2/instance/${instance.uuid}/webhook/${webhook.webhookId}`;
    for (const body of [
      { url: "https://x.example" },
      { name: "n", url: "ftp://x" },
      { name: "n", enabled: "yes" },
    ]) {
      const answer = await rest(running.url, "PUT", path, { headers: bearer(ACCOUNT_TOKEN), body });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        message: expect.any(Array),
        error: "Bad Request",
        statusCode: 400,
      });
    }
    const stored = await running.app.services.prisma.webhook.findUniqueOrThrow({
      where: { id: webhook.webhookId },
    });
    expect(stored).toMatchObject({ name: "main", url: "https://example.com/hook", enabled: true });
  });

  it("does not reach a webhook through another instance's path", async () => {
    const owner = await createInstance(running.url);
    const other = await createInstance(running.url);
    const webhook = await createWebhook(running.url, owner);
    const answer = await rest(
      running.url,
      "PUT",
      `/api/v2/instance/${other.uuid}/webhook/${webhook.webhookId}`,
      {
        headers: bearer(ACCOUNT_TOKEN),
        body: { name: "hijack" },
      },
    );
    expect(answer.status).toBe(400);
  });
});

describe("CodeChat DELETE /api/v2/instance/:instanceId/logout", () => {
  it("answers the documented error when the instance is not connected", async () => {
    const instance = await createInstance(running.url);
    const answer = await rest(running.url, "DELETE", `/api/v2/instance/${instance.uuid}/logout`, {
      headers: bearer(instance.token),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message[0]).toContain("is not connected");
  });
});

describe("Evolution DELETE /instance/delete/:instanceName and /instance/logout/:instanceName", () => {
  it("publishes instanceDelete first, removes every row and answers SUCCESS", async () => {
    const instance = await createInstance(running.url);
    await createWebhook(running.url, instance);
    await setSocket(running.url, instance);
    const prisma = running.app.services.prisma;
    const seen: Promise<[string, number]>[] = [];
    const off = running.app.services.bus.on((event) => {
      if (event.instanceId !== instance.uuid) return;
      // Read as the event goes out (a Prisma query starts on then): the row is still there.
      const rows = prisma.instance.count({ where: { id: instance.uuid } });
      seen.push(rows.then((count) => [event.type, count]));
    });
    const answer = await rest(running.url, "DELETE", `/instance/delete/${instance.name}`, {
      headers: { apikey: ACCOUNT_TOKEN },
    });
    off();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: "SUCCESS",
      error: false,
      response: { message: "Instance deleted" },
    });
    expect(await Promise.all(seen)).toEqual([["instanceDelete", 1]]);
    expect(await prisma.instance.count({ where: { id: instance.uuid } })).toBe(0);
    expect(await prisma.webhook.count({ where: { instanceId: instance.uuid } })).toBe(0);
    expect(await prisma.socket.count({ where: { instanceId: instance.uuid } })).toBe(0);
  });

  it("answers not found, unauthorized and concurrent deletes in Evolution's shape", async () => {
    const missing = await rest(running.url, "DELETE", "/instance/delete/never-created", {
      headers: { apikey: ACCOUNT_TOKEN },
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: true, message: 'The "never-created" instance does not exist' });

    const instance = await createInstance(running.url);
    const anonymous = await rest(running.url, "DELETE", `/instance/delete/${instance.name}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: true, message: "Unauthorized" });

    const attempts = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        rest(running.url, "DELETE", `/instance/delete/${instance.name}`, {
          headers: { apikey: ACCOUNT_TOKEN },
        }),
      ),
    );
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual([200, 400, 400, 400, 400]);
    const refused = attempts.filter((attempt) => attempt.status === 400);
    for (const attempt of refused) {
      expect(attempt.body.message).toMatch(/already in progress|does not exist/);
    }
  });

  it("logout answers the not-connected error for a disconnected instance", async () => {
    const instance = await createInstance(running.url);
    const answer = await rest(running.url, "DELETE", `/instance/logout/${instance.name}`, {
      headers: { apikey: instance.token },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: true, message: `The "${instance.name}" instance is not connected` });
  });
});

describe("RyzeAPI websocket configuration", () => {
  it("answers 404 before any configuration, then upserts idempotently", async () => {
    const instance = await createInstance(running.url);
    const before = await rest(running.url, "GET", `/api/events/getWebsocket/${instance.name}`, {
      headers: { token: instance.token },
    });
    expect(before.status).toBe(404);
    expect(before.body).toEqual({
      success: false,
      error: { message: "WebSocket not configured for this instance" },
    });

    const body = { enabled: true, events: ["message.exchange", "message.status"], mediaBase64: true };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const set = await rest(running.url, "POST", `/api/events/websocket/${instance.name}`, {
        headers: { token: instance.token },
        body,
      });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ success: true, message: expect.any(String), websocket: body });
    }
    const socket = await running.app.services.prisma.socket.findUniqueOrThrow({
      where: { instanceId: instance.uuid },
    });
    expect(socket).toMatchObject({
      messagesUpsert: true,
      sendMessage: true,
      messagesUpdate: true,
      callUpsert: false,
    });

    const read = await rest(running.url, "GET", `/api/events/getWebsocket/${instance.name}`, {
      headers: { token: ACCOUNT_TOKEN },
    });
    expect(read.body).toEqual({ success: true, websocket: body });
  });

  it("maps an omitted filter to all six types and clears fields when disabled", async () => {
    const instance = await createInstance(running.url);
    const all = await rest(running.url, "POST", `/api/events/websocket/${instance.name}`, {
      headers: { token: instance.token },
      body: { enabled: true },
    });
    expect(all.body.websocket).toEqual({ enabled: true, events: [], mediaBase64: false });
    const socket = await running.app.services.prisma.socket.findUniqueOrThrow({
      where: { instanceId: instance.uuid },
    });
    expect(socket).toMatchObject({
      callUpsert: true,
      labelsUpdate: true,
      groupUpdate: true,
      qrcodeUpdate: true,
    });

    const disabled = await rest(running.url, "POST", `/api/events/websocket/${instance.name}`, {
      headers: { token: instance.token },
      body: { enabled: false, events: ["call.update"], mediaBase64: true },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.websocket).toEqual({ enabled: false, events: [], mediaBase64: false });
    const read = await rest(running.url, "GET", `/api/events/getWebsocket/${instance.name}`, {
      headers: { token: instance.token },
    });
    expect(read.status).toBe(200);
    expect(read.body.websocket).toEqual({ enabled: false, events: [], mediaBase64: false });
  });

  it("answers RyzeAPI's errors: invalid body, invalid token, unknown instance", async () => {
    const instance = await createInstance(running.url);
    const path = `/api/events/websocket/${instance.name}`;
    const badEvent = await rest(running.url, "POST", path, {
      headers: { token: instance.token },
      body: { enabled: true, events: ["message.everything"] },
    });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body).toEqual({ success: false, error: { message: "Invalid request body" } });
    const badToken = await rest(running.url, "POST", path, {
      headers: { token: "nope" },
      body: { enabled: true },
    });
    expect(badToken.status).toBe(401);
    expect(badToken.body).toEqual({ success: false, error: { message: "Invalid token" } });
    const unknown = await rest(running.url, "POST", "/api/events/websocket/nobody-here", {
      headers: { token: ACCOUNT_TOKEN },
      body: { enabled: true },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ success: false, error: { message: "Instance not found" } });
  });
});

describe("RyzeAPI POST /api/instance/new", () => {
  it("creates a disconnected instance with its webhook and websocket blocks", async () => {
    const name = uniqueName("ryze");
    const answer = await rest(running.url, "POST", "/api/instance/new", {
      headers: { token: ACCOUNT_TOKEN },
      body: {
        name,
        webhookEnabled: true,
        webhookURL: "https://hooks.example.org/ryze",
        webhookEvents: ["message.exchange"],
        webhookAuthorization: "Bearer downstream",
        websocketEnabled: true,
        websocketEvents: ["instance.state"],
        autoRejectCalls: true,
        disableHistorySync: true,
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      success: true,
      instance: {
        name,
        token: expect.any(String),
        status: "disconnected",
        webhook: { enabled: true, url: "https://hooks.example.org/ryze", events: ["message.exchange"] },
        websocket: { enabled: true, events: ["instance.state"], mediaBase64: false },
        settings: { autoRejectCalls: true, disableHistorySync: true },
      },
    });
    // The returned instance token reaches the new instance.
    const read = await rest(running.url, "GET", `/api/events/getWebsocket/${name}`, {
      headers: { token: answer.body.instance.token },
    });
    expect(read.status).toBe(200);
  });

  it("refuses a bad webhook block before creating anything, accepts a chosen token, refuses instance tokens", async () => {
    const name = uniqueName("ryze");
    const chosen = "my-own-instance-token-123456";
    const badWebhook = await rest(running.url, "POST", "/api/instance/new", {
      headers: { token: ACCOUNT_TOKEN },
      body: { name, token: chosen, webhookURL: "not a url" },
    });
    expect(badWebhook.status).toBe(400);
    expect(badWebhook.body).toEqual({ success: false, error: { message: "Invalid request body" } });
    expect(await running.app.services.prisma.instance.count({ where: { name } })).toBe(0);
    const answer = await rest(running.url, "POST", "/api/instance/new", {
      headers: { token: ACCOUNT_TOKEN },
      body: { name, token: chosen },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.instance.token).toBe(chosen);
    expect(answer.body.instance.webhook.enabled).toBe(false);
    const socketRead = await rest(running.url, "POST", `/api/events/websocket/${name}`, {
      headers: { token: chosen },
      body: { enabled: true },
    });
    expect(socketRead.status).toBe(200);

    const byInstance = await rest(running.url, "POST", "/api/instance/new", {
      headers: { token: chosen },
      body: { name: uniqueName("ryze") },
    });
    expect(byInstance.status).toBe(401);
    const byInstanceBadWebhook = await rest(running.url, "POST", "/api/instance/new", {
      headers: { token: chosen },
      body: { name: uniqueName("ryze"), webhookURL: "http://127.0.0.1/hook" },
    });
    expect(byInstanceBadWebhook.status).toBe(401);
    const duplicate = await rest(running.url, "POST", "/api/instance/new", {
      headers: { token: ACCOUNT_TOKEN },
      body: { name },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.success).toBe(false);
  });
});

describe("OpenAPI", () => {
  it("documents every shim path", async () => {
    const answer = await rest(running.url, "GET", "/openapi.json");
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.paths).sort()).toEqual(
      [
        "/api/events/getWebsocket/{instance}",
        "/api/events/websocket/{instance}",
        "/api/instance/new",
        "/api/v2/instance/{instanceId}/logout",
        "/api/v2/instance/{instanceId}/socket",
        "/api/v2/instance/{instanceId}/webhook/{webhookId}",
        "/instance/delete/{instanceName}",
        "/instance/logout/{instanceName}",
      ].sort(),
    );
  });
});
