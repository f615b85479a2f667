import "server-only";

/** A download, ready to be sent: the body is a stream so large exports never sit in memory whole. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

/**
 * A byte stream over text chunks produced on demand: the next chunk is only built when the reader
 * asks for it, so a slow download slows the work down instead of buffering it, and each chunk's
 * database reads give other requests their turn.
 */
export function streamText(chunks: AsyncIterable<string> | Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator =
    Symbol.asyncIterator in chunks
      ? (chunks as AsyncIterable<string>)[Symbol.asyncIterator]()
      : (chunks as Iterable<string>)[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            controller.close();
            return;
          }
          if (next.value.length > 0) {
            controller.enqueue(encoder.encode(next.value));
            return;
          }
        }
      } catch (error) {
        console.error("An export failed while it was being written", error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Reads a whole export body; for tests and small callers. */
export async function readExportBytes(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}

export async function readExportText(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}
