/**
 * First-run setup on an empty database: the first visitor becomes the admin and can sign in with
 * the password they chose; a second attempt is refused and changes nothing. `next/headers` is stood
 * in for; the password hashing, the auth library's sign-in and the database are real.
 */
import { verifyPassword } from "better-auth/crypto";
import { describe, expect, it, vi } from "vitest";
import { createFirstAdminAction } from "@/server/auth/actions";
import { db } from "@/server/db";

vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers(),
  cookies: async () => ({
    get: () => undefined,
    set: () => {},
    delete: () => {},
    has: () => false,
    getAll: () => [],
  }),
}));

function setupForm(email: string, password: string): FormData {
  const form = new FormData();
  form.set("name", "Robin First");
  form.set("email", email);
  form.set("password", password);
  form.set("confirmPassword", password);
  return form;
}

/** A successful setup redirects home, which Next signals by throwing its redirect. */
async function outcomeOf(form: FormData): Promise<unknown> {
  try {
    return await createFirstAdminAction(null, form);
  } catch (error) {
    return { redirectedTo: String((error as { digest?: string }).digest ?? "").split(";")[2] };
  }
}

describe("first-run setup", () => {
  it("creates the admin with a working password account, then refuses a second admin", async () => {
    expect(await db.user.count()).toBe(0);

    expect(await outcomeOf(setupForm("robin@example.com", "a-long-first-password"))).toEqual({
      redirectedTo: "/",
    });

    const admin = await db.user.findUniqueOrThrow({
      where: { email: "robin@example.com" },
      include: { accounts: true, roles: true },
    });
    expect(admin.name).toBe("Robin First");
    expect(admin.roles.map((role) => role.role)).toEqual(["admin"]);
    expect(admin.accounts).toHaveLength(1);
    expect(admin.accounts[0]!.providerId).toBe("credential");
    expect(
      await verifyPassword({ hash: admin.accounts[0]!.password!, password: "a-long-first-password" }),
    ).toBe(true);

    const second = await outcomeOf(setupForm("mallory@example.com", "another-long-password"));
    expect(second).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await db.user.count()).toBe(1);
  });
});
