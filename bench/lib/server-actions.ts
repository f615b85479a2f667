/** Server actions of the production build: id, exported name and file. */
import { readFileSync } from "node:fs";

export interface ServerActionRef {
  id: string;
  name: string;
  file: string;
}

export function serverActions(): ServerActionRef[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName ?? "(unnamed)",
    file: entry.filename ?? "(unknown)",
  }));
}
