import { useIntl } from 'react-intl';
import { localized } from '../../../common/i18n/locales';
import {
  type OrgRef,
  VOLUNTEER_LANGUAGES,
  VOLUNTEER_SKILLS,
  VOLUNTEER_STATUSES,
  type VolunteerStatus,
} from '../../../common/volunteers/schemas';
import { useLanguage } from '../../app/i18n';
import type { Option } from '../../app/ui/fields';

/** The volunteers module's words: languages, skills, statuses and organisation names, translated. */
export function useVolunteerWords() {
  const intl = useIntl();
  const { language } = useLanguage();
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `volunteers.registry.${id}` }, values);
  return {
    m,
    language: (l: string) => m(`language.${l}`),
    skill: (s: string) => m(`skill.${s}`),
    status: (s: VolunteerStatus) => m(`status.${s}`),
    org: (o: OrgRef) => localized(language, o.nameFr, o.nameNl),
    languageOptions: (): Option[] => VOLUNTEER_LANGUAGES.map((l) => ({ id: l, label: m(`language.${l}`) })),
    skillOptions: (): Option[] => VOLUNTEER_SKILLS.map((s) => ({ id: s, label: m(`skill.${s}`) })),
    statusOptions: (): Option[] => VOLUNTEER_STATUSES.map((s) => ({ id: s, label: m(`status.${s}`) })),
  };
}

export const statusTag = (s: VolunteerStatus) =>
  s === 'active' ? 'tag tag--success' : s === 'pending' ? 'tag tag--warning' : 'tag';

/** The insurance section's words. */
export function useInsuranceWords() {
  const intl = useIntl();
  return (id: string) => intl.formatMessage({ id: `volunteers.insurance.${id}` });
}
