// The instance settings the engine acts on, and making an instance inactive.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateInstanceDocument, SendMediaDocument, UpdateInstanceDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp } from "../support/app.ts";
import { gql } from "../support/clients.ts";
import type { InstanceFixture } from "../support/fixtures.ts";
import { instanceState, linkInstance, startGateway, until, WhatsAppSimulator } from "../support/whatsapp.ts";

const ACCOUNT = "15556660001";
const CONTACT = "15556660002";

let sim: WhatsAppSimulator;
let running: RunningApp;
let instance: InstanceFixture;

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  running = await startGateway(sim, { MEDIA_MAX_BYTES: "4096" });
  const name = `behaviour-${Date.now()}`;
  const created = await gql(
    running.url,
    CreateInstanceDocument,
    {
      input: {
        name,
        readMessages: true,
        rejectCalls: true,
        callRejectMessage: "I can't take calls here, please write.",
      },
    },
    ACCOUNT_TOKEN,
  );
  if (created.data?.createInstance.__typename !== "InstanceWithToken")
    throw new Error(JSON.stringify(created));
  const { instance: row, token } = created.data.createInstance;
  instance = { id: row.id, uuid: row.instanceId, name, token };
  await linkInstance(running, sim, instance, ACCOUNT);
});
afterAll(async () => {
  await running?.stop();
  await sim?.stop();
});

describe("behaviour settings", () => {
  it("marks incoming messages read when readMessages is on", async () => {
    const contact = sim.contact(CONTACT, "Eve");
    const id = await contact.sendText(ACCOUNT, "please read me", { waitForAckMs: 5000 });
    const receipt = await contact.waitForReceipt(id, "read");
    expect(receipt.ids).toContain(id);
  });

  it("rejects calls and answers with the configured message", async () => {
    const contact = sim.contact(CONTACT, "Eve");
    await sim.sendCallOffer(ACCOUNT, CONTACT);
    await contact.waitForText("I can't take calls here, please write.");
  });

  it("limits media size from base64 and from URLs, and reports fetch failures", async () => {
    const files: Server = createServer((request, response) => {
      if (request.url === "/big.jpg") response.end(Buffer.alloc(10_000, 1));
      else if (request.url === "/small.jpg") response.end(Buffer.alloc(1000, 1));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    const send = (variables: { url?: string; base64?: string }) =>
      gql(
        running.url,
        SendMediaDocument,
        { instanceId: instance.id, to: CONTACT, kind: "image", ...variables },
        instance.token,
      );
    try {
      const tooBig = await send({ base64: Buffer.alloc(5000, 1).toString("base64") });
      expect(tooBig.data?.sendMedia).toMatchObject({ __typename: "ValidationError" });
      const bigUrl = await send({ url: `${base}/big.jpg` });
      expect(bigUrl.data?.sendMedia).toMatchObject({
        __typename: "ValidationError",
        message: expect.stringMatching(/larger/),
      });
      const missing = await send({ url: `${base}/missing.jpg` });
      expect(missing.data?.sendMedia).toMatchObject({
        __typename: "ValidationError",
        message: expect.stringMatching(/404/),
      });
      const both = await send({ url: `${base}/small.jpg`, base64: "AAAA" });
      expect(both.data?.sendMedia).toMatchObject({ __typename: "ValidationError" });
      // A file within the limit goes to WhatsApp's media upload, which this test server
      // does not offer: the failure comes back typed, and nothing is stored.
      const images = () =>
        running.app.services.prisma.message.count({
          where: { instanceId: instance.uuid, messageType: "imageMessage" },
        });
      const upload = await send({ url: `${base}/small.jpg` });
      expect(upload.data?.sendMedia).toMatchObject({ __typename: "UpstreamError", code: "UPSTREAM_FAILED" });
      expect(await images()).toBe(0);
    } finally {
      files.close();
    }
  });

  it("stops the session when the instance is made inactive, without logging out", async () => {
    const result = await gql(
      running.url,
      UpdateInstanceDocument,
      { id: instance.id, input: { state: "inactive" } },
      instance.token,
    );
    expect(result.data?.updateInstance).toMatchObject({ state: "inactive" });
    await until(
      () => instanceState(running, instance),
      (state) => state.connection === "close",
    );
    await until(
      async () => sim.connectedAccounts(),
      (accounts) => !accounts.includes(ACCOUNT),
    );
    expect(await running.app.services.prisma.authCreds.count({ where: { instanceId: instance.uuid } })).toBe(
      1,
    );
  });
});
