import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Input, Select, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../src/domain/vocabulary.js';
import type { ForumSummary } from '../../../src/contract/index.js';
import { SEARCH_QUERY_MAX } from '../../../src/contract/search-text.js';
import { hasFilters, type SearchState } from './search-params.js';

const KIND_LABELS: Record<DocumentKind, string> = {
  agenda: 'Agendas',
  paper: 'Papers',
  minutes: 'Minutes',
  report: 'Reports',
  other: 'Other documents',
};

const useStyles = makeStyles({
  form: { display: 'grid', rowGap: tokens.spacingVerticalM, marginBlockEnd: tokens.spacingVerticalL },
  queryRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  queryField: { flexGrow: 1, flexBasis: '14rem', minWidth: 0 },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: `calc(-1 * ${tokens.spacingVerticalS}) 0 0` },
  fieldset: {
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 11rem), 1fr))',
  },
  // Grid items shrink below their content's width, so a long forum name cannot push the page sideways.
  field: { minWidth: 0 },
  control: { width: '100%', minWidth: 0 },
  legend: { ...typographyStyles.body1Strong, padding: 0, marginBlockEnd: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface SearchFormProps {
  /** The search in the address. */
  state: SearchState;
  forums: ForumSummary[] | undefined;
  forumsFailed: boolean;
  onSearch: (state: SearchState) => void;
}

/** The search box and its filters. Enter searches; a filter changed after a search applies at once. */
export function SearchForm({ state, forums, forumsFailed, onSearch }: SearchFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<SearchState>(state);

  // Back, forward or a link changed the address: show what is now being searched.
  const stateKey = JSON.stringify(state);
  useEffect(() => setDraft(state), [stateKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q.trim(), page: 1 });
  };
  const setFilter = (change: Partial<SearchState>) => {
    const next = { ...draft, ...change, page: 1 };
    setDraft(next);
    if (state.q) onSearch({ ...next, q: state.q });
  };

  return (
    <form role="search" aria-label="Search the partnership's papers" className={styles.form} onSubmit={submit}>
      <div className={styles.queryRow}>
        <Field className={styles.queryField} label="Search agendas, papers and minutes">
          <Input
            type="search"
            aria-describedby="search-syntax"
            value={draft.q}
            maxLength={SEARCH_QUERY_MAX}
            onChange={(_, data) => setDraft({ ...draft, q: data.value })}
            autoComplete="off"
          />
        </Field>
        <Button type="submit" appearance="primary" disabled={draft.q.trim() === ''}>
          Search
        </Button>
      </div>
      {/* Below the row rather than in the field, so the button lines up with the box at any width. */}
      <p id="search-syntax" className={styles.hint}>
        Every word must be on the page. Use "quotes" for an exact phrase, -word to leave a word out, or for either.
      </p>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Filters</legend>
        <Field className={styles.field} label="Forum" hint={forumsFailed ? 'The forums could not be loaded; all are searched.' : undefined}>
          <Select className={styles.control} value={draft.forumId} onChange={(_, data) => setFilter({ forumId: data.value })}>
            <option value="">All forums</option>
            {forums?.map((forum) => (
              <option key={forum.id} value={forum.id}>
                {forum.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.field} label="Type">
          <Select className={styles.control} value={draft.type} onChange={(_, data) => setFilter({ type: data.value as DocumentKind | '' })}>
            <option value="">All types</option>
            {DOCUMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.field} label="From">
          <Input className={styles.control} type="date" value={draft.from} max={draft.to || undefined} onChange={(_, data) => setFilter({ from: data.value })} />
        </Field>
        <Field className={styles.field} label="To">
          <Input className={styles.control} type="date" value={draft.to} min={draft.from || undefined} onChange={(_, data) => setFilter({ to: data.value })} />
        </Field>
      </fieldset>
      {hasFilters(draft) && (
        <div className={styles.actions}>
          <Button onClick={() => setFilter({ forumId: '', type: '', from: '', to: '' })}>Clear filters</Button>
        </div>
      )}
    </form>
  );
}
