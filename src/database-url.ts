export type DatabaseProvider = "sqlite" | "postgresql";

/** Which database a DATABASE_URL points at: PostgreSQL by scheme, otherwise a SQLite file. */
export function databaseProvider(databaseUrl: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgresql" : "sqlite";
}
