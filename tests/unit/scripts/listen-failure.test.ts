import { describe, expect, it } from "vitest";
import { listenFailureMessage } from "../../../scripts/lib/listen-failure";

function errorWithCode(code: string | undefined): NodeJS.ErrnoException {
  return Object.assign(new Error(`listen ${code}`), { code });
}

describe("listenFailureMessage", () => {
  it("says the port is taken and what to do about it", () => {
    expect(listenFailureMessage(errorWithCode("EADDRINUSE"), 3000)).toBe(
      "Port 3000 is already in use, by another Pitfall Radar or another program: stop it, or set PORT to a free port.",
    );
  });

  it("says a privileged port needs another PORT or a proxy", () => {
    expect(listenFailureMessage(errorWithCode("EACCES"), 80)).toMatch(/may not listen on port 80: set PORT to 1024 or above/);
  });

  it("names any other failure by its code only", () => {
    expect(listenFailureMessage(errorWithCode("EADDRNOTAVAIL"), 3000)).toBe(
      "The server could not listen on port 3000 (EADDRNOTAVAIL).",
    );
    expect(listenFailureMessage(errorWithCode(undefined), 3000)).toBe(
      "The server could not listen on port 3000 (no error code).",
    );
  });
});
