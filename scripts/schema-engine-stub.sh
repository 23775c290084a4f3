#!/bin/sh
# Prisma's CLI wants a native schema engine it cannot download here; generation does not
# need one. Migrations run through the wasm engine instead.
echo "wagraph: the native Prisma schema engine is not used. Run 'npm run db:migrate' or 'npm run db:migration:create -- <name>'." >&2
exit 1
