/**
 * What to tell the person starting the server when it cannot listen on its port. Every server
 * process would fail the same way, so the process reports this and exits instead of leaving the
 * error to Next's handler of uncaught exceptions, which logs it and keeps a process that serves
 * nothing alive (and its supervisor none the wiser).
 */
export function listenFailureMessage(error: NodeJS.ErrnoException, port: number): string {
  switch (error.code) {
    case "EADDRINUSE":
      return `Port ${port} is already in use, by another Pitfall Radar or another program: stop it, or set PORT to a free port.`;
    case "EACCES":
      return `This user may not listen on port ${port}: set PORT to 1024 or above (put a reverse proxy in front for 80 or 443).`;
    default:
      return `The server could not listen on port ${port} (${error.code ?? "no error code"}).`;
  }
}
