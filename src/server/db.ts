import "server-only";
import { createPrismaClient, type AppPrismaClient } from "./prisma-client";
import { getEnv } from "@/env";

// One client per process. Next's dev server re-evaluates modules on every change, so the client
// is kept on globalThis there to avoid opening a new database connection per edit.
const globalForPrisma = globalThis as unknown as { pitfallRadarPrisma?: AppPrismaClient };

export const db: AppPrismaClient = globalForPrisma.pitfallRadarPrisma ?? createPrismaClient(getEnv().DATABASE_URL);

if (getEnv().NODE_ENV !== "production") globalForPrisma.pitfallRadarPrisma = db;
