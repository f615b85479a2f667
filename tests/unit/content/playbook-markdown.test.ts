import { describe, expect, it } from "vitest";
import { isSafeHref, parseInline, parseMarkdown, type Block } from "@/features/playbook/markdown";

describe("parseMarkdown for the scoring document", () => {
  it("reads headings with unique anchor ids, and paragraphs joined across lines", () => {
    const blocks = parseMarkdown("# Scoring\n\nA score is\nbetween 0 and 100.\n\n## Bands\n\n## Bands\n");
    expect(blocks).toEqual([
      { type: "heading", level: 1, id: "scoring", text: [{ type: "text", value: "Scoring" }] },
      { type: "paragraph", text: [{ type: "text", value: "A score is between 0 and 100." }] },
      { type: "heading", level: 2, id: "bands", text: [{ type: "text", value: "Bands" }] },
      { type: "heading", level: 2, id: "bands-2", text: [{ type: "text", value: "Bands" }] },
    ]);
  });

  it("reads ordered and unordered lists, with nested items and continuation lines", () => {
    const [list] = parseMarkdown(
      "1. first\n   still first\n2. second\n   - nested a\n   - nested b\n3. third",
    );
    expect(list).toMatchObject({ type: "list", ordered: true, start: 1 });
    const items = (list as Extract<Block, { type: "list" }>).items;
    expect(items).toHaveLength(3);
    expect(items[0]!.blocks).toEqual([
      { type: "paragraph", text: [{ type: "text", value: "first still first" }] },
    ]);
    expect(items[1]!.blocks[1]).toMatchObject({ type: "list", ordered: false, items: [{}, {}] });
  });

  it("reads tables with alignment, filling short rows", () => {
    const [table] = parseMarkdown("| band | from |\n|:---|---:|\n| low | 10 |\n| high |");
    expect(table).toEqual({
      type: "table",
      header: [[{ type: "text", value: "band" }], [{ type: "text", value: "from" }]],
      alignments: ["left", "right"],
      rows: [
        [[{ type: "text", value: "low" }], [{ type: "text", value: "10" }]],
        [[{ type: "text", value: "high" }], []],
      ],
    });
  });

  it("keeps fenced code verbatim, including Markdown and HTML inside it", () => {
    const [code] = parseMarkdown("```ts\nconst score = 0; // **not bold**\n<script>\n```");
    expect(code).toEqual({
      type: "code",
      language: "ts",
      code: "const score = 0; // **not bold**\n<script>",
    });
  });

  it("reads block quotes and horizontal rules", () => {
    expect(parseMarkdown("> quoted\n> text\n\n---")).toEqual([
      { type: "quote", blocks: [{ type: "paragraph", text: [{ type: "text", value: "quoted text" }] }] },
      { type: "rule" },
    ]);
  });
});

describe("parseInline", () => {
  it("reads code, strong, emphasis and links", () => {
    expect(parseInline("Use `score()` for **all** *teams*, see [bands](/playbook#bands).")).toEqual([
      { type: "text", value: "Use " },
      { type: "code", value: "score()" },
      { type: "text", value: " for " },
      { type: "strong", children: [{ type: "text", value: "all" }] },
      { type: "text", value: " " },
      { type: "em", children: [{ type: "text", value: "teams" }] },
      { type: "text", value: ", see " },
      { type: "link", href: "/playbook#bands", children: [{ type: "text", value: "bands" }] },
      { type: "text", value: "." },
    ]);
  });

  it("does not treat underscores inside words as emphasis", () => {
    expect(parseInline("risk_curve and allow_dont_know")).toEqual([
      { type: "text", value: "risk_curve and allow_dont_know" },
    ]);
  });

  it("drops unsafe link targets but keeps their text", () => {
    expect(parseInline("[click](javascript:alert(1)) [doc](../content/v1.ts)")).toEqual([
      { type: "text", value: "click" },
      { type: "text", value: " " },
      { type: "text", value: "doc" },
    ]);
    expect(isSafeHref("https://example.org")).toBe(true);
    expect(isSafeHref("//evil.example")).toBe(false);
    expect(isSafeHref("data:text/html,x")).toBe(false);
  });

  it("shows the alternative text of images instead of loading them", () => {
    expect(parseInline("![a chart](https://example.org/chart.png)")).toEqual([
      { type: "text", value: "a chart" },
    ]);
  });

  it("keeps raw HTML as plain text", () => {
    expect(parseInline("<b onclick=x>hi</b>")).toEqual([{ type: "text", value: "<b onclick=x>hi</b>" }]);
  });
});
