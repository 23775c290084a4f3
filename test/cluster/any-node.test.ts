import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccountEventsDocument,
  ConnectInstanceDocument,
  CreateWebhookDocument,
  DeleteInstanceDocument,
  InstanceEventsDocument,
  InstanceQrDocument,
  RestartInstanceDocument,
  RotateInstanceTokenDocument,
  SendTextDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN } from "../support/app.ts";
import { collect, gql, rest, wsClient } from "../support/clients.ts";
import { type ClusterHarness, POSTGRES, REDIS, startClusterHarness } from "../support/cluster.ts";
import { linkThroughApi } from "../support/crash-burst.ts";
import { createInstance, type InstanceFixture, setSocket } from "../support/fixtures.ts";
import { type Receiver, startReceiver } from "../support/receiver.ts";
import { until } from "../support/whatsapp.ts";
import { openStream } from "../support/ws-streams.ts";

const TTL_MS = 6000;
const PHONES = ["15557200001", "15557200002", "15557200003"];
const NODES = ["node-a", "node-b", "node-c"];
const CONTACT = "15557200099";

describe.skipIf(!POSTGRES || !REDIS)("any node of a cluster answers for every instance", () => {
  let cluster: ClusterHarness;
  let instances: InstanceFixture[];
  let receiver: Receiver;
  const url = (node: string) => cluster.nodes.get(node)?.url as string;

  beforeAll(async () => {
    cluster = await startClusterHarness(TTL_MS);
    receiver = await startReceiver();
    for (const node of NODES) await cluster.start(node);
    instances = [];
    for (const phone of PHONES)
      instances.push(await linkThroughApi(url("node-a"), cluster.sim, phone, `any-${phone}`));
    await cluster.settledOn(instances, NODES, PHONES);
  }, 120_000);
  afterAll(async () => {
    await cluster?.close();
    await receiver?.close();
  });

  /** An instance, the node that runs it, and two other nodes. */
  const roles = async () => {
    const { leases } = await cluster.settledOn(instances, NODES, PHONES);
    const lease = leases[0];
    const instance = instances.find((candidate) => candidate.uuid === lease.instanceId) as InstanceFixture;
    const [caller, watcher] = NODES.filter((node) => node !== lease.nodeId);
    // The simulator counts an account connected at its login; the session is open a moment later.
    await until(
      async () =>
        (await gql(url(caller), InstanceQrDocument, { id: instance.id }, ACCOUNT_TOKEN)).data?.instance,
      (found) => found?.__typename === "Instance" && found.connection === "open",
    );
    return { instance, phone: PHONES[instances.indexOf(instance)], owner: lease.nodeId, caller, watcher };
  };

  it("answers /readyz per node, naming it", async () => {
    for (const node of NODES) {
      const ready = await rest(url(node), "GET", "/readyz");
      expect([ready.status, ready.body]).toEqual([200, { status: "ready", node }]);
    }
  });

  it("sends through a node that does not run the session, and streams its events on every node", async () => {
    const { instance, phone, owner, caller, watcher } = await roles();
    const contact = cluster.sim.contact(CONTACT, "Dana");
    const subscriber = wsClient(url(watcher).replace(/^http/, "ws"), ACCOUNT_TOKEN);
    const seen = collect(subscriber, InstanceEventsDocument, {
      instanceId: instance.id,
      types: ["messagesUpsert"],
    });
    await setSocket(url(caller), instance);
    const stream = await openStream({ wsUrl: url(caller).replace(/^http/, "ws") }, `/ws/${instance.name}`, {
      token: instance.token,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Inbound on the owner reaches a subscription on another node and a /ws client on a third.
    const text = `to ${owner} ${Date.now()}`;
    await contact.sendText(phone, text, { waitForAckMs: 10_000 });
    await seen.until(() => seen.events.some((event) => JSON.stringify(event).includes(text)), 15_000);
    await stream.until(1, (frame) => JSON.stringify(frame).includes(text));

    // A send through a node that does not run the session goes out through the one that does.
    const sent = await gql(
      url(caller),
      SendTextDocument,
      { instanceId: instance.id, to: CONTACT, text: "from afar" },
      ACCOUNT_TOKEN,
    );
    if (sent.data?.sendText.__typename !== "Message") throw new Error(JSON.stringify(sent));
    expect((await contact.waitForMessage(sent.data.sendText.keyId)).text).toBe("from afar");

    // So does a restart: the session reconnects on its node, with its device.
    const logins = cluster.sim.stats().logins;
    const restarted = await gql(url(caller), RestartInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
    expect(restarted.data?.restartInstance.__typename).toBe("Instance");
    expect((await cluster.leases()).find((lease) => lease.instanceId === instance.uuid)?.nodeId).toBe(owner);
    await until(
      async () => cluster.sim.stats().logins,
      (count) => count > logins,
      15_000,
    );
    await until(
      async () => cluster.sim.connectedAccounts(),
      (phones) => phones.includes(phone),
      15_000,
    );
    seen.unsubscribe();
    stream.ws.close();
  }, 60_000);

  it("numbers service events on the session's node and ends streams of a token revoked on another node", async () => {
    const { instance, caller, watcher } = await roles();
    const oldToken = subscriberOf(url(watcher), instance.token, instance.id);
    const account = collect(
      wsClient(url(watcher).replace(/^http/, "ws"), ACCOUNT_TOKEN),
      AccountEventsDocument,
      {
        instanceIds: [instance.id],
        types: ["newJwt"],
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const rotated = await gql(url(caller), RotateInstanceTokenDocument, { id: instance.id }, ACCOUNT_TOKEN);
    expect(rotated.data?.rotateInstanceToken.__typename).toBe("InstanceWithToken");
    await oldToken.until(() => Boolean(oldToken.error) || oldToken.complete, 10_000);
    await account.until(() => account.events.length === 1, 10_000);
    const seqs = await cluster.sql.query<{ seq: number }>(
      `SELECT "seq" FROM "Event" WHERE "instanceId" = $1 ORDER BY "seq"`,
      [instance.uuid],
    );
    expect(seqs.rows.map((row) => Number(row.seq))).toEqual(seqs.rows.map((_, index) => index + 1));
    const newJwt = await cluster.sql.query<{ seq: number }>(
      `SELECT "seq" FROM "Event" WHERE "instanceId" = $1 AND "type" = 'newJwt'`,
      [instance.uuid],
    );
    expect(account.events[0].data?.events.seq).toBe(Number(newJwt.rows[0].seq));
    account.unsubscribe();
  }, 60_000);

  it("shows a QR code started on one node through another, and deletes through a third", async () => {
    const fresh = await createInstance(url("node-b"));
    const connected = await gql(url("node-c"), ConnectInstanceDocument, { id: fresh.id }, ACCOUNT_TOKEN);
    // A webhook made through another node is delivered by the session's node.
    const hook = await gql(
      url("node-a"),
      CreateWebhookDocument,
      {
        instanceId: fresh.id,
        input: { name: "last words", url: receiver.url, enabled: true, events: { qrcodeUpdate: true } },
      },
      ACCOUNT_TOKEN,
    );
    expect(hook.data?.createWebhook.__typename).toBe("Webhook");
    expect(connected.data?.connectInstance.__typename).toBe("Instance");
    expect((await cluster.leases()).find((lease) => lease.instanceId === fresh.uuid)?.nodeId).toBe("node-c");
    const qr = await until(
      () => gql(url("node-a"), InstanceQrDocument, { id: fresh.id }, ACCOUNT_TOKEN),
      (answer) =>
        answer.data?.instance.__typename === "Instance" && Boolean(answer.data.instance.qrcode?.code),
      15_000,
    );
    expect(qr.status).toBe(200);
    const deleted = await gql(url("node-b"), DeleteInstanceDocument, { id: fresh.id }, ACCOUNT_TOKEN);
    expect(deleted.data?.deleteInstance.__typename).toBe("DeletedInstance");
    const events = await cluster.sql.query<{ type: string; seq: number }>(
      `SELECT "type", "seq" FROM "Event" WHERE "instanceId" = $1 ORDER BY "seq"`,
      [fresh.uuid],
    );
    expect(events.rows.at(-1)?.type).toBe("instanceDelete");
    // Its last event goes out once, from one node, and the retired webhook is let go.
    const lastWords = () =>
      receiver.hits.filter((hit) => hit.body.includes(fresh.uuid) && hit.body.includes("instanceDelete"));
    await until(
      async () => lastWords().length,
      (count) => count > 0,
      15_000,
    );
    await until(
      async () => (await cluster.sql.query(`SELECT 1 FROM "RetiredWebhook"`)).rowCount,
      (count) => count === 0,
      15_000,
    );
    await new Promise((resolve) => setTimeout(resolve, TTL_MS / 2));
    expect(lastWords()).toHaveLength(1);
  }, 60_000);

  it("answers a typed error, not an internal one, when the session's node is gone", async () => {
    const { instance, owner, caller } = await roles();
    await cluster.nodes.get(owner)?.kill("SIGKILL");
    cluster.nodes.delete(owner);
    const answer = await gql(
      url(caller),
      SendTextDocument,
      { instanceId: instance.id, to: CONTACT, text: "nobody home" },
      ACCOUNT_TOKEN,
    );
    const failure = answer.data?.sendText;
    if (failure?.__typename !== "UpstreamError") throw new Error(JSON.stringify(answer));
    expect(failure.code).toBe("UPSTREAM_FAILED");
    expect(failure.message).toContain(owner);
  }, 30_000);
});

/** An instance-token subscription on `base`, to see it end when the token is revoked. */
function subscriberOf(base: string, token: string, instanceId: string) {
  return collect(wsClient(base.replace(/^http/, "ws"), token), InstanceEventsDocument, { instanceId });
}
