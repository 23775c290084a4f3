// Every root field, node type, subscription and REST path, called by each kind of caller: the
// account token, the instance's own token, another instance's token, a rotated (revoked) token,
// a garbage token and none. "allowed" is a success answer only; refusals are the documented
// shapes; and a refused call changes nothing.
import { isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraphQLSchema } from "../../src/graphql/schema.ts";
import { ACCOUNT_TOKEN, type RunningApp } from "../support/app.ts";
import { rest, wsClient } from "../support/clients.ts";
import { createInstance, createWebhook, type InstanceFixture, setSocket } from "../support/fixtures.ts";
import { OPERATIONS } from "../support/matrix-operations.ts";
import {
  graphql,
  type MatrixContext,
  type Operation,
  type Outcome,
  type Target,
} from "../support/matrix-outcomes.ts";
import { linkInstance, startGateway, until, WhatsAppSimulator } from "../support/whatsapp.ts";

type Caller = "account" | "own" | "other" | "revoked" | "garbage" | "none";
const CALLERS: Caller[] = ["account", "own", "other", "revoked", "garbage", "none"];
const CONTACT = "15552220001";

let sim: WhatsAppSimulator;
let running: RunningApp;
let context: MatrixContext;
let other: InstanceFixture;
let revokedToken: string;
let phones = 0;

async function target(kind: "plain" | "linked"): Promise<Target> {
  const instance = await createInstance(running.url);
  const webhook = await createWebhook(running.url, instance);
  await setSocket(running.url, instance);
  if (kind === "linked")
    await linkInstance(running, sim, instance, `1555333${String(++phones).padStart(4, "0")}`);
  return {
    instance,
    webhook,
    message: { id: "", keyId: "", chatJid: "" },
    deliveryId: await deliveryOf(instance),
  };
}

/** A delivery row of a disabled webhook, for an event of the instance. */
async function deliveryOf(instance: InstanceFixture): Promise<string> {
  const { log, prisma } = running.app.services;
  const webhook = await createWebhook(running.url, instance, "idle", { enabled: false });
  const [event] = await log.emit({
    instanceId: instance.uuid,
    instanceName: instance.name,
    type: "presenceUpdate",
    data: {},
  });
  const delivery = await prisma.delivery.create({
    data: {
      webhookId: webhook.webhookId,
      instanceId: instance.uuid,
      eventId: event.id,
      seq: event.seq,
      eventType: event.type,
      status: "failed",
      attempts: "[]",
    },
  });
  return delivery.id;
}

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  running = await startGateway(sim);
  sim.contact(CONTACT, "Ann");
  const shared = await target("linked");
  // The shared instance's first token, rotated away: a revoked token of the same instance.
  revokedToken = shared.instance.token;
  const rotated = await graphql(
    running.url,
    "mutation($id: ID!) { rotateInstanceToken(id: $id) { ... on InstanceWithToken { token } } }",
    { id: shared.instance.id },
    ACCOUNT_TOKEN,
  );
  shared.instance = { ...shared.instance, token: rotated.body.data.rotateInstanceToken.token };
  const sent = await graphql(
    running.url,
    'mutation($id: ID!, $to: String!) { sendText(instanceId: $id, to: $to, text: "first") { ... on Message { id keyId chatJid } } }',
    { id: shared.instance.id, to: CONTACT },
    ACCOUNT_TOKEN,
  );
  shared.message = sent.body.data.sendText;
  expect(shared.message.keyId).toBeTruthy();
  other = await createInstance(running.url);
  context = { base: running.url, contact: CONTACT, shared, fresh: target };
});
afterAll(async () => {
  await running?.stop();
  await sim?.stop();
});

function expected(operation: Operation, caller: Caller): Outcome {
  const refusal = operation.api === "graphql" ? "unauthenticated" : "unauthorized";
  if (caller === "none" || caller === "garbage" || caller === "revoked") return refusal;
  if (caller === "account") return "allowed";
  const denied = operation.denied ?? (operation.api === "graphql" ? "forbidden" : "unauthorized");
  if (operation.accountOnly) return denied;
  if (caller === "other")
    return ["node", "nodes", "instances"].includes(operation.covers) ? "hidden" : denied;
  return "allowed";
}

function tokenOf(caller: Caller, chosen: Target): string | undefined {
  const tokens: Record<Caller, string | undefined> = {
    account: ACCOUNT_TOKEN,
    own: chosen.instance.token,
    other: other.token,
    revoked: revokedToken,
    garbage: "garbage-token-0123456789",
    none: undefined,
  };
  return tokens[caller];
}

/**
 * The rows a refused call must leave as they were: the shared target's, and how many of each
 * there are (sessions of other targets may still be writing their own rows meanwhile).
 */
async function rows() {
  const prisma = running.app.services.prisma;
  const instanceId = context.shared.instance.uuid;
  return {
    instance: await prisma.instance.findUnique({ where: { id: instanceId } }),
    webhooks: await prisma.webhook.findMany({
      where: { instanceId },
      orderBy: { id: "asc" },
      include: { events: true },
    }),
    socket: await prisma.socket.findUnique({ where: { instanceId } }),
    auth: await prisma.auth.findUnique({ where: { instanceId } }),
    counts: await Promise.all([
      prisma.instance.count(),
      prisma.webhook.count(),
      prisma.socket.count(),
      prisma.message.count(),
    ]),
  };
}

describe("authorization matrix", () => {
  for (const operation of OPERATIONS) {
    it(`${operation.name}: ${CALLERS.join(", ")}`, async () => {
      const outcomes: Partial<Record<Caller, Outcome>> = {};
      for (const caller of CALLERS) {
        const refused = expected(operation, caller) !== "allowed";
        const chosen =
          refused || operation.target === "shared" ? context.shared : await target(operation.target);
        const before = refused ? await rows() : undefined;
        outcomes[caller] = await operation.run(context, chosen, tokenOf(caller, chosen));
        if (before) expect(await rows()).toEqual(before);
        if (operation.covers === "restartInstance" && !refused) {
          await until(
            async () => running.app.services.engine.session(chosen.instance.uuid)?.status,
            (status) => status === "open",
          );
        }
      }
      expect(outcomes).toEqual(
        Object.fromEntries(CALLERS.map((caller) => [caller, expected(operation, caller)])),
      );
    });
  }

  // events names its instances in a list; the others take one instance.
  for (const [field, selection] of [
    ["instanceEvents", "instanceEvents(instanceId: $id)"],
    ["instanceEventBatches", "instanceEventBatches(instanceId: $id)"],
    ["events", "events(instanceIds: [$id])"],
  ]) {
    it(`subscription ${field}: ${CALLERS.join(", ")}`, async () => {
      const outcomes: Partial<Record<Caller, Outcome>> = {};
      for (const caller of CALLERS)
        outcomes[caller] = await subscribe(selection, tokenOf(caller, context.shared));
      expect(outcomes).toEqual({
        account: "allowed",
        own: "allowed",
        other: "forbidden",
        revoked: "unauthenticated",
        garbage: "unauthenticated",
        none: "unauthenticated",
      });
    });
  }

  it("covers every root field of the schema and every REST path", async () => {
    const schema = buildGraphQLSchema();
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const fields = roots.flatMap((root) => (isObjectType(root) ? Object.keys(root.getFields()) : []));
    const covered = new Set([
      ...OPERATIONS.map((operation) => operation.covers),
      "instanceEvents",
      "instanceEventBatches",
      "events",
    ]);
    expect(fields.filter((field) => !covered.has(field))).toEqual([]);
    const openapi = await rest(running.url, "GET", "/openapi.json");
    const paths = Object.entries(openapi.body.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(paths.filter((path) => !covered.has(path))).toEqual([]);
  });
});

/** A graphql-ws subscription's outcome: refused connection, refused operation, or live events. */
async function subscribe(selection: string, token: string | undefined): Promise<Outcome> {
  const client = wsClient(running.wsUrl, token);
  const closes: number[] = [];
  client.on("closed", (event) => closes.push((event as { code: number }).code));
  const listeners = running.app.services.bus.listenerCount();
  const refusal = (errors: unknown): Outcome => {
    if (closes.includes(4403)) return "unauthenticated";
    if (JSON.stringify(errors).includes("FORBIDDEN")) return "forbidden";
    throw new Error(`unexpected subscription answer: ${JSON.stringify(errors)} ${closes}`);
  };
  let settled = false;
  const outcome = new Promise<Outcome>((resolve, reject) => {
    const settle = (decide: () => Outcome) => {
      try {
        resolve(decide());
      } catch (error) {
        reject(error);
      }
    };
    client.subscribe(
      {
        query: `subscription($id: ID!) { ${selection} { type } }`,
        variables: { id: context.shared.instance.id },
      },
      {
        next: (value) => settle(() => (value.errors ? refusal(value.errors) : "allowed")),
        error: (error) => settle(() => refusal(error)),
        complete: () => settle(() => refusal("completed without an event")),
      },
    );
  }).finally(() => {
    settled = true;
  });
  // Once the subscription is on the bus, an event of the instance reaches it.
  while (!settled) {
    if (running.app.services.bus.listenerCount() > listeners) {
      running.app.services.bus.publish({
        instanceId: context.shared.instance.uuid,
        instanceName: context.shared.instance.name,
        type: "presenceUpdate",
        data: {},
      });
    }
    await Promise.race([outcome.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  await client.dispose();
  // Its stream leaves the bus once the server sees the close: the next call counts from there.
  await until(
    async () => running.app.services.bus.listenerCount(),
    (count) => count <= listeners,
  );
  return outcome;
}
