// The RGPD export over real sockets, on both engines (ACC7, issue 12): after a consultation with
// a chat and a shared file, and a cancelled appointment, the patient's export holds each of
// them, opened; the ZIP carries the file itself and a summary page, and Python's zipfile (an
// independent reader) opens it. Table coverage is checked in tests/flows/export_test.cpp.
#include <vips/vips.h>

#include <fstream>
#include <mutex>

#include "signed_in.hpp"

namespace cabinet::test {
namespace {

std::string png(int size) {
  static std::once_flag once;
  std::call_once(once, [] { (void)VIPS_INIT("cabinet-test"); });
  VipsImage* black = nullptr;
  EXPECT_EQ(vips_black(&black, size, size, "bands", 3, nullptr), 0);
  void* out = nullptr;
  std::size_t bytes = 0;
  EXPECT_EQ(vips_pngsave_buffer(black, &out, &bytes, nullptr), 0);
  g_object_unref(black);
  std::string s(static_cast<const char*>(out), bytes);
  g_free(out);
  return s;
}

class ExportTest : public SignedInServerTest {};

TEST_P(ExportTest, TheExportHoldsTheConsultationItsFileAndTheCancellation) {
  node({"booking.room_opens=720h"});
  const auto booked = load::book_video(people(), 2, 0);
  ASSERT_EQ(booked.size(), 2U);
  const auto id = booked[0].id;
  const auto cancelled = booked[1].id;
  const auto port = node().port();

  WsClient doctor(port, cookie_of(people().practitioner_cookie));
  WsClient patient_ws(port, patient(0));
  ASSERT_TRUE(doctor.read().has_value());
  ASSERT_TRUE(patient_ws.read().has_value());
  doctor.send(msg("join", id));
  next(doctor, "joined");
  patient_ws.send(msg("join", id));
  next(patient_ws, "joined");
  patient_ws.send(msg("chat", id, {{"text", "J'ai de la fièvre depuis hier soir."}}));
  next(patient_ws, "chat");
  auto headers = as_patient();
  headers.emplace_back("Content-Type", "application/octet-stream");
  headers.emplace_back("X-File-Name", "gorge%20rouge.png");
  const auto image = png(12);
  auto sent =
      HttpClient(port).request("POST", "/api/v1/consultations/" + id + "/files", image, headers);
  ASSERT_EQ(sent.status, 201) << sent.body;
  auto cancel =
      HttpClient(port).request("POST", "/api/v1/appointments/" + cancelled + "/cancel", "{}", [&] {
        auto h = as_patient();
        h.emplace_back("Content-Type", "application/json");
        return h;
      }());
  ASSERT_EQ(cancel.status, 200) << cancel.body;

  auto exported = HttpClient(port).get("/api/v1/me/export", patient(0));
  ASSERT_EQ(exported.status, 200) << exported.body;
  const auto doc = exported.json();
  ASSERT_EQ(doc["appointments"].size(), 2U) << doc.dump(1);
  nlohmann::json consultation;
  nlohmann::json cancellation;
  for (const auto& a : doc["appointments"]) {
    if (a["id"] == id) consultation = a;
    if (a["id"] == cancelled) cancellation = a;
  }
  ASSERT_TRUE(consultation.is_object());
  ASSERT_TRUE(cancellation.is_object());
  EXPECT_EQ(cancellation["status"], "cancelled");
  EXPECT_EQ(cancellation["cancelled_by"], "patient");
  const auto& c = consultation["consultation"];
  ASSERT_EQ(c["messages"].size(), 1U);
  EXPECT_EQ(c["messages"][0]["text"], "J'ai de la fièvre depuis hier soir.");  // opened
  EXPECT_EQ(c["messages"][0]["from"]["me"], true);
  ASSERT_EQ(c["files"].size(), 1U);
  EXPECT_EQ(c["files"][0]["name"], "gorge rouge.png");
  EXPECT_EQ(c["files"][0]["mime"], "image/png");
  const std::string path = c["files"][0]["path"];
  EXPECT_EQ(path.rfind("files/" + id + "/", 0), 0U) << path;
  EXPECT_EQ(consultation["payment"]["card_last4"], "4242");
  bool cancel_email = false;
  for (const auto& n : doc["notifications"]) cancel_email = cancel_email || n["channel"] == "email";
  EXPECT_TRUE(cancel_email);
  bool chat_logged = false;
  for (const auto& e : doc["access_log"]) {
    chat_logged = chat_logged || e["action"] == "consultation.chat.write";
  }
  EXPECT_TRUE(chat_logged);

  // The ZIP: export.json, index.html and the file, readable by another implementation.
  auto zip = HttpClient(port).get("/api/v1/me/export.zip", patient(0));
  ASSERT_EQ(zip.status, 200) << zip.body;
  EXPECT_EQ(zip.header("content-type"), "application/zip");
  EXPECT_EQ(zip.header("cache-control"), "no-store");
  const auto file = dir_.path() / "export.zip";
  std::ofstream(file, std::ios::binary) << zip.body;
  const std::string script =
      "import json, sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "assert z.testzip() is None\n"
      "doc = json.loads(z.read('export.json'))\n"
      "print(len(doc['appointments']))\n"
      "print(z.read(sys.argv[2]) == open(sys.argv[3], 'rb').read())\n"
      "print('gorge rouge.png' in z.read('index.html').decode())\n";
  const auto sent_png = dir_.path() / "sent.png";
  // What the room stores is the re-encoded image: compare with what a participant downloads.
  auto list = HttpClient(port).get("/api/v1/consultations/" + id + "/files", patient(0));
  const std::string url = list.json()["files"][0]["url"];
  std::ofstream(sent_png, std::ios::binary) << HttpClient(port).get(url, patient(0)).body;
  auto read =
      run_command({"/usr/bin/python3", "-c", script, file.string(), path, sent_png.string()});
  EXPECT_EQ(read.status, 0) << read.output;
  EXPECT_EQ(read.output, "2\nTrue\nTrue\n");
  // Each export was audited.
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.export'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, ExportTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
