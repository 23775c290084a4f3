import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

/** `events`: one frame per event (instanceEvents); `batches`: instanceEventBatches. */
export type SubscriptionMode = "events" | "batches";

const SUBSCRIPTIONS: Record<SubscriptionMode, string> = {
  events: `subscription ($id: ID!) {
  instanceEvents(instanceId: $id, types: [messagesUpsert]) { type }
}`,
  batches: `subscription ($id: ID!) {
  instanceEventBatches(instanceId: $id, types: [messagesUpsert], maxBatchSize: 500) { type }
}`,
};

/**
 * Counts the `messagesUpsert` events the gateway publishes for one instance, over a
 * graphql-ws subscription (the path a client of the gateway takes).
 */
export class EventCounter {
  count = 0;
  /** Frames received: equal to count for `events`, fewer for `batches`. */
  frames = 0;
  /** performance.now() of the last event. */
  lastAt = 0;
  /** Set when the server ended the subscription with an error (e.g. a slow-consumer drop). */
  error: string | undefined;
  ended = false;
  private readonly client: Client;
  private readonly unsubscribe: () => void;

  constructor(url: string, token: string, instanceId: string, mode: SubscriptionMode) {
    this.client = createClient({
      url: `${url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
    });
    this.unsubscribe = this.client.subscribe<Record<string, unknown>>(
      { query: SUBSCRIPTIONS[mode], variables: { id: instanceId } },
      {
        next: (value) => {
          if (value.errors) this.error = JSON.stringify(value.errors).slice(0, 300);
          else {
            const data = value.data?.instanceEvents ?? value.data?.instanceEventBatches;
            this.count += Array.isArray(data) ? data.length : 1;
            this.frames++;
            this.lastAt = performance.now();
          }
        },
        error: (error) => {
          this.ended = true;
          this.error = error instanceof Error ? error.message : JSON.stringify(error).slice(0, 300);
        },
        complete: () => {
          this.ended = true;
        },
      },
    );
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.client.dispose();
  }
}
