import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import type { Role } from '../../../common/access/permissions';
import { practicesApi } from '../../../common/practices/endpoints';
import { practiceEditLink, practicesLink } from '../../../common/practices/links';
import { canEdit } from '../../../common/practices/rules';
import type { AttachmentView, PracticeDetail } from '../../../common/practices/schemas';
import { practiceWorkflow } from '../../../common/practices/workflow';
import { call, hrefOf, invalidate, useEndpoint } from '../../app/client';
import { downloadFile } from '../../app/download';
import { useLanguage } from '../../app/i18n';
import { useSession } from '../../app/session';
import { Button, LinkButton } from '../../app/ui/Button';
import { FileUploadField, postFile } from '../../app/ui/FileUploadField';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { PracticeView } from './PracticeView';
import { TakeUps } from './TakeUps';
import { ACCEPT } from './words';

/** Adds a file to the sheet (those who may edit it); the server checks type, size and name. */
function AttachFile({ sheet, onError }: { sheet: PracticeDetail; onError: (e: unknown) => void }) {
  const client = useQueryClient();
  return (
    <FileUploadField
      label={<FormattedMessage id="practices.sheet.attach" />}
      accept={ACCEPT}
      uploading={<FormattedMessage id="practices.sheet.uploading" />}
      onFile={async (file) => {
        try {
          await postFile(hrefOf(practicesApi.attach, { params: { id: sheet.id } }), file);
          await invalidate(client, practicesApi.get);
        } catch (e) {
          onError(e);
        }
      }}
    />
  );
}

/**
 * A sheet for signed-in users: both versions with their marks, attachments, the take-up history and the
 * form to record one's own take-up; for its organisation, editing and the workflow's actions (publishing
 * and withdrawing for `practice.publish` holders).
 */
export function PracticePage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const { language } = useLanguage();
  const session = useSession();
  const roles = session.roles as Role[];
  const client = useQueryClient();
  const navigate = useNavigate();
  const q = useEndpoint(practicesApi.get, { params: { id } });
  const [error, setError] = useState<unknown>(null);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const sheet = q.data;
  const editable = sheet.own && canEdit(sheet.status, roles);
  const actions = sheet.own ? practiceWorkflow.available(sheet.status, 'owner', roles) : [];
  const act = async (action: string) => {
    setError(null);
    try {
      await call(practicesApi.transition, { params: { id }, body: { action } });
      await invalidate(client, practicesApi.get, practicesApi.search);
    } catch (e) {
      setError(e);
    }
  };
  const remove = async () => {
    setError(null);
    try {
      await call(practicesApi.remove, { params: { id } });
      await invalidate(client, practicesApi.search);
      navigate(practicesLink.href(undefined, { mine: true }));
    } catch (e) {
      setError(e);
    }
  };
  const download = async (a: AttachmentView) => {
    setError(null);
    try {
      await downloadFile(hrefOf(practicesApi.attachment, { params: { id, attachmentId: a.id } }), language, {
        fallbackName: a.filename,
      });
    } catch (e) {
      setError(e);
    }
  };
  const detach = async (a: AttachmentView) => {
    setError(null);
    try {
      await call(practicesApi.detach, { params: { id, attachmentId: a.id } });
      await invalidate(client, practicesApi.get);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="stack">
      <ErrorAlert error={error} />
      <PracticeView
        sheet={sheet}
        onDownload={(a) => void download(a)}
        actions={
          <>
            {editable && (
              <LinkButton to={practiceEditLink.href({ id })} variant="secondary">
                <FormattedMessage id="practices.sheet.edit" />
              </LinkButton>
            )}
            {actions.map((a) => (
              <Button
                key={`${a.action}-${a.to}`}
                variant={a.tone === 'danger' ? 'danger' : a.tone === 'primary' ? 'primary' : 'secondary'}
                onPress={() => void act(a.action)}
              >
                <FormattedMessage id={`practices.action.${a.action}`} />
              </Button>
            ))}
            {sheet.own && sheet.status === 'draft' && editable && (
              <Button variant="danger" onPress={() => void remove()}>
                <FormattedMessage id="practices.sheet.delete" />
              </Button>
            )}
          </>
        }
        attachmentExtra={
          editable
            ? (a) => (
                <Button
                  variant="ghost"
                  className="no-print"
                  aria-label={intl.formatMessage({ id: 'practices.sheet.remove_file' }, { name: a.filename })}
                  onPress={() => void detach(a)}
                >
                  ✕
                </Button>
              )
            : undefined
        }
        after={
          <>
            {editable && <AttachFile sheet={sheet} onError={setError} />}
            <TakeUps sheet={sheet} />
          </>
        }
      />
    </div>
  );
}
