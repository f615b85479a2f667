import type { Pitfall } from "@/domain/content/schema";

export const linearRunCosts = {
  id: "linear-run-costs",
  name: "Linear run costs",
  summary: "Out-of-hours standby spending rises in step with the number of product teams.",
  whyItMatters:
    "Standby pay is a key cost of an operating model. When every new product team adds the same amount again, finance sees an on-call bill that only ever climbs, while Ops Run It — one support analyst on call for everything, possibly outsourced at a lower rate — looks cheap and safe by comparison. The model starts to look too expensive, and senior leaders may begin to view going back to Ops Run It as a fast way to cut costs while keeping services reliable.",
  symptoms: [
    {
      id: "run-cost-tied-to-team-count",
      title: "Run cost tied to team count",
      description:
        "Every product team puts one of its own members on out-of-hours standby, so each extra team adds a full standby payment to the on-call budget.",
    },
  ],
  causes: [
    {
      id: "targets-not-chosen-on-exposure",
      text: "Availability targets are not derived from what an hour of downtime would really cost, so services are run, or covered out of hours, to a level their financial exposure does not call for: above what downtime would cost, or below it.",
    },
    {
      id: "per-team-standby-cost-model",
      text: "Standby is costed as R(n): a pay rate R for each person on standby, times n product teams on call. Adding teams adds standby cost at the same rate — one team costs R(1), ten teams R(10), twenty teams R(20).",
    },
    {
      id: "cover-not-chosen-on-exposure",
      text: "Out-of-hours cover follows habit, not the service's financial exposure band: a central operations team keeps covering a service whose band calls for the product team's own schedule, or a domain schedule shared with sibling teams.",
    },
  ],
  countermeasures: [
    {
      countermeasureId: "select-availability-targets-on-financial-exposure",
      rationale:
        "each product team weighs the availability its service really needs against the engineering effort of reaching it",
      addresses: ["run-cost-tied-to-team-count"],
      removesCauses: ["targets-not-chosen-on-exposure"],
    },
    {
      countermeasureId: "select-out-of-hours-schedules-on-financial-exposure",
      rationale: "a growing number of product teams no longer brings a matching growth in standby costs",
      addresses: ["run-cost-tied-to-team-count"],
      removesCauses: ["per-team-standby-cost-model", "cover-not-chosen-on-exposure"],
    },
  ],
  notes: [
    {
      id: "standby-cost-model",
      title: "The R(n) standby cost model",
      body: "R is the rate paid to one person for being on standby; n is the number of product teams with someone on call. With a schedule per team, standby costs R(n). Ops Run It cannot produce a linear run cost: one app support analyst covering every foundational system out of hours costs R(1), and R may be lower still when app support is outsourced.",
    },
    {
      id: "run-cost-is-a-flawed-comparison",
      title: "Run cost on its own is a misleading yardstick",
      body: "High run costs are a risk of You Build It You Run It, not an inevitability. Comparing operating models on run cost alone also misses the point: each model is a different insurance policy for different business outcomes, and each has costs of several kinds. For digital services, what Ops Run It costs in lost opportunity outweighs any saving on standby pay.",
    },
    {
      id: "worse-with-split-accountability",
      title: "Worse alongside responsible but unaccountable",
      body: "If the Responsible but unaccountable pitfall is also present, on-call funding shows up as one line in a stretched opex budget, and that line grows linearly — an easy target whenever spending is reviewed.",
    },
  ],
  related: [
    {
      pitfallId: "responsible-but-unaccountable",
      why: "When someone else pays for on-call, product managers choose the highest availability targets and on-call levels, which creates the team-by-team schedules behind linear run costs.",
    },
    {
      pitfallId: "limited-on-call-schedule",
      why: "A standby bill that visibly grows with every team invites cuts to on-call funding, and thinner funding leaves fewer people willing to join a rota.",
    },
  ],
} satisfies Pitfall;

export default linearRunCosts;
