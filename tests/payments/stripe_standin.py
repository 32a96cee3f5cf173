#!/usr/bin/python3
"""A stand-in for the few Stripe API endpoints that StripeProvider calls, for its tests.

Usage: stripe_standin.py SECRET_KEY. Listens on a free 127.0.0.1 port and prints it on the first
line of standard output. Everything is kept in memory and lost when the process ends.

Like Stripe: form-encoded requests, JSON answers, "Authorization: Bearer SECRET_KEY" or 401,
Idempotency-Key on POSTs (the same key with the same parameters replays the first answer,
errors included; with other parameters it is a 400 idempotency_error), manual-capture
payment intents, customers, setup intents, Stripe's test PaymentMethods (below), and the
error shapes {"error": {"type", "code", "decline_code", "param", "message", ...}}.

Test controls (no key needed):
  POST /test/expire/{pi}  the hold lapses: canceled, cancellation_reason "automatic"
  POST /test/fail_next    the next /v1 request answers 500, once
  GET  /test/requests     every /v1 request so far: method, path, params, Idempotency-Key
"""
import http.server
import json
import secrets
import sys
import time
import urllib.parse

SECRET = sys.argv[1]
HOLD_LIFETIME = 7 * 24 * 3600  # uncaptured payment intents are canceled after 7 days

# Stripe's test PaymentMethods: brand, last4, decline_code, and when the decline happens
# ("always": also when saving the card; "charge": saving works, charging fails).
TEST_CARDS = {
    "pm_card_visa": ("visa", "4242", None, None),
    "pm_card_mastercard": ("mastercard", "4444", None, None),
    "pm_card_chargeDeclined": ("visa", "0002", "generic_decline", "always"),
    "pm_card_chargeDeclinedInsufficientFunds": ("visa", "9995", "insufficient_funds", "always"),
    "pm_card_chargeCustomerFail": ("visa", "0341", "generic_decline", "charge"),
}
CANCELABLE = ("requires_payment_method", "requires_capture", "requires_confirmation",
              "requires_action")

intents = {}
charges = {}
customers = {}
methods = {}  # pm id -> {"id", "object", "type", "card", "customer", "_decline", "_when"}
idempotent = {}  # key -> (method, path, params, status, answer)
requests = []
fail_next = [False]


class StripeError(Exception):
    def __init__(self, status, **error):
        super().__init__(error.get("message", ""))
        self.status = status
        self.error = error


def new_id(prefix):
    return prefix + "_" + secrets.token_hex(12)


def missing(kind, value, param=None):
    status = 400 if param else 404
    return StripeError(status, type="invalid_request_error", code="resource_missing",
                       param=param or "id", message=f"No such {kind}: '{value}'")


def public(obj):
    return {k: v for k, v in obj.items() if not k.startswith("_")}


def card_method(pm_id):
    """A PaymentMethod by id; a test PaymentMethod is copied into a new one, as Stripe does."""
    if pm_id in methods:
        return methods[pm_id]
    if pm_id not in TEST_CARDS:
        raise missing("PaymentMethod", pm_id, "payment_method")
    brand, last4, decline, when = TEST_CARDS[pm_id]
    pm = {"id": new_id("pm"), "object": "payment_method", "type": "card",
          "card": {"brand": brand, "last4": last4}, "customer": None,
          "_decline": decline, "_when": when}
    methods[pm["id"]] = pm
    return pm


def expanded(obj, expand):
    out = public(obj)
    if "payment_method" in expand and out.get("payment_method") in methods:
        out["payment_method"] = public(methods[out["payment_method"]])
    if "latest_charge" in expand and out.get("latest_charge") in charges:
        out["latest_charge"] = charges[out["latest_charge"]]
    return out


def declined(kind, obj, decline):
    error = {"type": "card_error", "code": "card_declined", "decline_code": decline,
             "message": "Your card has insufficient funds." if decline == "insufficient_funds"
             else "Your card was declined.", kind: public(obj)}
    return StripeError(402, **error)


def unexpected_state(intent, verb):
    return StripeError(
        400, type="invalid_request_error", code="payment_intent_unexpected_state",
        payment_intent=public(intent),
        message=f"This PaymentIntent could not be {verb} because it has a status of "
                f"{intent['status']}.")


def integer(p, name, minimum):
    try:
        value = int(p.get(name, ""))
    except ValueError:
        value = None
    if value is None or value < minimum:
        raise StripeError(400, type="invalid_request_error", code="parameter_invalid_integer",
                          param=name, message=f"Invalid integer: {p.get(name)}")
    return value


def create_intent(p):
    amount = integer(p, "amount", 50)  # Stripe's minimum for EUR: 0.50
    if not p.get("currency"):
        raise StripeError(400, type="invalid_request_error", code="parameter_missing",
                          param="currency", message="Missing required param: currency.")
    confirm = p.get("confirm") == "true"
    if confirm and "card" not in p.get("payment_method_types[]", []) and not p.get("return_url"):
        raise StripeError(400, type="invalid_request_error",
                          message="This PaymentIntent is configured to accept payment methods "
                                  "enabled in your Dashboard; pass a return_url to confirm it.")
    customer = p.get("customer")
    if customer and customer not in customers:
        raise missing("customer", customer, "customer")
    pm = card_method(p.get("payment_method", ""))
    if pm["customer"] != customer and pm["customer"] is not None:
        raise StripeError(400, type="invalid_request_error", param="payment_method",
                          message="The provided PaymentMethod belongs to a Customer; pass that "
                                  "Customer's id as customer.")
    now = int(time.time())
    intent = {"id": new_id("pi"), "object": "payment_intent", "amount": amount,
              "amount_capturable": 0, "amount_received": 0, "currency": p["currency"],
              "capture_method": p.get("capture_method", "automatic"), "created": now,
              "customer": customer, "payment_method": pm["id"], "latest_charge": None,
              "status": "requires_confirmation", "canceled_at": None,
              "cancellation_reason": None, "off_session": p.get("off_session") == "true"}
    intents[intent["id"]] = intent
    if not confirm:
        return intent
    if pm["_when"] is not None:
        intent["status"] = "requires_payment_method"
        intent["payment_method"] = None
        raise declined("payment_intent", intent, pm["_decline"])
    charge = {"id": new_id("ch"), "object": "charge", "amount": amount, "captured": False,
              "payment_method_details": {"type": "card", "card": {
                  "brand": pm["card"]["brand"], "last4": pm["card"]["last4"],
                  "capture_before": now + HOLD_LIFETIME}}}
    charges[charge["id"]] = charge
    intent["latest_charge"] = charge["id"]
    if intent["capture_method"] == "manual":
        intent["status"] = "requires_capture"
        intent["amount_capturable"] = amount
    else:
        intent["status"] = "succeeded"
        intent["amount_received"] = amount
        charge["captured"] = True
    return intent


def find_intent(pi):
    if pi not in intents:
        raise missing("payment_intent", pi)
    return intents[pi]


def capture(pi, p):
    intent = find_intent(pi)
    if intent["status"] != "requires_capture":
        raise unexpected_state(intent, "captured")
    amount = integer(p, "amount_to_capture", 1) if "amount_to_capture" in p \
        else intent["amount_capturable"]
    if amount > intent["amount_capturable"]:
        raise StripeError(400, type="invalid_request_error", code="amount_too_large",
                          param="amount_to_capture",
                          message=f"The amount_to_capture provided ({amount}) must be less "
                                  f"than or equal to the amount_capturable "
                                  f"({intent['amount_capturable']}).")
    intent.update(status="succeeded", amount_received=amount, amount_capturable=0)
    charges[intent["latest_charge"]]["captured"] = True
    return intent


def cancel(pi, p):
    intent = find_intent(pi)
    if intent["status"] not in CANCELABLE:
        raise unexpected_state(intent, "canceled")
    intent.update(status="canceled", amount_capturable=0, canceled_at=int(time.time()),
                  cancellation_reason=p.get("cancellation_reason"))
    return intent


def create_customer(p):
    customer = {"id": new_id("cus"), "object": "customer", "created": int(time.time())}
    customers[customer["id"]] = customer
    return customer


def create_setup_intent(p):
    customer = p.get("customer")
    if customer not in customers:
        raise missing("customer", customer, "customer")
    pm = card_method(p.get("payment_method", ""))
    if pm["customer"] not in (None, customer):
        raise StripeError(400, type="invalid_request_error", param="payment_method",
                          message="The PaymentMethod is attached to another Customer.")
    setup = {"id": new_id("seti"), "object": "setup_intent", "customer": customer,
             "payment_method": pm["id"], "usage": p.get("usage", "off_session"),
             "status": "requires_confirmation", "created": int(time.time())}
    if p.get("confirm") == "true":
        if pm["_when"] == "always":
            setup.update(status="requires_payment_method", payment_method=None)
            raise declined("setup_intent", setup, pm["_decline"])
        pm["customer"] = customer
        setup["status"] = "succeeded"
    return setup


def route(method, parts, p):
    """The object a /v1 request answers with; raises StripeError."""
    if method == "POST" and parts == ["v1", "payment_intents"]:
        return create_intent(p)
    if method == "GET" and len(parts) == 3 and parts[:2] == ["v1", "payment_intents"]:
        return find_intent(parts[2])
    if method == "POST" and len(parts) == 4 and parts[:2] == ["v1", "payment_intents"]:
        if parts[3] == "capture":
            return capture(parts[2], p)
        if parts[3] == "cancel":
            return cancel(parts[2], p)
    if method == "POST" and parts == ["v1", "customers"]:
        return create_customer(p)
    if method == "POST" and parts == ["v1", "setup_intents"]:
        return create_setup_intent(p)
    raise StripeError(404, type="invalid_request_error",
                      message=f"Unrecognized request URL ({method}: /{'/'.join(parts)}).")


def params_of(text):
    out = {}
    for name, value in urllib.parse.parse_qsl(text, keep_blank_values=True):
        if name.endswith("[]"):
            out.setdefault(name, []).append(value)
        else:
            out[name] = value
    return out


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def handle_any(self, method):
        url = urllib.parse.urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        parts = [part for part in url.path.split("/") if part]
        if parts[:1] == ["test"]:
            return self.control(method, parts[1:])
        p = params_of(url.query if method == "GET" else body)
        key = self.headers.get("Idempotency-Key")
        requests.append({"method": method, "path": url.path, "params": p,
                         "idempotency_key": key})
        auth = self.headers.get("Authorization", "")
        if auth != "Bearer " + SECRET:
            # Stripe masks most of a wrong key; this echoes it whole, so that the tests can
            # prove the adapter never copies it into an error.
            return self.answer(401, {"error": {"type": "invalid_request_error",
                                               "message": f"Invalid API Key provided: {auth}"}})
        if fail_next[0]:
            fail_next[0] = False
            return self.answer(500, {"error": {"type": "api_error",
                                               "message": f"Internal error ({auth})."}})
        if method == "POST" and key:
            if key in idempotent:
                first = idempotent[key]
                if first[:3] != (method, url.path, p):
                    return self.answer(400, {"error": {
                        "type": "idempotency_error",
                        "message": "Keys for idempotent requests can only be used with the "
                                   "same parameters they were first used with."}})
                return self.answer(first[3], first[4], replayed=True)
        try:
            status, answer = 200, expanded(route(method, parts, p), p.get("expand[]", []))
        except StripeError as e:
            status, answer = e.status, {"error": e.error}
        if method == "POST" and key:
            idempotent[key] = (method, url.path, p, status, answer)
        self.answer(status, answer)

    def control(self, method, parts):
        if method == "POST" and len(parts) == 2 and parts[0] == "expire" and parts[1] in intents:
            intent = intents[parts[1]]
            if intent["status"] != "requires_capture":
                return self.answer(409, {"error": {"message": "not an uncaptured hold"}})
            intent.update(status="canceled", amount_capturable=0, canceled_at=int(time.time()),
                          cancellation_reason="automatic")
            return self.answer(200, public(intent))
        if method == "POST" and parts == ["fail_next"]:
            fail_next[0] = True
            return self.answer(200, {})
        if method == "GET" and parts == ["requests"]:
            return self.answer(200, requests)
        return self.answer(404, {"error": {"message": "unknown test control"}})

    def answer(self, status, obj, replayed=False):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if replayed:
            self.send_header("Idempotent-Replayed", "true")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
