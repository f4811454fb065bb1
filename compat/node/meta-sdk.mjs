// Drives a running OpenWABA through Meta's own Node SDK (npm `whatsapp` 0.0.5-Alpha; the package's
// later 1.0.0 is an empty placeholder, not the SDK), unmodified and configured only through its
// documented environment variables. The SDK takes WA_BASE_URL as a host name and always speaks
// HTTPS to port 443 (reference §11.2), so the server must listen there with a certificate Node
// trusts: start the script with WA_BASE_URL=localhost and NODE_EXTRA_CA_CERTS naming the server's
// certificate (PEM).
//
// Environment, as the SDK reads it: WA_BASE_URL, CLOUD_API_VERSION, CLOUD_API_ACCESS_TOKEN,
// WA_PHONE_NUMBER_ID.

import { env, equal, expectAccepted, expectError, run, test } from "./harness.mjs";

// Outside production the SDK loads `dotenv`, which it declares only as a development dependency,
// so an installed SDK fails to load unless NODE_ENV is production.
process.env.NODE_ENV ??= "production";
const { default: WhatsApp } = await import("whatsapp");

env("WA_BASE_URL");
env("CLOUD_API_VERSION");
const token = env("CLOUD_API_ACCESS_TOKEN");
const phoneId = Number(env("WA_PHONE_NUMBER_ID"));
const USER = 14155552671;

let lastExchange = "(none)";

/** Sends a text as the SDK does and reads the answer with the SDK's own response helper. */
async function sendText(body) {
  const wa = new WhatsApp(phoneId);
  try {
    const response = await wa.messages.text({ body, preview_url: false }, USER);
    const json = await response.responseBodyToJSON();
    lastExchange = `${response.statusCode()} ${JSON.stringify(json)}`;
    return { status: response.statusCode(), json };
  } finally {
    // The SDK keeps its sockets alive, which would hold the process open.
    wa.requester.client.clearSockets();
  }
}

test("text over TLS on 443", async () => {
  const { status, json } = await sendText("Hello from Meta's Node SDK");
  equal(status, 200, "HTTP status");
  return expectAccepted(json, String(USER));
});

test("bad token: Meta's 190 with HTTP 401", async () => {
  process.env.CLOUD_API_ACCESS_TOKEN = "owa_not_a_valid_token_at_all_0123456789";
  try {
    const { status, json } = await sendText("nobody");
    equal(status, 401, "HTTP status");
    expectError(json, 190);
  } finally {
    process.env.CLOUD_API_ACCESS_TOKEN = token;
  }
});

await run("whatsapp (Meta's Node SDK)", {
  beforeEach: () => {
    lastExchange = "(none)";
  },
  describeFailure: () => `last answer: ${lastExchange}`,
});
