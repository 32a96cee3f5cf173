// The platform's Ed25519 key (prescriptions the pharmacist verifies): a signature holds for
// exactly what was signed, and the key survives a restart from its file.
#include "crypto/signing.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace cabinet::crypto {
namespace {

TEST(Signer, ASignatureFailsOnOneChangedByteOfTheMessageOrOfItself) {
  const auto s = Signer::for_tests(7);
  const std::string message = R"({"number":"000000012343","items":["Paracétamol 1 g"]})";
  const auto signature = s.sign(message);
  EXPECT_EQ(signature.size(), 128U);
  EXPECT_TRUE(s.verify(message, signature));
  for (std::size_t i = 0; i < message.size(); i += 7) {
    auto changed = message;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    EXPECT_FALSE(s.verify(changed, signature)) << "byte " << i;
  }
  auto bad = signature;
  bad[10] = bad[10] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(s.verify(message, bad));
  EXPECT_FALSE(s.verify(message, "not hex"));
  EXPECT_FALSE(Signer::for_tests(8).verify(message, signature));  // another platform's key
}

TEST(Signer, TheKeyFileIsCreatedPrivateAndReadBack) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("cabinet-signing-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const auto path = dir / "keys" / "signing.key";
  auto first = Signer::load_or_create(path);
  ASSERT_TRUE(first.ok());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  const auto signature = first->sign("ordonnance");
  auto again = Signer::load_or_create(path);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->public_key_hex(), first->public_key_hex());
  EXPECT_TRUE(again->verify("ordonnance", signature));
  std::filesystem::remove_all(dir);
}

TEST(Signer, AMalformedKeyFileIsRefusedNotReplaced) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("cabinet-signing-bad-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "signing.key";
  {
    std::ofstream out(path);
    out << "ed25519 abcd\n";
  }
  auto s = Signer::load_or_create(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::unavailable);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cabinet::crypto
