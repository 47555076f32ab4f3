import { useState } from 'react';
import { FormattedDate } from 'react-intl';
import { boardEndpoints as api } from '../../../../common/observatory/board-endpoints';
import {
  FOLLOWUP_STATUSES,
  type FollowupStatus,
  type FollowupView,
} from '../../../../common/observatory/board-followup-schemas';
import { useEndpointMutation } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { Select, TextArea, TextField } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { useObsWords } from '../words';

/**
 * The board's policy follow-up: what each partner decided to adapt in its local social policy in response,
 * grouped by partner, latest first. Each organisation's own entries can be moved on or removed by it; a
 * signed-in analyst records its organisation's. No person's name anywhere: the organisation speaks.
 */
export function Followups({
  code,
  followups,
  canAdd = false,
  indicators = [],
}: {
  code: string;
  followups: FollowupView[];
  canAdd?: boolean;
  /** The board's indicators, to say which one prompted a decision. */
  indicators?: Array<{ code: string; label: string }>;
}) {
  const w = useObsWords();
  const { language } = useLanguage();
  const byPartner = new Map<string, FollowupView[]>();
  for (const f of followups) byPartner.set(f.organisation, [...(byPartner.get(f.organisation) ?? []), f]);
  return (
    <Card title={w.msg('boards.followup.title')}>
      <div className="stack">
        <p className="description">{w.msg('boards.followup.intro')}</p>
        {followups.length === 0 && <p className="description">{w.msg('boards.followup.none')}</p>}
        {[...byPartner].map(([organisation, items]) => (
          <section key={organisation} className="stack" aria-label={organisation}>
            <h3>{organisation}</h3>
            <ul className="obs-followups">
              {items.map((f) => (
                <li key={f.id} lang={f.language !== language ? f.language : undefined}>
                  <p>
                    <strong>{f.title}</strong>
                    <br />
                    <span className="description">
                      <FormattedDate value={`${f.decidedOn}T12:00:00Z`} dateStyle="long" /> ·{' '}
                      {w.msg(`boards.followup.status.${f.status}`)}
                      {f.indicator ? ` · ${f.indicator.label}` : ''}
                    </span>
                  </p>
                  {f.decision && <p style={{ whiteSpace: 'pre-line' }}>{f.decision}</p>}
                  {f.canEdit && <OwnEntry code={code} followup={f} />}
                </li>
              ))}
            </ul>
          </section>
        ))}
        {canAdd && <FollowupForm code={code} indicators={indicators} />}
      </div>
    </Card>
  );
}

function OwnEntry({ code, followup: f }: { code: string; followup: FollowupView }) {
  const w = useObsWords();
  const update = useEndpointMutation(api.updateFollowup, [api.view]);
  const remove = useEndpointMutation(api.removeFollowup, [api.view]);
  const params = { code, followup: f.id };
  return (
    <div className="row no-print">
      {(update.error ?? remove.error) && <ErrorAlert error={update.error ?? remove.error} />}
      <Select
        label={w.msg('boards.followup.status_of', { title: f.title })}
        labelHidden
        value={f.status}
        onChange={(v) => update.mutate({ params, body: { status: v as FollowupStatus } })}
        options={FOLLOWUP_STATUSES.map((s) => ({ id: s, label: w.msg(`boards.followup.status.${s}`) }))}
      />
      <Button
        variant="danger"
        aria-label={w.msg('boards.followup.remove', { title: f.title })}
        isDisabled={remove.isPending}
        onPress={() => remove.mutate({ params })}
      >
        {w.msg('boards.remove_short')}
      </Button>
    </div>
  );
}

const NONE = '-';
const today = () => new Date().toISOString().slice(0, 10);

function FollowupForm({
  code,
  indicators,
}: {
  code: string;
  indicators: Array<{ code: string; label: string }>;
}) {
  const w = useObsWords();
  const { language } = useLanguage();
  const add = useEndpointMutation(api.addFollowup, [api.view]);
  const [decidedOn, setDecidedOn] = useState(today());
  const [title, setTitle] = useState('');
  const [decision, setDecision] = useState('');
  const [lang, setLang] = useState<string>(language === 'nl' ? 'nl' : 'fr');
  const [status, setStatus] = useState<string>('planned');
  const [indicator, setIndicator] = useState(NONE);
  const [saved, setSaved] = useState(false);
  const submit = async () => {
    setSaved(false);
    await add.mutateAsync({
      params: { code },
      body: {
        decidedOn,
        title: title.trim(),
        decision: decision.trim() || null,
        language: lang === 'nl' ? 'nl' : 'fr',
        status: status as FollowupStatus,
        indicator: indicator === NONE ? null : indicator,
      },
    });
    setTitle('');
    setDecision('');
    setSaved(true);
  };
  return (
    <form
      className="stack no-print"
      aria-label={w.msg('boards.followup.add_title')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit().catch(() => {});
      }}
    >
      <h3>{w.msg('boards.followup.add_title')}</h3>
      <p className="description">{w.msg('boards.followup.add_hint')}</p>
      {add.error && <ErrorAlert error={add.error} />}
      {saved && <Alert tone="success" title={w.msg('boards.followup.saved')} />}
      <DateField
        label={w.msg('boards.followup.decided_on')}
        value={decidedOn}
        onChange={setDecidedOn}
        max={today()}
        isRequired
      />
      <TextField
        label={w.msg('boards.followup.field_title')}
        value={title}
        onChange={setTitle}
        maxLength={200}
        isRequired
      />
      <TextArea label={w.msg('boards.followup.decision')} value={decision} onChange={setDecision} />
      <Select
        label={w.msg('boards.followup.language')}
        value={lang}
        onChange={setLang}
        options={[
          { id: 'fr', label: 'Français' },
          { id: 'nl', label: 'Nederlands' },
        ]}
      />
      <Select
        label={w.msg('boards.followup.status_label')}
        value={status}
        onChange={setStatus}
        options={FOLLOWUP_STATUSES.map((s) => ({ id: s, label: w.msg(`boards.followup.status.${s}`) }))}
      />
      <Select
        label={w.msg('boards.followup.indicator')}
        value={indicator}
        onChange={setIndicator}
        options={[
          { id: NONE, label: w.msg('boards.followup.no_indicator') },
          ...indicators.map((i) => ({ id: i.code, label: i.label })),
        ]}
      />
      <div className="row">
        <Button type="submit" isDisabled={add.isPending || !title.trim() || !decidedOn}>
          {w.msg('boards.followup.add')}
        </Button>
      </div>
    </form>
  );
}
