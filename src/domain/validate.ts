import type { z } from "zod";
import { issuesFromZod, ValidationError } from "../errors.ts";

/** Parses service input, turning schema failures into a ValidationError. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error.issues));
  return parsed.data;
}

/** The path of the first string in a value that is not valid Unicode (holds a lone surrogate). */
export function loneSurrogateAt(value: unknown, path = ""): string | undefined {
  if (typeof value === "string") return /\p{Cs}/u.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = loneSurrogateAt(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = loneSurrogateAt(item, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
