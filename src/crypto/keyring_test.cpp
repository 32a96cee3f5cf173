#include "crypto/keyring.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "test_db.hpp"

namespace cabinet::crypto {
namespace {

TEST(KeyRing, SealsAndOpensOnlyInTheSameContext) {
  auto ring = KeyRing::for_tests(7, 42);
  const auto sealed = ring.seal("NIR 185057800608491", "profiles.administrative:abc");
  EXPECT_EQ(sealed.find("185057800608491"), std::string::npos);
  auto opened = ring.open(sealed, "profiles.administrative:abc");
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "NIR 185057800608491");
  EXPECT_FALSE(ring.open(sealed, "profiles.administrative:xyz").ok());  // moved to another row
  std::string tampered = sealed;
  tampered.back() = static_cast<char>(tampered.back() ^ 1);
  EXPECT_FALSE(ring.open(tampered, "profiles.administrative:abc").ok());
  EXPECT_NE(ring.seal("same", "c"), ring.seal("same", "c"));  // fresh nonce each time
}

TEST(KeyRing, CreatesAPrivateKeyFileAndKeepsOldKeysForRotation) {
  test::TempDir dir;
  const auto path = dir.path() / "keys" / "data.key";
  auto first = KeyRing::load_or_create(path);
  ASSERT_TRUE(first.ok()) << first.error().detail;
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600U);
  const auto sealed = first->seal("secret", "ctx");

  // Rotation: a new key on top seals new values; the old one still opens old values.
  std::string old;
  std::getline(std::ifstream(path), old);
  std::ofstream(path) << "99 " << std::string(64, 'a') << "\n" << old << "\n";
  auto rotated = KeyRing::load_or_create(path);
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ(*rotated->open(sealed, "ctx"), "secret");
  EXPECT_EQ(*rotated->open(rotated->seal("new", "ctx"), "ctx"), "new");
  EXPECT_FALSE(KeyRing::for_tests(5, 1).open(sealed, "ctx").ok());
}

TEST(KeyRing, MacsDependOnPurposeAndKey) {
  auto a = KeyRing::for_tests(1, 1);
  auto b = KeyRing::for_tests(2, 2);
  EXPECT_EQ(a.mac("login-code", "x:123456"), a.mac("login-code", "x:123456"));
  EXPECT_NE(a.mac("login-code", "x:123456"), a.mac("other", "x:123456"));
  EXPECT_NE(a.mac("login-code", "x:123456"), b.mac("login-code", "x:123456"));
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace cabinet::crypto
