// English copy of "Contacter mon praticien" (same shape as fr-messaging.ts).
import type { frMessaging } from './fr-messaging';

export const enMessaging: typeof frMessaging = {
  messages: {
    navLink: 'Messages',
    title: 'Contact my practitioner',
    homeCard:
      'A question after a consultation: renewal, result, treatment. Your practitioner answers here.',
    lead: 'Write to a practitioner you have already consulted: renewal, result, a question about your treatment.',
    emergency: 'Not for emergencies: call 15 (SAMU) or 112, or send a text to 114.',
    answerTime: 'How soon you get an answer depends on your practitioner.',
    new: 'New message',
    list: 'Your conversations',
    empty: 'No conversation yet.',
    unreadBadge: '{n} unread messages',
    unreadBadgeOne: '1 unread message',
    unread: '{n} unread',
    unreadOne: '1 unread',
    reasons: {
      renewal: 'Renewal',
      result: 'Result',
      treatment: 'Question about the treatment',
      administrative: 'Administrative document',
      other: 'Other',
    },
    closedTag: 'Conversation closed',
    with: 'With {name}',
    forProfile: 'For {name}',
    lastAt: 'Last message {when}',
    paused: 'Live updates interrupted. Reconnecting…',
    noPractitioners: 'You can write to a practitioner after a first consultation with them.',
    form: {
      title: 'New message',
      practitioner: 'Practitioner',
      practitionerHint: 'The practitioners you have already consulted.',
      choose: 'Choose',
      notOpen: '{name} — does not receive messages',
      profile: 'For whom?',
      reason: 'Reason',
      message: 'Your message',
      messageHint: '5,000 characters at most.',
      send: 'Send',
      sending: 'Sending…',
      cancel: 'Cancel',
    },
    problems: {
      required: 'Please fill in this field.',
      closed:
        'This practitioner does not receive messages on Cabinet. Book an appointment instead.',
      too_long: 'Your message is 5,000 characters at most.',
    },
    refusals: {
      no_prior_consultation:
        'You can write to this practitioner after a consultation with them. Book an appointment first.',
      messaging_closed:
        'This practitioner no longer receives messages on Cabinet. Book an appointment instead.',
      conversation_closed:
        'The practitioner closed this conversation. For another question, write a new message.',
      rate_limited: 'You have sent many messages. Try again in a moment.',
    },
    thread: {
      back: 'All conversations',
      log: 'Messages of the conversation',
      you: 'You',
      reply: 'Your answer',
      send: 'Send',
      attach: 'Attach a file',
      attachHint: 'One file per message: JPEG, PNG, PDF, RTF, TIFF or TXT, 5 MB at most.',
      removeFile: 'Remove the file',
      fileChosen: 'Attached file: {name} ({size})',
      sendingFile: 'Sending… {percent}%',
      download: 'Download {name}',
      closedNote: 'This conversation is closed: nobody can write in it any more.',
      newLive: 'New message from {name}.',
      read: 'Read',
    },
  },
  staffMessages: {
    title: 'Patients’ messages',
    navLink: 'Messages',
    lead: 'Your patients’ questions after a consultation. Only patients you have seen can write to you.',
    settings: 'Messaging settings',
    enabled: 'Receive messages from my patients',
    enabledHint:
      'Only patients you have already seen in a consultation can write to you. When off, your conversations stay readable but nobody can write to you.',
    assistants: 'My assistants see that conversations exist',
    assistantsHint:
      'They see the patient, the reason and the date, to remind you. Never the content of the messages or the attachments.',
    save: 'Save the settings',
    saved: 'Settings saved.',
    off: 'Messaging is off: your patients cannot write to you.',
    patient: 'Patient: {name}',
    closeConversation: 'Close the conversation',
    closeConfirm:
      'Close this conversation? Neither you nor the patient will be able to write in it. The patient can open a new conversation.',
    closeYes: 'Yes, close it',
    closed: 'Conversation closed.',
    assistantNote:
      'You see that these conversations exist, to remind the practitioner. Their content is for the practitioner only.',
    assistantNone: 'The practitioner has not shared the list of their conversations.',
  },
};
