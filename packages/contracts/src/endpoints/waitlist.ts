import {
  joinWaitlistRequestSchema,
  MAX_LISTED_WAITLIST_ENTRIES,
  myWaitlistEntryListSchema,
  waitlistEntrySchema,
} from '../waitlist.js';
import { endpoint } from './endpoint.js';

/** The waitlist of a show that cannot fit a request. */
export const waitlistEndpoints = {
  joinWaitlist: endpoint({
    method: 'post',
    path: '/shows/:id/waitlist',
    tag: 'Waitlist',
    access: 'user',
    summary:
      "Join a show's waitlist for places it cannot fit now; freed places are offered in order as a hold of " +
      'WAITLIST_OFFER_SECONDS (confirm it with POST /bookings/confirm)',
    body: joinWaitlistRequestSchema,
    status: 201,
    response: waitlistEntrySchema,
    errors: {
      404: 'SHOW_NOT_FOUND: no such show',
      409:
        'PLACES_AVAILABLE: the places can be booked now (details.availableSlots); ALREADY_WAITING: the caller ' +
        'already waits for this show (details.entryId); SHOW_STARTED: the show has started',
    },
  }),
  leaveWaitlist: endpoint({
    method: 'delete',
    path: '/shows/:id/waitlist',
    tag: 'Waitlist',
    access: 'user',
    summary: "Leave a show's waitlist; an offer not yet confirmed is cancelled and passes to the next in line",
    status: 200,
    response: waitlistEntrySchema,
    errors: { 404: "NOT_WAITING: the caller is not on this show's waitlist" },
  }),
  myWaitlistEntries: endpoint({
    method: 'get',
    path: '/waitlist/my-entries',
    tag: 'Waitlist',
    access: 'user',
    summary: `The caller's waitlist entries, newest first, with positions (the ${MAX_LISTED_WAITLIST_ENTRIES} newest)`,
    status: 200,
    response: myWaitlistEntryListSchema,
    errors: {},
  }),
};
