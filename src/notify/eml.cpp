#include "notify/eml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

#include "core/random.hpp"
#include "core/utf8.hpp"
#include "notify/mime.hpp"

namespace cabinet::notify {
namespace {

constexpr auto npos = std::string_view::npos;
constexpr int kMaxDepth = 8;                 // nested multiparts read by parse_eml
constexpr std::size_t kMaxAttachments = 16;  // kept by parse_eml, for the mailbox page

unsigned char uc(char c) { return static_cast<unsigned char>(c); }
bool is_control(char c) { return uc(c) < 0x20 || uc(c) == 0x7f; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string to_lf(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r' || i + 1 == s.size() || s[i + 1] != '\n') out.push_back(s[i]);
  }
  return out;
}

// The header fields of one entity (names lowercased, values unfolded) and its body.
struct Entity {
  std::vector<std::pair<std::string, std::string>> headers;
  std::string_view body;

  [[nodiscard]] std::string header(std::string_view name) const {
    for (const auto& [n, v] : headers) {
      if (n == name) return v;
    }
    return {};
  }
};

// `text` has "\n" line ends; headers end at the first empty line.
Entity split_entity(std::string_view text) {
  Entity entity;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto nl = text.find('\n', pos);
    const std::string_view line = text.substr(pos, nl == npos ? npos : nl - pos);
    pos = nl == npos ? text.size() : nl + 1;
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !entity.headers.empty()) {
      entity.headers.back().second += line;  // unfolding keeps the whitespace
      continue;
    }
    const auto colon = line.find(':');
    if (colon == npos) continue;
    entity.headers.emplace_back(lower(trim(line.substr(0, colon))), line.substr(colon + 1));
  }
  for (auto& header : entity.headers) header.second = std::string(trim(header.second));
  entity.body = text.substr(pos);
  return entity;
}

// A parameter of a structured header: boundary in "multipart/alternative; boundary=\"x\"".
std::string parameter(std::string_view value, std::string_view wanted) {
  std::size_t pos = value.find(';');
  while (pos != npos) {
    const auto eq = value.find('=', pos);
    if (eq == npos) break;
    const std::string key = lower(trim(value.substr(pos + 1, eq - pos - 1)));
    std::string result;
    std::size_t i = eq + 1;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    if (i < value.size() && value[i] == '"') {
      for (++i; i < value.size() && value[i] != '"'; ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        result.push_back(value[i]);
      }
      pos = value.find(';', i);
    } else {
      pos = value.find(';', i);
      result = std::string(trim(value.substr(i, pos == npos ? npos : pos - i)));
    }
    if (key == wanted) return result;
  }
  return {};
}

// The body parts between "--boundary" lines; the line end before a delimiter belongs to the
// delimiter (RFC 2046 5.1.1).
std::vector<std::string_view> split_multipart(std::string_view body, std::string_view boundary) {
  std::vector<std::string_view> parts;
  const std::string delimiter = "--" + std::string(boundary);
  std::optional<std::size_t> start;
  for (std::size_t pos = 0;;) {
    const auto nl = body.find('\n', pos);
    const std::string_view line = body.substr(pos, nl == npos ? npos : nl - pos);
    const std::string_view rest =
        line.starts_with(delimiter) ? trim(line.substr(delimiter.size())) : "-";
    if (rest.empty() || rest == "--") {
      if (start) parts.push_back(body.substr(*start, std::max(pos, *start + 1) - 1 - *start));
      if (rest == "--") return parts;
      start = nl == npos ? body.size() : nl + 1;
    }
    if (nl == npos) break;
    pos = nl + 1;
  }
  if (start && *start < body.size()) parts.push_back(body.substr(*start));  // truncated mail
  return parts;
}

// The part's bytes, transfer encoding undone: an attachment exactly as it was sent.
std::string decode_bytes(std::string_view body, const Entity& entity) {
  const std::string encoding = lower(entity.header("content-transfer-encoding"));
  if (encoding == "quoted-printable") return decode_quoted_printable(body);
  if (encoding == "base64") return decode_base64(body).value_or(std::string(body));
  return std::string(body);
}

std::string decode_body(std::string_view body, const Entity& entity) {
  std::string bytes = decode_bytes(body, entity);
  const std::string charset = parameter(entity.header("content-type"), "charset");
  return to_lf(charset_to_utf8(std::move(bytes), charset));
}

void collect_parts(const Entity& entity, ParsedEmail& out, int depth) {
  const std::string type = entity.header("content-type");
  std::string media = lower(trim(std::string_view(type).substr(0, type.find(';'))));
  if (media.empty()) media = "text/plain";
  if (media.starts_with("multipart/")) {
    const std::string boundary = parameter(type, "boundary");
    if (boundary.empty() || depth >= kMaxDepth) return;
    for (auto part : split_multipart(entity.body, boundary)) {
      collect_parts(split_entity(part), out, depth + 1);
    }
    return;
  }
  if (const std::string disposition = entity.header("content-disposition");
      lower(disposition).starts_with("attachment")) {
    if (out.attachments.size() < kMaxAttachments) {
      out.attachments.push_back({parameter(disposition, "filename"), std::string(trim(type)),
                                 decode_bytes(entity.body, entity)});
    }
    return;
  }
  if (media != "text/plain" && media != "text/html") return;
  std::string& target = media == "text/plain" ? out.text : out.html;
  if (!target.empty()) return;
  std::string_view body = entity.body;
  // A single-part message ends with the line end render_eml puts after the body.
  if (depth == 0 && body.ends_with('\n')) body.remove_suffix(1);
  target = decode_body(body, entity);
}

std::string make_boundary(std::string_view text, std::string_view html) {
  static SecureRandom random;
  for (;;) {
    // "=_" cannot occur in quoted-printable text, where every '=' starts an escape; the check
    // below is for the day the encoding changes.
    std::string boundary = "=_cabinet_" + random_hex(random, 12);
    if (text.find(boundary) == npos && html.find(boundary) == npos) return boundary;
  }
}

}  // namespace

Result<void> check_email(const Email& email) {
  const auto refuse = [](std::string detail) {
    return Error(ErrorCode::invalid_request, std::move(detail));
  };
  const std::array<std::pair<std::string_view, const std::string*>, 4> headers{
      {{"Message-ID", &email.message_id},
       {"From", &email.from},
       {"To", &email.to},
       {"Subject", &email.subject}}};
  for (const auto& [name, value] : headers) {
    if (std::any_of(value->begin(), value->end(), is_control)) {
      return refuse(fmt::format("{} contains a control character (CR/LF injection?)", name));
    }
    if (!is_valid_utf8(*value)) return refuse(fmt::format("{} is not UTF-8", name));
  }
  std::string_view id = trim(email.message_id);
  if (id.starts_with('<') && id.ends_with('>')) id = id.substr(1, id.size() - 2);
  if (id.empty() || std::any_of(id.begin(), id.end(), [](char c) {
        return uc(c) <= 32 || uc(c) >= 127 || c == '<' || c == '>';
      })) {
    return refuse("Message-ID must be printable ASCII: " + email.message_id);
  }
  if (address_of(email.from).empty()) return refuse("From has no usable address: " + email.from);
  if (address_of(email.to).empty()) return refuse("To has no usable address: " + email.to);
  if (!is_valid_utf8(email.text) || !is_valid_utf8(email.html)) {
    return refuse("the body is not UTF-8");
  }
  for (const auto& a : email.attachments) {
    const auto plain = [](std::string_view v) {
      return !v.empty() && std::none_of(v.begin(), v.end(), [](char c) {
        return uc(c) < 32 || uc(c) >= 127 || c == '"' || c == '\\';
      });
    };
    if (!plain(a.filename) || !plain(a.content_type))
      return refuse("an attachment's name or type is not plain ASCII: " + a.filename);
    if (!is_valid_utf8(a.content)) return refuse("an attachment is not UTF-8");
  }
  return ok();
}

std::string address_of(std::string_view mailbox) {
  std::string_view s = trim(mailbox);
  if (const auto lt = s.rfind('<'); lt != npos) {
    if (!s.ends_with('>')) return {};
    s = s.substr(lt + 1, s.size() - lt - 2);
  }
  const auto at = s.rfind('@');
  if (s.size() > 254 || at == npos || at == 0 || at + 1 == s.size()) return {};
  const auto bad = [](char c) {
    return uc(c) <= 32 || uc(c) >= 127 || std::string_view("<>()[],;:\"\\").find(c) != npos;
  };
  if (std::any_of(s.begin(), s.end(), bad)) return {};
  return std::string(s);
}

std::string render_eml(const Email& email) {
  const std::string text = encode_quoted_printable(email.text);
  const std::string html = email.html.empty() ? std::string() : encode_quoted_printable(email.html);
  std::string id = email.message_id;
  std::erase_if(id, [](char c) { return is_control(c) || c == '<' || c == '>' || c == ' '; });

  std::string out;
  out += fmt::format("Message-ID: <{}>\r\n", id);
  out += fmt::format("Date: {}\r\n", format_rfc5322_date(email.created_at));
  out += encode_address_header("From", email.from) + "\r\n";
  out += encode_address_header("To", email.to) + "\r\n";
  out += encode_unstructured_header("Subject", email.subject) + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  static constexpr std::string_view kQp = "Content-Transfer-Encoding: quoted-printable\r\n";
  // The readable part: headers and body, as a whole message or as the first part of a mixed one.
  std::string body;
  if (email.html.empty()) {
    body = fmt::format("Content-Type: text/plain; charset=utf-8\r\n{}\r\n{}\r\n", kQp, text);
  } else {
    const std::string boundary = make_boundary(text, html);
    body =
        fmt::format("Content-Type: multipart/alternative;\r\n boundary=\"{}\"\r\n\r\n", boundary);
    body += fmt::format("--{}\r\nContent-Type: text/plain; charset=utf-8\r\n{}\r\n{}\r\n", boundary,
                        kQp, text);
    body += fmt::format("--{}\r\nContent-Type: text/html; charset=utf-8\r\n{}\r\n{}\r\n", boundary,
                        kQp, html);
    body += fmt::format("--{}--\r\n", boundary);
  }
  if (email.attachments.empty()) return out + body;
  // Boundaries are random and base64 has no '=' inside a line start "--=_", so one fresh
  // boundary cannot collide with the nested one.
  const std::string mixed = make_boundary(body, "");
  out += fmt::format("Content-Type: multipart/mixed;\r\n boundary=\"{}\"\r\n\r\n", mixed);
  out += fmt::format("--{}\r\n{}", mixed, body);
  for (const auto& a : email.attachments) {
    std::string name = a.filename;
    std::string type = a.content_type;
    std::erase_if(name, [](char c) { return is_control(c) || c == '"' || c == '\\'; });
    std::erase_if(type, [](char c) { return is_control(c); });
    out += fmt::format(
        "--{}\r\nContent-Type: {}\r\nContent-Transfer-Encoding: base64\r\n"
        "Content-Disposition: attachment; filename=\"{}\"\r\n\r\n{}\r\n",
        mixed, type, name, encode_base64_lines(a.content));
  }
  out += fmt::format("--{}--\r\n", mixed);
  return out;
}

ParsedEmail parse_eml(std::string_view eml) {
  const std::string text = to_lf(eml);
  const Entity entity = split_entity(text);
  ParsedEmail out;
  out.message_id = entity.header("message-id");
  out.from = decode_header_value(entity.header("from"));
  out.to = decode_header_value(entity.header("to"));
  out.subject = decode_header_value(entity.header("subject"));
  out.date = parse_rfc5322_date(entity.header("date")).value_or(0);
  collect_parts(entity, out, 0);
  return out;
}

}  // namespace cabinet::notify
