import { idSchema, waitlistOfferSchema, type WaitlistOffer } from '@holdfast/contracts';
import { listenTo, type Listener } from '../platform/db.js';
import type { ErrorReporter } from '../platform/error-reporter.js';
import { userRoom } from './socket-identity.js';
import type { SocketServer } from './socket-server.js';

/** The channel serve_waitlist (migration 1700000000010) NOTIFYs each offer on. */
const CHANNEL = 'holdfast_waitlist_offer';
const notificationSchema = waitlistOfferSchema.extend({ userId: idSchema });

/**
 * Tells a user's sockets of the offers made to them. Offers are made in SQL wherever places free up (a cancel,
 * the sweeper of any instance, someone's booking reclaiming a lapsed hold), and NOTIFYed there: PostgreSQL delivers
 * the notification only if that transaction commits, and to every instance once, and each instance tells only its
 * own sockets (io.local). So an offer is announced once per socket, and never for a change that was rolled back.
 */
export function deliverWaitlistOffers(
  io: SocketServer,
  deps: {
    databaseUrl: string;
    reporter: ErrorReporter;
    /** Every offer, as each instance hears it: its hold lapses at expiresAt and passes on (sweep it then). */
    onOffer: (offer: WaitlistOffer) => void;
  },
): Listener {
  return listenTo(
    deps.databaseUrl,
    CHANNEL,
    (payload) => {
      try {
        const { userId, ...offer } = notificationSchema.parse(JSON.parse(payload));
        io.local.to(userRoom(userId)).emit('waitlistOffer', offer);
        deps.onOffer(offer);
      } catch (error) {
        deps.reporter.report(error, { source: 'waitlistOffer delivery' });
      }
    },
    (error) => deps.reporter.report(error, { source: 'waitlistOffer listener' }),
  );
}
