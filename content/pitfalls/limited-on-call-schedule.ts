import type { Pitfall } from "@/domain/content/schema";

export const limitedOnCallSchedule = {
  id: "limited-on-call-schedule",
  name: "Limited on-call schedule",
  summary:
    "Only a few members of a product team carry out-of-hours on-call, and they are heading for burnout.",
  whyItMatters:
    "A thin rota leaves services at risk of long out-of-hours incidents. When exhausted on-call engineers need time off, morale drops and planned features take longer than expected. Leadership reads both as evidence that product teams cannot run what they build.",
  symptoms: [
    {
      id: "minority-of-team-on-call",
      title: "Minority of the team on call",
      description:
        "Most of the team stays off the out-of-hours rota, leaving a few people to cover every night and weekend.",
    },
    {
      id: "on-call-burnout-risk",
      title: "On-call engineers near burnout",
      description:
        "The people who do go on call find it seriously disrupts their personal lives, and they are close to burning out.",
    },
  ],
  causes: [
    {
      id: "unprepared-for-on-call",
      text: "Team members feel unprepared to support their services on call.",
    },
    {
      id: "unhappy-with-on-call-pay",
      text: "Team members are unhappy with how they are paid for being on call.",
    },
    {
      id: "too-much-time-on-call",
      text: "Months of frequent on-call shifts wear people down until they burn out.",
    },
    {
      id: "services-need-frequent-intervention",
      text: "Services need a person to step in often and take long to put right, so every out-of-hours shift is heavy and incidents drag on.",
    },
  ],
  countermeasures: [
    {
      countermeasureId: "prepare-for-on-call-from-day-one",
      rationale:
        "people on the rota have what they need to deal with a production alert at night or at the weekend",
      addresses: ["minority-of-team-on-call", "on-call-burnout-risk"],
      removesCauses: ["unprepared-for-on-call"],
    },
    {
      countermeasureId: "re-architect-for-adaptability",
      rationale:
        "digital services rarely need a person to step in, and are quick to put right when they fail",
      addresses: ["on-call-burnout-risk"],
      removesCauses: ["services-need-frequent-intervention"],
    },
    {
      countermeasureId: "ensure-fair-on-call-remuneration",
      rationale:
        "people on call feel fairly paid for the way on-call intrudes on their evenings and weekends",
      addresses: ["minority-of-team-on-call", "on-call-burnout-risk"],
      removesCauses: ["unhappy-with-on-call-pay"],
    },
    {
      countermeasureId: "craft-sustainable-on-call-schedule",
      rationale: "the out-of-hours load is spread so that nobody carries more than a fair share of it",
      addresses: ["minority-of-team-on-call", "on-call-burnout-risk"],
      removesCauses: ["too-much-time-on-call"],
    },
  ],
  notes: [
    {
      id: "respect-individual-circumstances",
      title: "Respect individual circumstances",
      body: "People's circumstances differ, and so do their decisions about on-call. Those decisions deserve respect: the way out of this pitfall is better preparation, pay and scheduling, not pressure on individuals.",
    },
    {
      id: "operations-teams-too",
      title: "Operations teams are affected too",
      body: "Central operations teams can fall into the same pitfall. An app support team may have useful organisational context and experience to contribute when a product team sets up its rota.",
    },
  ],
  related: [
    {
      pitfallId: "excessive-bau",
      why: "Both grow from services that cannot degrade gracefully and from unprepared responders, and both are eased by re-architecting digital services for adaptability.",
    },
    {
      pitfallId: "responsible-but-unaccountable",
      why: "When on-call is paid from an operations budget under scrutiny, funding cuts shrink the rota.",
    },
    {
      pitfallId: "no-major-incident-management",
      why: "A thin rota and a missing major incident process both lengthen the time it takes to resolve an incident.",
    },
  ],
} satisfies Pitfall;

export default limitedOnCallSchedule;
