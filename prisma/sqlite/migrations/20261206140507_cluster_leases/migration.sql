-- CreateTable
CREATE TABLE "ClusterNode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL,
    "draining" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "InstanceLease" (
    "instanceId" TEXT NOT NULL PRIMARY KEY,
    "nodeId" TEXT NOT NULL,
    "fence" INTEGER NOT NULL,
    "acquiredAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LostLease" (
    "instanceId" TEXT NOT NULL PRIMARY KEY
);

-- CreateIndex
CREATE INDEX "InstanceLease_nodeId_idx" ON "InstanceLease"("nodeId");
