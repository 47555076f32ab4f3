import {
  bookingLink,
  bookingNewLink,
  bookingsLink,
  externalBookingLink,
} from '../../../../common/accompaniment/interpreting-links';
import type { AccompanimentWebPart } from '../part';
import { BookingFormPage } from './BookingFormPage';
import { BookingPage } from './BookingPage';
import { BookingsPage } from './BookingsPage';
import { ExternalBookingPage } from './ExternalBookingPage';

/** Interpreter bookings: list, form, booking page; the external interpreter's public page; the hub card. */
export const interpretingWebPart: AccompanimentWebPart = {
  routes: [
    { path: bookingsLink.pattern, element: <BookingsPage /> },
    { path: bookingNewLink.pattern, element: <BookingFormPage /> },
    { path: bookingLink.pattern, element: <BookingPage /> },
  ],
  publicRoutes: [{ path: externalBookingLink.pattern, element: <ExternalBookingPage /> }],
  // On the person page: a booking for this person, prefilled from the interpreter need on record.
  personLinks: [
    {
      key: 'interpreting-book',
      order: 60,
      labelId: 'accompaniment.interpreting.list.new',
      permission: 'interpreting.book',
      href: (personId) => bookingNewLink.href(undefined, { personId }),
    },
  ],
  sections: [
    {
      key: 'interpreting',
      order: 30,
      to: bookingsLink.href(),
      titleId: 'accompaniment.interpreting.hub.title',
      descriptionId: 'accompaniment.interpreting.hub.description',
      permission: 'interpreting.book',
    },
    {
      key: 'interpreting-provider',
      order: 31,
      to: bookingsLink.href(undefined, { view: 'provider' }),
      titleId: 'accompaniment.interpreting.hub.provider_title',
      descriptionId: 'accompaniment.interpreting.hub.provider_description',
      permission: 'interpreting.provide',
    },
  ],
};
