// Sending media: the checks before upload, the encrypted upload to WhatsApp's media host,
// and the contact's phone decrypting the same bytes.

import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MessagesDocument,
  SendMediaDocument,
  type SendMediaMutationVariables,
} from "../generated/graphql.ts";
import type { RunningApp } from "../support/app.ts";
import { gql } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import { linkInstance, startGateway, WhatsAppSimulator } from "../support/whatsapp.ts";

const ACCOUNT = "15556670001";
const CONTACT = "15556670002";
const MAX_BYTES = 4096;

let sim: WhatsAppSimulator;
let running: RunningApp;
let instance: InstanceFixture;
let files: Server;
let filesUrl: string;
/** A loopback server the gateway is not allowed to reach. */
let internal: Server;
let internalUrl: string;
let internalHits = 0;
let closedPortUrl: string;
const photo = randomBytes(1500);

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  // The file server below runs on 127.0.0.1: the outbound policy refuses loopback unless allowed.
  running = await startGateway(sim, { MEDIA_MAX_BYTES: String(MAX_BYTES), OUTBOUND_ALLOW: "127.0.0.1" });
  instance = await createInstance(running.url);
  await linkInstance(running, sim, instance, ACCOUNT);
  files = createServer((request, response) => {
    if (request.url === "/big.jpg") response.end(Buffer.alloc(MAX_BYTES + 1, 1));
    else if (request.url === "/to-internal")
      response.writeHead(302, { location: `${internalUrl}/photo.jpg` }).end();
    else if (request.url === "/to-closed-port")
      response.writeHead(302, { location: `${closedPortUrl}/photo.jpg` }).end();
    else if (request.url === "/photo.jpg")
      response.writeHead(200, { "content-type": "image/jpeg" }).end(photo);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  internal = createServer((_request, response) => {
    internalHits += 1;
    response.writeHead(200, { "content-type": "image/jpeg" }).end(photo);
  });
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.2", resolve));
  internalUrl = `http://127.0.0.2:${(internal.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  closedPortUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(async () => {
  files?.close();
  internal?.close();
  await running?.stop();
  await sim?.stop();
});

type SendVariables = Omit<SendMediaMutationVariables, "instanceId" | "to">;
const send = (variables: SendVariables) =>
  gql(running.url, SendMediaDocument, { instanceId: instance.id, to: CONTACT, ...variables }, instance.token);

async function sent(variables: SendVariables) {
  const result = await send(variables);
  if (result.data?.sendMedia.__typename !== "Message") throw new Error(JSON.stringify(result));
  return result.data.sendMedia;
}

const storedMediaCount = () =>
  running.app.services.prisma.message.count({
    where: { instanceId: instance.uuid, fromMe: true, messageType: { not: "conversation" } },
  });

describe("sendMedia", () => {
  it("uploads an image from a URL encrypted, and the contact decrypts the same bytes", async () => {
    const contact = sim.contact(CONTACT, "Eve");
    const uploadsBefore = sim.media.uploads.length;
    const message = await sent({ kind: "image", url: `${filesUrl}/photo.jpg`, caption: "the view" });
    expect(message).toMatchObject({
      fromMe: true,
      type: "imageMessage",
      media: { kind: "image", caption: "the view", size: photo.length },
    });
    expect(sim.media.uploads.length).toBe(uploadsBefore + 1);

    const received = await contact.waitForMessage(message.keyId);
    const image = received.message.imageMessage;
    expect(image?.caption).toBe("the view");
    expect(Number(image?.fileLength)).toBe(photo.length);
    // What the host stored is ciphertext; only the media key in the message opens it.
    expect(sim.media.uploads.at(-1)?.bytes).toBeGreaterThan(photo.length);
    expect((await sim.media.decrypt(image ?? {}, "image")).equals(photo)).toBe(true);

    const listed = await gql(
      running.url,
      MessagesDocument,
      { id: instance.id, chat: `${CONTACT}@s.whatsapp.net`, first: 5 },
      instance.token,
    );
    if (listed.data?.instance.__typename !== "Instance") throw new Error(JSON.stringify(listed));
    const node = listed.data.instance.messages.edges.find((edge) => edge.node.keyId === message.keyId)?.node;
    expect(node?.media).toMatchObject({ kind: "image", caption: "the view", size: photo.length });
  });

  it("sends a document from base64 with its name and type, and a voice note", async () => {
    const contact = sim.contact(CONTACT, "Eve");
    const report = Buffer.from("%PDF-1.4 quarterly figures\n");
    const document = await sent({
      kind: "document",
      base64: report.toString("base64"),
      mimetype: "application/pdf",
      fileName: "q3.pdf",
    });
    expect(document.media).toMatchObject({
      kind: "document",
      mimetype: "application/pdf",
      fileName: "q3.pdf",
    });
    const received = (await contact.waitForMessage(document.keyId)).message.documentMessage;
    expect(received).toMatchObject({ fileName: "q3.pdf", mimetype: "application/pdf" });
    expect((await sim.media.decrypt(received ?? {}, "document")).equals(report)).toBe(true);

    const voice = randomBytes(800);
    const note = await sent({ kind: "audio", base64: voice.toString("base64"), voiceNote: true });
    const audio = (await contact.waitForMessage(note.keyId)).message.audioMessage;
    expect(audio).toMatchObject({ ptt: true, mimetype: "audio/ogg; codecs=opus" });
    expect((await sim.media.decrypt(audio ?? {}, "audio")).equals(voice)).toBe(true);
  });

  it("checks size and source before uploading, with typed errors", async () => {
    const before = await storedMediaCount();
    const tooBig = await send({ kind: "image", base64: Buffer.alloc(MAX_BYTES + 1, 1).toString("base64") });
    expect(tooBig.data?.sendMedia).toMatchObject({ __typename: "ValidationError" });
    const bigUrl = await send({ kind: "image", url: `${filesUrl}/big.jpg` });
    expect(bigUrl.data?.sendMedia).toMatchObject({
      __typename: "ValidationError",
      message: expect.stringMatching(/larger/),
    });
    const missing = await send({ kind: "image", url: `${filesUrl}/missing.jpg` });
    expect(missing.data?.sendMedia).toMatchObject({
      __typename: "ValidationError",
      message: expect.stringMatching(/404/),
    });
    const both = await send({ kind: "image", url: `${filesUrl}/photo.jpg`, base64: "AAAA" });
    expect(both.data?.sendMedia).toMatchObject({ __typename: "ValidationError" });
    const neither = await send({ kind: "video" });
    expect(neither.data?.sendMedia).toMatchObject({ __typename: "ValidationError" });
    expect(await storedMediaCount()).toBe(before);
  });

  it("refuses sources outside the outbound policy; a refused hop reads like a closed port", async () => {
    const before = await storedMediaCount();
    const direct = await send({ kind: "image", url: `${internalUrl}/photo.jpg` });
    expect(direct.data?.sendMedia).toMatchObject({
      __typename: "ValidationError",
      message: "url: must point to a public address (127.0.0.2 is loopback)",
    });
    const redirected = await send({ kind: "image", url: `${filesUrl}/to-internal` });
    const closedPort = await send({ kind: "image", url: `${filesUrl}/to-closed-port` });
    for (const result of [redirected, closedPort]) {
      expect(result.data?.sendMedia).toMatchObject({
        __typename: "ValidationError",
        message: "url: could not fetch the media",
      });
    }
    expect(internalHits).toBe(0);
    expect(await storedMediaCount()).toBe(before);
  });

  it("reports a failed upload as UpstreamError and stores nothing", async () => {
    const before = await storedMediaCount();
    const uploadsBefore = sim.media.uploads.length;
    sim.media.failUploads(1);
    const failed = await send({ kind: "image", url: `${filesUrl}/photo.jpg` });
    expect(failed.data?.sendMedia).toMatchObject({ __typename: "UpstreamError", code: "UPSTREAM_FAILED" });
    expect(sim.media.uploads.length).toBe(uploadsBefore);
    expect(await storedMediaCount()).toBe(before);
    // The host answers again: the next send goes through.
    const retried = await sent({ kind: "image", url: `${filesUrl}/photo.jpg` });
    expect(retried.media?.kind).toBe("image");
    expect(await storedMediaCount()).toBe(before + 1);
  });
});
