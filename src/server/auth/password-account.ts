import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { signInOptions } from "./single-sign-on";

/**
 * Creates a person with an email-and-password sign-in, inside the caller's transaction: the user
 * row and the credential account the auth library reads. Both first-run setup and an admin adding
 * a person go through here, so the two can never disagree on what a signed-up person looks like.
 * A password someone else chose (an admin's) is marked to be replaced at the first sign-in.
 */
export async function createPasswordAccount(
  tx: Pick<Prisma.TransactionClient, "user" | "account">,
  person: { name: string; email: string; passwordHash: string; mustChangePassword?: boolean },
): Promise<string> {
  const userId = randomUUID();
  await tx.user.create({
    data: {
      id: userId,
      name: person.name,
      email: person.email,
      emailVerified: true,
      mustChangePassword: person.mustChangePassword ?? false,
    },
  });
  await tx.account.create({
    data: {
      id: randomUUID(),
      accountId: userId,
      providerId: "credential",
      userId,
      password: person.passwordHash,
    },
  });
  return userId;
}

/**
 * Whether the person can change a password here: they have one (people created by single sign-on
 * do not) and this installation still accepts passwords (not single-sign-on-only).
 */
export async function canChangePassword(userId: string): Promise<boolean> {
  if (!signInOptions().passwordAllowed) return false;
  return (await db.account.count({ where: { userId, providerId: "credential" } })) > 0;
}
