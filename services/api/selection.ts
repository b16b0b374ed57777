// What the query asks of the field being resolved: its sub-fields of one name, through fragments.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Every `name` field directly under the field being resolved (inline fragments and named ones
 * included), or under the fields at `under` below it (say ['edges', 'node'] of a connection).
 */
export function selectedFields(info: GraphQLResolveInfo, name: string, under: readonly string[] = []): FieldNode[] {
  let fields: readonly FieldNode[] = info.fieldNodes;
  for (const step of [...under, name]) {
    const seen = new Set<string>();
    const within = (set: SelectionSetNode | undefined): FieldNode[] =>
      (set?.selections ?? []).flatMap((s) => {
        if (s.kind === Kind.FIELD) return s.name.value === step ? [s] : [];
        if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet);
        if (seen.has(s.name.value)) return [];
        seen.add(s.name.value);
        return within(info.fragments[s.name.value]?.selectionSet);
      });
    fields = fields.flatMap((f) => within(f.selectionSet));
  }
  return [...fields];
}
