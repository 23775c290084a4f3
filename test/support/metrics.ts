// Reads GET /metrics: the Prometheus text format, parsed sample by sample.
import { expect } from "vitest";
import { ACCOUNT_TOKEN } from "./app.ts";
import { rest } from "./clients.ts";
import type { Outcome } from "./matrix-outcomes.ts";

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const ESCAPES: Record<string, string> = { n: "\n", "\\": "\\", '"': '"' };

/** `name{label="value",…} number` lines; comments (HELP, TYPE) and blank lines skipped. */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const nameEnd = line.search(/[{ ]/);
    const name = line.slice(0, nameEnd);
    const labels: Record<string, string> = {};
    let at = nameEnd;
    if (line[at] === "{") {
      at += 1;
      while (line[at] !== "}") {
        const equals = line.indexOf("=", at);
        const label = line.slice(at, equals);
        if (line[equals + 1] !== '"') throw new Error(`unquoted label value in: ${line}`);
        let value = "";
        at = equals + 2;
        while (line[at] !== '"') {
          if (line[at] === "\\") {
            value += ESCAPES[line[at + 1]] ?? line[at + 1];
            at += 2;
          } else value += line[at++];
          if (at >= line.length) throw new Error(`unterminated label value in: ${line}`);
        }
        labels[label] = value;
        at += 1;
        if (line[at] === ",") at += 1;
      }
      at += 1;
    }
    const [value] = line.slice(at).trim().split(" ");
    samples.push({ name, labels, value: Number(value) });
  }
  return samples;
}

export interface Scrape {
  samples: Sample[];
  /** The sum of the samples of that name whose labels include those given (0 when none). */
  value(name: string, labels?: Record<string, string>): number;
  /** Whether some sample of that name (and labels) is exposed at all. */
  has(name: string, labels?: Record<string, string>): boolean;
}

function matching(samples: Sample[], name: string, labels: Record<string, string>) {
  return samples.filter(
    (sample) =>
      sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
}

/** GET /metrics with a token as a Bearer header; throws unless answered 200. */
export async function scrape(base: string, token = ACCOUNT_TOKEN): Promise<Scrape> {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}: ${text}`);
  const samples = parseExposition(text);
  return {
    samples,
    value: (name, labels = {}) =>
      matching(samples, name, labels).reduce((sum, sample) => sum + sample.value, 0),
    has: (name, labels = {}) => matching(samples, name, labels).length > 0,
  };
}

/** GET /metrics: plain-text refusals, 401 without a valid token, 403 for an instance token. */
export async function metricsOutcome(base: string, token: string | undefined): Promise<Outcome> {
  const answer = await rest(base, "GET", "/metrics", {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (answer.status === 200 && String(answer.body).includes("wagraph_instances")) return "allowed";
  if (answer.status === 401) {
    expect(answer.body).toBe("Unauthorized: a valid token is required\n");
    return "unauthorized";
  }
  if (answer.status === 403) {
    expect(answer.body).toBe("Forbidden: metrics need the account token\n");
    return "forbidden";
  }
  throw new Error(`unexpected answer for GET /metrics: ${answer.status} ${JSON.stringify(answer.body)}`);
}
