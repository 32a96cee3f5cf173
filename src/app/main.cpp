#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "accounts/service.hpp"
#include "app/app.hpp"
#include "app/config.hpp"
#include "audit/log.hpp"
#include "core/log.hpp"
#include "directory/seed.hpp"
#include "partners/demo.hpp"
#include "reference/service.hpp"
#include "stats/demo.hpp"
#include "storage/open.hpp"

namespace {

using cabinet::app::Config;

struct Common {
  std::string config_path;
  std::vector<std::string> sets;
};

// Exit codes: 0 ok, 1 runtime failure (database, port), 2 bad configuration or usage.
int fail(int code, const std::string& message) {
  std::cerr << "cabinet: " << message << "\n";
  return code;
}

std::optional<Config> load_config(const Common& common, int& exit_code) {
  std::map<std::string, std::string> overrides;
  for (const auto& s : common.sets) {
    const auto eq = s.find('=');
    if (eq == std::string::npos) {
      exit_code = fail(2, "--set expects key=value, got \"" + s + "\"");
      return std::nullopt;
    }
    overrides[s.substr(0, eq)] = s.substr(eq + 1);
  }
  std::string path = common.config_path;
  // Without --config, a cabinet.toml in the working directory is used when present.
  if (path.empty() && std::filesystem::exists("cabinet.toml")) path = "cabinet.toml";
  auto config =
      cabinet::app::load(path, overrides, [](const char* name) { return std::getenv(name); });
  if (!config) {
    exit_code = fail(2, config.error().detail);
    return std::nullopt;
  }
  return std::move(*config);
}

int serve(const Common& common) {
  int code = 0;
  auto config = load_config(common, code);
  if (!config) return code;
  cabinet::log::init({config->log.level, config->log.file});
  cabinet::OffsetClock clock(config->dev.clock_offset);
  cabinet::SecureRandom random;
  cabinet::app::App app(*config, clock, random);
  auto report = app.open_database();
  if (!report) {
    cabinet::log::error("cannot open the database",
                        {{"url", cabinet::storage::redact_url(config->database.url)},
                         {"error", report.error().detail}});
    cabinet::log::flush();
    return 1;
  }
  if (!report->applied.empty()) {
    cabinet::log::info("migrations applied",
                       {{"from", report->from_version}, {"to", report->to_version}});
  }
  auto port = app.listen();
  if (!port) {
    cabinet::log::error("cannot listen", {{"error", port.error().detail}});
    cabinet::log::flush();
    return 1;
  }
  app.serve();
  cabinet::log::flush();
  return 0;
}

// Opens the configured database (migrating it) for a one-shot command; logs go to stderr.
std::optional<cabinet::app::Config> command_config(const Common& common, int& code) {
  auto config = load_config(common, code);
  if (config) cabinet::log::init({cabinet::log::Level::warn, config->log.file});
  return config;
}

int operator_add(const Common& common, const std::string& email, const std::string& first,
                 const std::string& last, bool password_stdin) {
  int code = 0;
  auto config = command_config(common, code);
  if (!config) return code;
  if (!password_stdin) return fail(2, "give the password on standard input with --password-stdin");
  std::string password;
  std::getline(std::cin, password);
  cabinet::OffsetClock clock(config->dev.clock_offset);
  cabinet::SecureRandom random;
  cabinet::app::App app(*config, clock, random);
  if (auto r = app.open_database(); !r) return fail(1, r.error().detail);
  cabinet::accounts::SignupForm form;
  form.email = email;
  form.password = password;
  form.first_name = first;
  form.last_name = last;
  auto id = app.block_on(app.accounts().create_operator(form));
  cabinet::log::flush();
  if (!id)
    return fail(2, id.error().message(cabinet::Locale::en) +
                       (id.error().field.empty() ? "" : " (" + id.error().field + ")"));
  std::cout << "operator " << email << " created (" << *id << ")\n";
  return 0;
}

struct SeedArgs {
  int practitioners = 500;
  std::uint64_t seed = 1;
  bool demo_accounts = false;
  int gps_per_city = 10;
};

int seed(const Common& common, const SeedArgs& args) {
  int code = 0;
  auto config = command_config(common, code);
  if (!config) return code;
  if (args.practitioners < 0 || args.practitioners > 100000)
    return fail(2, "--practitioners: 0 to 100000");
  if (args.gps_per_city < 0 || args.gps_per_city > 1000) return fail(2, "--city-gps: 0 to 1000");
  const auto seed_value = args.seed;
  cabinet::OffsetClock clock(config->dev.clock_offset);
  cabinet::SecureRandom random;
  cabinet::app::App app(*config, clock, random);
  if (auto r = app.open_database(); !r) return fail(1, r.error().detail);
  cabinet::directory::SeedOptions options;
  options.practitioners = args.practitioners;
  options.seed = seed_value;
  options.demo_accounts = args.demo_accounts;
  options.gps_per_city = args.gps_per_city;
  options.hashing = {config->security.argon2_ops, config->security.argon2_memory};
  auto pharmacies = app.block_on(app.reference().seed_demo_pharmacies());
  if (!pharmacies) return fail(1, pharmacies.error().detail);
  if (*pharmacies > 0) std::cout << *pharmacies << " demo pharmacies added\n";
  // The demo partners (docs/operator.md "Demo"): http://partner.localhost:8080/ shows one.
  auto partners = app.block_on(cabinet::partners::seed_demo(app.database(), clock, random));
  if (!partners) return fail(1, partners.error().detail);
  if (*partners > 0)
    std::cout << *partners << " demo partners added (partner.localhost, mutuelle.localhost)\n";
  auto report = app.block_on(cabinet::directory::seed(app.database(), clock, options));
  cabinet::log::flush();
  if (!report) return fail(1, report.error().detail);
  if (report->already_seeded) {
    std::cout << "demo data for seed " << seed_value << " is already there: nothing added\n";
    return 0;
  }
  std::cout << report->practitioners_created << " demo practitioners added (seed " << seed_value
            << ")\n";
  if (report->city_gps_created > 0)
    std::cout << report->city_gps_created << " video GPs added around the "
              << cabinet::directory::kDemoCities << " largest cities, " << report->on_duty
              << " of them on duty in the general medicine queue (try it: cabinet demo queue)\n";
  if (!report->demo_consultation.empty()) {
    if (auto r = app.close_demo_consultation(report->demo_consultation); !r)
      return fail(
          1, "demo documents: " + r.error().message(cabinet::Locale::en) + " " + r.error().detail);
    std::cout << "the demo patient's past consultation is closed with its documents, and a "
                 "conversation about it is in the messaging\n";
    auto rpps = app.seed_demo_rpps();
    if (!rpps)
      return fail(1, "demo RPPS extract: " + rpps.error().message(cabinet::Locale::en) + " " +
                         rpps.error().detail);
    std::cout << "the demo RPPS extract (" << *rpps
              << " practitioners) is imported; two practitioners await verification\n";
  }
  if (args.demo_accounts) {
    // Past activity for the operator's statistics (docs/operator.md "Statistics").
    auto activity = app.block_on(
        cabinet::stats::seed_demo_activity(app.database(), clock, app.keys(), seed_value));
    if (!activity) return fail(1, "demo statistics: " + activity.error().detail);
    if (activity->appointments > 0)
      std::cout << activity->appointments << " past demo appointments and "
                << activity->queue_entries
                << " queue entries added for the operator's statistics\n";
  }
  if (!report->accounts.empty()) {
    std::cout << "\nDemo accounts (public passwords: for trying Cabinet, never for real data):\n";
    for (const auto& a : report->accounts) {
      std::cout << "  " << a.role << ": " << a.email << " / " << a.password << "  — " << a.note
                << "\n";
    }
  }
  return 0;
}

// cabinet demo queue [--patients N]: how to try immediate teleconsultation with the demo
// accounts, and demo patients waiting in the general medicine queue.
int demo_queue(const Common& common, int patients) {
  int code = 0;
  auto config = command_config(common, code);
  if (!config) return code;
  if (patients < 0 || patients > 50) return fail(2, "--patients: 0 to 50");
  cabinet::OffsetClock clock(config->dev.clock_offset);
  cabinet::SecureRandom random;
  cabinet::app::App app(*config, clock, random);
  if (auto r = app.open_database(); !r) return fail(1, r.error().detail);
  auto r = app.demo_queue(patients, std::cout);
  cabinet::log::flush();
  if (!r) {
    const auto& e = r.error();
    return fail(e.code == cabinet::ErrorCode::invalid_request ? 2 : 1,
                e.detail.empty() ? e.message(cabinet::Locale::fr) : e.detail);
  }
  return 0;
}

void print_report(const cabinet::reference::ImportReport& report) {
  for (const auto& f : report.files) std::cout << cabinet::reference::describe(f);
}

// cabinet import-drugs --bdpm <dir>: the BDPM's three files replace the previous import.
int import_drugs(const Common& common, const std::string& dir) {
  int code = 0;
  auto config = command_config(common, code);
  if (!config) return code;
  auto files = cabinet::reference::read_bdpm_dir(dir);
  if (!files) return fail(2, files.error().detail);
  cabinet::OffsetClock clock(config->dev.clock_offset);
  cabinet::SecureRandom random;
  cabinet::app::App app(*config, clock, random);
  if (auto r = app.open_database(); !r) return fail(1, r.error().detail);
  auto report = app.block_on(app.reference().import_bdpm(*files));
  cabinet::log::flush();
  if (!report) return fail(1, report.error().detail);
  print_report(*report);
  std::cout << report->written << " drugs imported from the BDPM (" << report->removed
            << " of the previous import replaced)\n";
  return 0;
}

// cabinet import-pharmacies --finess <file>: the extract's pharmacies, upserted by FINESS number.
int import_pharmacies(const Common& common, const std::string& path) {
  int code = 0;
  auto config = command_config(common, code);
  if (!config) return code;
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(2, "cannot read " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  cabinet::OffsetClock clock(config->dev.clock_offset);
  cabinet::SecureRandom random;
  cabinet::app::App app(*config, clock, random);
  if (auto r = app.open_database(); !r) return fail(1, r.error().detail);
  auto report = app.block_on(app.reference().import_finess(bytes.str()));
  cabinet::log::flush();
  if (!report) return fail(1, report.error().detail);
  print_report(*report);
  std::cout << report->written << " pharmacies imported from FINESS\n";
  return 0;
}

int audit_verify(const Common& common) {
  int code = 0;
  auto config = command_config(common, code);
  if (!config) return code;
  cabinet::OffsetClock clock(config->dev.clock_offset);
  cabinet::SecureRandom random;
  cabinet::app::App app(*config, clock, random);
  if (auto r = app.open_database(); !r) return fail(1, r.error().detail);
  auto report = app.block_on(cabinet::audit::verify(app.database()));
  cabinet::log::flush();
  if (!report) return fail(1, report.error().detail);
  if (report->first_broken) {
    std::cout << "audit log BROKEN at entry " << *report->first_broken << ": " << report->reason
              << " (" << report->entries << " entries read)\n";
    return 1;
  }
  std::cout << "audit log intact: " << report->entries << " entries, every link verified\n";
  return 0;
}

int migrate(const Common& common) {
  int code = 0;
  auto config = load_config(common, code);
  if (!config) return code;
  cabinet::log::init({config->log.level, config->log.file});
  cabinet::OffsetClock clock(config->dev.clock_offset);
  cabinet::SecureRandom random;
  cabinet::app::App app(*config, clock, random);
  auto report = app.open_database();
  cabinet::log::flush();
  if (!report) return fail(1, report.error().detail);
  std::cout << "schema version " << report->to_version << " ("
            << (report->applied.empty()
                    ? "already up to date"
                    : std::to_string(report->applied.size()) + " migration(s) applied")
            << ") on " << cabinet::storage::redact_url(config->database.url) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Everything Cabinet writes (database, WAL, keys, mailbox, uploads) is for its own user only.
  ::umask(0077);
  CLI::App cli{"Cabinet — teleconsultation platform", "cabinet"};
  cli.require_subcommand(1);
  cli.fallthrough();
  Common common;
  cli.add_option("-c,--config", common.config_path,
                 "configuration file (TOML); default: ./cabinet.toml when present");
  cli.add_option("--set", common.sets, "override one key, e.g. --set http.port=9090 (repeatable)");
  cli.footer("Configuration keys (cabinet.toml sections, CABINET_* environment, --set):\n" +
             cabinet::app::keys_text() +
             "\nPrecedence: defaults < cabinet.toml < environment < --set.");

  auto* serve_cmd = cli.add_subcommand("serve", "apply migrations and serve HTTP and WebSocket");
  auto* migrate_cmd = cli.add_subcommand("migrate", "apply pending database migrations and exit");
  auto* version_cmd = cli.add_subcommand("version", "print the version and exit");
  auto* config_cmd = cli.add_subcommand("config", "print the configuration keys");
  auto* operator_cmd = cli.add_subcommand("operator", "manage operator accounts");
  operator_cmd->require_subcommand(1);
  auto* operator_add_cmd = operator_cmd->add_subcommand("add", "create an operator account");
  std::string op_email;
  std::string op_first = "Opérateur";
  std::string op_last = "Cabinet";
  bool password_stdin = false;
  operator_add_cmd->add_option("--email", op_email, "the operator's email address")->required();
  operator_add_cmd->add_option("--first-name", op_first, "first name");
  operator_add_cmd->add_option("--last-name", op_last, "last name");
  operator_add_cmd->add_flag("--password-stdin", password_stdin,
                             "read the password from standard input");
  auto* audit_cmd = cli.add_subcommand("audit", "the audit log of accesses to health data");
  audit_cmd->require_subcommand(1);
  auto* audit_verify_cmd = audit_cmd->add_subcommand(
      "verify", "check every link of the hash chain; exit 1 at the first broken one");
  auto* seed_cmd = cli.add_subcommand(
      "seed", "add deterministic demo practitioners (and demo accounts) and demo pharmacies");
  SeedArgs seed_args;
  seed_cmd->add_option("--practitioners", seed_args.practitioners, "how many practitioners (500)");
  seed_cmd->add_option("--seed", seed_args.seed, "same seed, same data (1)");
  seed_cmd->add_flag("--demo-accounts", seed_args.demo_accounts,
                     "also create a demo patient (with a child), practitioner and operator");
  seed_cmd->add_option("--city-gps", seed_args.gps_per_city,
                       "video GPs around each of the 20 largest cities, the first ones on duty in "
                       "the general medicine queue (10; 0: none)");
  auto* demo_cmd = cli.add_subcommand("demo", "try features with the demo accounts");
  demo_cmd->require_subcommand(1);
  auto* demo_queue_cmd = demo_cmd->add_subcommand(
      "queue", "how to try immediate teleconsultation, with demo patients waiting in the queue");
  int demo_patients = 2;
  demo_queue_cmd->add_option("--patients", demo_patients,
                             "demo patients to put in the general medicine queue (2)");
  auto* import_drugs_cmd = cli.add_subcommand(
      "import-drugs", "replace the drugs of the previous BDPM import with the BDPM's files");
  std::string bdpm_dir;
  import_drugs_cmd
      ->add_option("--bdpm", bdpm_dir,
                   "folder holding CIS_bdpm.txt, CIS_COMPO_bdpm.txt and CIS_CIP_bdpm.txt")
      ->required();
  auto* import_pharmacies_cmd = cli.add_subcommand(
      "import-pharmacies", "add or update pharmacies from the FINESS extract (etalab file)");
  std::string finess_file;
  import_pharmacies_cmd->add_option("--finess", finess_file, "the extract's .csv file")->required();
  bool markdown = false;
  config_cmd->add_flag("--markdown", markdown, "as the Markdown table of docs/configuration.md");

  CLI11_PARSE(cli, argc, argv);

  if (*serve_cmd) return serve(common);
  if (*operator_add_cmd) return operator_add(common, op_email, op_first, op_last, password_stdin);
  if (*audit_verify_cmd) return audit_verify(common);
  if (*seed_cmd) return seed(common, seed_args);
  if (*demo_queue_cmd) return demo_queue(common, demo_patients);
  if (*migrate_cmd) return migrate(common);
  if (*import_drugs_cmd) return import_drugs(common, bdpm_dir);
  if (*import_pharmacies_cmd) return import_pharmacies(common, finess_file);
  if (*version_cmd) {
    std::cout << "cabinet " << cabinet::app::version_string() << "\n";
    return 0;
  }
  if (*config_cmd) {
    std::cout << (markdown ? cabinet::app::keys_markdown() : cabinet::app::keys_text());
    return 0;
  }
  return 2;
}
