import "server-only";
import { db } from "./db";
import { probeDatabase, type HealthReport } from "./health-probe";

export async function checkHealth(): Promise<HealthReport> {
  return probeDatabase(() => db.$queryRaw`SELECT 1`);
}
