import type { Metadata } from "next";
import { getContent } from "@/domain/content";
import { PlaybookIndex } from "@/features/playbook/playbook-index";
import { playbookIndexView } from "@/features/playbook/playbook-model";

export const metadata: Metadata = {
  title: "Playbook",
  description: "The seven pitfalls of You Build It You Run It, their symptoms, causes and countermeasures.",
};

export default function PlaybookPage() {
  return <PlaybookIndex view={playbookIndexView()} source={getContent().source} />;
}
