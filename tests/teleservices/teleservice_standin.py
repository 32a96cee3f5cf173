#!/usr/bin/python3
"""A test double of the four national teleservices as Cabinet's HTTP adapters call them
(docs/teleservices.md), for src/documents/teleservices_http_test.cpp.

Usage: teleservice_standin.py TOKEN. Listens on a free 127.0.0.1 port and prints it on the first
line of standard output. Everything is kept in memory and lost when the process ends.

Services, one base URL each:
  POST /eprescription/fhir         a FHIR R4 transaction Bundle (Patient + MedicationRequests);
                                   answers a transaction-response whose MedicationRequests carry
                                   the prescription's number as groupIdentifier; refusals are
                                   422 OperationOutcomes
  POST /aat/sick-leave-notices     {"prescriber", "patient", "from", "to", ...} -> {"reference"}
  POST /fse/care-sheets            {"prescriber", "patient", "act", ...} -> {"transmitted", "reference"}
  POST /mss/messages               {"to": [...], "subject", "text", "attachments"} -> {"id"}
JSON refusals are {"error": {"code", "message"}}. Every request needs "Authorization: Bearer
TOKEN" (or 401). The same Idempotency-Key on the same service with the same body replays the
first answer (refusals included; 5xx are not kept); with another body it is a 409.

Test controls (no token needed):
  POST /test/fail_next             the next service request answers 500, once
  POST /test/delay_next?seconds=N  the next service request waits N seconds before answering
  GET  /test/requests              every service request so far: method, path, headers, body
"""
import base64
import http.server
import json
import re
import secrets
import sys
import threading
import time
import urllib.parse

TOKEN = sys.argv[1]
IDNPS = "urn:oid:1.2.250.1.71.4.2.1"
ACTS = {"TCG", "TC", "TCP", "TE1", "TE2", "TLC"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

lock = threading.Lock()
idempotent = {}  # (path, key) -> (body, status, answer)
requests = []
controls = {"fail_next": False, "delay_next": 0.0}


class Refusal(Exception):
    def __init__(self, status, answer):
        super().__init__(str(answer))
        self.status = status
        self.answer = answer


def outcome(code, diagnostics, status=422):
    return Refusal(status, {"resourceType": "OperationOutcome", "issue": [
        {"severity": "error", "code": code, "diagnostics": diagnostics}]})


def refused(code, message, status=422):
    return Refusal(status, {"error": {"code": code, "message": message}})


def new_reference(prefix):
    return prefix + "-" + secrets.token_hex(8).upper()


def eprescription(bundle):
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle" \
            or bundle.get("type") != "transaction":
        raise outcome("structure", "a transaction Bundle is expected", 400)
    entries = bundle.get("entry") or []
    patients = [e for e in entries if e.get("resource", {}).get("resourceType") == "Patient"]
    lines = [e for e in entries
             if e.get("resource", {}).get("resourceType") == "MedicationRequest"]
    if len(patients) != 1 or not lines:
        raise outcome("required", "one Patient and at least one MedicationRequest are required")
    patient = patients[0]["resource"]
    family = (patient.get("name") or [{}])[0].get("family", "")
    if not patient.get("birthDate"):
        # Real services quote what they refuse: the adapter must keep it out of its logs.
        raise outcome("required", f"Patient.birthDate is required (patient {family})")
    number = new_reference("EP")
    answered = [{"response": {"status": "201 Created",
                              "location": "Patient/" + secrets.token_hex(6)}}]
    for entry in lines:
        line = entry["resource"]
        requester = line.get("requester", {}).get("identifier", {})
        if requester.get("system") != IDNPS or not re.fullmatch(r"8\d{11}",
                                                                requester.get("value", "")):
            raise outcome("value", "MedicationRequest.requester must be an IDNPS (8 + RPPS)")
        if not line.get("medicationCodeableConcept", {}).get("text"):
            raise outcome("required", "MedicationRequest.medication is required")
        line_id = secrets.token_hex(6)
        resource = dict(line, id=line_id,
                        groupIdentifier={"system": "urn:cabinet:standin:eprescription",
                                         "value": number})
        answered.append({"resource": resource, "response": {
            "status": "201 Created", "location": f"MedicationRequest/{line_id}/_history/1"}})
    return 200, {"resourceType": "Bundle", "type": "transaction-response", "entry": answered}


def person_nir(body):
    return (body.get("patient") or {}).get("nir")


def sick_leave(body):
    start, end = body.get("from", ""), body.get("to", "")
    if not DATE.match(start) or not DATE.match(end) or start > end:
        raise refused("invalid_period", f"the period {start}..{end} is not valid")
    if not body.get("medical_reason"):
        raise refused("missing_reason", "the medical reason is required")
    return 201, {"reference": new_reference("AAT")}


def care_sheet(body):
    if body.get("act") not in ACTS:
        raise refused("unknown_act", f"unknown act {body.get('act')!r}")
    if not person_nir(body):
        raise refused("missing_nir", "the insured's NIR is required")
    return 201, {"transmitted": True, "reference": new_reference("FSE")}


def secure_mail(body):
    for address in body.get("to") or []:
        if not address.endswith(".mssante.fr"):
            raise refused("unknown_recipient", f"{address} is not in the MSSanté directory")
    for attachment in body.get("attachments") or []:
        base64.b64decode(attachment.get("content_base64", ""), validate=True)
    return 202, {"id": f"<{secrets.token_hex(10)}@mss.standin.invalid>"}


SERVICES = {
    "/eprescription/fhir": eprescription,
    "/aat/sick-leave-notices": sick_leave,
    "/fse/care-sheets": care_sheet,
    "/mss/messages": secure_mail,
}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def handle_any(self, method):
        url = urllib.parse.urlsplit(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if url.path.startswith("/test/"):
            return self.control(method, url)
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            body = None
        key = self.headers.get("Idempotency-Key")
        auth = self.headers.get("Authorization", "")
        with lock:
            requests.append({"method": method, "path": url.path, "body": body, "headers": {
                "idempotency_key": key, "authorized": auth == "Bearer " + TOKEN,
                "content_type": self.headers.get("Content-Type"),
                "prefer": self.headers.get("Prefer")}})
            delay, controls["delay_next"] = controls["delay_next"], 0.0
        if delay:
            time.sleep(delay)  # the double's own wait: the adapter's timeout is what is tested
        if auth != "Bearer " + TOKEN:
            # Echoes the credentials whole, so that the tests prove the adapter drops them.
            return self.answer(401, {"error": {"code": "unauthorized",
                                               "message": f"invalid credentials: {auth}"}})
        service = SERVICES.get(url.path)
        if method != "POST" or service is None:
            return self.answer(404, {"error": {"code": "not_found", "message": url.path}})
        with lock:
            if controls["fail_next"]:
                controls["fail_next"] = False
                return self.answer(500, {"error": {"code": "internal",
                                                   "message": f"internal error ({auth})"}})
            if key and (url.path, key) in idempotent:
                first = idempotent[(url.path, key)]
                if first[0] != body:
                    return self.answer(409, {"error": {
                        "code": "idempotency_mismatch",
                        "message": "this key was used with another request"}})
                return self.answer(first[1], first[2], replayed=True)
            try:
                status, answer = service(body if isinstance(body, dict) else {})
            except Refusal as e:
                status, answer = e.status, e.answer
            except (ValueError, TypeError, AttributeError) as e:
                status, answer = 400, {"error": {"code": "invalid", "message": str(e)}}
            if key and status < 500:
                idempotent[(url.path, key)] = (body, status, answer)
        self.answer(status, answer)

    def control(self, method, url):
        parts = [part for part in url.path.split("/") if part][1:]
        with lock:
            if method == "POST" and parts == ["fail_next"]:
                controls["fail_next"] = True
                return self.answer(200, {})
            if method == "POST" and parts == ["delay_next"]:
                query = urllib.parse.parse_qs(url.query)
                controls["delay_next"] = float(query.get("seconds", ["5"])[0])
                return self.answer(200, {})
            if method == "GET" and parts == ["requests"]:
                return self.answer(200, requests)
        return self.answer(404, {"error": {"code": "not_found", "message": "unknown control"}})

    def answer(self, status, obj, replayed=False):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if replayed:
            self.send_header("Idempotent-Replayed", "true")
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout): nothing to do

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
