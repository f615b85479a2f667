import { Link } from "@/ui/link";
import type { ContentSource } from "@/domain/content/schema";
import { Breadcrumbs } from "./breadcrumbs";
import type { MarkdownDocument } from "./markdown-document";
import { SourceCredit } from "./source-credit";

const DEFAULT_TITLE = "How scores are calculated";

/**
 * The scoring method page. The document's own first "#" heading becomes the page's h1; the rest of
 * its headings are shifted so they start at h2 and keep their order.
 */
export function ScoringDocument({
  document,
  source,
}: {
  document: MarkdownDocument | null;
  source: ContentSource;
}) {
  return (
    <article className="max-w-3xl">
      <Breadcrumbs crumbs={[{ label: "Playbook", href: "/playbook" }, { label: "Scoring method" }]} />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{scoringDocumentTitle(document)}</h1>
      {document === null ? (
        <p className="mt-4 leading-7 text-slate-800">
          The scoring method has not been written up yet. Each pitfall&apos;s page in the{" "}
          <Link href="/playbook" className="text-blue-700 underline underline-offset-2 hover:text-blue-900">
            playbook
          </Link>{" "}
          lists the questions that look for each of its symptoms.
        </p>
      ) : (
        <div className="mt-2">{document.content}</div>
      )}
      <SourceCredit source={source} />
    </article>
  );
}

export function scoringDocumentTitle(document: MarkdownDocument | null): string {
  return document?.title || DEFAULT_TITLE;
}
