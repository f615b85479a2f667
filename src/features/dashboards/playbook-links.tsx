import { TextLink } from "@/ui/text-link";

/** Triggered symptoms, each linking to its description in the pitfall's playbook page. */
export function SymptomLinks({
  pitfallId,
  symptoms,
  className = "",
}: {
  pitfallId: string;
  symptoms: readonly { symptomId: string; title: string }[];
  className?: string;
}) {
  return (
    <ul className={`list-disc space-y-1 pl-6 ${className}`}>
      {symptoms.map((symptom) => (
        <li key={symptom.symptomId}>
          <TextLink href={`/playbook/${pitfallId}#${symptom.symptomId}`}>{symptom.title}</TextLink>
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
