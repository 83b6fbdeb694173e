import type { portalConsumerFeedbackMessages } from './consumer-feedback.messages.ts';

// English, typed as the Chinese: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof portalConsumerFeedbackMessages)['zh-CN'] = {
  consumerFeedbackPortal: {
    section: 'Consumer feedback',
    entry: 'Relay consumer feedback',
    title: 'Consumer feedback',
    back: 'Back',
    intro: 'Tell us what your customers say about our products; the service centre answers in time.',
    product: 'Product (optional)',
    productPlaceholder: 'Choose or search a product',
    topic: 'Topic',
    topicRequired: 'Choose a topic',
    text: 'What the customer said',
    textRequired: 'Write what the customer said',
    textPlaceholder: 'For example: customers cannot find this brand lately',
    photo: 'Photo (optional)',
    submit: 'Send',
    submitted: 'Sent; expect an answer by {{due}}',
    mine: 'My feedback',
    empty: 'No feedback relayed yet',
    answer: 'Answer',
    waiting: 'Awaiting an answer, by {{due}}',
    noProduct: 'No product named',
    topics: {
      price: 'Price',
      quality: 'Quality',
      availability: 'Availability',
      packaging: 'Packaging',
      other: 'Other',
    },
    states: { open: 'Awaiting answer', overdue: 'Answer overdue', answered: 'Answered' },
  },
};
