import Link from "next/link";
import type { ContentSource } from "@/domain/content/schema";
import { Breadcrumbs } from "./breadcrumbs";
import { anchorFor, type PitfallPageView } from "./playbook-model";
import { SourceCredit } from "./source-credit";

const linkClass = "rounded text-blue-700 underline underline-offset-2 hover:text-blue-900";
const sectionHeadingClass = "scroll-mt-20 text-2xl font-semibold text-slate-900 print:break-after-avoid";
const cardClass =
  "rounded-lg border border-slate-300 bg-white p-5 print:break-inside-avoid print:border-slate-500";

export function PitfallPage({ view, source }: { view: PitfallPageView; source: ContentSource }) {
  const { pitfall } = view;
  return (
    <article className="max-w-4xl">
      <Breadcrumbs crumbs={[{ label: "Playbook", href: "/playbook" }, { label: pitfall.name }]} />

      <header>
        <p className="text-sm font-medium text-slate-700">
          Pitfall {view.position} of {view.total}
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900">{pitfall.name}</h1>
        <p className="mt-3 text-lg leading-8 text-slate-800">{pitfall.summary}</p>
      </header>

      <section aria-labelledby="section-why-it-matters" className="mt-10">
        <h2 id="section-why-it-matters" className={sectionHeadingClass}>
          Why it matters
        </h2>
        <p className="mt-3 leading-7 text-slate-800">{pitfall.whyItMatters}</p>
      </section>

      <section aria-labelledby="section-symptoms" className="mt-10">
        <h2 id="section-symptoms" className={sectionHeadingClass}>
          What it looks like
        </h2>
        <p className="mt-2 text-slate-700">
          {view.symptoms.length === 1 ? "One symptom" : `${view.symptoms.length} symptoms`}, each with the
          questions of questionnaire {view.questionnaire.id} that look for it.
        </p>
        <ul className="mt-4 space-y-4" data-testid="symptom-list">
          {view.symptoms.map((symptom) => (
            <li key={symptom.id} className={cardClass}>
              <h3
                id={anchorFor.symptom(symptom.id)}
                className="scroll-mt-20 text-xl font-semibold text-slate-900"
              >
                {symptom.title}
              </h3>
              <p className="mt-2 leading-7 text-slate-800">{symptom.description}</p>

              <h4 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-700">
                How the assessment looks for it
              </h4>
              <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
                {symptom.detectingQuestions.map((question) => (
                  <li key={question.id}>{question.prompt}</li>
                ))}
                {symptom.detectingContextChecks.map((check) => (
                  <li key={check.id}>
                    <span className="font-medium">Team context check:</span> {check.explanation}
                  </li>
                ))}
              </ul>

              <h4 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-700">
                Addressed by
              </h4>
              <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
                {symptom.addressedBy.map((countermeasure) => (
                  <li key={countermeasure.id}>
                    <a href={`#${anchorFor.countermeasure(countermeasure.id)}`} className={linkClass}>
                      {countermeasure.action}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="section-causes" className="mt-10">
        <h2 id="section-causes" className={sectionHeadingClass}>
          Why it happens
        </h2>
        <ul className="mt-3 list-disc space-y-2 pl-6 leading-7 text-slate-800">
          {pitfall.causes.map((cause) => (
            <li key={cause.id}>{cause.text}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="section-countermeasures" className="mt-10">
        <h2 id="section-countermeasures" className={sectionHeadingClass}>
          How to avoid it
        </h2>
        <ul className="mt-4 space-y-4">
          {view.countermeasures.map((countermeasure) => (
            <li key={countermeasure.id} className={cardClass}>
              <h3
                id={anchorFor.countermeasure(countermeasure.id)}
                className="scroll-mt-20 text-xl font-semibold text-slate-900"
              >
                {countermeasure.action}
              </h3>
              <p className="mt-2 leading-7 text-slate-800">
                <span className="font-semibold">So that</span> {countermeasure.rationale}.
              </p>
              <p className="mt-2 leading-7 text-slate-700">{countermeasure.guidance}</p>
              <p className="mt-3 text-sm text-slate-700">
                <span className="font-semibold">Addresses: </span>
                {countermeasure.addresses.map((symptom, index) => (
                  <span key={symptom.id}>
                    {index > 0 && ", "}
                    <a href={`#${anchorFor.symptom(symptom.id)}`} className={linkClass}>
                      {symptom.title}
                    </a>
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      </section>

      {pitfall.notes.length > 0 && (
        <section aria-labelledby="section-notes" className="mt-10">
          <h2 id="section-notes" className={sectionHeadingClass}>
            Notes
          </h2>
          <div className="mt-2 space-y-6">
            {pitfall.notes.map((note) => (
              <div key={note.id} className="print:break-inside-avoid">
                <h3
                  id={anchorFor.note(note.id)}
                  className="scroll-mt-20 text-lg font-semibold text-slate-900"
                >
                  {note.title}
                </h3>
                <p className="mt-1 leading-7 text-slate-800">{note.body}</p>
              </div>
            ))}
          </div>
        </section>
      )}

      {view.related.length > 0 && (
        <section aria-labelledby="section-related" className="mt-10">
          <h2 id="section-related" className={sectionHeadingClass}>
            Related pitfalls
          </h2>
          <ul className="mt-3 space-y-3">
            {view.related.map((related) => (
              <li key={related.id} className="leading-7 text-slate-800">
                <Link href={`/playbook/${related.id}`} className={`${linkClass} font-semibold`}>
                  {related.name}
                </Link>
                : {related.why}
              </li>
            ))}
          </ul>
        </section>
      )}

      <SourceCredit source={source} />
    </article>
  );
}
