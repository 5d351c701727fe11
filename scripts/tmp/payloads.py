import json, os
ROOT='/work/wt-presets-a/test/presets/payloads'
P={}
def add(preset, name, source, license, headers, body, ct='application/json'):
    P.setdefault(preset, []).append((name, dict(source=source, license=license, contentType=ct, headers=headers, body=body)))

DOCS='example payload from the provider documentation; reproduced as an interoperability test fixture'
# typeform
add('typeform','form_response','https://www.typeform.com/developers/webhooks/example-payload/',DOCS,{},{
 "event_id":"LtWXD3crgy","event_type":"form_response","form_response":{"form_id":"lT4Z3j","token":"a3a12ec67a1365927098a606107fac15",
 "submitted_at":"2018-01-18T18:17:02Z","landed_at":"2018-01-18T18:07:02Z","calculated":{"score":9},
 "variables":[{"key":"score","type":"number","number":4},{"key":"name","type":"text","text":"typeform"}],
 "hidden":{"user_id":"abc123456"},
 "definition":{"id":"lT4Z3j","title":"Webhooks example","fields":[
  {"id":"DlXFaesGBpoF","title":"Thanks, {{answer_60906475}}! What's it like to be a {{answer_60906475}}?","type":"long_text","ref":"readable_ref_long_text","allow_multiple_selections":False,"allow_other_choice":False},
  {"id":"SMEUb7VJz92Q","title":"What is your email address?","type":"email","ref":"readable_ref_email","allow_multiple_selections":False,"allow_other_choice":False}]},
 "answers":[
  {"type":"text","text":"It's cold right now! I live in an older medieval house","field":{"id":"DlXFaesGBpoF","type":"long_text","ref":"readable_ref_long_text"}},
  {"type":"email","email":"laura@example.com","field":{"id":"SMEUb7VJz92Q","type":"email","ref":"readable_ref_email"}}],
 "ending":{"id":"dN5FLyFpCMFo","ref":"01GRC8GR2QYB3KQ6Z0ZJGKRNQZ"}}})

# woocommerce
WC={"x-wc-webhook-source":"https://example.com/","x-wc-webhook-topic":"order.created","x-wc-webhook-resource":"order","x-wc-webhook-event":"created","x-wc-webhook-id":"142","x-wc-webhook-delivery-id":"7c2d3d3a5b1e1f9e0c8a6b4d2e0f1a3c"}
add('woocommerce','order.created','https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties (the order a REST v3 webhook delivers)','WooCommerce REST API documentation example, reproduced as an interoperability test fixture',WC,{
 "id":727,"parent_id":0,"number":"727","order_key":"wc_order_58d2d042d1d","created_via":"rest-api","version":"3.0.0","status":"processing","currency":"USD",
 "date_created":"2017-03-22T16:28:02","date_created_gmt":"2017-03-22T19:28:02","date_modified":"2017-03-22T16:28:08","date_modified_gmt":"2017-03-22T19:28:08",
 "discount_total":"0.00","discount_tax":"0.00","shipping_total":"10.00","shipping_tax":"0.00","cart_tax":"1.35","total":"29.35","total_tax":"1.35","prices_include_tax":False,
 "customer_id":0,"customer_ip_address":"","customer_user_agent":"","customer_note":"",
 "billing":{"first_name":"John","last_name":"Doe","company":"","address_1":"969 Market","address_2":"","city":"San Francisco","state":"CA","postcode":"94103","country":"US","email":"john.doe@example.com","phone":"(555) 555-5555"},
 "shipping":{"first_name":"John","last_name":"Doe","company":"","address_1":"969 Market","address_2":"","city":"San Francisco","state":"CA","postcode":"94103","country":"US"},
 "payment_method":"bacs","payment_method_title":"Direct Bank Transfer","transaction_id":"","date_paid":"2017-03-22T16:28:08","date_paid_gmt":"2017-03-22T19:28:08","date_completed":None,"date_completed_gmt":None,"cart_hash":"",
 "line_items":[{"id":315,"name":"Woo Single #1","product_id":93,"variation_id":0,"quantity":2,"tax_class":"","subtotal":"6.00","subtotal_tax":"0.45","total":"6.00","total_tax":"0.45","sku":"","price":3}],
 "shipping_lines":[{"id":317,"method_title":"Flat Rate","method_id":"flat_rate","total":"10.00","total_tax":"0.00"}]})
add('woocommerce','customer.updated','https://woocommerce.github.io/woocommerce-rest-api-docs/#customer-properties (the customer a REST v3 webhook delivers)','WooCommerce REST API documentation example, reproduced as an interoperability test fixture',
 dict(WC, **{"x-wc-webhook-topic":"customer.updated","x-wc-webhook-resource":"customer","x-wc-webhook-event":"updated","x-wc-webhook-delivery-id":"0f6b1c9e8a7d6c5b4a3f2e1d0c9b8a7f"}),{
 "id":25,"date_created":"2017-03-21T16:09:28","date_created_gmt":"2017-03-21T19:09:28","date_modified":"2017-03-21T16:12:28","date_modified_gmt":"2017-03-21T19:12:28",
 "email":"john.doe@example.com","first_name":"John","last_name":"Doe","role":"customer","username":"john.doe",
 "billing":{"first_name":"John","last_name":"Doe","email":"john.doe@example.com","country":"US"},"is_paying_customer":False,"avatar_url":"https://secure.gravatar.com/avatar/8eb1b522f60d11fa897de1dc6351b7e8?s=96"})

# heroku
add('heroku','release.create','https://devcenter.heroku.com/articles/app-webhooks#receiving-webhooks (release example)',DOCS,{"heroku-webhook-id":"9b7b5f8a-8c9e-4d0e-9a1b-2c3d4e5f6a7b"},{
 "id":"f7a4c5a8-3e2b-4f6d-9c1e-0b2a3d4e5f6a","data":{"id":"01234567-89ab-cdef-0123-456789abcdef","app":{"id":"01234567-89ab-cdef-0123-456789abcdef","name":"example"},
  "slug":{"id":"01234567-89ab-cdef-0123-456789abcdef"},"user":{"id":"01234567-89ab-cdef-0123-456789abcdef","email":"username@example.com"},
  "current":True,"status":"succeeded","version":11,"addon_plan_names":["heroku-postgresql:dev"],"description":"Added new feature",
  "output_stream_url":"https://release-output.heroku.com/streams/01234567-89ab-cdef-0123-456789abcdef","created_at":"2012-01-01T12:00:00Z","updated_at":"2012-01-01T12:00:00Z"},
 "actor":{"id":"01234567-89ab-cdef-0123-456789abcdef","email":"username@example.com"},"action":"create","version":"application/vnd.heroku+json; version=3",
 "resource":"release","sequence":None,"created_at":"2026-03-27T11:59:58.123Z","updated_at":"2026-03-27T11:59:58.200Z","published_at":"2026-03-27T11:59:59Z","previous_data":{},
 "webhook_metadata":{"attempt":{"id":"1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"},"delivery":{"id":"9b7b5f8a-8c9e-4d0e-9a1b-2c3d4e5f6a7b"},"event":{"id":"f7a4c5a8-3e2b-4f6d-9c1e-0b2a3d4e5f6a","include":"api:release"},"webhook":{"id":"4c5d6e7f-8a9b-4c0d-8e1f-2a3b4c5d6e7f"}}})

# lemonsqueezy
add('lemonsqueezy','order_created','https://docs.lemonsqueezy.com/help/webhooks/example-payloads (order_created)',DOCS,{"x-event-name":"order_created"},{
 "meta":{"test_mode":True,"event_name":"order_created","custom_data":{"customer_id":25},"webhook_id":"fa0ad67b-4d5b-4c9f-9dbe-3f0d64b6f8f2"},
 "data":{"type":"orders","id":"1","attributes":{"store_id":1,"customer_id":1,"identifier":"104e18a2-d755-4d4b-80c4-a6c1dcbe1c10","order_number":1,"user_name":"Darlene Daugherty","user_email":"gernser@yahoo.com",
  "currency":"USD","currency_rate":"1.0000","subtotal":999,"discount_total":0,"tax":200,"total":1199,"subtotal_usd":999,"discount_total_usd":0,"tax_usd":200,"total_usd":1199,"tax_name":"VAT","tax_rate":"20.00","status":"paid","status_formatted":"Paid","refunded":False,"refunded_at":None,
  "first_order_item":{"id":1,"order_id":1,"product_id":1,"variant_id":1,"product_name":"Test Limited License for 2 years","variant_name":"Default","price":1199,"created_at":"2021-08-17T09:45:53.000000Z","updated_at":"2021-08-17T09:45:53.000000Z","test_mode":False},
  "urls":{"receipt":"https://app.lemonsqueezy.com/my-orders/104e18a2-d755-4d4b-80c4-a6c1dcbe1c10?signature=8847fff02e1bfb0c7c43ff1cdf1b1657a8eed2029413692663b86859208c9f42"},
  "created_at":"2021-08-17T09:45:53.000000Z","updated_at":"2021-08-17T09:45:53.000000Z"},
  "relationships":{"store":{"links":{"related":"https://api.lemonsqueezy.com/v1/orders/1/store","self":"https://api.lemonsqueezy.com/v1/orders/1/relationships/store"}}},
  "links":{"self":"https://api.lemonsqueezy.com/v1/orders/1"}}})
add('lemonsqueezy','subscription_payment_success','https://docs.lemonsqueezy.com/help/webhooks/example-payloads (subscription_payment_success)',DOCS,{"x-event-name":"subscription_payment_success"},{
 "meta":{"test_mode":False,"event_name":"subscription_payment_success","webhook_id":"fa0ad67b-4d5b-4c9f-9dbe-3f0d64b6f8f2"},
 "data":{"type":"subscription-invoices","id":"1","attributes":{"store_id":1,"subscription_id":1,"customer_id":1,"user_name":"Darlene Daugherty","user_email":"gernser@yahoo.com","billing_reason":"initial",
  "card_brand":"visa","card_last_four":"4242","currency":"USD","currency_rate":"1.00000000","status":"paid","status_formatted":"Paid","refunded":False,"refunded_at":None,
  "subtotal":999,"discount_total":0,"tax":200,"total":1199,"test_mode":False,"created_at":"2023-01-18T12:16:24.000000Z","updated_at":"2023-01-18T12:16:24.000000Z"},
  "links":{"self":"https://api.lemonsqueezy.com/v1/subscription-invoices/1"}}})

# gitea
GH={"x-gitea-event":"push","x-gitea-event-type":"push","x-gitea-delivery":"f6266f16-1bf3-46a5-9ea4-602e06ead473"}
REPO={"id":140,"owner":{"id":1,"login":"gitea","full_name":"","email":"someone@example.com","username":"gitea"},"name":"webhooks","full_name":"gitea/webhooks","description":"","private":False,"fork":False,
 "html_url":"http://localhost:3000/gitea/webhooks","ssh_url":"ssh://gitea@localhost:2222/gitea/webhooks.git","clone_url":"http://localhost:3000/gitea/webhooks.git","default_branch":"master","created_at":"2017-02-26T04:29:06-05:00","updated_at":"2017-03-13T13:51:58-04:00"}
USER={"id":1,"login":"gitea","full_name":"","email":"someone@example.com","username":"gitea"}
add('gitea','push','https://docs.gitea.com/usage/webhooks (push example)','Gitea documentation (MIT, go-gitea/gitea), reproduced as a test fixture',GH,{
 "ref":"refs/heads/develop","before":"28e1879d029cb852e4844d9c718537df08844e03","after":"bffeb74224043ba2feb48d137756c8a9331c449a","compare_url":"http://localhost:3000/gitea/webhooks/compare/28e1879d029cb852e4844d9c718537df08844e03...bffeb74224043ba2feb48d137756c8a9331c449a",
 "commits":[{"id":"bffeb74224043ba2feb48d137756c8a9331c449a","message":"Webhooks Yay!","url":"http://localhost:3000/gitea/webhooks/commit/bffeb74224043ba2feb48d137756c8a9331c449a",
  "author":{"name":"Gitea","email":"someone@gitea.io","username":"gitea"},"committer":{"name":"Gitea","email":"someone@gitea.io","username":"gitea"},"timestamp":"2017-03-13T13:52:11-04:00"}],
 "repository":REPO,"pusher":USER,"sender":USER})
PR={"id":1,"number":12,"user":USER,"title":"Add webhooks docs","body":"","state":"open","html_url":"http://localhost:3000/gitea/webhooks/pulls/12",
 "head":{"label":"feature","ref":"feature","sha":"bffeb74224043ba2feb48d137756c8a9331c449a"},"base":{"label":"master","ref":"master","sha":"28e1879d029cb852e4844d9c718537df08844e03"},
 "merged":False,"created_at":"2017-03-13T13:52:11-04:00","updated_at":"2017-03-13T13:52:11-04:00"}
add('gitea','pull_request.opened','https://docs.gitea.com/usage/webhooks (pull_request payload, shape of modules/structs/hook.go PullRequestPayload)','Gitea documentation and structs (MIT, go-gitea/gitea), reproduced as a test fixture',
 {"x-gitea-event":"pull_request","x-gitea-event-type":"pull_request","x-gitea-delivery":"5b8bde8f-bc4d-4b8e-9a0f-7c6b6a1e2d3c"},{"action":"opened","number":12,"pull_request":PR,"repository":REPO,"sender":USER})

# vercel
add('vercel','deployment.created','https://vercel.com/docs/webhooks/webhooks-api#deployment.created',DOCS,{},{
 "id":"uev_kbXvE1ZS7nQsDAbDeWuHdGbP","type":"deployment.created","createdAt":1774609190000,"region":"sfo1",
 "payload":{"team":{"id":"team_X4yEtAfP4WhwLaxfVOwLLgai"},"user":{"id":"Df9E8Y6QO7oJ9b6Y8jCxXDuN"},"alias":["my-app-git-main-acme.vercel.app"],
  "deployment":{"id":"dpl_2yb9PRqWNHtRPbjgSbCPmqGWjVzu","meta":{"githubCommitRef":"main","githubCommitSha":"dc36199b2234c6586ebe05ec94078a895c707e29"},"url":"my-app-9ox3m1zkr-acme.vercel.app","name":"my-app","inspectorUrl":"https://vercel.com/acme/my-app/2yb9PRqWNHtRPbjgSbCPmqGWjVzu"},
  "links":{"deployment":"https://vercel.com/acme/my-app/2yb9PRqWNHtRPbjgSbCPmqGWjVzu","project":"https://vercel.com/acme/my-app"},
  "name":"my-app","plan":"pro","project":{"id":"prj_ndlgr43fadlPyCtREAqxxdyFK"},"regions":["iad1"],"target":"production","type":"LAMBDAS","url":"my-app-9ox3m1zkr-acme.vercel.app"}})

# terraform cloud
add('terraform-cloud','run.errored','https://developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations#notification-payload',DOCS,{},{
 "payload_version":1,"notification_configuration_id":"nc-AeUQ2zfKZzW9TiGZ","run_url":"https://app.terraform.io/app/acme-org/my-workspace/runs/run-FwnENkvDnrpyFC7M",
 "run_id":"run-FwnENkvDnrpyFC7M","run_message":"Add five new queue workers","run_created_at":"2019-01-25T18:34:00.000Z","run_created_by":"sample-user",
 "workspace_id":"ws-XdeUVMWShTesDMME","workspace_name":"my-workspace","organization_name":"acme-org",
 "notifications":[{"message":"Run Canceled","trigger":"run:errored","run_status":"canceled","run_updated_at":"2019-01-25T18:37:04.000Z","run_updated_by":"sample-user"}]})
add('terraform-cloud','verification','https://developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations#notification-verification-and-delivery-responses',DOCS,{},{
 "payload_version":1,"notification_configuration_id":"nc-AeUQ2zfKZzW9TiGZ","run_url":None,"run_id":None,"run_message":None,"run_created_at":None,"run_created_by":None,
 "workspace_id":None,"workspace_name":None,"organization_name":None,
 "notifications":[{"message":"Verification of test","trigger":"verification","run_status":None,"run_updated_at":None,"run_updated_by":None}]})
add('terraform-cloud','assessment.drifted','https://developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations#workspace-notification-payload',DOCS,{},{
 "payload_version":"2","notification_configuration_id":"nc-jWvVsmp5VxsaCeXm","notification_configuration_url":"https://app.terraform.io/api/v2/notification-configurations/nc-jWvVsmp5VxsaCeXm",
 "trigger_scope":"assessment","trigger":"assessment:drifted","message":"Drift Detected","details":{
  "new_assessment_result":{"id":"asmtres-vRVQxpqq64EA9V5a","url":"https://app.terraform.io/api/v2/assessment-results/asmtres-vRVQxpqq64EA9V5a","succeeded":True,"drifted":True,"all_checks_succeeded":True,"resources_drifted":4,"resources_undrifted":55,"checks_passed":33,"checks_failed":0,"checks_errored":0,"checks_unknown":0,"created_at":"2022-06-09T05:23:10Z"},
  "prior_assessment_result":{"id":"asmtres-A6zEbpGArqP74fdL","url":"https://app.terraform.io/api/v2/assessment-results/asmtres-A6zEbpGArqP74fdL","succeeded":True,"drifted":True,"all_checks_succeeded":True,"resources_drifted":4,"resources_undrifted":55,"checks_passed":33,"checks_failed":0,"checks_errored":0,"checks_unknown":0,"created_at":"2022-06-09T05:22:51Z"},
  "workspace_id":"ws-XdeUVMWShTesDMME","workspace_name":"my-workspace","organization_name":"acme-org"}})

# launchdarkly
add('launchdarkly','flag.updateOn','https://launchdarkly.com/docs/home/account/webhooks (example payload)',DOCS,{},{
 "_links":{"canonical":{"href":"/api/v2/flags/default/alternate.page","type":"application/json"},"parent":{"href":"/api/v2/auditlog","type":"application/json"},
  "self":{"href":"/api/v2/auditlog/5defc3d10f3e4b08e2f5ef2d","type":"application/json"},"site":{"href":"/default/~/features/alternate.page","type":"text/html"}},
 "_id":"5defc3d10f3e4b08e2f5ef2d","_accountId":"5b7a8d7c4ad0dd1f8b3e5c9a","date":1575994321563,
 "accesses":[{"action":"updateOn","resource":"proj/default:env/production:flag/alternate.page"}],
 "kind":"flag","name":"Alternate product page","description":"- Changed the flag to on","shortDescription":"","comment":"",
 "member":{"_links":{"parent":{"href":"/api/v2/members","type":"application/json"},"self":{"href":"/api/v2/members/5a3c0d5a4c8cd60c2f7b1a5f","type":"application/json"}},"_id":"5a3c0d5a4c8cd60c2f7b1a5f","email":"user@launchdarkly.com","firstName":"Ada","lastName":"Lovelace"},
 "titleVerb":"turned on the flag","title":"Ada Lovelace turned on the flag [Alternate product page](https://app.launchdarkly.com/default/production/features/alternate.page) in `Production`",
 "target":{"_links":{"canonical":{"href":"/api/v2/flags/default/alternate.page","type":"application/json"},"site":{"href":"/default/~/features/alternate.page","type":"text/html"}},"name":"Alternate product page","resources":["proj/default:env/production:flag/alternate.page"]}})

# intercom
add('intercom','conversation.user.created','https://developers.intercom.com/docs/references/webhooks/webhook-models (notification model)',DOCS,{},{
 "type":"notification_event","app_id":"a86dr8yl","data":{"type":"notification_event_data","item":{"type":"conversation","id":"147","created_at":1774609195,"updated_at":1774609195,
  "title":None,"state":"open","open":True,"read":False,"priority":"not_priority","admin_assignee_id":None,"team_assignee_id":None,
  "source":{"type":"conversation","id":"403918311","delivered_as":"customer_initiated","subject":"","body":"<p>Hi, can you help?</p>","author":{"type":"user","id":"5f7f0d217289f8d2f4262080","name":"Joe Bloggs","email":"joe@example.com"}},
  "contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"5f7f0d217289f8d2f4262080"}]}}},
 "links":{},"id":"notif_ccd8a4d0-f965-11e3-a367-c779cae3e1b3","topic":"conversation.user.created","delivery_status":"pending","delivery_attempts":1,"delivered_at":0,
 "first_sent_at":1774609196,"created_at":1774609196,"self":None})
add('intercom','ping','https://developers.intercom.com/docs/webhooks/webhook-notifications (ping topic)',DOCS,{},{
 "type":"notification_event","app_id":"a86dr8yl","data":{"type":"notification_event_data","item":{"type":"ping","message":"something something interzen"}},
 "links":{},"id":"notif_2ca6fc8a-c0d6-41d5-bb2f-f7e1e1c2a4f1","topic":"ping","delivery_status":None,"delivery_attempts":1,"delivered_at":0,"first_sent_at":1774609196,"created_at":1774609196,"self":None})

# bitbucket
BB_REPO={"type":"repository","full_name":"team_name/repo_name","name":"repo_name","uuid":"{a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d}","is_private":True,
 "links":{"html":{"href":"https://bitbucket.org/team_name/repo_name"}},"workspace":{"type":"workspace","slug":"team_name","name":"Team Name","uuid":"{b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e}"},
 "project":{"type":"project","key":"PROJ","name":"Project","uuid":"{c3d4e5f6-a7b8-4c9d-0e1f-2a3b4c5d6e7f}"}}
BB_ACTOR={"type":"user","display_name":"Emma","uuid":"{d4e5f6a7-b8c9-4d0e-1f2a-3b4c5d6e7f8a}","account_id":"557058:d4e5f6a7","nickname":"emma"}
add('bitbucket','repo.push','https://support.atlassian.com/bitbucket-cloud/docs/event-payloads/#Push',DOCS,{"x-event-key":"repo:push","x-request-uuid":"afe7d5b5-7d7e-4b3f-9f4e-2d6c6a3b9e11","x-hook-uuid":"{e5f6a7b8-c9d0-4e1f-2a3b-4c5d6e7f8a9b}"},{
 "push":{"changes":[{"new":{"type":"branch","name":"main","target":{"type":"commit","hash":"709d658dc5b6d6afcd46049c2f332ee3f515a67d","message":"Update README\n","date":"2026-03-27T10:58:00+00:00"}},
  "old":{"type":"branch","name":"main","target":{"type":"commit","hash":"1e65c05c1d5171631d92438a13901ca7dae9618c"}},"created":False,"forced":False,"closed":False,"truncated":False,
  "commits":[{"hash":"709d658dc5b6d6afcd46049c2f332ee3f515a67d","type":"commit","message":"Update README\n"}]}]},
 "actor":BB_ACTOR,"repository":BB_REPO})
add('bitbucket','pullrequest.created','https://support.atlassian.com/bitbucket-cloud/docs/event-payloads/#Created.1',DOCS,{"x-event-key":"pullrequest:created","x-request-uuid":"0b5cf2a4-6a4d-4e8e-8f41-4f0c2c9b7d21","x-hook-uuid":"{e5f6a7b8-c9d0-4e1f-2a3b-4c5d6e7f8a9b}"},{
 "actor":BB_ACTOR,"repository":BB_REPO,"pullrequest":{"id":1,"title":"Add a README","description":"","state":"OPEN","author":BB_ACTOR,
  "source":{"branch":{"name":"feature/readme"},"commit":{"hash":"709d658dc5b6"},"repository":{"full_name":"team_name/repo_name"}},
  "destination":{"branch":{"name":"main"},"commit":{"hash":"1e65c05c1d51"},"repository":{"full_name":"team_name/repo_name"}},
  "links":{"html":{"href":"https://bitbucket.org/team_name/repo_name/pull-requests/1"}},"created_on":"2026-03-27T11:59:00.000000+00:00","updated_on":"2026-03-27T11:59:00.000000+00:00"}})

# segment
add('segment','track','https://segment.com/docs/connections/spec/track/#example',DOCS,{},{
 "anonymousId":"23adfd82-aa0f-45a7-a756-24f2a7a4c895","context":{"library":{"name":"analytics.js","version":"2.11.1"},"page":{"path":"/academy/","referrer":"","search":"","title":"Analytics Academy","url":"https://segment.com/academy/"},"ip":"108.0.78.21"},
 "event":"Course Clicked","integrations":{},"messageId":"ajs-f8ca1e4de5024d9430b3928bd8ac6b96","properties":{"title":"Intro to Analytics"},
 "receivedAt":"2015-12-12T19:11:01.266Z","sentAt":"2015-12-12T19:11:01.169Z","timestamp":"2015-12-12T19:11:01.249Z","type":"track","userId":"AiUGstSDIg","originalTimestamp":"2015-12-12T19:11:01.152Z"})
add('segment','identify','https://segment.com/docs/connections/spec/identify/#example',DOCS,{},{
 "anonymousId":"507f191e810c19729de860ea","channel":"browser","context":{"ip":"8.8.8.8","userAgent":"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/58.0.3029.110 Safari/537.36"},
 "integrations":{"All":False,"Mixpanel":True,"Salesforce":True},"messageId":"022bb90c-bbac-11e4-8dfc-aa07a5b093db","receivedAt":"2015-02-23T22:28:55.387Z","sentAt":"2015-02-23T22:28:55.111Z",
 "timestamp":"2015-02-23T22:28:55.111Z","traits":{"name":"Peter Gibbons","email":"peter@example.com","plan":"premium","logins":5,"address":{"street":"6th St","city":"San Francisco","state":"CA","postalCode":"94103","country":"USA"}},
 "type":"identify","userId":"97980cfea0067","version":"1.1"})

# circleci
add('circleci','workflow-completed','https://circleci.com/docs/webhooks-reference/#sample-webhook-payloads (workflow-completed)',DOCS,{},{
 "type":"workflow-completed","id":"3888f21b-eaa7-38e3-8f3d-75a63bba8895","happened_at":"2021-09-01T22:49:34.317Z","webhook":{"id":"cf8c4fdd-0587-4da1-b4ca-4846e9640af9","name":"Sample Webhook"},
 "project":{"id":"84996744-a854-4f5e-aea3-04e2851dc1d2","name":"webhook-service","slug":"github/circleci/webhook-service"},"organization":{"id":"f22b6566-597d-46d5-ba74-99ef5bb3d85c","name":"circleci"},
 "workflow":{"id":"fda08377-fe7e-46b1-8992-3a7aaecac9c3","name":"build-test-deploy","created_at":"2021-09-01T22:49:03.616Z","stopped_at":"2021-09-01T22:49:34.170Z","url":"https://app.circleci.com/pipelines/github/circleci/webhook-service/130/workflows/fda08377-fe7e-46b1-8992-3a7aaecac9c3","status":"success"},
 "pipeline":{"id":"1285fe1d-d3a6-44fc-8886-8979558254c4","number":130,"created_at":"2021-09-01T22:49:03.544Z","trigger":{"type":"webhook"},
  "vcs":{"provider_name":"github","origin_repository_url":"https://github.com/circleci/webhook-service","target_repository_url":"https://github.com/circleci/webhook-service","revision":"1dc6aa69429bff4806ad6afe58d3d8f57e25973e",
   "commit":{"subject":"Description of change","body":"More details about the change","author":{"name":"Author Name","email":"author.email@example.com"},"authored_at":"2021-09-01T22:48:53Z","committer":{"name":"Committer Name","email":"committer.email@example.com"},"committed_at":"2021-09-01T22:48:53Z"},"branch":"main"}}})
add('circleci','job-completed','https://circleci.com/docs/webhooks-reference/#sample-webhook-payloads (job-completed)',DOCS,{},{
 "type":"job-completed","id":"8bd26ba7-1f81-4eab-8a9d-e3a1cb4dfeb4","happened_at":"2021-09-01T22:49:34.279Z","webhook":{"id":"cf8c4fdd-0587-4da1-b4ca-4846e9640af9","name":"Sample Webhook"},
 "project":{"id":"84996744-a854-4f5e-aea3-04e2851dc1d2","name":"webhook-service","slug":"github/circleci/webhook-service"},"organization":{"id":"f22b6566-597d-46d5-ba74-99ef5bb3d85c","name":"circleci"},
 "workflow":{"id":"fda08377-fe7e-46b1-8992-3a7aaecac9c3","name":"build-test-deploy","created_at":"2021-09-01T22:49:03.616Z","stopped_at":"2021-09-01T22:49:34.170Z","url":"https://app.circleci.com/pipelines/github/circleci/webhook-service/130/workflows/fda08377-fe7e-46b1-8992-3a7aaecac9c3","status":"success"},
 "pipeline":{"id":"1285fe1d-d3a6-44fc-8886-8979558254c4","number":130,"created_at":"2021-09-01T22:49:03.544Z","trigger":{"type":"webhook"},"vcs":{"provider_name":"github","revision":"1dc6aa69429bff4806ad6afe58d3d8f57e25973e","branch":"main"}},
 "job":{"id":"8bd26ba7-1f81-4eab-8a9d-e3a1cb4dfeb4","name":"test","started_at":"2021-09-01T22:49:28.841Z","stopped_at":"2021-09-01T22:49:34.170Z","status":"success","number":136}})

# coinbase commerce: the official node SDK's signed test vector
CB='{"id":1,"scheduled_for":"2017-01-31T20:50:02Z","attempt_number":1,"event":{"id":"24934862-d980-46cb-9402-43c81b0cdba6","type":"charge:created","api_version":"2018-03-22","created_at":"2017-01-31T20:49:02Z","data":{"code":"66BEOV2A","name":"The Sovereign Individual","description":"Mastering the Transition to the Information Age","hosted_url":"https://commerce.coinbase.com/charges/66BEOV2A","created_at":"2017-01-31T20:49:02Z","expires_at":"2017-01-31T21:04:02Z","timeline":[{"time":"2017-01-31T20:49:02Z","status":"NEW"}],"metadata":{},"pricing_type":"no_price","payments":[],"addresses":{"bitcoin":"0000000000000000000000000000000000","ethereum":"0x0000000000000000000000000000000000000000","litecoin":"3000000000000000000000000000000000","bitcoincash":"bitcoincash:000000000000000000000000000000000000000000"}}}}'
add('coinbase-commerce','charge.created','https://github.com/coinbase/coinbase-commerce-node/blob/master/test/testWebhook.spec.js (signed test vector)','Apache-2.0 (coinbase/coinbase-commerce-node)',{"x-cc-webhook-signature":"8be7742c7d372f08a6a3224edadf18a22b65fa9e28f3f2de97376cdaa092590d"},json.loads(CB))

# razorpay
add('razorpay','payment.captured','https://razorpay.com/docs/webhooks/payloads/payments/#payment-captured',DOCS,{"x-razorpay-event-id":"HCzhXeJc9yXHOq"},{
 "entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.captured","contains":["payment"],
 "payload":{"payment":{"entity":{"id":"pay_DESlfW9H8K9uqM","entity":"payment","amount":100,"currency":"INR","base_amount":100,"status":"captured","order_id":"order_DESlLckIVRkHWj","invoice_id":None,
  "international":False,"method":"netbanking","amount_refunded":0,"amount_transferred":0,"refund_status":None,"captured":True,"description":None,"card_id":None,"bank":"HDFC","wallet":None,"vpa":None,
  "email":"gaurav.kumar@example.com","contact":"+919876543210","notes":[],"fee":2,"tax":0,"error_code":None,"error_description":None,"error_source":None,"error_step":None,"error_reason":None,
  "acquirer_data":{"bank_transaction_id":"0125836177"},"created_at":1567674599}}},"created_at":1567674606})
add('razorpay','refund.processed','https://razorpay.com/docs/webhooks/payloads/refunds/#refund-processed',DOCS,{"x-razorpay-event-id":"JBh5XdDqDDAsNq"},{
 "entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"refund.processed","contains":["refund","payment"],
 "payload":{"refund":{"entity":{"id":"rfnd_DET0TDqZQuSvmd","entity":"refund","amount":100,"currency":"INR","payment_id":"pay_DESlfW9H8K9uqM","notes":[],"receipt":None,"acquirer_data":{"rrn":None},
   "created_at":1567675397,"batch_id":None,"status":"processed","speed_processed":"normal","speed_requested":"normal"}},
  "payment":{"entity":{"id":"pay_DESlfW9H8K9uqM","entity":"payment","amount":100,"currency":"INR","status":"captured","order_id":"order_DESlLckIVRkHWj","invoice_id":None,"international":False,"method":"netbanking",
   "amount_refunded":100,"refund_status":"full","captured":True,"description":None,"card_id":None,"bank":"HDFC","wallet":None,"vpa":None,"email":"gaurav.kumar@example.com","contact":"+919876543210","notes":[],"fee":2,"tax":0,"created_at":1567674599}}},
 "created_at":1567675397})

# checkout.com
add('checkout-com','payment_approved','https://www.checkout.com/docs/developer-resources/webhooks/webhook-event-types (payment_approved example)',DOCS,{},{
 "id":"evt_az5sblvku4ge3dwpztvyizgcau","type":"payment_approved","version":"1.0.33","created_on":"2019-08-23T13:12:43.8630001Z",
 "data":{"id":"pay_wlu3wxc26jounofs5iez75qaqa","action_id":"act_wlu3wxc26jounofs5iez75qaqa","amount":10000,"currency":"USD","approved":True,"status":"Authorized","auth_code":"143839",
  "response_code":"10000","response_summary":"Approved","3ds":{"downgraded":True,"enrolled":"N"},"flagged":True,"source":{"type":"card","id":"src_wlu3wxc26jounofs5iez75qaqa","billing_address":{},"expiry_month":6,"expiry_year":2025,"name":"Bruce Wayne","scheme":"Visa","last_4":"4242","fingerprint":"F31828E2BDABAE63EB4EB7D8C1E25F2D62C8B3D8","bin":"424242","card_type":"Credit","card_category":"Consumer","issuer":"JPMORGAN CHASE BANK NA","issuer_country":"US","product_id":"A","product_type":"Visa Traditional"},
  "customer":{"id":"cus_ebxdx7zrbwbu5jzefp4mkv7hxq","email":"bruce@wayne-enterprises.com","name":"Bruce Wayne"},"processed_on":"2019-08-23T13:12:43Z","reference":"ORD-5023-4E89","metadata":{}},
 "_links":{"self":{"href":"https://api.sandbox.checkout.com/workflows/events/evt_az5sblvku4ge3dwpztvyizgcau"},"subject":{"href":"https://api.sandbox.checkout.com/workflows/events/subject/pay_wlu3wxc26jounofs5iez75qaqa"}}})

# xero
add('xero','contact.update','https://developer.xero.com/documentation/guides/webhooks/overview/ (event payload example)',DOCS,{},{
 "events":[{"resourceUrl":"https://api.xero.com/api.xro/2.0/Contacts/717f2bfc-c6d4-41fd-b238-3f2f0c0cf777","resourceId":"717f2bfc-c6d4-41fd-b238-3f2f0c0cf777","eventDateUtc":"2017-06-21T01:15:39.902",
  "eventType":"UPDATE","eventCategory":"CONTACT","tenantId":"c2cc9b6e-9458-4c7d-93cc-f02b81b0594f","tenantType":"ORGANISATION"},
  {"resourceUrl":"https://api.xero.com/api.xro/2.0/Invoices/22a2c0a5-13a6-4f0e-8a2f-5fd1b9a2d4e3","resourceId":"22a2c0a5-13a6-4f0e-8a2f-5fd1b9a2d4e3","eventDateUtc":"2017-06-21T01:16:02.512",
  "eventType":"CREATE","eventCategory":"INVOICE","tenantId":"c2cc9b6e-9458-4c7d-93cc-f02b81b0594f","tenantType":"ORGANISATION"}],
 "lastEventSequence":2,"firstEventSequence":1,"entropy":"S0m3r4Nd0mt3xt"})
add('xero','intent-to-receive','https://developer.xero.com/documentation/guides/webhooks/configuring-your-server/#intent-to-receive',DOCS,{},{
 "events":[],"firstEventSequence":0,"lastEventSequence":0,"entropy":"XVTXLBSYLRZSAOHIUCBY"})

# quickbooks
add('quickbooks','legacy.create','https://developer.intuit.com/app/developer/qbo/docs/develop/webhooks/entities-and-operations-supported (legacy payload example)',DOCS,{},{
 "eventNotifications":[{"realmId":"1185883450","dataChangeEvent":{"entities":[
  {"name":"Customer","id":"1","operation":"Create","lastUpdated":"2015-10-05T14:42:19-0700"},
  {"name":"Vendor","id":"1","operation":"Create","lastUpdated":"2015-10-05T14:42:19-0700"}]}}]})
add('quickbooks','cloudevents.customer.created','https://developer.intuit.com/app/developer/qbo/docs/develop/webhooks (CloudEvents payload example)',DOCS,{},[
 {"specversion":"1.0","id":"88cd52aa-33b6-4351-9aa5-ddd3b4e3c4d7","source":"intuit.dsnBgbseACLLRZNxo2dfc4evmEJdxde58xeeYcZliOU=","type":"qbo.customer.created.v1",
  "datacontenttype":"application/json","time":"2025-09-10T21:31:25.179Z","intuitentityid":"1234","intuitaccountid":"310687","data":{}},
 {"specversion":"1.0","id":"7c3f0a5e-4e8b-4bfc-9b3a-12d45e6f7a8b","source":"intuit.dsnBgbseACLLRZNxo2dfc4evmEJdxde58xeeYcZliOU=","type":"qbo.invoice.updated.v1",
  "datacontenttype":"application/json","time":"2025-09-10T21:31:27.502Z","intuitentityid":"145","intuitaccountid":"310687","data":{}}])

# clickup
CU_USER={"id":183,"username":"John","email":"john@company.com","color":"#7b68ee","initials":"J","profilePicture":None}
add('clickup','taskCreated','https://developer.clickup.com/docs/webhooktaskpayloads (taskCreated)',DOCS,{},{
 "event":"taskCreated","history_items":[
  {"id":"2800763136717140857","type":1,"date":"1642734631523","field":"status","parent_id":"162641062","data":{"status_type":"open"},"source":None,"user":CU_USER,
   "before":{"status":None,"color":"#000000","type":"removed","orderindex":-1},"after":{"status":"to do","color":"#f9d900","orderindex":0,"type":"open"}},
  {"id":"2800763136700363640","type":1,"date":"1642734631523","field":"task_creation","parent_id":"162641062","data":{},"source":None,"user":CU_USER,"before":None,"after":None}],
 "task_id":"1vj37mc","webhook_id":"7fa3ec74-69a8-4530-a251-8a13730bd204"})
add('clickup','taskStatusUpdated','https://developer.clickup.com/docs/webhooktaskpayloads (taskStatusUpdated)',DOCS,{},{
 "event":"taskStatusUpdated","history_items":[{"id":"2800787326392370170","type":1,"date":"1642736073330","field":"status","parent_id":"162641062","data":{"status_type":"custom"},"source":None,"user":CU_USER,
  "before":{"status":"to do","color":"#f9d900","orderindex":0,"type":"open"},"after":{"status":"in progress","color":"#7C4DFF","orderindex":1,"type":"custom"}}],
 "task_id":"1vj37mc","webhook_id":"7fa3ec74-69a8-4530-a251-8a13730bd204"})
add('clickup','listCreated','https://developer.clickup.com/docs/webhooklistpayloads (listCreated)',DOCS,{},{
 "event":"listCreated","list_id":"162641285","webhook_id":"7fa3ec74-69a8-4530-a251-8a13730bd204"})

# cal.com
add('cal-com','BOOKING_CREATED','https://cal.com/docs/developing/guides/automation/webhooks#example-payload',DOCS,{},{
 "triggerEvent":"BOOKING_CREATED","createdAt":"2023-05-24T09:30:00.538Z","payload":{"type":"60min","title":"60min between Pro Example and John Doe","description":"","additionalNotes":"","customInputs":{},
  "startTime":"2023-05-25T09:30:00Z","endTime":"2023-05-25T10:30:00Z",
  "organizer":{"id":5,"name":"Pro Example","email":"pro@example.com","username":"pro","timeZone":"Asia/Kolkata","language":{"locale":"en"},"timeFormat":"h:mma"},
  "responses":{"name":{"label":"your_name","value":"John Doe"},"email":{"label":"email_address","value":"john.doe@example.com"},"location":{"label":"location","value":{"optionValue":"","value":"Cal Video"}},"notes":{"label":"additional_notes"},"guests":{"label":"additional_guests"},"rescheduleReason":{"label":"reschedule_reason"}},
  "userFieldsResponses":{},"attendees":[{"email":"john.doe@example.com","name":"John Doe","timeZone":"Asia/Kolkata","language":{"locale":"en"}}],"location":"Cal Video",
  "destinationCalendar":{"id":10,"integration":"apple_calendar","externalId":"https://caldav.icloud.com/1234567/calendars/A1B2C3D4-E5F6-G7H8-I9J0-K1L2M3N4O5P6/","userId":5,"eventTypeId":None,"credentialId":1},
  "hideCalendarNotes":False,"requiresConfirmation":None,"eventTypeId":7,"seatsShowAttendees":True,"seatsPerTimeSlot":None,"uid":"bFJeNb2uX8ANpT3JL5EfXw",
  "appsStatus":[{"appName":"Cal Video","type":"daily_video","success":1,"failures":0,"errors":[],"warnings":[]}],"eventTitle":"60min","eventDescription":"","price":0,"currency":"usd","length":60,"bookingId":91,
  "metadata":{"videoCallUrl":"https://app.cal.com/video/bFJeNb2uX8ANpT3JL5EfXw"},"status":"ACCEPTED"}})

# airtable
add('airtable','notification','https://airtable.com/developers/web/api/webhooks-overview#webhook-notification-delivery',DOCS,{},{
 "base":{"id":"appiOsDTvb7KMChGE"},"webhook":{"id":"ach00000000000000"},"timestamp":"2022-02-01T21:25:05.663Z"})

# flux
add('flux','kustomization.ReconciliationSucceeded','https://fluxcd.io/flux/components/notification/events/#event-structure (generic webhook example)','Apache-2.0 (fluxcd/notification-controller documentation)',{"gotk-component":"kustomize-controller"},{
 "involvedObject":{"kind":"Kustomization","namespace":"flux-system","name":"apps","uid":"7d0cdc51-ddcf-4743-b223-83ca5c699632","apiVersion":"kustomize.toolkit.fluxcd.io/v1","resourceVersion":"56921"},
 "severity":"info","timestamp":"2022-06-08T10:44:22Z","message":"Service/default/podinfo configured\nDeployment/default/podinfo configured","reason":"ReconciliationSucceeded",
 "metadata":{"revision":"main@sha1:8a0b0b2d0a1f3bb9f4d4df6d4e2e1d0b9f8c7a6b","commit_status":"update"},"reportingController":"kustomize-controller","reportingInstance":"kustomize-controller-7f5b8d9c6-2xqjx"})
add('flux','helmrelease.UpgradeFailed','https://fluxcd.io/flux/components/notification/events/#event-structure (an error event of helm-controller)','Apache-2.0 (fluxcd/notification-controller documentation)',{"gotk-component":"helm-controller"},{
 "involvedObject":{"kind":"HelmRelease","namespace":"default","name":"podinfo","uid":"0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e","apiVersion":"helm.toolkit.fluxcd.io/v2","resourceVersion":"91012"},
 "severity":"error","timestamp":"2026-03-27T11:58:40Z","message":"Helm upgrade failed for release default/podinfo with chart podinfo@6.5.4: context deadline exceeded","reason":"UpgradeFailed",
 "metadata":{"revision":"6.5.4"},"reportingController":"helm-controller","reportingInstance":"helm-controller-5d8c9b7f4-kq2lm"})

for preset, items in P.items():
    os.makedirs(f'{ROOT}/{preset}', exist_ok=True)
    for name, data in items:
        with open(f'{ROOT}/{preset}/{name}.json','w') as f:
            json.dump(data, f, indent=2, ensure_ascii=False); f.write('\n')
    # sample.json: the first payload, as a request
    name, data = items[0]
    headers = {"content-type": data['contentType'], **data['headers']}
    with open(f'/work/wt-presets-a/templates/{preset}/sample.json','w') as f:
        json.dump({"method":"POST","headers":headers,"body":data['body']}, f, indent=2, ensure_ascii=False); f.write('\n')
print({k: len(v) for k,v in P.items()}, len(P))
