/** CloudEvents over HTTP (DESIGN §3.3): the binding's three content modes, spec 1.0 and 0.3. */
export { type CloudEventMessage, contentModeOf, readCloudEvents } from './read';
export {
  type Attributes,
  type CloudEvent,
  type CloudEventsRead,
  type ContentMode,
  dataMembers,
  InvalidCloudEventError,
} from './types';
