/**
 * Event names and resource ids of the presets whose providers sign the body with an HMAC (typeform …
 * flux), per payload, each checked by hand against its payload; merged into `EXPECTED`.
 * A handshake (Xero's intent to receive) stores none.
 */
export const EXPECTED_BODY_HMAC: Record<string, [event: string, resourceId: string][]> = {
  // airtable
  'airtable/notification': [['airtable.base.changed', 'airtable.base.appiOsDTvb7KMChGE']],
  // bitbucket
  'bitbucket/data-center.repo.refs_changed': [['bitbucket.repo.refs_changed', 'bitbucket.repository.PROJ/repository']],
  'bitbucket/pullrequest.created': [['bitbucket.pullrequest.created', 'bitbucket.repository.team_name/repo_name']],
  'bitbucket/repo.push': [['bitbucket.repo.push', 'bitbucket.repository.team_name/repo_name']],
  // cal-com
  'cal-com/FORM_SUBMITTED': [['cal-com.form.submitted', 'cal-com.form.a3f6a2a8-3f83-4f53-9d3f-4d1b1b0c8e11']],
  'cal-com/BOOKING_CREATED': [['cal-com.booking.created', 'cal-com.booking.bFJeNb2uX8ANpT3JL5EfXw']],
  // checkout-com
  'checkout-com/payment_approved': [['checkout-com.payment.approved', 'checkout-com.payment.pay_wlu3wxc26jounofs5iez75qaqa']],
  // circleci
  'circleci/job-completed': [['circleci.job.completed', 'circleci.job.8bd26ba7-1f81-4eab-8a9d-e3a1cb4dfeb4']],
  'circleci/workflow-completed': [['circleci.workflow.completed', 'circleci.workflow.fda08377-fe7e-46b1-8992-3a7aaecac9c3']],
  // clickup
  'clickup/listCreated': [['clickup.list.created', 'clickup.list.162641285']],
  'clickup/taskCreated': [['clickup.task.created', 'clickup.task.1vj37mc']],
  'clickup/taskStatusUpdated': [['clickup.task.statusupdated', 'clickup.task.1vj37mc']],
  // coinbase-commerce
  'coinbase-commerce/charge.created': [['coinbase-commerce.charge.created', 'coinbase-commerce.charge.66BEOV2A']],
  // flux
  'flux/helmrelease.UpgradeFailed': [['flux.helmrelease.UpgradeFailed', 'flux.helmrelease.default.podinfo']],
  'flux/kustomization.ReconciliationSucceeded': [
    ['flux.kustomization.ReconciliationSucceeded', 'flux.kustomization.flux-system.apps'],
  ],
  // gitea
  'gitea/pull_request.opened': [['gitea.pull_request.opened', 'gitea.repository.gitea/webhooks']],
  'gitea/push': [['gitea.push', 'gitea.repository.gitea/webhooks']],
  // heroku
  'heroku/addon-attachment.create': [
    ['heroku.addon-attachment.create', 'heroku.addon-attachment.25bfb830-8c4a-49e1-b0a3-831da386de90'],
  ],
  'heroku/release.create': [['heroku.release.create', 'heroku.release.01234567-89ab-cdef-0123-456789abcdef']],
  // intercom
  'intercom/contact.user.created': [['intercom.contact.user.created', 'intercom.contact.6762f0d51bb69f9f2193bb7f']],
  'intercom/conversation.user.created': [['intercom.conversation.user.created', 'intercom.conversation.147']],
  'intercom/ping': [['intercom.ping', 'intercom.app.a86dr8yl']],
  // launchdarkly
  'launchdarkly/flag.updateOn': [
    ['launchdarkly.flag.updateOn', 'launchdarkly.flag.proj/default:env/production:flag/alternate.page'],
  ],
  // lemonsqueezy
  'lemonsqueezy/order_created': [['lemonsqueezy.order.created', 'lemonsqueezy.order.1']],
  'lemonsqueezy/subscription_payment_success': [
    ['lemonsqueezy.subscription_payment.success', 'lemonsqueezy.subscription_invoice.1'],
  ],
  // quickbooks
  'quickbooks/cloudevents.customer.created': [
    ['quickbooks.customer.created', 'quickbooks.customer.310687.1234'],
    ['quickbooks.invoice.updated', 'quickbooks.invoice.310687.145'],
  ],
  'quickbooks/legacy.create': [
    ['quickbooks.customer.created', 'quickbooks.customer.1185883450.1'],
    ['quickbooks.vendor.created', 'quickbooks.vendor.1185883450.1'],
  ],
  // razorpay
  'razorpay/order.paid': [['razorpay.order.paid', 'razorpay.order.order_DESlLckIVRkHWj']],
  'razorpay/payment.captured': [['razorpay.payment.captured', 'razorpay.payment.pay_DESlfW9H8K9uqM']],
  'razorpay/refund.processed': [['razorpay.refund.processed', 'razorpay.refund.rfnd_DET0TDqZQuSvmd']],
  // segment
  'segment/page.anonymous': [['segment.page.Home', 'segment.anonymous.507f191e810c19729de860ea']],
  'segment/identify': [['segment.identify', 'segment.user.97980cfea0067']],
  'segment/track': [['segment.track.Course Clicked', 'segment.user.AiUGstSDIg']],
  // terraform-cloud
  'terraform-cloud/assessment.drifted': [
    ['terraform-cloud.assessment.drifted', 'terraform-cloud.workspace.acme-org.my-workspace'],
  ],
  'terraform-cloud/run.errored': [['terraform-cloud.run.errored', 'terraform-cloud.run.run-FwnENkvDnrpyFC7M']],
  'terraform-cloud/verification': [
    ['terraform-cloud.notification.verification', 'terraform-cloud.notification-configuration.nc-AeUQ2zfKZzW9TiGZ'],
  ],
  // typeform
  'typeform/form_response': [['typeform.form.response', 'typeform.form.lT4Z3j']],
  // vercel
  'vercel/project.created': [['vercel.project.created', 'vercel.project.prj_ndlgr43fadlPyCtREAqxxdyFK']],
  'vercel/deployment.created': [['vercel.deployment.created', 'vercel.deployment.dpl_2yb9PRqWNHtRPbjgSbCPmqGWjVzu']],
  // woocommerce
  'woocommerce/action.woocommerce_add_to_cart': [
    ['woocommerce.action.woocommerce_add_to_cart', 'woocommerce.action.shop.example.org.woocommerce_add_to_cart'],
  ],
  'woocommerce/customer.updated': [['woocommerce.customer.updated', 'woocommerce.customer.example.com.25']],
  'woocommerce/order.created': [['woocommerce.order.created', 'woocommerce.order.example.com.727']],
  // xero
  'xero/contact.update': [
    ['xero.contact.update', 'xero.contact.717f2bfc-c6d4-41fd-b238-3f2f0c0cf777'],
    ['xero.invoice.create', 'xero.invoice.22a2c0a5-13a6-4f0e-8a2f-5fd1b9a2d4e3'],
  ],
  'xero/intent-to-receive': [],
};
