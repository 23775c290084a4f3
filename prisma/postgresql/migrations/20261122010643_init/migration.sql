-- CreateEnum
CREATE TYPE "InstanceState" AS ENUM ('active', 'inactive');

-- CreateEnum
CREATE TYPE "ConnectionStatus" AS ENUM ('open', 'connecting', 'close', 'refused');

-- CreateTable
CREATE TABLE "Instance" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "state" "InstanceState" NOT NULL DEFAULT 'active',
    "connection" "ConnectionStatus" NOT NULL DEFAULT 'close',
    "rejectCalls" BOOLEAN NOT NULL DEFAULT false,
    "callRejectMessage" TEXT,
    "ignoreGroups" BOOLEAN NOT NULL DEFAULT false,
    "ignoreStatus" BOOLEAN NOT NULL DEFAULT false,
    "alwaysOnline" BOOLEAN NOT NULL DEFAULT false,
    "readMessages" BOOLEAN NOT NULL DEFAULT false,
    "syncFullHistory" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Instance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Auth" (
    "id" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "issuedAt" INTEGER NOT NULL,
    "customTokenHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Auth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhatsApp" (
    "id" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "remoteJid" TEXT NOT NULL,
    "pushName" TEXT,
    "pictureUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhatsApp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Business" (
    "id" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "name" TEXT,
    "description" TEXT,
    "category" TEXT,
    "email" TEXT,
    "website" TEXT,
    "address" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Business_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "secret" TEXT NOT NULL,
    "authorization" TEXT,
    "mediaBase64" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvents" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "qrcodeUpdate" BOOLEAN NOT NULL DEFAULT true,
    "stateInstance" BOOLEAN NOT NULL DEFAULT true,
    "messagesSet" BOOLEAN NOT NULL DEFAULT true,
    "messagesUpsert" BOOLEAN NOT NULL DEFAULT true,
    "messagesUpdate" BOOLEAN NOT NULL DEFAULT true,
    "sendMessage" BOOLEAN NOT NULL DEFAULT true,
    "contactsSet" BOOLEAN NOT NULL DEFAULT true,
    "contactsUpsert" BOOLEAN NOT NULL DEFAULT true,
    "contactsUpdate" BOOLEAN NOT NULL DEFAULT true,
    "presenceUpdate" BOOLEAN NOT NULL DEFAULT true,
    "chatsSet" BOOLEAN NOT NULL DEFAULT true,
    "chatsUpdate" BOOLEAN NOT NULL DEFAULT true,
    "chatsUpsert" BOOLEAN NOT NULL DEFAULT true,
    "chatsDelete" BOOLEAN NOT NULL DEFAULT true,
    "groupsUpsert" BOOLEAN NOT NULL DEFAULT true,
    "groupUpdate" BOOLEAN NOT NULL DEFAULT true,
    "groupParticipantsUpdate" BOOLEAN NOT NULL DEFAULT true,
    "connectionUpdate" BOOLEAN NOT NULL DEFAULT true,
    "callUpsert" BOOLEAN NOT NULL DEFAULT true,
    "labelsUpdate" BOOLEAN NOT NULL DEFAULT true,
    "newJwt" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEvents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Socket" (
    "id" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "mediaBase64" BOOLEAN NOT NULL DEFAULT false,
    "qrcodeUpdate" BOOLEAN NOT NULL DEFAULT true,
    "stateInstance" BOOLEAN NOT NULL DEFAULT false,
    "messagesSet" BOOLEAN NOT NULL DEFAULT false,
    "messagesUpsert" BOOLEAN NOT NULL DEFAULT true,
    "messagesUpdate" BOOLEAN NOT NULL DEFAULT true,
    "sendMessage" BOOLEAN NOT NULL DEFAULT true,
    "contactsSet" BOOLEAN NOT NULL DEFAULT false,
    "contactsUpsert" BOOLEAN NOT NULL DEFAULT false,
    "contactsUpdate" BOOLEAN NOT NULL DEFAULT false,
    "presenceUpdate" BOOLEAN NOT NULL DEFAULT true,
    "chatsSet" BOOLEAN NOT NULL DEFAULT false,
    "chatsUpdate" BOOLEAN NOT NULL DEFAULT false,
    "chatsUpsert" BOOLEAN NOT NULL DEFAULT false,
    "chatsDelete" BOOLEAN NOT NULL DEFAULT false,
    "groupsUpsert" BOOLEAN NOT NULL DEFAULT false,
    "groupUpdate" BOOLEAN NOT NULL DEFAULT false,
    "groupParticipantsUpdate" BOOLEAN NOT NULL DEFAULT false,
    "connectionUpdate" BOOLEAN NOT NULL DEFAULT true,
    "callUpsert" BOOLEAN NOT NULL DEFAULT false,
    "labelsUpdate" BOOLEAN NOT NULL DEFAULT false,
    "newJwt" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Socket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServerSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServerSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Instance_name_key" ON "Instance"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Auth_instanceId_key" ON "Auth"("instanceId");

-- CreateIndex
CREATE UNIQUE INDEX "Auth_customTokenHash_key" ON "Auth"("customTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "WhatsApp_instanceId_key" ON "WhatsApp"("instanceId");

-- CreateIndex
CREATE UNIQUE INDEX "Business_instanceId_key" ON "Business"("instanceId");

-- CreateIndex
CREATE INDEX "Webhook_instanceId_idx" ON "Webhook"("instanceId");

-- CreateIndex
CREATE UNIQUE INDEX "Webhook_instanceId_name_key" ON "Webhook"("instanceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvents_webhookId_key" ON "WebhookEvents"("webhookId");

-- CreateIndex
CREATE UNIQUE INDEX "Socket_instanceId_key" ON "Socket"("instanceId");

-- AddForeignKey
ALTER TABLE "Auth" ADD CONSTRAINT "Auth_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhatsApp" ADD CONSTRAINT "WhatsApp_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Business" ADD CONSTRAINT "Business_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEvents" ADD CONSTRAINT "WebhookEvents_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Socket" ADD CONSTRAINT "Socket_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;
