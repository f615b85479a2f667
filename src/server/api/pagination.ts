import "server-only";
import type { ApiPage, PageQuery } from "@/contracts/api/schemas";
import { ValidationError } from "../errors";

/**
 * Cursor pagination. A cursor is opaque to callers: base64url of the list it belongs to and the
 * key of the last item handed out. Lists are ordered by a unique key, so a page never repeats or
 * skips an item that was there before and after.
 */
interface CursorContent {
  list: string;
  after: string;
}

export function encodeCursor(list: string, after: string): string {
  return Buffer.from(JSON.stringify({ list, after } satisfies CursorContent), "utf8").toString("base64url");
}

const BAD_CURSOR =
  "This cursor was not given out for this list. Pass the nextCursor of the previous page as it was.";

/** The key to continue after, or undefined for the first page; a foreign or forged cursor is a 400. */
export function cursorKey(list: string, query: PageQuery): string | undefined {
  if (query.cursor === undefined) return undefined;
  let content: unknown;
  try {
    content = JSON.parse(Buffer.from(query.cursor, "base64url").toString("utf8"));
  } catch {
    content = null;
  }
  const candidate = content as Partial<CursorContent> | null;
  if (
    !candidate ||
    candidate.list !== list ||
    typeof candidate.after !== "string" ||
    candidate.after === ""
  ) {
    throw new ValidationError(BAD_CURSOR, { cursor: [BAD_CURSOR] });
  }
  return candidate.after;
}

/** A page from rows read with `take: limit + 1` after the cursor: the extra row says there is more. */
export function pageOfRows<Row, Item>(
  list: string,
  rows: readonly Row[],
  query: PageQuery,
  keyOf: (row: Row) => string,
  toItem: (row: Row) => Item,
): ApiPage<Item> {
  const shown = rows.slice(0, query.limit);
  const more = rows.length > query.limit;
  return { data: shown.map(toItem), nextCursor: more ? encodeCursor(list, keyOf(shown.at(-1)!)) : null };
}

/**
 * A page of a list already in memory, in its order (small lists the pages' own read functions
 * return whole, such as a team's results or plan items). A key no longer in the list is a 400.
 */
export function pageOfList<Item>(
  list: string,
  items: readonly Item[],
  query: PageQuery,
  keyOf: (item: Item) => string,
): ApiPage<Item> {
  const after = cursorKey(list, query);
  let start = 0;
  if (after !== undefined) {
    const index = items.findIndex((item) => keyOf(item) === after);
    if (index === -1) {
      const message = "The item this cursor continues after is gone. Start again from the first page.";
      throw new ValidationError(message, { cursor: [message] });
    }
    start = index + 1;
  }
  return pageOfRows(list, items.slice(start, start + query.limit + 1), query, keyOf, (item) => item);
}
