/**
 * The account page offers a password change only to people who have a password: someone whose
 * account was made by single sign-on has none to change.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canChangePassword } from "@/server/auth/password-account";
import { db } from "@/server/db";

async function person(providerId: "credential" | "oidc"): Promise<string> {
  const id = randomUUID();
  await db.user.create({
    data: {
      id,
      name: `Person with ${providerId}`,
      email: `${providerId}-${id.slice(0, 8)}@example.test`,
      emailVerified: true,
      accounts: {
        create: {
          id: randomUUID(),
          accountId: providerId === "credential" ? id : `subject-${id}`,
          providerId,
          password: providerId === "credential" ? "a-stored-hash" : null,
        },
      },
    },
  });
  return id;
}

describe("changing a password", () => {
  it("is offered to a person who signs in with a password", async () => {
    expect(await canChangePassword(await person("credential"))).toBe(true);
  });

  it("is not offered to a person whose account single sign-on made", async () => {
    expect(await canChangePassword(await person("oidc"))).toBe(false);
  });
});
