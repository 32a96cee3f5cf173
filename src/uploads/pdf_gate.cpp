// qpdf as the PDF gate (pdf_gate.hpp). The walk looks at every indirect object and every
// direct object inside it, whatever the document's structure says is reachable: a viewer may
// find an action the page tree does not point at.
#include "uploads/pdf_gate.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <optional>

namespace cabinet::uploads {
namespace {

// What was found, as a person reads it.
struct Finding {
  const char* fr;
  const char* en;
};
constexpr Finding kScript{"du code (JavaScript)", "code (JavaScript)"};
constexpr Finding kLaunch{"une commande qui lance un programme", "a command that starts a program"};
constexpr Finding kEmbedded{"un fichier joint caché à l'intérieur", "a file hidden inside it"};
constexpr Finding kMedia{"un contenu multimédia interactif", "interactive multimedia content"};
constexpr Finding kForm{"un formulaire interactif (XFA)", "an interactive form (XFA)"};
constexpr Finding kAutomatic{"des actions automatiques (à l'ouverture ou au passage de la souris)",
                             "automatic actions (on opening or on mouse-over)"};
constexpr Finding kLink{"des liens ou des envois vers l'extérieur",
                        "links or submissions to the outside"};

constexpr int kMaxDepth = 32;  // direct objects nest rarely; a deeper file is not a document

Error unsafe(const std::string& field, const Finding& f) {
  Error e(ErrorCode::unsafe_file, std::string("pdf: ") + f.en);
  e.field = field;
  e.message_fr = std::string("Ce PDF contient ") + f.fr +
                 " : il ne peut pas être accepté. Ouvrez-le puis utilisez « Imprimer » > « "
                 "Enregistrer en PDF » (Imprimer en PDF) et envoyez ce nouveau fichier.";
  e.message_en = std::string("This PDF contains ") + f.en +
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

std::optional<Finding> action_type(QPDFObjectHandle dict) {
  auto s = dict.getKey("/S");
  if (!s.isName()) return std::nullopt;
  const auto name = s.getName();
  if (name == "/JavaScript") return kScript;
  if (name == "/Launch") return kLaunch;
  if (name == "/URI" || name == "/SubmitForm" || name == "/ImportData" || name == "/GoToR" ||
      name == "/GoToE")
    return kLink;
  if (name == "/RichMediaExecute") return kMedia;
  return std::nullopt;
}

std::optional<Finding> dictionary_finding(QPDFObjectHandle dict) {
  for (const auto& key : dict.getKeys()) {
    if (key == "/JS" || key == "/JavaScript") return kScript;
    if (key == "/Launch") return kLaunch;
    if (key == "/EmbeddedFile" || key == "/EmbeddedFiles" || key == "/EF") return kEmbedded;
    if (key == "/RichMedia" || key == "/RichMediaContent" || key == "/RichMediaSettings")
      return kMedia;
    if (key == "/XFA") return kForm;
    if (key == "/AA") {
      // Say what the automatic action would do when it is one of the above.
      auto triggers = dict.getKey(key);
      if (triggers.isDictionary()) {
        for (const auto& t : triggers.getKeys()) {
          auto action = triggers.getKey(t);
          if (!action.isDictionary()) continue;
          if (auto f = action_type(action)) return f;
          if (action.hasKey("/JS")) return kScript;
        }
      }
      return kAutomatic;
    }
    // A destination (an array: "open at page 1") is harmless; an action dictionary is not.
    if (key == "/OpenAction" && dict.getKey(key).isDictionary()) {
      auto action = dict.getKey(key);
      if (action.hasKey("/JS")) return kScript;
      if (auto f = action_type(action)) return f;
      return kAutomatic;
    }
  }
  for (const char* key : {"/Type", "/Subtype"}) {
    auto t = dict.getKey(key);
    if (!t.isName()) continue;
    const auto name = t.getName();
    if (name == "/EmbeddedFile" || name == "/FileAttachment") return kEmbedded;
    if (name == "/RichMedia" || name == "/Movie" || name == "/Sound" || name == "/Screen" ||
        name == "/3D")
      return kMedia;
  }
  return action_type(dict);
}

// Direct children only: indirect ones are visited from the list of every object.
std::optional<Finding> walk(QPDFObjectHandle o, int depth) {
  if (depth > kMaxDepth) return kAutomatic;
  if (o.isStream()) return walk(o.getDict(), depth + 1);
  if (o.isDictionary()) {
    if (auto f = dictionary_finding(o)) return f;
    for (const auto& key : o.getKeys()) {
      auto child = o.getKey(key);
      if (child.isIndirect()) continue;
      if (auto f = walk(child, depth + 1)) return f;
    }
  } else if (o.isArray()) {
    for (auto& child : o.aitems()) {
      if (child.isIndirect()) continue;
      if (auto f = walk(child, depth + 1)) return f;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<std::string> rewrite_pdf(std::string_view bytes, const std::string& field) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("upload.pdf", bytes.data(), bytes.size());
    if (pdf.getRoot().getKey("/Pages").isNull()) return unreadable(field);
    for (auto& object : pdf.getAllObjects()) {
      if (auto f = walk(object, 0)) return unsafe(field, *f);
    }
    // The trailer is no indirect object: its own keys are looked at too.
    if (auto f = walk(pdf.getTrailer(), 0)) return unsafe(field, *f);
    if (pdf.getAllPages().empty()) return unreadable(field);

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    // Streams are copied as they are: decoding them here would let a small file expand into
    // gigabytes (a compression bomb) on the server.
    writer.setDecodeLevel(qpdf_dl_none);
    writer.setCompressStreams(false);
    writer.setPreserveEncryption(false);
    writer.setSuppressOriginalObjectIDs(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception&) {
    return unreadable(field);
  }
}

}  // namespace cabinet::uploads
