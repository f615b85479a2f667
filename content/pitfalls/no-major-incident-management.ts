import type { Pitfall } from "@/domain/content/schema";

export const noMajorIncidentManagement = {
  id: "no-major-incident-management",
  name: "No major incident management",
  summary:
    "Digital services sit outside the organisation's major incident process, so big incidents are handled inconsistently and leaders hear about them late.",
  whyItMatters:
    "Major incidents are when senior leaders pay the closest attention. If product teams improvise, the incident management team does not know what is happening and leadership learns about large financial losses after the event, doubts about one incident quickly become doubts about the whole operating model. It is one of the fastest ways to lose leadership's confidence.",
  symptoms: [
    {
      id: "lack-of-incident-response-collaboration",
      title: "Lack of incident response collaboration",
      description:
        "When an incident spreads beyond one team, responders have no agreed way to pull in the other product teams or the enabler teams they need.",
    },
    {
      id: "major-incident-ignorance",
      title: "Major incident ignorance",
      description:
        "The incident management team does not find out when digital services have a major incident.",
    },
    {
      id: "no-crisis-communications",
      title: "No crisis communications",
      description:
        "Senior leaders are not told when a major incident is causing significant financial losses.",
    },
  ],
  causes: [
    {
      id: "incident-management-excluded",
      text: "The incident management team is left out of incident response for digital services.",
    },
    {
      id: "no-shared-incident-practices",
      text: "With no shared process, each product team responds to incidents in its own way and does not know whom to update, or how often.",
    },
  ],
  countermeasures: [
    {
      countermeasureId: "integrate-into-incident-management-as-is",
      rationale:
        "incident managers can take command of incidents in digital services, just as they already do for foundational systems",
      addresses: [
        "lack-of-incident-response-collaboration",
        "major-incident-ignorance",
        "no-crisis-communications",
      ],
      removesCauses: ["incident-management-excluded", "no-shared-incident-practices"],
    },
  ],
  notes: [
    {
      id: "crisis-communications",
      title: "Crisis communications matter most",
      body: "During a major incident, product teams need to know whom to contact and how often to send updates. Senior leaders left without clear, prompt updates during a major incident quickly start to question the whole operating model.",
    },
    {
      id: "cost-of-inconsistency",
      title: "Inconsistency costs time and money",
      body: "Without shared incident management, behaviours and communication pathways differ from team to team. When an incident needs more than one product team to resolve it, resolution takes longer, financial losses grow, and product teams look less rigorous than they are.",
    },
  ],
  related: [
    {
      pitfallId: "limited-on-call-schedule",
      why: "Both lengthen incident resolution: a thin rota delays the first response out of hours, and a missing major incident process delays coordination once several teams are involved.",
    },
  ],
} satisfies Pitfall;

export default noMajorIncidentManagement;
