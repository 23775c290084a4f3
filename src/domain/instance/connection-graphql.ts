// Linking and running an instance's WhatsApp session.
import { builder } from "../../graphql/builder.ts";
import { ACCESS_ERRORS, ConflictError, NotConnectedError } from "../../graphql/errors.ts";
import { instanceRef } from "../../graphql/ids.ts";
import type { QrCode } from "../../whatsapp/session.ts";
import { InstanceNode } from "./graphql.ts";

const QrCodeType = builder.objectRef<QrCode>("QrCode").implement({
  description: "The QR code to scan in WhatsApp > Linked devices.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "The raw QR string." }),
    dataUrl: t.exposeString("dataUrl", { description: "A PNG image as a data: URL." }),
    count: t.exposeInt("count", { description: "How many codes were shown in this attempt." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.objectField(InstanceNode, "qrcode", (t) =>
  t.field({
    type: QrCodeType,
    nullable: true,
    description: "The current QR code while the session waits for a scan.",
    resolve: (instance, _args, context) => context.services.instances.qrcode(instance.id),
  }),
);

const PairingCode = builder.objectRef<{ code: string }>("PairingCode").implement({
  fields: (t) => ({
    pairingCode: t.exposeString("code", { description: "Type it in WhatsApp > Link with phone number." }),
  }),
});

builder.mutationFields((t) => ({
  connectInstance: t.field({
    type: InstanceNode,
    description: "Starts the WhatsApp session: qrcodeUpdate events follow unless a device is linked.",
    errors: { types: ACCESS_ERRORS },
    args: { id: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.instances.connect(context.caller, instanceRef(args.id)),
  }),
  requestPairingCode: t.field({
    type: PairingCode,
    description: "Links without a QR: starts the session and answers a code to type on the phone.",
    errors: { types: [...ACCESS_ERRORS, ConflictError] },
    args: { id: t.arg.id(), phoneNumber: t.arg.string() },
    resolve: async (_parent, args, context) => ({
      code: await context.services.instances.requestPairingCode(
        context.caller,
        instanceRef(args.id),
        args.phoneNumber,
      ),
    }),
  }),
  restartInstance: t.field({
    type: InstanceNode,
    description: "Closes and reopens the socket, keeping the linked device.",
    errors: { types: [...ACCESS_ERRORS, NotConnectedError] },
    args: { id: t.arg.id() },
    resolve: (_parent, args, context) =>
      context.services.instances.restart(context.caller, instanceRef(args.id)),
  }),
}));
