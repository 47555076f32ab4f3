import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { volunteersApi as api } from '../../../common/volunteers/endpoints';
import { volunteerInsuranceLink, volunteerLink, volunteersLink } from '../../../common/volunteers/links';
import type { VolunteerListItem, VolunteerQuery } from '../../../common/volunteers/schemas';
import { useEndpoint } from '../../app/client';
import { LinkButton } from '../../app/ui/Button';
import { type Option, Select } from '../../app/ui/fields';
import { ListPage, useListAddress } from '../../app/ui/ListPage';
import { statusTag, useVolunteerWords } from './words';

const ANY = '*';

/** The registry: pending registrations first, filtered by status, language and skill in the address. */
export function VolunteersPage() {
  const intl = useIntl();
  const w = useVolunteerWords();
  const { filters, page, set, setPage } = useListAddress(volunteersLink);
  const query: VolunteerQuery = {
    ...(filters.status ? { status: filters.status as VolunteerQuery['status'] } : {}),
    ...(filters.language ? { language: filters.language as VolunteerQuery['language'] } : {}),
    ...(filters.skill ? { skill: filters.skill as VolunteerQuery['skill'] } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    page,
  };
  const list = useEndpoint(api.list, { query });
  const select = (key: 'status' | 'language' | 'skill', options: Option[]) => (
    <Select
      label={w.m(`filter_${key}`)}
      value={filters[key] ?? ANY}
      onChange={(v) => set({ [key]: v === ANY ? undefined : v })}
      options={[{ id: ANY, label: w.m('any') }, ...options]}
    />
  );
  return (
    <ListPage<VolunteerListItem>
      title={w.m('title')}
      description={w.m('intro')}
      actions={
        <LinkButton variant="secondary" to={volunteerInsuranceLink.href()}>
          {w.m('insurance_link')}
        </LinkButton>
      }
      search={{ label: w.m('search'), value: filters.q ?? '', onSearch: (q) => set({ q: q || undefined }) }}
      filters={
        <div className="row">
          {select('status', w.statusOptions())}
          {select('language', w.languageOptions())}
          {select('skill', w.skillOptions())}
        </div>
      }
      query={list}
      onPage={setPage}
      filtered={!!(filters.status || filters.language || filters.skill || filters.q)}
      empty={{ title: w.m('empty_title'), body: w.m('empty_body') }}
      noMatch={{ title: w.m('no_match') }}
      caption={intl.formatMessage({ id: 'volunteers.registry.caption' })}
      rowKey={(v) => v.id}
      columns={[
        {
          key: 'name',
          header: w.m('col_name'),
          render: (v) => <Link to={volunteerLink.href({ id: v.id })}>{v.name}</Link>,
        },
        {
          key: 'languages',
          header: w.m('col_languages'),
          render: (v) => v.languages.map(w.language).join(', '),
        },
        { key: 'skills', header: w.m('col_skills'), render: (v) => v.skills.map(w.skill).join(', ') },
        {
          key: 'status',
          header: w.m('col_status'),
          render: (v) => <span className={statusTag(v.status)}>{w.status(v.status)}</span>,
        },
        { key: 'coordinator', header: w.m('col_coordinator'), render: (v) => w.org(v.coordinator) },
      ]}
    />
  );
}
