/**
 * Runs in the browser before any of the app's own modules. zod checks once whether it may compile
 * validators with `new Function`; under the app's CSP (no 'unsafe-eval') that probe is blocked and
 * the browser reports a CSP violation, even though zod catches it. Jitless mode skips the probe;
 * validation works the same, without generated code.
 *
 * Only `config` is imported: the configuration lives on globalThis, so setting it here does not pull
 * the rest of zod into every page (pages whose forms validate load it with their own code).
 */
import { config } from "zod";

config({ jitless: true });
