// The consultation record over real sockets (issue 6, docs/consultation.md "Files", "Phone
// fallback", "The practitioner's side panel"): files shared in the room arrive without their
// metadata and are kept sealed, refused by content, size and type; only participants read them,
// and every read is audited; the practitioner switches to a phone call, the patient is told;
// the practitioner's notes are sealed and the patient never sees them. (Closing after a switch,
// which needs the clock at the consultation, is in tests/flows/consultation_records_test.cpp.)
#include <vips/vips.h>

#include <array>
#include <mutex>

#include "signed_in.hpp"

namespace cabinet::test {
namespace {

constexpr std::string_view kPngSignature = "\x89PNG\r\n\x1a\n";
constexpr std::string_view kSecretPlace = "Chez moi, 48.8566 N 2.3522 E";

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t c = 0xFFFFFFFFU;
  for (const char ch : bytes) {
    c ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
  }
  return c ^ 0xFFFFFFFFU;
}

std::string big_endian(std::uint32_t v, int bytes) {
  std::string out;
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFFU);
  return out;
}
std::string little_endian(std::uint32_t v, int bytes) {
  std::string out;
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFFU);
  return out;
}

// A width × height image in a colour, encoded by libvips ("png" or "jpeg").
std::string encoded(int width, int height, const std::string& format) {
  static std::once_flag once;
  std::call_once(once, [] { (void)VIPS_INIT("cabinet-test"); });
  VipsImage* black = nullptr;
  EXPECT_EQ(vips_black(&black, width, height, "bands", 3, nullptr), 0);
  VipsImage* coloured = nullptr;
  EXPECT_EQ(vips_linear1(black, &coloured, 1.0, 120.0, "uchar", TRUE, nullptr), 0);
  g_object_unref(black);
  void* out = nullptr;
  std::size_t size = 0;
  const int rc = format == "png" ? vips_pngsave_buffer(coloured, &out, &size, nullptr)
                                 : vips_jpegsave_buffer(coloured, &out, &size, nullptr);
  EXPECT_EQ(rc, 0);
  g_object_unref(coloured);
  std::string bytes(static_cast<const char*>(out), size);
  g_free(out);
  return bytes;
}

// A PNG carrying a home address in a tEXt chunk, right after its header chunk.
std::string png_with_text() {
  auto png = encoded(16, 16, "png");
  const std::string type_and_data =
      "tEXtComment" + std::string(1, '\0') + std::string(kSecretPlace);
  const auto chunk = big_endian(static_cast<std::uint32_t>(type_and_data.size() - 4), 4) +
                     type_and_data + big_endian(crc32(type_and_data), 4);
  png.insert(8 + 25, chunk);  // signature, then IHDR (length, type, 13 bytes, CRC)
  return png;
}

// A 32×16 JPEG whose EXIF says where it was taken and that it is to be turned a quarter
// (orientation 6): a phone's portrait photo.
std::string jpeg_with_exif() {
  auto jpeg = encoded(32, 16, "jpeg");
  const std::string description = std::string(kSecretPlace) + std::string(1, '\0');
  std::string tiff = "II" + little_endian(42, 2) + little_endian(8, 4);
  tiff += little_endian(2, 2);  // two entries, sorted by tag
  tiff += little_endian(0x010E, 2) + little_endian(2, 2) +
          little_endian(static_cast<std::uint32_t>(description.size()), 4) +
          little_endian(8 + 2 + 2 * 12 + 4, 4);  // ImageDescription, after the IFD
  tiff += little_endian(0x0112, 2) + little_endian(3, 2) + little_endian(1, 4) +
          little_endian(6, 2) + little_endian(0, 2);  // Orientation
  tiff += little_endian(0, 4) + description;
  const std::string payload = std::string("Exif") + std::string(2, '\0') + tiff;
  const auto segment = std::string("\xFF\xE1") +
                       big_endian(static_cast<std::uint32_t>(payload.size() + 2), 2) + payload;
  jpeg.insert(2, segment);  // right after SOI
  return jpeg;
}

struct Decoded {
  int width = 0;
  int height = 0;
  std::vector<std::string> fields;  // metadata names
};
Decoded decode(const std::string& bytes) {
  Decoded out;
  VipsImage* image = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  if (image == nullptr) {
    ADD_FAILURE() << "not an image";
    return out;
  }
  out.width = vips_image_get_width(image);
  out.height = vips_image_get_height(image);
  gchar** names = vips_image_get_fields(image);
  for (int i = 0; names[i] != nullptr; ++i) out.fields.emplace_back(names[i]);
  g_strfreev(names);
  g_object_unref(image);
  return out;
}
bool has_field_starting(const Decoded& d, const std::string& prefix) {
  return std::any_of(d.fields.begin(), d.fields.end(),
                     [&](const std::string& f) { return f.rfind(prefix, 0) == 0; });
}

class ConsultationRecordsTest : public SignedInServerTest {
 protected:
  HttpResponse upload(const std::string& id, const std::string& bytes, const std::string& name,
                      HeaderList headers) {
    headers.emplace_back("Content-Type", "application/octet-stream");
    headers.emplace_back("X-File-Name", name);
    return HttpClient(node().port())
        .request("POST", "/api/v1/consultations/" + id + "/files", bytes, headers);
  }

  // SQL true when the bytea/blob column `column` contains `bytes`.
  [[nodiscard]] std::string contains(const std::string& column, std::string_view bytes) const {
    std::string hex;
    for (const char c : bytes) {
      std::array<char, 3> h{};
      std::snprintf(h.data(), h.size(), "%02x", static_cast<unsigned char>(c));
      hex += h.data();
    }
    return GetParam() == storage::Engine::postgres
               ? "position('\\x" + hex + "'::bytea in " + column + ") > 0"
               : "instr(" + column + ", X'" + hex + "') > 0";
  }
};

TEST_P(ConsultationRecordsTest, ImagesArriveWithoutTheirMetadataAndAreKeptSealed) {
  const auto id = book_video();
  const auto port = node().port();
  WsClient doctor_ws(port, cookie_of(people().practitioner_cookie));
  WsClient patient_ws(port, patient(0));
  ASSERT_TRUE(doctor_ws.read().has_value());
  ASSERT_TRUE(patient_ws.read().has_value());
  doctor_ws.send(msg("join", id));
  EXPECT_EQ(next(doctor_ws, "joined")["files"], nlohmann::json::array());
  patient_ws.send(msg("join", id));
  next(patient_ws, "joined");

  // The patient shares a PNG whose text chunk holds their address.
  const auto png = png_with_text();
  ASSERT_NE(png.find(kSecretPlace), std::string::npos);
  auto sent = upload(id, png, "photo%20de%20l%27%C3%A9ruption.png", as_patient());
  ASSERT_EQ(sent.status, 201) << sent.body;
  const auto file = sent.json()["file"];
  EXPECT_EQ(file["name"], "photo de l'éruption.png");
  EXPECT_EQ(file["mime"], "image/png");
  EXPECT_EQ(file["from"]["role"], "patient");
  EXPECT_EQ(file["mine"], true);
  const std::string url = file["url"];
  EXPECT_EQ(url, "/api/v1/consultations/" + id + "/files/" + std::to_string(file["id"].get<int>()));

  // The practitioner's screen shows it at once, as someone else's.
  const auto arrived = next(doctor_ws, "file");
  EXPECT_EQ(arrived["consultation"], id);
  EXPECT_EQ(arrived["file"]["id"], file["id"]);
  EXPECT_EQ(arrived["file"]["mine"], false);
  EXPECT_EQ(arrived["file"]["name"], "photo de l'éruption.png");
  EXPECT_EQ(next(patient_ws, "file")["file"]["mine"], true);

  // Downloaded: still a 16×16 PNG, without the text.
  auto got = HttpClient(port).get(url, cookie_of(people().practitioner_cookie));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.header("content-type"), "image/png");
  EXPECT_EQ(got.header("content-disposition"),
            "attachment; filename*=UTF-8''photo%20de%20l%27%C3%A9ruption.png");
  EXPECT_EQ(got.header("cache-control"), "no-store");
  EXPECT_EQ(got.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(got.body.substr(0, 8), kPngSignature);
  EXPECT_EQ(got.body.find(kSecretPlace), std::string::npos);
  const auto png_out = decode(got.body);
  EXPECT_EQ(png_out.width, 16);
  EXPECT_EQ(png_out.height, 16);
  EXPECT_FALSE(has_field_starting(png_out, "png-comment"));

  // The practitioner shares a phone photo: upright, and its EXIF (the place) gone.
  const auto jpeg = jpeg_with_exif();
  ASSERT_TRUE(has_field_starting(decode(jpeg), "exif-"));
  auto sent_jpeg = upload(id, jpeg, "IMG_0042.jpg", as_doctor());
  ASSERT_EQ(sent_jpeg.status, 201) << sent_jpeg.body;
  EXPECT_EQ(sent_jpeg.json()["file"]["from"]["role"], "practitioner");
  EXPECT_EQ(next(patient_ws, "file")["file"]["name"], "IMG_0042.jpg");
  auto got_jpeg =
      HttpClient(port).get(sent_jpeg.json()["file"]["url"].get<std::string>(), patient(0));
  ASSERT_EQ(got_jpeg.status, 200);
  EXPECT_EQ(got_jpeg.header("content-type"), "image/jpeg");
  EXPECT_EQ(got_jpeg.body.find(kSecretPlace), std::string::npos);
  EXPECT_EQ(got_jpeg.body.find("Exif"), std::string::npos);
  const auto jpeg_out = decode(got_jpeg.body);
  EXPECT_EQ(jpeg_out.width, 16);  // turned as its orientation said
  EXPECT_EQ(jpeg_out.height, 32);
  EXPECT_FALSE(has_field_starting(jpeg_out, "exif-"));

  // Listed for both, oldest first; a reconnected browser gets them in `joined`.
  auto list = HttpClient(port).get("/api/v1/consultations/" + id + "/files", patient(0));
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["files"].size(), 2U);
  EXPECT_EQ(list.json()["files"][0]["mine"], true);
  EXPECT_EQ(list.json()["files"][1]["mime"], "image/jpeg");
  WsClient again(port, patient(0));
  ASSERT_TRUE(again.read().has_value());
  again.send(msg("join", id));
  EXPECT_EQ(next(again, "joined")["files"].size(), 2U);

  // At rest: sealed, neither the image nor its name in clear.
  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_files"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_files WHERE " +
                  contains("body", kPngSignature.substr(0, 4))),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_files WHERE " + contains("name", "IMG_0042")),
            0);
  // Each download and each listing left an entry in the audit log.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.file.read'"), 2);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.file.list'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.file.add'"), 2);
}

TEST_P(ConsultationRecordsTest, FilesAreRefusedByContentSizeAndTypeAndHiddenFromOutsiders) {
  const auto id = book_video();
  const auto port = node().port();

  // A text file named like an image is what its content says: refused.
  auto disguised =
      upload(id, "Ceci n'est pas une image, juste du texte.\n", "radio.png", as_patient());
  EXPECT_EQ(disguised.status, 415) << disguised.body;
  EXPECT_EQ(disguised.json()["error"]["code"], "unsupported_media_type");
  // A PDF is not among the default types (JPEG, PNG).
  const std::string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";
  auto refused_pdf = upload(id, pdf, "ordonnance.pdf", as_patient());
  EXPECT_EQ(refused_pdf.status, 415) << refused_pdf.body;
  EXPECT_NE(refused_pdf.json()["error"]["message"].get<std::string>().find("JPEG, PNG"),
            std::string::npos);
  // Over 5 MB: refused before it is read.
  auto big = upload(id, std::string(5 * 1024 * 1024 + 1, 'x'), "gros.png", as_patient());
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_files"), 0);

  auto sent = upload(id, encoded(8, 8, "png"), "", as_patient());
  ASSERT_EQ(sent.status, 201) << sent.body;
  EXPECT_EQ(sent.json()["file"]["name"], "fichier");
  const std::string url = sent.json()["file"]["url"];

  // Another patient: the consultation and its files do not exist for them.
  EXPECT_EQ(HttpClient(port).get(url, patient(1)).status, 404);
  EXPECT_EQ(HttpClient(port).get("/api/v1/consultations/" + id + "/files", patient(1)).status, 404);
  EXPECT_EQ(upload(id, encoded(8, 8, "png"), "x.png", as_patient(1)).status, 404);
  EXPECT_EQ(HttpClient(port).get(url).status, 401);
  // A file id of another consultation, or none, is not found either.
  EXPECT_EQ(HttpClient(port).get("/api/v1/consultations/" + id + "/files/999", patient(0)).status,
            404);
  EXPECT_EQ(HttpClient(port).get("/api/v1/consultations/" + id + "/files/x1", patient(0)).status,
            404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.file.read'"), 0);
}

TEST_P(ConsultationRecordsTest, OperatorsMayAcceptPdfWhichIsKeptAsSent) {
  const auto id = book_video({"consultation.file_types=image/jpeg, image/png, application/pdf"});
  const std::string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";
  auto sent = upload(id, pdf, "compte-rendu.pdf", as_patient());
  ASSERT_EQ(sent.status, 201) << sent.body;
  EXPECT_EQ(sent.json()["file"]["mime"], "application/pdf");
  auto got = HttpClient(node().port())
                 .get(sent.json()["file"]["url"].get<std::string>(),
                      cookie_of(people().practitioner_cookie));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.header("content-type"), "application/pdf");
  EXPECT_EQ(got.body, pdf);
  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_files WHERE " + contains("body", "%PDF")), 0);
}

TEST_P(ConsultationRecordsTest, ThePractitionerSwitchesToThePhoneAndThePatientIsTold) {
  const auto id = book_video();
  const auto port = node().port();
  WsClient patient_ws(port, patient(0));
  ASSERT_TRUE(patient_ws.read().has_value());
  patient_ws.send(msg("join", id));
  next(patient_ws, "joined");
  auto before = HttpClient(port).get("/api/v1/consultations/" + id, patient(0));
  EXPECT_TRUE(before.json()["phone_fallback"].is_null()) << before.body;

  const std::string path = "/api/v1/consultations/" + id + "/phone";
  // Only the practitioner switches; for another patient the consultation does not exist.
  EXPECT_EQ(HttpClient(port).post_json(path, R"({"cause":"network"})", as_patient()).status, 403);
  EXPECT_EQ(HttpClient(port).post_json(path, R"({"cause":"network"})", as_patient(1)).status, 404);
  EXPECT_EQ(HttpClient(port).post_json(path, R"({"cause":"weather"})", as_doctor()).status, 400);

  auto first = HttpClient(port).post_json(path, R"({"cause":"camera"})", as_doctor());
  ASSERT_EQ(first.status, 200) << first.body;
  auto switched = HttpClient(port).post_json(
      path, R"({"cause":"network","note":"Image figée, son haché"})", as_doctor());
  ASSERT_EQ(switched.status, 200) << switched.body;
  EXPECT_EQ(switched.json()["phone_fallback"]["cause"], "network");
  EXPECT_EQ(switched.json()["phone_fallback"]["note"], "Image figée, son haché");
  EXPECT_GT(switched.json()["phone_fallback"]["at"].get<std::int64_t>(), 0);
  EXPECT_EQ(switched.json()["patient_phone"], "+33612345678");

  // The patient's screen is told (twice: each switch).
  EXPECT_EQ(next(patient_ws, "phone")["cause"], "camera");
  const auto told = next(patient_ws, "phone");
  EXPECT_EQ(told["consultation"], id);
  EXPECT_EQ(told["cause"], "network");
  auto view = HttpClient(port).get("/api/v1/consultations/" + id, patient(0));
  EXPECT_EQ(view.json()["phone_fallback"]["cause"], "network");
  EXPECT_FALSE(view.json()["phone_fallback"].contains("note"));  // the practitioner's

  // Every switch is kept, with its cause and who made it; the note is sealed.
  // Counted for this consultation: the demo data's statistics hold switches of their own.
  const std::string mine =
      " AND appointment_id = (SELECT id FROM appointments WHERE public_id = '" + id + "')";
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM consultation_incidents WHERE kind = 'phone_fallback'" + mine), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_incidents WHERE cause = 'camera'" + mine), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_incidents WHERE " + contains("note", "figée")),
            0);
}

TEST_P(ConsultationRecordsTest, NotesAndThePanelAreThePractitionersAlone) {
  const auto id = book_video();
  const auto port = node().port();
  const std::string notes = "/api/v1/consultations/" + id + "/notes";
  const std::string panel = "/api/v1/consultations/" + id + "/panel";
  auto put = [&](const std::string& body, const HeaderList& h) {
    return HttpClient(port).request("PUT", notes, body, [&] {
      auto with = h;
      with.emplace_back("Content-Type", "application/json");
      return with;
    }());
  };
  auto saved = put(R"({"text":"Eczéma du pli du coude, pas de fièvre."})", as_doctor());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_GT(saved.json()["notes"]["updated_at"].get<std::int64_t>(), 0);
  ASSERT_EQ(
      put(R"({"text":"Eczéma du pli du coude. Dermocorticoïde 7 jours."})", as_doctor()).status,
      200);
  EXPECT_EQ(put(R"({"text":"Je lis vos notes ?"})", as_patient()).status, 403);
  EXPECT_EQ(put(R"({"text":"x"})", as_patient(1)).status, 404);
  EXPECT_EQ(put(nlohmann::json{{"text", std::string(20001, 'a')}}.dump(), as_doctor()).status, 400);

  auto seen = HttpClient(port).get(panel, cookie_of(people().practitioner_cookie));
  ASSERT_EQ(seen.status, 200) << seen.body;
  const auto body = seen.json();
  EXPECT_EQ(body["notes"]["text"], "Eczéma du pli du coude. Dermocorticoïde 7 jours.");
  EXPECT_EQ(body["patient"]["birth_date"], "1985-03-14");
  EXPECT_GE(body["patient"]["age"].get<int>(), 41);
  EXPECT_EQ(body["patient"]["phone"], "+33612345678");
  EXPECT_TRUE(body["patient"]["coverage"].is_object());
  EXPECT_TRUE(body["files"].is_array());
  EXPECT_TRUE(body["phone_fallback"].is_null());
  EXPECT_EQ(HttpClient(port).get(panel, patient(0)).status, 403);
  EXPECT_EQ(HttpClient(port).get(panel, patient(1)).status, 404);

  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_notes"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_notes WHERE " + contains("body", "coude")), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.panel.read'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.notes.write'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, ConsultationRecordsTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
