import { Link } from "@/ui/link";
import type { ContentSource } from "@/domain/content/schema";
import { Breadcrumbs } from "./breadcrumbs";
import { anchorFor, type PitfallPageView } from "./playbook-model";
import { AnchoredCard, PlaybookSection, playbookLinkClass } from "./playbook-section";
import { SourceCredit } from "./source-credit";

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

      <PlaybookSection id="section-why-it-matters" title="Why it matters">
        <p className="mt-3 leading-7 text-slate-800">{pitfall.whyItMatters}</p>
      </PlaybookSection>

      <PlaybookSection id="section-symptoms" title="What it looks like">
        <p className="mt-2 text-slate-700">
          {view.symptoms.length === 1 ? "One symptom" : `${view.symptoms.length} symptoms`}, each with the
          questions of questionnaire {view.questionnaire.id} that look for it.
        </p>
        <ul className="mt-4 space-y-4" data-testid="symptom-list">
          {view.symptoms.map((symptom) => (
            <AnchoredCard key={symptom.id} anchor={anchorFor.symptom(symptom.id)} title={symptom.title}>
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
                    <a href={`#${anchorFor.countermeasure(countermeasure.id)}`} className={playbookLinkClass}>
                      {countermeasure.action}
                    </a>
                  </li>
                ))}
              </ul>
            </AnchoredCard>
          ))}
        </ul>
      </PlaybookSection>

      <PlaybookSection id="section-causes" title="Why it happens">
        <ul className="mt-3 list-disc space-y-2 pl-6 leading-7 text-slate-800">
          {pitfall.causes.map((cause) => (
            <li key={cause.id}>{cause.text}</li>
          ))}
        </ul>
      </PlaybookSection>

      <PlaybookSection id="section-countermeasures" title="How to avoid it">
        <ul className="mt-4 space-y-4">
          {view.countermeasures.map((countermeasure) => (
            <AnchoredCard
              key={countermeasure.id}
              anchor={anchorFor.countermeasure(countermeasure.id)}
              title={countermeasure.action}
            >
              <p className="mt-2 leading-7 text-slate-800">
                <span className="font-semibold">So that</span> {countermeasure.rationale}.
              </p>
              <p className="mt-2 leading-7 text-slate-700">{countermeasure.guidance}</p>
              <p className="mt-3 text-sm text-slate-700">
                <span className="font-semibold">Addresses: </span>
                {countermeasure.addresses.map((symptom, index) => (
                  <span key={symptom.id}>
                    {index > 0 && ", "}
                    <a href={`#${anchorFor.symptom(symptom.id)}`} className={playbookLinkClass}>
                      {symptom.title}
                    </a>
                  </span>
                ))}
              </p>
            </AnchoredCard>
          ))}
        </ul>
      </PlaybookSection>

      {pitfall.notes.length > 0 && (
        <PlaybookSection id="section-notes" title="Notes">
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
        </PlaybookSection>
      )}

      {view.related.length > 0 && (
        <PlaybookSection id="section-related" title="Related pitfalls">
          <ul className="mt-3 space-y-3">
            {view.related.map((related) => (
              <li key={related.id} className="leading-7 text-slate-800">
                <Link href={`/playbook/${related.id}`} className={`${playbookLinkClass} font-semibold`}>
                  {related.name}
                </Link>
                : {related.why}
              </li>
            ))}
          </ul>
        </PlaybookSection>
      )}

      <SourceCredit source={source} />
    </article>
  );
}
