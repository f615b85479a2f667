import "server-only";
import { notFound } from "next/navigation";
import { ExpectedError } from "../errors";

/**
 * For pages: a team or result the person may not see renders the same 404 as one that does not
 * exist, so addresses of other teams reveal nothing.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ExpectedError && (error.code === "not_found" || error.code === "forbidden"))
      notFound();
    throw error;
  }
}
