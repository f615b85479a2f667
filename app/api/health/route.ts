import { checkHealth } from "@/server/health";

export async function GET() {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.database === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
