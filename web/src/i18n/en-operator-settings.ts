// English copy of the operator's settings page (docs/operator.md "Settings"): the same shape
// as fr-operator-settings.ts. Merged into en.ts.
import type { frOperatorSettings } from './fr-operator-settings';

export const enOperatorSettings: typeof frOperatorSettings = {
  operatorSettings: {
    title: 'Platform settings',
    lead: 'These settings apply at once, without a restart, on every server within seconds. Each change is kept in the history and the log.',
    current: 'Current value: {value}',
    byDefault: 'Default: {value}',
    changedOn: 'changed on {date}',
    reset: 'Back to the default',
    resetDone: 'The default will be restored when you save.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved. The change applies now.',
    nothing: 'Nothing to save: no value changed.',
    refused: 'Not saved. Correct the value shown: nothing else changed.',
    notNumber: 'Enter a number.',
    refusedField: 'Value refused. {rule}',
    units: {
      minutes: 'min',
      hours: 'h',
      mo: 'MB',
      per: 'per',
      none: 'none',
    },
    from: 'From',
    to: 'to',
    perWindow: 'Number',
    windowMinutes: 'Per period of (minutes)',
    groups: {
      queue: {
        title: 'Immediate consultation',
        lead: 'The “See a doctor now” queues: specialties, hours and fees.',
      },
      teleconsultation: {
        title: 'Teleconsultation',
        lead: 'Video hours and when the waiting room opens.',
      },
      files: {
        title: 'Accepted files',
        lead: 'The types and size of files people may send.',
      },
      reminders: {
        title: 'Appointment reminders',
        lead: 'When reminders go out. Appointments already confirmed keep the reminders scheduled.',
      },
      security: {
        title: 'Passwords and sign-in',
        lead: 'How accounts sign in.',
      },
      limits: {
        title: 'Abuse limits',
        lead: 'Beyond them, requests are refused for a while (“too many attempts”). A pharmacy or a hospital often shares one network address.',
      },
    },
    keys: {
      'agenda.video_window': {
        label: 'Video teleconsultation hours',
        hint: 'Each practitioner’s local time, every day. HH:MM; the end may be 24:00.',
      },
      'booking.room_opens': {
        label: 'Waiting room opens before the appointment',
        hint: 'In minutes.',
      },
      'queue.specialties': {
        label: 'Specialties with a queue',
        hint: 'None ticked: no immediate consultation.',
      },
      'queue.hours': {
        label: 'Queue hours',
        hint: 'Paris time, every day. HH:MM; the end may be 24:00.',
      },
      'queue.fee_cents': {
        label: 'Immediate consultation service fee',
        hint: 'In euros, 0 to €50. Never reimbursed; waived with the CSS or an ALD.',
      },
      'queue.price_cents': {
        label: 'Immediate consultation price',
        hint: 'In euros. 0: the specialty’s convention tariff (€25 in general practice).',
      },
      'health.file_types': {
        label: 'File types of the health space and messaging',
        hint: 'MIME types separated by commas, for example image/jpeg, application/pdf.',
      },
      'health.file_max_size': {
        label: 'Largest file in the health space',
        hint: 'In MB, at most 20 MB.',
      },
      'consultation.file_types': {
        label: 'File types shared in a consultation',
        hint: 'MIME types separated by commas.',
      },
      'consultation.file_max_size': {
        label: 'Largest file shared in a consultation',
        hint: 'In MB, at most 20 MB.',
      },
      'booking.reminder_day_before': {
        label: 'First reminder (“tomorrow”)',
        hint: 'Hours before the appointment, 12 to 36.',
      },
      'booking.reminder_hours_before': {
        label: 'Second reminder (“today”)',
        hint: 'Hours before the appointment, 1 to 8.',
      },
      'booking.reminder_link': {
        label: 'Text message with the video link',
        hint: 'Minutes before the appointment, 1 to 60.',
      },
      'security.password_min_length': {
        label: 'Shortest password',
        hint: 'In characters, 12 to 64. Applies to new passwords.',
      },
      'security.strong_factor_roles': {
        label: 'Passkey or authenticator app required for',
        hint: 'The emailed code alone no longer signs these accounts in once they have one.',
      },
      'limits.signup_per_ip': { label: 'Sign-ups from one network address' },
      'limits.signup_exists_notice': {
        label: '“You already have an account” emails to one address',
      },
      'limits.confirm_per_email': {
        label: 'New confirmation links for one email',
      },
      'limits.confirm_per_ip': {
        label: 'New confirmation links from one network address',
      },
      'limits.login_per_ip': {
        label: 'Sign-ins from one network address',
        hint: 'Unknown browsers only.',
      },
      'limits.login_per_device': { label: 'Sign-ins from one known device' },
      'limits.login_failures_per_email': {
        label: 'Failed sign-ins for one email',
      },
      'limits.code_per_ip': {
        label: 'Security codes tried from one network address',
      },
      'limits.code_resend': { label: 'New security codes for one sign-in' },
      'limits.forgot_per_ip': {
        label: 'Forgotten passwords from one network address',
      },
      'limits.forgot_per_email': { label: 'Forgotten passwords for one email' },
      'limits.invitation_per_ip': {
        label: 'Guest links opened from one network address',
      },
      'limits.prescription_per_ip': {
        label: 'Prescription checks by pharmacies (one network address)',
      },
      'limits.free_failures': {
        label: 'Password failures before a wait',
        hint: 'Then each try waits 1 s, then 2 s, 4 s…',
      },
      'limits.max_delay': { label: 'Longest wait between tries', hint: 'In minutes.' },
    } as Record<string, { label: string; hint?: string }>,
    roles: {
      practitioner: 'Practitioners',
      assistant: 'Assistants',
      operator: 'Operators',
    } as Record<string, string>,
    history: {
      title: 'History of changes',
      caption: 'The latest changes, newest first',
      empty: 'No setting has been changed yet: the values are the configuration file’s.',
      when: 'Date',
      setting: 'Setting',
      before: 'Before',
      after: 'After',
      by: 'By',
      defaultTag: '(default)',
    },
    tariffs: {
      title: 'Tariffs and reimbursements',
      lead: 'These amounts come from Cabinet’s data files, with their official source. They change with a new release, not here.',
      caption: 'Amounts of {file}',
      item: 'Item',
      amount: 'Amount',
      since: 'Since',
      source: 'Source',
      toVerify: 'To verify',
      noDate: '—',
      percent: '{n}%',
      sessions: '{n} sessions',
    },
  },
};
