import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** How a delivery attempt ended: a 2xx, 410 Gone (the webhook is turned off), anything else. */
export type AttemptOutcome = "success" | "failure" | "gone";
const OUTCOMES: AttemptOutcome[] = ["success", "failure", "gone"];

/** Where a client too slow to keep up was dropped. */
export type SlowClientSink = "subscription" | "ws";

const CONNECTION_STATES = ["open", "connecting", "close", "refused"] as const;

/** One webhook's backlog: events after its cursor, and how long the first of them has waited. */
export interface WebhookBacklog {
  webhookId: string;
  lag: number;
  oldestAgeSeconds: number;
}

/** What the gauges read on each scrape, supplied by the parts that own the numbers. */
export interface MetricProbes {
  sessionStatuses(): Iterable<string>;
  subscriptionStreams(): number;
  graphqlSockets(): number;
  wsClients(): number;
  eventLogRows(): Promise<number>;
  webhookBacklogs(): Promise<WebhookBacklog[]>;
}

/** What the event path reports as it goes; every call is a few counter increments. */
export interface MetricsRecorder {
  eventsCommitted(events: readonly { type: string }[]): void;
  webhookAttempt(webhookId: string, outcome: AttemptOutcome, seconds: number): void;
  /** The webhook was deleted: its series go with it. */
  forgetWebhook(webhookId: string): void;
  slowClientDropped(sink: SlowClientSink): void;
  sessionClosed(reason: string, action: string): void;
}

/** Counting the Event table is a scan: done at most this often, whatever the scrape rate. */
const EVENT_LOG_COUNT_EVERY_MS = 15_000;

/**
 * The gateway's Prometheus metrics, in a registry of its own: several gateways in one
 * process (tests) must not share series. Counters move as things happen; gauges are read
 * from their probes when scraped, so idle parts cost nothing.
 */
export class GatewayMetrics implements MetricsRecorder {
  readonly registry = new Registry();
  private probes: Partial<MetricProbes> = {};
  private readonly logRows: { value: number; at: number; pending?: Promise<number> } = {
    value: 0,
    at: Number.NEGATIVE_INFINITY,
  };
  private readonly events: Counter<"type">;
  private readonly attempts: Counter<"webhook" | "outcome">;
  private readonly attemptSeconds: Histogram<"webhook" | "outcome">;
  private readonly slowClients: Counter<"sink">;
  private readonly closes: Counter<"reason" | "action">;

  constructor(options: { processMetrics: boolean }) {
    const registers = [this.registry];
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
    this.events = new Counter({
      name: "wagraph_events_total",
      help: "Events committed to the event log, by type",
      labelNames: ["type"],
      registers,
    });
    this.attempts = new Counter({
      name: "wagraph_webhook_attempts_total",
      help: "Webhook delivery attempts, by webhook and outcome (success, failure, gone)",
      labelNames: ["webhook", "outcome"],
      registers,
    });
    this.attemptSeconds = new Histogram({
      name: "wagraph_webhook_attempt_duration_seconds",
      help: "How long a webhook delivery attempt took, by webhook and outcome",
      labelNames: ["webhook", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.slowClients = new Counter({
      name: "wagraph_slow_clients_dropped_total",
      help: "Clients dropped for falling behind, by sink (subscription, ws)",
      labelNames: ["sink"],
      registers,
    });
    this.closes = new Counter({
      name: "wagraph_session_closes_total",
      help: "WhatsApp connections closed, by reason and what the engine did (reconnect-now, reconnect-backoff, logged-out, replaced, refused)",
      labelNames: ["reason", "action"],
      registers,
    });
    this.gauges(registers);
  }

  /** Parts created later (the engine, the HTTP server) hand in what they can report. */
  watch(probes: Partial<MetricProbes>): void {
    Object.assign(this.probes, probes);
  }

  /** The exposition text, and its content type. */
  async scrape(): Promise<{ text: string; contentType: string }> {
    return { text: await this.registry.metrics(), contentType: this.registry.contentType };
  }

  eventsCommitted(events: readonly { type: string }[]): void {
    // One increment per type in the batch, not per event.
    if (events.length === 1) {
      this.events.inc({ type: events[0].type });
      return;
    }
    const counts = new Map<string, number>();
    for (const { type } of events) counts.set(type, (counts.get(type) ?? 0) + 1);
    for (const [type, count] of counts) this.events.inc({ type }, count);
  }

  webhookAttempt(webhookId: string, outcome: AttemptOutcome, seconds: number): void {
    this.attempts.inc({ webhook: webhookId, outcome });
    this.attemptSeconds.observe({ webhook: webhookId, outcome }, seconds);
  }

  forgetWebhook(webhookId: string): void {
    for (const outcome of OUTCOMES) {
      this.attempts.remove({ webhook: webhookId, outcome });
      this.attemptSeconds.remove({ webhook: webhookId, outcome });
    }
  }

  slowClientDropped(sink: SlowClientSink): void {
    this.slowClients.inc({ sink });
  }

  sessionClosed(reason: string, action: string): void {
    this.closes.inc({ reason, action });
  }

  private gauges(registers: Registry[]): void {
    const probes = this.probes;
    new Gauge({
      name: "wagraph_instances",
      help: "Instances running in this process, by connection state",
      labelNames: ["state"],
      registers,
      collect() {
        const counts = new Map<string, number>(CONNECTION_STATES.map((state) => [state, 0]));
        for (const status of probes.sessionStatuses?.() ?? [])
          counts.set(status, (counts.get(status) ?? 0) + 1);
        for (const [state, count] of counts) this.set({ state }, count);
      },
    });
    const single = (name: string, help: string, read: () => number | undefined) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read() ?? 0);
        },
      });
    single("wagraph_subscription_streams", "Open GraphQL subscription streams", () =>
      probes.subscriptionStreams?.(),
    );
    single("wagraph_graphql_ws_connections", "Open graphql-ws connections", () => probes.graphqlSockets?.());
    single("wagraph_ws_clients", "Clients of the /ws event streams", () => probes.wsClients?.());
    const rows = () => this.eventLogRows();
    new Gauge({
      name: "wagraph_event_log_rows",
      help: `Rows in the event log (counted at most every ${EVENT_LOG_COUNT_EVERY_MS / 1000} s)`,
      registers,
      async collect() {
        this.set(await rows());
      },
    });
    // Both gauges come from one backlog reading per scrape.
    let reading: Promise<WebhookBacklog[]> | undefined;
    const backlogs = () => {
      reading ??= Promise.resolve(probes.webhookBacklogs?.() ?? []).finally(() => {
        reading = undefined;
      });
      return reading;
    };
    const perWebhook = (name: string, help: string, value: (backlog: WebhookBacklog) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ["webhook"],
        registers,
        async collect() {
          const list = await backlogs();
          // Webhooks deleted or disabled since the last scrape lose their series.
          this.reset();
          for (const backlog of list) this.set({ webhook: backlog.webhookId }, value(backlog));
        },
      });
    perWebhook(
      "wagraph_webhook_lag_events",
      "Events after an enabled webhook's cursor (its backlog), by webhook",
      (backlog) => backlog.lag,
    );
    perWebhook(
      "wagraph_webhook_oldest_undelivered_seconds",
      "Age of the oldest event an enabled webhook has not delivered yet (0 when caught up), by webhook",
      (backlog) => backlog.oldestAgeSeconds,
    );
  }

  private eventLogRows(): Promise<number> {
    const count = this.probes.eventLogRows;
    const cache = this.logRows;
    if (!count || Date.now() - cache.at < EVENT_LOG_COUNT_EVERY_MS) return Promise.resolve(cache.value);
    cache.pending ??= count()
      .then(
        (value) => {
          cache.value = value;
          cache.at = Date.now();
          return value;
        },
        // A failed count keeps the last value and is tried again at the next scrape.
        () => cache.value,
      )
      .finally(() => {
        cache.pending = undefined;
      });
    return cache.pending;
  }
}
