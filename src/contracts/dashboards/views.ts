/** What the dashboard queries return and the dashboard pages render: plain data, no server imports. */
import type { TeamPulseView } from "@/contracts/pulse/views";
import type { PitfallId } from "@/domain/content/schema";
import type { CycleOption } from "@/domain/dashboards/cycles";
import type { Heatmap, HeatmapQuery } from "@/domain/dashboards/heatmap";
import type { RollupHistory, Rollups, RollupScope } from "@/domain/dashboards/rollups";
import type { RunCostQuery, RunCostWhatIf } from "@/domain/dashboards/run-cost";
import type { RemediationStep, StoredDetail } from "@/domain/dashboards/team-dashboard";
import type { MethodChange, Trend } from "@/domain/dashboards/trend";
import type { OrgPriorities } from "@/domain/dashboards/org-priorities";
import type { OffRuleTeam } from "@/domain/dashboards/run-cost-off-rule";
import type { PlanPlacement } from "@/domain/plans/plan-item-rules";
import type { HeadlineView } from "@/domain/results/headline";
import type { PitfallStatus, RiskBand } from "@/domain/scoring";

export interface TeamHeader {
  name: string;
  slug: string;
  orgUnitName: string;
}

export interface PitfallSummary {
  pitfallId: PitfallId;
  name: string;
  status: PitfallStatus | null;
  score: number | null;
  band: RiskBand | null;
  /** 0..1: how much of the applicable evidence was answered. */
  confidence: number;
  /**
   * See percentileSentence: share of the organisation's other teams scored on the pitfall with a
   * lower score; null when the pitfall was not scored for the team.
   */
  percentile: number | null;
  /** Teams scored on the pitfall in the cycle, this one included when it is: the percentile's population. */
  scoredTeams: number;
  trend: Trend | null;
  /** `suspected`: every answer behind it is "don't know", so it is suspected rather than seen. */
  triggeredSymptoms: { symptomId: string; title: string; suspected: boolean }[];
  /** Questions of the pitfall the team's own answers were split on when it submitted. */
  splitQuestions: number;
}

export interface TrendPoint {
  cycleKey: string;
  cycleName: string;
  /** The average of the scored pitfalls: secondary to the headline. */
  overall: number | null;
  headline: { band: RiskBand | null; highOrCriticalCount: number };
  scores: Partial<Record<PitfallId, number | null>>;
}

export interface TeamDashboardView {
  team: TeamHeader;
  /** Cycles in which the team submitted, newest first. */
  cycles: CycleOption[];
  /** Null when the team has never submitted an assessment. */
  cycle: CycleOption | null;
  /**
   * The selected cycle's assessment was reopened after it was submitted: the figures are its last
   * submitted results, which stay until the team submits again.
   */
  reopened: boolean;
  previousCycle: CycleOption | null;
  /**
   * `headline` leads (worst band, High or Critical count); `score` and `band` are the stored average
   * and its band, secondary. `trend` is the headline's move in the risk order since the previous cycle.
   */
  overall: {
    score: number | null;
    band: RiskBand | null;
    headline: HeadlineView | null;
    trend: Trend | null;
  };
  /** Mean confidence of the scored pitfalls, 0..1. */
  confidence: number | null;
  /**
   * Teams in the organisation with results in the cycle (an archived team's own dashboard counts it
   * among them); each pitfall's percentile compares with those of them scored on it (scoredTeams).
   */
  comparedTeams: number;
  pitfalls: PitfallSummary[];
  /** Oldest first. */
  history: TrendPoint[];
  /** Set when the selected and previous cycle were scored with different methods: no trends then. */
  methodChange: MethodChange | null;
  /** Set when the history's cycles were scored with more than one method. */
  historyMethodNote: string | null;
  /**
   * `planItemId`: the team's plan item made from the step's countermeasure, if there is one, and
   * `planItemStatus` its status (a dropped item is not "in the plan").
   */
  remediation: (RemediationStep & { pitfallNames: string[] } & PlanPlacement)[];
  /**
   * Set to the pitfall the headline names when every point of it comes from "don't know" answers:
   * finding out comes before the steps.
   */
  findOutFirst: { pitfallName: string } | null;
  /** Whether the viewer may add the steps to the team's plan (latest cycle, active team); the server checks again. */
  canEditPlan: boolean;
  /** The team's anonymous pulse in the selected cycle, counts only; null when nobody answered it. */
  pulse: TeamPulseView | null;
}

export type ExplanationItem =
  | {
      kind: "answer";
      questionId: string;
      prompt: string;
      answer: string;
      points: number;
      share: number;
      /**
       * False for an answer on the healthy side of its scale, or in its middle: it adds a little to
       * the score but triggers nothing and makes no next step. True for results stored before the
       * method said so.
       */
      signOnItsOwn: boolean;
    }
  | { kind: "context-rule"; ruleId: string; explanation: string; points: number; share: number };

export interface PitfallExplanationView {
  team: TeamHeader;
  cycles: CycleOption[];
  cycle: CycleOption;
  pitfall: { id: PitfallId; name: string; summary: string };
  status: PitfallStatus | null;
  score: number | null;
  band: RiskBand | null;
  confidence: number;
  percentile: number | null;
  /** Teams scored on the pitfall in the cycle, this one included when it is: the percentile's population. */
  scoredTeams: number;
  comparedTeams: number;
  trend: Trend | null;
  /** Set when the previous cycle was scored with another method, so no trend is shown. */
  methodChange: MethodChange | null;
  evidence: StoredDetail["evidence"];
  /** Questions of the pitfall the team's own answers were split on when it submitted. */
  splitQuestions: number;
  /** Where the result page lists those questions with the spread of the answers. */
  resultHref: string;
  /** The pulse questions of this pitfall in the selected cycle, counts only; null when nobody answered. */
  pulse: TeamPulseView | null;
  contributions: ExplanationItem[];
  triggeredSymptoms: { symptomId: string; title: string; suspected: boolean }[];
  /** `suspected`: every answer behind it is "don't know", so it is suspected rather than seen. */
  triggeredCauses: { causeId: string; text: string; suspected: boolean }[];
  countermeasures: { countermeasureId: string; action: string; rationale: string; riskRemoved: number }[];
  /** High-risk findings that hold the pitfall at a band or above. */
  findings: { explanation: string; floor: "Medium" | "High" | "Critical" }[];
  /** The average of the answers when a finding lifted the score above it; otherwise null. */
  averageScore: number | null;
  /** The average when "don't know" alone would have made it Critical (the ceiling); otherwise null. */
  ceilingAverage: number | null;
}

export interface OrgHeatmapView {
  scope: "organisation" | "org-units";
  cycles: CycleOption[];
  /** Null when no cycle has started yet. */
  cycle: CycleOption | null;
  previousCycle: CycleOption | null;
  units: { slug: string; name: string }[];
  /** The query as applied: the cycle resolved to a key, an unknown unit dropped. */
  query: HeatmapQuery;
  /** True when the URL named a unit the viewer cannot see (or that does not exist). */
  unknownUnit: boolean;
  /**
   * The units' open or closed state as the address gives it (`units`, `except`), unparsed: the
   * page sends the team rows of open units only, and the table starts from the same state.
   */
  unitsInAddress: { units: string | null; except: string | null };
  pitfalls: { id: PitfallId; name: string }[];
  heatmap: Heatmap;
  /**
   * Set when the selected and previous cycle's results come from different scoring methods; a
   * team's trend is then only shown where both of its results share a method.
   */
  methodChange: MethodChange | null;
}

export interface OrgRollupsView {
  scope: "organisation" | "org-units";
  cycles: CycleOption[];
  cycle: CycleOption | null;
  previousCycle: CycleOption | null;
  /** Oldest first, ending with the selected cycle. */
  history: CycleOption[];
  units: { slug: string; name: string }[];
  /** The unit whose trends are shown; null for every team the viewer may read. */
  focusUnit: { slug: string; name: string } | null;
  pitfalls: { id: PitfallId; name: string }[];
  rollups: Rollups | null;
  /**
   * The focus unit's roll-up over its teams and those of the units below it (what its trend is
   * taken over); null without a focus unit.
   */
  focusRollup: RollupScope | null;
  /** Trend of the focus scope per pitfall, oldest first. */
  trend: RollupHistory | null;
  /** Set when the selected and previous cycle's results come from different scoring methods. */
  methodChange: MethodChange | null;
  /** Set when the trend's cycles were scored with more than one method. */
  historyMethodNote: string | null;
}

export interface RunCostView {
  scope: "organisation" | "org-units";
  cycles: CycleOption[];
  cycle: CycleOption | null;
  query: RunCostQuery;
  units: { id: string; slug: string; name: string }[];
  /**
   * Teams of the cycle whose latest assessment with results (up to the cycle) says how they are
   * covered: submitted, or reopened (then counted with its context as it stands, being revised).
   */
  teamsReporting: number;
  /** Teams of the cycle with no assessment with results up to it: left out of the figures. */
  teamsNotReporting: number;
  /**
   * Teams counted with the context of a reopened assessment, by name: the team is revising it, so
   * their figures may still change until it submits again.
   */
  teamsBeingRevised: { name: string; slug: string; cycleName: string }[];
  whatIf: RunCostWhatIf | null;
  /** Teams whose cover differs from the rule, with what moving each of them alone would change. */
  teamsOffRule: OffRuleTeamView[];
}

export interface OrgPrioritiesView {
  scope: "organisation" | "org-units";
  cycles: CycleOption[];
  /** Null when no cycle has started yet. */
  cycle: CycleOption | null;
  previousCycle: CycleOption | null;
  units: { slug: string; name: string }[];
  /** The unit the view is narrowed to; null for every team the viewer may read. */
  focusUnit: { slug: string; name: string } | null;
  priorities: OrgPriorities | null;
}

/** A team off the playbook's rule, as the run-cost page lists it. */
export interface OffRuleTeamView extends OffRuleTeam {
  name: string;
  slug: string;
  /** Counted with the context of a reopened assessment, which the team is revising. */
  reopened: boolean;
  unitName: string;
}
