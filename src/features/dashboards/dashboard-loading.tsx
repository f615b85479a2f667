/** Shown while a dashboard's data loads; announced once, politely. */
export function DashboardLoading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <p className="text-slate-700">{label}…</p>
      <div aria-hidden="true" className="h-10 w-1/3 animate-pulse rounded bg-slate-200" />
      <div aria-hidden="true" className="h-64 animate-pulse rounded bg-slate-200" />
    </div>
  );
}
