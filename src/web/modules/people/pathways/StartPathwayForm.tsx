import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { programmesApi } from '../../../../common/network/endpoints';
import { pathwaysApi } from '../../../../common/people/endpoints';
import { PATHWAY_MODULES, PathwayCreateBody } from '../../../../common/people/pathway-schemas';
import { call, useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card } from '../../../app/ui/layout';
import { errorUnder, todayIso } from './format';
import { usePathwayChange, useReferentOptions } from './usePathway';

const NO_PROGRAMME = 'none';

/** Starts a pathway: entry date, modules, referents (members with the referent or coordinator role). */
export function StartPathwayForm({
  personId,
  onStarted,
  again = false,
}: {
  personId: string;
  onStarted: (id: string) => void;
  again?: boolean;
}) {
  const intl = useIntl();
  const { language } = useLanguage();
  const session = useSession();
  const referents = useReferentOptions(true);
  const programmes = useEndpoint(
    programmesApi.list,
    { query: { org: session.activeOrgId ?? undefined, pageSize: 100 } },
    { enabled: !!session.activeOrgId, staleTime: 60_000 },
  );
  const eligible = referents.data?.items ?? [];
  // The user starting the pathway follows it unless they choose someone else.
  const form = useForm(PathwayCreateBody, {
    entryOn: todayIso(),
    modules: [] as string[],
    referentUserIds: [session.user.id],
    programmeId: '',
  });
  const start = usePathwayChange(
    (body: PathwayCreateBody) => call(pathwaysApi.create, { params: { personId }, body }),
    (p) => onStarted(p.id),
  );
  const submit = () => {
    if (form.validate()) start.mutate(form.body() as PathwayCreateBody, { onError: form.fromApiError });
  };
  return (
    <Card
      title={
        <FormattedMessage id={again ? 'people.pathways.start.again_title' : 'people.pathways.start.title'} />
      }
    >
      <Form
        validationBehavior="aria"
        className="stack no-print"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ErrorAlert error={start.error} />
        <DateField
          label={intl.formatMessage({ id: 'people.pathways.field.entry_on' })}
          isRequired
          value={form.values.entryOn}
          onChange={form.set('entryOn')}
          error={form.errors.entryOn}
        />
        <CheckboxGroup
          label={intl.formatMessage({ id: 'people.pathways.field.modules' })}
          value={form.values.modules}
          onChange={form.set('modules')}
          error={form.errors.modules}
          options={PATHWAY_MODULES.map((m) => ({
            id: m,
            label: intl.formatMessage({ id: `people.pathways.enum.module.${m}` }),
          }))}
        />
        <CheckboxGroup
          label={intl.formatMessage({ id: 'people.pathways.field.referents' })}
          description={intl.formatMessage({ id: 'people.pathways.field.referents_hint' })}
          value={form.values.referentUserIds}
          onChange={form.set('referentUserIds')}
          error={errorUnder(form.errors, 'referentUserIds')}
          options={eligible.map((u) => ({ id: u.id, label: u.displayName }))}
        />
        <Select
          label={intl.formatMessage({ id: 'people.pathways.field.programme' })}
          value={form.values.programmeId || NO_PROGRAMME}
          onChange={(v) => form.set('programmeId')(v === NO_PROGRAMME ? '' : v)}
          error={form.errors.programmeId}
          options={[
            { id: NO_PROGRAMME, label: intl.formatMessage({ id: 'people.pathways.field.programme_none' }) },
            ...(programmes.data?.items ?? []).map((p) => ({
              id: p.id,
              label: [p.acronym, localized(language, p.nameFr, p.nameNl)].filter(Boolean).join(' – '),
            })),
          ]}
        />
        <div className="row">
          <Button type="submit" isDisabled={start.isPending}>
            <FormattedMessage id="people.pathways.start.submit" />
          </Button>
        </div>
      </Form>
    </Card>
  );
}
