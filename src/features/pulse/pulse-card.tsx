import { pulsePath } from "@/contracts/pulse/paths";
import type { PulseCardView } from "@/contracts/pulse/views";
import { Link } from "@/ui/link";
import { SectionCard } from "@/ui/section-card";
import { PulseSummary } from "./pulse-summary";

const primaryLink =
  "inline-flex rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800";

/** The team page's card for the open cycle's anonymous pulse: who may answer, and the counts so far. */
export function PulseCard({ card }: { card: PulseCardView }) {
  const { availability, summary } = card;
  return (
    <SectionCard
      id="pulse-heading"
      title={`${summary.cycleName} anonymous pulse`}
      description="A few questions the people on the rota and the specialists answer themselves, anonymously."
    >
      {availability.kind === "open" ? (
        <Link href={pulsePath(card.teamSlug)} className={primaryLink}>
          Answer the anonymous pulse
        </Link>
      ) : availability.kind === "answered" ? (
        <p className="text-sm font-medium text-green-900">You answered this quarter&apos;s pulse.</p>
      ) : (
        <p className="text-sm text-slate-700">{availability.reason}</p>
      )}
      <PulseSummary pulse={summary} />
    </SectionCard>
  );
}
