// How the authorization matrix reads an answer: "allowed" only for a success answer, the
// documented refusals otherwise; anything else fails the test with the answer.
import { expect } from "vitest";
import { rest } from "./clients.ts";
import type { InstanceFixture } from "./fixtures.ts";
import { openStream, type Refusal } from "./ws-streams.ts";

export type Outcome = "allowed" | "hidden" | "forbidden" | "unauthenticated" | "unauthorized";

/** What an operation works on; `fresh` targets are made per caller for calls that consume them. */
export interface Target {
  instance: InstanceFixture;
  webhook: { id: string; webhookId: string };
  message: { id: string; keyId: string; chatJid: string };
  /** A delivery of a disabled webhook (no pump rewrites it): what redeliverWebhookEvent takes. */
  deliveryId: string;
}

export interface MatrixContext {
  base: string;
  contact: string;
  /** A target that calls may change but not consume (sends, updates, reads). */
  shared: Target;
  /** A new target of the kind asked, for calls that consume theirs (delete, rotate, logout). */
  fresh(kind: "plain" | "linked"): Promise<Target>;
}

export interface Operation {
  name: string;
  /** The GraphQL root field, or the REST method and path template. */
  covers: string;
  /** "websocket": an upgrade, refused with an HTTP answer in RyzeAPI's shape. */
  api: "graphql" | "rest" | "websocket";
  accountOnly?: boolean;
  /** How a valid token the operation does not allow is refused, when not the API's usual way. */
  denied?: Outcome;
  /** Which target the allowed callers use. */
  target: "shared" | "plain" | "linked";
  run(context: MatrixContext, target: Target, token: string | undefined): Promise<Outcome>;
}

const REFUSAL = {
  errors: [{ message: "A valid token is required", extensions: { code: "UNAUTHENTICATED" } }],
};

export async function graphql(base: string, query: string, variables: object, token?: string) {
  return rest(base, "POST", "/graphql", {
    body: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** A GraphQL call's outcome: its field must be the success type, ForbiddenError, or the 401. */
export async function fromGraphQL(
  answer: Promise<{ status: number; body: any }>,
  field: string,
  success: string,
): Promise<Outcome> {
  const { status, body } = await answer;
  if (status === 401) {
    expect(body).toEqual(REFUSAL);
    return "unauthenticated";
  }
  const value = body?.data?.[field];
  if (status === 200 && !body.errors && value?.__typename === success) return "allowed";
  if (status === 200 && !body.errors && value?.__typename === "ForbiddenError") return "forbidden";
  throw new Error(`unexpected answer for ${field}: ${status} ${JSON.stringify(body)}`);
}

/** node/nodes answer null for what the token does not reach. */
export async function fromNodes(
  answer: Promise<{ status: number; body: any }>,
  success: string,
): Promise<Outcome> {
  const { status, body } = await answer;
  if (status === 401) {
    expect(body).toEqual(REFUSAL);
    return "unauthenticated";
  }
  const values: ({ __typename?: string } | null | undefined)[] =
    body?.data && "node" in body.data ? [body.data.node] : (body?.data?.nodes ?? [undefined]);
  if (status === 200 && !body.errors && values.every((value) => value?.__typename === success))
    return "allowed";
  if (status === 200 && !body.errors && values.every((value) => value === null)) return "hidden";
  throw new Error(`unexpected node answer: ${status} ${JSON.stringify(body)}`);
}

type Family = "codechat" | "evolution" | "ryze";
const REST_REFUSAL: Record<Family, unknown> = {
  codechat: { message: [expect.any(String)], error: "Unauthorized", statusCode: 401 },
  evolution: { error: true, message: "Unauthorized" },
  ryze: { success: false, error: { message: "Invalid token" } },
};
const HEADER: Record<Family, string> = { codechat: "authorization", evolution: "apikey", ryze: "token" };

export async function fromRest(
  family: Family,
  base: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<Outcome> {
  const value = family === "codechat" && token ? `Bearer ${token}` : token;
  const answer = await rest(base, method, path, { headers: value ? { [HEADER[family]]: value } : {}, body });
  if (answer.status >= 200 && answer.status < 300) return "allowed";
  if (answer.status === 401) {
    expect(answer.body).toEqual(REST_REFUSAL[family]);
    return "unauthorized";
  }
  throw new Error(`unexpected answer for ${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** A /ws upgrade's outcome: a WebSocket opened, or its refusal before the upgrade. */
export async function fromUpgrade(base: string, path: string, token: string | undefined): Promise<Outcome> {
  const gateway = { wsUrl: base.replace(/^http/, "ws") };
  let refusal: Refusal;
  try {
    const stream = await openStream(gateway, path, { token });
    stream.ws.terminate();
    return "allowed";
  } catch (error) {
    if ((error as Partial<Refusal>).status === undefined) throw error;
    refusal = error as Refusal;
  }
  if (refusal.status === 401) {
    expect(refusal.body).toEqual(REST_REFUSAL.ryze);
    return "unauthorized";
  }
  if (refusal.status === 403) {
    expect(refusal.body).toEqual({ success: false, error: { message: expect.any(String) } });
    return "forbidden";
  }
  throw new Error(`unexpected answer for ${path}: ${refusal.status} ${JSON.stringify(refusal.body)}`);
}
