import { useMemo } from 'react';
import type { Me } from '../../../src/contract/index.js';
import { apiRoutes } from '../../../src/contract/routes.js';
import { useApi } from '../api/use-api.js';

export interface PickLists {
  people: { id: string; name: string; detail: string | null }[] | null;
  agencies: { id: string; name: string }[] | null;
  /** Why a list is missing, in words, if it failed. */
  problem: string | null;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base' });

/** The people and agencies an action can be given, loaded when an editor first needs them. */
export function usePickLists(membership: Me, wanted: boolean): PickLists {
  const partnershipId = membership.partnership.id;
  const mayListPeople = membership.permissions.includes('people.read');
  const people = useApi(apiRoutes.listPeople, { params: { partnershipId } }, !wanted || !mayListPeople);
  const agencies = useApi(apiRoutes.listAgencies, { params: { partnershipId } }, !wanted);
  return useMemo(() => {
    const problems = [people.state, agencies.state].flatMap((s) => (s.status === 'error' ? [s.error.message] : []));
    return {
      people:
        people.state.status === 'ready'
          ? people.state.data.people
              .map((p) => ({ id: p.id, name: p.displayName, detail: p.agencyName }))
              .sort((a, b) => collator.compare(a.name, b.name))
          : null,
      agencies: agencies.state.status === 'ready' ? agencies.state.data.agencies.map((a) => ({ id: a.id, name: a.name })) : null,
      problem: problems[0] ?? null,
    };
  }, [people.state, agencies.state]);
}
