import "server-only";
import { createPrismaClient, type AppPrismaClient } from "./prisma-client";
import { getEnv } from "@/env";

// One client per process, kept on globalThis. Next bundles each route handler on its own, so in a
// production build this module is evaluated once per bundle that imports it (the pages, each
// autosave route, the other API routes): a client per bundle would mean a database connection, a
// query compiler and, on PostgreSQL, a pool of connections each, all in one process. Next's dev
// server also re-evaluates modules on every change, which would open a new connection per edit.
const globalForPrisma = globalThis as unknown as { pitfallRadarPrisma?: AppPrismaClient };

export const db: AppPrismaClient = (globalForPrisma.pitfallRadarPrisma ??= createPrismaClient(
  getEnv().DATABASE_URL,
));
