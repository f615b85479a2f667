"use client";

/** A dashboard that failed to load: nothing was changed, so trying again is safe. */
export function DashboardError({ reset }: { reset: () => void }) {
  return (
    <section role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6 text-red-950">
      <h1 className="text-xl font-semibold">This dashboard could not be loaded</h1>
      <p className="mt-2">Something went wrong on our side. Nothing was changed; please try again.</p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
      >
        Try again
      </button>
    </section>
  );
}
