#include "crypto/cbor.hpp"

#include <gtest/gtest.h>

#include "crypto/base64url.hpp"
#include "test_authenticator.hpp"

namespace cabinet::cbor {
namespace {

using test::cbor_bytes;
using test::cbor_head;
using test::cbor_int;
using test::cbor_text;

Result<Value> read(const std::string& s, Limits limits = {}) { return parse(as_bytes(s), limits); }

TEST(Cbor, ReadsTheTypesWebAuthnUses) {
  const auto doc = cbor_head(5, 4) + cbor_int(1) + cbor_int(2) + cbor_int(-7) + cbor_bytes("xyz") +
                   cbor_text("fmt") + cbor_text("none") + cbor_text("a") + cbor_head(4, 3) +
                   "\xf4\xf5\xf6";
  auto v = read(doc);
  ASSERT_TRUE(v.ok()) << v.error().detail;
  ASSERT_TRUE(v->is_map());
  EXPECT_EQ(v->find(1)->integer, 2);
  EXPECT_EQ(v->find(-7)->bytes, "xyz");
  EXPECT_EQ(v->find("fmt")->bytes, "none");
  const auto* list = v->find("a");
  ASSERT_EQ(list->items.size(), 3U);
  EXPECT_FALSE(list->items[0].boolean);
  EXPECT_TRUE(list->items[1].boolean);
  EXPECT_EQ(list->items[2].type, Type::null);
  EXPECT_EQ(v->find(99), nullptr);
}

TEST(Cbor, ReadsLargeAndNegativeIntegers) {
  EXPECT_EQ(read(cbor_int(-257))->integer, -257);
  EXPECT_EQ(read(cbor_int(65536))->integer, 65536);
  EXPECT_EQ(read(cbor_int(INT64_MAX))->integer, INT64_MAX);
  EXPECT_EQ(read(cbor_int(INT64_MIN))->integer, INT64_MIN);
  EXPECT_FALSE(read(cbor_head(0, UINT64_MAX)).ok());
  EXPECT_FALSE(read(cbor_head(1, UINT64_MAX)).ok());
  // Non-minimal lengths are accepted: 1 written on two bytes.
  EXPECT_EQ(read(std::string("\x19\x00\x01", 3))->integer, 1);
}

TEST(Cbor, RefusesTruncatedInput) {
  const auto doc = cbor_head(5, 1) + cbor_text("k") + cbor_bytes("0123456789");
  for (std::size_t n = 0; n < doc.size(); ++n) {
    EXPECT_FALSE(read(doc.substr(0, n)).ok()) << n;
  }
  EXPECT_TRUE(read(doc).ok());
}

TEST(Cbor, RefusesTrailingBytesButPrefixReportsThem) {
  const auto doc = cbor_int(5) + std::string(1, '\0');
  EXPECT_FALSE(read(doc).ok());
  auto prefix = parse_prefix(as_bytes(doc));
  ASSERT_TRUE(prefix.ok());
  EXPECT_EQ(prefix->second, 1U);
}

TEST(Cbor, RefusesHugeLengthsWithoutAllocating) {
  EXPECT_FALSE(read(cbor_head(2, 0xFFFFFFFFFFFFULL) + "ab").ok());
  EXPECT_FALSE(read(cbor_head(3, 1ULL << 40U)).ok());
  EXPECT_FALSE(read(cbor_head(4, UINT64_MAX)).ok());
  EXPECT_FALSE(read(cbor_head(5, 1ULL << 62U) + "\x01\x01").ok());
}

TEST(Cbor, RefusesIndefiniteLengthsTagsFloatsAndReserved) {
  EXPECT_FALSE(read("\x5f\x41\x61\xff").ok());          // indefinite byte string
  EXPECT_FALSE(read("\x9f\x01\xff").ok());              // indefinite array
  EXPECT_FALSE(read("\xbf\x01\x02\xff").ok());          // indefinite map
  EXPECT_FALSE(read("\xc2\x41\x01").ok());              // tag 2 (bignum)
  EXPECT_FALSE(read("\xf9\x3c\x00").ok());              // half float
  EXPECT_FALSE(read("\xfb" + std::string(8, 0)).ok());  // double
  EXPECT_FALSE(read("\x1c").ok());                      // reserved additional information
  EXPECT_FALSE(read("\xff").ok());                      // lone break
}

TEST(Cbor, RefusesDuplicateKeysNonUtf8TextAndOddKeys) {
  EXPECT_FALSE(read(cbor_head(5, 2) + cbor_int(1) + cbor_int(1) + cbor_int(1) + cbor_int(2)).ok());
  EXPECT_FALSE(read(cbor_head(3, 2) + "\xc3\x28").ok());
  EXPECT_FALSE(read(cbor_head(5, 1) + cbor_bytes("k") + cbor_int(1)).ok());
}

TEST(Cbor, LimitsDepthAndItems) {
  std::string deep;
  for (int i = 0; i < 20; ++i) deep += cbor_head(4, 1);
  deep += cbor_int(0);
  EXPECT_FALSE(read(deep).ok());
  EXPECT_TRUE(read(deep, Limits{.max_depth = 32, .max_items = 256}).ok());
  std::string many = cbor_head(4, 300) + std::string(300, '\x00');
  EXPECT_FALSE(read(many).ok());
  EXPECT_TRUE(read(many, Limits{.max_depth = 8, .max_items = 1000}).ok());
}

TEST(Base64url, RoundTripsAndRefusesOtherSpellings) {
  for (const std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\x00"}) {
    EXPECT_EQ(crypto::base64url_decode(crypto::base64url_encode(s)), s);
  }
  EXPECT_EQ(crypto::base64url_encode("\xfb\xff"), "-_8");
  EXPECT_FALSE(crypto::base64url_decode("Zm9v=").has_value());
  EXPECT_FALSE(crypto::base64url_decode("Zm+v").has_value());
  EXPECT_FALSE(crypto::base64url_decode("Z").has_value());
  EXPECT_FALSE(crypto::base64url_decode("Zh").has_value());  // non-zero leftover bits
}

}  // namespace
}  // namespace cabinet::cbor
