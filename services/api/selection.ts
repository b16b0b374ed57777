// What the query asks of the field being resolved: its sub-fields of one name, through fragments.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Every `name` field directly under the field being resolved (inline fragments and named ones included). */
export function selectedFields(info: GraphQLResolveInfo, name: string): FieldNode[] {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): FieldNode[] =>
    (set?.selections ?? []).flatMap((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name ? [s] : [];
      if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet);
      if (seen.has(s.name.value)) return [];
      seen.add(s.name.value);
      return within(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.flatMap((f) => within(f.selectionSet));
}
