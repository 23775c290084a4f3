-- CreateTable
CREATE TABLE "ClusterNode" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "draining" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ClusterNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstanceLease" (
    "instanceId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "fence" INTEGER NOT NULL,
    "acquiredAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstanceLease_pkey" PRIMARY KEY ("instanceId")
);

-- CreateTable
CREATE TABLE "LostLease" (
    "instanceId" TEXT NOT NULL,

    CONSTRAINT "LostLease_pkey" PRIMARY KEY ("instanceId")
);

-- CreateIndex
CREATE INDEX "InstanceLease_nodeId_idx" ON "InstanceLease"("nodeId");

