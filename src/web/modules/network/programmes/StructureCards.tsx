import { FormattedMessage, useIntl } from 'react-intl';
import { programmeStructureLink } from '../../../../common/network/links';
import type { ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { inLanguage, timeline } from '../../../../common/network/programme-structure-rules';
import { LinkButton } from '../../../app/ui/Button';
import { Card, Facts } from '../../../app/ui/layout';
import { useProgrammeFormat } from './format';

/** The programme page's structure: actions, perimeter and themes, milestones (read-only views). */

function EditStructure({ p }: { p: ProgrammeDetail }) {
  if (!p.canEdit) return null;
  return (
    <LinkButton to={programmeStructureLink.href({ id: p.id })} variant="secondary" className="no-print">
      <FormattedMessage id="network.programmes.structure.edit" />
    </LinkButton>
  );
}

export function ActionsCard({ p }: { p: ProgrammeDetail }) {
  const f = useProgrammeFormat();
  return (
    <Card
      title={<FormattedMessage id="network.programmes.actions.title" />}
      actions={<EditStructure p={p} />}
    >
      {p.actions.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="network.programmes.actions.none" />
        </p>
      ) : (
        <ol className="stack">
          {p.actions.map((a) => {
            const title = inLanguage({ fr: a.titleFr, nl: a.titleNl, en: a.titleEn }, f.language);
            return (
              <li key={a.id}>
                <strong>{a.code}</strong> <span lang={title.lang}>{title.text}</span>{' '}
                <span className="tag">
                  <FormattedMessage id={`network.programmes.enum.action_kind.${a.kind}`} />
                </span>
                {a.defaultFor.length > 0 && (
                  <div className="muted">
                    <FormattedMessage
                      id="network.programmes.actions.default_for"
                      values={{
                        kinds: a.defaultFor.map((k) => f.recordKind(k)).join(', '),
                      }}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

export function PerimeterCard({ p }: { p: ProgrammeDetail }) {
  const intl = useIntl();
  const f = useProgrammeFormat();
  const none = intl.formatMessage({ id: 'common.not_given' });
  const places = [...p.territories].sort((a, b) => f.orgName(a).localeCompare(f.orgName(b), f.language));
  return (
    <Card title={<FormattedMessage id="network.programmes.perimeter.title" />}>
      <Facts
        items={[
          [
            <FormattedMessage key="t" id="network.programmes.field.themes" />,
            p.themes.length
              ? p.themes.map((t) => (
                  <span key={t} className="tag">
                    <FormattedMessage id={`network.services.enum.theme.${t}`} />
                  </span>
                ))
              : none,
          ],
          [
            <FormattedMessage key="c" id="network.programmes.field.intervention_category" />,
            p.interventionCategory ?? none,
          ],
          [
            <FormattedMessage key="w" id="network.programmes.field.website" />,
            // The API accepts https addresses only; rel keeps the opened page from reaching back.
            p.website ? (
              <a key="wv" href={p.website} target="_blank" rel="noopener noreferrer">
                {p.website}
              </a>
            ) : (
              none
            ),
          ],
          [
            <FormattedMessage key="m" id="network.programmes.perimeter.municipalities" />,
            places.length ? (
              <FormattedMessage
                key="mv"
                id="network.programmes.perimeter.list"
                values={{ count: places.length, names: places.map((x) => f.orgName(x)).join(', ') }}
              />
            ) : (
              none
            ),
          ],
        ]}
      />
    </Card>
  );
}

export function MilestonesCard({ p }: { p: ProgrammeDetail }) {
  const f = useProgrammeFormat();
  return (
    <Card
      title={<FormattedMessage id="network.programmes.milestones.title" />}
      actions={<EditStructure p={p} />}
    >
      {!p.seesMilestones && (
        <p className="muted">
          <FormattedMessage id="network.programmes.milestones.partners_only" />
        </p>
      )}
      {p.seesMilestones && p.milestones.length === 0 && (
        <p className="muted">
          <FormattedMessage id="network.programmes.milestones.none" />
        </p>
      )}
      {p.milestones.length > 0 && (
        <ol className="stack" aria-label={f.name(p)}>
          {timeline(p.milestones).map((m) => {
            const label = inLanguage({ fr: m.labelFr, nl: m.labelNl, en: m.labelEn }, f.language);
            return (
              <li key={m.id}>
                <time dateTime={m.occursOn}>{f.date(m.occursOn)}</time> —{' '}
                <span lang={label.lang}>{label.text}</span>
                {m.note && <div className="muted">{m.note}</div>}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
