import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  /** The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `"4"`) or integer (such as `4`) input value will be accepted as an ID. */
  ID: { input: string; output: string; }
  /** The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text. */
  String: { input: string; output: string; }
  /** The `Boolean` scalar type represents `true` or `false`. */
  Boolean: { input: boolean; output: boolean; }
  /** The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1. */
  Int: { input: number; output: number; }
  /** The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point). */
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

export type BusinessProfile = {
  __typename?: 'BusinessProfile';
  address?: Maybe<Scalars['String']['output']>;
  category?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  website?: Maybe<Scalars['String']['output']>;
};

/** callUpsert: a call offered, accepted, rejected or ended. */
export type CallEventPayload = {
  __typename?: 'CallEventPayload';
  callId: Scalars['String']['output'];
  chatJid: Scalars['String']['output'];
  from: Scalars['String']['output'];
  groupJid?: Maybe<Scalars['String']['output']>;
  isVideo: Scalars['Boolean']['output'];
  raw: Scalars['JSON']['output'];
  /** offer, ringing, timeout, reject, accept, terminate. */
  status: Scalars['String']['output'];
};

export type Chat = {
  __typename?: 'Chat';
  archived: Scalars['Boolean']['output'];
  isGroup: Scalars['Boolean']['output'];
  jid: Scalars['String']['output'];
  lastMessageAt?: Maybe<Scalars['DateTime']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  pinned: Scalars['Boolean']['output'];
  /** Inbound messages since the chat was last read on the phone; -1 when the phone marked it unread (WhatsApp's value). */
  unreadCount: Scalars['Int']['output'];
};

/** chatsSet, chatsUpsert, chatsUpdate and chatsDelete (chats carry only their jid). */
export type ChatsEventPayload = {
  __typename?: 'ChatsEventPayload';
  chats: Array<EventChat>;
};

/** The gateway processes sharing this database (PostgreSQL and Redis), and which instances each one runs. */
export type Cluster = {
  __typename?: 'Cluster';
  /** False for a single process (SQLite, or no REDIS_URL). */
  enabled: Scalars['Boolean']['output'];
  leaseTtlMs?: Maybe<Scalars['Int']['output']>;
  nodes: Array<ClusterNode>;
  /** The node that answered. */
  thisNode?: Maybe<Scalars['String']['output']>;
};

/** One instance's session held by one node. */
export type ClusterLease = {
  __typename?: 'ClusterLease';
  acquiredAt: Scalars['DateTime']['output'];
  /** Seconds since this node took the lease. */
  ageSeconds: Scalars['Float']['output'];
  /** Renewed every third of the lease time. */
  expiresAt: Scalars['DateTime']['output'];
  /** The fencing token: grows with every change of holder; older holders cannot write. */
  fence: Scalars['Int']['output'];
  instanceId: Scalars['String']['output'];
  nodeId: Scalars['String']['output'];
};

/** A gateway process of the cluster. */
export type ClusterNode = {
  __typename?: 'ClusterNode';
  /** Handing its sessions over before it exits. */
  draining: Scalars['Boolean']['output'];
  heartbeatAt: Scalars['DateTime']['output'];
  id: Scalars['String']['output'];
  /** The instances whose sessions it runs. */
  leases: Array<ClusterLease>;
  /** Its last heartbeat is within the lease time. */
  live: Scalars['Boolean']['output'];
  startedAt: Scalars['DateTime']['output'];
};

/** The request conflicts with the current state (duplicate, in progress). */
export type ConflictError = Error & {
  __typename?: 'ConflictError';
  code: ErrorCode;
  message: Scalars['String']['output'];
};

/** connectionUpdate (every change, with details) and stateInstance (the state changed). */
export type ConnectionEventPayload = {
  __typename?: 'ConnectionEventPayload';
  attempt?: Maybe<Scalars['Int']['output']>;
  /** open: the linked account. */
  jid?: Maybe<Scalars['String']['output']>;
  pushName?: Maybe<Scalars['String']['output']>;
  /** Why it closed or reconnects. */
  reason?: Maybe<Scalars['String']['output']>;
  retryInMs?: Maybe<Scalars['Int']['output']>;
  state: ConnectionStatus;
  statusCode?: Maybe<Scalars['Int']['output']>;
};

export type ConnectionStatus =
  | 'close'
  | 'connecting'
  | 'open'
  | 'refused';

export type Contact = {
  __typename?: 'Contact';
  imgUrl?: Maybe<Scalars['String']['output']>;
  jid: Scalars['String']['output'];
  lid?: Maybe<Scalars['String']['output']>;
  /** The name saved on the phone. */
  name?: Maybe<Scalars['String']['output']>;
  /** The name the contact set for themselves. */
  notify?: Maybe<Scalars['String']['output']>;
  verifiedName?: Maybe<Scalars['String']['output']>;
};

export type ContactContent = {
  __typename?: 'ContactContent';
  displayName?: Maybe<Scalars['String']['output']>;
  vcard?: Maybe<Scalars['String']['output']>;
};

/** contactsSet, contactsUpsert and contactsUpdate. */
export type ContactsEventPayload = {
  __typename?: 'ContactsEventPayload';
  contacts: Array<EventContact>;
};

export type CreateInstanceInput = {
  alwaysOnline?: InputMaybe<Scalars['Boolean']['input']>;
  callRejectMessage?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  ignoreGroups?: InputMaybe<Scalars['Boolean']['input']>;
  ignoreStatus?: InputMaybe<Scalars['Boolean']['input']>;
  /** Unique; letters, digits, '.', '_' and '-'. */
  name: Scalars['String']['input'];
  readMessages?: InputMaybe<Scalars['Boolean']['input']>;
  rejectCalls?: InputMaybe<Scalars['Boolean']['input']>;
  syncFullHistory?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateWebhookInput = {
  /** Sent as the Authorization header. */
  authorization?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** All on unless given. */
  events?: InputMaybe<EventFlagsInput>;
  /** WAGRAPH unless given. */
  format?: InputMaybe<WebhookFormat>;
  mediaBase64?: InputMaybe<Scalars['Boolean']['input']>;
  /** Unique within the instance. */
  name: Scalars['String']['input'];
  /** Absolute http(s) URL. */
  url: Scalars['String']['input'];
};

export type DeletedInstance = {
  __typename?: 'DeletedInstance';
  instanceId: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type DeletedSocket = {
  __typename?: 'DeletedSocket';
  deletedAt: Scalars['DateTime']['output'];
  socketId: Scalars['String']['output'];
};

export type DeletedWebhook = {
  __typename?: 'DeletedWebhook';
  name: Scalars['String']['output'];
  webhookId: Scalars['String']['output'];
};

/** One request to the receiver. */
export type DeliveryAttempt = {
  __typename?: 'DeliveryAttempt';
  at: Scalars['DateTime']['output'];
  /** Why no answer came (timed out, request failed). */
  error?: Maybe<Scalars['String']['output']>;
  /** Until the response headers. */
  latencyMs?: Maybe<Scalars['Int']['output']>;
  /** The start of the response body (512 bytes). */
  response?: Maybe<Scalars['String']['output']>;
  /** Null when no answer came. */
  statusCode?: Maybe<Scalars['Int']['output']>;
};

export type DeliveryStatus =
  /** The receiver answered 2xx. */
  | 'DELIVERED'
  /** Every attempt of the retry schedule failed, or the receiver answered 410. */
  | 'FAILED'
  /** Failed so far; the next attempt is scheduled. */
  | 'PENDING';

/** Every error result: switch on __typename or code. */
export type Error = {
  code: ErrorCode;
  message: Scalars['String']['output'];
};

export type ErrorCode =
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'NOT_CONNECTED'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'UNAUTHORIZED'
  | 'UPSTREAM_FAILED'
  | 'VALIDATION';

/** A chat, or the part of it that changed (fields the event did not report are null). */
export type EventChat = {
  __typename?: 'EventChat';
  archived?: Maybe<Scalars['Boolean']['output']>;
  jid: Scalars['String']['output'];
  lastMessageAt?: Maybe<Scalars['DateTime']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  pinned?: Maybe<Scalars['Boolean']['output']>;
  unreadCount?: Maybe<Scalars['Int']['output']>;
};

/** A contact, or the part of it that changed. */
export type EventContact = {
  __typename?: 'EventContact';
  imgUrl?: Maybe<Scalars['String']['output']>;
  jid: Scalars['String']['output'];
  lid?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  notify?: Maybe<Scalars['String']['output']>;
  verifiedName?: Maybe<Scalars['String']['output']>;
};

/** Where a client left one instance's events. */
export type EventCursor = {
  /** The seq of the last event seen. */
  afterSeq: Scalars['Int']['input'];
  instanceId: Scalars['ID']['input'];
};

/** Which events a sink receives. */
export type EventFlags = {
  __typename?: 'EventFlags';
  callUpsert: Scalars['Boolean']['output'];
  chatsDelete: Scalars['Boolean']['output'];
  chatsSet: Scalars['Boolean']['output'];
  chatsUpdate: Scalars['Boolean']['output'];
  chatsUpsert: Scalars['Boolean']['output'];
  connectionUpdate: Scalars['Boolean']['output'];
  contactsSet: Scalars['Boolean']['output'];
  contactsUpdate: Scalars['Boolean']['output'];
  contactsUpsert: Scalars['Boolean']['output'];
  groupParticipantsUpdate: Scalars['Boolean']['output'];
  groupUpdate: Scalars['Boolean']['output'];
  groupsUpsert: Scalars['Boolean']['output'];
  labelsUpdate: Scalars['Boolean']['output'];
  messagesSet: Scalars['Boolean']['output'];
  messagesUpdate: Scalars['Boolean']['output'];
  messagesUpsert: Scalars['Boolean']['output'];
  newJwt: Scalars['Boolean']['output'];
  presenceUpdate: Scalars['Boolean']['output'];
  qrcodeUpdate: Scalars['Boolean']['output'];
  sendMessage: Scalars['Boolean']['output'];
  stateInstance: Scalars['Boolean']['output'];
};

/** Flags to change; flags left out keep their value. */
export type EventFlagsInput = {
  callUpsert?: InputMaybe<Scalars['Boolean']['input']>;
  chatsDelete?: InputMaybe<Scalars['Boolean']['input']>;
  chatsSet?: InputMaybe<Scalars['Boolean']['input']>;
  chatsUpdate?: InputMaybe<Scalars['Boolean']['input']>;
  chatsUpsert?: InputMaybe<Scalars['Boolean']['input']>;
  connectionUpdate?: InputMaybe<Scalars['Boolean']['input']>;
  contactsSet?: InputMaybe<Scalars['Boolean']['input']>;
  contactsUpdate?: InputMaybe<Scalars['Boolean']['input']>;
  contactsUpsert?: InputMaybe<Scalars['Boolean']['input']>;
  groupParticipantsUpdate?: InputMaybe<Scalars['Boolean']['input']>;
  groupUpdate?: InputMaybe<Scalars['Boolean']['input']>;
  groupsUpsert?: InputMaybe<Scalars['Boolean']['input']>;
  labelsUpdate?: InputMaybe<Scalars['Boolean']['input']>;
  messagesSet?: InputMaybe<Scalars['Boolean']['input']>;
  messagesUpdate?: InputMaybe<Scalars['Boolean']['input']>;
  messagesUpsert?: InputMaybe<Scalars['Boolean']['input']>;
  newJwt?: InputMaybe<Scalars['Boolean']['input']>;
  presenceUpdate?: InputMaybe<Scalars['Boolean']['input']>;
  qrcodeUpdate?: InputMaybe<Scalars['Boolean']['input']>;
  sendMessage?: InputMaybe<Scalars['Boolean']['input']>;
  stateInstance?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A group's metadata, or the part of it that changed. */
export type EventGroup = {
  __typename?: 'EventGroup';
  announce?: Maybe<Scalars['Boolean']['output']>;
  creation?: Maybe<Scalars['DateTime']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  jid: Scalars['String']['output'];
  owner?: Maybe<Scalars['String']['output']>;
  participants?: Maybe<Array<EventGroupParticipant>>;
  restrict?: Maybe<Scalars['Boolean']['output']>;
  size?: Maybe<Scalars['Int']['output']>;
  subject?: Maybe<Scalars['String']['output']>;
};

export type EventGroupParticipant = {
  __typename?: 'EventGroupParticipant';
  /** admin, superadmin, or null. */
  admin?: Maybe<Scalars['String']['output']>;
  jid: Scalars['String']['output'];
};

/** A message as the event reported it (the fields of Message that the event itself holds). The stored row is the Message with the same key. */
export type EventMessage = {
  __typename?: 'EventMessage';
  contact?: Maybe<ContactContent>;
  key: MessageKey;
  location?: Maybe<LocationContent>;
  media?: Maybe<MediaContent>;
  poll?: Maybe<PollContent>;
  pushName?: Maybe<Scalars['String']['output']>;
  /** The message as Baileys reported it. */
  raw: Scalars['JSON']['output'];
  reaction?: Maybe<ReactionContent>;
  status?: Maybe<Scalars['String']['output']>;
  /** Text, caption, or name, when there is one. */
  text?: Maybe<Scalars['String']['output']>;
  timestamp?: Maybe<Scalars['DateTime']['output']>;
  /** Baileys content type, e.g. conversation, imageMessage. */
  type: Scalars['String']['output'];
};

/** The event's data, typed by its family; switch on __typename. */
export type EventPayload = CallEventPayload | ChatsEventPayload | ConnectionEventPayload | ContactsEventPayload | GroupParticipantsEventPayload | GroupsEventPayload | InstanceDeletedEventPayload | LabelsEventPayload | MessageUpdateEventPayload | MessagesEventPayload | NewJwtEventPayload | PresenceEventPayload | QrCodeEventPayload | WebhookDisabledEventPayload;

export type EventType =
  | 'callUpsert'
  | 'chatsDelete'
  | 'chatsSet'
  | 'chatsUpdate'
  | 'chatsUpsert'
  | 'connectionUpdate'
  | 'contactsSet'
  | 'contactsUpdate'
  | 'contactsUpsert'
  | 'groupParticipantsUpdate'
  | 'groupUpdate'
  | 'groupsUpsert'
  | 'instanceDelete'
  | 'labelsUpdate'
  | 'messagesSet'
  | 'messagesUpdate'
  | 'messagesUpsert'
  | 'newJwt'
  | 'presenceUpdate'
  | 'qrcodeUpdate'
  | 'sendMessage'
  | 'stateInstance'
  | 'webhookDisabled';

/** The token does not reach this resource or operation. */
export type ForbiddenError = Error & {
  __typename?: 'ForbiddenError';
  code: ErrorCode;
  message: Scalars['String']['output'];
};

export type Group = {
  __typename?: 'Group';
  announce?: Maybe<Scalars['Boolean']['output']>;
  creation?: Maybe<Scalars['DateTime']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  jid: Scalars['String']['output'];
  owner?: Maybe<Scalars['String']['output']>;
  participants: Array<GroupParticipant>;
  restrict?: Maybe<Scalars['Boolean']['output']>;
  size?: Maybe<Scalars['Int']['output']>;
  subject?: Maybe<Scalars['String']['output']>;
};

export type GroupParticipant = {
  __typename?: 'GroupParticipant';
  /** admin, superadmin, or null. */
  admin?: Maybe<Scalars['String']['output']>;
  jid: Scalars['String']['output'];
};

/** groupParticipantsUpdate: people added, removed, promoted or demoted. */
export type GroupParticipantsEventPayload = {
  __typename?: 'GroupParticipantsEventPayload';
  /** add, remove, promote, demote … */
  action: Scalars['String']['output'];
  author?: Maybe<Scalars['String']['output']>;
  groupJid: Scalars['String']['output'];
  participants: Array<Scalars['String']['output']>;
};

/** groupsUpsert and groupUpdate. */
export type GroupsEventPayload = {
  __typename?: 'GroupsEventPayload';
  groups: Array<EventGroup>;
};

/** One WhatsApp session (a linked device of one phone number). */
export type Instance = Node & {
  __typename?: 'Instance';
  /** The linked WhatsApp account, once connected. */
  account?: Maybe<WhatsAppAccount>;
  business?: Maybe<BusinessProfile>;
  /** Chats, most recent first. */
  chats: InstanceChatsConnection;
  /** Whether WhatsApp is connected. */
  connection: ConnectionStatus;
  contacts: InstanceContactsConnection;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  groups: InstanceGroupsConnection;
  id: Scalars['ID']['output'];
  /** The raw UUID, as the REST families use it. */
  instanceId: Scalars['String']['output'];
  /** Stored messages in arrival order (oldest first); `chat` narrows to one chat. */
  messages: InstanceMessagesConnection;
  name: Scalars['String']['output'];
  /** The current QR code while the session waits for a scan. */
  qrcode?: Maybe<QrCode>;
  settings: InstanceSettings;
  socket?: Maybe<Socket>;
  /** Whether the gateway runs it. */
  state: InstanceState;
  /** The current instance token (a signed JWT). */
  token?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  webhooks: Array<Webhook>;
};


/** One WhatsApp session (a linked device of one phone number). */
export type InstanceChatsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  archived?: InputMaybe<Scalars['Boolean']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** One WhatsApp session (a linked device of one phone number). */
export type InstanceContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** One WhatsApp session (a linked device of one phone number). */
export type InstanceGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** One WhatsApp session (a linked device of one phone number). */
export type InstanceMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  chat?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  fromMe?: InputMaybe<Scalars['Boolean']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type InstanceChatsConnection = {
  __typename?: 'InstanceChatsConnection';
  edges: Array<InstanceChatsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InstanceChatsConnectionEdge = {
  __typename?: 'InstanceChatsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Chat;
};

export type InstanceContactsConnection = {
  __typename?: 'InstanceContactsConnection';
  edges: Array<InstanceContactsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InstanceContactsConnectionEdge = {
  __typename?: 'InstanceContactsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Contact;
};

/** instanceDelete: the instance and its data are gone; its streams end. */
export type InstanceDeletedEventPayload = {
  __typename?: 'InstanceDeletedEventPayload';
  instanceId: Scalars['String']['output'];
  instanceName: Scalars['String']['output'];
};

/** One canonical event of an instance. */
export type InstanceEvent = {
  __typename?: 'InstanceEvent';
  /** The data as plain JSON, in Baileys' shape. */
  data: Scalars['JSON']['output'];
  /** Unique; webhooks use it as the idempotency key. */
  id: Scalars['ID']['output'];
  instanceId: Scalars['String']['output'];
  instanceName: Scalars['String']['output'];
  /** The same data, typed by the event's family. */
  payload: EventPayload;
  /** The event's position in its instance's event log (1, 2, …): give the last one seen as afterSeq to resume. */
  seq: Scalars['Int']['output'];
  timestamp: Scalars['DateTime']['output'];
  type: EventType;
};

export type InstanceFilter = {
  connection?: InputMaybe<ConnectionStatus>;
  /** Part of the name. */
  name?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<InstanceState>;
};

export type InstanceGroupsConnection = {
  __typename?: 'InstanceGroupsConnection';
  edges: Array<InstanceGroupsConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InstanceGroupsConnectionEdge = {
  __typename?: 'InstanceGroupsConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Group;
};

export type InstanceMessagesConnection = {
  __typename?: 'InstanceMessagesConnection';
  edges: Array<InstanceMessagesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InstanceMessagesConnectionEdge = {
  __typename?: 'InstanceMessagesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Message;
};

export type InstanceSettings = {
  __typename?: 'InstanceSettings';
  alwaysOnline: Scalars['Boolean']['output'];
  callRejectMessage?: Maybe<Scalars['String']['output']>;
  ignoreGroups: Scalars['Boolean']['output'];
  ignoreStatus: Scalars['Boolean']['output'];
  readMessages: Scalars['Boolean']['output'];
  rejectCalls: Scalars['Boolean']['output'];
  syncFullHistory: Scalars['Boolean']['output'];
};

export type InstanceState =
  | 'active'
  | 'inactive';

/** An instance and its newly issued token (shown once here; also readable as Instance.token). */
export type InstanceWithToken = {
  __typename?: 'InstanceWithToken';
  instance: Instance;
  token: Scalars['String']['output'];
};

/** labelsUpdate: a label edited, or associated with a chat or message (Baileys' shape in raw). */
export type LabelsEventPayload = {
  __typename?: 'LabelsEventPayload';
  /** edit or association. */
  kind: Scalars['String']['output'];
  raw: Scalars['JSON']['output'];
};

export type LocationContent = {
  __typename?: 'LocationContent';
  address?: Maybe<Scalars['String']['output']>;
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
  name?: Maybe<Scalars['String']['output']>;
};

export type MediaContent = {
  __typename?: 'MediaContent';
  caption?: Maybe<Scalars['String']['output']>;
  fileName?: Maybe<Scalars['String']['output']>;
  /** image, video, audio, document or sticker */
  kind: Scalars['String']['output'];
  mimetype?: Maybe<Scalars['String']['output']>;
  seconds?: Maybe<Scalars['Int']['output']>;
  /** Bytes. */
  size?: Maybe<Scalars['Float']['output']>;
};

export type MediaKind =
  | 'audio'
  | 'document'
  | 'image'
  | 'video';

/** A stored WhatsApp message; one per key (chat, id, fromMe). */
export type Message = Node & {
  __typename?: 'Message';
  chatJid: Scalars['String']['output'];
  contact?: Maybe<ContactContent>;
  fromMe: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  keyId: Scalars['String']['output'];
  location?: Maybe<LocationContent>;
  media?: Maybe<MediaContent>;
  participant?: Maybe<Scalars['String']['output']>;
  poll?: Maybe<PollContent>;
  pushName?: Maybe<Scalars['String']['output']>;
  /** The full content as Baileys reports it. */
  raw: Scalars['JSON']['output'];
  reaction?: Maybe<ReactionContent>;
  /** notify, append, history or send. */
  source: Scalars['String']['output'];
  /** PENDING, SERVER_ACK, DELIVERY_ACK, READ, PLAYED or ERROR. */
  status?: Maybe<Scalars['String']['output']>;
  /** Text, caption, or name, when there is one. */
  text?: Maybe<Scalars['String']['output']>;
  timestamp: Scalars['DateTime']['output'];
  /** Baileys content type, e.g. conversation, imageMessage. */
  type: Scalars['String']['output'];
};

/** Which message: its chat, id, and whether this account sent it. */
export type MessageKey = {
  __typename?: 'MessageKey';
  chatJid: Scalars['String']['output'];
  fromMe: Scalars['Boolean']['output'];
  keyId: Scalars['String']['output'];
  participant?: Maybe<Scalars['String']['output']>;
};

export type MessageKeyInput = {
  chatJid: Scalars['String']['input'];
  fromMe?: InputMaybe<Scalars['Boolean']['input']>;
  keyId: Scalars['String']['input'];
};

/** messagesUpdate: a status change, deletion, reaction or read receipt of stored messages. */
export type MessageUpdateEventPayload = {
  __typename?: 'MessageUpdateEventPayload';
  /** delete: the chat whose messages were all deleted. */
  chatJid?: Maybe<Scalars['String']['output']>;
  /** reaction: the emoji; empty when a reaction was removed. */
  emoji?: Maybe<Scalars['String']['output']>;
  /** The messages concerned; empty when a whole chat was cleared (see chatJid). */
  keys: Array<MessageKey>;
  kind: MessageUpdateKind;
  raw: Scalars['JSON']['output'];
  /** update: PENDING, SERVER_ACK, DELIVERY_ACK, READ, PLAYED or ERROR. */
  status?: Maybe<Scalars['String']['output']>;
};

export type MessageUpdateKind =
  | 'delete'
  | 'reaction'
  | 'receipt'
  | 'update';

/** messagesUpsert (one message), messagesSet (a page of history) and sendMessage (one sent message). */
export type MessagesEventPayload = {
  __typename?: 'MessagesEventPayload';
  /** messagesSet: whether this is the latest history. */
  isLatest?: Maybe<Scalars['Boolean']['output']>;
  messages: Array<EventMessage>;
  /** messagesUpsert: notify (new) or append (synced from another device). */
  upsertType?: Maybe<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Starts the WhatsApp session: qrcodeUpdate events follow unless a device is linked. */
  connectInstance: MutationConnectInstanceResult;
  /** Creates a disconnected instance and issues its token (account token only). */
  createInstance: MutationCreateInstanceResult;
  createWebhook: MutationCreateWebhookResult;
  /** Deletes an instance and all its data; instanceDelete is emitted first. */
  deleteInstance: MutationDeleteInstanceResult;
  deleteSocket: MutationDeleteSocketResult;
  deleteWebhook: MutationDeleteWebhookResult;
  /** Logs the WhatsApp session off; the instance and its configuration stay. */
  logoutInstance: MutationLogoutInstanceResult;
  /** Sends read receipts; answers how many messages were marked. */
  markMessagesRead: MutationMarkMessagesReadResult;
  /** Holds deliveries; resumeWebhook goes on from the same event, nothing skipped. */
  pauseWebhook: MutationPauseWebhookResult;
  /** Sends a signed {"type":"ping"} request to the webhook's URL and answers how it went. */
  pingWebhook: MutationPingWebhookResult;
  /** Sends one delivery's event again now; the attempt is added to its log. */
  redeliverWebhookEvent: MutationRedeliverWebhookEventResult;
  /** Delivers again, in order and with the same ids, every event still in the log from a sequence number (fromSeq) or a time (since) on. Give one of them. */
  replayWebhookEvents: MutationReplayWebhookEventsResult;
  /** Links without a QR: starts the session and answers a code to type on the phone. */
  requestPairingCode: MutationRequestPairingCodeResult;
  /** Closes and reopens the socket, keeping the linked device. */
  restartInstance: MutationRestartInstanceResult;
  resumeWebhook: MutationResumeWebhookResult;
  /** Issues a new instance token and revokes the previous one; emits newJwt. */
  rotateInstanceToken: MutationRotateInstanceTokenResult;
  rotateWebhookSecret: MutationRotateWebhookSecretResult;
  sendContact: MutationSendContactResult;
  sendLocation: MutationSendLocationResult;
  /** Sends an image, video, audio or document from a URL or base64 (size-limited). */
  sendMedia: MutationSendMediaResult;
  sendPoll: MutationSendPollResult;
  /** Shows typing, recording, paused, available or unavailable to a chat. */
  sendPresence: MutationSendPresenceResult;
  /** Reacts to a message; an empty emoji removes the reaction. */
  sendReaction: MutationSendReactionResult;
  /** Sends a text (optionally quoting a stored message and mentioning people). */
  sendText: MutationSendTextResult;
  /** Creates or updates the WebSocket configuration (idempotent). */
  setSocket: MutationSetSocketResult;
  /** Turns event flags on or off; flags left out keep their value. */
  setWebhookEvents: MutationSetWebhookEventsResult;
  updateInstance: MutationUpdateInstanceResult;
  updateWebhook: MutationUpdateWebhookResult;
};


export type MutationConnectInstanceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateInstanceArgs = {
  input: CreateInstanceInput;
};


export type MutationCreateWebhookArgs = {
  input: CreateWebhookInput;
  instanceId: Scalars['ID']['input'];
};


export type MutationDeleteInstanceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteSocketArgs = {
  instanceId: Scalars['ID']['input'];
};


export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationLogoutInstanceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkMessagesReadArgs = {
  instanceId: Scalars['ID']['input'];
  keys: Array<MessageKeyInput>;
};


export type MutationPauseWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPingWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRedeliverWebhookEventArgs = {
  deliveryId: Scalars['ID']['input'];
};


export type MutationReplayWebhookEventsArgs = {
  fromSeq?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationRequestPairingCodeArgs = {
  id: Scalars['ID']['input'];
  phoneNumber: Scalars['String']['input'];
};


export type MutationRestartInstanceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResumeWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateInstanceTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendContactArgs = {
  fullName: Scalars['String']['input'];
  instanceId: Scalars['ID']['input'];
  organization?: InputMaybe<Scalars['String']['input']>;
  phoneNumber: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type MutationSendLocationArgs = {
  address?: InputMaybe<Scalars['String']['input']>;
  instanceId: Scalars['ID']['input'];
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['String']['input'];
};


export type MutationSendMediaArgs = {
  base64?: InputMaybe<Scalars['String']['input']>;
  caption?: InputMaybe<Scalars['String']['input']>;
  fileName?: InputMaybe<Scalars['String']['input']>;
  instanceId: Scalars['ID']['input'];
  kind: MediaKind;
  mimetype?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['String']['input'];
  url?: InputMaybe<Scalars['String']['input']>;
  voiceNote?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationSendPollArgs = {
  instanceId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  options: Array<Scalars['String']['input']>;
  selectableCount?: InputMaybe<Scalars['Int']['input']>;
  to: Scalars['String']['input'];
};


export type MutationSendPresenceArgs = {
  instanceId: Scalars['ID']['input'];
  presence: PresenceKind;
  to: Scalars['String']['input'];
};


export type MutationSendReactionArgs = {
  emoji: Scalars['String']['input'];
  instanceId: Scalars['ID']['input'];
  key: MessageKeyInput;
};


export type MutationSendTextArgs = {
  instanceId: Scalars['ID']['input'];
  mentions?: InputMaybe<Array<Scalars['String']['input']>>;
  quotedKeyId?: InputMaybe<Scalars['String']['input']>;
  text: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type MutationSetSocketArgs = {
  input: SetSocketInput;
  instanceId: Scalars['ID']['input'];
};


export type MutationSetWebhookEventsArgs = {
  events: EventFlagsInput;
  id: Scalars['ID']['input'];
};


export type MutationUpdateInstanceArgs = {
  id: Scalars['ID']['input'];
  input: UpdateInstanceInput;
};


export type MutationUpdateWebhookArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWebhookInput;
};

export type MutationConnectInstanceResult = ForbiddenError | Instance | NotFoundError | UnauthorizedError | ValidationError;

export type MutationCreateInstanceResult = ConflictError | ForbiddenError | InstanceWithToken | NotFoundError | UnauthorizedError | ValidationError;

export type MutationCreateWebhookResult = ConflictError | ForbiddenError | NotFoundError | UnauthorizedError | ValidationError | Webhook;

export type MutationDeleteInstanceResult = ConflictError | DeletedInstance | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationError;

export type MutationDeleteSocketResult = DeletedSocket | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationError;

export type MutationDeleteWebhookResult = DeletedWebhook | ForbiddenError | NotFoundError | UnauthorizedError | ValidationError;

export type MutationLogoutInstanceResult = ForbiddenError | Instance | NotConnectedError | NotFoundError | UnauthorizedError | ValidationError;

export type MutationMarkMessagesReadResult = ForbiddenError | MutationMarkMessagesReadSuccess | NotConnectedError | NotFoundError | UnauthorizedError | UpstreamError | ValidationError;

export type MutationMarkMessagesReadSuccess = {
  __typename?: 'MutationMarkMessagesReadSuccess';
  data: Scalars['Int']['output'];
};

export type MutationPauseWebhookResult = ForbiddenError | NotFoundError | UnauthorizedError | ValidationError | Webhook;

export type MutationPingWebhookResult = DeliveryAttempt | ForbiddenError | NotFoundError | UnauthorizedError | ValidationError;

export type MutationRedeliverWebhookEventResult = ForbiddenError | NotFoundError | UnauthorizedError | ValidationError | WebhookDelivery;

export type MutationReplayWebhookEventsResult = ForbiddenError | NotFoundError | UnauthorizedError | ValidationError | Webhook;

export type MutationRequestPairingCodeResult = ConflictError | ForbiddenError | NotFoundError | PairingCode | UnauthorizedError | ValidationError;

export type MutationRestartInstanceResult = ForbiddenError | Instance | NotConnectedError | NotFoundError | UnauthorizedError | ValidationError;

export type MutationResumeWebhookResult = ForbiddenError | NotFoundError | UnauthorizedError | ValidationError | Webhook;

export type MutationRotateInstanceTokenResult = ForbiddenError | InstanceWithToken | NotFoundError | UnauthorizedError | ValidationError;

export type MutationRotateWebhookSecretResult = ForbiddenError | NotFoundError | UnauthorizedError | ValidationError | Webhook;

export type MutationSendContactResult = ForbiddenError | Message | NotConnectedError | NotFoundError | UnauthorizedError | UpstreamError | ValidationError;

export type MutationSendLocationResult = ForbiddenError | Message | NotConnectedError | NotFoundError | UnauthorizedError | UpstreamError | ValidationError;

export type MutationSendMediaResult = ForbiddenError | Message | NotConnectedError | NotFoundError | UnauthorizedError | UpstreamError | ValidationError;

export type MutationSendPollResult = ForbiddenError | Message | NotConnectedError | NotFoundError | UnauthorizedError | UpstreamError | ValidationError;

export type MutationSendPresenceResult = ForbiddenError | MutationSendPresenceSuccess | NotConnectedError | NotFoundError | UnauthorizedError | UpstreamError | ValidationError;

export type MutationSendPresenceSuccess = {
  __typename?: 'MutationSendPresenceSuccess';
  data: Scalars['Boolean']['output'];
};

export type MutationSendReactionResult = ForbiddenError | Message | NotConnectedError | NotFoundError | UnauthorizedError | UpstreamError | ValidationError;

export type MutationSendTextResult = ForbiddenError | Message | NotConnectedError | NotFoundError | UnauthorizedError | UpstreamError | ValidationError;

export type MutationSetSocketResult = ForbiddenError | NotFoundError | RateLimitedError | Socket | UnauthorizedError | ValidationError;

export type MutationSetWebhookEventsResult = ForbiddenError | NotFoundError | UnauthorizedError | ValidationError | Webhook;

export type MutationUpdateInstanceResult = ConflictError | ForbiddenError | Instance | NotFoundError | UnauthorizedError | ValidationError;

export type MutationUpdateWebhookResult = ConflictError | ForbiddenError | NotFoundError | UnauthorizedError | ValidationError | Webhook;

/** newJwt: the instance's new token. Only the account token's streams carry it. */
export type NewJwtEventPayload = {
  __typename?: 'NewJwtEventPayload';
  jwt: Scalars['String']['output'];
};

export type Node = {
  id: Scalars['ID']['output'];
};

/** The operation needs a connected WhatsApp session. */
export type NotConnectedError = Error & {
  __typename?: 'NotConnectedError';
  code: ErrorCode;
  instanceName: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** The referenced resource does not exist. */
export type NotFoundError = Error & {
  __typename?: 'NotFoundError';
  code: ErrorCode;
  message: Scalars['String']['output'];
  ref: Scalars['String']['output'];
  resource: Scalars['String']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type PairingCode = {
  __typename?: 'PairingCode';
  /** Type it in WhatsApp > Link with phone number. */
  pairingCode: Scalars['String']['output'];
};

export type PollContent = {
  __typename?: 'PollContent';
  name: Scalars['String']['output'];
  options: Array<Scalars['String']['output']>;
  selectableCount: Scalars['Int']['output'];
};

export type Presence = {
  __typename?: 'Presence';
  jid: Scalars['String']['output'];
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
  /** available, unavailable, composing, recording or paused. */
  presence: Scalars['String']['output'];
};

/** presenceUpdate: who is online or typing in a chat. */
export type PresenceEventPayload = {
  __typename?: 'PresenceEventPayload';
  chatJid: Scalars['String']['output'];
  presences: Array<Presence>;
};

export type PresenceKind =
  | 'available'
  | 'composing'
  | 'paused'
  | 'recording'
  | 'unavailable';

/** The QR code to scan in WhatsApp > Linked devices. */
export type QrCode = {
  __typename?: 'QrCode';
  /** The raw QR string. */
  code: Scalars['String']['output'];
  /** How many codes were shown in this attempt. */
  count: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** A PNG image as a data: URL. */
  dataUrl: Scalars['String']['output'];
};

/** qrcodeUpdate: a new QR code to scan. */
export type QrCodeEventPayload = {
  __typename?: 'QrCodeEventPayload';
  /** A PNG data URL of the code. */
  base64: Scalars['String']['output'];
  /** 1 for the first code of a session, then 2, 3 … */
  count: Scalars['Int']['output'];
  /** The code's text. */
  qr: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The cluster's nodes, their sessions and lease ages. Account token only. */
  cluster: QueryClusterResult;
  /** One instance, by id (global or UUID) or by name. */
  instance: QueryInstanceResult;
  /** Instances the token reaches (an instance token sees only its own), by name. */
  instances: QueryInstancesConnection;
  /** The object with this id, or null when it does not exist or the token does not reach it. */
  node?: Maybe<Node>;
  /** The objects with these ids (at most 100), each null when it does not exist or the token does not reach it. */
  nodes: Array<Maybe<Node>>;
};


export type QueryInstanceArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};


export type QueryInstancesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InstanceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};

export type QueryClusterResult = Cluster | ForbiddenError | UnauthorizedError;

export type QueryInstanceResult = ForbiddenError | Instance | NotFoundError | UnauthorizedError | ValidationError;

export type QueryInstancesConnection = {
  __typename?: 'QueryInstancesConnection';
  edges: Array<QueryInstancesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type QueryInstancesConnectionEdge = {
  __typename?: 'QueryInstancesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Instance;
};

/** Too many requests; retry after the given seconds. */
export type RateLimitedError = Error & {
  __typename?: 'RateLimitedError';
  code: ErrorCode;
  message: Scalars['String']['output'];
  retryAfterSeconds: Scalars['Int']['output'];
};

export type ReactionContent = {
  __typename?: 'ReactionContent';
  emoji: Scalars['String']['output'];
  targetKeyId?: Maybe<Scalars['String']['output']>;
};

export type SetSocketInput = {
  enabled: Scalars['Boolean']['input'];
  events?: InputMaybe<EventFlagsInput>;
  mediaBase64?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The instance's WebSocket configuration (GET /ws/:instance). */
export type Socket = {
  __typename?: 'Socket';
  createdAt: Scalars['DateTime']['output'];
  enabled: Scalars['Boolean']['output'];
  events: EventFlags;
  mediaBase64: Scalars['Boolean']['output'];
  socketId: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Live events of several instances: those named, or every instance the token reaches (for the account token, instances created later too; an instance token reaches only its own). A client that falls 256 events behind is dropped; the stream ends once every named instance is deleted. */
  events: InstanceEvent;
  /** The events of instanceEvents in arrays, in order: each frame carries every event buffered since the last one, up to maxBatchSize (1-1000). Made for feeds that take bursts: one frame per batch instead of one per event. A client that falls 256 full batches (at most 10,000 events) behind is dropped; the stream ends after instanceDelete. */
  instanceEventBatches: Array<InstanceEvent>;
  /** Live events of one instance, optionally of some types. A client that falls 256 events behind is dropped; the stream ends after instanceDelete. */
  instanceEvents: InstanceEvent;
};


export type SubscriptionEventsArgs = {
  after?: InputMaybe<Array<EventCursor>>;
  instanceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  types?: InputMaybe<Array<EventType>>;
};


export type SubscriptionInstanceEventBatchesArgs = {
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
  instanceId: Scalars['ID']['input'];
  maxBatchSize?: Scalars['Int']['input'];
  types?: InputMaybe<Array<EventType>>;
};


export type SubscriptionInstanceEventsArgs = {
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
  instanceId: Scalars['ID']['input'];
  types?: InputMaybe<Array<EventType>>;
};

/** No valid token came with the request. */
export type UnauthorizedError = Error & {
  __typename?: 'UnauthorizedError';
  code: ErrorCode;
  message: Scalars['String']['output'];
};

export type UpdateInstanceInput = {
  alwaysOnline?: InputMaybe<Scalars['Boolean']['input']>;
  callRejectMessage?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  ignoreGroups?: InputMaybe<Scalars['Boolean']['input']>;
  ignoreStatus?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  readMessages?: InputMaybe<Scalars['Boolean']['input']>;
  rejectCalls?: InputMaybe<Scalars['Boolean']['input']>;
  state?: InputMaybe<InstanceState>;
  syncFullHistory?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UpdateWebhookInput = {
  authorization?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  format?: InputMaybe<WebhookFormat>;
  mediaBase64?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

/** WhatsApp did not accept the operation; nothing was stored. */
export type UpstreamError = Error & {
  __typename?: 'UpstreamError';
  code: ErrorCode;
  message: Scalars['String']['output'];
};

/** The input was rejected; nothing was changed. */
export type ValidationError = Error & {
  __typename?: 'ValidationError';
  code: ErrorCode;
  issues: Array<ValidationIssue>;
  message: Scalars['String']['output'];
};

export type ValidationIssue = {
  __typename?: 'ValidationIssue';
  message: Scalars['String']['output'];
  path: Scalars['String']['output'];
};

/** An HTTP endpoint that receives the instance's events. */
export type Webhook = Node & {
  __typename?: 'Webhook';
  createdAt: Scalars['DateTime']['output'];
  /** The webhook's delivery log, newest event first. */
  deliveries: WebhookDeliveriesConnection;
  /** Why the gateway turned the webhook off (410 Gone, or a delivery that failed on every attempt); null otherwise. */
  disabledReason?: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  events: EventFlags;
  format: WebhookFormat;
  /** Whether deliveries carry an Authorization header (its value is never shown). */
  hasAuthorization: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  mediaBase64: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  /** Deliveries wait while paused and resume where they stopped (pauseWebhook, resumeWebhook). */
  paused: Scalars['Boolean']['output'];
  /** The HMAC-SHA256 key that signs every delivery. Shown once: in the answer of createWebhook and rotateWebhookSecret, null anywhere else (rotate it if it was lost). */
  signingSecret?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  url: Scalars['String']['output'];
  /** The raw UUID, as the REST families use it. */
  webhookId: Scalars['String']['output'];
};


/** An HTTP endpoint that receives the instance's events. */
export type WebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<DeliveryStatus>;
};

export type WebhookDeliveriesConnection = {
  __typename?: 'WebhookDeliveriesConnection';
  edges: Array<WebhookDeliveriesConnectionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type WebhookDeliveriesConnectionEdge = {
  __typename?: 'WebhookDeliveriesConnectionEdge';
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

/** One event owed to one webhook. Events a webhook's flags leave out have none. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attempts: Array<DeliveryAttempt>;
  createdAt: Scalars['DateTime']['output'];
  deliveryId: Scalars['String']['output'];
  /** Sent as webhook-id: the receiver's idempotency key. */
  eventId: Scalars['String']['output'];
  eventType: EventType;
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The event's position in its instance's event log. */
  seq: Scalars['Int']['output'];
  status: DeliveryStatus;
  updatedAt: Scalars['DateTime']['output'];
};

/** webhookDisabled: the gateway turned a webhook off (410 Gone, or a delivery failed on every attempt). */
export type WebhookDisabledEventPayload = {
  __typename?: 'WebhookDisabledEventPayload';
  /** The event whose delivery failed. */
  eventId?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  url: Scalars['String']['output'];
  webhookId: Scalars['String']['output'];
};

/** The body envelope, event names and headers of a webhook's requests. WAGRAPH: {id, seq, type, instanceId, instanceName, timestamp, data}. CODECHAT: {event, instance, data} with dotted names (messages.upsert) and x-instanceId/x-whatsappId/x-businessId headers. EVOLUTION: {event, instance, data, destination, date_time, sender, server_url} with X-Instance-ID/X-Instance-Name/X-Event-Type/X-Timestamp headers. RYZE: {event, data, instanceData} with RyzeAPI's six coarse names (other events are not sent). */
export type WebhookFormat =
  | 'CODECHAT'
  | 'EVOLUTION'
  | 'RYZE'
  | 'WAGRAPH';

export type WhatsAppAccount = {
  __typename?: 'WhatsAppAccount';
  createdAt: Scalars['DateTime']['output'];
  jid: Scalars['String']['output'];
  pictureUrl?: Maybe<Scalars['String']['output']>;
  pushName?: Maybe<Scalars['String']['output']>;
};

export type ClusterQueryVariables = Exact<{ [key: string]: never; }>;


export type ClusterQuery = { __typename?: 'Query', cluster:
    | { __typename: 'Cluster', enabled: boolean, thisNode?: string | null, leaseTtlMs?: number | null, nodes: Array<{ __typename?: 'ClusterNode', id: string, live: boolean, draining: boolean, leases: Array<{ __typename?: 'ClusterLease', instanceId: string, nodeId: string, fence: number, ageSeconds: number }> }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'UnauthorizedError' }
   };

export type WebhookDeliveriesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  status?: InputMaybe<DeliveryStatus>;
}>;


export type WebhookDeliveriesQuery = { __typename?: 'Query', node?:
    | { __typename: 'Instance' }
    | { __typename: 'Message' }
    | { __typename: 'Webhook', paused: boolean, enabled: boolean, disabledReason?: string | null, deliveries: { __typename?: 'WebhookDeliveriesConnection', totalCount: number, edges: Array<{ __typename?: 'WebhookDeliveriesConnectionEdge', node: { __typename?: 'WebhookDelivery', deliveryId: string, eventId: string, seq: number, eventType: EventType, status: DeliveryStatus, lastStatusCode?: number | null, nextAttemptAt?: string | null, attempts: Array<{ __typename?: 'DeliveryAttempt', at: string, statusCode?: number | null, latencyMs?: number | null, error?: string | null, response?: string | null }> } }> } }
   | null };

export type PauseWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PauseWebhookMutation = { __typename?: 'Mutation', pauseWebhook:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'UnauthorizedError' }
    | { __typename: 'ValidationError' }
    | { __typename: 'Webhook', paused: boolean }
   };

export type ResumeWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ResumeWebhookMutation = { __typename?: 'Mutation', resumeWebhook:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'UnauthorizedError' }
    | { __typename: 'ValidationError' }
    | { __typename: 'Webhook', paused: boolean }
   };

export type ReplayWebhookEventsMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  fromSeq?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type ReplayWebhookEventsMutation = { __typename?: 'Mutation', replayWebhookEvents:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'UnauthorizedError' }
    | { __typename: 'ValidationError', issues: Array<{ __typename?: 'ValidationIssue', path: string, message: string }> }
    | { __typename: 'Webhook' }
   };

export type RedeliverWebhookEventMutationVariables = Exact<{
  deliveryId: Scalars['ID']['input'];
}>;


export type RedeliverWebhookEventMutation = { __typename?: 'Mutation', redeliverWebhookEvent:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'UnauthorizedError' }
    | { __typename: 'ValidationError' }
    | { __typename: 'WebhookDelivery', status: DeliveryStatus, attempts: Array<{ __typename?: 'DeliveryAttempt', statusCode?: number | null }> }
   };

export type PingWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PingWebhookMutation = { __typename?: 'Mutation', pingWebhook:
    | { __typename: 'DeliveryAttempt', statusCode?: number | null, latencyMs?: number | null, response?: string | null }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'UnauthorizedError' }
    | { __typename: 'ValidationError' }
   };

export type TypedInstanceEventsSubscriptionVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  types?: InputMaybe<Array<EventType> | EventType>;
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
}>;


export type TypedInstanceEventsSubscription = { __typename?: 'Subscription', instanceEvents: { __typename?: 'InstanceEvent', seq: number, type: EventType, payload:
      | { __typename: 'CallEventPayload' }
      | { __typename: 'ChatsEventPayload', chats: Array<{ __typename?: 'EventChat', jid: string, unreadCount?: number | null }> }
      | { __typename: 'ConnectionEventPayload', state: ConnectionStatus, jid?: string | null, pushName?: string | null }
      | { __typename: 'ContactsEventPayload', contacts: Array<{ __typename?: 'EventContact', jid: string, notify?: string | null }> }
      | { __typename: 'GroupParticipantsEventPayload' }
      | { __typename: 'GroupsEventPayload' }
      | { __typename: 'InstanceDeletedEventPayload', instanceId: string, instanceName: string }
      | { __typename: 'LabelsEventPayload' }
      | { __typename: 'MessageUpdateEventPayload' }
      | { __typename: 'MessagesEventPayload', upsertType?: string | null, messages: Array<{ __typename?: 'EventMessage', pushName?: string | null, type: string, text?: string | null, timestamp?: string | null, key: { __typename?: 'MessageKey', chatJid: string, keyId: string, fromMe: boolean } }> }
      | { __typename: 'NewJwtEventPayload', jwt: string }
      | { __typename: 'PresenceEventPayload' }
      | { __typename: 'QrCodeEventPayload', qr: string, count: number }
      | { __typename: 'WebhookDisabledEventPayload' }
     } };

export type ResumedEventBatchesSubscriptionVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
  maxBatchSize?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ResumedEventBatchesSubscription = { __typename?: 'Subscription', instanceEventBatches: Array<{ __typename?: 'InstanceEvent', seq: number, type: EventType }> };

export type AccountEventsSubscriptionVariables = Exact<{
  instanceIds?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
  types?: InputMaybe<Array<EventType> | EventType>;
  after?: InputMaybe<Array<EventCursor> | EventCursor>;
}>;


export type AccountEventsSubscription = { __typename?: 'Subscription', events: { __typename?: 'InstanceEvent', seq: number, type: EventType, instanceId: string, data: unknown, payload:
      | { __typename: 'CallEventPayload' }
      | { __typename: 'ChatsEventPayload' }
      | { __typename: 'ConnectionEventPayload' }
      | { __typename: 'ContactsEventPayload' }
      | { __typename: 'GroupParticipantsEventPayload' }
      | { __typename: 'GroupsEventPayload' }
      | { __typename: 'InstanceDeletedEventPayload' }
      | { __typename: 'LabelsEventPayload' }
      | { __typename: 'MessageUpdateEventPayload' }
      | { __typename: 'MessagesEventPayload' }
      | { __typename: 'NewJwtEventPayload' }
      | { __typename: 'PresenceEventPayload' }
      | { __typename: 'QrCodeEventPayload' }
      | { __typename: 'WebhookDisabledEventPayload' }
     } };

export type InstanceChatsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  archived?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type InstanceChatsQuery = { __typename?: 'Query', instance:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Instance', chats: { __typename?: 'InstanceChatsConnection', totalCount: number, edges: Array<{ __typename?: 'InstanceChatsConnectionEdge', node: { __typename?: 'Chat', jid: string, name?: string | null, unreadCount: number, archived: boolean, pinned: boolean, isGroup: boolean, lastMessageAt?: string | null } }> } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type InstanceContactsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type InstanceContactsQuery = { __typename?: 'Query', instance:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Instance', contacts: { __typename?: 'InstanceContactsConnection', totalCount: number, edges: Array<{ __typename?: 'InstanceContactsConnectionEdge', node: { __typename?: 'Contact', jid: string, lid?: string | null, name?: string | null, notify?: string | null } }> } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type ChatMessagesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  chat?: InputMaybe<Scalars['String']['input']>;
  fromMe?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type ChatMessagesQuery = { __typename?: 'Query', instance:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Instance', messages: { __typename?: 'InstanceMessagesConnection', totalCount: number, edges: Array<{ __typename?: 'InstanceMessagesConnectionEdge', node: { __typename?: 'Message', keyId: string, chatJid: string, fromMe: boolean, participant?: string | null, pushName?: string | null, type: string, text?: string | null, status?: string | null, source: string, timestamp: string } }> } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type InstanceGroupsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InstanceGroupsQuery = { __typename?: 'Query', instance:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Instance', groups: { __typename?: 'InstanceGroupsConnection', totalCount: number, edges: Array<{ __typename?: 'InstanceGroupsConnectionEdge', node: { __typename?: 'Group', jid: string, subject?: string | null, owner?: string | null, description?: string | null, announce?: boolean | null, restrict?: boolean | null, size?: number | null, creation?: string | null, participants: Array<{ __typename?: 'GroupParticipant', jid: string, admin?: string | null }> } }> } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

type ErrorFields_ConflictError_Fragment = { __typename: 'ConflictError', code: ErrorCode, message: string };

type ErrorFields_ForbiddenError_Fragment = { __typename: 'ForbiddenError', code: ErrorCode, message: string };

type ErrorFields_NotConnectedError_Fragment = { __typename: 'NotConnectedError', code: ErrorCode, message: string };

type ErrorFields_NotFoundError_Fragment = { __typename: 'NotFoundError', code: ErrorCode, message: string };

type ErrorFields_RateLimitedError_Fragment = { __typename: 'RateLimitedError', code: ErrorCode, message: string };

type ErrorFields_UnauthorizedError_Fragment = { __typename: 'UnauthorizedError', code: ErrorCode, message: string };

type ErrorFields_UpstreamError_Fragment = { __typename: 'UpstreamError', code: ErrorCode, message: string };

type ErrorFields_ValidationError_Fragment = { __typename: 'ValidationError', code: ErrorCode, message: string };

export type ErrorFieldsFragment =
  | ErrorFields_ConflictError_Fragment
  | ErrorFields_ForbiddenError_Fragment
  | ErrorFields_NotConnectedError_Fragment
  | ErrorFields_NotFoundError_Fragment
  | ErrorFields_RateLimitedError_Fragment
  | ErrorFields_UnauthorizedError_Fragment
  | ErrorFields_UpstreamError_Fragment
  | ErrorFields_ValidationError_Fragment
;

export type InstanceFieldsFragment = { __typename?: 'Instance', id: string, instanceId: string, name: string, description?: string | null, state: InstanceState, connection: ConnectionStatus, token?: string | null, settings: { __typename?: 'InstanceSettings', rejectCalls: boolean, alwaysOnline: boolean, syncFullHistory: boolean }, account?: { __typename?: 'WhatsAppAccount', jid: string, pushName?: string | null } | null, webhooks: Array<{ __typename?: 'Webhook', id: string, webhookId: string, name: string, url: string, enabled: boolean, events: { __typename?: 'EventFlags', messagesUpsert: boolean, newJwt: boolean } }>, socket?: { __typename?: 'Socket', socketId: string, enabled: boolean, mediaBase64: boolean, events: { __typename?: 'EventFlags', qrcodeUpdate: boolean, messagesUpsert: boolean } } | null };

export type CreateInstanceMutationVariables = Exact<{
  input: CreateInstanceInput;
}>;


export type CreateInstanceMutation = { __typename?: 'Mutation', createInstance:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InstanceWithToken', token: string, instance: { __typename?: 'Instance', id: string, instanceId: string, name: string, description?: string | null, state: InstanceState, connection: ConnectionStatus, token?: string | null, settings: { __typename?: 'InstanceSettings', rejectCalls: boolean, alwaysOnline: boolean, syncFullHistory: boolean }, account?: { __typename?: 'WhatsAppAccount', jid: string, pushName?: string | null } | null, webhooks: Array<{ __typename?: 'Webhook', id: string, webhookId: string, name: string, url: string, enabled: boolean, events: { __typename?: 'EventFlags', messagesUpsert: boolean, newJwt: boolean } }>, socket?: { __typename?: 'Socket', socketId: string, enabled: boolean, mediaBase64: boolean, events: { __typename?: 'EventFlags', qrcodeUpdate: boolean, messagesUpsert: boolean } } | null } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ __typename?: 'ValidationIssue', path: string, message: string }> }
   };

export type UpdateInstanceMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateInstanceInput;
}>;


export type UpdateInstanceMutation = { __typename?: 'Mutation', updateInstance:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Instance', id: string, instanceId: string, name: string, description?: string | null, state: InstanceState, connection: ConnectionStatus, token?: string | null, settings: { __typename?: 'InstanceSettings', rejectCalls: boolean, alwaysOnline: boolean, syncFullHistory: boolean }, account?: { __typename?: 'WhatsAppAccount', jid: string, pushName?: string | null } | null, webhooks: Array<{ __typename?: 'Webhook', id: string, webhookId: string, name: string, url: string, enabled: boolean, events: { __typename?: 'EventFlags', messagesUpsert: boolean, newJwt: boolean } }>, socket?: { __typename?: 'Socket', socketId: string, enabled: boolean, mediaBase64: boolean, events: { __typename?: 'EventFlags', qrcodeUpdate: boolean, messagesUpsert: boolean } } | null }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type DeleteInstanceMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteInstanceMutation = { __typename?: 'Mutation', deleteInstance:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'DeletedInstance', instanceId: string, name: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type RotateInstanceTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RotateInstanceTokenMutation = { __typename?: 'Mutation', rotateInstanceToken:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InstanceWithToken', token: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type LogoutInstanceMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type LogoutInstanceMutation = { __typename?: 'Mutation', logoutInstance:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Instance' }
    | { __typename: 'NotConnectedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type InstancesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InstanceFilter>;
}>;


export type InstancesQuery = { __typename?: 'Query', instances: { __typename?: 'QueryInstancesConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'QueryInstancesConnectionEdge', node: { __typename?: 'Instance', id: string, instanceId: string, name: string, description?: string | null, state: InstanceState, connection: ConnectionStatus, token?: string | null, settings: { __typename?: 'InstanceSettings', rejectCalls: boolean, alwaysOnline: boolean, syncFullHistory: boolean }, account?: { __typename?: 'WhatsAppAccount', jid: string, pushName?: string | null } | null, webhooks: Array<{ __typename?: 'Webhook', id: string, webhookId: string, name: string, url: string, enabled: boolean, events: { __typename?: 'EventFlags', messagesUpsert: boolean, newJwt: boolean } }>, socket?: { __typename?: 'Socket', socketId: string, enabled: boolean, mediaBase64: boolean, events: { __typename?: 'EventFlags', qrcodeUpdate: boolean, messagesUpsert: boolean } } | null } }> } };

export type InstanceQueryVariables = Exact<{
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
}>;


export type InstanceQuery = { __typename?: 'Query', instance:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Instance', id: string, instanceId: string, name: string, description?: string | null, state: InstanceState, connection: ConnectionStatus, token?: string | null, settings: { __typename?: 'InstanceSettings', rejectCalls: boolean, alwaysOnline: boolean, syncFullHistory: boolean }, account?: { __typename?: 'WhatsAppAccount', jid: string, pushName?: string | null } | null, webhooks: Array<{ __typename?: 'Webhook', id: string, webhookId: string, name: string, url: string, enabled: boolean, events: { __typename?: 'EventFlags', messagesUpsert: boolean, newJwt: boolean } }>, socket?: { __typename?: 'Socket', socketId: string, enabled: boolean, mediaBase64: boolean, events: { __typename?: 'EventFlags', qrcodeUpdate: boolean, messagesUpsert: boolean } } | null }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type NodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeQuery = { __typename?: 'Query', node?:
    | { __typename: 'Instance', name: string, id: string }
    | { __typename: 'Message', id: string }
    | { __typename: 'Webhook', name: string, id: string }
   | null };

export type InstanceEventsSubscriptionVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  types?: InputMaybe<Array<EventType> | EventType>;
}>;


export type InstanceEventsSubscription = { __typename?: 'Subscription', instanceEvents: { __typename?: 'InstanceEvent', id: string, type: EventType, instanceId: string, instanceName: string, timestamp: string, data: unknown } };

export type InstanceEventBatchesSubscriptionVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  types?: InputMaybe<Array<EventType> | EventType>;
  maxBatchSize?: InputMaybe<Scalars['Int']['input']>;
}>;


export type InstanceEventBatchesSubscription = { __typename?: 'Subscription', instanceEventBatches: Array<{ __typename?: 'InstanceEvent', id: string, type: EventType, data: unknown }> };

export type ConnectInstanceMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConnectInstanceMutation = { __typename?: 'Mutation', connectInstance:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Instance', connection: ConnectionStatus, qrcode?: { __typename?: 'QrCode', code: string } | null }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type RestartInstanceMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RestartInstanceMutation = { __typename?: 'Mutation', restartInstance:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Instance' }
    | { __typename: 'NotConnectedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type RequestPairingCodeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  phoneNumber: Scalars['String']['input'];
}>;


export type RequestPairingCodeMutation = { __typename?: 'Mutation', requestPairingCode:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'PairingCode', pairingCode: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type InstanceQrQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InstanceQrQuery = { __typename?: 'Query', instance:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'Instance', connection: ConnectionStatus, qrcode?: { __typename?: 'QrCode', code: string, dataUrl: string, count: number } | null }
    | { __typename: 'NotFoundError' }
    | { __typename: 'UnauthorizedError' }
    | { __typename: 'ValidationError' }
   };

export type MessageFieldsFragment = { __typename?: 'Message', id: string, keyId: string, chatJid: string, fromMe: boolean, pushName?: string | null, type: string, text?: string | null, status?: string | null, source: string, timestamp: string, media?: { __typename?: 'MediaContent', kind: string, mimetype?: string | null, caption?: string | null, fileName?: string | null, size?: number | null } | null, location?: { __typename?: 'LocationContent', latitude: number, longitude: number, name?: string | null } | null, contact?: { __typename?: 'ContactContent', displayName?: string | null } | null, poll?: { __typename?: 'PollContent', name: string, options: Array<string> } | null, reaction?: { __typename?: 'ReactionContent', emoji: string, targetKeyId?: string | null } | null };

export type MessagesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  chat?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MessagesQuery = { __typename?: 'Query', instance:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'Instance', messages: { __typename?: 'InstanceMessagesConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'InstanceMessagesConnectionEdge', node: { __typename?: 'Message', id: string, keyId: string, chatJid: string, fromMe: boolean, pushName?: string | null, type: string, text?: string | null, status?: string | null, source: string, timestamp: string, media?: { __typename?: 'MediaContent', kind: string, mimetype?: string | null, caption?: string | null, fileName?: string | null, size?: number | null } | null, location?: { __typename?: 'LocationContent', latitude: number, longitude: number, name?: string | null } | null, contact?: { __typename?: 'ContactContent', displayName?: string | null } | null, poll?: { __typename?: 'PollContent', name: string, options: Array<string> } | null, reaction?: { __typename?: 'ReactionContent', emoji: string, targetKeyId?: string | null } | null } }> }, chats: { __typename?: 'InstanceChatsConnection', totalCount: number, edges: Array<{ __typename?: 'InstanceChatsConnectionEdge', node: { __typename?: 'Chat', jid: string, lastMessageAt?: string | null } }> } }
    | { __typename: 'NotFoundError' }
    | { __typename: 'UnauthorizedError' }
    | { __typename: 'ValidationError' }
   };

export type SendTextMutationVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
  text: Scalars['String']['input'];
  quotedKeyId?: InputMaybe<Scalars['String']['input']>;
}>;


export type SendTextMutation = { __typename?: 'Mutation', sendText:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, keyId: string, chatJid: string, fromMe: boolean, pushName?: string | null, type: string, text?: string | null, status?: string | null, source: string, timestamp: string, media?: { __typename?: 'MediaContent', kind: string, mimetype?: string | null, caption?: string | null, fileName?: string | null, size?: number | null } | null, location?: { __typename?: 'LocationContent', latitude: number, longitude: number, name?: string | null } | null, contact?: { __typename?: 'ContactContent', displayName?: string | null } | null, poll?: { __typename?: 'PollContent', name: string, options: Array<string> } | null, reaction?: { __typename?: 'ReactionContent', emoji: string, targetKeyId?: string | null } | null }
    | { __typename: 'NotConnectedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ __typename?: 'ValidationIssue', path: string, message: string }> }
   };

export type SendLocationMutationVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
}>;


export type SendLocationMutation = { __typename?: 'Mutation', sendLocation:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, keyId: string, chatJid: string, fromMe: boolean, pushName?: string | null, type: string, text?: string | null, status?: string | null, source: string, timestamp: string, media?: { __typename?: 'MediaContent', kind: string, mimetype?: string | null, caption?: string | null, fileName?: string | null, size?: number | null } | null, location?: { __typename?: 'LocationContent', latitude: number, longitude: number, name?: string | null } | null, contact?: { __typename?: 'ContactContent', displayName?: string | null } | null, poll?: { __typename?: 'PollContent', name: string, options: Array<string> } | null, reaction?: { __typename?: 'ReactionContent', emoji: string, targetKeyId?: string | null } | null }
    | { __typename: 'NotConnectedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SendPollMutationVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
  name: Scalars['String']['input'];
  options: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type SendPollMutation = { __typename?: 'Mutation', sendPoll:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, keyId: string, chatJid: string, fromMe: boolean, pushName?: string | null, type: string, text?: string | null, status?: string | null, source: string, timestamp: string, media?: { __typename?: 'MediaContent', kind: string, mimetype?: string | null, caption?: string | null, fileName?: string | null, size?: number | null } | null, location?: { __typename?: 'LocationContent', latitude: number, longitude: number, name?: string | null } | null, contact?: { __typename?: 'ContactContent', displayName?: string | null } | null, poll?: { __typename?: 'PollContent', name: string, options: Array<string> } | null, reaction?: { __typename?: 'ReactionContent', emoji: string, targetKeyId?: string | null } | null }
    | { __typename: 'NotConnectedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SendContactMutationVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
  fullName: Scalars['String']['input'];
  phoneNumber: Scalars['String']['input'];
}>;


export type SendContactMutation = { __typename?: 'Mutation', sendContact:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, keyId: string, chatJid: string, fromMe: boolean, pushName?: string | null, type: string, text?: string | null, status?: string | null, source: string, timestamp: string, media?: { __typename?: 'MediaContent', kind: string, mimetype?: string | null, caption?: string | null, fileName?: string | null, size?: number | null } | null, location?: { __typename?: 'LocationContent', latitude: number, longitude: number, name?: string | null } | null, contact?: { __typename?: 'ContactContent', displayName?: string | null } | null, poll?: { __typename?: 'PollContent', name: string, options: Array<string> } | null, reaction?: { __typename?: 'ReactionContent', emoji: string, targetKeyId?: string | null } | null }
    | { __typename: 'NotConnectedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SendReactionMutationVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  key: MessageKeyInput;
  emoji: Scalars['String']['input'];
}>;


export type SendReactionMutation = { __typename?: 'Mutation', sendReaction:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, keyId: string, chatJid: string, fromMe: boolean, pushName?: string | null, type: string, text?: string | null, status?: string | null, source: string, timestamp: string, media?: { __typename?: 'MediaContent', kind: string, mimetype?: string | null, caption?: string | null, fileName?: string | null, size?: number | null } | null, location?: { __typename?: 'LocationContent', latitude: number, longitude: number, name?: string | null } | null, contact?: { __typename?: 'ContactContent', displayName?: string | null } | null, poll?: { __typename?: 'PollContent', name: string, options: Array<string> } | null, reaction?: { __typename?: 'ReactionContent', emoji: string, targetKeyId?: string | null } | null }
    | { __typename: 'NotConnectedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type MarkMessagesReadMutationVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  keys: Array<MessageKeyInput> | MessageKeyInput;
}>;


export type MarkMessagesReadMutation = { __typename?: 'Mutation', markMessagesRead:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'MutationMarkMessagesReadSuccess', data: number }
    | { __typename: 'NotConnectedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SendPresenceMutationVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
  presence: PresenceKind;
}>;


export type SendPresenceMutation = { __typename?: 'Mutation', sendPresence:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'MutationSendPresenceSuccess' }
    | { __typename: 'NotConnectedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SendMediaMutationVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
  kind: MediaKind;
  url?: InputMaybe<Scalars['String']['input']>;
  base64?: InputMaybe<Scalars['String']['input']>;
  caption?: InputMaybe<Scalars['String']['input']>;
  mimetype?: InputMaybe<Scalars['String']['input']>;
  fileName?: InputMaybe<Scalars['String']['input']>;
  voiceNote?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type SendMediaMutation = { __typename?: 'Mutation', sendMedia:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, keyId: string, chatJid: string, fromMe: boolean, pushName?: string | null, type: string, text?: string | null, status?: string | null, source: string, timestamp: string, media?: { __typename?: 'MediaContent', kind: string, mimetype?: string | null, caption?: string | null, fileName?: string | null, size?: number | null } | null, location?: { __typename?: 'LocationContent', latitude: number, longitude: number, name?: string | null } | null, contact?: { __typename?: 'ContactContent', displayName?: string | null } | null, poll?: { __typename?: 'PollContent', name: string, options: Array<string> } | null, reaction?: { __typename?: 'ReactionContent', emoji: string, targetKeyId?: string | null } | null }
    | { __typename: 'NotConnectedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ __typename?: 'ValidationIssue', path: string, message: string }> }
   };

export type WebhookSecretsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebhookSecretsQuery = { __typename?: 'Query', node?:
    | { __typename: 'Instance' }
    | { __typename: 'Message' }
    | { __typename: 'Webhook', signingSecret?: string | null, hasAuthorization: boolean }
   | null };

export type WebhookFieldsFragment = { __typename?: 'Webhook', id: string, webhookId: string, name: string, url: string, enabled: boolean, mediaBase64: boolean, hasAuthorization: boolean, signingSecret?: string | null, format: WebhookFormat, paused: boolean, disabledReason?: string | null, events: { __typename?: 'EventFlags', qrcodeUpdate: boolean, messagesUpsert: boolean, sendMessage: boolean, newJwt: boolean, callUpsert: boolean } };

export type CreateWebhookMutationVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  input: CreateWebhookInput;
}>;


export type CreateWebhookMutation = { __typename?: 'Mutation', createWebhook:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ __typename?: 'ValidationIssue', path: string, message: string }> }
    | { __typename: 'Webhook', id: string, webhookId: string, name: string, url: string, enabled: boolean, mediaBase64: boolean, hasAuthorization: boolean, signingSecret?: string | null, format: WebhookFormat, paused: boolean, disabledReason?: string | null, events: { __typename?: 'EventFlags', qrcodeUpdate: boolean, messagesUpsert: boolean, sendMessage: boolean, newJwt: boolean, callUpsert: boolean } }
   };

export type UpdateWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateWebhookInput;
}>;


export type UpdateWebhookMutation = { __typename?: 'Mutation', updateWebhook:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
    | { __typename: 'Webhook', id: string, webhookId: string, name: string, url: string, enabled: boolean, mediaBase64: boolean, hasAuthorization: boolean, signingSecret?: string | null, format: WebhookFormat, paused: boolean, disabledReason?: string | null, events: { __typename?: 'EventFlags', qrcodeUpdate: boolean, messagesUpsert: boolean, sendMessage: boolean, newJwt: boolean, callUpsert: boolean } }
   };

export type SetWebhookEventsMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  events: EventFlagsInput;
}>;


export type SetWebhookEventsMutation = { __typename?: 'Mutation', setWebhookEvents:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
    | { __typename: 'Webhook', id: string, webhookId: string, name: string, url: string, enabled: boolean, mediaBase64: boolean, hasAuthorization: boolean, signingSecret?: string | null, format: WebhookFormat, paused: boolean, disabledReason?: string | null, events: { __typename?: 'EventFlags', qrcodeUpdate: boolean, messagesUpsert: boolean, sendMessage: boolean, newJwt: boolean, callUpsert: boolean } }
   };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RotateWebhookSecretMutation = { __typename?: 'Mutation', rotateWebhookSecret:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
    | { __typename: 'Webhook', signingSecret?: string | null }
   };

export type DeleteWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteWebhookMutation = { __typename?: 'Mutation', deleteWebhook:
    | { __typename: 'DeletedWebhook', webhookId: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SetSocketMutationVariables = Exact<{
  instanceId: Scalars['ID']['input'];
  input: SetSocketInput;
}>;


export type SetSocketMutation = { __typename?: 'Mutation', setSocket:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'Socket', socketId: string, enabled: boolean, mediaBase64: boolean, events: { __typename?: 'EventFlags', qrcodeUpdate: boolean, messagesUpsert: boolean, callUpsert: boolean } }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type DeleteSocketMutationVariables = Exact<{
  instanceId: Scalars['ID']['input'];
}>;


export type DeleteSocketMutation = { __typename?: 'Mutation', deleteSocket:
    | { __typename: 'DeletedSocket', socketId: string, deletedAt: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export const ErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ErrorFieldsFragment, unknown>;
export const InstanceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectCalls"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOnline"}},{"kind":"Field","name":{"kind":"Name","value":"syncFullHistory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"webhookId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}},{"kind":"Field","name":{"kind":"Name","value":"newJwt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"socket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socketId"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"mediaBase64"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qrcodeUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}}]}}]}}]}}]} as unknown as DocumentNode<InstanceFieldsFragment, unknown>;
export const MessageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"chatJid"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"mimetype"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"poll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"options"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"targetKeyId"}}]}}]}}]} as unknown as DocumentNode<MessageFieldsFragment, unknown>;
export const WebhookFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"webhookId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"mediaBase64"}},{"kind":"Field","name":{"kind":"Name","value":"hasAuthorization"}},{"kind":"Field","name":{"kind":"Name","value":"signingSecret"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qrcodeUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}},{"kind":"Field","name":{"kind":"Name","value":"sendMessage"}},{"kind":"Field","name":{"kind":"Name","value":"newJwt"}},{"kind":"Field","name":{"kind":"Name","value":"callUpsert"}}]}}]}}]} as unknown as DocumentNode<WebhookFieldsFragment, unknown>;
export const ClusterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Cluster"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"thisNode"}},{"kind":"Field","name":{"kind":"Name","value":"leaseTtlMs"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"live"}},{"kind":"Field","name":{"kind":"Name","value":"draining"}},{"kind":"Field","name":{"kind":"Name","value":"leases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"nodeId"}},{"kind":"Field","name":{"kind":"Name","value":"fence"}},{"kind":"Field","name":{"kind":"Name","value":"ageSeconds"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClusterQuery, ClusterQueryVariables>;
export const WebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"response"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const PauseWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PauseWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pauseWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paused"}}]}}]}}]}}]} as unknown as DocumentNode<PauseWebhookMutation, PauseWebhookMutationVariables>;
export const ResumeWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paused"}}]}}]}}]}}]} as unknown as DocumentNode<ResumeWebhookMutation, ResumeWebhookMutationVariables>;
export const ReplayWebhookEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplayWebhookEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fromSeq"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"fromSeq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromSeq"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReplayWebhookEventsMutation, ReplayWebhookEventsMutationVariables>;
export const RedeliverWebhookEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeliverWebhookEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeliverWebhookEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deliveryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RedeliverWebhookEventMutation, RedeliverWebhookEventMutationVariables>;
export const PingWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PingWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pingWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryAttempt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"response"}}]}}]}}]}}]} as unknown as DocumentNode<PingWebhookMutation, PingWebhookMutationVariables>;
export const TypedInstanceEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TypedInstanceEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EventType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSeq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"payload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessagesEventPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertType"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chatJid"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConnectionEventPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"QrCodeEventPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qr"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatsEventPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactsEventPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"notify"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NewJwtEventPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jwt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceDeletedEventPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"instanceName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TypedInstanceEventsSubscription, TypedInstanceEventsSubscriptionVariables>;
export const ResumedEventBatchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ResumedEventBatches"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxBatchSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEventBatches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSeq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxBatchSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxBatchSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]} as unknown as DocumentNode<ResumedEventBatchesSubscription, ResumedEventBatchesSubscriptionVariables>;
export const AccountEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AccountEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceIds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EventType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EventCursor"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"payload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]}}]} as unknown as DocumentNode<AccountEventsSubscription, AccountEventsSubscriptionVariables>;
export const InstanceChatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceChats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"archived"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"archived"},"value":{"kind":"Variable","name":{"kind":"Name","value":"archived"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"pinned"}},{"kind":"Field","name":{"kind":"Name","value":"isGroup"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessageAt"}}]}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<InstanceChatsQuery, InstanceChatsQueryVariables>;
export const InstanceContactsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceContacts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"lid"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"notify"}}]}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<InstanceContactsQuery, InstanceContactsQueryVariables>;
export const ChatMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChatMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"chat"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fromMe"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"chat"},"value":{"kind":"Variable","name":{"kind":"Name","value":"chat"}}},{"kind":"Argument","name":{"kind":"Name","value":"fromMe"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromMe"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"chatJid"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}},{"kind":"Field","name":{"kind":"Name","value":"participant"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ChatMessagesQuery, ChatMessagesQueryVariables>;
export const InstanceGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"announce"}},{"kind":"Field","name":{"kind":"Name","value":"restrict"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"creation"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"admin"}}]}}]}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<InstanceGroupsQuery, InstanceGroupsQueryVariables>;
export const CreateInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInstanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceWithToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectCalls"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOnline"}},{"kind":"Field","name":{"kind":"Name","value":"syncFullHistory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"webhookId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}},{"kind":"Field","name":{"kind":"Name","value":"newJwt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"socket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socketId"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"mediaBase64"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qrcodeUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CreateInstanceMutation, CreateInstanceMutationVariables>;
export const UpdateInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateInstanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectCalls"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOnline"}},{"kind":"Field","name":{"kind":"Name","value":"syncFullHistory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"webhookId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}},{"kind":"Field","name":{"kind":"Name","value":"newJwt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"socket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socketId"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"mediaBase64"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qrcodeUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UpdateInstanceMutation, UpdateInstanceMutationVariables>;
export const DeleteInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeletedInstance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<DeleteInstanceMutation, DeleteInstanceMutationVariables>;
export const RotateInstanceTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateInstanceToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateInstanceToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceWithToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RotateInstanceTokenMutation, RotateInstanceTokenMutationVariables>;
export const LogoutInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogoutInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logoutInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<LogoutInstanceMutation, LogoutInstanceMutationVariables>;
export const InstancesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Instances"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InstanceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectCalls"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOnline"}},{"kind":"Field","name":{"kind":"Name","value":"syncFullHistory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"webhookId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}},{"kind":"Field","name":{"kind":"Name","value":"newJwt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"socket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socketId"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"mediaBase64"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qrcodeUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}}]}}]}}]}}]} as unknown as DocumentNode<InstancesQuery, InstancesQueryVariables>;
export const InstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Instance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InstanceFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InstanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectCalls"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOnline"}},{"kind":"Field","name":{"kind":"Name","value":"syncFullHistory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"webhookId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}},{"kind":"Field","name":{"kind":"Name","value":"newJwt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"socket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socketId"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"mediaBase64"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qrcodeUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<InstanceQuery, InstanceQueryVariables>;
export const NodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Node"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<NodeQuery, NodeQueryVariables>;
export const InstanceEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstanceEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EventType"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"instanceName"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<InstanceEventsSubscription, InstanceEventsSubscriptionVariables>;
export const InstanceEventBatchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstanceEventBatches"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EventType"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxBatchSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceEventBatches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxBatchSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxBatchSize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<InstanceEventBatchesSubscription, InstanceEventBatchesSubscriptionVariables>;
export const ConnectInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConnectInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"qrcode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ConnectInstanceMutation, ConnectInstanceMutationVariables>;
export const RestartInstanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestartInstance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restartInstance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RestartInstanceMutation, RestartInstanceMutationVariables>;
export const RequestPairingCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPairingCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPairingCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"phoneNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PairingCode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pairingCode"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RequestPairingCodeMutation, RequestPairingCodeMutationVariables>;
export const InstanceQrDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstanceQr"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"qrcode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"dataUrl"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstanceQrQuery, InstanceQrQueryVariables>;
export const MessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Messages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"chat"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"chat"},"value":{"kind":"Variable","name":{"kind":"Name","value":"chat"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"chats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jid"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessageAt"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"chatJid"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"mimetype"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"poll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"options"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"targetKeyId"}}]}}]}}]} as unknown as DocumentNode<MessagesQuery, MessagesQueryVariables>;
export const SendTextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quotedKeyId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendText"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"quotedKeyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quotedKeyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"chatJid"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"mimetype"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"poll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"options"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"targetKeyId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SendTextMutation, SendTextMutationVariables>;
export const SendLocationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendLocation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"latitude"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"longitude"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendLocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"latitude"},"value":{"kind":"Variable","name":{"kind":"Name","value":"latitude"}}},{"kind":"Argument","name":{"kind":"Name","value":"longitude"},"value":{"kind":"Variable","name":{"kind":"Name","value":"longitude"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"chatJid"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"mimetype"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"poll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"options"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"targetKeyId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SendLocationMutation, SendLocationMutationVariables>;
export const SendPollDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendPoll"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendPoll"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"chatJid"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"mimetype"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"poll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"options"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"targetKeyId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SendPollMutation, SendPollMutationVariables>;
export const SendContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fullName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"fullName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fullName"}}},{"kind":"Argument","name":{"kind":"Name","value":"phoneNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phoneNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"chatJid"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"mimetype"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"poll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"options"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"targetKeyId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SendContactMutation, SendContactMutationVariables>;
export const SendReactionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendReaction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MessageKeyInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"emoji"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendReaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"emoji"},"value":{"kind":"Variable","name":{"kind":"Name","value":"emoji"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"chatJid"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"mimetype"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"poll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"options"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"targetKeyId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SendReactionMutation, SendReactionMutationVariables>;
export const MarkMessagesReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkMessagesRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keys"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MessageKeyInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markMessagesRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"keys"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keys"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationMarkMessagesReadSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<MarkMessagesReadMutation, MarkMessagesReadMutationVariables>;
export const SendPresenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendPresence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"presence"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PresenceKind"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendPresence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"presence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"presence"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SendPresenceMutation, SendPresenceMutationVariables>;
export const SendMediaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendMedia"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MediaKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"url"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"base64"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caption"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mimetype"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"voiceNote"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendMedia"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"url"},"value":{"kind":"Variable","name":{"kind":"Name","value":"url"}}},{"kind":"Argument","name":{"kind":"Name","value":"base64"},"value":{"kind":"Variable","name":{"kind":"Name","value":"base64"}}},{"kind":"Argument","name":{"kind":"Name","value":"caption"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caption"}}},{"kind":"Argument","name":{"kind":"Name","value":"mimetype"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mimetype"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}}},{"kind":"Argument","name":{"kind":"Name","value":"voiceNote"},"value":{"kind":"Variable","name":{"kind":"Name","value":"voiceNote"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"chatJid"}},{"kind":"Field","name":{"kind":"Name","value":"fromMe"}},{"kind":"Field","name":{"kind":"Name","value":"pushName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"mimetype"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"poll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"options"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"targetKeyId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SendMediaMutation, SendMediaMutationVariables>;
export const WebhookSecretsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookSecrets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signingSecret"}},{"kind":"Field","name":{"kind":"Name","value":"hasAuthorization"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookSecretsQuery, WebhookSecretsQueryVariables>;
export const CreateWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebhookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"webhookId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"mediaBase64"}},{"kind":"Field","name":{"kind":"Name","value":"hasAuthorization"}},{"kind":"Field","name":{"kind":"Name","value":"signingSecret"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qrcodeUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}},{"kind":"Field","name":{"kind":"Name","value":"sendMessage"}},{"kind":"Field","name":{"kind":"Name","value":"newJwt"}},{"kind":"Field","name":{"kind":"Name","value":"callUpsert"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const UpdateWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWebhookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"webhookId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"mediaBase64"}},{"kind":"Field","name":{"kind":"Name","value":"hasAuthorization"}},{"kind":"Field","name":{"kind":"Name","value":"signingSecret"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qrcodeUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}},{"kind":"Field","name":{"kind":"Name","value":"sendMessage"}},{"kind":"Field","name":{"kind":"Name","value":"newJwt"}},{"kind":"Field","name":{"kind":"Name","value":"callUpsert"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UpdateWebhookMutation, UpdateWebhookMutationVariables>;
export const SetWebhookEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetWebhookEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"events"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EventFlagsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setWebhookEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"events"},"value":{"kind":"Variable","name":{"kind":"Name","value":"events"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookFields"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"webhookId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"mediaBase64"}},{"kind":"Field","name":{"kind":"Name","value":"hasAuthorization"}},{"kind":"Field","name":{"kind":"Name","value":"signingSecret"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qrcodeUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}},{"kind":"Field","name":{"kind":"Name","value":"sendMessage"}},{"kind":"Field","name":{"kind":"Name","value":"newJwt"}},{"kind":"Field","name":{"kind":"Name","value":"callUpsert"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SetWebhookEventsMutation, SetWebhookEventsMutationVariables>;
export const RotateWebhookSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateWebhookSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateWebhookSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Webhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signingSecret"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const DeleteWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeletedWebhook"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookId"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const SetSocketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSocket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetSocketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSocket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Socket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socketId"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"mediaBase64"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"qrcodeUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"messagesUpsert"}},{"kind":"Field","name":{"kind":"Name","value":"callUpsert"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SetSocketMutation, SetSocketMutationVariables>;
export const DeleteSocketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSocket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSocket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"instanceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instanceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeletedSocket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"socketId"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<DeleteSocketMutation, DeleteSocketMutationVariables>;