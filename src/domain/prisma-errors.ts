import { ConflictError, type DomainError } from "../errors.ts";

/** Turns a unique-constraint violation (a lost race with another request) into a conflict. */
export async function uniquely<T>(work: Promise<T>, conflictMessage: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError(conflictMessage);
    throw error;
  }
}

/**
 * A write to a row that was deleted after the read that found it (a concurrent delete)
 * answers `notFound`, as a request arriving a moment later would, not an internal error:
 * P2025 is a missing record to update, P2003 a missing parent for a new row.
 */
export async function whileItExists<T>(work: Promise<T>, notFound: () => DomainError): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "P2025" || code === "P2003") throw notFound();
    throw error;
  }
}
