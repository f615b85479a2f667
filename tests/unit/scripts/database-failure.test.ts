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

  it("says a SQLite file cannot be opened, or cannot be written", () => {
    expect(describeDatabaseFailure(withCode("SQLITE_CANTOPEN"), "file:/proc/radar.db")).toBe(
      "The SQLite file /proc/radar.db cannot be opened: correct DATABASE_URL to name a file in a folder the app may create files in.",
    );
    expect(describeDatabaseFailure(withCode("SQLITE_READONLY"), "file:./data/radar.db")).toBe(
      "The SQLite file ./data/radar.db is read-only for the app: let the app's user write the file and its folder, or correct DATABASE_URL.",
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
