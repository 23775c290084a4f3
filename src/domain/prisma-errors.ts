import { ConflictError, type DomainError } from "../errors.ts";

/**
 * Turns a unique-constraint violation (a lost race with another request) into a conflict; the
 * message may depend on the model whose constraint failed (a nested write touches several).
 */
export async function uniquely<T>(
  work: Promise<T>,
  conflictMessage: string | ((model: string | undefined) => string),
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const { code, meta } = error as { code?: string; meta?: { modelName?: string } };
    if (code !== "P2002") throw error;
    throw new ConflictError(
      typeof conflictMessage === "string" ? conflictMessage : conflictMessage(meta?.modelName),
    );
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
