/**
 * One-click confirmation of an Amazon SNS subscription: on a verified
 * `aws-sns.topic.subscription-confirmation` event, its SubscribeURL as a link — only when it is
 * Amazon's own ConfirmSubscription URL (`https://sns.<region>.amazonaws.com/?Action=ConfirmSubscription…`).
 * @see https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.confirm.html
 */
import type { StoredEvent } from '../../schemas/event';

const SUBSCRIBE_URL = /^https:\/\/sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/\?Action=ConfirmSubscription&[^\s"<>]*$/;

export function SnsConfirm({ event }: { event: StoredEvent }) {
  const url = event.resource['aws-sns.subscribe-url'] ?? '';
  if (event.event !== 'aws-sns.topic.subscription-confirmation' || !SUBSCRIBE_URL.test(url)) return null;
  return (
    <p class="notice">
      Amazon SNS asks to confirm this subscription:{' '}
      <a href={url} target="_blank" rel="noopener noreferrer">
        Confirm the subscription
      </a>{' '}
      (opens Amazon's confirmation page once).
    </p>
  );
}
