import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { localized } from '../../../common/i18n/locales';
import { initiativesApi as api, proposalsApi } from '../../../common/initiatives/endpoints';
import { initiativeLink, initiativeNewLink } from '../../../common/initiatives/links';
import type { InitiativeDetail, InitiativeInput, ProposalDetail } from '../../../common/initiatives/schemas';
import { organisationsApi, programmesApi, territoriesApi } from '../../../common/network/endpoints';
import { call, useEndpoint, useEndpointMutation } from '../../app/client';
import { useLanguage } from '../../app/i18n';
import { useSession } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextArea, TextField } from '../../app/ui/fields';
import { PageHeader } from '../../app/ui/layout';
import { MunicipalityPicker } from '../../app/ui/MunicipalityPicker';
import { useInitiativeWords } from './words';

type Place = { code: string; name: string };
type State = Omit<InitiativeInput, 'territoryCodes'> & { places: Place[] };

const EMPTY: State = {
  titleFr: '',
  titleNl: '',
  descriptionFr: null,
  descriptionNl: null,
  targetPublic: null,
  partnerOrgIds: [],
  places: [],
  programmeId: null,
  proposalId: null,
};

/** A new initiative, prefilled from a forum proposal in its language when one is given (?proposal=). */
const fromProposal = (p: ProposalDetail): State => ({
  ...EMPTY,
  ...(p.language === 'nl'
    ? { titleNl: p.title, descriptionNl: p.description }
    : { titleFr: p.title, descriptionFr: p.description }),
  proposalId: p.id,
});

const fromInitiative = (i: InitiativeDetail): State => ({
  titleFr: i.titleFr,
  titleNl: i.titleNl,
  descriptionFr: i.descriptionFr,
  descriptionNl: i.descriptionNl,
  targetPublic: i.targetPublic,
  partnerOrgIds: i.partners.map((p) => p.id),
  places: i.territories.map((t) => ({ code: t.code, name: t.name })),
  programmeId: i.programmeId,
  proposalId: i.proposal?.id ?? null,
});

export function NewInitiativePage() {
  const location = useLocation();
  const proposal = initiativeNewLink.read(location.search).proposal;
  const q = useEndpoint(proposalsApi.get, { params: { id: proposal ?? '' } }, { enabled: !!proposal });
  if (!proposal) return <InitiativeForm initial={EMPTY} />;
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <InitiativeForm initial={fromProposal(q.data)} proposal={q.data} />;
}

export function EditInitiativePage() {
  const { id = '' } = useParams();
  const q = useEndpoint(api.get, { params: { id } });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <InitiativeForm id={id} initial={fromInitiative(q.data)} />;
}

function InitiativeForm({
  id,
  initial,
  proposal,
}: {
  id?: string;
  initial: State;
  proposal?: ProposalDetail;
}) {
  const w = useInitiativeWords();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [s, setS] = useState<State>(initial);
  const [picker, setPicker] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const session = useSession();
  const orgs = useEndpoint(organisationsApi.list, { query: { status: 'active', pageSize: 100 } });
  const programmes = useEndpoint(programmesApi.list, { query: { pageSize: 100 } });
  const update = useEndpointMutation(api.update, [api.get, api.list]);
  const create = useEndpointMutation(api.create, [api.list]);
  const set =
    <K extends keyof State>(k: K) =>
    (v: State[K]) =>
      setS((x) => ({ ...x, [k]: v }));
  const text = (k: 'descriptionFr' | 'descriptionNl' | 'targetPublic') => ({
    value: s[k] ?? '',
    onChange: (v: string) => setS((x) => ({ ...x, [k]: v.trim() ? v : null })),
  });
  const addPlace = async (code: string) => {
    if (!code || s.places.some((p) => p.code === code)) return;
    const t = await call(territoriesApi.get, { params: { code }, query: {} }).catch(() => null);
    const name = t ? localized(language, t.nameFr, t.nameNl) : code;
    setS((x) => ({ ...x, places: [...x.places, { code, name }] }));
    setPicker((n) => n + 1);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const { places, ...rest } = s;
    const body: InitiativeInput = { ...rest, territoryCodes: places.map((p) => p.code) };
    try {
      if (id) {
        await update.mutateAsync({ params: { id }, body });
        navigate(initiativeLink.href({ id }));
      } else {
        const created = await create.mutateAsync({ body });
        navigate(initiativeLink.href({ id: created.id }));
      }
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="stack">
      <PageHeader title={w.m(id ? 'form.edit_title' : 'form.new_title')} />
      {proposal && (
        <Alert tone="info">
          {w.m('form.from_proposal', { title: proposal.title, event: proposal.eventTitle })}
        </Alert>
      )}
      <Form onSubmit={submit}>
        <TextField
          label={w.m('field.title_fr')}
          value={s.titleFr}
          onChange={set('titleFr')}
          isRequired
          maxLength={200}
        />
        <TextField
          label={w.m('field.title_nl')}
          value={s.titleNl}
          onChange={set('titleNl')}
          isRequired
          maxLength={200}
        />
        <TextArea label={w.m('field.description_fr')} {...text('descriptionFr')} />
        <TextArea label={w.m('field.description_nl')} {...text('descriptionNl')} />
        <TextField label={w.m('field.target_public')} {...text('targetPublic')} maxLength={500} />
        {orgs.data && (
          <CheckboxGroup
            label={w.m('field.partners')}
            description={w.m('form.partners_hint')}
            value={s.partnerOrgIds}
            onChange={set('partnerOrgIds')}
            // The organiser or lead is not its own partner.
            options={orgs.data.items
              .filter((o) => o.id !== session.activeOrgId)
              .map((o) => ({
                id: o.id,
                label: `${o.shortName || localized(language, o.nameFr, o.nameNl)} (${o.country})`,
              }))}
          />
        )}
        <fieldset>
          <legend>{w.m('field.municipalities')}</legend>
          <ul>
            {s.places.map((p) => (
              <li key={p.code}>
                {p.name}{' '}
                <Button
                  variant="ghost"
                  onPress={() => setS((x) => ({ ...x, places: x.places.filter((y) => y.code !== p.code) }))}
                >
                  {w.m('form.remove_municipality', { name: p.name })}
                </Button>
              </li>
            ))}
          </ul>
          <MunicipalityPicker
            key={picker}
            label={w.m('form.add_municipality')}
            value=""
            initialName=""
            onChange={(code) => void addPlace(code)}
          />
        </fieldset>
        {programmes.data && (
          <Select
            label={w.m('field.programme')}
            value={s.programmeId ?? ''}
            onChange={(v) => set('programmeId')(v || null)}
            options={[
              { id: '', label: w.m('form.no_programme') },
              ...programmes.data.items.map((p) => ({
                id: p.id,
                label: p.acronym || localized(language, p.nameFr, p.nameNl),
              })),
            ]}
          />
        )}
        <ErrorAlert error={error} />
        <Button type="submit">{w.m('form.save')}</Button>
      </Form>
    </div>
  );
}
