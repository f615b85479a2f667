import type { Pitfall } from "@/domain/content/schema";

export const excessiveBau = {
  id: "excessive-bau",
  name: "Excessive BAU",
  summary:
    "Unplanned operational rework takes up so much of a product team's time that planned features arrive late.",
  whyItMatters:
    "Leadership judges a product team by what it delivers. When firefighting crowds out the roadmap, planned product and operational features slip, and it looks as if the operating model has turned developers into a support desk. That makes handing services back to a central operations team look attractive.",
  symptoms: [
    {
      id: "slow-delivery-of-planned-work",
      title: "Slow delivery of planned work",
      description:
        "The product and operational features the product manager prioritised are not delivered when they were expected.",
    },
    {
      id: "high-number-of-callouts",
      title: "High number of callouts",
      description:
        "Most of the team's time goes on fighting operational problems such as flaky alerts, failed deployments and infrastructure errors.",
    },
  ],
  causes: [
    {
      id: "no-graceful-degradation",
      text: "Digital services cannot degrade gracefully when something they depend on fails.",
    },
    {
      id: "inconsistent-deployments-across-environments",
      text: "Production deployments are not applied consistently across all environments.",
    },
    {
      id: "manual-telemetry-toolchain",
      text: "The telemetry toolchain behind dashboards and alerts is not fully automated.",
    },
    {
      id: "untracked-operational-rework",
      text: "Operational rework is done off the board, without a ticket or time recorded, so nobody can see how much of the week it eats or plan for it.",
    },
  ],
  countermeasures: [
    {
      countermeasureId: "treat-unplanned-rework-as-planned-work",
      rationale:
        "operational rework shows up on the board, and is prioritised and followed through in the same way as feature work",
      addresses: ["slow-delivery-of-planned-work"],
      removesCauses: ["untracked-operational-rework"],
    },
    {
      countermeasureId: "re-architect-for-adaptability",
      rationale: "services can degrade gracefully on failure instead of turning every fault into a callout",
      addresses: ["high-number-of-callouts", "slow-delivery-of-planned-work"],
      removesCauses: ["no-graceful-degradation"],
    },
    {
      countermeasureId: "create-automated-deployment-pipeline",
      rationale: "failed deployments become rare, and the ones that do fail can be reverted quickly",
      addresses: ["high-number-of-callouts"],
      removesCauses: ["inconsistent-deployments-across-environments"],
    },
    {
      countermeasureId: "establish-automated-telemetry-toolchain",
      rationale: "dashboards and alerts can be trusted, and updated whenever the service changes",
      addresses: ["high-number-of-callouts"],
      removesCauses: ["manual-telemetry-toolchain"],
    },
  ],
  notes: [
    {
      id: "unplanned-work-is-rework",
      title: "Unplanned operational work is rework",
      body: "Day-to-day operational tasks, often called BAU (business as usual), have to be done, but they move no planned product or operational feature forward: they are rework. When there is too much of it, the team cannot finish planned work when the product manager expects it.",
    },
    {
      id: "measure-it-because-it-hides",
      title: "Measure it, because it hides",
      body: "Teams often fix flaky alerts, failed deployments and infrastructure errors without raising a ticket, so the rework never reaches the board. The dependable way to spot this pitfall is to measure, every week, the share of each team member's time spent on planned work.",
    },
    {
      id: "seen-less-often-than-feared",
      title: "Seen less often than feared",
      body: "In practice this pitfall turns up less often than people expect. The fear is a legacy of on-premise software services, which generated a lot of operational rework; for cloud-based digital services, the cloud provider handles many operational changes automatically.",
    },
  ],
  related: [
    {
      pitfallId: "limited-on-call-schedule",
      why: "Both grow from services that cannot degrade gracefully and from unprepared responders, and both are eased by re-architecting digital services for adaptability.",
    },
    {
      pitfallId: "change-management-treacle",
      why: "Slow change approval leads to fewer, larger deployments whose problems are harder to diagnose, which adds to operational rework.",
    },
  ],
} satisfies Pitfall;

export default excessiveBau;
