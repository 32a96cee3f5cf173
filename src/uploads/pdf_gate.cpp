// The PDF gate (pdf_gate.hpp): qpdf's outcome (qpdf_scan.cpp) in the words a person reads.
#include "uploads/pdf_gate.hpp"

#include "uploads/qpdf_scan.hpp"

namespace cabinet::uploads {
namespace {

struct Words {
  const char* fr;
  const char* en;
};

Words words(qpdf_scan::Finding f) {
  using F = qpdf_scan::Finding;
  switch (f) {
    case F::script:
      return {"du code (JavaScript)", "code (JavaScript)"};
    case F::launch:
      return {"une commande qui lance un programme", "a command that starts a program"};
    case F::embedded:
      return {"un fichier joint caché à l'intérieur", "a file hidden inside it"};
    case F::media:
      return {"un contenu multimédia interactif", "interactive multimedia content"};
    case F::form:
      return {"un formulaire interactif (XFA)", "an interactive form (XFA)"};
    case F::link:
      return {"des liens ou des envois vers l'extérieur", "links or submissions to the outside"};
    case F::automatic:
    case F::none:
    case F::unreadable:
      break;
  }
  return {"des actions automatiques (à l'ouverture ou au passage de la souris)",
          "automatic actions (on opening or on mouse-over)"};
}

Error unsafe(const std::string& field, qpdf_scan::Finding f) {
  const auto w = words(f);
  Error e(ErrorCode::unsafe_file, std::string("pdf: ") + w.en);
  e.field = field;
  e.message_fr = std::string("Ce PDF contient ") + w.fr +
                 " : il ne peut pas être accepté. Ouvrez-le puis utilisez « Imprimer » > « "
                 "Enregistrer en PDF » (Imprimer en PDF) et envoyez ce nouveau fichier.";
  e.message_en = std::string("This PDF contains ") + w.en +
                 ": it cannot be accepted. Open it, use \"Print\" > \"Save as PDF\" (Print to "
                 "PDF) and send that new file.";
  return e;
}

Error unreadable(const std::string& field) {
  Error e(ErrorCode::unsafe_file, "pdf: unreadable");
  e.field = field;
  e.message_fr =
      "Ce PDF est illisible, protégé par un mot de passe ou ne contient aucune page. Ouvrez-le "
      "puis utilisez « Imprimer » > « Enregistrer en PDF » et envoyez ce nouveau fichier.";
  e.message_en =
      "This PDF cannot be read, is protected by a password or has no page. Open it, use "
      "\"Print\" > \"Save as PDF\" and send that new file.";
  return e;
}

}  // namespace

Result<std::string> rewrite_pdf(std::string_view bytes, const std::string& field) {
  auto outcome = qpdf_scan::rewrite(bytes);
  if (outcome.finding == qpdf_scan::Finding::unreadable) return unreadable(field);
  if (outcome.finding != qpdf_scan::Finding::none) return unsafe(field, outcome.finding);
  return std::move(outcome.bytes);
}

}  // namespace cabinet::uploads
