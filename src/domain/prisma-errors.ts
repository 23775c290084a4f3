import { ConflictError } from "../errors.ts";

/** Turns a unique-constraint violation (a lost race with another request) into a conflict. */
export async function uniquely<T>(work: Promise<T>, conflictMessage: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError(conflictMessage);
    throw error;
  }
}
