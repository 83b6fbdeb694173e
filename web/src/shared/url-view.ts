import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

// A list's view (search, filters, sort, page size) lives in the URL, so a reload, a shared link
// or the back button brings the same view back.
//
// A change builds on the latest view asked for, not on the one last drawn: the router applies a
// new URL in a transition, and a filter chosen before the page has drawn the new search would
// otherwise put the old search back (the search "龙海" and then the district gave the previous
// search with the district).
export function useUrlView<View>(parse: (params: URLSearchParams) => View, serialize: (view: View) => URLSearchParams) {
  const [params, setParams] = useSearchParams();
  const searchKey = params.toString();
  const view = useMemo(() => parse(new URLSearchParams(searchKey)), [searchKey, parse]);
  // The views asked for and not yet drawn, oldest first.
  const asked = useRef({ drawn: searchKey, pending: [] as string[] });
  if (asked.current.drawn !== searchKey) {
    const { pending } = asked.current;
    // One asked for has been drawn (the ones after it are still to come), or the URL moved on its
    // own (back, forward, a link) and is the view to build on.
    asked.current = { drawn: searchKey, pending: pending.slice(pending.indexOf(searchKey) + 1) };
    if (!pending.includes(searchKey)) asked.current.pending = [];
  }

  const replace = (next: View) => {
    const search = serialize(next);
    asked.current.pending.push(search.toString());
    setParams(search, { replace: true });
  };
  const update = (changes: Partial<View>) => {
    const latest = asked.current.pending.at(-1) ?? asked.current.drawn;
    replace({ ...parse(new URLSearchParams(latest)), ...changes });
  };
  return { view, searchKey, update, replace };
}

// For pages whose view is a handful of independent parameters: set or clear each one named.
export function useUrlParams() {
  const { view, update } = useUrlView(paramsOf, searchParamsOf);
  const set = (changes: Record<string, string | number | undefined>) => {
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries(changes)) next[key] = value === undefined ? '' : String(value);
    update(next);
  };
  const params = useMemo(() => new URLSearchParams(view), [view]);
  return { params, set };
}

function paramsOf(search: URLSearchParams): Record<string, string> {
  return Object.fromEntries(search);
}

function searchParamsOf(view: Record<string, string>): URLSearchParams {
  return new URLSearchParams(Object.entries(view).filter(([, value]) => value !== ''));
}
