// GraphiQL at /graphql, served from the gateway's own files: driven in headless Chromium with
// every other host unreachable, it loads, takes a token in its Headers tab, loads the schema,
// runs a query over HTTP and a subscription over graphql-ws.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RotateInstanceTokenDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { CHROMIUM, hasChromium, launchChromium } from "../support/browser.ts";
import { gql, rest } from "../support/clients.ts";
import { createInstance } from "../support/fixtures.ts";

// Generous: Chromium parses about 6 MB of script on a machine that may be busy.
const WAIT = { timeout: 45_000 };
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

const isLocal = (address: string) => {
  const url = new URL(address);
  return url.protocol === "data:" || url.protocol === "blob:" || LOOPBACK.has(url.hostname);
};

let running: RunningApp;
let browser: Browser;

/** Replaces the content of one of GraphiQL's editors the way a user pastes text. */
async function paste(page: Page, editor: string, text: string) {
  const input = page.locator(`section[aria-label="${editor}"] .graphiql-editor:not(.hidden) textarea`);
  await input.focus();
  await page.keyboard.press("Control+A");
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("Control+V");
}

/** The result pane's text; the editor renders spaces as no-break spaces. */
async function resultText(page: Page): Promise<string> {
  const text = await page.locator('section[aria-label="Result Window"]').textContent();
  return (text ?? "").replace(/\s+/g, " ");
}
const compact = (text: string) => text.replace(/\s+/g, "");

describe.skipIf(!hasChromium)(
  hasChromium ? "GraphiQL in headless Chromium, offline" : `GraphiQL (skipped: no Chromium at ${CHROMIUM})`,
  () => {
    beforeAll(async () => {
      [running, browser] = await Promise.all([
        startApp(),
        launchChromium([
          // A second wall behind the request routing below: no other host even resolves.
          "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        ]),
      ]);
    });
    afterAll(async () => {
      await browser?.close();
      await running?.stop();
    });

    it("serves the page and its files itself, under a CSP without inline scripts", async () => {
      const page = await rest(running.url, "GET", "/graphql", { headers: { accept: "text/html" } });
      expect(page.status).toBe(200);
      const html = String(page.body);
      const csp = page.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("connect-src 'self'");
      expect(page.headers.get("cache-control")).toBe("no-store");
      const links = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
      expect(links.length).toBe(5);
      for (const link of links) {
        expect(link).toMatch(/^graphiql\/[\w.-]+\.[0-9a-f]{12}\.(js|css|ico)$/);
        const file = await fetch(new URL(link, `${running.url}/graphql`));
        expect(file.status).toBe(200);
        expect(file.headers.get("cache-control")).toContain("immutable");
        await file.arrayBuffer();
      }
      const missing = await rest(running.url, "GET", "/graphiql/graphiql.000000000000.js");
      expect(missing.status).toBe(404);

      const without = await startApp({ GRAPHIQL: "false" });
      try {
        const noPage = await rest(without.url, "GET", "/graphql", { headers: { accept: "text/html" } });
        expect(noPage.headers.get("content-type")).not.toMatch(/text\/html/);
        expect((await rest(without.url, "GET", `/${links[0]}`)).status).toBe(404);
      } finally {
        await without.stop();
      }
    });

    it("takes a token in the Headers tab, then loads the schema, runs a query and a subscription", async () => {
      const instance = await createInstance(running.url);
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        permissions: ["clipboard-read", "clipboard-write"],
      });
      const foreign: string[] = [];
      await context.route("**/*", (route) => {
        if (isLocal(route.request().url())) return route.continue();
        foreign.push(route.request().url());
        return route.abort();
      });
      const page = await context.newPage();
      const sockets: string[] = [];
      const problems: string[] = [];
      const workers: string[] = [];
      page.on("websocket", (socket) => sockets.push(socket.url()));
      page.on("worker", (worker) =>
        workers.push(new URL(worker.url()).pathname.replace(/\.[0-9a-f]{12}\.js$/, "")),
      );
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("console", (message) => {
        // The anonymous schema requests at load are refused with 401, as they should be.
        if (message.type() === "error" && !/status of 401/.test(message.text()))
          problems.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });

      await page.goto(`${running.url}/graphql`);
      // Without a token the schema request is refused, and the answer says why.
      await expect.poll(() => resultText(page), WAIT).toContain("A valid token is required");

      // A subscription with the template's placeholder token: the socket is refused.
      const subscription = `subscription { instanceEvents(instanceId: "${instance.id}", types: [newJwt]) { type data } }`;
      await paste(page, "Operation Editor", subscription);
      await page.click('button[aria-label^="Execute query"]');
      await expect.poll(() => resultText(page), WAIT).toContain("The gateway refused the token");

      // The token pasted into the Headers tab: the schema loads without another click.
      await paste(page, "Headers", JSON.stringify({ Authorization: `Bearer ${ACCOUNT_TOKEN}` }));
      await page.click('button[aria-label="Show Documentation Explorer"]');
      await page.waitForSelector(".graphiql-doc-explorer >> text=subscription: Subscription", WAIT);

      await paste(page, "Operation Editor", "{ instances { totalCount } }");
      await page.click('button[aria-label^="Execute query"]');
      await expect
        .poll(async () => compact(await resultText(page)), WAIT)
        .toBe('{"data":{"instances":{"totalCount":1}}}');

      const listeners = running.app.services.bus.listenerCount();
      await paste(page, "Operation Editor", subscription);
      await page.click('button[aria-label^="Execute query"]');
      await expect.poll(() => running.app.services.bus.listenerCount(), WAIT).toBe(listeners + 1);
      const rotated = await gql(running.url, RotateInstanceTokenDocument, { id: instance.id }, ACCOUNT_TOKEN);
      if (rotated.data?.rotateInstanceToken.__typename !== "InstanceWithToken")
        throw new Error("no rotation");
      const jwt = rotated.data.rotateInstanceToken.token;
      await expect
        .poll(async () => compact(await resultText(page)), WAIT)
        .toBe(`{"data":{"instanceEvents":{"type":"newJwt","data":{"jwt":"${jwt}"}}}}`);

      // Headers stay out of storage unless the user opts in, which the settings offer.
      expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(ACCOUNT_TOKEN);
      await page.click('button[aria-label="Open settings dialog"]');
      await page.waitForSelector("text=Persist headers", WAIT);

      // Everything came from the gateway: no other host was even tried, and the editor's
      // workers run from its files.
      expect(foreign).toEqual([]);
      expect(sockets.length).toBeGreaterThan(0);
      expect(sockets.filter((url) => !isLocal(url))).toEqual([]);
      expect(workers.every((path) => /^\/graphiql\/(editor|graphql|json)\.worker$/.test(path))).toBe(true);
      expect(workers).toEqual(
        expect.arrayContaining(["/graphiql/editor.worker", "/graphiql/graphql.worker"]),
      );
      expect(problems).toEqual([]);
      await context.close();
    }, 180_000);

    it("loads the schema when the token is pasted while the first schema request still runs", async () => {
      const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
      let held = 0;
      await context.route("**/graphql", async (route) => {
        // Holds the anonymous schema requests made at load, so the paste lands during them.
        if (
          route.request().method() === "POST" &&
          !route.request().headers().authorization?.includes(ACCOUNT_TOKEN)
        ) {
          held += 1;
          await new Promise((resolve) => setTimeout(resolve, 3000));
        }
        return route.continue();
      });
      const page = await context.newPage();
      await page.goto(`${running.url}/graphql`);
      await expect.poll(() => held, WAIT).toBeGreaterThan(0);
      await paste(page, "Headers", JSON.stringify({ Authorization: `Bearer ${ACCOUNT_TOKEN}` }));
      await page.click('button[aria-label="Show Documentation Explorer"]');
      await page.waitForSelector(".graphiql-doc-explorer >> text=subscription: Subscription", WAIT);
      await context.close();
    }, 180_000);
  },
);
