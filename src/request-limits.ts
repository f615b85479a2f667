/**
 * The largest request body the app accepts, 1 MiB: every form and action of the app fits (an
 * organisation import, its largest, is at most 1,000,000 bytes of CSV). The app server
 * (scripts/lib/http-server.ts) refuses a larger body before the app sees it, and proxy.ts refuses
 * a larger server action body (when the app is run another way, such as `next dev`).
 */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;
