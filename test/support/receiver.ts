// A webhook receiver on loopback: records every request, answers as the test says.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  /** The request's path and query. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Receiver {
  url: string;
  hits: Received[];
  /** Decides each answer; the default answers 204 at once. */
  answer: (hit: Received, response: ServerResponse) => void | Promise<void>;
  /** Waits until `count` requests arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const hits: Received[] = [];
  const waiters = new Set<() => void>();
  const receiver: Receiver = {
    url: "",
    hits,
    answer: (_hit, response) => void response.writeHead(204).end(),
    async waitFor(count, timeoutMs = 20_000) {
      const started = Date.now();
      while (hits.length < count) {
        if (Date.now() - started > timeoutMs) {
          throw new Error(`receiver got ${hits.length} of ${count} requests within ${timeoutMs} ms`);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 100);
          waiters.add(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return hits;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const hit = {
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      hits.push(hit);
      for (const wake of waiters) wake();
      waiters.clear();
      void receiver.answer(hit, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}
