/**
 * The demo organisation: a mid-sized digital business with five org units, 24 product teams and
 * people in every role. Plain data so the README's sign-in table can be checked against it.
 */
import { cycleName as nameOfCycle, defaultCycleDates, quarterOf } from "../../src/domain/cycles/cycle-ref";

export const DEMO_PASSWORD = "radar-demo-2026";

export interface DemoOrgUnit {
  slug: string;
  name: string;
  teams: { slug: string; name: string }[];
}

export const demoOrgUnits: DemoOrgUnit[] = [
  {
    slug: "payments",
    name: "Payments",
    teams: [
      { slug: "checkout", name: "Checkout" },
      { slug: "card-processing", name: "Card Processing" },
      { slug: "refunds", name: "Refunds" },
      { slug: "fraud-signals", name: "Fraud Signals" },
      { slug: "billing", name: "Billing" },
    ],
  },
  {
    slug: "customer-experience",
    name: "Customer Experience",
    teams: [
      { slug: "web-storefront", name: "Web Storefront" },
      { slug: "mobile-app", name: "Mobile App" },
      { slug: "search", name: "Search" },
      { slug: "recommendations", name: "Recommendations" },
      { slug: "accounts", name: "Accounts" },
    ],
  },
  {
    slug: "logistics",
    name: "Logistics",
    teams: [
      { slug: "warehouse-ops", name: "Warehouse Ops" },
      { slug: "delivery-tracking", name: "Delivery Tracking" },
      { slug: "returns", name: "Returns" },
      { slug: "carrier-integration", name: "Carrier Integration" },
    ],
  },
  {
    slug: "data-platform",
    name: "Data Platform",
    teams: [
      { slug: "event-streaming", name: "Event Streaming" },
      { slug: "analytics", name: "Analytics" },
      { slug: "ml-platform", name: "ML Platform" },
      { slug: "data-quality", name: "Data Quality" },
    ],
  },
  {
    slug: "core-platform",
    name: "Core Platform",
    teams: [
      { slug: "identity", name: "Identity" },
      { slug: "api-gateway", name: "API Gateway" },
      { slug: "developer-experience", name: "Developer Experience" },
      { slug: "observability", name: "Observability" },
      { slug: "cloud-foundations", name: "Cloud Foundations" },
      { slug: "notifications", name: "Notifications" },
    ],
  },
];

export type DemoRole =
  | { role: "admin" }
  | { role: "head_of_engineering" }
  | { role: "coach"; orgUnitSlug: string }
  | { role: "team_lead"; teamSlug: string }
  | { role: "member"; teamSlug: string };

export interface DemoPerson {
  email: string;
  name: string;
  roles: DemoRole[];
}

/** The named sign-ins listed in the README, one per role. */
export const demoNamedPeople: DemoPerson[] = [
  { email: "admin@example.com", name: "Morgan Reyes", roles: [{ role: "admin" }] },
  { email: "head@example.com", name: "Priya Natarajan", roles: [{ role: "head_of_engineering" }] },
  {
    email: "coach@example.com",
    name: "Sam Okafor",
    roles: [
      { role: "coach", orgUnitSlug: "payments" },
      { role: "coach", orgUnitSlug: "customer-experience" },
    ],
  },
  {
    email: "coach.platform@example.com",
    name: "Lena Fischer",
    roles: [
      { role: "coach", orgUnitSlug: "logistics" },
      { role: "coach", orgUnitSlug: "data-platform" },
      { role: "coach", orgUnitSlug: "core-platform" },
    ],
  },
  { email: "lead@example.com", name: "Jordan Baker", roles: [{ role: "team_lead", teamSlug: "checkout" }] },
  { email: "member@example.com", name: "Riley Chen", roles: [{ role: "member", teamSlug: "checkout" }] },
];

const firstNames = [
  "Aisha",
  "Ben",
  "Carla",
  "Dev",
  "Elif",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kemi",
  "Luca",
  "Maya",
  "Nikhil",
  "Olga",
  "Pablo",
  "Quinn",
  "Rosa",
  "Stefan",
  "Tara",
  "Uma",
  "Viktor",
  "Wen",
  "Yusuf",
];
const lastNames = [
  "Adeyemi",
  "Brooks",
  "Costa",
  "Dubois",
  "Eriksen",
  "Farah",
  "Gupta",
  "Hansen",
  "Ivanova",
  "Jones",
  "Kowalski",
  "Larsen",
  "Mensah",
  "Novak",
  "O'Brien",
  "Park",
  "Quiroga",
  "Rossi",
  "Singh",
  "Tanaka",
  "Umar",
  "Varga",
  "Walsh",
  "Zhou",
];

/** Team leads and a second member for every team other than the named Checkout pair. */
export function demoTeamPeople(): DemoPerson[] {
  const people: DemoPerson[] = [];
  let index = 0;
  for (const unit of demoOrgUnits) {
    for (const team of unit.teams) {
      const lead = `${firstNames[index % firstNames.length]} ${lastNames[(index * 7) % lastNames.length]}`;
      const member = `${firstNames[(index + 11) % firstNames.length]} ${lastNames[(index * 5 + 3) % lastNames.length]}`;
      index++;
      if (team.slug !== "checkout") {
        people.push({
          email: `lead.${team.slug}@example.com`,
          name: lead,
          roles: [{ role: "team_lead", teamSlug: team.slug }],
        });
      }
      people.push({
        email: `member.${team.slug}@example.com`,
        name: member,
        roles: [{ role: "member", teamSlug: team.slug }],
      });
    }
  }
  return people;
}

export interface DemoCycle {
  year: number;
  quarter: number;
  status: "closed" | "open";
}

/**
 * The quarter of `today`, open, and the four before it, closed, oldest first: the demo always
 * reads as "this quarter in progress, a year of history", whatever day it is started on.
 */
export function demoCycles(today: Date): DemoCycle[] {
  const { year, quarter } = quarterOf(today);
  const current = year * 4 + (quarter - 1);
  return [4, 3, 2, 1, 0].map((back) => {
    const index = current - back;
    return { year: Math.floor(index / 4), quarter: (index % 4) + 1, status: back === 0 ? "open" : "closed" };
  });
}

export function cycleName(year: number, quarter: number): string {
  return nameOfCycle({ year, quarter });
}

/** The app's default dates for a new cycle, as the Date columns store them (UTC midnight). */
export function cycleDates(year: number, quarter: number): { opensOn: Date; closesOn: Date } {
  const { opensOn, closesOn } = defaultCycleDates(year, quarter);
  return { opensOn: new Date(opensOn), closesOn: new Date(closesOn) };
}
