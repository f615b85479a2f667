import "server-only";
import { headers } from "next/headers";

/**
 * The client's address as reported by the nearest proxy (Next's own server sets
 * x-forwarded-for). Behind a load balancer, make it overwrite the header rather than append to it.
 */
export async function requestAddress(): Promise<string> {
  const list = await headers();
  return list.get("x-forwarded-for")?.split(",")[0]?.trim() || list.get("x-real-ip") || "unknown";
}
