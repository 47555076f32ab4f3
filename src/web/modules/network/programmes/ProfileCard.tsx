import { FormattedMessage, useIntl } from 'react-intl';
import { PROGRAMME_THEMES } from '../../../../common/network/programme-structure-schemas';
import { CheckboxGroup, TextField } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';

/** The programme form's themes, intervention category and website (migration 0016). */
export type ProfileValues = {
  themes: string[];
  interventionCategory: string;
  website: string;
};

export const EMPTY_PROFILE: ProfileValues = { themes: [], interventionCategory: '', website: '' };

export function ProfileCard({
  values,
  set,
  errors,
}: {
  values: ProfileValues;
  set: (key: keyof ProfileValues, v: string | string[]) => void;
  errors: Record<string, string | undefined>;
}) {
  const intl = useIntl();
  const label = (id: string) => intl.formatMessage({ id });
  return (
    <Card title={<FormattedMessage id="network.programmes.form.profile" />}>
      <CheckboxGroup
        label={label('network.programmes.field.themes')}
        value={values.themes}
        onChange={(v) => set('themes', v)}
        error={errors.themes}
        options={PROGRAMME_THEMES.map((t) => ({ id: t, label: label(`network.services.enum.theme.${t}`) }))}
      />
      <div className="grid-2">
        <TextField
          label={label('network.programmes.field.intervention_category')}
          description={<FormattedMessage id="network.programmes.field.intervention_category_hint" />}
          value={values.interventionCategory}
          onChange={(v) => set('interventionCategory', v)}
          error={errors.interventionCategory}
          maxLength={300}
        />
        <TextField
          label={label('network.programmes.field.website')}
          description={<FormattedMessage id="network.programmes.field.website_hint" />}
          type="url"
          value={values.website}
          onChange={(v) => set('website', v)}
          error={errors.website}
          maxLength={500}
        />
      </div>
    </Card>
  );
}
