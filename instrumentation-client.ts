/**
 * Runs in the browser before any of the app's own modules. zod checks once whether it may compile
 * validators with `new Function`; under the app's CSP (no 'unsafe-eval') that probe is blocked and
 * the browser reports a CSP violation, even though zod catches it. Jitless mode skips the probe;
 * validation works the same, without generated code.
 */
import { z } from "zod";

z.config({ jitless: true });
