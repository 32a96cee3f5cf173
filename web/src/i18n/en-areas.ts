// English copy of the accounts screens, part 3 (same shape as fr-areas.ts).
import type { frAreas } from './fr-areas';

export const enAreas: typeof frAreas = {
  areas: {
    otherRole: 'You are signed in with another type of account.',
    signupPatient: 'Create my patient account',
    signupPractitioner: 'Create my practitioner account',
  },
  patientHome: {
    hello: 'Hello {name}.',
    bookTitle: 'Book an appointment',
    bookLead:
      'By video or in person: find a practitioner by specialty, by name or near you, and see their next free times.',
    actingFor: 'You are acting for',
    switchHint: 'To act for a family member, switch profile with the menu at the top right.',
    addHint: 'Add your children or parents to manage their appointments from your account.',
    addRelative: 'Add a family member',
    accountTitle: 'Your account',
    relatives: 'Your children, your parents and their administrative data.',
    identity: 'Your identity, your phone and your language.',
    security: 'Your password and signed-in devices.',
    access: 'Every read of your data: by whom, and when.',
    data: 'Download your data or delete your account:',
  },
  practitionerHome: {
    hello: 'Hello {name}.',
    helloAssistant: 'Hello {name}. You manage your practitioner’s agenda.',
    status: {
      pending: 'Awaiting verification',
      verified: 'Verified',
      rejected: 'Verification refused',
    },
    statusBody: {
      pending:
        'An operator is checking your RPPS number and your registration with the Ordre. You will receive an email once it is done. Meanwhile, your profile does not appear in search.',
      verified:
        'Your RPPS number and registration have been verified. Your profile can appear in search.',
      rejected:
        'The operator could not verify your registration. The reason was sent to you by email: reply to it to complete your application.',
    },
    reason: 'Reason:',
    practiceTitle: 'Your practice',
    assistingTitle: 'You assist',
    assistingBody: 'You manage the agenda. Patients’ medical data is never shown to you.',
    totpTitle: 'Protect your account',
    totpBody:
      'Turn on an authenticator app: at each sign-in, the code will come from your phone rather than your inbox.',
    totpLink: 'Set it up in “Security”',
  },
  assistants: {
    title: 'Your assistants',
    lead: 'They manage your agenda without ever seeing medical data.',
    empty: 'No assistant yet.',
    status: { invited: 'Invitation sent', active: 'Active' },
    remove: 'Remove access',
    confirmRemove: 'Remove the access of {name} to your agenda?',
    confirmRemoveButton: 'Yes, remove access',
    removed: '{name} no longer has access to your agenda.',
    inviteTitle: 'Invite an assistant',
    emailLabel: 'Assistant’s email address',
    emailHint: 'They will receive a link, valid for 7 days, to create their account.',
    invite: 'Send the invitation',
    invited: 'Invitation sent to {email}.',
  },
  operatorHome: {
    lead: 'Signed in as {email}. Verify practitioners before they appear in search.',
    queueTitle: 'Practitioner verification',
    filterLabel: 'Applications to show',
    filters: { pending: 'Pending', verified: 'Verified', rejected: 'Refused' },
    empty: {
      pending: 'No practitioner awaiting verification.',
      verified: 'No verified practitioner yet.',
      rejected: 'No refused application.',
    },
    applied: 'Signed up {when}',
    verify: 'Verify',
    reject: 'Refuse',
    reasonLabel: 'Reason for refusing {name}',
    reasonHint:
      'It is emailed to the practitioner. Tell them what is missing for the verification to succeed.',
    reasonRequired: 'Enter the reason for the refusal: it is sent to the practitioner.',
    confirmReject: 'Refuse the application',
    verified: '{name} is verified. An email lets them know.',
    rejected: 'The application of {name} is refused. An email gives them the reason.',
  },
  mailbox: {
    title: 'Development mailbox',
    lead: 'The emails the server has sent, newest first. In development mode, nothing actually leaves.',
    devOnly: 'Available in development mode only.',
    devOnlyHint: 'Start the server with mode = "development" to see the emails it sends here.',
    refresh: 'Refresh',
    listTitle: 'Messages',
    empty: 'No email yet.',
    choose: 'Choose a message in the list to show it.',
    viewLabel: 'Message',
    to: 'To',
    date: 'Date',
    htmlNote: 'Only the text version is shown.',
    attachments: 'Attachments',
  },
};
