import { hashPassword } from "better-auth/crypto";
import { DEMO_PASSWORD } from "./demo-organisation";

/**
 * Hashed once per seed with the auth library's own password hasher, so demo accounts sign in
 * through exactly the same path as real ones.
 */
export function hashDemoPassword(): Promise<string> {
  return hashPassword(DEMO_PASSWORD);
}
