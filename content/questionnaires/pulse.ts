/**
 * The anonymous pulse: questions only the people concerned can answer first-hand. The lead's
 * questionnaire asks the same things second-hand (locs-personal-disruption, es-specialist-workload);
 * the pulse lets the people on the rota and the specialists say it themselves, without their name
 * attached. Only counts per option are kept, and nothing is shown until enough people answered.
 */
import type { PulseQuestion } from "@/domain/content/schema";

export const pulseQuestions: PulseQuestion[] = [
  {
    id: "pulse-on-call-disruption",
    pitfallId: "limited-on-call-schedule",
    audience: "on-call",
    prompt: "This quarter, how much did being on call disrupt your life outside work?",
    help: "Think of sleep, family commitments, and plans you cancelled or cut short because you were on call.",
    evidenceLabel: "How much on-call disrupts the lives of the people on the rota",
    options: [
      { value: "hardly", label: "Hardly at all", risk: 0 },
      { value: "a-little", label: "A little, and it was manageable", risk: 0.3 },
      { value: "noticeably", label: "Noticeably: it cost me sleep or plans more than once", risk: 0.7 },
      { value: "a-lot", label: "A lot: it regularly took over my life outside work", risk: 1 },
    ],
    weight: 3,
    // What people live through is the symptom; what causes it (too much time on call, callouts,
    // unprepared responders) is for the lead's answers and the rota to show.
    detects: { symptoms: ["on-call-burnout-risk"], causes: [] },
  },
  {
    id: "pulse-on-call-strain",
    pitfallId: "limited-on-call-schedule",
    audience: "on-call",
    prompt: "How close to burning out does being on call leave you?",
    help: "Nobody sees your answer on its own: only counts of at least four people's answers are ever shown.",
    evidenceLabel: "How close to burnout the people on the rota feel",
    options: [
      { value: "not-at-all", label: "Not at all", risk: 0 },
      { value: "sometimes-stretched", label: "Sometimes stretched, but I recover", risk: 0.4 },
      { value: "often-exhausted", label: "Often exhausted", risk: 0.8 },
      { value: "close-to-burnout", label: "Close to burning out", risk: 1 },
    ],
    weight: 3,
    detects: { symptoms: ["on-call-burnout-risk"], causes: [] },
    floor: {
      averageRiskFrom: 0.7,
      band: "medium",
      explanation:
        "The people on the rota say, in the anonymous pulse, that on-call leaves them often exhausted or close to burning out: the pitfall's burnout symptom, first-hand, however sound the rota looks.",
    },
  },
  {
    id: "pulse-on-call-prepared",
    pitfallId: "limited-on-call-schedule",
    audience: "on-call",
    prompt: "When you are called out of hours, do you feel ready to handle what you find?",
    help: "Runbooks, access and permissions, knowing whom to escalate to, and having practised before your first shift.",
    evidenceLabel: "How ready the people on the rota feel when called out",
    options: [
      { value: "ready", label: "Yes, I have what I need", risk: 0 },
      { value: "mostly", label: "Mostly, with a few gaps", risk: 0.3 },
      { value: "often-not", label: "Often not", risk: 0.8 },
      { value: "rarely", label: "Rarely", risk: 1 },
    ],
    weight: 2,
    detects: { symptoms: [], causes: ["unprepared-for-on-call"] },
  },
  {
    id: "pulse-on-call-pay",
    pitfallId: "limited-on-call-schedule",
    audience: "on-call",
    prompt: "Do you feel fairly paid for the time you spend on call?",
    help: "Whatever the pay model: a standby allowance, pay per callout, or time off in lieu.",
    evidenceLabel: "Whether the people on the rota feel fairly paid for on-call",
    options: [
      { value: "fairly", label: "Yes, fairly", risk: 0 },
      { value: "somewhat", label: "Somewhat", risk: 0.4 },
      { value: "not-fairly", label: "No", risk: 1 },
    ],
    weight: 1,
    detects: { symptoms: [], causes: ["unhappy-with-on-call-pay"] },
  },
  {
    id: "pulse-specialist-workload",
    pitfallId: "embedded-specialists",
    audience: "specialist",
    prompt: "How was your workload across the teams you serve this quarter?",
    help: "For specialists embedded in or serving the team: database, security, network, operability and the like.",
    evidenceLabel: "How the specialists serving the team describe their workload",
    options: [
      { value: "steady", label: "Steady and manageable", risk: 0 },
      { value: "sometimes-uneven", label: "Sometimes uneven", risk: 0.4 },
      { value: "mostly-overloaded", label: "Mostly overloaded", risk: 0.9 },
      { value: "idle-or-overloaded", label: "Swinging between idle and overloaded", risk: 1 },
    ],
    weight: 2,
    detects: { symptoms: ["unpredictable-specialist-workload"], causes: [] },
  },
  {
    id: "pulse-specialist-peers",
    pitfallId: "embedded-specialists",
    audience: "specialist",
    prompt: "How often did you work with, or learn from, others in your specialty this quarter?",
    help: "Pairing, reviews, a guild or chapter that actually meets, or simply talking shop.",
    evidenceLabel: "How often the specialists serving the team meet others in their specialty",
    options: [
      { value: "weekly", label: "Every week", risk: 0 },
      { value: "monthly", label: "About monthly", risk: 0.3 },
      { value: "rarely", label: "Once or twice", risk: 0.8 },
      { value: "never", label: "Not at all", risk: 1 },
    ],
    weight: 1,
    detects: { symptoms: ["specialist-loneliness"], causes: [] },
  },
];
