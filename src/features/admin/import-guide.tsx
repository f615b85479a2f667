const EXAMPLE = `type,name,email,org_unit,parent_org_unit,team,role
org_unit,Retail,,,,,
org_unit,Stores,,,Retail,,
team,Point of Sale,,Stores,,,
person,Ada Lee,ada.lee@example.com,,,Point of Sale,team_lead
person,Sam Ortiz,sam.ortiz@example.com,Retail,,,coach
role,,sam.ortiz@example.com,,,Point of Sale,member`;

const ROW_TYPES = [
  ["org_unit", "name; optionally parent_org_unit (a unit in the file or already in the organisation)"],
  ["team", "name and org_unit"],
  ["person", "name and email; optionally one role, with org_unit for coach or team for team_lead and member"],
  ["role", "email of a person in the file and a role (with its org_unit or team): one more role for them"],
] as const;

export function ImportGuide() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Import your organisation</h1>
      <p className="max-w-3xl text-slate-700">
        One CSV file creates org units, teams and people with their roles. Checking the file writes nothing:
        you see what would be created, or every problem with its line and column. The import runs only when
        the whole file is valid, and then all at once.
      </p>
      <details className="max-w-3xl rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold">The file format</summary>
        <div className="mt-3 space-y-3 text-sm text-slate-800">
          <p>
            The first line is the header{" "}
            <code className="font-mono break-all">type,name,email,org_unit,parent_org_unit,team,role</code>.
            Every other line is one of:
          </p>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            {ROW_TYPES.map(([type, text]) => (
              <div key={type} className="contents">
                <dt className="font-mono">{type}</dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
          <p>
            Roles are admin, head_of_engineering, coach, team_lead and member. Org units and teams are
            referred to by name (or slug) and may be listed in any order. Names of new units, teams and emails
            must not exist yet. Imported people have no password: set one on their page afterwards.
          </p>
          <pre className="overflow-x-auto rounded bg-slate-100 p-3 font-mono text-xs">{EXAMPLE}</pre>
        </div>
      </details>
    </div>
  );
}
