#include "notify/file_transport.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

namespace cabinet::notify {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxId = 200;
constexpr std::size_t kMaxStem = 120;  // of the message id part of a file name
// A listing needs the headers only; a development mailbox holds messages, not dumps.
constexpr std::size_t kListBytes = std::size_t{64} * 1024;
constexpr std::size_t kReadBytes = std::size_t{8} * 1024 * 1024;

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

Error os_error(std::string_view what, const fs::path& path, int error) {
  return Error(ErrorCode::unavailable,
               fmt::format("{} {}: {}", what, path.string(),
                           std::error_code(error, std::generic_category()).message()));
}

// The file appears whole or not at all: readers of the directory never see half a message,
// and a crash leaves at most a ".tmp-" file behind.
Result<void> write_atomically(const fs::path& dir, const std::string& name,
                              std::string_view content) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    return Error(ErrorCode::unavailable, "cannot create " + dir.string() + ": " + ec.message());
  // Messages carry login codes and reset links: the directory is the service user's alone, even
  // when an older version or another umask created it.
  fs::permissions(dir, fs::perms::owner_all, ec);
  std::string temp = (dir / ".tmp-XXXXXX").string();
  // mkostemp creates the file 0600: messages may carry security codes.
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) return os_error("cannot create a file in", dir, errno);
  const auto fail = [&](std::string_view what) {
    const int error = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    return os_error(what, temp, error);
  };
  for (std::size_t done = 0; done < content.size();) {
    const auto n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("cannot write");
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot fsync");
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    return os_error("cannot close", temp, error);
  }
  const fs::path target = dir / name;
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    return os_error("cannot rename to", target, error);
  }
  // The rename itself is durable once the directory is synced; some file systems refuse to
  // fsync a directory, and the message is in place either way, so that is best effort.
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return ok();
}

std::optional<std::string> read_prefix(const fs::path& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string content(limit, '\0');
  in.read(content.data(), static_cast<std::streamsize>(limit));
  content.resize(static_cast<std::size_t>(in.gcount()));
  return content;
}

std::int64_t leading_number(std::string_view name) {
  std::int64_t value = 0;
  std::from_chars(name.data(), name.data() + name.size(), value);
  return value;
}

}  // namespace

std::string mailbox_file_stem(std::int64_t created_at, std::string_view message_id) {
  std::string stem;
  for (char c : message_id) {
    if (c == '<' || c == '>') continue;
    // No "..", no leading '.': the name must pass read_mailbox's checks.
    const bool dot_ok = c == '.' && !stem.empty() && stem.back() != '.';
    stem.push_back(is_name_char(c) && (c != '.' || dot_ok) ? c : '_');
    if (stem.size() == kMaxStem) break;
  }
  if (stem.empty()) stem = "message";
  return fmt::format("{}-{}", created_at, stem);
}

Result<void> FileEmailTransport::send(const Email& email) {
  if (auto checked = check_email(email); !checked) return checked;
  return write_atomically(dir_, mailbox_file_stem(email.created_at, email.message_id) + ".eml",
                          render_eml(email));
}

Result<void> FileSmsTransport::send(const Sms& sms) {
  if (sms.message_id.empty()) return Error(ErrorCode::invalid_request, "SMS without message_id");
  const std::int64_t at = sms.created_at != 0
                              ? sms.created_at
                              : std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count();
  const nlohmann::json body{{"message_id", sms.message_id}, {"to", sms.to}, {"text", sms.text}};
  // Replacing invalid UTF-8 keeps dump() from throwing; this file is for eyes, not for replay.
  const std::string json = body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  return write_atomically(dir_, mailbox_file_stem(at, sms.message_id) + ".json", json + "\n");
}

std::vector<MailboxEntry> list_mailbox(const fs::path& dir, std::size_t limit) {
  struct Found {
    std::string name;
    fs::file_time_type written;
  };
  std::vector<Found> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with('.') || !name.ends_with(".eml") || !it->is_regular_file(ec)) continue;
    files.push_back({name, it->last_write_time(ec)});
  }
  // Newest first by the message's own second, then by when the file was written: several
  // messages often share a second (a code right after a confirmation), and files are written in
  // the order the outbox delivers them.
  std::sort(files.begin(), files.end(), [](const Found& a, const Found& b) {
    const auto ta = leading_number(a.name);
    const auto tb = leading_number(b.name);
    if (ta != tb) return ta > tb;
    if (a.written != b.written) return a.written > b.written;
    return a.name > b.name;
  });
  std::vector<MailboxEntry> entries;
  for (const auto& [name, written] : files) {
    if (entries.size() == limit) break;
    const auto content = read_prefix(dir / name, kListBytes);
    if (!content) continue;
    const ParsedEmail mail = parse_eml(*content);
    entries.push_back(MailboxEntry{name.substr(0, name.size() - 4), mail.message_id, mail.to,
                                   mail.subject, mail.date});
  }
  return entries;
}

std::optional<ParsedEmail> read_mailbox(const fs::path& dir, std::string_view id) {
  if (id.empty() || id.size() > kMaxId || id.starts_with('.') || id.find("..") != id.npos ||
      !std::all_of(id.begin(), id.end(), is_name_char)) {
    return std::nullopt;
  }
  const fs::path path = dir / (std::string(id) + ".eml");
  std::error_code ec;
  // A symbolic link in the mailbox could point anywhere; only plain files are messages.
  if (fs::symlink_status(path, ec).type() != fs::file_type::regular) return std::nullopt;
  const auto content = read_prefix(path, kReadBytes);
  if (!content) return std::nullopt;
  return parse_eml(*content);
}

}  // namespace cabinet::notify
