// The linking page at /instances/:name/connect, driven in headless Chromium against the gateway
// and the local WhatsApp simulator: a token typed into the page, the live QR, the scan, the account.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InstanceQrDocument, RotateInstanceTokenDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp } from "../support/app.ts";
import { CHROMIUM, hasChromium, launchChromium } from "../support/browser.ts";
import { gql, rest } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import { startGateway, WhatsAppSimulator } from "../support/whatsapp.ts";

const ACCOUNT = "15551230101";
const WAIT = { timeout: 15_000 };

let sim: WhatsAppSimulator;
let running: RunningApp;
let browser: Browser;
let instance: InstanceFixture;
let shots: string;

/** A fresh page that records script errors and CSP violations the browser reports. */
async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 640, height: 900 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(`${running.url}${path}`);
  return { page, problems };
}

async function submitToken(page: Page, token: string) {
  await page.fill("#token", token);
  await page.click("button[type=submit]");
}

describe.skipIf(!hasChromium)(
  hasChromium
    ? "the connect page in headless Chromium"
    : `the connect page (skipped: no Chromium at ${CHROMIUM})`,
  () => {
    beforeAll(async () => {
      [sim, browser, shots] = await Promise.all([
        WhatsAppSimulator.start(),
        launchChromium(),
        mkdtemp(join(tmpdir(), "connect-page-")),
      ]);
      running = await startGateway(sim);
      instance = await createInstance(running.url);
    });
    afterAll(async () => {
      await browser?.close();
      await running?.stop();
      await sim?.stop();
      if (shots && !process.env.KEEP_SCREENSHOTS) await rm(shots, { recursive: true, force: true });
    });

    it("serves the HTML shell without a token, under a strict nonce-based CSP", async () => {
      const answer = await rest(running.url, "GET", `/instances/${instance.name}/connect`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
      const csp = answer.headers.get("content-security-policy") ?? "";
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("img-src data:");
      expect(answer.body).toContain(`<script nonce="${nonce}">`);
      const again = await rest(running.url, "GET", `/instances/${instance.name}/connect`);
      expect(again.headers.get("content-security-policy")).not.toContain(nonce);
      const spec = (await rest(running.url, "GET", "/openapi.json")).body as { paths: object };
      expect(Object.keys(spec.paths)).not.toContain("/instances/{name}/connect");
    });

    it("shows a readable error for a wrong token and for an unknown instance", async () => {
      const { page, problems } = await openPage(`/instances/${instance.name}/connect`);
      await expect.poll(() => page.textContent("#name"), WAIT).toBe(instance.name);
      await submitToken(page, "not-a-real-token");
      await page.waitForSelector("#error:not([hidden])", WAIT);
      expect(await page.textContent("#error")).toMatch(/token was not accepted/i);
      expect(await page.isVisible("#auth")).toBe(true);
      expect(await page.isVisible("#qr")).toBe(false);
      await page.screenshot({ path: join(shots, "wrong-token.png"), fullPage: true });

      // A token in the URL is used, then removed from the address bar.
      const unknown = await openPage(`/instances/nobody-here/connect?token=${ACCOUNT_TOKEN}&lang=en`);
      await unknown.page.waitForSelector("#error:not([hidden])", WAIT);
      expect(await unknown.page.textContent("#error")).toMatch(/nobody-here|not found/i);
      expect(new URL(unknown.page.url()).search).toBe("?lang=en");
      expect([...problems, ...unknown.problems]).toEqual([]);
      await page.close();
      await unknown.page.close();
    });

    it("shows the live QR, and the linked account once the phone scans it", async () => {
      const { page, problems } = await openPage(`/instances/${instance.name}/connect`);
      await submitToken(page, instance.token);
      await page.waitForSelector('#qr:not([hidden]) img[src^="data:image/png;base64,"]', WAIT);
      expect(await page.isVisible("#auth")).toBe(false);
      expect(await page.textContent("#status")).toMatch(/scan/i);
      await page.screenshot({ path: join(shots, "qr.png"), fullPage: true });

      const current = await gql(running.url, InstanceQrDocument, { id: instance.id }, instance.token);
      if (current.data?.instance.__typename !== "Instance" || !current.data.instance.qrcode) {
        throw new Error(`no QR code on the instance: ${JSON.stringify(current)}`);
      }
      const { code, dataUrl } = current.data.instance.qrcode;
      // The image on the page is the code the API reports.
      expect(await page.getAttribute("#qrimg", "src")).toBe(dataUrl);
      await sim.phone(ACCOUNT, "Carol's <b>Phone</b>").scan(code);

      await page.waitForSelector("#account:not([hidden])", WAIT);
      expect(await page.textContent("#jid")).toMatch(new RegExp(`^${ACCOUNT}(:\\d+)?@s\\.whatsapp\\.net$`));
      // Text, not markup.
      await expect.poll(() => page.textContent("#push"), WAIT).toBe("Carol's <b>Phone</b>");
      expect(await page.$("#push b")).toBeNull();
      expect(await page.isVisible("#qr")).toBe(false);
      expect(await page.textContent("#status")).toMatch(/linked/i);
      await page.screenshot({ path: join(shots, "linked.png"), fullPage: true });
      expect(problems).toEqual([]);

      // Opened again once linked, the page goes straight to the account.
      const again = await openPage(`/instances/${instance.name}/connect?token=${instance.token}`);
      await again.page.waitForSelector("#account:not([hidden])", WAIT);
      expect(await again.page.textContent("#push")).toBe("Carol's <b>Phone</b>");
      expect(again.problems).toEqual([]);
      await page.close();
      await again.page.close();
    });

    it("follows the rotating codes and offers a new one when they run out", async () => {
      const quick = await startGateway(sim, { WA_QR_TIMEOUT_MS: "300" });
      try {
        const other = await createInstance(quick.url);
        const page = await browser.newPage();
        await page.goto(`${quick.url}/instances/${other.name}/connect?token=${other.token}`);
        await page.waitForSelector("#qr:not([hidden]) img", WAIT);
        await expect.poll(() => page.textContent("#status"), WAIT).toMatch(/\(code [2-9]\)/);
        await page.waitForSelector("#retry:not([hidden])", WAIT);
        expect(await page.textContent("#status")).toMatch(/no phone scanned/i);
        expect(await page.isVisible("#qr")).toBe(false);
        await page.screenshot({ path: join(shots, "refused.png"), fullPage: true });
        await page.click("#retry");
        await page.waitForSelector('#qr:not([hidden]) img[src^="data:image/png;base64,"]', WAIT);
        expect(await page.isVisible("#retry")).toBe(false);

        // A token revoked while the page is open: the gateway closes the connection it opened,
        // and the page asks for a token again.
        await page.waitForSelector("#retry:not([hidden])", WAIT);
        const rotated = await gql(quick.url, RotateInstanceTokenDocument, { id: other.id }, ACCOUNT_TOKEN);
        expect(rotated.data?.rotateInstanceToken.__typename).toBe("InstanceWithToken");
        await page.waitForSelector("#error:not([hidden])", WAIT);
        expect(await page.textContent("#error")).toMatch(/token was not accepted/i);
        expect(await page.isVisible("#auth")).toBe(true);
        await page.close();
      } finally {
        await quick.stop();
      }
    });
  },
);
