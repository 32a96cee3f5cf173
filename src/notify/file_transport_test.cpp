#include "notify/file_transport.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_db.hpp"

namespace cabinet::notify {
namespace {

namespace fs = std::filesystem;

Email email(std::string id, std::int64_t created_at, std::string subject = "Votre code") {
  return Email{std::move(id),
               "Cabinet <no-reply@cabinet.localhost>",
               "patient@example.fr",
               std::move(subject),
               "Votre code : 482 913.",
               "<p>Votre code : 482 913.</p>",
               created_at};
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(FileTransport, WritesOneEmlFileNamedByDateAndId) {
  test::TempDir tmp;
  const fs::path dir = tmp.path() / "var" / "mailbox";  // created on the first send
  FileEmailTransport transport(dir);
  ASSERT_TRUE(transport.send(email("<k3x9q2@cabinet>", 1'790'000'000)).ok());
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"1790000000-k3x9q2_cabinet.eml"});
  const ParsedEmail parsed = parse_eml(slurp(dir / "1790000000-k3x9q2_cabinet.eml"));
  EXPECT_EQ(parsed.message_id, "<k3x9q2@cabinet>");
  EXPECT_EQ(parsed.text, "Votre code : 482 913.");
  struct stat info {};
  ASSERT_EQ(::stat((dir / "1790000000-k3x9q2_cabinet.eml").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777U, 0600U);  // a security code is nobody else's business
}

TEST(FileTransport, SendingAgainReplacesTheFileAtomically) {
  test::TempDir tmp;
  FileEmailTransport transport(tmp.path());
  ASSERT_TRUE(transport.send(email("<same@cabinet>", 100, "Premier envoi")).ok());
  const fs::path file = tmp.path() / "100-same_cabinet.eml";
  struct stat before {};
  ASSERT_EQ(::stat(file.c_str(), &before), 0);
  ASSERT_TRUE(transport.send(email("<same@cabinet>", 100, "Nouvel essai")).ok());
  struct stat after {};
  ASSERT_EQ(::stat(file.c_str(), &after), 0);
  // A new inode renamed over the old one: a reader had either message whole, never a mix.
  EXPECT_NE(before.st_ino, after.st_ino);
  EXPECT_EQ(names_in(tmp.path()), std::vector<std::string>{"100-same_cabinet.eml"});
  EXPECT_EQ(parse_eml(slurp(file)).subject, "Nouvel essai");
}

TEST(FileTransport, RefusesHeaderInjectionAndWritesNothing) {
  test::TempDir tmp;
  FileEmailTransport transport(tmp.path());
  const auto sent = transport.send(email("<x@cabinet>", 1, "Bonjour\r\nBcc: victim@example.org"));
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::invalid_request);
  EXPECT_TRUE(names_in(tmp.path()).empty());
}

TEST(FileTransport, AnUnwritableDirectoryIsUnavailableNotAnException) {
  test::TempDir tmp;
  std::ofstream(tmp.path() / "file") << "in the way";
  FileEmailTransport transport(tmp.path() / "file");
  const auto sent = transport.send(email("<x@cabinet>", 1));
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::unavailable);
  EXPECT_NE(sent.error().detail.find("file"), std::string::npos) << sent.error().detail;
  FileSmsTransport sms(tmp.path() / "file" / "sms");
  EXPECT_EQ(sms.send(Sms{"id", "+33612345678", "Code 1", 1}).error().code, ErrorCode::unavailable);
}

TEST(FileSmsTransport, WritesJsonAndOverwritesById) {
  test::TempDir tmp;
  FileSmsTransport transport(tmp.path());
  ASSERT_TRUE(transport.send(Sms{"sms-1", "+33612345678", "Votre code : 1", 1'790'000'000}).ok());
  ASSERT_TRUE(transport.send(Sms{"sms-1", "+33612345678", "Votre code : 2", 1'790'000'000}).ok());
  EXPECT_EQ(names_in(tmp.path()), std::vector<std::string>{"1790000000-sms-1.json"});
  const auto json = nlohmann::json::parse(slurp(tmp.path() / "1790000000-sms-1.json"));
  EXPECT_EQ(json,
            (nlohmann::json{
                {"message_id", "sms-1"}, {"to", "+33612345678"}, {"text", "Votre code : 2"}}));
}

TEST(FileSmsTransport, WithoutADateTheFileIsNamedByNow) {
  test::TempDir tmp;
  FileSmsTransport transport(tmp.path());
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  ASSERT_TRUE(transport.send(Sms{"../../etc/x", "+33612345678", "é"}).ok());
  const auto names = names_in(tmp.path());
  ASSERT_EQ(names.size(), 1U);
  EXPECT_GE(std::stoll(names[0]), now);
  EXPECT_TRUE(names[0].ends_with("etc_x.json")) << names[0];
  EXPECT_EQ(names[0].find(".."), std::string::npos) << names[0];
}

TEST(Mailbox, ListsNewestFirstAndSkipsWhatIsNotMail) {
  test::TempDir tmp;
  FileEmailTransport transport(tmp.path());
  ASSERT_TRUE(transport.send(email("<a@cabinet>", 100, "Premier")).ok());
  ASSERT_TRUE(transport.send(email("<c@cabinet>", 1000, "Troisième")).ok());
  ASSERT_TRUE(transport.send(email("<b@cabinet>", 200, "Deuxième")).ok());
  std::ofstream(tmp.path() / ".tmp-abc123") << "half a message";
  std::ofstream(tmp.path() / "notes.txt") << "not mail";
  fs::create_directory(tmp.path() / "9999-dir.eml");

  const auto entries = list_mailbox(tmp.path());
  ASSERT_EQ(entries.size(), 3U);
  EXPECT_EQ(entries[0].id, "1000-c_cabinet");
  EXPECT_EQ(entries[0].subject, "Troisième");
  EXPECT_EQ(entries[0].message_id, "<c@cabinet>");
  EXPECT_EQ(entries[0].to, "patient@example.fr");
  EXPECT_EQ(entries[0].date, 1000);
  EXPECT_EQ(entries[1].subject, "Deuxième");
  EXPECT_EQ(entries[2].subject, "Premier");
  EXPECT_EQ(list_mailbox(tmp.path(), 2).size(), 2U);
  EXPECT_TRUE(list_mailbox(tmp.path() / "missing").empty());
}

TEST(Mailbox, ReadsAMessageByItsId) {
  test::TempDir tmp;
  FileEmailTransport transport(tmp.path());
  ASSERT_TRUE(transport.send(email("<k3x9q2@cabinet>", 42, "Votre code de sécurité")).ok());
  const auto entries = list_mailbox(tmp.path());
  ASSERT_EQ(entries.size(), 1U);
  const auto mail = read_mailbox(tmp.path(), entries[0].id);
  ASSERT_TRUE(mail.has_value());
  EXPECT_EQ(mail->subject, "Votre code de sécurité");
  EXPECT_EQ(mail->html, "<p>Votre code : 482 913.</p>");
  EXPECT_FALSE(read_mailbox(tmp.path(), "43-k3x9q2_cabinet").has_value());
}

TEST(Mailbox, RefusesIdsThatAreNotPlainNames) {
  test::TempDir tmp;
  const fs::path dir = tmp.path() / "mailbox";
  FileEmailTransport transport(dir);
  ASSERT_TRUE(transport.send(email("<a@cabinet>", 1)).ok());
  ASSERT_TRUE(FileEmailTransport(tmp.path()).send(email("<secret@cabinet>", 1)).ok());
  ASSERT_TRUE(read_mailbox(tmp.path(), "1-secret_cabinet").has_value());
  for (const std::string& id : std::vector<std::string>{
           "../1-secret_cabinet", "..", "a/b", "/etc/passwd", "./1-a_cabinet", ".hidden", "",
           "1-a_cabinet\n", "1-a cabinet", "%2e%2e%2f1-secret_cabinet",
           std::string("1-a_cabinet\0/x", 14), std::string(201, 'a')}) {
    EXPECT_FALSE(read_mailbox(dir, id).has_value()) << id;
  }
  fs::create_symlink(tmp.path() / "1-secret_cabinet.eml", dir / "2-link.eml");
  EXPECT_FALSE(read_mailbox(dir, "2-link").has_value());
  EXPECT_TRUE(read_mailbox(dir, "1-a_cabinet").has_value());
}

TEST(Mailbox, EveryFileStemIsReadable) {
  EXPECT_EQ(mailbox_file_stem(5, "<k3x9q2@cabinet>"), "5-k3x9q2_cabinet");
  EXPECT_EQ(mailbox_file_stem(5, "<a..b/../c@x.y>"), "5-a._b_.__c_x.y");
  EXPECT_EQ(mailbox_file_stem(5, ".x"), "5-_x");
  EXPECT_EQ(mailbox_file_stem(5, "<>"), "5-message");
  EXPECT_EQ(mailbox_file_stem(5, std::string(500, 'a')).size(), 122U);
  test::TempDir tmp;
  FileEmailTransport transport(tmp.path());
  for (const std::string id : {"<a..b/../c@x.y>", "<.x>", "<é@cabinet>", "<x y@z>"}) {
    Email mail = email(id, 7);
    mail.message_id = "<ok@cabinet>";  // check_email wants a clean id; the stem uses `id`
    const std::string stem = mailbox_file_stem(7, id);
    std::ofstream(tmp.path() / (stem + ".eml")) << render_eml(mail);
    EXPECT_TRUE(read_mailbox(tmp.path(), stem).has_value()) << stem;
  }
}

}  // namespace
}  // namespace cabinet::notify
