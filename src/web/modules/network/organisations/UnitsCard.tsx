import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { unitEndpoints as api } from '../../../../common/network/unit-endpoints';
import type { UnitView } from '../../../../common/network/unit-schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { pickText } from '../directory/text';
import { ArchiveUnitDialog, MembersDialog, UnitDialog } from './UnitDialogs';

const U = (id: string) => `network.units.${id}`;

/** A unit's name in the reader's language, else the other one (marked with its language). */
function useUnitName() {
  const { language } = useLanguage();
  return (u: UnitView) => pickText(language, u.nameFr, u.nameNl) ?? { text: '', lang: 'fr' as const };
}

function Names({ unit }: { unit: UnitView }) {
  const { language } = useLanguage();
  const name = useUnitName()(unit);
  // Both names when both exist: staff on either side of the border call the unit by its own language's name.
  const other = name.lang === 'fr' ? unit.nameNl : unit.nameFr;
  return (
    <>
      <span lang={name.lang === language ? undefined : name.lang}>{name.text}</span>
      {other && other !== name.text && (
        <span className="muted" lang={name.lang === 'fr' ? 'nl' : 'fr'}>
          <br />
          {other}
        </span>
      )}
    </>
  );
}

function Contact({ unit }: { unit: UnitView }) {
  if (!unit.email && !unit.phone)
    return (
      <span className="muted">
        <FormattedMessage id="common.not_given" />
      </span>
    );
  return (
    <>
      {unit.email && <a href={`mailto:${unit.email}`}>{unit.email}</a>}
      {unit.email && unit.phone && <br />}
      {unit.phone && <a href={`tel:${unit.phone}`}>{unit.phone}</a>}
    </>
  );
}

function ArchivedUnits({ orgId }: { orgId: string }) {
  const intl = useIntl();
  const name = useUnitName();
  const q = useEndpoint(api.list, { params: { id: orgId }, query: { archived: true } });
  const restore = useEndpointMutation(api.archive, [api.list, api.get]);
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return (
    <div className="stack">
      <h3>
        <FormattedMessage id={U('archived_title')} />
      </h3>
      <ErrorAlert error={restore.error} />
      {q.data.items.length === 0 ? (
        <p className="muted">
          <FormattedMessage id={U('archived_empty')} />
        </p>
      ) : (
        <ul className="stack">
          {q.data.items.map((u) => (
            <li key={u.id} className="row">
              <span>{name(u).text}</span>
              <Button
                variant="secondary"
                isDisabled={restore.isPending}
                aria-label={intl.formatMessage({ id: U('restore') }, { name: name(u).text })}
                onPress={() => restore.mutate({ params: { id: u.id }, body: { archived: false } })}
              >
                <FormattedMessage id={U('restore.submit')} />
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The organisation's teams and services, for every signed-in user; its unit managers add, edit, archive
 * them and choose their members here.
 */
export function UnitsCard({ orgId }: { orgId: string }) {
  const intl = useIntl();
  const name = useUnitName();
  const [showArchived, setShowArchived] = useState(false);
  const q = useEndpoint(api.list, { params: { id: orgId }, query: {} });
  const title = <FormattedMessage id={U('title')} />;
  if (q.isLoading)
    return (
      <Card title={title}>
        <Loading />
      </Card>
    );
  if (!q.data)
    return (
      <Card title={title}>
        <ErrorAlert error={q.error} />
      </Card>
    );
  const { items, canManage } = q.data;
  const counted = items.some((u) => u.memberCount !== null);
  return (
    <Card title={title} actions={canManage ? <UnitDialog orgId={orgId} /> : undefined}>
      <p className="muted">
        <FormattedMessage id={U('intro')} />
      </p>
      {items.length === 0 ? (
        <p>
          <FormattedMessage id={U(canManage ? 'empty_manager' : 'empty')} />
        </p>
      ) : (
        <DataTable
          caption={intl.formatMessage({ id: U('title') })}
          stacked
          rows={items}
          rowKey={(u) => u.id}
          columns={[
            {
              key: 'name',
              header: <FormattedMessage id={U('col.name')} />,
              render: (u) => <Names unit={u} />,
            },
            {
              key: 'kind',
              header: <FormattedMessage id={U('col.kind')} />,
              render: (u) => intl.formatMessage({ id: U(`kind.${u.kind}`) }),
            },
            {
              key: 'contact',
              header: <FormattedMessage id={U('col.contact')} />,
              render: (u) => <Contact unit={u} />,
            },
            ...(counted
              ? [
                  {
                    key: 'members',
                    header: <FormattedMessage id={U('col.members')} />,
                    render: (u: UnitView) => (
                      <FormattedMessage id={U('members_count')} values={{ count: u.memberCount ?? 0 }} />
                    ),
                  },
                ]
              : []),
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    header: <FormattedMessage id="common.actions" />,
                    render: (u: UnitView) => (
                      <div className="row">
                        <UnitDialog orgId={orgId} unit={u} name={name(u).text} />
                        <MembersDialog unit={u} name={name(u).text} />
                        <ArchiveUnitDialog unit={u} name={name(u).text} />
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canManage && (
        <>
          <p>
            <Button variant="ghost" onPress={() => setShowArchived((s) => !s)} aria-expanded={showArchived}>
              <FormattedMessage id={U(showArchived ? 'hide_archived' : 'show_archived')} />
            </Button>
          </p>
          {showArchived && <ArchivedUnits orgId={orgId} />}
        </>
      )}
    </Card>
  );
}
