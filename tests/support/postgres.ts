import pg from "pg";
import { parseEnv } from "@/env";

/** The PostgreSQL server tests create their databases on (POSTGRES_MIGRATIONS_URL). */
export function postgresServerUrl(): string {
  return parseEnv(process.env).POSTGRES_MIGRATIONS_URL;
}

export async function withPostgresAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: postgresServerUrl() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${postgresServerUrl()} (${(error as Error).message}); the PostgreSQL integration tests need it.`,
    );
  }
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export function postgresUrlFor(database: string): string {
  const url = new URL(postgresServerUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
