// The demo seed on a real database, both engines (issue 16 item 7): what `make run` seeds gives
// the immediate queue video GPs near each of the largest cities, some of them on duty; the
// same seed gives the same data, and a second run adds nothing.
#include "directory/seed.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "billing/reimbursement.hpp"
#include "directory/seed_data.hpp"
#include "geo/communes.hpp"
#include "test_db.hpp"

namespace cabinet::directory {
namespace {

using storage::Engine;

// The `n` most populated communes, computed here rather than with the seed's own helper.
std::vector<const geo::Commune*> biggest(std::size_t n) {
  std::vector<const geo::Commune*> all;
  for (const auto& c : geo::Communes::instance().all()) all.push_back(&c);
  std::stable_sort(all.begin(), all.end(),
                   [](const auto* a, const auto* b) { return a->population > b->population; });
  all.resize(n);
  return all;
}

struct Place {
  std::int64_t id = 0;
  double lat = 0;
  double lng = 0;
};

class SeedTest : public testing::TestWithParam<Engine> {
 protected:
  SeedReport seed(test::TestDatabase& t, SeedOptions options) {
    options.hashing = {1, 8192};
    auto r = t.run(directory::seed(t.db(), t.clock(), options));
    EXPECT_TRUE(r) << r.error().detail;
    return r ? *r : SeedReport{};
  }
  std::vector<std::vector<std::string>> rows(test::TestDatabase& t, const std::string& sql) {
    auto r = t.run(t.db().query(sql));
    EXPECT_TRUE(r) << r.error().detail;
    std::vector<std::vector<std::string>> out;
    if (!r) return out;
    for (std::size_t i = 0; i < r->size(); ++i) {
      const auto row = r->row(i);
      std::vector<std::string> cells;
      for (std::size_t c = 0; c < row.size(); ++c)
        cells.push_back(row.is_null(c) ? "NULL" : row.opt_text(c).value_or(""));
      out.push_back(std::move(cells));
    }
    return out;
  }
  std::int64_t count(test::TestDatabase& t, const std::string& sql) {
    auto r = t.run(t.db().query(sql));
    EXPECT_TRUE(r && !r->empty());
    return r && !r->empty() ? r->row(0).integer(0) : -1;
  }

  test::TestDatabase t_{GetParam()};
};

// Listed video GPs at the sector-1 video tariff, bookable by video every day from 07:00 to
// midnight: the ones a patient of the immediate queue may be given.
std::string video_gps_sql(int video_price) {
  return "SELECT a.id, pp.lat, pp.lng FROM accounts a"
         " JOIN practitioners pr ON pr.account_id = a.id"
         " JOIN practitioner_profiles pp ON pp.account_id = a.id"
         " WHERE a.status = 'active' AND pr.status = 'verified'"
         " AND pr.specialty = 'general_medicine' AND pp.published = 1 AND pp.video = 1"
         " AND pp.sector = '1' AND pp.lat IS NOT NULL"
         " AND (SELECT COUNT(DISTINCT o.weekday) FROM opening_hours o"
         "      WHERE o.practitioner_id = a.id AND o.mode = 'video'"
         "      AND o.start_min <= 420 AND o.end_min >= 1440) = 7"
         " AND EXISTS (SELECT 1 FROM motifs m WHERE m.practitioner_id = a.id"
         "      AND m.mode IN ('video', 'both') AND m.archived_at IS NULL)"
         " AND NOT EXISTS (SELECT 1 FROM motifs m WHERE m.practitioner_id = a.id"
         "      AND m.mode IN ('video', 'both') AND m.archived_at IS NULL"
         "      AND m.price_cents <> " +
         std::to_string(video_price) + ")";
}

TEST_P(SeedTest, TenVideoGpsWithinThirtyKmOfEachOfTheTwentyLargestCities) {
  // What `make run` seeds.
  SeedOptions options;
  options.practitioners = 500;
  options.seed = 1;
  options.demo_accounts = true;
  const auto report = seed(t_, options);
  EXPECT_EQ(report.practitioners_created, 500);
  EXPECT_EQ(report.city_gps_created, 200);
  EXPECT_EQ(report.on_duty, 10);

  const auto today = seed_data::tariff_date(t_.clock().unix_seconds());
  const auto price = billing::sector_1_ceiling("general_medicine", "video", today);
  ASSERT_TRUE(price);
  std::vector<Place> gps;
  auto r = t_.run(t_.db().query(video_gps_sql(*price)));
  ASSERT_TRUE(r) << r.error().detail;
  for (std::size_t i = 0; i < r->size(); ++i)
    gps.push_back({r->row(i).integer(0), r->row(i).real(1), r->row(i).real(2)});

  const auto cities = biggest(kDemoCities);
  EXPECT_EQ(cities.front()->name, "Paris");
  for (const auto* city : cities) {
    const auto near = std::count_if(gps.begin(), gps.end(), [&](const Place& p) {
      return geo::distance_km(city->lat, city->lng, p.lat, p.lng) <= 30;
    });
    EXPECT_GE(near, 10) << city->name << " (" << city->code << ")";
  }
}

TEST_P(SeedTest, AboutTenOfThemAreOnDutyInTheGeneralMedicineQueue) {
  SeedOptions options;
  options.practitioners = 0;
  seed(t_, options);
  // As queue::Service::set_duty leaves a practitioner: the duty row and the queue's motif.
  EXPECT_EQ(count(t_, "SELECT COUNT(*) FROM queue_duty WHERE specialty = 'general_medicine'"), 10);
  EXPECT_EQ(count(t_,
                  "SELECT COUNT(*) FROM queue_duty d JOIN motifs m"
                  " ON m.practitioner_id = d.practitioner_id AND m.immediate = 1"
                  " WHERE m.label = 'Consultation immédiate'"
                  " AND m.label_en = 'Immediate consultation' AND m.duration_min = 15"
                  " AND m.mode = 'video' AND m.price_cents = 2500 AND m.position = 0"
                  " AND m.archived_at = m.created_at"),
            10);
  // Two in each of the five largest cities' surroundings.
  std::vector<Place> duty;
  auto r =
      t_.run(t_.db().query("SELECT d.practitioner_id, pp.lat, pp.lng FROM queue_duty d"
                           " JOIN practitioner_profiles pp ON pp.account_id = d.practitioner_id"
                           " JOIN practitioners pr ON pr.account_id = d.practitioner_id"
                           " WHERE pr.status = 'verified' AND pp.video = 1"));
  ASSERT_TRUE(r);
  for (std::size_t i = 0; i < r->size(); ++i)
    duty.push_back({r->row(i).integer(0), r->row(i).real(1), r->row(i).real(2)});
  ASSERT_EQ(duty.size(), 10U);
  for (const auto* city : biggest(5)) {
    EXPECT_GE(std::count_if(duty.begin(), duty.end(),
                            [&](const Place& p) {
                              return geo::distance_km(city->lat, city->lng, p.lat, p.lng) <= 30;
                            }),
              2)
        << city->name;
  }
}

TEST_P(SeedTest, TheSameSeedGivesTheSameGpsAndASecondRunAddsNothing) {
  const std::string sql =
      "SELECT a.email, a.public_id, pr.rpps, pp.public_id, pp.commune_code, pp.postcode,"
      " p.first_name, p.last_name FROM accounts a"
      " JOIN practitioners pr ON pr.account_id = a.id"
      " JOIN practitioner_profiles pp ON pp.account_id = a.id"
      " JOIN profiles p ON p.account_id = a.id AND p.is_holder = 1"
      " WHERE a.email LIKE 'generaliste-%' ORDER BY a.email";
  SeedOptions options;
  options.practitioners = 20;
  options.seed = 7;
  seed(t_, options);
  test::TestDatabase other(GetParam());
  // Without the other practitioners first: the GPs do not depend on them.
  options.practitioners = 0;
  seed(other, options);
  const auto first = rows(t_, sql);
  EXPECT_EQ(first.size(), 200U);
  EXPECT_EQ(first, rows(other, sql));

  options.practitioners = 20;
  const auto again = seed(t_, options);
  EXPECT_TRUE(again.already_seeded);
  EXPECT_EQ(again.practitioners_created + again.city_gps_created, 0);
  EXPECT_EQ(count(t_, "SELECT COUNT(*) FROM practitioners"), 220);
  EXPECT_EQ(count(t_, "SELECT COUNT(*) FROM queue_duty"), 10);
}

TEST_P(SeedTest, ADatabaseSeededBeforeTheGpsGetsThemAtTheNextRun) {
  SeedOptions options;
  options.practitioners = 10;
  options.demo_accounts = true;
  options.gps_per_city = 0;
  const auto before = seed(t_, options);
  EXPECT_EQ(before.city_gps_created, 0);
  EXPECT_EQ(before.accounts.size(), 3U);

  options.gps_per_city = 10;
  const auto next = seed(t_, options);
  EXPECT_FALSE(next.already_seeded);
  EXPECT_EQ(next.practitioners_created, 0);
  EXPECT_TRUE(next.accounts.empty());
  EXPECT_EQ(next.city_gps_created, 200);
  EXPECT_EQ(count(t_, "SELECT COUNT(*) FROM practitioners"), 211);  // and the demo one
  EXPECT_TRUE(seed(t_, options).already_seeded);
}

INSTANTIATE_TEST_SUITE_P(Engines, SeedTest, testing::ValuesIn(test::engines_under_test()),
                         test::engine_param_name);

}  // namespace
}  // namespace cabinet::directory
