// Cross-origin access: none by default, only the listed origins when set, never with credentials.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";

const ALLOWED = "https://app.example.com";
let closed: RunningApp;
let open: RunningApp;
beforeAll(async () => {
  closed = await startApp();
  open = await startApp({ CORS_ORIGINS: `${ALLOWED}, https://other.example.com:8443` });
});
afterAll(async () => {
  await closed.stop();
  await open.stop();
});

const preflight = (base: string, origin: string, path = "/graphql") =>
  fetch(`${base}${path}`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type",
    },
  });

const query = (base: string, origin: string) =>
  fetch(`${base}/graphql`, {
    method: "POST",
    headers: { origin, "content-type": "application/json", authorization: `Bearer ${ACCOUNT_TOKEN}` },
    body: JSON.stringify({ query: "{ instances { totalCount } }" }),
  });

describe("CORS", () => {
  it("allows no origin by default, not even the one a request names", async () => {
    for (const answer of [await preflight(closed.url, ALLOWED), await query(closed.url, ALLOWED)]) {
      expect(answer.headers.get("access-control-allow-origin")).toBeNull();
      expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("allows the listed origins on GraphQL and REST paths, without credentials", async () => {
    const allowed = await preflight(open.url, ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    const rest = await preflight(open.url, "https://other.example.com:8443", "/instance/delete/x");
    expect(rest.headers.get("access-control-allow-origin")).toBe("https://other.example.com:8443");
    const answered = await query(open.url, ALLOWED);
    expect(answered.status).toBe(200);
    expect(answered.headers.get("access-control-allow-origin")).toBe(ALLOWED);
  });

  it("does not reflect an origin that is not listed", async () => {
    for (const origin of ["https://evil.example", "https://app.example.com.evil.example", "null"]) {
      const answers = [await preflight(open.url, origin), await query(open.url, origin)];
      for (const answer of answers) expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("refuses a setting that is not a list of origins", () => {
    for (const value of ["https://app.example.com/path", "app.example.com", "https://a.example, nope"]) {
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
    }
    expect(loadConfig({ CORS_ORIGINS: "*" }).CORS_ORIGINS).toEqual(["*"]);
  });
});
