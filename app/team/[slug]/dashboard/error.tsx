"use client";

import { DashboardError } from "@/features/dashboards/dashboard-error";

export default function TeamDashboardError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <DashboardError reset={reset} />;
}
