-- CreateTable
CREATE TABLE "notification_sent" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "subject" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "notification_sent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_opt_out" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_opt_out_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notification_sent_key_key" ON "notification_sent"("key");

-- CreateIndex
CREATE INDEX "notification_sent_userId_idx" ON "notification_sent"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "notification_opt_out_userId_kind_key" ON "notification_opt_out"("userId", "kind");

-- AddForeignKey
ALTER TABLE "notification_sent" ADD CONSTRAINT "notification_sent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_opt_out" ADD CONSTRAINT "notification_opt_out_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
