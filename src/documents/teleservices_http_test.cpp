// The teleservice adapters against tests/teleservices/teleservice_standin.py, a double of the
// four services as mapped in docs/teleservices.md: success, retries, refusals, credentials,
// failures, timeouts.
#include "documents/teleservices_http.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/block_on.hpp"
#include "documents/teleservice_client.hpp"
#include "notify/curl.hpp"
#include "python_server.hpp"

namespace cabinet::documents {
namespace {

using nlohmann::json;

const std::string kToken = "ts_test_TeleserviceTokenThatMustNeverBeLogged";
const std::string kNir = "185057800608491";

class TeleserviceStandin {
 public:
  TeleserviceStandin() : server_("tests/teleservices/teleservice_standin.py", {kToken}) {}
  [[nodiscard]] std::string url() const { return server_.url(); }

  // POST /test/fail_next, POST /test/delay_next?seconds=N, GET /test/requests.
  json control(const std::string& path, bool post = true) const {
    if (notify::curl::global_init() != CURLE_OK) throw std::runtime_error("curl init");
    notify::curl::Easy handle(curl_easy_init());
    std::string answer;
    const std::string target = url() + path;
    curl_easy_setopt(handle.get(), CURLOPT_URL, target.c_str());
    if (post) curl_easy_setopt(handle.get(), CURLOPT_POSTFIELDS, "");
    curl_easy_setopt(
        handle.get(), CURLOPT_WRITEFUNCTION, +[](char* d, size_t s, size_t n, void* u) {
          static_cast<std::string*>(u)->append(d, s * n);
          return s * n;
        });
    curl_easy_setopt(handle.get(), CURLOPT_WRITEDATA, &answer);
    long status = 0;
    if (curl_easy_perform(handle.get()) == CURLE_OK)
      curl_easy_getinfo(handle.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status != 200) throw std::runtime_error("double control failed: " + path);
    return json::parse(answer);
  }
  json requests() const { return control("/test/requests", false); }

 private:
  test::PythonServer server_;
};

TeleserviceOptions options_for(const std::string& url, const std::string& token,
                               std::chrono::seconds timeout = std::chrono::seconds(10)) {
  TeleserviceOptions o;
  o.base_url = url;
  o.token = token;
  o.timeout = timeout;
  return o;
}

Person patient(bool with_nir = true) {
  Person p{"Camille", "Durandeau", "1985-05-17", "female", std::nullopt};
  if (with_nir) p.nir = kNir;
  return p;
}

PrescriptionRequest prescription(const std::string& key) {
  return {key,
          "10003456789",
          patient(),
          1796630400,
          {"Paracétamol 1 g comprimé, 1 toutes les 6 h, 5 jours", "NFS"}};
}

SickLeaveRequest sick_leave(const std::string& key) {
  return {key, "10003456789", patient(), "2026-12-07", "2026-12-09", false, "Grippe saisonnière"};
}

CareSheetRequest care_sheet(const std::string& key, bool with_nir = true) {
  return {key, "10003456789", patient(with_nir), "TCG", "2026-12-07", 2500, 0, false, false};
}

SecureMessage mail(const std::string& key, const std::string& to = "officine@pharma.mssante.fr") {
  return {key,
          to,
          "Ordonnance",
          "Bonjour, voici l’ordonnance.",
          {{"ordonnance.pdf", "application/pdf", std::string("%PDF-1.7\n\xff\x00", 11)}}};
}

class Teleservices : public testing::Test {
 protected:
  template <class T>
  T run(Task<T> task) {
    return block_on(runtime_.io(), std::move(task));
  }
  std::string base(std::string_view service) const { return standin_.url() + std::string(service); }

  Runtime runtime_{1};
  BlockingPool blocking_{2};
  SeededRandom random_{14};
  TeleserviceStandin standin_;
  HttpEPrescription eprescription_{options_for(base("/eprescription/fhir"), kToken), blocking_,
                                   random_};
  HttpSickLeave sick_leave_{options_for(base("/aat"), kToken), blocking_};
  HttpCareSheetTransmission care_sheet_{options_for(base("/fse"), kToken), blocking_};
  HttpSecureMail mail_{options_for(base("/mss"), kToken), blocking_};
};

TEST_F(Teleservices, APrescriptionIsAFhirTransactionAndGetsItsNumber) {
  EXPECT_FALSE(eprescription_.standin());
  EXPECT_EQ(eprescription_.name(), "http");
  auto r = run(eprescription_.register_prescription(prescription("close-1:prescription")));
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_TRUE(r->number.starts_with("EP-")) << r->number;
  EXPECT_EQ(r->key.size(), 32U);

  const auto sent = standin_.requests().back();
  EXPECT_EQ(sent["path"], "/eprescription/fhir");
  EXPECT_EQ(sent["headers"]["idempotency_key"], "close-1:prescription");
  EXPECT_EQ(sent["headers"]["content_type"], "application/fhir+json");
  EXPECT_EQ(sent["headers"]["prefer"], "return=representation");
  const auto& bundle = sent["body"];
  EXPECT_EQ(bundle["resourceType"], "Bundle");
  EXPECT_EQ(bundle["type"], "transaction");
  ASSERT_EQ(bundle["entry"].size(), 3U);
  const auto& p = bundle["entry"][0]["resource"];
  EXPECT_EQ(p["resourceType"], "Patient");
  EXPECT_EQ(p["identifier"][0]["system"], "urn:oid:1.2.250.1.213.1.4.8");
  EXPECT_EQ(p["identifier"][0]["value"], kNir);
  EXPECT_EQ(p["birthDate"], "1985-05-17");
  EXPECT_EQ(p["gender"], "female");
  EXPECT_EQ(bundle["entry"][0]["request"]["ifNoneExist"],
            "identifier=urn:oid:1.2.250.1.213.1.4.8|" + kNir);
  const auto& line = bundle["entry"][1]["resource"];
  EXPECT_EQ(line["resourceType"], "MedicationRequest");
  EXPECT_EQ(line["intent"], "order");
  EXPECT_EQ(line["requester"]["identifier"]["value"], "810003456789");
  EXPECT_EQ(line["subject"]["reference"], bundle["entry"][0]["fullUrl"]);
  EXPECT_EQ(line["authoredOn"], "2026-12-07T08:00:00Z");
  EXPECT_EQ(bundle["entry"][2]["resource"]["medicationCodeableConcept"]["text"], "NFS");
}

TEST_F(Teleservices, ARetriedRequestGetsTheSameNumberOrReference) {
  auto first = run(eprescription_.register_prescription(prescription("close-2:prescription")));
  auto again = run(eprescription_.register_prescription(prescription("close-2:prescription")));
  auto other = run(eprescription_.register_prescription(prescription("close-3:prescription")));
  ASSERT_TRUE(first.ok() && again.ok() && other.ok());
  EXPECT_EQ(again->number, first->number);
  EXPECT_NE(other->number, first->number);

  auto leave = run(sick_leave_.submit(sick_leave("close-2:sick_leave")));
  ASSERT_TRUE(leave.ok()) << leave.error().detail;
  EXPECT_TRUE(leave->reference.starts_with("AAT-")) << leave->reference;
  EXPECT_EQ(run(sick_leave_.submit(sick_leave("close-2:sick_leave")))->reference, leave->reference);

  auto sheet = run(care_sheet_.submit(care_sheet("close-2:care_sheet")));
  ASSERT_TRUE(sheet.ok()) << sheet.error().detail;
  EXPECT_TRUE(sheet->transmitted);
  EXPECT_TRUE(sheet->reference.starts_with("FSE-")) << sheet->reference;
  EXPECT_EQ(run(care_sheet_.submit(care_sheet("close-2:care_sheet")))->reference, sheet->reference);

  auto id = run(mail_.send(mail("send-2")));
  ASSERT_TRUE(id.ok()) << id.error().detail;
  EXPECT_EQ(*run(mail_.send(mail("send-2"))), *id);
  EXPECT_NE(*run(mail_.send(mail("send-3"))), *id);
}

TEST_F(Teleservices, TheNoticesCarryWhatTheServicesNeed) {
  ASSERT_TRUE(run(sick_leave_.submit(sick_leave("close-4:sick_leave"))).ok());
  auto sent = standin_.requests().back();
  EXPECT_EQ(sent["path"], "/aat/sick-leave-notices");
  EXPECT_EQ(sent["headers"]["idempotency_key"], "close-4:sick_leave");
  EXPECT_EQ(sent["body"]["prescriber"]["rpps"], "10003456789");
  EXPECT_EQ(sent["body"]["patient"]["nir"], kNir);
  EXPECT_EQ(sent["body"]["from"], "2026-12-07");
  EXPECT_EQ(sent["body"]["to"], "2026-12-09");
  EXPECT_EQ(sent["body"]["medical_reason"], "Grippe saisonnière");

  ASSERT_TRUE(run(care_sheet_.submit(care_sheet("close-4:care_sheet"))).ok());
  sent = standin_.requests().back();
  EXPECT_EQ(sent["path"], "/fse/care-sheets");
  EXPECT_EQ(sent["body"]["act"], "TCG");
  EXPECT_EQ(sent["body"]["amount_cents"], 2500);

  ASSERT_TRUE(run(mail_.send(mail("send-4"))).ok());
  sent = standin_.requests().back();
  EXPECT_EQ(sent["path"], "/mss/messages");
  EXPECT_EQ(sent["body"]["to"], json::array({"officine@pharma.mssante.fr"}));
  EXPECT_EQ(sent["body"]["attachments"][0]["content_base64"], "JVBERi0xLjcK/wA=");
}

TEST_F(Teleservices, ACareSheetWithoutNirIsNotTransmittedAndNothingIsSent) {
  const auto before = standin_.requests().size();
  auto sheet = run(care_sheet_.submit(care_sheet("close-5:care_sheet", false)));
  ASSERT_TRUE(sheet.ok()) << sheet.error().detail;
  EXPECT_FALSE(sheet->transmitted);
  EXPECT_TRUE(sheet->reference.empty());
  EXPECT_EQ(standin_.requests().size(), before);
}

TEST_F(Teleservices, RefusalsAreInvalidRequestsWithTheReasonButNoPatientData) {
  auto request = prescription("close-6:prescription");
  request.patient.birth_date.clear();
  auto refused = run(eprescription_.register_prescription(request));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_request);
  EXPECT_NE(refused.error().detail.find("birthDate"), std::string::npos) << refused.error().detail;
  EXPECT_EQ(refused.error().detail.find("Durandeau"), std::string::npos) << refused.error().detail;
  EXPECT_NE(refused.error().message_fr.find("refusé"), std::string::npos);

  auto leave = sick_leave("close-6:sick_leave");
  leave.from = "2026-12-10";  // after `to`
  auto period = run(sick_leave_.submit(leave));
  ASSERT_FALSE(period.ok());
  EXPECT_EQ(period.error().code, ErrorCode::invalid_request);
  EXPECT_NE(period.error().detail.find("invalid_period"), std::string::npos);

  auto sheet = care_sheet("close-6:care_sheet");
  sheet.act = "XYZ";
  EXPECT_EQ(run(care_sheet_.submit(sheet)).error().code, ErrorCode::invalid_request);

  auto unknown = run(mail_.send(mail("send-6", "officine@gmail.com")));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::invalid_request);
  EXPECT_EQ(unknown.error().field, "to");
  EXPECT_NE(unknown.error().detail.find("unknown_recipient"), std::string::npos);
}

TEST_F(Teleservices, MalformedValuesAreRefusedBeforeAnyRequest) {
  const auto before = standin_.requests().size();
  auto p = prescription("a\r\nX-Evil: 1");
  EXPECT_EQ(run(eprescription_.register_prescription(p)).error().code, ErrorCode::invalid_request);
  p = prescription("close-7");
  p.rpps = "123";
  EXPECT_EQ(run(eprescription_.register_prescription(p)).error().field, "rpps");
  p = prescription("close-7");
  p.items.clear();
  EXPECT_EQ(run(eprescription_.register_prescription(p)).error().code, ErrorCode::invalid_request);
  auto leave = sick_leave("close-7");
  leave.to = "9 décembre";
  EXPECT_EQ(run(sick_leave_.submit(leave)).error().code, ErrorCode::invalid_request);
  EXPECT_EQ(run(mail_.send(mail("send-7", "a@b.mssante.fr\r\nRCPT TO:<x@y>"))).error().field, "to");
  EXPECT_EQ(run(mail_.send(mail("send-7", "a@b.mssante.fr,c@d.fr"))).error().field, "to");
  EXPECT_EQ(standin_.requests().size(), before);
}

TEST_F(Teleservices, AWrongTokenIsAClearErrorWithoutTheToken) {
  const std::string wrong = "ts_test_WrongTokenThatMustNotBeLoggedEither";
  HttpEPrescription eprescription(options_for(base("/eprescription/fhir"), wrong), blocking_,
                                  random_);
  HttpSickLeave leave(options_for(base("/aat"), wrong), blocking_);
  HttpCareSheetTransmission sheet(options_for(base("/fse"), wrong), blocking_);
  HttpSecureMail secure_mail(options_for(base("/mss"), wrong), blocking_);
  const std::vector<Error> errors{
      run(eprescription.register_prescription(prescription("close-8"))).error(),
      run(leave.submit(sick_leave("close-8"))).error(),
      run(sheet.submit(care_sheet("close-8"))).error(),
      run(secure_mail.send(mail("send-8"))).error()};
  for (const auto& e : errors) {
    EXPECT_EQ(e.code, ErrorCode::unavailable);
    EXPECT_NE(e.message_en.find("refused the platform's credentials"), std::string::npos)
        << e.message_en;
    EXPECT_NE(e.detail.find("401"), std::string::npos) << e.detail;
    EXPECT_EQ(e.detail.find(wrong), std::string::npos) << e.detail;
  }
}

TEST_F(Teleservices, ServerErrorsAreUnavailableAndARetryThenSucceeds) {
  standin_.control("/test/fail_next");  // its message quotes the Authorization header
  auto failed = run(sick_leave_.submit(sick_leave("close-9:sick_leave")));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::unavailable);
  EXPECT_NE(failed.error().message_fr.find("n’a pas répondu"), std::string::npos);
  EXPECT_NE(failed.error().message_en.find("did not answer"), std::string::npos);
  EXPECT_EQ(failed.error().detail.find(kToken), std::string::npos) << failed.error().detail;
  auto retried = run(sick_leave_.submit(sick_leave("close-9:sick_leave")));  // not kept
  ASSERT_TRUE(retried.ok()) << retried.error().detail;

  standin_.control("/test/fail_next");
  EXPECT_EQ(run(eprescription_.register_prescription(prescription("close-9"))).error().code,
            ErrorCode::unavailable);
  standin_.control("/test/fail_next");
  EXPECT_EQ(run(mail_.send(mail("send-9"))).error().code, ErrorCode::unavailable);
}

TEST_F(Teleservices, ASlowServiceTimesOutAsUnavailable) {
  HttpCareSheetTransmission impatient(options_for(base("/fse"), kToken, std::chrono::seconds(1)),
                                      blocking_);
  standin_.control("/test/delay_next?seconds=30");  // the double waits, not the test
  auto late = run(impatient.submit(care_sheet("close-10:care_sheet")));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::unavailable);
  EXPECT_NE(late.error().message_en.find("did not answer"), std::string::npos);
}

TEST_F(Teleservices, AnUnreachableServiceIsUnavailable) {
  std::string gone_url;
  {
    TeleserviceStandin gone;
    gone_url = gone.url();
  }  // killed: its port is closed now
  HttpSecureMail unreachable(options_for(gone_url + "/mss", kToken), blocking_);
  auto sent = run(unreachable.send(mail("send-11")));
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::unavailable);
  EXPECT_EQ(sent.error().detail.find(kToken), std::string::npos);
}

TEST_F(Teleservices, OptionsThatCannotWorkAreNamedAtStartUp) {
  EXPECT_TRUE(HttpSickLeave::check(options_for("https://aat.example.fr/v1", kToken)).ok());
  EXPECT_TRUE(HttpSickLeave::check(options_for(base("/aat"), kToken)).ok());
  EXPECT_FALSE(HttpSickLeave::check(options_for("http://aat.example.fr", kToken)).ok());
  EXPECT_FALSE(HttpSickLeave::check(options_for("http://localhost.evil.example", kToken)).ok());
  EXPECT_FALSE(HttpSickLeave::check(options_for("https://aat.example.fr", "")).ok());
  EXPECT_FALSE(HttpSickLeave::check(options_for("https://aat.example.fr", "t\r\nX: 1")).ok());
  EXPECT_FALSE(
      HttpSickLeave::check(options_for("https://aat.example.fr", kToken, std::chrono::seconds(0)))
          .ok());
  // A client certificate instead of a token: both files, and they must exist.
  const auto dir = std::filesystem::temp_directory_path();
  const auto cert = dir / "cabinet-teleservice-test.crt";
  std::ofstream(cert) << "-----BEGIN CERTIFICATE-----\n";
  auto with_cert = options_for("https://mss.example.fr", "");
  with_cert.client_cert = cert.string();
  EXPECT_FALSE(HttpSecureMail::check(with_cert).ok());  // no key
  with_cert.client_key = (dir / "cabinet-teleservice-missing.key").string();
  EXPECT_FALSE(HttpSecureMail::check(with_cert).ok());  // the key is not there
  with_cert.client_key = cert.string();
  EXPECT_TRUE(HttpSecureMail::check(with_cert).ok());
  std::filesystem::remove(cert);

  HttpSickLeave plain(options_for("http://aat.example.fr", kToken), blocking_);
  auto e = run(plain.submit(sick_leave("close-12")));
  EXPECT_EQ(e.error().code, ErrorCode::unavailable);
  EXPECT_NE(e.error().detail.find("misconfigured"), std::string::npos);
}

TEST(TeleserviceClient, Base64AndScrub) {
  using teleservice_client::base64;
  using teleservice_client::scrub;
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(scrub("Patient Durandeau, NIR 185057800608491", {"Durandeau", "185057800608491"}),
            "Patient [redacted], NIR [redacted]");
  EXPECT_EQ(scrub("redacted act", {"act"}), "red[redacted]ed [redacted]");  // never loops
  EXPECT_EQ(scrub("Li Li", {"Li"}), "Li Li");  // too short to cut safely
  const auto cut = scrub(std::string(299, 'a') + "é", {});
  EXPECT_EQ(cut, std::string(299, 'a') + "…");
}

}  // namespace
}  // namespace cabinet::documents
