import { z } from "zod";

/**
 * A list read from stored result JSON: the entries that still parse are kept and the rest dropped,
 * and anything that is not an array reads as empty. A detail written by another scoring method
 * version so keeps what this version understands instead of failing the whole page or export.
 */
export function listOfValid<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((entries) =>
      entries.flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    );
}
