import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center">
      <h2 className="text-xl font-semibold">{title}</h2>
      <div className="mx-auto mt-2 max-w-xl text-slate-700">{children}</div>
    </section>
  );
}
