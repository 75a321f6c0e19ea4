import type { zhCNTrack } from './zh-CN.track';

/** English: the consumer's public tracking page (/portal/track) and the links to it. */
export const enTrack: typeof zhCNTrack = {
  track: {
    title: 'Track your order',
    subtitle:
      'Enter your order number and the last four digits of the recipient’s phone to see where your order is. No sign-in needed.',
    orderNumber: 'Order number',
    orderNumberRequired: 'Enter the order number',
    phoneLast4: 'Last 4 digits of phone',
    phoneLast4Invalid: 'Enter the last four digits of the recipient’s phone',
    submit: 'Track',
    looking: 'Looking up your order…',
    rateLimited:
      'Too many lookups. To protect the recipient’s details, tracking is paused for now; please try again later (within an hour).',
    network: 'Cannot reach the server. Check your connection and try again.',
    serverError: 'The service is not available right now. Please try again later.',
    requestId: 'Request ID: {{id}}',
    status: 'Status',
    promisedDate: 'Expected delivery',
    carrier: 'Carrier',
    waybill: 'Waybill number',
    destination: 'Delivering to',
    phone: 'Recipient’s phone',
    journey: 'Journey',
    parcels: 'Shipped in {{count}} parcels, each delivered on its own.',
    parcelN: 'Parcel {{n}}',
    privacy: 'For your privacy only the district and a masked phone number are shown.',
    stage: {
      received: 'Order received',
      preparing: 'Being prepared',
      shipped: 'Shipped',
      in_transit: 'On the way',
      delivered: 'Delivered',
      cancelled: 'Cancelled',
      returned: 'Returned',
    },
    links: {
      track: 'Track your order',
      return: 'Return an item',
      consumer: 'For recipients:',
    },
  },
};
