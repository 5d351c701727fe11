import json
T='/work/wt-presets-a/templates'
def hmac(header, algorithm='sha256', encoding='hex', prefix=None, **extra):
    v={"scheme":"hmac","header":header}
    if algorithm!='sha256': v["algorithm"]=algorithm
    else: v["algorithm"]='sha256'
    v["encoding"]=encoding
    if prefix: v["prefix"]=prefix
    v.update(extra)
    return v
PRESETS={
 'typeform':dict(title='Typeform',description='Typeform form responses: typeform.form.response (and typeform.form.response.partial) on the form, with the response related.',
   docs='https://www.typeform.com/developers/webhooks/',setup='Form → Connect → Webhooks → Add a webhook: paste the URL; Edit → Secret: set a secret and paste it here too.',
   verify=hmac('Typeform-Signature',encoding='base64',prefix='sha256='),idFrom='body:event_id'),
 'woocommerce':dict(title='WooCommerce',description='WooCommerce store webhooks: woocommerce.<topic> (woocommerce.order.created, woocommerce.product.updated…) on the object within its store, with the store and the customer related; the creation ping is answered.',
   docs='https://woocommerce.com/document/webhooks/',setup='WooCommerce → Settings → Advanced → Webhooks → Add webhook: paste the URL as Delivery URL and the same Secret here (API version v3).',
   verify=hmac('X-WC-Webhook-Signature',encoding='base64'),idFrom='header:x-wc-webhook-delivery-id',handshakes=['woocommerce-ping']),
 'heroku':dict(title='Heroku',description='Heroku app webhooks: heroku.<entity>.<action> (heroku.release.create, heroku.build.update, heroku.dyno.create…) on the object, with its app and the actor related.',
   docs='https://devcenter.heroku.com/articles/app-webhooks',setup='heroku webhooks:add -i api:release,api:build -l notify -u <URL> -a <app> prints the secret (or pass --secret); paste it here.',
   verify=hmac('Heroku-Webhook-Hmac-SHA256',encoding='base64'),idFrom='body:id'),
 'lemonsqueezy':dict(title='Lemon Squeezy',description='Lemon Squeezy store events: lemonsqueezy.<object>.<action> (lemonsqueezy.order.created, lemonsqueezy.subscription.updated…) on the order, subscription or license key, with the store and customer related.',
   docs='https://docs.lemonsqueezy.com/help/webhooks',setup='Settings → Webhooks → + (add endpoint): paste the URL as Callback URL and choose a Signing secret; paste the same secret here.',
   verify=hmac('X-Signature')),
 'gitea':dict(title='Gitea',description='Gitea and Forgejo repository webhooks: gitea.<X-Gitea-Event>[.<action>] (gitea.push, gitea.pull_request.opened…) on the repository, with the sender, pull request, issue and ref related.',
   docs='https://docs.gitea.com/usage/webhooks',setup='Repository (or organization) → Settings → Webhooks → Add webhook → Gitea: paste the URL as Target URL, POST, application/json, and the same Secret here.',
   verify=hmac('X-Gitea-Signature'),idFrom='header:x-gitea-delivery'),
 'vercel':dict(title='Vercel',description='Vercel webhooks: vercel.<type> (vercel.deployment.created, vercel.deployment.succeeded, vercel.project.created…) on the deployment or project, with the project, team and user related.',
   docs='https://vercel.com/docs/webhooks',setup='Team Settings → Webhooks → Create webhook: pick events and projects, paste the URL; the secret shown once after creating it goes here.',
   verify=hmac('x-vercel-signature',algorithm='sha1'),idFrom='body:id'),
 'terraform-cloud':dict(title='HCP Terraform',description='HCP Terraform / Terraform Enterprise notifications: terraform-cloud.run.<trigger> (run.completed, run.errored, run.needs_attention…) on the run, and workspace alerts (assessment.drifted…), with the workspace, organization and user related.',
   docs='https://developer.hashicorp.com/terraform/cloud-docs/workspaces/settings/notifications',setup='Workspace → Settings → Notifications → Create a Notification → Webhook: paste the URL and a Token (the HMAC key); paste the same token here.',
   verify=hmac('X-TFE-Notification-Signature',algorithm='sha512')),
 'launchdarkly':dict(title='LaunchDarkly',description='LaunchDarkly audit log webhooks: launchdarkly.<kind>.<action> (launchdarkly.flag.updateOn, launchdarkly.flag.createFlag…) on the flag, segment or other resource changed, with the member related.',
   docs='https://launchdarkly.com/docs/home/account/webhooks',setup='Organization settings → Integrations → Webhooks → Add integration: paste the URL, tick Sign this webhook, and paste the secret it shows here.',
   verify=hmac('X-LD-Signature'),idFrom='body:_id'),
 'intercom':dict(title='Intercom',description='Intercom webhook notifications: intercom.<topic> (intercom.conversation.user.created, intercom.contact.user.created…) on the item, with the workspace, contact and assignee related.',
   docs='https://developers.intercom.com/docs/webhooks',setup='Developer Hub → your app → Webhooks: paste the URL and pick topics; the secret is the app\'s Client secret (Basic information) — paste it here.',
   verify=hmac('X-Hub-Signature',algorithm='sha1',prefix='sha1='),idFrom='body:id'),
 'bitbucket':dict(title='Bitbucket',description='Bitbucket Cloud and Data Center webhooks: bitbucket.<X-Event-Key with dots> (bitbucket.repo.push, bitbucket.pullrequest.created…) on the repository, with the actor, pull request and branch related.',
   docs='https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/',setup='Repository settings → Webhooks → Add webhook: paste the URL, set a Secret, pick triggers; paste the same secret here.',
   verify=hmac('X-Hub-Signature',prefix='sha256='),idFrom='header:x-request-uuid'),
 'segment':dict(title='Segment',description='Segment Webhooks destination: segment.<type>[.<event>] (segment.track.Order Completed, segment.identify…) on the user, with the group related.',
   docs='https://segment.com/docs/connections/destinations/catalog/webhooks/',setup='Connections → Destinations → Webhooks → Settings: paste the URL under Webhooks and a Shared Secret; paste the same secret here.',
   verify=hmac('X-Signature',algorithm='sha1'),idFrom='body:messageId'),
 'circleci':dict(title='CircleCI',description='CircleCI webhooks: circleci.workflow.completed and circleci.job.completed on the workflow or job, with the project, pipeline and organization related.',
   docs='https://circleci.com/docs/webhooks/',setup='Project Settings → Webhooks → Add Webhook: paste the URL as Receiver URL and a Secret token; paste the same secret here.',
   verify=hmac('circleci-signature',prefix='v1=',separator=','),idFrom='body:id'),
 'coinbase-commerce':dict(title='Coinbase Commerce',description='Coinbase Commerce webhooks: coinbase-commerce.charge.<status> (charge.created, charge.confirmed, charge.failed…) on the charge.',
   docs='https://docs.cdp.coinbase.com/commerce/docs/webhooks',setup='Settings → Notifications → Webhook subscriptions → Add an endpoint: paste the URL; Show shared secret and paste it here.',
   verify=hmac('X-CC-Webhook-Signature'),idFrom='body:event.id'),
 'razorpay':dict(title='Razorpay',description='Razorpay webhooks: razorpay.<event> (razorpay.payment.captured, razorpay.order.paid, razorpay.refund.processed…) on the entity, with the order, other entities and the account related.',
   docs='https://razorpay.com/docs/webhooks/',setup='Dashboard → Account & Settings → Webhooks → Add New Webhook: paste the URL as Webhook URL and set a Secret; paste the same secret here.',
   verify=hmac('X-Razorpay-Signature'),idFrom='header:x-razorpay-event-id'),
 'checkout-com':dict(title='Checkout.com',description='Checkout.com webhooks: checkout-com.<object>.<action> (checkout-com.payment.approved, checkout-com.payment.captured, checkout-com.dispute.received…) on the payment or dispute, with the customer related.',
   docs='https://www.checkout.com/docs/developer-resources/webhooks',setup='Dashboard → Developers → Webhooks → New webhook: paste the URL as Endpoint URL; the Secret key shown there goes here.',
   verify=hmac('Cko-Signature'),idFrom='body:id'),
 'xero':dict(title='Xero',description='Xero webhooks: one event per change, xero.<category>.<type> (xero.invoice.create, xero.contact.update…) on the resource, with the organisation related; the intent-to-receive check is answered.',
   docs='https://developer.xero.com/documentation/guides/webhooks/overview/',setup='developer.xero.com → My Apps → your app → Webhooks: paste the URL as Delivery URL; paste the Webhooks key shown there here, then Send \'Intent to receive\'.',
   verify=hmac('x-xero-signature',encoding='base64'),handshakes=['xero-intent-to-receive'],response={"status":200,"contentType":"text/plain","body":""}),
 'quickbooks':dict(title='QuickBooks Online',description='QuickBooks Online (Intuit) webhooks, CloudEvents or legacy format: one event per change, quickbooks.<entity>.<action> (quickbooks.customer.created, quickbooks.invoice.updated…) on the entity, with the company related.',
   docs='https://developer.intuit.com/app/developer/qbo/docs/develop/webhooks',setup='developer.intuit.com → your app → Webhooks: paste the URL as Endpoint URL and pick entities; paste the Verifier token shown there here.',
   verify=hmac('intuit-signature',encoding='base64')),
 'clickup':dict(title='ClickUp',description='ClickUp webhooks: clickup.<object>.<action> (clickup.task.created, clickup.task.statusupdated, clickup.list.created…) on the task, list, folder, space or goal, with the user related.',
   docs='https://developer.clickup.com/docs/webhooks',setup='Create the webhook with the API (POST /team/{team_id}/webhook, endpoint = the URL); paste the secret it returns here.',
   verify=hmac('X-Signature')),
 'cal-com':dict(title='Cal.com',description='Cal.com webhooks: cal-com.<object>.<action> (cal-com.booking.created, cal-com.booking.cancelled, cal-com.meeting.ended…) on the booking, with the organizer, attendees and event type related.',
   docs='https://cal.com/docs/developing/guides/automation/webhooks',setup='Settings → Developer → Webhooks → New: paste the URL as Subscriber URL and set a Secret; paste the same secret here.',
   verify=hmac('X-Cal-Signature-256')),
 'airtable':dict(title='Airtable',description='Airtable webhook notifications: airtable.base.changed on the base whenever its webhook has new payloads to fetch, with the Airtable webhook related.',
   docs='https://airtable.com/developers/web/api/webhooks-overview',setup='Create the webhook with the API (POST /v0/bases/{baseId}/webhooks, notificationUrl = the URL); paste its macSecretBase64 here as it is.',
   verify=hmac('X-Airtable-Content-MAC',prefix='hmac-sha256=',secretEncoding='base64')),
 'flux':dict(title='Flux',description='Flux notification-controller alerts (generic-hmac provider): flux.<kind>.<reason> (flux.kustomization.ReconciliationSucceeded, flux.helmrelease.UpgradeFailed…) on the object, with the reporting controller related.',
   docs='https://fluxcd.io/flux/components/notification/providers/#generic-webhook-with-hmac',setup='Create a Provider of type generic-hmac with address = the URL and a Secret whose token is the HMAC key, then an Alert using it; paste the token here.',
   verify=hmac('X-Signature',prefix='sha256=')),
}
for name, p in PRESETS.items():
    out={"title":p['title'],"description":p['description'],"docs":p['docs'],"setup":p['setup'],"verify":p['verify']}
    if p.get('idFrom'): out['idFrom']=p['idFrom']
    if p.get('handshakes'): out['handshakes']=p['handshakes']
    if p.get('response'): out['response']=p['response']
    out['template']=f'{name}.hbs'; out['sample']='sample.json'
    for k in ('description','setup'):
        assert len(out[k])<= (500 if k=='description' else 300), (name,k,len(out[k]))
    with open(f'{T}/{name}/preset.json','w') as f:
        json.dump(out,f,indent=2,ensure_ascii=False); f.write('\n')
print(len(PRESETS))
