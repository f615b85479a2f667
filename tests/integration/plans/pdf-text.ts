import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text of every page of a PDF, in reading order, with runs of whitespace collapsed. */
export async function extractPdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: bytes, isEvalSupported: false, verbosity: VerbosityLevel.ERRORS }).promise;
  const parts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  await document.destroy();
  return { pages: document.numPages, text: parts.join(" ").replace(/\s+/g, " ") };
}
