// The small case runner both compatibility scripts share: named cases run in order, each prints one
// line, and the process exits non-zero when any failed. No test framework, so that `npm ci` installs
// nothing but the client libraries under test.

const cases = [];

/** Registers a case; `fn` throws to fail. */
export function test(name, fn) {
  cases.push({ name, fn });
}

/** Registers a case that is reported as skipped, with the reason. */
export function skip(name, reason) {
  cases.push({ name, skipped: reason });
}

/** A failed expectation: reported by its message alone, unlike an unexpected exception. */
class Mismatch extends Error {}

/**
 * Runs every registered case and exits: 0 when none failed. `beforeEach` runs before each case;
 * `describeFailure` says what else a failure line should show, such as the last HTTP exchange.
 */
export async function run(title, { beforeEach = () => {}, describeFailure = () => "" } = {}) {
  console.log(`${title}: ${cases.length} cases`);
  let failed = 0;
  let skipped = 0;
  for (const c of cases) {
    if (c.skipped) {
      skipped++;
      console.log(`SKIP  ${c.name}: ${c.skipped}`);
      continue;
    }
    const started = Date.now();
    beforeEach();
    try {
      const note = await c.fn();
      console.log(`PASS  ${c.name}${note ? ` (${note})` : ""} ${Date.now() - started} ms`);
    } catch (e) {
      failed++;
      console.log(`FAIL  ${c.name}: ${e instanceof Mismatch ? e.message : (e?.stack ?? e)}`);
      const more = describeFailure();
      if (more) {
        console.log(`      ${more}`);
      }
    }
  }
  const passed = cases.length - failed - skipped;
  console.log(`${title}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed === 0 ? 0 : 1);
}

export function check(condition, message, actual) {
  if (!condition) {
    throw new Mismatch(actual === undefined ? message : `${message}; got ${JSON.stringify(actual)}`);
  }
}

export function equal(actual, expected, what) {
  check(
    actual === expected,
    `${what}: expected ${JSON.stringify(expected)} but was ${JSON.stringify(actual)}`,
  );
}

/**
 * A send's success answer (reference §2.2): one contact repeating `to` exactly as sent, with the
 * digits-only wa_id, and one message whose id is a wamid.
 */
export function expectAccepted(response, to) {
  check(!response?.error, "the send was refused", response);
  equal(response.messaging_product, "whatsapp", "messaging_product");
  check(response.contacts?.length === 1, "exactly one contact", response);
  equal(response.contacts[0].input, to, "contacts[0].input");
  equal(response.contacts[0].wa_id, to.replace(/\D/g, ""), "contacts[0].wa_id");
  check(response.messages?.length === 1, "exactly one message", response);
  check(
    typeof response.messages[0].id === "string" && response.messages[0].id.startsWith("wamid."),
    "messages[0].id is a wamid",
    response.messages[0].id,
  );
  return response.messages[0].id;
}

/** Meta's error envelope (reference §3.1) with one of the given codes. */
export function expectError(response, ...codes) {
  const error = response?.error;
  check(error, `expected error ${codes.join(" or ")}`, response);
  check(codes.includes(error.code), `expected error ${codes.join(" or ")}`, error);
  equal(error.type, "OAuthException", "error.type");
  check(
    typeof error.message === "string" && error.message.startsWith(`(#${error.code})`),
    "error.message starts with (#code)",
    error.message,
  );
  check(typeof error.fbtrace_id === "string", "error.fbtrace_id", error);
  return error;
}

/** A required environment variable, or a failure naming it. */
export function env(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === "") {
    console.error(`missing environment variable ${name}`);
    process.exit(2);
  }
  return value;
}
