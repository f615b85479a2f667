/**
 * The organisation's time zone of the e2e server (ORG_TIME_ZONE in playwright.config.ts). Not UTC,
 * so every spec runs where the organisation's days and times differ from the server's UTC clock.
 * The multi-instance specs run on the default, UTC.
 */
export const E2E_ORG_TIME_ZONE = "Europe/Berlin";
