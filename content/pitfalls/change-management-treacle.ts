import type { Pitfall } from "@/domain/content/schema";

export const changeManagementTreacle = {
  id: "change-management-treacle",
  name: "Change management treacle",
  summary:
    "A slow, approval-heavy change process holds deployments back, so teams ship rarely and in big batches.",
  whyItMatters:
    "Slow approvals stretch deployment lead times and push teams towards fewer, larger deployments, whose changes are harder to understand and whose failures are harder to diagnose. The faster delivery that justified You Build It You Run It never arrives, and the strained relationship between change managers and product teams becomes a story about the operating model itself.",
  symptoms: [
    {
      id: "insufficient-deployment-frequency",
      title: "Insufficient deployment frequency",
      description: "Product teams cannot reach one deployment a week, let alone deploy more often than that.",
    },
    {
      id: "prolonged-change-management-process",
      title: "Prolonged change management process",
      description:
        "The change management team requires every deployment to go through a lengthy change approval process.",
    },
  ],
  causes: [
    {
      id: "reactive-change-management",
      text: "Change management is entirely reactive: each change is examined as it arrives, instead of agreeing in advance which kinds of change are safe.",
    },
    {
      id: "single-change-category",
      text: "One change category is applied to every production deployment, whatever its risk.",
    },
    {
      id: "approval-for-every-deployment",
      text: "Every deployment needs its own change approval.",
    },
    {
      id: "manual-change-records",
      text: "Change records are raised and closed by hand for each deployment, so keeping the audit trail that change management requires costs time on every one.",
    },
  ],
  countermeasures: [
    {
      countermeasureId: "pre-approve-low-risk-changes",
      rationale: "most deployments can go ahead without waiting for an approval",
      addresses: ["insufficient-deployment-frequency", "prolonged-change-management-process"],
      removesCauses: [
        "reactive-change-management",
        "single-change-category",
        "approval-for-every-deployment",
      ],
    },
    {
      countermeasureId: "automate-change-auditing",
      rationale:
        "deployments comply with change management processes without manual paperwork slowing them down",
      addresses: ["prolonged-change-management-process"],
      removesCauses: ["manual-change-records"],
    },
  ],
  notes: [
    {
      id: "why-treacle",
      title: "Why we call it treacle",
      body: "A slow, drawn-out change process is like treacle: everything that passes through it slows down, and deployment lead times suffer most. Longer lead times encourage fewer, larger deployments, which make the changeset harder to understand and production problems harder to diagnose. The process also sours the relationship between the change management team and product teams.",
    },
    {
      id: "keep-change-auditing",
      title: "Streamline approvals, keep the audit trail",
      body: "Product teams still have to meet internal change management requirements, especially where the organisation follows an IT service management standard such as ITIL v3. A conversation with the change management team about lighter approvals should come with a firm commitment to keep change auditing in place.",
    },
  ],
  related: [
    {
      pitfallId: "excessive-bau",
      why: "Fewer, larger deployments make production problems harder to diagnose, which feeds unplanned operational rework.",
    },
    {
      pitfallId: "responsible-but-unaccountable",
      why: "Heavyweight change approval often comes with an accountability model where operations, not product teams, answers for reliability.",
    },
  ],
} satisfies Pitfall;

export default changeManagementTreacle;
