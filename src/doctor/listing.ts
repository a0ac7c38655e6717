// How a message names a list it may cut short: "a, b, c and 4 more". One wording for every probe.

/** Pure: the first `max` items, comma-separated, then "and N more" for the rest. */
export function firstAndMore(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
