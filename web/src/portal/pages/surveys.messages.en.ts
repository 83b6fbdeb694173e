import type { portalSurveysMessages } from './surveys.messages.ts';

// English, typed as the Chinese: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof portalSurveysMessages)['zh-CN'] = {
  portalSurveys: {
    section: 'Questionnaires',
    list: 'My questionnaires',
    title: 'Questionnaire',
    empty: 'No questionnaire to answer right now.',
    status: { todo: 'To answer', answered: 'Submitted', closed: 'Closed' },
    resumed: 'Your earlier answers are restored: carry on where you left off',
    draftFailed: 'Your answers could not be saved yet: keep this page open until you submit',
    thanksTitle: 'Submitted. Thank you for taking part!',
    thanksDetail: 'Your answers help us improve our service.',
    answeredTitle: 'You have already answered this questionnaire',
    answeredDetail: 'Each store answers once. Thank you for taking part.',
    closedTitle: 'This survey has closed',
    closedDetail: 'The questionnaire no longer takes answers.',
    notFoundTitle: 'Questionnaire not found',
    notFoundDetail: 'It may not have been sent to your store, or the link is wrong.',
    backToList: 'Back to my questionnaires',
    back: 'Back',
    myAnswers: 'My answers',
  },
};
