import { content } from "@/domain/content";

export function pitfallSummaries(): { id: string; name: string; summary: string }[] {
  return content.pitfalls.map(({ id, name, summary }) => ({ id, name, summary }));
}
