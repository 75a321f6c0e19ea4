import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

/** The public tracking lookup (no session): order number + last four digits of the phone. */
type TrackOp = paths['/api/orders/track']['post'];
export type TrackBody = TrackOp['requestBody']['content']['application/json'];
export type TrackView = TrackOp['responses'][200]['content']['application/json'];
export type TrackParcel = TrackView['parts'][number];
export type TrackStage = TrackView['stage'];

/** The usual road of a parcel; cancelled and returned end it early. */
export const TRACK_FLOW: readonly TrackStage[] = [
  'received',
  'preparing',
  'shipped',
  'in_transit',
  'delivered',
];

export const trackOrder = (body: TrackBody): Promise<TrackView> =>
  unwrap(api.POST('/api/orders/track', { body }));
