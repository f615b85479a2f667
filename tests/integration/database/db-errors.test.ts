import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { isRecordNotFound, isUniqueConstraintViolation } from "@/server/db-errors";

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
