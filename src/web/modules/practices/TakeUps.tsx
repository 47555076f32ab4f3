import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Type from 'typebox';
import Value from 'typebox/value';
import { IsoDate } from '../../../common/kernel/schemas';
import { practicesApi } from '../../../common/practices/endpoints';
import { takeUpProblems } from '../../../common/practices/rules';
import {
  type PracticeDetail,
  PUBLISHED_STATUSES,
  TakeUpInput,
  type TakeUpView,
} from '../../../common/practices/schemas';
import { call, hrefOf, invalidate } from '../../app/client';
import { downloadFile } from '../../app/download';
import { useLanguage } from '../../app/i18n';
import { useCan } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { DateField } from '../../app/ui/DateField';
import { FileUploadField, postFile } from '../../app/ui/FileUploadField';
import { FormDialog } from '../../app/ui/FormDialog';
import { ErrorAlert } from '../../app/ui/feedback';
import { Select, TextArea } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { Card } from '../../app/ui/layout';
import { ACCEPT, usePracticeWords } from './words';

const today = () => new Date().toISOString().slice(0, 10);

/** The form's values: an empty end date is "none" (the API's null), left out while typing. */
const TakeUpForm = Type.Object({ ...TakeUpInput.properties, endsOn: Type.Optional(IsoDate) });
const EMPTY = { status: 'adopted', startsOn: '', endsOn: '', evidence: '' };

/** Records the organisation's step with the practice (plan, trial, adoption, abandonment), then its file. */
function RecordTakeUp({ sheet }: { sheet: PracticeDetail }) {
  const intl = useIntl();
  const w = usePracticeWords();
  const client = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const form = useForm(TakeUpForm, EMPTY as Record<string, string>);
  const submit = async () => {
    if (!form.validate()) return false;
    const values = form.body();
    const body = { ...values, endsOn: values.endsOn ?? null };
    // The form has checked the same schema: a mismatch here is a bug, not a user's mistake.
    if (!Value.Check(TakeUpInput, body)) throw new Error('the take-up form sent values its schema refuses');
    const problems = takeUpProblems(body, today());
    if (problems.length) {
      form.setErrors(Object.fromEntries(problems.map((p) => [p.path, intl.formatMessage({ id: p.code })])));
      return false;
    }
    const created = await call(practicesApi.recordTakeUp, { params: { id: sheet.id }, body });
    try {
      if (file)
        await postFile(
          hrefOf(practicesApi.takeUpEvidence, { params: { id: sheet.id, takeUpId: created.id } }),
          file,
        );
    } finally {
      // The step is recorded even when its file is refused: the list offers to attach the file again, so
      // the dialog must not invite recording the step twice.
      await invalidate(client, practicesApi.get, practicesApi.search);
    }
    form.setValues(EMPTY);
    setFile(null);
    return true;
  };
  return (
    <FormDialog
      trigger={
        <Button>
          <FormattedMessage id="practices.takeups.record" />
        </Button>
      }
      title={<FormattedMessage id="practices.takeups.record_title" />}
      submitLabel={<FormattedMessage id="practices.takeups.save" />}
      onSubmit={submit}
      onError={form.fromApiError}
    >
      <Select
        label={intl.formatMessage({ id: 'practices.takeups.status' })}
        value={form.values.status ?? 'adopted'}
        onChange={form.set('status')}
        options={w.takeUpOptions()}
        isRequired
        error={form.errors.status}
      />
      <DateField
        label={intl.formatMessage({ id: 'practices.takeups.starts_on' })}
        value={form.values.startsOn ?? ''}
        onChange={form.set('startsOn')}
        isRequired
        error={form.errors.startsOn}
      />
      <DateField
        label={intl.formatMessage({ id: 'practices.takeups.ends_on' })}
        description={<FormattedMessage id="practices.takeups.ends_on_help" />}
        value={form.values.endsOn ?? ''}
        onChange={form.set('endsOn')}
        error={form.errors.endsOn}
      />
      <TextArea
        label={intl.formatMessage({ id: 'practices.takeups.evidence' })}
        description={<FormattedMessage id="practices.takeups.evidence_help" />}
        value={form.values.evidence ?? ''}
        onChange={form.set('evidence')}
        isRequired
        error={form.errors.evidence}
      />
      <div className="field">
        <label htmlFor={fileId}>
          <FormattedMessage id="practices.takeups.file" />
        </label>
        <input
          id={fileId}
          type="file"
          accept={ACCEPT}
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
      </div>
    </FormDialog>
  );
}

/** Adds the evidence file to one of the organisation's own records that has none (once). */
function EvidenceUpload({
  sheetId,
  takeUp,
  onError,
}: {
  sheetId: string;
  takeUp: TakeUpView;
  onError: (e: unknown) => void;
}) {
  const client = useQueryClient();
  return (
    <FileUploadField
      label={<FormattedMessage id="practices.takeups.add_file" />}
      accept={ACCEPT}
      onFile={async (file) => {
        try {
          await postFile(
            hrefOf(practicesApi.takeUpEvidence, { params: { id: sheetId, takeUpId: takeUp.id } }),
            file,
          );
          await invalidate(client, practicesApi.get);
        } catch (e) {
          onError(e);
        }
      }}
    />
  );
}

/**
 * The take-up history: which organisation planned, tried, adopted or abandoned the practice, when, with
 * what evidence. Every signed-in reader sees it (that is its point); the evidence file is the recording
 * organisation's and the owner's; an organisation removes only its own records.
 */
export function TakeUps({ sheet }: { sheet: PracticeDetail }) {
  const intl = useIntl();
  const w = usePracticeWords();
  const { language } = useLanguage();
  const client = useQueryClient();
  const canWrite = useCan('practice.write');
  const [error, setError] = useState<unknown>(null);
  const published = PUBLISHED_STATUSES.includes(sheet.status);
  const date = (d: string) => intl.formatDate(d, { dateStyle: 'medium', timeZone: 'UTC' });
  const remove = async (t: TakeUpView) => {
    setError(null);
    try {
      await call(practicesApi.removeTakeUp, { params: { id: sheet.id, takeUpId: t.id } });
      await invalidate(client, practicesApi.get);
    } catch (e) {
      setError(e);
    }
  };
  const download = async (t: TakeUpView) => {
    setError(null);
    try {
      await downloadFile(
        hrefOf(practicesApi.takeUpEvidenceFile, { params: { id: sheet.id, takeUpId: t.id } }),
        language,
        {
          fallbackName: t.evidenceFilename ?? undefined,
        },
      );
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card
      title={<FormattedMessage id="practices.takeups.title" />}
      actions={!sheet.own && published && canWrite ? <RecordTakeUp sheet={sheet} /> : undefined}
    >
      <ErrorAlert error={error} />
      {sheet.takeUps.length === 0 ? (
        <p className="muted">
          <FormattedMessage id={sheet.own ? 'practices.takeups.none_own' : 'practices.takeups.none'} />
        </p>
      ) : (
        <ol className="practice-takeups">
          {sheet.takeUps.map((t) => (
            <li key={t.id} className="stack">
              <p className="row">
                <strong>{w.org(t.org)}</strong>
                <span
                  className={
                    t.status === 'adopted'
                      ? 'tag tag--success'
                      : t.status === 'abandoned'
                        ? 'tag tag--danger'
                        : 'tag'
                  }
                >
                  {w.takeUpStatus(t.status)}
                </span>
                <span className="muted">
                  {t.endsOn ? (
                    <FormattedMessage
                      id="practices.takeups.period"
                      values={{ from: date(t.startsOn), to: date(t.endsOn) }}
                    />
                  ) : (
                    <FormattedMessage id="practices.takeups.since" values={{ from: date(t.startsOn) }} />
                  )}
                </span>
              </p>
              <p>{t.evidence}</p>
              <p className="row">
                {t.canDownloadEvidence && t.evidenceFilename && (
                  <Button
                    variant="ghost"
                    aria-label={intl.formatMessage(
                      { id: 'practices.sheet.download' },
                      { name: t.evidenceFilename },
                    )}
                    onPress={() => void download(t)}
                  >
                    {t.evidenceFilename}
                  </Button>
                )}
                {t.mine && (
                  <Button variant="ghost" onPress={() => void remove(t)}>
                    <FormattedMessage id="practices.takeups.remove" />
                  </Button>
                )}
              </p>
              {t.mine && !t.evidenceFilename && canWrite && (
                <EvidenceUpload sheetId={sheet.id} takeUp={t} onError={setError} />
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
