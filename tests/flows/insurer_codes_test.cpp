// Insurers' activation codes and quotas through the handlers, on both engines (issue 19 item 5,
// docs/operator.md "Insurers' activation codes"): issuing one or a CSV batch, redeeming (200,
// 404, 409, someone else's profile, the rate limit), the estimate's line, the card hold on the
// patient's share only, the quota counting down, given back on cancellation, and a used-up
// quota said before booking.
#include <algorithm>

#include "partner_fixture.hpp"

namespace cabinet::test {
namespace {

using http::Method;

class InsurerCodes : public PartnerFlows {
 protected:
  std::string insurer(int quota, int percent, const std::string& scope = "profile") {
    return partner(
        "Mutuelle Exemple", "insurer", {"mutuelle.test"},
        {{"quota_per_year", quota}, {"covered_percent", percent}, {"quota_scope", scope}});
  }

  std::string code(const std::string& partner_id) {
    auto r = h_.post(op_, "/api/v1/operator/partners/" + partner_id + "/codes", {{"count", 1}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.body["codes"][0];
  }

  Reply redeem(const std::string& code, const std::string& profile) {
    return h_.post(pat_, "/api/v1/me/insurer-codes", {{"code", code}, {"profile_id", profile}});
  }

  Reply estimate(const std::string& profile) {
    return h_.post(pat_, "/api/v1/reimbursement/estimate",
                   {{"practitioner_id", doc_.id}, {"motif_id", motif_}, {"profile_id", profile}});
  }

  int remaining() {
    auto r = h_.get(pat_, "/api/v1/me/insurer-codes");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body["benefits"].empty() ? -1 : r.body["benefits"][0]["remaining"].get<int>();
  }
};

TEST_P(InsurerCodes, CodesAreIssuedOneOrAsACsvBatchAndRedeemedOnce) {
  const auto id = insurer(3, 100);
  const auto one = code(id);
  EXPECT_TRUE(
      std::regex_match(one, std::regex("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}")))
      << one;
  auto batch =
      h_.post(op_, "/api/v1/operator/partners/" + id + "/codes", {{"count", 3}, {"format", "csv"}});
  ASSERT_EQ(batch.status, 201);
  EXPECT_NE(batch.headers.get("Content-Type").value_or("").find("text/csv"), std::string::npos);
  EXPECT_EQ(std::count(batch.raw.begin(), batch.raw.end(), '\n'), 4) << batch.raw;
  EXPECT_TRUE(batch.raw.starts_with("code,partner,issued_at\r\n")) << batch.raw;
  // Only their hashes are stored.
  EXPECT_EQ(count("SELECT COUNT(*) FROM insurer_codes"), 4);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM insurer_codes WHERE code_hash LIKE $1",
                   "%" + one.substr(0, 4) + "%"),
            0);
  auto counts = h_.get(op_, "/api/v1/operator/partners/" + id + "/codes");
  EXPECT_EQ(counts.body["issued"], 4);
  EXPECT_EQ(counts.body["redeemed"], 0);
  // A brand issues none.
  const auto brand = partner("Urgence Docteurs", "brand", {"partner.test"});
  EXPECT_EQ(h_.post(op_, "/api/v1/operator/partners/" + brand + "/codes").status, 400);
  EXPECT_EQ(h_.post(op_, "/api/v1/operator/partners/" + id + "/codes", {{"count", 5000}}).status,
            400);

  EXPECT_EQ(redeem("ABCD-EFGH-JKLM", child_).code(), "unknown_code");
  EXPECT_EQ(redeem("pas un code", child_).code(), "unknown_code");
  EXPECT_EQ(redeem(one, "somebody-else").status, 404);
  auto ok = redeem(one, child_);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.body["partner"], "Mutuelle Exemple");
  EXPECT_EQ(ok.body["remaining"], 3);
  // Typed in lower case with spaces: the same code, used.
  std::string typed = one;
  for (auto& c : typed) c = c == '-' ? ' ' : static_cast<char>(std::tolower(c));
  auto again = redeem(typed, holder_);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.code(), "code_used");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'insurer_code.redeem'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'partner.codes.issue'"), 2);

  // The insurer's administrator issues its own codes.
  auto admin = partner_admin(id, "admin@mutuelle.example");
  auto own = h_.post(admin, "/api/v1/operator/partners/" + id + "/codes", {{"count", 2}});
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(own.body["codes"].size(), 2U);
}

TEST_P(InsurerCodes, GuessingIsRateLimited) {
  insurer(3, 100);
  int limited = 0;
  for (int i = 0; i < 12; ++i) {
    auto r = redeem("ABCD-EFGH-JK" + std::string(1, "ABCDEFGHJKLM"[i]) + "2", child_);
    if (r.status == 429)
      ++limited;
    else
      EXPECT_EQ(r.code(), "unknown_code");
  }
  EXPECT_EQ(limited, 2);
}

TEST_P(InsurerCodes, AFullCoverBringsThePatientsShareToZeroAndTheQuotaCountsDown) {
  const auto id = insurer(2, 100);
  ASSERT_EQ(redeem(code(id), child_).status, 200);
  auto e = estimate(child_);
  ASSERT_EQ(e.status, 200) << e.body;
  EXPECT_EQ(e.body["insurer"]["partner"], "Mutuelle Exemple");
  EXPECT_EQ(e.body["insurer"]["covered_cents"], 2500);
  EXPECT_EQ(e.body["insurer"]["patient_pays_cents"], 0);
  EXPECT_EQ(e.body["insurer"]["label"], "Pris en charge par Mutuelle Exemple");
  // Another profile of the family is not covered (scope: profile).
  EXPECT_TRUE(estimate(holder_).body["insurer"].is_null());

  const auto slots = monday_video_slots();
  ASSERT_GE(slots.size(), 3U);
  const auto first = booked(slots[0], "k1");
  auto view = h_.get(pat_, "/api/v1/appointments/" + first);
  EXPECT_EQ(view.body["payment"]["state"], "none");
  EXPECT_EQ(view.body["payment"]["amount_cents"], 0);
  EXPECT_EQ(view.body["insurer"]["name"], "Mutuelle Exemple");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds"), 0);  // nothing held: nothing to pay
  EXPECT_EQ(remaining(), 1);

  const auto second = booked(slots[1], "k2");
  EXPECT_EQ(remaining(), 0);
  // Used up: said in the estimate and before anything is booked.
  auto used_up = estimate(child_);
  EXPECT_TRUE(used_up.body["insurer"]["exhausted"].get<bool>());
  EXPECT_EQ(used_up.body["insurer"]["patient_pays_cents"], 2500);
  auto refused = book(pat_, slots[2], "k3");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.code(), "quota_exhausted");
  EXPECT_EQ(refused.body["error"]["partner"], "Mutuelle Exemple");
  EXPECT_NE(refused.message().find("Mutuelle Exemple"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments"), 2);

  // Cancelled in time: given back.
  ASSERT_EQ(h_.post(pat_, "/api/v1/appointments/" + second + "/cancel").status, 200);
  EXPECT_EQ(remaining(), 1);

  // Paying normally is the patient's choice once told.
  auto full = h_.call(pat_, Method::post, "/api/v1/appointments",
                      {{"practitioner_id", doc_.id},
                       {"motif_id", motif_},
                       {"start", slots[2]},
                       {"profile_id", child_},
                       {"mode", "video"},
                       {"without_insurer", true}},
                      {{"Idempotency-Key", "k4"}});
  ASSERT_EQ(full.status, 201) << full.body;
  EXPECT_TRUE(full.body["insurer"].is_null());
  EXPECT_EQ(remaining(), 1);
}

TEST_P(InsurerCodes, TheCardHoldCoversOnlyThePatientsShare) {
  const auto id = insurer(5, 60, "family");
  ASSERT_EQ(redeem(code(id), holder_).status, 200);
  // Family: the child is covered too.
  auto e = estimate(child_);
  ASSERT_EQ(e.status, 200) << e.body;
  EXPECT_EQ(e.body["insurer"]["covered_cents"], 1500);
  EXPECT_EQ(e.body["insurer"]["patient_pays_cents"], 1000);

  const auto slots = monday_video_slots();
  const auto id_appt = booked(slots[0], "k1");
  EXPECT_EQ(count("SELECT amount_cents FROM sandbox_holds"), 1000);
  auto view = h_.get(pat_, "/api/v1/appointments/" + id_appt);
  EXPECT_EQ(view.body["payment"]["amount_cents"], 1000);
  EXPECT_EQ(view.body["insurer"]["covered_cents"], 1500);

  // At the close, the insurer's part comes off what is charged.
  at("2026-11-23T13:55:00");
  relogin();
  auto done = h_.post(doc_.client, "/api/v1/practitioner/appointments/" + id_appt + "/close",
                      {{"amount_cents", 2500}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.body["payment"]["captured_cents"], 1000);
}

INSTANTIATE_TEST_SUITE_P(Engines, InsurerCodes, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
