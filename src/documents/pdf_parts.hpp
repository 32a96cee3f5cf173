#pragma once

#include <string_view>

#include "documents/pdf_layout.hpp"
#include "documents/rendering.hpp"

// The blocks documents share (title, patient, signature) and each kind's body.
namespace cabinet::documents::pdf {

// The title, "Le 7 décembre 2026 — Téléconsultation", and the version line of a correction.
void title_block(Pages& p, const Rendering& r, std::string_view title);
// The patient's identity in a tinted box, leaving `reserved` points free on its right (for the
// QR code), at least `min_height` tall. Returns the box's top.
double patient_block(Pages& p, const Rendering& r, double reserved = 0, double min_height = 0);
// The prescriber's signature zone, kept whole at the end of the body.
void signature(Pages& p, const Rendering& r);
// A list of lines, each after a bullet.
void bullets(Pages& p, const std::vector<std::string>& lines);

void prescription(Pages& p, const Rendering& r, const PrescriptionBody& body);
void report(Pages& p, const Rendering& r, const ReportBody& body);
void sick_leave(Pages& p, const Rendering& r, const SickLeaveBody& body);
void certificate(Pages& p, const Rendering& r, const CertificateBody& body);
void care_sheet(Pages& p, const Rendering& r, const CareSheetBody& body);

}  // namespace cabinet::documents::pdf
