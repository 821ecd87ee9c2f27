import type { JsonValue } from './item-values.ts';
import { StreamRecordError } from './sync-errors.ts';
import { setChangeFields } from './sync-settings.ts';

type Members = readonly (string | number)[];

/** A set attribute's members; an absent attribute is an empty set, as DynamoDB stores no empty sets. */
const membersOf = (fields: Readonly<Record<string, JsonValue>>, attribute: string): Members => {
  const value = fields[attribute];
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((member) => ['string', 'number'].includes(typeof member))) {
    return value as Members;
  }
  throw new StreamRecordError(`attribute ${attribute} is declared a set, but holds ${JSON.stringify(value)}`);
};

const without = (members: Members, removed: Members): (string | number)[] => {
  const gone = new Set(removed);
  return members.filter((member) => !gone.has(member));
};

/**
 * What a change added to and removed from each set attribute (`<set>Added`, `<set>Removed`), from the item before
 * and after it; an inserted item added all it has. Members keep the sorted order of their sets.
 */
export const setChanges = (
  before: Readonly<Record<string, JsonValue>>,
  after: Readonly<Record<string, JsonValue>>,
  setAttributes: readonly string[],
): Record<string, JsonValue> =>
  Object.fromEntries(
    setAttributes.flatMap((attribute) => {
      const old = membersOf(before, attribute);
      const current = membersOf(after, attribute);
      const names = setChangeFields(attribute);
      return [
        [names.added, without(current, old)],
        [names.removed, without(old, current)],
      ];
    }),
  );
