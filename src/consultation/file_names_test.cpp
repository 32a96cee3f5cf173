// Names of shared files, as they arrive (X-File-Name) and as they leave (Content-Disposition).
#include "consultation/file_names.hpp"

#include <gtest/gtest.h>

namespace cabinet::consultation {
namespace {

TEST(UploadedFileName, IsDecodedAndKeepsOnlyTheLastPathPart) {
  EXPECT_EQ(uploaded_file_name("ordonnance%20sign%C3%A9e.pdf"), "ordonnance signée.pdf");
  EXPECT_EQ(uploaded_file_name("..%2F..%2Fetc%2Fpasswd"), "passwd");
  EXPECT_EQ(uploaded_file_name("C:%5CUsers%5Cl%C3%A9a%5Cphoto.png"), "photo.png");
  EXPECT_EQ(uploaded_file_name("dossier/photo.jpg"), "photo.jpg");
}

TEST(UploadedFileName, DropsControlAndDirectionCharacters) {
  EXPECT_EQ(uploaded_file_name("a%0D%0Ab%09c.png"), "abc.png");
  // U+202E RIGHT-TO-LEFT OVERRIDE would show "photo<U+202E>gnp.exe" as "photoexe.png".
  EXPECT_EQ(uploaded_file_name("photo%E2%80%AEgnp.exe"), "photognp.exe");
  EXPECT_EQ(uploaded_file_name("%C2%85x.png"), "x.png");  // C1 control
}

TEST(UploadedFileName, FallsBackToADefaultName) {
  EXPECT_EQ(uploaded_file_name(""), "fichier");
  EXPECT_EQ(uploaded_file_name("   "), "fichier");
  EXPECT_EQ(uploaded_file_name(".."), "fichier");
  EXPECT_EQ(uploaded_file_name("dir/"), "fichier");
  EXPECT_EQ(uploaded_file_name("%ZZ"), "fichier");         // bad escape
  EXPECT_EQ(uploaded_file_name("a%00b"), "fichier");       // NUL
  EXPECT_EQ(uploaded_file_name("%C3%28.png"), "fichier");  // not UTF-8
}

TEST(UploadedFileName, KeepsAtMostTwoHundredCharacters) {
  std::string header;
  for (int i = 0; i < 300; ++i) header += "%C3%A9";  // é
  const auto name = uploaded_file_name(header);
  EXPECT_EQ(name.size(), 400U);  // 200 characters of 2 bytes, never a cut sequence
  EXPECT_EQ(uploaded_file_name("  photo.png  "), "photo.png");
}

TEST(AttachmentDisposition, PercentEncodesEverythingButAttributeCharacters) {
  EXPECT_EQ(attachment_disposition("photo.png"), "attachment; filename*=UTF-8''photo.png");
  EXPECT_EQ(attachment_disposition("radio du 3\"mars\"; é.jpg"),
            "attachment; filename*=UTF-8''radio%20du%203%22mars%22%3B%20%C3%A9.jpg");
}

}  // namespace
}  // namespace cabinet::consultation
