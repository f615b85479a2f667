/**
 * The single sign-on entry of the sign-in page: a plain link (it works before any JavaScript has
 * loaded), and the reason the last attempt did not finish, when there is one.
 */
export function SingleSignOnOption({
  name,
  next,
  error,
  passwordAllowed,
}: {
  name: string;
  next: string;
  error: string | null;
  passwordAllowed: boolean;
}) {
  const href = `/api/auth/sso${next === "/" ? "" : `?${new URLSearchParams({ next })}`}`;
  return (
    <div className="space-y-4">
      {error ? (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
        >
          <p>{error}</p>
        </div>
      ) : null}
      <a
        href={href}
        className="inline-flex w-full items-center justify-center rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
      >
        Continue with {name}
      </a>
      {passwordAllowed ? (
        <p className="flex items-center gap-3 text-sm text-slate-700 before:h-px before:flex-1 before:bg-slate-300 after:h-px after:flex-1 after:bg-slate-300">
          or with your email and password
        </p>
      ) : null}
    </div>
  );
}
