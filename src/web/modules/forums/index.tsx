import { eventFeedbackLink } from '../../../common/forums/feedback-links';
import {
  cancelRegistrationLink,
  eventCheckInLink,
  eventEditLink,
  eventLink,
  eventNewLink,
  eventsLink,
  publicEventLink,
} from '../../../common/forums/links';
import type { WebModule } from '../../app/module';
import { CancelRegistrationPage } from './CancelPage';
import { CheckInPage } from './CheckInPage';
import { EditEventPage, NewEventPage } from './EventFormPage';
import { EventPage } from './EventPage';
import { EventsPage } from './EventsPage';
import { FeedbackPage } from './feedback/FeedbackPage';
import { PublicEventPage } from './PublicEventPage';

/**
 * Forums and events (see src/server/modules/forums/index.ts): the network's events and the organiser's
 * pages for signed-in users; an event's public page with its registration form, and the cancellation link.
 */
export const forumsModule: WebModule = {
  nav: [{ to: eventsLink.href(), labelId: 'forums.nav', permission: 'forum.view', order: 47 }],
  routes: [
    { path: eventsLink.pattern, element: <EventsPage /> },
    { path: eventNewLink.pattern, element: <NewEventPage /> },
    { path: eventLink.pattern, element: <EventPage /> },
    { path: eventEditLink.pattern, element: <EditEventPage /> },
    { path: eventCheckInLink.pattern, element: <CheckInPage /> },
  ],
  publicRoutes: [
    { path: publicEventLink.pattern, element: <PublicEventPage /> },
    { path: cancelRegistrationLink.pattern, element: <CancelRegistrationPage /> },
    { path: eventFeedbackLink.pattern, element: <FeedbackPage /> },
  ],
};
