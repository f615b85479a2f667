/** Runs once when the server starts: a bad environment stops it with a one-line reason. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { loadEnvOrExit } = await import("./src/env");
    loadEnvOrExit();
  }
}
