/**
 * The playbook's Markdown documents as the server renders them: static HTML from the same React
 * elements the scoring method page sends, checked for anchors, tables, code and the safe-link rule.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  ...(await import("../../support/app-router")).appRouterForMarkup,
}));
import { loadScoringDocument } from "@/features/playbook/load-scoring-document";
import {
  prepareMarkdownDocument,
  safeHref,
  type MarkdownDocument,
} from "@/features/playbook/markdown-document";

function renderDocument(document: MarkdownDocument): string {
  return renderToStaticMarkup(document.content);
}

const render = (markdown: string) => renderDocument(prepareMarkdownDocument(markdown));

describe("prepareMarkdownDocument", () => {
  it("takes the leading # heading as the title, as plain text, and renders the rest under it", () => {
    const document = prepareMarkdownDocument("# How *scores* are `calculated`\n\nIntro.\n\n## Bands\n");
    expect(document.title).toBe("How scores are calculated");
    expect(renderDocument(document)).toBe(
      '<p class="my-3 leading-7 text-slate-800">Intro.</p>\n' +
        '<h2 id="bands" class="mt-10 mb-3 text-2xl font-semibold text-slate-900 scroll-mt-20 print:break-after-avoid">Bands</h2>',
    );
  });

  it("has no title when the document does not open with a # heading, and shifts headings to start at h2", () => {
    const document = prepareMarkdownDocument("Intro.\n\n### Deep\n\n#### Deeper\n");
    expect(document.title).toBeNull();
    expect(renderDocument(document)).toContain('<h2 id="deep"');
    expect(renderDocument(document)).toContain('<h3 id="deeper"');
  });
});

describe("rendered Markdown", () => {
  it("renders headings with GitHub-style ids, unique within the document", () => {
    const html = render("# Title\n\n## Bands\n\n## Bands\n\n### Where the thresholds come from\n");
    expect(html).not.toContain("<h1");
    expect(html).toContain(
      '<h2 id="bands" class="mt-10 mb-3 text-2xl font-semibold text-slate-900 scroll-mt-20',
    );
    expect(html).toContain('<h2 id="bands-1"');
    expect(html).toContain('<h3 id="where-the-thresholds-come-from"');
  });

  it("renders GFM tables in a focusable region that scrolls sideways, with column headers and alignment", () => {
    const html = render("| Band | From |\n| :--- | ---: |\n| Low | 10 |\n| High |\n");
    expect(html).toMatch(/^<div class="my-4 overflow-x-auto" tabindex="0" role="region" aria-label="Table">/);
    expect(html).toContain('<th scope="col" style="text-align:left"');
    expect(html).toContain('<th scope="col" style="text-align:right"');
    expect(html).toContain('<td style="text-align:right" class="px-3 py-2 align-top text-slate-800">10</td>');
    expect(html.match(/<tr/g)).toHaveLength(3);
    expect(html.match(/<td/g)).toHaveLength(4); // the short row is filled
  });

  it("renders ordered and unordered lists, nested, with bold, italics and inline code", () => {
    const html = render("3. **first** and *second*\n4. `score()`\n   - nested a\n   - nested b\n");
    expect(html).toContain('<ol start="3" class="my-3 list-decimal space-y-1 pl-6">');
    expect(html).toContain('<strong class="font-semibold">first</strong> and <em>second</em>');
    expect(html).toContain('<code class="rounded bg-slate-100');
    expect(html).toMatch(/<ol[^>]*>.*<ul class="my-3 list-disc space-y-1 pl-6">\s*<li[^>]*>nested a<\/li>/s);
    expect(html.match(/<li/g)).toHaveLength(4);
  });

  it("keeps fenced code verbatim, Markdown and HTML inside it included, in a focusable block", () => {
    const html = render("```ts\nconst score = 0; // **not bold**\n<script>alert(1)</script>\n```\n");
    expect(html).toContain('<pre tabindex="0" aria-label="ts code"');
    expect(html).toContain(
      "<code>const score = 0; // **not bold**\n&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>",
    );
  });

  it("shows raw HTML as text and images as their alternative text", () => {
    const html = render('<b onclick="x">hi</b>\n\nSee ![a chart](https://example.org/chart.png).\n');
    expect(html).toContain("&lt;b onclick=&quot;x&quot;&gt;");
    expect(html).not.toContain("<b ");
    expect(html).toContain("See a chart.");
    expect(html).not.toContain("<img");
  });

  it("keeps web, mail, in-app and in-page links, styled and focusable", () => {
    const html = render(
      "[web](https://example.org/a?b=1) [mail](mailto:team@example.org) [app](/playbook/excessive-bau) [here](#rules)",
    );
    const links = [...html.matchAll(/<a ([^>]*)>/g)].map((match) => match[1]!);
    expect(links).toHaveLength(4);
    ["https://example.org/a?b=1", "mailto:team@example.org", "/playbook/excessive-bau", "#rules"].forEach(
      (href, index) => {
        expect(links[index]).toContain(`href="${href}"`);
        expect(links[index]).toContain(
          'class="text-blue-700 underline underline-offset-2 hover:text-blue-900"',
        );
      },
    );
  });

  it("refuses javascript:, data: and other schemes, protocol-relative and repository-relative links, keeping their text", () => {
    const html = render(
      [
        "[one](javascript:alert(1))",
        "[two](JavaScript:alert(1))",
        "[three](java&#115;cript:alert(1))",
        "[four](data:text/html,<script>alert(1)</script>)",
        "[five](vbscript:x)",
        "[six](//evil.example)",
        "[seven](../content/v1.ts)",
        "<javascript:alert(1)>",
      ].join(" "),
    );
    expect(html).not.toContain("<a");
    expect(html).toContain("one two three four five six seven");
  });
});

describe("safeHref", () => {
  it.each([
    ["https://example.org", "https://example.org"],
    ["http://example.org", "http://example.org"],
    ["MAILTO:a@example.org", "MAILTO:a@example.org"],
    ["/playbook/scoring#rules", "/playbook/scoring#rules"],
    ["#rules", "#rules"],
  ])("keeps %s", (href, kept) => expect(safeHref(href)).toBe(kept));

  it.each([
    "javascript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,x",
    "vbscript:x",
    "file:///etc/passwd",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "java\tscript:alert(1)",
    "docs/calibration.md",
    "../content/v1.ts",
    "",
  ])("refuses %j", (href) => expect(safeHref(href)).toBeUndefined());
});

describe("the scoring method document", () => {
  const document = loadScoringDocument();
  const html = document ? renderDocument(document) : "";

  it("is read once, with its own title", () => {
    expect(document).not.toBeNull();
    expect(loadScoringDocument()).toBe(document);
    expect(document!.title).toBe("How scores are calculated");
  });

  it("renders its sections as h2 and h3 with ids, and its tables", () => {
    expect(html).not.toContain("<h1");
    expect(html).toContain('<h2 id="rules"');
    expect(html).toContain('<h2 id="where-the-thresholds-come-from"');
    expect(html).toContain('<h3 id="a-rota-of-two"');
    expect(html.match(/role="region" aria-label="Table"/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it("has every in-page link land on a heading of the page", () => {
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]));
    const anchors = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => decodeURIComponent(match[1]!));
    expect(anchors).toEqual(expect.arrayContaining(["rules", "where-the-thresholds-come-from"]));
    for (const anchor of anchors) expect(ids, `#${anchor}`).toContain(anchor);
  });
});
