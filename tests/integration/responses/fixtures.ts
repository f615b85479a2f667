import { db } from "@/server/db";

/** Everyone's own answers to an assessment: what a write of individual answers may change. */
export function responsesState(assessmentId: string) {
  return db.response.findMany({
    where: { assessmentId },
    orderBy: { userId: "asc" },
    select: {
      userId: true,
      version: true,
      answers: {
        orderBy: { questionId: "asc" },
        select: { questionId: true, kind: true, value: true, reason: true, carriedOver: true },
      },
    },
  });
}
