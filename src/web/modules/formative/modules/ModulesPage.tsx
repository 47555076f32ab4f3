import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useSearchParams } from 'react-router';
import { formativeEndpoints as api } from '../../../../common/formative/endpoints';
import { modulesLink, partnershipsLink } from '../../../../common/formative/links';
import { type ModuleView, moved } from '../../../../common/formative/module-schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { useFormativeWords } from '../partnerships/words';
import { DeleteModuleDialog, ModuleDialog } from './ModuleDialogs';
import '../partnerships/formative.css';

/** The unit shown when a module has none (its unit was removed): the host moves it to another. */
const NO_UNIT = 'none';

/**
 * The host's training modules, one unit at a time (the unit is kept in the address): its coordinators
 * create, edit, reorder, retire and delete them; learning plans draw from those still offered.
 */
export function ModulesPage() {
  const w = useFormativeWords();
  const canManage = useCan('formative.manage');
  const [search, setSearch] = useSearchParams();
  const q = useEndpoint(api.modules, {}, { enabled: canManage });
  const order = useEndpointMutation(api.orderModules, [api.modules, api.options]);
  const retire = useEndpointMutation(api.retireModule, [api.modules, api.options]);
  const [error, setError] = useState<unknown>(null);
  if (!canManage) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const { units, modules } = q.data;
  const options = units.map((u) => ({ id: u.id, label: w.name(u) }));
  if (modules.some((m) => m.unitId === null)) options.push({ id: NO_UNIT, label: w.mod('no_unit') });
  const wanted = modulesLink.read(search).unit;
  const unit = options.find((o) => o.id === wanted) ?? options[0];
  const rows = unit ? modules.filter((m) => (m.unitId ?? NO_UNIT) === unit.id) : [];
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
  };
  const move = (m: ModuleView, by: -1 | 1) =>
    act(() =>
      order.mutateAsync({
        body: {
          unitId: m.unitId ?? '',
          ids: moved(
            rows.map((r) => r.id),
            m.id,
            by,
          ),
        },
      }),
    );
  const busy = order.isPending || retire.isPending;

  return (
    <div className="stack">
      <PageHeader
        title={w.mod('title')}
        description={w.mod('description')}
        actions={
          <>
            <LinkButton to={partnershipsLink.href()} variant="ghost">
              {w.mod('back')}
            </LinkButton>
            {units.length > 0 && (
              <ModuleDialog
                key={unit?.id}
                module={null}
                unitId={unit && unit.id !== NO_UNIT ? unit.id : (units[0]?.id ?? '')}
                units={options.filter((o) => o.id !== NO_UNIT)}
              />
            )}
          </>
        }
      />
      {!unit ? (
        <EmptyState title={w.mod('no_units')} />
      ) : (
        <Card>
          <Select
            label={w.mod('unit')}
            value={unit.id}
            onChange={(id) => setSearch({ unit: id })}
            options={options}
          />
          <ErrorAlert error={error} />
          <p className="muted">{w.mod('retired_note')}</p>
          {rows.length === 0 ? (
            <p>{w.mod('empty')}</p>
          ) : (
            <DataTable<ModuleView>
              caption={w.mod('list', { unit: unit.label })}
              stacked
              rows={rows}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: 'order',
                  header: w.mod('col.order'),
                  render: (r) => {
                    const i = rows.indexOf(r);
                    return (
                      <div className="row">
                        <span>{i + 1}</span>
                        {r.unitId && (
                          <>
                            <Button
                              variant="ghost"
                              aria-label={w.mod('up_of', { module: w.name(r) })}
                              isDisabled={i === 0 || busy}
                              onPress={() => void move(r, -1)}
                            >
                              {w.mod('up')}
                            </Button>
                            <Button
                              variant="ghost"
                              aria-label={w.mod('down_of', { module: w.name(r) })}
                              isDisabled={i === rows.length - 1 || busy}
                              onPress={() => void move(r, 1)}
                            >
                              {w.mod('down')}
                            </Button>
                          </>
                        )}
                      </div>
                    );
                  },
                },
                {
                  key: 'module',
                  header: w.mod('col.module'),
                  render: (r) => (
                    <>
                      <strong>{w.name(r)}</strong> <span className="muted">{r.code}</span>
                      {(r.descriptionFr || r.descriptionNl) && (
                        <p className="formative-description">
                          {w.name({ nameFr: r.descriptionFr, nameNl: r.descriptionNl })}
                        </p>
                      )}
                    </>
                  ),
                },
                {
                  key: 'status',
                  header: w.mod('col.status'),
                  render: (r) =>
                    [w.mod(r.retired ? 'status.retired' : 'status.active'), r.inUse && w.mod('status.in_use')]
                      .filter(Boolean)
                      .join(' · '),
                },
                {
                  key: 'actions',
                  header: w.mod('col.actions'),
                  render: (r) => (
                    <div className="row">
                      <ModuleDialog
                        module={r}
                        unitId={r.unitId ?? ''}
                        units={options.filter((o) => o.id !== NO_UNIT)}
                      />
                      <Button
                        variant="secondary"
                        aria-label={w.mod(r.retired ? 'restore_of' : 'retire_of', { module: w.name(r) })}
                        isDisabled={busy}
                        onPress={() =>
                          void act(() =>
                            retire.mutateAsync({ params: { id: r.id }, body: { retired: !r.retired } }),
                          )
                        }
                      >
                        {w.mod(r.retired ? 'restore' : 'retire')}
                      </Button>
                      {!r.inUse && <DeleteModuleDialog module={r} />}
                    </div>
                  ),
                },
              ]}
            />
          )}
        </Card>
      )}
    </div>
  );
}
