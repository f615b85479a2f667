import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER, normaliseAddress } from "@/client-address";

/**
 * The client's address for this request. The app server (scripts/server.ts) replaces the header
 * with the one address it resolved from the connection (and the trusted proxies, if configured),
 * so the value here is never what the client wrote. Should a list reach us anyway (`next dev`),
 * the rightmost entry is the one the nearest hop added.
 */
export async function requestAddress(): Promise<string> {
  return addressFromHeaders(await headers());
}

/** The same, from a route handler's request headers. */
export function addressFromHeaders(requestHeaders: Headers): string {
  const value = requestHeaders.get(CLIENT_ADDRESS_HEADER) ?? "";
  const entries = value.split(",");
  return normaliseAddress(entries[entries.length - 1] ?? "") || "unknown";
}
