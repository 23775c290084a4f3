import type { CodegenConfig } from "@graphql-codegen/cli";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { lexicographicSortSchema } from "graphql";
import { buildGraphQLSchema } from "./src/graphql/schema.ts";

// The SDL comes from the code-first schema; the committed copy is checked in CI.
const sdl = printSchemaWithDirectives(lexicographicSortSchema(buildGraphQLSchema()));

const config: CodegenConfig = {
  schema: sdl,
  documents: ["test/operations/**/*.graphql"],
  generates: {
    "schema/schema.graphql": { plugins: ["schema-ast"], config: { includeDirectives: true, sort: true } },
    "test/generated/graphql.ts": {
      plugins: ["typescript", "typescript-operations", "typed-document-node"],
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: "string", JSON: "unknown" } },
    },
  },
};

export default config;
