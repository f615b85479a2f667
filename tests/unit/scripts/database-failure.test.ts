import { describe, expect, it } from "vitest";
import { describeDatabaseFailure } from "../../../scripts/lib/database-failure";

const withCode = (code: string, message = `failed: ${code}`) => Object.assign(new Error(message), { code });

describe("describeDatabaseFailure", () => {
  it("names an unreachable PostgreSQL server by host and port, never the URL's password", () => {
    const text = describeDatabaseFailure(withCode("ENOTFOUND"), "postgresql://radar:s3cret@db.internal/pitfall");
    expect(text).toBe(
      "PostgreSQL at db.internal:5432 cannot be reached (ENOTFOUND): start it, or correct the host and port in DATABASE_URL.",
    );
    expect(text).not.toContain("s3cret");
  });

  it("says a file is not a SQLite database", () => {
    expect(describeDatabaseFailure(withCode("SQLITE_NOTADB"), "file:./data/notes.db")).toBe(
      "./data/notes.db is not a SQLite database: correct DATABASE_URL, or restore a backup into a new file (npm run db:restore).",
    );
  });

  it("keeps any other failure's own message, and a network error on SQLite as it was", () => {
    expect(describeDatabaseFailure(withCode("P3009", "migrate found failed migrations"), "file:x.db")).toBe(
      "migrate found failed migrations",
    );
    expect(describeDatabaseFailure(withCode("ECONNREFUSED", "connect ECONNREFUSED"), "file:x.db")).toBe(
      "connect ECONNREFUSED",
    );
  });
});
