import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { isRecordNotFound, isUniqueConstraintViolation, retryAfterUniqueViolation } from "@/server/db-errors";

async function errorOf(write: Promise<unknown>): Promise<unknown> {
  try {
    await write;
  } catch (error) {
    return error;
  }
  throw new Error("the write was expected to fail");
}

describe("isUniqueConstraintViolation", () => {
  it("recognises a second row with the same unique email, as this database's client reports it", async () => {
    await db.user.create({ data: { id: "u-first", name: "First", email: "same@example.com" } });
    const error = await errorOf(
      db.user.create({ data: { id: "u-second", name: "Second", email: "same@example.com" } }),
    );
    expect(isUniqueConstraintViolation(error)).toBe(true);
  });

  it("does not mistake other failures for a unique violation", async () => {
    const missing = await errorOf(db.user.update({ where: { id: "nobody" }, data: { name: "Ghost" } }));
    expect(isUniqueConstraintViolation(missing)).toBe(false);
    expect(isUniqueConstraintViolation(new Error("P2002"))).toBe(false);
    expect(isUniqueConstraintViolation(null)).toBe(false);
    expect(isUniqueConstraintViolation("P2002")).toBe(false);
  });
});

describe("isRecordNotFound", () => {
  it("recognises an update whose filter matched no row, including a version condition already passed", async () => {
    await db.user.create({ data: { id: "u-versioned", name: "Versioned", email: "versioned@example.com" } });
    const missing = await errorOf(db.user.update({ where: { id: "nobody" }, data: { name: "Ghost" } }));
    expect(isRecordNotFound(missing)).toBe(true);
    const stale = await errorOf(
      db.user.update({ where: { id: "u-versioned", name: "An older name" }, data: { name: "New" } }),
    );
    expect(isRecordNotFound(stale)).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: "u-versioned" } })).name).toBe("Versioned");
  });

  it("does not mistake a unique violation or other values for a missing record", async () => {
    await db.user.create({ data: { id: "u-one", name: "One", email: "one@example.com" } });
    const duplicate = await errorOf(
      db.user.create({ data: { id: "u-two", name: "Two", email: "one@example.com" } }),
    );
    expect(isRecordNotFound(duplicate)).toBe(false);
    expect(isRecordNotFound(new Error("P2025"))).toBe(false);
    expect(isRecordNotFound(undefined)).toBe(false);
  });
});

describe("retryAfterUniqueViolation", () => {
  it("runs a write refused by a unique index once more, and answers a second refusal with its own error", async () => {
    await db.user.create({ data: { id: "u-taken", name: "Taken", email: "taken@example.com" } });
    let runs = 0;
    const insert = (email: string) => () => {
      runs++;
      return db.user.create({ data: { id: `u-retry-${runs}`, name: "Retry", email } });
    };
    await expect(
      retryAfterUniqueViolation(insert("taken@example.com"), () => new Error("That email is taken.")),
    ).rejects.toThrow("That email is taken.");
    expect(runs).toBe(2);

    // A write whose second run finds the value free (its checks now see the other write) goes through.
    runs = 0;
    let email = "taken@example.com";
    const created = await retryAfterUniqueViolation(
      () => {
        const attempt = insert(email)();
        email = "free@example.com";
        return attempt;
      },
      () => new Error("not expected"),
    );
    expect(created.email).toBe("free@example.com");
    expect(runs).toBe(2);

    // Any other failure is passed on at once.
    runs = 0;
    const missing = retryAfterUniqueViolation(
      () => {
        runs++;
        return db.user.update({ where: { id: "nobody" }, data: { name: "Ghost" } });
      },
      () => new Error("not expected"),
    );
    await expect(missing).rejects.toSatisfy(isRecordNotFound);
    expect(runs).toBe(1);
  });
});
