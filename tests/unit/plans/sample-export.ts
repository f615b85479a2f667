/**
 * Export objects to render in tests: one team section with scores, triggered symptoms and plan
 * items whose text carries the characters CSV and Markdown must survive (commas, quotes, line
 * breaks, pipes, non-ASCII letters).
 */
import {
  EXPORT_SCHEMA_VERSION,
  type ExportLastResult,
  type ExportPlanItem,
  type ExportTeamSection,
  type TeamPlanExport,
} from "@/domain/plans/export-schema";

export function samplePlanItem(overrides: Partial<ExportPlanItem> = {}): ExportPlanItem {
  return {
    id: "item-1",
    countermeasureId: "treat-unplanned-rework-as-planned-work",
    action: "Treat unplanned operational rework like planned work",
    pitfallId: "excessive-bau",
    pitfallName: "Excessive BAU",
    rationale: "operational rework shows up on the board, and is prioritised like feature work",
    addresses: [{ symptomId: "slow-delivery-of-planned-work", title: "Slow delivery of planned work" }],
    status: "in_progress",
    statusLabel: "In progress",
    droppedReason: null,
    ownerName: "Zoë Müller",
    ownerEmail: "zoe.muller@example.com",
    dueOn: "2026-12-31",
    overdue: false,
    notes: 'Agree with "Ops", then split, as agreed\nSecond line: Zoë Müller, Łukasz, 東京 | pipes',
    addedAt: "2026-07-02T09:30:00.000Z",
    completedAt: null,
    closedLoop: {
      scoreWhenAdded: 62,
      addedInCycle: "2026 Q2",
      latestScore: 41,
      latestCycle: "2026 Q3",
      difference: -21,
      direction: "down",
      summary: "Excessive BAU: 62.0 → 41.0 (down 21.0) since 2026 Q2",
    },
    ...overrides,
  };
}

export function sampleTeamSection(planItems: ExportPlanItem[] = [samplePlanItem()]): ExportTeamSection {
  return {
    team: { slug: "checkout", name: "Checkout", orgUnit: { slug: "payments", name: "Payments" } },
    assessment: {
      status: "submitted",
      submittedAt: "2026-09-10T00:00:00.000Z",
      headline: {
        band: "medium",
        highOrCriticalCount: 0,
        criticalCount: 0,
        worstPitfalls: [{ id: "excessive-bau", name: "Excessive BAU" }],
        worstScore: 41,
        averageScore: 26.8,
        scoredCount: 2,
        unscoredCount: 1,
      },
      pitfalls: [
        {
          pitfallId: "linear-run-costs",
          pitfallName: "Linear run costs",
          status: "scored",
          score: 12.5,
          band: "low",
          confidence: 1,
          dontKnowOnly: false,
          triggeredSymptoms: [],
        },
        {
          pitfallId: "excessive-bau",
          pitfallName: "Excessive BAU",
          status: "scored",
          score: 41,
          band: "medium",
          confidence: 0.85,
          dontKnowOnly: false,
          triggeredSymptoms: [
            {
              symptomId: "slow-delivery-of-planned-work",
              title: "Slow delivery of planned work",
              points: 20.5,
              suspected: false,
            },
          ],
        },
        {
          pitfallId: "embedded-specialists",
          pitfallName: "Embedded specialists",
          status: "not-assessed",
          score: null,
          band: null,
          confidence: 0,
          dontKnowOnly: false,
          triggeredSymptoms: [],
        },
      ],
    },
    lastResult: null,
    recommendations: [
      {
        countermeasureId: "treat-unplanned-rework-as-planned-work",
        action: "Treat unplanned operational rework like planned work",
        totalRiskRemoved: 20.5,
        pitfalls: [
          {
            pitfallId: "excessive-bau",
            pitfallName: "Excessive BAU",
            rationale: "operational rework shows up on the board",
            riskRemoved: 20.5,
            addresses: [
              {
                symptomId: "slow-delivery-of-planned-work",
                title: "Slow delivery of planned work",
                triggered: true,
              },
            ],
          },
        ],
      },
    ],
    planItems,
  };
}

export function sampleTeamExport(planItems?: ExportPlanItem[]): TeamPlanExport {
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    kind: "team",
    generatedAt: "2026-11-27T10:00:00.000Z",
    cycle: { name: "2026 Q3", year: 2026, quarter: 3, opensOn: "2026-07-01", closesOn: "2026-09-15" },
    ...sampleTeamSection(planItems),
  };
}

/** A last result from 2026 Q2: Critical, for a team without a result in the exported cycle. */
export function sampleLastResult(overrides: Partial<ExportLastResult> = {}): ExportLastResult {
  return {
    cycle: "2026 Q2",
    status: "submitted",
    submittedAt: "2026-06-12T00:00:00.000Z",
    headline: {
      band: "critical",
      highOrCriticalCount: 2,
      criticalCount: 1,
      worstPitfalls: [{ id: "change-management-treacle", name: "Change management treacle" }],
      worstScore: 96.1,
      averageScore: 40.2,
      scoredCount: 7,
      unscoredCount: 0,
    },
    topRecommendations: [
      {
        countermeasureId: "pre-approve-low-risk-changes",
        action: "Pre-approve low-risk, repeatable changes",
        totalRiskRemoved: 31.5,
      },
    ],
    ...overrides,
  };
}

/** A team section without a result in the exported cycle, with its last result from 2026 Q2. */
export function sampleSectionWithoutResult(
  planItems: ExportPlanItem[] = [],
  lastResult: ExportLastResult | null = sampleLastResult(),
): ExportTeamSection {
  return { ...sampleTeamSection(planItems), assessment: null, recommendations: [], lastResult };
}
