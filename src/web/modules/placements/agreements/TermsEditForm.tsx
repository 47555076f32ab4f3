import { useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { systemClock } from '../../../../common/kernel/clock';
import { periodProblems, type SubstanceField } from '../../../../common/placements/agreement-rules';
import type { PlacementPatch, PlacementView } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { ApiError } from '../../../app/api';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Form, TextField } from '../../../app/ui/fields';
import { ConventionFields } from '../convention/ConventionFields';
import {
  type ConventionValues,
  conventionFormProblems,
  conventionPatch,
  conventionValues,
} from '../convention/convention-values';
import { SignatoryFields } from './SignatoryFields';
import { TermsFields } from './TermsFields';
import {
  type EditValues,
  editValues,
  FIELD_LABEL,
  patchBody,
  patchProblems,
  resignatureFields,
} from './terms-patch';
import { hours } from './wizard-values';

/**
 * The date rules the server applies when the dates change (past start, duration): said before saving. The
 * programme's period is checked by the server (its field error shows on the programme).
 */
function dateProblems(p: PlacementView, v: EditValues) {
  if (v.startsOn === p.startsOn && v.endsOn === p.endsOn) return [];
  const sameProgramme = v.programmeId === (p.programmeId ?? '');
  return periodProblems(
    { start: v.startsOn, end: v.endsOn },
    { today: systemClock.today(), rule: p.durationRule, programme: null },
  ).filter((x) => x.path !== 'endsOn' || sameProgramme || !/too_(short|long)$/.test(x.code));
}

/**
 * Changes the terms. Once signing has begun, a change of substance sends the agreement back to be signed
 * as a new version: the user confirms that first, knowing which terms caused it.
 */
export function TermsEditForm({
  placement: p,
  onCancel,
  onSaved,
}: {
  placement: PlacementView;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const intl = useIntl();
  const [values, setValues] = useState<EditValues>(() => editValues(p));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<SubstanceField[] | null>(null);
  // The convention's structured terms (issue 9, item 9), beside the terms the patch helpers know.
  const [conv, setConv] = useState<ConventionValues>(() => conventionValues(p));
  const body = () => ({
    ...patchBody(p, values),
    ...conventionPatch(conventionValues(p), conv, 'agreement'),
  });
  const set = (key: keyof EditValues) => (v: string) => setValues((s) => ({ ...s, [key]: v }));
  const label = (id: string) => intl.formatMessage({ id });

  const send = async () => {
    setConfirming(null);
    setError(null);
    setBusy(true);
    try {
      // patchProblems() checked this body against PlacementPatch before it got here.
      await call(placementsEndpoints.updatePlacement, {
        params: { id: p.id },
        body: body() as PlacementPatch,
      });
      onSaved();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.fields.length)
        setErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.message])));
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    const problems = [
      ...patchProblems(p, values),
      ...dateProblems(p, values),
      ...conventionFormProblems(conv, 'agreement', hours(values.hoursPerWeek)),
    ];
    setErrors(
      Object.fromEntries(problems.map((x) => [x.path, intl.formatMessage({ id: x.code }, x.params)])),
    );
    if (problems.length) return;
    const changes = body();
    if (!Object.keys(changes).length) return onCancel();
    const resign = resignatureFields(p, changes);
    if (resign.length) setConfirming(resign);
    else void send();
  };

  return (
    <Form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ErrorAlert error={error} />
      <TermsFields
        values={values}
        set={set}
        errors={errors}
        hostOrgId={p.hostOrg.id}
        municipalityName={p.municipalityName ?? ''}
        known={{ tutorName: p.tutorName, programmeName: p.programmeName }}
        durationRule={p.durationRule}
      />
      <ConventionFields
        values={conv}
        onChange={setConv}
        errors={errors}
        part="agreement"
        onHours={set('hoursPerWeek')}
      />
      <SignatoryFields
        signatory={values.signatory}
        representativeName={values.representativeName}
        language={values.language}
        set={set}
        errors={errors}
      />
      <div className="grid-2">
        <TextField
          label={label('placements.agreements.terms.accident_insurance')}
          value={values.accidentInsuranceRef}
          onChange={set('accidentInsuranceRef')}
          error={errors.accidentInsuranceRef}
          maxLength={100}
        />
        <TextField
          label={label('placements.agreements.terms.liability_insurance')}
          value={values.liabilityInsuranceRef}
          onChange={set('liabilityInsuranceRef')}
          error={errors.liabilityInsuranceRef}
          maxLength={100}
        />
      </div>
      <p className="muted">
        <FormattedMessage id="placements.agreements.terms.insurance_hint" />
      </p>
      <div className="row">
        <Button type="submit" isDisabled={busy}>
          <FormattedMessage id="common.save" />
        </Button>
        <Button variant="secondary" onPress={onCancel}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
      <ModalOverlay
        className="modal-overlay"
        isDismissable
        isOpen={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
      >
        <Modal className="modal">
          <Dialog className="stack" role="alertdialog">
            <Heading slot="title">
              <FormattedMessage id="placements.agreements.resign.title" />
            </Heading>
            <p>
              <FormattedMessage id="placements.agreements.resign.body" values={{ version: p.version + 1 }} />
            </p>
            <p>
              <FormattedMessage
                id="placements.agreements.resign.fields"
                values={{ fields: (confirming ?? []).map((f) => label(FIELD_LABEL[f])).join(', ') }}
              />
            </p>
            <div className="row">
              <Button onPress={() => void send()}>
                <FormattedMessage id="placements.agreements.resign.confirm" />
              </Button>
              <Button variant="secondary" onPress={() => setConfirming(null)}>
                <FormattedMessage id="common.cancel" />
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </Form>
  );
}
