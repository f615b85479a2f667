/** Network errors of a database server that is not there: down, or a wrong host or port. */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EAI_AGAIN"]);

/**
 * A failure to open or migrate the database, in words an operator can act on. A PostgreSQL server
 * that cannot be reached is named by its host and port (never the whole URL, which may hold a
 * password) with what to check, rather than as the bare socket error; a DATABASE_URL naming a file
 * that is not a SQLite database, cannot be opened (a folder that cannot hold it, such as /proc) or
 * cannot be written says so. Anything else keeps its own message.
 */
export function describeDatabaseFailure(error: unknown, databaseUrl: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && UNREACHABLE.has(code) && /^postgres(ql)?:\/\//.test(databaseUrl)) {
    const { hostname, port } = new URL(databaseUrl);
    return `PostgreSQL at ${hostname}:${port || "5432"} cannot be reached (${code}): start it, or correct the host and port in DATABASE_URL.`;
  }
  if (code === "SQLITE_NOTADB") {
    return `${databaseUrl.replace(/^file:/, "")} is not a SQLite database: correct DATABASE_URL, or restore a backup into a new file (npm run db:restore).`;
  }
  if (code === "SQLITE_CANTOPEN") {
    return `The SQLite file ${databaseUrl.replace(/^file:/, "")} cannot be opened: correct DATABASE_URL to name a file in a folder the app may create files in.`;
  }
  if (code === "SQLITE_READONLY") {
    return `The SQLite file ${databaseUrl.replace(/^file:/, "")} is read-only for the app: let the app's user write the file and its folder, or correct DATABASE_URL.`;
  }
  return error instanceof Error ? error.message : String(error);
}
