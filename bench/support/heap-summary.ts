import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

export interface HeapGroup {
  name: string;
  count: number;
  selfSize: number;
}

export interface HeapSummary {
  nodes: number;
  totalSelfSize: number;
  /** By constructor (objects, native), or by kind in parentheses, biggest self size first. */
  byConstructor: HeapGroup[];
  /** By node kind (object, closure, string, code, …). */
  byKind: HeapGroup[];
}

const STRING_KINDS = new Set(["string", "concatenated string", "sliced string"]);

/** The group a node is counted in, like the Summary view of a heap snapshot in DevTools. */
function groupOf(kind: string, name: string | undefined): string {
  if (STRING_KINDS.has(kind)) return "(string)";
  if (kind === "object" || kind === "native") return name || `(${kind})`;
  if (kind === "closure") return "(closure)";
  if (kind === "code") return "(compiled code)";
  // V8 names internal arrays by use: "(object properties)", "(object elements)", …
  if (kind === "array") return name ? `(array) ${name}` : "(array)";
  if (kind === "hidden") return name?.startsWith("system / ") ? `(${name})` : "(system)";
  return `(${kind})`;
}

function top(groups: Map<string, HeapGroup>, limit: number): HeapGroup[] {
  return [...groups.values()].sort((a, b) => b.selfSize - a.selfSize).slice(0, limit);
}

/**
 * Self size by constructor from a .heapsnapshot file, read line by line (V8 writes one
 * node, edge or string per line), so snapshots far larger than a JS string can be read.
 * Keeps only each node's kind, name index and self size, and only the strings that are
 * names of non-string nodes.
 */
export async function summarizeHeapSnapshot(path: string, limit = 15): Promise<HeapSummary> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let section: "header" | "nodes" | "skip" | "strings" = "header";
  let header = "";
  let fields: string[] = [];
  let kinds: string[] = [];
  let kinds32 = new Uint8Array(0);
  let names = new Uint32Array(0);
  let sizes = new Float64Array(0);
  let count = 0;
  const wanted = new Set<number>();
  const strings = new Map<number, string>();
  let stringIndex = 0;
  for await (const raw of lines) {
    if (section === "header") {
      if (!raw.startsWith('"nodes":[')) {
        header += raw;
        continue;
      }
      const meta = JSON.parse(`${header.replace(/,$/, "")}}`).snapshot;
      fields = meta.meta.node_fields;
      kinds = meta.meta.node_types[0];
      kinds32 = new Uint8Array(meta.node_count);
      names = new Uint32Array(meta.node_count);
      sizes = new Float64Array(meta.node_count);
      section = "nodes";
    }
    if (section === "nodes") {
      const text = raw.replace(/^"nodes":\[/, "").replace(/^,/, "");
      const done = text.endsWith("],") || text.endsWith("]");
      const values = text.replace(/\],?$/, "");
      if (values) {
        const parts = values.split(",");
        for (let offset = 0; offset + fields.length <= parts.length; offset += fields.length) {
          const kind = Number(parts[offset + fields.indexOf("type")]);
          const name = Number(parts[offset + fields.indexOf("name")]);
          kinds32[count] = kind;
          names[count] = name;
          sizes[count] = Number(parts[offset + fields.indexOf("self_size")]);
          if (!STRING_KINDS.has(kinds[kind])) wanted.add(name);
          count++;
        }
      }
      if (done) section = "skip";
      continue;
    }
    if (section === "skip") {
      if (!raw.startsWith('"strings":[')) continue;
      section = "strings";
    }
    const text = raw.replace(/^"strings":\[/, "").replace(/(\]\})?,?$/, "");
    if (wanted.has(stringIndex)) strings.set(stringIndex, JSON.parse(text));
    stringIndex++;
  }
  const byConstructor = new Map<string, HeapGroup>();
  const byKind = new Map<string, HeapGroup>();
  let totalSelfSize = 0;
  const add = (groups: Map<string, HeapGroup>, name: string, size: number) => {
    const group = groups.get(name) ?? { name, count: 0, selfSize: 0 };
    group.count++;
    group.selfSize += size;
    groups.set(name, group);
  };
  for (let index = 0; index < count; index++) {
    const kind = kinds[kinds32[index]];
    totalSelfSize += sizes[index];
    add(byConstructor, groupOf(kind, strings.get(names[index])), sizes[index]);
    add(byKind, kind, sizes[index]);
  }
  return { nodes: count, totalSelfSize, byConstructor: top(byConstructor, limit), byKind: top(byKind, 20) };
}
