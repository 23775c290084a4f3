// Input a gateway must refuse rather than store or choke on: strings that are not valid
// Unicode, lists long enough to stall the process, tokens that could never work, and client
// mistakes that must not reach the error log.
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { ACCOUNT_TOKEN, type RunningApp, secretsKeyEnv } from "../support/app.ts";
import { rest } from "../support/clients.ts";
import { freshDatabase } from "../support/database.ts";
import { createInstance, type InstanceFixture, uniqueName } from "../support/fixtures.ts";

/** Every log line the app writes, parsed. */
const lines: { level: number; msg?: string }[] = [];
let logBytes = 0;
let running: RunningApp;
let instance: InstanceFixture;
const auth = { authorization: `Bearer ${ACCOUNT_TOKEN}` };

beforeAll(async () => {
  const database = await freshDatabase();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logBytes += chunk.length;
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({
    PORT: "0",
    DATABASE_URL: database.url,
    ...secretsKeyEnv(database.url),
    ACCOUNT_TOKEN,
    BODY_LIMIT_BYTES: String(4 * 1024 * 1024),
    WA_LOG_LEVEL: "silent",
  });
  const logger = pino({ level: "debug" }, sink);
  const app = await createApp(config, logger as never);
  const url = await app.listen();
  running = {
    app,
    url,
    wsUrl: url.replace(/^http/, "ws"),
    databaseUrl: database.url,
    stop: async () => {
      await app.close();
      await database.drop();
    },
  };
  instance = await createInstance(running.url);
});
afterAll(async () => {
  await running.stop();
});

const gqlRaw = (body: unknown, headers: Record<string, string> = auth) =>
  rest(running.url, "POST", "/graphql", { headers, body });

describe("strings that are not valid Unicode", () => {
  it("are refused with a validation error through GraphQL and REST, and nothing is stored", async () => {
    const before = await running.app.services.prisma.instance.findUniqueOrThrow({
      where: { id: instance.uuid },
    });
    const viaGraphQL = await rest(running.url, "POST", "/graphql", {
      headers: auth,
      rawBody: `{"query":"mutation($id: ID!, $i: UpdateInstanceInput!) { updateInstance(id: $id, input: $i) { __typename } }","variables":{"id":"${instance.uuid}","i":{"description":"ok\\ud800"}}}`,
    });
    expect(viaGraphQL.status).toBe(400);
    expect(viaGraphQL.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/\$i\.description.*lone surrogate/),
        extensions: { code: "VALIDATION" },
      }),
    ]);
    const viaRest = await rest(running.url, "POST", "/api/instance/new", {
      headers: { token: ACCOUNT_TOKEN },
      rawBody: `{"name":"${uniqueName("s")}","callRejectMessage":"busy \\udc00"}`,
    });
    expect(viaRest.status).toBe(400);
    expect(viaRest.body).toEqual({ success: false, error: { message: "Invalid request body" } });
    const codechat = await rest(running.url, "PUT", `/api/v2/instance/${instance.uuid}/webhook/x`, {
      headers: auth,
      rawBody: '{"name":"hook \\ud83d"}',
    });
    expect(codechat.status).toBe(400);
    expect(codechat.body.message).toEqual([expect.stringMatching(/^name: .*lone surrogate/)]);
    const after = await running.app.services.prisma.instance.findUniqueOrThrow({
      where: { id: instance.uuid },
    });
    expect(after).toEqual(before);
    expect(await running.app.services.prisma.instance.count()).toBe(1);
    // A surrogate pair (an emoji) is valid text.
    const emoji = await gqlRaw({
      query:
        "mutation($id: ID!, $i: UpdateInstanceInput!) { updateInstance(id: $id, input: $i) { ... on Instance { description } } }",
      variables: { id: instance.uuid, i: { description: "ok 😀" } },
    });
    expect(emoji.body.data.updateInstance.description).toBe("ok 😀");
  });
});

describe("list arguments and the cost of variables", () => {
  it("refuse a list of 5,000 ids before loading any, and more than 100 ids for nodes", async () => {
    const ids = Array.from({ length: 5000 }, () => instance.id);
    const statements = running.app.services.db.statementCount();
    const answer = await gqlRaw({
      query: "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      variables: { ids },
    });
    // Only the token was looked up.
    expect(running.app.services.db.statementCount() - statements).toBeLessThanOrEqual(1);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/5000 items; at most 1000/),
      extensions: { code: "VALIDATION" },
    });
    const hundredOne = await gqlRaw({
      query: "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      variables: { ids: ids.slice(0, 101) },
    });
    expect(hundredOne.body.errors[0]).toMatchObject({ message: "ids: at most 100 ids per call" });
    const hundred = await gqlRaw({
      query: "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      variables: { ids: ids.slice(0, 100) },
    });
    expect(hundred.body.data.nodes).toHaveLength(100);
  });

  it("count page sizes and list items given as variables in the cost limit", async () => {
    const query =
      "query($n: Int, $m: Int) { instances(first: $n) { edges { node { id messages(first: $m) { edges { node { id text } } } } } } }";
    const costly = await gqlRaw({ query, variables: { n: 100, m: 100 } });
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].message).toMatch(/cost limit of 50000 exceeded.*variables included/);
    const cheap = await gqlRaw({ query, variables: { n: 100, m: 5 } });
    expect(cheap.status).toBe(200);
    expect(cheap.body.data.instances.edges).toHaveLength(1);
  });
});

describe("tokens chosen through RyzeAPI", () => {
  const create = (name: string, token: string) =>
    rest(running.url, "POST", "/api/instance/new", {
      headers: { token: ACCOUNT_TOKEN },
      body: { name, token },
    });

  it("work whatever their form, even one shaped like a JWT", async () => {
    const token = "my.chosen.token-with-two-dots";
    const created = await create(uniqueName("r"), token);
    expect(created.status).toBe(201);
    const used = await rest(running.url, "GET", `/api/events/getWebsocket/${created.body.instance.name}`, {
      headers: { token },
    });
    expect(used.status).toBe(404);
    expect(used.body).toEqual({
      success: false,
      error: { message: "WebSocket not configured for this instance" },
    });
  });

  it("cannot be one already in use, and say so rather than blame the name", async () => {
    const token = `taken-${uniqueName()}`;
    expect((await create(uniqueName("r"), token)).status).toBe(201);
    for (const taken of [token, ACCOUNT_TOKEN]) {
      const name = uniqueName("r");
      const refused = await create(name, taken);
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({ success: false, error: { message: expect.stringMatching(/token/) } });
      expect(refused.body.error.message).not.toMatch(/named/);
      expect(await running.app.services.prisma.instance.count({ where: { name } })).toBe(0);
    }
  });
});

describe("the log", () => {
  it("holds no error line for a client's mistake, and no whole copy of a large input", async () => {
    const errorsBefore = lines.filter((line) => line.level >= 50).length;
    const bytesBefore = logBytes;
    const huge = "x".repeat(1_000_000);
    const wrongType = await gqlRaw({
      query: "mutation($i: CreateInstanceInput!) { createInstance(input: $i) { __typename } }",
      variables: { i: { name: 42, description: huge } },
    });
    expect(wrongType.status).toBe(400);
    for (const query of [
      "{ instances(first: -1) { totalCount } }",
      '{ instances(after: "garbage") { totalCount } }',
      `{ node(id: "${huge.slice(0, 5000)}") { id } }`,
    ]) {
      const answer = await gqlRaw({ query });
      expect(answer.body.errors[0].extensions.code).toBe("VALIDATION");
    }
    expect(lines.filter((line) => line.level >= 50).length).toBe(errorsBefore);
    expect(logBytes - bytesBefore).toBeLessThan(20_000);
  });

  it("bounds what an unexpected error brings into a line", () => {
    const chunks: string[] = [];
    const logger = createLogger("info");
    const bounded = (logger as unknown as { [key: symbol]: unknown })[pino.symbols.serializersSym] as {
      err: (error: unknown) => unknown;
    };
    const failure = new Error(`bad value ${"y".repeat(1_000_000)}`);
    chunks.push(JSON.stringify(bounded.err(failure)));
    expect(chunks[0].length).toBeLessThan(5000);
    expect(chunks[0]).toContain("bad value yyy");
  });
});
