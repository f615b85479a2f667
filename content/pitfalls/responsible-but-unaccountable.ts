import type { Pitfall } from "@/domain/content/schema";

export const responsibleButUnaccountable = {
  id: "responsible-but-unaccountable",
  name: "Responsible but unaccountable",
  summary:
    "Product teams run their services, but the Head of Operations still answers for their reliability and pays for their on-call.",
  whyItMatters:
    "When the people who choose availability targets and on-call levels neither pay for them nor answer for incidents, costs creep upwards and operability slips. Leadership sees rising on-call spending and services that are no more reliable than before, and handing them back to a central operations team — where accountability never moved from — looks like the tidy answer.",
  symptoms: [
    {
      id: "inflated-availability-targets",
      title: "Inflated availability targets",
      description:
        "Product managers are drawn to the highest availability target and the most demanding on-call level, whatever the service's financial exposure.",
    },
    {
      id: "low-priority-operational-features",
      title: "Low-priority operational features",
      description:
        "Product managers have little reason to rank operational features, such as alerting, resilience and runbooks, alongside product features, so they sink down the backlog.",
    },
    {
      id: "weak-operability-incentives",
      title: "Weak operability incentives",
      description:
        "Nothing rewards a product team for making its services easier to run, so operability work keeps losing out to the next feature.",
    },
    {
      id: "on-call-funding-pressure",
      title: "On-call funding pressure",
      description:
        "Every time opex spending is scrutinised, product teams are pushed to trim on-call costs and cut corners.",
    },
  ],
  causes: [
    {
      id: "head-of-operations-accountable",
      text: "Even after moving to You Build It You Run It, it is still the Head of Operations who answers for how reliable digital services are.",
    },
    {
      id: "teams-not-held-accountable",
      text: "Product teams look after their services day to day, yet when production breaks, the consequences land on someone else.",
    },
    {
      id: "on-call-funded-by-operations",
      text: "The Head of Operations owns the opex budget that product teams' on-call pay is drawn from.",
    },
  ],
  countermeasures: [
    {
      countermeasureId: "make-budget-holders-accountable-for-outcomes",
      rationale: "product teams are solely accountable for their own digital services",
      addresses: [
        "inflated-availability-targets",
        "low-priority-operational-features",
        "weak-operability-incentives",
      ],
      removesCauses: ["head-of-operations-accountable", "teams-not-held-accountable"],
    },
    {
      countermeasureId: "fund-on-call-from-product-budgets",
      rationale:
        "product teams pay for their own on-call, and weigh its cost when they choose targets and cover",
      addresses: ["inflated-availability-targets", "on-call-funding-pressure"],
      removesCauses: ["on-call-funded-by-operations"],
    },
  ],
  notes: [
    {
      id: "why-split-accountability-dilutes-incentives",
      title: "Why split accountability weakens incentives",
      body: "With accountability kept away from product teams, nobody has a strong reason to care about operability. A product manager can pick any availability target at no cost, because someone else pays the on-call bill. A team can skimp on designing for adaptive capacity, because nobody will ask about inoperability later.",
    },
    {
      id: "supportive-head-of-operations",
      title: "A supportive Head of Operations softens the impact",
      body: "The damage is smaller where the Head of Operations actively backs You Build It You Run It and looks for every chance to empower on-call product teams.",
    },
  ],
  related: [
    {
      pitfallId: "linear-run-costs",
      why: "Inflated availability targets and on-call levels turn into a schedule per team, and standby costs that grow with every team.",
    },
    {
      pitfallId: "limited-on-call-schedule",
      why: "Pressure on an operations-owned on-call budget leads to funding cuts, and underfunded on-call leaves too few people on the rota.",
    },
    {
      pitfallId: "change-management-treacle",
      why: "When operations keeps accountability for reliability, it tends to keep heavyweight change approval too.",
    },
  ],
} satisfies Pitfall;

export default responsibleButUnaccountable;
