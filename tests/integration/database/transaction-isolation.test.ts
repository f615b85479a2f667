/**
 * Requests share the database client. While one request's interactive transaction is open (it
 * awaits between its statements), another request's plain queries must neither see its
 * unfinished writes nor be swept into it. On PostgreSQL each transaction has its own connection;
 * on the embedded SQLite database, with one connection, the client queues plain queries behind the
 * open transaction.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Rollback extends Error {}

describe("interactive transactions and concurrent plain queries", () => {
  it("a read during another request's transaction does not see its writes, which are then rolled back", async () => {
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const transaction = db.$transaction(async (tx) => {
      await tx.orgUnit.create({ data: { name: "Uncommitted", slug: "uncommitted" } });
      wrote();
      await pause(150);
      throw new Rollback();
    });
    await written;
    const seen = await db.orgUnit.findUnique({ where: { slug: "uncommitted" } });
    await expect(transaction).rejects.toBeInstanceOf(Rollback);
    expect(seen).toBeNull();
    expect(await db.orgUnit.findUnique({ where: { slug: "uncommitted" } })).toBeNull();
  });

  it("a write made during another request's transaction survives that transaction's rollback", async () => {
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const transaction = db.$transaction(async (tx) => {
      await tx.orgUnit.create({ data: { name: "Rolled back", slug: "rolled-back" } });
      wrote();
      await pause(150);
      throw new Rollback();
    });
    await written;
    await db.orgUnit.create({ data: { name: "Independent", slug: "independent" } });
    await expect(transaction).rejects.toBeInstanceOf(Rollback);
    expect(await db.orgUnit.findUnique({ where: { slug: "independent" } })).not.toBeNull();
    expect(await db.orgUnit.findUnique({ where: { slug: "rolled-back" } })).toBeNull();
  });

  it("a read after a commit sees the committed writes", async () => {
    await db.$transaction(async (tx) => {
      await tx.orgUnit.create({ data: { name: "Committed", slug: "committed" } });
      await pause(20);
    });
    expect(await db.orgUnit.findUnique({ where: { slug: "committed" } })).not.toBeNull();
  });
});
