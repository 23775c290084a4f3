/** One GraphQL POST; throws on transport errors and on GraphQL errors. */
export async function graphql<T = any>(
  url: string,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data) {
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return body.data;
}

const CREATE_INSTANCE = `mutation ($input: CreateInstanceInput!) {
  createInstance(input: $input) { __typename ... on InstanceWithToken { instance { id } } ... on Error { message } }
}`;
const CREATE_WEBHOOK = `mutation ($instanceId: ID!, $input: CreateWebhookInput!) {
  createWebhook(instanceId: $instanceId, input: $input) { __typename ... on Error { message } }
}`;
const SET_SOCKET = `mutation ($instanceId: ID!, $input: SetSocketInput!) {
  setSocket(instanceId: $instanceId, input: $input) { __typename ... on Error { message } }
}`;

function expectType(result: { __typename: string; message?: string }, typename: string): void {
  if (result.__typename !== typename) throw new Error(`expected ${typename}: ${JSON.stringify(result)}`);
}

/** `count` instances, each with two enabled webhooks and an enabled socket, through the API. */
export async function seed(url: string, token: string, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const name = `bench-${String(index).padStart(3, "0")}`;
    const created = await graphql(url, token, CREATE_INSTANCE, { input: { name } });
    expectType(created.createInstance, "InstanceWithToken");
    const instanceId: string = created.createInstance.instance.id;
    for (const hook of ["a", "b"]) {
      const input = { name: hook, url: `https://example.com/hook-${hook}`, enabled: true };
      const webhook = await graphql(url, token, CREATE_WEBHOOK, { instanceId, input });
      expectType(webhook.createWebhook, "Webhook");
    }
    const socket = await graphql(url, token, SET_SOCKET, { instanceId, input: { enabled: true } });
    expectType(socket.setSocket, "Socket");
  }
}
