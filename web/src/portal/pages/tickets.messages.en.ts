import type { portalTicketsMessages } from './tickets.messages.ts';

// English, typed as the Chinese: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof portalTicketsMessages)['zh-CN'] = {
  portalTickets: {
    title: 'Complaints',
    detailTitle: 'Complaint #{{id}}',
    back: 'Back to complaints',
    new: 'File a complaint or suggestion',
    empty: 'You have not filed anything yet.',
    type: 'Type',
    category: 'Category',
    description: 'Describe the problem',
    submit: 'Submit',
    submitted: 'Submitted. We will answer within 24 hours.',
    progress: 'Progress',
    dueBy: 'Answer expected by {{time}}',
    confirmTitle: 'Are you satisfied with the result?',
    rating: 'Rating',
    accept: 'Satisfied: confirm',
    reject: 'Not satisfied: reopen',
    thanks: 'Thank you for your rating!',
    staff: 'Service staff',
    you: 'Me',
    addNote: 'Add a note',
  },
};
