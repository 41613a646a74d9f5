import { useEffect, useState } from 'react';
import type { ApiInput } from '../../src-shared/api';
import type { AuditFilters } from '../../src-shared/audit-log';
import { PAGE_SIZES, SEARCH_DEBOUNCE_MS } from '../customers/use-customer-query';
import { usePaging } from '../lib/use-paging';

/**
 * What the audit log screen asks for: the record kind, the person, the search text (debounced,
 * so typing a word sends one request) and the page. A filter that changes goes back to the
 * first page. `filters` is what the table shows, and what an export saves.
 */
export function useAuditQuery() {
  const paging = usePaging(PAGE_SIZES[0]);
  const [entity, setEntityState] = useState('');
  const [actor, setActorState] = useState('');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const { restart } = paging;

  const wanted = searchText.trim();
  useEffect(() => {
    if (wanted === search) return undefined;
    const timer = setTimeout(() => {
      setSearch(wanted);
      restart();
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [wanted, search, restart]);

  // Only the filters in use are sent: "All" is no filter, not a kind named "".
  const filters: AuditFilters = {
    ...(entity ? { entity } : {}),
    ...(actor ? { actor } : {}),
    ...(search ? { search } : {}),
  };
  const input: ApiInput<'audit:list'> = { ...filters, offset: paging.page * paging.pageSize, limit: paging.pageSize };

  return {
    filters,
    input,
    entity,
    actor,
    searchText,
    setSearchText,
    filtered: Object.keys(filters).length > 0,
    paging,
    setEntity: (value: string) => {
      setEntityState(value);
      restart();
    },
    setActor: (value: string) => {
      setActorState(value);
      restart();
    },
    clear: () => {
      setEntityState('');
      setActorState('');
      setSearchText('');
      setSearch('');
      restart();
    },
  };
}
