import "server-only";

// The answers themselves are plain web Responses, shared with proxy.ts (src/api-address.ts).
export { problemResponse, type ProblemStatus } from "@/contracts/api/problems";
