import "server-only";
import { db } from "../db";

/** False only on a brand-new installation, before the first admin exists. */
export async function hasAnyPerson(): Promise<boolean> {
  return (await db.user.count()) > 0;
}
