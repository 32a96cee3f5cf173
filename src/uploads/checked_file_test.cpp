// The upload gate on hostile files (docs/health-space.md): PDFs with active content refused and
// the others rewritten, types judged by content, truncated and polyglot images, RTF objects,
// text encodings, and the size bounds. Files are built here, by hand.
#include "uploads/checked_file.hpp"

#include <gtest/gtest.h>

#include "directory/photo.hpp"
#include "upload_samples.hpp"

namespace cabinet::uploads {
namespace {

Rules all_types() { return Rules{default_types(), 5UL * 1024 * 1024}; }

std::string message_fr(const Result<Checked>& r) {
  return r ? std::string() : r.error().message_fr;
}

TEST(CheckedFile, APlainPdfIsRewrittenAndKept) {
  const auto pdf = test_files::pdf();
  auto r = check(pdf, all_types(), "file");
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->mime, "application/pdf");
  EXPECT_TRUE(r->bytes.starts_with("%PDF-"));
  EXPECT_NE(r->bytes.find("Bonjour"), std::string::npos);  // the page's text is still there
}

TEST(CheckedFile, APdfWithJavaScriptIsRefusedInPlainWords) {
  auto r =
      check(test_files::pdf("/OpenAction 5 0 R", "<< /S /JavaScript /JS (app.alert\\(1\\)) >>"),
            all_types(), "file");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::unsafe_file);
  EXPECT_EQ(r.error().field, "file");
  EXPECT_NE(message_fr(r).find("du code (JavaScript)"), std::string::npos) << message_fr(r);
  EXPECT_NE(message_fr(r).find("Imprimer"), std::string::npos);
  EXPECT_NE(r.error().message_en.find("JavaScript"), std::string::npos);
}

TEST(CheckedFile, ActiveContentIsFoundWhereverItHides) {
  struct Case {
    std::string catalog;
    std::string object;
    std::string said;
  };
  const std::vector<Case> cases{
      // A name written in hex escapes is still /JS.
      {"/OpenAction 5 0 R", "<< /S /JavaScript /J#53 (x) >>", "JavaScript"},
      {"/Names << /JavaScript 5 0 R >>", "<< /Names [(a) << /S /JavaScript /JS (x) >>] >>",
       "JavaScript"},
      {"/OpenAction 5 0 R", "<< /S /Launch /F (cmd.exe) >>", "lance un programme"},
      {"/Names << /EmbeddedFiles 5 0 R >>", "<< /Names [] >>", "fichier joint"},
      {"/AcroForm 5 0 R", "<< /Fields [] /XFA (x) >>", "XFA"},
      {"/AA 5 0 R", "<< /O << /S /GoTo /D [3 0 R /Fit] >> >>", "automatiques"},
      {"/OpenAction 5 0 R", "<< /S /URI /URI (https://example.org) >>", "extérieur"},
      {"/OpenAction 5 0 R", "<< /S /SubmitForm /F (https://example.org) >>", "extérieur"},
      {"/OpenAction 5 0 R", "<< /S /ImportData /F (data.fdf) >>", "extérieur"},
      {"/Extra 5 0 R", "<< /Type /Annot /Subtype /RichMedia >>", "multimédia"},
      // Unreferenced, but a viewer might still find it: refused all the same.
      {"", "<< /S /JavaScript /JS (x) >>", "JavaScript"},
  };
  for (const auto& c : cases) {
    auto r = check(test_files::pdf(c.catalog, c.object), all_types(), "file");
    ASSERT_FALSE(r) << c.object;
    EXPECT_EQ(r.error().code, ErrorCode::unsafe_file) << c.object;
    EXPECT_NE(message_fr(r).find(c.said), std::string::npos) << c.object << " → " << message_fr(r);
  }
  // An opening destination (not an action) is harmless.
  EXPECT_TRUE(check(test_files::pdf("/OpenAction [3 0 R /Fit]", ""), all_types(), "file"));
  // A web link a reader clicks (a lab's site on its results) is what ordinary PDFs carry: kept.
  const auto linked =
      check(test_files::pdf("/Extra 5 0 R",
                            "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] "
                            "/A << /S /URI /URI (https://labo.example/resultats) >> >>"),
            all_types(), "file");
  EXPECT_TRUE(linked) << (linked ? "" : linked.error().message_fr + " " + linked.error().detail);
}

TEST(CheckedFile, APdfWithAnEmbeddedFileIsRefused) {
  auto r = check(test_files::pdf("/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>",
                                 "<< /Type /Filespec /F (a.exe) /EF << /F 6 0 R >> >>"),
                 all_types(), "file");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::unsafe_file);
}

TEST(CheckedFile, AnUnreadablePdfIsRefusedNeverACrash) {
  for (const std::string& bad :
       {std::string("%PDF-1.4\n1 0 obj << /Type /Catalog"),
        std::string("%PDF-1.7\n") + std::string(300, '\xff'), test_files::pdf().substr(0, 60)}) {
    auto r = check(bad, all_types(), "file");
    ASSERT_FALSE(r) << bad.size();
    EXPECT_TRUE(r.error().code == ErrorCode::unsafe_file ||
                r.error().code == ErrorCode::unsupported_media_type)
        << r.error().detail;
  }
}

TEST(CheckedFile, WhatFollowsAPdfIsNotStored) {
  const auto polyglot = test_files::pdf() + "PK\x03\x04 SECRET-TAIL <script>alert(1)</script>";
  auto r = check(polyglot, all_types(), "file");
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->bytes.find("SECRET-TAIL"), std::string::npos);
}

TEST(CheckedFile, TheTypeIsTheContentsNotTheName) {
  // What a ".png" upload really is: the content decides, a PDF goes through the PDF gate.
  auto r = check(test_files::pdf(), Rules{{"image/png", "application/pdf"}, 1 << 20}, "file");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->mime, "application/pdf");
  auto only_images = check(test_files::pdf(), Rules{{"image/png"}, 1 << 20}, "file");
  ASSERT_FALSE(only_images);
  EXPECT_EQ(only_images.error().code, ErrorCode::unsupported_media_type);
  EXPECT_NE(only_images.error().message_fr.find("PNG"), std::string::npos);
}

TEST(CheckedFile, TruncatedImagesAreRefused) {
  const auto png = test_files::png();
  const auto jpeg = test_files::jpeg();
  ASSERT_TRUE(check(png, all_types(), "file"));
  ASSERT_TRUE(check(jpeg, all_types(), "file"));
  for (const auto& cut :
       {png.substr(0, png.size() - 12), png.substr(0, 40), jpeg.substr(0, jpeg.size() - 2),
        jpeg.substr(0, jpeg.size() / 2), jpeg.substr(0, 30)}) {
    auto r = check(cut, all_types(), "file");
    ASSERT_FALSE(r) << cut.size();
    EXPECT_TRUE(r.error().code == ErrorCode::unsafe_file ||
                r.error().code == ErrorCode::invalid_request ||
                r.error().code == ErrorCode::unsupported_media_type)
        << r.error().detail;
  }
}

TEST(CheckedFile, APolyglotImageIsReencodedWithoutItsTail) {
  for (const auto& image : {test_files::jpeg(), test_files::png()}) {
    const auto tail = std::string("PK\x03\x04") + "SECRET-ZIP" + test_files::pdf();
    auto r = check(image + tail, all_types(), "file");
    ASSERT_TRUE(r) << r.error().detail;
    EXPECT_EQ(r->bytes.find("SECRET-ZIP"), std::string::npos);
    EXPECT_EQ(r->bytes.find("%PDF"), std::string::npos);
    EXPECT_EQ(directory::sniff_mime(r->bytes), r->mime);
  }
}

TEST(CheckedFile, RtfWithAnEmbeddedObjectIsRefused) {
  const std::string rtf = "{\\rtf1\\ansi Bonjour \\par}";
  ASSERT_TRUE(check(rtf, all_types(), "file"));
  for (const std::string word : {"\\object\\objemb", "\\objdata 0102"}) {
    auto r = check("{\\rtf1\\ansi Bonjour {" + word + "}}", all_types(), "file");
    ASSERT_FALSE(r) << word;
    EXPECT_EQ(r.error().code, ErrorCode::unsafe_file);
  }
}

TEST(CheckedFile, TextMustBeUtf8) {
  ASSERT_TRUE(check("Tension 12/8, pouls 72.\nÀ revoir dans un mois.\n", all_types(), "file"));
  auto latin1 = check("Tension \xe9lev\xe9\x65 le matin, \xe0 revoir.\n", all_types(), "file");
  ASSERT_FALSE(latin1);
  EXPECT_TRUE(latin1.error().code == ErrorCode::unsafe_file ||
              latin1.error().code == ErrorCode::unsupported_media_type);
}

TEST(CheckedFile, EmptyAndOversizedFilesAreRefusedBeforeAnythingElse) {
  auto empty = check("", all_types(), "file");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::invalid_request);
  auto big = check(std::string(5UL * 1024 * 1024 + 1, 'a'), all_types(), "file");
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, ErrorCode::payload_too_large);
  EXPECT_TRUE(check(std::string(5UL * 1024 * 1024, 'a'), all_types(), "file"));
}

}  // namespace
}  // namespace cabinet::uploads

namespace cabinet::directory {
namespace {

// fuzz/upload_type's finding: 90 bytes declaring a 2 GB tEXt chunk made libvips' PNG loader
// allocate 2 GB and spend seconds before failing. Such a file never reaches libvips now.
TEST(PngChunks, AChunkLongerThanTheFileIsRefusedBeforeDecoding) {
  const std::string forged(
      "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x03\x00\x00\x00\x02\x08\x02\x00"
      "\x00\x00\x12\x16\xf1\x4d\x7e\x00\x00\x00tEXtComment\x00GPS 45.76,4.84",
      63);
  EXPECT_FALSE(png_chunks_fit(forged));
  auto gated = uploads::check(forged, {{"image/png"}, 1UL << 20}, "file");
  ASSERT_FALSE(gated);
  EXPECT_EQ(http_status(gated.error().code) / 100, 4);
  EXPECT_FALSE(reencode_photo(forged));
  // A whole PNG passes; the same cut anywhere before IEND does not.
  const auto whole = test_files::png();
  EXPECT_TRUE(png_chunks_fit(whole));
  EXPECT_FALSE(png_chunks_fit(whole.substr(0, whole.size() - 1)));
  EXPECT_FALSE(png_chunks_fit(whole.substr(0, 40)));
  EXPECT_FALSE(png_chunks_fit("GIF89a"));
}

}  // namespace
}  // namespace cabinet::directory
