import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { aBooking } from '@/testing/factories';
import { bookingFlow, initialBookingState, type BookingState } from './booking-flow';

const hold = aBooking({ showId: 7, status: 'PENDING' });
const held: BookingState = { step: 'held', booking: hold };
const lostAnswer = new ApiError(0, 'NETWORK_ERROR', 'Could not reach the server');
const soldOut = new ApiError(409, 'SOLD_OUT', 'Not enough places', { availableSlots: 1 });

describe('bookingFlow', () => {
  it('when the page opens, then the flow asks the server before offering to book', () => {
    expect(initialBookingState).toEqual({ step: 'checking' });
  });

  it('when a hold is requested, then the flow is holding', () => {
    expect(bookingFlow({ step: 'choosing', problem: 'Old problem' }, { type: 'hold-requested' })).toEqual({
      step: 'holding',
    });
  });

  it.each([
    ['PENDING', { step: 'held', booking: { ...hold, status: 'PENDING' } }],
    ['CONFIRMED', { step: 'confirmed', booking: { ...hold, status: 'CONFIRMED' } }],
    ['EXPIRED', { step: 'expired' }],
    ['CANCELLED', { step: 'cancelled' }],
  ] as const)('when the server answers with a %s booking, then the flow shows that outcome', (status, expected) => {
    const booking = { ...hold, status };
    expect(bookingFlow({ step: 'checking' }, { type: 'server-answered', booking })).toEqual(expected);
  });

  it('when the server answers after the countdown ran out, then its answer still wins', () => {
    const confirmed = { ...hold, status: 'CONFIRMED' as const };
    expect(bookingFlow({ step: 'expired' }, { type: 'server-answered', booking: confirmed })).toEqual({
      step: 'confirmed',
      booking: confirmed,
    });
  });

  it('when a hold is refused, then the person chooses again, told why and what is wrong with the quantity', () => {
    const invalid = new ApiError(400, 'VALIDATION_ERROR', 'quantity: too many', {
      fields: [{ path: 'quantity', message: 'Book at most 10 places at once' }],
    });
    expect(bookingFlow({ step: 'holding' }, { type: 'failed', error: soldOut })).toEqual({
      step: 'choosing',
      problem: 'Someone booked while you were looking: only 1 place left now. Choose fewer and try again.',
      quantityError: undefined,
    });
    expect(bookingFlow({ step: 'holding' }, { type: 'failed', error: invalid })).toMatchObject({
      step: 'choosing',
      quantityError: 'Book at most 10 places at once',
    });
  });

  it('when confirm is requested, then only a held booking starts confirming', () => {
    expect(bookingFlow(held, { type: 'confirm-requested' })).toEqual({ step: 'confirming', booking: hold });
    expect(bookingFlow({ step: 'expired' }, { type: 'confirm-requested' })).toEqual({ step: 'expired' });
  });

  it('when confirming or releasing is refused, then the hold is shown again with the reason', () => {
    const refusal = new ApiError(500, 'INTERNAL_ERROR', 'Boom');
    const expected = {
      step: 'held',
      booking: hold,
      problem: 'Something went wrong on our side. Please try again in a moment.',
    };
    expect(bookingFlow({ step: 'confirming', booking: hold }, { type: 'failed', error: refusal })).toEqual(expected);
    expect(bookingFlow(held, { type: 'failed', error: refusal })).toEqual(expected);
  });

  it('when a failure arrives after the hold ran out, then the flow stays expired', () => {
    expect(bookingFlow({ step: 'expired' }, { type: 'failed', error: soldOut })).toEqual({ step: 'expired' });
  });

  it('when a check cannot reach the server, then the flow is unreachable rather than "nothing booked"', () => {
    expect(bookingFlow({ step: 'checking' }, { type: 'failed', error: lostAnswer })).toEqual({ step: 'unreachable' });
  });

  it('when a check is refused for another reason, then the person chooses again, told why', () => {
    const serverError = new ApiError(500, 'INTERNAL_ERROR', 'Boom');
    expect(bookingFlow({ step: 'checking' }, { type: 'failed', error: serverError })).toEqual({
      step: 'choosing',
      problem: 'Something went wrong on our side. Please try again in a moment.',
    });
  });

  it('when a check finds no hold, then the person chooses', () => {
    expect(bookingFlow({ step: 'checking' }, { type: 'no-hold' })).toEqual({ step: 'choosing' });
  });

  it('when the answer to a hold request is lost, then the outcome is open, not refused', () => {
    expect(bookingFlow({ step: 'holding' }, { type: 'failed', error: lostAnswer })).toEqual({ step: 'unreachable' });
  });

  it('when the server answers with an existing hold and a note, then the hold is shown with the note', () => {
    expect(bookingFlow({ step: 'holding' }, { type: 'server-answered', booking: hold, note: 'Yours already' })).toEqual(
      { step: 'held', booking: hold, note: 'Yours already' },
    );
  });

  it.each([
    ['CONFIRMED', { step: 'confirmed', booking: { ...hold, status: 'CONFIRMED' } }],
    ['CANCELLED', { step: 'cancelled' }],
    ['EXPIRED', { step: 'expired' }],
  ] as const)('when a re-read finds the hold on screen %s elsewhere, then the flow shows that', (status, expected) => {
    expect(bookingFlow(held, { type: 'refreshed', booking: { ...hold, status } })).toEqual(expected);
  });

  it('when a re-read finds the hold still pending, then the screen keeps what it says', () => {
    const withProblem: BookingState = { step: 'held', booking: hold, problem: 'Try again' };
    expect(bookingFlow(withProblem, { type: 'refreshed', booking: hold })).toBe(withProblem);
  });

  it('when a re-read finds a live hold while the form is open, then that hold is resumed', () => {
    expect(bookingFlow({ step: 'choosing' }, { type: 'refreshed', booking: hold })).toEqual(held);
  });

  it('when a re-read arrives while the person acts, or is about another booking, then it changes nothing', () => {
    const cancelled = { ...hold, status: 'CANCELLED' as const };
    const confirming: BookingState = { step: 'confirming', booking: hold };
    expect(bookingFlow(confirming, { type: 'refreshed', booking: cancelled })).toBe(confirming);
    expect(bookingFlow({ step: 'holding' }, { type: 'refreshed', booking: hold })).toEqual({ step: 'holding' });
    const other = { ...cancelled, id: hold.id + 1 };
    expect(bookingFlow(held, { type: 'refreshed', booking: other })).toBe(held);
    expect(bookingFlow({ step: 'choosing' }, { type: 'refreshed', booking: cancelled })).toEqual({ step: 'choosing' });
  });

  it('when the hold expires, is released, or the person starts over, then the flow moves on from the hold', () => {
    expect(bookingFlow(held, { type: 'hold-expired' })).toEqual({ step: 'expired' });
    expect(bookingFlow(held, { type: 'released' })).toEqual({ step: 'choosing', released: true });
    expect(bookingFlow({ step: 'expired' }, { type: 'started-over' })).toEqual({ step: 'choosing' });
  });
});
