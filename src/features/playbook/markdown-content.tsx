import Link from "next/link";
import type { ReactNode } from "react";
import type { Block, Inline } from "./markdown";

/**
 * Renders a parsed Markdown tree as React elements. Headings are shifted by `headingOffset` so a
 * document's own "#" can sit under the page's h1 without breaking the heading order.
 */
export function MarkdownContent({
  blocks,
  headingOffset = 0,
}: {
  blocks: readonly Block[];
  headingOffset?: number;
}) {
  return <>{blocks.map((block, index) => renderBlock(block, index, headingOffset))}</>;
}

const HEADING_STYLES = {
  2: "mt-10 mb-3 text-2xl font-semibold text-slate-900",
  3: "mt-8 mb-2 text-xl font-semibold text-slate-900",
  4: "mt-6 mb-2 text-lg font-semibold text-slate-900",
  5: "mt-4 mb-1 font-semibold text-slate-900",
  6: "mt-4 mb-1 font-semibold text-slate-800",
} as const;

function renderBlock(block: Block, key: number, headingOffset: number): ReactNode {
  switch (block.type) {
    case "heading": {
      const level = Math.min(6, Math.max(2, block.level + headingOffset)) as 2 | 3 | 4 | 5 | 6;
      const Heading = `h${level}` as const;
      return (
        <Heading
          key={key}
          id={block.id}
          className={`${HEADING_STYLES[level]} scroll-mt-20 print:break-after-avoid`}
        >
          <InlineContent nodes={block.text} />
        </Heading>
      );
    }
    case "paragraph":
      return (
        <p key={key} className="my-3 leading-7 text-slate-800">
          <InlineContent nodes={block.text} />
        </p>
      );
    case "list": {
      const items = block.items.map((item, index) => (
        <li key={index} className="pl-1 leading-7 text-slate-800">
          {item.blocks.length === 1 && item.blocks[0]!.type === "paragraph" ? (
            <InlineContent nodes={item.blocks[0]!.text} />
          ) : (
            <MarkdownContent blocks={item.blocks} headingOffset={headingOffset} />
          )}
        </li>
      ));
      return block.ordered ? (
        <ol
          key={key}
          start={block.start === 1 ? undefined : block.start}
          className="my-3 list-decimal space-y-1 pl-6"
        >
          {items}
        </ol>
      ) : (
        <ul key={key} className="my-3 list-disc space-y-1 pl-6">
          {items}
        </ul>
      );
    }
    case "code":
      return (
        <pre
          key={key}
          tabIndex={0}
          aria-label={block.language ? `${block.language} code` : "Code"}
          className="my-4 overflow-x-auto rounded-md border border-slate-300 bg-slate-100 p-4 text-sm leading-6 text-slate-900 print:whitespace-pre-wrap"
        >
          <code>{block.code}</code>
        </pre>
      );
    case "table":
      return (
        <div key={key} className="my-4 overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
          <table className="min-w-full border-collapse text-left text-sm">
            <thead>
              <tr>
                {block.header.map((cell, column) => (
                  <th
                    key={column}
                    scope="col"
                    style={alignment(block.alignments[column])}
                    className="border-b-2 border-slate-300 bg-slate-100 px-3 py-2 font-semibold text-slate-900"
                  >
                    <InlineContent nodes={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex} className="border-b border-slate-200">
                  {row.map((cell, column) => (
                    <td
                      key={column}
                      style={alignment(block.alignments[column])}
                      className="px-3 py-2 align-top text-slate-800"
                    >
                      <InlineContent nodes={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "quote":
      return (
        <blockquote key={key} className="my-4 border-l-4 border-slate-300 pl-4 text-slate-700">
          <MarkdownContent blocks={block.blocks} headingOffset={headingOffset} />
        </blockquote>
      );
    case "rule":
      return <hr key={key} className="my-8 border-slate-300" />;
  }
}

function alignment(value: "left" | "center" | "right" | null | undefined) {
  return value ? { textAlign: value } : undefined;
}

function InlineContent({ nodes }: { nodes: readonly Inline[] }) {
  return <>{nodes.map(renderInline)}</>;
}

function renderInline(node: Inline, key: number): ReactNode {
  switch (node.type) {
    case "text":
      return node.value;
    case "code":
      return (
        <code key={key} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] text-slate-900">
          {node.value}
        </code>
      );
    case "strong":
      return (
        <strong key={key} className="font-semibold">
          <InlineContent nodes={node.children} />
        </strong>
      );
    case "em":
      return (
        <em key={key}>
          <InlineContent nodes={node.children} />
        </em>
      );
    case "link": {
      const className = "text-blue-700 underline underline-offset-2 hover:text-blue-900";
      const children = <InlineContent nodes={node.children} />;
      return node.href.startsWith("/") ? (
        <Link key={key} href={node.href} className={className}>
          {children}
        </Link>
      ) : (
        <a key={key} href={node.href} className={className}>
          {children}
        </a>
      );
    }
  }
}
