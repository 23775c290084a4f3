// The outbound client against real servers on loopback: what reaches them, what is refused
// before a byte is sent, and the limits on time and size.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { createServer as createTcpServer, type Server as TcpServer } from "node:net";
import { createSecureContext } from "node:tls";
import { generate } from "selfsigned";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { parseAllowList } from "../../src/outbound/allow-list.ts";
import { OutboundClient, type OutboundClientOptions, OutboundError } from "../../src/outbound/client.ts";
import type { Resolve } from "../../src/outbound/connector.ts";
import { OutboundPolicy } from "../../src/outbound/policy.ts";

interface Hit {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

interface Receiver {
  url: string;
  port: number;
  hits: Hit[];
}

const servers: (Server | TcpServer)[] = [];
const clients: OutboundClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(() => {
  for (const server of servers) server.close();
});

async function listen(server: Server | TcpServer, host: string): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

/** An HTTP server that records every request it gets before handing it to `handle`. */
async function receiver(
  host: string,
  handle: (response: ServerResponse, hit: Hit, self: Receiver) => void = (response) => response.end("ok"),
): Promise<Receiver> {
  const self: Receiver = { url: "", port: 0, hits: [] };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const hit = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      };
      self.hits.push(hit);
      handle(response, hit, self);
    });
  });
  self.port = await listen(server, host);
  self.url = `http://${host}:${self.port}`;
  return self;
}

function client(allow = "", options: Partial<OutboundClientOptions> = {}): OutboundClient {
  const created = new OutboundClient({
    policy: new OutboundPolicy(parseAllowList(allow).list),
    connectTimeoutMs: 3000,
    headersTimeoutMs: 5000,
    bodyTimeoutMs: 5000,
    maxRedirects: 3,
    ...options,
  });
  clients.push(created);
  return created;
}

async function failure(attempt: Promise<unknown>): Promise<OutboundError> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof OutboundError)) throw new Error(`expected an OutboundError, got ${String(error)}`);
  return error;
}

const resolvingTo =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("outbound client", () => {
  it("POSTs JSON to an allowed loopback receiver and reports status, excerpt and latency", async () => {
    const hook = await receiver("127.0.0.1", (response) => response.writeHead(202).end("x".repeat(5000)));
    const result = await client("127.0.0.1").postBody(
      `${hook.url}/hook?source=test`,
      JSON.stringify({ event: "messagesUpsert", data: { text: "é" } }),
      { headers: { "x-signature": "v1,abc" }, excerptBytes: 100 },
    );
    expect(result).toEqual({
      status: 202,
      excerpt: "x".repeat(100),
      latencyMs: expect.any(Number),
      retryAfter: undefined,
    });
    expect(hook.hits).toHaveLength(1);
    expect(hook.hits[0]).toMatchObject({ method: "POST", url: "/hook?source=test" });
    expect(hook.hits[0].headers).toMatchObject({
      "content-type": "application/json",
      "x-signature": "v1,abc",
      "user-agent": "wagraph",
    });
    expect(JSON.parse(hook.hits[0].body)).toEqual({ event: "messagesUpsert", data: { text: "é" } });
  });

  it("refuses a loopback receiver without the allow setting, sending it nothing", async () => {
    const hook = await receiver("127.0.0.1");
    const outbound = client();
    const posted = await failure(outbound.postBody(`${hook.url}/hook`, "{}"));
    const fetched = await failure(outbound.download(`${hook.url}/photo.jpg`, { maxBytes: 1000 }));
    for (const error of [posted, fetched]) {
      expect(error.reason).toBe("unreachable");
      expect(error.detail).toMatch(/^refused: .*loopback/);
    }
    expect(hook.hits).toHaveLength(0);
  });

  it("refuses other schemes, URLs with credentials and unreadable URLs", async () => {
    const files = await receiver("127.0.0.1");
    const outbound = client("127.0.0.1");
    const withCredentials = files.url.replace("http://", "http://user:pass@");
    for (const url of ["ftp://127.0.0.1/x", "file:///etc/passwd", withCredentials, "not a url"]) {
      const error = await failure(outbound.download(url, { maxBytes: 10 }));
      expect(error, url).toMatchObject({ reason: "unreachable", detail: expect.stringMatching(/^refused:/) });
    }
    expect(files.hits).toHaveLength(0);
  });

  it("answers a refused address exactly like a closed port", async () => {
    const closed = await receiver("127.0.0.1");
    await new Promise((resolve) => (servers.at(-1) as Server).close(resolve));
    const refused = await failure(client().download(`${closed.url}/`, { maxBytes: 10 }));
    const unreachable = await failure(client("127.0.0.1").download(`${closed.url}/`, { maxBytes: 10 }));
    expect(unreachable.detail).toMatch(/ECONNREFUSED/);
    expect(refused.detail).toMatch(/^refused:/);
    expect({ reason: refused.reason, message: refused.message }).toEqual({
      reason: unreachable.reason,
      message: unreachable.message,
    });
  });

  it("checks every redirect hop: an allowed host cannot redirect to a refused one", async () => {
    const internal = await receiver("127.0.0.1", (response) => response.end("secret"));
    const allowed = await receiver("127.0.0.2", (response, hit, self) => {
      const locations: Record<string, string> = {
        "/inside": "/file",
        "/outside": `${internal.url}/admin`,
        "/with-credentials": `http://user:pass@127.0.0.2:${self.port}/file`,
      };
      if (hit.url === "/file") response.end("public bytes");
      else response.writeHead(302, { location: locations[hit.url] }).end();
    });
    const outbound = client("127.0.0.2/32");
    const error = await failure(outbound.download(`${allowed.url}/outside`, { maxBytes: 1000 }));
    expect(error.reason).toBe("unreachable");
    expect(error.detail).toMatch(/127\.0\.0\.1.*loopback/);
    expect(internal.hits).toHaveLength(0);
    const withCredentials = await failure(
      outbound.download(`${allowed.url}/with-credentials`, { maxBytes: 1000 }),
    );
    expect(withCredentials.detail).toMatch(/credentials/);
    expect(allowed.hits.map((hit) => hit.url)).toEqual(["/outside", "/with-credentials"]);
    const followed = await outbound.download(`${allowed.url}/inside`, { maxBytes: 1000 });
    expect(followed.body.toString()).toBe("public bytes");
  });

  it("stops after the redirect limit, and POSTs never follow redirects", async () => {
    const loop = await receiver("127.0.0.1", (response) =>
      response.writeHead(307, { location: "/again" }).end(),
    );
    const error = await failure(client("127.0.0.1").download(`${loop.url}/start`, { maxBytes: 10 }));
    expect(error.reason).toBe("redirects");
    expect(loop.hits.map((hit) => hit.url)).toEqual(["/start", "/again", "/again", "/again"]);
    const posted = await client("127.0.0.1").postBody(`${loop.url}/hook`, '{"a":1}');
    expect(posted.status).toBe(307);
    expect(loop.hits.at(-1)?.url).toBe("/hook");
  });

  it("checks the addresses a name resolves to when it connects, not when the URL is read", async () => {
    const files = await receiver("127.0.0.1", (response, hit) => response.end(`host ${hit.headers.host}`));
    const url = `http://media.example.test:${files.port}/photo.jpg`;
    const strict = client("", { resolve: resolvingTo("127.0.0.1") });
    expect(strict.policy.urlRefusal(url)).toBeUndefined();
    const error = await failure(strict.download(url, { maxBytes: 100 }));
    expect(error.detail).toMatch(/^refused: media\.example\.test: .*loopback/);
    // One refused address among public ones refuses the name.
    const mixed = client("", { resolve: resolvingTo("93.184.215.14", "::ffff:127.0.0.1") });
    expect((await failure(mixed.download(url, { maxBytes: 100 }))).detail).toMatch(/^refused:/);
    expect(files.hits).toHaveLength(0);

    const allowed = client("127.0.0.0/8", { resolve: resolvingTo("127.0.0.1") });
    const fetched = await allowed.download(url, { maxBytes: 100 });
    expect(fetched.body.toString()).toBe(`host media.example.test:${files.port}`);
  });

  it("resolves with the system resolver, and a name on the allow list reaches any address", async () => {
    const files = await receiver("127.0.0.1");
    const url = `http://localhost:${files.port}/`;
    expect((await failure(client("127.0.0.0/8,::1").download(url, { maxBytes: 10 }))).detail).toMatch(
      /internal host \(localhost\)/,
    );
    expect((await client("localhost").download(url, { maxBytes: 10 })).body.toString()).toBe("ok");
  });

  it("keeps the URL's host name for TLS (SNI) when it connects to the resolved address", async () => {
    const certificate = await generate([{ name: "commonName", value: "media.example.test" }], {
      keyType: "ec",
    });
    const context = createSecureContext({ key: certificate.private, cert: certificate.cert });
    const servernames: string[] = [];
    const server = createTlsServer({
      key: certificate.private,
      cert: certificate.cert,
      SNICallback: (name, done) => {
        servernames.push(name);
        done(null, context);
      },
    });
    const port = await listen(server, "127.0.0.1");
    const outbound = client("127.0.0.1", { resolve: resolvingTo("127.0.0.1") });
    // The certificate is self-signed, so the handshake fails after the server saw the name.
    const error = await failure(outbound.download(`https://media.example.test:${port}/`, { maxBytes: 10 }));
    expect(error.detail).toMatch(/self-signed|SELF_SIGNED/i);
    expect(servernames).toEqual(["media.example.test"]);
  });
});

describe("outbound client limits", () => {
  it("stops reading a body past the size limit instead of reading it all", async () => {
    let closedEarly = false;
    const files = await receiver("127.0.0.1", (response) => {
      response.writeHead(200, { "content-type": "application/octet-stream" });
      let sent = 0;
      const timer = setInterval(() => {
        sent += 1;
        if (sent > 200) {
          clearInterval(timer);
          response.end();
        } else response.write(Buffer.alloc(16 * 1024, 7));
      }, 5);
      response.on("close", () => {
        clearInterval(timer);
        closedEarly = sent <= 200;
      });
    });
    const outbound = client("127.0.0.1");
    const error = await failure(outbound.download(`${files.url}/big`, { maxBytes: 64 * 1024 }));
    expect(error.reason).toBe("too-large");
    await expect.poll(() => closedEarly).toBe(true);
    const declared = await receiver("127.0.0.1", (response) =>
      response.writeHead(200, { "content-length": "1000000" }).end(Buffer.alloc(1_000_000)),
    );
    expect((await failure(outbound.download(declared.url, { maxBytes: 1000 }))).reason).toBe("too-large");
    const exact = await outbound.download(`${files.url}/big`, { maxBytes: 200 * 16 * 1024 });
    expect(exact.body.length).toBe(200 * 16 * 1024);
  });

  it("gives up on a server that never answers headers", async () => {
    const silent = await receiver("127.0.0.1", () => undefined);
    const started = Date.now();
    const error = await failure(
      client("127.0.0.1", { headersTimeoutMs: 300 }).download(silent.url, { maxBytes: 10 }),
    );
    expect(error.reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("bounds the whole body, even when bytes keep trickling in", async () => {
    const trickle = await receiver("127.0.0.1", (response) => {
      response.writeHead(200);
      const timer = setInterval(() => response.write("."), 50);
      response.on("close", () => clearInterval(timer));
    });
    const started = Date.now();
    const outbound = client("127.0.0.1", { bodyTimeoutMs: 500 });
    const error = await failure(outbound.download(trickle.url, { maxBytes: 1_000_000 }));
    expect(error.reason).toBe("timeout");
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("gives up on a connection that never completes its TLS handshake", async () => {
    const held: import("node:net").Socket[] = [];
    const port = await listen(
      createTcpServer((socket) => held.push(socket)),
      "127.0.0.1",
    );
    const started = Date.now();
    const outbound = client("127.0.0.1", { connectTimeoutMs: 300, headersTimeoutMs: 20_000 });
    const error = await failure(outbound.download(`https://127.0.0.1:${port}/`, { maxBytes: 10 }));
    expect(error.reason).toBe("unreachable");
    expect(error.detail).toMatch(/CONNECT_TIMEOUT/);
    expect(Date.now() - started).toBeLessThan(4000);
    for (const socket of held) socket.destroy();
  });
});
