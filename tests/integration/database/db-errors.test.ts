import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { isUniqueConstraintViolation } from "@/server/db-errors";

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
