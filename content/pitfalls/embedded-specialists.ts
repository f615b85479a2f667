import type { Pitfall } from "@/domain/content/schema";

export const embeddedSpecialists = {
  id: "embedded-specialists",
  name: "Embedded specialists",
  summary:
    "Specialists embedded in product teams are too few to go round, so one expertise bottleneck becomes many.",
  whyItMatters:
    "Embedding a specialist in every team is meant to end the wait for a central team. With too few specialists, teams still wait hours or days — now for their own overstretched specialist — while the specialists burn out or drift away. Delivery stalls, and leadership starts to believe the model cannot scale without a central team doing the work.",
  symptoms: [
    {
      id: "specialists-shared-between-teams",
      title: "Embedded specialists shared between teams",
      description:
        "The organisation design calls for one embedded specialist in each product team, but there are fewer specialists than teams, so each one is spread across several.",
    },
    {
      id: "unpredictable-specialist-workload",
      title: "Unpredictable workload for embedded specialists",
      description:
        "Embedded specialists swing between having too little to do and being overwhelmed by demand from several teams at once.",
    },
    {
      id: "specialist-loneliness",
      title: "Loneliness for embedded specialists",
      description:
        "Embedded specialists rarely get the chance to work alongside, learn from or even talk to others in their specialty.",
    },
  ],
  causes: [
    {
      id: "central-specialist-team-overwhelmed",
      text: "A small central team of specialists cannot keep up with a growing number of product teams, and developers have little appetite for debugging production databases or learning infrastructure tooling on the job, so embedding a specialist in each team looks like the answer.",
    },
    {
      id: "scarce-affordable-specialists",
      text: "Affordable specialists are scarce in the job market, so there are never enough to place one in every team.",
    },
    {
      id: "fluctuating-demand-for-expertise",
      text: "Each team's need for specialist expertise rises and falls, so a dedicated specialist is either idle or swamped.",
    },
  ],
  countermeasures: [
    {
      countermeasureId: "establish-specialists-as-a-service",
      rationale:
        "repeatable, common tasks become self-service automation, leaving a central pool of specialists with time to help any team when expert judgement is needed",
      addresses: [
        "specialists-shared-between-teams",
        "unpredictable-specialist-workload",
        "specialist-loneliness",
      ],
      removesCauses: [
        "central-specialist-team-overwhelmed",
        "scarce-affordable-specialists",
        "fluctuating-demand-for-expertise",
      ],
    },
  ],
  notes: [
    {
      id: "which-specialists",
      title: "Which specialists this covers",
      body: "Any specialty tied to operational work: database administrators, information security analysts, network administrators, operability engineers and more. A cross-functional team needs many skills, and each specialty needs years of practice: getting both into every team at once rarely works.",
    },
    {
      id: "one-bottleneck-becomes-many",
      title: "One bottleneck becomes many",
      body: "Embedding splits one large expertise bottleneck into several smaller ones. Where teams used to queue for hours or days at a central specialist team, each team now queues for hours or days until its own embedded specialist has time.",
    },
  ],
  related: [],
} satisfies Pitfall;

export default embeddedSpecialists;
