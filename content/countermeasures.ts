/**
 * Countermeasures, each defined once. Pitfalls reference them by id with their own rationale,
 * because one countermeasure can serve several pitfalls ("Re-architect digital services for
 * adaptability" serves both Excessive BAU and Limited on-call schedule).
 *
 * Guidance draws on the practices of the You Build It You Run It playbook (see content/source.ts).
 */
import type { Countermeasure } from "@/domain/content/schema";

export const countermeasures = [
  {
    id: "select-availability-targets-on-financial-exposure",
    action: "Select availability targets on financial exposure",
    guidance:
      "For each service, estimate the most money an hour of unavailability could cost in lost revenue and extra costs. Group those estimates into low, medium and high exposure bands and give the bands 95.0%, 99.0% and 99.9% availability — roughly 8h24m, 1h41m and 10m of tolerable downtime a week. Reserve 99.99% for services with a documented need for it, and revisit the bands at least once a quarter against recent incident losses.",
    effort: "low",
  },
  {
    id: "select-out-of-hours-schedules-on-financial-exposure",
    action: "Select out-of-hours schedules on financial exposure",
    guidance:
      "Let the availability target decide the out-of-hours cover. At 95.0% there is no out-of-hours schedule: callouts wait for the next working day, and a central operations team does not pick them up instead. At 99.0% sibling teams under one budget holder share a domain schedule. Only at 99.9% and above does a team need its own schedule. Many team-level schedules are a sign that targets were not chosen on exposure.",
    effort: "medium",
  },
  {
    id: "make-budget-holders-accountable-for-outcomes",
    action: "Make product team budget holders accountable for business outcomes",
    guidance:
      "Make the budget holder for a product accountable for the reliability of its digital services, the product team responsible for running them, and keep the Head of Operations informed rather than accountable. Review serious incidents with the budget holder in the room.",
    effort: "medium",
  },
  {
    id: "fund-on-call-from-product-budgets",
    action: "Fund on-call costs from product team budgets",
    guidance:
      "Pay standby and callout costs out of the product budget, per service, so that whoever chooses an availability target and on-call level also sees what it costs.",
    effort: "medium",
  },
  {
    id: "treat-unplanned-rework-as-planned-work",
    action: "Treat unplanned operational rework like planned work",
    guidance:
      "Give operational rework its own swimlane on the team board, raise a ticket for every fix however small, and track each week how much of the team's time goes on planned and on unplanned work.",
    effort: "low",
  },
  {
    id: "re-architect-for-adaptability",
    action: "Re-architect digital services for adaptability",
    guidance:
      "Design services to keep working in a reduced form when something they depend on fails: timeouts, circuit breakers, fallbacks and retries with back-off. Failures then need less human intervention and are faster to put right.",
    effort: "high",
  },
  {
    id: "create-automated-deployment-pipeline",
    action: "Create a fully automated deployment pipeline",
    guidance:
      "Deploy to every environment the same way, from one automated pipeline, with zero-downtime deployments and a revert that takes seconds rather than hours.",
    effort: "medium",
  },
  {
    id: "establish-automated-telemetry-toolchain",
    action: "Establish an automated telemetry toolchain",
    guidance:
      "Define dashboards and alerts as code next to the service they watch, deploy them through the pipeline, and let alerts raise callouts and tickets without anyone doing it by hand.",
    effort: "medium",
  },
  {
    id: "pre-approve-low-risk-changes",
    action: "Pre-approve low-risk, repeatable changes",
    guidance:
      "Agree a standard, pre-approved change category with the change management team for low-risk, repeatable deployments, and let the deployment pipeline raise, check and close those changes itself. Keep manual approval for the risky minority.",
    effort: "medium",
  },
  {
    id: "automate-change-auditing",
    action: "Automate change auditing",
    guidance:
      "Have the pipeline record, for every deployment, which version runs in each environment, the commits it contains, when it happened, who deployed it and the change record id. The audit trail then satisfies change management without manual paperwork.",
    effort: "medium",
  },
  {
    id: "integrate-into-incident-management-as-is",
    action: "Integrate into incident management as it is",
    guidance:
      "Connect product teams to the organisation's existing incident management process instead of building a parallel one. Automate the touchpoints between alerting and incident tooling: notify, create, acknowledge, reassign, notify the incident manager of a major incident, update and resolve.",
    effort: "medium",
  },
  {
    id: "establish-specialists-as-a-service",
    action: "Establish specialists as a service",
    guidance:
      "Turn repeatable, common specialist tasks, such as creating a database or opening a firewall rule, into self-service functions that product teams run themselves. Keep the specialists together in a central team that offers expertise on demand for everything else.",
    effort: "high",
  },
  {
    id: "prepare-for-on-call-from-day-one",
    action: "Prepare for on-call from day one",
    guidance:
      "Before anyone's first out-of-hours shift, make sure they have a runbook, working dashboards, production permissions granted when they joined the team and a clear escalation path, so an alert at night is never their first look at the service.",
    effort: "low",
  },
  {
    id: "ensure-fair-on-call-remuneration",
    action: "Ensure fair remuneration for on-call",
    guidance:
      "Pay people for standby, or for standby plus callouts. Paying only for callouts is unfair, because it rewards none of the disruption of having to stay available.",
    effort: "medium",
  },
  {
    id: "craft-sustainable-on-call-schedule",
    action: "Craft a sustainable on-call schedule",
    guidance:
      "Never run a rota of fewer than three people, and rotate weekly by default. With weekly rotation three people are each on call a third of the time, more than can be kept up for long: aim for four or more, or share a domain rota with sibling teams, so nobody spends more than about a quarter of their time on call.",
    effort: "low",
  },
] satisfies Countermeasure[];

export default countermeasures;
