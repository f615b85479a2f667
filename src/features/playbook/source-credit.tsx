import type { ContentSource } from "@/domain/content/schema";

/** The credit to the playbook the pitfalls come from; shown on every playbook page. */
export function SourceCredit({ source }: { source: ContentSource }) {
  return (
    <aside
      aria-labelledby="source-credit-heading"
      className="mt-12 rounded-lg border border-slate-300 bg-white p-5 text-sm text-slate-700 print:break-inside-avoid print:border-slate-500"
    >
      <h2 id="source-credit-heading" className="text-base font-semibold text-slate-900">
        Source
      </h2>
      <p className="mt-2 leading-6">{source.credit}</p>
      <p className="mt-2 leading-6">
        <a href={source.url} className="text-blue-700 underline underline-offset-2 hover:text-blue-900">
          {source.title}
        </a>{" "}
        by {source.publisher}. <span className="print:hidden">({source.url})</span>
        <span className="hidden print:inline">{source.url}</span>
      </p>
      <p className="mt-2 leading-6">{source.licence}</p>
    </aside>
  );
}
