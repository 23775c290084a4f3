// The instance settings the engine acts on, and making an instance inactive.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateInstanceDocument, UpdateInstanceDocument } from "../generated/graphql.ts";
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
  running = await startGateway(sim);
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
