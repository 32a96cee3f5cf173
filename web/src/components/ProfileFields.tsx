// Identity fields of a profile (the holder or a proche): names, birth date, sex and, for a
// proche, the relationship. Used to add a proche and on each profile's page.
import { useI18n } from '../i18n';
import type { Relationship, Sex } from '../lib/account/types';
import { SelectField, TextField } from './forms/Field';
import type { Errors } from './forms/useForm';

export interface ProfileValues {
  first_name: string;
  last_name: string;
  birth_date: string;
  sex: Sex | '';
  relationship: Relationship | '';
}

export const RELATIONSHIPS: Relationship[] = ['child', 'parent', 'spouse', 'sibling', 'other'];
const SEXES: Sex[] = ['female', 'male', 'other'];

export function ProfileFields({
  v,
  set,
  errors,
  id,
  holder,
}: {
  v: ProfileValues;
  set: <K extends keyof ProfileValues>(k: K) => (value: string) => void;
  errors: Errors;
  id: (field: string) => string;
  holder?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <div class="field-row">
        <TextField
          id={id('first_name')}
          label={t.fields.firstName}
          value={v.first_name}
          onValue={set('first_name')}
          error={errors.first_name}
          autoComplete="off"
        />
        <TextField
          id={id('last_name')}
          label={t.fields.lastName}
          value={v.last_name}
          onValue={set('last_name')}
          error={errors.last_name}
          autoComplete="off"
        />
      </div>
      <div class="field-row">
        <TextField
          id={id('birth_date')}
          label={t.fields.birthDate}
          type="date"
          value={v.birth_date}
          onValue={set('birth_date')}
          error={errors.birth_date}
          max={new Date().toISOString().slice(0, 10)}
        />
        <SelectField
          id={id('sex')}
          label={t.fields.sex}
          optional
          value={v.sex}
          onValue={set('sex')}
          error={errors.sex}
          placeholder={t.profiles.sexUnset}
          options={SEXES.map((s) => ({ value: s, label: t.profiles.sex[s] }))}
        />
      </div>
      {!holder && (
        <SelectField
          id={id('relationship')}
          label={t.fields.relationship}
          value={v.relationship}
          onValue={set('relationship')}
          error={errors.relationship}
          placeholder={t.profiles.chooseRelationship}
          options={RELATIONSHIPS.map((r) => ({ value: r, label: t.profiles.relationship[r] }))}
        />
      )}
    </>
  );
}

export function checkProfile(
  v: ProfileValues,
  t: ReturnType<typeof useI18n>['t'],
  holder = false,
): Errors {
  const today = new Date().toISOString().slice(0, 10);
  return {
    first_name: v.first_name.trim() ? undefined : t.checks.firstNameRequired,
    last_name: v.last_name.trim() ? undefined : t.checks.lastNameRequired,
    birth_date: !v.birth_date
      ? t.checks.birthDateRequired
      : v.birth_date > today
        ? t.checks.birthDateInvalid
        : undefined,
    relationship: holder || v.relationship ? undefined : t.checks.relationshipRequired,
  };
}
