-- CreateTable
CREATE TABLE "RetiredWebhook" (
    "webhookId" TEXT NOT NULL PRIMARY KEY,
    "instanceId" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
