export interface HealthReport {
  status: "ok" | "degraded";
  database: "ok" | "unavailable";
}

/** Runs a trivial query; any failure (file missing, locked, connection refused) means unavailable. */
export async function probeDatabase(query: () => Promise<unknown>, timeoutMs = 2000): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      query(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database probe timed out")), timeoutMs);
      }),
    ]);
    return { status: "ok", database: "ok" };
  } catch {
    return { status: "degraded", database: "unavailable" };
  } finally {
    clearTimeout(timer);
  }
}
