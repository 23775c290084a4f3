import { requireAccount } from "../auth/access.ts";
import { ForbiddenError, UnauthorizedError } from "../errors.ts";
import { builder } from "../graphql/builder.ts";
import type { ClusterNodeRow, LeaseRow } from "./leases.ts";

interface ClusterView {
  enabled: boolean;
  thisNode: string | null;
  leaseTtlMs: number | null;
  nodes: (ClusterNodeRow & { live: boolean; leases: LeaseRow[] })[];
}

const ACCOUNT_ONLY = { account: true } as const;

const ClusterLease = builder.objectRef<LeaseRow>("ClusterLease").implement({
  description: "One instance's session held by one node.",
  authScopes: ACCOUNT_ONLY,
  fields: (t) => ({
    instanceId: t.exposeString("instanceId"),
    nodeId: t.exposeString("nodeId"),
    fence: t.exposeInt("fence", {
      description: "The fencing token: grows with every change of holder; older holders cannot write.",
    }),
    acquiredAt: t.expose("acquiredAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", {
      type: "DateTime",
      description: "Renewed every third of the lease time.",
    }),
    ageSeconds: t.float({
      description: "Seconds since this node took the lease.",
      resolve: (lease) => Math.max(0, (Date.now() - lease.acquiredAt.getTime()) / 1000),
    }),
  }),
});

const ClusterNode = builder.objectRef<ClusterView["nodes"][number]>("ClusterNode").implement({
  description: "A gateway process of the cluster.",
  authScopes: ACCOUNT_ONLY,
  fields: (t) => ({
    id: t.exposeString("id"),
    startedAt: t.expose("startedAt", { type: "DateTime" }),
    heartbeatAt: t.expose("heartbeatAt", { type: "DateTime" }),
    live: t.exposeBoolean("live", { description: "Its last heartbeat is within the lease time." }),
    draining: t.exposeBoolean("draining", { description: "Handing its sessions over before it exits." }),
    leases: t.field({
      type: [ClusterLease],
      description: "The instances whose sessions it runs.",
      resolve: (node) => node.leases,
    }),
  }),
});

const Cluster = builder.objectRef<ClusterView>("Cluster").implement({
  description:
    "The gateway processes sharing this database (PostgreSQL and Redis), and which instances each one runs.",
  authScopes: ACCOUNT_ONLY,
  fields: (t) => ({
    enabled: t.exposeBoolean("enabled", {
      description: "False for a single process (SQLite, or no REDIS_URL).",
    }),
    thisNode: t.exposeString("thisNode", { nullable: true, description: "The node that answered." }),
    leaseTtlMs: t.exposeInt("leaseTtlMs", { nullable: true }),
    nodes: t.field({ type: [ClusterNode], resolve: (cluster) => cluster.nodes }),
  }),
});

builder.queryFields((t) => ({
  cluster: t.field({
    type: Cluster,
    description: "The cluster's nodes, their sessions and lease ages. Account token only.",
    errors: { types: [UnauthorizedError, ForbiddenError] },
    resolve: async (_root, _args, context): Promise<ClusterView> => {
      requireAccount(context.caller);
      const cluster = context.services.cluster;
      if (!cluster) return { enabled: false, thisNode: null, leaseTtlMs: null, nodes: [] };
      const [nodes, live, leases] = await Promise.all([
        cluster.view.nodes(),
        cluster.view.liveNodes(),
        cluster.view.leases(),
      ]);
      const liveIds = new Set(live.map((node) => node.id));
      return {
        enabled: true,
        thisNode: cluster.nodeId,
        leaseTtlMs: cluster.leaseTtlMs,
        nodes: nodes.map((node) => ({
          ...node,
          live: liveIds.has(node.id),
          leases: leases.filter((lease) => lease.nodeId === node.id),
        })),
      };
    },
  }),
}));
