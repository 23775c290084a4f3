// Callers without a valid token learn nothing: HTTP answers one fixed 401 before the document
// is parsed or validated, graphql-ws refuses the connection, and the introspection setting
// decides who may read the schema.
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  InstanceEventsDocument,
  InstancesDocument,
  RotateInstanceTokenDocument,
  SendTextDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { collect, gql, rest, wsClient } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";

const REFUSAL = {
  errors: [{ message: "A valid token is required", extensions: { code: "UNAUTHENTICATED" } }],
};
const INTROSPECTION = "{ __schema { queryType { name } } }";

let running: RunningApp;
let instance: InstanceFixture;
let revokedToken: string;
beforeAll(async () => {
  running = await startApp();
  instance = await createInstance(running.url);
  const other = await createInstance(running.url);
  revokedToken = other.token;
  const rotated = await gql(running.url, RotateInstanceTokenDocument, { id: other.id }, ACCOUNT_TOKEN);
  expect(rotated.data?.rotateInstanceToken.__typename).toBe("InstanceWithToken");
});
afterAll(async () => {
  await running.stop();
});

function post(base: string, body: unknown, headers: Record<string, string> = {}) {
  return rest(base, "POST", "/graphql", { rawBody: JSON.stringify(body), headers });
}

/** Exactly the refusal: status, challenge, body and nothing else about the request. */
function expectRefused(answer: Awaited<ReturnType<typeof rest>>, contentType = "application/json") {
  expect(answer.status).toBe(401);
  expect(answer.headers.get("www-authenticate")).toBe("Bearer");
  expect(answer.headers.get("content-type")).toContain(contentType);
  expect(answer.body).toEqual(REFUSAL);
}

/** Opens a raw graphql-transport-ws socket, sends connection_init and reports how it ends. */
function connectionInit(url: string, payload: Record<string, unknown> | undefined, headers = {}) {
  return new Promise<{ messages: string[]; code: number; reason: string }>((resolve, reject) => {
    const socket = new WebSocket(`${url}/graphql`, "graphql-transport-ws", { headers });
    const messages: string[] = [];
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload })));
    socket.on("message", (data) => {
      messages.push(String(data));
      // An accepted connection stays open: close it from this side to end the probe.
      socket.close(1000);
    });
    socket.on("close", (code, reason) => resolve({ messages, code, reason: String(reason) }));
    socket.on("error", reject);
  });
}

describe("HTTP requests without a valid token", () => {
  const sendBadText = {
    query: print(SendTextDocument),
    variables: { instanceId: "not-an-id", to: "bad", text: "hi" },
  };
  const documents = {
    "an invalid recipient": sendBadText,
    "variables of the wrong type": { query: print(SendTextDocument), variables: { instanceId: { no: 1 } } },
    "an unknown field": { query: "{ instancez { totalCount } }" },
    "a syntax error": { query: "{ instances { totalCount " },
    "no query at all": {},
    introspection: { query: INTROSPECTION },
  };

  const tokenHeaders: Record<string, () => Record<string, string>> = {
    "no token": () => ({}),
    "a garbage token": () => ({ authorization: "Bearer not-a-real-token" }),
    "a garbage apikey": () => ({ apikey: "x.y.z" }),
    "a revoked token": () => ({ authorization: `Bearer ${revokedToken}` }),
  };
  for (const [what, headers] of Object.entries(tokenHeaders)) {
    it(`answers a fixed 401 to POST with ${what}, whatever the document`, async () => {
      for (const [label, body] of Object.entries(documents)) {
        const answer = await post(running.url, body, headers());
        expect({ label, status: answer.status }).toEqual({ label, status: 401 });
        expectRefused(answer);
      }
    });
  }

  it("answers in the content type the request accepts, and to GET as to POST", async () => {
    const modern = await post(running.url, sendBadText, { accept: "application/graphql-response+json" });
    expectRefused(modern, "application/graphql-response+json");
    const legacy = await post(running.url, sendBadText, { accept: "application/json" });
    expectRefused(legacy, "application/json");
    const query = encodeURIComponent("{ instancez }");
    const viaGet = await rest(running.url, "GET", `/graphql?query=${query}`, {
      headers: { accept: "application/graphql-response+json" },
    });
    expectRefused(viaGet, "application/graphql-response+json");
    const introspectionViaGet = await rest(
      running.url,
      "GET",
      `/graphql?query=${encodeURIComponent(INTROSPECTION)}`,
    );
    expectRefused(introspectionViaGet);
  });

  it("still serves the GraphiQL page itself without a token", async () => {
    const page = await rest(running.url, "GET", "/graphql", { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("answers callers with a valid token as before, suggestions included", async () => {
    const listed = await gql(running.url, InstancesDocument, {}, instance.token);
    expect(listed.status).toBe(200);
    expect(listed.data?.instances.totalCount).toBe(1);
    const invalid = await post(running.url, sendBadText, { authorization: `Bearer ${ACCOUNT_TOKEN}` });
    expect(invalid.status).toBe(200);
    expect(invalid.body.data.sendText.__typename).toBe("ValidationError");
    const misspelt = await post(
      running.url,
      { query: "{ instancez { totalCount } }" },
      {
        authorization: `Bearer ${ACCOUNT_TOKEN}`,
      },
    );
    expect(misspelt.body.errors[0].message).toMatch(/Did you mean "instance" or "instances"\?$/);
    const schema = await post(running.url, { query: INTROSPECTION }, { apikey: ACCOUNT_TOKEN });
    expect(schema.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });
});

describe("graphql-ws connections", () => {
  it("closes a connection_init without a valid token with 4403 Forbidden", async () => {
    for (const payload of [
      undefined,
      {},
      { authorization: "Bearer not-a-real-token" },
      { authorization: `Bearer ${revokedToken}` },
    ]) {
      const refused = await connectionInit(running.wsUrl, payload);
      expect({ payload, ...refused }).toEqual({ payload, messages: [], code: 4403, reason: "Forbidden" });
    }
  });

  it("accepts a valid token from connection params or from the upgrade request's headers", async () => {
    const viaParams = await connectionInit(running.wsUrl, { authorization: `Bearer ${instance.token}` });
    expect(viaParams.messages.map((message) => JSON.parse(message).type)).toEqual(["connection_ack"]);
    const viaHeaders = await connectionInit(running.wsUrl, undefined, {
      authorization: `Bearer ${ACCOUNT_TOKEN}`,
    });
    expect(viaHeaders.messages.map((message) => JSON.parse(message).type)).toEqual(["connection_ack"]);
  });

  it("runs queries and subscriptions for a valid token", async () => {
    const client = wsClient(running.wsUrl, instance.token);
    const listeners = running.app.services.bus.listenerCount();
    const stream = collect(client, InstanceEventsDocument, {
      instanceId: instance.id,
      types: ["presenceUpdate"],
    });
    await expect.poll(() => running.app.services.bus.listenerCount()).toBe(listeners + 1);
    const query = collect(client, InstancesDocument, {});
    await query.until(() => query.complete);
    expect(query.events[0].data?.instances.totalCount).toBe(1);

    running.app.services.bus.publish({
      instanceId: instance.uuid,
      instanceName: instance.name,
      type: "presenceUpdate",
      data: { id: "15550001111@s.whatsapp.net" },
    });
    await stream.until(() => stream.events.length === 1);
    expect(stream.events[0].data?.instanceEvents.type).toBe("presenceUpdate");
    stream.unsubscribe();
    await client.dispose();
  });
});

describe("a graphql-ws connection whose token is revoked", () => {
  it("gets no suggestions for its next operations", async () => {
    const fixture = await createInstance(running.url);
    const socket = new WebSocket(`${running.wsUrl}/graphql`, "graphql-transport-ws");
    const messages: { id?: string; type: string; payload?: unknown }[] = [];
    const waiters: (() => void)[] = [];
    socket.on("message", (data) => {
      messages.push(JSON.parse(String(data)));
      for (const wake of waiters.splice(0)) wake();
    });
    const next = async (type: string) => {
      for (;;) {
        const found = messages.findIndex((message) => message.type === type);
        if (found >= 0) return messages.splice(found, 1)[0];
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    };
    const misspelt = { query: 'subscription { instanceEvent(instanceId: "x") { type } }' };
    await new Promise((resolve) => socket.on("open", resolve));
    socket.send(
      JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${fixture.token}` } }),
    );
    await next("connection_ack");
    socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: misspelt }));
    expect((await next("error")).payload).toEqual([
      expect.objectContaining({
        message: 'Cannot query field "instanceEvent" on type "Subscription". Did you mean "instanceEvents"?',
      }),
    ]);

    const rotated = await gql(running.url, RotateInstanceTokenDocument, { id: fixture.id }, ACCOUNT_TOKEN);
    expect(rotated.data?.rotateInstanceToken.__typename).toBe("InstanceWithToken");
    // The connection may also be closed for the revoked token; as long as it is open, the
    // answers carry no suggestions.
    if (socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ id: "2", type: "subscribe", payload: misspelt }));
      const after = await Promise.race([
        next("error"),
        new Promise((resolve) => socket.on("close", (code) => resolve({ code }))),
      ]);
      expect(JSON.stringify(after)).not.toMatch(/Did you mean/);
      if ("payload" in (after as object)) {
        expect((after as { payload: unknown }).payload).toEqual([
          expect.objectContaining({ message: 'Cannot query field "instanceEvent" on type "Subscription".' }),
        ]);
      }
    }
    socket.close(1000);
  });
});

describe("GRAPHQL_INTROSPECTION", () => {
  let open: RunningApp;
  let closed: RunningApp;
  beforeAll(async () => {
    [open, closed] = await Promise.all([
      startApp({ GRAPHQL_INTROSPECTION: "public" }),
      startApp({ GRAPHQL_INTROSPECTION: "off" }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([open?.stop(), closed?.stop()]);
  });

  it("public: anonymous callers may run operations made only of introspection fields", async () => {
    const schema = await post(open.url, { query: INTROSPECTION });
    expect(schema.status).toBe(200);
    expect(schema.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    const nested = await post(open.url, {
      query: `query A { ...Root } fragment Root on Query { __typename ... on Query { __type(name: "Instance") { name } } }`,
    });
    expect(nested.body).toEqual({ data: { __typename: "Query", __type: { name: "Instance" } } });
  });

  it("public: anything else, or a broken document, still gets the 401", async () => {
    for (const query of [
      "{ __typename instances { totalCount } }",
      `query A { __typename } mutation B { deleteInstance(id: "x") { __typename } }`,
      "mutation { __typename }",
      "query A { ...Missing }",
      "query A { ...Loop } fragment Loop on Query { ...Loop }",
      "{ __schema { queryType { name } }",
    ]) {
      expectRefused(await post(open.url, { query }));
    }
  });

  it("public: validation errors of an anonymous introspection carry no suggestions", async () => {
    const misspelt = [
      `{ __type(name: "Query") { nam } }`,
      `{ __type(nme: "Query") { name } }`,
      `{ ... on Qury { __typename } }`,
    ];
    const expected = [
      ['Cannot query field "nam" on type "__Type".'],
      [
        'Unknown argument "nme" on field "Query.__type".',
        expect.stringMatching(/argument "name" .* is required/),
      ],
      ['Unknown type "Qury".'],
    ];
    // Anonymous first, then with a token: Yoga caches validation results per document, and
    // neither caller's answer may change the other's.
    for (const [index, query] of misspelt.entries()) {
      const anonymous = await post(open.url, { query });
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.errors.map((error: Error) => error.message)).toEqual(expected[index]);
      const withToken = await post(open.url, { query }, { authorization: `Bearer ${ACCOUNT_TOKEN}` });
      expect(withToken.body.errors[0].message).toMatch(/ Did you mean "(name|Query)"\?$/);
      const anonymousAgain = await post(open.url, { query });
      expect(anonymousAgain.body).toEqual(anonymous.body);
    }
  });

  it("public: graphql-ws still needs a token", async () => {
    expect(await connectionInit(open.wsUrl, {})).toMatchObject({ code: 4403, messages: [] });
  });

  it("off: introspection is a validation error for everyone, __typename still works", async () => {
    expectRefused(await post(closed.url, { query: INTROSPECTION }));
    const refused = await post(
      closed.url,
      { query: INTROSPECTION },
      { authorization: `Bearer ${ACCOUNT_TOKEN}` },
    );
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors.map((error: Error) => error.message)).toEqual([
      'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
      'GraphQL introspection has been disabled, but the requested query contained the field "queryType".',
    ]);
    const typeQuery = await post(
      closed.url,
      { query: `{ __type(name: "Query") { name } }` },
      {
        authorization: `Bearer ${ACCOUNT_TOKEN}`,
      },
    );
    expect(typeQuery.body.errors[0].message).toMatch(/introspection has been disabled/);
    const typename = await post(
      closed.url,
      { query: "{ __typename }" },
      { authorization: `Bearer ${ACCOUNT_TOKEN}` },
    );
    expect(typename.body).toEqual({ data: { __typename: "Query" } });
  });
});
