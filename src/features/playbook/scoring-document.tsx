import Link from "next/link";
import type { ContentSource } from "@/domain/content/schema";
import { Breadcrumbs } from "./breadcrumbs";
import { parseMarkdown, inlineText, type Block } from "./markdown";
import { MarkdownContent } from "./markdown-content";
import { SourceCredit } from "./source-credit";

const DEFAULT_TITLE = "How scores are calculated";

/**
 * The scoring method page. The document's own first "#" heading becomes the page's h1; the rest of
 * its headings are shifted so they start at h2 and keep their order.
 */
export function ScoringDocument({ markdown, source }: { markdown: string | null; source: ContentSource }) {
  const { title, blocks, headingOffset } =
    markdown === null
      ? { title: DEFAULT_TITLE, blocks: [], headingOffset: 0 }
      : layout(parseMarkdown(markdown));

  return (
    <article className="max-w-3xl">
      <Breadcrumbs crumbs={[{ label: "Playbook", href: "/playbook" }, { label: "Scoring method" }]} />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      {markdown === null ? (
        <p className="mt-4 leading-7 text-slate-800">
          The scoring method has not been written up yet. Each pitfall&apos;s page in the{" "}
          <Link href="/playbook" className="text-blue-700 underline underline-offset-2 hover:text-blue-900">
            playbook
          </Link>{" "}
          lists the questions that look for each of its symptoms.
        </p>
      ) : (
        <div className="mt-2">
          <MarkdownContent blocks={blocks} headingOffset={headingOffset} />
        </div>
      )}
      <SourceCredit source={source} />
    </article>
  );
}

export function scoringDocumentTitle(markdown: string | null): string {
  return markdown === null ? DEFAULT_TITLE : layout(parseMarkdown(markdown)).title;
}

function layout(parsed: Block[]): { title: string; blocks: Block[]; headingOffset: number } {
  const [first, ...rest] = parsed;
  const hasOwnTitle = first?.type === "heading" && first.level === 1;
  const title = hasOwnTitle ? inlineText(first.text) : DEFAULT_TITLE;
  const blocks = hasOwnTitle ? rest : parsed;
  const topLevel = Math.min(
    7,
    ...blocks.filter((block) => block.type === "heading").map((block) => block.level),
  );
  return { title, blocks, headingOffset: topLevel === 7 ? 0 : 2 - topLevel };
}
