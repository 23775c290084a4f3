// Resuming a subscription: the events a client missed, read from the log, then the live ones,
// with neither a gap nor a duplicate between them.
import type { Caller } from "../auth/access.ts";
import type { PrismaClient } from "../db/client.ts";
import { ValidationError } from "../errors.ts";
import type { EventStream } from "./bus.ts";
import type { EventLog } from "./log.ts";
import { type EventType, type GatewayEvent, StoredEvent } from "./types.ts";

/** Most missed events one subscription may ask to replay, per instance. */
export const MAX_REPLAY = 10_000;
const PAGE_SIZE = 128;

/** Where a client left an instance's events: it saw every event up to `afterSeq`. */
export interface ResumePoint {
  instanceId: string;
  afterSeq: number;
}

/** The log cannot give back what the client asks for: it must start over from the stored data. */
export class ReplayUnavailableError extends Error {}

interface ReplayQuery {
  types: readonly EventType[] | undefined;
  /** An instance token never sees newJwt live (its streams end first), so not in a replay either. */
  hidden: readonly EventType[];
}

function queryFor(types: readonly EventType[] | undefined, owner: Caller | undefined): ReplayQuery {
  return { types: types?.length ? types : undefined, hidden: owner?.kind === "instance" ? ["newJwt"] : [] };
}

function whereOf(point: ResumePoint, query: ReplayQuery, afterSeq = point.afterSeq) {
  return {
    instanceId: point.instanceId,
    seq: { gt: afterSeq },
    type: { ...(query.types ? { in: [...query.types] } : {}), notIn: [...query.hidden] },
  };
}

/**
 * Refuses, before anything is sent, a resume point the log cannot serve: past the instance's
 * last event, older than what retention kept, or more than MAX_REPLAY events behind.
 */
export async function checkResumePoints(
  prisma: PrismaClient,
  log: Pick<EventLog, "lastSeqOf">,
  points: readonly ResumePoint[],
  types: readonly EventType[] | undefined,
  owner: Caller | undefined,
): Promise<void> {
  const query = queryFor(types, owner);
  for (const point of points) {
    if (!Number.isInteger(point.afterSeq) || point.afterSeq < 0) {
      throw new ValidationError([{ path: "afterSeq", message: "must be a whole number, 0 or more" }]);
    }
    const last = await log.lastSeqOf(point.instanceId);
    if (point.afterSeq > last) {
      throw new ReplayUnavailableError(
        `afterSeq ${point.afterSeq} is past the last event (${last}) of instance ${point.instanceId}`,
      );
    }
    if (point.afterSeq === last) continue;
    const oldest = await prisma.event.aggregate({
      where: { instanceId: point.instanceId },
      _min: { seq: true },
    });
    const kept = oldest._min.seq ?? last + 1;
    if (kept > point.afterSeq + 1) {
      throw new ReplayUnavailableError(
        `events ${point.afterSeq + 1}-${kept - 1} of instance ${point.instanceId} are no longer in the log`,
      );
    }
    const missed = await prisma.event.count({ where: whereOf(point, query) });
    if (missed > MAX_REPLAY) {
      throw new ReplayUnavailableError(
        `${missed} events of instance ${point.instanceId} were missed; a resume replays at most ${MAX_REPLAY}`,
      );
    }
  }
}

/**
 * The logged events after each resume point, then the live stream. `live` must be subscribed
 * before this starts. While an instance's backlog is read, its live events are not kept (the
 * log has them); once a read comes back short the replay has caught up, and its live events
 * after that read are kept. One more read, started after that, covers what was committed in
 * between: what it returns is dropped from the live buffer (`skipThrough`), so every event is
 * sent once, and the live buffer only ever holds what came in during the last page or two.
 */
export async function* replayThenLive<T>(
  prisma: PrismaClient,
  live: EventStream<T>,
  points: readonly ResumePoint[],
  types: readonly EventType[] | undefined,
  owner: Caller | undefined,
  shape: (page: GatewayEvent[]) => Iterable<T>,
): AsyncGenerator<T, void, unknown> {
  const query = queryFor(types, owner);
  try {
    for (const point of points) live.skipThrough(point.instanceId, Number.POSITIVE_INFINITY);
    for (const point of points) {
      let after = point.afterSeq;
      let keepingLive = false;
      while (true) {
        live.throwIfEnded();
        const readWhileKeeping = keepingLive;
        const rows = await prisma.event.findMany({
          where: whereOf(point, query, after),
          orderBy: { seq: "asc" },
          take: PAGE_SIZE,
        });
        if (rows.length > 0) after = rows[rows.length - 1].seq;
        // Behind by a page or more: the live events are not kept (again) until the log is caught up.
        keepingLive = rows.length < PAGE_SIZE;
        live.skipThrough(point.instanceId, keepingLive ? after : Number.POSITIVE_INFINITY);
        const page = rows.map((row) => StoredEvent.fromRow(row));
        for (const item of shape(page)) {
          live.throwIfEnded();
          yield item;
        }
        if (readWhileKeeping && rows.length < PAGE_SIZE) break;
      }
    }
    yield* live;
  } finally {
    await live.return();
  }
}
