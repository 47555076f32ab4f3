import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import { directoryApi, servicesApi } from '../../../../common/network/endpoints';
import { servicesLink } from '../../../../common/network/links';
import { ServiceInput, ServicePatch } from '../../../../common/network/service-schemas';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { clean } from '../../../app/ui/form';
import { PageHeader } from '../../../app/ui/layout';
import { pickText } from '../directory/text';
import { bodyOf } from '../narrow';
import { changeBody, ServiceForm } from './ServiceForm';

function useDone() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (notice: string) => {
    await invalidate(client, servicesApi.list, directoryApi.search, directoryApi.service);
    navigate(servicesLink.href(), { state: { notice } });
  };
}

export function NewServicePage() {
  const intl = useIntl();
  const done = useDone();
  return (
    <div className="stack">
      <PageHeader title={intl.formatMessage({ id: 'network.services.new' })} />
      <ServiceForm
        onSubmit={async (values) => {
          await call(servicesApi.create, { body: bodyOf(ServiceInput, clean(values)) });
          await done('network.services.created');
        }}
      />
    </div>
  );
}

function DeleteService({ id }: { id: string }) {
  const done = useDone();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!confirming)
    return (
      <Button variant="danger" onPress={() => setConfirming(true)}>
        <FormattedMessage id="common.delete" />
      </Button>
    );
  return (
    <Alert tone="warning" title={<FormattedMessage id="network.services.delete_confirm" />}>
      <ErrorAlert error={error} />
      <div className="row">
        <Button
          variant="danger"
          autoFocus
          onPress={async () => {
            try {
              await call(servicesApi.remove, { params: { id } });
              await done('network.services.deleted');
            } catch (e) {
              setError(e);
            }
          }}
        >
          <FormattedMessage id="network.services.delete_yes" />
        </Button>
        <Button variant="secondary" onPress={() => setConfirming(false)}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Alert>
  );
}

export function EditServicePage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const done = useDone();
  const q = useEndpoint(directoryApi.service, { params: { id } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const s = q.data;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage(
          { id: 'network.services.edit' },
          { title: pickText(language, s.titleFr, s.titleNl)?.text ?? '' },
        )}
      />
      <ServiceForm
        existing={s}
        onSubmit={async (values) => {
          const change = { ...changeBody(values), expectedUpdatedAt: s.updatedAt };
          await call(servicesApi.update, { params: { id }, body: bodyOf(ServicePatch, change) });
          await done('network.services.saved');
        }}
        extraActions={<DeleteService id={id} />}
      />
    </div>
  );
}
