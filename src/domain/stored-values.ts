/**
 * Reads the plain-text columns (bands, roles, statuses) back into their domain unions.
 *
 * An unknown value decodes to null instead of throwing. Stored rows outlive the code that wrote them
 * (results from an older scoring method version, a rolled-back deploy), and a page that shows one
 * cell as "no result" is better than a page that fails outright. Returning null makes every caller
 * state its fallback where the value is used, instead of each module hiding its own guess.
 */
export type StoredValueCodec<T extends string> = (value: string | null | undefined) => T | null;

export function storedValueCodec<const T extends string>(values: readonly T[]): StoredValueCodec<T> {
  const known = new Set<string>(values);
  return (value) => (value !== null && value !== undefined && known.has(value) ? (value as T) : null);
}
