// Support conversations an outdoor-apparel store really gets. Placeholders in braces are
// filled per ticket: {first} {order} {product} {agent} {store} {tracking} {carrier} {size} {code}.

export interface Topic {
  key: string;
  subjects: string[];
  tags: string[];
  team: "tier1" | "returns" | "vip";
  intent: string;
  opening: string[];
  followups: string[];
  replies: string[];
  agentFollowups: string[];
  notes: string[];
}

export const TOPICS: readonly Topic[] = [
  {
    key: "wismo",
    subjects: ["Where is my order {order}?", "Order {order} hasn't arrived", "Any update on {order}?", "Tracking not updating"],
    tags: ["order-status", "shipping-delay"],
    team: "tier1",
    intent: "shipping/status",
    opening: [
      "I placed order {order} over a week ago and the tracking link still says \"label created\". I need the {product} for a trip this weekend. Can you tell me where it is?",
      "Hi, my order {order} was supposed to arrive on Tuesday but nothing yet. The {carrier} tracking hasn't moved in four days. Is it lost?",
      "Could you check on {order}? I got the shipping confirmation but the tracking number {tracking} doesn't show anything.",
    ],
    followups: [
      "Thanks. It still hasn't moved though. If it doesn't arrive by Friday can you send a replacement?",
      "Just checked again and it now says out for delivery. Fingers crossed!",
      "It arrived today, thank you for chasing it!",
    ],
    replies: [
      "Thanks for reaching out, and sorry for the wait. I checked {order}: it left our warehouse on time and is with {carrier} under tracking {tracking}. The scan gap is on their side; parcels usually start moving again within 48 hours.",
      "I looked into {order} for you. {carrier} had a sorting delay at their regional hub this week, so the tracking froze for a few days. It is moving again and the new estimate is two business days.",
    ],
    agentFollowups: [
      "I have opened a trace with {carrier}. If it is not delivered by Friday I will ship a replacement {product} by express at no cost.",
      "Great news, glad it made it in time. Enjoy the trip!",
    ],
    notes: [
      "Carrier trace opened with {carrier}, ref TR-{code}. Replacement approved if no scan by Friday.",
      "Customer has a trip this weekend; flagging in case we need an express replacement.",
    ],
  },
  {
    key: "damaged",
    subjects: ["Damaged {product}", "Item arrived broken", "{product} damaged in transit"],
    tags: ["damaged", "refund"],
    team: "returns",
    intent: "order/damaged",
    opening: [
      "My {product} from order {order} arrived with a torn seam along the side and the box was crushed. I've attached photos. What can you do?",
      "The {product} I received is damaged: the zipper pull snapped off the first time I used it. Order {order}. Really disappointed.",
    ],
    followups: [
      "Photos attached again in case the first ones didn't come through.",
      "A replacement would be great, same size please.",
    ],
    replies: [
      "I am really sorry your {product} arrived like that. Thank you for the photos, they help a lot. I can send a replacement right away or refund you in full; which would you prefer? There is no need to send the damaged one back.",
      "So sorry about this. That should never leave our warehouse. I have logged it with our quality team and can ship a replacement today.",
    ],
    agentFollowups: [
      "Done: the replacement ships today and you will get a tracking link by email within a few hours.",
      "Your refund for {order} has been issued; it can take 5-10 business days to show on your statement.",
    ],
    notes: [
      "Photos confirm transit damage. Filed a claim with {carrier} (claim {code}).",
      "Second damaged {product} this week from the same batch; pinging the warehouse lead.",
    ],
  },
  {
    key: "wrong-item",
    subjects: ["Wrong item received", "I got the wrong size", "This isn't what I ordered ({order})"],
    tags: ["wrong-item", "exchange"],
    team: "returns",
    intent: "order/wrong",
    opening: [
      "I ordered the {product} in size {size} but received a completely different color and size. Order {order}.",
      "Opened my package today and it's the wrong item: I got a beanie instead of the {product}. Order {order}.",
    ],
    followups: ["Okay, I'll drop it off at the post office tomorrow.", "Got the label, thanks."],
    replies: [
      "Apologies for the mix-up! I have created a prepaid return label for the wrong item and reserved the correct {product} in size {size}; it will ship as soon as the label is scanned.",
      "Sorry about that, our picking team clearly slipped up. You can keep the item you received; the correct {product} is on its way.",
    ],
    agentFollowups: ["The correct item has shipped with {carrier}, tracking {tracking}.", "Thanks! I will keep an eye on the return."],
    notes: ["Picking error on {order}: bin mislabeled. Reported to warehouse.", "Customer keeps the wrong item, no return needed (low value)."],
  },
  {
    key: "return",
    subjects: ["Return request for {order}", "How do I return the {product}?", "Return label please"],
    tags: ["return"],
    team: "returns",
    intent: "return/request",
    opening: [
      "Hi, I'd like to return the {product} from order {order}. It doesn't fit quite right. How do I start a return?",
      "The {product} is lovely but too warm for where I live. Can I send it back for a refund?",
    ],
    followups: ["Sent it back today. How long does the refund take?", "Thanks, printed the label."],
    replies: [
      "Of course! Items can be returned within 60 days. I have emailed you a prepaid label; once {carrier} scans the parcel we refund within 3 business days.",
      "Happy to help with that. Here is your return authorization: RMA-{code}. Pack the {product} with the tags attached and drop it at any {carrier} location.",
    ],
    agentFollowups: ["We received your return and the refund has been processed.", "You're welcome! Let me know if you need anything else."],
    notes: ["RMA-{code} created. Customer is a repeat buyer, waive the restocking fee.", "Return outside 60 days by 3 days; approved as a courtesy."],
  },
  {
    key: "refund-status",
    subjects: ["Refund not received", "Status of my refund", "Still waiting for my refund ({order})"],
    tags: ["refund"],
    team: "returns",
    intent: "refund/status",
    opening: [
      "I returned my {product} two weeks ago and still haven't received the refund. Order {order}.",
      "Can you confirm my refund for {order} went through? Nothing on my card yet.",
    ],
    followups: ["I see it now, thank you.", "My bank says they have nothing pending. Can you send a reference?"],
    replies: [
      "I checked {order}: the refund was issued on our side three days ago. Banks usually take 5-10 business days to post it.",
      "Thanks for your patience. The return arrived yesterday and I have just processed your refund in full.",
    ],
    agentFollowups: ["The refund reference is RF-{code}; your bank can trace it with that.", "Glad it came through!"],
    notes: ["Refund stuck in Shopify (payment gateway timeout). Re-issued manually.", "Checked with finance: refund settled on {order}."],
  },
  {
    key: "exchange",
    subjects: ["Exchange for a different size", "Can I swap my {product}?", "Size exchange {order}"],
    tags: ["exchange"],
    team: "returns",
    intent: "exchange/request",
    opening: [
      "The {product} runs small. Can I exchange it for a size {size}?",
      "I'd like to exchange my {product} for the same one in another color. Order {order}.",
    ],
    followups: ["Size {size} please.", "Perfect, thank you so much!"],
    replies: [
      "Absolutely. I have reserved the {product} in size {size} for you and sent a prepaid label for the original.",
      "Sure! Which size would you like? I will hold it while the original comes back.",
    ],
    agentFollowups: ["Your exchange has shipped, tracking {tracking}.", "All set, enjoy!"],
    notes: ["Size {size} is low stock, reserved the last unit.", "Exchange created in Loop, ref EX-{code}."],
  },
  {
    key: "address",
    subjects: ["Change shipping address", "Wrong address on {order}", "Update delivery address"],
    tags: ["address-change"],
    team: "tier1",
    intent: "shipping/change",
    opening: [
      "I just realized I used my old address for order {order}. Can you change it to my new one before it ships?",
      "Please update the shipping address on {order}, I made a typo in the street number.",
    ],
    followups: ["The new address is 1420 Alder Street, Apt 3.", "Thank you!"],
    replies: [
      "Good catch! {order} hasn't shipped yet, so I can still update it. What is the full new address?",
      "I have updated the address on {order}. It will ship tomorrow to the corrected address.",
    ],
    agentFollowups: ["Updated. You will receive a new confirmation email shortly.", "You're welcome!"],
    notes: ["Address changed before fulfillment; verified with Shopify.", "Order already with {carrier}; requested an intercept."],
  },
  {
    key: "cancel",
    subjects: ["Cancel my order", "Please cancel {order}", "Order cancellation"],
    tags: ["cancellation"],
    team: "tier1",
    intent: "order/cancel",
    opening: [
      "Please cancel order {order}, I ordered the wrong {product} by mistake.",
      "Can I still cancel {order}? Found out I won't need it after all.",
    ],
    followups: ["Thanks for the quick help.", "Oh no. Okay, I'll return it when it arrives then."],
    replies: [
      "I have cancelled {order} and refunded the full amount to your original payment method.",
      "I'm sorry, {order} already left our warehouse so I can't cancel it, but you can return it for free once it arrives.",
    ],
    agentFollowups: ["Cancellation confirmed.", "I have emailed you the return label in advance."],
    notes: ["Cancelled in Shopify, restocked.", "Too late to cancel: fulfilled 2 hours before the request."],
  },
  {
    key: "discount",
    subjects: ["Discount code not working", "Promo code {code} invalid", "Price adjustment request"],
    tags: ["discount"],
    team: "tier1",
    intent: "discount/request",
    opening: [
      "The code SUMMIT15 from your newsletter says it's invalid at checkout. Can you help?",
      "I bought the {product} last week and it's now 20% off. Can I get the difference back?",
    ],
    followups: ["Worked this time, thanks!", "That would be great, thank you."],
    replies: [
      "Sorry about that! The code excludes items already on sale, which is why it failed. I have created a one-time code {code} that works on your cart.",
      "We do price adjustments within 14 days. I have refunded the difference on {order}.",
    ],
    agentFollowups: ["Enjoy your new gear!", "The adjustment should show on your statement in a few days."],
    notes: ["Newsletter code misconfigured in Shopify (min spend); told marketing.", "Price adjustment within policy, approved."],
  },
  {
    key: "product",
    subjects: ["Question about the {product}", "Sizing help", "Is the {product} waterproof?"],
    tags: ["product-question"],
    team: "tier1",
    intent: "product/question",
    opening: [
      "Is the {product} fully waterproof or just water-resistant? Planning a week in Scotland.",
      "I'm between sizes ({size}). Does the {product} run true to size?",
      "Do you know when the {product} will be back in stock in size {size}?",
    ],
    followups: ["Great, ordering now!", "Could you let me know when it's restocked?"],
    replies: [
      "Great question! The {product} has a 20,000 mm waterproof membrane with taped seams, so it will handle Scottish weather nicely.",
      "It runs true to size with room for a mid layer. If you are between sizes, I would go with {size}.",
      "The next restock is expected in about three weeks. I have added you to the notify list.",
    ],
    agentFollowups: ["Have a fantastic trip!", "You are on the list; you will get an email as soon as it is back."],
    notes: ["Asked product team about restock date for {product}.", "Customer asking about sizing; suggested size {size}."],
  },
  {
    key: "subscription",
    subjects: ["Pause my subscription", "Cancel sock subscription", "Subscription billing question"],
    tags: ["subscription"],
    team: "tier1",
    intent: "subscription/change",
    opening: [
      "I'd like to pause my monthly Trail Sock Club subscription for two months.",
      "I was charged twice for my subscription this month. Can you check?",
    ],
    followups: ["Thank you!", "Ok, I see the refund now."],
    replies: [
      "Done! Your subscription is paused and will resume automatically in two months.",
      "You're right, there was a duplicate charge. I have refunded the second one.",
    ],
    agentFollowups: ["Anything else I can help with?", "Sorry again for the trouble."],
    notes: ["Duplicate charge caused by the ReCharge retry bug; refunded.", "Paused in ReCharge until next quarter."],
  },
  {
    key: "feedback",
    subjects: ["Loved my new {product}!", "Feedback on my order", "Thank you!"],
    tags: ["feedback"],
    team: "tier1",
    intent: "feedback",
    opening: [
      "Just wanted to say the {product} is fantastic. Took it up Mount Hood last weekend and stayed bone dry.",
      "Quick feedback: the packaging was beautiful but a lot of plastic. Any plans to change that?",
    ],
    followups: ["Thanks for listening!", "Looking forward to it."],
    replies: [
      "This made our day, thank you! I have shared it with the whole team.",
      "Thank you for the honest feedback. We are moving to fully recyclable packaging this autumn.",
    ],
    agentFollowups: ["Happy trails!", "Thanks again."],
    notes: ["Nice review, ask if we can feature it on social.", "Packaging feedback forwarded to ops."],
  },
  {
    key: "vip",
    subjects: ["Bulk order for our hiking club", "Corporate gifting inquiry", "Wholesale pricing"],
    tags: ["vip", "urgent"],
    team: "vip",
    intent: "other/question",
    opening: [
      "We run a hiking club of about 40 members and would like to order {product} jackets in bulk. Do you offer group pricing?",
      "I'm organizing year-end gifts for our team (60 people). Can we get custom embroidery on the {product}?",
    ],
    followups: ["That works for us. Can you send a quote?", "We'd need them by the 15th."],
    replies: [
      "Thanks for thinking of us! For orders over 25 units we offer 15% off plus free shipping. I will put together a quote.",
      "We can do embroidery for orders of 30+. Lead time is about three weeks.",
    ],
    agentFollowups: ["Quote attached. It is valid for 30 days.", "The 15th is doable if we confirm by Friday."],
    notes: ["Potential B2B deal (~$6k). Looping in Alex.", "Checked with supplier: embroidery lead time 3 weeks."],
  },
  {
    key: "warranty",
    subjects: ["Warranty claim", "{product} failed after 6 months", "Is this covered by the warranty?"],
    tags: ["damaged", "product-question"],
    team: "returns",
    intent: "return/request",
    opening: [
      "The sole of my {product} is peeling off after six months of normal use. Is this covered by your warranty?",
      "The buckle on my {product} cracked. Still under the two-year warranty I think.",
    ],
    followups: ["Photos attached.", "Thanks, that's a relief."],
    replies: [
      "Sorry to hear that! That sounds like a manufacturing defect, which our lifetime warranty covers. Could you send a couple of photos?",
      "Yes, that is covered. I will send a replacement part free of charge.",
    ],
    agentFollowups: ["Replacement approved, it ships this week.", "You are welcome!"],
    notes: ["Warranty claim W-{code}, defect confirmed from photos.", "Third sole-separation claim this month, batch 2309."],
  },
  {
    key: "spam",
    subjects: ["Grow your store 10x with our SEO package", "Partnership opportunity for {store}", "Your domain listing expires soon"],
    tags: [],
    team: "tier1",
    intent: "other/no_reply",
    opening: [
      "Dear store owner, we noticed {store} is not ranking on page one. Our guaranteed SEO package costs only $99/month. Reply YES to start today.",
      "Hello, I am an influencer with 2M followers and would love to collaborate with {store}. Please send 10 free products to get started.",
    ],
    followups: ["Just following up on my previous email."],
    replies: ["(no reply)"],
    agentFollowups: ["(no reply)"],
    notes: ["Spam."],
  },
];

/** The last topic is spam; it is assigned deliberately, never drawn at random. */
export const SPAM_TOPIC = TOPICS.length - 1;

/** Relative frequency of each non-spam topic, in TOPICS order. */
export const TOPIC_WEIGHTS = [24, 7, 5, 9, 7, 6, 4, 4, 5, 9, 3, 3, 2, 3];

export const PRODUCTS = [
  "Ridgeline Rain Jacket", "Summit Down Parka", "Trailhead 28L Backpack", "Alpine Merino Base Layer",
  "Cascade Hiking Boots", "Driftwood Fleece Hoodie", "Basecamp 2-Person Tent", "Glacier Insulated Bottle",
  "Switchback Trail Runners", "Timberline Flannel Shirt", "Canyon Sun Hoody", "Northpeak Trekking Poles",
];

export const SIZES = ["XS", "S", "M", "L", "XL", "9", "10", "11"];
export const CARRIERS = ["UPS", "USPS", "FedEx", "DHL"];
