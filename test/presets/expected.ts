/**
 * Event names and resource ids per payload, written by hand after reading each payload (the
 * golden files hold the full events). A handshake (Slack url_verification, Discord PING, Twitch's
 * callback verification) stores none.
 */
import { EXPECTED_BODY_HMAC } from './expected-body-hmac';

export const EXPECTED: Record<string, [event: string, resourceId: string][]> = {
  ...EXPECTED_BODY_HMAC,
  // alertmanager
  'alertmanager/firing.two-alerts': [
    ['alertmanager.alert.firing', 'alertmanager.alert.a1bc48475b20e73d'],
    ['alertmanager.alert.firing', 'alertmanager.alert.c2ea85182f28cbd9'],
  ],
  'alertmanager/resolved.single-alert': [['alertmanager.alert.resolved', 'alertmanager.alert.a1bc48475b20e73d']],
  // buildkite
  'buildkite/build.finished': [['buildkite.build.finished', 'buildkite.build.f62a1b4d-10f9-4790-bc1c-e2c3a0c80983']],
  'buildkite/job.started': [['buildkite.job.started', 'buildkite.job.b63254c0-3271-4a98-8270-7cfbd6c2f14e']],
  'buildkite/ping': [['buildkite.ping', 'buildkite.webhook.c9f8372d-c0cd-43dc-9269-bcbb7f308e3f']],
  // calendly
  'calendly/invitee.created': [
    ['calendly.invitee.created', 'calendly.scheduled_events.GBGBDCAADAEDCRZ2.invitees.AAAAAAAAAAAAAAAA'],
  ],
  // clerk
  'clerk/session.created': [['clerk.session.created', 'clerk.session.sess_2gyVIqxAmFOAK8SRrmuVk9JJWcV']],
  'clerk/user.created': [['clerk.user.created', 'clerk.user.user_29w83sxmDNGwOuEthce5gg56FcC']],
  // customerio
  'customerio/customer.unsubscribed': [['customerio.customer.unsubscribed', 'customerio.customer.42']],
  'customerio/email.delivered': [['customerio.email.delivered', 'customerio.delivery.RAECAAFwnUSneIa0ZXkmq8EdkAM==']],
  // discord
  'discord/application_authorized': [['discord.application_authorized', 'discord.application.1234560123453231555']],
  'discord/entitlement_create': [['discord.entitlement_create', 'discord.application.1234560123453231555']],
  'discord/interaction.application_command': [['discord.interaction.2', 'discord.application.1234560123453231555']],
  'discord/ping': [],
  // github
  'github/check_run.completed': [['github.check_run.completed', 'github.repository.Codertocat/Hello-World']],
  'github/check_run.created': [['github.check_run.created', 'github.repository.Codertocat/Hello-World']],
  'github/create.default': [['github.create', 'github.repository.Codertocat/Hello-World']],
  'github/delete.default': [['github.delete', 'github.repository.Codertocat/Hello-World']],
  'github/deployment_status.created': [['github.deployment_status.created', 'github.repository.Codertocat/Hello-World']],
  'github/fork.default': [['github.fork', 'github.repository.Codertocat/Hello-World']],
  'github/installation.created': [['github.installation.created', 'github.installation.957387']],
  'github/installation.deleted': [['github.installation.deleted', 'github.installation.2']],
  'github/issue_comment.created': [['github.issue_comment.created', 'github.repository.Codertocat/Hello-World']],
  'github/issues.labeled': [['github.issues.labeled', 'github.repository.Codertocat/Hello-World']],
  'github/issues.opened': [['github.issues.opened', 'github.repository.Codertocat/Hello-World']],
  'github/ping.default.form-urlencoded': [['github.ping', 'github.repository.Octocoders/Hello-World']],
  'github/ping.default': [['github.ping', 'github.repository.Octocoders/Hello-World']],
  'github/ping.with-app_id': [['github.ping', 'github.repository.Octocoders/Hello-World']],
  'github/pull_request.closed': [['github.pull_request.closed', 'github.repository.Codertocat/Hello-World']],
  'github/pull_request.opened': [['github.pull_request.opened', 'github.repository.Codertocat/Hello-World']],
  'github/pull_request.opened.with-null-body': [['github.pull_request.opened', 'github.repository.Codertocat/Hello-World']],
  'github/pull_request.synchronize': [['github.pull_request.synchronize', 'github.repository.Codertocat/Hello-World']],
  'github/push.default': [['github.push', 'github.repository.Codertocat/Hello-World']],
  'github/push.with-new-branch': [['github.push', 'github.repository.Codertocat/Hello-World']],
  'github/release.published': [['github.release.published', 'github.repository.Codertocat/Hello-World']],
  'github/star.created': [['github.star.created', 'github.repository.Codertocat/Hello-World']],
  'github/workflow_job.completed.success.with-organization': [
    ['github.workflow_job.completed', 'github.repository.Codertocat/Hello-World'],
  ],
  'github/workflow_job.in_progress': [['github.workflow_job.in_progress', 'github.repository.Codertocat/Hello-World']],
  'github/workflow_job.queued': [['github.workflow_job.queued', 'github.repository.Codertocat/Hello-World']],
  'github/workflow_run.completed': [['github.workflow_run.completed', 'github.repository.octo-org/octo-repo']],
  // gitlab
  'gitlab/deployment': [['gitlab.deployment.success', 'gitlab.project.30']],
  'gitlab/issue': [['gitlab.issue.open', 'gitlab.project.1']],
  'gitlab/job': [['gitlab.job.success', 'gitlab.project.31537070']],
  'gitlab/merge_request': [['gitlab.merge_request.open', 'gitlab.project.1']],
  'gitlab/note_merge_request': [['gitlab.note.create', 'gitlab.project.5']],
  'gitlab/pipeline': [['gitlab.pipeline.success', 'gitlab.project.1']],
  'gitlab/push': [['gitlab.push', 'gitlab.project.15']],
  'gitlab/release': [['gitlab.release.create', 'gitlab.project.327622']],
  'gitlab/tag_push': [['gitlab.tag_push', 'gitlab.project.1']],
  // grafana
  'grafana/legacy-alerting.alerting': [['grafana.alert.alerting', 'grafana.rule.0']],
  'grafana/unified-alerting.firing.v9': [['grafana.alert.firing', 'grafana.alert.d8a21484c9c25a60']],
  // hubspot
  'hubspot/contact.creation': [['hubspot.contact.creation', 'hubspot.contact.62515.123']],
  // jira
  'jira/comment_created': [['jira.comment.created', 'jira.issue.ZUL-1']],
  'jira/jira.issue_created': [['jira.issue.created', 'jira.issue.BUG-15']],
  // linear
  'linear/Comment.create': [['linear.comment.create', 'linear.comment.c7cafc52-994d-4984-a217-bff9f9aa9473']],
  'linear/Issue.create': [['linear.issue.create', 'linear.issue.a4344dc7-7d8d-4b28-a93c-553ac9aba41a']],
  'linear/Issue.update': [['linear.issue.update', 'linear.issue.3443a709-f2b5-46f2-a136-a0445fd432be']],
  // mux
  'mux/video.asset.ready': [['mux.video.asset.ready', 'mux.asset.0201p02fGKPE7MrbC269XRD7LpcHhrmbu0002']],
  // openai
  'openai/fine_tuning.job.succeeded': [['openai.fine_tuning.job.succeeded', 'openai.fine_tuning.job.ftjob_abc123']],
  'openai/response.completed': [['openai.response.completed', 'openai.response.resp_abc123']],
  // paddle
  'paddle/subscription.created': [['paddle.subscription.created', 'paddle.subscription.sub_01h7ht5z5wdg9pz18jx1fagp8k']],
  'paddle/transaction.completed': [['paddle.transaction.completed', 'paddle.transaction.txn_01h8dzxgkvdwemdhbpcapj2tbj']],
  // pagerduty
  'pagerduty/incident.acknowledged': [['pagerduty.incident.acknowledged', 'pagerduty.incident.PQ1K5C8']],
  'pagerduty/incident.priority_updated.signed': [['pagerduty.incident.priority_updated', 'pagerduty.incident.PGR0VU2']],
  'pagerduty/incident.resolved': [['pagerduty.incident.resolved', 'pagerduty.incident.PCPZE64']],
  'pagerduty/incident.triggered': [['pagerduty.incident.triggered', 'pagerduty.incident.PFQZPSY']],
  // resend
  'resend/contact.created': [['resend.contact.created', 'resend.contact.479e3145-dd38-476b-932c-529ceb705947']],
  'resend/email.delivered': [['resend.email.delivered', 'resend.email.56761188-7520-42d8-8898-ff6fc54ce618']],
  // sanity
  'sanity/post.create': [['sanity.post.create', 'sanity.document.3do82whm.production.e5b7c1a2-4f39-4b8e-9d1c-2a6f0c8e7b31']],
  'sanity/resume.signed': [['sanity.document.change', 'sanity.document.resume']],
  // sentry
  'sentry/issue.created': [['sentry.issue.created', 'sentry.issue.1635261062']],
  'sentry/issue.resolved': [['sentry.issue.resolved', 'sentry.issue.1638821441']],
  // shopify
  'shopify/orders-create': [['shopify.orders.create', 'shopify.order.450789469']],
  // slack
  'slack/app_rate_limited': [['slack.app_rate_limited', 'slack.app.A123ABC456']],
  'slack/event_callback.message': [['slack.message', 'slack.channel.T06NRA6HM3P.C06NRA6JLER']],
  'slack/outgoing-webhook.form': [['slack.outgoing_webhook.message', 'slack.channel.T3W8CTX0F.C3W8CTZFZ']],
  'slack/slash-command.signed.form': [['slack.slash_command', 'slack.channel.T1DC2JH3J.G8PSS9T3V']],
  'slack/url_verification': [],
  // standard-webhooks
  'standard-webhooks/sw-sign-01': [['standard-webhooks.message', 'standard-webhooks.message.msg_p5jXN8AQM9LWM0D4loKWxJek']],
  'standard-webhooks/sw-sign-02': [['standard-webhooks.message', 'standard-webhooks.message.msg_27UH4WbU6Z5A5EzD8u03UvzRbpk']],
  'standard-webhooks/sw-tosign-01': [['contact.created', 'standard-webhooks.message.msg_2KWPBgLlAfxdpx2AI54pPJ85f4W']],
  // square
  'square/payment.updated': [['square.payment.updated', 'square.payment.hYy9pRFVxpDsO1FB05SunFWUe9JZY']],
  'square/webhooks.test_notification': [
    ['square.webhooks.test_notification', 'square.webhooks.bc368e64-01aa-407e-b46e-3231809b1129'],
  ],
  // stripe
  'stripe/charge.refunded': [['stripe.charge.refunded', 'stripe.charge.ch_3Kl36gJDPojXS6LN0DCM4A8l']],
  'stripe/checkout.session.completed': [
    [
      'stripe.checkout.session.completed',
      'stripe.checkout.session.cs_live_9RBjcHiy2i5p99Tf1MYM90c3SHK1grU0E6Ae6pKWR2KPA4ZiuKiB2X1Y3X',
    ],
  ],
  'stripe/customer.created.signed': [['stripe.customer.created', 'stripe.customer.cus_123']],
  'stripe/customer.subscription.created': [['stripe.customer.subscription.created', 'stripe.subscription.sub_JdIzvfy6o5GZRd']],
  'stripe/customer.subscription.updated': [['stripe.customer.subscription.updated', 'stripe.subscription.sub_JLEPMp81LApOJl']],
  'stripe/customer.updated': [['stripe.customer.updated', 'stripe.customer.cus_DjL8lObxrWj04W']],
  'stripe/foo.created.unknown-object': [['stripe.foo.created', 'stripe.event.evt_123']],
  'stripe/invoice.paid': [['stripe.invoice.paid', 'stripe.invoice.in_1KJqKBJDPojXS6LNJbvLUgEy']],
  'stripe/payment_intent.succeeded': [['stripe.payment_intent.succeeded', 'stripe.payment_intent.pi_1IqxJOJDPojXS6LN9uOebAea']],
  'stripe/ping.legacy-pre-2017-05-25': [['stripe.ping', 'stripe.event.evt_123']],
  'stripe/plan.created': [['stripe.plan.created', 'stripe.plan.price_1PgafmB7WZ01zgkW6dKueIc5']],
  // twilio
  'twilio/sms-incoming.form': [['twilio.message.received', 'twilio.message.SM1521fa559fb923c1ed64f56cd1bed8ef']],
  'twilio/voice-call-in-progress.form': [['twilio.call.in-progress', 'twilio.call.CA6d27370cbbfb605521fe8800bb73f2d2']],
  // twitch
  'twitch/channel.follow': [['twitch.channel.follow', 'twitch.channel.44429626']],
  'twitch/channel.follow.v2': [['twitch.channel.follow', 'twitch.channel.1337']],
  'twitch/revocation': [['twitch.subscription.revoked', 'twitch.subscription.f1c2a387-161a-49f9-a165-0f21d7a4e1c4']],
  'twitch/webhook_callback_verification': [],
  // webflow
  'webflow/collection_item_changed': [['webflow.collection_item.changed', 'webflow.collection_item.6538ec23c7b0c9c0c8a1c1b2']],
  'webflow/form_submission': [['webflow.form_submission.created', 'webflow.form_submission.6321ca84df3949bfc6752327']],
  // zendesk
  'zendesk/ticket.created': [['zendesk.ticket.created', 'zendesk.ticket.5158']],
  'zendesk/trigger': [['zendesk.webhook.invoked', 'zendesk.webhook.01F1KRFQ6BG29CNWFR60NK5FNY']],
  // zoom
  'zoom/meeting.participant_joined': [['zoom.meeting.participant_joined', 'zoom.meeting.85746065432']],
  'zoom/meeting.started': [['zoom.meeting.started', 'zoom.meeting.85746065432']],
  // issue 19, other schemes
  'asana/heartbeat': [],
  'asana/task.changed': [
    ['asana.task.changed', 'asana.task.1200000000000010'],
    ['asana.story.added', 'asana.story.1200000000000020'],
  ],
  'aws-sns/notification': [['aws-sns.topic.notification', 'aws-sns.topic.arn:aws:sns:us-west-2:123456789012:MyTopic']],
  'aws-sns/subscription-confirmation': [
    ['aws-sns.topic.subscription-confirmation', 'aws-sns.topic.arn:aws:sns:us-west-2:123456789012:MyTopic'],
  ],
  'azure-devops/git.push': [['azure-devops.git.push', 'azure-devops.project.be9b3917-87e6-42a4-a549-2bc06a7a878f']],
  'azure-devops/workitem.created': [
    ['azure-devops.workitem.created', 'azure-devops.project.be9b3917-87e6-42a4-a549-2bc06a7a878f'],
  ],
  'docker-hub/push': [['docker-hub.image.pushed', 'docker-hub.repository.svendowideit/testhook']],
  'dropbox/notification': [
    ['dropbox.files.changed', 'dropbox.account.dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc'],
    ['dropbox.files.changed', 'dropbox.account.dbid:AAA-AAh1f5hT4sQ2mlWLzAQVgXVSnKxxxGA'],
  ],
  'mailgun/delivered': [['mailgun.message.delivered', 'mailgun.message.20130503182626.18666.16540@sandbox.mailgun.org']],
  'mailgun/failed.permanent': [['mailgun.message.failed', 'mailgun.message.20130503192659.13651.20287@sandbox.mailgun.org']],
  'microsoft-teams/message': [
    ['microsoft-teams.message.received', 'microsoft-teams.channel.19:253b1f341670408fb6fcf0ad4b7d2c79@thread.skype'],
  ],
  'netlify/deploy.ready': [['netlify.deploy.ready', 'netlify.deploy.5f0c4b7e2d3f1a0007a1b2c3']],
  'notion/page.created': [['notion.page.created', 'notion.page.153104cd-477e-809d-8dc4-ff2d96ae3090']],
  'okta/user.session.start': [['okta.user.session.start', 'okta.appinstance.0oa1abcdEFGHijklm0h7']],
  'postmark/bounce': [['postmark.message.bounce', 'postmark.message.883953f4-6105-42a2-a16a-77a8eac79483']],
  'postmark/delivery': [['postmark.message.delivery', 'postmark.message.883953f4-6105-42a2-a16a-77a8eac79483']],
  'sendgrid/batch': [
    ['sendgrid.email.processed', 'sendgrid.message.14c5d75ce93'],
    ['sendgrid.email.deferred', 'sendgrid.message.14c5d75ce93'],
    ['sendgrid.email.bounce', 'sendgrid.message.14c5d75ce93'],
  ],
  'telegram/callback_query': [['telegram.callback_query.received', 'telegram.user.1111111']],
  'telegram/message': [['telegram.message.received', 'telegram.chat.1111111']],
};
