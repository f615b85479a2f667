/**
 * A small Markdown reader for the project's own documents (docs/*.md), enough for headings,
 * paragraphs, lists, tables, block quotes, code and links.
 *
 * It produces a tree, never HTML: the renderer turns the tree into React elements, so raw HTML in
 * a document is shown as text and nothing in it can run. Links are kept only for safe targets.
 */

export type Inline =
  | { type: "text"; value: string }
  | { type: "code"; value: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type TableAlignment = "left" | "center" | "right" | null;

export interface ListItem {
  blocks: Block[];
}

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; text: Inline[]; id: string }
  | { type: "paragraph"; text: Inline[] }
  | { type: "list"; ordered: boolean; start: number; items: ListItem[] }
  | { type: "code"; language: string; code: string }
  | { type: "table"; header: Inline[][]; alignments: TableAlignment[]; rows: Inline[][][] }
  | { type: "quote"; blocks: Block[] }
  | { type: "rule" };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^ {0,3}>\s?/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+|$)(.*)$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks = parseBlocks(lines);
  assignHeadingIds(blocks, new Map());
  return blocks;
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let index = 0;

  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === "") {
      index++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const code: string[] = [];
      index++;
      while (index < lines.length && !lines[index]!.trimStart().startsWith(marker))
        code.push(lines[index++]!);
      index++; // the closing fence, or the end of the document
      blocks.push({ type: "code", language: fence[2] ?? "", code: code.join("\n") });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: "heading", level, text: parseInline(heading[2] ?? ""), id: "" });
      index++;
      continue;
    }

    if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      index++;
      continue;
    }

    if (isTableStart(lines, index)) {
      const header = splitTableRow(line);
      const alignments = splitTableRow(lines[index + 1]!).map(alignmentOf);
      const rows: Inline[][][] = [];
      index += 2;
      while (index < lines.length && lines[index]!.trim() !== "" && lines[index]!.includes("|")) {
        const cells = splitTableRow(lines[index++]!);
        rows.push(header.map((_, column) => parseInline(cells[column] ?? "")));
      }
      blocks.push({
        type: "table",
        header: header.map(parseInline),
        alignments: header.map((_, c) => alignments[c] ?? null),
        rows,
      });
      continue;
    }

    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (index < lines.length && QUOTE.test(lines[index]!))
        quoted.push(lines[index++]!.replace(QUOTE, ""));
      blocks.push({ type: "quote", blocks: parseBlocks(quoted) });
      continue;
    }

    if (LIST_ITEM.test(line)) {
      const { block, next } = parseList(lines, index);
      blocks.push(block);
      index = next;
      continue;
    }

    const paragraph: string[] = [];
    while (
      index < lines.length &&
      lines[index]!.trim() !== "" &&
      (paragraph.length === 0 || !startsBlock(lines, index))
    ) {
      paragraph.push(lines[index++]!.trim());
    }
    blocks.push({ type: "paragraph", text: parseInline(paragraph.join(" ")) });
  }

  return blocks;
}

function startsBlock(lines: string[], index: number): boolean {
  const line = lines[index]!;
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    RULE.test(line) ||
    QUOTE.test(line) ||
    LIST_ITEM.test(line) ||
    isTableStart(lines, index)
  );
}

function parseList(lines: string[], start: number): { block: Block; next: number } {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const baseIndent = first[1]!.length;
  const ordered = /\d/.test(first[2]!);
  const items: ListItem[] = [];
  let index = start;

  while (index < lines.length) {
    const item = LIST_ITEM.exec(lines[index]!);
    if (!item || item[1]!.length !== baseIndent || /\d/.test(item[2]!) !== ordered) break;

    const contentIndent = baseIndent + item[2]!.length + Math.max(1, item[3]!.length);
    const content: string[] = [item[4]!];
    index++;

    while (index < lines.length) {
      const line = lines[index]!;
      if (line.trim() === "") {
        // A blank line ends the item unless more indented content (or a sibling) follows.
        const nextContent = lines.slice(index + 1).findIndex((candidate) => candidate.trim() !== "");
        if (nextContent === -1) break;
        const following = lines[index + 1 + nextContent]!;
        if (leadingSpaces(following) > baseIndent) {
          content.push("");
          index++;
          continue;
        }
        break;
      }
      const sibling = LIST_ITEM.exec(line);
      if (sibling && sibling[1]!.length <= baseIndent) break;
      if (leadingSpaces(line) <= baseIndent && startsBlock(lines, index)) break;
      content.push(line.slice(Math.min(contentIndent, leadingSpaces(line))));
      index++;
    }

    items.push({ blocks: parseBlocks(content) });

    // Skip blank lines between sibling items.
    let lookahead = index;
    while (lookahead < lines.length && lines[lookahead]!.trim() === "") lookahead++;
    const sibling = lookahead < lines.length ? LIST_ITEM.exec(lines[lookahead]!) : null;
    if (sibling && sibling[1]!.length === baseIndent && /\d/.test(sibling[2]!) === ordered) index = lookahead;
    else break;
  }

  return {
    block: { type: "list", ordered, start: ordered ? Number.parseInt(first[2]!, 10) : 1, items },
    next: index,
  };
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

function isTableStart(lines: string[], index: number): boolean {
  const line = lines[index]!;
  const next = lines[index + 1];
  return line.includes("|") && next !== undefined && next.includes("-") && TABLE_DELIMITER.test(next);
}

function splitTableRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < row.length; i++) {
    const char = row[i]!;
    if (char === "\\" && row[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (char === "|") {
      cells.push(cell.trim());
      cell = "";
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

function alignmentOf(delimiter: string): TableAlignment {
  const left = delimiter.startsWith(":");
  const right = delimiter.endsWith(":");
  if (left && right) return "center";
  if (right) return "right";
  if (left) return "left";
  return null;
}

/* ------------------------------------------------------------------------------------------------
 * Inline text
 * ---------------------------------------------------------------------------------------------- */

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|<>~]/;

export function parseInline(text: string): Inline[] {
  const nodes: Inline[] = [];
  let buffer = "";
  const flush = () => {
    if (buffer !== "") nodes.push({ type: "text", value: buffer });
    buffer = "";
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i]!;

    if (char === "\\" && i + 1 < text.length && ESCAPABLE.test(text[i + 1]!)) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }

    if (char === "`") {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      if (close !== -1) {
        flush();
        nodes.push({ type: "code", value: text.slice(i + run.length, close).trim() });
        i = close + run.length;
        continue;
      }
      buffer += run;
      i += run.length;
      continue;
    }

    if ((char === "*" || char === "_") && text[i + 1] === char) {
      const marker = char + char;
      const close = text.indexOf(marker, i + 2);
      if (close > i + 2) {
        flush();
        nodes.push({ type: "strong", children: parseInline(text.slice(i + 2, close)) });
        i = close + 2;
        continue;
      }
    }

    if (
      (char === "*" || char === "_") &&
      text[i + 1] !== char &&
      text[i + 1] !== " " &&
      text[i + 1] !== undefined
    ) {
      // "_" inside a word (snake_case) is not emphasis.
      const opensInsideWord = char === "_" && i > 0 && /\w/.test(text[i - 1]!);
      const close = findEmphasisClose(text, i + 1, char);
      if (!opensInsideWord && close !== -1) {
        flush();
        nodes.push({ type: "em", children: parseInline(text.slice(i + 1, close)) });
        i = close + 1;
        continue;
      }
    }

    if (char === "!" && text[i + 1] === "[") {
      // Images are not shown; their alternative text is.
      const link = readLink(text, i + 1);
      if (link) {
        flush();
        nodes.push(...parseInline(link.label));
        i = link.end;
        continue;
      }
    }

    if (char === "[") {
      const link = readLink(text, i);
      if (link) {
        flush();
        const children = parseInline(link.label);
        if (isSafeHref(link.href)) nodes.push({ type: "link", href: link.href, children });
        else nodes.push(...children);
        i = link.end;
        continue;
      }
    }

    if (char === "<") {
      const autolink = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/.exec(text.slice(i));
      if (autolink) {
        flush();
        nodes.push({ type: "link", href: autolink[1]!, children: [{ type: "text", value: autolink[1]! }] });
        i += autolink[0].length;
        continue;
      }
    }

    buffer += char;
    i++;
  }

  flush();
  return nodes;
}

function findEmphasisClose(text: string, from: number, marker: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text[i] === marker && text[i + 1] !== marker && text[i - 1] !== " " && text[i - 1] !== marker) {
      if (marker === "_" && i + 1 < text.length && /\w/.test(text[i + 1]!)) continue;
      return i;
    }
  }
  return -1;
}

function readLink(text: string, open: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  let closeLabel = -1;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text[i] === "[") depth++;
    if (text[i] === "]" && --depth === 0) {
      closeLabel = i;
      break;
    }
  }
  if (closeLabel === -1 || text[closeLabel + 1] !== "(") return null;
  // Parentheses inside a target, e.g. "f(1)", are balanced, as in CommonMark.
  let closeHref = -1;
  let parens = 0;
  for (let i = closeLabel + 2; i < text.length; i++) {
    if (text[i] === "(") parens++;
    else if (text[i] === ")" && parens-- === 0) {
      closeHref = i;
      break;
    }
  }
  if (closeHref === -1) return null;
  const target = text.slice(closeLabel + 2, closeHref).trim();
  const href = target.split(/\s+/)[0]!.replace(/^<|>$/g, "");
  return { label: text.slice(open + 1, closeLabel), href, end: closeHref + 1 };
}

/** Web, mail, in-app and in-page links only: no `javascript:`, `data:` or other schemes. */
export function isSafeHref(href: string): boolean {
  if (/^(https?:\/\/|mailto:)/i.test(href)) return true;
  if (href.startsWith("#")) return true;
  return href.startsWith("/") && !href.startsWith("//");
}

/* ------------------------------------------------------------------------------------------------
 * Heading anchors
 * ---------------------------------------------------------------------------------------------- */

export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((node) => ("value" in node ? node.value : inlineText(node.children))).join("");
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function assignHeadingIds(blocks: Block[], used: Map<string, number>): void {
  for (const block of blocks) {
    if (block.type === "heading") {
      const base = slugify(inlineText(block.text)) || "section";
      const count = used.get(base) ?? 0;
      used.set(base, count + 1);
      block.id = count === 0 ? base : `${base}-${count + 1}`;
    } else if (block.type === "quote") assignHeadingIds(block.blocks, used);
    else if (block.type === "list") for (const item of block.items) assignHeadingIds(item.blocks, used);
  }
}
