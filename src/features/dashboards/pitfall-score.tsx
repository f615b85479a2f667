import type { RiskBand } from "@/domain/scoring/bands";
import type { PitfallStatus } from "@/domain/scoring/types";
import { BandChip } from "@/ui/band-chip";

/** A pitfall's score on its band chip, or why it has no score. */
export function PitfallScore({
  score,
  band,
  status,
}: {
  score: number | null;
  band: RiskBand | null;
  status: PitfallStatus | null;
}) {
  if (score === null) {
    return (
      <span className="text-slate-700">
        {status === "not-assessed" ? "Not assessed" : "Not enough answers to score"}
      </span>
    );
  }
  return <BandChip score={score} band={band} />;
}
