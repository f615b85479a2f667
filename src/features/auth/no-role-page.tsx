import { PageHeader } from "@/ui/page-header";
import { EmptyState } from "@/ui/empty-state";

/**
 * What a signed-in person without any role sees instead of the overview, typically right after
 * their first single sign-on: who they are signed in as, and that an admin gives access.
 */
export function NoRolePage({ name, email }: { name: string; email: string }) {
  return (
    <div className="space-y-8">
      <PageHeader title={`Welcome, ${name}`} />
      <EmptyState title="Ask an admin for access">
        <p>
          You are signed in as <strong className="break-all">{email}</strong>, but you have no role in Pitfall
          Radar yet, so there is nothing for you to see. Ask an admin of Pitfall Radar to give you a role —
          team lead or member of your team, coach of an org unit, or head of engineering. Reload this page
          once they have.
        </p>
      </EmptyState>
    </div>
  );
}
