-- CreateTable
CREATE TABLE "AuthCreds" (
    "instanceId" TEXT NOT NULL PRIMARY KEY,
    "data" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AuthCreds_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuthKey" (
    "instanceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("instanceId", "type", "keyId"),
    CONSTRAINT "AuthKey_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Chat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instanceId" TEXT NOT NULL,
    "jid" TEXT NOT NULL,
    "name" TEXT,
    "unreadCount" INTEGER NOT NULL DEFAULT 0,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "muteUntil" DATETIME,
    "lastMessageAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Chat_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instanceId" TEXT NOT NULL,
    "jid" TEXT NOT NULL,
    "lid" TEXT,
    "name" TEXT,
    "notify" TEXT,
    "verifiedName" TEXT,
    "imgUrl" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contact_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instanceId" TEXT NOT NULL,
    "jid" TEXT NOT NULL,
    "subject" TEXT,
    "owner" TEXT,
    "description" TEXT,
    "announce" BOOLEAN,
    "restrict" BOOLEAN,
    "size" INTEGER,
    "participants" TEXT NOT NULL DEFAULT '[]',
    "creation" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Group_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Message" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "instanceId" TEXT NOT NULL,
    "chatJid" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "fromMe" BOOLEAN NOT NULL,
    "participant" TEXT,
    "pushName" TEXT,
    "messageType" TEXT NOT NULL,
    "text" TEXT,
    "content" TEXT NOT NULL,
    "status" TEXT,
    "source" TEXT NOT NULL,
    "timestamp" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Message_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Chat_instanceId_lastMessageAt_idx" ON "Chat"("instanceId", "lastMessageAt");

-- CreateIndex
CREATE UNIQUE INDEX "Chat_instanceId_jid_key" ON "Chat"("instanceId", "jid");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_instanceId_jid_key" ON "Contact"("instanceId", "jid");

-- CreateIndex
CREATE UNIQUE INDEX "Group_instanceId_jid_key" ON "Group"("instanceId", "jid");

-- CreateIndex
CREATE INDEX "Message_instanceId_chatJid_id_idx" ON "Message"("instanceId", "chatJid", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Message_instanceId_chatJid_keyId_fromMe_key" ON "Message"("instanceId", "chatJid", "keyId", "fromMe");
