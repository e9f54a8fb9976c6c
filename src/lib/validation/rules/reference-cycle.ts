import { plainOrQuoted } from "../quoting.ts";
import { referencesIn, type Reference } from "../references.ts";
import type { RegistryRecord, Rule } from "../rule.ts";

type Edge = { from: RegistryRecord; ref: Reference; to: string };

/** Tarjan's strongly connected components, iterative (no recursion, so no chain is too long): node → component. */
function components(nodes: Iterable<string>, edgesOf: (node: string) => Edge[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let count = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; edges: Edge[]; next: number }[] = [];
    const enter = (node: string) => {
      index.set(node, index.size);
      low.set(node, index.get(node)!);
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: edgesOf(node), next: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const edge = frame.edges[frame.next++];
      if (edge) {
        if (!index.has(edge.to)) enter(edge.to);
        else if (onStack.has(edge.to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(edge.to)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.set(member, count);
      } while (member !== frame.node);
      count += 1;
    }
  }
  return component;
}

export default {
  id: "reference-cycle",
  severity: "error",
  description:
    "Chains of records (a deployment's supersededBy, a product's basedOn) never lead back to a record already in them, itself included.",
  scope: "registry",
  *check({ records }) {
    const key = (collection: string, id: string) => `${collection}/${id}`;
    const byKey = new Map(records.map((record) => [key(record.collection, record.id), record]));
    const edges = new Map<string, Edge[]>();
    for (const record of records) {
      const from = key(record.collection, record.id);
      for (const ref of referencesIn(record.collection, record.data)) {
        const to = key(ref.target, ref.id);
        if (!ref.chain || !byKey.has(to)) continue;
        if (!edges.has(from)) edges.set(from, []);
        edges.get(from)!.push({ from: record, ref, to });
      }
    }
    const edgesOf = (node: string) => edges.get(node) ?? [];
    const component = components(edges.keys(), edgesOf);
    for (const [from, outgoing] of edges) {
      for (const edge of outgoing) {
        if (component.get(edge.to) !== component.get(from)) continue;
        const field = edge.ref.field;
        if (edge.to === from) {
          yield {
            in: edge.from,
            path: edge.ref.path,
            message: `${field} names this record itself; a chain must not lead back`,
          };
          continue;
        }
        // Show the way back within the cycle, following the first link each time, as far as a few steps.
        const way = [from, edge.to];
        while (way.length <= 10 && way.at(-1) !== from) {
          const next = edgesOf(way.at(-1)!).find((link) => component.get(link.to) === component.get(from));
          way.push(next!.to);
        }
        const ids = way.map((node) => plainOrQuoted(byKey.get(node)!.id));
        const shown = way.at(-1) === from ? ids.join(" → ") : `${ids.join(" → ")} → …`;
        yield { in: edge.from, path: edge.ref.path, message: `${field} leads back to this record: ${shown}` };
      }
    }
  },
} satisfies Rule;
