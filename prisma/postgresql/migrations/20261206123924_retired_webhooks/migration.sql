-- CreateTable
CREATE TABLE "RetiredWebhook" (
    "webhookId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetiredWebhook_pkey" PRIMARY KEY ("webhookId")
);
