import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isPitfallId } from "@/domain/dashboards/stored-rows";

/** Unknown pitfall ids answer 404 before anything streams. */
export default async function PitfallExplanationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ pitfallId: string }>;
}) {
  if (!isPitfallId((await params).pitfallId)) notFound();
  return children;
}
