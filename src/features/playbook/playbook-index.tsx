import { Link } from "@/ui/link";
import type { ContentSource } from "@/domain/content/schema";
import type { PlaybookIndexView } from "./playbook-model";
import { PlaybookSection, playbookLinkClass } from "./playbook-section";
import { SourceCredit } from "./source-credit";

export function PlaybookIndex({ view, source }: { view: PlaybookIndexView; source: ContentSource }) {
  const { questionnaire } = view;
  return (
    <article className="max-w-5xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Playbook</h1>
      <p className="mt-3 max-w-3xl text-lg leading-8 text-slate-800">
        The seven known pitfalls of You Build It You Run It: what each looks like in a team, why it happens,
        and the countermeasures that keep it away.
      </p>

      <PlaybookSection
        id="section-what-is-ybiyri"
        title="What You Build It You Run It is"
        className="max-w-3xl"
      >
        <p className="mt-3 leading-7 text-slate-800">
          You Build It You Run It is an operating model in which a product team builds, deploys, operates and
          supports its own digital services, including being on call for them out of hours when the service
          needs it. The alternative, Ops Run It, hands live services to a central operations or app support
          team.
        </p>
        <p className="mt-3 leading-7 text-slate-800">
          The two can live side by side: product teams run the digital services that need frequent change and
          high availability, while a central team keeps running foundational systems and off-the-shelf
          software. What the model is meant to deliver is weekly or more frequent deployments, availability of
          99.9% or more where the financial exposure calls for it, and a culture of continuous learning.
        </p>
        <p className="mt-3 leading-7 text-slate-800">
          Each pitfall below chips away at senior leadership&apos;s confidence in the model. Enough of them,
          and going back to Ops Run It starts to look like a cheap, safe way to protect reliability — a risk
          that is greatest where the organisation has only recently moved away from a central operations team.
          The pitfalls are listed in no particular order.
        </p>
      </PlaybookSection>

      <PlaybookSection id="section-how-to-use" title="How to use the assessment" className="max-w-3xl">
        <ol className="mt-3 list-decimal space-y-2 pl-6 leading-7 text-slate-800">
          <li>
            Once a quarter, each product team&apos;s lead fills in the assessment. It starts with{" "}
            {questionnaire.contextQuestionCount} questions about the team&apos;s context — financial exposure,
            availability target and out-of-hours cover — followed by {questionnaire.questionCount} questions
            spread across the seven pitfalls.
          </li>
          <li>
            Answer from last quarter&apos;s facts: counts, percentages and policies rather than impressions.
            Choose &ldquo;Don&apos;t know&rdquo; instead of guessing, and &ldquo;Not applicable&rdquo; with a
            short reason when a question does not fit your team.
          </li>
          <li>
            Each pitfall gets a risk score from 0 to 100, a band, and the symptoms that drove it. Every
            symptom links back to its place in this playbook, next to the countermeasures that address it.
          </li>
          <li>
            Turn the highest risks into a remediation plan, and check next quarter whether the scores moved.
          </li>
        </ol>
        <p className="mt-4 leading-7 text-slate-800">
          Read{" "}
          <Link href="/playbook/scoring" className={playbookLinkClass}>
            how scores are calculated
          </Link>{" "}
          for the scoring method. The current questionnaire is {questionnaire.id}, &ldquo;
          {questionnaire.title}
          &rdquo;, published on <time dateTime={questionnaire.publishedOn}>{questionnaire.publishedOn}</time>.
        </p>
      </PlaybookSection>

      <PlaybookSection id="section-pitfalls" title="The seven pitfalls">
        <ul
          className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 print:block print:space-y-3"
          data-testid="pitfall-cards"
        >
          {view.pitfalls.map((pitfall) => (
            <li
              key={pitfall.id}
              className="flex flex-col rounded-lg border border-slate-300 bg-white p-5 shadow-sm print:break-inside-avoid print:border-slate-500 print:shadow-none"
            >
              <h3 className="text-lg font-semibold text-slate-900">
                <Link href={`/playbook/${pitfall.id}`} className={playbookLinkClass}>
                  {pitfall.name}
                </Link>
              </h3>
              <p className="mt-2 flex-1 leading-7 text-slate-800">{pitfall.summary}</p>
              <p className="mt-3 text-sm text-slate-700">
                {pitfall.symptomCount} {pitfall.symptomCount === 1 ? "symptom" : "symptoms"} ·{" "}
                {pitfall.countermeasureCount}{" "}
                {pitfall.countermeasureCount === 1 ? "countermeasure" : "countermeasures"}
              </p>
            </li>
          ))}
        </ul>
      </PlaybookSection>

      <SourceCredit source={source} />
    </article>
  );
}
