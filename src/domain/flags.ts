import { z } from "zod";
import { EVENT_FLAGS, type EventFlag } from "../events/types.ts";

/** A partial set of event flags: the ones given change, the rest stay. */
export const EventFlagsPatch = z
  .object(
    Object.fromEntries(EVENT_FLAGS.map((flag) => [flag, z.boolean().optional()])) as Record<
      EventFlag,
      z.ZodOptional<z.ZodBoolean>
    >,
  )
  .strict();
export type EventFlagsPatch = Partial<Record<EventFlag, boolean>>;
