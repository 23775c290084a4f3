// A webhook's signing secret is shown once, when it is made; afterwards only a rotation shows a
// new one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateWebhookDocument,
  RotateWebhookSecretDocument,
  WebhookSecretsDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql, rest } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";

let running: RunningApp;
let instance: InstanceFixture;
beforeAll(async () => {
  running = await startApp();
  instance = await createInstance(running.url);
});
afterAll(async () => {
  await running.stop();
});

async function storedSecret(webhookId: string) {
  const row = await running.app.services.prisma.webhook.findUniqueOrThrow({ where: { id: webhookId } });
  return running.app.services.webhooks.signingSecret(row);
}

describe("webhook signing secrets", () => {
  it("are shown in the creation's answer and the rotation's, and nowhere else", async () => {
    const created = await gql(
      running.url,
      CreateWebhookDocument,
      { instanceId: instance.id, input: { name: "once", url: "https://example.com/hook" } },
      ACCOUNT_TOKEN,
    );
    if (created.data?.createWebhook.__typename !== "Webhook") throw new Error(JSON.stringify(created));
    const webhook = created.data.createWebhook;
    expect(webhook.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(await storedSecret(webhook.webhookId)).toBe(webhook.signingSecret);

    for (const token of [ACCOUNT_TOKEN, instance.token]) {
      const read = await gql(running.url, WebhookSecretsDocument, { id: webhook.id }, token);
      expect(read.data?.node).toEqual({
        __typename: "Webhook",
        signingSecret: null,
        hasAuthorization: false,
      });
    }
    const listed = await rest(running.url, "POST", "/graphql", {
      headers: { authorization: `Bearer ${ACCOUNT_TOKEN}` },
      body: { query: "{ instances { edges { node { webhooks { signingSecret } } } } }" },
    });
    expect(listed.body.data.instances.edges[0].node.webhooks).toEqual([{ signingSecret: null }]);

    const rotated = await gql(running.url, RotateWebhookSecretDocument, { id: webhook.id }, instance.token);
    if (rotated.data?.rotateWebhookSecret.__typename !== "Webhook") throw new Error(JSON.stringify(rotated));
    const renewed = rotated.data.rotateWebhookSecret.signingSecret;
    expect(renewed).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(renewed).not.toBe(webhook.signingSecret);
    expect(await storedSecret(webhook.webhookId)).toBe(renewed);
    const after = await gql(running.url, WebhookSecretsDocument, { id: webhook.id }, ACCOUNT_TOKEN);
    expect(after.data?.node).toMatchObject({ signingSecret: null });
  });
});
