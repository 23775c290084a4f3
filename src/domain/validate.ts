import type { z } from "zod";
import { issuesFromZod, ValidationError } from "../errors.ts";

/** Parses service input, turning schema failures into a ValidationError. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error.issues));
  return parsed.data;
}
