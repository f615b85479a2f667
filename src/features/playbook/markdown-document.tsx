import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import { Link } from "@/ui/link";
import type { ComponentPropsWithoutRef, ReactElement } from "react";
import Markdown, { type Components, type ExtraProps } from "react-markdown";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";

/**
 * The project's own documents (docs/*.md) as page content: GitHub-flavoured Markdown rendered to
 * React elements, never to HTML, so raw HTML in a document is shown as text and nothing in it runs.
 */
export interface MarkdownDocument {
  /** The text of the document's leading "#" heading, or null when it has none. */
  title: string | null;
  /** The rest of the document as styled React elements, its top-level headings rendered as h2. */
  content: ReactElement;
}

/**
 * Parses a document once: its own "#" title becomes the page's h1 and metadata title, the rest is
 * rendered to elements that every request reuses (parsing GFM tables costs tens of milliseconds).
 */
export function prepareMarkdownDocument(markdown: string): MarkdownDocument {
  const tree = fromMarkdown(markdown);
  const [first] = tree.children;
  const hasOwnTitle = first?.type === "heading" && first.depth === 1;
  const bodyStart = hasOwnTitle ? (first.position?.end.offset ?? 0) : 0;
  const bodyLevels = headingDepths(hasOwnTitle ? tree.children.slice(1) : tree.children);
  const headingOffset = bodyLevels.length === 0 ? 0 : 2 - Math.min(...bodyLevels);
  return {
    title: hasOwnTitle ? toString(first).trim() : null,
    content: renderMarkdown(markdown.slice(bodyStart), headingOffset),
  };
}

function headingDepths(nodes: readonly MarkdownNode[]): number[] {
  return nodes.flatMap((node) => [
    ...(node.type === "heading" ? [node.depth] : []),
    ...("children" in node ? headingDepths(node.children) : []),
  ]);
}

type MarkdownNode = ReturnType<typeof fromMarkdown>["children"][number];

/* ------------------------------------------------------------------------------------------------
 * The safe-link rule
 * ---------------------------------------------------------------------------------------------- */

// Only used to tell whether a root-relative path stays on this site; never requested.
const SITE_ORIGIN = "https://site.invalid";
const WEB_AND_MAIL_SCHEMES = new Set(["http", "https", "mailto"]);

/**
 * Web, mail, in-app and in-page links only: `javascript:`, `data:`, other schemes, protocol-relative
 * `//host` and paths relative to the document (which point into the repository, not the app) are
 * refused. Returns the href to keep, or undefined to render the link's text without a link.
 */
export function safeHref(href: string): string | undefined {
  const value = href.trim();
  if (value.startsWith("#")) return value;
  if (value.startsWith("/")) return new URL(value, SITE_ORIGIN).origin === SITE_ORIGIN ? value : undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  return scheme !== undefined && WEB_AND_MAIL_SCHEMES.has(scheme) ? value : undefined;
}

/* ------------------------------------------------------------------------------------------------
 * Rendering
 * ---------------------------------------------------------------------------------------------- */

const HEADING_STYLES = {
  2: "mt-10 mb-3 text-2xl font-semibold text-slate-900",
  3: "mt-8 mb-2 text-xl font-semibold text-slate-900",
  4: "mt-6 mb-2 text-lg font-semibold text-slate-900",
  5: "mt-4 mb-1 font-semibold text-slate-900",
  6: "mt-4 mb-1 font-semibold text-slate-800",
} as const;

const LINK_STYLE = "text-blue-700 underline underline-offset-2 hover:text-blue-900";

type HeadingProps = ComponentPropsWithoutRef<"h2"> & ExtraProps;

function headingAt(depth: number, headingOffset: number) {
  const level = Math.min(6, Math.max(2, depth + headingOffset)) as keyof typeof HEADING_STYLES;
  const Heading = `h${level}` as const;
  function DocumentHeading({ id, children }: HeadingProps) {
    return (
      <Heading id={id} className={`${HEADING_STYLES[level]} scroll-mt-20 print:break-after-avoid`}>
        {children}
      </Heading>
    );
  }
  return DocumentHeading;
}

function DocumentLink({ href, children }: ComponentPropsWithoutRef<"a"> & ExtraProps) {
  // Refused targets reach here without an href (see `urlTransform`): only their text is shown.
  if (!href) return <>{children}</>;
  return href.startsWith("/") ? (
    <Link href={href} className={LINK_STYLE}>
      {children}
    </Link>
  ) : (
    <a href={href} className={LINK_STYLE}>
      {children}
    </a>
  );
}

function CodeBlock({ node }: ComponentPropsWithoutRef<"pre"> & ExtraProps) {
  const code = node?.children.find((child) => child.type === "element" && child.tagName === "code");
  const classNames = code?.type === "element" ? [code.properties.className].flat() : [];
  const language = classNames
    .map((name) => /^language-(.+)$/.exec(String(name))?.[1])
    .find((name) => name !== undefined);
  return (
    <pre
      tabIndex={0}
      aria-label={language ? `${language} code` : "Code"}
      className="my-4 overflow-x-auto rounded-md border border-slate-300 bg-slate-100 p-4 text-sm leading-6 text-slate-900 print:whitespace-pre-wrap"
    >
      <code>{code ? textOf(code).replace(/\n$/, "") : null}</code>
    </pre>
  );
}

type HastNode = NonNullable<ExtraProps["node"]>["children"][number];

function textOf(node: HastNode): string {
  if (node.type === "text") return node.value;
  return node.type === "element" ? node.children.map(textOf).join("") : "";
}

const FIXED_COMPONENTS: Components = {
  p: ({ children }) => <p className="my-3 leading-7 text-slate-800">{children}</p>,
  ul: ({ children }) => <ul className="my-3 list-disc space-y-1 pl-6">{children}</ul>,
  ol: ({ children, start }) => (
    <ol start={start === 1 ? undefined : start} className="my-3 list-decimal space-y-1 pl-6">
      {children}
    </ol>
  ),
  li: ({ children }) => <li className="pl-1 leading-7 text-slate-800">{children}</li>,
  strong: ({ children }) => <strong className="font-semibold">{children}</strong>,
  code: ({ children }) => (
    <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] text-slate-900">{children}</code>
  ),
  pre: CodeBlock,
  a: DocumentLink,
  // Images are not loaded; their alternative text is shown.
  img: ({ alt }) => alt ?? null,
  table: ({ children }) => (
    // Wide tables scroll on their own on a phone instead of widening the page.
    <div className="my-4 overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
      <table className="min-w-full border-collapse text-left text-sm">{children}</table>
    </div>
  ),
  th: ({ children, style }) => (
    <th
      scope="col"
      style={style}
      className="border-b-2 border-slate-300 bg-slate-100 px-3 py-2 font-semibold text-slate-900"
    >
      {children}
    </th>
  ),
  tr: ({ children, node }) => (
    <tr className={node?.children.some(isHeaderCell) ? undefined : "border-b border-slate-200"}>
      {children}
    </tr>
  ),
  td: ({ children, style }) => (
    <td style={style} className="px-3 py-2 align-top text-slate-800">
      {children}
    </td>
  ),
  blockquote: ({ children }) => (
    <blockquote className="my-4 border-l-4 border-slate-300 pl-4 text-slate-700">{children}</blockquote>
  ),
  hr: () => <hr className="my-8 border-slate-300" />,
};

function isHeaderCell(node: HastNode): boolean {
  return node.type === "element" && node.tagName === "th";
}

/**
 * GitHub-flavoured Markdown to React elements. Headings get GitHub-style ids, so in-page links such
 * as `#rules` work here as they do where the document is read on GitHub; `headingOffset` shifts
 * heading levels so the document can sit under the page's own h1.
 */
function renderMarkdown(markdown: string, headingOffset: number): ReactElement {
  // `Markdown` is a synchronous function of its props without hooks: called directly, it parses
  // now rather than on every render of the page.
  return Markdown({
    children: markdown,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeSlug],
    components: {
      ...FIXED_COMPONENTS,
      h1: headingAt(1, headingOffset),
      h2: headingAt(2, headingOffset),
      h3: headingAt(3, headingOffset),
      h4: headingAt(4, headingOffset),
      h5: headingAt(5, headingOffset),
      h6: headingAt(6, headingOffset),
    },
    urlTransform: (url, key) => (key === "href" ? safeHref(url) : undefined),
  });
}
