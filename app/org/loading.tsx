import { DashboardLoading } from "@/features/dashboards/dashboard-loading";

export default function Loading() {
  return <DashboardLoading label="Loading the organisation view" />;
}
