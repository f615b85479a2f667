/** Server action ids of the production build, by the name of the exported function. */
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

export function serverActionId(name: string): string {
  const found = serverActions().find((action) => action.name === name);
  if (!found) throw new Error(`No server action named ${name} in the build.`);
  return found.id;
}
