import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getContent } from "@/domain/content";
import { PitfallPage } from "@/features/playbook/pitfall-page";
import { pitfallPageView, pitfallSlugs } from "@/features/playbook/playbook-model";

interface PitfallRouteProps {
  params: Promise<{ pitfall: string }>;
}

/** Only the seven pitfalls exist; any other slug is a 404 without rendering. */
export const dynamicParams = false;

export function generateStaticParams(): { pitfall: string }[] {
  return pitfallSlugs().map((pitfall) => ({ pitfall }));
}

export async function generateMetadata({ params }: PitfallRouteProps): Promise<Metadata> {
  const view = pitfallPageView((await params).pitfall);
  return view ? { title: view.pitfall.name, description: view.pitfall.summary } : {};
}

export default async function PitfallRoute({ params }: PitfallRouteProps) {
  const view = pitfallPageView((await params).pitfall);
  if (!view) notFound();
  return <PitfallPage view={view} source={getContent().source} />;
}
