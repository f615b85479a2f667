import { TextLink } from "@/ui/text-link";

/** Triggered symptoms, each linking to its description in the pitfall's playbook page. */
export function SymptomLinks({
  pitfallId,
  symptoms,
  className = "",
}: {
  pitfallId: string;
  /** `suspected`: every answer behind it is "don't know"; it is marked so, not shown as seen. */
  symptoms: readonly { symptomId: string; title: string; suspected?: boolean }[];
  className?: string;
}) {
  return (
    <ul className={`list-disc space-y-1 pl-6 ${className}`}>
      {symptoms.map((symptom) => (
        <li key={symptom.symptomId}>
          <TextLink href={`/playbook/${pitfallId}#${symptom.symptomId}`}>{symptom.title}</TextLink>
          {symptom.suspected ? (
            <span className="text-sm text-slate-700">
              {" "}
              (suspected: every answer behind it is &ldquo;don&apos;t know&rdquo;)
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A countermeasure's action, linking to where the playbook explains it. */
export function CountermeasureLink({
  pitfallId,
  countermeasureId,
  action,
}: {
  pitfallId: string;
  countermeasureId: string;
  action: string;
}) {
  return (
    <TextLink href={`/playbook/${pitfallId}#countermeasure-${countermeasureId}`} className="font-medium">
      {action}
    </TextLink>
  );
}
