import type { TeamCycleStatus } from "@/contracts/assessments/types";

export const STATUS_LABELS: Record<TeamCycleStatus, string> = {
  "not-started": "Not started",
  draft: "Draft",
  submitted: "Submitted",
  reopened: "Reopened",
};

const STATUS_CLASSES: Record<TeamCycleStatus, string> = {
  "not-started": "border-slate-400 bg-white text-slate-800",
  draft: "border-blue-300 bg-blue-50 text-blue-900",
  submitted: "border-green-700 bg-green-50 text-green-900",
  reopened: "border-purple-300 bg-purple-50 text-purple-900",
};

export function StatusBadge({ status }: { status: TeamCycleStatus }) {
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-semibold ${STATUS_CLASSES[status]}`}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}
